package walk

import (
	"fmt"
	"path"
	"strings"
)

// maxPathLen bounds entry names; Linux's PATH_MAX is 4096.
const maxPathLen = 4096

// UnsafeError reports an archive entry that would land outside the root.
type UnsafeError struct {
	Entry  string
	Reason string
}

func (e *UnsafeError) Error() string {
	return fmt.Sprintf("unsafe archive entry %q: %s", e.Entry, e.Reason)
}

// cleanPath turns a tar entry name into a relative slash path without "." or
// ".." elements. Absolute names are taken relative to the root, as the Docker
// engine does; names that climb above the root are rejected. The root itself
// cleans to "".
func cleanPath(name string) (string, error) {
	if len(name) > maxPathLen {
		return "", &UnsafeError{Entry: name[:64] + "...", Reason: fmt.Sprintf("name longer than %d bytes", maxPathLen)}
	}
	if strings.IndexByte(name, 0) >= 0 {
		return "", &UnsafeError{Entry: name, Reason: "name contains a NUL byte"}
	}
	p := strings.TrimLeft(name, "/")
	if p == "" {
		return "", nil
	}
	for _, part := range strings.Split(p, "/") {
		if part == ".." {
			// Even ".." that stays inside ("a/../b") is refused: no legitimate
			// image builder writes it, and the engine and customs could
			// disagree on where it lands.
			return "", &UnsafeError{Entry: name, Reason: `path contains ".."`}
		}
	}
	c := path.Clean(p)
	if c == "." {
		return "", nil
	}
	return c, nil
}
