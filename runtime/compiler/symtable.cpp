// Symbol table construction and resolution (see symtable.h).
#include "compiler/symtable.h"

#include <algorithm>
#include <set>

namespace pg {

using namespace ast;

NameScope Scope::scope_of(const std::string& name) const {
  auto it = resolved.find(name);
  if (it != resolved.end()) return it->second;
  if (kind == ScopeKind::Module || kind == ScopeKind::Class) return NameScope::Dynamic;
  return NameScope::GlobalImplicit;
}

class SymtableBuilder {
 public:
  SymtableBuilder(SymbolTable& table, const std::string& filename, SyntaxErrorInfo* error)
      : table_(table), filename_(filename), error_(error) {}

  bool run(Module* module) {
    table_.root_ = std::make_unique<Scope>();
    current_ = table_.root_.get();
    current_->name = "top";
    current_->node = module;
    table_.by_node_[module] = current_;
    for (Stmt* s : module->body) visit_stmt(s);
    if (failed_) return false;
    resolve(table_.root_.get(), {});
    return !failed_;
  }

 private:
  SymbolTable& table_;
  std::string filename_;
  SyntaxErrorInfo* error_;
  Scope* current_ = nullptr;
  bool failed_ = false;

  void fail(const std::string& msg, const Loc& loc) {
    if (failed_) return;
    failed_ = true;
    error_->msg = msg;
    error_->filename = filename_;
    error_->line = loc.line;
    error_->col = loc.col + 1;
    error_->end_line = loc.end_line;
    error_->end_col = loc.end_col + 1;
  }

  // CPython reports a clash between `global` and `nonlocal` at the first
  // of the two declarations of the name.
  Loc first_directive(const std::string& name, const Loc& fallback) {
    auto g = current_->global_at.find(name);
    auto n = current_->nonlocal_at.find(name);
    const Loc* best = nullptr;
    if (g != current_->global_at.end()) best = &g->second;
    if (n != current_->nonlocal_at.end() &&
        (!best || n->second.line < best->line || (n->second.line == best->line && n->second.col < best->col)))
      best = &n->second;
    return best ? *best : fallback;
  }

  void add(const std::string& name, uint32_t flag, const Loc& loc) {
    auto [it, inserted] = current_->flags.emplace(name, 0);
    if (inserted) current_->order.push_back(name);
    uint32_t old = it->second;
    if ((flag & kSymParam) && (old & kSymParam)) {
      fail("duplicate argument '" + name + "' in function definition", loc);
    }
    // CPython's order of precedence: parameter, use, annotation, assignment.
    if (flag == kSymGlobalDecl) {
      if (old & kSymParam) fail("name '" + name + "' is parameter and global", loc);
      else if (old & kSymUsed) fail("name '" + name + "' is used prior to global declaration", loc);
      else if (old & kSymAnnotated) fail("annotated name '" + name + "' can't be global", loc);
      else if (old & kSymAssigned) fail("name '" + name + "' is assigned to before global declaration", loc);
      else if (old & kSymNonlocalDecl) fail("name '" + name + "' is nonlocal and global", first_directive(name, loc));
    }
    if (flag == kSymNonlocalDecl) {
      if (old & kSymParam) fail("name '" + name + "' is parameter and nonlocal", loc);
      else if (old & kSymUsed) fail("name '" + name + "' is used prior to nonlocal declaration", loc);
      else if (old & kSymAnnotated) fail("annotated name '" + name + "' can't be nonlocal", loc);
      else if (old & kSymAssigned) fail("name '" + name + "' is assigned to before nonlocal declaration", loc);
      else if (old & kSymGlobalDecl) fail("name '" + name + "' is nonlocal and global", first_directive(name, loc));
    }
    it->second |= flag;
  }

  Scope* enter(ScopeKind kind, const std::string& name, const void* node, int lineno) {
    auto scope = std::make_unique<Scope>();
    scope->kind = kind;
    scope->name = name;
    scope->node = node;
    scope->parent = current_;
    scope->lineno = lineno;
    Scope* raw = scope.get();
    current_->children.push_back(std::move(scope));
    table_.by_node_[node] = raw;
    current_ = raw;
    return raw;
  }
  void leave() { current_ = current_->parent; }

