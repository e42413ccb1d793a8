// Parsing numbers from text: int(s, base) and float(s).
//
// Both follow CPython 3.11 (PyLong_FromString, float_from_string_inner and
// _Py_string_to_number_with_underscores): the text is first mapped to ASCII
// (Unicode spaces and decimal digits are accepted: int('١٢') == 12), white
// space around the number is ignored, underscores are allowed between digits
// (PEP 515), and any error is a ValueError quoting the original text.
#include <gmp.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

#include "objects/int_internal.h"
#include "objects/layouts.h"

namespace pg {

// ---------------------------------------------------------------------------
// Unicode to ASCII.
// ---------------------------------------------------------------------------

// The code points of every Unicode (14.0, Python 3.11) decimal digit zero;
// digits 1..9 follow each one contiguously.
static constexpr char32_t kDigitZeros[] = {
    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,   0xbe6,   0xc66,
    0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,  0x1090,  0x17e0,  0x1810,
    0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,  0xa8d0,
    0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066, 0x110f0,
    0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950,
    0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec,
    0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
};

int unicode_decimal_value(char32_t c) {
  if (c >= '0' && c <= '9') return int(c - '0');
  for (char32_t zero : kDigitZeros) {
    if (c < zero) return -1;  // the table is sorted
    if (c < zero + 10) return int(c - zero);
  }
  return -1;
}

// Non-ASCII white space of str.isspace().
static bool unicode_space(char32_t c) {
  return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
         c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

// Decodes one UTF-8 sequence (input is valid UTF-8, see str_new).
char32_t decode_utf8(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  int n = c < 0xe0 ? 2 : (c < 0xf0 ? 3 : 4);
  char32_t cp = c & (0x7f >> n);
  for (int k = 1; k < n && *i + k < s.size(); k++) cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3f);
  *i += n;
  return cp;
}

std::string_view numeric_text_to_ascii(std::string_view s, std::string& storage) {
  size_t i = 0;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) i++;
  if (i == s.size()) return s;
  storage.assign(s.data(), i);
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      storage.push_back(char(c));
      i++;
      continue;
    }
    char32_t cp = decode_utf8(s, &i);
    if (unicode_space(cp)) {
      storage.push_back(' ');
    } else if (int d = unicode_decimal_value(cp); d >= 0) {
      storage.push_back(char('0' + d));
    } else {
      storage.push_back('?');  // like CPython: the text cannot parse any more
      break;
    }
  }
  return storage;
}

std::string text_repr_for_error(std::string_view s, size_t max_chars) {
  std::string r = str_repr_text(s);
  size_t chars = 0;
  for (size_t i = 0; i < r.size(); i++) {
    if ((static_cast<unsigned char>(r[i]) & 0xc0) == 0x80) continue;  // continuation byte
    if (chars++ == max_chars) {
      r.resize(i);
      break;
    }
  }
  return r;
}

// ---------------------------------------------------------------------------
// int(s, base).
// ---------------------------------------------------------------------------

static int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

static Value invalid_int_literal(std::string_view original, int base) {
  std::string r = text_repr_for_error(original, 200);
  return raise(&ValueErrorType, "invalid literal for int() with base %d: %s", base, r.c_str());
}

Value int_from_string(std::string_view original, int base) {
  if ((base != 0 && base < 2) || base > 36)
    return raise(&ValueErrorType, "int() base must be >= 2 and <= 36, or 0");
  std::string storage;
  std::string_view s = numeric_text_to_ascii(original, storage);
  size_t i = 0, n = s.size();
  auto at = [&](size_t k) { return k < n ? s[k] : '\0'; };

  while (i < n && ascii_space(s[i])) i++;
  bool negative = false;
  if (at(i) == '+' || at(i) == '-') negative = s[i++] == '-';
  int b = base;
  bool error_if_nonzero = false;  // base 0: "0..." literals must be zero (no C octal)
  if (b == 0) {
    char p = at(i + 1);
    if (at(i) != '0') b = 10;
    else if (p == 'x' || p == 'X') b = 16;
    else if (p == 'o' || p == 'O') b = 8;
    else if (p == 'b' || p == 'B') b = 2;
    else {
      b = 10;
      error_if_nonzero = true;
    }
  }
  if (at(i) == '0') {
    char p = at(i + 1);
    if ((b == 16 && (p == 'x' || p == 'X')) || (b == 8 && (p == 'o' || p == 'O')) ||
        (b == 2 && (p == 'b' || p == 'B'))) {
      i += 2;
      if (at(i) == '_') i++;  // one underscore may follow the prefix
    }
  }
  if (at(i) == '_') return invalid_int_literal(original, base);

  // Digits, without underscores (each underscore must sit between digits).
  char stack_buf[64];
  std::string heap_buf;
  char* digits = stack_buf;
  size_t ndigits = 0;
  size_t start = i;
  uint64_t acc = 0;
  bool acc_overflow = false;
  char prev = '\0';
  for (; i < n; i++) {
    char c = s[i];
    if (c == '_') {
      if (prev == '_') return invalid_int_literal(original, base);
    } else {
      int d = digit_value(c);
      if (d >= b) break;
      if (ndigits + 1 >= sizeof stack_buf && digits == stack_buf) {
        heap_buf.assign(stack_buf, ndigits);
        heap_buf.resize(n + 1);
        digits = heap_buf.data();
      }
      digits[ndigits++] = c;
      if (__builtin_mul_overflow(acc, uint64_t(b), &acc) || __builtin_add_overflow(acc, uint64_t(d), &acc))
        acc_overflow = true;
    }
    prev = c;
  }
  if (prev == '_' || ndigits == 0 || i == start) return invalid_int_literal(original, base);
  while (i < n && ascii_space(s[i])) i++;
  if (i != n) return invalid_int_literal(original, base);

  if (!acc_overflow) {
    if (error_if_nonzero && acc != 0) return invalid_int_literal(original, base);
    if (acc <= uint64_t(Value::kSmallMax) + (negative ? 1 : 0))
      return Value::small(negative ? -int64_t(acc) : int64_t(acc));
    if (!negative) return int_from_u64(acc);
  }
  if (error_if_nonzero) return invalid_int_literal(original, base);  // overflowed: nonzero
  digits[ndigits] = '\0';
  mpz_t z;
  mpz_init_set_str(z, digits, b);  // subquadratic for long decimal texts
  if (negative) mpz_neg(z, z);
  return int_from_mpz_take(z);
}

