// The `sys` module: argv, path, modules, exit, recursion limit, _getframe
// and interpreter facts.
#include "modules/sys_module.h"

#include <cfloat>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include "modules/modules.h"
#include "modules/std_util.h"
#include "objects/containers.h"
#include "objects/gc.h"
#include "vm/import.h"
#include "objects/layouts.h"
#include "objects/type.h"
#include "vm/frame.h"
#include "vm/gil.h"
#include "vm/thread_state.h"

namespace pg {

namespace {

Value sys_exit(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("exit", nargs, kwnames, 0, 1)) return Value();
  Value code = nargs ? args[0] : None();
  Value exc = call1(Value(&SystemExitType), code);
  if (exc.is_null()) return exc;
  return raise_exception(exc);
}

Value sys_getrecursionlimit(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("getrecursionlimit", nargs, kwnames, 0, 0)) return Value();
  return Value::small(g_runtime.recursion_limit);
}

Value sys_setrecursionlimit(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("setrecursionlimit", nargs, kwnames, 1, 1)) return Value();
  if (!is_int(args[0]) || isinstance(args[0], &BoolType)) {
    if (is_float(args[0])) return raise(&TypeErrorType, "'float' object cannot be interpreted as an integer");
  }
  int64_t limit;
  if (!int_as_index(args[0], &limit)) return Value();
  if (limit < 1) return raise(&ValueErrorType, "recursion limit must be greater or equal than 1");
  if (limit > INT_MAX) return raise(&OverflowErrorType, "Python int too large to convert to C int");
  ThreadState* ts = current_thread();
  if (limit <= ts->recursion_depth)
    return raise(&RecursionErrorType,
                 "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                 (long long)limit, ts->recursion_depth);
  g_runtime.recursion_limit = int32_t(limit);
  for (ThreadState* t = g_runtime.threads; t; t = t->next) t->recursion_limit = int32_t(limit);
  return None();
}

Value sys_getframe(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("_getframe", nargs, kwnames, 0, 1)) return Value();
  int64_t depth = 0;
  if (nargs && !int_as_index(args[0], &depth)) return Value();
  Frame* f = current_thread()->current_frame;
  // Skip shims; a native function like this one has no frame of its own.
  while (f && f->owner == kOwnedByCStack) f = f->previous;
  while (depth > 0 && f) {
    f = f->previous;
    while (f && f->owner == kOwnedByCStack) f = f->previous;
    --depth;
  }
  if (!f) return raise(&ValueErrorType, "call stack is not deep enough");
  return Value(frame_get_object(f));
}

Value sys_intern(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("intern", nargs, kwnames, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise(&TypeErrorType, "intern() argument must be str, not %s", type_name(args[0]));
  return Value(str_intern(str_view(args[0].as<Str>())));
}

// ---------------------------------------------------------------------------
// sys.stdin / sys.stdout / sys.stderr: text streams over C stdio, so they
// interleave correctly with print() (which writes to C stdout directly).
//   stream : the FILE*; always valid.
//   name   : "<stdout>", ...
// ---------------------------------------------------------------------------
struct StdStream : Object {
  FILE* stream;
  const char* name;
  int fd;
};

Type StdStreamType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "_io.TextIOWrapper";
  t.base = &ObjectType;
  t.instance_size = sizeof(StdStream);
  return t;
}();

StdStream* stream_of(Value self) { return self.as<StdStream>(); }

Value stream_write(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("write", nargs, kwnames, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise(&TypeErrorType, "write() argument must be str, not %s", type_name(args[0]));
  StdStream* s = stream_of(self);
  if (s->fd == 0) return raise(&OSErrorType, "not writable");
  Str* text = args[0].as<Str>();
  fwrite(text->data, 1, size_t(text->nbytes), s->stream);
  if (s->fd == 2) fflush(s->stream);
  return int_from_i64(str_length(text));
}

Value stream_flush(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("flush", nargs, kwnames, 0, 0)) return Value();
  fflush(stream_of(self)->stream);
  return None();
}

