#!/usr/bin/env python3
"""Differential language test: run one program under pyglass and CPython, compare.

Usage: run_lang_test.py --pyglass PATH --python PATH PROGRAM.py

Both interpreters are run with cwd = the program's directory, the program
given as the same absolute path (CPython makes the __main__ code's
co_filename absolute anyway, so tracebacks and co_filename agree), stdin
from /dev/null and a timeout.  Compared:
  * stdout, byte for byte;
  * the exit status;
  * if the exit status is non-zero, stderr *structurally*: the
    `File "...", line N[, in NAME]` lines, the
    `[Previous line repeated N more times]` lines and the last non-empty
    line (`Type: message`).  Source echo and caret lines are ignored.
Exit codes: 0 match, 1 mismatch (a unified diff is printed, expected =
python, actual = pyglass), 77 skipped (first line of the program contains
`# pyglass-lang: skip-reason=...`), 2 usage / harness error.
"""

import argparse
import difflib
import os
import re
import signal
import subprocess
import sys

TIMEOUT_S = int(os.environ.get("PYGLASS_LANG_TIMEOUT", "60"))
SKIP_RC = 77
STDERR_TAIL = 40
SKIP_MARKER = "# pyglass-lang: skip-reason="

FILE_LINE_RE = re.compile(r'^\s*File "(.*)", line (-?\d+)(?:, in (.+))?\s*$')
REPEAT_RE = re.compile(r"^\s*\[Previous line repeated (\d+) more times?\]\s*$")


class RunResult:
    def __init__(self, stdout, stderr, rc, timed_out, launch_error=None):
        self.stdout = stdout
        self.stderr = stderr
        self.rc = rc
        self.timed_out = timed_out
        self.launch_error = launch_error


def resolve_interp(path):
    """Make a path-like interpreter argument absolute (the child runs in
    another cwd); a bare command name is left for PATH lookup."""
    if os.sep in path:
        return os.path.abspath(path)
    return path


def run(interp, program, cwd):
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONHASHSEED"] = "0"
    env.pop("PYTHONSTARTUP", None)
    env.pop("PYTHONINSPECT", None)
    try:
        with open(os.devnull, "rb") as devnull:
            proc = subprocess.Popen(
                [interp, program],
                cwd=cwd,
                stdin=devnull,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                start_new_session=True,  # so a timeout can kill the whole group
            )
    except OSError as e:
        return RunResult(b"", b"", None, False, launch_error=str(e))
    try:
        out, err = proc.communicate(timeout=TIMEOUT_S)
        return RunResult(out, err, proc.returncode, False)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            proc.kill()
        out, err = proc.communicate()
        return RunResult(out, err, None, True)


def stderr_structure(stderr_bytes):
    """The comparable skeleton of a traceback / error report."""
    text = stderr_bytes.decode("utf-8", errors="replace")
    lines = text.splitlines()
    out = []
    for line in lines:
        m = FILE_LINE_RE.match(line)
        if m:
            if m.group(3) is not None:
                out.append('File "%s", line %s, in %s' % (m.group(1), m.group(2), m.group(3)))
            else:
                out.append('File "%s", line %s' % (m.group(1), m.group(2)))
            continue
        m = REPEAT_RE.match(line)
        if m:
            out.append("[Previous line repeated %s more times]" % m.group(1))
    last = ""
    for line in reversed(lines):
        if line.strip():
            last = line.rstrip()
            break
    out.append("LAST: " + last)
    return out


def split_lines(b):
    return b.decode("utf-8", errors="backslashreplace").splitlines(keepends=True)


def print_diff(title, expected_lines, actual_lines):
    print("--- %s mismatch (expected = python, actual = pyglass) ---" % title)
    diff = difflib.unified_diff(
        expected_lines, actual_lines, fromfile="expected (python)", tofile="actual (pyglass)"
    )
    for line in diff:
        sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of line\n")


def describe_rc(rc):
    if rc is not None and rc < 0:
        try:
            return "%d (killed by %s)" % (rc, signal.Signals(-rc).name)
        except ValueError:
            return "%d (killed by signal %d)" % (rc, -rc)
    return str(rc)


def print_tail(b):
    lines = b.decode("utf-8", errors="backslashreplace").splitlines()
    for line in lines[-STDERR_TAIL:]:
        print(line)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pyglass", required=True, help="path to the pyglass binary")
    ap.add_argument("--python", required=True, help="path to the reference python3")
    ap.add_argument("program", help="the .py program to run")
    args = ap.parse_args()

    program = os.path.abspath(args.program)
    if not os.path.isfile(program):
        print("error: no such program: %s" % program)
        return 2

    with open(program, "rb") as f:
        first_line = f.readline().decode("utf-8", errors="replace")
    idx = first_line.find(SKIP_MARKER)
    if idx >= 0:
        reason = first_line[idx + len(SKIP_MARKER):].strip() or "(no reason given)"
        print("SKIP %s: %s" % (os.path.basename(program), reason))
        return SKIP_RC

    cwd = os.path.dirname(program)
    expected = run(resolve_interp(args.python), program, cwd)
    if expected.launch_error:
        print("error: cannot run reference python: %s" % expected.launch_error)
        return 2
    if expected.timed_out:
        print("error: reference python timed out after %d s on %s" % (TIMEOUT_S, program))
        return 2
    actual = run(resolve_interp(args.pyglass), program, cwd)
    if actual.launch_error:
        print("FAIL %s: cannot run pyglass: %s" % (os.path.basename(program), actual.launch_error))
        return 1

    ok = True
    if actual.timed_out:
        print("FAIL: pyglass timed out after %d s" % TIMEOUT_S)
        ok = False

    if expected.stdout != actual.stdout:
        ok = False
        print_diff("stdout", split_lines(expected.stdout), split_lines(actual.stdout))

    if not actual.timed_out and expected.rc != actual.rc:
        ok = False
        print("--- exit status mismatch: expected (python) %s, actual (pyglass) %s ---"
              % (describe_rc(expected.rc), describe_rc(actual.rc)))

    if not actual.timed_out and expected.rc != 0:
        exp_s = stderr_structure(expected.stderr)
        act_s = stderr_structure(actual.stderr)
        if exp_s != act_s:
            ok = False
            print_diff("stderr (structural)", [l + "\n" for l in exp_s], [l + "\n" for l in act_s])

    if not ok:
        if actual.stderr:
            print("--- pyglass stderr (last %d lines) ---" % STDERR_TAIL)
            print_tail(actual.stderr)
        if expected.stderr:
            print("--- python stderr (last %d lines) ---" % STDERR_TAIL)
            print_tail(expected.stderr)
        print("FAIL %s" % os.path.basename(program))
        return 1
    print("PASS %s" % os.path.basename(program))
    return 0


if __name__ == "__main__":
    sys.exit(main())
