// Linux x86-64 signal numbers and si_code values, spelled out (see
// signals.h for why not strsignal()).
#include "inspector/signals.h"

#include <string>

namespace pgi {
namespace {

// Index = signal number (Linux x86-64, asm-generic numbering).
constexpr const char* kSignalNames[] = {
    nullptr,   "SIGHUP",  "SIGINT",    "SIGQUIT", "SIGILL",    "SIGTRAP", "SIGABRT",  "SIGBUS",
    "SIGFPE",  "SIGKILL", "SIGUSR1",   "SIGSEGV", "SIGUSR2",   "SIGPIPE", "SIGALRM",  "SIGTERM",
    "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",   "SIGTTIN", "SIGTTOU",  "SIGURG",
    "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",  "SIGIO",   "SIGPWR",   "SIGSYS",
};
constexpr int kNumClassicSignals = int(sizeof(kSignalNames) / sizeof(kSignalNames[0]));
// The kernel's SIGRTMIN is 32; glibc reserves 32 and 33 for itself and
// reports SIGRTMIN as 34, but a core records the kernel number.
constexpr int kKernelRtMin = 32;
constexpr int kKernelRtMax = 64;

}  // namespace

std::string signal_name(int signo) {
  if (signo > 0 && signo < kNumClassicSignals) return kSignalNames[signo];
  if (signo == kKernelRtMin) return "SIGRTMIN";
  if (signo > kKernelRtMin && signo <= kKernelRtMax) {
    return "SIGRTMIN+" + std::to_string(signo - kKernelRtMin);
  }
  return "SIG" + std::to_string(signo);
}

bool signal_has_fault_address(int signo) {
  // SIGILL=4, SIGBUS=7, SIGFPE=8, SIGSEGV=11.
  return signo == 4 || signo == 7 || signo == 8 || signo == 11;
}

bool signal_is_fatal(int signo) {
  switch (signo) {
    case 0:
    case 17:  // SIGCHLD
    case 18:  // SIGCONT
    case 19:  // SIGSTOP
    case 20:  // SIGTSTP
    case 21:  // SIGTTIN
    case 22:  // SIGTTOU
    case 23:  // SIGURG
    case 28:  // SIGWINCH
      return false;
    default:
      return signo > 0 && signo <= kKernelRtMax;
  }
}

std::string signal_code_name(int signo, int code) {
  // Codes <= 0 are "who sent it" and shared by every signal.
  switch (code) {
    case 0: return "SI_USER";
    case 0x80: return "SI_KERNEL";
    case -1: return "SI_QUEUE";
    case -2: return "SI_TIMER";
    case -3: return "SI_MESGQ";
    case -4: return "SI_ASYNCIO";
    case -5: return "SI_SIGIO";
    case -6: return "SI_TKILL";
    default: break;
  }
  if (code < 0) return "";
  switch (signo) {
    case 11:  // SIGSEGV
      switch (code) {
        case 1: return "SEGV_MAPERR";
        case 2: return "SEGV_ACCERR";
        case 3: return "SEGV_BNDERR";
        case 4: return "SEGV_PKUERR";
        default: return "";
      }
    case 7:  // SIGBUS
      switch (code) {
        case 1: return "BUS_ADRALN";
        case 2: return "BUS_ADRERR";
        case 3: return "BUS_OBJERR";
        case 4: return "BUS_MCEERR_AR";
        case 5: return "BUS_MCEERR_AO";
        default: return "";
      }
    case 4:  // SIGILL
      switch (code) {
        case 1: return "ILL_ILLOPC";
        case 2: return "ILL_ILLOPN";
        case 3: return "ILL_ILLADR";
        case 4: return "ILL_ILLTRP";
        case 5: return "ILL_PRVOPC";
        case 6: return "ILL_PRVREG";
        case 7: return "ILL_COPROC";
        case 8: return "ILL_BADSTK";
        default: return "";
      }
    case 8:  // SIGFPE
      switch (code) {
        case 1: return "FPE_INTDIV";
        case 2: return "FPE_INTOVF";
        case 3: return "FPE_FLTDIV";
        case 4: return "FPE_FLTOVF";
        case 5: return "FPE_FLTUND";
        case 6: return "FPE_FLTRES";
        case 7: return "FPE_FLTINV";
        case 8: return "FPE_FLTSUB";
        default: return "";
      }
    case 5:  // SIGTRAP
      switch (code) {
        case 1: return "TRAP_BRKPT";
        case 2: return "TRAP_TRACE";
        default: return "";
      }
    default:
      return "";
  }
}

}  // namespace pgi
