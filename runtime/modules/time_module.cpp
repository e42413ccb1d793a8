// The `time` module: the clocks, sleep() and strftime().
//
// Clocks follow CPython on Linux: time() is CLOCK_REALTIME, perf_counter()
// and monotonic() are CLOCK_MONOTONIC, process_time() is
// CLOCK_PROCESS_CPUTIME_ID; the *_ns variants return int nanoseconds.
#include <time.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <string>

#include "modules/modules.h"
#include "objects/layouts.h"
#include "vm/gil.h"

namespace pg {

namespace {

constexpr int64_t kNsPerSecond = 1000000000;

int64_t clock_ns(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return int64_t(ts.tv_sec) * kNsPerSecond + ts.tv_nsec;
}

// Nanoseconds as float seconds the way CPython converts them
// (_PyTime_AsSecondsDouble): exact for whole seconds, else one division.
Value seconds_from_ns(int64_t ns) {
  if (ns % kNsPerSecond == 0) return float_new(double(ns / kNsPerSecond));
  return float_new(double(ns) / 1e9);
}

// The clock functions are one template each; the name is only for messages
// ("time.perf_counter() takes no arguments (1 given)").
template <clockid_t kClock, const char* kName>
Value clock_seconds(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(kName, nargs, kwnames, 0, 0)) return Value();
  return seconds_from_ns(clock_ns(kClock));
}

template <clockid_t kClock, const char* kName>
Value clock_nanoseconds(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(kName, nargs, kwnames, 0, 0)) return Value();
  return int_from_i64(clock_ns(kClock));
}

constexpr char kTime[] = "time.time", kTimeNs[] = "time.time_ns",
               kPerfCounter[] = "time.perf_counter", kPerfCounterNs[] = "time.perf_counter_ns",
               kMonotonic[] = "time.monotonic", kMonotonicNs[] = "time.monotonic_ns",
               kProcessTime[] = "time.process_time", kProcessTimeNs[] = "time.process_time_ns";

// ---------------------------------------------------------------------------
// sleep
// ---------------------------------------------------------------------------

// The thread sleeps without the GIL (state "sleeping" for the tools). A
// signal interrupting the sleep does not end it early (no Python-level
// signal handlers yet).
void sleep_for_ns(int64_t ns) {
  GilReleased released(kThreadSleeping);
  timespec remaining{time_t(ns / kNsPerSecond), long(ns % kNsPerSecond)};
  while (nanosleep(&remaining, &remaining) != 0 && errno == EINTR) {
  }
}

// A sleep length in nanoseconds, converted and checked like CPython's
// _PyTime_FromSecondsObject with _PyTime_ROUND_TIMEOUT (away from zero).
bool timeout_ns(Value secs, int64_t* out) {
  if (is_float(secs)) {
    double d = float_value(secs);
    if (std::isnan(d)) {
      raise(&ValueErrorType, "Invalid value NaN (not a number)");
      return false;
    }
    double ns = d * 1e9;
    ns = ns >= 0 ? std::ceil(ns) : std::floor(ns);
    if (!(ns >= -9223372036854775808.0 && ns < 9223372036854775808.0)) {
      raise(&OverflowErrorType, "timestamp out of range for platform time_t");
      return false;
    }
    *out = int64_t(ns);
    return true;
  }
  int64_t seconds;
  if (is_int(secs)) {
    if (!int_to_i64(secs, &seconds)) seconds = INT64_MAX;  // reported as too large below
  } else if (!int_as_index(secs, &seconds)) {
    return false;
  }
  if (__builtin_mul_overflow(seconds, kNsPerSecond, out)) {
    raise(&OverflowErrorType, "timestamp too large to convert to C _PyTime_t");
    return false;
  }
  return true;
}

Value time_sleep(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("time.sleep", nargs, kwnames, 1, 1)) return Value();
  int64_t ns;
  if (!timeout_ns(args[0], &ns)) return Value();
  if (ns < 0) return raise(&ValueErrorType, "sleep length must be non-negative");
  sleep_for_ns(ns);
  return None();
}

// ---------------------------------------------------------------------------
// strftime(format[, tuple])
// ---------------------------------------------------------------------------

bool tuple_item_as_int(Value v, int* out) {
  int64_t i;
  if (!int_as_index(v, &i)) return false;
  if (i > INT_MAX || i < INT_MIN) {
    raise(&OverflowErrorType, i > INT_MAX ? "signed integer is greater than maximum"
                                          : "signed integer is less than minimum");
    return false;
  }
  *out = int(i);
  return true;
}

