package pin

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// found is the comparable part of a Ref: its line, text, where it sits,
// the literal text at its byte range and why it is fixed or skipped.
type found struct {
	Line            int
	Text, Where, At string
	Fixed, Skip     bool
}

func summarize(data []byte, refs []Ref) []found {
	var out []found
	for _, r := range refs {
		f := found{Line: r.Line, Text: r.Text, Where: r.Where, Fixed: r.Fixed != "", Skip: r.Skip != ""}
		if r.Start >= 0 {
			f.At = string(data[r.Start:r.End])
		}
		out = append(out, f)
	}
	return out
}

func TestParseDockerfile(t *testing.T) {
	tests := []struct {
		name, in string
		want     []found
	}{{
		name: "plain FROM with tag and stage name",
		in:   "FROM nginx:1.27 AS web\nRUN true\n",
		want: []found{{Line: 1, Text: "nginx:1.27", Where: "FROM", At: "nginx:1.27"}},
	}, {
		name: "lowercase, platform flag, CRLF",
		in:   "from --platform=linux/amd64 ghcr.io/org/app:v2\r\n",
		want: []found{{Line: 1, Text: "ghcr.io/org/app:v2", Where: "FROM", At: "ghcr.io/org/app:v2"}},
	}, {
		name: "comments and blank lines",
		in:   "# FROM commented:1\n\n   # indented comment\nFROM alpine:3.20 # not a comment in docker, kept out of the token\n",
		want: []found{{Line: 4, Text: "alpine:3.20", Where: "FROM", At: "alpine:3.20"}},
	}, {
		name: "line continuation with a comment line inside",
		in:   "FROM \\\n# interleaved comment\n  debian:12 \\\n  AS base\nCOPY --from=base /a /b\n",
		want: []found{{Line: 3, Text: "debian:12", Where: "FROM", At: "debian:12"}},
	}, {
		name: "reference split across lines cannot be rewritten",
		in:   "FROM alpine:\\\n3.20\n",
		want: []found{{Line: 1, Text: "alpine:3.20", Where: "FROM", Fixed: true}},
	}, {
		name: "escape directive",
		in:   "# escape=`\nFROM `\n  mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir c:\\\n",
		want: []found{{Line: 3, Text: "mcr.microsoft.com/windows/servercore:ltsc2022", Where: "FROM", At: "mcr.microsoft.com/windows/servercore:ltsc2022"}},
	}, {
		name: "ARG default substituted and located",
		in:   "ARG BASE=alpine:3.20\nARG GO=\"golang:1.23\"\nFROM ${GO} AS build\nFROM $BASE\n",
		want: []found{
			{Line: 2, Text: "golang:1.23", Where: "FROM (ARG default)", At: "golang:1.23"},
			{Line: 1, Text: "alpine:3.20", Where: "FROM (ARG default)", At: "alpine:3.20"},
		},
	}, {
		name: "ARG used twice is one reference",
		in:   "ARG BASE=alpine:3.20\nFROM $BASE AS a\nFROM ${BASE}\n",
		want: []found{{Line: 1, Text: "alpine:3.20", Where: "FROM (ARG default)", At: "alpine:3.20"}},
	}, {
		name: "composite ARG reference resolves but is fixed",
		in:   "ARG VER=3.20\nFROM alpine:${VER}\nFROM debian:${DEB:-12}\n",
		want: []found{
			{Line: 2, Text: "alpine:3.20", Where: "FROM", Fixed: true},
			{Line: 3, Text: "debian:12", Where: "FROM", Fixed: true},
		},
	}, {
		name: "ARG without default is skipped",
		in:   "ARG BASE\nFROM $BASE\n",
		want: []found{{Line: 2, Text: "$BASE", Where: "FROM", Skip: true}},
	}, {
		name: "stage ARG does not reach FROM",
		in:   "FROM alpine:3.20\nARG LATER=busybox:1\nFROM $LATER\n",
		want: []found{
			{Line: 1, Text: "alpine:3.20", Where: "FROM", At: "alpine:3.20"},
			{Line: 3, Text: "$LATER", Where: "FROM", Skip: true},
		},
	}, {
		name: "multi-stage: stage names, indexes and scratch skipped",
		in: "FROM golang:1.23 AS Build\nFROM build AS again\nFROM scratch\n" +
			"COPY --from=build /a /a\nCOPY --from=0 /b /b\nCOPY --from=nginx:1.27 --chown=1:1 /c /c\n",
		want: []found{
			{Line: 1, Text: "golang:1.23", Where: "FROM", At: "golang:1.23"},
			{Line: 6, Text: "nginx:1.27", Where: "COPY --from", At: "nginx:1.27"},
		},
	}, {
		name: "RUN --mount from an image, not a stage",
		in:   "FROM alpine:3.20 AS tools\nRUN --mount=type=bind,from=busybox:1.36,target=/b --mount=from=tools,target=/t true\n",
		want: []found{
			{Line: 1, Text: "alpine:3.20", Where: "FROM", At: "alpine:3.20"},
			{Line: 2, Text: "busybox:1.36", Where: "RUN --mount from", At: "busybox:1.36"},
		},
	}, {
		name: "heredoc bodies are skipped",
		in:   "FROM alpine:3.20\nRUN <<EOF\nFROM evil:1\nEOF\nCOPY <<-\"A\" /x <<B /y\n\tFROM evil:2\n\tA\nFROM evil:3\nB\nFROM debian:12\n",
		want: []found{
			{Line: 1, Text: "alpine:3.20", Where: "FROM", At: "alpine:3.20"},
			{Line: 10, Text: "debian:12", Where: "FROM", At: "debian:12"},
		},
	}, {
		name: "already pinned",
		in:   "FROM nginx:1.27@sha256:0000000000000000000000000000000000000000000000000000000000000000\n",
		want: []found{{Line: 1, Text: "nginx:1.27@sha256:0000000000000000000000000000000000000000000000000000000000000000", Where: "FROM",
			At: "nginx:1.27@sha256:0000000000000000000000000000000000000000000000000000000000000000"}},
	}, {
		name: "empty and FROM without image",
		in:   "FROM\n\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			refs, err := ParseDockerfile([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, summarize([]byte(tt.in), refs)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestExpand(t *testing.T) {
	vars := map[string]argValue{"A": {value: "x"}, "E": {value: ""}}
	tests := []struct {
		in, want, missing string
	}{
		{"plain", "plain", ""},
		{"$A", "x", ""},
		{"${A}-$A.$", "x-x.$", ""},
		{"${E:-def}", "def", ""},
		{"${A:-def}", "x", ""},
		{"${A:+alt}${E:+no}", "alt", ""},
		{"\\$A", "$A", ""},
		{"$B", "", "B"},
		{"${B", "", "${B"},
	}
	for _, tt := range tests {
		got := expand(tt.in, vars)
		if got.missing != tt.missing || tt.missing == "" && got.text != tt.want {
			t.Errorf("expand(%q) = %q missing %q, want %q missing %q", tt.in, got.text, got.missing, tt.want, tt.missing)
		}
	}
}
