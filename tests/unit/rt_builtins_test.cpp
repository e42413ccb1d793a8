// The builtins module (modules/builtins*.cpp) and the time and os modules,
// called the way compiled code calls them: through the builtins dict with
// native arguments. Expected results and messages come from CPython 3.11.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cmath>
#include <csignal>
#include <string>
#include <utility>

#include "modules/modules.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/layouts.h"
#include "objects/object.h"
#include "vm/thread_state.h"

namespace pg {
namespace {

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------
Value S(const char* text) { return str_from_cstr(text); }
Value I(int64_t v) { return int_from_i64(v); }
Value F(double v) { return float_new(v); }
Value L(std::initializer_list<Value> items) {
  return Value(list_from_array(items.begin(), int64_t(items.size())));
}
Value T(std::initializer_list<Value> items) { return Value(tuple_from(items)); }
Value type_value(Type* t) { return Value(t); }

Value builtin(const char* name) {
  Value v = dict_get_str(g_runtime.builtins, str_intern(name));
  EXPECT_FALSE(v.is_null()) << "builtins has no " << name;
  return v;
}

using Keywords = std::initializer_list<std::pair<const char*, Value>>;

// f(*pos, **kw) with the vectorcall convention.
Value call_with(Value f, std::initializer_list<Value> pos, Keywords kw = {}) {
  std::vector<Value> argv(pos);
  Tuple* names = nullptr;
  if (kw.size() > 0) {
    names = tuple_new(int64_t(kw.size()));
    int64_t i = 0;
    for (const auto& [name, value] : kw) {
      tuple_items(names)[i++] = Value(str_intern(name));
      argv.push_back(value);
    }
  }
  return call(f, argv.data(), pos.size(), names);
}

Value B(const char* name, std::initializer_list<Value> pos, Keywords kw = {}) {
  return call_with(builtin(name), pos, kw);
}

std::string take_error() {
  if (!error_occurred()) return "<no error>";
  Value e = error_fetch();
  return std::string(type_name(e)) + ": " + exception_message(e);
}

// repr() of a result, or the pending error as "Type: message".
std::string R(Value v) {
  if (v.is_null()) return take_error();
  Value r = obj_repr(v);
  if (r.is_null()) return "repr failed: " + take_error();
  return std::string(str_view(r.as<Str>()));
}

// list(iterable) as repr text.
std::string LR(Value iterable) {
  if (iterable.is_null()) return take_error();
  return R(list_from_iterable(iterable));
}

Value module(const char* name) {
  ModuleInitFn init = find_builtin_module(name);
  EXPECT_NE(init, nullptr) << name;
  return init();
}

Value M(Value m, const char* name, std::initializer_list<Value> pos, Keywords kw = {}) {
  Value f = obj_getattr_cstr(m, name);
  EXPECT_FALSE(f.is_null()) << name;
  return call_with(f, pos, kw);
}

// ---------------------------------------------------------------------------
// The namespace
// ---------------------------------------------------------------------------
TEST(Builtins, NamespaceHoldsTypesConstantsAndFunctions) {
  EXPECT_EQ(builtin("int"), type_value(&IntType));
  EXPECT_EQ(builtin("object"), type_value(&ObjectType));
  EXPECT_EQ(builtin("type"), type_value(&TypeType));
  EXPECT_EQ(builtin("slice"), type_value(&SliceType));
  EXPECT_EQ(builtin("ValueError"), type_value(&ValueErrorType));
  EXPECT_EQ(builtin("IOError"), type_value(&OSErrorType));
  EXPECT_EQ(builtin("None"), None());
  EXPECT_EQ(builtin("True"), True());
  EXPECT_EQ(builtin("Ellipsis"), Value(&EllipsisObject));
  EXPECT_EQ(builtin("NotImplemented"), NotImplemented());
  for (const char* name :
       {"print",      "len",      "repr",    "abs",     "min",     "max",     "sum",  "isinstance",
        "issubclass", "sorted",   "chr",     "ord",     "hash",    "id",      "iter", "next",
        "any",        "all",      "divmod",  "round",   "pow",     "hex",     "oct",  "bin",
        "format",     "callable", "getattr", "setattr", "hasattr", "delattr", "vars", "input"})
    EXPECT_EQ(type_of(builtin(name)), &NativeFunctionType) << name;
  EXPECT_EQ(R(builtin("len")), "<built-in function len>");
  for (const char* name : {"enumerate", "zip", "map", "filter", "reversed"})
    EXPECT_EQ(R(builtin(name)), std::string("<class '") + name + "'>");
}

// ---------------------------------------------------------------------------
// print
// ---------------------------------------------------------------------------
std::string captured_print(std::initializer_list<Value> pos, Keywords kw = {}) {
  testing::internal::CaptureStdout();
  Value r = B("print", pos, kw);
  fflush(stdout);
  std::string out = testing::internal::GetCapturedStdout();
  if (r.is_null()) return take_error();
  EXPECT_EQ(r, None());
  return out;
}

TEST(Builtins, Print) {
  EXPECT_EQ(captured_print({}), "\n");
  EXPECT_EQ(captured_print({S("a"), I(1), F(2.5), None(), L({I(1), S("x")})}),
            "a 1 2.5 None [1, 'x']\n");
  EXPECT_EQ(captured_print({S("a"), S("b")}, {{"sep", S("")}, {"end", S("!")}}), "ab!");
  EXPECT_EQ(captured_print({S("a"), S("b")}, {{"sep", None()}, {"end", None()}}), "a b\n");
  EXPECT_EQ(captured_print({I(-42), I(int64_t(1) << 61)}, {{"flush", True()}, {"file", None()}}),
            "-42 2305843009213693952\n");
  EXPECT_EQ(captured_print({S("é"), S("😀")}, {{"sep", S("·")}}), "é·😀\n");
  EXPECT_EQ(captured_print({}, {{"sep", I(1)}}),
            "TypeError: sep must be None or a string, not int");
  EXPECT_EQ(captured_print({}, {{"end", F(1)}}),
            "TypeError: end must be None or a string, not float");
  EXPECT_EQ(captured_print({}, {{"foo", I(1)}}),
            "TypeError: 'foo' is an invalid keyword argument for print()");
  EXPECT_EQ(captured_print({S("x")}, {{"file", I(1)}}),
            "AttributeError: 'int' object has no attribute 'write'");
}

// ---------------------------------------------------------------------------
// Object functions
// ---------------------------------------------------------------------------
TEST(Builtins, LenReprHashIdCallable) {
  EXPECT_EQ(R(B("len", {S("héllo")})), "5");
  EXPECT_EQ(R(B("len", {L({I(1), I(2)})})), "2");
  EXPECT_EQ(R(B("len", {I(1)})), "TypeError: object of type 'int' has no len()");
  EXPECT_EQ(R(B("len", {})), "TypeError: len() takes exactly one argument (0 given)");
  EXPECT_EQ(R(B("len", {S("a"), S("b")})), "TypeError: len() takes exactly one argument (2 given)");
  EXPECT_EQ(R(B("len", {}, {{"x", I(1)}})), "TypeError: len() takes no keyword arguments");
  EXPECT_EQ(R(B("repr", {S("it's")})), "'\"it\\'s\"'");  // repr(repr("it's"))
  EXPECT_EQ(R(B("hash", {I(7)})), "7");
  EXPECT_EQ(R(B("hash", {L({})})), "TypeError: unhashable type: 'list'");
  EXPECT_EQ(R(B("hash", {S("abc")})), R(B("hash", {S("abc")})));
  Value l = L({});
  EXPECT_EQ(R(B("id", {l})), R(B("id", {l})));
  EXPECT_EQ(R(B("id", {I(5)})), R(B("id", {I(5)})));
  EXPECT_NE(R(B("id", {L({})})), R(B("id", {l})));
  EXPECT_EQ(R(B("callable", {builtin("len")})), "True");
  EXPECT_EQ(R(B("callable", {type_value(&IntType)})), "True");
  EXPECT_EQ(R(B("callable", {I(1)})), "False");
  EXPECT_EQ(R(B("callable", {})), "TypeError: callable() takes exactly one argument (0 given)");
}

TEST(Builtins, ChrOrd) {
  EXPECT_EQ(R(B("chr", {I(65)})), "'A'");
  EXPECT_EQ(R(B("chr", {I(233)})), "'é'");
  EXPECT_EQ(R(B("chr", {I(0x1F600)})), "'😀'");
  EXPECT_EQ(R(B("chr", {True()})), "'\\x01'");
  EXPECT_EQ(R(B("chr", {I(-1)})), "ValueError: chr() arg not in range(0x110000)");
  EXPECT_EQ(R(B("chr", {I(0x110000)})), "ValueError: chr() arg not in range(0x110000)");
  EXPECT_EQ(R(B("chr", {I(int64_t(1) << 40)})),
            "OverflowError: Python int too large to convert to C int");
  EXPECT_EQ(R(B("chr", {S("a")})), "TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(R(B("chr", {F(1.5)})), "TypeError: 'float' object cannot be interpreted as an integer");
  EXPECT_EQ(R(B("ord", {S("A")})), "65");
  EXPECT_EQ(R(B("ord", {S("😀")})), "128512");
  EXPECT_EQ(R(B("ord", {S("ab")})),
            "TypeError: ord() expected a character, but string of length 2 found");
  EXPECT_EQ(R(B("ord", {S("")})),
            "TypeError: ord() expected a character, but string of length 0 found");
  EXPECT_EQ(R(B("ord", {I(1)})), "TypeError: ord() expected string of length 1, but int found");
}

TEST(Builtins, IsinstanceIssubclass) {
  Value int_t = type_value(&IntType), str_t = type_value(&StrType), list_t = type_value(&ListType);
  EXPECT_EQ(R(B("isinstance", {I(1), int_t})), "True");
  EXPECT_EQ(R(B("isinstance", {True(), int_t})), "True");
  EXPECT_EQ(R(B("isinstance", {I(1), type_value(&BoolType)})), "False");
  EXPECT_EQ(R(B("isinstance", {I(1), T({str_t, T({list_t, int_t})})})), "True");
  EXPECT_EQ(R(B("isinstance", {F(1), T({})})), "False");
  EXPECT_EQ(R(B("isinstance", {I(1), T({int_t, I(1)})})), "True");  // stops at the match
  EXPECT_EQ(R(B("isinstance", {I(1), T({str_t, I(1)})})),
            "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
  EXPECT_EQ(R(B("isinstance", {I(1), L({int_t})})),
            "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
  EXPECT_EQ(R(B("isinstance", {I(1)})), "TypeError: isinstance expected 2 arguments, got 1");
  EXPECT_EQ(R(B("isinstance", {int_t, type_value(&TypeType)})), "True");
  EXPECT_EQ(R(B("issubclass", {type_value(&BoolType), int_t})), "True");
  EXPECT_EQ(R(B("issubclass", {type_value(&BoolType), T({str_t, int_t})})), "True");
  EXPECT_EQ(R(B("issubclass", {int_t, type_value(&BoolType)})), "False");
  EXPECT_EQ(R(B("issubclass", {type_value(&KeyErrorType), type_value(&LookupErrorType)})), "True");
  EXPECT_EQ(R(B("issubclass", {I(1), T({})})), "False");
  EXPECT_EQ(R(B("issubclass", {I(1), int_t})), "TypeError: issubclass() arg 1 must be a class");
  EXPECT_EQ(R(B("issubclass", {I(1), I(1)})), "TypeError: issubclass() arg 1 must be a class");
  EXPECT_EQ(R(B("issubclass", {int_t, I(1)})),
            "TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union");
  EXPECT_EQ(R(B("issubclass", {int_t, T({str_t, I(1)})})),
            "TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

TEST(Builtins, Attributes) {
  Value m = module_new("scratch");
  Value name = S("x");
  EXPECT_EQ(R(B("hasattr", {m, name})), "False");
  EXPECT_EQ(R(B("getattr", {m, name})), "AttributeError: module 'scratch' has no attribute 'x'");
  EXPECT_EQ(R(B("getattr", {m, name, I(7)})), "7");
  EXPECT_EQ(R(B("setattr", {m, name, I(3)})), "None");
  // A name built at run time (not interned) finds the same attribute.
  Value runtime_name = Value(str_concat(str_new("x"), str_empty()));
  EXPECT_EQ(R(B("getattr", {m, runtime_name})), "3");
  EXPECT_EQ(R(B("hasattr", {m, name})), "True");
  EXPECT_EQ(R(B("delattr", {m, name})), "None");
  EXPECT_EQ(R(B("hasattr", {m, name})), "False");
  EXPECT_EQ(R(B("hasattr", {L({}), S("append")})), "True");
  EXPECT_EQ(R(B("getattr", {I(1), I(2)})), "TypeError: attribute name must be string, not 'int'");
  EXPECT_EQ(R(B("getattr", {I(1), I(2), I(3)})),
            "TypeError: attribute name must be string, not 'int'");
  EXPECT_EQ(R(B("hasattr", {I(1), I(2)})), "TypeError: attribute name must be string, not 'int'");
  EXPECT_EQ(R(B("getattr", {I(1)})), "TypeError: getattr expected at least 2 arguments, got 1");
  EXPECT_EQ(R(B("getattr", {I(1), name, I(2), I(3)})),
            "TypeError: getattr expected at most 3 arguments, got 4");
  EXPECT_EQ(R(B("setattr", {I(1), name})), "TypeError: setattr expected 3 arguments, got 2");
  EXPECT_EQ(R(B("delattr", {I(1)})), "TypeError: delattr expected 2 arguments, got 1");
  EXPECT_EQ(R(B("vars", {I(1)})), "TypeError: vars() argument must have __dict__ attribute");
  EXPECT_EQ(B("vars", {m}), Value(module_dict(m)));
  EXPECT_EQ(R(B("vars", {I(1), I(2)})), "TypeError: vars expected at most 1 argument, got 2");
}

// ---------------------------------------------------------------------------
// Numbers and formatting
// ---------------------------------------------------------------------------
TEST(Builtins, NumberFunctions) {
  EXPECT_EQ(R(B("abs", {I(-5)})), "5");
  EXPECT_EQ(R(B("abs", {F(-2.5)})), "2.5");
  EXPECT_EQ(R(B("abs", {S("a")})), "TypeError: bad operand type for abs(): 'str'");
  EXPECT_EQ(R(B("divmod", {I(7), I(-2)})), "(-4, -1)");
  EXPECT_EQ(R(B("divmod", {F(7.5), I(2)})), "(3.0, 1.5)");
  EXPECT_EQ(R(B("divmod", {I(1), I(0)})), "ZeroDivisionError: integer division or modulo by zero");
  EXPECT_EQ(R(B("divmod", {I(1)})), "TypeError: divmod expected 2 arguments, got 1");
  EXPECT_EQ(R(B("round", {F(2.5)})), "2");
  EXPECT_EQ(R(B("round", {F(2.675), I(2)})), "2.67");
  EXPECT_EQ(R(B("round", {F(1.5)}, {{"ndigits", None()}})), "2");
  EXPECT_EQ(R(B("round", {S("a")})), "TypeError: type str doesn't define __round__ method");
  EXPECT_EQ(R(B("round", {})), "TypeError: round() missing required argument 'number' (pos 1)");
  EXPECT_EQ(R(B("pow", {I(2), I(10)})), "1024");
  EXPECT_EQ(R(B("pow", {I(2), I(-1)})), "0.5");
  EXPECT_EQ(R(B("pow", {I(3), I(4), I(5)})), "1");
  EXPECT_EQ(R(B("pow", {}, {{"base", I(2)}, {"exp", I(3)}, {"mod", None()}})), "8");
  EXPECT_EQ(R(B("pow", {I(2), I(-1), I(5)})), "3");
  EXPECT_EQ(R(B("pow", {I(2), I(3), F(4)})),
            "TypeError: pow() 3rd argument not allowed unless all arguments are integers");
  EXPECT_EQ(R(B("pow", {S("a"), I(2), I(3)})),
            "TypeError: unsupported operand type(s) for ** or pow(): 'str', 'int', 'int'");
  EXPECT_EQ(R(B("pow", {I(1)})), "TypeError: pow() missing required argument 'exp' (pos 2)");
}

TEST(Builtins, HexOctBinFormat) {
  EXPECT_EQ(R(B("hex", {I(255)})), "'0xff'");
  EXPECT_EQ(R(B("hex", {I(-255)})), "'-0xff'");
  EXPECT_EQ(R(B("oct", {I(-8)})), "'-0o10'");
  EXPECT_EQ(R(B("bin", {I(0)})), "'0b0'");
  EXPECT_EQ(R(B("bin", {True()})), "'0b1'");
  EXPECT_EQ(R(B("hex", {F(1.5)})), "TypeError: 'float' object cannot be interpreted as an integer");
  EXPECT_EQ(R(B("format", {I(255), S("x")})), "'ff'");
  EXPECT_EQ(R(B("format", {True()})), "'True'");
  EXPECT_EQ(R(B("format", {True(), S("d")})), "'1'");
  EXPECT_EQ(R(B("format", {F(1.5)})), "'1.5'");
  EXPECT_EQ(R(B("format", {F(3.14159), S(".2f")})), "'3.14'");
  EXPECT_EQ(R(B("format", {None()})), "'None'");
  EXPECT_EQ(R(B("format", {S("ab"), S(">5")})), "'   ab'");
  EXPECT_EQ(R(B("format", {S("ab"), S("*^6")})), "'**ab**'");
  EXPECT_EQ(R(B("format", {S("ab"), S("^7.1")})), "'   a   '");
  EXPECT_EQ(R(B("format", {S("abc"), S("10.2s")})), "'ab        '");
  EXPECT_EQ(R(B("format", {S("ab"), S("05")})), "'ab000'");
  EXPECT_EQ(R(B("format", {S("日本"), S("·^6")})), "'··日本··'");
  EXPECT_EQ(R(B("format", {S("ab"), S("=5")})),
            "ValueError: '=' alignment not allowed in string format specifier");
  EXPECT_EQ(R(B("format", {S("ab"), S("+")})),
            "ValueError: Sign not allowed in string format specifier");
  EXPECT_EQ(R(B("format", {S("ab"), S(" ")})),
            "ValueError: Space not allowed in string format specifier");
  EXPECT_EQ(R(B("format", {S("ab"), S("#")})),
            "ValueError: Alternate form (#) not allowed in string format specifier");
  EXPECT_EQ(R(B("format", {S("ab"), S(",")})), "ValueError: Cannot specify ',' with 's'.");
  EXPECT_EQ(R(B("format", {S("ab"), S(".")})), "ValueError: Format specifier missing precision");
  EXPECT_EQ(R(B("format", {S("ab"), S("ss")})),
            "ValueError: Invalid format specifier 'ss' for object of type 'str'");
  EXPECT_EQ(R(B("format", {S("a"), S("d")})),
            "ValueError: Unknown format code 'd' for object of type 'str'");
  EXPECT_EQ(R(B("format", {L({}), S("x")})),
            "TypeError: unsupported format string passed to list.__format__");
  EXPECT_EQ(R(B("format", {I(1), I(1)})), "TypeError: format() argument 2 must be str, not int");
  EXPECT_EQ(R(B("format", {})), "TypeError: format expected at least 1 argument, got 0");
}

// ---------------------------------------------------------------------------
// Reductions
// ---------------------------------------------------------------------------
TEST(Builtins, MinMax) {
  EXPECT_EQ(R(B("min", {I(3), I(1), I(2)})), "1");
  EXPECT_EQ(R(B("max", {L({I(5), I(-2), I(9)})})), "9");
  EXPECT_EQ(R(B("max", {S("hello")})), "'o'");
  EXPECT_EQ(R(B("max", {I(1), F(1.0)})), "1");  // the first of equals wins
  EXPECT_EQ(R(B("min", {F(-0.0), I(0)})), "-0.0");
  EXPECT_EQ(R(B("max", {L({S("bb"), S("a"), S("ccc")})}, {{"key", builtin("len")}})), "'ccc'");
  EXPECT_EQ(R(B("min", {I(2), I(1)}, {{"key", None()}})), "1");
  EXPECT_EQ(R(B("max", {L({})}, {{"default", None()}})), "None");
  EXPECT_EQ(R(B("max", {L({})})), "ValueError: max() arg is an empty sequence");
  EXPECT_EQ(R(B("min", {L({})}, {{"key", None()}})), "ValueError: min() arg is an empty sequence");
  EXPECT_EQ(R(B("max", {})), "TypeError: max expected at least 1 argument, got 0");
  EXPECT_EQ(R(B("max", {}, {{"key", builtin("len")}})),
            "TypeError: max expected at least 1 argument, got 0");
  EXPECT_EQ(R(B("max", {I(1), I(2)}, {{"default", I(3)}})),
            "TypeError: Cannot specify a default for max() with multiple positional arguments");
  EXPECT_EQ(R(B("max", {I(1)})), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(B("max", {I(1)}, {{"foo", I(2)}})),
            "TypeError: 'foo' is an invalid keyword argument for max()");
  EXPECT_EQ(R(B("max", {I(1), S("a")})),
            "TypeError: '>' not supported between instances of 'str' and 'int'");
}

TEST(Builtins, Sum) {
  EXPECT_EQ(R(B("sum", {L({})})), "0");
  EXPECT_EQ(R(B("sum", {L({I(1), I(2), I(3)})})), "6");
  EXPECT_EQ(R(B("sum", {L({True(), True(), False()})})), "2");
  EXPECT_EQ(R(B("sum", {L({}), True()})), "True");
  EXPECT_EQ(R(B("sum", {L({F(1.5), F(2.5)})})), "4.0");
  EXPECT_EQ(R(B("sum", {L({I(1), F(2.5), I(3)}), F(0.5)})), "7.0");
  std::vector<Value> tenths(10, F(0.1));
  EXPECT_EQ(R(B("sum", {Value(list_from_array(tenths.data(), 10))})), "0.9999999999999999");
  Value big = I(Value::kSmallMax);
  EXPECT_EQ(R(B("sum", {L({big, big, big})})), "13835058055282163709");
  EXPECT_EQ(R(B("sum", {L({I(INT64_MAX), I(1), F(1.0)})})), "9.223372036854776e+18");
  EXPECT_EQ(R(B("sum", {L({L({I(1)}), L({I(2)})}), L({})})), "[1, 2]");
  EXPECT_EQ(R(B("sum", {L({I(1), I(2)})}, {{"start", F(0.0)}})), "3.0");
  EXPECT_EQ(R(B("sum", {L({}), S("")})),
            "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
  EXPECT_EQ(R(B("sum", {I(1), S("")})), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(B("sum", {L({I(1), S("a")})})),
            "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
  EXPECT_EQ(R(B("sum", {})), "TypeError: sum() takes at least 1 positional argument (0 given)");
  EXPECT_EQ(R(B("sum", {L({}), I(2), I(3)})),
            "TypeError: sum() takes at most 2 arguments (3 given)");
  EXPECT_EQ(R(B("sum", {L({})}, {{"foo", I(3)}})),
            "TypeError: 'foo' is an invalid keyword argument for sum()");
}

TEST(Builtins, SortedAnyAll) {
  Value data = L({I(5), I(2), I(9), I(1)});
  EXPECT_EQ(R(B("sorted", {data})), "[1, 2, 5, 9]");
  EXPECT_EQ(R(data), "[5, 2, 9, 1]");  // a new list
  EXPECT_EQ(R(B("sorted", {data}, {{"reverse", True()}})), "[9, 5, 2, 1]");
  EXPECT_EQ(R(B("sorted", {L({S("ccc"), S("a"), S("bb")})}, {{"key", builtin("len")}})),
            "['a', 'bb', 'ccc']");
  EXPECT_EQ(R(B("sorted", {S("bca")}, {{"key", None()}, {"reverse", I(0)}})), "['a', 'b', 'c']");
  EXPECT_EQ(R(B("sorted", {})), "TypeError: sorted expected 1 argument, got 0");
  EXPECT_EQ(R(B("sorted", {data, None()})), "TypeError: sorted expected 1 argument, got 2");
  EXPECT_EQ(R(B("sorted", {data}, {{"foo", I(1)}})),
            "TypeError: 'foo' is an invalid keyword argument for sort()");
  EXPECT_EQ(R(B("sorted", {data}, {{"reverse", None()}})),
            "TypeError: 'NoneType' object cannot be interpreted as an integer");
  EXPECT_EQ(R(B("sorted", {I(1)}, {{"reverse", None()}})),
            "TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(B("any", {L({I(0), S(""), None()})})), "False");
  EXPECT_EQ(R(B("any", {L({I(0), I(2)})})), "True");
  EXPECT_EQ(R(B("any", {L({})})), "False");
  EXPECT_EQ(R(B("all", {L({})})), "True");
  EXPECT_EQ(R(B("all", {L({I(1), I(0)})})), "False");
  EXPECT_EQ(R(B("all", {I(1)})), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(B("all", {})), "TypeError: all() takes exactly one argument (0 given)");
}

// ---------------------------------------------------------------------------
// Iterators
// ---------------------------------------------------------------------------
TEST(Builtins, IterNext) {
  Value it = B("iter", {L({I(1)})});
  EXPECT_EQ(R(B("next", {it})), "1");
  EXPECT_EQ(R(B("next", {it, I(7)})), "7");
  EXPECT_EQ(R(B("next", {it})), "StopIteration: ");
  EXPECT_EQ(R(B("next", {L({})})), "TypeError: 'list' object is not an iterator");
  EXPECT_EQ(R(B("next", {})), "TypeError: next expected at least 1 argument, got 0");
  EXPECT_EQ(R(B("iter", {I(1)})), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(B("iter", {I(1), I(2)})), "TypeError: iter(v, w): v must be callable");
  EXPECT_EQ(R(B("iter", {})), "TypeError: iter expected at least 1 argument, got 0");
  EXPECT_EQ(R(B("iter", {I(1), I(2), I(3)})),
            "TypeError: iter expected at most 2 arguments, got 3");
  EXPECT_EQ(R(B("iter", {L({})}, {{"x", I(1)}})), "TypeError: iter() takes no keyword arguments");
  // iter(callable, sentinel): [1, 2, 3].pop until it returns 1.
  Value pop = obj_getattr_cstr(L({I(1), I(2), I(3)}), "pop");
  Value calls = B("iter", {pop, I(1)});
  EXPECT_EQ(type_name(calls), std::string("callable_iterator"));
  EXPECT_EQ(LR(calls), "[3, 2]");
  EXPECT_EQ(LR(calls), "[]");
}

TEST(Builtins, Enumerate) {
  Value e = B("enumerate", {S("ab")});
  EXPECT_EQ(type_of(e), builtin("enumerate").as<Type>());
  EXPECT_EQ(B("iter", {e}), e);
  EXPECT_EQ(LR(e), "[(0, 'a'), (1, 'b')]");
  EXPECT_EQ(LR(B("enumerate", {S("ab")}, {{"start", I(-1)}})), "[(-1, 'a'), (0, 'b')]");
  EXPECT_EQ(LR(B("enumerate", {}, {{"iterable", S("a")}, {"start", True()}})), "[(1, 'a')]");
  EXPECT_EQ(LR(B("enumerate", {S("ab"), I(Value::kSmallMax)})),
            "[(4611686018427387903, 'a'), (4611686018427387904, 'b')]");
  EXPECT_EQ(R(B("enumerate", {})), "TypeError: enumerate() missing required argument 'iterable'");
  EXPECT_EQ(R(B("enumerate", {I(1)})), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(B("enumerate", {L({}), S("a")})),
            "TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(R(B("enumerate", {L({}), I(1), I(2)})),
            "TypeError: enumerate() takes at most 2 arguments (3 given)");
  EXPECT_EQ(R(B("enumerate", {L({})}, {{"foo", I(1)}})),
            "TypeError: 'foo' is an invalid keyword argument for enumerate()");
}

TEST(Builtins, Zip) {
  EXPECT_EQ(LR(B("zip", {L({I(1), I(2), I(3)}), S("ab")})), "[(1, 'a'), (2, 'b')]");
  EXPECT_EQ(LR(B("zip", {})), "[]");
  EXPECT_EQ(LR(B("zip", {S("ab")}, {{"strict", True()}})), "[('a',), ('b',)]");
  EXPECT_EQ(LR(B("zip", {S("a"), S("ab")}, {{"strict", True()}})),
            "ValueError: zip() argument 2 is longer than argument 1");
  EXPECT_EQ(LR(B("zip", {S("ab"), S("a")}, {{"strict", True()}})),
            "ValueError: zip() argument 2 is shorter than argument 1");
  EXPECT_EQ(LR(B("zip", {S("ab"), S("ab"), S("a")}, {{"strict", True()}})),
            "ValueError: zip() argument 3 is shorter than arguments 1-2");
  EXPECT_EQ(LR(B("zip", {S("a"), S("a"), S("ab")}, {{"strict", True()}})),
            "ValueError: zip() argument 3 is longer than arguments 1-2");
  EXPECT_EQ(R(B("zip", {L({}), I(1)})), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(B("zip", {L({})}, {{"foo", I(1)}})),
            "TypeError: 'foo' is an invalid keyword argument for zip()");
  EXPECT_EQ(type_name(B("zip", {})), std::string("zip"));
}

TEST(Builtins, MapFilter) {
  EXPECT_EQ(LR(B("map", {builtin("len"), L({S("a"), S("abc")})})), "[1, 3]");
  EXPECT_EQ(LR(B("map", {builtin("pow"), L({I(2), I(3)}), L({I(3), I(2), I(1)})})), "[8, 9]");
  EXPECT_EQ(R(B("map", {builtin("len")})), "TypeError: map() must have at least two arguments.");
  EXPECT_EQ(R(B("map", {builtin("len"), L({})}, {{"x", I(1)}})),
            "TypeError: map() takes no keyword arguments");
  EXPECT_EQ(LR(B("map", {builtin("len"), L({I(1)})})),
            "TypeError: object of type 'int' has no len()");
  EXPECT_EQ(LR(B("filter", {None(), L({I(0), I(1), S(""), S("a")})})), "[1, 'a']");
  EXPECT_EQ(LR(B("filter", {type_value(&BoolType), L({I(0), I(2)})})), "[2]");
  EXPECT_EQ(LR(B("filter", {builtin("len"), L({S(""), S("x"), L({})})})), "['x']");
  EXPECT_EQ(R(B("filter", {builtin("len")})), "TypeError: filter expected 2 arguments, got 1");
  EXPECT_EQ(R(B("filter", {None(), L({})}, {{"x", I(1)}})),
            "TypeError: filter() takes no keyword arguments");
  EXPECT_EQ(type_name(B("filter", {None(), L({})})), std::string("filter"));
  EXPECT_EQ(type_name(B("map", {None(), L({})})), std::string("map"));
}

TEST(Builtins, Reversed) {
  EXPECT_EQ(LR(B("reversed", {L({I(1), I(2), I(3)})})), "[3, 2, 1]");
  EXPECT_EQ(LR(B("reversed", {T({I(1), I(2)})})), "[2, 1]");
  EXPECT_EQ(LR(B("reversed", {S("héllo")})), "['o', 'l', 'l', 'é', 'h']");
  EXPECT_EQ(LR(B("reversed", {range_new(0, 10, 3)})), "[9, 6, 3, 0]");
  EXPECT_EQ(LR(B("reversed", {range_new(5, 0, -2)})), "[1, 3, 5]");
  EXPECT_EQ(LR(B("reversed", {range_new(0, 0, 1)})), "[]");
  Dict* d = dict_new();
  dict_set(d, I(1), I(2));
  dict_set(d, I(3), I(4));
  dict_set(d, S("k"), I(5));
  dict_del(d, I(3));
  EXPECT_EQ(LR(B("reversed", {Value(d)})), "['k', 1]");
  Value rev = B("reversed", {Value(d)});
  dict_set(d, I(9), I(9));
  EXPECT_EQ(LR(rev), "RuntimeError: dictionary changed size during iteration");
  EXPECT_EQ(type_name(B("reversed", {T({})})), std::string("reversed"));
  EXPECT_EQ(type_name(B("reversed", {L({})})), std::string("list_reverseiterator"));
  EXPECT_EQ(R(B("reversed", {I(1)})), "TypeError: 'int' object is not reversible");
  EXPECT_EQ(R(B("reversed", {})), "TypeError: reversed expected 1 argument, got 0");
  EXPECT_EQ(R(B("reversed", {L({})}, {{"x", I(1)}})),
            "TypeError: reversed() takes no keyword arguments");
}

// ---------------------------------------------------------------------------
// time
// ---------------------------------------------------------------------------
TEST(TimeModule, Clocks) {
  Value time = module("time");
  Value t = M(time, "time", {});
  ASSERT_TRUE(is_float(t));
  EXPECT_GT(float_value(t), 1.6e9);
  EXPECT_TRUE(is_int(M(time, "time_ns", {})));
  EXPECT_TRUE(is_int(M(time, "perf_counter_ns", {})));
  EXPECT_TRUE(is_int(M(time, "monotonic_ns", {})));
  EXPECT_TRUE(is_float(M(time, "monotonic", {})));
  EXPECT_TRUE(is_float(M(time, "process_time", {})));
  double p0 = float_value(M(time, "perf_counter", {}));
  EXPECT_EQ(R(M(time, "sleep", {F(0.01)})), "None");
  EXPECT_EQ(R(M(time, "sleep", {I(0)})), "None");
  EXPECT_EQ(R(M(time, "sleep", {False()})), "None");
  EXPECT_GE(float_value(M(time, "perf_counter", {})) - p0, 0.009);
  EXPECT_EQ(R(M(time, "time", {I(1)})), "TypeError: time.time() takes no arguments (1 given)");
  EXPECT_EQ(R(obj_getattr_cstr(time, "sleep")), "<built-in function sleep>");
}

TEST(TimeModule, SleepErrors) {
  Value time = module("time");
  EXPECT_EQ(R(M(time, "sleep", {I(-1)})), "ValueError: sleep length must be non-negative");
  EXPECT_EQ(R(M(time, "sleep", {F(-1e-10)})), "ValueError: sleep length must be non-negative");
  EXPECT_EQ(R(M(time, "sleep", {S("a")})),
            "TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(R(M(time, "sleep", {F(NAN)})), "ValueError: Invalid value NaN (not a number)");
  EXPECT_EQ(R(M(time, "sleep", {F(1e300)})),
            "OverflowError: timestamp out of range for platform time_t");
  EXPECT_EQ(R(M(time, "sleep", {I(int64_t(1) << 62)})),
            "OverflowError: timestamp too large to convert to C _PyTime_t");
  EXPECT_EQ(R(M(time, "sleep", {})),
            "TypeError: time.sleep() takes exactly one argument (0 given)");
  EXPECT_EQ(R(M(time, "sleep", {}, {{"x", I(1)}})),
            "TypeError: time.sleep() takes no keyword arguments");
}

TEST(TimeModule, Strftime) {
  Value time = module("time");
  Value when = T({I(2020), I(1), I(2), I(3), I(4), I(5), I(6), I(7), I(8)});
  EXPECT_EQ(R(M(time, "strftime", {S("%Y-%m-%d %H:%M:%S %a %j"), when})),
            "'2020-01-02 03:04:05 Sun 007'");
  EXPECT_EQ(R(M(time, "strftime", {S(""), when})), "''");
  EXPECT_EQ(R(M(time, "strftime",
                {S("%Y"), T({I(2020), I(13), I(2), I(3), I(4), I(5), I(6), I(7), I(8)})})),
            "ValueError: month out of range");
  EXPECT_EQ(R(M(time, "strftime", {S("%Y"), T({I(2020), I(1)})})),
            "TypeError: strftime(): illegal time tuple argument");
  EXPECT_EQ(R(M(time, "strftime", {S("%Y"), L({})})),
            "TypeError: Tuple or struct_time argument required");
  EXPECT_EQ(R(M(time, "strftime", {I(1)})),
            "TypeError: strftime() argument 1 must be str, not int");
  Value year = M(time, "strftime", {S("%Y")});
  ASSERT_TRUE(is_str(year)) << R(year);
  EXPECT_EQ(str_length(year.as<Str>()), 4);
}

// ---------------------------------------------------------------------------
// os
// ---------------------------------------------------------------------------
TEST(OsModule, ProcessEnvironmentPaths) {
  Value os = module("os");
  EXPECT_EQ(R(M(os, "getpid", {})), std::to_string(getpid()));
  setenv("PYGLASS_TEST_VAR", "v\xff", 1);  // invalid UTF-8 becomes U+FFFD
  EXPECT_EQ(R(M(os, "getenv", {S("PYGLASS_TEST_VAR")})), "'v\xEF\xBF\xBD'");
  EXPECT_EQ(R(M(os, "getenv", {S("PYGLASS_NO_SUCH_VAR")})), "None");
  EXPECT_EQ(R(M(os, "getenv", {S("PYGLASS_NO_SUCH_VAR"), I(5)})), "5");
  EXPECT_EQ(R(M(os, "getenv", {}, {{"key", S("PYGLASS_NO_SUCH_VAR")}, {"default", I(1)}})), "1");
  EXPECT_EQ(R(M(os, "getenv", {I(1)})), "TypeError: str expected, not int");
  Value environ_dict = obj_getattr_cstr(os, "environ");
  ASSERT_TRUE(environ_dict.is_obj() && environ_dict.obj()->type == &DictType);
  EXPECT_EQ(R(dict_get(environ_dict.as<Dict>(), S("PATH"))), R(Value(str_new(getenv("PATH")))));
  char cwd[4096];
  ASSERT_NE(getcwd(cwd, sizeof cwd), nullptr);
  EXPECT_EQ(R(M(os, "getcwd", {})), R(S(cwd)));
  EXPECT_EQ(R(obj_getattr_cstr(os, "sep")), "'/'");
  EXPECT_EQ(R(obj_getattr_cstr(os, "name")), "'posix'");
  EXPECT_EQ(R(obj_getattr_cstr(os, "linesep")), "'\\n'");
}

TEST(OsModule, AbortRaisesSigabrt) {
  Value os = module("os");
  auto abort_without_core = [os] {
    rlimit no_core{0, 0};  // no core file left in the test's directory
    setrlimit(RLIMIT_CORE, &no_core);
    M(os, "abort", {});
  };
  EXPECT_EXIT(abort_without_core(), testing::KilledBySignal(SIGABRT), "");
}

}  // namespace
}  // namespace pg
