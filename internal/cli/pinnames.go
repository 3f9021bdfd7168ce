package cli

import (
	"fmt"

	"github.com/customs-oss/customs/internal/pin"
	"github.com/customs-oss/customs/internal/typosquat"
)

// judgeNames looks at every reference the files name for imitations of
// well-known images, publishers and registries, before any registry is
// asked. Each hit is printed; the count of strong ones (a misspelling that
// can only mean the imitated name) is returned, which --check and --write
// refuse.
func judgeNames(files []*pin.File, env Env) (int, error) {
	d, err := typosquat.Default()
	if err != nil {
		return 0, fmt.Errorf("loading the well-known names: %w", err)
	}
	strong := 0
	for _, f := range files {
		for _, r := range f.Refs {
			hits, err := d.Judge(r.Text)
			if err != nil {
				continue
			}
			for _, h := range hits {
				kind := "warning"
				if h.Strong {
					kind, strong = "typosquat", strong+1
				}
				fmt.Fprintf(env.Stderr, "customs: %s: %s:%d: %s: %s\n", kind, f.Path, r.Line, r.Text, h)
			}
		}
	}
	return strong, nil
}
