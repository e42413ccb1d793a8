// The compiler (compiler.cpp, symtable.cpp) and what it produces: code
// objects (code.h), their line tables and stack sizes, and the SyntaxErrors
// it raises. Expected values come from CPython 3.11 (`dis`, co_* attributes,
// compile() on the same source) wherever pyglass promises the same shape.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "compiler/compiler.h"
#include "objects/exceptions.h"
#include "objects/layouts.h"
#include "objects/object.h"
#include "vm/code.h"
#include "vm/opcodes.h"

namespace pg {
namespace {

std::string pending_error_text() {
  if (!error_occurred()) return "<no error>";
  Value e = error_fetch();
  return std::string(type_name(e)) + ": " + exception_message(e);
}

// Compiles `src`; fails the test (and returns null) on a SyntaxError.
Code* compile_ok(const std::string& src) {
  Code* code = compile_source(src, "<test>");
  EXPECT_NE(code, nullptr) << pending_error_text();
  return code;
}

std::string str_of(Str* s) { return std::string(str_view(s)); }

// The code object of the function `name` among the constants of `parent`
// (searched recursively), or null.
Code* find_code(Code* parent, const std::string& name) {
  if (!parent) return nullptr;
  for (int64_t i = 0; i < tuple_size(parent->consts); ++i) {
    Value c = tuple_items(parent->consts)[i];
    if (!c.is_obj() || type_of(c) != &CodeType) continue;
    Code* code = c.as<Code>();
    if (str_of(code->name) == name) return code;
    if (Code* inner = find_code(code, name)) return inner;
  }
  return nullptr;
}

Code* compile_function(const std::string& src, const std::string& name) {
  Code* module = compile_ok(src);
  Code* fn = find_code(module, name);
  EXPECT_NE(fn, nullptr) << "no code object named " << name;
  return fn;
}

void all_codes(Code* code, std::vector<Code*>* out) {
  out->push_back(code);
  for (int64_t i = 0; i < tuple_size(code->consts); ++i) {
    Value c = tuple_items(code->consts)[i];
    if (c.is_obj() && type_of(c) == &CodeType) all_codes(c.as<Code>(), out);
  }
}

std::vector<std::string> tuple_strings(Tuple* t) {
  std::vector<std::string> out;
  for (int64_t i = 0; i < tuple_size(t); ++i) {
    Value v = tuple_items(t)[i];
    out.push_back(is_str(v) ? str_of(v.as<Str>()) : "<not a str>");
  }
  return out;
}

std::vector<std::string> co_attr_strings(Code* code, const char* attr) {
  Value v = obj_getattr_cstr(Value(code), attr);
  EXPECT_FALSE(v.is_null()) << attr << ": " << pending_error_text();
  if (v.is_null() || type_of(v) != &TupleType) return {};
  return tuple_strings(v.as<Tuple>());
}

bool ends_flow(uint32_t op) {
  return op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS || op == OP_JUMP_FORWARD ||
         op == OP_JUMP_BACKWARD;
}

// Instructions reachable from instruction 0.
std::vector<bool> reachable(Code* code) {
  std::vector<bool> seen(size_t(code->ninstrs), false);
  std::vector<int32_t> work{0};
  while (!work.empty()) {
    int32_t i = work.back();
    work.pop_back();
    for (; i >= 0 && i < code->ninstrs && !seen[size_t(i)]; ++i) {
      seen[size_t(i)] = true;
      uint32_t op = instr_opcode(code->instrs[i]);
      if (kOpcodeInfo[op].is_jump) work.push_back(int32_t(instr_arg(code->instrs[i])));
      if (ends_flow(op)) break;
    }
  }
  return seen;
}

// "OPNAME arg" for every reachable instruction, arguments shown the way dis
// does for names and locals.
std::vector<std::string> listing(Code* code) {
  std::vector<bool> live = reachable(code);
  std::vector<std::string> out;
  for (int32_t i = 0; i < code->ninstrs; ++i) {
    if (!live[size_t(i)]) continue;
    uint32_t op = instr_opcode(code->instrs[i]);
    uint32_t arg = instr_arg(code->instrs[i]);
    std::string s = kOpcodeInfo[op].name;
    switch (kOpcodeInfo[op].operand) {
      case OperandKind::Local:
        s += " " + str_of(tuple_items(code->localsplusnames)[arg].as<Str>());
        break;
      case OperandKind::Name:
        s += " " + str_of(tuple_items(code->names)[arg].as<Str>());
        break;
      case OperandKind::Global:
        s += std::string(arg & 1 ? " NULL+" : " ") +
             str_of(tuple_items(code->names)[arg >> 1].as<Str>());
        break;
      case OperandKind::BinOp:
        s += std::string(" ") + binary_op_symbol(BinaryOp(arg));
        break;
      case OperandKind::Cmp:
        s += std::string(" ") + compare_op_symbol(CompareOp(arg));
        break;
      case OperandKind::None:
        break;
      default:
        s += " " + std::to_string(arg);
    }
    out.push_back(s);
  }
  return out;
}

// An independent decoder of the line table as docs/frame-layout.md describes
// it: uleb128(count), zigzag sleb(delta) per entry. Returns the line of
// every instruction the table covers.
std::vector<int> decode_line_table(const Code* code) {
  std::vector<int> lines;
  const uint8_t* p = code->linetable;
  const uint8_t* end = p + code->linetable_size;
  auto uleb = [&]() {
    uint64_t v = 0;
    for (int shift = 0; p < end; shift += 7) {
      uint8_t b = *p++;
      v |= uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) break;
    }
    return v;
  };
  int64_t line = code->firstlineno;
  while (p < end) {
    uint64_t count = uleb();
    uint64_t zz = uleb();
    int64_t delta = int64_t(zz >> 1) ^ -int64_t(zz & 1);
    line += delta;
    for (uint64_t k = 0; k < count; ++k) lines.push_back(int(line));
  }
  return lines;
}

// Walks every path with the stack effects of opcodes.def. Checks that the
// depth never goes negative, never exceeds co_stacksize, and that every
// instruction is reached with one depth only (a merge of two different
// depths is a code-generation bug). Returns the maximum depth seen.
int verify_stack(Code* code, std::string* problem) {
  std::vector<int> depth_at(size_t(code->ninstrs), -1);
  std::vector<std::pair<int32_t, int>> work{{0, 0}};
  int max_depth = 0;
  auto arrive = [&](int32_t target, int depth, int32_t from) {
    if (target < 0 || target >= code->ninstrs) {
      *problem = "instruction " + std::to_string(from) + " leaves the code (to " +
                 std::to_string(target) + ")";
      return false;
    }
    int& d = depth_at[size_t(target)];
    if (d == -1) {
      d = depth;
      work.push_back({target, depth});
    } else if (d != depth) {
      *problem = "instruction " + std::to_string(target) + " is reached with depths " +
                 std::to_string(d) + " and " + std::to_string(depth);
      return false;
    }
    return true;
  };
  depth_at[0] = 0;
  while (!work.empty() && problem->empty()) {
    auto [i, depth] = work.back();
    work.pop_back();
    uint32_t op = instr_opcode(code->instrs[i]);
    uint32_t arg = instr_arg(code->instrs[i]);
    if (kOpcodeInfo[op].is_jump) {
      int jd = depth + opcode_stack_effect(uint8_t(op), arg, true);
      max_depth = std::max(max_depth, jd);
      if (jd < 0) *problem = "negative depth when instruction " + std::to_string(i) + " jumps";
      if (!arrive(int32_t(arg), jd, i)) break;
    }
    int nd = depth + opcode_stack_effect(uint8_t(op), arg, false);
    max_depth = std::max(max_depth, nd);
    if (nd < 0) *problem = "negative depth after instruction " + std::to_string(i);
    if (!ends_flow(op) && !arrive(i + 1, nd, i)) break;
  }
  if (problem->empty() && max_depth > code->stacksize)
    *problem = "needs " + std::to_string(max_depth) + " stack slots, co_stacksize is " +
               std::to_string(code->stacksize);
  return max_depth;
}

// Source exercising every construct the compiler supports, for the
// whole-program invariants below.
const char* kCorpus = R"(
import sys
from sys import getrecursionlimit as grl, intern
def calls(a, b=2):
    return a(b(c(1, 2), 3), 4) + len([a, b]) + sys.intern('x').upper()
def compares(a, b, c, d):
    return a < b < c < d and a is not b or a in [b, c] and d not in (a,)
def augmented(x, i, y):
    x[i] += y
    x[i:y] -= y
    x.attr *= y
    y //= 3
def loops(a, b):
    t = 0
    for i in a:
        for j in b:
            if j:
                break
            if not i:
                continue
            t += i * j
        else:
            t -= 1
    while t > 0:
        t = t - 1
        if t == 5:
            break
        continue
    else:
        t = 100
    return t
def conditions(a, b, c):
    if a and (b or not c):
        x = 1
    elif not (a or b) and c:
        x = 2
    else:
        x = 3 if a else -4
    return x
def data(a):
    d = {1: [a, (a, a)], 'k': {2: a}}
    del d[1]
    del d['k'], a
    p, (q, r) = 1, [2, 3]
    s = d.get(1, None)[1:2:3]
    return p + q + r
@calls
def decorated(a):
    raise ValueError(a) from None
x = calls(1, b=2) if grl() else None
)";

}  // namespace

