"""Python's keywords (pyglass's bundled `keyword` module, as CPython 3.11)."""

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = [
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
    'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
    'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield',
]

softkwlist = ['_', 'case', 'match']

_keywords = {}
for _k in kwlist:
    _keywords[_k] = True
_soft_keywords = {}
for _k in softkwlist:
    _soft_keywords[_k] = True
del _k


def iskeyword(s):
    """True when s is one of Python's keywords."""
    try:
        return s in _keywords
    except TypeError:
        return False


def issoftkeyword(s):
    """True when s is a soft keyword (match, case, _)."""
    try:
        return s in _soft_keywords
    except TypeError:
        return False
