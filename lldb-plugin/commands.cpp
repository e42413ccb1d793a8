// The plugin's entry point and its commands. Each command builds an
// LldbTarget over the selected process, asks the inspector for a report
// (pgi::inspect) and prints it through the inspector's formatter, so the
// frame lines are those of pyglass-stack. Names, arguments, messages and
// the choice of lines follow the gdb extension (gdb-scripts/pyglassgdb/
// commands.py), which follows CPython's libpython.py, so a person can move
// between the debuggers without relearning:
//
//   py-bt [--native]        the selected thread's Python stack, most recent
//                           call first, with source lines; --native merges
//                           the native frames in
//   py-bt-full [--native]   ... with each frame's locals
//   py-list [N | A,B]       source around the selected Python frame's line
//   py-up / py-down         select the older / newer Python frame (and the
//                           native eval_frame() frame that runs it)
//   py-print NAME           NAME as that frame sees it (local, global, builtin)
//   py-locals               the selected Python frame's locals
//   py-threads              every Python thread's stack
//   py-value EXPR           the repr of the Value EXPR evaluates to
//
// Failures are LLDB errors: one `error: ...` line.
//
// The selected Python frame: py-up/py-down keep an index into the selected
// thread's Python frames, together with what it was chosen for (process,
// stop, thread, LLDB's selected native frame). When any of those changed,
// the selection starts again from the innermost Python frame run by LLDB's
// selected native frame or an older one (frame 0: the innermost of all).
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <functional>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "inspector/c_api.h"
#include "inspector/format.h"
#include "inspector/inspect.h"
#include "lldb-plugin/plugin.h"