// ---------------------------------------------------------------------------
// Instruction shapes
// ---------------------------------------------------------------------------

TEST(Compiler, AddFunctionOpcodes) {
  Code* f = compile_function("def f(a, b): return a + b\n", "f");
  ASSERT_NE(f, nullptr);
  std::vector<std::string> want = {"LOAD_FAST a", "LOAD_FAST b", "BINARY_OP +", "RETURN_VALUE"};
  EXPECT_EQ(listing(f), want);
  // The first four instructions are those (the implicit `return None` the
  // compiler appends after the body may follow, unreachable).
  ASSERT_GE(f->ninstrs, 4);
  EXPECT_EQ(instr_opcode(f->instrs[0]), OP_LOAD_FAST);
  EXPECT_EQ(instr_arg(f->instrs[0]), 0u);
  EXPECT_EQ(instr_opcode(f->instrs[1]), OP_LOAD_FAST);
  EXPECT_EQ(instr_arg(f->instrs[1]), 1u);
  EXPECT_EQ(instr_opcode(f->instrs[2]), OP_BINARY_OP);
  EXPECT_EQ(BinaryOp(instr_arg(f->instrs[2])), BinaryOp::Add);
  EXPECT_EQ(instr_opcode(f->instrs[3]), OP_RETURN_VALUE);
  EXPECT_EQ(f->stacksize, 2);
}

