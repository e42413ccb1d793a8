#!/usr/bin/env python3
"""LLDB plugin test: real lldb-16 in batch mode against the debugger scenarios.

Usage:
  run_lldb_test.py --repo DIR --pyglass BIN --stack BIN --plugin SO [--lldb LLDB]
                   [--variant plain|stripped] CHECK [SCENARIO [ARGS...]]

CHECK is one of:
  scenario  run corpora/scenarios/SCENARIO.py; live (`lldb -p PID`), then on
            a gcore core (`lldb BIN -c CORE`), or, for a crash scenario
            (its .expected has a Crash: line), on the kernel's core and
            launched under lldb (`process launch`, stopped at the signal).
            Every command is run in one lldb session per target and its
            output compared exactly:
              py-bt, py-bt-full  = "Traceback (most recent call first):" and
                                   the lines under the Thread line of
                                   `pyglass-stack [--locals] --tid PID` on the
                                   same target, and the frames / locals of
                                   the scenario's .expected / .locals files
              py-bt --native     = `pyglass-stack --native` (native frames
                                   included), and every run of Python frames
                                   follows its native eval_frame frame,
                                   grouped as the [eval_frame] markers say
              py-list, py-list N, py-list A,B   the source lines, '>' on the
                                   frame's line
              py-up / py-down    each frame's line and source, then exactly
                                   "Unable to find an older python frame" /
                                   "Unable to find a newer python frame"
              py-print, py-locals, py-value
              py-threads         = pyglass-stack's text without its Process
                                   line (a core's crash line without the
                                   fault address: LLDB 16 has no siginfo for
                                   cores; launched, with it)
            After the live session the process must still run, untraced.
  errors    a target that is not pyglass (/bin/sleep, live and its core) and
            no target at all: every command prints one `error: ...` line;
            bad arguments on a pyglass process: one `error: usage: ...`.
  summary   (needs a runtime with debug info, i.e. a Debug build; else
            skipped) the type summaries: `target variable` / `expression`
            on pg::Value and object pointers print the Python repr.
  installed `cmake --install BUILD --component pyglass_lldb` into a
            temporary prefix (needs --build-dir); the installed
            PREFIX/lib/pyglass/libpyglass-lldb.so loads and runs py-bt.

--variant stripped runs the scenario with a copy of BIN made by `strip
--strip-all`. The scenario programs, the readiness protocol, the expected
files and the process helpers are those of tests/debugger/run_scenario.py.
Exit status: 0 passed, 1 a check failed, 77 skipped, 2 harness error.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "debugger"))
sys.dont_write_bytecode = True  # no __pycache__ in the other suite's directory
import run_scenario as rs  # noqa: E402  (the debugger suite's helpers)

NO_OLDER = "Unable to find an older python frame"
NO_NEWER = "Unable to find a newer python frame"
NOT_PYGLASS = "error: not a pyglass process (no debug table)"
TRACEBACK = "Traceback (most recent call first):"
LLDB_TIMEOUT_S = 60

# What py-print must say in a scenario's frames: {scenario: {frame index:
# [(name, expected line or compiled regex)]}}. Frame 0 is the innermost.
PRINTS = {
    "chain": {
        0: [("small", "local 'small' = 42"),
            ("text", "local 'text' = \"héllo 'world'\""),
            ("__name__", "global '__name__' = 'chain_leaf'"),
            ("len", re.compile(r"^builtin 'len' = <.* at 0x[0-9a-f]+>$")),
            ("no_such_name", "'no_such_name' not found")],
        1: [("count", "local 'count' = 3"),
            ("results", "local 'results' is unbound"),
            ("chain_leaf", re.compile(r"^global 'chain_leaf' = <module 'chain_leaf'.*>$"))],
        4: [("main", re.compile(r"^global 'main' = <function main at 0x[0-9a-f]+>$"))],
    },
    "generator": {
        0: [("i", "local 'i' = 3"), ("limit", "local 'limit' = 10")],
        1: [("total", "local 'total' = 3")],
    },
    "deep": {
        0: [("n", "local 'n' = 1")],
        1: [("n", "local 'n' = 2")],
    },
    "crash_segv": {
        0: [("where", "local 'where' = 'x=11'")],
        1: [("x", "local 'x' = 11")],
    },
    "crash_abort": {},
}
# How many py-up steps a scenario's session takes (None: to the outermost
# frame and one more, which must say NO_OLDER).
WALK = {"deep": 2}


def log(*args):
    print(*args, flush=True)


# ----------------------------------------------------------------- lldb

def run_lldb(args, target_argv, commands, on_crash=()):
    """One batch session: `plugin load`, the target, the commands (-o), and
    the commands to run once the launched program has crashed (-k). Returns
    (rc, [(command, output)], raw text). stdout and stderr share one pipe so
    that each error stays under its command's echo line."""
    argv = [args.lldb, "-b", "-x", "-o", "plugin load " + args.plugin]
    for cmd in commands:
        argv += ["-o", cmd]
    for cmd in on_crash:
        argv += ["-k", cmd]
    argv += target_argv
    try:
        proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=LLDB_TIMEOUT_S,
                              start_new_session=True, preexec_fn=rs._child_setup())
    except subprocess.TimeoutExpired:
        raise rs.HarnessError("lldb timed out after %d s: %s" % (LLDB_TIMEOUT_S, " ".join(argv)))
    text = proc.stdout.decode("utf-8", "replace")
    return proc.returncode, split_session(text), text


