#!/usr/bin/env bash
# Four `argminer run` processes started at the same moment into one --out, ROUNDS times (README, "All new or all
# old"). Each reads its own input folder (documents p1_*, p2_*, ...), so after each round the published folder must
# hold one run's whole set: documents.csv, sentences.csv, numbers.csv and documents.jsonl all of one prefix, 40
# documents. The other runs must be refused with one line naming the process of the run that holds the folder (no
# stack trace), and nothing may be left beside the folder. Works in a temp folder, never in the repository.
#   src/ArgMiner.Benchmarks/simultaneous-runs.sh [ROUNDS=10] [ARGMINER_DLL=src/ArgMiner.Cli/bin/Release/net10.0/argminer.dll]
# Build first (dotnet build -c Release ArgMiner.sln). Exits 1 if any round fails.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-10}
dll=$(realpath "${2:-$root/src/ArgMiner.Cli/bin/Release/net10.0/argminer.dll}")
work=$(mktemp -d /tmp/argminer-simultaneous.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
for p in 1 2 3 4; do
  mkdir in$p
  for i in $(seq 1 40); do
    printf 'Run %s file %s. We should ban cars because they pollute the air in 2024. However, some people disagree.\n\nThe council said 40 %% of residents agree.\n' $p $i > in$p/p${p}_$i.txt
  done
done

prefixes() { sed -e '1d' -e 's/^\xEF\xBB\xBF//' "$@" | cut -d_ -f1 | sort -u | tr '\n' ' '; }
mixed=0; published=0; refused=0; bad=0; leftovers=0
for r in $(seq 1 "$rounds"); do
  rm -f go r.*
  declare -A pid=()
  for p in 1 2 3 4; do
    ( while [ ! -e go ]; do :; done; exec dotnet "$dll" run in$p --out out >r.$p.out 2>r.$p.err ) &
    pid[$p]=$!
  done
  sleep 0.3; touch go
  codes=""; winners=""
  for p in 1 2 3 4; do wait "${pid[$p]}"; rc=$?; codes="$codes$rc "; [ $rc = 0 ] && winners="$winners ${pid[$p]}"; done
  docs=$(prefixes out/documents.csv); sents=$(prefixes out/sentences.csv); nums=$(prefixes out/numbers.csv)
  json=$(grep -o '"id":"p[0-9]*_' out/documents.jsonl | cut -d'"' -f4 | tr -d _ | sort -u | tr '\n' ' ')
  count=$(($(wc -l < out/documents.csv) - 1))
  state=ok
  if [ "$(echo $docs | wc -w)" != 1 ] || [ "$docs" != "$sents" ] || [ "$docs" != "$nums" ] || [ "$docs" != "$json" ] || [ "$count" != 40 ]; then
    state=MIXED; mixed=$((mixed + 1))
  fi
  for p in 1 2 3 4; do
    if grep -q . r.$p.out; then published=$((published + 1)); continue; fi
    refused=$((refused + 1))
    holder=$(grep -o 'process [0-9]*' r.$p.err | cut -d' ' -f2)
    if [ "$(wc -l < r.$p.err)" != 1 ] || grep -q '   at ' r.$p.err || ! grep -q 'is being written by another argminer run' r.$p.err \
       || { [ -n "$holder" ] && ! echo " ${pid[*]} " | grep -q " $holder "; }; then
      bad=$((bad + 1)); state="$state, p$p: $(head -c 300 r.$p.err)"
    fi
  done
  beside=$(ls -A | grep -v -x -E 'in[1-4]|out|go|r\.[1-4]\.(out|err)' | tr '\n' ' ')
  [ -n "$beside" ] && leftovers=$((leftovers + 1))
  echo "round $r: exit codes $codes| published set from ${docs:-nothing}($count documents) | ${beside:+left beside out: $beside| }$state"
done
echo "$rounds rounds x 4 runs: $((rounds - mixed)) one-run sets, $mixed mixed; $published runs published, $refused refused ($bad not with the one expected line); $leftovers rounds left files beside out"
[ $mixed = 0 ] && [ $bad = 0 ] && [ $leftovers = 0 ]
