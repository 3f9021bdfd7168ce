// Package github is a client for the part of GitHub's REST API that says
// who an account is: the owner of a ghcr.io image is a GitHub user or
// organisation. It asks without a token, so GitHub allows few requests an
// hour; a spent limit is waited out only as briefly as package jsonapi
// allows.
package github

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/customs-oss/customs/internal/jsonapi"
)

// DefaultURL is the base URL of GitHub's REST API.
const DefaultURL = "https://api.github.com"

// ErrNotFound says that GitHub has no such account.
var ErrNotFound = errors.New("not found on GitHub: no such account")

// Account types as GitHub writes them.
const (
	TypeUser         = "User"
	TypeOrganization = "Organization"
)

// Account is what GitHub says about a user or organisation.
type Account struct {
	Login string
	// Type is TypeUser or TypeOrganization.
	Type        string
	Name        string
	Company     string
	Blog        string
	Created     time.Time
	PublicRepos int64
	Followers   int64
}

// accountJSON is the shape of GET /users/{login}.
type accountJSON struct {
	Login       string  `json:"login"`
	Type        string  `json:"type"`
	Name        *string `json:"name"`
	Company     *string `json:"company"`
	Blog        *string `json:"blog"`
	CreatedAt   string  `json:"created_at"`
	PublicRepos int64   `json:"public_repos"`
	Followers   int64   `json:"followers"`
}

// Client asks GitHub about accounts and remembers the answers.
type Client struct {
	api      *jsonapi.Client
	accounts jsonapi.Memo[Account]
}

// New returns a client of the API at base (DefaultURL when empty) that
// makes its requests with hc (a client with jsonapi.DefaultTimeout when
// nil).
func New(base string, hc *http.Client) *Client {
	if base == "" {
		base = DefaultURL
	}
	api := jsonapi.New("GitHub", base, hc)
	api.NotFound = ErrNotFound
	return &Client{api: api}
}

// API returns the underlying client, to adjust its retries and bounds.
func (c *Client) API() *jsonapi.Client { return c.api }

// Account returns what GitHub says about login. An unknown login gives an
// error wrapping ErrNotFound.
func (c *Client) Account(ctx context.Context, login string) (Account, error) {
	if !validLogin(login) {
		return Account{}, fmt.Errorf("%q is not a GitHub account name", login)
	}
	login = strings.ToLower(login)
	return c.accounts.Do(login, func() (Account, error) {
		var raw json.RawMessage
		if err := c.api.Get(ctx, "/users/"+login, &raw); err != nil {
			return Account{}, err
		}
		return ParseAccount(raw)
	})
}

// ParseAccount reads the JSON body of a user or organisation response.
func ParseAccount(data []byte) (Account, error) {
	if len(data) > jsonapi.MaxBody {
		return Account{}, fmt.Errorf("account response is %d bytes, more than %d", len(data), jsonapi.MaxBody)
	}
	var j accountJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return Account{}, fmt.Errorf("decoding GitHub account: %w", err)
	}
	a := Account{
		Login:       j.Login,
		Type:        j.Type,
		Name:        deref(j.Name),
		Company:     deref(j.Company),
		Blog:        deref(j.Blog),
		PublicRepos: j.PublicRepos,
		Followers:   j.Followers,
	}
	if t, err := time.Parse(time.RFC3339, j.CreatedAt); err == nil {
		a.Created = t.UTC()
	}
	return a, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// validLogin accepts a GitHub login: letters, digits and single inner
// hyphens, at most 39 characters.
func validLogin(s string) bool {
	if s == "" || len(s) > 39 || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
