// Package integration holds customs' end-to-end tests against real
// components: Debian's docker-registry (distribution) with htpasswd
// authentication, and a Docker engine (dockerd), each started by the tests
// on a loopback port or a private socket, never the system's own.
//
// The tests need root and the binaries scripts/install-test-deps.sh
// installs. Without them they skip, unless CUSTOMS_REQUIRE_INTEGRATION=1 or
// CI=true is set, in which case they fail: a CI run must not pass by
// skipping them.
package integration
