// AST -> code objects.
#pragma once

#include <string>
#include <string_view>

#include "compiler/parser.h"
#include "vm/code.h"

namespace pg {

// Parses and compiles a module. Returns null with SyntaxError (or
// IndentationError) pending, carrying filename, line, offset and text.
Code* compile_source(std::string_view source, const std::string& filename);

// Raises SyntaxError/IndentationError from a parser or compiler report.
Value raise_syntax_error(const SyntaxErrorInfo& info);

}  // namespace pg
