#!/usr/bin/env python3
"""Where a whole `argminer run` spends its CPU, from a `perf record -g` of the published tool (profile-run.sh).

perf names the runtime's JIT-compiled methods from /tmp/perf-PID.map (DOTNET_PerfMapEnabled=1), but not the
precompiled (ReadyToRun) code of the composite image argminer.r2r.dll, where about half of a run's samples fall:
its methods are named here from the image's .r2rmap (published with -p:PublishReadyToRunEmitSymbols=true).
Each sample goes to the first category its thread and call stack match (a stage, writing, reading, model loading,
the runtime's background recompilation thread), so a stage's share includes the allocations, page faults and
runtime helpers it causes.
  run-profile.py PERF_DATA R2RMAP [--stage NAME]   (NAME: a category below; prints its hottest methods, self time)
  run-profile.py PERF_DATA R2RMAP --classify [--hot]   (classify's steps, CLASSIFY_CATEGORIES; --hot: hottest methods)
"""
import bisect
import collections
import re
import struct
import subprocess
import sys


def text_section_delta(image):
    """RVA minus file offset of the image's first section: perf gives addresses in the file, the map gives RVAs."""
    with open(image, 'rb') as f:
        head = f.read(4096)
    pe = struct.unpack_from('<I', head, 0x3C)[0]
    optional = struct.unpack_from('<H', head, pe + 20)[0]
    _, _, rva, _, offset = struct.unpack_from('<8sIIII', head, pe + 24 + optional)
    return rva - offset


def load_map(path):
    entries = []
    with open(path) as f:
        for line in f:
            rva, size, name = line.rstrip('\n').split(' ', 2)
            rva = int(rva, 16)
            if rva < 0xF0000000:  # the first lines are the image's identity, not methods
                entries.append((rva, int(size, 16), name))
    entries.sort()
    return [e[0] for e in entries], entries


CATEGORIES = [
    ('background recompilation (tiered JIT thread)', lambda comm, st: comm.startswith('.NET Tiered')),
    ('JIT on a run thread', lambda comm, st: any('libclrjit' in s for s in st)),
    ('tokenizer', lambda comm, st: any('TokenizerStage::Process' in s for s in st)),
    ('sentences', lambda comm, st: any('SentenceSplitterStage::Process' in s for s in st)),
    ('pos', lambda comm, st: any('PosTaggerStage::Process' in s for s in st)),
    ('entities', lambda comm, st: any('EntityRecognizerStage::Process' in s for s in st)),
    ('numbers', lambda comm, st: any('NumericClaimStage::Process' in s for s in st)),
    ('classifier', lambda comm, st: any('SentenceClassifierStage::Process' in s for s in st)),
    ('other stage work', lambda comm, st: any('ProcessRun' in s for s in st)),
    ('writing', lambda comm, st: any('WriteOut' in s or 'BatchWriter' in s or 'OutputSet' in s for s in st)),
    ('reading and decoding', lambda comm, st: any('InputEnumerator' in s for s in st)),
    ('model loading', lambda comm, st: any('FromPackage' in s or 'ModelPackage' in s or 'ShippedModels' in s for s in st)),
    ('main thread, other (start-up, command line, runtime)', lambda comm, st: comm == 'argminer'),
]


def innermost(names):
    """A test that the innermost ArgMiner or runtime-library frame of the stack names one of NAMES (self time of
    the step, with whatever it calls that is not ArgMiner's own: the framework's helpers, allocations)."""
    def test(comm, st):
        for frame in st:
            if 'ArgMiner' in frame:
                return any(n in frame for n in names)
        return False
    return test


