// Shared by the files of the builtins module. Not for other code.
//   builtins.cpp         the namespace, print, object/attribute/number functions
//   builtins_iter.cpp    iterator types (enumerate, zip, ...), iter, next
//   builtins_reduce.cpp  min, max, sum, sorted, any, all
//   builtins_format.cpp  format, hex, oct, bin; format_value (modules.h)
//   builtins_introspect.cpp  globals, locals, dir, exec, eval, compile, __import__
#pragma once

#include <cstddef>
#include <initializer_list>

#include "objects/object.h"

namespace pg::builtins_detail {

// CPython's _PyArg_CheckPositional messages, which differ from the ones
// check_nargs() gives for one-argument functions:
//   "sorted expected 1 argument, got 0", "iter expected at most 2 arguments, got 3".
bool expect_positional(const char* fname, size_t nargs, size_t min, size_t max);

// "NAME() takes no keyword arguments" when kwnames is non-empty.
bool reject_keywords(const char* fname, Tuple* kwnames);

// Matches keyword-only arguments (values follow the positionals in `args`)
// against `names`; out[i] is null when not given. An unknown name raises
// "'x' is an invalid keyword argument for NAME()" (CPython's message for
// keyword-only parameters of C functions).
bool parse_keywords(const char* fname, const Value* kwvalues, Tuple* kwnames,
                    std::initializer_list<const char*> names, Value* out);

// Adds the iterator types, iter and next (builtins_iter.cpp).
void builtins_iter_init(Dict* builtins);
// Adds min, max, sum, sorted, any, all (builtins_reduce.cpp).
void builtins_reduce_init(Dict* builtins);
// Adds globals, locals, dir, exec, eval, compile, __import__
// (builtins_introspect.cpp).
void builtins_introspect_init(Dict* builtins);
// Adds format, hex, oct, bin (builtins_format.cpp).
void builtins_format_init(Dict* builtins);

}  // namespace pg::builtins_detail
