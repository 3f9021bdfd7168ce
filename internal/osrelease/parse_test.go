package osrelease

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    map[string]string
		wantErr bool
	}{
		{
			name: "unquoted, double and single quotes",
			in:   "ID=alpine\nNAME=\"Alpine Linux\"\nPRETTY_NAME='Alpine Linux v3.22'\n",
			want: map[string]string{"ID": "alpine", "NAME": "Alpine Linux", "PRETTY_NAME": "Alpine Linux v3.22"},
		},
		{
			name: "comments, blank lines and CRLF",
			in:   "# written by hand\r\n\r\n  ID=debian\r\n\t# indented comment\nVERSION_ID=\"12\"\r\n",
			want: map[string]string{"ID": "debian", "VERSION_ID": "12"},
		},
		{
			name: "escapes inside double quotes",
			in:   `NAME="a \"quoted\" \$HOME \` + "`" + `cmd\` + "`" + ` back\\slash \n kept"`,
			want: map[string]string{"NAME": "a \"quoted\" $HOME `cmd` back\\slash \\n kept"},
		},
		{
			name: "single quotes are literal",
			in:   `NAME='no \"escapes\" here'`,
			want: map[string]string{"NAME": `no \"escapes\" here`},
		},
		{
			name: "backslash outside quotes escapes the next character",
			in:   `NAME=Fancy\ Linux\!`,
			want: map[string]string{"NAME": "Fancy Linux!"},
		},
		{
			name: "concatenated parts",
			in:   `NAME="Fancy"' Linux'\ 2`,
			want: map[string]string{"NAME": "Fancy Linux 2"},
		},
		{
			name: "empty values",
			in:   "VERSION_CODENAME=\"\"\nVARIANT=\n",
			want: map[string]string{"VERSION_CODENAME": "", "VARIANT": ""},
		},
		{
			name: "spaces around the key and the value",
			in:   "ID = fedora \n",
			want: map[string]string{"ID": "fedora"},
		},
		{
			name: "later assignment wins",
			in:   "ID=one\nID=two\n",
			want: map[string]string{"ID": "two"},
		},
		{
			name:    "line without equals sign is skipped and reported",
			in:      "ID=alpine\nthis is not an assignment\nVERSION_ID=3.22.2\n",
			want:    map[string]string{"ID": "alpine", "VERSION_ID": "3.22.2"},
			wantErr: true,
		},
		{
			name:    "invalid key",
			in:      "1ID=x\nID-LIKE=y\nID=ok\n",
			want:    map[string]string{"ID": "ok"},
			wantErr: true,
		},
		{
			name:    "unterminated double quote",
			in:      "NAME=\"Alpine\nID=alpine\n",
			want:    map[string]string{"ID": "alpine"},
			wantErr: true,
		},
		{
			name:    "unterminated single quote",
			in:      "NAME='Alpine\n",
			want:    map[string]string{},
			wantErr: true,
		},
		{
			name:    "trailing backslash",
			in:      "NAME=Alpine\\\n",
			want:    map[string]string{},
			wantErr: true,
		},
		{
			name: "empty input",
			in:   "",
			want: map[string]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("Parse error = %v, want error %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseLimits(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"too many bytes", "NAME=\"" + strings.Repeat("x", MaxSize) + "\"\n"},
		{"too many lines", strings.Repeat("\n", MaxLines+1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.in))
			if !errors.Is(err, ErrTooLarge) {
				t.Errorf("Parse error = %v, want ErrTooLarge", err)
			}
			if got != nil {
				t.Errorf("Parse returned %d assignments for input over the limit", len(got))
			}
		})
	}
}

func TestParseRealFiles(t *testing.T) {
	for _, name := range []string{"alpine-3.22", "debian-12", "ubuntu-24.04", "ubi-9", "centos-7", "fedora-40", "amzn-2023", "opensuse-leap-15.5", "wolfi", "distroless-12"} {
		t.Run(name, func(t *testing.T) {
			m, err := Parse([]byte(release(t, name)))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if m["ID"] == "" || m["PRETTY_NAME"] == "" {
				t.Errorf("Parse = %v, want ID and PRETTY_NAME", m)
			}
		})
	}
}
