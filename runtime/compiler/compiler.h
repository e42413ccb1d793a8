// AST -> code objects.
#pragma once

#include <string>
#include <string_view>

#include "compiler/parser.h"
#include "vm/code.h"

namespace pg {

// Parses and compiles a module. Returns null with SyntaxError (or
// IndentationError) pending, carrying filename, line, offset and text.
// Module: a file or exec() source. Eval: one expression whose value the code
// returns (eval()); anything else is a SyntaxError.
enum class CompileMode { Module, Eval };
Code* compile_source(std::string_view source, const std::string& filename,
                     CompileMode mode = CompileMode::Module);

// Raises SyntaxError/IndentationError from a parser or compiler report.
Value raise_syntax_error(const SyntaxErrorInfo& info);

}  // namespace pg
