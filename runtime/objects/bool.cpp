// bool: the int subtype with exactly two instances, True and False.
//
// Both are static BoolObjects (value 1 and 0). Arithmetic, comparison and
// hashing are int's (True + True == 2, hash(True) == 1); only &, | and ^
// between two bools give a bool back, like CPython's bool_and/or/xor.
#include "objects/int_internal.h"
#include "objects/layouts.h"

namespace pg {

static Value bool_repr(Value self);
static Value bool_binop(Value a, Value b, BinaryOp op);
static int bool_truth(Value self);
static Value bool_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames);

static constexpr Type make_bool_type() {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "bool";
  t.base = &IntType;
  t.flags = kTypeIntSubclass;  // not kTypeBaseType: bool cannot be subclassed
  t.instance_size = sizeof(BoolObject);
  t.repr = bool_repr;
  t.hash = int_hash_slot;
  t.compare = int_compare_slot;
  t.binop = bool_binop;
  t.unary = int_unary_slot;
  t.truth = bool_truth;
  t.construct = bool_construct;
  return t;
}
constinit Type BoolType = make_bool_type();

static constexpr BoolObject make_bool(int64_t value) {
  BoolObject b{};
  b.type = &BoolType;
  b.gc_flags = kGcStatic;
  b.value = value;
  return b;
}
constinit BoolObject TrueObject = make_bool(1);
constinit BoolObject FalseObject = make_bool(0);


static Value bool_repr(Value self) {
  // Interned once: repr(True) is frequent (print) and must not allocate.
  static Str* const true_text = str_intern("True");
  static Str* const false_text = str_intern("False");
  return Value(static_cast<BoolObject*>(self.obj())->value ? true_text : false_text);
}

static inline bool is_bool(Value v) { return v.is_obj() && v.obj()->type == &BoolType; }

static Value bool_binop(Value a, Value b, BinaryOp op) {
  BinaryOp plain = plain_form(op);
  if ((plain == BinaryOp::And || plain == BinaryOp::Or || plain == BinaryOp::Xor) && is_bool(a) && is_bool(b)) {
    int64_t x = static_cast<BoolObject*>(a.obj())->value, y = static_cast<BoolObject*>(b.obj())->value;
    return Bool(plain == BinaryOp::And ? (x & y) : plain == BinaryOp::Or ? (x | y) : (x ^ y));
  }
  return int_binop_slot(a, b, op);
}

static int bool_truth(Value self) { return static_cast<BoolObject*>(self.obj())->value != 0; }

static Value bool_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames != nullptr && tuple_size(kwnames) > 0) return raise(&TypeErrorType, "bool() takes no keyword arguments");
  if (nargs > 1) return raise(&TypeErrorType, "bool expected at most 1 argument, got %zu", nargs);
  if (nargs == 0) return False();
  int t = obj_truth(args[0]);
  if (t < 0) return Value();
  return Bool(t != 0);
}

void bool_init_methods() { type_ready(&BoolType); }

}  // namespace pg
