// pyglass-stack: print the Python stack of every thread of a pyglass process
// (live, by pid) or of a core dump, with locals and native frames on demand.
//
//   pyglass-stack pid PID   [--native] [--locals] [--json] [--no-block] [--tid TID]
//   pyglass-stack core CORE [--exe PATH] [--native] [--locals] [--json] [--tid TID]
//
// This file only parses the command line, opens the target, runs the
// inspector and prints its formatter's output: every line a user sees on
// stdout comes from inspector/format.h, so the CLI, gdb and LLDB print the
// same thing. Failures are one line on stderr, `pyglass-stack: <message>`,
// and an exit status that says which failure it was (kExit* below; the
// table is repeated in --help and docs/debugging.md).
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "inspector/core_target.h"
#include "inspector/format.h"
#include "inspector/inspect.h"
#include "inspector/live_target.h"
#include "pyglass/debug_abi.h"

namespace {

// Exit statuses. Scripts rely on them: never renumber, only add.
constexpr int kExitOk = 0;
constexpr int kExitOther = 1;
constexpr int kExitUsage = 2;
constexpr int kExitNotPyglass = 3;
constexpr int kExitPermission = 4;
constexpr int kExitNoSuchProcess = 5;
constexpr int kExitExecutableMismatch = 6;
constexpr int kExitVersionMismatch = 7;
constexpr int kExitCorruptCore = 8;

constexpr const char* kVersion = "0.1.0";

int exit_code_for(pgi::ErrorKind kind) {
  switch (kind) {
    case pgi::ErrorKind::NotPyglass: return kExitNotPyglass;
    case pgi::ErrorKind::Permission: return kExitPermission;
    case pgi::ErrorKind::NoSuchProcess: return kExitNoSuchProcess;
    case pgi::ErrorKind::ExecutableMismatch: return kExitExecutableMismatch;
    case pgi::ErrorKind::VersionMismatch: return kExitVersionMismatch;
    case pgi::ErrorKind::CorruptCore: return kExitCorruptCore;
    case pgi::ErrorKind::Other: return kExitOther;
  }
  return kExitOther;
}

// The message of an error, on one line (a target may have put a newline in
// it; stderr must stay one line per failure for scripts that grep it).
std::string one_line(std::string message) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
    message.pop_back();
  for (char& c : message)
    if (c == '\n' || c == '\r') c = ' ';
  if (message.empty()) message = "unknown error";
  return message;
}

int fail(int code, const std::string& message) {
  std::fprintf(stderr, "pyglass-stack: %s\n", one_line(message).c_str());
  return code;
}

int fail(const pgi::InspectError& err) { return fail(exit_code_for(err.kind), err.message); }

// Writes the whole string to stdout. A closed pipe (`| head`) is not an
// error worth a message; anything else is.
int emit(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    if (errno == EPIPE) return kExitOk;
    return fail(kExitOther, std::string("cannot write the report: ") + std::strerror(errno));
  }
  return kExitOk;
}

struct CommonOptions {
  bool native = false;
  bool locals = false;
  bool json = false;
  int64_t tid = 0;
};

// Runs the inspector over an opened target and renders the report into
// *text; returns kExitOk or the failure's status (already reported).
// `target_warnings` are the target's own non-fatal problems (a thread that
// would not stop, an executable not found...): they join the report's
// process-wide warnings so that they are printed by the formatter too.
int render(pgi::Target& target, const std::vector<std::string>& target_warnings,
           const CommonOptions& common, std::string* text) {
  pgi::Options options;
  options.locals = common.locals;
  options.native = common.native;
  options.tid = common.tid;
  pgi::Result result = pgi::inspect(target, options);
  if (!result.ok()) return fail(*result.error);
  for (const std::string& w : target_warnings) result.report.warnings.push_back(w);
  *text = common.json ? pgi::format_json(result.report) : pgi::format_text(result.report);
  return kExitOk;
}

int run_pid(int64_t pid, bool no_block, const CommonOptions& common) {
  pgi::InspectError err{pgi::ErrorKind::Other, ""};
  std::unique_ptr<pgi::LiveProcessTarget> target =
      pgi::LiveProcessTarget::attach(pid, !no_block, &err);
  if (!target) {
    if (err.message.empty()) err.message = "cannot attach to process " + std::to_string(pid);
    return fail(err);
  }
  std::string text;
  int code = render(*target, target->warnings(), common, &text);
  // Let the process run again before writing anything: stdout may be a
  // pipe that blocks (a slow pager) or kills us (SIGPIPE from `| head`).
  target->detach();
  return code == kExitOk ? emit(text) : code;
}

int run_core(const std::string& core, const std::string& exe, bool allow_truncated,
             const CommonOptions& common) {
  pgi::InspectError err{pgi::ErrorKind::Other, ""};
  pgi::CoreOpenOptions open_options;
  open_options.allow_truncated = allow_truncated;
  std::unique_ptr<pgi::CoreFileTarget> target =
      pgi::CoreFileTarget::open(core, exe, &err, open_options);
  if (!target) {
    if (err.message.empty()) err.message = "cannot open core file " + core;
    return fail(err);
  }
  std::string text;
  int code = render(*target, target->warnings(), common, &text);
  return code == kExitOk ? emit(text) : code;
}

