// ELF files on disk, as the targets need them: the build-id (to check that
// a core belongs to an executable), symbol tables (to find the debug table
// by name and to name native frames without debug info), and the file's
// bytes (a core leaves read-only file-backed pages out; they are read from
// the file instead).
//
// Only 64-bit little-endian ELF (x86-64) is understood; anything else is
// "not an ELF file we can read". Parsing is by hand on a read-only mmap with
// every offset bounds-checked, so a corrupt or truncated file gives an error
// or fewer symbols, never a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <elf.h>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inspector/target.h"

namespace pgi {

// "_ZN2pg10eval_frameEPNS_11ThreadStateEPNS_5FrameE" -> "pg::eval_frame(pg::ThreadState*, pg::Frame*)";
// names that are not mangled C++ come back unchanged.
std::string demangle(const std::string& name);

// Lower-case hex of a byte string ("92dd5a71...").
std::string hex_string(const std::vector<uint8_t>& bytes);

// Last path component ("/usr/lib/libc.so.6" -> "libc.so.6").
std::string path_basename(const std::string& path);

// The GNU build-id (NT_GNU_BUILD_ID, owner "GNU") in a buffer of ELF notes
// (a PT_NOTE segment or SHT_NOTE section, 4-byte aligned entries); empty
// if there is none or the notes are malformed.
std::vector<uint8_t> build_id_from_notes(const uint8_t* notes, size_t size);

// The build-id of an ELF image as it is mapped in some address space
// (a process or a core): `map_start` is where file offset 0 is mapped and
// `map_size` the length of that mapping. Reads the ELF header, the program
// headers and the PT_NOTE segments through `read`. Empty if any of it is
// unreadable (e.g. a core without the executable's first page).
using ReadMemoryFn = std::function<bool(uint64_t addr, void* buf, size_t len)>;
std::vector<uint8_t> build_id_from_image(const ReadMemoryFn& read, uint64_t map_start,
                                         uint64_t map_size);

// A symbol lookup result: the symbol's demangled name and the distance of
// the address from the symbol's start.
struct SymbolMatch {
  std::string name;
  uint64_t offset = 0;
};

// One ELF file, parsed once and shared (see open()). Addresses here are
// link-time virtual addresses (st_value, p_vaddr); a mapped copy is at
// address + bias, see bias_for_mapping().
class ElfFile {
 public:
  // Opens and parses `path`, or returns the cached ElfFile of the same file
  // (same device, inode, size and mtime: a rebuilt binary is parsed again).
  // On failure returns null and says why in *error (if given).
  static std::shared_ptr<const ElfFile> open(const std::string& path, std::string* error = nullptr);

  ~ElfFile();
  ElfFile(const ElfFile&) = delete;
  ElfFile& operator=(const ElfFile&) = delete;

  const std::string& path() const { return path_; }
  uint16_t elf_type() const { return elf_type_; }  // ET_EXEC, ET_DYN, ...
  uint64_t entry() const { return entry_; }         // e_entry
  const std::vector<uint8_t>& build_id() const { return build_id_; }  // empty if none
  uint64_t file_size() const { return size_; }

  // Link-time address of a defined (non-TLS) symbol of .dynsym or .symtab,
  // by its mangled name; nullopt if absent.
  std::optional<uint64_t> symbol_address(std::string_view name) const;

  // The function or object covering `vaddr`: a sized symbol whose
  // [value, value + size) contains it, else the closest preceding
  // zero-sized symbol (hand-written assembly). nullopt if none.
  std::optional<SymbolMatch> symbolize(uint64_t vaddr) const;

  // The load bias of a mapping of this file that starts at `map_start` and
  // maps file offset `file_offset` (as in /proc/PID/maps or NT_FILE):
  // map_start - (link-time address of that offset). nullopt if no PT_LOAD
  // segment holds that offset.
  std::optional<uint64_t> bias_for_mapping(uint64_t map_start, uint64_t file_offset) const;

  // Copies file bytes [offset, offset + len); false if beyond the end.
  bool read_file(uint64_t offset, void* buf, size_t len) const;

 private:
  struct Symbol {
    uint64_t value = 0;
    uint64_t size = 0;
    uint32_t name_offset = 0;  // into names_
    uint8_t rank = 0;          // preference among aliases; lower is better
  };
  struct LoadSegment {
    uint64_t vaddr = 0, offset = 0, filesz = 0;
  };

  ElfFile() = default;
  bool parse(std::string* error);
  // Adds the defined symbols of one SHT_SYMTAB/SHT_DYNSYM section.
  void read_symbol_table(const Elf64_Shdr& table, const Elf64_Shdr& strings);
  const char* name_of(const Symbol& s) const { return names_.data() + s.name_offset; }

  std::string path_;
  const uint8_t* data_ = nullptr;  // read-only mmap of the whole file
  size_t size_ = 0;
  uint16_t elf_type_ = 0;
  uint64_t entry_ = 0;
  std::vector<uint8_t> build_id_;
  std::vector<LoadSegment> loads_;
  std::vector<char> names_;         // NUL-terminated symbol names, copied once
  std::vector<Symbol> by_address_;  // sorted by value, then rank
  std::vector<uint32_t> by_name_;   // indexes into by_address_, sorted by name
};

// The separate debug file of `file` found by its build-id
// (/usr/lib/debug/.build-id/ab/cdef....debug, as installed by -dbg/-dbgsym
// packages), or null. Its symbol table covers the local functions a
// stripped library's .dynsym lacks; addresses are the same link-time ones.
std::shared_ptr<const ElfFile> separate_debug_file(const ElfFile& file);

// A file-backed mapping of an address space.
//   path      : the name to show (as the process saw it).
//   open_path : where to open it from here ("/proc/PID/root/..." for a live
//               process in another mount namespace, or the user's --exe for
//               a core's main executable); defaults to path when empty.
struct FileMapping {
  uint64_t start = 0;
  uint64_t end = 0;  // exclusive
  uint64_t file_offset = 0;
  std::string path;
  std::string open_path;
};

// The ELF objects of an address space, for naming native frames without
// debug info. ELF files are opened lazily, the first time an address in
// them is symbolized.
class ModuleMap {
 public:
  ModuleMap() = default;
  explicit ModuleMap(std::vector<FileMapping> mappings);

  // Fills frame.symbol, frame.offset and frame.module from frame.pc. A pc in
  // a known file without a covering symbol gets symbol "libfoo.so+0x1234"
  // (the link-time address, usable with addr2line) and offset 0; a pc in no
  // file gets symbol "" and module "".
  void symbolize(NativeFrame& frame) const;

  // The mapping containing addr, or null.
  const FileMapping* mapping_at(uint64_t addr) const;

  const std::vector<FileMapping>& mappings() const { return mappings_; }

 private:
  // The ELF file behind a mapping (null if unreadable), opened once.
  const ElfFile* elf_of(const FileMapping& m) const;

  std::vector<FileMapping> mappings_;  // sorted by start
  // By open_path. A ModuleMap is used by one thread (its target's).
  mutable std::map<std::string, std::shared_ptr<const ElfFile>> files_;
};

}  // namespace pgi
