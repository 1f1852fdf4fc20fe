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
tool=${ARGMINER_PUBLISHED:-}
if [ -z "$tool" ]; then
  tool="$work/argminer"
  dotnet publish -c Release "$root/src/ArgMiner.Cli" -o "$tool" -p:PublishReadyToRunEmitSymbols=true >/dev/null
fi
[ -f "$tool/argminer.r2r.ni.r2rmap" ] || { echo "$tool has no argminer.r2r.ni.r2rmap (publish with -p:PublishReadyToRunEmitSymbols=true)" >&2; exit 1; }
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -q -F 4000 -g -o "$work/perf.data" \
  taskset -c 0 "$tool/argminer" classify --jobs 1 --input "$input" --out "$work/out.csv" >/dev/null
python3 "$root/src/ArgMiner.Benchmarks/run-profile.py" "$work/perf.data" "$tool/argminer.r2r.ni.r2rmap" --classify ${hot:+--hot}
# The runtime's map of this run's JIT-compiled methods (taskset execs the tool, so its process id is the sample's).
# awk reads to the end: `head -1` would end perf script with SIGPIPE, which pipefail turns into an exit before rm.
pid=$(perf script -i "$work/perf.data" -F pid 2>/dev/null | awk 'NR == 1 {print $1}')
[ -n "$pid" ] && rm -f "/tmp/perf-$pid.map" "/tmp/perfinfo-$pid.map"
