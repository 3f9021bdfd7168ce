// Package eol knows when each base operating system release stops receiving
// security updates. The dates live in table.go, which says where they come
// from and when they were last reviewed.
package eol

import (
	"time"

	"github.com/customs-oss/customs/internal/facts"
)

// Status is the support state of a release on a given day.
type Status struct {
	// Known is false when the table has no entry for the release: an
	// unknown distribution, a rolling one (Debian testing, Alpine edge,
	// Wolfi, Arch, openSUSE Tumbleweed) or a release newer than the table.
	Known bool
	// Date is the last day of free security support: the end of Debian LTS,
	// of Ubuntu's standard support, of RHEL's maintenance support.
	Date time.Time
	// EOL is true when the day asked about is after Date.
	EOL bool
	// Product and Cycle name the release in the table ("Debian", "9").
	Product string
	Cycle   string
	// Support says what Date is the end of ("Debian LTS").
	Support string
	// Extended is the end of paid extended support, zero when the table has
	// none; ExtendedSupport names it ("Ubuntu Pro (ESM)").
	Extended        time.Time
	ExtendedSupport string
	// Upgrade names the newest release of the product that is newer than
	// this one and supported on the day asked about ("Debian 13"), or what
	// to move to when the product is discontinued; empty when there is none.
	Upgrade string
	// Reference is where a user can check the dates.
	Reference string
}

// Lookup returns the support state of os on day now.
func Lookup(os facts.OS, now time.Time) Status {
	product, cycle := cycleOf(os)
	if product == "" {
		return Status{}
	}
	p, ok := productByID(product)
	if !ok {
		return Status{}
	}
	for _, r := range p.releases {
		if r.cycle != cycle {
			continue
		}
		st := Status{
			Known:     true,
			Date:      r.eol,
			EOL:       after(now, r.eol),
			Product:   p.name,
			Cycle:     r.cycle,
			Support:   p.support,
			Extended:  r.extended,
			Reference: p.reference,
		}
		if !r.extended.IsZero() {
			st.ExtendedSupport = p.extendedSupport
		}
		st.Upgrade = upgrade(p, r, now)
		return st
	}
	return Status{}
}

// after reports whether now is later than the whole of day, in UTC.
func after(now, day time.Time) bool {
	return !now.UTC().Before(day.AddDate(0, 0, 1))
}

// upgrade picks the newest release of p that is newer than current, out and
// still supported on day now, preferring long-term releases where the product
// has them. A discontinued product names its replacement instead.
func upgrade(p product, current release, now time.Time) string {
	var best *release
	for i := range p.releases {
		r := &p.releases[i]
		if !r.released.After(current.released) || r.released.After(now) || after(now, r.eol) || (p.preferLTS && !r.lts) {
			continue
		}
		if best == nil || r.released.After(best.released) {
			best = r
		}
	}
	if best == nil {
		return p.replacement
	}
	label := p.name + " " + best.cycle
	if best.lts && p.preferLTS {
		label += " LTS"
	}
	return label
}
