// Parser tests: AST shape and positions for every statement and expression
// kind, and CPython 3.11's syntax errors.
//
// Every expectation in FrontParserAst and FrontParserError was produced by
// CPython 3.11.7 through tests/unit/front_ast_dump.py (for instance
// `front_ast_dump.py -c 'x = 1\n'`), which prints CPython's AST or
// SyntaxError in the text form of front_ast_dump.h. Errors read
// "Kind: msg (line, offset, end_line, end_offset)", offsets being CPython's
// 1-based character offsets.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "front_ast_dump.h"

namespace pg {
namespace {

using test::parse_and_dump;

SyntaxErrorInfo parse_error(std::string_view source) {
  ast::AstArena arena;
  SyntaxErrorInfo err;
  EXPECT_EQ(parse_module(source, "t.py", arena, &err), nullptr);
  return err;
}

// ---------------------------------------------------------------------------
// AST shape and positions
// ---------------------------------------------------------------------------

TEST(FrontParserAst, Assign) {
  EXPECT_EQ(parse_and_dump("x = 1\n"),
            "Module([Assign@1:0-1:5([Name@1:0-1:1(x, Store)], Constant@1:4-1:5(int 1))])");
}

TEST(FrontParserAst, AssignChain) {
  EXPECT_EQ(parse_and_dump("a = b = c\n"),
            "Module([Assign@1:0-1:9([Name@1:0-1:1(a, Store), Name@1:4-1:5(b, Store)], Name@1:8-1:9(c, Load))])");
}

TEST(FrontParserAst, AssignTupleTargets) {
  EXPECT_EQ(parse_and_dump("a, b = c, d\n"),
            "Module([Assign@1:0-1:11([Tuple@1:0-1:4([Name@1:0-1:1(a, Store), Name@1:3-1:4(b, Store)], Store)], Tuple@1:7-1:11([Name@1:7-1:8(c, Load), Name@1:10-1:11(d, Load)], Load))])");
}

TEST(FrontParserAst, AssignStarred) {
  EXPECT_EQ(parse_and_dump("*a, b = c\n[a, *b] = c\n(a, b), = c\n"),
            "Module([Assign@1:0-1:9([Tuple@1:0-1:5([Starred@1:0-1:2(Name@1:1-1:2(a, Store), Store), Name@1:4-1:5(b, Store)], Store)], Name@1:8-1:9(c, Load)), Assign@2:0-2:11([List@2:0-2:7([Name@2:1-2:2(a, Store), Starred@2:4-2:6(Name@2:5-2:6(b, Store), Store)], Store)], Name@2:10-2:11(c, Load)), Assign@3:0-3:11([Tuple@3:0-3:7([Tuple@3:0-3:6([Name@3:1-3:2(a, Store), Name@3:4-3:5(b, Store)], Store)], Store)], Name@3:10-3:11(c, Load))])");
}

TEST(FrontParserAst, AssignAttrSubscript) {
  EXPECT_EQ(parse_and_dump("a.b = a[0] = a[1:2] = 1\n"),
            "Module([Assign@1:0-1:23([Attribute@1:0-1:3(Name@1:0-1:1(a, Load), b, Store), Subscript@1:6-1:10(Name@1:6-1:7(a, Load), Constant@1:8-1:9(int 0), Store), Subscript@1:13-1:19(Name@1:13-1:14(a, Load), Slice@1:15-1:18(Constant@1:15-1:16(int 1), Constant@1:17-1:18(int 2), -), Store)], Constant@1:22-1:23(int 1))])");
}

TEST(FrontParserAst, AnnAssign) {
  EXPECT_EQ(parse_and_dump("x: int = 1\ny: list[int]\n(z): int = 2\na.b: int\na[0]: int = 3\n"),
            "Module([AnnAssign@1:0-1:10(Name@1:0-1:1(x, Store), Name@1:3-1:6(int, Load), Constant@1:9-1:10(int 1), 1), AnnAssign@2:0-2:12(Name@2:0-2:1(y, Store), Subscript@2:3-2:12(Name@2:3-2:7(list, Load), Name@2:8-2:11(int, Load), Load), -, 1), AnnAssign@3:0-3:12(Name@3:1-3:2(z, Store), Name@3:5-3:8(int, Load), Constant@3:11-3:12(int 2), 0), AnnAssign@4:0-4:8(Attribute@4:0-4:3(Name@4:0-4:1(a, Load), b, Store), Name@4:5-4:8(int, Load), -, 0), AnnAssign@5:0-5:13(Subscript@5:0-5:4(Name@5:0-5:1(a, Load), Constant@5:2-5:3(int 0), Store), Name@5:6-5:9(int, Load), Constant@5:12-5:13(int 3), 0)])");
}

TEST(FrontParserAst, AugAssign) {
  EXPECT_EQ(parse_and_dump("x += 1\na.b -= 2\na[i] *= 3\nx @= y\nx /= y\nx //= y\nx %= y\nx **= y\nx <<= y\nx >>= y\nx &= y\nx |= y\nx ^= y\n"),
            "Module([AugAssign@1:0-1:6(Name@1:0-1:1(x, Store), Add, Constant@1:5-1:6(int 1)), AugAssign@2:0-2:8(Attribute@2:0-2:3(Name@2:0-2:1(a, Load), b, Store), Sub, Constant@2:7-2:8(int 2)), AugAssign@3:0-3:9(Subscript@3:0-3:4(Name@3:0-3:1(a, Load), Name@3:2-3:3(i, Load), Store), Mult, Constant@3:8-3:9(int 3)), AugAssign@4:0-4:6(Name@4:0-4:1(x, Store), MatMult, Name@4:5-4:6(y, Load)), AugAssign@5:0-5:6(Name@5:0-5:1(x, Store), Div, Name@5:5-5:6(y, Load)), AugAssign@6:0-6:7(Name@6:0-6:1(x, Store), FloorDiv, Name@6:6-6:7(y, Load)), AugAssign@7:0-7:6(Name@7:0-7:1(x, Store), Mod, Name@7:5-7:6(y, Load)), AugAssign@8:0-8:7(Name@8:0-8:1(x, Store), Pow, Name@8:6-8:7(y, Load)), AugAssign@9:0-9:7(Name@9:0-9:1(x, Store), LShift, Name@9:6-9:7(y, Load)), AugAssign@10:0-10:7(Name@10:0-10:1(x, Store), RShift, Name@10:6-10:7(y, Load)), AugAssign@11:0-11:6(Name@11:0-11:1(x, Store), BitAnd, Name@11:5-11:6(y, Load)), AugAssign@12:0-12:6(Name@12:0-12:1(x, Store), BitOr, Name@12:5-12:6(y, Load)), AugAssign@13:0-13:6(Name@13:0-13:1(x, Store), BitXor, Name@13:5-13:6(y, Load))])");
}

TEST(FrontParserAst, AssignYield) {
  EXPECT_EQ(parse_and_dump("def f():\n    x = yield\n    y = yield from z\n"),
            "Module([FunctionDef@1:0-3:20(f, arguments([], [], -, [], [], -, []), [Assign@2:4-2:13([Name@2:4-2:5(x, Store)], Yield@2:8-2:13(-)), Assign@3:4-3:20([Name@3:4-3:5(y, Store)], YieldFrom@3:8-3:20(Name@3:19-3:20(z, Load)))], [], -)])");
}

TEST(FrontParserAst, Delete) {
  EXPECT_EQ(parse_and_dump("del a, b[0], c.d\ndel (a, b), [c]\n"),
            "Module([Delete@1:0-1:16([Name@1:4-1:5(a, Del), Subscript@1:7-1:11(Name@1:7-1:8(b, Load), Constant@1:9-1:10(int 0), Del), Attribute@1:13-1:16(Name@1:13-1:14(c, Load), d, Del)]), Delete@2:0-2:15([Tuple@2:4-2:10([Name@2:5-2:6(a, Del), Name@2:8-2:9(b, Del)], Del), List@2:12-2:15([Name@2:13-2:14(c, Del)], Del)])])");
}

TEST(FrontParserAst, SimpleStatements) {
  EXPECT_EQ(parse_and_dump("pass\nfor x in y:\n    break\n    continue\n"),
            "Module([Pass@1:0-1:4(), For@2:0-4:12(Name@2:4-2:5(x, Store), Name@2:9-2:10(y, Load), [Break@3:4-3:9(), Continue@4:4-4:12()], [])])");
}

TEST(FrontParserAst, Return) {
  EXPECT_EQ(parse_and_dump("def f():\n    return\n    return 1\n    return 1, 2\n    return *a, b\n"),
            "Module([FunctionDef@1:0-5:16(f, arguments([], [], -, [], [], -, []), [Return@2:4-2:10(-), Return@3:4-3:12(Constant@3:11-3:12(int 1)), Return@4:4-4:15(Tuple@4:11-4:15([Constant@4:11-4:12(int 1), Constant@4:14-4:15(int 2)], Load)), Return@5:4-5:16(Tuple@5:11-5:16([Starred@5:11-5:13(Name@5:12-5:13(a, Load), Load), Name@5:15-5:16(b, Load)], Load))], [], -)])");
}

TEST(FrontParserAst, Raise) {
  EXPECT_EQ(parse_and_dump("raise\nraise E\nraise E(1) from e\n"),
            "Module([Raise@1:0-1:5(-, -), Raise@2:0-2:7(Name@2:6-2:7(E, Load), -), Raise@3:0-3:17(Call@3:6-3:10(Name@3:6-3:7(E, Load), [Constant@3:8-3:9(int 1)], []), Name@3:16-3:17(e, Load))])");
}

TEST(FrontParserAst, GlobalNonlocal) {
  EXPECT_EQ(parse_and_dump("global a, b\ndef f():\n    x = 1\n    def g():\n        nonlocal x\n"),
            "Module([Global@1:0-1:11([a, b]), FunctionDef@2:0-5:18(f, arguments([], [], -, [], [], -, []), [Assign@3:4-3:9([Name@3:4-3:5(x, Store)], Constant@3:8-3:9(int 1)), FunctionDef@4:4-5:18(g, arguments([], [], -, [], [], -, []), [Nonlocal@5:8-5:18([x])], [], -)], [], -)])");
}

TEST(FrontParserAst, Assert) {
  EXPECT_EQ(parse_and_dump("assert x\nassert x, 'msg'\n"),
            "Module([Assert@1:0-1:8(Name@1:7-1:8(x, Load), -), Assert@2:0-2:15(Name@2:7-2:8(x, Load), Constant@2:10-2:15(str 'msg'))])");
}

TEST(FrontParserAst, Import) {
  EXPECT_EQ(parse_and_dump("import a\nimport a.b.c as d, e\n"),
            "Module([Import@1:0-1:8([alias@1:7-1:8(a, -)]), Import@2:0-2:20([alias@2:7-2:17(a.b.c, d), alias@2:19-2:20(e, -)])])");
}

TEST(FrontParserAst, ImportFrom) {
  EXPECT_EQ(parse_and_dump("from m import x\nfrom ..m import (x, y as z,)\nfrom . import x\nfrom m import *\nfrom ...pkg.mod import a\nfrom .... import b\n"),
            "Module([ImportFrom@1:0-1:15(m, [alias@1:14-1:15(x, -)], 0), ImportFrom@2:0-2:28(m, [alias@2:17-2:18(x, -), alias@2:20-2:26(y, z)], 2), ImportFrom@3:0-3:15(-, [alias@3:14-3:15(x, -)], 1), ImportFrom@4:0-4:15(m, [alias@4:14-4:15(*, -)], 0), ImportFrom@5:0-5:24(pkg.mod, [alias@5:23-5:24(a, -)], 3), ImportFrom@6:0-6:18(-, [alias@6:17-6:18(b, -)], 4)])");
}

TEST(FrontParserAst, IfElifElse) {
  EXPECT_EQ(parse_and_dump("if a:\n    pass\nelif b:\n    x = 1\nelif c:\n    pass\nelse:\n    y = 2\n"),
            "Module([If@1:0-8:9(Name@1:3-1:4(a, Load), [Pass@2:4-2:8()], [If@3:0-8:9(Name@3:5-3:6(b, Load), [Assign@4:4-4:9([Name@4:4-4:5(x, Store)], Constant@4:8-4:9(int 1))], [If@5:0-8:9(Name@5:5-5:6(c, Load), [Pass@6:4-6:8()], [Assign@8:4-8:9([Name@8:4-8:5(y, Store)], Constant@8:8-8:9(int 2))])])])])");
}

TEST(FrontParserAst, IfOneLine) {
  EXPECT_EQ(parse_and_dump("if x: pass\nif y: a = 1; b = 2\n"),
            "Module([If@1:0-1:10(Name@1:3-1:4(x, Load), [Pass@1:6-1:10()], []), If@2:0-2:18(Name@2:3-2:4(y, Load), [Assign@2:6-2:11([Name@2:6-2:7(a, Store)], Constant@2:10-2:11(int 1)), Assign@2:13-2:18([Name@2:13-2:14(b, Store)], Constant@2:17-2:18(int 2))], [])])");
}

TEST(FrontParserAst, WhileElse) {
  EXPECT_EQ(parse_and_dump("while x:\n    break\nelse:\n    pass\n"),
            "Module([While@1:0-4:8(Name@1:6-1:7(x, Load), [Break@2:4-2:9()], [Pass@4:4-4:8()])])");
}

TEST(FrontParserAst, ForElse) {
  EXPECT_EQ(parse_and_dump("for i, (j, k) in x:\n    continue\nelse:\n    pass\n"),
            "Module([For@1:0-4:8(Tuple@1:4-1:13([Name@1:4-1:5(i, Store), Tuple@1:7-1:13([Name@1:8-1:9(j, Store), Name@1:11-1:12(k, Store)], Store)], Store), Name@1:17-1:18(x, Load), [Continue@2:4-2:12()], [Pass@4:4-4:8()])])");
}

TEST(FrontParserAst, AsyncConstructs) {
  EXPECT_EQ(parse_and_dump("async def f():\n    async for x in y:\n        pass\n    async with a as b, c:\n        pass\n    await z\n    return [x async for x in y]\n"),
            "Module([AsyncFunctionDef@1:0-7:31(f, arguments([], [], -, [], [], -, []), [AsyncFor@2:4-3:12(Name@2:14-2:15(x, Store), Name@2:19-2:20(y, Load), [Pass@3:8-3:12()], []), AsyncWith@4:4-5:12([withitem(Name@4:15-4:16(a, Load), Name@4:20-4:21(b, Store)), withitem(Name@4:23-4:24(c, Load), -)], [Pass@5:8-5:12()]), Expr@6:4-6:11(Await@6:4-6:11(Name@6:10-6:11(z, Load))), Return@7:4-7:31(ListComp@7:11-7:31(Name@7:12-7:13(x, Load), [comprehension(Name@7:24-7:25(x, Store), Name@7:29-7:30(y, Load), [], 1)]))], [], -)])");
}

TEST(FrontParserAst, With) {
  EXPECT_EQ(parse_and_dump("with a:\n    pass\nwith a as b, c as (d, e):\n    pass\n"),
            "Module([With@1:0-2:8([withitem(Name@1:5-1:6(a, Load), -)], [Pass@2:4-2:8()]), With@3:0-4:8([withitem(Name@3:5-3:6(a, Load), Name@3:10-3:11(b, Store)), withitem(Name@3:13-3:14(c, Load), Tuple@3:18-3:24([Name@3:19-3:20(d, Store), Name@3:22-3:23(e, Store)], Store))], [Pass@4:4-4:8()])])");
}

TEST(FrontParserAst, WithParenthesized) {
  EXPECT_EQ(parse_and_dump("with (a as b, c as d,):\n    pass\nwith (a, b):\n    pass\nwith (a):\n    pass\n"),
            "Module([With@1:0-2:8([withitem(Name@1:6-1:7(a, Load), Name@1:11-1:12(b, Store)), withitem(Name@1:14-1:15(c, Load), Name@1:19-1:20(d, Store))], [Pass@2:4-2:8()]), With@3:0-4:8([withitem(Name@3:6-3:7(a, Load), -), withitem(Name@3:9-3:10(b, Load), -)], [Pass@4:4-4:8()]), With@5:0-6:8([withitem(Name@5:6-5:7(a, Load), -)], [Pass@6:4-6:8()])])");
}

TEST(FrontParserAst, TryExcept) {
  EXPECT_EQ(parse_and_dump("try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n"),
            "Module([Try@1:0-12:8([Pass@2:4-2:8()], [ExceptHandler@3:0-4:8(Name@3:7-3:8(E, Load), e, [Pass@4:4-4:8()]), ExceptHandler@5:0-6:8(Tuple@5:7-5:13([Name@5:8-5:9(A, Load), Name@5:11-5:12(B, Load)], Load), -, [Pass@6:4-6:8()]), ExceptHandler@7:0-8:8(-, -, [Pass@8:4-8:8()])], [Pass@10:4-10:8()], [Pass@12:4-12:8()])])");
}

TEST(FrontParserAst, TryFinally) {
  EXPECT_EQ(parse_and_dump("try:\n    x = 1\nfinally:\n    y = 2\n"),
            "Module([Try@1:0-4:9([Assign@2:4-2:9([Name@2:4-2:5(x, Store)], Constant@2:8-2:9(int 1))], [], [], [Assign@4:4-4:9([Name@4:4-4:5(y, Store)], Constant@4:8-4:9(int 2))])])");
}

TEST(FrontParserAst, FunctionDefAllParams) {
  EXPECT_EQ(parse_and_dump("@dec\n@a.b(1)\ndef f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    pass\n"),
            "Module([FunctionDef@3:0-4:8(f, arguments([arg@3:6-3:7(a, -), arg@3:9-3:10(b, -)], [arg@3:17-3:18(c, -)], arg@3:23-3:27(args, -), [arg@3:29-3:30(d, -), arg@3:32-3:33(e, -)], [-, Constant@3:34-3:35(int 3)], arg@3:39-3:41(kw, -), [Constant@3:11-3:12(int 1), Constant@3:19-3:20(int 2)]), [Pass@4:4-4:8()], [Name@1:1-1:4(dec, Load), Call@2:1-2:7(Attribute@2:1-2:4(Name@2:1-2:2(a, Load), b, Load), [Constant@2:5-2:6(int 1)], [])], Name@3:46-3:49(int, Load))])");
}

TEST(FrontParserAst, FunctionDefAnnotations) {
  EXPECT_EQ(parse_and_dump("def f(a: int, *, b: str = 'x', **k: dict) -> None: pass\n"),
            "Module([FunctionDef@1:0-1:55(f, arguments([], [arg@1:6-1:12(a, Name@1:9-1:12(int, Load))], -, [arg@1:17-1:23(b, Name@1:20-1:23(str, Load))], [Constant@1:26-1:29(str 'x')], arg@1:33-1:40(k, Name@1:36-1:40(dict, Load)), []), [Pass@1:51-1:55()], [], Constant@1:45-1:49(None))])");
}

TEST(FrontParserAst, FunctionDefStarAnnotation) {
  EXPECT_EQ(parse_and_dump("def f(*args: *Ts): pass\n"),
            "Module([FunctionDef@1:0-1:23(f, arguments([], [], arg@1:7-1:16(args, Starred@1:13-1:16(Name@1:14-1:16(Ts, Load), Load)), [], [], -, []), [Pass@1:19-1:23()], [], -)])");
}

TEST(FrontParserAst, FunctionDefPosOnly) {
  EXPECT_EQ(parse_and_dump("def f(a, /): pass\ndef g(a=1, /, b=2): pass\ndef h(*, a): pass\ndef k(**kw): pass\n"),
            "Module([FunctionDef@1:0-1:17(f, arguments([arg@1:6-1:7(a, -)], [], -, [], [], -, []), [Pass@1:13-1:17()], [], -), FunctionDef@2:0-2:24(g, arguments([arg@2:6-2:7(a, -)], [arg@2:14-2:15(b, -)], -, [], [], -, [Constant@2:8-2:9(int 1), Constant@2:16-2:17(int 2)]), [Pass@2:20-2:24()], [], -), FunctionDef@3:0-3:17(h, arguments([], [], -, [arg@3:9-3:10(a, -)], [-], -, []), [Pass@3:13-3:17()], [], -), FunctionDef@4:0-4:17(k, arguments([], [], -, [], [], arg@4:8-4:10(kw, -), []), [Pass@4:13-4:17()], [], -)])");
}

TEST(FrontParserAst, ClassDef) {
  EXPECT_EQ(parse_and_dump("class C(B, metaclass=M, **kw):\n    x = 1\n\n    def m(self):\n        pass\nclass D: pass\nclass E(): pass\n"),
            "Module([ClassDef@1:0-5:12(C, [Name@1:8-1:9(B, Load)], [keyword@1:11-1:22(metaclass, Name@1:21-1:22(M, Load)), keyword@1:24-1:28(-, Name@1:26-1:28(kw, Load))], [Assign@2:4-2:9([Name@2:4-2:5(x, Store)], Constant@2:8-2:9(int 1)), FunctionDef@4:4-5:12(m, arguments([], [arg@4:10-4:14(self, -)], -, [], [], -, []), [Pass@5:8-5:12()], [], -)], []), ClassDef@6:0-6:13(D, [], [], [Pass@6:9-6:13()], []), ClassDef@7:0-7:15(E, [], [], [Pass@7:11-7:15()], [])])");
}

TEST(FrontParserAst, DecoratedClass) {
  EXPECT_EQ(parse_and_dump("@dec\n@dec2(x)\nclass C:\n    pass\n"),
            "Module([ClassDef@3:0-4:8(C, [], [], [Pass@4:4-4:8()], [Name@1:1-1:4(dec, Load), Call@2:1-2:8(Name@2:1-2:5(dec2, Load), [Name@2:6-2:7(x, Load)], [])])])");
}

TEST(FrontParserAst, Semicolons) {
  EXPECT_EQ(parse_and_dump("x = 1; y = 2;\n"),
            "Module([Assign@1:0-1:5([Name@1:0-1:1(x, Store)], Constant@1:4-1:5(int 1)), Assign@1:7-1:12([Name@1:7-1:8(y, Store)], Constant@1:11-1:12(int 2))])");
}

TEST(FrontParserAst, BackslashContinuation) {
  EXPECT_EQ(parse_and_dump("x = 1 + \\\n    2\nif a and \\\n   b:\n    pass\n"),
            "Module([Assign@1:0-2:5([Name@1:0-1:1(x, Store)], BinOp@1:4-2:5(Constant@1:4-1:5(int 1), Add, Constant@2:4-2:5(int 2))), If@3:0-5:8(BoolOp@3:3-4:4(And, [Name@3:3-3:4(a, Load), Name@4:3-4:4(b, Load)]), [Pass@5:4-5:8()], [])])");
}

TEST(FrontParserAst, ImplicitJoining) {
  EXPECT_EQ(parse_and_dump("x = (1 +\n     2)\ny = [1,\n\n  # comment\n     2]\n"),
            "Module([Assign@1:0-2:7([Name@1:0-1:1(x, Store)], BinOp@1:5-2:6(Constant@1:5-1:6(int 1), Add, Constant@2:5-2:6(int 2))), Assign@3:0-6:7([Name@3:0-3:1(y, Store)], List@3:4-6:7([Constant@3:5-3:6(int 1), Constant@6:5-6:6(int 2)], Load))])");
}

TEST(FrontParserAst, CommentsAndBlankLines) {
  EXPECT_EQ(parse_and_dump("# header\n\nx = 1  # trailing\n\n    # indented comment\ny = 2\n"),
            "Module([Assign@3:0-3:5([Name@3:0-3:1(x, Store)], Constant@3:4-3:5(int 1)), Assign@6:0-6:5([Name@6:0-6:1(y, Store)], Constant@6:4-6:5(int 2))])");
}

TEST(FrontParserAst, TabsInIndentation) {
  EXPECT_EQ(parse_and_dump("if x:\n\tpass\n\tif y:\n\t\tz = 1\n"),
            "Module([If@1:0-4:7(Name@1:3-1:4(x, Load), [Pass@2:1-2:5(), If@3:1-4:7(Name@3:4-3:5(y, Load), [Assign@4:2-4:7([Name@4:2-4:3(z, Store)], Constant@4:6-4:7(int 1))], [])], [])])");
}

TEST(FrontParserAst, FormFeed) {
  EXPECT_EQ(parse_and_dump("\014x = 1\nif y:\n\014    pass\n"),
            "Module([Assign@1:1-1:6([Name@1:1-1:2(x, Store)], Constant@1:5-1:6(int 1)), If@2:0-3:9(Name@2:3-2:4(y, Load), [Pass@3:5-3:9()], [])])");
}

TEST(FrontParserAst, BoolOps) {
  EXPECT_EQ(parse_and_dump("a or b or c\na and not b\na and b or c and d\n"),
            "Module([Expr@1:0-1:11(BoolOp@1:0-1:11(Or, [Name@1:0-1:1(a, Load), Name@1:5-1:6(b, Load), Name@1:10-1:11(c, Load)])), Expr@2:0-2:11(BoolOp@2:0-2:11(And, [Name@2:0-2:1(a, Load), UnaryOp@2:6-2:11(Not, Name@2:10-2:11(b, Load))])), Expr@3:0-3:18(BoolOp@3:0-3:18(Or, [BoolOp@3:0-3:7(And, [Name@3:0-3:1(a, Load), Name@3:6-3:7(b, Load)]), BoolOp@3:11-3:18(And, [Name@3:11-3:12(c, Load), Name@3:17-3:18(d, Load)])]))])");
}

TEST(FrontParserAst, NamedExpr) {
  EXPECT_EQ(parse_and_dump("(y := f(x))\nif (n := len(a)) > 10: pass\n[y := 1, y ** 2]\n"),
            "Module([Expr@1:0-1:11(NamedExpr@1:1-1:10(Name@1:1-1:2(y, Store), Call@1:6-1:10(Name@1:6-1:7(f, Load), [Name@1:8-1:9(x, Load)], []))), If@2:0-2:27(Compare@2:3-2:21(NamedExpr@2:4-2:15(Name@2:4-2:5(n, Store), Call@2:9-2:15(Name@2:9-2:12(len, Load), [Name@2:13-2:14(a, Load)], [])), [Gt], [Constant@2:19-2:21(int 10)]), [Pass@2:23-2:27()], []), Expr@3:0-3:16(List@3:0-3:16([NamedExpr@3:1-3:7(Name@3:1-3:2(y, Store), Constant@3:6-3:7(int 1)), BinOp@3:9-3:15(Name@3:9-3:10(y, Load), Pow, Constant@3:14-3:15(int 2))], Load))])");
}

TEST(FrontParserAst, BinOps) {
  EXPECT_EQ(parse_and_dump("a + b * c - d / e // f % g @ h\na | b ^ c & d << e >> f\n"),
            "Module([Expr@1:0-1:30(BinOp@1:0-1:30(BinOp@1:0-1:9(Name@1:0-1:1(a, Load), Add, BinOp@1:4-1:9(Name@1:4-1:5(b, Load), Mult, Name@1:8-1:9(c, Load))), Sub, BinOp@1:12-1:30(BinOp@1:12-1:26(BinOp@1:12-1:22(BinOp@1:12-1:17(Name@1:12-1:13(d, Load), Div, Name@1:16-1:17(e, Load)), FloorDiv, Name@1:21-1:22(f, Load)), Mod, Name@1:25-1:26(g, Load)), MatMult, Name@1:29-1:30(h, Load)))), Expr@2:0-2:23(BinOp@2:0-2:23(Name@2:0-2:1(a, Load), BitOr, BinOp@2:4-2:23(Name@2:4-2:5(b, Load), BitXor, BinOp@2:8-2:23(Name@2:8-2:9(c, Load), BitAnd, BinOp@2:12-2:23(BinOp@2:12-2:18(Name@2:12-2:13(d, Load), LShift, Name@2:17-2:18(e, Load)), RShift, Name@2:22-2:23(f, Load))))))])");
}

TEST(FrontParserAst, UnaryAndPower) {
  EXPECT_EQ(parse_and_dump("-a\n+a\n~a\nnot a\na ** -b ** c\n-a ** b\n"),
            "Module([Expr@1:0-1:2(UnaryOp@1:0-1:2(USub, Name@1:1-1:2(a, Load))), Expr@2:0-2:2(UnaryOp@2:0-2:2(UAdd, Name@2:1-2:2(a, Load))), Expr@3:0-3:2(UnaryOp@3:0-3:2(Invert, Name@3:1-3:2(a, Load))), Expr@4:0-4:5(UnaryOp@4:0-4:5(Not, Name@4:4-4:5(a, Load))), Expr@5:0-5:12(BinOp@5:0-5:12(Name@5:0-5:1(a, Load), Pow, UnaryOp@5:5-5:12(USub, BinOp@5:6-5:12(Name@5:6-5:7(b, Load), Pow, Name@5:11-5:12(c, Load))))), Expr@6:0-6:7(UnaryOp@6:0-6:7(USub, BinOp@6:1-6:7(Name@6:1-6:2(a, Load), Pow, Name@6:6-6:7(b, Load))))])");
}

TEST(FrontParserAst, Lambda) {
  EXPECT_EQ(parse_and_dump("lambda: 0\nlambda x, y=1, *a, z, **k: x\nlambda *, a: a\nlambda a, /, b: a\n"),
            "Module([Expr@1:0-1:9(Lambda@1:0-1:9(arguments([], [], -, [], [], -, []), Constant@1:8-1:9(int 0))), Expr@2:0-2:28(Lambda@2:0-2:28(arguments([], [arg@2:7-2:8(x, -), arg@2:10-2:11(y, -)], arg@2:16-2:17(a, -), [arg@2:19-2:20(z, -)], [-], arg@2:24-2:25(k, -), [Constant@2:12-2:13(int 1)]), Name@2:27-2:28(x, Load))), Expr@3:0-3:14(Lambda@3:0-3:14(arguments([], [], -, [arg@3:10-3:11(a, -)], [-], -, []), Name@3:13-3:14(a, Load))), Expr@4:0-4:17(Lambda@4:0-4:17(arguments([arg@4:7-4:8(a, -)], [arg@4:13-4:14(b, -)], -, [], [], -, []), Name@4:16-4:17(a, Load)))])");
}

TEST(FrontParserAst, IfExp) {
  EXPECT_EQ(parse_and_dump("a if b else c\na if b else c if d else e\n"),
            "Module([Expr@1:0-1:13(IfExp@1:0-1:13(Name@1:5-1:6(b, Load), Name@1:0-1:1(a, Load), Name@1:12-1:13(c, Load))), Expr@2:0-2:25(IfExp@2:0-2:25(Name@2:5-2:6(b, Load), Name@2:0-2:1(a, Load), IfExp@2:12-2:25(Name@2:17-2:18(d, Load), Name@2:12-2:13(c, Load), Name@2:24-2:25(e, Load))))])");
}

TEST(FrontParserAst, DictSet) {
  EXPECT_EQ(parse_and_dump("{}\n{1: 2, **d, 'k': v}\n{1, 2, *s}\n"),
            "Module([Expr@1:0-1:2(Dict@1:0-1:2([], [])), Expr@2:0-2:19(Dict@2:0-2:19([Constant@2:1-2:2(int 1), -, Constant@2:12-2:15(str 'k')], [Constant@2:4-2:5(int 2), Name@2:9-2:10(d, Load), Name@2:17-2:18(v, Load)])), Expr@3:0-3:10(Set@3:0-3:10([Constant@3:1-3:2(int 1), Constant@3:4-3:5(int 2), Starred@3:7-3:9(Name@3:8-3:9(s, Load), Load)]))])");
}

TEST(FrontParserAst, Comprehensions) {
  EXPECT_EQ(parse_and_dump("[x for x in y if x if z for w in x]\n{x for x in y}\n{k: v for k, v in d.items()}\n(x for x in y)\n"),
            "Module([Expr@1:0-1:35(ListComp@1:0-1:35(Name@1:1-1:2(x, Load), [comprehension(Name@1:7-1:8(x, Store), Name@1:12-1:13(y, Load), [Name@1:17-1:18(x, Load), Name@1:22-1:23(z, Load)], 0), comprehension(Name@1:28-1:29(w, Store), Name@1:33-1:34(x, Load), [], 0)])), Expr@2:0-2:14(SetComp@2:0-2:14(Name@2:1-2:2(x, Load), [comprehension(Name@2:7-2:8(x, Store), Name@2:12-2:13(y, Load), [], 0)])), Expr@3:0-3:28(DictComp@3:0-3:28(Name@3:1-3:2(k, Load), Name@3:4-3:5(v, Load), [comprehension(Tuple@3:10-3:14([Name@3:10-3:11(k, Store), Name@3:13-3:14(v, Store)], Store), Call@3:18-3:27(Attribute@3:18-3:25(Name@3:18-3:19(d, Load), items, Load), [], []), [], 0)])), Expr@4:0-4:14(GeneratorExp@4:0-4:14(Name@4:1-4:2(x, Load), [comprehension(Name@4:7-4:8(x, Store), Name@4:12-4:13(y, Load), [], 0)]))])");
}

TEST(FrontParserAst, GeneratorArgument) {
  EXPECT_EQ(parse_and_dump("f(x for x in y)\nf(a, (x for x in y))\n"),
            "Module([Expr@1:0-1:15(Call@1:0-1:15(Name@1:0-1:1(f, Load), [GeneratorExp@1:1-1:15(Name@1:2-1:3(x, Load), [comprehension(Name@1:8-1:9(x, Store), Name@1:13-1:14(y, Load), [], 0)])], [])), Expr@2:0-2:20(Call@2:0-2:20(Name@2:0-2:1(f, Load), [Name@2:2-2:3(a, Load), GeneratorExp@2:5-2:19(Name@2:6-2:7(x, Load), [comprehension(Name@2:12-2:13(x, Store), Name@2:17-2:18(y, Load), [], 0)])], []))])");
}

TEST(FrontParserAst, Yield) {
  EXPECT_EQ(parse_and_dump("def f():\n    yield\n    yield x\n    yield x, y\n    yield from x\n    await_ = (yield)\n"),
            "Module([FunctionDef@1:0-6:20(f, arguments([], [], -, [], [], -, []), [Expr@2:4-2:9(Yield@2:4-2:9(-)), Expr@3:4-3:11(Yield@3:4-3:11(Name@3:10-3:11(x, Load))), Expr@4:4-4:14(Yield@4:4-4:14(Tuple@4:10-4:14([Name@4:10-4:11(x, Load), Name@4:13-4:14(y, Load)], Load))), Expr@5:4-5:16(YieldFrom@5:4-5:16(Name@5:15-5:16(x, Load))), Assign@6:4-6:20([Name@6:4-6:10(await_, Store)], Yield@6:14-6:19(-))], [], -)])");
}

TEST(FrontParserAst, Compare) {
  EXPECT_EQ(parse_and_dump("a < b <= c == d != e > f >= g is h is not i in j not in k\n"),
            "Module([Expr@1:0-1:57(Compare@1:0-1:57(Name@1:0-1:1(a, Load), [Lt, LtE, Eq, NotEq, Gt, GtE, Is, IsNot, In, NotIn], [Name@1:4-1:5(b, Load), Name@1:9-1:10(c, Load), Name@1:14-1:15(d, Load), Name@1:19-1:20(e, Load), Name@1:23-1:24(f, Load), Name@1:28-1:29(g, Load), Name@1:33-1:34(h, Load), Name@1:42-1:43(i, Load), Name@1:47-1:48(j, Load), Name@1:56-1:57(k, Load)]))])");
}

TEST(FrontParserAst, Call) {
  EXPECT_EQ(parse_and_dump("f()\nf(a, *b, c=1, **d)\nf(a)(b)\nf(*a, *b, **c, **d)\nf(a=1, *b)\n"),
            "Module([Expr@1:0-1:3(Call@1:0-1:3(Name@1:0-1:1(f, Load), [], [])), Expr@2:0-2:18(Call@2:0-2:18(Name@2:0-2:1(f, Load), [Name@2:2-2:3(a, Load), Starred@2:5-2:7(Name@2:6-2:7(b, Load), Load)], [keyword@2:9-2:12(c, Constant@2:11-2:12(int 1)), keyword@2:14-2:17(-, Name@2:16-2:17(d, Load))])), Expr@3:0-3:7(Call@3:0-3:7(Call@3:0-3:4(Name@3:0-3:1(f, Load), [Name@3:2-3:3(a, Load)], []), [Name@3:5-3:6(b, Load)], [])), Expr@4:0-4:19(Call@4:0-4:19(Name@4:0-4:1(f, Load), [Starred@4:2-4:4(Name@4:3-4:4(a, Load), Load), Starred@4:6-4:8(Name@4:7-4:8(b, Load), Load)], [keyword@4:10-4:13(-, Name@4:12-4:13(c, Load)), keyword@4:15-4:18(-, Name@4:17-4:18(d, Load))])), Expr@5:0-5:10(Call@5:0-5:10(Name@5:0-5:1(f, Load), [Starred@5:7-5:9(Name@5:8-5:9(b, Load), Load)], [keyword@5:2-5:5(a, Constant@5:4-5:5(int 1))]))])");
}

TEST(FrontParserAst, Attribute) {
  EXPECT_EQ(parse_and_dump("x.y.z\nx.y().z\n"),
            "Module([Expr@1:0-1:5(Attribute@1:0-1:5(Attribute@1:0-1:3(Name@1:0-1:1(x, Load), y, Load), z, Load)), Expr@2:0-2:7(Attribute@2:0-2:7(Call@2:0-2:5(Attribute@2:0-2:3(Name@2:0-2:1(x, Load), y, Load), [], []), z, Load))])");
}

TEST(FrontParserAst, Subscript) {
  EXPECT_EQ(parse_and_dump("a[1]\na[1:2]\na[:]\na[::]\na[1:2:3]\na[1:2, ::3]\na[x, y]\na[x,]\na[*b]\n"),
            "Module([Expr@1:0-1:4(Subscript@1:0-1:4(Name@1:0-1:1(a, Load), Constant@1:2-1:3(int 1), Load)), Expr@2:0-2:6(Subscript@2:0-2:6(Name@2:0-2:1(a, Load), Slice@2:2-2:5(Constant@2:2-2:3(int 1), Constant@2:4-2:5(int 2), -), Load)), Expr@3:0-3:4(Subscript@3:0-3:4(Name@3:0-3:1(a, Load), Slice@3:2-3:3(-, -, -), Load)), Expr@4:0-4:5(Subscript@4:0-4:5(Name@4:0-4:1(a, Load), Slice@4:2-4:4(-, -, -), Load)), Expr@5:0-5:8(Subscript@5:0-5:8(Name@5:0-5:1(a, Load), Slice@5:2-5:7(Constant@5:2-5:3(int 1), Constant@5:4-5:5(int 2), Constant@5:6-5:7(int 3)), Load)), Expr@6:0-6:11(Subscript@6:0-6:11(Name@6:0-6:1(a, Load), Tuple@6:2-6:10([Slice@6:2-6:5(Constant@6:2-6:3(int 1), Constant@6:4-6:5(int 2), -), Slice@6:7-6:10(-, -, Constant@6:9-6:10(int 3))], Load), Load)), Expr@7:0-7:7(Subscript@7:0-7:7(Name@7:0-7:1(a, Load), Tuple@7:2-7:6([Name@7:2-7:3(x, Load), Name@7:5-7:6(y, Load)], Load), Load)), Expr@8:0-8:5(Subscript@8:0-8:5(Name@8:0-8:1(a, Load), Tuple@8:2-8:4([Name@8:2-8:3(x, Load)], Load), Load)), Expr@9:0-9:5(Subscript@9:0-9:5(Name@9:0-9:1(a, Load), Tuple@9:2-9:4([Starred@9:2-9:4(Name@9:3-9:4(b, Load), Load)], Load), Load))])");
}

TEST(FrontParserAst, Starred) {
  EXPECT_EQ(parse_and_dump("print(*a)\n[*a, *b]\n{**a}\n"),
            "Module([Expr@1:0-1:9(Call@1:0-1:9(Name@1:0-1:5(print, Load), [Starred@1:6-1:8(Name@1:7-1:8(a, Load), Load)], [])), Expr@2:0-2:8(List@2:0-2:8([Starred@2:1-2:3(Name@2:2-2:3(a, Load), Load), Starred@2:5-2:7(Name@2:6-2:7(b, Load), Load)], Load)), Expr@3:0-3:5(Dict@3:0-3:5([-], [Name@3:3-3:4(a, Load)]))])");
}

TEST(FrontParserAst, Numbers) {
  EXPECT_EQ(parse_and_dump("0\n123\n0x1F\n0o17\n0b101\n1_000_000\n0_0\n00\n1.\n.5\n1e10\n1E-5\n1_000.5\n3j\n1.5J\n1e5j\n0xdead_beef\n"),
            "Module([Expr@1:0-1:1(Constant@1:0-1:1(int 0)), Expr@2:0-2:3(Constant@2:0-2:3(int 123)), Expr@3:0-3:4(Constant@3:0-3:4(int 31)), Expr@4:0-4:4(Constant@4:0-4:4(int 15)), Expr@5:0-5:5(Constant@5:0-5:5(int 5)), Expr@6:0-6:9(Constant@6:0-6:9(int 1000000)), Expr@7:0-7:3(Constant@7:0-7:3(int 0)), Expr@8:0-8:2(Constant@8:0-8:2(int 0)), Expr@9:0-9:2(Constant@9:0-9:2(float 1)), Expr@10:0-10:2(Constant@10:0-10:2(float 0.5)), Expr@11:0-11:4(Constant@11:0-11:4(float 10000000000)), Expr@12:0-12:4(Constant@12:0-12:4(float 1.0000000000000001e-05)), Expr@13:0-13:7(Constant@13:0-13:7(float 1000.5)), Expr@14:0-14:2(Constant@14:0-14:2(complex 3)), Expr@15:0-15:4(Constant@15:0-15:4(complex 1.5)), Expr@16:0-16:4(Constant@16:0-16:4(complex 100000)), Expr@17:0-17:11(Constant@17:0-17:11(int 3735928559))])");
}

TEST(FrontParserAst, Floats) {
  EXPECT_EQ(parse_and_dump("1.7976931348623157e308\n1e400\n5e-324\n0.1\n"),
            "Module([Expr@1:0-1:22(Constant@1:0-1:22(float 1.7976931348623157e+308)), Expr@2:0-2:5(Constant@2:0-2:5(float inf)), Expr@3:0-3:6(Constant@3:0-3:6(float 4.9406564584124654e-324)), Expr@4:0-4:3(Constant@4:0-4:3(float 0.10000000000000001))])");
}

TEST(FrontParserAst, BigInt) {
  EXPECT_EQ(parse_and_dump("123456789012345678901234567890\n"),
            "Module([Expr@1:0-1:30(Constant@1:0-1:30(int 123456789012345678901234567890))])");
}

TEST(FrontParserAst, StringPrefixes) {
  EXPECT_EQ(parse_and_dump("'a'\n\"b\"\nr'\\n'\nu'x'\nR'x'\nb'y'\nB'y'\nrb'\\x'\nBR'\\x'\nRb'z'\n"),
            "Module([Expr@1:0-1:3(Constant@1:0-1:3(str 'a')), Expr@2:0-2:3(Constant@2:0-2:3(str 'b')), Expr@3:0-3:5(Constant@3:0-3:5(str '\\x5cn')), Expr@4:0-4:4(Constant@4:0-4:4(str 'x')), Expr@5:0-5:4(Constant@5:0-5:4(str 'x')), Expr@6:0-6:4(Constant@6:0-6:4(bytes 'y')), Expr@7:0-7:4(Constant@7:0-7:4(bytes 'y')), Expr@8:0-8:6(Constant@8:0-8:6(bytes '\\x5cx')), Expr@9:0-9:6(Constant@9:0-9:6(bytes '\\x5cx')), Expr@10:0-10:5(Constant@10:0-10:5(bytes 'z'))])");
}

TEST(FrontParserAst, TripleQuoted) {
  EXPECT_EQ(parse_and_dump("'''a\nb'''\n\"\"\"c\n  d\n\"\"\"\nx = 1\n"),
            "Module([Expr@1:0-2:4(Constant@1:0-2:4(str 'a\\x0ab')), Expr@3:0-5:3(Constant@3:0-5:3(str 'c\\x0a  d\\x0a')), Assign@6:0-6:5([Name@6:0-6:1(x, Store)], Constant@6:4-6:5(int 1))])");
}

TEST(FrontParserAst, Escapes) {
  EXPECT_EQ(parse_and_dump("'\\n\\t\\\\\\'\\\"\\x41\\101\\u00e9\\U0001F600\\N{BULLET}\\a\\b\\f\\v\\r\\0'\n"),
            "Module([Expr@1:0-1:58(Constant@1:0-1:58(str '\\x0a\\x09\\x5c\\x27\"AA\\xc3\\xa9\\xf0\\x9f\\x98\\x80\\xe2\\x80\\xa2\\x07\\x08\\x0c\\x0b\\x0d\\x00'))])");
}

TEST(FrontParserAst, UnknownEscapesKept) {
  EXPECT_EQ(parse_and_dump("'\\d \\w \\q'\n"),
            "Module([Expr@1:0-1:10(Constant@1:0-1:10(str '\\x5cd \\x5cw \\x5cq'))])");
}

TEST(FrontParserAst, LineContinuationInString) {
  EXPECT_EQ(parse_and_dump("'abc\\\ndef'\n"),
            "Module([Expr@1:0-2:4(Constant@1:0-2:4(str 'abcdef'))])");
}

TEST(FrontParserAst, BytesEscapes) {
  EXPECT_EQ(parse_and_dump("b'\\x00\\xff\\n\\101\\u1234'\n"),
            "Module([Expr@1:0-1:23(Constant@1:0-1:23(bytes '\\x00\\xff\\x0aA\\x5cu1234'))])");
}

TEST(FrontParserAst, NonAsciiText) {
  EXPECT_EQ(parse_and_dump("s = 'h\303\251llo w\303\266rld \342\202\254'\nt = '\346\227\245\346\234\254\350\252\236'\n"),
            "Module([Assign@1:0-1:23([Name@1:0-1:1(s, Store)], Constant@1:4-1:23(str 'h\\xc3\\xa9llo w\\xc3\\xb6rld \\xe2\\x82\\xac')), Assign@2:0-2:15([Name@2:0-2:1(t, Store)], Constant@2:4-2:15(str '\\xe6\\x97\\xa5\\xe6\\x9c\\xac\\xe8\\xaa\\x9e'))])");
}

TEST(FrontParserAst, ImplicitConcatenation) {
  EXPECT_EQ(parse_and_dump("'a' 'b'\nb'a' b'b'\n'a' \\\n  'b'\n(\n 'x'\n 'y'\n)\n"),
            "Module([Expr@1:0-1:7(Constant@1:0-1:7(str 'ab')), Expr@2:0-2:9(Constant@2:0-2:9(bytes 'ab')), Expr@3:0-4:5(Constant@3:0-4:5(str 'ab')), Expr@5:0-8:1(Constant@6:1-7:4(str 'xy'))])");
}

TEST(FrontParserAst, FStrings) {
  EXPECT_EQ(parse_and_dump("f'{x!r:>{w}} {y=} {{z}}'\n"),
            "Module([Expr@1:0-1:24(JoinedStr@1:0-1:24([FormattedValue@1:0-1:24(Name@1:3-1:4(x, Load), 114, JoinedStr@1:0-1:24([Constant@1:0-1:24(str '>'), FormattedValue@1:0-1:24(Name@1:9-1:10(w, Load), -1, -)])), Constant@1:0-1:24(str ' y='), FormattedValue@1:0-1:24(Name@1:14-1:15(y, Load), 114, -), Constant@1:0-1:24(str ' {z}')]))])");
}

TEST(FrontParserAst, FStringMixedConcatenation) {
  EXPECT_EQ(parse_and_dump("f'a' 'b' f'{c}'\n'x' f'{y}'\n"),
            "Module([Expr@1:0-1:15(JoinedStr@1:0-1:15([Constant@1:0-1:15(str 'ab'), FormattedValue@1:0-1:15(Name@1:12-1:13(c, Load), -1, -)])), Expr@2:0-2:10(JoinedStr@2:0-2:10([Constant@2:0-2:10(str 'x'), FormattedValue@2:0-2:10(Name@2:7-2:8(y, Load), -1, -)]))])");
}

TEST(FrontParserAst, FStringDebug) {
  EXPECT_EQ(parse_and_dump("f'{x=}'\nf'{x = }'\nf'{x=!s}'\nf'{x=:>10}'\nf'a{x=}b'\n"),
            "Module([Expr@1:0-1:7(JoinedStr@1:0-1:7([Constant@1:0-1:7(str 'x='), FormattedValue@1:0-1:7(Name@1:3-1:4(x, Load), 114, -)])), Expr@2:0-2:9(JoinedStr@2:0-2:9([Constant@2:0-2:9(str 'x = '), FormattedValue@2:0-2:9(Name@2:3-2:4(x, Load), 114, -)])), Expr@3:0-3:9(JoinedStr@3:0-3:9([Constant@3:0-3:9(str 'x='), FormattedValue@3:0-3:9(Name@3:3-3:4(x, Load), 115, -)])), Expr@4:0-4:11(JoinedStr@4:0-4:11([Constant@4:0-4:11(str 'x='), FormattedValue@4:0-4:11(Name@4:3-4:4(x, Load), -1, JoinedStr@4:0-4:11([Constant@4:0-4:11(str '>10')]))])), Expr@5:0-5:9(JoinedStr@5:0-5:9([Constant@5:0-5:9(str 'ax='), FormattedValue@5:0-5:9(Name@5:4-5:5(x, Load), 114, -), Constant@5:0-5:9(str 'b')]))])");
}

TEST(FrontParserAst, FStringConversions) {
  EXPECT_EQ(parse_and_dump("f'{a!s}{b!r}{c!a}'\n"),
            "Module([Expr@1:0-1:18(JoinedStr@1:0-1:18([FormattedValue@1:0-1:18(Name@1:3-1:4(a, Load), 115, -), FormattedValue@1:0-1:18(Name@1:8-1:9(b, Load), 114, -), FormattedValue@1:0-1:18(Name@1:13-1:14(c, Load), 97, -)]))])");
}

TEST(FrontParserAst, FStringNested) {
  EXPECT_EQ(parse_and_dump("f'{f\"{x}\"}'\nf'{x:{y}.{z}}'\nf'{ {1: 2}[1] }'\n"),
            "Module([Expr@1:0-1:11(JoinedStr@1:0-1:11([FormattedValue@1:0-1:11(JoinedStr@1:3-1:9([FormattedValue@1:3-1:9(Name@1:6-1:7(x, Load), -1, -)]), -1, -)])), Expr@2:0-2:14(JoinedStr@2:0-2:14([FormattedValue@2:0-2:14(Name@2:3-2:4(x, Load), -1, JoinedStr@2:0-2:14([FormattedValue@2:0-2:14(Name@2:6-2:7(y, Load), -1, -), Constant@2:0-2:14(str '.'), FormattedValue@2:0-2:14(Name@2:10-2:11(z, Load), -1, -)]))])), Expr@3:0-3:16(JoinedStr@3:0-3:16([FormattedValue@3:0-3:16(Subscript@3:4-3:13(Dict@3:4-3:10([Constant@3:5-3:6(int 1)], [Constant@3:8-3:9(int 2)]), Constant@3:11-3:12(int 1), Load), -1, -)]))])");
}

TEST(FrontParserAst, FStringExpressions) {
  EXPECT_EQ(parse_and_dump("f'{a + b} {c(d)} {e[0]} {(lambda: 1)()}'\n"),
            "Module([Expr@1:0-1:40(JoinedStr@1:0-1:40([FormattedValue@1:0-1:40(BinOp@1:3-1:8(Name@1:3-1:4(a, Load), Add, Name@1:7-1:8(b, Load)), -1, -), Constant@1:0-1:40(str ' '), FormattedValue@1:0-1:40(Call@1:11-1:15(Name@1:11-1:12(c, Load), [Name@1:13-1:14(d, Load)], []), -1, -), Constant@1:0-1:40(str ' '), FormattedValue@1:0-1:40(Subscript@1:18-1:22(Name@1:18-1:19(e, Load), Constant@1:20-1:21(int 0), Load), -1, -), Constant@1:0-1:40(str ' '), FormattedValue@1:0-1:40(Call@1:25-1:38(Lambda@1:26-1:35(arguments([], [], -, [], [], -, []), Constant@1:34-1:35(int 1)), [], []), -1, -)]))])");
}

TEST(FrontParserAst, FStringMultiline) {
  EXPECT_EQ(parse_and_dump("f'''a\n{x}\n{\ny}'''\n"),
            "Module([Expr@1:0-4:5(JoinedStr@1:0-4:5([Constant@1:0-4:5(str 'a\\x0a'), FormattedValue@1:0-4:5(Name@2:1-2:2(x, Load), -1, -), Constant@1:0-4:5(str '\\x0a'), FormattedValue@1:0-4:5(Name@4:0-4:1(y, Load), -1, -)]))])");
}

TEST(FrontParserAst, FStringRaw) {
  EXPECT_EQ(parse_and_dump("rf'\\n{x}\\t'\nfR'{y}'\n"),
            "Module([Expr@1:0-1:11(JoinedStr@1:0-1:11([Constant@1:0-1:11(str '\\x5cn'), FormattedValue@1:0-1:11(Name@1:6-1:7(x, Load), -1, -), Constant@1:0-1:11(str '\\x5ct')])), Expr@2:0-2:7(JoinedStr@2:0-2:7([FormattedValue@2:0-2:7(Name@2:4-2:5(y, Load), -1, -)]))])");
}

TEST(FrontParserAst, FStringEmptyParts) {
  EXPECT_EQ(parse_and_dump("f''\n'' f''\nf'{x}'\n"),
            "Module([Expr@1:0-1:3(JoinedStr@1:0-1:3([])), Expr@2:0-2:6(JoinedStr@2:0-2:6([])), Expr@3:0-3:6(JoinedStr@3:0-3:6([FormattedValue@3:0-3:6(Name@3:3-3:4(x, Load), -1, -)]))])");
}

TEST(FrontParserAst, FStringEscapes) {
  EXPECT_EQ(parse_and_dump("f'\\n{x}\\t\\N{BULLET}'\n"),
            "Module([Expr@1:0-1:20(JoinedStr@1:0-1:20([Constant@1:0-1:20(str '\\x0a'), FormattedValue@1:0-1:20(Name@1:5-1:6(x, Load), -1, -), Constant@1:0-1:20(str '\\x09\\xe2\\x80\\xa2')]))])");
}

TEST(FrontParserAst, Constants) {
  EXPECT_EQ(parse_and_dump("None\nTrue\nFalse\n...\nx[...]\n"),
            "Module([Expr@1:0-1:4(Constant@1:0-1:4(None)), Expr@2:0-2:4(Constant@2:0-2:4(True)), Expr@3:0-3:5(Constant@3:0-3:5(False)), Expr@4:0-4:3(Constant@4:0-4:3(...)), Expr@5:0-5:6(Subscript@5:0-5:6(Name@5:0-5:1(x, Load), Constant@5:2-5:5(...), Load))])");
}

TEST(FrontParserAst, Slices) {
  EXPECT_EQ(parse_and_dump("a[b:c:d, e]\n"),
            "Module([Expr@1:0-1:11(Subscript@1:0-1:11(Name@1:0-1:1(a, Load), Tuple@1:2-1:10([Slice@1:2-1:7(Name@1:2-1:3(b, Load), Name@1:4-1:5(c, Load), Name@1:6-1:7(d, Load)), Name@1:9-1:10(e, Load)], Load), Load))])");
}

TEST(FrontParserAst, CallPositionsMultiline) {
  EXPECT_EQ(parse_and_dump("f(\n    a,\n    b=2,\n)\n"),
            "Module([Expr@1:0-4:1(Call@1:0-4:1(Name@1:0-1:1(f, Load), [Name@2:4-2:5(a, Load)], [keyword@3:4-3:7(b, Constant@3:6-3:7(int 2))]))])");
}

TEST(FrontParserAst, DecoratorPositions) {
  EXPECT_EQ(parse_and_dump("@a\n@b.c\n@d(e)\ndef f():\n    return 1\n"),
            "Module([FunctionDef@4:0-5:12(f, arguments([], [], -, [], [], -, []), [Return@5:4-5:12(Constant@5:11-5:12(int 1))], [Name@1:1-1:2(a, Load), Attribute@2:1-2:4(Name@2:1-2:2(b, Load), c, Load), Call@3:1-3:5(Name@3:1-3:2(d, Load), [Name@3:3-3:4(e, Load)], [])], -)])");
}

TEST(FrontParserAst, NestedFunctions) {
  EXPECT_EQ(parse_and_dump("def f():\n    def g():\n        return 1\n    return g\n"),
            "Module([FunctionDef@1:0-4:12(f, arguments([], [], -, [], [], -, []), [FunctionDef@2:4-3:16(g, arguments([], [], -, [], [], -, []), [Return@3:8-3:16(Constant@3:15-3:16(int 1))], [], -), Return@4:4-4:12(Name@4:11-4:12(g, Load))], [], -)])");
}

TEST(FrontParserAst, Walrus) {
  EXPECT_EQ(parse_and_dump("while chunk := f.read():\n    pass\n"),
            "Module([While@1:0-2:8(NamedExpr@1:6-1:23(Name@1:6-1:11(chunk, Store), Call@1:15-1:23(Attribute@1:15-1:21(Name@1:15-1:16(f, Load), read, Load), [], [])), [Pass@2:4-2:8()], [])])");
}

TEST(FrontParserAst, UnicodeIdentifiers) {
  EXPECT_EQ(parse_and_dump("caf\303\251 = 1\n\317\200 = 3.14\n\345\217\230\351\207\217 = 2\n"),
            "Module([Assign@1:0-1:9([Name@1:0-1:5(caf\303\251, Store)], Constant@1:8-1:9(int 1)), Assign@2:0-2:9([Name@2:0-2:2(\317\200, Store)], Constant@2:5-2:9(float 3.1400000000000001)), Assign@3:0-3:10([Name@3:0-3:6(\345\217\230\351\207\217, Store)], Constant@3:9-3:10(int 2))])");
}

TEST(FrontParserAst, BOMAndCRLF) {
  EXPECT_EQ(parse_and_dump("\357\273\277x = 1\015\ny = 2\015\n"),
            "Module([Assign@1:0-1:5([Name@1:0-1:1(x, Store)], Constant@1:4-1:5(int 1)), Assign@2:0-2:5([Name@2:0-2:1(y, Store)], Constant@2:4-2:5(int 2))])");
}

TEST(FrontParserAst, NoTrailingNewline) {
  EXPECT_EQ(parse_and_dump("x = 1"),
            "Module([Assign@1:0-1:5([Name@1:0-1:1(x, Store)], Constant@1:4-1:5(int 1))])");
}

TEST(FrontParserAst, EmptyModule) {
  EXPECT_EQ(parse_and_dump(""),
            "Module([])");
}

TEST(FrontParserAst, OnlyComments) {
  EXPECT_EQ(parse_and_dump("# just a comment\n"),
            "Module([])");
}

TEST(FrontParserAst, SoftKeywordsAsNames) {
  EXPECT_EQ(parse_and_dump("match = 1\ncase = 2\n_ = match + case\nmatch.group()\n"),
            "Module([Assign@1:0-1:9([Name@1:0-1:5(match, Store)], Constant@1:8-1:9(int 1)), Assign@2:0-2:8([Name@2:0-2:4(case, Store)], Constant@2:7-2:8(int 2)), Assign@3:0-3:16([Name@3:0-3:1(_, Store)], BinOp@3:4-3:16(Name@3:4-3:9(match, Load), Add, Name@3:12-3:16(case, Load))), Expr@4:0-4:13(Call@4:0-4:13(Attribute@4:0-4:11(Name@4:0-4:5(match, Load), group, Load), [], []))])");
}

TEST(FrontParserAst, KeywordFollowingNumber) {
  EXPECT_EQ(parse_and_dump("x = 1if y else 2\n"),
            "Module([Assign@1:0-1:16([Name@1:0-1:1(x, Store)], IfExp@1:4-1:16(Name@1:8-1:9(y, Load), Constant@1:4-1:5(int 1), Constant@1:15-1:16(int 2)))])");
}

TEST(FrontParserAst, Latin1Cookie) {
  EXPECT_EQ(parse_and_dump("# -*- coding: latin-1 -*-\ns = 'caf\351'\n"),
            "Module([Assign@2:0-2:11([Name@2:0-2:1(s, Store)], Constant@2:4-2:11(str 'caf\\xc3\\xa9'))])");
}

// ---------------------------------------------------------------------------
// Syntax errors: message, line and offsets as python3 3.11.7 reports them
// ---------------------------------------------------------------------------

TEST(FrontParserError, FormFeedResetsColumn) {
  EXPECT_EQ(parse_and_dump("if y:\n    \014pass\n"),
            "IndentationError: expected an indented block after 'if' statement on line 1 (2, 6, 2, 10)");
}

TEST(FrontParserError, InvalidSyntax) {
  EXPECT_EQ(parse_and_dump("a b\n"),
            "SyntaxError: invalid syntax (1, 3, 1, 4)");
}

TEST(FrontParserError, InvalidSyntaxAtEnd) {
  EXPECT_EQ(parse_and_dump("x = 1 +\n"),
            "SyntaxError: invalid syntax (1, 8, 1, 8)");
}

TEST(FrontParserError, ExpectedColonIf) {
  EXPECT_EQ(parse_and_dump("if x\n    pass\n"),
            "SyntaxError: expected ':' (1, 5, 1, 5)");
}

TEST(FrontParserError, ExpectedColonWhile) {
  EXPECT_EQ(parse_and_dump("while x\n    pass\n"),
            "SyntaxError: expected ':' (1, 8, 1, 8)");
}

TEST(FrontParserError, ExpectedColonFor) {
  EXPECT_EQ(parse_and_dump("for x in y\n    pass\n"),
            "SyntaxError: expected ':' (1, 11, 1, 11)");
}

TEST(FrontParserError, ExpectedColonDef) {
  EXPECT_EQ(parse_and_dump("def f()\n    pass\n"),
            "SyntaxError: expected ':' (1, 8, 1, 8)");
}

TEST(FrontParserError, ExpectedColonClass) {
  EXPECT_EQ(parse_and_dump("class C\n    pass\n"),
            "SyntaxError: expected ':' (1, 8, 1, 8)");
}

TEST(FrontParserError, ExpectedColonElse) {
  EXPECT_EQ(parse_and_dump("if x:\n    pass\nelse\n    pass\n"),
            "SyntaxError: expected ':' (3, 5, 3, 5)");
}

TEST(FrontParserError, ExpectedColonWith) {
  EXPECT_EQ(parse_and_dump("with a\n    pass\n"),
            "SyntaxError: expected ':' (1, 7, 1, 7)");
}

TEST(FrontParserError, ExpectedColonTry) {
  EXPECT_EQ(parse_and_dump("try\n    pass\n"),
            "SyntaxError: expected ':' (1, 4, 1, 4)");
}

TEST(FrontParserError, ExpectedColonExcept) {
  EXPECT_EQ(parse_and_dump("try:\n    pass\nexcept E\n    pass\n"),
            "SyntaxError: expected ':' (3, 9, 3, 9)");
}

TEST(FrontParserError, ExpectedParenDef) {
  EXPECT_EQ(parse_and_dump("def f:\n    pass\n"),
            "SyntaxError: expected '(' (1, 6, 1, 7)");
}

TEST(FrontParserError, ParenNeverClosed) {
  EXPECT_EQ(parse_and_dump("x = (1,\ny = 2\n"),
            "SyntaxError: '(' was never closed (1, 5, 1, 0)");
}

TEST(FrontParserError, BracketNeverClosed) {
  EXPECT_EQ(parse_and_dump("x = [1, 2\n"),
            "SyntaxError: '[' was never closed (1, 5, 1, 0)");
}

TEST(FrontParserError, BraceNeverClosed) {
  EXPECT_EQ(parse_and_dump("x = {1: 2\n"),
            "SyntaxError: '{' was never closed (1, 5, 1, 0)");
}

TEST(FrontParserError, NeverClosedBeforeError) {
  EXPECT_EQ(parse_and_dump("foo(\nx = = 1\n"),
            "SyntaxError: '(' was never closed (1, 4, 1, 0)");
}

TEST(FrontParserError, UnmatchedParen) {
  EXPECT_EQ(parse_and_dump("x = 1)\n"),
            "SyntaxError: unmatched ')' (1, 6, 1, 6)");
}

TEST(FrontParserError, UnmatchedBracket) {
  EXPECT_EQ(parse_and_dump("]\n"),
            "SyntaxError: unmatched ']' (1, 1, 1, 1)");
}

TEST(FrontParserError, MismatchedParen) {
  EXPECT_EQ(parse_and_dump("x = (1]\n"),
            "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' (1, 7, 1, 7)");
}

TEST(FrontParserError, MismatchedParenOtherLine) {
  EXPECT_EQ(parse_and_dump("x = (1,\n2]\n"),
            "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 (2, 2, 2, 2)");
}

TEST(FrontParserError, UnterminatedString) {
  EXPECT_EQ(parse_and_dump("x = 'abc\n"),
            "SyntaxError: unterminated string literal (detected at line 1) (1, 5, 1, 5)");
}

TEST(FrontParserError, UnterminatedStringSecondLine) {
  EXPECT_EQ(parse_and_dump("x = 1\ny = \"abc\nz = 2\n"),
            "SyntaxError: unterminated string literal (detected at line 2) (2, 5, 2, 5)");
}

TEST(FrontParserError, UnterminatedTripleQuoted) {
  EXPECT_EQ(parse_and_dump("x = '''abc\ndef\n"),
            "SyntaxError: unterminated triple-quoted string literal (detected at line 2) (1, 5, 1, 5)");
}

TEST(FrontParserError, UnterminatedBytes) {
  EXPECT_EQ(parse_and_dump("x = b'abc\n"),
            "SyntaxError: unterminated string literal (detected at line 1) (1, 5, 1, 5)");
}

TEST(FrontParserError, TokenizerErrorWinsOverParserError) {
  EXPECT_EQ(parse_and_dump("x = = 1\ns = 'abc\n"),
            "SyntaxError: unterminated string literal (detected at line 2) (2, 5, 2, 5)");
}

TEST(FrontParserError, UnexpectedIndent) {
  EXPECT_EQ(parse_and_dump("x = 1\n    y = 2\n"),
            "IndentationError: unexpected indent (2, 4, 2, -1)");
}

TEST(FrontParserError, UnexpectedIndentFirstLine) {
  EXPECT_EQ(parse_and_dump("  x = 1\n"),
            "IndentationError: unexpected indent (1, 2, 1, -1)");
}

TEST(FrontParserError, ExpectedIndentedBlockIf) {
  EXPECT_EQ(parse_and_dump("if x:\npass\n"),
            "IndentationError: expected an indented block after 'if' statement on line 1 (2, 1, 2, 5)");
}

TEST(FrontParserError, ExpectedIndentedBlockIfAtEof) {
  EXPECT_EQ(parse_and_dump("if x:\n"),
            "IndentationError: expected an indented block after 'if' statement on line 1 (1, 6, 1, -1)");
}

TEST(FrontParserError, ExpectedIndentedBlockElif) {
  EXPECT_EQ(parse_and_dump("if x:\n    pass\nelif y:\npass\n"),
            "IndentationError: expected an indented block after 'elif' statement on line 3 (4, 1, 4, 5)");
}

TEST(FrontParserError, ExpectedIndentedBlockElse) {
  EXPECT_EQ(parse_and_dump("if x:\n    pass\nelse:\npass\n"),
            "IndentationError: expected an indented block after 'else' statement on line 3 (4, 1, 4, 5)");
}

TEST(FrontParserError, ExpectedIndentedBlockFor) {
  EXPECT_EQ(parse_and_dump("for x in y:\npass\n"),
            "IndentationError: expected an indented block after 'for' statement on line 1 (2, 1, 2, 5)");
}

TEST(FrontParserError, ExpectedIndentedBlockWhile) {
  EXPECT_EQ(parse_and_dump("while x:\npass\n"),
            "IndentationError: expected an indented block after 'while' statement on line 1 (2, 1, 2, 5)");
}

TEST(FrontParserError, ExpectedIndentedBlockDef) {
  EXPECT_EQ(parse_and_dump("def f():\nreturn 1\n"),
            "IndentationError: expected an indented block after function definition on line 1 (2, 1, 2, 7)");
}

TEST(FrontParserError, ExpectedIndentedBlockAsyncDef) {
  EXPECT_EQ(parse_and_dump("async def f():\nreturn 1\n"),
            "IndentationError: expected an indented block after function definition on line 1 (2, 1, 2, 7)");
}

TEST(FrontParserError, ExpectedIndentedBlockClass) {
  EXPECT_EQ(parse_and_dump("class C:\npass\n"),
            "IndentationError: expected an indented block after class definition on line 1 (2, 1, 2, 5)");
}

TEST(FrontParserError, ExpectedIndentedBlockTry) {
  EXPECT_EQ(parse_and_dump("try:\nx = 1\n"),
            "IndentationError: expected an indented block after 'try' statement on line 1 (2, 1, 2, 2)");
}

TEST(FrontParserError, ExpectedIndentedBlockExcept) {
  EXPECT_EQ(parse_and_dump("try:\n    pass\nexcept:\npass\n"),
            "IndentationError: expected an indented block after 'except' statement on line 3 (4, 1, 4, 5)");
}

TEST(FrontParserError, ExpectedIndentedBlockExceptAs) {
  EXPECT_EQ(parse_and_dump("try:\n    pass\nexcept E as e:\npass\n"),
            "IndentationError: expected an indented block after 'except' statement on line 3 (4, 1, 4, 5)");
}

TEST(FrontParserError, ExpectedIndentedBlockFinally) {
  EXPECT_EQ(parse_and_dump("try:\n    pass\nfinally:\npass\n"),
            "IndentationError: expected an indented block after 'finally' statement on line 3 (4, 1, 4, 5)");
}

TEST(FrontParserError, ExpectedIndentedBlockWith) {
  EXPECT_EQ(parse_and_dump("with a as b:\npass\n"),
            "IndentationError: expected an indented block after 'with' statement on line 1 (2, 1, 2, 5)");
}

TEST(FrontParserError, UnindentMismatch) {
  EXPECT_EQ(parse_and_dump("if x:\n    a = 1\n  b = 2\n"),
            "IndentationError: unindent does not match any outer indentation level (3, 8, 3, -1)");
}

TEST(FrontParserError, TabError) {
  EXPECT_EQ(parse_and_dump("if x:\n\tif y:\n        a = 1\n"),
            "TabError: inconsistent use of tabs and spaces in indentation (3, 1, 3, 0)");
}

TEST(FrontParserError, TabErrorSameLevel) {
  EXPECT_EQ(parse_and_dump("if x:\n        a = 1\n\tb = 2\n"),
            "TabError: inconsistent use of tabs and spaces in indentation (3, 1, 3, 0)");
}

TEST(FrontParserError, ForgotComma) {
  EXPECT_EQ(parse_and_dump("x = (1 2)\n"),
            "SyntaxError: invalid syntax. Perhaps you forgot a comma? (1, 6, 1, 9)");
}

TEST(FrontParserError, ForgotCommaList) {
  EXPECT_EQ(parse_and_dump("[a b]\n"),
            "SyntaxError: invalid syntax. Perhaps you forgot a comma? (1, 2, 1, 5)");
}

TEST(FrontParserError, ForgotCommaCall) {
  EXPECT_EQ(parse_and_dump("f(a, b c)\n"),
            "SyntaxError: invalid syntax. Perhaps you forgot a comma? (1, 6, 1, 9)");
}

TEST(FrontParserError, NoCommaHintAtTopLevel) {
  EXPECT_EQ(parse_and_dump("a b c\n"),
            "SyntaxError: invalid syntax (1, 3, 1, 4)");
}

TEST(FrontParserError, AssignToLiteral) {
  EXPECT_EQ(parse_and_dump("1 = x\n"),
            "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? (1, 1, 1, 2)");
}

TEST(FrontParserError, AssignToLiteralInFor) {
  EXPECT_EQ(parse_and_dump("for 1 in x: pass\n"),
            "SyntaxError: cannot assign to literal (1, 5, 1, 6)");
}

TEST(FrontParserError, AssignToLiteralChained) {
  EXPECT_EQ(parse_and_dump("x = 1 = y\n"),
            "SyntaxError: cannot assign to literal (1, 5, 1, 6)");
}

TEST(FrontParserError, AssignToFunctionCall) {
  EXPECT_EQ(parse_and_dump("f() = 1\n"),
            "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? (1, 1, 1, 4)");
}

TEST(FrontParserError, AssignToFunctionCallChained) {
  EXPECT_EQ(parse_and_dump("x = f() = 1\n"),
            "SyntaxError: cannot assign to function call (1, 5, 1, 8)");
}

TEST(FrontParserError, AssignToKeywordConstant) {
  EXPECT_EQ(parse_and_dump("None = 1\n"),
            "SyntaxError: cannot assign to None (1, 1, 1, 5)");
}

TEST(FrontParserError, AssignToTrueKwarg) {
  EXPECT_EQ(parse_and_dump("f(True=1)\n"),
            "SyntaxError: cannot assign to True (1, 3, 1, 8)");
}

TEST(FrontParserError, AssignToExpression) {
  EXPECT_EQ(parse_and_dump("a + b = c\n"),
            "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='? (1, 1, 1, 6)");
}

TEST(FrontParserError, AssignToComparison) {
  EXPECT_EQ(parse_and_dump("a < b = c\n"),
            "SyntaxError: cannot assign to comparison (1, 1, 1, 6)");
}

TEST(FrontParserError, AugAssignToTuple) {
  EXPECT_EQ(parse_and_dump("(a, b) += 1\n"),
            "SyntaxError: 'tuple' is an illegal expression for augmented assignment (1, 1, 1, 7)");
}

TEST(FrontParserError, AnnotateTuple) {
  EXPECT_EQ(parse_and_dump("a, b: int\n"),
            "SyntaxError: only single target (not tuple) can be annotated (1, 1, 1, 2)");
}

TEST(FrontParserError, AnnotateList) {
  EXPECT_EQ(parse_and_dump("[a]: int\n"),
            "SyntaxError: only single target (not list) can be annotated (1, 1, 1, 4)");
}

TEST(FrontParserError, IllegalAnnotationTarget) {
  EXPECT_EQ(parse_and_dump("f(): int = 1\n"),
            "SyntaxError: illegal target for annotation (1, 1, 1, 4)");
}

TEST(FrontParserError, DeleteFunctionCall) {
  EXPECT_EQ(parse_and_dump("del f()\n"),
            "SyntaxError: cannot delete function call (1, 5, 1, 8)");
}

TEST(FrontParserError, DeleteLiteral) {
  EXPECT_EQ(parse_and_dump("del 1\n"),
            "SyntaxError: cannot delete literal (1, 5, 1, 6)");
}

TEST(FrontParserError, AssignToYield) {
  EXPECT_EQ(parse_and_dump("x = yield = 3\n"),
            "SyntaxError: assignment to yield expression not possible (1, 5, 1, 10)");
}

TEST(FrontParserError, WithAsLiteral) {
  EXPECT_EQ(parse_and_dump("with a as 1: pass\n"),
            "SyntaxError: cannot assign to literal (1, 11, 1, 12)");
}

TEST(FrontParserError, WalrusToAttribute) {
  EXPECT_EQ(parse_and_dump("(a.b := 1)\n"),
            "SyntaxError: cannot use assignment expressions with attribute (1, 2, 1, 5)");
}

TEST(FrontParserError, MaybeMeantEquals) {
  EXPECT_EQ(parse_and_dump("if x = 1: pass\n"),
            "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='? (1, 4, 1, 9)");
}

TEST(FrontParserError, LeadingZeros) {
  EXPECT_EQ(parse_and_dump("x = 012\n"),
            "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers (1, 5, 1, 6)");
}

TEST(FrontParserError, LeadingZerosUnderscore) {
  EXPECT_EQ(parse_and_dump("x = 0_7\n"),
            "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers (1, 5, 1, 7)");
}

TEST(FrontParserError, InvalidDecimalLiteral) {
  EXPECT_EQ(parse_and_dump("x = 1abc\n"),
            "SyntaxError: invalid decimal literal (1, 5, 1, 5)");
}

TEST(FrontParserError, InvalidDecimalLiteralUnderscore) {
  EXPECT_EQ(parse_and_dump("x = 1__0\n"),
            "SyntaxError: invalid decimal literal (1, 6, 1, 6)");
}

TEST(FrontParserError, InvalidDecimalExponent) {
  EXPECT_EQ(parse_and_dump("x = 1e+\n"),
            "SyntaxError: invalid decimal literal (1, 7, 1, 7)");
}

TEST(FrontParserError, InvalidHexLiteral) {
  EXPECT_EQ(parse_and_dump("x = 0x\n"),
            "SyntaxError: invalid hexadecimal literal (1, 6, 1, 6)");
}

TEST(FrontParserError, InvalidOctalDigit) {
  EXPECT_EQ(parse_and_dump("x = 0o9\n"),
            "SyntaxError: invalid digit '9' in octal literal (1, 7, 1, 7)");
}

TEST(FrontParserError, InvalidBinaryDigit) {
  EXPECT_EQ(parse_and_dump("x = 0b12\n"),
            "SyntaxError: invalid digit '2' in binary literal (1, 8, 1, 8)");
}

TEST(FrontParserError, InvalidImaginaryLiteral) {
  EXPECT_EQ(parse_and_dump("x = 1jx\n"),
            "SyntaxError: invalid imaginary literal (1, 6, 1, 6)");
}

TEST(FrontParserError, LineContinuationAtEof) {
  EXPECT_EQ(parse_and_dump("x = 1 + \\\n"),
            "SyntaxError: unexpected EOF while parsing (1, 10, 1, -1)");
}

TEST(FrontParserError, UnexpectedCharAfterContinuation) {
  EXPECT_EQ(parse_and_dump("x = 1 \\ y\n"),
            "SyntaxError: unexpected character after line continuation character (1, 8, 1, 0)");
}

TEST(FrontParserError, NonPrintableCharacter) {
  EXPECT_EQ(parse_and_dump("x = 1\013\n"),
            "SyntaxError: invalid non-printable character U+000B (1, 6, 1, 6)");
}

TEST(FrontParserError, InvalidCharacter) {
  EXPECT_EQ(parse_and_dump("x = 1 \342\202\254 2\n"),
            "SyntaxError: invalid character '\342\202\254' (U+20AC) (1, 7, 1, 7)");
}

TEST(FrontParserError, InvalidCharacterSmartQuote) {
  EXPECT_EQ(parse_and_dump("print(\342\200\234hello\342\200\235)\n"),
            "SyntaxError: invalid character '\342\200\234' (U+201C) (1, 7, 1, 7)");
}

TEST(FrontParserError, InvalidCharacterNbsp) {
  EXPECT_EQ(parse_and_dump("x\302\240= 1\n"),
            "SyntaxError: invalid non-printable character U+00A0 (1, 2, 1, 2)");
}

TEST(FrontParserError, InvalidCharacterAfterAscii) {
  EXPECT_EQ(parse_and_dump("ab\342\202\254 = 1\n"),
            "SyntaxError: invalid character '\342\202\254' (U+20AC) (1, 3, 1, 3)");
}

TEST(FrontParserError, MissingParenthesesPrint) {
  EXPECT_EQ(parse_and_dump("print 'hello'\n"),
            "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? (1, 1, 1, 14)");
}

TEST(FrontParserError, ExpectedElse) {
  EXPECT_EQ(parse_and_dump("x = a if b\n"),
            "SyntaxError: expected 'else' after 'if' expression (1, 5, 1, 11)");
}

TEST(FrontParserError, PositionalFollowsKeyword) {
  EXPECT_EQ(parse_and_dump("f(a=1, b)\n"),
            "SyntaxError: positional argument follows keyword argument (1, 9, 1, 10)");
}

TEST(FrontParserError, PositionalFollowsUnpacking) {
  EXPECT_EQ(parse_and_dump("f(**a, b)\n"),
            "SyntaxError: positional argument follows keyword argument unpacking (1, 9, 1, 10)");
}

TEST(FrontParserError, IterableUnpackingFollowsKeywordUnpacking) {
  EXPECT_EQ(parse_and_dump("f(**a, *b)\n"),
            "SyntaxError: iterable argument unpacking follows keyword argument unpacking (1, 8, 1, 9)");
}

TEST(FrontParserError, GeneratorMustBeParenthesized) {
  EXPECT_EQ(parse_and_dump("f(x for x in y, 1)\n"),
            "SyntaxError: Generator expression must be parenthesized (1, 3, 1, 15)");
}

TEST(FrontParserError, KeywordExpression) {
  EXPECT_EQ(parse_and_dump("f(a+1=2)\n"),
            "SyntaxError: expression cannot contain assignment, perhaps you meant \"==\"? (1, 3, 1, 7)");
}

TEST(FrontParserError, NonDefaultFollowsDefault) {
  EXPECT_EQ(parse_and_dump("def f(a=1, b): pass\n"),
            "SyntaxError: non-default argument follows default argument (1, 12, 1, 13)");
}

TEST(FrontParserError, NamedArgumentsAfterBareStar) {
  EXPECT_EQ(parse_and_dump("def f(*): pass\n"),
            "SyntaxError: named arguments must follow bare * (1, 7, 1, 8)");
}

TEST(FrontParserError, ArgumentsAfterKwargs) {
  EXPECT_EQ(parse_and_dump("def f(**k, a): pass\n"),
            "SyntaxError: arguments cannot follow var-keyword argument (1, 12, 1, 13)");
}

TEST(FrontParserError, StarArgOnlyOnce) {
  EXPECT_EQ(parse_and_dump("def f(*a, *b): pass\n"),
            "SyntaxError: * argument may appear only once (1, 11, 1, 12)");
}

TEST(FrontParserError, SlashOnlyOnce) {
  EXPECT_EQ(parse_and_dump("def f(a, /, b, /): pass\n"),
            "SyntaxError: / may appear only once (1, 16, 1, 17)");
}

TEST(FrontParserError, ParenthesizedParameters) {
  EXPECT_EQ(parse_and_dump("def f((a, b)): pass\n"),
            "SyntaxError: Function parameters cannot be parenthesized (1, 7, 1, 13)");
}

TEST(FrontParserError, LambdaBareStar) {
  EXPECT_EQ(parse_and_dump("lambda *: 1\n"),
            "SyntaxError: named arguments must follow bare * (1, 9, 1, 10)");
}

TEST(FrontParserError, DictMissingColon) {
  EXPECT_EQ(parse_and_dump("{1: 2, 3 4}\n"),
            "SyntaxError: ':' expected after dictionary key (1, 8, 1, 0)");
}

TEST(FrontParserError, DictMissingValue) {
  EXPECT_EQ(parse_and_dump("{1:}\n"),
            "SyntaxError: expression expected after dictionary key and ':' (1, 3, 1, 4)");
}

TEST(FrontParserError, DictStarredValue) {
  EXPECT_EQ(parse_and_dump("{1: *a}\n"),
            "SyntaxError: cannot use a starred expression in a dictionary value (1, 5, 1, 7)");
}

TEST(FrontParserError, DictUnpackingInComprehension) {
  EXPECT_EQ(parse_and_dump("{**a for a in b}\n"),
            "SyntaxError: dict unpacking cannot be used in dict comprehension (1, 2, 1, 4)");
}

TEST(FrontParserError, IterableUnpackingInComprehension) {
  EXPECT_EQ(parse_and_dump("[*a for a in b]\n"),
            "SyntaxError: iterable unpacking cannot be used in comprehension (1, 2, 1, 4)");
}

TEST(FrontParserError, ComprehensionTargetParentheses) {
  EXPECT_EQ(parse_and_dump("[a, b for a, b in c]\n"),
            "SyntaxError: did you forget parentheses around the comprehension target? (1, 2, 1, 6)");
}

TEST(FrontParserError, StarredExpressionHere) {
  EXPECT_EQ(parse_and_dump("(*a)\n"),
            "SyntaxError: cannot use starred expression here (1, 2, 1, 4)");
}

TEST(FrontParserError, MultipleExceptionTypes) {
  EXPECT_EQ(parse_and_dump("try:\n    pass\nexcept E, F:\n    pass\n"),
            "SyntaxError: multiple exception types must be parenthesized (3, 8, 3, 12)");
}

TEST(FrontParserError, ExpectedExceptOrFinally) {
  EXPECT_EQ(parse_and_dump("try:\n    pass\nx = 1\n"),
            "SyntaxError: expected 'except' or 'finally' block (3, 1, 3, 2)");
}

TEST(FrontParserError, TrailingCommaImport) {
  EXPECT_EQ(parse_and_dump("from m import a,\n"),
            "SyntaxError: trailing comma not allowed without surrounding parentheses (1, 17, 1, 17)");
}

TEST(FrontParserError, BytesNonAscii) {
  EXPECT_EQ(parse_and_dump("x = b'\303\251'\n"),
            "SyntaxError: bytes can only contain ASCII literal characters (1, 5, 1, 9)");
}

TEST(FrontParserError, MixBytesAndStr) {
  EXPECT_EQ(parse_and_dump("x = b'a' 'b'\n"),
            "SyntaxError: cannot mix bytes and nonbytes literals (1, 13, 1, 13)");
}

TEST(FrontParserError, TruncatedHexEscape) {
  EXPECT_EQ(parse_and_dump("x = '\\x4'\n"),
            "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape (1, 10, 1, 10)");
}

TEST(FrontParserError, TruncatedUnicodeEscape) {
  EXPECT_EQ(parse_and_dump("x = '\\u12'\n"),
            "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape (1, 11, 1, 11)");
}

TEST(FrontParserError, UnknownUnicodeName) {
  EXPECT_EQ(parse_and_dump("x = '\\N{NOT A REAL NAME}'\n"),
            "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-18: unknown Unicode character name (1, 26, 1, 26)");
}

TEST(FrontParserError, MalformedNamedEscape) {
  EXPECT_EQ(parse_and_dump("x = '\\N'\n"),
            "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape (1, 9, 1, 9)");
}

TEST(FrontParserError, InvalidBytesHexEscape) {
  EXPECT_EQ(parse_and_dump("x = b'\\xZZ'\n"),
            "SyntaxError: (value error) invalid \\x escape at position 0 (1, 12, 1, 12)");
}

TEST(FrontParserError, FStringEmptyExpression) {
  EXPECT_EQ(parse_and_dump("f'{}'\n"),
            "SyntaxError: f-string: empty expression not allowed (1, 6, 1, 6)");
}

TEST(FrontParserError, FStringExpressionRequired) {
  EXPECT_EQ(parse_and_dump("f'{!r}'\n"),
            "SyntaxError: f-string: expression required before '!' (1, 8, 1, 8)");
}

TEST(FrontParserError, FStringSingleCloseBrace) {
  EXPECT_EQ(parse_and_dump("f'}'\n"),
            "SyntaxError: f-string: single '}' is not allowed (1, 5, 1, 5)");
}

TEST(FrontParserError, FStringExpectingBrace) {
  EXPECT_EQ(parse_and_dump("f'{x'\n"),
            "SyntaxError: f-string: expecting '}' (1, 6, 1, 6)");
}

TEST(FrontParserError, FStringInvalidConversion) {
  EXPECT_EQ(parse_and_dump("f'{x!z}'\n"),
            "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a' (1, 9, 1, 9)");
}

TEST(FrontParserError, FStringBackslash) {
  EXPECT_EQ(parse_and_dump("f'{\"\\n\"}'\n"),
            "SyntaxError: f-string expression part cannot include a backslash (1, 10, 1, 10)");
}

TEST(FrontParserError, FStringComment) {
  EXPECT_EQ(parse_and_dump("f'{x#}'\n"),
            "SyntaxError: f-string expression part cannot include '#' (1, 8, 1, 8)");
}

TEST(FrontParserError, FStringNestedTooDeeply) {
  EXPECT_EQ(parse_and_dump("f'{x:{y:{z}}}'\n"),
            "SyntaxError: f-string: expressions nested too deeply (1, 15, 1, 15)");
}

TEST(FrontParserError, FStringInvalidSyntax) {
  EXPECT_EQ(parse_and_dump("f'{a b}'\n"),
            "SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma? (1, 2, 1, 5)");
}

TEST(FrontParserError, FStringUnmatched) {
  EXPECT_EQ(parse_and_dump("f'{)}'\n"),
            "SyntaxError: f-string: unmatched ')' (1, 7, 1, 7)");
}

TEST(FrontParserError, ReturnIsNotParserError) {
  EXPECT_EQ(parse_and_dump("return 1\n"),
            "Module([Return@1:0-1:8(Constant@1:7-1:8(int 1))])");
}

// ---------------------------------------------------------------------------
// Error details beyond the message and position
// ---------------------------------------------------------------------------

TEST(FrontParserErrorDetails, TextFilenameAndKindFlags) {
  SyntaxErrorInfo e = parse_error("x = 1\nif x\n    pass\n");
  EXPECT_EQ(e.msg, "expected ':'");
  EXPECT_EQ(e.filename, "t.py");
  EXPECT_EQ(e.text, "if x\n");  // parser errors keep the newline, like CPython
  EXPECT_FALSE(e.is_indentation);
  EXPECT_FALSE(e.is_tab_error);

  e = parse_error("if x:\npass\n");
  EXPECT_TRUE(e.is_indentation);
  EXPECT_FALSE(e.is_tab_error);
  EXPECT_EQ(e.text, "pass\n");

  e = parse_error("if x:\n\tif y:\n        a = 1\n");
  EXPECT_TRUE(e.is_indentation);
  EXPECT_TRUE(e.is_tab_error);
}

TEST(FrontParserErrorDetails, TokenizerErrorTextHasNoNewline) {
  // CPython's tokenizer reports the line without its newline.
  SyntaxErrorInfo e = parse_error("x = 1\ny = 'abc\n");
  EXPECT_EQ(e.msg, "unterminated string literal (detected at line 2)");
  EXPECT_EQ(e.text, "y = 'abc");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.col, 5);
}

TEST(FrontParserErrorDetails, ColumnsCountCharactersNotBytes) {
  // "é" is two bytes; CPython's offsets count characters.
  SyntaxErrorInfo e = parse_error("'\xc3\xa9'; 1 = 2\n");
  EXPECT_EQ(e.col, 6);
  EXPECT_EQ(e.end_col, 7);
}

TEST(FrontParserErrorDetails, NullByte) {
  // What `python3 file.py` says (compile() raises ValueError instead).
  SyntaxErrorInfo e = parse_error(std::string_view("x = 1\ny = '\0'\n", 13));
  EXPECT_EQ(e.msg, "source code cannot contain null bytes");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.text, "y = '");
}

