// __slots__: member descriptors and the slot names of a class statement.
//
// A class whose body sets `__slots__` stores those attributes in its
// instances, one Value each, after the layout of its base (class.cpp's
// type_new decides the offsets). The class dict maps every slot name to a
// member descriptor that reads and writes the Value at its offset; a null
// Value means "not set" (AttributeError). Without '__dict__' among the
// slots (and with no base that has one) the instances have no __dict__, so
// assigning any other attribute fails like in CPython.
#include <string>

#include "objects/class.h"
#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/type.h"

namespace pg {

namespace {

// A slot of a class. Every field is valid once made (member_descr_new).
struct MemberDescr : Object {
  Str* name;        // the attribute name (mangled when private)
  Type* owner;      // the class whose __slots__ declared it
  uint32_t offset;  // byte offset of the Value in an owner instance
};

Value* slot_of(MemberDescr* m, Value obj) {
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(obj.obj()) + m->offset);
}

// The instance must be of the owner class, or the offset means nothing.
bool check_applies(MemberDescr* m, Value obj) {
  if (obj.is_obj() && isinstance(obj, m->owner)) return true;
  raise(&TypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
        str_cstr(m->name), m->owner->name, type_name(obj));
  return false;
}

Value member_get(Value descr, Value obj, Type*) {
  if (obj.is_null()) return descr;  // C.x: the descriptor itself
  MemberDescr* m = descr.as<MemberDescr>();
  if (!check_applies(m, obj)) return Value();
  Value v = *slot_of(m, obj);
  if (v.is_null())
    return raise(&AttributeErrorType, "'%s' object has no attribute '%s'", type_name(obj),
                 str_cstr(m->name));
  return v;
}

int member_set(Value descr, Value obj, Value v) {
  MemberDescr* m = descr.as<MemberDescr>();
  if (!check_applies(m, obj)) return -1;
  Value* slot = slot_of(m, obj);
  if (v.is_null() && slot->is_null()) {
    raise(&AttributeErrorType, "%s", str_cstr(m->name));
    return -1;
  }
  *slot = v;
  return 0;
}

Value member_repr(Value self) {
  MemberDescr* m = self.as<MemberDescr>();
  return Value(str_new("<member '" + std::string(str_cstr(m->name)) + "' of '" + m->owner->name +
                       "' objects>"));
}

Value member_getattr(Value self, Str* name) {
  MemberDescr* m = self.as<MemberDescr>();
  std::string_view n = str_view(name);
  if (n == "__name__") return Value(m->name);
  if (n == "__objclass__") return Value(m->owner);
  if (n == "__qualname__")
    return Value(str_new(std::string(m->owner->qualname ? str_cstr(m->owner->qualname) : m->owner->name) +
                         "." + str_cstr(m->name)));
  if (n == "__doc__") return None();
  return generic_getattr(self, name);
}

void member_trace(Object* self, Visitor& v) {
  auto* m = static_cast<MemberDescr*>(self);
  v.visit(Value(m->name));
  v.visit(Value(m->owner));
}

// descriptor.__get__(obj, type=None) / __set__(obj, value) / __delete__(obj)
Value member_get_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__get__", nargs, kwnames, 1, 2)) return Value();
  if (is_none(args[0])) {
    if (nargs < 2 || is_none(args[1]))
      return raise(&TypeErrorType, "__get__(None, None) is invalid");
    return self;
  }
  return member_get(self, args[0], type_of(args[0]));
}

Value member_set_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__set__", nargs, kwnames, 2, 2)) return Value();
  return member_set(self, args[0], args[1]) < 0 ? Value() : None();
}

Value member_delete_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__delete__", nargs, kwnames, 1, 1)) return Value();
  return member_set(self, args[0], Value()) < 0 ? Value() : None();
}

bool is_identifier(Str* s) {
  std::string_view v = str_view(s);
  if (v.empty()) return false;
  for (size_t i = 0; i < v.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(v[i]);
    bool letter = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

}  // namespace

Type MemberDescriptorType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "member_descriptor";
  t.base = &ObjectType;
  t.instance_size = sizeof(MemberDescr);
  t.getattr = member_getattr;
  t.trace = member_trace;
  t.repr = member_repr;
  t.descr_get = member_get;
  t.descr_set = member_set;
  return t;
}();

Value member_descr_new(Type* owner, Str* name, uint32_t offset) {
  MemberDescr* m = gc_new<MemberDescr>(&MemberDescriptorType);
  m->name = name;
  m->owner = owner;
  m->offset = offset;
  return Value(m);
}

bool slot_names(Value slots, Str* class_name, std::vector<Str*>* names, bool* wants_dict) {
  Value items;
  Rooted keep(&items);
  if (is_str(slots)) {
    items = Value(list_new(0));
    if (list_append(items.as<List>(), slots) < 0) return false;
  } else {
    items = list_from_iterable(slots);
    if (items.is_null()) return false;
  }
  List* l = items.as<List>();
  for (int64_t i = 0; i < l->size; ++i) {
    Value v = l->items[i];
    if (!is_str(v)) {
      raise(&TypeErrorType, "__slots__ items must be strings, not '%s'", type_name(v));
      return false;
    }
    Str* s = v.as<Str>();
    if (!is_identifier(s)) {
      raise(&TypeErrorType, "__slots__ must be identifiers");
      return false;
    }
    std::string_view n = str_view(s);
    if (n == "__dict__") {
      if (*wants_dict) {
        raise(&TypeErrorType, "__dict__ slot disallowed: we already got one");
        return false;
      }
      *wants_dict = true;
      continue;
    }
    if (n == "__weakref__") continue;  // pyglass has no weak references to lay out
    // Private names are mangled like attribute names in the class body.
    if (n.size() > 2 && n.substr(0, 2) == "__" && n.substr(n.size() - 2) != "__") {
      std::string_view cls = str_view(class_name);
      while (!cls.empty() && cls.front() == '_') cls.remove_prefix(1);
      if (!cls.empty()) s = str_intern("_" + std::string(cls) + std::string(n));
    }
    names->push_back(str_intern(std::string(str_view(s))));
  }
  return true;
}

void slots_init() {
  type_ready(&MemberDescriptorType);
  type_add_method(&MemberDescriptorType, "__get__", member_get_method);
  type_add_method(&MemberDescriptorType, "__set__", member_set_method);
  type_add_method(&MemberDescriptorType, "__delete__", member_delete_method);
}

}  // namespace pg
