// Generic object operations: the layer between the eval loop (or any native
// code) and the per-type slots. It owns the parts of Python semantics that
// belong to no single type: operand reflection and NotImplemented handling,
// the fallbacks (truth via len, `in` via iteration, iteration via
// __getitem__), result checks on user-overridable slots, the native
// recursion guard, and CPython's error messages for unsupported operations.
//
// These functions sit on the interpreter's hot paths: the common case (the
// slot exists and answers) touches no std::string and allocates nothing.
#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/layouts.h"
#include "objects/set.h"
#include "objects/type.h"
#include "vm/import.h"
#include "vm/thread_state.h"

namespace pg {

namespace {

// type_of() without the call: small ints are the only untagged-pointer case.
inline Type* type_fast(Value v) { return v.is_small() ? &IntType : v.obj()->type; }

// The native recursion guard brackets every slot call that can recurse
// through arbitrary objects (repr of nested containers, comparison of nested
// containers, calls back into Python), so deep nesting raises RecursionError
// instead of overflowing the C stack. `where` follows CPython's wording
// ("maximum recursion depth exceeded" + where).
struct NativeRecursion {
  bool entered;
  explicit NativeRecursion(const char* where) : entered(enter_native_recursion(where)) {}
  ~NativeRecursion() {
    if (entered) leave_native_recursion();
  }
};

Value type_error_for_result(const char* slot, Value result) {
  return raise(&TypeErrorType, "%s returned non-string (type %s)", slot, type_name(result));
}

}  // namespace

const char* type_name(Value v) { return type_fast(v)->name; }

// ---------------------------------------------------------------------------
// Operator symbols (messages, disassembler).
// ---------------------------------------------------------------------------
const char* binary_op_symbol(BinaryOp op) {
  static const char* const kSymbols[kBinaryOpCount] = {
      "+",  "-",  "*",  "@",  "/",  "//",  "%",  "**",  "<<",  ">>",  "&",  "|",  "^",
      "+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=",
  };
  return int(op) < kBinaryOpCount ? kSymbols[int(op)] : "?";
}

const char* unary_op_symbol(UnaryOp op) {
  switch (op) {
    case UnaryOp::Neg: return "-";
    case UnaryOp::Pos: return "+";
    case UnaryOp::Invert: return "~";
    case UnaryOp::Not: return "not";
  }
  return "?";
}

const char* compare_op_symbol(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return "<";
    case CompareOp::Le: return "<=";
    case CompareOp::Eq: return "==";
    case CompareOp::Ne: return "!=";
    case CompareOp::Gt: return ">";
    case CompareOp::Ge: return ">=";
  }
  return "?";
}

// ---------------------------------------------------------------------------
// repr / str / hash
// ---------------------------------------------------------------------------
Value obj_repr(Value v) {
  Type* t = type_fast(v);
  if (t->repr == nullptr) {
    // Every type inherits object's repr; a missing slot is a bug in a
    // static type, reported instead of crashing.
    return raise(&TypeErrorType, "'%s' object has no __repr__", t->name);
  }
  Value result;
  {
    NativeRecursion guard(" while getting the repr of an object");
    if (!guard.entered) return Value();
    result = t->repr(v);
  }
  if (result.is_null() || is_str(result)) return result;
  return type_error_for_result("__repr__", result);
}

Value obj_str(Value v) {
  Type* t = type_fast(v);
  if (t == &StrType) return v;
  if (t->str == nullptr) return obj_repr(v);
  Value result;
  {
    NativeRecursion guard(" while getting the str of an object");
    if (!guard.entered) return Value();
    result = t->str(v);
  }
  if (result.is_null() || is_str(result)) return result;
  return type_error_for_result("__str__", result);
}

bool obj_hash(Value v, int64_t* out) {
  Type* t = type_fast(v);
  if (t->hash == nullptr) {
    raise(&TypeErrorType, "unhashable type: '%s'", t->name);
    return false;
  }
  return t->hash(v, out);
}

// ---------------------------------------------------------------------------
// Rich comparison.
// ---------------------------------------------------------------------------
namespace {

bool compare_small(int64_t x, int64_t y, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return x < y;
    case CompareOp::Le: return x <= y;
    case CompareOp::Eq: return x == y;
    case CompareOp::Ne: return x != y;
    case CompareOp::Gt: return x > y;
    case CompareOp::Ge: return x >= y;
  }
  return false;
}

