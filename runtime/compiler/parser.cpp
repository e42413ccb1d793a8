// The parser: tokens -> AST.
//
// A hand-written PEG parser that follows CPython 3.11's grammar
// (Grammar/python.gram) rule by rule, with the same ordered choices,
// lookaheads, cuts and memoised rules. Following the grammar that closely is
// what makes syntax errors match CPython's: CPython reports a generic error
// at the furthest token it read, and runs a second pass with extra
// "invalid_*" rules to find a specific message. Both depend on exactly which
// alternatives are tried, in which order, and which tokens they look at, so
// we try the same ones (down to CPython's quirks, which are marked).
//
// Layout of this file:
//   1. infrastructure: token buffer, memo table, error reporting
//   2. statements
//   3. expressions
//   4. targets (assignment, del, for)
//   5. the invalid_* rules (second pass)
//   6. string literals and f-strings (CPython's string_parser.c)
//   7. parse_module(): source decoding and checks
//
// Left-recursive rules (sum, primary, t_primary, ...) are loops, which gives
// the results and token reads of CPython's seed growing.
//
// Outside pyglass's subset: `match` statements and `except*` are parsed far
// enough to give CPython's errors for broken code, then refused.
#include "compiler/parser.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "compiler/tokenizer.h"

namespace pg {
namespace {

using namespace pg::ast;
using front::Tok;
using front::Token;
using front::Tokenizer;
using front::TokStatus;

// CPython's CURRENT_POS: "the tokenizer's position when the error is raised".
constexpr int kCurrentPos = -5;
// Nesting limits. CPython counts rule calls (MAXSTACK, 6000); we also
// bound the stack itself, since frame sizes vary a lot between builds: 200
// nested brackets (the tokenizer's limit) take about 0.7 MB optimised and
// 2.3 MB under AddressSanitizer, so parse_module() needs up to 4 MB of
// stack on hostile input.
constexpr int kMaxDepth = 6000;
constexpr size_t kMaxStackBytes = size_t{4} << 20;

enum class ErrKind { Syntax, Indentation, Tab };

// Rules whose results are memoised per start position (CPython memoises the
// same ones, plus every left-recursive rule).
enum MemoRule : uint8_t {
  kMemoSimpleStmt, kMemoBlock, kMemoExpression, kMemoStarExpression, kMemoDisjunction,
  kMemoConjunction, kMemoInversion, kMemoFactor, kMemoAwaitPrimary, kMemoStrings,
  kMemoArguments, kMemoStarTarget, kMemoTargetWithStarAtom, kMemoDelTarget,
  kMemoInvalidNamedExpression, kMemoBitwiseOr, kMemoBitwiseXor, kMemoBitwiseAnd,
  kMemoShiftExpr, kMemoSum, kMemoTerm, kMemoPrimary, kMemoTPrimary,
};

// CPython's _PyPegen_get_expr_name: how error messages name an expression.
const char* expr_name(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant:
      switch (static_cast<const Constant*>(e)->const_kind) {
        case ConstKind::None: return "None";
        case ConstKind::False: return "False";
        case ConstKind::True: return "True";
        case ConstKind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
  }
  return "expression";
}

// Number of characters in the first `col` bytes of `line` (CPython's
// _PyPegen_byte_offset_to_character_offset; a cut multi-byte character
// counts as one, reading one byte past the end counts the terminator).
int byte_to_char_offset(std::string_view line, int col) {
  if (col <= 0) return col;
  size_t len = line.size();
  if (static_cast<size_t>(col) > len + 1) col = static_cast<int>(len + 1);
  int chars = 0;
  size_t n = std::min(static_cast<size_t>(col), len);
  for (size_t i = 0; i < n; ++i) chars += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
  if (static_cast<size_t>(col) > len) ++chars;
  return chars;
}

// CPython normalises identifiers to NFKC. Without a Unicode database we
// apply the compatibility mappings that occur in practice: fullwidth forms,
// mathematical alphanumerics, ligatures and a few letter variants.
// Decomposed accents are not composed.
std::string normalize_identifier(std::string_view s) {
  bool ascii = true;
  for (char c : s) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(s);
  std::string out;
  auto put = [&](uint32_t cp) {
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
  };
  static const struct {
    uint32_t from;
    const char* to;
  } kMap[] = {
      {0xAA, "a"}, {0xBA, "o"}, {0xB5, "\u03bc"}, {0x17F, "s"}, {0x3D0, "\u03b2"}, {0x3D1, "\u03b8"},
      {0x3D5, "\u03c6"}, {0x3D6, "\u03c0"}, {0x3F0, "\u03ba"}, {0x3F1, "\u03c1"}, {0x3F4, "\u0398"},
      {0x3F5, "\u03b5"}, {0x2071, "i"}, {0x207F, "n"}, {0xFB00, "ff"}, {0xFB01, "fi"}, {0xFB02, "fl"},
      {0xFB03, "ffi"}, {0xFB04, "ffl"}, {0xFB05, "st"}, {0xFB06, "st"},
  };
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    uint32_t cp = n == 1 ? b : (b & (0x7F >> n));
    for (size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    bool mapped = false;
    for (const auto& m : kMap) {
      if (m.from == cp) {
        out += m.to;  // UTF-8: C++ encodes the literal's escapes so
        mapped = true;
        break;
      }
    }
    if (mapped) continue;
    if (cp >= 0xFF10 && cp <= 0xFF19) {
      put('0' + (cp - 0xFF10));
    } else if (cp >= 0xFF21 && cp <= 0xFF3A) {
      put('A' + (cp - 0xFF21));
    } else if (cp >= 0xFF41 && cp <= 0xFF5A) {
      put('a' + (cp - 0xFF41));
    } else if (cp == 0xFF3F) {
      put('_');
    } else if (cp >= 0x1D400 && cp <= 0x1D6A3) {
      uint32_t k = (cp - 0x1D400) % 52;
      put(k < 26 ? 'A' + k : 'a' + (k - 26));
    } else if (cp >= 0x1D7CE && cp <= 0x1D7FF) {
      put('0' + (cp - 0x1D7CE) % 10);
    } else {
      put(cp);
    }
  }
  return out;
}

// What the function-parameter rules collect.
struct NameDefault {
  Arg arg;
  Expr* value = nullptr;  // null: no default
};
struct SlashWithDefault {
  std::vector<Arg> plain;
  std::vector<NameDefault> with_default;
};
struct StarEtc {
  std::optional<Arg> vararg;
  std::vector<NameDefault> kwonly;
  std::optional<Arg> kwarg;
};
struct KeywordOrStarred {
  Keyword keyword;
  Expr* starred = nullptr;  // set for `*x`; otherwise `keyword` is used
};
struct CmpPair {
  CmpOperator op;
  Expr* expr;
};
struct KeyValue {
  Expr* key;  // null for `**mapping`
  Expr* value;
};

// Where a rule started, for CPython's EXTRA (start of the first token to
// the end of the last non-whitespace token consumed).
struct Pos {
  int line;
  int col;
};

// A growing array that never moves its elements: references stay valid
// while it grows (rules hold on to the tokens they matched), and growing
// copies nothing.
template <class T, int kShift = 7>
class ChunkedVector {
 public:
  int size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](int i) { return chunks_[i >> kShift][i & kMask]; }
  const T& operator[](int i) const { return chunks_[i >> kShift][i & kMask]; }
  const T& front() const { return (*this)[0]; }
  const T& back() const { return (*this)[size_ - 1]; }
  void push_back(const T& v) {
    if ((size_ & kMask) == 0 && (size_ >> kShift) == static_cast<int>(chunks_.size())) {
      chunks_.push_back(std::unique_ptr<T[]>(new T[kChunk]));  // not zeroed
    }
    (*this)[size_++] = v;
  }
  void clear() { size_ = 0; }  // keeps the chunks for reuse

 private:
  static constexpr int kChunk = 1 << kShift;
  static constexpr int kMask = kChunk - 1;
  std::vector<std::unique_ptr<T[]>> chunks_;
  int size_ = 0;
};

// Which kind of target an invalid assignment/deletion was aimed at.
enum class TargetsType { Star, Del, For };

class Parser {
 public:
  // `fstring_line`/`fstring_col` shift the positions of an f-string
  // expression parsed on its own (CPython's starting_lineno/col_offset).
  Parser(std::string_view source, std::string_view original, const std::string& filename,
         AstArena& arena, bool fstring_mode = false, int fstring_line = 1, int fstring_col = 0)
      : src_(source),
        original_(original),
        filename_(filename),
        arena_(arena),
        tz_(source, fstring_line),
        fstring_mode_(fstring_mode),
        starting_line_(fstring_line),
        starting_col_(fstring_col),
        stack_base_(static_cast<const char*>(__builtin_frame_address(0))) {}

  Module* parse_file() {
    Module* m = file_rule();
    if (m != nullptr && !unsupported_) return m;
    if (m != nullptr) {
      raise_at(unsupported_->first, unsupported_->second);
      return nullptr;
    }
    second_pass();
    return nullptr;
  }

  // CPython's `fstring: star_expressions` start rule (no ENDMARKER check).
  Expr* parse_fstring_expr() {
    Expr* e = star_expressions();
    if (e != nullptr) return e;
    second_pass();
    return nullptr;
  }

  // The source had no final newline; parse_module() added one.
  void set_newline_added() { newline_added_ = true; }

  const SyntaxErrorInfo& error() const { return err_; }

 private:
  // =========================================================================
  // 1. Infrastructure
  // =========================================================================

  struct Depth {
    Parser* p;
    [[gnu::always_inline]] explicit Depth(Parser* parser) : p(parser) {
      // Both a rule count (as CPython) and the real stack use, which
      // differs a lot between optimised and sanitizer builds.
      // Signed: a frame above the recorded base (e.g. the base was taken in
      // a deeper helper frame, or a sanitizer moved frames) counts as 0.
      std::ptrdiff_t used = p->stack_base_ - static_cast<const char*>(__builtin_frame_address(0));
      if (used < 0) used = 0;
      if ((++p->depth_ > kMaxDepth || size_t(used) > kMaxStackBytes) && !p->error_) p->raise_too_deep();
    }
    ~Depth() { --p->depth_; }
    Depth(const Depth&) = delete;
    Depth& operator=(const Depth&) = delete;
  };
#define PG_ENTER()            \
  Depth depth_guard_(this);   \
  if (error_) return {}
#define PG_ENTER_VOID()       \
  Depth depth_guard_(this);   \
  if (error_) return

  struct MemoEntry {
    uint8_t rule;
    int end;
    void* value;
    int next;
  };

  // The token at the current position, reading it if needed.
  const Token& peek() {
    if (mark_ < toks_.size()) return toks_[mark_];
    if (error_) return error_token_;
    fill_token();
    return toks_[mark_];
  }

  void fill_token() {
    Token t = tz_.next();
    // f-string expressions: columns on the first line are shifted to where
    // the expression sits in the enclosing string (as CPython does, also
    // for tokens without a column).
    if (fstring_mode_ && tz_.lineno() == starting_line_) {
      t.col += starting_col_;
      t.end_col += starting_col_;
    }
    toks_.push_back(t);
    memo_head_.push_back(-1);
    if (t.kind == Tok::Error) tokenizer_error();
  }

  const Token* expect(Tok kind) {
    const Token& t = peek();
    if (t.kind != kind) return nullptr;
    ++mark_;
    return &t;
  }
  bool check(Tok kind) { return peek().kind == kind; }  // a lookahead: &kind

  // CPython's &&'x': a token that must be there, else "expected 'x'".
  const Token* expect_forced(Tok kind, const char* spelling) {
    if (error_) return nullptr;
    const Token& t = peek();
    if (error_) return nullptr;  // the tokenizer failed
    if (t.kind != kind) {
      raise_at_token(t, std::string("expected '") + spelling + "'");
      return nullptr;
    }
    ++mark_;
    return &t;
  }

  std::string_view text(const Token& t) const { return tz_.text(t); }
  // A NAME token as an identifier (NFKC-normalised like CPython's).
  std::string identifier(const Token& t) const { return normalize_identifier(text(t)); }

  Pos start_pos() {
    const Token& t = peek();
    return {t.line, t.col};
  }
  const Token& last_nonwhitespace() const {
    for (int m = mark_ - 1; m >= 0; --m) {
      Tok k = toks_[m].kind;
      if (k != Tok::EndMarker && k != Tok::Newline && k != Tok::Indent && k != Tok::Dedent) {
        return toks_[m];
      }
    }
    return toks_.front();
  }
  Loc extra(Pos s) const {
    const Token& e = last_nonwhitespace();
    return {s.line, s.col, e.end_line, e.end_col};
  }
  static Loc token_loc(const Token& t) { return {t.line, t.col, t.end_line, t.end_col}; }

  template <class T, class... A>
  T* node(const Loc& loc, A&&... args) {
    T* n = arena_.make<T>(std::forward<A>(args)...);
    n->loc = loc;
    return n;
  }

  Name* name_node(const Token& t, Ctx ctx) {
    Name* n = node<Name>(token_loc(t));
    n->id = identifier(t);
    n->ctx = ctx;
    return n;
  }

  // Memo table: one short list of (rule, end, value) per token position.
  bool memo_lookup(MemoRule rule, void** value) {
    peek();  // CPython fills the current token before consulting its memo
    if (mark_ >= static_cast<int>(memo_head_.size())) return false;
    for (int i = memo_head_[mark_]; i >= 0; i = memo_[i].next) {
      if (memo_[i].rule == rule) {
        mark_ = memo_[i].end;
        *value = memo_[i].value;
        return true;
      }
    }
    return false;
  }
  [[gnu::always_inline]] void memo_store(MemoRule rule, int start, void* value) {
    if (start >= static_cast<int>(memo_head_.size())) return;
    memo_.push_back({rule, mark_, value, memo_head_[start]});
    memo_head_[start] = memo_.size() - 1;
  }
  template <class T, class F>
  T* memoized(MemoRule rule, F&& body) {
    int start = mark_;
    void* v;
    if (memo_lookup(rule, &v)) return static_cast<T*>(v);
    T* r = body();
    if (r == nullptr) mark_ = start;
    memo_store(rule, start, r);
    return r;
  }

  // --- errors --------------------------------------------------------------

  // The source line `line` with its newline, as CPython's error text.
  std::string error_line(int line) const {
    if (!fstring_mode_ && line >= 1) {
      size_t pos = 0;
      for (int l = 1; l < line && pos != std::string_view::npos; ++l) {
        pos = original_.find('\n', pos);
        if (pos != std::string_view::npos) ++pos;
      }
      if (pos != std::string_view::npos && pos < original_.size()) {
        size_t nl = original_.find('\n', pos);
        size_t len = nl == std::string_view::npos ? std::string_view::npos : nl - pos + 1;
        // CPython reads the line from the file: the last one may lack the
        // newline that parse_module() added.
        if (nl + 1 == original_.size() && newline_added_) --len;
        return std::string(original_.substr(pos, len));
      }
    }
    // Past the end, or an f-string expression: the tokenizer's current
    // buffer when the error is on or after its line...
    if (tz_.lineno() <= line && tz_.input_end() > tz_.buffer_start()) {
      return std::string(src_.substr(tz_.buffer_start(), tz_.input_end() - tz_.buffer_start()));
    }
    // ...else that line of the text, without its newline.
    size_t pos = 0;
    for (int l = fstring_mode_ ? starting_line_ : 1; l < line; ++l) {
      size_t nl = src_.find('\n', pos);
      if (nl == std::string_view::npos || nl + 1 > tz_.input_end()) break;
      pos = nl + 1;
    }
    size_t nl = src_.find('\n', pos);
    return std::string(src_.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
  }

  // CPython's _PyPegen_raise_error_known_location: columns are 1-based
  // byte offsets here and become character offsets. A new error replaces
  // an older one (the caller decides whether to raise).
  void raise_known(ErrKind kind, int line, int col, int end_line, int end_col, std::string msg) {
    if (has_error_ && !replacing_error_) return;
    error_ = true;
    has_error_ = true;
    if (end_line == kCurrentPos) end_line = tz_.lineno();
    if (end_col == kCurrentPos) end_col = static_cast<int>(tz_.cursor() - tz_.line_start());
    if (fstring_mode_) msg = "f-string: " + msg;
    std::string text = error_line(line);
    if (fstring_mode_) {
      col -= starting_col_;
      end_col -= starting_col_;
    }
    err_ = SyntaxErrorInfo{};
    err_.is_indentation = kind != ErrKind::Syntax;
    err_.is_tab_error = kind == ErrKind::Tab;
    err_.msg = std::move(msg);
    err_.filename = filename_;
    err_.line = line;
    // CPython converts to characters only when its tokenizer knows the
    // encoding, which f-string expressions' tokenizers do not.
    err_.col = fstring_mode_ ? col : byte_to_char_offset(text, col);
    err_.end_line = end_line;
    err_.end_col = end_col > 0 && !fstring_mode_ ? byte_to_char_offset(text, end_col) : end_col;
    err_.text = std::move(text);
  }
  // RAISE_ERROR_KNOWN_LOCATION: 0-based columns.
  void raise_loc(ErrKind kind, int line, int col, int end_line, int end_col, std::string msg) {
    raise_known(kind, line, col == kCurrentPos ? col : col + 1, end_line,
                end_col == kCurrentPos ? end_col : end_col + 1, std::move(msg));
  }
  void raise_at(const Loc& a, std::string msg) {  // RAISE_SYNTAX_ERROR_KNOWN_LOCATION
    raise_loc(ErrKind::Syntax, a.line, a.col, a.end_line, a.end_col, std::move(msg));
  }
  void raise_at_token(const Token& t, std::string msg) { raise_at(token_loc(t), std::move(msg)); }
  void raise_range(const Loc& a, const Loc& b, std::string msg) {  // ..._KNOWN_RANGE
    raise_loc(ErrKind::Syntax, a.line, a.col, b.end_line, b.end_col, std::move(msg));
  }
  void raise_starting_from(const Loc& a, std::string msg) {  // ..._STARTING_FROM
    raise_loc(ErrKind::Syntax, a.line, a.col, kCurrentPos, kCurrentPos, std::move(msg));
  }
  // RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token read.
  void raise_last(ErrKind kind, std::string msg) {
    if (has_error_) return;
    if (toks_.empty()) {
      raise_known(kind, 0, 0, 0, -1, std::move(msg));
      return;
    }
    const Token& t = toks_.back();
    int col;
    if (t.col == -1) {
      col = tz_.cursor() == tz_.buffer_start() ? 0 : static_cast<int>(tz_.cursor() - tz_.line_start());
    } else {
      col = t.col + 1;
    }
    int end_col = t.end_col != -1 ? t.end_col + 1 : -1;
    raise_known(kind, t.line, col, t.end_line, end_col, std::move(msg));
  }
  void raise_syntax(std::string msg) { raise_last(ErrKind::Syntax, std::move(msg)); }
  void raise_indentation(std::string msg) { raise_last(ErrKind::Indentation, std::move(msg)); }

  [[gnu::noinline]] void raise_too_deep() {
    // CPython raises MemoryError here (its tokenizer's own limit, 200
    // brackets, gives "too many nested parentheses").
    raise_syntax("source too complex to parse (nested too deeply)");
  }

  void raise_unclosed_paren() {
    const Tokenizer::Paren& p = tz_.innermost_paren();
    raise_loc(ErrKind::Syntax, p.line, p.col, p.line, -1,
              std::string("'") + p.ch + "' was never closed");
  }

  // The tokenizer returned an error token (CPython's _Pypegen_tokenizer_error).
  void tokenizer_error() {
    error_ = true;
    if (has_error_) return;
    switch (tz_.status()) {
      case TokStatus::Error:
        set_tokenizer_error();
        return;
      case TokStatus::Eof:
        if (tz_.level() > 0) {
          raise_unclosed_paren();
        } else {
          raise_syntax("unexpected EOF while parsing");
        }
        return;
      case TokStatus::Dedent:
        raise_indentation("unindent does not match any outer indentation level");
        return;
      case TokStatus::TabSpace:
        raise_loc(ErrKind::Tab, tz_.lineno(), 0, tz_.lineno(), -1,
                  "inconsistent use of tabs and spaces in indentation");
        return;
      case TokStatus::TooDeep:
        raise_loc(ErrKind::Indentation, tz_.lineno(), 0, tz_.lineno(), -1,
                  "too many levels of indentation");
        return;
      case TokStatus::LineCont: {
        int col = static_cast<int>(tz_.cursor()) - static_cast<int>(tz_.buffer_start()) - 1;
        raise_loc(ErrKind::Syntax, tz_.lineno(), col >= 0 ? col : 0, tz_.lineno(), -1,
                  "unexpected character after line continuation character");
        return;
      }
      case TokStatus::Ok:
        raise_syntax("invalid token");
        return;
    }
  }

  // An error the tokenizer located itself; its text has no newline.
  void set_tokenizer_error() {
    const front::TokError& e = tz_.error();
    error_ = true;
    has_error_ = true;
    err_ = SyntaxErrorInfo{};
    err_.msg = e.msg;
    err_.filename = filename_;
    err_.line = e.line;
    err_.col = e.col;
    err_.end_line = e.line;
    err_.end_col = e.end_col;
    err_.text = e.text;
  }

  // After a failed first pass: run again with the invalid_* rules, then
  // settle on a message (CPython's _PyPegen_run_parser and
  // _PyPegen_set_syntax_error).
  void second_pass() {
    Token last = toks_.empty() ? error_token_ : toks_.back();
    if (!error_) {
      std::fill(memo_head_.begin(), memo_head_.end(), -1);
      memo_.clear();
      mark_ = 0;
      invalid_pass_ = true;
      if (fstring_mode_) {
        star_expressions();
      } else {
        file_rule();
      }
    }
    if (has_error_) {
      if (tz_.status() == TokStatus::Ok) check_rest_of_source();
      return;
    }
    if (last.kind == Tok::Indent || last.kind == Tok::Dedent) {
      raise_indentation(last.kind == Tok::Indent ? "unexpected indent" : "unexpected unindent");
      return;
    }
    // The generic error sits at the furthest token of the first pass: the
    // second pass reads further while trying its invalid_* rules.
    raise_at_token(last, "invalid syntax");
    check_rest_of_source();
  }

  // Tokenizes the rest of the input: a tokenizer error there (say an
  // unterminated string) wins over the parser's error, and so does an
  // unclosed bracket opened before the error's line.
  void check_rest_of_source() {
    replacing_error_ = true;
    int err_line = toks_.empty() ? 0 : toks_.back().line;
    for (;;) {
      Token t = tz_.next();
      if (t.kind == Tok::Error) {
        if (tz_.status() == TokStatus::Error) {
          set_tokenizer_error();
        } else if (tz_.level() != 0 && err_line > tz_.innermost_paren().line) {
          raise_unclosed_paren();
        }
        return;
      }
      if (t.kind == Tok::EndMarker) return;
    }
  }

  // =========================================================================
  // 2. Statements
  // =========================================================================

  // file: [statements] ENDMARKER
  Module* file_rule() {
    PG_ENTER();
    Body body;
    statements(body);
    if (error_ || !expect(Tok::EndMarker)) return nullptr;
    Module* m = arena_.make<Module>();
    m->body = std::move(body);
    return m;
  }

  // statements: statement+
  bool statements(Body& out) {
    PG_ENTER();
    size_t before = out.size();
    while (statement(out)) {
    }
    return !error_ && out.size() > before;
  }

  // statement: compound_stmt | simple_stmts
  bool statement(Body& out) {
    PG_ENTER();
    int m = mark_;
    if (Stmt* s = compound_stmt()) {
      out.push_back(s);
      return true;
    }
    mark_ = m;
    if (error_) return false;
    if (simple_stmts(out)) return true;
    mark_ = m;
    return false;
  }

  // simple_stmts:
  //   | simple_stmt !';' NEWLINE
  //   | ';'.simple_stmt+ [';'] NEWLINE
  bool simple_stmts(Body& out) {
    PG_ENTER();
    int m = mark_;
    if (Stmt* s = simple_stmt()) {
      if (!check(Tok::Semi) && expect(Tok::Newline)) {
        out.push_back(s);
        return true;
      }
    }
    mark_ = m;
    if (error_) return false;
    Body v;
    Stmt* s = simple_stmt();
    if (s == nullptr) {
      mark_ = m;
      return false;
    }
    v.push_back(s);
    for (;;) {
      int m2 = mark_;
      if (!expect(Tok::Semi)) break;
      Stmt* next = simple_stmt();
      if (next == nullptr) {
        mark_ = m2;
        break;
      }
      v.push_back(next);
    }
    if (error_) return false;
    expect(Tok::Semi);
    if (!expect(Tok::Newline)) {
      mark_ = m;
      return false;
    }
    out.insert(out.end(), v.begin(), v.end());
    return true;
  }

  Stmt* simple_stmt() {
    return memoized<Stmt>(kMemoSimpleStmt, [&] { return simple_stmt_raw(); });
  }

  Stmt* simple_stmt_raw() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (Stmt* a = assignment()) return a;
    mark_ = m;
    if (error_) return nullptr;
    if (Expr* e = star_expressions()) {
      ExprStmt* st = node<ExprStmt>(extra(s));
      st->value = e;
      return st;
    }
    mark_ = m;
    if (error_) return nullptr;
    Stmt* r = nullptr;
    switch (peek().kind) {
      case Tok::KwReturn: r = return_stmt(); break;
      case Tok::KwImport:
      case Tok::KwFrom: r = import_stmt(); break;
      case Tok::KwRaise: r = raise_stmt(); break;
      case Tok::KwPass:
        ++mark_;
        return node<Simple>(extra(s), StmtKind::Pass);
      case Tok::KwDel: r = del_stmt(); break;
      case Tok::KwYield: r = yield_stmt(); break;
      case Tok::KwAssert: r = assert_stmt(); break;
      case Tok::KwBreak:
        ++mark_;
        return node<Simple>(extra(s), StmtKind::Break);
      case Tok::KwContinue:
        ++mark_;
        return node<Simple>(extra(s), StmtKind::Continue);
      case Tok::KwGlobal: r = name_list_stmt(StmtKind::Global); break;
      case Tok::KwNonlocal: r = name_list_stmt(StmtKind::Nonlocal); break;
      default: break;
    }
    if (r == nullptr) mark_ = m;
    return r;
  }

