#!/usr/bin/env python3
"""Checks where pyglass finds its bundled library (runtime/lib):

  1. the binary in the build tree finds the source tree's runtime/lib;
  2. PYGLASSPATH entries come right after the script directory;
  3. a binary installed with `cmake --install` (staged with DESTDIR) finds
     <prefix>/share/pyglass/lib, and imports bundled packages from there.

Usage: check_library_path.py --pyglass BIN --build-dir DIR --source-dir DIR --cmake CMAKE
"""
import argparse
import os
import subprocess
import sys
import tempfile

PROGRAM = ("import sys, random, collections, os.path; "
           "random.seed(5); print(sys.path[-1]); print(random.__file__); "
           "print(collections.Counter('aab').most_common(1)); print(random.randint(1, 10**6))")


def run(cmd, env=None):
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"FAILED: {' '.join(cmd)}\n{r.stdout}\n{r.stderr}")
    return r.stdout.splitlines()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyglass", required=True)
    ap.add_argument("--build-dir", required=True)
    ap.add_argument("--source-dir", required=True)
    ap.add_argument("--cmake", required=True)
    a = ap.parse_args()
    source_lib = os.path.join(os.path.realpath(a.source_dir), "runtime", "lib")

    out = run([a.pyglass, "-c", PROGRAM])
    assert out[0] == source_lib, out
    assert out[1] == os.path.join(source_lib, "random.py"), out
    assert out[2] == "[('a', 2)]", out
    expected_randint = out[3]

    env = dict(os.environ, PYGLASSPATH="/tmp/pg-a:/tmp/pg-b")
    out = run([a.pyglass, "-c", "import sys; print(sys.path)"], env)
    assert out[0] == repr(["", "/tmp/pg-a", "/tmp/pg-b", source_lib]), out

    with tempfile.TemporaryDirectory() as stage:
        env = dict(os.environ, DESTDIR=stage)
        run([a.cmake, "--install", a.build_dir, "--prefix", "/opt/pyglass-test",
             "--component", "pyglass_gdb"], env)
        installed = os.path.join(stage, "opt/pyglass-test/bin/pyglass")
        lib = os.path.join(stage, "opt/pyglass-test/share/pyglass/lib")
        out = run([installed, "-c", PROGRAM])
        assert out[0] == lib, out
        assert out[1] == os.path.join(lib, "random.py"), out
        assert out[3] == expected_randint, out
        assert os.path.isfile(os.path.join(lib, "collections", "__init__.py"))
    print("library path: ok")


if __name__ == "__main__":
    main()
