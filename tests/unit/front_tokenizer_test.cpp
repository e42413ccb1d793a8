// Tokenizer tests: token kinds, texts and positions for tricky inputs, and
// the errors the tokenizer reports itself (positions as CPython 3.11.7 puts
// them).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "compiler/tokenizer.h"

namespace pg::front {
namespace {

// "KIND text" per token, up to ENDMARKER or an error ("ERROR <status>").
std::vector<std::string> tokens(std::string_view src) {
  Tokenizer tz(src);
  std::vector<std::string> out;
  for (int guard = 0; guard < 10000; ++guard) {
    Token t = tz.next();
    if (t.kind == Tok::Error) {
      out.push_back("ERROR " + std::to_string(static_cast<int>(tz.status())));
      break;
    }
    std::string s(token_spelling(t.kind));
    if (t.end > t.start) {
      s += ' ';
      s += tz.text(t);
    }
    out.push_back(s);
    if (t.kind == Tok::EndMarker) break;
  }
  return out;
}

using V = std::vector<std::string>;

// Position of the n-th token as "line:col-end_line:end_col".
std::string position(std::string_view src, int n) {
  Tokenizer tz(src);
  Token t;
  for (int i = 0; i <= n; ++i) t = tz.next();
  return std::to_string(t.line) + ":" + std::to_string(t.col) + "-" + std::to_string(t.end_line) + ":" +
         std::to_string(t.end_col);
}

// The error after reading every token.
TokError error_of(std::string_view src, TokStatus* status = nullptr) {
  Tokenizer tz(src);
  for (int guard = 0; guard < 10000; ++guard) {
    Token t = tz.next();
    if (t.kind == Tok::Error || t.kind == Tok::EndMarker) break;
  }
  if (status != nullptr) *status = tz.status();
  return tz.error();
}

TEST(FrontTokenizer, SimpleStatement) {
  EXPECT_EQ(tokens("x = 1\n"), (V{"NAME x", "= =", "NUMBER 1", "NEWLINE", "ENDMARKER"}));
  EXPECT_EQ(position("x = 1\n", 0), "1:0-1:1");
  EXPECT_EQ(position("x = 1\n", 2), "1:4-1:5");
  // NEWLINE sits on the '\n', with no width; ENDMARKER has no column.
  EXPECT_EQ(position("x = 1\n", 3), "1:5-1:5");
  EXPECT_EQ(position("x = 1\n", 4), "1:-1-1:-1");
}

TEST(FrontTokenizer, EmptyInput) {
  EXPECT_EQ(tokens(""), (V{"ENDMARKER"}));
  EXPECT_EQ(tokens("\n\n# comment\n   \n"), (V{"ENDMARKER"}));
}

TEST(FrontTokenizer, KeywordsAndNames) {
  EXPECT_EQ(tokens("if not x is None and y or async await lambda\n"),
            (V{"if if", "not not", "NAME x", "is is", "None None", "and and", "NAME y", "or or",
               "async async", "await await", "lambda lambda", "NEWLINE", "ENDMARKER"}));
  // Soft keywords and near-keywords are names.
  EXPECT_EQ(tokens("match case _ print iff Ifx\n"),
            (V{"NAME match", "NAME case", "NAME _", "NAME print", "NAME iff", "NAME Ifx", "NEWLINE",
               "ENDMARKER"}));
  EXPECT_EQ(tokens("caf\xc3\xa9 \xcf\x80 \xe5\x8f\x98\n"),
            (V{"NAME caf\xc3\xa9", "NAME \xcf\x80", "NAME \xe5\x8f\x98", "NEWLINE", "ENDMARKER"}));
}

TEST(FrontTokenizer, Operators) {
  EXPECT_EQ(tokens("a**=b//=c>>=d<<=e->f:=g...h!=i<=j>=k==l@=m\n"),
            (V{"NAME a", "**= **=", "NAME b", "//= //=", "NAME c", ">>= >>=", "NAME d", "<<= <<=",
               "NAME e", "-> ->", "NAME f", ":= :=", "NAME g", "... ...", "NAME h", "!= !=", "NAME i",
               "<= <=", "NAME j", ">= >=", "NAME k", "== ==", "NAME l", "@= @=", "NAME m", "NEWLINE",
               "ENDMARKER"}));
  EXPECT_EQ(tokens("a.b..c\n"), (V{"NAME a", ". .", "NAME b", ". .", ". .", "NAME c", "NEWLINE", "ENDMARKER"}));
  // Punctuation that is no operator becomes OP; the parser rejects it.
  EXPECT_EQ(tokens("$ ? ! ` <>\n"), (V{"OP $", "OP ?", "OP !", "OP `", "OP <>", "NEWLINE", "ENDMARKER"}));
}

TEST(FrontTokenizer, IndentAndDedent) {
  EXPECT_EQ(tokens("if a:\n    if b:\n        x\n\n    # c\n    y\nz\n"),
            (V{"if if", "NAME a", ": :", "NEWLINE", "INDENT", "if if", "NAME b", ": :", "NEWLINE", "INDENT",
               "NAME x", "NEWLINE", "DEDENT", "NAME y", "NEWLINE", "DEDENT", "NAME z", "NEWLINE",
               "ENDMARKER"}));
  // Open blocks close at the end of input.
  EXPECT_EQ(tokens("if a:\n  if b:\n    x\n"),
            (V{"if if", "NAME a", ": :", "NEWLINE", "INDENT", "if if", "NAME b", ": :", "NEWLINE", "INDENT",
               "NAME x", "NEWLINE", "DEDENT", "DEDENT", "ENDMARKER"}));
  // INDENT and DEDENT have no column (CPython's errors rely on it).
  EXPECT_EQ(position("if a:\n  x\n", 4), "2:-1-2:-1");
}

TEST(FrontTokenizer, TabsAdvanceToMultiplesOfEight) {
  // A tab and eight spaces are the same indentation when used consistently.
  EXPECT_EQ(tokens("if a:\n\tx\n\ty\n"),
            (V{"if if", "NAME a", ": :", "NEWLINE", "INDENT", "NAME x", "NEWLINE", "NAME y", "NEWLINE",
               "DEDENT", "ENDMARKER"}));
  TokStatus status;
  error_of("if a:\n\tif b:\n        x\n", &status);
  EXPECT_EQ(status, TokStatus::TabSpace);
  error_of("if a:\n        x\n\ty\n", &status);
  EXPECT_EQ(status, TokStatus::TabSpace);
}

TEST(FrontTokenizer, DedentMismatch) {
  TokStatus status;
  error_of("if a:\n    x\n  y\n", &status);
  EXPECT_EQ(status, TokStatus::Dedent);
}

TEST(FrontTokenizer, TooDeep) {
  std::string src;
  for (int i = 0; i < 101; ++i) src += std::string(i, ' ') + "if a:\n";
  TokStatus status;
  error_of(src, &status);
  EXPECT_EQ(status, TokStatus::TooDeep);
}

TEST(FrontTokenizer, BackslashContinuation) {
  EXPECT_EQ(tokens("x = 1 + \\\n    2\ny\n"),
            (V{"NAME x", "= =", "NUMBER 1", "+ +", "NUMBER 2", "NEWLINE", "NAME y", "NEWLINE", "ENDMARKER"}));
  EXPECT_EQ(position("x = \\\n  2\n", 2), "2:2-2:3");
  // A backslash in the indentation: the first one fixes the column.
  EXPECT_EQ(tokens("if a:\n    \\\n  x\n"),
            (V{"if if", "NAME a", ": :", "NEWLINE", "INDENT", "NAME x", "NEWLINE", "DEDENT", "ENDMARKER"}));
  TokStatus status;
  error_of("x = 1 \\ 2\n", &status);
  EXPECT_EQ(status, TokStatus::LineCont);
  error_of("x = 1 \\\n", &status);
  EXPECT_EQ(status, TokStatus::Eof);
}

TEST(FrontTokenizer, ImplicitJoiningInBrackets) {
  EXPECT_EQ(tokens("f(a,\n\n  # c\n      b)\n"),
            (V{"NAME f", "( (", "NAME a", ", ,", "NAME b", ") )", "NEWLINE", "ENDMARKER"}));
  Tokenizer tz("f([{\n");
  for (int expected : {0, 1, 2, 3}) EXPECT_EQ(tz.next().level, expected);
  EXPECT_EQ(tz.next().kind, Tok::Error);  // end of input inside brackets
  EXPECT_EQ(tz.status(), TokStatus::Eof);
  EXPECT_EQ(tz.innermost_paren().ch, '{');
  EXPECT_EQ(tz.innermost_paren().col, 3);
}

TEST(FrontTokenizer, Numbers) {
  EXPECT_EQ(tokens("0 00 0x1F 0o17 0b101 1_000 0_0 1. .5 1e10 1E+5 1_0.5e-1_0 3j 1.5J 0xdead_beef\n"),
            (V{"NUMBER 0", "NUMBER 00", "NUMBER 0x1F", "NUMBER 0o17", "NUMBER 0b101", "NUMBER 1_000",
               "NUMBER 0_0", "NUMBER 1.", "NUMBER .5", "NUMBER 1e10", "NUMBER 1E+5", "NUMBER 1_0.5e-1_0",
               "NUMBER 3j", "NUMBER 1.5J", "NUMBER 0xdead_beef", "NEWLINE", "ENDMARKER"}));
  // A keyword may follow a number directly (CPython 3.11 still accepts it).
  EXPECT_EQ(tokens("1if 0xfor 1else 2in\n"),
            (V{"NUMBER 1", "if if", "NUMBER 0xf", "or or", "NUMBER 1", "else else", "NUMBER 2", "in in",
               "NEWLINE", "ENDMARKER"}));
  EXPECT_EQ(tokens("1.j 1.if\n"), (V{"NUMBER 1.j", "NUMBER 1.", "if if", "NEWLINE", "ENDMARKER"}));
}

TEST(FrontTokenizer, NumberErrors) {
  struct Case {
    const char* src;
    const char* msg;
    int col;
    int end_col;
  };
  // Offsets as CPython 3.11.7 reports them.
  for (const Case& c : {
           Case{"x = 1abc\n", "invalid decimal literal", 5, 5},
           Case{"x = 1_\n", "invalid decimal literal", 6, 6},
           Case{"x = 1__0\n", "invalid decimal literal", 6, 6},
           Case{"x = 1e\n", "invalid decimal literal", 5, 5},
           Case{"x = 1.real\n", "invalid decimal literal", 6, 6},
           Case{"x = 1.e+\n", "invalid decimal literal", 8, 8},
           Case{"x = 0x\n", "invalid hexadecimal literal", 6, 6},
           Case{"x = 0b12\n", "invalid digit '2' in binary literal", 8, 8},
           Case{"x = 0o9\n", "invalid digit '9' in octal literal", 7, 7},
           Case{"x = 0b1_\n", "invalid binary literal", 8, 8},
           Case{"x = 012\n",
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
                "integers",
                5, 6},
           Case{"x = 0_7\n",
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
                "integers",
                5, 7},
       }) {
    TokStatus status;
    TokError e = error_of(c.src, &status);
    EXPECT_EQ(status, TokStatus::Error) << c.src;
    EXPECT_EQ(e.msg, c.msg) << c.src;
    EXPECT_EQ(e.line, 1) << c.src;
    EXPECT_EQ(e.col, c.col) << c.src;
    EXPECT_EQ(e.end_col, c.end_col) << c.src;
  }
}

TEST(FrontTokenizer, StringsAreSingleTokens) {
  EXPECT_EQ(tokens("'a' \"b\" r'\\n' b'c' Rb'd' bR'e' f'{x}' rf'{y}' FR'{z}' u'w'\n"),
            (V{"STRING 'a'", "STRING \"b\"", "STRING r'\\n'", "STRING b'c'", "STRING Rb'd'", "STRING bR'e'",
               "STRING f'{x}'", "STRING rf'{y}'", "STRING FR'{z}'", "STRING u'w'", "NEWLINE", "ENDMARKER"}));
  // Not prefixes: names followed by strings.
  EXPECT_EQ(tokens("ub'x' bu'y'\n"),
            (V{"NAME ub", "STRING 'x'", "NAME bu", "STRING 'y'", "NEWLINE", "ENDMARKER"}));
  EXPECT_EQ(tokens("'it\\'s' \"\\\"\" ''\n"),
            (V{"STRING 'it\\'s'", "STRING \"\\\"\"", "STRING ''", "NEWLINE", "ENDMARKER"}));
}

TEST(FrontTokenizer, TripleQuotedStringPositions) {
  const char* src = "x = '''a\nbc\n  d''' + 1\n";
  EXPECT_EQ(tokens(src), (V{"NAME x", "= =", "STRING '''a\nbc\n  d'''", "+ +", "NUMBER 1", "NEWLINE",
                            "ENDMARKER"}));
  EXPECT_EQ(position(src, 2), "1:4-3:6");
  EXPECT_EQ(position(src, 3), "3:7-3:8");
  // A backslash-newline continues a single-quoted string.
  EXPECT_EQ(position("'a\\\nb'\n", 0), "1:0-2:2");
}

TEST(FrontTokenizer, UnterminatedStrings) {
  TokError e = error_of("x = 'abc\n");
  EXPECT_EQ(e.msg, "unterminated string literal (detected at line 1)");
  EXPECT_EQ(e.col, 5);
  EXPECT_EQ(e.text, "x = 'abc");
  e = error_of("x = 1\ny = rb'abc\n");
  EXPECT_EQ(e.msg, "unterminated string literal (detected at line 2)");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.col, 5);  // at the prefix
  e = error_of("s = '''abc\n\nx = 1\n");
  EXPECT_EQ(e.msg, "unterminated triple-quoted string literal (detected at line 3)");
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.col, 5);
}

