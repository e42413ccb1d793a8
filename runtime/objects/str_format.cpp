// str.format and str.format_map (CPython 3.11's Objects/stringlib/
// unicode_format.h, re-derived): literal text with {{ and }} escapes, and
// replacement fields  { [name] [.attr | [key]]* [!conversion] [:spec] }.
//
// Fields are parsed and rendered one at a time, left to right, so errors
// come in CPython's order. A spec containing fields is expanded first (one
// level deep: "Max string recursion exceeded" beyond). Automatic numbering
// ({}) and manual numbering ({0}) cannot be mixed. Values are formatted by
// format_value (the format-spec mini-language of the built-in types, or a
// class's __format__).
#include <string>

#include "modules/modules.h"
#include "objects/containers.h"
#include "objects/str_format.h"

namespace pg {

namespace {

enum class Numbering { None, Auto, Manual };

struct FormatContext {
  const Value* args;    // positional arguments (null for format_map)
  size_t nargs;
  const Value* kwvalues;  // keyword values (format), or null
  Tuple* kwnames;
  Value mapping;        // format_map's mapping, or null
  Numbering numbering = Numbering::None;
  int64_t next_auto = 0;
};

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// The integer of a digit string; false with ValueError when too large.
bool to_index(std::string_view s, int64_t* out) {
  int64_t v = 0;
  for (char c : s) {
    if (v > (INT64_MAX - (c - '0')) / 10) {
      raise(&ValueErrorType, "Too many decimal digits in format string");
      return false;
    }
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

Value keyword_arg(FormatContext& ctx, std::string_view name) {
  Value key = Value(str_new(name));
  Rooted keep(&key);
  if (!ctx.mapping.is_null()) return obj_getitem(ctx.mapping, key);
  int64_t n = ctx.kwnames ? tuple_size(ctx.kwnames) : 0;
  for (int64_t i = 0; i < n; i++)
    if (str_view(tuple_items(ctx.kwnames)[i].as<Str>()) == name) return ctx.kwvalues[i];
  return raise_with_value(&KeyErrorType, key);
}

// Resolves a field name ("0", "name", "", "0.attr[key][1]") to its object.
Value field_object(FormatContext& ctx, std::string_view field) {
  size_t first_end = 0;
  while (first_end < field.size() && field[first_end] != '.' && field[first_end] != '[') first_end++;
  std::string_view first = field.substr(0, first_end);
  Value obj;
  if (first.empty() || all_digits(first)) {
    int64_t index;
    if (first.empty()) {
      if (ctx.numbering == Numbering::Manual)
        return raise(&ValueErrorType, "cannot switch from manual field specification to automatic field numbering");
      ctx.numbering = Numbering::Auto;
      index = ctx.next_auto++;
    } else {
      if (!to_index(first, &index)) return Value();
      if (ctx.numbering == Numbering::Auto)
        return raise(&ValueErrorType, "cannot switch from automatic field numbering to manual field specification");
      ctx.numbering = Numbering::Manual;
    }
    if (!ctx.args) return raise(&ValueErrorType, "Format string contains positional fields");
    if (uint64_t(index) >= ctx.nargs)
      return raise(&IndexErrorType, "Replacement index %lld out of range for positional args tuple",
                   (long long)index);
    obj = ctx.args[index];
  } else {
    obj = keyword_arg(ctx, first);
    if (obj.is_null()) return obj;
  }
  Rooted keep(&obj);
  size_t i = first_end;
  while (i < field.size()) {
    char c = field[i++];
    std::string_view name;
    bool attribute = c == '.';
    if (attribute) {
      size_t start = i;
      while (i < field.size() && field[i] != '.' && field[i] != '[') i++;
      name = field.substr(start, i - start);
    } else if (c == '[') {
      size_t start = i;
      while (i < field.size() && field[i] != ']') i++;
      if (i >= field.size()) return raise(&ValueErrorType, "Missing ']' in format string");
      name = field.substr(start, i - start);
      i++;  // ']'
      if (i < field.size() && field[i] != '.' && field[i] != '[')
        return raise(&ValueErrorType, "Only '.' or '[' may follow ']' in format field specifier");
    } else {
      return raise(&ValueErrorType, "Only '.' or '[' may follow ']' in format field specifier");
    }
    if (name.empty()) return raise(&ValueErrorType, "Empty attribute in format string");
    if (attribute) {
      obj = obj_getattr(obj, str_intern(name));
    } else if (all_digits(name)) {
      int64_t index;
      if (!to_index(name, &index)) return Value();
      obj = obj_getitem(obj, int_value(index));
    } else {
      Value key = Value(str_new(name));
      Rooted keep_key(&key);
      obj = obj_getitem(obj, key);
    }
    if (obj.is_null()) return obj;
  }
  return obj;
}

bool build(FormatContext& ctx, std::string_view fmt, int depth, std::string& out);

// Renders one field: object, conversion, (expanded) spec, format().
bool render_field(FormatContext& ctx, std::string_view field, char32_t conversion, std::string_view spec,
                  bool spec_has_fields, int depth, std::string& out) {
  Value obj = field_object(ctx, field);
  if (obj.is_null()) return false;
  Rooted keep(&obj);
  if (conversion) {
    switch (conversion) {
      case 'r': obj = obj_repr(obj); break;
      case 's': obj = obj_str(obj); break;
      case 'a': obj = obj_ascii(obj); break;
      default:
        if (conversion > 32 && conversion < 127)
          raise(&ValueErrorType, "Unknown conversion specifier %c", char(conversion));
        else
          raise(&ValueErrorType, "Unknown conversion specifier \\x%x", unsigned(conversion));
        return false;
    }
    if (obj.is_null()) return false;
  }
  std::string expanded;
  if (spec_has_fields) {
    if (!build(ctx, spec, depth - 1, expanded)) return false;
    spec = expanded;
  }
  Value spec_str = Value(spec.empty() ? str_empty() : str_new(spec));
  Rooted keep_spec(&spec_str);
  Value r = format_value(obj, spec_str.as<Str>());
  if (r.is_null()) return false;
  out += str_view(r.as<Str>());
  return true;
}

uint32_t decode_at(std::string_view s, size_t* i) {
  unsigned char lead = static_cast<unsigned char>(s[*i]);
  size_t len = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  uint32_t cp = len == 1 ? lead : lead & (len == 4 ? 0x07 : len == 3 ? 0x0f : 0x1f);
  for (size_t k = 1; k < len && *i + k < s.size(); k++) cp = (cp << 6) | (s[*i + k] & 0x3f);
  *i += len;
  return cp;
}

bool build(FormatContext& ctx, std::string_view fmt, int depth, std::string& out) {
  if (depth <= 0) {
    raise(&ValueErrorType, "Max string recursion exceeded");
    return false;
  }
  size_t i = 0;
  while (i < fmt.size()) {
    // Literal text up to a brace.
    size_t start = i;
    char c = 0;
    while (i < fmt.size()) {
      c = fmt[i++];
      if (c == '{' || c == '}') break;
      c = 0;
    }
    bool at_end = i >= fmt.size();
    if (c == '}' && (at_end || fmt[i] != '}')) {
      raise(&ValueErrorType, "Single '}' encountered in format string");
      return false;
    }
    if (at_end && c == '{') {
      raise(&ValueErrorType, "Single '{' encountered in format string");
      return false;
    }
    if (c == 0) {
      out.append(fmt.substr(start));
      break;
    }
    if (fmt[i] == c) {  // {{ or }}
      out.append(fmt.substr(start, i - start));
      i++;
      continue;
    }
    out.append(fmt.substr(start, i - 1 - start));
    // A field: the name runs to '}', ':' or '!' ([...] may hold anything).
    size_t name_start = i;
    char end = 0;
    while (i < fmt.size()) {
      char d = fmt[i++];
      if (d == '{') {
        raise(&ValueErrorType, "unexpected '{' in field name");
        return false;
      }
      if (d == '[') {
        while (i < fmt.size() && fmt[i] != ']') i++;
        continue;
      }
      if (d == '}' || d == ':' || d == '!') {
        end = d;
        break;
      }
    }
    std::string_view name = fmt.substr(name_start, (end ? i - 1 : i) - name_start);
    char32_t conversion = 0;
    std::string_view spec;
    bool spec_has_fields = false;
    if (end == '!' || end == ':') {
      bool closed = false;
      if (end == '!') {
        if (i >= fmt.size()) {
          raise(&ValueErrorType, "end of string while looking for conversion specifier");
          return false;
        }
        conversion = decode_at(fmt, &i);
        if (i < fmt.size()) {
          char d = fmt[i++];
          if (d == '}') closed = true;
          else if (d != ':') {
            raise(&ValueErrorType, "expected ':' after conversion specifier");
            return false;
          }
        }
      }
      if (!closed) {
        size_t spec_start = i;
        int count = 1;
        while (i < fmt.size()) {
          char d = fmt[i++];
          if (d == '{') {
            spec_has_fields = true;
            count++;
          } else if (d == '}' && --count == 0) {
            break;
          }
        }
        if (count != 0) {
          raise(&ValueErrorType, "unmatched '{' in format spec");
          return false;
        }
        spec = fmt.substr(spec_start, i - 1 - spec_start);
      }
    } else if (end != '}') {
      raise(&ValueErrorType, "expected '}' before end of string");
      return false;
    }
    if (!render_field(ctx, name, conversion, spec, spec_has_fields, depth, out)) return false;
  }
  return true;
}

Value str_format_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  FormatContext ctx;
  ctx.args = args;
  ctx.nargs = nargs;
  ctx.kwvalues = args + nargs;
  ctx.kwnames = kwnames;
  std::string out;
  if (!build(ctx, str_view(self.as<Str>()), 2, out)) return Value();
  return Value(str_new(out));
}

Value str_format_map_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("str.format_map", nargs, kwnames, 1, 1)) return Value();
  FormatContext ctx;
  ctx.args = nullptr;
  ctx.nargs = 0;
  ctx.kwvalues = nullptr;
  ctx.kwnames = nullptr;
  ctx.mapping = args[0];
  std::string out;
  if (!build(ctx, str_view(self.as<Str>()), 2, out)) return Value();
  return Value(str_new(out));
}

}  // namespace

void str_format_init() {
  type_add_method(&StrType, "format", str_format_method);
  type_add_method(&StrType, "format_map", str_format_map_method);
}

}  // namespace pg
