# A frame filter for plain `bt`: every native eval_frame() activation is
# followed by the Python frames it runs, innermost first, as elided child
# frames ("function at file:line"). The pairing is by address: the
# activation's shim frame lies in the native frame's stack range [sp, cfa)
# (docs/frame-layout.md, "Shim entry frames"), so it needs no symbols and
# works on stripped binaries. `bt -no-filters` shows the native frames alone.
import gdb
from gdb.FrameDecorator import FrameDecorator

from . import inspector, stack


class PythonFrame(FrameDecorator):
    """One Python frame, shown under the native frame that runs it."""

    def __init__(self, native, frame):
        super().__init__(native)
        self._frame = frame

    def function(self):
        name = self._frame.get("function") or "???"
        return "[python] " + name

    def address(self):
        return None

    def filename(self):
        return self._frame.get("filename") or "???"

    def line(self):
        line = self._frame.get("line") or 0
        return line if line > 0 else None

    def frame_args(self):
        return None

    def frame_locals(self):
        return None

    def elided(self):
        return None


class NativeFrame(FrameDecorator):
    """A native frame passed through. Only changes what gdb's frame-filter
    printer would show for a function without a symbol (a stripped
    binary): "??", as plain `bt` does, instead of nothing."""

    def function(self):
        name = super().function()
        if isinstance(name, int):
            try:
                return self.inferior_frame().name() or "??"
            except gdb.error:
                return "??"
        return name


class EvalFrame(NativeFrame):
    """A native eval_frame() activation with its Python frames elided under it."""

    def __init__(self, base, frames):
        super().__init__(base)
        self._frames = frames

    def elided(self):
        inner = super().elided()
        native = self.inferior_frame()
        children = [PythonFrame(native, f) for f in self._frames]
        if inner:
            children = list(inner) + children
        return iter(children)


class PyglassFrameFilter:
    """Enabled only while the selected inferior is a pyglass process: for any
    other program gdb sees no enabled filter and prints `bt` its own way."""

    name = "pyglass"
    priority = 100

    def __init__(self):
        self._enabled = True

    @property
    def enabled(self):
        if not self._enabled:
            return False
        try:
            return inspector.is_pyglass(inspector.snapshot())
        except Exception:
            return False

    @enabled.setter
    def enabled(self, value):  # enable/disable frame-filter
        self._enabled = bool(value)

    def filter(self, frame_iter):
        try:
            frames = stack.thread_frames(inspector.snapshot(), stack.selected_tid())
        except Exception:
            frames = []  # not ours to explain: plain bt as usual
        groups = [g for g in stack.activations(frames) if g[1]]
        return self._merge(frame_iter, groups)

    def _merge(self, frame_iter, groups):
        pending = list(groups)  # innermost (lowest shim address) first
        held = None
        for decorator in frame_iter:
            claimed = []
            if pending:
                try:
                    sp, cfa = stack.stack_range(decorator.inferior_frame())
                    claimed = [g for g in pending if g[0] and sp <= g[0] < cfa]
                except (gdb.error, RuntimeError):
                    claimed = []
            if claimed:
                pending = [g for g in pending if g not in claimed]
                decorator = EvalFrame(decorator, [f for g in claimed for f in g[1]])
            else:
                decorator = NativeFrame(decorator)
            if held is not None:
                yield held
            held = decorator
        if held is not None:
            if pending:  # frames no native frame claims: show them at the end
                held = EvalFrame(held, [f for g in pending for f in g[1]])
            yield held


_filter = None


def register():
    global _filter
    if _filter is None:
        _filter = PyglassFrameFilter()
    gdb.frame_filters[_filter.name] = _filter