TEST(Compiler, CallProtocolLikeCPython311) {
  // Global callee: LOAD_GLOBAL with the push-null bit; method call: LOAD_METHOD;
  // keyword arguments: KW_NAMES before CALL (CPython 3.11's protocol).
  Code* f = compile_function(
      "def f(o, x):\n"
      "    g(x, k=1)\n"
      "    return o.m(x)\n",
      "f");
  ASSERT_NE(f, nullptr);
  std::vector<std::string> want = {
      "LOAD_GLOBAL NULL+g", "LOAD_FAST x", "LOAD_CONST 0", "KW_NAMES 1", "CALL 2", "POP_TOP",
      "LOAD_FAST o",        "LOAD_METHOD m", "LOAD_FAST x", "CALL 1",     "RETURN_VALUE"};
  EXPECT_EQ(listing(f), want);
  Value kw = tuple_items(f->consts)[1];
  ASSERT_EQ(type_of(kw), &TupleType);
  EXPECT_EQ(tuple_strings(kw.as<Tuple>()), std::vector<std::string>{"k"});
}

TEST(Compiler, ModuleNamesUseNameOpsAndFunctionsUseFastOrGlobal) {
  Code* m = compile_ok(
      "a = 1\n"
      "def f(p):\n"
      "    global a\n"
      "    a = p\n"
      "    q = a + b\n"
      "    return q\n");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->flags & kCodeModule);
  EXPECT_FALSE(m->flags & kCodeOptimized);
  EXPECT_EQ(m->nlocalsplus, 0);
  std::vector<std::string> mod = listing(m);
  ASSERT_GE(mod.size(), 2u);
  EXPECT_EQ(mod[1], "STORE_NAME a");
  Code* f = find_code(m, "f");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->flags & kCodeOptimized);
  EXPECT_TRUE(f->flags & kCodeNewLocals);
  std::vector<std::string> want = {"LOAD_FAST p",   "STORE_GLOBAL a", "LOAD_GLOBAL a",
                                   "LOAD_GLOBAL b", "BINARY_OP +",    "STORE_FAST q",
                                   "LOAD_FAST q",   "RETURN_VALUE"};
  EXPECT_EQ(listing(f), want);
}

// ---------------------------------------------------------------------------
// co_* attributes
// ---------------------------------------------------------------------------

