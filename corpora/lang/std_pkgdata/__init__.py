# Package used by std_import_packages.py.
from .helpers import double
from . import consts
__all__ = ["double", "triple", "VERSION"]
VERSION = "1.0"
def triple(x):
    return 3 * x
def _hidden():
    return "hidden"
