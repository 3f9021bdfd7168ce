package facts

import "github.com/customs-oss/customs/internal/report"

// LayerFacts is everything the layer pass learned from one layer. It depends
// on nothing but the layer's bytes, so it is cached by the layer's diffID.
type LayerFacts struct {
	// DiffID is the digest of the uncompressed layer.
	DiffID string
	// Size is the number of uncompressed bytes in the layer.
	Size      int64
	Entries   []Entry
	Whiteouts []Whiteout
	// Files holds the content of small files the scanner collects for later
	// analysis (os-release and friends), keyed by entry path.
	Files map[string][]byte
	// Findings are produced by content checks while the layer was read; their
	// evidence has a path but no layer index, which the merge fills in.
	Findings []report.Finding
	// Packages are the packages whose metadata the layer holds, read while
	// the layer streamed past; their Layer is filled in by the merge.
	Packages []Package
	// InventoryErrors say which package metadata could not be read.
	InventoryErrors []string
}

// Layer is one layer of an image as the checks see it.
type Layer struct {
	Index     int
	Digest    string
	DiffID    string
	MediaType string
	// CompressedSize is the blob size from the manifest.
	CompressedSize int64
	// HistoryStep is the index of the config history step that made the
	// layer, or -1 when the history does not say.
	HistoryStep int
	CreatedBy   string
	Facts       *LayerFacts
	// Cached is true when the facts came from the cache.
	Cached bool
}
