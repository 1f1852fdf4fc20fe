#!/usr/bin/env bash
# Where a whole `argminer run` spends its CPU (issue 12): the published tool under `perf record -g`, one job on one
# core, each sample put in a category (stage, writing, reading, model loading, JIT) by run-profile.py.
#   src/ArgMiner.Benchmarks/profile-run.sh INPUT [FORMATS=csv,jsonl] [STAGE]
# STAGE (e.g. entities) also lists that category's hottest methods. Needs perf (apt-get install linux-perf).
# The tool is published with its ReadyToRun symbol map (.r2rmap), which perf cannot read itself: about half the
# samples fall in precompiled code. ARGMINER_PUBLISHED=DIR reuses a folder published that way.
# Stage timings from ARGMINER_PROFILE=1 are clock time per thread: on a busy machine, or under taskset with the
# main thread and the JIT thread sharing the core, they count time the thread waited; perf's samples do not.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
input=${1:?input file or folder}; formats=${2:-csv,jsonl}; stage=${3:-}
work=$(mktemp -d /tmp/argminer-profile.XXXXXX)
trap 'rm -rf "$work"' EXIT
tool=${ARGMINER_PUBLISHED:-}
if [ -z "$tool" ]; then
  tool="$work/argminer"
  dotnet publish -c Release "$root/src/ArgMiner.Cli" -o "$tool" -p:PublishReadyToRunEmitSymbols=true >/dev/null
fi
[ -f "$tool/argminer.r2r.ni.r2rmap" ] || { echo "$tool has no argminer.r2r.ni.r2rmap (publish with -p:PublishReadyToRunEmitSymbols=true)" >&2; exit 1; }
# W^X off: JIT-compiled code then lies in anonymous memory, which perf names from /tmp/perf-PID.map.
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -q -F 2000 -g -o "$work/perf.data" \
  taskset -c 0 "$tool/argminer" run "$input" --out "$work/out" --jobs 1 --format "$formats" >/dev/null
python3 "$root/src/ArgMiner.Benchmarks/run-profile.py" "$work/perf.data" "$tool/argminer.r2r.ni.r2rmap" ${stage:+--stage "$stage"}
# The runtime's map of this run's JIT-compiled methods (taskset execs the tool, so its process id is the sample's).
pid=$(perf script -i "$work/perf.data" -F pid 2>/dev/null | awk 'NR == 1 {print $1}')
[ -n "$pid" ] && rm -f "/tmp/perf-$pid.map" "/tmp/perfinfo-$pid.map"
