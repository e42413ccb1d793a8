# for/while with else clauses, and calls passing parameters by keyword.


def describe(name, size=1, unit="kg"):
    return name + ": " + str(size) + " " + unit


print(describe("flour"))
print(describe("sugar", 2))
print(describe("salt", unit="g"))
print(describe(size=5, name="rice"))
print(describe("oats", unit="lb", size=3))


def find(items, target):
    for i in range(len(items)):
        if items[i] == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")


find([3, 1, 4, 1, 5], 4)
find([3, 1, 4, 1, 5], 9)
find([], 0)

n = 0
while n < 5:
    n += 1
    if n == 10:
        break
else:
    print("while finished with n =", n)

n = 0
while True:
    n += 1
    if n == 3:
        break
else:
    print("never printed")
print("broke out at", n)

for word in "alpha beta".split():
    for ch in word:
        if ch == "t":
            print(word, "has a t")
            break
    else:
        print(word, "has no t")

total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
else:
    print("sum of evens", total)
print(describe("last", 7))
print(describe("bad", 1, "m", "extra"))