// CPython's do_richcompare: the right operand's reflected method goes first
// when its type is a proper subtype of the left's (so subclasses can
// override); otherwise left then right. == and != fall back to identity.
Value do_compare(Value a, Value b, CompareOp op) {
  Type* ta = type_fast(a);
  Type* tb = type_fast(b);
  bool checked_reverse = false;
  if (ta != tb && tb->compare != nullptr && is_subtype(tb, ta)) {
    checked_reverse = true;
    Value r = tb->compare(b, a, swapped(op));
    if (r != NotImplemented()) return r;
  }
  if (ta->compare != nullptr) {
    Value r = ta->compare(a, b, op);
    if (r != NotImplemented()) return r;
  }
  if (!checked_reverse && tb->compare != nullptr) {
    Value r = tb->compare(b, a, swapped(op));
    if (r != NotImplemented()) return r;
  }
  switch (op) {
    case CompareOp::Eq: return Bool(a == b);
    case CompareOp::Ne: return Bool(a != b);
    default:
      return raise(&TypeErrorType, "'%s' not supported between instances of '%s' and '%s'",
                   compare_op_symbol(op), ta->name, tb->name);
  }
}

}  // namespace

Value obj_compare(Value a, Value b, CompareOp op) {
  if (a.is_small() && b.is_small()) return Bool(compare_small(a.small_value(), b.small_value(), op));
  NativeRecursion guard(" in comparison");
  if (!guard.entered) return Value();
  return do_compare(a, b, op);
}

// No identity shortcut here: `x == x` must stay False for a NaN when the
// eval loop fuses a comparison with a branch. Containers use obj_eq.
int obj_compare_bool(Value a, Value b, CompareOp op) {
  if (a.is_small() && b.is_small()) return compare_small(a.small_value(), b.small_value(), op);
  Value r = obj_compare(a, b, op);
  if (r.is_null()) return -1;
  return obj_truth(r);
}

// Identity implies equality for containers (CPython's
// PyObject_RichCompareBool), so `nan in [nan]` is True.
int obj_eq(Value a, Value b) {
  if (a == b) return 1;
  return obj_compare_bool(a, b, CompareOp::Eq);
}

