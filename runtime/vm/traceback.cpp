// Traceback objects and CPython-style printing of uncaught exceptions.
#include "vm/traceback.h"

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "objects/gc.h"
#include "objects/type.h"
#include "vm/thread_state.h"

namespace pg {

namespace {

void traceback_trace(Object* self, Visitor& v) {
  TracebackObject* tb = static_cast<TracebackObject*>(self);
  v.visit(tb->next);
  v.visit(Value(tb->frame));
}

Value traceback_getattr(Value self, Str* name) {
  TracebackObject* tb = self.as<TracebackObject>();
  std::string_view n = str_view(name);
  if (n == "tb_next") return tb->next.is_null() ? None() : tb->next;
  if (n == "tb_frame") return Value(tb->frame);
  if (n == "tb_lasti") return Value::small(int64_t(tb->lasti) * 2);
  if (n == "tb_lineno") return Value::small(tb->lineno);
  return generic_getattr(self, name);
}

// Source lines for tracebacks, read once per file.
const std::vector<std::string>* source_lines(const std::string& filename) {
  static std::map<std::string, std::vector<std::string>> cache;
  auto it = cache.find(filename);
  if (it != cache.end()) return &it->second;
  std::vector<std::string>& lines = cache[filename];
  std::ifstream in(filename);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return &lines;
}

std::string strip(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\f\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\f\r\n");
  return s.substr(b, e - b + 1);
}

struct Entry {
  std::string filename;
  int line;
  std::string name;
};

void print_entry(const Entry& e, FILE* out) {
  fprintf(out, "  File \"%s\", line %d, in %s\n", e.filename.c_str(), e.line, e.name.c_str());
  const std::vector<std::string>* lines = source_lines(e.filename);
  if (e.line >= 1 && size_t(e.line) <= lines->size()) {
    std::string text = strip((*lines)[size_t(e.line) - 1]);
    if (!text.empty()) fprintf(out, "    %s\n", text.c_str());
  }
}

// CPython prints at most sys.tracebacklimit (1000) entries, the newest ones,
// and folds runs of the same line after three repetitions.
void print_traceback(Value tb, FILE* out) {
  std::vector<Entry> entries;
  for (int guard = 0; !tb.is_null() && type_of(tb) == &TracebackType && guard < 10000000; ++guard) {
    TracebackObject* t = tb.as<TracebackObject>();
    Code* code = t->frame->frame->code;
    entries.push_back({std::string(str_view(code->filename)), t->lineno, std::string(str_view(code->name))});
    tb = t->next;
  }
  if (entries.empty()) return;
  constexpr size_t kLimit = 1000;
  size_t first = entries.size() > kLimit ? entries.size() - kLimit : 0;
  fputs("Traceback (most recent call last):\n", out);
  constexpr int kRecursiveCutoff = 3;
  const Entry* last = nullptr;
  int count = 0;
  auto flush_repeats = [&] {
    if (count > kRecursiveCutoff) {
      int more = count - kRecursiveCutoff;
      fprintf(out, "  [Previous line repeated %d more time%s]\n", more, more > 1 ? "s" : "");
    }
  };
  for (size_t i = first; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    if (!last || last->filename != e.filename || last->line != e.line || last->name != e.name) {
      flush_repeats();
      last = &e;
      count = 0;
    }
    ++count;
    if (count > kRecursiveCutoff) continue;
    print_entry(e, out);
  }
  flush_repeats();
}

std::string safe_str(Value v) {
  Value s = obj_str(v);
  if (s.is_null()) {
    error_clear();
    return "<exception str() failed>";
  }
  return std::string(str_view(s.as<Str>()));
}

Value instance_attr(Value exc, const char* name) {
  Value v = obj_getattr_cstr(exc, name);
  if (v.is_null()) error_clear();
  return v;
}

void print_syntax_error(Value exc, FILE* out) {
  Value filename = instance_attr(exc, "filename");
  Value lineno = instance_attr(exc, "lineno");
  Value text = instance_attr(exc, "text");
  Value offset = instance_attr(exc, "offset");
  Value end_lineno = instance_attr(exc, "end_lineno");
  Value end_offset = instance_attr(exc, "end_offset");
  Value msg = instance_attr(exc, "msg");
  if (!filename.is_null() && is_str(filename) && !lineno.is_null() && lineno.is_small()) {
    fprintf(out, "  File \"%s\", line %lld\n", str_cstr(filename.as<Str>()),
            (long long)lineno.small_value());
    if (!text.is_null() && is_str(text)) {
      std::string raw(str_view(text.as<Str>()));
      while (!raw.empty() && (raw.back() == '\n' || raw.back() == '\r')) raw.pop_back();
      size_t lead = raw.find_first_not_of(" \t\f");
      if (lead == std::string::npos) lead = raw.size();
      std::string shown = raw.substr(lead);
      fprintf(out, "    %s\n", shown.c_str());
      if (!offset.is_null() && offset.is_small() && offset.small_value() > 0) {
        int64_t start = offset.small_value() - 1 - int64_t(lead);
        if (start < 0) start = 0;
        int64_t width = 1;
        if (!end_offset.is_null() && end_offset.is_small() && !end_lineno.is_null() &&
            end_lineno == lineno && end_offset.small_value() > offset.small_value())
          width = end_offset.small_value() - offset.small_value();
        if (start > int64_t(shown.size())) start = int64_t(shown.size());
        fprintf(out, "    %s%s\n", std::string(size_t(start), ' ').c_str(),
                std::string(size_t(width), '^').c_str());
      }
    }
  }
  std::string m = (!msg.is_null() && is_str(msg)) ? std::string(str_view(msg.as<Str>())) : safe_str(exc);
  fprintf(out, "%s: %s\n", type_traceback_name(type_of(exc)).c_str(), m.c_str());
}

void print_one(Value exc, FILE* out, std::set<uint64_t>& seen) {
  seen.insert(exc.bits);
  if (isinstance(exc, &BaseExceptionType)) {
    auto* e = exc.as<ExceptionObject>();
    if (!e->cause.is_null() && !seen.count(e->cause.bits)) {
      print_one(e->cause, out, seen);
      fputs("\nThe above exception was the direct cause of the following exception:\n\n", out);
    } else if (!e->context.is_null() && !e->suppress_context && !seen.count(e->context.bits)) {
      print_one(e->context, out, seen);
      fputs("\nDuring handling of the above exception, another exception occurred:\n\n", out);
    }
    print_traceback(e->traceback, out);
  }
  if (isinstance(exc, &SyntaxErrorType)) {
    print_syntax_error(exc, out);
    return;
  }
  std::string msg = safe_str(exc);
  std::string name = type_traceback_name(type_of(exc));
  if (msg.empty()) fprintf(out, "%s\n", name.c_str());
  else fprintf(out, "%s: %s\n", name.c_str(), msg.c_str());
}

}  // namespace

Type TracebackType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "traceback";
  t.base = &ObjectType;
  t.instance_size = sizeof(TracebackObject);
  t.getattr = traceback_getattr;
  t.trace = traceback_trace;
  return t;
}();

void traceback_add_frame(Frame* frame) {
  ThreadState* ts = current_thread();
  Value exc = ts->current_exception;
  if (exc.is_null() || !isinstance(exc, &BaseExceptionType)) return;
  auto* e = exc.as<ExceptionObject>();
  TracebackObject* tb = gc_new<TracebackObject>(&TracebackType);
  tb->next = e->traceback.is_null() || is_none(e->traceback) ? Value() : e->traceback;
  tb->frame = frame_get_object(frame);
  tb->lasti = frame->instr_index();
  tb->lineno = frame->current_line();
  e->traceback = Value(tb);
}

void print_exception(Value exc, FILE* out) {
  std::set<uint64_t> seen;
  fflush(stdout);
  print_one(exc, out, seen);
  fflush(out);
}

void traceback_init() { type_ready(&TracebackType); }

}  // namespace pg
