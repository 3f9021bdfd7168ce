package jsonapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"
)

// response is what one request gave.
type response struct {
	body       []byte
	status     int
	retryAfter time.Duration
	// exhausted is a 403 that says the rate limit is spent (GitHub's way
	// of saying 429).
	exhausted bool
}

// Get fetches Base+path and decodes the JSON body into v. It retries 5xx
// statuses and timeouts with exponential backoff, waits out a rate limit
// (429, or a 403 with X-RateLimit-Remaining: 0) for as long as the API
// says, up to MaxRetryAfter, and maps 404 to ErrNotFound (or NotFound).
func (c *Client) Get(ctx context.Context, path string, v any) error {
	url := c.Base + path
	wait := c.Backoff
	for attempt := 0; ; attempt++ {
		resp, err := c.once(ctx, url)
		last := attempt >= c.Retries || ctx.Err() != nil
		switch {
		case err != nil:
			if last || !isTimeout(err) {
				return fmt.Errorf("GET %s: %w", url, err)
			}
		case resp.status == http.StatusOK:
			if err := json.Unmarshal(resp.body, v); err != nil {
				return fmt.Errorf("decoding %s: %w", url, err)
			}
			return nil
		case resp.status == http.StatusNotFound:
			nf := c.NotFound
			if nf == nil {
				nf = ErrNotFound
			}
			return fmt.Errorf("GET %s: %w", url, nf)
		case resp.status == http.StatusTooManyRequests || resp.exhausted:
			if last {
				return fmt.Errorf("GET %s: rate limited by %s after %d attempts", url, c.Service, attempt+1)
			}
			if resp.retryAfter > c.MaxRetryAfter {
				return fmt.Errorf("GET %s: rate limited by %s for %s, longer than the %s customs waits",
					url, c.Service, resp.retryAfter.Round(time.Second), c.MaxRetryAfter)
			}
			if resp.retryAfter > 0 {
				wait = resp.retryAfter
			}
		case resp.status >= 500:
			if last {
				return &StatusError{url, resp.status}
			}
		default:
			return &StatusError{url, resp.status}
		}
		if err := sleep(ctx, wait); err != nil {
			return fmt.Errorf("GET %s: %w", url, err)
		}
		wait *= 2
	}
}

// once makes one request and reads at most MaxBody bytes of its body.
func (c *Client) once(ctx context.Context, url string) (response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return response{}, err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return response{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		// Drain a little so the connection can be reused; the body of an
		// error says nothing customs uses.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		return rateLimit(resp.StatusCode, resp.Header, time.Now()), nil
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxBody+1))
	if err != nil {
		return response{}, fmt.Errorf("reading response: %w", err)
	}
	if len(body) > MaxBody {
		return response{}, fmt.Errorf("response larger than %d bytes", MaxBody)
	}
	return response{body: body, status: resp.StatusCode}, nil
}

// rateLimit reads what an error response says about the rate limit:
// Retry-After, or GitHub's X-RateLimit-Remaining and X-RateLimit-Reset.
func rateLimit(status int, h http.Header, now time.Time) response {
	r := response{status: status, retryAfter: ParseRetryAfter(h.Get("Retry-After"), now)}
	if status == http.StatusForbidden && h.Get("X-RateLimit-Remaining") == "0" {
		r.exhausted = true
		if r.retryAfter == 0 {
			r.retryAfter = parseReset(h.Get("X-RateLimit-Reset"), now)
		}
	}
	return r
}

// ParseRetryAfter reads a Retry-After header: seconds or an HTTP date.
// Unreadable or past values give 0.
func ParseRetryAfter(h string, now time.Time) time.Duration {
	if h == "" {
		return 0
	}
	if n, err := strconv.ParseInt(h, 10, 64); err == nil {
		if n <= 0 || n > 1<<31 {
			return 0
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// parseReset reads X-RateLimit-Reset, the Unix time the limit resets at.
// Unreadable or past values give 0.
func parseReset(h string, now time.Time) time.Duration {
	n, err := strconv.ParseInt(h, 10, 64)
	if err != nil || n <= now.Unix() || n > now.Unix()+1<<31 {
		return 0
	}
	return time.Unix(n, 0).Sub(now)
}

// isTimeout reports whether err is a request that timed out, which is worth
// trying again.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
