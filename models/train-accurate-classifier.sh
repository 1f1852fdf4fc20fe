#!/usr/bin/env bash
# Trains and measures the opt-in accurate tier (argminer classify/run --model accurate): the fast sentence
# classifier, trained by the shipped recipe exactly as models/train-sentence-classifier.sh trains it, gated
# into a stacker over the ArcticXs and MiniLM sentence encoders' vectors and the fast model's out-of-fold
# probabilities and the label shares of the 20 nearest real-text training sentences (a bank of their vectors kept in
# the model, format 3), then the tier's own document-context stage (fitted on the stacker's out-of-fold probabilities).
#
#   models/train-accurate-classifier.sh [OUT_MODEL]
#
# Prints, for the fast model, the stacker alone (1.0*) and the accurate tier at gates 0.5 to 1.0, 4-way macro-F1 and per-class F1 on
# every held-out set (never trained on): UD EWT held-out documents, NewsSD val under the project's labels,
# the IBM held-out motions (claim vs evidence), the WNUT-17 held-out comment posts (dev and test files apart), and the seed articles with both tiers trained without them.
# Sentence vectors are cached in ${ARGMINER_EMBEDDING_CACHE:-/tmp/argminer-embeddings} (never the repository):
# the first run embeds about 25,000 sentences with each encoder (about 10 minutes each on one busy core).
# Paste the figures into models/accurate-classifier.md. The model is written to OUT_MODEL (default: a
# temporary file that is deleted), and is shipped only if it earns its place (see that card). The file it writes has no
# fine-tuned encoder (format 3): models/fine-tune-encoder.sh OUT_MODEL OUT_MODEL mixes one in, as the shipped tier has;
# or TUNED_FROM=TIER_FILE (e.g. models/accurate-classifier.model) mixes in that tier's fine-tuned encoders, which learn
# from the recipe's sentences and labels alone and so stay valid when the fast model or the taggers are retrained.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${ARGMINER_SHARED:-$root/../shared}
cache=${ARGMINER_EMBEDDING_CACHE:-/tmp/argminer-embeddings}
dotnet build -c Release "$root/src/ArgMiner.Cli" -v q -nologo >/dev/null
argminer() { dotnet "$root/src/ArgMiner.Cli/bin/Release/net10.0/argminer.dll" "$@"; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
model=${1:-$out/accurate-classifier.model}
ud="$shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu"
dev="$shared/corpora/ud-english-ewt/en_ewt-ud-dev.conllu"
ext="$root/corpus/external"
tuned=()
if [ -n "${TUNED_FROM:-}" ]; then tuned=(--tuned-from "$TUNED_FROM"); fi
echo "== accurate tier vs its fast model on held-out real text"
argminer train-accurate --from-shipped --shared "$shared" --neighbours 20 "${tuned[@]}" \
  --embedding-cache "$cache" --gate "${ARGMINER_GATE:-1}" --out "$model" \
  --evaluate "$dev#labels=$ext/ud-ewt-dev.labels" \
  --evaluate "$dev#labels=$ext/ud-ewt-dev-weblog.labels" \
  --evaluate "$dev#labels=$ext/ud-ewt-dev-newsgroup.labels" \
  --evaluate "$dev#labels=$ext/ud-ewt-dev-reviews.labels" \
  --evaluate "$dev#labels=$ext/ud-ewt-dev-answers.labels" \
  --evaluate "$dev#labels=$ext/ud-ewt-dev-email.labels" \
  --evaluate "$ud#labels=$ext/ud-ewt-train.heldout.labels" \
  --evaluate "$ud#labels=$ext/ud-ewt-train.heldout-rounds12.labels" \
  --evaluate "$ud#labels=$ext/ud-ewt-train.heldout-round1.labels" \
  --evaluate "$ud#labels=$ext/ud-ewt-train.heldout-weblog.labels" \
  --evaluate "$ud#labels=$ext/ud-ewt-train.heldout-newsgroup.labels" \
  --evaluate "$ud#labels=$ext/ud-ewt-train.heldout-reviews.labels" \
  --evaluate "$ud#labels=$ext/ud-ewt-train.heldout-answers.labels" \
  --evaluate "$ud#labels=$ext/ud-ewt-train.heldout-email.labels" \
  --evaluate "$shared/corpora/ibm-ce-emnlp-2015/articles#labels=$ext/ibm-articles.heldout.labels" \
  --evaluate "$shared/corpora/ibm-ce-emnlp-2015/articles#labels=$ext/ibm-articles.labels" \
  --evaluate "$shared/corpora/newssd-eng/val.csv#labels=$ext/newssd-eng-val.labels" \
  --evaluate "$shared/corpora/ibm-ce-emnlp-2015#held-out" \
  --evaluate "$shared/corpora/wnut17/emerging.dev.conll#labels=$ext/wnut17-dev.heldout.labels" \
  --evaluate "$shared/corpora/wnut17/emerging.test.annotated#labels=$ext/wnut17-test.heldout.labels"
echo "== The tier's temperature, fitted on UD EWT dev (held out; labels never change), so its confidence reads as a probability"
argminer calibrate --model "$model" --data "$dev#labels=$ext/ud-ewt-dev.labels" --out "$out/calibrated.model"
mv "$out/calibrated.model" "$model"
echo "== Pooled per genre (UD dev + the held-out UD train documents of the genre), the tier through 'evaluate --model', as run uses it"
for genre in weblog newsgroup reviews answers email; do
  argminer evaluate --model "$model" --bootstrap 1000 \
    --data "$dev#labels=$ext/ud-ewt-dev-$genre.labels" "$ud#labels=$ext/ud-ewt-train.heldout-$genre.labels" | awk '/^model |^  sentences|macro-F1 95 %/ && n < 3 { print; n++ }'
done
echo "== WNUT-17 held-out comment posts, dev and test together, the tier through 'evaluate --model'"
argminer evaluate --model "$model" \
  --data "$shared/corpora/wnut17/emerging.dev.conll#labels=$ext/wnut17-dev.heldout.labels" \
         "$shared/corpora/wnut17/emerging.test.annotated#labels=$ext/wnut17-test.heldout.labels" | grep -m1 -A8 'macro-F1'
echo "== The same posts read as a comment thread (as run reads them), then the Twitter posts kept out of the recipe (never trained on)"
argminer evaluate --model "$model" \
  --data "$shared/corpora/wnut17/emerging.dev.conll#labels=$ext/wnut17-dev.heldout-comments.labels" \
         "$shared/corpora/wnut17/emerging.test.annotated#labels=$ext/wnut17-test.heldout-comments.labels" | grep -m1 'macro-F1'
argminer evaluate --model "$model" \
  --data "$shared/corpora/wnut17/wnut17train.conll#labels=$ext/wnut17-train.outside-recipe.labels" | grep -m1 'macro-F1'
echo "== The 145 seed sentences, both tiers trained on the same data without them"
argminer train-accurate --from-shipped --shared "$shared" --neighbours 20 --leave-out seeds \
  --embedding-cache "$cache" --gate "${ARGMINER_GATE:-1}" \
  --evaluate "$root/corpus/labelled/seeds.csv"
echo "== Against the shipped tier (the file inside this build), the four disjoint held-out sets together: the paired 95 % interval of the difference"
argminer evaluate --model "$model" --against accurate --bootstrap 1000 \
  --data "$ud#labels=$ext/ud-ewt-train.heldout.labels" "$dev#labels=$ext/ud-ewt-dev.labels" \
         "$shared/corpora/wnut17/emerging.dev.conll#labels=$ext/wnut17-dev.heldout-comments.labels" \
         "$shared/corpora/wnut17/emerging.test.annotated#labels=$ext/wnut17-test.heldout-comments.labels" \
         "$shared/corpora/wnut17/wnut17train.conll#labels=$ext/wnut17-train.outside-recipe.labels" | awk '/^  sentences|macro-F1 95 %|minus/ && n < 3 { print; n++ }'