  void visit_params(const Arguments& a) {
    for (const Arg& p : a.posonlyargs) add_param(p);
    for (const Arg& p : a.args) add_param(p);
    for (const Arg& p : a.kwonlyargs) add_param(p);
    if (a.vararg) add_param(*a.vararg);
    if (a.kwarg) add_param(*a.kwarg);
  }
  void add_param(const Arg& p) {
    add(p.name, kSymParam, p.loc);
    current_->params.push_back(p.name);
  }
  void visit_annotations(const Arguments& a) {
    auto ann = [&](const Arg& p) { if (p.annotation) visit_expr(p.annotation); };
    for (const Arg& p : a.posonlyargs) ann(p);
    for (const Arg& p : a.args) ann(p);
    if (a.vararg) ann(*a.vararg);
    for (const Arg& p : a.kwonlyargs) ann(p);
    if (a.kwarg) ann(*a.kwarg);
  }
  void visit_defaults(const Arguments& a) {
    for (Expr* e : a.defaults) visit_expr(e);
    for (Expr* e : a.kw_defaults)
      if (e) visit_expr(e);
  }

  void visit_body(const Body& body) {
    for (Stmt* s : body) visit_stmt(s);
  }

  void visit_stmt(Stmt* s) {
    ++depth_;
    visit_stmt_inner(s);
    --depth_;
  }

  void visit_stmt_inner(Stmt* s) {
    if (too_deep()) return;
    switch (s->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        auto* f = static_cast<FunctionDef*>(s);
        add(f->name, kSymAssigned, f->loc);
        visit_defaults(f->args);
        visit_annotations(f->args);
        if (f->returns) visit_expr(f->returns);
        for (Expr* d : f->decorator_list) visit_expr(d);
        enter(ScopeKind::Function, f->name, f, f->loc.line);
        visit_params(f->args);
        visit_body(f->body);
        leave();
        break;
      }
      case StmtKind::ClassDef: {
        auto* c = static_cast<ClassDef*>(s);
        add(c->name, kSymAssigned, c->loc);
        for (Expr* b : c->bases) visit_expr(b);
        for (auto& k : c->keywords) visit_expr(k.value);
        for (Expr* d : c->decorator_list) visit_expr(d);
        enter(ScopeKind::Class, c->name, c, c->loc.line);
        visit_body(c->body);
        leave();
        break;
      }
      case StmtKind::Return:
        if (auto* e = static_cast<Return*>(s)->value) visit_expr(e);
        break;
      case StmtKind::Delete:
        for (Expr* t : static_cast<Delete*>(s)->targets) visit_expr(t);
        break;
      case StmtKind::Assign: {
        auto* a = static_cast<Assign*>(s);
        for (Expr* t : a->targets) visit_expr(t);
        visit_expr(a->value);
        break;
      }
      case StmtKind::AugAssign: {
        auto* a = static_cast<AugAssign*>(s);
        if (a->op == Operator::Add && a->target->kind == ExprKind::Name)
          current_->concat_targets.insert(static_cast<Name*>(a->target)->id);
        visit_expr(a->target);
        visit_expr(a->value);
        break;
      }
      case StmtKind::AnnAssign: {
        auto* a = static_cast<AnnAssign*>(s);
        if (a->simple && a->target->kind == ExprKind::Name) {
          const std::string& n = static_cast<Name*>(a->target)->id;
          auto it = current_->flags.find(n);
          uint32_t cur = it == current_->flags.end() ? 0 : it->second;
          if (cur & (kSymGlobalDecl | kSymNonlocalDecl)) {
            fail("annotated name '" + n + "' can't be " + ((cur & kSymGlobalDecl) ? "global" : "nonlocal"), s->loc);
            break;
          }
          add(n, kSymAnnotated, a->target->loc);
        }
        visit_expr(a->target);
        visit_expr(a->annotation);
        if (a->value) visit_expr(a->value);
        break;
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        auto* f = static_cast<For*>(s);
        visit_expr(f->target);
        visit_expr(f->iter);
        visit_body(f->body);
        visit_body(f->orelse);
        break;
      }
      case StmtKind::While: {
        auto* w = static_cast<While*>(s);
        visit_expr(w->test);
        visit_body(w->body);
        visit_body(w->orelse);
        break;
      }
      case StmtKind::If: {
        auto* i = static_cast<If*>(s);
        visit_expr(i->test);
        visit_body(i->body);
        visit_body(i->orelse);
        break;
      }
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        auto* w = static_cast<With*>(s);
        for (auto& item : w->items) {
          visit_expr(item.context_expr);
          if (item.optional_vars) visit_expr(item.optional_vars);
        }
        visit_body(w->body);
        break;
      }
      case StmtKind::Raise: {
        auto* r = static_cast<Raise*>(s);
        if (r->exc) visit_expr(r->exc);
        if (r->cause) visit_expr(r->cause);
        break;
      }
      case StmtKind::Try: {
        auto* t = static_cast<Try*>(s);
        visit_body(t->body);
        visit_body(t->orelse);
        for (auto& h : t->handlers) {
          if (h.type) visit_expr(h.type);
          if (h.name) add(*h.name, kSymAssigned, h.loc);
          visit_body(h.body);
        }
        visit_body(t->finalbody);
        break;
      }
      case StmtKind::Assert: {
        auto* a = static_cast<Assert*>(s);
        visit_expr(a->test);
        if (a->msg) visit_expr(a->msg);
        break;
      }
      case StmtKind::Import:
      case StmtKind::ImportFrom: {
        auto& names = s->kind == StmtKind::Import ? static_cast<Import*>(s)->names
                                                  : static_cast<ImportFrom*>(s)->names;
        for (auto& alias : names) {
          if (alias.name == "*") {
            if (current_->kind != ScopeKind::Module)
              fail("import * only allowed at module level", s->loc);
            continue;
          }
          std::string bound = alias.asname ? *alias.asname
                                           : alias.name.substr(0, alias.name.find('.'));
          add(bound, kSymAssigned, alias.loc);
        }
        break;
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal: {
        auto* g = static_cast<NameList*>(s);
        bool global = s->kind == StmtKind::Global;
        for (auto& n : g->names) {
          if (!global && current_->kind == ScopeKind::Module) {
            fail("nonlocal declaration not allowed at module level", s->loc);
            return;
          }
          add(n, global ? kSymGlobalDecl : kSymNonlocalDecl, s->loc);
          (global ? current_->global_at : current_->nonlocal_at).emplace(n, s->loc);
        }
        break;
      }
      case StmtKind::Expr:
        visit_expr(static_cast<ExprStmt*>(s)->value);
        break;
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue:
        break;
    }
  }

