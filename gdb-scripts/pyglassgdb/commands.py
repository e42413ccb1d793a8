# The py-* commands, named and behaving like CPython's gdb helpers
# (Tools/gdb/libpython.py). Every line that describes a frame comes from the
# inspector's formatter (pgi_backtrace), so it is byte-identical to
# pyglass-stack's; this file only chooses which lines to show.
import re

import gdb

from . import inspector, stack
from .inspector import PGI_LOCALS, PGI_NO_HEADER, PyglassError


def _out(text):
    gdb.write(text if text.endswith("\n") else text + "\n")


class PyglassCommand(gdb.Command):
    """Base: runs `run(arg)` and turns every failure into one line."""

    def __init__(self, name, completer=gdb.COMPLETE_NONE):
        super().__init__(name, gdb.COMMAND_STACK, completer)
        self.command_name = name

    def invoke(self, arg, from_tty):
        try:
            self.run(arg.strip())
        except KeyboardInterrupt:
            raise
        except PyglassError as e:
            _out("%s: %s" % (self.command_name, e))
        except gdb.error as e:
            _out("%s: %s" % (self.command_name, e))
        except Exception as e:  # a bug here must not take gdb down
            _out("%s: internal error: %s: %s" % (self.command_name, type(e).__name__, e))

    def run(self, arg):
        raise NotImplementedError


# ------------------------------------------------------------ text blocks

def split_thread_text(text):
    """Splits one thread's block of the formatter's text into (header line,
    [frame lines, ...] per frame, trailing lines). A frame is its
    `  File ...` line and the deeper-indented lines under it (source line,
    [error], locals)."""
    lines = text.splitlines()
    header = None
    if lines and lines[0].startswith("Thread "):
        header = lines.pop(0)
    frames, trailer = [], []
    for line in lines:
        if line.startswith('  File "') and not trailer:
            frames.append([line])
        elif line.startswith("    ") and frames and not trailer:
            frames[-1].append(line)
        else:
            trailer.append(line)
    return header, frames, trailer


def frame_text(snap, tid, index, locals_=False):
    """The formatter's lines for frame `index` of thread `tid`."""
    key = ("text", tid, locals_)
    if key not in snap.cache:
        text = inspector.backtrace(snap, tid, PGI_NO_HEADER | (PGI_LOCALS if locals_ else 0))
        snap.cache[key] = split_thread_text(text)[1]
    blocks = snap.cache[key]
    if index >= len(blocks):
        raise PyglassError("frame %d is not in the backtrace" % index)
    return blocks[index]


def frame_summary(snap, tid, index):
    """Frame line plus source line (and [error] line), without locals."""
    return [line for line in frame_text(snap, tid, index)
            if not line.startswith("      ")]


# ------------------------------------------------------------ commands

class PyBt(PyglassCommand):
    """Display the Python stack of the selected thread, most recent call first.

Usage: py-bt
Each frame prints as in a Python traceback, with its source line. The lines
are the ones `pyglass-stack` prints. See also py-bt-full and py-threads."""

    def __init__(self, name="py-bt", locals_=False):
        super().__init__(name)
        self.locals = locals_

    def run(self, arg):
        snap = inspector.snapshot()
        tid = stack.selected_tid()
        stack.thread_frames(snap, tid)  # a clear error for a non-Python thread
        flags = PGI_NO_HEADER | (PGI_LOCALS if self.locals else 0)
        header, frames, trailer = split_thread_text(inspector.backtrace(snap, tid, flags))
        lines = ["Traceback (most recent call first):"]
        for block in frames:
            lines.extend(block)
        lines.extend(trailer)
        _out("\n".join(lines))


class PyBtFull(PyBt):
    """Display the Python stack of the selected thread with every frame's locals.

Usage: py-bt-full
Like py-bt; under each frame its local variables, arguments first, as
`NAME = REPR` (unbound locals are left out)."""

    def __init__(self):
        super().__init__("py-bt-full", locals_=True)


class PyThreads(PyglassCommand):
    """Display the Python stack of every thread of the process.

Usage: py-threads
One block per thread the VM knows, as `pyglass-stack` prints them."""

    def __init__(self):
        super().__init__("py-threads")

    def run(self, arg):
        _out(inspector.backtrace(inspector.snapshot(), 0, PGI_NO_HEADER))


class PyMove(PyglassCommand):
    def __init__(self, name, step, message):
        super().__init__(name)
        self.step = step
        self.message = message

    def run(self, arg):
        sel = stack.selected(require_frame=False)
        if not sel.frames:
            raise PyglassError("thread %d has no Python frames" % sel.tid)
        # Above every Python frame (e.g. `frame N` on main()): the oldest
        # Python frame is the next newer one.
        target = min(sel.index + self.step, len(sel.frames))
        if target < 0 or target >= len(sel.frames):
            _out(self.message)
            return
        stack.select(sel, target)
        _out("\n".join(frame_summary(sel.snap, sel.tid, target)))


