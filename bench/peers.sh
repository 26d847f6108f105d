#!/usr/bin/env bash
# bench/peers.sh: the peers of issue 10 on this machine, in one run (not in CI;
# `make bench-peers`). It installs SheetJS xlsx 0.18.5 and exceljs 4.4.0 with
# npm into bench/peers/ (git-ignored) and times the same register read as
# bench/run.sh's ingest (bench/out/register/register.xlsx; run bench/run.sh
# or go run ./bench/gen first): wall time and peak RSS with GNU time -v.
#
# Observable Framework and Evidence sites are not built here: their figures
# in bench/README.md are the ones quoted in the issue, not measured.
#
#   bash bench/peers.sh [REGISTER.xlsx]
set -euo pipefail
cd "$(dirname "$0")/.."
REG=${1:-bench/out/register/register.xlsx}
PEERS=bench/peers
if [ ! -f "$REG" ]; then
  echo "peers: $REG missing: go run ./bench/gen (or bash bench/run.sh) first" >&2
  exit 1
fi
mkdir -p "$PEERS"
if [ ! -d "$PEERS/node_modules/xlsx" ] || [ ! -d "$PEERS/node_modules/exceljs" ]; then
  echo "peers: npm install xlsx@0.18.5 exceljs@4.4.0 into $PEERS" >&2
  (cd "$PEERS" && { [ -f package.json ] || echo '{"private":true}' >package.json; } &&
    npm install --no-audit --no-fund --save-exact xlsx@0.18.5 exceljs@4.4.0 >&2)
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
run() { # run LABEL COMMAND...
  local label=$1; shift
  if /usr/bin/time -v -o "$TMP/$label.time" "$@" >"$TMP/$label.out" 2>"$TMP/$label.err"; then
    printf '%-28s %8s s %8s MB   %s\n' "$label" \
      "$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; printf "%.1f", s}' "$TMP/$label.time")" \
      "$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$TMP/$label.time")" \
      "$(grep -m1 -E '^(sheetjs|exceljs|Benchmark)' "$TMP/$label.out" | tr -s ' \t' ' ')"
  else
    printf '%-28s failed: %s\n' "$label" "$(tail -3 "$TMP/$label.err" | tr '\n' ' ')"
  fi
}
echo "register: $REG ($(du -h "$REG" | cut -f1))"
printf '%-28s %10s %11s   %s\n' "" "wall" "peak RSS" "output"
export NODE_PATH=$PWD/$PEERS/node_modules
run "SheetJS xlsx 0.18.5" node --max-old-space-size=6000 bench/peerjs/sheetjs.js "$REG"
run "exceljs 4.4.0 (stream)" node bench/peerjs/exceljs.js "$REG"
go test -c -o "$TMP/ingest.test" ./internal/ingest
REGABS=$(cd "$(dirname "$REG")" && pwd)/$(basename "$REG")
run "prisonstats fast reader" env PRISONSTATS_REGISTER="$REGABS" "$TMP/ingest.test" -test.run '^$' -test.bench '^BenchmarkGridFast$' -test.benchtime 1x
run "excelize Rows (raw)" env PRISONSTATS_REGISTER="$REGABS" "$TMP/ingest.test" -test.run '^$' -test.bench '^BenchmarkGridExcelize$' -test.benchtime 1x
