// The `operator` module: the operators as functions (add, lt, getitem,
// iadd, ... and their __dunder__ aliases) and the callable objects
// itemgetter, attrgetter (dotted names) and methodcaller.
#include <cstring>
#include <string>
#include <vector>

#include "modules/std_util.h"
#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/layouts.h"
#include "objects/type.h"
#include "vm/thread_state.h"

namespace pg {

extern Type ItemGetterType, AttrGetterType, MethodCallerType;

namespace {

template <BinaryOp kOp>
Value op_binary(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(self.is_null() ? "op" : str_cstr(self.as<Str>()), nargs, kwnames, 2, 2)) return Value();
  return binary_op(args[0], args[1], kOp);
}

template <CompareOp kOp>
Value op_compare(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(str_cstr(self.as<Str>()), nargs, kwnames, 2, 2)) return Value();
  return obj_compare(args[0], args[1], kOp);
}

template <UnaryOp kOp>
Value op_unary(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(str_cstr(self.as<Str>()), nargs, kwnames, 1, 1)) return Value();
  return unary_op(args[0], kOp);
}

Value op_not(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(str_cstr(self.as<Str>()), nargs, kwnames, 1, 1)) return Value();
  int t = obj_truth(args[0]);
  return t < 0 ? Value() : Bool(!t);
}

Value op_truth(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("truth", nargs, kwnames, 1, 1)) return Value();
  int t = obj_truth(args[0]);
  return t < 0 ? Value() : Bool(t);
}

Value op_is(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("is_", nargs, kwnames, 2, 2)) return Value();
  return Bool(args[0] == args[1]);
}

Value op_is_not(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("is_not", nargs, kwnames, 2, 2)) return Value();
  return Bool(args[0] != args[1]);
}

Value op_abs(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(str_cstr(self.as<Str>()), nargs, kwnames, 1, 1)) return Value();
  Value abs_fn = dict_get_str(g_runtime.builtins, str_intern("abs"));
  return call1(abs_fn, args[0]);
}

Value op_index(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(str_cstr(self.as<Str>()), nargs, kwnames, 1, 1)) return Value();
  return number_index(args[0]);
}

bool has_getitem(Value v) { return type_of(v)->getitem != nullptr; }

template <bool kInplace>
Value op_concat(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(str_cstr(self.as<Str>()), nargs, kwnames, 2, 2)) return Value();
  if (!has_getitem(args[0]) || isinstance(args[0], &DictType))
    return raise(&TypeErrorType, "'%s' object can't be concatenated", type_name(args[0]));
  return binary_op(args[0], args[1], kInplace ? BinaryOp::InplaceAdd : BinaryOp::Add);
}

Value op_contains(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(str_cstr(self.as<Str>()), nargs, kwnames, 2, 2)) return Value();
  int r = obj_contains(args[0], args[1]);
  return r < 0 ? Value() : Bool(r);
}

// countOf / indexOf: by identity or equality, over any iterable.
template <bool kIndex>
Value op_count_or_index(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(kIndex ? "indexOf" : "countOf", nargs, kwnames, 2, 2)) return Value();
  Value it = obj_iter(args[0]);
  if (it.is_null()) return it;
  Rooted keep(&it);
  int64_t i = 0, count = 0;
  while (true) {
    Value x = iter_next(it);
    if (x.is_null()) break;
    int eq = obj_eq(x, args[1]);
    if (eq < 0) return Value();
    if (eq) {
      if (kIndex) return int_from_i64(i);
      ++count;
    }
    ++i;
  }
  if (error_occurred()) return Value();
  if (kIndex) return raise(&ValueErrorType, "sequence.index(x): x not in sequence");
  return int_from_i64(count);
}

Value op_getitem(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(str_cstr(self.as<Str>()), nargs, kwnames, 2, 2)) return Value();
  return obj_getitem(args[0], args[1]);
}

Value op_setitem(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(str_cstr(self.as<Str>()), nargs, kwnames, 3, 3)) return Value();
  return obj_setitem(args[0], args[1], args[2]) < 0 ? Value() : None();
}

Value op_delitem(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(str_cstr(self.as<Str>()), nargs, kwnames, 2, 2)) return Value();
  return obj_delitem(args[0], args[1]) < 0 ? Value() : None();
}

