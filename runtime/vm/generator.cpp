// Generator objects (see generator.h): creation, resumption, delegation
// (`yield from`), the iterator protocol and send/throw/close. Coroutines
// reuse everything here; coroutine.cpp adds their type and `await`.
#include "vm/generator.h"
#include "vm/trace.h"

#include <cstring>

#include "objects/exceptions.h"
#include "objects/gc.h"
#include "objects/type.h"
#include "vm/eval.h"
#include "vm/opcodes.h"
#include "vm/thread_state.h"

namespace pg {

namespace {

bool is_coroutine(const Generator* g) { return g->type == &CoroutineType; }
bool is_async_generator(const Generator* g) { return g->type == &AsyncGeneratorType; }
const char* kind_name(const Generator* g) {
  return is_coroutine(g) ? "coroutine" : is_async_generator(g) ? "async generator" : "generator";
}

void generator_trace(Object* self, Visitor& v) {
  Generator* g = static_cast<Generator*>(self);
  v.visit(Value(g->name));
  v.visit(Value(g->qualname));
  v.visit(g->return_value);
  v.visit(g->handled_exception);
  if (g->state != kGenFinished) frame_trace(&g->frame, v);
  else v.visit(Value(g->frame.code));
}

Value generator_repr(Value self) {
  Generator* g = self.as<Generator>();
  char buf[512];
  snprintf(buf, sizeof buf, "<%s object %s at %p>", is_async_generator(g) ? "async_generator" : kind_name(g),
           str_cstr(g->qualname), (void*)g);
  return str_from_cstr(buf);
}

Value generator_iter(Value self) { return self; }

// next(gen): StopIteration is reported as exhaustion (null, no error).
Value generator_iternext(Value self) {
  bool returned = false;
  return generator_resume(self.as<Generator>(), None(), Value(), &returned);
}

// A StopIteration (StopAsyncIteration is not ours to convert until async
// generators exist) that escaped the frame becomes RuntimeError, with the
// original as cause and context (PEP 479).
void convert_escaped_stop_iteration(Generator* g) {
  bool async_stop = is_async_generator(g) && error_matches(&StopAsyncIterationType);
  if (!error_matches(&StopIterationType) && !async_stop) return;
  Value original = error_fetch();
  Rooted keep(&original);
  char msg[64];
  snprintf(msg, sizeof msg, "%s raised %s", kind_name(g), async_stop ? "StopAsyncIteration" : "StopIteration");
  Value arg = str_from_cstr(msg);
  Rooted keep_arg(&arg);
  Value err = exception_new(&RuntimeErrorType, &arg, 1);
  if (err.is_null()) return;
  as_exception(err)->cause = original;
  as_exception(err)->context = original;
  as_exception(err)->suppress_context = 1;
  raise_exception(err);
}

// Closes the object a generator delegates to: generators and coroutines
// directly, anything else through its close() method if it has one.
int close_delegate(Value yf) {
  if (is_generator_like(yf)) return generator_close(yf.as<Generator>()).is_null() ? -1 : 0;
  Value meth = obj_getattr_cstr(yf, "close");
  if (meth.is_null()) {
    if (!error_matches(&AttributeErrorType)) return -1;
    error_clear();
    return 0;
  }
  return call0(meth).is_null() ? -1 : 0;
}

Value gen_send(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("send", nargs, kwnames, 1, 1)) return Value();
  Generator* g = self.as<Generator>();
  bool returned = false;
  Value r = generator_send(g, args[0], &returned);
  if (r.is_null() && !error_occurred()) return raise_generator_exhausted(g);
  return r;
}

Value gen_throw(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("throw", nargs, kwnames, 1, 3)) return Value();
  Generator* g = self.as<Generator>();
  Value exc = args[0];
  if (nargs >= 2 && !is_none(args[1])) exc = call1(args[0], args[1]);
  else if (isinstance(exc, &TypeType)) exc = call0(exc);
  if (exc.is_null()) return exc;
  if (!isinstance(exc, &BaseExceptionType))
    return raise(&TypeErrorType, "exceptions must be classes or instances deriving from BaseException, not %s",
                 type_name(exc));
  Rooted keep(&exc);
  bool returned = false;
  Value r = generator_throw(g, exc, &returned);
  if (r.is_null() && !error_occurred()) return raise_generator_exhausted(g);
  return r;
}

