#!/usr/bin/env bash
# Manages the reviewers' Tor client keys for the transfer onion service (client authorisation, x25519).
#
#   add-reviewer-client.sh generate
#       Makes a new keypair and prints it. Run this on the REVIEWER's own computer (any machine with openssl),
#       keep the private line for Tor Browser and carry only the public key to the server.
#   add-reviewer-client.sh add NAME PUBLIC_KEY
#       On the server: authorises PUBLIC_KEY (52 base32 characters) as NAME, then reloads tor.
#   add-reviewer-client.sh new NAME
#       On the server: generate + add in one step; prints the private key ONCE (less good: the private key has
#       existed on the server; use it only when the reviewer cannot run `generate`).
#   add-reviewer-client.sh remove NAME
#       Revokes NAME's access, then reloads tor.
#   add-reviewer-client.sh list
#
# Options (before the command): --root DIR (prefix every path, for tests), --no-services (do not reload tor),
# --service-dir DIR (default /var/lib/tor/whistlesubmit-transfer).
# NAME: 1-32 characters from a-z, 0-9, '-' and '_'.
set -euo pipefail

root=""
services=1
service_dir=/var/lib/tor/whistlesubmit-transfer

die() {
  echo "add-reviewer-client.sh: error: $*" >&2
  exit 1
}

usage() {
  sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [ $# -gt 0 ]; do
  case "$1" in
    --root) [ $# -ge 2 ] || die "--root needs a directory"; root=${2%/}; shift 2 ;;
    --no-services) services=0; shift ;;
    --service-dir) [ $# -ge 2 ] || die "--service-dir needs a directory"; service_dir=${2%/}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    --) shift; break ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) break ;;
  esac
done

[ $# -ge 1 ] || { usage >&2; exit 2; }
command=$1
shift

clients_dir="$root$service_dir/authorized_clients"

check_name() {
  [[ "$1" =~ ^[a-z0-9_-]{1,32}$ ]] || die "NAME must be 1-32 characters from a-z, 0-9, '-' and '_'"
}

# Base32 as tor writes keys: RFC 4648 alphabet, upper case, no padding; 32 bytes -> 52 characters.
b32() {
  base32 -w 0 | tr -d '='
}

# Prints "PRIVATE PUBLIC" (base32). openssl's DER encodings of x25519 keys end with the raw 32-byte key.
generate_pair() {
  local tmp private public
  tmp=$(mktemp -d)
  # Only this process may read the private key while it exists on disk; it is removed right after.
  chmod 0700 "$tmp"
  openssl genpkey -algorithm x25519 -out "$tmp/key.pem" 2>/dev/null || { rm -rf "$tmp"; die "openssl could not generate an x25519 key"; }
  private=$(openssl pkey -in "$tmp/key.pem" -outform DER | tail -c 32 | b32)
  public=$(openssl pkey -in "$tmp/key.pem" -pubout -outform DER | tail -c 32 | b32)
  rm -rf "$tmp"
  printf '%s %s\n' "$private" "$public"
}

check_public() {
  [[ "$1" =~ ^[A-Z2-7]{52}$ ]] || die "PUBLIC_KEY must be 52 base32 characters (A-Z, 2-7), as printed by 'generate'"
}

reload_tor() {
  if [ "$services" -eq 1 ]; then
    systemctl reload tor@default || die "could not reload tor; run: systemctl reload tor@default"
  fi
}

onion_address() {
  local hostname="$root$service_dir/hostname"
  if [ -r "$hostname" ]; then cat "$hostname"; else echo "<transfer address>.onion"; fi
}

install_auth() {
  local name=$1 public=$2 file
  [ -d "$root$service_dir" ] || die "$root$service_dir does not exist (is tor installed and started with deploy/tor/torrc?)"
  if [ ! -d "$clients_dir" ]; then
    install -d -m 0700 "$clients_dir"
  fi
  # tor reads this directory as its own user; keep the owner it gave the service directory.
  chown --reference="$root$service_dir" "$clients_dir"
  file="$clients_dir/$name.auth"
  umask 077
  printf 'descriptor:x25519:%s\n' "$public" >"$file.tmp"
  chown --reference="$root$service_dir" "$file.tmp"
  chmod 0600 "$file.tmp"
  mv -f "$file.tmp" "$file"
  echo "Authorised reviewer client '$name' for the transfer onion service."
}

case "$command" in
  generate)
    [ $# -eq 0 ] || die "generate takes no arguments"
    read -r private public < <(generate_pair)
    echo "Public key (give this to the server operator):"
    echo "  $public"
    echo "Private key (keep it secret; Tor Browser asks for it the first time you open the transfer address):"
    echo "  $private"
    echo "For a tor client's ClientOnionAuthDir, the .auth_private line is:"
    echo "  <transfer address without .onion>:descriptor:x25519:$private"
    ;;
  add)
    [ $# -eq 2 ] || die "usage: add NAME PUBLIC_KEY"
    check_name "$1"
    check_public "$2"
    install_auth "$1" "$2"
    reload_tor
    ;;
  new)
    [ $# -eq 1 ] || die "usage: new NAME"
    check_name "$1"
    read -r private public < <(generate_pair)
    install_auth "$1" "$public"
    reload_tor
    echo "Give the reviewer, privately and only once, the address and private key below; this script keeps no copy."
    echo "  address:     $(onion_address)"
    echo "  private key: $private"
    ;;
  remove)
    [ $# -eq 1 ] || die "usage: remove NAME"
    check_name "$1"
    [ -e "$clients_dir/$1.auth" ] || die "no client named '$1'"
    rm -f "$clients_dir/$1.auth"
    reload_tor
    echo "Removed reviewer client '$1'. Existing connections end when tor reloads."
    ;;
  list)
    [ $# -eq 0 ] || die "list takes no arguments"
    if [ -d "$clients_dir" ]; then
      find "$clients_dir" -maxdepth 1 -name '*.auth' -printf '%f\n' | sed 's/\.auth$//' | sort
    fi
    ;;
  *)
    die "unknown command '$command' (see --help)"
    ;;
esac
