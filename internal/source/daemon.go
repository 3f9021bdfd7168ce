package source

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/go-containerregistry/pkg/name"

	"github.com/customs-oss/customs/internal/facts"
)

// defaultDockerHost is where the Docker engine listens by default.
const defaultDockerHost = "unix:///var/run/docker.sock"

// engine is a minimal client of the Docker engine API: customs needs two
// calls, so it speaks HTTP to the socket itself instead of linking the whole
// engine client.
type engine struct {
	client *http.Client
	base   string
}

func newEngine(host string, rt http.RoundTripper) (*engine, error) {
	if host == "" {
		host = os.Getenv("DOCKER_HOST")
	}
	if host == "" {
		host = defaultDockerHost
	}
	u, err := url.Parse(host)
	if err != nil {
		return nil, fmt.Errorf("parsing docker host %q: %w", host, err)
	}
	e := &engine{client: &http.Client{Transport: rt}}
	switch u.Scheme {
	case "unix":
		sock := u.Path
		e.base = "http://docker"
		e.client.Transport = &http.Transport{
			DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
				return (&net.Dialer{Timeout: 10 * time.Second}).DialContext(ctx, "unix", sock)
			},
			ResponseHeaderTimeout: 5 * time.Minute,
		}
	case "tcp", "http":
		e.base = "http://" + u.Host
		if e.client.Transport == nil {
			e.client.Transport = &http.Transport{ResponseHeaderTimeout: 5 * time.Minute}
		}
	default:
		return nil, fmt.Errorf("docker host %q: scheme %q is not supported (use unix:// or tcp://)", host, u.Scheme)
	}
	return e, nil
}

func (e *engine) get(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, e.base+path, nil)
	if err != nil {
		return nil, err
	}
	resp, err := e.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("talking to the Docker engine: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		var msg struct{ Message string }
		b, _ := readLimited(resp.Body, 64<<10, "engine error")
		_ = json.Unmarshal(b, &msg)
		if msg.Message == "" {
			msg.Message = strings.TrimSpace(string(b))
		}
		return nil, fmt.Errorf("docker engine: %s %s: %s", path, resp.Status, msg.Message)
	}
	return resp, nil
}

// engineImage is the part of GET /images/{name}/json customs reads.
type engineImage struct {
	ID          string
	RepoTags    []string
	RepoDigests []string
}

// openDaemon exports the image from the engine (GET /images/{name}/get) into
// customs' private temp dir, bounded, and reads it as a docker-archive.
func openDaemon(ctx context.Context, ref string, opt Options) (*Image, error) {
	e, err := newEngine(opt.DockerHost, opt.Transport)
	if err != nil {
		return nil, err
	}
	resp, err := e.get(ctx, "/images/"+url.PathEscape(ref)+"/json")
	if err != nil {
		return nil, err
	}
	raw, err := readLimited(resp.Body, maxManifestSize, "engine image description")
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	var info engineImage
	if err := json.Unmarshal(raw, &info); err != nil {
		return nil, fmt.Errorf("parsing engine image description: %w", err)
	}
	dir, err := opt.tempDir()
	if err != nil {
		return nil, err
	}
	out := &Image{}
	out.closers = append(out.closers, func() error { return os.RemoveAll(dir) })
	if err := exportImage(ctx, e, info.ID, filepath.Join(dir, "image.tar"), opt, out); err != nil {
		out.Close()
		return nil, fmt.Errorf("docker-daemon %q: %w", ref, err)
	}
	if info.ID != "" && out.ConfigID != "" && info.ID != out.ConfigID {
		out.Close()
		return nil, fmt.Errorf("docker-daemon %q: engine image ID %s does not match the exported config %s", ref, info.ID, out.ConfigID)
	}
	out.Ref.RepoTags = info.RepoTags
	if _, fr, err := ParseReference(ref, nil); err == nil && !strings.HasPrefix(ref, "sha256:") {
		fr.RepoTags = info.RepoTags
		out.Ref = fr
	}
	out.Digest = repoDigest(info.RepoDigests, out.Ref)
	return out, nil
}

func exportImage(ctx context.Context, e *engine, id, path string, opt Options, out *Image) error {
	resp, err := e.get(ctx, "/images/"+url.PathEscape(id)+"/get")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	out.closers = append(out.closers, f.Close)
	max := opt.MaxArchiveSize
	if max <= 0 {
		max = 64 << 30
	}
	n, err := io.Copy(f, io.LimitReader(resp.Body, max+1))
	if err != nil {
		return fmt.Errorf("exporting from the engine: %w", err)
	}
	if n > max {
		return fmt.Errorf("exported image is larger than the limit of %d bytes", max)
	}
	return readArchive(f, "", out)
}

// repoDigest returns the registry digest the engine recorded for the
// repository of ref ("nginx@sha256:..." for docker.io/library/nginx), or the
// only one when ref names no repository. A digest recorded for another
// repository is not this reference's digest.
func repoDigest(digests []string, ref facts.Reference) string {
	if ref.Repository == "" {
		if len(digests) == 1 {
			if _, dg, ok := strings.Cut(digests[0], "@"); ok {
				return dg
			}
		}
		return ""
	}
	for _, d := range digests {
		repo, dg, ok := strings.Cut(d, "@")
		if !ok {
			continue
		}
		r, err := name.NewRepository(repo)
		if err != nil {
			continue
		}
		if displayRegistry(r.RegistryStr()) == ref.Registry && r.RepositoryStr() == ref.Repository {
			return dg
		}
	}
	return ""
}
