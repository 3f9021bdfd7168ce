package pin

import (
	"context"
	"errors"
	"fmt"
)

// errSkipped marks a reference that could not be read from its file.
var errSkipped = errors.New("skipped")

// Item is one reference found in a file and what the registry says about it.
type Item struct {
	File string
	Ref  Ref
	Res  Resolution
	// Err is set when the reference was skipped or could not be resolved.
	Err error
}

// Resolve asks the registry about every reference of the files. Skipped and
// unresolvable references carry their error in Item.Err.
func Resolve(ctx context.Context, r *Resolver, files []*File) []Item {
	var items []Item
	for _, f := range files {
		for _, ref := range f.Refs {
			it := Item{File: f.Path, Ref: ref}
			if ref.Skip != "" {
				it.Err = fmt.Errorf("%w: %s", errSkipped, ref.Skip)
			} else {
				it.Res, it.Err = r.Resolve(ctx, ref.Text)
			}
			items = append(items, it)
		}
	}
	return items
}

// Skipped reports whether an item's error is a reference that could not be
// read from the file (not a registry failure).
func Skipped(err error) bool { return errors.Is(err, errSkipped) }

// Digest is the digest an item pins to: the one written in the reference,
// or else the one its tag resolves to now.
func (it Item) Digest() string {
	if it.Res.Pinned != "" {
		return it.Res.Pinned
	}
	return it.Res.Current
}

// Problem is a reason --check fails.
type Problem struct {
	Item    Item
	Message string
}

// Check compares resolved items with the lock: a reference without a
// digest, a tag that now resolves elsewhere than the lock (or the pin)
// records, a pinned digest that differs from the lock, or a pinned digest
// the registry does not have, is a problem.
func Check(items []Item, lock *Lock) []Problem {
	var out []Problem
	add := func(it Item, format string, args ...any) {
		out = append(out, Problem{it, fmt.Sprintf(format, args...)})
	}
	for _, it := range items {
		if it.Err != nil {
			if errors.Is(it.Err, ErrNotFound) {
				add(it, "%v", it.Err)
			}
			continue
		}
		locked, inLock := lock.Images[it.Res.Key]
		res := it.Res
		if res.Pinned == "" {
			add(it, "not pinned to a digest (the tag now resolves to %s); run customs pin --write", res.Current)
		}
		switch {
		case res.Current != "" && inLock && res.Current != locked:
			add(it, "tag moved: the lock records %s, the registry now serves %s (a moved tag is exactly how a trusted tag turns malicious)", locked, res.Current)
		case res.Current != "" && !inLock && res.Pinned != "" && res.Current != res.Pinned:
			add(it, "tag moved: pinned to %s, the registry now serves %s (a moved tag is exactly how a trusted tag turns malicious)", res.Pinned, res.Current)
		}
		if res.Pinned != "" && inLock && res.Pinned != locked {
			add(it, "pinned to %s but the lock records %s", res.Pinned, locked)
		}
	}
	return out
}

// Update records the digest of every resolved item in the lock. It returns
// the keys two items pinned to different digests (the last one wins).
func (l *Lock) Update(items []Item) (conflicts []string) {
	set := map[string]string{}
	for _, it := range items {
		if it.Err != nil || it.Digest() == "" {
			continue
		}
		if prev, ok := set[it.Res.Key]; ok && prev != it.Digest() {
			conflicts = append(conflicts, it.Res.Key)
		}
		set[it.Res.Key] = it.Digest()
		l.Images[it.Res.Key] = it.Digest()
	}
	return conflicts
}

// Rewrite pins the unpinned, editable references of one file to the
// digests resolved for them. It returns the new content and the items it
// could not rewrite in place.
func Rewrite(f *File, items []Item) ([]byte, []Item, error) {
	var edits []Edit
	var fixed []Item
	seen := map[int]bool{}
	for _, it := range items {
		if it.File != f.Path || it.Err != nil || it.Res.Pinned != "" {
			continue
		}
		if !it.Ref.Editable() {
			fixed = append(fixed, it)
			continue
		}
		if seen[it.Ref.Start] {
			continue
		}
		seen[it.Ref.Start] = true
		if string(f.Data[it.Ref.Start:it.Ref.End]) != it.Ref.Text {
			fixed = append(fixed, it)
			continue
		}
		edits = append(edits, Edit{it.Ref.Start, it.Ref.End, Pinned(it.Ref.Text, it.Res.Tag, it.Res.Current)})
	}
	out, err := Apply(f.Data, edits)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	return out, fixed, nil
}
