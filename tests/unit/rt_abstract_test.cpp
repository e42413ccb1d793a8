// The generic object operations (abstract.cpp): slot dispatch, operand
// reflection, fallbacks and CPython 3.11's error messages. Reflection order
// is checked with small test types whose slots log their calls.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "objects/exceptions.h"
#include "objects/layouts.h"
#include "objects/object.h"
#include "vm/thread_state.h"

namespace pg {
namespace {

Value S(const char* text) { return str_from_cstr(text); }

std::string text_of(Value v) {
  EXPECT_FALSE(v.is_null());
  if (v.is_null()) return "<null>";
  return std::string(str_view(v.as<Str>()));
}

std::string take_error() {
  if (!error_occurred()) return "<no error>";
  Value e = error_fetch();
  return std::string(type_name(e)) + ": " + exception_message(e);
}

// ---------------------------------------------------------------------------
// Test types. A, B (subclass of A), A2 (subclass of A sharing A's slots), C
// (unrelated). Their binop/compare slots append to g_log and answer
// NotImplemented unless the test set g_answer_from to their name.
// ---------------------------------------------------------------------------
std::string g_log;
char g_answer_from = 0;

Value logged(char who, const char* what) {
  g_log += who;
  g_log += what;
  g_log += ' ';
  return g_answer_from == who ? Value::small(who) : NotImplemented();
}

Value a_binop(Value a, Value b, BinaryOp op) { return logged('A', binary_op_symbol(op)); }
Value b_binop(Value a, Value b, BinaryOp op) { return logged('B', binary_op_symbol(op)); }
Value c_binop(Value a, Value b, BinaryOp op) { return logged('C', binary_op_symbol(op)); }
Value a_compare(Value a, Value b, CompareOp op) { return logged('A', compare_op_symbol(op)); }
Value b_compare(Value a, Value b, CompareOp op) { return logged('B', compare_op_symbol(op)); }
Value c_compare(Value a, Value b, CompareOp op) { return logged('C', compare_op_symbol(op)); }

Type make_type(const char* name, Type* base) {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = name;
  t.base = base;
  t.instance_size = sizeof(Object);
  return t;
}

Type TestA = [] {
  Type t = make_type("A", &ObjectType);
  t.binop = a_binop;
  t.compare = a_compare;
  return t;
}();
Type TestB = [] {
  Type t = make_type("B", &TestA);
  t.binop = b_binop;
  t.compare = b_compare;
  return t;
}();
Type TestA2 = [] {
  Type t = make_type("A2", &TestA);
  t.binop = a_binop;
  t.compare = a_compare;
  return t;
}();
Type TestC = [] {
  Type t = make_type("C", &ObjectType);
  t.binop = c_binop;
  t.compare = c_compare;
  return t;
}();

Value instance(Type* t) { return Value(gc_alloc(t, sizeof(Object))); }

struct LogReset {
  LogReset() {
    g_log.clear();
    g_answer_from = 0;
  }
};

// ---------------------------------------------------------------------------
TEST(Abstract, OperatorSymbols) {
  EXPECT_STREQ(binary_op_symbol(BinaryOp::Add), "+");
  EXPECT_STREQ(binary_op_symbol(BinaryOp::FloorDiv), "//");
  EXPECT_STREQ(binary_op_symbol(BinaryOp::Pow), "**");
  EXPECT_STREQ(binary_op_symbol(BinaryOp::Xor), "^");
  EXPECT_STREQ(binary_op_symbol(BinaryOp::InplaceAdd), "+=");
  EXPECT_STREQ(binary_op_symbol(BinaryOp::InplaceMatMul), "@=");
  EXPECT_STREQ(binary_op_symbol(BinaryOp::InplaceXor), "^=");
  EXPECT_STREQ(unary_op_symbol(UnaryOp::Invert), "~");
  EXPECT_STREQ(unary_op_symbol(UnaryOp::Not), "not");
  EXPECT_STREQ(compare_op_symbol(CompareOp::Le), "<=");
  EXPECT_STREQ(compare_op_symbol(CompareOp::Ne), "!=");
}

TEST(Abstract, TypeName) {
  EXPECT_STREQ(type_name(Value::small(1)), "int");
  EXPECT_STREQ(type_name(None()), "NoneType");
  EXPECT_STREQ(type_name(S("x")), "str");
  EXPECT_STREQ(type_name(instance(&TestB)), "B");
}

TEST(Abstract, BinaryOpTriesLeftThenRight) {
  LogReset reset;
  EXPECT_TRUE(binary_op(instance(&TestA), instance(&TestC), BinaryOp::Add).is_null());
  EXPECT_EQ(g_log, "A+ C+ ");
  EXPECT_EQ(take_error(), "TypeError: unsupported operand type(s) for +: 'A' and 'C'");
  g_log.clear();
  g_answer_from = 'C';
  EXPECT_EQ(binary_op(instance(&TestA), instance(&TestC), BinaryOp::Sub), Value::small('C'));
  EXPECT_EQ(g_log, "A- C- ");
}

TEST(Abstract, BinaryOpTriesSubclassFirst) {
  LogReset reset;
  binary_op(instance(&TestA), instance(&TestB), BinaryOp::Mul);
  EXPECT_EQ(g_log, "B* A* ");
  EXPECT_EQ(take_error(), "TypeError: unsupported operand type(s) for *: 'A' and 'B'");
  g_log.clear();
  binary_op(instance(&TestB), instance(&TestA), BinaryOp::Mul);
  EXPECT_EQ(g_log, "B* A* ");
  error_clear();
  g_log.clear();
  g_answer_from = 'B';
  EXPECT_EQ(binary_op(instance(&TestA), instance(&TestB), BinaryOp::Mul), Value::small('B'));
  EXPECT_EQ(g_log, "B* ");
}

TEST(Abstract, BinaryOpSharedSlotRunsOnce) {
  LogReset reset;
  binary_op(instance(&TestA), instance(&TestA2), BinaryOp::Mod);
  EXPECT_EQ(g_log, "A% ");
  EXPECT_EQ(take_error(), "TypeError: unsupported operand type(s) for %: 'A' and 'A2'");
  g_log.clear();
  binary_op(instance(&TestA), instance(&TestA), BinaryOp::Mod);
  EXPECT_EQ(g_log, "A% ");
  error_clear();
}

TEST(Abstract, InplaceFallsBackToPlainWithReflection) {
  LogReset reset;
  binary_op(instance(&TestA), instance(&TestC), BinaryOp::InplaceAdd);
  EXPECT_EQ(g_log, "A+= A+ C+ ");
  EXPECT_EQ(take_error(), "TypeError: unsupported operand type(s) for +=: 'A' and 'C'");
  g_log.clear();
  binary_op(instance(&TestA), instance(&TestC), BinaryOp::InplacePow);
  EXPECT_EQ(take_error(), "TypeError: unsupported operand type(s) for **=: 'A' and 'C'");
  g_log.clear();
  g_answer_from = 'A';
  EXPECT_EQ(binary_op(instance(&TestA), instance(&TestC), BinaryOp::InplaceOr),
            Value::small('A'));
  EXPECT_EQ(g_log, "A|= ");
}

TEST(Abstract, BinaryOpMessagesWithBuiltins) {
  EXPECT_TRUE(binary_op(Value::small(1), S("a"), BinaryOp::Sub).is_null());
  EXPECT_EQ(take_error(), "TypeError: unsupported operand type(s) for -: 'int' and 'str'");
  EXPECT_TRUE(binary_op(Value::small(2), S("a"), BinaryOp::Pow).is_null());
  EXPECT_EQ(take_error(),
            "TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'");
  EXPECT_TRUE(binary_op(None(), None(), BinaryOp::Add).is_null());
  EXPECT_EQ(take_error(),
            "TypeError: unsupported operand type(s) for +: 'NoneType' and 'NoneType'");
  EXPECT_TRUE(binary_op(Value::small(1), S("a"), BinaryOp::InplaceAdd).is_null());
  EXPECT_EQ(take_error(), "TypeError: unsupported operand type(s) for +=: 'int' and 'str'");
  EXPECT_EQ(binary_op(Value::small(2), Value::small(3), BinaryOp::Add), Value::small(5));
  EXPECT_EQ(binary_op(Value::small(7), Value::small(2), BinaryOp::InplaceFloorDiv),
            Value::small(3));
}

TEST(Abstract, CompareReflectsWithSwappedOperator) {
  LogReset reset;
  EXPECT_TRUE(obj_compare(instance(&TestA), instance(&TestC), CompareOp::Lt).is_null());
  EXPECT_EQ(g_log, "A< C> ");
  EXPECT_EQ(take_error(), "TypeError: '<' not supported between instances of 'A' and 'C'");
  g_log.clear();
  obj_compare(instance(&TestA), instance(&TestB), CompareOp::Le);
  EXPECT_EQ(g_log, "B>= A<= ");
  EXPECT_EQ(take_error(), "TypeError: '<=' not supported between instances of 'A' and 'B'");
  // Same type: CPython still tries the reflected method.
  g_log.clear();
  obj_compare(instance(&TestA), instance(&TestA), CompareOp::Gt);
  EXPECT_EQ(g_log, "A> A< ");
  error_clear();
  g_log.clear();
  g_answer_from = 'C';
  EXPECT_EQ(obj_compare(instance(&TestA), instance(&TestC), CompareOp::Ge), Value::small('C'));
  EXPECT_EQ(g_log, "A>= C<= ");
}

TEST(Abstract, EqualityDefaultsToIdentity) {
  LogReset reset;
  Value a = instance(&TestA);
  Value c = instance(&TestC);
  EXPECT_EQ(obj_compare(a, c, CompareOp::Eq), False());
  EXPECT_EQ(g_log, "A== C== ");
  EXPECT_EQ(obj_compare(a, a, CompareOp::Eq), True());
  EXPECT_EQ(obj_compare(a, c, CompareOp::Ne), True());
  EXPECT_EQ(obj_compare_bool(a, a, CompareOp::Ne), 0);
  EXPECT_EQ(obj_compare(Value::small(1), S("a"), CompareOp::Eq), False());
  EXPECT_TRUE(obj_compare(Value::small(1), S("a"), CompareOp::Lt).is_null());
  EXPECT_EQ(take_error(), "TypeError: '<' not supported between instances of 'int' and 'str'");
  EXPECT_TRUE(obj_compare(None(), None(), CompareOp::Lt).is_null());
  EXPECT_EQ(take_error(),
            "TypeError: '<' not supported between instances of 'NoneType' and 'NoneType'");
}

TEST(Abstract, CompareSmallInts) {
  EXPECT_EQ(obj_compare(Value::small(1), Value::small(2), CompareOp::Lt), True());
  EXPECT_EQ(obj_compare(Value::small(-1), Value::small(-1), CompareOp::Ge), True());
  EXPECT_EQ(obj_compare_bool(Value::small(3), Value::small(2), CompareOp::Le), 0);
  EXPECT_EQ(obj_compare_bool(Value::small(3), Value::small(2), CompareOp::Ne), 1);
}

TEST(Abstract, EqIdentityShortcutButNotCompareBool) {
  Value nan = float_new(std::nan(""));
  EXPECT_EQ(obj_eq(nan, nan), 1);
  EXPECT_EQ(obj_compare_bool(nan, nan, CompareOp::Eq), 0);
  EXPECT_EQ(obj_eq(S("ab"), S("ab")), 1);
  EXPECT_EQ(obj_eq(Value::small(1), S("1")), 0);
}

// A type with only a len slot, and one with a truth slot that fails.
int64_t len_zero(Value) { return 0; }
int64_t len_three(Value) { return 3; }
int truth_fails(Value) {
  raise(&ValueErrorType, "no truth");
  return -1;
}
Type LenZero = [] {
  Type t = make_type("LenZero", &ObjectType);
  t.len = len_zero;
  return t;
}();
Type LenThree = [] {
  Type t = make_type("LenThree", &ObjectType);
  t.len = len_three;
  return t;
}();
Type BadTruth = [] {
  Type t = make_type("BadTruth", &ObjectType);
  t.truth = truth_fails;
  return t;
}();

TEST(Abstract, Truth) {
  EXPECT_EQ(obj_truth(None()), 0);
  EXPECT_EQ(obj_truth(False()), 0);
  EXPECT_EQ(obj_truth(True()), 1);
  EXPECT_EQ(obj_truth(Value::small(0)), 0);
  EXPECT_EQ(obj_truth(Value::small(-4)), 1);
  EXPECT_EQ(obj_truth(S("")), 0);
  EXPECT_EQ(obj_truth(S("x")), 1);
  EXPECT_EQ(obj_truth(Value(list_new(0))), 0);
  EXPECT_EQ(obj_truth(instance(&LenZero)), 0);
  EXPECT_EQ(obj_truth(instance(&LenThree)), 1);
  EXPECT_EQ(obj_truth(instance(&TestA)), 1);
  EXPECT_EQ(obj_truth(instance(&BadTruth)), -1);
  EXPECT_EQ(take_error(), "ValueError: no truth");
}

TEST(Abstract, UnaryOps) {
  EXPECT_EQ(unary_op(Value::small(3), UnaryOp::Neg), Value::small(-3));
  EXPECT_EQ(unary_op(Value::small(0), UnaryOp::Invert), Value::small(-1));
  EXPECT_EQ(unary_op(Value::small(0), UnaryOp::Not), True());
  EXPECT_EQ(unary_op(S("x"), UnaryOp::Not), False());
  EXPECT_TRUE(unary_op(S("a"), UnaryOp::Neg).is_null());
  EXPECT_EQ(take_error(), "TypeError: bad operand type for unary -: 'str'");
  EXPECT_TRUE(unary_op(S("a"), UnaryOp::Pos).is_null());
  EXPECT_EQ(take_error(), "TypeError: bad operand type for unary +: 'str'");
  EXPECT_TRUE(unary_op(float_new(1.5), UnaryOp::Invert).is_null());
  EXPECT_EQ(take_error(), "TypeError: bad operand type for unary ~: 'float'");
  EXPECT_TRUE(unary_op(instance(&BadTruth), UnaryOp::Not).is_null());
  EXPECT_EQ(take_error(), "ValueError: no truth");
}

TEST(Abstract, HashAndUnhashable) {
  int64_t h = 0;
  ASSERT_TRUE(obj_hash(Value::small(5), &h));
  EXPECT_EQ(h, 5);
  EXPECT_FALSE(obj_hash(Value(list_new(0)), &h));
  EXPECT_EQ(take_error(), "TypeError: unhashable type: 'list'");
}

// repr/str slots that misbehave, and one that recurses without end.
Value repr_int(Value) { return Value::small(5); }
Value repr_forever(Value self) { return obj_repr(self); }
Type BadRepr = [] {
  Type t = make_type("BadRepr", &ObjectType);
  t.repr = repr_int;
  t.str = repr_int;
  return t;
}();
Type DeepRepr = [] {
  Type t = make_type("DeepRepr", &ObjectType);
  t.repr = repr_forever;
  return t;
}();

TEST(Abstract, ReprAndStr) {
  EXPECT_EQ(text_of(obj_repr(Value::small(-12))), "-12");
  EXPECT_EQ(text_of(obj_repr(S("a'b"))), "\"a'b\"");
  Value s = S("plain");
  EXPECT_EQ(obj_str(s), s);
  EXPECT_EQ(text_of(obj_str(None())), "None");
  EXPECT_TRUE(obj_repr(instance(&BadRepr)).is_null());
  EXPECT_EQ(take_error(), "TypeError: __repr__ returned non-string (type int)");
  EXPECT_TRUE(obj_str(instance(&BadRepr)).is_null());
  EXPECT_EQ(take_error(), "TypeError: __str__ returned non-string (type int)");
}

TEST(Abstract, ReprRecursionIsGuarded) {
  int depth_before = current_thread()->c_recursion_depth;
  EXPECT_TRUE(obj_repr(instance(&DeepRepr)).is_null());
  EXPECT_EQ(take_error(),
            "RecursionError: maximum recursion depth exceeded while getting the repr of an "
            "object");
  EXPECT_EQ(current_thread()->c_recursion_depth, depth_before);
}

TEST(Abstract, SubscriptMessages) {
  EXPECT_TRUE(obj_getitem(Value::small(1), Value::small(0)).is_null());
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not subscriptable");
  EXPECT_TRUE(obj_getitem(Value(&IntType), Value::small(0)).is_null());
  EXPECT_EQ(take_error(), "TypeError: type 'int' is not subscriptable");
  Value t = Value(tuple_from({Value::small(1)}));
  EXPECT_EQ(obj_setitem(t, Value::small(0), Value::small(2)), -1);
  EXPECT_EQ(take_error(), "TypeError: 'tuple' object does not support item assignment");
  EXPECT_EQ(obj_delitem(Value::small(1), Value::small(0)), -1);
  EXPECT_EQ(take_error(), "TypeError: 'int' object doesn't support item deletion");
  EXPECT_EQ(obj_getitem(t, Value::small(0)), Value::small(1));
}

TEST(Abstract, ListItemRoundTrip) {
  Value l = Value(list_new(0));
  list_append(l.as<List>(), Value::small(1));
  ASSERT_EQ(obj_setitem(l, Value::small(0), Value::small(9)), 0);
  EXPECT_EQ(obj_getitem(l, Value::small(0)), Value::small(9));
  ASSERT_EQ(obj_delitem(l, Value::small(0)), 0);
  EXPECT_EQ(obj_len(l), 0);
}

// __class_getitem__ is looked up on the class being subscripted.
Value class_getitem_echo(Value, const Value* args, size_t nargs, Tuple*) { return args[0]; }
Type Generic = make_type("Generic", &ObjectType);

TEST(Abstract, ClassGetitem) {
  type_add_method(&Generic, "__class_getitem__", class_getitem_echo, kNativeStatic);
  Value key = S("key");
  EXPECT_EQ(obj_getitem(Value(&Generic), key), key);
}

TEST(Abstract, LenAndContainsMessages) {
  EXPECT_EQ(obj_len(Value::small(1)), -1);
  EXPECT_EQ(take_error(), "TypeError: object of type 'int' has no len()");
  EXPECT_EQ(obj_len(S("h\xc3\xa9")), 2);
  EXPECT_EQ(obj_contains(Value::small(1), Value::small(1)), -1);
  EXPECT_EQ(take_error(), "TypeError: argument of type 'int' is not iterable");
  Value l = Value(list_new(0));
  list_append(l.as<List>(), Value::small(4));
  EXPECT_EQ(obj_contains(l, Value::small(4)), 1);
  EXPECT_EQ(obj_contains(l, Value::small(5)), 0);
}

// An old-style sequence: __getitem__ only, items 0, 10, 20 then IndexError.
Value tens_getitem(Value self, Value key) {
  if (!key.is_small() || key.small_value() >= 3) {
    return raise(&IndexErrorType, "index out of range");
  }
  return Value::small(key.small_value() * 10);
}
Type Tens = [] {
  Type t = make_type("Tens", &ObjectType);
  t.getitem = tens_getitem;
  return t;
}();

TEST(Abstract, IterationViaGetitem) {
  Value it = obj_iter(instance(&Tens));
  ASSERT_FALSE(it.is_null()) << take_error();
  EXPECT_STREQ(type_name(it), "iterator");
  EXPECT_EQ(obj_iter(it), it);
  EXPECT_EQ(iter_next(it), Value::small(0));
  EXPECT_EQ(iter_next(it), Value::small(10));
  EXPECT_EQ(iter_next(it), Value::small(20));
  EXPECT_TRUE(iter_next(it).is_null());
  EXPECT_FALSE(error_occurred());
  EXPECT_TRUE(iter_next(it).is_null());  // stays exhausted
  EXPECT_FALSE(error_occurred());
  // `in` without __contains__ iterates.
  EXPECT_EQ(obj_contains(instance(&Tens), Value::small(20)), 1);
  EXPECT_EQ(obj_contains(instance(&Tens), Value::small(5)), 0);
}

TEST(Abstract, IterMessages) {
  EXPECT_TRUE(obj_iter(Value::small(1)).is_null());
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not iterable");
  EXPECT_TRUE(iter_next(Value(list_new(0))).is_null());
  EXPECT_EQ(take_error(), "TypeError: 'list' object is not an iterator");
  Value l = Value(list_new(0));
  list_append(l.as<List>(), Value::small(8));
  Value it = obj_iter(l);
  ASSERT_FALSE(it.is_null());
  EXPECT_EQ(iter_next(it), Value::small(8));
  EXPECT_TRUE(iter_next(it).is_null());
  EXPECT_FALSE(error_occurred());
}

Value echo_call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  return Value::small(int64_t(nargs) * 100 + (kwnames ? tuple_size(kwnames) : 0));
}
Type Echo = [] {
  Type t = make_type("Echo", &ObjectType);
  t.call = echo_call;
  return t;
}();

TEST(Abstract, Calls) {
  EXPECT_TRUE(call0(Value::small(1)).is_null());
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not callable");
  Value f = instance(&Echo);
  EXPECT_EQ(call0(f), Value::small(0));
  EXPECT_EQ(call1(f, None()), Value::small(100));
  Value args[3] = {None(), None(), None()};
  EXPECT_EQ(call(f, args, 2, tuple_from({S("k")})), Value::small(201));
  EXPECT_EQ(call(Value(&ValueErrorType), args, 1).obj()->type, &ValueErrorType);
}

TEST(Abstract, Attributes) {
  Value e = call0(Value(&ValueErrorType));
  ASSERT_EQ(obj_setattr(e, str_intern("note"), Value::small(1)), 0);
  EXPECT_EQ(obj_getattr(e, str_intern("note")), Value::small(1));
  EXPECT_EQ(obj_getattr_cstr(e, "note"), Value::small(1));
  EXPECT_TRUE(obj_getattr_cstr(Value::small(1), "foo").is_null());
  EXPECT_EQ(take_error(), "AttributeError: 'int' object has no attribute 'foo'");
}

}  // namespace
}  // namespace pg
