package samples

import (
	"os"
	"testing"
)

// MustRun reports whether the environment demands that tests needing the
// network or root run: CUSTOMS_REQUIRE_INTEGRATION=1 or CI=true. Then a
// missing prerequisite is a failure, not a skip.
func MustRun(getenv func(string) string) bool {
	return getenv("CUSTOMS_REQUIRE_INTEGRATION") == "1" || getenv("CI") == "true"
}

// Unavailable ends the test because a prerequisite (npm, the registry,
// root, a mirror) is missing: it skips, or fails when MustRun demands the
// test run. why says what is missing and how to provide it.
func Unavailable(t testing.TB, why string) {
	t.Helper()
	if MustRun(os.Getenv) {
		t.Fatalf("test cannot run: %s (CUSTOMS_REQUIRE_INTEGRATION=1 or CI=true demands it; run 'bash scripts/install-test-deps.sh' as root)", why)
	}
	t.Skipf("test skipped: %s (run 'bash scripts/install-test-deps.sh' as root)", why)
}
