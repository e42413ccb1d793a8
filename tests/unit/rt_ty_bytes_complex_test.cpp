// bytes/bytearray (bytes.cpp, bytearray.cpp, codecs.cpp), complex
// (complex.cpp, complex_text.cpp) and the printf engine (str_percent.cpp)
// through their C++ entry points: reprs, codec error ranges, parsing.
#include <cmath>

#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/gc.h"
#include "objects/str_format.h"
#include "rt_containers_util.h"

namespace pg {
namespace {

using namespace pg::test;

TEST(TyBytes, ReprPicksQuotesAndEscapes) {
  EXPECT_EQ(bytes_repr_text(std::string_view("a'b", 3)), "b\"a'b\"");
  EXPECT_EQ(bytes_repr_text(std::string_view("a'\"", 3)), "b'a\\'\"'");
  EXPECT_EQ(bytes_repr_text(std::string_view("\x00\t\xff", 3)), "b'\\x00\\t\\xff'");
  EXPECT_EQ(bytes_repr_text(std::string_view("'", 1), true), "b\"\\'\"");
  EXPECT_EQ(R(Value(bytes_new("xy"))), "b'xy'");
  EXPECT_EQ(R(bytearray_new("xy")), "bytearray(b'xy')");
}

TEST(TyBytes, ByteArrayGrowsAndKeepsData) {
  Value b = bytearray_new("");
  for (int i = 0; i < 1000; i++) bytearray_append_data(b.as<ByteArray>(), std::string_view("ab", 2));
  EXPECT_EQ(b.as<ByteArray>()->size, 2000);
  EXPECT_GE(b.as<ByteArray>()->capacity, 2000);
  EXPECT_EQ(b.as<ByteArray>()->data[1999], 'b');
}

TEST(TyBytes, Utf8DecodeErrorsCoverTheBrokenSequence) {
  EXPECT_EQ(R(bytes_decode("\xe2\x98", Value(), Value())),
            "!UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data");
  EXPECT_EQ(R(bytes_decode("a\xed\xa0\x80", Value(), Value())),
            "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 1: invalid continuation byte");
  EXPECT_EQ(R(bytes_decode("\xf0\x9f\x98\x80", Value(), Value())), "'\xf0\x9f\x98\x80'");
  EXPECT_EQ(R(bytes_decode("x", S("utf-9"), Value())), "!LookupError: unknown encoding: utf-9");
  EXPECT_EQ(R(bytes_decode("a\xff", S("ascii"), S("replace"))), "'a\xef\xbf\xbd'");
}

TEST(TyBytes, EncodeErrorCoversTheRun) {
  Value s = S("a\xc3\xa9\xc3\xa9z");
  EXPECT_EQ(R(str_encode(s.as<Str>(), S("ascii"), Value())),
            "!UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)");
  EXPECT_EQ(R(str_encode(s.as<Str>(), S("latin-1"), Value())), "b'a\\xe9\\xe9z'");
}

TEST(TyComplex, ReprLikeCpython) {
  EXPECT_EQ(complex_repr_text(0.0, 1.0), "1j");
  EXPECT_EQ(complex_repr_text(-0.0, -0.0), "(-0-0j)");
  EXPECT_EQ(complex_repr_text(0.0, -0.0), "-0j");
  EXPECT_EQ(complex_repr_text(NAN, INFINITY), "(nan+infj)");
  EXPECT_EQ(complex_repr_text(1.5, -2.0), "(1.5-2j)");
}

TEST(TyComplex, ParseForms) {
  double re, im;
  ASSERT_TRUE(complex_parse(" ( -1.5e3-2J ) ", &re, &im));
  EXPECT_EQ(re, -1500.0);
  EXPECT_EQ(im, -2.0);
  ASSERT_TRUE(complex_parse("-j", &re, &im));
  EXPECT_EQ(re, 0.0);
  EXPECT_EQ(im, -1.0);
  ASSERT_TRUE(complex_parse("1_000+1j", &re, &im));
  EXPECT_EQ(re, 1000.0);
  EXPECT_FALSE(complex_parse("1 + 2j", &re, &im));
  EXPECT_EQ(take_error(), "ValueError: complex() arg is a malformed string");
  EXPECT_FALSE(complex_parse("1__0", &re, &im));
  error_clear();
}

TEST(TyPercent, StrAndBytes) {
  Value args = Value(tuple_from({I(5), S("x")}));
  EXPECT_EQ(R(str_percent_format(S("%03d|%-3s|"), args)), "'005|x  |'");
  EXPECT_EQ(R(str_percent_format(S("%d"), args)),
            "!TypeError: not all arguments converted during string formatting");
  EXPECT_EQ(R(bytes_percent_format(Value(bytes_new("%c%s")), Value(tuple_from({I(65), Value(bytes_new("z"))})))),
            "b'Az'");
}

}  // namespace
}  // namespace pg
