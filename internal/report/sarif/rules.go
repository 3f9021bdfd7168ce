package sarif

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/customs-oss/customs/internal/report"
)

// ruleFacts gathers what the findings of one check say about the check.
type ruleFacts struct {
	first       report.Finding
	max         report.Severity
	remediation string
	references  []string
}

// buildRules returns one rule per check that has findings, sorted by check
// ID, and the index of each check ID in that list.
func buildRules(findings []report.Finding) ([]Rule, map[string]int) {
	facts := map[string]*ruleFacts{}
	var ids []string
	for _, f := range findings {
		rf, ok := facts[f.Check]
		if !ok {
			rf = &ruleFacts{first: f, max: f.Severity}
			facts[f.Check] = rf
			ids = append(ids, f.Check)
		}
		rf.max = max(rf.max, f.Severity)
		if rf.remediation == "" {
			rf.remediation = f.Remediation
		}
		for _, ref := range f.References {
			if !contains(rf.references, ref) {
				rf.references = append(rf.references, ref)
			}
		}
	}
	sort.Strings(ids)
	rules := make([]Rule, 0, len(ids))
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
		rules = append(rules, buildRule(id, facts[id]))
	}
	return rules, index
}

func buildRule(id string, rf *ruleFacts) Rule {
	title := oneLine(rf.first.Title)
	if title == "" {
		title = id
	}
	item := rf.first.Item
	return Rule{
		ID:               id,
		Name:             ruleName(id),
		ShortDescription: Text{Text: title},
		FullDescription: &Text{Text: fmt.Sprintf("%s. Check %s, checklist item %d: %s.",
			strings.TrimSuffix(title, "."), id, int(item), item.Title())},
		Help:                 help(title, oneLine(rf.remediation), rf.references),
		HelpURI:              firstURL(rf.references),
		DefaultConfiguration: Configuration{Level: Level(rf.max)},
		Properties: map[string]any{
			"tags":              tags(id, item),
			"security-severity": SecuritySeverity(rf.max),
			"severity":          rf.max.String(),
			"checklistItem":     int(item),
			"checklistTitle":    item.Title(),
		},
	}
}

// ruleName turns a check ID such as "config/root-user" into the PascalCase
// name SARIF viewers show: "ConfigRootUser".
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '/' || r == '-' || r == '_' || r == '.' }) {
		r, size := utf8.DecodeRuneInString(part)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(part[size:])
	}
	if b.Len() == 0 {
		return "Check"
	}
	return b.String()
}

// tags are the rule's labels: code-scanning dashboards filter on them.
func tags(id string, item report.Item) []string {
	out := []string{"security", "container-image"}
	if family, _, ok := strings.Cut(id, "/"); ok && family != "" && !contains(out, family) {
		out = append(out, family)
	}
	return append(out, fmt.Sprintf("checklist-item-%d", int(item)))
}

// help is the rule's documentation: what to do and where to read more.
func help(title, remediation string, refs []string) *Help {
	var text, md strings.Builder
	text.WriteString(title)
	md.WriteString("**" + markdownEscape(title) + "**")
	if remediation != "" {
		text.WriteString("\n\nRemediation: " + remediation)
		md.WriteString("\n\nRemediation: " + markdownEscape(remediation))
	}
	if len(refs) > 0 {
		text.WriteString("\n\nReferences:")
		md.WriteString("\n\nReferences:\n")
		for _, ref := range refs {
			ref = oneLine(ref)
			text.WriteString("\n- " + ref)
			if isURL(ref) {
				md.WriteString("\n- <" + ref + ">")
			} else {
				md.WriteString("\n- " + markdownEscape(ref))
			}
		}
	}
	return &Help{Text: text.String(), Markdown: md.String()}
}

// firstURL returns the first reference that is an absolute http(s) URL.
func firstURL(refs []string) string {
	for _, ref := range refs {
		if isURL(ref) {
			return ref
		}
	}
	return ""
}

func isURL(s string) bool {
	if strings.ContainsAny(s, " \t\r\n<>\"") {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// markdownEscape keeps text taken from a report from being read as Markdown
// markup or HTML.
func markdownEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
