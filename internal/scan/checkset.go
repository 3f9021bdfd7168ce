package scan

import (
	"context"
	"crypto/sha256"
	"fmt"
	"sort"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/inventory"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/walk"
)

// checkSet is the checks of one scan, sorted by the input they need.
type checkSet struct {
	all     []check.Check
	image   []check.ImageChecker
	file    []check.FileChecker
	content []check.ContentChecker
}

func newCheckSet(ctors []check.Constructor) *checkSet {
	s := &checkSet{}
	for _, ctor := range ctors {
		c := ctor()
		s.all = append(s.all, c)
		if ic, ok := c.(check.ImageChecker); ok {
			s.image = append(s.image, ic)
		}
		if fc, ok := c.(check.FileChecker); ok {
			s.file = append(s.file, fc)
		}
		if cc, ok := c.(check.ContentChecker); ok {
			s.content = append(s.content, cc)
		}
	}
	return s
}

// setEnv lends env to every check that asks for it.
func (s *checkSet) setEnv(env check.Env) {
	for _, c := range s.all {
		if es, ok := c.(check.EnvSetter); ok {
			es.SetEnv(env)
		}
	}
}

// cacheKey names the version of everything that shapes cached layer facts:
// the pass itself, the files it collects, the content checks and the
// inventory readers.
func (s *checkSet) cacheKey(inv inventory.Set) string {
	return cacheKeyFor(s.content, collectVersion, inv)
}

// cacheKeyFor builds the key from the content checks, the version of the
// collect rule and the inventory readers.
func cacheKeyFor(content []check.ContentChecker, collectRule int, inv inventory.Set) string {
	var parts []string
	for _, c := range content {
		parts = append(parts, fmt.Sprintf("%s@%d", c.Info().ID, c.Info().Version))
	}
	for _, x := range inv.Extractors {
		parts = append(parts, fmt.Sprintf("inventory/%s@%d", x.Name(), x.Version()))
	}
	for _, x := range inv.Streamers {
		parts = append(parts, fmt.Sprintf("inventory/%s@%d", x.Name(), x.Version()))
	}
	sort.Strings(parts)
	keys := make([]string, 0, len(collectSet))
	for k := range collectSet {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	sum := sha256.Sum256([]byte(strings.Join(parts, ",") + "|" + strings.Join(keys, ",") + fmt.Sprintf("|collect%d", collectRule)))
	return fmt.Sprintf("walk%d-%x", walk.Version, sum[:8])
}

// run runs every check on the merged image and gathers the content findings
// made during the layer pass. A check that fails or panics is recorded with
// its error; the others go on.
func (s *checkSet) run(ctx context.Context, img *facts.Image) ([]report.Finding, []report.CheckStatus) {
	status := map[string]*report.CheckStatus{}
	var order []string
	for _, c := range s.all {
		id := c.Info().ID
		status[id] = &report.CheckStatus{ID: id, Status: report.StatusOK}
		order = append(order, id)
	}
	var out []report.Finding
	add := func(fs []report.Finding) {
		for _, f := range fs {
			if st, ok := status[f.Check]; ok {
				st.Findings++
			}
			out = append(out, f)
		}
	}
	fail := func(id string, err error) {
		status[id].Status = report.StatusError
		status[id].Error = err.Error()
	}
	hidden := hiddenIndex(img.FS)
	for li := range img.Layers {
		l := &img.Layers[li]
		for _, f := range l.Facts.Findings {
			f.Evidence.Layer = report.Int(li)
			f.Evidence.LayerDigest = l.Digest
			if by, ok := hidden[layerPath{li, strings.TrimPrefix(f.Evidence.Path, "/")}]; ok {
				f.Evidence.HiddenBy = report.Int(by)
				f.Message += fmt.Sprintf(" (layer %d deleted or replaced it, but it still ships in layer %d)", by, li)
			}
			add([]report.Finding{f})
		}
	}
	for _, c := range s.file {
		id := c.Info().ID
		err := safely(func() error {
			for li := range img.Layers {
				l := &img.Layers[li]
				for ei := range l.Facts.Entries {
					e := &l.Facts.Entries[ei]
					by, ok := hidden[layerPath{li, e.Path}]
					if !ok {
						by = -1
					}
					add(c.CheckFile(l, e, by))
				}
			}
			return nil
		})
		if err != nil {
			fail(id, err)
		}
	}
	for _, c := range s.image {
		id := c.Info().ID
		var fs []report.Finding
		err := safely(func() error {
			var err error
			fs, err = c.CheckImage(ctx, img)
			return err
		})
		if err != nil {
			fail(id, err)
			continue
		}
		add(fs)
	}
	statuses := make([]report.CheckStatus, 0, len(order))
	for _, id := range order {
		statuses = append(statuses, *status[id])
	}
	sort.Slice(statuses, func(i, j int) bool { return statuses[i].ID < statuses[j].ID })
	return out, statuses
}

type layerPath struct {
	layer int
	path  string
}

func hiddenIndex(fs *facts.FS) map[layerPath]int {
	m := map[layerPath]int{}
	for _, h := range fs.Hidden() {
		if h.HiddenBy == h.Layer {
			// A path written twice in one layer: the copies share a key and
			// the last one is visible; files/hidden-content reports the rest.
			continue
		}
		m[layerPath{h.Layer, h.Path}] = h.HiddenBy
	}
	return m
}

// safely runs fn, turning a panic into an error so one broken check cannot
// abort the scan.
func safely(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("check panicked: %v", r)
		}
	}()
	return fn()
}
