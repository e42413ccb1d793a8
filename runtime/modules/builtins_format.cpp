// format(), hex(), oct(), bin() and the format-spec mini-language for str.
//
// format_value() is the one entry point for "format this value with this
// spec" (the format() builtin, and f-string fields through modules.h): it
// dispatches to a user class's __format__, to the number types' formatters
// (int_format / float_format, numbers.h), or to str_format_spec below.
#include <cinttypes>
#include <string>
#include <vector>

#include "modules/builtins_internal.h"
#include "modules/modules.h"
#include "objects/complex.h"
#include "objects/containers.h"
#include "objects/layouts.h"
#include "objects/numbers.h"

namespace pg {

using namespace builtins_detail;

namespace {

// ---------------------------------------------------------------------------
// str.__format__ (CPython's parse_internal_render_format_spec followed by
// format_string_internal, with the same checks in the same order).
// ---------------------------------------------------------------------------

bool is_alignment(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Reads decimal digits at *pos. Returns the number of digits read, or -1
// with ValueError set when the value would not fit.
int64_t read_integer(const std::vector<uint32_t>& cps, size_t* pos, int64_t* out) {
  int64_t value = 0, digits = 0;
  for (; *pos < cps.size() && cps[*pos] >= '0' && cps[*pos] <= '9'; ++*pos, ++digits) {
    int64_t d = cps[*pos] - '0';
    if (value > (INT64_MAX - d) / 10) {
      raise(&ValueErrorType, "Too many decimal digits in format string");
      return -1;
    }
    value = value * 10 + d;
  }
  *out = value;
  return digits;
}

// `c` as it appears in CPython's messages: the character, or \x.. escaped.
std::string spec_char(uint32_t c) {
  char buf[16];
  if (c > 32 && c < 128)
    snprintf(buf, sizeof buf, "%c", char(c));
  else
    snprintf(buf, sizeof buf, "\\x%x", unsigned(c));
  return buf;
}

Value str_format_spec(Str* s, Str* spec) {
  std::vector<uint32_t> cps(size_t(spec->length));
  for (int64_t i = 0; i < spec->length; ++i) cps[size_t(i)] = str_codepoint_at(spec, i);
  size_t pos = 0, end = cps.size();

  uint32_t fill = ' ', align = '<';
  bool fill_given = false;
  if (end - pos >= 2 && is_alignment(cps[pos + 1])) {
    fill = cps[pos];
    align = cps[pos + 1];
    fill_given = true;
    pos += 2;
  } else if (end - pos >= 1 && is_alignment(cps[pos])) {
    align = cps[pos];
    pos += 1;
  }
  uint32_t sign = 0;
  if (pos < end && (cps[pos] == '+' || cps[pos] == '-' || cps[pos] == ' ')) sign = cps[pos++];
  bool no_neg_zero = pos < end && cps[pos] == 'z';
  if (no_neg_zero) ++pos;
  bool alternate = pos < end && cps[pos] == '#';
  if (alternate) ++pos;
  // "0" before the width means zero fill (strings keep their '<' alignment).
  if (!fill_given && pos < end && cps[pos] == '0') {
    fill = '0';
    ++pos;
  }
  int64_t width;
  int64_t consumed = read_integer(cps, &pos, &width);
  if (consumed < 0) return Value();
  if (consumed == 0) width = -1;
  uint32_t grouping = 0;
  if (pos < end && cps[pos] == ',') grouping = cps[pos++];
  if (pos < end && cps[pos] == '_') {
    if (grouping != 0) return raise(&ValueErrorType, "Cannot specify both ',' and '_'.");
    grouping = cps[pos++];
  }
  if (pos < end && cps[pos] == ',' && grouping == '_')
    return raise(&ValueErrorType, "Cannot specify both ',' and '_'.");
  int64_t precision = -1;
  if (pos < end && cps[pos] == '.') {
    ++pos;
    consumed = read_integer(cps, &pos, &precision);
    if (consumed < 0) return Value();
    if (consumed == 0) return raise(&ValueErrorType, "Format specifier missing precision");
  }
  if (end - pos > 1)
    return raise(&ValueErrorType, "Invalid format specifier '%s' for object of type 'str'",
                 str_cstr(spec));
  uint32_t type = end - pos == 1 ? cps[pos] : 's';
  if (grouping != 0) {
    bool allowed = type == 'd' || type == 'e' || type == 'f' || type == 'g' || type == 'E' ||
                   type == 'G' || type == '%' || type == 'F' ||
                   (grouping == '_' && (type == 'b' || type == 'o' || type == 'x' || type == 'X'));
    if (!allowed)
      return raise(&ValueErrorType, "Cannot specify '%c' with '%s'.", char(grouping),
                   spec_char(type).c_str());
  }
  if (type != 's')
    return raise(&ValueErrorType, "Unknown format code '%s' for object of type 'str'",
                 spec_char(type).c_str());

  if (sign == ' ') return raise(&ValueErrorType, "Space not allowed in string format specifier");
  if (sign != 0) return raise(&ValueErrorType, "Sign not allowed in string format specifier");
  if (no_neg_zero)
    return raise(&ValueErrorType,
                 "Negative zero coercion (z) not allowed in string format specifier");
  if (alternate)
    return raise(&ValueErrorType, "Alternate form (#) not allowed in string format specifier");
  if (align == '=')
    return raise(&ValueErrorType, "'=' alignment not allowed in string format specifier");

  int64_t len = s->length;
  if ((width < 0 || width <= len) && (precision < 0 || precision >= len)) return Value(s);
  if (precision >= 0 && len >= precision) len = precision;
  int64_t total = width > len ? width : len;
  int64_t left = align == '>' ? total - len : align == '^' ? (total - len) / 2 : 0;
  int64_t right = total - len - left;
  std::string_view fill_text = str_view(str_from_codepoint(fill));
  std::string out;
  out.reserve(size_t(total) * fill_text.size() + size_t(s->nbytes));
  for (int64_t i = 0; i < left; ++i) out += fill_text;
  out.append(s->data, size_t(str_byte_offset(s, len)));
  for (int64_t i = 0; i < right; ++i) out += fill_text;
  return Value(str_new(out));
}

// ---------------------------------------------------------------------------
// The builtins
// ---------------------------------------------------------------------------

Value builtin_format(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords("format", kwnames) || !expect_positional("format", nargs, 1, 2))
    return Value();
  Value spec = nargs == 2 ? args[1] : Value(str_empty());
  if (!is_str(spec))
    return raise(&TypeErrorType, "format() argument 2 must be str, not %.200s", type_name(spec));
  return format_value(args[0], spec.as<Str>());
}

// hex/oct/bin: the '#' forms of int.__format__ ("-0xff"). CPython accepts
// anything with __index__; int_as_index gives its TypeError otherwise.
Value int_with_prefix(const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                      std::string_view spec) {
  if (!check_nargs(fname, nargs, kwnames, 1, 1)) return Value();
  Value v = args[0];
  if (!is_int(v)) {
    int64_t i;
    if (!int_as_index(v, &i)) return Value();
    v = int_from_i64(i);
  }
  return int_format(v, spec);
}

Value builtin_hex(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return int_with_prefix("hex", args, nargs, kwnames, "#x");
}
Value builtin_oct(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return int_with_prefix("oct", args, nargs, kwnames, "#o");
}
Value builtin_bin(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return int_with_prefix("bin", args, nargs, kwnames, "#b");
}

}  // namespace

Value format_value(Value value, Str* spec) {
  Type* type = type_of(value);
  // A class statement's __format__ wins, as type(value).__format__ does in
  // CPython; the built-in types are dispatched directly below.
  if (type->flags & kTypeHeap) {
    Value method = type_lookup(type, str_intern("__format__"));
    // object.__format__ (native) is what the code below does anyway; it
    // would refuse the spec of an int or str subclass.
    if (!method.is_null() && type_of(method) != &NativeFunctionType) {
      Value argv[2] = {value, Value(spec)};
      Value result = call(method, argv, 2);
      if (!result.is_null() && !is_str(result))
        return raise(&TypeErrorType, "__format__ must return a str, not %.200s", type_name(result));
      return result;
    }
  }
  if (spec->length == 0) return is_exact_str(value) ? value : obj_str(value);
  if (is_int(value)) return int_format(value, str_view(spec));
  if (is_float(value)) return float_format(value, str_view(spec));
  if (is_str(value)) return str_format_spec(value.as<Str>(), spec);
  if (is_complex(value)) return complex_format(value, str_view(spec));
  return raise(&TypeErrorType, "unsupported format string passed to %.200s.__format__", type->name);
}

namespace builtins_detail {

void builtins_format_init(Dict* builtins) {
  static const struct {
    const char* name;
    NativeFn fn;
  } functions[] = {
      {"format", builtin_format}, {"hex", builtin_hex}, {"oct", builtin_oct}, {"bin", builtin_bin}};
  for (const auto& f : functions)
    dict_set_str(builtins, str_intern(f.name), native_function_new(f.name, f.fn));
}

}  // namespace builtins_detail

}  // namespace pg
