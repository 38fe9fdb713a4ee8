#!/usr/bin/env bash
# Generate the next Alembic migration from the models: scripts/new-migration.sh "What changed"
set -euo pipefail
cd "$(dirname "$0")/.."
db="$(mktemp -d)/migrate.sqlite"
export FLASK_APP=pupilvoice DATABASE_URL="sqlite:///$db"
.venv/bin/flask db upgrade >/dev/null
.venv/bin/flask db migrate -m "$1"
rm -f "$db"
