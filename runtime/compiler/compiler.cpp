// The code generator: walks the AST of one scope at a time and emits the
// instructions of opcodes.def, then assembles a Code object (constants,
// names, localsplus, line table, stack depth).
//
// Shapes follow CPython 3.11's compiler where it matters to users (which
// line an instruction belongs to, co_varnames order, call protocol), so
// tracebacks and frame introspection agree with CPython.
#include "compiler/compiler.h"

#include <cstring>
#include <map>
#include <memory>
#include <vector>

#include "compiler/symtable.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/containers.h"
#include "objects/set.h"
#include "objects/layouts.h"
#include "vm/coroutine.h"
#include "vm/opcodes.h"

namespace pg {

using namespace ast;

namespace {

// Thrown inside the compiler to abandon compilation with a SyntaxError.
struct CompileError {
  SyntaxErrorInfo info;
};

// A block of code whose exit needs care (CPython's "fblock"): break,
// continue and return leave through every enclosing block, running its
// unwind code (pop an iterator, restore the handled exception, run a
// finally body).
enum class BlockKind {
  WhileLoop,       // nothing on the stack
  ForLoop,         // the iterator is on the stack
  TryBody,         // inside `try:` of try/except: nothing to undo
  FinallyBody,     // inside `try:` of try/finally: run the finally body
  FinallyHandler,  // running the finally body for an exception: [lasti, prev_exc, exc]
  ExceptHandler,   // inside an `except` clause: [prev_exc]; the bound name is cleared
  WithBody,        // inside `with`: [exit]; leaving calls exit(None, None, None)
};
struct Block {
  BlockKind kind;
  int continue_label = -1;
  int break_label = -1;
  const ast::Body* finalbody = nullptr;  // FinallyBody
  std::string bound_name;                // ExceptHandler with `as name`
  size_t handlers_below = 0;             // size of the handler stack outside this block
  Loc loc{};                             // WithBody: the with statement (line of the exit call)
  bool is_async = false;                 // WithBody of `async with`: the exit call is awaited
};

// An exception handler of the table being built: instructions emitted while
// it is the innermost active handler jump to `label` when they raise. The
// value-stack depth to unwind to is the depth at `setup_instr` (computed by
// the stack-depth pass), like CPython's SETUP_FINALLY/SETUP_CLEANUP.
struct Handler {
  int label;
  size_t setup_instr;
  bool push_lasti;
  int depth_adjust = 0;  // added to the depth at setup_instr (with: the __enter__ result is not kept)
};

// Everything being built for one code object.
struct Unit {
  Scope* scope = nullptr;
  std::string name;
  std::string qualname;
  int firstlineno = 1;
  std::vector<uint32_t> instrs;
  std::vector<int> lines;
  std::vector<Value> consts;
  std::map<std::string, int> const_index;
  std::vector<Str*> names;
  std::map<std::string, int> name_index;
  std::vector<std::string> localsplus;
  std::vector<uint8_t> kinds;
  std::map<std::string, int> local_index;
  std::vector<int> label_pos;
  std::vector<size_t> fixups;  // instructions whose argument is a label id
  std::vector<Block> blocks;
  std::vector<Handler> handlers;      // every handler of this code object
  std::vector<int> handler_stack;     // active handlers, innermost last
  std::vector<int> instr_handler;     // per instruction: innermost handler or -1
  int line = 1;
  int argcount = 0, posonly = 0, kwonly = 0;
  // The innermost enclosing class name, for private name mangling
  // (`__x` -> `_C__x`); empty outside classes.
  std::string private_name;
  uint32_t flags = 0;
};

class Compiler {
 public:
  Compiler(SymbolTable& table, const std::string& filename, std::string_view source)
      : table_(table), filename_(filename), source_(source) {}

  Code* compile_module(ast::Module* module) {
    push_unit(table_.module_scope(), "<module>", "<module>", 1);
    unit().flags |= kCodeModule;
    scan_future_imports(module->body);
    if (has_annotations(module->body)) emit(OP_SETUP_ANNOTATIONS);
    size_t first = 0;
    if (const Constant* doc = docstring(module->body)) {
      set_line(module->body[0]->loc);
      emit(OP_LOAD_CONST, add_const(Value(str_new(doc->text)), "s" + doc->text));
      name_op("__doc__", Access::Store, doc->loc);
      first = 1;
    }
    for (size_t i = first; i < module->body.size(); ++i) stmt(module->body[i]);
    emit_return_none();
    return pop_unit();
  }

  // eval(): the module's single expression statement, its value returned.
  Code* compile_expression(ast::Module* module) {
    push_unit(table_.module_scope(), "<module>", "<module>", 1);
    unit().flags |= kCodeModule;
    auto* e = static_cast<ExprStmt*>(module->body[0]);
    set_line(e->loc);
    expr(e->value);
    emit(OP_RETURN_VALUE);
    return pop_unit();
  }

 private:
  SymbolTable& table_;
  std::string filename_;
  std::string_view source_;
  std::vector<std::unique_ptr<Unit>> units_;
  std::vector<int> handler_depths_;  // per handler of the unit being assembled
  bool future_annotations_ = false;  // `from __future__ import annotations`: annotations are strings

  // `from __future__ import ...` must come first (after the docstring);
  // only the features CPython 3.11 knows are accepted, none changes
  // anything but `annotations`.
  void scan_future_imports(const Body& body) {
    bool leading = true;
    for (size_t i = 0; i < body.size(); ++i) {
      Stmt* st = body[i];
      bool is_future = st->kind == StmtKind::ImportFrom && static_cast<ImportFrom*>(st)->module == "__future__" &&
                       static_cast<ImportFrom*>(st)->level == 0;
      if (!is_future) {
        if (!(i == 0 && docstring(body))) leading = false;
        continue;
      }
      if (!leading) error("from __future__ imports must occur at the beginning of the file", st->loc);
      static const char* known[] = {"nested_scopes", "generators", "division", "absolute_import",
                                    "with_statement", "print_function", "unicode_literals",
                                    "generator_stop", "annotations"};
      for (const Alias& a : static_cast<ImportFrom*>(st)->names) {
        bool ok = false;
        for (const char* k : known) ok = ok || a.name == k;
        if (a.name == "braces") error("not a chance", a.loc);
        if (!ok) error("future feature " + a.name + " is not defined", a.loc);
        if (a.name == "annotations") future_annotations_ = true;
      }
    }
  }

  // Whether a module or class body has an annotated assignment to a plain
  // name (CPython's find_ann: compound statements count, nested scopes not).
  static bool has_annotations(const Body& body) {
    for (Stmt* st : body) {
      switch (st->kind) {
        case StmtKind::AnnAssign:
          if (static_cast<AnnAssign*>(st)->simple) return true;
          break;
        case StmtKind::For:
        case StmtKind::AsyncFor:
          if (has_annotations(static_cast<For*>(st)->body) || has_annotations(static_cast<For*>(st)->orelse)) return true;
          break;
        case StmtKind::While:
          if (has_annotations(static_cast<While*>(st)->body) || has_annotations(static_cast<While*>(st)->orelse)) return true;
          break;
        case StmtKind::If:
          if (has_annotations(static_cast<If*>(st)->body) || has_annotations(static_cast<If*>(st)->orelse)) return true;
          break;
        case StmtKind::With:
        case StmtKind::AsyncWith:
          if (has_annotations(static_cast<With*>(st)->body)) return true;
          break;
        case StmtKind::Try: {
          auto* t = static_cast<Try*>(st);
          if (has_annotations(t->body) || has_annotations(t->orelse) || has_annotations(t->finalbody)) return true;
          for (auto& h : t->handlers)
            if (has_annotations(h.body)) return true;
          break;
        }
        default: break;
      }
    }
    return false;
  }

  // The source text of an expression (what a postponed annotation keeps).
  std::string source_text(const Loc& loc) const {
    std::string out;
    for (int line = loc.line; line <= loc.end_line; ++line) {
      std::string text = source_line(line);
      if (!text.empty() && text.back() == '\n') text.pop_back();
      size_t from = line == loc.line ? size_t(loc.col) : 0;
      size_t to = line == loc.end_line ? size_t(loc.end_col) : text.size();
      if (from > text.size()) from = text.size();
      if (to > text.size()) to = text.size();
      if (line != loc.line) out += ' ';
      out += text.substr(from, to > from ? to - from : 0);
    }
    return out;
  }

  // CPython keeps a postponed annotation as its unparsed expression
  // (ast.unparse): spacing and quotes normalised. The shapes annotations
  // take (names, attributes, subscripts, constants, `X | Y`, lists and
  // tuples of those) are unparsed here; anything else keeps its source text.
  bool unparse(const Expr* e, std::string* out, bool in_subscript = false) {
    switch (e->kind) {
      case ExprKind::Name: *out += static_cast<const Name*>(e)->id; return true;
      case ExprKind::Attribute: {
        auto* a = static_cast<const Attribute*>(e);
        if (!unparse(a->value, out)) return false;
        *out += "." + a->attr;
        return true;
      }
      case ExprKind::Subscript: {
        auto* sub = static_cast<const Subscript*>(e);
        if (!unparse(sub->value, out)) return false;
        *out += "[";
        if (!unparse(sub->slice, out, true)) return false;
        *out += "]";
        return true;
      }
      case ExprKind::Constant: {
        auto* c = static_cast<const Constant*>(e);
        switch (c->const_kind) {
          case ConstKind::None: *out += "None"; return true;
          case ConstKind::True: *out += "True"; return true;
          case ConstKind::False: *out += "False"; return true;
          case ConstKind::Ellipsis: *out += "..."; return true;
          case ConstKind::Str: {
            Value r = obj_repr(Value(str_new(c->text)));
            if (r.is_null()) {
              error_clear();
              return false;
            }
            *out += str_view(r.as<Str>());
            return true;
          }
          default: return false;
        }
      }
      case ExprKind::BinOp: {
        auto* b = static_cast<const BinOp*>(e);
        if (b->op != Operator::BitOr) return false;
        if (!unparse(b->left, out)) return false;
        *out += " | ";
        // `|` is left-associative: a right operand that is itself `|` needs parentheses.
        bool paren = b->right->kind == ExprKind::BinOp;
        if (paren) *out += "(";
        if (!unparse(b->right, out)) return false;
        if (paren) *out += ")";
        return true;
      }
      case ExprKind::List:
      case ExprKind::Tuple: {
        auto* seq = static_cast<const Sequence*>(e);
        bool tuple = e->kind == ExprKind::Tuple;
        bool bare = tuple && in_subscript && !seq->elts.empty();
        if (!bare) *out += tuple ? "(" : "[";
        for (size_t i = 0; i < seq->elts.size(); ++i) {
          if (i) *out += ", ";
          if (!unparse(seq->elts[i], out)) return false;
        }
        if (tuple && seq->elts.size() == 1 && !bare) *out += ",";
        if (!bare) *out += tuple ? ")" : "]";
        return true;
      }
      default: return false;
    }
  }

