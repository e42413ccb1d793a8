// The walk (inspector/walker.h), the top-level inspect() with its
// native/Python merge (inspector/inspect.h) and the C API
// (inspector/c_api.h), over synthetic images: exact stacks in two layouts,
// truncated and cyclic chains, garbage everywhere, locals, exceptions,
// 10,000 frames.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "inspector/c_api.h"
#include "inspector/format.h"
#include "inspector/inspect.h"
#include "inspector/memory_image.h"
#include "inspector/walker.h"

using namespace pgi;

namespace {

// /abs/app.py, as the frames below pretend:
//   10 def inner(data, scale):
//   11     tmp = 1
//   12     return data[0] / scale
//   18 def outer(x):
//   19     y = 2
//   20     inner(x)
//   25 outer(3)
struct App {
  uint64_t globals = 0, builtins = 0;
  uint64_t module_code = 0, outer_code = 0, inner_code = 0;
  uint64_t shim = 0, module_frame = 0, outer_frame = 0, inner_frame = 0;
  uint64_t thread = 0;
};

App build_app(ImageBuilder& b, uint64_t exception = 0) {
  App a;
  a.module_code = b.code({"<module>", "<module>", "/abs/app.py", 1, {1, 1, 10, 18, 25, 25, 25}});
  a.outer_code = b.code({"outer", "outer", "/abs/app.py", 18, {19, 19, 20, 20}, {"x", "y"},
                         {PG_LOCAL_ARG | PG_LOCAL_PLAIN, PG_LOCAL_PLAIN}});
  a.inner_code = b.code({"inner", "inner", "/abs/app.py", 10, {11, 12, 12, 12},
                         {"tmp", "data", "scale", "unbound"},
                         {PG_LOCAL_PLAIN, PG_LOCAL_ARG | PG_LOCAL_PLAIN,
                          PG_LOCAL_ARG | PG_LOCAL_PLAIN, PG_LOCAL_PLAIN}});
  uint64_t len_fn = b.function(b.code({"len", "len", "<builtins>", 1, {1}}), "len");
  a.builtins = b.dict({{b.str("len"), len_fn}});
  a.globals = b.dict({{b.str("__name__"), b.str("__main__")},
                      {b.str("outer"), b.function(a.outer_code, "outer")},
                      {b.str("inner"), b.function(a.inner_code, "inner")}});
  b.set_modules(b.dict({{b.str("builtins"), b.module("builtins", a.builtins)},
                        {b.str("__main__"), b.module("__main__", a.globals)}}));
  a.shim = b.shim(0);
  a.module_frame = b.frame(a.module_code, a.shim, 5, {}, a.globals, a.globals);
  a.outer_frame = b.frame(a.outer_code, a.module_frame, 2, {b.small_int(3), b.small_int(2)}, a.globals);
  a.inner_frame =
      b.frame(a.inner_code, a.outer_frame, 1,
              {b.small_int(1), b.list({b.small_int(1), b.small_int(2)}), b.small_int(0), 0},
              a.globals);
  a.thread = b.thread(4242, "MainThread", a.inner_frame, exception);
  return a;
}

ProcessReport inspect_ok(Target& t, Options o = {}) {
  Result r = inspect(t, o);
  EXPECT_TRUE(r.ok()) << (r.error ? r.error->message : "");
  return r.report;
}

class InspWalkLayouts : public ::testing::TestWithParam<Layout> {};

}  // namespace

