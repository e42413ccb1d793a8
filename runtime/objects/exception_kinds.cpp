// The exception classes whose __init__ or __str__ differ from
// BaseException's: SystemExit, StopIteration, KeyError, ImportError,
// NameError, AttributeError, SyntaxError, OSError and the Unicode errors.
//
// CPython gives each its own C struct with members; here every exception
// shares ExceptionObject and the members live in the instance dict (absent
// = None, like a NULL member). So `__dict__` shows them, which CPython's
// does not; everything else reads and writes like CPython 3.11.
#include <cerrno>
#include <cstdio>
#include <string>
#include <utility>

#include "objects/containers.h"
#include "objects/exception_kinds.h"
#include "objects/exceptions.h"

namespace pg::exception_detail {

namespace {

// Kind-specific attributes are set at most a few times per exception, so
// plain interned lookups by text are fine here.
Value get(Value self, const char* name) { return instance_attr(self, str_intern(name)); }
bool put(Value self, const char* name, Value v) {
  return set_instance_attr(self, str_intern(name), v) == 0;
}
bool put_unless_none(Value self, const char* name, Value v) {
  return is_none(v) || put(self, name, v);
}

// "ValueError() takes no keyword arguments"; any number of positionals.
bool reject_keywords(Value self, Tuple* kwnames) {
  return check_nargs(type_name(self), 0, kwnames, 0, 0);
}

// Keyword-only arguments of ImportError, NameError and AttributeError:
// stores each given one as an attribute. `cls` names the class in the
// message, as CPython's argument parser does.
bool keyword_attrs(Value self, const Value* kwvalues, Tuple* kwnames, const char* cls,
                   std::initializer_list<const char*> allowed) {
  if (kwnames == nullptr) return true;
  for (int64_t i = 0; i < tuple_size(kwnames); ++i) {
    Str* key = tuple_items(kwnames)[i].as<Str>();
    bool known = false;
    for (const char* name : allowed) known = known || str_view(key) == name;
    if (!known) {
      raise(&TypeErrorType, "'%s' is an invalid keyword argument for %s()", str_cstr(key), cls);
      return false;
    }
    if (set_instance_attr(self, key, kwvalues[i]) < 0) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// __init__ parts (run after BaseException has set `args`).
// ---------------------------------------------------------------------------
bool base_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return reject_keywords(self, kwnames);
}

// code: None, the single argument, or the args tuple.
bool system_exit_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords(self, kwnames)) return false;
  if (nargs == 0) return true;
  return put(self, "code", nargs == 1 ? args[0] : Value(as_exception(self)->args));
}

bool stop_iteration_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords(self, kwnames)) return false;
  return nargs == 0 || put(self, "value", args[0]);
}

bool import_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!keyword_attrs(self, args + nargs, kwnames, "ImportError", {"name", "path"})) return false;
  return nargs != 1 || put(self, "msg", args[0]);
}

bool name_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return keyword_attrs(self, args + nargs, kwnames, "NameError", {"name"});
}

bool attribute_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return keyword_attrs(self, args + nargs, kwnames, "AttributeError", {"name", "obj"});
}

// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])).
bool syntax_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords(self, kwnames)) return false;
  if (nargs >= 1 && !put(self, "msg", args[0])) return false;
  if (nargs != 2) return true;
  Value info = tuple_from_iterable(args[1]);
  if (info.is_null()) return false;
  Rooted keep(&info);
  int64_t n = tuple_size(info.as<Tuple>());
  if (n < 4 || n > 6) {
    raise(&TypeErrorType, "function takes %s %d arguments (%lld given)",
          n < 4 ? "at least" : "at most", n < 4 ? 4 : 6, (long long)n);
    return false;
  }
  if (n == 5) {
    raise(&TypeErrorType, "end_offset must be provided when end_lineno is provided");
    return false;
  }
  static const char* const kFields[] = {"filename", "lineno", "offset", "text",
                                        "end_lineno", "end_offset"};
  for (int64_t i = 0; i < n; ++i) {
    if (!put(self, kFields[i], tuple_items(info.as<Tuple>())[i])) return false;
  }
  return true;
}

