// `_io_fd`: the file-descriptor calls under the bundled `io` module
// (runtime/lib/io.py), which builds open(), FileIO-like buffering, text
// decoding, StringIO and BytesIO in Python on top of these.
//
// Every call raises the OSError subclass errno picks (FileNotFoundError,
// IsADirectoryError, PermissionError, ...) with errno, strerror and, for
// open(), the filename, so the messages match CPython's
// "[Errno 2] No such file or directory: 'x'".
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "modules/modules.h"
#include "modules/std_util.h"
#include "objects/bytes.h"
#include "objects/exceptions.h"

namespace pg {

namespace {

Value raise_errno(int err, Value path = Value()) {
  Value argv[3] = {Value::small(err), str_from_cstr(strerror(err)), path};
  Value exc = exception_new(&OSErrorType, argv, path.is_null() ? 2 : 3);
  if (exc.is_null()) return Value();
  return raise_exception(exc);
}

bool fd_arg(Value v, int* fd) {
  int64_t n;
  if (!int_as_index(v, &n)) return false;
  *fd = int(n);
  return true;
}

// open(path, flags, mode) -> fd. Opening a directory for reading succeeds
// in POSIX; CPython reports IsADirectoryError, so this checks with fstat.
Value io_open(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("open", nargs, kwnames, 3, 3)) return Value();
  if (!is_str(args[0]))
    return raise(&TypeErrorType, "expected str, bytes or os.PathLike object, not %s", type_name(args[0]));
  std::string path(str_view(args[0].as<Str>()));
  if (path.find('\0') != std::string::npos) return raise(&ValueErrorType, "embedded null byte");
  int64_t flags, mode;
  if (!int_as_index(args[1], &flags) || !int_as_index(args[2], &mode)) return Value();
  int fd;
  do {
    fd = ::open(path.c_str(), int(flags) | O_CLOEXEC, mode_t(mode));
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return raise_errno(errno, args[0]);
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return raise_errno(EISDIR, args[0]);
  }
  return Value::small(fd);
}

// read(fd, n) -> bytes; n < 0 reads to the end of the file.
Value io_read(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("read", nargs, kwnames, 2, 2)) return Value();
  int fd;
  int64_t n;
  if (!fd_arg(args[0], &fd) || !int_as_index(args[1], &n)) return Value();
  std::string out;
  if (n >= 0) {
    out.resize(size_t(n));
    ssize_t got;
    do {
      got = ::read(fd, out.data(), size_t(n));
    } while (got < 0 && errno == EINTR);
    if (got < 0) return raise_errno(errno);
    out.resize(size_t(got));
    return Value(bytes_new(out));
  }
  char buf[65536];
  for (;;) {
    ssize_t got = ::read(fd, buf, sizeof buf);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return raise_errno(errno);
    if (got == 0) break;
    out.append(buf, size_t(got));
  }
  return Value(bytes_new(out));
}

// write(fd, data) -> bytes written (all of them, retrying short writes).
Value io_write(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("write", nargs, kwnames, 2, 2)) return Value();
  int fd;
  if (!fd_arg(args[0], &fd)) return Value();
  std::string_view data;
  if (!bytes_view(args[1], &data))
    return raise(&TypeErrorType, "a bytes-like object is required, not '%s'", type_name(args[1]));
  std::string copy(data);  // a bytearray may not move under us, but be safe
  size_t done = 0;
  while (done < copy.size()) {
    ssize_t w = ::write(fd, copy.data() + done, copy.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return raise_errno(errno);
    done += size_t(w);
  }
  return int_from_i64(int64_t(done));
}

Value io_lseek(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("lseek", nargs, kwnames, 3, 3)) return Value();
  int fd;
  int64_t pos, whence;
  if (!fd_arg(args[0], &fd) || !int_as_index(args[1], &pos) || !int_as_index(args[2], &whence))
    return Value();
  off_t r = ::lseek(fd, off_t(pos), int(whence));
  if (r < 0) return raise_errno(errno);
  return int_from_i64(int64_t(r));
}

Value io_close(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("close", nargs, kwnames, 1, 1)) return Value();
  int fd;
  if (!fd_arg(args[0], &fd)) return Value();
  if (::close(fd) != 0 && errno != EINTR) return raise_errno(errno);
  return None();
}

Value io_isatty(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("isatty", nargs, kwnames, 1, 1)) return Value();
  int fd;
  if (!fd_arg(args[0], &fd)) return Value();
  return Bool(::isatty(fd) == 1);
}

Value io_ftruncate(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("ftruncate", nargs, kwnames, 2, 2)) return Value();
  int fd;
  int64_t size;
  if (!fd_arg(args[0], &fd) || !int_as_index(args[1], &size)) return Value();
  if (::ftruncate(fd, off_t(size)) != 0) return raise_errno(errno);
  return None();
}

// Whether the fd is seekable (a regular file, not a pipe or terminal).
Value io_seekable(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("seekable", nargs, kwnames, 1, 1)) return Value();
  int fd;
  if (!fd_arg(args[0], &fd)) return Value();
  return Bool(::lseek(fd, 0, SEEK_CUR) >= 0);
}

Value io_fd_init() {
  Value m = module_new("_io_fd");
  Rooted keep(&m);
  module_add_function(m, "open", io_open);
  module_add_function(m, "read", io_read);
  module_add_function(m, "write", io_write);
  module_add_function(m, "lseek", io_lseek);
  module_add_function(m, "close", io_close);
  module_add_function(m, "isatty", io_isatty);
  module_add_function(m, "ftruncate", io_ftruncate);
  module_add_function(m, "seekable", io_seekable);
  const struct {
    const char* name;
    int value;
  } flags[] = {{"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
               {"O_CREAT", O_CREAT},   {"O_EXCL", O_EXCL},     {"O_TRUNC", O_TRUNC},
               {"O_APPEND", O_APPEND}};
  for (const auto& f : flags) module_add(m, f.name, Value::small(f.value));
  return m;
}

}  // namespace

void io_fd_module_register() { register_builtin_module("_io_fd", io_fd_init); }

}  // namespace pg
