package list

import (
	"regexp"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/check"
)

var idPattern = regexp.MustCompile(`^[a-z]+/[a-z0-9]+(-[a-z0-9]+)*$`)

// TestRegistry validates every registered check: a stable, well-formed,
// unique ID; the fields the report and docs/checks.md show; and at least one
// kind of input.
func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, ctor := range All() {
		c := ctor()
		info := c.Info()
		if !idPattern.MatchString(info.ID) {
			t.Errorf("check ID %q is not family/name in lower case", info.ID)
		}
		if seen[info.ID] {
			t.Errorf("check ID %q registered twice", info.ID)
		}
		seen[info.ID] = true
		if info.Version < 1 {
			t.Errorf("%s: version %d, want >= 1", info.ID, info.Version)
		}
		if !info.Item.Valid() {
			t.Errorf("%s: checklist item %d is not valid", info.ID, info.Item)
		}
		for field, v := range map[string]string{"Title": info.Title, "Description": info.Description, "Remediation": info.Remediation} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: empty %s", info.ID, field)
			}
		}
		_, image := c.(check.ImageChecker)
		_, file := c.(check.FileChecker)
		_, content := c.(check.ContentChecker)
		if !image && !file && !content {
			t.Errorf("%s implements none of ImageChecker, FileChecker, ContentChecker", info.ID)
		}
		if ctor() == nil {
			t.Errorf("%s: constructor returned nil", info.ID)
		}
	}
	if len(seen) == 0 {
		t.Fatal("no checks registered")
	}
}
