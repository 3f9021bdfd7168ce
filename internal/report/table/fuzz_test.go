package table

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/customs-oss/customs/internal/report"
)

// FuzzWrite puts image-controlled strings into every field the table prints
// and checks that none of them reaches the terminal as a control sequence,
// that the verdict stays the last line, and that a credential redaction
// recognises is never shown.
func FuzzWrite(f *testing.F) {
	f.Add("etc/passwd", "config.Env[0]", "message", "value", "linux/amd64", "ENV A=b")
	f.Add("\x1b[2J\x1b[H", "\r\nVERDICT: ACCEPT", "\u202eevil", "\x9b31m", "\xff\xfe", "\x00\x07\x08")
	f.Add("a b/c", "", "", "", "", "/bin/sh -c #(nop) CMD [\"x\"]")
	f.Add(strings.Repeat("x", 300), strings.Repeat("y ", 200), "\u2028\u0085", "\t", "é", "")
	const secret = "AKIAIOSFODNN7EXAMPLE"
	f.Fuzz(func(t *testing.T, path, key, msg, value, platform, createdBy string) {
		r := richReport()
		r.Image.Reference, r.Image.Platform, r.Image.User = path, platform, key
		r.Image.Entrypoint = []string{value, secret}
		r.Image.Layers[0].CreatedBy = createdBy + " " + secret
		r.Image.Surface = append(r.Image.Surface, report.Component{Kind: key, Name: msg, Path: path})
		r.Findings = append(r.Findings, report.Finding{
			Check: key, Title: msg, Message: msg + " " + secret + " ", Remediation: value, References: []string{path},
			Evidence: report.Evidence{Layer: report.Int(0), LayerDigest: platform, Path: path,
				ConfigKey: key, Value: value + " " + secret + " ", Reference: path},
		})
		r.Checks = append(r.Checks, report.CheckStatus{ID: key, Status: report.StatusError, Error: msg})
		r.Verdict.Reason = msg

		var buf bytes.Buffer
		if err := Write(&buf, r, Options{}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if !utf8.ValidString(out) {
			t.Fatal("output is not valid UTF-8")
		}
		for _, c := range out {
			if c != '\n' && c != ' ' && !unicode.IsPrint(c) {
				t.Fatalf("output contains the unprintable rune %U", c)
			}
		}
		if strings.Contains(out, secret) {
			t.Fatalf("output shows the credential %s", secret)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if !strings.HasPrefix(lines[len(lines)-1], "VERDICT: REJECT") {
			t.Fatalf("the last line is not the verdict: %q", lines[len(lines)-1])
		}

		buf.Reset()
		if err := Write(&buf, r, Options{Color: true}); err != nil {
			t.Fatal(err)
		}
		colored := buf.String()
		for _, seq := range []string{reset, bold, dim, green, yellow, cyan, boldRed, onRed, onYellow, onGreen} {
			colored = strings.ReplaceAll(colored, seq, "")
		}
		if strings.ContainsRune(colored, '\x1b') {
			t.Fatal("coloured output contains an escape sequence the renderer did not write")
		}
	})
}
