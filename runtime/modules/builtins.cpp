// The builtins namespace: the type objects and constants under their Python
// names, and the functions that do not consume iterables (print, len,
// isinstance, getattr, the number helpers, ...). The other files of the
// module are listed in builtins_internal.h.
//
// Argument checking and error messages follow CPython 3.11 exactly, so the
// differential tests can compare tracebacks.
#include <cinttypes>
#include <climits>
#include <cstdio>
#include <cstdlib>

#include "modules/builtins_internal.h"
#include "modules/modules.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/layouts.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/complex.h"
#include "objects/set.h"
#include "objects/str_format.h"
#include "objects/numbers.h"
#include "objects/type.h"
#include "modules/sys_module.h"
#include "vm/import.h"
#include "vm/thread_state.h"

namespace pg {

// ---------------------------------------------------------------------------
// Argument helpers shared with builtins_iter.cpp / builtins_format.cpp.
// ---------------------------------------------------------------------------
namespace builtins_detail {

bool expect_positional(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  if (min == max)
    raise(&TypeErrorType, "%s expected %zu argument%s, got %zu", fname, min, min == 1 ? "" : "s",
          nargs);
  else if (nargs < min)
    raise(&TypeErrorType, "%s expected at least %zu argument%s, got %zu", fname, min,
          min == 1 ? "" : "s", nargs);
  else
    raise(&TypeErrorType, "%s expected at most %zu argument%s, got %zu", fname, max,
          max == 1 ? "" : "s", nargs);
  return false;
}

bool reject_keywords(const char* fname, Tuple* kwnames) {
  if (kwnames == nullptr || tuple_size(kwnames) == 0) return true;
  raise(&TypeErrorType, "%s() takes no keyword arguments", fname);
  return false;
}

bool parse_keywords(const char* fname, const Value* kwvalues, Tuple* kwnames,
                    std::initializer_list<const char*> names, Value* out) {
  for (size_t i = 0; i < names.size(); ++i) out[i] = Value();
  if (kwnames == nullptr) return true;
  int64_t nkw = tuple_size(kwnames);
  for (int64_t k = 0; k < nkw; ++k) {
    std::string_view key = str_view(tuple_items(kwnames)[k].as<Str>());
    size_t idx = 0;
    for (const char* n : names) {
      if (key == n) break;
      ++idx;
    }
    if (idx == names.size()) {
      raise(&TypeErrorType, "'%.*s' is an invalid keyword argument for %s()", int(key.size()),
            key.data(), fname);
      return false;
    }
    out[idx] = kwvalues[k];
  }
  return true;
}

}  // namespace builtins_detail

using namespace builtins_detail;

namespace {

// The namespace builtins_init() filled; vars() without arguments looks up
// `locals` in it (the lead's frame-aware builtin).
Dict* g_builtins = nullptr;

bool is_type_object(Value v) { return v.is_obj() && is_subtype(v.obj()->type, &TypeType); }
bool is_tuple(Value v) { return v.is_obj() && is_subtype(v.obj()->type, &TupleType); }

// Attribute names are interned so dict_get_str's identity fast path finds
// names built at run time ("app" + "end").
Str* attribute_name(Value name) {
  if (!is_str(name)) {
    raise(&TypeErrorType, "attribute name must be string, not '%.200s'", type_name(name));
    return nullptr;
  }
  return str_intern_str(name.as<Str>());
}

// ---------------------------------------------------------------------------
// print
// ---------------------------------------------------------------------------

// Writes one piece of print()'s output: straight to C stdio when no file
// object was given (the common case, no allocation), else write(text),
// `write` being the file's bound write method (looked up once per print).
bool print_write(FILE* stream, Value write, Value text) {
  if (stream != nullptr) {
    Str* s = text.as<Str>();
    fwrite(s->data, 1, size_t(s->nbytes), stream);
    return true;
  }
  return !call1(write, text).is_null();
}

bool print_value(FILE* stream, Value write, Value v) {
  if (stream != nullptr && v.is_small()) {  // skip the Str allocation for ints
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%" PRId64, v.small_value());
    fwrite(buf, 1, size_t(n), stream);
    return true;
  }
  Value text = is_exact_str(v) ? v : obj_str(v);
  if (text.is_null()) return false;
  Rooted keep(&text);
  return print_write(stream, write, text);
}

Value builtin_print(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value kw[4];
  if (!parse_keywords("print", args + nargs, kwnames, {"sep", "end", "file", "flush"}, kw))
    return Value();
  Value sep = kw[0], end = kw[1], file = kw[2], flush = kw[3];
  if (!sep.is_null() && !is_none(sep) && !is_str(sep))
    return raise(&TypeErrorType, "sep must be None or a string, not %.200s", type_name(sep));
  if (!end.is_null() && !is_none(end) && !is_str(end))
    return raise(&TypeErrorType, "end must be None or a string, not %.200s", type_name(end));
  if (sep.is_null() || is_none(sep)) sep = Value(str_intern(" "));
  if (end.is_null() || is_none(end)) end = Value(str_intern("\n"));
  int do_flush = flush.is_null() ? 0 : obj_truth(flush);  // parsed up front, like CPython
  if (do_flush < 0) return Value();
  // file=None means sys.stdout: its C stream while it is the standard one.
  FILE* stream = nullptr;
  if (file.is_null() || is_none(file)) {
    stream = sys_stdout_target(&file);
    if (stream == nullptr) {
      if (file.is_null()) return raise(&RuntimeErrorType, "lost sys.stdout");
      if (is_none(file)) return None();
    }
  }
  Rooted keep_file(&file);
  Value write;
  Rooted keep_write(&write);
  if (stream == nullptr) {
    write = obj_getattr_cstr(file, "write");
    if (write.is_null()) return Value();
  }
  for (size_t i = 0; i < nargs; ++i) {
    if (i > 0 && !print_write(stream, write, sep)) return Value();
    if (!print_value(stream, write, args[i])) return Value();
  }
  if (!print_write(stream, write, end)) return Value();
  if (do_flush) {
    if (stream != nullptr) {
      fflush(stream);
    } else {
      Value method = obj_getattr_cstr(file, "flush");
      if (method.is_null()) return Value();
      Rooted keep(&method);
      if (call0(method).is_null()) return Value();
    }
  }
  return None();
}

// open(...): the bundled io module's open (runtime/lib/io.py).
Value builtin_open(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value io = import_module("io");
  if (io.is_null()) return io;
  Rooted keep(&io);
  Value fn = obj_getattr_cstr(io, "open");
  if (fn.is_null()) return fn;
  Rooted keep_fn(&fn);
  return call(fn, args, nargs, kwnames);
}

// input(prompt): the prompt goes to stdout (flushed), the line comes from
// C stdin without its newline; EOFError at end of input.
Value builtin_input(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords("input", kwnames) || !expect_positional("input", nargs, 0, 1))
    return Value();
  // The prompt goes to sys.stdout and the line comes from sys.stdin, which
  // a program may have replaced (io.StringIO in tests...).
  Value out, in;
  FILE* out_stream = sys_stdout_target(&out);
  Rooted keep_out(&out);
  FILE* in_stream = sys_stdin_target(&in);
  Rooted keep_in(&in);
  if (out_stream == nullptr && out.is_null()) return raise(&RuntimeErrorType, "input(): lost sys.stdout");
  if (in_stream == nullptr && in.is_null()) return raise(&RuntimeErrorType, "input(): lost sys.stdin");
  fflush(stderr);
  if (out_stream == nullptr) {
    if (nargs == 1) {
      Value write = obj_getattr_cstr(out, "write");
      if (write.is_null()) return Value();
      Rooted keep_write(&write);
      if (!print_value(nullptr, write, args[0])) return Value();
    }
    Value flush = obj_getattr_cstr(out, "flush");
    if (flush.is_null()) return Value();
    Rooted keep_flush(&flush);
    if (call0(flush).is_null()) return Value();
  } else {
    if (nargs == 1 && !print_value(out_stream, Value(), args[0])) return Value();
    fflush(out_stream);
  }
  if (in_stream == nullptr) {
    Value readline = obj_getattr_cstr(in, "readline");
    if (readline.is_null()) return Value();
    Rooted keep_readline(&readline);
    Value got = call0(readline);
    if (got.is_null()) return got;
    if (!is_str(got)) return raise(&TypeErrorType, "object.readline() returned non-string");
    std::string_view text = str_view(got.as<Str>());
    if (text.empty()) return raise(&EOFErrorType, "EOF when reading a line");
    if (text.back() == '\n') text.remove_suffix(1);
    return Value(str_new(text));
  }
  char* line = nullptr;
  size_t capacity = 0;
  ssize_t n = getline(&line, &capacity, in_stream);
  if (n <= 0) {
    free(line);
    return raise(&EOFErrorType, "EOF when reading a line");
  }
  if (line[n - 1] == '\n') --n;
  Str* text = str_from_os_bytes(std::string_view(line, size_t(n)));
  free(line);
  return Value(text);
}

// ---------------------------------------------------------------------------
// Object functions
// ---------------------------------------------------------------------------

Value builtin_len(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("len", nargs, kwnames, 1, 1)) return Value();
  int64_t n = obj_len(args[0]);
  return n < 0 ? Value() : int_from_i64(n);
}

