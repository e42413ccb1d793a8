// THE formatter: text and JSON over a ProcessReport. Every front end (the
// pyglass-stack CLI, the gdb extension through the C API, the LLDB plugin)
// prints through these functions, so their output is identical line for
// line. Front ends that print one frame at a time (py-up, py-down, frame
// selection) use format_frame_line() and format_source_line().
//
// ---------------------------------------------------------------- text
//
//   Process 4242 (pyglass 0.1.0), core file ./core
//   Crash: SIGSEGV (fault address 0x0) in thread 4242
//   Thread 4242 "MainThread" (running, crashed) [holds the GIL]:
//     File "/abs/app.py", line 12, in inner
//       return data[0] / scale
//         data = [1, 2]                  (locals, arguments first)
//     Native 0x00005555555a1234 in pg::eval_frame(...) (pyglass)
//     File "/abs/app.py", line 25, in <module>
//       outer(3)
//     Exception in flight: ZeroDivisionError: division by zero
//     [warning] frame chain truncated at 0x7f00 (cycle)
//
//   Thread 4244 "worker-a" (blocked) [blocked on Lock 0x7f00 held by thread 4245 "worker-b"]:
//     File "/abs/app.py", line 7, in transfer
//       with second:
//
//   Thread 4243 "worker" (not a pyglass thread)
//     Native 0x00007f0000001000 in poll (libc.so.6)
//
//   [warning] ...                          (process-wide warnings)
//
// Most recent call first. The header names the process ("Process ?" when the
// pid is unknown, e.g. through a debugger) and, unless it only repeats the
// pid, the source (Target::describe()). "Crash:" only when crash info is
// known; "crashed" only on the crashing thread; "Exception in flight" only
// when there is one. The [detail] after the state comes from the exported
// thread fields: "holds the GIL", "waiting for the GIL", "blocked on Lock
// ADDR" (+ " held by thread TID "NAME"" when the lock's owner is known);
// none for sleeping threads. A thread with native frames merged prints the merged
// list instead of the Python frames. Line 0 (unknown) prints as "line ?".
// An unreadable frame prints its frame line followed by "    [error] ...".
// Threads are separated by one empty line.
//
// ---------------------------------------------------------------- JSON
//
// One document (addresses and numbers are JSON numbers, unsigned 64-bit):
// {
//   "pid": 4242,                       // 0 when unknown
//   "source": "core file ./core",
//   "vm_version": "pyglass 0.1.0",
//   "crash": null | {"signal": 11, "signal_name": "SIGSEGV", "code": 1,
//                    "fault_address": 0 | null (when not meaningful), "tid": 4242},
//   "threads": [{
//     "tid": 4242, "name": "MainThread", "state": "running",
//     "detail": "holds the GIL", "holds_gil": true,
//     "wait": null | {"kind": "Lock", "address": 140..., "owner_tid": 4245},
//     "known_to_vm": true, "is_crashing": true,
//     "exception": "ZeroDivisionError: division by zero" | "",
//     "frames": [{                     // Python frames, innermost first
//       "address": 140..., "function": "inner", "qualname": "inner",
//       "filename": "/abs/app.py", "line": 12, "source": "return data[0] / scale",
//       "owner": 0, "is_entry": false,
//       "locals": [{"name": "data", "repr": "[1, 2]", "is_argument": true}],
//       "error": ""}],
//     "native": [{"pc": 93..., "sp": 140..., "cfa": 140..., "symbol": "pg::eval_frame(...)",
//                 "module": "/usr/bin/pyglass", "offset": 52}],
//     "merged": [{"kind": "native", <native frame fields>} |
//                {"kind": "python", <Python frame fields>}],
//     "warnings": ["..."]}],
//   "warnings": ["..."]
// }
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "inspector/report.h"

namespace pgi {

// '  File "FILE", line N, in NAME' (two spaces of indentation, no newline).
std::string format_frame_line(const PyFrame& frame);
// '    SOURCE' (four spaces), or "" when the source line is unknown.
std::string format_source_line(const PyFrame& frame);
// '      NAME = REPR' (six spaces).
std::string format_local_line(const LocalVariable& local);
// '  Native 0x00005555555a1234 in SYMBOL (MODULE)' ("??" for an unknown
// symbol; the module's basename; no parentheses when it is unknown).
std::string format_native_line(const NativeFrame& frame);
// 'Thread 4242 "MainThread" (running, crashed) [holds the GIL]:'
std::string format_thread_line(const ThreadReport& thread);

// The whole report as text (see above); ends with a newline. Without
// `header` the "Process ..." line is left out (a debugger prompt already
// names the process); the "Crash:" line stays.
std::string format_text(const ProcessReport& report, bool header = true);
// One thread's block (header line, frames, exception, warnings).
std::string format_thread_text(const ThreadReport& thread);

nlohmann::json to_json(const ProcessReport& report);
nlohmann::json to_json(const PyFrame& frame);
nlohmann::json to_json(const NativeFrame& frame);
nlohmann::json to_json(const ThreadReport& thread);
// Inverse of to_json (for tools that post-process reports, and the
// round-trip test). Throws nlohmann::json::exception on a malformed document.
ProcessReport report_from_json(const nlohmann::json& doc);
// to_json(report).dump(indent) + "\n" (invalid UTF-8 replaced by U+FFFD).
std::string format_json(const ProcessReport& report, int indent = 2);

}  // namespace pgi
