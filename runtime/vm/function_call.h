// The general call machinery: binding arguments to a Python function's
// parameters (positional-only, defaults, keyword-only, *args, **kwargs) and
// the unpacking instructions (`f(*a, **k)`, `[*a]`, `{**m}`, `a, *b = x`).
//
// The eval loop's CALL binds plain positional calls itself (a copy into the
// new frame); everything else comes here, out of line.
#pragma once

#include <cstddef>
#include <cstdint>

#include "vm/frame.h"

namespace pg {

// Binds call arguments into a new frame's localsplus following the code's
// parameters: args[0..nargs) are positional, args[nargs..] the values of the
// keywords named by kwnames (strs). Returns false with TypeError set, with
// CPython's messages ("f() takes 2 positional arguments but 3 were given",
// "f() missing 1 required keyword-only argument: 'b'", ...). Allocates
// (the *args tuple, the **kwargs dict) but never runs Python code.
bool bind_frame_arguments(Function* fn, Value* localsplus, const Value* args, size_t nargs,
                          Tuple* kwnames);

// CALL_FUNCTION_EX: callable(*args, **kwargs). `args` is a tuple or any
// iterable, `kwargs` null, a dict or any mapping (CPython's errors:
// "f() argument after * must be an iterable, not int").
Value call_function_ex(Value callable, Value args, Value kwargs);

// The first step of CALL_FUNCTION_EX: makes *args a tuple and *kwargs (when
// not null) a dict, with the errors above. The slots must be rooted.
bool normalize_call_ex(Value callable, Value* args, Value* kwargs);

// LIST_EXTEND: list.extend(iterable) with "Value after * must be an
// iterable, not int" for non-iterables. -1 on error.
int list_extend_unpack(List* list, Value iterable);
// DICT_UPDATE (`{**m}`): "'int' object is not a mapping". -1 on error.
int dict_update_unpack(Dict* dict, Value mapping);
// DICT_MERGE (`f(**m)`): like dict_update_unpack but a key already present is
// "f() got multiple values for keyword argument 'x'". -1 on error.
int dict_merge_unpack(Value callable, Dict* dict, Value mapping);

// UNPACK_EX: splits `seq` into `before` items, a list of the middle and
// `after` items: out[0 .. before + 1 + after). False with ValueError
// ("not enough values to unpack (expected at least 2, got 1)") or TypeError.
bool unpack_starred(Value seq, uint32_t before, uint32_t after, Value* out);

// "__main__.f()", "len()", "C.m()" as CPython's error messages name a
// callable (_PyObject_FunctionStr).
std::string callable_display_name(Value callable);

}  // namespace pg
