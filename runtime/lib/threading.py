# threading: pyglass's bundled implementation, written over _thread.
#
# The behaviour follows CPython 3.11's threading module (same names, same
# errors and messages); the code is pyglass's own. What differs is written
# down in docs/language.md ("Threads"). Notes on the design:
#   * A Thread holds `_done`, a plain lock, from the moment it runs until it
#     finishes; join() waits by acquiring it. So a thread blocked in join()
#     shows in the tools as "blocked on Lock 0x..." held by the thread it
#     joins.
#   * Condition keeps one waiter lock per waiting thread (acquired twice:
#     the second acquire blocks until notify() releases it). Event,
#     Semaphore and Barrier are built on Condition.
import _thread
import sys as _sys

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_set_thread_name = _thread._set_thread_name
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX

Lock = _allocate_lock
RLock = _thread.RLock

_counter = 0


# threading.settrace / setprofile: installed in every thread started after
# the call, before its run() (as CPython).
_trace_hook = None
_profile_hook = None


def settrace(func):
    """Set a trace function for the threads started from now on."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    return _trace_hook


def setprofile(func):
    """Set a profile function for the threads started from now on."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    return _profile_hook


def _newname(prefix):
    global _counter
    _counter += 1
    return prefix + str(_counter)


# ---------------------------------------------------------------- Condition

class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, exc_type, exc_value, traceback):
        return self._lock.__exit__(exc_type, exc_value, traceback)

    def __repr__(self):
        return f"<Condition({self._lock}, {len(self._waiters)})>"

    def _release_save(self):
        if type(self._lock) is RLock:
            return self._lock._release_save()
        self._lock.release()
        return None

    def _acquire_restore(self, saved):
        if type(self._lock) is RLock:
            self._lock._acquire_restore(saved)
        else:
            self._lock.acquire()

    def _is_owned(self):
        if type(self._lock) is RLock:
            return self._lock._is_owned()
        # A plain lock has no owner: held means "owned" (as CPython).
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved)
            if not gotit:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _monotonic() + waittime
                else:
                    waittime = endtime - _monotonic()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        while self._waiters and n > 0:
            waiter = self._waiters.pop(0)
            waiter.release()
            n -= 1

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        self.notify_all()


def _monotonic():
    import time
    return time.monotonic()


# ---------------------------------------------------------------- Semaphores

class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = type(self)
        return f"<{cls.__module__}.{cls.__qualname__} at {hex(id(self))}: value={self._value}>"

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _monotonic() + timeout
                    else:
                        timeout = endtime - _monotonic()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    def __enter__(self):
        return self.acquire()

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._value += n
            i = 0
            while i < n:
                self._cond.notify()
                i += 1

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = type(self)
        return (f"<{cls.__module__}.{cls.__qualname__} at {hex(id(self))}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            i = 0
            while i < n:
                self._cond.notify()
                i += 1


# ---------------------------------------------------------------- Event

class Event:
    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = type(self)
        status = "set" if self._flag else "unset"
        return f"<{cls.__module__}.{cls.__qualname__} at {hex(id(self))}: {status}>"

    def is_set(self):
        return self._flag

    def isSet(self):
        return self._flag

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


# ---------------------------------------------------------------- Barrier

class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    # _state: 0 filling, 1 draining, -1 resetting, -2 broken.
    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    def __repr__(self):
        cls = type(self)
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {hex(id(self))}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {hex(id(self))}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        while self._state == 1 or self._state == -1:
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        if self._state != 0:
            raise RuntimeError("barrier in an unexpected state")

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except BaseException:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(self._not_filling, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    def _not_filling(self):
        return self._state != 0

    def _exit(self):
        if self._count == 0:
            if self._state == -1 or self._state == 1:
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == -2


# ---------------------------------------------------------------- Thread

_active_limbo_lock = RLock()
_active = {}   # ident -> Thread, for running threads
_limbo = {}    # Thread -> Thread, started but not yet running


class ExceptHookArgs:
    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread


def excepthook(args):
    """Prints "Exception in thread NAME:" and the traceback to stderr
    (SystemExit is ignored), as CPython's default threading.excepthook."""
    if args.exc_type is SystemExit:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = str(get_ident())
    _thread._print_exception(args.exc_value, f"Exception in thread {name}:")


__excepthook__ = excepthook


class Thread:
    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-")
            if target is not None and hasattr(target, "__name__"):
                name = f"{name} ({target.__name__})"
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._started = Event()
        self._is_stopped = False
        self._done = _allocate_lock()
        self._initialized = True

    def __repr__(self):
        status = "initial"
        if self._started.is_set():
            status = "started"
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += f" {self._ident}"
        return f"<{type(self).__name__}({self._name}, {status})>"

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, (), None, self._name)
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            self._target = None
            self._args = None
            self._kwargs = None

    def _bootstrap(self):
        self._bootstrap_inner()

    def _bootstrap_inner(self):
        try:
            self._ident = get_ident()
            self._native_id = get_native_id()
            self._done.acquire()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            self._started.set()
            if _trace_hook is not None:  # threading.settrace (issue 9)
                _sys.settrace(_trace_hook)
            if _profile_hook is not None:
                _sys.setprofile(_profile_hook)
            try:
                self.run()
            except BaseException as exc:
                excepthook(ExceptHookArgs(type(exc), exc, exc.__traceback__, self))
        finally:
            with _active_limbo_lock:
                self._is_stopped = True
                if _active.get(self._ident) is self:
                    del _active[self._ident]
            if self._done.locked():
                self._done.release()

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if self._is_stopped:
            return
        if timeout is None:
            got = self._done.acquire()
        elif timeout > 0:
            got = self._done.acquire(True, timeout)
        else:
            got = self._done.acquire(False)
        if got:
            self._done.release()

    def is_alive(self):
        return self._started.is_set() and not self._is_stopped

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)
        if self._ident is not None and not self._is_stopped:
            _set_thread_name(self._ident, self._name)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._native_id

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class _MainThread(Thread):
    def __init__(self):
        self._target = None
        self._name = "MainThread"
        self._args = ()
        self._kwargs = {}
        self._daemonic = False
        self._started = Event()
        self._started._flag = True
        self._is_stopped = False
        self._done = _allocate_lock()
        self._done.acquire()
        self._ident = get_ident()
        self._native_id = get_native_id()
        self._initialized = True
        _active[self._ident] = self


