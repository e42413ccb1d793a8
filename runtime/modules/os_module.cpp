// The `os` module: the process (getpid, abort), the environment and the
// working directory, and the path constants of a POSIX system.
//
// Also the one place bytes from the operating system become str
// (str_from_os_bytes), since environment values, paths and stdin lines are
// not guaranteed to be UTF-8.
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>

#include "modules/modules.h"
#include "objects/exceptions.h"
#include "objects/layouts.h"

extern char** environ;

namespace pg {

namespace {

// Length of the valid UTF-8 sequence starting at p (end exclusive), or 0
// when the bytes there are not one (stray continuation, overlong form,
// surrogate, beyond U+10FFFF, truncated).
size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) {
  unsigned char b = p[0];
  if (b < 0x80) return 1;
  size_t n;
  uint32_t min;
  if (b >= 0xC2 && b <= 0xDF) {
    n = 2, min = 0x80;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 3, min = 0x800;
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 4, min = 0x10000;
  } else {
    return 0;
  }
  if (size_t(end - p) < n) return 0;
  uint32_t cp = b & (0x7F >> n);
  for (size_t i = 1; i < n; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

Value raise_from_errno(int err) {
  Value argv[2] = {Value::small(err), str_from_cstr(strerror(err))};
  Value exc = exception_new(&OSErrorType, argv, 2);  // picks FileNotFoundError etc.
  if (exc.is_null()) return Value();
  return raise_exception(exc);
}

Value os_getpid(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("posix.getpid", nargs, kwnames, 0, 0)) return Value();
  return int_from_i64(getpid());
}

Value os_getppid(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("posix.getppid", nargs, kwnames, 0, 0)) return Value();
  return int_from_i64(getppid());
}

// Dies with SIGABRT (and a core where enabled): the debugger tests use it to
// get a core of a process in the middle of Python code.
Value os_abort(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("posix.abort", nargs, kwnames, 0, 0)) return Value();
  abort();
}

Value os_getenv(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value bound[2];
  if (!bind_args("getenv", args, nargs, kwnames, {"key", "default"}, 1, bound)) return Value();
  Value key = bound[0];
  Value fallback = bound[1].is_null() ? None() : bound[1];
  if (!is_str(key)) return raise(&TypeErrorType, "str expected, not %.200s", type_name(key));
  Str* k = key.as<Str>();
  // A name with '=' or NUL can never be set, and getenv() would misread it.
  if (memchr(k->data, '\0', size_t(k->nbytes)) != nullptr || strchr(k->data, '=') != nullptr)
    return fallback;
  const char* value = getenv(k->data);
  return value == nullptr ? fallback : Value(str_from_os_bytes(value));
}

Value os_getcwd(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("posix.getcwd", nargs, kwnames, 0, 0)) return Value();
  std::string buf(PATH_MAX, '\0');
  while (getcwd(buf.data(), buf.size()) == nullptr) {
    if (errno != ERANGE) return raise_from_errno(errno);
    buf.resize(buf.size() * 2);
  }
  return Value(str_from_os_bytes(buf.c_str()));
}

Value os_cpu_count(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("posix.cpu_count", nargs, kwnames, 0, 0)) return Value();
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? None() : int_from_i64(n);
}

// os.environ is a dict snapshot of the environment at import (CPython's is a
// mapping that also calls putenv; pyglass has no putenv yet).
Value environ_snapshot() {
  Value d = Value(dict_new());
  Rooted keep(&d);
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const char* eq = strchr(*entry, '=');
    // Like CPython, skip entries without '=' and keep the first of duplicates.
    if (eq == nullptr || eq == *entry) continue;
    Value key = Value(str_from_os_bytes(std::string_view(*entry, size_t(eq - *entry))));
    Rooted keep_key(&key);
    Value existing = dict_get(d.as<Dict>(), key);
    if (!existing.is_null()) continue;
    if (dict_set(d.as<Dict>(), key, Value(str_from_os_bytes(eq + 1))) < 0) return Value();
  }
  return d;
}

Value os_module_init() {
  Value m = module_new("os");
  Rooted keep(&m);
  module_add_function(m, "getpid", os_getpid);
  module_add_function(m, "getppid", os_getppid);
  module_add_function(m, "abort", os_abort);
  module_add_function(m, "getenv", os_getenv);
  module_add_function(m, "getcwd", os_getcwd);
  module_add_function(m, "cpu_count", os_cpu_count);
  Value env = environ_snapshot();
  if (env.is_null()) return Value();
  module_add(m, "environ", env);
  module_add(m, "name", str_from_cstr("posix"));
  module_add(m, "sep", str_from_cstr("/"));
  module_add(m, "altsep", None());
  module_add(m, "extsep", str_from_cstr("."));
  module_add(m, "pathsep", str_from_cstr(":"));
  module_add(m, "linesep", str_from_cstr("\n"));
  module_add(m, "curdir", str_from_cstr("."));
  module_add(m, "pardir", str_from_cstr(".."));
  module_add(m, "devnull", str_from_cstr("/dev/null"));
  return m;
}

}  // namespace

Str* str_from_os_bytes(std::string_view bytes) {
  auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  auto* end = p + bytes.size();
  std::string text;
  const unsigned char* clean_start = p;
  while (p < end) {
    size_t n = utf8_sequence_length(p, end);
    if (n > 0) {
      p += n;
      continue;
    }
    if (text.empty()) text.reserve(bytes.size() + 8);
    text.append(reinterpret_cast<const char*>(clean_start), size_t(p - clean_start));
    text += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
    clean_start = ++p;
  }
  if (clean_start == reinterpret_cast<const unsigned char*>(bytes.data())) return str_new(bytes);
  text.append(reinterpret_cast<const char*>(clean_start), size_t(end - clean_start));
  return str_new(text);
}

void os_module_register() { register_builtin_module("os", os_module_init); }

}  // namespace pg
