// Safe reprs of values in the target. The output follows CPython's repr()
// for the core types (so a pyglass user sees what print(repr(x)) would
// show), but every read is bounded and checked:
//   - output is cut at RenderOptions::max_chars and ends with "...";
//   - containers nested deeper than max_depth show as [...] / (...) / {...}
//     (reprlib's convention), as do containers that contain themselves;
//   - a container is read item by item only while there is room left, so a
//     list of a million items costs a few reads, not a million;
//   - an unreadable or implausible pointer renders as <unreadable at 0x...>.
// Types are recognised by comparing the object's type pointer with the
// addresses the table exports (exact type only: an int subclass instance
// renders as <NAME object at 0x...>).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "inspector/remote.h"

namespace pgi {

struct RenderOptions {
  size_t max_chars = 200;       // output beyond this is cut and "..." appended
  int max_depth = 6;            // container nesting shown in full
  size_t max_items = 1000;      // items read from one container at most
  uint32_t max_int_bits = 4096; // bigger ints render as <int with ~N digits>
};

class Renderer {
 public:
  explicit Renderer(Remote& remote, RenderOptions options = {});
  // repr() of the Value with these bits (tagged small int, object pointer,
  // or 0 which renders as <NULL>).
  std::string render(uint64_t value_bits);
  const RenderOptions& options() const { return options_; }

 private:
  void emit(uint64_t bits, int depth);
  void emit_bigint(uint64_t obj);
  void emit_float(uint64_t obj);
  void emit_str(uint64_t obj);
  void emit_sequence(uint64_t obj, uint64_t items_addr, int64_t count, char open, char close,
                     int depth);
  void emit_tuple(uint64_t obj, int depth);
  void emit_list(uint64_t obj, int depth);
  void emit_dict(uint64_t obj, int depth);
  void emit_function(uint64_t obj);
  void emit_code(uint64_t obj);
  void emit_module(uint64_t obj);
  void emit_exception(uint64_t obj, uint64_t type, int depth);
  void emit_generic(uint64_t obj, uint64_t type);
  void unreadable(uint64_t addr);
  bool full() {
    if (out_.size() > options_.max_chars) overflow_ = true;
    return overflow_;
  }
  bool active(uint64_t obj) const;

  Remote& remote_;
  RenderOptions options_;
  std::string out_;
  bool overflow_ = false;
  std::vector<uint64_t> active_;  // containers being rendered (cycle detection)
};

// CPython's float repr: shortest round-trip digits, exponent form when the
// decimal exponent is < -4 or >= 16 ("1e+16", "1e-05"), ".0" for integral
// values, "inf", "-inf", "nan", "-0.0".
std::string float_repr(double v);
// CPython's str repr: single quotes unless the text contains ' and not ";
// escapes \\, the quote, \n, \r, \t, other control characters as \xNN and a
// few non-printable code points as \xNN/\uNNNN; other UTF-8 passes through.
// Invalid UTF-8 bytes (garbage memory) show as \xNN.
std::string str_repr(std::string_view utf8);
// Decimal digits of a magnitude given as little-endian 64-bit limbs, with a
// leading '-' when `negative` (and the magnitude is non-zero).
std::string limbs_to_decimal(std::vector<uint64_t> limbs, bool negative);

}  // namespace pgi
