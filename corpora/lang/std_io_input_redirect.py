# input() reads from a replaced sys.stdin and prompts on a replaced
# sys.stdout, as in CPython (the usual way to test interactive programs).
import io
import sys

old_in, old_out = sys.stdin, sys.stdout
sys.stdin = io.StringIO('first line\nsecond\nlast without newline')
captured = io.StringIO()
sys.stdout = captured
a = input('name? ')
b = input()
c = input('> ')
try:
    input('more? ')
except EOFError as e:
    eof = str(e)
sys.stdout = old_out
print(repr(a), repr(b), repr(c), eof)
print(repr(captured.getvalue()))
sys.stdin = old_in
try:
    input('prompt on the real stdout: ')
except EOFError as e:
    print()
    print(e)
