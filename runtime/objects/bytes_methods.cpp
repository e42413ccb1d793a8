// The methods bytes and bytearray share (CPython's bytes_methods.c and
// stringlib, re-derived). Each works on a byte view of self and returns a
// result of self's kind: bytes for bytes (and subclasses), bytearray for
// bytearray. Character classes are ASCII only, as in CPython.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/type.h"

namespace pg {

namespace {

std::string_view self_view(Value self) {
  std::string_view v;
  bytes_view(self, &v);
  return v;
}

Value make_like(Value self, std::string_view data) {
  return is_bytearray(self) ? bytearray_new(data) : Value(bytes_new(data));
}

bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(unsigned char c) { return is_lower(c) || is_upper(c); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// A bytes-like argument; TypeError "a bytes-like object is required, not 'str'".
bool need_bytes(Value v, std::string_view* out) {
  if (bytes_view(v, out)) return true;
  raise(&TypeErrorType, "a bytes-like object is required, not '%s'", type_name(v));
  return false;
}

// The `sub` of find/count/index: bytes-like or an int 0..255.
bool sub_arg(Value v, std::string* out) {
  std::string_view view;
  if (bytes_view(v, &view)) {
    out->assign(view);
    return true;
  }
  if (is_int(v)) {
    int64_t x;
    if (!int_to_i64(v, &x) || x < 0 || x > 255) {
      raise(&ValueErrorType, "byte must be in range(0, 256)");
      return false;
    }
    out->assign(1, char(x));
    return true;
  }
  raise(&TypeErrorType, "argument should be integer or bytes-like object, not '%s'", type_name(v));
  return false;
}

// find/rfind/index/rindex/count: (sub[, start[, end]]).
bool find_args(const char* name, const Value* args, size_t nargs, Tuple* kw, std::string* sub, int64_t* start,
               int64_t* end, int64_t length) {
  if (!check_nargs(name, nargs, kw, 1, 3)) return false;
  if (!sub_arg(args[0], sub)) return false;
  *start = 0;
  *end = INT64_MAX;
  if (nargs > 1 && !slice_arg_index(args[1], start)) return false;
  if (nargs > 2 && !slice_arg_index(args[2], end)) return false;
  adjust_indices(start, end, length);
  return true;
}

int64_t find_in(std::string_view hay, std::string_view sub, int64_t start, int64_t end, bool reverse) {
  if (start > int64_t(hay.size()) || end - start < int64_t(sub.size())) return -1;
  std::string_view window = hay.substr(size_t(start), size_t(end - start));
  size_t p = reverse ? window.rfind(sub) : window.find(sub);
  return p == std::string_view::npos ? -1 : start + int64_t(p);
}

#define METHOD(fname) Value fname(Value self, const Value* args, size_t nargs, Tuple* kw)

template <bool Reverse, bool Raise>
METHOD(m_find) {
  const char* name = Reverse ? (Raise ? "rindex" : "rfind") : (Raise ? "index" : "find");
  std::string_view hay = self_view(self);
  std::string sub;
  int64_t start, end;
  if (!find_args(name, args, nargs, kw, &sub, &start, &end, int64_t(hay.size()))) return Value();
  hay = self_view(self);
  int64_t r = find_in(hay, sub, start, end, Reverse);
  if (r < 0 && Raise) return raise(&ValueErrorType, "subsection not found");
  return int_value(r);
}

METHOD(m_count) {
  std::string_view hay = self_view(self);
  std::string sub;
  int64_t start, end;
  if (!find_args("count", args, nargs, kw, &sub, &start, &end, int64_t(hay.size()))) return Value();
  hay = self_view(self);
  if (start > int64_t(hay.size())) return Value::small(0);
  if (sub.empty()) return int_value(end >= start ? end - start + 1 : 0);
  int64_t n = 0;
  for (int64_t i = start; i + int64_t(sub.size()) <= end;) {
    int64_t p = find_in(hay, sub, i, end, false);
    if (p < 0) break;
    n++;
    i = p + int64_t(sub.size());
  }
  return int_value(n);
}

template <bool Ends>
METHOD(m_startswith) {
  const char* name = Ends ? "endswith" : "startswith";
  if (!check_nargs(name, nargs, kw, 1, 3)) return Value();
  std::string_view hay = self_view(self);
  int64_t start = 0, end = INT64_MAX;
  if (nargs > 1 && !slice_arg_index(args[1], &start)) return Value();
  if (nargs > 2 && !slice_arg_index(args[2], &end)) return Value();
  adjust_indices(&start, &end, int64_t(hay.size()));
  auto matches = [&](std::string_view p) {
    if (start > int64_t(hay.size()) || end - start < int64_t(p.size())) return false;
    std::string_view w = hay.substr(size_t(start), size_t(end - start));
    return Ends ? w.substr(w.size() - p.size()) == p : w.substr(0, p.size()) == p;
  };
  std::string_view prefix;
  if (type_of(args[0])->flags & kTypeTupleSubclass) {
    Tuple* t = args[0].as<Tuple>();
    for (int64_t i = 0; i < tuple_size(t); i++) {
      if (!bytes_view(tuple_items(t)[i], &prefix))
        return raise(&TypeErrorType, "a bytes-like object is required, not '%s'", type_name(tuple_items(t)[i]));
      if (matches(prefix)) return True();
    }
    return False();
  }
  if (!bytes_view(args[0], &prefix))
    return raise(&TypeErrorType, "%s first arg must be bytes or a tuple of bytes, not %s", name,
                 type_name(args[0]));
  return Bool(matches(prefix));
}

Value split_impl(Value self, const Value* args, size_t nargs, Tuple* kw, bool reverse) {
  Value params[2];
  if (!bind_args(reverse ? "rsplit" : "split", args, nargs, kw, {"sep", "maxsplit"}, 0, params)) return Value();
  int64_t maxsplit = -1;
  if (!params[1].is_null() && !int_as_index(params[1], &maxsplit)) return Value();
  if (maxsplit < 0) maxsplit = INT64_MAX;
  std::string_view s = self_view(self);
  std::vector<std::string_view> parts;
  if (params[0].is_null() || is_none(params[0])) {
    if (!reverse) {
      size_t i = 0;
      while (true) {
        while (i < s.size() && is_space(static_cast<unsigned char>(s[i]))) i++;
        if (i >= s.size()) break;
        if (int64_t(parts.size()) == maxsplit) {  // the rest, as it is
          parts.push_back(s.substr(i));
          break;
        }
        size_t j = i;
        while (j < s.size() && !is_space(static_cast<unsigned char>(s[j]))) j++;
        parts.push_back(s.substr(i, j - i));
        i = j;
      }
    } else {
      size_t i = s.size();
      while (true) {
        while (i > 0 && is_space(static_cast<unsigned char>(s[i - 1]))) i--;
        if (i == 0) break;
        if (int64_t(parts.size()) == maxsplit) {
          parts.push_back(s.substr(0, i));
          break;
        }
        size_t j = i;
        while (j > 0 && !is_space(static_cast<unsigned char>(s[j - 1]))) j--;
        parts.push_back(s.substr(j, i - j));
        i = j;
      }
      std::reverse(parts.begin(), parts.end());
    }
  } else {
    std::string_view sep_view;
    if (!need_bytes(params[0], &sep_view)) return Value();
    std::string sep(sep_view);
    s = self_view(self);
    if (sep.empty()) return raise(&ValueErrorType, "empty separator");
    if (!reverse) {
      size_t i = 0;
      while (int64_t(parts.size()) < maxsplit) {
        size_t p = s.find(sep, i);
        if (p == std::string_view::npos) break;
        parts.push_back(s.substr(i, p - i));
        i = p + sep.size();
      }
      parts.push_back(s.substr(i));
    } else {
      size_t end = s.size();
      int64_t count = 0;
      std::vector<std::string_view> rev;
      while (count < maxsplit && end >= sep.size()) {
        size_t p = s.rfind(sep, end - sep.size());
        if (p == std::string_view::npos) break;
        rev.push_back(s.substr(p + sep.size(), end - p - sep.size()));
        end = p;
        count++;
      }
      rev.push_back(s.substr(0, end));
      parts.assign(rev.rbegin(), rev.rend());
    }
  }
  Value result = Value(list_with_capacity(int64_t(parts.size())));
  Rooted keep(&result);
  std::vector<std::string> copies(parts.begin(), parts.end());  // a bytearray's buffer may move
  for (const std::string& p : copies) list_append(result.as<List>(), make_like(self, p));
  return result;
}

METHOD(m_split) { return split_impl(self, args, nargs, kw, false); }
METHOD(m_rsplit) { return split_impl(self, args, nargs, kw, true); }

METHOD(m_join) {
  if (!check_nargs("join", nargs, kw, 1, 1)) return Value();
  Value seq = list_from_iterable(args[0]);
  if (seq.is_null()) return seq;
  Rooted keep(&seq);
  std::string sep(self_view(self));
  std::string out;
  List* l = seq.as<List>();
  for (int64_t i = 0; i < l->size; i++) {
    std::string_view item;
    if (!bytes_view(l->items[i], &item))
      return raise(&TypeErrorType, "sequence item %lld: expected a bytes-like object, %s found", (long long)i,
                   type_name(l->items[i]));
    if (i) out += sep;
    out += item;
  }
  return make_like(self, out);
}

template <int Which>  // 1 left, 2 right, 3 both
METHOD(m_strip) {
  const char* name = Which == 1 ? "lstrip" : Which == 2 ? "rstrip" : "strip";
  if (!check_nargs(name, nargs, kw, 0, 1)) return Value();
  std::string chars;
  bool whitespace = nargs == 0 || is_none(args[0]);
  if (!whitespace) {
    std::string_view c;
    if (!need_bytes(args[0], &c)) return Value();
    chars.assign(c);
  }
  std::string_view s = self_view(self);
  auto strip_char = [&](unsigned char c) {
    return whitespace ? is_space(c) : chars.find(char(c)) != std::string::npos;
  };
  size_t b = 0, e = s.size();
  if (Which & 1)
    while (b < e && strip_char(static_cast<unsigned char>(s[b]))) b++;
  if (Which & 2)
    while (e > b && strip_char(static_cast<unsigned char>(s[e - 1]))) e--;
  return make_like(self, s.substr(b, e - b));
}

METHOD(m_replace) {
  if (!check_nargs("replace", nargs, kw, 2, 3)) return Value();
  std::string_view o, n;
  if (!need_bytes(args[0], &o) || !need_bytes(args[1], &n)) return Value();
  std::string old_s(o), new_s(n);
  int64_t count = -1;
  if (nargs > 2 && !int_as_index(args[2], &count)) return Value();
  if (count < 0) count = INT64_MAX;
  std::string_view s = self_view(self);
  std::string out;
  if (old_s.empty()) {
    int64_t done = 0;
    for (size_t i = 0; i <= s.size(); i++) {
      if (done < count) {
        out += new_s;
        done++;
      }
      if (i < s.size()) out.push_back(s[i]);
    }
    return make_like(self, out);
  }
  size_t i = 0;
  int64_t done = 0;
  while (done < count) {
    size_t p = s.find(old_s, i);
    if (p == std::string_view::npos) break;
    out.append(s.substr(i, p - i));
    out += new_s;
    i = p + old_s.size();
    done++;
  }
  out.append(s.substr(i));
  return make_like(self, out);
}

template <int Kind>  // 0 upper, 1 lower, 2 swapcase, 3 capitalize, 4 title
METHOD(m_case) {
  static const char* const names[] = {"upper", "lower", "swapcase", "capitalize", "title"};
  if (!check_nargs(names[Kind], nargs, kw, 0, 0)) return Value();
  std::string s(self_view(self));
  bool prev_cased = false;
  for (size_t i = 0; i < s.size(); i++) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (Kind) {
      case 0: if (is_lower(c)) c = c - 32; break;
      case 1: if (is_upper(c)) c = c + 32; break;
      case 2: if (is_lower(c)) c = c - 32; else if (is_upper(c)) c = c + 32; break;
      case 3: if (i == 0 ? is_lower(c) : false) c = c - 32; else if (i > 0 && is_upper(c)) c = c + 32; break;
      case 4:
        if (prev_cased ? is_upper(c) : is_lower(c)) c = prev_cased ? c + 32 : c - 32;
        prev_cased = is_alpha(c);
        break;
    }
    s[i] = char(c);
  }
  return make_like(self, s);
}

template <int Kind>  // 0 digit, 1 alpha, 2 alnum, 3 space, 4 upper, 5 lower, 6 ascii
METHOD(m_is) {
  static const char* const names[] = {"isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isascii"};
  if (!check_nargs(names[Kind], nargs, kw, 0, 0)) return Value();
  std::string_view s = self_view(self);
  if (Kind == 6) {
    for (unsigned char c : s)
      if (c >= 0x80) return False();
    return True();
  }
  if (s.empty()) return False();
  if (Kind == 4 || Kind == 5) {
    bool cased = false;
    for (unsigned char c : s) {
      if (Kind == 4 ? is_lower(c) : is_upper(c)) return False();
      if (Kind == 4 ? is_upper(c) : is_lower(c)) cased = true;
    }
    return Bool(cased);
  }
  for (unsigned char c : s) {
    bool ok = Kind == 0 ? is_digit(c) : Kind == 1 ? is_alpha(c) : Kind == 2 ? (is_alpha(c) || is_digit(c)) : is_space(c);
    if (!ok) return False();
  }
  return True();
}

template <int Kind>  // 0 center, 1 ljust, 2 rjust
METHOD(m_justify) {
  static const char* const names[] = {"center", "ljust", "rjust"};
  if (!check_nargs(names[Kind], nargs, kw, 1, 2)) return Value();
  int64_t width;
  if (!int_as_index(args[0], &width)) return Value();
  char fill = ' ';
  if (nargs > 1) {
    std::string_view f;
    if (!bytes_view(args[1], &f) || f.size() != 1)
      return raise(&TypeErrorType, "%s() argument 2 must be a byte string of length 1, not %s", names[Kind],
                   type_name(args[1]));
    fill = f[0];
  }
  std::string_view s = self_view(self);
  int64_t len = int64_t(s.size());
  if (width <= len) return make_like(self, s);
  int64_t pad = width - len, left;
  if (Kind == 0) left = pad / 2 + (pad & width & 1);
  else if (Kind == 1) left = 0;
  else left = pad;
  std::string out(size_t(left), fill);
  out += s;
  out.append(size_t(pad - left), fill);
  return make_like(self, out);
}

METHOD(m_zfill) {
  if (!check_nargs("zfill", nargs, kw, 1, 1)) return Value();
  int64_t width;
  if (!int_as_index(args[0], &width)) return Value();
  std::string s(self_view(self));
  if (width <= int64_t(s.size())) return make_like(self, s);
  size_t fill = size_t(width) - s.size();
  size_t at = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  s.insert(at, fill, '0');
  return make_like(self, s);
}

template <bool Reverse>
METHOD(m_partition) {
  if (!check_nargs(Reverse ? "rpartition" : "partition", nargs, kw, 1, 1)) return Value();
  std::string_view sv;
  if (!need_bytes(args[0], &sv)) return Value();
  std::string sep(sv);
  if (sep.empty()) return raise(&ValueErrorType, "empty separator");
  std::string s(self_view(self));
  size_t p = Reverse ? s.rfind(sep) : s.find(sep);
  Value parts[3];
  if (p == std::string::npos) {
    parts[0] = make_like(self, Reverse ? "" : s);
    Rooted k0(&parts[0]);
    parts[1] = make_like(self, "");
    Rooted k1(&parts[1]);
    parts[2] = make_like(self, Reverse ? s : "");
    return Value(tuple_from({parts[0], parts[1], parts[2]}));
  }
  parts[0] = make_like(self, std::string_view(s).substr(0, p));
  Rooted k0(&parts[0]);
  parts[1] = make_like(self, sep);
  Rooted k1(&parts[1]);
  parts[2] = make_like(self, std::string_view(s).substr(p + sep.size()));
  return Value(tuple_from({parts[0], parts[1], parts[2]}));
}

METHOD(m_splitlines) {
  Value params[1];
  if (!bind_args("splitlines", args, nargs, kw, {"keepends"}, 0, params)) return Value();
  bool keep = false;
  if (!params[0].is_null()) {
    int t = obj_truth(params[0]);
    if (t < 0) return Value();
    keep = t;
  }
  std::string s(self_view(self));
  Value result = Value(list_new(0));
  Rooted k(&result);
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && s[j] != '\n' && s[j] != '\r') j++;
    size_t eol = j;
    if (j < s.size()) j += (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') ? 2 : 1;
    list_append(result.as<List>(), make_like(self, std::string_view(s).substr(i, (keep ? j : eol) - i)));
    i = j;
  }
  return result;
}

template <bool Suffix>
METHOD(m_remove_affix) {
  if (!check_nargs(Suffix ? "removesuffix" : "removeprefix", nargs, kw, 1, 1)) return Value();
  std::string_view a;
  if (!need_bytes(args[0], &a)) return Value();
  std::string affix(a);
  std::string_view s = self_view(self);
  if (!Suffix && s.substr(0, std::min(s.size(), affix.size())) == affix) s.remove_prefix(affix.size());
  else if (Suffix && !affix.empty() && s.size() >= affix.size() && s.substr(s.size() - affix.size()) == affix)
    s.remove_suffix(affix.size());
  return make_like(self, s);
}

METHOD(m_expandtabs) {
  Value params[1];
  if (!bind_args("expandtabs", args, nargs, kw, {"tabsize"}, 0, params)) return Value();
  int64_t tab = 8;
  if (!params[0].is_null() && !int_as_index(params[0], &tab)) return Value();
  std::string out;
  int64_t col = 0;
  for (char c : self_view(self)) {
    if (c == '\t') {
      if (tab > 0) {
        int64_t n = tab - col % tab;
        out.append(size_t(n), ' ');
        col += n;
      }
    } else {
      out.push_back(c);
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
  }
  return make_like(self, out);
}

METHOD(m_decode) {
  Value params[2];
  if (!bind_args("decode", args, nargs, kw, {"encoding", "errors"}, 0, params)) return Value();
  return bytes_decode(std::string(self_view(self)), params[0], params[1]);
}

METHOD(m_hex) {
  Value params[2];
  if (!bind_args("hex", args, nargs, kw, {"sep", "bytes_per_sep"}, 0, params)) return Value();
  std::string sep;
  if (!params[0].is_null()) {
    std::string_view v;
    if (is_str(params[0])) v = str_view(params[0].as<Str>());
    else if (!bytes_view(params[0], &v)) return raise(&TypeErrorType, "sep must be str or bytes.");
    if (v.size() != 1) return raise(&ValueErrorType, "sep must be length 1.");
    sep.assign(v);
  }
  int64_t per = 1;
  if (!params[1].is_null() && !int_as_index(params[1], &per)) return Value();
  std::string_view s = self_view(self);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  int64_t n = int64_t(s.size());
  int64_t group = per < 0 ? -per : per;
  for (int64_t i = 0; i < n; i++) {
    if (!sep.empty() && i > 0 && group > 0) {
      // Positive: groups counted from the right; negative: from the left.
      bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out += sep;
    }
    unsigned char c = static_cast<unsigned char>(s[size_t(i)]);
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return Value(str_new(out));
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

METHOD(m_fromhex) {
  // A class method: self is the class.
  if (!check_nargs("fromhex", nargs, kw, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&TypeErrorType, "fromhex() argument must be str, not %s", type_name(args[0]));
  std::string_view s = str_view(args[0].as<Str>());
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) {
      i++;
      continue;
    }
    int hi = hex_digit(s[i]);
    if (hi < 0) return raise(&ValueErrorType, "non-hexadecimal number found in fromhex() arg at position %zu", i);
    int lo = i + 1 < s.size() ? hex_digit(s[i + 1]) : -1;
    if (lo < 0) return raise(&ValueErrorType, "non-hexadecimal number found in fromhex() arg at position %zu", i + 1);
    out.push_back(char(hi * 16 + lo));
    i += 2;
  }
  Type* cls = is_type(self) ? self.as<Type>() : type_of(self);
  if (is_subtype(cls, &ByteArrayType)) {
    Value b = bytearray_new(out);
    if (cls == &ByteArrayType) return b;
    Rooted keep(&b);
    return call1(Value(cls), b);
  }
  Value b = Value(bytes_new(out));
  if (cls == &BytesType) return b;
  Rooted keep(&b);
  return call1(Value(cls), b);
}

METHOD(m_getnewargs) {
  if (!check_nargs("__getnewargs__", nargs, kw, 0, 0)) return Value();
  return Value(tuple_from({Value(bytes_new(self_view(self)))}));
}

}  // namespace

void bytes_methods_init() {
  for (Type* t : {&BytesType, &ByteArrayType}) {
    type_add_method(t, "find", m_find<false, false>);
    type_add_method(t, "rfind", m_find<true, false>);
    type_add_method(t, "index", m_find<false, true>);
    type_add_method(t, "rindex", m_find<true, true>);
    type_add_method(t, "count", m_count);
    type_add_method(t, "startswith", m_startswith<false>);
    type_add_method(t, "endswith", m_startswith<true>);
    type_add_method(t, "split", m_split);
    type_add_method(t, "rsplit", m_rsplit);
    type_add_method(t, "join", m_join);
    type_add_method(t, "strip", m_strip<3>);
    type_add_method(t, "lstrip", m_strip<1>);
    type_add_method(t, "rstrip", m_strip<2>);
    type_add_method(t, "replace", m_replace);
    type_add_method(t, "upper", m_case<0>);
    type_add_method(t, "lower", m_case<1>);
    type_add_method(t, "swapcase", m_case<2>);
    type_add_method(t, "capitalize", m_case<3>);
    type_add_method(t, "title", m_case<4>);
    type_add_method(t, "isdigit", m_is<0>);
    type_add_method(t, "isalpha", m_is<1>);
    type_add_method(t, "isalnum", m_is<2>);
    type_add_method(t, "isspace", m_is<3>);
    type_add_method(t, "isupper", m_is<4>);
    type_add_method(t, "islower", m_is<5>);
    type_add_method(t, "isascii", m_is<6>);
    type_add_method(t, "center", m_justify<0>);
    type_add_method(t, "ljust", m_justify<1>);
    type_add_method(t, "rjust", m_justify<2>);
    type_add_method(t, "zfill", m_zfill);
    type_add_method(t, "partition", m_partition<false>);
    type_add_method(t, "rpartition", m_partition<true>);
    type_add_method(t, "splitlines", m_splitlines);
    type_add_method(t, "removeprefix", m_remove_affix<false>);
    type_add_method(t, "removesuffix", m_remove_affix<true>);
    type_add_method(t, "expandtabs", m_expandtabs);
    type_add_method(t, "decode", m_decode);
    type_add_method(t, "hex", m_hex);
    type_add_method(t, "fromhex", m_fromhex, kNativeClassMethod);
  }
  type_add_method(&BytesType, "__getnewargs__", m_getnewargs);
}

}  // namespace pg
