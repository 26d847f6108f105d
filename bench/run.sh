#!/usr/bin/env bash
# bench/run.sh: the benchmark of issue 10, one run, printed side by side.
#
#   bash bench/run.sh            # everything, median of 3 (BENCH_RUNS)
#   BENCH_ROWS=100000 BENCH_SITES="25" BENCH_EXCELIZE=0 bash bench/run.sh   # a quick look
#
# What it measures (see bench/README.md):
#   1. full builds of the province site (bench/gen) for 25 and 250 provinces
#      (without the briefing packs unless BENCH_PACKS=1):
#      cold (no .prisonstats/, no public/), warm (nothing changed) and after
#      one export changed (bench/gen -change): wall time and peak RSS
#      (GNU time -v), and each stage's time (PRISONSTATS_TIMINGS=1 makes the
#      pipeline print "stage NAME SECONDS" on stderr);
#   2. ingest of the register (BENCH_ROWS rows, default 1,000,000): rows/s,
#      MB/s of sheet XML, peak heap and RSS, with the fast sheet reader and
#      (BENCH_EXCELIZE=1, the default) with excelize's Rows, via go test -bench;
#   3. the floor: inflating the register's sheet XML and scanning for <c;
#   4. page weight (bench/pageweight, when present) of the home page and a
#      province page;
#   5. the ratios against the peers' figures quoted in the issue.
# Needs: go, bin/hugo and node_modules (make site), GNU time at /usr/bin/time
# (apt-get install -y time), and Chromium for the page weight.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${BENCH_RUNS:-3}
ROWS=${BENCH_ROWS:-1000000}
SITES=${BENCH_SITES:-"25 250"}
EXCELIZE=${BENCH_EXCELIZE:-1}
# The briefing packs (PDFs through Chromium, run by build before publishing)
# are left out by default: the peers build the site alone. BENCH_PACKS=1
# includes them (their time is then inside the site stage).
PACKS=${BENCH_PACKS:-0}
PACKFLAG=-packs=false
[ "$PACKS" = 1 ] && PACKFLAG=-packs=true
OUT=bench/out
BIN=$OUT/bin
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

say() { printf '%s\n' "$*" >&2; }

if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true 2>/dev/null; then
  say "bench: GNU time is missing: apt-get install -y time"
  exit 1
fi
if [ ! -x bin/hugo ] || [ ! -d node_modules ]; then
  say "bench: bin/hugo or node_modules missing: run make site first"
  exit 1
fi

say "bench: building"
mkdir -p "$BIN"
go build -o "$BIN/prisonstats" ./cmd/prisonstats
go build -o "$BIN/gen" ./bench/gen
go build -o "$BIN/floor" ./bench/floor
go test -c -o "$BIN/ingest.test" ./internal/ingest
HAVE_PW=0
if [ -f bench/pageweight/main.go ]; then
  go build -o "$BIN/pageweight" ./bench/pageweight && HAVE_PW=1
fi

say "bench: generating the workload (sites: $SITES; register: $ROWS rows)"
"$BIN/gen" -out "$OUT" -repo . -rows "$ROWS" -provinces "$(echo $SITES | tr ' ' ,)" >&2

# median of the numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "-"; else if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# wall seconds and peak RSS (MB) from a GNU time -v report
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; printf "%.3f\n", s}' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ {printf "%.0f\n", $2/1024}' "$1"; }

# build SITE SCENARIO RUN: one timed build; results under $TMP/SITE/SCENARIO.*
build() {
  local site=$1 sc=$2 d=$TMP/$1
  mkdir -p "$d"
  if ! /usr/bin/time -v -o "$d/time" env PRISONSTATS_TIMINGS=1 "$BIN/prisonstats" build "$PACKFLAG" -root "$OUT/site-$site" >/dev/null 2>"$d/err"; then
    say "bench: build of site-$site ($sc) failed:"; cat "$d/err" >&2; exit 1
  fi
  wall "$d/time" >>"$d/$sc.wall"
  rss "$d/time" >>"$d/$sc.rss"
  awk '$1=="stage" {print $2, $3}' "$d/err" >>"$d/$sc.stages"
}

