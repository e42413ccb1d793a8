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

namespace pg {

// Named tuples of the C modules (time.struct_time, os.stat_result,
// sys.float_info, ...), like CPython's structseq: a sequence of the first
// fields (indexing, len, iteration, comparison with tuples, repr
// "time.struct_time(tm_year=2024, ...)"), attribute access by name, and
// extra attributes outside the sequence (struct_time.tm_zone,
// stat_result.st_mtime as a float).
//   type  : a Type made by structseq_type() (its name is the repr prefix).
//   names : the sequence fields' names, then the extra attributes' names
//           (a tuple of str, kept alive by the caller, e.g. as a module
//           attribute);
//   values: the sequence values, then the extra values, in that order.
Type structseq_type(const char* name);
Value structseq_new(Type* type, Tuple* names, int64_t n_sequence, std::initializer_list<Value> values);
// A tuple of interned names, for structseq_new.
Tuple* structseq_names(std::initializer_list<const char*> names);

}  // namespace pg
