// pyglass object model: values, the object header, types and the generic
// operations every part of the VM uses.
//
// Conventions (read these before writing any runtime code):
//  * A function returning `Value` returns a null Value (`Value()`, is_null())
//    when it raised: the exception is then pending in the current thread
//    state (see errors below). Functions returning `int` return -1 on error;
//    predicates returning `int` return 0/1 or -1 on error; `bool` returning
//    helpers return false on error unless their comment says otherwise.
//  * Memory is managed by a non-moving mark-and-sweep collector (gc.cpp). It
//    only runs at safe points of the eval loop. Native code may therefore
//    allocate freely; it only needs to root (see `Rooted`) the heap values it
//    holds in C++ locals across a call that can run Python code (call(),
//    obj_repr() of an arbitrary value, ...). Arguments passed to a native
//    function live on the caller's value stack and are already rooted.
//  * Every heap object starts with `Object`. Types describe behaviour through
//    slots (function pointers); a null slot means "not supported".
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace pg {

struct Object;
struct Type;
struct Str;
struct Tuple;
struct List;
struct Dict;

// ---------------------------------------------------------------------------
// Value: one machine word.
//   bits & 1 == 1 : small int; the payload is (int64_t)bits >> 1, i.e. the
//                   range [-2^62, 2^62). Small ints are never heap allocated;
//                   larger ones are BigInt objects (GMP). An int value is
//                   always stored in the smallest form: a BigInt never holds a
//                   value that fits a small int.
//   bits == 0     : no value: "an exception is pending" as a return value,
//                   "unbound" in a local slot, "absent" in an optional field.
//   otherwise     : Object*, 8-byte aligned.
// These masks are part of the debug ABI (tools decode values with them).
// ---------------------------------------------------------------------------
inline constexpr uint64_t kSmallIntTagMask = 1;
inline constexpr uint64_t kSmallIntTag = 1;
inline constexpr int kSmallIntShift = 1;

struct Value {
  uint64_t bits = 0;

  constexpr Value() = default;
  explicit constexpr Value(uint64_t raw) : bits(raw) {}
  Value(const Object* o) : bits(reinterpret_cast<uint64_t>(o)) {}  // NOLINT: implicit by design

  static constexpr int64_t kSmallMax = (int64_t(1) << 62) - 1;
  static constexpr int64_t kSmallMin = -(int64_t(1) << 62);
  static constexpr bool fits_small(int64_t v) { return v >= kSmallMin && v <= kSmallMax; }
  // Precondition: fits_small(v). Use int_from_i64() when unsure.
  static constexpr Value small(int64_t v) { return Value((uint64_t(v) << kSmallIntShift) | kSmallIntTag); }

  bool is_null() const { return bits == 0; }
  bool is_small() const { return (bits & kSmallIntTagMask) == kSmallIntTag; }
  int64_t small_value() const { return int64_t(bits) >> kSmallIntShift; }
  bool is_obj() const { return bits != 0 && (bits & kSmallIntTagMask) == 0; }
  Object* obj() const { return reinterpret_cast<Object*>(bits); }
  template <class T>
  T* as() const { return reinterpret_cast<T*>(bits); }

  // Identity (Python `is`), not equality.
  bool operator==(Value o) const { return bits == o.bits; }
  bool operator!=(Value o) const { return bits != o.bits; }
};

// ---------------------------------------------------------------------------
// Object header. Every heap object starts with it.
//   type     : always valid.
//   gc_next  : next object in the collector's list of all heap objects;
//              null for static objects (builtin types, None, True, ...).
//   gc_flags : kGcMarked during a collection; kGcStatic for objects that are
//              not heap allocated and never freed.
// ---------------------------------------------------------------------------
inline constexpr uint32_t kGcMarked = 1u << 0;
inline constexpr uint32_t kGcStatic = 1u << 1;

struct Object {
  Type* type;
  Object* gc_next;
  uint32_t gc_flags;
  uint32_t reserved;  // padding; free for per-type use (e.g. Str uses it for flags)
};

// ---------------------------------------------------------------------------
// Operators.
// ---------------------------------------------------------------------------
enum class BinaryOp : uint8_t {
  Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor,
  // In-place forms, in the same order. binary_op() falls back to the plain
  // form when a type has no in-place behaviour.
  InplaceAdd, InplaceSub, InplaceMul, InplaceMatMul, InplaceTrueDiv, InplaceFloorDiv,
  InplaceMod, InplacePow, InplaceLShift, InplaceRShift, InplaceAnd, InplaceOr, InplaceXor,
};
inline constexpr int kBinaryOpCount = 26;
inline constexpr int kInplaceOffset = 13;
inline bool is_inplace(BinaryOp op) { return int(op) >= kInplaceOffset; }
inline BinaryOp plain_form(BinaryOp op) { return is_inplace(op) ? BinaryOp(int(op) - kInplaceOffset) : op; }
const char* binary_op_symbol(BinaryOp op);  // "+", "+=", "**", ...

enum class UnaryOp : uint8_t { Neg, Pos, Invert, Not };
const char* unary_op_symbol(UnaryOp op);  // "-", "+", "~", "not"

enum class CompareOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };
const char* compare_op_symbol(CompareOp op);  // "<", "<=", ...
inline CompareOp swapped(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return CompareOp::Gt;
    case CompareOp::Le: return CompareOp::Ge;
    case CompareOp::Gt: return CompareOp::Lt;
    case CompareOp::Ge: return CompareOp::Le;
    default: return op;
  }
}

