package examples

import (
	"archive/tar"
	"fmt"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/klauspost/compress/gzip"
)

// step is one layer of an example image and the instruction that made it;
// a step without entries is an empty-layer instruction.
type step struct {
	createdBy string
	entries   []entry
}

// build writes an image of steps to dir as an OCI layout tagged tag.
func build(dir, tag string, cfg v1.Config, steps []step) (string, error) {
	l, err := newLayout(dir)
	if err != nil {
		return "", err
	}
	cf := v1.ConfigFile{Architecture: "amd64", OS: "linux", Created: v1.Time{Time: Epoch}, Config: cfg, RootFS: v1.RootFS{Type: "layers"}}
	var layers []descriptor
	for _, s := range steps {
		h := v1.History{Created: v1.Time{Time: Epoch}, CreatedBy: s.createdBy, EmptyLayer: s.entries == nil}
		cf.History = append(cf.History, h)
		if s.entries == nil {
			continue
		}
		d, diffID, err := l.layer(gzip.BestCompression, func(tw *tar.Writer) error { return writeEntries(tw, s.entries) })
		if err != nil {
			return "", fmt.Errorf("building %s: %w", tag, err)
		}
		h2, err := v1.NewHash(diffID)
		if err != nil {
			return "", err
		}
		cf.RootFS.DiffIDs = append(cf.RootFS.DiffIDs, h2)
		layers = append(layers, d)
	}
	return l.finish(tag, cf, layers)
}

const alpineRelease = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.22.2
PRETTY_NAME="Alpine Linux v3.22"
HOME_URL="https://alpinelinux.org/"
`

// Clean writes an image that follows the checklist: a small base, a
// non-root user, a health check, nothing but the application.
func Clean(out string) (string, error) {
	base := []entry{
		dir("etc/"), file("etc/os-release", alpineRelease), file("etc/alpine-release", "3.22.2\n"),
		file("etc/passwd", "root:x:0:0:root:/root:/sbin/nologin\napp:x:10001:10001:app:/app:/sbin/nologin\n"),
		file("etc/group", "root:x:0:\napp:x:10001:\n"),
		dir("app/"), withMode(dir("tmp/"), 0o1777),
	}
	app := []entry{
		owned(exe("app/server", "\x7fELF\x02\x01\x01\x00 customs demo application\n"), 0, 0),
		file("app/config.yaml", "listen: :8080\nlog: info\n"),
	}
	cfg := v1.Config{
		User:         "10001",
		Entrypoint:   []string{"/app/server"},
		Cmd:          []string{"--config", "/app/config.yaml"},
		WorkingDir:   "/app",
		ExposedPorts: map[string]struct{}{"8080/tcp": {}},
		Env:          []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"},
		Labels: map[string]string{
			"org.opencontainers.image.source":   "https://github.com/customs-oss/customs",
			"org.opencontainers.image.revision": "0123456789abcdef0123456789abcdef01234567",
		},
		Healthcheck: &v1.HealthConfig{Test: []string{"CMD", "/app/server", "--health"}},
	}
	return build(out, "demo-clean:1.0.0", cfg, []step{
		{createdBy: "ADD alpine-minirootfs-3.22.2-x86_64.tar.gz / # buildkit", entries: base},
		{createdBy: "COPY server config.yaml /app/ # buildkit", entries: app},
		{createdBy: "USER 10001"},
		{createdBy: `HEALTHCHECK &{["CMD" "/app/server" "--health"]}`},
		{createdBy: `ENTRYPOINT ["/app/server"]`},
	})
}

const debianRelease = `PRETTY_NAME="Debian GNU/Linux 9 (stretch)"
NAME="Debian GNU/Linux"
VERSION_ID="9"
VERSION="9 (stretch)"
ID=debian
`

// Problems writes an image that breaks the checklist in many ways at once:
// an end-of-life base, root, secrets in its config and history, risky ports,
// download-and-execute steps, a setuid shell, world-writable files and a key
// that a later layer deleted but the image still ships.
func Problems(out string) (string, error) {
	base := []entry{
		dir("bin/"), exe("bin/sh", "#!shell\n"), exe("bin/bash", "#!shell\n"),
		dir("etc/"), file("etc/os-release", debianRelease), file("etc/debian_version", "9.13\n"),
		file("etc/passwd", "root:x:0:0:root:/root:/bin/bash\n"),
		dir("usr/bin/"), exe("usr/bin/apt-get", "apt"), exe("usr/bin/curl", "curl"), exe("usr/bin/gcc", "gcc"),
		withMode(exe("usr/bin/passwd", "passwd"), 0o4755),
		withMode(dir("tmp/"), 0o1777),
	}
	tools := []entry{
		dir("tmp/.x/"), withMode(exe("tmp/.x/sh", "#!shell\n"), 0o4755),
		exe("tmp/install.sh", "#!/bin/sh\necho installing\n"),
		withMode(dir("app/"), 0o777), withMode(file("app/settings.ini", "debug=true\n"), 0o666),
		exe("app/run", "\x7fELF\x02\x01\x01\x00 customs demo application\n"),
		dir("root/.ssh/"), file("root/.ssh/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n"),
	}
	cleanup := []entry{whiteout("root/.ssh/id_rsa")}
	cfg := v1.Config{
		Entrypoint:   []string{"/bin/sh", "-c", "/tmp/install.sh && exec /app/run"},
		ExposedPorts: map[string]struct{}{"22/tcp": {}, "2375/tcp": {}, "8080/tcp": {}},
		Env: []string{
			"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
			"AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
			"AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
		},
		Labels: map[string]string{"maintainer": "someone@example.com"},
	}
	return build(out, "demo-problems:latest", cfg, []step{
		{createdBy: "/bin/sh -c #(nop) ADD file:6d2f0b5c3e in / ", entries: base},
		{createdBy: "/bin/sh -c curl -fsSL http://get.example.com/install.sh | sh && chmod -R 777 /app && apt-get install -y sudo", entries: tools},
		{createdBy: "/bin/sh -c rm -f /root/.ssh/id_rsa", entries: cleanup},
		{createdBy: "/bin/sh -c #(nop)  ENV AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
		{createdBy: "/bin/sh -c #(nop)  EXPOSE 22 2375 8080"},
	})
}
