// The special methods of the subclassable built-in types as attributes
// (int.__add__, list.__repr__, str.__eq__, ...). The built-in types work
// through their slots; these native methods call the same slots, so that a
// subclass reaches its base's behaviour through super().__add__(x) or
// int.__add__(self, x), and a heap slot that finds them on the MRO runs the
// built-in behaviour. Also __new__ of these types, for a subclass's own
// __new__ to call.
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/layouts.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/set.h"
#include "objects/type.h"

namespace pg {

namespace {

template <Type* T>
Value w_repr(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("__repr__", nargs, kw, 0, 0)) return Value();
  return T->repr(self);
}

template <Type* T>
Value w_hash(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("__hash__", nargs, kw, 0, 0)) return Value();
  int64_t h;
  if (!T->hash(self, &h)) return Value();
  return int_from_i64(h);
}

template <Type* T, CompareOp Op>
Value w_compare(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs(compare_op_symbol(Op), nargs, kw, 1, 1)) return Value();
  return T->compare(self, args[0], Op);
}

// The binop slots take the operands in source order; the reflected method
// puts self on the right.
template <Type* T, BinaryOp Op>
Value w_binop(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs(binary_op_symbol(Op), nargs, kw, 1, 1)) return Value();
  return T->binop(self, args[0], Op);
}

template <Type* T, BinaryOp Op>
Value w_rbinop(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs(binary_op_symbol(Op), nargs, kw, 1, 1)) return Value();
  return T->binop(args[0], self, Op);
}

template <Type* T, UnaryOp Op>
Value w_unary(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs(unary_op_symbol(Op), nargs, kw, 0, 0)) return Value();
  return T->unary(self, Op);
}

template <Type* T>
Value w_bool(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("__bool__", nargs, kw, 0, 0)) return Value();
  int t = T->truth(self);
  return t < 0 ? Value() : Bool(t);
}

template <Type* T>
Value w_len(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("__len__", nargs, kw, 0, 0)) return Value();
  int64_t n = T->len(self);
  return n < 0 ? Value() : int_from_i64(n);
}

template <Type* T>
Value w_iter(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("__iter__", nargs, kw, 0, 0)) return Value();
  return T->iter(self);
}

template <Type* T>
Value w_getitem(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("__getitem__", nargs, kw, 1, 1)) return Value();
  return T->getitem(self, args[0]);
}

template <Type* T>
Value w_contains(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("__contains__", nargs, kw, 1, 1)) return Value();
  int r = T->contains(self, args[0]);
  return r < 0 ? Value() : Bool(r);
}

// T.__get__(obj, type=None): the descriptor slot as a method, so that
// functions, staticmethod and classmethod objects have __get__ like in
// CPython (hasattr(f, '__get__'), f.__get__(obj)).
template <Type* T>
Value w_descr_get(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("__get__", nargs, kw, 1, 2)) return Value();
  Value obj = is_none(args[0]) ? Value() : args[0];
  Value owner = nargs > 1 && !is_none(args[1]) ? args[1] : Value();
  if (obj.is_null() && owner.is_null()) return raise(&TypeErrorType, "__get__(None, None) is invalid");
  if (!owner.is_null() && !is_type(owner))
    return raise(&TypeErrorType, "__get__(%s, %s): %s is not a type", type_name(args[0]),
                 type_name(owner), type_name(owner));
  Type* t = owner.is_null() ? type_of(obj) : owner.as<Type>();
  return T->descr_get(self, obj, t);
}

// str.__str__(s): the text itself as an exact str (a subclass's
// __repr__ is not involved, unlike object.__str__).
Value w_str_str(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("__str__", nargs, kw, 0, 0)) return Value();
  if (type_of(self) == &StrType) return self;
  return Value(str_new(std::string(str_view(self.as<Str>()))));
}

// T.__new__(cls, ...): a static method. Mutable containers start empty
// (their __init__ fills them); immutable values are made from the arguments.
template <Type* T>
Value w_new(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (nargs == 0) return raise(&TypeErrorType, "%s.__new__(): not enough arguments", T->name);
  if (!is_type(args[0]))
    return raise(&TypeErrorType, "%s.__new__(X): X is not a type object (%s)", T->name,
                 type_name(args[0]));
  Type* cls = args[0].as<Type>();
  if (!is_subtype(cls, T))
    return raise(&TypeErrorType, "%s.__new__(%s): %s is not a subtype of %s", T->name, cls->name,
                 cls->name, T->name);
  if (T == &ListType || T == &DictType || T == &SetType || T == &ByteArrayType) return T->construct(cls, nullptr, 0, nullptr);
  return T->construct(cls, args + 1, nargs - 1, kw);
}

// Adds a method unless the type already has one of that name.
void add(Type* t, const char* name, NativeFn fn, uint32_t flags = kNativeMethod) {
  if (!t->dict) type_ready(t);
  if (!dict_get_str(t->dict, str_intern(name)).is_null()) return;
  type_add_method(t, name, fn, flags);
}

template <Type* T>
void add_common() {
  add(T, "__new__", w_new<T>, kNativeStatic);
  add(T, "__repr__", w_repr<T>);
  if (T->hash) add(T, "__hash__", w_hash<T>);
  // Unhashable built-ins say so with __hash__ = None, like CPython (and a
  // subclass inherits it: hash() of it is a TypeError).
  else if (dict_get_str(T->dict, str_intern("__hash__")).is_null())
    dict_set_str(T->dict, str_intern("__hash__"), None());
  if (T->compare) {
    add(T, "__lt__", w_compare<T, CompareOp::Lt>);
    add(T, "__le__", w_compare<T, CompareOp::Le>);
    add(T, "__eq__", w_compare<T, CompareOp::Eq>);
    add(T, "__ne__", w_compare<T, CompareOp::Ne>);
    add(T, "__gt__", w_compare<T, CompareOp::Gt>);
    add(T, "__ge__", w_compare<T, CompareOp::Ge>);
  }
  if (T->len) add(T, "__len__", w_len<T>);
  if (T->iter) add(T, "__iter__", w_iter<T>);
  if (T->getitem) add(T, "__getitem__", w_getitem<T>);
  if (T->contains) add(T, "__contains__", w_contains<T>);
}

