#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine that has the .NET 10 SDK:
# installs what the tests need (Debian packages, the committed npm lockfile), builds, runs every NUnit project
# and the JavaScript tests, and ends with the plain line "N passed, N failed[, N skipped]".
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages the tests drive for real: the age CLI (interop), Node (browser code and its tests),
# Chromium (end-to-end tests), firefox-esr (Tor Browser's engine, its three security levels), tmux (terminal UI tests),
# strace (no-connection test), tor/shellcheck/systemd (deploy checks), faketime (the portal seizure day moves the
# portal's clock across days), exiftool and mat2 (hidden-metadata checks).
missing=()
command -v age >/dev/null 2>&1 || missing+=(age)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v strace >/dev/null 2>&1 || missing+=(strace)
command -v script >/dev/null 2>&1 || missing+=(util-linux)
command -v tor >/dev/null 2>&1 || missing+=(tor)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v faketime >/dev/null 2>&1 || missing+=(faketime)
# The hidden-metadata tests (src/Portal/ClientApp/test/metadata.test.js) check cleaned files with two independent tools.
command -v exiftool >/dev/null 2>&1 || missing+=(libimage-exiftool-perl)
command -v mat2 >/dev/null 2>&1 || missing+=(mat2)
# The booted-service tests (tests/Deploy.Tests/Booted): a debootstrapped Debian tree booted with systemd-nspawn.
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
command -v systemd-nspawn >/dev/null 2>&1 || missing+=(systemd-container)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing test dependencies: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

client_app=src/Portal/ClientApp
if [ -f "$client_app/package-lock.json" ]; then
  (cd "$client_app" && npm ci --no-audit --no-fund --loglevel=error)
fi

# The Debian tree those tests boot, built once per machine (about 6 minutes cold on a loaded 2-core machine) and
# cached under /var/cache/whistlesubmit; a failure here is reported again, with its reason, by the test itself.
if [ "$(id -u)" -eq 0 ]; then
  bash tests/Deploy.Tests/Booted/debian-tree.sh >/dev/null || echo "run.sh: the booted-service tests will fail: no Debian tree" >&2
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

status=0
dotnet build WhistleSubmit.sln -c Debug -nologo -v quiet || exit 1
# One project at a time, each with its own .trx name (parallel runs can give two reports the same timestamped name).
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Debug --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
done

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed)
  e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + p))
  failed=$((failed + f + e + t + a))
  skipped=$((skipped + total - executed))
done

# The browser code's own tests (node:test, TAP summary lines "# pass N", "# fail N", "# skipped N").
if [ -d "$client_app/test" ]; then
  tap="$results/client-app.tap"
  (cd "$client_app" && node --test --test-reporter=tap test/ >"$tap" 2>&1) || status=1
  p=$(grep -E '^# pass ' "$tap" | grep -o '[0-9]*' || echo 0)
  f=$(grep -E '^# fail ' "$tap" | grep -o '[0-9]*' || echo 0)
  s=$(grep -E '^# skipped ' "$tap" | grep -o '[0-9]*' || echo 0)
  echo "JavaScript tests: $p passed, $f failed, $s skipped"
  if [ "$f" -gt 0 ]; then grep -E '^not ok' "$tap" || true; fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
fi

# The slowest tests, so that CI time stays visible (it must stay well under 60 minutes on 2 cores).
echo "Slowest tests:"
cat "$results"/*.trx 2>/dev/null \
  | grep -o '<UnitTestResult [^>]*>' \
  | sed -n 's/.*testName="\([^"]*\)".*duration="\([0-9:.]*\)".*/\2 \1/p' \
  | sort -r | head -n 15 | sed 's/^/  /' || true

if [ "$failed" -gt 0 ]; then status=1; fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