Value op_length_hint(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("length_hint", nargs, kwnames, 1, 2)) return Value();
  int64_t dflt = 0;
  if (nargs == 2) {
    if (!is_int(args[1]))
      return raise(&TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(args[1]));
    if (!int_as_index(args[1], &dflt)) return Value();
  }
  if (type_of(args[0])->len) {
    int64_t n = obj_len(args[0]);
    if (n >= 0) return int_from_i64(n);
    if (!error_matches(&TypeErrorType)) return Value();
    error_clear();
  }
  bool found = false;
  Value r = call_special(args[0], str_intern("__length_hint__"), nullptr, 0, &found);
  if (!found) return int_from_i64(dflt);
  if (r.is_null()) {
    if (!error_matches(&TypeErrorType)) return r;
    error_clear();
    return int_from_i64(dflt);
  }
  if (r == NotImplemented()) return int_from_i64(dflt);
  if (!is_int(r)) return raise(&TypeErrorType, "__length_hint__ must be an integer, not %s", type_name(r));
  if (int_sign(r) < 0) return raise(&ValueErrorType, "__length_hint__() should return >= 0");
  return r;
}

Value op_call(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 1) return raise(&TypeErrorType, "call() missing required argument 'obj' (pos 1)");
  return call(args[0], args + 1, nargs - 1, kwnames);
}

// ---------------------------------------------------------------------------
// itemgetter / attrgetter / methodcaller: one layout.
//   items  : itemgetter's keys; attrgetter's names, each a tuple of the
//            dotted parts; methodcaller's positional arguments.
//   name   : methodcaller's method name (null for the others).
//   kwnames/kwvalues : methodcaller's keyword arguments (null when none).
// ---------------------------------------------------------------------------
struct Getter : Object {
  Tuple* items;
  Value name;
  Tuple* kwnames;
  Tuple* kwvalues;
};

void getter_trace(Object* self, Visitor& v) {
  Getter* g = static_cast<Getter*>(self);
  v.visit(Value(g->items));
  v.visit(g->name);
  v.visit(Value(g->kwnames));
  v.visit(Value(g->kwvalues));
}

Value itemgetter_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeErrorType, "itemgetter() takes no keyword arguments");
  if (nargs == 0) return raise(&TypeErrorType, "itemgetter expected 1 argument, got 0");
  Tuple* items = tuple_new(int64_t(nargs));
  for (size_t i = 0; i < nargs; ++i) tuple_items(items)[i] = args[i];
  Value keep_items(items);
  Rooted keep(&keep_items);
  Getter* g = static_cast<Getter*>(gc_alloc(type, type->instance_size));
  g->items = items;
  return Value(g);
}

Value itemgetter_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeErrorType, "itemgetter() takes no keyword arguments");
  if (nargs != 1) return raise(&TypeErrorType, "itemgetter expected 1 argument, got %zu", nargs);
  Getter* g = self.as<Getter>();
  int64_t n = tuple_size(g->items);
  if (n == 1) return obj_getitem(args[0], tuple_items(g->items)[0]);
  Value result(tuple_new(n));
  Rooted keep(&result);
  for (int64_t i = 0; i < n; ++i) {
    Value v = obj_getitem(args[0], tuple_items(self.as<Getter>()->items)[i]);
    if (v.is_null()) return v;
    tuple_items(result.as<Tuple>())[i] = v;
  }
  return result;
}

Value attrgetter_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeErrorType, "attrgetter() takes no keyword arguments");
  if (nargs == 0) return raise(&TypeErrorType, "attrgetter expected 1 argument, got 0");
  Value items(tuple_new(int64_t(nargs)));
  Rooted keep(&items);
  for (size_t i = 0; i < nargs; ++i) {
    if (!is_str(args[i])) return raise(&TypeErrorType, "attribute name must be a string");
    std::string_view s = str_view(args[i].as<Str>());
    std::vector<std::string_view> parts;
    for (size_t start = 0;;) {
      size_t dot = s.find('.', start);
      parts.push_back(s.substr(start, dot == std::string_view::npos ? dot : dot - start));
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    Tuple* t = tuple_new(int64_t(parts.size()));
    tuple_items(items.as<Tuple>())[i] = Value(t);
    for (size_t j = 0; j < parts.size(); ++j) tuple_items(t)[j] = Value(str_intern(parts[j]));
  }
  Getter* g = static_cast<Getter*>(gc_alloc(type, type->instance_size));
  g->items = items.as<Tuple>();
  return Value(g);
}

Value dotted_getattr(Value obj, Tuple* parts) {
  Value v = obj;
  for (int64_t j = 0; j < tuple_size(parts); ++j) {
    v = obj_getattr(v, tuple_items(parts)[j].as<Str>());
    if (v.is_null()) return v;
  }
  return v;
}

