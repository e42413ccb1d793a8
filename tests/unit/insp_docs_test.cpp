// docs/frame-layout.md and the inspector's reading of the debug table must
// agree: every field the inspector reads through the table (for Frame,
// ThreadState, StackChunk and Code) is documented, and every documented
// Frame special is exported by the table (or listed below with the reason it
// is not).
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "inspector/debug_table.h"

#ifndef PYGLASS_SOURCE_DIR
#error "tests/CMakeLists.txt defines PYGLASS_SOURCE_DIR for test_inspector"
#endif

using namespace pgi;

namespace {

std::string read_doc() {
  std::ifstream in(std::string(PYGLASS_SOURCE_DIR) + "/docs/frame-layout.md");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The `backticked` names in the first column of the first table after the
// heading that contains `heading`, before the next heading.
std::set<std::string> doc_fields(const std::string& doc, const std::string& heading) {
  std::set<std::string> out;
  std::istringstream in(doc);
  std::string line;
  bool in_section = false, in_table = false, in_code = false;
  int row = 0;
  while (std::getline(in, line)) {
    // Fenced code blocks hold diagrams whose lines may start with '|'.
    if (line.rfind("```", 0) == 0) {
      in_code = !in_code;
      continue;
    }
    if (in_code) continue;
    if (line.rfind("#", 0) == 0) {
      if (in_section) break;
      in_section = line.find(heading) != std::string::npos;
      continue;
    }
    if (!in_section) continue;
    if (line.rfind("|", 0) != 0) {
      if (in_table) break;  // the table ended
      continue;
    }
    in_table = true;
    if (row++ < 2) continue;  // header and separator rows
    std::string cell = line.substr(1, line.find('|', 1) - 1);
    for (size_t a = cell.find('`'); a != std::string::npos; a = cell.find('`', a)) {
      size_t b = cell.find('`', a + 1);
      if (b == std::string::npos) break;
      out.insert(cell.substr(a + 1, b - a - 1));
      a = b + 1;
    }
  }
  return out;
}

std::set<std::string> table_fields(const std::string& struct_name) {
  std::set<std::string> out;
  for (const StructSpec& s : table_struct_specs())
    if (struct_name == s.name)
      for (const FieldSpec& f : s.fields) out.insert(f.name);
  return out;
}

void expect_documented(const std::string& doc, const char* heading, const char* struct_name) {
  std::set<std::string> documented = doc_fields(doc, heading);
  ASSERT_FALSE(documented.empty()) << "no table under a heading containing '" << heading << "'";
  std::set<std::string> exported = table_fields(struct_name);
  ASSERT_FALSE(exported.empty()) << struct_name;
  for (const std::string& f : exported)
    EXPECT_TRUE(documented.count(f)) << struct_name << "." << f
                                     << " is read through the debug table but not documented "
                                        "in docs/frame-layout.md";
}

}  // namespace

TEST(InspDocs, EveryTableFieldIsDocumented) {
  std::string doc = read_doc();
  ASSERT_FALSE(doc.empty()) << "cannot read " PYGLASS_SOURCE_DIR "/docs/frame-layout.md";
  expect_documented(doc, "Frames", "Frame");
  expect_documented(doc, "Thread states", "ThreadState");
  expect_documented(doc, "The data stack", "StackChunk");
  expect_documented(doc, "Code objects", "Code");
}

TEST(InspDocs, EveryDocumentedFrameSpecialIsExported) {
  std::set<std::string> documented = doc_fields(read_doc(), "Frames");
  std::set<std::string> exported = table_fields("Frame");
  // Documented but deliberately not in the table:
  //   reserved : padding.
  //   builtins : the VM keeps it per frame for speed; tools find the same
  //              dict as sys.modules['builtins'].__dict__ (Runtime.modules).
  //   trace_flags : sys.settrace bookkeeping, of no use to the tools.
  const std::set<std::string> not_exported = {"reserved", "builtins", "trace_flags"};
  for (const std::string& f : documented) {
    if (not_exported.count(f)) continue;
    EXPECT_TRUE(exported.count(f)) << "Frame." << f
                                   << " is documented but the debug table does not export it";
  }
  // The parser itself works: the specials table has the fields we expect.
  EXPECT_TRUE(documented.count("instr_ptr"));
  EXPECT_TRUE(documented.count("localsplus"));
}
