// str methods that search and rebuild text: find/index/count,
// starts/endswith, join, replace, partition, padding, expandtabs,
// removeprefix/suffix. Case mapping and the is*() predicates are in
// str_case.cpp; strip and the split family in str_split.cpp.
//
// All searching works on the UTF-8 bytes (a match of valid UTF-8 always
// starts on a character boundary); code point indices are converted to byte
// offsets at the edges only, which is free for ASCII strings.
//
// TODO(format): str.format and `%` need the format-spec machinery of the
// numbers engineer; they are not registered yet.
#include <cstring>
#include <string>

#include "objects/containers.h"
#include "objects/str_internal.h"
#include "objects/str_unicode.h"

namespace pg {

// ---------------------------------------------------------------------------
// Helpers shared with str_split.cpp (str_internal.h).
// ---------------------------------------------------------------------------
// s[b0:b1] by byte offsets on character boundaries.
Str* str_bytes_substr(Str* s, int64_t b0, int64_t b1) {
  if (b0 == 0 && b1 == s->nbytes && s->type == &StrType) return s;
  int64_t length = s->ascii ? b1 - b0 : utf8_count(s->data + b0, b1 - b0);
  return str_new_with_length(std::string_view(s->data + b0, size_t(b1 - b0)), length);
}

// First occurrence of needle in hay[b0, b1), as a byte offset, or -1.
int64_t str_find_bytes(const Str* hay, const Str* needle, int64_t b0, int64_t b1) {
  if (needle->nbytes > b1 - b0) return -1;
  if (needle->nbytes == 0) return b0;
  const void* p = needle->nbytes == 1
                      ? memchr(hay->data + b0, needle->data[0], size_t(b1 - b0))
                      : memmem(hay->data + b0, size_t(b1 - b0), needle->data, size_t(needle->nbytes));
  return p ? static_cast<const char*>(p) - hay->data : -1;
}

// Last occurrence of needle in hay[b0, b1), as a byte offset, or -1.
int64_t str_rfind_bytes(const Str* hay, const Str* needle, int64_t b0, int64_t b1) {
  int64_t m = needle->nbytes;
  if (m > b1 - b0) return -1;
  if (m == 0) return b1;
  const char* lo = hay->data + b0;
  const char* last = hay->data + b1 - m;  // last possible start
  while (last >= lo) {
    const void* q = memrchr(lo, needle->data[0], size_t(last - lo + 1));
    if (!q) return -1;
    const char* c = static_cast<const char*>(q);
    if (memcmp(c, needle->data, size_t(m)) == 0) return c - hay->data;
    last = c - 1;
  }
  return -1;
}

Str* str_arg(Value v, const char* fmt) {
  if (is_str(v)) return v.as<Str>();
  raise(&TypeErrorType, fmt, type_name(v));
  return nullptr;
}

namespace {

// Parses (sub[, start[, end]]) of find/index/count/...
bool parse_sub_range(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, Str** sub,
                     int64_t* start, int64_t* end) {
  if (kwnames && tuple_size(kwnames) > 0) {
    raise(&TypeErrorType, "%s() takes no keyword arguments", fname);
    return false;
  }
  if (nargs < 1 || nargs > 3) {
    raise(&TypeErrorType, "%s() takes at %s %d argument%s (%zu given)", fname,
          nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 3, nargs < 1 ? "" : "s", nargs);
    return false;
  }
  *sub = str_arg(args[0], "must be str, not %s");
  if (!*sub) return false;
  *start = 0;
  *end = INT64_MAX;
  if (nargs > 1 && !slice_arg_index(args[1], start)) return false;
  if (nargs > 2 && !slice_arg_index(args[2], end)) return false;
  return true;
}

// str.find semantics on code point indices: -1 when absent.
int64_t find_cp(Str* s, Str* sub, int64_t start, int64_t end, bool reverse) {
  adjust_indices(&start, &end, s->length);
  if (end - start < sub->length) return -1;
  int64_t b0 = str_byte_offset(s, start);
  int64_t b1 = str_byte_offset(s, end);
  int64_t pos = reverse ? str_rfind_bytes(s, sub, b0, b1) : str_find_bytes(s, sub, b0, b1);
  if (pos < 0) return -1;
  return s->ascii ? pos : start + utf8_count(s->data + b0, pos - b0);
}

Value find_method(const char* fname, Value self, const Value* args, size_t nargs, Tuple* kw,
                  bool reverse, bool raise_missing) {
  Str* sub;
  int64_t start, end;
  if (!parse_sub_range(fname, args, nargs, kw, &sub, &start, &end)) return Value();
  int64_t r = find_cp(self.as<Str>(), sub, start, end, reverse);
  if (r < 0 && raise_missing) return raise(&ValueErrorType, "substring not found");
  return Value::small(r);
}

Value str_find(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return find_method("find", self, args, nargs, kw, false, false);
}
Value str_rfind(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return find_method("rfind", self, args, nargs, kw, true, false);
}
Value str_index(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return find_method("index", self, args, nargs, kw, false, true);
}
Value str_rindex(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return find_method("rindex", self, args, nargs, kw, true, true);
}

Value str_count(Value self, const Value* args, size_t nargs, Tuple* kw) {
  Str* sub;
  int64_t start, end;
  if (!parse_sub_range("count", args, nargs, kw, &sub, &start, &end)) return Value();
  Str* s = self.as<Str>();
  adjust_indices(&start, &end, s->length);
  if (end - start < sub->length) return Value::small(0);
  if (sub->nbytes == 0) return Value::small(end - start + 1);
  int64_t b = str_byte_offset(s, start), b1 = str_byte_offset(s, end), n = 0;
  while ((b = str_find_bytes(s, sub, b, b1)) >= 0) {
    n++;
    b += sub->nbytes;
  }
  return Value::small(n);
}

// CPython's tailmatch: does s[start:end] start (or end) with sub?
bool tail_match(Str* s, Str* sub, int64_t start, int64_t end, bool at_end) {
  adjust_indices(&start, &end, s->length);
  end -= sub->length;
  if (end < start) return false;
  if (sub->nbytes == 0) return true;
  int64_t b = str_byte_offset(s, at_end ? end : start);
  return b + sub->nbytes <= s->nbytes && memcmp(s->data + b, sub->data, size_t(sub->nbytes)) == 0;
}

Value affix_method(const char* fname, Value self, const Value* args, size_t nargs, Tuple* kw,
                   bool at_end) {
  if (!check_nargs(fname, nargs, kw, 1, 3)) return Value();
  int64_t start = 0, end = INT64_MAX;
  if (nargs > 1 && !slice_arg_index(args[1], &start)) return Value();
  if (nargs > 2 && !slice_arg_index(args[2], &end)) return Value();
  Str* s = self.as<Str>();
  if (isinstance(args[0], &TupleType)) {
    Tuple* t = args[0].as<Tuple>();
    for (int64_t i = 0; i < t->size; i++) {
      if (!is_str(t->items[i]))
        return raise(&TypeErrorType, "tuple for %s must only contain str, not %s", fname,
                     type_name(t->items[i]));
      if (tail_match(s, t->items[i].as<Str>(), start, end, at_end)) return True();
    }
    return False();
  }
  if (!is_str(args[0]))
    return raise(&TypeErrorType, "%s first arg must be str or a tuple of str, not %s", fname,
                 type_name(args[0]));
  return Bool(tail_match(s, args[0].as<Str>(), start, end, at_end));
}

Value str_startswith(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return affix_method("startswith", self, args, nargs, kw, false);
}
Value str_endswith(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return affix_method("endswith", self, args, nargs, kw, true);
}

// ---- join / replace ------------------------------------------------------------

Value str_join_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("str.join", nargs, kw, 1, 1)) return Value();
  return str_join(self.as<Str>(), args[0]);
}

