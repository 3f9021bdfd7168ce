#!/usr/bin/env sh
# From an npm package: builds a native addon, prints how to get a toolchain.
set -e
if ! command -v node-gyp >/dev/null 2>&1; then
  echo "node-gyp not found; see https://github.com/nodejs/node-gyp#installation"
fi
echo "Downloading prebuilt binary from https://github.com/org/pkg/releases/download/v1.2.3/pkg.tar.gz"
curl -fsSL -o /tmp/pkg.tar.gz "https://github.com/org/pkg/releases/download/v1.2.3/pkg.tar.gz" || wget -q -O /tmp/pkg.tar.gz "https://github.com/org/pkg/releases/download/v1.2.3/pkg.tar.gz"
tar -xzf /tmp/pkg.tar.gz -C build
rm -f /tmp/pkg.tar.gz
echo "aGVsbG8gd29ybGQgdGhpcyBpcyBub3QgYSBwYXlsb2Fk" | base64 -d > build/banner.txt
find /tmp -maxdepth 1 -name 'pkg-*' -mtime +1 -delete
