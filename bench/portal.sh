#!/usr/bin/env bash
# Portal bench (not a test): durable accepted submissions per second, latency, the server's peak RSS during a 2 GiB
# upload, and this disk's own fsync rate, all in one run. Run from the repository root:  bash bench/portal.sh
# What each number means: bench/README.md ("Portal").
set -euo pipefail

readonly CLIENTS=32
readonly SECONDS_LOAD=20
readonly CIPHERTEXT_BYTES=65536
readonly BIG_BYTES=$((2 * 1024 * 1024 * 1024))

die() { echo "bench: error: $*" >&2; exit 1; }

[[ -f WhistleSubmit.sln ]] || die "run from the repository root: bash bench/portal.sh"

out=$(mktemp -d /tmp/whistle-bench-portal.XXXXXX)
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$out"
}
trap cleanup EXIT

echo "bench: building (Release)" >&2
dotnet build -c Release -v q -nologo src/Portal >/dev/null
dotnet build -c Release -v q -nologo bench/PortalLoad >/dev/null
readonly portal=src/Portal/bin/Release/net10.0/whistle-portal.dll
readonly load=bench/PortalLoad/bin/Release/net10.0/portal-load.dll

# start_server DATA: a fresh portal on a random loopback port; sets server_pid and url. Proof of work at 1 bit: the
# bench measures the store, not the clients' hashing (which a real flood pays for).
start_server() {
  local data=$1
  mkdir -p "$data"
  Portal__ProofOfWork__BaseBits=1 Portal__ProofOfWork__MaxBits=1 DOTNET_ENVIRONMENT=Production \
    dotnet "$portal" --data "$data" --port 0 --transfer-port 0 >"$data.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$data.log" | head -1 || true)
    [[ -n "$url" ]] && grep -q 'Application started' "$data.log" && return 0
    sleep 0.1
  done
  die "the portal did not start (see $data.log)"
}

stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

echo "bench: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$load" fsync "$out" 5

start_server "$out/load"
dotnet "$load" load "$url" "$CLIENTS" "$SECONDS_LOAD" "$CIPHERTEXT_BYTES"
stop_server

start_server "$out/big"
dotnet "$load" big "$url" "$BIG_BYTES" "$server_pid"
stop_server

dotnet "$load" fsync "$out" 5
echo "bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: cores: $(nproc)"
