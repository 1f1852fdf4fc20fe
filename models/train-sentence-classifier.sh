#!/usr/bin/env bash
# Trains the shipped sentence classifier (models/sentence-classifier.model) and measures it.
#
#   models/train-sentence-classifier.sh [LABELLED_CORPUS_PATH...]
#
# Default corpus: corpus/labelled. External data is read from ../shared/corpora (ARGMINER_SHARED overrides):
# NewsSD-ENG train with the project's own labels for it (corpus/external/newssd-eng-train.labels, weight 1),
# the IBM Debater claims/evidence of the 39 "train and test" motions (weight 0.3) and the real web text of
# UD English EWT train labelled by the project (corpus/external/ud-ewt-train.labels: weblogs, newsgroups,
# reviews, answers, e-mail; weight 1). Never trained on, only evaluated below: the held-out UD documents
# (corpus/external/ud-ewt-train.heldout*.labels), NewsSD val and the 19 IBM held-out motions. Last, a model
# trained without the seed articles is tested on them. Paste the printed figures into
# models/sentence-classifier.md. TRAINER_OPTIONS overrides the ML.NET trainer settings.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${ARGMINER_SHARED:-$root/../shared}
corpus=("$@")
if [ ${#corpus[@]} -eq 0 ]; then corpus=("$root/corpus/labelled"); fi

dotnet build -c Release "$root/src/ArgMiner.Cli" -v q -nologo >/dev/null
argminer() { dotnet "$root/src/ArgMiner.Cli/bin/Release/net10.0/argminer.dll" "$@"; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
read -r -a trainer <<< "${TRAINER_OPTIONS:---trainer sdca --l2 1e-4 --tolerance 0.001 --class-weight opinion=2}"
ud="$shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu"
ext="$root/corpus/external"
argminer train \
  --data "${corpus[@]}" \
         "$shared/corpora/newssd-eng/train.csv#labels=$ext/newssd-eng-train.labels" \
         "$shared/corpora/ibm-ce-emnlp-2015#train@0.3" \
         "$ud#labels=$ext/ud-ewt-train.labels" \
  --out "$out/sentence-classifier.model" --folds 5 --seed 1 "${trainer[@]}"
cp "$out/sentence-classifier.model" "$root/models/sentence-classifier.model"

echo "== UD English EWT, held-out documents (never trained on), all together and by genre, the project's labels"
argminer evaluate --model "$root/models/sentence-classifier.model" \
  --data "$ud#labels=$ext/ud-ewt-train.heldout-weblog.labels" "$ud#labels=$ext/ud-ewt-train.heldout-newsgroup.labels" \
         "$ud#labels=$ext/ud-ewt-train.heldout-reviews.labels" "$ud#labels=$ext/ud-ewt-train.heldout-answers.labels" \
         "$ud#labels=$ext/ud-ewt-train.heldout-email.labels"

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
echo "== The 145 seed sentences, by a model trained on the same data without them"
argminer train \
  --data "$root/corpus/labelled/part-a.csv" "$root/corpus/labelled/part-b.csv" "$root/corpus/labelled/part-c.csv" \
         "$shared/corpora/newssd-eng/train.csv#labels=$ext/newssd-eng-train.labels" \
         "$shared/corpora/ibm-ce-emnlp-2015#train@0.3" \
         "$ud#labels=$ext/ud-ewt-train.labels" \
  --out "$out/without-seeds.model" --folds 0 --seed 1 "${trainer[@]}" >/dev/null
argminer evaluate --model "$out/without-seeds.model" --data "$root/corpus/labelled/seeds.csv"