  void visit_comprehension(Comp* c, const char* name) {
    // The first iterable is evaluated in the enclosing scope.
    visit_expr(c->generators[0].iter);
    enter(ScopeKind::Comprehension, name, c, c->loc.line);
    current_->params.push_back(".0");
    add(".0", kSymParam, c->loc);
    if (c->kind == ExprKind::GeneratorExp) current_->is_generator = true;
    for (size_t i = 0; i < c->generators.size(); ++i) {
      Comprehension& g = c->generators[i];
      visit_expr(g.target);
      if (i > 0) visit_expr(g.iter);
      for (Expr* cond : g.ifs) visit_expr(cond);
    }
    if (c->elt) visit_expr(c->elt);
    if (c->key) visit_expr(c->key);
    if (c->value) visit_expr(c->value);
    leave();
  }

  // See kMaxCompileDepth: deep trees end in RecursionError, not a crash.
  int depth_ = 0;
  bool too_deep() {
    if (depth_ <= kMaxCompileDepth) return false;
    if (!failed_) {
      failed_ = true;
      error_->is_recursion = true;
      error_->msg = "maximum recursion depth exceeded during compilation";
    }
    return true;
  }

  void visit_expr(Expr* e) {
    ++depth_;
    visit_expr_inner(e);
    --depth_;
  }

