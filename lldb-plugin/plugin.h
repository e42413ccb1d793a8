// Shared pieces of the LLDB plugin: the command registration
// (commands.cpp) and the value renderers (values.cpp). See README.md.
#pragma once

#include <lldb/API/LLDB.h>

#include <cstdint>
#include <string>

#include "lldb-plugin/lldb_target.h"

namespace pglldb {

// Registers py-bt, py-bt-full, py-list, py-up, py-down, py-print,
// py-locals, py-threads and py-value.
void register_commands(lldb::SBDebugger debugger);
// Registers the "pyglass" type category: summaries of pg::Value and of
// pointers to the core object types.
void register_summaries(lldb::SBDebugger debugger);

// The inspector's C API over an LldbTarget (ctx = the LldbTarget*): the
// same name lookup and value renderer the gdb extension calls.
int read_callback(void* ctx, uint64_t addr, void* buf, uint64_t len);
uint64_t symbol_callback(void* ctx, const char* name);
// The C API's string, released; "error: ..." on failure.
std::string take(char* s);

// One line for a failed locate/inspect, worded as the gdb extension does.
std::string error_text(LldbTarget& target, const pgi::InspectError& error);

// The safe repr of a raw Value in the process behind `target`, cut at
// `max_chars` ("error: ..." when the process is not pyglass).
std::string render_value(LldbTarget& target, uint64_t value_bits, size_t max_chars);
// py-value and py-print show more of a value than a backtrace line (as the
// inspector's C API does for the gdb extension).
constexpr size_t kValueReprCap = 1000;

}  // namespace pglldb
