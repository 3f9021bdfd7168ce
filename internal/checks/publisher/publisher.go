// Package publisher holds the checks on who publishes an image and how much
// the world uses it, answered by Docker Hub for Docker Hub names. They need
// the network; offline they say what they did not check.
package publisher

import (
	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/hub"
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
	return n.env.Shared.Load("hub.Client", func() any {
		return hub.New(n.env.HubURL, hub.WithHTTPClient(n.env.HTTP))
	}).(*hub.Client)
}
