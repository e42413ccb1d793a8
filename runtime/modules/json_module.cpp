// `_json`: the fast paths of the bundled `json` module (runtime/lib/json.py).
//
//   decode(s, strict): a whole document to Python values when no hooks are
//     given (json.loads' common case). It works on the UTF-8 bytes of the
//     str; on malformed input it returns the tuple (message, char_index)
//     instead of raising (a JSON document never decodes to a tuple), so the
//     Python side raises JSONDecodeError with CPython's message.
//   encode_basestring(s) / encode_basestring_ascii(s): one str as a JSON
//     string literal, the hot part of dumps.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "modules/modules.h"
#include "modules/std_util.h"
#include "objects/containers.h"
#include "objects/exceptions.h"

namespace pg {

namespace {

constexpr int kMaxDepth = 1000;  // nesting before RecursionError (no C stack overflow)

// A parse in progress over s[0 .. n). On failure `error` names the message
// and `error_at` the byte offset (converted to a char index at the end).
struct Decoder {
  const char* s;
  size_t n;
  bool strict;
  const char* error = nullptr;
  size_t error_at = 0;
  bool raised = false;  // a Python exception is pending (RecursionError, MemoryError)
  int depth = 0;

  Value fail(const char* message, size_t at) {
    if (error == nullptr) {
      error = message;
      error_at = at;
    }
    return Value();
  }

  size_t skip(size_t i) const {
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    return i;
  }

  bool starts(size_t i, const char* word) const {
    size_t len = strlen(word);
    return n - i >= len && memcmp(s + i, word, len) == 0;
  }

  static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool hex4(size_t i, uint32_t* out) const {
    if (n - i < 4 || i > n) return false;
    uint32_t v = 0;
    for (size_t k = 0; k < 4; ++k) {
      int h = hex(s[i + k]);
      if (h < 0) return false;
      v = v * 16 + uint32_t(h);
    }
    *out = v;
    return true;
  }

  static void put_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out += char(cp);
    } else if (cp < 0x800) {
      out += char(0xC0 | (cp >> 6));
      out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += char(0xE0 | (cp >> 12));
      out += char(0x80 | ((cp >> 6) & 0x3F));
      out += char(0x80 | (cp & 0x3F));
    } else {
      out += char(0xF0 | (cp >> 18));
      out += char(0x80 | ((cp >> 12) & 0x3F));
      out += char(0x80 | ((cp >> 6) & 0x3F));
      out += char(0x80 | (cp & 0x3F));
    }
  }

