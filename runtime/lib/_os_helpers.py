"""The parts of `os` written in Python (makedirs, removedirs, walk); the
os module (runtime/modules/os_module.cpp) copies them in when it is
imported. They import os lazily: os is not in sys.modules yet when this
module loads."""


def makedirs(name, mode=0o777, exist_ok=False):
    """Creates a directory and the missing parents; FileExistsError when it
    exists, unless exist_ok."""
    import os
    head, tail = os.path.split(name)
    if not tail:
        head, tail = os.path.split(head)
    if head and tail and not os.path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == os.curdir:
            return
    try:
        os.mkdir(name, mode)
    except OSError:
        if not exist_ok or not os.path.isdir(name):
            raise


def removedirs(name):
    """Removes a directory, then its parents while they are empty."""
    import os
    os.rmdir(name)
    head, tail = os.path.split(name)
    if not tail:
        head, tail = os.path.split(head)
    while head and tail:
        try:
            os.rmdir(head)
        except OSError:
            break
        head, tail = os.path.split(head)


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yields (dirpath, dirnames, filenames) for top and every directory
    below it (top-down unless topdown is false)."""
    import os
    try:
        names = os.listdir(top)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    dirs = []
    nondirs = []
    for name in names:
        if os.path.isdir(os.path.join(top, name)):
            dirs.append(name)
        else:
            nondirs.append(name)
    if topdown:
        yield top, dirs, nondirs
        for name in dirs:
            for entry in walk(os.path.join(top, name), topdown, onerror, followlinks):
                yield entry
    else:
        for name in dirs:
            for entry in walk(os.path.join(top, name), topdown, onerror, followlinks):
                yield entry
        yield top, dirs, nondirs
