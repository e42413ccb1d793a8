// The C API: see c_api.h. A thin shell: a Target over the host's
// callbacks, then the same locate/walk/format path as every front end.
#include "inspector/c_api.h"

#include <fmt/format.h>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <nlohmann/json.hpp>

#include "inspector/debug_table.h"
#include "inspector/format.h"
#include "inspector/inspect.h"
#include "inspector/remote.h"
#include "inspector/walker.h"

namespace pgi {
namespace {

constexpr size_t kValueReprCap = 1000;  // py-print shows more than a backtrace line

// Memory and symbols through the host's callbacks; no threads, no native
// stacks and no memory map of its own (the walker takes threads from the
// VM's thread list; the table is found by its symbol).
class CallbackTarget : public Target {
 public:
  CallbackTarget(pgi_read_fn read, pgi_symbol_fn symbol, void* ctx)
      : read_(read), symbol_(symbol), ctx_(ctx) {}
  bool read(uint64_t addr, void* buf, size_t len) override {
    return read_ && read_(ctx_, addr, buf, len) == 0;
  }
  uint64_t find_symbol(const std::string& name) override {
    return symbol_ ? symbol_(ctx_, name.c_str()) : 0;
  }
  std::vector<MemoryRange> memory_ranges() override { return {}; }
  std::vector<ThreadInfo> threads() override { return {}; }
  std::vector<NativeFrame> native_stack(int64_t) override { return {}; }
  int64_t pid() override { return 0; }
  std::string describe() override { return "the debugged process"; }

 private:
  pgi_read_fn read_;
  pgi_symbol_fn symbol_;
  void* ctx_;
};

char* dup(const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (p) std::memcpy(p, s.c_str(), s.size() + 1);
  return p;
}

std::string error_text(const InspectError& e) { return "error: " + e.message; }

// Runs `body` and turns any escaping C++ exception into an "error: " string:
// nothing may unwind into the host's C frames.
template <class F>
char* guarded(F&& body) {
  try {
    return dup(body());
  } catch (const std::exception& e) {
    return dup(std::string("error: internal: ") + e.what());
  } catch (...) {
    return dup("error: internal: unknown exception");
  }
}

// The table, or the error text in `err`.
std::optional<DebugTable> locate(Target& target, std::string& err) {
  LocateResult r = locate_debug_table(target);
  if (!r.table) err = error_text(*r.error);
  return r.table;
}

std::string lookup(Target& target, uint64_t frame_address, const std::string& name) {
  std::string err;
  auto table = locate(target, err);
  if (!table) return err;
  Remote remote(target, *table);
  WalkOptions wo;
  wo.source = false;
  wo.render.max_chars = kValueReprCap;
  Walker walker(remote, wo);
  Block fb = walker.frame_block(frame_address);
  if (!fb.ok()) return fmt::format("error: frame at {:#x} unreadable", frame_address);
  const auto& f = remote.t().frame;
  auto render = [&](uint64_t v) { return walker.renderer().render(v); };

  if (auto v = walker.local_value(fb, name)) {
    if (*v == 0) return fmt::format("local '{}' is unbound", name);
    return fmt::format("local '{}' = {}", name, render(*v));
  }
  uint64_t globals = fb.ptr(f.globals), locals = fb.ptr(f.locals);
  if (locals != 0 && locals != globals) {
    if (auto v = remote.dict_lookup_str(locals, name); v && *v)
      return fmt::format("local '{}' = {}", name, render(*v));
  }
  if (globals != 0) {
    if (auto v = remote.dict_lookup_str(globals, name); v && *v)
      return fmt::format("global '{}' = {}", name, render(*v));
  }
  // builtins: sys.modules['builtins'].__dict__ (the table does not export
  // Frame.builtins; the module is the same dict).
  Block rt = remote.block(remote.t().runtime_address, remote.t().runtime.size);
  if (auto mod = remote.dict_lookup_str(rt.ptr(remote.t().runtime.modules), "builtins");
      mod && *mod) {
    Block mb = remote.block(*mod, remote.t().module.size);
    if (auto v = remote.dict_lookup_str(mb.ptr(remote.t().module.dict), name); v && *v)
      return fmt::format("builtin '{}' = {}", name, render(*v));
  }
  return fmt::format("'{}' not found", name);
}

std::string frames_json(Target& target, int64_t tid) {
  std::string err;
  auto table = locate(target, err);
  if (!table) return err;
  Remote remote(target, *table);
  WalkOptions wo;
  wo.locals = true;
  Walker walker(remote, wo);
  nlohmann::json doc;
  std::vector<std::string> warnings;
  nlohmann::json threads = nlohmann::json::array();
  for (uint64_t ts : walker.thread_states(warnings)) {
    if (tid != 0) {
      Block b = remote.block(ts, remote.t().thread.size);
      if (b.get<int64_t>(remote.t().thread.native_tid) != tid) continue;
    }
    ThreadWalk w = walker.walk_thread(ts);
    nlohmann::json frames = nlohmann::json::array();
    for (size_t i = 0; i < w.report.frames.size(); ++i) {
      nlohmann::json j = to_json(w.report.frames[i]);
      const FrameExtra& e = w.extra[i];
      j["code"] = e.code;
      j["function_object"] = e.function;
      j["globals"] = e.globals;
      j["locals_dict"] = e.locals_dict;
      j["shim"] = e.shim;
      frames.push_back(std::move(j));
    }
    threads.push_back({{"tid", w.report.tid},
                       {"name", w.report.name},
                       {"state", w.report.state},
                       {"exception", w.report.exception},
                       {"warnings", w.report.warnings},
                       {"frames", std::move(frames)}});
  }
  if (tid != 0 && threads.empty()) return fmt::format("error: no pyglass thread {}", tid);
  doc["vm_version"] = table->vm_version();
  doc["warnings"] = warnings;
  doc["threads"] = std::move(threads);
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace
}  // namespace pgi

using namespace pgi;

extern "C" {

char* pgi_backtrace(pgi_read_fn read, pgi_symbol_fn symbol, void* ctx, int64_t tid, int flags) {
  return guarded([&]() -> std::string {
    CallbackTarget target(read, symbol, ctx);
    Options o;
    o.tid = tid;
    o.locals = (flags & PGI_LOCALS) != 0;
    Result r = inspect(target, o);
    if (!r.ok()) return error_text(*r.error);
    if (flags & PGI_JSON) return format_json(r.report);
    return format_text(r.report, (flags & PGI_NO_HEADER) == 0);
  });
}

char* pgi_frames_json(pgi_read_fn read, pgi_symbol_fn symbol, void* ctx, int64_t tid) {
  return guarded([&] {
    CallbackTarget target(read, symbol, ctx);
    return frames_json(target, tid);
  });
}

char* pgi_lookup_name(pgi_read_fn read, pgi_symbol_fn symbol, void* ctx, uint64_t frame_address,
                      const char* name) {
  return guarded([&] {
    CallbackTarget target(read, symbol, ctx);
    return lookup(target, frame_address, name ? name : "");
  });
}

char* pgi_render_value(pgi_read_fn read, pgi_symbol_fn symbol, void* ctx, uint64_t value_bits) {
  return guarded([&]() -> std::string {
    CallbackTarget target(read, symbol, ctx);
    std::string err;
    auto table = locate(target, err);
    if (!table) return err;
    Remote remote(target, *table);
    RenderOptions ro;
    ro.max_chars = kValueReprCap;
    return Renderer(remote, ro).render(value_bits);
  });
}

void pgi_free(char* s) { std::free(s); }

}  // extern "C"
