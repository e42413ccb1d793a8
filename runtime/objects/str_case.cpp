// str methods about character classes: case mapping (upper, lower, title,
// capitalize, swapcase) and the is*() predicates.
//
// ASCII strings take byte-wise fast paths. Other text uses the full Unicode
// mappings from str_unicode_db.cpp, including CPython's context rule for
// capital sigma (lowercased to final sigma at the end of a word).
#include <string>

#include "objects/containers.h"
#include "objects/str_internal.h"
#include "objects/str_unicode.h"

namespace pg {

namespace {

// Writes the UTF-8 of cps into a new Str.
Str* str_from_codepoints(const std::u32string& cps) {
  std::string out;
  out.reserve(cps.size());
  char buf[4];
  for (char32_t cp : cps) out.append(buf, size_t(utf8_encode(uint32_t(cp), buf)));
  return str_new_with_length(out, int64_t(cps.size()));
}

std::u32string decode_all(const Str* s) {
  std::u32string cps;
  cps.reserve(size_t(s->length));
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while (p < end) cps.push_back(utf8_decode(p));
  return cps;
}

inline bool is_cased(uint32_t cp) { return uni_has(cp, kUniCased); }
inline bool is_case_ignorable(uint32_t cp) { return uni_has(cp, kUniCaseIgnorable); }

// CPython's rule: a capital sigma lowercases to final sigma (U+03C2) when a
// cased letter precedes it and none follows it (case-ignorable characters
// such as apostrophes are skipped in both directions).
uint32_t lower_sigma(const std::u32string& cps, size_t i) {
  size_t j = i;
  while (j > 0 && is_case_ignorable(cps[j - 1])) j--;
  bool final_sigma = j > 0 && is_cased(cps[j - 1]);
  if (final_sigma) {
    size_t k = i + 1;
    while (k < cps.size() && is_case_ignorable(cps[k])) k++;
    final_sigma = k == cps.size() || !is_cased(cps[k]);
  }
  return final_sigma ? 0x3C2 : 0x3C3;
}

void append_mapped(std::u32string& out, uint32_t cp, CaseMap which) {
  uint32_t mapped[3];
  int n = uni_case_map(cp, which, mapped);
  for (int k = 0; k < n; k++) out.push_back(mapped[k]);
}

// Lowercase of cps[i] in context.
void append_lower(std::u32string& out, const std::u32string& cps, size_t i) {
  if (cps[i] == 0x3A3) {
    out.push_back(lower_sigma(cps, i));
    return;
  }
  append_mapped(out, cps[i], CaseMap::Lower);
}

enum class CaseOp { Upper, Lower, Swap, Title, Capitalize };

inline char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? char(c - 32) : c; }
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; }
inline bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

Str* ascii_case(Str* s, CaseOp op) {
  Str* r = str_alloc(s->nbytes, s->length, true);
  const char* src = s->data;
  char* dst = r->data;
  bool previous_cased = false;
  for (int64_t i = 0; i < s->nbytes; i++) {
    char c = src[i];
    switch (op) {
      case CaseOp::Upper: c = ascii_upper(c); break;
      case CaseOp::Lower: c = ascii_lower(c); break;
      case CaseOp::Swap: c = c >= 'a' && c <= 'z' ? ascii_upper(c) : ascii_lower(c); break;
      case CaseOp::Title:
        c = previous_cased ? ascii_lower(c) : ascii_upper(c);
        previous_cased = ascii_alpha(c);
        break;
      case CaseOp::Capitalize: c = i == 0 ? ascii_upper(c) : ascii_lower(c); break;
    }
    dst[i] = c;
  }
  return str_finish(r);
}

Str* unicode_case(Str* s, CaseOp op) {
  std::u32string cps = decode_all(s);
  std::u32string out;
  out.reserve(cps.size());
  bool previous_cased = false;
  for (size_t i = 0; i < cps.size(); i++) {
    uint32_t cp = cps[i];
    switch (op) {
      case CaseOp::Upper: append_mapped(out, cp, CaseMap::Upper); break;
      case CaseOp::Lower: append_lower(out, cps, i); break;
      case CaseOp::Swap:
        if (uni_has(cp, kUniUpper)) append_lower(out, cps, i);
        else if (uni_has(cp, kUniLower)) append_mapped(out, cp, CaseMap::Upper);
        else out.push_back(cp);
        break;
      case CaseOp::Title:
        if (previous_cased) append_lower(out, cps, i);
        else append_mapped(out, cp, CaseMap::Title);
        previous_cased = is_cased(cp);
        break;
      case CaseOp::Capitalize:
        if (i == 0) append_mapped(out, cp, CaseMap::Title);
        else append_lower(out, cps, i);
        break;
    }
  }
  return str_from_codepoints(out);
}

Value case_method(const char* fname, Value self, size_t nargs, Tuple* kwnames, CaseOp op) {
  if (!check_nargs(fname, nargs, kwnames, 0, 0)) return Value();
  Str* s = self.as<Str>();
  if (s->nbytes == 0) return Value(str_empty());
  return Value(s->ascii ? ascii_case(s, op) : unicode_case(s, op));
}

