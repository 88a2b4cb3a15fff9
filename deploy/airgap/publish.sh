#!/usr/bin/env bash
# Builds the reviewer console as ONE self-contained linux-x64 file (no .NET needed on the air-gapped machine)
# and writes it with its SHA-256 into an output directory:
#
#   deploy/airgap/publish.sh [OUTPUT_DIR]        (default: ./out/airgap)
#
# OUTPUT_DIR/whistle-review          the program (chmod 0755)
# OUTPUT_DIR/whistle-review.sha256   "HASH  whistle-review" (sha256sum format; check with `sha256sum -c`)
#
# Needs the .NET SDK and NuGet (the linux-x64 runtime pack comes from NuGet); nothing else is downloaded.
# The build is not trimmed: trimming saves size but can break reflection-based code paths (System.CommandLine,
# LiteDB's mapper) in ways tests might not catch, and a reviewer machine has the disk space.
set -euo pipefail

usage() {
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
  -h | --help) usage; exit 0 ;;
esac

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=${1:-$repo/out/airgap}
mkdir -p "$out"
out=$(cd "$out" && pwd)

if ! command -v dotnet >/dev/null 2>&1; then
  echo "publish.sh: error: the .NET SDK (dotnet) is needed to build; see deploy/airgap/README.md" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# InvariantGlobalization: no ICU on the target (Tails and minimal Debian may lack the right libicu).
# IncludeNativeLibrariesForSelfExtract: the few native libraries travel inside the one file.
# DebugType=none: no .pdb next to the program, nothing else to carry or verify.
dotnet publish "$repo/src/ReviewerConsole/ReviewerConsole.csproj" \
  -c Release -r linux-x64 --self-contained \
  -p:PublishSingleFile=true \
  -p:IncludeNativeLibrariesForSelfExtract=true \
  -p:InvariantGlobalization=true \
  -p:DebugType=none \
  -nologo -v quiet \
  -o "$work/publish"

if [ ! -f "$work/publish/whistle-review" ]; then
  echo "publish.sh: error: dotnet publish did not produce whistle-review" >&2
  exit 1
fi

install -m 0755 "$work/publish/whistle-review" "$out/whistle-review"
(cd "$out" && sha256sum whistle-review >whistle-review.sha256)

echo "Wrote $out/whistle-review"
echo "SHA-256: $(cut -d ' ' -f 1 "$out/whistle-review.sha256")"
echo "Compare this hash on the air-gapped machine: sha256sum -c whistle-review.sha256"
