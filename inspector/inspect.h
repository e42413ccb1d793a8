// The inspector's top-level entry: a Target in, a ProcessReport (or one
// InspectError) out. Front ends call inspect() and then format_text() /
// format_json(); nothing else is needed for a backtrace.
//
//   locate + validate the table  (debug_table.h)
//   walk the VM's threads         (walker.h)
//   pair them with the target's OS threads (threads the VM does not know
//     are reported as "not a pyglass thread", with native frames if asked)
//   optionally merge native and Python frames (merge_native_python below)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inspector/debug_table.h"
#include "inspector/render.h"
#include "inspector/report.h"
#include "inspector/target.h"

namespace pgi {

struct Options {
  int64_t tid = 0;              // 0: every thread; else only this one (error if absent)
  bool locals = false;          // PyFrame::locals
  bool native = false;          // ThreadReport::native + merged (Target::native_stack)
  bool source = true;           // source lines from the local filesystem
  size_t max_frames = 1000000;  // per thread
  RenderOptions render;
  LocateOptions locate;
};

// Exactly one of: a report (ok()) or an error.
struct Result {
  ProcessReport report;  // valid when ok()
  std::optional<InspectError> error;
  bool ok() const { return !error.has_value(); }
};

Result inspect(Target& target, const Options& options = {});

// Merges one thread's native frames (innermost first, each with its stack
// range [sp, cfa)) with its Python frames (innermost first).
// `entry_shims[i]` is the address of the shim below frames[i] when
// frames[i].is_entry, else 0 (Walker's FrameExtra::shim). A native frame
// whose pc lies in [eval_start, eval_end) is an eval_frame() activation; it
// is followed by the Python frames it runs: those after the previous
// matched shim up to and including the frame above its own shim, the shim
// being the one whose ADDRESS lies in the native frame's stack range (cfa 0:
// up to the next native frame's sp). Python frames no native frame claims
// are appended at the end, with a warning.
std::vector<MergedFrame> merge_native_python(const std::vector<NativeFrame>& native,
                                             const std::vector<PyFrame>& frames,
                                             const std::vector<uint64_t>& entry_shims,
                                             uint64_t eval_start, uint64_t eval_end,
                                             std::vector<std::string>& warnings);

}  // namespace pgi
