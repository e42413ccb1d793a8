// The `pyglass` command line, modelled on `python3`'s:
//   pyglass [options] prog.py [args...]
//   pyglass [options] -c CODE [args...]
// Options end at the program name; everything after it goes to sys.argv.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "compiler/compiler.h"
#include "compiler/disassembler.h"
#include "modules/modules.h"
#include "vm/runtime.h"

namespace pg {

int pyglass_main(int argc, char** argv) {
  CLI::App app{"pyglass: a Python VM built to be debugged", "pyglass"};
  app.prefix_command();  // stop at the first positional: the program and its args
  bool dis = false;
  bool unbuffered = false;
  std::string command;
  std::vector<std::string> xoptions;
  app.add_flag("--dis", dis, "print the bytecode of every code object of the program and exit");
  app.add_option("-c", command, "run CODE as the program (sys.argv[0] is '-c')");
  app.add_option("-X", xoptions, "implementation-specific option (faulthandler; others accepted and ignored)")
      ->type_size(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_flag("-u", unbuffered, "unbuffered stdout and stderr");
  app.set_version_flag("-V,--version", "Python 3.11.7 (pyglass 0.1.0)");
  app.footer("The program's own arguments follow its file name, as with python3.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  std::vector<std::string> rest = app.remaining();
  if (unbuffered) {
    setvbuf(stdout, nullptr, _IONBF, 0);
  }
  std::vector<std::string> program_argv;
  if (!command.empty()) {
    program_argv.push_back("-c");
    for (auto& a : rest) program_argv.push_back(a);
  } else {
    if (rest.empty()) {
      fputs("pyglass: no program given (usage: pyglass [options] prog.py [args...]; see --help)\n", stderr);
      return 2;
    }
    program_argv = rest;
  }
  runtime_init(program_argv);
  const char* fault_env = getenv("PYGLASSFAULTHANDLER");
  bool faulthandler = fault_env && fault_env[0];
  for (const std::string& x : xoptions)
    if (x == "faulthandler") faulthandler = true;
  if (faulthandler) faulthandler_enable_at_startup();
  int status;
  if (dis) {
    std::string source;
    std::string filename = command.empty() ? program_argv[0] : "<string>";
    if (command.empty()) {
      std::ifstream in(filename, std::ios::binary);
      if (!in) {
        fprintf(stderr, "pyglass: can't open file '%s'\n", filename.c_str());
        runtime_finalize();
        return 2;
      }
      std::ostringstream ss;
      ss << in.rdbuf();
      source = ss.str();
    } else {
      source = command;
    }
    Code* code = compile_source(source, filename);
    if (!code) {
      status = handle_uncaught_exception();
    } else {
      disassemble(code, stdout);
      status = 0;
    }
  } else if (!command.empty()) {
    status = run_main_source(command, "<string>");
  } else {
    status = run_main_file(program_argv[0]);
  }
  runtime_finalize();
  return status;
}

}  // namespace pg
