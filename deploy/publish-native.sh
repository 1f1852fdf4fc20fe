#!/usr/bin/env bash
# Publishes ArgMiner as a native tool (issue 12): OUT/argminer is compiled ahead of time (.NET Native AOT: no JIT, no
# runtime start-up) and runs `run`, `classify` and `merge` with the fast model itself; OUT/argminer-full is the usual
# self-contained ReadyToRun build, to which the native tool hands every other command (training, evaluation,
# `--model accurate`, `--engine mlnet`) with the same arguments. Users call OUT/argminer for everything.
#   deploy/publish-native.sh OUT
# Needs a C toolchain for the native link (Debian: apt-get install clang lld zlib1g-dev). Publishing takes 5-7 minutes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: deploy/publish-native.sh OUT}
command -v clang >/dev/null || command -v gcc >/dev/null || { echo "publish-native: needs clang (or gcc) to link the native tool: apt-get install clang lld zlib1g-dev" >&2; exit 1; }

mkdir -p "$out"
out=$(cd "$out" && pwd)
native=$(mktemp -d /tmp/argminer-native.XXXXXX)
trap 'rm -rf "$native"' EXIT

# The full build first, its launcher renamed: the launcher finds argminer.dll by the name built into it, not by its own.
dotnet publish -c Release "$root/src/ArgMiner.Cli" -o "$out" -v quiet -nologo
mv -f "$out/argminer" "$out/argminer-full"

# The native tool. Its symbols (argminer.dbg, about 100 MB) stay out of OUT.
dotnet publish -c Release "$root/src/ArgMiner.Cli" -p:PublishAot=true -o "$native" -v quiet -nologo
cp "$native/argminer" "$out/argminer"
echo "published $out/argminer (native) and $out/argminer-full (the full build it hands other commands to)"
