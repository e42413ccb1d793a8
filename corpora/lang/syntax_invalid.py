# SyntaxError: invalid syntax.
# Nothing below runs: the whole file fails to compile, so stdout stays empty.
def helper(values):
    total = 0
    for v in values:
        if v % 2 == 0:
            total += v
        else:
            total -= v
    return total

print("helper", helper([1, 2, 3, 4]))
data = {"a": 1, "b": [2, 3], "c": (4, 5)}
for key in data:
    print(key, data[key])
i = 0
while i < 3:
    i += 1
print("i =", i)
print("never printed")
x = 1
y = 2
z = x y +
print(z)
