// The exception hierarchy, the BaseException object and raising.
//
// Every builtin exception class is a static Type with CPython's name and
// base. They all share one instance layout (ExceptionObject); the classes
// with extra state (SystemExit.code, OSError.errno, ...) keep it in the
// instance dict, see exception_kinds.cpp. The pending exception of a thread
// is `current_thread()->current_exception`; context chaining and tracebacks
// are the eval loop's business.
#include "objects/exceptions.h"

#include <cstdarg>
#include <cstdio>
#include <vector>

#include "objects/containers.h"
#include "objects/exception_kinds.h"
#include "objects/gc.h"
#include "objects/type.h"
#include "vm/thread_state.h"

namespace pg {

using namespace exception_detail;

namespace {

// Interned names of the attributes BaseException stores in its own fields.
struct Names {
  Str* args;
  Str* traceback;
  Str* cause;
  Str* context;
  Str* suppress_context;
  Str* dict;
  Str* init;
  Str* notes;
};
Names g_names;

// Names reaching getattr are almost always interned (they come from code
// objects), so identity decides; a non-interned name gets a text compare.
bool is_name(Str* name, Str* interned) {
  return name == interned || (!name->interned && str_equal(name, interned));
}

void exception_trace(Object* self, Visitor& v) {
  ExceptionObject* e = static_cast<ExceptionObject*>(self);
  v.visit(Value(e->args));
  v.visit(e->traceback);
  v.visit(e->cause);
  v.visit(e->context);
  v.visit(Value(e->dict));
}

// `ValueError('x')`, `ValueError('x', 1)`, `ValueError()`.
Value exception_repr(Value self) {
  Tuple* args = as_exception(self)->args;
  Value inner = tuple_size(args) == 1 ? obj_repr(tuple_items(args)[0]) : obj_repr(Value(args));
  if (inner.is_null()) return inner;
  std::string text = type_name(self);
  if (tuple_size(args) == 1) {
    text += '(';
    text += str_view(inner.as<Str>());
    text += ')';
  } else {
    text += str_view(inner.as<Str>());
  }
  return Value(str_new(text));
}

bool is_traceback(Value v) { return v.is_obj() && v.obj()->type == &TracebackType; }

Value exception_getattr(Value self, Str* name) {
  ExceptionObject* e = as_exception(self);
  if (is_name(name, g_names.args)) return Value(e->args);
  if (is_name(name, g_names.traceback)) return or_none(e->traceback);
  if (is_name(name, g_names.cause)) return or_none(e->cause);
  if (is_name(name, g_names.context)) return or_none(e->context);
  if (is_name(name, g_names.suppress_context)) return Bool(e->suppress_context != 0);
  if (is_name(name, g_names.dict)) {
    if (e->dict == nullptr) e->dict = dict_new();
    return Value(e->dict);
  }
  if (e->dict != nullptr) {
    Value v = dict_get_str(e->dict, name);
    if (!v.is_null()) return v;
  }
  Value v = generic_getattr(self, name);
  if (v.is_null() && exception_is_member(e->type, name) && error_matches(&AttributeErrorType)) {
    error_clear();
    return None();
  }
  return v;
}

int type_error(const char* message) {
  raise(&TypeErrorType, "%s", message);
  return -1;
}

// Setting the fields validates like CPython's getset descriptors.
int exception_setattr(Value self, Str* name, Value v) {
  ExceptionObject* e = as_exception(self);
  if (is_name(name, g_names.args)) {
    if (v.is_null()) return type_error("args may not be deleted");
    Value t = tuple_from_iterable(v);
    if (t.is_null()) return -1;
    e->args = t.as<Tuple>();
    return 0;
  }
  if (is_name(name, g_names.traceback)) {
    if (v.is_null()) return type_error("__traceback__ may not be deleted");
    if (!is_none(v) && !is_traceback(v)) return type_error("__traceback__ must be a traceback or None");
    e->traceback = is_none(v) ? Value() : v;
    return 0;
  }
  if (is_name(name, g_names.cause)) {
    if (v.is_null()) return type_error("__cause__ may not be deleted");
    if (!is_none(v) && !is_exception(v))
      return type_error("exception cause must be None or derive from BaseException");
    e->cause = is_none(v) ? Value() : v;
    e->suppress_context = 1;  // `raise X from Y` hides the context
    return 0;
  }
  if (is_name(name, g_names.context)) {
    if (v.is_null()) return type_error("__context__ may not be deleted");
    if (!is_none(v) && !is_exception(v))
      return type_error("exception context must be None or derive from BaseException");
    e->context = is_none(v) ? Value() : v;
    return 0;
  }
  if (is_name(name, g_names.suppress_context)) {
    if (v.is_null()) return type_error("can't delete numeric/char attribute");
    if (v != True() && v != False()) return type_error("attribute value type must be bool");
    e->suppress_context = v == True();
    return 0;
  }
  if (is_name(name, g_names.dict)) {
    if (v.is_null()) return type_error("cannot delete __dict__");
    if (!isinstance(v, &DictType)) {
      raise(&TypeErrorType, "__dict__ must be set to a dictionary, not a '%s'", type_name(v));
      return -1;
    }
    e->dict = v.as<Dict>();
    return 0;
  }
  if (v.is_null()) {
    if (e->dict == nullptr || dict_get_str(e->dict, name).is_null()) {
      raise(&AttributeErrorType, "'%s' object has no attribute '%s'", type_name(self),
            str_cstr(name));
      return -1;
    }
    return dict_del(e->dict, Value(name));
  }
  if (e->dict == nullptr) e->dict = dict_new();
  return dict_set_str(e->dict, name, v);
}

// BaseException.__new__: an instance whose args are the call's positional
// arguments, whatever __init__ later does with them.
Value exception_alloc(Type* type, const Value* args, size_t nargs) {
  size_t size = type->instance_size > sizeof(ExceptionObject) ? type->instance_size
                                                                : sizeof(ExceptionObject);
  ExceptionObject* e = static_cast<ExceptionObject*>(gc_alloc(type, size));
  e->args = tuple_from_array(args, int64_t(nargs));
  return Value(e);
}

// __init__ of a class created by a class statement: a Python __init__ is
// called like any method; a native one (inherited from a builtin exception
// class) runs directly.
bool run_python_init(Value self, Value init, const Value* args, size_t nargs, Tuple* kwnames) {
  // The arguments are rooted by our caller; `self` by exception_construct.
  size_t total = nargs + (kwnames ? size_t(tuple_size(kwnames)) : 0);
  std::vector<Value> buffer(total + 1);
  buffer[0] = self;
  for (size_t i = 0; i < total; ++i) buffer[i + 1] = args[i];
  Value r = call(init, buffer.data(), nargs + 1, kwnames);
  if (r.is_null()) return false;
  if (!is_none(r)) {
    raise(&TypeErrorType, "__init__() should return None, not '%s'", type_name(r));
    return false;
  }
  return true;
}

Value exception_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  type = os_error_subtype(type, args, nargs);
  Value self = exception_alloc(type, args, nargs);
  Rooted keep(&self);
  if (type->flags & kTypeHeap) {
    Value init = type_lookup(type, g_names.init);
    if (!init.is_null() && type_of(init) != &NativeFunctionType) {
      if (!run_python_init(self, init, args, nargs, kwnames)) return Value();
      return self;
    }
  }
  if (!exception_kind(type).init(self, args, nargs, kwnames)) return Value();
  return self;
}

constexpr Type exception_type(const char* name, Type* base,
                              Value (*str)(Value) = base_exception_str) {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = name;
  t.base = base;
  t.flags = kTypeExceptionSubclass | kTypeBaseType;
  t.instance_size = sizeof(ExceptionObject);
  t.repr = exception_repr;
  t.str = str;
  t.getattr = exception_getattr;
  t.setattr = exception_setattr;
  t.construct = exception_construct;
  t.trace = exception_trace;
  return t;
}

constexpr Type os_error_type(const char* name, Type* base) {
  return exception_type(name, base, os_error_str);
}

}  // namespace

