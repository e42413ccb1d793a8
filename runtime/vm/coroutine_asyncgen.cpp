// Async generators (`async def` with `yield`): the object is a Generator
// with AsyncGeneratorType; its frame is embedded and resumed exactly like a
// coroutine's. What differs is the protocol: __anext__()/asend()/athrow()/
// aclose() return awaitables (AsyncGenStep below) that run the frame until
// it either suspends in an `await` (YIELD_VALUE 1: the suspension is passed
// up to whoever drives the awaitable) or yields a value (YIELD_VALUE 0: the
// awaitable completes with StopIteration(value)). A return ends the
// iteration with StopAsyncIteration.
#include "objects/exceptions.h"
#include "objects/gc.h"
#include "objects/type.h"
#include "vm/coroutine.h"
#include "vm/opcodes.h"

namespace pg {

Type AsyncGeneratorType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "async_generator";
  t.base = &ObjectType;
  t.instance_size = 0;
  t.repr = generator_repr_fn;
  t.getattr = generator_getattr_fn;
  t.trace = generator_trace_fn;
  return t;
}();

namespace {

enum StepKind : uint8_t { kStepSend = 0, kStepThrow = 1, kStepClose = 2 };
enum StepState : uint8_t { kStepInit = 0, kStepIter = 1, kStepDone = 2 };

// The awaitable of one __anext__()/asend(v) (kind send) or athrow(exc)/
// aclose() (kind throw/close). Fields valid when:
//   gen   : always.
//   value : kind send: the value the first step sends (None for __anext__);
//           kind throw: the exception thrown in at the first step;
//           kind close: unused (null).
//   kind, state : always (StepKind, StepState).
struct AsyncGenStep : Object {
  Generator* gen;
  Value value;
  uint8_t kind;
  uint8_t state;
};

void step_trace(Object* self, Visitor& v) {
  auto* s = static_cast<AsyncGenStep*>(self);
  v.visit(Value(s->gen));
  v.visit(s->value);
}

Type AsendType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "async_generator_asend";
  t.base = &ObjectType;
  t.instance_size = sizeof(AsyncGenStep);
  t.trace = step_trace;
  return t;
}();

Type AthrowType = [] {
  Type t = AsendType;
  t.name = "async_generator_athrow";
  return t;
}();

// Interprets what resuming the async generator gave.
Value finish_step(AsyncGenStep* s, Value r, bool returned) {
  Generator* g = s->gen;
  Rooted keep(&r);  // a yielded value is held by nothing else now
  if (!r.is_null()) {
    const uint32_t word = *g->frame.instr_ptr;
    bool awaiting = g->state == kGenSuspended && instr_opcode(word) == OP_YIELD_VALUE && instr_arg(word) == 1;
    if (awaiting) return r;  // an await inside the generator suspends its driver
    s->state = kStepDone;
    if (s->kind == kStepClose) return raise(&RuntimeErrorType, "async generator ignored GeneratorExit");
    return raise_stop_iteration(r);  // the value of `await agen.__anext__()`
  }
  s->state = kStepDone;
  if (!error_occurred()) {
    (void)returned;
    if (s->kind == kStepClose) return raise_stop_iteration(None());
    return raise_exception(Value(&StopAsyncIterationType));
  }
  if (s->kind == kStepClose && (error_matches(&GeneratorExitType) || error_matches(&StopAsyncIterationType))) {
    error_clear();
    return raise_stop_iteration(None());
  }
  return Value();
}

Value step_send(AsyncGenStep* s, Value v) {
  Value holder(s);
  Rooted keep(&holder);
  if (s->state == kStepDone) {
    return raise(&RuntimeErrorType, s->kind == kStepSend
                                        ? "cannot reuse already awaited __anext__()/asend()"
                                        : "cannot reuse already awaited aclose()/athrow()");
  }
  Generator* g = s->gen;
  bool returned = false;
  Value r;
  if (s->state == kStepInit) {
    s->state = kStepIter;
    if (s->kind == kStepSend) {
      r = generator_send(g, is_none(v) ? s->value : v, &returned);
    } else {
      if (g->state == kGenFinished || (s->kind == kStepClose && g->state == kGenCreated)) {
        g->state = kGenFinished;
        s->state = kStepDone;
        if (s->kind == kStepClose) return raise_stop_iteration(None());
        return raise_exception(s->value);
      }
      Value exc = s->kind == kStepClose ? call0(Value(&GeneratorExitType)) : s->value;
      if (exc.is_null()) return exc;
      Rooted keep_exc(&exc);
      r = generator_throw(g, exc, &returned);
    }
  } else {
    r = generator_send(g, v, &returned);
  }
  return finish_step(s, r, returned);
}

