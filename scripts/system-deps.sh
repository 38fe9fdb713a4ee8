#!/usr/bin/env bash
# Install the Debian packages the full test suite needs, when we may (root on Debian).
# Without them the browser / PostgreSQL / PDF / read-aloud tests are skipped with a reason (and fail under CI).
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v caddy >/dev/null 2>&1 || need+=(caddy)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# read-aloud audio made on the server (A11Y-06; tests/*/test_read_aloud.py)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
command -v opusenc >/dev/null 2>&1 || need+=(opus-tools)
# WeasyPrint (the PDF copies) loads Pango and HarfBuzz from the system
for lib in libpango-1.0.so.0:libpango-1.0-0 libpangoft2-1.0.so.0:libpangoft2-1.0-0 \
    libharfbuzz-subset.so.0:libharfbuzz-subset0; do
  ldconfig -p 2>/dev/null | grep -q "${lib%%:*}" || need+=("${lib##*:}")
done
command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
fc-list 2>/dev/null | grep -q "Noto Naskh Arabic" || need+=(fonts-noto-core)
fc-list 2>/dev/null | grep -qi "DejaVu" || need+=(fonts-dejavu-core)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages for the tests: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq "${need[@]}" >/dev/null \
    || echo "Could not install ${need[*]}: the tests that need them will be skipped."
else
  echo "Not installing ${need[*]} (needs root on Debian): tests that need them will be skipped."
fi
exit 0
