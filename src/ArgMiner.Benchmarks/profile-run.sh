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
# shellcheck source=profile-lib.sh
. "$root/src/ArgMiner.Benchmarks/profile-lib.sh"
tool=$(profile_tool "$work")
PERF_DATA="$work/perf.data"
profile_record "$tool/argminer" run "$input" --out "$work/out" --jobs 1 --format "$formats"
python3 "$root/src/ArgMiner.Benchmarks/run-profile.py" "$PERF_DATA" "$tool/argminer.r2r.ni.r2rmap" ${stage:+--stage "$stage"}
profile_clean
