// complex <-> text: repr (CPython's complex_repr: "1j", "(1+2j)",
// "(nan+infj)", "-0j"), complex('...') parsing (the three forms
// <float>, <float>j and <float><signed-float>j, the legacy j / <sign>j /
// <float><sign>j, optional parentheses and surrounding whitespace,
// underscores between digits), and format(z, spec).
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "objects/complex.h"
#include "objects/int_internal.h"

namespace pg {

std::string complex_repr_text(double real, double imag) {
  std::string out;
  if (real == 0.0 && !std::signbit(real)) {
    double_to_string(imag, 'r', 0, 0, out);
    out += "j";
    return out;
  }
  out = "(";
  double_to_string(real, 'r', 0, 0, out);
  double_to_string(imag, 'r', 0, kDtsfSign, out);
  out += "j)";
  return out;
}

namespace {

bool ieq(std::string_view s, size_t at, const char* word) {
  size_t n = strlen(word);
  if (at + n > s.size()) return false;
  for (size_t i = 0; i < n; i++)
    if (tolower(static_cast<unsigned char>(s[at + i])) != word[i]) return false;
  return true;
}

// The longest prefix of s[at..] that is a float ("1", "-1.5e3", ".5",
// "5.", "inf", "-Infinity", "nan"): its value and end, or false when none.
bool scan_float(std::string_view s, size_t at, double* out, size_t* end) {
  size_t i = at;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  if (ieq(s, i, "infinity") || ieq(s, i, "inf")) {
    *end = i + (ieq(s, i, "infinity") ? 8 : 3);
    *out = negative ? -INFINITY : INFINITY;
    return true;
  }
  if (ieq(s, i, "nan")) {
    *end = i + 3;
    *out = negative ? -NAN : NAN;
    return true;
  }
  size_t digits_start = i;
  size_t n_digits = 0;
  while (i < s.size() && isdigit(static_cast<unsigned char>(s[i]))) i++, n_digits++;
  if (i < s.size() && s[i] == '.') {
    i++;
    while (i < s.size() && isdigit(static_cast<unsigned char>(s[i]))) i++, n_digits++;
  }
  if (n_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) j++;
    size_t exp_start = j;
    while (j < s.size() && isdigit(static_cast<unsigned char>(s[j]))) j++;
    if (j > exp_start) i = j;
  }
  std::string text(s.substr(digits_start, i - digits_start));
  double v = std::strtod(text.c_str(), nullptr);
  *out = negative ? -v : v;
  *end = i;
  return true;
}

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace

bool complex_parse(std::string_view input, double* real, double* imag) {
  // Underscores are allowed only between digits; drop those first.
  std::string s;
  for (size_t k = 0; k < input.size(); k++) {
    char c = input[k];
    if (c == '_') {
      bool ok = k > 0 && k + 1 < input.size() && isdigit(static_cast<unsigned char>(input[k - 1])) &&
                isdigit(static_cast<unsigned char>(input[k + 1]));
      if (!ok) goto malformed;
      continue;
    }
    s.push_back(c);
  }
  {
    size_t i = 0;
    double x = 0.0, y = 0.0, z;
    size_t end;
    while (i < s.size() && is_space(s[i])) i++;
    bool bracket = i < s.size() && s[i] == '(';
    if (bracket) {
      i++;
      while (i < s.size() && is_space(s[i])) i++;
    }
    if (scan_float(s, i, &z, &end)) {
      i = end;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        x = z;
        if (scan_float(s, i, &y, &end)) {
          i = end;
        } else {
          y = s[i] == '+' ? 1.0 : -1.0;
          i++;
        }
        if (i >= s.size() || (s[i] != 'j' && s[i] != 'J')) goto malformed;
        i++;
      } else if (i < s.size() && (s[i] == 'j' || s[i] == 'J')) {
        i++;
        y = z;
      } else {
        x = z;
      }
    } else {
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        y = s[i] == '+' ? 1.0 : -1.0;
        i++;
      } else {
        y = 1.0;
      }
      if (i >= s.size() || (s[i] != 'j' && s[i] != 'J')) goto malformed;
      i++;
    }
    while (i < s.size() && is_space(s[i])) i++;
    if (bracket) {
      if (i >= s.size() || s[i] != ')') goto malformed;
      i++;
      while (i < s.size() && is_space(s[i])) i++;
    }
    if (i != s.size()) goto malformed;
    *real = x;
    *imag = y;
    return true;
  }
malformed:
  raise(&ValueErrorType, "complex() arg is a malformed string");
  return false;
}

