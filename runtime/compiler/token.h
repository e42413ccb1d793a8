// Tokens: what the tokenizer hands the parser.
//
// The kinds follow CPython's Grammar/Tokens, except that keywords get their
// own kinds (CPython's parser recognises them by comparing NAME text) so the
// parser can switch on them.
#pragma once

#include <cstdint>
#include <string_view>

namespace pg::front {

// X(Kind, spelling). The spelling is the operator or keyword text, or the
// CPython token name for the other kinds; tests and error messages use it.
#define PG_TOKEN_KINDS(X)                                                      \
  X(EndMarker, "ENDMARKER") X(Name, "NAME") X(Number, "NUMBER")               \
  X(String, "STRING") X(Newline, "NEWLINE") X(Indent, "INDENT")               \
  X(Dedent, "DEDENT") X(Error, "ERRORTOKEN")                                  \
  /* Any other ASCII punctuation, e.g. '$', '?', '!' or '<>': no rule       \
     accepts it, so the parser reports "invalid syntax" at it. */             \
  X(OtherOp, "OP")                                                            \
  X(LPar, "(") X(RPar, ")") X(LSqb, "[") X(RSqb, "]") X(LBrace, "{")          \
  X(RBrace, "}") X(Colon, ":") X(Comma, ",") X(Semi, ";") X(Plus, "+")        \
  X(Minus, "-") X(Star, "*") X(Slash, "/") X(VBar, "|") X(Amper, "&")         \
  X(Less, "<") X(Greater, ">") X(Equal, "=") X(Dot, ".") X(Percent, "%")      \
  X(EqEqual, "==") X(NotEqual, "!=") X(LessEqual, "<=")                       \
  X(GreaterEqual, ">=") X(Tilde, "~") X(Circumflex, "^") X(LeftShift, "<<")   \
  X(RightShift, ">>") X(DoubleStar, "**") X(PlusEqual, "+=")                  \
  X(MinEqual, "-=") X(StarEqual, "*=") X(SlashEqual, "/=")                    \
  X(PercentEqual, "%=") X(AmperEqual, "&=") X(VBarEqual, "|=")                \
  X(CircumflexEqual, "^=") X(LeftShiftEqual, "<<=")                           \
  X(RightShiftEqual, ">>=") X(DoubleStarEqual, "**=") X(DoubleSlash, "//")    \
  X(DoubleSlashEqual, "//=") X(At, "@") X(AtEqual, "@=") X(RArrow, "->")      \
  X(Ellipsis, "...") X(ColonEqual, ":=")                                      \
  X(KwFalse, "False") X(KwNone, "None") X(KwTrue, "True") X(KwAnd, "and")     \
  X(KwAs, "as") X(KwAssert, "assert") X(KwAsync, "async")                     \
  X(KwAwait, "await") X(KwBreak, "break") X(KwClass, "class")                 \
  X(KwContinue, "continue") X(KwDef, "def") X(KwDel, "del")                   \
  X(KwElif, "elif") X(KwElse, "else") X(KwExcept, "except")                   \
  X(KwFinally, "finally") X(KwFor, "for") X(KwFrom, "from")                   \
  X(KwGlobal, "global") X(KwIf, "if") X(KwImport, "import") X(KwIn, "in")     \
  X(KwIs, "is") X(KwLambda, "lambda") X(KwNonlocal, "nonlocal")               \
  X(KwNot, "not") X(KwOr, "or") X(KwPass, "pass") X(KwRaise, "raise")         \
  X(KwReturn, "return") X(KwTry, "try") X(KwWhile, "while")                   \
  X(KwWith, "with") X(KwYield, "yield")

enum class Tok : uint8_t {
#define PG_TOKEN_ENUM(kind, spelling) kind,
  PG_TOKEN_KINDS(PG_TOKEN_ENUM)
#undef PG_TOKEN_ENUM
};

// "(" for Tok::LPar, "if" for Tok::KwIf, "NAME" for Tok::Name, ...
std::string_view token_spelling(Tok kind);

inline bool is_keyword(Tok kind) { return kind >= Tok::KwFalse; }

struct Token {
  Tok kind = Tok::EndMarker;
  // Byte range [start, end) in the tokenizer's buffer. NEWLINE is empty (it
  // sits on the '\n'); INDENT, DEDENT and ENDMARKER are empty too.
  uint32_t start = 0;
  uint32_t end = 0;
  // 1-based lines and 0-based UTF-8 byte columns, like CPython's tokens.
  // INDENT, DEDENT and ENDMARKER have col == end_col == -1 (CPython gives
  // them no text), which the parser's error positions rely on.
  int line = 0;
  int col = 0;
  int end_line = 0;
  int end_col = 0;
  // Bracket nesting depth once this token is read: 1 for a top-level "(",
  // 0 for its ")". Decides "Perhaps you forgot a comma?".
  int level = 0;
};

}  // namespace pg::front
