#!/usr/bin/env bash
# Installs (or updates) the WhistleSubmit portal on a Debian 12 server, as root:
#
#   deploy/portal/install.sh [--from DIR] [--root DIR] [--no-apt] [--no-services]
#
#   --from DIR      install this `dotnet publish -r linux-x64 --self-contained` output of the portal (a directory
#                   containing the `whistle-portal` program); without it the script publishes src/Portal itself,
#                   which needs the .NET SDK on this machine
#   --root DIR      prefix every path with DIR (a chroot or a test tree); apt then runs inside DIR with chroot and
#                   services are only enabled, never started
#   --no-apt        do not install Debian packages (tor, age, openssl must be present, or be installed later)
#   --no-services   do not touch systemd (no daemon-reload, enable, start or restart)
#
# It is idempotent: running it again with the same input changes nothing (and restarts nothing). Files it owns
# are replaced when they differ; /etc/whistlesubmit/portal.env is written once and then left to the operator.
set -euo pipefail

readonly user=whistlesubmit
readonly opt=/opt/whistlesubmit
readonly app=$opt/portal
readonly etc=/etc/whistlesubmit
readonly data=/var/lib/whistlesubmit
readonly unit=whistlesubmit-portal.service
readonly hs_sources=/var/lib/tor/whistlesubmit-sources
readonly hs_transfer=/var/lib/tor/whistlesubmit-transfer

root=""
from=""
use_apt=1
use_services=1

say() { printf '%s\n' "$*"; }
die() {
  printf 'install.sh: error: %s\n' "$*" >&2
  exit 1
}
usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --root) [ $# -ge 2 ] || die "--root needs a directory"; root=${2%/}; shift 2 ;;
    --from) [ $# -ge 2 ] || die "--from needs a directory"; from=$2; shift 2 ;;
    --no-apt) use_apt=0; shift ;;
    --no-services) use_services=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

[ "$(id -u)" -eq 0 ] || die "run as root (sudo $0 …)"
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
deploy=$repo/deploy
if [ -n "$root" ]; then
  [ -d "$root" ] || die "--root $root is not a directory"
  root=$(cd "$root" && pwd)
  [ "$root" != / ] || root=""
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
changed_unit=0
changed_app=0
changed_torrc=0
changed_journald=0

# install_file SRC DEST MODE OWNER:GROUP: copies SRC to $root/DEST when the content, mode or owner differ.
# Returns 0 when it changed something, 1 when DEST was already right.
install_file() {
  local src=$1 dest=$root$2 mode=$3 owner=$4
  if [ -f "$dest" ] && cmp -s "$src" "$dest" &&
    [ "$(stat -c '%a %u:%g' "$dest")" = "$mode $owner" ]; then
    return 1
  fi
  install -D -m "$mode" -o "${owner%%:*}" -g "${owner##*:}" "$src" "$dest.new.$$"
  mv -f "$dest.new.$$" "$dest"
  say "  wrote $2"
  return 0
}

# ensure_dir DIR MODE OWNER:GROUP
ensure_dir() {
  local dir=$root$1 mode=$2 owner=$3
  if [ ! -d "$dir" ]; then
    install -d -m "$mode" -o "${owner%%:*}" -g "${owner##*:}" "$dir"
    say "  created $1"
  elif [ "$(stat -c '%a %u:%g' "$dir")" != "$mode $owner" ]; then
    chmod "$mode" "$dir"
    chown "$owner" "$dir"
    say "  fixed mode/owner of $1"
  fi
}

# Numeric ids from the target system's own user database (they may differ from this machine's in a chroot).
lookup_id() {
  local db=$1 name=$2
  awk -F: -v n="$name" '$1 == n { print $3; found = 1 } END { exit !found }' "$root/etc/$db"
}

