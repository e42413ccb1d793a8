// The eval loop and what it leaves behind (eval.cpp, frame_object.cpp,
// traceback.cpp): programs compiled with compile_source() and run with
// eval_code_in(), then inspected from C++. Covers the recursion limit,
// frame objects that outlive their call, tracebacks, the shim entry frames
// pushed when native code re-enters Python, argument binding, and a
// collection in the middle of a call. Expected values are CPython 3.11's.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "compiler/compiler.h"
#include "objects/exceptions.h"
#include "objects/gc.h"
#include "objects/layouts.h"
#include "objects/object.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/opcodes.h"
#include "vm/thread_state.h"
#include "vm/traceback.h"

namespace pg {
namespace {

const char* kFile = "<eval-test>";

std::string take_error() {
  if (!error_occurred()) return "<no error>";
  Value e = error_fetch();
  return std::string(type_name(e)) + ": " + exception_message(e);
}

std::string repr(Value v) {
  if (v.is_null()) return "<null: " + take_error() + ">";
  Value r = obj_repr(v);
  if (r.is_null()) return "<repr failed: " + take_error() + ">";
  return std::string(str_view(r.as<Str>()));
}

std::string text(Value v) {
  if (v.is_null()) return "<null: " + take_error() + ">";
  if (!is_str(v)) return "<not a str: " + repr(v) + ">";
  return std::string(str_view(v.as<Str>()));
}

Value attr(Value v, const char* name) {
  Value r = obj_getattr_cstr(v, name);
  EXPECT_FALSE(r.is_null()) << name << ": " << take_error();
  return r;
}

// What a test must find unchanged on the thread after a program ran,
// whether it returned or raised.
struct ThreadSnapshot {
  explicit ThreadSnapshot(ThreadState* ts)
      : current_frame(ts->current_frame),
        recursion_depth(ts->recursion_depth),
        c_recursion_depth(ts->c_recursion_depth),
        chunk(ts->datastack_chunk),
        top(ts->datastack_top),
        limit(ts->datastack_limit) {}
  void expect_restored(ThreadState* ts) const {
    EXPECT_EQ(ts->current_frame, current_frame);
    EXPECT_EQ(ts->recursion_depth, recursion_depth);
    EXPECT_EQ(ts->c_recursion_depth, c_recursion_depth);
    // No Python code ran before: the thread may have got its first chunk.
    if (chunk) {
      EXPECT_EQ(ts->datastack_chunk, chunk);
      EXPECT_EQ(ts->datastack_top, top);
      EXPECT_EQ(ts->datastack_limit, limit);
      EXPECT_EQ(chunk->saved_top, nullptr);
    } else if (ts->datastack_chunk) {
      EXPECT_EQ(ts->datastack_chunk->previous, nullptr);
      EXPECT_EQ(ts->datastack_top, ts->datastack_chunk->data);
    }
  }
  Frame* current_frame;
  int32_t recursion_depth;
  int32_t c_recursion_depth;
  StackChunk* chunk;
  Value* top;
  Value* limit;
};

// A module namespace (rooted for the test's lifetime) and a way to run
// source in it.
class Program {
 public:
  Program() : keep_(&globals_) {
    globals_ = Value(dict_new());
    set("__name__", Value(str_intern("__eval_test__")));
    set("__builtins__", Value(g_runtime.builtins));
  }
  Dict* dict() { return globals_.as<Dict>(); }
  void set(const char* name, Value v) { dict_set_str(dict(), str_intern(name), v); }
  void set_native(const char* name, NativeFn fn) { set(name, native_function_new(name, fn)); }
  Value get(const char* name) {
    Value v = dict_get_str(dict(), str_intern(name));
    EXPECT_FALSE(v.is_null()) << "global " << name << " is not set";
    return v;
  }
  std::string get_repr(const char* name) { return repr(get(name)); }
  // Runs `src`; returns false with the exception pending if it raised.
  bool run(const std::string& src) {
    Code* code = compile_source(src, kFile);
    EXPECT_NE(code, nullptr) << take_error();
    if (!code) return false;
    Value code_value(code);
    Rooted keep(&code_value);
    return !eval_code_in(code, dict(), dict()).is_null();
  }

