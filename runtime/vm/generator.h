// Generator objects. A generator's frame is embedded in the generator
// object itself (owner = kOwnedByGenerator), so it survives between
// resumptions without copying; while it runs it is linked into the thread's
// frame chain like any other frame.
#pragma once

#include "vm/frame.h"

namespace pg {

enum GeneratorState : uint8_t {
  kGenCreated = 0,    // not started: the frame is at its first instruction
  kGenSuspended = 1,  // stopped at a yield
  kGenRunning = 2,    // its frame is on a thread's frame chain
  kGenFinished = 3,   // returned or raised; the frame is dead
};

// Fields valid when:
//   name, qualname : always.
//   state          : always (GeneratorState).
//   frame          : the embedded frame; its contents are meaningful unless
//                    state == kGenFinished. frame->owner == kOwnedByGenerator.
//   return_value   : after the generator returned (for StopIteration.value).
struct Generator : Object {
  Str* name;
  Str* qualname;
  Value return_value;
  uint8_t state;
  uint8_t reserved[7];
  Frame frame;  // followed by code->framesize Values (localsplus and stack)
};
extern Type GeneratorType;

// Creates a generator for a call of `fn` (a generator function) with its
// arguments already bound into `locals_source` (framesize values).
Generator* generator_new(Function* fn, const Value* bound_locals);
// Resumes the generator: `value` is the result of the pending yield (None
// for next()). Returns the yielded value; null with no error when it
// returned (then *returned is true and return_value holds the value); null
// with an error when it raised. `exc` non-null throws it in at the yield.
Value generator_resume(Generator* gen, Value value, Value exc, bool* returned);
void generators_init();

}  // namespace pg
