// Safe reprs of remote values: see render.h.
#include "inspector/render.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace pgi {

// ---------------------------------------------------------------- helpers

std::string float_repr(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  // to_chars without a precision gives the shortest digits that round-trip
  // (what CPython's repr uses); only the layout differs.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string_view s(buf, size_t(res.ptr - buf));
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  size_t e = s.find('e');
  std::string digits;
  for (char c : s.substr(0, e))
    if (c != '.') digits.push_back(c);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int exp = 0;
  std::from_chars(s.data() + e + 1 + (s[e + 1] == '+'), s.data() + s.size(), exp);
  // value = 0.DIGITS * 10^decpt, CPython's `decpt`.
  int decpt = exp + 1;
  std::string out = negative ? "-" : "";
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out += "0.";
      out.append(size_t(-decpt), '0');
      out += digits;
    } else if (size_t(decpt) >= digits.size()) {
      out += digits;
      out.append(size_t(decpt) - digits.size(), '0');
      out += ".0";
    } else {
      out += digits.substr(0, size_t(decpt));
      out += '.';
      out += digits.substr(size_t(decpt));
    }
  } else {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out += digits.substr(1);
    }
    out += fmt::format("e{}{:02d}", decpt - 1 < 0 ? '-' : '+', std::abs(decpt - 1));
  }
  return out;
}

namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length, 0 if invalid.
size_t utf8_decode(std::string_view s, size_t i, uint32_t& cp) {
  auto b = [&](size_t k) { return uint8_t(s[i + k]); };
  uint8_t c = b(0);
  size_t n;
  if (c < 0x80) {
    cp = c;
    return 1;
  } else if ((c & 0xE0) == 0xC0) {
    n = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  // Overlong forms, surrogates and values beyond Unicode are invalid.
  static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Non-printable code points (CPython's str.isprintable() is false) beyond
// the C0/C1 controls: the separators and format characters that do occur in
// practice. Not the full Unicode database, on purpose.
bool nonprintable(uint32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) return true;
  if (cp == 0x1680 || cp == 0x180E || (cp >= 0x2000 && cp <= 0x200F)) return true;
  if ((cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x2064)) return true;
  if (cp == 0x3000 || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB)) return true;
  if (cp >= 0xE000 && cp <= 0xF8FF) return true;  // private use
  if ((cp & 0xFFFE) == 0xFFFE) return true;       // noncharacters
  return false;
}

}  // namespace