TEST(Compiler, VarnamesSimpleOrder) {
  // CPython 3.11: ('n', 'total', 'i')
  Code* h = compile_function(
      "def h(n):\n"
      "    total = 0\n"
      "    i = 0\n"
      "    while i < n:\n"
      "        total += i\n"
      "        i += 1\n"
      "    return total\n",
      "h");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(co_attr_strings(h, "co_varnames"), (std::vector<std::string>{"n", "total", "i"}));
  EXPECT_EQ(h->argcount, 1);
  Value nlocals = obj_getattr_cstr(Value(h), "co_nlocals");
  EXPECT_EQ(nlocals, Value::small(3));
}

TEST(Compiler, VarnamesOrderMatchesCPython) {
  // CPython numbers non-parameter locals in the order the code generator
  // first emits an access to them (the value of `x = y` before its target,
  // the iterable of a `for` before its target, ...), not in symbol-table
  // order. Expected tuples are f.__code__.co_varnames from CPython 3.11.7.
  struct Case {
    const char* src;
    std::vector<std::string> varnames;
  } cases[] = {
      {"def f(a, b):\n"
       "    c = a\n"
       "    d = c + b\n"
       "    return d\n",
       {"a", "b", "c", "d"}},
      {"def f(a):\n"
       "    x = y\n"
       "    y = 1\n",
       {"a", "y", "x"}},
      {"def f(a, b):\n"
       "    for i in range(a):\n"
       "        t = i + z\n"
       "    z = 3\n"
       "    c, d = b\n"
       "    c += e\n"
       "    e = 1\n",
       {"a", "b", "i", "z", "t", "c", "d", "e"}},
  };
  bool any_mismatch = false;
  std::string report;
  for (const Case& c : cases) {
    Code* f = compile_function(c.src, "f");
    ASSERT_NE(f, nullptr);
    std::vector<std::string> got = co_attr_strings(f, "co_varnames");
    if (got != c.varnames) {
      any_mismatch = true;
      std::string g;
      for (auto& s : got) g += s + " ";
      report += std::string("\n") + c.src + "  -> got: " + g;
    }
  }
  EXPECT_FALSE(any_mismatch) << "co_varnames must follow CPython's code-generation order:"
                             << report;
}

TEST(Compiler, ArgcountsFirstlinenoNamesConsts) {
  Code* m = compile_ok(
      "import sys\n"
      "\n"
      "@sys.intern\n"
      "def f(a, b, /, c, d=4):\n"
      "    e = g(a).x + 'hi'\n"
      "    return e * 2.5\n"
      "def k():\n"
      "    pass\n");
  ASSERT_NE(m, nullptr);
  Code* f = find_code(m, "f");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->argcount, 4);
  EXPECT_EQ(f->posonlyargcount, 2);
  EXPECT_EQ(f->kwonlyargcount, 0);
  // A decorated function starts at its first decorator (CPython 3.8+).
  EXPECT_EQ(f->firstlineno, 3);
  EXPECT_EQ(str_of(f->name), "f");
  EXPECT_EQ(str_of(f->qualname), "f");
  EXPECT_EQ(str_of(f->filename), "<test>");
  EXPECT_EQ(co_attr_strings(f, "co_varnames"), (std::vector<std::string>{"a", "b", "c", "d", "e"}));
  // CPython 3.11: co_names == ('g', 'x')
  EXPECT_EQ(co_attr_strings(f, "co_names"), (std::vector<std::string>{"g", "x"}));
  // The constants the body uses are there (CPython: (None, 'hi', 2.5)).
  bool has_hi = false, has_float = false;
  for (int64_t i = 0; i < tuple_size(f->consts); ++i) {
    Value c = tuple_items(f->consts)[i];
    if (is_str(c) && str_of(c.as<Str>()) == "hi") has_hi = true;
    if (is_float(c) && float_value(c) == 2.5) has_float = true;
  }
  EXPECT_TRUE(has_hi);
  EXPECT_TRUE(has_float);
  // Every localsplus slot of a parameter is marked as one.
  for (int i = 0; i < f->nlocalsplus; ++i) {
    EXPECT_TRUE(f->localspluskinds[i] & kLocalPlain) << i;
    EXPECT_EQ(bool(f->localspluskinds[i] & kLocalArg), i < 4) << i;
  }
  Code* k = find_code(m, "k");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->firstlineno, 7);
  EXPECT_EQ(k->argcount, 0);
  EXPECT_EQ(k->nlocalsplus, 0);
  EXPECT_EQ(m->firstlineno, 1);
  EXPECT_EQ(str_of(m->name), "<module>");
  // The module binds f and k by name, and reads sys.
  std::vector<std::string> names = co_attr_strings(m, "co_names");
  for (const char* n : {"sys", "intern", "f", "k"})
    EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
}

