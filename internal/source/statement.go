package source

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// statementTypePrefix starts the _type of every in-toto statement version.
const statementTypePrefix = "https://in-toto.io/Statement/"

// maxSubjects bounds the subjects kept from one statement.
const maxSubjects = 256

// statement is the in-toto statement envelope BuildKit writes as an
// attestation layer.
type statement struct {
	Type          string          `json:"_type"`
	PredicateType string          `json:"predicateType"`
	Subject       []subject       `json:"subject"`
	Predicate     json.RawMessage `json:"predicate"`
}

type subject struct {
	Name   string            `json:"name"`
	Digest map[string]string `json:"digest"`
}

// ParseStatement parses an in-toto statement (bounded by its caller) into an
// attestation: its predicate type, the digests of its subjects as
// "algorithm:hex", and its raw predicate.
func ParseStatement(b []byte) (facts.Attestation, error) {
	var st statement
	if err := json.Unmarshal(b, &st); err != nil {
		return facts.Attestation{}, fmt.Errorf("parsing in-toto statement: %w", err)
	}
	if !strings.HasPrefix(st.Type, statementTypePrefix) {
		return facts.Attestation{}, fmt.Errorf("not an in-toto statement: _type is %q", st.Type)
	}
	if st.PredicateType == "" {
		return facts.Attestation{}, fmt.Errorf("in-toto statement has no predicateType")
	}
	a := facts.Attestation{PredicateType: st.PredicateType, Predicate: st.Predicate}
	for _, s := range st.Subject {
		algs := make([]string, 0, len(s.Digest))
		for alg := range s.Digest {
			algs = append(algs, alg)
		}
		sort.Strings(algs)
		for _, alg := range algs {
			if len(a.Subjects) >= maxSubjects {
				return a, nil
			}
			a.Subjects = append(a.Subjects, alg+":"+strings.ToLower(s.Digest[alg]))
		}
	}
	return a, nil
}
