// Helpers shared by the container unit tests (rt_str_test.cpp,
// rt_list_test.cpp, rt_dict_test.cpp, rt_tuple_range_test.cpp): build values,
// call methods by name, and render results or errors as text in CPython's
// words ("TypeError: ...").
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/layouts.h"
#include "objects/object.h"

namespace pg::test {

inline Value S(std::string_view text) { return Value(str_new(text)); }
inline Value I(int64_t v) { return int_value(v); }

inline std::string take_error() {
  if (!error_occurred()) return "<no error>";
  Value e = error_fetch();
  return std::string(type_name(e)) + ": " + exception_message(e);
}

// repr(v), or "!Type: message" when v is null (an error is pending).
inline std::string R(Value v) {
  if (v.is_null()) return "!" + take_error();
  Value r = obj_repr(v);
  if (r.is_null()) return "!repr failed: " + take_error();
  return std::string(str_view(r.as<Str>()));
}

// Text of a str value (no quotes).
inline std::string T(Value v) {
  if (v.is_null()) return "!" + take_error();
  if (!is_str(v)) return "<not a str: " + R(v) + ">";
  return std::string(str_view(v.as<Str>()));
}

// obj.name(*args, **{kwnames[i]: kwvalues[i]})
inline Value M(Value self, const char* name, std::vector<Value> args = {},
               std::vector<std::pair<const char*, Value>> kwargs = {}) {
  Value f = obj_getattr_cstr(self, name);
  if (f.is_null()) return f;
  Tuple* kwnames = nullptr;
  size_t nargs = args.size();
  if (!kwargs.empty()) {
    kwnames = tuple_new(int64_t(kwargs.size()));
    for (size_t i = 0; i < kwargs.size(); i++) {
      kwnames->items[i] = Value(str_intern(kwargs[i].first));
      args.push_back(kwargs[i].second);
    }
  }
  return call(f, args.data(), nargs, kwnames);
}

// Builds a list / tuple from values.
inline Value L(std::vector<Value> items) {
  return Value(list_from_array(items.data(), int64_t(items.size())));
}
inline Value Tup(std::vector<Value> items) {
  return Value(tuple_from_array(items.data(), int64_t(items.size())));
}

// Calls a type: list(x), str(), dict(...)
inline Value C(Type* type, std::vector<Value> args = {},
               std::vector<std::pair<const char*, Value>> kwargs = {}) {
  Tuple* kwnames = nullptr;
  size_t nargs = args.size();
  if (!kwargs.empty()) {
    kwnames = tuple_new(int64_t(kwargs.size()));
    for (size_t i = 0; i < kwargs.size(); i++) {
      kwnames->items[i] = Value(str_intern(kwargs[i].first));
      args.push_back(kwargs[i].second);
    }
  }
  return call(Value(type), args.data(), nargs, kwnames);
}

inline Value slice(Value start, Value stop, Value step = None()) {
  return slice_new(start, stop, step);
}

}  // namespace pg::test