  // compound_stmt: function_def | if_stmt | class_def | with_stmt | for_stmt
  //              | try_stmt | while_stmt   (each behind a lookahead)
  Stmt* compound_stmt() {
    PG_ENTER();
    int m = mark_;
    Tok k = peek().kind;
    Stmt* r = nullptr;
    if (k == Tok::KwDef || k == Tok::At || k == Tok::KwAsync) {
      if ((r = function_def())) return r;
      mark_ = m;
      if (error_) return nullptr;
    }
    if (k == Tok::KwIf) {
      if ((r = if_stmt())) return r;
      mark_ = m;
      if (error_) return nullptr;
    }
    if (k == Tok::KwClass || k == Tok::At) {
      if ((r = class_def())) return r;
      mark_ = m;
      if (error_) return nullptr;
    }
    if (k == Tok::KwWith || k == Tok::KwAsync) {
      if ((r = with_stmt())) return r;
      mark_ = m;
      if (error_) return nullptr;
    }
    if (k == Tok::KwFor || k == Tok::KwAsync) {
      if ((r = for_stmt())) return r;
      mark_ = m;
      if (error_) return nullptr;
    }
    if (k == Tok::KwTry) {
      if ((r = try_stmt())) return r;
      mark_ = m;
      if (error_) return nullptr;
    }
    if (k == Tok::KwWhile) {
      if ((r = while_stmt())) return r;
      mark_ = m;
      if (error_) return nullptr;
    }
    if (k == Tok::Name) return match_stmt();
    return nullptr;
  }

  // Constructs outside pyglass's subset (match, except*) are parsed far
  // enough to get CPython's errors for broken code; a program that is
  // otherwise valid gets this error, for the first of them.
  void note_unsupported(const Token& t, const char* what) {
    if (!unsupported_) unsupported_ = std::make_pair(token_loc(t), std::string(what));
  }

  // match_stmt:
  //   | "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
  //   | invalid_match_stmt
  // The cases are skipped, not parsed: pyglass does not run match.
  Stmt* match_stmt() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    const Token& kw = peek();
    if (kw.kind != Tok::Name || text(kw) != "match") return nullptr;
    ++mark_;
    if (subject_expr() && expect(Tok::Colon) && expect(Tok::Newline) && expect(Tok::Indent)) {
      // Each line of the block must start a case (as in CPython, the
      // parse fails at the first that does not); the rest is skipped.
      bool line_start = true;
      for (int depth = 1; depth > 0 && !error_;) {
        const Token& t = peek();
        if (t.kind == Tok::EndMarker || t.kind == Tok::Error) break;
        if (line_start && depth == 1 && t.kind != Tok::Dedent && t.kind != Tok::Indent &&
            !(t.kind == Tok::Name && text(t) == "case")) {
          break;
        }
        ++mark_;
        line_start = t.kind == Tok::Newline || t.kind == Tok::Dedent;
        depth += t.kind == Tok::Indent ? 1 : t.kind == Tok::Dedent ? -1 : 0;
        if (depth == 0) {
          note_unsupported(kw, "'match' statements are not supported by pyglass");
          return node<Simple>(extra(s), StmtKind::Pass);
        }
      }
    }
    mark_ = m;
    if (error_) return nullptr;
    if (invalid_pass_) {
      // invalid_match_stmt:
      //   | "match" subject_expr NEWLINE
      //   | a="match" subject_expr ':' NEWLINE !INDENT
      ++mark_;
      if (subject_expr() && expect(Tok::Newline)) {
        raise_syntax("expected ':'");
        return nullptr;
      }
      mark_ = m + 1;
      if (!error_ && subject_expr() && expect(Tok::Colon) && expect(Tok::Newline) && !check(Tok::Indent)) {
        raise_indentation("expected an indented block after 'match' statement on line " +
                          std::to_string(kw.line));
        return nullptr;
      }
      mark_ = m;
    }
    return nullptr;
  }

  // subject_expr: star_named_expression ',' star_named_expressions? | named_expression
  bool subject_expr() {
    PG_ENTER();
    int m = mark_;
    if (star_named_expression() && expect(Tok::Comma)) {
      int m2 = mark_;
      std::vector<Expr*> rest;
      if (!star_named_expressions(rest)) mark_ = m2;
      return !error_;
    }
    mark_ = m;
    if (error_) return false;
    return named_expression() != nullptr;
  }

