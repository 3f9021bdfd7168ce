// Package publisher holds the checks on who publishes an image and how much
// the world uses it, answered by Docker Hub for Docker Hub names, by quay.io
// for quay.io names and by GitHub for ghcr.io names. They need the network;
// offline they say what they did not check.
package publisher

import (
	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/github"
	"github.com/customs-oss/customs/internal/hub"
	"github.com/customs-oss/customs/internal/quay"
)

// Keys of the clients in check.Shared; a scan that stores a client under
// one of them before the checks run (a test, or an API at another address)
// has the checks use it.
const (
	hubKey    = "hub.Client"
	quayKey   = "quay.Client"
	githubKey = "github.Client"
)

// Checks returns the constructors of the publisher checks.
func Checks() []check.Constructor {
	return []check.Constructor{
		class(),
		popularity(),
		offline(),
	}
}

// networked is embedded by the checks that ask Docker Hub.
type networked struct {
	env check.Env
}

// SetEnv implements check.EnvSetter.
func (n *networked) SetEnv(env check.Env) { n.env = env }

// offline reports whether the checks must not use the network: the scan
// said so, or gave no client.
func (n *networked) offline() bool {
	return n.env.Offline || n.env.HTTP == nil
}

// client returns the scan's Docker Hub client, shared by the checks so that
// each question is asked once.
func (n *networked) client() *hub.Client {
	return n.env.Shared.Load(hubKey, func() any {
		return hub.New(n.env.HubURL, hub.WithHTTPClient(n.env.HTTP))
	}).(*hub.Client)
}

// quay returns the scan's quay.io client.
func (n *networked) quay() *quay.Client {
	return n.env.Shared.Load(quayKey, func() any {
		return quay.New(n.env.QuayURL, n.env.HTTP)
	}).(*quay.Client)
}

// github returns the scan's GitHub client.
func (n *networked) github() *github.Client {
	return n.env.Shared.Load(githubKey, func() any {
		return github.New(n.env.GitHubURL, n.env.HTTP)
	}).(*github.Client)
}

// asked says which service publisher/class asks about a registry, or ""
// when it asks none.
func asked(t target) string {
	switch {
	case t.hub():
		return "Docker Hub"
	case t.registry == quayHost:
		return "quay.io"
	case t.registry == ghcrHost:
		return "GitHub"
	}
	return ""
}
