package secret

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNegativeCorpus runs the secret checks on realistic files that hold no
// secret (testdata/negative, laid out as an image's root): placeholders,
// templates, public keys, documentation examples, minified bundles, a Debian
// cron script and account files. Nothing above low may be reported.
func TestNegativeCorpus(t *testing.T) {
	files, _ := scanTree(t, "testdata/negative", "")
	if files < 15 {
		t.Errorf("only %d files in the negative corpus", files)
	}
}

// TestCorpus does the same on the directories listed in
// CUSTOMS_SECRET_CORPUS (dir=prefix pairs separated by commas, such as
// /tmp/rootfs=,/tmp/app/node_modules=app/node_modules), as if they were the
// files of an image under prefix: an ordinary root filesystem, package tree
// or toolchain must not alarm.
func TestCorpus(t *testing.T) {
	spec := os.Getenv("CUSTOMS_SECRET_CORPUS")
	if spec == "" {
		t.Skip("set CUSTOMS_SECRET_CORPUS to scan real file trees")
	}
	for pair := range strings.SplitSeq(spec, ",") {
		dir, prefix, _ := strings.Cut(pair, "=")
		files, low := scanTree(t, dir, prefix)
		t.Logf("%s: %d files, %d low findings", dir, files, low)
	}
}

// scanTree runs the checks on every regular file under dir, reports each
// finding above low as an error and counts the files and low findings.
func scanTree(t *testing.T, dir, prefix string) (files, low int) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files++
		info, err := d.Info()
		if err != nil {
			return err
		}
		imagePath := filepath.ToSlash(filepath.Join(prefix, rel))
		for _, h := range runContent(t, imagePath, string(data), int64(info.Mode()&0o111)) {
			if h.Severity == "low" || h.Severity == "info" {
				low++
				continue
			}
			t.Errorf("%s: %s %s %s", imagePath, h.Check, h.Severity, h.Value)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files, low
}
