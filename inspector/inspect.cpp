// The top-level entry and the native/Python merge: see inspect.h.
#include "inspector/inspect.h"

#include <fmt/format.h>

#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "inspector/remote.h"
#include "inspector/walker.h"

namespace pgi {

namespace {

// A run of Python frames executed by one eval_frame() activation:
// frames[begin, end), the last one being the entry frame above `shim`
// (shim 0: the chain ended without one, e.g. truncated).
struct Segment {
  size_t begin = 0, end = 0;
  uint64_t shim = 0;
};

std::vector<Segment> segments_of(const std::vector<PyFrame>& frames,
                                 const std::vector<uint64_t>& entry_shims) {
  std::vector<Segment> segs;
  size_t begin = 0;
  for (size_t i = 0; i < frames.size(); ++i) {
    uint64_t shim = i < entry_shims.size() ? entry_shims[i] : 0;
    if (frames[i].is_entry && shim != 0) {
      segs.push_back({begin, i + 1, shim});
      begin = i + 1;
    }
  }
  if (begin < frames.size()) segs.push_back({begin, frames.size(), 0});
  return segs;
}

void append_segment(std::vector<MergedFrame>& out, const std::vector<PyFrame>& frames,
                    const Segment& s) {
  for (size_t i = s.begin; i < s.end; ++i) {
    MergedFrame m;
    m.is_python = true;
    m.python = frames[i];
    out.push_back(std::move(m));
  }
}

}  // namespace

std::vector<MergedFrame> merge_native_python(const std::vector<NativeFrame>& native,
                                             const std::vector<PyFrame>& frames,
                                             const std::vector<uint64_t>& entry_shims,
                                             uint64_t eval_start, uint64_t eval_end,
                                             std::vector<std::string>& warnings) {
  std::vector<MergedFrame> out;
  std::vector<Segment> segs = segments_of(frames, entry_shims);
  // Native frames go outward (sp increasing) and so do the shims (each lives
  // in the C stack frame of its eval_frame() call): one pass over both.
  size_t next = 0;
  for (size_t k = 0; k < native.size(); ++k) {
    const NativeFrame& nf = native[k];
    MergedFrame m;
    m.native = nf;
    out.push_back(std::move(m));
    if (nf.pc < eval_start || nf.pc >= eval_end) continue;
    uint64_t lo = nf.sp;
    uint64_t hi = nf.cfa ? nf.cfa : (k + 1 < native.size() ? native[k + 1].sp : UINT64_MAX);
    size_t j = next;
    while (j < segs.size() && segs[j].shim != 0 && segs[j].shim < lo) ++j;
    if (j >= segs.size() || segs[j].shim == 0 || segs[j].shim >= hi) continue;
    // Segments below this frame's range matched no inner eval frame (an
    // unwinder that skipped it): they belong to this activation's callees.
    for (size_t s = next; s < j; ++s)
      warnings.push_back(fmt::format(
          "Python frames above shim {:#x} matched no native eval_frame frame", segs[s].shim));
    for (size_t s = next; s <= j; ++s) append_segment(out, frames, segs[s]);
    next = j + 1;
  }
  for (size_t s = next; s < segs.size(); ++s) {
    warnings.push_back(
        segs[s].shim
            ? fmt::format("Python frames above shim {:#x} matched no native frame; shown after "
                          "the native frames",
                          segs[s].shim)
            : std::string("Python frames without an entry shim; shown after the native frames"));
    append_segment(out, frames, segs[s]);
  }
  return out;
}

Result inspect(Target& target, const Options& options) {
  Result result;
  LocateResult located = locate_debug_table(target, options.locate);
  if (!located.table) {
    result.error = located.error;
    return result;
  }
  Remote remote(target, *located.table);
  WalkOptions wo;
  wo.locals = options.locals;
  wo.source = options.source;
  wo.max_frames = options.max_frames;
  wo.render = options.render;
  Walker walker(remote, wo);

  ProcessReport& report = result.report;
  report.pid = target.pid();
  report.source = target.describe();
  report.vm_version = located.table->vm_version();
  report.crash = target.crash_info();

  // The VM's threads, by tid. Only the selected thread is walked in full.
  std::vector<uint64_t> states = walker.thread_states(report.warnings);
  std::vector<ThreadWalk> walks;
  for (uint64_t ts : states) {
    if (options.tid != 0) {
      Block b = remote.block(ts, remote.t().thread.size);
      if (b.get<int64_t>(remote.t().thread.native_tid) != options.tid) continue;
    }
    walks.push_back(walker.walk_thread(ts));
  }
  std::unordered_map<int64_t, size_t> by_tid;
  for (size_t i = 0; i < walks.size(); ++i) by_tid.emplace(walks[i].report.tid, i);
  // A blocked thread's detail names the thread holding its lock.
  std::unordered_map<int64_t, std::string> names;
  for (uint64_t ts : states) {
    const auto& td = remote.t().thread;
    Block b = remote.block(ts, td.size);
    if (!b.ok() || !b.has(td.name, td.name_size)) continue;
    const char* p = reinterpret_cast<const char*>(b.data() + td.name);
    std::string name(p, strnlen(p, td.name_size));
    for (char& c : name)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    names[b.get<int64_t>(td.native_tid)] = std::move(name);
  }
  for (ThreadWalk& w : walks) {
    ThreadReport& t = w.report;
    if (t.wait_owner_tid == 0) continue;
    auto it = names.find(t.wait_owner_tid);
    t.detail += it == names.end() ? fmt::format(" held by thread {}", t.wait_owner_tid)
                                  : fmt::format(" held by thread {} \"{}\"", t.wait_owner_tid,
                                                it->second);
  }

  const uint64_t eval_start = located.table->t.eval_start, eval_end = located.table->t.eval_end;
  auto finish = [&](ThreadWalk* w, ThreadReport t) {
    t.is_crashing = report.crash && report.crash->tid == t.tid;
    if (options.native) {
      t.native = target.native_stack(t.tid);
      if (w && !t.native.empty()) {
        std::vector<uint64_t> shims;
        for (const FrameExtra& e : w->extra) shims.push_back(e.shim);
        t.merged = merge_native_python(t.native, t.frames, shims, eval_start, eval_end,
                                       t.warnings);
      }
    }
    report.threads.push_back(std::move(t));
  };

  // OS threads in the target's order; the VM's own list when the target has
  // none (a debugger callback target).
  std::vector<bool> used(walks.size(), false);
  const std::vector<ThreadInfo> os_threads = target.threads();
  for (const ThreadInfo& ti : os_threads) {
    if (options.tid != 0 && ti.tid != options.tid) continue;
    auto it = by_tid.find(ti.tid);
    if (it != by_tid.end() && !used[it->second]) {
      used[it->second] = true;
      finish(&walks[it->second], walks[it->second].report);
    } else {
      ThreadReport t;
      t.tid = ti.tid;
      t.name = ti.comm;
      t.known_to_vm = false;
      finish(nullptr, std::move(t));
    }
  }
  const bool target_has_threads = !os_threads.empty();
  for (size_t i = 0; i < walks.size(); ++i) {
    if (used[i]) continue;
    ThreadReport t = walks[i].report;
    if (target_has_threads)
      t.warnings.push_back("no such thread in the target (the thread state outlived its thread?)");
    finish(&walks[i], std::move(t));
  }

  if (options.tid != 0 && report.threads.empty()) {
    result.error = InspectError{ErrorKind::Other,
                                fmt::format("no thread {} in {}", options.tid, report.source)};
  }
  return result;
}

}  // namespace pgi
