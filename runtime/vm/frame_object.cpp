// Frame objects: lazily created views of frames (sys._getframe()), and the
// copy they take when the activation ends before they do.
#include <cstdlib>
#include <cstring>

#include "objects/gc.h"
#include "objects/type.h"
#include "vm/frame.h"
#include "vm/generator.h"
#include "vm/thread_state.h"
#include "vm/trace.h"

namespace pg {

namespace {

// The Python caller of `frame`: skips shim entry frames.
Frame* python_caller(Frame* frame) {
  Frame* p = frame->previous;
  while (p && p->owner == kOwnedByCStack) p = p->previous;
  return p;
}

void frame_object_trace(Object* self, Visitor& v) {
  FrameObject* fo = static_cast<FrameObject*>(self);
  v.visit(fo->back);
  if (fo->trace) {
    v.visit(fo->trace->f_trace);
    v.visit(fo->trace->locals);
  }
  if (fo->owned) frame_trace(fo->owned, v);
}

void frame_object_finalize(Object* self) {
  FrameObject* fo = static_cast<FrameObject*>(self);
  if (fo->owned && fo->frame == fo->owned) {
    // A live frame still pointing at this object must not see it again.
  }
  free(fo->owned);
  fo->owned = nullptr;
  delete fo->trace;
  fo->trace = nullptr;
}


Value frame_object_getattr(Value self, Str* name) {
  FrameObject* fo = self.as<FrameObject>();
  Frame* f = fo->frame;
  std::string_view n = str_view(name);
  if (n == "f_code") return Value(f->code);
  if (n == "f_lineno") {
    if (fo->trace && fo->trace->lineno > 0) return Value::small(fo->trace->lineno - 1);  // call event
    // A generator that has not started is on its `def` line, as in CPython.
    if (f->owner == kOwnedByGenerator && f->instr_ptr == f->code->instrs &&
        reinterpret_cast<Generator*>(reinterpret_cast<char*>(f) - offsetof(Generator, frame))->state ==
            kGenCreated)
      return Value::small(f->code->firstlineno);
    return Value::small(f->current_line());
  }
  if (n == "f_lasti") return Value::small(int64_t(f->instr_index()) * 2);
  if (n == "f_globals") return Value(f->globals);
  if (n == "f_builtins") return Value(f->builtins);
  if (n == "f_locals") {
    // Inside a trace function: one dict, written back when it returns.
    if (fo->trace && fo->trace->in_call && !f->locals && !fo->owned) {
      if (fo->trace->locals.is_null()) fo->trace->locals = frame_locals(f);
      return fo->trace->locals;
    }
    return frame_locals(f);
  }
  if (n == "f_back") {
    if (fo->owned) return fo->back.is_null() ? None() : fo->back;
    Frame* caller = python_caller(f);
    return caller ? Value(frame_get_object(caller)) : None();
  }
  if (n == "f_trace") return !fo->trace || fo->trace->f_trace.is_null() ? None() : fo->trace->f_trace;
  if (n == "f_trace_lines") return Bool(!fo->trace || fo->trace->lines != 0);
  if (n == "f_trace_opcodes") return Bool(fo->trace && fo->trace->opcodes != 0);
  return generic_getattr(self, name);
}

// Assignable: f_trace, f_trace_lines, f_trace_opcodes (tracing, issue 9).
int frame_object_setattr(Value self, Str* name, Value v) {
  FrameObject* fo = self.as<FrameObject>();
  std::string_view n = str_view(name);
  if (n == "f_trace") {
    trace_frame_set_f_trace(fo, v);
    return 0;
  }
  if (n == "f_trace_lines" || n == "f_trace_opcodes") {
    if (v.is_null()) {
      raise(&AttributeErrorType, "cannot delete attribute");
      return -1;
    }
    if (type_of(v) != &BoolType) {
      raise(&TypeErrorType, "attribute value type must be bool");
      return -1;
    }
    FrameTrace* st = frame_trace_state(fo);
    (n == "f_trace_lines" ? st->lines : st->opcodes) = v == True() ? 1 : 0;
    return 0;
  }
  if (n == "f_lineno" || n == "f_code" || n == "f_back" || n == "f_locals" || n == "f_globals" ||
      n == "f_builtins" || n == "f_lasti") {
    raise(&AttributeErrorType, "attribute '%s' of 'frame' objects is not writable", str_cstr(name));
    return -1;
  }
  raise(&AttributeErrorType, "'frame' object has no attribute '%s'", str_cstr(name));
  return -1;
}

Value frame_object_repr(Value self) {
  Frame* f = self.as<FrameObject>()->frame;
  char buf[1024];
  snprintf(buf, sizeof buf, "<frame at %p, file '%s', line %d, code %s>", (void*)self.bits,
           str_cstr(f->code->filename), f->current_line(), str_cstr(f->code->name));
  return str_from_cstr(buf);
}

}  // namespace

Value frame_locals(Frame* f) {
  if (f->locals) return Value(f->locals);
  Dict* d = dict_new();
  Code* c = f->code;
  for (int32_t i = 0; i < c->nlocalsplus; ++i) {
    Value v = f->localsplus[i];
    if (v.is_null()) continue;
    // The dict now shares the string: `x += ...` must copy from here on.
    if (v.is_obj() && v.obj()->type == &StrType) v.as<Str>()->unique = 0;
    if (c->localspluskinds[i] & (kLocalCell | kLocalFree)) {
      if (type_of(v) != &CellType) continue;
      v = v.as<Cell>()->contents;
      if (v.is_null()) continue;
    }
    dict_set(d, tuple_items(c->localsplusnames)[i], v);
  }
  return Value(d);
}

Type FrameType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "frame";
  t.base = &ObjectType;
  t.instance_size = sizeof(FrameObject);
  t.repr = frame_object_repr;
  t.getattr = frame_object_getattr;
  t.setattr = frame_object_setattr;
  t.trace = frame_object_trace;
  t.finalize = frame_object_finalize;
  return t;
}();

