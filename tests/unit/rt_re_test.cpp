// The `_pcre` core of `re` (modules/re_pcre.cpp) seen from C++: handles are
// shared by equal patterns, offsets are code point indices on non-ASCII
// str subjects, the empty-match rule of Python 3.7+, bytes mode, and errors
// (compile errors come back as (message, offset), wrong subject types raise
// TypeError).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "objects/bytes.h"
#include "objects/layouts.h"
#include "objects/object.h"
#include "vm/import.h"
#include "vm/thread_state.h"

namespace pg {
namespace {

Value pcre_fn(const char* name) {
  Value m = import_module("_pcre");
  EXPECT_FALSE(m.is_null());
  return dict_get_str(module_dict(m), str_intern(name));
}

Value compile(Value pattern, int64_t options = 0) {
  Value args[2] = {pattern, int_from_i64(options)};
  return call(pcre_fn("compile"), args, 2);
}

// scan(...) as a vector of offset vectors; empty with an error pending on failure.
std::vector<std::vector<int64_t>> scan(Value handle, Value subject, int64_t pos, int64_t endpos,
                                       int64_t mode, int64_t maxcount) {
  Value args[6] = {handle, subject, int_from_i64(pos), int_from_i64(endpos), int_from_i64(mode),
                   int_from_i64(maxcount)};
  Value r = call(pcre_fn("scan"), args, 6);
  std::vector<std::vector<int64_t>> out;
  if (r.is_null()) return out;
  List* l = r.as<List>();
  for (int64_t i = 0; i < list_size(l); ++i) {
    Tuple* t = list_items(l)[i].as<Tuple>();
    std::vector<int64_t> offsets;
    for (int64_t j = 0; j < tuple_size(t); ++j) {
      int64_t v = 0;
      int_to_i64(tuple_items(t)[j], &v);
      offsets.push_back(v);
    }
    out.push_back(offsets);
  }
  return out;
}

Value str(const char* s) { return Value(str_new(s)); }

TEST(ReCore, EqualPatternsShareAHandle) {
  Value a = compile(str("ab+c"));
  Value b = compile(str("ab+c"));
  Value c = compile(str("ab+c"), 8);  // other options: another code
  int64_t ha = -1, hb = -2, hc = -3;
  ASSERT_TRUE(int_to_i64(a, &ha) && int_to_i64(b, &hb) && int_to_i64(c, &hc));
  EXPECT_EQ(ha, hb);
  EXPECT_NE(ha, hc);
}

TEST(ReCore, OffsetsAreCodePointIndices) {
  Value h = compile(str("(\\w)(x)?"), 0x00020000 /* PCRE2_UCP */);
  auto found = scan(h, str("\xc3\xa9t\xc3\xa9"), 0, 100, 0, 0);  // "été"
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0], (std::vector<int64_t>{0, 1, 0, 1, -1, -1}));
  EXPECT_EQ(found[2], (std::vector<int64_t>{2, 3, 2, 3, -1, -1}));
  // pos/endpos are code points too; endpos beyond the end is clamped.
  auto window = scan(h, str("\xc3\xa9t\xc3\xa9"), 1, 2, 0, 0);
  ASSERT_EQ(window.size(), 1u);
  EXPECT_EQ(window[0][0], 1);
}

TEST(ReCore, EmptyMatchesFollowPython37) {
  Value h = compile(str("x*"));
  auto found = scan(h, str("abxd"), 0, 100, 0, 0);
  std::vector<std::vector<int64_t>> expected = {{0, 0}, {1, 1}, {2, 3}, {3, 3}, {4, 4}};
  EXPECT_EQ(found, expected);
  EXPECT_EQ(scan(h, str("abxd"), 0, 100, 0, 2).size(), 2u);  // maxcount
}

TEST(ReCore, AnchoredModes) {
  Value h = compile(str("b+"));
  EXPECT_TRUE(scan(h, str("abb"), 0, 100, 1, 1).empty());  // match at 0 fails
  EXPECT_EQ(scan(h, str("abb"), 1, 100, 1, 1).size(), 1u);
  EXPECT_TRUE(scan(h, str("abba"), 1, 100, 2, 1).empty());  // fullmatch needs the end
  EXPECT_EQ(scan(h, str("abba"), 1, 3, 2, 1).size(), 1u);
  EXPECT_FALSE(error_occurred());
}

TEST(ReCore, BytesPatternsAndTypeErrors) {
  Value h = compile(Value(bytes_new("\\d+")));
  auto found = scan(h, Value(bytes_new("a\xe9 12")), 0, 100, 0, 0);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], (std::vector<int64_t>{3, 5}));
  EXPECT_TRUE(scan(h, str("12"), 0, 100, 0, 0).empty());
  EXPECT_TRUE(error_matches(&TypeErrorType));
  error_clear();
  Value s = compile(str("a"));
  EXPECT_TRUE(scan(s, Value(bytes_new("a")), 0, 100, 0, 0).empty());
  EXPECT_TRUE(error_matches(&TypeErrorType));
  error_clear();
}

TEST(ReCore, CompileErrorsComeBackAsATuple) {
  Value r = compile(str("(a"));
  ASSERT_FALSE(r.is_null());
  ASSERT_TRUE(r.is_obj() && type_of(r) == &TupleType);
  Tuple* t = r.as<Tuple>();
  EXPECT_EQ(std::string(str_view(tuple_items(t)[0].as<Str>())), "missing closing parenthesis");
  Value bad_handle[6] = {int_from_i64(1 << 30), str("x"), int_from_i64(0), int_from_i64(1),
                         int_from_i64(0), int_from_i64(0)};
  EXPECT_TRUE(call(pcre_fn("scan"), bad_handle, 6).is_null());
  EXPECT_TRUE(error_matches(&ValueErrorType));
  error_clear();
}

}  // namespace
}  // namespace pg
