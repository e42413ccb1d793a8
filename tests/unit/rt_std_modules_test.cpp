// The standard library's C++ pieces seen from C++: SHA-512 against known
// digests (random.seed(str) depends on it, including the padding edge
// cases at 111/112 bytes), the import of bundled and built-in modules, and
// sys.path's layout (script directory, then the bundled library).
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "modules/sha512.h"
#include "objects/layouts.h"
#include "objects/object.h"
#include "vm/import.h"
#include "vm/thread_state.h"

namespace pg {
namespace {

std::string hex_prefix(std::string_view data) {
  std::array<uint8_t, 64> d = sha512(data);
  std::string out;
  char buf[3];
  for (int i = 0; i < 16; ++i) {
    snprintf(buf, sizeof buf, "%02x", d[i]);
    out += buf;
  }
  return out;
}

TEST(StdSha512, KnownDigests) {
  EXPECT_EQ(hex_prefix(""), "cf83e1357eefb8bdf1542850d66d8007");
  EXPECT_EQ(hex_prefix("abc"), "ddaf35a193617abacc417349ae204131");
  EXPECT_EQ(hex_prefix(std::string(111, 'a')), "fa9121c7b32b9e01733d034cfc78cbf6");
  EXPECT_EQ(hex_prefix(std::string(112, 'a')), "c01d080efd492776a1c43bd23dd99d0a");
  EXPECT_EQ(hex_prefix(std::string(1000, 'a')), "67ba5535a46e3f86dbfbed8cbbaf0125");
  EXPECT_EQ(hex_prefix("h\xc3\xa9llo"), "a67e831011aa41ebb2a218c8ff727f1c");
}

TEST(StdImport, BuiltinAndBundledModules) {
  for (const char* name : {"math", "_random", "itertools", "operator", "gc", "_collections", "random",
                           "collections", "heapq", "bisect", "copy", "textwrap", "keyword", "string"}) {
    Value m = import_module(name);
    ASSERT_FALSE(m.is_null()) << name;
    EXPECT_EQ(type_of(m), &ModuleType) << name;
  }
  Value missing = import_module("no_such_module_xyz");
  EXPECT_TRUE(missing.is_null());
  EXPECT_TRUE(error_matches(&ModuleNotFoundErrorType));
  error_clear();
}

TEST(StdImport, SysPathEndsWithTheBundledLibrary) {
  Value sys = import_module("sys");
  ASSERT_FALSE(sys.is_null());
  Value path = dict_get_str(module_dict(sys), str_intern("path"));
  ASSERT_FALSE(path.is_null());
  List* l = path.as<List>();
  ASSERT_GE(list_size(l), 2);
  std::string last(str_view(list_items(l)[list_size(l) - 1].as<Str>()));
  EXPECT_TRUE(last.ends_with("/lib")) << last;
  Value os = import_module("os.path");
  EXPECT_FALSE(os.is_null());
}

}  // namespace
}  // namespace pg