TEST(FrontParserErrorDetails, InvalidUtf8) {
  SyntaxErrorInfo e = parse_error("x = 1\ny = '\xff'\n");
  EXPECT_EQ(e.msg,
            "Non-UTF-8 code starting with '\\xff' in file t.py on line 2, but no encoding declared; "
            "see https://peps.python.org/pep-0263/ for details");
  EXPECT_EQ(e.line, 2);
  // An overlong encoding and a lone surrogate are invalid too.
  EXPECT_EQ(parse_error("x = '\xc0\xaf'\n").line, 1);
  EXPECT_EQ(parse_error("x = '\xed\xa0\x80'\n").line, 1);
}

TEST(FrontParserErrorDetails, SourceEncodings) {
  EXPECT_EQ(parse_error("# coding: koi8-r\nx = 1\n").msg, "unknown encoding: koi8-r");
  // Windows-1252 and Latin-1 sources are transcoded; columns then count
  // UTF-8 bytes of the transcoded text, as in CPython.
  EXPECT_EQ(parse_and_dump("# coding: cp1252\ns = '\x80\xe9'\n"),
            "Module([Assign@2:0-2:11([Name@2:0-2:1(s, Store)], Constant@2:4-2:11(str '\\xe2\\x82\\xac\\xc3\\xa9'))])");
  EXPECT_EQ(parse_error("\xef\xbb\xbf# coding: latin-1\nx = 1\n").msg, "encoding problem: latin-1 with BOM");
  // The cookie on line 2 counts only after a comment-only first line.
  EXPECT_EQ(parse_and_dump("x = 1\n# coding: koi8-r\n"),
            "Module([Assign@1:0-1:5([Name@1:0-1:1(x, Store)], Constant@1:4-1:5(int 1))])");
  EXPECT_EQ(parse_and_dump("#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nx = 1\n"),
            "Module([Assign@3:0-3:5([Name@3:0-3:1(x, Store)], Constant@3:4-3:5(int 1))])");
}

