// Code objects: the type, the line table decoder and co_* attributes.
#include <cstdio>
#include <cstdlib>

#include "objects/gc.h"
#include "objects/type.h"
#include "vm/code.h"

namespace pg {

namespace {

void code_trace(Object* self, Visitor& v) {
  Code* c = static_cast<Code*>(self);
  v.visit(Value(c->name));
  v.visit(Value(c->qualname));
  v.visit(Value(c->filename));
  v.visit(Value(c->consts));
  v.visit(Value(c->names));
  v.visit(Value(c->localsplusnames));
}

void code_finalize(Object* self) {
  Code* c = static_cast<Code*>(self);
  free(c->localspluskinds);
  free(c->instrs);
  free(c->linetable);
  free(c->exception_table);
  free(c->global_cache);
}

Value code_repr(Value self) {
  Code* c = self.as<Code>();
  char buf[1024];
  snprintf(buf, sizeof buf, "<code object %s at %p, file \"%s\", line %d>", str_cstr(c->name),
           (void*)c, str_cstr(c->filename), c->firstlineno);
  return str_from_cstr(buf);
}

// co_varnames: the localsplus names that are plain locals (parameters first).
Value varnames(Code* c, uint8_t kind) {
  int64_t n = 0;
  for (int32_t i = 0; i < c->nlocalsplus; ++i)
    if (c->localspluskinds[i] & kind) ++n;
  Tuple* t = tuple_new(n);
  int64_t j = 0;
  for (int32_t i = 0; i < c->nlocalsplus; ++i)
    if (c->localspluskinds[i] & kind) tuple_items(t)[j++] = tuple_items(c->localsplusnames)[i];
  return Value(t);
}

Value code_getattr(Value self, Str* name) {
  Code* c = self.as<Code>();
  std::string_view n = str_view(name);
  if (n == "co_name") return Value(c->name);
  if (n == "co_qualname") return Value(c->qualname);
  if (n == "co_filename") return Value(c->filename);
  if (n == "co_firstlineno") return Value::small(c->firstlineno);
  if (n == "co_argcount") return Value::small(c->argcount);
  if (n == "co_posonlyargcount") return Value::small(c->posonlyargcount);
  if (n == "co_kwonlyargcount") return Value::small(c->kwonlyargcount);
  if (n == "co_nlocals") return Value::small(tuple_size(varnames(c, kLocalPlain).as<Tuple>()));
  if (n == "co_stacksize") return Value::small(c->stacksize);
  if (n == "co_flags") {
    uint32_t flags = c->flags & ~uint32_t(kCodeModule | kCodeClassBody | kCodeComplexArgs);
    // pyglass marks coroutines and async generators as generators too (they
    // share the generator machinery); CPython's co_flags does not.
    if (flags & (kCodeCoroutine | kCodeAsyncGenerator)) flags &= ~uint32_t(kCodeGenerator);
    return Value::small(flags);
  }
  if (n == "co_consts") return Value(c->consts);
  if (n == "co_names") return Value(c->names);
  if (n == "co_varnames") return varnames(c, kLocalPlain);
  if (n == "co_cellvars") return varnames(c, kLocalCell);
  if (n == "co_freevars") return varnames(c, kLocalFree);
  return generic_getattr(self, name);
}

}  // namespace

Type CodeType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "code";
  t.base = &ObjectType;
  t.instance_size = sizeof(Code);
  t.repr = code_repr;
  t.getattr = code_getattr;
  t.trace = code_trace;
  t.finalize = code_finalize;
  return t;
}();

Code* code_new() { return gc_new<Code>(&CodeType); }

static uint64_t read_uleb(const uint8_t*& p, const uint8_t* end) {
  uint64_t v = 0;
  int shift = 0;
  while (p < end && shift < 64) {
    uint8_t b = *p++;
    v |= uint64_t(b & 0x7f) << shift;
    if (!(b & 0x80)) break;
    shift += 7;
  }
  return v;
}

int code_line_for(const Code* code, int32_t instr_index) {
  const uint8_t* p = code->linetable;
  const uint8_t* end = p + code->linetable_size;
  int64_t line = code->firstlineno;
  int64_t start = 0;
  while (p < end) {
    uint64_t count = read_uleb(p, end);
    uint64_t zz = read_uleb(p, end);
    int64_t delta = int64_t(zz >> 1) ^ -int64_t(zz & 1);
    line += delta;
    if (instr_index < start + int64_t(count)) return int(line);
    start += int64_t(count);
  }
  return int(line);
}

void code_init() { type_ready(&CodeType); }

}  // namespace pg