Value str_upper(Value self, const Value*, size_t nargs, Tuple* kw) {
  return case_method("str.upper", self, nargs, kw, CaseOp::Upper);
}
Value str_lower(Value self, const Value*, size_t nargs, Tuple* kw) {
  return case_method("str.lower", self, nargs, kw, CaseOp::Lower);
}
Value str_swapcase(Value self, const Value*, size_t nargs, Tuple* kw) {
  return case_method("str.swapcase", self, nargs, kw, CaseOp::Swap);
}
Value str_title(Value self, const Value*, size_t nargs, Tuple* kw) {
  return case_method("str.title", self, nargs, kw, CaseOp::Title);
}
Value str_capitalize(Value self, const Value*, size_t nargs, Tuple* kw) {
  return case_method("str.capitalize", self, nargs, kw, CaseOp::Capitalize);
}

// ---- predicates -------------------------------------------------------------

// True when the string is non-empty and every code point satisfies pred.
template <class Pred>
bool all_code_points(const Str* s, Pred pred) {
  if (s->nbytes == 0) return false;
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while (p < end)
    if (!pred(utf8_decode(p))) return false;
  return true;
}

template <class Pred>
Value predicate_method(const char* fname, Value self, size_t nargs, Tuple* kwnames, Pred pred) {
  if (!check_nargs(fname, nargs, kwnames, 0, 0)) return Value();
  return Bool(all_code_points(self.as<Str>(), pred));
}

Value str_isdigit(Value self, const Value*, size_t nargs, Tuple* kw) {
  return predicate_method("str.isdigit", self, nargs, kw, uni_is_digit);
}
Value str_isdecimal(Value self, const Value*, size_t nargs, Tuple* kw) {
  return predicate_method("str.isdecimal", self, nargs, kw, uni_is_decimal);
}
Value str_isnumeric(Value self, const Value*, size_t nargs, Tuple* kw) {
  return predicate_method("str.isnumeric", self, nargs, kw, uni_is_numeric);
}
Value str_isalpha(Value self, const Value*, size_t nargs, Tuple* kw) {
  return predicate_method("str.isalpha", self, nargs, kw, uni_is_alpha);
}
Value str_isalnum(Value self, const Value*, size_t nargs, Tuple* kw) {
  return predicate_method("str.isalnum", self, nargs, kw, uni_is_alnum);
}
Value str_isspace(Value self, const Value*, size_t nargs, Tuple* kw) {
  return predicate_method("str.isspace", self, nargs, kw, uni_is_space);
}

Value str_isprintable(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("str.isprintable", nargs, kw, 0, 0)) return Value();
  const Str* s = self.as<Str>();
  return Bool(s->nbytes == 0 || all_code_points(s, uni_is_printable));
}

Value str_isascii(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("str.isascii", nargs, kw, 0, 0)) return Value();
  return Bool(self.as<Str>()->ascii != 0);
}

Value str_isidentifier(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("str.isidentifier", nargs, kw, 0, 0)) return Value();
  const Str* s = self.as<Str>();
  if (s->nbytes == 0) return False();
  const char* p = s->data;
  const char* end = p + s->nbytes;
  uint32_t first = utf8_decode(p);
  if (first != '_' && !uni_is_xid_start(first)) return False();
  while (p < end)
    if (!uni_is_xid_continue(utf8_decode(p))) return False();
  return True();
}

Value str_islower(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("str.islower", nargs, kw, 0, 0)) return Value();
  const Str* s = self.as<Str>();
  bool cased = false;
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while (p < end) {
    uint32_t cp = utf8_decode(p);
    if (uni_has(cp, kUniUpper | kUniTitle)) return False();
    if (uni_has(cp, kUniLower)) cased = true;
  }
  return Bool(cased);
}

Value str_isupper(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("str.isupper", nargs, kw, 0, 0)) return Value();
  const Str* s = self.as<Str>();
  bool cased = false;
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while (p < end) {
    uint32_t cp = utf8_decode(p);
    if (uni_has(cp, kUniLower | kUniTitle)) return False();
    if (uni_has(cp, kUniUpper)) cased = true;
  }
  return Bool(cased);
}

Value str_istitle(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("str.istitle", nargs, kw, 0, 0)) return Value();
  const Str* s = self.as<Str>();
  bool cased = false, previous_cased = false;
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while (p < end) {
    uint32_t cp = utf8_decode(p);
    if (uni_has(cp, kUniUpper | kUniTitle)) {
      if (previous_cased) return False();
      previous_cased = cased = true;
    } else if (uni_has(cp, kUniLower)) {
      if (!previous_cased) return False();
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return Bool(cased);
}

}  // namespace

// Called from str_methods_init().
void str_case_init() {
  type_add_method(&StrType, "upper", str_upper);
  type_add_method(&StrType, "lower", str_lower);
  type_add_method(&StrType, "swapcase", str_swapcase);
  type_add_method(&StrType, "title", str_title);
  type_add_method(&StrType, "capitalize", str_capitalize);
  type_add_method(&StrType, "isdigit", str_isdigit);
  type_add_method(&StrType, "isdecimal", str_isdecimal);
  type_add_method(&StrType, "isnumeric", str_isnumeric);
  type_add_method(&StrType, "isalpha", str_isalpha);
  type_add_method(&StrType, "isalnum", str_isalnum);
  type_add_method(&StrType, "isspace", str_isspace);
  type_add_method(&StrType, "isprintable", str_isprintable);
  type_add_method(&StrType, "isascii", str_isascii);
  type_add_method(&StrType, "isidentifier", str_isidentifier);
  type_add_method(&StrType, "islower", str_islower);
  type_add_method(&StrType, "isupper", str_isupper);
  type_add_method(&StrType, "istitle", str_istitle);
}

}  // namespace pg
