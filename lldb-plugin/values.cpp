// Values of the VM as Python reprs: the type summaries LLDB shows in
// `frame variable` / `expression` (Debug builds: they need the types of
// pg::Value and friends from debug info), and the renderer behind
// `py-value` (any build). Both go through the inspector's renderer.
#include <fmt/format.h>

#include <cstdlib>
#include <string>

#include "inspector/c_api.h"
#include "inspector/debug_table.h"
#include "inspector/remote.h"
#include "inspector/render.h"
#include "lldb-plugin/plugin.h"

namespace pglldb {

int read_callback(void* ctx, uint64_t addr, void* buf, uint64_t len) {
  return static_cast<LldbTarget*>(ctx)->read(addr, buf, size_t(len)) ? 0 : -1;
}

uint64_t symbol_callback(void* ctx, const char* name) {
  return static_cast<LldbTarget*>(ctx)->find_symbol(name ? name : "");
}

std::string take(char* s) {
  if (!s) return "error: out of memory";
  std::string out(s);
  pgi_free(s);
  return out;
}

std::string error_text(LldbTarget& target, const pgi::InspectError& error) {
  if (error.kind != pgi::ErrorKind::NotPyglass) return error.message;
  if (target.is_core() && !target.sb_target().GetExecutable().IsValid())
    return "no executable: load the pyglass binary with the core (lldb PYGLASS -c CORE)";
  if (uint64_t section = target.debug_section_address())
    return fmt::format(
        "no valid pyglass debug table at {:#x}, where the executable's .pyglass_debug section "
        "is: is this the executable that runs the process or wrote the core (same build)?",
        section);
  return "not a pyglass process (no debug table)";
}

std::string render_value(LldbTarget& target, uint64_t value_bits, size_t max_chars) {
  // The renderer itself rather than pgi_render_value(): the error then
  // names this target ("process 1234", "core file ...").
  pgi::LocateResult located = pgi::locate_debug_table(target);
  if (!located.table) return "error: " + error_text(target, *located.error);
  pgi::Remote remote(target, *located.table);
  pgi::RenderOptions options;
  options.max_chars = max_chars;
  return pgi::Renderer(remote, options).render(value_bits);
}

namespace {

// Summary of a pg::Value (a struct of one uint64 `bits`) or of a pointer to
// an object: the repr, "0x0" for null; no summary (LLDB's default display)
// when the value itself cannot be read or the process is not pyglass.
bool summarize(lldb::SBValue value, lldb::SBTypeSummaryOptions, lldb::SBStream& stream) {
  try {
    lldb::SBProcess process = value.GetProcess();
    lldb::SBTarget target = value.GetTarget();
    if (!process.IsValid() || !target.IsValid()) return false;
    uint64_t bits = 0;
    lldb::SBError error;
    if (value.GetType().IsPointerType()) {
      bits = value.GetValueAsUnsigned(error, 0);
    } else {
      lldb::SBData data = value.GetData();
      if (!data.IsValid() || data.GetByteSize() < 8) return false;
      bits = data.GetUnsignedInt64(error, 0);
    }
    if (error.Fail()) return false;
    if (bits == 0) {
      stream.Printf("0x0");
      return true;
    }
    LldbTarget t(target, process);
    // One line among many in `frame variable`: capped like a local in a
    // backtrace (RenderOptions' default), not like py-value.
    std::string repr = render_value(t, bits, pgi::RenderOptions().max_chars);
    if (repr.starts_with("error: ")) return false;
    stream.Printf("%s", repr.c_str());
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace

void register_summaries(lldb::SBDebugger debugger) {
  lldb::SBTypeCategory category = debugger.GetCategory("pyglass");
  if (!category.IsValid()) category = debugger.CreateCategory("pyglass");
  if (!category.IsValid()) return;
  // A Value summary must not apply to Value* (a pointer to a slot, not an
  // object); the pointer types are listed one by one instead. The one
  // child of a Value (`bits`) is hidden: `frame variable -R` shows it.
  category.AddTypeSummary(
      lldb::SBTypeNameSpecifier("pg::Value", false),
      lldb::SBTypeSummary::CreateWithCallback(
          summarize,
          lldb::eTypeOptionCascade | lldb::eTypeOptionSkipPointers | lldb::eTypeOptionHideChildren,
          "pyglass: the Python repr of a Value"));
  for (const char* type : {"pg::Object *", "pg::Str *", "pg::List *", "pg::Dict *",
                           "pg::Tuple *"}) {
    category.AddTypeSummary(
        lldb::SBTypeNameSpecifier(type, false),
        lldb::SBTypeSummary::CreateWithCallback(summarize, lldb::eTypeOptionCascade,
                                                "pyglass: the Python repr of an object"));
  }
  category.SetEnabled(true);
}

}  // namespace pglldb