TEST_P(InspWalkLayouts, ThreeFrameStackWithExactNamesAndLines) {
  ImageBuilder b(GetParam());
  uint64_t zde = b.type("ZeroDivisionError", b.types().base_exception_type);
  build_app(b, b.exception(zde, {b.str("division by zero")}));
  b.finish();
  ProcessReport r = inspect_ok(b.image());
  EXPECT_EQ(r.pid, 123);
  EXPECT_EQ(r.vm_version, "pyglass 0.1.0");
  ASSERT_EQ(r.threads.size(), 1u);
  const ThreadReport& t = r.threads[0];
  EXPECT_EQ(t.tid, 4242);
  EXPECT_EQ(t.name, "MainThread");
  EXPECT_EQ(t.state, "running");
  EXPECT_TRUE(t.known_to_vm);
  EXPECT_EQ(t.exception, "ZeroDivisionError: division by zero");
  EXPECT_TRUE(t.warnings.empty());
  ASSERT_EQ(t.frames.size(), 3u);
  EXPECT_EQ(t.frames[0].function, "inner");
  EXPECT_EQ(t.frames[0].line, 12);
  EXPECT_EQ(t.frames[1].function, "outer");
  EXPECT_EQ(t.frames[1].line, 20);
  EXPECT_EQ(t.frames[2].function, "<module>");
  EXPECT_EQ(t.frames[2].line, 25);
  for (const PyFrame& f : t.frames) {
    EXPECT_EQ(f.filename, "/abs/app.py");
    EXPECT_TRUE(f.error.empty());
    EXPECT_TRUE(f.locals.empty());  // not requested
  }
  EXPECT_FALSE(t.frames[0].is_entry);
  EXPECT_FALSE(t.frames[1].is_entry);
  EXPECT_TRUE(t.frames[2].is_entry);
}

TEST_P(InspWalkLayouts, LocalsArgumentsFirstUnboundSkippedModuleEmpty) {
  ImageBuilder b(GetParam());
  build_app(b);
  b.finish();
  Options o;
  o.locals = true;
  ProcessReport r = inspect_ok(b.image(), o);
  const auto& frames = r.threads.at(0).frames;
  ASSERT_EQ(frames.size(), 3u);
  const auto& inner = frames[0].locals;
  ASSERT_EQ(inner.size(), 3u);
  EXPECT_EQ(inner[0].name, "data");
  EXPECT_EQ(inner[0].repr, "[1, 2]");
  EXPECT_TRUE(inner[0].is_argument);
  EXPECT_EQ(inner[1].name, "scale");
  EXPECT_EQ(inner[1].repr, "0");
  EXPECT_EQ(inner[2].name, "tmp");
  EXPECT_EQ(inner[2].repr, "1");
  EXPECT_FALSE(inner[2].is_argument);
  ASSERT_EQ(frames[1].locals.size(), 2u);
  EXPECT_EQ(frames[1].locals[0].name, "x");
  EXPECT_EQ(frames[1].locals[1].name, "y");
  EXPECT_TRUE(frames[2].locals.empty());  // module frame: nothing (see walker.h)
}

INSTANTIATE_TEST_SUITE_P(Layouts, InspWalkLayouts,
                         ::testing::Values(Layout::Standard, Layout::Padded),
                         [](const auto& info) {
                           return info.param == Layout::Standard ? "Standard" : "Padded";
                         });

TEST(InspWalk, PaddedLayoutReallyDiffers) {
  ImageBuilder s(Layout::Standard), p(Layout::Padded);
  EXPECT_NE(s.table().frame.previous, p.table().frame.previous);
  EXPECT_NE(s.table().frame.size, p.table().frame.size);
  EXPECT_NE(s.table().object.type, p.table().object.type);
  EXPECT_NE(s.table().str.data, p.table().str.data);
  EXPECT_NE(s.table().thread.name_size, p.table().thread.name_size);
}

TEST(InspWalk, ClassBodyShowsItsLocalsDict) {
  ImageBuilder b;
  App a = build_app(b);
  uint64_t body = b.code({"C", "C", "/abs/app.py", 30, {31}});
  uint64_t ns = b.dict({{b.str("attr"), b.small_int(5)}});
  uint64_t f = b.frame(body, a.inner_frame, 0, {}, a.globals, ns);
  b.image().put(a.thread + b.table().thread.current_frame, f);
  b.finish();
  Options o;
  o.locals = true;
  ProcessReport r = inspect_ok(b.image(), o);
  const auto& l = r.threads.at(0).frames.at(0).locals;
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0].name, "attr");
  EXPECT_EQ(l[0].repr, "5");
}