  // The string whose opening quote is at s[i - 1]; *end is past the closing one.
  Value string(size_t i, size_t* end) {
    size_t begin = i - 1;
    size_t run = i;
    while (run < n) {  // common case: no escapes
      unsigned char c = (unsigned char)s[run];
      if (c == '"') {
        *end = run + 1;
        return Value(str_new(std::string_view(s + i, run - i)));
      }
      if (c == '\\' || c < 0x20) break;
      ++run;
    }
    std::string out(s + i, run - i);
    i = run;
    for (;;) {
      if (i >= n) return fail("Unterminated string starting at", begin);
      unsigned char c = (unsigned char)s[i];
      if (c == '"') {
        *end = i + 1;
        return Value(str_new(out));
      }
      if (c < 0x20) {
        if (strict) return fail("Invalid control character at", i);
        out += char(c);
        ++i;
        continue;
      }
      if (c != '\\') {
        out += char(c);
        ++i;
        continue;
      }
      if (i + 1 >= n) return fail("Unterminated string starting at", begin);
      char e = s[i + 1];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          uint32_t cp;
          if (!hex4(i + 2, &cp)) return fail("Invalid \\uXXXX escape", i + 1);
          i += 6;
          if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n && s[i] == '\\' && s[i + 1] == 'u') {
            uint32_t low;
            if (!hex4(i + 2, &low)) return fail("Invalid \\uXXXX escape", i + 1);
            if (low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + (((cp - 0xD800) << 10) | (low - 0xDC00));
              i += 6;
            }
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) {
            raise(&ValueErrorType, "lone surrogate \\u%04x in a JSON string: pyglass strings cannot hold it", cp);
            raised = true;
            return Value();
          }
          put_utf8(out, cp);
          continue;
        }
        default:
          return fail("Invalid \\escape", i);
      }
      i += 2;
    }
  }

  Value number(size_t i, size_t* end, bool* matched) {
    size_t j = i;
    if (s[j] == '-') ++j;
    if (j >= n || s[j] < '0' || s[j] > '9') {
      *matched = false;
      return Value();
    }
    *matched = true;
    if (s[j] == '0') {
      ++j;
    } else {
      while (j < n && s[j] >= '0' && s[j] <= '9') ++j;
    }
    bool is_float = false;
    if (j + 1 < n && s[j] == '.' && s[j + 1] >= '0' && s[j + 1] <= '9') {
      is_float = true;
      j += 2;
      while (j < n && s[j] >= '0' && s[j] <= '9') ++j;
    }
    if (j < n && (s[j] == 'e' || s[j] == 'E')) {
      size_t k = j + 1;
      if (k < n && (s[k] == '+' || s[k] == '-')) ++k;
      if (k < n && s[k] >= '0' && s[k] <= '9') {
        while (k < n && s[k] >= '0' && s[k] <= '9') ++k;
        is_float = true;
        j = k;
      }
    }
    *end = j;
    std::string_view text(s + i, j - i);
    Value v = is_float ? float_from_string(text) : int_from_string(text, 10);
    if (v.is_null()) raised = true;
    return v;
  }

  Value value(size_t i, size_t* end) {
    if (i >= n) return fail("Expecting value", i);
    char c = s[i];
    switch (c) {
      case '"': return string(i + 1, end);
      case '{': return object(i + 1, end);
      case '[': return array(i + 1, end);
      case 'n':
        if (starts(i, "null")) { *end = i + 4; return None(); }
        break;
      case 't':
        if (starts(i, "true")) { *end = i + 4; return True(); }
        break;
      case 'f':
        if (starts(i, "false")) { *end = i + 5; return False(); }
        break;
      case 'N':
        if (starts(i, "NaN")) { *end = i + 3; return float_new(NAN); }
        break;
      case 'I':
        if (starts(i, "Infinity")) { *end = i + 8; return float_new(INFINITY); }
        break;
      default:
        break;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      bool matched;
      Value v = number(i, end, &matched);
      if (matched || raised) return v;
      if (starts(i, "-Infinity")) {
        *end = i + 9;
        return float_new(-INFINITY);
      }
    }
    return fail("Expecting value", i);
  }

  bool enter(const char* what) {
    if (++depth > kMaxDepth) {
      raise(&RecursionErrorType, "maximum recursion depth exceeded while decoding a JSON %s from a unicode string", what);
      raised = true;
      return false;
    }
    return true;
  }

  Value array(size_t i, size_t* end) {
    if (!enter("array")) return Value();
    Value list = Value(list_new(0));
    Rooted keep(&list);
    i = skip(i);
    if (i < n && s[i] == ']') {
      *end = i + 1;
      --depth;
      return list;
    }
    for (;;) {
      Value item = value(i, &i);
      if (item.is_null()) return item;
      if (list_append(list.as<List>(), item) < 0) {
        raised = true;
        return Value();
      }
      i = skip(i);
      if (i < n && s[i] == ']') {
        *end = i + 1;
        --depth;
        return list;
      }
      if (i >= n || s[i] != ',') return fail("Expecting ',' delimiter", i);
      i = skip(i + 1);
    }
  }

  Value object(size_t i, size_t* end) {
    if (!enter("object")) return Value();
    Value dict = Value(dict_new());
    Rooted keep(&dict);
    i = skip(i);
    if (i < n && s[i] == '}') {
      *end = i + 1;
      --depth;
      return dict;
    }
    for (;;) {
      if (i >= n || s[i] != '"') return fail("Expecting property name enclosed in double quotes", i);
      Value key = string(i + 1, &i);
      if (key.is_null()) return key;
      Rooted keep_key(&key);
      i = skip(i);
      if (i >= n || s[i] != ':') return fail("Expecting ':' delimiter", i);
      i = skip(i + 1);
      Value item = value(i, &i);
      if (item.is_null()) return item;
      if (dict_set(dict.as<Dict>(), key, item) < 0) {
        raised = true;
        return Value();
      }
      i = skip(i);
      if (i < n && s[i] == '}') {
        *end = i + 1;
        --depth;
        return dict;
      }
      if (i >= n || s[i] != ',') return fail("Expecting ',' delimiter", i);
      i = skip(i + 1);
    }
  }
};

// Code points in the first `bytes` bytes of UTF-8 text.
int64_t char_index(const char* s, size_t bytes) {
  int64_t count = 0;
  for (size_t i = 0; i < bytes; ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++count;
  return count;
}

Value json_decode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("decode", nargs, kwnames, 2, 2)) return Value();
  if (!is_str(args[0])) return raise(&TypeErrorType, "decode() argument must be str, not %s", type_name(args[0]));
  Str* text = args[0].as<Str>();
  int strict = obj_truth(args[1]);
  if (strict < 0) return Value();
  Decoder d{text->data, size_t(text->nbytes), strict != 0};
  size_t end = 0;
  Value result = d.value(d.skip(0), &end);
  if (d.raised) return Value();
  if (!result.is_null()) {
    end = d.skip(end);
    if (end == d.n) return result;
    d.fail("Extra data", end);
  }
  Value msg = str_from_cstr(d.error);
  Rooted keep(&msg);
  return Value(tuple_from({msg, int_from_i64(char_index(text->data, d.error_at))}));
}