TEST(Compiler, NestedFunctionQualname) {
  Code* m = compile_ok(
      "def outer():\n"
      "    def inner(a):\n"
      "        return a\n"
      "    return inner\n");
  Code* inner = find_code(m, "inner");
  ASSERT_NE(inner, nullptr);
  EXPECT_EQ(str_of(inner->qualname), "outer.<locals>.inner");
  EXPECT_EQ(inner->firstlineno, 2);
  Code* outer = find_code(m, "outer");
  ASSERT_NE(outer, nullptr);
  EXPECT_EQ(co_attr_strings(outer, "co_varnames"), std::vector<std::string>{"inner"});
}

// ---------------------------------------------------------------------------
// Line table
// ---------------------------------------------------------------------------

TEST(Compiler, LineTableMatchesCPythonDis) {
  // dis.get_instructions(f) under CPython 3.11.7 gives, leaving out RESUME
  // and PRECALL (pyglass has no such instructions) and the jump's spelling:
  const char* src =
      "def f(a, b):\n"   // 1
      "    x = a + \\\n"  // 2
      "        b\n"       // 3
      "    y = g(x,\n"    // 4
      "          a)\n"    // 5
      "    if x > y:\n"   // 6
      "        return x\n"  // 7
      "    z = [x,\n"     // 8
      "         y]\n"     // 9
      "    return z\n";   // 10
  std::vector<std::pair<std::string, int>> want = {
      {"LOAD_FAST a", 2},   {"LOAD_FAST b", 3},        {"BINARY_OP +", 2},  {"STORE_FAST x", 2},
      {"LOAD_GLOBAL NULL+g", 4}, {"LOAD_FAST x", 4},   {"LOAD_FAST a", 5},  {"CALL 2", 4},
      {"STORE_FAST y", 4},  {"LOAD_FAST x", 6},        {"LOAD_FAST y", 6},  {"COMPARE_OP >", 6},
      {"POP_JUMP_IF_FALSE", 6}, {"LOAD_FAST x", 7},    {"RETURN_VALUE", 7}, {"LOAD_FAST x", 8},
      {"LOAD_FAST y", 9},   {"BUILD_LIST 2", 8},       {"STORE_FAST z", 8}, {"LOAD_FAST z", 10},
      {"RETURN_VALUE", 10}};
  Code* f = compile_function(src, "f");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->firstlineno, 1);
  std::vector<bool> live = reachable(f);
  std::vector<std::string> ops = listing(f);
  std::vector<std::pair<std::string, int>> got;
  size_t k = 0;
  for (int32_t i = 0; i < f->ninstrs; ++i) {
    if (!live[size_t(i)]) continue;
    std::string op = ops[k++];
    if (op.rfind("POP_JUMP_IF_FALSE", 0) == 0) op = "POP_JUMP_IF_FALSE";
    got.push_back({op, code_line_for(f, i)});
  }
  EXPECT_EQ(got, want);
}

TEST(Compiler, LineTableEncodingAgreesWithTheDocument) {
  // Long runs (> 127 instructions on one line), big forward jumps (> 63
  // lines: multi-byte zigzag), and backward deltas (an operator on an
  // earlier line than its right operand).
  std::string src = "def f(a):\n    x = [";
  for (int i = 0; i < 150; ++i) src += std::to_string(i) + ", ";
  src += "]\n";
  for (int i = 0; i < 200; ++i) src += "    # filler\n";
  src += "    y = (a +\n         a)\n";  // lines 203, 204
  src += "    return x, y\n";            // line 205
  Code* f = compile_function(src, "f");
  ASSERT_NE(f, nullptr);
  std::vector<int> lines = decode_line_table(f);
  ASSERT_EQ(lines.size(), size_t(f->ninstrs)) << "the line table must cover every instruction";
  for (int32_t i = 0; i < f->ninstrs; ++i)
    EXPECT_EQ(code_line_for(f, i), lines[size_t(i)]) << "instruction " << i;
  std::vector<std::string> ops = listing(f);
  // x = [0..149]: 150 constants and BUILD_LIST on line 2.
  for (int32_t i = 0; i <= 151; ++i) EXPECT_EQ(code_line_for(f, i), 2) << i;
  // y = (a + a): LOAD_FAST a (203), LOAD_FAST a (204), BINARY_OP (203), STORE_FAST (203)
  ASSERT_GE(f->ninstrs, 156);
  EXPECT_EQ(ops[152], "LOAD_FAST a");
  EXPECT_EQ(code_line_for(f, 152), 203);
  EXPECT_EQ(code_line_for(f, 153), 204);
  EXPECT_EQ(ops[154], "BINARY_OP +");
  EXPECT_EQ(code_line_for(f, 154), 203);
  EXPECT_EQ(code_line_for(f, 155), 203);
  EXPECT_EQ(code_line_for(f, 156), 205);
}

