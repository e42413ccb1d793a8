// Text <-> bytes for the codecs pyglass has built in: utf-8, ascii and
// latin-1 (with CPython's aliases), and the error handlers strict,
// replace, ignore, backslashreplace (and xmlcharrefreplace for encoding).
// Errors are CPython's: UnicodeDecodeError / UnicodeEncodeError with the
// same ranges and reasons (a UTF-8 error covers the bytes of the broken
// sequence that were valid so far), LookupError for unknown names.
#include <string>

#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/exceptions.h"

namespace pg {

namespace {

enum class Codec { Utf8, Ascii, Latin1, Unknown };
enum class Handler { Strict, Replace, Ignore, BackslashReplace, XmlCharRefReplace, Unknown };

Codec codec_of(std::string_view name) {
  std::string n;
  for (char c : name) n.push_back(c == '_' || c == ' ' ? '-' : char(tolower(static_cast<unsigned char>(c))));
  if (n == "utf-8" || n == "utf8" || n == "u8" || n == "utf" || n == "cp65001") return Codec::Utf8;
  if (n == "ascii" || n == "us-ascii" || n == "646" || n == "us") return Codec::Ascii;
  if (n == "latin-1" || n == "latin1" || n == "latin" || n == "l1" || n == "iso-8859-1" || n == "iso8859-1" ||
      n == "8859" || n == "cp819" || n == "iso-ir-100")
    return Codec::Latin1;
  return Codec::Unknown;
}

const char* codec_name(Codec c) { return c == Codec::Utf8 ? "utf-8" : c == Codec::Ascii ? "ascii" : "latin-1"; }

Handler handler_of(std::string_view name) {
  if (name == "strict") return Handler::Strict;
  if (name == "replace") return Handler::Replace;
  if (name == "ignore") return Handler::Ignore;
  if (name == "backslashreplace") return Handler::BackslashReplace;
  if (name == "xmlcharrefreplace") return Handler::XmlCharRefReplace;
  return Handler::Unknown;
}

bool parse_names(Value encoding, Value errors, Codec* codec, Handler* handler, std::string* errors_name) {
  std::string_view enc = "utf-8", err = "strict";
  if (!encoding.is_null()) {
    if (!is_str(encoding)) {
      raise(&TypeErrorType, "encode() argument 'encoding' must be str, not %s", type_name(encoding));
      return false;
    }
    enc = str_view(encoding.as<Str>());
  }
  if (!errors.is_null()) {
    if (!is_str(errors)) {
      raise(&TypeErrorType, "encode() argument 'errors' must be str, not %s", type_name(errors));
      return false;
    }
    err = str_view(errors.as<Str>());
  }
  *codec = codec_of(enc);
  if (*codec == Codec::Unknown) {
    raise(&LookupErrorType, "unknown encoding: %.*s", int(enc.size()), enc.data());
    return false;
  }
  *handler = handler_of(err);
  errors_name->assign(err);
  return true;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xc0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xe0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(char(0x80 | (cp & 0x3f)));
  } else {
    out.push_back(char(0xf0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3f)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(char(0x80 | (cp & 0x3f)));
  }
}

Value raise_unicode_error(Type* type, Codec codec, Value object, int64_t start, int64_t end, const char* reason) {
  Value args[5] = {Value(str_new(codec_name(codec))), object, int_value(start), int_value(end), Value()};
  Rooted k0(&args[0]);
  args[4] = Value(str_new(reason));
  Rooted k4(&args[4]);
  Value exc = call(Value(type), args, 5);
  if (exc.is_null()) return exc;
  return raise_exception(exc);
}

// One UTF-8 sequence at data[i]: its code point and length, or the length
// of the bad prefix and the reason.
bool utf8_sequence(std::string_view data, size_t i, uint32_t* cp, size_t* len, const char** reason) {
  unsigned char c = static_cast<unsigned char>(data[i]);
  if (c < 0x80) {
    *cp = c;
    *len = 1;
    return true;
  }
  size_t need;
  unsigned char lo = 0x80, hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) need = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    need = 3;
    if (c == 0xe0) lo = 0xa0;
    if (c == 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 4;
    if (c == 0xf0) lo = 0x90;
    if (c == 0xf4) hi = 0x8f;
  } else {
    *len = 1;
    *reason = "invalid start byte";
    return false;
  }
  uint32_t v = c & (need == 2 ? 0x1f : need == 3 ? 0x0f : 0x07);
  for (size_t k = 1; k < need; k++) {
    if (i + k >= data.size()) {
      *len = k;
      *reason = "unexpected end of data";
      return false;
    }
    unsigned char d = static_cast<unsigned char>(data[i + k]);
    unsigned char min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xbf;
    if (d < min || d > max) {
      *len = k;
      *reason = "invalid continuation byte";
      return false;
    }
    v = (v << 6) | (d & 0x3f);
  }
  *cp = v;
  *len = need;
  return true;
}

}  // namespace

