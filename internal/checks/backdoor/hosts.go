package backdoor

import (
	"net/netip"
	"regexp"
	"strings"
)

// urlHost finds URLs and their hosts.
var urlHost = regexp.MustCompile(`(?i)\b(?:https?|ftp)://(?:[^\s/@'"]*@)?(\[[0-9a-f:.]+\]|[a-z0-9.\-]+)`)

// hostRisk says why a download host is suspicious, or "" when it is not:
// a raw public IP address (no name to vouch for it), or a dynamic DNS,
// tunnel or paste service (free, anonymous, quick to change).
func hostRisk(host string) string {
	host = strings.ToLower(strings.Trim(host, "[]."))
	if a, err := netip.ParseAddr(host); err == nil {
		if a.IsLoopback() || a.IsUnspecified() {
			return ""
		}
		if a.IsPrivate() || a.IsLinkLocalUnicast() {
			return "the private IP address " + host
		}
		return "the raw IP address " + host
	}
	for _, d := range riskyHosts {
		if host == d || strings.HasSuffix(host, "."+d) {
			return host + ", a dynamic DNS, tunnel or paste service"
		}
	}
	return ""
}

// riskiestHost returns the first suspicious host of the URLs in line and
// why it is suspicious.
func riskiestHost(line []byte) (string, bool) {
	for _, m := range urlHost.FindAllSubmatch(line, 8) {
		if why := hostRisk(string(m[1])); why != "" {
			return why, true
		}
	}
	return "", false
}

// plainHTTP reports whether line fetches over unencrypted HTTP or FTP.
func plainHTTP(line []byte) bool {
	for _, m := range urlHost.FindAll(line, 8) {
		s := strings.ToLower(string(m))
		if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "ftp://") {
			return true
		}
	}
	return false
}
