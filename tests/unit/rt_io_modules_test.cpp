// The io / json / struct / array / atexit / warnings modules seen from C++:
// they import (built-in and bundled parts), _struct packs with the byte
// order asked, _json.decode reports malformed text as a (message, index)
// tuple instead of raising, and atexit runs its callbacks last-first.
#include <gtest/gtest.h>

#include <string>

#include "modules/modules.h"
#include "objects/bytes.h"
#include "objects/layouts.h"
#include "objects/object.h"
#include "vm/import.h"

namespace pg {
namespace {

Value module_function(const char* module, const char* name) {
  Value m = import_module(module);
  if (m.is_null()) return m;
  return dict_get_str(module_dict(m), str_intern(name));
}

TEST(IoModules, Import) {
  for (const char* name : {"_io_fd", "io", "_json", "json", "_struct", "struct", "array", "atexit", "warnings"}) {
    Value m = import_module(name);
    ASSERT_FALSE(m.is_null()) << name;
    EXPECT_EQ(type_of(m), &ModuleType) << name;
  }
}

TEST(IoModules, StructPacksByByteOrder) {
  Value pack = module_function("_struct", "pack");
  ASSERT_FALSE(pack.is_null());
  Value little[2] = {str_from_cstr("<hI"), Value::small(258)};
  Value args[3] = {little[0], little[1], Value::small(1)};
  Value r = call(pack, args, 3);
  ASSERT_FALSE(r.is_null());
  std::string_view data;
  ASSERT_TRUE(bytes_view(r, &data));
  EXPECT_EQ(std::string(data), std::string("\x02\x01\x01\x00\x00\x00", 6));
  args[0] = str_from_cstr(">hI");
  r = call(pack, args, 3);
  ASSERT_TRUE(bytes_view(r, &data));
  EXPECT_EQ(std::string(data), std::string("\x01\x02\x00\x00\x00\x01", 6));
}

TEST(IoModules, JsonDecodeErrorTuple) {
  Value decode = module_function("_json", "decode");
  ASSERT_FALSE(decode.is_null());
  Value args[2] = {str_from_cstr("[1, \xc3\xa9]"), True()};
  Value r = call(decode, args, 2);
  ASSERT_FALSE(r.is_null());
  ASSERT_EQ(type_of(r), &TupleType);
  Tuple* t = r.as<Tuple>();
  EXPECT_EQ(std::string(str_view(tuple_items(t)[0].as<Str>())), "Expecting value");
  EXPECT_EQ(tuple_items(t)[1].small_value(), 4);  // a char index, not a byte offset
  args[0] = str_from_cstr("{\"a\": [true, null]}");
  r = call(decode, args, 2);
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(type_of(r), &DictType);
}

TEST(IoModules, AtexitRunsLastFirst) {
  Value reg = module_function("atexit", "register");
  ASSERT_FALSE(reg.is_null());
  Value log = Value(list_new(0));
  Rooted keep(&log);
  Value append = obj_getattr_cstr(log, "append");
  Rooted keep_append(&append);
  for (int i = 0; i < 3; ++i) {
    Value args[2] = {append, Value::small(i)};
    ASSERT_FALSE(call(reg, args, 2).is_null());
  }
  atexit_run_callbacks();
  ASSERT_EQ(list_size(log.as<List>()), 3);
  EXPECT_EQ(list_items(log.as<List>())[0].small_value(), 2);
  EXPECT_EQ(list_items(log.as<List>())[2].small_value(), 0);
  atexit_run_callbacks();  // the list was consumed
  EXPECT_EQ(list_size(log.as<List>()), 3);
}

}  // namespace
}  // namespace pg
