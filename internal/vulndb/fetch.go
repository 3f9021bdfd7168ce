package vulndb

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

// fetch GETs u conditionally, retrying on 5xx, 429 and network failures.
// It returns a response of status 200 or 304 only.
func fetch(ctx context.Context, u, etag, lastMod string, opts UpdateOptions) (*http.Response, error) {
	client := opts.Client
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Minute}
	}
	attempts, backoff := opts.Attempts, opts.Backoff
	if attempts <= 0 {
		attempts = 3
	}
	if backoff <= 0 {
		backoff = 2 * time.Second
	}
	var last error
	for i := range attempts {
		if i > 0 {
			select {
			case <-ctx.Done():
				return nil, fmt.Errorf("%w (after: %v)", ctx.Err(), last)
			case <-time.After(backoff << (i - 1)):
			}
		}
		resp, err := get(ctx, client, u, etag, lastMod, opts.UserAgent)
		if err != nil {
			if ctx.Err() != nil {
				return nil, unreachable(u, err)
			}
			last = unreachable(u, err)
			continue
		}
		switch {
		case resp.StatusCode == http.StatusOK || resp.StatusCode == http.StatusNotModified:
			return resp, nil
		case resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests:
			drain(resp)
			last = fmt.Errorf("%s answered %s", u, resp.Status)
			continue
		}
		drain(resp)
		if resp.StatusCode == http.StatusNotFound {
			return nil, fmt.Errorf("%s answered %s: is the ecosystem spelled as OSV spells it (Go, npm, PyPI, Debian, Alpine, crates.io...)?", u, resp.Status)
		}
		return nil, fmt.Errorf("%s answered %s", u, resp.Status)
	}
	return nil, fmt.Errorf("giving up after %d attempts: %w", attempts, last)
}

func get(ctx context.Context, client *http.Client, u, etag, lastMod, userAgent string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastMod != "" {
		req.Header.Set("If-Modified-Since", lastMod)
	}
	if userAgent != "" {
		req.Header.Set("User-Agent", userAgent)
	}
	return client.Do(req)
}

// drain lets the connection be reused.
func drain(resp *http.Response) {
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
}

// unreachable says which host could not be reached and what to do
// without a network.
func unreachable(u string, err error) error {
	host := u
	if p, perr := url.Parse(u); perr == nil {
		host = p.Host
	}
	var ne net.Error
	what := "cannot reach"
	if errors.As(err, &ne) && ne.Timeout() {
		what = "timed out reaching"
	}
	return fmt.Errorf("%s %s: %w; use 'customs db import PATH' for air-gapped use", what, host, unwrapURL(err))
}

// unwrapURL drops the "Get URL:" prefix url.Error adds, since the message
// already names the host.
func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
