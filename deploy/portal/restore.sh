#!/usr/bin/env bash
# Restores a backup made by backup.sh onto a server prepared with install.sh (same or new machine):
#
#   restore.sh -i IDENTITY_FILE BACKUP.tar.age [--force] [--age PROGRAM] [--root DIR] [--no-services]
#
# IDENTITY_FILE is the backup key (an age identity, ideally itself passphrase-encrypted: age asks for the
# passphrase). Bring it on encrypted media for the restore only, and take it away again afterwards.
#
# Checks, before anything on the server changes:
#   - the archive decrypts and authenticates (age), and says "whistlesubmit-backup 1";
#   - it holds only regular files and directories under the expected paths (no links, no "..", nothing else);
#   - every file is listed in its SHA-256 list and matches it, and every listed file is present;
#   - the data directory is empty (a fresh install), unless --force, which keeps the current one as
#     /var/lib/whistlesubmit.before-restore-<time> (and the same for the onion service directories).
# Then it stops the portal and tor, puts the files in place with the right owners and modes, and starts both.
set -euo pipefail

readonly unit=whistlesubmit-portal.service
readonly data=var/lib/whistlesubmit
readonly dirs=(var/lib/whistlesubmit var/lib/tor/whistlesubmit-sources var/lib/tor/whistlesubmit-transfer)
readonly env_file=etc/whistlesubmit/portal.env

root=""
identity=""
archive=""
age_program=age
force=0
use_services=1

die() {
  printf 'restore.sh: error: %s\n' "$*" >&2
  exit 1
}
usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    -i) [ $# -ge 2 ] || die "-i needs an identity file"; identity=$2; shift 2 ;;
    --force) force=1; shift ;;
    --age) [ $# -ge 2 ] || die "--age needs a program"; age_program=$2; shift 2 ;;
    --root) [ $# -ge 2 ] || die "--root needs a directory"; root=${2%/}; shift 2 ;;
    --no-services) use_services=0; shift ;;
    -h | --help) usage; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$archive" ] || die "only one backup file"; archive=$1; shift ;;
  esac
done

if [ -z "$identity" ] || [ -z "$archive" ]; then
  usage >&2
  exit 2
fi
[ "$(id -u)" -eq 0 ] || die "run as root"
[ -r "$identity" ] || die "cannot read identity file $identity"
[ -r "$archive" ] || die "cannot read $archive"
command -v "$age_program" >/dev/null 2>&1 || die "'$age_program' not found (apt-get install age, or --age PROGRAM)"
age=("$age_program")
[ "$(basename "$age_program")" != whistle-review ] || age+=(age)

owner_of() {
  awk -F: -v n="$1" '$1 == n { print $3 ":" $4; found = 1 } END { exit !found }' "$root/etc/passwd"
}
portal_owner=$(owner_of whistlesubmit) || die "user whistlesubmit missing: run deploy/portal/install.sh first"
if [ -d "$root/var/lib/tor" ]; then
  tor_owner=$(stat -c '%u:%g' "$root/var/lib/tor")
else
  die "$root/var/lib/tor missing: run deploy/portal/install.sh first (it installs tor)"
fi

# Unpack into a private directory next to the destination (same file system, never a shared /tmp).
stage=$(mktemp -d "$root/var/lib/.whistlesubmit-restore.XXXXXX")
restart=0
cleanup() {
  rm -rf "$stage"
  if [ "$restart" -eq 1 ]; then
    systemctl start tor@default.service "$unit" || echo "restore.sh: warning: start tor@default and $unit by hand" >&2
  fi
}
trap cleanup EXIT
chmod 0700 "$stage"

echo "Decrypting and unpacking…"
# GNU tar refuses members with "..", strips a leading "/", and replaces links only at the end; the checks below
# then refuse anything that is not a plain file or directory at an expected path.
"${age[@]}" -d -i "$identity" "$archive" |
  tar --extract --no-same-owner --no-same-permissions --delay-directory-restore -C "$stage" ||
  die "could not decrypt or unpack $archive (wrong identity, or a damaged file)"

[ "$(cat "$stage/whistlesubmit-backup.format" 2>/dev/null || true)" = "whistlesubmit-backup 1" ] ||
  die "not a WhistleSubmit backup (format 1)"

odd=$(cd "$stage" && find . -mindepth 1 ! -type f ! -type d -print -quit)
[ -z "$odd" ] || die "the backup contains a link or special file ($odd): refused"

allowed='^\./(whistlesubmit-backup\.(format|sha256)|var/lib/whistlesubmit/.+|var/lib/tor/whistlesubmit-(sources|transfer)/.+|etc/whistlesubmit/portal\.env)$'
unexpected=$(cd "$stage" && find . -type f | { grep -Ev "$allowed" || true; } | head -n 1)
[ -z "$unexpected" ] || die "the backup contains an unexpected file ($unexpected): refused"

(cd "$stage" && sha256sum --check --strict --quiet whistlesubmit-backup.sha256) ||
  die "the backup's files do not match its SHA-256 list: refused"
listed=$(sed 's/^[0-9a-f]\{64\}  //' "$stage/whistlesubmit-backup.sha256" | LC_ALL=C sort)
found=$(cd "$stage" && find . -type f ! -path './whistlesubmit-backup.*' | sed 's|^\./||' | LC_ALL=C sort)
[ "$listed" = "$found" ] || die "the backup holds files missing from its SHA-256 list: refused"
[ -d "$stage/$data" ] || die "the backup has no data directory"
echo "Checked $(printf '%s\n' "$listed" | grep -c .) files against the backup's SHA-256 list."

if [ -n "$(find "$root/$data" -mindepth 1 -print -quit 2>/dev/null)" ] && [ "$force" -eq 0 ]; then
  die "/$data is not empty: this looks like a server in use. Use --force to keep it aside and restore anyway."
fi

if [ "$use_services" -eq 1 ]; then
  restart=1
  systemctl stop "$unit" tor@default.service
fi

suffix=before-restore-$(date -u +%Y%m%dT%H%M%SZ)
for dir in "${dirs[@]}"; do
  [ -d "$stage/$dir" ] || continue
  if [ -e "$root/$dir" ]; then
    if [ -n "$(find "$root/$dir" -mindepth 1 -print -quit)" ]; then
      mv "$root/$dir" "$root/$dir.$suffix"
      echo "Kept the previous /$dir as /$dir.$suffix"
    else
      rmdir "$root/$dir"
    fi
  fi
  case "$dir" in
    var/lib/tor/*) owner=$tor_owner ;;
    *) owner=$portal_owner ;;
  esac
  chown -R "$owner" "$stage/$dir"
  find "$stage/$dir" -type d -exec chmod 0700 {} +
  find "$stage/$dir" -type f -exec chmod 0600 {} +
  mv "$stage/$dir" "$root/$dir"
done

if [ -f "$stage/$env_file" ]; then
  if [ -f "$root/$env_file" ] && ! cmp -s "$stage/$env_file" "$root/$env_file"; then
    cp -p "$root/$env_file" "$root/$env_file.$suffix"
  fi
  install -D -m 0640 -o 0 -g "${portal_owner##*:}" "$stage/$env_file" "$root/$env_file"
fi

echo "Restored."
if [ "$use_services" -eq 0 ]; then
  exit 0
fi
restart=0
systemctl start tor@default.service "$unit"
for service in sources transfer; do
  echo "$service address: http://$(cat "$root/var/lib/tor/whistlesubmit-$service/hostname")"
done
echo "These must be the addresses you had before. Check the portal: systemctl status $unit"
