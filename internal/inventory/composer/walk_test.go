package composer

import (
	"testing"

	"github.com/customs-oss/customs/internal/inventory/inventorytest"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/inventory"
)

// TestWalk runs the reader inside the layer pass: packages are stamped
// with their file and reader, a dependency's own composer.lock is passed
// over, and an unreadable file is an inventory error.
func TestWalk(t *testing.T) {
	lf := inventorytest.Walk(t, inventory.Set{Extractors: []inventory.Extractor{New()}},
		imagetest.File{Path: "var/www/html/composer.lock", Content: string(readFile(t, "composer.lock"))},
		imagetest.File{Path: "var/www/html/vendor/composer/installed.json", Content: string(readFile(t, "installed-v1.json"))},
		imagetest.File{Path: "var/www/html/vendor/guzzlehttp/guzzle/composer.lock", Content: string(readFile(t, "composer.lock"))},
		imagetest.File{Path: "srv/vendor/composer/installed.json", Content: "{"},
	)
	var got []string
	for _, p := range lf.Packages {
		if p.Via != "composer" {
			t.Errorf("%s found by %q", p.Name, p.Via)
		}
		got = append(got, p.Path+" "+p.Name+" "+p.Version)
	}
	want := []string{
		"var/www/html/composer.lock guzzlehttp/guzzle 7.8.0",
		"var/www/html/composer.lock symfony/http-foundation v6.3.4",
		"var/www/html/composer.lock phpunit/phpunit 10.3.2",
		"var/www/html/vendor/composer/installed.json zendframework/zend-stdlib 3.1.0",
		"var/www/html/vendor/composer/installed.json psr/container 1.0.0",
		"var/www/html/vendor/composer/installed.json symfony/polyfill-mbstring dev-master",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("packages mismatch (-want +got):\n%s", diff)
	}
	if len(lf.InventoryErrors) != 1 {
		t.Errorf("inventory errors = %q, want the truncated installed.json", lf.InventoryErrors)
	}
}