Value str_replace(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("replace", nargs, kw, 2, 3)) return Value();
  Str* old_s = str_arg(args[0], "replace() argument 1 must be str, not %s");
  if (!old_s) return Value();
  Str* new_s = str_arg(args[1], "replace() argument 2 must be str, not %s");
  if (!new_s) return Value();
  int64_t count = -1;
  if (nargs == 3 && !int_as_index(args[2], &count)) return Value();
  if (count < 0) count = INT64_MAX;
  Str* s = self.as<Str>();
  if (count == 0) return Value(str_bytes_substr(s, 0, s->nbytes));
  std::string out;
  int64_t done = 0;
  if (old_s->nbytes == 0) {
    // Insert `new` before every character (and at the end), up to count.
    const char* p = s->data;
    const char* end = p + s->nbytes;
    while (done < count) {
      out.append(new_s->data, size_t(new_s->nbytes));
      done++;
      if (p == end) break;
      const char* q = p;
      utf8_decode(q);
      out.append(p, size_t(q - p));
      p = q;
    }
    out.append(p, size_t(end - p));
  } else {
    int64_t i = 0;
    while (done < count) {
      int64_t j = str_find_bytes(s, old_s, i, s->nbytes);
      if (j < 0) break;
      out.append(s->data + i, size_t(j - i));
      out.append(new_s->data, size_t(new_s->nbytes));
      i = j + old_s->nbytes;
      done++;
    }
    if (done == 0) return Value(str_bytes_substr(s, 0, s->nbytes));
    out.append(s->data + i, size_t(s->nbytes - i));
  }
  int64_t length = s->length + done * (new_s->length - old_s->length);
  return Value(str_new_with_length(out, length));
}

