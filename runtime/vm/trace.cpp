// sys.settrace / sys.setprofile events (see trace.h for when each runs).
//
// Which function hears what, as in CPython 3.11:
//   * call: the global trace function (its result, unless None, becomes the
//     frame's f_trace) and the profile function;
//   * line, opcode, exception: the frame's f_trace only;
//   * return: the frame's f_trace and the profile function;
//   * c_call, c_return, c_exception: the profile function only.
// A trace function that raises is removed (sys.settrace(None)) and the
// frame's f_trace cleared; a profile function that raises is removed.
#include "vm/trace.h"

#include "objects/exceptions.h"
#include "objects/gc.h"
#include "objects/type.h"
#include "vm/function_call.h"
#include "vm/opcodes.h"
#include "vm/traceback.h"

namespace pg {

namespace {

enum class Event { Call, Exception, Line, Return, CCall, CException, CReturn, Opcode };

Str* event_name(Event e) {
  static Str* const names[] = {str_intern("call"),   str_intern("exception"), str_intern("line"),
                               str_intern("return"), str_intern("c_call"),    str_intern("c_exception"),
                               str_intern("c_return"), str_intern("opcode")};
  return names[int(e)];
}

// The f_locals dict a trace function read goes back into the frame's fast
// locals: changed values are stored, removed names become unbound (cells
// and free variables through their cell).
void write_back_locals(Frame* f, Dict* d) {
  Code* c = f->code;
  for (int32_t i = 0; i < c->nlocalsplus; ++i) {
    Value name = tuple_items(c->localsplusnames)[i];
    Value v = dict_get(d, name);
    if (v.is_null() && error_occurred()) error_clear();
    if (c->localspluskinds[i] & (kLocalCell | kLocalFree)) {
      Value cell = f->localsplus[i];
      if (!cell.is_null() && type_of(cell) == &CellType) cell.as<Cell>()->contents = v;
      continue;
    }
    f->localsplus[i] = v;
  }
}

bool has_local_tracer(Frame* f) {
  return f->frame_obj && f->frame_obj->trace && !f->frame_obj->trace->f_trace.is_null();
}

// Calls `fn(frame, event, arg)` with tracing suspended on this thread and
// any pending exception put aside. Returns the result (null = it raised,
// with that exception pending).
Value call_tracer(ThreadState* ts, Value fn, Frame* f, Event e, Value arg) {
  Value saved = ts->current_exception;
  Rooted keep_saved(&saved);
  Rooted keep_fn(&fn);
  Rooted keep_arg(&arg);
  ts->current_exception = Value();
  Value frame = Value(frame_get_object(f));
  Rooted keep_frame(&frame);
  Value args[3] = {frame, Value(event_name(e)), arg.is_null() ? None() : arg};
  FrameObject* fo = frame.as<FrameObject>();
  FrameTrace* st = frame_trace_state(fo);
  uint8_t outer_call = st->in_call;
  st->in_call = 1;
  ts->tracing++;
  trace_update(ts);
  Value r = call(fn, args, 3);
  ts->tracing--;
  trace_update(ts);
  st = fo->trace;
  st->in_call = outer_call;
  if (!outer_call && !st->locals.is_null()) {
    Rooted keep_r(&r);
    if (!r.is_null() && fo->frame == f) write_back_locals(f, st->locals.as<Dict>());
    st->locals = Value();
  }
  if (!r.is_null()) ts->current_exception = saved;
  return r;
}

// The global trace function (call events) or the frame's f_trace (every
// other event), with CPython's trampoline rules. False = it raised.
bool dispatch_trace(ThreadState* ts, Frame* f, Event e, Value arg) {
  if (ts->trace_func.is_null() || ts->tracing) return true;
  Value fn;
  if (e == Event::Call) {
    fn = ts->trace_func;
  } else {
    if (!has_local_tracer(f)) return true;
    fn = f->frame_obj->trace->f_trace;
  }
  Value r = call_tracer(ts, fn, f, e, arg);
  if (r.is_null()) {
    trace_set(ts, Value());
    if (f->frame_obj && f->frame_obj->trace) f->frame_obj->trace->f_trace = Value();
    return false;
  }
  if (!is_none(r)) {
    frame_trace_state(frame_get_object(f))->f_trace = r;
  }
  return true;
}

bool dispatch_profile(ThreadState* ts, Frame* f, Event e, Value arg) {
  if (ts->profile_func.is_null() || ts->tracing) return true;
  Value r = call_tracer(ts, ts->profile_func, f, e, arg);
  if (r.is_null()) {
    profile_set(ts, Value());
    return false;
  }
  return true;
}

// `at_start`: the frame's first instruction; CPython reports the call from
// its RESUME instruction, which sits on the `def` line (line 0 for modules).
bool report_call(ThreadState* ts, Frame* f, bool at_start) {
  f->trace_flags |= kTraceFrameEntered;
  FrameObject* fo = frame_get_object(f);
  if (at_start) frame_trace_state(fo)->lineno = 1 + ((f->code->flags & kCodeModule) ? 0 : f->code->firstlineno);
  bool ok = dispatch_trace(ts, f, Event::Call, None()) && dispatch_profile(ts, f, Event::Call, None());
  if ((fo = f->frame_obj)) {
    FrameTrace* st = frame_trace_state(fo);
    st->lineno = 0;
    // Line tracing goes on from here: a new frame's first instruction
    // reports its line; a resumed one continues the line of its yield.
    st->prev_index = at_start ? -1 : f->instr_index();
    st->prev_line = at_start ? -1 : f->current_line();
  }
  return ok;
}

bool report_return(ThreadState* ts, Frame* f, Value rv) {
  if (!dispatch_trace(ts, f, Event::Return, rv)) return false;
  return dispatch_profile(ts, f, Event::Return, rv);
}

// The line of instruction `index`, with the run of instructions sharing
// that line-table entry cached in the frame object: line tracing asks for
// every instruction, and code_line_for() scans the table from its start.
int traced_line(FrameTrace* st, const Code* code, int32_t index) {
  if (index >= st->run_start && index < st->run_end) return st->run_line;
  const uint8_t* p = code->linetable;
  const uint8_t* end = p + code->linetable_size;
  auto uleb = [&]() {
    uint64_t v = 0;
    for (int shift = 0; p < end && shift < 64; shift += 7) {
      uint8_t b = *p++;
      v |= uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) break;
    }
    return v;
  };
  int64_t line = code->firstlineno;
  int64_t start = 0;
  while (p < end) {
    uint64_t count = uleb();
    uint64_t zz = uleb();
    line += int64_t(zz >> 1) ^ -int64_t(zz & 1);
    if (index < start + int64_t(count)) {
      st->run_start = int32_t(start);
      st->run_end = int32_t(start + int64_t(count));
      st->run_line = int32_t(line);
      return int(line);
    }
    start += int64_t(count);
  }
  return int(line);  // past the table: the last line (not cached)
}

// Instructions of the function prologue: CPython runs them before RESUME,
// where tracing starts, so they report nothing.
bool is_prologue(uint32_t op) {
  return op == uint32_t(OP_MAKE_CELL) || op == uint32_t(OP_COPY_FREE_VARS);
}

}  // namespace