  void visit_expr_inner(Expr* e) {
    if (too_deep()) return;
    switch (e->kind) {
      case ExprKind::BoolOp:
        for (Expr* v : static_cast<BoolOp*>(e)->values) visit_expr(v);
        break;
      case ExprKind::NamedExpr: {
        auto* n = static_cast<NamedExpr*>(e);
        visit_expr(n->value);
        // The target binds in the nearest enclosing non-comprehension scope.
        Scope* saved = current_;
        while (current_->kind == ScopeKind::Comprehension) current_ = current_->parent;
        visit_expr(n->target);
        current_ = saved;
        if (saved != current_) {}
        break;
      }
      case ExprKind::BinOp:
        visit_expr(static_cast<BinOp*>(e)->left);
        visit_expr(static_cast<BinOp*>(e)->right);
        break;
      case ExprKind::UnaryOp:
        visit_expr(static_cast<UnaryOp*>(e)->operand);
        break;
      case ExprKind::Lambda: {
        auto* l = static_cast<Lambda*>(e);
        visit_defaults(l->args);
        enter(ScopeKind::Lambda, "<lambda>", l, l->loc.line);
        visit_params(l->args);
        visit_expr(l->body);
        leave();
        break;
      }
      case ExprKind::IfExp: {
        auto* i = static_cast<IfExp*>(e);
        visit_expr(i->test);
        visit_expr(i->body);
        visit_expr(i->orelse);
        break;
      }
      case ExprKind::Dict: {
        auto* d = static_cast<DictExpr*>(e);
        for (size_t i = 0; i < d->values.size(); ++i) {
          if (d->keys[i]) visit_expr(d->keys[i]);
          visit_expr(d->values[i]);
        }
        break;
      }
      case ExprKind::Set:
        for (Expr* x : static_cast<SetExpr*>(e)->elts) visit_expr(x);
        break;
      case ExprKind::ListComp: visit_comprehension(static_cast<Comp*>(e), "<listcomp>"); break;
      case ExprKind::SetComp: visit_comprehension(static_cast<Comp*>(e), "<setcomp>"); break;
      case ExprKind::DictComp: visit_comprehension(static_cast<Comp*>(e), "<dictcomp>"); break;
      case ExprKind::GeneratorExp: visit_comprehension(static_cast<Comp*>(e), "<genexpr>"); break;
      case ExprKind::Await:
        visit_expr(static_cast<Await*>(e)->value);
        break;
      case ExprKind::Yield:
        current_->is_generator = true;
        if (auto* v = static_cast<Yield*>(e)->value) visit_expr(v);
        break;
      case ExprKind::YieldFrom:
        current_->is_generator = true;
        visit_expr(static_cast<YieldFrom*>(e)->value);
        break;
      case ExprKind::Compare: {
        auto* c = static_cast<Compare*>(e);
        visit_expr(c->left);
        for (Expr* x : c->comparators) visit_expr(x);
        break;
      }
      case ExprKind::Call: {
        auto* c = static_cast<Call*>(e);
        visit_expr(c->func);
        for (Expr* a : c->args) visit_expr(a);
        for (auto& k : c->keywords) visit_expr(k.value);
        break;
      }
      case ExprKind::FormattedValue: {
        auto* f = static_cast<FormattedValue*>(e);
        visit_expr(f->value);
        if (f->format_spec) visit_expr(f->format_spec);
        break;
      }
      case ExprKind::JoinedStr:
        for (Expr* v : static_cast<JoinedStr*>(e)->values) visit_expr(v);
        break;
      case ExprKind::Constant:
        break;
      case ExprKind::Attribute:
        visit_expr(static_cast<Attribute*>(e)->value);
        break;
      case ExprKind::Subscript:
        visit_expr(static_cast<Subscript*>(e)->value);
        visit_expr(static_cast<Subscript*>(e)->slice);
        break;
      case ExprKind::Starred:
        visit_expr(static_cast<Starred*>(e)->value);
        break;
      case ExprKind::Name: {
        auto* n = static_cast<Name*>(e);
        add(n->id, n->ctx == Ctx::Load ? kSymUsed : kSymAssigned, n->loc);
        // Zero-argument super() finds its class in the implicit `__class__`
        // cell of the enclosing class body (CPython's rule: any function
        // that loads the name `super`).
        if (n->ctx == Ctx::Load && n->id == "super" && is_function_like(current_->kind))
          add("__class__", kSymUsed, n->loc);
        break;
      }
      case ExprKind::List:
      case ExprKind::Tuple:
        for (Expr* x : static_cast<Sequence*>(e)->elts) visit_expr(x);
        break;
      case ExprKind::Slice: {
        auto* s = static_cast<SliceExpr*>(e);
        if (s->lower) visit_expr(s->lower);
        if (s->upper) visit_expr(s->upper);
        if (s->step) visit_expr(s->step);
        break;
      }
    }
  }

