// Package hub is a client for the public part of Docker Hub's API: what a
// repository and the account that publishes it say about themselves, and
// the badges Docker Hub's search shows. Every response is bounded, every
// request timed out, and failures are retried only when retrying can help.
package hub

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/customs-oss/customs/internal/jsonapi"
)

// DefaultURL is the base URL of Docker Hub's API.
const DefaultURL = "https://hub.docker.com"

// Bounds of a conversation with the API.
const (
	// MaxBody is the largest response body read; a repository with a long
	// README is well under it.
	MaxBody = jsonapi.MaxBody
	// DefaultMaxRetryAfter is the longest Retry-After a client waits for.
	DefaultMaxRetryAfter = jsonapi.DefaultMaxRetryAfter
	// DefaultTimeout bounds one request when the caller gives no client.
	DefaultTimeout = jsonapi.DefaultTimeout
)

// ErrNotFound says that Docker Hub does not know a repository or account:
// it was deleted or is private.
var ErrNotFound = errors.New("not found on Docker Hub: deleted or private")

// Client asks Docker Hub about repositories and accounts and remembers the
// answers, so that one scan asks each question once.
type Client struct {
	api        *jsonapi.Client
	repos      jsonapi.Memo[Repository]
	namespaces jsonapi.Memo[Namespace]
	searches   jsonapi.Memo[[]SearchResult]
}

// Option configures a Client.
type Option func(*Client)

// WithHTTPClient sets the HTTP client, whose Timeout bounds each request.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) {
		if hc != nil {
			c.api.HTTP = hc
		}
	}
}

// WithRetries sets how many times a request that failed with a 5xx status,
// a 429 or a timeout is tried again, and the first backoff, which doubles.
func WithRetries(n int, backoff time.Duration) Option {
	return func(c *Client) { c.api.Retries, c.api.Backoff = n, backoff }
}

// WithMaxRetryAfter sets the longest Retry-After the client waits for; a
// longer one fails the request.
func WithMaxRetryAfter(d time.Duration) Option {
	return func(c *Client) { c.api.MaxRetryAfter = d }
}

// New returns a client of the API at base (DefaultURL when empty).
func New(base string, opts ...Option) *Client {
	if base == "" {
		base = DefaultURL
	}
	api := jsonapi.New("Docker Hub", base, nil)
	api.NotFound = ErrNotFound
	c := &Client{api: api}
	for _, o := range opts {
		o(c)
	}
	return c
}

// get fetches path from the API and decodes its JSON body into v.
func (c *Client) get(ctx context.Context, path string, v any) error {
	return c.api.Get(ctx, path, v)
}
