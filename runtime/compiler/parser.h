// Source text -> AST. Tokenizer and parser follow CPython 3.11's grammar and
// report syntax errors the way CPython does (same messages, line and column
// for the common cases), so `pyglass bad.py` prints what `python3 bad.py`
// prints.
#pragma once

#include <string>
#include <string_view>

#include "compiler/ast.h"

namespace pg {

// What the runtime needs to raise SyntaxError / IndentationError.
struct SyntaxErrorInfo {
  bool is_indentation = false;  // IndentationError (a SyntaxError subclass)
  bool is_tab_error = false;    // TabError (an IndentationError subclass)
  std::string msg;              // e.g. "expected ':'"
  std::string filename;
  int line = 0;                 // 1-based
  int col = 0;                  // 1-based character offset (CPython's .offset); 0 = none
  int end_line = 0;
  int end_col = 0;              // 1-based, exclusive; 0 = none
  std::string text;             // the offending source line, with its newline
  bool is_recursion = false;    // not a syntax error: the tree is too deep to compile
                                // (raised as RecursionError, like CPython)
};

// How deep the symbol table and the compiler recurse into a syntax tree
// before giving up with RecursionError (keeps the C stack bounded).
inline constexpr int kMaxCompileDepth = 4000;

// Parses a whole module. Returns null and fills `error` on a syntax error.
// `source` is UTF-8 (a leading BOM is skipped).
ast::Module* parse_module(std::string_view source, const std::string& filename,
                          ast::AstArena& arena, SyntaxErrorInfo* error);

}  // namespace pg