TEST(FrontParserErrorDetails, MatchAndExceptStarAreRefused) {
  // Outside pyglass's subset: otherwise valid code gets a clear error...
  SyntaxErrorInfo e = parse_error("x = 1\nmatch x:\n    case 1:\n        pass\n");
  EXPECT_EQ(e.msg, "'match' statements are not supported by pyglass");
  EXPECT_EQ(e.line, 2);
  e = parse_error("try:\n    pass\nexcept* E:\n    pass\n");
  EXPECT_EQ(e.msg, "'except*' (exception groups) is not supported by pyglass");
  EXPECT_EQ(e.line, 3);
  // ...while broken code gets CPython's error.
  EXPECT_EQ(parse_and_dump("match x\n    case 1: pass\n"), "SyntaxError: expected ':' (1, 8, 1, 8)");
  EXPECT_EQ(parse_and_dump("x = (1\nmatch x:\n    case 1: pass\n"),
            "SyntaxError: '(' was never closed (1, 5, 1, 0)");
}

// ---------------------------------------------------------------------------
// Hostile input
// ---------------------------------------------------------------------------

TEST(FrontParserLimits, NestedParenthesesUpToTheTokenizerLimit) {
  std::string ok = "x = " + std::string(199, '(') + "1" + std::string(199, ')') + "\n";
  EXPECT_EQ(parse_and_dump(ok).rfind("Module(", 0), 0u);
  std::string too_deep = "x = " + std::string(201, '(') + std::string(201, ')') + "\n";
  EXPECT_EQ(parse_and_dump(too_deep), "SyntaxError: too many nested parentheses (1, 205, 1, 205)");
}

