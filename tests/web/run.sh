#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Browser tests of the web UI. Usage: tests/web/run.sh [BIN_DIR]   (default: build/bin)
# Installs playwright-core into tests/web/node_modules when missing (npm ci; it never downloads
# a browser: the specs drive Debian's /usr/bin/chromium), indexes data/sample plus the hostile
# fixture tests/testdata/web/xss.jsonl into a temporary directory, serves it with the web UI on
# a free loopback port, runs the specs with node's test runner and stops the server.
# Screenshots go to build/web-screenshots/ (or $PODIUM_SCREENSHOT_DIR). Exit code: the specs'.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="$(cd "${1:-$root/build/bin}" && pwd)"

for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is not installed (apt-get install nodejs npm)" >&2; exit 2; }
done
chromium="${PODIUM_CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "run.sh: $chromium not found (apt-get install chromium)" >&2; exit 2; }
for program in podium-index podium-search; do
  [ -x "$bin/$program" ] || { echo "run.sh: $bin/$program not built" >&2; exit 2; }
done

if [ ! -f "$here/node_modules/playwright-core/package.json" ]; then
  echo "run.sh: installing playwright-core into tests/web/node_modules"
  # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: playwright-core downloads nothing, but be explicit.
  (cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/podium-web-XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$bin/podium-index" --db "$work/index" --no-progress \
  "$root/data/sample" "$root/tests/testdata/web/xss.jsonl" >"$work/index.log" 2>&1 || {
  cat "$work/index.log" >&2
  echo "run.sh: indexing the fixture failed" >&2
  exit 1
}

# Port 0: the server picks a free port and prints it ("serving ... on http://127.0.0.1:PORT/").
"$bin/podium-search" serve --db "$work/index" --host 127.0.0.1 --port 0 --threads 4 \
  --web-root "$root/searcher/web" >"$work/server.log" 2>&1 &
server_pid=$!

base=""
for _ in $(seq 1 100); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$work/server.log" >&2
    echo "run.sh: the server exited" >&2
    exit 1
  fi
  base="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/server.log" | head -n 1 || true)"
  if [ -n "$base" ] && node -e '
      fetch(process.argv[1] + "/healthz").then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1));
    ' "$base" 2>/dev/null; then
    break
  fi
  base=""
  sleep 0.1
done
[ -n "$base" ] || { cat "$work/server.log" >&2; echo "run.sh: /healthz did not answer" >&2; exit 1; }
echo "run.sh: web UI at $base"

export PODIUM_WEB_BASE="$base"
export PODIUM_SCREENSHOT_DIR="${PODIUM_SCREENSHOT_DIR:-$root/build/web-screenshots}"
export PODIUM_CHROMIUM="$chromium"
mkdir -p "$PODIUM_SCREENSHOT_DIR"

status=0
# PODIUM_WEB_SPECS="specs/xss.test.mjs ..." runs a subset.
(cd "$here" && node --test --test-concurrency=1 --test-reporter=spec ${PODIUM_WEB_SPECS:-specs/*.test.mjs}) ||
  status=$?
echo "run.sh: screenshots in $PODIUM_SCREENSHOT_DIR"
exit "$status"