TEST(InspWalk, EntryFramesAreMarkedAboveEveryShim) {
  ImageBuilder b;
  App a = build_app(b);
  // inner is now run by a second eval_frame() call: inner -> shim2 -> outer.
  uint64_t shim2 = b.shim(a.outer_frame);
  b.image().put(a.inner_frame + b.table().frame.previous, shim2);
  b.finish();
  ProcessReport r = inspect_ok(b.image());
  const auto& f = r.threads.at(0).frames;
  ASSERT_EQ(f.size(), 3u);
  EXPECT_TRUE(f[0].is_entry);
  EXPECT_FALSE(f[1].is_entry);
  EXPECT_TRUE(f[2].is_entry);
}

TEST(InspWalk, TruncatedImageGivesReadableFramesAndAMarkedUnreadableOne) {
  ImageBuilder b;
  App a = build_app(b);
  b.image().put(a.outer_frame + b.table().frame.previous, uint64_t(0xdead0000));
  b.finish();
  ProcessReport r = inspect_ok(b.image());
  const ThreadReport& t = r.threads.at(0);
  ASSERT_EQ(t.frames.size(), 3u);
  EXPECT_EQ(t.frames[0].function, "inner");
  EXPECT_EQ(t.frames[1].function, "outer");
  EXPECT_EQ(t.frames[2].function, "???");
  EXPECT_EQ(t.frames[2].error, "frame at 0xdead0000 unreadable");
  ASSERT_EQ(t.warnings.size(), 1u);
  EXPECT_NE(t.warnings[0].find("0xdead0000"), std::string::npos);
}

TEST(InspWalk, CyclicFrameChainStopsWithAWarning) {
  ImageBuilder b;
  App a = build_app(b);
  b.image().put(a.outer_frame + b.table().frame.previous, a.inner_frame);
  b.finish();
  ProcessReport r = inspect_ok(b.image());
  const ThreadReport& t = r.threads.at(0);
  EXPECT_EQ(t.frames.size(), 2u);
  ASSERT_EQ(t.warnings.size(), 1u);
  EXPECT_NE(t.warnings[0].find("cycle"), std::string::npos);
}

TEST(InspWalk, CyclicThreadListStopsWithAWarning) {
  ImageBuilder b;
  App a = build_app(b);
  uint64_t t2 = b.thread(4243, "worker", 0, 0, PG_THREAD_IDLE);
  b.finish();
  b.image().put(t2 + b.table().thread.next, a.thread);
  ProcessReport r = inspect_ok(b.image());
  ASSERT_EQ(r.threads.size(), 2u);
  EXPECT_EQ(r.threads[1].state, "idle");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("cycle"), std::string::npos);
}

// threads: every state's detail comes from the exported fields; a blocked
// thread names the lock and the thread holding it; dead and starting
// (pooled) states are skipped.
TEST(InspWalk, ThreadStatesLocksAndDeadStates) {
  ImageBuilder b;
  App a = build_app(b);
  uint64_t wa = b.thread(4243, "worker-a", 0, 0, PG_THREAD_IDLE);
  uint64_t wb = b.thread(4244, "worker-b", 0, 0, PG_THREAD_IDLE);
  b.thread(0, "", 0, 0, PG_THREAD_DEAD);
  b.thread(4246, "sleeper", 0, 0, PG_THREAD_SLEEPING);
  b.thread(4247, "waiter", 0, 0, PG_THREAD_GIL_WAIT);
  b.thread(0, "new", 0, 0, PG_THREAD_STARTING);
  uint64_t lock_a = b.lock(4243), lock_b = b.lock(4244), free_lock = b.lock(0);
  b.thread_wait(wa, lock_b);
  b.thread_wait(wb, lock_a, PG_WAIT_RLOCK);
  b.thread_wait(a.thread, free_lock);
  b.finish();
  ProcessReport r = inspect_ok(b.image());
  ASSERT_EQ(r.threads.size(), 5u);
  EXPECT_EQ(format_thread_line(r.threads[0]),
            fmt::format("Thread 4242 \"MainThread\" (blocked) [blocked on Lock {:#x}]:", free_lock));
  EXPECT_EQ(format_thread_line(r.threads[1]),
            fmt::format("Thread 4243 \"worker-a\" (blocked) [blocked on Lock {:#x} held by "
                        "thread 4244 \"worker-b\"]:",
                        lock_b));
  EXPECT_EQ(format_thread_line(r.threads[2]),
            fmt::format("Thread 4244 \"worker-b\" (blocked) [blocked on RLock {:#x} held by "
                        "thread 4243 \"worker-a\"]:",
                        lock_a));
  EXPECT_EQ(format_thread_line(r.threads[3]), "Thread 4246 \"sleeper\" (sleeping):");
  EXPECT_EQ(format_thread_line(r.threads[4]),
            "Thread 4247 \"waiter\" (waiting) [waiting for the GIL]:");
  EXPECT_EQ(r.threads[1].wait_owner_tid, 4244);
  EXPECT_EQ(r.threads[1].wait_address, lock_b);
  EXPECT_FALSE(r.threads[1].holds_gil);
  // The JSON carries the same facts and reads back.
  ProcessReport back = report_from_json(to_json(r));
  EXPECT_EQ(back.threads[2].wait_kind, "RLock");
  EXPECT_EQ(back.threads[2].wait_owner_tid, 4243);
  EXPECT_EQ(back.threads[4].detail, "waiting for the GIL");
}

