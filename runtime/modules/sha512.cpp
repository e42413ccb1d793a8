// SHA-512 (see sha512.h). The round constants are, by the standard's
// definition, the first 64 bits of the fractional parts of the cube roots
// of the first 80 primes (the initial hash: square roots of the first 8);
// they are computed once with GMP rather than typed in as a table.
#include "modules/sha512.h"

#include <gmp.h>

#include <cstring>

namespace pg {

namespace {

struct Constants {
  uint64_t k[80];
  uint64_t h0[8];
};

// floor(frac(root(p)) * 2^64) = floor(root(p * 2^(64 * n))) mod 2^64.
uint64_t fractional_root_bits(unsigned long p, unsigned long n) {
  mpz_t x, r;
  mpz_init_set_ui(x, p);
  mpz_mul_2exp(x, x, 64 * n);
  mpz_init(r);
  mpz_root(r, x, n);
  mpz_fdiv_r_2exp(r, r, 64);
  uint64_t bits = 0;
  mpz_export(&bits, nullptr, -1, sizeof bits, 0, 0, r);
  mpz_clear(x);
  mpz_clear(r);
  return bits;
}

const Constants& constants() {
  static const Constants c = [] {
    Constants out{};
    int found = 0;
    for (unsigned long candidate = 2; found < 80; ++candidate) {
      bool prime = true;
      for (unsigned long d = 2; d * d <= candidate; ++d) prime = prime && candidate % d != 0;
      if (!prime) continue;
      if (found < 8) out.h0[found] = fractional_root_bits(candidate, 2);
      out.k[found++] = fractional_root_bits(candidate, 3);
    }
    return out;
  }();
  return c;
}

inline uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

void compress(uint64_t h[8], const uint8_t block[128], const uint64_t k[80]) {
  uint64_t w[80];
  for (int i = 0; i < 16; ++i) {
    uint64_t v = 0;
    for (int j = 0; j < 8; ++j) v = (v << 8) | block[i * 8 + j];
    w[i] = v;
  }
  for (int i = 16; i < 80; ++i) {
    uint64_t s0 = rotr(w[i - 15], 1) ^ rotr(w[i - 15], 8) ^ (w[i - 15] >> 7);
    uint64_t s1 = rotr(w[i - 2], 19) ^ rotr(w[i - 2], 61) ^ (w[i - 2] >> 6);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int i = 0; i < 80; ++i) {
    uint64_t t1 = hh + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
    uint64_t t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d;
  h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

}  // namespace

std::array<uint8_t, 64> sha512(std::string_view data) {
  const Constants& c = constants();
  uint64_t h[8];
  memcpy(h, c.h0, sizeof h);
  size_t full = data.size() / 128;
  for (size_t i = 0; i < full; ++i)
    compress(h, reinterpret_cast<const uint8_t*>(data.data()) + i * 128, c.k);
  // Padding: 0x80, zeros, then the length in bits as a 128-bit big-endian number.
  uint8_t tail[256] = {};
  size_t rest = data.size() - full * 128;
  memcpy(tail, data.data() + full * 128, rest);
  tail[rest] = 0x80;
  size_t tail_len = rest + 1 + 16 <= 128 ? 128 : 256;
  uint64_t bits = uint64_t(data.size()) * 8;
  for (int i = 0; i < 8; ++i) tail[tail_len - 1 - i] = uint8_t(bits >> (8 * i));
  tail[tail_len - 9] = uint8_t(uint64_t(data.size()) >> 61);
  for (size_t off = 0; off < tail_len; off += 128) compress(h, tail + off, c.k);
  std::array<uint8_t, 64> out{};
  for (int i = 0; i < 8; ++i)
    for (int j = 0; j < 8; ++j) out[i * 8 + j] = uint8_t(h[i] >> (56 - 8 * j));
  return out;
}

}  // namespace pg
