// The tokenizer: UTF-8 source text -> tokens, one at a time.
//
// It reproduces CPython 3.11's C tokenizer (Parser/tokenizer.c) closely,
// including where it stands when it gives up, because CPython derives the
// position of many syntax errors from that state: the parser asks for
// cursor(), line_start() and lineno() when it reports an error at a token
// that has no column (INDENT, DEDENT, ENDMARKER).
//
// Input contract (parse_module establishes it): newlines are "\n" only, the
// text ends with "\n" unless it is empty, and it contains no NUL byte and
// only valid UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "compiler/token.h"

namespace pg::front {

// Why next() returned Tok::Error. CPython's tokenizer reports most errors
// itself (Error); for the others the parser builds the message, because the
// position comes from parser state (CPython: the E_* codes in tok->done).
enum class TokStatus : uint8_t {
  Ok,
  Eof,       // input ended inside brackets or after a trailing backslash
  Dedent,    // "unindent does not match any outer indentation level"
  TabSpace,  // "inconsistent use of tabs and spaces in indentation"
  TooDeep,   // "too many levels of indentation"
  LineCont,  // "unexpected character after line continuation character"
  Error,     // complete message and position in error()
};

// A syntax error the tokenizer located itself (TokStatus::Error).
struct TokError {
  std::string msg;
  int line = 0;
  int col = 0;      // 1-based character offset, CPython's SyntaxError.offset
  int end_col = 0;  // same for end_offset
  std::string text; // the source line, without its newline
};

class Tokenizer {
 public:
  // Brackets may nest this deep (CPython's MAXLEVEL)...
  static constexpr int kMaxParenLevel = 200;
  // ...and blocks this deep (CPython's MAXINDENT).
  static constexpr int kMaxIndent = 100;
  static constexpr int kTabSize = 8;

  // `first_line` numbers the first line (f-string expressions are tokenized
  // separately and start on the line of their string).
  explicit Tokenizer(std::string_view source, int first_line = 1);

  Token next();

  TokStatus status() const { return status_; }
  const TokError& error() const { return error_; }

  // Tokenizer state, as CPython's error reporting sees it.
  int lineno() const { return lineno_; }
  uint32_t cursor() const { return static_cast<uint32_t>(cur_); }
  uint32_t line_start() const { return static_cast<uint32_t>(line_start_); }
  // Start of the line the tokenizer currently holds (CPython's tok->buf;
  // it stays on the first line of a token that spans lines) and the end of
  // the input read so far (tok->inp).
  uint32_t buffer_start() const { return static_cast<uint32_t>(buf_); }
  uint32_t input_end() const { return static_cast<uint32_t>(inp_); }

  struct Paren {
    char ch;
    int line;
    int col;  // byte column
  };
  int level() const { return level_; }
  const Paren& innermost_paren() const { return parens_[level_ - 1]; }

  std::string_view source() const { return src_; }
  std::string_view text(const Token& t) const { return src_.substr(t.start, t.end - t.start); }

 private:
  static constexpr int kEof = -1;

  int nextc();
  void backup(int c);
  Token make(Tok kind, size_t start, size_t end, int first_line, size_t first_line_start);
  Token textless(Tok kind);
  Token fail(TokStatus status);
  Token syntax_error(std::string msg);
  Token syntax_error_range(std::string msg, int col_offset, int end_col_offset);
  bool lookahead(const char* rest);
  bool verify_end_of_number(int c, const char* kind);
  int decimal_tail();
  bool continuation_line();
  bool verify_identifier();
  Token number(int c, bool fraction_first);
  Token string_literal(int quote);
  Token indentation_error(TokStatus status);

  std::string_view src_;
  size_t cur_ = 0;         // next byte to read
  size_t inp_ = 0;         // end of the line read so far
  size_t buf_ = 0;         // start of the line read last
  size_t line_start_ = 0;  // start of the current line
  size_t tok_start_ = 0;   // start of the token being read
  bool in_token_ = false;  // reading a token (CPython: tok->start != NULL)
  int lineno_ = 0;
  TokStatus status_ = TokStatus::Ok;
  TokError error_;

  bool at_bol_ = true;   // at the beginning of a line
  int pending_ = 0;      // INDENTs (>0) or DEDENTs (<0) still to return
  // Fixed arrays: the limits above bound them, and f-string expressions
  // create many short-lived tokenizers.
  int indent_ = 0;                       // index of the current block's entry
  int indents_[kMaxIndent + 1] = {};     // indentation columns, tabs to 8
  int alt_indents_[kMaxIndent + 1] = {}; // same with tabs counted as 1
  int level_ = 0;                        // open brackets
  Paren parens_[kMaxParenLevel];
};

}  // namespace pg::front