// readline([size]) / read(): text up to and including the newline / to EOF.
Value stream_read_impl(Value self, bool one_line) {
  StdStream* s = stream_of(self);
  if (s->fd != 0) return raise(&OSErrorType, "not readable");
  fflush(stdout);
  std::string out;
  int c;
  while ((c = fgetc(s->stream)) != EOF) {
    out.push_back(char(c));
    if (one_line && c == '\n') break;
  }
  return Value(str_from_os_bytes(out));
}

Value stream_readline(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("readline", nargs, kwnames, 0, 1)) return Value();
  return stream_read_impl(self, true);
}

Value stream_read(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("read", nargs, kwnames, 0, 1)) return Value();
  return stream_read_impl(self, false);
}

Value stream_readlines(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("readlines", nargs, kwnames, 0, 1)) return Value();
  Value result(list_new(0));
  Rooted keep(&result);
  while (true) {
    Value line = stream_read_impl(self, true);
    if (line.is_null()) return line;
    if (str_length(line.as<Str>()) == 0) return result;
    list_append(result.as<List>(), line);
  }
}

Value stream_iternext(Value self) {
  Value line = stream_read_impl(self, true);
  if (line.is_null() || str_length(line.as<Str>()) == 0) return Value();
  return line;
}

Value stream_iter(Value self) { return self; }

Value stream_fileno(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("fileno", nargs, kwnames, 0, 0)) return Value();
  return Value::small(stream_of(self)->fd);
}

Value stream_isatty(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("isatty", nargs, kwnames, 0, 0)) return Value();
  return Bool(isatty(stream_of(self)->fd));
}

Value stream_true(Value, const Value*, size_t, Tuple*) { return True(); }

// reconfigure(encoding=..., errors=..., newline=..., line_buffering=...,
// write_through=...): accepted for the common `sys.stdout.reconfigure(
// encoding='utf-8')`; the standard streams are always UTF-8 and unbuffered
// enough (stderr flushes every write), so nothing changes.
Value stream_reconfigure(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (nargs != 0)
    return raise(&TypeErrorType, "reconfigure() takes no positional arguments");
  for (int64_t i = 0; kwnames && i < tuple_size(kwnames); ++i) {
    std::string_view k = str_view(tuple_items(kwnames)[i].as<Str>());
    if (k != "encoding" && k != "errors" && k != "newline" && k != "line_buffering" && k != "write_through")
      return raise(&TypeErrorType, "'%.*s' is an invalid keyword argument for reconfigure()", int(k.size()),
                   k.data());
  }
  return None();
}

// sys.stdin.buffer, ...: io._StdBinary(stream), made on first use and kept
// (a GC root) so the attribute is the same object each time.
Value g_std_buffers[3];

Value stream_buffer(Value self) {
  int fd = stream_of(self)->fd;
  if (fd < 0 || fd > 2) return raise(&AttributeErrorType, "buffer");
  if (!g_std_buffers[fd].is_null()) return g_std_buffers[fd];
  Value io = import_module("io");
  if (io.is_null()) return io;
  Rooted keep(&io);
  Value cls = obj_getattr_cstr(io, "_StdBinary");
  if (cls.is_null()) return cls;
  Rooted keep_cls(&cls);
  Value b = call1(cls, self);
  if (!b.is_null()) g_std_buffers[fd] = b;
  return b;
}

Value stream_getattr(Value self, Str* name) {
  std::string_view n = str_view(name);
  if (n == "buffer") return stream_buffer(self);
  if (n == "name") return str_from_cstr(stream_of(self)->name);
  if (n == "encoding") return str_from_cstr("utf-8");
  if (n == "errors") return str_from_cstr(stream_of(self)->fd == 2 ? "backslashreplace" : "strict");
  if (n == "mode") return str_from_cstr(stream_of(self)->fd == 0 ? "r" : "w");
  if (n == "closed") return False();
  return generic_getattr(self, name);
}

