package eol

import "time"

// product is one distribution and its releases.
type product struct {
	// id is the os-release ID the product is looked up by; CentOS Stream,
	// which shares CentOS's ID, has its own.
	id   string
	name string
	// support names what the eol dates are the end of.
	support string
	// extendedSupport names the paid support some releases have after it.
	extendedSupport string
	reference       string
	// preferLTS makes the upgrade advice name long-term releases only.
	preferLTS bool
	// replacement is the advice once no release of the product is
	// supported any more.
	replacement string
	releases    []release
}

// release is one release cycle and its support dates.
type release struct {
	cycle    string
	released time.Time
	// eol is the last day of free security support.
	eol time.Time
	// extended is the last day of paid extended support, when there is one.
	extended time.Time
	lts      bool
}

// day is a date in the table.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func productByID(id string) (product, bool) {
	for _, p := range products() {
		if p.id == id {
			return p, true
		}
	}
	return product{}, false
}
