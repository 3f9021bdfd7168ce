package vulndb

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// DefaultBaseURL is where OSV publishes one all.zip per ecosystem.
const DefaultBaseURL = "https://osv-vulnerabilities.storage.googleapis.com"

// DefaultEcosystems are the OSV ecosystems customs downloads by default:
// those of the package managers it inventories (apk, dpkg, npm, Python,
// Go, Java, Ruby, Rust, PHP). Red Hat, AlmaLinux, Rocky Linux, SUSE and
// openSUSE data for rpm-based images can be named explicitly.
func DefaultEcosystems() []string {
	return []string{"Alpine", "Debian", "Ubuntu", "Go", "npm", "PyPI", "Maven", "RubyGems", "crates.io", "Packagist"}
}

// ErrOffline is returned by Update when downloads are turned off.
var ErrOffline = errors.New("downloads are turned off (--offline or CUSTOMS_OFFLINE=1): use 'customs db import PATH' to load OSV archives carried over by hand")

// UpdateOptions tune Update.
type UpdateOptions struct {
	// BaseURL replaces DefaultBaseURL, for a mirror.
	BaseURL string
	// Client makes the requests; nil means a client with a 10 minute
	// overall timeout.
	Client *http.Client
	// Offline refuses to make any request.
	Offline bool
	// Attempts is how many times a request is tried when the server
	// answers 5xx or 429 or the connection fails (default 3).
	Attempts int
	// Backoff is the wait before the second attempt, doubled after each
	// (default 2s).
	Backoff time.Duration
	// UserAgent is sent with each request.
	UserAgent string
	// Limits bound the download and the import.
	Limits Limits
}

// Update downloads OSV's all.zip of each ecosystem and imports it as the
// source "osv/<ecosystem>", sending the stored ETag and Last-Modified so an
// unchanged archive costs one 304 response. Each archive is streamed to a
// temporary file beside the database, bounded by Limits.MaxDownload,
// imported, and removed. Ecosystems are updated in turn; the first failure
// stops the update, leaving the data of that ecosystem as it was.
func (db *DB) Update(ctx context.Context, ecosystems []string, opts UpdateOptions) ([]ImportResult, error) {
	if opts.Offline {
		return nil, ErrOffline
	}
	base := opts.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	if _, err := url.Parse(base); err != nil {
		return nil, fmt.Errorf("OSV base URL %q: %w", base, err)
	}
	var out []ImportResult
	for _, eco := range ecosystems {
		res, err := db.updateOne(ctx, strings.TrimSuffix(base, "/")+"/"+url.PathEscape(eco)+"/all.zip", eco, opts)
		if err != nil {
			return out, fmt.Errorf("updating %s: %w", eco, err)
		}
		out = append(out, res)
	}
	return out, nil
}

func (db *DB) updateOne(ctx context.Context, u, eco string, opts UpdateOptions) (ImportResult, error) {
	name := "osv/" + eco
	etag, lastMod, err := db.validators(ctx, name)
	if err != nil {
		return ImportResult{}, err
	}
	resp, err := fetch(ctx, u, etag, lastMod, opts)
	if err != nil {
		return ImportResult{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return ImportResult{Source: name, Unchanged: true}, db.touch(ctx, name)
	}
	lim := opts.Limits.withDefaults()
	if resp.ContentLength > lim.MaxDownload {
		return ImportResult{}, fmt.Errorf("%s is %d bytes, over the %d byte limit", u, resp.ContentLength, lim.MaxDownload)
	}
	tmp, err := os.CreateTemp(filepath.Dir(db.path), ".download-*.zip")
	if err != nil {
		return ImportResult{}, fmt.Errorf("creating a temporary file for the download: %w", err)
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	n, err := io.Copy(tmp, io.LimitReader(resp.Body, lim.MaxDownload+1))
	if err != nil {
		return ImportResult{}, fmt.Errorf("downloading %s: %w", u, err)
	}
	if n > lim.MaxDownload {
		return ImportResult{}, fmt.Errorf("downloading %s: more than %d bytes, over the limit", u, lim.MaxDownload)
	}
	if resp.ContentLength >= 0 && n != resp.ContentLength {
		return ImportResult{}, fmt.Errorf("downloading %s: got %d of %d bytes", u, n, resp.ContentLength)
	}
	return db.replaceZip(ctx, tmp, n, origin{
		name: name, location: u,
		etag: resp.Header.Get("ETag"), lastMod: resp.Header.Get("Last-Modified"),
	}, lim)
}
