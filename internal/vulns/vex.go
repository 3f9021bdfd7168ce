package vulns

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// MaxVEX bounds one OpenVEX document.
const MaxVEX = 1 << 20

// VEX statuses of OpenVEX v0.2.0.
const (
	StatusNotAffected        = "not_affected"
	StatusAffected           = "affected"
	StatusFixed              = "fixed"
	StatusUnderInvestigation = "under_investigation"
)

// Statement is one OpenVEX statement: what its author says about one
// vulnerability in some products.
type Statement struct {
	// Vulnerability lists the vulnerability's name, @id and aliases.
	Vulnerability []string
	Products      []Product
	Status        string
	// Justification or ImpactStatement say why a product is not affected.
	Justification   string
	ImpactStatement string
	// Timestamp orders statements: for one vulnerability and product the
	// latest wins; Index breaks ties in document order.
	Timestamp time.Time
	Index     int
	// Document is the @id of the document the statement came from.
	Document string
}

// Product is a product a statement is about: an image (by reference,
// purl pkg:oci or digest) or a package (by purl), with the packages inside
// it the statement is limited to.
type Product struct {
	IDs           []string
	Subcomponents [][]string
}

// vexDocument is the JSON of an OpenVEX document.
type vexDocument struct {
	Context    string         `json:"@context"`
	ID         string         `json:"@id"`
	Timestamp  *time.Time     `json:"timestamp"`
	Statements []vexStatement `json:"statements"`
}

type vexStatement struct {
	Vulnerability   json.RawMessage `json:"vulnerability"`
	Products        []vexComponent  `json:"products"`
	Status          string          `json:"status"`
	Justification   string          `json:"justification"`
	ImpactStatement string          `json:"impact_statement"`
	Timestamp       *time.Time      `json:"timestamp"`
}

type vexComponent struct {
	ID            string            `json:"@id"`
	Identifiers   map[string]string `json:"identifiers"`
	Hashes        map[string]string `json:"hashes"`
	Subcomponents []vexComponent    `json:"subcomponents"`
}

// UnmarshalJSON accepts a component given as a bare string, as documents
// before OpenVEX v0.2.0 write products.
func (c *vexComponent) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		*c = vexComponent{ID: s}
		return nil
	}
	type plain vexComponent
	return json.Unmarshal(b, (*plain)(c))
}

// ParseVEX reads an OpenVEX document (v0.2.0, and the string forms of
// earlier versions). A not_affected statement without a justification or
// an impact statement is refused, as the specification requires one.
func ParseVEX(data []byte) ([]Statement, error) {
	if len(data) > MaxVEX {
		return nil, fmt.Errorf("VEX document of %d bytes is over the %d byte limit", len(data), MaxVEX)
	}
	var doc vexDocument
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("parsing VEX document: %w", err)
	}
	if dec.More() {
		return nil, errors.New("parsing VEX document: data after the document")
	}
	if !strings.Contains(doc.Context, "openvex") {
		return nil, fmt.Errorf("parsing VEX document: @context %q is not OpenVEX", doc.Context)
	}
	out := make([]Statement, 0, len(doc.Statements))
	for i, s := range doc.Statements {
		st, err := statement(s, doc)
		if err != nil {
			return nil, fmt.Errorf("VEX statement %d: %w", i+1, err)
		}
		st.Index = i
		out = append(out, st)
	}
	return out, nil
}

func statement(s vexStatement, doc vexDocument) (Statement, error) {
	names, err := vulnerabilityNames(s.Vulnerability)
	if err != nil {
		return Statement{}, err
	}
	switch s.Status {
	case StatusNotAffected:
		if s.Justification == "" && s.ImpactStatement == "" {
			return Statement{}, errors.New("not_affected needs a justification or an impact_statement")
		}
	case StatusAffected, StatusFixed, StatusUnderInvestigation:
	default:
		return Statement{}, fmt.Errorf("status %q is not one of not_affected, affected, fixed, under_investigation", s.Status)
	}
	if len(s.Products) == 0 {
		return Statement{}, errors.New("no products")
	}
	st := Statement{
		Vulnerability: names, Status: s.Status, Justification: s.Justification,
		ImpactStatement: s.ImpactStatement, Document: doc.ID,
	}
	switch {
	case s.Timestamp != nil:
		st.Timestamp = *s.Timestamp
	case doc.Timestamp != nil:
		st.Timestamp = *doc.Timestamp
	}
	for _, p := range s.Products {
		prod := Product{IDs: p.ids()}
		for _, sub := range p.Subcomponents {
			prod.Subcomponents = append(prod.Subcomponents, sub.ids())
		}
		st.Products = append(st.Products, prod)
	}
	return st, nil
}

// vulnerabilityNames reads a statement's vulnerability: an object with
// name, @id and aliases, or (before v0.2.0) a bare name.
func vulnerabilityNames(raw json.RawMessage) ([]string, error) {
	var name string
	if json.Unmarshal(raw, &name) == nil && name != "" {
		return []string{name}, nil
	}
	var v struct {
		ID      string   `json:"@id"`
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, fmt.Errorf("vulnerability: %w", err)
	}
	var names []string
	for _, n := range append([]string{v.Name, v.ID}, v.Aliases...) {
		if n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return nil, errors.New("vulnerability has no name")
	}
	return names, nil
}

// ids lists every way a component is identified: its @id, its purl and
// CPE identifiers, and its sha256 hash as a digest.
func (c vexComponent) ids() []string {
	ids := []string{c.ID}
	for _, k := range []string{"purl", "cpe23", "cpe22"} {
		if v := c.Identifiers[k]; v != "" {
			ids = append(ids, v)
		}
	}
	if h := c.Hashes["sha-256"]; h != "" {
		ids = append(ids, "sha256:"+h)
	}
	return slices.DeleteFunc(ids, func(s string) bool { return s == "" })
}
