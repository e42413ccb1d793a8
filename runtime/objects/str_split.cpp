// str methods that cut text at characters: strip/lstrip/rstrip and
// split/rsplit/splitlines, with CPython's whitespace and line-break rules
// (Unicode White_Space; \r\n counts as one line break).
#include "objects/containers.h"
#include "objects/str_internal.h"
#include "objects/str_unicode.h"

namespace pg {

namespace {

// ---- strip -------------------------------------------------------------------

enum StripSide { kLeft = 1, kRight = 2, kBoth = 3 };

bool in_chars(uint32_t cp, const Str* chars) {
  const char* p = chars->data;
  const char* end = p + chars->nbytes;
  while (p < end)
    if (utf8_decode(p) == cp) return true;
  return false;
}

Value strip_method(const char* fname, Value self, const Value* args, size_t nargs, Tuple* kw,
                   int side) {
  if (!check_nargs(fname, nargs, kw, 0, 1)) return Value();
  Str* s = self.as<Str>();
  const Str* chars = nullptr;
  if (nargs == 1 && !is_none(args[0])) {
    if (!is_str(args[0])) return raise(&TypeErrorType, "%s arg must be None or str", fname);
    chars = args[0].as<Str>();
  }
  auto strip_it = [chars](uint32_t cp) { return chars ? in_chars(cp, chars) : uni_is_space(cp); };
  const char* begin = s->data;
  const char* end = s->data + s->nbytes;
  if (side & kLeft) {
    while (begin < end) {
      const char* p = begin;
      if (!strip_it(utf8_decode(p))) break;
      begin = p;
    }
  }
  if (side & kRight) {
    while (end > begin) {
      const char* p = end;
      if (!strip_it(utf8_decode_before(p))) break;
      end = p;
    }
  }
  return Value(str_bytes_substr(s, begin - s->data, end - s->data));
}

Value str_strip(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return strip_method("strip", self, args, nargs, kw, kBoth);
}
Value str_lstrip(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return strip_method("lstrip", self, args, nargs, kw, kLeft);
}
Value str_rstrip(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return strip_method("rstrip", self, args, nargs, kw, kRight);
}

// ---- split ---------------------------------------------------------------------

bool parse_split_args(const char* fname, const Value* args, size_t nargs, Tuple* kw, Str** sep,
                      int64_t* maxsplit) {
  Value params[2];
  if (!bind_args(fname, args, nargs, kw, {"sep", "maxsplit"}, 0, params)) return false;
  *sep = nullptr;
  *maxsplit = -1;
  if (!params[0].is_null() && !is_none(params[0])) {
    if (!(*sep = str_arg(params[0], "must be str or None, not %s"))) return false;
    if ((*sep)->nbytes == 0) {
      raise(&ValueErrorType, "empty separator");
      return false;
    }
  }
  if (!params[1].is_null() && !int_as_index(params[1], maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

inline bool space_at(const char* p, uint32_t* cp, const char** next) {
  const char* q = p;
  *cp = utf8_decode(q);
  *next = q;
  return uni_is_space(*cp);
}

Value str_split(Value self, const Value* args, size_t nargs, Tuple* kw) {
  Str* sep;
  int64_t maxsplit;
  if (!parse_split_args("split", args, nargs, kw, &sep, &maxsplit)) return Value();
  Str* s = self.as<Str>();
  Value result = Value(list_new(0));
  List* out = result.as<List>();
  int64_t n = s->nbytes;
  if (sep) {
    int64_t i = 0;
    while (maxsplit-- > 0) {
      int64_t j = str_find_bytes(s, sep, i, n);
      if (j < 0) break;
      list_append(out, Value(str_bytes_substr(s, i, j)));
      i = j + sep->nbytes;
    }
    list_append(out, Value(str_bytes_substr(s, i, n)));
    return result;
  }
  const char* data = s->data;
  const char* p = data;
  const char* end = data + n;
  uint32_t cp;
  const char* next;
  while (maxsplit-- > 0) {
    while (p < end && space_at(p, &cp, &next)) p = next;
    if (p == end) break;
    const char* word = p;
    while (p < end && !space_at(p, &cp, &next)) p = next;
    list_append(out, Value(str_bytes_substr(s, word - data, p - data)));
  }
  if (p < end) {
    while (p < end && space_at(p, &cp, &next)) p = next;
    if (p != end) list_append(out, Value(str_bytes_substr(s, p - data, n)));
  }
  return result;
}

Value str_rsplit(Value self, const Value* args, size_t nargs, Tuple* kw) {
  Str* sep;
  int64_t maxsplit;
  if (!parse_split_args("rsplit", args, nargs, kw, &sep, &maxsplit)) return Value();
  Str* s = self.as<Str>();
  Value result = Value(list_new(0));
  List* out = result.as<List>();
  if (sep) {
    int64_t j = s->nbytes;
    while (maxsplit-- > 0) {
      int64_t pos = str_rfind_bytes(s, sep, 0, j);
      if (pos < 0) break;
      list_append(out, Value(str_bytes_substr(s, pos + sep->nbytes, j)));
      j = pos;
    }
    list_append(out, Value(str_bytes_substr(s, 0, j)));
  } else {
    const char* data = s->data;
    const char* p = data + s->nbytes;  // scanning backwards: p is an end
    auto space_before = [](const char* q) {
      return uni_is_space(utf8_decode_before(q));
    };
    auto step_back = [](const char* q) {
      utf8_decode_before(q);
      return q;
    };
    while (maxsplit-- > 0) {
      while (p > data && space_before(p)) p = step_back(p);
      if (p == data) break;
      const char* word_end = p;
      while (p > data && !space_before(p)) p = step_back(p);
      list_append(out, Value(str_bytes_substr(s, p - data, word_end - data)));
    }
    if (p > data) {
      while (p > data && space_before(p)) p = step_back(p);
      if (p > data) list_append(out, Value(str_bytes_substr(s, 0, p - data)));
    }
  }
  list_reverse(out);
  return result;
}

Value str_splitlines(Value self, const Value* args, size_t nargs, Tuple* kw) {
  Value params[1];
  if (!bind_args("splitlines", args, nargs, kw, {"keepends"}, 0, params)) return Value();
  bool keepends = false;
  if (!params[0].is_null()) {
    int t = obj_truth(params[0]);
    if (t < 0) return Value();
    keepends = t == 1;
  }
  Str* s = self.as<Str>();
  Value result = Value(list_new(0));
  const char* data = s->data;
  const char* end = data + s->nbytes;
  const char* p = data;
  while (p < end) {
    const char* line = p;
    const char* eol = end;
    while (p < end) {
      const char* q = p;
      uint32_t cp = utf8_decode(q);
      if (uni_is_linebreak(cp)) {
        eol = p;
        p = (cp == '\r' && q < end && *q == '\n') ? q + 1 : q;
        break;
      }
      p = q;
    }
    if (eol == end) p = end;
    list_append(result.as<List>(), Value(str_bytes_substr(s, line - data, (keepends ? p : eol) - data)));
  }
  return result;
}

}  // namespace

void str_split_init() {
  type_add_method(&StrType, "strip", str_strip);
  type_add_method(&StrType, "lstrip", str_lstrip);
  type_add_method(&StrType, "rstrip", str_rstrip);
  type_add_method(&StrType, "split", str_split);
  type_add_method(&StrType, "rsplit", str_rsplit);
  type_add_method(&StrType, "splitlines", str_splitlines);
}

}  // namespace pg