// ---------------------------------------------------------------------------
// The hierarchy (CPython 3.11's, without the exception groups).
// ---------------------------------------------------------------------------
constinit Type BaseExceptionType = exception_type("BaseException", &ObjectType);
constinit Type SystemExitType = exception_type("SystemExit", &BaseExceptionType);
constinit Type KeyboardInterruptType = exception_type("KeyboardInterrupt", &BaseExceptionType);
constinit Type GeneratorExitType = exception_type("GeneratorExit", &BaseExceptionType);
constinit Type ExceptionType = exception_type("Exception", &BaseExceptionType);

constinit Type ArithmeticErrorType = exception_type("ArithmeticError", &ExceptionType);
constinit Type FloatingPointErrorType = exception_type("FloatingPointError", &ArithmeticErrorType);
constinit Type OverflowErrorType = exception_type("OverflowError", &ArithmeticErrorType);
constinit Type ZeroDivisionErrorType = exception_type("ZeroDivisionError", &ArithmeticErrorType);
constinit Type AssertionErrorType = exception_type("AssertionError", &ExceptionType);
constinit Type AttributeErrorType = exception_type("AttributeError", &ExceptionType);
constinit Type BufferErrorType = exception_type("BufferError", &ExceptionType);
constinit Type EOFErrorType = exception_type("EOFError", &ExceptionType);
constinit Type ImportErrorType = exception_type("ImportError", &ExceptionType, import_error_str);
constinit Type ModuleNotFoundErrorType =
    exception_type("ModuleNotFoundError", &ImportErrorType, import_error_str);
