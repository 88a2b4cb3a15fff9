#!/usr/bin/env bash
# Checks that a running portal serves the release's scripts and nothing else, from outside the server: a seized or
# taken-over portal can serve tampered scripts to sources, and the hashes published with the release are how anyone
# notices. Run it over Tor against the sources' onion address after every update and at random times.
#
#   deploy/check-scripts.sh [--socks 127.0.0.1:9050] [--team-js sha384-…] BASE_URL MANIFEST
#
# MANIFEST is the release's src/Portal/wwwroot/js/manifest.json (from the source tree or release you trust, never
# from the server). --team-js is the sha384 the reviewers published for team.js (`whistle-review team publish`).
# Checks: guard.js, portal.js and worker.js (and team.js if given) hash to the published values; every page a source
# uses, in both languages, loads scripts only from /js/ with exactly the published integrity, and has no inline script.
# Prints one line per check; exit status 0 when everything matches, 1 on any mismatch, 2 on bad arguments.
set -euo pipefail

usage() { sed -n '6,6p' "$0" | sed 's/^#   /usage: /' >&2; exit 2; }

socks=() team_js=""
while [ $# -gt 0 ]; do
  case "$1" in
    --socks) [ $# -ge 2 ] || usage; socks=(--socks5-hostname "$2"); shift 2 ;;
    --team-js) [ $# -ge 2 ] || usage; team_js=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) usage ;;
    *) break ;;
  esac
done
[ $# -eq 2 ] || usage
base=${1%/} manifest=$2
[ -f "$manifest" ] || { echo "check-scripts: no manifest at $manifest" >&2; exit 2; }
for tool in curl openssl; do
  command -v "$tool" >/dev/null || { echo "check-scripts: needs $tool (apt-get install -y $tool)" >&2; exit 2; }
done

# The manifest's value for a script ("guard.js": "sha384-…"), or nothing.
published() { sed -n "s/^[[:space:]]*\"$1\":[[:space:]]*\"\(sha384-[A-Za-z0-9+\/=]*\)\".*/\1/p" "$manifest"; }

# Sent as Tor Browser sends them, so that a server cannot pick out the checker by its headers alone (it can still
# serve each visitor differently: this is a spot check, to be repeated at random times).
fetch() {
  curl --silent --show-error --fail --max-time 120 --max-filesize 8388608 "${socks[@]}" \
    -H 'User-Agent: Mozilla/5.0 (Windows NT 10.0; rv:128.0) Gecko/20100101 Firefox/128.0' \
    -H 'Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' \
    -H 'Accept-Language: en-US,en;q=0.5' "$base$1"
}

# An attribute's value with the character references ASP.NET Core writes in base64 and paths decoded.
attribute() {
  printf '%s' "$2" | sed -n "s/.*[[:space:]]$1=\"\([^\"]*\)\".*/\1/p" \
    | sed 's/&#x2B;/+/g; s/&#x2F;/\//g; s/&#x3D;/=/g; s/&#43;/+/g; s/&#47;/\//g; s/&#61;/=/g; s/&amp;/\&/g'
}

failures=0
ok() { echo "ok       $1"; }
bad() { echo "MISMATCH $1"; failures=$((failures + 1)); }

check_script() {
  local name=$1 want=$2 got
  if ! got=$(fetch "/js/$name" | openssl dgst -sha384 -binary | openssl base64 -A); then
    bad "/js/$name: could not be fetched"
    return
  fi
  if [ "sha384-$got" = "$want" ]; then ok "/js/$name $want"; else bad "/js/$name is sha384-$got, published $want"; fi
}

for name in guard.js portal.js worker.js; do
  want=$(published "$name")
  if [ -z "$want" ]; then
    echo "check-scripts: $manifest does not list $name" >&2
    exit 2
  fi
  check_script "$name" "$want"
done
if [ -n "$team_js" ]; then
  check_script team.js "$team_js"
fi

# Each page: every <script> must be src="/js/<published>" with that script's published integrity.
for page in /en /es /en/submit /es/submit /en/mailbox /es/mailbox /en/about /es/about /en/rights /es/rights; do
  if ! html=$(fetch "$page"); then
    bad "$page: could not be fetched"
    continue
  fi
  tags=$(printf '%s' "$html" | tr '\n' ' ' | grep -o '<script[^>]*>' || true)
  if [ -z "$tags" ]; then
    bad "$page loads no script (guard.js and portal.js are expected)"
    continue
  fi
  page_ok=1
  while IFS= read -r tag; do
    src=$(attribute src "$tag")
    integrity=$(attribute integrity "$tag")
    name=${src#/js/}
    if [ -z "$src" ]; then
      bad "$page has an inline script"; page_ok=0
    elif [ "$src" = "$name" ] || [ -z "$(published "$name")" ]; then
      bad "$page loads $src, which is not a published script"; page_ok=0
    elif [ "$integrity" != "$(published "$name")" ]; then
      bad "$page loads $src with integrity ${integrity:-(none)}, published $(published "$name")"; page_ok=0
    fi
  done <<<"$tags"
  if [ "$page_ok" -eq 1 ]; then ok "$page loads only published scripts"; fi
done

if [ "$failures" -gt 0 ]; then
  echo "$failures mismatch(es): this server is not serving the release. Do not send sources to it; tell the reviewers."
  exit 1
fi
echo "Every script and page matches the published release."