Value gen_close(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("close", nargs, kwnames, 0, 0)) return Value();
  return generator_close(self.as<Generator>());
}

Value generator_getattr(Value self, Str* name) {
  Generator* g = self.as<Generator>();
  std::string_view n = str_view(name);
  // Generators answer gi_*, coroutines cr_*, async generators ag_* (same
  // meaning; ag_await is their delegate like cr_await).
  const char* prefix = is_coroutine(g) ? "cr_" : is_async_generator(g) ? "ag_" : "gi_";
  if (n.size() > 3 && n.substr(0, 3) == prefix) {
    std::string_view a = n.substr(3);
    if (a == "running") return Bool(g->state == kGenRunning);
    if (a == "code") return Value(g->frame.code);
    if (a == "frame") return g->state == kGenFinished ? None() : Value(frame_get_object(&g->frame));
    if (a == "yieldfrom" || a == "await") {
      if ((a == "await") != (is_coroutine(g) || is_async_generator(g))) return generic_getattr(self, name);
      Value yf = generator_yield_from(g);
      return yf.is_null() ? None() : yf;
    }
    if (a == "suspended") return Bool(g->state == kGenSuspended);
  }
  if (n == "__name__") return Value(g->name);
  if (n == "__qualname__") return Value(g->qualname);
  return generic_getattr(self, name);
}

}  // namespace

Value raise_stop_iteration(Value value) {
  if (is_none(value)) return raise_exception(Value(&StopIterationType));
  Rooted keep(&value);  // callers may hold it nowhere else (a just-yielded value)
  Value exc = call1(Value(&StopIterationType), value);
  if (exc.is_null()) return exc;
  return raise_exception(exc);
}

// Shared with AsyncGeneratorType (coroutine_asyncgen.cpp).
Value generator_repr_fn(Value self) { return generator_repr(self); }
Value generator_getattr_fn(Value self, Str* name) { return generator_getattr(self, name); }
void generator_trace_fn(Object* self, Visitor& v) { generator_trace(self, v); }

Value raise_generator_exhausted(Generator* gen) {
  return raise_stop_iteration(gen->return_value.is_null() ? None() : gen->return_value);
}

Type GeneratorType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "generator";
  t.base = &ObjectType;
  t.instance_size = 0;
  t.repr = generator_repr;
  t.iter = generator_iter;
  t.iternext = generator_iternext;
  t.getattr = generator_getattr;
  t.trace = generator_trace;
  return t;
}();

// Coroutines are not iterable: `await` (GET_AWAITABLE) and send() drive them.
Type CoroutineType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "coroutine";
  t.base = &ObjectType;
  t.instance_size = 0;
  t.repr = generator_repr;
  t.getattr = generator_getattr;
  t.trace = generator_trace;
  return t;
}();

Generator* generator_new(Function* fn, const Value* bound_locals) {
  Code* code = fn->code;
  size_t size = sizeof(Generator) + sizeof(Value) * size_t(code->framesize);
  Type* type = (code->flags & kCodeAsyncGenerator) ? &AsyncGeneratorType
               : (code->flags & kCodeCoroutine)    ? &CoroutineType
                                                   : &GeneratorType;
  Generator* g = static_cast<Generator*>(gc_alloc(type, size));
  g->name = fn->name;
  g->qualname = fn->qualname;
  g->state = kGenCreated;
  Frame* f = &g->frame;
  f->code = code;
  f->function = fn;
  f->globals = fn->globals;
  f->builtins = fn->builtins;
  f->instr_ptr = code->instrs;
  f->owner = kOwnedByGenerator;
  for (int32_t i = 0; i < code->nlocalsplus; ++i) f->localsplus[i] = bound_locals[i];
  return g;
}