// ---------------------------------------------------------------------------
// Truth.
// ---------------------------------------------------------------------------
int obj_truth(Value v) {
  if (v.is_small()) return v.small_value() != 0;
  if (v == Value(&TrueObject)) return 1;
  if (v == Value(&FalseObject) || is_none(v)) return 0;
  Type* t = v.obj()->type;
  if (t->truth != nullptr) return t->truth(v);
  if (t->len != nullptr) {
    int64_t n = t->len(v);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

// ---------------------------------------------------------------------------
// Arithmetic.
// ---------------------------------------------------------------------------
namespace {

using BinopSlot = Value (*)(Value, Value, BinaryOp);

// CPython's binary_op1. The right operand's slot is skipped when it is the
// same function as the left's (e.g. int and bool): that function already
// saw both operands. It goes first when its type is a proper subtype.
Value binary_op1(Value a, Value b, BinaryOp op) {
  Type* ta = type_fast(a);
  Type* tb = type_fast(b);
  BinopSlot slot_a = ta->binop;
  BinopSlot slot_b = tb != ta ? tb->binop : nullptr;
  if (slot_b == slot_a) slot_b = nullptr;
  if (slot_a != nullptr) {
    if (slot_b != nullptr && is_subtype(tb, ta)) {
      Value r = slot_b(a, b, op);
      if (r != NotImplemented()) return r;
      slot_b = nullptr;
    }
    Value r = slot_a(a, b, op);
    if (r != NotImplemented()) return r;
  }
  if (slot_b != nullptr) return slot_b(a, b, op);
  return NotImplemented();
}

Value unsupported_operands(Value a, Value b, BinaryOp op) {
  const char* symbol = op == BinaryOp::Pow ? "** or pow()" : binary_op_symbol(op);
  return raise(&TypeErrorType, "unsupported operand type(s) for %s: '%s' and '%s'", symbol,
               type_name(a), type_name(b));
}

}  // namespace

Value binary_op(Value a, Value b, BinaryOp op) {
  if (is_inplace(op)) {
    // Only the left operand may update itself in place; failing that the
    // plain operator runs with full reflection (CPython's binary_iop1).
    BinopSlot slot = type_fast(a)->binop;
    if (slot != nullptr) {
      Value r = slot(a, b, op);
      if (r != NotImplemented()) return r;
    }
    Value r = binary_op1(a, b, plain_form(op));
    if (r != NotImplemented()) return r;
    return unsupported_operands(a, b, op);
  }
  Value r = binary_op1(a, b, op);
  if (r != NotImplemented()) return r;
  return unsupported_operands(a, b, op);
}

Value unary_op(Value a, UnaryOp op) {
  if (op == UnaryOp::Not) {
    int t = obj_truth(a);
    if (t < 0) return Value();
    return Bool(t == 0);
  }
  Type* t = type_fast(a);
  if (t->unary != nullptr) {
    // A slot answers NotImplemented for the operators its type lacks
    // (float has - and + but no ~).
    Value r = t->unary(a, op);
    if (r != NotImplemented()) return r;
  }
  return raise(&TypeErrorType, "bad operand type for unary %s: '%s'", unary_op_symbol(op),
               t->name);
}

// ---------------------------------------------------------------------------
// Attributes.
// ---------------------------------------------------------------------------
Value obj_getattr(Value v, Str* name) {
  Type* t = type_fast(v);
  if (t->getattr != nullptr) return t->getattr(v, name);
  return generic_getattr(v, name);
}

Value obj_getattr_cstr(Value v, const char* name) {
  return obj_getattr(v, str_intern(name));
}

int obj_setattr(Value v, Str* name, Value x) {
  Type* t = type_fast(v);
  if (t->setattr != nullptr) return t->setattr(v, name, x);
  return generic_setattr(v, name, x);
}

// ---------------------------------------------------------------------------
// Subscription, length, membership.
// ---------------------------------------------------------------------------
namespace {

// lib/_generic_alias.py's function NAME (the module is imported on first use).
Value helper_function(const char* name) {
  Value module = import_module("_generic_alias");
  if (module.is_null()) return module;
  return obj_getattr_cstr(module, name);
}

// The builtin classes CPython makes generic (list[int]), and their subclasses.
bool builtin_generic(Type* cls) {
  for (Type* t : {&ListType, &TupleType, &DictType, &SetType, &FrozenSetType, &TypeType}) {
    if (is_subtype(cls, t)) return true;
  }
  std::string_view name(cls->name);
  return name == "deque" || name == "collections.deque";
}

// `list[int]`: subscripting a class calls its __class_getitem__ (an
// implicit classmethod) when it has one.
Value class_getitem(Type* cls, Value key) {
  static Str* const kName = str_intern("__class_getitem__");
  if (type_lookup(cls, kName).is_null()) {
    if (!builtin_generic(cls)) return raise(&TypeErrorType, "type '%s' is not subscriptable", cls->name);
    // CPython gives these classes a __class_getitem__ returning a
    // types.GenericAlias; ours lives in lib/_generic_alias.py.
    Value alias = helper_function("alias");
    if (alias.is_null()) return alias;
    Rooted keep_alias(&alias);
    Value args[2] = {Value(cls), key};
    return call(alias, args, 2, nullptr);
  }
  Value method = obj_getattr(Value(cls), kName);
  if (method.is_null()) return method;
  Rooted keep(&method);
  return call1(method, key);
}

}  // namespace

// `int | None`: the binop slot of `type`. Only `|` is defined; the union
// object comes from lib/_generic_alias.py (which answers NotImplemented
// when an operand is not a class, None or an alias).
Value type_binop(Value a, Value b, BinaryOp op) {
  if (op != BinaryOp::Or) return NotImplemented();
  Value type_or = helper_function("type_or");
  if (type_or.is_null()) return type_or;
  Rooted keep(&type_or);
  Value args[2] = {a, b};
  return call(type_or, args, 2, nullptr);
}

Value obj_getitem(Value container, Value key) {
  Type* t = type_fast(container);
  if (t->getitem != nullptr) return t->getitem(container, key);
  if (container.is_obj() && is_subtype(t, &TypeType)) {
    return class_getitem(container.as<Type>(), key);
  }
  return raise(&TypeErrorType, "'%s' object is not subscriptable", t->name);
}

int obj_setitem(Value container, Value key, Value x) {
  Type* t = type_fast(container);
  if (t->setitem != nullptr) return t->setitem(container, key, x);
  raise(&TypeErrorType, "'%s' object does not support item assignment", t->name);
  return -1;
}

int obj_delitem(Value container, Value key) {
  Type* t = type_fast(container);
  if (t->setitem != nullptr) return t->setitem(container, key, Value());
  raise(&TypeErrorType, "'%s' object doesn't support item deletion", t->name);
  return -1;
}

int64_t obj_len(Value v) {
  Type* t = type_fast(v);
  if (t->len != nullptr) return t->len(v);
  raise(&TypeErrorType, "object of type '%s' has no len()", t->name);
  return -1;
}

int obj_contains(Value container, Value x) {
  Type* t = type_fast(container);
  if (t->contains != nullptr) return t->contains(container, x);

  // No __contains__: search by iteration (CPython's _PySequence_IterSearch),
  // comparing item == x with the item on the left, as CPython does.
  Value it = obj_iter(container);
  if (it.is_null()) {
    if (error_matches(&TypeErrorType)) {
      error_clear();
      raise(&TypeErrorType, "argument of type '%s' is not iterable", t->name);
    }
    return -1;
  }
  Rooted keep_it(&it);
  for (;;) {
    Value item = iter_next(it);
    if (item.is_null()) return error_occurred() ? -1 : 0;
    Rooted keep_item(&item);
    int eq = obj_eq(item, x);
    if (eq != 0) return eq;
  }
}

// ---------------------------------------------------------------------------
// Iteration.
// ---------------------------------------------------------------------------
namespace {

// The iterator CPython makes for objects that have __getitem__ but no
// __iter__: it asks for items 0, 1, 2, ... until IndexError (or
// StopIteration). It shares the tuple/list iterator layout; `seq` becomes
// null once exhausted, so it stays exhausted.
Value seqiter_iter(Value self) { return self; }

Value seqiter_next(Value self) {
  SeqIterator* it = self.as<SeqIterator>();
  if (it->seq.is_null()) return Value();
  Value item = obj_getitem(it->seq, Value::small(it->index));
  if (item.is_null()) {
    if (error_matches(&IndexErrorType) || error_matches(&StopIterationType)) {
      error_clear();
      it->seq = Value();
    }
    return Value();
  }
  it->index++;
  return item;
}

void seqiter_trace(Object* self, Visitor& v) { v.visit(static_cast<SeqIterator*>(self)->seq); }

constinit Type SeqIterType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "iterator";
  t.base = &ObjectType;
  t.instance_size = sizeof(SeqIterator);
  t.iter = seqiter_iter;
  t.iternext = seqiter_next;
  t.trace = seqiter_trace;
  return t;
}();

Value seqiter_new(Value seq) {
  // Readied on first use: only old-style sequences ever need it.
  if (SeqIterType.dict == nullptr) type_ready(&SeqIterType);
  SeqIterator* it = gc_new<SeqIterator>(&SeqIterType);
  it->seq = seq;
  it->index = 0;
  return Value(it);
}

}  // namespace

Value obj_iter(Value v) {
  Type* t = type_fast(v);
  if (t->iter != nullptr) {
    Value it = t->iter(v);
    if (it.is_null() || type_fast(it)->iternext != nullptr) return it;
    return raise(&TypeErrorType, "iter() returned non-iterator of type '%s'", type_name(it));
  }
  // Mappings have __getitem__ too, but iterating them by index is wrong.
  if (t->getitem != nullptr && !is_subtype(t, &DictType)) return seqiter_new(v);
  return raise(&TypeErrorType, "'%s' object is not iterable", t->name);
}

Value iter_next(Value iterator) {
  Type* t = type_fast(iterator);
  if (t->iternext != nullptr) return t->iternext(iterator);
  return raise(&TypeErrorType, "'%s' object is not an iterator", t->name);
}

// ---------------------------------------------------------------------------
// Calls.
// ---------------------------------------------------------------------------
Value call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = type_fast(callable);
  if (t->call == nullptr) return raise(&TypeErrorType, "'%s' object is not callable", t->name);
  NativeRecursion guard(" while calling a Python object");
  if (!guard.entered) return Value();
  return t->call(callable, args, nargs, kwnames);
}

Value call0(Value callable) { return call(callable, nullptr, 0, nullptr); }

Value call1(Value callable, Value a) { return call(callable, &a, 1, nullptr); }

}  // namespace pg
