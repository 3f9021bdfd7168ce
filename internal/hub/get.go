package hub

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

// statusError is an unexpected HTTP status.
type statusError struct {
	url    string
	status int
}

func (e *statusError) Error() string {
	return fmt.Sprintf("GET %s: %d %s", e.url, e.status, http.StatusText(e.status))
}

// get fetches base+path and decodes the JSON body into v. It retries 5xx
// statuses and timeouts with exponential backoff, waits out a 429 for as
// long as Retry-After says (up to the client's bound) and maps 404 to
// ErrNotFound.
func (c *Client) get(ctx context.Context, path string, v any) error {
	url := c.base + path
	wait := c.backoff
	for attempt := 0; ; attempt++ {
		body, status, retryAfter, err := c.once(ctx, url)
		last := attempt >= c.retries || ctx.Err() != nil
		switch {
		case err != nil:
			if last || !isTimeout(err) {
				return fmt.Errorf("GET %s: %w", url, err)
			}
		case status == http.StatusOK:
			if err := json.Unmarshal(body, v); err != nil {
				return fmt.Errorf("decoding %s: %w", url, err)
			}
			return nil
		case status == http.StatusNotFound:
			return fmt.Errorf("GET %s: %w", url, ErrNotFound)
		case status == http.StatusTooManyRequests:
			if last {
				return fmt.Errorf("GET %s: rate limited by Docker Hub after %d attempts", url, attempt+1)
			}
			if retryAfter > c.maxRetryAfter {
				return fmt.Errorf("GET %s: rate limited by Docker Hub for %s, longer than the %s customs waits", url, retryAfter, c.maxRetryAfter)
			}
			if retryAfter > 0 {
				wait = retryAfter
			}
		case status >= 500:
			if last {
				return &statusError{url, status}
			}
		default:
			return &statusError{url, status}
		}
		if err := sleep(ctx, wait); err != nil {
			return fmt.Errorf("GET %s: %w", url, err)
		}
		wait *= 2
	}
}

// once makes one request and reads at most MaxBody bytes of its body.
func (c *Client) once(ctx context.Context, url string) (body []byte, status int, retryAfter time.Duration, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, 0, 0, err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, 0, 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		// Drain a little so the connection can be reused; the body of an
		// error says nothing customs uses.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		return nil, resp.StatusCode, parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()), nil
	}
	body, err = io.ReadAll(io.LimitReader(resp.Body, MaxBody+1))
	if err != nil {
		return nil, 0, 0, fmt.Errorf("reading response: %w", err)
	}
	if len(body) > MaxBody {
		return nil, 0, 0, fmt.Errorf("response larger than %d bytes", MaxBody)
	}
	return body, resp.StatusCode, 0, nil
}

// parseRetryAfter reads a Retry-After header: seconds or an HTTP date.
// Unreadable or past values give 0.
func parseRetryAfter(h string, now time.Time) time.Duration {
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