Value generator_resume(Generator* gen, Value value, Value exc, bool* returned) {
  *returned = false;
  gen->return_value = Value();  // only the resumption that returns sets it
  switch (gen->state) {
    case kGenRunning: return raise(&ValueErrorType, "%s already executing", kind_name(gen));
    case kGenFinished:
      if (is_coroutine(gen)) return raise(&RuntimeErrorType, "cannot reuse already awaited coroutine");
      if (!exc.is_null()) return raise_exception(exc);
      return Value();
    default: break;
  }
  Value holder(gen);
  Rooted keep(&holder);
  if (gen->state == kGenCreated && !exc.is_null()) {
    // Throwing into a generator that never ran: it finishes at once.
    gen->state = kGenFinished;
    raise_exception(exc);
    trace_throw_unstarted(current_thread(), &gen->frame);  // tracing (issue 9)
    convert_escaped_stop_iteration(gen);
    return Value();
  }
  bool first = gen->state == kGenCreated;
  gen->state = kGenRunning;
  // The generator's own handled exception (it yielded inside an except
  // block) replaces the caller's while it runs; the caller's comes back
  // when it yields, returns or raises.
  ThreadState* ts = current_thread();
  Value outer_handled = ts->handled_exception;
  Rooted keep_outer(&outer_handled);
  if (!gen->handled_exception.is_null()) ts->handled_exception = gen->handled_exception;
  gen->handled_exception = Value();
  Value r = eval_generator_frame(&gen->frame, first ? Value() : value, exc);
  if (gen->state != kGenFinished && ts->handled_exception != outer_handled)
    gen->handled_exception = ts->handled_exception;
  ts->handled_exception = outer_handled;
  if (gen->state == kGenFinished) {
    // The frame returned or raised (the eval loop marked it finished).
    if (!r.is_null()) {
      gen->return_value = r;
      *returned = true;
      return Value();
    }
    convert_escaped_stop_iteration(gen);
    return r;
  }
  // A recursion-limit failure before the frame ran leaves it suspended.
  gen->state = first && r.is_null() ? kGenCreated : kGenSuspended;
  return r;
}

Value generator_send(Generator* gen, Value value, bool* returned) {
  if (gen->state == kGenCreated && !is_none(value)) {
    *returned = false;
    return raise(&TypeErrorType, "can't send non-None value to a just-started %s", kind_name(gen));
  }
  return generator_resume(gen, value, Value(), returned);
}

Value generator_yield_from(Generator* gen) {
  if (gen->state != kGenSuspended) return Value();
  Frame* f = &gen->frame;
  uint32_t word = *f->instr_ptr;
  // YIELD_VALUE 1 is the yield of a `yield from`/`await` loop; the object
  // delegated to stays on the stack below the yielded value (already popped).
  if (instr_opcode(word) != OP_YIELD_VALUE || instr_arg(word) != 1 || f->stack_depth < 1) return Value();
  return f->localsplus[f->code->nlocalsplus + f->stack_depth - 1];
}

