// The exception hierarchy, exception objects and the raising API
// (exceptions.cpp, exception_kinds.cpp). Expected texts come from CPython 3.11.
#include <gtest/gtest.h>

#include <string>

#include "objects/exceptions.h"
#include "objects/layouts.h"
#include "objects/object.h"
#include "vm/thread_state.h"

namespace pg {
namespace {

Value S(const char* text) { return str_from_cstr(text); }

std::string text_of(Value v) {
  EXPECT_FALSE(v.is_null());
  if (v.is_null()) return "<null>";
  EXPECT_TRUE(is_str(v));
  return std::string(str_view(v.as<Str>()));
}

std::string repr_of(Value v) { return text_of(obj_repr(v)); }
std::string str_of_value(Value v) { return text_of(obj_str(v)); }

// Takes the pending exception: "TypeName: message".
std::string take_error() {
  if (!error_occurred()) return "<no error>";
  Value e = error_fetch();
  return std::string(type_name(e)) + ": " + exception_message(e);
}

// Calls an exception class like Python code would: ValueError(*args, **kw).
Value make(Type* type, std::initializer_list<Value> args, Tuple* kwnames = nullptr) {
  return call(Value(type), args.begin(), args.size() - (kwnames ? tuple_size(kwnames) : 0),
              kwnames);
}

Value attr(Value v, const char* name) {
  Value r = obj_getattr_cstr(v, name);
  EXPECT_FALSE(r.is_null()) << name << ": " << take_error();
  return r;
}

Value call_method(Value obj, const char* name, std::initializer_list<Value> args) {
  Value m = obj_getattr_cstr(obj, name);
  if (m.is_null()) return m;
  return call(m, args.begin(), args.size());
}

TEST(Exceptions, HierarchyMatchesCPython) {
  struct Edge {
    Type* type;
    const char* name;
    Type* base;
  };
  const Edge edges[] = {
      {&BaseExceptionType, "BaseException", &ObjectType},
      {&ExceptionType, "Exception", &BaseExceptionType},
      {&ArithmeticErrorType, "ArithmeticError", &ExceptionType},
      {&ZeroDivisionErrorType, "ZeroDivisionError", &ArithmeticErrorType},
      {&OverflowErrorType, "OverflowError", &ArithmeticErrorType},
      {&LookupErrorType, "LookupError", &ExceptionType},
      {&IndexErrorType, "IndexError", &LookupErrorType},
      {&KeyErrorType, "KeyError", &LookupErrorType},
      {&NameErrorType, "NameError", &ExceptionType},
      {&UnboundLocalErrorType, "UnboundLocalError", &NameErrorType},
      {&RuntimeErrorType, "RuntimeError", &ExceptionType},
      {&RecursionErrorType, "RecursionError", &RuntimeErrorType},
      {&NotImplementedErrorType, "NotImplementedError", &RuntimeErrorType},
      {&ImportErrorType, "ImportError", &ExceptionType},
      {&ModuleNotFoundErrorType, "ModuleNotFoundError", &ImportErrorType},
      {&SyntaxErrorType, "SyntaxError", &ExceptionType},
      {&IndentationErrorType, "IndentationError", &SyntaxErrorType},
      {&TabErrorType, "TabError", &IndentationErrorType},
      {&OSErrorType, "OSError", &ExceptionType},
      {&FileNotFoundErrorType, "FileNotFoundError", &OSErrorType},
      {&ValueErrorType, "ValueError", &ExceptionType},
      {&UnicodeErrorType, "UnicodeError", &ValueErrorType},
      {&UnicodeDecodeErrorType, "UnicodeDecodeError", &UnicodeErrorType},
      {&SystemExitType, "SystemExit", &BaseExceptionType},
      {&KeyboardInterruptType, "KeyboardInterrupt", &BaseExceptionType},
      {&GeneratorExitType, "GeneratorExit", &BaseExceptionType},
      {&StopIterationType, "StopIteration", &ExceptionType},
      {&AssertionErrorType, "AssertionError", &ExceptionType},
      {&AttributeErrorType, "AttributeError", &ExceptionType},
      {&TypeErrorType, "TypeError", &ExceptionType},
      {&MemoryErrorType, "MemoryError", &ExceptionType},
      {&BrokenPipeErrorType, "BrokenPipeError", &ConnectionErrorType},
      {&UserWarningType, "UserWarning", &WarningType},
  };
  for (const Edge& e : edges) {
    EXPECT_STREQ(e.type->name, e.name);
    EXPECT_EQ(e.type->base, e.base) << e.name;
    EXPECT_TRUE(e.type->flags & kTypeExceptionSubclass) << e.name;
    EXPECT_TRUE(e.type->flags & kTypeBaseType) << e.name;
    EXPECT_TRUE(is_exception_class(Value(e.type))) << e.name;
  }
  EXPECT_FALSE(is_exception_class(Value(&IntType)));
  EXPECT_FALSE(is_exception_class(Value::small(3)));
}

TEST(Exceptions, RaiseFormatsTheMessage) {
  EXPECT_TRUE(raise(&ValueErrorType, "bad value %d for '%s'", 42, "x").is_null());
  EXPECT_TRUE(error_occurred());
  EXPECT_TRUE(error_matches(&ValueErrorType));
  EXPECT_TRUE(error_matches(&ExceptionType));
  EXPECT_TRUE(error_matches(&BaseExceptionType));
  EXPECT_FALSE(error_matches(&TypeErrorType));
  Value e = error_fetch();
  EXPECT_FALSE(error_occurred());
  EXPECT_FALSE(error_matches(&ValueErrorType));
  EXPECT_EQ(repr_of(attr(e, "args")), "(\"bad value 42 for 'x'\",)");
  EXPECT_EQ(str_of_value(e), "bad value 42 for 'x'");
  EXPECT_EQ(repr_of(e), "ValueError(\"bad value 42 for 'x'\")");
}

TEST(Exceptions, RaiseLongMessage) {
  std::string big(1000, 'y');
  raise(&RuntimeErrorType, "start %s end", big.c_str());
  EXPECT_EQ(take_error(), "RuntimeError: start " + big + " end");
}

TEST(Exceptions, RaiseReplacesCutCharacters) {
  // "%.3s" keeps one and a half of the two-byte characters.
  raise(&ValueErrorType, "[%.3s]", "\xc3\xa9\xc3\xa9");
  EXPECT_EQ(take_error(), "ValueError: [\xc3\xa9\xef\xbf\xbd]");
}

TEST(Exceptions, RaiseWithValueAndClear) {
  raise_with_value(&KeyErrorType, S("k"));
  Value e = current_thread()->current_exception;
  ASSERT_FALSE(e.is_null());
  EXPECT_EQ(repr_of(attr(e, "args")), "('k',)");
  error_clear();
  EXPECT_FALSE(error_occurred());
}

TEST(Exceptions, RaiseException) {
  Value instance = make(&TypeErrorType, {S("t")});
  raise_exception(instance);
  EXPECT_EQ(error_fetch(), instance);

  raise_exception(Value(&ZeroDivisionErrorType));
  Value e = error_fetch();
  EXPECT_EQ(type_of(e), &ZeroDivisionErrorType);
  EXPECT_EQ(repr_of(e), "ZeroDivisionError()");

  raise_exception(Value::small(5));
  EXPECT_EQ(take_error(), "TypeError: exceptions must derive from BaseException");
  raise_exception(Value(&IntType));
  EXPECT_EQ(take_error(), "TypeError: exceptions must derive from BaseException");
}

TEST(Exceptions, ReprAndStrFollowArgs) {
  Value none_args = make(&ValueErrorType, {});
  EXPECT_EQ(repr_of(none_args), "ValueError()");
  EXPECT_EQ(str_of_value(none_args), "");
  Value one = make(&ValueErrorType, {S("x")});
  EXPECT_EQ(repr_of(one), "ValueError('x')");
  EXPECT_EQ(str_of_value(one), "x");
  Value two = make(&ValueErrorType, {S("x"), Value::small(1)});
  EXPECT_EQ(repr_of(two), "ValueError('x', 1)");
  EXPECT_EQ(str_of_value(two), "('x', 1)");
  EXPECT_EQ(str_of_value(make(&TypeErrorType, {None()})), "None");
  EXPECT_EQ(repr_of(make(&ValueErrorType, {make(&ValueErrorType, {S("x")})})),
            "ValueError(ValueError('x'))");
  EXPECT_EQ(exception_message(two), "('x', 1)");
}

TEST(Exceptions, KeyErrorStrIsTheKeyRepr) {
  EXPECT_EQ(str_of_value(make(&KeyErrorType, {S("a")})), "'a'");
  EXPECT_EQ(repr_of(make(&KeyErrorType, {S("a")})), "KeyError('a')");
  EXPECT_EQ(str_of_value(make(&KeyErrorType, {})), "");
  EXPECT_EQ(str_of_value(make(&KeyErrorType, {S("a"), S("b")})), "('a', 'b')");
}

TEST(Exceptions, KeywordArgumentsRejected) {
  Tuple* kw = tuple_from({S("x")});
  EXPECT_TRUE(make(&ValueErrorType, {Value::small(1)}, kw).is_null());
  EXPECT_EQ(take_error(), "TypeError: ValueError() takes no keyword arguments");
}

TEST(Exceptions, FieldsDefaultToNone) {
  Value e = make(&ValueErrorType, {S("a")});
  EXPECT_TRUE(is_none(attr(e, "__traceback__")));
  EXPECT_TRUE(is_none(attr(e, "__cause__")));
  EXPECT_TRUE(is_none(attr(e, "__context__")));
  EXPECT_EQ(attr(e, "__suppress_context__"), False());
  EXPECT_TRUE(obj_getattr_cstr(e, "nope").is_null());
  EXPECT_EQ(take_error(), "AttributeError: 'ValueError' object has no attribute 'nope'");
  EXPECT_TRUE(obj_getattr_cstr(e, "__notes__").is_null());
  EXPECT_EQ(take_error(), "AttributeError: 'ValueError' object has no attribute '__notes__'");
}

TEST(Exceptions, SettingFieldsValidates) {
  Value e = make(&ValueErrorType, {Value::small(1)});
  Value cause = make(&TypeErrorType, {});
  ASSERT_EQ(obj_setattr(e, str_intern("__cause__"), cause), 0);
  EXPECT_EQ(attr(e, "__cause__"), cause);
  EXPECT_EQ(attr(e, "__suppress_context__"), True());
  EXPECT_EQ(as_exception(e)->cause, cause);

  EXPECT_EQ(obj_setattr(e, str_intern("__cause__"), Value::small(5)), -1);
  EXPECT_EQ(take_error(), "TypeError: exception cause must be None or derive from BaseException");
  EXPECT_EQ(obj_setattr(e, str_intern("__context__"), Value::small(5)), -1);
  EXPECT_EQ(take_error(),
            "TypeError: exception context must be None or derive from BaseException");
  EXPECT_EQ(obj_setattr(e, str_intern("__traceback__"), Value::small(5)), -1);
  EXPECT_EQ(take_error(), "TypeError: __traceback__ must be a traceback or None");
  EXPECT_EQ(obj_setattr(e, str_intern("__traceback__"), Value()), -1);
  EXPECT_EQ(take_error(), "TypeError: __traceback__ may not be deleted");
  EXPECT_EQ(obj_setattr(e, str_intern("args"), Value()), -1);
  EXPECT_EQ(take_error(), "TypeError: args may not be deleted");
  EXPECT_EQ(obj_setattr(e, str_intern("__suppress_context__"), Value::small(5)), -1);
  EXPECT_EQ(take_error(), "TypeError: attribute value type must be bool");

  ASSERT_EQ(obj_setattr(e, str_intern("__context__"), cause), 0);
  EXPECT_EQ(as_exception(e)->context, cause);
  ASSERT_EQ(obj_setattr(e, str_intern("__context__"), None()), 0);
  EXPECT_TRUE(as_exception(e)->context.is_null());

  // args accepts any iterable and stores a tuple.
  List* l = list_new(0);
  list_append(l, Value::small(1));
  list_append(l, Value::small(2));
  ASSERT_EQ(obj_setattr(e, str_intern("args"), Value(l)), 0);
  EXPECT_EQ(repr_of(e), "ValueError(1, 2)");
  EXPECT_EQ(obj_setattr(e, str_intern("args"), Value::small(5)), -1);
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not iterable");
}

TEST(Exceptions, InstanceAttributes) {
  Value e = make(&ValueErrorType, {});
  ASSERT_EQ(obj_setattr(e, str_intern("foo"), Value::small(7)), 0);
  EXPECT_EQ(attr(e, "foo"), Value::small(7));
  EXPECT_EQ(repr_of(attr(e, "__dict__")), "{'foo': 7}");
  ASSERT_EQ(obj_setattr(e, str_intern("foo"), Value()), 0);
  EXPECT_TRUE(obj_getattr_cstr(e, "foo").is_null());
  EXPECT_EQ(take_error(), "AttributeError: 'ValueError' object has no attribute 'foo'");
  EXPECT_EQ(obj_setattr(e, str_intern("foo"), Value()), -1);
  EXPECT_EQ(take_error(), "AttributeError: 'ValueError' object has no attribute 'foo'");
}

TEST(Exceptions, WithTracebackAndAddNote) {
  Value e = make(&ValueErrorType, {Value::small(1)});
  EXPECT_EQ(call_method(e, "with_traceback", {None()}), e);
  EXPECT_TRUE(call_method(e, "with_traceback", {Value::small(5)}).is_null());
  EXPECT_EQ(take_error(), "TypeError: __traceback__ must be a traceback or None");

  EXPECT_TRUE(is_none(call_method(e, "add_note", {S("n1")})));
  EXPECT_TRUE(is_none(call_method(e, "add_note", {S("n2")})));
  EXPECT_EQ(repr_of(attr(e, "__notes__")), "['n1', 'n2']");
  EXPECT_TRUE(call_method(e, "add_note", {Value::small(5)}).is_null());
  EXPECT_EQ(take_error(), "TypeError: note must be a str, not 'int'");
}

TEST(Exceptions, InitAndStrMethods) {
  Value e = make(&ValueErrorType, {});
  EXPECT_TRUE(is_none(call_method(e, "__init__", {Value::small(1), Value::small(2)})));
  EXPECT_EQ(repr_of(attr(e, "args")), "(1, 2)");
  Value k = make(&KeyErrorType, {S("a")});
  EXPECT_EQ(text_of(call_method(k, "__str__", {})), "'a'");
  EXPECT_EQ(text_of(call_method(k, "__repr__", {})), "KeyError('a')");
  // The unbound BaseException.__str__ ignores KeyError's override.
  Value base_str = obj_getattr_cstr(Value(&BaseExceptionType), "__str__");
  ASSERT_FALSE(base_str.is_null()) << take_error();
  EXPECT_EQ(text_of(call1(base_str, k)), "a");
}

TEST(Exceptions, SystemExitCode) {
  EXPECT_TRUE(is_none(attr(make(&SystemExitType, {}), "code")));
  EXPECT_EQ(attr(make(&SystemExitType, {Value::small(3)}), "code"), Value::small(3));
  Value two = make(&SystemExitType, {Value::small(1), Value::small(2)});
  EXPECT_EQ(repr_of(attr(two, "code")), "(1, 2)");
  EXPECT_EQ(repr_of(system_exit_code(two)), "(1, 2)");
}

TEST(Exceptions, StopIterationValue) {
  EXPECT_TRUE(is_none(attr(make(&StopIterationType, {}), "value")));
  Value e = make(&StopIterationType, {Value::small(1), Value::small(2)});
  EXPECT_EQ(attr(e, "value"), Value::small(1));
  EXPECT_EQ(stop_iteration_value(e), Value::small(1));
  raise_with_value(&StopIterationType, S("done"));
  EXPECT_EQ(text_of(stop_iteration_value(error_fetch())), "done");
  ASSERT_EQ(obj_setattr(e, str_intern("value"), Value::small(4)), 0);
  EXPECT_EQ(attr(e, "value"), Value::small(4));
  EXPECT_EQ(repr_of(attr(e, "args")), "(1, 2)");
}

TEST(Exceptions, ImportErrorKeywords) {
  Tuple* kw = tuple_from({S("name"), S("path")});
  Value e = make(&ImportErrorType, {S("m"), S("n"), S("p")}, kw);
  ASSERT_FALSE(e.is_null()) << take_error();
  EXPECT_EQ(text_of(attr(e, "name")), "n");
  EXPECT_EQ(text_of(attr(e, "path")), "p");
  EXPECT_EQ(text_of(attr(e, "msg")), "m");
  EXPECT_EQ(str_of_value(e), "m");
  EXPECT_EQ(repr_of(e), "ImportError('m')");
  EXPECT_TRUE(is_none(attr(make(&ImportErrorType, {Value::small(1), Value::small(2)}), "msg")));
  EXPECT_EQ(str_of_value(make(&ImportErrorType, {Value::small(1), Value::small(2)})), "(1, 2)");
  EXPECT_TRUE(is_none(attr(make(&ModuleNotFoundErrorType, {S("x")}), "name")));

  Tuple* bad = tuple_from({S("foo")});
  EXPECT_TRUE(make(&ModuleNotFoundErrorType, {S("m"), Value::small(1)}, bad).is_null());
  EXPECT_EQ(take_error(), "TypeError: 'foo' is an invalid keyword argument for ImportError()");

  // The import system raises with a message, then names the module.
  raise(&ModuleNotFoundErrorType, "No module named '%s'", "spam");
  Value m = error_fetch();
  ASSERT_EQ(exception_set_attr(m, "name", S("spam")), 0);
  EXPECT_EQ(text_of(attr(m, "name")), "spam");
  EXPECT_EQ(exception_message(m), "No module named 'spam'");
}

TEST(Exceptions, NameAndAttributeErrorKeywords) {
  Tuple* kw = tuple_from({S("name"), S("obj")});
  Value e = make(&AttributeErrorType, {S("x"), S("n"), Value::small(3)}, kw);
  ASSERT_FALSE(e.is_null()) << take_error();
  EXPECT_EQ(attr(e, "obj"), Value::small(3));
  EXPECT_EQ(text_of(attr(e, "name")), "n");
  EXPECT_TRUE(is_none(attr(make(&AttributeErrorType, {}), "obj")));
  EXPECT_TRUE(is_none(attr(make(&UnboundLocalErrorType, {}), "name")));
  Tuple* bad = tuple_from({S("obj")});
  EXPECT_TRUE(make(&NameErrorType, {S("x"), Value::small(1)}, bad).is_null());
  EXPECT_EQ(take_error(), "TypeError: 'obj' is an invalid keyword argument for NameError()");
}

TEST(Exceptions, SyntaxErrorFieldsAndStr) {
  Value info = Value(tuple_from({S("a/b.py"), Value::small(3), Value::small(4), S("txt")}));
  Value e = make(&SyntaxErrorType, {S("m"), info});
  ASSERT_FALSE(e.is_null()) << take_error();
  EXPECT_EQ(str_of_value(e), "m (b.py, line 3)");
  EXPECT_EQ(repr_of(e), "SyntaxError('m', ('a/b.py', 3, 4, 'txt'))");
  EXPECT_EQ(text_of(attr(e, "filename")), "a/b.py");
  EXPECT_EQ(attr(e, "offset"), Value::small(4));
  EXPECT_TRUE(is_none(attr(e, "end_lineno")));
  EXPECT_TRUE(is_none(attr(e, "print_file_and_line")));
  ASSERT_EQ(obj_setattr(e, str_intern("lineno"), Value::small(7)), 0);
  EXPECT_EQ(str_of_value(e), "m (b.py, line 7)");

  EXPECT_EQ(str_of_value(make(&SyntaxErrorType, {})), "None");
  EXPECT_EQ(repr_of(make(&SyntaxErrorType, {})), "SyntaxError()");
  Value no_file = Value(tuple_from({None(), Value::small(3), Value::small(4), S("t")}));
  EXPECT_EQ(str_of_value(make(&SyntaxErrorType, {S("m"), no_file})), "m (line 3)");
  Value no_line = Value(tuple_from({S("f"), None(), Value::small(4), S("t")}));
  EXPECT_EQ(str_of_value(make(&SyntaxErrorType, {S("m"), no_line})), "m (f)");
  EXPECT_EQ(attr(make(&SyntaxErrorType, {Value::small(1), Value::small(2), Value::small(3)}),
                 "msg"),
            Value::small(1));

  Value short_info = Value(tuple_from({Value::small(1), Value::small(2)}));
  EXPECT_TRUE(make(&SyntaxErrorType, {S("m"), short_info}).is_null());
  EXPECT_EQ(take_error(), "TypeError: function takes at least 4 arguments (2 given)");
  EXPECT_TRUE(make(&SyntaxErrorType, {S("m"), Value::small(5)}).is_null());
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not iterable");
}

TEST(Exceptions, RaiseSyntaxErrorForTheCompiler) {
  raise_syntax_error(&IndentationErrorType, "unexpected indent", "dir/prog.py", 2, 5, "  x = 1",
                     2, 6);
  Value e = error_fetch();
  ASSERT_FALSE(e.is_null());
  EXPECT_EQ(type_of(e), &IndentationErrorType);
  EXPECT_EQ(exception_message(e), "unexpected indent (prog.py, line 2)");
  EXPECT_EQ(text_of(exception_attr(e, "text")), "  x = 1");
  EXPECT_EQ(exception_attr(e, "end_offset"), Value::small(6));
  EXPECT_EQ(exception_attr(e, "lineno"), Value::small(2));
}

TEST(Exceptions, OSErrorPicksSubclassAndFormats) {
  Value e = make(&OSErrorType, {Value::small(2), S("No such")});
  EXPECT_EQ(type_of(e), &FileNotFoundErrorType);
  EXPECT_EQ(str_of_value(e), "[Errno 2] No such");
  EXPECT_EQ(attr(e, "errno"), Value::small(2));
  EXPECT_EQ(text_of(attr(e, "strerror")), "No such");
  EXPECT_TRUE(is_none(attr(e, "filename")));

  Value with_file = make(&OSErrorType, {Value::small(2), S("x"), S("fn")});
  EXPECT_EQ(repr_of(attr(with_file, "args")), "(2, 'x')");
  EXPECT_EQ(str_of_value(with_file), "[Errno 2] x: 'fn'");
  EXPECT_EQ(repr_of(with_file), "FileNotFoundError(2, 'x')");
  Value two_files =
      make(&OSErrorType, {Value::small(2), S("x"), S("fn"), Value::small(5), S("g")});
  EXPECT_EQ(str_of_value(two_files), "[Errno 2] x: 'fn' -> 'g'");

  EXPECT_EQ(type_of(make(&OSErrorType, {Value::small(13), S("denied")})), &PermissionErrorType);
  EXPECT_EQ(type_of(make(&OSErrorType, {Value::small(9999), S("?")})), &OSErrorType);
  // Subclasses never change type.
  EXPECT_EQ(type_of(make(&TimeoutErrorType, {Value::small(2), S("x")})), &TimeoutErrorType);

  EXPECT_EQ(str_of_value(make(&OSErrorType, {Value::small(1)})), "1");
  EXPECT_TRUE(is_none(attr(make(&OSErrorType, {S("a")}), "errno")));
  Value x = make(&OSErrorType, {Value::small(2), S("x")});
  ASSERT_EQ(obj_setattr(x, str_intern("errno"), Value::small(5)), 0);
  EXPECT_EQ(str_of_value(x), "[Errno 5] x");
}

TEST(Exceptions, UnicodeErrors) {
  List* bytes = list_new(0);  // stands in for b'\xff': indexing gives ints
  list_append(bytes, Value::small(0xff));
  list_append(bytes, Value::small(0xfe));
  Value d1 = make(&UnicodeDecodeErrorType, {S("utf-8"), Value(bytes), Value::small(0),
                                            Value::small(1), S("invalid start byte")});
  ASSERT_FALSE(d1.is_null()) << take_error();
  EXPECT_EQ(str_of_value(d1),
            "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  Value d2 = make(&UnicodeDecodeErrorType,
                  {S("utf-8"), Value(bytes), Value::small(0), Value::small(2), S("bad")});
  EXPECT_EQ(str_of_value(d2), "'utf-8' codec can't decode bytes in position 0-1: bad");
  EXPECT_EQ(attr(d2, "end"), Value::small(2));

  Value enc = make(&UnicodeEncodeErrorType, {S("ascii"), S("a\xc3\xa9"), Value::small(1),
                                             Value::small(2), S("ordinal not in range(128)")});
  ASSERT_FALSE(enc.is_null()) << take_error();
  EXPECT_EQ(str_of_value(enc),
            "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in "
            "range(128)");

  EXPECT_TRUE(make(&UnicodeDecodeErrorType, {S("x")}).is_null());
  EXPECT_EQ(take_error(), "TypeError: function takes exactly 5 arguments (1 given)");
  EXPECT_TRUE(make(&UnicodeDecodeErrorType, {Value::small(1), Value(bytes), Value::small(0),
                                             Value::small(1), S("r")})
                  .is_null());
  EXPECT_EQ(take_error(), "TypeError: argument 1 must be str, not int");
}

TEST(Exceptions, ExceptionsAreHashableByIdentity) {
  Value a = make(&ValueErrorType, {});
  Value b = make(&ValueErrorType, {});
  int64_t ha, hb;
  ASSERT_TRUE(obj_hash(a, &ha));
  ASSERT_TRUE(obj_hash(b, &hb));
  EXPECT_NE(ha, hb);
  EXPECT_EQ(obj_eq(a, a), 1);
  EXPECT_EQ(obj_eq(a, b), 0);
}

TEST(Exceptions, MessagePreservesPendingError) {
  Value inner = make(&ValueErrorType, {S("inner")});
  raise(&TypeErrorType, "pending");
  Value pending = current_thread()->current_exception;
  EXPECT_EQ(exception_message(inner), "inner");
  EXPECT_EQ(current_thread()->current_exception, pending);
  error_clear();
}

TEST(Exceptions, AddedToBuiltins) {
  Dict* d = dict_new();
  exceptions_add_builtins(d);
  EXPECT_EQ(dict_get_str(d, str_intern("ValueError")), Value(&ValueErrorType));
  EXPECT_EQ(dict_get_str(d, str_intern("TabError")), Value(&TabErrorType));
  EXPECT_EQ(dict_get_str(d, str_intern("IOError")), Value(&OSErrorType));
  EXPECT_EQ(dict_get_str(d, str_intern("EnvironmentError")), Value(&OSErrorType));
}

}  // namespace
}  // namespace pg
