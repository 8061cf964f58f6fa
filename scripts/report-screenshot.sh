#!/usr/bin/env bash
# Builds samples/Contoso and renders its report.html in headless Chromium (Debian's chromium package,
# installed when missing), saving a screenshot. A manual check, not a unit test:
#   bash scripts/report-screenshot.sh [output.png]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/report.png}

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi

dotnet build samples/Contoso -nologo -v:q
report=$(find samples/Contoso/bin -path '*certbundle*' -name report.html | head -n 1)
[ -n "$report" ] || { echo "no report.html in the sample's bundle"; exit 1; }

mkdir -p "$(dirname "$out")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# The flags keep Chromium off the network (this machine's network is closed) and quiet.
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size=1400,2600 \
  --screenshot="$(realpath -m "$out")" "file://$(realpath "$report")" 2>/dev/null
echo "screenshot of $report: $out"