  static bool is_function_like(ScopeKind k) {
    return k == ScopeKind::Function || k == ScopeKind::Lambda || k == ScopeKind::Comprehension;
  }

  // Resolves names top-down: `bound` is the set of names bound in enclosing
  // function scopes (candidates for free variables). Returns the free
  // variables this scope needs from its parents.
  std::set<std::string> resolve(Scope* s, const std::set<std::string>& bound) {
    std::set<std::string> locals;
    for (const std::string& name : s->order) {
      uint32_t f = s->flags[name];
      if (f & kSymGlobalDecl) {
        s->resolved[name] = NameScope::GlobalExplicit;
      } else if (f & kSymNonlocalDecl) {
        if (!bound.count(name)) {
          fail("no binding for nonlocal '" + name + "' found", s->nonlocal_at[name]);
          return {};
        }
        s->resolved[name] = NameScope::Free;
      } else if (f & (kSymAssigned | kSymParam)) {
        s->resolved[name] = s->kind == ScopeKind::Module || s->kind == ScopeKind::Class
                                ? NameScope::Dynamic
                                : NameScope::Local;
        locals.insert(name);
      } else if (bound.count(name) && s->kind != ScopeKind::Module) {
        s->resolved[name] = NameScope::Free;
      } else {
        s->resolved[name] = s->kind == ScopeKind::Module || s->kind == ScopeKind::Class
                                ? NameScope::Dynamic
                                : NameScope::GlobalImplicit;
      }
    }
    std::set<std::string> child_bound = bound;
    // A class body binds `__class__` for its functions (nothing else of a
    // class body is visible to them).
    if (s->kind == ScopeKind::Class) child_bound.insert("__class__");
    if (is_function_like(s->kind)) {
      for (auto& n : locals) child_bound.insert(n);
      // Names declared global in this scope hide outer bindings.
      for (auto& [n, r] : s->resolved)
        if (r == NameScope::GlobalExplicit) child_bound.erase(n);
    }
    std::set<std::string> needed_from_children;
    for (auto& child : s->children) {
      for (const std::string& n : resolve(child.get(), child_bound)) needed_from_children.insert(n);
    }
    std::set<std::string> free_here;
    bool class_cell = false;
    for (const std::string& n : needed_from_children) {
      if (s->kind == ScopeKind::Class && n == "__class__") {
        class_cell = true;
        continue;
      }
      auto it = s->resolved.find(n);
      if (is_function_like(s->kind) && it != s->resolved.end() && it->second == NameScope::Local) {
        it->second = NameScope::Cell;
      } else if (it != s->resolved.end() && it->second == NameScope::Cell) {
      } else if (s->kind != ScopeKind::Module) {
        // Passes through this scope (a class body or an intermediate function).
        if (s->kind != ScopeKind::Class && (it == s->resolved.end() || it->second != NameScope::Free)) {
          if (it == s->resolved.end()) s->order.push_back(n);
          s->resolved[n] = NameScope::Free;
        }
        free_here.insert(n);
      }
    }
    for (auto& [n, r] : s->resolved) {
      if (r == NameScope::Free) free_here.insert(n);
    }
    for (auto& [n, r] : s->resolved) {
      if (r == NameScope::Cell) s->cellvars.push_back(n);
    }
    if (class_cell) s->cellvars.push_back("__class__");
    // A class body's free variables are the enclosing functions' names its
    // own code reads (LOAD_CLASSDEREF) or that its methods need (passed on
    // through the body function's closure).
    s->freevars.assign(free_here.begin(), free_here.end());
    return free_here;
  }
};

bool SymbolTable::build(Module* module, const std::string& filename, SyntaxErrorInfo* error) {
  SymtableBuilder builder(*this, filename, error);
  return builder.run(module);
}

Scope* SymbolTable::scope_for(const void* node) const {
  auto it = by_node_.find(node);
  return it == by_node_.end() ? nullptr : it->second;
}

}  // namespace pg
