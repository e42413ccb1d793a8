// Functions, calls and unpacking (compiler.cpp, symtable.cpp,
// vm/function_call.cpp): the code objects of rich parameter lists, the
// instructions of `f(*a, **k)` and `a, *b = x`, argument binding driven
// directly from C++, and the scoping SyntaxErrors with their positions.
// Expected values are CPython 3.11's (co_* attributes, dis, compile()).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "compiler/compiler.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/layouts.h"
#include "objects/object.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/function_call.h"
#include "vm/opcodes.h"

namespace pg {
namespace {

std::string error_text() {
  if (!error_occurred()) return "<no error>";
  Value e = error_fetch();
  return std::string(type_name(e)) + ": " + exception_message(e);
}

Code* find_code(Code* parent, const std::string& name) {
  for (int64_t i = 0; i < tuple_size(parent->consts); ++i) {
    Value c = tuple_items(parent->consts)[i];
    if (!c.is_obj() || type_of(c) != &CodeType) continue;
    if (str_view(c.as<Code>()->name) == name) return c.as<Code>();
    if (Code* inner = find_code(c.as<Code>(), name)) return inner;
  }
  return nullptr;
}

Code* compile_function(const std::string& src, const std::string& name) {
  Code* module = compile_source(src, "<fn-test>");
  EXPECT_NE(module, nullptr) << error_text();
  if (!module) return nullptr;
  Code* fn = find_code(module, name);
  EXPECT_NE(fn, nullptr) << "no code object " << name;
  return fn;
}

std::vector<std::string> opcode_names(Code* code) {
  std::vector<std::string> out;
  for (int32_t i = 0; i < code->ninstrs; ++i) out.push_back(kOpcodeInfo[instr_opcode(code->instrs[i])].name);
  return out;
}

bool has_op(Code* code, Opcode op, uint32_t* arg = nullptr) {
  for (int32_t i = 0; i < code->ninstrs; ++i) {
    if (instr_opcode(code->instrs[i]) != op) continue;
    if (arg) *arg = instr_arg(code->instrs[i]);
    return true;
  }
  return false;
}

// Runs `src` as a module; returns its globals (rooted by the caller's
// Rooted) or null with the error pending.
Value run_module(const std::string& src) {
  Code* code = compile_source(src, "<fn-test>");
  if (!code) return Value();
  Value globals = Value(dict_new());
  Rooted keep(&globals);
  dict_set_str(globals.as<Dict>(), str_intern("__name__"), Value(str_intern("__fn_test__")));
  dict_set_str(globals.as<Dict>(), str_intern("__builtins__"), Value(g_runtime.builtins));
  Value code_value(code);
  Rooted keep_code(&code_value);
  if (eval_code_in(code, globals.as<Dict>(), globals.as<Dict>()).is_null()) return Value();
  return globals;
}

TEST(Functions, CodeObjectOfAFullParameterList) {
  Code* f = compile_function("def f(p, /, a, b=1, *args, k, m=2, **kw):\n    x = 1\n", "f");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->argcount, 3);
  EXPECT_EQ(f->posonlyargcount, 1);
  EXPECT_EQ(f->kwonlyargcount, 2);
  EXPECT_TRUE(f->flags & kCodeVarargs);
  EXPECT_TRUE(f->flags & kCodeVarKeywords);
  // co_varnames order: positional, keyword-only, *args, **kwargs, locals.
  const char* want[] = {"p", "a", "b", "k", "m", "args", "kw", "x"};
  ASSERT_EQ(tuple_size(f->localsplusnames), 8);
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(str_view(tuple_items(f->localsplusnames)[i].as<Str>()), want[i]);
    // The tools show parameters as arguments (PG_LOCAL_ARG).
    EXPECT_EQ(bool(f->localspluskinds[i] & kLocalArg), i < 7) << want[i];
  }
  // co_flags shows CPython's bits only: OPTIMIZED | NEWLOCALS | VARARGS | VARKEYWORDS.
  Value flags = obj_getattr_cstr(Value(f), "co_flags");
  ASSERT_FALSE(flags.is_null());
  EXPECT_EQ(flags, Value::small(0x0f));
}