constinit Type LookupErrorType = exception_type("LookupError", &ExceptionType);
constinit Type IndexErrorType = exception_type("IndexError", &LookupErrorType);
constinit Type KeyErrorType = exception_type("KeyError", &LookupErrorType, key_error_str);
constinit Type MemoryErrorType = exception_type("MemoryError", &ExceptionType);
constinit Type NameErrorType = exception_type("NameError", &ExceptionType);
constinit Type UnboundLocalErrorType = exception_type("UnboundLocalError", &NameErrorType);

constinit Type OSErrorType = os_error_type("OSError", &ExceptionType);
constinit Type BlockingIOErrorType = os_error_type("BlockingIOError", &OSErrorType);
constinit Type ChildProcessErrorType = os_error_type("ChildProcessError", &OSErrorType);
constinit Type ConnectionErrorType = os_error_type("ConnectionError", &OSErrorType);
constinit Type BrokenPipeErrorType = os_error_type("BrokenPipeError", &ConnectionErrorType);
constinit Type ConnectionAbortedErrorType =
    os_error_type("ConnectionAbortedError", &ConnectionErrorType);
constinit Type ConnectionRefusedErrorType =
    os_error_type("ConnectionRefusedError", &ConnectionErrorType);
constinit Type ConnectionResetErrorType =
    os_error_type("ConnectionResetError", &ConnectionErrorType);
constinit Type FileExistsErrorType = os_error_type("FileExistsError", &OSErrorType);
constinit Type FileNotFoundErrorType = os_error_type("FileNotFoundError", &OSErrorType);
constinit Type InterruptedErrorType = os_error_type("InterruptedError", &OSErrorType);
constinit Type IsADirectoryErrorType = os_error_type("IsADirectoryError", &OSErrorType);
constinit Type NotADirectoryErrorType = os_error_type("NotADirectoryError", &OSErrorType);
constinit Type PermissionErrorType = os_error_type("PermissionError", &OSErrorType);
constinit Type ProcessLookupErrorType = os_error_type("ProcessLookupError", &OSErrorType);
constinit Type TimeoutErrorType = os_error_type("TimeoutError", &OSErrorType);

constinit Type ReferenceErrorType = exception_type("ReferenceError", &ExceptionType);
constinit Type RuntimeErrorType = exception_type("RuntimeError", &ExceptionType);
constinit Type NotImplementedErrorType = exception_type("NotImplementedError", &RuntimeErrorType);
constinit Type RecursionErrorType = exception_type("RecursionError", &RuntimeErrorType);
constinit Type StopAsyncIterationType = exception_type("StopAsyncIteration", &ExceptionType);
constinit Type StopIterationType = exception_type("StopIteration", &ExceptionType);
constinit Type SyntaxErrorType = exception_type("SyntaxError", &ExceptionType, syntax_error_str);
constinit Type IndentationErrorType =
    exception_type("IndentationError", &SyntaxErrorType, syntax_error_str);