  // Pushes the value of an annotation: evaluated, or its text under
  // `from __future__ import annotations`.
  void annotation_value(Expr* e) {
    if (future_annotations_) {
      std::string text;
      if (!unparse(e, &text)) text = source_text(e->loc);
      emit(OP_LOAD_CONST, add_const(Value(str_new(text)), "s" + text));
    } else {
      expr(e);
    }
  }

  Unit& unit() { return *units_.back(); }

  [[noreturn]] void error(const std::string& msg, const Loc& loc) {
    CompileError e;
    e.info.msg = msg;
    e.info.filename = filename_;
    e.info.line = loc.line;
    e.info.col = loc.col + 1;
    e.info.end_line = loc.end_line;
    e.info.end_col = loc.end_col + 1;
    e.info.text = source_line(loc.line);
    throw e;
  }

  std::string source_line(int line) const {
    size_t pos = 0;
    for (int l = 1; l < line && pos != std::string_view::npos; ++l) {
      pos = source_.find('\n', pos);
      if (pos != std::string_view::npos) ++pos;
    }
    if (pos == std::string_view::npos || pos >= source_.size()) return "";
    size_t end = source_.find('\n', pos);
    return std::string(source_.substr(pos, end == std::string_view::npos ? end : end - pos + 1));
  }

  // ---- units --------------------------------------------------------------

  // The slots of a function's or class body's cells and free variables (the
  // frees one contiguous block, in the closure tuple's order), then the
  // prologue that makes the cells and copies the closure in.
  void add_cells_and_frees(Scope* scope) {
    std::vector<int> cells;
    for (const std::string& n : scope->cellvars) cells.push_back(add_local(n, kLocalCell));
    int first_free = -1;
    for (const std::string& n : scope->freevars) {
      int idx = add_local(n, kLocalFree);
      if (first_free < 0) first_free = idx;
    }
    for (int idx : cells) emit(OP_MAKE_CELL, uint32_t(idx));
    if (first_free >= 0) emit(OP_COPY_FREE_VARS, uint32_t(first_free));
  }

  void push_unit(Scope* scope, const std::string& name, const std::string& qualname, int line) {
    auto u = std::make_unique<Unit>();
    u->scope = scope;
    u->name = name;
    u->qualname = qualname;
    u->firstlineno = line;
    u->line = line;
    if (!units_.empty()) u->private_name = units_.back()->private_name;
    units_.push_back(std::move(u));
    if (scope->kind == ScopeKind::Function || scope->kind == ScopeKind::Lambda ||
        scope->kind == ScopeKind::Comprehension) {
      unit().flags |= kCodeOptimized | kCodeNewLocals;
      if (scope->is_generator) unit().flags |= kCodeGenerator;
      // CO_NESTED: defined inside a function (directly or through classes
      // and comprehensions within one), as CPython's symtable decides.
      for (Scope* p = scope->parent; p; p = p->parent)
        if (p->kind == ScopeKind::Function || p->kind == ScopeKind::Lambda ||
            p->kind == ScopeKind::Comprehension) {
          unit().flags |= kCodeNested;
          break;
        }
      // Parameters first; every other local gets its slot when the code
      // generator first emits it (name_op), which is CPython's co_varnames
      // order.
      for (const std::string& p : scope->params) add_local(p, kLocalPlain | kLocalArg);
      // Cells (a parameter that is captured keeps its slot) and free
      // variables (one contiguous block, in the closure tuple's order),
      // then the prologue that makes the cells and copies the closure in.
      add_cells_and_frees(scope);
    } else if (scope->kind == ScopeKind::Class) {
      // A class body keeps its names in the namespace dict; its only cell
      // is `__class__` (for super()), its free variables are those of
      // enclosing functions that the body or its methods use.
      unit().flags |= kCodeClassBody;
      add_cells_and_frees(scope);
    } else if (!scope->cellvars.empty() || !scope->freevars.empty()) {
      Loc loc{line, 0, line, 0};
      error("pyglass does not support closures over module scopes", loc);
    }
  }

  // Pushes the closure tuple a new function of `child` needs (the cells of
  // this unit for the child's free variables), returns MAKE_FUNCTION's flag.
  uint32_t build_closure(Scope* child) {
    if (child->freevars.empty()) return 0;
    for (const std::string& n : child->freevars) {
      auto it = unit().local_index.find(n);
      if (it == unit().local_index.end()) error("internal: no cell for free variable '" + n + "'", Loc{unit().line, 0, 0, 0});
      emit(OP_LOAD_CLOSURE, uint32_t(it->second));
    }
    emit(OP_BUILD_TUPLE, uint32_t(child->freevars.size()));
    return 8;
  }

  int add_local(const std::string& name, uint8_t kind) {
    auto it = unit().local_index.find(name);
    if (it != unit().local_index.end()) {
      unit().kinds[it->second] |= kind;
      return it->second;
    }
    int idx = int(unit().localsplus.size());
    unit().localsplus.push_back(name);
    unit().kinds.push_back(kind);
    unit().local_index[name] = idx;
    return idx;
  }

  Code* pop_unit() {
    Unit& u = unit();
    resolve_jumps();
    Code* code = code_new();
    code->name = str_intern(u.name);
    code->qualname = str_intern(u.qualname);
    code->filename = str_intern(filename_);
    code->firstlineno = u.firstlineno;
    code->argcount = u.argcount;
    code->posonlyargcount = u.posonly;
    code->kwonlyargcount = u.kwonly;
    code->flags = u.flags;
    code->nlocalsplus = int32_t(u.localsplus.size());
    code->stacksize = compute_stack_depth();
    code->framesize = code->nlocalsplus + code->stacksize;
    code->consts = tuple_new(int64_t(u.consts.size()));
    for (size_t i = 0; i < u.consts.size(); ++i) tuple_items(code->consts)[i] = u.consts[i];
    code->names = tuple_new(int64_t(u.names.size()));
    for (size_t i = 0; i < u.names.size(); ++i) tuple_items(code->names)[i] = Value(u.names[i]);
    code->localsplusnames = tuple_new(int64_t(u.localsplus.size()));
    for (size_t i = 0; i < u.localsplus.size(); ++i)
      tuple_items(code->localsplusnames)[i] = Value(str_intern(mangle(u.localsplus[i])));  // `__p` in a class is `_C__p`, as CPython
    code->localspluskinds = copy_array(u.kinds);
    code->ninstrs = int32_t(u.instrs.size());
    code->instrs = copy_array(u.instrs);
    std::vector<uint8_t> table = encode_line_table(u);
    code->linetable_size = int32_t(table.size());
    code->linetable = copy_array(table);
    std::vector<ExceptionTableEntry> exceptions = build_exception_table();
    code->nexceptions = int32_t(exceptions.size());
    code->exception_table = copy_array(exceptions);
    code->global_cache = static_cast<GlobalCacheEntry*>(calloc(u.names.size() + 1, sizeof(GlobalCacheEntry)));
    units_.pop_back();
    return code;
  }

  // malloc'd copy of a vector (never null, so tools can read an empty one).
  template <class T>
  static T* copy_array(const std::vector<T>& v) {
    T* out = static_cast<T*>(malloc((v.size() + 1) * sizeof(T)));
    if (!out) abort();
    if (!v.empty()) memcpy(out, v.data(), v.size() * sizeof(T));
    return out;
  }

  static void put_uleb(std::vector<uint8_t>& out, uint64_t v) {
    do {
      uint8_t b = v & 0x7f;
      v >>= 7;
      out.push_back(v ? (b | 0x80) : b);
    } while (v);
  }

  std::vector<uint8_t> encode_line_table(const Unit& u) {
    std::vector<uint8_t> out;
    int prev_line = u.firstlineno;
    size_t i = 0;
    while (i < u.lines.size()) {
      size_t j = i;
      while (j < u.lines.size() && u.lines[j] == u.lines[i]) ++j;
      put_uleb(out, j - i);
      int64_t delta = int64_t(u.lines[i]) - prev_line;
      put_uleb(out, uint64_t((delta << 1) ^ (delta >> 63)));  // zigzag
      prev_line = u.lines[i];
      i = j;
    }
    return out;
  }

  // Maximum value-stack depth over every path through the code (a worklist
  // over basic-block entry points; merges keep the larger depth).
  int compute_stack_depth() {
    Unit& u = unit();
    size_t n = u.instrs.size();
    std::vector<int> depth_at(n, -1);
    std::vector<size_t> work;
    int max_depth = 0;
    auto reach = [&](size_t target, int depth) {
      if (target < n && depth_at[target] < depth) {
        depth_at[target] = depth;
        work.push_back(target);
      }
    };
    reach(0, 0);
    // Handler landing pads are reached from their regions: the stack is cut
    // to the depth at the handler's setup point, then the exception (and
    // maybe the raising instruction's offset) is pushed.
    auto reach_handlers = [&] {
      for (const Handler& h : u.handlers) {
        if (h.setup_instr >= n || depth_at[h.setup_instr] < 0) continue;
        int d = depth_at[h.setup_instr] + h.depth_adjust + 1 + (h.push_lasti ? 1 : 0);
        max_depth = std::max(max_depth, d);
        reach(size_t(u.label_pos[h.label]), d);
      }
    };
    for (;;) {
    while (!work.empty()) {
      size_t i = work.back();
      work.pop_back();
      int depth = depth_at[i];
      while (i < n) {
        uint32_t op = instr_opcode(u.instrs[i]);
        uint32_t arg = instr_arg(u.instrs[i]);
        if (kOpcodeInfo[op].is_jump) {
          int jd = depth + opcode_stack_effect(uint8_t(op), arg, true);
          max_depth = std::max(max_depth, jd);
          reach(arg, jd);
        }
        depth += opcode_stack_effect(uint8_t(op), arg, false);
        max_depth = std::max(max_depth, depth);
        if (op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS || op == OP_JUMP_FORWARD ||
            op == OP_JUMP_BACKWARD || op == OP_RERAISE)
          break;
        ++i;
        if (i < n) {
          if (depth_at[i] >= depth) break;  // already explored at least this deep
          depth_at[i] = depth;
        }
      }
    }
    reach_handlers();
    if (work.empty()) break;
    }
    handler_depths_.clear();
    for (const Handler& h : u.handlers)
      handler_depths_.push_back(h.setup_instr < n && depth_at[h.setup_instr] >= 0 ? depth_at[h.setup_instr] + h.depth_adjust : 0);
    return max_depth;
  }

  // Exception table: maximal runs of instructions with the same innermost
  // handler (computed after the stack depths, which give each handler's depth).
  std::vector<ExceptionTableEntry> build_exception_table() {
    Unit& u = unit();
    std::vector<ExceptionTableEntry> table;
    size_t n = u.instrs.size();
    size_t i = 0;
    while (i < n) {
      int h = u.instr_handler[i];
      size_t j = i;
      while (j < n && u.instr_handler[j] == h) ++j;
      if (h >= 0) {
        const Handler& hd = u.handlers[size_t(h)];
        table.push_back({int32_t(i), int32_t(j), int32_t(u.label_pos[hd.label]),
                         int32_t(handler_depths_[size_t(h)]), hd.push_lasti ? 1 : 0});
      }
      i = j;
    }
    return table;
  }

