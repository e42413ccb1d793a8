# A small log analyzer, written the way a user would: generate a log file,
# parse it line by line, warn about malformed lines, summarize with
# Counter, save the summary as JSON, keep a binary index of line offsets
# with struct, and compute statistics with array.
import json
import os
import random
import struct
import sys
import warnings
from array import array
from collections import Counter

workdir = '/tmp/pyglass_std_io_classic_%d' % os.getpid()
os.mkdir(workdir)
log_path = os.path.join(workdir, 'server.log')

rng = random.Random(2024)
levels = ['INFO', 'INFO', 'INFO', 'WARN', 'ERROR']
paths = ['/', '/login', '/api/items', '/api/items/7', '/static/app.js']
with open(log_path, 'w', encoding='utf-8') as log:
    for i in range(500):
        if i % 97 == 13:
            log.write('garbage line without fields\n')
            continue
        level = rng.choice(levels)
        path = rng.choice(paths)
        ms = rng.randint(1, 900)
        log.write(f'{i:05d} {level:<5} {path} {ms}ms user=ü{rng.randrange(20)}\n')

counts = Counter()
durations = array('i')
offsets = []
bad = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    with open(log_path, 'rb') as raw:
        offset = 0
        for line in raw:
            offsets.append(offset)
            offset += len(line)
    with open(log_path, encoding='utf-8') as log:
        for number, line in enumerate(log, 1):
            fields = line.split()
            if len(fields) != 5:
                warnings.warn(f'line {number}: malformed', RuntimeWarning)
                bad.append(number)
                continue
            _, level, path, ms, user = fields
            counts[level] += 1
            counts[path] += 1
            durations.append(int(ms[:-2]))
print('warnings:', [str(w.message) for w in caught], [w.category.__name__ for w in caught][:1])

summary = {
    'lines': len(offsets),
    'bad_lines': bad,
    'levels': {k: counts[k] for k in sorted(levels)},
    'top_paths': counts.most_common(3),
    'mean_ms': round(sum(durations) / len(durations), 3),
    'max_ms': max(durations),
    'p_slow': round(sum(1 for d in durations if d > 500) / len(durations), 4),
}
summary_path = os.path.join(workdir, 'summary.json')
with open(summary_path, 'w') as out:
    json.dump(summary, out, indent=2, sort_keys=True)
with open(summary_path) as f:
    text = f.read()
print(text)
print(json.loads(text) == json.loads(json.dumps(summary)))

index_path = os.path.join(workdir, 'index.bin')
with open(index_path, 'wb') as idx:
    idx.write(struct.pack('<4sI', b'IDX1', len(offsets)))
    for off in offsets:
        idx.write(struct.pack('<I', off))
with open(index_path, 'rb') as idx:
    magic, n = struct.unpack('<4sI', idx.read(8))
    table = [off for (off,) in struct.iter_unpack('<I', idx.read())]
print(magic, n, table[:5], table == offsets)
with open(log_path, 'rb') as raw:
    raw.seek(table[250])
    print(raw.readline().decode('utf-8').rstrip())

packed = durations.tobytes()
copy = array('i')
copy.frombytes(packed)
print(len(packed), copy == durations, copy[:5], durations.itemsize)
print('sizes:', os.path.getsize(log_path), os.path.getsize(index_path))

for name in sorted(os.listdir(workdir)):
    os.remove(os.path.join(workdir, name))
os.rmdir(workdir)
sys.stdout.write('done\n')
