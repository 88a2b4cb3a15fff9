#!/usr/bin/env bash
# Prints the path of a pristine Debian 12 (bookworm) tree for the booted-service tests, building it first when the
# cache has none: debootstrap --variant=minbase with systemd and the packages install.sh needs (about a minute and
# about 300 MB, once per machine). The cache is keyed by this script's content, so a changed package list builds a
# new tree. Needs root, debootstrap and a reachable Debian mirror; every failure says why and exits non-zero.
#
#   debian-tree.sh [--mirror URL]     (default: the first Debian mirror in apt's sources, else deb.debian.org)
#
# Environment: WHISTLESUBMIT_CACHE (default /var/cache/whistlesubmit).
set -euo pipefail

readonly suite=bookworm
readonly packages=systemd,systemd-sysv,dbus,tor,age,openssl,ca-certificates

die() {
  printf 'debian-tree.sh: error: %s\n' "$*" >&2
  exit 1
}

mirror=""
while [ $# -gt 0 ]; do
  case "$1" in
    --mirror) [ $# -ge 2 ] || die "--mirror needs a URL"; mirror=$2; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap and the booted tests run as root)"
command -v debootstrap > /dev/null || die "debootstrap is not installed (apt-get install debootstrap systemd-container)"

if [ -z "$mirror" ]; then
  # deb822 (URIs: …) or one-line (deb URL suite …) sources; the first one serving Debian's main archive.
  mirror=$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2> /dev/null |
    awk '/^URIs:/ { print $2 } /^deb / { print $2 }' | grep -v -e security -e '^https\?://[^/]*/[^/]*-' | grep '/debian/\?$' | head -n 1 || true)
  mirror=${mirror:-http://deb.debian.org/debian}
fi

cache=${WHISTLESUBMIT_CACHE:-/var/cache/whistlesubmit}
key=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-16)
tree=$cache/debian-$suite-$key
install -d -m 700 "$cache"

# One builder at a time; a second caller waits and then finds the finished tree.
exec 9> "$cache/.debian-tree.lock"
flock 9
if [ ! -f "$tree/.whistlesubmit-complete" ]; then
  rm -rf "$tree" "$tree.partial"
  log=$cache/debian-$suite-$key.log
  printf 'debian-tree.sh: building %s from %s (once per machine)\n' "$tree" "$mirror" >&2
  if ! debootstrap --variant=minbase --include="$packages" "$suite" "$tree.partial" "$mirror" > "$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -rf "$tree.partial"
    die "debootstrap $suite from $mirror failed (log: $log)"
  fi
  # Debian's tor unit is tor@default; its generated torrc is replaced by install.sh. Nothing else to adjust.
  touch "$tree.partial/.whistlesubmit-complete"
  mv "$tree.partial" "$tree"
  # Old trees of earlier package lists.
  find "$cache" -maxdepth 1 -name "debian-$suite-*" ! -name "debian-$suite-$key*" -exec rm -rf {} +
fi
printf '%s\n' "$tree"
