package config

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var rootUserInfo = check.Info{
	ID:       "config/root-user",
	Version:  1,
	Title:    "Container runs as root",
	Severity: report.SeverityHigh,
	Item:     report.ItemPrivilege,
	Description: "The image sets no USER, or a USER that is root: UID 0 by number, by the name root, or by a name " +
		"that the image's /etc/passwd maps to UID 0. A process running as root in a container is root on the host " +
		"if it escapes. A USER name missing from /etc/passwd is reported at medium severity: the container either " +
		"fails to start or runs with an identity nobody chose.",
	Remediation: "Create an unprivileged user in the image and add `USER <uid>` (a number keeps working without " +
		"/etc/passwd); run as root only for the steps that need it.",
	References: []string{"CIS Docker Benchmark 4.1", "https://docs.docker.com/reference/dockerfile/#user"},
}

func rootUser() check.Constructor {
	return check.Image(rootUserInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		cfg, err := runConfig(img)
		if err != nil {
			return nil, err
		}
		f, ok, err := judgeUser(info, img, cfg.User)
		if err != nil || !ok {
			return nil, err
		}
		return []report.Finding{f}, nil
	})
}

// judgeUser decides what USER means. Only the user part counts: a root
// group with an unprivileged user does not make the process root.
func judgeUser(info check.Info, img *facts.Image, user string) (report.Finding, bool, error) {
	ev := report.Evidence{ConfigKey: "config.User", Value: redactText(user)}
	name, _, _ := strings.Cut(strings.TrimSpace(user), ":")
	shownUser, shownName := redactText(user), redactText(name)
	switch {
	case name == "":
		return info.New("the image sets no USER, so the container runs as root", ev), true, nil
	case name == "root":
		return info.New(fmt.Sprintf("USER %q is root", shownUser), ev), true, nil
	}
	if uid, err := strconv.ParseUint(name, 10, 32); err == nil {
		if uid == 0 {
			return info.New(fmt.Sprintf("USER %q is UID 0, root", shownUser), ev), true, nil
		}
		return report.Finding{}, false, nil
	}
	passwd, ok := img.Read("etc/passwd")
	if img.FS != nil {
		if f, found := img.FS.Resolve("etc/passwd"); found {
			if !ok {
				return report.Finding{}, false, fmt.Errorf("USER %q: /etc/passwd is in the image but its content was not collected", shownName)
			}
			ev.Path = "/" + f.Path
			if l := layerAt(img, f.Layer); l != nil {
				ev.Layer, ev.LayerDigest = report.Int(f.Layer), l.Digest
			}
		}
	}
	if !ok {
		f := info.New(fmt.Sprintf("USER %q is a name but the image has no /etc/passwd to map it to a UID: the container will fail to start", shownName), ev)
		f.Severity = report.SeverityMedium
		return f, true, nil
	}
	uid, found := lookupUser(parsePasswd(passwd), name)
	switch {
	case !found:
		f := info.New(fmt.Sprintf("USER %q is not in /etc/passwd: the container will fail to start or run as an unexpected UID", shownName), ev)
		f.Severity = report.SeverityMedium
		return f, true, nil
	case uid == 0:
		return info.New(fmt.Sprintf("USER %q has UID 0 in /etc/passwd: it is root under another name", shownName), ev), true, nil
	}
	return report.Finding{}, false, nil
}
