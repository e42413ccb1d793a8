// dict (dict.cpp, dict_methods.cpp, dict_views.cpp): the compact table
// (growth, tombstones, order after delete/reinsert), fast paths for str and
// int keys, the version counter, methods, views, iterators and CPython's
// error messages.
#include <string>

#include "objects/gc.h"
#include "rt_containers_util.h"

namespace pg {
namespace {

using namespace pg::test;

Value D(std::vector<std::pair<Value, Value>> items) {
  Dict* d = dict_new();
  for (auto& [k, v] : items) EXPECT_EQ(dict_set(d, k, v), 0);
  return Value(d);
}

TEST(Dict, SetGetDeleteKeepsOrder) {
  Value dv = D({{S("one"), I(1)}, {S("two"), I(2)}, {S("three"), I(3)}});
  Dict* d = dv.as<Dict>();
  EXPECT_EQ(R(dv), "{'one': 1, 'two': 2, 'three': 3}");
  EXPECT_EQ(dict_size(d), 3);
  dict_set(d, S("four"), I(4));
  dict_set(d, S("one"), I(100));
  EXPECT_EQ(R(dv), "{'one': 100, 'two': 2, 'three': 3, 'four': 4}");
  EXPECT_EQ(dict_del(d, S("two")), 0);
  EXPECT_EQ(R(dv), "{'one': 100, 'three': 3, 'four': 4}");
  EXPECT_EQ(dict_del(d, S("two")), -1);
  EXPECT_EQ(take_error(), "KeyError: 'two'");
  dict_set(d, S("two"), I(22));
  EXPECT_EQ(R(dv), "{'one': 100, 'three': 3, 'four': 4, 'two': 22}");
  EXPECT_EQ(dict_get(d, S("three")), I(3));
  EXPECT_TRUE(dict_get(d, S("nope")).is_null());
  EXPECT_FALSE(error_occurred());
  EXPECT_EQ(R(obj_getitem(dv, S("nope"))), "!KeyError: 'nope'");
  EXPECT_EQ(R(obj_getitem(dv, L({}))), "!TypeError: unhashable type: 'list'");
  EXPECT_EQ(R(obj_getitem(D({}), Tup({I(1), I(2)}))), "!KeyError: (1, 2)");
}

TEST(Dict, GrowthAndTombstones) {
  Dict* d = dict_new();
  Value keep = Value(d);
  for (int i = 0; i < 10000; i++) dict_set(d, I(i), I(i * 2));
  EXPECT_EQ(dict_size(d), 10000);
  EXPECT_GE(d->mask + 1, 3 * 10000 / 2);
  for (int i = 0; i < 10000; i += 2) ASSERT_EQ(dict_del(d, I(i)), 0);
  EXPECT_EQ(dict_size(d), 5000);
  for (int i = 0; i < 10000; i++) {
    Value v = dict_get(d, I(i));
    if (i % 2) ASSERT_EQ(v, I(i * 2)) << i;
    else ASSERT_TRUE(v.is_null()) << i;
  }
  // Delete and reinsert many times: the table rebuilds and drops tombstones,
  // and never grows without bound.
  for (int round = 0; round < 50; round++) {
    for (int i = 0; i < 1000; i++) dict_set(d, I(100000 + i), I(round));
    for (int i = 0; i < 1000; i++) ASSERT_EQ(dict_del(d, I(100000 + i)), 0);
  }
  EXPECT_EQ(dict_size(d), 5000);
  EXPECT_LE(d->mask + 1, 65536);
  // Order: the surviving odd keys in insertion order.
  int64_t pos = 0, expect = 1;
  Value k, v;
  while (dict_next(d, &pos, &k, &v)) {
    ASSERT_EQ(k, I(expect));
    expect += 2;
  }
  EXPECT_EQ(expect, 10001);
  (void)keep;
}

TEST(Dict, ReinsertAfterDeleteGoesLast) {
  Value rv = D({{S("b"), I(1)}, {S("a"), I(2)}, {S("c"), I(3)}});
  dict_del(rv.as<Dict>(), S("b"));
  dict_set(rv.as<Dict>(), S("b"), I(4));
  EXPECT_EQ(R(rv), "{'a': 2, 'c': 3, 'b': 4}");
  EXPECT_EQ(R(C(&ListType, {rv})), "['a', 'c', 'b']");
}

TEST(Dict, NumericKeysUnify) {
  Value m = D({{I(1), S("int")}, {float_new(1.5), S("float")}, {S("k"), S("str")},
               {Tup({I(1), I(2)}), S("tuple")}, {None(), S("none")}, {True(), S("bool?")}});
  EXPECT_EQ(R(m), "{1: 'bool?', 1.5: 'float', 'k': 'str', (1, 2): 'tuple', None: 'none'}");
  EXPECT_EQ(T(obj_getitem(m, float_new(1.0))), "bool?");
  EXPECT_EQ(R(D({{I(1), S("a")}, {float_new(1.0), S("b")}})), "{1: 'b'}");
  EXPECT_EQ(R(D({{True(), S("x")}, {I(1), S("y")}})), "{True: 'y'}");
  // Big and negative ints.
  Value big = int_from_string("123456789012345678901234567890", 10);
  Value b = D({{big, I(1)}, {I(-1), I(2)}, {I(-2), I(3)}});
  EXPECT_EQ(dict_get(b.as<Dict>(), int_from_string("123456789012345678901234567890", 10)), I(1));
  EXPECT_EQ(dict_get(b.as<Dict>(), I(-1)), I(2));
  EXPECT_EQ(dict_get(b.as<Dict>(), I(-2)), I(3));
}

TEST(Dict, StrFastPathAndVersion) {
  Dict* d = dict_new();
  Value keep = Value(d);
  Str* name = str_intern("interned_name");
  uint64_t v0 = d->version;
  dict_set_str(d, name, I(1));
  uint64_t v1 = d->version;
  EXPECT_NE(v0, v1);
  EXPECT_EQ(dict_get_str(d, name), I(1));
  EXPECT_EQ(dict_get_str(d, str_new("interned_name")), I(1));  // equal, not interned
  EXPECT_EQ(dict_get(d, S("interned_name")), I(1));
  EXPECT_TRUE(dict_get_str(d, str_intern("other")).is_null());
  dict_set(d, S("interned_name"), I(2));  // same key, new value
  EXPECT_NE(d->version, v1);
  EXPECT_EQ(dict_size(d), 1);
  EXPECT_EQ(dict_get_str(d, name), I(2));
  uint64_t v2 = d->version;
  dict_del(d, Value(name));
  EXPECT_NE(d->version, v2);
  // Versions are unique across dicts.
  Dict* e = dict_new();
  EXPECT_NE(e->version, d->version);
  (void)keep;
}

TEST(Dict, Compare) {
  Value a = D({{S("a"), I(1)}, {S("b"), I(2)}});
  Value b = D({{S("b"), I(2)}, {S("a"), I(1)}});
  EXPECT_EQ(obj_eq(a, b), 1);
  EXPECT_EQ(obj_eq(a, D({{S("a"), I(1)}})), 0);
  EXPECT_EQ(obj_eq(a, D({{S("a"), I(1)}, {S("b"), I(3)}})), 0);
  EXPECT_EQ(obj_eq(D({}), D({})), 1);
  EXPECT_EQ(obj_compare_bool(a, b, CompareOp::Ne), 0);
  EXPECT_EQ(R(obj_compare(a, b, CompareOp::Lt)),
            "!TypeError: '<' not supported between instances of 'dict' and 'dict'");
}

TEST(Dict, ReprRecursionAndNesting) {
  EXPECT_EQ(R(D({})), "{}");
  Value n = D({{S("outer"), D({{S("inner"), L({I(1), D({{S("deep"), S("yes")}})})}})}});
  EXPECT_EQ(R(n), "{'outer': {'inner': [1, {'deep': 'yes'}]}}");
  Value self = D({});
  dict_set(self.as<Dict>(), S("me"), self);
  EXPECT_EQ(R(self), "{'me': {...}}");
  EXPECT_EQ(R(D({{S("q"), S("it's")}})), "{'q': \"it's\"}");
}

TEST(Dict, Methods) {
  Value d = D({{S("one"), I(1)}, {S("four"), I(4)}});
  EXPECT_EQ(M(d, "get", {S("one")}), I(1));
  EXPECT_EQ(M(d, "get", {S("zzz")}), None());
  EXPECT_EQ(T(M(d, "get", {S("zzz"), S("default")})), "default");
  EXPECT_EQ(R(M(d, "get")), "!TypeError: get expected at least 1 argument, got 0");
  EXPECT_EQ(M(d, "pop", {S("four")}), I(4));
  EXPECT_EQ(T(M(d, "pop", {S("nope"), S("fallback")})), "fallback");
  EXPECT_EQ(R(M(d, "pop", {S("nope")})), "!KeyError: 'nope'");
  EXPECT_EQ(M(d, "setdefault", {S("one"), I(-1)}), I(1));
  EXPECT_EQ(M(d, "setdefault", {S("five"), I(5)}), I(5));
  EXPECT_EQ(M(d, "setdefault", {S("six")}), None());
  EXPECT_EQ(R(d), "{'one': 1, 'five': 5, 'six': None}");
  EXPECT_EQ(M(d, "update", {D({{S("one"), I(11)}, {S("seven"), I(7)}})}), None());
  EXPECT_EQ(M(d, "update", {L({Tup({S("eight"), I(8)}), L({S("one"), S("ONE")}), S("xy")})}), None());
  EXPECT_EQ(M(d, "update", {}, {{"kw", I(9)}}), None());
  EXPECT_EQ(R(d), "{'one': 'ONE', 'five': 5, 'six': None, 'seven': 7, 'eight': 8, 'x': 'y', 'kw': 9}");
  EXPECT_EQ(R(M(d, "update", {I(1)})), "!TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(M(d, "update", {L({I(1)})})),
            "!TypeError: cannot convert dictionary update sequence element #0 to a sequence");
  EXPECT_EQ(R(M(d, "update", {L({Tup({I(1), I(2), I(3)})})})),
            "!ValueError: dictionary update sequence element #0 has length 3; 2 is required");
  EXPECT_EQ(R(M(d, "update", {D({}), D({})})), "!TypeError: update expected at most 1 argument, got 2");
  Value c = M(d, "copy");
  EXPECT_NE(c, d);
  EXPECT_EQ(obj_eq(c, d), 1);
  EXPECT_EQ(R(M(c, "popitem")), "('kw', 9)");
  EXPECT_EQ(R(M(c, "popitem")), "('x', 'y')");
  EXPECT_EQ(M(c, "clear"), None());
  EXPECT_EQ(R(c), "{}");
  EXPECT_EQ(R(M(c, "popitem")), "!KeyError: 'popitem(): dictionary is empty'");
  dict_set(c.as<Dict>(), S("again"), I(1));
  EXPECT_EQ(R(c), "{'again': 1}");
  EXPECT_EQ(dict_size(d.as<Dict>()), 7);
  EXPECT_EQ(R(M(Value(&DictType), "fromkeys", {S("ab")})), "{'a': None, 'b': None}");
  EXPECT_EQ(R(M(d, "fromkeys", {L({I(1), I(2)}), I(0)})), "{1: 0, 2: 0}");
}

TEST(Dict, PopitemIsLifoAndReusesSpace) {
  Dict* d = dict_new();
  Value keep = Value(d);
  for (int i = 0; i < 100; i++) dict_set(d, I(i), I(i));
  Value k, v;
  for (int i = 99; i >= 50; i--) {
    ASSERT_TRUE(dict_popitem(d, &k, &v));
    ASSERT_EQ(k, I(i));
  }
  EXPECT_EQ(d->used, 50);
  dict_set(d, I(1000), I(1));
  EXPECT_EQ(R(M(keep, "popitem")), "(1000, 1)");
}

TEST(Dict, Constructor) {
  EXPECT_EQ(R(C(&DictType)), "{}");
  EXPECT_EQ(R(C(&DictType, {L({Tup({S("a"), I(1)}), Tup({S("b"), I(2)})})})), "{'a': 1, 'b': 2}");
  EXPECT_EQ(R(C(&DictType, {D({{S("z"), I(26)}})})), "{'z': 26}");
  EXPECT_EQ(R(C(&DictType, {Tup({Tup({I(1), I(2)}), Tup({I(3), I(4)})})})), "{1: 2, 3: 4}");
  EXPECT_EQ(R(C(&DictType, {}, {{"a", I(1)}, {"b", I(2)}})), "{'a': 1, 'b': 2}");
  EXPECT_EQ(R(C(&DictType, {D({{S("a"), I(0)}})}, {{"a", I(1)}})), "{'a': 1}");
  EXPECT_EQ(R(C(&DictType, {I(1)})), "!TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(C(&DictType, {L({S("ab"), S("cd"), S("efg")})})),
            "!ValueError: dictionary update sequence element #2 has length 3; 2 is required");
  EXPECT_EQ(R(C(&DictType, {I(1), I(2)})), "!TypeError: dict expected at most 1 argument, got 2");
}

TEST(Dict, Operators) {
  Value a = D({{S("a"), I(1)}});
  Value b = D({{S("b"), I(2)}, {S("a"), I(3)}});
  EXPECT_EQ(R(binary_op(a, b, BinaryOp::Or)), "{'a': 3, 'b': 2}");
  EXPECT_EQ(R(a), "{'a': 1}");
  EXPECT_EQ(binary_op(a, L({Tup({S("c"), I(5)})}), BinaryOp::InplaceOr), a);
  EXPECT_EQ(R(a), "{'a': 1, 'c': 5}");
  EXPECT_EQ(R(binary_op(a, L({}), BinaryOp::Or)),
            "!TypeError: unsupported operand type(s) for |: 'dict' and 'list'");
  EXPECT_EQ(obj_contains(a, S("a")), 1);
  EXPECT_EQ(obj_contains(a, S("zz")), 0);
  EXPECT_EQ(obj_contains(a, L({})), -1);
  EXPECT_EQ(take_error(), "TypeError: unhashable type: 'list'");
  EXPECT_EQ(obj_len(a), 2);
  EXPECT_EQ(obj_setitem(a, S("n"), I(7)), 0);
  EXPECT_EQ(obj_delitem(a, S("a")), 0);
  EXPECT_EQ(obj_delitem(a, S("a")), -1);
  EXPECT_EQ(take_error(), "KeyError: 'a'");
  EXPECT_EQ(R(a), "{'c': 5, 'n': 7}");
}

TEST(Dict, ViewsAndIterators) {
  Value d = D({{S("k1"), I(1)}, {S("k2"), I(2)}, {I(3), S("three")}});
  Value keys = M(d, "keys");
  Value values = M(d, "values");
  Value items = M(d, "items");
  EXPECT_EQ(R(keys), "dict_keys(['k1', 'k2', 3])");
  EXPECT_EQ(R(values), "dict_values([1, 2, 'three'])");
  EXPECT_EQ(R(items), "dict_items([('k1', 1), ('k2', 2), (3, 'three')])");
  EXPECT_EQ(obj_len(keys), 3);
  EXPECT_EQ(obj_contains(keys, S("k2")), 1);
  EXPECT_EQ(obj_contains(values, I(1)), 1);
  EXPECT_EQ(obj_contains(values, S("k1")), 0);
  EXPECT_EQ(obj_contains(items, Tup({S("k1"), I(1)})), 1);
  EXPECT_EQ(obj_contains(items, Tup({S("k1"), I(2)})), 0);
  EXPECT_EQ(obj_contains(items, S("k1")), 0);
  Value it = obj_iter(items);
  EXPECT_STREQ(type_name(it), "dict_itemiterator");
  EXPECT_EQ(R(iter_next(it)), "('k1', 1)");
  EXPECT_STREQ(type_name(obj_iter(keys)), "dict_keyiterator");
  EXPECT_STREQ(type_name(obj_iter(values)), "dict_valueiterator");
  EXPECT_STREQ(type_name(obj_iter(d)), "dict_keyiterator");
  // Views are live.
  dict_set(d.as<Dict>(), S("k4"), I(4));
  EXPECT_EQ(obj_len(values), 4);
  EXPECT_EQ(R(C(&ListType, {values})), "[1, 2, 'three', 4]");
  EXPECT_EQ(R(obj_getitem(keys, I(0))), "!TypeError: 'dict_keys' object is not subscriptable");
}

TEST(Dict, ChangedSizeDuringIteration) {
  Value d = D({{I(1), I(1)}, {I(2), I(2)}});
  Value it = obj_iter(d);
  EXPECT_EQ(iter_next(it), I(1));
  dict_set(d.as<Dict>(), I(3), I(3));
  EXPECT_TRUE(iter_next(it).is_null());
  EXPECT_EQ(take_error(), "RuntimeError: dictionary changed size during iteration");
  EXPECT_TRUE(iter_next(it).is_null());
  EXPECT_EQ(take_error(), "RuntimeError: dictionary changed size during iteration");
  // Same size, different keys.
  Value e = D({{I(1), I(1)}, {I(2), I(2)}});
  Value it2 = obj_iter(e);
  EXPECT_EQ(iter_next(it2), I(1));
  dict_del(e.as<Dict>(), I(1));
  dict_set(e.as<Dict>(), I(5), I(5));
  EXPECT_EQ(iter_next(it2), I(2));
  EXPECT_TRUE(iter_next(it2).is_null());
  EXPECT_EQ(take_error(), "RuntimeError: dictionary keys changed during iteration");
  // Changing values is fine.
  Value f = D({{I(1), I(1)}, {I(2), I(2)}});
  Value it3 = obj_iter(f);
  int n = 0;
  for (Value k; !(k = iter_next(it3)).is_null(); n++) dict_set(f.as<Dict>(), k, I(0));
  EXPECT_FALSE(error_occurred());
  EXPECT_EQ(n, 2);
}

TEST(Dict, HelpersForOtherParts) {
  Value d = D({{S("a"), I(1)}, {S("b"), I(2)}});
  EXPECT_EQ(R(dict_keys_list(d.as<Dict>())), "['a', 'b']");
  EXPECT_EQ(R(dict_values_list(d.as<Dict>())), "[1, 2]");
  EXPECT_EQ(R(dict_items_list(d.as<Dict>())), "[('a', 1), ('b', 2)]");
  EXPECT_EQ(R(dict_getitem(d.as<Dict>(), S("c"))), "!KeyError: 'c'");
  Dict* other = dict_new();
  dict_set(other, S("b"), I(20));
  dict_set(other, S("c"), I(30));
  EXPECT_EQ(dict_merge(d.as<Dict>(), other, false), 0);
  EXPECT_EQ(R(d), "{'a': 1, 'b': 2, 'c': 30}");
  EXPECT_EQ(dict_merge(d.as<Dict>(), other, true), 0);
  EXPECT_EQ(R(d), "{'a': 1, 'b': 20, 'c': 30}");
}

}  // namespace
}  // namespace pg

