package report

import (
	"cmp"
	"slices"
)

// Finding is one thing a check found, with the evidence a person needs to
// verify it by hand.
type Finding struct {
	// Check is the stable ID of the check that produced the finding, such as
	// "config/root-user".
	Check    string   `json:"check"`
	Title    string   `json:"title"`
	Severity Severity `json:"severity"`
	Item     Item     `json:"item"`
	// Message is a one-line explanation specific to this finding.
	Message     string   `json:"message"`
	Evidence    Evidence `json:"evidence"`
	Remediation string   `json:"remediation,omitempty"`
	References  []string `json:"references,omitempty"`
}

// Evidence locates a finding inside the image. Only the fields that apply are
// set. Secret values are always redacted before they reach Evidence.
type Evidence struct {
	// Layer is the zero-based index of the layer holding the evidence.
	Layer *int `json:"layer,omitempty"`
	// LayerDigest is the compressed digest of that layer, as in the manifest.
	LayerDigest string `json:"layerDigest,omitempty"`
	Path        string `json:"path,omitempty"`
	// HiddenBy is the index of a later layer that deleted or replaced Path.
	HiddenBy *int `json:"hiddenBy,omitempty"`
	// HistoryStep is the zero-based index into the image config's history.
	HistoryStep *int   `json:"historyStep,omitempty"`
	ConfigKey   string `json:"configKey,omitempty"`
	// Value is the offending text, redacted where it may be a secret.
	Value string `json:"value,omitempty"`
	// Reference is an image reference the finding is about.
	Reference string `json:"reference,omitempty"`
	// Vulnerability says which package a known vulnerability is in.
	Vulnerability *Vulnerability `json:"vulnerability,omitempty"`
}

// Int returns a pointer to v, for the optional index fields of Evidence.
func Int(v int) *int { return &v }

// SortFindings orders findings by checklist item, descending severity, check
// ID, then location, so that reports are deterministic.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, compareFindings)
}

func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Item, b.Item),
		cmp.Compare(b.Severity, a.Severity),
		cmp.Compare(a.Check, b.Check),
		cmp.Compare(deref(a.Evidence.Layer), deref(b.Evidence.Layer)),
		cmp.Compare(a.Evidence.Path, b.Evidence.Path),
		cmp.Compare(deref(a.Evidence.HistoryStep), deref(b.Evidence.HistoryStep)),
		cmp.Compare(a.Evidence.ConfigKey, b.Evidence.ConfigKey),
		cmp.Compare(a.Message, b.Message),
	)
}

func deref(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}