// ---- partition -------------------------------------------------------------------

Value partition_method(const char* fname, Value self, const Value* args, size_t nargs,
                       Tuple* kw, bool reverse) {
  if (!check_nargs(fname, nargs, kw, 1, 1)) return Value();
  Str* sep = str_arg(args[0], "must be str, not %s");
  if (!sep) return Value();
  if (sep->nbytes == 0) return raise(&ValueErrorType, "empty separator");
  Str* s = self.as<Str>();
  int64_t pos = reverse ? str_rfind_bytes(s, sep, 0, s->nbytes) : str_find_bytes(s, sep, 0, s->nbytes);
  Value whole = Value(str_bytes_substr(s, 0, s->nbytes));
  Value empty = Value(str_empty());
  if (pos < 0) return Value(reverse ? tuple_from({empty, empty, whole}) : tuple_from({whole, empty, empty}));
  Value before = Value(str_bytes_substr(s, 0, pos));
  Value after = Value(str_bytes_substr(s, pos + sep->nbytes, s->nbytes));
  return Value(tuple_from({before, Value(sep), after}));
}

Value str_partition(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return partition_method("partition", self, args, nargs, kw, false);
}
Value str_rpartition(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return partition_method("rpartition", self, args, nargs, kw, true);
}

Value affix_remove(const char* fname, Value self, const Value* args, size_t nargs, Tuple* kw,
                   bool suffix) {
  if (!check_nargs(fname, nargs, kw, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise(&TypeErrorType, "%s() argument must be str, not %s", fname, type_name(args[0]));
  Str* s = self.as<Str>();
  Str* a = args[0].as<Str>();
  if (a->nbytes == 0 || a->nbytes > s->nbytes) return Value(str_bytes_substr(s, 0, s->nbytes));
  if (suffix) {
    if (memcmp(s->data + s->nbytes - a->nbytes, a->data, size_t(a->nbytes)) == 0)
      return Value(str_bytes_substr(s, 0, s->nbytes - a->nbytes));
  } else if (memcmp(s->data, a->data, size_t(a->nbytes)) == 0) {
    return Value(str_bytes_substr(s, a->nbytes, s->nbytes));
  }
  return Value(str_bytes_substr(s, 0, s->nbytes));
}

Value str_removeprefix(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return affix_remove("removeprefix", self, args, nargs, kw, false);
}
Value str_removesuffix(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return affix_remove("removesuffix", self, args, nargs, kw, true);
}

// ---- padding ---------------------------------------------------------------------

// `left` and `right` copies of fill around s.
Str* pad(Str* s, int64_t left, int64_t right, Str* fill) {
  if (left <= 0 && right <= 0) return str_bytes_substr(s, 0, s->nbytes);
  int64_t fw = fill->nbytes;
  Str* r = str_alloc(s->nbytes + (left + right) * fw, s->length + left + right,
                     s->ascii && fill->ascii);
  char* p = r->data;
  for (int64_t i = 0; i < left; i++, p += fw) memcpy(p, fill->data, size_t(fw));
  memcpy(p, s->data, size_t(s->nbytes));
  p += s->nbytes;
  for (int64_t i = 0; i < right; i++, p += fw) memcpy(p, fill->data, size_t(fw));
  return str_finish(r);
}

enum class Justify { Left, Right, Center };

Value justify_method(const char* fname, Value self, const Value* args, size_t nargs, Tuple* kw,
                     Justify how) {
  if (!check_nargs(fname, nargs, kw, 1, 2)) return Value();
  int64_t width;
  if (!int_as_index(args[0], &width)) return Value();
  Str* fill = str_from_codepoint(' ');
  if (nargs == 2) {
    if (!is_str(args[1]))
      return raise(&TypeErrorType, "%s() argument 2 must be str, not %s", fname, type_name(args[1]));
    fill = args[1].as<Str>();
    if (fill->length != 1)
      return raise(&TypeErrorType, "The fill character must be exactly one character long");
  }
  Str* s = self.as<Str>();
  int64_t margin = width - s->length;
  if (margin <= 0) return Value(str_bytes_substr(s, 0, s->nbytes));
  switch (how) {
    case Justify::Left: return Value(pad(s, 0, margin, fill));
    case Justify::Right: return Value(pad(s, margin, 0, fill));
    case Justify::Center: {
      // CPython's rounding: the odd space goes left when width is odd.
      int64_t left = margin / 2 + (margin & width & 1);
      return Value(pad(s, left, margin - left, fill));
    }
  }
  return Value();
}

Value str_ljust(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return justify_method("ljust", self, args, nargs, kw, Justify::Left);
}
Value str_rjust(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return justify_method("rjust", self, args, nargs, kw, Justify::Right);
}
Value str_center(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return justify_method("center", self, args, nargs, kw, Justify::Center);
}

Value str_zfill(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("str.zfill", nargs, kw, 1, 1)) return Value();
  int64_t width;
  if (!int_as_index(args[0], &width)) return Value();
  Str* s = self.as<Str>();
  int64_t fill = width - s->length;
  if (fill <= 0) return Value(str_bytes_substr(s, 0, s->nbytes));
  Str* r = pad(s, fill, 0, str_from_codepoint('0'));
  // A sign moves in front of the zeros. r is a fresh string here.
  if (r->data[fill] == '+' || r->data[fill] == '-') {
    r->data[0] = r->data[fill];
    r->data[fill] = '0';
  }
  return Value(r);
}

Value str_expandtabs(Value self, const Value* args, size_t nargs, Tuple* kw) {
  Value params[1];
  if (!bind_args("expandtabs", args, nargs, kw, {"tabsize"}, 0, params)) return Value();
  int64_t tabsize = 8;
  if (!params[0].is_null() && !int_as_index(params[0], &tabsize)) return Value();
  Str* s = self.as<Str>();
  std::string out;
  int64_t column = 0, length = 0;
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while (p < end) {
    const char* start = p;
    uint32_t cp = utf8_decode(p);
    if (cp == '\t') {
      if (tabsize > 0) {
        int64_t spaces = tabsize - column % tabsize;
        out.append(size_t(spaces), ' ');
        column += spaces;
        length += spaces;
      }
    } else {
      out.append(start, size_t(p - start));
      length++;
      column = (cp == '\n' || cp == '\r') ? 0 : column + 1;
    }
  }
  return Value(str_new_with_length(out, length));
}

Value str_len_method(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("str.__len__", nargs, kw, 0, 0)) return Value();
  return Value::small(self.as<Str>()->length);
}

