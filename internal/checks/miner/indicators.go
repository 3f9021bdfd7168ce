package miner

// kind groups the indicators by what they tell.
type kind uint8

const (
	// program: strings of mining programs and their droppers.
	program kind = iota
	// scheme: a stratum URL scheme, the protocol of mining pools.
	scheme
	// flag: a miner command-line option.
	flag
	// browserMiner: a browser mining script or service.
	browserMiner
	// pool: a known mining pool domain (added from data/pools.txt).
	pool
	// packer: the marks of an executable packed with UPX.
	packer
)

// indicator is one literal searched in content, under the label a report
// shows. Weights add up per distinct label: weight 4 is conclusive alone,
// lower weights need company.
type indicator struct {
	literal string
	label   string
	weight  int
	kind    kind
}

// indicators are the literals of mining programs, their options and
// browser miners. Case variants are listed because the search is
// case-sensitive (binary content cannot be folded cheaply).
//
// Literals and labels are written backwards and turned around when the
// matcher is built: customs' own executable then does not carry the
// strings it looks for, and neither customs nor another scanner takes it
// for a miner (see literals.Reversed).
var indicators = []indicator{
	{"moc.girmx.2v.etanod", "loop noitanod girmx", 4, program},
	{"moc.girmx.lss.etanod", "loop noitanod girmx", 4, program},
	{"girmx", "girmx", 2, program},
	{"giRMX", "girmx", 2, program},
	{"GIRMX", "girmx", 2, program},
	{"kats-rmx", "kats-rmx", 2, program},
	{"katS-RMX", "kats-rmx", 2, program},
	{"renimupc :egasU", "txet egasu renimupc", 4, program},
	{"renimupc", "renimupc", 2, program},
	{"renimcc", "renimcc", 2, program},
	{"renim UPG AIDIVN xeR-T", "xer-t", 4, program},
	{"reniMBN", "renimbn", 2, program},
	{"renimbn", "renimbn", 2, program},
	{"reniMxineohP", "renimxineohp", 2, program},
	{"reniMBRS", "renimbrs", 2, program},
	{"reniMlol", "renimlol", 2, program},
	{"isfpmtvedk", ")renim gnisniK( isfpmtvedk", 4, program},
	{"gnisnik", "gnisnik", 3, program},
	{"xmodnar", "xmodnar", 1, program},
	{"XmodnaR", "xmodnar", 1, program},
	{"thginotpyrc", "thginotpyrc", 1, program},
	{"thgiNotpyrC", "thginotpyrc", 1, program},
	{"ebircsbus.gninim", "sdohtem gninim mutarts", 1, program},
	{"ezirohtua.gninim", "sdohtem gninim mutarts", 1, program},
	{"//:pct+mutarts", "//:pct+mutarts", 2, scheme},
	{"//:lss+mutarts", "//:lss+mutarts", 2, scheme},
	{"//:slt+mutarts", "//:slt+mutarts", 2, scheme},
	{"//:pct+2mutarts", "//:pct+2mutarts", 2, scheme},
	{"//:pct+1mutarts", "//:pct+1mutarts", 2, scheme},
	{"level-etanod--", "level-etanod--", 2, flag},
	{"tnih-sdaerht-xam-upc--", "tnih-sdaerht-xam-upc--", 2, flag},
	{"egasu-upc-xam--", "egasu-upc-xam--", 2, flag},
	{"edom-xmodnar--", "edom-xmodnar--", 2, flag},
	{"orenom=nioc--", "orenom nioc--", 2, flag},
	{"orenom nioc--", "orenom nioc--", 2, flag},
	{"thginotpyrc a-", "thginotpyrc a-", 2, flag},
	{"thginotpyrc=ogla--", "thginotpyrc a-", 2, flag},
	{"0/xr a-", "0/xr a-", 2, flag},
	{"0/xr=ogla--", "0/xr a-", 2, flag},
	{"0/xr ogla--", "0/xr a-", 2, flag},
	{"suomynonA.eviHnioC", "suomynonA.eviHnioC", 4, browserMiner},
	{"resU.eviHnioC", "resU.eviHnioC", 4, browserMiner},
	{"nekoT.eviHnioC", "nekoT.eviHnioC", 4, browserMiner},
	{"(suomynonA.tneilC wen", "(suomynonA.tneilC wen", 4, browserMiner},
	{"suomynonA.tooLotpyrC", "suomynonA.tooLotpyrC", 4, browserMiner},
	{"suomynonA.TLRC", "suomynonA.tooLotpyrC", 4, browserMiner},
	{"sj.nim.evihnioc", "sj.nim.evihnioc", 3, browserMiner},
	{"moc.evihnioc", "moc.evihnioc", 2, browserMiner},
	{"moc.evih-nioc", "moc.evih-nioc", 2, browserMiner},
	{"moc.enimdehtua", "moc.enimdehtua", 2, browserMiner},
	{"moc.tool-otpyrc", "moc.tool-otpyrc", 2, browserMiner},
	{"orp.toolotpyrc", "moc.tool-otpyrc", 2, browserMiner},
	{"moc.niocesj", "moc.niocesj", 2, browserMiner},
	{"moc.loopenimbew", "moc.loopenimbew", 2, browserMiner},
	{"moc.pminioc", "moc.pminioc", 2, browserMiner},
	{"cc.orenim", "cc.orenim", 2, browserMiner},
	{"zc.enimbew", "zc.enimbew", 2, browserMiner},
	{"hsah_thginotpyrc", "tropxe msaw thginotpyrc", 3, browserMiner},
	{"msaw.thginotpyrc", "msaw.thginotpyrc", 3, browserMiner},
	{"!XPU", "cigam XPU", 0, packer},
	{"XPU eht htiw dekcap si elif sihT :ofnI$", "eciton XPU", 0, packer},
}
