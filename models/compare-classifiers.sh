#!/usr/bin/env bash
# Measures a candidate sentence classifier against another by the decision rule the model cards use
# (models/sentence-classifier.md and models/accurate-classifier.md, sessions 20 and 21):
#   1. the paired bootstrap 95 % interval of the macro-F1 difference, candidate minus baseline, on the four
#      disjoint held-out sets together (held-out UD EWT train documents, UD EWT dev, the WNUT-17 held-out posts
#      read as a comment thread, the WNUT-17 Twitter posts outside the recipe: 9,888 sentences, 3,092 documents),
#      resampling documents; a change ships only when the interval lies above 0;
#   2. each target set's macro-F1 for both models (a change ships only when none falls more than 0.005): the five
#      UD genres pooled (dev + held-out train documents), the comments as a thread and bare, the Twitter posts,
#      held-out UD, UD dev; NewsSD val and the IBM held-out motions are printed beside them, outside the rule.
# Every set is held out from the shipped recipes (never trained on). Speed and size, the rule's other two
# conditions, are measured apart (README, "Measured figures").
#
#   models/compare-classifiers.sh CANDIDATE [BASELINE]
#
# CANDIDATE and BASELINE are model files or 'shipped' (the default model) or 'accurate' (the accurate tier);
# BASELINE defaults to 'shipped'. Both are scored by this checkout's build, with its embedded taggers. When the
# taggers change too (a classifier reads the entity types and number kinds), score the baseline in the old checkout
# with `argminer evaluate --model BASELINE --predictions OLD.csv --data <the four sets below>`, then step 1 in the new
# one with `--against-predictions OLD.csv` in place of `--against` (session 25 did this for the entity model).
# Reads the external corpora from ../shared/corpora (ARGMINER_SHARED overrides); without them it says so and exits 2. About 2 minutes for two fast models, 10 for two accurate tiers.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${ARGMINER_SHARED:-$root/../shared}
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
candidate=$1; baseline=${2:-shipped}
ud="$shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu"
dev="$shared/corpora/ud-english-ewt/en_ewt-ud-dev.conllu"
wnut="$shared/corpora/wnut17"
for f in "$ud" "$dev" "$wnut/emerging.dev.conll" "$wnut/emerging.test.annotated" "$wnut/wnut17train.conll"; do
  [ -f "$f" ] || { echo "compare-classifiers: needs $f (the external corpora beside the project, or ARGMINER_SHARED)" >&2; exit 2; }
done

dotnet build -c Release "$root/src/ArgMiner.Cli" -v q -nologo >/dev/null
argminer() { dotnet "$root/src/ArgMiner.Cli/bin/Release/net10.0/argminer.dll" "$@"; }
ext="$root/corpus/external"

echo "== 1. the four held-out sets together: $candidate minus $baseline (paired, 1000 resamples of documents)"
argminer evaluate --model "$candidate" --against "$baseline" --bootstrap 1000 \
  --data "$ud#labels=$ext/ud-ewt-train.heldout.labels" "$dev#labels=$ext/ud-ewt-dev.labels" \
         "$wnut/emerging.dev.conll#labels=$ext/wnut17-dev.heldout-comments.labels" \
         "$wnut/emerging.test.annotated#labels=$ext/wnut17-test.heldout-comments.labels" \
         "$wnut/wnut17train.conll#labels=$ext/wnut17-train.outside-recipe.labels" \
  | awk '/^  sentences|macro-F1 95 %|minus/ && n < 3 { print; n++ }'

# 'shipped' is the default model: evaluate without --model.
f1() {
  local model=(--model "$1"); [ "$1" = shipped ] && model=()
  argminer evaluate "${model[@]}" "${@:2}" 2>&1 | grep -m1 'macro-F1' | sed 's/.*macro-F1 \([0-9.]*\).*/\1/'
}
row() {
  local name=$1; shift
  printf '%-34s %8s %8s\n' "$name" "$(f1 "$candidate" "$@")" "$(f1 "$baseline" "$@")"
}
echo "== 2. macro-F1 per set"
printf '%-34s %8s %8s\n' "set" "candidate" "baseline"
for genre in weblog newsgroup reviews answers email; do
  row "UD pooled $genre" --data "$dev#labels=$ext/ud-ewt-dev-$genre.labels" "$ud#labels=$ext/ud-ewt-train.heldout-$genre.labels"
done
row "WNUT-17 held-out, as a thread" --data "$wnut/emerging.dev.conll#labels=$ext/wnut17-dev.heldout-comments.labels" "$wnut/emerging.test.annotated#labels=$ext/wnut17-test.heldout-comments.labels"
row "WNUT-17 held-out, bare" --data "$wnut/emerging.dev.conll#labels=$ext/wnut17-dev.heldout.labels" "$wnut/emerging.test.annotated#labels=$ext/wnut17-test.heldout.labels"
row "Twitter outside the recipe" --data "$wnut/wnut17train.conll#labels=$ext/wnut17-train.outside-recipe.labels"
row "held-out UD train documents" --data "$ud#labels=$ext/ud-ewt-train.heldout.labels"
row "UD dev" --data "$dev#labels=$ext/ud-ewt-dev.labels"
row "NewsSD val (outside the rule)" --data "$shared/corpora/newssd-eng/val.csv#labels=$ext/newssd-eng-val.labels"
row "IBM held-out (outside the rule)" --data "$shared/corpora/ibm-ce-emnlp-2015#held-out" --labels claim,evidence
