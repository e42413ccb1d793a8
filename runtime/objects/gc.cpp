// Mark-and-sweep collector (see gc.h for why and when it runs).
#include "objects/gc.h"

#include <cstdio>
#include <cstdlib>

#include <cstring>

#include "objects/object_pool.h"
#include "objects/type.h"
#include "vm/frame.h"
#include "vm/thread_state.h"

namespace pg {

namespace {

// Every heap object, newest first.
Object* g_all_objects = nullptr;
std::vector<RootTracer>& root_tracers() {
  static std::vector<RootTracer> tracers;
  return tracers;
}
// Floors of the pacing (see GcStats).
constexpr int64_t kMinThreshold = 100000;
constexpr int64_t kMinBytesThreshold = 1 << 20;
// -DPYGLASS_GC_STRESS (test builds only): collect at every safe point that
// follows an allocation, to flush out values native code forgot to root.
#ifdef PYGLASS_GC_STRESS
constexpr bool kGcStress = true;
#else
constexpr bool kGcStress = false;
#endif

void trace_frame_chain(Frame* frame, Visitor& v) {
  // Capped: a frame chain is at most as long as the recursion limit allows,
  // but a corrupt chain must not hang the collector.
  for (int guard = 0; frame && guard < 10000000; frame = frame->previous, ++guard)
    frame_trace(frame, v);
}

void trace_roots(Visitor& v) {
  // Every live thread's roots. Only the GIL holder collects; the other
  // threads wait for the GIL at a safe point or in a blocking call, so their
  // frames and Rooted chains are consistent and still (see vm/gil.h).
  for (ThreadState* ts = g_runtime.threads; ts; ts = ts->next) {
    if (get_run_state(ts) == kThreadDead) continue;
    v.visit(ts->start_callable);
    v.visit(ts->start_args);
    v.visit(ts->start_kwargs);
    v.visit(ts->trace_func);  // tracing (issue 9)
    v.visit(ts->profile_func);
    trace_frame_chain(ts->current_frame, v);
    v.visit(ts->current_exception);
    v.visit(ts->handled_exception);
    for (Rooted* r = ts->rooted; r; r = r->previous) v.visit(*r->slot);
  }
  v.visit(Value(g_runtime.modules));
  v.visit(Value(g_runtime.builtins));
  v.visit(g_runtime.main_module);
  v.visit(g_runtime.sys_argv);
  static_types_trace(v);
  for (RootTracer t : root_tracers()) t(v);
}

}  // namespace

GcStats g_gc_stats = [] {
  GcStats s;
  s.threshold = kGcStress ? 1 : kMinThreshold;
  s.bytes_threshold = kGcStress ? 1 : kMinBytesThreshold;
  return s;
}();

void Visitor::visit_object(Object* o) {
  if (o->gc_flags & (kGcMarked | kGcStatic)) return;
  o->gc_flags |= kGcMarked;
  stack.push_back(o);
}

static Object* link_new_object(void* mem, uint32_t size_class, Type* type, size_t size) {
  Object* o = static_cast<Object*>(mem);
  o->type = type;
  o->gc_next = g_all_objects;
  o->gc_flags = size_class << kGcSizeClassShift;
  o->reserved = 0;
  g_all_objects = o;
  GcStats& s = g_gc_stats;
  s.objects++;
  s.bytes += int64_t(size);
  s.allocs_since_collect++;
  s.bytes_since_collect += int64_t(size);
  return o;
}

Object* gc_alloc(Type* type, size_t size) {
  uint32_t size_class;
  void* mem = pool_alloc(size, &size_class);
  memset(mem, 0, size);
  return link_new_object(mem, size_class, type, size);
}

Object* gc_alloc_uninitialized(Type* type, size_t size) {
  uint32_t size_class;
  void* mem = pool_alloc(size, &size_class);
  return link_new_object(mem, size_class, type, size);
}

size_t gc_usable_size(const Object* o) {
  return pool_usable_size(o, (o->gc_flags & kGcSizeClassMask) >> kGcSizeClassShift);
}

void gc_note_external(int64_t delta_bytes) {
  GcStats& s = g_gc_stats;
  s.bytes += delta_bytes;
  if (delta_bytes > 0) s.bytes_since_collect += delta_bytes;
}

void gc_add_root_tracer(RootTracer tracer) { root_tracers().push_back(tracer); }

// Freeing happens in two passes over the dead objects: every finalizer
// first, then the memory. A dead instance's type may be dead too (a class
// and its last instances go together, in any list order, e.g. after
// `obj.__class__ = D` with D newer than obj), and finalizers read their
// object's type: no object's memory may be reused before they all ran.
static void finalize_objects(Object* dead) {
  for (Object* o = dead; o; o = o->gc_next)
    if (o->type->finalize) o->type->finalize(o);
}

static void free_objects(Object* dead) {
  while (dead) {
    Object* next = dead->gc_next;
    pool_free(dead, (dead->gc_flags & kGcSizeClassMask) >> kGcSizeClassShift);
    dead = next;
  }
}

int64_t gc_collect() {
  GcStats& s = gc_stats();
  Visitor v;
  trace_roots(v);
  while (!v.stack.empty()) {
    Object* o = v.stack.back();
    v.stack.pop_back();
    if (o->type->trace) o->type->trace(o, v);
    // The type object of an instance is an object too (heap types).
    v.visit_object(o->type);
  }
  int64_t freed = 0;
  int64_t live_bytes = 0;
  Object* dead = nullptr;
  Object** link = &g_all_objects;
  while (Object* o = *link) {
    if (o->gc_flags & kGcMarked) {
      o->gc_flags &= ~kGcMarked;
      live_bytes += int64_t(gc_usable_size(o));
      link = &o->gc_next;
    } else {
      *link = o->gc_next;
      o->gc_next = dead;
      dead = o;
      freed++;
    }
  }
  finalize_objects(dead);
  free_objects(dead);
  s.objects -= freed;
  s.collections++;
  s.allocs_since_collect = 0;
  s.bytes_since_collect = 0;
  s.threshold = s.objects > kMinThreshold ? 2 * s.objects : kMinThreshold;
  // Object blocks only: buffers owned by objects (list items, dict tables)
  // are left out of this estimate, which only paces collections.
  s.bytes_threshold = live_bytes > kMinBytesThreshold ? 2 * live_bytes : kMinBytesThreshold;
  if (kGcStress) s.threshold = s.bytes_threshold = 1;
  return freed;
}

void gc_free_all() {
  Object* all = g_all_objects;
  g_all_objects = nullptr;
  finalize_objects(all);
  free_objects(all);
  gc_stats().objects = 0;
  pool_release_all();
}

Rooted::Rooted(Value* s) : slot(s) {
  ThreadState* ts = current_thread();
  previous = ts->rooted;
  ts->rooted = this;
}

Rooted::~Rooted() { current_thread()->rooted = previous; }

}  // namespace pg
