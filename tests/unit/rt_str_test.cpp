// str (str.cpp, str_case.cpp, str_methods.cpp): representation, repr,
// hashing, indexing/slicing by code point, operators and the methods, with
// results and error messages as CPython 3.11 gives them.
#include <string>

#include "rt_containers_util.h"

namespace pg {
namespace {

using namespace pg::test;

TEST(Str, NewCountsCodePoints) {
  Str* a = str_new("hello");
  EXPECT_EQ(a->length, 5);
  EXPECT_EQ(a->nbytes, 5);
  EXPECT_EQ(a->ascii, 1);
  EXPECT_EQ(a->hash, -1);
  EXPECT_STREQ(str_cstr(a), "hello");
  Str* u = str_new("h\xC3\xA9llo \xF0\x9F\x98\x80");  // "héllo 😀"
  EXPECT_EQ(u->length, 7);
  EXPECT_EQ(u->nbytes, 11);
  EXPECT_EQ(u->ascii, 0);
  EXPECT_EQ(str_codepoint_at(u, 1), 0xE9u);
  EXPECT_EQ(str_codepoint_at(u, 6), 0x1F600u);
}

TEST(Str, SharedEmptyAndSingleCharacters) {
  EXPECT_EQ(str_new(""), str_empty());
  EXPECT_EQ(str_new("a"), str_new("a"));
  EXPECT_EQ(str_new("\xC3\xA9"), str_from_codepoint(0xE9));
  EXPECT_TRUE(str_new("a")->interned);
}

TEST(Str, Interning) {
  Str* a = str_intern("some_name");
  Str* b = str_intern("some_name");
  EXPECT_EQ(a, b);
  EXPECT_TRUE(a->interned);
  Str* c = str_new("some_name");
  EXPECT_NE(c, a);
  EXPECT_EQ(str_intern_str(c), a);
  Str* d = str_new("fresh_unique_name_123");
  EXPECT_EQ(str_intern_str(d), d);
  EXPECT_EQ(str_intern("fresh_unique_name_123"), d);
  // Many names force the table to grow.
  for (int i = 0; i < 5000; i++) str_intern("name" + std::to_string(i));
  EXPECT_EQ(str_intern("name1234"), str_intern("name1234"));
  EXPECT_EQ(str_intern("some_name"), a);
}

TEST(Str, HashIsCachedStableAndNeverMinusOne) {
  Str* a = str_new("abcdefghijklmnopq");
  Str* b = str_new("abcdefghijklmnopq");
  int64_t h = str_hash(a);
  EXPECT_EQ(a->hash, h);
  EXPECT_EQ(str_hash(b), h);
  EXPECT_NE(h, -1);
  EXPECT_NE(str_hash(str_new("abcdefghijklmnopr")), h);
  int64_t out;
  EXPECT_TRUE(obj_hash(Value(a), &out));
  EXPECT_EQ(out, h);
  EXPECT_EQ(str_hash(str_intern("abcdefghijklmnopq")), h);
}

TEST(Str, Repr) {
  EXPECT_EQ(str_repr_text("abc"), "'abc'");
  EXPECT_EQ(str_repr_text("it's"), "\"it's\"");
  EXPECT_EQ(str_repr_text("say \"hi\""), "'say \"hi\"'");
  EXPECT_EQ(str_repr_text("both ' and \""), "'both \\' and \"'");
  EXPECT_EQ(str_repr_text("tab\tnl\ncr\r"), "'tab\\tnl\\ncr\\r'");
  EXPECT_EQ(str_repr_text("back\\slash"), "'back\\\\slash'");
  EXPECT_EQ(str_repr_text(std::string_view("\x00\x1f\x7f", 3)), "'\\x00\\x1f\\x7f'");
  EXPECT_EQ(str_repr_text("\xC3\xA9\xE6\x97\xA5"), "'\xC3\xA9\xE6\x97\xA5'");  // printable kept
  EXPECT_EQ(str_repr_text("\xC2\xA0"), "'\\xa0'");                           // NBSP
  EXPECT_EQ(str_repr_text("\xC2\xAD"), "'\\xad'");                           // soft hyphen
  EXPECT_EQ(str_repr_text("\xE2\x80\x8B"), "'\\u200b'");                     // zero width space
  EXPECT_EQ(str_repr_text("\xF3\xA0\x80\x81"), "'\\U000e0001'");             // language tag
  EXPECT_EQ(str_repr_text("\xF0\x9F\x98\x80"), "'\xF0\x9F\x98\x80'");
  EXPECT_EQ(R(S("")), "''");
}

TEST(Str, CompareByCodePoint) {
  EXPECT_EQ(str_compare(str_new("abc"), str_new("abd")), -1);
  EXPECT_EQ(str_compare(str_new("ab"), str_new("abc")), -1);
  EXPECT_EQ(str_compare(str_new("B"), str_new("a")), -1);
  EXPECT_EQ(str_compare(str_new("\xC3\xA9"), str_new("z")), 1);
  EXPECT_EQ(str_compare(str_new("\xEF\xBF\xBF"), str_new("\xF0\x9F\x98\x80")), -1);
  EXPECT_EQ(obj_compare_bool(S("a"), S("b"), CompareOp::Lt), 1);
  EXPECT_EQ(obj_compare_bool(S("a"), S("a"), CompareOp::Ge), 1);
  EXPECT_EQ(obj_eq(S("abc"), S("abc")), 1);
  EXPECT_EQ(obj_eq(S("abc"), I(1)), 0);
  EXPECT_EQ(R(obj_compare(S("x"), I(1), CompareOp::Lt)),
            "!TypeError: '<' not supported between instances of 'str' and 'int'");
}

TEST(Str, ConcatAndRepeat) {
  EXPECT_EQ(T(binary_op(S("ab"), S("cd"), BinaryOp::Add)), "abcd");
  EXPECT_EQ(T(binary_op(S("ab"), S("\xC3\xA9"), BinaryOp::InplaceAdd)), "ab\xC3\xA9");
  EXPECT_EQ(str_length(str_concat(str_new("a"), str_new("\xC3\xA9"))), 2);
  EXPECT_EQ(T(binary_op(S("ab"), I(3), BinaryOp::Mul)), "ababab");
  EXPECT_EQ(T(binary_op(I(2), S("xy"), BinaryOp::Mul)), "xyxy");
  EXPECT_EQ(T(binary_op(S("ab"), I(0), BinaryOp::Mul)), "");
  EXPECT_EQ(T(binary_op(S("ab"), I(-5), BinaryOp::Mul)), "");
  EXPECT_EQ(T(binary_op(S("a"), True(), BinaryOp::Mul)), "a");
  EXPECT_EQ(R(binary_op(S("a"), I(1), BinaryOp::Add)),
            "!TypeError: can only concatenate str (not \"int\") to str");
  EXPECT_EQ(R(binary_op(I(1), S("a"), BinaryOp::Add)),
            "!TypeError: unsupported operand type(s) for +: 'int' and 'str'");
  EXPECT_EQ(R(binary_op(S("a"), S("b"), BinaryOp::Mul)),
            "!TypeError: can't multiply sequence by non-int of type 'str'");
  EXPECT_EQ(R(binary_op(float_new(2.5), S("a"), BinaryOp::Mul)),
            "!TypeError: can't multiply sequence by non-int of type 'float'");
  EXPECT_EQ(R(binary_op(S("ab"), I(int64_t(1) << 62), BinaryOp::Mul)),
            "!OverflowError: repeated string is too long");
  // Long repeats use doubling copies.
  Value big = binary_op(S("abc"), I(1000), BinaryOp::Mul);
  EXPECT_EQ(str_length(big.as<Str>()), 3000);
  EXPECT_EQ(str_view(big.as<Str>()).substr(2997), "abc");
}

TEST(Str, IndexNegativeAndErrors) {
  Value s = S("abc");
  EXPECT_EQ(T(obj_getitem(s, I(0))), "a");
  EXPECT_EQ(T(obj_getitem(s, I(-1))), "c");
  EXPECT_EQ(T(obj_getitem(s, I(-3))), "a");
  EXPECT_EQ(R(obj_getitem(s, I(3))), "!IndexError: string index out of range");
  EXPECT_EQ(R(obj_getitem(s, I(-4))), "!IndexError: string index out of range");
  EXPECT_EQ(R(obj_getitem(s, S("x"))), "!TypeError: string indices must be integers, not 'str'");
  EXPECT_EQ(R(obj_getitem(s, float_new(1.5))),
            "!TypeError: string indices must be integers, not 'float'");
  EXPECT_EQ(R(obj_getitem(s, int_from_string("2" + std::string(30, '0'), 10))),
            "!IndexError: cannot fit 'int' into an index-sized integer");
  EXPECT_EQ(T(obj_getitem(s, True())), "b");
  Value u = S("a\xC3\xA9\xE6\x97\xA5\xF0\x9D\x84\x9Ez");  // aé日𝄞z
  EXPECT_EQ(T(obj_getitem(u, I(3))), "\xF0\x9D\x84\x9E");
  EXPECT_EQ(T(obj_getitem(u, I(-2))), "\xF0\x9D\x84\x9E");
  EXPECT_EQ(T(obj_getitem(u, I(1))), "\xC3\xA9");
}

TEST(Str, LongNonAsciiIndexing) {
  // Long enough for the code point index (crumbs); mixed widths.
  std::string text;
  std::vector<std::string> chars;
  for (int i = 0; i < 1000; i++) {
    std::string c = i % 3 == 0 ? "x" : i % 3 == 1 ? "\xC3\xA9" : "\xF0\x9F\x98\x80";
    chars.push_back(c);
    text += c;
  }
  Value s = S(text);
  ASSERT_EQ(str_length(s.as<Str>()), 1000);
  for (int i : {0, 1, 2, 31, 32, 33, 63, 64, 65, 500, 998, 999}) {
    EXPECT_EQ(T(obj_getitem(s, I(i))), chars[size_t(i)]) << i;
    EXPECT_EQ(T(obj_getitem(s, I(i - 1000))), chars[size_t(i)]) << i;
  }
  std::string expect;
  for (int i = 100; i < 200; i++) expect += chars[size_t(i)];
  EXPECT_EQ(T(obj_getitem(s, slice(I(100), I(200)))), expect);
  std::string rev;
  for (int i = 999; i >= 0; i -= 7) rev += chars[size_t(i)];
  EXPECT_EQ(T(obj_getitem(s, slice(None(), None(), I(-7)))), rev);
}

TEST(Str, Slicing) {
  Value s = S("abcdefghij");
  auto sl = [&](Value a, Value b, Value c) { return T(obj_getitem(s, slice(a, b, c))); };
  EXPECT_EQ(sl(I(2), I(5), None()), "cde");
  EXPECT_EQ(sl(None(), I(-3), None()), "abcdefg");
  EXPECT_EQ(sl(I(-5), I(-2), None()), "fgh");
  EXPECT_EQ(sl(None(), None(), I(2)), "acegi");
  EXPECT_EQ(sl(None(), None(), I(-1)), "jihgfedcba");
  EXPECT_EQ(sl(I(8), I(2), I(-3)), "if");
  EXPECT_EQ(sl(I(5), I(2), None()), "");
  EXPECT_EQ(sl(I(100), None(), None()), "");
  EXPECT_EQ(sl(I(-100), I(3), None()), "abc");
  EXPECT_EQ(sl(None(), None(), I(-11)), "j");
  EXPECT_EQ(R(obj_getitem(s, slice(None(), None(), I(0)))),
            "!ValueError: slice step cannot be zero");
  Value u = S("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E");  // 日本語
  EXPECT_EQ(T(obj_getitem(u, slice(None(), None(), I(-1)))),
            "\xE8\xAA\x9E\xE6\x9C\xAC\xE6\x97\xA5");
  EXPECT_EQ(T(obj_getitem(u, slice(I(1), None(), None()))), "\xE6\x9C\xAC\xE8\xAA\x9E");
  EXPECT_EQ(T(obj_getitem(u, slice(None(), None(), I(2)))), "\xE6\x97\xA5\xE8\xAA\x9E");
  // A full slice of an exact str is the str itself.
  EXPECT_EQ(obj_getitem(s, slice(None(), None())), s);
}

TEST(Str, ContainsLenIter) {
  EXPECT_EQ(obj_contains(S("hello world"), S("lo w")), 1);
  EXPECT_EQ(obj_contains(S("hello"), S("")), 1);
  EXPECT_EQ(obj_contains(S(""), S("")), 1);
  EXPECT_EQ(obj_contains(S("abc"), S("abcd")), 0);
  EXPECT_EQ(obj_contains(S("caf\xC3\xA9"), S("\xC3\xA9")), 1);
  EXPECT_EQ(obj_contains(S("a"), I(1)), -1);
  EXPECT_EQ(take_error(), "TypeError: 'in <string>' requires string as left operand, not int");
  EXPECT_EQ(obj_len(S("a\xC3\xA9")), 2);
  Value it = obj_iter(S("a\xC3\xA9\xF0\x9F\x98\x80"));
  EXPECT_STREQ(type_name(it), "str_iterator");
  EXPECT_EQ(T(iter_next(it)), "a");
  EXPECT_EQ(T(iter_next(it)), "\xC3\xA9");
  EXPECT_EQ(T(iter_next(it)), "\xF0\x9F\x98\x80");
  EXPECT_TRUE(iter_next(it).is_null());
  EXPECT_FALSE(error_occurred());
  EXPECT_TRUE(iter_next(it).is_null());
  Value ai = obj_iter(S("ab"));
  EXPECT_STREQ(type_name(ai), "str_ascii_iterator");
  // ASCII iteration hands out the cached one-character strings.
  EXPECT_EQ(iter_next(ai), Value(str_from_codepoint('a')));
}

TEST(Str, Constructor) {
  EXPECT_EQ(T(C(&StrType)), "");
  EXPECT_EQ(T(C(&StrType, {I(123)})), "123");
  EXPECT_EQ(T(C(&StrType, {None()})), "None");
  EXPECT_EQ(T(C(&StrType, {L({I(1), S("a")})})), "[1, 'a']");
  EXPECT_EQ(T(C(&StrType, {}, {{"object", I(5)}})), "5");
  Value s = S("same");
  EXPECT_EQ(C(&StrType, {s}), s);
  EXPECT_EQ(R(C(&StrType, {I(1), I(2), I(3), I(4)})),
            "!TypeError: str() takes at most 3 arguments (4 given)");
}

TEST(Str, CaseMapping) {
  EXPECT_EQ(T(M(S("MiXeD 123"), "upper")), "MIXED 123");
  EXPECT_EQ(T(M(S("MiXeD 123"), "lower")), "mixed 123");
  EXPECT_EQ(T(M(S("MiXeD"), "swapcase")), "mIxEd");
  EXPECT_EQ(T(M(S("hello wORLD 3rd"), "title")), "Hello World 3Rd");
  EXPECT_EQ(T(M(S("hELLO wORLD"), "capitalize")), "Hello world");
  EXPECT_EQ(T(M(S("stra\xC3\x9F" "e"), "upper")), "STRASSE");
  EXPECT_EQ(T(M(S("\xC3\x89" "COLE"), "lower")), "\xC3\xA9" "cole");
  EXPECT_EQ(T(M(S("\xEF\xAC\x81"), "upper")), "FI");                  // ligature fi
  EXPECT_EQ(T(M(S("\xC4\xB0"), "lower")), "i\xCC\x87");               // İ -> i̇
  EXPECT_EQ(T(M(S("\xC7\x85"), "upper")), "\xC7\x84");                // ǅ -> Ǆ
  EXPECT_EQ(T(M(S("\xC7\x85"), "lower")), "\xC7\x86");                // ǅ -> ǆ
  EXPECT_EQ(T(M(S("\xCE\xA3\xCE\x91\xCE\xA3"), "lower")), "\xCF\x83\xCE\xB1\xCF\x82");  // σας
  EXPECT_EQ(T(M(S("\xCE\xA3"), "lower")), "\xCF\x83");                // lone sigma
  EXPECT_EQ(T(M(S("\xC3\xA9t\xC3\xA9 \xC3\xA0 paris"), "title")), "\xC3\x89t\xC3\xA9 \xC3\x80 Paris");
  EXPECT_EQ(T(M(S("\xC3\x9F"), "title")), "Ss");
  EXPECT_EQ(T(M(S("\xC3\x9F" "x"), "capitalize")), "Ssx");
  EXPECT_EQ(R(M(S("x"), "upper", {I(1)})), "!TypeError: str.upper() takes no arguments (1 given)");
}

TEST(Str, Predicates) {
  auto is = [](const char* s, const char* m) { return M(S(s), m) == True(); };
  EXPECT_TRUE(is("123", "isdigit"));
  EXPECT_FALSE(is("12a", "isdigit"));
  EXPECT_FALSE(is("", "isdigit"));
  EXPECT_TRUE(is("\xC2\xB2", "isdigit"));      // ²
  EXPECT_FALSE(is("\xC2\xB2", "isdecimal"));
  EXPECT_TRUE(is("\xC2\xBD", "isnumeric"));    // ½
  EXPECT_FALSE(is("\xC2\xBD", "isdigit"));
  EXPECT_TRUE(is("\xD9\xA3", "isdecimal"));    // Arabic-indic 3
  EXPECT_TRUE(is("abc", "isalpha"));
  EXPECT_TRUE(is("\xE6\x97\xA5\xE6\x9C\xAC", "isalpha"));
  EXPECT_FALSE(is("\xF0\x9F\x98\x80", "isalpha"));
  EXPECT_FALSE(is("_", "isalpha"));
  EXPECT_TRUE(is("ab12", "isalnum"));
  EXPECT_FALSE(is("ab 12", "isalnum"));
  EXPECT_TRUE(is(" \t\n\x1c", "isspace"));
  EXPECT_TRUE(is("\xE3\x80\x80", "isspace"));  // ideographic space
  EXPECT_TRUE(is("\xC2\xA0", "isspace"));
  EXPECT_FALSE(is("", "isspace"));
  EXPECT_TRUE(is("hello world", "islower"));
  EXPECT_FALSE(is("Hello", "islower"));
  EXPECT_FALSE(is("123", "islower"));
  EXPECT_TRUE(is("HELLO 1", "isupper"));
  EXPECT_TRUE(is("Hello World", "istitle"));
  EXPECT_FALSE(is("Hello world", "istitle"));
  EXPECT_TRUE(is("_x1", "isidentifier"));
  EXPECT_FALSE(is("1x", "isidentifier"));
  EXPECT_TRUE(is("\xC3\xA9t\xC3\xA9", "isidentifier"));
  EXPECT_FALSE(is("", "isidentifier"));
  EXPECT_TRUE(is("", "isprintable"));
  EXPECT_FALSE(is("a\n", "isprintable"));
  EXPECT_TRUE(is("abc", "isascii"));
  EXPECT_FALSE(is("\xC3\xA9", "isascii"));
}

TEST(Str, Strip) {
  EXPECT_EQ(T(M(S("  hi  "), "strip")), "hi");
  EXPECT_EQ(T(M(S("  hi  "), "lstrip")), "hi  ");
  EXPECT_EQ(T(M(S("  hi  "), "rstrip")), "  hi");
  EXPECT_EQ(T(M(S("\t\n text \r\n"), "strip")), "text");
  EXPECT_EQ(T(M(S("xxhixx"), "strip", {S("x")})), "hi");
  EXPECT_EQ(T(M(S("abcba"), "strip", {S("ab")})), "c");
  EXPECT_EQ(T(M(S("  a  "), "strip", {None()})), "a");
  EXPECT_EQ(T(M(S("\xE3\x80\x80" "a\xE3\x80\x80"), "strip")), "a");
  EXPECT_EQ(T(M(S("\xC3\xA9" "a\xC3\xA9"), "strip", {S("\xC3\xA9")})), "a");
  EXPECT_EQ(T(M(S("   "), "strip")), "");
  EXPECT_EQ(R(M(S("a"), "strip", {I(1)})), "!TypeError: strip arg must be None or str");
}

TEST(Str, Split) {
  EXPECT_EQ(R(M(S("a,b,,c"), "split", {S(",")})), "['a', 'b', '', 'c']");
  EXPECT_EQ(R(M(S("a,b,,c"), "split", {S(","), I(1)})), "['a', 'b,,c']");
  EXPECT_EQ(R(M(S("a,b,,c"), "split", {S(","), I(0)})), "['a,b,,c']");
  EXPECT_EQ(R(M(S("  one two   three  "), "split")), "['one', 'two', 'three']");
  EXPECT_EQ(R(M(S("  one two   three  "), "split", {None(), I(1)})), "['one', 'two   three  ']");
  EXPECT_EQ(R(M(S("one two three four"), "split", {S(" "), I(2)})), "['one', 'two', 'three four']");
  EXPECT_EQ(R(M(S(""), "split")), "[]");
  EXPECT_EQ(R(M(S(""), "split", {S(",")})), "['']");
  EXPECT_EQ(R(M(S("abc"), "split", {S("abc")})), "['', '']");
  EXPECT_EQ(R(M(S("a::b::c"), "split", {S("::")})), "['a', 'b', 'c']");
  EXPECT_EQ(R(M(S("a\xE2\x80\x83" "b"), "split")), "['a', 'b']");
  EXPECT_EQ(R(M(S("a b c"), "split", {}, {{"maxsplit", I(1)}})), "['a', 'b c']");
  EXPECT_EQ(R(M(S("a-b-c"), "split", {}, {{"sep", S("-")}})), "['a', 'b', 'c']");
  EXPECT_EQ(R(M(S("a"), "split", {S("")})), "!ValueError: empty separator");
  EXPECT_EQ(R(M(S("a"), "split", {I(1)})), "!TypeError: must be str or None, not int");
  EXPECT_EQ(R(M(S("a,b,c"), "rsplit", {S(","), I(1)})), "['a,b', 'c']");
  EXPECT_EQ(R(M(S("  a b  c "), "rsplit", {None(), I(1)})), "['  a b', 'c']");
  EXPECT_EQ(R(M(S("  a b  c "), "rsplit")), "['a', 'b', 'c']");
  EXPECT_EQ(R(M(S("aXXbXXc"), "rsplit", {S("XX")})), "['a', 'b', 'c']");
  EXPECT_EQ(R(M(S("a\nb\r\nc\rd\x0b" "e\xE2\x80\xA8" "f"), "splitlines")),
            "['a', 'b', 'c', 'd', 'e', 'f']");
  EXPECT_EQ(R(M(S("a\nb\r\n\nc"), "splitlines", {True()})), "['a\\n', 'b\\r\\n', '\\n', 'c']");
  EXPECT_EQ(R(M(S("a\n"), "splitlines")), "['a']");
  EXPECT_EQ(R(M(S(""), "splitlines")), "[]");
  EXPECT_EQ(R(M(S("x"), "splitlines", {}, {{"keepends", True()}})), "['x']");
}

TEST(Str, Join) {
  EXPECT_EQ(T(M(S("-"), "join", {L({S("a"), S("b"), S("c")})})), "a-b-c");
  EXPECT_EQ(T(M(S(", "), "join", {L({})})), "");
  EXPECT_EQ(T(M(S(" "), "join", {S("abc")})), "a b c");
  EXPECT_EQ(T(M(S("+"), "join", {Tup({S("1"), S("\xC3\xA9")})})), "1+\xC3\xA9");
  Value one = S("only");
  EXPECT_EQ(M(S("-"), "join", {L({one})}), one);
  EXPECT_EQ(str_length(M(S("\xE2\x86\x92"), "join", {S("abc")}).as<Str>()), 5);
  EXPECT_EQ(R(M(S("a"), "join", {L({S("x"), I(1)})})),
            "!TypeError: sequence item 1: expected str instance, int found");
  EXPECT_EQ(R(M(S("a"), "join", {I(1)})), "!TypeError: can only join an iterable");
}

TEST(Str, Replace) {
  EXPECT_EQ(T(M(S("hello world"), "replace", {S("o"), S("0")})), "hell0 w0rld");
  EXPECT_EQ(T(M(S("aaaa"), "replace", {S("a"), S("b"), I(2)})), "bbaa");
  EXPECT_EQ(T(M(S("abc"), "replace", {S(""), S("-")})), "-a-b-c-");
  EXPECT_EQ(T(M(S("abc"), "replace", {S(""), S("-"), I(2)})), "-a-bc");
  EXPECT_EQ(T(M(S("banana"), "replace", {S("an"), S("AN")})), "bANANa");
  EXPECT_EQ(T(M(S("banana"), "replace", {S("x"), S("y")})), "banana");
  EXPECT_EQ(T(M(S("p\xC3\xBCnktchen"), "replace", {S("\xC3\xBC"), S("u")})), "punktchen");
  EXPECT_EQ(str_length(M(S("a\xC3\xA9"), "replace", {S("a"), S("\xF0\x9F\x98\x80\xF0\x9F\x98\x80")}).as<Str>()), 3);
  EXPECT_EQ(R(M(S("a"), "replace", {I(1), I(2)})), "!TypeError: replace() argument 1 must be str, not int");
}

TEST(Str, FindIndexCount) {
  Value h = S("hello world, hello");
  EXPECT_EQ(R(M(h, "find", {S("hello")})), "0");
  EXPECT_EQ(R(M(h, "find", {S("hello"), I(1)})), "13");
  EXPECT_EQ(R(M(h, "find", {S("xyz")})), "-1");
  EXPECT_EQ(R(M(h, "find", {S("o"), I(5), I(8)})), "7");
  EXPECT_EQ(R(M(h, "find", {S("")})), "0");
  EXPECT_EQ(R(M(S("abc"), "find", {S(""), I(3)})), "3");
  EXPECT_EQ(R(M(S("abc"), "find", {S(""), I(4)})), "-1");
  EXPECT_EQ(R(M(h, "find", {S("o"), I(-5)})), "17");
  EXPECT_EQ(R(M(h, "find", {S("l"), None(), I(-1)})), "2");
  EXPECT_EQ(R(M(h, "rfind", {S("hello")})), "13");
  EXPECT_EQ(R(M(h, "rfind", {S("o")})), "17");
  EXPECT_EQ(R(M(h, "rfind", {S("l"), I(0), I(5)})), "3");
  EXPECT_EQ(R(M(h, "rfind", {S("")})), "18");
  EXPECT_EQ(R(M(h, "index", {S("world")})), "6");
  EXPECT_EQ(R(M(h, "index", {S("zz")})), "!ValueError: substring not found");
  EXPECT_EQ(R(M(h, "rindex", {S("zz")})), "!ValueError: substring not found");
  EXPECT_EQ(R(M(h, "count", {S("l")})), "5");
  EXPECT_EQ(R(M(h, "count", {S("")})), "19");
  EXPECT_EQ(R(M(S("aaaa"), "count", {S("aa")})), "2");
  EXPECT_EQ(R(M(S("abc"), "count", {S(""), I(5)})), "0");
  Value u = S("\xC3\xB1" "and\xC3\xBA y ping\xC3\xBC" "ino");  // ñandú y pingüino
  EXPECT_EQ(R(M(u, "find", {S("\xC3\xBA")})), "4");
  EXPECT_EQ(R(M(u, "rfind", {S("\xC3\xBC")})), "12");
  EXPECT_EQ(R(M(u, "find", {S("n"), I(3)})), "10");
  EXPECT_EQ(R(M(u, "count", {S("n")})), "3");
  EXPECT_EQ(R(M(S("a"), "find", {I(1)})), "!TypeError: must be str, not int");
  EXPECT_EQ(R(M(S("a"), "find", {S("a"), float_new(1.5)})),
            "!TypeError: slice indices must be integers or None or have an __index__ method");
  EXPECT_EQ(R(M(S("abc"), "index")), "!TypeError: index() takes at least 1 argument (0 given)");
}

TEST(Str, StartsEndsWith) {
  Value h = S("hello world, hello");
  EXPECT_EQ(M(h, "startswith", {S("hell")}), True());
  EXPECT_EQ(M(h, "startswith", {S("world")}), False());
  EXPECT_EQ(M(h, "startswith", {S("world"), I(6)}), True());
  EXPECT_EQ(M(h, "endswith", {S("hello")}), True());
  EXPECT_EQ(M(h, "endswith", {S("world"), I(0), I(11)}), True());
  EXPECT_EQ(M(h, "endswith", {Tup({S("x"), S("lo")})}), True());
  EXPECT_EQ(M(h, "startswith", {Tup({S("a"), S("b")})}), False());
  EXPECT_EQ(M(S("abc"), "startswith", {S(""), I(3)}), True());
  EXPECT_EQ(M(S("abc"), "startswith", {S(""), I(4)}), False());
  EXPECT_EQ(M(S("\xC3\xA9t\xC3\xA9"), "endswith", {S("t\xC3\xA9")}), True());
  EXPECT_EQ(R(M(S("a"), "startswith", {I(1)})),
            "!TypeError: startswith first arg must be str or a tuple of str, not int");
  EXPECT_EQ(R(M(S("a"), "startswith", {Tup({I(1)})})),
            "!TypeError: tuple for startswith must only contain str, not int");
}

TEST(Str, PaddingPartitionTabs) {
  EXPECT_EQ(T(M(S("ab"), "center", {I(7)})), "   ab  ");
  EXPECT_EQ(T(M(S("abc"), "center", {I(6), S("*")})), "*abc**");
  EXPECT_EQ(T(M(S("a"), "center", {I(4)})), " a  ");
  EXPECT_EQ(T(M(S("ab"), "ljust", {I(5), S("-")})), "ab---");
  EXPECT_EQ(T(M(S("ab"), "rjust", {I(5)})), "   ab");
  EXPECT_EQ(T(M(S("abcdef"), "rjust", {I(3)})), "abcdef");
  EXPECT_EQ(T(M(S("\xC3\xA9"), "ljust", {I(3), S("\xC3\xA0")})), "\xC3\xA9\xC3\xA0\xC3\xA0");
  EXPECT_EQ(R(M(S("a"), "center", {I(5), S("ab")})),
            "!TypeError: The fill character must be exactly one character long");
  EXPECT_EQ(T(M(S("42"), "zfill", {I(5)})), "00042");
  EXPECT_EQ(T(M(S("-42"), "zfill", {I(5)})), "-0042");
  EXPECT_EQ(T(M(S("+4"), "zfill", {I(2)})), "+4");
  EXPECT_EQ(T(M(S(""), "zfill", {I(3)})), "000");
  EXPECT_EQ(R(M(S("a"), "zfill", {S("x")})),
            "!TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(R(M(S("k=v=w"), "partition", {S("=")})), "('k', '=', 'v=w')");
  EXPECT_EQ(R(M(S("k=v=w"), "rpartition", {S("=")})), "('k=v', '=', 'w')");
  EXPECT_EQ(R(M(S("kvw"), "partition", {S("=")})), "('kvw', '', '')");
  EXPECT_EQ(R(M(S("kvw"), "rpartition", {S("=")})), "('', '', 'kvw')");
  EXPECT_EQ(R(M(S("x"), "partition", {S("")})), "!ValueError: empty separator");
  EXPECT_EQ(T(M(S("a\tbc\td"), "expandtabs")), "a       bc      d");
  EXPECT_EQ(T(M(S("a\tb\nc\td"), "expandtabs", {I(4)})), "a   b\nc   d");
  EXPECT_EQ(T(M(S("a\tb"), "expandtabs", {I(0)})), "ab");
  EXPECT_EQ(T(M(S("prefix_body"), "removeprefix", {S("prefix_")})), "body");
  EXPECT_EQ(T(M(S("body.txt"), "removesuffix", {S(".txt")})), "body");
  EXPECT_EQ(T(M(S("body"), "removesuffix", {S("x")})), "body");
}

}  // namespace
}  // namespace pg
