// `_pcre`: the matching core of `re` (runtime/lib/re.py), on PCRE2.
//
// re.py translates Python's pattern syntax to PCRE2's, caches Pattern
// objects and builds Match objects; this file only compiles and matches:
//   compile(pattern, options) -> int handle, or (message, offset) on error
//       pattern is a str (compiled with PCRE2_UTF, offsets in code points)
//       or bytes (offsets in bytes). `options` are PCRE2 option bits.
//       Equal (pattern, options) pairs share one handle: compiled codes
//       live as long as the process (bounded by the distinct patterns).
//   info(handle) -> (group count, {name: index})
//   scan(handle, subject, pos, endpos, mode, maxcount) -> [offsets, ...]
//       mode 0: search, repeatedly (maxcount matches, 0 = all) with Python
//       3.7's rule for empty matches: after an empty match at p the next
//       one may start at p but must not be empty there.
//       mode 1: one match anchored at pos; mode 2: anchored at pos and at
//       endpos (fullmatch).
//       Each `offsets` is a tuple (start0, end0, start1, end1, ...) of code
//       point (str) or byte (bytes) indices, -1 for a group that did not
//       take part.
//   findall(handle, subject, pos, endpos) -> Pattern.findall's list, built
//       here without per-match offset tuples (the common hot path).
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <deque>
#include <map>
#include <string>
#include <vector>

#include "modules/std_util.h"
#include "objects/bytes.h"
#include "objects/layouts.h"

namespace pg {

namespace {

struct Compiled {
  pcre2_code* code;
  bool is_str;          // compiled with PCRE2_UTF: the subject must be a str
  uint32_t groups;
};

// A deque: a Compiled* stays valid while later patterns are added. The
// codes are freed at exit (leak checkers see a clean heap).
struct CompiledCodes : std::deque<Compiled> {
  ~CompiledCodes() {
    for (Compiled& c : *this) pcre2_code_free(c.code);
  }
};
std::deque<Compiled>& compiled_codes() {
  static CompiledCodes codes;
  return codes;
}

std::map<std::string, int64_t>& compiled_index() {
  static std::map<std::string, int64_t> index;
  return index;
}

Value pcre_compile(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("compile", nargs, kwnames, 2, 2)) return Value();
  std::string_view text;
  bool is_str_pattern = is_str(args[0]);
  if (is_str_pattern) text = str_view(args[0].as<Str>());
  else if (!bytes_view(args[0], &text))
    return raise(&TypeErrorType, "first argument must be string or compiled pattern");
  int64_t options;
  if (!int_as_index(args[1], &options)) return Value();
  uint32_t opts = uint32_t(options);
  if (is_str_pattern) opts |= PCRE2_UTF;
  std::string key = std::string(is_str_pattern ? "s" : "b") + std::to_string(opts) + ":";
  key.append(text);
  auto found = compiled_index().find(key);
  if (found != compiled_index().end()) return int_from_i64(found->second);

  int error_code = 0;
  PCRE2_SIZE error_offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), opts,
                                   &error_code, &error_offset, nullptr);
  if (!code) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error_code, message, sizeof message);
    int64_t offset = int64_t(error_offset);
    if (is_str_pattern) {  // byte offset -> code point offset
      int64_t cp = 0;
      for (int64_t i = 0; i < offset && i < int64_t(text.size()); ++i)
        if ((uint8_t(text[size_t(i)]) & 0xC0) != 0x80) ++cp;
      offset = cp;
    }
    return Value(tuple_from({Value(str_new(reinterpret_cast<const char*>(message))),
                             int_from_i64(offset)}));
  }
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);  // falls back to the interpreter on failure
  uint32_t groups = 0;
  pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
  compiled_codes().push_back({code, is_str_pattern, groups});
  int64_t handle = int64_t(compiled_codes().size()) - 1;
  compiled_index()[key] = handle;
  return int_from_i64(handle);
}

bool get_handle(Value v, Compiled** out) {
  int64_t h;
  if (!int_as_index(v, &h)) return false;
  if (h < 0 || h >= int64_t(compiled_codes().size())) {
    raise(&ValueErrorType, "invalid pattern handle");
    return false;
  }
  *out = &compiled_codes()[size_t(h)];
  return true;
}

