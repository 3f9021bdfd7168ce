package secret

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/customs-oss/customs/internal/literals"
)

// confidence says how sure a rule is that a match is a live credential; it
// sets the severity of its findings.
type confidence int

const (
	// generic rules match any secret-named assignment with enough entropy.
	generic confidence = iota
	// contextual rules need a vendor's name next to a value of the right shape,
	// or match a format that is often a test or public value.
	contextual
	// format rules match a credential format with its own distinctive prefix
	// or structure (AKIA..., ghp_..., xoxb-...).
	format
)

// rule is one compiled secret-detection rule.
type rule struct {
	id          string
	description string
	re          *regexp.Regexp
	// path, when set, limits the rule to matching file paths.
	path        *regexp.Regexp
	entropy     float64
	secretGroup int
	keywords    []string
	allow       []*allowlist
	confidence  confidence
	// multiline rules may match across lines and get wider windows.
	multiline bool
	// anchored rules contain their keywords, so a match lies around a
	// keyword; other rules run on the whole file once a keyword occurs.
	anchored bool
	// tail, when set, is how many letters or digits must follow a keyword
	// for the hit to count: it filters the very short keywords.
	tail int
}

// ruleset is every rule with the automaton over their keywords.
type ruleset struct {
	rules []*rule
	// byFloor holds, for each confidence floor, the keywords of the rules
	// at or above it: files where only distinctive formats count are
	// searched for their keywords alone, which are rare in ordinary text.
	byFloor [format + 1]keywordIndex
	global  *allowlist
	// skipped names the rules of the file that the engine does not run,
	// with the reason.
	skipped map[string]string
}

// handledElsewhere are gitleaks rules whose findings another part of this
// package makes with more context.
var handledElsewhere = map[string]string{
	"private-key": "secret/private-key decodes and classifies every key block",
	"pkcs12-file": "a path-only rule: secret/private-key reports PKCS #12 files by name and magic",
}

// confidenceOverride corrects the confidence that ruleConfidence derives
// from a rule's shape, for formats that are often public, test or look-alike
// values.
var confidenceOverride = map[string]confidence{
	"jwt":                     contextual, // tokens in docs and tests; often expired
	"jwt-base64":              contextual,
	"facebook-access-token":   contextual, // digits|value, easily matched by chance
	"twilio-api-key":          contextual, // SK + 32 hex digits
	"octopus-deploy-api-key":  contextual,
	"vault-service-token":     contextual, // the legacy s. form is short and loose
	"curl-auth-header":        contextual,
	"curl-auth-user":          contextual,
	"easypost-test-api-token": contextual,
	"flutterwave-public-key":  generic, // a public key
	"kubernetes-secret-yaml":  generic, // often a template
	"hashicorp-tf-password":   contextual,
	"nuget-config-password":   contextual,
	"freemius-secret-key":     contextual,
}

// keywordTail is the shortest run of letters and digits that follows the
// keyword in a match, for rules whose keywords are common in text ("ey" of
// a JWT, "s." of a legacy Vault token, "sk" of a Twilio key).
var keywordTail = map[string]int{
	"jwt":                 17,
	"vault-service-token": 24,
	"twilio-api-key":      32,
}

// gatedOnly are the rules whose keyword is only context (a vendor's name)
// and never part of the match, which may be anywhere in the file.
var gatedOnly = map[string]bool{
	"facebook-access-token":           true,
	"airtable-personnal-access-token": true,
}

// ruleConfidence classifies a rule: gitleaks writes its vendor-context rules
// with a `[\w.-]{0,50}?` lead before the vendor's name.
func ruleConfidence(id, expr string) confidence {
	if c, ok := confidenceOverride[id]; ok {
		return c
	}
	switch {
	case strings.HasPrefix(id, "generic"):
		return generic
	case strings.Contains(expr, `{0,50}?`):
		return contextual
	}
	return format
}

// builtinRules compiles the shipped rules once; the result is never modified.
var builtinRules = sync.OnceValues(func() (*ruleset, error) {
	rf, err := parseRules(gitleaksRules)
	if err != nil {
		return nil, err
	}
	return compileRules(rf, extraRules())
})