// ---------------------------------------------------------------------------
// Types.
// ---------------------------------------------------------------------------
struct Visitor;  // gc.h

// Calling convention for everything callable ("vectorcall"): `args` holds
// nargs positional values followed by one value per name in `kwnames`
// (kwnames is null when there are no keyword arguments).
using CallFn = Value (*)(Value callable, const Value* args, size_t nargs, Tuple* kwnames);

enum TypeFlags : uint32_t {
  kTypeBaseType = 1u << 0,       // may be subclassed
  kTypeHeap = 1u << 1,           // created at run time (class statement)
  kTypeIntSubclass = 1u << 2,    // fast isinstance checks for the core types
  kTypeStrSubclass = 1u << 3,
  kTypeListSubclass = 1u << 4,
  kTypeTupleSubclass = 1u << 5,
  kTypeDictSubclass = 1u << 6,
  kTypeExceptionSubclass = 1u << 7,  // BaseException and its subclasses
  kTypeTypeSubclass = 1u << 8,
  // A static type of a library module (deque, random's generator, ...)
  // whose fixed-size instances a class statement may extend: subclass
  // instances get the type's layout plus a dict pointer. When the type has
  // its own __init__ they are made by construct(subtype, no args) and then
  // filled by __init__, like list's; otherwise construct(subtype, args).
  kTypeNativeLayout = 1u << 9,
  // A heap type whose own __slots__ added Values to its instances' layout
  // (its subclasses cannot also derive from another such class).
  kTypeHasSlots = 1u << 10,
};

struct Type : Object {
  const char* name;       // tp_name, e.g. "int", "builtin_function_or_method"
  Type* base;             // null only for `object`
  Dict* dict;             // attributes and methods; filled by type_ready()
  uint32_t flags;         // TypeFlags
  uint32_t instance_size; // bytes of an instance, header included (0 = variable)

  // Slots. Null means "not supported" unless noted.
  Value (*repr)(Value self) = nullptr;                 // must return a Str
  Value (*str)(Value self) = nullptr;                  // null: use repr
  bool (*hash)(Value self, int64_t* out) = nullptr;    // null: unhashable
  // Rich comparison. Returns NotImplemented when it does not know the other
  // operand. Called with self as `a`; the reflected call swaps the operands
  // and the operator (see swapped()).
  Value (*compare)(Value a, Value b, CompareOp op) = nullptr;
  // Arithmetic. Called first on type(a) then (if NotImplemented and the
  // types differ) on type(b), with the operands in source order either way:
  // the slot checks which operand is its own (like CPython's nb_* slots).
  // Returns NotImplemented when it cannot handle the pair.
  Value (*binop)(Value a, Value b, BinaryOp op) = nullptr;
  Value (*unary)(Value a, UnaryOp op) = nullptr;       // Not is handled generically
  int (*truth)(Value self) = nullptr;                  // null: uses len, else true
  int64_t (*len)(Value self) = nullptr;                // -1 on error
  Value (*getattr)(Value self, Str* name) = nullptr;   // null: generic_getattr
  int (*setattr)(Value self, Str* name, Value v) = nullptr;  // v null = delete
  CallFn call = nullptr;
  Value (*iter)(Value self) = nullptr;
  Value (*iternext)(Value self) = nullptr;   // null WITHOUT pending error = exhausted
  Value (*getitem)(Value self, Value key) = nullptr;
  int (*setitem)(Value self, Value key, Value v) = nullptr;  // v null = delete
  int (*contains)(Value self, Value x) = nullptr;      // null: iterate
  // Calling the type object itself (`int("3")`). Receives the type being
  // instantiated (may be a subclass).
  Value (*construct)(Type* type, const Value* args, size_t nargs, Tuple* kwnames) = nullptr;
  void (*trace)(Object* self, Visitor& v) = nullptr;   // visit child values
  void (*finalize)(Object* self) = nullptr;            // free non-GC memory
  // Descriptor protocol (the type of a class attribute decides what reading
  // it through an instance or the class gives). `obj` is null when the
  // attribute is read on the class itself; `owner` is the class it was read
  // through. A type with descr_set is a data descriptor: it wins over the
  // instance dict (property). v null = delete.
  Value (*descr_get)(Value descr, Value obj, Type* owner) = nullptr;
  int (*descr_set)(Value descr, Value obj, Value v) = nullptr;