// One str as a JSON string literal. ensure_ascii escapes everything outside
// ' '..'~' as \uXXXX (surrogate pairs above U+FFFF); otherwise only '"',
// '\\' and the control characters are escaped.
void append_string(std::string& out, Str* str, bool ascii) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(str->data);
  const unsigned char* e = p + str->nbytes;
  out += '"';
  char buf[16];
  while (p < e) {
    unsigned char c = *p;
    if (c >= 0x80) {
      if (!ascii) {
        out += char(c);
        ++p;
        continue;
      }
      uint32_t cp;
      int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      cp = c & (0x7F >> len);
      for (int k = 1; k < len; ++k) cp = (cp << 6) | (p[k] & 0x3F);
      p += len;
      if (cp >= 0x10000) {
        cp -= 0x10000;
        snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xD800 | (cp >> 10), 0xDC00 | (cp & 0x3FF));
      } else {
        snprintf(buf, sizeof buf, "\\u%04x", cp);
      }
      out += buf;
      continue;
    }
    ++p;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || (ascii && c == 0x7F)) {
          snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += char(c);
        }
    }
  }
  out += '"';
}

Value encode_string(Value v, bool ascii) {
  if (!is_str(v)) return raise(&TypeErrorType, "first argument must be a string, not %s", type_name(v));
  std::string out;
  append_string(out, v.as<Str>(), ascii);
  return Value(str_new(out));
}

// ---------------------------------------------------------------------------
// encode(obj, options...): the whole of JSONEncoder.encode for the built-in
// types, calling `default` for anything else.
// ---------------------------------------------------------------------------
struct Encoder {
  bool ascii, allow_nan, sort_keys, skipkeys, check_circular;
  Str* indent;  // null: compact
  Str* item_sep;
  Str* key_sep;
  Value default_fn;
  std::string out;
  std::vector<Object*> markers;  // containers being encoded (cycle check)
  int depth = 0;

  bool enter(Object* o) {
    if (check_circular) {
      for (Object* m : markers)
        if (m == o) {
          raise(&ValueErrorType, "Circular reference detected");
          return false;
        }
      markers.push_back(o);
    }
    if (++depth > kMaxDepth) {
      raise(&RecursionErrorType, "maximum recursion depth exceeded while encoding a JSON object");
      return false;
    }
    return true;
  }
  void leave() {
    if (check_circular) markers.pop_back();
    --depth;
  }

  void newline(int level) {
    out += '\n';
    for (int k = 0; k < level; ++k) out.append(indent->data, size_t(indent->nbytes));
  }

  bool float_text(double d, std::string& into) {
    if (std::isnan(d) || std::isinf(d)) {
      if (!allow_nan) {
        raise(&ValueErrorType, "Out of range float values are not JSON compliant");
        return false;
      }
      into += std::isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
      return true;
    }
    into += float_repr(d);
    return true;
  }

  bool value(Value v, int level) {
    if (is_str(v)) {
      append_string(out, v.as<Str>(), ascii);
      return true;
    }
    if (is_none(v)) {
      out += "null";
      return true;
    }
    if (v.bits == True().bits) {
      out += "true";
      return true;
    }
    if (v.bits == False().bits) {
      out += "false";
      return true;
    }
    if (is_int(v)) {
      out += int_to_string(v, 10);
      return true;
    }
    if (is_float(v)) return float_text(float_value(v), out);
    Type* t = v.obj()->type;
    if (is_subtype(t, &ListType) || is_subtype(t, &TupleType)) return array(v, level);
    if (is_subtype(t, &DictType)) return object(v, level);
    if (!enter(v.obj())) return false;
    Value replaced = call1(default_fn, v);
    if (replaced.is_null()) return false;
    Rooted keep(&replaced);
    bool ok = value(replaced, level);
    leave();
    return ok;
  }