namespace pglldb {
namespace {

using lldb::SBCommandReturnObject;
using lldb::SBDebugger;

constexpr const char* kNoOlder = "Unable to find an older python frame";
constexpr const char* kNoNewer = "Unable to find a newer python frame";

// What a command works on: the selected target's process and thread.
struct Session {
  lldb::SBTarget target;
  lldb::SBProcess process;
  lldb::SBThread thread;
  int64_t tid = 0;
};

class CommandError : public std::exception {
 public:
  explicit CommandError(std::string m) : message(std::move(m)) {}
  const char* what() const noexcept override { return message.c_str(); }
  std::string message;
};

Session open_session(SBDebugger& debugger) {
  Session s;
  s.target = debugger.GetSelectedTarget();
  if (!s.target.IsValid())
    throw CommandError(
        "no target: attach with `lldb -p PID` or open a core with `lldb PYGLASS -c CORE`");
  s.process = s.target.GetProcess();
  if (!s.process.IsValid())
    throw CommandError(
        "no process: run the program, attach (`process attach -p PID`) or open a core "
        "(`target create PYGLASS -c CORE`)");
  switch (s.process.GetState()) {
    case lldb::eStateStopped:
    case lldb::eStateSuspended:
    case lldb::eStateCrashed:
      break;
    case lldb::eStateRunning:
    case lldb::eStateStepping:
      throw CommandError("the process is running: stop it first (process interrupt)");
    default:
      throw CommandError("no live process or core (it exited or was detached)");
  }
  s.thread = s.process.GetSelectedThread();
  if (!s.thread.IsValid()) s.thread = s.process.GetThreadAtIndex(0);
  if (!s.thread.IsValid()) throw CommandError("the process has no threads");
  s.tid = int64_t(s.thread.GetThreadID());
  return s;
}

// The report of one thread (tid) or of every thread (tid 0).
pgi::ProcessReport collect(LldbTarget& target, int64_t tid, bool locals, bool native) {
  pgi::Options o;
  o.tid = tid;
  o.locals = locals;
  o.native = native;
  pgi::Result r = pgi::inspect(target, o);
  if (!r.ok()) throw CommandError(error_text(target, *r.error));
  return std::move(r.report);
}

// The selected thread's report; an error for a thread that runs no Python.
pgi::ThreadReport thread_report(Session& s, LldbTarget& target, bool locals, bool native) {
  pgi::ProcessReport r = collect(target, s.tid, locals, native);
  if (r.threads.empty()) throw CommandError(fmt::format("no thread {}", s.tid));
  pgi::ThreadReport th = std::move(r.threads.front());
  if (!th.known_to_vm)
    throw CommandError(fmt::format("thread {} runs no Python code (not a pyglass thread)", s.tid));
  return th;
}

// ------------------------------------------------------------ selection

// What a selection was made for; a different key starts it again.
struct SelectionKey {
  uint32_t process = 0;  // SBProcess::GetUniqueID()
  uint32_t stop = 0;     // SBProcess::GetStopID()
  int64_t tid = 0;
  uint32_t frame = 0;    // LLDB's selected frame: index, sp, pc
  uint64_t sp = 0, pc = 0;
  bool operator==(const SelectionKey&) const = default;
};

SelectionKey key_of(Session& s) {
  SelectionKey k;
  k.process = s.process.GetUniqueID();
  k.stop = s.process.GetStopID();
  k.tid = s.tid;
  lldb::SBFrame f = s.thread.GetSelectedFrame();
  if (f.IsValid()) {
    k.frame = f.GetFrameID();
    k.sp = f.GetSP();
    k.pc = f.GetPC();
  }
  return k;
}

std::mutex g_mutex;
std::optional<SelectionKey> g_key;
size_t g_index = 0;

// For each merged frame position: the LLDB frame index of the native frame
// that runs it (python) or is it (native); UINT32_MAX before the first.
std::vector<uint32_t> owners(const pgi::ThreadReport& th, LldbTarget& target) {
  const std::vector<uint32_t>& lldb_index = target.last_frame_indices();
  std::vector<uint32_t> out;
  uint32_t owner = UINT32_MAX;
  size_t native = 0;
  for (const pgi::MergedFrame& m : th.merged) {
    if (!m.is_python) owner = native < lldb_index.size() ? lldb_index[native++] : UINT32_MAX;
    out.push_back(owner);
  }
  return out;
}

// The innermost Python frame run by LLDB frame `selected` or an older one.
size_t base_index(const pgi::ThreadReport& th, LldbTarget& target, uint32_t selected) {
  if (selected == 0 || th.merged.empty()) return 0;
  std::vector<uint32_t> own = owners(th, target);
  size_t python = 0;
  for (size_t i = 0; i < th.merged.size(); ++i) {
    if (!th.merged[i].is_python) continue;
    if (own[i] != UINT32_MAX && own[i] >= selected) return python;
    ++python;
  }
  return th.frames.size();
}

// The selected thread with its Python frames (native merged in) and the
// index of the selected one.
struct Selected {
  pgi::ThreadReport thread;
  size_t index = 0;
  const pgi::PyFrame& frame() const { return thread.frames[index]; }
};

Selected selected(Session& s, LldbTarget& target, bool locals) {
  Selected sel;
  sel.thread = thread_report(s, target, locals, true);
  const std::vector<pgi::PyFrame>& frames = sel.thread.frames;
  SelectionKey key = key_of(s);
  {
    std::lock_guard<std::mutex> lock(g_mutex);
    if (!g_key || *g_key != key) {
      g_key = key;
      g_index = base_index(sel.thread, target, key.frame);
    }
    sel.index = std::min(g_index, frames.size());
  }
  if (sel.index >= frames.size()) {
    if (frames.empty()) throw CommandError(fmt::format("thread {} has no Python frames", s.tid));
    throw CommandError("no Python frame in or above the selected native frame");
  }
  return sel;
}

// Makes Python frame `index` the selected one, and the native eval_frame()
// frame that runs it LLDB's selected frame (so that `frame variable`,
// `register read` show that activation).
void select(Session& s, LldbTarget& target, Selected& sel, size_t index) {
  std::vector<uint32_t> own = owners(sel.thread, target);
  size_t python = 0;
  for (size_t i = 0; i < sel.thread.merged.size(); ++i) {
    if (!sel.thread.merged[i].is_python) continue;
    if (python++ == index) {
      if (own[i] != UINT32_MAX) s.thread.SetSelectedFrame(own[i]);
      break;
    }
  }
  std::lock_guard<std::mutex> lock(g_mutex);
  g_key = key_of(s);
  g_index = index;
  sel.index = index;
}

// ------------------------------------------------------------ output

void print(SBCommandReturnObject& result, const std::string& text) {
  if (text.empty()) return;
  result.Printf("%s", text.c_str());
  if (text.back() != '\n') result.Printf("\n");
}

// A thread's block from the formatter without its `Thread ...` line.
std::string without_thread_line(const std::string& block) {
  size_t nl = block.find('\n');
  return nl == std::string::npos ? std::string() : block.substr(nl + 1);
}

// The formatter's lines of one frame (frame line, source, [error]), no
// locals: what py-up and py-down print.
std::string frame_summary(const pgi::PyFrame& f) {
  pgi::ThreadReport t;
  pgi::PyFrame copy = f;
  copy.locals.clear();
  t.frames.push_back(std::move(copy));
  return without_thread_line(pgi::format_thread_text(t));
}

std::vector<std::string> split_args(char** command) {
  std::vector<std::string> args;
  for (char** p = command; p && *p; ++p) args.emplace_back(*p);
  return args;
}

std::string join(const std::vector<std::string>& args) {
  std::string out;
  for (const std::string& a : args) {
    if (!out.empty()) out += ' ';
    out += a;
  }
  return out;
}

// One command: a function of (session, args) printing into `result`.
// Errors end the command with LLDB's "error: ..." line; nothing escapes
// into LLDB.
class Command : public lldb::SBCommandPluginInterface {
 public:
  using Body = std::function<void(Session&, const std::vector<std::string>&,
                                  SBCommandReturnObject&)>;
  explicit Command(Body body) : body_(std::move(body)) {}

