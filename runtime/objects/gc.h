// The collector: non-moving mark and sweep over every heap object.
//
// Why mark and sweep rather than reference counting: the eval loop and the
// native code stay free of incref/decref traffic, reference cycles are
// collected, and frames (the thing this VM is built to show) stay plain
// memory the tools can read. Collections only start at safe points of the
// eval loop (gc_maybe_collect), where every live value is reachable from a
// root: the frames of every thread (localsplus and the value stack up to
// stack_depth), thread states (pending exception, Rooted slots), the runtime
// (modules, builtins, interned strings) and static objects.
#pragma once

#include <cstdint>
#include <vector>

#include "objects/object.h"

namespace pg {

// Marks values during a collection. Type `trace` slots call visit() on every
// child Value they hold.
struct Visitor {
  void visit(Value v) {
    if (v.is_obj()) visit_object(v.obj());
  }
  void visit_object(Object* o);
  std::vector<Object*> stack;  // grey objects still to scan
};

// Collections are paced by allocation volume, counted both in objects and
// in bytes (a 4 KiB string weighs more than a small float): the next one
// starts when either count since the last collection exceeds what was live
// after it (so the total cost stays linear), with floors so that small
// programs rarely collect.
struct GcStats {
  int64_t objects = 0;               // live heap objects
  int64_t bytes = 0;                 // bytes of object blocks + external memory
  int64_t allocs_since_collect = 0;  // objects allocated since the last collection
  int64_t bytes_since_collect = 0;   // bytes allocated (blocks + external) since then
  int64_t threshold = 0;             // object count that triggers the next collection
  int64_t bytes_threshold = 0;       // byte count that triggers the next collection
  int64_t collections = 0;
  bool enabled = true;
};
extern GcStats g_gc_stats;
inline GcStats& gc_stats() { return g_gc_stats; }

// Runs a collection now (gc.collect()). Must only be called at a safe point.
// Returns the number of objects freed.
int64_t gc_collect();
// True when enough has been allocated that the eval loop should collect.
inline bool gc_should_collect() {
  const GcStats& s = g_gc_stats;
  return (s.allocs_since_collect >= s.threshold || s.bytes_since_collect >= s.bytes_threshold) &&
         s.enabled;
}
// Like gc_alloc, but only the header is initialised: for objects whose
// creator writes every field (strings).
Object* gc_alloc_uninitialized(Type* type, size_t size);
// Bytes usable in an object's block (at least the size it was allocated
// with): lets an object grow in place (str +=).
size_t gc_usable_size(const Object* o);
// Extra roots registered by subsystems (module table, intern table, ...).
using RootTracer = void (*)(Visitor& v);
void gc_add_root_tracer(RootTracer tracer);
// Frees every heap object (at exit, after finalizers), so leak checkers see
// a clean heap.
void gc_free_all();

}  // namespace pg
