package files

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

// FuzzFileChecks runs every files check over layers made of arbitrary paths,
// types and modes. No check may panic, and every finding must point at a
// path of the image (or a directory above one).
func FuzzFileChecks(f *testing.F) {
	for _, seed := range []string{
		"0 4755 tmp/.x/sh\n1 1777 tmp\n0 0666 app/a\nL\nw tmp/.x",
		"4 0666 dev/sda\n6 0644 run/fifo\n0 0755 var/tmp/run\n1 0777 .x\n0 0600 root/.ssh/id_rsa\nL\nw root/.ssh",
		"1 0755 usr/lib/.build-id/.k\n1 0755 app/.git\n0 0644 a\n0 0644 a\nL\no ",
		"0 6755 .\n0 0755 ..a/.b./c\n2 0777 //x",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, script string) {
		layers := []*facts.LayerFacts{{}}
		var paths []string
		for i, line := range strings.Split(script, "\n") {
			if i == 256 {
				break
			}
			cur := layers[len(layers)-1]
			fields := strings.SplitN(line, " ", 3)
			switch {
			case line == "L":
				layers = append(layers, &facts.LayerFacts{})
			case len(fields) == 2 && (fields[0] == "w" || fields[0] == "o"):
				cur.Whiteouts = append(cur.Whiteouts, facts.Whiteout{Path: fields[1], Opaque: fields[0] == "o"})
			case len(fields) == 3 && len(fields[0]) == 1 && fields[0][0] >= '0' && fields[0][0] <= '7' && fields[2] != "":
				var m uint64
				for _, c := range fields[1] {
					m = m<<3 | uint64(c&7)
				}
				mode := fs.FileMode(m & 0o777)
				for bit, special := range map[uint64]fs.FileMode{0o4000: fs.ModeSetuid, 0o2000: fs.ModeSetgid, 0o1000: fs.ModeSticky} {
					if m&bit != 0 {
						mode |= special
					}
				}
				cur.Entries = append(cur.Entries, facts.Entry{Path: fields[2], Type: facts.Type(fields[0][0] - '0'), Mode: mode, Size: int64(len(line))})
				paths = append(paths, "/"+fields[2])
			}
		}
		for _, fd := range runAll(t, imageOf(layers...)) {
			p := fd.Evidence.Path
			if p == "" || p == "/" {
				continue
			}
			found := false
			for _, q := range paths {
				found = found || q == p || strings.HasPrefix(q, p+"/")
			}
			if !found {
				t.Errorf("%s finding points at %q, which is no path of the image: %s", fd.Check, p, fd.Message)
			}
		}
	})
}
