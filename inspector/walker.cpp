// The walk over threads and frames: see walker.h.
#include "inspector/walker.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unordered_set>

namespace pgi {

namespace {

constexpr int32_t kMaxLinetable = 1 << 20;     // bytes; bigger is garbage
constexpr int32_t kMaxLocalsplus = 1 << 16;    // slots; bigger is garbage
constexpr uintmax_t kMaxSourceFile = 32u << 20;

// Reads one unsigned LEB128 number; false when the input ends inside it or
// it does not fit 64 bits (a corrupt table).
bool read_uleb(const uint8_t*& p, const uint8_t* end, uint64_t& out) {
  out = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (p >= end) return false;
    uint8_t b = *p++;
    out |= uint64_t(b & 0x7f) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

std::string printable(std::string s) {
  for (char& c : s)
    if (uint8_t(c) < 0x20 || c == 0x7f) c = '?';
  return s;
}

std::string strip(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n\f\v");
  return s.substr(b, e - b + 1);
}

}  // namespace

Walker::Walker(Remote& remote, WalkOptions options)
    : remote_(remote), options_(options), renderer_(remote, options.render) {}

// ------------------------------------------------------------ code objects

CodeInfo Walker::load_code(uint64_t addr) {
  CodeInfo ci;
  const auto& c = remote_.t().code;
  if (!remote_.has_type(addr, remote_.t().types.code_type)) return ci;
  Block b = remote_.block(addr, c.size);
  if (!b.ok()) return ci;
  ci.ok = true;
  ci.name = printable(remote_.str_or(b.ptr(c.name)));
  uint64_t qn = b.ptr(c.qualname);
  ci.qualname = qn ? printable(remote_.str_or(qn)) : ci.name;
  ci.filename = printable(remote_.str_or(b.ptr(c.filename)));
  ci.firstlineno = b.get<int32_t>(c.firstlineno);
  ci.instrs = b.ptr(c.instrs);
  ci.ninstrs = b.get<int32_t>(c.ninstrs, -1);
  ci.nlocalsplus = b.get<int32_t>(c.nlocalsplus);

  // The line table is read once per code object and decoded into runs.
  int32_t size = b.get<int32_t>(c.linetable_size, -1);
  uint64_t table = b.ptr(c.linetable);
  if (size < 0 || size > kMaxLinetable || (size > 0 && table == 0)) return ci;
  std::vector<uint8_t> bytes(static_cast<size_t>(size));
  if (size > 0 && !remote_.read(table, bytes.data(), bytes.size())) return ci;
  const uint8_t* p = bytes.data();
  const uint8_t* end = p + bytes.size();
  int64_t line = ci.firstlineno;
  int64_t start = 0;
  while (p < end) {
    uint64_t count, zz;
    if (!read_uleb(p, end, count) || !read_uleb(p, end, zz)) {
      ci.lines.clear();
      return ci;  // lines_ok stays false: line 0 everywhere
    }
    line += int64_t(zz >> 1) ^ -int64_t(zz & 1);
    start += int64_t(count);
    ci.lines.emplace_back(start, int(std::clamp<int64_t>(line, 0, INT32_MAX)));
  }
  ci.lines_ok = true;
  return ci;
}

CodeInfo& Walker::code_entry(uint64_t addr) {
  auto it = codes_.find(addr);
  if (it == codes_.end()) it = codes_.emplace(addr, load_code(addr)).first;
  return it->second;
}

const CodeInfo& Walker::code(uint64_t addr) { return code_entry(addr); }

int Walker::line_of(const CodeInfo& ci, uint64_t instr_ptr) {
  if (!ci.ok || !ci.lines_ok || instr_ptr < ci.instrs || ci.instrs == 0) return 0;
  uint64_t delta = instr_ptr - ci.instrs;
  if (delta % 4 != 0) return 0;
  uint64_t index = delta / 4;
  if (ci.ninstrs >= 0 && index >= uint64_t(ci.ninstrs)) return 0;
  auto it = std::upper_bound(ci.lines.begin(), ci.lines.end(), int64_t(index),
                             [](int64_t i, const std::pair<int64_t, int>& run) {
                               return i < run.first;
                             });
  // Past the last run: the runtime's own lookup answers with the last line.
  if (it == ci.lines.end()) return ci.lines.empty() ? ci.firstlineno : ci.lines.back().second;
  return it->second;
}

void Walker::load_locals_meta(uint64_t code_addr, CodeInfo& ci) {
  if (ci.locals_loaded) return;
  ci.locals_loaded = true;
  if (!ci.ok) return;
  const auto& c = remote_.t().code;
  Block b = remote_.block(code_addr, c.size);
  int32_t n = std::clamp<int32_t>(ci.nlocalsplus, 0, kMaxLocalsplus);
  auto names = remote_.tuple_items(b.ptr(c.localsplusnames), size_t(n));
  if (!names) return;
  for (uint64_t s : *names) ci.local_names.push_back(printable(remote_.str_or(s)));
  ci.local_kinds.resize(ci.local_names.size());
  uint64_t kinds = b.ptr(c.localspluskinds);
  if (kinds == 0 || !remote_.read(kinds, ci.local_kinds.data(), ci.local_kinds.size()))
    std::fill(ci.local_kinds.begin(), ci.local_kinds.end(), 0);
}

// ------------------------------------------------------------ frames

Block Walker::frame_block(uint64_t addr) { return remote_.block(addr, remote_.t().frame.size); }

std::vector<LocalVariable> Walker::locals_of(const Block& frame) {
  const auto& f = remote_.t().frame;
  std::vector<LocalVariable> out;
  uint64_t globals = frame.ptr(f.globals);
  uint64_t locals = frame.ptr(f.locals);
  if (locals != 0) {
    if (locals == globals) return out;  // module body: see walker.h
    auto items = remote_.dict_items(locals, kMaxDictLocals);
    if (!items) return out;
    for (const DictItem& it : *items) {
      const RemoteStr& k = remote_.str(it.key);
      std::string name = k.ok ? printable(k.text) : renderer_.render(it.key);
      out.push_back({name, renderer_.render(it.value), false});
    }
    return out;
  }
  uint64_t code_addr = frame.ptr(f.code);
  CodeInfo& ci = code_entry(code_addr);
  load_locals_meta(code_addr, ci);
  size_t n = ci.local_names.size();
  if (n == 0 || f.localsplus == PG_FIELD_ABSENT) return out;
  std::vector<uint64_t> values(n);
  if (!remote_.read(frame.address() + f.localsplus, values.data(), n * 8)) {
    out.push_back({"<locals>", fmt::format("<unreadable at {:#x}>", frame.address() + f.localsplus),
                   false});
    return out;
  }
  for (int pass = 0; pass < 2; ++pass) {
    bool want_args = pass == 0;
    for (size_t i = 0; i < n; ++i) {
      bool is_arg = (ci.local_kinds[i] & PG_LOCAL_ARG) != 0;
      if (is_arg != want_args || values[i] == 0) continue;  // 0: unbound
      out.push_back({ci.local_names[i], renderer_.render(values[i]), is_arg});
    }
  }
  return out;
}

std::optional<uint64_t> Walker::local_value(const Block& frame, std::string_view name) {
  const auto& f = remote_.t().frame;
  uint64_t code_addr = frame.ptr(f.code);
  CodeInfo& ci = code_entry(code_addr);
  load_locals_meta(code_addr, ci);
  for (size_t i = 0; i < ci.local_names.size(); ++i) {
    if (ci.local_names[i] != name) continue;
    uint64_t v = 0;
    if (f.localsplus == PG_FIELD_ABSENT ||
        !remote_.read(frame.address() + f.localsplus + i * 8, &v, 8))
      return std::nullopt;
    return v;
  }
  return std::nullopt;
}

PyFrame Walker::make_frame(const Block& fb, FrameExtra* extra) {
  const auto& f = remote_.t().frame;
  PyFrame pf;
  pf.address = fb.address();
  pf.owner = fb.get<uint8_t>(f.owner);
  uint64_t code_addr = fb.ptr(f.code);
  const CodeInfo& ci = code(code_addr);
  pf.function = ci.name;
  pf.qualname = ci.qualname;
  pf.filename = ci.filename;
  if (!ci.ok) pf.error = fmt::format("code object at {:#x} unreadable", code_addr);
  pf.line = line_of(ci, fb.ptr(f.instr_ptr));
  if (options_.source && pf.line > 0 && ci.ok) pf.source = source_line(pf.filename, pf.line);
  if (options_.locals && ci.ok) pf.locals = locals_of(fb);
  if (extra) {
    extra->code = code_addr;
    extra->function = fb.ptr(f.function);
    extra->globals = fb.ptr(f.globals);
    extra->locals_dict = fb.ptr(f.locals);
  }
  return pf;
}

namespace {
PyFrame unreadable_frame(uint64_t addr) {
  PyFrame pf;
  pf.address = addr;
  pf.function = pf.qualname = pf.filename = "???";
  pf.error = fmt::format("frame at {:#x} unreadable", addr);
  return pf;
}
}  // namespace

PyFrame Walker::read_frame(uint64_t addr, FrameExtra* extra) {
  Block fb = frame_block(addr);
  if (!fb.ok()) return unreadable_frame(addr);
  return make_frame(fb, extra);
}

// ------------------------------------------------------------ threads

std::vector<uint64_t> Walker::thread_states(std::vector<std::string>& warnings) {
  std::vector<uint64_t> out;
  const PgDebugTable& t = remote_.t();
  Block rt = remote_.block(t.runtime_address, t.runtime.size);
  if (!rt.ok()) {
    warnings.push_back(fmt::format("runtime root at {:#x} unreadable", t.runtime_address));
    return out;
  }
  std::unordered_set<uint64_t> seen;
  for (uint64_t ts = rt.ptr(t.runtime.threads); ts != 0;) {
    if (out.size() >= options_.max_threads) {
      warnings.push_back(fmt::format("thread list truncated after {} threads", out.size()));
      break;
    }
    if (!seen.insert(ts).second) {
      warnings.push_back(fmt::format("thread list truncated at {:#x} (cycle)", ts));
      break;
    }
    Block b = remote_.block(ts, t.thread.size);
    if (!b.ok()) {
      warnings.push_back(fmt::format("thread state at {:#x} unreadable; thread list truncated", ts));
      break;
    }
    // Pooled states no thread uses (and states whose thread is not running
    // yet) are skipped: see docs/frame-layout.md, "Thread list protocol".
    uint32_t rs = b.has(t.thread.run_state, 4) ? b.get<uint32_t>(t.thread.run_state) : 0;
    if (rs != PG_THREAD_DEAD && rs != PG_THREAD_STARTING) out.push_back(ts);
    ts = b.ptr(t.thread.next);
  }
  return out;
}

ThreadWalk Walker::walk_thread(uint64_t ts) {
  const PgDebugTable& t = remote_.t();
  ThreadWalk w;
  w.thread_state = ts;
  ThreadReport& r = w.report;
  Block tb = remote_.block(ts, t.thread.size);
  if (!tb.ok()) {
    r.name = "???";
    r.state = "unknown";
    r.warnings.push_back(fmt::format("thread state at {:#x} unreadable", ts));
    return w;
  }
  r.tid = tb.get<int64_t>(t.thread.native_tid);
  if (tb.has(t.thread.name, t.thread.name_size)) {
    const char* p = reinterpret_cast<const char*>(tb.data() + t.thread.name);
    r.name = printable(std::string(p, strnlen(p, t.thread.name_size)));
  }
  if (tb.has(t.thread.run_state, 4)) {
    uint32_t rs = tb.get<uint32_t>(t.thread.run_state);
    switch (rs) {
      case PG_THREAD_RUNNING: r.state = "running"; break;
      case PG_THREAD_IDLE: r.state = "idle"; break;
      case PG_THREAD_GIL_WAIT: r.state = "waiting"; break;
      case PG_THREAD_LOCK_WAIT: r.state = "blocked"; break;
      case PG_THREAD_SLEEPING: r.state = "sleeping"; break;
      default: r.state = fmt::format("state {}", rs); break;
    }
    r.holds_gil = rs == PG_THREAD_RUNNING || rs == PG_THREAD_IDLE;
    if (r.holds_gil) r.detail = "holds the GIL";
    if (rs == PG_THREAD_GIL_WAIT) r.detail = "waiting for the GIL";
    if (rs == PG_THREAD_LOCK_WAIT) read_wait(tb, r);
  } else {
    r.state = "unknown";
  }
  r.exception = exception_text(tb.ptr(t.thread.current_exception));
  if (DebugTable::present(t.thread.handled_exception) && tb.has(t.thread.handled_exception, 8))
    r.handled_exception = exception_text(tb.ptr(t.thread.handled_exception));

  // The frame chain: innermost first, shims skipped but remembered on the
  // frame above them (is_entry) for the native merge.
  const auto& f = t.frame;
  std::unordered_set<uint64_t> seen;
  size_t count = 0;
  bool last_was_python = false;
  for (uint64_t addr = tb.ptr(t.thread.current_frame); addr != 0;) {
    if (count >= options_.max_frames) {
      r.warnings.push_back(fmt::format("frame chain truncated after {} frames", count));
      break;
    }
    if (!seen.insert(addr).second) {
      r.warnings.push_back(fmt::format("frame chain truncated at {:#x} (cycle)", addr));
      break;
    }
    ++count;
    Block fb = frame_block(addr);
    if (!fb.ok()) {
      r.frames.push_back(unreadable_frame(addr));
      w.extra.emplace_back();
      r.warnings.push_back(fmt::format("frame chain truncated: frame at {:#x} unreadable", addr));
      break;
    }
    uint64_t previous = fb.ptr(f.previous);
    if (fb.get<uint8_t>(f.owner) == PG_OWNED_BY_CSTACK || fb.ptr(f.code) == 0) {
      if (last_was_python) {
        r.frames.back().is_entry = true;
        w.extra.back().shim = addr;
      }
      last_was_python = false;
    } else {
      FrameExtra extra;
      r.frames.push_back(make_frame(fb, &extra));
      w.extra.push_back(extra);
      last_was_python = true;
    }
    addr = previous;
  }
  return w;
}

void Walker::read_wait(const Block& tb, ThreadReport& r) {
  const PgDebugTable& t = remote_.t();
  const auto& tw = t.thread_wait;
  if (!tb.has(tw.wait_object, 8)) {
    r.detail = "blocked";
    return;
  }
  r.wait_address = tb.ptr(tw.wait_object);
  uint32_t kind = tb.has(tw.wait_kind, 4) ? tb.get<uint32_t>(tw.wait_kind) : 0;
  r.wait_kind = kind == PG_WAIT_RLOCK ? "RLock" : kind == PG_WAIT_LOCK ? "Lock" : "object";
  r.detail = fmt::format("blocked on {} {:#x}", r.wait_kind, r.wait_address);
  const auto& lk = t.lock;
  if (r.wait_address == 0 || !Remote::plausible(r.wait_address) || lk.size == 0) return;
  Block lb = remote_.block(r.wait_address, lk.size);
  if (!lb.ok() || !lb.has(lk.locked, 4) || !lb.has(lk.owner_tid, 8)) return;
  if (lb.get<uint32_t>(lk.locked) != 0) r.wait_owner_tid = lb.get<int64_t>(lk.owner_tid);
}

std::string Walker::exception_text(uint64_t bits) {
  if (bits == 0) return "";
  if (remote_.is_small_int(bits) || !Remote::plausible(bits))
    return fmt::format("<invalid exception value {:#x}>", bits);
  uint64_t type = remote_.type_of(bits);
  if (type == 0) return fmt::format("<unreadable at {:#x}>", bits);
  auto tn = remote_.type_name(type);
  std::string name = tn ? printable(*tn) : "???";
  const auto& e = remote_.t().exception;
  Block b = remote_.block(bits, e.size);
  uint64_t args = b.ptr(e.args);
  bool more = false;
  auto items = args ? remote_.tuple_items(args, 2, &more) : std::nullopt;
  if (!items || items->empty()) return name;
  // str(exception): the only argument's str(), else the repr of args.
  std::string msg;
  if (items->size() == 1 && !more) {
    uint64_t a = (*items)[0];
    bool is_str = !remote_.is_small_int(a) && remote_.type_of(a) != 0 &&
                  remote_.type_of(a) == remote_.t().types.str_type;
    msg = is_str ? remote_.str_or(a) : renderer_.render(a);
  } else {
    msg = renderer_.render(args);
  }
  return msg.empty() ? name : name + ": " + msg;
}

std::string Walker::source_line(const std::string& filename, int line) {
  if (line <= 0 || filename.empty() || filename == "???") return "";
  auto it = files_.find(filename);
  if (it == files_.end()) {
    std::shared_ptr<std::vector<std::string>> lines;
    std::error_code ec;
    if (std::filesystem::is_regular_file(filename, ec) &&
        std::filesystem::file_size(filename, ec) <= kMaxSourceFile && !ec) {
      std::ifstream in(filename, std::ios::binary);
      if (in) {
        lines = std::make_shared<std::vector<std::string>>();
        for (std::string l; std::getline(in, l);) lines->push_back(std::move(l));
      }
    }
    it = files_.emplace(filename, std::move(lines)).first;
  }
  if (!it->second || size_t(line) > it->second->size()) return "";
  return strip((*it->second)[size_t(line) - 1]);
}

}  // namespace pgi
