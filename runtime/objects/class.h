// Classes made at run time (class statements, type(name, bases, dict)):
// "heap types". class.cpp builds them (C3 MRO, layout, slots that call the
// Python dunders); descriptors.cpp holds staticmethod, classmethod, property
// and super.
#pragma once

#include <vector>

#include "objects/object.h"

namespace pg {

// type(name, bases, dict) with `metatype` (type or a metaclass): args are
// [name, bases, dict], then the values of `kwnames` (keywords for
// __init_subclass__). Returns the new class or null with an exception.
Value type_new_from_args(Type* metatype, const Value* args, Tuple* kwnames = nullptr);

// Re-derives the slots of a heap type and of its subclasses from the
// dunders their MROs define (after `C.__add__ = f`).
void heap_type_update_slots(Type* type);
// Called when the collector frees a heap type.
void heap_type_forget(Type* type);

// What object.__getattribute__ / object.__setattr__ do for any value: the
// generic protocol of its nearest static type (exceptions keep their own),
// with the data descriptors of the class honoured. v null = delete.
Value instance_getattr_base(Value self, Str* name);
int instance_setattr_base(Value self, Str* name, Value v);

// __build_class__(func, name, *bases, metaclass=None): what a class
// statement calls (LOAD_BUILD_CLASS pushes it). Runs the class body
// function with a fresh namespace dict and calls the metaclass.
Value builtin_build_class(Value self, const Value* args, size_t nargs, Tuple* kwnames);

// __slots__ (slots.cpp): the member descriptor of a slot at `offset` in
// instances of `owner`; the slot names of a __slots__ value (mangled,
// without '__dict__' / '__weakref__'; '__dict__' sets *wants_dict, which
// must be false on entry unless the base already has a dict: then it is
// a TypeError). slots_init readies the type.
extern Type MemberDescriptorType;
Value member_descr_new(Type* owner, Str* name, uint32_t offset);
bool slot_names(Value slots, Str* class_name, std::vector<Str*>* names, bool* wants_dict);
void slots_init();

// isinstance()/issubclass() through a metaclass's Python
// __instancecheck__ / __subclasscheck__ (abc.ABCMeta's): 0 or 1, -1 on
// error, or kNoCheckHook when type(cls) defines no such method (then the
// built-in check applies).
constexpr int kNoCheckHook = -2;
int metaclass_instancecheck(Value obj, Value cls);
int metaclass_subclasscheck(Value derived, Value cls);

// type.__subclasses__(): the live classes that list `type` as a base.
Value type_subclasses_list(Type* type);

// The descriptor types (descriptors.cpp).
extern Type StaticMethodType, ClassMethodType, PropertyType, SuperType;

// Adds int.__add__, list.__repr__, ... (builtin_dunders.cpp).
void builtin_dunders_init();

// Interns the dunder names class.cpp dispatches on (classes_init calls it).
void classes_init_names();

// Readies the descriptor types and adds them, and __build_class__, to the
// builtins namespace.
void classes_init(Dict* builtins);

}  // namespace pg
