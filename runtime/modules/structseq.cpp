// Named tuples of the C modules (see std_util.h).
#include <string>

#include "modules/std_util.h"
#include "objects/gc.h"
#include "objects/layouts.h"
#include "objects/type.h"

namespace pg {

namespace {

// sequence : the first n_sequence values (a tuple: what indexing sees).
// all      : every value, sequence then extras (a tuple).
// names    : the names of `all`.
struct StructSeq : Object {
  Tuple* sequence;
  Tuple* all;
  Tuple* names;
};

void structseq_trace(Object* self, Visitor& v) {
  StructSeq* s = static_cast<StructSeq*>(self);
  v.visit(Value(s->sequence));
  v.visit(Value(s->all));
  v.visit(Value(s->names));
}

Value seq_of(Value v) { return Value(v.as<StructSeq>()->sequence); }

Value structseq_getitem(Value self, Value key) { return obj_getitem(seq_of(self), key); }
int64_t structseq_len(Value self) { return tuple_size(self.as<StructSeq>()->sequence); }
Value structseq_iter(Value self) { return obj_iter(seq_of(self)); }

bool structseq_hash(Value self, int64_t* out) { return obj_hash(seq_of(self), out); }

Value structseq_compare(Value a, Value b, CompareOp op) {
  Value other = b;
  if (b.is_obj() && type_of(b)->trace == structseq_trace) other = seq_of(b);
  if (!isinstance(other, &TupleType)) return NotImplemented();
  return obj_compare(seq_of(a), other, op);
}

Value structseq_getattr(Value self, Str* name) {
  StructSeq* s = self.as<StructSeq>();
  // Extras first: stat_result.st_mtime is the float, [8] the int.
  for (int64_t i = tuple_size(s->names) - 1; i >= 0; --i)
    if (str_equal(tuple_items(s->names)[i].as<Str>(), name)) return tuple_items(s->all)[i];
  return generic_getattr(self, name);
}

Value structseq_repr(Value self) {
  std::string text = std::string(type_of(self)->name) + "(";
  int64_t n = tuple_size(self.as<StructSeq>()->sequence);
  for (int64_t i = 0; i < n; ++i) {
    Value r = obj_repr(tuple_items(self.as<StructSeq>()->sequence)[i]);
    if (r.is_null()) return r;
    if (i) text += ", ";
    text += str_view(tuple_items(self.as<StructSeq>()->names)[i].as<Str>());
    text += "=";
    text += str_view(r.as<Str>());
  }
  return Value(str_new(text + ")"));
}

}  // namespace

Type structseq_type(const char* name) {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = name;
  t.base = &ObjectType;
  t.instance_size = sizeof(StructSeq);
  t.repr = structseq_repr;
  t.hash = structseq_hash;
  t.compare = structseq_compare;
  t.len = structseq_len;
  t.getattr = structseq_getattr;
  t.iter = structseq_iter;
  t.getitem = structseq_getitem;
  t.trace = structseq_trace;
  return t;
}

Tuple* structseq_names(std::initializer_list<const char*> names) {
  Tuple* t = tuple_new(int64_t(names.size()));
  int64_t i = 0;
  for (const char* n : names) tuple_items(t)[i++] = Value(str_intern(n));
  return t;
}

Value structseq_new(Type* type, Tuple* names, int64_t n_sequence, std::initializer_list<Value> values) {
  Value names_value(names);
  Rooted keep_names(&names_value);
  Value all(tuple_from(values));
  Rooted keep_all(&all);
  Value seq(tuple_new(n_sequence));
  Rooted keep_seq(&seq);
  for (int64_t i = 0; i < n_sequence; ++i) tuple_items(seq.as<Tuple>())[i] = tuple_items(all.as<Tuple>())[i];
  StructSeq* s = static_cast<StructSeq*>(gc_alloc(type, sizeof(StructSeq)));
  s->sequence = seq.as<Tuple>();
  s->all = all.as<Tuple>();
  s->names = names_value.as<Tuple>();
  return Value(s);
}

}  // namespace pg