Value builtin_repr(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("repr", nargs, kwnames, 1, 1)) return Value();
  return obj_repr(args[0]);
}

Value builtin_ascii(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("ascii", nargs, kwnames, 1, 1)) return Value();
  return obj_ascii(args[0]);
}

Value builtin_hash(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("hash", nargs, kwnames, 1, 1)) return Value();
  int64_t h;
  if (!obj_hash(args[0], &h)) return Value();
  return int_from_i64(h);
}

// id(): the object's address. A small int has no address; its tagged bits
// are odd, so they never collide with an (8-byte aligned) object address and
// equal small ints share an id, as `is` says they are the same.
Value builtin_id(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("id", nargs, kwnames, 1, 1)) return Value();
  return int_from_u64(args[0].bits);
}

Value builtin_callable(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("callable", nargs, kwnames, 1, 1)) return Value();
  return Bool(type_of(args[0])->call != nullptr);
}

Value builtin_chr(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("chr", nargs, kwnames, 1, 1)) return Value();
  int64_t cp;
  bool ok = int_as_index(args[0], &cp);
  if (!ok && !error_matches(&OverflowErrorType)) return Value();
  // CPython converts to a C int first, so its overflow message names C int.
  if (!ok || cp < INT_MIN || cp > INT_MAX) {
    if (!ok) error_clear();
    return raise(&OverflowErrorType, "Python int too large to convert to C int");
  }
  if (cp < 0 || cp >= 0x110000) return raise(&ValueErrorType, "chr() arg not in range(0x110000)");
  // Strings are UTF-8, which cannot hold a lone surrogate.
  if (cp >= 0xD800 && cp <= 0xDFFF)
    return raise(&ValueErrorType,
                 "chr() arg is a surrogate (0x%" PRIx64 "), which pyglass strings cannot hold", cp);
  return Value(str_from_codepoint(uint32_t(cp)));
}

