"""Run the examples in docstrings (pyglass's bundled `doctest` module).

testmod() finds the docstrings of a module (default __main__), its
functions and classes, and their methods; runs each `>>>` example in a
copy of the module's globals and compares what it shows with the expected
text: the repr of an expression's value, anything printed (through
sys.stdout), or the last line of a traceback. Directives ELLIPSIS,
NORMALIZE_WHITESPACE, SKIP and <BLANKLINE> are understood. Failures are
reported in CPython's format; a passing run prints nothing unless verbose.
Partial: compile() has no 'single' mode here, so an example's expression
value is shown only when the whole example is one expression; no
DocTestSuite/DocFileSuite/run_docstring_examples/testfile; line numbers in
reports come from the function's first line.
"""

import sys
from collections import namedtuple

__all__ = ["testmod", "TestResults", "ELLIPSIS", "NORMALIZE_WHITESPACE", "SKIP",
           "DONT_ACCEPT_BLANKLINE", "IGNORE_EXCEPTION_DETAIL"]

TestResults = namedtuple("TestResults", "failed attempted")

DONT_ACCEPT_TRUE_FOR_1 = 1
DONT_ACCEPT_BLANKLINE = 2
NORMALIZE_WHITESPACE = 4
ELLIPSIS = 8
SKIP = 16
IGNORE_EXCEPTION_DETAIL = 32
_FLAGS = {"DONT_ACCEPT_TRUE_FOR_1": 1, "DONT_ACCEPT_BLANKLINE": 2, "NORMALIZE_WHITESPACE": 4,
          "ELLIPSIS": 8, "SKIP": 16, "IGNORE_EXCEPTION_DETAIL": 32}
_DIVIDER = "*" * 70


class Example:
    """One `>>>` example: its source, expected output, flags, line offset."""

    def __init__(self, source, want, lineno, options):
        self.source = source
        self.want = want
        self.lineno = lineno
        self.options = options


def _directives(source):
    options = {}
    marker = source.find("# doctest:")
    if marker < 0:
        return options
    for word in source[marker + len("# doctest:"):].replace(",", " ").split():
        if word[:1] in "+-" and word[1:] in _FLAGS:
            options[_FLAGS[word[1:]]] = word[0] == "+"
    return options


def _parse(text):
    """The examples of a docstring, in order."""
    examples = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        stripped = lines[i].lstrip()
        if not stripped.startswith(">>>"):
            i += 1
            continue
        indent = len(lines[i]) - len(stripped)
        lineno = i
        source = [stripped[4:] if len(stripped) > 3 else ""]
        i += 1
        while i < len(lines) and lines[i][indent:].startswith("..."):
            cont = lines[i][indent:]
            source.append(cont[4:] if len(cont) > 3 else "")
            i += 1
        want = []
        while i < len(lines):
            line = lines[i]
            if not line.strip() or line.lstrip().startswith(">>>"):
                break
            want.append(line[indent:] if line[:indent].strip() == "" else line.lstrip())
            i += 1
        src = "\n".join(source)
        wanted = "\n".join(w if w != "<BLANKLINE>" else "" for w in want)
        examples.append(Example(src + "\n", wanted + "\n" if want else "", lineno, _directives(src)))
    return examples


def _ellipsis_match(want, got):
    pieces = want.split("...")
    if len(pieces) == 1:
        return want == got
    start, end = pieces[0], pieces[-1]
    if not got.startswith(start) or not got.endswith(end) or len(start) + len(end) > len(got):
        return False
    pos = len(start)
    stop = len(got) - len(end)
    for piece in pieces[1:-1]:
        found = got.find(piece, pos, stop)
        if found < 0:
            return False
        pos = found + len(piece)
    return True


def _matches(want, got, flags):
    if want == got:
        return True
    if flags & NORMALIZE_WHITESPACE:
        want = " ".join(want.split())
        got = " ".join(got.split())
        if want == got:
            return True
    if flags & ELLIPSIS:
        return _ellipsis_match(want, got)
    return False


