// ELF files on disk: build-ids, symbol tables, file bytes (see elf_util.h).
#include "inspector/elf_util.h"

#include <cxxabi.h>
#include <elf.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <tuple>

namespace pgi {
namespace {

constexpr uint64_t kPageSize = 4096;
// Upper bound for a note segment we read out of a target's memory: a real
// one is a few hundred bytes; a garbage header must not make us read MiBs.
constexpr uint64_t kMaxImageNotes = 64 * 1024;

uint64_t page_down(uint64_t v) { return v & ~(kPageSize - 1); }
uint64_t align4(uint64_t v) { return (v + 3) & ~uint64_t(3); }

// Whether [off, off + len) lies inside a buffer of `size` bytes, without
// overflowing.
bool in_bounds(uint64_t off, uint64_t len, uint64_t size) {
  return off <= size && len <= size - off;
}

bool valid_elf64_header(const Elf64_Ehdr& eh) {
  return std::memcmp(eh.e_ident, ELFMAG, SELFMAG) == 0 && eh.e_ident[EI_CLASS] == ELFCLASS64 &&
         eh.e_ident[EI_DATA] == ELFDATA2LSB;
}

// Identity of a file for the cache: the same path may name a rebuilt file.
using FileKey = std::tuple<dev_t, ino_t, off_t, int64_t, int64_t>;

struct ElfCache {
  std::mutex mutex;
  std::map<FileKey, std::shared_ptr<const ElfFile>> files;
};

ElfCache& elf_cache() {
  static ElfCache* cache = new ElfCache();  // never destroyed: used from atexit paths too
  return *cache;
}

}  // namespace

// ---------------------------------------------------------------------------
// Small helpers

std::string demangle(const std::string& name) {
  if (name.size() < 2 || name[0] != '_' || name[1] != 'Z') return name;
  int status = 0;
  char* out = abi::__cxa_demangle(name.c_str(), nullptr, nullptr, &status);
  if (status != 0 || out == nullptr) {
    std::free(out);
    return name;
  }
  std::string result(out);
  std::free(out);
  return result;
}

std::string hex_string(const std::vector<uint8_t>& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string s;
  s.reserve(bytes.size() * 2);
  for (uint8_t b : bytes) {
    s.push_back(kDigits[b >> 4]);
    s.push_back(kDigits[b & 15]);
  }
  return s;
}

std::string path_basename(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::vector<uint8_t> build_id_from_notes(const uint8_t* notes, size_t size) {
  uint64_t pos = 0;
  while (in_bounds(pos, sizeof(Elf64_Nhdr), size)) {
    Elf64_Nhdr nh;
    std::memcpy(&nh, notes + pos, sizeof nh);
    uint64_t name_pos = pos + sizeof nh;
    uint64_t desc_pos = name_pos + align4(nh.n_namesz);
    uint64_t next = desc_pos + align4(nh.n_descsz);
    if (!in_bounds(name_pos, nh.n_namesz, size) || !in_bounds(desc_pos, nh.n_descsz, size)) break;
    if (nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4 &&
        std::memcmp(notes + name_pos, "GNU", 4) == 0 && nh.n_descsz > 0) {
      return std::vector<uint8_t>(notes + desc_pos, notes + desc_pos + nh.n_descsz);
    }
    pos = next;
  }
  return {};
}

std::vector<uint8_t> build_id_from_image(const ReadMemoryFn& read, uint64_t map_start,
                                         uint64_t map_size) {
  Elf64_Ehdr eh;
  if (!read(map_start, &eh, sizeof eh) || !valid_elf64_header(eh)) return {};
  if (eh.e_phentsize != sizeof(Elf64_Phdr) || eh.e_phnum == 0 || eh.e_phnum > 256) return {};
  uint64_t ph_bytes = uint64_t(eh.e_phnum) * sizeof(Elf64_Phdr);
  if (!in_bounds(eh.e_phoff, ph_bytes, map_size)) return {};
  std::vector<Elf64_Phdr> phdrs(eh.e_phnum);
  if (!read(map_start + eh.e_phoff, phdrs.data(), ph_bytes)) return {};
  for (const Elf64_Phdr& ph : phdrs) {
    if (ph.p_type != PT_NOTE || ph.p_filesz == 0 || ph.p_filesz > kMaxImageNotes) continue;
    // The mapping of file offset 0 holds file offset X at map_start + X.
    if (!in_bounds(ph.p_offset, ph.p_filesz, map_size)) continue;
    std::vector<uint8_t> notes(ph.p_filesz);
    if (!read(map_start + ph.p_offset, notes.data(), notes.size())) continue;
    std::vector<uint8_t> id = build_id_from_notes(notes.data(), notes.size());
    if (!id.empty()) return id;
  }
  return {};
}

// ---------------------------------------------------------------------------
// ElfFile

std::shared_ptr<const ElfFile> ElfFile::open(const std::string& path, std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (error) *error = path + ": " + std::strerror(errno);
    return nullptr;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    if (error) *error = path + ": not a regular file";
    ::close(fd);
    return nullptr;
  }
  FileKey key{st.st_dev, st.st_ino, st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec};
  ElfCache& cache = elf_cache();
  {
    std::lock_guard<std::mutex> lock(cache.mutex);
    auto it = cache.files.find(key);
    if (it != cache.files.end()) {
      ::close(fd);
      return it->second;
    }
  }
  std::shared_ptr<ElfFile> file(new ElfFile());
  file->path_ = path;
  file->size_ = size_t(st.st_size);
  if (file->size_ > 0) {
    void* p = mmap(nullptr, file->size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) file->data_ = static_cast<const uint8_t*>(p);
  }
  ::close(fd);  // the mapping keeps the file alive
  if (file->data_ == nullptr) {
    if (error) *error = path + ": cannot map the file";
    return nullptr;
  }
  if (!file->parse(error)) return nullptr;
  std::lock_guard<std::mutex> lock(cache.mutex);
  auto [it, inserted] = cache.files.emplace(key, file);
  return it->second;  // another thread may have parsed it first: share theirs
}

ElfFile::~ElfFile() {
  if (data_ != nullptr) munmap(const_cast<uint8_t*>(data_), size_);
}

bool ElfFile::parse(std::string* error) {
  Elf64_Ehdr eh;
  if (size_ < sizeof eh) {
    if (error) *error = path_ + ": not an ELF file (too short)";
    return false;
  }
  std::memcpy(&eh, data_, sizeof eh);
  if (!valid_elf64_header(eh)) {
    if (error) *error = path_ + ": not a 64-bit little-endian ELF file";
    return false;
  }
  elf_type_ = eh.e_type;
  entry_ = eh.e_entry;

  // Program headers: load segments (for biases) and notes (for the build-id).
  if (eh.e_phentsize == sizeof(Elf64_Phdr) &&
      in_bounds(eh.e_phoff, uint64_t(eh.e_phnum) * sizeof(Elf64_Phdr), size_)) {
    for (unsigned i = 0; i < eh.e_phnum; i++) {
      Elf64_Phdr ph;
      std::memcpy(&ph, data_ + eh.e_phoff + i * sizeof ph, sizeof ph);
      if (ph.p_type == PT_LOAD) {
        loads_.push_back({ph.p_vaddr, ph.p_offset, ph.p_filesz});
      } else if (ph.p_type == PT_NOTE && build_id_.empty() &&
                 in_bounds(ph.p_offset, ph.p_filesz, size_)) {
        build_id_ = build_id_from_notes(data_ + ph.p_offset, ph.p_filesz);
      }
    }
  }

  // Section headers: .dynsym and .symtab (a stripped file has only the former).
  if (eh.e_shentsize == sizeof(Elf64_Shdr) &&
      in_bounds(eh.e_shoff, uint64_t(eh.e_shnum) * sizeof(Elf64_Shdr), size_)) {
    auto shdr = [&](unsigned i) {
      Elf64_Shdr sh;
      std::memcpy(&sh, data_ + eh.e_shoff + i * sizeof sh, sizeof sh);
      return sh;
    };
    for (unsigned i = 0; i < eh.e_shnum; i++) {
      Elf64_Shdr sh = shdr(i);
      if ((sh.sh_type == SHT_DYNSYM || sh.sh_type == SHT_SYMTAB) && sh.sh_link < eh.e_shnum) {
        read_symbol_table(sh, shdr(sh.sh_link));
      }
    }
  }

  // One sorted vector per lookup direction. Aliases (same address) are
  // ordered by rank so the preferred name comes first. A symbol in both
  // .dynsym and .symtab is kept once.
  auto by_value = [this](const Symbol& a, const Symbol& b) {
    if (a.value != b.value) return a.value < b.value;
    if (a.rank != b.rank) return a.rank < b.rank;
    return std::strcmp(name_of(a), name_of(b)) < 0;
  };
  std::sort(by_address_.begin(), by_address_.end(), by_value);
  auto same = [this](const Symbol& a, const Symbol& b) {
    return a.value == b.value && a.size == b.size && a.rank == b.rank &&
           std::strcmp(name_of(a), name_of(b)) == 0;
  };
  by_address_.erase(std::unique(by_address_.begin(), by_address_.end(), same), by_address_.end());
  by_name_.resize(by_address_.size());
  for (uint32_t i = 0; i < by_name_.size(); i++) by_name_[i] = i;
  std::sort(by_name_.begin(), by_name_.end(), [this](uint32_t a, uint32_t b) {
    int c = std::strcmp(name_of(by_address_[a]), name_of(by_address_[b]));
    return c != 0 ? c < 0 : by_address_[a].rank < by_address_[b].rank;
  });
  return true;
}

void ElfFile::read_symbol_table(const Elf64_Shdr& sh, const Elf64_Shdr& strtab) {
  if (sh.sh_entsize != sizeof(Elf64_Sym) || strtab.sh_type != SHT_STRTAB) return;
  if (!in_bounds(sh.sh_offset, sh.sh_size, size_) ||
      !in_bounds(strtab.sh_offset, strtab.sh_size, size_)) {
    return;  // truncated file: no symbols from this table
  }
  const char* strings = reinterpret_cast<const char*>(data_ + strtab.sh_offset);
  uint64_t count = sh.sh_size / sizeof(Elf64_Sym);
  for (uint64_t i = 1; i < count; i++) {  // entry 0 is the reserved null symbol
    Elf64_Sym sym;
    std::memcpy(&sym, data_ + sh.sh_offset + i * sizeof sym, sizeof sym);
    int type = ELF64_ST_TYPE(sym.st_info);
    int bind = ELF64_ST_BIND(sym.st_info);
    if (sym.st_shndx == SHN_UNDEF || sym.st_name == 0 || sym.st_name >= strtab.sh_size) continue;
    if (type != STT_FUNC && type != STT_OBJECT && type != STT_NOTYPE && type != STT_GNU_IFUNC) {
      continue;  // sections, files, TLS offsets: not addresses
    }
    const char* name = strings + sym.st_name;
    size_t max_len = strtab.sh_size - sym.st_name;
    size_t len = strnlen(name, max_len);
    if (len == 0 || len == max_len) continue;  // empty or unterminated
    // Rank among aliases (lower is better): functions before data before
    // untyped labels, then global before weak before local, then fewer
    // leading underscores ("abort" beats "__GI_abort").
    unsigned underscores = 0;
    while (underscores < len && name[underscores] == '_') underscores++;
    unsigned kind_rank = type == STT_FUNC || type == STT_GNU_IFUNC ? 0 : type == STT_OBJECT ? 1 : 2;
    unsigned bind_rank = bind == STB_GLOBAL ? 0 : bind == STB_WEAK ? 1 : 2;
    uint8_t rank = uint8_t(kind_rank * 64 + bind_rank * 16 + std::min(underscores, 15u));
    Symbol s;
    s.value = sym.st_value;
    s.size = sym.st_size;
    s.rank = rank;
    s.name_offset = uint32_t(names_.size());
    names_.insert(names_.end(), name, name + len + 1);
    by_address_.push_back(s);
  }
}

std::optional<uint64_t> ElfFile::symbol_address(std::string_view name) const {
  auto it = std::lower_bound(by_name_.begin(), by_name_.end(), name,
                             [this](uint32_t i, std::string_view n) {
                               return std::string_view(name_of(by_address_[i])) < n;
                             });
  if (it == by_name_.end() || std::string_view(name_of(by_address_[*it])) != name) {
    return std::nullopt;
  }
  return by_address_[*it].value;
}

std::optional<SymbolMatch> ElfFile::symbolize(uint64_t vaddr) const {
  // Walk back from the last symbol starting at or below vaddr. The innermost
  // sized symbol containing vaddr wins (the best-ranked of its aliases:
  // walking backwards meets aliases worst first). A zero-sized label counts
  // only when no sized symbol lies between it and vaddr. The walk is bounded:
  // an enclosing symbol far back is not worth a linear scan.
  auto it = std::upper_bound(by_address_.begin(), by_address_.end(), vaddr,
                             [](uint64_t a, const Symbol& s) { return a < s.value; });
  const Symbol* found = nullptr;
  const Symbol* label = nullptr;
  bool passed_sized = false;
  for (int budget = 64; it != by_address_.begin() && budget > 0; budget--) {
    --it;
    const Symbol& s = *it;
    bool contains = s.size > 0 && vaddr - s.value < s.size;
    if (found != nullptr) {
      if (s.value != found->value) break;
      if (contains) found = &s;
      continue;
    }
    if (s.size > 0) {
      if (contains) {
        found = &s;
      } else {
        passed_sized = true;
      }
      continue;
    }
    if (!passed_sized && (label == nullptr || s.value == label->value)) label = &s;
  }
  const Symbol* best = found != nullptr ? found : label;
  if (best == nullptr) return std::nullopt;
  return SymbolMatch{demangle(name_of(*best)), vaddr - best->value};
}

std::optional<uint64_t> ElfFile::bias_for_mapping(uint64_t map_start, uint64_t file_offset) const {
  for (const LoadSegment& seg : loads_) {
    uint64_t seg_file_start = page_down(seg.offset);
    uint64_t seg_file_end = seg.offset + std::max<uint64_t>(seg.filesz, 1);
    if (file_offset >= seg_file_start && file_offset < seg_file_end) {
      // p_vaddr and p_offset are congruent modulo the page size, so the
      // mapping shows file offset X at bias + (p_vaddr - p_offset) + X.
      return map_start - file_offset - (seg.vaddr - seg.offset);
    }
  }
  return std::nullopt;
}

bool ElfFile::read_file(uint64_t offset, void* buf, size_t len) const {
  if (!in_bounds(offset, len, size_)) return false;
  std::memcpy(buf, data_ + offset, len);
  return true;
}

std::shared_ptr<const ElfFile> separate_debug_file(const ElfFile& file) {
  const std::vector<uint8_t>& id = file.build_id();
  if (id.size() < 2) return nullptr;
  std::string hex = hex_string(id);
  std::string path = "/usr/lib/debug/.build-id/" + hex.substr(0, 2) + "/" + hex.substr(2) + ".debug";
  if (access(path.c_str(), R_OK) != 0) return nullptr;
  std::shared_ptr<const ElfFile> debug = ElfFile::open(path);
  // A debug file for another build would name the wrong functions.
  return debug && debug->build_id() == id ? debug : nullptr;
}

// ---------------------------------------------------------------------------
// ModuleMap

ModuleMap::ModuleMap(std::vector<FileMapping> mappings) : mappings_(std::move(mappings)) {
  for (FileMapping& m : mappings_) {
    if (m.open_path.empty()) m.open_path = m.path;
  }
  std::sort(mappings_.begin(), mappings_.end(),
            [](const FileMapping& a, const FileMapping& b) { return a.start < b.start; });
}

const FileMapping* ModuleMap::mapping_at(uint64_t addr) const {
  auto it = std::upper_bound(mappings_.begin(), mappings_.end(), addr,
                             [](uint64_t a, const FileMapping& m) { return a < m.start; });
  if (it == mappings_.begin()) return nullptr;
  --it;
  return addr < it->end ? &*it : nullptr;
}

const ElfFile* ModuleMap::elf_of(const FileMapping& m) const {
  auto it = files_.find(m.open_path);
  if (it == files_.end()) it = files_.emplace(m.open_path, ElfFile::open(m.open_path)).first;
  return it->second.get();
}

void ModuleMap::symbolize(NativeFrame& frame) const {
  frame.symbol.clear();
  frame.module.clear();
  frame.offset = 0;
  const FileMapping* m = mapping_at(frame.pc);
  if (m == nullptr) return;
  frame.module = path_basename(m->path);
  const ElfFile* elf = elf_of(*m);
  if (elf == nullptr) return;
  std::optional<uint64_t> bias = elf->bias_for_mapping(m->start, m->file_offset);
  if (!bias) return;
  uint64_t vaddr = frame.pc - *bias;
  std::optional<SymbolMatch> sym = elf->symbolize(vaddr);
  if (!sym) {
    if (std::shared_ptr<const ElfFile> debug = separate_debug_file(*elf)) sym = debug->symbolize(vaddr);
  }
  if (sym) {
    frame.symbol = sym->name;
    frame.offset = sym->offset;
    return;
  }
  char buf[32];
  snprintf(buf, sizeof buf, "+0x%llx", static_cast<unsigned long long>(vaddr));
  frame.symbol = frame.module + buf;
}

}  // namespace pgi
