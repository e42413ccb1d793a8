// sys.settrace / sys.setprofile: the events the eval loop reports while a
// trace or profile function is installed on the thread (CPython 3.11
// semantics: call, line, return, exception, opcode for trace functions;
// call, return, c_call, c_return, c_exception for profile functions).
//
// Cost model: with neither function installed the eval loop dispatches
// through its normal table and never calls into this file, except on paths
// that are already slow (exceptions, generator resumption). With one
// installed (ts->use_tracing) it dispatches through a second table whose
// every entry first runs trace_instruction() and then the real handler.
#pragma once

#include "vm/frame.h"
#include "vm/thread_state.h"

namespace pg {

// Frame::trace_flags bits.
enum FrameTraceFlags : uint8_t {
  // The frame has been seen by the tracing dispatch: its call event was
  // reported (or tracing began after the frame had started, so none is due).
  kTraceFrameEntered = 1u << 0,
};

// Recomputes ts->use_tracing: a trace or profile function is set and none
// is running right now (trace functions are not traced themselves).
inline void trace_update(ThreadState* ts) {
  ts->use_tracing = ((!ts->trace_func.is_null() || !ts->profile_func.is_null()) && ts->tracing == 0) ? 1 : 0;
}

// Before each instruction of `f` while ts->use_tracing (f->instr_ptr is the
// instruction, f->stack_depth exact): the call event on a frame's first
// instruction, line and opcode events, and the return event before
// RETURN_VALUE / YIELD_VALUE. False with an exception pending when a trace
// or profile function raised (tracing was then switched off, as in CPython).
bool trace_instruction(ThreadState* ts, Frame* f);
// A generator or coroutine frame resumed, or thrown into (`started`:
// false when it had not run yet): its call event.
bool trace_resume(ThreadState* ts, Frame* f, bool started);
// An exception thrown into a generator that never ran (it finishes
// without running): CPython's call, exception and return events.
void trace_throw_unstarted(ThreadState* ts, Frame* f);
// The eval loop's error path, when an exception was raised in `f` (not
// re-raised): the exception event, arg (type, value, traceback). If the
// trace function raises, its exception replaces the pending one.
void trace_exception(ThreadState* ts, Frame* f);
// SEND's delegate finished with `result`: CPython 3.11 reports the
// StopIteration it caught as an exception event. False = the trace
// function raised (its exception is pending).
bool trace_delegate_returned(ThreadState* ts, Frame* f, Value result);
// `f` is left by an exception: the return event with arg None. Errors from
// the trace function are ignored; the propagating exception stays.
void trace_unwind(ThreadState* ts, Frame* f);
// CALL of a builtin function while a profile function is set: c_call,
// then c_return or c_exception around the call.
Value trace_c_call(ThreadState* ts, Value callable, const Value* args, size_t npos, Tuple* kwnames);
// The same for CALL_FUNCTION_EX's f(*args, **kwargs) (kwargs may be null).
Value trace_c_call_ex(ThreadState* ts, Value callable, Value args, Value kwargs);

// sys.settrace / sys.setprofile for the current thread (None or null clears).
void trace_set(ThreadState* ts, Value func);
void profile_set(ThreadState* ts, Value func);

// Frame attribute support (frame_object.cpp): f_trace assignment starts
// line tracing from the frame's current instruction.
void trace_frame_set_f_trace(FrameObject* fo, Value func);

}  // namespace pg