class _Capture:
    """sys.stdout while an example runs."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        pass

    def take(self):
        text = "".join(self.parts)
        self.parts = []
        return text


def _run_example(example, globs, capture):
    """(got, exception line or None) for one example."""
    source = example.source
    try:
        try:
            code = compile(source, "<doctest>", "eval")
        except SyntaxError:
            code = None
        if code is not None:
            value = eval(code, globs)
            if value is not None:
                capture.write(repr(value) + "\n")
        else:
            exec(compile(source, "<doctest>", "exec"), globs)
        return capture.take(), None
    except KeyboardInterrupt:
        raise
    except BaseException as exc:
        name = type(exc).__qualname__
        module = type(exc).__module__
        if module not in ("builtins", "__main__"):
            name = module + "." + name
        text = str(exc)
        return capture.take(), f"{name}: {text}\n" if text else f"{name}\n"


def _indented(text):
    return "".join("    " + line + "\n" for line in text.split("\n")[:-1])


class _Runner:
    def __init__(self, verbose, optionflags):
        self.verbose = verbose
        self.optionflags = optionflags
        self.failures = []   # (name, failed, attempted)
        self.failed = 0
        self.attempted = 0

    def run(self, name, filename, first_line, examples, globs):
        failed = attempted = 0
        capture = _Capture()
        saved = sys.stdout
        for example in examples:
            flags = self.optionflags
            for flag, on in example.options.items():
                flags = flags | flag if on else flags & ~flag
            if flags & SKIP:
                continue
            attempted += 1
            if self.verbose:
                saved.write("Trying:\n" + _indented(example.source))
                saved.write(("Expecting:\n" + _indented(example.want)) if example.want else "Expecting nothing\n")
            sys.stdout = capture
            try:
                got, exc_line = _run_example(example, globs, capture)
            finally:
                sys.stdout = saved
            want = example.want
            ok = False
            if exc_line is None:
                ok = _matches(want, got, flags)
            elif want.startswith("Traceback (most recent call last):"):
                # The exception text is everything after the header and
                # the indented stack lines (it may span several lines).
                lines = want.split("\n")[1:]
                k = 0
                while k < len(lines) and lines[k][:1] in (" ", "\t"):
                    k += 1
                want_exc = "\n".join(lines[k:])
                ok = _matches(want_exc, exc_line, flags)
                if not ok and flags & IGNORE_EXCEPTION_DETAIL:
                    ok = want_exc.split(":")[0].split(".")[-1] == exc_line.split(":")[0].split(".")[-1]
            if ok:
                if self.verbose:
                    saved.write("ok\n")
                continue
            failed += 1
            out = [_DIVIDER + "\n",
                   f'File "{filename}", line {first_line + example.lineno}, in {name}\n',
                   "Failed example:\n", _indented(example.source)]
            if exc_line is not None and not want.startswith("Traceback"):
                out.append("Exception raised:\n")
                out.append(_indented("Traceback (most recent call last):\n" + exc_line))
            else:
                out.append(("Expected:\n" + _indented(want)) if want else "Expected nothing\n")
                shown = got if exc_line is None else exc_line
                out.append(("Got:\n" + _indented(shown)) if shown else "Got nothing\n")
            saved.write("".join(out))
        if failed:
            self.failures.append((name, failed, attempted))
        self.failed += failed
        self.attempted += attempted

    def summarize(self, passed_names, empty_names):
        if self.verbose:
            if empty_names:
                print(f"{len(empty_names)} items had no tests:")
                for name in sorted(empty_names):
                    print("    " + name)
            if passed_names:
                print(f"{len(passed_names)} items passed all tests:")
                for name, count in sorted(passed_names):
                    print(f" {count:3d} tests in {name}")
        if self.failures:
            print(_DIVIDER)
            print(f"{len(self.failures)} items had failures:")
            for name, failed, attempted in sorted(self.failures):
                print(f" {failed:3d} of {attempted:3d} in {name}")
        if self.verbose:
            print(f"{self.attempted} tests in {len(passed_names) + len(self.failures) + len(empty_names)} items.")
            print(f"{self.attempted - self.failed} passed and {self.failed} failed.")
        if self.failed:
            print(f"***Test Failed*** {self.failed} failures.")
        elif self.verbose:
            print("Test passed.")


def _first_line(obj):
    code = getattr(obj, "__code__", None)
    return code.co_firstlineno if code is not None else 0


def _collect(module_name, obj, name, out, seen):
    """(qualified name, object) for obj and the functions/classes in it."""
    if id(obj) in seen:
        return
    seen.add(id(obj))
    out.append((name, obj))
    members = obj.__dict__ if isinstance(obj, type) else {}
    for key, value in members.items():
        if isinstance(value, (staticmethod, classmethod)):
            value = value.__func__
        elif isinstance(value, property):
            value = value.fget
        if value is None:
            continue
        if (callable(value) or isinstance(value, type)) and getattr(value, "__module__", None) == module_name \
                and hasattr(value, "__qualname__"):
            _collect(module_name, value, f"{name}.{key}", out, seen)


def testmod(m=None, name=None, globs=None, verbose=None, report=True, optionflags=0,
            extraglobs=None, raise_on_error=False, exclude_empty=False):
    """Runs the examples of module m (default __main__); returns
    TestResults(failed, attempted)."""
    if m is None:
        m = sys.modules.get("__main__")
    if name is None:
        name = m.__name__
    if verbose is None:
        verbose = "-v" in sys.argv
    module_globs = m.__dict__ if globs is None else globs
    filename = getattr(m, "__file__", name)
    objects = [(name, m)]
    seen = {id(m)}
    for key, value in list(m.__dict__.items()):
        if (callable(value) or isinstance(value, type)) and getattr(value, "__module__", None) == m.__name__ \
                and hasattr(value, "__qualname__"):
            _collect(m.__name__, value, f"{name}.{key}", objects, seen)
    runner = _Runner(verbose, optionflags)
    passed, empty = [], []
    for qualname, obj in sorted(objects, key=lambda item: item[0]):
        doc = obj.__doc__ if isinstance(getattr(obj, "__doc__", None), str) else None
        examples = _parse(doc) if doc else []
        if not examples:
            if doc is not None or not exclude_empty:
                if obj is m or doc is not None:
                    empty.append(qualname)
            continue
        test_globs = dict(module_globs)
        if extraglobs:
            test_globs.update(extraglobs)
        before = runner.failed
        line = _first_line(obj)
        runner.run(qualname, filename, line + 1 if line else 1, examples, test_globs)
        if runner.failed == before:
            passed.append((qualname, len(examples)))
    if report:
        runner.summarize(passed, empty)
    return TestResults(runner.failed, runner.attempted)
