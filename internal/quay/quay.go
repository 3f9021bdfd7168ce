// Package quay is a client for the public part of quay.io's API: what a
// repository says about itself and whether an organisation or a user owns
// it. It shares the bounds and retries of package jsonapi.
package quay

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/customs-oss/customs/internal/jsonapi"
)

// DefaultURL is the base URL of quay.io's API.
const DefaultURL = "https://quay.io"

// ErrNotFound says that quay.io does not show a repository: it was deleted
// or is private.
var ErrNotFound = errors.New("not found on quay.io: deleted or private")

// Repository states as quay.io writes them.
const (
	StateNormal   = "NORMAL"
	StateReadOnly = "READ_ONLY"
	StateMirror   = "MIRROR"
)

// Repository is what quay.io says about one repository.
type Repository struct {
	Namespace   string
	Name        string
	Description string
	Public      bool
	// Kind is "image" for container images.
	Kind string
	// State is StateNormal, StateReadOnly or StateMirror.
	State string
	// Organization is true when an organisation, not a user, owns it.
	Organization bool
}

// repositoryJSON is the shape of GET /api/v1/repository/{ns}/{name}.
type repositoryJSON struct {
	Namespace      string `json:"namespace"`
	Name           string `json:"name"`
	Description    string `json:"description"`
	IsPublic       bool   `json:"is_public"`
	Kind           string `json:"kind"`
	State          string `json:"state"`
	IsOrganization bool   `json:"is_organization"`
}

// Client asks quay.io about repositories and remembers the answers.
type Client struct {
	api   *jsonapi.Client
	repos jsonapi.Memo[Repository]
}

// New returns a client of the API at base (DefaultURL when empty) that
// makes its requests with hc (a client with jsonapi.DefaultTimeout when
// nil).
func New(base string, hc *http.Client) *Client {
	if base == "" {
		base = DefaultURL
	}
	api := jsonapi.New("quay.io", base, hc)
	api.NotFound = ErrNotFound
	return &Client{api: api}
}

// API returns the underlying client, to adjust its retries and bounds.
func (c *Client) API() *jsonapi.Client { return c.api }

// Repository returns what quay.io says about ns/name. A repository quay.io
// does not show gives an error wrapping ErrNotFound.
func (c *Client) Repository(ctx context.Context, ns, name string) (Repository, error) {
	if !validName(ns) || !validName(name) {
		return Repository{}, fmt.Errorf("%q/%q is not a quay.io repository name", ns, name)
	}
	return c.repos.Do(ns+"/"+name, func() (Repository, error) {
		var raw json.RawMessage
		// Tags and statistics are left out: customs does not use them and
		// they are most of a busy repository's answer.
		if err := c.api.Get(ctx, "/api/v1/repository/"+ns+"/"+name+"?includeTags=false&includeStats=false", &raw); err != nil {
			return Repository{}, err
		}
		return ParseRepository(raw)
	})
}

// ParseRepository reads the JSON body of a repository response.
func ParseRepository(data []byte) (Repository, error) {
	if len(data) > jsonapi.MaxBody {
		return Repository{}, fmt.Errorf("repository response is %d bytes, more than %d", len(data), jsonapi.MaxBody)
	}
	var j repositoryJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return Repository{}, fmt.Errorf("decoding quay.io repository: %w", err)
	}
	return Repository{
		Namespace:    j.Namespace,
		Name:         j.Name,
		Description:  j.Description,
		Public:       j.IsPublic,
		Kind:         j.Kind,
		State:        j.State,
		Organization: j.IsOrganization,
	}, nil
}

// validName accepts a quay.io namespace or repository name, which keeps a
// hostile reference from reaching another API path.
func validName(s string) bool {
	if s == "" || len(s) > 255 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return s != "." && s != ".."
}