for n in $SITES; do
  dir=$OUT/site-$n
  for r in $(seq "$RUNS"); do
    say "bench: site-$n cold $r/$RUNS"
    rm -rf "$dir/.prisonstats" "$dir/public"
    build "$n" cold
    say "bench: site-$n warm $r/$RUNS"
    build "$n" warm
    say "bench: site-$n one export changed $r/$RUNS"
    "$BIN/gen" -change "$dir" >/dev/null
    build "$n" changed
  done
  find "$dir/public" -name index.html | wc -l >"$TMP/$n/pages"
done

say "bench: ingest of the register ($ROWS rows)"
REG=$OUT/register
ingest() { # ingest LABEL FASTSHEET BENCH COUNT
  /usr/bin/time -v -o "$TMP/ingest-$1.time" env PRISONSTATS_FASTSHEET=$2 \
    PRISONSTATS_REGISTER="$PWD/$REG/register.xlsx" PRISONSTATS_REGISTER_MAPPING="$PWD/$REG/register.toml" \
    "$BIN/ingest.test" -test.run '^$' -test.bench "^$3\$" -test.benchtime 1x -test.count "$4" >"$TMP/ingest-$1.out" 2>&1 ||
    { say "bench: ingest $1 failed:"; cat "$TMP/ingest-$1.out" >&2; exit 1; }
}
metric() { # metric LABEL UNIT: the median of a benchmark metric
  awk -v u="$2" '/^Benchmark/ {for(i=2;i<=NF;i++) if ($i==u) print $(i-1)}' "$TMP/ingest-$1.out" | median
}
secs() { awk '/^Benchmark/ {print $3/1e9}' "$TMP/ingest-$1.out" | median | awk '{printf "%.2f\n", $1}'; }
ingest fast 1 BenchmarkRegisterFile "$RUNS"
ingest fastgrid 1 BenchmarkGridFast "$RUNS"
if [ "$EXCELIZE" = 1 ]; then
  ingest excelize 0 BenchmarkRegisterFile 1
  ingest excelizegrid 1 BenchmarkGridExcelize 1
fi

say "bench: the floor"
"$BIN/floor" -runs "$RUNS" "$REG/register.xlsx" >"$TMP/floor"

PW=""
if [ "$HAVE_PW" = 1 ]; then
  say "bench: page weight"
  for n in $SITES; do
    "$BIN/pageweight" -pair /,/provinces/bx-1/ -pair /provinces/bx-1/,/provinces/bx-2/ "$OUT/site-$n/public" >"$TMP/pw-$n" 2>&1 || true
  done
fi

# ---- the report ----
med() { if [ -f "$1" ]; then median <"$1"; else echo -; fi; }
stage() { # stage SITE SCENARIO NAME
  if [ -f "$TMP/$1/$2.stages" ]; then awk -v s="$3" '$1==s {print $2}' "$TMP/$1/$2.stages" | median; else echo -; fi
}
echo
echo "prisonstats benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(go env GOVERSION), median of $RUNS, build $PACKFLAG, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-22s' "full build"
for n in $SITES; do printf '%-24s' "$n provinces"; done; echo
printf '%-22s' ""
for n in $SITES; do printf '%-24s' "time      peak RSS"; done; echo
for sc in cold warm changed; do
  label=$sc; [ "$sc" = changed ] && label="one export changed"
  printf '%-22s' "$label"
  for n in $SITES; do printf '%-24s' "$(printf '%6.2f s  %5s MB' "$(med "$TMP/$n/$sc.wall")" "$(med "$TMP/$n/$sc.rss")")"; done
  echo
