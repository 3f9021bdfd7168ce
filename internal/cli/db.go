package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/pflag"

	"github.com/customs-oss/customs/internal/vulndb"
)

const dbHelp = `Usage: customs db update [--ecosystem LIST] [--db PATH] [--offline]
       customs db import [--db PATH] [--source NAME] PATH...
       customs db status [--db PATH] [--format table|json]

Keeps the local vulnerability database customs matches installed packages
against: OSV records in one file, by default <cache dir>/vulndb/customs-vulns.db
($XDG_CACHE_HOME/customs on Linux). Nothing else needs the network.

update downloads OSV's all.zip of each ecosystem from
https://osv-vulnerabilities.storage.googleapis.com (or $CUSTOMS_OSV_URL, or
--osv-url) and replaces that ecosystem's data; an archive that has not
changed since the last update is not downloaded again. The default
ecosystems cover what customs inventories:
  ` + "Alpine, Debian, Ubuntu, Go, npm, PyPI, Maven, RubyGems, crates.io, Packagist" + `
Name others as OSV spells them: --ecosystem "Red Hat,AlmaLinux,Rocky Linux,SUSE".
--offline, or CUSTOMS_OFFLINE=1, refuses to download anything.

import loads files carried over by hand, for air-gapped machines: an OSV
archive (all.zip), a directory of OSV JSON files (such as golang/vulndb's
data/osv) or an Alpine secdb file (v3.10/main.yaml). Importing a source
again replaces it; a failed import leaves the previous data as it was.

status lists what is loaded: records per source and ecosystem, the newest
modification, and how old the data is.

Exit codes: 0 done, 1 error, 2 usage.

Examples:
  customs db update
  customs db update --ecosystem Go,npm
  customs db import Go-all.zip ./vulndb/data/osv alpine-secdb/v3.10/main.yaml
  customs db status --format json

Flags:
`

type dbOptions struct {
	path, osvURL, source, format string
	ecosystems                   []string
	offline                      bool
	timeout                      time.Duration
}

func dbFlags(env Env) (*pflag.FlagSet, *dbOptions) {
	o := &dbOptions{}
	fs := pflag.NewFlagSet("db", pflag.ContinueOnError)
	fs.SortFlags = false
	fs.StringVar(&o.path, "db", "", "the database `FILE` (default <cache dir>/vulndb/customs-vulns.db)")
	fs.StringSliceVar(&o.ecosystems, "ecosystem", vulndb.DefaultEcosystems(), "update: the OSV ecosystems to download, comma-separated")
	fs.BoolVar(&o.offline, "offline", env.getenv("CUSTOMS_OFFLINE") == "1", "update: refuse to download (also CUSTOMS_OFFLINE=1)")
	fs.StringVar(&o.osvURL, "osv-url", env.getenv("CUSTOMS_OSV_URL"), "update: OSV mirror `URL` serving ECOSYSTEM/all.zip (also CUSTOMS_OSV_URL)")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Minute, "update: give up after this long")
	fs.StringVar(&o.source, "source", "", "import: the `NAME` of the data set to replace (default: from the contents)")
	fs.StringVarP(&o.format, "format", "f", "table", "status: table or json")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), dbHelp)
		fmt.Fprint(fs.Output(), fs.FlagUsages())
	}
	fs.SetOutput(env.Stderr)
	return fs, o
}

