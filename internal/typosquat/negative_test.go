package typosquat

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestNoHitOnWellKnownNames: every official image (as X, library/X and
// docker.io/library/X:tag), every publisher namespace and repository and
// every registry host is judged; none may be a hit.
func TestNoHitOnWellKnownNames(t *testing.T) {
	d := detector(t)
	l, err := DefaultLists()
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, n := range l.Official {
		refs = append(refs, n, "library/"+n, "docker.io/library/"+n+":latest", "index.docker.io/library/"+n)
	}
	for _, n := range l.Namespaces {
		refs = append(refs, n+"/app", "docker.io/"+n+"/app", "quay.io/"+n+"/app", "ghcr.io/"+n+"/app")
	}
	for _, r := range l.Repositories {
		refs = append(refs, r, "docker.io/"+r+":1.0")
	}
	for _, r := range l.Registries {
		refs = append(refs, r.Host+"/team/app", r.Host+"/library/nginx")
	}
	hits := 0
	for _, ref := range refs {
		hs, err := d.Judge(ref)
		if err != nil {
			t.Fatalf("%q: %v", ref, err)
		}
		for _, h := range hs {
			hits++
			t.Errorf("%q: %s", ref, h)
		}
	}
	t.Logf("%d well-known references judged, %d hits", len(refs), hits)
	if len(refs) < 4*180 {
		t.Errorf("only %d references judged", len(refs))
	}
}

// TestCloseOfficialPairs: official names that are spelling variants of each
// other exist (mono/mongo, nats/nano...); each stays clean, as the exact
// name wins over any resemblance.
func TestCloseOfficialPairs(t *testing.T) {
	d := detector(t)
	l, err := DefaultLists()
	if err != nil {
		t.Fatal(err)
	}
	pairs := 0
	for _, a := range l.Official {
		for _, b := range l.Official {
			if a >= b {
				continue
			}
			if _, ok := spelling(newForm(a), newForm(b)); !ok {
				continue
			}
			pairs++
			t.Logf("close official pair: %s / %s", a, b)
			for _, n := range []string{a, b} {
				if hs, _ := d.Judge(n); len(hs) != 0 {
					t.Errorf("official %q flagged: %v", n, hs)
				}
			}
		}
	}
	if pairs == 0 {
		t.Error("no close official pairs: the spelling comparison finds nothing")
	}
}

// TestLegitimateRepositories measures the false-positive rate on popular
// repositories that are not in the lists, and on names people commonly give
// their own images.
func TestLegitimateRepositories(t *testing.T) {
	d := detector(t)
	f, err := os.Open("testdata/legit-repositories.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	total, flagged := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		ref := strings.TrimSpace(sc.Text())
		if ref == "" || strings.HasPrefix(ref, "#") {
			continue
		}
		total++
		hs, err := d.Judge(ref)
		if err != nil {
			t.Fatalf("%q: %v", ref, err)
		}
		if len(hs) > 0 {
			flagged++
			t.Errorf("%q: %v", ref, hs)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d legitimate references judged, %d flagged", total, flagged)
	if total < 200 {
		t.Errorf("only %d references", total)
	}
}
