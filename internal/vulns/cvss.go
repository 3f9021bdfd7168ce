package vulns

import (
	"fmt"
	"math"
	"strings"
)

// maxVector bounds a CVSS vector; real ones are under 200 bytes.
const maxVector = 512

// cvss3 weights from the CVSS v3.1 specification, section 7.4.
var cvss3Weights = map[string]map[string]float64{
	"AV": {"N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2},
	"AC": {"L": 0.77, "H": 0.44},
	"UI": {"N": 0.85, "R": 0.62},
	"C":  {"H": 0.56, "L": 0.22, "N": 0},
	"I":  {"H": 0.56, "L": 0.22, "N": 0},
	"A":  {"H": 0.56, "L": 0.22, "N": 0},
}

// metrics splits a vector's "K:V/K:V" body, refusing duplicates.
func metrics(body string) (map[string]string, error) {
	m := map[string]string{}
	for _, part := range strings.Split(body, "/") {
		k, v, ok := strings.Cut(part, ":")
		if !ok || k == "" || v == "" {
			return nil, fmt.Errorf("metric %q is not KEY:VALUE", part)
		}
		if _, dup := m[k]; dup {
			return nil, fmt.Errorf("metric %s given twice", k)
		}
		m[k] = v
	}
	return m, nil
}

// CVSS3 returns the base score of a CVSS v3.0 or v3.1 vector such as
// "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" (9.8), by the v3.1
// formula (v3.0 differs only in rounding, by at most 0.1).
func CVSS3(vector string) (float64, error) {
	if len(vector) > maxVector {
		return 0, fmt.Errorf("CVSS vector of %d bytes is too long", len(vector))
	}
	body, ok := strings.CutPrefix(vector, "CVSS:3.1/")
	if !ok {
		if body, ok = strings.CutPrefix(vector, "CVSS:3.0/"); !ok {
			return 0, fmt.Errorf("%q is not a CVSS v3 vector", vector)
		}
	}
	m, err := metrics(body)
	if err != nil {
		return 0, fmt.Errorf("CVSS vector %q: %w", vector, err)
	}
	w := map[string]float64{}
	for k, table := range cvss3Weights {
		v, ok := table[m[k]]
		if !ok {
			return 0, fmt.Errorf("CVSS vector %q: metric %s is missing or invalid", vector, k)
		}
		w[k] = v
	}
	changed := false
	switch m["S"] {
	case "U":
	case "C":
		changed = true
	default:
		return 0, fmt.Errorf("CVSS vector %q: metric S is missing or invalid", vector)
	}
	pr, ok := map[string]float64{"N": 0.85, "L": 0.62, "H": 0.27}[m["PR"]]
	if !ok {
		return 0, fmt.Errorf("CVSS vector %q: metric PR is missing or invalid", vector)
	}
	if changed && m["PR"] == "L" {
		pr = 0.68
	} else if changed && m["PR"] == "H" {
		pr = 0.5
	}
	iss := 1 - (1-w["C"])*(1-w["I"])*(1-w["A"])
	impact := 6.42 * iss
	if changed {
		impact = 7.52*(iss-0.029) - 3.25*math.Pow(iss-0.02, 15)
	}
	exploit := 8.22 * w["AV"] * w["AC"] * pr * w["UI"]
	switch {
	case impact <= 0:
		return 0, nil
	case changed:
		return roundUp(math.Min(1.08*(impact+exploit), 10)), nil
	}
	return roundUp(math.Min(impact+exploit, 10)), nil
}

// roundUp is the Roundup function of CVSS v3.1 Appendix A: the smallest
// number with one decimal at or above x, immune to floating point noise.
func roundUp(x float64) float64 {
	i := int64(math.Round(x * 100000))
	if i%10000 == 0 {
		return float64(i) / 100000
	}
	return float64(i/10000+1) / 10
}

// cvss2 weights from the CVSS v2 guide, section 3.2.1.
var cvss2Weights = map[string]map[string]float64{
	"AV": {"L": 0.395, "A": 0.646, "N": 1},
	"AC": {"H": 0.35, "M": 0.61, "L": 0.71},
	"Au": {"M": 0.45, "S": 0.56, "N": 0.704},
	"C":  {"N": 0, "P": 0.275, "C": 0.66},
	"I":  {"N": 0, "P": 0.275, "C": 0.66},
	"A":  {"N": 0, "P": 0.275, "C": 0.66},
}

// CVSS2 returns the base score of a CVSS v2 vector such as
// "AV:N/AC:L/Au:N/C:P/I:P/A:P" (7.5), optionally in parentheses.
func CVSS2(vector string) (float64, error) {
	if len(vector) > maxVector {
		return 0, fmt.Errorf("CVSS vector of %d bytes is too long", len(vector))
	}
	body := strings.TrimSuffix(strings.TrimPrefix(vector, "("), ")")
	m, err := metrics(body)
	if err != nil {
		return 0, fmt.Errorf("CVSS v2 vector %q: %w", vector, err)
	}
	w := map[string]float64{}
	for k, table := range cvss2Weights {
		v, ok := table[m[k]]
		if !ok {
			return 0, fmt.Errorf("CVSS v2 vector %q: metric %s is missing or invalid", vector, k)
		}
		w[k] = v
	}
	impact := 10.41 * (1 - (1-w["C"])*(1-w["I"])*(1-w["A"]))
	if impact == 0 {
		return 0, nil
	}
	exploit := 20 * w["AV"] * w["AC"] * w["Au"]
	score := (0.6*impact + 0.4*exploit - 1.5) * 1.176
	return math.Round(score*10) / 10, nil
}