func runDB(ctx context.Context, args []string, env Env) (int, error) {
	fs, o := dbFlags(env)
	if err := parseFlags(fs, args, env); err != nil {
		return ExitUsage, err
	}
	if fs.NArg() == 0 {
		return ExitUsage, usagef("db needs a subcommand: update, import or status; run 'customs help db'")
	}
	sub, rest := fs.Arg(0), fs.Args()[1:]
	if o.path == "" {
		if o.path = vulndb.DefaultPath(); o.path == "" {
			return ExitError, fmt.Errorf("no cache directory on this system: name the database with --db")
		}
	}
	var err error
	switch sub {
	case "update":
		if len(rest) > 0 {
			return ExitUsage, usagef("db update takes no arguments; name ecosystems with --ecosystem")
		}
		err = dbUpdate(ctx, o, env)
	case "import":
		if len(rest) == 0 {
			return ExitUsage, usagef("db import takes at least one PATH; run 'customs help db'")
		}
		err = dbImport(ctx, o, rest, env)
	case "status":
		if len(rest) > 0 {
			return ExitUsage, usagef("db status takes no arguments")
		}
		if o.format != "table" && o.format != "json" {
			return ExitUsage, usagef("unknown --format %q (want table or json)", o.format)
		}
		err = dbStatus(ctx, o, env)
	default:
		return ExitUsage, usagef("unknown db subcommand %q (want update, import or status)", sub)
	}
	if err != nil {
		return ExitError, err
	}
	return ExitAccept, nil
}

func dbUpdate(ctx context.Context, o *dbOptions, env Env) error {
	var ecos []string
	for _, e := range o.ecosystems {
		if e = strings.TrimSpace(e); e != "" {
			ecos = append(ecos, e)
		}
	}
	if len(ecos) == 0 {
		return usagef("--ecosystem names no ecosystem")
	}
	opts := vulndb.UpdateOptions{BaseURL: o.osvURL, Offline: o.offline, UserAgent: "customs/" + Version}
	if o.offline { // refuse before creating anything
		return vulndb.ErrOffline
	}
	db, err := vulndb.Create(o.path)
	if err != nil {
		return err
	}
	defer db.Close()
	if o.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.timeout)
		defer cancel()
	}
	res, err := db.Update(ctx, ecos, opts)
	for _, r := range res {
		if r.Unchanged {
			fmt.Fprintf(env.Stdout, "%s: unchanged\n", r.Source)
			continue
		}
		fmt.Fprintf(env.Stdout, "%s: %d records\n", r.Source, r.Records)
	}
	return err
}

func dbImport(ctx context.Context, o *dbOptions, paths []string, env Env) error {
	if o.source != "" && len(paths) > 1 {
		return usagef("--source names one data set: import one PATH with it")
	}
	db, err := vulndb.Create(o.path)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, p := range paths {
		res, err := db.Import(ctx, p, vulndb.ImportOptions{Source: o.source})
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s: %d records from %s\n", res.Source, res.Records, p)
	}
	return nil
}

func dbStatus(ctx context.Context, o *dbOptions, env Env) error {
	db, err := vulndb.Open(o.path)
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := db.Status(ctx)
	if err != nil {
		return err
	}
	if o.format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Path    string                `json:"path"`
			Schema  int                   `json:"schema_version"`
			Sources []vulndb.SourceStatus `json:"sources"`
		}{db.Path(), vulndb.SchemaVersion, append([]vulndb.SourceStatus{}, st...)})
	}
	fmt.Fprintf(env.Stdout, "database %s\n", db.Path())
	if len(st) == 0 {
		fmt.Fprintln(env.Stdout, "empty: run 'customs db update', or 'customs db import PATH' without a network")
		return nil
	}
	now := time.Now()
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tECOSYSTEM\tRECORDS\tWITHDRAWN\tNEWEST RECORD\tAGE\tORIGIN")
	for _, s := range st {
		newest := "-"
		if !s.Newest.IsZero() {
			newest = s.Newest.Format(time.DateOnly)
		}
		eco := s.Ecosystem
		if eco == "" {
			eco = "(none)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%s\n", s.Source, eco, s.Records, s.Withdrawn, newest, age(now.Sub(latest(s.Imported, s.Checked))), s.Origin)
	}
	return tw.Flush()
}

func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// age says how long ago the data was fetched, in the largest whole unit.
func age(d time.Duration) string {
	switch {
	case d < time.Hour:
		return "less than an hour old"
	case d < 2*time.Hour:
		return "1 hour old"
	case d < 48*time.Hour:
		return fmt.Sprintf("%d hours old", int(d/time.Hour))
	}
	return fmt.Sprintf("%d days old", int(d/(24*time.Hour)))
}