TEST(Compiler, EveryCodeObjectHasACompleteLineTable) {
  Code* m = compile_ok(kCorpus);
  ASSERT_NE(m, nullptr);
  std::vector<Code*> codes;
  all_codes(m, &codes);
  EXPECT_GE(codes.size(), 8u);
  for (Code* c : codes) {
    std::vector<int> lines = decode_line_table(c);
    EXPECT_EQ(lines.size(), size_t(c->ninstrs)) << str_of(c->name);
    for (int32_t i = 0; i < c->ninstrs && size_t(i) < lines.size(); ++i) {
      EXPECT_EQ(code_line_for(c, i), lines[size_t(i)]) << str_of(c->name) << " @" << i;
      EXPECT_GE(lines[size_t(i)], c->firstlineno) << str_of(c->name) << " @" << i;
    }
  }
}

// ---------------------------------------------------------------------------
// Stack sizes and jumps
// ---------------------------------------------------------------------------

TEST(Compiler, StackSizeSufficientAndTight) {
  // expected: the deepest the stack gets with pyglass's instruction shapes
  // (worked out by hand; CPython 3.11's co_stacksize in the comment).
  struct Case {
    const char* src;
    int expected;
  } cases[] = {
      {"def f():\n    return a(b(c(1, 2), 3), 4)\n", 8},  // CPython 8
      {"def f(a, b, c, d):\n    return a < b < c < d\n", 3},  // CPython 3
      {"def f(x, i, y):\n    x[i] += y\n", 4},  // CPython 4
      {"def f(x, i, y):\n    x[i:y] += y\n", 4},  // CPython 4
      {"def f(x, y):\n    x.a += y\n", 3},  // CPython 3
      {"def f():\n    return [[1, [2, 3]], {1: 2, 3: (4, 5)}]\n", 6},  // CPython 4 (folds consts)
      {"def f(a, b):\n"
       "    for i in a:\n"
       "        for j in b:\n"
       "            if j:\n"
       "                break\n"
       "            continue\n"
       "    return i\n",
       3},  // CPython 3
      {"def f(o, x):\n    return o.m(o.n(x, k=1), x)\n", 6},
  };
  for (const Case& c : cases) {
    Code* f = compile_function(c.src, "f");
    ASSERT_NE(f, nullptr);
    std::string problem;
    int need = verify_stack(f, &problem);
    EXPECT_EQ(problem, "") << c.src;
    EXPECT_EQ(need, c.expected) << c.src;
    EXPECT_GE(f->stacksize, need) << c.src;
    EXPECT_LE(f->stacksize, 2 * c.expected) << c.src;
    EXPECT_EQ(f->framesize, f->nlocalsplus + f->stacksize) << c.src;
  }
}

TEST(Compiler, StackDepthsConsistentAndJumpsValidEverywhere) {
  Code* m = compile_ok(kCorpus);
  ASSERT_NE(m, nullptr);
  std::vector<Code*> codes;
  all_codes(m, &codes);
  for (Code* c : codes) {
    SCOPED_TRACE(str_of(c->name));
    ASSERT_GT(c->ninstrs, 0);
    // Control never falls off the end.
    EXPECT_TRUE(ends_flow(instr_opcode(c->instrs[c->ninstrs - 1])));
    for (int32_t i = 0; i < c->ninstrs; ++i) {
      uint32_t op = instr_opcode(c->instrs[i]);
      ASSERT_LT(op, uint32_t(kOpcodeCount)) << "instruction " << i;
      uint32_t arg = instr_arg(c->instrs[i]);
      switch (kOpcodeInfo[op].operand) {
        case OperandKind::Jump:
          EXPECT_LT(arg, uint32_t(c->ninstrs)) << "jump at " << i;
          if (op == OP_JUMP_BACKWARD) {
            EXPECT_LE(arg, uint32_t(i)) << "jump at " << i;
          }
          if (op == OP_JUMP_FORWARD) {
            EXPECT_GT(arg, uint32_t(i)) << "jump at " << i;
          }
          break;
        case OperandKind::Const:
          EXPECT_LT(int64_t(arg), tuple_size(c->consts)) << i;
          break;
        case OperandKind::Name:
          EXPECT_LT(int64_t(arg), tuple_size(c->names)) << i;
          break;
        case OperandKind::Global:
          EXPECT_LT(int64_t(arg >> 1), tuple_size(c->names)) << i;
          break;
        case OperandKind::Local:
          EXPECT_LT(int32_t(arg), c->nlocalsplus) << i;
          break;
        default:
          break;
      }
    }
    std::string problem;
    int need = verify_stack(c, &problem);
    EXPECT_EQ(problem, "");
    EXPECT_GE(c->stacksize, need);
    EXPECT_LE(c->stacksize, need + 2);
  }
}

