package cli

import (
	"fmt"
	"io"

	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/report/cyclonedx"
	"github.com/customs-oss/customs/internal/report/sarif"
	"github.com/customs-oss/customs/internal/report/spdx"
	"github.com/customs-oss/customs/internal/report/table"
)

// formatHelp lists the --format values for the flag's help.
const formatHelp = "report format: table, json, sarif, cyclonedx (CycloneDX 1.6 SBOM) or spdx (SPDX 2.3 SBOM)"

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
	case "cyclonedx":
		return sbom(cyclonedx.Write, env), nil
	case "spdx":
		return sbom(spdx.Write, env), nil
	}
	return nil, usagef("unknown --format %q (want table, json, sarif, cyclonedx or spdx)", format)
}

// sbom wraps an SBOM renderer: a report without an inventory still renders,
// as an SBOM of the image alone, but the user is told it lists no packages.
func sbom(write func(io.Writer, *report.Report) error, env Env) func(io.Writer, *report.Report, bool) error {
	return func(w io.Writer, r *report.Report, _ bool) error {
		if r.Inventory == nil {
			fmt.Fprintln(env.Stderr, "customs: warning: no package inventory was taken; the SBOM describes the image but lists no packages")
		}
		return write(w, r)
	}
}
