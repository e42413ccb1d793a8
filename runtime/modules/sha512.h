// SHA-512 (FIPS 180-4), used by random.seed(str) (CPython seeds from the
// text followed by its SHA-512 digest) and available to a future hashlib.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace pg {

std::array<uint8_t, 64> sha512(std::string_view data);

}  // namespace pg
