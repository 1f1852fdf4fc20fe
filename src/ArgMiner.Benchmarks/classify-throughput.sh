#!/usr/bin/env bash
# End-to-end throughput of `argminer classify` on one core: the whole process (start, model load, reading
# lines, scoring, writing the CSV) over LINES input lines, pinned to one CPU with taskset. Prints each run and
# the median in lines/s.
#   src/ArgMiner.Benchmarks/classify-throughput.sh [LINES=1000000] [RUNS=3] [SOURCE=corpus|ud|long]
# corpus: the sentences of corpus/labelled, repeated to LINES (about 4,400 distinct lines, so the model's
# weights stay warmer in cache than on real input); ud: the 16,600 sentences of UD English EWT train + dev from
# ../shared, repeated (read there, written to a temp folder, never into the repository); long: the same UD
# sentences joined with their successors into lines of 125-160 characters (about 140 on average, op-ed
# sentence length; one line per starting sentence, about 6,000 distinct lines), repeated.
# JOBS (default 1) is passed as classify's --jobs; with 1 the process is pinned to one CPU, with more it is not.
# The published tool is measured (publishing takes a few minutes); BIN=FILE measures that build instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
lines=${1:-1000000}; runs=${2:-3}; source=${3:-corpus}
work=$(mktemp -d /tmp/argminer-classify.XXXXXX)
trap 'rm -rf "$work"' EXIT

case "$source" in
  corpus) python3 - "$root/corpus/labelled" > "$work/distinct.txt" <<'PY'
import csv, glob, sys
for path in sorted(glob.glob(sys.argv[1] + "/*.csv")):
    for row in csv.DictReader(open(path, encoding="utf-8")):
        print(" ".join(row["text"].split()))
PY
  ;;
  ud) ud="$root/../shared/corpora/ud-english-ewt"
      [ -d "$ud" ] || { echo "needs ../shared/corpora/ud-english-ewt" >&2; exit 1; }
      grep -h '^# text = ' "$ud/en_ewt-ud-train.conllu" "$ud/en_ewt-ud-dev.conllu" | sed 's/^# text = //' > "$work/distinct.txt" ;;
  long) ud="$root/../shared/corpora/ud-english-ewt"
      [ -d "$ud" ] || { echo "needs ../shared/corpora/ud-english-ewt" >&2; exit 1; }
      grep -h '^# text = ' "$ud/en_ewt-ud-train.conllu" "$ud/en_ewt-ud-dev.conllu" | sed 's/^# text = //' | python3 -c '
import sys
lines = [l.strip() for l in sys.stdin.read().split("\n") if l.strip()]
for i, line in enumerate(lines):
    j = i + 1
    while len(line) < 125 and j < len(lines):
        line += " " + lines[j]
        j += 1
    if 125 <= len(line) <= 160:
        print(line)
' > "$work/distinct.txt" ;;
  *) echo "SOURCE is corpus, ud or long" >&2; exit 2 ;;
esac
awk -v n="$lines" '{a[NR]=$0} END {for (i = 0; i < n; i++) print a[i % NR + 1]}' "$work/distinct.txt" > "$work/input.txt"

# The tool as users install it (`dotnet publish`: self-contained, one composite ReadyToRun image), as
# throughput.sh measures it; BIN=path/to/argminer measures another build (e.g. one published from an older commit,
# for runs interleaved by hand).
if [ -n "${BIN:-}" ]; then
  bin=$BIN
else
  dotnet publish -c Release "$root/src/ArgMiner.Cli" -o "$work/argminer" >/dev/null
  bin="$work/argminer/argminer"
fi
jobs=${JOBS:-1}
pin=(); [ "$jobs" = 1 ] && command -v taskset >/dev/null && pin=(taskset -c 0)
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
: > "$work/times"
for i in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$work/t" "${pin[@]}" "$bin" classify --jobs "$jobs" --input "$work/input.txt" --out "$work/out.csv"
  read -r secs kb < "$work/t"
  echo "classify --jobs $jobs, $lines lines ($source): ${secs} s wall, $(awk -v n="$lines" -v s="$secs" 'BEGIN{printf "%.0f", n/s}') lines/s, peak RSS $((kb / 1024)) MB"
  echo "$secs" >> "$work/times"
done
med=$(median < "$work/times")
echo "median: ${med} s, $(awk -v n="$lines" -v s="$med" 'BEGIN{printf "%.0f", n/s}') lines/s, --jobs $jobs ($(wc -l < "$work/distinct.txt") distinct lines)"