Value builtin_ord(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("ord", nargs, kwnames, 1, 1)) return Value();
  Value v = args[0];
  if (!is_str(v))
    return raise(&TypeErrorType, "ord() expected string of length 1, but %.200s found",
                 type_name(v));
  Str* s = v.as<Str>();
  if (s->length != 1)
    return raise(&TypeErrorType,
                 "ord() expected a character, but string of length %" PRId64 " found", s->length);
  return Value::small(str_codepoint_at(s, 0));
}

// 1 for list[int] (lib/_generic_alias.py's GenericAlias), 2 for int | str
// (its UnionType), 0 otherwise.
static int generic_alias_kind(Value cls) {
  if (!cls.is_obj() || !is_heap_type(type_of(cls))) return 0;
  Type* t = type_of(cls);
  Value module = type_lookup(t, str_intern("__module__"));
  if (module.is_null() || !is_str(module) || std::string_view(str_cstr(module.as<Str>())) != "_generic_alias")
    return 0;
  std::string_view name(t->name);
  return name == "GenericAlias" ? 1 : name == "UnionType" ? 2 : 0;
}

// The members of an `int | str` union, as a tuple (never null: the class
// stores it at construction).
static Value union_args(Value cls) { return obj_getattr_cstr(cls, "__args__"); }

