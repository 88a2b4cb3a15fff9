#!/usr/bin/env bash
# A slower, fuller check of install.sh than the test suite's throwaway root: a real Debian 12 system tree made with
# debootstrap, with Debian's own tor, age and openssl installed by install.sh through apt inside it.
#
#   deploy/portal/chroot-test.sh --from PUBLISH_DIR [CHROOT_DIR]
#
# Needs root, debootstrap (apt-get install debootstrap) and the Debian mirror. It creates CHROOT_DIR (default: a new
# temporary directory, removed afterwards) unless it already holds a system, then:
#   1. install.sh --root CHROOT_DIR --from PUBLISH_DIR   (apt inside the chroot; services enabled, not started)
#   2. tor --verify-config inside the chroot, exactly as Debian's tor@default unit runs it
#   3. install.sh again: it must change nothing
# Not part of tests/run.sh: debootstrap alone took 143 s here (see deploy/README.md, "Testing").
set -euo pipefail

from=""
target=""
while [ $# -gt 0 ]; do
  case "$1" in
    --from) [ $# -ge 2 ] || { echo "chroot-test.sh: --from needs a directory" >&2; exit 2; }; from=$2; shift 2 ;;
    -h | --help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) target=$1; shift ;;
  esac
done
[ -n "$from" ] || { echo "chroot-test.sh: --from PUBLISH_DIR is required" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "chroot-test.sh: run as root" >&2; exit 1; }
command -v debootstrap >/dev/null 2>&1 || { echo "chroot-test.sh: apt-get install debootstrap" >&2; exit 1; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
remove=0
if [ -z "$target" ]; then
  target=$(mktemp -d)
  # mktemp makes it 0700, and a root directory tor's user (debian-tor) cannot enter fails --verify-config.
  chmod 0755 "$target"
  remove=1
fi
cleanup() {
  if [ "$remove" -eq 1 ]; then rm -rf "$target"; fi
}
trap cleanup EXIT

started=$(date +%s)
if [ ! -x "$target/usr/bin/apt-get" ]; then
  echo "== debootstrap --variant=minbase bookworm $target"
  debootstrap --variant=minbase bookworm "$target" http://deb.debian.org/debian >/dev/null
  echo "   $(($(date +%s) - started)) s"
fi
# No service may start inside the chroot (Debian's policy-rc.d convention).
printf '#!/bin/sh\nexit 101\n' >"$target/usr/sbin/policy-rc.d"
chmod 0755 "$target/usr/sbin/policy-rc.d"

echo "== install.sh (first run)"
step=$(date +%s)
bash "$here/install.sh" --root "$target" --from "$from"
echo "   $(($(date +%s) - step)) s"

echo "== tor --verify-config in the chroot"
if ! out=$(chroot "$target" /usr/bin/tor --defaults-torrc /usr/share/tor/tor-service-defaults-torrc \
  -f /etc/tor/torrc --RunAsDaemon 0 --verify-config 2>&1); then
  printf '%s\n' "$out" >&2
  exit 1
fi
printf '%s\n' "$out" | grep -E '\[(warn|err)\]|valid' || true
chroot "$target" id whistlesubmit

echo "== install.sh (second run: must change nothing)"
snapshot() { (cd "$target" && find opt etc/whistlesubmit etc/tor etc/systemd var/lib/whistlesubmit usr/local/sbin -printf '%p %y %m %U:%G %s %T@\n' | LC_ALL=C sort); }
before=$(snapshot)
bash "$here/install.sh" --root "$target" --from "$from" >/dev/null
[ "$(snapshot)" = "$before" ] || { echo "chroot-test.sh: the second run changed files" >&2; exit 1; }

echo "OK in $(($(date +%s) - started)) s"
