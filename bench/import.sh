#!/usr/bin/env bash
# shellcheck disable=SC2154  # the *_s and *_rss variables are set by timed() through printf -v
# Import bench (not a test): whistle-review import of 1,000 reports of 64 KiB and of one report with a 1 GiB attachment,
# with a decrypt reference measured in the same run. Run from the repository root:  bash bench/import.sh
# What each number means: bench/README.md.
set -euo pipefail

readonly REPORTS=1000
readonly REPORT_KIB=64
readonly BIG_MIB=1024
# Flat memory: the 1 GiB import may use at most this much more than the 72 MB one (both pay the same Argon2id and
# scrypt key costs, a few hundred MiB by design).
readonly RSS_SLACK_MIB=64

die() { echo "bench: error: $*" >&2; exit 1; }

[[ -f WhistleSubmit.sln ]] || die "run from the repository root: bash bench/import.sh"

missing=()
[[ -x /usr/bin/time ]] || missing+=(time)
command -v age >/dev/null || missing+=(age)
command -v openssl >/dev/null || missing+=(openssl)
if ((${#missing[@]} > 0)); then
  echo "bench: installing ${missing[*]}" >&2
  sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "bench: publishing whistle-review (Release, ReadyToRun) and bundle-maker" >&2
rid=linux-$(dotnet --info | awk -F- '/^ *RID:/ { print $NF; exit }')
[[ $rid != linux- ]] || rid=linux-x64
dotnet publish src/ReviewerConsole -c Release -r "$rid" --self-contained false -o "$work/publish" -nologo -v quiet >/dev/null
dotnet publish bench/BundleMaker -c Release -o "$work/maker" -nologo -v quiet >/dev/null
review_cmd=(dotnet "$work/publish/whistle-review.dll" --data "$work/vault" --as bench)
review() { "${review_cmd[@]}" "$@"; }

printf 'bench passphrase %s\n' "$RANDOM$RANDOM" >"$work/passphrase"
export WHISTLE_REVIEW_PASSPHRASE_FILE=$work/passphrase
review init >/dev/null
review keygen --name bench >/dev/null
recipient=$(review keys --json | grep -o '"recipient": *"[^"]*"' | head -n 1 | sed 's/.*"\(age1[^"]*\)"/\1/')
[[ $recipient == age1pq1* ]] || die "no recipient from 'keys --json'"

echo "bench: writing the bundles ($REPORTS x $REPORT_KIB KiB; 1 x $BIG_MIB MiB)" >&2
dotnet "$work/maker/bundle-maker.dll" reports "$work/reports.wsbundle" "$recipient" "$REPORTS" "$REPORT_KIB"
dotnet "$work/maker/bundle-maker.dll" big "$work/big.wsbundle" "$recipient" "$BIG_MIB" "$work"
rm -f "$work/big-item.age"

# timed NAME CMD...: runs CMD under /usr/bin/time -v; sets NAME_s (wall seconds) and NAME_rss (peak RSS, MiB).
timed() {
  local name=$1
  shift
  /usr/bin/time -v -o "$work/$name.time" "$@" >/dev/null 2>"$work/$name.err" || { cat "$work/$name.err" >&2; die "failed: $*"; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/$name.time")
  printf -v "${name}_s" '%s' "$wall"
  printf -v "${name}_rss" '%s' "$rss"
}
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1000000 }'; }

echo "bench: importing" >&2
timed small "${review_cmd[@]}" import "$work/reports.wsbundle" --receipt "$work/r1.json"
timed small_again "${review_cmd[@]}" import "$work/reports.wsbundle" --receipt "$work/r2.json"
timed big "${review_cmd[@]}" import "$work/big.wsbundle" --receipt "$work/r3.json"
timed big_again "${review_cmd[@]}" import "$work/big.wsbundle" --receipt "$work/r4.json"

# References in the same run: our own decrypt of the same 1 GiB item with the same key, outside the vault (no
# checks, no store), and Debian's age decrypting a file of the same size encrypted to an X25519 key (age 1.1.1 has
# no post-quantum keys, so it cannot open the item itself).
echo "bench: references" >&2
review age decrypt -o "$work/identity.txt" "$work/vault/keys/bench.age"
tar -xf "$work/big.wsbundle" -C "$work" --wildcards 'items/*'
item=$(ls "$work"/items/*.age)
timed ours_decrypt dotnet "$work/publish/whistle-review.dll" age decrypt -i "$work/identity.txt" "$item"
age-keygen -o "$work/x25519.txt" 2>/dev/null
head -c "$(stat -c %s "$item")" /dev/urandom | age -e -r "$(age-keygen -y "$work/x25519.txt")" -o "$work/x25519.age"
timed age_decrypt age -d -i "$work/x25519.txt" -o /dev/null "$work/x25519.age"

# The ceiling of any import phase on this CPU: every byte is SHA-256-hashed (the bundle's item hashes are verified
# before anything is decrypted, docs/FORMATS.md#bundle), and one SHA-256 stream cannot be split across cores.
sha256_mbs=$(openssl speed -evp sha256 -bytes 1048576 -seconds 3 2>/dev/null | awk '$1 == "sha256" { sub(/k$/, "", $2); printf "%.1f", $2 / 1000 }')
[[ -n $sha256_mbs ]] || die "openssl speed sha256 printed nothing"

small_mb=$(mb "$work/reports.wsbundle")
big_mb=$(mb "$work/big.wsbundle")
item_mb=$(mb "$item")
echo
echo "import bench: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-44s %9s %10s %9s %9s\n' "" "seconds" "items/s" "MB/s" "peak MiB"
printf '%-44s %9s %10s %9s %9s\n' "import $REPORTS x $REPORT_KIB KiB ($small_mb MB)" "$small_s" "$(calc "$REPORTS / $small_s")" "$(calc "$small_mb / $small_s")" "$small_rss"
printf '%-44s %9s %10s %9s %9s\n' "  same bundle again (open, verify, skip)" "$small_again_s" "" "" "$small_again_rss"
printf '%-44s %9s %10s %9s %9s\n' "  decrypt+store (difference)" "$(calc "$small_s - $small_again_s")" "$(calc "$REPORTS / ($small_s - $small_again_s)")" "$(calc "$small_mb / ($small_s - $small_again_s)")" ""
printf '%-44s %9s %10s %9s %9s\n' "import 1 x $BIG_MIB MiB attachment ($big_mb MB)" "$big_s" "" "$(calc "$big_mb / $big_s")" "$big_rss"
printf '%-44s %9s %10s %9s %9s\n' "  same bundle again (open, verify, skip)" "$big_again_s" "" "" "$big_again_rss"
printf '%-44s %9s %10s %9s %9s\n' "  decrypt+store (difference)" "$(calc "$big_s - $big_again_s")" "" "$(calc "$big_mb / ($big_s - $big_again_s)")" ""
printf '%-44s %9s %10s %9s %9s\n' "reference: whistle-review age decrypt (item)" "$ours_decrypt_s" "" "$(calc "$item_mb / $ours_decrypt_s")" "$ours_decrypt_rss"
printf '%-44s %9s %10s %9s %9s\n' "reference: age -d, same size, X25519" "$age_decrypt_s" "" "$(calc "$item_mb / $age_decrypt_s")" "$age_decrypt_rss"
printf '%-44s %9s %10s %9s %9s\n' "ceiling: openssl speed sha256, one core" "" "" "$sha256_mbs" ""
echo "ratio import decrypt+store / our decrypt:    $(calc "($big_mb / ($big_s - $big_again_s)) / ($item_mb / $ours_decrypt_s)")"
echo "ratio import decrypt+store / age -d:         $(calc "($big_mb / ($big_s - $big_again_s)) / ($item_mb / $age_decrypt_s)")"
echo "ratio import decrypt+store / sha256 1 core: $(calc "($big_mb / ($big_s - $big_again_s)) / $sha256_mbs")"
echo "goal  decrypt+store >= 500 MB/s:             $(awk -v r="$(calc "$big_mb / ($big_s - $big_again_s)")" 'BEGIN { print (r >= 500 ? "met" : "NOT met") " (" r " MB/s)" }')"
if ((big_rss <= small_rss + RSS_SLACK_MIB)); then
  echo "memory: 1 GiB item peak RSS $big_rss MiB vs $small_rss MiB for 72 MB of reports: flat (goal met)"
else
  echo "memory: 1 GiB item peak RSS $big_rss MiB vs $small_rss MiB for 72 MB of reports: grows with the item (goal NOT met)"
fi
