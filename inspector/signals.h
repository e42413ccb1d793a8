// Signal names for crash reports: "SIGSEGV", "SEGV_MAPERR", ... Written out
// here rather than taken from strsignal()/sigabbrev_np() because those give
// the inspector's own host names and prose ("Segmentation fault"), while a
// crash report read on another machine must name the Linux x86-64 numbers
// the core was written with.
#pragma once

#include <string>

namespace pgi {

// "SIGSEGV" for 11; real-time signals as "SIGRTMIN+3"; "SIG<n>" otherwise.
std::string signal_name(int signo);

// Whether si_addr of a siginfo with this signal is a fault address (the
// kernel fills it for SIGSEGV, SIGBUS, SIGILL, SIGFPE and SIGTRAP-on-fault;
// we report it for the first four, which is what users mean by "where").
bool signal_has_fault_address(int signo);

// Whether the signal is one that ends a process with a core dump or a
// kill: a core whose recorded signal is a stop/continue/ignore signal
// (SIGSTOP from a debugger's gcore, SIGCHLD, ...) did not crash.
bool signal_is_fatal(int signo);

// The symbolic si_code for a signal: "SEGV_MAPERR", "SI_USER", "SI_TKILL",
// ... ; "" when the code has no name for that signal.
std::string signal_code_name(int signo, int code);

}  // namespace pgi