Value attrgetter_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeErrorType, "attrgetter() takes no keyword arguments");
  if (nargs != 1) return raise(&TypeErrorType, "attrgetter expected 1 argument, got %zu", nargs);
  Getter* g = self.as<Getter>();
  int64_t n = tuple_size(g->items);
  if (n == 1) return dotted_getattr(args[0], tuple_items(g->items)[0].as<Tuple>());
  Value result(tuple_new(n));
  Rooted keep(&result);
  for (int64_t i = 0; i < n; ++i) {
    Value v = dotted_getattr(args[0], tuple_items(self.as<Getter>()->items)[i].as<Tuple>());
    if (v.is_null()) return v;
    tuple_items(result.as<Tuple>())[i] = v;
  }
  return result;
}

Value methodcaller_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs == 0) return raise(&TypeErrorType, "methodcaller needs at least one argument, the method name");
  if (!is_str(args[0])) return raise(&TypeErrorType, "method name must be a string");
  Value items(tuple_new(int64_t(nargs - 1)));
  Rooted keep(&items);
  for (size_t i = 1; i < nargs; ++i) tuple_items(items.as<Tuple>())[i - 1] = args[i];
  Value values;
  Rooted keep_values(&values);
  if (kwnames && tuple_size(kwnames)) {
    values = Value(tuple_new(tuple_size(kwnames)));
    for (int64_t i = 0; i < tuple_size(kwnames); ++i) tuple_items(values.as<Tuple>())[i] = args[nargs + size_t(i)];
  }
  Getter* g = static_cast<Getter*>(gc_alloc(type, type->instance_size));
  g->items = items.as<Tuple>();
  g->name = Value(str_intern(str_view(args[0].as<Str>())));
  g->kwnames = values.is_null() ? nullptr : kwnames;
  g->kwvalues = values.is_null() ? nullptr : values.as<Tuple>();
  return Value(g);
}

Value methodcaller_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeErrorType, "methodcaller() takes no keyword arguments");
  if (nargs != 1) return raise(&TypeErrorType, "methodcaller expected 1 argument, got %zu", nargs);
  Getter* g = self.as<Getter>();
  Value method = obj_getattr(args[0], g->name.as<Str>());
  if (method.is_null()) return method;
  Rooted keep(&method);
  g = self.as<Getter>();
  int64_t n = tuple_size(g->items);
  int64_t nk = g->kwvalues ? tuple_size(g->kwvalues) : 0;
  std::vector<Value> argv(size_t(n + nk));
  for (int64_t i = 0; i < n; ++i) argv[size_t(i)] = tuple_items(g->items)[i];
  for (int64_t i = 0; i < nk; ++i) argv[size_t(n + i)] = tuple_items(g->kwvalues)[i];
  return call(method, argv.data(), size_t(n), nk ? g->kwnames : nullptr);
}

// repr: operator.itemgetter(1, 'a'), operator.attrgetter('a.b'),
// operator.methodcaller('name', 1, key=2).
Value getter_repr(Value self) {
  Getter* g = self.as<Getter>();
  Type* t = type_of(self);
  std::string text = t == &ItemGetterType ? "operator.itemgetter(" : t == &AttrGetterType ? "operator.attrgetter(" : "operator.methodcaller(";
  bool first = true;
  auto add = [&](Value v) -> bool {
    Value r = obj_repr(v);
    if (r.is_null()) return false;
    if (!first) text += ", ";
    first = false;
    text += str_view(r.as<Str>());
    return true;
  };
  if (t == &MethodCallerType && !add(g->name)) return Value();
  for (int64_t i = 0; i < tuple_size(self.as<Getter>()->items); ++i) {
    Value item = tuple_items(self.as<Getter>()->items)[i];
    if (t == &AttrGetterType) {
      std::string dotted;
      Tuple* parts = item.as<Tuple>();
      for (int64_t j = 0; j < tuple_size(parts); ++j) {
        if (j) dotted += ".";
        dotted += str_view(tuple_items(parts)[j].as<Str>());
      }
      if (!first) text += ", ";
      first = false;
      text += str_repr_text(dotted);
    } else if (!add(item)) {
      return Value();
    }
  }
  g = self.as<Getter>();
  if (g->kwnames) {
    for (int64_t i = 0; i < tuple_size(g->kwnames); ++i) {
      Value r = obj_repr(tuple_items(self.as<Getter>()->kwvalues)[i]);
      if (r.is_null()) return r;
      text += ", ";
      text += str_view(tuple_items(self.as<Getter>()->kwnames)[i].as<Str>());
      text += "=";
      text += str_view(r.as<Str>());
    }
  }
  return Value(str_new(text + ")"));
}

