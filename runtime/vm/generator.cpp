// Generator objects (see generator.h): creation, resumption, the iterator
// protocol and send/throw/close.
#include "vm/generator.h"

#include <cstring>

#include "objects/gc.h"
#include "objects/type.h"
#include "vm/eval.h"

namespace pg {

namespace {

void generator_trace(Object* self, Visitor& v) {
  Generator* g = static_cast<Generator*>(self);
  v.visit(Value(g->name));
  v.visit(Value(g->qualname));
  v.visit(g->return_value);
  if (g->state != kGenFinished) frame_trace(&g->frame, v);
  else v.visit(Value(g->frame.code));
}

Value generator_repr(Value self) {
  Generator* g = self.as<Generator>();
  char buf[512];
  snprintf(buf, sizeof buf, "<generator object %s at %p>", str_cstr(g->qualname), (void*)g);
  return str_from_cstr(buf);
}

Value generator_iter(Value self) { return self; }

// next(gen): StopIteration is reported as exhaustion (null, no error).
Value generator_iternext(Value self) {
  bool returned = false;
  return generator_resume(self.as<Generator>(), None(), Value(), &returned);
}

Value raise_stop_iteration(Value value) {
  if (is_none(value)) return raise_exception(Value(&StopIterationType));
  Value exc = call1(Value(&StopIterationType), value);
  if (exc.is_null()) return exc;
  return raise_exception(exc);
}

Value gen_send(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("send", nargs, kwnames, 1, 1)) return Value();
  Generator* g = self.as<Generator>();
  if (g->state == kGenCreated && !is_none(args[0]))
    return raise(&TypeErrorType, "can't send non-None value to a just-started generator");
  bool returned = false;
  Value r = generator_resume(g, args[0], Value(), &returned);
  if (r.is_null() && !error_occurred()) return raise_stop_iteration(returned ? g->return_value : None());
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
  bool returned = false;
  Value r = generator_resume(g, None(), exc, &returned);
  if (r.is_null() && !error_occurred()) return raise_stop_iteration(returned ? g->return_value : None());
  return r;
}

Value gen_close(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("close", nargs, kwnames, 0, 0)) return Value();
  Generator* g = self.as<Generator>();
  if (g->state == kGenCreated || g->state == kGenFinished) {
    g->state = kGenFinished;
    return None();
  }
  // Throw GeneratorExit in at the yield: it may run cleanup code; yielding
  // again is an error, returning or re-raising GeneratorExit is fine.
  Value exc = call0(Value(&GeneratorExitType));
  if (exc.is_null()) return exc;
  bool returned = false;
  Value r = generator_resume(g, None(), exc, &returned);
  if (!r.is_null()) return raise(&RuntimeErrorType, "generator ignored GeneratorExit");
  if (error_occurred()) {
    if (error_matches(&GeneratorExitType) || error_matches(&StopIterationType)) {
      error_clear();
      return None();
    }
    return Value();
  }
  return None();
}

Value generator_getattr(Value self, Str* name) {
  Generator* g = self.as<Generator>();
  std::string_view n = str_view(name);
  if (n == "__name__") return Value(g->name);
  if (n == "__qualname__") return Value(g->qualname);
  if (n == "gi_running") return Bool(g->state == kGenRunning);
  if (n == "gi_code") return Value(g->frame.code);
  if (n == "gi_frame") return g->state == kGenFinished ? None() : Value(frame_get_object(&g->frame));
  return generic_getattr(self, name);
}

}  // namespace

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

Generator* generator_new(Function* fn, const Value* bound_locals) {
  Code* code = fn->code;
  size_t size = sizeof(Generator) + sizeof(Value) * size_t(code->framesize);
  Generator* g = static_cast<Generator*>(gc_alloc(&GeneratorType, size));
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
  switch (gen->state) {
    case kGenRunning: return raise(&ValueErrorType, "generator already executing");
    case kGenFinished:
      if (!exc.is_null()) return raise_exception(exc);
      return Value();
    default: break;
  }
  if (gen->state == kGenCreated && !exc.is_null()) {
    // Throwing into a generator that never ran: it finishes at once.
    gen->state = kGenFinished;
    return raise_exception(exc);
  }
  Value holder(gen);
  Rooted keep(&holder);
  bool first = gen->state == kGenCreated;
  gen->state = kGenRunning;
  Value r = eval_generator_frame(&gen->frame, first ? Value() : value, exc);
  if (gen->state == kGenFinished) {
    // The frame returned or raised (the eval loop marked it finished).
    if (!r.is_null()) {
      gen->return_value = r;
      *returned = true;
      return Value();
    }
    return r;
  }
  gen->state = kGenSuspended;
  return r;
}

void generators_init() {
  type_ready(&GeneratorType);
  type_add_method(&GeneratorType, "send", gen_send);
  type_add_method(&GeneratorType, "throw", gen_throw);
  type_add_method(&GeneratorType, "close", gen_close);
}

}  // namespace pg
