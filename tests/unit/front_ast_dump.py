#!/usr/bin/env python3
"""CPython's view of a source file in the text form of front_ast_dump.h.

Used to write expectations for tests/unit/front_parser_test.cpp and to
compare pyglass's parser with CPython's over whole trees of Python code:

    front_ast_dump.py FILE...           print the dump of each file
    front_ast_dump.py -c SOURCE         dump one snippet (escapes like \\n work)

A syntax error prints as "SyntaxError: msg (line, offset, end_line, end_offset)".
"""
import ast
import sys


def quoted(data: bytes) -> str:
    out = []
    for c in data:
        if 32 <= c < 127 and c not in (0x5C, 0x27):
            out.append(chr(c))
        else:
            out.append("\\x%02x" % c)
    return "'" + "".join(out) + "'"


def pos(n) -> str:
    return "@%d:%d-%d:%d" % (n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)


SKIP_FIELDS = {"type_comment", "kind", "type_ignores"}
NAMES = (ast.operator, ast.unaryop, ast.cmpop, ast.boolop, ast.expr_context)


def dump(n) -> str:
    if n is None:
        return "-"
    if isinstance(n, list):
        return "[" + ", ".join(dump(x) for x in n) + "]"
    if isinstance(n, str):
        return n
    if isinstance(n, int):
        return str(n)
    if isinstance(n, NAMES):
        return type(n).__name__
    if isinstance(n, ast.Constant):
        v = n.value
        if v is None or v is True or v is False:
            s = repr(v)
        elif v is Ellipsis:
            s = "..."
        elif isinstance(v, int):
            s = "int %d" % v
        elif isinstance(v, float):
            s = "float %.17g" % v
        elif isinstance(v, complex):
            s = "complex %.17g" % v.imag
        elif isinstance(v, str):
            s = "str " + quoted(v.encode("utf-8", "surrogatepass"))
        else:
            s = "bytes " + quoted(v)
        return "Constant" + pos(n) + "(" + s + ")"
    name = type(n).__name__
    if isinstance(n, ast.Module):
        return "Module(" + dump(n.body) + ")"
    fields = [dump(getattr(n, f)) for f in n._fields if f not in SKIP_FIELDS]
    p = pos(n) if hasattr(n, "lineno") and not isinstance(n, (ast.arguments, ast.comprehension)) else ""
    if isinstance(n, ast.withitem):
        p = ""
    return name + p + "(" + ", ".join(fields) + ")"


def dump_source(src, filename="<test>") -> str:
    # Compile text, not bytes: like `python3 file.py` (and unlike
    # compile(bytes)), CPython then reports columns in characters.
    if isinstance(src, bytes):
        try:
            src = src.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    try:
        tree = compile(src, filename, "exec", ast.PyCF_ONLY_AST)
    except SyntaxError as e:
        return "%s: %s (%s, %s, %s, %s)" % (type(e).__name__, e.msg, e.lineno, e.offset,
                                            e.end_lineno, e.end_offset)
    return dump(tree)


def main(argv):
    if len(argv) >= 2 and argv[0] == "-c":
        print(dump_source(argv[1].encode().decode("unicode_escape").encode("latin-1")))
        return
    for path in argv:
        with open(path, "rb") as f:
            print(dump_source(f.read(), path))


if __name__ == "__main__":
    main(sys.argv[1:])
