package pin

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Edit replaces the bytes [Start,End) of a file with New.
type Edit struct {
	Start, End int
	New        string
}

// Apply returns data with the edits made. Edits must not overlap.
func Apply(data []byte, edits []Edit) ([]byte, error) {
	sorted := append([]Edit(nil), edits...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	var out []byte
	prev := 0
	for _, e := range sorted {
		if e.Start < prev || e.End < e.Start || e.End > len(data) {
			return nil, fmt.Errorf("edit %d-%d overlaps another or lies outside the file", e.Start, e.End)
		}
		out = append(out, data[prev:e.Start]...)
		out = append(out, e.New...)
		prev = e.End
	}
	return append(out, data[prev:]...), nil
}

// Pinned returns the pinned spelling of a reference as the user wrote it:
// the name and tag kept, the digest appended ("nginx:1.27@sha256:...").
// An implied tag is written out, so the pin says what it was resolved from.
// A reference that already carries a digest is returned unchanged.
func Pinned(text, tag, digest string) string {
	if strings.Contains(text, "@") {
		return text
	}
	last := text[strings.LastIndex(text, "/")+1:]
	if !strings.Contains(last, ":") && tag != "" {
		text += ":" + tag
	}
	return text + "@" + digest
}

// WriteFile replaces a file atomically, keeping its permissions.
func WriteFile(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			return fmt.Errorf("writing %s: not a regular file", path)
		}
		mode = st.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".customs-pin-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(mode)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
