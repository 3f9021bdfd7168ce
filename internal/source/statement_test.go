package source

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

func TestParseStatement(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    facts.Attestation
		wantErr bool
	}{
		{
			name: "v1 statement, digests sorted and lower-cased",
			in:   `{"_type":"https://in-toto.io/Statement/v1","predicateType":"https://spdx.dev/Document","subject":[{"name":"a","digest":{"sha512":"FF","sha256":"AB"}}],"predicate":{"spdxVersion":"SPDX-2.3"}}`,
			want: facts.Attestation{PredicateType: "https://spdx.dev/Document", Subjects: []string{"sha256:ab", "sha512:ff"},
				Predicate: []byte(`{"spdxVersion":"SPDX-2.3"}`)},
		},
		{name: "not a statement", in: `{"_type":"https://example.com/x","predicateType":"p"}`, wantErr: true},
		{name: "no predicate type", in: `{"_type":"https://in-toto.io/Statement/v0.1"}`, wantErr: true},
		{name: "malformed", in: `{"_type":`, wantErr: true},
		{name: "subject of the wrong shape", in: `{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"p","subject":{"digest":1}}`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseStatement([]byte(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