TEST(Functions, PlainParametersKeepTheFastCallPath) {
  Code* f = compile_function("def f(a, b=1):\n    pass\n", "f");
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(f->flags & kCodeComplexArgs);
  Code* g = compile_function("def g(a, *, b):\n    pass\n", "g");
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(g->flags & kCodeComplexArgs) << "keyword-only parameters need the binder";
}

TEST(Functions, UnpackingCallsUseCallFunctionEx) {
  Code* f = compile_function("def f(g, a, k):\n    return g(1, *a, x=2, **k)\n", "f");
  ASSERT_NE(f, nullptr);
  uint32_t arg = 0;
  ASSERT_TRUE(has_op(f, OP_CALL_FUNCTION_EX, &arg));
  EXPECT_EQ(arg, 1u) << "keywords present";
  EXPECT_TRUE(has_op(f, OP_LIST_EXTEND));
  EXPECT_TRUE(has_op(f, OP_LIST_TO_TUPLE));
  EXPECT_TRUE(has_op(f, OP_DICT_MERGE));
  EXPECT_FALSE(has_op(f, OP_CALL));
  // A lone *a goes to the call as it is (its check names the callable).
  Code* h = compile_function("def h(g, a):\n    return g(*a)\n", "h");
  ASSERT_NE(h, nullptr);
  EXPECT_FALSE(has_op(h, OP_BUILD_LIST));
  ASSERT_TRUE(has_op(h, OP_CALL_FUNCTION_EX, &arg));
  EXPECT_EQ(arg, 0u);
}

TEST(Functions, StarredTargetsUseUnpackEx) {
  Code* f = compile_function("def f(x):\n    a, b, *c, d = x\n", "f");
  ASSERT_NE(f, nullptr);
  uint32_t arg = 0;
  ASSERT_TRUE(has_op(f, OP_UNPACK_EX, &arg));
  EXPECT_EQ(arg, 2u | (1u << 8)) << "two before the star, one after";
}

TEST(Functions, StackEffectsOfTheUnpackingOpcodes) {
  EXPECT_EQ(opcode_stack_effect(OP_CALL_FUNCTION_EX, 0, false), -2);  // NULL f args -> r
  EXPECT_EQ(opcode_stack_effect(OP_CALL_FUNCTION_EX, 1, false), -3);  // NULL f args kw -> r
  EXPECT_EQ(opcode_stack_effect(OP_UNPACK_EX, 2 | (1 << 8), false), 3);
  EXPECT_EQ(opcode_stack_effect(OP_LIST_EXTEND, 1, false), -1);
  EXPECT_EQ(opcode_stack_effect(OP_DICT_MERGE, 1, false), -1);
  EXPECT_EQ(opcode_stack_effect(OP_MAKE_FUNCTION, 1 | 2 | 4 | 8, false), -4);
}

TEST(Functions, BinderFillsVarargsKwargsAndKeywordOnly) {
  Value g = run_module("def f(a, *rest, k=7, **kw):\n    pass\n");
  ASSERT_FALSE(g.is_null()) << error_text();
  Rooted keep(&g);
  Function* f = dict_get_str(g.as<Dict>(), str_intern("f")).as<Function>();
  ASSERT_EQ(f->code->nlocalsplus, 4);  // a, k, rest, kw
  std::vector<Value> locals(4);
  Tuple* kwnames = tuple_from({Value(str_intern("z"))});
  Value args[] = {Value::small(1), Value::small(2), Value::small(3), Value::small(9)};
  ASSERT_TRUE(bind_frame_arguments(f, locals.data(), args, 3, kwnames)) << error_text();
  EXPECT_EQ(locals[0], Value::small(1));
  EXPECT_EQ(locals[1], Value::small(7)) << "keyword-only default";
  ASSERT_EQ(type_of(locals[2]), &TupleType);
  EXPECT_EQ(tuple_size(locals[2].as<Tuple>()), 2);
  ASSERT_EQ(type_of(locals[3]), &DictType);
  EXPECT_EQ(dict_get_str(locals[3].as<Dict>(), str_intern("z")), Value::small(9));
}

