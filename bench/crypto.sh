#!/usr/bin/env bash
# Crypto throughput bench (not a test): our whistle-review CLI against Debian's age and OpenSSL's ChaCha20-Poly1305.
# Run from the repository root:  bash bench/crypto.sh
# What each number means: bench/README.md.
set -euo pipefail

readonly SIZE_MIB=256
readonly BIG_MIB=1024
readonly RUNS=${RUNS:-3}
readonly RSS_GOAL_MIB=100

die() { echo "bench: error: $*" >&2; exit 1; }

[[ -f WhistleSubmit.sln ]] || die "run from the repository root: bash bench/crypto.sh"

ensure_tools() {
  local missing=()
  [[ -x /usr/bin/time ]] || missing+=(time)
  command -v age >/dev/null || missing+=(age)
  command -v openssl >/dev/null || missing+=(openssl)
  if ((${#missing[@]} > 0)); then
    echo "bench: installing ${missing[*]}" >&2
    local sudo=()
    ((EUID == 0)) || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# timed OUTFILE CMD...: runs CMD under /usr/bin/time, appends "elapsed_s peak_rss_kib user_s sys_s" to OUTFILE.
timed() {
  local out=$1
  shift
  /usr/bin/time -f '%e %M %U %S' -a -o "$out" "$@" >/dev/null || die "failed: $*"
}

# fresh FILE...: removes earlier results and writes all dirty pages back first, so that no run pays for freeing the
# previous run's output (a truncate or a replacing rename) or for writing back another tool's data.
fresh() {
  rm -f "$@"
  sync
}

# best OUTFILE: the fastest elapsed time and the largest peak RSS (KiB) over the runs recorded in OUTFILE.
best_time() { sort -n -k1,1 "$1" | head -n 1 | cut -d' ' -f1; }
max_rss_kib() { sort -n -k2,2 "$1" | tail -n 1 | cut -d' ' -f2; }
# best_cpu OUTFILE: the smallest user+system CPU time over the runs (robust when other work shares the cores).
best_cpu() { awk '{ t = $3 + $4; if (NR == 1 || t < m) m = t } END { printf "%.2f", (m > 0 ? m : 0.01) }' "$1"; }

# calc EXPR: floating-point arithmetic, two decimals.
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }

mibps() { calc "$SIZE_MIB / $1"; }

ensure_tools

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Published for this machine, framework-dependent, ReadyToRun (the csproj turns it on for any `-r` publish): the way
# the console is deployed, and without it the JIT compiles ~500 methods on every run.
echo "bench: publishing whistle-review (Release, ReadyToRun)" >&2
rid=linux-$(dotnet --info | awk -F- '/^ *RID:/ { print $NF; exit }')
[[ $rid != linux- ]] || rid=linux-x64
dotnet publish src/ReviewerConsole -c Release -r "$rid" --self-contained false -o "$work/publish" -nologo -v quiet >/dev/null
readonly DLL=$work/publish/whistle-review.dll
[[ -f $DLL ]] || die "publish did not produce $DLL"
ours() { dotnet "$DLL" "$@"; }

echo "bench: building crypto-probe (Release)" >&2
dotnet build bench/CryptoProbe -c Release -o "$work/probe" -nologo -v quiet >/dev/null
readonly PROBE=$work/probe/crypto-probe.dll
[[ -f $PROBE ]] || die "build did not produce $PROBE"

echo "bench: writing ${SIZE_MIB} MiB of random data" >&2
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom >"$work/plain.bin"

ours age keygen -o "$work/ours.key" 2>"$work/keygen.err" || die "whistle-review age keygen: $(cat "$work/keygen.err")"
age-keygen -o "$work/age.key" 2>/dev/null
ours_recipient=$(age-keygen -y "$work/ours.key")
age_recipient=$(age-keygen -y "$work/age.key")

# .NET startup alone: the same process start and command-line parsing, no crypto.
startup_arg=--version
ours "$startup_arg" >/dev/null 2>&1 || startup_arg=--help
for _ in $(seq "$RUNS"); do timed "$work/t.startup" dotnet "$DLL" "$startup_arg"; done
startup=$(best_time "$work/t.startup")

echo "bench: timing encrypt/decrypt, best of $RUNS" >&2
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# shellcheck disable=SC2016 # the single-quoted $0..$3 are expanded by the inner sh, which does the redirection
for _ in $(seq "$RUNS"); do
  fresh "$work/ours.age"
  timed "$work/t.ours.enc" dotnet "$DLL" age encrypt -r "$ours_recipient" -o "$work/ours.age" "$work/plain.bin"
  fresh "$work/ours.out"
  timed "$work/t.ours.dec" dotnet "$DLL" age decrypt -i "$work/ours.key" -o "$work/ours.out" "$work/ours.age"
  fresh "$work/age.age"
  timed "$work/t.age.enc" age -e -r "$age_recipient" -o "$work/age.age" "$work/plain.bin"
  fresh "$work/age.out"
  timed "$work/t.age.dec" age -d -i "$work/age.key" -o "$work/age.out" "$work/age.age"
  # With -o our CLI fsyncs before renaming the result into place (age does not); to a redirected stdout it doesn't.
  fresh "$work/ours.stdout.out"
  timed "$work/t.ours.stdout" sh -c 'exec dotnet "$0" age decrypt -i "$1" "$2" >"$3"' \
    "$DLL" "$work/ours.key" "$work/ours.age" "$work/ours.stdout.out"
  fresh "$work/ours.stdout.age"
  timed "$work/t.ours.enc.stdout" sh -c 'exec dotnet "$0" age encrypt -r "$1" "$2" >"$3"' \
    "$DLL" "$ours_recipient" "$work/plain.bin" "$work/ours.stdout.age"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
cmp -s "$work/plain.bin" "$work/ours.stdout.out" || die "our CLI did not round-trip the ${SIZE_MIB} MiB file to stdout"
cmp -s "$work/plain.bin" "$work/ours.out" || die "our CLI did not round-trip the ${SIZE_MIB} MiB file"
cmp -s "$work/plain.bin" "$work/age.out" || die "age did not round-trip the ${SIZE_MIB} MiB file"
ours age decrypt -i "$work/ours.key" -o "$work/stdout-enc.out" "$work/ours.stdout.age"
cmp -s "$work/plain.bin" "$work/stdout-enc.out" || die "our CLI did not round-trip the ${SIZE_MIB} MiB file encrypted to stdout"
# The two are interchangeable: age must read ours, and we must read age's.
age -d -i "$work/ours.key" "$work/ours.age" | cmp -s - "$work/plain.bin" || die "age could not decrypt our output"
ours age decrypt -i "$work/age.key" -o "$work/cross.out" "$work/age.age"
cmp -s "$work/plain.bin" "$work/cross.out" || die "our CLI could not decrypt age's output"
rm -f "$work"/*.out "$work"/*.age

echo "bench: openssl speed -evp chacha20-poly1305 (16 KiB and 64 KiB blocks), crypto-probe" >&2
# -mr prints "+F:<n>:<name>:<bytes/s for each block size>"; the last field is the largest size asked for.
openssl_bps() { openssl speed -mr -evp chacha20-poly1305 -seconds 3 "$@" 2>/dev/null | awk -F: '/^\+F:/ { print $NF }' | tail -n 1; }
openssl_16k=$(openssl_bps -bytes 16384)
openssl_64k=$(openssl_bps -bytes 65536)
[[ -n $openssl_16k && -n $openssl_64k ]] || die "could not parse openssl speed output"
openssl_16k_mibps=$(calc "$openssl_16k / 1048576")
openssl_64k_mibps=$(calc "$openssl_64k / 1048576")
# The ceiling the goal is measured against: the faster of the two block sizes (the stricter comparison).
openssl_mibps=$(awk "BEGIN { a = $openssl_16k_mibps; b = $openssl_64k_mibps; printf \"%.2f\", (a > b ? a : b) }")

# In-process numbers: "key=value" lines (bench/README.md).
probe=$( (dotnet "$PROBE" aead 256 && dotnet "$PROBE" payload 128 && dotnet "$PROBE" stanza) ) || die "crypto-probe failed"
pv() { printf '%s\n' "$probe" | awk -F= -v k="$1" '$1 == k { print $2 }'; }

t_oe=$(best_time "$work/t.ours.enc")
t_od=$(best_time "$work/t.ours.dec")
ours_enc=$(mibps "$t_oe")
ours_dec=$(mibps "$t_od")
ours_enc_out=$(mibps "$(best_time "$work/t.ours.enc.stdout")")
ours_dec_out=$(mibps "$(best_time "$work/t.ours.stdout")")
age_enc=$(mibps "$(best_time "$work/t.age.enc")")
age_dec=$(mibps "$(best_time "$work/t.age.dec")")
# Without startup: an estimate (elapsed minus the best `--version` run), not an in-process measurement.
ours_enc_ns=$(awk "BEGIN { d = $t_oe - $startup; if (d <= 0) print \"n/a\"; else printf \"%.2f\", $SIZE_MIB / d }")
ours_dec_ns=$(awk "BEGIN { d = $t_od - $startup; if (d <= 0) print \"n/a\"; else printf \"%.2f\", $SIZE_MIB / d }")

echo "bench: ${BIG_MIB} MiB encrypt + decrypt with our CLI (peak RSS)" >&2
rm -f "$work/plain.bin" "$work"/*.out "$work"/*.age
head -c "$((BIG_MIB * 1024 * 1024))" /dev/urandom >"$work/big.bin"
timed "$work/t.big.enc" dotnet "$DLL" age encrypt -r "$ours_recipient" -o "$work/big.age" "$work/big.bin"
timed "$work/t.big.dec" dotnet "$DLL" age decrypt -i "$work/ours.key" -o "$work/big.out" "$work/big.age"
cmp -s "$work/big.bin" "$work/big.out" || die "our CLI did not round-trip the ${BIG_MIB} MiB file"
big_enc_rss=$(calc "$(max_rss_kib "$work/t.big.enc") / 1024")
big_dec_rss=$(calc "$(max_rss_kib "$work/t.big.dec") / 1024")
big_rss_ok=$(awk "BEGIN { print ($big_enc_rss < $RSS_GOAL_MIB && $big_dec_rss < $RSS_GOAL_MIB) ? \"met\" : \"NOT met\" }")

# row MIBPS TIMEFILE: one table row (wall-clock MiB/s, MiB per CPU-second, peak RSS).
row() {
  printf '%9s   %9s   %12s' "$1" "$(calc "$SIZE_MIB / $(best_cpu "$work/$2")")" "$(calc "$(max_rss_kib "$work/$2") / 1024")"
}
# goal RATIO TARGET: "met" or "NOT met".
goal() { awk "BEGIN { print ($1 >= $2) ? \"met\" : \"NOT met\" }"; }

dec_vs_age=$(calc "$ours_dec_out / $age_dec")
dec_fsync_vs_age=$(calc "$ours_dec / $age_dec")
dec_vs_openssl=$(calc "$ours_dec_out / $openssl_mibps")
dec_fsync_vs_openssl=$(calc "$ours_dec / $openssl_mibps")

cat <<REPORT

crypto bench  ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, ${SIZE_MIB} MiB random file, X25519, best of ${RUNS})
load average (1, 5, 15 min) before the timed runs: ${load_before}; after: ${load_after}

                                   MiB/s   MiB/CPU-s   peak RSS MiB
ours  encrypt -o   (fsync)     $(row "$ours_enc" t.ours.enc)
ours  encrypt >file (no fsync) $(row "$ours_enc_out" t.ours.enc.stdout)
ours  decrypt -o   (fsync)     $(row "$ours_dec" t.ours.dec)
ours  decrypt >file (no fsync) $(row "$ours_dec_out" t.ours.stdout)
age   encrypt -o   (no fsync)  $(row "$age_enc" t.age.enc)
age   decrypt -o   (no fsync)  $(row "$age_dec" t.age.dec)

openssl speed chacha20-poly1305, one core, in memory:  16 KiB blocks ${openssl_16k_mibps}  64 KiB blocks ${openssl_64k_mibps} MiB/s
ours, one thread, 64 KiB chunks in memory (crypto-probe aead):  seal $(pv aead_seal_mib_per_cpu_s)  open $(pv aead_open_mib_per_cpu_s)\
 MiB/CPU-s (open = $(calc "$(pv aead_open_mib_per_cpu_s) / $openssl_64k_mibps") x OpenSSL 64 KiB); wall clock: seal $(pv aead_seal_mibps)  open $(pv aead_open_mibps) MiB/s
ours, whole age payload in memory, all cores (crypto-probe payload):  platform encrypt $(pv payload_platform_encrypt_mibps)\
  decrypt $(pv payload_platform_decrypt_mibps);  BouncyCastle encrypt $(pv payload_bouncycastle_encrypt_mibps)\
  decrypt $(pv payload_bouncycastle_decrypt_mibps) MiB/s
mlkem768x25519 stanza (crypto-probe stanza):  wrap $(pv stanza_wrap_ms) ms  unwrap $(pv stanza_unwrap_ms) ms\
  identity from seed $(pv identity_from_seed_ms) ms

.NET startup (whistle-review ${startup_arg})  ${startup} s
ours -o without startup (estimate)  encrypt ${ours_enc_ns}  decrypt ${ours_dec_ns} MiB/s

goal  decrypt >= 2 x age:             >file/age ${dec_vs_age} ($(goal "$dec_vs_age" 2))   with our fsync: -o/age ${dec_fsync_vs_age} ($(goal "$dec_fsync_vs_age" 2))
goal  decrypt >= 0.5 x openssl ${openssl_mibps}: >file ${dec_vs_openssl} ($(goal "$dec_vs_openssl" 0.5))   with our fsync: -o ${dec_fsync_vs_openssl} ($(goal "$dec_fsync_vs_openssl" 0.5))
ratio ours/age      encrypt >file $(calc "$ours_enc_out / $age_enc")  -o $(calc "$ours_enc / $age_enc")  (wall clock)
ratio ours/age      encrypt $(calc "$(best_cpu "$work/t.age.enc") / $(best_cpu "$work/t.ours.enc.stdout")")\
  decrypt $(calc "$(best_cpu "$work/t.age.dec") / $(best_cpu "$work/t.ours.stdout")")  (CPU time, >file)

${BIG_MIB} MiB with our CLI: encrypt $(calc "$BIG_MIB / $(best_time "$work/t.big.enc")") MiB/s, peak RSS ${big_enc_rss} MiB;\
 decrypt $(calc "$BIG_MIB / $(best_time "$work/t.big.dec")") MiB/s, peak RSS ${big_dec_rss} MiB  (goal < ${RSS_GOAL_MIB} MiB: ${big_rss_ok})
REPORT
