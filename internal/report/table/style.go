package table

import (
	"strings"

	"github.com/customs-oss/customs/internal/report"
)

// ANSI SGR sequences. They are written only when Options.Color is set.
const (
	reset    = "\x1b[0m"
	bold     = "\x1b[1m"
	dim      = "\x1b[2m"
	green    = "\x1b[32m"
	yellow   = "\x1b[33m"
	cyan     = "\x1b[36m"
	boldRed  = "\x1b[1;31m"
	onRed    = "\x1b[1;97;41m"
	onYellow = "\x1b[1;30;43m"
	onGreen  = "\x1b[1;97;42m"
)

// Layout.
const (
	// tagWidth is the width of the widest severity tag.
	tagWidth = len("CRITICAL")
	// labelPad is the width of the header's field labels.
	labelPad = 12
	// lineWidth is where text wraps, leaving room in a 120-column terminal.
	lineWidth = 116
)

// severityStyle is the colour of each severity tag.
var severityStyle = map[report.Severity]string{
	report.SeverityCritical: onRed,
	report.SeverityHigh:     boldRed,
	report.SeverityMedium:   yellow,
	report.SeverityLow:      cyan,
	report.SeverityInfo:     dim,
}

// decisionStyle is the colour of each verdict.
var decisionStyle = map[string]string{
	report.Reject: onRed,
	report.Review: onYellow,
	report.Accept: onGreen,
}

// paint wraps s in an ANSI style when colour is on.
func (p *printer) paint(style, s string) string {
	if !p.color || style == "" || s == "" {
		return s
	}
	return style + s + reset
}

// tag is the fixed-width severity tag of a finding: only the word is
// coloured, so that columns line up with and without colour.
func (p *printer) tag(s report.Severity) string {
	word := strings.ToUpper(s.String())
	pad := ""
	if len(word) < tagWidth {
		pad = strings.Repeat(" ", tagWidth-len(word))
	}
	return p.paint(severityStyle[s], word) + pad
}