 private:
  Value globals_;
  Rooted keep_;
};

// What print_exception() writes for `exc` (no source lines here: the
// programs' file name does not exist).
std::string printed_exception(Value exc) {
  char* buf = nullptr;
  size_t len = 0;
  FILE* out = open_memstream(&buf, &len);
  if (!out) return "<open_memstream failed>";
  print_exception(exc, out);
  fclose(out);
  std::string printed(buf, len);
  free(buf);
  return printed;
}

// Sets the recursion limit for one test.
struct RecursionLimit {
  explicit RecursionLimit(int32_t limit)
      : ts(current_thread()), saved_global(g_runtime.recursion_limit), saved_thread(ts->recursion_limit) {
    g_runtime.recursion_limit = limit;
    ts->recursion_limit = limit;
  }
  ~RecursionLimit() {
    g_runtime.recursion_limit = saved_global;
    ts->recursion_limit = saved_thread;
  }
  ThreadState* ts;
  int32_t saved_global, saved_thread;
};

// Allocates a lot of short-lived objects of assorted sizes, so memory freed
// by a collection is handed out again (a value freed while still in use
// then reads back as something else).
void churn_heap() {
  Value keep = Value(list_new(0));
  Rooted root(&keep);
  for (int i = 0; i < 3000; ++i) {
    std::string s(size_t(i % 50), char('a' + i % 26));
    Value junk = Value(str_new(s));
    if (i % 3 == 0) junk = Value(tuple_from({junk, junk, Value::small(i)}));
    if (i % 5 == 0) junk = Value(list_new(i % 7));
    (void)junk;
  }
}

// ---- native functions the programs call -----------------------------------

int64_t g_freed_by_collect = 0;

// collect(): a full collection in the middle of whatever Python is doing.
Value native_collect(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("collect", nargs, kwnames, 0, 0)) return Value();
  int64_t freed = gc_collect();
  g_freed_by_collect += freed;
  churn_heap();
  return Value::small(freed);
}

// One frame of the chain, copied while it is alive (shims live in the C
// stack frames of eval_frame() activations that are gone afterwards).
struct ChainEntry {
  std::string name;  // co_name, or "<shim>"
  uint8_t owner;
  Frame* frame;
  Frame* previous;
  bool has_code;
  Function* function;
  Dict* locals;
  int32_t framesize;
};
std::vector<ChainEntry> g_chain;
const void* g_probe_stack_marker = nullptr;
int32_t g_probe_recursion_depth = 0;
struct ChunkEntry {
  StackChunk* chunk;
  size_t size;
  const void* data;  // chunk->data
};
std::vector<ChunkEntry> g_probe_chunks;  // newest first

// probe(): records the thread's frame chain as native code sees it.
Value native_probe(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("probe", nargs, kwnames, 0, 0)) return Value();
  int marker = 0;
  g_probe_stack_marker = &marker;
  ThreadState* ts = current_thread();
  g_chain.clear();
  for (Frame* f = ts->current_frame; f && g_chain.size() < 100; f = f->previous) {
    std::string name = f->code ? std::string(str_view(f->code->name)) : "<shim>";
    g_chain.push_back({name, f->owner, f, f->previous, f->code != nullptr, f->function, f->locals,
                       f->code ? f->code->framesize : 0});
  }
  g_probe_recursion_depth = ts->recursion_depth;
  g_probe_chunks.clear();
  for (StackChunk* c = ts->datastack_chunk; c; c = c->previous)
    g_probe_chunks.push_back({c, c->size, c->data});
  return None();
}

bool in_some_chunk(const void* p) {
  for (const ChunkEntry& c : g_probe_chunks) {
    const char* base = reinterpret_cast<const char*>(c.chunk);
    if (p >= c.data && p < static_cast<const void*>(base + c.size)) return true;
  }
  return false;
}

}  // namespace

// ---------------------------------------------------------------------------
// Running programs
// ---------------------------------------------------------------------------

TEST(Eval, RunsAProgramAndRestoresTheThread) {
  ThreadState* ts = current_thread();
  ThreadSnapshot before(ts);
  Program p;
  ASSERT_TRUE(p.run(
      "def fib(n):\n"
      "    if n < 2:\n"
      "        return n\n"
      "    return fib(n - 1) + fib(n - 2)\n"
      "def total(xs, start=100):\n"
      "    t = start\n"
      "    for x in xs:\n"
      "        if x == 3:\n"
      "            continue\n"
      "        t += x\n"
      "    return t\n"
      "a = fib(15)\n"
      "b = total([1, 2, 3, 4])\n"
      "c = total(start=0, xs=range(5))\n"
      "d = 1 < a < 1000 < b\n"))
      << take_error();
  EXPECT_EQ(p.get("a"), Value::small(610));
  EXPECT_EQ(p.get("b"), Value::small(107));
  EXPECT_EQ(p.get("c"), Value::small(7));
  EXPECT_EQ(p.get("d"), False());
  before.expect_restored(ts);
}

