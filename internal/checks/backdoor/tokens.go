package backdoor

import "github.com/customs-oss/customs/internal/literals"

// kind is the detector a literal token points to.
type kind uint8

const (
	kDevTCP       kind = iota // bash network redirections
	kNetcat                   // nc, ncat, netcat
	kSocat                    // socat
	kFifo                     // named pipes, the glue of nc-without-e shells
	kTelnet                   // telnet piped into a shell
	kSocket                   // socket APIs of script languages
	kDownload                 // curl, wget and friends
	kDecode                   // base64 and hex decoders
	kURL                      // URL schemes
	kRiskyHost                // dynamic DNS, tunnels and paste sites
	kMiner                    // miner programs and pool schemes
	kTempPath                 // /tmp, /dev/shm, hidden directories
	kAntiForensic             // chattr, history wiping
	kKill                     // killing other processes
	kSshd                     // the SSH daemon
	kPreload                  // LD_PRELOAD
	kShell                    // a shell named in a program's strings
	numKinds
)

// token is one literal of the search and the detector it feeds.
type token struct {
	text string
	kind kind
}

// tokens are the literals of every detector. They are matched case
// sensitively: shell commands and the APIs named here are case sensitive.
var tokens = []token{
	{"/dev/tcp/", kDevTCP}, {"/dev/udp/", kDevTCP}, {"/inet/tcp/", kDevTCP},
	{"nc ", kNetcat}, {"nc\t", kNetcat}, {"ncat", kNetcat}, {"netcat", kNetcat}, {"nc.traditional", kNetcat}, {"nc.openbsd", kNetcat},
	{"socat", kSocat},
	{"mkfifo", kFifo}, {"mknod", kFifo},
	{"telnet", kTelnet},
	{"socket", kSocket}, {"Socket", kSocket}, {"fsockopen", kSocket},
	{"curl", kDownload}, {"wget", kDownload}, {"fetch ", kDownload}, {"tftp", kDownload}, {"lwp-download", kDownload},
	{"base64", kDecode}, {"b64decode", kDecode}, {"decode_base64", kDecode}, {"xxd", kDecode}, {"unhexlify", kDecode},
	{"http://", kURL}, {"https://", kURL}, {"ftp://", kURL},
	// Miner names are written backwards: see literals.Reversed.
	{literals.Reversed("+mutarts"), kMiner},
	{literals.Reversed("+2mutarts"), kMiner},
	{literals.Reversed("girmx"), kMiner},
	{literals.Reversed("giRMX"), kMiner},
	{literals.Reversed("isfpmtvedk"), kMiner},
	{literals.Reversed("gnisnik"), kMiner},
	{literals.Reversed("drenim"), kMiner},
	{literals.Reversed("renimupc"), kMiner},
	{literals.Reversed("kats-rmx"), kMiner},
	{literals.Reversed("renimonan"), kMiner},
	{literals.Reversed("level-etanod--"), kMiner},
	{literals.Reversed("thginotpyrc"), kMiner},
	{literals.Reversed("renimcc"), kMiner},
	{literals.Reversed("xer-t"), kMiner},
	{literals.Reversed("renimbn"), kMiner},
	{"/tmp/", kTempPath}, {"/dev/shm", kTempPath}, {"/var/tmp", kTempPath}, {"/.", kTempPath},
	{"chattr", kAntiForensic}, {"history -c", kAntiForensic}, {"HISTFILE", kAntiForensic}, {"HISTSIZE=0", kAntiForensic},
	{"pkill", kKill}, {"killall", kKill}, {"kill ", kKill},
	{"sshd", kSshd}, {"service ssh", kSshd}, {"init.d/ssh", kSshd}, {"start ssh", kSshd},
	{"LD_PRELOAD", kPreload},
	{"/bin/sh", kShell}, {"/bin/bash", kShell}, {"sh -i", kShell}, {"'sh'", kShell}, {`"sh"`, kShell},
	{"'bash'", kShell}, {`"bash"`, kShell}, {"cmd.exe", kShell}, {"pty.spawn", kShell},
}

// wordStart reports whether a token found at pos starts a word: "nc " in
// "func " or "async " is not netcat.
func wordStart(data []byte, pos int) bool {
	if pos == 0 {
		return true
	}
	c := data[pos-1]
	return !(c == '_' || c == '-' || c == '.' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z')
}

// riskyHosts are the domains of dynamic DNS services, tunnels and paste
// sites: free, anonymous and quick to change, they are where droppers fetch
// their payloads from. Each is matched on a domain boundary.
var riskyHosts = []string{
	"duckdns.org", "ddns.net", "no-ip.org", "no-ip.com", "no-ip.biz", "no-ip.info", "noip.me", "hopto.org",
	"zapto.org", "sytes.net", "servehttp.com", "serveftp.com", "myftp.org", "myftp.biz", "redirectme.net",
	"dyndns.org", "dyndns.com", "dynu.net", "freedns.afraid.org", "chickenkiller.com", "mooo.com",
	"ngrok.io", "ngrok-free.app", "ngrok.app", "serveo.net", "localhost.run", "trycloudflare.com",
	"pastebin.com", "paste.ee", "hastebin.com", "ghostbin.co", "termbin.com", "transfer.sh", "temp.sh", "0x0.st",
	"bashupload.com", "oshi.at",
}

// engine finds candidate tokens of every detector in one pass.
type engine struct {
	set   *literals.Set
	kinds []kind
}

func newEngine() *engine {
	e := &engine{}
	var lits []string
	for _, t := range tokens {
		lits = append(lits, t.text)
		e.kinds = append(e.kinds, t.kind)
	}
	for _, h := range riskyHosts {
		lits = append(lits, h)
		e.kinds = append(e.kinds, kRiskyHost)
	}
	e.set = literals.MustNew(lits, false)
	return e
}

// maxHitsPerKind bounds the positions kept for one detector in one text; the
// first ones are enough to find what the text does.
const maxHitsPerKind = 64

// hits are the positions (match starts) of candidate tokens, by detector.
type hits struct {
	mask uint32
	pos  [numKinds][]int
}

func (h *hits) has(k kind) bool { return h.mask&(1<<k) != 0 }

func (e *engine) scan(data []byte) *hits {
	h := &hits{}
	e.set.Scan(data, func(pattern, start int) bool {
		k := e.kinds[pattern]
		if k == kNetcat && !wordStart(data, start) {
			return true
		}
		h.mask |= 1 << k
		if len(h.pos[k]) < maxHitsPerKind {
			h.pos[k] = append(h.pos[k], start)
		}
		return true
	})
	return h
}