constinit Type TabErrorType = exception_type("TabError", &IndentationErrorType, syntax_error_str);
constinit Type SystemErrorType = exception_type("SystemError", &ExceptionType);
constinit Type TypeErrorType = exception_type("TypeError", &ExceptionType);
constinit Type ValueErrorType = exception_type("ValueError", &ExceptionType);
constinit Type UnicodeErrorType = exception_type("UnicodeError", &ValueErrorType);
constinit Type UnicodeDecodeErrorType =
    exception_type("UnicodeDecodeError", &UnicodeErrorType, unicode_decode_error_str);
constinit Type UnicodeEncodeErrorType =
    exception_type("UnicodeEncodeError", &UnicodeErrorType, unicode_encode_error_str);
constinit Type UnicodeTranslateErrorType =
    exception_type("UnicodeTranslateError", &UnicodeErrorType);

constinit Type WarningType = exception_type("Warning", &ExceptionType);
constinit Type BytesWarningType = exception_type("BytesWarning", &WarningType);
constinit Type DeprecationWarningType = exception_type("DeprecationWarning", &WarningType);
constinit Type EncodingWarningType = exception_type("EncodingWarning", &WarningType);
constinit Type FutureWarningType = exception_type("FutureWarning", &WarningType);
constinit Type ImportWarningType = exception_type("ImportWarning", &WarningType);
constinit Type PendingDeprecationWarningType =
    exception_type("PendingDeprecationWarning", &WarningType);
constinit Type ResourceWarningType = exception_type("ResourceWarning", &WarningType);
constinit Type RuntimeWarningType = exception_type("RuntimeWarning", &WarningType);
constinit Type SyntaxWarningType = exception_type("SyntaxWarning", &WarningType);
constinit Type UnicodeWarningType = exception_type("UnicodeWarning", &WarningType);
constinit Type UserWarningType = exception_type("UserWarning", &WarningType);

namespace {

// Bases before subclasses (type_ready order).
Type* const kAllExceptionTypes[] = {
    &BaseExceptionType, &SystemExitType, &KeyboardInterruptType, &GeneratorExitType,
    &ExceptionType, &ArithmeticErrorType, &FloatingPointErrorType, &OverflowErrorType,
    &ZeroDivisionErrorType, &AssertionErrorType, &AttributeErrorType, &BufferErrorType,
    &EOFErrorType, &ImportErrorType, &ModuleNotFoundErrorType, &LookupErrorType,
    &IndexErrorType, &KeyErrorType, &MemoryErrorType, &NameErrorType, &UnboundLocalErrorType,
    &OSErrorType, &BlockingIOErrorType, &ChildProcessErrorType, &ConnectionErrorType,
    &BrokenPipeErrorType, &ConnectionAbortedErrorType, &ConnectionRefusedErrorType,
    &ConnectionResetErrorType, &FileExistsErrorType, &FileNotFoundErrorType,
    &InterruptedErrorType, &IsADirectoryErrorType, &NotADirectoryErrorType,
    &PermissionErrorType, &ProcessLookupErrorType, &TimeoutErrorType, &ReferenceErrorType,
    &RuntimeErrorType, &NotImplementedErrorType, &RecursionErrorType,
    &StopAsyncIterationType, &StopIterationType, &SyntaxErrorType, &IndentationErrorType,
    &TabErrorType, &SystemErrorType, &TypeErrorType, &ValueErrorType, &UnicodeErrorType,
    &UnicodeDecodeErrorType, &UnicodeEncodeErrorType, &UnicodeTranslateErrorType,
    &WarningType, &BytesWarningType, &DeprecationWarningType, &EncodingWarningType,
    &FutureWarningType, &ImportWarningType, &PendingDeprecationWarningType,
    &ResourceWarningType, &RuntimeWarningType, &SyntaxWarningType, &UnicodeWarningType,
    &UserWarningType,
};

// ---------------------------------------------------------------------------
// Methods of BaseException.
// ---------------------------------------------------------------------------
Value exc_with_traceback(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("BaseException.with_traceback", nargs, kwnames, 1, 1)) return Value();
  if (exception_setattr(self, g_names.traceback, args[0]) < 0) return Value();
  return self;
}

