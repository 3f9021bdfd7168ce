package knownbad

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var hashInfo = check.Info{
	ID:       "knownbad/hash",
	Version:  1,
	Title:    "File matches a known malicious file",
	Severity: report.SeverityCritical,
	Item:     report.ItemMalicious,
	Description: "Hashes the files whose size equals that of a known miner or malware sample in the list customs " +
		"ships, in every layer, whatever their name, mode or place (a renamed miner, or one a later layer deleted, " +
		"is still in the image). A file that fits in the content window is compared by the sha256 of its whole " +
		"content; a larger one by its exact size and the sha256 of its first MiB. Only files of a listed size " +
		"are hashed, which keeps the cost of the check near zero.",
	Remediation: "Do not run the image. Find the step that added the file (its layer and history step), remove it, " +
		"and treat the source of the image and its build as compromised.",
	References: []string{"https://github.com/xmrig/xmrig"},
}

func hash() check.Constructor {
	return func() check.Check {
		tsv, err := gunzip("hashes.tsv", hashesGz)
		if err != nil {
			return &hashCheck{err: err}
		}
		list, err := parseHashes(tsv)
		return &hashCheck{list: list, err: err}
	}
}

type hashCheck struct {
	list hashList
	err  error
}

func (*hashCheck) Info() check.Info { return hashInfo }

// Wants is a map lookup by size: no other file can match.
func (c *hashCheck) Wants(e *facts.Entry) bool {
	_, ok := c.list[e.Size]
	return ok
}

// CheckImage reports a hash list that could not be read, so the check is
// recorded as failed rather than silently finding nothing.
func (c *hashCheck) CheckImage(context.Context, *facts.Image) ([]report.Finding, error) {
	return nil, c.err
}

func (c *hashCheck) CheckContent(_ context.Context, e *facts.Entry, data []byte) ([]report.Finding, error) {
	b, how, ok := c.list.lookup(e.Size, data)
	if !ok {
		return nil, nil
	}
	msg := fmt.Sprintf("/%s is %s (%s): %s; a known file of this kind does nothing an application needs and "+
		"runs for whoever planted it", e.Path, b.Name, b.Source, how)
	ev := report.Evidence{Path: "/" + e.Path, Value: "sha256:" + b.SHA256, Reference: b.Source}
	return []report.Finding{hashInfo.New(msg, ev)}, nil
}

// lookup finds the known file that data, the start of a file of size bytes,
// is. how says what was compared.
func (l hashList) lookup(size int64, data []byte) (badFile, string, bool) {
	cands := l[size]
	if len(cands) == 0 {
		return badFile{}, "", false
	}
	if int64(len(data)) >= size {
		sum := sha256.Sum256(data[:size])
		got := hex.EncodeToString(sum[:])
		for _, b := range cands {
			if b.SHA256 == got {
				return b, "its sha256 matches", true
			}
		}
		return badFile{}, "", false
	}
	if len(data) < headSize {
		return badFile{}, "", false
	}
	sum := sha256.Sum256(data[:headSize])
	got := hex.EncodeToString(sum[:])
	for _, b := range cands {
		if b.Head == got {
			return b, fmt.Sprintf("its size (%d bytes) and the sha256 of its first MiB match (the whole file is larger than the content the scanner reads)", size), true
		}
	}
	return badFile{}, "", false
}
