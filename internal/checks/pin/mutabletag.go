package pin

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var mutableTagInfo = check.Info{
	ID:       "pin/mutable-tag",
	Version:  1,
	Title:    "Tag follows a release line",
	Severity: report.SeverityInfo,
	Item:     report.ItemPin,
	Description: "The tag names a release line or a channel rather than one release: a major or minor version " +
		"(`3`, `3.22`, `1.27-alpine`) or a name such as `stable`, `lts`, `edge` or `bookworm`. Its publisher " +
		"re-points it at every release, by design. This is information, not a fault: such tags bring fixes " +
		"automatically, but two pulls of the same reference may differ, which pin/no-digest already reports. A tag " +
		"is taken as one release when it holds a three-part version (1.27.3), a date or build number of six or " +
		"more digits, or a commit hash. latest is reported by pin/latest-tag.",
	Remediation: "Reference a full version tag (nginx:1.27.3) pinned by digest, and update it on purpose.",
	References:  []string{"https://docs.docker.com/build/building/best-practices/#from"},
}

func mutableTag() check.Constructor {
	return check.Image(mutableTagInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		tag := img.Ref.Tag
		if !applies(img) || tag == "" || tag == "latest" || img.Ref.ImplicitTag || oneRelease(tag) {
			return nil, nil
		}
		kind := "a channel"
		if strings.ContainsAny(tag, "0123456789") {
			kind = "a release line"
		}
		msg := fmt.Sprintf("tag %q of %s names %s, not one release: it moves when the publisher releases", tag, img.Ref.Repository, kind)
		return []report.Finding{info.New(msg, evidence(img))}, nil
	})
}

var (
	fullVersion = regexp.MustCompile(`\d+\.\d+\.\d+`)
	longNumber  = regexp.MustCompile(`\d{6,}`)
	commitHash  = regexp.MustCompile(`^[0-9a-f]{7,64}$`)
)

// oneRelease reports whether a tag identifies one release: a three-part
// version, a date or build number, or a commit hash.
func oneRelease(tag string) bool {
	if fullVersion.MatchString(tag) || longNumber.MatchString(tag) {
		return true
	}
	for _, part := range strings.FieldsFunc(tag, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		if commitHash.MatchString(part) && strings.ContainsAny(part, "0123456789") && strings.ContainsAny(part, "abcdef") {
			return true
		}
	}
	return false
}
