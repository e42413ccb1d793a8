// Generator and coroutine objects. Their frame is embedded in the object
// itself (owner = kOwnedByGenerator), so it survives between resumptions
// without copying; while it runs it is linked into the thread's frame chain
// like any other frame. Coroutines (async def) share the layout and the
// resumption machinery; only their type (CoroutineType, coroutine.cpp) and
// their protocol differ.
#pragma once

#include "vm/frame.h"

namespace pg {

enum GeneratorState : uint8_t {
  kGenCreated = 0,    // not started: the frame is at its first instruction
  kGenSuspended = 1,  // stopped at a yield
  kGenRunning = 2,    // its frame is on a thread's frame chain (or it is
                      // forwarding a throw()/close() to its delegate)
  kGenFinished = 3,   // returned or raised; the frame is dead
};

// Fields valid when:
//   name, qualname : always.
//   state          : always (GeneratorState).
//   frame          : the embedded frame; its contents are meaningful unless
//                    state == kGenFinished. frame->owner == kOwnedByGenerator.
//   return_value   : after the resumption that returned (StopIteration.value);
//                    null otherwise.
//   handled_exception : while suspended inside an `except` block, the
//                    exception it was handling (restored as the thread's
//                    handled exception when it resumes, like CPython's
//                    gi_exc_state); else null.
// The object's type is GeneratorType or CoroutineType.
struct Generator : Object {
  Str* name;
  Str* qualname;
  Value return_value;
  Value handled_exception;
  uint8_t state;
  uint8_t reserved[7];
  Frame frame;  // followed by code->framesize Values (localsplus and stack)
};
extern Type GeneratorType;
extern Type CoroutineType;
extern Type AsyncGeneratorType;  // coroutine_asyncgen.cpp

inline bool is_generator_like(Value v) {
  return v.is_obj() && (v.obj()->type == &GeneratorType || v.obj()->type == &CoroutineType);
}

// Creates a generator (or a coroutine, for an async def) for a call of `fn`
// with its arguments already bound into `bound_locals` (nlocalsplus values).
Generator* generator_new(Function* fn, const Value* bound_locals);
// Resumes the generator: `value` is the result of the pending yield (None
// for next()). Returns the yielded value; null with no error when it
// returned (then *returned is true and return_value holds the value); null
// with an error when it raised. `exc` non-null throws it in at the yield.
// A StopIteration escaping the frame becomes RuntimeError (PEP 479).
Value generator_resume(Generator* gen, Value value, Value exc, bool* returned);
// gen.send(value) with the protocol's checks; same results as resume.
Value generator_send(Generator* gen, Value value, bool* returned);
// gen.throw(exc) (an exception instance): forwarded to the object a
// `yield from`/`await` delegates to, if any. Same results as resume.
Value generator_throw(Generator* gen, Value exc, bool* returned);
// gen.close(): None, or null with an error.
Value generator_close(Generator* gen);
// The object the generator is delegating to (`yield from x`, `await x`)
// while suspended there, else null.
Value generator_yield_from(Generator* gen);
// One step of a `yield from`/`await` loop (SEND): sends `value` into the
// delegate `receiver` (next() when None and it is a plain iterator).
// Returns the value it yielded; null with no error when it finished (then
// *result is its return value); null with an error when it raised.
Value delegate_send(Value receiver, Value value, Value* result);
// next(gen) found `gen` exhausted: raises StopIteration carrying what it
// returned on that last resumption (CPython's gen_iternext). Returns null.
Value raise_generator_exhausted(Generator* gen);
// The type slots generators, coroutines and async generators share.
Value generator_repr_fn(Value self);
Value generator_getattr_fn(Value self, Str* name);
void generator_trace_fn(Object* self, struct Visitor& v);
// Raises StopIteration carrying `value` (None: no argument). Returns null.
Value raise_stop_iteration(Value value);
void generators_init();
void coroutines_init();
void async_generators_init();

}  // namespace pg