  // ---- emission -----------------------------------------------------------

  size_t emit(Opcode op, uint32_t arg = 0) {
    if (arg > kMaxInstrArg) error("too many constants or names in one code object", {unit().line, 0, 0, 0});
    unit().instrs.push_back(make_instr(op, arg));
    unit().lines.push_back(unit().line);
    unit().instr_handler.push_back(unit().handler_stack.empty() ? -1 : unit().handler_stack.back());
    return unit().instrs.size() - 1;
  }

  int new_label() {
    unit().label_pos.push_back(-1);
    return int(unit().label_pos.size() - 1);
  }
  void bind(int label) { unit().label_pos[label] = int(unit().instrs.size()); }
  void emit_jump(Opcode op, int label) {
    size_t at = emit(op, uint32_t(label));
    unit().fixups.push_back(at);
  }
  void resolve_jumps() {
    Unit& u = unit();
    for (size_t at : u.fixups) {
      uint32_t op = instr_opcode(u.instrs[at]);
      int target = u.label_pos[instr_arg(u.instrs[at])];
      if (op == OP_JUMP_FORWARD && size_t(target) <= at) op = OP_JUMP_BACKWARD;
      u.instrs[at] = make_instr(op, uint32_t(target));
    }
    u.fixups.clear();
  }

  int add_const(Value v, const std::string& key) {
    auto it = unit().const_index.find(key);
    if (it != unit().const_index.end()) return it->second;
    int idx = int(unit().consts.size());
    unit().consts.push_back(v);
    unit().const_index[key] = idx;
    return idx;
  }
  void load_none() { emit(OP_LOAD_CONST, add_const(None(), "N")); }
  void emit_return_none() {
    load_none();
    emit(OP_RETURN_VALUE);
  }

  // Private name mangling, like CPython's _Py_Mangle: inside a class,
  // `__x` (not ending in `__`, no dot) becomes `_Class__x` (the class name
  // without its leading underscores).
  std::string mangle(const std::string& name) {
    const std::string& cls = unit().private_name;
    if (cls.empty() || name.size() < 3 || name[0] != '_' || name[1] != '_') return name;
    if (name.size() >= 4 && name[name.size() - 1] == '_' && name[name.size() - 2] == '_') return name;
    if (name.find('.') != std::string::npos) return name;
    size_t start = cls.find_first_not_of('_');
    if (start == std::string::npos) return name;
    return "_" + cls.substr(start) + name;
  }
  int attr_index(const std::string& attr) { return name_index(mangle(attr)); }

  int name_index(const std::string& name) {
    auto it = unit().name_index.find(name);
    if (it != unit().name_index.end()) return it->second;
    int idx = int(unit().names.size());
    unit().names.push_back(str_intern(name));
    unit().name_index[name] = idx;
    return idx;
  }

  void set_line(const Loc& loc) {
    if (loc.line > 0) unit().line = loc.line;
  }
  // Like CPython 3.11, an attribute access spanning lines belongs to the line
  // of the attribute name (where `.name` is), which is what f_lineno and
  // tracebacks show for `obj\n.name`.
  void set_attribute_line(const Attribute* a) {
    if (a->loc.end_line > 0) unit().line = a->loc.end_line;
    else set_line(a->loc);
  }

  // ---- names --------------------------------------------------------------

  enum class Access { Load, Store, Delete };

  void name_op(const std::string& name, Access access, const Loc& loc) {
    NameScope where = unit().scope->scope_of(name);
    switch (where) {
      case NameScope::Local: {
        int idx = add_local(name, kLocalPlain);
        Opcode load = unit().scope->concat_targets.count(name) ? OP_LOAD_FAST_ESCAPE : OP_LOAD_FAST;
        emit(access == Access::Load ? load : access == Access::Store ? OP_STORE_FAST : OP_DELETE_FAST, idx);
        return;
      }
      case NameScope::GlobalExplicit:
      case NameScope::GlobalImplicit: {
        int idx = name_index(mangle(name));
        if (access == Access::Load) emit(OP_LOAD_GLOBAL, uint32_t(idx) << 1);
        else emit(access == Access::Store ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL, idx);
        return;
      }
      case NameScope::Dynamic: {
        int idx = name_index(mangle(name));
        emit(access == Access::Load ? OP_LOAD_NAME : access == Access::Store ? OP_STORE_NAME : OP_DELETE_NAME, idx);
        return;
      }
      case NameScope::Cell:
      case NameScope::Free: {
        int idx = unit().local_index.at(name);
        if (access == Access::Load && unit().scope->kind == ScopeKind::Class) {
          emit(OP_LOAD_CLASSDEREF, idx);
          return;
        }
        emit(access == Access::Load ? OP_LOAD_DEREF : access == Access::Store ? OP_STORE_DEREF : OP_DELETE_DEREF, idx);
        return;
      }
    }
  }

  // ---- statements ---------------------------------------------------------

  void body(const Body& b) {
    for (Stmt* s : b) stmt(s);
  }

  void stmt(Stmt* s) {
    DepthGuard guard(this);
    set_line(s->loc);
    switch (s->kind) {
      case StmtKind::Expr:
        expr(static_cast<ExprStmt*>(s)->value);
        emit(OP_POP_TOP);
        break;
      case StmtKind::Assign: {
        auto* a = static_cast<Assign*>(s);
        expr(a->value);
        for (size_t i = 0; i < a->targets.size(); ++i) {
          if (i + 1 < a->targets.size()) emit(OP_COPY, 1);
          store_target(a->targets[i]);
        }
        break;
      }
      case StmtKind::AugAssign: aug_assign(static_cast<AugAssign*>(s)); break;
      case StmtKind::AnnAssign: {
        auto* a = static_cast<AnnAssign*>(s);
        if (a->value) {
          expr(a->value);
          store_target(a->target);
        }
        ScopeKind k = unit().scope->kind;
        bool namespace_scope = k == ScopeKind::Module || k == ScopeKind::Class;
        if (a->target->kind == ExprKind::Name && a->simple) {
          // Module and class bodies record it in __annotations__; functions
          // do not evaluate it at all (CPython 3.11).
          if (namespace_scope) {
            annotation_value(a->annotation);
            name_op("__annotations__", Access::Load, s->loc);
            std::string key = mangle(static_cast<Name*>(a->target)->id);
            emit(OP_LOAD_CONST, add_const(Value(str_intern(key)), "s" + key));
            set_line(s->loc);
            emit(OP_STORE_SUBSCR);
          }
        } else {
          if (!a->value) {
            // The target's parts are still evaluated (`a.b: int` reads a).
            if (a->target->kind == ExprKind::Attribute) {
              expr(static_cast<Attribute*>(a->target)->value);
              emit(OP_POP_TOP);
            } else if (a->target->kind == ExprKind::Subscript) {
              expr(static_cast<Subscript*>(a->target)->value);
              emit(OP_POP_TOP);
              subscript_index(static_cast<Subscript*>(a->target)->slice);
              emit(OP_POP_TOP);
            }
          }
          if (namespace_scope && !future_annotations_) {
            expr(a->annotation);
            emit(OP_POP_TOP);
          }
        }
        break;
      }
      case StmtKind::If: if_stmt(static_cast<If*>(s)); break;
      case StmtKind::While: while_stmt(static_cast<While*>(s)); break;
      case StmtKind::For: for_stmt(static_cast<For*>(s)); break;
      case StmtKind::Break: {
        const Block* loop = unwind_to_loop(s->loc, "'break' outside loop", true);
        emit_jump(OP_JUMP_FORWARD, loop->break_label);
        break;
      }
      case StmtKind::Continue: {
        const Block* loop = unwind_to_loop(s->loc, "'continue' not properly in loop", false);
        emit_jump(OP_JUMP_FORWARD, loop->continue_label);
        break;
      }
      case StmtKind::Pass: emit(OP_NOP); break;  // a line of its own, for tracing (issue 9)
      case StmtKind::Return: {
        ScopeKind k = unit().scope->kind;
        if (k != ScopeKind::Function && k != ScopeKind::Lambda) error("'return' outside function", s->loc);
        auto* r = static_cast<Return*>(s);
        if (r->value && (unit().flags & kCodeAsyncGenerator))
          error("'return' with value in async generator", s->loc);
        if (r->value) expr(r->value);
        else load_none();
        unwind_blocks(0, true);
        set_line(s->loc);
        emit(OP_RETURN_VALUE);
        break;
      }
      case StmtKind::FunctionDef: function_def(static_cast<FunctionDef*>(s)); break;
      case StmtKind::Global:
      case StmtKind::Nonlocal: break;  // handled by the symbol table
      case StmtKind::Delete:
        for (Expr* t : static_cast<Delete*>(s)->targets) delete_target(t);
        break;
      case StmtKind::Import: import_stmt(static_cast<Import*>(s)); break;
      case StmtKind::ImportFrom: import_from(static_cast<ImportFrom*>(s)); break;
      case StmtKind::Raise: {
        auto* r = static_cast<Raise*>(s);
        int n = 0;
        if (r->exc) { expr(r->exc); ++n; }
        if (r->cause) { expr(r->cause); ++n; }
        set_line(s->loc);
        emit(OP_RAISE_VARARGS, n);
        break;
      }
      case StmtKind::AsyncFunctionDef: function_def(static_cast<FunctionDef*>(s)); break;
      case StmtKind::ClassDef: class_def(static_cast<ClassDef*>(s)); break;
      case StmtKind::AsyncFor: async_for_stmt(static_cast<For*>(s)); break;
      case StmtKind::With: with_stmt(static_cast<With*>(s), 0); break;
      case StmtKind::AsyncWith: with_stmt(static_cast<With*>(s), 0); break;
      case StmtKind::Try:
        emit(OP_NOP);  // the `try:` line, reported by line tracing (issue 9)
        try_stmt(static_cast<Try*>(s));
        break;
      case StmtKind::Assert: {
        auto* a = static_cast<Assert*>(s);
        int end = new_label();
        jump_if(a->test, true, end);
        set_line(s->loc);
        emit(OP_PUSH_NULL);
        emit(OP_LOAD_CONST, add_const(Value(&AssertionErrorType), "AssertionError"));
        if (a->msg) expr(a->msg);
        set_line(s->loc);
        emit(OP_CALL, a->msg ? 1 : 0);
        emit(OP_RAISE_VARARGS, 1);
        bind(end);
        break;
      }
    }
  }

  // ---- blocks, handlers, try ---------------------------------------------

  // `own_handler`: the innermost active handler belongs to this block (a
  // finally or with handler), so the block's unwind code (the inlined
  // finally body, the __exit__ call) must run outside it: an exception
  // there must not run the cleanup a second time.
  void push_block(Block b, bool own_handler = false) {
    b.handlers_below = unit().handler_stack.size() - (own_handler ? 1 : 0);
    unit().blocks.push_back(std::move(b));
  }
  void pop_block() { unit().blocks.pop_back(); }

