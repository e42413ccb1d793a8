"""Path operations for POSIX systems: `os.path` (pyglass's bundled module).

The string functions follow CPython 3.11's posixpath for str paths; the
functions that ask the file system use os.stat. bytes paths are not
supported yet.
"""

__all__ = ["join", "split", "splitext", "basename", "dirname", "exists", "isfile",
           "isdir", "islink", "getsize", "getmtime", "abspath", "normpath", "isabs",
           "commonprefix", "relpath", "expanduser", "sep", "curdir", "pardir",
           "extsep", "pathsep", "defpath", "altsep", "devnull"]

sep = "/"
curdir = "."
pardir = ".."
extsep = "."
pathsep = ":"
defpath = "/bin:/usr/bin"
altsep = None
devnull = "/dev/null"


def _check_str(funcname, value):
    if not isinstance(value, str):
        raise TypeError(f"{funcname}() argument must be str, bytes, or os.PathLike object, "
                        f"not '{type(value).__name__}'")


def isabs(s):
    _check_str("isabs", s)
    return s.startswith("/")


def join(a, *p):
    """Joins path parts; an absolute part discards the ones before it."""
    _check_str("join", a)
    path = a
    for b in p:
        if not isinstance(b, str):
            raise TypeError(f"join() argument must be str, bytes, or os.PathLike object, "
                            f"not '{type(b).__name__}'")
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def split(p):
    """(head, tail): tail is everything after the last '/'."""
    _check_str("split", p)
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def splitext(p):
    """(root, ext): ext starts at the last dot of the last component, unless
    that component only starts with dots."""
    _check_str("splitext", p)
    sep_index = p.rfind("/")
    dot_index = p.rfind(".")
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != ".":
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def basename(p):
    _check_str("basename", p)
    return p[p.rfind("/") + 1:]


def dirname(p):
    _check_str("dirname", p)
    i = p.rfind("/") + 1
    head = p[:i]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head


def normpath(path):
    """Collapses redundant separators and '.'/'..' parts (no file system)."""
    _check_str("normpath", path)
    if path == "":
        return "."
    initial_slashes = 1 if path.startswith("/") else 0
    if initial_slashes and path.startswith("//") and not path.startswith("///"):
        initial_slashes = 2
    comps = path.split("/")
    new_comps = []
    for comp in comps:
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial_slashes and not new_comps) or (new_comps and new_comps[-1] == ".."):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = "/".join(new_comps)
    if initial_slashes:
        path = "/" * initial_slashes + path
    return path or "."


def abspath(path):
    _check_str("abspath", path)
    if not path.startswith("/"):
        import os
        path = join(os.getcwd(), path)
    return normpath(path)


def relpath(path, start=None):
    _check_str("relpath", path)
    if not path:
        raise ValueError("no path specified")
    if start is None:
        start = curdir
    start_list = [x for x in abspath(start).split("/") if x]
    path_list = [x for x in abspath(path).split("/") if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return "/".join(rel_list)


def commonprefix(m):
    if not m:
        return ""
    s1 = min(m)
    s2 = max(m)
    for i in range(len(s1)):
        if s1[i] != s2[i]:
            return s1[:i]
    return s1


def expanduser(path):
    _check_str("expanduser", path)
    if not path.startswith("~"):
        return path
    i = path.find("/", 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path
    import os
    home = os.getenv("HOME")
    if home is None:
        return path
    home = home.rstrip("/")
    return (home + path[i:]) or "/"


# ---- file system queries --------------------------------------------------

def _stat_or_none(path):
    import os
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def exists(path):
    return _stat_or_none(path) is not None


def isfile(path):
    st = _stat_or_none(path)
    return st is not None and (st.st_mode & 0o170000) == 0o100000


def isdir(s):
    st = _stat_or_none(s)
    return st is not None and (st.st_mode & 0o170000) == 0o040000


def islink(path):
    return False


def getsize(filename):
    import os
    return os.stat(filename).st_size


def getmtime(filename):
    import os
    return os.stat(filename).st_mtime