  // assignment:
  //   | NAME ':' expression ['=' annotated_rhs]
  //   | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
  //   | (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
  //   | single_target augassign ~ (yield_expr | star_expressions)
  //   | invalid_assignment
  Stmt* assignment() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    // NAME ':' expression ['=' annotated_rhs]
    if (const Token* a = expect(Tok::Name)) {
      if (expect(Tok::Colon)) {
        if (Expr* b = expression()) {
          Expr* c = optional_assigned_value();
          AnnAssign* st = node<AnnAssign>(extra(s));
          st->target = name_node(*a, Ctx::Store);
          st->annotation = b;
          st->value = c;
          st->simple = true;
          return st;
        }
      }
    }
    mark_ = m;
    if (error_) return nullptr;
    {
      Expr* a = nullptr;
      if (expect(Tok::LPar)) {
        Expr* b = single_target();
        if (b != nullptr && expect(Tok::RPar)) a = b;
      }
      if (a == nullptr) {
        mark_ = m;
        if (error_) return nullptr;
        a = single_subscript_attribute_target(Ctx::Store);
      }
      if (a != nullptr && expect(Tok::Colon)) {
        if (Expr* b = expression()) {
          Expr* c = optional_assigned_value();
          AnnAssign* st = node<AnnAssign>(extra(s));
          st->target = a;
          st->annotation = b;
          st->value = c;
          st->simple = false;
          return st;
        }
      }
    }
    mark_ = m;
    if (error_) return nullptr;
    {
      std::vector<Expr*> targets;
      for (;;) {
        int m2 = mark_;
        Expr* t = star_targets();
        if (t == nullptr || !expect(Tok::Equal)) {
          mark_ = m2;
          break;
        }
        targets.push_back(t);
      }
      if (!targets.empty() && !error_) {
        Expr* v = yield_expr();
        if (v == nullptr && !error_) v = star_expressions();
        if (v != nullptr && !check(Tok::Equal)) {
          Assign* st = node<Assign>(extra(s));
          st->targets = std::move(targets);
          st->value = v;
          return st;
        }
      }
    }
    mark_ = m;
    if (error_) return nullptr;
    if (Expr* a = single_target()) {
      std::optional<Operator> op = augassign();
      if (op) {
        // Cut: after `x +=` no other alternative can apply.
        Expr* c = yield_expr();
        if (c == nullptr && !error_) c = star_expressions();
        if (c == nullptr) {
          mark_ = m;
          return nullptr;
        }
        AugAssign* st = node<AugAssign>(extra(s));
        st->target = a;
        st->op = *op;
        st->value = c;
        return st;
      }
    }
    mark_ = m;
    if (error_) return nullptr;
    if (invalid_pass_) {
      invalid_assignment();
      mark_ = m;
    }
    return nullptr;
  }

  // ['=' annotated_rhs]
  Expr* optional_assigned_value() {
    int m = mark_;
    if (expect(Tok::Equal)) {
      if (Expr* d = annotated_rhs()) return d;
    }
    mark_ = m;
    return nullptr;
  }

  // annotated_rhs: yield_expr | star_expressions
  Expr* annotated_rhs() {
    PG_ENTER();
    if (Expr* e = yield_expr()) return e;
    if (error_) return nullptr;
    return star_expressions();
  }

  std::optional<Operator> augassign() {
    Operator op;
    switch (peek().kind) {
      case Tok::PlusEqual: op = Operator::Add; break;
      case Tok::MinEqual: op = Operator::Sub; break;
      case Tok::StarEqual: op = Operator::Mult; break;
      case Tok::AtEqual: op = Operator::MatMult; break;
      case Tok::SlashEqual: op = Operator::Div; break;
      case Tok::PercentEqual: op = Operator::Mod; break;
      case Tok::AmperEqual: op = Operator::BitAnd; break;
      case Tok::VBarEqual: op = Operator::BitOr; break;
      case Tok::CircumflexEqual: op = Operator::BitXor; break;
      case Tok::LeftShiftEqual: op = Operator::LShift; break;
      case Tok::RightShiftEqual: op = Operator::RShift; break;
      case Tok::DoubleStarEqual: op = Operator::Pow; break;
      case Tok::DoubleSlashEqual: op = Operator::FloorDiv; break;
      default: return std::nullopt;
    }
    ++mark_;
    return op;
  }

  // return_stmt: 'return' [star_expressions]
  Stmt* return_stmt() {
    PG_ENTER();
    Pos s = start_pos();
    if (!expect(Tok::KwReturn)) return nullptr;
    Expr* a = star_expressions();
    if (error_) return nullptr;
    Return* st = node<Return>(extra(s));
    st->value = a;
    return st;
  }

  // raise_stmt: 'raise' expression ['from' expression] | 'raise'
  Stmt* raise_stmt() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (expect(Tok::KwRaise)) {
      if (Expr* a = expression()) {
        Expr* b = nullptr;
        int m2 = mark_;
        if (expect(Tok::KwFrom)) {
          b = expression();
          if (b == nullptr) mark_ = m2;
        }
        if (error_) return nullptr;
        Raise* st = node<Raise>(extra(s));
        st->exc = a;
        st->cause = b;
        return st;
      }
    }
    mark_ = m;
    if (error_) return nullptr;
    if (expect(Tok::KwRaise)) return node<Raise>(extra(s));
    return nullptr;
  }

  // global_stmt: 'global' ','.NAME+   (nonlocal_stmt alike)
  Stmt* name_list_stmt(StmtKind kind) {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    ++mark_;  // the keyword, checked by the caller
    std::vector<std::string> names;
    const Token* n = expect(Tok::Name);
    if (n == nullptr) {
      mark_ = m;
      return nullptr;
    }
    names.push_back(identifier(*n));
    for (;;) {
      int m2 = mark_;
      if (!expect(Tok::Comma)) break;
      n = expect(Tok::Name);
      if (n == nullptr) {
        mark_ = m2;
        break;
      }
      names.push_back(identifier(*n));
    }
    NameList* st = node<NameList>(extra(s), kind);
    st->names = std::move(names);
    return st;
  }

  // del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
  Stmt* del_stmt() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (expect(Tok::KwDel)) {
      std::vector<Expr*> targets;
      if (del_targets(targets) && (check(Tok::Semi) || check(Tok::Newline))) {
        Delete* st = node<Delete>(extra(s));
        st->targets = std::move(targets);
        return st;
      }
    }
    mark_ = m;
    if (error_) return nullptr;
    if (invalid_pass_) {
      invalid_del_stmt();
      mark_ = m;
    }
    return nullptr;
  }

  // yield_stmt: yield_expr
  Stmt* yield_stmt() {
    PG_ENTER();
    Pos s = start_pos();
    Expr* y = yield_expr();
    if (y == nullptr) return nullptr;
    ExprStmt* st = node<ExprStmt>(extra(s));
    st->value = y;
    return st;
  }

  // assert_stmt: 'assert' expression [',' expression]
  Stmt* assert_stmt() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (expect(Tok::KwAssert)) {
      if (Expr* a = expression()) {
        Expr* b = nullptr;
        int m2 = mark_;
        if (expect(Tok::Comma)) {
          b = expression();
          if (b == nullptr) mark_ = m2;
        }
        if (error_) return nullptr;
        Assert* st = node<Assert>(extra(s));
        st->test = a;
        st->msg = b;
        return st;
      }
    }
    mark_ = m;
    return nullptr;
  }

  // import_stmt: import_name | import_from
  Stmt* import_stmt() {
    PG_ENTER();
    int m = mark_;
    if (Stmt* s = import_name()) return s;
    mark_ = m;
    if (error_) return nullptr;
    if (Stmt* s = import_from()) return s;
    mark_ = m;
    return nullptr;
  }

  // import_name: 'import' dotted_as_names
  Stmt* import_name() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (!expect(Tok::KwImport)) return nullptr;
    std::vector<Alias> names;
    if (!gather_aliases(names, true)) {
      mark_ = m;
      return nullptr;
    }
    Import* st = node<Import>(extra(s));
    st->names = std::move(names);
    return st;
  }

  // ','.dotted_as_name+ (dotted) or ','.import_from_as_name+
  bool gather_aliases(std::vector<Alias>& out, bool dotted) {
    std::optional<Alias> a = dotted ? dotted_as_name() : import_from_as_name();
    if (!a) return false;
    out.push_back(std::move(*a));
    for (;;) {
      int m = mark_;
      if (!expect(Tok::Comma)) break;
      a = dotted ? dotted_as_name() : import_from_as_name();
      if (!a) {
        mark_ = m;
        break;
      }
      out.push_back(std::move(*a));
    }
    return !error_;
  }

  // dotted_as_name: dotted_name ['as' NAME]
  std::optional<Alias> dotted_as_name() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    std::optional<std::string> name = dotted_name();
    if (!name) {
      mark_ = m;
      return std::nullopt;
    }
    Alias a;
    a.name = std::move(*name);
    a.asname = optional_as_name();
    a.loc = extra(s);
    return a;
  }

  // import_from_as_name: NAME ['as' NAME]
  std::optional<Alias> import_from_as_name() {
    PG_ENTER();
    Pos s = start_pos();
    const Token* n = expect(Tok::Name);
    if (n == nullptr) return std::nullopt;
    Alias a;
    a.name = identifier(*n);
    a.asname = optional_as_name();
    a.loc = extra(s);
    return a;
  }

  // ['as' NAME]
  std::optional<std::string> optional_as_name() {
    int m = mark_;
    if (expect(Tok::KwAs)) {
      if (const Token* z = expect(Tok::Name)) return identifier(*z);
    }
    mark_ = m;
    return std::nullopt;
  }

  // dotted_name: dotted_name '.' NAME | NAME
  std::optional<std::string> dotted_name() {
    PG_ENTER();
    const Token* n = expect(Tok::Name);
    if (n == nullptr) return std::nullopt;
    std::string name = identifier(*n);
    for (;;) {
      int m = mark_;
      if (!expect(Tok::Dot)) break;
      const Token* b = expect(Tok::Name);
      if (b == nullptr) {
        mark_ = m;
        break;
      }
      name += '.';
      name += identifier(*b);
    }
    return name;
  }

  // import_from:
  //   | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
  //   | 'from' ('.' | '...')+ 'import' import_from_targets
  Stmt* import_from() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (!expect(Tok::KwFrom)) return nullptr;
    int level = 0;
    for (;;) {
      if (expect(Tok::Dot)) {
        level += 1;
      } else if (expect(Tok::Ellipsis)) {
        level += 3;
      } else {
        break;
      }
    }
    int after_dots = mark_;
    std::vector<Alias> names;
    if (std::optional<std::string> b = dotted_name()) {
      if (expect(Tok::KwImport) && import_from_targets(names)) {
        ImportFrom* st = node<ImportFrom>(extra(s));
        st->module = std::move(*b);
        st->names = std::move(names);
        st->level = level;
        return st;
      }
    }
    mark_ = after_dots;
    if (error_) return nullptr;
    names.clear();
    if (level > 0 && expect(Tok::KwImport) && import_from_targets(names)) {
      ImportFrom* st = node<ImportFrom>(extra(s));
      st->names = std::move(names);
      st->level = level;
      return st;
    }
    mark_ = m;
    return nullptr;
  }

  // import_from_targets:
  //   | '(' import_from_as_names [','] ')'
  //   | import_from_as_names !','
  //   | '*'
  //   | invalid_import_from_targets
  bool import_from_targets(std::vector<Alias>& out) {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (expect(Tok::LPar)) {
      if (gather_aliases(out, false)) {
        expect(Tok::Comma);
        if (expect(Tok::RPar)) return true;
      }
    }
    mark_ = m;
    out.clear();
    if (error_) return false;
    if (gather_aliases(out, false) && !check(Tok::Comma)) return true;
    mark_ = m;
    out.clear();
    if (error_) return false;
    if (expect(Tok::Star)) {
      Alias star;
      star.name = "*";
      star.loc = extra(s);
      out.push_back(std::move(star));
      return true;
    }
    if (invalid_pass_) {
      // invalid_import_from_targets: import_from_as_names ',' NEWLINE
      std::vector<Alias> ignored;
      if (gather_aliases(ignored, false) && expect(Tok::Comma) && expect(Tok::Newline)) {
        raise_syntax("trailing comma not allowed without surrounding parentheses");
      }
      mark_ = m;
    }
    return false;
  }

  // block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
  Body* block() {
    return memoized<Body>(kMemoBlock, [&] { return block_raw(); });
  }

  Body* block_raw() {
    PG_ENTER();
    int m = mark_;
    if (expect(Tok::Newline) && expect(Tok::Indent)) {
      Body body;
      if (statements(body) && expect(Tok::Dedent)) return new_body(std::move(body));
    }
    mark_ = m;
    if (error_) return nullptr;
    {
      Body body;
      if (simple_stmts(body)) return new_body(std::move(body));
    }
    mark_ = m;
    if (error_) return nullptr;
    if (invalid_pass_) {
      // invalid_block: NEWLINE !INDENT
      if (expect(Tok::Newline) && !check(Tok::Indent)) {
        raise_indentation("expected an indented block");
      }
      mark_ = m;
    }
    return nullptr;
  }

  Body* new_body(Body body) {
    bodies_.push_back(std::move(body));
    return &bodies_.back();
  }

  // decorators: ('@' named_expression NEWLINE)+
  bool decorators(std::vector<Expr*>& out) {
    PG_ENTER();
    for (;;) {
      int m = mark_;
      if (expect(Tok::At)) {
        Expr* f = named_expression();
        if (f != nullptr && expect(Tok::Newline)) {
          out.push_back(f);
          continue;
        }
      }
      mark_ = m;
      break;
    }
    return !error_ && !out.empty();
  }

  // class_def: decorators class_def_raw | class_def_raw
  Stmt* class_def() {
    PG_ENTER();
    int m = mark_;
    std::vector<Expr*> decos;
    if (decorators(decos)) {
      if (ClassDef* c = class_def_raw()) {
        // A copy, as CPython builds a new node: the memoised one stays clean.
        ClassDef* d = node<ClassDef>(c->loc, *c);
        d->decorator_list = std::move(decos);
        return d;
      }
    }
    mark_ = m;
    if (error_) return nullptr;
    return class_def_raw();
  }

  // class_def_raw:
  //   | invalid_class_def_raw
  //   | 'class' NAME ['(' [arguments] ')'] ':' block
  ClassDef* class_def_raw() {
    PG_ENTER();
    int m = mark_;
    if (invalid_pass_) {
      invalid_class_def_raw();
      mark_ = m;
      if (error_) return nullptr;
    }
    Pos s = start_pos();
    if (!expect(Tok::KwClass)) return nullptr;
    const Token* a = expect(Tok::Name);
    if (a == nullptr) {
      mark_ = m;
      return nullptr;
    }
    Call* b = nullptr;
    {
      int m2 = mark_;
      if (expect(Tok::LPar)) {
        int m3 = mark_;
        Call* z = arguments();
        if (z == nullptr) mark_ = m3;
        if (!error_ && expect(Tok::RPar)) {
          b = z != nullptr ? z : empty_call_;
        } else {
          mark_ = m2;
        }
      }
      if (b == nullptr) mark_ = m2;
    }
    if (error_ || !expect(Tok::Colon)) {
      mark_ = m;
      return nullptr;
    }
    Body* c = block();
    if (c == nullptr) {
      mark_ = m;
      return nullptr;
    }
    ClassDef* cd = node<ClassDef>(extra(s));
    cd->name = identifier(*a);
    if (b != nullptr) {
      cd->bases = b->args;
      cd->keywords = b->keywords;
    }
    cd->body = *c;
    return cd;
  }

  // function_def: decorators function_def_raw | function_def_raw
  Stmt* function_def() {
    PG_ENTER();
    int m = mark_;
    std::vector<Expr*> decos;
    if (decorators(decos)) {
      if (FunctionDef* f = function_def_raw()) {
        FunctionDef* d = node<FunctionDef>(f->loc, *f);
        d->decorator_list = std::move(decos);
        return d;
      }
    }
    mark_ = m;
    if (error_) return nullptr;
    return function_def_raw();
  }

  // function_def_raw:
  //   | invalid_def_raw
  //   | 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
  //   | ASYNC 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
  FunctionDef* function_def_raw() {
    PG_ENTER();
    int m = mark_;
    if (invalid_pass_) {
      invalid_def_raw();
      mark_ = m;
      if (error_) return nullptr;
    }
    Pos s = start_pos();
    bool is_async = expect(Tok::KwAsync) != nullptr;
    if (!expect(Tok::KwDef)) {
      mark_ = m;
      return nullptr;
    }
    const Token* n = expect(Tok::Name);
    if (n == nullptr) {
      mark_ = m;
      return nullptr;
    }
    if (!expect_forced(Tok::LPar, "(")) return nullptr;
    Arguments args;
    {
      int m2 = mark_;
      if (!params(args, false)) {
        mark_ = m2;
        args = Arguments{};
      }
    }
    if (error_ || !expect(Tok::RPar)) {
      mark_ = m;
      return nullptr;
    }
    Expr* returns = nullptr;
    {
      int m2 = mark_;
      if (expect(Tok::RArrow)) {
        returns = expression();
        if (returns == nullptr) mark_ = m2;
      }
    }
    if (error_ || !expect_forced(Tok::Colon, ":")) return nullptr;
    Body* b = block();
    if (b == nullptr) {
      mark_ = m;
      return nullptr;
    }
    FunctionDef* f = node<FunctionDef>(extra(s), is_async ? StmtKind::AsyncFunctionDef : StmtKind::FunctionDef);
    f->name = identifier(*n);
    f->args = std::move(args);
    f->body = *b;
    f->returns = returns;
    return f;
  }

  // --- parameters ----------------------------------------------------------
  // The same rules serve `def` (annotations allowed, list ends at ')') and
  // `lambda` (no annotations, list ends at ':').

  Tok params_end(bool lambda) const { return lambda ? Tok::Colon : Tok::RPar; }

  // params: invalid_parameters | parameters
  bool params(Arguments& out, bool lambda) {
    PG_ENTER();
    int m = mark_;
    if (invalid_pass_) {
      invalid_parameters(lambda);
      mark_ = m;
      if (error_) return false;
    }
    return parameters(out, lambda);
  }

  // parameters:
  //   | slash_no_default param_no_default* param_with_default* [star_etc]
  //   | slash_with_default param_with_default* [star_etc]
  //   | param_no_default+ param_with_default* [star_etc]
  //   | param_with_default+ [star_etc]
  //   | star_etc
  bool parameters(Arguments& out, bool lambda) {
    PG_ENTER();
    int m = mark_;
    {
      std::vector<Arg> a;
      if (slash_no_default(a, lambda)) {
        std::vector<Arg> b;
        std::vector<NameDefault> c;
        while (auto p = param_no_default(lambda)) b.push_back(std::move(*p));
        while (auto p = param_with_default(lambda)) c.push_back(std::move(*p));
        std::optional<StarEtc> d = star_etc(lambda);
        if (!error_) {
          make_arguments(out, &a, nullptr, &b, &c, d);
          return true;
        }
      }
    }
    mark_ = m;
    if (error_) return false;
    {
      SlashWithDefault a;
      if (slash_with_default(a, lambda)) {
        std::vector<NameDefault> b;
        while (auto p = param_with_default(lambda)) b.push_back(std::move(*p));
        std::optional<StarEtc> c = star_etc(lambda);
        if (!error_) {
          make_arguments(out, nullptr, &a, nullptr, &b, c);
          return true;
        }
      }
    }
    mark_ = m;
    if (error_) return false;
    {
      std::vector<Arg> a;
      while (auto p = param_no_default(lambda)) a.push_back(std::move(*p));
      if (!a.empty() && !error_) {
        std::vector<NameDefault> b;
        while (auto p = param_with_default(lambda)) b.push_back(std::move(*p));
        std::optional<StarEtc> c = star_etc(lambda);
        if (!error_) {
          make_arguments(out, nullptr, nullptr, &a, &b, c);
          return true;
        }
      }
    }
    mark_ = m;
    if (error_) return false;
    {
      std::vector<NameDefault> a;
      while (auto p = param_with_default(lambda)) a.push_back(std::move(*p));
      if (!a.empty() && !error_) {
        std::optional<StarEtc> b = star_etc(lambda);
        if (!error_) {
          make_arguments(out, nullptr, nullptr, nullptr, &a, b);
          return true;
        }
      }
    }
    mark_ = m;
    if (error_) return false;
    if (std::optional<StarEtc> a = star_etc(lambda)) {
      make_arguments(out, nullptr, nullptr, nullptr, nullptr, a);
      return true;
    }
    mark_ = m;
    return false;
  }

  // CPython's _PyPegen_make_arguments.
  static void make_arguments(Arguments& out, std::vector<Arg>* slash_without_default,
                             SlashWithDefault* slash_with_default, std::vector<Arg>* plain_names,
                             std::vector<NameDefault>* names_with_default,
                             std::optional<StarEtc>& star_etc) {
    out = Arguments{};
    if (slash_without_default != nullptr) {
      out.posonlyargs = *slash_without_default;
    } else if (slash_with_default != nullptr) {
      out.posonlyargs = slash_with_default->plain;
      for (NameDefault& nd : slash_with_default->with_default) out.posonlyargs.push_back(nd.arg);
    }
    if (plain_names != nullptr) out.args = *plain_names;
    if (names_with_default != nullptr) {
      for (NameDefault& nd : *names_with_default) out.args.push_back(nd.arg);
    }
    if (slash_with_default != nullptr) {
      for (NameDefault& nd : slash_with_default->with_default) out.defaults.push_back(nd.value);
    }
    if (names_with_default != nullptr) {
      for (NameDefault& nd : *names_with_default) out.defaults.push_back(nd.value);
    }
    if (star_etc) {
      out.vararg = star_etc->vararg;
      for (NameDefault& nd : star_etc->kwonly) {
        out.kwonlyargs.push_back(nd.arg);
        out.kw_defaults.push_back(nd.value);
      }
      out.kwarg = star_etc->kwarg;
    }
  }

  // slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')'
  bool slash_no_default(std::vector<Arg>& out, bool lambda) {
    PG_ENTER();
    int m = mark_;
    while (auto p = param_no_default(lambda)) out.push_back(std::move(*p));
    if (!out.empty() && !error_ && expect(Tok::Slash)) {
      if (expect(Tok::Comma) || check(params_end(lambda))) return true;
    }
    mark_ = m;
    out.clear();
    return false;
  }

  // slash_with_default:
  //   | param_no_default* param_with_default+ '/' ','
  //   | param_no_default* param_with_default+ '/' &')'
  bool slash_with_default(SlashWithDefault& out, bool lambda) {
    PG_ENTER();
    int m = mark_;
    while (auto p = param_no_default(lambda)) out.plain.push_back(std::move(*p));
    while (auto p = param_with_default(lambda)) out.with_default.push_back(std::move(*p));
    if (!out.with_default.empty() && !error_ && expect(Tok::Slash)) {
      if (expect(Tok::Comma) || check(params_end(lambda))) return true;
    }
    mark_ = m;
    out = SlashWithDefault{};
    return false;
  }

  // star_etc:
  //   | invalid_star_etc
  //   | '*' param_no_default param_maybe_default* [kwds]
  //   | '*' param_no_default_star_annotation param_maybe_default* [kwds]   (def only)
  //   | '*' ',' param_maybe_default+ [kwds]
  //   | kwds
  std::optional<StarEtc> star_etc(bool lambda) {
    PG_ENTER();
    int m = mark_;
    if (invalid_pass_) {
      invalid_star_etc(lambda);
      mark_ = m;
      if (error_) return std::nullopt;
    }
    if (expect(Tok::Star)) {
      if (auto a = param_no_default(lambda)) {
        StarEtc r;
        r.vararg = std::move(*a);
        while (auto p = param_maybe_default(lambda)) r.kwonly.push_back(std::move(*p));
        r.kwarg = kwds(lambda);
        if (!error_) return r;
      }
    }
    mark_ = m;
    if (error_) return std::nullopt;
    if (!lambda && expect(Tok::Star)) {
      if (auto a = param_no_default_star_annotation()) {
        StarEtc r;
        r.vararg = std::move(*a);
        while (auto p = param_maybe_default(lambda)) r.kwonly.push_back(std::move(*p));
        r.kwarg = kwds(lambda);
        if (!error_) return r;
      }
    }
    mark_ = m;
    if (error_) return std::nullopt;
    if (expect(Tok::Star) && expect(Tok::Comma)) {
      StarEtc r;
      while (auto p = param_maybe_default(lambda)) r.kwonly.push_back(std::move(*p));
      if (!r.kwonly.empty() && !error_) {
        r.kwarg = kwds(lambda);
        if (!error_) return r;
      }
    }
    mark_ = m;
    if (error_) return std::nullopt;
    if (auto a = kwds(lambda)) {
      StarEtc r;
      r.kwarg = std::move(a);
      return r;
    }
    mark_ = m;
    return std::nullopt;
  }

  // kwds: invalid_kwds | '**' param_no_default
  std::optional<Arg> kwds(bool lambda) {
    PG_ENTER();
    int m = mark_;
    if (invalid_pass_) {
      invalid_kwds(lambda);
      mark_ = m;
      if (error_) return std::nullopt;
    }
    if (expect(Tok::DoubleStar)) {
      if (auto a = param_no_default(lambda)) return a;
    }
    mark_ = m;
    return std::nullopt;
  }

  // CPython's def parameters accept a type comment after the comma
  // (`param ',' TYPE_COMMENT?`): looking for it reads one token further,
  // which moves the position of some errors.
  bool param_comma(bool lambda) {
    if (!expect(Tok::Comma)) return false;
    if (!lambda) peek();
    return true;
  }

  // param_no_default: param ',' TYPE_COMMENT? | param TYPE_COMMENT? &')'
  std::optional<Arg> param_no_default(bool lambda) {
    PG_ENTER();
    int m = mark_;
    if (auto a = param(lambda)) {
      if (param_comma(lambda) || check(params_end(lambda))) return a;
    }
    mark_ = m;
    return std::nullopt;
  }

  // param_no_default_star_annotation: param_star_annotation ',' | param_star_annotation &')'
  // param_star_annotation: NAME star_annotation
  std::optional<Arg> param_no_default_star_annotation() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (const Token* n = expect(Tok::Name)) {
      if (expect(Tok::Colon)) {
        if (Expr* ann = star_expression()) {
          Arg a;
          a.name = identifier(*n);
          a.annotation = ann;
          a.loc = extra(s);
          if (param_comma(false) || check(Tok::RPar)) return a;
        }
      }
    }
    mark_ = m;
    return std::nullopt;
  }

  // param_with_default: param default ',' | param default &')'
  std::optional<NameDefault> param_with_default(bool lambda) {
    PG_ENTER();
    int m = mark_;
    if (auto a = param(lambda)) {
      if (Expr* c = default_value()) {
        if (param_comma(lambda) || check(params_end(lambda))) return NameDefault{std::move(*a), c};
      }
    }
    mark_ = m;
    return std::nullopt;
  }

  // param_maybe_default: param default? ',' | param default? &')'
  std::optional<NameDefault> param_maybe_default(bool lambda) {
    PG_ENTER();
    int m = mark_;
    if (auto a = param(lambda)) {
      int m2 = mark_;
      Expr* c = default_value();
      if (c == nullptr) mark_ = m2;
      if (!error_ && (param_comma(lambda) || check(params_end(lambda)))) {
        return NameDefault{std::move(*a), c};
      }
    }
    mark_ = m;
    return std::nullopt;
  }

  // param: NAME annotation?      lambda_param: NAME
  std::optional<Arg> param(bool lambda) {
    PG_ENTER();
    Pos s = start_pos();
    const Token* n = expect(Tok::Name);
    if (n == nullptr) return std::nullopt;
    Arg a;
    a.name = identifier(*n);
    if (!lambda) {
      int m = mark_;
      if (expect(Tok::Colon)) {
        a.annotation = expression();
        if (a.annotation == nullptr) mark_ = m;
      }
      if (error_) return std::nullopt;
    }
    a.loc = extra(s);
    return a;
  }

  // default: '=' expression | invalid_default
  Expr* default_value() {
    PG_ENTER();
    int m = mark_;
    if (expect(Tok::Equal)) {
      if (Expr* e = expression()) return e;
    }
    mark_ = m;
    if (error_) return nullptr;
    if (invalid_pass_) {
      // invalid_default: '=' &(')'|',')
      if (const Token* a = expect(Tok::Equal)) {
        if (check(Tok::RPar) || check(Tok::Comma)) {
          raise_at_token(*a, "expected default value expression");
        }
      }
      mark_ = m;
    }
    return nullptr;
  }

  // --- if / while / for / with / try ---------------------------------------

  // if_stmt:
  //   | invalid_if_stmt
  //   | 'if' named_expression ':' block elif_stmt
  //   | 'if' named_expression ':' block [else_block]
  // elif_stmt: the same with 'elif'.
  Stmt* if_stmt(Tok keyword = Tok::KwIf) {
    PG_ENTER();
    int m = mark_;
    if (invalid_pass_) {
      invalid_if_stmt(keyword);
      mark_ = m;
      if (error_) return nullptr;
    }
    Pos s = start_pos();
    if (!expect(keyword)) return nullptr;
    Expr* a = named_expression();
    if (a == nullptr || !expect(Tok::Colon)) {
      mark_ = m;
      return nullptr;
    }
    Body* b = block();
    if (b == nullptr) {
      mark_ = m;
      return nullptr;
    }
    int m2 = mark_;
    Body orelse;
    if (check(Tok::KwElif)) {
      if (Stmt* c = if_stmt(Tok::KwElif)) {
        orelse.push_back(c);
      } else {
        mark_ = m2;
      }
    }
    if (error_) return nullptr;
    if (orelse.empty()) {
      if (Body* c = else_block()) {
        orelse = *c;
      } else {
        mark_ = m2;
      }
      if (error_) return nullptr;
    }
    If* st = node<If>(extra(s));
    st->test = a;
    st->body = *b;
    st->orelse = std::move(orelse);
    return st;
  }

  // else_block: invalid_else_stmt | 'else' &&':' block
  Body* else_block() {
    PG_ENTER();
    int m = mark_;
    if (invalid_pass_) {
      // invalid_else_stmt: 'else' ':' NEWLINE !INDENT
      if (const Token* a = expect(Tok::KwElse)) {
        if (expect(Tok::Colon) && expect(Tok::Newline) && !check(Tok::Indent)) {
          raise_indentation("expected an indented block after 'else' statement on line " +
                            std::to_string(a->line));
          return nullptr;
        }
      }
      mark_ = m;
      if (error_) return nullptr;
    }
    if (!expect(Tok::KwElse)) return nullptr;
    if (!expect_forced(Tok::Colon, ":")) return nullptr;
    Body* b = block();
    if (b == nullptr) mark_ = m;
    return b;
  }

  // while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block]
  Stmt* while_stmt() {
    PG_ENTER();
    int m = mark_;
    if (invalid_pass_) {
      invalid_while_stmt();
      mark_ = m;
      if (error_) return nullptr;
    }
    Pos s = start_pos();
    if (!expect(Tok::KwWhile)) return nullptr;
    Expr* a = named_expression();
    if (a == nullptr || !expect(Tok::Colon)) {
      mark_ = m;
      return nullptr;
    }
    Body* b = block();
    if (b == nullptr) {
      mark_ = m;
      return nullptr;
    }
    int m2 = mark_;
    Body* c = else_block();
    if (c == nullptr) mark_ = m2;
    if (error_) return nullptr;
    While* st = node<While>(extra(s));
    st->test = a;
    st->body = *b;
    if (c != nullptr) st->orelse = *c;
    return st;
  }

  // for_stmt:
  //   | invalid_for_stmt
  //   | 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
  //   | ASYNC 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
  //   | invalid_for_target
  Stmt* for_stmt() {
    PG_ENTER();
    int m = mark_;
    if (invalid_pass_) {
      invalid_for_stmt();
      mark_ = m;
      if (error_) return nullptr;
    }
    Pos s = start_pos();
    for (int attempt = 0; attempt < 2; ++attempt) {
      mark_ = m;
      bool is_async = attempt == 1;
      if (is_async && !expect(Tok::KwAsync)) break;
      if (!expect(Tok::KwFor)) continue;
      Expr* t = star_targets();
      if (t == nullptr || !expect(Tok::KwIn)) continue;
      // Cut: past `in`, this is a for statement or an error.
      Expr* ex = star_expressions();
      if (ex == nullptr || !expect(Tok::Colon)) {
        mark_ = m;
        return nullptr;
      }
      Body* b = block();
      if (b == nullptr) {
        mark_ = m;
        return nullptr;
      }
      int m2 = mark_;
      Body* el = else_block();
      if (el == nullptr) mark_ = m2;
      if (error_) return nullptr;
      For* st = node<For>(extra(s), is_async ? StmtKind::AsyncFor : StmtKind::For);
      st->target = t;
      st->iter = ex;
      st->body = *b;
      if (el != nullptr) st->orelse = *el;
      return st;
    }
    mark_ = m;
    if (error_) return nullptr;
    if (invalid_pass_) {
      invalid_for_target();
      mark_ = m;
    }
    return nullptr;
  }

  // with_stmt:
  //   | invalid_with_stmt_indent
  //   | 'with' '(' ','.with_item+ ','? ')' ':' block
  //   | 'with' ','.with_item+ ':' [TYPE_COMMENT] block
  //   | ASYNC 'with' '(' ','.with_item+ ','? ')' ':' block
  //   | ASYNC 'with' ','.with_item+ ':' [TYPE_COMMENT] block
  //   | invalid_with_stmt
  Stmt* with_stmt() {
    PG_ENTER();
    int m = mark_;
    if (invalid_pass_) {
      invalid_with_stmt_indent();
      mark_ = m;
      if (error_) return nullptr;
    }
    Pos s = start_pos();
    for (int alt = 0; alt < 4; ++alt) {
      mark_ = m;
      bool is_async = alt >= 2;
      bool parenthesized = alt % 2 == 0;
      if (is_async && !expect(Tok::KwAsync)) break;
      if (!expect(Tok::KwWith)) continue;
      if (parenthesized && !expect(Tok::LPar)) continue;
      std::vector<WithItem> items;
      if (!gather_with_items(items)) {
        if (error_) return nullptr;
        continue;
      }
      if (parenthesized) {
        expect(Tok::Comma);
        if (!expect(Tok::RPar)) continue;
      }
      if (!expect(Tok::Colon)) continue;
      Body* b = block();
      if (b == nullptr) {
        if (error_) return nullptr;
        continue;
      }
      With* st = node<With>(extra(s), is_async ? StmtKind::AsyncWith : StmtKind::With);
      st->items = std::move(items);
      st->body = *b;
      return st;
    }
    mark_ = m;
    if (error_) return nullptr;
    if (invalid_pass_) {
      invalid_with_stmt();
      mark_ = m;
    }
    return nullptr;
  }

  bool gather_with_items(std::vector<WithItem>& out) {
    std::optional<WithItem> w = with_item();
    if (!w) return false;
    out.push_back(*w);
    for (;;) {
      int m = mark_;
      if (!expect(Tok::Comma)) break;
      w = with_item();
      if (!w) {
        mark_ = m;
        break;
      }
      out.push_back(*w);
    }
    return !error_;
  }

  // with_item:
  //   | expression 'as' star_target &(',' | ')' | ':')
  //   | invalid_with_item
  //   | expression
  std::optional<WithItem> with_item() {
    PG_ENTER();
    int m = mark_;
    if (Expr* e = expression()) {
      if (expect(Tok::KwAs)) {
        if (Expr* t = star_target()) {
          if (check(Tok::Comma) || check(Tok::RPar) || check(Tok::Colon)) return WithItem{e, t};
        }
      }
    }
    mark_ = m;
    if (error_) return std::nullopt;
    if (invalid_pass_) {
      // invalid_with_item: expression 'as' expression &(',' | ')' | ':')
      if (expression() && expect(Tok::KwAs)) {
        if (Expr* a = expression()) {
          if (check(Tok::Comma) || check(Tok::RPar) || check(Tok::Colon)) {
            raise_invalid_target(TargetsType::Star, a);
            if (error_) return std::nullopt;
          }
        }
      }
      mark_ = m;
      if (error_) return std::nullopt;
    }
    if (Expr* e = expression()) return WithItem{e, nullptr};
    mark_ = m;
    return std::nullopt;
  }

  // try_stmt:
  //   | invalid_try_stmt
  //   | 'try' &&':' block finally_block
  //   | 'try' &&':' block except_block+ [else_block] [finally_block]
  //   | 'try' &&':' block except_star_block+ [else_block] [finally_block]
  Stmt* try_stmt() {
    PG_ENTER();
    int m = mark_;
    if (invalid_pass_) {
      invalid_try_stmt();
      mark_ = m;
      if (error_) return nullptr;
    }
    Pos s = start_pos();
    if (!expect(Tok::KwTry)) return nullptr;
    if (!expect_forced(Tok::Colon, ":")) return nullptr;
    Body* b = block();
    if (b == nullptr) {
      mark_ = m;
      return nullptr;
    }
    int after_body = mark_;
    if (Body* f = finally_block()) {
      Try* st = node<Try>(extra(s));
      st->body = *b;
      st->finalbody = *f;
      return st;
    }
    mark_ = after_body;
    if (error_) return nullptr;
    std::vector<ExceptHandler> handlers;
    while (auto h = except_block()) handlers.push_back(std::move(*h));
    if (error_) return nullptr;
    if (handlers.empty()) {
      // except_star_block+ (parsed, then refused: see note_unsupported).
      mark_ = after_body;
      while (auto h = except_star_block()) handlers.push_back(std::move(*h));
      if (error_) return nullptr;
      if (handlers.empty()) {
        mark_ = m;
        return nullptr;
      }
    }
    Try* st = node<Try>(extra(s));  // end fixed below
    st->body = *b;
    st->handlers = std::move(handlers);
    int m2 = mark_;
    if (Body* el = else_block()) {
      st->orelse = *el;
    } else {
      mark_ = m2;
    }
    if (error_) return nullptr;
    m2 = mark_;
    if (Body* f = finally_block()) {
      st->finalbody = *f;
    } else {
      mark_ = m2;
    }
    if (error_) return nullptr;
    st->loc = extra(s);
    return st;
  }

  // except_block:
  //   | invalid_except_stmt_indent
  //   | 'except' expression ['as' NAME] ':' block
  //   | 'except' ':' block
  //   | invalid_except_stmt
  std::optional<ExceptHandler> except_block() {
    PG_ENTER();
    int m = mark_;
    if (invalid_pass_) {
      invalid_except_stmt_indent();
      mark_ = m;
      if (error_) return std::nullopt;
    }
    Pos s = start_pos();
    if (expect(Tok::KwExcept)) {
      if (Expr* e = expression()) {
        std::optional<std::string> name = optional_as_name();
        if (expect(Tok::Colon)) {
          if (Body* b = block()) {
            ExceptHandler h;
            h.type = e;
            h.name = std::move(name);
            h.body = *b;
            h.loc = extra(s);
            return h;
          }
        }
      }
    }
    mark_ = m;
    if (error_) return std::nullopt;
    if (expect(Tok::KwExcept) && expect(Tok::Colon)) {
      if (Body* b = block()) {
        ExceptHandler h;
        h.body = *b;
        h.loc = extra(s);
        return h;
      }
    }
    mark_ = m;
    if (error_) return std::nullopt;
    if (invalid_pass_) {
      invalid_except_stmt();
      mark_ = m;
    }
    return std::nullopt;
  }

  // except_star_block:
  //   | invalid_except_star_stmt_indent
  //   | 'except' '*' expression ['as' NAME] ':' block
  //   | invalid_except_stmt
  std::optional<ExceptHandler> except_star_block() {
    PG_ENTER();
    int m = mark_;
    if (invalid_pass_) {
      if (const Token* a = expect(Tok::KwExcept)) {
        if (expect(Tok::Star) && expression()) {
          optional_as_name();
          if (expect(Tok::Colon) && expect(Tok::Newline) && !check(Tok::Indent)) {
            raise_indentation("expected an indented block after 'except*' statement on line " +
                              std::to_string(a->line));
            return std::nullopt;
          }
        }
      }
      mark_ = m;
      if (error_) return std::nullopt;
    }
    Pos s = start_pos();
    if (const Token* a = expect(Tok::KwExcept)) {
      if (expect(Tok::Star)) {
        if (Expr* e = expression()) {
          std::optional<std::string> name = optional_as_name();
          if (expect(Tok::Colon)) {
            if (Body* b = block()) {
              note_unsupported(*a, "'except*' (exception groups) is not supported by pyglass");
              ExceptHandler h;
              h.type = e;
              h.name = std::move(name);
              h.body = *b;
              h.loc = extra(s);
              return h;
            }
          }
        }
      }
    }
    mark_ = m;
    if (error_) return std::nullopt;
    if (invalid_pass_) {
      invalid_except_stmt();
      mark_ = m;
    }
    return std::nullopt;
  }

  // finally_block: invalid_finally_stmt | 'finally' &&':' block
  Body* finally_block() {
    PG_ENTER();
    int m = mark_;
    if (invalid_pass_) {
      // invalid_finally_stmt: 'finally' ':' NEWLINE !INDENT
      if (const Token* a = expect(Tok::KwFinally)) {
        if (expect(Tok::Colon) && expect(Tok::Newline) && !check(Tok::Indent)) {
          raise_indentation("expected an indented block after 'finally' statement on line " +
                            std::to_string(a->line));
          return nullptr;
        }
      }
      mark_ = m;
      if (error_) return nullptr;
    }
    if (!expect(Tok::KwFinally)) return nullptr;
    if (!expect_forced(Tok::Colon, ":")) return nullptr;
    Body* b = block();
    if (b == nullptr) mark_ = m;
    return b;
  }

  // =========================================================================
  // 3. Expressions
  // =========================================================================

  Sequence* tuple_node(const Loc& loc, std::vector<Expr*> elts, Ctx ctx) {
    Sequence* t = node<Sequence>(loc, ExprKind::Tuple);
    t->elts = std::move(elts);
    t->ctx = ctx;
    return t;
  }

  // expressions / star_expressions:
  //   | item (',' item)+ [','] | item ',' | item
  Expr* item_list(Expr* (Parser::*item)()) {
    PG_ENTER();
    Pos s = start_pos();
    Expr* a = (this->*item)();
    if (a == nullptr) return nullptr;
    if (!check(Tok::Comma)) return a;  // the common case: no tuple
    std::vector<Expr*> elts{a};
    for (;;) {
      int m = mark_;
      if (!expect(Tok::Comma)) break;
      Expr* c = (this->*item)();
      if (c == nullptr) {
        mark_ = m;
        break;
      }
      elts.push_back(c);
    }
    if (error_) return nullptr;
    if (elts.size() > 1) {
      expect(Tok::Comma);
      return tuple_node(extra(s), std::move(elts), Ctx::Load);
    }
    if (expect(Tok::Comma)) return tuple_node(extra(s), std::move(elts), Ctx::Load);
    return a;
  }
  Expr* expressions() { return item_list(&Parser::expression); }
  Expr* star_expressions() { return item_list(&Parser::star_expression); }

  // expression (memo):
  //   | invalid_expression | invalid_legacy_expression
  //   | disjunction 'if' disjunction 'else' expression
  //   | disjunction
  //   | lambdef
  Expr* expression() {
    return memoized<Expr>(kMemoExpression, [&] { return expression_raw(); });
  }
  Expr* expression_raw() {
    PG_ENTER();
    int m = mark_;
    if (invalid_pass_) {
      invalid_expression();
      mark_ = m;
      if (error_) return nullptr;
      invalid_legacy_expression();
      mark_ = m;
      if (error_) return nullptr;
    }
    return expression_without_invalid_body();
  }

  Expr* expression_without_invalid_body() {
    int m = mark_;
    Pos s = start_pos();
    if (Expr* a = disjunction()) {
      int m2 = mark_;
      if (expect(Tok::KwIf)) {
        if (Expr* b = disjunction()) {
          if (expect(Tok::KwElse)) {
            if (Expr* c = expression()) {
              IfExp* e = node<IfExp>(extra(s));
              e->test = b;
              e->body = a;
              e->orelse = c;
              return e;
            }
          }
        }
      }
      if (error_) return nullptr;
      mark_ = m2;
      return a;
    }
    mark_ = m;
    if (error_) return nullptr;
    return lambdef();
  }

  // expression_without_invalid: like expression, with the invalid_* rules
  // switched off below it (CPython's *_without_invalid convention).
  Expr* expression_without_invalid() {
    PG_ENTER();
    bool saved = invalid_pass_;
    invalid_pass_ = false;
    Expr* e = expression_without_invalid_body();
    invalid_pass_ = saved;
    return e;
  }

  // yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
  Expr* yield_expr() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (!expect(Tok::KwYield)) return nullptr;
    if (expect(Tok::KwFrom)) {
      if (Expr* a = expression()) {
        YieldFrom* y = node<YieldFrom>(extra(s));
        y->value = a;
        return y;
      }
    }
    mark_ = m + 1;
    if (error_) return nullptr;
    Expr* a = star_expressions();
    if (error_) return nullptr;
    Yield* y = node<Yield>(extra(s));
    y->value = a;
    return y;
  }

  // star_expression (memo): '*' bitwise_or | expression
  Expr* star_expression() {
    return memoized<Expr>(kMemoStarExpression, [&]() -> Expr* {
      PG_ENTER();
      int m = mark_;
      Pos s = start_pos();
      if (expect(Tok::Star)) {
        if (Expr* a = bitwise_or()) return starred(extra(s), a, Ctx::Load);
      }
      mark_ = m;
      if (error_) return nullptr;
      return expression();
    });
  }

  Starred* starred(const Loc& loc, Expr* value, Ctx ctx) {
    Starred* st = node<Starred>(loc);
    st->value = value;
    st->ctx = ctx;
    return st;
  }

  // star_named_expressions: ','.star_named_expression+ [',']
  bool star_named_expressions(std::vector<Expr*>& out) {
    PG_ENTER();
    Expr* a = star_named_expression();
    if (a == nullptr) return false;
    out.push_back(a);
    for (;;) {
      int m = mark_;
      if (!expect(Tok::Comma)) break;
      a = star_named_expression();
      if (a == nullptr) {
        mark_ = m;
        break;
      }
      out.push_back(a);
    }
    if (error_) return false;
    expect(Tok::Comma);
    return true;
  }

  // star_named_expression: '*' bitwise_or | named_expression
  Expr* star_named_expression() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (expect(Tok::Star)) {
      if (Expr* a = bitwise_or()) return starred(extra(s), a, Ctx::Load);
    }
    mark_ = m;
    if (error_) return nullptr;
    return named_expression();
  }

  // assignment_expression: NAME ':=' ~ expression
  Expr* assignment_expression() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    const Token* a = expect(Tok::Name);
    if (a == nullptr || !expect(Tok::ColonEqual)) {
      mark_ = m;
      return nullptr;
    }
    Expr* b = expression();
    if (b == nullptr) {
      mark_ = m;
      return nullptr;
    }
    NamedExpr* e = node<NamedExpr>(extra(s));
    e->target = name_node(*a, Ctx::Store);
    e->value = b;
    return e;
  }

  // named_expression: assignment_expression | invalid_named_expression | expression !':='
  Expr* named_expression() {
    PG_ENTER();
    int m = mark_;
    if (Expr* a = assignment_expression()) return a;
    mark_ = m;
    if (error_) return nullptr;
    if (invalid_pass_) {
      invalid_named_expression();
      mark_ = m;
      if (error_) return nullptr;
    }
    if (Expr* a = expression()) {
      if (!check(Tok::ColonEqual)) return a;
    }
    mark_ = m;
    return nullptr;
  }

  // (assignment_expression | expression !':=')
  Expr* assignment_or_expression() {
    int m = mark_;
    if (Expr* a = assignment_expression()) return a;
    mark_ = m;
    if (error_) return nullptr;
    if (Expr* a = expression()) {
      if (!check(Tok::ColonEqual)) return a;
    }
    mark_ = m;
    return nullptr;
  }

  // disjunction (memo): conjunction ('or' conjunction)+ | conjunction
  // conjunction (memo): inversion ('and' inversion)+ | inversion
  Expr* disjunction() {
    return memoized<Expr>(kMemoDisjunction, [&] { return bool_op(Tok::KwOr, &Parser::conjunction); });
  }
  Expr* conjunction() {
    return memoized<Expr>(kMemoConjunction, [&] { return bool_op(Tok::KwAnd, &Parser::inversion); });
  }
  Expr* bool_op(Tok op, Expr* (Parser::*operand)()) {
    PG_ENTER();
    Pos s = start_pos();
    Expr* a = (this->*operand)();
    if (a == nullptr) return nullptr;
    std::vector<Expr*> values{a};
    for (;;) {
      int m = mark_;
      if (!expect(op)) break;
      Expr* c = (this->*operand)();
      if (c == nullptr) {
        mark_ = m;
        break;
      }
      values.push_back(c);
    }
    if (error_) return nullptr;
    if (values.size() == 1) return a;
    BoolOp* b = node<BoolOp>(extra(s));
    b->is_and = op == Tok::KwAnd;
    b->values = std::move(values);
    return b;
  }

  // inversion (memo): 'not' inversion | comparison
  Expr* inversion() {
    return memoized<Expr>(kMemoInversion, [&]() -> Expr* {
      PG_ENTER();
      int m = mark_;
      Pos s = start_pos();
      if (expect(Tok::KwNot)) {
        if (Expr* a = inversion()) {
          UnaryOp* u = node<UnaryOp>(extra(s));
          u->op = UnaryOperator::Not;
          u->operand = a;
          return u;
        }
      }
      mark_ = m;
      if (error_) return nullptr;
      return comparison();
    });
  }

  // comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
  Expr* comparison() {
    PG_ENTER();
    Pos s = start_pos();
    Expr* a = bitwise_or();
    if (a == nullptr) return nullptr;
    Compare* c = nullptr;
    while (std::optional<CmpPair> pair = compare_op_bitwise_or_pair()) {
      if (c == nullptr) {
        c = node<Compare>(Loc{});
        c->left = a;
      }
      c->ops.push_back(pair->op);
      c->comparators.push_back(pair->expr);
    }
    if (error_) return nullptr;
    if (c == nullptr) return a;
    c->loc = extra(s);
    return c;
  }

  std::optional<CmpPair> compare_op_bitwise_or_pair() {
    PG_ENTER();
    int m = mark_;
    CmpOperator op;
    switch (peek().kind) {
      case Tok::EqEqual: op = CmpOperator::Eq; break;
      case Tok::NotEqual: op = CmpOperator::NotEq; break;
      case Tok::LessEqual: op = CmpOperator::LtE; break;
      case Tok::Less: op = CmpOperator::Lt; break;
      case Tok::GreaterEqual: op = CmpOperator::GtE; break;
      case Tok::Greater: op = CmpOperator::Gt; break;
      case Tok::KwIn: op = CmpOperator::In; break;
      case Tok::KwNot:
        ++mark_;
        if (!check(Tok::KwIn)) {
          mark_ = m;
          return std::nullopt;
        }
        mark_ = m;
        op = CmpOperator::NotIn;
        break;
      case Tok::KwIs:
        op = CmpOperator::Is;
        ++mark_;
        if (check(Tok::KwNot)) op = CmpOperator::IsNot;
        mark_ = m;
        break;
      default: return std::nullopt;
    }
    mark_ = m + ((op == CmpOperator::NotIn || op == CmpOperator::IsNot) ? 2 : 1);
    Expr* a = bitwise_or();
    if (a == nullptr) {
      mark_ = m;
      return std::nullopt;
    }
    return CmpPair{op, a};
  }

  // The binary operator levels, each `a=level op b=next | next`,
  // left-recursive (so loops) and memoised.
  static std::optional<Operator> or_op(Tok k) {
    if (k == Tok::VBar) return Operator::BitOr;
    return std::nullopt;
  }
  static std::optional<Operator> xor_op(Tok k) {
    if (k == Tok::Circumflex) return Operator::BitXor;
    return std::nullopt;
  }
  static std::optional<Operator> and_op(Tok k) {
    if (k == Tok::Amper) return Operator::BitAnd;
    return std::nullopt;
  }
  static std::optional<Operator> shift_op(Tok k) {
    if (k == Tok::LeftShift) return Operator::LShift;
    if (k == Tok::RightShift) return Operator::RShift;
    return std::nullopt;
  }
  static std::optional<Operator> sum_op(Tok k) {
    if (k == Tok::Plus) return Operator::Add;
    if (k == Tok::Minus) return Operator::Sub;
    return std::nullopt;
  }
  static std::optional<Operator> term_op(Tok k) {
    switch (k) {
      case Tok::Star: return Operator::Mult;
      case Tok::Slash: return Operator::Div;
      case Tok::DoubleSlash: return Operator::FloorDiv;
      case Tok::Percent: return Operator::Mod;
      case Tok::At: return Operator::MatMult;
      default: return std::nullopt;
    }
  }

  Expr* binary_level(std::optional<Operator> (*op_of)(Tok), Expr* (Parser::*operand)()) {
    PG_ENTER();
    Pos s = start_pos();
    Expr* a = (this->*operand)();
    if (a == nullptr) return nullptr;
    for (;;) {
      int m = mark_;
      std::optional<Operator> op = op_of(peek().kind);
      if (!op) break;
      ++mark_;
      Expr* b = (this->*operand)();
      if (b == nullptr) {
        mark_ = m;
        break;
      }
      BinOp* n = node<BinOp>(extra(s));
      n->left = a;
      n->op = *op;
      n->right = b;
      a = n;
    }
    if (error_) return nullptr;
    return a;
  }
  Expr* bitwise_or() {
    return memoized<Expr>(kMemoBitwiseOr, [&] { return binary_level(or_op, &Parser::bitwise_xor); });
  }
  Expr* bitwise_xor() {
    return memoized<Expr>(kMemoBitwiseXor, [&] { return binary_level(xor_op, &Parser::bitwise_and); });
  }
  Expr* bitwise_and() {
    return memoized<Expr>(kMemoBitwiseAnd, [&] { return binary_level(and_op, &Parser::shift_expr); });
  }
  Expr* shift_expr() {
    return memoized<Expr>(kMemoShiftExpr, [&] { return binary_level(shift_op, &Parser::sum); });
  }
  Expr* sum() {
    return memoized<Expr>(kMemoSum, [&] { return binary_level(sum_op, &Parser::term); });
  }
  Expr* term() {
    return memoized<Expr>(kMemoTerm, [&] { return binary_level(term_op, &Parser::factor); });
  }

  // factor (memo): '+' factor | '-' factor | '~' factor | power
  Expr* factor() {
    return memoized<Expr>(kMemoFactor, [&]() -> Expr* {
      PG_ENTER();
      int m = mark_;
      Pos s = start_pos();
      UnaryOperator op;
      bool unary = true;
      switch (peek().kind) {
        case Tok::Plus: op = UnaryOperator::UAdd; break;
        case Tok::Minus: op = UnaryOperator::USub; break;
        case Tok::Tilde: op = UnaryOperator::Invert; break;
        default: unary = false; op = UnaryOperator::Not; break;
      }
      if (unary) {
        ++mark_;
        if (Expr* a = factor()) {
          UnaryOp* u = node<UnaryOp>(extra(s));
          u->op = op;
          u->operand = a;
          return u;
        }
        mark_ = m;
        if (error_) return nullptr;
      }
      return power();
    });
  }

  // power: await_primary '**' factor | await_primary
  Expr* power() {
    PG_ENTER();
    Pos s = start_pos();
    Expr* a = await_primary();
    if (a == nullptr) return nullptr;
    int m = mark_;
    if (expect(Tok::DoubleStar)) {
      if (Expr* b = factor()) {
        BinOp* n = node<BinOp>(extra(s));
        n->left = a;
        n->op = Operator::Pow;
        n->right = b;
        return n;
      }
    }
    if (error_) return nullptr;
    mark_ = m;
    return a;
  }

  // await_primary (memo): AWAIT primary | primary
  Expr* await_primary() {
    return memoized<Expr>(kMemoAwaitPrimary, [&]() -> Expr* {
      PG_ENTER();
      int m = mark_;
      Pos s = start_pos();
      if (expect(Tok::KwAwait)) {
        if (Expr* a = primary()) {
          Await* w = node<Await>(extra(s));
          w->value = a;
          return w;
        }
      }
      mark_ = m;
      if (error_) return nullptr;
      return primary();
    });
  }

  // primary:
  //   | primary '.' NAME | primary genexp | primary '(' [arguments] ')'
  //   | primary '[' slices ']' | atom
  Expr* primary() {
    return memoized<Expr>(kMemoPrimary, [&]() -> Expr* {
      PG_ENTER();
      Pos s = start_pos();
      Expr* a = atom();
      if (a == nullptr) return nullptr;
      for (;;) {
        Expr* grown = primary_suffix(a, s, Ctx::Load, false);
        if (grown == nullptr) break;
        a = grown;
      }
      if (error_) return nullptr;
      return a;
    });
  }

  // One trailer of primary/t_primary: `.name`, `(genexp)`, `(args)` or
  // `[slices]`. With `t_lookahead` (t_primary) each must be followed by
  // '(', '[' or '.'. Returns null (position unchanged) when none applies.
  Expr* primary_suffix(Expr* a, Pos s, Ctx ctx, bool need_lookahead) {
    int m = mark_;
    auto ok = [&] { return !need_lookahead || t_lookahead(); };
    if (expect(Tok::Dot)) {
      if (const Token* b = expect(Tok::Name)) {
        if (ok()) {
          Attribute* at = node<Attribute>(extra(s));
          at->value = a;
          at->attr = identifier(*b);
          at->ctx = ctx;
          return at;
        }
      }
    }
    mark_ = m;
    if (error_) return nullptr;
    // primary's order is '.', genexp, '(', '['; t_primary's is '.', '[',
    // genexp, '('.
    for (int step = 0; step < 3; ++step) {
      int which = need_lookahead ? step : (step + 1) % 3;  // 0 '[', 1 genexp, 2 '('
      if (which == 0) {
        if (expect(Tok::LSqb)) {
          if (Expr* b = slices()) {
            if (expect(Tok::RSqb) && ok()) {
              Subscript* sub = node<Subscript>(extra(s));
              sub->value = a;
              sub->slice = b;
              sub->ctx = ctx;
              return sub;
            }
          }
        }
      } else if (which == 1) {
        if (Expr* g = genexp()) {
          if (ok()) {
            Call* c = node<Call>(extra(s));
            c->func = a;
            c->args.push_back(g);
            return c;
          }
        }
      } else {
        if (expect(Tok::LPar)) {
          int m2 = mark_;
          Call* b = arguments();
          if (b == nullptr) mark_ = m2;
          if (!error_ && expect(Tok::RPar) && ok()) {
            Call* c = node<Call>(extra(s));
            c->func = a;
            if (b != nullptr) {
              c->args = b->args;
              c->keywords = b->keywords;
            }
            return c;
          }
        }
      }
      mark_ = m;
      if (error_) return nullptr;
    }
    return nullptr;
  }

  // slices: slice !',' | ','.(slice | starred_expression)+ [',']
  Expr* slices() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (Expr* a = slice()) {
      if (!check(Tok::Comma)) return a;
    }
    mark_ = m;
    if (error_) return nullptr;
    std::vector<Expr*> elts;
    auto element = [&]() -> Expr* {
      int m2 = mark_;
      if (Expr* e = slice()) return e;
      mark_ = m2;
      if (error_) return nullptr;
      return starred_expression();
    };
    Expr* e = element();
    if (e == nullptr) {
      mark_ = m;
      return nullptr;
    }
    elts.push_back(e);
    for (;;) {
      int m2 = mark_;
      if (!expect(Tok::Comma)) break;
      e = element();
      if (e == nullptr) {
        mark_ = m2;
        break;
      }
      elts.push_back(e);
    }
    if (error_) return nullptr;
    expect(Tok::Comma);
    return tuple_node(extra(s), std::move(elts), Ctx::Load);
  }

  // slice: [expression] ':' [expression] [':' [expression]] | named_expression
  Expr* slice() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    Expr* lower = expression();
    if (lower == nullptr) mark_ = m;
    if (!error_ && expect(Tok::Colon)) {
      int m2 = mark_;
      Expr* upper = expression();
      if (upper == nullptr) mark_ = m2;
      Expr* step = nullptr;
      m2 = mark_;
      if (!error_ && expect(Tok::Colon)) {
        int m3 = mark_;
        step = expression();
        if (step == nullptr) mark_ = m3;
      } else {
        mark_ = m2;
      }
      if (error_) return nullptr;
      SliceExpr* sl = node<SliceExpr>(extra(s));
      sl->lower = lower;
      sl->upper = upper;
      sl->step = step;
      return sl;
    }
    mark_ = m;
    if (error_) return nullptr;
    return named_expression();
  }

  // atom: NAME | 'True' | 'False' | 'None' | &STRING strings | NUMBER
  //     | &'(' (tuple | group | genexp) | &'[' (list | listcomp)
  //     | &'{' (dict | set | dictcomp | setcomp) | '...'
  Expr* atom() {
    PG_ENTER();
    int m = mark_;
    const Token& t = peek();
    switch (t.kind) {
      case Tok::Name:
        ++mark_;
        return name_node(t, Ctx::Load);
      case Tok::KwTrue:
        ++mark_;
        return constant(token_loc(t), ConstKind::True);
      case Tok::KwFalse:
        ++mark_;
        return constant(token_loc(t), ConstKind::False);
      case Tok::KwNone:
        ++mark_;
        return constant(token_loc(t), ConstKind::None);
      case Tok::Ellipsis:
        ++mark_;
        return constant(token_loc(t), ConstKind::Ellipsis);
      case Tok::String: return strings();
      case Tok::Number:
        ++mark_;
        return number(t);
      case Tok::LPar:
        for (auto rule : {&Parser::tuple, &Parser::group, &Parser::genexp}) {
          if (Expr* e = (this->*rule)()) return e;
          mark_ = m;
          if (error_) return nullptr;
        }
        return nullptr;
      case Tok::LSqb:
        for (auto rule : {&Parser::list, &Parser::listcomp}) {
          if (Expr* e = (this->*rule)()) return e;
          mark_ = m;
          if (error_) return nullptr;
        }
        return nullptr;
      case Tok::LBrace:
        for (auto rule : {&Parser::dict, &Parser::set, &Parser::dictcomp, &Parser::setcomp}) {
          if (Expr* e = (this->*rule)()) return e;
          mark_ = m;
          if (error_) return nullptr;
        }
        return nullptr;
      default: return nullptr;
    }
  }

  Constant* constant(const Loc& loc, ConstKind kind) {
    Constant* c = node<Constant>(loc);
    c->const_kind = kind;
    return c;
  }

  // A NUMBER token: ints keep their text (minus underscores) for the
  // runtime to convert; floats and imaginaries are converted here.
  Expr* number(const Token& t) {
    std::string s;
    for (char ch : text(t)) {
      if (ch != '_') s += ch;
    }
    Constant* c = node<Constant>(token_loc(t));
    bool radix_prefix = s.size() > 1 && s[0] == '0' &&
                        (s[1] == 'x' || s[1] == 'X' || s[1] == 'o' || s[1] == 'O' || s[1] == 'b' || s[1] == 'B');
    if (!radix_prefix && (s.back() == 'j' || s.back() == 'J')) {
      s.pop_back();
      c->const_kind = ConstKind::Imaginary;
      c->number = std::strtod(s.c_str(), nullptr);
    } else if (!radix_prefix && s.find_first_of(".eE") != std::string::npos) {
      c->const_kind = ConstKind::Float;
      c->number = std::strtod(s.c_str(), nullptr);
    } else {
      c->const_kind = ConstKind::Int;
      c->text = std::move(s);
    }
    return c;
  }

  // group: '(' (yield_expr | named_expression) ')' | invalid_group
  Expr* group() {
    PG_ENTER();
    int m = mark_;
    if (expect(Tok::LPar)) {
      Expr* a = yield_expr();
      if (a == nullptr && !error_) a = named_expression();
      if (a != nullptr && expect(Tok::RPar)) return a;
    }
    mark_ = m;
    if (error_) return nullptr;
    if (invalid_pass_) {
      invalid_group();
      mark_ = m;
    }
    return nullptr;
  }

  // tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
  Expr* tuple() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (!expect(Tok::LPar)) return nullptr;
    std::vector<Expr*> elts;
    int m2 = mark_;
    if (Expr* y = star_named_expression()) {
      if (expect(Tok::Comma)) {
        elts.push_back(y);
        int m3 = mark_;
        if (!star_named_expressions(elts)) {
          mark_ = m3;
          elts.resize(1);
        }
      }
    }
    if (elts.empty()) mark_ = m2;
    if (error_ || !expect(Tok::RPar)) {
      mark_ = m;
      return nullptr;
    }
    return tuple_node(extra(s), std::move(elts), Ctx::Load);
  }

  // list: '[' [star_named_expressions] ']'
  Expr* list() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (!expect(Tok::LSqb)) return nullptr;
    std::vector<Expr*> elts;
    int m2 = mark_;
    if (!star_named_expressions(elts)) {
      mark_ = m2;
      elts.clear();
    }
    if (error_ || !expect(Tok::RSqb)) {
      mark_ = m;
      return nullptr;
    }
    Sequence* l = node<Sequence>(extra(s), ExprKind::List);
    l->elts = std::move(elts);
    return l;
  }

  // set: '{' star_named_expressions '}'
  Expr* set() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (!expect(Tok::LBrace)) return nullptr;
    std::vector<Expr*> elts;
    if (!star_named_expressions(elts) || !expect(Tok::RBrace)) {
      mark_ = m;
      return nullptr;
    }
    SetExpr* st = node<SetExpr>(extra(s));
    st->elts = std::move(elts);
    return st;
  }

  // dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}'
  Expr* dict() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (!expect(Tok::LBrace)) return nullptr;
    std::vector<KeyValue> pairs;
    int m2 = mark_;
    if (!double_starred_kvpairs(pairs)) {
      mark_ = m2;
      pairs.clear();
    }
    if (!error_ && expect(Tok::RBrace)) {
      DictExpr* d = node<DictExpr>(extra(s));
      for (KeyValue& kv : pairs) {
        d->keys.push_back(kv.key);
        d->values.push_back(kv.value);
      }
      return d;
    }
    mark_ = m;
    if (error_) return nullptr;
    // Runs in the first pass too: CPython's generator guards only
    // alternatives made of a single invalid_* rule.
    if (expect(Tok::LBrace)) invalid_double_starred_kvpairs();
    mark_ = m;
    return nullptr;
  }

  // double_starred_kvpairs: ','.double_starred_kvpair+ [',']
  bool double_starred_kvpairs(std::vector<KeyValue>& out) {
    PG_ENTER();
    if (!gather_kvpairs(out)) return false;
    expect(Tok::Comma);
    return true;
  }
  bool gather_kvpairs(std::vector<KeyValue>& out) {
    std::optional<KeyValue> kv = double_starred_kvpair();
    if (!kv) return false;
    out.push_back(*kv);
    for (;;) {
      int m = mark_;
      if (!expect(Tok::Comma)) break;
      kv = double_starred_kvpair();
      if (!kv) {
        mark_ = m;
        break;
      }
      out.push_back(*kv);
    }
    return !error_;
  }

  // double_starred_kvpair: '**' bitwise_or | kvpair
  std::optional<KeyValue> double_starred_kvpair() {
    PG_ENTER();
    int m = mark_;
    if (expect(Tok::DoubleStar)) {
      if (Expr* a = bitwise_or()) return KeyValue{nullptr, a};
    }
    mark_ = m;
    if (error_) return std::nullopt;
    return kvpair();
  }

  // kvpair: expression ':' expression
  std::optional<KeyValue> kvpair() {
    PG_ENTER();
    int m = mark_;
    if (Expr* a = expression()) {
      if (expect(Tok::Colon)) {
        if (Expr* b = expression()) return KeyValue{a, b};
      }
    }
    mark_ = m;
    return std::nullopt;
  }

  // for_if_clauses: for_if_clause+
  bool for_if_clauses(std::vector<Comprehension>& out) {
    PG_ENTER();
    while (std::optional<Comprehension> c = for_if_clause()) out.push_back(std::move(*c));
    return !error_ && !out.empty();
  }

  // for_if_clause:
  //   | ASYNC 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
  //   | 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
  //   | invalid_for_target
  std::optional<Comprehension> for_if_clause() {
    PG_ENTER();
    int m = mark_;
    for (int attempt = 0; attempt < 2; ++attempt) {
      mark_ = m;
      bool is_async = attempt == 0;
      if (is_async && !expect(Tok::KwAsync)) continue;
      if (!expect(Tok::KwFor)) continue;
      Expr* a = star_targets();
      if (a == nullptr || !expect(Tok::KwIn)) {
        if (error_) return std::nullopt;
        continue;
      }
      Expr* b = disjunction();
      if (b == nullptr) {  // cut
        mark_ = m;
        return std::nullopt;
      }
      Comprehension c;
      c.target = a;
      c.iter = b;
      c.is_async = is_async;
      for (;;) {
        int m2 = mark_;
        if (!expect(Tok::KwIf)) break;
        Expr* z = disjunction();
        if (z == nullptr) {
          mark_ = m2;
          break;
        }
        c.ifs.push_back(z);
      }
      if (error_) return std::nullopt;
      return c;
    }
    mark_ = m;
    if (error_) return std::nullopt;
    if (invalid_pass_) {
      invalid_for_target();
      mark_ = m;
    }
    return std::nullopt;
  }

  Comp* comp(const Loc& loc, ExprKind kind, Expr* elt, std::vector<Comprehension> gens) {
    Comp* c = node<Comp>(loc, kind);
    c->elt = elt;
    c->generators = std::move(gens);
    return c;
  }

  // listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension
  // setcomp:  '{' named_expression for_if_clauses '}' | invalid_comprehension
  Expr* listcomp() { return list_or_set_comp(Tok::LSqb, Tok::RSqb, ExprKind::ListComp); }
  Expr* setcomp() { return list_or_set_comp(Tok::LBrace, Tok::RBrace, ExprKind::SetComp); }
  Expr* list_or_set_comp(Tok open, Tok close, ExprKind kind) {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (expect(open)) {
      if (Expr* a = named_expression()) {
        std::vector<Comprehension> gens;
        if (for_if_clauses(gens) && expect(close)) return comp(extra(s), kind, a, std::move(gens));
      }
    }
    mark_ = m;
    if (error_) return nullptr;
    if (invalid_pass_) {
      invalid_comprehension();
      mark_ = m;
    }
    return nullptr;
  }

  // genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')' | invalid_comprehension
  Expr* genexp() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (expect(Tok::LPar)) {
      if (Expr* a = assignment_or_expression()) {
        std::vector<Comprehension> gens;
        if (for_if_clauses(gens) && expect(Tok::RPar)) {
          return comp(extra(s), ExprKind::GeneratorExp, a, std::move(gens));
        }
      }
    }
    mark_ = m;
    if (error_) return nullptr;
    if (invalid_pass_) {
      invalid_comprehension();
      mark_ = m;
    }
    return nullptr;
  }

  // dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension
  Expr* dictcomp() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (expect(Tok::LBrace)) {
      if (std::optional<KeyValue> a = kvpair()) {
        std::vector<Comprehension> gens;
        if (for_if_clauses(gens) && expect(Tok::RBrace)) {
          Comp* c = comp(extra(s), ExprKind::DictComp, nullptr, std::move(gens));
          c->key = a->key;
          c->value = a->value;
          return c;
        }
      }
    }
    mark_ = m;
    if (error_) return nullptr;
    if (invalid_pass_) {
      // invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}'
      if (expect(Tok::LBrace)) {
        if (const Token* a = expect(Tok::DoubleStar)) {
          std::vector<Comprehension> gens;
          if (bitwise_or() && for_if_clauses(gens) && expect(Tok::RBrace)) {
            raise_at_token(*a, "dict unpacking cannot be used in dict comprehension");
            return nullptr;
          }
        }
      }
      mark_ = m;
    }
    return nullptr;
  }

  // lambdef: 'lambda' [lambda_params] ':' expression
  Expr* lambdef() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (!expect(Tok::KwLambda)) return nullptr;
    Arguments args;
    int m2 = mark_;
    if (!params(args, true)) {
      mark_ = m2;
      args = Arguments{};
    }
    if (error_ || !expect(Tok::Colon)) {
      mark_ = m;
      return nullptr;
    }
    Expr* b = expression();
    if (b == nullptr) {
      mark_ = m;
      return nullptr;
    }
    Lambda* l = node<Lambda>(extra(s));
    l->args = std::move(args);
    l->body = b;
    return l;
  }

  // --- calls ---------------------------------------------------------------

  // arguments (memo): args [','] &')' | invalid_arguments
  // The result is a Call without func holding args and keywords.
  Call* arguments() {
    return memoized<Call>(kMemoArguments, [&]() -> Call* {
      PG_ENTER();
      int m = mark_;
      if (Call* a = args()) {
        expect(Tok::Comma);
        if (check(Tok::RPar)) return a;
      }
      mark_ = m;
      if (error_) return nullptr;
      if (invalid_pass_) {
        invalid_arguments();
        mark_ = m;
      }
      return nullptr;
    });
  }

  // args:
  //   | ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
  //   | kwargs
  Call* args() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    std::vector<Expr*> positional;
    if (positional_args(positional)) {
      std::vector<KeywordOrStarred> kw;
      int m2 = mark_;
      if (!(expect(Tok::Comma) && kwargs(kw))) {
        mark_ = m2;
        kw.clear();
      }
      if (error_) return nullptr;
      Call* c = node<Call>(extra(s));
      c->args = std::move(positional);
      for (KeywordOrStarred& k : kw) {
        if (k.starred != nullptr) {
          c->args.push_back(k.starred);
        } else {
          c->keywords.push_back(k.keyword);
        }
      }
      return c;
    }
    mark_ = m;
    if (error_) return nullptr;
    std::vector<KeywordOrStarred> kw;
    if (kwargs(kw)) {
      Call* c = node<Call>(extra(s));
      for (KeywordOrStarred& k : kw) {
        if (k.starred != nullptr) {
          c->args.push_back(k.starred);
        } else {
          c->keywords.push_back(k.keyword);
        }
      }
      return c;
    }
    mark_ = m;
    return nullptr;
  }

  // ','.(starred_expression | (assignment_expression | expression !':=') !'=')+
  bool positional_args(std::vector<Expr*>& out) {
    auto element = [&]() -> Expr* {
      int m = mark_;
      if (Expr* e = starred_expression()) return e;
      mark_ = m;
      if (error_) return nullptr;
      if (Expr* e = assignment_or_expression()) {
        if (!check(Tok::Equal)) return e;
      }
      mark_ = m;
      return nullptr;
    };
    Expr* e = element();
    if (e == nullptr) return false;
    out.push_back(e);
    for (;;) {
      int m = mark_;
      if (!expect(Tok::Comma)) break;
      e = element();
      if (e == nullptr) {
        mark_ = m;
        break;
      }
      out.push_back(e);
    }
    return !error_;
  }

  // kwargs:
  //   | ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
  //   | ','.kwarg_or_starred+
  //   | ','.kwarg_or_double_starred+
  bool kwargs(std::vector<KeywordOrStarred>& out) {
    PG_ENTER();
    int m = mark_;
    std::vector<KeywordOrStarred> a;
    if (gather_kwargs(a, false)) {
      int m2 = mark_;
      std::vector<KeywordOrStarred> b;
      if (expect(Tok::Comma) && gather_kwargs(b, true)) {
        out = std::move(a);
        out.insert(out.end(), b.begin(), b.end());
        return true;
      }
      if (error_) return false;
      mark_ = m2;
      out = std::move(a);
      return true;
    }
    mark_ = m;
    if (error_) return false;
    if (gather_kwargs(out, true)) return true;
    mark_ = m;
    out.clear();
    return false;
  }

  bool gather_kwargs(std::vector<KeywordOrStarred>& out, bool double_starred) {
    std::optional<KeywordOrStarred> k = kwarg_item(double_starred);
    if (!k) return false;
    out.push_back(*k);
    for (;;) {
      int m = mark_;
      if (!expect(Tok::Comma)) break;
      k = kwarg_item(double_starred);
      if (!k) {
        mark_ = m;
        break;
      }
      out.push_back(*k);
    }
    return !error_;
  }

  // kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression
  // kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression
  std::optional<KeywordOrStarred> kwarg_item(bool double_starred) {
    PG_ENTER();
    int m = mark_;
    if (invalid_pass_) {
      invalid_kwarg();
      mark_ = m;
      if (error_) return std::nullopt;
    }
    Pos s = start_pos();
    if (const Token* a = expect(Tok::Name)) {
      if (expect(Tok::Equal)) {
        if (Expr* b = expression()) {
          KeywordOrStarred k;
          k.keyword.arg = identifier(*a);
          k.keyword.value = b;
          k.keyword.loc = extra(s);
          return k;
        }
      }
    }
    mark_ = m;
    if (error_) return std::nullopt;
    if (!double_starred) {
      if (Expr* a = starred_expression()) {
        KeywordOrStarred k;
        k.starred = a;
        return k;
      }
    } else if (expect(Tok::DoubleStar)) {
      if (Expr* a = expression()) {
        KeywordOrStarred k;
        k.keyword.value = a;
        k.keyword.loc = extra(s);
        return k;
      }
    }
    mark_ = m;
    return std::nullopt;
  }

  // starred_expression: '*' expression
  Expr* starred_expression() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (expect(Tok::Star)) {
      if (Expr* a = expression()) return starred(extra(s), a, Ctx::Load);
    }
    mark_ = m;
    return nullptr;
  }

  // =========================================================================
  // 4. Targets
  // =========================================================================

  // star_targets: star_target !',' | star_target (',' star_target)* [',']
  Expr* star_targets() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    Expr* a = star_target();
    if (a == nullptr) return nullptr;
    if (!check(Tok::Comma)) return a;
    std::vector<Expr*> elts{a};
    for (;;) {
      int m2 = mark_;
      if (!expect(Tok::Comma)) break;
      Expr* c = star_target();
      if (c == nullptr) {
        mark_ = m2;
        break;
      }
      elts.push_back(c);
    }
    if (error_) {
      mark_ = m;
      return nullptr;
    }
    expect(Tok::Comma);
    return tuple_node(extra(s), std::move(elts), Ctx::Store);
  }

  // star_targets_list_seq: ','.star_target+ [',']
  bool star_targets_list_seq(std::vector<Expr*>& out) {
    PG_ENTER();
    Expr* a = star_target();
    if (a == nullptr) return false;
    out.push_back(a);
    for (;;) {
      int m = mark_;
      if (!expect(Tok::Comma)) break;
      a = star_target();
      if (a == nullptr) {
        mark_ = m;
        break;
      }
      out.push_back(a);
    }
    if (error_) return false;
    expect(Tok::Comma);
    return true;
  }

  // star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ','
  bool star_targets_tuple_seq(std::vector<Expr*>& out) {
    PG_ENTER();
    int m = mark_;
    Expr* a = star_target();
    if (a == nullptr) return false;
    out.push_back(a);
    for (;;) {
      int m2 = mark_;
      if (!expect(Tok::Comma)) break;
      Expr* c = star_target();
      if (c == nullptr) {
        mark_ = m2;
        break;
      }
      out.push_back(c);
    }
    if (error_) return false;
    if (out.size() > 1) {
      expect(Tok::Comma);
      return true;
    }
    if (expect(Tok::Comma)) return true;
    mark_ = m;
    out.clear();
    return false;
  }

  // star_target (memo): '*' (!'*' star_target) | target_with_star_atom
  Expr* star_target() {
    return memoized<Expr>(kMemoStarTarget, [&]() -> Expr* {
      PG_ENTER();
      int m = mark_;
      Pos s = start_pos();
      if (expect(Tok::Star)) {
        if (!check(Tok::Star)) {
          if (Expr* a = star_target()) return starred(extra(s), a, Ctx::Store);
        }
      }
      mark_ = m;
      if (error_) return nullptr;
      return target_with_star_atom();
    });
  }

  // target_with_star_atom (memo):
  //   | t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | star_atom
  Expr* target_with_star_atom() {
    return memoized<Expr>(kMemoTargetWithStarAtom, [&]() -> Expr* {
      PG_ENTER();
      int m = mark_;
      if (Expr* a = t_primary_target(Ctx::Store)) return a;
      mark_ = m;
      if (error_) return nullptr;
      return star_atom();
    });
  }

  // t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead
  // (single_subscript_attribute_target and the head of del_target too).
  Expr* t_primary_target(Ctx ctx) {
    int m = mark_;
    Pos s = start_pos();
    if (Expr* a = t_primary()) {
      if (expect(Tok::Dot)) {
        if (const Token* b = expect(Tok::Name)) {
          if (!t_lookahead()) {
            Attribute* at = node<Attribute>(extra(s));
            at->value = a;
            at->attr = identifier(*b);
            at->ctx = ctx;
            return at;
          }
        }
      }
    }
    mark_ = m;
    if (error_) return nullptr;
    if (Expr* a = t_primary()) {
      if (expect(Tok::LSqb)) {
        if (Expr* b = slices()) {
          if (expect(Tok::RSqb) && !t_lookahead()) {
            Subscript* sub = node<Subscript>(extra(s));
            sub->value = a;
            sub->slice = b;
            sub->ctx = ctx;
            return sub;
          }
        }
      }
    }
    mark_ = m;
    return nullptr;
  }

  Expr* single_subscript_attribute_target(Ctx ctx) {
    PG_ENTER();
    return t_primary_target(ctx);
  }

  // star_atom:
  //   | NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')'
  //   | '[' [star_targets_list_seq] ']'
  Expr* star_atom() {
    PG_ENTER();
    int m = mark_;
    Pos s = start_pos();
    if (const Token* a = expect(Tok::Name)) return name_node(*a, Ctx::Store);
    if (expect(Tok::LPar)) {
      if (Expr* a = target_with_star_atom()) {
        if (expect(Tok::RPar)) return a;
      }
      mark_ = m + 1;
      if (error_) return nullptr;
      std::vector<Expr*> elts;
      if (!star_targets_tuple_seq(elts)) {
        mark_ = m + 1;
        elts.clear();
      }
      if (!error_ && expect(Tok::RPar)) return tuple_node(extra(s), std::move(elts), Ctx::Store);
      mark_ = m;
      return nullptr;
    }
    if (expect(Tok::LSqb)) {
      std::vector<Expr*> elts;
      if (!star_targets_list_seq(elts)) {
        mark_ = m + 1;
        elts.clear();
      }
      if (!error_ && expect(Tok::RSqb)) {
        Sequence* l = node<Sequence>(extra(s), ExprKind::List);
        l->elts = std::move(elts);
        l->ctx = Ctx::Store;
        return l;
      }
    }
    mark_ = m;
    return nullptr;
  }

  // single_target: single_subscript_attribute_target | NAME | '(' single_target ')'
  Expr* single_target() {
    PG_ENTER();
    int m = mark_;
    if (Expr* a = single_subscript_attribute_target(Ctx::Store)) return a;
    mark_ = m;
    if (error_) return nullptr;
    if (const Token* a = expect(Tok::Name)) return name_node(*a, Ctx::Store);
    if (expect(Tok::LPar)) {
      if (Expr* a = single_target()) {
        if (expect(Tok::RPar)) return a;
      }
    }
    mark_ = m;
    return nullptr;
  }

  // t_primary:
  //   | t_primary '.' NAME &t_lookahead | t_primary '[' slices ']' &t_lookahead
  //   | t_primary genexp &t_lookahead | t_primary '(' [arguments] ')' &t_lookahead
  //   | atom &t_lookahead
  Expr* t_primary() {
    return memoized<Expr>(kMemoTPrimary, [&]() -> Expr* {
      PG_ENTER();
      Pos s = start_pos();
      Expr* a = atom();
      if (a == nullptr || !t_lookahead()) return nullptr;
      for (;;) {
        Expr* grown = primary_suffix(a, s, Ctx::Load, true);
        if (grown == nullptr) break;
        a = grown;
      }
      if (error_) return nullptr;
      return a;
    });
  }

  // t_lookahead: '(' | '[' | '.'
  bool t_lookahead() {
    Tok k = peek().kind;
    return k == Tok::LPar || k == Tok::LSqb || k == Tok::Dot;
  }

  // del_targets: ','.del_target+ [',']
  bool del_targets(std::vector<Expr*>& out) {
    PG_ENTER();
    Expr* a = del_target();
    if (a == nullptr) return false;
    out.push_back(a);
    for (;;) {
      int m = mark_;
      if (!expect(Tok::Comma)) break;
      a = del_target();
      if (a == nullptr) {
        mark_ = m;
        break;
      }
      out.push_back(a);
    }
    if (error_) return false;
    expect(Tok::Comma);
    return true;
  }

  // del_target (memo):
  //   | t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | del_t_atom
  // del_t_atom: NAME | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']'
  Expr* del_target() {
    return memoized<Expr>(kMemoDelTarget, [&]() -> Expr* {
      PG_ENTER();
      int m = mark_;
      if (Expr* a = t_primary_target(Ctx::Del)) return a;
      mark_ = m;
      if (error_) return nullptr;
      Pos s = start_pos();
      if (const Token* a = expect(Tok::Name)) return name_node(*a, Ctx::Del);
      if (expect(Tok::LPar)) {
        if (Expr* a = del_target()) {
          if (expect(Tok::RPar)) return a;
        }
        mark_ = m + 1;
        if (error_) return nullptr;
        std::vector<Expr*> elts;
        if (!del_targets(elts)) {
          mark_ = m + 1;
          elts.clear();
        }
        if (!error_ && expect(Tok::RPar)) return tuple_node(extra(s), std::move(elts), Ctx::Del);
        mark_ = m;
        return nullptr;
      }
      if (expect(Tok::LSqb)) {
        std::vector<Expr*> elts;
        if (!del_targets(elts)) {
          mark_ = m + 1;
          elts.clear();
        }
        if (!error_ && expect(Tok::RSqb)) {
          Sequence* l = node<Sequence>(extra(s), ExprKind::List);
          l->elts = std::move(elts);
          l->ctx = Ctx::Del;
          return l;
        }
      }
      mark_ = m;
      return nullptr;
    });
  }

  // =========================================================================
  // 5. The invalid_* rules: second pass only. Each either raises its
  //    specific error or fails without consuming input.
  // =========================================================================

  // CPython's _PyPegen_get_invalid_target: the part of an expression that
  // cannot be assigned to (or deleted).
  static Expr* invalid_target(Expr* e, TargetsType type) {
    if (e == nullptr) return nullptr;
    switch (e->kind) {
      case ExprKind::List:
      case ExprKind::Tuple:
        for (Expr* elt : static_cast<Sequence*>(e)->elts) {
          if (Expr* child = invalid_target(elt, type)) return child;
        }
        return nullptr;
      case ExprKind::Starred:
        if (type == TargetsType::Del) return e;
        return invalid_target(static_cast<Starred*>(e)->value, type);
      case ExprKind::Compare: {
        // `for x in y` parses `x in y` as a comparison first.
        if (type != TargetsType::For) return e;
        auto* c = static_cast<Compare*>(e);
        if (c->ops[0] == CmpOperator::In) return invalid_target(c->left, type);
        return nullptr;
      }
      case ExprKind::Name:
      case ExprKind::Subscript:
      case ExprKind::Attribute: return nullptr;
      default: return e;
    }
  }

  void raise_invalid_target(TargetsType type, Expr* e) {
    Expr* t = invalid_target(e, type);
    if (t == nullptr) return;
    raise_at(t->loc, std::string(type == TargetsType::Del ? "cannot delete " : "cannot assign to ") +
                         expr_name(t));
  }

  static Expr* last_comprehension_item(const Comprehension& c) {
    return c.ifs.empty() ? c.iter : c.ifs.back();
  }

  // CPython compares only the token's length of each soft keyword
  // (strncmp), so "c", "ca", "ma", ... count too; the hints depend on it.
  bool is_soft_keyword(const Token& t) const {
    if (t.kind != Tok::Name) return false;
    std::string_view s = text(t);
    for (std::string_view kw : {"_", "case", "match"}) {
      if (kw.substr(0, s.size()) == s) return true;
    }
    return false;
  }

  static bool is_legacy_name(const Expr* e) {
    if (e->kind != ExprKind::Name) return false;
    const std::string& id = static_cast<const Name*>(e)->id;
    return id == "print" || id == "exec";
  }

  // invalid_arguments (3.11.7; 3.11.2 had `a=args ',' '*'` as first rule):
  //   | ((','.(starred_expression | (assignment_expression | expression !':=') !'=')+ ',' kwargs)
  //      | kwargs) ',' b='*'
  //   | a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
  //   | a=NAME b='=' expression for_if_clauses
  //   | a=args b=for_if_clauses
  //   | args ',' a=expression b=for_if_clauses
  //   | a=args ',' args
  void invalid_arguments() {
    PG_ENTER_VOID();
    int m = mark_;
    bool with_kwargs = false;
    {
      std::vector<Expr*> positional;
      std::vector<KeywordOrStarred> kw;
      with_kwargs = positional_args(positional) && expect(Tok::Comma) && kwargs(kw);
      if (!with_kwargs) {
        mark_ = m;
        kw.clear();
        with_kwargs = !error_ && kwargs(kw);
      }
    }
    if (with_kwargs && expect(Tok::Comma)) {
      if (const Token* star = expect(Tok::Star)) {
        raise_at_token(*star, "iterable argument unpacking follows keyword argument unpacking");
        return;
      }
    }
    mark_ = m;
    if (error_) return;
    if (Expr* a = expression()) {
      std::vector<Comprehension> b;
      if (for_if_clauses(b) && expect(Tok::Comma)) {
        int m2 = mark_;
        if (args() == nullptr) {
          mark_ = m2;
          std::vector<Comprehension> c;
          if (error_) return;
          if (!(expression() && for_if_clauses(c))) mark_ = m2;
        }
        if (error_) return;
        raise_range(a->loc, last_comprehension_item(b.back())->loc,
                    "Generator expression must be parenthesized");
        return;
      }
    }
    mark_ = m;
    if (error_) return;
    if (const Token* a = expect(Tok::Name)) {
      if (const Token* b = expect(Tok::Equal)) {
        std::vector<Comprehension> c;
        if (expression() && for_if_clauses(c)) {
          raise_range(token_loc(*a), token_loc(*b),
                      "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
          return;
        }
      }
    }
    mark_ = m;
    if (error_) return;
    if (Call* a = args()) {
      std::vector<Comprehension> b;
      // CPython's _PyPegen_nonparen_genexp_in_call: `f(x for x in y)` is
      // fine (one argument), `f(a, x for x in y)` is not.
      if (for_if_clauses(b) && a->args.size() > 1) {
        raise_range(a->args.back()->loc, last_comprehension_item(b.back())->loc,
                    "Generator expression must be parenthesized");
        return;
      }
    }
    mark_ = m;
    if (error_) return;
    if (args() && expect(Tok::Comma)) {
      if (Expr* a = expression()) {
        std::vector<Comprehension> b;
        if (for_if_clauses(b)) {
          raise_range(a->loc, last_comprehension_item(b.back())->loc,
                      "Generator expression must be parenthesized");
          return;
        }
      }
    }
    mark_ = m;
    if (error_) return;
    if (Call* a = args()) {
      if (expect(Tok::Comma) && args()) {
        bool keyword_unpacking = false;
        for (const Keyword& k : a->keywords) keyword_unpacking |= !k.arg.has_value();
        raise_syntax(keyword_unpacking ? "positional argument follows keyword argument unpacking"
                                       : "positional argument follows keyword argument");
        return;
      }
    }
    mark_ = m;
  }

  // invalid_kwarg:
  //   | a=('True'|'False'|'None') b='='
  //   | a=NAME b='=' expression for_if_clauses
  //   | !(NAME '=') a=expression b='='
  void invalid_kwarg() {
    PG_ENTER_VOID();
    int m = mark_;
    {
      const Token& a = peek();
      if (a.kind == Tok::KwTrue || a.kind == Tok::KwFalse || a.kind == Tok::KwNone) {
        ++mark_;
        if (const Token* b = expect(Tok::Equal)) {
          raise_range(token_loc(a), token_loc(*b), "cannot assign to " + std::string(text(a)));
          return;
        }
      }
    }
    mark_ = m;
    if (error_) return;
    if (const Token* a = expect(Tok::Name)) {
      if (const Token* b = expect(Tok::Equal)) {
        std::vector<Comprehension> c;
        if (expression() && for_if_clauses(c)) {
          raise_range(token_loc(*a), token_loc(*b),
                      "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
          return;
        }
      }
    }
    mark_ = m;
    if (error_) return;
    bool name_eq = expect(Tok::Name) && expect(Tok::Equal);
    mark_ = m;
    if (!name_eq && !error_) {
      if (Expr* a = expression()) {
        if (const Token* b = expect(Tok::Equal)) {
          raise_range(a->loc, token_loc(*b),
                      "expression cannot contain assignment, perhaps you meant \"==\"?");
          return;
        }
      }
    }
    mark_ = m;
  }

  // invalid_legacy_expression: a=NAME !'(' b=star_expressions
  void invalid_legacy_expression() {
    PG_ENTER_VOID();
    int m = mark_;
    if (const Token* a = expect(Tok::Name)) {
      if (!check(Tok::LPar)) {
        if (Expr* b = star_expressions()) {
          std::string n(text(*a));
          if (n == "print" || n == "exec") {
            raise_range(token_loc(*a), b->loc,
                        "Missing parentheses in call to '" + n + "'. Did you mean " + n + "(...)?");
            return;
          }
        }
      }
    }
    mark_ = m;
  }

  // invalid_expression:
  //   | !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
  //   | a=disjunction 'if' b=disjunction !('else'|':')
  void invalid_expression() {
    PG_ENTER_VOID();
    int m = mark_;
    bool blocked = false;
    {
      const Token& t = peek();
      if (t.kind == Tok::Name) {
        ++mark_;
        blocked = check(Tok::String);
        mark_ = m;
        blocked = blocked || is_soft_keyword(t);
      }
    }
    if (!blocked && !error_) {
      if (Expr* a = disjunction()) {
        if (Expr* b = expression_without_invalid()) {
          // Only inside brackets: at statement level `a b` stays "invalid
          // syntax".
          if (!is_legacy_name(a) && toks_[mark_ - 1].level != 0) {
            raise_range(a->loc, b->loc, "invalid syntax. Perhaps you forgot a comma?");
            return;
          }
        }
      }
    }
    mark_ = m;
    if (error_) return;
    if (Expr* a = disjunction()) {
      if (expect(Tok::KwIf)) {
        if (Expr* b = disjunction()) {
          if (!check(Tok::KwElse) && !check(Tok::Colon)) {
            raise_range(a->loc, b->loc, "expected 'else' after 'if' expression");
            return;
          }
        }
      }
    }
    mark_ = m;
  }

  // invalid_named_expression (memo):
  //   | a=expression ':=' expression
  //   | a=NAME '=' b=bitwise_or !('='|':=')
  //   | !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
  void invalid_named_expression() {
    memoized<Expr>(kMemoInvalidNamedExpression, [&]() -> Expr* {
      invalid_named_expression_raw();
      return nullptr;
    });
  }
  void invalid_named_expression_raw() {
    PG_ENTER_VOID();
    int m = mark_;
    if (Expr* a = expression()) {
      if (expect(Tok::ColonEqual) && expression()) {
        raise_at(a->loc, std::string("cannot use assignment expressions with ") + expr_name(a));
        return;
      }
    }
    mark_ = m;
    if (error_) return;
    if (const Token* a = expect(Tok::Name)) {
      if (expect(Tok::Equal)) {
        if (Expr* b = bitwise_or()) {
          if (!check(Tok::Equal) && !check(Tok::ColonEqual)) {
            raise_range(token_loc(*a), b->loc,
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            return;
          }
        }
      }
    }
    mark_ = m;
    if (error_) return;
    bool blocked = false;
    for (auto rule : {&Parser::list, &Parser::tuple, &Parser::genexp}) {
      if (!blocked && !error_ && (this->*rule)()) blocked = true;
      mark_ = m;
    }
    if (error_) return;
    if (!blocked) {
      Tok k = peek().kind;
      blocked = k == Tok::KwTrue || k == Tok::KwNone || k == Tok::KwFalse;
    }
    if (!blocked) {
      if (Expr* a = bitwise_or()) {
        if (expect(Tok::Equal) && bitwise_or()) {
          if (!check(Tok::Equal) && !check(Tok::ColonEqual)) {
            raise_at(a->loc, std::string("cannot assign to ") + expr_name(a) +
                                 " here. Maybe you meant '==' instead of '='?");
            return;
          }
        }
      }
    }
    mark_ = m;
  }

  // invalid_assignment:
  //   | a=invalid_ann_assign_target ':' expression
  //   | a=star_named_expression ',' star_named_expressions* ':' expression
  //   | a=expression ':' expression
  //   | (star_targets '=')* a=star_expressions '='
  //   | (star_targets '=')* a=yield_expr '='
  //   | a=star_expressions augassign (yield_expr | star_expressions)
  void invalid_assignment() {
    PG_ENTER_VOID();
    int m = mark_;
    if (Expr* a = invalid_ann_assign_target()) {
      if (expect(Tok::Colon) && expression()) {
        raise_at(a->loc, std::string("only single target (not ") + expr_name(a) + ") can be annotated");
        return;
      }
    }
    mark_ = m;
    if (error_) return;
    if (Expr* a = star_named_expression()) {
      if (expect(Tok::Comma)) {
        for (;;) {
          int m2 = mark_;
          std::vector<Expr*> ignored;
          if (!star_named_expressions(ignored)) {
            mark_ = m2;
            break;
          }
        }
        if (!error_ && expect(Tok::Colon) && expression()) {
          raise_at(a->loc, "only single target (not tuple) can be annotated");
          return;
        }
      }
    }
    mark_ = m;
    if (error_) return;
    if (Expr* a = expression()) {
      if (expect(Tok::Colon) && expression()) {
        raise_at(a->loc, "illegal target for annotation");
        return;
      }
    }
    mark_ = m;
    if (error_) return;
    skip_star_targets_assignments();
    if (Expr* a = star_expressions()) {
      if (expect(Tok::Equal)) {
        raise_invalid_target(TargetsType::Star, a);
        if (error_) return;
      }
    }
    mark_ = m;
    if (error_) return;
    skip_star_targets_assignments();
    if (Expr* a = yield_expr()) {
      if (expect(Tok::Equal)) {
        raise_at(a->loc, "assignment to yield expression not possible");
        return;
      }
    }
    mark_ = m;
    if (error_) return;
    if (Expr* a = star_expressions()) {
      if (augassign()) {
        Expr* c = yield_expr();
        if (c == nullptr && !error_) c = star_expressions();
        if (c != nullptr) {
          raise_at(a->loc, std::string("'") + expr_name(a) +
                               "' is an illegal expression for augmented assignment");
          return;
        }
      }
    }
    mark_ = m;
  }

  // (star_targets '=')*
  void skip_star_targets_assignments() {
    for (;;) {
      int m = mark_;
      if (!(star_targets() && expect(Tok::Equal))) {
        mark_ = m;
        return;
      }
    }
  }

  // invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'
  Expr* invalid_ann_assign_target() {
    PG_ENTER();
    int m = mark_;
    if (Expr* a = list()) return a;
    mark_ = m;
    if (error_) return nullptr;
    if (Expr* a = tuple()) return a;
    mark_ = m;
    if (error_) return nullptr;
    if (expect(Tok::LPar)) {
      if (Expr* a = invalid_ann_assign_target()) {
        if (expect(Tok::RPar)) return a;
      }
    }
    mark_ = m;
    return nullptr;
  }

  // invalid_del_stmt: 'del' a=star_expressions
  void invalid_del_stmt() {
    PG_ENTER_VOID();
    int m = mark_;
    if (expect(Tok::KwDel)) {
      if (Expr* a = star_expressions()) raise_invalid_target(TargetsType::Del, a);
    }
    if (!error_) mark_ = m;
  }

  // invalid_comprehension:
  //   | ('[' | '(' | '{') a=starred_expression for_if_clauses
  //   | ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
  //   | ('[' | '{') a=star_named_expression b=',' for_if_clauses
  void invalid_comprehension() {
    PG_ENTER_VOID();
    int m = mark_;
    Tok k = peek().kind;
    if (k != Tok::LSqb && k != Tok::LPar && k != Tok::LBrace) return;
    ++mark_;
    if (Expr* a = starred_expression()) {
      std::vector<Comprehension> g;
      if (for_if_clauses(g)) {
        raise_at(a->loc, "iterable unpacking cannot be used in comprehension");
        return;
      }
    }
    mark_ = m;
    if (error_ || k == Tok::LPar) return;
    ++mark_;
    if (Expr* a = star_named_expression()) {
      if (expect(Tok::Comma)) {
        std::vector<Expr*> b;
        std::vector<Comprehension> g;
        if (star_named_expressions(b) && for_if_clauses(g)) {
          raise_range(a->loc, b.back()->loc, "did you forget parentheses around the comprehension target?");
          return;
        }
      }
    }
    mark_ = m + 1;
    if (error_) return;
    if (Expr* a = star_named_expression()) {
      if (const Token* b = expect(Tok::Comma)) {
        std::vector<Comprehension> g;
        if (for_if_clauses(g)) {
          raise_range(a->loc, token_loc(*b), "did you forget parentheses around the comprehension target?");
          return;
        }
      }
    }
    mark_ = m;
  }

  // (slash_no_default | slash_with_default)
  bool slash_either(bool lambda) {
    int m = mark_;
    std::vector<Arg> a;
    if (slash_no_default(a, lambda)) return true;
    mark_ = m;
    if (error_) return false;
    SlashWithDefault b;
    if (slash_with_default(b, lambda)) return true;
    mark_ = m;
    return false;
  }

  void skip_param_maybe_defaults(bool lambda) {
    while (param_maybe_default(lambda)) {
    }
  }

  // (param_no_default | ',')
  bool param_no_default_or_comma(bool lambda) {
    if (param_no_default(lambda)) return true;
    if (error_) return false;
    return expect(Tok::Comma) != nullptr;
  }

  // invalid_parameters / invalid_lambda_parameters:
  //   | param_no_default* invalid_parameters_helper a=param_no_default
  //   | param_no_default* a='(' param_no_default+ ','? b=')'      (lambda: ','.lambda_param+)
  //   | a="/" ','
  //   | (slash_no_default | slash_with_default) param_maybe_default* a='/'
  //   | (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
  //         param_maybe_default* a='/'
  //   | param_maybe_default+ '/' a='*'
  void invalid_parameters(bool lambda) {
    PG_ENTER_VOID();
    int m = mark_;
    while (param_no_default(lambda)) {
    }
    if (!error_ && invalid_parameters_helper(lambda)) {
      if (auto a = param_no_default(lambda)) {
        raise_at(a->loc, "non-default argument follows default argument");
        return;
      }
    }
    mark_ = m;
    if (error_) return;
    while (param_no_default(lambda)) {
    }
    if (!error_) {
      if (const Token* a = expect(Tok::LPar)) {
        bool ok = false;
        if (!lambda) {
          while (param_no_default(false)) ok = true;
        } else if (param(true)) {
          ok = true;
          for (;;) {
            int m2 = mark_;
            if (!(expect(Tok::Comma) && param(true))) {
              mark_ = m2;
              break;
            }
          }
        }
        if (ok && !error_) {
          expect(Tok::Comma);
          if (const Token* b = expect(Tok::RPar)) {
            raise_range(token_loc(*a), token_loc(*b),
                        lambda ? "Lambda expression parameters cannot be parenthesized"
                               : "Function parameters cannot be parenthesized");
            return;
          }
        }
      }
    }
    mark_ = m;
    if (error_) return;
    if (const Token* a = expect(Tok::Slash)) {
      if (expect(Tok::Comma)) {
        raise_at_token(*a, "at least one argument must precede /");
        return;
      }
    }
    mark_ = m;
    if (error_) return;
    if (slash_either(lambda)) {
      skip_param_maybe_defaults(lambda);
      if (!error_) {
        if (const Token* a = expect(Tok::Slash)) {
          raise_at_token(*a, "/ may appear only once");
          return;
        }
      }
    }
    mark_ = m;
    if (error_) return;
    if (!slash_either(lambda)) mark_ = m;
    if (!error_) {
      skip_param_maybe_defaults(lambda);
      if (!error_ && expect(Tok::Star)) {
        if (!error_ && (expect(Tok::Comma) || (!error_ && param_no_default(lambda)))) {
          skip_param_maybe_defaults(lambda);
          if (!error_) {
            if (const Token* a = expect(Tok::Slash)) {
              raise_at_token(*a, "/ must be ahead of *");
              return;
            }
          }
        }
      }
    }
    mark_ = m;
    if (error_) return;
    {
      bool any = false;
      while (param_maybe_default(lambda)) any = true;
      if (any && !error_ && expect(Tok::Slash)) {
        if (const Token* a = expect(Tok::Star)) {
          raise_at_token(*a, "expected comma between / and *");
          return;
        }
      }
    }
    mark_ = m;
  }

  // invalid_parameters_helper: slash_with_default | param_with_default+
  bool invalid_parameters_helper(bool lambda) {
    int m = mark_;
    SlashWithDefault a;
    if (slash_with_default(a, lambda)) return true;
    mark_ = m;
    if (error_) return false;
    bool any = false;
    while (param_with_default(lambda)) any = true;
    if (any) return true;
    mark_ = m;
    return false;
  }

  // invalid_star_etc (def):
  //   | a='*' (')' | ',' (')' | '**'))
  //   | '*' ',' TYPE_COMMENT
  //   | '*' param a='='
  //   | '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',')
  // invalid_lambda_star_etc: the same with ':' for ')' and no type comment.
  void invalid_star_etc(bool lambda) {
    PG_ENTER_VOID();
    int m = mark_;
    Tok close = params_end(lambda);
    if (const Token* a = expect(Tok::Star)) {
      bool hit = expect(close) != nullptr;
      if (!hit && expect(Tok::Comma)) hit = expect(close) || expect(Tok::DoubleStar);
      if (hit) {
        if (lambda) {
          raise_syntax("named arguments must follow bare *");
        } else {
          raise_at_token(*a, "named arguments must follow bare *");
        }
        return;
      }
    }
    mark_ = m;
    if (error_) return;
    if (!lambda) {
      if (expect(Tok::Star) && expect(Tok::Comma)) peek();  // TYPE_COMMENT never comes
      mark_ = m;
      if (error_) return;
    }
    if (expect(Tok::Star) && param(lambda)) {
      if (const Token* a = expect(Tok::Equal)) {
        raise_at_token(*a, "var-positional argument cannot have default value");
        return;
      }
    }
    mark_ = m;
    if (error_) return;
    if (expect(Tok::Star) && param_no_default_or_comma(lambda)) {
      skip_param_maybe_defaults(lambda);
      if (!error_) {
        if (const Token* a = expect(Tok::Star)) {
          if (param_no_default_or_comma(lambda)) {
            raise_at_token(*a, "* argument may appear only once");
            return;
          }
        }
      }
    }
    mark_ = m;
  }

  // invalid_kwds:
  //   | '**' param a='='
  //   | '**' param ',' a=param
  //   | '**' param ',' a=('*'|'**'|'/')
  void invalid_kwds(bool lambda) {
    PG_ENTER_VOID();
    int m = mark_;
    if (expect(Tok::DoubleStar) && param(lambda)) {
      if (const Token* a = expect(Tok::Equal)) {
        raise_at_token(*a, "var-keyword argument cannot have default value");
        return;
      }
    }
    mark_ = m;
    if (error_) return;
    if (expect(Tok::DoubleStar) && param(lambda) && expect(Tok::Comma)) {
      if (auto a = param(lambda)) {
        raise_at(a->loc, "arguments cannot follow var-keyword argument");
        return;
      }
    }
    mark_ = m;
    if (error_) return;
    if (expect(Tok::DoubleStar) && param(lambda) && expect(Tok::Comma)) {
      const Token& a = peek();
      if (a.kind == Tok::Star || a.kind == Tok::DoubleStar || a.kind == Tok::Slash) {
        raise_at_token(a, "arguments cannot follow var-keyword argument");
        return;
      }
    }
    mark_ = m;
  }

  // invalid_for_target: ASYNC? 'for' a=star_expressions
  void invalid_for_target() {
    PG_ENTER_VOID();
    int m = mark_;
    expect(Tok::KwAsync);
    if (expect(Tok::KwFor)) {
      if (Expr* a = star_expressions()) raise_invalid_target(TargetsType::For, a);
    }
    if (!error_) mark_ = m;
  }

  // invalid_group: '(' a=starred_expression ')' | '(' a='**' expression ')'
  void invalid_group() {
    PG_ENTER_VOID();
    int m = mark_;
    if (expect(Tok::LPar)) {
      if (Expr* a = starred_expression()) {
        if (expect(Tok::RPar)) {
          raise_at(a->loc, "cannot use starred expression here");
          return;
        }
      }
    }
    mark_ = m;
    if (error_) return;
    if (expect(Tok::LPar)) {
      if (const Token* a = expect(Tok::DoubleStar)) {
        if (expression() && expect(Tok::RPar)) {
          raise_at_token(*a, "cannot use double starred expression here");
          return;
        }
      }
    }
    mark_ = m;
  }

  // ','.(expression ['as' star_target])+   or, parenthesized,
  // ','.(expressions ['as' star_target])+
  bool loose_with_items(bool parenthesized) {
    auto item = [&]() -> bool {
      Expr* e = parenthesized ? expressions() : expression();
      if (e == nullptr) return false;
      int m = mark_;
      if (!(expect(Tok::KwAs) && star_target())) mark_ = m;
      return !error_;
    };
    if (!item()) return false;
    for (;;) {
      int m = mark_;
      if (!(expect(Tok::Comma) && item())) {
        mark_ = m;
        break;
      }
    }
    return !error_;
  }

  // invalid_with_stmt:
  //   | [ASYNC] 'with' ','.(expression ['as' star_target])+ NEWLINE
  //   | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE
  void invalid_with_stmt() {
    PG_ENTER_VOID();
    int m = mark_;
    for (int parenthesized = 0; parenthesized < 2; ++parenthesized) {
      mark_ = m;
      expect(Tok::KwAsync);
      if (!expect(Tok::KwWith)) continue;
      if (parenthesized && !expect(Tok::LPar)) continue;
      if (!loose_with_items(parenthesized)) {
        if (error_) return;
        continue;
      }
      if (parenthesized) {
        expect(Tok::Comma);
        if (!expect(Tok::RPar)) continue;
      }
      if (expect(Tok::Newline)) {
        raise_syntax("expected ':'");
        return;
      }
      if (error_) return;
    }
    mark_ = m;
  }

  // invalid_with_stmt_indent:
  //   | [ASYNC] a='with' ','.(expression ['as' star_target])+ ':' NEWLINE !INDENT
  //   | [ASYNC] a='with' '(' ','.(expressions ['as' star_target])+ ','? ')' ':' NEWLINE !INDENT
  void invalid_with_stmt_indent() {
    PG_ENTER_VOID();
    int m = mark_;
    for (int parenthesized = 0; parenthesized < 2; ++parenthesized) {
      mark_ = m;
      expect(Tok::KwAsync);
      const Token* a = expect(Tok::KwWith);
      if (a == nullptr) continue;
      if (parenthesized && !expect(Tok::LPar)) continue;
      if (!loose_with_items(parenthesized)) {
        if (error_) return;
        continue;
      }
      if (parenthesized) {
        expect(Tok::Comma);
        if (!expect(Tok::RPar)) continue;
      }
      if (expect(Tok::Colon) && expect(Tok::Newline) && !check(Tok::Indent)) {
        raise_indentation("expected an indented block after 'with' statement on line " +
                          std::to_string(a->line));
        return;
      }
      if (error_) return;
    }
    mark_ = m;
  }

  // invalid_try_stmt:
  //   | a='try' ':' NEWLINE !INDENT
  //   | 'try' ':' block !('except' | 'finally')
  //   | 'try' ':' block* except_block+ a='except' b='*' expression ['as' NAME] ':'
  //   | 'try' ':' block* except_star_block+ a='except' [expression ['as' NAME]] ':'
  void invalid_try_stmt() {
    PG_ENTER_VOID();
    int m = mark_;
    if (const Token* a = expect(Tok::KwTry)) {
      if (expect(Tok::Colon) && expect(Tok::Newline) && !check(Tok::Indent)) {
        raise_indentation("expected an indented block after 'try' statement on line " +
                          std::to_string(a->line));
        return;
      }
    }
    mark_ = m;
    if (error_) return;
    if (expect(Tok::KwTry) && expect(Tok::Colon) && block()) {
      if (!check(Tok::KwExcept) && !check(Tok::KwFinally)) {
        raise_syntax("expected 'except' or 'finally' block");
        return;
      }
    }
    mark_ = m;
    if (error_) return;
    if (expect(Tok::KwTry) && expect(Tok::Colon)) {
      while (block()) {
      }
      bool any = false;
      while (except_block()) any = true;
      if (any && !error_) {
        if (const Token* a = expect(Tok::KwExcept)) {
          if (const Token* b = expect(Tok::Star)) {
            if (expression()) {
              optional_as_name();
              if (expect(Tok::Colon)) {
                raise_range(token_loc(*a), token_loc(*b),
                            "cannot have both 'except' and 'except*' on the same 'try'");
                return;
              }
            }
          }
        }
      }
    }
    mark_ = m;
    if (error_) return;
    if (expect(Tok::KwTry) && expect(Tok::Colon)) {
      while (block()) {
      }
      bool any = false;
      while (except_star_block()) any = true;
      if (any && !error_) {
        if (const Token* a = expect(Tok::KwExcept)) {
          int m2 = mark_;
          if (expression()) {
            optional_as_name();
          } else {
            mark_ = m2;
          }
          if (!error_ && expect(Tok::Colon)) {
            raise_at_token(*a, "cannot have both 'except' and 'except*' on the same 'try'");
            return;
          }
        }
      }
    }
    mark_ = m;
  }

  // invalid_except_stmt:
  //   | 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
  //   | a='except' '*'? expression ['as' NAME ] NEWLINE
  //   | a='except' NEWLINE
  //   | a='except' '*' (NEWLINE | ':')
  void invalid_except_stmt() {
    PG_ENTER_VOID();
    int m = mark_;
    if (expect(Tok::KwExcept)) {
      expect(Tok::Star);
      if (Expr* a = expression()) {
        if (expect(Tok::Comma) && expressions()) {
          optional_as_name();
          if (expect(Tok::Colon)) {
            raise_starting_from(a->loc, "multiple exception types must be parenthesized");
            return;
          }
        }
      }
    }
    mark_ = m;
    if (error_) return;
    if (expect(Tok::KwExcept)) {
      expect(Tok::Star);
      if (expression()) {
        optional_as_name();
        if (expect(Tok::Newline)) {
          raise_syntax("expected ':'");
          return;
        }
      }
    }
    mark_ = m;
    if (error_) return;
    if (expect(Tok::KwExcept) && expect(Tok::Newline)) {
      raise_syntax("expected ':'");
      return;
    }
    mark_ = m;
    if (error_) return;
    if (expect(Tok::KwExcept) && expect(Tok::Star) && (expect(Tok::Newline) || expect(Tok::Colon))) {
      raise_syntax("expected one or more exception types");
      return;
    }
    mark_ = m;
  }

  // invalid_except_stmt_indent:
  //   | a='except' expression ['as' NAME ] ':' NEWLINE !INDENT
  //   | a='except' ':' NEWLINE !INDENT
  void invalid_except_stmt_indent() {
    PG_ENTER_VOID();
    int m = mark_;
    for (int bare = 0; bare < 2; ++bare) {
      mark_ = m;
      const Token* a = expect(Tok::KwExcept);
      if (a == nullptr) return;
      if (!bare) {
        if (!expression()) {
          if (error_) return;
          continue;
        }
        optional_as_name();
      }
      if (expect(Tok::Colon) && expect(Tok::Newline) && !check(Tok::Indent)) {
        raise_indentation("expected an indented block after 'except' statement on line " +
                          std::to_string(a->line));
        return;
      }
      if (error_) return;
    }
    mark_ = m;
  }

  // invalid_if_stmt / invalid_elif_stmt:
  //   | 'if' named_expression NEWLINE
  //   | a='if' a=named_expression ':' NEWLINE !INDENT
  // (for 'if' the line reported is the condition's, as `a` is rebound).
  void invalid_if_stmt(Tok keyword) {
    PG_ENTER_VOID();
    int m = mark_;
    if (expect(keyword) && named_expression() && expect(Tok::Newline)) {
      raise_syntax("expected ':'");
      return;
    }
    mark_ = m;
    if (error_) return;
    if (const Token* a = expect(keyword)) {
      if (Expr* cond = named_expression()) {
        if (expect(Tok::Colon) && expect(Tok::Newline) && !check(Tok::Indent)) {
          int line = keyword == Tok::KwIf ? cond->loc.line : a->line;
          raise_indentation(std::string("expected an indented block after '") +
                            (keyword == Tok::KwIf ? "if" : "elif") + "' statement on line " +
                            std::to_string(line));
          return;
        }
      }
    }
    mark_ = m;
  }

  // invalid_while_stmt:
  //   | 'while' named_expression NEWLINE
  //   | a='while' named_expression ':' NEWLINE !INDENT
  void invalid_while_stmt() {
    PG_ENTER_VOID();
    int m = mark_;
    if (expect(Tok::KwWhile) && named_expression() && expect(Tok::Newline)) {
      raise_syntax("expected ':'");
      return;
    }
    mark_ = m;
    if (error_) return;
    if (const Token* a = expect(Tok::KwWhile)) {
      if (named_expression() && expect(Tok::Colon) && expect(Tok::Newline) && !check(Tok::Indent)) {
        raise_indentation("expected an indented block after 'while' statement on line " +
                          std::to_string(a->line));
        return;
      }
    }
    mark_ = m;
  }

  // invalid_for_stmt:
  //   | [ASYNC] 'for' star_targets 'in' star_expressions NEWLINE
  //   | [ASYNC] a='for' star_targets 'in' star_expressions ':' NEWLINE !INDENT
  void invalid_for_stmt() {
    PG_ENTER_VOID();
    int m = mark_;
    expect(Tok::KwAsync);
    if (expect(Tok::KwFor) && star_targets() && expect(Tok::KwIn) && star_expressions() &&
        expect(Tok::Newline)) {
      raise_syntax("expected ':'");
      return;
    }
    mark_ = m;
    if (error_) return;
    expect(Tok::KwAsync);
    if (const Token* a = expect(Tok::KwFor)) {
      if (star_targets() && expect(Tok::KwIn) && star_expressions() && expect(Tok::Colon) &&
          expect(Tok::Newline) && !check(Tok::Indent)) {
        raise_indentation("expected an indented block after 'for' statement on line " +
                          std::to_string(a->line));
        return;
      }
    }
    mark_ = m;
  }

  // invalid_def_raw:
  //   | [ASYNC] a='def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT
  void invalid_def_raw() {
    PG_ENTER_VOID();
    int m = mark_;
    expect(Tok::KwAsync);
    if (const Token* a = expect(Tok::KwDef)) {
      if (expect(Tok::Name) && expect(Tok::LPar)) {
        int m2 = mark_;
        Arguments ignored;
        if (!params(ignored, false)) mark_ = m2;
        if (!error_ && expect(Tok::RPar)) {
          m2 = mark_;
          if (!(expect(Tok::RArrow) && expression())) mark_ = m2;
          if (!error_ && expect(Tok::Colon) && expect(Tok::Newline) && !check(Tok::Indent)) {
            raise_indentation("expected an indented block after function definition on line " +
                              std::to_string(a->line));
            return;
          }
        }
      }
    }
    mark_ = m;
  }

  // invalid_class_def_raw:
  //   | 'class' NAME ['(' [arguments] ')'] NEWLINE
  //   | a='class' NAME ['(' [arguments] ')'] ':' NEWLINE !INDENT
  void invalid_class_def_raw() {
    PG_ENTER_VOID();
    int m = mark_;
    for (int alt = 0; alt < 2; ++alt) {
      mark_ = m;
      const Token* a = expect(Tok::KwClass);
      if (a == nullptr) return;
      if (!expect(Tok::Name)) return;
      int m2 = mark_;
      if (expect(Tok::LPar)) {
        int m3 = mark_;
        if (!arguments()) mark_ = m3;
        if (error_) return;
        if (!expect(Tok::RPar)) mark_ = m2;
      }
      if (error_) return;
      if (alt == 0) {
        if (expect(Tok::Newline)) {
          raise_syntax("expected ':'");
          return;
        }
      } else if (expect(Tok::Colon) && expect(Tok::Newline) && !check(Tok::Indent)) {
        raise_indentation("expected an indented block after class definition on line " +
                          std::to_string(a->line));
        return;
      }
      if (error_) return;
    }
    mark_ = m;
  }

  // invalid_double_starred_kvpairs:
  //   | ','.double_starred_kvpair+ ',' invalid_kvpair
  //   | expression ':' a='*' bitwise_or
  //   | expression a=':' &('}'|',')
  void invalid_double_starred_kvpairs() {
    PG_ENTER_VOID();
    int m = mark_;
    std::vector<KeyValue> pairs;
    if (gather_kvpairs(pairs) && expect(Tok::Comma)) {
      invalid_kvpair();
      if (error_) return;
    }
    mark_ = m;
    if (error_) return;
    invalid_kvpair_value();
    mark_ = m;
  }

  // The two alternatives shared by invalid_double_starred_kvpairs and
  // invalid_kvpair.
  void invalid_kvpair_value() {
    int m = mark_;
    if (expression() && expect(Tok::Colon)) {
      if (const Token* a = expect(Tok::Star)) {
        if (bitwise_or()) {
          raise_starting_from(token_loc(*a), "cannot use a starred expression in a dictionary value");
          return;
        }
      }
    }
    mark_ = m;
    if (error_) return;
    if (expression()) {
      if (const Token* a = expect(Tok::Colon)) {
        if (check(Tok::RBrace) || check(Tok::Comma)) {
          raise_at_token(*a, "expression expected after dictionary key and ':'");
          return;
        }
      }
    }
    mark_ = m;
  }

  // invalid_kvpair:
  //   | a=expression !(':')
  //   | expression ':' a='*' bitwise_or
  //   | expression a=':' &('}'|',')
  void invalid_kvpair() {
    PG_ENTER_VOID();
    int m = mark_;
    if (Expr* a = expression()) {
      if (!check(Tok::Colon)) {
        raise_loc(ErrKind::Syntax, a->loc.line, a->loc.end_col - 1, a->loc.end_line, -1,
                  "':' expected after dictionary key");
        return;
      }
    }
    mark_ = m;
    if (error_) return;
    invalid_kvpair_value();
    mark_ = m;
  }

  // =========================================================================
  // 6. String literals and f-strings (CPython's string_parser.c)
  // =========================================================================

  // strings (memo): STRING+
  Expr* strings() {
    return memoized<Expr>(kMemoStrings, [&]() -> Expr* {
      PG_ENTER();
      std::vector<const Token*> parts;
      while (const Token* t = expect(Tok::String)) parts.push_back(t);
      if (parts.empty() || error_) return nullptr;
      return concatenate_strings(parts);
    });
  }

  // What an f-string collects: finished parts, plus literal text not yet
  // turned into a Constant (CPython's FstringParser).
  struct FStringState {
    bool fmode = false;
    std::string last_str;
    std::vector<Expr*> values;
  };

  static Loc span(const Token& first, const Token& last) {
    return {first.line, first.col, last.end_line, last.end_col};
  }

  Constant* str_node(std::string s, const Token& first, const Token& last) {
    Constant* c = node<Constant>(span(first, last));
    c->const_kind = ConstKind::Str;
    c->text = std::move(s);
    return c;
  }

  void flush_literal(FStringState& st, const Token& first, const Token& last) {
    if (st.last_str.empty()) return;
    st.values.push_back(str_node(std::move(st.last_str), first, last));
    st.last_str.clear();
  }

  Expr* fstring_finish(FStringState& st, const Token& first, const Token& last) {
    if (!st.fmode) return str_node(std::move(st.last_str), first, last);
    flush_literal(st, first, last);
    JoinedStr* j = node<JoinedStr>(span(first, last));
    j->values = std::move(st.values);
    return j;
  }

  // Adjacent literals become one Constant (str or bytes) or one JoinedStr.
  Expr* concatenate_strings(const std::vector<const Token*>& toks) {
    const Token& first = *toks.front();
    const Token& last = *toks.back();
    bool bytesmode = false;
    std::string bytes;
    FStringState st;
    for (size_t i = 0; i < toks.size(); ++i) {
      const Token& t = *toks[i];
      std::string_view s = text(t);
      bool is_bytes = false, is_raw = false, is_f = false;
      size_t p = 0;
      while (p < s.size() && s[p] != '\'' && s[p] != '"') {
        char c = static_cast<char>(s[p] | 0x20);
        is_bytes |= c == 'b';
        is_raw |= c == 'r';
        is_f |= c == 'f';
        ++p;
      }
      char quote = s[p];
      size_t q = (s.size() - p >= 6 && s[p + 1] == quote && s[p + 2] == quote) ? 3 : 1;
      size_t body_start = p + q;
      size_t body_end = s.size() - q;
      std::string_view body = s.substr(body_start, body_end - body_start);
      std::string decoded;
      if (!is_f) {
        bool raw = is_raw || body.find('\\') == std::string_view::npos;
        if (is_bytes) {
          for (size_t k = body_start; k < s.size(); ++k) {
            if (static_cast<unsigned char>(s[k]) >= 0x80) {
              raise_at_token(t, "bytes can only contain ASCII literal characters");
              return nullptr;
            }
          }
        }
        if (raw) {
          decoded = std::string(body);
        } else {
          std::string err;
          bool ok = is_bytes ? decode_bytes_escapes(body, decoded, err) : decode_str_escapes(body, decoded, err);
          if (!ok) {
            raise_syntax(err);
            return nullptr;
          }
        }
      }
      if (i != 0 && bytesmode != is_bytes) {
        raise_syntax("cannot mix bytes and nonbytes literals");
        return nullptr;
      }
      bytesmode = is_bytes;
      if (is_f) {
        size_t pos = body_start;
        if (!fstring_concat(st, s, pos, body_end, is_raw, 0, first, t, last)) return nullptr;
      } else if (bytesmode) {
        bytes += decoded;
      } else {
        st.last_str += decoded;
      }
    }
    if (bytesmode) {
      Constant* c = node<Constant>(span(first, last));
      c->const_kind = ConstKind::Bytes;
      c->text = std::move(bytes);
      return c;
    }
    return fstring_finish(st, first, last);
  }

  // Parses f-string text s[pos, end) (s is the whole token, prefix and
  // quotes included) into `st`. At recursion level > 0 (a format spec) it
  // stops at the closing '}'.
  bool fstring_concat(FStringState& st, std::string_view s, size_t& pos, size_t end, bool raw,
                      int level, const Token& first, const Token& t, const Token& last) {
    st.fmode = true;
    for (;;) {
      std::string literal;
      std::optional<std::string> expr_text;
      Expr* expression = nullptr;
      int result = fstring_literal(s, pos, end, raw, level, literal);
      if (result < 0) return false;
      st.last_str += literal;
      if (result == 1) continue;  // a doubled brace: keep collecting literal text
      if (pos >= end || s[pos] == '}') break;
      if (!fstring_expression(s, pos, end, raw, level, expr_text, expression, first, t, last)) {
        return false;
      }
      if (expr_text) st.last_str += *expr_text;
      flush_literal(st, first, last);
      st.values.push_back(expression);
    }
    if (level == 0 && pos + 1 < end) {
      raise_syntax("f-string: unexpected end of string");
      return false;
    }
    if (level != 0 && (pos >= s.size() || s[pos] != '}')) {
      raise_syntax("f-string: expecting '}'");
      return false;
    }
    return true;
  }

  // Literal text up to an unescaped '{' (or '}' in a format spec).
  // Returns 1 after a doubled brace (the literal keeps one), 0 otherwise,
  // -1 on error.
  int fstring_literal(std::string_view s, size_t& pos, size_t end, bool raw, int level,
                      std::string& literal) {
    size_t i = pos;
    size_t literal_start = i;
    int result = 0;
    while (i < end) {
      char ch = s[i++];
      if (!raw && ch == '\\' && i < end) {
        ch = s[i++];
        if (ch == 'N') {
          // Skip "\N{NAME}" so its braces do not start an expression.
          if (i < end && s[i++] == '{') {
            while (i < end && s[i++] != '}') {
            }
          }
          continue;
        }
      }
      if (ch == '{' || ch == '}') {
        if (level == 0) {
          if (i < end && s[i] == ch) {
            pos = i + 1;
            result = 1;
            break;
          }
          if (ch == '}') {
            pos = i - 1;
            raise_syntax("f-string: single '}' is not allowed");
            return -1;
          }
        }
        --i;
        pos = i;
        break;
      }
      pos = i;
    }
    if (i >= end) pos = i;
    if (literal_start != i) {
      std::string_view text_part = s.substr(literal_start, i - literal_start);
      if (raw) {
        literal = std::string(text_part);
      } else {
        std::string err;
        if (!decode_str_escapes(text_part, literal, err)) {
          raise_syntax(err);
          return -1;
        }
      }
    }
    return result;
  }

  // One replacement field, s[pos] == '{'.
  bool fstring_expression(std::string_view s, size_t& pos, size_t end, bool raw, int level,
                          std::optional<std::string>& expr_text, Expr*& expression,
                          const Token& first, const Token& t, const Token& last) {
    if (level >= 2) {
      raise_syntax("f-string: expressions nested too deeply");
      return false;
    }
    ++pos;
    size_t expr_start = pos;
    char quote_char = 0;
    int string_type = 0;
    std::vector<char> parens;
    // Find where the expression ends: at '!', ':', '=' or '}' outside
    // brackets and strings (but not inside "!=", "==", "<=", ">=").
    for (; pos < end; ++pos) {
      char ch = s[pos];
      if (ch == '\\') {
        raise_syntax("f-string expression part cannot include a backslash");
        return false;
      }
      if (quote_char != 0) {
        if (ch == quote_char) {
          if (string_type == 3) {
            if (pos + 2 < end && s[pos + 1] == ch && s[pos + 2] == ch) {
              pos += 2;
              string_type = 0;
              quote_char = 0;
            }
          } else {
            string_type = 0;
            quote_char = 0;
          }
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        if (pos + 2 < end && s[pos + 1] == ch && s[pos + 2] == ch) {
          string_type = 3;
          pos += 2;
        } else {
          string_type = 1;
        }
        quote_char = ch;
      } else if (ch == '[' || ch == '{' || ch == '(') {
        if (parens.size() >= static_cast<size_t>(Tokenizer::kMaxParenLevel)) {
          raise_syntax("f-string: too many nested parenthesis");
          return false;
        }
        parens.push_back(ch);
      } else if (ch == '#') {
        raise_syntax("f-string expression part cannot include '#'");
        return false;
      } else if (parens.empty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
        if (pos + 1 < end) {
          char next = s[pos + 1];
          if ((ch == '!' && next == '=') || (ch == '=' && next == '=') || (ch == '<' && next == '=') ||
              (ch == '>' && next == '=')) {
            ++pos;
            continue;
          }
        }
        if (ch == '>' || ch == '<') continue;
        break;
      } else if (ch == ']' || ch == '}' || ch == ')') {
        if (parens.empty()) {
          raise_syntax(std::string("f-string: unmatched '") + ch + "'");
          return false;
        }
        char opening = parens.back();
        parens.pop_back();
        if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') || (opening == '{' && ch == '}'))) {
          raise_syntax(std::string("f-string: closing parenthesis '") + ch +
                       "' does not match opening parenthesis '" + opening + "'");
          return false;
        }
      }
    }
    size_t expr_end = pos;
    if (quote_char != 0) {
      raise_syntax("f-string: unterminated string");
      return false;
    }
    if (!parens.empty()) {
      raise_syntax(std::string("f-string: unmatched '") + parens.back() + "'");
      return false;
    }
    auto unexpected_end = [&] {
      raise_syntax("f-string: expecting '}'");
      return false;
    };
    if (pos >= end) return unexpected_end();
    Expr* value = fstring_compile_expr(s, expr_start, expr_end, t);
    if (value == nullptr) return false;
    if (s[pos] == '=') {
      ++pos;
      while (pos < s.size() && (s[pos] == ' ' || (s[pos] >= '\t' && s[pos] <= '\r'))) ++pos;
      if (pos >= end) return unexpected_end();
      expr_text = std::string(s.substr(expr_start, pos - expr_start));
    }
    int conversion = -1;
    if (s[pos] == '!') {
      ++pos;
      if (pos >= end) return unexpected_end();
      conversion = static_cast<unsigned char>(s[pos]);
      ++pos;
      if (conversion != 's' && conversion != 'r' && conversion != 'a') {
        raise_syntax("f-string: invalid conversion character: expected 's', 'r', or 'a'");
        return false;
      }
    }
    Expr* format_spec = nullptr;
    if (pos < end && s[pos] == ':') {
      ++pos;
      if (pos >= end) return unexpected_end();
      FStringState spec;
      if (!fstring_concat(spec, s, pos, end, raw, level + 1, first, t, last)) return false;
      format_spec = fstring_finish(spec, t, t);
    }
    if (pos >= end || s[pos] != '}') return unexpected_end();
    ++pos;
    if (expr_text && format_spec == nullptr && conversion == -1) conversion = 'r';
    FormattedValue* fv = node<FormattedValue>(span(first, last));
    fv->value = value;
    fv->conversion = conversion;
    fv->format_spec = format_spec;
    expression = fv;
    return true;
  }

  // Parses the expression s[start, end) of a replacement field with a
  // parser of its own, on the text "(expr)", its positions shifted to where
  // the expression sits (CPython's fstring_compile_expr).
  Expr* fstring_compile_expr(std::string_view s, size_t start, size_t end, const Token& t) {
    size_t i = start;
    while (i != end && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f')) ++i;
    if (i == end) {
      char c = s[end];
      if (c == '!' || c == ':' || c == '=') {
        raise_syntax(std::string("f-string: expression required before '") + c + "'");
      } else {
        raise_syntax("f-string: empty expression not allowed");
      }
      return nullptr;
    }
    size_t brace = start - 1;
    bool newline_after_brace = true;
    for (size_t j = brace + 1; j < s.size() && s[j] != '}' && s[j] != '\n'; ++j) {
      if (s[j] != ' ' && s[j] != '\t' && s[j] != '\f') {
        newline_after_brace = false;
        break;
      }
    }
    int lines = 0;
    int cols = 0;
    if (!newline_after_brace) {
      size_t st = brace;
      while (st > 0 && s[st] != '\n') --st;
      cols += static_cast<int>(brace - st);
      if (s[st] == '\n') cols -= 1;
    }
    for (size_t j = 0; j < brace; ++j) lines += s[j] == '\n';
    std::string buffer = "(" + std::string(s.substr(start, end - start)) + ")\n";
    // On the string's first line the expression's columns are relative to
    // the token; on later lines they already are line columns.
    Parser sub(buffer, buffer, filename_, arena_, true, t.line + lines, lines == 0 ? t.col + cols : cols);
    sub.depth_ = depth_;
    sub.stack_base_ = stack_base_;
    Expr* e = sub.parse_fstring_expr();
    if (e == nullptr) {
      err_ = sub.error();
      error_ = true;
      has_error_ = true;
      return nullptr;
    }
    return e;
  }

  // --- escape sequences ----------------------------------------------------

  static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  static void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      // Lone surrogates (\ud800) are kept, encoded like any code point.
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

  // Decodes the escapes of a str literal into UTF-8. On error `err` gets
  // CPython's message. CPython rewrites each non-ASCII character as a
  // 10-byte \UXXXXXXXX escape before decoding and reports positions in that
  // text; `vpos` follows those positions.
  static bool decode_str_escapes(std::string_view s, std::string& out, std::string& err) {
    auto vlen = [](unsigned char c) { return c < 0x80 ? 1 : ((c & 0xC0) == 0xC0 ? 10 : 0); };
    auto fail = [&](size_t start, size_t end, const char* reason) {
      err = "(unicode error) 'unicodeescape' codec can't decode bytes in position " + std::to_string(start) +
            "-" + std::to_string(end - 1) + ": " + reason;
      return false;
    };
    size_t i = 0;
    size_t vpos = 0;
    while (i < s.size()) {
      auto c = static_cast<unsigned char>(s[i]);
      if (c != '\\') {
        out += static_cast<char>(c);
        vpos += vlen(c);
        ++i;
        continue;
      }
      size_t start = vpos;
      if (i + 1 >= s.size() || static_cast<unsigned char>(s[i + 1]) >= 0x80) {
        out += '\\';  // kept as written (CPython: "\u005c")
        vpos += 6;
        ++i;
        continue;
      }
      char e = s[i + 1];
      i += 2;
      vpos += 2;
      switch (e) {
        case '\n': break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          uint32_t v = static_cast<uint32_t>(e - '0');
          for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++k) {
            v = v * 8 + static_cast<uint32_t>(s[i] - '0');
            ++i;
            ++vpos;
          }
          append_utf8(out, v);
          break;
        }
        case 'x':
        case 'u':
        case 'U': {
          int count = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          const char* msg = e == 'x' ? "truncated \\xXX escape"
                            : e == 'u' ? "truncated \\uXXXX escape"
                                       : "truncated \\UXXXXXXXX escape";
          uint32_t v = 0;
          for (int k = 0; k < count; ++k) {
            if (i >= s.size()) return fail(start, vpos, msg);
            int h = hex_value(s[i]);
            if (h < 0) return fail(start, vpos, msg);
            v = v * 16 + static_cast<uint32_t>(h);
            ++i;
            ++vpos;
          }
          if (v > 0x10FFFF) return fail(start, vpos, "illegal Unicode character");
          append_utf8(out, v);
          break;
        }
        case 'N': {
          const char* msg = "malformed \\N character escape";
          if (i >= s.size() || s[i] != '{') return fail(start, vpos, msg);
          size_t name_start = i + 1;
          size_t j = name_start;
          size_t vj = vpos + 1;
          while (j < s.size() && s[j] != '}') vj += vlen(static_cast<unsigned char>(s[j++]));
          if (j >= s.size()) return fail(start, vj, msg);
          if (j == name_start) return fail(start, vj, msg);
          std::optional<uint32_t> cp = lookup_unicode_name(s.substr(name_start, j - name_start));
          if (!cp) return fail(start, vj + 1, "unknown Unicode character name");
          append_utf8(out, *cp);
          i = j + 1;
          vpos = vj + 1;
          break;
        }
        default:
          // Unknown escapes stay as written (CPython warns).
          out += '\\';
          out += e;
          break;
      }
    }
    return true;
  }

  // Decodes the escapes of a bytes literal (ASCII only, checked before).
  static bool decode_bytes_escapes(std::string_view s, std::string& out, std::string& err) {
    size_t i = 0;
    while (i < s.size()) {
      char c = s[i];
      if (c != '\\') {
        out += c;
        ++i;
        continue;
      }
      size_t start = i;
      if (i + 1 >= s.size()) {
        err = "(value error) Trailing \\ in string";
        return false;
      }
      char e = s[i + 1];
      i += 2;
      switch (e) {
        case '\n': break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          unsigned v = static_cast<unsigned>(e - '0');
          for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++k) {
            v = v * 8 + static_cast<unsigned>(s[i++] - '0');
          }
          out += static_cast<char>(v & 0xFF);
          break;
        }
        case 'x':
          if (i + 1 < s.size() && hex_value(s[i]) >= 0 && hex_value(s[i + 1]) >= 0) {
            out += static_cast<char>(hex_value(s[i]) * 16 + hex_value(s[i + 1]));
            i += 2;
            break;
          }
          err = "(value error) invalid \\x escape at position " + std::to_string(start);
          return false;
        default:
          out += '\\';
          out += e;
          break;
      }
    }
    return true;
  }

  // \N{name}: pyglass carries no Unicode name database, only this table
  // of commonly used names plus "CJK UNIFIED IDEOGRAPH-XXXX", "LATIN
  // CAPITAL/SMALL LETTER X" and "DIGIT ZERO".."DIGIT NINE". Other names get
  // CPython's "unknown Unicode character name" error. Case is ignored, as in
  // CPython.
  static std::optional<uint32_t> lookup_unicode_name(std::string_view raw_name) {
    std::string name;
    for (char c : raw_name) name += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    struct Entry {
      const char* name;
      uint32_t cp;
    };
    static const Entry kNames[] = {
        {"NULL", 0x0},          {"CHARACTER TABULATION", 0x9},   {"LINE FEED", 0xA},
        {"CARRIAGE RETURN", 0xD}, {"ESCAPE", 0x1B},              {"SPACE", 0x20},
        {"EXCLAMATION MARK", 0x21}, {"QUOTATION MARK", 0x22},    {"NUMBER SIGN", 0x23},
        {"DOLLAR SIGN", 0x24},  {"PERCENT SIGN", 0x25},          {"AMPERSAND", 0x26},
        {"APOSTROPHE", 0x27},   {"ASTERISK", 0x2A},              {"PLUS SIGN", 0x2B},
        {"COMMA", 0x2C},        {"HYPHEN-MINUS", 0x2D},          {"FULL STOP", 0x2E},
        {"SOLIDUS", 0x2F},      {"COLON", 0x3A},                 {"SEMICOLON", 0x3B},
        {"LESS-THAN SIGN", 0x3C}, {"EQUALS SIGN", 0x3D},         {"GREATER-THAN SIGN", 0x3E},
        {"QUESTION MARK", 0x3F}, {"COMMERCIAL AT", 0x40},        {"REVERSE SOLIDUS", 0x5C},
        {"LOW LINE", 0x5F},     {"GRAVE ACCENT", 0x60},          {"TILDE", 0x7E},
        {"DELETE", 0x7F},       {"NO-BREAK SPACE", 0xA0},        {"INVERTED EXCLAMATION MARK", 0xA1},
        {"CENT SIGN", 0xA2},    {"POUND SIGN", 0xA3},            {"YEN SIGN", 0xA5},
        {"SECTION SIGN", 0xA7}, {"COPYRIGHT SIGN", 0xA9},        {"NOT SIGN", 0xAC},
        {"SOFT HYPHEN", 0xAD},  {"REGISTERED SIGN", 0xAE},       {"DEGREE SIGN", 0xB0},
        {"PLUS-MINUS SIGN", 0xB1}, {"MICRO SIGN", 0xB5},         {"PILCROW SIGN", 0xB6},
        {"MIDDLE DOT", 0xB7},   {"INVERTED QUESTION MARK", 0xBF}, {"MULTIPLICATION SIGN", 0xD7},
        {"LATIN SMALL LETTER SHARP S", 0xDF}, {"LATIN SMALL LETTER A WITH GRAVE", 0xE0},
        {"LATIN SMALL LETTER A WITH ACUTE", 0xE1}, {"LATIN SMALL LETTER A WITH DIAERESIS", 0xE4},
        {"LATIN SMALL LETTER C WITH CEDILLA", 0xE7}, {"LATIN SMALL LETTER E WITH GRAVE", 0xE8},
        {"LATIN SMALL LETTER E WITH ACUTE", 0xE9}, {"LATIN SMALL LETTER N WITH TILDE", 0xF1},
        {"LATIN SMALL LETTER O WITH DIAERESIS", 0xF6}, {"DIVISION SIGN", 0xF7},
        {"LATIN SMALL LETTER U WITH DIAERESIS", 0xFC}, {"LATIN CAPITAL LETTER A WITH DIAERESIS", 0xC4},
        {"LATIN CAPITAL LETTER E WITH ACUTE", 0xC9}, {"LATIN CAPITAL LETTER O WITH DIAERESIS", 0xD6},
        {"LATIN CAPITAL LETTER U WITH DIAERESIS", 0xDC},
        {"GREEK CAPITAL LETTER DELTA", 0x394}, {"GREEK CAPITAL LETTER SIGMA", 0x3A3},
        {"GREEK CAPITAL LETTER OMEGA", 0x3A9}, {"GREEK SMALL LETTER ALPHA", 0x3B1},
        {"GREEK SMALL LETTER BETA", 0x3B2}, {"GREEK SMALL LETTER GAMMA", 0x3B3},
        {"GREEK SMALL LETTER DELTA", 0x3B4}, {"GREEK SMALL LETTER EPSILON", 0x3B5},
        {"GREEK SMALL LETTER THETA", 0x3B8}, {"GREEK SMALL LETTER LAMDA", 0x3BB},
        {"GREEK SMALL LETTER MU", 0x3BC}, {"GREEK SMALL LETTER PI", 0x3C0},
        {"GREEK SMALL LETTER SIGMA", 0x3C3}, {"GREEK SMALL LETTER TAU", 0x3C4},
        {"GREEK SMALL LETTER PHI", 0x3C6}, {"GREEK SMALL LETTER OMEGA", 0x3C9},
        {"CYRILLIC CAPITAL LETTER ZHE", 0x416}, {"HEBREW LETTER ALEF", 0x5D0},
        {"EN SPACE", 0x2002},   {"EM SPACE", 0x2003},            {"THIN SPACE", 0x2009},
        {"ZERO WIDTH SPACE", 0x200B}, {"ZERO WIDTH NON-JOINER", 0x200C},
        {"ZERO WIDTH JOINER", 0x200D}, {"HYPHEN", 0x2010},       {"EN DASH", 0x2013},
        {"EM DASH", 0x2014},    {"LEFT SINGLE QUOTATION MARK", 0x2018},
        {"RIGHT SINGLE QUOTATION MARK", 0x2019}, {"LEFT DOUBLE QUOTATION MARK", 0x201C},
        {"RIGHT DOUBLE QUOTATION MARK", 0x201D}, {"DAGGER", 0x2020}, {"BULLET", 0x2022},
        {"HORIZONTAL ELLIPSIS", 0x2026}, {"PER MILLE SIGN", 0x2030}, {"PRIME", 0x2032},
        {"EURO SIGN", 0x20AC},  {"TRADE MARK SIGN", 0x2122},     {"LEFTWARDS ARROW", 0x2190},
        {"UPWARDS ARROW", 0x2191}, {"RIGHTWARDS ARROW", 0x2192}, {"DOWNWARDS ARROW", 0x2193},
        {"LEFT RIGHT ARROW", 0x2194}, {"RIGHTWARDS DOUBLE ARROW", 0x21D2},
        {"FOR ALL", 0x2200},    {"PARTIAL DIFFERENTIAL", 0x2202}, {"THERE EXISTS", 0x2203},
        {"EMPTY SET", 0x2205},  {"NABLA", 0x2207},               {"ELEMENT OF", 0x2208},
        {"N-ARY PRODUCT", 0x220F}, {"N-ARY SUMMATION", 0x2211},  {"MINUS SIGN", 0x2212},
        {"SQUARE ROOT", 0x221A}, {"INFINITY", 0x221E},           {"LOGICAL AND", 0x2227},
        {"LOGICAL OR", 0x2228}, {"INTERSECTION", 0x2229},        {"UNION", 0x222A},
        {"INTEGRAL", 0x222B},   {"ALMOST EQUAL TO", 0x2248},     {"NOT EQUAL TO", 0x2260},
        {"LESS-THAN OR EQUAL TO", 0x2264}, {"GREATER-THAN OR EQUAL TO", 0x2265},
        {"BOX DRAWINGS LIGHT HORIZONTAL", 0x2500}, {"BOX DRAWINGS LIGHT VERTICAL", 0x2502},
        {"FULL BLOCK", 0x2588}, {"BLACK SQUARE", 0x25A0},        {"WHITE SQUARE", 0x25A1},
        {"BLACK CIRCLE", 0x25CF}, {"WHITE CIRCLE", 0x25CB},      {"BLACK STAR", 0x2605},
        {"WHITE STAR", 0x2606}, {"SNOWMAN", 0x2603},             {"BLACK HEART SUIT", 0x2665},
        {"CHECK MARK", 0x2713}, {"HEAVY CHECK MARK", 0x2714},    {"BALLOT X", 0x2717},
        {"HEAVY BLACK HEART", 0x2764}, {"IDEOGRAPHIC SPACE", 0x3000},
        {"ZERO WIDTH NO-BREAK SPACE", 0xFEFF}, {"REPLACEMENT CHARACTER", 0xFFFD},
        {"GRINNING FACE", 0x1F600}, {"FACE WITH TEARS OF JOY", 0x1F602},
        {"SMILING FACE WITH SMILING EYES", 0x1F60A}, {"THUMBS UP SIGN", 0x1F44D},
        {"PILE OF POO", 0x1F4A9}, {"SNAKE", 0x1F40D},            {"ROCKET", 0x1F680},
        {"PARTY POPPER", 0x1F389}, {"FIRE", 0x1F525},            {"SPARKLES", 0x2728},
    };
    for (const Entry& e : kNames) {
      if (name == e.name) return e.cp;
    }
    auto single_letter = [&](std::string_view prefix, uint32_t base) -> std::optional<uint32_t> {
      if (name.size() == prefix.size() + 1 && name.compare(0, prefix.size(), prefix) == 0 &&
          name.back() >= 'A' && name.back() <= 'Z') {
        return base + static_cast<uint32_t>(name.back() - 'A');
      }
      return std::nullopt;
    };
    if (auto cp = single_letter("LATIN CAPITAL LETTER ", 'A')) return cp;
    if (auto cp = single_letter("LATIN SMALL LETTER ", 'a')) return cp;
    static const char* kDigits[] = {"ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"};
    for (uint32_t d = 0; d < 10; ++d) {
      if (name == std::string("DIGIT ") + kDigits[d]) return '0' + d;
    }
    std::string_view cjk = "CJK UNIFIED IDEOGRAPH-";
    if (name.size() >= cjk.size() + 4 && name.size() <= cjk.size() + 5 && name.compare(0, cjk.size(), cjk) == 0) {
      uint32_t cp = 0;
      for (size_t k = cjk.size(); k < name.size(); ++k) {
        int h = hex_value(name[k]);
        if (h < 0) return std::nullopt;
        cp = cp * 16 + static_cast<uint32_t>(h);
      }
      if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)) {
        return cp;
      }
    }
    return std::nullopt;
  }

  // =========================================================================
  // State
  // =========================================================================

  std::string_view src_;       // what the tokenizer reads
  std::string_view original_;  // the module source, for error texts
  const std::string& filename_;
  AstArena& arena_;
  Tokenizer tz_;
  bool fstring_mode_;
  int starting_line_;
  int starting_col_;

  ChunkedVector<Token> toks_;  // every token read so far
  int mark_ = 0;            // position of the next token to match
  std::vector<int> memo_head_;
  ChunkedVector<MemoEntry, 8> memo_;
  std::deque<Body> bodies_;  // results of the memoised `block` rule
  Call empty_call_storage_;  // `class C():` has empty bases
  Call* empty_call_ = &empty_call_storage_;
  int depth_ = 0;
  const char* stack_base_;  // the frame parsing started from
  bool newline_added_ = false;
  std::optional<std::pair<Loc, std::string>> unsupported_;  // see note_unsupported()

  bool invalid_pass_ = false;  // second pass: invalid_* rules enabled
  bool error_ = false;         // stop everything (CPython's error_indicator)
  bool has_error_ = false;     // err_ holds the error to report
  bool replacing_error_ = false;  // a later tokenizer error may replace err_
  SyntaxErrorInfo err_;
  Token error_token_ = [] {
    Token t;
    t.kind = Tok::Error;
    return t;
  }();
};

