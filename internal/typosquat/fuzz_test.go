package typosquat

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzSkeleton(f *testing.F) {
	for _, s := range []string{"goog1e", "rnicrosoft", "nоde", "vvv", "crnl", "", "ÀÉ", "\xff\xfe", "αβγ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Skeleton(s)
		if utf8.ValidString(s) && len(s) <= maxSkeleton {
			if again := Skeleton(k); again != k {
				t.Errorf("Skeleton not idempotent: %q → %q → %q", s, k, again)
			}
		}
		if ascii(s) && !ascii(k) {
			t.Errorf("Skeleton(%q) = %q is not ASCII", s, k)
		}
		if len(k) > 3*maxSkeleton {
			t.Errorf("Skeleton(%q) is %d bytes", s, len(k))
		}
	})
}

func FuzzDistance(f *testing.F) {
	f.Add("nginx", "ngnix")
	f.Add("", "abc")
	f.Add("ca", "abc")
	f.Fuzz(func(t *testing.T, a, b string) {
		d := Distance(a, b)
		if d != Distance(b, a) {
			t.Errorf("Distance(%q, %q) = %d is not symmetric", a, b, d)
		}
		if (d == 0) != (a == b) && len(a) <= maxDistanceLen && len(b) <= maxDistanceLen {
			t.Errorf("Distance(%q, %q) = %d", a, b, d)
		}
		if d < 0 || len(a) <= maxDistanceLen && len(b) <= maxDistanceLen && d > max(len(a), len(b)) {
			t.Errorf("Distance(%q, %q) = %d out of range", a, b, d)
		}
	})
}

func FuzzJudge(f *testing.F) {
	for _, s := range []string{"ngnix", "docker.i0/library/nginx", "librarry/ngnix:1", "ghcr.io/a/b/c@sha256:x", "a//b", "nоde", "localhost:5000/x", "[::1]:5000/x",
		"xn--dcker-jye.io/library/nginx", "registry.xn--k8-foc.io/pause", "xn--bcher-kva.example/a/b", "xn--zz.io/x", "dóckér.io/x"} {
		f.Add(s)
	}
	d := detector(f)
	f.Fuzz(func(t *testing.T, ref string) {
		hits, err := d.Judge(ref)
		if err != nil {
			return
		}
		r, _ := Parse(ref)
		parts := map[Part]bool{}
		for _, h := range hits {
			if h.Name == "" || h.Imitates == "" || h.Technique == 0 || parts[h.Part] {
				t.Errorf("%q: bad hit %+v", ref, h)
			}
			parts[h.Part] = true
			if h.Part == PartName && d.official[h.Name] {
				t.Errorf("%q: official name %q flagged", ref, h.Name)
			}
			if h.Part == PartNamespace && d.namespaces[h.Name] {
				t.Errorf("%q: publisher %q flagged", ref, h.Name)
			}
			if h.Part == PartRegistry && strings.HasSuffix(h.Imitates, "/"+r.Host) {
				t.Errorf("%q: host imitates itself", ref)
			}
		}
	})
}

func FuzzParseLists(f *testing.F) {
	f.Add("nginx\tcurrent\n", "namespace\tbitnami\tx\nrepository\ta/b\tx\n", "ghcr.io\tmulti\tx\n")
	f.Add("#\n\n", "", "")
	f.Fuzz(func(t *testing.T, off, pub, reg string) {
		l, err := ParseLists([]byte(off), []byte(pub), []byte(reg))
		if err != nil {
			return
		}
		d := New(l)
		for _, n := range l.Official {
			if hs, err := d.Judge(n); err == nil && len(hs) > 0 {
				for _, h := range hs {
					if h.Part == PartName {
						t.Errorf("official %q flagged: %s", n, h)
					}
				}
			}
		}
	})
}

func FuzzUnicodeHost(f *testing.F) {
	for _, s := range []string{"xn--dcker-jye.io", "docker.io", "xn--", "a.xn--b", "dóckér.io", "xn--zz.io", "ｄｏｃｋｅｒ.io"} {
		f.Add(s)
	}
	d := detector(f)
	f.Fuzz(func(t *testing.T, host string) {
		if len(host) > maxRefLen {
			return
		}
		if u, ok := unicodeHost(host); ok && u == "" && host != "" {
			t.Errorf("unicodeHost(%q) decoded to nothing", host)
		}
		if h := d.idnHost(host); h != nil && (h.Imitates == "" || h.Part != PartRegistry) {
			t.Errorf("idnHost(%q) = %+v", host, h)
		}
	})
}
