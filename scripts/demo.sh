#!/usr/bin/env bash
# `make demo`: crash a pyglass program, then read its Python stack out of the
# core dump with pyglass-stack.
#
#   1. build pyglass and pyglass-stack (release preset) if needed;
#   2. run examples/crash_demo.py with `ulimit -c unlimited` in a temporary
#      directory, so that the kernel writes `core` there when it crashes;
#   3. pyglass-stack core CORE --exe build/release/runtime/pyglass
#      (then again with --locals).
#
# The temporary directory (and the core in it) is removed on exit.
# Environment: BUILD_DIR (default build/release), SKIP_BUILD=1 to use the
# binaries as they are.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$repo/build/release}"
pyglass="$build/runtime/pyglass"
stack="$build/cli/pyglass-stack"
program="$repo/examples/crash_demo.py"

if [[ -t 1 ]]; then
  say() { printf '\n\033[1m%s\033[0m\n' "$*"; }
else
  say() { printf '\n%s\n' "$*"; }
fi
die() { printf 'demo.sh: %s\n' "$*" >&2; exit 1; }

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  if [[ "$build" == "$repo/build/release" ]]; then
    (cd "$repo" && cmake --preset release >/dev/null &&
       cmake --build --preset release --target pyglass pyglass-stack)
  else
    cmake --build "$build" --target pyglass pyglass-stack
  fi
fi
[[ -x "$pyglass" ]] || die "no runtime at $pyglass"
[[ -x "$stack" ]] || die "no pyglass-stack at $stack"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/pyglass-demo.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# Where will the kernel put the core? With a plain pattern ("core", the
# default) it lands in the crashing process's cwd; a pipe (systemd-coredump,
# apport) sends it elsewhere.
pattern="$(cat /proc/sys/kernel/core_pattern 2>/dev/null || echo core)"

say "\$ ulimit -c unlimited; pyglass examples/crash_demo.py"
status=0
(
  cd "$tmp"
  ulimit -c unlimited 2>/dev/null || ulimit -c "$(ulimit -H -c)"
  exec "$pyglass" "$program"
) &
# Waiting with stderr closed silences bash's own "Segmentation fault
# (core dumped) ( cd ...; exec ... )" report; the program's stderr is its own.
{ wait $! || status=$?; } 2>/dev/null
if (( status <= 128 )); then
  die "expected the program to crash with a signal, it exited with status $status"
fi
echo "(pyglass was killed by SIG$(kill -l $((status - 128))), exit status $status)"

core=""
for candidate in "$tmp"/core "$tmp"/core.*; do
  [[ -f "$candidate" ]] && core="$candidate" && break
done
if [[ -z "$core" && "$pattern" == "|"*systemd-coredump* ]] && command -v coredumpctl >/dev/null; then
  coredumpctl -q dump --output="$tmp/core" "$pyglass" >/dev/null 2>&1 && core="$tmp/core"
fi
if [[ -z "$core" ]]; then
  die "the kernel wrote no core in $tmp (core_pattern is '$pattern'; see docs/debugging.md, \"Core files\")"
fi

say "\$ pyglass-stack core core --exe ${pyglass#"$repo"/}"
"$stack" core "$core" --exe "$pyglass"

say "\$ pyglass-stack core core --exe ${pyglass#"$repo"/} --locals"
"$stack" core "$core" --exe "$pyglass" --locals

# The same core in gdb (the extension auto-loads for the build tree once
# its directory is in the auto-load safe path) and in LLDB (the plugin).
if command -v gdb >/dev/null; then
  say "\$ gdb -batch -iex 'add-auto-load-safe-path ${build#"$repo"/}' -ex py-bt pyglass core"
  gdb -batch -nx -iex "add-auto-load-safe-path $build" -ex py-bt "$pyglass" "$core" 2>&1 |
    grep -v -E '^(warning: Section|\[New LWP|\[Thread debugging|Using host libthread_db|Core was generated|Program terminated|#0 |[0-9]+\s)' || true
fi
lldb_plugin="$build/lldb-plugin/libpyglass-lldb.so"
if command -v lldb-16 >/dev/null && [[ -f "$lldb_plugin" ]]; then
  say "\$ lldb-16 -b -o 'plugin load ${lldb_plugin#"$repo"/}' -o py-bt pyglass -c core"
  lldb-16 -b -o "plugin load $lldb_plugin" -o py-bt "$pyglass" -c "$core" 2>&1 |
    sed -n '/^(lldb) py-bt/,$p' || true
fi

say "More: docs/debugging.md (live processes, --native, --json, exit statuses)."