TEST(InspWalk, UnreadableNamesAndBadLineTablesDegrade) {
  ImageBuilder b;
  App a = build_app(b);
  const PgDebugTable& t = b.table();
  b.image().put(a.inner_code + t.code.name, uint64_t(0x8));                // garbage Str*
  b.image().put(a.outer_code + t.code.linetable_size, int32_t(-5));        // bad size
  uint64_t junk = b.alloc(2);
  b.image().write(junk, "\xff\xff", 2);  // a uleb that never ends
  b.image().put(a.module_code + t.code.linetable, junk);
  b.image().put(a.module_code + t.code.linetable_size, int32_t(2));
  b.finish();
  ProcessReport r = inspect_ok(b.image());
  const auto& f = r.threads.at(0).frames;
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].function, "???");
  EXPECT_EQ(f[0].line, 12);
  EXPECT_EQ(f[1].function, "outer");
  EXPECT_EQ(f[1].line, 0);
  EXPECT_EQ(f[2].line, 0);
}

TEST(InspWalk, InstructionPointerOutsideTheCodeGivesLineZero) {
  ImageBuilder b;
  App a = build_app(b);
  b.image().put(a.inner_frame + b.table().frame.instr_ptr, uint64_t(0x40));
  b.finish();
  EXPECT_EQ(inspect_ok(b.image()).threads.at(0).frames.at(0).line, 0);
}

TEST(InspWalk, UnreadableCodeObjectIsMarked) {
  ImageBuilder b;
  App a = build_app(b);
  b.image().put(a.outer_frame + b.table().frame.code, uint64_t(0xbad000));
  b.finish();
  ProcessReport r = inspect_ok(b.image());
  const auto& f = r.threads.at(0).frames;
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[1].function, "???");
  EXPECT_EQ(f[1].filename, "???");
  EXPECT_EQ(f[1].error, "code object at 0xbad000 unreadable");
}

TEST(InspWalk, ExceptionMessages) {
  ImageBuilder b;
  uint64_t ve = b.type("ValueError", b.types().base_exception_type);
  uint64_t ke = b.type("KeyError", ve);
  uint64_t e0 = b.exception(ve, {}), e1 = b.exception(ve, {b.str("")});
  uint64_t e2 = b.exception(ke, {b.small_int(7)});
  uint64_t e3 = b.exception(ve, {b.str("a"), b.small_int(2)});
  build_app(b);
  b.finish();
  LocateResult lr = locate_debug_table(b.image());
  Remote remote(b.image(), *lr.table);
  Walker w(remote);
  EXPECT_EQ(w.exception_text(0), "");
  EXPECT_EQ(w.exception_text(e0), "ValueError");
  EXPECT_EQ(w.exception_text(e1), "ValueError");
  EXPECT_EQ(w.exception_text(e2), "KeyError: 7");
  EXPECT_EQ(w.exception_text(e3), "ValueError: ('a', 2)");
  EXPECT_EQ(w.exception_text(0xdead0000), "<unreadable at 0xdead0000>");
}