TEST(FrontParserLimits, DeepRecursionWithoutBracketsIsAnError) {
  // CPython raises MemoryError past its parser stack limit; pyglass a
  // SyntaxError. Either way, no crash.
  for (const char* unit : {"-", "not ", "lambda: ", "a if b else ", "2 ** ", "~", "+"}) {
    std::string src = "x = ";
    for (int i = 0; i < 20000; ++i) src += unit;
    src += "1\n";
    SyntaxErrorInfo e = parse_error(src);
    EXPECT_EQ(e.msg, "source too complex to parse (nested too deeply)") << unit;
  }
  // A thousand unary minus signs are fine, as in CPython.
  EXPECT_EQ(parse_and_dump("x = " + std::string(1000, '-') + "1\n").rfind("Module(", 0), 0u);
}

TEST(FrontParserLimits, DeepIndentation) {
  std::string src;
  for (int i = 0; i < 99; ++i) src += std::string(i, ' ') + "if x:\n";
  src += std::string(99, ' ') + "pass\n";
  EXPECT_EQ(parse_and_dump(src).rfind("Module(", 0), 0u);
  src.clear();
  for (int i = 0; i < 100; ++i) src += std::string(i, ' ') + "if x:\n";
  src += std::string(100, ' ') + "pass\n";
  EXPECT_EQ(parse_and_dump(src), "IndentationError: too many levels of indentation (101, 1, 101, 0)");
}

