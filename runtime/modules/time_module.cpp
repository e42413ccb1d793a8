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
#include "modules/std_util.h"
#include "objects/containers.h"
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

// ---------------------------------------------------------------------------
// struct_time: localtime, gmtime, mktime, asctime, ctime
// ---------------------------------------------------------------------------

Type StructTimeType = structseq_type("time.struct_time");

Value struct_time_from_tm(const struct tm& tm) {
  Tuple* names = structseq_names({"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
                                  "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"});
  Value keep_names(names);
  Rooted keep(&keep_names);
  Value zone = tm.tm_zone ? str_from_cstr(tm.tm_zone) : None();
  Rooted keep_zone(&zone);
  return structseq_new(&StructTimeType, names, 9,
                       {Value::small(tm.tm_year + 1900), Value::small(tm.tm_mon + 1), Value::small(tm.tm_mday),
                        Value::small(tm.tm_hour), Value::small(tm.tm_min), Value::small(tm.tm_sec),
                        Value::small((tm.tm_wday + 6) % 7), Value::small(tm.tm_yday + 1),
                        Value::small(tm.tm_isdst), zone, int_from_i64(tm.tm_gmtoff)});
}

// A struct_time becomes its 9-tuple; anything else is left to tm_from_tuple.
Value as_time_tuple(Value v) {
  if (v.is_obj() && type_of(v) == &StructTimeType) return tuple_from_iterable(v);
  return v;
}

// The seconds argument of localtime/gmtime/ctime: None (now) or a number,
// floored to whole seconds (CPython's _PyTime_ObjectToTime_t).
bool seconds_arg(const Value* args, size_t nargs, time_t* out) {
  if (nargs == 0 || is_none(args[0])) {
    *out = time(nullptr);
    return true;
  }
  if (is_float(args[0])) {
    double d = float_value(args[0]);
    if (std::isnan(d)) {
      raise(&ValueErrorType, "Invalid value NaN (not a number)");
      return false;
    }
    d = std::floor(d);
    if (!(d >= -9.2e18 && d <= 9.2e18)) {
      raise(&OverflowErrorType, "timestamp out of range for platform time_t");
      return false;
    }
    *out = time_t(d);
    return true;
  }
  int64_t i;
  if (!is_int(args[0])) {
    raise(&TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
    return false;
  }
  if (!int_to_i64(args[0], &i)) {
    raise(&OverflowErrorType, "timestamp out of range for platform time_t");
    return false;
  }
  *out = time_t(i);
  return true;
}

template <bool kLocal>
Value time_broken_down(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(kLocal ? "localtime" : "gmtime", nargs, kwnames, 0, 1)) return Value();
  time_t t;
  if (!seconds_arg(args, nargs, &t)) return Value();
  struct tm tm;
  if (!(kLocal ? localtime_r(&t, &tm) : gmtime_r(&t, &tm)))
    return raise(&OverflowErrorType, "timestamp out of range for platform time_t");
  return struct_time_from_tm(tm);
}

Value time_mktime(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("mktime", nargs, kwnames, 1, 1)) return Value();
  Value t = as_time_tuple(args[0]);
  struct tm tm;
  if (t.is_null() || !tm_from_tuple(t, &tm)) return Value();
  tm.tm_wday = -1;
  time_t r = mktime(&tm);
  if (r == time_t(-1) && tm.tm_wday == -1) return raise(&OverflowErrorType, "mktime argument out of range");
  return float_new(double(r));
}

std::string asctime_text(const struct tm& tm) {
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", days[(tm.tm_wday % 7 + 7) % 7],
           months[(tm.tm_mon % 12 + 12) % 12], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 1900 + tm.tm_year);
  return buf;
}

Value time_asctime(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("asctime", nargs, kwnames, 0, 1)) return Value();
  struct tm tm;
  if (nargs == 0) {
    time_t now = time(nullptr);
    localtime_r(&now, &tm);
  } else {
    Value t = as_time_tuple(args[0]);
    if (t.is_null() || !tm_from_tuple(t, &tm)) return Value();
  }
  return Value(str_new(asctime_text(tm)));
}

Value time_ctime(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("ctime", nargs, kwnames, 0, 1)) return Value();
  time_t t;
  if (!seconds_arg(args, nargs, &t)) return Value();
  struct tm tm;
  if (!localtime_r(&t, &tm)) return raise(&OverflowErrorType, "timestamp out of range for platform time_t");
  return Value(str_new(asctime_text(tm)));
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
    Value t = as_time_tuple(args[1]);
    if (t.is_null() || !tm_from_tuple(t, &tm)) return Value();
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
  module_add_function(m, "localtime", time_broken_down<true>);
  module_add_function(m, "gmtime", time_broken_down<false>);
  module_add_function(m, "mktime", time_mktime);
  module_add_function(m, "asctime", time_asctime);
  module_add_function(m, "ctime", time_ctime);
  static bool ready = false;
  if (!ready) {
    type_ready(&StructTimeType);
    ready = true;
  }
  module_add(m, "struct_time", Value(&StructTimeType));
  tzset();
  module_add(m, "timezone", int_from_i64(timezone));
  module_add(m, "altzone", int_from_i64(timezone - 3600));
  module_add(m, "daylight", Value::small(daylight));
  Value names(tuple_from({str_from_cstr(tzname[0]), str_from_cstr(tzname[1])}));
  module_add(m, "tzname", names);
  return m;
}

}  // namespace

void time_module_register() { register_builtin_module("time", time_module_init); }

}  // namespace pg
