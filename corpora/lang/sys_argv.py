# sys.argv holds the program path exactly as passed on the command line.
import sys
print(len(sys.argv))
print(sys.argv[0])
print(type(sys.argv), type(sys.argv[0]))
print(sys.argv[0].endswith('sys_argv.py'))
print(sys.argv[0][-11:], sys.argv[1:])
name = sys.argv[0]
parts = name.split('/')
print(parts[-1], len(parts) >= 1)
print(sys.argv[0] == sys._getframe().f_code.co_filename)
def show_args(args):
    i = 0
    for a in args:
        print('arg', i, a)
        i += 1
    return i
print(show_args(sys.argv))
sys.argv.append('extra')
print(len(sys.argv), sys.argv[-1])
print(isinstance(sys.argv, list))
