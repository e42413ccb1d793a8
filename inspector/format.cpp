// The one text formatter and the one JSON formatter: see format.h.
#include "inspector/format.h"

#include <fmt/format.h>

namespace pgi {

using nlohmann::json;

// ---------------------------------------------------------------- text

std::string format_frame_line(const PyFrame& f) {
  std::string line = f.line > 0 ? std::to_string(f.line) : "?";
  return fmt::format("  File \"{}\", line {}, in {}", f.filename, line, f.function);
}

std::string format_source_line(const PyFrame& f) {
  if (f.source.empty()) return "";
  return "    " + f.source;
}

std::string format_local_line(const LocalVariable& l) {
  return fmt::format("      {} = {}", l.name, l.repr);
}

std::string format_native_line(const NativeFrame& n) {
  std::string s = fmt::format("  Native {:#018x} in {}", n.pc, n.symbol.empty() ? "??" : n.symbol);
  if (!n.module.empty()) {
    size_t slash = n.module.rfind('/');
    s += fmt::format(" ({})", slash == std::string::npos ? n.module : n.module.substr(slash + 1));
  }
  return s;
}

std::string format_thread_line(const ThreadReport& t) {
  std::string state = t.known_to_vm ? t.state : "not a pyglass thread";
  if (state.empty()) state = "unknown";
  if (t.is_crashing) state += ", crashed";
  std::string detail = t.known_to_vm && !t.detail.empty() ? " [" + t.detail + "]" : "";
  return fmt::format("Thread {} \"{}\" ({}){}{}", t.tid, t.name, state, detail,
                     t.known_to_vm ? ":" : "");
}

namespace {

void append_python_frame(std::string& out, const PyFrame& f) {
  out += format_frame_line(f);
  out += '\n';
  if (std::string s = format_source_line(f); !s.empty()) {
    out += s;
    out += '\n';
  }
  if (!f.error.empty()) out += fmt::format("    [error] {}\n", f.error);
  for (const LocalVariable& l : f.locals) {
    out += format_local_line(l);
    out += '\n';
  }
}

}  // namespace

std::string format_thread_text(const ThreadReport& t) {
  std::string out = format_thread_line(t) + "\n";
  if (!t.merged.empty()) {
    for (const MergedFrame& m : t.merged) {
      if (m.is_python) {
        append_python_frame(out, m.python);
      } else {
        out += format_native_line(m.native);
        out += '\n';
      }
    }
  } else {
    for (const PyFrame& f : t.frames) append_python_frame(out, f);
    for (const NativeFrame& n : t.native) {
      out += format_native_line(n);
      out += '\n';
    }
    if (t.known_to_vm && t.frames.empty() && t.native.empty()) out += "  (no Python frames)\n";
  }
  if (!t.exception.empty()) out += fmt::format("  Exception in flight: {}\n", t.exception);
  if (!t.handled_exception.empty())
    out += fmt::format("  Exception being handled: {}\n", t.handled_exception);
  for (const std::string& w : t.warnings) out += fmt::format("  [warning] {}\n", w);
  return out;
}

std::string format_text(const ProcessReport& r, bool header) {
  std::string out;
  if (header) {
    out = r.pid ? fmt::format("Process {}", r.pid) : std::string("Process ?");
    if (!r.vm_version.empty()) out += fmt::format(" ({})", r.vm_version);
    if (!r.source.empty() && r.source != fmt::format("process {}", r.pid))
      out += ", " + r.source;
    out += '\n';
  }
  if (r.crash) {
    const CrashInfo& c = *r.crash;
    std::string sig = c.signal_name.empty() ? fmt::format("signal {}", c.signal) : c.signal_name;
    std::string fault =
        c.has_fault_address ? fmt::format(" (fault address {:#x})", c.fault_address) : "";
    out += fmt::format("Crash: {}{} in thread {}\n", sig, fault, c.tid);
  }
  for (size_t i = 0; i < r.threads.size(); ++i) {
    if (i) out += '\n';
    out += format_thread_text(r.threads[i]);
  }
  if (!r.warnings.empty() && !r.threads.empty()) out += '\n';
  for (const std::string& w : r.warnings) out += fmt::format("[warning] {}\n", w);
  return out;
}

// ---------------------------------------------------------------- JSON

json to_json(const PyFrame& f) {
  json locals = json::array();
  for (const LocalVariable& l : f.locals)
    locals.push_back({{"name", l.name}, {"repr", l.repr}, {"is_argument", l.is_argument}});
  return {{"address", f.address},   {"function", f.function}, {"qualname", f.qualname},
          {"filename", f.filename}, {"line", f.line},         {"source", f.source},
          {"owner", f.owner},       {"is_entry", f.is_entry}, {"locals", std::move(locals)},
          {"error", f.error}};
}

json to_json(const NativeFrame& n) {
  return {{"pc", n.pc},         {"sp", n.sp},         {"cfa", n.cfa},
          {"symbol", n.symbol}, {"module", n.module}, {"offset", n.offset}};
}

json to_json(const ThreadReport& t) {
  json frames = json::array(), native = json::array(), merged = json::array();
  for (const PyFrame& f : t.frames) frames.push_back(to_json(f));
  for (const NativeFrame& n : t.native) native.push_back(to_json(n));
  for (const MergedFrame& m : t.merged) {
    json j = m.is_python ? to_json(m.python) : to_json(m.native);
    j["kind"] = m.is_python ? "python" : "native";
    merged.push_back(std::move(j));
  }
  json wait = nullptr;
  if (!t.wait_kind.empty())
    wait = {{"kind", t.wait_kind}, {"address", t.wait_address}, {"owner_tid", t.wait_owner_tid}};
  return {{"tid", t.tid},
          {"name", t.name},
          {"state", t.state},
          {"detail", t.detail},
          {"holds_gil", t.holds_gil},
          {"wait", std::move(wait)},
          {"known_to_vm", t.known_to_vm},
          {"is_crashing", t.is_crashing},
          {"exception", t.exception},
          {"handled_exception", t.handled_exception},
          {"frames", std::move(frames)},
          {"native", std::move(native)},
          {"merged", std::move(merged)},
          {"warnings", t.warnings}};
}

json to_json(const ProcessReport& r) {
  json crash = nullptr;
  if (r.crash) {
    const CrashInfo& c = *r.crash;
    crash = {{"signal", c.signal},
             {"signal_name", c.signal_name},
             {"code", c.code},
             {"fault_address", c.has_fault_address ? json(c.fault_address) : json(nullptr)},
             {"tid", c.tid}};
  }
  json threads = json::array();
  for (const ThreadReport& t : r.threads) threads.push_back(to_json(t));
  return {{"pid", r.pid},         {"source", r.source},          {"vm_version", r.vm_version},
          {"crash", crash},       {"threads", std::move(threads)}, {"warnings", r.warnings}};
}

std::string format_json(const ProcessReport& r, int indent) {
  // Names read from a corrupt target may be invalid UTF-8: replace those
  // bytes instead of failing the whole document.
  return to_json(r).dump(indent, ' ', false, json::error_handler_t::replace) + "\n";
}

namespace {

PyFrame py_frame_from_json(const json& j) {
  PyFrame f;
  f.address = j.at("address").get<uint64_t>();
  f.function = j.at("function").get<std::string>();
  f.qualname = j.at("qualname").get<std::string>();
  f.filename = j.at("filename").get<std::string>();
  f.line = j.at("line").get<int>();
  f.source = j.at("source").get<std::string>();
  f.owner = j.at("owner").get<uint8_t>();
  f.is_entry = j.at("is_entry").get<bool>();
  for (const json& l : j.at("locals"))
    f.locals.push_back({l.at("name").get<std::string>(), l.at("repr").get<std::string>(),
                        l.at("is_argument").get<bool>()});
  f.error = j.at("error").get<std::string>();
  return f;
}

NativeFrame native_from_json(const json& j) {
  NativeFrame n;
  n.pc = j.at("pc").get<uint64_t>();
  n.sp = j.at("sp").get<uint64_t>();
  n.cfa = j.at("cfa").get<uint64_t>();
  n.symbol = j.at("symbol").get<std::string>();
  n.module = j.at("module").get<std::string>();
  n.offset = j.at("offset").get<uint64_t>();
  return n;
}

}  // namespace

ProcessReport report_from_json(const json& doc) {
  ProcessReport r;
  r.pid = doc.at("pid").get<int64_t>();
  r.source = doc.at("source").get<std::string>();
  r.vm_version = doc.at("vm_version").get<std::string>();
  if (const json& c = doc.at("crash"); !c.is_null()) {
    CrashInfo ci;
    ci.signal = c.at("signal").get<int>();
    ci.signal_name = c.at("signal_name").get<std::string>();
    ci.code = c.at("code").get<int>();
    ci.has_fault_address = !c.at("fault_address").is_null();
    if (ci.has_fault_address) ci.fault_address = c.at("fault_address").get<uint64_t>();
    ci.tid = c.at("tid").get<int64_t>();
    r.crash = ci;
  }
  for (const json& tj : doc.at("threads")) {
    ThreadReport t;
    t.tid = tj.at("tid").get<int64_t>();
    t.name = tj.at("name").get<std::string>();
    t.state = tj.at("state").get<std::string>();
    // Added with the threads work: optional for documents of older tools.
    t.detail = tj.value("detail", std::string());
    t.holds_gil = tj.value("holds_gil", false);
    if (auto w = tj.find("wait"); w != tj.end() && w->is_object()) {
      t.wait_kind = w->value("kind", std::string());
      t.wait_address = w->value("address", uint64_t(0));
      t.wait_owner_tid = w->value("owner_tid", int64_t(0));
    }
    t.known_to_vm = tj.at("known_to_vm").get<bool>();
    t.is_crashing = tj.at("is_crashing").get<bool>();
    t.exception = tj.at("exception").get<std::string>();
    t.handled_exception = tj.value("handled_exception", std::string());
    for (const json& f : tj.at("frames")) t.frames.push_back(py_frame_from_json(f));
    for (const json& n : tj.at("native")) t.native.push_back(native_from_json(n));
    for (const json& m : tj.at("merged")) {
      MergedFrame mf;
      mf.is_python = m.at("kind").get<std::string>() == "python";
      if (mf.is_python)
        mf.python = py_frame_from_json(m);
      else
        mf.native = native_from_json(m);
      t.merged.push_back(std::move(mf));
    }
    t.warnings = tj.at("warnings").get<std::vector<std::string>>();
    r.threads.push_back(std::move(t));
  }
  r.warnings = doc.at("warnings").get<std::vector<std::string>>();
  return r;
}

}  // namespace pgi