TEST(Eval, RecursionErrorAtTheLimit) {
  ThreadState* ts = current_thread();
  ASSERT_EQ(ts->recursion_depth, 0) << "no Python code runs between tests";
  RecursionLimit limit(100);
  ThreadSnapshot before(ts);
  Program p;
  bool ok = p.run(
      "m = 0\n"
      "def r(n):\n"
      "    global m\n"
      "    m = n\n"
      "    r(n + 1)\n"
      "r(1)\n");
  ASSERT_FALSE(ok);
  ASSERT_TRUE(error_matches(&RecursionErrorType)) << take_error();
  Value exc = error_fetch();
  Rooted keep(&exc);
  EXPECT_EQ(exception_message(exc), "maximum recursion depth exceeded");
  // CPython 3.11 with sys.setrecursionlimit(100): the module frame plus 99
  // frames of r, so the deepest call that ran is r(99).
  EXPECT_EQ(p.get("m"), Value::small(99));
  before.expect_restored(ts);
  // One traceback entry per frame the error passed through: the module,
  // then r(1) .. r(99), each at the line of the recursive call.
  Value tb = attr(exc, "__traceback__");
  int entries = 0;
  for (; !tb.is_null() && !is_none(tb) && entries < 1000; tb = attr(tb, "tb_next"), ++entries) {
    Value name = attr(attr(attr(tb, "tb_frame"), "f_code"), "co_name");
    Value line = attr(tb, "tb_lineno");
    if (entries == 0) {
      EXPECT_EQ(text(name), "<module>");
      EXPECT_EQ(line, Value::small(6));
    } else {
      EXPECT_EQ(text(name), "r") << entries;
      EXPECT_EQ(line, Value::small(5)) << entries;
    }
  }
  EXPECT_EQ(entries, 100);
  // Printed like CPython 3.11 prints it (runs of one line folded).
  EXPECT_EQ(printed_exception(exc),
            "Traceback (most recent call last):\n"
            "  File \"<eval-test>\", line 6, in <module>\n"
            "  File \"<eval-test>\", line 5, in r\n"
            "  File \"<eval-test>\", line 5, in r\n"
            "  File \"<eval-test>\", line 5, in r\n"
            "  [Previous line repeated 96 more times]\n"
            "RecursionError: maximum recursion depth exceeded\n");
}

TEST(Eval, RecursionErrorAtTheDefaultLimit) {
  ThreadState* ts = current_thread();
  ASSERT_EQ(ts->recursion_depth, 0);
  ASSERT_EQ(ts->recursion_limit, g_runtime.recursion_limit);
  ThreadSnapshot before(ts);
  Program p;
  ASSERT_FALSE(p.run(
      "import sys\n"
      "lim = sys.getrecursionlimit()\n"
      "m = 0\n"
      "def r(n, a, b, c):\n"
      "    global m\n"
      "    m = n\n"
      "    r(n + 1, [a], (b, c), str(n))\n"
      "r(1, 0, 1, 2)\n"));
  EXPECT_TRUE(error_matches(&RecursionErrorType)) << take_error();
  error_clear();
  EXPECT_EQ(p.get("lim"), Value::small(1000));
  EXPECT_EQ(p.get("m"), Value::small(999));  // CPython 3.11: 999
  before.expect_restored(ts);
  // The limit holds again after the error: a shallow call works.
  ASSERT_TRUE(p.run("def s(k):\n    return k + 1\nz = s(1)\n")) << take_error();
  EXPECT_EQ(p.get("z"), Value::small(2));
  before.expect_restored(ts);
}

TEST(Eval, RecursionThroughNativeCodeUnwindsEverything) {
  // Every level goes through sorted() (native) back into Python, so each
  // level has its own eval_frame() activation and shim.
  ThreadState* ts = current_thread();
  RecursionLimit limit(60);
  ThreadSnapshot before(ts);
  Program p;
  ASSERT_FALSE(p.run(
      "m = 0\n"
      "def r(x):\n"
      "    global m\n"
      "    m = m + 1\n"
      "    return sorted([x, x], key=r)\n"
      "r(0)\n"));
  EXPECT_TRUE(error_matches(&RecursionErrorType)) << take_error();
  error_clear();
  Value m = p.get("m");
  ASSERT_TRUE(m.is_small());
  EXPECT_GT(m.small_value(), 10);
  EXPECT_LT(m.small_value(), 60);
  before.expect_restored(ts);
}

