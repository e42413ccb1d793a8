// Shared by the two files of the `_json` module: json_module.cpp (the
// decoder and the module table) and json_encode.cpp (the encoder).
#pragma once

#include "objects/object.h"

namespace pg {

constexpr int kJsonMaxDepth = 1000;  // nesting before RecursionError (no C stack overflow)

// encode(obj, ensure_ascii, allow_nan, sort_keys, skipkeys, check_circular,
//        indent, item_separator, key_separator, default) and the string
// escapers encode_basestring / encode_basestring_ascii (json_encode.cpp).
Value json_encode(Value, const Value* args, size_t nargs, Tuple* kwnames);
Value json_encode_basestring(Value, const Value* args, size_t nargs, Tuple* kwnames);
Value json_encode_basestring_ascii(Value, const Value* args, size_t nargs, Tuple* kwnames);

}  // namespace pg
