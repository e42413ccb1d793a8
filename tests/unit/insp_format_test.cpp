// The one text formatter and the one JSON formatter (inspector/format.h):
// exact text of small reports, and a JSON round trip.
#include <gtest/gtest.h>

#include "inspector/format.h"

using namespace pgi;

namespace {

PyFrame frame(const char* fn, int line, const char* source) {
  PyFrame f;
  f.function = fn;
  f.qualname = fn;
  f.filename = "/abs/app.py";
  f.line = line;
  f.source = source;
  return f;
}

// The report of the crash example in the inspector's brief.
ProcessReport crash_report() {
  ProcessReport r;
  r.pid = 4242;
  r.source = "core file ./core";
  r.vm_version = "pyglass 0.1.0";
  CrashInfo c;
  c.signal = 11;
  c.signal_name = "SIGSEGV";
  c.code = 1;
  c.has_fault_address = true;
  c.fault_address = 0;
  c.tid = 4242;
  r.crash = c;
  ThreadReport t;
  t.tid = 4242;
  t.name = "MainThread";
  t.state = "running";
  t.is_crashing = true;
  t.frames = {frame("inner", 12, "return data[0] / scale"), frame("outer", 20, "inner(x)"),
              frame("<module>", 25, "outer(3)")};
  t.frames[2].is_entry = true;
  t.exception = "ZeroDivisionError: division by zero";
  r.threads.push_back(t);
  return r;
}

}  // namespace

TEST(InspFormat, CrashReportText) {
  EXPECT_EQ(format_text(crash_report()),
            "Process 4242 (pyglass 0.1.0), core file ./core\n"
            "Crash: SIGSEGV (fault address 0x0) in thread 4242\n"
            "Thread 4242 \"MainThread\" (running, crashed):\n"
            "  File \"/abs/app.py\", line 12, in inner\n"
            "    return data[0] / scale\n"
            "  File \"/abs/app.py\", line 20, in outer\n"
            "    inner(x)\n"
            "  File \"/abs/app.py\", line 25, in <module>\n"
            "    outer(3)\n"
            "  Exception in flight: ZeroDivisionError: division by zero\n");
  EXPECT_EQ(format_text(crash_report(), /*header=*/false).substr(0, 6), "Crash:");
}

TEST(InspFormat, LiveProcessHeaderDoesNotRepeatThePid) {
  ProcessReport r;
  r.pid = 77;
  r.source = "process 77";
  r.vm_version = "pyglass 0.1.0";
  ThreadReport t;
  t.tid = 77;
  t.name = "MainThread";
  t.state = "idle";
  r.threads.push_back(t);
  EXPECT_EQ(format_text(r),
            "Process 77 (pyglass 0.1.0)\n"
            "Thread 77 \"MainThread\" (idle):\n"
            "  (no Python frames)\n");
}

TEST(InspFormat, LocalsNativeMergeUnknownThreadsWarningsAndErrors) {
  ProcessReport r;
  r.pid = 5;
  r.source = "process 5";
  r.vm_version = "pyglass 0.1.0";
  CrashInfo c;
  c.signal = 6;
  c.signal_name = "SIGABRT";
  c.tid = 6;
  r.crash = c;
  ThreadReport t;
  t.tid = 5;
  t.name = "MainThread";
  t.state = "running";
  PyFrame f = frame("inner", 12, "return data[0] / scale");
  f.locals = {{"data", "[1, 2]", true}, {"tmp", "'x'", false}};
  PyFrame bad;
  bad.function = bad.qualname = bad.filename = "???";
  bad.error = "frame at 0xdead0000 unreadable";
  NativeFrame eval;
  eval.pc = 0x5555555a1234;
  eval.symbol = "pg::eval_frame(pg::ThreadState*, pg::Frame*)";
  eval.module = "/work/build/runtime/pyglass";
  NativeFrame unknown;
  unknown.pc = 0x7f0000001000;
  MergedFrame m1, m2, m3, m4;
  m1.native = unknown;
  m2.native = eval;
  m3.is_python = true;
  m3.python = f;
  m4.is_python = true;
  m4.python = bad;
  t.merged = {m1, m2, m3, m4};
  t.warnings = {"frame chain truncated: frame at 0xdead0000 unreadable"};
  r.threads.push_back(t);
  ThreadReport w;
  w.tid = 6;
  w.name = "worker";
  w.known_to_vm = false;
  w.is_crashing = true;
  NativeFrame poll;
  poll.pc = 0x7f0000002000;
  poll.symbol = "poll";
  poll.module = "libc.so.6";
  w.native = {poll};
  r.threads.push_back(w);
  ThreadReport quiet;
  quiet.tid = 7;
  quiet.name = "other";
  quiet.known_to_vm = false;
  r.threads.push_back(quiet);
  r.warnings = {"thread list truncated at 0x1000 (cycle)"};
  EXPECT_EQ(format_text(r),
            "Process 5 (pyglass 0.1.0)\n"
            "Crash: SIGABRT in thread 6\n"
            "Thread 5 \"MainThread\" (running):\n"
            "  Native 0x00007f0000001000 in ??\n"
            "  Native 0x00005555555a1234 in pg::eval_frame(pg::ThreadState*, pg::Frame*) (pyglass)\n"
            "  File \"/abs/app.py\", line 12, in inner\n"
            "    return data[0] / scale\n"
            "      data = [1, 2]\n"
            "      tmp = 'x'\n"
            "  File \"???\", line ?, in ???\n"
            "    [error] frame at 0xdead0000 unreadable\n"
            "  [warning] frame chain truncated: frame at 0xdead0000 unreadable\n"
            "\n"
            "Thread 6 \"worker\" (not a pyglass thread, crashed)\n"
            "  Native 0x00007f0000002000 in poll (libc.so.6)\n"
            "\n"
            "Thread 7 \"other\" (not a pyglass thread)\n"
            "\n"
            "[warning] thread list truncated at 0x1000 (cycle)\n");
}

