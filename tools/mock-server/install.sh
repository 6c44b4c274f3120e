#!/usr/bin/env bash
# Installs the pinned mock server for tests/conformance into .tools/mock-server (gitignored).
# Idempotent: when the installed lockfile equals the committed one and the server answers
# --version, it does nothing, so `make test` pays for npm once per checkout.
# Fails (non-zero) when npm is missing or the install is broken: the conformance suite must not
# silently skip on CI.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dest="$root/.tools/mock-server"
bin="$dest/node_modules/.bin/steady"

if [[ -x "$bin" ]] && cmp -s "$here/package-lock.json" "$dest/package-lock.json" \
    && "$bin" --version >/dev/null 2>&1; then
    exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
    echo "tools/mock-server/install.sh: npm not found; the conformance suite needs Node.js and npm" >&2
    exit 1
fi

rm -rf "$dest"
mkdir -p "$dest"
cp "$here/package.json" "$here/package-lock.json" "$dest/"
# The lockfile pins every platform's binary package; npm ci fetches only this machine's.
# --ignore-scripts: nothing here needs an install step.
(cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

if ! "$bin" --version >/dev/null 2>&1; then
    echo "tools/mock-server/install.sh: npm ci finished but $bin does not run" >&2
    exit 1
fi
echo "mock server installed in $dest: $("$bin" --version)"
