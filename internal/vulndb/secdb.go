package vulndb

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/customs-oss/customs/internal/osv"
)

// secDB is the part of an Alpine secdb file customs reads.
type secDB struct {
	DistroVersion string `yaml:"distroversion"`
	RepoName      string `yaml:"reponame"`
	Packages      []struct {
		Pkg struct {
			Name     string              `yaml:"name"`
			SecFixes map[string][]string `yaml:"secfixes"`
		} `yaml:"pkg"`
	} `yaml:"packages"`
}

var (
	cveID       = regexp.MustCompile(`^CVE-[0-9]{4}-[0-9]{4,}$`)
	otherID     = regexp.MustCompile(`^(XSA-[0-9]+|GHSA(-[23456789cfghjmpqrvwx]{4}){3})$`)
	distroMatch = regexp.MustCompile(`^v[0-9]+\.[0-9]+$|^edge$`)
)

// notAffected is the secfixes key by which Alpine says a CVE never
// affected its package.
const notAffected = "0"

// ParseSecDB converts an Alpine secdb file into OSV records shaped like
// OSV's own Alpine data: ecosystem "Alpine:<distroversion>", the source
// package name, one record "ALPINE-<CVE>" per CVE with the CVE as alias
// and, for each package the CVE is fixed in, an affected entry with one
// range {introduced "0", fixed <version>} per version that fixes it. Entries under the key "0" (Alpine's "never affected")
// produce no record, as in OSV. An entry may list several ids separated by
// spaces: each CVE gets a record and any XSA or GHSA id beside it becomes
// an alias; an entry without a CVE gets a record per remaining id; anything
// else is dropped. Records are sorted by ID.
func ParseSecDB(data []byte) (distro, repo string, vulns []*osv.Vulnerability, err error) {
	var db secDB
	if err := yaml.Unmarshal(data, &db); err != nil {
		return "", "", nil, fmt.Errorf("parsing Alpine secdb: %w", err)
	}
	if !distroMatch.MatchString(db.DistroVersion) {
		return "", "", nil, fmt.Errorf("parsing Alpine secdb: distroversion %q is not like v3.10", db.DistroVersion)
	}
	eco := "Alpine:" + db.DistroVersion
	byID := map[string]*osv.Vulnerability{}
	for _, p := range db.Packages {
		if p.Pkg.Name == "" {
			continue
		}
		for _, fixed := range sortedKeys(p.Pkg.SecFixes) {
			if fixed == notAffected {
				continue
			}
			for _, entry := range p.Pkg.SecFixes[fixed] {
				for _, ids := range recordIDs(entry) {
					v := byID[ids[0]]
					if v == nil {
						v = secDBRecord(db.DistroVersion, ids[0])
						byID[ids[0]] = v
					}
					v.Aliases = mergeIDs(v.Aliases, ids)
					a := affectedEntry(v, eco, p.Pkg.Name)
					a.Ranges = append(a.Ranges, osv.Range{
						Type: "ECOSYSTEM", Events: []osv.Event{{Introduced: "0"}, {Fixed: fixed}},
					})
				}
			}
		}
	}
	for _, id := range sortedKeys(byID) {
		vulns = append(vulns, byID[id])
	}
	return db.DistroVersion, db.RepoName, vulns, nil
}

// recordIDs splits one secfixes entry into groups, each the primary id of
// a record followed by the ids that are its aliases.
func recordIDs(entry string) [][]string {
	var cves, others []string
	for _, f := range strings.Fields(entry) {
		switch {
		case cveID.MatchString(f):
			cves = append(cves, f)
		case otherID.MatchString(f):
			others = append(others, f)
		}
	}
	var out [][]string
	if len(cves) == 0 {
		for _, o := range others {
			out = append(out, []string{o})
		}
		return out
	}
	for _, c := range cves {
		out = append(out, append([]string{c}, others...))
	}
	return out
}

func secDBRecord(distro, id string) *osv.Vulnerability {
	return &osv.Vulnerability{
		SchemaVersion: "1.6.0",
		ID:            "ALPINE-" + id,
		Modified:      time.Time{},
		Details:       fmt.Sprintf("%s, fixed in Alpine %s according to the Alpine secdb.", id, distro),
		References:    []osv.Reference{{Type: "ADVISORY", URL: "https://security.alpinelinux.org/vuln/" + id}},
	}
}

// affectedEntry returns the entry of v for package pkg, adding it.
func affectedEntry(v *osv.Vulnerability, eco, pkg string) *osv.Affected {
	for i := range v.Affected {
		if v.Affected[i].Package.Name == pkg {
			return &v.Affected[i]
		}
	}
	v.Affected = append(v.Affected, osv.Affected{Package: osv.Package{Ecosystem: eco, Name: pkg}})
	return &v.Affected[len(v.Affected)-1]
}

func mergeIDs(have, add []string) []string {
	for _, a := range add {
		found := false
		for _, h := range have {
			found = found || h == a
		}
		if !found {
			have = append(have, a)
		}
	}
	return have
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ImportSecDB imports an Alpine secdb file (converted by ParseSecDB) as
// the source "alpine-secdb/<distroversion>/<reponame>". location is
// recorded as the origin.
func (db *DB) ImportSecDB(ctx context.Context, r io.Reader, location string, opts ImportOptions) (ImportResult, error) {
	lim := opts.Limits.withDefaults()
	data, err := io.ReadAll(io.LimitReader(r, lim.MaxSecDBSize+1))
	if err != nil {
		return ImportResult{}, fmt.Errorf("reading %q: %w", location, err)
	}
	if int64(len(data)) > lim.MaxSecDBSize {
		return ImportResult{}, fmt.Errorf("reading %q: more than %d bytes, over the limit", location, lim.MaxSecDBSize)
	}
	distro, repo, vulns, err := ParseSecDB(data)
	if err != nil {
		return ImportResult{}, fmt.Errorf("%q: %w", location, err)
	}
	name := opts.Source
	if name == "" {
		name = "alpine-secdb/" + distro
		if repo != "" {
			name += "/" + sanitizeRepo(repo)
		}
	}
	stream := func(yield func([]byte) error) error {
		for _, v := range vulns {
			var buf bytes.Buffer
			if err := json.NewEncoder(&buf).Encode(v); err != nil {
				return fmt.Errorf("encoding %s: %w", v.ID, err)
			}
			if err := yield(buf.Bytes()); err != nil {
				return err
			}
		}
		return nil
	}
	return db.replace(ctx, origin{name: name, location: location}, stream)
}

// sanitizeRepo keeps a repository name to letters, digits and "-".
func sanitizeRepo(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '_'
	}, s)
}