TEST(Compiler, OpcodeStackEffects) {
  // Effects against what the eval loop does with the stack.
  EXPECT_EQ(opcode_stack_effect(OP_CALL, 2, false), -3);  // NULL, f, a, b -> result
  EXPECT_EQ(opcode_stack_effect(OP_LOAD_GLOBAL, 1, false), 2);  // NULL + value
  EXPECT_EQ(opcode_stack_effect(OP_LOAD_GLOBAL, 2, false), 1);
  EXPECT_EQ(opcode_stack_effect(OP_LOAD_METHOD, 0, false), 1);
  EXPECT_EQ(opcode_stack_effect(OP_FOR_ITER, 7, false), 1);
  EXPECT_EQ(opcode_stack_effect(OP_FOR_ITER, 7, true), -1);
  EXPECT_EQ(opcode_stack_effect(OP_JUMP_IF_FALSE_OR_POP, 3, false), -1);
  EXPECT_EQ(opcode_stack_effect(OP_JUMP_IF_FALSE_OR_POP, 3, true), 0);
  EXPECT_EQ(opcode_stack_effect(OP_POP_JUMP_IF_TRUE, 3, true), -1);
  EXPECT_EQ(opcode_stack_effect(OP_BUILD_MAP, 2, false), -3);
  EXPECT_EQ(opcode_stack_effect(OP_BUILD_SLICE, 3, false), -2);
  EXPECT_EQ(opcode_stack_effect(OP_UNPACK_SEQUENCE, 3, false), 2);
  EXPECT_EQ(opcode_stack_effect(OP_STORE_SUBSCR, 0, false), -3);
  EXPECT_EQ(opcode_stack_effect(OP_MAKE_FUNCTION, 1, false), -1);
  EXPECT_EQ(opcode_stack_effect(OP_RAISE_VARARGS, 2, false), -2);
  EXPECT_EQ(opcode_stack_effect(OP_IMPORT_NAME, 0, false), -1);
  EXPECT_STREQ(kOpcodeInfo[OP_BINARY_OP].name, "BINARY_OP");
  EXPECT_TRUE(kOpcodeInfo[OP_JUMP_BACKWARD].is_jump);
  EXPECT_FALSE(kOpcodeInfo[OP_CALL].is_jump);
}

// ---------------------------------------------------------------------------
// SyntaxErrors
// ---------------------------------------------------------------------------

struct ExpectedSyntaxError {
  const char* src;
  Type* type;
  const char* msg;
  int lineno;
  int offset;
};

void expect_syntax_error(const ExpectedSyntaxError& e) {
  SCOPED_TRACE(e.src);
  Code* code = compile_source(e.src, "<test>");
  EXPECT_EQ(code, nullptr);
  ASSERT_TRUE(error_occurred());
  Value exc = error_fetch();
  EXPECT_EQ(type_of(exc), e.type) << type_name(exc);
  auto attr = [&](const char* name) {
    Value v = obj_getattr_cstr(exc, name);
    EXPECT_FALSE(v.is_null()) << name;
    if (v.is_null()) error_clear();
    return v;
  };
  Value msg = attr("msg");
  ASSERT_TRUE(!msg.is_null() && is_str(msg));
  EXPECT_EQ(str_of(msg.as<Str>()), e.msg);
  EXPECT_EQ(attr("lineno"), Value::small(e.lineno));
  EXPECT_EQ(attr("offset"), Value::small(e.offset));
  Value filename = attr("filename");
  ASSERT_TRUE(!filename.is_null() && is_str(filename));
  EXPECT_EQ(str_of(filename.as<Str>()), "<test>");
  // str(exc) is the message with the location, as CPython prints it.
  Value s = obj_str(exc);
  ASSERT_FALSE(s.is_null());
  EXPECT_EQ(str_of(s.as<Str>()),
            std::string(e.msg) + " (<test>, line " + std::to_string(e.lineno) + ")");
}

