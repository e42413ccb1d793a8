"""Timing small code snippets (pyglass's bundled `timeit` module).

Timer(stmt, setup, timer, globals) with timeit(number), repeat(repeat,
number) and autorange(); the module functions timeit() and repeat();
default_timer is time.perf_counter. String statements are compiled into
one function with the loop inside, as CPython does, so names the setup
defines are locals of that function and the default globals are this
module's (`setup="from __main__ import f"` is the usual idiom).
Not provided: the command-line interface (python -m timeit).
"""

import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

default_timer = time.perf_counter
default_number = 1000000
default_repeat = 5

_TEMPLATE = """
def inner(_it, _timer{init}):
{setup}
    _t0 = _timer()
    for _i in _it:
{stmt}
        pass
    _t1 = _timer()
    return _t1 - _t0
"""


def _indent(code, spaces):
    return "\n".join(" " * spaces + line for line in code.split("\n"))


class Timer:
    """Times `stmt` (a string or a callable) after running `setup` once."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        local_ns = {}
        global_ns = _module_globals() if globals is None else globals
        init = ""
        if isinstance(setup, str):
            compile(setup, "<timeit-src>", "exec")   # report syntax errors early
            setup_code = _indent(setup, 4)
        elif callable(setup):
            local_ns["_setup"] = setup
            init += ", _setup=_setup"
            setup_code = "    _setup()"
        else:
            raise ValueError("setup is neither a string nor callable")
        if isinstance(stmt, str):
            compile(setup + "\n" + stmt if isinstance(setup, str) else stmt, "<timeit-src>", "exec")
            stmt_code = _indent(stmt, 8)
        elif callable(stmt):
            local_ns["_stmt"] = stmt
            init += ", _stmt=_stmt"
            stmt_code = "        _stmt()"
        else:
            raise ValueError("stmt is neither a string nor callable")
        src = _TEMPLATE.format(stmt=stmt_code, setup=setup_code, init=init)
        self.src = src
        code = compile(src, "<timeit-src>", "exec")
        exec(code, global_ns, local_ns)
        self.inner = local_ns["inner"]

    def timeit(self, number=default_number):
        """Seconds taken by `number` executions of the statement."""
        return self.inner(range(number), self.timer)

    def repeat(self, repeat=default_repeat, number=default_number):
        """A list of `repeat` results of timeit(number)."""
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        """(number, seconds) with number in 1, 2, 5, 10, 20, 50, ... so
        that the total takes at least 0.2 seconds."""
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def _module_globals():
    return globals()


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).timeit(number)."""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).repeat(repeat, number)."""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
