package npm

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

func TestManifests(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		want    []facts.Package
		wantErr bool
	}{
		{
			name: "express 4.17.1 as published",
			data: string(readFile(t, "express.package.json")),
			want: []facts.Package{{Type: "npm", Name: "express", Version: "4.17.1", Licenses: []string{"MIT"}}},
		},
		{
			name: "scoped",
			data: `{"name": "@babel/core", "version": "7.12.3", "license": "MIT"}`,
			want: []facts.Package{{Type: "npm", Name: "@babel/core", Version: "7.12.3", Licenses: []string{"MIT"}}},
		},
		{
			name: "license object",
			data: `{"name": "x", "version": "1.0.0", "license": {"type": "ISC", "url": "https://opensource.org/licenses/ISC"}}`,
			want: []facts.Package{{Type: "npm", Name: "x", Version: "1.0.0", Licenses: []string{"ISC"}}},
		},
		{
			name: "legacy licenses array",
			data: `{"name": "x", "version": "0.1.2", "licenses": [{"type": "MIT", "url": "u"}, {"type": "Apache-2.0"}, "BSD-3-Clause", 7, {"type": {"nested": true}}]}`,
			want: []facts.Package{{Type: "npm", Name: "x", Version: "0.1.2", Licenses: []string{"MIT", "Apache-2.0", "BSD-3-Clause"}}},
		},
		{
			name: "SPDX expression kept whole",
			data: `{"name": "x", "version": "2.0.0-beta.1", "license": "(MIT OR Apache-2.0)"}`,
			want: []facts.Package{{Type: "npm", Name: "x", Version: "2.0.0-beta.1", Licenses: []string{"(MIT OR Apache-2.0)"}}},
		},
		{
			name: "no license",
			data: `{"name": "x", "version": "1.0.0", "license": 42}`,
			want: []facts.Package{{Type: "npm", Name: "x", Version: "1.0.0"}},
		},
		{
			name: "private root without version",
			data: `{"name": "app", "private": true}`,
		},
		{
			name: "no name",
			data: `{"version": "1.0.0"}`,
		},
		{
			name:    "not JSON",
			data:    `{"name": "x", "version": `,
			wantErr: true,
		},
		{
			name:    "version of the wrong type",
			data:    `{"name": "x", "version": 1}`,
			wantErr: true,
		},
	}
	e := &facts.Entry{Path: "app/node_modules/x/package.json"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := New().Extract(context.Background(), e, []byte(tt.data))
			if (err != nil) != tt.wantErr {
				t.Fatalf("Extract error = %v, want error %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Extract mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
