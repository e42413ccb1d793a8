// Shared by the two files of the itertools module. Not for other code.
#pragma once

#include <vector>

#include "objects/gc.h"
#include "objects/object.h"

namespace pg::itertools_detail {

// The one layout of every itertools iterator. Each type documents what its
// slots hold; unused ones stay null / 0.
//   v       : Values (traced).
//   n       : counters.
//   indices : the index vector of product/permutations/combinations (and
//             permutations' cycles after the first r entries); null for
//             the others; freed by the finalizer.
struct ItObject : Object {
  Value v[6];
  int64_t n[4];
  std::vector<int64_t>* indices;
};

using ConstructFn = Value (*)(Type*, const Value*, size_t, Tuple*);
Type make_type(const char* name, ConstructFn construct, Value (*iternext)(Value));
ItObject* it_new(Type* type);
bool no_keywords(const char* name, Tuple* kwnames);

// itertools_combinatorics.cpp: readies its types / adds them to the module.
void combinatorics_ready();
void combinatorics_add(Value module);

}  // namespace pg::itertools_detail
