// libFuzzer target for the front end: any byte string must give an AST or
// a syntax error, within bounded time and stack, and never crash.
//
//   clang++-14 -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined \
//     -I runtime runtime/compiler/tokenizer.cpp runtime/compiler/parser.cpp \
//     tests/fuzz/parser_fuzzer.cpp -o parser_fuzzer
//   ./parser_fuzzer -dict=tests/fuzz/python.dict -max_len=4096 CORPUS_DIR
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "compiler/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  pg::ast::AstArena arena;
  pg::SyntaxErrorInfo err;
  pg::ast::Module* m = pg::parse_module(source, "fuzz.py", arena, &err);
  if (m == nullptr) {
    // A failed parse always explains itself, on a line that exists.
    if (err.msg.empty()) __builtin_trap();
    size_t lines = 1;  // "\n", "\r\n" and "\r" end lines
    for (size_t i = 0; i < size; ++i) {
      lines += source[i] == '\n' || (source[i] == '\r' && (i + 1 == size || source[i + 1] != '\n'));
    }
    if (err.line < 0 || static_cast<size_t>(err.line) > lines + 1) __builtin_trap();
  }
  return 0;
}
