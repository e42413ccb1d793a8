// Size-classed pools for small heap objects.
//
// Why: a mark-and-sweep heap frees objects in bulk during the sweep and
// allocates them one by one in between; with malloc/free for each object,
// glibc's bin management (consolidation, unlinking) cost more than the
// interpreter's own work in string- and list-heavy programs. Most objects
// are small (a float is 32 bytes, a short str 64), so blocks of up to
// kPoolMaxBlock bytes come from per-size free lists carved out of slabs.
//
// Blocks are 16-byte granular; the size class of a block is recorded in the
// object header's gc_flags (bits 8..15, see kGcSizeClassShift) so the sweep
// knows where to return it. Slabs are never returned to the system while the
// runtime lives (type-stable memory: a freed block only ever becomes another
// pooled object); pool_release_all() frees them at exit for leak checkers.
//
// ASan builds bypass the pools (every object is its own malloc block) so
// that use-after-free of an object is still caught.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pg {

inline constexpr size_t kPoolGranule = 16;
inline constexpr size_t kPoolMaxBlock = 512;
inline constexpr uint32_t kGcSizeClassShift = 8;
inline constexpr uint32_t kGcSizeClassMask = 0xFFu << kGcSizeClassShift;

// A block of at least `size` bytes, 16-byte aligned, uninitialised, and its
// size class (0 = the block came from malloc and goes back with free).
// Never returns null (aborts when memory is exhausted).
void* pool_alloc(size_t size, uint32_t* size_class);
// Returns a block obtained from pool_alloc with the class it reported.
void pool_free(void* block, uint32_t size_class);
// Usable bytes of a block (its class size, or malloc_usable_size).
size_t pool_usable_size(const void* block, uint32_t size_class);
// Frees every slab. Only after every pooled object was freed (exit).
void pool_release_all();

}  // namespace pg