// ---------------------------------------------------------------------------
// Frame objects
// ---------------------------------------------------------------------------

TEST(Eval, FrameObjectOutlivesItsCall) {
  ThreadState* ts = current_thread();
  ThreadSnapshot before(ts);
  Program p;
  p.set_native("collect", native_collect);
  ASSERT_TRUE(p.run(
      "import sys\n"                              // 1
      "def f(a):\n"                               // 2
      "    b = [a, str(a)]\n"                     // 3
      "    return sys._getframe()\n"              // 4
      "def caller():\n"                           // 5
      "    me = sys._getframe()\n"                // 6
      "    fr = f(21)\n"                          // 7
      "    return fr, me\n"                       // 8
      "def clobber(p, q, r, s, t):\n"             // 9
      "    u = [p, q, r, s, t]\n"                 // 10
      "    return u\n"                            // 11
      "fo, me = caller()\n"                       // 12
      "junk = clobber('p', 'q', 'r', 's', 't')\n" // 13
      "junk = None\n"                             // 14
      "collect()\n"                               // 15
      "name = fo.f_code.co_name\n"                // 16
      "line = fo.f_lineno\n"                      // 17
      "locs = fo.f_locals\n"                      // 18
      "back_is_me = fo.f_back is me\n"            // 19
      "back_name = fo.f_back.f_code.co_name\n"    // 20
      "back_line = me.f_lineno\n"                 // 21
      "outer = me.f_back.f_code.co_name\n"))      // 22
      << take_error();
  before.expect_restored(ts);
  // CPython 3.11: 'f', 4, {'a': 21, 'b': [21, '21']}, True, 'caller', 8, '<module>'
  EXPECT_EQ(p.get_repr("name"), "'f'");
  EXPECT_EQ(p.get_repr("line"), "4");
  EXPECT_EQ(p.get_repr("locs"), "{'a': 21, 'b': [21, '21']}");
  EXPECT_EQ(p.get("back_is_me"), True());
  EXPECT_EQ(p.get_repr("back_name"), "'caller'");
  EXPECT_EQ(p.get_repr("back_line"), "8");
  EXPECT_EQ(p.get_repr("outer"), "'<module>'");

  // The frame object took ownership of a copy of f's frame.
  Value fo_value = p.get("fo");
  ASSERT_EQ(type_of(fo_value), &FrameType);
  FrameObject* fo = fo_value.as<FrameObject>();
  ASSERT_NE(fo->owned, nullptr);
  EXPECT_EQ(fo->frame, fo->owned);
  EXPECT_EQ(fo->owned->owner, kOwnedByFrameObject);
  EXPECT_EQ(fo->owned->frame_obj, fo);
  EXPECT_EQ(fo->owned->previous, nullptr);
  EXPECT_EQ(std::string(str_view(fo->owned->code->name)), "f");
  EXPECT_EQ(fo->owned->localsplus[0], Value::small(21));
  EXPECT_EQ(fo->back, p.get("me"));
  FrameObject* me = p.get("me").as<FrameObject>();
  ASSERT_NE(me->owned, nullptr);
  EXPECT_EQ(me->owned->owner, kOwnedByFrameObject);
  // None of them points into the data stack any more.
  for (FrameObject* o : {fo, me}) {
    for (StackChunk* c = ts->datastack_chunk; c; c = c->previous) {
      const char* base = reinterpret_cast<const char*>(c);
      const char* fp = reinterpret_cast<const char*>(o->frame);
      EXPECT_FALSE(fp >= base && fp < base + c->size) << "frame object still refers to the data stack";
    }
  }

  // A collection now (nothing but the frame objects hold b) keeps b alive.
  gc_collect();
  churn_heap();
  EXPECT_EQ(repr(attr(fo_value, "f_locals")), "{'a': 21, 'b': [21, '21']}");
  EXPECT_EQ(repr(attr(attr(fo_value, "f_code"), "co_name")), "'f'");
  EXPECT_EQ(repr(attr(fo_value, "f_lineno")), "4");
  // The module frame's object: f_back of `me`, the outermost, so no f_back.
  Value outer = attr(p.get("me"), "f_back");
  EXPECT_EQ(repr(attr(attr(outer, "f_code"), "co_name")), "'<module>'");
  EXPECT_TRUE(is_none(attr(outer, "f_back")));
}