FrameTrace* frame_trace_state(FrameObject* fo) {
  if (!fo->trace) fo->trace = new FrameTrace();
  return fo->trace;
}

FrameObject* frame_get_object(Frame* frame) {
  if (frame->frame_obj) return frame->frame_obj;
  FrameObject* fo = gc_new<FrameObject>(&FrameType);
  fo->frame = frame;
  frame->frame_obj = fo;
  return fo;
}

void frame_object_take_ownership(Frame* frame) {
  FrameObject* fo = frame->frame_obj;
  // f_back must survive: the caller's frame object is created now, while
  // the caller is still alive.
  Frame* caller = python_caller(frame);
  if (caller) fo->back = Value(frame_get_object(caller));
  size_t values = size_t(frame->code->nlocalsplus) + size_t(frame->stack_depth);
  size_t bytes = sizeof(Frame) + values * sizeof(Value);
  auto* copy = static_cast<Frame*>(malloc(bytes));
  if (!copy) abort();
  memcpy(static_cast<void*>(copy), frame, bytes);
  copy->owner = kOwnedByFrameObject;
  copy->previous = nullptr;
  copy->frame_obj = fo;
  fo->owned = copy;
  fo->frame = copy;
  gc_note_external(int64_t(bytes));
  frame->frame_obj = nullptr;
}

void frame_trace(Frame* f, Visitor& v) {
  if (!f->code) return;  // shim
  v.visit(Value(f->code));
  v.visit(Value(f->function));
  v.visit(Value(f->globals));
  v.visit(Value(f->builtins));
  v.visit(Value(f->locals));
  v.visit(Value(f->frame_obj));
  int32_t n = f->code->nlocalsplus + f->stack_depth;
  for (int32_t i = 0; i < n; ++i) v.visit(f->localsplus[i]);
}

}  // namespace pg
