// Traceback objects and the printing of uncaught exceptions (CPython format).
#pragma once

#include <cstdio>

#include "vm/frame.h"

namespace pg {

// One traceback entry: `frame` was executing instruction `lasti` (line
// `lineno`) when the exception passed through it. `next` is the entry of the
// frame it called (towards where the exception was raised), or null.
struct TracebackObject : Object {
  Value next;
  FrameObject* frame;
  int32_t lasti;
  int32_t lineno;
};
extern Type TracebackType;

// Prepends an entry for `frame` to the pending exception's __traceback__.
void traceback_add_frame(Frame* frame);
// Prints `exc` (with its traceback and chained exceptions) like CPython's
// default excepthook does.
void print_exception(Value exc, FILE* out);
void traceback_init();

}  // namespace pg
