package table

import (
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/report"
)

// writeSurface lists the tools in the final filesystem that an attacker who
// gets into the container could use, grouped by kind.
func writeSurface(p *printer, comps []report.Component) {
	if len(comps) == 0 {
		p.heading("ATTACK SURFACE", "no shell, package manager, compiler, interpreter or network tool found")
		return
	}
	p.heading("ATTACK SURFACE", plural(len(comps), "tool")+" in the final filesystem")
	var kinds []string
	byKind := map[string][]string{}
	width := 0
	for _, c := range comps {
		k := clean(c.Kind)
		if _, ok := byKind[k]; !ok {
			kinds = append(kinds, k)
			width = max(width, len(k))
		}
		byKind[k] = append(byKind[k], fmt.Sprintf("%s (/%s)", clean(c.Name), strings.TrimPrefix(clean(c.Path), "/")))
	}
	for _, k := range kinds {
		p.wrapped("  ", fmt.Sprintf("%-*s  ", width, k), "", strings.Join(byKind[k], ", "))
	}
}