bool trace_instruction(ThreadState* ts, Frame* f) {
  uint32_t op = *f->instr_ptr & 0xffu;
  int32_t index = f->instr_index();
  if (!(f->trace_flags & kTraceFrameEntered)) {
    // A frame's first instruction reports the call; a frame that was
    // already running when tracing began reports none.
    if (index == 0) {
      if (!report_call(ts, f, true)) return false;
    } else {
      f->trace_flags |= kTraceFrameEntered;
    }
  }
  FrameObject* fo = f->frame_obj;
  if (fo && fo->trace && !fo->trace->f_trace.is_null() && !ts->trace_func.is_null() &&
      !is_prologue(op)) {
    FrameTrace* st = fo->trace;
    int line = traced_line(st, f->code, index);
    // The loop-closing JUMP_BACKWARD carries the loop header's line here,
    // where CPython gives it the body's last line: it reports nothing
    // itself, and its target reports the header line as a backward jump.
    bool loop_close = op == uint32_t(OP_JUMP_BACKWARD) &&
                      code_line_for(f->code, int32_t(*f->instr_ptr >> kOpcodeBits)) == line;
    if (!loop_close) {
      int32_t prev_index = st->prev_index;
      // (A jump back to SEND is `yield from` / `await` going on: not a line.)
      bool backward = prev_index >= 0 && index < prev_index && op != uint32_t(OP_SEND);
      bool new_line = line != st->prev_line || backward;
      st->prev_index = index;
      st->prev_line = line;
      if (new_line && line > 0 && st->lines) {
        if (!dispatch_trace(ts, f, Event::Line, None())) return false;
      }
      fo = f->frame_obj;
      if (fo && fo->trace && fo->trace->opcodes && !fo->trace->f_trace.is_null()) {
        if (!dispatch_trace(ts, f, Event::Opcode, None())) return false;
      }
    }
  }
  if (op == uint32_t(OP_RETURN_VALUE) || op == uint32_t(OP_YIELD_VALUE)) {
    Value rv = f->localsplus[f->code->nlocalsplus + f->stack_depth - 1];
    if (!report_return(ts, f, rv)) return false;
  }
  return true;
}

