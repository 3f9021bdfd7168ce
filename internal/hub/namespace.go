package hub

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/customs-oss/customs/internal/jsonapi"
)

// Account types as Docker Hub writes them.
const (
	TypeUser         = "User"
	TypeOrganization = "Organization"
)

// Badges Docker Hub gives publishers.
const (
	BadgeVerifiedPublisher = "verified_publisher"
	BadgeOpenSource        = "open_source"
)

// Namespace is what Docker Hub says about the account that owns
// repositories: a user or an organisation.
type Namespace struct {
	Name     string
	FullName string
	Company  string
	Location string
	// Type is TypeUser or TypeOrganization.
	Type string
	// Badge is BadgeVerifiedPublisher, BadgeOpenSource or empty.
	Badge  string
	Joined time.Time
}

// namespaceJSON is the shape of GET /v2/orgs/{ns}/ and /v2/users/{ns}/.
type namespaceJSON struct {
	OrgName    string `json:"orgname"`
	Username   string `json:"username"`
	FullName   string `json:"full_name"`
	Location   string `json:"location"`
	Company    string `json:"company"`
	DateJoined string `json:"date_joined"`
	Type       string `json:"type"`
	Badge      string `json:"badge"`
}

// Namespace returns what Docker Hub says about account ns. It asks for an
// organisation first and then for a user.
func (c *Client) Namespace(ctx context.Context, ns string) (Namespace, error) {
	if !validName(ns) {
		return Namespace{}, fmt.Errorf("%q is not a Docker Hub account name", ns)
	}
	return c.namespaces.Do(ns, func() (Namespace, error) {
		var raw json.RawMessage
		err := c.get(ctx, "/v2/orgs/"+ns+"/", &raw)
		var se *jsonapi.StatusError
		if errors.Is(err, ErrNotFound) || errors.As(err, &se) && (se.Status == 401 || se.Status == 403) {
			err = c.get(ctx, "/v2/users/"+ns+"/", &raw)
		}
		if err != nil {
			return Namespace{}, err
		}
		return ParseNamespace(raw)
	})
}

// ParseNamespace reads the JSON body of an organisation or user response.
func ParseNamespace(data []byte) (Namespace, error) {
	if len(data) > MaxBody {
		return Namespace{}, fmt.Errorf("account response is %d bytes, more than %d", len(data), MaxBody)
	}
	var j namespaceJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return Namespace{}, fmt.Errorf("decoding account: %w", err)
	}
	n := Namespace{
		Name:     j.OrgName,
		FullName: j.FullName,
		Company:  j.Company,
		Location: j.Location,
		Type:     j.Type,
		Badge:    j.Badge,
		Joined:   parseTime(j.DateJoined),
	}
	if n.Name == "" {
		n.Name = j.Username
	}
	if n.Type == "" && j.OrgName != "" {
		n.Type = TypeOrganization
	}
	return n, nil
}
