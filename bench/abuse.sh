#!/usr/bin/env bash
# Abuse harness (not a test): each attack of issue 15 against a fresh real portal while one legitimate source submits a
# 256 MiB report; prints the submission's success and latency under each attack against the same without attack.
# Run from the repository root:  bash bench/abuse.sh      What each column means: bench/README.md ("Abuse").
set -euo pipefail

die() { echo "bench: error: $*" >&2; exit 1; }
[[ -f WhistleSubmit.sln ]] || die "run from the repository root: bash bench/abuse.sh"

echo "bench: building (Release)" >&2
dotnet build -c Release -v q -nologo src/Portal >/dev/null
dotnet build -c Release -v q -nologo bench/PortalLoad >/dev/null
exec dotnet bench/PortalLoad/bin/Release/net10.0/portal-load.dll abuse \
  "$PWD/src/Portal/bin/Release/net10.0/whistle-portal.dll" "$PWD/src/Portal/wwwroot" "${MODE:-full}"