TEST(InspFormat, FrameAndSourceLinesAreThePublicBuildingBlocks) {
  PyFrame f = frame("inner", 12, "return 1");
  EXPECT_EQ(format_frame_line(f), "  File \"/abs/app.py\", line 12, in inner");
  EXPECT_EQ(format_source_line(f), "    return 1");
  f.source.clear();
  EXPECT_EQ(format_source_line(f), "");
  f.line = 0;
  EXPECT_EQ(format_frame_line(f), "  File \"/abs/app.py\", line ?, in inner");
  EXPECT_EQ(format_local_line({"x", "1", true}), "      x = 1");
}

TEST(InspFormat, JsonRoundTrip) {
  ProcessReport r = crash_report();
  r.threads[0].frames[0].locals = {{"data", "[1, 2]", true}};
  r.threads[0].frames[0].address = 0x7f0012345678;
  r.threads[0].warnings = {"w1"};
  NativeFrame n;
  n.pc = 0xffffffffff600000;  // needs all 64 bits
  n.sp = 0x7ffd0000;
  n.cfa = 0x7ffd0100;
  n.symbol = "main";
  n.module = "/bin/x";
  n.offset = 12;
  r.threads[0].native = {n};
  MergedFrame mn, mp;
  mn.native = n;
  mp.is_python = true;
  mp.python = r.threads[0].frames[1];
  r.threads[0].merged = {mn, mp};
  ThreadReport other;
  other.tid = 9;
  other.known_to_vm = false;
  r.threads.push_back(other);
  r.warnings = {"process warning"};

  std::string json = format_json(r);
  nlohmann::json doc = nlohmann::json::parse(json);
  EXPECT_EQ(doc["pid"], 4242);
  EXPECT_EQ(doc["crash"]["signal_name"], "SIGSEGV");
  EXPECT_EQ(doc["crash"]["fault_address"], 0);
  EXPECT_EQ(doc["threads"][0]["frames"][0]["locals"][0]["is_argument"], true);
  EXPECT_EQ(doc["threads"][0]["merged"][0]["kind"], "native");
  EXPECT_EQ(doc["threads"][0]["merged"][1]["kind"], "python");
  EXPECT_EQ(doc["threads"][0]["native"][0]["pc"].get<uint64_t>(), 0xffffffffff600000);

  ProcessReport back = report_from_json(doc);
  EXPECT_EQ(format_json(back), json);
  EXPECT_EQ(format_text(back), format_text(r));
  EXPECT_EQ(back.threads[0].merged[1].python.function, "outer");

  // No crash: null, and a fault address that is not meaningful: null.
  r.crash->has_fault_address = false;
  EXPECT_TRUE(to_json(r)["crash"]["fault_address"].is_null());
  r.crash.reset();
  EXPECT_TRUE(to_json(r)["crash"].is_null());
  EXPECT_FALSE(report_from_json(to_json(r)).crash.has_value());
}

TEST(InspFormat, InvalidUtf8NeverBreaksJson) {
  ProcessReport r = crash_report();
  r.threads[0].name = "bad\xff\xfe";
  std::string json = format_json(r);
  EXPECT_NO_THROW(nlohmann::json::parse(json));
}
