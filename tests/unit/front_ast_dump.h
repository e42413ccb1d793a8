// A compact, deterministic text form of the AST with positions, used by the
// front-end tests. tests/unit/front_ast_dump.py prints CPython's `ast` in the
// same form, so expectations can be produced by python3 and the two parsers
// compared over whole directories of Python code.
//
//   Kind@line:col-end_line:end_col(field, field, ...)
//   lists as [a, b]; absent values as '-'; strings as 'escaped UTF-8 bytes'
#pragma once

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "compiler/ast.h"
#include "compiler/parser.h"

namespace pg::test {

class AstDumper {
 public:
  std::string module(const ast::Module& m) {
    out_ = "Module(";
    body(m.body);
    out_ += ")";
    return out_;
  }
  std::string expr_only(const ast::Expr* e) {
    out_.clear();
    expr(e);
    return out_;
  }

 private:
  void pos(const ast::Loc& l) {
    out_ += '@';
    out_ += std::to_string(l.line);
    out_ += ':';
    out_ += std::to_string(l.col);
    out_ += '-';
    out_ += std::to_string(l.end_line);
    out_ += ':';
    out_ += std::to_string(l.end_col);
  }
  void quoted(const std::string& s) {
    out_ += '\'';
    for (unsigned char c : s) {
      if (c >= 32 && c < 127 && c != '\\' && c != '\'') {
        out_ += static_cast<char>(c);
      } else {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", c);
        out_ += buf;
      }
    }
    out_ += '\'';
  }
  // The literal's value in decimal, as Python prints it (the AST keeps the
  // text; values beyond 64 bits keep it too, which only matters for 0x...).
  static std::string int_value(const std::string& text) {
    int base = 10;
    size_t skip = 0;
    if (text.size() > 1 && text[0] == '0') {
      char p = static_cast<char>(text[1] | 0x20);
      base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
      skip = base == 10 ? 0 : 2;
    }
    if (base == 10 && text.size() > 19) return text;
    errno = 0;
    unsigned long long v = std::strtoull(text.c_str() + skip, nullptr, base);
    if (errno == ERANGE) return text;
    return std::to_string(v);
  }
  void opt_name(const std::optional<std::string>& s) { out_ += s ? *s : "-"; }
  void sep() { out_ += ", "; }

