package hub

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Repository is what Docker Hub says about one repository.
type Repository struct {
	Namespace   string
	Name        string
	Description string
	// Type is "image" for container images.
	Type string
	// Status is 1 for an active repository; StatusDescription says it in
	// words ("active", "inactive").
	Status            int
	StatusDescription string
	Private           bool
	// Automated is true for repositories built by Docker Hub from source.
	Automated    bool
	Stars        int64
	Pulls        int64
	LastUpdated  time.Time
	Registered   time.Time
	Affiliation  string
	ContentTypes []string
	Categories   []string
}

// repositoryJSON is the shape of GET /v2/repositories/{ns}/{name}/.
type repositoryJSON struct {
	User              string   `json:"user"`
	Name              string   `json:"name"`
	Namespace         string   `json:"namespace"`
	RepositoryType    *string  `json:"repository_type"`
	Status            int      `json:"status"`
	StatusDescription string   `json:"status_description"`
	Description       string   `json:"description"`
	IsPrivate         bool     `json:"is_private"`
	IsAutomated       bool     `json:"is_automated"`
	StarCount         int64    `json:"star_count"`
	PullCount         int64    `json:"pull_count"`
	LastUpdated       *string  `json:"last_updated"`
	DateRegistered    *string  `json:"date_registered"`
	Affiliation       *string  `json:"affiliation"`
	ContentTypes      []string `json:"content_types"`
	Categories        []struct {
		Name string `json:"name"`
		Slug string `json:"slug"`
	} `json:"categories"`
}

// Repository returns what Docker Hub says about ns/name ("library/nginx"
// for an official image). A repository Docker Hub does not show gives an
// error wrapping ErrNotFound.
func (c *Client) Repository(ctx context.Context, ns, name string) (Repository, error) {
	if !validName(ns) || !validName(name) {
		return Repository{}, fmt.Errorf("%q/%q is not a Docker Hub repository name", ns, name)
	}
	return c.repos.Do(ns+"/"+name, func() (Repository, error) {
		var raw json.RawMessage
		if err := c.get(ctx, "/v2/repositories/"+ns+"/"+name+"/", &raw); err != nil {
			return Repository{}, err
		}
		return ParseRepository(raw)
	})
}

// ParseRepository reads the JSON body of a repository response.
func ParseRepository(data []byte) (Repository, error) {
	if len(data) > MaxBody {
		return Repository{}, fmt.Errorf("repository response is %d bytes, more than %d", len(data), MaxBody)
	}
	var j repositoryJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return Repository{}, fmt.Errorf("decoding repository: %w", err)
	}
	r := Repository{
		Namespace:         j.Namespace,
		Name:              j.Name,
		Description:       j.Description,
		Type:              deref(j.RepositoryType),
		Status:            j.Status,
		StatusDescription: j.StatusDescription,
		Private:           j.IsPrivate,
		Automated:         j.IsAutomated,
		Stars:             j.StarCount,
		Pulls:             j.PullCount,
		LastUpdated:       parseTime(deref(j.LastUpdated)),
		Registered:        parseTime(deref(j.DateRegistered)),
		Affiliation:       deref(j.Affiliation),
		ContentTypes:      j.ContentTypes,
	}
	if r.Namespace == "" {
		r.Namespace = j.User
	}
	for _, cat := range j.Categories {
		r.Categories = append(r.Categories, cat.Name)
	}
	return r, nil
}

// Active reports whether Docker Hub marks the repository active.
func (r Repository) Active() bool {
	return r.Status == 1 || r.StatusDescription == "active"
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// parseTime reads the timestamps Docker Hub writes (RFC 3339 with or without
// fractional seconds); anything else is the zero time.
func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// validName accepts a Docker Hub namespace or repository name, which keeps
// a hostile reference from reaching another API path.
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
