package table

import (
	"fmt"
	"sort"
	"strings"

	"github.com/customs-oss/customs/internal/report"
)

// maxRemovedShown bounds the removed packages listed by name.
const maxRemovedShown = 8

// writeInventory summarises what the image installs: package counts by
// reader, the packages later layers removed, and metadata that could not
// be read. The full list is in the JSON and SBOM formats.
func writeInventory(p *printer, inv *report.Inventory) {
	if inv == nil {
		return
	}
	if len(inv.Packages) == 0 {
		p.heading("INVENTORY", "no installed package found")
	} else {
		p.heading("INVENTORY", plural(len(inv.Packages), "installed package")+" (the list: --format json, cyclonedx or spdx)")
		counts := map[string]int{}
		for _, pkg := range inv.Packages {
			counts[clean(pkg.FoundBy)]++
		}
		var by []string
		for k, n := range counts {
			by = append(by, fmt.Sprintf("%s %d", k, n))
		}
		sort.Strings(by)
		p.wrapped("  ", "", "", strings.Join(by, ", "))
	}
	if len(inv.Removed) > 0 {
		var names []string
		for i, r := range inv.Removed {
			if i == maxRemovedShown {
				names = append(names, fmt.Sprintf("and %d more", len(inv.Removed)-maxRemovedShown))
				break
			}
			names = append(names, fmt.Sprintf("%s %s (layer %d)", clean(r.Name), clean(r.Version), r.RemovedBy))
		}
		p.wrapped("  ", "removed by a later layer, not installed: ", "", strings.Join(names, ", "))
	}
	for _, e := range inv.Errors {
		p.wrapped("  ", "not read: ", "", clean(e))
	}
}