TEST(Eval, LiveFrameObjectFollowsItsFrame) {
  Program p;
  ASSERT_TRUE(p.run(
      "import sys\n"                          // 1
      "def live(k):\n"                        // 2
      "    fr = sys._getframe()\n"            // 3
      "    a = fr.f_lineno\n"                 // 4
      "    k = k + 1\n"                       // 5
      "    b = fr.f_back.f_code.co_name\n"    // 6
      "    return a, b, fr.f_lineno, fr.f_locals['k']\n"  // 7
      "res = live(1)\n"))                     // 8
      << take_error();
  // CPython 3.11: (4, '<module>', 7, 2)
  EXPECT_EQ(p.get_repr("res"), "(4, '<module>', 7, 2)");
  // Deeper than the stack: CPython's ValueError.
  ASSERT_FALSE(p.run("import sys\ndef d():\n    return sys._getframe(2)\nd()\n"));
  EXPECT_EQ(take_error(), "ValueError: call stack is not deep enough");
  ASSERT_TRUE(p.run("import sys\ndef d():\n    return sys._getframe(1).f_code.co_name\nn = d()\n"));
  EXPECT_EQ(p.get_repr("n"), "'<module>'");
}

// ---------------------------------------------------------------------------
// Tracebacks
// ---------------------------------------------------------------------------

TEST(Eval, UncaughtErrorLeavesATraceback) {
  ThreadState* ts = current_thread();
  ThreadSnapshot before(ts);
  Program p;
  ASSERT_FALSE(p.run(
      "def inner(x):\n"            // 1
      "    y = (x +\n"             // 2
      "         x // 0)\n"         // 3
      "    return y\n"             // 4
      "def outer():\n"             // 5
      "    q = 1\n"                // 6
      "    return inner(q) + 1\n"  // 7
      "outer()\n"));               // 8
  before.expect_restored(ts);
  ASSERT_TRUE(error_matches(&ZeroDivisionErrorType)) << take_error();
  Value exc = error_fetch();
  Rooted keep(&exc);
  struct Want {
    int line;
    const char* name;
    const char* locals;
  } want[] = {{8, "<module>", nullptr}, {7, "outer", "{'q': 1}"}, {3, "inner", "{'x': 1}"}};
  Value tb = attr(exc, "__traceback__");
  for (const Want& w : want) {
    ASSERT_FALSE(tb.is_null() || is_none(tb)) << "traceback ends before " << w.name;
    ASSERT_EQ(type_of(tb), &TracebackType);
    Value frame = attr(tb, "tb_frame");
    EXPECT_EQ(attr(tb, "tb_lineno"), Value::small(w.line)) << w.name;
    EXPECT_EQ(text(attr(attr(frame, "f_code"), "co_name")), w.name);
    if (w.locals) {
      EXPECT_EQ(repr(attr(frame, "f_locals")), w.locals) << w.name;
    }
    // The activation is over: the frame object owns a copy.
    FrameObject* fo = frame.as<FrameObject>();
    ASSERT_NE(fo->owned, nullptr) << w.name;
    EXPECT_EQ(fo->frame->owner, kOwnedByFrameObject) << w.name;
    // tb_lasti names the instruction that raised (or the call).
    Value lasti = attr(tb, "tb_lasti");
    ASSERT_TRUE(lasti.is_small());
    int32_t index = int32_t(lasti.small_value() / 2);
    Code* code = fo->frame->code;
    ASSERT_LT(index, code->ninstrs);
    uint32_t word = code->instrs[index];
    if (std::string(w.name) == "inner") {
      EXPECT_EQ(instr_opcode(word), OP_BINARY_OP);
      EXPECT_EQ(BinaryOp(instr_arg(word)), BinaryOp::FloorDiv);
    } else {
      EXPECT_EQ(instr_opcode(word), OP_CALL) << w.name;
    }
    EXPECT_EQ(code_line_for(code, index), w.line) << w.name;
    tb = attr(tb, "tb_next");
  }
  EXPECT_TRUE(is_none(tb));

  // Printed like CPython (no source lines: the file does not exist).
  EXPECT_EQ(printed_exception(exc),
            "Traceback (most recent call last):\n"
            "  File \"<eval-test>\", line 8, in <module>\n"
            "  File \"<eval-test>\", line 7, in outer\n"
            "  File \"<eval-test>\", line 3, in inner\n"
            "ZeroDivisionError: integer division or modulo by zero\n");
}

