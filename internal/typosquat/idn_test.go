package typosquat

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestInternationalisedHosts: punycode and Unicode hosts that decode to a
// lookalike of a well-known registry are flagged with what they imitate;
// internationalised hosts that imitate nothing are not.
func TestInternationalisedHosts(t *testing.T) {
	reg := func(target string, tech Technique) []brief {
		return []brief{{PartRegistry, target, tech, true}}
	}
	for _, tc := range []struct {
		ref     string
		want    []brief
		unicode string
	}{
		{"xn--dcker-jye.io/library/nginx", reg("docker.io", Homoglyph), "dоcker.io"},   // Cyrillic о
		{"xn--dckr-dpa1d.io/library/nginx", reg("docker.io", Homoglyph), "dóckér.io"},  // accents
		{"xn--ghr-5ed.io/owner/app", reg("ghcr.io", Homoglyph), "ghсr.io"},             // Cyrillic с
		{"xn--quy-7cd.io/prometheus/prometheus", reg("quay.io", Homoglyph), "quаy.io"}, // Cyrillic а
		{"registry.xn--k8-foc.io/pause:3.10", reg("registry.k8s.io", Homoglyph), "registry.k8ѕ.io"},
		{"xn--gr-omc.io/distroless/static", reg("gcr.io", Homoglyph), "gсr.io"},
		{"XN--DCKER-JYE.IO/library/nginx", reg("docker.io", Homoglyph), "dоcker.io"},
		{"dóckér.io/library/nginx", reg("docker.io", Homoglyph), ""},
		{"ｄｏｃｋｅｒ.io/library/nginx", reg("docker.io", Homoglyph), ""},
		{"xn--dckr-dpa1d.com/app", reg("docker.com", Homoglyph), "dóckér.com"},
		{"mirror.xn--dckr-dpa1d.io/library/nginx", reg("docker.io", Homoglyph), "mirror.dóckér.io"},
		{"xn--qy-mia.io/org/app", reg("quay.io", DroppedLetter), "qáy.io"}, // accent and a dropped letter
		// Internationalised hosts that imitate nothing.
		{"xn--bcher-kva.example/team/app", nil, ""},
		{"registry.xn--mnchen-3ya.de/team/app", nil, ""},
		{"bücher.example/team/app", nil, ""},
		// Punycode that does not decode is not judged as a lookalike.
		{"xn--zz.io/app", nil, ""},
	} {
		t.Run(tc.ref, func(t *testing.T) {
			hits, err := detector(t).Judge(tc.ref)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, briefs(hits)); diff != "" {
				t.Errorf("hits (-want +got):\n%s", diff)
			}
			for _, h := range hits {
				if h.Unicode != tc.unicode {
					t.Errorf("Unicode = %q, want %q", h.Unicode, tc.unicode)
				}
				if tc.unicode != "" && !strings.Contains(h.String(), tc.unicode) {
					t.Errorf("explanation %q does not show %q", h.String(), tc.unicode)
				}
			}
		})
	}
}