TEST(InspWalk, SourceLinesComeFromReadableFiles) {
  std::string path = ::testing::TempDir() + "/insp_walker_src.py";
  {
    std::ofstream out(path);
    for (int i = 1; i <= 30; ++i) out << "   line_" << i << " = " << i << "   \n";
  }
  ImageBuilder b;
  uint64_t code = b.code({"f", "f", path, 5, {6, 7}});
  uint64_t frame = b.frame(code, 0, 1);
  b.thread(1, "MainThread", frame);
  b.finish();
  ProcessReport r = inspect_ok(b.image());
  EXPECT_EQ(r.threads.at(0).frames.at(0).source, "line_7 = 7");
  Options o;
  o.source = false;
  EXPECT_EQ(inspect_ok(b.image(), o).threads.at(0).frames.at(0).source, "");
  std::remove(path.c_str());
}

TEST(InspWalk, TenThousandFramesOfOneFunction) {
  ImageBuilder b;
  uint64_t code = b.code({"recurse", "recurse", "/abs/deep.py", 1, {2, 3, 3, 4}, {"n"},
                          {PG_LOCAL_ARG | PG_LOCAL_PLAIN}});
  uint64_t prev = b.shim(0);
  for (int i = 0; i < 10000; ++i) prev = b.frame(code, prev, i % 4, {b.small_int(i)});
  b.thread(1, "MainThread", prev);
  b.finish();
  uint64_t reads_before = b.image().reads();
  ProcessReport r = inspect_ok(b.image());
  uint64_t reads = b.image().reads() - reads_before;
  const auto& f = r.threads.at(0).frames;
  ASSERT_EQ(f.size(), 10000u);
  EXPECT_EQ(f.front().line, 4);  // innermost: instruction 9999 % 4 = 3
  EXPECT_EQ(f.back().line, 2);
  EXPECT_TRUE(f.back().is_entry);
  // Bulk reads and caches: far fewer target reads than frames.
  EXPECT_LT(reads, 2000u);
  // The cap applies.
  Options o;
  o.max_frames = 100;
  ProcessReport capped = inspect_ok(b.image(), o);
  EXPECT_EQ(capped.threads.at(0).frames.size(), 100u);
  EXPECT_NE(capped.threads.at(0).warnings.at(0).find("after 100 frames"), std::string::npos);
}

TEST(InspWalk, GarbagePointersEverywhereNeverCrash) {
  for (uint32_t seed = 1; seed <= 40; ++seed) {
    ImageBuilder b(seed % 2 ? Layout::Standard : Layout::Padded);
    App a = build_app(b, b.exception(b.types().base_exception_type, {b.str("boom")}));
    b.thread(7, "worker", a.outer_frame);
    b.finish();
    std::mt19937_64 rng(seed);
    std::vector<uint8_t> heap(size_t(b.alloc(0) - ImageBuilder::kHeap));
    b.image().read(ImageBuilder::kHeap, heap.data(), heap.size());
    // Overwrite words with: other heap addresses, small ints, wild values.
    for (int i = 0; i < 300; ++i) {
      uint64_t at = ImageBuilder::kHeap + (rng() % (heap.size() / 8)) * 8;
      uint64_t v;
      switch (rng() % 4) {
        case 0: v = ImageBuilder::kHeap + rng() % heap.size(); break;
        case 1: v = (ImageBuilder::kHeap + rng() % heap.size()) & ~uint64_t(7); break;
        case 2: v = rng() | 1; break;
        default: v = rng(); break;
      }
      b.image().put(at, v);
    }
    Options o;
    o.locals = true;
    o.native = true;
    Result r = inspect(b.image(), o);
    ASSERT_TRUE(r.ok()) << seed;
    std::string text = format_text(r.report);
    std::string json = format_json(r.report);
    EXPECT_FALSE(text.empty());
    EXPECT_FALSE(json.empty());
  }
}

