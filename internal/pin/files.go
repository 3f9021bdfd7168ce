package pin

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// maxWalkFiles bounds the files taken from the directories given.
const maxWalkFiles = 10000

// File is a file holding image references.
type File struct {
	Path string
	Data []byte
	Refs []Ref
}

// Load reads and parses the files named by paths. A directory contributes
// the Dockerfiles and YAML files beneath it (hidden directories, vendor and
// node_modules skipped); YAML files found that way that do not parse are
// reported in warnings, not as errors.
func Load(paths []string) (files []*File, warnings []error, err error) {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, nil, fmt.Errorf("reading %s: %w", p, err)
		}
		if !st.IsDir() {
			f, err := loadFile(p)
			if err != nil {
				return nil, nil, err
			}
			files = append(files, f)
			continue
		}
		found, err := walkDir(p)
		if err != nil {
			return nil, nil, err
		}
		for _, fp := range found {
			f, err := loadFile(fp)
			if err != nil {
				warnings = append(warnings, err)
				continue
			}
			if len(f.Refs) > 0 {
				files = append(files, f)
			}
		}
	}
	return files, warnings, nil
}

func walkDir(root string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		base := d.Name()
		if d.IsDir() {
			if p != root && (strings.HasPrefix(base, ".") || base == "vendor" || base == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if _, err := KindOf(p, nil); err != nil {
			return nil
		}
		if len(out) == maxWalkFiles {
			return fmt.Errorf("more than %d files", maxWalkFiles)
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", root, err)
	}
	return out, nil
}

func loadFile(path string) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	refs, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	return &File{Path: path, Data: data, Refs: refs}, nil
}
