// Plain data produced by the walker and consumed by the formatter: what a
// pyglass process looks like from outside. No formatting here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inspector/target.h"

namespace pgi {

struct LocalVariable {
  std::string name;
  std::string repr;  // rendered safely (caps, cycles, <unreadable at 0x...>)
  bool is_argument = false;
};

// One Python frame.
//   function/qualname/filename : from the code object; "???" when unreadable.
//   line       : current line (from instr_ptr and the line table); 0 if unknown.
//   source     : the source line, stripped, when the file is readable; "".
//   error      : non-empty when part of the frame could not be read.
struct PyFrame {
  uint64_t address = 0;
  std::string function;
  std::string qualname;
  std::string filename;
  int line = 0;
  std::string source;
  uint8_t owner = 0;
  bool is_entry = false;  // first frame above a shim: where a native eval_frame call starts
  std::vector<LocalVariable> locals;  // filled only when locals are requested
  std::string error;
};

// A frame of the merged native + Python view.
struct MergedFrame {
  bool is_python = false;
  NativeFrame native;  // valid when !is_python
  PyFrame python;      // valid when is_python
};

struct ThreadReport {
  int64_t tid = 0;
  std::string name;          // from the thread state (or the kernel name for unknown threads)
  std::string state;         // "running", "idle", "waiting", "blocked", "sleeping" (exported run_state)
  // What the thread does with respect to the GIL and locks (threads; from
  // the exported fields, never from native function names):
  //   detail   : "holds the GIL", "waiting for the GIL", "blocked on Lock
  //              0x... held by thread 4244 \"worker-b\"", or "".
  //   holds_gil: run_state says the thread holds the GIL.
  //   wait_kind / wait_address / wait_owner_tid : the lock a blocked thread
  //              waits on ("Lock" or "RLock"), and the thread holding it
  //              (0 when free or unknown).
  std::string detail;
  bool holds_gil = false;
  std::string wait_kind;
  uint64_t wait_address = 0;
  int64_t wait_owner_tid = 0;
  bool known_to_vm = true;   // false: a native thread with no pyglass thread state
  bool is_crashing = false;  // the thread that received the fatal signal
  std::vector<PyFrame> frames;        // innermost first
  std::vector<NativeFrame> native;    // innermost first (when requested)
  std::vector<MergedFrame> merged;    // innermost first (when requested)
  std::string exception;     // "Type: message" of the exception in flight, "" if none
  std::string handled_exception;  // "Type: message" of the one an except block handles, "" if none
  std::vector<std::string> warnings;  // e.g. "frame chain truncated at 0x... (cycle)"
};

struct ProcessReport {
  int64_t pid = 0;
  std::string source;                // Target::describe()
  std::string vm_version;            // from the table, e.g. "pyglass 0.1.0"
  std::optional<CrashInfo> crash;
  std::vector<ThreadReport> threads;
  std::vector<std::string> warnings;
};

}  // namespace pgi
