// The tokenizer. Control flow and error positions follow CPython 3.11's
// Parser/tokenizer.c (read as a specification; this is a fresh
// implementation), so that syntax errors land where CPython puts them.
#include "compiler/tokenizer.h"

#include <cstdio>

namespace pg::front {

namespace {

constexpr std::string_view kSpellings[] = {
#define PG_TOKEN_SPELLING(kind, spelling) spelling,
    PG_TOKEN_KINDS(PG_TOKEN_SPELLING)
#undef PG_TOKEN_SPELLING
};

bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_xdigit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
// Bytes >= 128 may start identifiers; verify_identifier() checks the
// decoded characters afterwards, as CPython does.
bool is_identifier_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
bool is_identifier_char(int c) { return is_identifier_start(c) || is_digit(c); }

// Unicode properties, approximated: we carry no Unicode database. Letters
// of every script are accepted; the punctuation, symbols, spaces and
// format characters people actually paste into code (smart quotes, NBSP,
// dashes, arrows, math, currency, emoji) are rejected like CPython rejects
// them. A full XID_Start/XID_Continue table would make this exact.
bool is_unicode_printable(uint32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) return false;
  if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
      (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF ||
      (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE000 && cp <= 0xF8FF) ||
      (cp >= 0xE0000 && cp <= 0xE007F) || cp >= 0xF0000) {
    return false;
  }
  return true;
}

bool is_unicode_identifier_char(uint32_t cp) {
  if (cp < 0x80) return is_identifier_char(static_cast<int>(cp));
  if (cp <= 0xBF) return cp == 0xAA || cp == 0xB5 || cp == 0xBA || cp == 0xB7;
  if (cp == 0xD7 || cp == 0xF7) return false;
  // Punctuation of other scripts.
  if ((cp >= 0x37E && cp <= 0x37F && cp != 0x37F) || cp == 0x387 || (cp >= 0x55A && cp <= 0x55F) ||
      (cp >= 0x589 && cp <= 0x58F) || cp == 0x5BE || cp == 0x5C0 || cp == 0x5C3 || cp == 0x5C6 ||
      (cp >= 0x5F3 && cp <= 0x5F4) || (cp >= 0x600 && cp <= 0x60F) || (cp >= 0x61B && cp <= 0x61F) ||
      (cp >= 0x66A && cp <= 0x66D) || cp == 0x6D4 || cp == 0x6DD || cp == 0x6DE || cp == 0x6E9 ||
      (cp >= 0x964 && cp <= 0x965) || cp == 0x970 || (cp >= 0xE3F && cp <= 0xE3F) || cp == 0xE4F ||
      (cp >= 0xE5A && cp <= 0xE5B) || (cp >= 0x488 && cp <= 0x489)) {
    return false;
  }
  if (cp >= 0x2000 && cp <= 0x206F) return cp == 0x203F || cp == 0x2040 || cp == 0x2054;
  if ((cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2190 && cp <= 0x2BFF) ||
      (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x3004) ||
      (cp >= 0x3008 && cp <= 0x3020) || cp == 0x3030 || (cp >= 0x303D && cp <= 0x303F) ||
      (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFE10 && cp <= 0xFE1F) ||
      (cp >= 0xFE30 && cp <= 0xFE32) || (cp >= 0xFE35 && cp <= 0xFE4C) ||
      (cp >= 0xFE50 && cp <= 0xFE6F) || cp == 0xFEFF || (cp >= 0xFF01 && cp <= 0xFF0F) ||
      (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF3E) || cp == 0xFF40 ||
      (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0xFFF0 && cp <= 0xFFFF)) {
    return false;
  }
  if ((cp >= 0x1D000 && cp <= 0x1D24F) || (cp >= 0x1D300 && cp <= 0x1D35F) ||
      (cp >= 0x1F000 && cp <= 0x1FAFF)) {
    return false;
  }
  if (cp >= 0xE0000) return cp >= 0xE0100 && cp <= 0xE01EF;  // variation selectors continue names
  return is_unicode_printable(cp);
}
// Combining marks and connector punctuation continue names but cannot
// start them.
bool is_continue_only(uint32_t cp) {
  return cp == 0xB7 || cp == 0x203F || cp == 0x2040 || cp == 0x2054 || cp == 0xFF3F ||
         (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x483 && cp <= 0x487) || (cp >= 0x591 && cp <= 0x5C7) ||
         (cp >= 0x610 && cp <= 0x61A) || (cp >= 0x64B && cp <= 0x669) || (cp >= 0x6F0 && cp <= 0x6F9) ||
         (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0xFF10 && cp <= 0xFF19);
}

bool is_unicode_identifier_start(uint32_t cp) {
  if (cp < 0x80) return is_identifier_start(static_cast<int>(cp));
  return !is_continue_only(cp) && is_unicode_identifier_char(cp);
}

// Decodes one UTF-8 sequence at s[i] (the input is known to be valid).
uint32_t decode_utf8(std::string_view s, size_t& i) {
  auto b = static_cast<unsigned char>(s[i++]);
  if (b < 0x80) return b;
  int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
  uint32_t cp = b & (0x3F >> extra);
  while (extra-- > 0 && i < s.size()) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int count_chars(std::string_view s) {
  int n = 0;
  for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

struct Keyword {
  std::string_view text;
  Tok kind;
};
constexpr Keyword kKeywords[] = {
    {"False", Tok::KwFalse}, {"None", Tok::KwNone},   {"True", Tok::KwTrue},
    {"and", Tok::KwAnd},     {"as", Tok::KwAs},       {"assert", Tok::KwAssert},
    {"async", Tok::KwAsync}, {"await", Tok::KwAwait}, {"break", Tok::KwBreak},
    {"class", Tok::KwClass}, {"continue", Tok::KwContinue}, {"def", Tok::KwDef},
    {"del", Tok::KwDel},     {"elif", Tok::KwElif},   {"else", Tok::KwElse},
    {"except", Tok::KwExcept}, {"finally", Tok::KwFinally}, {"for", Tok::KwFor},
    {"from", Tok::KwFrom},   {"global", Tok::KwGlobal}, {"if", Tok::KwIf},
    {"import", Tok::KwImport}, {"in", Tok::KwIn},     {"is", Tok::KwIs},
    {"lambda", Tok::KwLambda}, {"nonlocal", Tok::KwNonlocal}, {"not", Tok::KwNot},
    {"or", Tok::KwOr},       {"pass", Tok::KwPass},   {"raise", Tok::KwRaise},
    {"return", Tok::KwReturn}, {"try", Tok::KwTry},   {"while", Tok::KwWhile},
    {"with", Tok::KwWith},   {"yield", Tok::KwYield},
};

Tok classify_name(std::string_view text) {
  if (text.size() < 2 || text.size() > 8) return Tok::Name;
  for (const Keyword& k : kKeywords) {
    if (k.text == text) return k.kind;
  }
  return Tok::Name;
}

Tok one_char(int c) {
  switch (c) {
    case '%': return Tok::Percent;
    case '&': return Tok::Amper;
    case '(': return Tok::LPar;
    case ')': return Tok::RPar;
    case '*': return Tok::Star;
    case '+': return Tok::Plus;
    case ',': return Tok::Comma;
    case '-': return Tok::Minus;
    case '.': return Tok::Dot;
    case '/': return Tok::Slash;
    case ':': return Tok::Colon;
    case ';': return Tok::Semi;
    case '<': return Tok::Less;
    case '=': return Tok::Equal;
    case '>': return Tok::Greater;
    case '@': return Tok::At;
    case '[': return Tok::LSqb;
    case ']': return Tok::RSqb;
    case '^': return Tok::Circumflex;
    case '{': return Tok::LBrace;
    case '|': return Tok::VBar;
    case '}': return Tok::RBrace;
    case '~': return Tok::Tilde;
    default: return Tok::OtherOp;
  }
}

// Tok::Error when the pair is not an operator. "<>" is CPython's NOTEQUAL
// spelling under `from __future__ import barry_as_FLUFL`; otherwise its
// parser rejects it, so it becomes a token no rule accepts.
Tok two_chars(int c1, int c2) {
  switch (c1) {
    case '!': return c2 == '=' ? Tok::NotEqual : Tok::Error;
    case '%': return c2 == '=' ? Tok::PercentEqual : Tok::Error;
    case '&': return c2 == '=' ? Tok::AmperEqual : Tok::Error;
    case '*': return c2 == '*' ? Tok::DoubleStar : c2 == '=' ? Tok::StarEqual : Tok::Error;
    case '+': return c2 == '=' ? Tok::PlusEqual : Tok::Error;
    case '-': return c2 == '=' ? Tok::MinEqual : c2 == '>' ? Tok::RArrow : Tok::Error;
    case '/': return c2 == '/' ? Tok::DoubleSlash : c2 == '=' ? Tok::SlashEqual : Tok::Error;
    case ':': return c2 == '=' ? Tok::ColonEqual : Tok::Error;
    case '<':
      return c2 == '<' ? Tok::LeftShift : c2 == '=' ? Tok::LessEqual : c2 == '>' ? Tok::OtherOp : Tok::Error;
    case '=': return c2 == '=' ? Tok::EqEqual : Tok::Error;
    case '>': return c2 == '=' ? Tok::GreaterEqual : c2 == '>' ? Tok::RightShift : Tok::Error;
    case '@': return c2 == '=' ? Tok::AtEqual : Tok::Error;
    case '^': return c2 == '=' ? Tok::CircumflexEqual : Tok::Error;
    case '|': return c2 == '=' ? Tok::VBarEqual : Tok::Error;
    default: return Tok::Error;
  }
}

Tok three_chars(int c1, int c2, int c3) {
  if (c3 != '=') return Tok::Error;
  if (c1 == '*' && c2 == '*') return Tok::DoubleStarEqual;
  if (c1 == '/' && c2 == '/') return Tok::DoubleSlashEqual;
  if (c1 == '<' && c2 == '<') return Tok::LeftShiftEqual;
  if (c1 == '>' && c2 == '>') return Tok::RightShiftEqual;
  return Tok::Error;
}

}  // namespace

std::string_view token_spelling(Tok kind) { return kSpellings[static_cast<size_t>(kind)]; }

Tokenizer::Tokenizer(std::string_view source, int first_line)
    : src_(source), lineno_(first_line - 1) {}

// Reads one byte, pulling in the next line when the current one is used up.
// Like CPython, `line_start_` and `lineno_` move only when a new line is
// read, and the end of input is sticky.
int Tokenizer::nextc() {
  for (;;) {
    if (cur_ != inp_) return static_cast<unsigned char>(src_[cur_++]);
    if (status_ != TokStatus::Ok) return kEof;
    if (inp_ >= src_.size()) {
      status_ = TokStatus::Eof;
      cur_ = inp_;
      return kEof;
    }
    size_t nl = src_.find('\n', inp_);
    size_t end = nl == std::string_view::npos ? src_.size() : nl + 1;
    ++lineno_;
    // Inside a token (a string or a backslash continuation spanning lines)
    // CPython keeps its buffer at the token's first line.
    if (!in_token_) buf_ = cur_;
    line_start_ = cur_;
    inp_ = end;
  }
}

void Tokenizer::backup(int c) {
  if (c != kEof) --cur_;
}

Token Tokenizer::make(Tok kind, size_t start, size_t end, int first_line,
                      size_t first_line_start) {
  Token t;
  t.kind = kind;
  t.start = static_cast<uint32_t>(start);
  t.end = static_cast<uint32_t>(end);
  t.line = first_line;
  t.col = static_cast<int>(start - first_line_start);
  t.end_line = lineno_;
  t.end_col = static_cast<int>(end - line_start_);
  t.level = level();
  return t;
}

// A token without text: INDENT, DEDENT or ENDMARKER.
Token Tokenizer::textless(Tok kind) {
  Token t;
  t.kind = kind;
  t.start = t.end = static_cast<uint32_t>(cur_);
  t.line = t.end_line = lineno_;
  t.col = t.end_col = -1;
  t.level = level();
  return t;
}

Token Tokenizer::fail(TokStatus status) {
  status_ = status;
  return textless(Tok::Error);
}

Token Tokenizer::indentation_error(TokStatus status) {
  cur_ = inp_;
  return fail(status);
}

// CPython's syntaxerror(): the offset is the cursor, in characters.
Token Tokenizer::syntax_error(std::string msg) {
  int col = count_chars(src_.substr(line_start_, cur_ - line_start_));
  return syntax_error_range(std::move(msg), col, col);
}

Token Tokenizer::syntax_error_range(std::string msg, int col_offset, int end_col_offset) {
  size_t nl = src_.find('\n', line_start_);
  if (nl == std::string_view::npos) nl = src_.size();
  error_.msg = std::move(msg);
  error_.line = lineno_;
  error_.col = col_offset;
  error_.end_col = end_col_offset;
  error_.text = std::string(src_.substr(line_start_, nl - line_start_));
  return fail(TokStatus::Error);
}

// True when the next bytes spell `rest` and no identifier character follows
// them. Consumes nothing.
bool Tokenizer::lookahead(const char* rest) {
  size_t saved = cur_;
  bool match = true;
  for (const char* s = rest; *s != '\0'; ++s) {
    if (nextc() != *s) {
      match = false;
      break;
    }
  }
  if (match) {
    int c = nextc();
    match = !is_identifier_char(c);
  }
  // Only bytes of the current line were read: rewinding is a plain reset.
  cur_ = saved;
  return match;
}

// A number directly followed by a name is an error ("1abc"), except before
// the keywords that may follow a number in valid code ("1if x else y"),
// which CPython 3.11 still accepts.
bool Tokenizer::verify_end_of_number(int c, const char* kind) {
  bool keyword_follows = false;
  switch (c) {
    case 'a': keyword_follows = lookahead("nd"); break;
    case 'e': keyword_follows = lookahead("lse"); break;
    case 'f': keyword_follows = lookahead("or"); break;
    case 'o': keyword_follows = lookahead("r"); break;
    case 'n': keyword_follows = lookahead("ot"); break;
    case 'i': {
      int c2 = nextc();
      keyword_follows = c2 == 'f' || c2 == 'n' || c2 == 's';
      backup(c2);
      break;
    }
    default: break;
  }
  if (keyword_follows) return true;
  // Only ASCII: "2Δ" is a number then a name (an "invalid syntax").
  if (c < 128 && is_identifier_char(c)) {
    backup(c);
    syntax_error(std::string("invalid ") + kind + " literal");
    return false;
  }
  return true;
}

// After a backslash: only a newline may follow, and then more input.
// Sets the status and returns false otherwise.
bool Tokenizer::continuation_line() {
  int c = nextc();
  if (c != '\n') {
    status_ = TokStatus::LineCont;
    return false;
  }
  c = nextc();
  if (c == kEof) {
    status_ = TokStatus::Eof;
    cur_ = inp_;
    return false;
  }
  backup(c);
  return true;
}

// Reads digits with single underscores between them; returns the first
// byte after them, or 0 after reporting an error.
int Tokenizer::decimal_tail() {
  int c;
  for (;;) {
    do {
      c = nextc();
    } while (is_digit(c));
    if (c != '_') break;
    c = nextc();
    if (!is_digit(c)) {
      backup(c);
      syntax_error("invalid decimal literal");
      return 0;
    }
  }
  return c;
}

bool Tokenizer::verify_identifier() {
  std::string_view ident = src_.substr(tok_start_, cur_ - tok_start_);
  size_t i = 0;
  bool first = true;
  while (i < ident.size()) {
    uint32_t cp = decode_utf8(ident, i);
    bool ok = first ? is_unicode_identifier_start(cp) : is_unicode_identifier_char(cp);
    first = false;
    if (ok) continue;
    // CPython points just past the offending character.
    cur_ = tok_start_ + i;
    char hex[16];
    std::snprintf(hex, sizeof hex, "%04X", cp);
    if (is_unicode_printable(cp)) {
      std::string ch;
      append_utf8(ch, cp);
      syntax_error("invalid character '" + ch + "' (U+" + hex + ")");
    } else {
      syntax_error(std::string("invalid non-printable character U+") + hex);
    }
    return false;
  }
  return true;
}

// `c` is the first digit, or the first byte after a leading '.'
// (`fraction_first`).
Token Tokenizer::number(int c, bool fraction_first) {
  int e = 0;
  bool nonzero = false;
  size_t zeros_end = 0;
  if (fraction_first) goto fraction;
  if (c == '0') {
    c = nextc();
    if (c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' || c == 'B') {
      int radix = (c == 'x' || c == 'X') ? 16 : (c == 'o' || c == 'O') ? 8 : 2;
      const char* kind = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
      auto in_radix = [radix](int d) {
        return radix == 16 ? is_xdigit(d) : (d >= '0' && d < '0' + radix);
      };
      c = nextc();
      do {
        if (c == '_') c = nextc();
        if (!in_radix(c)) {
          if (radix != 16 && is_digit(c)) {
            return syntax_error(std::string("invalid digit '") + static_cast<char>(c) +
                                "' in " + kind + " literal");
          }
          backup(c);
          return syntax_error(std::string("invalid ") + kind + " literal");
        }
        do {
          c = nextc();
        } while (in_radix(c));
      } while (c == '_');
      if (radix != 16 && is_digit(c)) {
        return syntax_error(std::string("invalid digit '") + static_cast<char>(c) + "' in " +
                            kind + " literal");
      }
      if (!verify_end_of_number(c, kind)) return fail(TokStatus::Error);
    } else {
      // "0", "00", "0_0", or a float/imaginary like "09.5"; "012" is an
      // old-style octal, now an error.
      for (;;) {
        if (c == '_') {
          c = nextc();
          if (!is_digit(c)) {
            backup(c);
            return syntax_error("invalid decimal literal");
          }
        }
        if (c != '0') break;
        c = nextc();
      }
      zeros_end = cur_;
      if (is_digit(c)) {
        nonzero = true;
        c = decimal_tail();
        if (c == 0) return fail(TokStatus::Error);
      }
      if (c == '.') {
        c = nextc();
        goto fraction;
      } else if (c == 'e' || c == 'E') {
        goto exponent;
      } else if (c == 'j' || c == 'J') {
        goto imaginary;
      } else if (nonzero) {
        backup(c);
        return syntax_error_range(
            "leading zeros in decimal integer literals are not permitted; "
            "use an 0o prefix for octal integers",
            static_cast<int>(tok_start_ + 1 - line_start_), static_cast<int>(zeros_end - line_start_));
      }
      if (!verify_end_of_number(c, "decimal")) return fail(TokStatus::Error);
    }
    backup(c);
    return make(Tok::Number, tok_start_, cur_, lineno_, line_start_);
  }
  c = decimal_tail();
  if (c == 0) return fail(TokStatus::Error);
  if (c == '.') {
    c = nextc();
  fraction:
    if (is_digit(c)) {
      c = decimal_tail();
      if (c == 0) return fail(TokStatus::Error);
    }
  }
  if (c == 'e' || c == 'E') {
  exponent:
    e = c;
    c = nextc();
    if (c == '+' || c == '-') {
      c = nextc();
      if (!is_digit(c)) {
        backup(c);
        return syntax_error("invalid decimal literal");
      }
    } else if (!is_digit(c)) {
      // "1e" then something: the number ends before the 'e'.
      backup(c);
      if (!verify_end_of_number(e, "decimal")) return fail(TokStatus::Error);
      backup(e);
      return make(Tok::Number, tok_start_, cur_, lineno_, line_start_);
    }
    c = decimal_tail();
    if (c == 0) return fail(TokStatus::Error);
  }
  if (c == 'j' || c == 'J') {
  imaginary:
    c = nextc();
    if (!verify_end_of_number(c, "imaginary")) return fail(TokStatus::Error);
  } else if (!verify_end_of_number(c, "decimal")) {
    return fail(TokStatus::Error);
  }
  backup(c);
  return make(Tok::Number, tok_start_, cur_, lineno_, line_start_);
}

// The opening quote has just been read; tok_start_ is at the prefix.
Token Tokenizer::string_literal(int quote) {
  int first_lineno = lineno_;
  size_t first_line_start = line_start_;
  int quote_size = 1;
  int end_quote_size = 0;
  int c = nextc();
  if (c == quote) {
    c = nextc();
    if (c == quote) {
      quote_size = 3;
    } else {
      end_quote_size = 1;  // the empty string
    }
  }
  if (c != quote) backup(c);
  while (end_quote_size != quote_size) {
    c = nextc();
    if (c == kEof || (quote_size == 1 && c == '\n')) {
      // Reported at the start of the literal, naming the line reached.
      int detected_at = lineno_;
      cur_ = tok_start_ + 1;
      line_start_ = first_line_start;
      lineno_ = first_lineno;
      return syntax_error(std::string(quote_size == 3 ? "unterminated triple-quoted string literal"
                                                      : "unterminated string literal") +
                          " (detected at line " + std::to_string(detected_at) + ")");
    }
    if (c == quote) {
      ++end_quote_size;
    } else {
      end_quote_size = 0;
      if (c == '\\') nextc();  // the escaped byte cannot end the literal
    }
  }
  return make(Tok::String, tok_start_, cur_, first_lineno, first_line_start);
}

Token Tokenizer::next() {
  if (status_ != TokStatus::Ok && status_ != TokStatus::Eof) return fail(status_);
  int c;
  bool blankline;
nextline:
  in_token_ = false;
  blankline = false;
  if (at_bol_) {
    at_bol_ = false;
    int col = 0;
    int altcol = 0;
    // A backslash continuation inside the indentation: the column of the
    // first one decides the indentation of what follows.
    int cont_line_col = 0;
    for (;;) {
      c = nextc();
      if (c == ' ') {
        ++col;
        ++altcol;
      } else if (c == '\t') {
        col = (col / kTabSize + 1) * kTabSize;
        ++altcol;
      } else if (c == '\f') {
        col = altcol = 0;  // form feed resets the column, for Emacs users
      } else if (c == '\\') {
        cont_line_col = cont_line_col != 0 ? cont_line_col : col;
        if (!continuation_line()) return fail(status_);
      } else {
        break;
      }
    }
    backup(c);
    // Lines holding only blanks and a comment do not count for
    // indentation and produce no NEWLINE.
    blankline = c == '#' || c == '\n';
    if (!blankline && level_ == 0) {
      if (cont_line_col != 0) col = altcol = cont_line_col;
      // `altcol` measures tabs as one column; a mix of tabs and spaces is
      // consistent only if both measures agree on the block structure.
      if (col == indents_[indent_]) {
        if (altcol != alt_indents_[indent_]) return indentation_error(TokStatus::TabSpace);
      } else if (col > indents_[indent_]) {
        if (indent_ + 1 >= kMaxIndent) return indentation_error(TokStatus::TooDeep);
        if (altcol <= alt_indents_[indent_]) return indentation_error(TokStatus::TabSpace);
        ++pending_;
        ++indent_;
        indents_[indent_] = col;
        alt_indents_[indent_] = altcol;
      } else {
        while (indent_ > 0 && col < indents_[indent_]) {
          --pending_;
          --indent_;
        }
        if (col != indents_[indent_]) return indentation_error(TokStatus::Dedent);
        if (altcol != alt_indents_[indent_]) return indentation_error(TokStatus::TabSpace);
      }
    }
  }

  tok_start_ = cur_;
  if (pending_ != 0) {
    if (pending_ < 0) {
      ++pending_;
      return textless(Tok::Dedent);
    }
    --pending_;
    return textless(Tok::Indent);
  }

again:
  in_token_ = false;
  do {
    c = nextc();
  } while (c == ' ' || c == '\t' || c == '\f');
  tok_start_ = cur_ == 0 ? 0 : cur_ - 1;
  in_token_ = true;

  if (c == '#') {
    while (c != kEof && c != '\n') c = nextc();
  }

  if (c == kEof) {
    // Inside brackets the parser reports "'(' was never closed".
    if (level_ > 0) return fail(TokStatus::Eof);
    return textless(Tok::EndMarker);
  }

  if (is_identifier_start(c)) {
    // String prefixes: any case-insensitive combination of b, r, u, f that
    // Python allows (rb, br, fr, rf, u, ...).
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    for (;;) {
      if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
        saw_b = true;
      } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
        saw_u = true;
      } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
        saw_r = true;
      } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
        saw_f = true;
      } else {
        break;
      }
      c = nextc();
      if (c == '"' || c == '\'') return string_literal(c);
    }
    bool nonascii = false;
    while (is_identifier_char(c)) {
      nonascii |= c >= 128;
      c = nextc();
    }
    backup(c);
    if (nonascii && !verify_identifier()) return fail(TokStatus::Error);
    Tok kind = classify_name(src_.substr(tok_start_, cur_ - tok_start_));
    return make(kind, tok_start_, cur_, lineno_, line_start_);
  }

  if (c == '\n') {
    at_bol_ = true;
    if (blankline || level_ > 0) goto nextline;
    return make(Tok::Newline, tok_start_, cur_ - 1, lineno_, line_start_);
  }

  if (c == '.') {
    c = nextc();
    if (is_digit(c)) return number(c, true);
    if (c == '.') {
      c = nextc();
      if (c == '.') return make(Tok::Ellipsis, tok_start_, cur_, lineno_, line_start_);
      backup(c);
      backup('.');
    } else {
      backup(c);
    }
    return make(Tok::Dot, tok_start_, cur_, lineno_, line_start_);
  }

  if (is_digit(c)) return number(c, false);

  if (c == '"' || c == '\'') return string_literal(c);

  if (c == '\\') {
    if (!continuation_line()) return fail(status_);
    goto again;
  }

  {
    int c2 = nextc();
    Tok two = two_chars(c, c2);
    if (two != Tok::Error) {
      int c3 = nextc();
      Tok three = three_chars(c, c2, c3);
      if (three != Tok::Error) {
        two = three;
      } else {
        backup(c3);
      }
      return make(two, tok_start_, cur_, lineno_, line_start_);
    }
    backup(c2);
  }

  switch (c) {
    case '(':
    case '[':
    case '{':
      if (level() >= kMaxParenLevel) return syntax_error("too many nested parentheses");
      parens_[level_++] = {static_cast<char>(c), lineno_, static_cast<int>(tok_start_ - line_start_)};
      break;
    case ')':
    case ']':
    case '}': {
      if (level_ == 0) return syntax_error(std::string("unmatched '") + static_cast<char>(c) + "'");
      Paren open = parens_[--level_];
      bool match = (open.ch == '(' && c == ')') || (open.ch == '[' && c == ']') ||
                   (open.ch == '{' && c == '}');
      if (!match) {
        std::string msg = std::string("closing parenthesis '") + static_cast<char>(c) +
                          "' does not match opening parenthesis '" + open.ch + "'";
        if (open.line != lineno_) msg += " on line " + std::to_string(open.line);
        return syntax_error(std::move(msg));
      }
      break;
    }
    default:
      break;
  }

  if (c < 0x20 || c == 0x7F) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "%04X", c);
    return syntax_error(std::string("invalid non-printable character U+") + hex);
  }
  return make(one_char(c), tok_start_, cur_, lineno_, line_start_);
}

}  // namespace pg::front
