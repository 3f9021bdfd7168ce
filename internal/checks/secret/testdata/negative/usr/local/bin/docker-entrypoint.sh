#!/bin/sh
set -e
if [ -n "$MYSQL_ROOT_PASSWORD_FILE" ]; then
	MYSQL_ROOT_PASSWORD="$(cat "$MYSQL_ROOT_PASSWORD_FILE")"
fi
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
ssh-keygen -A
exec "$@"
