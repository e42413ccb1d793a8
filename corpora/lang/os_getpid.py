# os.getpid: print only its type and sign, never the value.
import os
import sys
pid = os.getpid()
print(type(pid), pid > 0, isinstance(pid, int))
print(os.getpid() == pid, pid == os.getpid())
print(type(os), type(sys))
def same_pid_from_function():
    return os.getpid() == pid
def nested_check(n):
    if n == 0:
        return same_pid_from_function()
    return nested_check(n - 1)
print(same_pid_from_function(), nested_check(10))
pids = []
for i in range(5):
    pids.append(os.getpid())
all_same = True
for p in pids:
    if p != pid:
        all_same = False
print(len(pids), all_same, pids.count(pid))
print(str(pid).isdigit(), int(str(pid)) == pid, pid + 0 > 0, -pid < 0)
print(type(os.getpid), isinstance(pid, (int, float)), bool(pid))