// isinstance(obj, cls): cls is a type or a (nested) tuple of types. Like
// CPython, a tuple is searched left to right and stops at the first match,
// so a bad entry after a match is not reported.
int isinstance_check(Value obj, Value cls) {
  int hooked = metaclass_instancecheck(obj, cls);  // abc.ABCMeta and the like
  if (hooked != kNoCheckHook) return hooked;
  if (is_type_object(cls)) return isinstance(obj, cls.as<Type>()) ? 1 : 0;
  if (is_tuple(cls)) {
    if (!enter_native_recursion(" in __instancecheck__")) return -1;
    Tuple* t = cls.as<Tuple>();
    int result = 0;
    for (int64_t i = 0; i < t->size && result == 0; ++i)
      result = isinstance_check(obj, t->items[i]);
    leave_native_recursion();
    return result;
  }
  int alias = generic_alias_kind(cls);
  if (alias == 2) return isinstance_check(obj, union_args(cls));
  if (alias == 1) {
    raise(&TypeErrorType, "isinstance() argument 2 cannot be a parameterized generic");
    return -1;
  }
  raise(&TypeErrorType, "isinstance() arg 2 must be a type, a tuple of types, or a union");
  return -1;
}

Value builtin_isinstance(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords("isinstance", kwnames) || !expect_positional("isinstance", nargs, 2, 2))
    return Value();
  int r = isinstance_check(args[0], args[1]);
  return r < 0 ? Value() : Bool(r);
}

// Same shape as isinstance_check; CPython checks arg 1 before arg 2 once cls
// is neither a type nor a tuple.
int issubclass_check(Value derived, Value cls) {
  int hooked = metaclass_subclasscheck(derived, cls);
  if (hooked != kNoCheckHook) return hooked;
  if (is_tuple(cls)) {
    if (!enter_native_recursion(" in __subclasscheck__")) return -1;
    Tuple* t = cls.as<Tuple>();
    int result = 0;
    for (int64_t i = 0; i < t->size && result == 0; ++i)
      result = issubclass_check(derived, t->items[i]);
    leave_native_recursion();
    return result;
  }
  if (!is_type_object(derived)) {
    raise(&TypeErrorType, "issubclass() arg 1 must be a class");
    return -1;
  }
  int alias = generic_alias_kind(cls);
  if (alias == 2) return issubclass_check(derived, union_args(cls));
  if (alias == 1) {
    raise(&TypeErrorType, "issubclass() argument 2 cannot be a parameterized generic");
    return -1;
  }
  if (!is_type_object(cls)) {
    raise(&TypeErrorType, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
  }
  return is_subtype(derived.as<Type>(), cls.as<Type>()) ? 1 : 0;
}

Value builtin_issubclass(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords("issubclass", kwnames) || !expect_positional("issubclass", nargs, 2, 2))
    return Value();
  int r = issubclass_check(args[0], args[1]);
  return r < 0 ? Value() : Bool(r);
}

// ---------------------------------------------------------------------------
// Attributes
// ---------------------------------------------------------------------------