class PyUp(PyMove):
    """Select and print the Python frame that called the selected one.

Usage: py-up
Moves one Python frame (not one native frame) towards the outermost call,
and selects the native eval_frame() call that runs it."""

    def __init__(self):
        super().__init__("py-up", 1, "Unable to find an older python frame")


class PyDown(PyMove):
    """Select and print the Python frame called by the selected one.

Usage: py-down
Moves one Python frame (not one native frame) towards the most recent call."""

    def __init__(self):
        super().__init__("py-down", -1, "Unable to find a newer python frame")


class PyList(PyglassCommand):
    """List the Python source code of the selected Python frame.

Usage: py-list          lines around the current line (marked with >)
       py-list START    10 lines from line START
       py-list START,END  lines START to END
The source is read from the file on this machine."""

    def __init__(self):
        super().__init__("py-list")

    def run(self, arg):
        start = end = None
        if arg:
            m = re.fullmatch(r"(\d+)\s*(?:,\s*(\d+))?", arg)
            if not m:
                raise PyglassError("usage: py-list [START[,END]]")
            start = int(m.group(1))
            end = int(m.group(2)) if m.group(2) else start + 10
        sel = stack.selected()
        frame = sel.frame
        filename = frame.get("filename", "")
        lineno = int(frame.get("line") or 0)
        if start is None:
            if lineno <= 0:
                raise PyglassError("the line of the selected Python frame is unknown")
            start, end = lineno - 5, lineno + 5
        start = max(start, 1)
        try:
            with open(filename, "r", encoding="utf-8", errors="replace") as f:
                source = f.readlines()
        except OSError as e:
            raise PyglassError("unable to open %s: %s" % (filename, e.strerror or e))
        out = []
        for number in range(start, min(end, len(source)) + 1):
            label = (">" if number == lineno else "") + str(number)
            out.append("%4s    %s" % (label, source[number - 1].rstrip("\r\n")))
        if out:
            _out("\n".join(out))


class PyPrint(PyglassCommand):
    """Print a Python variable as seen from the selected Python frame.

Usage: py-print NAME
Looks NAME up as Python would (locals, then globals, then builtins):
  local 'x' = 42 / global '__name__' = '__main__' / builtin 'len' = ... /
  'x' not found"""

    def __init__(self):
        super().__init__("py-print")

    def run(self, arg):
        if not re.fullmatch(r"[^\W\d]\w*", arg or ""):
            raise PyglassError("usage: py-print NAME")
        sel = stack.selected()
        _out(inspector.lookup_name(sel.snap, int(sel.frame.get("address") or 0), arg))


class PyLocals(PyglassCommand):
    """Print the local variables of the selected Python frame.

Usage: py-locals
One `NAME = REPR` line per bound local, arguments first."""

    def __init__(self):
        super().__init__("py-locals")

    def run(self, arg):
        sel = stack.selected()
        lines = ["%s = %s" % (v.get("name", "?"), v.get("repr", "?"))
                 for v in sel.frame.get("locals") or []]
        if lines:
            _out("\n".join(lines))


class PyValue(PyglassCommand):
    """Print the Python repr of a VM value.

Usage: py-value EXPRESSION
EXPRESSION is a tagged Value word (a pg::Value or an integer) or an object
pointer, e.g. `py-value $rdi` or `py-value 0x7ffff7a01230`. Works without
debug info (stripped and release builds)."""

    def __init__(self):
        super().__init__("py-value", gdb.COMPLETE_EXPRESSION)

    def run(self, arg):
        if not arg:
            raise PyglassError("usage: py-value EXPRESSION")
        bits = value_bits(gdb.parse_and_eval(arg))
        # 0 is "no value" (a null pointer, an unbound slot): printed like a
        # null pointer, as the pretty printers do.
        _out("0x0" if bits == 0 else inspector.render_value(inspector.snapshot(), bits))


def value_bits(value):
    """The 64-bit word of a gdb.Value that holds a pg::Value, an object
    pointer or an integer."""
    t = value.type.strip_typedefs()
    if t.code in (gdb.TYPE_CODE_REF, gdb.TYPE_CODE_RVALUE_REF):
        value = value.referenced_value()
        t = value.type.strip_typedefs()
    if t.code == gdb.TYPE_CODE_STRUCT:
        names = [f.name for f in t.fields()]
        if "bits" in names:
            return int(value["bits"]) & 0xFFFFFFFFFFFFFFFF
        if value.address is not None:  # an object itself: its address
            return int(value.address) & 0xFFFFFFFFFFFFFFFF
        raise PyglassError("cannot take a value from a %s" % t)
    if t.code in (gdb.TYPE_CODE_PTR, gdb.TYPE_CODE_INT, gdb.TYPE_CODE_ENUM, gdb.TYPE_CODE_BOOL,
                  gdb.TYPE_CODE_CHAR):
        return int(value) & 0xFFFFFFFFFFFFFFFF
    raise PyglassError("cannot take a value from a %s" % t)


def register():
    for cls in (PyBt, PyBtFull, PyThreads, PyUp, PyDown, PyList, PyPrint, PyLocals, PyValue):
        cls()
