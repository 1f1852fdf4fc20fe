#!/usr/bin/env bash
# Trains the shipped sentence classifier (models/sentence-classifier.model) and measures it.
#
#   models/train-sentence-classifier.sh [EXTRA_LABELLED_DATA...]
#
# The recipe (data and settings) is ArgMiner.Training's ShippedRecipe, the same one 'argminer train
# --from-shipped' uses: the project's corpus/labelled (copied beside the command at build time), NewsSD-ENG
# train with the project's labels for it (corpus/external/newssd-eng-train.labels), the IBM Debater
# claims/evidence of the 39 "train and test" motions (weight 0.3) and the real web text of UD English EWT
# train labelled by the project (corpus/external/ud-ewt-train.labels: weblogs, newsgroups, reviews, answers,
# e-mail) and the WNUT-17 comment posts' training posts and Twitter sample labelled by the project
# (corpus/external/wnut17-{dev,test,train}.labels). External data is read from ../shared/corpora (ARGMINER_SHARED overrides). Never trained on, only
# evaluated below: the held-out UD documents (corpus/external/ud-ewt-train.heldout*.labels), NewsSD val,
# the 19 IBM held-out motions, the WNUT-17 held-out posts (wnut17-*.heldout.labels) and the Twitter posts kept out of the recipe (wnut17-train.outside-recipe.labels). Last, a model trained without the seed articles is tested on them. Paste the
# printed figures into models/sentence-classifier.md. TRAINER_OPTIONS adds or overrides trainer settings.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${ARGMINER_SHARED:-$root/../shared}
extra=()
if [ $# -gt 0 ]; then extra=(--data "$@"); fi

dotnet build -c Release "$root/src/ArgMiner.Cli" -v q -nologo >/dev/null
argminer() { dotnet "$root/src/ArgMiner.Cli/bin/Release/net10.0/argminer.dll" "$@"; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
read -r -a trainer <<< "${TRAINER_OPTIONS:-}"
ud="$shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu"
ext="$root/corpus/external"
argminer train --from-shipped --shared "$shared" "${extra[@]}" \
  --out "$out/sentence-classifier.model" --folds 5 "${trainer[@]}"
cp "$out/sentence-classifier.model" "$root/models/sentence-classifier.model"

echo "== UD English EWT, held-out documents (never trained on), all together and by genre, the project's labels"
argminer evaluate --model "$root/models/sentence-classifier.model" \
  --data "$ud#labels=$ext/ud-ewt-train.heldout-weblog.labels" "$ud#labels=$ext/ud-ewt-train.heldout-newsgroup.labels" \
         "$ud#labels=$ext/ud-ewt-train.heldout-reviews.labels" "$ud#labels=$ext/ud-ewt-train.heldout-answers.labels" \
         "$ud#labels=$ext/ud-ewt-train.heldout-email.labels"
echo "== UD English EWT dev (all of it, never trained on), all together and by genre, the project's labels"
dev="$shared/corpora/ud-english-ewt/en_ewt-ud-dev.conllu"
argminer evaluate --model "$root/models/sentence-classifier.model" \
  --data "$dev#labels=$ext/ud-ewt-dev-weblog.labels" "$dev#labels=$ext/ud-ewt-dev-newsgroup.labels" \
         "$dev#labels=$ext/ud-ewt-dev-reviews.labels" "$dev#labels=$ext/ud-ewt-dev-answers.labels" \
         "$dev#labels=$ext/ud-ewt-dev-email.labels"
echo "== UD English EWT, dev and the held-out train documents pooled, by genre (the per-genre figures with the most gold sentences; 95 % intervals from resampling documents)"
for genre in weblog newsgroup reviews answers email; do
  argminer evaluate --model "$root/models/sentence-classifier.model" --bootstrap 1000 \
    --data "$dev#labels=$ext/ud-ewt-dev-$genre.labels" "$ud#labels=$ext/ud-ewt-train.heldout-$genre.labels"
done
echo "== UD English EWT, round 1's held-out documents only (the fixed set earlier models were measured on)"
argminer evaluate --model "$root/models/sentence-classifier.model" --data "$ud#labels=$ext/ud-ewt-train.heldout-round1.labels"
echo "== UD English EWT, rounds 1 and 2's held-out documents (the fixed set of the 2026-12-04 models)"
argminer evaluate --model "$root/models/sentence-classifier.model" --data "$ud#labels=$ext/ud-ewt-train.heldout-rounds12.labels"
echo "== UD English EWT, rounds 1 to 4's held-out documents (the fixed set of the 2026-12-04 evening models)"
argminer evaluate --model "$root/models/sentence-classifier.model" --data "$ud#labels=$ext/ud-ewt-train.heldout-rounds14.labels"
echo "== IBM Debater article sentences (Wikipedia) of the held-out motions (never trained on), the project's labels"
argminer evaluate --model "$root/models/sentence-classifier.model" \
  --data "$shared/corpora/ibm-ce-emnlp-2015/articles#labels=$ext/ibm-articles.heldout.labels" --labels claim,evidence,other

echo "== WNUT-17 held-out comment posts (YouTube, Reddit, Stack Exchange, Twitter; never trained on), the project's labels"
wnut="$shared/corpora/wnut17"
argminer evaluate --model "$root/models/sentence-classifier.model" --bootstrap 1000 \
  --data "$wnut/emerging.dev.conll#labels=$ext/wnut17-dev.heldout.labels" "$wnut/emerging.test.annotated#labels=$ext/wnut17-test.heldout.labels"
echo "== The same WNUT-17 held-out posts read as a comment thread (section comment, as run reads the comments after an article)"
argminer evaluate --model "$root/models/sentence-classifier.model" --bootstrap 1000 \
  --data "$wnut/emerging.dev.conll#labels=$ext/wnut17-dev.heldout-comments.labels" "$wnut/emerging.test.annotated#labels=$ext/wnut17-test.heldout-comments.labels"
echo "== WNUT-17 training-file Twitter posts labelled by the project and kept out of the recipe (never trained on; every other post read as a comment thread)"
argminer evaluate --model "$root/models/sentence-classifier.model" --bootstrap 1000 \
  --data "$wnut/wnut17train.conll#labels=$ext/wnut17-train.outside-recipe.labels"

echo "== NewsSD-ENG val (never trained on), SUBJ=claim|opinion, OBJ=evidence|other (the issue's measure)"
argminer evaluate --model "$root/models/sentence-classifier.model" \
  --data "$shared/corpora/newssd-eng/val.csv" --text-column Sentence --label-column Label \
  --map 'SUBJ=claim|opinion' --map 'OBJ=evidence|other'
echo "== IBM Debater held-out motions (never trained on), claim vs evidence"
argminer evaluate --model "$root/models/sentence-classifier.model" \
  --data "$shared/corpora/ibm-ce-emnlp-2015#held-out" --labels claim,evidence
echo "== NewsSD-ENG val (never trained on), the project's labels for it"
argminer evaluate --model "$root/models/sentence-classifier.model" \
  --data "$shared/corpora/newssd-eng/val.csv#labels=$ext/newssd-eng-val.labels"
echo "== The held-out guideline probes (corpus/probes: 228 standalone sentences of the guidelines' hard cases, never trained on), all and per case"
argminer evaluate --model "$root/models/sentence-classifier.model" --data "$root/corpus/probes/guideline-cases.csv"
python3 "$root/corpus/tools/probe_cases.py" "$root/models/sentence-classifier.model"
echo "== The 145 seed sentences, by a model trained on the same data without them (both stages: the folds train the second)"
argminer train --from-shipped --shared "$shared" --leave-out seeds --no-compare "${extra[@]}" \
  --out "$out/without-seeds.model" --folds 5 "${trainer[@]}" >/dev/null
argminer evaluate --model "$out/without-seeds.model" --data "$root/corpus/labelled/seeds.csv"
echo "== The same seed sentences through run (the layout's titles, headings and footers other by rule), the same model"
argminer run "$root/corpus/articles" --model "$out/without-seeds.model" --out "$out/seeds-run" --format csv >/dev/null
python3 "$root/corpus/tools/score_run_labels.py" "$out/seeds-run/sentences.csv" "$root/corpus/labelled/seeds.csv"
