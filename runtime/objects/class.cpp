// Heap types: what a class statement (or type(name, bases, dict)) creates.
//
// A heap type is a Type allocated by the collector (kTypeHeap). Its layout
// comes from its nearest static ancestor (`static_base`): classes deriving
// from `object` get the Instance layout (a header and a dict pointer),
// exception classes keep ExceptionObject, metaclasses keep Type, subclasses
// of list/dict/int/float get their base's layout plus a dict pointer (str
// and tuple ones have no instance dict). Its MRO is CPython's C3
// linearisation, kept as a tuple that type_lookup() walks.
//
// Behaviour: a heap type's slots are generic functions ("heap slots") that
// look the dunder up on type(self) at call time and call it, so assigning a
// method later works like in CPython. A slot is installed when some class
// of the MRO defines the dunder as something other than a built-in method;
// otherwise the static base's native slot is used unchanged (fast paths for
// plain classes stay as fast as `object`'s).
#include "objects/class.h"

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/gc.h"
#include "objects/layouts.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/set.h"
#include "objects/type.h"
#include "vm/eval.h"
#include "vm/function_call.h"
#include "vm/frame.h"
#include "vm/thread_state.h"

namespace pg {

namespace {

// Interned dunder names (filled by classes_init_names()).
struct Dunders {
  Str* binop[13];
  Str* rbinop[13];
  Str* ibinop[13];
  Str* compare[6];  // CompareOp order
  Str* unary[3];    // Neg, Pos, Invert
  Str* repr, *str, *hash, *bool_, *len, *getattr, *getattribute, *setattr, *delattr, *call,
      *iter, *next, *getitem, *setitem, *delitem, *contains, *get, *set, *delete_, *init, *new_,
      *init_subclass, *class_getitem, *set_name, *eq, *module, *qualname, *doc, *classcell,
      *name, *metaclass, *slots, *instancecheck, *subclasscheck, *prepare, *mro_entries, *orig_bases;
};
Dunders d;

// A dunder the class statement defined (or a class of its MRO did): any
// value but a built-in method (those mirror the static base's slots).
bool is_user_attr(Value v) { return !v.is_null() && type_of(v) != &NativeFunctionType; }
bool user_defines(Type* t, Str* name) { return is_user_attr(type_lookup(t, name)); }

Type* static_base_of(Type* t) { return is_heap_type(t) ? t->static_base : t; }

// ---------------------------------------------------------------------------
// Heap slots.
// ---------------------------------------------------------------------------

Value heap_repr(Value self) {
  bool found;
  Value r = call_special(self, d.repr, nullptr, 0, &found);
  if (found) return r;
  return static_base_of(type_of(self))->repr(self);
}

Value heap_str(Value self) {
  bool found;
  Value r = call_special(self, d.str, nullptr, 0, &found);
  if (found) return r;
  Type* sb = static_base_of(type_of(self));
  return sb->str ? sb->str(self) : obj_repr(self);
}

bool heap_hash(Value self, int64_t* out) {
  bool found;
  Value r = call_special(self, d.hash, nullptr, 0, &found);
  if (!found) return ObjectType.hash(self, out);
  if (r.is_null()) return false;
  if (!is_int(r)) {
    raise(&TypeErrorType, "__hash__ method should return an integer");
    return false;
  }
  int64_t h;
  if (int_to_i64(r, &h)) {
    *out = h == -1 ? -2 : h;
    return true;
  }
  return obj_hash(r, out);  // a big int: reduced like hash(int)
}

Value heap_compare(Value a, Value b, CompareOp op) {
  bool found;
  Value r = call_special(a, d.compare[int(op)], &b, 1, &found);
  if (found) return r;
  Type* sb = static_base_of(type_of(a));
  return sb->compare ? sb->compare(a, b, op) : NotImplemented();
}

// CPython's method_is_overloaded: does `right` define the reflected method
// differently from `left`?
bool method_is_overloaded(Type* left, Type* right, Str* name) {
  Value r = type_lookup(right, name);
  if (r.is_null()) return false;
  Value l = type_lookup(left, name);
  return l.is_null() || l != r;
}

Value heap_binop(Value a, Value b, BinaryOp op);

// CPython's SLOT1BINFULL: this one function serves both operands, so it
// tries the reflected method of the right operand itself (abstract.cpp
// calls a slot shared by both operand types only once).
Value heap_binop(Value a, Value b, BinaryOp op) {
  bool found;
  if (is_inplace(op)) {
    // Only the left operand's type is asked for the in-place form.
    int k = int(op) - kInplaceOffset;
    Value r = call_special(a, d.ibinop[k], &b, 1, &found);
    if (found) return r;
    Type* sb = static_base_of(type_of(a));
    return sb->binop ? sb->binop(a, b, op) : NotImplemented();
  }
  int k = int(op);
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  bool a_ours = ta->binop == heap_binop;
  bool do_other = ta != tb && tb->binop == heap_binop;
  if (a_ours) {
    if (do_other && is_subtype(tb, ta) && method_is_overloaded(ta, tb, d.rbinop[k])) {
      Value r = call_special(b, d.rbinop[k], &a, 1, &found);
      if (found && r != NotImplemented()) return r;
      do_other = false;
    }
    Value r = call_special(a, d.binop[k], &b, 1, &found);
    if (found && (r != NotImplemented() || ta == tb)) return r;
    if (!found) {
      Type* sb = static_base_of(ta);
      if (sb->binop) {
        r = sb->binop(a, b, op);
        if (r != NotImplemented()) return r;
      }
    }
  }
  if (do_other || !a_ours) {
    Value r = call_special(b, d.rbinop[k], &a, 1, &found);
    if (found) return r;
    Type* sb = static_base_of(tb);
    if (sb->binop) return sb->binop(a, b, op);
  }
  return NotImplemented();
}

Value heap_unary(Value a, UnaryOp op) {
  if (op == UnaryOp::Not) return NotImplemented();
  bool found;
  Value r = call_special(a, d.unary[int(op)], nullptr, 0, &found);
  if (found) return r;
  Type* sb = static_base_of(type_of(a));
  return sb->unary ? sb->unary(a, op) : NotImplemented();
}

int heap_truth(Value self) {
  bool found;
  Value r = call_special(self, d.bool_, nullptr, 0, &found);
  if (!found) {
    Type* t = type_of(self);
    if (t->len) {
      int64_t n = t->len(self);
      return n < 0 ? -1 : n > 0;
    }
    return 1;
  }
  if (r.is_null()) return -1;
  if (r == True()) return 1;
  if (r == False()) return 0;
  raise(&TypeErrorType, "__bool__ should return bool, returned %s", type_name(r));
  return -1;
}

int64_t heap_len(Value self) {
  bool found;
  Value r = call_special(self, d.len, nullptr, 0, &found);
  if (!found) {
    raise(&TypeErrorType, "object of type '%s' has no len()", type_name(self));
    return -1;
  }
  if (r.is_null()) return -1;
  if (!is_int(r)) {
    raise(&TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(r));
    return -1;
  }
  int64_t n;
  if (!int_to_i64(r, &n)) {
    if (int_sign(r) < 0) raise(&ValueErrorType, "__len__() should return >= 0");
    else raise(&OverflowErrorType, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (n < 0) {
    raise(&ValueErrorType, "__len__() should return >= 0");
    return -1;
  }
  return n;
}

Value heap_getattr(Value self, Str* name) {
  Type* t = type_of(self);
  Value getattribute = type_lookup(t, d.getattribute);
  Value r;
  if (is_user_attr(getattribute)) {
    Value arg = Value(name);
    r = call_unbound(getattribute, self, &arg, 1, nullptr);
  } else {
    r = instance_getattr_base(self, name);
  }
  if (r.is_null() && error_matches(&AttributeErrorType)) {
    Value getattr = type_lookup(t, d.getattr);
    if (!getattr.is_null()) {
      error_clear();
      Value arg = Value(name);
      r = call_unbound(getattr, self, &arg, 1, nullptr);
    }
  }
  return r;
}

int heap_setattr(Value self, Str* name, Value v) {
  Type* t = type_of(self);
  Value method = type_lookup(t, v.is_null() ? d.delattr : d.setattr);
  if (is_user_attr(method)) {
    Value args[2] = {Value(name), v};
    Value r = call_unbound(method, self, args, v.is_null() ? 1 : 2, nullptr);
    return r.is_null() ? -1 : 0;
  }
  return instance_setattr_base(self, name, v);
}

Value heap_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value method = type_lookup(type_of(self), d.call);
  if (method.is_null()) return raise(&TypeErrorType, "'%s' object is not callable", type_name(self));
  return call_unbound(method, self, args, nargs, kwnames);
}

Value heap_iter(Value self) {
  bool found;
  Value r = call_special(self, d.iter, nullptr, 0, &found);
  if (!found) return raise(&TypeErrorType, "'%s' object is not iterable", type_name(self));
  return r;
}

Value heap_iternext(Value self) {
  bool found;
  Value r = call_special(self, d.next, nullptr, 0, &found);
  if (!found) return raise(&TypeErrorType, "'%s' object is not an iterator", type_name(self));
  if (r.is_null() && error_matches(&StopIterationType)) error_clear();  // exhausted
  return r;
}

Value heap_getitem(Value self, Value key) {
  bool found;
  Value r = call_special(self, d.getitem, &key, 1, &found);
  if (!found) return raise(&TypeErrorType, "'%s' object is not subscriptable", type_name(self));
  return r;
}

int heap_setitem(Value self, Value key, Value v) {
  bool found;
  Value args[2] = {key, v};
  Str* name = v.is_null() ? d.delitem : d.setitem;
  Value r = call_special(self, name, args, v.is_null() ? 1 : 2, &found);
  if (!found) {
    raise(&AttributeErrorType, "%s", str_cstr(name));
    return -1;
  }
  return r.is_null() ? -1 : 0;
}

int heap_contains(Value self, Value x) {
  bool found;
  Value r = call_special(self, d.contains, &x, 1, &found);
  if (!found) {
    raise(&TypeErrorType, "argument of type '%s' is not iterable", type_name(self));
    return -1;
  }
  if (r.is_null()) return -1;
  return obj_truth(r);
}

Value heap_descr_get(Value descr, Value obj, Type* owner) {
  bool found;
  Value args[2] = {obj.is_null() ? None() : obj, Value(owner)};
  Value r = call_special(descr, d.get, args, 2, &found);
  if (!found) return descr;
  return r;
}

int heap_descr_set(Value descr, Value obj, Value v) {
  bool found;
  Value args[2] = {obj, v};
  Str* name = v.is_null() ? d.delete_ : d.set;
  Value r = call_special(descr, name, args, v.is_null() ? 1 : 2, &found);
  if (!found) {
    raise(&AttributeErrorType, "%s", str_cstr(name));
    return -1;
  }
  return r.is_null() ? -1 : 0;
}

// Static bases whose instances a heap type extends with a dict pointer
// and its __slots__ Values (the others keep their layout unchanged).
bool has_fixed_layout(Type* sb) {
  return sb == &ObjectType || sb == &ListType || sb == &DictType || sb == &IntType ||
         sb == &FloatType || sb == &SetType || sb == &FrozenSetType || sb == &ByteArrayType ||
         sb == &ComplexType || (sb->flags & kTypeNativeLayout);
}

// Where the dict pointer of an extended layout sits: right after the
// static base's struct (object's is just the header). Slot Values follow
// it up to instance_size; the pointer is reserved even when the class
// has no __dict__ (it then stays null).
uint32_t extended_dict_pos(Type* sb) {
  return sb == &ObjectType ? uint32_t(sizeof(Object)) : sb->instance_size;
}

// Instances of an extended layout: the static base's children, then the
// dict and the slot Values.
void heap_instance_trace(Object* self, Visitor& v) {
  Type* t = self->type;
  Type* sb = t->static_base;
  if (sb->trace) sb->trace(self, v);
  char* base = reinterpret_cast<char*>(self);
  uint32_t pos = extended_dict_pos(sb);
  v.visit(Value(*reinterpret_cast<Dict**>(base + pos)));
  for (uint32_t off = pos + uint32_t(sizeof(Dict*)); off + sizeof(Value) <= t->instance_size;
       off += uint32_t(sizeof(Value)))
    v.visit(*reinterpret_cast<Value*>(base + off));
}

// The dicts of str/tuple/bytes subclass instances (kDetachedDictOffset):
// their layout ends in variable-size data, so the dict is kept here. The
// entry is made on first use and erased when the instance is freed.
std::unordered_map<Object*, Dict*> g_detached_dicts;

void detached_instance_trace(Object* self, Visitor& v) {
  Type* sb = self->type->static_base;
  if (sb->trace) sb->trace(self, v);
  auto it = g_detached_dicts.find(self);
  if (it != g_detached_dicts.end()) v.visit(Value(it->second));
}

void detached_instance_finalize(Object* self) {
  g_detached_dicts.erase(self);
  Type* sb = self->type->static_base;
  if (sb->finalize) sb->finalize(self);
}

// Calling a class: __new__ (a Python one, else the static base's
// allocation), then __init__ when the result is an instance of the class.
Value heap_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* sb = type->static_base;
  Value obj;
  Value new_fn = type_lookup(type, d.new_);
  if (is_user_attr(new_fn)) {
    if (type_of(new_fn) == &StaticMethodType) new_fn = new_fn.as<MethodWrapper>()->callable;
    size_t total = nargs + (kwnames ? size_t(tuple_size(kwnames)) : 0);
    std::vector<Value> argv(total + 1);
    argv[0] = Value(type);
    for (size_t i = 0; i < total; ++i) argv[i + 1] = args[i];
    obj = call(new_fn, argv.data(), nargs + 1, kwnames);
  } else if (sb == &ObjectType) {
    if ((nargs || kwnames) && !object_check_excess_args(type, false)) return Value();
    obj = object_alloc(type);
  } else if (sb == &TypeType) {
    if (nargs != 3)
      return raise(&TypeErrorType, "type.__new__() takes exactly 3 arguments (%zu given)", nargs);
    obj = type_new_from_args(type, args, kwnames);
  } else if (sb == &ListType || sb == &DictType || sb == &SetType || sb == &ByteArrayType ||
             ((sb->flags & kTypeNativeLayout) && !dict_get_str(sb->dict, d.init).is_null())) {
    obj = sb->construct(type, nullptr, 0, nullptr);  // empty: __init__ fills it
  } else {
    obj = sb->construct(type, args, nargs, kwnames);  // immutable: made from the arguments
  }
  if (obj.is_null() || !isinstance(obj, type)) return obj;
  Rooted keep(&obj);
  Value init = type_lookup(type_of(obj), d.init);
  // object.__init__ has nothing to do (its argument check ran with
  // __new__'s); a built-in base's __init__ (list, dict) fills the object.
  if (!init.is_null() && !(type_of(init) == &NativeFunctionType &&
                           init.as<NativeFunction>()->owner == &ObjectType)) {
    Value r = call_unbound(init, obj, args, nargs, kwnames);
    if (r.is_null()) return r;
    if (!is_none(r))
      return raise(&TypeErrorType, "__init__() should return None, not '%s'", type_name(r));
  }
  return obj;
}

// ---------------------------------------------------------------------------
// Creating a class.
// ---------------------------------------------------------------------------

// The static type whose instance layout a type has: every exception class
// shares BaseException's; any other static type has its own.
Type* solid_base(Type* t) {
  if (is_heap_type(t)) return (t->flags & kTypeHasSlots) ? t : solid_base(t->base);
  if (t->flags & kTypeExceptionSubclass) return &BaseExceptionType;
  return t;
}

// CPython's best_base: the base whose layout every other base's layout is
// an ancestor of.
Type* best_base(Tuple* bases) {
  Type* winner = nullptr;
  Type* base = nullptr;
  for (int64_t i = 0; i < bases->size; ++i) {
    Value b = bases->items[i];
    if (!is_type(b)) {
      raise(&TypeErrorType, "bases must be types");
      return nullptr;
    }
    Type* bt = b.as<Type>();
    if (!(bt->flags & kTypeBaseType)) {
      raise(&TypeErrorType, "type '%s' is not an acceptable base type", bt->name);
      return nullptr;
    }
    Type* candidate = solid_base(bt);
    if (!winner) {
      winner = candidate;
      base = bt;
    } else if (is_subtype(winner, candidate)) {
      // keep
    } else if (is_subtype(candidate, winner)) {
      winner = candidate;
      base = bt;
    } else {
      raise(&TypeErrorType, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

// C3 linearisation: the type, then a merge of its bases' MROs and the list
// of bases, always taking the first head that is in no other list's tail.
bool compute_mro(Type* type, Tuple* bases, std::vector<Type*>* out) {
  std::vector<std::vector<Type*>> seqs;
  std::vector<Type*> direct;
  for (int64_t i = 0; i < bases->size; ++i) {
    Type* b = bases->items[i].as<Type>();
    for (Type* seen : direct) {
      if (seen == b) {
        raise(&TypeErrorType, "duplicate base class %s", b->name);
        return false;
      }
    }
    direct.push_back(b);
    seqs.push_back(type_mro(b));
  }
  seqs.push_back(direct);
  std::vector<size_t> pos(seqs.size(), 0);
  out->clear();
  out->push_back(type);
  for (;;) {
    bool any_left = false;
    Type* pick = nullptr;
    for (size_t i = 0; i < seqs.size() && !pick; ++i) {
      if (pos[i] >= seqs[i].size()) continue;
      any_left = true;
      Type* head = seqs[i][pos[i]];
      bool in_tail = false;
      for (size_t j = 0; j < seqs.size() && !in_tail; ++j)
        for (size_t k = pos[j] + 1; k < seqs[j].size(); ++k)
          if (seqs[j][k] == head) {
            in_tail = true;
            break;
          }
      if (!in_tail) pick = head;
    }
    if (!any_left) return true;
    if (!pick) {
      std::string names;
      std::vector<Type*> listed;
      for (size_t i = 0; i < seqs.size(); ++i) {
        if (pos[i] >= seqs[i].size()) continue;
        Type* head = seqs[i][pos[i]];
        bool dup = false;
        for (Type* l : listed) dup |= l == head;
        if (dup) continue;
        listed.push_back(head);
        if (!names.empty()) names += ", ";
        names += head->name;
      }
      raise(&TypeErrorType,
            "Cannot create a consistent method resolution\norder (MRO) for bases %s",
            names.c_str());
      return false;
    }
    out->push_back(pick);
    for (size_t i = 0; i < seqs.size(); ++i)
      if (pos[i] < seqs[i].size() && seqs[i][pos[i]] == pick) ++pos[i];
  }
}

// The metaclass of a class with these bases: the most derived of `meta`
// and the bases' types.
Type* calculate_metaclass(Type* meta, Tuple* bases) {
  Type* winner = meta;
  for (int64_t i = 0; i < bases->size; ++i) {
    Type* t = type_of(bases->items[i]);
    if (is_subtype(winner, t)) continue;
    if (is_subtype(t, winner)) {
      winner = t;
      continue;
    }
    raise(&TypeErrorType,
          "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass "
          "of the metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

Value wrap(Type* wrapper_type, Value callable) {
  MethodWrapper* w = gc_new<MethodWrapper>(wrapper_type);
  w->callable = callable;
  return Value(w);
}

// The class statement's namespace becomes the type's dict, with CPython's
// adjustments: implicit staticmethod/classmethods, __hash__ = None next to
// a lone __eq__, __qualname__ taken out, __module__ and __doc__ filled in.
bool prepare_dict(Type* type, Dict* dict) {
  Value qualname = dict_get_str(dict, d.qualname);
  if (!qualname.is_null()) {
    if (!is_str(qualname)) {
      raise(&TypeErrorType, "type __qualname__ must be a str, not %s", type_name(qualname));
      return false;
    }
    type->qualname = qualname.as<Str>();
    if (dict_del(dict, Value(d.qualname)) < 0) return false;
  }
  if (dict_get_str(dict, d.module).is_null()) {
    Frame* f = current_thread()->current_frame;
    Value name = f && f->globals ? dict_get_str(f->globals, d.name) : Value();
    if (!name.is_null() && dict_set_str(dict, d.module, name) < 0) return false;
  }
  type->module = dict_get_str(dict, d.module);
  if (dict_get_str(dict, d.doc).is_null() && dict_set_str(dict, d.doc, None()) < 0) return false;
  Value v = dict_get_str(dict, d.new_);
  if (!v.is_null() && type_of(v) == &FunctionType)
    if (dict_set_str(dict, d.new_, wrap(&StaticMethodType, v)) < 0) return false;
  for (Str* name : {d.init_subclass, d.class_getitem}) {
    v = dict_get_str(dict, name);
    if (!v.is_null() && type_of(v) == &FunctionType)
      if (dict_set_str(dict, name, wrap(&ClassMethodType, v)) < 0) return false;
  }
  if (!dict_get_str(dict, d.eq).is_null() && dict_get_str(dict, d.hash).is_null())
    if (dict_set_str(dict, d.hash, None()) < 0) return false;
  // The __class__ cell of methods that use super() or __class__.
  Value cell = dict_get_str(dict, d.classcell);
  if (!cell.is_null()) {
    if (type_of(cell) != &CellType) {
      raise(&TypeErrorType, "__classcell__ must be a nonlocal cell, not %s", type_name(cell));
      return false;
    }
    cell.as<Cell>()->contents = Value(type);
    if (dict_del(dict, Value(d.classcell)) < 0) return false;
  }
  return true;
}

// __set_name__ of the attributes, then the parent's __init_subclass__
// with the class statement's keywords (`kwargs` may be null: none).
bool notify_class_created(Type* type, Dict* kwargs) {
  Value items = dict_items_list(type->dict);
  Rooted keep(&items);
  List* l = items.as<List>();
  for (int64_t i = 0; i < l->size; ++i) {
    Tuple* pair = l->items[i].as<Tuple>();
    Value attr = pair->items[1];
    Value set_name = type_lookup(type_of(attr), d.set_name);
    if (set_name.is_null()) continue;
    Value args[2] = {Value(type), pair->items[0]};
    if (call_unbound(set_name, attr, args, 2, nullptr).is_null()) return false;
  }
  // super(type, type).__init_subclass__()
  Tuple* mro = type->mro;
  for (int64_t i = 1; i < mro->size; ++i) {
    Type* t = mro->items[i].as<Type>();
    Value hook = dict_get_str(t->dict, d.init_subclass);
    if (hook.is_null()) continue;
    if (type_of(hook) == &NativeFunctionType) {  // object's: accepts nothing
      if (kwargs && dict_size(kwargs) > 0) {
        raise(&TypeErrorType, "%s.__init_subclass__() takes no keyword arguments",
              str_cstr(type->qualname));
        return false;
      }
      break;
    }
    Value bound = type_of(hook)->descr_get ? type_of(hook)->descr_get(hook, Value(), type) : hook;
    if (bound.is_null()) return false;
    Rooted keep_bound(&bound);
    Value r = kwargs ? call_function_ex(bound, Value(tuple_new(0)), Value(kwargs)) : call0(bound);
    if (r.is_null()) return false;
    break;
  }
  return true;
}

// Every live heap type (Type::heap_index is the position here), so
// that a dunder assigned to a class later reaches its subclasses' slots.
std::vector<Type*> g_heap_types;

void update_slots(Type* t);

Value type_new(Type* metatype, Str* name, Tuple* bases, Dict* ns, Dict* kwargs) {
  Value bases_value = Value(bases);
  Rooted keep_bases(&bases_value);
  if (bases->size == 0) {
    bases_value = Value(tuple_from({Value(&ObjectType)}));
    bases = bases_value.as<Tuple>();
  }
  Type* base = best_base(bases);
  if (!base) return Value();
  Type* sb = static_base_of(base);
  bool fixed_size = has_fixed_layout(sb) && sb != &ObjectType;
  bool variable_size = sb == &StrType || sb == &TupleType || sb == &BytesType;
  if (sb != &ObjectType && sb != &TypeType && !(sb->flags & kTypeExceptionSubclass) && !fixed_size &&
      !variable_size)
    return raise(&TypeErrorType, "pyglass does not support subclassing '%s' yet", sb->name);
  if (strlen(str_cstr(name)) != size_t(name->nbytes))
    return raise(&ValueErrorType, "type name must not contain null characters");

  size_t size = metatype->instance_size > sizeof(Type) ? metatype->instance_size : sizeof(Type);
  Type* type = static_cast<Type*>(gc_alloc(metatype, size));
  g_type_epoch++;  // no cached lookup may answer for this (maybe reused) address
  Value result = Value(type);
  Rooted keep(&result);
  type->name = strdup(str_cstr(name));
  type->qualname = name;
  type->base = base;
  type->bases = bases;
  type->static_base = sb;
  type->module = None();
  type->flags = kTypeHeap | kTypeBaseType |
                (base->flags & (kTypeIntSubclass | kTypeStrSubclass | kTypeListSubclass |
                                kTypeTupleSubclass | kTypeDictSubclass | kTypeExceptionSubclass |
                                kTypeTypeSubclass));
  type->dict = dict_copy(ns);
  std::vector<Type*> mro;
  if (!compute_mro(type, bases, &mro)) return Value();
  type->mro = tuple_new(int64_t(mro.size()));
  for (size_t i = 0; i < mro.size(); ++i) type->mro->items[i] = Value(mro[i]);
  // __slots__: the names this class adds (and whether it wants a dict).
  Value slots = dict_get_str(type->dict, d.slots);
  std::vector<Str*> slot_list;
  bool dict_flag = base->dict_offset != 0;
  if (!slots.is_null()) {
    if (!slot_names(slots, name, &slot_list, &dict_flag)) return Value();
    if (!slot_list.empty()) {
      if (sb == &IntType || sb == &BytesType || sb == &TupleType)
        return raise(&TypeErrorType, "nonempty __slots__ not supported for subtype of '%s'",
                     base->name);
      if (!has_fixed_layout(sb))
        return raise(&TypeErrorType, "pyglass does not support nonempty __slots__ in subclasses of '%s' yet",
                     sb->name);
    }
    for (Str* s : slot_list)
      if (!dict_get_str(type->dict, s).is_null())
        return raise(&ValueErrorType, "'%s' in __slots__ conflicts with class variable", str_cstr(s));
  }
  if (has_fixed_layout(sb)) {
    // object's header (or a list/dict/int/float's struct), the dict
    // pointer, then the slots of each class down to this one.
    uint32_t pos = extended_dict_pos(sb);
    uint32_t start = is_heap_type(base) ? base->instance_size : pos + uint32_t(sizeof(Dict*));
    type->instance_size = start + uint32_t(slot_list.size() * sizeof(Value));
    type->dict_offset = (slots.is_null() || dict_flag) ? pos : 0;
    for (size_t i = 0; i < slot_list.size(); ++i) {
      Value member = member_descr_new(type, slot_list[i], start + uint32_t(i * sizeof(Value)));
      if (dict_set_str(type->dict, slot_list[i], member) < 0) return Value();
    }
    if (!slot_list.empty()) type->flags |= kTypeHasSlots;
  } else {
    // Exceptions keep their own dict; str, tuple and bytes instances end
    // in their variable-size data, so their dict is a detached one.
    type->instance_size = base->instance_size;
    type->dict_offset = base->dict_offset;
    if (variable_size && !type->dict_offset && (slots.is_null() || dict_flag))
      type->dict_offset = kDetachedDictOffset;
  }
  if (!prepare_dict(type, type->dict)) return Value();
  type->heap_index = uint32_t(g_heap_types.size());
  g_heap_types.push_back(type);
  update_slots(type);
  g_type_epoch++;
  if (!notify_class_created(type, kwargs)) return Value();
  return result;
}

}  // namespace

// ---------------------------------------------------------------------------
// Public.
// ---------------------------------------------------------------------------

Dict** detached_dict_slot(Object* obj) { return &g_detached_dicts[obj]; }

namespace {

int call_check_hook(Value cls, Str* name, Value arg, const char* where) {
  Type* meta = type_of(cls);
  if (!is_heap_type(meta)) return kNoCheckHook;  // type's own check (and tuples)
  Value hook = type_lookup(meta, name);
  if (!is_user_attr(hook)) return kNoCheckHook;
  if (!enter_native_recursion(where)) return -1;
  Value r = call_unbound(hook, cls, &arg, 1, nullptr);
  leave_native_recursion();
  if (r.is_null()) return -1;
  return obj_truth(r);
}

}  // namespace

int metaclass_instancecheck(Value obj, Value cls) {
  if (is_type(cls) && type_of(obj) == cls.as<Type>()) return 1;  // CPython's shortcut
  return call_check_hook(cls, d.instancecheck, obj, " in __instancecheck__");
}

int metaclass_subclasscheck(Value derived, Value cls) {
  return call_check_hook(cls, d.subclasscheck, derived, " in __subclasscheck__");
}

Value type_subclasses_list(Type* type) {
  Value out = Value(list_new(0));
  Rooted keep(&out);
  for (Type* t : g_heap_types) {
    if (!t->bases) continue;
    for (int64_t i = 0; i < t->bases->size; ++i)
      if (t->bases->items[i] == Value(type)) {
        if (list_append(out.as<List>(), Value(t)) < 0) return Value();
        break;
      }
  }
  return out;
}

void heap_type_update_slots(Type* type) {
  for (Type* t : g_heap_types)
    if (is_subtype(t, type)) update_slots(t);
}

void heap_type_forget(Type* type) {
  uint32_t i = type->heap_index;
  if (i >= g_heap_types.size() || g_heap_types[i] != type) return;
  g_heap_types[i] = g_heap_types.back();
  g_heap_types[i]->heap_index = i;
  g_heap_types.pop_back();
}

namespace {

void update_slots(Type* t) {
  Type* sb = t->static_base;
  auto any = [t](std::initializer_list<Str*> names) {
    for (Str* n : names)
      if (user_defines(t, n)) return true;
    return false;
  };
  t->repr = user_defines(t, d.repr) ? heap_repr : sb->repr;
  t->str = user_defines(t, d.str) ? heap_str : sb->str;
  Value hash = type_lookup(t, d.hash);
  if (!hash.is_null() && is_none(hash)) t->hash = nullptr;
  else if (is_user_attr(hash)) t->hash = heap_hash;
  else t->hash = sb->hash;
  bool compare = false;
  for (Str* n : d.compare) compare |= user_defines(t, n);
  t->compare = compare ? heap_compare : sb->compare;
  bool binop = false;
  for (int i = 0; i < 13 && !binop; ++i)
    binop = user_defines(t, d.binop[i]) || user_defines(t, d.rbinop[i]) || user_defines(t, d.ibinop[i]);
  t->binop = binop ? heap_binop : sb->binop;
  t->unary = any({d.unary[0], d.unary[1], d.unary[2]}) ? heap_unary : sb->unary;
  t->truth = user_defines(t, d.bool_) ? heap_truth : sb->truth;
  t->len = user_defines(t, d.len) ? heap_len : sb->len;
  t->getattr = any({d.getattr, d.getattribute}) ? heap_getattr : sb->getattr;
  if (any({d.setattr, d.delattr}) || (sb->setattr && sb != &TypeType)) t->setattr = heap_setattr;
  else t->setattr = sb->setattr;
  t->call = user_defines(t, d.call) ? heap_call : sb->call;
  t->iter = user_defines(t, d.iter) ? heap_iter : sb->iter;
  t->iternext = user_defines(t, d.next) ? heap_iternext : sb->iternext;
  t->getitem = user_defines(t, d.getitem) ? heap_getitem : sb->getitem;
  t->setitem = any({d.setitem, d.delitem}) ? heap_setitem : sb->setitem;
  t->contains = user_defines(t, d.contains) ? heap_contains : sb->contains;
  t->descr_get = user_defines(t, d.get) ? heap_descr_get : sb->descr_get;
  t->descr_set = any({d.set, d.delete_}) ? heap_descr_set : sb->descr_set;
  // Exceptions construct themselves (args first, then the Python __init__).
  t->construct = (sb->flags & kTypeExceptionSubclass) ? sb->construct : heap_construct;
  bool detached = t->dict_offset == kDetachedDictOffset;
  t->trace = has_fixed_layout(sb) ? heap_instance_trace : detached ? detached_instance_trace : sb->trace;
  t->finalize = detached ? detached_instance_finalize : sb->finalize;
}

}  // namespace

Value instance_getattr_base(Value self, Str* name) {
  Type* sb = static_base_of(type_of(self));
  if (sb->getattr && sb->getattr != generic_getattr) return sb->getattr(self, name);
  return generic_getattr(self, name);
}

int instance_setattr_base(Value self, Str* name, Value v) {
  Type* t = type_of(self);
  if (!is_heap_type(t)) return t->setattr ? t->setattr(self, name, v) : generic_setattr(self, name, v);
  Type* sb = t->static_base;
  if (!sb->setattr) return generic_setattr(self, name, v);
  // A built-in base with its own attribute storage (exceptions, type):
  // the class's data descriptors come first.
  Value attr = type_lookup(t, name);
  if (!attr.is_null() && type_of(attr)->descr_set) return type_of(attr)->descr_set(attr, self, v);
  return sb->setattr(self, name, v);
}

Value type_new_from_args(Type* metatype, const Value* args, Tuple* kwnames) {
  if (!is_str(args[0]))
    return raise(&TypeErrorType, "type.__new__() argument 1 must be str, not %s", type_name(args[0]));
  if (!args[1].is_obj() || !is_subtype(type_of(args[1]), &TupleType))
    return raise(&TypeErrorType, "type.__new__() argument 2 must be tuple, not %s", type_name(args[1]));
  if (!args[2].is_obj() || !is_subtype(type_of(args[2]), &DictType))
    return raise(&TypeErrorType, "type.__new__() argument 3 must be dict, not %s", type_name(args[2]));
  Type* meta = calculate_metaclass(metatype, args[1].as<Tuple>());
  if (!meta) return Value();
  Value kwargs;
  Rooted keep_kwargs(&kwargs);
  if (kwnames && tuple_size(kwnames) > 0) {
    kwargs = Value(dict_new());
    for (int64_t k = 0; k < tuple_size(kwnames); ++k)
      if (dict_set(kwargs.as<Dict>(), tuple_items(kwnames)[k], args[3 + k]) < 0) return Value();
  }
  return type_new(meta, args[0].as<Str>(), args[1].as<Tuple>(), args[2].as<Dict>(),
                  kwargs.is_null() ? nullptr : kwargs.as<Dict>());
}

// CPython's update_bases: a base that is not a class but has
// __mro_entries__ is replaced by what that returns (typing.Generic[T]).
// Returns `bases` itself when nothing changed, null on error.
Value resolve_mro_entries(Value bases) {
  Tuple* orig = bases.as<Tuple>();
  Value out;  // a list once some base was replaced
  Rooted keep_out(&out);
  for (int64_t i = 0; i < orig->size; ++i) {
    Value b = orig->items[i];
    Value entries;
    if (!is_type(b)) {
      Value meth = obj_getattr(b, d.mro_entries);
      if (meth.is_null()) {
        if (!error_matches(&AttributeErrorType)) return Value();
        error_clear();
      } else {
        Rooted keep_meth(&meth);
        entries = call(meth, &bases, 1);
        if (entries.is_null()) return Value();
        if (!entries.is_obj() || type_of(entries) != &TupleType) return raise(&TypeErrorType, "__mro_entries__ must return a tuple");
      }
    }
    if (entries.is_null()) {
      if (!out.is_null() && list_append(out.as<List>(), b) < 0) return Value();
      continue;
    }
    Rooted keep_entries(&entries);
    if (out.is_null()) {
      out = Value(list_new(0));
      for (int64_t k = 0; k < i; ++k)
        if (list_append(out.as<List>(), orig->items[k]) < 0) return Value();
    }
    for (int64_t k = 0; k < tuple_size(entries.as<Tuple>()); ++k)
      if (list_append(out.as<List>(), tuple_items(entries.as<Tuple>())[k]) < 0) return Value();
  }
  if (out.is_null()) return bases;
  return list_as_tuple(out.as<List>());
}

Value builtin_build_class(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? size_t(tuple_size(kwnames)) : 0;
  size_t npos = nargs;
  if (npos < 2) return raise(&TypeErrorType, "__build_class__: not enough arguments");
  if (type_of(args[0]) != &FunctionType)
    return raise(&TypeErrorType, "__build_class__: func must be a function");
  if (!is_str(args[1])) return raise(&TypeErrorType, "__build_class__: name is not a string");
  Value meta;
  Value kwargs;  // the keywords other than metaclass=, for the metaclass
  Rooted keep_kwargs(&kwargs);
  for (size_t k = 0; k < nkw; ++k) {
    Str* key = tuple_items(kwnames)[k].as<Str>();
    if (str_equal(key, d.metaclass)) {
      meta = args[npos + k];
      continue;
    }
    if (kwargs.is_null()) kwargs = Value(dict_new());
    if (dict_set(kwargs.as<Dict>(), Value(key), args[npos + k]) < 0) return Value();
  }
  Value orig_bases = Value(tuple_from_array(args + 2, int64_t(npos - 2)));
  Rooted keep_orig(&orig_bases);
  Value bases = resolve_mro_entries(orig_bases);
  if (bases.is_null()) return bases;
  Rooted keep_bases(&bases);
  if (meta.is_null()) meta = bases.as<Tuple>()->size ? Value(type_of(bases.as<Tuple>()->items[0])) : Value(&TypeType);
  if (is_type(meta)) {
    Type* winner = calculate_metaclass(meta.as<Type>(), bases.as<Tuple>());
    if (!winner) return Value();
    meta = Value(winner);
  }
  Rooted keep_meta(&meta);
  // The namespace: meta.__prepare__(name, bases, **kwargs), else a dict.
  Value ns;
  Rooted keep_ns(&ns);
  Value prepare = obj_getattr(meta, d.prepare);
  if (prepare.is_null()) {
    if (!error_matches(&AttributeErrorType)) return Value();
    error_clear();
    ns = Value(dict_new());
  } else {
    Rooted keep_prepare(&prepare);
    Value pargs = Value(tuple_from({args[1], bases}));
    Rooted keep_pargs(&pargs);
    ns = call_function_ex(prepare, pargs, kwargs);
    if (ns.is_null()) return ns;
    if (!ns.is_obj() || !is_subtype(type_of(ns), &DictType)) {
      bool mapping = ns.is_obj() && !type_lookup(type_of(ns), d.getitem).is_null();
      if (!mapping)
        return raise(&TypeErrorType, "%s.__prepare__() must return a mapping, not %s",
                     is_type(meta) ? meta.as<Type>()->name : "<metaclass>", type_name(ns));
      return raise(&TypeErrorType,
                   "pyglass does not support a __prepare__ namespace that is not a dict yet");
    }
  }
  Value body = eval_class_body(args[0].as<Function>(), ns.as<Dict>());
  if (body.is_null()) return body;
  if (bases != orig_bases && obj_setitem(ns, Value(d.orig_bases), orig_bases) < 0) return Value();
  Value call_args = Value(tuple_from({args[1], bases, ns}));
  Rooted keep_call_args(&call_args);
  return call_function_ex(meta, call_args, kwargs);
}

void classes_init_names() {
  static const char* const kBinop[13] = {"add", "sub", "mul", "matmul", "truediv", "floordiv", "mod",
                                         "pow", "lshift", "rshift", "and", "or", "xor"};
  for (int i = 0; i < 13; ++i) {
    std::string n = kBinop[i];
    d.binop[i] = str_intern("__" + n + "__");
    d.rbinop[i] = str_intern("__r" + n + "__");
    d.ibinop[i] = str_intern("__i" + n + "__");
  }
  static const char* const kCompare[6] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
  for (int i = 0; i < 6; ++i) d.compare[i] = str_intern(kCompare[i]);
  d.unary[0] = str_intern("__neg__");
  d.unary[1] = str_intern("__pos__");
  d.unary[2] = str_intern("__invert__");
  d.repr = str_intern("__repr__");
  d.str = str_intern("__str__");
  d.hash = str_intern("__hash__");
  d.bool_ = str_intern("__bool__");
  d.len = str_intern("__len__");
  d.getattr = str_intern("__getattr__");
  d.getattribute = str_intern("__getattribute__");
  d.setattr = str_intern("__setattr__");
  d.delattr = str_intern("__delattr__");
  d.call = str_intern("__call__");
  d.iter = str_intern("__iter__");
  d.next = str_intern("__next__");
  d.getitem = str_intern("__getitem__");
  d.setitem = str_intern("__setitem__");
  d.delitem = str_intern("__delitem__");
  d.contains = str_intern("__contains__");
  d.get = str_intern("__get__");
  d.set = str_intern("__set__");
  d.delete_ = str_intern("__delete__");
  d.init = str_intern("__init__");
  d.new_ = str_intern("__new__");
  d.init_subclass = str_intern("__init_subclass__");
  d.class_getitem = str_intern("__class_getitem__");
  d.set_name = str_intern("__set_name__");
  d.eq = str_intern("__eq__");
  d.module = str_intern("__module__");
  d.qualname = str_intern("__qualname__");
  d.doc = str_intern("__doc__");
  d.classcell = str_intern("__classcell__");
  d.name = str_intern("__name__");
  d.metaclass = str_intern("metaclass");
  d.slots = str_intern("__slots__");
  d.instancecheck = str_intern("__instancecheck__");
  d.subclasscheck = str_intern("__subclasscheck__");
  d.prepare = str_intern("__prepare__");
  d.mro_entries = str_intern("__mro_entries__");
  d.orig_bases = str_intern("__orig_bases__");
}

}  // namespace pg
