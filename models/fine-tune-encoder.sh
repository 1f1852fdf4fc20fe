#!/usr/bin/env bash
# Fine-tunes the ArcticXs sentence encoder on the shipped recipe and mixes it into the accurate tier
# (models/accurate-classifier.md, "The tuned encoder"):
#   1. builds src/ArgMiner.FineTuning (TorchSharp; not in ArgMiner.sln: libtorch is about a gigabyte to restore);
#   2. 'check': the TorchSharp network, loaded with the package's weights, gives the package's own vectors;
#   3. 'train', once per seed in SEEDS (default "1 2"): 3 epochs over the recipe's 22,632 sentences (about 17 minutes
#      a seed on two cores), writing how each of the encoder's weights moved and the head (these files are not kept
#      in models/: they go into the tier's file);
#   4. 'attach': writes the tier's model file with the tuned encoders mixed in last (their mean; format 5 for more
#      than one, format 4 for one).
#
#   models/fine-tune-encoder.sh [TIER_IN [TIER_OUT]]
#
# TIER_IN (default models/accurate-classifier.model) is the tier to mix into: its stacker, encoders and context stage
# are kept, any tuned encoder it holds is replaced; TIER_OUT defaults to models/accurate-classifier.model. SEEDS lists the fine-tuning
# seeds, one tuned encoder each (SEEDS=1 gives the format-4 tier of session 22); TRAIN_OPTIONS passes more options to
# 'train' (e.g. "--epochs 2"; not --seed). Reads ../shared/corpora (ARGMINER_SHARED overrides).
#
# libtorch 2.10 (TorchSharp 0.107) was built with GCC 13 and asks libstdc++ for GLIBCXX_3.4.32, which Debian 12's
# libstdc++ (3.4.30) lacks, for one function: std::ios_base_library_init. When the loader refuses it, this script
# gives that function from a two-line shim library and marks the version requirement weak in the copy of
# libLibTorchSharp.so it runs (patchelf, from Debian's packages; nothing outside the build folder is changed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${ARGMINER_SHARED:-$root/../shared}
tier_in=${1:-$root/models/accurate-classifier.model}
tier_out=${2:-$root/models/accurate-classifier.model}
work=${FINE_TUNE_DIR:-${TMPDIR:-/tmp}/argminer-fine-tune}
mkdir -p "$work"
[ -d "$shared/corpora" ] || { echo "fine-tune-encoder: needs $shared/corpora (the external corpora beside the project, or ARGMINER_SHARED)" >&2; exit 2; }

dotnet build -c Release "$root/src/ArgMiner.FineTuning" -o "$work/bin" -v q -nologo >/dev/null
native="$work/bin/runtimes/linux-x64/native"
missing=$(ldd "$native/libLibTorchSharp.so" 2>&1 || true)
if [[ $missing == *"GLIBCXX_3.4.32' not found"* ]]; then
  command -v patchelf >/dev/null || apt-get install -y patchelf >/dev/null
  printf '#include <ios>\nnamespace std { void ios_base_library_init() { static ios_base::Init init; } }\n' > "$work/iosinit.cpp"
  g++ -shared -fPIC -O2 -o "$native/libiosinit.so" "$work/iosinit.cpp"
  patchelf --clear-symbol-version _ZSt21ios_base_library_initv "$native/libLibTorchSharp.so"
  patchelf --add-needed libiosinit.so "$native/libLibTorchSharp.so"
  python3 - "$native/libLibTorchSharp.so" <<'PY'
# Marks the ELF version requirement GLIBCXX_3.4.32 weak (VER_FLG_WEAK): the loader then warns instead of refusing.
import struct, sys
path = sys.argv[1]
b = bytearray(open(path, 'rb').read())
shoff, = struct.unpack_from('<Q', b, 0x28)
shentsize, shnum = struct.unpack_from('<HH', b, 0x3A)
sections = [struct.unpack_from('<IIQQQQIIQQ', b, shoff + i * shentsize) for i in range(shnum)]
for s in sections:
    if s[1] != 0x6ffffffe:  # SHT_GNU_verneed
        continue
    strings = sections[s[6]][4]
    at = s[4]
    while True:
        _, count, _, aux, following = struct.unpack_from('<HHIII', b, at)
        a = at + aux
        for _ in range(count):
            _, flags, _, name, step = struct.unpack_from('<IHHII', b, a)
            if b[strings + name:b.index(0, strings + name)] == b'GLIBCXX_3.4.32':
                struct.pack_into('<H', b, a + 4, flags | 2)
            a += step
        if following == 0:
            break
        at += following
open(path, 'wb').write(b)
PY
fi

tune() { (cd "$root" && dotnet "$work/bin/ArgMiner.FineTuning.dll" "$@"); }
tune check
read -r -a extra <<< "${TRAIN_OPTIONS:-}"
read -r -a seeds <<< "${SEEDS:-1 2}"
tuned=()
for seed in "${seeds[@]}"; do
  tune train --out "$work/tuned-encoder-seed$seed.bin" --corpus "$root/corpus" --shared "$shared" --seed "$seed" "${extra[@]}"
  tuned+=("$work/tuned-encoder-seed$seed.bin")
done
tune attach --tier "$tier_in" --tuned "$(IFS=,; echo "${tuned[*]}")" --out "$tier_out"
echo "measure it: models/compare-classifiers.sh $tier_out accurate"