TEST(Eval, TracebackSurvivesACollection) {
  Program p;
  ASSERT_FALSE(p.run(
      "def boom(items):\n"
      "    tag = 'tag-' + str(len(items))\n"
      "    return items[10]\n"
      "boom([str(1), str(2)])\n"));
  ASSERT_TRUE(error_matches(&IndexErrorType)) << take_error();
  Value exc = error_fetch();
  Rooted keep(&exc);
  gc_collect();
  churn_heap();
  Value tb = attr(attr(exc, "__traceback__"), "tb_next");
  ASSERT_FALSE(is_none(tb));
  EXPECT_EQ(repr(attr(attr(tb, "tb_frame"), "f_locals")), "{'items': ['1', '2'], 'tag': 'tag-2'}");
  EXPECT_EQ(attr(tb, "tb_lineno"), Value::small(3));
}

// ---------------------------------------------------------------------------
// Shim frames: native code calling back into Python
// ---------------------------------------------------------------------------

TEST(Eval, ShimFramesMarkEachNativeEntry) {
  ThreadState* ts = current_thread();
  ThreadSnapshot before(ts);
  int outer_marker = 0;
  Program p;
  p.set_native("probe", native_probe);
  g_chain.clear();
  ASSERT_TRUE(p.run(
      "import sys\n"
      "def key(v):\n"
      "    global back, up\n"
      "    probe()\n"
      "    back = sys._getframe().f_back.f_code.co_name\n"
      "    up = sys._getframe(1).f_code.co_name\n"
      "    return -v\n"
      "def run(xs):\n"
      "    return sorted(xs, key=key)\n"
      "out = run([1, 3, 2])\n"))
      << take_error();
  before.expect_restored(ts);
  EXPECT_EQ(p.get_repr("out"), "[3, 2, 1]");
  // f_back and _getframe(1) skip the shim: the Python caller is run().
  EXPECT_EQ(p.get_repr("back"), "'run'");
  EXPECT_EQ(p.get_repr("up"), "'run'");

  // innermost first: key, shim of the eval_frame() that sorted() started,
  // run, <module>, shim of the eval_frame() that eval_code_in() started.
  std::vector<std::string> names;
  for (auto& e : g_chain) names.push_back(e.name);
  ASSERT_EQ(names, (std::vector<std::string>{"key", "<shim>", "run", "<module>", "<shim>"}));
  EXPECT_EQ(g_probe_recursion_depth, before.recursion_depth + 3);
  for (auto& e : g_chain) {
    if (e.name == "<shim>") {
      EXPECT_EQ(e.owner, kOwnedByCStack);
      EXPECT_FALSE(e.has_code);
      EXPECT_EQ(e.function, nullptr);
      // The shim lives on the C stack, between the native probe's frame
      // (deeper) and this test's frame (shallower): tools match shims to
      // native eval_frame activations by this address.
      EXPECT_GT(static_cast<const void*>(e.frame), g_probe_stack_marker);
      EXPECT_LT(static_cast<const void*>(e.frame), static_cast<const void*>(&outer_marker));
      EXPECT_FALSE(in_some_chunk(e.frame));
    } else {
      EXPECT_EQ(e.owner, kOwnedByThread) << e.name;
      EXPECT_TRUE(in_some_chunk(e.frame)) << e.name << " is not in a data-stack chunk";
    }
  }
  // Each shim is the `previous` of the first frame its activation ran.
  EXPECT_EQ(g_chain[0].previous, g_chain[1].frame);
  EXPECT_EQ(g_chain[3].previous, g_chain[4].frame);
  // The outermost shim continues with what ran before: nothing.
  EXPECT_EQ(g_chain[4].previous, before.current_frame);
  // The inner shim continues with the frame that called sorted().
  EXPECT_EQ(g_chain[1].previous, g_chain[2].frame);
  EXPECT_EQ(g_chain[2].previous, g_chain[3].frame);
  ASSERT_NE(g_chain[2].function, nullptr);
  EXPECT_EQ(std::string(str_view(g_chain[2].function->name)), "run");
  EXPECT_EQ(g_chain[3].function, nullptr);
  EXPECT_EQ(g_chain[3].locals, p.dict());
  EXPECT_EQ(g_chain[2].locals, nullptr);
}

