#!/usr/bin/env bash
# install-test-deps.sh installs what customs' integration tests need on
# Debian: a Docker engine (dockerd), a registry (docker-registry) and htpasswd
# for its bcrypt password file, debootstrap (the clean-image suite's Debian
# rootfs), npm (the real miner sample and the suite's node_modules, both
# fetched from the npm registry without running any package script),
# ssh-keygen (to check generated keys) and CA certificates. It installs
# only what is missing, so a second run is a few stat calls. It never starts
# a daemon: the tests start their own, on their own sockets and ports, and
# Debian's service scripts are kept from starting the packaged ones.
#
# Not root: it prints what is missing and exits 0; the tests then skip,
# unless CUSTOMS_REQUIRE_INTEGRATION=1 or CI=true makes them fail.
set -euo pipefail

# need lists "binary-or-file package" pairs: the package is installed when the
# binary is not on PATH (or the file does not exist).
need=(
	"dockerd docker.io"
	"docker-registry docker-registry"
	"htpasswd apache2-utils"
	"debootstrap debootstrap"
	"npm npm"
	"ssh-keygen openssh-client"
	"/etc/ssl/certs/ca-certificates.crt ca-certificates"
)

present() {
	case "$1" in
	/*) [ -e "$1" ] ;;
	*) command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/usr/bin/$1" ] ;;
	esac
}

missing=()
for pair in "${need[@]}"; do
	read -r what pkg <<<"$pair"
	if ! present "$what"; then
		missing+=("$pkg")
	fi
done

if [ ${#missing[@]} -eq 0 ]; then
	exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
	echo "install-test-deps: not root; missing Debian packages: ${missing[*]}" >&2
	echo "install-test-deps: integration tests will skip (install them with apt-get as root)" >&2
	exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-test-deps: no apt-get; install these yourself: ${missing[*]}" >&2
	exit 0
fi

# Keep the packages' maintainer scripts from starting system services (a
# system dockerd, containerd or registry): invoke-rc.d and deb-systemd-invoke
# both obey policy-rc.d exit code 101. An existing policy is left as it is.
policy=/usr/sbin/policy-rc.d
own_policy=0
if [ ! -e "$policy" ]; then
	printf '#!/bin/sh\n# written by customs scripts/install-test-deps.sh for one apt-get run\nexit 101\n' >"$policy"
	chmod 0755 "$policy"
	own_policy=1
fi
cleanup() {
	if [ "$own_policy" -eq 1 ]; then
		rm -f "$policy"
	fi
}
trap cleanup EXIT

echo "install-test-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null

# Belt and braces for hosts whose init ignored the policy: stop any packaged
# daemon so that no system engine owns /var/run/docker.sock or the registry's
# port while the tests run their own.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
	for unit in docker.socket docker.service containerd.service docker-registry.service; do
		systemctl disable --now "$unit" >/dev/null 2>&1 || true
	done
fi

for pair in "${need[@]}"; do
	read -r what pkg <<<"$pair"
	if ! present "$what"; then
		echo "install-test-deps: $pkg installed but $what is still missing" >&2
		exit 1
	fi
done
