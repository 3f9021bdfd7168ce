package vulns

import (
	"fmt"
	"math"
	"strings"

	gocvss20 "github.com/pandatix/go-cvss/20"
	gocvss30 "github.com/pandatix/go-cvss/30"
	gocvss31 "github.com/pandatix/go-cvss/31"
	gocvss40 "github.com/pandatix/go-cvss/40"
)

// maxVector bounds a CVSS vector; real ones are under 200 bytes, and a v4
// vector with every optional metric is about 300.
const maxVector = 512

// CVSS4 returns the score of a CVSS v4.0 vector such as
// "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" (9.3).
// v4 has one score for whatever metric groups the vector carries: CVSS-B
// for base metrics alone, CVSS-BT or CVSS-BE when the database added
// threat or environmental metrics, which then count.
func CVSS4(vector string) (float64, error) {
	return score(vector, func() (float64, error) {
		c, err := gocvss40.ParseVector(vector)
		if err != nil {
			return 0, err
		}
		return c.Score(), nil
	})
}

// CVSS3 returns the base score of a CVSS v3.0 or v3.1 vector such as
// "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" (9.8), each by the
// formula of its own version (they differ in rounding). Temporal and
// environmental metrics are validated but do not change the base score.
func CVSS3(vector string) (float64, error) {
	return score(vector, func() (float64, error) {
		switch {
		case strings.HasPrefix(vector, "CVSS:3.1/"):
			c, err := gocvss31.ParseVector(vector)
			if err != nil {
				return 0, err
			}
			return c.BaseScore(), nil
		case strings.HasPrefix(vector, "CVSS:3.0/"):
			c, err := gocvss30.ParseVector(vector)
			if err != nil {
				return 0, err
			}
			return c.BaseScore(), nil
		}
		return 0, fmt.Errorf("not a CVSS v3.0 or v3.1 vector")
	})
}

// CVSS2 returns the base score of a CVSS v2 vector such as
// "AV:N/AC:L/Au:N/C:P/I:P/A:P" (7.5), optionally in parentheses as NVD
// used to write them.
func CVSS2(vector string) (float64, error) {
	return score(vector, func() (float64, error) {
		body := strings.TrimSuffix(strings.TrimPrefix(vector, "("), ")")
		c, err := gocvss20.ParseVector(body)
		if err != nil {
			return 0, err
		}
		return c.BaseScore(), nil
	})
}

// score bounds vector, runs compute and checks that its result is a
// score. Vectors come from vulnerability databases, which customs does not
// trust, and the scoring library panics on states it believes
// unreachable; such a panic becomes an error for that vector alone.
func score(vector string, compute func() (float64, error)) (s float64, err error) {
	if len(vector) > maxVector {
		return 0, fmt.Errorf("CVSS vector of %d bytes is too long (limit %d)", len(vector), maxVector)
	}
	defer func() {
		if p := recover(); p != nil {
			s, err = 0, fmt.Errorf("CVSS vector %q cannot be scored: %v", vector, p)
		}
	}()
	s, err = compute()
	if err != nil {
		return 0, fmt.Errorf("CVSS vector %q: %w", vector, err)
	}
	if math.IsNaN(s) || s < 0 || s > 10 {
		return 0, fmt.Errorf("CVSS vector %q scored %v, outside 0 to 10", vector, s)
	}
	return s, nil
}
