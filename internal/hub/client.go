// Package hub is a client for the public part of Docker Hub's API: what a
// repository and the account that publishes it say about themselves. Every
// response is bounded, every request timed out, and failures are retried
// only when retrying can help.
package hub

import (
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"
)

// DefaultURL is the base URL of Docker Hub's API.
const DefaultURL = "https://hub.docker.com"

// Bounds of a conversation with the API.
const (
	// MaxBody is the largest response body read; a repository with a long
	// README is well under it.
	MaxBody = 1 << 20
	// DefaultMaxRetryAfter is the longest Retry-After a client waits for.
	DefaultMaxRetryAfter = 30 * time.Second
	// DefaultTimeout bounds one request when the caller gives no client.
	DefaultTimeout = 20 * time.Second
	defaultRetries = 3
	defaultBackoff = 500 * time.Millisecond
)

// ErrNotFound says that Docker Hub does not know a repository or account:
// it was deleted or is private.
var ErrNotFound = errors.New("not found on Docker Hub: deleted or private")

// Client asks Docker Hub about repositories and accounts and remembers the
// answers, so that one scan asks each question once.
type Client struct {
	base          string
	http          *http.Client
	retries       int
	backoff       time.Duration
	maxRetryAfter time.Duration

	mu         sync.Mutex
	repos      map[string]*call[Repository]
	namespaces map[string]*call[Namespace]
}

// call is one request made once and shared by everyone who asks.
type call[T any] struct {
	once sync.Once
	val  T
	err  error
}

// Option configures a Client.
type Option func(*Client)

// WithHTTPClient sets the HTTP client, whose Timeout bounds each request.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) {
		if hc != nil {
			c.http = hc
		}
	}
}

// WithRetries sets how many times a request that failed with a 5xx status,
// a 429 or a timeout is tried again, and the first backoff, which doubles.
func WithRetries(n int, backoff time.Duration) Option {
	return func(c *Client) { c.retries, c.backoff = n, backoff }
}

// WithMaxRetryAfter sets the longest Retry-After the client waits for; a
// longer one fails the request.
func WithMaxRetryAfter(d time.Duration) Option {
	return func(c *Client) { c.maxRetryAfter = d }
}

// New returns a client of the API at base (DefaultURL when empty).
func New(base string, opts ...Option) *Client {
	if base == "" {
		base = DefaultURL
	}
	c := &Client{
		base:          strings.TrimRight(base, "/"),
		http:          &http.Client{Timeout: DefaultTimeout},
		retries:       defaultRetries,
		backoff:       defaultBackoff,
		maxRetryAfter: DefaultMaxRetryAfter,
		repos:         map[string]*call[Repository]{},
		namespaces:    map[string]*call[Namespace]{},
	}
	for _, o := range opts {
		o(c)
	}
	return c
}

// remember returns the shared call for key in m, creating it.
func remember[T any](c *Client, m map[string]*call[T], key string) *call[T] {
	c.mu.Lock()
	defer c.mu.Unlock()
	cl, ok := m[key]
	if !ok {
		cl = &call[T]{}
		m[key] = cl
	}
	return cl
}
