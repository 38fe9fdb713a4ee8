#!/usr/bin/env bash
# Bring deploy/'s topology up with local processes (PostgreSQL, Redis, two gunicorns, Caddy
# over HTTPS with a local CA), smoke-test it in Chromium, back up and restore the school,
# and tear it all down whatever happened. No container runtime needed. `make deploy-check`.
# Needs: `make install-test translations`, and postgresql, redis-server, caddy, chromium,
# libnss3-tools (certutil) from Debian (scripts/system-deps.sh installs most of them).
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
for tool in caddy redis-server chromium certutil pg_dump createdb; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(pg_ctl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "deploy-check needs: ${missing[*]} (apt-get install postgresql redis-server caddy chromium libnss3-tools)" >&2
  exit 2
fi
[ -x .venv/bin/python ] || { echo "run make install-test translations first" >&2; exit 2; }
exec .venv/bin/python scripts/deploy_check.py "$@"
