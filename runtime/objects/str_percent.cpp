// printf-style formatting: `fmt % args` for str (CPython 3.11's
// PyUnicode_Format, re-derived).
//
// A spec is  % [(key)] [flags -+ #0] [width|*] [.precision|*] [h|l|L] type.
// Arguments are consumed left to right from a tuple, or the one non-tuple
// argument; `%(key)s` reads a mapping (any non-tuple, non-str argument with
// __getitem__). CPython's bookkeeping is kept exactly (arglen/argidx), since
// it decides the error in mixed cases like '%(a)s %s' % {'a': 1}.
#include <cmath>
#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/int_internal.h"
#include "objects/str_format.h"
#include "objects/type.h"

namespace pg {

namespace {

enum : unsigned { kLeft = 1, kSign = 2, kBlank = 4, kAlt = 8, kZero = 16 };

struct PercentState {
  Value args;        // the tuple, the single argument, or the value of the last %(key)
  int64_t arglen;    // tuple length, or -1 for a single argument
  int64_t argidx;    // next tuple index (-2: the single argument is unused)
  Value dict;        // the mapping for %(key), or null
};

Value next_arg(PercentState& st) {
  int64_t idx = st.argidx;
  if (idx < st.arglen) {
    st.argidx++;
    if (st.arglen < 0) return st.args;
    return tuple_items(st.args.as<Tuple>())[idx];
  }
  return raise(&TypeErrorType, "not enough arguments for format string");
}

// Appends `body` (code points `body_len`) padded to `width`.
void pad_text(std::string& out, std::string_view body, int64_t body_len, int64_t width, unsigned flags) {
  int64_t fill = width > body_len ? width - body_len : 0;
  if (!(flags & kLeft)) out.append(size_t(fill), ' ');
  out += body;
  if (flags & kLeft) out.append(size_t(fill), ' ');
}

// Numbers: `text` is the digits with a leading '-' when negative; the sign,
// the 0x/0o prefix and zero padding are placed like CPython does.
void pad_number(std::string& out, std::string_view text, const char* prefix, int64_t width, unsigned flags) {
  std::string sign;
  if (!text.empty() && text[0] == '-') {
    sign = "-";
    text.remove_prefix(1);
  } else if (flags & kSign) {
    sign = "+";
  } else if (flags & kBlank) {
    sign = " ";
  }
  int64_t len = int64_t(sign.size() + strlen(prefix) + text.size());
  int64_t fill = width > len ? width - len : 0;
  if (flags & kLeft) {
    out += sign;
    out += prefix;
    out += text;
    out.append(size_t(fill), ' ');
  } else if (flags & kZero) {
    out += sign;
    out += prefix;
    out.append(size_t(fill), '0');
    out += text;
  } else {
    out.append(size_t(fill), ' ');
    out += sign;
    out += prefix;
    out += text;
  }
}

Str* g_int_name;
Str* g_index_name;

// The int a %d/%x spec formats: ints as they are; for d/i/u also floats
// (truncated) and objects with __int__; __index__ for all.
Value integer_operand(Value v, char type) {
  if (is_int(v)) return v;
  bool decimal = type == 'd' || type == 'i' || type == 'u';
  if (decimal && is_float(v)) return int_from_double(float_value(v));
  if (v.is_obj()) {
    if (!g_int_name) {
      g_int_name = str_intern("__int__");
      g_index_name = str_intern("__index__");
    }
    for (Str* name : {g_index_name, g_int_name}) {
      if (name == g_int_name && !decimal) break;
      if (type_lookup(type_of(v), name).is_null()) continue;
      bool found;
      Value r = call_special(v, name, nullptr, 0, &found);
      if (r.is_null()) return r;
      if (!is_int(r))
        return raise(&TypeErrorType, "%s returned non-int (type %s)", str_cstr(name), type_name(r));
      return r;
    }
  }
  if (decimal) return raise(&TypeErrorType, "%%%c format: a real number is required, not %s", type, type_name(v));
  return raise(&TypeErrorType, "%%%c format: an integer is required, not %s", type, type_name(v));
}

bool format_integer(std::string& out, Value v, char type, int64_t width, int64_t prec, unsigned flags) {
  Value n = integer_operand(v, type);
  if (n.is_null()) return false;
  int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
  std::string text = int_to_string(n, base);
  bool negative = !text.empty() && text[0] == '-';
  std::string digits = negative ? text.substr(1) : text;
  if (type == 'X')
    for (char& c : digits) c = char(toupper(static_cast<unsigned char>(c)));
  if (prec > int64_t(digits.size())) digits.insert(0, size_t(prec) - digits.size(), '0');
  const char* prefix = "";
  if (flags & kAlt) prefix = type == 'o' ? "0o" : type == 'x' ? "0x" : type == 'X' ? "0X" : "";
  pad_number(out, (negative ? "-" : "") + digits, prefix, width, flags);
  return true;
}

bool format_float(std::string& out, Value v, char type, int64_t width, int64_t prec, unsigned flags) {
  double d;
  if (!number_to_double(v, &d)) return false;
  if (prec < 0) prec = 6;
  std::string text;
  double_to_string(d, type, int(prec), (flags & kAlt) ? kDtsfAlt : 0, text);
  pad_number(out, text, "", width, flags);
  return true;
}

bool format_char(std::string& out, Value v, int64_t width, unsigned flags, bool bytes_mode) {
  std::string ch;
  if (bytes_mode) {
    std::string_view view;
    int64_t x;
    if (bytes_view(v, &view) && view.size() == 1) {
      ch.assign(view);
    } else if (is_int(v)) {
      if (!int_to_i64(v, &x) || x < 0 || x > 255) {
        raise(&OverflowErrorType, "%%c arg not in range(256)");
        return false;
      }
      ch.assign(1, char(x));
    } else {
      raise(&TypeErrorType, "%%c requires an integer in range(256) or a single byte");
      return false;
    }
    pad_text(out, ch, 1, width, flags);
    return true;
  }
  if (is_str(v)) {
    if (v.as<Str>()->length != 1) {
      raise(&TypeErrorType, "%%c requires int or char");
      return false;
    }
    ch = str_view(v.as<Str>());
  } else if (is_int(v)) {
    int64_t cp;
    if (!int_to_i64(v, &cp) || cp < 0 || cp > 0x10ffff) {
      raise(&OverflowErrorType, "%%c arg not in range(0x110000)");
      return false;
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;  // no surrogates in pyglass strs
    ch = str_view(str_from_codepoint(uint32_t(cp)));
  } else {
    raise(&TypeErrorType, "%%c requires int or char");
    return false;
  }
  pad_text(out, ch, 1, width, flags);
  return true;
}

// %s / %b of bytes formatting: a bytes-like object or one with __bytes__;
// %r / %a: the ASCII repr.
bool format_bytes_text(std::string& out, Value v, char type, int64_t width, int64_t prec, unsigned flags) {
  std::string data;
  if (type == 'r' || type == 'a') {
    Value r = obj_ascii(v);
    if (r.is_null()) return false;
    data.assign(str_view(r.as<Str>()));
  } else {
    std::string_view view;
    if (bytes_view(v, &view)) {
      data.assign(view);
    } else {
      Value method = v.is_obj() ? type_lookup(type_of(v), str_intern("__bytes__")) : Value();
      if (method.is_null() || is_str(v)) {
        raise(&TypeErrorType, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
              type_name(v));
        return false;
      }
      Value r = call(method, &v, 1);
      if (r.is_null()) return false;
      if (!is_bytes(r)) {
        raise(&TypeErrorType, "__bytes__ returned non-bytes (type %s)", type_name(r));
        return false;
      }
      bytes_view(r, &view);
      data.assign(view);
    }
  }
  if (prec >= 0 && prec < int64_t(data.size())) data.resize(size_t(prec));
  pad_text(out, data, int64_t(data.size()), width, flags);
  return true;
}

bool format_text(std::string& out, Value v, char type, int64_t width, int64_t prec, unsigned flags) {
  Value s = type == 's' ? obj_str(v) : type == 'r' ? obj_repr(v) : obj_ascii(v);
  if (s.is_null()) return false;
  Str* str = s.as<Str>();
  int64_t len = str->length;
  if (prec >= 0 && prec < len) {
    str = str_substr(str, 0, prec);
    len = prec;
  }
  pad_text(out, str_view(str), len, width, flags);
  return true;
}

// Reads a '*' argument: an int.
bool star_arg(PercentState& st, int64_t* out) {
  Value v = next_arg(st);
  if (v.is_null()) return false;
  if (!is_int(v)) {
    raise(&TypeErrorType, "* wants int");
    return false;
  }
  if (!int_to_i64(v, out) || *out > INT32_MAX || *out < -INT32_MAX) {
    raise(&ValueErrorType, "width too big");
    return false;
  }
  return true;
}

Value percent_format(std::string_view fmt, Value args, bool bytes_mode, bool bytearray_result) {
  PercentState st;
  st.args = args;
  if (type_of(args)->flags & kTypeTupleSubclass) {
    st.arglen = tuple_size(args.as<Tuple>());
    st.argidx = 0;
  } else {
    st.arglen = -1;
    st.argidx = -2;
  }
  Type* at = type_of(args);
  bool is_tuple = at->flags & kTypeTupleSubclass;
  bool is_string = bytes_mode ? (is_bytes(args) || is_bytearray(args)) : (at->flags & kTypeStrSubclass) != 0;
  st.dict = (at->getitem && !is_tuple && !is_string) ? args : Value();
  Rooted keep_args(&st.args);

  std::string out;
  size_t i = 0;
  int64_t cp_index = 0;  // code point index of fmt[i] (for error messages)
  auto advance = [&](size_t n) {
    for (size_t k = 0; k < n; k++, i++)
      if ((static_cast<unsigned char>(fmt[i]) & 0xc0) != 0x80) cp_index++;
  };
  while (i < fmt.size()) {
    size_t next = fmt.find('%', i);
    if (next == std::string_view::npos) next = fmt.size();
    out.append(fmt.substr(i, next - i));
    advance(next - i);
    if (i >= fmt.size()) break;
    advance(1);  // '%'
    if (i < fmt.size() && fmt[i] == '%') {
      out.push_back('%');
      advance(1);
      continue;
    }
    // %(key)
    if (i < fmt.size() && fmt[i] == '(') {
      if (st.dict.is_null()) return raise(&TypeErrorType, "format requires a mapping");
      advance(1);
      size_t start = i;
      int depth = 1;
      while (i < fmt.size() && depth > 0) {
        if (fmt[i] == '(') depth++;
        else if (fmt[i] == ')') depth--;
        advance(1);
      }
      if (depth > 0) return raise(&ValueErrorType, "incomplete format key");
      std::string_view key_text = fmt.substr(start, i - 1 - start);
      Value key = bytes_mode ? Value(bytes_new(key_text)) : Value(str_new(key_text));
      Rooted keep_key(&key);
      Value v = obj_getitem(st.dict, key);
      if (v.is_null()) return v;
      st.args = v;
      st.arglen = -1;
      st.argidx = -2;
    }
    unsigned flags = 0;
    for (; i < fmt.size(); advance(1)) {
      char c = fmt[i];
      if (c == '-') flags |= kLeft;
      else if (c == '+') flags |= kSign;
      else if (c == ' ') flags |= kBlank;
      else if (c == '#') flags |= kAlt;
      else if (c == '0') flags |= kZero;
      else break;
    }
    int64_t width = -1, prec = -1;
    if (i < fmt.size() && fmt[i] == '*') {
      advance(1);
      if (!star_arg(st, &width)) return Value();
      if (width < 0) {
        flags |= kLeft;
        width = -width;
      }
    } else {
      while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
        width = (width < 0 ? 0 : width) * 10 + (fmt[i] - '0');
        if (width > INT32_MAX) return raise(&ValueErrorType, "width too big");
        advance(1);
      }
    }
    if (i < fmt.size() && fmt[i] == '.') {
      advance(1);
      prec = 0;
      if (i < fmt.size() && fmt[i] == '*') {
        advance(1);
        if (!star_arg(st, &prec)) return Value();
        if (prec < 0) prec = 0;
      } else {
        while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
          prec = prec * 10 + (fmt[i] - '0');
          if (prec > INT32_MAX) return raise(&ValueErrorType, "precision too big");
          advance(1);
        }
      }
    }
    while (i < fmt.size() && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) advance(1);
    if (i >= fmt.size()) return raise(&ValueErrorType, "incomplete format");
    // The type character (a whole code point, for the error message).
    size_t clen = 1;
    unsigned char lead = static_cast<unsigned char>(fmt[i]);
    if (lead >= 0xf0) clen = 4;
    else if (lead >= 0xe0) clen = 3;
    else if (lead >= 0xc0) clen = 2;
    uint32_t cp = lead;
    if (clen > 1) {
      cp = lead & (clen == 4 ? 0x07 : clen == 3 ? 0x0f : 0x1f);
      for (size_t k = 1; k < clen; k++) cp = (cp << 6) | (fmt[i + k] & 0x3f);
    }
    int64_t type_index = cp_index;
    char type = char(fmt[i]);
    advance(clen);

    Value v = next_arg(st);
    if (v.is_null()) return v;
    Rooted keep_v(&v);
    bool ok;
    switch (clen == 1 ? type : '\0') {
      case 'b':
        if (!bytes_mode) goto unsupported;
        ok = format_bytes_text(out, v, type, width, prec, flags & ~kZero);
        break;
      case 's': case 'r': case 'a':
        ok = bytes_mode ? format_bytes_text(out, v, type, width, prec, flags & ~kZero)
                        : format_text(out, v, type, width, prec, flags & ~kZero);
        break;
      case 'c': ok = format_char(out, v, width, flags, bytes_mode); break;
      case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        ok = format_integer(out, v, type, width, prec, flags);
        break;
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        ok = format_float(out, v, type, width, prec, flags);
        break;
      default:
      unsupported:
        return raise(&ValueErrorType, "unsupported format character '%c' (0x%x) at index %lld",
                     cp < 0x80 && cp >= 0x20 ? char(cp) : '?', cp, (long long)type_index);
    }
    if (!ok) return Value();
  }
  if (st.argidx < st.arglen && st.dict.is_null())
    return raise(&TypeErrorType, "not all arguments converted during %s formatting", bytes_mode ? "bytes" : "string");
  if (bytearray_result) return bytearray_new(out);
  return bytes_mode ? Value(bytes_new(out)) : Value(str_new(out));
}

}  // namespace