TEST(Eval, ABigFrameRunsInItsOwnChunk) {
  ThreadState* ts = current_thread();
  ThreadSnapshot before(ts);
  std::string src = "def big():\n";
  for (int i = 0; i < 2100; ++i) src += "    v" + std::to_string(i) + " = " + std::to_string(i) + "\n";
  src += "    probe()\n    return v0 + v2099\nr = big()\n";
  Program p;
  p.set_native("probe", native_probe);
  ASSERT_TRUE(p.run(src)) << take_error();
  EXPECT_EQ(p.get("r"), Value::small(2099));
  before.expect_restored(ts);
  ASSERT_GE(g_chain.size(), 1u);
  ASSERT_GE(g_probe_chunks.size(), 2u);
  EXPECT_EQ(g_chain[0].name, "big");
  // big's frame is the first (and only) frame of the newest chunk.
  EXPECT_GT(g_probe_chunks[0].size, kStackChunkSize);
  EXPECT_EQ(static_cast<const void*>(g_chain[0].frame), g_probe_chunks[0].data);
  EXPECT_GE(g_probe_chunks[0].size,
            sizeof(StackChunk) + (kFrameHeaderValues + size_t(g_chain[0].framesize)) * sizeof(Value));
  EXPECT_GT(g_chain[0].framesize, 2100);
}

// ---------------------------------------------------------------------------
// A collection in the middle of calls
// ---------------------------------------------------------------------------

TEST(Eval, CollectionInTheMiddleKeepsLiveValues) {
  ThreadState* ts = current_thread();
  ThreadSnapshot before(ts);
  Program p;
  p.set_native("collect", native_collect);
  g_freed_by_collect = 0;
  ASSERT_TRUE(p.run(
      "for i in range(300):\n"
      "    garbage = [str(i), 'g' + str(i)]\n"
      "garbage = None\n"
      "def g(a, b):\n"
      "    n = collect()\n"
      "    return [len(a), len(b), n > 0]\n"
      "def f(k):\n"
      "    keep = [str(k), [k, k + 1], 'abc' + str(k)]\n"
      "    pair = (keep, 'tail' + str(k))\n"
      // [str(k * 3)] sits on f's value stack while g runs; g's arguments
      // live only in g's frame.
      "    r = [str(k * 3)] + g(keep, [str(k + 5), 'zz' + str(k)])\n"
      "    return keep, pair, r\n"
      "out = f(7)\n"
      // Held only on the module frame's value stack during the call.
      "both = [str(40) + 'x', str(41) + 'y'] + [collect(), 'end']\n"
      "def key(s):\n"
      "    collect()\n"
      "    return -len(s)\n"
      "srt = sorted([str(1000), str(2) * 3, 'q' + str(5), str(12345)], key=key)\n"))
      << take_error();
  before.expect_restored(ts);
  EXPECT_GT(g_freed_by_collect, 0) << "the collections did not free anything";
  EXPECT_EQ(p.get_repr("out"),
            "(['7', [7, 8], 'abc7'], (['7', [7, 8], 'abc7'], 'tail7'), ['21', 3, 2, True])");
  Value both = p.get("both");
  ASSERT_EQ(type_of(both), &ListType);
  ASSERT_EQ(list_size(both.as<List>()), 4);
  EXPECT_EQ(repr(list_items(both.as<List>())[0]), "'40x'");
  EXPECT_EQ(repr(list_items(both.as<List>())[1]), "'41y'");
  EXPECT_EQ(repr(list_items(both.as<List>())[3]), "'end'");
  EXPECT_EQ(p.get_repr("srt"), "['12345', '1000', '222', 'q5']");
}

// ---------------------------------------------------------------------------
// Argument binding
// ---------------------------------------------------------------------------

TEST(Eval, BindFrameArgumentsFillsParameters) {
  Program p;
  ASSERT_TRUE(p.run("def g(a, b=5, c=6):\n    d = a\n    return d\n")) << take_error();
  Function* g = p.get("g").as<Function>();
  ASSERT_EQ(g->code->nlocalsplus, 4);
  std::vector<Value> locals(4);
  Tuple* kw = tuple_from({Value(str_intern("c"))});
  Value args[] = {Value::small(1), Value::small(9)};  // g(1, c=9)
  ASSERT_TRUE(bind_frame_arguments(g, locals.data(), args, 1, kw)) << take_error();
  EXPECT_EQ(locals[0], Value::small(1));
  EXPECT_EQ(locals[1], Value::small(5));
  EXPECT_EQ(locals[2], Value::small(9));
  EXPECT_TRUE(locals[3].is_null()) << "a plain local starts unbound";

  // Keywords in any order; every parameter by keyword.
  std::vector<Value> l2(4);
  Tuple* kw2 = tuple_from({Value(str_intern("c")), Value(str_intern("a")), Value(str_intern("b"))});
  Value args2[] = {Value::small(30), Value::small(10), Value::small(20)};
  ASSERT_TRUE(bind_frame_arguments(g, l2.data(), args2, 0, kw2)) << take_error();
  EXPECT_EQ(l2[0], Value::small(10));
  EXPECT_EQ(l2[1], Value::small(20));
  EXPECT_EQ(l2[2], Value::small(30));
}

