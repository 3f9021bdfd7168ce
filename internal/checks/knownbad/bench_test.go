package knownbad

import (
	"bytes"
	"context"
	"io/fs"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

// BenchmarkContent runs the hash and EICAR checks the way the layer pass
// does over a mix of entries: small configs, EICAR-sized files, compressed
// documentation, ELF programs and a file of a listed size. MB/s is over all
// the bytes of the mix, most of which neither check wants.
func BenchmarkContent(b *testing.B) {
	type file struct {
		e    facts.Entry
		data []byte
	}
	var mix []file
	add := func(p string, data []byte, mode fs.FileMode) {
		mix = append(mix, file{facts.Entry{Path: p, Type: facts.TypeFile, Size: int64(len(data)), Mode: mode}, data})
	}
	for i := 0; i < 200; i++ {
		add("etc/conf.d/x.conf", bytes.Repeat([]byte("key = value\n"), 40), 0o644)
		add("etc/hostname", []byte("a-host-name-of-seventy-bytes-or-so-to-fall-into-the-eicar-size-window\n"), 0o644)
		add("usr/share/doc/p/changelog.gz", gzipOf(b, "changelog", bytes.Repeat([]byte("* fixed a bug\n"), 500)), 0o644)
		add("usr/bin/tool", append([]byte("\x7fELF"), bytes.Repeat([]byte{0x90}, 200<<10)...), 0o755)
	}
	add("opt/blob.bin", bytes.Repeat([]byte{1}, 5440000), 0o644)
	var total int64
	for _, f := range mix {
		total += f.e.Size
	}
	h, e := hash()().(*hashCheck), eicar()().(*eicarCheck)
	b.SetBytes(total)
	ctx := context.Background()
	for b.Loop() {
		for i := range mix {
			f := &mix[i]
			if h.Wants(&f.e) {
				h.CheckContent(ctx, &f.e, f.data)
			}
			if e.Wants(&f.e) {
				e.CheckContent(ctx, &f.e, f.data)
			}
		}
	}
}