Value pcre_info(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("info", nargs, kwnames, 1, 1)) return Value();
  Compiled* c;
  if (!get_handle(args[0], &c)) return Value();
  Value names = Value(dict_new());
  Rooted keep(&names);
  uint32_t count = 0, entry_size = 0;
  PCRE2_SPTR table = nullptr;
  pcre2_pattern_info(c->code, PCRE2_INFO_NAMECOUNT, &count);
  pcre2_pattern_info(c->code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
  pcre2_pattern_info(c->code, PCRE2_INFO_NAMETABLE, &table);
  for (uint32_t i = 0; i < count; ++i) {
    PCRE2_SPTR entry = table + size_t(i) * entry_size;
    int64_t index = (int64_t(entry[0]) << 8) | entry[1];
    Value name = Value(str_new(reinterpret_cast<const char*>(entry + 2)));
    if (dict_set(names.as<Dict>(), name, int_from_i64(index)) < 0) return Value();
  }
  return Value(tuple_from({int_from_i64(c->groups), names}));
}

// Byte offset <-> code point index of a UTF-8 subject. ASCII subjects map
// one to one and need no tables.
struct OffsetMap {
  bool identity = true;
  std::vector<int64_t> cp_to_byte;  // size length + 1
  std::vector<int64_t> byte_to_cp;  // size nbytes + 1 (continuation bytes: index of their char)

  void build(std::string_view s) {
    identity = false;
    byte_to_cp.assign(s.size() + 1, 0);
    int64_t cp = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      if ((uint8_t(s[i]) & 0xC0) != 0x80) {
        cp_to_byte.push_back(int64_t(i));
        byte_to_cp[i] = cp++;
      } else {
        byte_to_cp[i] = cp - 1;
      }
    }
    cp_to_byte.push_back(int64_t(s.size()));
    byte_to_cp[s.size()] = cp;
  }
  int64_t to_byte(int64_t cp) const { return identity ? cp : cp_to_byte[size_t(cp)]; }
  int64_t to_index(int64_t byte) const { return identity ? byte : byte_to_cp[size_t(byte)]; }
};

// The matching loop shared by scan() and findall(): validates the
// arguments (handle, subject, pos, endpos, mode, maxcount at args[0..5]),
// then calls on_match(ovector, rc) for each match (false = stop with the
// error it raised). Returns false with an error pending on failure.
template <typename OnMatch>
bool run_matches(const Value* args, Compiled** compiled, std::string_view* subject_out,
                 OffsetMap* map, OnMatch on_match) {
  Compiled* c;
  if (!get_handle(args[0], &c)) return false;
  *compiled = c;
  std::string_view subject;
  int64_t length;
  if (c->is_str) {
    if (!is_str(args[1])) {
      raise(&TypeErrorType, "cannot use a string pattern on a bytes-like object");
      return false;
    }
    Str* s = args[1].as<Str>();
    subject = str_view(s);
    length = str_length(s);
    if (!s->ascii) map->build(subject);
  } else {
    if (is_str(args[1]) || !bytes_view(args[1], &subject)) {
      if (is_str(args[1])) raise(&TypeErrorType, "cannot use a bytes pattern on a string-like object");
      else raise(&TypeErrorType, "expected string or bytes-like object, got '%s'", type_name(args[1]));
      return false;
    }
    length = int64_t(subject.size());
  }
  *subject_out = subject;
  int64_t pos, endpos, mode, maxcount;
  if (!int_as_index(args[2], &pos) || !int_as_index(args[3], &endpos) ||
      !int_as_index(args[4], &mode) || !int_as_index(args[5], &maxcount))
    return false;
  // Python clamps pos and endpos into the string.
  if (pos < 0) pos = 0;
  if (pos > length) pos = length;
  if (endpos > length) endpos = length;
  if (endpos < 0) endpos = 0;
  if (endpos < pos) return true;
  size_t end_byte = size_t(map->to_byte(endpos));
  size_t at = size_t(map->to_byte(pos));

  pcre2_match_data* md = pcre2_match_data_create_from_pattern(c->code, nullptr);
  uint32_t base_options = 0;
  if (mode == 1) base_options |= PCRE2_ANCHORED;
  if (mode == 2) base_options |= PCRE2_ANCHORED | PCRE2_ENDANCHORED;
  bool after_empty = false;
  bool checked_utf = false;  // the UTF check runs once, not once per match
  int64_t count = 0;
  bool ok = true;
  for (;;) {
    uint32_t options = base_options;
    if (after_empty) options |= PCRE2_NOTEMPTY_ATSTART;
    if (checked_utf) options |= PCRE2_NO_UTF_CHECK;
    int rc = pcre2_match(c->code, reinterpret_cast<PCRE2_SPTR>(subject.data()), end_byte, at,
                         options, md, nullptr);
    checked_utf = true;
    if (rc == PCRE2_ERROR_NOMATCH) break;
    if (rc < 0) {
      PCRE2_UCHAR message[256];
      pcre2_get_error_message(rc, message, sizeof message);
      raise(&RuntimeErrorType, "regular expression matching failed: %s",
            reinterpret_cast<const char*>(message));
      ok = false;
      break;
    }
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
    if (!on_match(ov, rc)) {
      ok = false;
      break;
    }
    ++count;
    if (mode != 0 || (maxcount > 0 && count >= maxcount)) break;
    after_empty = ov[1] == ov[0];
    at = ov[1];
    if (at > end_byte) break;
  }
  pcre2_match_data_free(md);
  return ok;
}

