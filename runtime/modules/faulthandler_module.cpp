// The `faulthandler` module. For now: CPython's deliberate-crash helpers,
// which the debugger tests use to produce real cores. (The crash handler
// that prints every thread's stack comes with the crash-reports issue.)
#include <csignal>
#include <cstdint>
#include <cstdio>

#include "modules/modules.h"

namespace pg {

namespace {

// Reads address 0 like a buggy native extension would, so the kernel
// reports SIGSEGV with fault address 0 (the volatile zero keeps the
// compiler from turning the read into a trap instruction).
Value faulthandler_sigsegv(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("_sigsegv", nargs, kwnames, 0, 1)) return Value();
  fflush(stdout);
  fflush(stderr);
  signal(SIGSEGV, SIG_DFL);
  static volatile uintptr_t zero = 0;
  int value = *reinterpret_cast<volatile int*>(zero);
  (void)value;
  ::raise(SIGSEGV);  // not reached
  return None();
}

Value faulthandler_sigabrt(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("_sigabrt", nargs, kwnames, 0, 0)) return Value();
  fflush(stdout);
  fflush(stderr);
  abort();
}

Value faulthandler_init() {
  Value m = module_new("faulthandler");
  module_add_function(m, "_sigsegv", faulthandler_sigsegv);
  module_add_function(m, "_sigabrt", faulthandler_sigabrt);
  return m;
}

}  // namespace

void faulthandler_module_register() { register_builtin_module("faulthandler", faulthandler_init); }

}  // namespace pg