TEST(InspWalk, RandomHeapBytesNeverCrash) {
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    ImageBuilder b;
    build_app(b);
    b.finish();
    std::mt19937_64 rng(seed);
    size_t size = size_t(b.alloc(0) - ImageBuilder::kHeap);
    // Keep the type objects (the first allocations) so objects still look
    // like objects; randomise everything after them.
    for (uint64_t a = ImageBuilder::kHeap + 4096; a + 8 <= ImageBuilder::kHeap + size; a += 8)
      b.image().put(a, rng() % 3 ? rng() : ImageBuilder::kHeap + (rng() % size & ~uint64_t(7)));
    Options o;
    o.locals = true;
    Result r = inspect(b.image(), o);
    ASSERT_TRUE(r.ok());
    format_text(r.report);
  }
}

// ---------------------------------------------------------------- threads

TEST(InspInspect, OsThreadsUnknownToTheVmAndTheCrashingThread) {
  ImageBuilder b;
  build_app(b);
  b.finish();
  MemoryImage& img = b.image();
  img.add_thread({4242, std::nullopt, "pyglass"});
  img.add_thread({4243, std::nullopt, "helper"});
  CrashInfo c;
  c.signal = 11;
  c.signal_name = "SIGSEGV";
  c.tid = 4242;
  c.has_fault_address = true;
  img.set_crash(c);
  ProcessReport r = inspect_ok(img);
  ASSERT_EQ(r.threads.size(), 2u);
  EXPECT_TRUE(r.threads[0].known_to_vm);
  EXPECT_EQ(r.threads[0].name, "MainThread");
  EXPECT_TRUE(r.threads[0].is_crashing);
  EXPECT_FALSE(r.threads[1].known_to_vm);
  EXPECT_EQ(r.threads[1].name, "helper");
  EXPECT_FALSE(r.threads[1].is_crashing);
  ASSERT_TRUE(r.crash);

  Options o;
  o.tid = 4243;
  ProcessReport one = inspect_ok(img, o);
  ASSERT_EQ(one.threads.size(), 1u);
  EXPECT_EQ(one.threads[0].tid, 4243);
  o.tid = 999;
  Result missing = inspect(img, o);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error->message, "no thread 999 in process 123");
}

// ---------------------------------------------------------------- merge

namespace {
NativeFrame nat(uint64_t pc, uint64_t sp, uint64_t cfa, const char* sym) {
  NativeFrame n;
  n.pc = pc;
  n.sp = sp;
  n.cfa = cfa;
  n.symbol = sym;
  n.module = "/usr/bin/pyglass";
  return n;
}
PyFrame py(const char* name, bool entry = false) {
  PyFrame f;
  f.function = name;
  f.is_entry = entry;
  return f;
}
std::string names(const std::vector<MergedFrame>& m) {
  std::string s;
  for (const MergedFrame& f : m) s += (s.empty() ? "" : " ") + (f.is_python ? f.python.function : f.native.symbol);
  return s;
}
constexpr uint64_t kEval = 0x5000;  // eval range [0x5000, 0x6000)
}  // namespace

TEST(InspMerge, EvalFramesAreFollowedByThePythonFramesTheyRun) {
  std::vector<NativeFrame> native = {
      nat(0x9000, 0x7000, 0x7100, "builtin_len"), nat(0x5010, 0x7100, 0x7400, "eval#2"),
      nat(0x9100, 0x7400, 0x7500, "call"),        nat(0x5020, 0x7500, 0x7800, "eval#1"),
      nat(0x9200, 0x7800, 0x7900, "main")};
  std::vector<PyFrame> frames = {py("f3"), py("f2", true), py("f1", true)};
  std::vector<uint64_t> shims = {0, 0x7200, 0x7600};
  std::vector<std::string> warnings;
  auto m = merge_native_python(native, frames, shims, kEval, kEval + 0x1000, warnings);
  EXPECT_EQ(names(m), "builtin_len eval#2 f3 f2 call eval#1 f1 main");
  EXPECT_TRUE(warnings.empty());
}