namespace pg {
namespace {

using namespace pg::test;

// Everything a container holds survives a collection when only the
// container is rooted (checks every trace slot), and garbage is freed.
TEST(ContainersGc, TraceKeepsChildrenAlive) {
  Value d = Value(dict_new());
  Rooted keep_d(&d);
  for (int i = 0; i < 200; i++) {
    std::string k = "key" + std::to_string(i);
    dict_set(d.as<Dict>(), S(k), L({S("v" + std::to_string(i)), Tup({S("t"), float_new(i + 0.5)})}));
  }
  for (int i = 0; i < 200; i += 3) dict_del(d.as<Dict>(), S("key" + std::to_string(i)));
  Value it = obj_iter(M(d, "items"));
  Rooted keep_it(&it);
  Value view = M(d, "values");
  Rooted keep_view(&view);
  Value big_range = C(&RangeType, {int_from_string("100000000000000000000", 10),
                                   int_from_string("100000000000000000005", 10)});
  Rooted keep_range(&big_range);
  Value long_it = obj_iter(big_range);
  Rooted keep_long_it(&long_it);
  Value sl = slice(S("a"), L({I(1)}), Tup({S("b")}));
  Rooted keep_slice(&sl);
  Value str_it = obj_iter(S("h\xC3\xA9llo w\xC3\xB6rld"));
  Rooted keep_str_it(&str_it);
  std::string before = R(d);
  std::string before_slice = R(sl);
  for (int i = 0; i < 1000; i++) L({S("garbage" + std::to_string(i))});
  int64_t freed = gc_collect();
  EXPECT_GT(freed, 1000);
  EXPECT_EQ(R(d), before);
  EXPECT_EQ(R(sl), before_slice);
  EXPECT_EQ(R(iter_next(it)), "('key1', ['v1', ('t', 1.5)])");
  EXPECT_EQ(obj_len(view), 133);
  EXPECT_EQ(R(iter_next(long_it)), "100000000000000000000");
  EXPECT_EQ(R(C(&ListType, {big_range})),
            "[100000000000000000000, 100000000000000000001, 100000000000000000002, "
            "100000000000000000003, 100000000000000000004]");
  EXPECT_EQ(T(iter_next(str_it)), "h");
  EXPECT_EQ(T(iter_next(str_it)), "\xC3\xA9");
  // Interned strings and the cached characters are roots.
  Str* name = str_intern("survives_collection");
  gc_collect();
  EXPECT_EQ(str_intern("survives_collection"), name);
  EXPECT_EQ(T(Value(str_from_codepoint('z'))), "z");
}

}  // namespace
}  // namespace pg
