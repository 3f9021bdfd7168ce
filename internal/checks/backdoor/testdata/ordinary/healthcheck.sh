#!/bin/bash
# Probe the HTTP port without curl: open a TCP connection with bash.
set -euo pipefail
host="${1:-localhost}"
port="${2:-8080}"
exec 3<>"/dev/tcp/${host}/${port}"
printf 'GET /healthz HTTP/1.0\r\nHost: %s\r\n\r\n' "$host" >&3
timeout 5 cat <&3 | head -n 1 | grep -q ' 200 '
exec 3<&-
# wait for a port: while ! nc -z "$host" "$port"; do sleep 1; done
bash -c "exec 4<>/dev/tcp/$host/$port" && echo open
