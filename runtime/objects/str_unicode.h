// Unicode character properties (the subset str needs), from the generated
// table in str_unicode_db.cpp (see str_unicode_gen.py), plus UTF-8 helpers.
//
// The properties follow CPython 3.11 (Unicode 14.0.0) exactly, since they are
// derived from CPython's own str methods.
#pragma once

#include <cstdint>

namespace pg {

enum UnicodeFlags : uint16_t {
  kUniAlpha = 1u << 0,
  kUniDecimal = 1u << 1,
  kUniDigit = 1u << 2,
  kUniNumeric = 1u << 3,
  kUniSpace = 1u << 4,
  kUniPrintable = 1u << 5,
  kUniLower = 1u << 6,
  kUniUpper = 1u << 7,
  kUniTitle = 1u << 8,
  kUniCased = 1u << 9,
  kUniCaseIgnorable = 1u << 10,
  kUniXidStart = 1u << 11,
  kUniXidContinue = 1u << 12,
  // upper/lower/title are offsets into the expansion table rather than deltas.
  kUniExtendedCase = 1u << 13,
};

struct UnicodeRecord {
  uint16_t flags;
  int8_t decimal;  // decimal digit value, -1 if none
  int8_t digit;    // digit value, -1 if none
  int32_t upper;   // delta, or expansion offset with kUniExtendedCase
  int32_t lower;
  int32_t title;
};

const UnicodeRecord& unicode_record(uint32_t cp);
// [count, cp0, cp1, ...] at `offset`.
const uint32_t* unicode_expansion(int32_t offset);

inline bool uni_has(uint32_t cp, uint16_t flag) { return (unicode_record(cp).flags & flag) != 0; }
inline bool uni_is_alpha(uint32_t cp) { return uni_has(cp, kUniAlpha); }
inline bool uni_is_decimal(uint32_t cp) { return uni_has(cp, kUniDecimal); }
inline bool uni_is_digit(uint32_t cp) { return uni_has(cp, kUniDigit); }
inline bool uni_is_numeric(uint32_t cp) { return uni_has(cp, kUniNumeric); }
inline bool uni_is_alnum(uint32_t cp) {
  return uni_has(cp, kUniAlpha | kUniDecimal | kUniDigit | kUniNumeric);
}
inline bool uni_is_space(uint32_t cp) {
  if (cp < 128) return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31);
  return uni_has(cp, kUniSpace);
}
inline bool uni_is_printable(uint32_t cp) {
  if (cp < 128) return cp >= 32 && cp < 127;
  return uni_has(cp, kUniPrintable);
}
inline bool uni_is_xid_start(uint32_t cp) { return uni_has(cp, kUniXidStart); }
inline bool uni_is_xid_continue(uint32_t cp) { return uni_has(cp, kUniXidContinue); }
// Decimal digit value (0-9) or -1: what int("٣") accepts.
inline int uni_decimal_value(uint32_t cp) {
  if (cp >= '0' && cp <= '9') return int(cp - '0');
  return cp < 128 ? -1 : unicode_record(cp).decimal;
}
// Line boundaries recognised by str.splitlines.
inline bool uni_is_linebreak(uint32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x0b || cp == 0x0c || cp == 0x1c || cp == 0x1d ||
         cp == 0x1e || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

enum class CaseMap { Upper, Lower, Title };
// Full case mapping of one code point (may expand to up to 3 code points).
// Returns the number written to out[]. Lower does not apply the final-sigma
// rule; str.lower() handles that in context.
inline int uni_case_map(uint32_t cp, CaseMap which, uint32_t out[3]) {
  const UnicodeRecord& r = unicode_record(cp);
  int32_t field = which == CaseMap::Upper ? r.upper : which == CaseMap::Lower ? r.lower : r.title;
  if (!(r.flags & kUniExtendedCase)) {
    out[0] = uint32_t(int32_t(cp) + field);
    return 1;
  }
  const uint32_t* e = unicode_expansion(field);
  for (uint32_t i = 0; i < e[0]; i++) out[i] = e[1 + i];
  return int(e[0]);
}

// ---------------------------------------------------------------------------
// UTF-8. Text held by Str is always valid UTF-8 (no surrogates).
// ---------------------------------------------------------------------------
inline bool utf8_is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Decodes the code point at p (valid UTF-8) and advances p.
inline uint32_t utf8_decode(const char*& p) {
  auto b = static_cast<unsigned char>(*p);
  if (b < 0x80) {
    p += 1;
    return b;
  }
  if (b < 0xE0) {
    uint32_t cp = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(p[1]) & 0x3Fu);
    p += 2;
    return cp;
  }
  if (b < 0xF0) {
    uint32_t cp = ((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(p[1]) & 0x3Fu) << 6) |
                  (static_cast<unsigned char>(p[2]) & 0x3Fu);
    p += 3;
    return cp;
  }
  uint32_t cp = ((b & 0x07u) << 18) | ((static_cast<unsigned char>(p[1]) & 0x3Fu) << 12) |
                ((static_cast<unsigned char>(p[2]) & 0x3Fu) << 6) |
                (static_cast<unsigned char>(p[3]) & 0x3Fu);
  p += 4;
  return cp;
}

// Decodes the code point that ends just before p and moves p back to its start.
inline uint32_t utf8_decode_before(const char*& p) {
  const char* q = p - 1;
  while (utf8_is_continuation(static_cast<unsigned char>(*q))) q--;
  p = q;
  const char* r = q;
  return utf8_decode(r);
}

// Number of code points in n bytes of valid UTF-8: every byte that is not a
// continuation byte starts one. Written so the compiler vectorises it.
inline int64_t utf8_count(const char* p, int64_t n) {
  int64_t count = 0;
  for (int64_t i = 0; i < n; i++) count += (static_cast<unsigned char>(p[i]) & 0xC0) != 0x80;
  return count;
}

// True when all n bytes are ASCII. Written so the compiler vectorises it.
inline bool utf8_all_ascii(const char* p, int64_t n) {
  unsigned char acc = 0;
  for (int64_t i = 0; i < n; i++) acc |= static_cast<unsigned char>(p[i]);
  return acc < 0x80;
}

inline int utf8_width(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

// Writes cp as UTF-8 to out (room for 4 bytes); returns the byte count.
inline int utf8_encode(uint32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = char(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = char(0xC0 | (cp >> 6));
    out[1] = char(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = char(0xE0 | (cp >> 12));
    out[1] = char(0x80 | ((cp >> 6) & 0x3F));
    out[2] = char(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = char(0xF0 | (cp >> 18));
  out[1] = char(0x80 | ((cp >> 12) & 0x3F));
  out[2] = char(0x80 | ((cp >> 6) & 0x3F));
  out[3] = char(0x80 | (cp & 0x3F));
  return 4;
}

}  // namespace pg