Value stream_repr(Value self) {
  std::string text = std::string("<_io.TextIOWrapper name='") + stream_of(self)->name + "' mode='" +
                     (stream_of(self)->fd == 0 ? "r" : "w") + "' encoding='utf-8'>";
  return Value(str_new(text));
}

Value stream_new(FILE* f, const char* name, int fd) {
  StdStream* s = static_cast<StdStream*>(gc_alloc(&StdStreamType, sizeof(StdStream)));
  s->stream = f;
  s->name = name;
  s->fd = fd;
  return Value(s);
}

void stream_type_ready() {
  static bool ready = false;
  if (ready) return;
  ready = true;
  StdStreamType.getattr = stream_getattr;
  StdStreamType.repr = stream_repr;
  StdStreamType.iter = stream_iter;
  StdStreamType.iternext = stream_iternext;
  type_add_method(&StdStreamType, "write", stream_write);
  type_add_method(&StdStreamType, "flush", stream_flush);
  type_add_method(&StdStreamType, "readline", stream_readline);
  type_add_method(&StdStreamType, "read", stream_read);
  type_add_method(&StdStreamType, "readlines", stream_readlines);
  type_add_method(&StdStreamType, "fileno", stream_fileno);
  type_add_method(&StdStreamType, "isatty", stream_isatty);
  type_add_method(&StdStreamType, "writable", stream_true);
  type_add_method(&StdStreamType, "readable", stream_true);
  type_add_method(&StdStreamType, "reconfigure", stream_reconfigure);
  type_ready(&StdStreamType);
}

// ---------------------------------------------------------------------------
// exc_info, exception, getsizeof, getdefaultencoding, float_info, int_info
// ---------------------------------------------------------------------------

Value sys_exc_info(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("exc_info", nargs, kwnames, 0, 0)) return Value();
  Value exc = current_thread()->handled_exception;
  if (exc.is_null() || is_none(exc)) return Value(tuple_from({None(), None(), None()}));
  Value tb = obj_getattr_cstr(exc, "__traceback__");
  if (tb.is_null()) {
    error_clear();
    tb = None();
  }
  return Value(tuple_from({Value(type_of(exc)), exc, tb}));
}

Value sys_exception(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("exception", nargs, kwnames, 0, 0)) return Value();
  Value exc = current_thread()->handled_exception;
  return exc.is_null() ? None() : exc;
}

Value sys_getdefaultencoding(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("getdefaultencoding", nargs, kwnames, 0, 0)) return Value();
  return str_from_cstr("utf-8");
}

// CPython 3.11's sizes on 64-bit Linux for the common built-in types (the
// numbers programs print); other objects report their pyglass block size.
Value sys_getsizeof(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs == 2 && !kwnames) { /* default is only used when __sizeof__ fails */ }
  if (nargs < 1 || nargs > 2) return raise(&TypeErrorType, "getsizeof() takes at most 2 arguments (%zu given)", nargs);
  Value v = args[0];
  Type* t = type_of(v);
  int64_t size;
  if (t == &BoolType) {
    size = v == True() ? 28 : 24;
  } else if (is_int(v)) {
    std::string digits = int_to_string(v, 2);
    size_t bits = digits[0] == '-' ? digits.size() - 1 : digits.size();
    size = int_sign(v) == 0 ? 28 : 24 + 4 * int64_t((bits + 29) / 30);
  } else if (t == &FloatType) {
    size = 24;
  } else if (is_str(v)) {
    Str* s = v.as<Str>();
    if (s->ascii) {
      size = 49 + s->length;
    } else {
      uint32_t max = 0;
      for (int64_t i = 0; i < s->length; ++i) max = std::max(max, str_codepoint_at(s, i));
      int width = max < 256 ? 1 : max < 65536 ? 2 : 4;
      size = (width == 1 ? 73 : width == 2 ? 74 : 76) + width * s->length;
    }
  } else if (isinstance(v, &TupleType)) {
    size = 40 + 8 * tuple_size(v.as<Tuple>());
  } else if (isinstance(v, &ListType)) {
    size = 56 + 8 * v.as<List>()->capacity;
  } else if (isinstance(v, &DictType)) {
    int64_t n = dict_size(v.as<Dict>());
    size = n == 0 ? 64 : n <= 5 ? 184 : n <= 10 ? 272 : n <= 21 ? 464 : 64 + 42 * n;
  } else if (is_none(v)) {
    size = 16;
  } else {
    size = v.is_obj() && t->instance_size ? t->instance_size : 48;
  }
  return int_from_i64(size);
}

