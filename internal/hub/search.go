package hub

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
)

// BadgeOfficial is the badge search gives a Docker Official Image.
const BadgeOfficial = "official"

// searchSize is how many results one search asks for; the repository
// asked about by its full name comes first when it exists.
const searchSize = 25

// SearchResult is one repository as Docker Hub's search shows it. Search
// carries a repository's trust badge even when the repository and account
// endpoints do not.
type SearchResult struct {
	// Name is "bitnami/redis", or "nginx" for an official image.
	Name      string
	Publisher string
	// Badge is BadgeOfficial, BadgeVerifiedPublisher, BadgeOpenSource or
	// empty ("none").
	Badge       string
	Description string
	Stars       int64
	// Pulls is the rounded count search shows ("1B+").
	Pulls string
}

// searchJSON is the shape of GET /api/search/v3/catalog/search.
type searchJSON struct {
	Total   int64 `json:"total"`
	Results []struct {
		ID        string `json:"id"`
		Name      string `json:"name"`
		Slug      string `json:"slug"`
		Type      string `json:"type"`
		Publisher struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"publisher"`
		ShortDescription string `json:"short_description"`
		Badge            string `json:"badge"`
		StarCount        int64  `json:"star_count"`
		PullCount        string `json:"pull_count"`
	} `json:"results"`
}

// Search returns the image repositories Docker Hub's search finds for
// query, best match first.
func (c *Client) Search(ctx context.Context, query string) ([]SearchResult, error) {
	if query == "" || len(query) > 255 {
		return nil, fmt.Errorf("search query of %d bytes", len(query))
	}
	return c.searches.Do(query, func() ([]SearchResult, error) {
		q := url.Values{"query": {query}, "from": {"0"}, "size": {fmt.Sprint(searchSize)}}
		var raw json.RawMessage
		if err := c.get(ctx, "/api/search/v3/catalog/search?"+q.Encode(), &raw); err != nil {
			return nil, err
		}
		return ParseSearch(raw)
	})
}

// ParseSearch reads the JSON body of a search response; results that are
// not images are left out.
func ParseSearch(data []byte) ([]SearchResult, error) {
	if len(data) > MaxBody {
		return nil, fmt.Errorf("search response is %d bytes, more than %d", len(data), MaxBody)
	}
	var j searchJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return nil, fmt.Errorf("decoding search results: %w", err)
	}
	var out []SearchResult
	for _, r := range j.Results {
		if r.Type != "" && r.Type != "image" {
			continue
		}
		name := r.Slug
		if name == "" {
			name = r.Name
		}
		badge := r.Badge
		if badge == "none" {
			badge = ""
		}
		out = append(out, SearchResult{
			Name:        strings.ToLower(name),
			Publisher:   r.Publisher.Name,
			Badge:       badge,
			Description: r.ShortDescription,
			Stars:       r.StarCount,
			Pulls:       r.PullCount,
		})
	}
	return out, nil
}

// Badge returns the badge Docker Hub's search shows for the repository
// ns/name, or "" when it shows none or does not find the repository.
func (c *Client) Badge(ctx context.Context, ns, name string) (string, error) {
	if !validName(ns) || !validName(name) {
		return "", fmt.Errorf("%q/%q is not a Docker Hub repository name", ns, name)
	}
	want := ns + "/" + name
	if ns == "library" {
		want = name
	}
	results, err := c.Search(ctx, want)
	if err != nil {
		return "", err
	}
	for _, r := range results {
		if r.Name == want {
			return r.Badge, nil
		}
	}
	return "", nil
}
