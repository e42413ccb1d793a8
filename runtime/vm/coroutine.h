// The operations behind `await`, `async for` and `async with` (the eval
// loop's GET_AWAITABLE, GET_AITER, GET_ANEXT, BEFORE_ASYNC_WITH and
// GET_YIELD_FROM_ITER call these), and the coroutine_wrapper type that
// coroutine.__await__() returns. CoroutineType itself lives with
// GeneratorType in generator.cpp: they share the object layout.
#pragma once

#include "vm/generator.h"

namespace pg {

// What GET_AWAITABLE's operand says about where the object came from (it
// picks CPython's error message).
enum AwaitSource : uint32_t { kAwaitExpr = 0, kAwaitAenter = 1, kAwaitAexit = 2, kAwaitAnext = 3 };

// The iterator an `await o` drives: a coroutine itself, else what
// o.__await__() returns (which must be an iterator, not a coroutine).
Value get_awaitable(Value o, AwaitSource source);
// iter(o) for `yield from o`; a coroutine only inside a coroutine.
Value get_yield_from_iter(Value o, const Code* running);
// `async for`: o.__aiter__(), then for each step the awaitable of
// aiter.__anext__().
Value get_aiter(Value o);
Value get_anext(Value aiter);
// `async with`: the bound __aexit__ of mgr (checks the protocol first);
// then the awaitable of mgr.__aenter__().
Value async_with_exit_method(Value mgr);
Value async_with_enter(Value mgr);

}  // namespace pg
