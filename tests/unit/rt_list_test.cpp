// list (list.cpp, list_methods.cpp, list_sort.cpp): growth, indexing,
// slice get/set/del, operators, methods, sorting (stability, keys, reverse,
// errors) and CPython 3.11's error messages.
#include <algorithm>
#include <random>
#include <string>

#include "objects/gc.h"
#include "vm/thread_state.h"
#include "rt_containers_util.h"

namespace pg {
namespace {

using namespace pg::test;

Value range_list(int64_t n) {
  List* l = list_with_capacity(0);
  for (int64_t i = 0; i < n; i++) list_append(l, I(i));
  return Value(l);
}

TEST(List, AppendGrowsAmortised) {
  List* l = list_new(0);
  int reallocs = 0;
  int64_t cap = l->capacity;
  for (int i = 0; i < 100000; i++) {
    list_append(l, I(i));
    if (l->capacity != cap) {
      reallocs++;
      cap = l->capacity;
    }
  }
  EXPECT_EQ(l->size, 100000);
  EXPECT_LT(reallocs, 40);
  EXPECT_EQ(l->items[99999], I(99999));
  List* n = list_new(3);
  EXPECT_EQ(R(Value(n)), "[None, None, None]");
}

TEST(List, ReprAndRecursion) {
  EXPECT_EQ(R(L({})), "[]");
  EXPECT_EQ(R(L({I(1), S("a"), None(), L({})})), "[1, 'a', None, []]");
  Value l = L({I(1)});
  list_append(l.as<List>(), l);
  EXPECT_EQ(R(l), "[1, [...]]");
  Value outer = L({l});
  EXPECT_EQ(R(outer), "[[1, [...]]]");
}

TEST(List, Compare) {
  EXPECT_EQ(obj_compare_bool(L({I(1), I(2), I(3)}), L({I(1), I(2), I(4)}), CompareOp::Lt), 1);
  EXPECT_EQ(obj_compare_bool(L({I(1), I(2)}), L({I(1), I(2), I(0)}), CompareOp::Lt), 1);
  EXPECT_EQ(obj_compare_bool(L({I(2)}), L({I(1), I(9)}), CompareOp::Gt), 1);
  EXPECT_EQ(obj_eq(L({I(1), L({I(2)})}), L({I(1), L({I(2)})})), 1);
  EXPECT_EQ(obj_eq(L({}), L({})), 1);
  EXPECT_EQ(obj_eq(L({I(1)}), Tup({I(1)})), 0);
  EXPECT_EQ(R(obj_compare(L({I(1), I(2)}), L({S("a"), S("b")}), CompareOp::Lt)),
            "!TypeError: '<' not supported between instances of 'int' and 'str'");
  EXPECT_EQ(R(obj_compare(L({I(1)}), I(1), CompareOp::Lt)),
            "!TypeError: '<' not supported between instances of 'list' and 'int'");
  int64_t h;
  EXPECT_FALSE(obj_hash(L({}), &h));
  EXPECT_EQ(take_error(), "TypeError: unhashable type: 'list'");
}

TEST(List, Operators) {
  EXPECT_EQ(R(binary_op(L({I(1), I(2)}), L({I(3)}), BinaryOp::Add)), "[1, 2, 3]");
  EXPECT_EQ(R(binary_op(L({I(0)}), I(5), BinaryOp::Mul)), "[0, 0, 0, 0, 0]");
  EXPECT_EQ(R(binary_op(I(2), L({S("x"), S("y")}), BinaryOp::Mul)), "['x', 'y', 'x', 'y']");
  EXPECT_EQ(R(binary_op(L({I(1)}), I(-1), BinaryOp::Mul)), "[]");
  EXPECT_EQ(R(binary_op(L({I(1)}), Tup({I(1)}), BinaryOp::Add)),
            "!TypeError: can only concatenate list (not \"tuple\") to list");
  EXPECT_EQ(R(binary_op(L({I(1)}), float_new(1.5), BinaryOp::Mul)),
            "!TypeError: can't multiply sequence by non-int of type 'float'");
  EXPECT_EQ(R(binary_op(L({I(1)}), I(int64_t(1) << 62), BinaryOp::Mul)), "!MemoryError: ");
  Value a = L({I(1)});
  EXPECT_EQ(binary_op(a, Tup({I(2), I(3)}), BinaryOp::InplaceAdd), a);
  EXPECT_EQ(R(a), "[1, 2, 3]");
  EXPECT_EQ(binary_op(a, S("ab"), BinaryOp::InplaceAdd), a);
  EXPECT_EQ(R(a), "[1, 2, 3, 'a', 'b']");
  EXPECT_EQ(binary_op(a, a, BinaryOp::InplaceAdd), a);
  EXPECT_EQ(list_size(a.as<List>()), 10);
  Value b = L({I(1), I(2)});
  EXPECT_EQ(binary_op(b, I(3), BinaryOp::InplaceMul), b);
  EXPECT_EQ(R(b), "[1, 2, 1, 2, 1, 2]");
  EXPECT_EQ(binary_op(b, I(0), BinaryOp::InplaceMul), b);
  EXPECT_EQ(R(b), "[]");
  EXPECT_EQ(R(binary_op(L({}), I(1), BinaryOp::InplaceAdd)), "!TypeError: 'int' object is not iterable");
}

TEST(List, IndexGetSetDel) {
  Value a = range_list(10);
  EXPECT_EQ(obj_getitem(a, I(0)), I(0));
  EXPECT_EQ(obj_getitem(a, I(-1)), I(9));
  EXPECT_EQ(obj_getitem(a, I(-4)), I(6));
  EXPECT_EQ(R(obj_getitem(a, I(10))), "!IndexError: list index out of range");
  EXPECT_EQ(R(obj_getitem(a, S("a"))), "!TypeError: list indices must be integers or slices, not str");
  EXPECT_EQ(R(obj_getitem(a, int_from_string("100000000000000000000000", 10))),
            "!IndexError: cannot fit 'int' into an index-sized integer");
  EXPECT_EQ(obj_setitem(a, I(0), S("zero")), 0);
  EXPECT_EQ(obj_setitem(a, I(-1), S("nine")), 0);
  EXPECT_EQ(R(a), "['zero', 1, 2, 3, 4, 5, 6, 7, 8, 'nine']");
  EXPECT_EQ(obj_setitem(a, I(10), I(1)), -1);
  EXPECT_EQ(take_error(), "IndexError: list assignment index out of range");
  EXPECT_EQ(obj_delitem(a, I(0)), 0);
  EXPECT_EQ(obj_delitem(a, I(-1)), 0);
  EXPECT_EQ(R(a), "[1, 2, 3, 4, 5, 6, 7, 8]");
  EXPECT_EQ(obj_delitem(a, I(8)), -1);
  EXPECT_EQ(take_error(), "IndexError: list assignment index out of range");
}

TEST(List, SliceGet) {
  Value a = range_list(10);
  auto sl = [&](Value x, Value y, Value z) { return R(obj_getitem(a, slice(x, y, z))); };
  EXPECT_EQ(sl(I(2), I(5), None()), "[2, 3, 4]");
  EXPECT_EQ(sl(None(), None(), I(-1)), "[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]");
  EXPECT_EQ(sl(I(8), I(1), I(-2)), "[8, 6, 4, 2]");
  EXPECT_EQ(sl(I(100), None(), None()), "[]");
  EXPECT_EQ(sl(I(-100), I(2), None()), "[0, 1]");
  EXPECT_EQ(sl(None(), None(), I(3)), "[0, 3, 6, 9]");
  Value copy = obj_getitem(a, slice(None(), None()));
  EXPECT_NE(copy, a);
  EXPECT_EQ(obj_eq(copy, a), 1);
  EXPECT_EQ(R(obj_getitem(a, slice(None(), None(), I(0)))), "!ValueError: slice step cannot be zero");
}

TEST(List, SliceAssignAndDelete) {
  Value a = range_list(10);
  ASSERT_EQ(obj_setitem(a, slice(I(2), I(4)), L({S("x"), S("y"), S("z")})), 0);
  EXPECT_EQ(R(a), "[0, 1, 'x', 'y', 'z', 4, 5, 6, 7, 8, 9]");
  ASSERT_EQ(obj_setitem(a, slice(I(1), I(1)), Tup({I(100), I(200)})), 0);
  EXPECT_EQ(R(a), "[0, 100, 200, 1, 'x', 'y', 'z', 4, 5, 6, 7, 8, 9]");
  ASSERT_EQ(obj_setitem(a, slice(I(5), None()), L({})), 0);
  EXPECT_EQ(R(a), "[0, 100, 200, 1, 'x']");
  ASSERT_EQ(obj_setitem(a, slice(None(), None(), I(2)), L({I(7), I(8), I(9)})), 0);
  EXPECT_EQ(R(a), "[7, 100, 8, 1, 9]");
  ASSERT_EQ(obj_setitem(a, slice(I(5), I(2)), L({S("q")})), 0);  // empty slice: insert at 5
  EXPECT_EQ(R(a), "[7, 100, 8, 1, 9, 'q']");
  ASSERT_EQ(obj_setitem(a, slice(None(), None()), a), 0);  // self-assignment copies first
  EXPECT_EQ(R(a), "[7, 100, 8, 1, 9, 'q']");
  ASSERT_EQ(obj_setitem(a, slice(I(0), I(2)), S("ab")), 0);
  EXPECT_EQ(R(a), "['a', 'b', 8, 1, 9, 'q']");
  EXPECT_EQ(obj_setitem(a, slice(None(), None(), I(2)), L({I(1), I(2)})), -1);
  EXPECT_EQ(take_error(), "ValueError: attempt to assign sequence of size 2 to extended slice of size 3");
  EXPECT_EQ(obj_setitem(a, slice(None(), None(), I(2)), I(1)), -1);
  EXPECT_EQ(take_error(), "TypeError: must assign iterable to extended slice");
  EXPECT_EQ(obj_setitem(a, slice(I(0), I(1)), I(1)), -1);
  EXPECT_EQ(take_error(), "TypeError: can only assign an iterable");
  ASSERT_EQ(obj_setitem(a, slice(None(), None(), I(-1)), L({I(1), I(2), I(3), I(4), I(5), I(6)})), 0);
  EXPECT_EQ(R(a), "[6, 5, 4, 3, 2, 1]");

  Value c = range_list(20);
  ASSERT_EQ(obj_delitem(c, slice(None(), None(), I(3))), 0);
  EXPECT_EQ(R(c), "[1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19]");
  ASSERT_EQ(obj_delitem(c, slice(None(), None(), I(-4))), 0);
  EXPECT_EQ(R(c), "[2, 4, 5, 8, 10, 11, 14, 16, 17]");
  ASSERT_EQ(obj_delitem(c, slice(I(1), I(3))), 0);
  EXPECT_EQ(R(c), "[2, 8, 10, 11, 14, 16, 17]");
  ASSERT_EQ(obj_delitem(c, slice(None(), None())), 0);
  EXPECT_EQ(R(c), "[]");
  EXPECT_EQ(obj_delitem(c, slice(None(), None(), I(0))), -1);
  EXPECT_EQ(take_error(), "ValueError: slice step cannot be zero");
}

TEST(List, Methods) {
  Value a = L({I(3), I(1), I(4)});
  EXPECT_EQ(M(a, "append", {I(1)}), None());
  EXPECT_EQ(M(a, "extend", {Tup({I(5), I(9)})}), None());
  EXPECT_EQ(R(a), "[3, 1, 4, 1, 5, 9]");
  EXPECT_EQ(M(a, "insert", {I(0), S("first")}), None());
  EXPECT_EQ(M(a, "insert", {I(100), S("end")}), None());
  EXPECT_EQ(M(a, "insert", {I(-1), S("beforeend")}), None());
  EXPECT_EQ(M(a, "insert", {I(-100), S("veryfirst")}), None());
  EXPECT_EQ(R(a), "['veryfirst', 'first', 3, 1, 4, 1, 5, 9, 'beforeend', 'end']");
  EXPECT_EQ(R(M(a, "pop")), "'end'");
  EXPECT_EQ(R(M(a, "pop", {I(0)})), "'veryfirst'");
  EXPECT_EQ(R(M(a, "pop", {I(-2)})), "9");
  EXPECT_EQ(R(M(a, "pop", {I(50)})), "!IndexError: pop index out of range");
  EXPECT_EQ(R(M(L({}), "pop")), "!IndexError: pop from empty list");
  EXPECT_EQ(M(a, "remove", {I(1)}), None());
  EXPECT_EQ(R(a), "['first', 3, 4, 1, 5, 'beforeend']");
  EXPECT_EQ(R(M(a, "remove", {I(42)})), "!ValueError: list.remove(x): x not in list");
  EXPECT_EQ(R(M(a, "index", {I(4)})), "2");
  EXPECT_EQ(R(M(a, "index", {I(4), I(3)})), "!ValueError: 4 is not in list");
  EXPECT_EQ(R(M(a, "index", {S("zz")})), "!ValueError: 'zz' is not in list");
  EXPECT_EQ(R(M(a, "index", {I(5), I(-3), I(-1)})), "4");
  EXPECT_EQ(R(M(a, "index", {I(2), S("a")})),
            "!TypeError: slice indices must be integers or have an __index__ method");
  EXPECT_EQ(R(M(L({I(1), I(2), I(1), float_new(1.0), True()}), "count", {I(1)})), "4");
  EXPECT_EQ(M(a, "reverse"), None());
  EXPECT_EQ(R(a), "['beforeend', 5, 1, 4, 3, 'first']");
  Value c = M(a, "copy");
  EXPECT_NE(c, a);
  EXPECT_EQ(obj_eq(c, a), 1);
  EXPECT_EQ(M(c, "clear"), None());
  EXPECT_EQ(R(c), "[]");
  EXPECT_EQ(list_size(a.as<List>()), 6);
  EXPECT_EQ(R(M(L({}), "count")), "!TypeError: list.count() takes exactly one argument (0 given)");
  EXPECT_EQ(R(M(L({}), "insert", {I(1)})), "!TypeError: insert expected 2 arguments, got 1");
  EXPECT_EQ(R(M(L({}), "extend", {I(1)})), "!TypeError: 'int' object is not iterable");
}

TEST(List, ContainsLenIterReversed) {
  Value a = L({I(1), S("a"), None(), Tup({I(4), I(5)}), L({I(6)})});
  EXPECT_EQ(obj_contains(a, I(1)), 1);
  EXPECT_EQ(obj_contains(a, float_new(1.0)), 1);
  EXPECT_EQ(obj_contains(a, True()), 1);
  EXPECT_EQ(obj_contains(a, Tup({I(4), I(5)})), 1);
  EXPECT_EQ(obj_contains(a, L({I(6)})), 1);
  EXPECT_EQ(obj_contains(a, S("b")), 0);
  EXPECT_EQ(obj_len(a), 5);
  Value it = obj_iter(a);
  EXPECT_STREQ(type_name(it), "list_iterator");
  EXPECT_EQ(iter_next(it), I(1));
  // Items appended during iteration are seen.
  list_append(a.as<List>(), I(99));
  int n = 1;
  Value last;
  for (Value v; !(v = iter_next(it)).is_null();) {
    n++;
    last = v;
  }
  EXPECT_EQ(n, 6);
  EXPECT_EQ(last, I(99));
  Value r = M(L({I(1), I(2), I(3)}), "__reversed__");
  EXPECT_STREQ(type_name(r), "list_reverseiterator");
  EXPECT_EQ(iter_next(r), I(3));
  EXPECT_EQ(iter_next(r), I(2));
  EXPECT_EQ(iter_next(r), I(1));
  EXPECT_TRUE(iter_next(r).is_null());
  EXPECT_FALSE(error_occurred());
}

TEST(List, Constructor) {
  EXPECT_EQ(R(C(&ListType)), "[]");
  EXPECT_EQ(R(C(&ListType, {S("abc")})), "['a', 'b', 'c']");
  EXPECT_EQ(R(C(&ListType, {Tup({I(1), I(2)})})), "[1, 2]");
  EXPECT_EQ(R(C(&ListType, {range_new(3, 0, -1)})), "[3, 2, 1]");
  Dict* d = dict_new();
  dict_set(d, S("k"), I(1));
  dict_set(d, S("j"), I(2));
  EXPECT_EQ(R(C(&ListType, {Value(d)})), "['k', 'j']");
  EXPECT_EQ(R(C(&ListType, {I(1)})), "!TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(C(&ListType, {I(1), I(2)})), "!TypeError: list expected at most 1 argument, got 2");
  Value src = L({I(1)});
  Value copy = C(&ListType, {src});
  EXPECT_NE(copy, src);
}

TEST(ListSort, Basic) {
  Value a = L({I(5), I(2), I(9), I(1), I(5), I(6)});
  ASSERT_EQ(list_sort(a.as<List>(), Value(), false), 0);
  EXPECT_EQ(R(a), "[1, 2, 5, 5, 6, 9]");
  ASSERT_EQ(list_sort(a.as<List>(), Value(), true), 0);
  EXPECT_EQ(R(a), "[9, 6, 5, 5, 2, 1]");
  Value s = L({S("pear"), S("fig"), S("banana"), S("\xC3\xA9t\xC3\xA9"), S("apple")});
  ASSERT_EQ(list_sort(s.as<List>(), Value(), false), 0);
  EXPECT_EQ(R(s), "['apple', 'banana', 'fig', 'pear', '\xC3\xA9t\xC3\xA9']");
  Value f = L({float_new(3.5), float_new(-1.0), float_new(0.5)});
  ASSERT_EQ(list_sort(f.as<List>(), Value(), false), 0);
  EXPECT_EQ(R(f), "[-1.0, 0.5, 3.5]");
  Value mixed = L({float_new(3.5), I(-1), I(2), float_new(0.5), True(), False()});
  ASSERT_EQ(list_sort(mixed.as<List>(), Value(), false), 0);
  EXPECT_EQ(R(mixed), "[-1, False, 0.5, True, 2, 3.5]");
  Value e = L({});
  ASSERT_EQ(list_sort(e.as<List>(), Value(), false), 0);
  Value bad = L({I(1), S("a")});
  EXPECT_EQ(list_sort(bad.as<List>(), Value(), false), -1);
  EXPECT_EQ(take_error(), "TypeError: '<' not supported between instances of 'str' and 'int'");
  EXPECT_EQ(list_size(bad.as<List>()), 2);  // items are back after the error
}

// Random data against std::stable_sort, with many equal keys to check
// stability (pairs (key, original index)), in both directions.
TEST(ListSort, StableAgainstStdStableSort) {
  std::mt19937 rng(1234);
  for (int64_t n : {0, 1, 2, 3, 10, 31, 32, 33, 64, 65, 100, 257, 1000, 5000}) {
    for (bool reverse : {false, true}) {
      std::vector<std::pair<int64_t, int64_t>> ref;
      List* l = list_with_capacity(n);
      for (int64_t i = 0; i < n; i++) {
        int64_t key = int64_t(rng() % 17);
        ref.push_back({key, i});
        list_append(l, Tup({I(key), I(i)}));
      }
      Value lv = Value(l);
      // key = the tuple's first item, via a native function.
      Value key_fn = native_function_new(
          "first", [](Value, const Value* args, size_t, Tuple*) { return args[0].as<Tuple>()->items[0]; });
      ASSERT_EQ(list_sort(l, key_fn, reverse), 0);
      if (reverse) {
        std::stable_sort(ref.begin(), ref.end(), [](auto& x, auto& y) { return x.first > y.first; });
      } else {
        std::stable_sort(ref.begin(), ref.end(), [](auto& x, auto& y) { return x.first < y.first; });
      }
      ASSERT_EQ(l->size, n);
      for (int64_t i = 0; i < n; i++) {
        Tuple* t = l->items[i].as<Tuple>();
        ASSERT_EQ(t->items[0], I(ref[size_t(i)].first)) << n << " " << i;
        ASSERT_EQ(t->items[1], I(ref[size_t(i)].second)) << n << " " << i << " reverse " << reverse;
      }
      (void)lv;
    }
  }
}

TEST(ListSort, PatternsAndFastPaths) {
  // Sorted, reversed, sawtooth and random inputs of small ints and strs.
  std::mt19937 rng(99);
  for (int pattern = 0; pattern < 4; pattern++) {
    std::vector<int64_t> v(3000);
    for (size_t i = 0; i < v.size(); i++) {
      switch (pattern) {
        case 0: v[i] = int64_t(i); break;
        case 1: v[i] = int64_t(v.size() - i); break;
        case 2: v[i] = int64_t(i % 100); break;
        default: v[i] = int64_t(rng() % 1000000) - 500000;
      }
    }
    List* ints = list_with_capacity(0);
    List* strs = list_with_capacity(0);
    for (int64_t x : v) {
      list_append(ints, I(x));
      list_append(strs, S(std::to_string(x)));
    }
    Value keep1 = Value(ints), keep2 = Value(strs);
    ASSERT_EQ(list_sort(ints, Value(), false), 0);
    ASSERT_EQ(list_sort(strs, Value(), false), 0);
    std::vector<int64_t> sorted_v = v;
    std::sort(sorted_v.begin(), sorted_v.end());
    std::vector<std::string> sorted_s;
    for (int64_t x : v) sorted_s.push_back(std::to_string(x));
    std::sort(sorted_s.begin(), sorted_s.end());
    for (size_t i = 0; i < v.size(); i++) {
      ASSERT_EQ(ints->items[i], I(sorted_v[i]));
      ASSERT_EQ(T(strs->items[i]), sorted_s[i]);
    }
    (void)keep1;
    (void)keep2;
  }
}

TEST(ListSort, Method) {
  Value ws = L({S("pear"), S("fig"), S("banana"), S("kiwi"), S("apple"), S("date")});
  EXPECT_EQ(M(ws, "sort"), None());
  EXPECT_EQ(R(ws), "['apple', 'banana', 'date', 'fig', 'kiwi', 'pear']");
  EXPECT_EQ(M(ws, "sort", {}, {{"reverse", True()}}), None());
  EXPECT_EQ(R(ws), "['pear', 'kiwi', 'fig', 'date', 'banana', 'apple']");
  EXPECT_EQ(R(M(ws, "sort", {I(1)})), "!TypeError: sort() takes no positional arguments");
  EXPECT_EQ(R(M(ws, "sort", {}, {{"foo", I(1)}})),
            "!TypeError: 'foo' is an invalid keyword argument for sort()");
  EXPECT_EQ(R(list_sorted(S("hello"), Value(), false)), "['e', 'h', 'l', 'l', 'o']");
  Value len_fn = dict_get_str(g_runtime.builtins, str_intern("len"));
  ASSERT_FALSE(len_fn.is_null());
  EXPECT_EQ(M(ws, "sort", {}, {{"key", len_fn}}), None());
  EXPECT_EQ(R(ws), "['fig', 'pear', 'kiwi', 'date', 'apple', 'banana']");
  EXPECT_EQ(M(ws, "sort", {}, {{"key", len_fn}, {"reverse", True()}}), None());
  EXPECT_EQ(R(ws), "['banana', 'apple', 'pear', 'kiwi', 'date', 'fig']");
  EXPECT_EQ(M(ws, "sort", {}, {{"key", None()}}), None());
  EXPECT_EQ(R(ws), "['apple', 'banana', 'date', 'fig', 'kiwi', 'pear']");
}

}  // namespace
}  // namespace pg
