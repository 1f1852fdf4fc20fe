#!/usr/bin/env bash
# End-to-end throughput of `argminer run` (whole process: MB/s, tokens/s, peak memory) on a few MB of
# real text (UD English EWT train, from ../shared, written to a temp folder, never into the repository),
# side by side with wink-nlp on the same files (../shared/peers). Prints each run and the ratio of medians.
#   src/ArgMiner.Benchmarks/throughput.sh [RUNS=3] [REPEAT=4] [WINK_MODE=tok]
# tok compares `argminer run --pipeline text` (tokenize + split) with wink's tokens and sentences;
# full compares the whole `argminer run` (adds POS, entities, numbers and labels) with wink's pos + ner.
# JOBS (environment, default 1) is argminer's --jobs; NATIVE=1 measures the native tool, BIN=FILE another build. CPU time (user + system) is printed beside wall time:
# on a shared machine it is the steadier figure. ARGMINER_PROFILE=1 adds argminer's own time breakdown.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared="$root/../shared"
runs=${1:-3}; repeat=${2:-4}; mode=${3:-tok}
pipeline=$([ "$mode" = tok ] && echo text || echo full)
work=$(mktemp -d /tmp/argminer-throughput.XXXXXX)
trap 'rm -rf "$work"' EXIT
[ -f "$shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu" ] || { echo "needs ../shared/corpora/ud-english-ewt" >&2; exit 1; }

dotnet run -c Release --project "$root/src/ArgMiner.Benchmarks" -- prepare-text "$shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu" "$work/text" "$repeat"
# The tool as users publish it: the ReadyToRun build, or with NATIVE=1 the native tool (deploy/publish-native.sh);
# BIN=FILE measures that build instead (publishing nothing).
if [ -n "${BIN:-}" ]; then
  mkdir -p "$work/argminer" && ln -s "$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")" "$work/argminer/argminer"
elif [ "${NATIVE:-0}" = 1 ]; then
  "$root/deploy/publish-native.sh" "$work/argminer" >/dev/null
else
  dotnet publish -c Release "$root/src/ArgMiner.Cli" -o "$work/argminer" >/dev/null
fi
cp -r "$shared/peers" "$work/peers" && chmod -R u+w "$work/peers"
(cd "$work/peers" && ./setup.sh >/dev/null)

jobs=${JOBS:-1}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
: > "$work/ours"; : > "$work/wink"; : > "$work/ours-cpu"; : > "$work/wink-cpu"
for i in $(seq "$runs"); do
  rm -rf "$work/out"
  /usr/bin/time -f "%e %M %U %S" -o "$work/t" "$work/argminer/argminer" run "$work/text" --out "$work/out" --jobs "$jobs" --format csv,jsonl --pipeline "$pipeline"
  read -r secs kb user sys < "$work/t"; cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')
  echo "argminer run --jobs $jobs --pipeline $pipeline: ${secs} s wall, ${cpu} s CPU, peak RSS $((kb / 1024)) MB"; echo "$secs" >> "$work/ours"; echo "$cpu" >> "$work/ours-cpu"
  /usr/bin/time -f "%e %M %U %S" -o "$work/t" node "$work/peers/wink_bench.js" "$mode" "$work/text"
  read -r secs kb user sys < "$work/t"; cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')
  echo "wink-nlp $mode: ${secs} s wall, ${cpu} s CPU, peak RSS $((kb / 1024)) MB"; echo "$secs" >> "$work/wink"; echo "$cpu" >> "$work/wink-cpu"
done
ours=$(median < "$work/ours"); wink=$(median < "$work/wink")
ours_cpu=$(median < "$work/ours-cpu"); wink_cpu=$(median < "$work/wink-cpu")
echo "median whole-process wall time: argminer ${ours} s, wink-nlp ${mode} ${wink} s; argminer/wink = $(awk -v a="$ours" -v b="$wink" 'BEGIN{printf "%.2f", a/b}')"
echo "median whole-process CPU time: argminer ${ours_cpu} s, wink-nlp ${mode} ${wink_cpu} s; argminer/wink = $(awk -v a="$ours_cpu" -v b="$wink_cpu" 'BEGIN{printf "%.2f", a/b}')"
