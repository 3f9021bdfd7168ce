// Package report defines the customs report: the one versioned JSON document
// every output format is rendered from, and the verdict policy applied to it.
package report

// SchemaVersion is the version of the JSON report schema documented in
// docs/report-schema.md. It changes only when a field changes meaning or is
// removed; added fields keep the version.
const SchemaVersion = "1"

// Report is the result of inspecting one image.
type Report struct {
	SchemaVersion string `json:"schemaVersion"`
	Tool          Tool   `json:"tool"`
	// GeneratedAt is set only when the user asks for a timestamp, so that
	// reports of the same image are byte-for-byte identical by default.
	GeneratedAt string        `json:"generatedAt,omitempty"`
	Image       Image         `json:"image"`
	Findings    []Finding     `json:"findings"`
	Checks      []CheckStatus `json:"checks"`
	Verdict     Verdict       `json:"verdict"`
	// Inventory lists the installed packages; nil when no inventory was
	// taken.
	Inventory *Inventory `json:"inventory,omitempty"`
}

// Tool names the program that wrote the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Image identifies the inspected image and summarises what it is made of.
type Image struct {
	// Reference is the reference as the user gave it.
	Reference string `json:"reference"`
	// Name is the fully qualified reference (docker.io/library/nginx:latest).
	Name string `json:"name,omitempty"`
	// Source is where the image was read from: registry, docker-archive, oci or docker-daemon.
	Source string `json:"source"`
	// Digest is the manifest digest of the inspected image.
	Digest string `json:"digest,omitempty"`
	// IndexDigest is the digest of the multi-platform index the image was picked from.
	IndexDigest string `json:"indexDigest,omitempty"`
	// Pinned is the reference to use instead, pinned by digest.
	Pinned    string   `json:"pinned,omitempty"`
	RepoTags  []string `json:"repoTags,omitempty"`
	Platform  string   `json:"platform,omitempty"`
	Platforms []string `json:"platforms,omitempty"`
	MediaType string   `json:"mediaType,omitempty"`
	ConfigID  string   `json:"configDigest,omitempty"`
	Created   string   `json:"created,omitempty"`
	// CompressedSize and Size are the sums over the layers, in bytes.
	CompressedSize int64       `json:"compressedSize"`
	Size           int64       `json:"size"`
	Files          int         `json:"files"`
	OS             *OS         `json:"os,omitempty"`
	User           string      `json:"user,omitempty"`
	Entrypoint     []string    `json:"entrypoint,omitempty"`
	Cmd            []string    `json:"cmd,omitempty"`
	WorkingDir     string      `json:"workingDir,omitempty"`
	ExposedPorts   []string    `json:"exposedPorts,omitempty"`
	Labels         []Label     `json:"labels,omitempty"`
	Layers         []Layer     `json:"layers"`
	History        []History   `json:"history,omitempty"`
	Surface        []Component `json:"attackSurface,omitempty"`
}

// OS is the base operating system, from os-release, and its support state.
type OS struct {
	ID         string `json:"id"`
	VersionID  string `json:"versionId,omitempty"`
	PrettyName string `json:"prettyName,omitempty"`
	// Family groups related distributions: alpine, debian, rhel, ...
	Family string `json:"family,omitempty"`
	// Distroless is true for images with an OS package database but no shell
	// or package manager, such as gcr.io/distroless.
	Distroless bool `json:"distroless,omitempty"`
	// EOL is the end-of-life date (YYYY-MM-DD) when known.
	EOL string `json:"eol,omitempty"`
	// Support is "supported", "eol" or "unknown".
	Support string `json:"support,omitempty"`
}

// Label is one image label; values that look like secrets are redacted.
type Label struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Layer describes one layer of the image.
type Layer struct {
	Index     int    `json:"index"`
	Digest    string `json:"digest"`
	DiffID    string `json:"diffId"`
	MediaType string `json:"mediaType,omitempty"`
	// CompressedSize is the blob size; Size is the uncompressed tar size.
	CompressedSize int64 `json:"compressedSize"`
	Size           int64 `json:"size"`
	Files          int   `json:"files"`
	// Bytes is the sum of the regular file sizes in the layer.
	Bytes       int64  `json:"bytes"`
	HistoryStep *int   `json:"historyStep,omitempty"`
	CreatedBy   string `json:"createdBy,omitempty"`
	Cached      bool   `json:"-"`
}

// History is one step of the image config's history, with secrets redacted.
type History struct {
	Step       int    `json:"step"`
	Created    string `json:"created,omitempty"`
	CreatedBy  string `json:"createdBy,omitempty"`
	EmptyLayer bool   `json:"emptyLayer,omitempty"`
	// Layer is the index of the layer the step produced.
	Layer *int `json:"layer,omitempty"`
}

// Component is a tool present in the final filesystem that widens the attack
// surface: a shell, package manager, compiler, interpreter or network tool.
type Component struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
	Path string `json:"path"`
}

// CheckStatus records that a check ran, and whether it failed. A check that
// fails is reported here; it never silently disappears.
type CheckStatus struct {
	ID       string `json:"id"`
	Status   string `json:"status"`
	Findings int    `json:"findings"`
	Error    string `json:"error,omitempty"`
}

// Check statuses.
const (
	StatusOK      = "ok"
	StatusError   = "error"
	StatusSkipped = "skipped"
)
