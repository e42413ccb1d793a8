# The bundled `keyword` and `string` modules.
import keyword
import string
print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
for w in ["for", "match", "print", "None", "_", 3, "yield"]:
    print(repr(w), keyword.iskeyword(w), keyword.issoftkeyword(w))
print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace), repr(string.printable))
print(string.capwords("hello   big  world"))
print(string.capwords("a-b-c", "-"), string.capwords(""))
from string import *
print(digits, len(printable))
import sys
print(type(sys.path), all(isinstance(p, str) for p in sys.path))
print(keyword.__name__, keyword.__file__.endswith("keyword.py"))
