// Symbol table: decides, for every name in every scope, whether it is a fast
// local, a global, a cell, a free variable or a name looked up dynamically.
// The walk order follows CPython's symtable.c so that co_varnames lists the
// names in the same order CPython does.
#pragma once

#include <map>
#include <set>
#include <memory>
#include <string>
#include <vector>

#include "compiler/ast.h"
#include "compiler/parser.h"

namespace pg {

enum class ScopeKind { Module, Function, Class, Lambda, Comprehension };

// Flags collected while walking a scope.
enum SymbolFlags : uint32_t {
  kSymAssigned = 1u << 0,       // bound in this scope (assignment, def, import, for, ...)
  kSymParam = 1u << 1,
  kSymGlobalDecl = 1u << 2,     // `global name`
  kSymNonlocalDecl = 1u << 3,   // `nonlocal name`
  kSymUsed = 1u << 4,
  kSymAnnotated = 1u << 5,      // `name: annotation` (simple target)
};

// Where a name lives once the table is resolved.
enum class NameScope { Local, GlobalExplicit, GlobalImplicit, Free, Cell, Dynamic };

struct Scope {
  ScopeKind kind = ScopeKind::Module;
  std::string name;
  const void* node = nullptr;     // the AST node that opened the scope
  Scope* parent = nullptr;
  std::vector<std::unique_ptr<Scope>> children;
  std::map<std::string, uint32_t> flags;   // name -> SymbolFlags
  std::map<std::string, ast::Loc> nonlocal_at;  // where each `nonlocal name` is (the first one)
  std::map<std::string, ast::Loc> global_at;    // where each `global name` is (the first one)
  std::set<std::string> concat_targets;  // names of `name += ...` statements (see INPLACE_ADD_FAST)
  std::vector<std::string> order;          // names in first-seen order
  std::map<std::string, NameScope> resolved;
  std::vector<std::string> params;         // parameters in order
  std::vector<std::string> cellvars;       // sorted like CPython
  std::vector<std::string> freevars;
  bool is_generator = false;
  int lineno = 0;

  NameScope scope_of(const std::string& name) const;
};

class SymbolTable {
 public:
  // Builds and resolves the table. Returns false with `error` filled on a
  // scoping error (e.g. "name 'x' is parameter and global").
  bool build(ast::Module* module, const std::string& filename, SyntaxErrorInfo* error);
  Scope* module_scope() { return root_.get(); }
  Scope* scope_for(const void* node) const;

 private:
  std::unique_ptr<Scope> root_;
  std::map<const void*, Scope*> by_node_;
  friend class SymtableBuilder;
};

}  // namespace pg