  template <class T, class F>
  void list(const std::vector<T>& v, F each) {
    out_ += "[";
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) sep();
      each(v[i]);
    }
    out_ += "]";
  }
  void exprs(const std::vector<ast::Expr*>& v) {
    list(v, [&](const ast::Expr* e) { expr(e); });
  }
  void body(const ast::Body& b) {
    list(b, [&](const ast::Stmt* s) { stmt(s); });
  }
  void strings(const std::vector<std::string>& v) {
    list(v, [&](const std::string& s) { out_ += s; });
  }

  static const char* op_name(ast::Operator op) {
    static const char* kNames[] = {"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                   "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
    return kNames[static_cast<int>(op)];
  }
  static const char* unary_name(ast::UnaryOperator op) {
    static const char* kNames[] = {"Invert", "Not", "UAdd", "USub"};
    return kNames[static_cast<int>(op)];
  }
  static const char* cmp_name(ast::CmpOperator op) {
    static const char* kNames[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
    return kNames[static_cast<int>(op)];
  }
  static const char* ctx_name(ast::Ctx c) {
    static const char* kNames[] = {"Load", "Store", "Del"};
    return kNames[static_cast<int>(c)];
  }

  void arg(const ast::Arg& a) {
    out_ += "arg";
    pos(a.loc);
    out_ += "(" + a.name + ", ";
    expr(a.annotation);
    out_ += ")";
  }
  void opt_arg(const std::optional<ast::Arg>& a) {
    if (a) {
      arg(*a);
    } else {
      out_ += "-";
    }
  }
  void arguments(const ast::Arguments& a) {
    out_ += "arguments(";
    list(a.posonlyargs, [&](const ast::Arg& x) { arg(x); });
    sep();
    list(a.args, [&](const ast::Arg& x) { arg(x); });
    sep();
    opt_arg(a.vararg);
    sep();
    list(a.kwonlyargs, [&](const ast::Arg& x) { arg(x); });
    sep();
    exprs(a.kw_defaults);
    sep();
    opt_arg(a.kwarg);
    sep();
    exprs(a.defaults);
    out_ += ")";
  }
  void keyword(const ast::Keyword& k) {
    out_ += "keyword";
    pos(k.loc);
    out_ += "(";
    opt_name(k.arg);
    sep();
    expr(k.value);
    out_ += ")";
  }
  void keywords(const std::vector<ast::Keyword>& v) {
    list(v, [&](const ast::Keyword& k) { keyword(k); });
  }
  void alias(const ast::Alias& a) {
    out_ += "alias";
    pos(a.loc);
    out_ += "(" + a.name + ", ";
    opt_name(a.asname);
    out_ += ")";
  }
  void comprehensions(const std::vector<ast::Comprehension>& v) {
    list(v, [&](const ast::Comprehension& c) {
      out_ += "comprehension(";
      expr(c.target);
      sep();
      expr(c.iter);
      sep();
      exprs(c.ifs);
      out_ += c.is_async ? ", 1)" : ", 0)";
    });
  }

  void head(const char* kind, const ast::Loc& loc) {
    out_ += kind;
    pos(loc);
    out_ += "(";
  }

  void expr(const ast::Expr* e) {
    using namespace ast;
    if (e == nullptr) {
      out_ += "-";
      return;
    }
    switch (e->kind) {
      case ExprKind::BoolOp: {
        auto* n = static_cast<const BoolOp*>(e);
        head("BoolOp", e->loc);
        out_ += n->is_and ? "And, " : "Or, ";
        exprs(n->values);
        break;
      }
      case ExprKind::NamedExpr: {
        auto* n = static_cast<const NamedExpr*>(e);
        head("NamedExpr", e->loc);
        expr(n->target);
        sep();
        expr(n->value);
        break;
      }
      case ExprKind::BinOp: {
        auto* n = static_cast<const BinOp*>(e);
        head("BinOp", e->loc);
        expr(n->left);
        out_ += std::string(", ") + op_name(n->op) + ", ";
        expr(n->right);
        break;
      }
      case ExprKind::UnaryOp: {
        auto* n = static_cast<const UnaryOp*>(e);
        head("UnaryOp", e->loc);
        out_ += std::string(unary_name(n->op)) + ", ";
        expr(n->operand);
        break;
      }
      case ExprKind::Lambda: {
        auto* n = static_cast<const Lambda*>(e);
        head("Lambda", e->loc);
        arguments(n->args);
        sep();
        expr(n->body);
        break;
      }
      case ExprKind::IfExp: {
        auto* n = static_cast<const IfExp*>(e);
        head("IfExp", e->loc);
        expr(n->test);
        sep();
        expr(n->body);
        sep();
        expr(n->orelse);
        break;
      }
      case ExprKind::Dict: {
        auto* n = static_cast<const DictExpr*>(e);
        head("Dict", e->loc);
        exprs(n->keys);
        sep();
        exprs(n->values);
        break;
      }
      case ExprKind::Set: {
        head("Set", e->loc);
        exprs(static_cast<const SetExpr*>(e)->elts);
        break;
      }
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::GeneratorExp:
      case ExprKind::DictComp: {
        auto* n = static_cast<const Comp*>(e);
        head(e->kind == ExprKind::ListComp  ? "ListComp"
             : e->kind == ExprKind::SetComp ? "SetComp"
             : e->kind == ExprKind::DictComp ? "DictComp"
                                              : "GeneratorExp",
             e->loc);
        if (e->kind == ExprKind::DictComp) {
          expr(n->key);
          sep();
          expr(n->value);
        } else {
          expr(n->elt);
        }
        sep();
        comprehensions(n->generators);
        break;
      }
      case ExprKind::Await:
        head("Await", e->loc);
        expr(static_cast<const Await*>(e)->value);
        break;
      case ExprKind::Yield:
        head("Yield", e->loc);
        expr(static_cast<const Yield*>(e)->value);
        break;
      case ExprKind::YieldFrom:
        head("YieldFrom", e->loc);
        expr(static_cast<const YieldFrom*>(e)->value);
        break;
      case ExprKind::Compare: {
        auto* n = static_cast<const Compare*>(e);
        head("Compare", e->loc);
        expr(n->left);
        sep();
        list(n->ops, [&](CmpOperator op) { out_ += cmp_name(op); });
        sep();
        exprs(n->comparators);
        break;
      }
      case ExprKind::Call: {
        auto* n = static_cast<const Call*>(e);
        head("Call", e->loc);
        expr(n->func);
        sep();
        exprs(n->args);
        sep();
        keywords(n->keywords);
        break;
      }
      case ExprKind::FormattedValue: {
        auto* n = static_cast<const FormattedValue*>(e);
        head("FormattedValue", e->loc);
        expr(n->value);
        out_ += ", " + std::to_string(n->conversion) + ", ";
        expr(n->format_spec);
        break;
      }
      case ExprKind::JoinedStr:
        head("JoinedStr", e->loc);
        exprs(static_cast<const JoinedStr*>(e)->values);
        break;
      case ExprKind::Constant: {
        auto* n = static_cast<const Constant*>(e);
        head("Constant", e->loc);
        char buf[64];
        switch (n->const_kind) {
          case ConstKind::None: out_ += "None"; break;
          case ConstKind::True: out_ += "True"; break;
          case ConstKind::False: out_ += "False"; break;
          case ConstKind::Ellipsis: out_ += "..."; break;
          case ConstKind::Int: out_ += "int " + int_value(n->text); break;
          case ConstKind::Float:
            std::snprintf(buf, sizeof buf, "float %.17g", n->number);
            out_ += buf;
            break;
          case ConstKind::Imaginary:
            std::snprintf(buf, sizeof buf, "complex %.17g", n->number);
            out_ += buf;
            break;
          case ConstKind::Str:
            out_ += "str ";
            quoted(n->text);
            break;
          case ConstKind::Bytes:
            out_ += "bytes ";
            quoted(n->text);
            break;
        }
        break;
      }
      case ExprKind::Attribute: {
        auto* n = static_cast<const Attribute*>(e);
        head("Attribute", e->loc);
        expr(n->value);
        out_ += ", " + n->attr + ", " + ctx_name(n->ctx);
        break;
      }
      case ExprKind::Subscript: {
        auto* n = static_cast<const Subscript*>(e);
        head("Subscript", e->loc);
        expr(n->value);
        sep();
        expr(n->slice);
        out_ += std::string(", ") + ctx_name(n->ctx);
        break;
      }
      case ExprKind::Starred: {
        auto* n = static_cast<const Starred*>(e);
        head("Starred", e->loc);
        expr(n->value);
        out_ += std::string(", ") + ctx_name(n->ctx);
        break;
      }
      case ExprKind::Name: {
        auto* n = static_cast<const Name*>(e);
        head("Name", e->loc);
        out_ += n->id + ", " + ctx_name(n->ctx);
        break;
      }
      case ExprKind::List:
      case ExprKind::Tuple: {
        auto* n = static_cast<const Sequence*>(e);
        head(e->kind == ExprKind::List ? "List" : "Tuple", e->loc);
        exprs(n->elts);
        out_ += std::string(", ") + ctx_name(n->ctx);
        break;
      }
      case ExprKind::Slice: {
        auto* n = static_cast<const SliceExpr*>(e);
        head("Slice", e->loc);
        expr(n->lower);
        sep();
        expr(n->upper);
        sep();
        expr(n->step);
        break;
      }
    }
    out_ += ")";
  }

  void stmt(const ast::Stmt* s) {
    using namespace ast;
    switch (s->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        auto* n = static_cast<const FunctionDef*>(s);
        head(s->kind == StmtKind::FunctionDef ? "FunctionDef" : "AsyncFunctionDef", s->loc);
        out_ += n->name + ", ";
        arguments(n->args);
        sep();
        body(n->body);
        sep();
        exprs(n->decorator_list);
        sep();
        expr(n->returns);
        break;
      }
      case StmtKind::ClassDef: {
        auto* n = static_cast<const ClassDef*>(s);
        head("ClassDef", s->loc);
        out_ += n->name + ", ";
        exprs(n->bases);
        sep();
        keywords(n->keywords);
        sep();
        body(n->body);
        sep();
        exprs(n->decorator_list);
        break;
      }
      case StmtKind::Return:
        head("Return", s->loc);
        expr(static_cast<const Return*>(s)->value);
        break;
      case StmtKind::Delete:
        head("Delete", s->loc);
        exprs(static_cast<const Delete*>(s)->targets);
        break;
      case StmtKind::Assign: {
        auto* n = static_cast<const Assign*>(s);
        head("Assign", s->loc);
        exprs(n->targets);
        sep();
        expr(n->value);
        break;
      }
      case StmtKind::AugAssign: {
        auto* n = static_cast<const AugAssign*>(s);
        head("AugAssign", s->loc);
        expr(n->target);
        out_ += std::string(", ") + op_name(n->op) + ", ";
        expr(n->value);
        break;
      }
      case StmtKind::AnnAssign: {
        auto* n = static_cast<const AnnAssign*>(s);
        head("AnnAssign", s->loc);
        expr(n->target);
        sep();
        expr(n->annotation);
        sep();
        expr(n->value);
        out_ += n->simple ? ", 1" : ", 0";
        break;
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        auto* n = static_cast<const For*>(s);
        head(s->kind == StmtKind::For ? "For" : "AsyncFor", s->loc);
        expr(n->target);
        sep();
        expr(n->iter);
        sep();
        body(n->body);
        sep();
        body(n->orelse);
        break;
      }
      case StmtKind::While: {
        auto* n = static_cast<const While*>(s);
        head("While", s->loc);
        expr(n->test);
        sep();
        body(n->body);
        sep();
        body(n->orelse);
        break;
      }
      case StmtKind::If: {
        auto* n = static_cast<const If*>(s);
        head("If", s->loc);
        expr(n->test);
        sep();
        body(n->body);
        sep();
        body(n->orelse);
        break;
      }
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        auto* n = static_cast<const With*>(s);
        head(s->kind == StmtKind::With ? "With" : "AsyncWith", s->loc);
        list(n->items, [&](const WithItem& w) {
          out_ += "withitem(";
          expr(w.context_expr);
          sep();
          expr(w.optional_vars);
          out_ += ")";
        });
        sep();
        body(n->body);
        break;
      }
      case StmtKind::Raise: {
        auto* n = static_cast<const Raise*>(s);
        head("Raise", s->loc);
        expr(n->exc);
        sep();
        expr(n->cause);
        break;
      }
      case StmtKind::Try: {
        auto* n = static_cast<const Try*>(s);
        head("Try", s->loc);
        body(n->body);
        sep();
        list(n->handlers, [&](const ExceptHandler& h) {
          head("ExceptHandler", h.loc);
          expr(h.type);
          sep();
          opt_name(h.name);
          sep();
          body(h.body);
          out_ += ")";
        });
        sep();
        body(n->orelse);
        sep();
        body(n->finalbody);
        break;
      }
      case StmtKind::Assert: {
        auto* n = static_cast<const Assert*>(s);
        head("Assert", s->loc);
        expr(n->test);
        sep();
        expr(n->msg);
        break;
      }
      case StmtKind::Import:
        head("Import", s->loc);
        list(static_cast<const Import*>(s)->names, [&](const Alias& a) { alias(a); });
        break;
      case StmtKind::ImportFrom: {
        auto* n = static_cast<const ImportFrom*>(s);
        head("ImportFrom", s->loc);
        out_ += n->module.empty() ? "-" : n->module;
        sep();
        list(n->names, [&](const Alias& a) { alias(a); });
        out_ += ", " + std::to_string(n->level);
        break;
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal:
        head(s->kind == StmtKind::Global ? "Global" : "Nonlocal", s->loc);
        strings(static_cast<const NameList*>(s)->names);
        break;
      case StmtKind::Expr:
        head("Expr", s->loc);
        expr(static_cast<const ExprStmt*>(s)->value);
        break;
      case StmtKind::Pass:
        head("Pass", s->loc);
        break;
      case StmtKind::Break:
        head("Break", s->loc);
        break;
      case StmtKind::Continue:
        head("Continue", s->loc);
        break;
    }
    out_ += ")";
  }

  std::string out_;
};

// "Module(...)" or "SyntaxError: msg (line, col, end_line, end_col) 'text'".
inline std::string parse_and_dump(std::string_view source) {
  ast::AstArena arena;
  SyntaxErrorInfo err;
  ast::Module* m = parse_module(source, "<test>", arena, &err);
  if (m != nullptr) return AstDumper().module(*m);
  std::string kind = err.is_tab_error ? "TabError" : err.is_indentation ? "IndentationError" : "SyntaxError";
  return kind + ": " + err.msg + " (" + std::to_string(err.line) + ", " + std::to_string(err.col) + ", " +
         std::to_string(err.end_line) + ", " + std::to_string(err.end_col) + ")";
}

}  // namespace pg::test
