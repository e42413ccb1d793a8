# random: seeded sequences identical to CPython's, for several seeds and
# every function; module functions and Random instances.
import random

for s in [0, 1, 42, -42, 2**100 + 7, "seed text", "", 3.25, True]:
    random.seed(s)
    print(repr(s), [round(random.random(), 17) for i in range(3)])
    print(" ints", [random.randrange(100) for i in range(8)], [random.randint(-5, 5) for i in range(8)])
    print(" bits", random.getrandbits(1), random.getrandbits(31), random.getrandbits(32),
          random.getrandbits(33), random.getrandbits(200))
    print(" range", random.randrange(10, 20), random.randrange(0, 100, 7), random.randrange(50, 0, -3),
          random.randrange(2**80), random.randrange(-(10**30), 10**30))

random.seed(2024)
data = list(range(20))
random.shuffle(data)
print("shuffle", data)
print("choice", [random.choice("abcdefg") for i in range(10)], random.choice([1]))
print("sample", random.sample(range(100), 10), random.sample("abcdef", 6), random.sample(range(10**6), 5))
print("sample big k", random.sample(range(1000), 40))
print("sample counts", random.sample(["red", "blue"], 5, counts=[4, 2]))
print("choices", random.choices("abc", k=8), random.choices(range(5), [1, 2, 3, 4, 5], k=6))
print("cum", random.choices("xyz", cum_weights=[1, 1, 10], k=6), random.choices([7], k=3))
print("uniform", random.uniform(1, 10), random.uniform(-1, 1), random.triangular(), random.triangular(0, 10, 2),
      random.triangular(5, 5))
print("gauss", [random.gauss(0, 1) for i in range(5)], random.gauss(10, 2))
print("normal", [random.normalvariate(0, 1) for i in range(4)], random.normalvariate(100, 15))
print("expo", [random.expovariate(1.5) for i in range(4)], random.lognormvariate(0, 0.5))
print("gamma", random.gammavariate(0.5, 1), random.gammavariate(1.0, 2), random.gammavariate(3.5, 1.5))
print("beta", random.betavariate(2, 5), random.paretovariate(3), random.weibullvariate(1, 1.5))
print("vonmises", random.vonmisesvariate(0, 4), random.vonmisesvariate(1, 0))

state = random.getstate()
first = [random.random() for i in range(5)]
random.setstate(state)
print("state", first == [random.random() for i in range(5)], len(state), state[0], len(state[1]))

r1 = random.Random(99)
r2 = random.Random(99)
print("instances", [r1.random() for i in range(3)] == [r2.random() for i in range(3)], r1.randint(1, 100))
r3 = random.Random("abc")
print("str seed", r3.random(), r3.choice(range(1000)))
r1.seed(5)
print("reseed", r1.random(), random.Random(5).random())

class Dice(random.Random):
    def roll(self):
        return self.randint(1, 6)
d = Dice(7)
print("subclass", [d.roll() for i in range(12)], isinstance(d, random.Random))

class Counter(random.Random):
    def __init__(self, seed):
        super().__init__(seed)
        self.calls = 0
    def random(self):
        self.calls += 1
        return super().random()
c = Counter(3)
print("override random", [c.randrange(10) for i in range(6)], c.calls, c.choice("xyz"))

for thunk in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(1, 10, 0),
              lambda: random.randrange(10, 1, 2), lambda: random.choice([]),
              lambda: random.sample(range(3), 4), lambda: random.sample({1: 2}, 1), lambda: random.getrandbits(-1),
              lambda: random.choices("ab", [1], k=2), lambda: random.choices("ab", [0, 0]),
              lambda: random.choices("ab", [1, 2], cum_weights=[1, 2]), lambda: random.gammavariate(-1, 1),
              lambda: random.seed([1, 2]), lambda: random.randrange(10, step=2)]:
    try:
        print(thunk())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)

# Long sequences: many regenerations of the 624-word state.
for s in [7, 123456789, "long"]:
    r = random.Random(s)
    total = 0.0
    bits = 0
    for i in range(5000):
        total += r.random()
        bits ^= r.getrandbits(64)
    print("long", s, total, bits, r.randrange(10**12), r.random())