// compileRules turns a rule file and customs' own rules into a ruleset.
// Rules whose expressions do not compile are skipped and recorded.
func compileRules(rf *ruleFile, extra []ruleSpec) (*ruleset, error) {
	global, err := compileAllowlist(rf.Allowlist)
	if err != nil {
		return nil, fmt.Errorf("global allow list: %w", err)
	}
	rs := &ruleset{global: global, skipped: map[string]string{}}
	for _, spec := range append(append([]ruleSpec(nil), rf.Rules...), extra...) {
		if reason, ok := handledElsewhere[spec.ID]; ok {
			rs.skipped[spec.ID] = reason
			continue
		}
		r, err := compileRule(spec)
		if err != nil {
			rs.skipped[spec.ID] = err.Error()
			continue
		}
		rs.rules = append(rs.rules, r)
	}
	for floor := range rs.byFloor {
		idx, err := indexKeywords(rs.rules, confidence(floor))
		if err != nil {
			return nil, err
		}
		rs.byFloor[floor] = idx
	}
	return rs, nil
}

// keywordIndex finds the lower-cased keywords of a set of rules; rules maps
// a keyword's number in set to the rules that listed it.
type keywordIndex struct {
	set   *literals.Set
	rules [][]int
}

// indexKeywords indexes the keywords of the rules of at least confidence floor.
func indexKeywords(rules []*rule, floor confidence) (keywordIndex, error) {
	var idx keywordIndex
	number := map[string]int{}
	var keywords []string
	for ri, r := range rules {
		if r.confidence < floor {
			continue
		}
		for _, kw := range r.keywords {
			ki, ok := number[kw]
			if !ok {
				ki = len(keywords)
				number[kw] = ki
				keywords = append(keywords, kw)
				idx.rules = append(idx.rules, nil)
			}
			idx.rules[ki] = append(idx.rules[ki], ri)
		}
	}
	set, err := literals.New(keywords, true)
	if err != nil {
		return idx, fmt.Errorf("indexing rule keywords: %w", err)
	}
	idx.set = set
	return idx, nil
}

func compileRule(spec ruleSpec) (*rule, error) {
	if spec.Regex == "" {
		return nil, fmt.Errorf("rule %q has no regular expression", spec.ID)
	}
	if len(spec.Keywords) == 0 {
		// Every shipped rule with an expression has keywords; a rule without
		// them would have to run on every file.
		return nil, fmt.Errorf("rule %q has no keywords", spec.ID)
	}
	re, err := regexp.Compile(spec.Regex)
	if err != nil {
		return nil, fmt.Errorf("rule %q: %w", spec.ID, err)
	}
	if spec.SecretGroup < 0 || spec.SecretGroup > re.NumSubexp() {
		return nil, fmt.Errorf("rule %q: secret group %d of %d", spec.ID, spec.SecretGroup, re.NumSubexp())
	}
	r := &rule{
		id:          spec.ID,
		description: spec.Description,
		re:          re,
		entropy:     spec.Entropy,
		secretGroup: spec.SecretGroup,
		confidence:  ruleConfidence(spec.ID, spec.Regex),
		multiline:   strings.Contains(spec.Regex, `(?s`) || strings.Contains(spec.Regex, `[\r\n]`) || strings.Contains(spec.Regex, `[\s\S`),
	}
	if spec.Path != "" {
		if r.path, err = regexp.Compile(spec.Path); err != nil {
			return nil, fmt.Errorf("rule %q path: %w", spec.ID, err)
		}
	}
	for _, kw := range spec.Keywords {
		if kw = strings.ToLower(kw); kw != "" {
			r.keywords = append(r.keywords, kw)
		}
	}
	if len(r.keywords) == 0 {
		return nil, fmt.Errorf("rule %q has only empty keywords", spec.ID)
	}
	r.tail = keywordTail[spec.ID]
	r.anchored = !gatedOnly[spec.ID]
	for i, a := range spec.Allowlists {
		al, err := compileAllowlist(a)
		if err != nil {
			return nil, fmt.Errorf("rule %q allow list %d: %w", spec.ID, i, err)
		}
		r.allow = append(r.allow, al)
	}
	return r, nil
}
