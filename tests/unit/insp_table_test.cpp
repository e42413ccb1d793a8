// Locating and validating the debug table (inspector/debug_table.h), and the
// remote read layer under it (inspector/remote.h), over synthetic images.
#include <gtest/gtest.h>

#include <cstring>

#include "inspector/debug_table.h"
#include "inspector/inspect.h"
#include "inspector/memory_image.h"
#include "inspector/remote.h"

using namespace pgi;

namespace {

std::string error_of(ImageBuilder& b) {
  LocateResult r = locate_debug_table(b.image());
  EXPECT_FALSE(r.table.has_value());
  return r.error ? r.error->message : "";
}

}  // namespace

TEST(InspTable, FoundBySymbol) {
  ImageBuilder b;
  b.finish();
  LocateResult r = locate_debug_table(b.image());
  ASSERT_TRUE(r.table) << r.error->message;
  EXPECT_TRUE(r.table->by_symbol);
  EXPECT_EQ(r.table->address, ImageBuilder::kTableAddr);
  EXPECT_EQ(r.table->version(), "1." + std::to_string(PG_DEBUG_MINOR));
  EXPECT_EQ(r.table->vm_version(), "pyglass 0.1.0");
}

TEST(InspTable, FoundByCookieScanWithoutSymbol) {
  ImageBuilder b;
  // A stray, misaligned copy of the cookie in the heap must not confuse the scan.
  uint64_t stray = b.alloc(64) + 3;
  b.image().write(stray, PG_DEBUG_COOKIE, PG_DEBUG_COOKIE_SIZE);
  b.finish(/*export_symbol=*/false);
  LocateResult r = locate_debug_table(b.image());
  ASSERT_TRUE(r.table) << r.error->message;
  EXPECT_FALSE(r.table->by_symbol);
  EXPECT_EQ(r.table->address, ImageBuilder::kTableAddr);
}

TEST(InspTable, ScanSkipsACookieThatIsNotAtItsOwnAddress) {
  ImageBuilder b;
  b.finish(false);
  // An aligned copy of the whole table elsewhere (e.g. a heap copy): its
  // table_address names the real one, so it is skipped and the real one found.
  uint64_t copy = b.alloc(sizeof(PgDebugTable));
  b.image().write(copy, &b.table(), sizeof(PgDebugTable));
  LocateResult r = locate_debug_table(b.image());
  ASSERT_TRUE(r.table);
  EXPECT_EQ(r.table->address, ImageBuilder::kTableAddr);
}

TEST(InspTable, ScanFindsACookieAcrossChunkBoundaries) {
  ImageBuilder b;
  b.finish(false);
  LocateOptions o;
  o.scan_chunk = 4096;  // the table straddles no boundary at 4 KiB alignment;
  // make it straddle one: move the table so the cookie crosses a chunk edge.
  b.image().unmap(ImageBuilder::kTableAddr);
  uint64_t at = 0x600000000000 + 4096 - 8;
  b.image().map(0x600000000000, 3 * 4096, "straddle");
  PgDebugTable t = b.table();
  t.table_address = at;
  b.image().write(at, &t, sizeof t);
  LocateResult r = locate_debug_table(b.image(), o);
  ASSERT_TRUE(r.table) << (r.error ? r.error->message : "");
  EXPECT_EQ(r.table->address, at);
}

TEST(InspTable, NoTableIsNotPyglass) {
  MemoryImage img;
  img.map(0x1000, 8192, "anon");
  Result r = inspect(img);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, ErrorKind::NotPyglass);
  EXPECT_EQ(r.error->message,
            "no pyglass debug table in process 123: not a pyglass process (or a build without "
            "the table)");
}

TEST(InspTable, WrongCookieIsNotPyglass) {
  ImageBuilder b;
  b.table().cookie[3] = 'X';
  b.finish();
  Result r = inspect(b.image());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, ErrorKind::NotPyglass);
}

