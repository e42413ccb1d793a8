# os (files, directories, os.path), sys (streams, exc_info, float_info),
# time (struct_time), gc.
import os
import os.path
import sys
import time
import gc

# A directory of this process only (pyglass and python3 may run at once).
base = os.path.join(os.path.dirname(os.path.abspath(__file__)), "std_os_tmp_" + str(os.getpid()))
if os.path.isdir(base):
    for name in os.listdir(base):
        os.remove(os.path.join(base, name))
    os.rmdir(base)
os.mkdir(base)
print(os.path.exists(base), os.path.isdir(base), os.path.isfile(base), os.listdir(base))
target = os.path.join(base, "a.txt")
print(os.path.basename(target), os.path.dirname(target) == base)
try:
    os.remove(target)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror, os.path.basename(e.filename))
try:
    os.mkdir(base)
except FileExistsError as e:
    print("FileExistsError", e.errno, e.strerror)
try:
    os.listdir(os.path.join(base, "nope"))
except OSError as e:
    print(type(e).__name__, e.errno)
sub = os.path.join(base, "sub")
os.mkdir(sub)
os.rename(sub, os.path.join(base, "sub2"))
print(sorted(os.listdir(base)), os.stat(base).st_mode & 0o170000 == 0o040000, os.stat(base)[0] == os.stat(base).st_mode)
os.rmdir(os.path.join(base, "sub2"))
os.makedirs(os.path.join(base, "x", "y", "z"))
os.makedirs(os.path.join(base, "x", "y"), exist_ok=True)
try:
    os.makedirs(os.path.join(base, "x"))
except FileExistsError as e:
    print("FileExistsError", e.errno)
os.mkdir(os.path.join(base, "x", "w"))
for dirpath, dirnames, filenames in os.walk(base):
    print(os.path.relpath(dirpath, base), sorted(dirnames), filenames)
print([os.path.relpath(d, base) for d, _, _ in os.walk(base, topdown=False)][-1])
os.removedirs(os.path.join(base, "x", "y", "z"))
os.rmdir(os.path.join(base, "x", "w"))
os.rmdir(os.path.join(base, "x"))
print(os.path.exists(base))
os.rmdir(base)
print(os.path.exists(base), os.path.getsize(__file__) > 100, type(os.stat(__file__).st_mtime).__name__)
print(os.path.join("a", "b", "c"), os.path.join("/a", "/b"), os.path.join("a/", "b"), os.path.join("", "x"))
print(os.path.split("/usr/lib/x.py"), os.path.split("x"), os.path.split("/"), os.path.split("//a//b"))
print(os.path.splitext("a/b.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("a.b/c"), os.path.splitext("x."))
print(os.path.basename("/a/b/"), os.path.dirname("/a/b/"), os.path.dirname("a"), os.path.dirname("/"))
print(os.path.normpath("/a//b/./c/../d"), os.path.normpath("../x/.."), os.path.normpath(""), os.path.normpath("//a"))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.abspath("/a/../b"), os.sep, repr(os.linesep), os.path.sep)
print(os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.relpath("/a/b/c", "/a/d"))
try:
    os.path.join("a", 3)
except TypeError as e:
    print("TypeError", e)

print(sys.stdout.write("written\n"), sys.stderr.flush(), sys.stdout.name, sys.stdin.name, sys.stdout.encoding)
print("to stdout", file=sys.stdout)
sys.stdout.flush()
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None, sys.exception() is v)
print(sys.exc_info()[0])
print(sys.getdefaultencoding(), sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info[8])
print(sys.float_info.mant_dig, sys.int_info.bits_per_digit, sys.maxunicode, sys.maxsize)
print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2**100), sys.getsizeof(1.5), sys.getsizeof(""),
      sys.getsizeof("abc"), sys.getsizeof(()), sys.getsizeof((1, 2)), sys.getsizeof(True), sys.getsizeof(None))

t = time.gmtime(0)
print(t, t.tm_year, t[0], len(t), tuple(t)[:3], t.tm_zone)
t2 = time.gmtime(1700000000.75)
print(t2.tm_year, t2.tm_mon, t2.tm_mday, t2.tm_hour, t2.tm_min, t2.tm_sec, t2.tm_wday, t2.tm_yday)
print(time.strftime("%Y-%m-%d %H:%M:%S", t2), time.asctime(t2), time.strftime("%a %b %d", (2024, 2, 29, 0, 0, 0, 3, 60, 0)))
lt = time.localtime(1700000000)
print(time.mktime(lt) == 1700000000.0, type(time.localtime()).__name__, time.localtime().tm_year >= 2024)
print(len(time.ctime(0)), type(time.time()).__name__)

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
junk = [[i] for i in range(1000)]
del junk
print(type(gc.collect()).__name__, gc.collect() >= 0)
gc.enable()
print(gc.isenabled(), len(gc.get_threshold()))
