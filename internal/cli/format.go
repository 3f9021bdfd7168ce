package cli

import (
	"io"

	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/report/sarif"
	"github.com/customs-oss/customs/internal/report/table"
)

// writerFor returns the renderer of a --format value. color says whether the
// destination is a terminal that wants ANSI colours.
func writerFor(format string, env Env) (func(w io.Writer, r *report.Report, color bool) error, error) {
	switch format {
	case "table", "":
		return func(w io.Writer, r *report.Report, color bool) error {
			return table.Write(w, r, table.Options{Color: color})
		}, nil
	case "json":
		return func(w io.Writer, r *report.Report, _ bool) error { return report.WriteJSON(w, r) }, nil
	case "sarif":
		return func(w io.Writer, r *report.Report, _ bool) error { return sarif.Write(w, r) }, nil
	}
	return nil, usagef("unknown --format %q (want table, json or sarif)", format)
}