TEST(InspTable, OtherMajorVersionIsRefusedNamingBothVersions) {
  ImageBuilder b;
  b.table().major = 2;
  b.table().minor = 0;
  b.finish();
  LocateResult r = locate_debug_table(b.image());
  ASSERT_FALSE(r.table);
  EXPECT_EQ(r.error->kind, ErrorKind::VersionMismatch);
  EXPECT_EQ(r.error->message,
            "table version 2.0 is not supported by this pyglass-stack (supports 1.x)");
  // The same through the cookie scan.
  ImageBuilder s;
  s.table().major = 2;
  s.finish(false);
  LocateResult rs = locate_debug_table(s.image());
  ASSERT_TRUE(rs.error);
  EXPECT_EQ(rs.error->kind, ErrorKind::VersionMismatch);
}

TEST(InspTable, OffsetBeyondItsStructIsAClearError) {
  ImageBuilder b;
  b.table().frame.previous = b.table().frame.size - 4;  // 8 bytes from size-4
  b.finish();
  std::string msg = error_of(b);
  EXPECT_NE(msg.find("Frame.previous"), std::string::npos) << msg;
  EXPECT_NE(msg.find("lies outside Frame"), std::string::npos) << msg;
}

TEST(InspTable, DictEntryOffsetsAreCheckedAgainstTheEntrySize) {
  ImageBuilder b;
  b.table().dict.entry_value = b.table().dict.entry_size;
  b.finish();
  EXPECT_NE(error_of(b).find("DictEntry.value"), std::string::npos);
}

TEST(InspTable, ThreadNameIsCheckedWithItsOwnSize) {
  ImageBuilder b;
  b.table().thread.name_size = b.table().thread.size;
  b.finish();
  EXPECT_NE(error_of(b).find("ThreadState.name"), std::string::npos);
}

TEST(InspTable, InsaneStructSizeIsRefused) {
  ImageBuilder b;
  b.table().code.size = 1u << 24;
  b.finish();
  EXPECT_NE(error_of(b).find("Code claims a size"), std::string::npos);
}

TEST(InspTable, MissingRequiredFieldIsRefused) {
  ImageBuilder b;
  b.table().frame.previous = PG_FIELD_ABSENT;
  b.finish();
  EXPECT_NE(error_of(b).find("lacks Frame.previous"), std::string::npos);
}

TEST(InspTable, AbsentOptionalFieldIsFine) {
  ImageBuilder b;
  b.table().frame.frame_obj = PG_FIELD_ABSENT;
  b.table().code.argcount = PG_FIELD_ABSENT;
  b.finish();
  EXPECT_TRUE(locate_debug_table(b.image()).table);
}

TEST(InspTable, TableAddressMismatchIsInconsistent) {
  ImageBuilder b;
  b.table().table_address = 0x1234000;
  b.finish();
  std::string msg = error_of(b);
  EXPECT_NE(msg.find("inconsistent"), std::string::npos) << msg;
  EXPECT_NE(msg.find("0x1234000"), std::string::npos) << msg;
}

TEST(InspTable, TooSmallTableIsRefused) {
  ImageBuilder b;
  b.table().table_size = 64;
  b.finish();
  EXPECT_NE(error_of(b).find("table_size 64"), std::string::npos);
}

TEST(InspTable, OlderMinorTreatsMissingTrailingRecordsAsAbsent) {
  ImageBuilder b;
  b.table().table_size = uint32_t(minimum_table_size());
  b.finish();
  LocateResult r = locate_debug_table(b.image());
  ASSERT_TRUE(r.table) << r.error->message;
  const PgDebugTable& t = r.table->t;
  EXPECT_EQ(t.tuple.size, 0u);
  EXPECT_EQ(t.tuple.items, PG_FIELD_ABSENT);
  EXPECT_EQ(t.dict.entry_key, PG_FIELD_ABSENT);
  EXPECT_EQ(t.module.dict, PG_FIELD_ABSENT);
  EXPECT_NE(t.str.data, PG_FIELD_ABSENT);  // within the minimum
}