  bool DoExecute(SBDebugger debugger, char** command, SBCommandReturnObject& result) override {
    std::string error;
    try {
      Session s = open_session(debugger);
      body_(s, split_args(command), result);
    } catch (const CommandError& e) {
      error = e.message;
    } catch (const std::exception& e) {
      error = std::string("internal error: ") + e.what();
    } catch (...) {
      error = "internal error: unknown exception";
    }
    if (!error.empty()) {
      if (error.starts_with("error: ")) error.erase(0, 7);
      result.SetError(error.c_str());
      return false;
    }
    result.SetStatus(lldb::eReturnStatusSuccessFinishResult);
    return true;
  }

 private:
  Body body_;
};

void no_arguments(const char* name, const std::vector<std::string>& args) {
  if (!args.empty()) throw CommandError(fmt::format("usage: {}", name));
}

// ------------------------------------------------------------ commands

void py_bt(Session& s, const std::vector<std::string>& args, SBCommandReturnObject& result,
           bool full) {
  bool native = false;
  for (const std::string& a : args) {
    if (a == "--native")
      native = true;
    else
      throw CommandError(fmt::format("usage: {} [--native]", full ? "py-bt-full" : "py-bt"));
  }
  LldbTarget target(s.target, s.process);
  pgi::ThreadReport th = thread_report(s, target, full, native);
  print(result, "Traceback (most recent call first):\n" +
                    without_thread_line(pgi::format_thread_text(th)));
}

void py_threads(Session& s, const std::vector<std::string>& args,
                SBCommandReturnObject& result) {
  no_arguments("py-threads", args);
  LldbTarget target(s.target, s.process);
  pgi::ProcessReport r = collect(target, 0, false, false);
  // The threads the VM knows, as the gdb extension lists them.
  std::erase_if(r.threads, [](const pgi::ThreadReport& t) { return !t.known_to_vm; });
  print(result, pgi::format_text(r, false));
}

void py_move(Session& s, const std::vector<std::string>& args, SBCommandReturnObject& result,
             bool older) {
  no_arguments(older ? "py-up" : "py-down", args);
  LldbTarget target(s.target, s.process);
  Selected sel = selected(s, target, false);
  if (older ? sel.index + 1 >= sel.thread.frames.size() : sel.index == 0) {
    print(result, older ? kNoOlder : kNoNewer);
    return;
  }
  select(s, target, sel, older ? sel.index + 1 : sel.index - 1);
  print(result, frame_summary(sel.frame()));
}

void py_list(Session& s, const std::vector<std::string>& args, SBCommandReturnObject& result) {
  int start = 0, end = 0;
  bool range = false;
  if (!args.empty()) {
    static const std::regex kRange(R"((\d{1,9})\s*(?:,\s*(\d{1,9}))?)");
    std::smatch m;
    std::string text = join(args);
    if (!std::regex_match(text, m, kRange)) throw CommandError("usage: py-list [START[,END]]");
    start = std::stoi(m[1].str());
    end = m[2].matched ? std::stoi(m[2].str()) : start + 10;
    range = true;
  }
  LldbTarget target(s.target, s.process);
  Selected sel = selected(s, target, false);
  const pgi::PyFrame& f = sel.frame();
  if (!range) {
    if (f.line <= 0) throw CommandError("the line of the selected Python frame is unknown");
    start = f.line - 5;
    end = f.line + 5;
  }
  start = std::max(start, 1);
  std::ifstream in(f.filename, std::ios::binary);
  if (!in)
    throw CommandError(fmt::format("unable to open {}: {}", f.filename, std::strerror(errno)));
  std::string out, line;
  for (int n = 1; n <= end && std::getline(in, line); ++n) {
    if (n < start) continue;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out += fmt::format("{:>4}    {}\n", fmt::format("{}{}", n == f.line ? ">" : "", n), line);
  }
  print(result, out);
}

// A Python identifier (non-ASCII letters allowed, as Python does).
bool identifier(const std::string& name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (unsigned char c : name)
    if (!(std::isalnum(c) || c == '_' || c >= 0x80)) return false;
  return true;
}

void py_print(Session& s, const std::vector<std::string>& args, SBCommandReturnObject& result) {
  if (args.size() != 1 || !identifier(args[0])) throw CommandError("usage: py-print NAME");
  LldbTarget target(s.target, s.process);
  Selected sel = selected(s, target, false);
  std::string text = take(pgi_lookup_name(read_callback, symbol_callback, &target,
                                          sel.frame().address, args[0].c_str()));
  if (text.starts_with("error: ")) throw CommandError(text);
  print(result, text);
}

void py_locals(Session& s, const std::vector<std::string>& args, SBCommandReturnObject& result) {
  no_arguments("py-locals", args);
  LldbTarget target(s.target, s.process);
  Selected sel = selected(s, target, true);
  std::string out;
  for (const pgi::LocalVariable& l : sel.frame().locals)
    out += fmt::format("{} = {}\n", l.name, l.repr);
  print(result, out);
}

// The word behind an evaluated expression: a pg::Value's bits, an object
// pointer or an integer; an object (a struct without `bits`) by address.
uint64_t value_bits(lldb::SBValue v, const std::string& expr) {
  lldb::SBType type = v.GetType().GetCanonicalType();
  if (type.IsReferenceType()) {
    v = v.Dereference();
    type = v.GetType().GetCanonicalType();
  }
  lldb::SBError error;
  uint64_t bits = 0;
  switch (type.GetTypeClass()) {
    case lldb::eTypeClassStruct:
    case lldb::eTypeClassClass: {
      lldb::SBValue b = v.GetChildMemberWithName("bits");
      if (b.IsValid()) {
        bits = b.GetValueAsUnsigned(error, 0);
      } else {
        lldb::addr_t a = v.GetLoadAddress();
        if (a == LLDB_INVALID_ADDRESS) throw CommandError(fmt::format("'{}' has no address", expr));
        return a;
      }
      break;
    }
    case lldb::eTypeClassPointer:
    case lldb::eTypeClassBuiltin:
    case lldb::eTypeClassEnumeration:
    case lldb::eTypeClassTypedef:
      bits = v.GetValueAsUnsigned(error, 0);
      break;
    default:
      throw CommandError(fmt::format("cannot take a value from a {}", type.GetName()));
  }
  if (error.Fail()) throw CommandError(fmt::format("cannot read '{}'", expr));
  return bits;
}

void py_value(Session& s, const std::vector<std::string>& args, SBCommandReturnObject& result) {
  std::string expr = join(args);
  if (expr.empty()) throw CommandError("usage: py-value EXPRESSION");
  lldb::SBFrame frame = s.thread.GetSelectedFrame();
  lldb::SBValue v = frame.IsValid() ? frame.EvaluateExpression(expr.c_str())
                                    : s.target.EvaluateExpression(expr.c_str());
  lldb::SBError eval_error = v.IsValid() ? v.GetError() : lldb::SBError();
  if (!v.IsValid() || eval_error.Fail()) {
    const char* why = v.IsValid() ? eval_error.GetCString() : nullptr;
    std::string w = why ? why : "invalid expression";
    w = w.substr(0, w.find('\n'));  // LLDB's first line says what went wrong
    while (!w.empty() && w.back() == ' ') w.pop_back();
    if (w.starts_with("error: ")) w.erase(0, 7);
    throw CommandError(fmt::format("cannot evaluate '{}': {}", expr, w));
  }
  uint64_t bits = value_bits(v, expr);
  LldbTarget target(s.target, s.process);
  // 0 is "no value" (a null pointer, an unbound slot), printed as the
  // summaries print it; the table is still required.
  std::string text = render_value(target, bits, kValueReprCap);
  if (text.starts_with("error: ")) throw CommandError(text);
  print(result, bits == 0 ? "0x0" : text);
}

void add(lldb::SBCommandInterpreter& ci, const char* name, Command::Body body, const char* help,
         const char* syntax) {
  // LLDB keeps the pointer for the life of the debugger.
  ci.AddCommand(name, new Command(std::move(body)), help, syntax);
}

}  // namespace

void register_commands(SBDebugger debugger) {
  lldb::SBCommandInterpreter ci = debugger.GetCommandInterpreter();
  add(ci, "py-bt",
      [](Session& s, const auto& a, SBCommandReturnObject& r) { py_bt(s, a, r, false); },
      "pyglass: the selected thread's Python stack, most recent call first "
      "(--native: with the native frames merged in)",
      "py-bt [--native]");
  add(ci, "py-bt-full",
      [](Session& s, const auto& a, SBCommandReturnObject& r) { py_bt(s, a, r, true); },
      "pyglass: py-bt with the locals of every Python frame", "py-bt-full [--native]");
  add(ci, "py-list", py_list,
      "pyglass: source around the selected Python frame's line (> marks it); "
      "START: 10 lines from START; START,END: lines START to END",
      "py-list [START[,END]]");
  add(ci, "py-up",
      [](Session& s, const auto& a, SBCommandReturnObject& r) { py_move(s, a, r, true); },
      "pyglass: select the next older Python frame (and its native eval_frame frame)",
      "py-up");
  add(ci, "py-down",
      [](Session& s, const auto& a, SBCommandReturnObject& r) { py_move(s, a, r, false); },
      "pyglass: select the next newer Python frame (and its native eval_frame frame)",
      "py-down");
  add(ci, "py-print", py_print,
      "pyglass: a name as the selected Python frame sees it (local, global or builtin)",
      "py-print NAME");
  add(ci, "py-locals", py_locals, "pyglass: the locals of the selected Python frame",
      "py-locals");
  add(ci, "py-threads", py_threads, "pyglass: the Python stack of every thread of the process",
      "py-threads");
  add(ci, "py-value", py_value,
      "pyglass: the Python repr of a VM value (an expression giving a pg::Value, its bits "
      "or an object pointer, e.g. `py-value $rdi`); works without debug info",
      "py-value EXPRESSION");
}

}  // namespace pglldb

namespace lldb {
// Called by `plugin load`.
__attribute__((visibility("default"))) bool PluginInitialize(lldb::SBDebugger debugger) {
  pglldb::register_commands(debugger);
  pglldb::register_summaries(debugger);
  return true;
}
}  // namespace lldb
