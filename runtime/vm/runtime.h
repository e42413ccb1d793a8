// Runtime start-up, shutdown and the `pyglass` command line.
#pragma once

#include <string>
#include <vector>

#include "objects/object.h"

namespace pg {

// Creates the main thread state, the core types, builtins and sys. Safe to
// call once per process.
void runtime_init(const std::vector<std::string>& argv);
// Flushes output and frees every object (leak checkers see a clean heap).
void runtime_finalize();

// Runs a source file as __main__. Returns the process exit status (0, the
// SystemExit code, or 1 after printing an uncaught exception).
int run_main_file(const std::string& path);
// Runs source text as __main__ (for `-c`).
int run_main_source(const std::string& source, const std::string& filename);

// Handles a pending exception at top level the way CPython does (SystemExit
// → its code; anything else → traceback on stderr, status 1).
int handle_uncaught_exception();

int pyglass_main(int argc, char** argv);

}  // namespace pg