template <Type* T, BinaryOp Op>
void add_binop(const char* name, const char* rname, const char* iname = nullptr) {
  if (!T->binop) return;
  add(T, name, w_binop<T, Op>);
  if (rname) add(T, rname, w_rbinop<T, Op>);
  if (iname) add(T, iname, w_binop<T, static_cast<BinaryOp>(static_cast<int>(Op) + kInplaceOffset)>);
}

template <Type* T>
void add_number() {
  add_binop<T, BinaryOp::Add>("__add__", "__radd__");
  add_binop<T, BinaryOp::Sub>("__sub__", "__rsub__");
  add_binop<T, BinaryOp::Mul>("__mul__", "__rmul__");
  add_binop<T, BinaryOp::TrueDiv>("__truediv__", "__rtruediv__");
  add_binop<T, BinaryOp::FloorDiv>("__floordiv__", "__rfloordiv__");
  add_binop<T, BinaryOp::Mod>("__mod__", "__rmod__");
  add_binop<T, BinaryOp::Pow>("__pow__", "__rpow__");
  if (T->unary) {
    add(T, "__neg__", w_unary<T, UnaryOp::Neg>);
    add(T, "__pos__", w_unary<T, UnaryOp::Pos>);
  }
  if (T->truth) add(T, "__bool__", w_bool<T>);
}

}  // namespace

void builtin_dunders_init() {
  add_common<&IntType>();
  add_number<&IntType>();
  add_binop<&IntType, BinaryOp::LShift>("__lshift__", "__rlshift__");
  add_binop<&IntType, BinaryOp::RShift>("__rshift__", "__rrshift__");
  add_binop<&IntType, BinaryOp::And>("__and__", "__rand__");
  add_binop<&IntType, BinaryOp::Or>("__or__", "__ror__");
  add_binop<&IntType, BinaryOp::Xor>("__xor__", "__rxor__");
  if (IntType.unary) add(&IntType, "__invert__", w_unary<&IntType, UnaryOp::Invert>);

  add_common<&FloatType>();
  add_number<&FloatType>();

  add_common<&StrType>();
  add(&StrType, "__str__", w_str_str);
  add_binop<&StrType, BinaryOp::Add>("__add__", nullptr);
  add_binop<&StrType, BinaryOp::Mul>("__mul__", "__rmul__");
  add_binop<&StrType, BinaryOp::Mod>("__mod__", nullptr);

  add_common<&TupleType>();
  add_binop<&TupleType, BinaryOp::Add>("__add__", nullptr);
  add_binop<&TupleType, BinaryOp::Mul>("__mul__", "__rmul__");

  add_common<&ListType>();
  add_binop<&ListType, BinaryOp::Add>("__add__", nullptr, "__iadd__");
  add_binop<&ListType, BinaryOp::Mul>("__mul__", "__rmul__", "__imul__");

  add_common<&DictType>();
  add_binop<&DictType, BinaryOp::Or>("__or__", "__ror__", "__ior__");

  add_common<&SetType>();
  add_binop<&SetType, BinaryOp::Or>("__or__", "__ror__", "__ior__");
  add_binop<&SetType, BinaryOp::And>("__and__", "__rand__", "__iand__");
  add_binop<&SetType, BinaryOp::Sub>("__sub__", "__rsub__", "__isub__");
  add_binop<&SetType, BinaryOp::Xor>("__xor__", "__rxor__", "__ixor__");
  add_common<&BytesType>();
  add_binop<&BytesType, BinaryOp::Add>("__add__", nullptr);
  add_binop<&BytesType, BinaryOp::Mul>("__mul__", "__rmul__");
  add_binop<&BytesType, BinaryOp::Mod>("__mod__", nullptr);
  add_common<&ByteArrayType>();
  add_binop<&ByteArrayType, BinaryOp::Add>("__add__", nullptr, "__iadd__");
  add_binop<&ByteArrayType, BinaryOp::Mul>("__mul__", "__rmul__", "__imul__");
  add_binop<&ByteArrayType, BinaryOp::Mod>("__mod__", nullptr);

  add_common<&ComplexType>();
  add_number<&ComplexType>();

  add_common<&FrozenSetType>();
  add_binop<&FrozenSetType, BinaryOp::Or>("__or__", "__ror__");
  add_binop<&FrozenSetType, BinaryOp::And>("__and__", "__rand__");
  add_binop<&FrozenSetType, BinaryOp::Sub>("__sub__", "__rsub__");
  add_binop<&FrozenSetType, BinaryOp::Xor>("__xor__", "__rxor__");

  // The set-like dict views compare by content: unhashable, like set.
  for (Type* t : {&DictKeysType, &DictItemsType})
    if (!t->dict) type_ready(t);
  for (Type* t : {&DictKeysType, &DictItemsType})
    if (dict_get_str(t->dict, str_intern("__hash__")).is_null())
      dict_set_str(t->dict, str_intern("__hash__"), None());

  add(&FunctionType, "__get__", w_descr_get<&FunctionType>);
  add(&StaticMethodType, "__get__", w_descr_get<&StaticMethodType>);
  add(&ClassMethodType, "__get__", w_descr_get<&ClassMethodType>);
}

}  // namespace pg
