// The eval loop: runs frames, with computed-goto dispatch generated from
// opcodes.def. Python-to-Python calls do not recurse in C: the callee's frame
// is pushed on the data stack and the loop continues in it; only entries
// from native code (call_python_function, eval_code_in) start a new
// eval_frame() activation, each with its shim entry frame on the C stack.
#include "vm/eval.h"

#include <cstddef>

#include <cstdlib>
#include <cstring>

#include "objects/exceptions.h"
#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/set.h"
#include "objects/str_format.h"
#include "objects/type.h"
#include "modules/modules.h"
#include "vm/coroutine.h"
#include "vm/function_call.h"
#include "vm/generator.h"
#include "vm/gil.h"
#include "vm/import.h"
#include "vm/opcodes.h"
#include "vm/trace.h"
#include "vm/traceback.h"

namespace pg {

// ---------------------------------------------------------------------------
// Data stack
// ---------------------------------------------------------------------------

Frame* push_frame(ThreadState* ts, Code* code) {
  size_t need = kFrameHeaderValues + size_t(code->framesize);
  Value* top = ts->datastack_top;
  if (!top || top + need > ts->datastack_limit) {
    size_t bytes = sizeof(StackChunk) + need * sizeof(Value);
    if (bytes < kStackChunkSize) bytes = kStackChunkSize;
    auto* chunk = static_cast<StackChunk*>(malloc(bytes));
    if (!chunk) abort();
    chunk->size = bytes;
    chunk->saved_top = nullptr;
    chunk->previous = ts->datastack_chunk;
    if (ts->datastack_chunk) ts->datastack_chunk->saved_top = ts->datastack_top;
    ts->datastack_chunk = chunk;
    ts->datastack_limit = reinterpret_cast<Value*>(reinterpret_cast<char*>(chunk) + bytes);
    top = chunk->data;
  }
  ts->datastack_top = top + need;
  Frame* f = reinterpret_cast<Frame*>(top);
  // Field by field: cheaper than memset for these small sizes.
  f->code = code;
  f->previous = nullptr;
  f->function = nullptr;
  f->globals = nullptr;
  f->builtins = nullptr;
  f->locals = nullptr;
  f->frame_obj = nullptr;
  f->instr_ptr = code->instrs;
  f->stack_depth = 0;
  f->owner = kOwnedByThread;
  f->trace_flags = 0;
  f->reserved[0] = f->reserved[1] = 0;
  for (int32_t i = 0, n = code->nlocalsplus; i < n; ++i) f->localsplus[i] = Value();
  return f;
}

void pop_frame(ThreadState* ts, Frame* frame) {
  Value* base = reinterpret_cast<Value*>(frame);
  StackChunk* chunk = ts->datastack_chunk;
  if (base == chunk->data && chunk->previous) {
    // The first frame of a newer chunk: give the chunk back.
    ts->datastack_chunk = chunk->previous;
    ts->datastack_top = ts->datastack_chunk->saved_top;
    ts->datastack_limit = reinterpret_cast<Value*>(reinterpret_cast<char*>(ts->datastack_chunk) +
                                                   ts->datastack_chunk->size);
    ts->datastack_chunk->saved_top = nullptr;
    free(chunk);
  } else {
    ts->datastack_top = base;
  }
}

static bool enter_python_frame(ThreadState* ts) {
  if (++ts->recursion_depth > ts->recursion_limit) {
    --ts->recursion_depth;
    raise(&RecursionErrorType, "maximum recursion depth exceeded");
    return false;
  }
  return true;
}

static Generator* generator_of(Frame* f) {
  return reinterpret_cast<Generator*>(reinterpret_cast<char*>(f) - offsetof(Generator, frame));
}

// Ends an activation: a frame object referring to it takes a copy. A
// generator's frame stays inside the generator, which is now finished.
static void finish_frame(ThreadState* ts, Frame* f) {
  if (f->frame_obj) frame_object_take_ownership(f);
  ts->recursion_depth--;
  if (f->owner == kOwnedByGenerator) {
    generator_of(f)->state = kGenFinished;
    f->previous = nullptr;
    return;
  }
  pop_frame(ts, f);
}

// Calling a generator function creates the generator; nothing runs yet.
static Value make_generator(ThreadState* ts, Function* fn, const Value* args, size_t npos,
                            Tuple* kwnames) {
  Frame* scratch = push_frame(ts, fn->code);
  if (!bind_frame_arguments(fn, scratch->localsplus, args, npos, kwnames)) {
    pop_frame(ts, scratch);
    return Value();
  }
  Generator* gen = generator_new(fn, scratch->localsplus);
  pop_frame(ts, scratch);
  return Value(gen);
}

// CALL_FUNCTION_EX into a Python function (or a method bound to one): the
// callee's frame is pushed here and the loop continues in it, as for CALL,
// so `f(*args, **kwargs)` forwarding does not recurse in C. `slots` are the
// [args, kwargs] stack slots, normalised in place (a tuple and a dict, so
// they stay rooted). Returns null with the error set, or with *fallback
// set when the callee is not such a function (the caller calls it).
static Frame* push_frame_ex(ThreadState* ts, Value callable, Value* slots, bool has_kwargs,
                            bool* fallback) {
  *fallback = false;
  Value self;
  Value target = callable;
  if (type_of(callable) == &BoundMethodType) {
    self = callable.as<BoundMethod>()->self;
    target = callable.as<BoundMethod>()->function;
  }
  if (type_of(target) != &FunctionType || (target.as<Function>()->code->flags & kCodeGenerator)) {
    *fallback = true;
    return nullptr;
  }
  if (!normalize_call_ex(callable, &slots[0], has_kwargs ? &slots[1] : nullptr)) return nullptr;
  Tuple* posargs = slots[0].as<Tuple>();
  Dict* kwargs = has_kwargs ? slots[1].as<Dict>() : nullptr;
  int64_t npos = tuple_size(posargs) + (self.is_null() ? 0 : 1);
  int64_t nkw = kwargs ? dict_size(kwargs) : 0;
  // Flat positional + keyword values; all rooted by the tuple and dict.
  Value small[16];
  Value* flat = npos + nkw <= 16 ? small : new Value[size_t(npos + nkw)];
  int64_t at = 0;
  if (!self.is_null()) flat[at++] = self;
  for (int64_t i = 0; i < tuple_size(posargs); ++i) flat[at++] = tuple_items(posargs)[i];
  Tuple* kwnames = nullptr;
  if (nkw) {
    kwnames = tuple_new(nkw);  // no collection until the frame is linked
    int64_t pos = 0, k = 0;
    Value key, value;
    while (dict_next(kwargs, &pos, &key, &value)) {
      if (!is_str(key)) {
        if (flat != small) delete[] flat;
        raise(&TypeErrorType, "keywords must be strings");
        return nullptr;
      }
      tuple_items(kwnames)[k++] = key;
      flat[at++] = value;
    }
  }
  Function* fn = target.as<Function>();
  Frame* nf = nullptr;
  if (enter_python_frame(ts)) {
    nf = push_frame(ts, fn->code);
    if (!bind_frame_arguments(fn, nf->localsplus, flat, size_t(npos), kwnames)) {
      ts->recursion_depth--;
      pop_frame(ts, nf);
      nf = nullptr;
    } else {
      nf->function = fn;
      nf->globals = fn->globals;
      nf->builtins = fn->builtins;
    }
  }
  if (flat != small) delete[] flat;
  return nf;
}

// ---------------------------------------------------------------------------
// Helpers used by instructions (kept out of the loop body so the hot paths
// stay small).
// ---------------------------------------------------------------------------

static Value load_global(Frame* f, Str* name) {
  Value v = dict_get_str(f->globals, name);
  if (!v.is_null()) return v;
  v = dict_get_str(f->builtins, name);
  if (!v.is_null()) return v;
  return raise(&NameErrorType, "name '%s' is not defined", str_cstr(name));
}

// LOAD_GLOBAL through the code object's per-name cache (see GlobalCacheEntry).
static inline Value load_global_cached(Frame* f, uint32_t name_index) {
  GlobalCacheEntry* c = &f->code->global_cache[name_index];
  Dict* globals = f->globals;
  Dict* builtins = f->builtins;
  if (c->globals_keys_version == globals->keys_version && c->globals_keys_version != 0 &&
      c->builtins_keys_version == builtins->keys_version) {
    Value v = (c->in_builtins ? builtins : globals)->entries[c->index].value;
    if (!v.is_null()) return v;
  }
  Str* name = f->code->names->items[name_index].as<Str>();
  int64_t ix = dict_lookup_index_str(globals, name);
  bool in_builtins = false;
  if (ix < 0) {
    ix = dict_lookup_index_str(builtins, name);
    in_builtins = true;
  }
  if (ix < 0) return raise(&NameErrorType, "name '%s' is not defined", str_cstr(name));
  c->globals_keys_version = globals->keys_version;
  c->builtins_keys_version = builtins->keys_version;
  c->index = ix;
  c->in_builtins = in_builtins;
  return (in_builtins ? builtins : globals)->entries[ix].value;
}

static Value load_name(Frame* f, Str* name) {
  if (f->locals && f->locals != f->globals) {
    if (__builtin_expect(type_of(Value(f->locals)) != &DictType, 0)) {
      // A metaclass __prepare__'s dict subclass: its __getitem__ decides.
      Value v = obj_getitem(Value(f->locals), Value(name));
      if (!v.is_null()) return v;
      if (!error_matches(&KeyErrorType)) return v;
      error_clear();
      return load_global(f, name);
    }
    Value v = dict_get_str(f->locals, name);
    if (!v.is_null()) return v;
  }
  return load_global(f, name);
}

static Value unbound_local(Frame* f, int32_t idx) {
  Str* name = tuple_items(f->code->localsplusnames)[idx].as<Str>();
  return raise(&UnboundLocalErrorType,
               "cannot access local variable '%s' where it is not associated with a value",
               str_cstr(name));
}

static Value unbound_deref(Frame* f, int32_t idx) {
  Str* name = tuple_items(f->code->localsplusnames)[idx].as<Str>();
  if (f->code->localspluskinds[idx] & kLocalFree)
    return raise(&NameErrorType,
                 "cannot access free variable '%s' where it is not associated with a value in "
                 "enclosing scope",
                 str_cstr(name));
  return unbound_local(f, idx);
}

// FORMAT_VALUE: conversion 1 str(), 2 repr(), 3 ascii(); then format(v, spec).
static Value format_field(Value v, uint32_t conversion, Value spec) {
  Value converted = v;
  if (conversion == 1) converted = obj_str(v);
  else if (conversion == 2 || conversion == 3) converted = obj_repr(v);
  if (converted.is_null()) return converted;
  // ascii(): the repr with every non-ASCII character escaped.
  if (conversion == 3) converted = Value(str_new(ascii_escape(str_view(converted.as<Str>()))));
  if (spec.is_null() && is_str(converted) && type_of(converted) == &StrType) return converted;
  Rooted keep(&converted);
  Str* spec_str = spec.is_null() ? str_intern("") : spec.as<Str>();
  return format_value(converted, spec_str);
}

static Value join_strings(const Value* parts, uint32_t n) {
  std::string out;
  for (uint32_t i = 0; i < n; ++i) out += str_view(parts[i].as<Str>());
  return Value(str_new(out));
}

// Unpacks `seq` into exactly n values at out[0..n) (in order).
static bool unpack(Value seq, int64_t n, Value* out) {
  Value* items = nullptr;
  int64_t size = -1;
  if (type_of(seq) == &TupleType) {
    items = tuple_items(seq.as<Tuple>());
    size = tuple_size(seq.as<Tuple>());
  } else if (type_of(seq) == &ListType) {
    items = list_items(seq.as<List>());
    size = list_size(seq.as<List>());
  }
  if (items) {
    if (size < n) {
      raise(&ValueErrorType, "not enough values to unpack (expected %lld, got %lld)", (long long)n,
            (long long)size);
      return false;
    }
    if (size > n) {
      raise(&ValueErrorType, "too many values to unpack (expected %lld)", (long long)n);
      return false;
    }
    for (int64_t i = 0; i < n; ++i) out[i] = items[i];
    return true;
  }
  Value it = obj_iter(seq);
  if (it.is_null()) {
    if (error_matches(&TypeErrorType)) {
      error_clear();
      raise(&TypeErrorType, "cannot unpack non-iterable %s object", type_name(seq));
    }
    return false;
  }
  Rooted keep_it(&it);
  // `out` lies inside the frame's value stack above the recorded depth, so
  // keep the items in a rooted list until all are there.
  Value got = Value(list_new(0));
  Rooted keep_got(&got);
  for (;;) {
    Value x = iter_next(it);
    if (x.is_null()) {
      if (error_occurred()) return false;
      break;
    }
    if (list_size(got.as<List>()) == n) {
      raise(&ValueErrorType, "too many values to unpack (expected %lld)", (long long)n);
      return false;
    }
    list_append(got.as<List>(), x);
  }
  if (list_size(got.as<List>()) < n) {
    raise(&ValueErrorType, "not enough values to unpack (expected %lld, got %lld)", (long long)n,
          (long long)list_size(got.as<List>()));
    return false;
  }
  for (int64_t i = 0; i < n; ++i) out[i] = list_items(got.as<List>())[i];
  return true;
}

// BUILD_MAP: the pairs stay on the value stack (rooted) and the new dict
// is rooted here, because keys with a Python __hash__ or __eq__ run code.
static __attribute__((noinline)) Value build_map(const Value* pairs, uint32_t n) {
  Value d = Value(dict_new());
  Rooted keep(&d);
  for (uint32_t i = 0; i < n; ++i)
    if (dict_set(d.as<Dict>(), pairs[2 * i], pairs[2 * i + 1]) < 0) return Value();
  return d;
}

static Value do_raise(ThreadState* ts, Value exc, Value cause) {
  Rooted keep_exc(&exc);
  Rooted keep_cause(&cause);
  if (exc.is_null()) {
    if (ts->handled_exception.is_null())
      return raise(&RuntimeErrorType, "No active exception to reraise");
    return raise_exception(ts->handled_exception);
  }
  if (type_of(exc) == &TypeType || is_subtype(type_of(exc), &TypeType)) {
    if (!is_subtype(exc.as<Type>(), &BaseExceptionType))
      return raise(&TypeErrorType, "exceptions must derive from BaseException");
    exc = call0(exc);
    if (exc.is_null()) return exc;
  }
  if (!isinstance(exc, &BaseExceptionType))
    return raise(&TypeErrorType, "exceptions must derive from BaseException");
  if (!cause.is_null()) {
    if (is_type(cause)) cause = call0(cause);
    if (cause.is_null()) return cause;
    auto* e = exc.as<ExceptionObject>();
    e->cause = is_none(cause) ? Value() : cause;
    e->suppress_context = 1;
  }
  return raise_exception(exc);
}

// CHECK_EXC_MATCH: is `exc` an instance of `type` (a class or a tuple of
// classes)? -1 with TypeError for things that are not exception classes.
static int exception_matches(Value exc, Value type) {
  auto check_one = [](Value t) -> int {
    if (!(type_of(t) == &TypeType || is_subtype(type_of(t), &TypeType)) ||
        !is_subtype(t.as<Type>(), &BaseExceptionType)) {
      raise(&TypeErrorType, "catching classes that do not inherit from BaseException is not allowed");
      return -1;
    }
    return 0;
  };
  if (type_of(type) == &TupleType) {
    Tuple* t = type.as<Tuple>();
    for (int64_t i = 0; i < t->size; ++i)
      if (check_one(t->items[i]) < 0) return -1;
    for (int64_t i = 0; i < t->size; ++i)
      if (isinstance(exc, t->items[i].as<Type>())) return 1;
    return 0;
  }
  if (check_one(type) < 0) return -1;
  return isinstance(exc, type.as<Type>()) ? 1 : 0;
}

// A newly raised exception gets the exception being handled as its
// __context__ (implicit chaining), without creating a cycle.
static void chain_context(ThreadState* ts) {
  Value exc = ts->current_exception;
  Value handled = ts->handled_exception;
  if (handled.is_null() || exc == handled || !isinstance(exc, &BaseExceptionType)) return;
  auto* e = exc.as<ExceptionObject>();
  if (!e->context.is_null()) return;
  // Break a cycle: if exc is already somewhere in handled's context chain.
  Value o = handled;
  for (int guard = 0; !o.is_null() && guard < 10000; ++guard) {
    auto* oe = o.as<ExceptionObject>();
    if (oe->context == exc) {
      oe->context = Value();
      break;
    }
    o = oe->context;
  }
  e->context = handled;
}

// LOAD_BUILD_CLASS: builtins.__build_class__.
static __attribute__((noinline)) Value load_build_class(Frame* f) {
  static Str* const kBuildClass = str_intern("__build_class__");
  Value v = dict_get_str(f->builtins, kBuildClass);
  if (v.is_null()) return raise(&NameErrorType, "__build_class__ not found");
  return v;
}

// LOAD_CLASSDEREF: a class body reading a variable of an enclosing
// function: the class namespace first (the body may have assigned it),
// then the cell.
static __attribute__((noinline)) Value load_classderef(Frame* f, uint32_t idx) {
  Str* name = tuple_items(f->code->localsplusnames)[idx].as<Str>();
  Value v = dict_get_str(f->locals, name);
  if (!v.is_null()) return v;
  v = f->localsplus[idx].as<Cell>()->contents;
  if (v.is_null()) return unbound_deref(f, int32_t(idx));
  return v;
}

// BEFORE_WITH, first half: looks up __enter__ and __exit__ on the type (as
// CPython does for special methods) and returns __exit__ bound to the
// manager, or null with TypeError. (Helpers like this one are kept out of
// line so their locals do not grow eval_frame's C stack frame.)
static __attribute__((noinline)) Value with_exit_method(Value mgr) {
  static Str* const kEnter = str_intern("__enter__");
  static Str* const kExit = str_intern("__exit__");
  Type* t = type_of(mgr);
  if (type_lookup(t, kEnter).is_null())
    return raise(&TypeErrorType, "'%s' object does not support the context manager protocol", t->name);
  Value exit = type_lookup(t, kExit);
  if (exit.is_null())
    return raise(&TypeErrorType,
                 "'%s' object does not support the context manager protocol (missed __exit__ method)",
                 t->name);
  Type* et = type_of(exit);
  return et->descr_get ? et->descr_get(exit, mgr, t) : exit;
}

// BEFORE_WITH, second half: mgr.__enter__().
static __attribute__((noinline)) Value with_enter(Value mgr) {
  static Str* const kEnter = str_intern("__enter__");
  bool found;
  Value r = call_special(mgr, kEnter, nullptr, 0, &found);
  if (!found && !error_occurred()) return raise(&AttributeErrorType, "__enter__");
  return r;
}

// WITH_EXCEPT_START: exit(type(exc), exc, traceback).
static __attribute__((noinline)) Value with_exit_call(Value exit, Value exc) {
  Value tb = is_exception(exc) ? exc.as<ExceptionObject>()->traceback : Value();
  Value args[3] = {Value(type_of(exc)), exc, tb.is_null() ? None() : tb};
  return call(exit, args, 3);
}

static const ExceptionTableEntry* find_handler(const Code* code, int32_t index) {
  // Entries are sorted and disjoint; tables are short, a linear scan is fine.
  for (int32_t i = 0; i < code->nexceptions; ++i) {
    const ExceptionTableEntry* e = &code->exception_table[i];
    if (index >= e->start && index < e->end) return e;
    if (e->start > index) break;
  }
  return nullptr;
}

static inline Value fast_int_binop(Value a, Value b, uint32_t op) {
  int64_t x = a.small_value(), y = b.small_value(), r;
  switch (BinaryOp(op)) {
    case BinaryOp::Add:
    case BinaryOp::InplaceAdd:
      r = x + y;  // cannot overflow int64: both fit in 63 bits
      return Value::fits_small(r) ? Value::small(r) : int_from_i64(r);
    case BinaryOp::Sub:
    case BinaryOp::InplaceSub:
      r = x - y;
      return Value::fits_small(r) ? Value::small(r) : int_from_i64(r);
    case BinaryOp::Mul:
    case BinaryOp::InplaceMul:
      if (__builtin_mul_overflow(x, y, &r)) return Value();
      return Value::fits_small(r) ? Value::small(r) : int_from_i64(r);
    case BinaryOp::And:
    case BinaryOp::InplaceAnd: return Value::small(x & y);
    case BinaryOp::Or:
    case BinaryOp::InplaceOr: return Value::small(x | y);
    case BinaryOp::Xor:
    case BinaryOp::InplaceXor: return Value::small(x ^ y);
    case BinaryOp::FloorDiv:
    case BinaryOp::InplaceFloorDiv:
      if (y <= 0) return Value();  // zero and negative divisors take the general path
      r = x / y;
      if ((x % y) != 0 && x < 0) --r;
      return Value::small(r);
    case BinaryOp::Mod:
    case BinaryOp::InplaceMod:
      if (y <= 0) return Value();
      r = x % y;
      if (r < 0) r += y;
      return Value::small(r);
    default: return Value();
  }
}

static inline Value fast_int_compare(int64_t x, int64_t y, uint32_t op) {
  bool r;
  switch (CompareOp(op)) {
    case CompareOp::Lt: r = x < y; break;
    case CompareOp::Le: r = x <= y; break;
    case CompareOp::Eq: r = x == y; break;
    case CompareOp::Ne: r = x != y; break;
    case CompareOp::Gt: r = x > y; break;
    default: r = x >= y; break;
  }
  return Bool(r);
}

// ---------------------------------------------------------------------------
// The loop
// ---------------------------------------------------------------------------

// The eval loop lives in its own text section so the debug table can
// publish its address range ([__start_pyglass_eval, __stop_pyglass_eval)):
// tools recognise native eval frames by their program counter.
__attribute__((noinline, section("pyglass_eval"))) static Value eval_frame(ThreadState* ts,
                                                                         Frame* entry,
                                                                         Value throw_exc) {
  // The shim entry frame: lives in this C function's stack frame, so tools
  // can tell which native eval_frame activation runs which Python frames.
  Frame shim;
  memset(static_cast<void*>(&shim), 0, sizeof shim);
  shim.owner = kOwnedByCStack;
  shim.previous = ts->current_frame;
  entry->previous = &shim;

  static void* const dispatch_table[kOpcodeCount] = {
#define OPCODE(name, effect, jump_effect, kind) &&TARGET_##name,
#include "vm/opcodes.def"
#undef OPCODE
  };
  // tracing (issue 9): while a trace or profile function is set, every
  // instruction goes through trace_hook first (vm/trace.h). `dispatch` is
  // one of the two tables, re-chosen where tracing can have changed: on
  // entry, after calls and returns, after the hook.
  static void* const trace_table[kOpcodeCount] = {
#define OPCODE(name, effect, jump_effect, kind) &&trace_hook,
#include "vm/opcodes.def"
#undef OPCODE
  };
  void* const* dispatch = dispatch_table;  // the tracing table: see below
#define RELOAD_DISPATCH() (dispatch = __builtin_expect(ts->use_tracing, 0) ? trace_table : dispatch_table)

  Frame* f = entry;
  const uint32_t* ip;
  Value* sp;
  Value* stack_base;
  Value* locals;
  Value* consts;
  Value* names;
  uint32_t oparg;
  Tuple* kwnames = nullptr;
  Value rv;

#define LOAD_FRAME_REGISTERS()                            \
  do {                                                    \
    locals = f->localsplus;                               \
    stack_base = f->localsplus + f->code->nlocalsplus;    \
    consts = f->code->consts->items;                      \
    names = f->code->names->items;                        \
  } while (0)
#define DISPATCH()                                        \
  do {                                                    \
    uint32_t word_ = *ip;                                 \
    f->instr_ptr = ip++;                                  \
    f->stack_depth = int32_t(sp - stack_base);            \
    oparg = word_ >> kOpcodeBits;                         \
    goto* dispatch[word_ & 0xffu];                        \
  } while (0)
#define TARGET(name) TARGET_##name:
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (*(sp - (n)))
#define NAME(i) (names[i].as<Str>())
#define JUMP_TO(target) (ip = f->code->instrs + (target))

  ts->current_frame = f;
  LOAD_FRAME_REGISTERS();
  sp = stack_base + f->stack_depth;
  ip = f->instr_ptr;
  // A resumed generator continues after its YIELD_VALUE.
  bool resumed = f->owner == kOwnedByGenerator && f->instr_ptr != f->code->instrs;
  if (resumed) ++ip;
  // tracing (issue 9): one test on entry; a resumed generator reports a
  // call event.
  if (__builtin_expect(ts->use_tracing, 0)) {
    dispatch = trace_table;
    if (resumed || !throw_exc.is_null()) {  // (thrown into before its start: a call too)
      bool ok = trace_resume(ts, f, resumed);
      RELOAD_DISPATCH();
      if (!ok) goto error;
    }
  }
  if (!throw_exc.is_null()) {
    raise_exception(throw_exc);
    goto error;
  }
  DISPATCH();

  // tracing (issue 9): the tracing table's only target. The instruction's
  // word is already decoded (f->instr_ptr, oparg, ip past it); report its
  // events, then run its real handler.
trace_hook: {
    if (!trace_instruction(ts, f)) {
      RELOAD_DISPATCH();
      goto error;
    }
    RELOAD_DISPATCH();
    goto* dispatch_table[*f->instr_ptr & 0xffu];
  }

  TARGET(NOP) { DISPATCH(); }
  TARGET(POP_TOP) {
    --sp;
    DISPATCH();
  }
  TARGET(PUSH_NULL) {
    PUSH(Value());
    DISPATCH();
  }
  TARGET(COPY) {
    Value v = PEEK(oparg);
    PUSH(v);
    DISPATCH();
  }
  TARGET(SWAP) {
    Value t = TOP();
    TOP() = PEEK(oparg);
    PEEK(oparg) = t;
    DISPATCH();
  }
  TARGET(LOAD_CONST) {
    PUSH(consts[oparg]);
    DISPATCH();
  }
  TARGET(LOAD_FAST) {
    Value v = locals[oparg];
    if (__builtin_expect(v.is_null(), 0)) {
      unbound_local(f, int32_t(oparg));
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_FAST_ESCAPE) {
    Value v = locals[oparg];
    if (__builtin_expect(v.is_null(), 0)) {
      unbound_local(f, int32_t(oparg));
      goto error;
    }
    if (v.is_obj() && v.obj()->type == &StrType) v.as<Str>()->unique = 0;
    PUSH(v);
    DISPATCH();
  }
  TARGET(INPLACE_ADD_FAST) {
    Value y = TOP();
    Value x = PEEK(2);
    Value r;
    if (x.is_small() && y.is_small()) r = fast_int_binop(x, y, uint32_t(BinaryOp::InplaceAdd));
    if (r.is_null()) r = str_append_in_place(x, y);
    if (r.is_null()) {
      r = binary_op(x, y, BinaryOp::InplaceAdd);
      if (r.is_null()) goto error;
    }
    sp -= 2;
    locals[oparg] = r;
    DISPATCH();
  }
  TARGET(STORE_FAST) {
    locals[oparg] = POP();
    DISPATCH();
  }
  TARGET(DELETE_FAST) {
    if (locals[oparg].is_null()) {
      unbound_local(f, int32_t(oparg));
      goto error;
    }
    locals[oparg] = Value();
    DISPATCH();
  }
  TARGET(LOAD_NAME) {
    Value v = load_name(f, NAME(oparg));
    if (v.is_null()) goto error;
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_NAME) {
    if (__builtin_expect(type_of(Value(f->locals)) != &DictType, 0)) {
      Value v = POP();  // a __prepare__ namespace: its __setitem__ decides
      if (obj_setitem(Value(f->locals), Value(NAME(oparg)), v) < 0) goto error;
      DISPATCH();
    }
    if (dict_set_str(f->locals, NAME(oparg), POP()) < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_NAME) {
    Str* name = NAME(oparg);
    if (dict_get_str(f->locals, name).is_null()) {
      raise(&NameErrorType, "name '%s' is not defined", str_cstr(name));
      goto error;
    }
    if (dict_del(f->locals, Value(name)) < 0) goto error;
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL) {
    Value v = load_global_cached(f, oparg >> 1);
    if (v.is_null()) goto error;
    if (oparg & 1) PUSH(Value());
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_GLOBAL) {
    if (dict_set_str(f->globals, NAME(oparg), POP()) < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_GLOBAL) {
    Str* name = NAME(oparg);
    if (dict_get_str(f->globals, name).is_null()) {
      raise(&NameErrorType, "name '%s' is not defined", str_cstr(name));
      goto error;
    }
    if (dict_del(f->globals, Value(name)) < 0) goto error;
    DISPATCH();
  }
  TARGET(LOAD_ATTR) {
    Value v = obj_getattr(TOP(), NAME(oparg));
    if (v.is_null()) goto error;
    TOP() = v;
    DISPATCH();
  }
  TARGET(STORE_ATTR) {
    Value owner = TOP();
    Value v = PEEK(2);
    if (obj_setattr(owner, NAME(oparg), v) < 0) goto error;
    sp -= 2;
    DISPATCH();
  }
  TARGET(DELETE_ATTR) {
    if (obj_setattr(TOP(), NAME(oparg), Value()) < 0) goto error;
    --sp;
    DISPATCH();
  }
  TARGET(LOAD_METHOD) {
    Value obj = TOP();
    Value method;
    if (lookup_method(obj, NAME(oparg), &method)) {
      TOP() = method;
      PUSH(obj);
    } else {
      Value attr = obj_getattr(obj, NAME(oparg));
      if (attr.is_null()) goto error;
      TOP() = Value();
      PUSH(attr);
    }
    DISPATCH();
  }
  TARGET(BINARY_OP) {
    Value b = TOP();
    Value a = PEEK(2);
    Value r;
    if (a.is_small() && b.is_small()) {
      r = fast_int_binop(a, b, oparg);
      if (!r.is_null()) goto binary_done;
    }
    r = binary_op(a, b, BinaryOp(oparg));
    if (r.is_null()) goto error;
  binary_done:
    --sp;
    TOP() = r;
    DISPATCH();
  }
  TARGET(UNARY_OP) {
    Value a = TOP();
    Value r;
    if (UnaryOp(oparg) == UnaryOp::Not) {
      int t = obj_truth(a);
      if (t < 0) goto error;
      r = Bool(!t);
    } else if (a.is_small() && UnaryOp(oparg) == UnaryOp::Neg && a.small_value() != Value::kSmallMin) {
      r = Value::small(-a.small_value());
    } else {
      r = unary_op(a, UnaryOp(oparg));
      if (r.is_null()) goto error;
    }
    TOP() = r;
    DISPATCH();
  }
  TARGET(COMPARE_OP) {
    Value b = TOP();
    Value a = PEEK(2);
    Value r;
    if (a.is_small() && b.is_small()) {
      r = fast_int_compare(a.small_value(), b.small_value(), oparg);
    } else if ((CompareOp(oparg) == CompareOp::Eq || CompareOp(oparg) == CompareOp::Ne) &&
               a.is_obj() && b.is_obj() && a.obj()->type == &StrType && b.obj()->type == &StrType) {
      // str == str without the generic rich-comparison dispatch.
      Str* x = a.as<Str>();
      Str* y = b.as<Str>();
      bool eq = x == y || (x->nbytes == y->nbytes && memcmp(x->data, y->data, size_t(x->nbytes)) == 0);
      r = Bool(eq == (CompareOp(oparg) == CompareOp::Eq));
    } else {
      r = obj_compare(a, b, CompareOp(oparg));
      if (r.is_null()) goto error;
    }
    --sp;
    TOP() = r;
    DISPATCH();
  }
  TARGET(IS_OP) {
    bool same = TOP() == PEEK(2);
    --sp;
    TOP() = Bool(same != bool(oparg));
    DISPATCH();
  }
  TARGET(CONTAINS_OP) {
    int r = obj_contains(TOP(), PEEK(2));
    if (r < 0) goto error;
    --sp;
    TOP() = Bool(bool(r) != bool(oparg));
    DISPATCH();
  }
  TARGET(BINARY_SUBSCR) {
    Value container = PEEK(2);
    Value key = TOP();
    Value r;
    if (key.is_small() && type_of(container) == &ListType) {
      int64_t i = key.small_value();
      List* l = container.as<List>();
      if (i < 0) i += l->size;
      if (uint64_t(i) < uint64_t(l->size)) {
        r = l->items[i];
        goto subscr_done;
      }
    }
    r = obj_getitem(container, key);
    if (r.is_null()) goto error;
  subscr_done:
    --sp;
    TOP() = r;
    DISPATCH();
  }
  TARGET(STORE_SUBSCR) {
    Value key = TOP();
    Value container = PEEK(2);
    Value v = PEEK(3);
    if (key.is_small() && type_of(container) == &ListType) {
      int64_t i = key.small_value();
      List* l = container.as<List>();
      if (i < 0) i += l->size;
      if (uint64_t(i) < uint64_t(l->size)) {
        l->items[i] = v;
        sp -= 3;
        DISPATCH();
      }
    }
    if (obj_setitem(container, key, v) < 0) goto error;
    sp -= 3;
    DISPATCH();
  }
  TARGET(DELETE_SUBSCR) {
    if (obj_delitem(PEEK(2), TOP()) < 0) goto error;
    sp -= 2;
    DISPATCH();
  }
  TARGET(BUILD_SLICE) {
    Value step = oparg == 3 ? POP() : None();
    Value stop = POP();
    Value start = TOP();
    Value s = slice_new(start, stop, step);
    if (s.is_null()) goto error;
    TOP() = s;
    DISPATCH();
  }
  TARGET(BUILD_TUPLE) {
    Tuple* t = tuple_new(oparg);
    sp -= oparg;
    for (uint32_t i = 0; i < oparg; ++i) tuple_items(t)[i] = sp[i];
    PUSH(Value(t));
    DISPATCH();
  }
  TARGET(BUILD_LIST) {
    List* l = list_new(oparg);
    sp -= oparg;
    for (uint32_t i = 0; i < oparg; ++i) list_items(l)[i] = sp[i];
    PUSH(Value(l));
    DISPATCH();
  }
  TARGET(BUILD_MAP) {
    Value* pairs = sp - 2 * oparg;
    Value d = build_map(pairs, oparg);
    if (d.is_null()) goto error;
    sp = pairs;
    PUSH(d);
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE) {
    Value seq = TOP();
    // Items go to the stack in reverse so the first target is stored first.
    Value tmp_small[8];
    Value* tmp = oparg <= 8 ? tmp_small : new Value[oparg];
    bool ok = unpack(seq, oparg, tmp);
    if (ok) {
      --sp;
      for (uint32_t i = 0; i < oparg; ++i) sp[i] = tmp[oparg - 1 - i];
      sp += oparg;
    }
    if (tmp != tmp_small) delete[] tmp;
    if (!ok) goto error;
    DISPATCH();
  }
  TARGET(JUMP_FORWARD) {
    JUMP_TO(oparg);
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD) {
    JUMP_TO(oparg);
    if (__builtin_expect(gc_should_collect(), 0)) gc_collect();
    GIL_SAFE_POINT();  // threads (issue 8)
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_FALSE) {
    Value v = POP();
    if (v == False()) {
      JUMP_TO(oparg);
    } else if (v != True()) {
      int t = obj_truth(v);
      if (t < 0) goto error;
      if (!t) JUMP_TO(oparg);
    }
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_TRUE) {
    Value v = POP();
    if (v == True()) {
      JUMP_TO(oparg);
    } else if (v != False()) {
      int t = obj_truth(v);
      if (t < 0) goto error;
      if (t) JUMP_TO(oparg);
    }
    DISPATCH();
  }
  TARGET(JUMP_IF_FALSE_OR_POP) {
    int t = obj_truth(TOP());
    if (t < 0) goto error;
    if (!t) JUMP_TO(oparg);
    else --sp;
    DISPATCH();
  }
  TARGET(JUMP_IF_TRUE_OR_POP) {
    int t = obj_truth(TOP());
    if (t < 0) goto error;
    if (t) JUMP_TO(oparg);
    else --sp;
    DISPATCH();
  }
  TARGET(GET_ITER) {
    Value it = obj_iter(TOP());
    if (it.is_null()) goto error;
    TOP() = it;
    DISPATCH();
  }
  TARGET(FOR_ITER) {
    Value it = TOP();
    Value next = type_of(it)->iternext(it);
    if (next.is_null()) {
      if (error_occurred()) goto error;
      --sp;
      JUMP_TO(oparg);
      DISPATCH();
    }
    PUSH(next);
    DISPATCH();
  }
  TARGET(KW_NAMES) {
    kwnames = consts[oparg].as<Tuple>();
    DISPATCH();
  }
  TARGET(CALL) {
    if (__builtin_expect(gc_should_collect(), 0)) gc_collect();
    GIL_SAFE_POINT();  // threads (issue 8)
    Value* args = sp - oparg;
    Value callable = args[-2];
    size_t nargs = oparg;
    if (!callable.is_null()) {
      // [method, self, args...]: self becomes the first argument.
      --args;
      ++nargs;
    } else {
      callable = args[-1];
    }
    Tuple* kw = kwnames;
    kwnames = nullptr;
    size_t npos = nargs - (kw ? size_t(tuple_size(kw)) : 0);
    if (type_of(callable) == &FunctionType && !(callable.as<Function>()->code->flags & kCodeGenerator)) {
      Function* fn = callable.as<Function>();
      Code* code = fn->code;
      if (!enter_python_frame(ts)) goto error;
      Frame* nf = push_frame(ts, code);
      // Plain positional calls bind by copying; the rest goes out of line.
      if (!kw && int64_t(npos) == code->argcount && !(code->flags & kCodeComplexArgs)) {
        for (size_t i = 0; i < npos; ++i) nf->localsplus[i] = args[i];
      } else if (!bind_frame_arguments(fn, nf->localsplus, args, npos, kw)) {
        ts->recursion_depth--;
        pop_frame(ts, nf);
        goto error;
      }
      nf->function = fn;
      nf->globals = fn->globals;
      nf->builtins = fn->builtins;
      nf->previous = f;
      sp -= oparg + 2;
      f->stack_depth = int32_t(sp - stack_base);
      f = nf;
      ts->current_frame = f;
      LOAD_FRAME_REGISTERS();
      sp = stack_base;
      ip = f->code->instrs;
      DISPATCH();
    }
    Value r;
    if (__builtin_expect(dispatch != dispatch_table, 0)) {
      r = trace_c_call(ts, callable, args, npos, kw);  // tracing (issue 9): c_call events
    } else {
      r = call(callable, args, npos, kw);
    }
    RELOAD_DISPATCH();
    if (r.is_null()) goto error;
    sp -= oparg + 2;
    PUSH(r);
    DISPATCH();
  }
  // ---- unpacking: calls with * and **, displays, starred targets ----
  TARGET(CALL_FUNCTION_EX) {
    if (__builtin_expect(gc_should_collect(), 0)) gc_collect();
    Value* base = sp - 3 - (oparg & 1);  // the NULL slot
    bool fallback;
    Frame* nf = push_frame_ex(ts, base[1], base + 2, oparg & 1, &fallback);
    if (nf) {
      nf->previous = f;
      sp = base;
      f->stack_depth = int32_t(sp - stack_base);
      f = nf;
      ts->current_frame = f;
      LOAD_FRAME_REGISTERS();
      sp = stack_base;
      ip = f->code->instrs;
      DISPATCH();
    }
    if (!fallback) goto error;
    Value r = __builtin_expect(dispatch != dispatch_table, 0)
                  ? trace_c_call_ex(ts, base[1], base[2], (oparg & 1) ? base[3] : Value())  // tracing (issue 9)
                  : call_function_ex(base[1], base[2], (oparg & 1) ? base[3] : Value());
    RELOAD_DISPATCH();
    if (r.is_null()) goto error;
    sp = base;
    PUSH(r);
    DISPATCH();
  }
  TARGET(LIST_EXTEND) {
    if (list_extend_unpack(PEEK(oparg + 1).as<List>(), TOP()) < 0) goto error;
    --sp;
    DISPATCH();
  }
  TARGET(LIST_TO_TUPLE) {
    Value t = list_as_tuple(TOP().as<List>());
    if (t.is_null()) goto error;
    TOP() = t;
    DISPATCH();
  }
  TARGET(DICT_UPDATE) {
    if (dict_update_unpack(PEEK(oparg + 1).as<Dict>(), TOP()) < 0) goto error;
    --sp;
    DISPATCH();
  }
  TARGET(DICT_MERGE) {
    if (dict_merge_unpack(PEEK(oparg + 3), PEEK(oparg + 1).as<Dict>(), TOP()) < 0) goto error;
    --sp;
    DISPATCH();
  }
  TARGET(UNPACK_EX) {
    uint32_t before = oparg & 0xff, after = oparg >> 8;
    uint32_t n = before + 1 + after;
    Value tmp_small[8];
    Value* tmp = n <= 8 ? tmp_small : new Value[n];
    bool ok = unpack_starred(TOP(), before, after, tmp);
    if (ok) {
      --sp;
      for (uint32_t i = 0; i < n; ++i) sp[i] = tmp[n - 1 - i];
      sp += n;
    }
    if (tmp != tmp_small) delete[] tmp;
    if (!ok) goto error;
    DISPATCH();
  }
  TARGET(SETUP_ANNOTATIONS) {
    Dict* ns = f->locals ? f->locals : f->globals;
    Str* key = str_intern("__annotations__");
    if (dict_get_str(ns, key).is_null() && dict_set_str(ns, key, Value(dict_new())) < 0) goto error;
    DISPATCH();
  }
  TARGET(PUSH_EXC_INFO) {
    Value exc = TOP();
    TOP() = ts->handled_exception.is_null() ? None() : ts->handled_exception;
    PUSH(exc);
    ts->handled_exception = exc;
    DISPATCH();
  }
  TARGET(POP_EXCEPT) {
    Value prev = POP();
    ts->handled_exception = is_none(prev) ? Value() : prev;
    DISPATCH();
  }
  TARGET(CHECK_EXC_MATCH) {
    Value type = POP();
    int m = exception_matches(TOP(), type);
    if (m < 0) goto error;
    PUSH(Bool(m));
    DISPATCH();
  }
  TARGET(RERAISE) {
    Value exc = POP();
    if (oparg) {
      // Report the exception at the instruction that raised it first.
      Value lasti = POP();
      f->instr_ptr = f->code->instrs + lasti.small_value();
    }
    raise_exception(exc);
    goto exception_unwind;
  }
  TARGET(MAKE_CELL) {
    Cell* cell = gc_new<Cell>(&CellType);
    cell->contents = locals[oparg];
    locals[oparg] = Value(cell);
    DISPATCH();
  }
  TARGET(COPY_FREE_VARS) {
    Tuple* closure = f->function->closure;
    for (int64_t i = 0; i < closure->size; ++i) locals[oparg + uint32_t(i)] = closure->items[i];
    DISPATCH();
  }
  TARGET(LOAD_CLOSURE) {
    PUSH(locals[oparg]);
    DISPATCH();
  }
  TARGET(LOAD_DEREF) {
    Value v = locals[oparg].as<Cell>()->contents;
    if (__builtin_expect(v.is_null(), 0)) {
      unbound_deref(f, int32_t(oparg));
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_DEREF) {
    locals[oparg].as<Cell>()->contents = POP();
    DISPATCH();
  }
  TARGET(DELETE_DEREF) {
    Cell* cell = locals[oparg].as<Cell>();
    if (cell->contents.is_null()) {
      unbound_deref(f, int32_t(oparg));
      goto error;
    }
    cell->contents = Value();
    DISPATCH();
  }
  TARGET(LIST_APPEND) {
    Value v = POP();
    if (list_append(PEEK(oparg).as<List>(), v) < 0) goto error;
    DISPATCH();
  }
  TARGET(MAP_ADD) {
    // Key and value stay on the stack (rooted) while a Python __hash__ or
    // __eq__ of the key runs.
    if (dict_set(PEEK(oparg + 2).as<Dict>(), PEEK(2), PEEK(1)) < 0) goto error;
    sp -= 2;
    DISPATCH();
  }
  TARGET(FORMAT_VALUE) {
    Value spec = (oparg & 4) ? POP() : Value();
    Value v = format_field(TOP(), oparg & 3, spec);
    if (v.is_null()) goto error;
    TOP() = v;
    DISPATCH();
  }
  TARGET(BUILD_STRING) {
    Value s = join_strings(sp - oparg, oparg);
    if (s.is_null()) goto error;
    sp -= oparg;
    PUSH(s);
    DISPATCH();
  }
  TARGET(YIELD_VALUE) {
    // Generator frames are always the entry frame of their eval_frame call
    // (generator_resume starts one), so yielding returns to that caller.
    rv = POP();
    f->stack_depth = int32_t(sp - stack_base);
    ts->recursion_depth--;
    ts->current_frame = shim.previous;
    f->previous = nullptr;
    return rv;
  }
  TARGET(MAKE_FUNCTION) {
    Code* code = POP().as<Code>();
    Function* fn = function_new(code, f->globals, Value());
    if (oparg & 8) fn->closure = POP().as<Tuple>();
    if (oparg & 4) fn->annotations = POP();
    if (oparg & 2) fn->kwdefaults = POP().as<Dict>();
    if (oparg & 1) fn->defaults = POP().as<Tuple>();
    if (oparg & 16) fn->doc = code->consts->items[0];
    PUSH(Value(fn));
    DISPATCH();
  }
  TARGET(RETURN_VALUE) {
    rv = POP();
    Frame* caller = f->previous;
    finish_frame(ts, f);
    if (caller == &shim) {
      ts->current_frame = shim.previous;
      return rv;
    }
    f = caller;
    ts->current_frame = f;
    LOAD_FRAME_REGISTERS();
    sp = stack_base + f->stack_depth;
    ip = f->instr_ptr + 1;
    PUSH(rv);
    RELOAD_DISPATCH();
    DISPATCH();
  }
  TARGET(IMPORT_NAME) {
    Value fromlist = POP();
    Value level = TOP();
    Value module = import_name(NAME(oparg), fromlist, level, f->globals);
    if (module.is_null()) goto error;
    TOP() = module;
    DISPATCH();
  }
  TARGET(IMPORT_STAR) {
    Value module = POP();
    if (import_star(module, f->locals) < 0) goto error;
    DISPATCH();
  }
  TARGET(IMPORT_FROM) {
    Value v = import_from(TOP(), NAME(oparg));
    if (v.is_null()) goto error;
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_BUILD_CLASS) {
    Value v = load_build_class(f);
    if (v.is_null()) goto error;
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_CLASSDEREF) {
    Value v = load_classderef(f, oparg);
    if (v.is_null()) goto error;
    PUSH(v);
    DISPATCH();
  }
  TARGET(BEFORE_WITH) {
    // [mgr] -> [mgr, exit] while __enter__ runs (both rooted), then
    // [exit, enter_result].
    Value exit = with_exit_method(TOP());
    if (exit.is_null()) goto error;
    PUSH(exit);
    f->stack_depth = int32_t(sp - stack_base);
    Value res = with_enter(PEEK(2));
    if (res.is_null()) goto error;
    PEEK(2) = TOP();
    TOP() = res;
    DISPATCH();
  }
  TARGET(WITH_EXCEPT_START) {
    // [exit, lasti, prev_exc, exc] -> [..., exc, exit(type(exc), exc, tb)]
    Value r = with_exit_call(PEEK(4), TOP());
    if (r.is_null()) goto error;
    PUSH(r);
    DISPATCH();
  }
  TARGET(RAISE_VARARGS) {
    // The operands stay on the stack (rooted) while do_raise instantiates
    // exception classes (which runs their __init__).
    Value cause = oparg == 2 ? TOP() : Value();
    Value exc = oparg >= 1 ? PEEK(oparg) : Value();
    do_raise(ts, exc, cause);
    sp -= oparg;
    // A bare `raise` re-raises with the traceback it already has.
    if (oparg == 0 && !ts->handled_exception.is_null() && ts->current_exception == ts->handled_exception)
      goto exception_unwind;
    goto error;
  }
  TARGET(BUILD_SET) {
    // The items stay on the stack (rooted) while their __hash__/__eq__ run.
    Value set = set_build(sp - oparg, oparg);
    if (set.is_null()) goto error;
    sp -= oparg;
    PUSH(set);
    DISPATCH();
  }
  TARGET(SET_ADD) {
    if (set_add(PEEK(oparg + 1).as<Set>(), TOP()) < 0) goto error;
    --sp;
    DISPATCH();
  }
  TARGET(SET_UPDATE) {
    if (set_update(PEEK(oparg + 1).as<Set>(), TOP()) < 0) goto error;
    --sp;
    DISPATCH();
  }

  // ---- delegation and coroutines (yield from, await, async for/with) ----
  TARGET(GET_YIELD_FROM_ITER) {
    Value it = get_yield_from_iter(TOP(), f->code);
    if (it.is_null()) goto error;
    TOP() = it;
    DISPATCH();
  }
  TARGET(GET_AWAITABLE) {
    Value it = get_awaitable(TOP(), AwaitSource(oparg));
    if (it.is_null()) goto error;
    TOP() = it;
    DISPATCH();
  }
  TARGET(SEND) {
    // Delegate and value stay on the stack (rooted) while the delegate runs.
    Value result;
    Value r = delegate_send(PEEK(2), TOP(), &result);
    if (!r.is_null()) {
      TOP() = r;
      DISPATCH();
    }
    if (error_occurred()) goto error;
    if (__builtin_expect(dispatch != dispatch_table, 0)) {  // tracing (issue 9)
      if (!trace_delegate_returned(ts, f, result)) goto error;
      RELOAD_DISPATCH();
    }
    sp -= 2;
    PUSH(result);
    JUMP_TO(oparg);
    DISPATCH();
  }
  TARGET(GET_AITER) {
    Value it = get_aiter(TOP());
    if (it.is_null()) goto error;
    TOP() = it;
    DISPATCH();
  }
  TARGET(GET_ANEXT) {
    Value aw = get_anext(TOP());
    if (aw.is_null()) goto error;
    PUSH(aw);
    DISPATCH();
  }
  TARGET(END_ASYNC_FOR) {
    Value exc = POP();
    if (isinstance(exc, &StopAsyncIterationType)) {
      --sp;  // the async iterator
      DISPATCH();
    }
    --sp;
    raise_exception(exc);  // already has this frame in its traceback
    goto exception_unwind;
  }
  TARGET(BEFORE_ASYNC_WITH) {
    // Like BEFORE_WITH: [mgr, exit] while __aenter__ runs, then
    // [exit, awaitable].
    Value exit = async_with_exit_method(TOP());
    if (exit.is_null()) goto error;
    PUSH(exit);
    f->stack_depth = int32_t(sp - stack_base);
    Value aw = async_with_enter(PEEK(2));
    if (aw.is_null()) goto error;
    PEEK(2) = TOP();
    TOP() = aw;
    DISPATCH();
  }

error:
  // An exception is pending. A new one gets its context, then every frame
  // it passes records itself in the traceback.
  {
    Value exc = ts->current_exception;
    if (isinstance(exc, &BaseExceptionType) && exc.as<ExceptionObject>()->traceback.is_null())
      chain_context(ts);
  }
  traceback_add_frame(f);
  if (__builtin_expect(ts->use_tracing, 0)) {  // tracing (issue 9)
    trace_exception(ts, f);
    RELOAD_DISPATCH();
  }
exception_unwind:
  // A handler in this frame? Cut the stack to its depth, push the offset
  // of the raising instruction if asked, then the exception, and jump.
  // The handler is looked up at the instruction being executed (ip - 1);
  // f->instr_ptr may point elsewhere: RERAISE restores the original raise
  // location there, for the traceback and the pushed lasti.
  if (const ExceptionTableEntry* h = find_handler(f->code, int32_t(ip - f->code->instrs) - 1)) {
    sp = stack_base + h->depth;
    if (h->push_lasti) PUSH(Value::small(f->instr_index()));
    PUSH(error_fetch());
    ip = f->code->instrs + h->handler;
    DISPATCH();
  }
  {
    if (__builtin_expect(ts->use_tracing, 0)) trace_unwind(ts, f);  // tracing (issue 9)
    Frame* caller = f->previous;
    finish_frame(ts, f);
    if (caller == &shim) {
      ts->current_frame = shim.previous;
      return Value();
    }
    f = caller;
    ts->current_frame = f;
    LOAD_FRAME_REGISTERS();
    sp = stack_base + f->stack_depth;
    ip = f->instr_ptr + 1;  // as if the failed CALL had just been dispatched
    RELOAD_DISPATCH();
    goto error;
  }
#undef LOAD_FRAME_REGISTERS
#undef RELOAD_DISPATCH
#undef DISPATCH
#undef TARGET
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
#undef NAME
#undef JUMP_TO
}

// ---------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------

Value call_python_function(Function* fn, const Value* args, size_t nargs, Tuple* kwnames) {
  ThreadState* ts = current_thread();
  if (fn->code->flags & kCodeGenerator) return make_generator(ts, fn, args, nargs, kwnames);
  if (!enter_python_frame(ts)) return Value();
  Frame* f = push_frame(ts, fn->code);
  if (!bind_frame_arguments(fn, f->localsplus, args, nargs, kwnames)) {
    ts->recursion_depth--;
    pop_frame(ts, f);
    return Value();
  }
  f->function = fn;
  f->globals = fn->globals;
  f->builtins = fn->builtins;
  return eval_frame(ts, f, Value());
}

Value eval_generator_frame(Frame* f, Value sent, Value exc) {
  ThreadState* ts = current_thread();
  if (!enter_python_frame(ts)) return Value();
  if (!sent.is_null()) f->localsplus[f->code->nlocalsplus + f->stack_depth++] = sent;
  return eval_frame(ts, f, exc);
}

Value eval_class_body(Function* fn, Dict* ns) {
  ThreadState* ts = current_thread();
  if (!enter_python_frame(ts)) return Value();
  Frame* f = push_frame(ts, fn->code);
  f->function = fn;
  f->globals = fn->globals;
  f->builtins = fn->builtins;
  f->locals = ns;
  return eval_frame(ts, f, Value());
}

Value eval_code_in(Code* code, Dict* globals, Dict* locals) {
  ThreadState* ts = current_thread();
  if (!enter_python_frame(ts)) return Value();
  Frame* f = push_frame(ts, code);
  f->globals = globals;
  f->builtins = g_runtime.builtins;
  f->locals = locals;
  return eval_frame(ts, f, Value());
}

}  // namespace pg