  bool array(Value v, int level) {
    bool is_list = is_subtype(v.obj()->type, &ListType);
    int64_t n = is_list ? list_size(v.as<List>()) : tuple_size(v.as<Tuple>());
    if (n == 0) {
      out += "[]";
      return true;
    }
    if (!enter(v.obj())) return false;
    out += '[';
    if (indent) newline(level + 1);
    for (int64_t i = 0;; ++i) {
      // re-read each time: default() may have changed the list
      int64_t size = is_list ? list_size(v.as<List>()) : n;
      if (i >= size) break;
      if (i > 0) {
        out.append(item_sep->data, size_t(item_sep->nbytes));
        if (indent) newline(level + 1);
      }
      Value item = is_list ? list_items(v.as<List>())[i] : tuple_items(v.as<Tuple>())[i];
      Rooted keep(&item);
      if (!value(item, level + 1)) return false;
    }
    if (indent) newline(level);
    out += ']';
    leave();
    return true;
  }

  // A key as JSON text (without quotes for str, which the caller quotes);
  // false with no error when skipkeys drops it.
  bool key_text(Value k, std::string& into, bool* skip) {
    *skip = false;
    if (is_str(k)) return true;
    if (is_float(k)) return float_text(float_value(k), into);
    if (k.bits == True().bits) into = "true";
    else if (k.bits == False().bits) into = "false";
    else if (is_none(k)) into = "null";
    else if (is_int(k)) into = int_to_string(k, 10);
    else if (skipkeys) *skip = true;
    else {
      raise(&TypeErrorType, "keys must be str, int, float, bool or None, not %s", type_name(k));
      return false;
    }
    return true;
  }

  bool object(Value v, int level) {
    Dict* d = v.as<Dict>();
    if (d->size == 0) {
      out += "{}";
      return true;
    }
    if (!enter(v.obj())) return false;
    // The items, as a list of keys (sorted when asked) looked up again.
    Value keys = Value(list_new(0));
    Rooted keep_keys(&keys);
    for (int64_t i = 0; i < d->used; ++i)
      if (!d->entries[i].key.is_null() && list_append(keys.as<List>(), d->entries[i].key) < 0) return false;
    if (sort_keys && list_sort(keys.as<List>(), Value(), false) < 0) return false;
    out += '{';
    if (indent) newline(level + 1);
    bool first = true;
    for (int64_t i = 0; i < list_size(keys.as<List>()); ++i) {
      Value k = list_items(keys.as<List>())[i];
      Value item = dict_get(d, k);
      if (item.is_null()) {
        if (error_occurred()) return false;
        continue;
      }
      Rooted keep(&item);
      std::string text;
      bool skip;
      if (!key_text(k, text, &skip)) return false;
      if (skip) continue;
      if (!first) {
        out.append(item_sep->data, size_t(item_sep->nbytes));
        if (indent) newline(level + 1);
      }
      first = false;
      if (is_str(k)) {
        append_string(out, k.as<Str>(), ascii);
      } else {
        out += '"';
        out += text;
        out += '"';
      }
      out.append(key_sep->data, size_t(key_sep->nbytes));
      if (!value(item, level + 1)) return false;
    }
    if (indent) newline(level);
    out += '}';
    leave();
    return true;
  }
};

// encode(obj, ensure_ascii, allow_nan, sort_keys, skipkeys, check_circular,
//        indent (str or None), item_separator, key_separator, default)
Value json_encode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("encode", nargs, kwnames, 10, 10)) return Value();
  int flags[5];
  for (int k = 0; k < 5; ++k) {
    flags[k] = obj_truth(args[1 + k]);
    if (flags[k] < 0) return Value();
  }
  for (int k = 7; k < 9; ++k)
    if (!is_str(args[k])) return raise(&TypeErrorType, "separators must be strings, not %s", type_name(args[k]));
  if (!is_none(args[6]) && !is_str(args[6])) return raise(&TypeErrorType, "indent must be a str or None");
  Encoder e{flags[0] != 0, flags[1] != 0, flags[2] != 0, flags[3] != 0, flags[4] != 0,
            is_none(args[6]) ? nullptr : args[6].as<Str>(), args[7].as<Str>(), args[8].as<Str>(), args[9]};
  if (!e.value(args[0], 0)) return Value();
  return Value(str_new(e.out));
}

Value json_encode_basestring(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("encode_basestring", nargs, kwnames, 1, 1)) return Value();
  return encode_string(args[0], false);
}

Value json_encode_basestring_ascii(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("encode_basestring_ascii", nargs, kwnames, 1, 1)) return Value();
  return encode_string(args[0], true);
}

Value json_init() {
  Value m = module_new("_json");
  Rooted keep(&m);
  module_add_function(m, "decode", json_decode);
  module_add_function(m, "encode", json_encode);
  module_add_function(m, "encode_basestring", json_encode_basestring);
  module_add_function(m, "encode_basestring_ascii", json_encode_basestring_ascii);
  return m;
}

}  // namespace

void json_module_register() { register_builtin_module("_json", json_init); }

}  // namespace pg
