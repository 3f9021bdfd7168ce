package miner

import (
	"archive/zip"
	"bytes"
	"context"
	"testing"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
)

// FuzzContent runs every miner content check on arbitrary content under
// names each check wants: no panic, no error, findings point at the file.
func FuzzContent(f *testing.F) {
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	w, _ := zw.Create("a/xmrig")
	w.Write([]byte("\x7fELFdonate.v2.xmrig.com"))
	zw.Close()
	for _, s := range []string{
		"#!/bin/sh\nnohup ./x -o stratum+tcp://pool.minexmr.com:4444 -u " + xmrWallet + " &\n",
		`{"pools":[{"url":"xmrpool.eu:9999","user":"` + xmrWallet + `","coin":"xmr"}],"donate-level":1,"randomx":{}}`,
		"\x7fELF\x02UPX!$Info: This file is packed with the UPX",
		zbuf.String(),
		"\x1f\x8b\x08\x00",
		"<script>new CoinHive.Anonymous('k')</script>",
	} {
		f.Add([]byte(s))
	}
	var ccs []check.ContentChecker
	for _, ctor := range Checks() {
		if cc, ok := ctor().(check.ContentChecker); ok {
			ccs = append(ccs, cc)
		}
	}
	names := []string{"app/x.sh", "etc/config.json", "usr/bin/x", "root/a.tar.gz", "var/www/index.html"}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range names {
			e := facts.Entry{Path: name, Type: facts.TypeFile, Mode: 0o755, Size: int64(len(data))}
			for _, cc := range ccs {
				if !cc.Wants(&e) {
					continue
				}
				fs, err := cc.CheckContent(context.Background(), &e, data)
				if err != nil {
					t.Fatalf("%s: %v", cc.Info().ID, err)
				}
				for _, fd := range fs {
					if fd.Evidence.Path != "/"+name || fd.Check != cc.Info().ID {
						t.Fatalf("finding %+v", fd)
					}
				}
			}
		}
	})
}

// FuzzUnpack checks that nested archives are walked within their bounds.
func FuzzUnpack(f *testing.F) {
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	w, _ := zw.Create("x")
	w.Write(bytes.Repeat([]byte("a"), 1000))
	zw.Close()
	f.Add(zbuf.Bytes())
	f.Add([]byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"))
	f.Fuzz(func(t *testing.T, data []byte) {
		total, n := 0, 0
		unpack(data, func(m member) bool {
			total += len(m.data)
			n++
			return true
		})
		if total > maxUnpacked || n > maxMembers {
			t.Fatalf("unpacked %d bytes in %d members", total, n)
		}
	})
}
