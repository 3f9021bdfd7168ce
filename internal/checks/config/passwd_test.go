package config

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParsePasswd(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []account
	}{
		{"typical", "root:x:0:0:root:/root:/bin/sh\napp:x:10001:10001::/app:/sbin/nologin\n", []account{{"root", 0}, {"app", 10001}}},
		{"crlf and no final newline", "root:x:0:0::/:/bin/sh\r\nweb:x:33:33::/:/bin/sh", []account{{"root", 0}, {"web", 33}}},
		{"comments, blanks and NIS lines", "# users\n\n+::::::\n-bad::::::\nops:x:7:7::/:/bin/sh\n", []account{{"ops", 7}}},
		{"bad uids skipped", "a:x:-1:0::/:\nb:x:4294967296:0::/:\nc:x:abc:0::/:\nd:x:4294967295:0::/:\n", []account{{"d", 4294967295}}},
		{"too few fields", "root:x\n:x:0:0::/:\n", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parsePasswd([]byte(tt.in))
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(account{})); diff != "" {
				t.Errorf("parsePasswd (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParsePasswdBounds(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < maxPasswdBytes+1000; i++ {
		fmt.Fprintf(&b, "u%d:x:%d:0::/:/bin/sh\n", i, i)
	}
	got := parsePasswd([]byte(b.String()))
	if len(got) > maxPasswdEntries {
		t.Errorf("%d entries, want at most %d", len(got), maxPasswdEntries)
	}
	if len(got) == 0 {
		t.Error("no entries read before the bound")
	}
}

func TestLookupUserFirstWins(t *testing.T) {
	accts := parsePasswd([]byte("toor:x:0:0::/:/bin/sh\ntoor:x:1000:1000::/:/bin/sh\n"))
	if uid, ok := lookupUser(accts, "toor"); !ok || uid != 0 {
		t.Errorf("lookupUser(toor) = %d, %v; want 0, true", uid, ok)
	}
	if _, ok := lookupUser(accts, "nobody"); ok {
		t.Error("lookupUser(nobody) found a user that is not there")
	}
}

func FuzzParsePasswd(f *testing.F) {
	for _, s := range []string{
		"root:x:0:0:root:/root:/bin/sh\n", "a:b:c\n", "::::\n", "+\n#\n\n", "x:x:99999999999999999999:0\n",
		"app:x:10001:10001::/app:/sbin/nologin\r\n", "\n\n\n", "a:x:1",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		accts := parsePasswd(b)
		if len(accts) > maxPasswdEntries {
			t.Fatalf("%d entries over the bound", len(accts))
		}
		var again strings.Builder
		for _, a := range accts {
			if a.name == "" || strings.ContainsAny(a.name, ":\n") {
				t.Fatalf("bad name %q", a.name)
			}
			fmt.Fprintf(&again, "%s:x:%d:0::/:/bin/sh\n", a.name, a.uid)
		}
		if diff := cmp.Diff(accts, parsePasswd([]byte(again.String())), cmp.AllowUnexported(account{})); diff != "" {
			t.Fatalf("entries do not survive a round trip (-first +second):\n%s", diff)
		}
	})
}
