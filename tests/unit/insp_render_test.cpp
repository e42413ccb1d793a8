// Safe reprs (inspector/render.h): the pure helpers against CPython's
// output, and the Renderer over synthetic objects, including cycles, caps
// and bad pointers. Expected strings are what CPython 3 prints for repr().
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>

#include "inspector/debug_table.h"
#include "inspector/memory_image.h"
#include "inspector/remote.h"
#include "inspector/render.h"

using namespace pgi;

TEST(InspRenderHelpers, FloatReprFollowsCPython) {
  EXPECT_EQ(float_repr(0.0), "0.0");
  EXPECT_EQ(float_repr(-0.0), "-0.0");
  EXPECT_EQ(float_repr(1.0), "1.0");
  EXPECT_EQ(float_repr(-2.5), "-2.5");
  EXPECT_EQ(float_repr(0.1), "0.1");
  EXPECT_EQ(float_repr(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(float_repr(1e16), "1e+16");
  EXPECT_EQ(float_repr(1e15), "1000000000000000.0");
  EXPECT_EQ(float_repr(1e-5), "1e-05");
  EXPECT_EQ(float_repr(1e-4), "0.0001");
  EXPECT_EQ(float_repr(0.00012), "0.00012");
  EXPECT_EQ(float_repr(123.456), "123.456");
  EXPECT_EQ(float_repr(1.5e300), "1.5e+300");
  EXPECT_EQ(float_repr(5e-324), "5e-324");
  EXPECT_EQ(float_repr(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(float_repr(9007199254740992.0), "9007199254740992.0");
  EXPECT_EQ(float_repr(1.2345678901234567e-7), "1.2345678901234566e-07");
  EXPECT_EQ(float_repr(12345678901234567890.0), "1.2345678901234567e+19");
  EXPECT_EQ(float_repr(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(float_repr(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_EQ(float_repr(std::nan("")), "nan");
}

TEST(InspRenderHelpers, StrReprFollowsCPython) {
  EXPECT_EQ(str_repr(""), "''");
  EXPECT_EQ(str_repr("abc"), "'abc'");
  EXPECT_EQ(str_repr("it's"), "\"it's\"");
  EXPECT_EQ(str_repr("a\"b"), "'a\"b'");
  EXPECT_EQ(str_repr("both ' and \""), "'both \\' and \"'");
  EXPECT_EQ(str_repr("tab\tnl\nret\r\x01\x7f\\"), "'tab\\tnl\\nret\\r\\x01\\x7f\\\\'");
  EXPECT_EQ(str_repr("h\u00e9llo \u00a0 \u2028 \U0001F600"),
            "'h\u00e9llo \\xa0 \\u2028 \U0001F600'");
  EXPECT_EQ(str_repr(std::string("nul\0x", 5)), "'nul\\x00x'");
  // Invalid UTF-8 (garbage memory) shows byte by byte.
  EXPECT_EQ(str_repr("\xff\xc3"), "'\\xff\\xc3'");
}

TEST(InspRenderHelpers, LimbsToDecimal) {
  EXPECT_EQ(limbs_to_decimal({}, false), "0");
  EXPECT_EQ(limbs_to_decimal({0, 0}, true), "0");
  EXPECT_EQ(limbs_to_decimal({42}, false), "42");
  EXPECT_EQ(limbs_to_decimal({0, 1}, false), "18446744073709551616");
  EXPECT_EQ(limbs_to_decimal({~0ull, ~0ull}, false), "340282366920938463463374607431768211455");
  EXPECT_EQ(limbs_to_decimal({5, 1}, true), "-18446744073709551621");
  EXPECT_EQ(limbs_to_decimal({10000000000000000000ull}, false), "10000000000000000000");
}

namespace {

std::string to_hex(uint64_t v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(v));
  return buf;
}

// A builder plus a renderer over its image.
// The table is located once (finish() on the first render); each render
// gets a fresh Remote, so objects built between renders are never hidden by
// a page cached before they existed.
struct Fixture {
  ImageBuilder b;
  std::optional<DebugTable> table;
  explicit Fixture(Layout l = Layout::Standard) : b(l) {}
  std::string render(uint64_t v, RenderOptions o = {}) {
    if (!table) {
      b.finish();
      table = locate_debug_table(b.image()).table;
    }
    Remote remote(b.image(), *table);
    return Renderer(remote, o).render(v);
  }
};

class InspRender : public ::testing::TestWithParam<Layout> {};

}  // namespace

TEST_P(InspRender, Scalars) {
  Fixture f(GetParam());
  ImageBuilder& b = f.b;
  uint64_t big = b.bigint({0, 1}, false), neg = b.bigint({5, 1}, true), zero = b.bigint({}, false);
  uint64_t fl = b.float_(0.1), s = b.str("it's"), e = b.str("");
  EXPECT_EQ(f.render(b.small_int(0)), "0");
  EXPECT_EQ(f.render(b.small_int(-42)), "-42");
  EXPECT_EQ(f.render(b.small_int((int64_t(1) << 62) - 1)), "4611686018427387903");
  EXPECT_EQ(f.render(b.small_int(-(int64_t(1) << 62))), "-4611686018427387904");
  EXPECT_EQ(f.render(big), "18446744073709551616");
  EXPECT_EQ(f.render(neg), "-18446744073709551621");
  EXPECT_EQ(f.render(zero), "0");
  EXPECT_EQ(f.render(fl), "0.1");
  EXPECT_EQ(f.render(s), "\"it's\"");
  EXPECT_EQ(f.render(e), "''");
  EXPECT_EQ(f.render(b.none()), "None");
  EXPECT_EQ(f.render(b.true_()), "True");
  EXPECT_EQ(f.render(b.false_()), "False");
  EXPECT_EQ(f.render(0), "<NULL>");
}

TEST_P(InspRender, Containers) {
  Fixture f(GetParam());
  ImageBuilder& b = f.b;
  uint64_t one = b.small_int(1), two = b.small_int(2);
  uint64_t t0 = b.tuple({}), t1 = b.tuple({one}), t2 = b.tuple({one, b.str("x")});
  uint64_t l0 = b.list({}), l = b.list({one, b.list({two, t1}), b.none()});
  uint64_t d = b.dict({{b.str("a"), one}, {b.str("b"), b.list({two})}});
  uint64_t d0 = b.dict({});
  EXPECT_EQ(f.render(t0), "()");
  EXPECT_EQ(f.render(t1), "(1,)");
  EXPECT_EQ(f.render(t2), "(1, 'x')");
  EXPECT_EQ(f.render(l0), "[]");
  EXPECT_EQ(f.render(l), "[1, [2, (1,)], None]");
  EXPECT_EQ(f.render(d), "{'a': 1, 'b': [2]}");
  EXPECT_EQ(f.render(d0), "{}");
}

INSTANTIATE_TEST_SUITE_P(Layouts, InspRender, ::testing::Values(Layout::Standard, Layout::Padded),
                         [](const auto& info) {
                           return info.param == Layout::Standard ? "Standard" : "Padded";
                         });

TEST(InspRenderObjects, DeletedDictEntriesAreSkipped) {
  Fixture f;
  ImageBuilder& b = f.b;
  uint64_t d = b.dict({{b.str("a"), b.small_int(1)}, {b.str("gone"), b.small_int(2)},
                       {b.str("c"), b.small_int(3)}});
  uint64_t entries = 0;
  b.image().read(d + b.table().dict.entries, &entries, 8);
  b.image().put(entries + b.table().dict.entry_size + b.table().dict.entry_key, uint64_t(0));
  EXPECT_EQ(f.render(d), "{'a': 1, 'c': 3}");
}

TEST(InspRenderObjects, CyclesRenderAsEllipses) {
  Fixture f;
  ImageBuilder& b = f.b;
  uint64_t l = b.list({b.small_int(1), 0});
  uint64_t items = 0;
  b.image().read(l + b.table().list.items, &items, 8);
  b.image().put(items + 8, l);  // l[1] = l
  uint64_t d = b.dict({{b.str("self"), 0}});
  uint64_t entries = 0;
  b.image().read(d + b.table().dict.entries, &entries, 8);
  b.image().put(entries + b.table().dict.entry_value, d);  // d['self'] = d
  uint64_t inner = b.list({0});
  uint64_t outer = b.tuple({inner});
  b.image().read(inner + b.table().list.items, &items, 8);
  b.image().put(items, outer);  // t = ([t],)
  EXPECT_EQ(f.render(l), "[1, [...]]");
  EXPECT_EQ(f.render(d), "{'self': {...}}");
  EXPECT_EQ(f.render(outer), "([(...)],)");
}

TEST(InspRenderObjects, SizeCapAndDepthCap) {
  Fixture f;
  ImageBuilder& b = f.b;
  std::vector<uint64_t> many;
  for (int i = 0; i < 100000; ++i) many.push_back(b.small_int(i));
  uint64_t big = b.list(many);
  std::string s = f.render(big);
  EXPECT_EQ(s.size(), 203u);
  EXPECT_EQ(s.substr(0, 10), "[0, 1, 2, ");
  EXPECT_EQ(s.substr(200), "...");
  uint64_t longstr = b.str(std::string(10000, 'z'));
  std::string ls = f.render(longstr);
  EXPECT_EQ(ls, "'" + std::string(199, 'z') + "...");
  RenderOptions wide;
  wide.max_chars = 100000;
  std::string lw = f.render(longstr, wide);
  EXPECT_EQ(lw.size(), 1 + Remote::kStrCap + 3);  // what was read, then "..."
  // Depth: [[[[[[[[1]]]]]]]] beyond max_depth 6.
  uint64_t nested = b.small_int(1);
  for (int i = 0; i < 8; ++i) nested = b.list({nested});
  EXPECT_EQ(f.render(nested), "[[[[[[[...]]]]]]]");
  RenderOptions shallow;
  shallow.max_depth = 1;
  EXPECT_EQ(f.render(b.list({b.list({}), b.list({b.small_int(1)})}), shallow), "[[], [...]]");
  // Items cap.
  RenderOptions few;
  few.max_items = 3;
  EXPECT_EQ(f.render(big, few), "[0, 1, 2, ...]...");
}

TEST(InspRenderObjects, HugeIntsAreSummarised) {
  Fixture f;
  ImageBuilder& b = f.b;
  std::vector<uint64_t> limbs(100, 0);
  limbs.back() = 1;  // 2**6336: 1908 digits
  EXPECT_EQ(f.render(b.bigint(limbs, false)), "<int with ~1908 digits>");
  std::vector<uint64_t> ok(60, ~0ull);  // 2**3840 - 1: 1156 digits, converted then cut
  std::string s = f.render(b.bigint(ok, false));
  EXPECT_EQ(s.size(), 203u);
  EXPECT_EQ(s.substr(0, 10), "9019518416");
}

TEST(InspRenderObjects, FunctionsCodeModulesTypesExceptionsOthers) {
  Fixture f;
  ImageBuilder& b = f.b;
  uint64_t code = b.code({"inner", "Outer.inner", "/abs/app.py", 10, {11}});
  uint64_t fn = b.function(code, "Outer.inner");
  uint64_t mod = b.module("json", b.dict({}));
  uint64_t ve = b.type("ValueError", b.types().base_exception_type);
  uint64_t exc = b.exception(ve, {b.str("bad"), b.small_int(3)});
  uint64_t exc1 = b.exception(ve, {b.str("bad")});
  uint64_t widget_t = b.type("Widget", b.types().object_type);
  uint64_t widget = b.object(widget_t, 64);
  EXPECT_EQ(f.render(fn), "<function Outer.inner at 0x" + to_hex(fn) + ">");
  EXPECT_EQ(f.render(code), "<code object inner at 0x" + to_hex(code) + ", file \"/abs/app.py\", line 10>");
  EXPECT_EQ(f.render(mod), "<module 'json'>");
  EXPECT_EQ(f.render(b.types().int_type), "<class 'int'>");
  EXPECT_EQ(f.render(exc), "ValueError('bad', 3)");
  EXPECT_EQ(f.render(exc1), "ValueError('bad')");
  EXPECT_EQ(f.render(widget), "<Widget object at 0x" + to_hex(widget) + ">");
}

TEST(InspRenderObjects, BadPointersNeverCrash) {
  Fixture f;
  ImageBuilder& b = f.b;
  uint64_t l = b.list({b.small_int(1), 0xdead0000, 0x10000004, b.str("ok")});
  uint64_t dangling_items = b.list({b.small_int(1)});
  b.image().put(dangling_items + b.table().list.items, uint64_t(0xbeef0000));
  uint64_t bad_type = b.object(0xfeed0000, 64);
  uint64_t negative_len = b.tuple({});
  b.image().put(negative_len + b.table().tuple.count, int64_t(-3));
  uint64_t bad_str = b.str("x");
  b.image().put(bad_str + b.table().str.nbytes, int64_t(1) << 40);  // lies about its size
  b.alloc(2 * Remote::kStrCap);  // readable memory after it
  EXPECT_EQ(f.render(0xdead0000), "<unreadable at 0xdead0000>");
  EXPECT_EQ(f.render(0x10000006), "<unreadable at 0x10000006>");  // misaligned
  EXPECT_EQ(f.render(l), "[1, <unreadable at 0xdead0000>, <unreadable at 0x10000004>, 'ok']");
  EXPECT_EQ(f.render(dangling_items), "[<unreadable at 0xbeef0000>]");
  EXPECT_EQ(f.render(bad_type), "<??? object at 0x" + to_hex(bad_type) + ">");
  EXPECT_EQ(f.render(negative_len), "<unreadable at 0x" + to_hex(negative_len) + ">");
  // A str that lies about its size shows what could be read, capped.
  std::string bs = f.render(bad_str);
  EXPECT_EQ(bs.substr(0, 2), "'x");
  EXPECT_EQ(bs.substr(bs.size() - 3), "...");
}