TEST(InspTable, NewerMinorWithABiggerTableIsAccepted) {
  ImageBuilder b;
  b.table().minor = 7;
  b.table().table_size = sizeof(PgDebugTable) + 64;  // fields this reader does not know
  b.finish();
  LocateResult r = locate_debug_table(b.image());
  ASSERT_TRUE(r.table);
  EXPECT_EQ(r.table->version(), "1.7");
}

TEST(InspTable, ScanLimitIsHonoured) {
  ImageBuilder b;
  b.alloc(4 << 20);  // a big heap before the table in address order
  b.finish(false);
  LocateOptions o;
  o.scan_limit = 1 << 20;
  LocateResult r = locate_debug_table(b.image(), o);
  EXPECT_FALSE(r.table);
  EXPECT_EQ(r.error->kind, ErrorKind::NotPyglass);
}

TEST(InspTable, SpecsCoverEveryRecordOfTheHeader) {
  // Every record of PgDebugTable from `runtime` on is described once, in
  // order; 1.1 put the plain `coroutine_type` address between `module` and
  // the threads' records (only alignment padding around it).
  size_t expected = offsetof(PgDebugTable, runtime);
  for (const StructSpec& s : table_struct_specs()) {
    if (s.record == offsetof(PgDebugTable, thread_wait)) {
      EXPECT_LT(offsetof(PgDebugTable, coroutine_type) - expected, 8u);
      expected = offsetof(PgDebugTable, coroutine_type) + sizeof(uint64_t);
    }
    EXPECT_EQ(s.record, expected) << s.name;
    expected = s.record + s.record_size;
  }
  EXPECT_LE(expected, sizeof(PgDebugTable));
}

TEST(InspRemote, BlockFieldsAreBoundsChecked) {
  Block b(0x1000, std::vector<uint8_t>(16, 0xab));
  EXPECT_TRUE(b.has(8, 8));
  EXPECT_FALSE(b.has(9, 8));
  EXPECT_FALSE(b.has(PG_FIELD_ABSENT, 1));
  EXPECT_EQ(b.get<uint64_t>(12, 7), 7u);
  EXPECT_EQ(b.get<uint8_t>(15), 0xab);
  Block bad;
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.ptr(0), 0u);
}

TEST(InspRemote, PageCacheAvoidsRepeatedTargetReads) {
  ImageBuilder b;
  uint64_t s = b.str("hello");
  b.alloc(8192);  // the heap region spans whole pages around `s`
  b.finish();
  LocateResult r = locate_debug_table(b.image());
  ASSERT_TRUE(r.table);
  Remote remote(b.image(), *r.table);
  uint64_t before = remote.target_reads();
  for (int i = 0; i < 100; ++i) {
    uint64_t v;
    ASSERT_TRUE(remote.read(s + uint64_t(i % 16), &v, 8));
  }
  EXPECT_LE(remote.target_reads() - before, 2u);
  EXPECT_EQ(remote.str_or(s), "hello");
  // Unmapped memory reads fail, cached or not.
  uint64_t v;
  EXPECT_FALSE(remote.read(0xdead0000, &v, 8));
  EXPECT_FALSE(remote.read(0xdead0000, &v, 8));
  EXPECT_FALSE(remote.read(~uint64_t(0) - 3, &v, 8));
}

TEST(InspRemote, CStringStopsAtTheCapAndAtUnmappedMemory) {
  MemoryImage img;
  img.map(0x10000, 16);
  img.write(0x10000, "abcdefghijklmnop", 16);  // no NUL before the end of the mapping
  ImageBuilder b;
  b.finish();
  LocateResult r = locate_debug_table(b.image());
  Remote remote(img, *r.table);
  bool trunc = false;
  auto s = remote.cstring(0x10000, 8, &trunc);
  ASSERT_TRUE(s);
  EXPECT_EQ(*s, "abcdefgh");
  EXPECT_TRUE(trunc);
  EXPECT_FALSE(remote.cstring(0x10000, 100));
}