// OSError(errno, strerror[, filename[, winerror[, filename2]]]): with a
// filename the args tuple keeps only (errno, strerror), like CPython.
bool os_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords(self, kwnames)) return false;
  if (nargs < 2 || nargs > 5) return true;
  if (!put(self, "errno", args[0]) || !put(self, "strerror", args[1])) return false;
  if (nargs >= 3 && !is_none(args[2])) {
    if (!put(self, "filename", args[2])) return false;
    if (nargs == 5 && !put_unless_none(self, "filename2", args[4])) return false;
    as_exception(self)->args = tuple_from_array(args, 2);
  }
  return true;
}

// UnicodeDecodeError / UnicodeEncodeError(encoding, object, start, end,
// reason); the encode error's object must be a str.
bool unicode_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames,
                        bool object_is_str) {
  if (!reject_keywords(self, kwnames)) return false;
  if (nargs != 5) {
    raise(&TypeErrorType, "function takes exactly 5 arguments (%zu given)", nargs);
    return false;
  }
  for (size_t i : {size_t(0), size_t(4)}) {
    if (!is_str(args[i])) {
      raise(&TypeErrorType, "argument %zu must be str, not %s", i + 1, type_name(args[i]));
      return false;
    }
  }
  if (object_is_str && !is_str(args[1])) {
    raise(&TypeErrorType, "argument 2 must be str, not %s", type_name(args[1]));
    return false;
  }
  int64_t start, end;
  if (!int_as_index(args[2], &start) || !int_as_index(args[3], &end)) return false;
  return put(self, "encoding", args[0]) && put(self, "object", args[1]) &&
         put(self, "start", args[2]) && put(self, "end", args[3]) &&
         put(self, "reason", args[4]);
}

bool unicode_decode_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return unicode_error_init(self, args, nargs, kwnames, false);
}

bool unicode_encode_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return unicode_error_init(self, args, nargs, kwnames, true);
}

// ---------------------------------------------------------------------------
// The table of kinds.
// ---------------------------------------------------------------------------
const char* const kNoMembers[] = {nullptr};
const char* const kSystemExitMembers[] = {"code", nullptr};
const char* const kStopIterationMembers[] = {"value", nullptr};
const char* const kImportErrorMembers[] = {"msg", "name", "path", nullptr};
const char* const kNameErrorMembers[] = {"name", nullptr};
const char* const kAttributeErrorMembers[] = {"name", "obj", nullptr};
const char* const kSyntaxErrorMembers[] = {"msg",        "filename",   "lineno",
                                           "offset",     "text",       "end_lineno",
                                           "end_offset", "print_file_and_line", nullptr};
const char* const kOSErrorMembers[] = {"errno", "strerror", "filename", "filename2", nullptr};
const char* const kUnicodeErrorMembers[] = {"encoding", "object", "start", "end", "reason",
                                            nullptr};

const ExceptionKind kKinds[] = {
    {&BaseExceptionType, base_init, base_exception_str, kNoMembers},
    {&KeyErrorType, base_init, key_error_str, kNoMembers},
    {&SystemExitType, system_exit_init, nullptr, kSystemExitMembers},
    {&StopIterationType, stop_iteration_init, nullptr, kStopIterationMembers},
    {&ImportErrorType, import_error_init, import_error_str, kImportErrorMembers},
    {&NameErrorType, name_error_init, nullptr, kNameErrorMembers},
    {&AttributeErrorType, attribute_error_init, nullptr, kAttributeErrorMembers},
    {&SyntaxErrorType, syntax_error_init, syntax_error_str, kSyntaxErrorMembers},
    {&OSErrorType, os_error_init, os_error_str, kOSErrorMembers},
    {&UnicodeDecodeErrorType, unicode_decode_error_init, unicode_decode_error_str,
     kUnicodeErrorMembers},
    {&UnicodeEncodeErrorType, unicode_encode_error_init, unicode_encode_error_str,
     kUnicodeErrorMembers},
};
constexpr size_t kKindCount = sizeof(kKinds) / sizeof(kKinds[0]);