Type make_getter_type(const char* name, Value (*construct)(Type*, const Value*, size_t, Tuple*), CallFn fn) {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = name;
  t.base = &ObjectType;
  t.flags = kTypeBaseType | kTypeNativeLayout;
  t.instance_size = sizeof(Getter);
  t.construct = construct;
  t.call = fn;
  t.repr = getter_repr;
  t.trace = getter_trace;
  return t;
}

// Adds `name` and, when `dunder`, `__name__` as the same function (the
// function's bound "self" is its own name, for argument-count messages).
void add_op(Value m, const char* name, NativeFn fn, bool dunder = true) {
  module_add(m, name, native_function_new(name, fn, Value(str_intern(name)), 0));
  if (!dunder) return;
  std::string base(name);
  if (base.back() == '_') base.pop_back();
  std::string d = "__" + base + "__";
  // The interned name lives as long as the runtime: it can be the
  // function's (unowned) name.
  Str* interned = str_intern(d);
  module_add(m, d.c_str(), native_function_new(str_cstr(interned), fn, Value(interned), 0));
}

Value module_init() {
  static bool ready = false;
  if (!ready) {
    type_ready(&ItemGetterType);
    type_ready(&AttrGetterType);
    type_ready(&MethodCallerType);
    ready = true;
  }
  Value m = module_new("operator");
  Rooted keep(&m);
  add_op(m, "lt", op_compare<CompareOp::Lt>);
  add_op(m, "le", op_compare<CompareOp::Le>);
  add_op(m, "eq", op_compare<CompareOp::Eq>);
  add_op(m, "ne", op_compare<CompareOp::Ne>);
  add_op(m, "ge", op_compare<CompareOp::Ge>);
  add_op(m, "gt", op_compare<CompareOp::Gt>);
  add_op(m, "not_", op_not);
  add_op(m, "truth", op_truth, false);
  add_op(m, "is_", op_is, false);
  add_op(m, "is_not", op_is_not, false);
  add_op(m, "abs", op_abs);
  add_op(m, "index", op_index);
  add_op(m, "neg", op_unary<UnaryOp::Neg>);
  add_op(m, "pos", op_unary<UnaryOp::Pos>);
  add_op(m, "inv", op_unary<UnaryOp::Invert>);
  add_op(m, "invert", op_unary<UnaryOp::Invert>);
#define BIN(name, op) add_op(m, name, op_binary<BinaryOp::op>)
  BIN("add", Add); BIN("sub", Sub); BIN("mul", Mul); BIN("matmul", MatMul); BIN("truediv", TrueDiv);
  BIN("floordiv", FloorDiv); BIN("mod", Mod); BIN("pow", Pow); BIN("lshift", LShift);
  BIN("rshift", RShift); BIN("and_", And); BIN("or_", Or); BIN("xor", Xor);
  BIN("iadd", InplaceAdd); BIN("isub", InplaceSub); BIN("imul", InplaceMul);
  BIN("imatmul", InplaceMatMul); BIN("itruediv", InplaceTrueDiv); BIN("ifloordiv", InplaceFloorDiv);
  BIN("imod", InplaceMod); BIN("ipow", InplacePow); BIN("ilshift", InplaceLShift);
  BIN("irshift", InplaceRShift); BIN("iand", InplaceAnd); BIN("ior", InplaceOr); BIN("ixor", InplaceXor);
#undef BIN
  add_op(m, "concat", op_concat<false>);
  add_op(m, "iconcat", op_concat<true>);
  add_op(m, "contains", op_contains);
  add_op(m, "getitem", op_getitem);
  add_op(m, "setitem", op_setitem);
  add_op(m, "delitem", op_delitem);
  add_op(m, "countOf", op_count_or_index<false>, false);
  add_op(m, "indexOf", op_count_or_index<true>, false);
  add_op(m, "length_hint", op_length_hint, false);
  add_op(m, "call", op_call);
  module_add(m, "itemgetter", Value(&ItemGetterType));
  module_add(m, "attrgetter", Value(&AttrGetterType));
  module_add(m, "methodcaller", Value(&MethodCallerType));
  return m;
}

}  // namespace

Type ItemGetterType = make_getter_type("operator.itemgetter", itemgetter_construct, itemgetter_call);
Type AttrGetterType = make_getter_type("operator.attrgetter", attrgetter_construct, attrgetter_call);
Type MethodCallerType = make_getter_type("operator.methodcaller", methodcaller_construct, methodcaller_call);

void operator_module_register() { register_builtin_module("operator", module_init); }

}  // namespace pg
