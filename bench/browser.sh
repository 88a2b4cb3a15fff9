#!/usr/bin/env bash
# Browser bench (not a test): per engine and Tor Browser security level, end-to-end MiB/s of a report with a 3 MiB
# and a 100 MiB file through the real portal, the rate and fixed cost those give, and the same engine's raw
# age-encryption rate measured in the same run. Run from the repository root:  bash bench/browser.sh
# ENGINES=chromium,firefox-standard,firefox-safer,firefox-safest (default: all); SIZES=3,100 (MiB).
# What each number means: bench/README.md ("Browser").
set -euo pipefail

die() { echo "bench: error: $*" >&2; exit 1; }
[[ -f WhistleSubmit.sln ]] || die "run from the repository root: bash bench/browser.sh"
[[ -x /usr/bin/chromium && -x /usr/bin/firefox-esr ]] || die "needs Debian's chromium and firefox-esr (apt-get install -y chromium firefox-esr)"
[[ -d src/Portal/ClientApp/node_modules/puppeteer-core ]] || (cd src/Portal/ClientApp && npm ci --no-audit --no-fund --loglevel=error)

out=$(mktemp -d /tmp/whistle-bench-browser.XXXXXX)
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$out"
}
trap cleanup EXIT

echo "bench: building the portal (Release)" >&2
dotnet build -c Release -v q -nologo src/Portal >/dev/null
readonly portal=src/Portal/bin/Release/net10.0/whistle-portal.dll

# A demo portal with the production proof of work (18 bits): the fixed cost is what a source pays.
mkdir -p "$out/data"
DOTNET_ENVIRONMENT=Production ASPNETCORE_WEBROOT="$PWD/src/Portal/wwwroot" dotnet "$portal" --data "$out/data" --port 0 --transfer-port 0 >"$out/portal.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 1800); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$out/portal.log" | head -1 || true)
  [[ -n "$url" ]] && grep -q 'Application started' "$out/portal.log" && break
  url=""
  sleep 0.1
done
[[ -n "$url" ]] || die "the portal did not start (see $out/portal.log)"

echo "bench: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
node bench/browser/bench.mjs "$url/" "$out" "${ENGINES:-chromium,firefox-standard,firefox-safer,firefox-safest}"
echo "bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "goals: rate/raw >= 50 % at Standard (chromium, firefox-standard); firefox-safer fixed <= 5 s and rate >= 2 MiB/s"