TEST(Compiler, ReturnOutsideFunction) {
  expect_syntax_error({"x = 1\nreturn 1\n", &SyntaxErrorType, "'return' outside function", 2, 1});
  expect_syntax_error({"if x:\n    return\n", &SyntaxErrorType, "'return' outside function", 2, 5});
}

TEST(Compiler, BreakOutsideLoop) {
  expect_syntax_error({"x = 1\nbreak\n", &SyntaxErrorType, "'break' outside loop", 2, 1});
  // The else clause of a loop is not inside it.
  expect_syntax_error({"while x:\n    pass\nelse:\n    break\n", &SyntaxErrorType,
                       "'break' outside loop", 4, 5});
  // A function body does not inherit the loop around its definition.
  expect_syntax_error({"for i in x:\n    def g():\n        break\n", &SyntaxErrorType,
                       "'break' outside loop", 3, 9});
}

TEST(Compiler, ContinueOutsideLoop) {
  expect_syntax_error({"x=1\nif x:\n    continue\n", &SyntaxErrorType,
                       "'continue' not properly in loop", 3, 5});
  expect_syntax_error({"def f():\n    continue\n", &SyntaxErrorType,
                       "'continue' not properly in loop", 2, 5});
}

TEST(Compiler, ParserErrorsPropagate) {
  expect_syntax_error({"x = 1\ny = = 2\n", &SyntaxErrorType, "invalid syntax", 2, 5});
  expect_syntax_error({"def f(:\n  pass\n", &SyntaxErrorType, "invalid syntax", 1, 7});
  expect_syntax_error({"x = (1,\n", &SyntaxErrorType, "'(' was never closed", 1, 5});
  expect_syntax_error({"if x:\n  y = 1\n   z = 2\n", &IndentationErrorType, "unexpected indent", 3, 3});
}

TEST(Compiler, ParserErrorCarriesTheSourceLine) {
  Code* code = compile_source("a = 1\nb = (2 +\nc = 3\n", "<test>");
  EXPECT_EQ(code, nullptr);
  ASSERT_TRUE(error_occurred());
  Value exc = error_fetch();
  EXPECT_TRUE(isinstance(exc, &SyntaxErrorType));
  Value text = obj_getattr_cstr(exc, "text");
  ASSERT_FALSE(text.is_null());
  ASSERT_TRUE(is_str(text)) << type_name(text);
  Value lineno = obj_getattr_cstr(exc, "lineno");
  ASSERT_TRUE(lineno.is_small());
  // The text is the line the error points at.
  const char* lines[] = {"", "a = 1\n", "b = (2 +\n", "c = 3\n"};
  ASSERT_GE(lineno.small_value(), 1);
  ASSERT_LE(lineno.small_value(), 3);
  EXPECT_EQ(str_of(text.as<Str>()), lines[lineno.small_value()]);
}

TEST(Compiler, SymbolTableErrors) {
  expect_syntax_error({"def f(x):\n    global x\n", &SyntaxErrorType,
                       "name 'x' is parameter and global", 2, 5});
  expect_syntax_error({"def f(x, x):\n    pass\n", &SyntaxErrorType,
                       "duplicate argument 'x' in function definition", 1, 10});
  expect_syntax_error({"x = 1\ndef f():\n    x = 2\n    global x\n", &SyntaxErrorType,
                       "name 'x' is assigned to before global declaration", 4, 5});
  expect_syntax_error({"nonlocal x\n", &SyntaxErrorType,
                       "nonlocal declaration not allowed at module level", 1, 1});
}

TEST(Compiler, NonlocalWithoutBindingPointsAtTheStatement) {
  Code* code = compile_source("def f():\n    nonlocal y\n", "<test>");
  ASSERT_EQ(code, nullptr);
  Value exc = error_fetch();
  Value lineno = obj_getattr_cstr(exc, "lineno");
  Value offset = obj_getattr_cstr(exc, "offset");
  EXPECT_EQ(lineno, Value::small(2)) << "CPython points at the nonlocal statement";
  EXPECT_EQ(offset, Value::small(5));
  EXPECT_EQ(str_of(obj_getattr_cstr(exc, "msg").as<Str>()), "no binding for nonlocal 'y' found");
}

}  // namespace pg