#undef PG_ENTER
#undef PG_ENTER_VOID

// Bytes of a valid UTF-8 sequence starting at s[i], or 0 when invalid.
size_t utf8_sequence_length(std::string_view s, size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return 1;
  size_t n;
  uint32_t min;
  if (b >= 0xC2 && b <= 0xDF) {
    n = 2;
    min = 0x80;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 3;
    min = 0x800;
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  uint32_t cp = b & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// PEP 263: "# ... coding[:=] NAME" on line 1, or on line 2 after a
// comment-only or blank line 1. Returns the name and its line.
std::optional<std::pair<std::string, int>> coding_cookie(std::string_view text) {
  size_t start = 0;
  for (int line = 1; line <= 2 && start < text.size(); ++line) {
    size_t nl = text.find('\n', start);
    std::string_view l = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    size_t i = l.find_first_not_of(" \t\f");
    bool comment = i != std::string_view::npos && l[i] == '#';
    if (comment) {
      for (size_t at = l.find("coding", i); at != std::string_view::npos; at = l.find("coding", at + 1)) {
        size_t k = at + 6;
        if (k >= l.size() || (l[k] != ':' && l[k] != '=')) continue;
        ++k;
        while (k < l.size() && (l[k] == ' ' || l[k] == '\t')) ++k;
        size_t b = k;
        while (k < l.size() && (std::isalnum(static_cast<unsigned char>(l[k])) || l[k] == '-' || l[k] == '_' || l[k] == '.')) ++k;
        if (k > b) return std::make_pair(std::string(l.substr(b, k - b)), line);
      }
    }
    if (!comment && i != std::string_view::npos) return std::nullopt;  // code on line 1
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return std::nullopt;
}

}  // namespace

ast::Module* parse_module(std::string_view source, const std::string& filename, ast::AstArena& arena,
                          SyntaxErrorInfo* error) {
  auto fail = [&](int line, std::string msg, std::string line_text) -> ast::Module* {
    if (error != nullptr) {
      *error = SyntaxErrorInfo{};
      error->msg = std::move(msg);
      error->filename = filename;
      error->line = line;
      error->end_line = line;
      error->text = std::move(line_text);
    }
    return nullptr;
  };

  bool bom = source.substr(0, 3) == "\xEF\xBB\xBF";
  if (bom) source.remove_prefix(3);

  // Source encodings: UTF-8 (and ASCII), or Latin-1 and Windows-1252,
  // which are transcoded.
  std::string transcoded;
  if (auto cookie = coding_cookie(source)) {
    std::string name;
    for (char c : cookie->first) name += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto is = [&](std::string_view n) { return name == n || name.rfind(std::string(n) + "-", 0) == 0; };
    bool utf8 = is("utf-8") || name == "utf8" || name == "ascii" || name == "us-ascii";
    bool latin1 = is("latin-1") || is("iso-8859-1") || is("iso-latin-1") || name == "latin1" ||
                  name == "iso8859-1" || name == "l1" || name == "cp819";
    bool cp1252 = name == "cp1252" || name == "windows-1252";
    if (bom && !utf8) return fail(cookie->second, "encoding problem: " + cookie->first + " with BOM", "");
    if (latin1 || cp1252) {
      // Windows-1252 differs from Latin-1 in 0x80-0x9F (0: undefined).
      static const uint16_t kCp1252[32] = {
          0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
          0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
          0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};
      for (size_t i = 0; i < source.size(); ++i) {
        auto b = static_cast<unsigned char>(source[i]);
        uint32_t cp = b;
        if (cp1252 && b >= 0x80 && b < 0xA0) {
          cp = kCp1252[b - 0x80];
          if (cp == 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02x", b);
            return fail(0, std::string("(unicode error) 'charmap' codec can't decode byte ") + hex +
                               " in position " + std::to_string(i) + ": character maps to <undefined>", "");
          }
        }
        if (cp < 0x80) {
          transcoded += static_cast<char>(cp);
        } else if (cp < 0x800) {
          transcoded += static_cast<char>(0xC0 | (cp >> 6));
          transcoded += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
          transcoded += static_cast<char>(0xE0 | (cp >> 12));
          transcoded += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          transcoded += static_cast<char>(0x80 | (cp & 0x3F));
        }
      }
      source = transcoded;
    } else if (!utf8) {
      // CPython knows many more codecs; pyglass reads only these.
      return fail(cookie->second, "unknown encoding: " + cookie->first, "");
    }
  }

  // Universal newlines, and a final newline, as CPython reads source.
  std::string text;
  text.reserve(source.size() + 1);
  for (size_t i = 0; i < source.size();) {
    size_t cr = source.find('\r', i);
    if (cr == std::string_view::npos) {
      text.append(source.substr(i));
      break;
    }
    text.append(source.substr(i, cr - i));
    text += '\n';
    i = cr + 1;
    if (i < source.size() && source[i] == '\n') ++i;
  }
  bool newline_added = !text.empty() && text.back() != '\n';
  if (newline_added) text += '\n';

  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c > 0 && c != '\n') {  // plain ASCII: the common case
      ++i;
      continue;
    }
    if (c == '\0') {
      return fail(line, "source code cannot contain null bytes", text.substr(line_start, i - line_start));
    }
    size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned char>(c));
      return fail(line,
                  "Non-UTF-8 code starting with '" + std::string(hex) + "' in file " + filename + " on line " +
                      std::to_string(line) + ", but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                  "");
    }
    if (c == '\n') {
      ++line;
      line_start = i + 1;
    }
    i += n;
  }

  Parser parser(text, text, filename, arena);
  if (newline_added) parser.set_newline_added();
  ast::Module* m = parser.parse_file();
  if (m == nullptr && error != nullptr) *error = parser.error();
  return m;
}

}  // namespace pg
