# collections.UserDict, UserList, UserString.
from collections import UserDict, UserList, UserString
class Lower(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
d = Lower({"A": 1})
d["B"] = 2
print(d, len(d), d["a"], "b" in d, sorted(d.keys()), d.get("zz", 0), d == {"a": 1, "b": 2}, d.pop("a"), d)
class Missing(UserDict):
    def __missing__(self, key):
        return key * 2
print(Missing()["ab"], UserDict.fromkeys("xy", 0), d.copy(), type(d.copy()).__name__)
try:
    UserDict()["q"]
except KeyError as e:
    print("KeyError", e)
l = UserList([3, 1, 2])
l.append(5)
l.sort()
print(l, l[0], l[1:3], type(l[1:3]).__name__, len(l), 2 in l, l + [9], [0] + l, l * 2, l == [1, 2, 3, 5])
l.extend(UserList([7]))
l.insert(0, -1)
print(l, l.pop(), l.index(3), l.count(1), list(reversed(l)), l < [5])
s = UserString("Hello")
print(s, repr(s), s.upper(), s + "!", "x" + s, s * 2, s[1:3], len(s), "ell" in s, s == "Hello", s.split("l"))
print(s.replace("l", "L"), s.find("l"), s.startswith("He"), hash(s) == hash("Hello"), int(UserString("42")) + 1)