  // Starts a handler region: instructions emitted until end_handler() that
  // raise jump to `label`, with the stack cut to the depth it has here.
  void begin_handler(int label, bool push_lasti, int depth_adjust = 0) {
    Unit& u = unit();
    u.handlers.push_back({label, u.instrs.size(), push_lasti, depth_adjust});
    u.handler_stack.push_back(int(u.handlers.size() - 1));
  }
  void end_handler() { unit().handler_stack.pop_back(); }

  // Emits the code that leaves block `b` (for break/continue/return).
  // `preserve_tos`: a return value sits on top of the stack.
  void unwind_block(const Block& b, bool preserve_tos) {
    switch (b.kind) {
      case BlockKind::WhileLoop:
      case BlockKind::TryBody:
        return;
      case BlockKind::ForLoop:
        if (preserve_tos) emit(OP_SWAP, 2);
        emit(OP_POP_TOP);  // the iterator
        return;
      case BlockKind::FinallyBody:
        // The finally body runs here, outside its own handler.
        body(*b.finalbody);
        return;
      case BlockKind::FinallyHandler:
        // [lasti, prev_exc, exc]: drop the exception being handled.
        if (preserve_tos) emit(OP_SWAP, 2);
        emit(OP_POP_TOP);
        if (preserve_tos) emit(OP_SWAP, 2);
        emit(OP_POP_EXCEPT);
        if (preserve_tos) emit(OP_SWAP, 2);
        emit(OP_POP_TOP);
        return;
      case BlockKind::ExceptHandler:
        if (!b.bound_name.empty()) clear_bound_name(b.bound_name);
        if (preserve_tos) emit(OP_SWAP, 2);
        emit(OP_POP_EXCEPT);
        return;
      case BlockKind::WithBody: {
        // [exit(, value)]: exit(None, None, None), result dropped.
        int saved = unit().line;
        set_line(b.loc);
        if (preserve_tos) emit(OP_SWAP, 2);
        emit_call_exit_with_nones();
        if (b.is_async) emit_await(kAwaitAexit);
        emit(OP_POP_TOP);
        unit().line = saved;
        return;
      }
    }
  }

  // Runs the unwind code of the blocks above `keep`, innermost first. Each
  // block's code is emitted with only the handlers outside it active (an
  // exception in an inlined finally body must not run it again).
  void unwind_blocks(size_t keep, bool preserve_tos) {
    Unit& u = unit();
    std::vector<Block> saved = u.blocks;
    std::vector<int> saved_handlers = u.handler_stack;
    while (u.blocks.size() > keep) {
      Block b = u.blocks.back();
      u.blocks.pop_back();
      u.handler_stack.resize(b.handlers_below);
      unwind_block(b, preserve_tos);
    }
    u.blocks = saved;
    u.handler_stack = saved_handlers;
  }

  // For break/continue: leaves the blocks inside the innermost loop (break
  // also pops a for loop's iterator) and returns that loop.
  const Block* unwind_to_loop(const Loc& loc, const char* msg, bool is_break) {
    Unit& u = unit();
    size_t i = u.blocks.size();
    while (i > 0 && u.blocks[i - 1].kind != BlockKind::WhileLoop &&
           u.blocks[i - 1].kind != BlockKind::ForLoop)
      --i;
    if (i == 0) error(msg, loc);
    unwind_blocks(i, false);
    const Block* loop = &u.blocks[i - 1];
    if (is_break && loop->kind == BlockKind::ForLoop) {
      std::vector<int> saved = u.handler_stack;
      u.handler_stack.resize(loop->handlers_below);
      emit(OP_POP_TOP);
      u.handler_stack = saved;
    }
    return loop;
  }

  // `except E as name:` unbinds name when the clause ends (CPython does
  // `name = None; del name`).
  void clear_bound_name(const std::string& name) {
    load_none();
    name_op(name, Access::Store, Loc{});
    name_op(name, Access::Delete, Loc{});
  }

  void try_stmt(Try* s) {
    if (!s->finalbody.empty()) try_finally(s);
    else try_except(s);
  }

  // try: body finally: final
  void try_finally(Try* s) {
    int handler = new_label(), end = new_label(), cleanup = new_label();
    begin_handler(handler, true);
    push_block({BlockKind::FinallyBody}, true);
    unit().blocks.back().finalbody = &s->finalbody;
    if (s->handlers.empty()) body(s->body);
    else try_except(s);
    pop_block();
    end_handler();
    // Normal exit: run the finally body.
    body(s->finalbody);
    emit_jump(OP_JUMP_FORWARD, end);
    // Exceptional exit: [lasti, exc] -> run the finally body, re-raise.
    bind(handler);
    begin_handler(cleanup, true);
    emit(OP_PUSH_EXC_INFO);
    push_block({BlockKind::FinallyHandler});
    body(s->finalbody);
    pop_block();
    emit(OP_RERAISE, 0);
    end_handler();
    emit_cleanup(cleanup);
    bind(end);
  }

  // Landing pad for an exception raised while handling another: restore
  // the previously handled exception and re-raise. Stack: [prev, lasti, exc].
  void emit_cleanup(int label) {
    bind(label);
    emit(OP_COPY, 3);
    emit(OP_POP_EXCEPT);
    emit(OP_RERAISE, 1);
  }

  // try: body except ...: handlers else: orelse
  void try_except(Try* s) {
    int handler = new_label(), end = new_label(), cleanup = new_label();
    begin_handler(handler, false);
    push_block({BlockKind::TryBody});
    body(s->body);
    pop_block();
    end_handler();
    body(s->orelse);
    emit_jump(OP_JUMP_FORWARD, end);
    // [exc] -> [prev_exc, exc], then try each clause in order.
    bind(handler);
    begin_handler(cleanup, true);
    emit(OP_PUSH_EXC_INFO);
    for (size_t i = 0; i < s->handlers.size(); ++i) {
      const ExceptHandler& h = s->handlers[i];
      set_line(h.loc);
      if (!h.type && i + 1 < s->handlers.size()) error("default 'except:' must be last", h.loc);
      int next = new_label();
      if (h.type) {
        expr(h.type);
        emit(OP_CHECK_EXC_MATCH);
        emit_jump(OP_POP_JUMP_IF_FALSE, next);
      }
      int name_cleanup = -1;
      if (h.name) {
        name_op(*h.name, Access::Store, h.loc);
        name_cleanup = new_label();
        begin_handler(name_cleanup, true);
      } else {
        emit(OP_POP_TOP);
      }
      push_block({BlockKind::ExceptHandler});
      if (h.name) unit().blocks.back().bound_name = *h.name;
      body(h.body);
      pop_block();
      if (h.name) {
        end_handler();
        clear_bound_name(*h.name);
      }
      emit(OP_POP_EXCEPT);
      emit_jump(OP_JUMP_FORWARD, end);
      if (h.name) {
        // An exception inside the clause: unbind the name, then re-raise
        // (the cleanup handler restores the previous exception).
        bind(name_cleanup);
        clear_bound_name(*h.name);
        emit(OP_RERAISE, 1);
      }
      bind(next);
    }
    // No clause matched: re-raise the exception.
    emit(OP_RERAISE, 0);
    end_handler();
    emit_cleanup(cleanup);
    bind(end);
  }

  // exit(None, None, None) with exit on the stack: [exit, None, None, None]
  // is the call protocol's [method, self, arg, arg] (CPython's trick).
  void emit_call_exit_with_nones() {
    load_none();
    load_none();
    load_none();
    emit(OP_CALL, 2);
  }

  // with A() as a, B() as b: body  ==  with A() as a: with B() as b: body
  // Like CPython 3.11: BEFORE_WITH leaves [exit, enter_result]; the body
  // runs under a handler whose landing pad calls exit(type, exc, tb) and
  // re-raises unless it returned true. The handler's depth keeps `exit`
  // only (the enter result is stored or dropped first).
  void with_stmt(With* s, size_t item) {
    const WithItem& it = s->items[item];
    int handler = new_label(), end = new_label(), cleanup = new_label(), suppress = new_label();
    bool is_async = s->kind == StmtKind::AsyncWith;
    if (is_async) check_in_async_function("async with", s->loc);
    expr(it.context_expr);
    set_line(s->loc);
    if (is_async) {
      emit(OP_BEFORE_ASYNC_WITH);
      emit_await(kAwaitAenter);
    } else {
      emit(OP_BEFORE_WITH);
    }
    begin_handler(handler, true, -1);
    if (it.optional_vars) store_target(it.optional_vars);
    else emit(OP_POP_TOP);
    Block b{BlockKind::WithBody};
    b.loc = s->loc;
    b.is_async = is_async;
    push_block(b, true);
    if (item + 1 < s->items.size()) with_stmt(s, item + 1);
    else body(s->body);
    pop_block();
    end_handler();
    set_line(s->loc);
    emit_call_exit_with_nones();
    if (is_async) emit_await(kAwaitAexit);
    emit(OP_POP_TOP);
    emit_jump(OP_JUMP_FORWARD, end);
    // [exit, lasti, exc] -> [exit, lasti, prev_exc, exc, exit(...)]
    bind(handler);
    begin_handler(cleanup, true);
    emit(OP_PUSH_EXC_INFO);
    emit(OP_WITH_EXCEPT_START);
    if (is_async) emit_await(kAwaitAexit);
    emit_jump(OP_POP_JUMP_IF_TRUE, suppress);
    emit(OP_RERAISE, 0);
    end_handler();
    emit_cleanup(cleanup);
    // Suppressed: drop the exception, restore the previous one, drop lasti
    // and exit.
    bind(suppress);
    emit(OP_POP_TOP);
    emit(OP_POP_EXCEPT);
    emit(OP_POP_TOP);
    emit(OP_POP_TOP);
    bind(end);
  }

