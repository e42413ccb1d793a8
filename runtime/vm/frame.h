// Interpreter frames: one activation of a code object.
//
// Layout (one slab, see docs/frame-layout.md):
//   [Frame header: the specials] [localsplus: locals, cells, frees] [value stack]
// Frames are bump-allocated in the thread's data-stack chunks (16 KiB; a
// larger frame gets a larger chunk). A call bumps the chunk's top, a return
// rewinds it. A frame never moves while it is alive; when a frame object
// outlives its activation, the frame is copied into the frame object.
#pragma once

#include <cstdint>

#include "vm/code.h"

namespace pg {

// Who owns the memory of a frame.
enum FrameOwner : uint8_t {
  kOwnedByThread = 0,       // in a data-stack chunk of its thread
  kOwnedByGenerator = 1,    // embedded in a generator object (later slice)
  kOwnedByFrameObject = 2,  // copied into a frame object after its call returned
  kOwnedByCStack = 3,       // a shim entry frame inside eval_frame()'s C stack frame
};

struct Function;
struct FrameObject;

// The specials. Fields valid when:
//   code         : always, except shim frames (code == null, owner == CStack).
//   previous     : the calling frame; null for the outermost frame. For the
//                  first frame of an eval_frame() call it is that call's shim.
//   function     : the Function being run; null for module code and shims.
//   globals, builtins : always (null for shims).
//   locals       : module and class bodies only (their namespace); null for
//                  function frames (fast locals live in localsplus).
//   frame_obj    : the frame object once created (lazily), else null.
//   instr_ptr    : the instruction executing now (in code->instrs); before
//                  the first instruction it points at code->instrs.
//   stack_depth  : values on the value stack; exact whenever the frame is
//                  not the innermost running one, and at safe points.
//   owner        : FrameOwner.
//   trace_flags  : FrameTraceFlags; only the tracing dispatch reads it.
struct Frame {
  Code* code;
#ifdef PYGLASS_DEBUG_PADDING
  // Test builds only: shifts every later field, to prove that the tools
  // follow the debug table instead of their own idea of this layout.
  uint64_t debug_padding[3];
#endif
  Frame* previous;
  Function* function;
  Dict* globals;
  Dict* builtins;
  Dict* locals;
  FrameObject* frame_obj;
  const uint32_t* instr_ptr;
  int32_t stack_depth;
  uint8_t owner;
  uint8_t trace_flags;  // FrameTraceFlags (vm/trace.h); 0 from push_frame
  uint8_t reserved[2];
  Value localsplus[];  // code->nlocalsplus slots, then code->stacksize stack slots

  Value* stack_base() { return localsplus + code->nlocalsplus; }
  int32_t instr_index() const { return int32_t(instr_ptr - code->instrs); }
  int current_line() const { return code_line_for(code, instr_index()); }
};
inline constexpr size_t kFrameHeaderValues = sizeof(Frame) / sizeof(Value);
static_assert(sizeof(Frame) % sizeof(Value) == 0, "frames are laid out in Value units");

// A Python function object.
//   defaults   : tuple of default values for the last positional parameters, or null.
//   kwdefaults : dict of keyword-only defaults, or null.
//   closure    : tuple of cells for the code's free variables, or null.
//   dict       : function attributes, null until one is set.
struct Function : Object {
  Code* code;
  Dict* globals;
  Dict* builtins;
  Str* name;
  Str* qualname;
  Str* module;
  Tuple* defaults;
  Dict* kwdefaults;
  Tuple* closure;
  Dict* dict;
  Value doc;
  Value annotations;
};

// Frame objects (what sys._getframe() returns).
//   frame       : the frame it describes. While the activation runs this is
//                 the live frame; after it returned, it points at `owned`.
//   owned       : the copy taken when the activation ended (owner ==
//                 FrameObject), or null while the frame is alive.
//   back        : f_back captured when the activation ended (the caller's
//                 frame object), so f_back stays valid; null while alive
//                 (computed from frame->previous) or for the outermost frame.
//   trace       : tracing state (vm/trace.h), allocated the first time a
//                 trace or profile function meets the frame; null before.
struct FrameTrace;
struct FrameObject : Object {
  Frame* frame;
  Frame* owned;
  Value back;
  FrameTrace* trace;  // tracing (issue 9); was `int32_t lasti_at_exit`, reserved
};

// A frame object's tracing state (kept out of FrameObject so the frame
// objects every traceback creates stay small).
//   f_trace     : the frame's local trace function (frame.f_trace), null = none.
//   locals      : the f_locals dict a trace function read (function frames):
//                 written back to the fast locals when it returns, so
//                 debuggers can change variables (as CPython 3.11); else null.
//   prev_index, prev_line : the last instruction seen by line tracing
//                 (-1 = none yet: the next one reports a line event).
//   lineno      : > 0: 1 + f_lineno while a call event is reported (the def line).
//   run_start, run_end, run_line : instructions [run_start, run_end) are on
//                 run_line (line tracing's cache; empty range = unknown).
//   lines, opcodes : frame.f_trace_lines / f_trace_opcodes.
//   in_call     : 1 while a trace/profile function runs for this frame.
struct FrameTrace {
  Value f_trace;
  Value locals;
  int32_t prev_index = -1;
  int32_t prev_line = -1;
  int32_t lineno = 0;
  int32_t run_start = 0;
  int32_t run_end = 0;
  int32_t run_line = 0;
  uint8_t lines = 1;
  uint8_t opcodes = 0;
  uint8_t in_call = 0;
};
// The tracing state of `fo`, created on first use.
FrameTrace* frame_trace_state(FrameObject* fo);

Function* function_new(Code* code, Dict* globals, Value qualname_or_null);
// Returns the frame object for `frame`, creating it on first use.
FrameObject* frame_get_object(Frame* frame);
// Called when an activation ends while a frame object refers to it: the
// frame object takes ownership of a copy of the frame.
void frame_object_take_ownership(Frame* frame);
// f_locals / locals(): a module or class body's namespace itself; for a
// function, a new dict snapshot of its bound fast locals, cells and frees.
Value frame_locals(Frame* f);
void frame_trace(Frame* frame, struct Visitor& v);
void functions_init();

}  // namespace pg
#ifndef PYGLASS_DEBUG_PADDING
static_assert(sizeof(pg::Frame) == 72, "docs/frame-layout.md: the Frame header is 72 bytes");
#endif