TEST(FrontParserLimits, LongFlatInputs) {
  // Long chains must not make the parser recurse per element. (Their ASTs
  // are deep: `1 + 1 + ...` nests to the left, so AST walkers must bound
  // their own recursion, as CPython's compiler does with RecursionError.)
  auto parses = [](const std::string& src) {
    ast::AstArena arena;
    SyntaxErrorInfo err;
    return parse_module(src, "t.py", arena, &err) != nullptr;
  };
  std::string sum = "x = 1";
  for (int i = 0; i < 30000; ++i) sum += " + 1";
  EXPECT_TRUE(parses(sum + "\n"));
  std::string list = "x = [";
  for (int i = 0; i < 30000; ++i) list += "1, ";
  EXPECT_TRUE(parses(list + "]\n"));
  std::string attrs = "x = a";
  for (int i = 0; i < 30000; ++i) attrs += ".b";
  EXPECT_TRUE(parses(attrs + "\n"));
  std::string calls = "x = f";
  for (int i = 0; i < 30000; ++i) calls += "()";
  EXPECT_TRUE(parses(calls + "\n"));
  std::string stmts;
  for (int i = 0; i < 30000; ++i) stmts += "x = 1\n";
  EXPECT_TRUE(parses(stmts));
}

TEST(FrontParserLimits, GarbageDoesNotCrash) {
  auto fails = [](std::string_view src) {
    ast::AstArena arena;
    SyntaxErrorInfo err;
    return parse_module(src, "t.py", arena, &err) == nullptr && !err.msg.empty();
  };
  std::string all_bytes;
  for (int i = 1; i < 256; ++i) all_bytes += static_cast<char>(i);
  EXPECT_TRUE(fails(all_bytes));
  EXPECT_TRUE(fails(")))]]]}}}((([[[{{{"));
  EXPECT_TRUE(fails("f'{f'{f'{f'{"));
  EXPECT_TRUE(fails("\\"));
  EXPECT_TRUE(fails("'''"));
  EXPECT_TRUE(fails("f'{x:{y:{z:{w}}}}'"));
  EXPECT_TRUE(fails("@\n"));
  EXPECT_TRUE(fails("def f(*, **): pass\n"));
}