  // Heap types (kTypeHeap, made by a class statement) only; null/0 in the
  // static types, whose MRO is their `base` chain.
  //   bases       : __bases__ (a tuple of types).
  //   mro         : __mro__, C3 linearisation, this type first.
  //   qualname    : __qualname__ ("Outer.Inner", "f.<locals>.C").
  //   module      : __module__ (a str, or any value a class body stored).
  //   static_base : the nearest static type on the `base` chain; it owns the
  //                 instance layout (object, an exception class, ...) and
  //                 the native behaviour a heap slot falls back to.
  //   dict_offset : where an instance keeps its `Dict*` of attributes
  //                 (0 = instances have no dict of their own).
  //   heap_index  : the type's position in class.cpp's list of live heap
  //                 types (used to reach subclasses).
  Tuple* bases = nullptr;
  Tuple* mro = nullptr;
  Str* qualname = nullptr;
  Value module = Value();
  Type* static_base = nullptr;
  uint32_t dict_offset = 0;
  uint32_t heap_index = 0;
};

// Static type objects of the core (defined in the file of each type).
extern Type ObjectType, TypeType, NoneType, NotImplementedType, EllipsisType;
extern Type IntType, BoolType, FloatType, StrType, ListType, TupleType, DictType;
extern Type RangeType, SliceType;
extern Type NativeFunctionType, FunctionType, BoundMethodType, CodeType, CellType;
extern Type ModuleType, FrameType, TracebackType;

// Fills type->dict (and flags) once at start-up. Methods are added with
// type_add_method() before or after; type_ready() is idempotent.
void type_ready(Type* type);
// Hot: inline. Small ints have no header; their type is int.
inline Type* type_of(Value v) { return v.is_small() ? &IntType : v.obj()->type; }
bool is_subtype(const Type* sub, const Type* base);
bool isinstance(Value v, const Type* t);
// Looks up `name` along the MRO (heap types) or the base chain (static
// types): no instance dict, no binding.
Value type_lookup(Type* type, Str* name);

// ---------------------------------------------------------------------------
// Singletons (static objects).
// ---------------------------------------------------------------------------
extern Object NoneObject, NotImplementedObject, EllipsisObject;
struct BoolObject;
extern BoolObject TrueObject, FalseObject;
inline Value None() { return Value(&NoneObject); }
inline Value NotImplemented() { return Value(&NotImplementedObject); }
inline Value True() { return Value(reinterpret_cast<uint64_t>(&TrueObject)); }
inline Value False() { return Value(reinterpret_cast<uint64_t>(&FalseObject)); }
inline Value Bool(bool b) { return b ? True() : False(); }
inline bool is_none(Value v) { return v.bits == reinterpret_cast<uint64_t>(&NoneObject); }

// ---------------------------------------------------------------------------
// Allocation (gc.cpp). Returns zeroed memory with the header filled in.
// `size` includes the header. Never returns null (aborts on OOM).
// ---------------------------------------------------------------------------
Object* gc_alloc(Type* type, size_t size);
template <class T>
T* gc_new(Type* type, size_t extra = 0) {
  return static_cast<T*>(gc_alloc(type, sizeof(T) + extra));
}
// Tell the collector about memory an object owns outside its own block
// (list item arrays, dict tables, GMP limbs), so it can pace collections.
void gc_note_external(int64_t delta_bytes);

