#!/usr/bin/env bash
# Backs up everything a new server needs to take over, as ONE age-encrypted archive:
#
#   backup.sh -r RECIPIENT [-r …] | -R RECIPIENTS_FILE  [-o FILE] [--age PROGRAM] [--root DIR] [--no-services]
#
# What it contains (paths as on the server):
#   var/lib/whistlesubmit/                 the portal's data directory: the encrypted database AND the ASP.NET Core
#                                          Data Protection key ring that unlocks it (they only work together), the
#                                          recipients file, the audit log
#   var/lib/tor/whistlesubmit-sources/     the sources' onion service keys (the address sources know)
#   var/lib/tor/whistlesubmit-transfer/    the transfer onion service keys and its authorized_clients
#   etc/whistlesubmit/portal.env           the configuration
#   whistlesubmit-backup.format            "whistlesubmit-backup 1"
#   whistlesubmit-backup.sha256            sha256sum of every file above (restore.sh checks it)
#
# Consistency: the portal is stopped while the archive is written (a few seconds to minutes, depending on size) and
# started again afterwards, even if the backup fails; sources see the onion service as unreachable meanwhile.
# The archive never touches the disk unencrypted: tar streams straight into age.
#
# The archive is as sensitive as the server itself (it holds the onion keys and the database key), so it is
# encrypted to a BACKUP key held by the reviewers, never to nothing. Debian's age (1.1.1) only handles X25519
# recipients (age1…); for a post-quantum backup key (age1pq1…) pass --age /path/to/whistle-review, whose
# `age` command accepts the same flags.
#
#   -o FILE         output (default ./whistlesubmit-backup-YYYYMMDDTHHMMSSZ.tar.age); refuses to overwrite
#   --root DIR      prefix every server path (tests); --no-services: do not stop/start the portal
set -euo pipefail

readonly unit=whistlesubmit-portal.service
readonly members=(var/lib/whistlesubmit var/lib/tor/whistlesubmit-sources var/lib/tor/whistlesubmit-transfer
  etc/whistlesubmit/portal.env)

root=""
out=""
age_program=age
use_services=1
recipients=()

die() {
  printf 'backup.sh: error: %s\n' "$*" >&2
  exit 1
}
usage() { sed -n '2,29p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    -r | -R) [ $# -ge 2 ] || die "$1 needs an argument"; recipients+=("$1" "$2"); shift 2 ;;
    -o) [ $# -ge 2 ] || die "-o needs a file name"; out=$2; shift 2 ;;
    --age) [ $# -ge 2 ] || die "--age needs a program"; age_program=$2; shift 2 ;;
    --root) [ $# -ge 2 ] || die "--root needs a directory"; root=${2%/}; shift 2 ;;
    --no-services) use_services=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done

[ "${#recipients[@]}" -gt 0 ] || die "give the backup key's recipient with -r age1… or -R FILE (see --help)"
[ "$(id -u)" -eq 0 ] || die "run as root"
command -v "$age_program" >/dev/null 2>&1 || die "'$age_program' not found (apt-get install age, or --age PROGRAM)"
age=("$age_program")
[ "$(basename "$age_program")" != whistle-review ] || age+=(age)

src=${root:-/}
[ -d "$src/var/lib/whistlesubmit" ] || die "$src/var/lib/whistlesubmit does not exist: nothing to back up"
out=${out:-./whistlesubmit-backup-$(date -u +%Y%m%dT%H%M%SZ).tar.age}
[ ! -e "$out" ] || die "$out already exists"

work=$(mktemp -d)
restart=0
partial=""
cleanup() {
  rm -rf "$work"
  [ -z "$partial" ] || rm -f "$partial"
  if [ "$restart" -eq 1 ]; then
    systemctl start "$unit" || echo "backup.sh: warning: could not restart $unit: start it by hand" >&2
  fi
}
trap cleanup EXIT

if [ "$use_services" -eq 1 ] && systemctl is-active --quiet "$unit"; then
  echo "Stopping the portal for a consistent copy…"
  restart=1
  systemctl stop "$unit"
fi

present=()
for member in "${members[@]}"; do
  if [ -e "$src/$member" ]; then present+=("$member"); else echo "backup.sh: note: /$member does not exist, skipped" >&2; fi
done

# The checksum list covers every regular file; links and special files are refused so restore stays simple.
if [ -n "$(cd "$src" && find "${present[@]}" ! -type f ! -type d -print -quit)" ]; then
  die "unexpected links or special files under the backed-up paths"
fi
echo "whistlesubmit-backup 1" >"$work/whistlesubmit-backup.format"
(cd "$src" && find "${present[@]}" -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum) >"$work/whistlesubmit-backup.sha256"

umask 077
partial=$out.partial
# Write to a temporary name first, so a failed run never leaves something that looks like a backup.
tar --create --format=posix --numeric-owner \
  -C "$work" whistlesubmit-backup.format whistlesubmit-backup.sha256 \
  -C "$src" "${present[@]}" |
  "${age[@]}" -e "${recipients[@]}" -o "$out.partial"
mv "$out.partial" "$out"
partial=""

files=$(wc -l <"$work/whistlesubmit-backup.sha256")
echo "Wrote $out ($files files, $(du -h "$out" | cut -f 1), age-encrypted)."
echo "Keep it on encrypted media; anyone with the backup identity and this file can run your portal."
