#!/usr/bin/env bash
# End-to-end throughput of `argminer run` (whole process: MB/s, tokens/s, peak memory) on a few MB of
# real text (UD English EWT train, from ../shared, written to a temp folder, never into the repository),
# side by side with wink-nlp on the same files (../shared/peers). Prints each run and the ratio of medians.
#   src/ArgMiner.Benchmarks/throughput.sh [RUNS=3] [REPEAT=4] [WINK_MODE=tok]
# tok compares `argminer run --pipeline text` (tokenize + split) with wink's tokens and sentences;
# full compares the whole `argminer run` (adds POS, entities, numbers and labels) with wink's pos + ner.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared="$root/../shared"
runs=${1:-3}; repeat=${2:-4}; mode=${3:-tok}
pipeline=$([ "$mode" = tok ] && echo text || echo full)
work=$(mktemp -d /tmp/argminer-throughput.XXXXXX)
trap 'rm -rf "$work"' EXIT
[ -f "$shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu" ] || { echo "needs ../shared/corpora/ud-english-ewt" >&2; exit 1; }

dotnet run -c Release --project "$root/src/ArgMiner.Benchmarks" -- prepare-text "$shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu" "$work/text" "$repeat"
dotnet publish -c Release "$root/src/ArgMiner.Cli" -o "$work/argminer" >/dev/null
cp -r "$shared/peers" "$work/peers" && chmod -R u+w "$work/peers"
(cd "$work/peers" && ./setup.sh >/dev/null)

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
: > "$work/ours"; : > "$work/wink"
for i in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$work/t" "$work/argminer/argminer" run "$work/text" --out "$work/out" --jobs 1 --format csv,jsonl --pipeline "$pipeline"
  read -r secs kb < "$work/t"; echo "argminer run --jobs 1 --pipeline $pipeline: ${secs} s wall, peak RSS $((kb / 1024)) MB"; echo "$secs" >> "$work/ours"
  /usr/bin/time -f "%e %M" -o "$work/t" node "$work/peers/wink_bench.js" "$mode" "$work/text"
  read -r secs kb < "$work/t"; echo "wink-nlp $mode: ${secs} s wall, peak RSS $((kb / 1024)) MB"; echo "$secs" >> "$work/wink"
done
ours=$(median < "$work/ours"); wink=$(median < "$work/wink")
echo "median whole-process wall time: argminer ${ours} s, wink-nlp ${mode} ${wink} s; ratio wink/argminer = $(awk -v a="$ours" -v b="$wink" 'BEGIN{printf "%.2f", b/a}')"