# A reproducible listing of a tree (names, types, modes, owners, content hashes) to decide whether it changed.
tree_manifest() {
  (cd "$1" && find . -printf '%p %y %m %U:%G\n' | LC_ALL=C sort && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}

step_apt() {
  say "Debian packages"
  if [ "$use_apt" -eq 0 ]; then
    say "  skipped (--no-apt); the server needs: tor age openssl"
    return
  fi
  local missing=() pkg status
  # shellcheck disable=SC2016 # ${Status} is dpkg-query's format, not a shell expansion
  for pkg in tor age openssl; do
    if [ -n "$root" ]; then
      status=$(chroot "$root" dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    else
      status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    fi
    [ "$status" = "install ok installed" ] || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    say "  tor, age and openssl are installed"
    return
  fi
  local run=()
  [ -z "$root" ] || run=(chroot "$root")
  "${run[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  say "  installed ${missing[*]}"
}

step_user() {
  say "Service user"
  if [ ! -f "$root/etc/passwd" ]; then
    die "$root/etc/passwd does not exist: --root must be a Debian system tree"
  fi
  if lookup_id passwd "$user" >/dev/null; then
    say "  $user exists"
  else
    local args=(--system --user-group --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin
      --comment "WhistleSubmit portal")
    [ -z "$root" ] || args+=(--root "$root")
    useradd "${args[@]}" "$user"
    say "  created system user $user (no shell, no home)"
  fi
  uid=$(lookup_id passwd "$user")
  gid=$(lookup_id group "$user")
}

publish_portal() {
  local out=$1 project
  command -v dotnet >/dev/null 2>&1 || die "no --from given and no .NET SDK here: publish the portal elsewhere and pass --from DIR"
  project=$(find "$repo/src/Portal" -maxdepth 1 -name '*.csproj' -print -quit 2>/dev/null || true)
  [ -n "$project" ] || die "src/Portal has no project file; pass --from DIR"
  say "  publishing $project (this takes a few minutes)"
  dotnet publish "$project" -c Release -r linux-x64 --self-contained -p:DebugType=none -nologo -v quiet -o "$out"
}

step_app() {
  say "Portal program ($app)"
  if [ -z "$from" ]; then
    publish_portal "$work/publish"
    from=$work/publish
  fi
  [ -x "$from/whistle-portal" ] || die "$from/whistle-portal is missing or not executable (is it a linux-x64 publish of src/Portal?)"
  ensure_dir "$opt" 755 0:0
  # Stage a normalised copy (root-owned, read-only to everyone else), compare, and only then swap it in.
  local stage=$work/stage
  cp -R --no-preserve=ownership,timestamps "$from" "$stage"
  chown -R 0:0 "$stage"
  chmod -R u=rwX,go=rX "$stage"
  chmod 755 "$stage"
  if [ -d "$root$app" ] && [ "$(tree_manifest "$stage")" = "$(tree_manifest "$root$app")" ]; then
    say "  unchanged"
    return
  fi
  rm -rf "$root$opt/.portal.new" "$root$opt/.portal.old"
  cp -a "$stage" "$root$opt/.portal.new"
  if [ -d "$root$app" ]; then mv "$root$app" "$root$opt/.portal.old"; fi
  mv "$root$opt/.portal.new" "$root$app"
  rm -rf "$root$opt/.portal.old"
  changed_app=1
  say "  installed"
}

step_files() {
  say "Configuration and tools"
  ensure_dir "$etc" 750 "0:$gid"
  if [ ! -e "$root$etc/portal.env" ]; then
    install_file "$deploy/portal/portal.env" "$etc/portal.env" 640 "0:$gid" || true
  elif ! cmp -s "$deploy/portal/portal.env" "$root$etc/portal.env"; then
    say "  $etc/portal.env differs from the shipped default: kept as it is (compare with deploy/portal/portal.env)"
  fi
  ensure_dir /var/lib/whistlesubmit 700 "$uid:$gid"
  install_file "$deploy/portal/whistle-portal.sh" /usr/local/sbin/whistle-portal 755 0:0 || true
  ensure_dir "$opt/bin" 755 0:0
  local script
  for script in portal/backup.sh portal/restore.sh tor/add-reviewer-client.sh; do
    install_file "$deploy/$script" "$opt/bin/$(basename "$script")" 755 0:0 || true
  done
  install_file "$deploy/README.md" "$opt/README.md" 644 0:0 || true
  if install_file "$deploy/systemd/$unit" "/etc/systemd/system/$unit" 644 0:0; then changed_unit=1; fi
  if install_file "$deploy/systemd/journald-whistlesubmit.conf" /etc/systemd/journald.conf.d/whistlesubmit.conf 644 0:0; then
    changed_journald=1
  fi
  # Keep Debian's original torrc once, for reference.
  if [ -f "$root/etc/tor/torrc" ] && [ ! -e "$root/etc/tor/torrc.debian-original" ] &&
    ! cmp -s "$deploy/tor/torrc" "$root/etc/tor/torrc"; then
    cp -p "$root/etc/tor/torrc" "$root/etc/tor/torrc.debian-original"
    say "  kept Debian's torrc as /etc/tor/torrc.debian-original"
  fi
  if install_file "$deploy/tor/torrc" /etc/tor/torrc 644 0:0; then changed_torrc=1; fi
}

step_services() {
  say "Services"
  if [ "$use_services" -eq 0 ]; then
    say "  skipped (--no-services)"
    return
  fi
  if [ -n "$root" ]; then
    systemctl --root="$root" enable tor.service "$unit"
    say "  enabled (not started: --root)"
    return
  fi
  if [ "$changed_unit" -eq 1 ] || [ "$changed_journald" -eq 1 ]; then systemctl daemon-reload; fi
  if [ "$changed_journald" -eq 1 ]; then systemctl restart systemd-journald; fi
  # tor@default is the instance Debian's tor.service starts; it reads /etc/tor/torrc.
  tor --defaults-torrc /usr/share/tor/tor-service-defaults-torrc -f /etc/tor/torrc --verify-config >/dev/null ||
    die "tor rejects /etc/tor/torrc (see: tor --verify-config -f /etc/tor/torrc)"
  systemctl enable --quiet tor.service "$unit"
  if [ "$changed_torrc" -eq 1 ]; then
    systemctl restart tor@default.service
    say "  restarted tor"
  elif ! systemctl is-active --quiet tor@default.service; then
    systemctl start tor@default.service
    say "  started tor"
  fi
  if [ "$changed_app" -eq 1 ] || [ "$changed_unit" -eq 1 ]; then
    systemctl restart "$unit"
    say "  (re)started the portal"
  elif ! systemctl is-active --quiet "$unit"; then
    systemctl start "$unit"
    say "  started the portal"
  fi
}

print_addresses() {
  local waited=0
  if [ "$use_services" -eq 1 ] && [ -z "$root" ]; then
    # tor writes the hostname files a moment after it starts.
    while { [ ! -s "$hs_sources/hostname" ] || [ ! -s "$hs_transfer/hostname" ]; } && [ "$waited" -lt 60 ]; do
      sleep 1
      waited=$((waited + 1))
    done
  fi
  say ""
  if [ -s "$root$hs_sources/hostname" ]; then
    say "Sources' address (publish this):          http://$(cat "$root$hs_sources/hostname")"
  else
    say "Sources' address: not created yet (tor has not run); see $hs_sources/hostname"
  fi
  if [ -s "$root$hs_transfer/hostname" ]; then
    say "Reviewers' transfer address (keep private): http://$(cat "$root$hs_transfer/hostname")"
  else
    say "Reviewers' transfer address: not created yet (tor has not run); see $hs_transfer/hostname"
  fi
  if [ ! -s "$root$data/team.pub" ] || [ ! -s "$root$data/recipients.signed.json" ]; then
    say ""
    say "No signed recipient set yet: the portal does not start until it has one (deploy/README.md, step 4)."
    say "On the reviewers' offline console: whistle-review team publish --out DIR; carry DIR here, then:"
    say "  sudo install -m 644 -o $user DIR/team.pub $data/team.pub"
    say "  sudo whistle-portal recipients install DIR/recipients.signed.json"
  fi
}

step_apt
step_user
step_app
step_files
step_services
print_addresses