// ---------------------------------------------------------------------------
// float(s).
// ---------------------------------------------------------------------------

static bool match_word(std::string_view s, size_t i, const char* word) {
  size_t len = std::strlen(word);
  if (s.size() - i < len) return false;
  for (size_t k = 0; k < len; k++) {
    char c = s[i + k];
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (c != word[k]) return false;
  }
  return true;
}

// Parses exactly [sign] (digits [. digits*] | . digits) [(e|E) [sign] digits]
// or [sign] inf|infinity|nan; false if `s` is not entirely such a number.
static bool parse_float_text(std::string_view s, double* out) {
  size_t i = 0, n = s.size();
  bool negative = false;
  if (i < n && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  if (match_word(s, i, "inf")) {
    size_t len = match_word(s, i, "infinity") ? 8 : 3;
    if (i + len != n) return false;
    *out = negative ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (match_word(s, i, "nan")) {
    if (i + 3 != n) return false;
    *out = negative ? -std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  size_t mantissa = i;
  size_t int_digits = 0, int_leading_zeros = 0, frac_digits = 0, frac_leading_zeros = 0;
  bool nonzero = false;
  while (i < n && s[i] >= '0' && s[i] <= '9') {
    if (s[i] != '0') nonzero = true;
    if (!nonzero) int_leading_zeros++;
    int_digits++;
    i++;
  }
  if (i < n && s[i] == '.') {
    i++;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
      if (s[i] != '0') nonzero = true;
      if (!nonzero) frac_leading_zeros++;
      frac_digits++;
      i++;
    }
  }
  if (int_digits + frac_digits == 0) return false;
  int64_t exponent = 0;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    i++;
    bool exp_negative = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) exp_negative = s[i++] == '-';
    if (i == n || s[i] < '0' || s[i] > '9') return false;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
      if (exponent < 1000000000) exponent = exponent * 10 + (s[i] - '0');
      i++;
    }
    if (exp_negative) exponent = -exponent;
  }
  if (i != n) return false;
  double d = 0.0;
  auto r = std::from_chars(s.data() + mantissa, s.data() + n, d, std::chars_format::general);
  if (r.ec == std::errc::result_out_of_range) {
    // Overflow or underflow: the position of the first significant digit
    // relative to the decimal point tells which.
    int64_t magnitude = int_digits > int_leading_zeros ? int64_t(int_digits - int_leading_zeros) + exponent
                                                       : exponent - int64_t(frac_leading_zeros);
    d = magnitude > 0 ? HUGE_VAL : 0.0;
  } else if (r.ec != std::errc() || r.ptr != s.data() + n) {
    return false;
  }
  *out = negative ? -d : d;
  return true;
}

static Value invalid_float_text(std::string_view original) {
  std::string r = str_repr_text(original);
  return raise(&ValueErrorType, "could not convert string to float: %s", r.c_str());
}

Value float_from_string(std::string_view original) {
  std::string storage;
  std::string_view s = numeric_text_to_ascii(original, storage);
  // Underscores only between digits; checked on the whole text like CPython.
  std::string without_underscores;
  if (s.find('_') != std::string_view::npos) {
    char prev = '\0';
    for (char c : s) {
      bool digit = c >= '0' && c <= '9';
      if (c == '_') {
        if (!(prev >= '0' && prev <= '9')) return invalid_float_text(original);
      } else {
        if (prev == '_' && !digit) return invalid_float_text(original);
        without_underscores.push_back(c);
      }
      prev = c;
    }
    if (prev == '_') return invalid_float_text(original);
    s = without_underscores;
  }
  size_t begin = 0, end = s.size();
  while (begin < end && ascii_space(s[begin])) begin++;
  while (end > begin && ascii_space(s[end - 1])) end--;
  double d;
  if (begin == end || !parse_float_text(s.substr(begin, end - begin), &d)) return invalid_float_text(original);
  return float_new(d);
}

}  // namespace pg
