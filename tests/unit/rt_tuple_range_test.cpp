// tuple (tuple.cpp), range (range.cpp) and slice (slice.cpp): construction,
// repr, CPython-identical tuple hashes, comparison, indexing and slicing,
// big-int ranges and slice index resolution.
#include <string>

#include "rt_containers_util.h"

namespace pg {
namespace {

using namespace pg::test;

Value big(const char* digits) { return int_from_string(digits, 10); }

int64_t hash_of(Value v) {
  int64_t h = 0;
  EXPECT_TRUE(obj_hash(v, &h));
  return h;
}

TEST(Tuple, ReprAndEmpty) {
  EXPECT_EQ(R(Tup({})), "()");
  EXPECT_EQ(R(Tup({I(1)})), "(1,)");
  EXPECT_EQ(R(Tup({I(1), S("a"), None()})), "(1, 'a', None)");
  EXPECT_EQ(R(Tup({Tup({})})), "((),)");
  EXPECT_EQ(Value(tuple_new(0)), Value(tuple_empty()));
  EXPECT_EQ(R(Value(tuple_new(2))), "(None, None)");
  Value l = L({});
  Value t = Tup({l});
  list_append(l.as<List>(), t);
  EXPECT_EQ(R(t), "([(...)],)");
}

TEST(Tuple, HashMatchesCPython) {
  EXPECT_EQ(hash_of(Tup({I(1), I(2)})), -3550055125485641917);
  EXPECT_EQ(hash_of(Tup({})), 5740354900026072187);
  EXPECT_EQ(hash_of(Tup({I(1)})), -6644214454873602895);
  EXPECT_EQ(hash_of(Tup({I(-1)})), 8078679518589016365);
  EXPECT_EQ(hash_of(Tup({I(1), Tup({I(2), I(3)})})), 7267574591690527098);
  EXPECT_EQ(hash_of(Tup({big("1180591620717411303424"), I(-5)})), -4572873811949771300);
  EXPECT_EQ(hash_of(Tup({True(), float_new(1.5)})), -1712348012903188502);
  int64_t h;
  EXPECT_FALSE(obj_hash(Tup({I(1), L({})}), &h));
  EXPECT_EQ(take_error(), "TypeError: unhashable type: 'list'");
}

TEST(Tuple, CompareAndOperators) {
  EXPECT_EQ(obj_eq(Tup({I(1), I(2), I(3)}), Tup({I(1), I(2), I(3)})), 1);
  EXPECT_EQ(obj_compare_bool(Tup({I(1), I(2), I(3)}), Tup({I(1), I(2), I(4)}), CompareOp::Lt), 1);
  EXPECT_EQ(obj_compare_bool(Tup({I(1), I(2)}), Tup({I(1), I(2), I(0)}), CompareOp::Lt), 1);
  EXPECT_EQ(obj_compare_bool(Tup({I(2)}), Tup({I(1), I(100)}), CompareOp::Gt), 1);
  EXPECT_EQ(R(obj_compare(Tup({I(1)}), I(1), CompareOp::Lt)),
            "!TypeError: '<' not supported between instances of 'tuple' and 'int'");
  EXPECT_EQ(R(binary_op(Tup({I(1), I(2)}), Tup({I(3)}), BinaryOp::Add)), "(1, 2, 3)");
  EXPECT_EQ(R(binary_op(Tup({I(1), I(2)}), I(2), BinaryOp::Mul)), "(1, 2, 1, 2)");
  EXPECT_EQ(R(binary_op(I(3), Tup({I(7)}), BinaryOp::Mul)), "(7, 7, 7)");
  EXPECT_EQ(R(binary_op(Tup({}), I(10), BinaryOp::Mul)), "()");
  EXPECT_EQ(R(binary_op(Tup({I(1)}), L({I(1)}), BinaryOp::Add)),
            "!TypeError: can only concatenate tuple (not \"list\") to tuple");
  Value t = Tup({I(1)});
  EXPECT_EQ(binary_op(t, I(1), BinaryOp::Mul), t);
  EXPECT_EQ(R(binary_op(t, Tup({I(2)}), BinaryOp::InplaceAdd)), "(1, 2)");
}

TEST(Tuple, IndexSliceContainsMethods) {
  Value t = Tup({I(1), I(2), I(3)});
  EXPECT_EQ(obj_getitem(t, I(0)), I(1));
  EXPECT_EQ(obj_getitem(t, I(-1)), I(3));
  EXPECT_EQ(R(obj_getitem(t, I(3))), "!IndexError: tuple index out of range");
  EXPECT_EQ(R(obj_getitem(t, S("a"))), "!TypeError: tuple indices must be integers or slices, not str");
  EXPECT_EQ(R(obj_getitem(t, slice(None(), None(), I(-1)))), "(3, 2, 1)");
  EXPECT_EQ(R(obj_getitem(t, slice(I(1), None()))), "(2, 3)");
  EXPECT_EQ(R(obj_getitem(t, slice(None(), I(0)))), "()");
  EXPECT_EQ(obj_getitem(t, slice(None(), None())), t);
  EXPECT_EQ(obj_contains(t, I(2)), 1);
  EXPECT_EQ(obj_contains(t, I(7)), 0);
  EXPECT_EQ(obj_len(t), 3);
  EXPECT_EQ(R(M(t, "index", {I(2)})), "1");
  EXPECT_EQ(R(M(t, "index", {I(5)})), "!ValueError: tuple.index(x): x not in tuple");
  EXPECT_EQ(R(M(t, "index", {I(1), S("a")})),
            "!TypeError: slice indices must be integers or have an __index__ method");
  EXPECT_EQ(R(M(Tup({I(1), I(1), I(2), I(1)}), "count", {I(1)})), "3");
  Value it = obj_iter(t);
  EXPECT_STREQ(type_name(it), "tuple_iterator");
  EXPECT_EQ(iter_next(it), I(1));
  EXPECT_EQ(iter_next(it), I(2));
  EXPECT_EQ(iter_next(it), I(3));
  EXPECT_TRUE(iter_next(it).is_null());
}

TEST(Tuple, Constructor) {
  EXPECT_EQ(R(C(&TupleType)), "()");
  EXPECT_EQ(R(C(&TupleType, {L({I(1), I(2)})})), "(1, 2)");
  EXPECT_EQ(R(C(&TupleType, {S("abc")})), "('a', 'b', 'c')");
  EXPECT_EQ(R(C(&TupleType, {range_new(0, 4, 1)})), "(0, 1, 2, 3)");
  Value t = Tup({I(9)});
  EXPECT_EQ(C(&TupleType, {t}), t);
  EXPECT_EQ(R(C(&TupleType, {I(1)})), "!TypeError: 'int' object is not iterable");
}

TEST(Range, ReprLenIndex) {
  EXPECT_EQ(R(range_new(0, 10, 1)), "range(0, 10)");
  EXPECT_EQ(R(range_new(0, 10, 3)), "range(0, 10, 3)");
  EXPECT_EQ(R(range_new(5, 0, -1)), "range(5, 0, -1)");
  EXPECT_EQ(obj_len(range_new(0, 10, 3)), 4);
  EXPECT_EQ(obj_len(range_new(10, 0, -3)), 4);
  EXPECT_EQ(obj_len(range_new(5, 2, 1)), 0);
  EXPECT_EQ(obj_len(range_new(-3, 3, 1)), 6);
  EXPECT_EQ(obj_getitem(range_new(0, 10, 1), I(3)), I(3));
  EXPECT_EQ(obj_getitem(range_new(0, 10, 1), I(-1)), I(9));
  EXPECT_EQ(obj_getitem(range_new(10, 0, -2), I(-1)), I(2));
  EXPECT_EQ(R(obj_getitem(range_new(0, 3, 1), I(5))), "!IndexError: range object index out of range");
  EXPECT_EQ(R(obj_getitem(range_new(0, 3, 1), big("1267650600228229401496703205376"))),
            "!IndexError: range object index out of range");
  EXPECT_EQ(R(obj_getitem(range_new(0, 3, 1), float_new(1.5))),
            "!TypeError: range indices must be integers or slices, not float");
}

TEST(Range, Constructor) {
  EXPECT_EQ(R(C(&RangeType, {I(5)})), "range(0, 5)");
  EXPECT_EQ(R(C(&RangeType, {I(2), I(5)})), "range(2, 5)");
  EXPECT_EQ(R(C(&RangeType, {True(), I(5)})), "range(1, 5)");
  EXPECT_EQ(R(C(&RangeType, {I(1), I(2), I(0)})), "!ValueError: range() arg 3 must not be zero");
  EXPECT_EQ(R(C(&RangeType)), "!TypeError: range expected at least 1 argument, got 0");
  EXPECT_EQ(R(C(&RangeType, {I(1), I(2), I(3), I(4)})), "!TypeError: range expected at most 3 arguments, got 4");
  EXPECT_EQ(R(C(&RangeType, {float_new(1.5)})),
            "!TypeError: 'float' object cannot be interpreted as an integer");
}

TEST(Range, ContainsCompareHash) {
  EXPECT_EQ(obj_contains(range_new(0, 10, 1), I(5)), 1);
  EXPECT_EQ(obj_contains(range_new(0, 10, 1), I(10)), 0);
  EXPECT_EQ(obj_contains(range_new(0, 10, 1), I(-1)), 0);
  EXPECT_EQ(obj_contains(range_new(0, 10, 2), I(4)), 1);
  EXPECT_EQ(obj_contains(range_new(0, 10, 2), I(5)), 0);
  EXPECT_EQ(obj_contains(range_new(10, 0, -1), I(3)), 1);
  EXPECT_EQ(obj_contains(range_new(10, 0, -1), I(0)), 0);
  EXPECT_EQ(obj_contains(range_new(0, 5, 1), float_new(3.0)), 1);
  EXPECT_EQ(obj_contains(range_new(0, 5, 1), True()), 1);
  EXPECT_EQ(obj_contains(range_new(0, 5, 1), S("a")), 0);
  EXPECT_EQ(obj_eq(range_new(0, 5, 1), range_new(0, 5, 1)), 1);
  EXPECT_EQ(obj_eq(range_new(0, 0, 1), range_new(5, 2, 1)), 1);
  EXPECT_EQ(obj_eq(range_new(1, 10, 2), range_new(1, 11, 2)), 1);
  EXPECT_EQ(obj_eq(range_new(1, 2, 3), range_new(1, 3, 5)), 1);
  EXPECT_EQ(obj_eq(range_new(0, 3, 1), range_new(0, 4, 1)), 0);
  EXPECT_EQ(R(obj_compare(range_new(0, 3, 1), range_new(0, 4, 1), CompareOp::Lt)),
            "!TypeError: '<' not supported between instances of 'range' and 'range'");
  EXPECT_EQ(hash_of(range_new(0, 5, 1)), hash_of(Tup({I(5), I(0), I(1)})));
  EXPECT_EQ(hash_of(range_new(0, 0, 1)), hash_of(Tup({I(0), None(), None()})));
  EXPECT_EQ(hash_of(range_new(3, 4, 1)), hash_of(Tup({I(1), I(3), None()})));
}

TEST(Range, SlicingAndMethods) {
  auto sl = [](Value r, Value a, Value b, Value c) { return R(obj_getitem(r, slice(a, b, c))); };
  EXPECT_EQ(sl(range_new(0, 10, 1), None(), None(), I(-1)), "range(9, -1, -1)");
  EXPECT_EQ(sl(range_new(0, 10, 3), I(1), None(), None()), "range(3, 12, 3)");
  EXPECT_EQ(sl(range_new(0, 5, 1), I(10), I(20), None()), "range(5, 5)");
  EXPECT_EQ(sl(range_new(1, 10, 2), None(), None(), I(-2)), "range(9, -1, -4)");
  EXPECT_EQ(sl(range_new(10, 0, -2), I(1), I(3), None()), "range(8, 4, -2)");
  EXPECT_EQ(sl(range_new(0, 10, 1), None(), None(), I(0)), "!ValueError: slice step cannot be zero");
  Value r = range_new(0, 10, 2);
  EXPECT_EQ(R(M(r, "index", {I(4)})), "2");
  EXPECT_EQ(R(M(r, "index", {I(5)})), "!ValueError: 5 is not in range");
  EXPECT_EQ(R(M(r, "index", {S("a")})), "!ValueError: sequence.index(x): x not in sequence");
  EXPECT_EQ(R(M(r, "index", {float_new(6.0)})), "3");
  EXPECT_EQ(R(M(r, "count", {I(4)})), "1");
  EXPECT_EQ(R(M(r, "count", {I(3)})), "0");
  EXPECT_EQ(R(obj_getattr_cstr(r, "start")), "0");
  EXPECT_EQ(R(obj_getattr_cstr(r, "stop")), "10");
  EXPECT_EQ(R(obj_getattr_cstr(r, "step")), "2");
  EXPECT_EQ(R(obj_getattr_cstr(r, "foo")), "!AttributeError: 'range' object has no attribute 'foo'");
  EXPECT_EQ(R(C(&ListType, {M(range_new(0, 10, 3), "__reversed__")})), "[9, 6, 3, 0]");
}

TEST(Range, IterationAllocatesNothingButIsCorrect) {
  Value it = obj_iter(range_new(-3, 4, 2));
  EXPECT_STREQ(type_name(it), "range_iterator");
  std::string out;
  for (Value v; !(v = iter_next(it)).is_null();) out += R(v) + " ";
  EXPECT_EQ(out, "-3 -1 1 3 ");
  EXPECT_FALSE(error_occurred());
  EXPECT_EQ(R(C(&ListType, {range_new(10, -10, -4)})), "[10, 6, 2, -2, -6]");
  // Bounds beyond the small-int range use int objects.
  Value r = range_new(INT64_MAX - 2, INT64_MAX, 1);
  EXPECT_EQ(R(C(&ListType, {r})), "[9223372036854775805, 9223372036854775806]");
}

TEST(Range, BigBounds) {
  Value two64 = big("18446744073709551616");
  Value r = C(&RangeType, {two64});
  EXPECT_EQ(R(r), "range(0, 18446744073709551616)");
  EXPECT_EQ(R(obj_getitem(r, I(-1))), "18446744073709551615");
  EXPECT_EQ(obj_contains(r, big("9223372036854775808")), 1);
  EXPECT_EQ(obj_contains(r, two64), 0);
  EXPECT_EQ(obj_len(r), -1);
  EXPECT_EQ(take_error(), "OverflowError: Python int too large to convert to C ssize_t");
  EXPECT_EQ(obj_truth(r), 1);
  EXPECT_EQ(R(obj_getitem(r, slice(None(), None(), big("4611686018427387904")))),
            "range(0, 18446744073709551616, 4611686018427387904)");
  EXPECT_EQ(R(obj_getitem(r, slice(I(-5), None()))), "range(18446744073709551611, 18446744073709551616)");
  Value r2 = C(&RangeType, {I(0), big("1180591620717411303424"), big("1152921504606846976")});
  EXPECT_EQ(R(obj_getitem(r2, I(5))), "5764607523034234880");
  Value r3 = C(&RangeType, {big("18446744073709551613"), two64});
  Value it = obj_iter(r3);
  EXPECT_STREQ(type_name(it), "longrange_iterator");
  EXPECT_EQ(R(C(&ListType, {r3})), "[18446744073709551613, 18446744073709551614, 18446744073709551615]");
  EXPECT_EQ(R(obj_getattr_cstr(r3, "stop")), "18446744073709551616");
  EXPECT_EQ(obj_eq(r3, C(&RangeType, {big("18446744073709551613"), two64, I(1)})), 1);
}

TEST(Slice, ReprAttributesIndices) {
  EXPECT_EQ(R(slice(I(1), I(2))), "slice(1, 2, None)");
  EXPECT_EQ(R(C(&SliceType, {None()})), "slice(None, None, None)");
  EXPECT_EQ(R(C(&SliceType, {S("a"), None(), L({I(1)})})), "slice('a', None, [1])");
  EXPECT_EQ(R(C(&SliceType)), "!TypeError: slice expected at least 1 argument, got 0");
  Value s = slice(I(1), I(2), I(3));
  EXPECT_EQ(obj_getattr_cstr(s, "start"), I(1));
  EXPECT_EQ(obj_getattr_cstr(s, "stop"), I(2));
  EXPECT_EQ(obj_getattr_cstr(s, "step"), I(3));
  EXPECT_EQ(R(M(s, "indices", {I(10)})), "(1, 2, 3)");
  EXPECT_EQ(R(M(slice(None(), None(), I(-1)), "indices", {I(5)})), "(4, -1, -1)");
  EXPECT_EQ(R(M(slice(I(-100), I(100)), "indices", {I(7)})), "(0, 7, 1)");
  EXPECT_EQ(R(M(slice(big("1180591620717411303424"), big("-1180591620717411303424"), I(-1)), "indices",
                {I(4)})),
            "(3, -1, -1)");
  EXPECT_EQ(R(M(s, "indices", {I(-1)})), "!ValueError: length should not be negative");
  EXPECT_EQ(R(M(slice(I(1), I(2), I(0)), "indices", {I(5)})), "!ValueError: slice step cannot be zero");
  EXPECT_EQ(obj_eq(slice(I(1), I(2)), slice(I(1), I(2))), 1);
  EXPECT_EQ(obj_compare_bool(slice(I(1), I(2)), slice(I(1), I(3)), CompareOp::Lt), 1);
  int64_t h;
  EXPECT_FALSE(obj_hash(s, &h));
  EXPECT_EQ(take_error(), "TypeError: unhashable type: 'slice'");
  int64_t start, stop, step, n;
  ASSERT_TRUE(slice_indices(slice(None(), None(), I(-2)), 10, &start, &stop, &step, &n));
  EXPECT_EQ(start, 9);
  EXPECT_EQ(stop, -1);
  EXPECT_EQ(step, -2);
  EXPECT_EQ(n, 5);
  EXPECT_FALSE(slice_indices(slice(S("a"), None()), 10, &start, &stop, &step, &n));
  EXPECT_EQ(take_error(),
            "TypeError: slice indices must be integers or None or have an __index__ method");
}

}  // namespace
}  // namespace pg