std::string str_repr(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out;
  out.reserve(s.size() + 2);
  out += quote;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    size_t n = utf8_decode(s, i, cp);
    if (n == 0) {
      out += fmt::format("\\x{:02x}", uint8_t(s[i]));
      ++i;
      continue;
    }
    if (cp == uint32_t(quote) || cp == '\\') {
      out += '\\';
      out += char(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (nonprintable(cp)) {
      if (cp < 0x100)
        out += fmt::format("\\x{:02x}", cp);
      else if (cp < 0x10000)
        out += fmt::format("\\u{:04x}", cp);
      else
        out += fmt::format("\\U{:08x}", cp);
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  out += quote;
  return out;
}

std::string limbs_to_decimal(std::vector<uint64_t> limbs, bool negative) {
  while (!limbs.empty() && limbs.back() == 0) limbs.pop_back();
  if (limbs.empty()) return "0";
  // Repeated division of the whole number by 10^19 (the largest power of
  // ten in a limb); each remainder is 19 decimal digits, least significant
  // group first.
  constexpr uint64_t kBase = 10000000000000000000ull;
  std::vector<uint64_t> groups;
  while (!limbs.empty()) {
    unsigned __int128 rem = 0;
    for (size_t i = limbs.size(); i-- > 0;) {
      unsigned __int128 cur = (rem << 64) | limbs[i];
      limbs[i] = uint64_t(cur / kBase);
      rem = cur % kBase;
    }
    groups.push_back(uint64_t(rem));
    while (!limbs.empty() && limbs.back() == 0) limbs.pop_back();
  }
  std::string out = negative ? "-" : "";
  out += std::to_string(groups.back());
  for (size_t i = groups.size() - 1; i-- > 0;) out += fmt::format("{:019d}", groups[i]);
  return out;
}

// ---------------------------------------------------------------- Renderer

Renderer::Renderer(Remote& remote, RenderOptions options)
    : remote_(remote), options_(options) {}

std::string Renderer::render(uint64_t value_bits) {
  out_.clear();
  overflow_ = false;
  active_.clear();
  emit(value_bits, 0);
  if (out_.size() > options_.max_chars) {
    size_t cut = options_.max_chars;
    // Never cut inside a UTF-8 sequence.
    while (cut > 0 && (uint8_t(out_[cut]) & 0xC0) == 0x80) --cut;
    out_.resize(cut);
    overflow_ = true;
  }
  if (overflow_) out_ += "...";
  return std::move(out_);
}

bool Renderer::active(uint64_t obj) const {
  return std::find(active_.begin(), active_.end(), obj) != active_.end();
}

void Renderer::unreadable(uint64_t addr) { out_ += fmt::format("<unreadable at {:#x}>", addr); }

void Renderer::emit(uint64_t bits, int depth) {
  if (full()) return;
  const PgDebugTypes& ty = remote_.t().types;
  if (bits == 0) {
    out_ += "<NULL>";
    return;
  }
  if (remote_.is_small_int(bits)) {
    out_ += std::to_string(remote_.small_int(bits));
    return;
  }
  if (bits == ty.none_object) {
    out_ += "None";
    return;
  }
  if (bits == ty.true_object) {
    out_ += "True";
    return;
  }
  if (bits == ty.false_object) {
    out_ += "False";
    return;
  }
  if (!Remote::plausible(bits)) return unreadable(bits);
  uint64_t type = remote_.type_of(bits);
  if (type == 0) return unreadable(bits);
  if (type == ty.int_type) return emit_bigint(bits);
  if (type == ty.float_type) return emit_float(bits);
  if (type == ty.str_type) return emit_str(bits);
  if (type == ty.tuple_type) return emit_tuple(bits, depth);
  if (type == ty.list_type) return emit_list(bits, depth);
  if (type == ty.dict_type) return emit_dict(bits, depth);
  if (type == ty.none_type) {
    out_ += "None";
    return;
  }
  if (type == ty.bool_type) {
    Block b = remote_.block(bits, remote_.t().bool_.size);
    if (!b.has(remote_.t().bool_.value, 8)) return unreadable(bits);
    out_ += b.get<int64_t>(remote_.t().bool_.value) ? "True" : "False";
    return;
  }
  if (type == ty.function_type) return emit_function(bits);
  if (type == ty.code_type) return emit_code(bits);
  if (type == ty.module_type) return emit_module(bits);
  bool coroutine = type != 0 && type == remote_.t().coroutine_type;
  if ((type == ty.generator_type || coroutine) && remote_.t().generator.size != 0) {
    Block b = remote_.block(bits, remote_.t().generator.size);
    out_ += fmt::format("<{} object {} at {:#x}>", coroutine ? "coroutine" : "generator",
                        remote_.str_or(b.ptr(remote_.t().generator.name)), bits);
    return;
  }
  if (type == ty.type_type) {
    auto name = remote_.type_name(bits);
    out_ += fmt::format("<class '{}'>", name ? *name : "???");
    return;
  }
  if (ty.base_exception_type && remote_.is_subtype(type, ty.base_exception_type))
    return emit_exception(bits, type, depth);
  emit_generic(bits, type);
}

void Renderer::emit_generic(uint64_t obj, uint64_t type) {
  auto name = remote_.type_name(type);
  out_ += fmt::format("<{} object at {:#x}>", name ? *name : "???", obj);
}

void Renderer::emit_bigint(uint64_t obj) {
  const auto& bi = remote_.t().bigint;
  Block b = remote_.block(obj, bi.size);
  if (!b.has(bi.limb_count, 4) || !b.has(bi.limbs, 8)) return emit_generic(obj, remote_.type_of(obj));
  int32_t count = b.get<int32_t>(bi.limb_count);
  uint64_t limbs_addr = b.ptr(bi.limbs);
  uint64_t n = count < 0 ? uint64_t(-int64_t(count)) : uint64_t(count);
  if (n == 0) {
    out_ += "0";
    return;
  }
  if (n * 64 > options_.max_int_bits) {
    // Too big to convert (and to show): estimate the digit count from the
    // top limb only, so a huge int costs one small read.
    uint64_t top;
    if (!remote_.read(limbs_addr + (n - 1) * 8, &top, 8)) return unreadable(obj);
    double bits = double(n - 1) * 64 + (top ? std::log2(double(top)) : 0);
    out_ += fmt::format("<int with ~{} digits>", uint64_t(bits * std::log10(2.0)) + 1);
    return;
  }
  std::vector<uint64_t> limbs(n);
  if (!remote_.read(limbs_addr, limbs.data(), n * 8)) return unreadable(obj);
  out_ += limbs_to_decimal(std::move(limbs), count < 0);
}

void Renderer::emit_float(uint64_t obj) {
  const auto& f = remote_.t().float_;
  Block b = remote_.block(obj, f.size);
  if (!b.has(f.value, 8)) return unreadable(obj);
  out_ += float_repr(b.get<double>(f.value));
}

void Renderer::emit_str(uint64_t obj) {
  const RemoteStr& s = remote_.str(obj);
  if (!s.ok) return unreadable(obj);
  std::string r = str_repr(s.text);
  if (s.truncated) {
    r.pop_back();  // no closing quote: the text goes on
    overflow_ = true;
  }
  out_ += r;
}

void Renderer::emit_sequence(uint64_t obj, uint64_t items_addr, int64_t count, char open,
                             char close, int depth) {
  out_ += open;
  if (count > 0 && (depth >= options_.max_depth || active(obj))) {
    out_ += "...";
    out_ += close;
    return;
  }
  active_.push_back(obj);
  uint64_t n = std::min<uint64_t>(uint64_t(std::max<int64_t>(count, 0)), options_.max_items);
  constexpr uint64_t kBatch = 64;
  uint64_t batch[kBatch];
  bool stopped = false;
  for (uint64_t i = 0; i < n && !stopped; i += kBatch) {
    uint64_t m = std::min(kBatch, n - i);
    if (!remote_.read(items_addr + i * 8, batch, m * 8)) {
      if (i) out_ += ", ";
      unreadable(items_addr + i * 8);
      stopped = true;
      break;
    }
    for (uint64_t j = 0; j < m; ++j) {
      if (i + j) out_ += ", ";
      if (full()) {
        stopped = true;
        break;
      }
      emit(batch[j], depth + 1);
    }
  }
  if (!stopped && uint64_t(count) > n) {
    out_ += ", ...";
    overflow_ = true;
  }
  active_.pop_back();
  if (open == '(' && count == 1) out_ += ',';
  out_ += close;
}

void Renderer::emit_tuple(uint64_t obj, int depth) {
  const auto& t = remote_.t().tuple;
  Block b = remote_.block(obj, t.size);
  if (!b.has(t.count, 8) || t.items == PG_FIELD_ABSENT) return unreadable(obj);
  int64_t count = b.get<int64_t>(t.count);
  if (count < 0) return unreadable(obj);
  emit_sequence(obj, obj + t.items, count, '(', ')', depth);
}

void Renderer::emit_list(uint64_t obj, int depth) {
  const auto& l = remote_.t().list;
  Block b = remote_.block(obj, l.size);
  if (!b.has(l.items, 8) || !b.has(l.count, 8)) return unreadable(obj);
  int64_t count = b.get<int64_t>(l.count);
  if (count < 0) return unreadable(obj);
  emit_sequence(obj, b.ptr(l.items), count, '[', ']', depth);
}

void Renderer::emit_dict(uint64_t obj, int depth) {
  if (depth >= options_.max_depth || active(obj)) {
    out_ += "{...}";
    return;
  }
  bool truncated = false;
  auto items = remote_.dict_items(obj, options_.max_items, &truncated);
  if (!items) return unreadable(obj);
  active_.push_back(obj);
  out_ += '{';
  for (size_t i = 0; i < items->size(); ++i) {
    if (i) out_ += ", ";
    if (full()) break;
    emit((*items)[i].key, depth + 1);
    out_ += ": ";
    emit((*items)[i].value, depth + 1);
  }
  if (truncated) {
    out_ += ", ...";
    overflow_ = true;
  }
  out_ += '}';
  active_.pop_back();
}

void Renderer::emit_function(uint64_t obj) {
  const auto& f = remote_.t().function;
  Block b = remote_.block(obj, f.size);
  if (!b.ok()) return unreadable(obj);
  uint64_t name = b.ptr(f.qualname) ? b.ptr(f.qualname) : b.ptr(f.name);
  out_ += fmt::format("<function {} at {:#x}>", remote_.str_or(name), obj);
}

void Renderer::emit_code(uint64_t obj) {
  const auto& c = remote_.t().code;
  Block b = remote_.block(obj, c.size);
  if (!b.ok()) return unreadable(obj);
  out_ += fmt::format("<code object {} at {:#x}, file \"{}\", line {}>",
                      remote_.str_or(b.ptr(c.name)), obj, remote_.str_or(b.ptr(c.filename)),
                      b.get<int32_t>(c.firstlineno));
}

void Renderer::emit_module(uint64_t obj) {
  const auto& m = remote_.t().module;
  Block b = remote_.block(obj, m.size);
  if (!b.ok()) return unreadable(obj);
  out_ += fmt::format("<module '{}'>", remote_.str_or(b.ptr(m.name)));
}

void Renderer::emit_exception(uint64_t obj, uint64_t type, int depth) {
  // BaseException.__repr__: Type(arg) / Type(a, b) / Type().
  auto name = remote_.type_name(type);
  out_ += name ? *name : "???";
  const auto& e = remote_.t().exception;
  Block b = remote_.block(obj, e.size);
  uint64_t args = b.ptr(e.args);
  auto items = args ? remote_.tuple_items(args, options_.max_items) : std::nullopt;
  out_ += '(';
  if (items && !active(obj)) {
    active_.push_back(obj);
    for (size_t i = 0; i < items->size() && !full(); ++i) {
      if (i) out_ += ", ";
      emit((*items)[i], depth + 1);
    }
    active_.pop_back();
  }
  out_ += ')';
}

}  // namespace pgi
