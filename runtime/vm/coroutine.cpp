// Coroutine support (see coroutine.h): awaitables, async iteration, async
// context managers and coroutine_wrapper. Coroutine objects are generators
// with another type (generator.cpp); `await x` compiles to
// GET_AWAITABLE + the same SEND/YIELD_VALUE loop as `yield from x`.
#include "vm/coroutine.h"

#include "objects/exceptions.h"
#include "objects/gc.h"
#include "objects/type.h"

namespace pg {

namespace {

// What coroutine.__await__() returns: an iterator over the coroutine, so
// that a custom awaitable can delegate to one (`return coro.__await__()`).
//   coroutine : the coroutine driven; always set.
struct CoroutineWrapper : Object {
  Generator* coroutine;
};

Type CoroutineWrapperType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "coroutine_wrapper";
  t.base = &ObjectType;
  t.instance_size = sizeof(CoroutineWrapper);
  t.iter = [](Value self) { return self; };
  t.iternext = [](Value self) {
    bool returned = false;
    Generator* g = self.as<CoroutineWrapper>()->coroutine;
    Value r = generator_send(g, None(), &returned);
    // A coroutine's return value ends the iteration as StopIteration(value).
    if (r.is_null() && returned && !is_none(g->return_value)) return raise_stop_iteration(g->return_value);
    return r;
  };
  t.trace = [](Object* self, Visitor& v) { v.visit(Value(static_cast<CoroutineWrapper*>(self)->coroutine)); };
  return t;
}();

Generator* wrapped(Value self) { return self.as<CoroutineWrapper>()->coroutine; }

Value wrapper_forward(Value self, const char* name, const Value* args, size_t nargs, Tuple* kwnames) {
  Value meth = obj_getattr_cstr(Value(wrapped(self)), name);
  if (meth.is_null()) return meth;
  return call(meth, args, nargs, kwnames);
}

Value coro_await(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__await__", nargs, kwnames, 0, 0)) return Value();
  CoroutineWrapper* w = gc_new<CoroutineWrapper>(&CoroutineWrapperType);
  w->coroutine = self.as<Generator>();
  return Value(w);
}

bool is_coroutine_value(Value v) { return v.is_obj() && v.obj()->type == &CoroutineType; }

}  // namespace

Value get_awaitable(Value o, AwaitSource source) {
  static Str* const kAwait = str_intern("__await__");
  if (is_coroutine_value(o)) {
    if (!generator_yield_from(o.as<Generator>()).is_null())
      return raise(&RuntimeErrorType, "coroutine is being awaited already");
    return o;
  }
  bool found = false;
  Value it = call_special(o, kAwait, nullptr, 0, &found);
  if (!found) {
    switch (source) {
      case kAwaitAenter:
        return raise(&TypeErrorType,
                     "'async with' received an object from __aenter__ that does not implement __await__: %s",
                     type_name(o));
      case kAwaitAexit:
        return raise(&TypeErrorType,
                     "'async with' received an object from __aexit__ that does not implement __await__: %s",
                     type_name(o));
      case kAwaitAnext:
        return raise(&TypeErrorType, "'async for' received an invalid object from __anext__: %s", type_name(o));
      default: return raise(&TypeErrorType, "object %s can't be used in 'await' expression", type_name(o));
    }
  }
  if (it.is_null()) return it;
  if (is_generator_like(it)) {
    if (is_coroutine_value(it)) return raise(&TypeErrorType, "__await__() returned a coroutine");
    return it;
  }
  if (type_of(it)->iternext == nullptr)
    return raise(&TypeErrorType, "__await__() returned non-iterator of type '%s'", type_name(it));
  return it;
}

Value get_yield_from_iter(Value o, const Code* running) {
  if (is_coroutine_value(o)) {
    if (!(running->flags & kCodeCoroutine))
      return raise(&TypeErrorType, "cannot 'yield from' a coroutine object in a non-coroutine generator");
    return o;
  }
  if (is_generator_like(o)) return o;
  return obj_iter(o);
}

Value get_aiter(Value o) {
  static Str* const kAiter = str_intern("__aiter__");
  static Str* const kAnext = str_intern("__anext__");
  bool found = false;
  Value it = call_special(o, kAiter, nullptr, 0, &found);
  if (!found) return raise(&TypeErrorType, "'async for' requires an object with __aiter__ method, got %s", type_name(o));
  if (it.is_null()) return it;
  if (type_lookup(type_of(it), kAnext).is_null())
    return raise(&TypeErrorType,
                 "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                 type_name(it));
  return it;
}

Value get_anext(Value aiter) {
  static Str* const kAnext = str_intern("__anext__");
  bool found = false;
  Value r = call_special(aiter, kAnext, nullptr, 0, &found);
  if (!found)
    return raise(&TypeErrorType, "'async for' requires an iterator with __anext__ method, got %s", type_name(aiter));
  if (r.is_null()) return r;
  Rooted keep(&r);
  return get_awaitable(r, kAwaitAnext);
}

Value async_with_exit_method(Value mgr) {
  static Str* const kAenter = str_intern("__aenter__");
  static Str* const kAexit = str_intern("__aexit__");
  Type* t = type_of(mgr);
  if (type_lookup(t, kAenter).is_null())
    return raise(&TypeErrorType, "'%s' object does not support the asynchronous context manager protocol",
                 t->name);
  Value exit = type_lookup(t, kAexit);
  if (exit.is_null())
    return raise(&TypeErrorType,
                 "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                 t->name);
  Type* et = type_of(exit);
  return et->descr_get ? et->descr_get(exit, mgr, t) : exit;
}

Value async_with_enter(Value mgr) {
  static Str* const kAenter = str_intern("__aenter__");
  bool found = false;
  Value r = call_special(mgr, kAenter, nullptr, 0, &found);
  if (!found && !error_occurred()) return raise(&AttributeErrorType, "__aenter__");
  if (r.is_null()) return r;
  Rooted keep(&r);
  return get_awaitable(r, kAwaitAenter);
}

void coroutines_init() {
  type_add_method(&CoroutineType, "__await__", coro_await);
  type_ready(&CoroutineWrapperType);
  type_add_method(&CoroutineWrapperType, "send", [](Value self, const Value* a, size_t n, Tuple* k) {
    return wrapper_forward(self, "send", a, n, k);
  });
  type_add_method(&CoroutineWrapperType, "throw", [](Value self, const Value* a, size_t n, Tuple* k) {
    return wrapper_forward(self, "throw", a, n, k);
  });
  type_add_method(&CoroutineWrapperType, "close", [](Value self, const Value* a, size_t n, Tuple* k) {
    return wrapper_forward(self, "close", a, n, k);
  });
}

}  // namespace pg