bool trace_resume(ThreadState* ts, Frame* f, bool started) { return report_call(ts, f, !started); }

void trace_throw_unstarted(ThreadState* ts, Frame* f) {
  if (!ts->use_tracing) return;
  // CPython runs the frame for the throw: call, then exception and return
  // on its `def` line. A trace function's exception replaces the thrown one.
  if (!report_call(ts, f, true)) return;
  FrameTrace* st = frame_trace_state(frame_get_object(f));
  st->lineno = 1 + f->code->firstlineno;
  trace_exception(ts, f);
  if (f->frame_obj) f->frame_obj->trace->lineno = 1 + f->code->firstlineno;
  trace_unwind(ts, f);
  if (f->frame_obj) f->frame_obj->trace->lineno = 0;
}

void trace_exception(ThreadState* ts, Frame* f) {
  if (ts->trace_func.is_null() || !has_local_tracer(f)) return;
  Value exc = ts->current_exception;
  Rooted keep(&exc);
  Value tb = is_exception(exc) ? exc.as<ExceptionObject>()->traceback : Value();
  Value arg = Value(tuple_from({Value(type_of(exc)), exc, tb.is_null() ? None() : tb}));
  // On failure the trace function's exception is pending instead.
  dispatch_trace(ts, f, Event::Exception, arg);
}

bool trace_delegate_returned(ThreadState* ts, Frame* f, Value result) {
  if (ts->trace_func.is_null() || !has_local_tracer(f)) return true;
  Rooted keep(&result);
  Value exc = call1(Value(&StopIterationType), result);
  if (exc.is_null()) return false;
  Rooted keep_exc(&exc);
  Value arg = Value(tuple_from({Value(&StopIterationType), exc, None()}));
  return dispatch_trace(ts, f, Event::Exception, arg);
}

void trace_unwind(ThreadState* ts, Frame* f) {
  Value exc = ts->current_exception;
  Rooted keep(&exc);
  if (!report_return(ts, f, None())) {
    error_clear();
  }
  ts->current_exception = exc;
}

namespace {

// c_call, then `do_call()`, then c_return or c_exception.
template <typename Call>
Value profile_c_call(ThreadState* ts, Value callable, Call do_call) {
  Frame* f = ts->current_frame;
  Rooted keep(&callable);
  if (!dispatch_profile(ts, f, Event::CCall, callable)) return Value();
  Value r = do_call();
  if (ts->profile_func.is_null()) return r;
  if (r.is_null()) {
    Value exc = ts->current_exception;
    Rooted keep_exc(&exc);
    if (!dispatch_profile(ts, f, Event::CException, callable)) error_clear();
    ts->current_exception = exc;
    return r;
  }
  Rooted keep_r(&r);
  if (!dispatch_profile(ts, f, Event::CReturn, callable)) return Value();
  return r;
}

}  // namespace

Value trace_c_call(ThreadState* ts, Value callable, const Value* args, size_t npos, Tuple* kwnames) {
  if (type_of(callable) != &NativeFunctionType || ts->profile_func.is_null())
    return call(callable, args, npos, kwnames);
  return profile_c_call(ts, callable, [&] { return call(callable, args, npos, kwnames); });
}

Value trace_c_call_ex(ThreadState* ts, Value callable, Value args, Value kwargs) {
  if (type_of(callable) != &NativeFunctionType || ts->profile_func.is_null())
    return call_function_ex(callable, args, kwargs);
  return profile_c_call(ts, callable, [&] { return call_function_ex(callable, args, kwargs); });
}

void trace_set(ThreadState* ts, Value func) {
  ts->trace_func = (func.is_null() || is_none(func)) ? Value() : func;
  trace_update(ts);
}

void profile_set(ThreadState* ts, Value func) {
  ts->profile_func = (func.is_null() || is_none(func)) ? Value() : func;
  trace_update(ts);
}

void trace_frame_set_f_trace(FrameObject* fo, Value func) {
  if (func.is_null() || is_none(func)) {
    if (fo->trace) fo->trace->f_trace = Value();
    return;
  }
  FrameTrace* st = frame_trace_state(fo);
  if (st->f_trace.is_null() && fo->frame && fo->frame->code) {
    // From the instruction running now: the next line change reports.
    st->prev_index = fo->frame->instr_index();
    st->prev_line = fo->frame->current_line();
  }
  st->f_trace = func;
}

}  // namespace pg
