package knownbad

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// Bounds of a reference list: it is embedded, but the parser is fuzzed and
// may be fed another list.
const (
	maxListSize  = 1 << 20
	maxListLines = 10_000
)

// report is what a list says about one account or repository.
type badImage struct {
	// Ref is the entry as written: "ns/*" or "ns/repo".
	Ref      string
	What     string
	Reported string
}

// imageList holds the reported Docker Hub accounts and repositories, keyed
// by lower-cased namespace and by lower-cased namespace/repo.
type imageList struct {
	accounts map[string]badImage
	repos    map[string]badImage
}

// parseImages reads the tab-separated list: reference, what was found,
// where it was reported. Lines starting with # are comments.
func parseImages(data []byte) (imageList, error) {
	l := imageList{accounts: map[string]badImage{}, repos: map[string]badImage{}}
	if len(data) > maxListSize {
		return l, fmt.Errorf("known-image list is %d bytes, more than %d", len(data), maxListSize)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, maxListSize)
	for n := 1; sc.Scan(); n++ {
		if n > maxListLines {
			return l, fmt.Errorf("known-image list has more than %d lines", maxListLines)
		}
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			return l, fmt.Errorf("known-image list line %d: %d columns, want 3", n, len(cols))
		}
		b := badImage{Ref: strings.TrimSpace(cols[0]), What: strings.TrimSpace(cols[1]), Reported: strings.TrimSpace(cols[2])}
		ns, repo, ok := strings.Cut(strings.ToLower(b.Ref), "/")
		if !ok || !validName(ns) || (repo != "*" && !validName(repo)) {
			return l, fmt.Errorf("known-image list line %d: %q is not namespace/* or namespace/repository", n, b.Ref)
		}
		if repo == "*" {
			l.accounts[ns] = b
		} else {
			l.repos[ns+"/"+repo] = b
		}
	}
	if err := sc.Err(); err != nil {
		return l, fmt.Errorf("reading known-image list: %w", err)
	}
	return l, nil
}

// validName accepts a Docker Hub namespace or repository name component.
func validName(s string) bool {
	if s == "" || len(s) > 255 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

// match returns what the list says about a Docker Hub repository path
// ("ns/repo", lower case): the repository entry first, then the account.
func (l imageList) match(repository string) (badImage, bool) {
	if b, ok := l.repos[repository]; ok {
		return b, true
	}
	ns, _, ok := strings.Cut(repository, "/")
	if !ok {
		return badImage{}, false
	}
	b, ok := l.accounts[ns]
	return b, ok
}
