// str hashing and interning: the canonical copy of each name that the
// compiler and the runtime compare by identity, and the shared '' and
// one-character strings (U+0000..U+00FF) that indexing and iteration hand
// out instead of allocating.
#include <cstdlib>
#include <cstring>

#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/str_internal.h"
#include "objects/str_unicode.h"

namespace pg {

namespace {

inline uint64_t fold_multiply(uint64_t a, uint64_t b) {
  unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  return uint64_t(r) ^ uint64_t(r >> 64);
}

// ---- the intern table -----------------------------------------------------
// Open addressing over Str*, at most half full. Interned strings are never
// freed: the table is a GC root (str_intern_trace).
struct InternTable {
  Str** slots = nullptr;
  uint64_t mask = 0;
  uint64_t count = 0;
};
InternTable g_interned;
Str* g_chars[256];  // one-character strings U+0000..U+00FF (interned)
Str* g_empty;

void intern_insert_slot(Str* s) {
  uint64_t i = uint64_t(s->hash) & g_interned.mask;
  while (g_interned.slots[i]) i = (i + 1) & g_interned.mask;
  g_interned.slots[i] = s;
}

void intern_grow() {
  InternTable old = g_interned;
  uint64_t size = old.slots ? (old.mask + 1) * 2 : 1024;
  g_interned.slots = static_cast<Str**>(calloc(size, sizeof(Str*)));
  if (!g_interned.slots) {
    fputs("pyglass: out of memory\n", stderr);
    abort();
  }
  g_interned.mask = size - 1;
  for (uint64_t i = 0; old.slots && i <= old.mask; i++)
    if (old.slots[i]) intern_insert_slot(old.slots[i]);
  free(old.slots);
}

// Finds the interned copy of `text` (whose hash is `hash`), or null.
Str* intern_find(std::string_view text, int64_t hash) {
  if (!g_interned.slots) return nullptr;
  for (uint64_t i = uint64_t(hash) & g_interned.mask;; i = (i + 1) & g_interned.mask) {
    Str* s = g_interned.slots[i];
    if (!s) return nullptr;
    if (s->hash == hash && size_t(s->nbytes) == text.size() &&
        memcmp(s->data, text.data(), text.size()) == 0)
      return s;
  }
}

Str* intern_add(Str* s) {
  if ((g_interned.count + 1) * 2 > g_interned.mask + 1) intern_grow();
  s->interned = 1;
  intern_insert_slot(s);
  g_interned.count++;
  return s;
}

}  // namespace

// A fast 64-bit hash over the UTF-8 bytes (a word at a time, each folded in
// by a 64x64->128 multiply). Not randomised: pyglass does not defend dicts
// against chosen-collision inputs.
int64_t str_hash_bytes(const char* p, size_t n) {
  constexpr uint64_t kA = 0x9E3779B97F4A7C15ull;
  constexpr uint64_t kB = 0xD1B54A32D192ED03ull;
  uint64_t h = kA ^ (uint64_t(n) * kB);
  while (n >= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    h = fold_multiply(h ^ w, kB);
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    uint64_t w = 0;
    memcpy(&w, p, n);
    h = fold_multiply(h ^ w ^ (uint64_t(n) << 59), kB);
  }
  h = fold_multiply(h ^ (h >> 31), kA);
  int64_t r = int64_t(h);
  return r == -1 ? -2 : r;
}

Str* str_intern(std::string_view utf8) {
  int64_t hash = str_hash_bytes(utf8.data(), utf8.size());
  if (Str* found = intern_find(utf8, hash)) return found;
  int64_t n = int64_t(utf8.size());
  int64_t length = utf8_all_ascii(utf8.data(), n) ? n : utf8_count(utf8.data(), n);
  Str* s = str_alloc(n, length, n == length);
  memcpy(s->data, utf8.data(), utf8.size());
  // Not str_finish(): that could hand back a cached string while the cache
  // itself is being built from here.
  s->data[n] = '\0';
  str_build_index(s);
  s->hash = hash;
  return intern_add(s);
}

Str* str_intern_str(Str* s) {
  if (s->interned) return s;
  if (s->type != &StrType) return str_intern(str_view(s));
  int64_t hash = str_hash(s);
  if (Str* found = intern_find(str_view(s), hash)) return found;
  return intern_add(s);
}

void str_intern_trace(Visitor& v) {
  for (uint64_t i = 0; g_interned.slots && i <= g_interned.mask; i++)
    if (g_interned.slots[i]) v.visit(Value(g_interned.slots[i]));
}

Str* str_empty() {
  if (!g_empty) g_empty = str_intern("");
  return g_empty;
}

Str* str_from_codepoint(uint32_t cp) {
  char buf[4];
  int n = utf8_encode(cp, buf);
  if (cp < 256) {
    if (!g_chars[cp]) g_chars[cp] = str_intern(std::string_view(buf, size_t(n)));
    return g_chars[cp];
  }
  return str_new_with_length(std::string_view(buf, size_t(n)), 1);
}

}  // namespace pg