Value str_contains_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("str.__contains__", nargs, kw, 1, 1)) return Value();
  int r = StrType.contains(self, args[0]);
  return r < 0 ? Value() : Bool(r == 1);
}

Value str_getitem_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("str.__getitem__", nargs, kw, 1, 1)) return Value();
  return StrType.getitem(self, args[0]);
}

}  // namespace

// ---------------------------------------------------------------------------
// str_join: sep.join(iterable), one allocation for the result.
// ---------------------------------------------------------------------------
Value str_join(Str* sep, Value iterable) {
  Value seq = iterable;
  if (!isinstance(seq, &ListType) && !isinstance(seq, &TupleType)) {
    if (type_of(iterable)->iter == nullptr && !is_str(iterable))
      return raise(&TypeErrorType, "can only join an iterable");
    seq = list_from_iterable(iterable);
    if (seq.is_null()) return Value();
  }
  // No Python code runs below, so the items cannot change under us.
  bool is_list = isinstance(seq, &ListType);
  int64_t n = is_list ? seq.as<List>()->size : seq.as<Tuple>()->size;
  const Value* items = is_list ? seq.as<List>()->items : seq.as<Tuple>()->items;
  if (n == 1 && is_exact_str(items[0])) return items[0];
  int64_t nbytes = n > 0 ? sep->nbytes * (n - 1) : 0;
  int64_t length = n > 0 ? sep->length * (n - 1) : 0;
  bool ascii = sep->ascii;
  for (int64_t i = 0; i < n; i++) {
    if (!is_str(items[i]))
      return raise(&TypeErrorType, "sequence item %lld: expected str instance, %s found",
                   (long long)i, type_name(items[i]));
    Str* item = items[i].as<Str>();
    nbytes += item->nbytes;
    length += item->length;
    ascii = ascii && item->ascii;
  }
  Str* r = str_alloc(nbytes, length, ascii);
  char* p = r->data;
  for (int64_t i = 0; i < n; i++) {
    if (i > 0 && sep->nbytes) {
      memcpy(p, sep->data, size_t(sep->nbytes));
      p += sep->nbytes;
    }
    Str* item = items[i].as<Str>();
    memcpy(p, item->data, size_t(item->nbytes));
    p += item->nbytes;
  }
  return Value(str_finish(r));
}

