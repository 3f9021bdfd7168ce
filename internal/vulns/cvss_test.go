package vulns

import (
	"strings"
	"testing"
)

// cvssCase is one vector and the score the specification's calculator
// gives it, or an error.
type cvssCase struct {
	name, vector string
	want         float64
	wantErr      bool
}

// testScorer runs tests against score.
func testScorer(t *testing.T, fn string, score func(string) (float64, error), tests []cvssCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := score(tt.vector)
			if (err != nil) != tt.wantErr {
				t.Fatalf("%s(%q) error %v, want error %v", fn, tt.vector, err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("%s(%q) = %v, want %v", fn, tt.vector, got, tt.want)
			}
		})
	}
}

func TestCVSS4(t *testing.T) {
	testScorer(t, "CVSS4", CVSS4, []cvssCase{
		{"critical network RCE", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, false},
		{"local with privileges", "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 8.5, false},
		{"attack requirements present", "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.2, false},
		{"denial of service", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N", 8.7, false},
		{"subsequent systems too", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0, false},
		{"no impact", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0, false},
		{"threat not defined", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X", 9.3, false},
		{"out of order", "CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 0, true},
		{"missing metric", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N", 0, true},
		{"bad value", "CVSS:4.0/AV:X/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 0, true},
		{"trailing slash", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/", 0, true},
		{"header only", "CVSS:4.0", 0, true},
		{"v3 vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 0, true},
		{"too long", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" + strings.Repeat("/E:X", 200), 0, true},
	})
}

// TestCVSS4Threat checks that v4 threat metrics count, unlike v3's
// temporal ones: an unreported exploit lowers the score.
func TestCVSS4Threat(t *testing.T) {
	const base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
	b, err := CVSS4(base)
	if err != nil {
		t.Fatal(err)
	}
	u, err := CVSS4(base + "/E:U")
	if err != nil {
		t.Fatal(err)
	}
	if u >= b {
		t.Errorf("E:U scored %v, not below the base %v", u, b)
	}
}

func TestCVSS3(t *testing.T) {
	testScorer(t, "CVSS3", CVSS3, []cvssCase{
		{"critical network RCE", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, false},
		{"scope changed maximum", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, false},
		{"CVE-2020-1967 denial of service", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5, false},
		{"local privilege escalation", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8, false},
		{"reflected XSS", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, false},
		{"v3.0 vector", "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", 5.9, false},
		{"v3.0 critical", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, false},
		{"any order", "CVSS:3.1/A:H/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", 9.8, false},
		{"temporal metrics ignored", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H/E:P/RL:O", 7.5, false},
		{"no impact", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0, false},
		{"missing metric", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", 0, true},
		{"bad value", "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 0, true},
		{"duplicate metric", "CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 0, true},
		{"unknown version", "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 0, true},
		{"v2 vector", "AV:N/AC:L/Au:N/C:P/I:P/A:P", 0, true},
		{"v4 vector", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 0, true},
		{"too long", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" + strings.Repeat("/E:X", 200), 0, true},
	})
}

func TestCVSS2(t *testing.T) {
	testScorer(t, "CVSS2", CVSS2, []cvssCase{
		{"partial everything", "AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5, false},
		{"complete everything", "AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0, false},
		{"XSS", "AV:N/AC:M/Au:N/C:N/I:P/A:N", 4.3, false},
		{"parenthesised", "(AV:L/AC:L/Au:N/C:C/I:C/A:C)", 7.2, false},
		{"temporal metrics ignored", "AV:N/AC:L/Au:N/C:P/I:P/A:P/E:F/RL:OF/RC:C", 7.5, false},
		{"no impact", "AV:N/AC:L/Au:N/C:N/I:N/A:N", 0, false},
		{"missing metric", "AV:N/AC:L/C:P/I:P/A:P", 0, true},
		{"empty", "", 0, true},
		{"v3 vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 0, true},
	})
}

func TestScoreRecovers(t *testing.T) {
	s, err := score("CVSS:4.0/x", func() (float64, error) { panic("invalid EQs combination") })
	if err == nil || s != 0 {
		t.Errorf("score of a panicking computation = %v, %v; want 0 and an error", s, err)
	}
	if _, err := score("x", func() (float64, error) { return 10.1, nil }); err == nil {
		t.Error("score accepted 10.1")
	}
}

func FuzzCVSS4(f *testing.F) {
	f.Add("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
	f.Add("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:L/SI:S/SA:S/E:P/CR:H/IR:L/AR:M/MAV:A/MAC:H/MAT:P/MPR:L/MUI:P/MVC:N/MVI:L/MVA:H/MSC:N/MSI:S/MSA:S/S:P/AU:Y/R:I/V:C/RE:H/U:Red")
	f.Add("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/MSI:S")
	f.Fuzz(func(t *testing.T, vector string) {
		s, err := CVSS4(vector)
		if err == nil && (s < 0 || s > 10) {
			t.Fatalf("%q scored %v, outside 0..10", vector, s)
		}
		if err != nil && s != 0 {
			t.Fatalf("%q failed with score %v", vector, s)
		}
	})
}

func BenchmarkCVSS(b *testing.B) {
	benches := []struct {
		name, vector string
		score        func(string) (float64, error)
	}{
		{"v4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", CVSS4},
		{"v3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", CVSS3},
		{"v2", "AV:N/AC:L/Au:N/C:P/I:P/A:P", CVSS2},
	}
	for _, bb := range benches {
		b.Run(bb.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := bb.score(bb.vector); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
