package npm

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

func BenchmarkManifest(b *testing.B) {
	data := readFile(b, "express.package.json")
	e := &facts.Entry{Path: "node_modules/express/package.json"}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := New().Extract(context.Background(), e, data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLock(b *testing.B) {
	for _, fx := range lockFixtures {
		data := readFile(b, fx.file)
		e := &facts.Entry{Path: fx.path}
		b.Run(fx.file, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := NewLock().Extract(context.Background(), e, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLockLarge reads a synthetic lockfileVersion 3 file the size of
// a large monorepo's, some 20,000 installs.
func BenchmarkLockLarge(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString(`{"name": "app", "lockfileVersion": 3, "requires": true, "packages": {"": {"name": "app"}`)
	for i := range 20000 {
		fmt.Fprintf(&buf, `, "node_modules/pkg-%d/node_modules/dep-%d": {"version": "1.%d.0", "resolved": "https://registry.npmjs.org/dep-%d/-/dep-%d-1.%d.0.tgz", "integrity": "sha512-PYAthTa2m2VKxuvSD3DPC/Gy+U+sOA1LAuT8mkmRuvw+NACSaeXEQ+NHcVF7rONl6qcaxV3Uuemwawk+7+SJLw==", "license": "MIT", "dependencies": {"mime-types": "~2.1.34", "negotiator": "0.6.3"}, "engines": {"node": ">= 0.6"}}`, i, i%500, i%97, i%500, i%500, i%97)
	}
	buf.WriteString("}}")
	data := buf.Bytes()
	e := &facts.Entry{Path: "app/package-lock.json"}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewLock().Extract(context.Background(), e, data); err != nil {
			b.Fatal(err)
		}
	}
}