void str_methods_init() {
  str_case_init();
  str_split_init();
  type_add_method(&StrType, "find", str_find);
  type_add_method(&StrType, "rfind", str_rfind);
  type_add_method(&StrType, "index", str_index);
  type_add_method(&StrType, "rindex", str_rindex);
  type_add_method(&StrType, "count", str_count);
  type_add_method(&StrType, "startswith", str_startswith);
  type_add_method(&StrType, "endswith", str_endswith);
  type_add_method(&StrType, "join", str_join_method);
  type_add_method(&StrType, "replace", str_replace);
  type_add_method(&StrType, "partition", str_partition);
  type_add_method(&StrType, "rpartition", str_rpartition);
  type_add_method(&StrType, "removeprefix", str_removeprefix);
  type_add_method(&StrType, "removesuffix", str_removesuffix);
  type_add_method(&StrType, "ljust", str_ljust);
  type_add_method(&StrType, "rjust", str_rjust);
  type_add_method(&StrType, "center", str_center);
  type_add_method(&StrType, "zfill", str_zfill);
  type_add_method(&StrType, "expandtabs", str_expandtabs);
  type_add_method(&StrType, "__len__", str_len_method);
  type_add_method(&StrType, "__contains__", str_contains_method);
  type_add_method(&StrType, "__getitem__", str_getitem_method);
}

}  // namespace pg
