# traceback: stacks (print_stack, format_stack, extract_stack, walk_stack)
# and SyntaxError formatting.
import sys
import traceback

class Collect:
    def __init__(self):
        self.parts = []
    def write(self, text):
        self.parts.append(text)

def show_stack():
    out = Collect()
    traceback.print_stack(file=out)
    text = "".join(out.parts)
    print(text.replace(__file__, "FILE"), end="")
    print([l.replace(__file__, "FILE") for l in traceback.format_stack(limit=2)])
    st = traceback.extract_stack()
    print([(f.name, f.lineno, f.line) for f in st])
    print([(f.f_code.co_name, n) for f, n in traceback.walk_stack(None)][:2])
    print(len(traceback.extract_stack(sys._getframe(1))))

def a():
    show_stack()

def b():
    a()

b()

for src in ["x = (1,\n", "def f(:\n    pass\n", "a = 1 +\n", "for x in 1 2:\n  pass\n"]:
    try:
        compile(src, "<snippet>", "exec")
    except SyntaxError as e:
        lines = traceback.format_exception_only(e)
        print(lines[-1], end="")

try:
    raise SyntaxError("custom message")
except SyntaxError as e:
    print(traceback.format_exception_only(e))

e = SyntaxError("bad thing", ("file.py", 3, 5, "  x = $oops\n", 3, 7))
print(traceback.format_exception_only(e))
print(traceback.format_exception_only(None))
print(traceback.format_exception(None))
print(traceback.format_exception_only(ValueError, None))