TEST(Eval, ArgumentErrorsLikeCPython) {
  ThreadState* ts = current_thread();
  ThreadSnapshot before(ts);
  Program p;
  ASSERT_TRUE(p.run(
      "def f(a, b): pass\n"
      "def g(a, b=1): pass\n"
      "def h(a, b, c): pass\n"
      "def z(): pass\n"
      "def outer():\n"
      "    def inner(a): pass\n"
      "    return inner\n"
      "inner = outer()\n"))
      << take_error();
  auto call_with = [&](const char* fname, std::vector<Value> args,
                       std::vector<const char*> kwnames) -> std::string {
    Function* fn = p.get(fname).as<Function>();
    Tuple* kw = nullptr;
    if (!kwnames.empty()) {
      kw = tuple_new(int64_t(kwnames.size()));
      for (size_t i = 0; i < kwnames.size(); ++i) tuple_items(kw)[i] = Value(str_intern(kwnames[i]));
    }
    size_t npos = args.size() - kwnames.size();
    Value r = call_python_function(fn, args.data(), npos, kw);
    before.expect_restored(ts);
    if (!r.is_null()) return "<no error>";
    return take_error();
  };
  auto I = [](int64_t v) { return Value::small(v); };
  // Expected messages: CPython 3.11.7.
  EXPECT_EQ(call_with("f", {I(1), I(2), I(3)}, {}),
            "TypeError: f() takes 2 positional arguments but 3 were given");
  EXPECT_EQ(call_with("g", {I(1), I(2), I(3)}, {}),
            "TypeError: g() takes from 1 to 2 positional arguments but 3 were given");
  EXPECT_EQ(call_with("f", {}, {}),
            "TypeError: f() missing 2 required positional arguments: 'a' and 'b'");
  EXPECT_EQ(call_with("h", {}, {}),
            "TypeError: h() missing 3 required positional arguments: 'a', 'b', and 'c'");
  EXPECT_EQ(call_with("h", {I(1)}, {}),
            "TypeError: h() missing 2 required positional arguments: 'b' and 'c'");
  EXPECT_EQ(call_with("f", {I(1), I(2)}, {"c"}),
            "TypeError: f() got an unexpected keyword argument 'c'");
  EXPECT_EQ(call_with("f", {I(1), I(2)}, {"a"}),
            "TypeError: f() got multiple values for argument 'a'");
  EXPECT_EQ(call_with("f", {I(1), I(2), I(3)}, {"b"}),
            "TypeError: f() got multiple values for argument 'b'");
  EXPECT_EQ(call_with("g", {I(3)}, {"b"}),
            "TypeError: g() missing 1 required positional argument: 'a'");
  EXPECT_EQ(call_with("z", {I(1)}, {}),
            "TypeError: z() takes 0 positional arguments but 1 was given");
  EXPECT_EQ(call_with("inner", {I(1), I(2)}, {}),
            "TypeError: outer.<locals>.inner() takes 1 positional argument but 2 were given");
  EXPECT_EQ(call_with("g", {I(1)}, {}), "<no error>");
}

TEST(Eval, PositionalOnlyPassedByKeyword) {
  Program p;
  ASSERT_TRUE(p.run("def p(a, /, b): pass\n")) << take_error();
  Function* fn = p.get("p").as<Function>();
  Tuple* kw = tuple_from({Value(str_intern("a")), Value(str_intern("b"))});
  Value args[] = {Value::small(1), Value::small(2)};
  Value r = call_python_function(fn, args, 0, kw);
  ASSERT_TRUE(r.is_null());
  std::string got = take_error();
  const std::string want =
      "TypeError: p() got some positional-only arguments passed as keyword arguments: 'a'";
  EXPECT_EQ(got, want);
}

}  // namespace pg
