package pin

import (
	"strings"
	"testing"
	"time"
)

func TestParseDockerfileLargeInputsAreFast(t *testing.T) {
	for name, in := range map[string]string{
		"continuations": strings.Repeat("FROM a\\\n", 200000),
		"instructions":  strings.Repeat("FROM alpine:3.20\n", 200000),
		"heredocs":      strings.Repeat("RUN <<A <<B <<C\n", 100000),
		"args":          strings.Repeat("ARG A=$A$A\n", 100000) + "FROM $A\n",
		"doubling args": "ARG A=x\n" + strings.Repeat("ARG A=$A$A\n", 100) + "FROM $A\n",
		"long line":     "FROM " + strings.Repeat("a", MaxFileSize-10),
	} {
		start := time.Now()
		if _, err := ParseDockerfile([]byte(in)); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: %v", name, d)
		}
		t.Logf("%s: %v", name, time.Since(start))
	}
}
