# Classic small programs that use the standard library the usual way.
import heapq
import math
import random
import itertools
import bisect
import textwrap
from collections import Counter, defaultdict, deque
from operator import itemgetter

# Dijkstra on a seeded random graph.
random.seed(2023)
n = 30
graph = defaultdict(list)
for u in range(n):
    for v in random.sample(range(n), 4):
        if v != u:
            graph[u].append((v, random.randint(1, 20)))
dist = {0: 0}
pq = [(0, 0)]
while pq:
    d, u = heapq.heappop(pq)
    if d > dist.get(u, math.inf):
        continue
    for v, w in graph[u]:
        nd = d + w
        if nd < dist.get(v, math.inf):
            dist[v] = nd
            heapq.heappush(pq, (nd, v))
print("dijkstra", sorted(dist.items())[:10], len(dist))

# Word frequencies.
text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief"""
words = [w.strip(",.").lower() for w in text.split()]
freq = Counter(words)
print("top", freq.most_common(4))
by_letter = defaultdict(list)
for w in sorted(dict.fromkeys(words)):
    by_letter[w[0]].append(w)
print("letters", dict(sorted(by_letter.items())))

# Monte Carlo estimate of pi and a random walk.
rng = random.Random(12345)
inside = sum(1 for _ in range(20000) if rng.random() ** 2 + rng.random() ** 2 <= 1.0)
print("pi ~", 4 * inside / 20000)
pos = 0
walk = []
for step in range(20):
    pos += rng.choice((-1, 1))
    walk.append(pos)
print("walk", walk, max(walk), min(walk))
print("gauss mean", round(sum(rng.gauss(10, 2) for _ in range(1000)) / 1000, 6))

# Combinatorics: subsets with a target sum; a sliding window with deque.
nums = [3, 34, 4, 12, 5, 2]
print("subsets", [c for r in range(1, 4) for c in itertools.combinations(nums, r) if sum(c) == 9])
window = deque(maxlen=3)
averages = []
for x in [1, 3, 5, 7, 9, 11]:
    window.append(x)
    averages.append(sum(window) / len(window))
print("moving", averages)
print("grouped", [(k, len(list(g))) for k, g in itertools.groupby(sorted(words, key=len), key=len)])

# Grades with bisect; a leaderboard with itemgetter.
cutoffs = [60, 70, 80, 90]
print("grades", "".join("FDCBA"[bisect.bisect(cutoffs, s)] for s in [95, 82, 71, 65, 40, 90]))
scores = [("ann", 91), ("bob", 78), ("cy", 91), ("dee", 85)]
print("board", sorted(scores, key=itemgetter(1, 0), reverse=True))
print(textwrap.fill("The quick brown fox jumps over the lazy dog " * 3, width=40))
print("primes", [p for p in range(2, 60) if all(p % d for d in range(2, math.isqrt(p) + 1))])
print("fsum", math.fsum(1 / k ** 2 for k in range(1, 1000)), math.pi ** 2 / 6)