Value complex_format(Value z, std::string_view spec) {
  double re = z.as<Complex>()->real, im = z.as<Complex>()->imag;
  if (spec.empty()) return Value(str_new(complex_repr_text(re, im)));
  // [[fill]align][sign][z][#][0][width][,|_][.precision][type]
  size_t i = 0;
  std::string fill = " ";
  char align = '>';
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
  size_t first_len = 1;
  unsigned char lead = static_cast<unsigned char>(spec[0]);
  if (lead >= 0xc0) first_len = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (spec.size() > first_len && is_align(spec[first_len])) {
    fill = std::string(spec.substr(0, first_len));
    align = spec[first_len];
    i = first_len + 1;
  } else if (is_align(spec[0])) {
    align = spec[0];
    i = 1;
  }
  char sign = '-';
  if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) sign = spec[i++];
  bool no_neg_zero = false;
  if (i < spec.size() && spec[i] == 'z') {
    no_neg_zero = true;
    i++;
  }
  bool alt = false;
  if (i < spec.size() && spec[i] == '#') {
    alt = true;
    i++;
  }
  bool zero = false;
  if (i < spec.size() && spec[i] == '0') {
    zero = true;
    i++;
  }
  int64_t width = -1;
  while (i < spec.size() && isdigit(static_cast<unsigned char>(spec[i]))) {
    width = (width < 0 ? 0 : width) * 10 + (spec[i++] - '0');
    if (width > 1000000000) return raise(&ValueErrorType, "Too many decimal digits in format string");
  }
  char grouping = 0;
  if (i < spec.size() && (spec[i] == ',' || spec[i] == '_')) grouping = spec[i++];
  int precision = -1;
  if (i < spec.size() && spec[i] == '.') {
    i++;
    size_t start = i;
    precision = 0;
    while (i < spec.size() && isdigit(static_cast<unsigned char>(spec[i]))) precision = precision * 10 + (spec[i++] - '0');
    if (i == start) return raise(&ValueErrorType, "Format specifier missing precision");
  }
  char type = '\0';
  if (i < spec.size()) type = spec[i++];
  if (i < spec.size()) return raise(&ValueErrorType, "Invalid format specifier");
  if (zero) return raise(&ValueErrorType, "Zero padding is not allowed in complex format specifier");
  if (align == '=') return raise(&ValueErrorType, "'=' alignment flag is not allowed in complex format specifier");
  bool parens = false, skip_re = false;
  int default_precision = 6;
  switch (type) {
    case '\0':
      type = 'r';
      default_precision = 0;
      if (re == 0.0 && !std::signbit(re)) skip_re = true;
      else parens = true;
      break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': break;
    case 'n': type = 'g'; break;
    default:
      if (type > 32 && type < 127)
        return raise(&ValueErrorType, "Unknown format code '%c' for object of type 'complex'", type);
      return raise(&ValueErrorType, "Unknown format code '\\x%x' for object of type 'complex'", unsigned(type));
  }
  if (precision < 0) precision = default_precision;
  else if (type == 'r') type = 'g';
  unsigned flags = (alt ? kDtsfAlt : 0) | (no_neg_zero ? kDtsfNoNegZero : 0);
  std::string re_text, im_text;
  double_to_string(re, type, precision, flags, re_text);
  double_to_string(im, type, precision, flags, im_text);
  if (grouping) {
    // Group the integer digits of each part (before '.' or an exponent).
    for (std::string* t : {&re_text, &im_text}) {
      size_t start = (*t)[0] == '-' ? 1 : 0, end = start;
      while (end < t->size() && isdigit(static_cast<unsigned char>((*t)[end]))) end++;
      for (int64_t pos = int64_t(end) - 3; pos > int64_t(start); pos -= 3) t->insert(size_t(pos), 1, grouping);
    }
  }
  std::string body;
  if (parens) body += "(";
  if (!skip_re) {
    bool neg = !re_text.empty() && re_text[0] == '-';
    if (neg) re_text.erase(0, 1);
    if (neg) body += "-";
    else if (sign == '+') body += "+";
    else if (sign == ' ') body += " ";
    body += re_text;
  }
  bool im_neg = !im_text.empty() && im_text[0] == '-';
  if (im_neg) im_text.erase(0, 1);
  if (im_neg) body += "-";
  else if (!skip_re) body += "+";
  else if (sign == '+') body += "+";
  else if (sign == ' ') body += " ";
  body += im_text;
  body += "j";
  if (parens) body += ")";
  int64_t len = int64_t(body.size());
  if (width <= len) return Value(str_new(body));
  int64_t pad = width - len, left = align == '<' ? 0 : align == '^' ? pad / 2 : pad;
  std::string out;
  for (int64_t k = 0; k < left; k++) out += fill;
  out += body;
  for (int64_t k = left; k < pad; k++) out += fill;
  return Value(str_new(out));
}

}  // namespace pg