Value generator_throw(Generator* gen, Value exc, bool* returned) {
  *returned = false;
  Value yf = generator_yield_from(gen);
  if (yf.is_null()) return generator_resume(gen, None(), exc, returned);
  Value holder(gen);
  Rooted keep_gen(&holder), keep_exc(&exc), keep_yf(&yf);
  if (isinstance(exc, &GeneratorExitType)) {
    // Close the delegate first, then raise GeneratorExit (or what closing
    // the delegate raised) at our own yield.
    gen->state = kGenRunning;
    int err = close_delegate(yf);
    gen->state = kGenSuspended;
    if (err < 0) exc = error_fetch();
    return generator_resume(gen, None(), exc, returned);
  }
  gen->state = kGenRunning;
  Value r;
  bool delegate_returned = false;
  Value delegate_value;
  Rooted keep_value(&delegate_value);
  if (is_generator_like(yf)) {
    r = generator_throw(yf.as<Generator>(), exc, &delegate_returned);
    if (delegate_returned) delegate_value = yf.as<Generator>()->return_value;
  } else {
    Value meth = obj_getattr_cstr(yf, "throw");
    if (meth.is_null()) {
      gen->state = kGenSuspended;
      if (!error_matches(&AttributeErrorType)) return generator_resume(gen, None(), error_fetch(), returned);
      error_clear();
      return generator_resume(gen, None(), exc, returned);
    }
    Rooted keep_meth(&meth);
    r = call1(meth, exc);
  }
  gen->state = kGenSuspended;
  if (!r.is_null()) return r;  // the delegate yielded: we stay suspended
  if (!delegate_returned && error_matches(&StopIterationType)) {
    delegate_value = stop_iteration_value(error_fetch());
    delegate_returned = true;
  }
  if (delegate_returned) {
    // The delegation ends: drop the delegate and continue at the target of
    // the loop's SEND (the instruction before our YIELD_VALUE) with its
    // result, as if SEND had seen it return.
    Frame* f = &gen->frame;
    uint32_t send = f->instr_ptr[-1];
    f->stack_depth--;
    f->instr_ptr = f->code->instrs + instr_arg(send) - 1;  // resumption skips one instruction
    return generator_resume(gen, delegate_value, Value(), returned);
  }
  return generator_resume(gen, None(), error_fetch(), returned);
}

Value generator_close(Generator* gen) {
  if (gen->state == kGenCreated || gen->state == kGenFinished) {
    gen->state = kGenFinished;
    return None();
  }
  // Throw GeneratorExit in at the yield: it may run cleanup code; yielding
  // again is an error, returning or re-raising GeneratorExit is fine.
  Value exc = call0(Value(&GeneratorExitType));
  if (exc.is_null()) return exc;
  Value holder(gen);
  Rooted keep(&holder);
  bool returned = false;
  Value r = generator_throw(gen, exc, &returned);
  if (!r.is_null()) return raise(&RuntimeErrorType, "%s ignored GeneratorExit", kind_name(gen));
  if (error_occurred()) {
    if (error_matches(&GeneratorExitType) || error_matches(&StopIterationType)) {
      error_clear();
      return None();
    }
    return Value();
  }
  return None();
}

void generators_init() {
  type_ready(&GeneratorType);
  type_add_method(&GeneratorType, "send", gen_send);
  type_add_method(&GeneratorType, "throw", gen_throw);
  type_add_method(&GeneratorType, "close", gen_close);
  type_ready(&CoroutineType);
  type_add_method(&CoroutineType, "send", gen_send);
  type_add_method(&CoroutineType, "throw", gen_throw);
  type_add_method(&CoroutineType, "close", gen_close);
  coroutines_init();
  async_generators_init();
}

}  // namespace pg

namespace pg {

Value delegate_send(Value receiver, Value value, Value* result) {
  if (is_generator_like(receiver)) {
    Generator* g = receiver.as<Generator>();
    bool returned = false;
    Value r = generator_send(g, value, &returned);
    if (returned) *result = g->return_value;
    else if (r.is_null() && !error_occurred()) *result = None();  // an exhausted generator
    return r;
  }
  static Str* const kNext = str_intern("__next__");
  Value r;
  if (is_none(value)) {
    // The __next__ method when there is one, so a StopIteration it raises
    // keeps its value; the iternext slot otherwise.
    bool found = false;
    r = call_special(receiver, kNext, nullptr, 0, &found);
    if (!found) {
      error_clear();
      r = iter_next(receiver);
      if (r.is_null() && !error_occurred()) {
        *result = None();
        return r;
      }
    }
  } else {
    Value meth = obj_getattr_cstr(receiver, "send");
    if (meth.is_null()) return meth;
    r = call1(meth, value);
  }
  if (r.is_null() && error_matches(&StopIterationType)) *result = stop_iteration_value(error_fetch());
  return r;
}

}  // namespace pg
