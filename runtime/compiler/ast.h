// The abstract syntax tree: the contract between the parser and the compiler.
//
// It mirrors CPython 3.11's `ast` module (same node kinds, same field names
// in snake_case), so Python's own documentation describes every node. Nodes
// are owned by an AstArena and refer to each other with plain pointers; a
// null Expr* means "absent" (e.g. a bare `return`).
//
// Positions: `line`/`end_line` are 1-based; `col`/`end_col` are 0-based UTF-8
// byte offsets into the line, exactly like CPython's col_offset/end_col_offset.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace pg::ast {

struct Loc {
  int line = 0;
  int col = 0;
  int end_line = 0;
  int end_col = 0;
};

// ---------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------
enum class ExprKind {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp,
  DictComp, GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue,
  JoinedStr, Constant, Attribute, Subscript, Starred, Name, List, Tuple, Slice,
};

enum class Ctx { Load, Store, Del };

enum class Operator { Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv };
enum class UnaryOperator { Invert, Not, UAdd, USub };
enum class CmpOperator { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

struct Expr {
  explicit Expr(ExprKind k) : kind(k) {}
  virtual ~Expr() = default;
  ExprKind kind;
  Loc loc;
};

struct Stmt;

struct BoolOp : Expr {
  BoolOp() : Expr(ExprKind::BoolOp) {}
  bool is_and = true;  // `and` when true, `or` when false
  std::vector<Expr*> values;  // at least two
};
struct NamedExpr : Expr {  // target := value
  NamedExpr() : Expr(ExprKind::NamedExpr) {}
  Expr* target = nullptr;  // a Name (Store)
  Expr* value = nullptr;
};
struct BinOp : Expr {
  BinOp() : Expr(ExprKind::BinOp) {}
  Expr* left = nullptr;
  Operator op = Operator::Add;
  Expr* right = nullptr;
};
struct UnaryOp : Expr {
  UnaryOp() : Expr(ExprKind::UnaryOp) {}
  UnaryOperator op = UnaryOperator::Not;
  Expr* operand = nullptr;
};

struct Arg {
  std::string name;
  Expr* annotation = nullptr;
  Loc loc;
};
// Parameters of a def or lambda, as in ast.arguments.
//   defaults    : for the LAST len(defaults) of posonlyargs + args.
//   kw_defaults : one per kwonlyargs entry; null where there is no default.
struct Arguments {
  std::vector<Arg> posonlyargs;
  std::vector<Arg> args;
  std::optional<Arg> vararg;
  std::vector<Arg> kwonlyargs;
  std::vector<Expr*> kw_defaults;
  std::optional<Arg> kwarg;
  std::vector<Expr*> defaults;
};

struct Lambda : Expr {
  Lambda() : Expr(ExprKind::Lambda) {}
  Arguments args;
  Expr* body = nullptr;
};
struct IfExp : Expr {  // body if test else orelse
  IfExp() : Expr(ExprKind::IfExp) {}
  Expr* test = nullptr;
  Expr* body = nullptr;
  Expr* orelse = nullptr;
};
struct DictExpr : Expr {
  DictExpr() : Expr(ExprKind::Dict) {}
  // keys[i] == nullptr means `**values[i]`.
  std::vector<Expr*> keys;
  std::vector<Expr*> values;
};
struct SetExpr : Expr {
  SetExpr() : Expr(ExprKind::Set) {}
  std::vector<Expr*> elts;
};

struct Comprehension {
  Expr* target = nullptr;
  Expr* iter = nullptr;
  std::vector<Expr*> ifs;
  bool is_async = false;
};
// ListComp, SetComp, GeneratorExp use `elt`; DictComp uses `key` and `value`.
struct Comp : Expr {
  explicit Comp(ExprKind k) : Expr(k) {}
  Expr* elt = nullptr;
  Expr* key = nullptr;
  Expr* value = nullptr;
  std::vector<Comprehension> generators;
};

struct Await : Expr {
  Await() : Expr(ExprKind::Await) {}
  Expr* value = nullptr;
};
struct Yield : Expr {
  Yield() : Expr(ExprKind::Yield) {}
  Expr* value = nullptr;  // may be null
};
struct YieldFrom : Expr {
  YieldFrom() : Expr(ExprKind::YieldFrom) {}
  Expr* value = nullptr;
};
struct Compare : Expr {  // left ops[0] comparators[0] ops[1] comparators[1] ...
  Compare() : Expr(ExprKind::Compare) {}
  Expr* left = nullptr;
  std::vector<CmpOperator> ops;
  std::vector<Expr*> comparators;
};

struct Keyword {
  std::optional<std::string> arg;  // nullopt for `**mapping`
  Expr* value = nullptr;
  Loc loc;
};
struct Call : Expr {
  Call() : Expr(ExprKind::Call) {}
  Expr* func = nullptr;
  std::vector<Expr*> args;  // may contain Starred for `*iterable`
  std::vector<Keyword> keywords;
};

// f-strings: JoinedStr.values holds Constant (str) and FormattedValue parts.
struct FormattedValue : Expr {
  FormattedValue() : Expr(ExprKind::FormattedValue) {}
  Expr* value = nullptr;
  int conversion = -1;         // -1 none, 's', 'r' or 'a'
  Expr* format_spec = nullptr;  // a JoinedStr or null
};
struct JoinedStr : Expr {
  JoinedStr() : Expr(ExprKind::JoinedStr) {}
  std::vector<Expr*> values;
};

enum class ConstKind { None, True, False, Ellipsis, Int, Float, Imaginary, Str, Bytes };
// A literal.
//   Int       : `text` holds the literal as written minus underscores
//               ("123", "0x1F", "0o17", "0b101"); convert with base 0 rules.
//   Float     : `number` holds the value (parsed with strtod semantics).
//   Imaginary : `number` holds the imaginary part (`3j` -> 3.0).
//   Str       : `text` holds the decoded value in UTF-8 (escapes processed,
//               adjacent literals concatenated).
//   Bytes     : `text` holds the raw bytes.
struct Constant : Expr {
  Constant() : Expr(ExprKind::Constant) {}
  ConstKind const_kind = ConstKind::None;
  std::string text;
  double number = 0.0;
};

struct Attribute : Expr {
  Attribute() : Expr(ExprKind::Attribute) {}
  Expr* value = nullptr;
  std::string attr;
  Ctx ctx = Ctx::Load;
};
struct Subscript : Expr {
  Subscript() : Expr(ExprKind::Subscript) {}
  Expr* value = nullptr;
  Expr* slice = nullptr;  // a Slice, a Tuple (a[1:2, 3]) or any expression
  Ctx ctx = Ctx::Load;
};
struct Starred : Expr {
  Starred() : Expr(ExprKind::Starred) {}
  Expr* value = nullptr;
  Ctx ctx = Ctx::Load;
};
struct Name : Expr {
  Name() : Expr(ExprKind::Name) {}
  std::string id;
  Ctx ctx = Ctx::Load;
};
// List and Tuple literals / targets.
struct Sequence : Expr {
  explicit Sequence(ExprKind k) : Expr(k) {}
  std::vector<Expr*> elts;
  Ctx ctx = Ctx::Load;
};
struct SliceExpr : Expr {  // lower:upper:step, each may be null
  SliceExpr() : Expr(ExprKind::Slice) {}
  Expr* lower = nullptr;
  Expr* upper = nullptr;
  Expr* step = nullptr;
};

// ---------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------
enum class StmtKind {
  FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign,
  For, AsyncFor, While, If, With, AsyncWith, Raise, Try, Assert, Import, ImportFrom,
  Global, Nonlocal, Expr, Pass, Break, Continue,
};

struct Stmt {
  explicit Stmt(StmtKind k) : kind(k) {}
  virtual ~Stmt() = default;
  StmtKind kind;
  Loc loc;
};
using Body = std::vector<Stmt*>;

// FunctionDef and AsyncFunctionDef. `loc` starts at `def`/`async` (CPython:
// at the first decorator for lineno? no: lineno is the `def` line; decorators
// have their own positions).
struct FunctionDef : Stmt {
  explicit FunctionDef(StmtKind k) : Stmt(k) {}
  std::string name;
  Arguments args;
  Body body;
  std::vector<Expr*> decorator_list;
  Expr* returns = nullptr;
};
struct ClassDef : Stmt {
  ClassDef() : Stmt(StmtKind::ClassDef) {}
  std::string name;
  std::vector<Expr*> bases;
  std::vector<Keyword> keywords;  // metaclass=..., and others
  Body body;
  std::vector<Expr*> decorator_list;
};
struct Return : Stmt {
  Return() : Stmt(StmtKind::Return) {}
  Expr* value = nullptr;
};
struct Delete : Stmt {
  Delete() : Stmt(StmtKind::Delete) {}
  std::vector<Expr*> targets;
};
struct Assign : Stmt {  // t1 = t2 = value
  Assign() : Stmt(StmtKind::Assign) {}
  std::vector<Expr*> targets;
  Expr* value = nullptr;
};
struct AugAssign : Stmt {
  AugAssign() : Stmt(StmtKind::AugAssign) {}
  Expr* target = nullptr;
  Operator op = Operator::Add;
  Expr* value = nullptr;
};
struct AnnAssign : Stmt {
  AnnAssign() : Stmt(StmtKind::AnnAssign) {}
  Expr* target = nullptr;
  Expr* annotation = nullptr;
  Expr* value = nullptr;  // may be null
  bool simple = true;     // target is a plain Name not in parentheses
};
// For and AsyncFor.
struct For : Stmt {
  explicit For(StmtKind k) : Stmt(k) {}
  Expr* target = nullptr;
  Expr* iter = nullptr;
  Body body;
  Body orelse;
};
struct While : Stmt {
  While() : Stmt(StmtKind::While) {}
  Expr* test = nullptr;
  Body body;
  Body orelse;
};
struct If : Stmt {  // elif chains are nested Ifs in orelse, like CPython
  If() : Stmt(StmtKind::If) {}
  Expr* test = nullptr;
  Body body;
  Body orelse;
};
struct WithItem {
  Expr* context_expr = nullptr;
  Expr* optional_vars = nullptr;
};
// With and AsyncWith.
struct With : Stmt {
  explicit With(StmtKind k) : Stmt(k) {}
  std::vector<WithItem> items;
  Body body;
};
struct Raise : Stmt {
  Raise() : Stmt(StmtKind::Raise) {}
  Expr* exc = nullptr;    // null: bare `raise`
  Expr* cause = nullptr;  // `from` part
};
struct ExceptHandler {
  Expr* type = nullptr;  // null: bare except
  std::optional<std::string> name;
  Body body;
  Loc loc;
};
struct Try : Stmt {
  Try() : Stmt(StmtKind::Try) {}
  Body body;
  std::vector<ExceptHandler> handlers;
  Body orelse;
  Body finalbody;
};
struct Assert : Stmt {
  Assert() : Stmt(StmtKind::Assert) {}
  Expr* test = nullptr;
  Expr* msg = nullptr;
};
struct Alias {
  std::string name;  // dotted for `import a.b`; "*" for `from m import *`
  std::optional<std::string> asname;
  Loc loc;
};
struct Import : Stmt {
  Import() : Stmt(StmtKind::Import) {}
  std::vector<Alias> names;
};
struct ImportFrom : Stmt {
  ImportFrom() : Stmt(StmtKind::ImportFrom) {}
  std::string module;  // may be empty for `from . import x`
  std::vector<Alias> names;
  int level = 0;       // number of leading dots
};
// Global and Nonlocal.
struct NameList : Stmt {
  explicit NameList(StmtKind k) : Stmt(k) {}
  std::vector<std::string> names;
};
struct ExprStmt : Stmt {
  ExprStmt() : Stmt(StmtKind::Expr) {}
  Expr* value = nullptr;
};
// Pass, Break, Continue.
struct Simple : Stmt {
  explicit Simple(StmtKind k) : Stmt(k) {}
};

struct Module {
  Body body;
};

// Owns every node of one parse.
class AstArena {
 public:
  template <class T, class... A>
  T* make(A&&... a) {
    auto node = std::make_unique<T>(std::forward<A>(a)...);
    T* raw = node.get();
    if constexpr (std::is_base_of_v<Expr, T>) exprs_.push_back(std::move(node));
    else if constexpr (std::is_same_v<T, Module>) modules_.push_back(std::move(node));
    else stmts_.push_back(std::move(node));
    return raw;
  }

 private:
  std::vector<std::unique_ptr<Expr>> exprs_;
  std::vector<std::unique_ptr<Stmt>> stmts_;
  std::vector<std::unique_ptr<Module>> modules_;  // what parse_module returns
};

}  // namespace pg::ast