  // class C(B1, B2, metaclass=M): body
  // The body becomes a function (its closure gives it the enclosing
  // functions' cells) that __build_class__ runs with a fresh namespace
  // dict, then the metaclass makes the class: CPython's protocol.
  void class_def(ClassDef* c) {
    check_repeated_keywords(c->keywords);
    for (Expr* d : c->decorator_list) expr(d);
    set_line(c->loc);
    bool unpacking = false;
    for (Expr* b : c->bases) unpacking = unpacking || b->kind == ExprKind::Starred;
    for (auto& k : c->keywords) unpacking = unpacking || !k.arg;
    Scope* scope = table_.scope_for(c);
    int line = c->decorator_list.empty() ? c->loc.line : c->decorator_list[0]->loc.line;
    std::string qualname = child_qualname(c->name);
    push_unit(scope, c->name, qualname, line);
    unit().private_name = c->name;
    set_line(c->loc);
    name_op("__name__", Access::Load, c->loc);
    name_op("__module__", Access::Store, c->loc);
    emit(OP_LOAD_CONST, add_const(Value(str_intern(qualname)), "s" + qualname));
    name_op("__qualname__", Access::Store, c->loc);
    size_t first = 0;
    if (const Constant* doc = docstring(c->body)) {
      set_line(c->body[0]->loc);
      emit(OP_LOAD_CONST, add_const(Value(str_new(doc->text)), "s" + doc->text));
      name_op("__doc__", Access::Store, doc->loc);
      first = 1;
    }
    if (has_annotations(c->body)) emit(OP_SETUP_ANNOTATIONS);
    for (size_t i = first; i < c->body.size(); ++i) stmt(c->body[i]);
    auto cell = unit().local_index.find("__class__");
    if (cell != unit().local_index.end() && (unit().kinds[cell->second] & kLocalCell)) {
      emit(OP_LOAD_CLOSURE, uint32_t(cell->second));
      name_op("__classcell__", Access::Store, c->loc);
    }
    emit_return_none();
    Code* code = pop_unit();
    set_line(c->loc);
    emit(OP_PUSH_NULL);
    emit(OP_LOAD_BUILD_CLASS);
    uint32_t closure = build_closure(scope);
    emit(OP_LOAD_CONST, add_const(Value(code), "c" + std::to_string(unit().consts.size())));
    emit(OP_MAKE_FUNCTION, closure);
    emit(OP_LOAD_CONST, add_const(Value(str_intern(c->name)), "s" + c->name));
    if (unpacking) {
      // class C(*bases, **kw): like a call with unpacking, the function
      // and the name already on the stack lead the arguments list.
      sequence_with_stars(c->bases, c->loc, true, 2);
      bool has_kw = emit_ex_keywords(c->keywords, c->loc);
      set_line(c->loc);
      emit(OP_CALL_FUNCTION_EX, has_kw ? 1 : 0);
    } else {
      for (Expr* b : c->bases) expr(b);
      for (auto& k : c->keywords) expr(k.value);
      set_line(c->loc);
      emit_kw_names(c->keywords);
      emit(OP_CALL, uint32_t(2 + c->bases.size() + c->keywords.size()));
    }
    for (size_t i = 0; i < c->decorator_list.size(); ++i) emit(OP_CALL, 0);
    name_op(c->name, Access::Store, c->loc);
  }

  void if_stmt(If* s) {
    int orelse = new_label();
    int end = new_label();
    jump_if(s->test, false, orelse);
    body(s->body);
    if (!s->orelse.empty()) {
      emit_jump(OP_JUMP_FORWARD, end);
      bind(orelse);
      body(s->orelse);
    } else {
      bind(orelse);
    }
    bind(end);
  }

  void while_stmt(While* s) {
    int top = new_label(), orelse = new_label(), end = new_label();
    bind(top);
    set_line(s->loc);
    jump_if(s->test, false, orelse);
    push_block({BlockKind::WhileLoop, top, end});
    body(s->body);
    pop_block();
    set_line(s->loc);
    emit_jump(OP_JUMP_FORWARD, top);
    bind(orelse);
    body(s->orelse);
    bind(end);
  }

  void for_stmt(For* s) {
    int top = new_label(), exhausted = new_label(), end = new_label();
    expr(s->iter);
    set_line(s->loc);
    emit(OP_GET_ITER);
    bind(top);
    set_line(s->loc);
    emit_jump(OP_FOR_ITER, exhausted);
    store_target(s->target);
    push_block({BlockKind::ForLoop, top, end});
    body(s->body);
    pop_block();
    set_line(s->loc);
    emit_jump(OP_JUMP_FORWARD, top);
    bind(exhausted);
    body(s->orelse);
    bind(end);
  }

  // ---- delegation and coroutines -------------------------------------------

  // [iterator] -> [result]: the loop of `yield from` and `await` (CPython
  // 3.11's SEND / YIELD_VALUE / JUMP_BACKWARD). YIELD_VALUE 1 tells
  // gi_yieldfrom, throw() and close() that TOS1 is the delegate.
  void emit_yield_from_loop() {
    load_none();
    int loop = new_label(), done = new_label();
    bind(loop);
    emit_jump(OP_SEND, done);
    emit(OP_YIELD_VALUE, 1);
    emit_jump(OP_JUMP_FORWARD, loop);  // resolves to JUMP_BACKWARD
    bind(done);
  }
  void emit_await(AwaitSource source) {
    emit(OP_GET_AWAITABLE, uint32_t(source));
    emit_yield_from_loop();
  }
  bool in_async_function() const {
    return (units_.back()->flags & (kCodeCoroutine | kCodeAsyncGenerator)) != 0;
  }
  void check_in_async_function(const char* what, const Loc& loc) {
    if (in_async_function()) return;
    if (units_.back()->scope->kind == ScopeKind::Comprehension)
      error("pyglass does not support asynchronous comprehensions yet", loc);
    error(std::string("'") + what + "' outside async function", loc);
  }

  // async for target in iter: body else: orelse
  // A handler around each __anext__ await turns StopAsyncIteration into
  // the end of the loop (END_ASYNC_FOR), like CPython 3.11.
  void async_for_stmt(For* s) {
    check_in_async_function("async for", s->loc);
    int top = new_label(), exhausted = new_label(), end = new_label();
    expr(s->iter);
    set_line(s->loc);
    emit(OP_GET_AITER);
    bind(top);
    set_line(s->loc);
    begin_handler(exhausted, false);
    emit(OP_GET_ANEXT);
    emit_yield_from_loop();
    end_handler();
    store_target(s->target);
    push_block({BlockKind::ForLoop, top, end});
    body(s->body);
    pop_block();
    set_line(s->loc);
    emit_jump(OP_JUMP_FORWARD, top);
    bind(exhausted);
    emit(OP_END_ASYNC_FOR);
    body(s->orelse);
    bind(end);
  }

