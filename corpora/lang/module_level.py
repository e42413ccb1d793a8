# Module-level code: top-level statements, __name__, forward references.
print('module starts', __name__)
CONSTANT = 10
def uses_later():
    return later_value * 2
later_value = 21
print(uses_later())
later_value = 50
print(uses_later())
if CONSTANT > 5:
    def chosen():
        return 'first definition'
else:
    def chosen():
        return 'second definition'
print(chosen())
def chosen():
    return 'redefined'
print(chosen())
for i in range(3):
    def loop_fn():
        return 'loop fn sees i = ' + str(i)
print(loop_fn())
results = []
i = 0
while i < 4:
    results.append(i * CONSTANT)
    i += 1
print(results, i)
def read_global():
    return CONSTANT + len(results)
CONSTANT = 100
print(read_global())
if __name__ == '__main__':
    print('running as main')
else:
    print('imported')
x = 'module x'
def shadow():
    x = 'function x'
    return x
print(shadow(), x)
def counter_fn():
    return len(results)
results.append('more')
print(counter_fn())
print(type(__name__), len(__name__))
import sys
print(sys.argv[0].endswith('module_level.py'))
import time
import os
print(type(time.time()), type(os.getpid()))
