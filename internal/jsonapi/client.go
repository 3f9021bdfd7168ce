// Package jsonapi reads JSON from the public HTTP APIs customs asks about
// publishers (Docker Hub, quay.io, GitHub). Every response is bounded,
// every request timed out, failures are retried only when retrying can
// help, and a rate limit is waited out only as long as the caller allows.
package jsonapi

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Bounds of a conversation with an API.
const (
	// MaxBody is the largest response body read.
	MaxBody = 1 << 20
	// DefaultMaxRetryAfter is the longest rate-limit wait a client accepts.
	DefaultMaxRetryAfter = 30 * time.Second
	// DefaultTimeout bounds one request when the caller gives no client.
	DefaultTimeout = 20 * time.Second
	// DefaultRetries is how many times a failed request is tried again.
	DefaultRetries = 3
	// DefaultBackoff is the first wait between tries; it doubles.
	DefaultBackoff = 500 * time.Millisecond
)

// ErrNotFound says that the API answered 404.
var ErrNotFound = errors.New("not found")

// Client gets JSON documents from one API.
type Client struct {
	// Service names the API in errors ("Docker Hub").
	Service string
	// Base is the API's base URL, without a trailing slash.
	Base string
	// HTTP is the client requests go through; its Timeout bounds each.
	HTTP *http.Client
	// Retries is how many times a 5xx, a 429 or a timeout is retried.
	Retries int
	// Backoff is the first wait between tries.
	Backoff time.Duration
	// MaxRetryAfter is the longest rate-limit wait accepted; a longer one
	// fails the request.
	MaxRetryAfter time.Duration
	// NotFound, when set, is the error a 404 wraps instead of ErrNotFound.
	NotFound error
}

// New returns a client of service at base with the default bounds.
func New(service, base string, hc *http.Client) *Client {
	if hc == nil {
		hc = &http.Client{Timeout: DefaultTimeout}
	}
	return &Client{
		Service:       service,
		Base:          strings.TrimRight(base, "/"),
		HTTP:          hc,
		Retries:       DefaultRetries,
		Backoff:       DefaultBackoff,
		MaxRetryAfter: DefaultMaxRetryAfter,
	}
}

// StatusError is an HTTP status the client does not expect.
type StatusError struct {
	URL    string
	Status int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("GET %s: %d %s", e.URL, e.Status, http.StatusText(e.Status))
}