// Keeps C++ locals alive across calls that may run Python code. Usage:
//   Value result = list_new(0);
//   Rooted keep(&result);      // `result` is updated if reassigned
struct Rooted {
  explicit Rooted(Value* slot);
  ~Rooted();
  Rooted(const Rooted&) = delete;
  Rooted& operator=(const Rooted&) = delete;
  Value* slot;
  Rooted* previous;
};

// ---------------------------------------------------------------------------
// Errors (exceptions.cpp). All raise* functions set the pending exception of
// the current thread and return a null Value so callers can `return raise(...)`.
// ---------------------------------------------------------------------------
extern Type BaseExceptionType, ExceptionType, TypeErrorType, ValueErrorType,
    NameErrorType, UnboundLocalErrorType, AttributeErrorType, IndexErrorType,
    KeyErrorType, LookupErrorType, ZeroDivisionErrorType, ArithmeticErrorType,
    OverflowErrorType, RuntimeErrorType, RecursionErrorType, NotImplementedErrorType,
    StopIterationType, SystemExitType, KeyboardInterruptType, AssertionErrorType,
    ImportErrorType, ModuleNotFoundErrorType, SyntaxErrorType, IndentationErrorType,
    OSErrorType, MemoryErrorType, UnicodeErrorType, UnicodeDecodeErrorType,
    GeneratorExitType, FileNotFoundErrorType;

