package pin

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// LockVersion is the version of the lock file format.
const LockVersion = 1

// Lock is the lock file: which digest each reference resolved to when it was
// pinned. It holds no time, so pinning the same images twice writes the same
// bytes.
type Lock struct {
	Version int `json:"version"`
	// Images maps a reference key (registry/repository:tag, or
	// registry/repository@digest) to a digest.
	Images map[string]string `json:"images"`
}

// ReadLock reads a lock file; a missing file is an empty lock.
func ReadLock(path string) (*Lock, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Lock{Version: LockVersion, Images: map[string]string{}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading lock file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading lock file %s: %w", path, err)
	}
	l, err := ParseLock(data)
	if err != nil {
		return nil, fmt.Errorf("lock file %s: %w", path, err)
	}
	return l, nil
}

// ParseLock parses the bytes of a lock file.
func ParseLock(data []byte) (*Lock, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("larger than %d bytes", MaxFileSize)
	}
	var l Lock
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return nil, fmt.Errorf("parsing: %w", err)
	}
	if l.Version != LockVersion {
		return nil, fmt.Errorf("version %d is not the supported %d", l.Version, LockVersion)
	}
	if l.Images == nil {
		l.Images = map[string]string{}
	}
	for k, v := range l.Images {
		if !validDigest(v) {
			return nil, fmt.Errorf("%s: %q is not a sha256 digest", k, v)
		}
	}
	return &l, nil
}

func validDigest(d string) bool {
	hex, ok := strings.CutPrefix(d, "sha256:")
	if !ok || len(hex) != 64 {
		return false
	}
	return strings.Trim(hex, "0123456789abcdef") == ""
}

// Marshal returns the lock file bytes: indented JSON with sorted keys.
func (l *Lock) Marshal() ([]byte, error) {
	out, err := json.MarshalIndent(l, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding lock file: %w", err)
	}
	return append(out, '\n'), nil
}

// Write writes the lock file atomically.
func (l *Lock) Write(path string) error {
	data, err := l.Marshal()
	if err != nil {
		return err
	}
	return WriteFile(path, data)
}