done
printf '%-22s' "pages (index.html)"
for n in $SITES; do printf '%-24s' "$(cat "$TMP/$n/pages")"; done; echo
echo
echo "stages (s)              cold / warm / changed"
first=$(echo $SITES | cut -d' ' -f1)
for s in $(awk '!seen[$1]++ {print $1}' "$TMP/$first/cold.stages"); do
  printf '%-22s' "$s"
  for n in $SITES; do printf '%-24s' "$(stage "$n" cold $s) / $(stage "$n" warm $s) / $(stage "$n" changed $s)"; done
  echo
done
echo
xml_mb=$(awk '/^floor/ {for(i=2;i<=NF;i++){split($i,kv,"="); if(kv[1]=="xml_mb") print kv[2]}}' "$TMP/floor")
floor_s=$(awk '/^floor/ {for(i=2;i<=NF;i++){split($i,kv,"="); if(kv[1]=="seconds") print kv[2]}}' "$TMP/floor")
echo "ingest of the register: $ROWS rows, $xml_mb MB of sheet XML"
printf '%-40s %10s %10s %10s %12s %12s\n' "" "seconds" "rows/s" "MB/s" "peak heap" "peak RSS"
line() { # line LABEL KEY UNIT
  [ -f "$TMP/ingest-$2.out" ] || return 0
  printf '%-40s %10s %10s %10s %9s MB %9s MB\n' "$1" "$(secs "$2")" "$(metric "$2" "$3")" "$(metric "$2" MB/s)" "$(metric "$2" peak-heap-MB)" "$(rss "$TMP/ingest-$2.time")"
}
line "ingest, fast sheet reader (mapping)" fast obs/s
line "ingest, excelize Rows (mapping)" excelize obs/s
line "sheet reader alone: fast" fastgrid rows/s
line "sheet reader alone: excelize Rows" excelizegrid rows/s
printf '%-40s %10s %10s %10s\n' "floor: inflate + scan for <c" "$floor_s" "$(awk -v s="$floor_s" -v n="$ROWS" 'BEGIN{printf "%.0f", n/s}')" "$(awk -v s="$floor_s" -v m="$xml_mb" 'BEGIN{printf "%.1f", m/s}')"
echo
if [ -n "$(ls "$TMP"/pw-* 2>/dev/null)" ]; then
  for n in $SITES; do echo "page weight, site-$n (gzip):"; cat "$TMP/pw-$n"; echo; done
fi

echo "against the peers (figures quoted in issue 10, not measured here; bench/peers.sh measures SheetJS and exceljs)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b+0>0 && a!="-") printf "%.1f×", a/b; else print "-" }'; }
for n in $SITES; do
  case $n in
    25) ofw=15; ofc=23 ;;
    250) ofw=50; ofc=55 ;;
    *) continue ;;
  esac
  printf 'Observable Framework, %s provinces: warm %s s, cold %s s → ours %s faster warm, %s faster cold\n' "$n" "$ofw" "$ofc" \
    "$(ratio $ofw "$(med "$TMP/$n/warm.wall")")" "$(ratio $ofc "$(med "$TMP/$n/cold.wall")")"
  [ "$n" = 25 ] && printf 'Evidence, 25 provinces: 92 s, 2.7 GB → ours %s faster cold, %s of the memory\n' \
    "$(ratio 92 "$(med "$TMP/25/cold.wall")")" "$(awk -v r="$(med "$TMP/25/cold.rss")" 'BEGIN{printf "%.0f%%", r/2700*100}')"
done
if [ "$ROWS" = 1000000 ]; then
  fs=$(secs fast)
  printf 'register: SheetJS 90 s / 2.5 GB, exceljs 44 s / 200 MB, excelize Rows 46 s / 15 MB → ours %s s: %s, %s and %s faster\n' \
    "$fs" "$(ratio 90 "$fs")" "$(ratio 44 "$fs")" "$(ratio 46 "$fs")"
fi
if [ -n "$floor_s" ] && [ -f "$TMP/ingest-fastgrid.out" ]; then
  printf 'distance to the floor: fast sheet reader %s, whole ingest %s\n' "$(ratio "$(secs fastgrid)" "$floor_s")" "$(ratio "$(secs fast)" "$floor_s")"
fi