  // Compiles a condition and jumps to `label` when its truth equals `when`.
  void jump_if(Expr* test, bool when, int label) {
    if (test->kind == ExprKind::UnaryOp && static_cast<ast::UnaryOp*>(test)->op == UnaryOperator::Not) {
      jump_if(static_cast<ast::UnaryOp*>(test)->operand, !when, label);
      return;
    }
    if (test->kind == ExprKind::BoolOp) {
      auto* b = static_cast<BoolOp*>(test);
      // `a and b` jumps on false as soon as one is false; on true only if all are.
      bool short_on = !b->is_and;  // or: short-circuits on true
      if (short_on == when) {
        for (Expr* v : b->values) jump_if(v, when, label);
      } else {
        int skip = new_label();
        for (size_t i = 0; i + 1 < b->values.size(); ++i) jump_if(b->values[i], !when, skip);
        jump_if(b->values.back(), when, label);
        bind(skip);
      }
      return;
    }
    expr(test);
    emit_jump(when ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
  }

  void store_target(Expr* t) {
    switch (t->kind) {
      case ExprKind::Name:
        name_op(static_cast<Name*>(t)->id, Access::Store, t->loc);
        break;
      case ExprKind::Attribute: {
        auto* a = static_cast<Attribute*>(t);
        expr(a->value);
        set_line(t->loc);
        emit(OP_STORE_ATTR, attr_index(a->attr));
        break;
      }
      case ExprKind::Subscript: {
        auto* s = static_cast<Subscript*>(t);
        expr(s->value);
        subscript_index(s->slice);
        set_line(t->loc);
        emit(OP_STORE_SUBSCR);
        break;
      }
      case ExprKind::Tuple:
      case ExprKind::List: {
        auto* seq = static_cast<Sequence*>(t);
        int star = -1;
        for (size_t i = 0; i < seq->elts.size(); ++i) {
          if (seq->elts[i]->kind != ExprKind::Starred) continue;
          if (star >= 0) error("multiple starred expressions in assignment", t->loc);
          star = int(i);
        }
        set_line(t->loc);
        if (star < 0) {
          emit(OP_UNPACK_SEQUENCE, uint32_t(seq->elts.size()));
          for (Expr* e : seq->elts) store_target(e);
          break;
        }
        size_t after = seq->elts.size() - size_t(star) - 1;
        if (star >= 256 || after >= (1u << 16)) error("too many expressions in star-unpacking assignment", t->loc);
        emit(OP_UNPACK_EX, uint32_t(star) | uint32_t(after) << 8);
        for (Expr* e : seq->elts)
          store_target(e->kind == ExprKind::Starred ? static_cast<Starred*>(e)->value : e);
        break;
      }
      case ExprKind::Starred:
        error("starred assignment target must be in a list or tuple", t->loc);
      default:
        error("cannot assign to expression", t->loc);
    }
  }

  void delete_target(Expr* t) {
    set_line(t->loc);
    switch (t->kind) {
      case ExprKind::Name:
        name_op(static_cast<Name*>(t)->id, Access::Delete, t->loc);
        break;
      case ExprKind::Attribute: {
        auto* a = static_cast<Attribute*>(t);
        expr(a->value);
        emit(OP_DELETE_ATTR, attr_index(a->attr));
        break;
      }
      case ExprKind::Subscript: {
        auto* s = static_cast<Subscript*>(t);
        expr(s->value);
        subscript_index(s->slice);
        emit(OP_DELETE_SUBSCR);
        break;
      }
      case ExprKind::Tuple:
      case ExprKind::List:
        for (Expr* e : static_cast<Sequence*>(t)->elts) delete_target(e);
        break;
      default:
        error("cannot delete expression", t->loc);
    }
  }

  static BinaryOp to_binary(Operator op) {
    switch (op) {
      case Operator::Add: return BinaryOp::Add;
      case Operator::Sub: return BinaryOp::Sub;
      case Operator::Mult: return BinaryOp::Mul;
      case Operator::MatMult: return BinaryOp::MatMul;
      case Operator::Div: return BinaryOp::TrueDiv;
      case Operator::Mod: return BinaryOp::Mod;
      case Operator::Pow: return BinaryOp::Pow;
      case Operator::LShift: return BinaryOp::LShift;
      case Operator::RShift: return BinaryOp::RShift;
      case Operator::BitOr: return BinaryOp::Or;
      case Operator::BitXor: return BinaryOp::Xor;
      case Operator::BitAnd: return BinaryOp::And;
      case Operator::FloorDiv: return BinaryOp::FloorDiv;
    }
    return BinaryOp::Add;
  }

  void aug_assign(AugAssign* s) {
    uint32_t op = uint32_t(to_binary(s->op)) + kInplaceOffset;
    Expr* t = s->target;
    switch (t->kind) {
      case ExprKind::Name: {
        auto* n = static_cast<Name*>(t);
        if (s->op == Operator::Add && unit().scope->scope_of(n->id) == NameScope::Local) {
          // `x += y` on a fast local: one instruction that may grow a str
          // in place (the local's other reads are LOAD_FAST_ESCAPE).
          int idx = add_local(n->id, kLocalPlain);
          emit(OP_LOAD_FAST, uint32_t(idx));
          expr(s->value);
          set_line(s->loc);
          emit(OP_INPLACE_ADD_FAST, uint32_t(idx));
          break;
        }
        name_op(n->id, Access::Load, t->loc);
        expr(s->value);
        set_line(s->loc);
        emit(OP_BINARY_OP, op);
        name_op(n->id, Access::Store, t->loc);
        break;
      }
      case ExprKind::Attribute: {
        auto* a = static_cast<Attribute*>(t);
        expr(a->value);
        emit(OP_COPY, 1);
        emit(OP_LOAD_ATTR, attr_index(a->attr));
        expr(s->value);
        set_line(s->loc);
        emit(OP_BINARY_OP, op);
        emit(OP_SWAP, 2);
        emit(OP_STORE_ATTR, attr_index(a->attr));
        break;
      }
      case ExprKind::Subscript: {
        auto* sub = static_cast<Subscript*>(t);
        expr(sub->value);
        subscript_index(sub->slice);
        emit(OP_COPY, 2);
        emit(OP_COPY, 2);
        emit(OP_BINARY_SUBSCR);
        expr(s->value);
        set_line(s->loc);
        emit(OP_BINARY_OP, op);
        emit(OP_SWAP, 3);
        emit(OP_SWAP, 2);
        emit(OP_STORE_SUBSCR);
        break;
      }
      default:
        error("'" + std::string("expression") + "' is an illegal expression for augmented assignment", t->loc);
    }
  }

  void function_def(FunctionDef* f) {
    for (Expr* d : f->decorator_list) expr(d);
    set_line(f->loc);
    const Arguments& a = f->args;
    uint32_t make_flags = function_prelude(a, f->returns, true, f->loc);
    Scope* scope = table_.scope_for(f);
    int line = f->decorator_list.empty() ? f->loc.line : f->decorator_list[0]->loc.line;
    std::string qualname = child_qualname(f->name);
    push_unit(scope, f->name, qualname, line);
    if (f->kind == StmtKind::AsyncFunctionDef) {
      unit().flags |= (scope->is_generator ? kCodeAsyncGenerator : kCodeCoroutine) | kCodeGenerator;
    }
    set_parameter_counts(a);
    // A docstring is the code's first constant (MAKE_FUNCTION flag 16 says
    // so) and, like in CPython, not compiled as a statement.
    const Constant* doc = docstring(f->body);
    if (doc) add_const(Value(str_new(doc->text)), "s" + doc->text);
    for (size_t i = doc ? 1 : 0; i < f->body.size(); ++i) stmt(f->body[i]);
    emit_return_none();
    Code* code = pop_unit();
    set_line(f->loc);
    uint32_t closure = build_closure(scope);
    emit(OP_LOAD_CONST, add_const(Value(code), "c" + std::to_string(unit().consts.size())));
    emit(OP_MAKE_FUNCTION, make_flags | closure | (doc ? 16 : 0));
    for (size_t i = 0; i < f->decorator_list.size(); ++i) emit(OP_CALL, 0);
    name_op(f->name, Access::Store, f->loc);
  }

  // Pushes what MAKE_FUNCTION takes below the code, in CPython's order:
  // the defaults tuple, the keyword-only defaults dict, the annotations
  // dict (parameters in order, then 'return'). Returns MAKE_FUNCTION's flags.
  uint32_t function_prelude(const Arguments& a, Expr* returns, bool annotations, const Loc& loc) {
    uint32_t flags = 0;
    if (!a.defaults.empty()) {
      for (Expr* d : a.defaults) expr(d);
      set_line(loc);
      emit(OP_BUILD_TUPLE, uint32_t(a.defaults.size()));
      flags |= 1;
    }
    uint32_t nkw = 0;
    for (size_t i = 0; i < a.kwonlyargs.size(); ++i) {
      if (!a.kw_defaults[i]) continue;
      std::string name = mangle(a.kwonlyargs[i].name);
      emit(OP_LOAD_CONST, add_const(Value(str_intern(name)), "s" + name));
      expr(a.kw_defaults[i]);
      ++nkw;
    }
    if (nkw) {
      set_line(loc);
      emit(OP_BUILD_MAP, nkw);
      flags |= 2;
    }
    if (annotations) {
      uint32_t nann = 0;
      auto ann = [&](const Arg& p) {
        if (!p.annotation) return;
        std::string name = mangle(p.name);
        emit(OP_LOAD_CONST, add_const(Value(str_intern(name)), "s" + name));
        annotation_value(p.annotation);
        ++nann;
      };
      for (const Arg& p : a.posonlyargs) ann(p);
      for (const Arg& p : a.args) ann(p);
      if (a.vararg) ann(*a.vararg);
      for (const Arg& p : a.kwonlyargs) ann(p);
      if (a.kwarg) ann(*a.kwarg);
      if (returns) {
        emit(OP_LOAD_CONST, add_const(Value(str_intern("return")), "sreturn"));
        annotation_value(returns);
        ++nann;
      }
      if (nann) {
        set_line(loc);
        emit(OP_BUILD_MAP, nann);
        flags |= 4;
      }
    }
    return flags;
  }

  // co_argcount and friends of the unit just pushed for a def or lambda.
  void set_parameter_counts(const Arguments& a) {
    unit().argcount = int(a.posonlyargs.size() + a.args.size());
    unit().posonly = int(a.posonlyargs.size());
    unit().kwonly = int(a.kwonlyargs.size());
    if (a.vararg) unit().flags |= kCodeVarargs;
    if (a.kwarg) unit().flags |= kCodeVarKeywords;
    if (a.vararg || a.kwarg || !a.kwonlyargs.empty()) unit().flags |= kCodeComplexArgs;
  }

  // The docstring of a function or class body: a string literal as its
  // first statement.
  static const Constant* docstring(const Body& b) {
    if (b.empty() || b[0]->kind != StmtKind::Expr) return nullptr;
    Expr* e = static_cast<ExprStmt*>(b[0])->value;
    if (e->kind != ExprKind::Constant || static_cast<Constant*>(e)->const_kind != ConstKind::Str) return nullptr;
    return static_cast<const Constant*>(e);
  }

  std::string child_qualname(const std::string& name) {
    Unit& u = unit();
    switch (u.scope->kind) {
      case ScopeKind::Module: return name;
      case ScopeKind::Class: return u.qualname + "." + name;
      default: return u.qualname + ".<locals>." + name;
    }
  }

  void lambda(Lambda* l) {
    const Arguments& a = l->args;
    uint32_t make_flags = function_prelude(a, nullptr, false, l->loc);
    Scope* scope = table_.scope_for(l);
    push_unit(scope, "<lambda>", child_qualname("<lambda>"), l->loc.line);
    set_parameter_counts(a);
    expr(l->body);
    emit(OP_RETURN_VALUE);
    Code* code = pop_unit();
    set_line(l->loc);
    uint32_t closure = build_closure(scope);
    emit(OP_LOAD_CONST, add_const(Value(code), "c" + std::to_string(unit().consts.size())));
    emit(OP_MAKE_FUNCTION, make_flags | closure);
  }

  // [elt for ...], {k: v for ...}, (elt for ...): a nested function over the
  // first iterable (its parameter `.0`), called at once, like CPython 3.11.
  void comprehension(Comp* c) {
    const char* name = c->kind == ExprKind::ListComp  ? "<listcomp>"
                       : c->kind == ExprKind::DictComp ? "<dictcomp>"
                       : c->kind == ExprKind::SetComp  ? "<setcomp>"
                                                       : "<genexpr>";
    Scope* scope = table_.scope_for(c);
    push_unit(scope, name, child_qualname(name), c->loc.line);
    unit().argcount = 1;
    if (c->kind == ExprKind::ListComp) emit(OP_BUILD_LIST, 0);
    else if (c->kind == ExprKind::DictComp) emit(OP_BUILD_MAP, 0);
    else if (c->kind == ExprKind::SetComp) emit(OP_BUILD_SET, 0);
    comprehension_level(c, 0);
    if (c->kind == ExprKind::GeneratorExp) load_none();
    emit(OP_RETURN_VALUE);
    Code* code = pop_unit();
    set_line(c->loc);
    uint32_t closure = build_closure(scope);
    emit(OP_LOAD_CONST, add_const(Value(code), "c" + std::to_string(unit().consts.size())));
    emit(OP_MAKE_FUNCTION, closure);
    expr(c->generators[0].iter);
    set_line(c->loc);
    emit(OP_GET_ITER);
    emit(OP_CALL, 0);  // [function, iterator]: the iterator is the argument
  }

  void comprehension_level(Comp* c, size_t level) {
    const Comprehension& g = c->generators[level];
    if (g.is_async) error("pyglass does not support async comprehensions yet", c->loc);
    if (level == 0) {
      emit(OP_LOAD_FAST, 0);  // .0
    } else {
      expr(g.iter);
      emit(OP_GET_ITER);
    }
    int top = new_label(), exhausted = new_label();
    bind(top);
    set_line(c->loc);
    emit_jump(OP_FOR_ITER, exhausted);
    store_target(g.target);
    for (Expr* cond : g.ifs) jump_if(cond, false, top);
    if (level + 1 < c->generators.size()) {
      comprehension_level(c, level + 1);
    } else {
      // The container sits below one iterator per level.
      uint32_t depth = uint32_t(c->generators.size()) + 1;
      switch (c->kind) {
        case ExprKind::ListComp:
          expr(c->elt);
          emit(OP_LIST_APPEND, depth);
          break;
        case ExprKind::SetComp:
          expr(c->elt);
          emit(OP_SET_ADD, depth);
          break;
        case ExprKind::DictComp:
          expr(c->key);
          expr(c->value);
          emit(OP_MAP_ADD, depth);
          break;
        default:
          expr(c->elt);
          emit(OP_YIELD_VALUE);
          emit(OP_POP_TOP);
      }
    }
    emit_jump(OP_JUMP_FORWARD, top);
    bind(exhausted);
  }

  // {a, b, *c, d}: the items before the first starred one go to BUILD_SET;
  // each later item is added with SET_ADD, each starred one with SET_UPDATE.
  void set_display(SetExpr* e) {
    // More than two constants: one constant frozenset merged into a new
    // set, as CPython compiles it (which also gives its iteration order).
    bool all_const = e->elts.size() > 2;
    for (Expr* x : e->elts) all_const = all_const && x->kind == ExprKind::Constant;
    if (all_const) {
      Value frozen = Value(set_alloc(&FrozenSetType));
      std::string key = "S";
      for (Expr* x : e->elts) {
        std::string k;
        Value v = constant_value(static_cast<Constant*>(x), &k);
        if (set_add(frozen.as<Set>(), v) < 0) {
          error_clear();
          all_const = false;  // unhashable: let the runtime raise
          break;
        }
        key += std::to_string(k.size()) + ":" + k;
      }
      if (all_const) {
        // CPython's constant merging rebuilds the frozenset from its own
        // iteration order; do the same so the tables agree.
        Value items = list_from_iterable(frozen);
        frozen = set_from_iterable(&FrozenSetType, items);
        set_line(e->loc);
        emit(OP_BUILD_SET, 0);
        emit(OP_LOAD_CONST, add_const(frozen, key));
        emit(OP_SET_UPDATE, 1);
        return;
      }
    }
    size_t plain = 0;
    while (plain < e->elts.size() && e->elts[plain]->kind != ExprKind::Starred) expr(e->elts[plain++]);
    set_line(e->loc);
    emit(OP_BUILD_SET, uint32_t(plain));
    for (size_t i = plain; i < e->elts.size(); ++i) {
      Expr* x = e->elts[i];
      if (x->kind == ExprKind::Starred) {
        expr(static_cast<Starred*>(x)->value);
        set_line(e->loc);
        emit(OP_SET_UPDATE, 1);
      } else {
        expr(x);
        set_line(e->loc);
        emit(OP_SET_ADD, 1);
      }
    }
  }

  void formatted_value(FormattedValue* fv) {
    expr(fv->value);
    uint32_t flags = fv->conversion == 's' ? 1 : fv->conversion == 'r' ? 2 : fv->conversion == 'a' ? 3 : 0;
    if (fv->format_spec) {
      expr(fv->format_spec);
      flags |= 4;
    }
    set_line(fv->loc);
    emit(OP_FORMAT_VALUE, flags);
  }

  void import_stmt(Import* s) {
    for (const Alias& alias : s->names) {
      set_line(s->loc);
      emit(OP_LOAD_CONST, add_const(Value::small(0), "i0"));
      load_none();
      emit(OP_IMPORT_NAME, name_index(alias.name));
      if (alias.asname) {
        // `import a.b as c` binds the submodule: walk the attributes.
        size_t dot = alias.name.find('.');
        while (dot != std::string::npos) {
          size_t next = alias.name.find('.', dot + 1);
          emit(OP_LOAD_ATTR, name_index(alias.name.substr(dot + 1, next == std::string::npos ? next : next - dot - 1)));
          dot = next;
        }
        name_op(*alias.asname, Access::Store, alias.loc);
      } else {
        name_op(alias.name.substr(0, alias.name.find('.')), Access::Store, alias.loc);
      }
    }
  }

  void import_from(ImportFrom* s) {
    // Future statements only steer the compiler (scan_future_imports);
    // there is no __future__ module to import.
    if (s->module == "__future__" && s->level == 0) return;
    emit(OP_LOAD_CONST, add_const(Value::small(s->level), "i" + std::to_string(s->level)));
    Tuple* names = tuple_new(int64_t(s->names.size()));
    std::string key = "from";
    for (size_t i = 0; i < s->names.size(); ++i) {
      tuple_items(names)[i] = Value(str_intern(s->names[i].name));
      key += ":" + s->names[i].name;
    }
    emit(OP_LOAD_CONST, add_const(Value(names), key));
    emit(OP_IMPORT_NAME, name_index(s->module));
    if (s->names.size() == 1 && s->names[0].name == "*") {
      emit(OP_IMPORT_STAR);
      return;
    }
    for (const Alias& alias : s->names) {
      emit(OP_IMPORT_FROM, name_index(alias.name));
      name_op(alias.asname ? *alias.asname : alias.name, Access::Store, alias.loc);
    }
    emit(OP_POP_TOP);
  }

  // ---- expressions --------------------------------------------------------

  // The value of a literal and its key in the constant table (equal keys
  // share one constant).
  Value constant_value(Constant* c, std::string* key) {
    switch (c->const_kind) {
      case ConstKind::None: *key = "N"; return None();
      case ConstKind::True: *key = "T"; return True();
      case ConstKind::False: *key = "F"; return False();
      case ConstKind::Ellipsis: *key = "E"; return Value(&EllipsisObject);
      case ConstKind::Int: {
        Value v = int_from_string(c->text, 0);
        if (v.is_null()) {
          error_clear();
          error("invalid integer literal", c->loc);
        }
        *key = "i" + int_to_string(v);
        return v;
      }
      case ConstKind::Float: {
        char buf[40];
        uint64_t bits;
        memcpy(&bits, &c->number, sizeof bits);
        snprintf(buf, sizeof buf, "f%llx", (unsigned long long)bits);
        *key = buf;
        return float_new(c->number);
      }
      case ConstKind::Str:
        *key = "s" + c->text;
        return Value(c->text.size() <= 40 ? str_intern(c->text) : str_new(c->text));
      case ConstKind::Imaginary: {
        char buf[40];
        uint64_t bits;
        memcpy(&bits, &c->number, sizeof bits);
        snprintf(buf, sizeof buf, "j%llx", (unsigned long long)bits);
        *key = buf;
        return complex_new(0.0, c->number);
      }
      case ConstKind::Bytes:
        *key = "b" + c->text;
        return Value(bytes_new(c->text));
    }
    return None();
  }

  void constant(Constant* c) {
    std::string key;
    Value v = constant_value(c, &key);
    emit(OP_LOAD_CONST, add_const(v, key));
  }

  void subscript_index(Expr* slice) {
    if (slice->kind == ExprKind::Slice) {
      auto* s = static_cast<SliceExpr*>(slice);
      if (s->lower) expr(s->lower); else load_none();
      if (s->upper) expr(s->upper); else load_none();
      if (s->step) {
        expr(s->step);
        emit(OP_BUILD_SLICE, 3);
      } else {
        emit(OP_BUILD_SLICE, 2);
      }
    } else {
      expr(slice);
    }
  }

  // KW_NAMES for the keyword arguments of the next CALL (none: nothing).
  void emit_kw_names(const std::vector<Keyword>& keywords) {
    if (keywords.empty()) return;
    Tuple* names = tuple_new(int64_t(keywords.size()));
    std::string key = "kw";
    for (size_t i = 0; i < keywords.size(); ++i) {
      tuple_items(names)[i] = Value(str_intern(*keywords[i].arg));
      key += ":" + *keywords[i].arg;
    }
    emit(OP_KW_NAMES, add_const(Value(names), key));
  }

  // CPython's compiler rejects `f(x=1, x=2)` (at the repeated keyword).
  void check_repeated_keywords(const std::vector<Keyword>& keywords) {
    for (size_t i = 0; i < keywords.size(); ++i) {
      if (!keywords[i].arg) continue;
      for (size_t j = 0; j < i; ++j)
        if (keywords[j].arg && *keywords[j].arg == *keywords[i].arg)
          error("keyword argument repeated: " + *keywords[i].arg, keywords[i].loc);
    }
  }

  void call(ast::Call* c) {
    check_repeated_keywords(c->keywords);
    bool unpacking = false;
    for (Expr* a : c->args) unpacking = unpacking || a->kind == ExprKind::Starred;
    for (auto& k : c->keywords) unpacking = unpacking || !k.arg;
    if (unpacking) {
      call_ex(c);
      return;
    }
    if (c->func->kind == ExprKind::Attribute) {
      auto* a = static_cast<Attribute*>(c->func);
      expr(a->value);
      set_attribute_line(a);
      emit(OP_LOAD_METHOD, attr_index(a->attr));
    } else if (c->func->kind == ExprKind::Name &&
               (unit().scope->scope_of(static_cast<Name*>(c->func)->id) == NameScope::GlobalImplicit ||
                unit().scope->scope_of(static_cast<Name*>(c->func)->id) == NameScope::GlobalExplicit)) {
      set_line(c->func->loc);
      emit(OP_LOAD_GLOBAL, (uint32_t(name_index(mangle(static_cast<Name*>(c->func)->id))) << 1) | 1);
    } else {
      emit(OP_PUSH_NULL);
      expr(c->func);
    }
    for (Expr* a : c->args) expr(a);
    for (auto& k : c->keywords) expr(k.value);
    set_line(c->loc);
    emit_kw_names(c->keywords);
    emit(OP_CALL, uint32_t(c->args.size() + c->keywords.size()));
  }

  // A call with `*x` or `**m`: [NULL, callable, args tuple, kwargs dict]
  // then CALL_FUNCTION_EX, like CPython 3.11. A lone `*x` or `**m` goes as
  // it is (CALL_FUNCTION_EX checks it and names the callable in errors).
  void call_ex(ast::Call* c) {
    if (c->func->kind == ExprKind::Name &&
        (unit().scope->scope_of(static_cast<Name*>(c->func)->id) == NameScope::GlobalImplicit ||
         unit().scope->scope_of(static_cast<Name*>(c->func)->id) == NameScope::GlobalExplicit)) {
      set_line(c->func->loc);
      emit(OP_LOAD_GLOBAL, (uint32_t(name_index(mangle(static_cast<Name*>(c->func)->id))) << 1) | 1);
    } else {
      emit(OP_PUSH_NULL);
      expr(c->func);
    }
    if (c->args.size() == 1 && c->args[0]->kind == ExprKind::Starred) {
      expr(static_cast<Starred*>(c->args[0])->value);
    } else {
      sequence_with_stars(c->args, c->loc, true);
    }
    bool has_kw = emit_ex_keywords(c->keywords, c->loc);
    set_line(c->loc);
    emit(OP_CALL_FUNCTION_EX, has_kw ? 1 : 0);
  }

  // The keyword dict of CALL_FUNCTION_EX (nothing when there are no
  // keywords): runs of name=value become dicts merged in order, `**m`
  // merges m. Returns whether a dict was pushed.
  bool emit_ex_keywords(const std::vector<ast::Keyword>& keywords, const Loc& loc) {
    bool has_kw = !keywords.empty();
    if (keywords.size() == 1 && !keywords[0].arg) {
      expr(keywords[0].value);
    } else if (has_kw) {
      // Runs of name=value become dicts merged in order; `**m` merges m.
      size_t i = 0;
      bool first = true;
      while (i < keywords.size()) {
        if (!keywords[i].arg) {
          if (first) emit(OP_BUILD_MAP, 0);
          expr(keywords[i].value);
          set_line(loc);
          emit(OP_DICT_MERGE, 1);
          ++i;
        } else {
          uint32_t n = 0;
          for (; i < keywords.size() && keywords[i].arg; ++i, ++n) {
            const std::string& name = *keywords[i].arg;
            emit(OP_LOAD_CONST, add_const(Value(str_intern(name)), "s" + name));
            expr(keywords[i].value);
          }
          set_line(loc);
          emit(OP_BUILD_MAP, n);
          if (!first) emit(OP_DICT_MERGE, 1);
        }
        first = false;
      }
    }
    return has_kw;
  }

  // Builds a list (or a tuple) of `elts`, some of them `*x`: the plain
  // items before the first star in one BUILD_LIST, then LIST_APPEND /
  // LIST_EXTEND in order.
  // `preloaded` values already on the stack go first.
  void sequence_with_stars(const std::vector<Expr*>& elts, const Loc& loc, bool as_tuple,
                           size_t preloaded = 0) {
    size_t lead = 0;
    while (lead < elts.size() && elts[lead]->kind != ExprKind::Starred) expr(elts[lead++]);
    set_line(loc);
    emit(OP_BUILD_LIST, uint32_t(lead + preloaded));
    for (size_t i = lead; i < elts.size(); ++i) {
      if (elts[i]->kind == ExprKind::Starred) {
        expr(static_cast<Starred*>(elts[i])->value);
        set_line(loc);
        emit(OP_LIST_EXTEND, 1);
      } else {
        expr(elts[i]);
        set_line(loc);
        emit(OP_LIST_APPEND, 1);
      }
    }
    if (as_tuple) emit(OP_LIST_TO_TUPLE);
  }

  static CompareOp to_compare(CmpOperator op) {
    switch (op) {
      case CmpOperator::Lt: return CompareOp::Lt;
      case CmpOperator::LtE: return CompareOp::Le;
      case CmpOperator::Gt: return CompareOp::Gt;
      case CmpOperator::GtE: return CompareOp::Ge;
      case CmpOperator::NotEq: return CompareOp::Ne;
      default: return CompareOp::Eq;
    }
  }

  void compare_op(CmpOperator op) {
    switch (op) {
      case CmpOperator::Is: emit(OP_IS_OP, 0); break;
      case CmpOperator::IsNot: emit(OP_IS_OP, 1); break;
      case CmpOperator::In: emit(OP_CONTAINS_OP, 0); break;
      case CmpOperator::NotIn: emit(OP_CONTAINS_OP, 1); break;
      default: emit(OP_COMPARE_OP, uint32_t(to_compare(op)));
    }
  }

  void compare(Compare* c) {
    expr(c->left);
    size_t n = c->ops.size();
    if (n == 1) {
      expr(c->comparators[0]);
      set_line(c->loc);
      compare_op(c->ops[0]);
      return;
    }
    // a < b < c: keep the middle operand for the next comparison and bail
    // out on the first false result.
    int cleanup = new_label(), end = new_label();
    for (size_t i = 0; i + 1 < n; ++i) {
      expr(c->comparators[i]);
      set_line(c->loc);
      emit(OP_SWAP, 2);
      emit(OP_COPY, 2);
      compare_op(c->ops[i]);
      emit_jump(OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    expr(c->comparators[n - 1]);
    set_line(c->loc);
    compare_op(c->ops[n - 1]);
    emit_jump(OP_JUMP_FORWARD, end);
    bind(cleanup);
    emit(OP_SWAP, 2);
    emit(OP_POP_TOP);
    bind(end);
  }

  // Bounds the C++ recursion over the tree (`1+1+...+1` with 100,000 terms
  // parses iteratively but is 100,000 levels deep).
  struct DepthGuard {
    explicit DepthGuard(Compiler* c) : c(c) {
      if (++c->depth_ > kMaxCompileDepth) {
        CompileError e;
        e.info.is_recursion = true;
        throw e;
      }
    }
    ~DepthGuard() { --c->depth_; }
    Compiler* c;
  };
  int depth_ = 0;

  void expr(Expr* e) {
    DepthGuard guard(this);
    int saved_line = unit().line;
    set_line(e->loc);
    switch (e->kind) {
      case ExprKind::Constant: constant(static_cast<Constant*>(e)); break;
      case ExprKind::Name: {
        auto* n = static_cast<Name*>(e);
        name_op(n->id, Access::Load, e->loc);
        break;
      }
      case ExprKind::BinOp: {
        auto* b = static_cast<BinOp*>(e);
        expr(b->left);
        expr(b->right);
        set_line(e->loc);
        emit(OP_BINARY_OP, uint32_t(to_binary(b->op)));
        break;
      }
      case ExprKind::UnaryOp: {
        auto* u = static_cast<ast::UnaryOp*>(e);
        expr(u->operand);
        set_line(e->loc);
        UnaryOp_ op = u->op == UnaryOperator::Not ? UnaryOp_::Not
                      : u->op == UnaryOperator::USub ? UnaryOp_::Neg
                      : u->op == UnaryOperator::UAdd ? UnaryOp_::Pos
                                                      : UnaryOp_::Invert;
        emit(OP_UNARY_OP, uint32_t(op));
        break;
      }
      case ExprKind::BoolOp: {
        auto* b = static_cast<BoolOp*>(e);
        int end = new_label();
        for (size_t i = 0; i + 1 < b->values.size(); ++i) {
          expr(b->values[i]);
          emit_jump(b->is_and ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP, end);
        }
        expr(b->values.back());
        bind(end);
        break;
      }
      case ExprKind::Compare: compare(static_cast<Compare*>(e)); break;
      case ExprKind::IfExp: {
        auto* i = static_cast<IfExp*>(e);
        int orelse = new_label(), end = new_label();
        jump_if(i->test, false, orelse);
        expr(i->body);
        emit_jump(OP_JUMP_FORWARD, end);
        bind(orelse);
        expr(i->orelse);
        bind(end);
        break;
      }
      case ExprKind::Call: call(static_cast<ast::Call*>(e)); break;
      case ExprKind::Attribute: {
        auto* a = static_cast<Attribute*>(e);
        expr(a->value);
        set_attribute_line(a);
        emit(OP_LOAD_ATTR, attr_index(a->attr));
        break;
      }
      case ExprKind::Subscript: {
        auto* s = static_cast<Subscript*>(e);
        expr(s->value);
        subscript_index(s->slice);
        set_line(e->loc);
        emit(OP_BINARY_SUBSCR);
        break;
      }
      case ExprKind::Slice: {
        subscript_index(e);
        break;
      }
      case ExprKind::Tuple:
      case ExprKind::List: {
        auto* seq = static_cast<Sequence*>(e);
        bool starred = false;
        for (Expr* x : seq->elts) starred = starred || x->kind == ExprKind::Starred;
        if (starred) {
          sequence_with_stars(seq->elts, e->loc, e->kind == ExprKind::Tuple);
          break;
        }
        for (Expr* x : seq->elts) expr(x);
        set_line(e->loc);
        emit(e->kind == ExprKind::Tuple ? OP_BUILD_TUPLE : OP_BUILD_LIST, uint32_t(seq->elts.size()));
        break;
      }
      case ExprKind::Dict: {
        auto* d = static_cast<DictExpr*>(e);
        // Pairs before the first `**m` in one BUILD_MAP; then MAP_ADD and
        // DICT_UPDATE in order (later keys win, like CPython).
        size_t lead = 0;
        for (; lead < d->keys.size() && d->keys[lead]; ++lead) {
          expr(d->keys[lead]);
          expr(d->values[lead]);
        }
        set_line(e->loc);
        emit(OP_BUILD_MAP, uint32_t(lead));
        for (size_t i = lead; i < d->keys.size(); ++i) {
          if (d->keys[i]) {
            expr(d->keys[i]);
            expr(d->values[i]);
            set_line(e->loc);
            emit(OP_MAP_ADD, 1);
          } else {
            expr(d->values[i]);
            set_line(e->loc);
            emit(OP_DICT_UPDATE, 1);
          }
        }
        break;
      }
      case ExprKind::Starred: error("can't use starred expression here", e->loc);
      case ExprKind::NamedExpr: {
        auto* n = static_cast<NamedExpr*>(e);
        expr(n->value);
        emit(OP_COPY, 1);
        store_target(n->target);
        break;
      }
      case ExprKind::Lambda: lambda(static_cast<Lambda*>(e)); break;
      case ExprKind::Set: set_display(static_cast<SetExpr*>(e)); break;
      case ExprKind::SetComp:
      case ExprKind::ListComp:
      case ExprKind::DictComp:
      case ExprKind::GeneratorExp: comprehension(static_cast<Comp*>(e)); break;
      case ExprKind::Await: {
        ScopeKind k = unit().scope->kind;
        if (k != ScopeKind::Function && k != ScopeKind::Lambda && k != ScopeKind::Comprehension)
          error("'await' outside function", e->loc);
        check_in_async_function("await", e->loc);
        expr(static_cast<Await*>(e)->value);
        set_line(e->loc);
        emit_await(kAwaitExpr);
        break;
      }
      case ExprKind::Yield: {
        ScopeKind k = unit().scope->kind;
        if (k != ScopeKind::Function && k != ScopeKind::Lambda) error("'yield' outside function", e->loc);
        if (auto* v = static_cast<Yield*>(e)->value) expr(v);
        else load_none();
        set_line(e->loc);
        emit(OP_YIELD_VALUE);
        break;
      }
      case ExprKind::YieldFrom: {
        ScopeKind k = unit().scope->kind;
        if (k != ScopeKind::Function && k != ScopeKind::Lambda) error("'yield' outside function", e->loc);
        if (in_async_function()) error("'yield from' inside async function", e->loc);
        expr(static_cast<YieldFrom*>(e)->value);
        set_line(e->loc);
        emit(OP_GET_YIELD_FROM_ITER);
        emit_yield_from_loop();
        break;
      }
      case ExprKind::FormattedValue:
        formatted_value(static_cast<FormattedValue*>(e));
        break;
      case ExprKind::JoinedStr: {
        auto* j = static_cast<JoinedStr*>(e);
        for (Expr* part : j->values) expr(part);
        set_line(e->loc);
        emit(OP_BUILD_STRING, uint32_t(j->values.size()));
        break;
      }
    }
    unit().line = saved_line;
  }

  using UnaryOp_ = pg::UnaryOp;
};

}  // namespace

Value raise_syntax_error(const SyntaxErrorInfo& info) {
  if (info.is_recursion) return raise(&RecursionErrorType, "maximum recursion depth exceeded during compilation");
  Type* type = info.is_indentation ? &IndentationErrorType : &SyntaxErrorType;
  Value text = info.text.empty() ? None() : Value(str_new(info.text));
  Value exc = call1(Value(type), Value(str_new(info.msg)));
  if (exc.is_null()) return exc;
  Rooted keep(&exc);
  auto set = [&](const char* name, Value v) { obj_setattr(exc, str_intern(name), v); };
  set("msg", Value(str_new(info.msg)));
  set("filename", Value(str_new(info.filename)));
  set("lineno", Value::small(info.line));
  set("offset", info.col ? Value::small(info.col) : None());
  set("text", text);
  set("end_lineno", info.end_line ? Value::small(info.end_line) : None());
  set("end_offset", info.end_col ? Value::small(info.end_col) : None());
  return raise_exception(exc);
}

Code* compile_source(std::string_view source, const std::string& filename, CompileMode mode) {
  ast::AstArena arena;
  SyntaxErrorInfo info;
  ast::Module* module = parse_module(source, filename, arena, &info);
  if (!module) {
    raise_syntax_error(info);
    return nullptr;
  }
  if (mode == CompileMode::Eval &&
      (module->body.size() != 1 || module->body[0]->kind != StmtKind::Expr)) {
    // An eval() source is one expression: a statement (or nothing) is the
    // error CPython's expression grammar reports.
    info = SyntaxErrorInfo();
    info.msg = "invalid syntax";
    info.filename = filename;
    info.line = module->body.empty() ? 1 : module->body[0]->loc.line;
    info.col = module->body.empty() ? 1 : module->body[0]->loc.col + 1;
    raise_syntax_error(info);
    return nullptr;
  }
  SymbolTable table;
  if (!table.build(module, filename, &info)) {
    if (info.text.empty() && info.line > 0) {
      // The symbol table knows positions, not source text.
      size_t pos = 0;
      for (int l = 1; l < info.line && pos != std::string_view::npos; ++l) {
        pos = source.find('\n', pos);
        if (pos != std::string_view::npos) ++pos;
      }
      if (pos != std::string_view::npos && pos < source.size()) {
        size_t end = source.find('\n', pos);
        info.text = std::string(source.substr(pos, end == std::string_view::npos ? end : end - pos + 1));
      }
    }
    raise_syntax_error(info);
    return nullptr;
  }
  try {
    Compiler compiler(table, filename, source);
    return mode == CompileMode::Eval ? compiler.compile_expression(module)
                                     : compiler.compile_module(module);
  } catch (CompileError& e) {
    raise_syntax_error(e.info);
    return nullptr;
  }
}

}  // namespace pg