// The methods of a kind root: __init__ is BaseException's (set args) plus
// the kind's part; __str__ exposes the kind's str slot for super() calls.
template <size_t K>
Value init_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  as_exception(self)->args = tuple_from_array(args, int64_t(nargs));
  if (!kKinds[K].init(self, args, nargs, kwnames)) return Value();
  return None();
}

template <size_t K>
Value str_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__str__", nargs, kwnames, 0, 0)) return Value();
  return kKinds[K].str(self);
}

template <size_t... K>
void add_kind_methods(std::index_sequence<K...>) {
  (type_add_method(kKinds[K].root, "__init__", init_method<K>), ...);
  ((kKinds[K].str ? type_add_method(kKinds[K].root, "__str__", str_method<K>) : void()), ...);
}

// "[Errno 2] msg" pieces use str(), file names repr().
bool append_str(std::string* out, Value v, bool use_repr) {
  Value s = use_repr ? obj_repr(v) : obj_str(v);
  if (s.is_null()) return false;
  *out += str_view(s.as<Str>());
  return true;
}

Value text_value(const std::string& text) { return Value(str_new(text)); }

}  // namespace

const ExceptionKind& exception_kind(const Type* type) {
  for (const Type* t = type; t != nullptr; t = t->base) {
    for (const ExceptionKind& kind : kKinds) {
      if (kind.root == t) return kind;
    }
  }
  return kKinds[0];
}

bool exception_is_member(const Type* type, Str* name) {
  std::string_view text = str_view(name);
  for (const char* const* m = exception_kind(type).members; *m != nullptr; ++m) {
    if (text == *m) return true;
  }
  return false;
}

Type* os_error_subtype(Type* type, const Value* args, size_t nargs) {
  int64_t code;
  if (type != &OSErrorType || nargs < 2 || nargs > 5 || !is_int(args[0]) ||
      !int_to_i64(args[0], &code)) {
    return type;
  }
  switch (code) {
    case EAGAIN:  // == EWOULDBLOCK on Linux
    case EALREADY:
    case EINPROGRESS: return &BlockingIOErrorType;
    case ECHILD: return &ChildProcessErrorType;
    case EPIPE:
    case ESHUTDOWN: return &BrokenPipeErrorType;
    case ECONNABORTED: return &ConnectionAbortedErrorType;
    case ECONNREFUSED: return &ConnectionRefusedErrorType;
    case ECONNRESET: return &ConnectionResetErrorType;
    case EEXIST: return &FileExistsErrorType;
    case ENOENT: return &FileNotFoundErrorType;
    case EISDIR: return &IsADirectoryErrorType;
    case ENOTDIR: return &NotADirectoryErrorType;
    case EINTR: return &InterruptedErrorType;
    case EACCES:
    case EPERM: return &PermissionErrorType;
    case ESRCH: return &ProcessLookupErrorType;
    case ETIMEDOUT: return &TimeoutErrorType;
    default: return type;
  }
}

void exception_kinds_init() { add_kind_methods(std::make_index_sequence<kKindCount>()); }

// ---------------------------------------------------------------------------
// str slots.
// ---------------------------------------------------------------------------
// KeyError('a') prints 'a' with its quotes: the key, not a message.
Value key_error_str(Value self) {
  Tuple* args = as_exception(self)->args;
  if (tuple_size(args) == 1) return obj_repr(tuple_items(args)[0]);
  return base_exception_str(self);
}

Value import_error_str(Value self) {
  Value msg = get(self, "msg");
  if (!msg.is_null() && is_exact_str(msg)) return msg;
  return base_exception_str(self);
}

// "msg (file.py, line 3)": the file's base name, the line only when it is
// an int.
Value syntax_error_str(Value self) {
  Value msg = get(self, "msg");
  Value filename = get(self, "filename");
  Value lineno = get(self, "lineno");
  bool have_file = !filename.is_null() && is_str(filename);
  bool have_line = !lineno.is_null() && type_of(lineno) == &IntType;
  Value text = obj_str(msg.is_null() ? None() : msg);
  if (text.is_null() || (!have_file && !have_line)) return text;
  std::string out(str_view(text.as<Str>()));
  out += " (";
  if (have_file) {
    std::string_view path = str_view(filename.as<Str>());
    size_t slash = path.rfind('/');
    out += slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (have_line) out += ", ";
  }
  if (have_line) {
    out += "line ";
    out += int_to_string(lineno);
  }
  out += ')';
  return text_value(out);
}

