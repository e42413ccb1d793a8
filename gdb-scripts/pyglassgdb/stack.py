# gdb's threads and native frames meet the inspector's Python frames here:
# which kernel thread gdb has selected, which Python frames each native
# eval_frame() activation runs (by the shim's address, never by counting),
# and which Python frame py-up/py-down/py-print/py-list/py-locals act on.
import gdb

from . import inspector
from .inspector import PyglassError

UNLIMITED = 1 << 64


def selected_tid():
    """Kernel thread id (LWP) of gdb's selected thread."""
    thread = gdb.selected_thread()
    if thread is None or not thread.is_valid():
        raise PyglassError("no thread (start the program, attach to a process or open a core file)")
    pid, lwp, _ = thread.ptid
    return lwp or pid


def thread_frames(snap, tid):
    """The JSON frames of thread `tid`, innermost first."""
    try:
        doc = inspector.frames(snap, tid)
    except PyglassError as e:
        if str(e).startswith("no pyglass thread"):
            raise PyglassError("thread %d runs no Python code (not a pyglass thread)" % tid)
        raise
    threads = doc.get("threads") or []
    return threads[0].get("frames", []) if threads else []


def activation_shims(frames):
    """For every frame (innermost first), the address of the shim of the
    eval_frame() activation that runs it (0 when unknown). An activation
    runs the frames from its entry frame (the one with `shim` set) inwards
    up to the next entry frame."""
    shims = [0] * len(frames)
    current = 0
    for i in range(len(frames) - 1, -1, -1):
        shim = frames[i].get("shim") or 0
        if frames[i].get("is_entry") and shim:
            current = shim
        shims[i] = current
    return shims


def activations(frames):
    """[(shim, [frame, ...]), ...] innermost activation first."""
    groups = []
    for frame, shim in zip(frames, activation_shims(frames)):
        if groups and groups[-1][0] == shim:
            groups[-1][1].append(frame)
        else:
            groups.append((shim, [frame]))
    return groups


def stack_pointer(frame):
    return int(frame.read_register("sp")) & (UNLIMITED - 1)


def stack_range(frame):
    """[sp, cfa) of a native frame: its own stack pointer up to its caller's
    (the canonical frame address on x86-64: the caller's sp before the
    call). The outermost frame extends to the end of memory."""
    sp = stack_pointer(frame)
    try:
        older = frame.older()
    except gdb.error:
        older = None
    cfa = UNLIMITED
    if older is not None:
        try:
            cfa = stack_pointer(older)
        except gdb.error:
            pass
    return sp, cfa


def native_frame_of(shim):
    """The native frame of the selected thread whose stack range holds
    `shim` (the eval_frame() activation), or None."""
    if not shim:
        return None
    frame = gdb.newest_frame()
    while frame is not None:
        sp, cfa = stack_range(frame)
        if sp <= shim < cfa:
            return frame
        if sp > shim:
            return None
        frame = frame.older()
    return None


# ------------------------------------------------------------ selection
#
# py-up/py-down move through Python frames, not native ones. The index of
# the selected Python frame is kept together with what it was chosen for
# (thread, gdb's selected frame, the stop): when any of those changes, the
# selection starts again from the Python frame that gdb's selected native
# frame runs (or the next older one), like libpython's.

class _Selection:
    key = None
    index = 0


_selection = _Selection()


def _selected_native_frame():
    try:
        return gdb.selected_frame()
    except gdb.error:
        return None


def _selection_key(tid, native):
    where = None
    if native is not None:
        try:
            where = (native.level(), stack_pointer(native), native.pc())
        except gdb.error:
            where = None
    inferior = gdb.selected_inferior()
    return (inferior.num, inferior.pid, tid, where, inspector.generation())


def _base_index(frames, native):
    """Index of the innermost Python frame run by the selected native frame
    or an older one."""
    if native is None or native.level() == 0:
        return 0
    try:
        sp = stack_pointer(native)
    except gdb.error:
        return 0
    for i, shim in enumerate(activation_shims(frames)):
        if shim == 0 or shim >= sp:
            return i
    return len(frames)


class Selected:
    """The selected Python frame of the selected thread."""

    def __init__(self, snap, tid, frames, index):
        self.snap = snap
        self.tid = tid
        self.frames = frames
        self.index = index

    @property
    def frame(self):
        return self.frames[self.index]


def selected(require_frame=True):
    snap = inspector.snapshot()
    tid = selected_tid()
    frames = thread_frames(snap, tid)
    native = _selected_native_frame()
    key = _selection_key(tid, native)
    if key != _selection.key:
        _selection.key = key
        _selection.index = _base_index(frames, native)
    index = min(_selection.index, len(frames))
    if require_frame and index >= len(frames):
        if not frames:
            raise PyglassError("thread %d has no Python frames" % tid)
        raise PyglassError("no Python frame in or above the selected native frame")
    return Selected(snap, tid, frames, index)


def select(sel, index):
    """Makes frame `index` of `sel` the selected Python frame, and the native
    eval_frame() activation that runs it gdb's selected frame."""
    shims = activation_shims(sel.frames)
    native = native_frame_of(shims[index])
    if native is not None:
        native.select()
    else:
        native = _selected_native_frame()
    _selection.key = _selection_key(sel.tid, native)
    _selection.index = index
    sel.index = index


def reset(*_args):
    _selection.key = None