TEST(InspMerge, UnknownCfaUsesTheNextFramesSp) {
  std::vector<NativeFrame> native = {nat(0x5010, 0x7100, 0, "eval"), nat(0x9200, 0x7800, 0, "main")};
  std::vector<PyFrame> frames = {py("f1", true)};
  std::vector<std::string> warnings;
  auto m = merge_native_python(native, frames, {0x7600}, kEval, kEval + 0x1000, warnings);
  EXPECT_EQ(names(m), "eval f1 main");
}

TEST(InspMerge, UnmatchedShimsAreAppendedWithAWarning) {
  std::vector<NativeFrame> native = {nat(0x5010, 0x7100, 0x7400, "eval#2"),
                                     nat(0x9200, 0x7800, 0x7900, "main")};
  std::vector<PyFrame> frames = {py("f2", true), py("f1", true)};
  std::vector<std::string> warnings;
  auto m = merge_native_python(native, frames, {0x7200, 0x9999000}, kEval, kEval + 0x1000, warnings);
  EXPECT_EQ(names(m), "eval#2 f2 main f1");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("0x9999000"), std::string::npos);
}

TEST(InspMerge, AnEvalFrameTheUnwinderMissedIsAbsorbedByTheNextOne) {
  // eval#2 is missing from the native stack: its Python frames go with eval#1.
  std::vector<NativeFrame> native = {nat(0x9100, 0x7400, 0x7500, "call"),
                                     nat(0x5020, 0x7500, 0x7800, "eval#1")};
  std::vector<PyFrame> frames = {py("f2", true), py("f1", true)};
  std::vector<std::string> warnings;
  auto m = merge_native_python(native, frames, {0x7200, 0x7600}, kEval, kEval + 0x1000, warnings);
  EXPECT_EQ(names(m), "call eval#1 f2 f1");
  EXPECT_EQ(warnings.size(), 1u);
}

TEST(InspMerge, ThroughInspectWithRealShimAddresses) {
  ImageBuilder b;
  App a = build_app(b);
  b.finish();
  uint64_t shim = a.shim;  // on the fake C stack
  b.image().add_thread({4242, std::nullopt, "pyglass"});
  b.image().set_native_stack(
      4242, {nat(0x9000, shim - 0x100, shim - 0x10, "pg::binary_op"),
             nat(b.table().eval_start + 0x40, shim - 0x10, shim + 0x200, "pg::eval_frame"),
             nat(0x9100, shim + 0x200, shim + 0x300, "main")});
  Options o;
  o.native = true;
  ProcessReport r = inspect_ok(b.image(), o);
  const ThreadReport& t = r.threads.at(0);
  EXPECT_EQ(t.native.size(), 3u);
  EXPECT_EQ(names(t.merged), "pg::binary_op pg::eval_frame inner outer <module> main");
  EXPECT_TRUE(t.warnings.empty());
}

// ---------------------------------------------------------------- C API

namespace {
int read_cb(void* ctx, uint64_t addr, void* buf, uint64_t len) {
  return static_cast<MemoryImage*>(ctx)->read(addr, buf, len) ? 0 : -1;
}
uint64_t sym_cb(void* ctx, const char* name) {
  return static_cast<MemoryImage*>(ctx)->find_symbol(name);
}
std::string take(char* s) {
  std::string out = s ? s : "<null>";
  pgi_free(s);
  return out;
}
}  // namespace

