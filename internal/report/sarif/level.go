package sarif

import "github.com/customs-oss/customs/internal/report"

// Level is the SARIF level of a severity: critical and high findings are
// errors, medium ones warnings, low and informational ones notes.
func Level(s report.Severity) string {
	switch {
	case s >= report.SeverityHigh:
		return "error"
	case s == report.SeverityMedium:
		return "warning"
	default:
		return "note"
	}
}

// SecuritySeverity is the score GitHub code scanning reads from the
// "security-severity" property to rank alerts: above 9.0 is critical, 7.0 to
// 8.9 high, 4.0 to 6.9 medium, below that low. It is a string, as GitHub
// expects.
func SecuritySeverity(s report.Severity) string {
	switch {
	case s >= report.SeverityCritical:
		return "9.5"
	case s == report.SeverityHigh:
		return "8.0"
	case s == report.SeverityMedium:
		return "5.5"
	case s == report.SeverityLow:
		return "3.0"
	default:
		return "0.0"
	}
}
