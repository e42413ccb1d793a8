# Shared helpers of the debugger scenarios (corpora/scenarios/*.py).
#
# The readiness protocol (docs/debugging.md, tests/debugger/run_scenario.py):
# a scenario that is ready to be inspected prints "ready" on stdout, flushed,
# and, when it was given `--ready FILE`, also writes "ready\n" to FILE. Then
# it waits (time.sleep) in the frame the test expects to see innermost.
#
# The helpers run and return before the wait, so none of their frames is on
# the stack the tests look at.
import builtins
import sys


def ready_file():
    """The FILE of `--ready FILE` on the command line, or None."""
    args = sys.argv
    i = 1
    while i < len(args) - 1:
        if args[i] == "--ready":
            return args[i + 1]
        i += 1
    return None


def positional(index, default):
    """The index-th positional argument (after the script, --ready FILE
    skipped) as an int, or default when absent."""
    args = sys.argv
    found = 0
    i = 1
    while i < len(args):
        if args[i] == "--ready":
            i += 2
            continue
        if found == index:
            return int(args[i])
        found += 1
        i += 1
    return default


def signal_ready():
    path = ready_file()
    # pyglass has no open() yet: there, the stdout line is the signal (the
    # test driver reads the scenario's stdout). Under CPython both are sent.
    if path is not None and hasattr(builtins, "open"):
        f = open(path, "w")
        f.write("ready\n")
        f.close()
    print("ready", flush=True)
