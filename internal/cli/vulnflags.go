package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"github.com/customs-oss/customs/internal/osv"
	"github.com/customs-oss/customs/internal/vulndb"
	"github.com/customs-oss/customs/internal/vulns"
)

// maxPolicyFile bounds an ignore file or a VEX document.
const maxPolicyFile = 1 << 20

// vulnOptions are the flags of vulnerability matching: the store and what
// not to report.
type vulnOptions struct {
	db            string
	ignoreUnfixed bool
	ignoreFile    string
	vex           []string
}

func (v *vulnOptions) addFlags(fs *pflag.FlagSet) {
	fs.StringVar(&v.db, "db", "", "match packages against the vulnerability database `FILE` (default <cache dir>/vulndb/customs-vulns.db, made by customs db update or import)")
	fs.BoolVar(&v.ignoreUnfixed, "ignore-unfixed", false, "do not report vulnerabilities no released version fixes yet")
	fs.StringVar(&v.ignoreFile, "ignore-file", "", "do not report the vulnerabilities a YAML `FILE` lists, each with a reason and an optional expiry")
	fs.StringSliceVar(&v.vex, "vex", nil, "honour the not_affected and fixed statements of an OpenVEX `FILE` (repeatable)")
}

// open opens the store and reads the suppression files. Without --db, a
// missing default store is not an error: vulns/known says it did not check.
// The returned closer releases the store.
func (v *vulnOptions) open() (vulns.Lookup, vulns.Settings, func(), error) {
	set := vulns.Settings{IgnoreUnfixed: v.ignoreUnfixed}
	if v.ignoreFile != "" {
		data, err := readBounded(v.ignoreFile)
		if err == nil {
			set.Ignore, err = vulns.ParseIgnore(data)
		}
		if err != nil {
			return nil, set, nil, usagef("--ignore-file: %v", err)
		}
	}
	for _, f := range v.vex {
		data, err := readBounded(f)
		var st []vulns.Statement
		if err == nil {
			st, err = vulns.ParseVEX(data)
		}
		if err != nil {
			return nil, set, nil, usagef("--vex %s: %v", f, err)
		}
		set.VEX = append(set.VEX, st...)
	}
	path := v.db
	if path == "" {
		path = vulndb.DefaultPath()
		if _, err := os.Stat(path); path == "" || err != nil {
			return nil, set, func() {}, nil
		}
	}
	db, err := vulndb.Open(path)
	if err != nil {
		return nil, set, nil, usagef("--db: %v", err)
	}
	return storeLookup{db}, set, func() { db.Close() }, nil
}

// readBounded reads a small file given on the command line.
func readBounded(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxPolicyFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxPolicyFile {
		return nil, fmt.Errorf("%s is over %d bytes", path, maxPolicyFile)
	}
	return data, nil
}

// storeLookup lets the matcher query the store.
type storeLookup struct{ db *vulndb.DB }

func (l storeLookup) LookupMany(ctx context.Context, qs []vulns.Query) (map[vulns.Query][]*osv.Vulnerability, error) {
	in := make([]vulndb.Query, len(qs))
	for i, q := range qs {
		in[i] = vulndb.Query(q)
	}
	m, err := l.db.LookupMany(ctx, in)
	if err != nil {
		return nil, err
	}
	out := make(map[vulns.Query][]*osv.Vulnerability, len(m))
	for q, v := range m {
		out[vulns.Query(q)] = v
	}
	return out, nil
}
