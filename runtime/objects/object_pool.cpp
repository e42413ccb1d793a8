// Size-classed pools for small heap objects (see object_pool.h for why).
#include "objects/object_pool.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

#include <malloc.h>

namespace pg {

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kPoolsEnabled = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kPoolsEnabled = false;
#else
constexpr bool kPoolsEnabled = true;
#endif
#else
constexpr bool kPoolsEnabled = true;
#endif

constexpr size_t kClassCount = kPoolMaxBlock / kPoolGranule + 1;  // class 0 unused
constexpr size_t kSlabBytes = 64 * 1024;

// A free block: its first word links to the next free block of its class.
struct FreeBlock {
  FreeBlock* next;
};

struct Pools {
  FreeBlock* free_lists[kClassCount] = {};
  std::vector<void*> slabs;  // every slab ever allocated (freed at exit)
};

// A plain global (constant-initialised, no guard on the allocation path).
constinit Pools g_pools;
inline Pools& pools() { return g_pools; }

[[noreturn]] void out_of_memory() {
  fputs("pyglass: out of memory\n", stderr);
  abort();
}

// Carves a new slab into blocks of class `c` and threads them onto its
// free list (lowest address first, so consecutive allocations are
// adjacent in memory).
void refill(uint32_t c) {
  Pools& p = pools();
  size_t block = size_t(c) * kPoolGranule;
  char* slab = static_cast<char*>(malloc(kSlabBytes));
  if (!slab) out_of_memory();
  p.slabs.push_back(slab);
  size_t count = kSlabBytes / block;
  FreeBlock* head = p.free_lists[c];
  for (size_t i = count; i-- > 0;) {
    FreeBlock* b = reinterpret_cast<FreeBlock*>(slab + i * block);
    b->next = head;
    head = b;
  }
  p.free_lists[c] = head;
}

}  // namespace

void* pool_alloc(size_t size, uint32_t* size_class) {
  if (!kPoolsEnabled || size > kPoolMaxBlock) {
    *size_class = 0;
    void* mem = malloc(size);
    if (!mem) out_of_memory();
    return mem;
  }
  uint32_t c = uint32_t((size + kPoolGranule - 1) / kPoolGranule);
  if (c == 0) c = 1;
  Pools& p = pools();
  if (!p.free_lists[c]) refill(c);
  FreeBlock* b = p.free_lists[c];
  p.free_lists[c] = b->next;
  *size_class = c;
  return b;
}

void pool_free(void* block, uint32_t size_class) {
  if (size_class == 0) {
    free(block);
    return;
  }
  FreeBlock* b = static_cast<FreeBlock*>(block);
  Pools& p = pools();
  b->next = p.free_lists[size_class];
  p.free_lists[size_class] = b;
}

size_t pool_usable_size(const void* block, uint32_t size_class) {
  if (size_class == 0) return malloc_usable_size(const_cast<void*>(block));
  return size_t(size_class) * kPoolGranule;
}

void pool_release_all() {
  Pools& p = pools();
  for (void* slab : p.slabs) free(slab);
  p.slabs.clear();
  for (FreeBlock*& head : p.free_lists) head = nullptr;
}

}  // namespace pg