// A process or thread id: a positive decimal integer.
CLI::Validator positive_id() {
  return CLI::Validator(
      [](std::string& input) -> std::string {
        bool digits = !input.empty() && input.size() <= 18 &&
                      input.find_first_not_of("0123456789") == std::string::npos;
        if (!digits || std::stoll(input) <= 0)
          return "must be a positive integer, got '" + input + "'";
        return "";
      },
      "POSITIVE");
}

const char* kExitCodes =
    "Exit status:\n"
    "  0  the stacks were printed\n"
    "  1  any other failure\n"
    "  2  usage error (bad command line)\n"
    "  3  not a pyglass process (no debug table found; for a core: wrong --exe?)\n"
    "  4  permission denied (run as root, grant CAP_SYS_PTRACE, or lower\n"
    "     /proc/sys/kernel/yama/ptrace_scope)\n"
    "  5  no such process (or it exited meanwhile)\n"
    "  6  the core and the executable do not match (different build-ids)\n"
    "  7  unsupported debug table version (the message names both versions)\n"
    "  8  truncated or corrupt core file\n";

const char* kExamples =
    "Examples:\n"
    "  pyglass-stack pid 4242                     every thread's Python stack\n"
    "  pyglass-stack pid 4242 --locals            ... with each frame's local variables\n"
    "  pyglass-stack pid 4242 --native            ... merged with the native (C/C++) frames\n"
    "  pyglass-stack pid 4242 --no-block          read without stopping the process\n"
    "  pyglass-stack core ./core                  a core dump (executable from the core)\n"
    "  pyglass-stack core ./core --exe build/release/runtime/pyglass --json\n"
    "\n"
    "See docs/debugging.md for the output format, permissions and core files.\n";

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"pyglass-stack: print the Python stack of every thread of a pyglass process\n"
               "or core dump, without debug info.",
               "pyglass-stack"};
  app.set_version_flag("-V,--version",
                       std::string("pyglass-stack ") + kVersion + " (debug table version " +
                           std::to_string(PG_DEBUG_MAJOR) + "." +
                           std::to_string(PG_DEBUG_MINOR) + ")");
  app.require_subcommand(1, 1);
  app.footer(std::string(kExamples) + "\n" + kExitCodes);

  CommonOptions common;
  auto add_common = [&common](CLI::App* sub) {
    sub->add_flag("--native", common.native,
                  "merge the native (C/C++) frames with the Python frames: each eval_frame\n"
                  "activation is followed by the Python frames it runs");
    sub->add_flag("--locals", common.locals, "show the local variables of every Python frame");
    sub->add_flag("--json", common.json, "print one JSON document instead of text");
    sub->add_option("--tid", common.tid, "only the thread with this kernel thread id")
        ->check(positive_id());
  };

  int64_t pid = 0;
  bool no_block = false;
  CLI::App* pid_cmd = app.add_subcommand("pid", "inspect a live process");
  pid_cmd->add_option("PID", pid, "process id of a running pyglass program")
      ->required()
      ->check(positive_id());
  pid_cmd->add_flag("--no-block", no_block,
                    "do not stop the process while reading it (no ptrace: less intrusive, but a\n"
                    "running thread may be seen mid-call; no native frames)");
  add_common(pid_cmd);
  pid_cmd->footer("The process is stopped only while it is read (milliseconds), then resumes.");

  std::string core, exe;
  bool allow_truncated = false;
  CLI::App* core_cmd = app.add_subcommand("core", "inspect a core dump");
  core_cmd->add_option("CORE", core, "core file (from the kernel or gdb's gcore)")->required();
  core_cmd->add_option("--exe", exe,
                       "the pyglass executable that produced the core, when the path the core\n"
                       "recorded is wrong or missing here; its build-id must match the core's");
  core_cmd->add_flag("--allow-truncated", allow_truncated,
                     "read a truncated core anyway (what is missing reads as unreadable)");
  add_common(core_cmd);
  core_cmd->footer("Cores come from the kernel (ulimit -c unlimited) or gdb's gcore; see\n"
                   "docs/debugging.md, \"Core files\".");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "pyglass-stack: %s (see pyglass-stack --help)\n",
                 one_line(e.what()).c_str());
    return kExitUsage;
  }

  if (common.native && no_block && pid_cmd->parsed())
    return fail(kExitUsage, "--native needs the process stopped; it cannot be used with --no-block");

  try {
    if (pid_cmd->parsed()) return run_pid(pid, no_block, common);
    return run_core(core, exe, allow_truncated, common);
  } catch (const std::exception& e) {
    return fail(kExitOther, std::string("internal error: ") + e.what());
  }
}
