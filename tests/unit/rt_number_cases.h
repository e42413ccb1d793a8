// Helpers of the number unit tests (rt_int_test.cpp, rt_float_test.cpp):
// table-driven cases whose expected results come from CPython 3.11.7.
//
// A case names an operation and its operands as text; the expected result
// is repr() of the result, or "!Type: message" for an exception, exactly as
// CPython prints them. Operand text: "True"/"False"/"None", "s:TEXT" for a
// str, text with '.', 'e', 'n' (inf, nan) for a float, else an int.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "objects/exceptions.h"
#include "objects/layouts.h"
#include "objects/numbers.h"
#include "objects/object.h"

namespace pg::number_test {

// Results of `op` between `a` and every operand of a list, joined by " | ".
struct TableRow {
  const char* op;
  const char* a;
  const char* results;
};

struct NumberCase {
  const char* op;
  const char* a;
  const char* b;
  const char* c;
  const char* expected;
};

inline Value lit(std::string_view s) {
  if (s == "True") return True();
  if (s == "False") return False();
  if (s == "None") return None();
  if (s.substr(0, 2) == "s:") return Value(str_new(s.substr(2)));
  if (s.find_first_of(".eEn") != std::string_view::npos) return float_from_string(s);
  return int_from_string(s, 10);
}

// repr() of a result, or "!Type: message" (and the error is cleared).
inline std::string show(Value v) {
  if (v.is_null()) {
    if (!error_occurred()) return "<null without error>";
    Value e = error_fetch();
    return "!" + std::string(type_name(e)) + ": " + exception_message(e);
  }
  Value r = obj_repr(v);
  if (r.is_null()) return show(r);
  return std::string(str_view(r.as<Str>()));
}

inline Value eval_binary(std::string_view op, Value a, Value b) {
  static const char* const kBinary[] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
  static const char* const kCompare[] = {"<", "<=", "==", "!=", ">", ">="};
  for (int i = 0; i < 13; i++)
    if (op == kBinary[i]) return binary_op(a, b, BinaryOp(i));
  for (int i = 0; i < 6; i++)
    if (op == kCompare[i]) return obj_compare(a, b, CompareOp(i));
  ADD_FAILURE() << "unknown operator " << op;
  return None();
}

inline std::string eval_case(const NumberCase& c) {
  std::string_view op = c.op;
  Value r;
  if (op == "fmt") {
    Value v = lit(c.a);
    r = is_float(v) ? float_format(v, c.b) : int_format(v, c.b);
  } else if (op == "hash") {
    int64_t h;
    r = obj_hash(lit(c.a), &h) ? int_from_i64(h) : Value();
  } else if (op == "int") {
    r = int_from_string(c.a, std::stoi(c.b));
  } else if (op == "float") {
    r = float_from_string(c.a);
  } else if (op == "round") {
    r = number_round(lit(c.a), *c.b ? lit(c.b) : Value());
  } else if (op == "divmod") {
    r = number_divmod(lit(c.a), lit(c.b));
  } else if (op == "powmod") {
    r = int_pow_mod(lit(c.a), lit(c.b), lit(c.c));
  } else if (op == "abs") {
    r = number_abs(lit(c.a));
  } else if (op == "neg") {
    r = unary_op(lit(c.a), UnaryOp::Neg);
  } else if (op == "inv") {
    r = unary_op(lit(c.a), UnaryOp::Invert);
  } else if (op == "repr") {
    r = lit(c.a);
  } else if (op == "str") {
    r = obj_str(lit(c.a));
  } else {
    r = eval_binary(op, lit(c.a), lit(c.b));
  }
  return show(r);
}

template <size_t N>
void check_cases(const NumberCase (&cases)[N]) {
  for (const NumberCase& c : cases)
    EXPECT_EQ(eval_case(c), c.expected) << c.op << " a=" << c.a << " b=" << c.b << " c=" << c.c;
}

template <size_t N, size_t M>
void check_table(const TableRow (&rows)[N], const char* const (&operands)[M]) {
  for (const TableRow& row : rows) {
    std::string_view all = row.results;
    for (size_t i = 0; i < M; i++) {
      size_t end = all.find(" | ");
      std::string_view expected = all.substr(0, end);
      all = end == std::string_view::npos ? std::string_view() : all.substr(end + 3);
      EXPECT_EQ(show(eval_binary(row.op, lit(row.a), lit(operands[i]))), expected)
          << row.a << " " << row.op << " " << operands[i];
    }
  }
}

}  // namespace pg::number_test