class _DummyThread(Thread):
    # A thread started with _thread directly, seen by current_thread().
    def __init__(self):
        self._target = None
        self._name = _newname("Dummy-")
        self._args = ()
        self._kwargs = {}
        self._daemonic = True
        self._started = Event()
        self._started._flag = True
        self._is_stopped = False
        self._done = _allocate_lock()
        self._ident = get_ident()
        self._native_id = get_native_id()
        self._initialized = True
        _set_thread_name(self._ident, self._name)
        with _active_limbo_lock:
            _active[self._ident] = self

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise AssertionError("cannot join a dummy thread")


def current_thread():
    t = _active.get(get_ident())
    if t is None:
        return _DummyThread()
    return t


def currentThread():
    return current_thread()


def main_thread():
    return _main_thread


def enumerate():
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


def active_count():
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    return active_count()


def _shutdown():
    """Called by the runtime when the main program ends: waits for every
    non-daemon thread (the process exits after that)."""
    if _main_thread._is_stopped:
        return
    _main_thread._is_stopped = True
    if _main_thread._done.locked():
        _main_thread._done.release()
    while True:
        with _active_limbo_lock:
            pending = []
            for t in list(_active.values()) + list(_limbo.values()):
                if t is not _main_thread and not t._daemonic and t.is_alive():
                    pending.append(t)
        if not pending:
            return
        for t in pending:
            t.join()


# ---------------------------------------------------------------- local

class local:
    """Attributes with one value per thread. Subclasses may define
    __init__(self) without arguments: it runs once in each thread that uses
    the object (initialisation arguments are not supported yet)."""

    def __new__(cls):
        self = object.__new__(cls)
        object.__setattr__(self, "_local__dicts", {})
        return self

    def _local__ns(self):
        dicts = object.__getattribute__(self, "_local__dicts")
        key = _thread._serial()
        ns = dicts.get(key)
        if ns is None:
            ns = {}
            dicts[key] = ns
            if len(dicts) > 1:
                init = getattr(type(self), "__init__", None)
                if init is not None and init is not object.__init__:
                    init(self)
        return ns

    def __getattribute__(self, name):
        if name.startswith("_local__"):
            return object.__getattribute__(self, name)
        ns = local._local__ns(self)
        if name == "__dict__":
            return ns
        if name in ns:
            return ns[name]
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == "__dict__":
            raise AttributeError(f"{type(self).__name__!r} object attribute '__dict__' is read-only")
        local._local__ns(self)[name] = value

    def __delattr__(self, name):
        ns = local._local__ns(self)
        if name not in ns:
            raise AttributeError(name)
        del ns[name]


_main_thread = _MainThread()