Value builtin_getattr(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords("getattr", kwnames) || !expect_positional("getattr", nargs, 2, 3))
    return Value();
  Str* name = attribute_name(args[1]);
  if (name == nullptr) return Value();
  Value result = obj_getattr(args[0], name);
  if (result.is_null() && nargs == 3 && error_matches(&AttributeErrorType)) {
    error_clear();
    return args[2];
  }
  return result;
}

Value builtin_hasattr(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords("hasattr", kwnames) || !expect_positional("hasattr", nargs, 2, 2))
    return Value();
  Str* name = attribute_name(args[1]);
  if (name == nullptr) return Value();
  if (!obj_getattr(args[0], name).is_null()) return True();
  if (!error_matches(&AttributeErrorType)) return Value();
  error_clear();
  return False();
}

Value builtin_setattr(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords("setattr", kwnames) || !expect_positional("setattr", nargs, 3, 3))
    return Value();
  Str* name = attribute_name(args[1]);
  if (name == nullptr || obj_setattr(args[0], name, args[2]) < 0) return Value();
  return None();
}

Value builtin_delattr(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords("delattr", kwnames) || !expect_positional("delattr", nargs, 2, 2))
    return Value();
  Str* name = attribute_name(args[1]);
  if (name == nullptr || obj_setattr(args[0], name, Value()) < 0) return Value();
  return None();
}

// vars(obj) is obj.__dict__; vars() is locals(), which needs the caller's
// frame, so it defers to the frame-aware `locals` builtin.
Value builtin_vars(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords("vars", kwnames) || !expect_positional("vars", nargs, 0, 1)) return Value();
  if (nargs == 0) {
    Value locals = g_builtins ? dict_get_str(g_builtins, str_intern("locals")) : Value();
    if (locals.is_null()) return raise(&RuntimeErrorType, "vars(): no locals() available");
    return call0(locals);
  }
  Value d = obj_getattr_cstr(args[0], "__dict__");
  if (d.is_null() && error_matches(&AttributeErrorType)) {
    error_clear();
    return raise(&TypeErrorType, "vars() argument must have __dict__ attribute");
  }
  return d;
}

// ---------------------------------------------------------------------------
// Numbers (the arithmetic itself lives in the number types)
// ---------------------------------------------------------------------------

// The special method `name` of a class statement's instance (defined or
// inherited), else null. Built-in types are dispatched natively, so only
// heap types are asked.
Value user_special(Value obj, const char* name) {
  Type* t = type_of(obj);
  if (!(t->flags & kTypeHeap)) return Value();
  return type_lookup(t, str_intern(name));
}

Value builtin_abs(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("abs", nargs, kwnames, 1, 1)) return Value();
  Value method = user_special(args[0], "__abs__");
  if (!method.is_null()) return call1(method, args[0]);
  return number_abs(args[0]);
}

// divmod tries a.__divmod__(b), then b.__rdivmod__(a), then the numbers
// (which raise "unsupported operand type(s) for divmod()" for the rest).
Value builtin_divmod(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords("divmod", kwnames) || !expect_positional("divmod", nargs, 2, 2))
    return Value();
  Value a = args[0], b = args[1];
  const struct {
    Value self, other;
    const char* name;
  } attempts[] = {{a, b, "__divmod__"}, {b, a, "__rdivmod__"}};
  for (const auto& attempt : attempts) {
    Value method = user_special(attempt.self, attempt.name);
    if (method.is_null()) continue;
    Value argv[2] = {attempt.self, attempt.other};
    Value result = call(method, argv, 2);
    if (result.is_null() || result != NotImplemented()) return result;
  }
  return number_divmod(a, b);
}

Value builtin_round(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value bound[2];
  if (!bind_args("round", args, nargs, kwnames, {"number", "ndigits"}, 1, bound)) return Value();
  Value number = bound[0], ndigits = bound[1];
  if (!ndigits.is_null() && is_none(ndigits)) ndigits = Value();
  Value method = user_special(number, "__round__");
  if (!method.is_null()) {
    Value argv[2] = {number, ndigits};
    return call(method, argv, ndigits.is_null() ? 1 : 2);
  }
  return number_round(number, ndigits);
}