// "[Errno 2] No such file or directory: 'x' -> 'y'".
Value os_error_str(Value self) {
  Value err = get(self, "errno");
  Value strerror = get(self, "strerror");
  Value filename = get(self, "filename");
  Value filename2 = get(self, "filename2");
  if (filename.is_null() && (err.is_null() || strerror.is_null())) {
    return base_exception_str(self);
  }
  std::string out = "[Errno ";
  if (!append_str(&out, or_none(err), false)) return Value();
  out += "] ";
  if (!append_str(&out, or_none(strerror), false)) return Value();
  if (!filename.is_null()) {
    out += ": ";
    if (!append_str(&out, filename, true)) return Value();
    if (!filename2.is_null()) {
      out += " -> ";
      if (!append_str(&out, filename2, true)) return Value();
    }
  }
  return text_value(out);
}

namespace {

// Reads encoding, start, end and reason for the two Unicode errors' str.
struct UnicodeErrorParts {
  std::string encoding;
  std::string reason;
  int64_t start = 0;
  int64_t end = 0;
};

bool unicode_error_parts(Value self, UnicodeErrorParts* parts) {
  Value encoding = obj_str(or_none(get(self, "encoding")));
  if (encoding.is_null()) return false;
  parts->encoding = str_view(encoding.as<Str>());
  Value reason = obj_str(or_none(get(self, "reason")));
  if (reason.is_null()) return false;
  parts->reason = str_view(reason.as<Str>());
  Value start = get(self, "start");
  Value end = get(self, "end");
  if (start.is_null() || end.is_null()) return true;
  return int_as_index(start, &parts->start) && int_as_index(end, &parts->end);
}

Value unicode_range_message(const UnicodeErrorParts& p, const char* verb, const char* what) {
  char buf[96];
  snprintf(buf, sizeof buf, "' codec can't %s %s in position %lld-%lld: ", verb, what,
           (long long)p.start, (long long)(p.end - 1));
  return text_value("'" + p.encoding + buf + p.reason);
}

}  // namespace

// "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte".
Value unicode_decode_error_str(Value self) {
  Value object = get(self, "object");
  if (object.is_null()) return Value(str_empty());
  UnicodeErrorParts p;
  if (!unicode_error_parts(self, &p)) return Value();
  if (p.end == p.start + 1) {
    // Indexing a bytes-like object gives the byte as an int.
    int64_t length = obj_len(object);
    Value byte = length > p.start ? obj_getitem(object, int_value(p.start)) : Value();
    int64_t b;
    if (!byte.is_null() && int_to_i64(byte, &b)) {
      char buf[96];
      snprintf(buf, sizeof buf, "' codec can't decode byte 0x%02x in position %lld: ",
               unsigned(b & 0xff), (long long)p.start);
      return text_value("'" + p.encoding + buf + p.reason);
    }
    error_clear();
  }
  return unicode_range_message(p, "decode", "bytes");
}

// "'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)".
Value unicode_encode_error_str(Value self) {
  Value object = get(self, "object");
  if (object.is_null()) return Value(str_empty());
  UnicodeErrorParts p;
  if (!unicode_error_parts(self, &p)) return Value();
  if (p.end == p.start + 1 && is_str(object) && p.start >= 0 &&
      p.start < str_length(object.as<Str>())) {
    uint32_t cp = str_codepoint_at(object.as<Str>(), p.start);
    char escaped[16];
    if (cp <= 0xff) snprintf(escaped, sizeof escaped, "\\x%02x", cp);
    else if (cp <= 0xffff) snprintf(escaped, sizeof escaped, "\\u%04x", cp);
    else snprintf(escaped, sizeof escaped, "\\U%08x", cp);
    char buf[96];
    snprintf(buf, sizeof buf, "' codec can't encode character '%s' in position %lld: ", escaped,
             (long long)p.start);
    return text_value("'" + p.encoding + buf + p.reason);
  }
  return unicode_range_message(p, "encode", "characters");
}

}  // namespace pg::exception_detail
