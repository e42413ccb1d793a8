// `_json`'s encoder (see json_module.cpp): JSONEncoder.encode for the
// built-in types in one pass into a std::string, calling `default` for
// anything else, with CPython's output and errors (cycles, non-finite
// floats, bad keys, RecursionError past kJsonMaxDepth levels).
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "modules/json_internal.h"
#include "modules/std_util.h"
#include "objects/containers.h"
#include "objects/exceptions.h"

namespace pg {

namespace {

constexpr int kMaxDepth = kJsonMaxDepth;

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

}  // namespace

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

}  // namespace pg