TEST(FrontTokenizer, BracketErrors) {
  TokError e = error_of("x = 1)\n");
  EXPECT_EQ(e.msg, "unmatched ')'");
  EXPECT_EQ(e.col, 6);
  e = error_of("x = (1]\n");
  EXPECT_EQ(e.msg, "closing parenthesis ']' does not match opening parenthesis '('");
  EXPECT_EQ(e.col, 7);
  e = error_of("x = (1,\n2]\n");
  EXPECT_EQ(e.msg, "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
  EXPECT_EQ(e.line, 2);
  e = error_of(std::string(201, '(') + "\n");
  EXPECT_EQ(e.msg, "too many nested parentheses");
  EXPECT_EQ(e.col, 201);
}

TEST(FrontTokenizer, InvalidCharacters) {
  TokError e = error_of("x = 1 \xe2\x82\xac\n");
  EXPECT_EQ(e.msg, "invalid character '\xe2\x82\xac' (U+20AC)");
  EXPECT_EQ(e.col, 7);
  e = error_of("x\xc2\xa0= 1\n");
  EXPECT_EQ(e.msg, "invalid non-printable character U+00A0");
  e = error_of("x = \x01\n");
  EXPECT_EQ(e.msg, "invalid non-printable character U+0001");
  // A number runs into a non-ASCII letter without error; the parser
  // reports "invalid syntax" as CPython does.
  EXPECT_EQ(tokens("2\xce\x94\n"), (V{"NUMBER 2", "NAME \xce\x94", "NEWLINE", "ENDMARKER"}));
}

TEST(FrontTokenizer, FirstLineOffset) {
  // f-string expressions are tokenized on their own, numbered from the
  // string's line.
  Tokenizer tz("(x)\n", 7);
  EXPECT_EQ(tz.next().line, 7);
  EXPECT_EQ(tz.next().line, 7);
}

}  // namespace
}  // namespace pg::front