// ---------------------------------------------------------------------------
// Speed
// ---------------------------------------------------------------------------

TEST(FrontParserSpeed, TenThousandLines) {
  std::string src;
  for (int i = 0; i < 1000; ++i) {
    std::string n = std::to_string(i);
    src += "def f" + n + "(a, b=1, *args, c, **kw):\n";
    src += "    '''Docstring " + n + ".'''\n";
    src += "    x = [i * 2 for i in range(a) if i % 3]\n";
    src += "    if a > b and not c:\n";
    src += "        return f'{a!r}: {b:>10}'\n";
    src += "    elif kw.get('k', None) is not None:\n";
    src += "        y = {'k': (a, b), **kw}\n";
    src += "    for k, v in sorted(kw.items(), key=lambda p: p[0]):\n";
    src += "        print(k, v, sep=', ', end='')\n";
    src += "    return x[1:-1:2]\n";
  }
  auto start = std::chrono::steady_clock::now();
  ast::AstArena arena;
  SyntaxErrorInfo err;
  ast::Module* m = parse_module(src, "big.py", arena, &err);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  ASSERT_NE(m, nullptr) << err.msg;
  EXPECT_EQ(m->body.size(), 1000u);
  // Speed is measured in bench/, not asserted here (a loaded machine or a
  // sanitizer build would make any bound flaky); this prints it for a look.
  std::printf("[   info   ] 10k lines parsed in %lld ms\n", static_cast<long long>(ms));
}

// ---------------------------------------------------------------------------
// Differential mode, off unless PYGLASS_FRONT_DUMP names a file listing
// source paths: writes each file's dump to PYGLASS_FRONT_DUMP_OUT, for
// comparison with tests/unit/front_ast_dump.py over whole source trees.
// ---------------------------------------------------------------------------

TEST(FrontDump, FilesFromEnvironment) {
  const char* list = std::getenv("PYGLASS_FRONT_DUMP");
  const char* out_path = std::getenv("PYGLASS_FRONT_DUMP_OUT");
  if (list == nullptr || out_path == nullptr) GTEST_SKIP() << "set PYGLASS_FRONT_DUMP and PYGLASS_FRONT_DUMP_OUT";
  std::ifstream paths(list);
  std::ofstream out(out_path);
  std::string path;
  while (std::getline(paths, path)) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out << "=== " << path << "\n" << parse_and_dump(ss.str()) << "\n";
  }
}

}  // namespace
}  // namespace pg