Value step_iternext(Value self) { return step_send(self.as<AsyncGenStep>(), None()); }

Value step_send_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("send", nargs, kwnames, 1, 1)) return Value();
  return step_send(self.as<AsyncGenStep>(), args[0]);
}

Value step_throw_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("throw", nargs, kwnames, 1, 3)) return Value();
  AsyncGenStep* s = self.as<AsyncGenStep>();
  if (s->state == kStepDone) return raise(&RuntimeErrorType, "cannot reuse already awaited __anext__()/asend()");
  Value exc = args[0];
  if (isinstance(exc, &TypeType)) exc = call0(exc);
  if (exc.is_null()) return exc;
  Rooted keep(&exc);
  s->state = kStepIter;
  bool returned = false;
  Value r = generator_throw(s->gen, exc, &returned);
  return finish_step(s, r, returned);
}

Value step_close_method(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("close", nargs, kwnames, 0, 0)) return Value();
  self.as<AsyncGenStep>()->state = kStepDone;
  return None();
}

Value new_step(Value gen, Type* type, StepKind kind, Value value) {
  AsyncGenStep* s = gc_new<AsyncGenStep>(type);
  s->gen = gen.as<Generator>();
  s->value = value;
  s->kind = kind;
  s->state = kStepInit;
  return Value(s);
}

Value agen_aiter(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__aiter__", nargs, kwnames, 0, 0)) return Value();
  return self;
}
Value agen_anext(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__anext__", nargs, kwnames, 0, 0)) return Value();
  return new_step(self, &AsendType, kStepSend, None());
}
Value agen_asend(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("asend", nargs, kwnames, 1, 1)) return Value();
  return new_step(self, &AsendType, kStepSend, args[0]);
}
Value agen_athrow(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("athrow", nargs, kwnames, 1, 3)) return Value();
  Value exc = args[0];
  if (nargs >= 2 && !is_none(args[1])) exc = call1(args[0], args[1]);
  else if (isinstance(exc, &TypeType)) exc = call0(exc);
  if (exc.is_null()) return exc;
  if (!isinstance(exc, &BaseExceptionType))
    return raise(&TypeErrorType, "exceptions must be classes or instances deriving from BaseException, not %s",
                 type_name(exc));
  Rooted keep(&exc);
  return new_step(self, &AthrowType, kStepThrow, exc);
}
Value agen_aclose(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("aclose", nargs, kwnames, 0, 0)) return Value();
  return new_step(self, &AthrowType, kStepClose, Value());
}

Value step_await(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__await__", nargs, kwnames, 0, 0)) return Value();
  return self;
}

void ready_step_type(Type* t) {
  t->iter = [](Value self) { return self; };
  t->iternext = step_iternext;
  type_ready(t);
  type_add_method(t, "__await__", step_await);
  type_add_method(t, "send", step_send_method);
  type_add_method(t, "throw", step_throw_method);
  type_add_method(t, "close", step_close_method);
}

}  // namespace

void async_generators_init() {
  type_ready(&AsyncGeneratorType);
  type_add_method(&AsyncGeneratorType, "__aiter__", agen_aiter);
  type_add_method(&AsyncGeneratorType, "__anext__", agen_anext);
  type_add_method(&AsyncGeneratorType, "asend", agen_asend);
  type_add_method(&AsyncGeneratorType, "athrow", agen_athrow);
  type_add_method(&AsyncGeneratorType, "aclose", agen_aclose);
  ready_step_type(&AsendType);
  ready_step_type(&AthrowType);
}

}  // namespace pg