// 3.11's PEP 678 notes; the traceback printer shows __notes__.
Value exc_add_note(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("BaseException.add_note", nargs, kwnames, 1, 1)) return Value();
  if (!is_str(args[0])) {
    return raise(&TypeErrorType, "note must be a str, not '%s'", type_name(args[0]));
  }
  Value notes = instance_attr(self, g_names.notes);
  if (notes.is_null()) {
    notes = Value(list_new(0));
    if (set_instance_attr(self, g_names.notes, notes) < 0) return Value();
  } else if (!isinstance(notes, &ListType)) {
    return raise(&TypeErrorType, "Cannot add note: __notes__ is not a list");
  }
  if (list_append(notes.as<List>(), args[0]) < 0) return Value();
  return None();
}

Value exc_repr_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__repr__", nargs, kwnames, 0, 0)) return Value();
  return exception_repr(self);
}

}  // namespace

// ---------------------------------------------------------------------------
// Shared with exception_kinds.cpp.
// ---------------------------------------------------------------------------
namespace exception_detail {

// '' / str(arg) / str(args).
Value base_exception_str(Value self) {
  Tuple* args = as_exception(self)->args;
  switch (tuple_size(args)) {
    case 0: return Value(str_empty());
    case 1: return obj_str(tuple_items(args)[0]);
    default: return obj_str(Value(args));
  }
}

Value instance_attr(Value self, Str* name) {
  Dict* d = as_exception(self)->dict;
  return d == nullptr ? Value() : dict_get_str(d, name);
}

int set_instance_attr(Value self, Str* name, Value v) {
  ExceptionObject* e = as_exception(self);
  if (e->dict == nullptr) e->dict = dict_new();
  return dict_set_str(e->dict, name, v);
}

}  // namespace exception_detail

// ---------------------------------------------------------------------------
// Public helpers (exceptions.h).
// ---------------------------------------------------------------------------
void exceptions_init() {
  g_names = Names{str_intern("args"),    str_intern("__traceback__"),
                  str_intern("__cause__"), str_intern("__context__"),
                  str_intern("__suppress_context__"), str_intern("__dict__"),
                  str_intern("__init__"), str_intern("__notes__")};
  for (Type* t : kAllExceptionTypes) type_ready(t);
  type_add_method(&BaseExceptionType, "with_traceback", exc_with_traceback);
  type_add_method(&BaseExceptionType, "add_note", exc_add_note);
  type_add_method(&BaseExceptionType, "__repr__", exc_repr_method);
  exception_kinds_init();
}

void exceptions_add_builtins(Dict* builtins) {
  for (Type* t : kAllExceptionTypes) dict_set_str(builtins, str_intern(t->name), Value(t));
  dict_set_str(builtins, str_intern("EnvironmentError"), Value(&OSErrorType));
  dict_set_str(builtins, str_intern("IOError"), Value(&OSErrorType));
}

bool is_exception_class(Value v) {
  return v.is_obj() && (v.obj()->type->flags & kTypeTypeSubclass) &&
         (v.as<Type>()->flags & kTypeExceptionSubclass);
}

Value exception_new(Type* type, const Value* args, size_t nargs) {
  if (type->construct == nullptr) {
    return raise(&TypeErrorType, "cannot create '%s' instances", type->name);
  }
  Value exc = type->construct(type, args, nargs, nullptr);
  if (exc.is_null() || is_exception(exc)) return exc;
  return raise(&TypeErrorType,
               "calling %s should have returned an instance of BaseException, not %s",
               type->name, type_name(exc));
}

std::string exception_message(Value exc) {
  ThreadState* ts = current_thread();
  Value saved = ts->current_exception;
  Rooted keep_saved(&saved);
  Rooted keep_exc(&exc);
  ts->current_exception = Value();
  std::string text;
  Value s = obj_str(exc);
  if (s.is_null()) {
    text = "<exception str() failed>";
  } else {
    text = str_view(s.as<Str>());
  }
  ts->current_exception = saved;
  return text;
}

