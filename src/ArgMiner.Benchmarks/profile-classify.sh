#!/usr/bin/env bash
# Where `argminer classify --jobs 1` spends its CPU (issues 9 and 12): the published tool under `perf record -g`,
# pinned to one core, each sample put in a category (reading, featurizing by step, scoring, formatting, writing,
# model loading, JIT) by run-profile.py --classify. The input is a file of one sentence per line (e.g. the long
# lines classify-throughput.sh builds). Needs perf (apt-get install linux-perf).
#   src/ArgMiner.Benchmarks/profile-classify.sh INPUT [--hot]
# --hot also lists the hottest methods (self time). ARGMINER_PUBLISHED=DIR reuses a folder published with
# -p:PublishReadyToRunEmitSymbols=true (profile-run.sh says why the symbol map is needed).
# Hot featurizer helpers are inlined into their callers (FeatureVectorBuilder.Add into the word and n-gram loops),
# so a category holds the work of what it calls unless that call stays a call.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
input=${1:?input file}; hot=${2:-}
work=$(mktemp -d /tmp/argminer-profile.XXXXXX)
trap 'rm -rf "$work"' EXIT
# shellcheck source=profile-lib.sh
. "$root/src/ArgMiner.Benchmarks/profile-lib.sh"
tool=$(profile_tool "$work")
PERF_DATA="$work/perf.data"
FREQUENCY=4000 profile_record "$tool/argminer" classify --jobs 1 --input "$input" --out "$work/out.csv"
python3 "$root/src/ArgMiner.Benchmarks/run-profile.py" "$PERF_DATA" "$tool/argminer.r2r.ni.r2rmap" --classify ${hot:+--hot}
profile_clean
