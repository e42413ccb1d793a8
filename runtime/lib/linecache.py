# linecache: pyglass's bundled implementation. Source lines for tracebacks
# and inspect, read through the native _linecache (pyglass has no open()).
import _linecache

__all__ = ["getline", "getlines", "clearcache", "checkcache", "lazycache", "updatecache"]

# filename -> list of lines (each ending with its newline, as readlines()).
cache = {}


def clearcache():
    """Forget every cached file."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line `lineno` (1-based) of `filename`, with its newline; '' if absent."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ""


def getlines(filename, module_globals=None):
    """Every line of `filename` (cached); [] when it cannot be read."""
    if filename in cache:
        return cache[filename]
    return updatecache(filename, module_globals)


def checkcache(filename=None):
    """CPython drops entries whose file changed; pyglass re-reads on demand."""
    if filename is None:
        cache.clear()
    else:
        cache.pop(filename, None)


def updatecache(filename, module_globals=None):
    """Re-read `filename` into the cache and return its lines."""
    cache.pop(filename, None)
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return []
    lines = _linecache.getlines(filename)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if lines:
        cache[filename] = lines
    return lines


def lazycache(filename, module_globals):
    return False
