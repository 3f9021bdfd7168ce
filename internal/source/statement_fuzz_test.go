package source

import (
	"strings"
	"testing"
)

func FuzzParseStatement(f *testing.F) {
	f.Add([]byte(`{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://slsa.dev/provenance/v0.2","subject":[{"name":"x","digest":{"sha256":"AB"}}],"predicate":{}}`))
	f.Add([]byte(`{"_type":"https://in-toto.io/Statement/v1","predicateType":"https://spdx.dev/Document","subject":[{"digest":{"sha512":"1","sha256":"2"}}]}`))
	f.Add([]byte(`{"_type":"x"}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := ParseStatement(b)
		if err != nil {
			return
		}
		if a.PredicateType == "" || len(a.Subjects) > maxSubjects {
			t.Fatalf("accepted %+v", a)
		}
		for _, s := range a.Subjects {
			if !strings.Contains(s, ":") {
				t.Fatalf("subject %q has no algorithm", s)
			}
		}
	})
}
