// Shared by the str files (str.cpp, str_intern.cpp, str_case.cpp,
// str_methods.cpp, str_split.cpp). Not for other code: use containers.h.
#pragma once

#include <cstddef>
#include <cstdint>

#include "objects/layouts.h"

namespace pg {

// The hash str uses (never -1).
int64_t str_hash_bytes(const char* p, size_t n);
// Builds the code point index of a long non-ASCII string (str.cpp).
void str_build_index(Str* s);

// s[b0:b1] by byte offsets on character boundaries (s itself when whole).
Str* str_bytes_substr(Str* s, int64_t b0, int64_t b1);
// First / last occurrence of needle in hay's bytes [b0, b1): a byte offset
// or -1. An empty needle matches at b0 / b1.
int64_t str_find_bytes(const Str* hay, const Str* needle, int64_t b0, int64_t b1);
int64_t str_rfind_bytes(const Str* hay, const Str* needle, int64_t b0, int64_t b1);
// v as a Str, else TypeError with `fmt` (which has one %s for the type name).
Str* str_arg(Value v, const char* fmt);

// Method registration of the files other than str.cpp.
void str_case_init();
void str_split_init();

}  // namespace pg