# classify --jobs 1 runs on the main thread: a sample goes to the step whose method is innermost on its stack.
CLASSIFY_CATEGORIES = [
    ('background recompilation (tiered JIT thread)', lambda comm, st: comm.startswith('.NET Tiered')),
    ('JIT on the main thread', lambda comm, st: any('libclrjit' in s for s in st)),
    ('model loading', lambda comm, st: any('FromPackage' in s or 'ModelPackage' in s or 'ShippedModels' in s or 'LoadModel' in s for s in st)),
    ('reading and decoding lines', lambda comm, st: any('LineLengthLimit::Read' in s or 'StreamReader::Read' in s for s in st)),
    ('writing the CSV (UTF-8 encoding, file)', lambda comm, st: any('StreamWriter' in s or 'FileStream' in s or 'RandomAccess' in s for s in st)),
    ('normalising (lower case, folding)', innermost(['SentenceFeaturizer::Normalize'])),
    ('tokenizing', innermost(['SentenceFeaturizer::Tokenize'])),
    ('word cache look-up and new words', innermost(['WordFeatureCache::Get', 'WordFeatureCache::Add', 'WordFeatureCache::Rehash', 'VectorKind', 'TryGetWordCues', 'KindOf'])),
    ('cues', innermost(['SentenceFeaturizer::AddCues', 'SentenceFeaturizer::AddNamed', 'WordFeatureCache::Cues', 'WordFeatureCache::Kind'])),
    ('word vectors (mean, norm, dense block)', innermost(['AddVectors', 'WordVectors::AddRowTo', 'AddDense'])),
    ('feature table (builder: insert, block ends)', innermost(['FeatureVectorBuilder::'])),
    ('word n-grams, char n-grams (hashing, cached n-gram lists)', innermost(['SentenceFeaturizer::FeaturizeCached', 'WordFeatureCache::Ngrams', 'WordFeatureCache::Unigram', 'WordFeatureCache::BigramNext', 'FeatureHash::'])),
    ('featurize, other', innermost(['SentenceFeaturizer::'])),
    ('scoring (sparse and dense dot products, softmax)', innermost(['SentenceClassifier::PredictInto', 'SentenceClassifier::Dot'])),
    ('formatting rows', innermost(['LineClassification::FormatRow', 'LineClassification::FormatProbability', 'RowBuffer::Add', 'LineClassification::IsPlainCell'])),
    ('cutting lines, block loop', innermost(['LineClassification::'])),
    ('main thread, other (start-up, command line, runtime)', lambda comm, st: comm == 'argminer'),
]


def category(comm, stack, categories=CATEGORIES):
    for name, test in categories:
        if test(comm, stack):
            return name
    return 'other thread: ' + comm


def short(frame):
    m = re.search(r'((?:ArgMiner|System|CsvHelper)[\w.`+<>|]*::[\w<>|`.]+)', frame)
    return m.group(1) if m else frame


def main():
    data, r2rmap = sys.argv[1], sys.argv[2]
    stage = sys.argv[sys.argv.index('--stage') + 1] if '--stage' in sys.argv else None
    categories = CLASSIFY_CATEGORIES if '--classify' in sys.argv else CATEGORIES
    starts, entries = load_map(r2rmap)
    delta = text_section_delta(r2rmap.replace('.ni.r2rmap', '.dll'))
    script = subprocess.run(['perf', 'script', '-i', data, '--show-mmap-events', '-F', 'comm,tid,ip,sym,dso'],
                            capture_output=True, text=True, check=True).stdout
    samples, current, image_start = [], None, None
    for line in script.split('\n'):
        if 'PERF_RECORD_MMAP' in line:
            if 'argminer.r2r.dll' in line and 'r-xp' in line:
                image_start = int(re.search(r'\[(0x[0-9a-f]+)\(', line).group(1), 16)
            continue
        if not line.strip():
            if current:
                samples.append(current)
            current = None
            continue
        if not line.startswith((' ', '\t')):
            current = (line.strip().rsplit(None, 1)[0].strip(), [])
            continue
        m = re.match(r'\s*([0-9a-f]+)\s+(.*)\s+\((.*)\)\s*$', line)
        if not m or current is None:
            continue
        ip, sym, dso = int(m.group(1), 16), m.group(2), m.group(3)
        if 'argminer.r2r.dll' in dso:
            # perf prints the offset in the file when it cannot name the address.
            offset = ip if image_start is None or ip < image_start else ip - image_start
            i = bisect.bisect_right(starts, offset + delta) - 1
            sym = entries[i][2] if i >= 0 and offset + delta < entries[i][0] + max(entries[i][1], 1) else '[precompiled, unnamed]'
        elif sym.startswith('[unknown]'):
            sym = '[unknown in ' + dso.split('/')[-1] + ']'
        current[1].append(re.sub(r'\+0x[0-9a-f]+$', '', sym))
    if current:
        samples.append(current)

    total = len(samples)
    by_category = collections.Counter(category(comm, st, categories) for comm, st in samples)
    print(f'{total} samples; share of the process CPU by category (a sample counts once, in its first matching category):')
    for name, count in by_category.most_common():
        print(f'  {100 * count / total:5.1f} %  {name}')
    if '--hot' in sys.argv:
        hot = collections.Counter(short(st[0]) for comm, st in samples if st)
        print('hottest methods (self time, share of the process):')
        for name, count in hot.most_common(30):
            print(f'  {100 * count / total:5.2f} %  {name[:140]}')
    if stage:
        hot = collections.Counter(short(st[0]) for comm, st in samples if st and category(comm, st, categories) == stage)
        print(f'hottest methods of {stage} (self time, share of the process):')
        for name, count in hot.most_common(25):
            print(f'  {100 * count / total:5.2f} %  {name[:140]}')


if __name__ == '__main__':
    main()