Type FloatInfoType = structseq_type("sys.float_info");
Type IntInfoType = structseq_type("sys.int_info");

Value float_info() {
  Tuple* names = structseq_names({"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
                                  "mant_dig", "epsilon", "radix", "rounds"});
  return structseq_new(&FloatInfoType, names, 11,
                       {float_new(DBL_MAX), Value::small(DBL_MAX_EXP), Value::small(DBL_MAX_10_EXP),
                        float_new(DBL_MIN), Value::small(DBL_MIN_EXP), Value::small(DBL_MIN_10_EXP),
                        Value::small(DBL_DIG), Value::small(DBL_MANT_DIG), float_new(DBL_EPSILON),
                        Value::small(FLT_RADIX), Value::small(1)});
}

Value int_info() {
  Tuple* names = structseq_names({"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                  "str_digits_check_threshold"});
  return structseq_new(&IntInfoType, names, 4,
                       {Value::small(30), Value::small(4), Value::small(4300), Value::small(640)});
}

std::string script_directory() {
  Value argv = g_runtime.sys_argv;
  if (argv.is_null() || list_size(argv.as<List>()) == 0) return "";
  std::string script(str_view(list_items(argv.as<List>())[0].as<Str>()));
  if (script.empty() || script == "-c") return "";
  char resolved[PATH_MAX];
  if (!realpath(script.c_str(), resolved)) return "";
  std::string path(resolved);
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash == 0 ? 1 : slash);
}

bool is_directory(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// The bundled library (runtime/lib): installed next to the binary
// (<prefix>/<bindir>/pyglass -> <prefix>/<datadir>/pyglass/lib), else the
// source tree's copy, whose absolute path was compiled in.
std::string bundled_lib_directory(const std::string& executable) {
  size_t slash = executable.rfind('/');
  if (slash != std::string::npos) {
    std::string prefix = executable.substr(0, slash);
    std::string bindir = PYGLASS_INSTALL_BINDIR;
    bool ok = true;
    for (size_t start = 0; ok && start < bindir.size();) {
      size_t end = bindir.find('/', start);
      if (end == std::string::npos) end = bindir.size();
      if (end > start) {
        size_t up = prefix.rfind('/');
        if (up == std::string::npos) ok = false;
        else prefix.resize(up);
      }
      start = end + 1;
    }
    std::string installed = prefix + "/" + PYGLASS_INSTALLED_LIB_DIR;
    if (ok && is_directory(installed)) return installed;
  }
  return PYGLASS_SOURCE_LIB_DIR;
}

// The sys module's dict once sys is initialised (a GC root), so print()
// can find the current sys.stdout with one lookup.
Dict* g_sys_dict = nullptr;

void sys_trace_roots(Visitor& v) {
  if (g_sys_dict != nullptr) v.visit_object(g_sys_dict);
  for (Value b : g_std_buffers) v.visit(b);
}

Value sys_init() {
  Value m = module_new("sys");
  g_sys_dict = module_dict(m);
  module_add(m, "argv", g_runtime.sys_argv);
  module_add(m, "modules", Value(g_runtime.modules));
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  exe[n > 0 ? n : 0] = '\0';
  // sys.path: the script's directory, then PYGLASSPATH's entries (like
  // PYTHONPATH), then the bundled library.
  List* path = list_new(0);
  module_add(m, "path", Value(path));
  list_append(path, Value(str_new(script_directory())));
  if (const char* extra = getenv("PYGLASSPATH")) {
    std::string entries(extra);
    for (size_t start = 0; start <= entries.size();) {
      size_t end = entries.find(':', start);
      if (end == std::string::npos) end = entries.size();
      if (end > start) list_append(path, Value(str_from_os_bytes(entries.substr(start, end - start))));
      start = end + 1;
    }
  }
  list_append(path, Value(str_new(bundled_lib_directory(exe))));
  module_add(m, "maxsize", int_from_i64(INT64_MAX));
  module_add(m, "platform", str_from_cstr("linux"));
  module_add(m, "byteorder", str_from_cstr("little"));
  module_add(m, "version", str_from_cstr("3.11.7 (pyglass 0.1)"));
  module_add(m, "version_info",
             Value(tuple_from({Value::small(3), Value::small(11), Value::small(7),
                               str_from_cstr("final"), Value::small(0)})));
  module_add(m, "executable", str_from_cstr(exe));
  module_add_function(m, "exit", sys_exit);
  sys_trace_add_functions(m);  // tracing (issue 9)
  module_add_function(m, "getrecursionlimit", sys_getrecursionlimit);
  module_add_function(m, "setrecursionlimit", sys_setrecursionlimit);
  module_add_function(m, "_getframe", sys_getframe);
  module_add_function(m, "intern", sys_intern);
  module_add_function(m, "setswitchinterval", sys_setswitchinterval);  // threads (issue 8)
  module_add_function(m, "getswitchinterval", sys_getswitchinterval);
  stream_type_ready();
  type_ready(&FloatInfoType);
  type_ready(&IntInfoType);
  Value in = stream_new(stdin, "<stdin>", 0), out = stream_new(stdout, "<stdout>", 1),
        err = stream_new(stderr, "<stderr>", 2);
  module_add(m, "stdin", in);
  module_add(m, "stdout", out);
  module_add(m, "stderr", err);
  module_add(m, "__stdin__", in);
  module_add(m, "__stdout__", out);
  module_add(m, "__stderr__", err);
  module_add_function(m, "exc_info", sys_exc_info);
  module_add_function(m, "exception", sys_exception);
  module_add_function(m, "getdefaultencoding", sys_getdefaultencoding);
  module_add_function(m, "getsizeof", sys_getsizeof);
  module_add(m, "float_info", float_info());
  module_add(m, "int_info", int_info());
  module_add(m, "maxunicode", Value::small(0x10FFFF));
  module_add(m, "hexversion", Value::small(0x030B07F0));
  module_add(m, "api_version", Value::small(1013));
  return m;
}

}  // namespace

void sys_module_register() {
  register_builtin_module("sys", sys_init);
  gc_add_root_tracer(sys_trace_roots);
}

FILE* sys_stdin_target(Value* file) {
  *file = Value();
  if (g_sys_dict == nullptr) return stdin;
  static Str* key = str_intern("stdin");
  Value in = dict_get_str(g_sys_dict, key);
  if (in.is_obj() && in.obj()->type == &StdStreamType && in.as<StdStream>()->fd == 0)
    return in.as<StdStream>()->stream;
  *file = in;
  return nullptr;
}

FILE* sys_stdout_target(Value* file) {
  *file = Value();
  if (g_sys_dict == nullptr) return stdout;
  // Cached while the sys dict is unchanged (its version moves on every
  // mutation, `sys.stdout = x` included): print() then costs no lookup.
  static uint64_t cached_version = 0;
  static FILE* cached_stream = nullptr;
  if (cached_stream != nullptr && g_sys_dict->version == cached_version) return cached_stream;
  static Str* key = str_intern("stdout");
  Value out = dict_get_str(g_sys_dict, key);
  if (out.is_obj() && out.obj()->type == &StdStreamType && out.as<StdStream>()->fd != 0) {
    cached_version = g_sys_dict->version;
    cached_stream = out.as<StdStream>()->stream;
    return cached_stream;
  }
  cached_stream = nullptr;
  *file = out;  // null when sys.stdout was deleted
  return nullptr;
}

}  // namespace pg