Value bytes_decode(std::string_view data, Value encoding, Value errors) {
  Codec codec;
  Handler handler;
  std::string errors_name;
  if (!parse_names(encoding, errors, &codec, &handler, &errors_name)) return Value();
  std::string out;
  out.reserve(data.size());
  size_t i = 0;
  while (i < data.size()) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    uint32_t cp;
    size_t len = 1;
    const char* reason = nullptr;
    bool ok;
    if (codec == Codec::Utf8) {
      ok = utf8_sequence(data, i, &cp, &len, &reason);
    } else if (codec == Codec::Ascii) {
      ok = c < 0x80;
      cp = c;
      reason = "ordinal not in range(128)";
    } else {
      ok = true;
      cp = c;
    }
    if (ok) {
      append_utf8(out, cp);
      i += len;
      continue;
    }
    switch (handler) {
      case Handler::Strict:
      case Handler::XmlCharRefReplace: {
        if (handler == Handler::XmlCharRefReplace)
          return raise(&TypeErrorType, "don't know how to handle UnicodeDecodeError in error callback");
        Value object = Value(bytes_new(data));
        Rooted keep(&object);
        return raise_unicode_error(&UnicodeDecodeErrorType, codec, object, int64_t(i), int64_t(i + len), reason);
      }
      case Handler::Replace: append_utf8(out, 0xfffd); break;
      case Handler::Ignore: break;
      case Handler::BackslashReplace:
        for (size_t k = 0; k < len; k++) {
          char buf[8];
          snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(data[i + k]));
          out += buf;
        }
        break;
      case Handler::Unknown:
        return raise(&LookupErrorType, "unknown error handler name '%s'", errors_name.c_str());
    }
    i += len;
  }
  return Value(str_new(out));
}

Value str_encode(Str* s, Value encoding, Value errors) {
  Codec codec;
  Handler handler;
  std::string errors_name;
  if (!parse_names(encoding, errors, &codec, &handler, &errors_name)) return Value();
  std::string_view text = str_view(s);
  if (codec == Codec::Utf8 || s->ascii) return Value(bytes_new(text));
  uint32_t limit = codec == Codec::Ascii ? 0x80 : 0x100;
  const char* reason = codec == Codec::Ascii ? "ordinal not in range(128)" : "ordinal not in range(256)";
  std::string out;
  int64_t index = 0;
  for (size_t i = 0; i < text.size(); index++) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    uint32_t cp = len == 1 ? c : c & (len == 4 ? 0x07 : len == 3 ? 0x0f : 0x1f);
    for (size_t k = 1; k < len; k++) cp = (cp << 6) | (text[i + k] & 0x3f);
    i += len;
    if (cp < limit) {
      out.push_back(char(cp));
      continue;
    }
    switch (handler) {
      case Handler::Strict: {
        // The error covers the whole run of unencodable characters.
        int64_t end = index + 1;
        size_t j = i;
        while (j < text.size()) {
          unsigned char d = static_cast<unsigned char>(text[j]);
          size_t l = d >= 0xf0 ? 4 : d >= 0xe0 ? 3 : d >= 0xc0 ? 2 : 1;
          uint32_t v = l == 1 ? d : d & (l == 4 ? 0x07 : l == 3 ? 0x0f : 0x1f);
          for (size_t k = 1; k < l; k++) v = (v << 6) | (text[j + k] & 0x3f);
          if (v < limit) break;
          j += l;
          end++;
        }
        return raise_unicode_error(&UnicodeEncodeErrorType, codec, Value(s), index, end, reason);
      }
      case Handler::Replace: out.push_back('?'); break;
      case Handler::Ignore: break;
      case Handler::BackslashReplace: {
        char buf[16];
        if (cp <= 0xff) snprintf(buf, sizeof buf, "\\x%02x", cp);
        else if (cp <= 0xffff) snprintf(buf, sizeof buf, "\\u%04x", cp);
        else snprintf(buf, sizeof buf, "\\U%08x", cp);
        out += buf;
        break;
      }
      case Handler::XmlCharRefReplace: out += "&#" + std::to_string(cp) + ";"; break;
      case Handler::Unknown:
        return raise(&LookupErrorType, "unknown error handler name '%s'", errors_name.c_str());
    }
  }
  return Value(bytes_new(out));
}

namespace {

Value str_encode_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value params[2];
  if (!bind_args("encode", args, nargs, kwnames, {"encoding", "errors"}, 0, params)) return Value();
  return str_encode(self.as<Str>(), params[0], params[1]);
}

}  // namespace

void codecs_init() { type_add_method(&StrType, "encode", str_encode_method); }

}  // namespace pg
