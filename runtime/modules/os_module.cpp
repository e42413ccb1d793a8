// The `os` module: the process (getpid, abort), the environment and the
// working directory, and the path constants of a POSIX system.
//
// Also the one place bytes from the operating system become str
// (str_from_os_bytes), since environment values, paths and stdin lines are
// not guaranteed to be UTF-8.
#include <dirent.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>

#include "modules/modules.h"
#include "modules/std_util.h"
#include "objects/bytes.h"
#include "objects/exceptions.h"
#include "objects/layouts.h"
#include "vm/import.h"
#include "vm/thread_state.h"

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

// ---------------------------------------------------------------------------
// Files and directories. Errors are OSError subclasses picked by errno with
// the path in the message ("[Errno 2] No such file or directory: 'x'").
// ---------------------------------------------------------------------------

Value raise_path_error(int err, Value path, Value path2 = Value()) {
  Value argv[5] = {Value::small(err), str_from_cstr(strerror(err)), path, Value::small(0), path2};
  Value exc = exception_new(&OSErrorType, argv, path2.is_null() ? 3 : 5);
  if (exc.is_null()) return Value();
  return raise_exception(exc);
}

// A path argument: a str (bytes paths are not supported yet).
bool path_arg(const char* fname, const char* argname, Value v, std::string* out) {
  if (!is_str(v)) {
    raise(&TypeErrorType, "%s: %s should be string, bytes or os.PathLike, not %s", fname, argname,
          type_name(v));
    return false;
  }
  *out = std::string(str_view(v.as<Str>()));
  if (out->find('\0') != std::string::npos) {
    raise(&ValueErrorType, "%s: embedded null character in %s", fname, argname);
    return false;
  }
  return true;
}

Value os_listdir(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  if (!bind_args("listdir", args, nargs, kwnames, {"path"}, 0, a)) return Value();
  Value pv = a[0].is_null() || is_none(a[0]) ? str_from_cstr(".") : a[0];
  std::string path;
  if (!path_arg("listdir", "path", pv, &path)) return Value();
  DIR* dir = opendir(path.c_str());
  if (!dir) return raise_path_error(errno, pv);
  Value result(list_new(0));
  Rooted keep(&result);
  while (dirent* e = readdir(dir)) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    list_append(result.as<List>(), Value(str_from_os_bytes(e->d_name)));
  }
  closedir(dir);
  return result;
}

template <int kWhich>  // 0 remove/unlink, 1 rmdir
Value os_path_op(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* name = kWhich == 0 ? "remove" : "rmdir";
  Value a[1];
  if (!bind_args(name, args, nargs, kwnames, {"path"}, 1, a)) return Value();
  std::string path;
  if (!path_arg(name, "path", a[0], &path)) return Value();
  int r = kWhich == 0 ? unlink(path.c_str()) : rmdir(path.c_str());
  if (r != 0) return raise_path_error(errno, a[0]);
  return None();
}

Value os_mkdir(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!bind_args("mkdir", args, nargs, kwnames, {"path", "mode"}, 1, a)) return Value();
  std::string path;
  if (!path_arg("mkdir", "path", a[0], &path)) return Value();
  int64_t mode = 0777;
  if (!a[1].is_null() && !int_as_index(a[1], &mode)) return Value();
  if (mkdir(path.c_str(), mode_t(mode)) != 0) return raise_path_error(errno, a[0]);
  return None();
}

Value os_rename(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!bind_args("rename", args, nargs, kwnames, {"src", "dst"}, 2, a)) return Value();
  std::string src, dst;
  if (!path_arg("rename", "src", a[0], &src) || !path_arg("rename", "dst", a[1], &dst)) return Value();
  if (rename(src.c_str(), dst.c_str()) != 0) return raise_path_error(errno, a[0], a[1]);
  return None();
}

// urandom(size): bytes from the kernel's generator (getrandom, falling back
// to /dev/urandom).
Value os_urandom(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  if (!bind_args("urandom", args, nargs, kwnames, {"size"}, 1, a)) return Value();
  int64_t size;
  if (!int_as_index(a[0], &size)) return Value();
  if (size < 0) return raise(&ValueErrorType, "negative argument not allowed");
  std::string out(size_t(size), '\0');
  size_t done = 0;
  while (done < out.size()) {
    ssize_t n = getrandom(out.data() + done, out.size() - done, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return raise_from_errno(errno);
    done += size_t(n);
  }
  return Value(bytes_new(out));
}

Type StatResultType = structseq_type("os.stat_result");

double timespec_seconds(const timespec& ts) { return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9; }

Value os_stat(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  if (!bind_args("stat", args, nargs, kwnames, {"path"}, 1, a)) return Value();
  std::string path;
  if (!path_arg("stat", "path", a[0], &path)) return Value();
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return raise_path_error(errno, a[0]);
  Tuple* names = structseq_names({"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
                                  "st_atime", "st_mtime", "st_ctime", "st_atime", "st_mtime", "st_ctime",
                                  "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks"});
  auto ns = [](const timespec& ts) { return int_from_i64(int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec); };
  return structseq_new(&StatResultType, names, 10,
                       {int_from_i64(st.st_mode), int_from_u64(st.st_ino), int_from_u64(st.st_dev),
                        int_from_i64(int64_t(st.st_nlink)), int_from_i64(st.st_uid), int_from_i64(st.st_gid),
                        int_from_i64(st.st_size), int_from_i64(st.st_atim.tv_sec),
                        int_from_i64(st.st_mtim.tv_sec), int_from_i64(st.st_ctim.tv_sec),
                        float_new(timespec_seconds(st.st_atim)), float_new(timespec_seconds(st.st_mtim)),
                        float_new(timespec_seconds(st.st_ctim)), ns(st.st_atim), ns(st.st_mtim), ns(st.st_ctim),
                        int_from_i64(st.st_blksize), int_from_i64(st.st_blocks)});
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
  module_add_function(m, "listdir", os_listdir);
  module_add_function(m, "remove", os_path_op<0>);
  module_add_function(m, "unlink", os_path_op<0>);
  module_add_function(m, "rmdir", os_path_op<1>);
  module_add_function(m, "mkdir", os_mkdir);
  module_add_function(m, "rename", os_rename);
  module_add_function(m, "replace", os_rename);
  module_add_function(m, "stat", os_stat);
  module_add_function(m, "urandom", os_urandom);
  static bool stat_ready = false;
  if (!stat_ready) {
    type_ready(&StatResultType);
    stat_ready = true;
  }
  module_add(m, "stat_result", Value(&StatResultType));
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
  // os.path is the bundled posixpath module (which imports os lazily, in
  // its functions, since os is not in sys.modules yet).
  Value path = import_module("posixpath");
  if (path.is_null()) return path;
  module_add(m, "path", path);
  dict_set_str(g_runtime.modules, str_intern("os.path"), path);
  Value helpers = import_module("_os_helpers");
  if (helpers.is_null()) return helpers;
  for (const char* name : {"makedirs", "removedirs", "walk"}) {
    Value fn = dict_get_str(module_dict(helpers), str_intern(name));
    if (!fn.is_null()) module_add(m, name, fn);
  }
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