Value pcre_scan(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("scan", nargs, kwnames, 6, 6)) return Value();
  Value result = Value(list_new(0));
  Rooted keep_result(&result);
  Compiled* c = nullptr;
  std::string_view subject;
  OffsetMap map;
  bool ok = run_matches(args, &c, &subject, &map, [&](PCRE2_SIZE* ov, int rc) {
    uint32_t pairs = c->groups + 1;
    Tuple* offsets = tuple_new(int64_t(pairs) * 2);
    for (uint32_t g = 0; g < pairs; ++g) {
      bool set = g < uint32_t(rc) && ov[2 * g] != PCRE2_UNSET;
      tuple_items(offsets)[2 * g] = Value::small(set ? map.to_index(int64_t(ov[2 * g])) : -1);
      tuple_items(offsets)[2 * g + 1] =
          Value::small(set ? map.to_index(int64_t(ov[2 * g + 1])) : -1);
    }
    return list_append(result.as<List>(), Value(offsets)) >= 0;
  });
  if (!ok) return Value();
  return result;
}

// findall(handle, subject, pos, endpos): Pattern.findall's list directly
// (the whole match without groups, group 1's text with one group, else
// tuples; '' for groups that did not take part).
Value pcre_findall(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("findall", nargs, kwnames, 4, 4)) return Value();
  Value full[6] = {args[0], args[1], args[2], args[3], Value::small(0), Value::small(0)};
  Value result = Value(list_new(0));
  Rooted keep_result(&result);
  Compiled* c = nullptr;
  std::string_view subject;
  OffsetMap map;
  Value item;
  Rooted keep_item(&item);
  auto piece = [&](PCRE2_SIZE* ov, int rc, uint32_t g) -> Value {
    bool set = g < uint32_t(rc) && ov[2 * g] != PCRE2_UNSET;
    std::string_view text = set ? subject.substr(ov[2 * g], ov[2 * g + 1] - ov[2 * g])
                                : std::string_view();
    if (c->is_str) return Value(str_new(text));
    return Value(bytes_new(text));
  };
  bool ok = run_matches(full, &c, &subject, &map, [&](PCRE2_SIZE* ov, int rc) {
    if (c->groups <= 1) {
      item = piece(ov, rc, c->groups);
    } else {
      item = Value(tuple_new(int64_t(c->groups)));
      for (uint32_t g = 1; g <= c->groups; ++g) {
        Value v = piece(ov, rc, g);
        tuple_items(item.as<Tuple>())[g - 1] = v;
      }
    }
    return list_append(result.as<List>(), item) >= 0;
  });
  if (!ok) return Value();
  return result;
}

Value module_init() {
  Value m = module_new("_pcre");
  module_add_function(m, "compile", pcre_compile);
  module_add_function(m, "info", pcre_info);
  module_add_function(m, "scan", pcre_scan);
  module_add_function(m, "findall", pcre_findall);
  module_add(m, "CASELESS", int_from_i64(PCRE2_CASELESS));
  module_add(m, "MULTILINE", int_from_i64(PCRE2_MULTILINE));
  module_add(m, "DOTALL", int_from_i64(PCRE2_DOTALL));
  module_add(m, "EXTENDED", int_from_i64(PCRE2_EXTENDED));
  module_add(m, "UCP", int_from_i64(PCRE2_UCP));
  return m;
}

}  // namespace

void re_pcre_module_register() { register_builtin_module("_pcre", module_init); }

}  // namespace pg
