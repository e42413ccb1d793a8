# dict_build.py -- dicts keyed by int and by str: build, look up, update.
#
# Measures: dict insertion, lookup by subscript, membership with `in`,
# d.get(k, default) counting, in-place update d[k] += 1, hashing of ints and
# of short strings, and iteration over d.items()/d.keys().
#
# Checksum: aggregated counts and values from both dicts.


def int_keys(n):
    d = {}
    for i in range(n):
        d[i] = i * 2
    acc = 0
    for i in range(0, n * 2, 3):
        if i in d:
            acc += d[i]
    # Counting with get(): keys collide so counts grow.
    counts = {}
    for i in range(n):
        k = (i * 31) % 1000
        counts[k] = counts.get(k, 0) + 1
    for k, v in counts.items():
        acc += k * v
    return acc + len(d) + len(counts)


def str_keys(n):
    words = []
    for i in range(200):
        words.append("w" + str(i))
    counts = {}
    for i in range(n):
        w = words[(i * 17) % 200]
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    acc = 0
    for w in counts.keys():
        acc += counts[w] * len(w)
    # Direct lookups of known keys.
    for i in range(n):
        acc += counts[words[i % 200]]
    return acc + len(counts)


def main():
    return int_keys(800000) + str_keys(800000)


print("dict_build:", main())
