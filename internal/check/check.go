// Package check is the plugin API of customs: what a check is, the kinds of
// input it can ask for, and the helpers to build findings.
package check

import (
	"context"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// Info describes a check. ID is stable forever ("config/root-user"); Version
// changes when the check's logic changes, which invalidates cached results.
type Info struct {
	ID          string
	Version     int
	Title       string
	Severity    report.Severity
	Item        report.Item
	Description string
	Remediation string
	// References are links or benchmark IDs ("CIS Docker 4.1").
	References []string
}

// Check is implemented by every check. A check also implements at least one
// of ImageChecker, FileChecker or ContentChecker.
type Check interface {
	Info() Info
}

// ImageChecker runs once per image on its metadata and merged filesystem.
type ImageChecker interface {
	Check
	CheckImage(ctx context.Context, img *facts.Image) ([]report.Finding, error)
}

// FileChecker looks at one tar header at a time, in every layer, including
// entries that a later layer deleted. It never sees file content.
type FileChecker interface {
	Check
	CheckFile(layer *facts.Layer, e *facts.Entry, hiddenBy int) []report.Finding
}

// ContentChecker reads file content during the single pass over a layer.
// Wants must be cheap: no allocation, regexp or I/O. data holds the first
// bytes of the file (up to the scanner's content limit; e.Size says whether
// it is whole); it is shared by every check that wants the entry and reused
// after the call, so it must be neither modified nor retained.
type ContentChecker interface {
	Check
	Wants(e *facts.Entry) bool
	CheckContent(ctx context.Context, e *facts.Entry, data []byte) ([]report.Finding, error)
}

// Constructor makes a fresh check for one scan, so checks may keep state.
type Constructor func() Check

// New returns a finding of the check described by info, with its default
// severity, item, title, remediation and references.
func (info Info) New(message string, ev report.Evidence) report.Finding {
	return report.Finding{
		Check:       info.ID,
		Title:       info.Title,
		Severity:    info.Severity,
		Item:        info.Item,
		Message:     message,
		Evidence:    ev,
		Remediation: info.Remediation,
		References:  info.References,
	}
}