TEST(InspCApi, BacktraceMatchesTheFormatter) {
  ImageBuilder b;
  App a = build_app(b);
  b.finish();
  MemoryImage& img = b.image();
  std::string text = take(pgi_backtrace(read_cb, sym_cb, &img, 0, 0));
  EXPECT_EQ(text,
            "Process ? (pyglass 0.1.0), the debugged process\n"
            "Thread 4242 \"MainThread\" (running) [holds the GIL]:\n"
            "  File \"/abs/app.py\", line 12, in inner\n"
            "  File \"/abs/app.py\", line 20, in outer\n"
            "  File \"/abs/app.py\", line 25, in <module>\n");
  std::string no_header = take(pgi_backtrace(read_cb, sym_cb, &img, 0, PGI_NO_HEADER | PGI_LOCALS));
  EXPECT_EQ(no_header.rfind("Thread 4242", 0), 0u);
  EXPECT_NE(no_header.find("      data = [1, 2]\n"), std::string::npos);
  auto doc = nlohmann::json::parse(take(pgi_backtrace(read_cb, sym_cb, &img, 4242, PGI_JSON)));
  EXPECT_EQ(doc["threads"][0]["frames"][0]["function"], "inner");
  EXPECT_EQ(take(pgi_backtrace(read_cb, sym_cb, &img, 7, 0)).rfind("error: no thread 7", 0), 0u);
  (void)a;
}

TEST(InspCApi, ErrorsStartWithError) {
  MemoryImage empty;
  std::string s = take(pgi_backtrace(read_cb, sym_cb, &empty, 0, 0));
  EXPECT_EQ(s.rfind("error: no pyglass debug table", 0), 0u) << s;
  EXPECT_EQ(take(pgi_render_value(read_cb, sym_cb, &empty, 3)).rfind("error: ", 0), 0u);
  EXPECT_EQ(take(pgi_backtrace(nullptr, nullptr, nullptr, 0, 0)).rfind("error: ", 0), 0u);
}

TEST(InspCApi, FramesJsonHasAddressesLocalsAndGlobals) {
  ImageBuilder b;
  App a = build_app(b);
  b.finish();
  auto doc = nlohmann::json::parse(take(pgi_frames_json(read_cb, sym_cb, &b.image(), 0)));
  const auto& frames = doc["threads"][0]["frames"];
  ASSERT_EQ(frames.size(), 3u);
  EXPECT_EQ(frames[0]["address"].get<uint64_t>(), a.inner_frame);
  EXPECT_EQ(frames[0]["globals"].get<uint64_t>(), a.globals);
  EXPECT_EQ(frames[0]["code"].get<uint64_t>(), a.inner_code);
  EXPECT_EQ(frames[0]["locals"][0]["name"], "data");
  EXPECT_EQ(frames[2]["shim"].get<uint64_t>(), a.shim);
  EXPECT_EQ(doc["vm_version"], "pyglass 0.1.0");
}

TEST(InspCApi, LookupNameLocalGlobalBuiltinNotFound) {
  ImageBuilder b;
  App a = build_app(b);
  b.finish();
  MemoryImage* img = &b.image();
  auto lookup = [&](uint64_t frame, const char* name) {
    return take(pgi_lookup_name(read_cb, sym_cb, img, frame, name));
  };
  EXPECT_EQ(lookup(a.inner_frame, "data"), "local 'data' = [1, 2]");
  EXPECT_EQ(lookup(a.inner_frame, "unbound"), "local 'unbound' is unbound");
  EXPECT_EQ(lookup(a.inner_frame, "__name__"), "global '__name__' = '__main__'");
  EXPECT_EQ(lookup(a.inner_frame, "outer").rfind("global 'outer' = <function outer at 0x", 0), 0u);
  EXPECT_EQ(lookup(a.inner_frame, "len").rfind("builtin 'len' = <function len at 0x", 0), 0u);
  EXPECT_EQ(lookup(a.inner_frame, "nope"), "'nope' not found");
  EXPECT_EQ(lookup(a.module_frame, "__name__"), "global '__name__' = '__main__'");
  EXPECT_EQ(lookup(0xdead0000, "x"), "error: frame at 0xdead0000 unreadable");
}

TEST(InspCApi, RenderValue) {
  ImageBuilder b;
  uint64_t l = b.list({b.small_int(1), b.str("a")});
  b.finish();
  EXPECT_EQ(take(pgi_render_value(read_cb, sym_cb, &b.image(), l)), "[1, 'a']");
  EXPECT_EQ(take(pgi_render_value(read_cb, sym_cb, &b.image(), b.small_int(-5))), "-5");
}
