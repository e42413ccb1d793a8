// `_json`: the fast paths of the bundled `json` module (runtime/lib/json.py).
//
//   decode(s, strict): a whole document to Python values when no hooks are
//     given (json.loads' common case). It works on the UTF-8 bytes of the
//     str; on malformed input it returns the tuple (message, char_index)
//     instead of raising (a JSON document never decodes to a tuple), so the
//     Python side raises JSONDecodeError with CPython's message.
//   encode(...), encode_basestring(s), encode_basestring_ascii(s): dumps
//     (json_encode.cpp).
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "modules/json_internal.h"
#include "modules/modules.h"
#include "modules/std_util.h"
#include "objects/containers.h"
#include "objects/exceptions.h"

namespace pg {

namespace {

constexpr int kMaxDepth = kJsonMaxDepth;

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