// A Python time tuple (year, month, day, hour, minute, second, weekday with
// Monday 0, day of year from 1, isdst) to a struct tm, with CPython's
// gettmarg() and checktm() checks and messages.
bool tm_from_tuple(Value v, struct tm* tm) {
  if (!v.is_obj() || v.obj()->type != &TupleType) {
    raise(&TypeErrorType, "Tuple or struct_time argument required");
    return false;
  }
  Tuple* t = v.as<Tuple>();
  if (t->size != 9) {
    raise(&TypeErrorType, "strftime(): illegal time tuple argument");
    return false;
  }
  int f[9];
  for (int i = 0; i < 9; ++i)
    if (!tuple_item_as_int(t->items[i], &f[i])) return false;
  if (f[0] < INT_MIN + 1900) {
    raise(&OverflowErrorType, "year out of range");
    return false;
  }
  *tm = {};
  tm->tm_year = f[0] - 1900;
  tm->tm_mon = f[1] - 1;
  tm->tm_mday = f[2];
  tm->tm_hour = f[3];
  tm->tm_min = f[4];
  tm->tm_sec = f[5];
  tm->tm_wday = (f[6] + 1) % 7;  // C counts from Sunday
  tm->tm_yday = f[7] - 1;
  tm->tm_isdst = f[8] < -1 ? -1 : f[8] > 1 ? 1 : f[8];

  const char* problem = nullptr;
  if (tm->tm_mon == -1)
    tm->tm_mon = 0;
  else if (tm->tm_mon < 0 || tm->tm_mon > 11)
    problem = "month out of range";
  if (problem == nullptr) {
    if (tm->tm_mday == 0)
      tm->tm_mday = 1;
    else if (tm->tm_mday < 0 || tm->tm_mday > 31)
      problem = "day of month out of range";
  }
  if (problem == nullptr && (tm->tm_hour < 0 || tm->tm_hour > 23)) problem = "hour out of range";
  if (problem == nullptr && (tm->tm_min < 0 || tm->tm_min > 59)) problem = "minute out of range";
  if (problem == nullptr && (tm->tm_sec < 0 || tm->tm_sec > 61)) problem = "seconds out of range";
  if (problem == nullptr && tm->tm_wday < 0) problem = "day of week out of range";
  if (problem == nullptr) {
    if (tm->tm_yday == -1)
      tm->tm_yday = 0;
    else if (tm->tm_yday < 0 || tm->tm_yday > 365)
      problem = "day of year out of range";
  }
  if (problem != nullptr) {
    raise(&ValueErrorType, "%s", problem);
    return false;
  }
  return true;
}

Value time_strftime(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames != nullptr && tuple_size(kwnames) > 0)
    return raise(&TypeErrorType, "strftime() takes no keyword arguments");
  if (nargs < 1) return raise(&TypeErrorType, "strftime() takes at least 1 argument (0 given)");
  if (nargs > 2)
    return raise(&TypeErrorType, "strftime() takes at most 2 arguments (%zu given)", nargs);
  if (!is_str(args[0]))
    return raise(&TypeErrorType, "strftime() argument 1 must be str, not %.200s",
                 type_name(args[0]));
  Str* format = args[0].as<Str>();
  if (std::string_view(format->data, size_t(format->nbytes)).find('\0') != std::string_view::npos)
    return raise(&ValueErrorType, "embedded null character");
  struct tm tm;
  if (nargs == 2) {
    if (!tm_from_tuple(args[1], &tm)) return Value();
  } else {
    time_t now = time(nullptr);
    localtime_r(&now, &tm);
  }
  // strftime() returns 0 both for an empty result and for a too small
  // buffer; like CPython, grow up to 256 bytes per format byte, then give up.
  size_t limit = 256 * size_t(format->nbytes);
  for (size_t size = 1024;; size *= 2) {
    std::string out(size, '\0');
    size_t n = strftime(out.data(), size, format->data, &tm);
    if (n > 0 || size >= limit) {
      out.resize(n);
      return Value(str_from_os_bytes(out));
    }
  }
}

Value time_module_init() {
  Value m = module_new("time");
  Rooted keep(&m);
  module_add_function(m, "time", clock_seconds<CLOCK_REALTIME, kTime>);
  module_add_function(m, "time_ns", clock_nanoseconds<CLOCK_REALTIME, kTimeNs>);
  module_add_function(m, "perf_counter", clock_seconds<CLOCK_MONOTONIC, kPerfCounter>);
  module_add_function(m, "perf_counter_ns", clock_nanoseconds<CLOCK_MONOTONIC, kPerfCounterNs>);
  module_add_function(m, "monotonic", clock_seconds<CLOCK_MONOTONIC, kMonotonic>);
  module_add_function(m, "monotonic_ns", clock_nanoseconds<CLOCK_MONOTONIC, kMonotonicNs>);
  module_add_function(m, "process_time", clock_seconds<CLOCK_PROCESS_CPUTIME_ID, kProcessTime>);
  module_add_function(m, "process_time_ns",
                      clock_nanoseconds<CLOCK_PROCESS_CPUTIME_ID, kProcessTimeNs>);
  module_add_function(m, "sleep", time_sleep);
  module_add_function(m, "strftime", time_strftime);
  return m;
}

}  // namespace

void time_module_register() { register_builtin_module("time", time_module_init); }

}  // namespace pg