Value raise(Type* type, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
Value raise_with_value(Type* type, Value arg);   // e.g. KeyError(key)
Value raise_exception(Value exc);                 // an exception instance or class
bool error_occurred();
bool error_matches(const Type* type);             // pending error is an instance of type
Value error_fetch();                              // takes the pending exception (clears it)
void error_clear();

// ---------------------------------------------------------------------------
// Generic operations (abstract.cpp). They implement Python semantics
// including NotImplemented handling and CPython's error messages.
// ---------------------------------------------------------------------------
Value obj_repr(Value v);                 // Str or null
Value obj_str(Value v);                  // Str or null
bool obj_hash(Value v, int64_t* out);    // TypeError "unhashable type: 'list'"
Value obj_compare(Value a, Value b, CompareOp op);   // any value (rich compare)
int obj_compare_bool(Value a, Value b, CompareOp op);  // -1/0/1
int obj_eq(Value a, Value b);            // identity shortcut, then ==; -1/0/1
int obj_truth(Value v);                  // -1/0/1
Value binary_op(Value a, Value b, BinaryOp op);
Value unary_op(Value a, UnaryOp op);
Value obj_getattr(Value v, Str* name);
Value obj_getattr_cstr(Value v, const char* name);
int obj_setattr(Value v, Str* name, Value x);  // x null = delete
Value obj_getitem(Value container, Value key);
int obj_setitem(Value container, Value key, Value x);
int obj_delitem(Value container, Value key);
int64_t obj_len(Value v);                // -1 on error ("object of type 'int' has no len()")
int obj_contains(Value container, Value x);  // -1/0/1
Value obj_iter(Value v);
// Next item of an iterator. Null with no pending error means exhausted.
Value iter_next(Value iterator);
Value call(Value callable, const Value* args, size_t nargs, Tuple* kwnames = nullptr);
Value call0(Value callable);
Value call1(Value callable, Value a);
// Python type name of a value, for messages: "int", "NoneType", ...
const char* type_name(Value v);

// ---------------------------------------------------------------------------
// Ints (int.cpp). Bool is a subtype: int functions accept True/False as 1/0.
// ---------------------------------------------------------------------------
Value int_from_i64(int64_t v);
Value int_from_u64(uint64_t v);
Value int_from_double(double d);         // truncates; OverflowError for inf, ValueError for nan
// Parses like int(s, base) (base 0 = literal rules). ValueError with
// CPython's message on bad input; `s` is the full text including spaces/sign.
Value int_from_string(std::string_view s, int base);
bool is_int(Value v);                    // int or bool (or int subclass)
// Converts to int64; false (NO error set) if it does not fit.
bool int_to_i64(Value v, int64_t* out);
// Like int_to_i64 but raises OverflowError/TypeError with CPython's messages.
bool int_as_index(Value v, int64_t* out);
double int_to_double(Value v, bool* overflow);
std::string int_to_string(Value v, int base = 10);  // decimal repr "-123"
int int_sign(Value v);

// Floats (float.cpp).
Value float_new(double d);
bool is_float(Value v);
double float_value(Value v);                 // precondition: is_float
std::string float_repr(double d);            // CPython repr: shortest round trip
Value float_from_string(std::string_view s); // ValueError like CPython
// Number to double for mixed arithmetic: ints (OverflowError if too large), floats.
bool number_to_double(Value v, double* out);

// Strings (str.cpp). UTF-8; length and indexing count code points.
Str* str_new(std::string_view utf8);   // precondition: valid UTF-8
Str* str_intern(std::string_view utf8);  // same object for equal text
Value str_from_cstr(const char* s);
std::string_view str_view(const Str* s);
const char* str_cstr(const Str* s);    // NUL terminated
int64_t str_length(const Str* s);      // code points
bool is_str(Value v);
bool str_equal(const Str* a, const Str* b);
int64_t str_hash(Str* s);
// Python repr of a string: quotes and escapes like CPython.
std::string str_repr_text(std::string_view utf8);

// Tuples (tuple.cpp).
Tuple* tuple_new(int64_t size);        // items are None until filled
Tuple* tuple_from(std::initializer_list<Value> items);
int64_t tuple_size(const Tuple* t);
Value* tuple_items(Tuple* t);

// Lists (list.cpp).
List* list_new(int64_t size);          // items None until filled
int list_append(List* l, Value v);
int64_t list_size(const List* l);
Value* list_items(List* l);
int list_sort(List* l, Value key, bool reverse);  // stable (timsort semantics)

// Dicts (dict.cpp). Insertion ordered.
Dict* dict_new();
Value dict_get(Dict* d, Value key);          // null: missing (no error) or error (check error_occurred)
Value dict_get_str(Dict* d, Str* key);       // fast path for interned names; null = missing, never errors
int64_t dict_lookup_index_str(Dict* d, Str* key);  // entry index of key, or -1 (never errors)
int dict_set(Dict* d, Value key, Value v);
int dict_set_str(Dict* d, Str* key, Value v);
int dict_del(Dict* d, Value key);            // KeyError if missing
int64_t dict_size(const Dict* d);
// Iteration without allocation: pos starts at 0; returns false at the end.
bool dict_next(Dict* d, int64_t* pos, Value* key, Value* value);

// Ranges and slices (range.cpp, slice.cpp).
Value range_new(int64_t start, int64_t stop, int64_t step);
Value slice_new(Value start, Value stop, Value step);
// Resolves a slice object against a sequence length, like PySlice_GetIndicesEx.
bool slice_indices(Value slice, int64_t length, int64_t* start, int64_t* stop, int64_t* step,
                   int64_t* slicelength);

// Native functions and methods (function.cpp).
// `self` is the bound object for methods (null for plain functions).
using NativeFn = Value (*)(Value self, const Value* args, size_t nargs, Tuple* kwnames);
enum NativeFlags : uint32_t {
  kNativeMethod = 1u << 0,   // in a type dict: binds `self` on attribute access
  kNativeClassMethod = 1u << 1,
  kNativeStatic = 1u << 2,
};
Value native_function_new(const char* name, NativeFn fn, Value self = Value(), uint32_t flags = 0);
void type_add_method(Type* type, const char* name, NativeFn fn, uint32_t flags = kNativeMethod);
// Reports "NAME() takes no keyword arguments" etc. Helpers for argument checks:
// returns false with TypeError set when nargs is outside [min, max] or keywords
// are given to a function that takes none (messages like CPython).
bool check_nargs(const char* fname, size_t nargs, Tuple* kwnames, size_t min, size_t max);
// Binds arguments to parameter `names` (positional-or-keyword). `out[i]` is
// null when not given. Errors: too many positional, unexpected keyword,
// duplicate, missing required (the first `required` names).
bool bind_args(const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
               std::initializer_list<const char*> names, size_t required, Value* out);

}  // namespace pg

namespace pg {
// ---------------------------------------------------------------------------
// Modules (module.cpp).
// ---------------------------------------------------------------------------
Value module_new(const char* name);      // a Module whose dict holds __name__
Dict* module_dict(Value module);
void module_add(Value module, const char* name, Value v);
void module_add_function(Value module, const char* name, NativeFn fn);
// Built-in modules (sys, time, os, ...): `import NAME` calls init once and
// caches the module in sys.modules.
using ModuleInitFn = Value (*)();
void register_builtin_module(const char* name, ModuleInitFn init);
ModuleInitFn find_builtin_module(std::string_view name);
// Fills the builtins dict (modules/builtins.cpp).
void builtins_init(Dict* builtins);
}  // namespace pg
