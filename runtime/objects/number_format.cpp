// Numbers to text: float repr and the format-spec mini-language for int and
// float (format(), f-strings, str.format).
//
// The layout rules are CPython 3.11's, step by step: PyOS_double_to_string /
// format_float_short (Python/pystrtod.c) for the digits of a float, and
// parse_internal_render_format_spec, calc_number_widths, fill_number and
// _PyUnicode_InsertThousandsGrouping (Python/formatter_unicode.c) for fill,
// alignment, sign, prefixes and digit grouping. Decimal digits come from
// std::to_chars, which is correctly rounded (ties to even on the exact binary
// value) like CPython's dtoa; only its digit string and decimal point
// position are used. The locale is always "C" (so type 'n' never groups).
#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>
#include <vector>

#include "objects/int_internal.h"
#include "objects/layouts.h"
#include "objects/numbers.h"

namespace pg {

// ---------------------------------------------------------------------------
// Digits of a double.
// ---------------------------------------------------------------------------

// The digit string dtoa would return for a finite d >= 0: value =
// 0.DIGITS * 10**decpt, no trailing zeros; zero is "0" with decpt 1.
//   mode 0: shortest text that reads back as d;
//   mode 2: `ndigits` (>= 1) significant digits;
//   mode 3: `ndigits` (>= 0) digits after the decimal point (a value that
//           rounds to zero gives "" with decpt = -ndigits).
static void dtoa_digits(double d, int mode, int ndigits, std::string& digits, int* decpt) {
  digits.clear();
  if (d == 0.0) {
    digits = "0";
    *decpt = 1;
    return;
  }
  std::string buf(mode == 3 ? size_t(ndigits) + 330 : size_t(mode == 2 ? ndigits : 0) + 40, '\0');
  char* first = buf.data();
  char* last = first + buf.size();
  std::to_chars_result r;
  if (mode == 0) r = std::to_chars(first, last, d, std::chars_format::scientific);
  else if (mode == 2) r = std::to_chars(first, last, d, std::chars_format::scientific, ndigits - 1);
  else r = std::to_chars(first, last, d, std::chars_format::fixed, ndigits);
  const char* p = first;
  if (mode == 3) {
    int int_digits = 0;
    for (; p < r.ptr && *p != '.'; p++, int_digits++) digits.push_back(*p);
    for (p++; p < r.ptr; p++) digits.push_back(*p);
    *decpt = int_digits;
    size_t zeros = 0;
    while (zeros < digits.size() && digits[zeros] == '0') zeros++;
    digits.erase(0, zeros);
    *decpt -= int(zeros);
    if (digits.empty()) *decpt = -ndigits;
  } else {
    for (; p < r.ptr && *p != 'e'; p++)
      if (*p != '.') digits.push_back(*p);
    int exp = 0;
    std::from_chars(p + 1 + (p[1] == '+' ? 1 : 0), r.ptr, exp);
    *decpt = exp + 1;
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
}

void double_to_string(double val, char code, int precision, unsigned flags, std::string& out) {
  bool upper = code == 'E' || code == 'F' || code == 'G';
  if (upper) code = char(code - 'A' + 'a');
  int mode = 0;
  switch (code) {
    case 'e': mode = 2; precision++; break;
    case 'f': mode = 3; break;
    case 'g': mode = 2; if (precision == 0) precision = 1; break;
    default: mode = 0; break;  // 'r'
  }
  bool add_dot_0 = flags & kDtsfAddDot0, alt = flags & kDtsfAlt;
  if (std::isnan(val)) {  // the sign of a NaN is ignored
    if (flags & kDtsfSign) out.push_back('+');
    out += upper ? "NAN" : "nan";
    return;
  }
  bool negative = std::signbit(val);
  if (std::isinf(val)) {
    if (negative) out.push_back('-');
    else if (flags & kDtsfSign) out.push_back('+');
    out += upper ? "INF" : "inf";
    return;
  }
  std::string digits;
  int decpt;
  dtoa_digits(std::fabs(val), mode, precision, digits, &decpt);
  if ((flags & kDtsfNoNegZero) && negative && (digits.empty() || digits == "0")) negative = false;

  // The output is a slice vdigits[vdigits_start : vdigits_end] of the digit
  // string padded with zeros on both sides, with a decimal point at decpt.
  int64_t digits_len = int64_t(digits.size());
  int64_t vdigits_end = digits_len;
  bool use_exp = false;
  switch (code) {
    case 'e': use_exp = true; vdigits_end = precision; break;
    case 'f': vdigits_end = int64_t(decpt) + precision; break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (alt) vdigits_end = precision;
      break;
    default:
      // repr switches to exponents at 1e16: 16 digits always read back.
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  int exp = 0;
  int64_t dp = decpt;
  if (use_exp) {
    exp = decpt - 1;
    dp = 1;
  }
  int64_t vdigits_start = dp <= 0 ? dp - 1 : 0;
  if (!use_exp && add_dot_0) vdigits_end = vdigits_end > dp ? vdigits_end : dp + 1;
  else vdigits_end = vdigits_end > dp ? vdigits_end : dp;

  if (negative) out.push_back('-');
  else if (flags & kDtsfSign) out.push_back('+');
  if (dp <= 0) {
    out.append(size_t(dp - vdigits_start), '0');
    out.push_back('.');
    out.append(size_t(-dp), '0');
  } else {
    out.append(size_t(-vdigits_start), '0');
  }
  if (0 < dp && dp <= digits_len) {
    out.append(digits, 0, size_t(dp));
    out.push_back('.');
    out.append(digits, size_t(dp), std::string::npos);
  } else {
    out += digits;
  }
  if (digits_len < dp) {
    out.append(size_t(dp - digits_len), '0');
    out.push_back('.');
    out.append(size_t(vdigits_end - dp), '0');
  } else {
    out.append(size_t(vdigits_end - digits_len), '0');
  }
  if (out.back() == '.' && !alt) out.pop_back();
  if (use_exp) {
    char buf[16];
    int n = std::snprintf(buf, sizeof buf, "%c%+.02d", upper ? 'E' : 'e', exp);
    out.append(buf, size_t(n));
  }
}

// repr(float) without heap allocation; the same text as
// double_to_string(d, 'r', 0, kDtsfAddDot0).
size_t float_repr_buf(double d, char* buf) {
  char* p = buf;
  if (std::isnan(d)) {
    std::memcpy(buf, "nan", 3);
    return 3;
  }
  if (std::signbit(d)) *p++ = '-';
  if (std::isinf(d)) {
    std::memcpy(p, "inf", 3);
    return size_t(p + 3 - buf);
  }
  char sci[32];
  auto r = std::to_chars(sci, sci + sizeof sci, std::fabs(d), std::chars_format::scientific);
  char digits[20];
  int n = 0;
  const char* s = sci;
  for (; s < r.ptr && *s != 'e'; s++)
    if (*s != '.') digits[n++] = *s;
  int exp = 0;
  std::from_chars(s + 1 + (s[1] == '+' ? 1 : 0), r.ptr, exp);
  int decpt = exp + 1;
  if (decpt <= -4 || decpt > 16) {
    *p++ = digits[0];
    if (n > 1) {
      *p++ = '.';
      std::memcpy(p, digits + 1, size_t(n - 1));
      p += n - 1;
    }
    *p++ = 'e';
    *p++ = exp < 0 ? '-' : '+';
    int a = exp < 0 ? -exp : exp;
    if (a < 10) *p++ = '0';
    p = std::to_chars(p, p + 4, a).ptr;
  } else if (decpt <= 0) {
    *p++ = '0';
    *p++ = '.';
    for (int i = 0; i < -decpt; i++) *p++ = '0';
    std::memcpy(p, digits, size_t(n));
    p += n;
  } else if (decpt >= n) {
    std::memcpy(p, digits, size_t(n));
    p += n;
    for (int i = n; i < decpt; i++) *p++ = '0';
    *p++ = '.';
    *p++ = '0';
  } else {
    std::memcpy(p, digits, size_t(decpt));
    p += decpt;
    *p++ = '.';
    std::memcpy(p, digits + decpt, size_t(n - decpt));
    p += n - decpt;
  }
  return size_t(p - buf);
}

// ---------------------------------------------------------------------------
// The format spec: [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
// ---------------------------------------------------------------------------

struct FormatSpec {
  char32_t fill = ' ';
  char32_t align = '>';
  char32_t sign = 0;
  bool no_neg_0 = false;
  bool alternate = false;
  int64_t width = -1;
  char separator = 0;  // ',' or '_' (0: none)
  int group = 0;       // digits per group when separator is set
  int64_t precision = -1;
  char32_t type = 0;
};

static bool is_align(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

static void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(char(c));
  } else if (c < 0x800) {
    out.push_back(char(0xc0 | (c >> 6)));
    out.push_back(char(0x80 | (c & 0x3f)));
  } else if (c < 0x10000) {
    out.push_back(char(0xe0 | (c >> 12)));
    out.push_back(char(0x80 | ((c >> 6) & 0x3f)));
    out.push_back(char(0x80 | (c & 0x3f)));
  } else {
    out.push_back(char(0xf0 | (c >> 18)));
    out.push_back(char(0x80 | ((c >> 12) & 0x3f)));
    out.push_back(char(0x80 | ((c >> 6) & 0x3f)));
    out.push_back(char(0x80 | (c & 0x3f)));
  }
}

// Reads decimal digits (any script, like CPython) at cps[*pos]; returns the
// number of digits read or -1 on overflow (error raised).
static int64_t read_integer(const std::vector<char32_t>& cps, size_t* pos, int64_t* result) {
  int64_t acc = 0, count = 0;
  for (; *pos < cps.size(); ++*pos, ++count) {
    int d = unicode_decimal_value(cps[*pos]);
    if (d < 0) break;
    if (acc > (INT64_MAX - d) / 10) {
      raise(&ValueErrorType, "Too many decimal digits in format string");
      return -1;
    }
    acc = acc * 10 + d;
  }
  *result = acc;
  return count;
}

static Value raise_with_code(const char* before, char32_t code, const char* after, const char* type_name) {
  if (code > 32 && code < 128)
    return raise(&ValueErrorType, "%s'%c'%s'%s'", before, char(code), after, type_name);
  return raise(&ValueErrorType, "%s'\\x%x'%s'%s'", before, unsigned(code), after, type_name);
}

static bool parse_spec(std::string_view spec, const char* type_name, FormatSpec* f) {
  std::vector<char32_t> cps;
  cps.reserve(spec.size());
  for (size_t i = 0; i < spec.size();) cps.push_back(decode_utf8(spec, &i));
  size_t pos = 0, end = cps.size();
  bool fill_given = false, align_given = false;
  if (end - pos >= 2 && is_align(cps[pos + 1])) {
    f->fill = cps[pos];
    f->align = cps[pos + 1];
    fill_given = align_given = true;
    pos += 2;
  } else if (end - pos >= 1 && is_align(cps[pos])) {
    f->align = cps[pos++];
    align_given = true;
  }
  if (pos < end && (cps[pos] == '+' || cps[pos] == '-' || cps[pos] == ' ')) f->sign = cps[pos++];
  if (pos < end && cps[pos] == 'z') {
    f->no_neg_0 = true;
    pos++;
  }
  if (pos < end && cps[pos] == '#') {
    f->alternate = true;
    pos++;
  }
  if (!fill_given && pos < end && cps[pos] == '0') {  // backwards compatible zero padding
    f->fill = '0';
    if (!align_given) f->align = '=';
    pos++;
  }
  int64_t n = read_integer(cps, &pos, &f->width);
  if (n < 0) return false;
  if (n == 0) f->width = -1;
  if (pos < end && cps[pos] == ',') {
    f->separator = ',';
    pos++;
  }
  if (pos < end && cps[pos] == '_') {
    if (f->separator != 0) {
      raise(&ValueErrorType, "Cannot specify both ',' and '_'.");
      return false;
    }
    f->separator = '_';
    pos++;
  }
  if (pos < end && cps[pos] == ',' && f->separator == '_') {
    raise(&ValueErrorType, "Cannot specify both ',' and '_'.");
    return false;
  }
  if (pos < end && cps[pos] == '.') {
    pos++;
    n = read_integer(cps, &pos, &f->precision);
    if (n < 0) return false;
    if (n == 0) {
      raise(&ValueErrorType, "Format specifier missing precision");
      return false;
    }
  }
  if (end - pos > 1) {
    raise(&ValueErrorType, "Invalid format specifier '%.*s' for object of type '%s'", int(spec.size()),
          spec.data(), type_name);
    return false;
  }
  if (end - pos == 1) f->type = cps[pos];
  if (f->separator != 0) {
    f->group = 3;
    switch (f->type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (f->separator == '_') {  // PEP 515: every four digits in bin/oct/hex
          f->group = 4;
          break;
        }
        [[fallthrough]];
      default: {
        char sep[2] = {f->separator, 0};
        std::string before = std::string("Cannot specify '") + sep + "' with ";
        if (f->type > 32 && f->type < 128) raise(&ValueErrorType, "%s'%c'.", before.c_str(), char(f->type));
        else raise(&ValueErrorType, "%s'\\x%x'.", before.c_str(), unsigned(f->type));
        return false;
      }
    }
  }
  return true;
}

// ---------------------------------------------------------------------------
// Layout: | lpad | sign | prefix | spad | grouped digits | . | remainder | rpad |
// ---------------------------------------------------------------------------

struct NumberText {
  char sign_char = 0;            // '-' when the number is negative
  std::string_view prefix;       // "0x" for '#x'
  std::string_view digits;       // integer digits, grouped
  bool has_decimal = false;      // a '.' follows the digits
  std::string_view remainder;    // fraction, exponent, '%', or the 'c' character
  int64_t remainder_chars = 0;   // code points in remainder
  bool upper = false;            // 'X': prefix and digits upper case
};

// Digits with separators and, for '0' padding, leading zeros up to
// min_width (zeros get separators too: format(1234, '010,') is 00,001,234).
static void group_digits(std::string_view digits, int64_t min_width, int group, char sep, std::string& out) {
  std::string rev;  // built right to left
  int64_t remaining = int64_t(digits.size());
  size_t dpos = digits.size();
  if (min_width < 0) min_width = 0;
  bool use_sep = false, done = false;
  auto emit = [&](int64_t n_chars, int64_t n_zeros) {
    if (use_sep) rev.push_back(sep);
    for (int64_t i = 0; i < n_chars; i++) rev.push_back(digits[--dpos]);
    rev.append(size_t(n_zeros), '0');
  };
  if (group > 0) {
    for (;;) {
      int64_t len = std::min<int64_t>(group, std::max<int64_t>(std::max(remaining, min_width), 1));
      int64_t n_zeros = std::max<int64_t>(0, len - remaining);
      int64_t n_chars = std::max<int64_t>(0, std::min(remaining, len));
      emit(n_chars, n_zeros);
      use_sep = true;
      remaining -= n_chars;
      min_width -= len;
      if (remaining <= 0 && min_width <= 0) {
        done = true;
        break;
      }
      min_width -= 1;  // the separator
    }
  }
  if (!done) {
    int64_t len = std::max<int64_t>(std::max(remaining, min_width), 1);
    emit(std::max<int64_t>(0, std::min(remaining, len)), std::max<int64_t>(0, len - remaining));
  }
  out.append(rev.rbegin(), rev.rend());
}

static Value render_number(const FormatSpec& f, const NumberText& t, bool grouping) {
  char sign = 0;
  if (f.sign == '+') sign = t.sign_char == '-' ? '-' : '+';
  else if (f.sign == ' ') sign = t.sign_char == '-' ? '-' : ' ';
  else if (t.sign_char == '-') sign = '-';
  int64_t non_digit = (sign ? 1 : 0) + int64_t(t.prefix.size()) + (t.has_decimal ? 1 : 0) + t.remainder_chars;
  int64_t min_width = (f.fill == '0' && f.align == '=') ? f.width - non_digit : 0;

  std::string grouped;
  if (!t.digits.empty()) group_digits(t.digits, min_width, grouping ? f.group : 0, f.separator, grouped);
  if (t.upper)
    for (char& c : grouped) c = char(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);

  int64_t padding = f.width - (non_digit + int64_t(grouped.size()));
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (padding > 0) {
    switch (f.align) {
      case '<': rpad = padding; break;
      case '^': lpad = padding / 2; rpad = padding - lpad; break;
      case '=': spad = padding; break;
      default: lpad = padding; break;
    }
  }
  std::string fill;
  append_utf8(fill, f.fill);
  std::string out;
  out.reserve(size_t(non_digit + int64_t(grouped.size()) + (lpad + spad + rpad) * int64_t(fill.size())) + 8);
  for (int64_t i = 0; i < lpad; i++) out += fill;
  if (sign) out.push_back(sign);
  for (char c : t.prefix) out.push_back(t.upper && c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c);
  for (int64_t i = 0; i < spad; i++) out += fill;
  out += grouped;
  if (t.has_decimal) out.push_back('.');
  out += t.remainder;
  for (int64_t i = 0; i < rpad; i++) out += fill;
  return str_value(out);
}

// ---------------------------------------------------------------------------
// float and int.
// ---------------------------------------------------------------------------

static Value format_double(double val, const FormatSpec& f) {
  if (f.precision > INT_MAX) return raise(&ValueErrorType, "precision too big");
  unsigned flags = 0;
  if (f.alternate) flags |= kDtsfAlt;
  if (f.no_neg_0) flags |= kDtsfNoNegZero;
  char type = char(f.type);
  int default_precision = 6;
  if (type == 0) {
    // Like repr() without a precision, else like 'g' with at least one
    // digit after the decimal point.
    flags |= kDtsfAddDot0;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  bool percent = type == '%';
  if (percent) {
    type = 'f';
    val *= 100;
  }
  int precision = f.precision < 0 ? default_precision : int(f.precision);
  if (f.precision >= 0 && type == 'r') type = 'g';
  std::string text;
  double_to_string(val, type, precision, flags, text);
  if (percent) text.push_back('%');

  NumberText t;
  std::string_view s = text;
  if (!s.empty() && s[0] == '-') {
    t.sign_char = '-';
    s.remove_prefix(1);
  }
  size_t k = 0;
  while (k < s.size() && s[k] >= '0' && s[k] <= '9') k++;
  t.digits = s.substr(0, k);
  t.has_decimal = k < s.size() && s[k] == '.';
  t.remainder = s.substr(k + (t.has_decimal ? 1 : 0));
  t.remainder_chars = int64_t(t.remainder.size());
  return render_number(f, t, f.type != 'n' && f.separator != 0);
}

static Value unknown_code(char32_t code, const char* type_name) {
  return raise_with_code("Unknown format code ", code, " for object of type ", type_name);
}

Value float_format(Value v, std::string_view spec) {
  if (spec.empty()) return obj_str(v);
  FormatSpec f;
  if (!parse_spec(spec, type_name(v), &f)) return Value();
  switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return format_double(float_value(v), f);
    default:
      return unknown_code(f.type, type_name(v));
  }
}

static Value format_int(Value v, const FormatSpec& f) {
  if (f.precision != -1) return raise(&ValueErrorType, "Precision not allowed in integer format specifier");
  if (f.no_neg_0)
    return raise(&ValueErrorType, "Negative zero coercion (z) not allowed in integer format specifier");
  NumberText t;
  std::string text;
  if (f.type == 'c') {
    if (f.sign != 0) return raise(&ValueErrorType, "Sign not allowed with integer format specifier 'c'");
    if (f.alternate)
      return raise(&ValueErrorType, "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t x;
    if (!int_to_i64(v, &x)) return raise(&OverflowErrorType, "Python int too large to convert to C long");
    if (x < 0 || x > 0x10ffff) return raise(&OverflowErrorType, "%%c arg not in range(0x110000)");
    append_utf8(text, char32_t(x));
    t.remainder = text;
    t.remainder_chars = 1;
    return render_number(f, t, false);
  }
  int base = 10;
  switch (f.type) {
    case 'b': base = 2; t.prefix = "0b"; break;
    case 'o': base = 8; t.prefix = "0o"; break;
    case 'x': base = 16; t.prefix = "0x"; break;
    case 'X': base = 16; t.prefix = "0x"; t.upper = true; break;
    default: break;
  }
  if (!f.alternate) t.prefix = {};
  int_append_text(v, base, text);
  std::string_view s = text;
  if (s[0] == '-') {
    t.sign_char = '-';
    s.remove_prefix(1);
  }
  t.digits = s;
  return render_number(f, t, f.type != 'n' && f.separator != 0);
}

Value int_format(Value v, std::string_view spec) {
  if (spec.empty()) return obj_str(v);
  FormatSpec f;
  if (!parse_spec(spec, type_name(v), &f)) return Value();
  if (f.type == 0) f.type = 'd';
  switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      return format_int(v, f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      double d;
      if (!number_to_double(v, &d)) return Value();
      return format_double(d, f);
    }
    default:
      return unknown_code(f.type, type_name(v));
  }
}

}  // namespace pg
