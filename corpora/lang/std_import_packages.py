# Packages: __init__.py, relative imports, `import a.b.c`, `from m import *`.
import std_pkgdata
print(std_pkgdata.double(5), std_pkgdata.triple(5), std_pkgdata.VERSION)
print(std_pkgdata.__name__, std_pkgdata.__package__)
print(std_pkgdata.consts.FACTOR)
import std_pkgdata.sub.leaf
print(std_pkgdata.sub.leaf.where())
print(std_pkgdata.sub.LEVEL, std_pkgdata.sub.parent_consts.FACTOR)
print(std_pkgdata.sub.helper_name())
import std_pkgdata.sub.leaf as leaf
print(leaf.where(), leaf.consts.public_value)
from std_pkgdata.sub import leaf as leaf2
print(leaf2 is leaf)
from std_pkgdata import helpers
print(helpers.helper_name())
import sys
G = sys.modules[__name__].__dict__
from std_pkgdata import *
print(double(4), triple(4), VERSION)
print("helpers" in G, "_hidden" in G)
from std_pkgdata.consts import *
print(public_value, "_private_value" in G)
import sys
print("std_pkgdata.sub.leaf" in sys.modules, sys.modules["std_pkgdata.helpers"] is helpers)
try:
    import std_pkgdata.missing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from std_pkgdata import missing_name
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
try:
    import std_pkgdata.consts.x
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    import std_pkgdata.sub.deeper
except ImportError as e:
    print("ImportError:", e)
try:
    from . import something
except ImportError as e:
    print("ImportError:", e)
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