def split_session(text):
    """[(command, output)] from lldb's echo lines `(lldb) COMMAND`."""
    out = []
    for line in text.splitlines():
        if line.startswith("(lldb) "):
            out.append([line[len("(lldb) "):], []])
        elif out:
            out[-1][1].append(line)
    return [(cmd, "\n".join(lines)) for cmd, lines in out]


def session_outputs(c, label, segments, commands):
    """The outputs of `commands`, in order: the segments from the first
    one of commands[0] on (before it: `plugin load` and lldb's own, for the
    target); a missing one is a harness error."""
    for s in segments:
        if s[0].startswith("plugin load") and s[1].strip():
            c.fail("%s: plugin load" % label, "output:\n" + rs.tail(s[1]))
    first = next((i for i, s in enumerate(segments) if s[0] == commands[0]), len(segments))
    ours = segments[first:first + len(commands)]
    if [cmd for cmd, _ in ours] != commands:
        raise rs.HarnessError("%s: lldb ran %s, expected %s" %
                              (label, [cmd for cmd, _ in segments], commands))
    return [o for _, o in ours]


# ----------------------------------------------------------------- expectations

def strip_header(text):
    """pyglass-stack's report without its `Process ...` line: py-threads."""
    lines = text.splitlines()
    if lines and lines[0].startswith("Process "):
        lines = lines[1:]
    return "\n".join(lines)