void exception_set_traceback(Value exc, Value tb) {
  as_exception(exc)->traceback = is_none(tb) ? Value() : tb;
}

Value exception_attr(Value exc, const char* name) {
  return or_none(instance_attr(exc, str_intern(name)));
}

int exception_set_attr(Value exc, const char* name, Value v) {
  return set_instance_attr(exc, str_intern(name), v);
}

Value raise_syntax_error(Type* type, std::string_view msg, std::string_view filename,
                         int64_t lineno, int64_t offset, std::string_view text,
                         int64_t end_lineno, int64_t end_offset) {
  Value info = Value(tuple_new(6));
  Rooted keep_info(&info);
  Value* items = tuple_items(info.as<Tuple>());
  items[0] = Value(str_new(filename));
  items[1] = int_from_i64(lineno);
  items[2] = int_from_i64(offset);
  items[3] = text.empty() ? None() : Value(str_new(text));
  items[4] = end_lineno > 0 ? int_from_i64(end_lineno) : None();
  items[5] = end_lineno > 0 ? int_from_i64(end_offset) : None();
  Value args[2] = {Value(str_new(msg)), info};
  Rooted keep_msg(&args[0]);
  Value exc = exception_new(type, args, 2);
  if (exc.is_null()) return exc;
  return raise_exception(exc);
}

// ---------------------------------------------------------------------------
// Raising (object.h).
// ---------------------------------------------------------------------------
namespace {

// Length of the valid UTF-8 sequence starting at p[0], or 0 when invalid.
size_t utf8_sequence_length(const unsigned char* p, size_t available) {
  unsigned char b = p[0];
  if (b < 0x80) return 1;
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b >= 0xC2 && b <= 0xDF) {
    n = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 3;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;  // no surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 4;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (available < n || p[1] < lo || p[1] > hi) return 0;
  for (size_t i = 2; i < n; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
  }
  return n;
}

// A message as a Str. A precision like "%.20s" can cut a multi-byte
// character in two; like CPython (which decodes with errors="replace"),
// invalid bytes become U+FFFD instead of making an invalid Str.
Value message_str(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  if (i == text.size()) return Value(str_new(text));
  std::string fixed(text.substr(0, i));
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (i < text.size()) {
    size_t n = utf8_sequence_length(bytes + i, text.size() - i);
    if (n == 0) {
      fixed += "\xEF\xBF\xBD";
      ++i;
    } else {
      fixed.append(text.data() + i, n);
      i += n;
    }
  }
  return Value(str_new(fixed));
}

}  // namespace

Value raise(Type* type, const char* fmt, ...) {
  char small[256];
  va_list ap;
  va_start(ap, fmt);
  va_list again;
  va_copy(again, ap);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  Value message;
  if (n < 0) {
    message = Value(str_empty());
  } else if (size_t(n) < sizeof small) {
    message = message_str(std::string_view(small, size_t(n)));
  } else {
    std::string big(size_t(n), '\0');
    vsnprintf(big.data(), big.size() + 1, fmt, again);
    message = message_str(big);
  }
  va_end(again);
  Rooted keep(&message);
  return raise_with_value(type, message);
}

Value raise_with_value(Type* type, Value arg) {
  Value exc = exception_new(type, &arg, 1);
  if (exc.is_null()) return exc;
  current_thread()->current_exception = exc;
  return Value();
}

Value raise_exception(Value exc) {
  if (is_exception(exc)) {
    current_thread()->current_exception = exc;
    return Value();
  }
  if (is_exception_class(exc)) {
    Value instance = exception_new(exc.as<Type>(), nullptr, 0);
    if (!instance.is_null()) current_thread()->current_exception = instance;
    return Value();
  }
  return raise(&TypeErrorType, "exceptions must derive from BaseException");
}

bool error_occurred() { return !current_thread()->current_exception.is_null(); }

bool error_matches(const Type* type) {
  Value e = current_thread()->current_exception;
  return !e.is_null() && is_subtype(e.obj()->type, type);
}

Value error_fetch() {
  ThreadState* ts = current_thread();
  Value e = ts->current_exception;
  ts->current_exception = Value();
  return e;
}

void error_clear() { current_thread()->current_exception = Value(); }

}  // namespace pg
