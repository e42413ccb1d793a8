// The walk: runtime root -> thread states -> frames -> code objects ->
// function name, file and line; optionally locals; the exception in flight.
//
// Everything read may be garbage. The walker's rules:
//   - every chain (threads, frames) is capped and checked for cycles with a
//     hash set of addresses, never by quadratic re-walking;
//   - an unreadable frame becomes a PyFrame "???" with an error, and the
//     walk of that thread stops there with a warning; an unreadable name
//     becomes "???"; a bad line table gives line 0;
//   - code objects (names, decoded line table, local names) and strs are
//     cached by address, so a 10,000-frame recursion of one function reads
//     its code object and line table once.
//
// Locals (WalkOptions::locals): function frames show their fast locals
// (arguments first, unbound ones skipped); module frames (locals dict ==
// globals) show nothing, as py-spy does, because a module's globals are not
// its call's locals and can be huge; class bodies (a locals dict of their
// own) show the first kMaxDictLocals entries of that dict.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "inspector/remote.h"
#include "inspector/render.h"
#include "inspector/report.h"

namespace pgi {

struct WalkOptions {
  bool locals = false;           // fill PyFrame::locals
  bool source = true;            // read source lines from the local filesystem
  size_t max_frames = 1000000;   // per thread, shims included
  size_t max_threads = 10000;
  RenderOptions render;
};

// What the walker knows about a frame beyond PyFrame (for the native merge
// and the C API). Parallel to ThreadReport::frames.
//   shim    : when the frame is_entry, the address of the shim frame below
//             it (on the C stack of the eval_frame() call running it); else 0.
//   code, function, globals, locals_dict : the frame's pointers as read (0
//             for an unreadable frame).
struct FrameExtra {
  uint64_t shim = 0;
  uint64_t code = 0;
  uint64_t function = 0;
  uint64_t globals = 0;
  uint64_t locals_dict = 0;
};

// One thread as walked.
//   thread_state : address of the ThreadState.
//   report       : tid, name, state, frames, exception, warnings filled;
//                  known_to_vm true; native/merged/is_crashing left empty.
struct ThreadWalk {
  uint64_t thread_state = 0;
  ThreadReport report;
  std::vector<FrameExtra> extra;
};

// Decoded facts of one code object (cached by its address).
//   ok          : the code object was readable; else names are "???".
//   lines       : runs (end instruction index, exclusive; line), in order;
//                 valid when lines_ok.
//   local_names / local_kinds : loaded on first use (locals_loaded); may be
//                 shorter than nlocalsplus when unreadable.
struct CodeInfo {
  bool ok = false;
  std::string name = "???", qualname = "???", filename = "???";
  int firstlineno = 0;
  uint64_t instrs = 0;
  int32_t ninstrs = -1;  // -1: not exported
  int32_t nlocalsplus = 0;
  bool lines_ok = false;
  std::vector<std::pair<int64_t, int>> lines;
  bool locals_loaded = false;
  std::vector<std::string> local_names;
  std::vector<uint8_t> local_kinds;
};

class Walker {
 public:
  static constexpr size_t kMaxDictLocals = 20;
  static constexpr size_t kNameCap = 4096;

  Walker(Remote& remote, WalkOptions options = {});

  // Addresses of the thread states on the runtime's list, in list order.
  // Problems (unreadable root, cycle, cap) are appended to `warnings`.
  std::vector<uint64_t> thread_states(std::vector<std::string>& warnings);
  // Walks one thread state.
  ThreadWalk walk_thread(uint64_t thread_state);

  // One Python frame at `addr` (not a shim), as the walk would produce it;
  // `extra` receives its pointers. For an unreadable frame: "???" + error.
  PyFrame read_frame(uint64_t addr, FrameExtra* extra = nullptr);
  // The frame header at `addr` (Frame.size bytes), for callers that need
  // other fields (the C API's name lookup).
  Block frame_block(uint64_t addr);

  const CodeInfo& code(uint64_t addr);
  // Line of the instruction at `instr_ptr` in `code`; 0 when unknown.
  int line_of(const CodeInfo& code, uint64_t instr_ptr);
  // "Type: message" of an exception object; "" for a null value.
  std::string exception_text(uint64_t value_bits);
  // The stripped source line, "" when the file is not readable here.
  std::string source_line(const std::string& filename, int line);
  // Locals of the frame whose header is `frame` (see the file comment for
  // which); arguments first.
  std::vector<LocalVariable> locals_of(const Block& frame);
  // The fast local `name` of the frame: nullopt when its code has no such
  // local, else the slot's value bits (0: unbound).
  std::optional<uint64_t> local_value(const Block& frame, std::string_view name);

  Renderer& renderer() { return renderer_; }
  Remote& remote() { return remote_; }

 private:
  CodeInfo load_code(uint64_t addr);
  CodeInfo& code_entry(uint64_t addr);
  void load_locals_meta(uint64_t code_addr, CodeInfo& code);
  PyFrame make_frame(const Block& frame, FrameExtra* extra);
  // Fills wait_* and detail of a thread blocked on a lock (threads).
  void read_wait(const Block& thread_state, ThreadReport& r);

  Remote& remote_;
  WalkOptions options_;
  Renderer renderer_;
  std::unordered_map<uint64_t, CodeInfo> codes_;
  // nullptr: the file is not readable here (also cached).
  std::unordered_map<std::string, std::shared_ptr<std::vector<std::string>>> files_;
};

}  // namespace pgi
