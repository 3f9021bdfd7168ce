package backdoor

import (
	"bytes"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	// fetchPipe is a download piped into a shell or interpreter.
	fetchPipe = regexp.MustCompile(`\b(?:curl|wget|fetch|lwp-download|tftp)\b[^|\n]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:env\s+)?(?:\S*/)?(?:(?:ba|z|k|da|a)?sh|python[0-9.]*|perl|ruby|php|node)\b`)
	// fetchSubst is a download run through command or process substitution.
	fetchSubst = regexp.MustCompile(`(?:\b(?:ba|z|k|da|a)?sh\s+(?:-\S+\s+)*(?:-c\s+)?["']?|\beval\s+["']?|(?:^|[\s;&|])(?:source|\.)\s+)(?:\$\(|<\(|` + "`" + `)\s*(?:curl|wget)\b`)
	// fetchOutput is a download saved to a named file.
	fetchOutput = regexp.MustCompile(`\b(?:curl|wget)\b[^\n;|&]*?(?:\s-o\s*|\s-O\s*|\s--output(?:-document)?[=\s])\s*['"]?([^\s'";&|]+)`)
	// wgetPlain is wget saving under the URL's last path segment.
	wgetPlain = regexp.MustCompile(`\bwget\s+(?:-[a-zA-Z]+\s+)*['"]?(?:https?|ftp)://[^\s'";&|]*/([A-Za-z0-9._\-]+)['"]?(?:\s|$|;|&)`)
)

// maxFileName bounds the name of a downloaded file looked for.
const maxFileName = 256

// runsFile reports whether text makes file executable and runs it, or runs
// it with an interpreter: the second half of "download then execute".
func runsFile(text []byte, file string) bool {
	if file == "" || file == "-" || file == "/dev/null" || strings.HasPrefix(file, "$") && len(file) < 3 || !utf8.ValidString(file) || len(file) > maxFileName {
		return false
	}
	q := regexp.QuoteMeta(file)
	base := regexp.QuoteMeta(path.Base(file))
	chmod, err := regexp.Compile(`\bchmod\s+(?:-\S+\s+)*(?:[0-7]*[157][0-7]{0,2}|[ugoa]*\+[rw]*x\w*)\s+(?:\S+\s+)*['"]?\S*` + base + `\b`)
	if err != nil {
		return false
	}
	run, err := regexp.Compile(`(?m)(?:^|[;&|(]\s*|\b(?:nohup|exec|setsid|sudo|then|do)\s+|\b(?:ba|z|k|da|a)?sh\s+|\b(?:python[0-9.]*|perl|ruby|php|node)\s+)(?:\./)?['"]?` + q + `['"]?(?:\s|$|;|&|\))`)
	if err != nil {
		return false
	}
	if run.Match(text) {
		return true
	}
	if !chmod.Match(text) {
		return false
	}
	// After chmod +x, the file run by its path (or ./name).
	runPath, err := regexp.Compile(`(?m)(?:^|[;&|(]\s*|\b(?:nohup|exec|setsid|sudo|then|do)\s+)(?:\S*/)?` + base + `(?:\s|$|;|&|\))`)
	return err == nil && runPath.Match(text)
}

// downloadExec says how a line (with the lines after it, in after) downloads
// something and runs it.
func downloadExec(line, after []byte) (string, bool) {
	if fetchPipe.Match(line) {
		return "a download is piped into a shell or interpreter", true
	}
	if fetchSubst.Match(line) {
		return "a download is run through command substitution", true
	}
	text := line
	if len(after) > 0 {
		text = bytes.Join([][]byte{line, after}, []byte{'\n'})
	}
	for _, re := range []*regexp.Regexp{fetchOutput, wgetPlain} {
		if m := re.FindSubmatchIndex(line); m != nil {
			file := string(line[m[2]:m[3]])
			if runsFile(text[m[1]:], file) {
				return "a download is saved as " + file + " and run", true
			}
		}
	}
	return "", false
}
