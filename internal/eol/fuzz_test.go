package eol

import (
	"testing"
	"time"

	"github.com/customs-oss/customs/internal/facts"
)

// FuzzLookup checks that any OS an image can claim maps to a table row or to
// nothing, and that the verdict agrees with the date it gives.
func FuzzLookup(f *testing.F) {
	f.Add("alpine", "3.22.2", "Alpine Linux v3.22", int64(0))
	f.Add("centos", "8", "CentOS Stream 8", int64(1<<20))
	f.Add("amzn", "2018.03", "", int64(-1<<30))
	f.Add("ubuntu", "22.04.5", "", int64(12345))
	f.Add("debian", "9999999999999999999999", "", int64(0))
	f.Fuzz(func(t *testing.T, id, version, pretty string, minutes int64) {
		now := reviewDay.Add(time.Duration(minutes%(50*365*24*60)) * time.Minute)
		st := Lookup(facts.OS{ID: id, VersionID: version, PrettyName: pretty}, now)
		if !st.Known {
			if st != (Status{}) {
				t.Fatalf("unknown release with details: %+v", st)
			}
			return
		}
		p, ok := productByID(productOf(t, st.Product))
		if !ok {
			t.Fatalf("product %q not in the table", st.Product)
		}
		found := false
		for _, r := range p.releases {
			found = found || (r.cycle == st.Cycle && r.eol.Equal(st.Date))
		}
		if !found {
			t.Fatalf("%s %s with end %v is not a row of the table", st.Product, st.Cycle, st.Date)
		}
		if st.EOL != after(now, st.Date) {
			t.Fatalf("EOL = %v on %v with end %v", st.EOL, now, st.Date)
		}
	})
}

// productOf finds a product's ID from its display name.
func productOf(t *testing.T, name string) string {
	for _, p := range products() {
		if p.name == name {
			return p.id
		}
	}
	t.Fatalf("no product named %q", name)
	return ""
}
