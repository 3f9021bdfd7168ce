package walk

import (
	"archive/tar"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/inventory"
)

// lines is an extractor of "name version" lines from files named *.db, up
// to limit bytes; a line "fail" makes it fail.
type lines struct{ limit int64 }

func (lines) Name() string { return "lines" }
func (lines) Version() int { return 1 }
func (l lines) Limit(e *facts.Entry) int64 {
	if strings.HasSuffix(e.Path, ".db") {
		return l.limit
	}
	return 0
}

func (lines) Extract(_ context.Context, e *facts.Entry, data []byte) ([]facts.Package, error) {
	if int64(len(data)) != e.Size {
		return nil, errors.New("not given the whole file")
	}
	var out []facts.Package
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if l == "fail" {
			return out, errors.New("unreadable line")
		}
		name, version, _ := strings.Cut(l, " ")
		out = append(out, facts.Package{Type: "test", Name: name, Version: version})
	}
	return out, nil
}

// tail is a streamer of *.bin files that reports the file's last word,
// which only a reader of the whole stream sees.
type tail struct{}

func (tail) Name() string              { return "tail" }
func (tail) Version() int              { return 1 }
func (tail) Wants(e *facts.Entry) bool { return strings.HasSuffix(e.Path, ".bin") }
func (tail) Stream(_ context.Context, _ *facts.Entry, r io.Reader) ([]facts.Package, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	words := strings.Fields(string(b))
	return []facts.Package{{Type: "test", Name: words[len(words)-1]}}, nil
}

func TestInventory(t *testing.T) {
	big := strings.Repeat("x ", 200) + "last"
	raw := tarOf(t, tar.FormatPAX,
		reg("var/a.db", "a 1\nb 2\n"),
		reg("var/big.db", strings.Repeat("c 3\n", 100)),
		reg("var/bad.db", "d 4\nfail\n"),
		reg("opt/app.bin", big),
		reg("etc/other", "e 5\n"),
	)
	opt := testOptions()
	opt.Inventory = inventory.Set{Extractors: []inventory.Extractor{lines{limit: 128}}, Streamers: []inventory.Streamer{tail{}}}
	lf, err := Layer(context.Background(), plain(raw), opt)
	if err != nil {
		t.Fatal(err)
	}
	want := []facts.Package{
		{Type: "test", Name: "a", Version: "1", Path: "var/a.db", Via: "lines"},
		{Type: "test", Name: "b", Version: "2", Path: "var/a.db", Via: "lines"},
		{Type: "test", Name: "d", Version: "4", Path: "var/bad.db", Via: "lines"},
		{Type: "test", Name: "last", Path: "opt/app.bin", Via: "tail"},
	}
	if diff := cmp.Diff(want, lf.Packages); diff != "" {
		t.Errorf("packages (-want +got):\n%s", diff)
	}
	wantErrs := []string{
		"lines: /var/big.db is 400 bytes, over the 128 byte limit; its packages are not listed",
		"lines: /var/bad.db: unreadable line",
	}
	if diff := cmp.Diff(wantErrs, lf.InventoryErrors); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}
