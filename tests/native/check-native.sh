#!/usr/bin/env bash
# Holds the native tool (deploy/publish-native.sh) to the full build: the same commands on the same inputs must write
# the same bytes, the commands the native tool hands over must run in the full build, and without the full build
# beside it the native tool must say so in one line. Exits non-zero on the first difference.
#   tests/native/check-native.sh [PUBLISHED]   (PUBLISHED: a folder deploy/publish-native.sh wrote; else it publishes one)
# Inputs: the project's own articles, web page and labelled sentences, Markdown and JSON Lines made from them, damaged
# files, and, when ../shared is there, the IBM Debater articles (1,289 real documents) with one and two jobs.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/argminer-native-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ -n "${1:-}" ]; then
  tool=$(cd "$1" && pwd)
else
  tool="$work/tool"
  "$root/deploy/publish-native.sh" "$tool"
fi
native="$tool/argminer"; full="$tool/argminer-full"
[ -x "$native" ] && [ -x "$full" ] || { echo "check-native: $tool holds no argminer and argminer-full" >&2; exit 1; }
failures=0
fail() { echo "check-native: FAILED: $*" >&2; failures=$((failures + 1)); }

# Inputs.
in="$work/in"; mkdir -p "$in/mixed"
cp "$root"/corpus/articles/*.txt "$root"/corpus/pages/*.html "$in/mixed/"
python3 - "$root/corpus/labelled/part-a.csv" "$in" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
out = sys.argv[2]
with open(out + "/lines.txt", "w", encoding="utf-8") as f:
    for r in rows:
        f.write(" ".join(r["text"].split()) + "\n")
with open(out + "/mixed/notes.md", "w", encoding="utf-8") as f:
    f.write("# Notes on the week\n\n")
    for i, r in enumerate(rows[:60]):
        f.write(("## Part %d\n\n" % (i // 20)) if i % 20 == 0 else "")
        f.write(" ".join(r["text"].split()) + ("\n\n" if i % 3 == 2 else " "))
with open(out + "/mixed/posts.jsonl", "w", encoding="utf-8") as f:
    for i in range(0, 90, 9):
        f.write(json.dumps({"id": "post-%d" % i, "title": "Post %d" % i, "text": " ".join(" ".join(r["text"].split()) for r in rows[i:i + 9])}) + "\n")
    f.write('{"id": "broken", "text": \n')
PY
printf 'caf\xe9 \xff\xfe bad bytes\n' > "$in/mixed/bad-utf8.txt"
head -c 4096 /dev/urandom > "$in/mixed/binary.txt"
: > "$in/mixed/empty.txt"

# The same command through both tools: exit codes, standard error (paths made alike) and every output file compared.
same() { # name, then the arguments after the tool; OUT in them is replaced by each tool's own output folder
  local name=$1; shift
  local a=() b=()
  for arg in "$@"; do a+=("${arg//OUT/$work/$name.native}"); b+=("${arg//OUT/$work/$name.full}"); done
  set +e
  "$native" "${a[@]}" > "$work/$name.native.stdout" 2> "$work/$name.native.stderr"; local sa=$?
  "$full" "${b[@]}" > "$work/$name.full.stdout" 2> "$work/$name.full.stderr"; local sb=$?
  set -e
  local before=$failures
  [ "$sa" = "$sb" ] || fail "$name: exit $sa (native) against $sb (full)"
  # The run's summary line names its own output folder, time, speed and memory: those are made alike.
  for stream in stdout stderr; do
    sed -e "s#$work/$name.native#OUT#g" -e 's/ in [0-9.]* s ([^)]*)//' "$work/$name.native.$stream" > "$work/a.$stream"
    sed -e "s#$work/$name.full#OUT#g" -e 's/ in [0-9.]* s ([^)]*)//' "$work/$name.full.$stream" > "$work/b.$stream"
    cmp -s "$work/a.$stream" "$work/b.$stream" || { fail "$name: standard $stream differs"; diff "$work/a.$stream" "$work/b.$stream" | head -5 >&2; }
  done
  if [ -e "$work/$name.native" ] || [ -e "$work/$name.full" ]; then
    diff -r "$work/$name.native" "$work/$name.full" > /dev/null || { fail "$name: output files differ"; diff -rq "$work/$name.native" "$work/$name.full" | head -5 >&2; }
  fi
  if [ -e "$work/$name.native.csv" ] || [ -e "$work/$name.full.csv" ]; then
    cmp -s "$work/$name.native.csv" "$work/$name.full.csv" || fail "$name: the written CSV differs"
  fi
  [ "$failures" = "$before" ] || return 0
  echo "check-native: $name: the same (exit $sa)"
}

same run-all-formats run "$in/mixed" --out OUT --format csv,jsonl,xlsx,html,parquet
same run-two-jobs run "$in/mixed" --out OUT --jobs 2 --format csv,jsonl
same run-text-pipeline run "$in/mixed" --out OUT --pipeline text
same classify classify --input "$in/lines.txt" --out OUT.csv
same classify-tagged classify --input "$in/lines.txt" --out OUT.csv --tag --jobs 2
same classify-explain classify --input "$in/lines.txt" --out OUT.csv --explain
same shard-0 run "$in/mixed" --out OUT --shard 0/2
same shard-1 run "$in/mixed" --out OUT --shard 1/2
same merge merge "$work/shard-0.full" "$work/shard-1.full" --out OUT --format csv,jsonl,xlsx
same usage-error run "$in/mixed"
head -c 5000 "$root/models/sentence-classifier.model" > "$in/damaged.model"
same damaged-model run "$in/mixed" --out OUT --model "$in/damaged.model"
same missing-input run "$in/no-such-folder" --out OUT
python3 -c 'import sys; sys.stdout.write("word " * 400000 + "\n")' > "$in/one-long-line.txt"
same long-line classify --input "$in/one-long-line.txt" --out OUT.csv
# Handed to the full build: the same result as the full build's own.
same handed-mlnet classify --input "$in/lines.txt" --out OUT.csv --engine mlnet
same handed-evaluate-text evaluate-text --ud /dev/null
same handed-help train --help
same handed-root-help --help
head -20 "$in/lines.txt" > "$in/twenty.txt"
same handed-accurate classify --input "$in/twenty.txt" --out OUT.csv --model accurate
if [ -d "$root/../shared/corpora/ibm-ce-emnlp-2015/articles" ]; then
  same ibm-articles run "$root/../shared/corpora/ibm-ce-emnlp-2015/articles" --out OUT --format csv,jsonl,parquet
  same ibm-articles-two-jobs run "$root/../shared/corpora/ibm-ce-emnlp-2015/articles" --out OUT --jobs 2 --format csv,jsonl
  # Stopped half way (SIGTERM), each tool says so in one line, exit 130, and leaves no output folder.
  for t in "$native" "$full"; do
    rm -rf "$work/stopped"
    "$t" run "$root/../shared/corpora/ibm-ce-emnlp-2015/articles" --out "$work/stopped" > /dev/null 2> "$work/stopped.err" & pid=$!
    sleep 1.5; kill -TERM "$pid"; set +e; wait "$pid"; status=$?; set -e
    if [ "$status" = 130 ] && grep -qE '^argminer: interrupted after [0-9]+ documents; nothing written' "$work/stopped.err" && [ ! -e "$work/stopped" ]; then
      echo "check-native: stopped ($(basename "$t")): $(cat "$work/stopped.err")"
    else
      fail "stopped ($(basename "$t")): exit $status, $(head -c 300 "$work/stopped.err")"
    fi
  done
else
  echo "check-native: ../shared not found; the IBM Debater articles were not compared"
fi

# Alone, without the full build, the native tool runs `run` and names what it cannot do in one line.
mkdir -p "$work/alone" && cp "$native" "$work/alone/argminer"
"$work/alone/argminer" run "$root/corpus/articles" --out "$work/alone-out" 2> /dev/null || fail "alone: run failed"
set +e
"$work/alone/argminer" train --data "$root/corpus/labelled/seeds.csv" --out "$work/m.model" > /dev/null 2> "$work/alone.err"; status=$?
set -e
[ "$status" = 1 ] && [ "$(wc -l < "$work/alone.err")" = 1 ] && grep -q "needs the full build (argminer-full)" "$work/alone.err" \
  || { fail "alone: train gave exit $status and: $(head -c 300 "$work/alone.err")"; }
echo "check-native: alone: $(cat "$work/alone.err")"

if [ "$failures" -gt 0 ]; then echo "check-native: $failures difference(s)" >&2; exit 1; fi
echo "check-native: the native tool and the full build agree on every check"