Value builtin_pow(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value bound[3];
  if (!bind_args("pow", args, nargs, kwnames, {"base", "exp", "mod"}, 2, bound)) return Value();
  Value base = bound[0], exp = bound[1], mod = bound[2];
  if (mod.is_null() || is_none(mod)) return binary_op(base, exp, BinaryOp::Pow);
  if (is_int(base) && is_int(exp) && is_int(mod)) return int_pow_mod(base, exp, mod);
  if (is_complex(base) || is_complex(exp) || is_complex(mod)) return raise(&ValueErrorType, "complex modulo");
  // What CPython's slots do with three operands: float's pow refuses a
  // modulus once base and exp are numbers; otherwise nobody handles them.
  auto is_number = [](Value v) { return is_int(v) || is_float(v); };
  if (is_number(base) && is_number(exp) && (is_float(base) || is_float(exp) || is_float(mod)))
    return raise(&TypeErrorType,
                 "pow() 3rd argument not allowed unless all arguments are integers");
  return raise(&TypeErrorType,
               "unsupported operand type(s) for ** or pow(): '%.100s', '%.100s', '%.100s'",
               type_name(base), type_name(exp), type_name(mod));
}

// ---------------------------------------------------------------------------
// The namespace
// ---------------------------------------------------------------------------

struct NamedType {
  const char* name;
  Type* type;
};

const NamedType kBuiltinTypes[] = {
    {"object", &ObjectType}, {"type", &TypeType},   {"int", &IntType},     {"bool", &BoolType},
    {"float", &FloatType},   {"str", &StrType},     {"list", &ListType},   {"tuple", &TupleType},
    {"dict", &DictType},     {"range", &RangeType}, {"slice", &SliceType},
    {"set", &SetType},       {"frozenset", &FrozenSetType},
    {"bytes", &BytesType},   {"bytearray", &ByteArrayType},
    {"complex", &ComplexType},
};

struct NamedFunction {
  const char* name;
  NativeFn fn;
};

const NamedFunction kBuiltinFunctions[] = {
    {"print", builtin_print},
    {"input", builtin_input},
    {"open", builtin_open},
    {"len", builtin_len},
    {"repr", builtin_repr},
    {"ascii", builtin_ascii},
    {"hash", builtin_hash},
    {"id", builtin_id},
    {"callable", builtin_callable},
    {"chr", builtin_chr},
    {"ord", builtin_ord},
    {"isinstance", builtin_isinstance},
    {"issubclass", builtin_issubclass},
    {"getattr", builtin_getattr},
    {"hasattr", builtin_hasattr},
    {"setattr", builtin_setattr},
    {"delattr", builtin_delattr},
    {"vars", builtin_vars},
    {"abs", builtin_abs},
    {"divmod", builtin_divmod},
    {"round", builtin_round},
    {"pow", builtin_pow},
};

}  // namespace

void builtins_init(Dict* builtins) {
  g_builtins = builtins;
  for (const NamedType& t : kBuiltinTypes)
    dict_set_str(builtins, str_intern(t.name), Value(t.type));
  exceptions_add_builtins(builtins);  // every exception class, aliases included
  dict_set_str(builtins, str_intern("None"), None());
  dict_set_str(builtins, str_intern("True"), True());
  dict_set_str(builtins, str_intern("False"), False());
  dict_set_str(builtins, str_intern("Ellipsis"), Value(&EllipsisObject));
  dict_set_str(builtins, str_intern("NotImplemented"), NotImplemented());
  for (const NamedFunction& f : kBuiltinFunctions)
    dict_set_str(builtins, str_intern(f.name), native_function_new(f.name, f.fn));
  builtins_iter_init(builtins);
  builtins_reduce_init(builtins);
  builtins_introspect_init(builtins);
  builtins_format_init(builtins);
}

}  // namespace pg
