// Small helpers shared by the standard library modules written in C++
// (math, random, itertools, operator, collections' deque, ...).
#pragma once

#include "objects/object.h"

namespace pg {

// operator.index(v) / PyNumber_Index: an int (v itself when it is one), else
// the result of type(v).__index__; TypeError "'str' object cannot be
// interpreted as an integer" otherwise.
Value number_index(Value v);

// The keyword argument `name` among the kwnames of a call, or null. Also
// checks that every keyword is one of `allowed` (TypeError "NAME() got an
// unexpected keyword argument 'x'" otherwise; `*error` is then set).
Value keyword_arg(const Value* args, size_t nargs, Tuple* kwnames, const char* name);
bool check_keywords(const char* fname, Tuple* kwnames, std::initializer_list<const char*> allowed);

// Registration of the modules in this folder (called by runtime_init).
void std_modules_register();

}  // namespace pg