def traceback(text):
    """py-bt's form of pyglass-stack's report of one thread: the Traceback
    line, then the lines after the `Thread ...` line (no Process and Crash
    lines: LLDB's stop reason says that)."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if rs.THREAD_RE.match(line):
            return "\n".join([TRACEBACK] + lines[i + 1:])
    raise rs.HarnessError("no Thread line in:\n" + rs.tail(text))


def as_thread(pid, out):
    """lldb's py-bt output with a thread line, for the checks of
    run_scenario.py (which look for the thread)."""
    lines = out.splitlines()
    if lines and lines[0] == TRACEBACK:
        lines = lines[1:]
    return "\n".join(['Thread %d "MainThread" (running):' % pid] + lines)


def without_fault_address(text):
    return re.sub(r"^(Crash: \S+) \(fault address 0x[0-9a-f]+\)", r"\1", text, flags=re.M)


def frame_blocks(report_text):
    """[(frame line, source line or None)] of the Python frames of a report
    without locals, innermost first."""
    blocks = []
    for line in report_text.splitlines():
        if rs.FRAME_RE.match(line):
            blocks.append([line, None])
        elif blocks and line.startswith("    ") and not line.startswith("      ") \
                and blocks[-1][1] is None and not line.startswith("    [error]"):
            blocks[-1][1] = line
    return blocks


def frame_text(block):
    return block[0] + ("\n" + block[1] if block[1] is not None else "")


def file_lines(path):
    with open(path, "rb") as f:
        data = f.read().decode("utf-8", "replace")
    lines = data.split("\n")
    if data.endswith("\n"):
        lines.pop()
    return lines


def listing(path, line, start=None, end=None):
    """What py-list prints: lines [start, end] of the file, '>' on `line`
    (CPython's gdb py-list layout: '%4s    %s')."""
    if start is None:
        start, end = line - 5, line + 5
    start = max(start, 1)
    out = []
    for n, text in enumerate(file_lines(path), 1):
        if start <= n <= end:
            label = (">" if n == line else "") + str(n)
            out.append("%4s    %s" % (label, text))
    return "\n".join(out)


def locals_by_frame(frames, want):
    """{frame index: ["name = repr", ...]} from a .locals file (each `in
    NAME` takes the next frame of that name, as check_locals does)."""
    out, i = {}, 0
    for fn, locs in want or []:
        while i < len(frames) and frames[i].function != fn:
            i += 1
        if i == len(frames):
            break
        out[i] = locs
        i += 1
    return out


class Expect:
    """Commands of one session and what each must print."""

    def __init__(self):
        self.commands, self.checks = [], []

    def add(self, command, want, name=None):
        """want: a string (exact), a compiled regex (whole output), or None
        (checked by the caller). Returns the command's index."""
        self.commands.append(command)
        self.checks.append((name or command, want))
        return len(self.commands) - 1

    def verify(self, c, label, outputs):
        for (name, want), got in zip(self.checks, outputs):
            full = "%s: %s" % (label, name)
            if want is None:
                continue
            if isinstance(want, re.Pattern):
                c.expect(full, want.match(got) is not None,
                         "output does not match %s:\n%s" % (want.pattern, rs.tail(got)))
            else:
                c.expect(full, got == want, diff_text(want, got))


def diff_text(want, got):
    import difflib
    d = list(difflib.unified_diff(want.splitlines(), got.splitlines(), "expected", "lldb",
                                  lineterm="", n=2))
    if len(d) > 60:
        d = d[:60] + ["... (%d more diff lines)" % (len(d) - 60)]
    return "\n".join("    " + x for x in d) or "    (differs only in whitespace at the ends)"


# ----------------------------------------------------------------- scenario

def scenario_session(c, args, label, target_argv, pid, cli, expected, crash, locals_want,
                     symbols, value_checks):
    """Builds the command list of one session from the CLI's report of the
    same target (`bt`, `bt_locals`), runs lldb once, checks every output."""
    scenario = args.scenario
    bt, bt_locals, bt_native = cli
    blocks = frame_blocks(bt)
    frames = [f for f in expected if f != rs.EVAL_MARK]
    n = len(blocks)
    if n == 0:
        raise rs.HarnessError("%s: pyglass-stack printed no Python frames:\n%s"
                              % (label, rs.tail(bt)))
    frame_locals = locals_by_frame(frames, locals_want)
    prints = PRINTS.get(scenario, {})
    e = Expect()

    i_bt = e.add("py-bt", traceback(bt))
    i_full = e.add("py-bt-full", traceback(bt_locals))
    # The native frames too: LLDB's unwinder and symbols give the lines the
    # CLI's unwinders (libunwind live, libdwfl for cores) give.
    i_native = e.add("py-bt --native", traceback(bt_native))

    # Where the session starts: the innermost frame.
    f0 = frames[0]
    e.add("py-list", listing(f0.filename, f0.line))
    e.add("py-list 1", listing(f0.filename, f0.line, 1, 11))
    e.add("py-list 3,5", listing(f0.filename, f0.line, 3, 5))
    e.add("py-threads", strip_header(bt))
    e.add("py-down", NO_NEWER, "py-down at the innermost frame")

    def at_frame(i):
        if i in frame_locals:
            e.add("py-locals", "\n".join(frame_locals[i]), "py-locals in frame %d" % i)
        for name, want in prints.get(i, []):
            e.add("py-print %s" % name, want)

    at_frame(0)
    steps = WALK.get(scenario)
    steps = n - 1 if steps is None else min(steps, n - 1)
    for i in range(1, steps + 1):
        e.add("py-up", frame_text(blocks[i]), "py-up to frame %d" % i)
        if i == 1:
            # py-up selected the native eval_frame() frame that runs frame 1.
            e.add("frame info", re.compile(r"^frame #\d+: 0x[0-9a-f]+ %s" % (
                r"\S+`pg::eval_frame\(" if symbols else r"\S+`")),
                "py-up selected the eval_frame frame")
        e.add("py-list", listing(frames[i].filename, frames[i].line), "py-list in frame %d" % i)
        at_frame(i)
    if steps == n - 1:
        e.add("py-up", NO_OLDER, "py-up at the outermost frame")
    for i in range(steps - 1, -1, -1):
        e.add("py-down", frame_text(blocks[i]), "py-down to frame %d" % i)
    e.add("py-down", NO_NEWER, "py-down back at the innermost frame")
    if n > 2:
        # Selecting a native frame in LLDB starts the Python selection again
        # from the frames that native frame (or an older one) runs.
        e.add("py-up", frame_text(blocks[1]), "py-up to frame 1 (again)")
        e.add("py-up", frame_text(blocks[2]), "py-up to frame 2 (again)")
        e.add("frame select 0", None)
        e.add("py-list", listing(f0.filename, f0.line), "py-list after `frame select 0`")
    # Raw values: a small int, null, a bad pointer; more from the caller.
    e.add("py-value 85", "42")
    e.add("py-value 0", "0x0")
    e.add("py-value 8", "<unreadable at 0x8>")
    for cmd, want in value_checks:
        e.add(cmd, want)

    rc, segments, raw = run_lldb(args, target_argv, e.commands)
    if rc != 0:
        c.fail("%s: lldb exit status" % label, "status %d:\n%s" % (rc, rs.tail(raw, 40)))
    outputs = session_outputs(c, label, segments, e.commands)
    e.verify(c, label, outputs)
    # The same outputs against the scenario's files (the checks of the
    # pyglass-stack suite, on lldb's text).
    c.check_frames("%s: py-bt vs %s.expected" % (label, scenario), as_thread(pid, outputs[i_bt]),
                   pid, expected)
    if locals_want:
        c.check_locals("%s: py-bt-full vs %s.locals" % (label, scenario),
                       as_thread(pid, outputs[i_full]), pid, locals_want)
    native = outputs[i_native]
    c.check_native("%s: py-bt --native, eval_frame groups" % label, as_thread(pid, native), pid,
                   expected, symbols)
    py_only = "\n".join(l for l in native.splitlines() if not l.startswith("  Native "))
    c.expect("%s: py-bt --native, Python lines as py-bt" % label, py_only == traceback(bt),
             diff_text(traceback(bt), py_only))
    return dict(zip(e.commands, outputs))


def launched_session(c, args, binary, script, expected, crash, bt, raw, core_pid):
    """The crash scenario run under lldb (`process launch`): LLDB stops it
    at the signal, with the siginfo, so py-threads shows the crash line with
    the fault address, as pyglass-stack does for the kernel's core (`raw`).
    The pids differ: the core's is replaced by the launched one."""
    e = Expect()
    i_bt = e.add("py-bt", traceback(bt), "py-bt at the crash")
    i_threads = e.add("py-threads", None)
    name, want = (PRINTS.get(args.scenario, {}).get(0) or [(None, None)])[0]
    if name:
        e.add("py-print %s" % name, want)
    rc, segments, text = run_lldb(args, [binary, "--", script], ["process launch"],
                                  on_crash=e.commands + ["kill"])
    outputs = session_outputs(c, "launched", segments, e.commands)
    e.verify(c, "launched", outputs)
    m = re.match(r"^Crash: \S+(?: \(fault address 0x[0-9a-f]+\))? in thread (\d+)$",
                 outputs[i_threads].split("\n")[0])
    if not m:
        c.fail("launched: py-threads", "no crash line:\n" + rs.tail(outputs[i_threads]))
        return
    pid = int(m.group(1))
    want = re.sub(r"\b%d\b" % core_pid, str(pid), strip_header(raw))
    c.expect("launched: py-threads (crash line with the fault address)",
             outputs[i_threads] == want, diff_text(want, outputs[i_threads]))
    c.check_frames("launched: py-bt vs %s.expected" % args.scenario,
                   as_thread(pid, outputs[i_bt]), pid, expected)


def cli_reports(c, args, label, cli_target, pid, crash):
    """pyglass-stack's reports of the main thread: plain, --locals, --native
    (for a kernel core without the fault address, see the module doc)."""
    out = []
    for extra in ([], ["--locals"], ["--native"]):
        text = c.stack("%s: pyglass-stack %s" % (label, " ".join(extra)),
                       cli_target + ["--tid", str(pid)] + extra)
        if text is None:
            raise rs.HarnessError("%s: pyglass-stack failed; nothing to compare with" % label)
        out.append(without_fault_address(text) if crash else text)
    return out


def builtin_value_check(outputs):
    """py-value ADDRESS of the object `py-print len` showed in a session:
    the next session (a core of the same process) must render it alike."""
    line = outputs.get("py-print len", "")
    m = re.match(r"^builtin 'len' = (<.* at (0x[0-9a-f]+)>)$", line)
    return [("py-value %s" % m.group(2), m.group(1))] if m else []


def run_scenario_check(args, c, work):
    scen_dir = os.path.join(args.repo, "corpora", "scenarios")
    n = None
    if args.scenario_args:
        try:
            n = int(args.scenario_args[0])
        except ValueError:
            pass
    if n is None and args.scenario == "deep":
        n = 1000
    expected, crash = rs.load_expected(os.path.join(scen_dir, args.scenario + ".expected"),
                                       args.repo, n)
    locals_path = os.path.join(scen_dir, args.scenario + ".locals")
    locals_want = rs.load_locals(locals_path) if os.path.exists(locals_path) else None

    binary, symbols = os.path.abspath(args.pyglass), True
    if args.variant == "stripped":
        stripped = os.path.join(work, "pyglass-stripped")
        rc, out, err = rs.run_tool(["strip", "--strip-all", "-o", stripped, binary])
        if rc != 0:
            raise rs.HarnessError("strip failed: %s" % err)
        binary, symbols = stripped, False
    script = os.path.join(scen_dir, args.scenario + ".py")
    argv = [binary, script] + args.scenario_args + ["--ready", os.path.join(work, "ready")]

    if crash:
        pattern, uses_pid = rs.kernel_core_location()
        cwd = os.path.join(work, "crash")
        os.mkdir(cwd)
        proc = rs.spawn(argv, cwd, core_unlimited=True)
        try:
            proc.communicate(timeout=rs.CRASH_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise rs.HarnessError("the crash scenario did not crash in %d s" % rs.CRASH_TIMEOUT_S)
        if proc.returncode >= 0:
            raise rs.HarnessError("the scenario exited with status %d, not a signal"
                                  % proc.returncode)
        core = os.path.join(cwd, pattern + (".%d" % proc.pid if uses_pid else ""))
        if not os.path.exists(core):
            raise rs.HarnessError("no core at %s (ls: %s)" % (core, os.listdir(cwd)))
        cli = cli_reports(c, args, "kcore", ["core", core, "--exe", binary], proc.pid, crash)
        c.expect("kcore: the crash line", ("Crash: %s in thread %d" % (crash, proc.pid))
                 in cli[0].splitlines(), "no 'Crash: %s in thread %d' line in:\n%s"
                 % (crash, proc.pid, rs.tail(cli[0])))
        scenario_session(c, args, "kcore", [binary, "-c", core], proc.pid, cli, expected, crash,
                         locals_want, symbols, [])
        raw = c.stack("kcore: pyglass-stack (fault address)",
                      ["core", core, "--exe", binary, "--tid", str(proc.pid)])
        os.unlink(core)
        if raw is not None:
            launched_session(c, args, binary, script, expected, crash, cli[0], raw, proc.pid)
        return

    proc = rs.spawn(argv, work)
    rs.wait_ready(proc, args.scenario)
    pid = proc.pid
    cli = cli_reports(c, args, "live", ["pid", str(pid)], pid, None)
    live = scenario_session(c, args, "live", ["-p", str(pid)], pid, cli, expected, None,
                            locals_want, symbols, [])
    c.check_untouched("live: after lldb, the process runs, untraced", proc)
    core = os.path.join(work, "gcore.core")
    rs.gcore(pid, core)
    cli = cli_reports(c, args, "gcore", ["core", core, "--exe", binary], pid, None)
    scenario_session(c, args, "gcore", [binary, "-c", core], pid, cli, expected, None,
                     locals_want, symbols, builtin_value_check(live))
    os.unlink(core)


# ----------------------------------------------------------------- errors

ALL_COMMANDS = ["py-bt", "py-bt --native", "py-bt-full", "py-list", "py-list 3", "py-up",
                "py-down", "py-print x", "py-locals", "py-threads", "py-value 85"]
# Bad arguments on a pyglass process: (command, the error line).
BAD_ARGUMENTS = [
    ("py-bt --bogus", "error: usage: py-bt [--native]"),
    ("py-bt-full x", "error: usage: py-bt-full [--native]"),
    ("py-list x", "error: usage: py-list [START[,END]]"),
    ("py-list 3,", "error: usage: py-list [START[,END]]"),
    ("py-up 2", "error: usage: py-up"),
    ("py-print", "error: usage: py-print NAME"),
    ("py-print 1x", "error: usage: py-print NAME"),
    ("py-locals x", "error: usage: py-locals"),
    ("py-value", "error: usage: py-value EXPRESSION"),
    ("py-value no_such_variable_here", re.compile(r"^error: cannot evaluate 'no_such_variable_here': .*")),
]


def run_errors_check(args, c, work):
    # Every command in one session: `command source -e false` goes on after
    # an error, where -o commands in batch mode stop at the first.
    script = os.path.join(work, "commands.lldb")
    with open(script, "w") as f:
        f.write("\n".join(ALL_COMMANDS) + "\n")

    def one_error_each(label, target_argv, expected, commands=ALL_COMMANDS):
        """expected: {command: line or regex} or one line for all."""
        with open(script, "w") as f:
            f.write("\n".join(commands) + "\n")
        rc, segments, raw = run_lldb(args, target_argv, ["command source -e false " + script])
        outs = {}
        for cmd, out in segments:
            if cmd in commands:
                outs.setdefault(cmd, out)
        for cmd in commands:
            want = expected[cmd] if isinstance(expected, dict) else expected
            out = outs.get(cmd)
            lines = out.splitlines() if out is not None else []
            good = len(lines) == 1 and (want.match(lines[0]) is not None
                                        if isinstance(want, re.Pattern) else lines[0] == want)
            c.expect("%s: %s" % (label, cmd), good, "expected one line %s, got:\n%s"
                     % (want.pattern if isinstance(want, re.Pattern) else repr(want),
                        rs.tail(out if out is not None else raw)))

    sleeper = rs.spawn(["sleep", "100"], work)
    time.sleep(0.05)
    one_error_each("sleep (live)", ["-p", str(sleeper.pid)], NOT_PYGLASS)
    c.check_untouched("sleep (live): still running, untraced", sleeper)
    core = os.path.join(work, "sleep.core")
    rs.gcore(sleeper.pid, core)
    sleep_exe = shutil.which("sleep") or "/bin/sleep"
    one_error_each("sleep (core)", [os.path.realpath(sleep_exe), "-c", core], NOT_PYGLASS)
    os.unlink(core)
    one_error_each("no target", [], re.compile(r"^error: no target: .*"))
    # Bad arguments, on a pyglass process (deep.py 3).
    deep = os.path.join(args.repo, "corpora", "scenarios", "deep.py")
    proc = rs.spawn([os.path.abspath(args.pyglass), deep, "3", "--ready",
                     os.path.join(work, "ready")], work)
    rs.wait_ready(proc, "deep 3")
    one_error_each("bad arguments", ["-p", str(proc.pid)], dict(BAD_ARGUMENTS),
                   [cmd for cmd, _ in BAD_ARGUMENTS])
    c.check_untouched("bad arguments: the process runs, untraced", proc)


# ----------------------------------------------------------------- summary

def run_summary_check(args, c, work):
    binary = os.path.abspath(args.pyglass)
    rc, out, err = rs.run_tool(["readelf", "-S", "-W", binary])
    if ".debug_info" not in out:
        raise rs.Skip("%s has no debug info (a Release build): the type summaries need "
                      "the types of pg::Value and friends" % binary)
    chain = os.path.join(args.repo, "corpora", "scenarios", "chain.py")
    ready = os.path.join(work, "ready")
    argv_repr = "[%s]" % ", ".join("'%s'" % a for a in (chain, "--ready", ready))
    proc = rs.spawn([binary, chain, "--ready", ready], work)
    rs.wait_ready(proc, "chain")
    e = Expect()
    e.add("target variable pg::g_runtime.main_module",
          "(pg::Value) pg::g_runtime.main_module = <module '__main__'>")
    e.add("target variable pg::g_runtime.sys_argv",
          "(pg::Value) pg::g_runtime.sys_argv = %s" % argv_repr)
    e.add("expression -- pg::g_runtime.main_module",
          re.compile(r"^\(pg::Value\) \$\d+ = <module '__main__'>$"))
    e.add("expression -- (pg::List *)pg::g_runtime.sys_argv.bits",
          re.compile(r"^\(pg::List \*\) \$\d+ = 0x[0-9a-f]+ %s$" % re.escape(argv_repr)))
    e.add("expression -- (pg::Object *)8",
          re.compile(r"^\(pg::Object \*\) \$\d+ = 0x0+8 <unreadable at 0x8>$"))
    e.add("expression -- (pg::Dict *)pg::g_runtime.modules",
          re.compile(r"^\(pg::Dict \*\) \$\d+ = 0x[0-9a-f]+ \{'builtins': <module 'builtins'>, .*\.\.\.$"))
    e.add("expression -- pg::g_runtime.main_thread->current_exception",
          re.compile(r"^\(pg::Value\) \$\d+ = 0x0$"))
    e.add("py-value pg::g_runtime.main_module", "<module '__main__'>")
    e.add("py-value pg::g_runtime.modules", re.compile(r"^\{'builtins': <module 'builtins'>, "))
    rc, segments, raw = run_lldb(args, ["-p", str(proc.pid)], e.commands)
    if rc != 0:
        c.fail("summary: lldb exit status", "status %d:\n%s" % (rc, rs.tail(raw, 40)))
    e.verify(c, "summary", session_outputs(c, "summary", segments, e.commands))
    c.check_untouched("summary: the process runs, untraced", proc)


# ----------------------------------------------------------------- installed

def run_installed_check(args, c, work):
    if not args.build_dir:
        raise rs.HarnessError("installed needs --build-dir")
    prefix = os.path.join(work, "prefix")
    rc, out, err = rs.run_tool([args.cmake, "--install", args.build_dir, "--prefix", prefix,
                                "--component", "pyglass_lldb"])
    if rc != 0:
        raise rs.HarnessError("cmake --install failed (%d):\n%s" % (rc, rs.tail(err + out)))
    plugin = os.path.join(prefix, "lib", "pyglass", "libpyglass-lldb.so")
    if not c.expect("installed: %s" % os.path.relpath(plugin, prefix), os.path.isfile(plugin),
                    "not installed; the prefix has: %s" % sorted(
                        os.path.relpath(os.path.join(d, f), prefix)
                        for d, _, files in os.walk(prefix) for f in files)):
        return
    args.plugin = plugin
    deep = os.path.join(args.repo, "corpora", "scenarios", "deep.py")
    proc = rs.spawn([os.path.abspath(args.pyglass), deep, "3", "--ready",
                     os.path.join(work, "ready")], work)
    rs.wait_ready(proc, "deep 3")
    bt = c.stack("installed: pyglass-stack", ["pid", str(proc.pid), "--tid", str(proc.pid)])
    if bt is None:
        return
    e = Expect()
    e.add("py-bt", traceback(bt), "installed plugin: py-bt")
    rc, segments, raw = run_lldb(args, ["-p", str(proc.pid)], e.commands)
    e.verify(c, "installed", session_outputs(c, "installed", segments, e.commands))
    c.check_untouched("installed: the process runs, untraced", proc)


# ----------------------------------------------------------------- main

def run_threads_check(args, c, work):
    """A thread scenario (threads_deadlock by default; threads_event,
    threads_busy) live and on a gcore: py-threads prints every thread with
    its tid, name and state and matches SCENARIO.expected; it is exactly
    what pyglass-stack prints for the same target (live: both attach in
    turn, so only for scenarios whose threads are parked; gcore: always)."""
    import run_thread_scenario as rts
    scenario = args.scenario or "threads_deadlock"
    expected = rts.load_expected(os.path.join(args.repo, "corpora", "scenarios",
                                              scenario + ".expected"), args.repo)
    binary = os.path.abspath(args.pyglass)
    proc = rs.spawn([binary, os.path.join(args.repo, "corpora", "scenarios",
                                          scenario + ".py")], work)
    rts.wait_ready_line(proc, scenario + ".py")
    rts.settle(args, proc.pid, expected)
    parked = scenario != "threads_busy"
    rc, stack_text, err = rs.run_tool([args.stack, "pid", str(proc.pid)])
    c.expect("threads: pyglass-stack exit status 0", rc == 0, err)
    live_want = "\n".join(stack_text.splitlines()[1:])  # without the Process line
    core = os.path.join(work, "threads.core")
    rs.gcore(proc.pid, core)
    rc, core_text, err = rs.run_tool([args.stack, "core", core, "--exe", binary])
    c.expect("threads: pyglass-stack core exit status 0", rc == 0, err)
    core_want = "\n".join(core_text.splitlines()[1:])
    for label, target, want in (("live", ["-p", str(proc.pid)], live_want if parked else None),
                                ("gcore", ["-c", core, binary], core_want)):
        rc, segments, raw = run_lldb(args, target, ["py-threads"])
        if rc != 0:
            c.fail("threads %s: lldb exit status" % label, "status %d:\n%s" % (rc, rs.tail(raw)))
            continue
        got = session_outputs(c, "threads " + label, segments, ["py-threads"])[0]
        problems = rts.report_problems(got, expected)
        c.expect("threads %s: py-threads matches %s.expected" % (label, scenario),
                 not problems, "\n".join(problems) + "\n" + rs.tail(got, 40))
        if want is not None:
            c.expect("threads %s: py-threads = pyglass-stack" % label, got.strip() == want.strip(),
                     diff_text(want.strip(), got.strip()))
    c.check_untouched("threads: the process runs, untraced", proc)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repo", required=True)
    ap.add_argument("--pyglass", required=True)
    ap.add_argument("--stack", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--lldb", default="lldb-16")
    ap.add_argument("--variant", default="plain", choices=("plain", "stripped"))
    ap.add_argument("--build-dir")
    ap.add_argument("--cmake", default="cmake")
    ap.add_argument("check", choices=("scenario", "errors", "summary", "installed", "threads"))
    ap.add_argument("scenario", nargs="?")
    ap.add_argument("scenario_args", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    args.repo = os.path.abspath(args.repo)
    args.stack = os.path.abspath(args.stack)
    args.plugin = os.path.abspath(args.plugin)
    if args.check == "scenario" and not args.scenario:
        ap.error("scenario needs a SCENARIO")
    if shutil.which(args.lldb) is None:
        log("SKIP: %s not found" % args.lldb)
        return rs.SKIP_RC

    def on_term(signum, frame):
        raise rs.HarnessError("terminated by signal %d" % signum)
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)

    c = rs.Checker(args)
    work = tempfile.mkdtemp(prefix="pyglass-lldb-")
    start = time.monotonic()
    try:
        if args.check == "scenario":
            run_scenario_check(args, c, work)
        elif args.check == "errors":
            run_errors_check(args, c, work)
        elif args.check == "installed":
            run_installed_check(args, c, work)
        elif args.check == "threads":
            run_threads_check(args, c, work)
        else:
            run_summary_check(args, c, work)
    except rs.Skip as e:
        log("SKIP: %s" % e)
        return rs.SKIP_RC
    except (rs.HarnessError, rs.ScenarioDied) as e:
        log("ERROR: %s" % e)
        return 2
    finally:
        rs.kill_all_children()
        shutil.rmtree(work, ignore_errors=True)
    log("%d checks passed, %d failed (%.1f s)" % (c.passed, len(c.failed),
                                                  time.monotonic() - start))
    if c.failed:
        log("failed: " + ", ".join(c.failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
