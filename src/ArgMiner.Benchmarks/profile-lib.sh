# Shared by profile-run.sh and profile-classify.sh (sourced, not run): the published tool with its ReadyToRun symbol
# map, a command recorded under perf pinned to one core, and the runtime's perf map removed afterwards.
# perf cannot read the ReadyToRun symbol map (.r2rmap) itself, and about half the samples fall in precompiled code,
# so run-profile.py names them from it. ARGMINER_PUBLISHED=DIR reuses a folder published that way.

# Publishes the tool into "$1" (a work folder) unless ARGMINER_PUBLISHED is set; prints the tool's folder.
profile_tool() {
  local tool=${ARGMINER_PUBLISHED:-}
  if [ -z "$tool" ]; then
    tool="$1/argminer"
    dotnet publish -c Release "$root/src/ArgMiner.Cli" -o "$tool" -p:PublishReadyToRunEmitSymbols=true >/dev/null
  fi
  [ -f "$tool/argminer.r2r.ni.r2rmap" ] || { echo "$tool has no argminer.r2r.ni.r2rmap (publish with -p:PublishReadyToRunEmitSymbols=true)" >&2; return 1; }
  echo "$tool"
}

# Records "$@" (the tool and its arguments) at FREQUENCY samples a second into "$PERF_DATA", pinned to core 0.
# W^X off: JIT-compiled code then lies in anonymous memory, which perf names from /tmp/perf-PID.map.
profile_record() {
  DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -q -F "${FREQUENCY:-2000}" -g -o "$PERF_DATA" \
    taskset -c 0 "$@" >/dev/null
}

# Removes the runtime's map of the recorded run's JIT-compiled methods (taskset execs the tool, so its process id is
# the sample's). awk reads to the end: `head -1` would end perf script with SIGPIPE, which pipefail turns into an exit.
profile_clean() {
  local pid
  pid=$(perf script -i "$PERF_DATA" -F pid 2>/dev/null | awk 'NR == 1 {print $1}')
  if [ -n "$pid" ]; then rm -f "/tmp/perf-$pid.map" "/tmp/perfinfo-$pid.map"; fi
}