Value str_percent_format(Value format, Value args) {
  return percent_format(str_view(format.as<Str>()), args, false, false);
}

Value bytes_percent_format(Value format, Value args) {
  std::string_view fmt;
  bytes_view(format, &fmt);
  std::string copy(fmt);  // a bytearray's buffer could move while formatting
  return percent_format(copy, args, true, is_bytearray(format));
}

std::string ascii_escape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += char(c);
      ++i;
      continue;
    }
    int len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    uint32_t cp = c & (len == 4 ? 0x07 : len == 3 ? 0x0f : 0x1f);
    for (int k = 1; k < len && i + size_t(k) < text.size(); ++k) cp = (cp << 6) | (text[i + size_t(k)] & 0x3f);
    char buf[16];
    if (cp <= 0xff) snprintf(buf, sizeof buf, "\\x%02x", cp);
    else if (cp <= 0xffff) snprintf(buf, sizeof buf, "\\u%04x", cp);
    else snprintf(buf, sizeof buf, "\\U%08x", cp);
    out += buf;
    i += size_t(len);
  }
  return out;
}

Value obj_ascii(Value v) {
  Value r = obj_repr(v);
  if (r.is_null()) return r;
  Str* s = r.as<Str>();
  if (s->ascii) return r;
  return Value(str_new(ascii_escape(str_view(s))));
}

}  // namespace pg
