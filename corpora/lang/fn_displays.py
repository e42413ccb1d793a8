# Starred items in list and tuple displays, ** in dict displays.
a = [1, 2]
b = (3, 4)
print([*a, *b], [*a], [0, *a, 5, *b, 6], [*range(3), *"xy"])
print((*a, 1), (*a,), (*b, *a), ())
print({**{"x": 1}}, {"k": 0, **{"k": 1}}, {**{"k": 1}, "k": 2})
d1 = {"a": 1, "b": 2}
d2 = {"b": 20, "c": 30}
print({**d1, "k": 1, **d2})
print({"first": 0, **d1, **d2, "last": 9})

class M:
    def keys(self):
        return iter(["m1", "m2"])

    def __getitem__(self, k):
        return len(k)

print({**M(), "m1": "over"})
print([*{"q": 1, "r": 2}], [*(i * 2 for i in range(3))])
t = *a, *b
print(t, type(t).__name__)
x = [*[], *()]
print(x)

def f():
    return *a, 99

print(f())
for v in [*a, *b]:
    print(v, end=" ")
print()
nested = [[*a, *b], (*b, [*a])]
print(nested)

# Errors.
try:
    print([*5])
except TypeError as e:
    print(e)
try:
    print((1, *None))
except TypeError as e:
    print(e)
try:
    print({**5})
except TypeError as e:
    print(e)
try:
    print({"a": 1, **[("b", 2)]})
except TypeError as e:
    print(e)
try:
    print({**{"a": 1}, **{[]: 2}})
except TypeError as e:
    print(e)
