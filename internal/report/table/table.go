// Package table renders a report as text for a person at a terminal: who the
// image is, what was found grouped by checklist item with evidence to verify
// by hand, the layers, the attack surface, checks that failed and the
// verdict.
//
// Every string that comes from the image is cleaned of control characters
// before it is printed, so an image cannot forge or hide parts of the report.
package table

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/customs-oss/customs/internal/report"
)

// Options change how the table looks.
type Options struct {
	// Color adds ANSI colours; callers turn it off for NO_COLOR and non-TTYs.
	Color bool
}

// Write renders r as text.
func Write(w io.Writer, r *report.Report, opt Options) error {
	p := &printer{color: opt.Color}
	writeHeader(p, r)
	writeFindings(p, r.Findings)
	writeLayers(p, r.Image)
	writeSurface(p, r.Image.Surface)
	writeInventory(p, r.Inventory)
	writeChecks(p, r.Checks)
	writeVerdict(p, r)
	if _, err := w.Write(p.buf.Bytes()); err != nil {
		return fmt.Errorf("writing table report: %w", err)
	}
	return nil
}

// printer accumulates the rendered report, so that a write error surfaces
// once, at the end.
type printer struct {
	buf   bytes.Buffer
	color bool
}

// line writes one line made of parts, trimming trailing spaces.
func (p *printer) line(parts ...string) {
	p.buf.WriteString(strings.TrimRight(strings.Join(parts, ""), " "))
	p.buf.WriteByte('\n')
}

// blank writes an empty line.
func (p *printer) blank() { p.buf.WriteByte('\n') }

// heading writes a section title and its one-line summary.
func (p *printer) heading(title, summary string) {
	p.blank()
	if summary == "" {
		p.line(p.paint(bold, title))
		return
	}
	p.line(p.paint(bold, title), "  ", summary)
}

// field writes an indented "label  value" line of the header.
func (p *printer) field(label, value string) {
	if value == "" {
		return
	}
	p.line("  ", fmt.Sprintf("%-*s", labelPad, label), value)
}

// wrapped writes text wrapped under indent, with prefix (painted in style)
// on the first line and its width of spaces before the following ones.
func (p *printer) wrapped(indent, prefix, style, text string) {
	pad := strings.Repeat(" ", len(prefix))
	for i, l := range wrap(text, lineWidth-len(indent)-len(prefix)) {
		if i == 0 {
			p.line(indent, p.paint(style, prefix), l)
		} else {
			p.line(indent, pad, l)
		}
	}
}

// list writes items joined by " · ", breaking lines only between items so
// that a quoted value or a URL is never split.
func (p *printer) list(indent, prefix, style string, items []string) {
	pad := strings.Repeat(" ", len(prefix))
	width := lineWidth - len(indent) - len(prefix)
	var lines []string
	cur, n := "", 0
	for _, it := range items {
		il := utf8.RuneCountInString(it)
		switch {
		case n == 0:
			cur, n = it, il
		case n+3+il > width:
			lines = append(lines, cur+" ·")
			cur, n = it, il
		default:
			cur += " · " + it
			n += 3 + il
		}
	}
	lines = append(lines, cur)
	for i, l := range lines {
		if i == 0 {
			p.line(indent, p.paint(style, prefix), l)
		} else {
			p.line(indent, pad, l)
		}
	}
}