TEST(Functions, BinderErrorsLikeCPython) {
  Value g = run_module(
      "def f(a, b=1, *, k):\n    pass\n"
      "def p(x, /):\n    pass\n");
  ASSERT_FALSE(g.is_null()) << error_text();
  Rooted keep(&g);
  Function* f = dict_get_str(g.as<Dict>(), str_intern("f")).as<Function>();
  Function* p = dict_get_str(g.as<Dict>(), str_intern("p")).as<Function>();
  std::vector<Value> locals(8);
  Value args[] = {Value::small(1), Value::small(2), Value::small(3)};
  EXPECT_FALSE(bind_frame_arguments(f, locals.data(), args, 3, nullptr));
  EXPECT_EQ(error_text(), "TypeError: f() takes from 1 to 2 positional arguments but 3 were given");
  std::fill(locals.begin(), locals.end(), Value());
  EXPECT_FALSE(bind_frame_arguments(f, locals.data(), args, 1, nullptr));
  EXPECT_EQ(error_text(), "TypeError: f() missing 1 required keyword-only argument: 'k'");
  std::fill(locals.begin(), locals.end(), Value());
  Tuple* kw = tuple_from({Value(str_intern("x"))});
  EXPECT_FALSE(bind_frame_arguments(p, locals.data(), args, 0, kw));
  EXPECT_EQ(error_text(),
            "TypeError: p() got some positional-only arguments passed as keyword arguments: 'x'");
}

TEST(Functions, CallFunctionExFromNativeCode) {
  Value g = run_module("def f(*a, **k):\n    return (a, sorted(k))\n");
  ASSERT_FALSE(g.is_null()) << error_text();
  Rooted keep(&g);
  Value f = dict_get_str(g.as<Dict>(), str_intern("f"));
  Value args = Value(list_from_array(nullptr, 0));
  Rooted keep_args(&args);
  Value r = call_function_ex(f, args, Value());
  ASSERT_FALSE(r.is_null()) << error_text();
  Value bad = call_function_ex(f, Value::small(5), Value());
  EXPECT_TRUE(bad.is_null());
  EXPECT_EQ(error_text(), "TypeError: __fn_test__.f() argument after * must be an iterable, not int");
  Value bad_kw = call_function_ex(f, Value(tuple_empty()), Value::small(5));
  EXPECT_TRUE(bad_kw.is_null());
  EXPECT_EQ(error_text(), "TypeError: __fn_test__.f() argument after ** must be a mapping, not int");
}

struct ScopeError {
  const char* src;
  const char* msg;
  int lineno, offset, end_offset;
};

TEST(Functions, ScopingSyntaxErrorsAtCPythonsPositions) {
  const ScopeError cases[] = {
      {"def f(x):\n    global x\n", "name 'x' is parameter and global", 2, 5, 13},
      {"def f():\n    print(y)\n    global y\n", "name 'y' is used prior to global declaration", 3, 5, 13},
      {"def f():\n    def g():\n        nonlocal q\n", "no binding for nonlocal 'q' found", 3, 9, 19},
      {"def f():\n    global q\n    nonlocal q\n", "name 'q' is nonlocal and global", 2, 5, 13},
      {"def f():\n    global x\n    x: int = 1\n", "annotated name 'x' can't be global", 3, 5, 15},
      {"a, *b, *c = d\n", "multiple starred expressions in assignment", 1, 1, 10},
      {"f(x=1, x=2)\n", "keyword argument repeated: x", 1, 8, 11},
  };
  for (const ScopeError& c : cases) {
    SCOPED_TRACE(c.src);
    EXPECT_EQ(compile_source(c.src, "<fn-test>"), nullptr);
    ASSERT_TRUE(error_occurred());
    Value exc = error_fetch();
    Rooted keep(&exc);
    EXPECT_EQ(type_of(exc), &SyntaxErrorType);
    EXPECT_EQ(exception_message(exc).substr(0, strlen(c.msg)), c.msg);
    EXPECT_EQ(obj_getattr_cstr(exc, "lineno"), Value::small(c.lineno));
    EXPECT_EQ(obj_getattr_cstr(exc, "offset"), Value::small(c.offset));
    EXPECT_EQ(obj_getattr_cstr(exc, "end_offset"), Value::small(c.end_offset));
    Value text = obj_getattr_cstr(exc, "text");
    EXPECT_TRUE(!text.is_null() && is_str(text)) << "the source line is attached";
  }
}

}  // namespace
}  // namespace pg
