# re: Pattern and Match objects, templates, flags, bytes, errors.
import re

m = re.match(r"(?P<word>\w+) (?P<num>\d+)?(x)?", "abc 12 rest")
print(m)
print(m.group(), m.group(0), m.group(1), m.group("num"), m.group(1, "num", 0))
print(m[0], m[1], m["word"], m.groups(), m.groups("-"), m.groupdict(), m.groupdict(0))
print(m.start(), m.end(), m.span(), m.start(2), m.end("num"), m.span(3), m.regs)
print(m.string, m.re, m.pos, m.endpos, m.lastindex, m.lastgroup)
print(m.expand(r"\2:\1 \g<word>/\g<0>/\g<3>."))
for bad in (4, "nope", -1):
    try:
        m.group(bad)
    except IndexError as e:
        print("IndexError", e)

p = re.compile(r"\d+")
print(p.pattern, p.flags, p.groups, p.groupindex, p)
print(p.search("ab12cd345", 3), p.search("ab12cd345", 3, 8), p.match("12ab", 1), p.match("12ab", 0, 1))
print(p.findall("1 22 333 4444", 2, 10), [x.group() for x in p.finditer("1 22 333", 1)])
print(p.fullmatch("a123b", 1, 4), re.compile("^a").search("ba", 1), re.compile("a$").search("ab", 0, 1))
print(re.compile("x") == re.compile("x"), re.compile("x", re.I) == re.compile("x"))
print(re.compile(p) is p)

for lastpat, s in [(r"(a)(b)", "ab"), (r"(a(b))", "ab"), (r"((a)b)", "ab"), (r"(a)|(b)", "b"),
                   (r"(a)()", "a"), (r"(?P<x>a)(?P<y>b)?", "a")]:
    mm = re.match(lastpat, s)
    print(lastpat, mm.lastindex, mm.lastgroup)

# sub templates and callables
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home and ann@work"))
print(re.sub(r"(?P<k>\w+)=(?P<v>\w+)", r"\g<v>=\g<k>", "a=1, b=2"))
print(re.sub("a", r"\n\t\\", "bab"), repr(re.sub("a", "\\0", "a")))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c3"))
print(re.sub("(a)|b", r"[\1]", "ab"), re.sub("", "-", "abc"), re.sub("b*", "-", "abc"))
print(re.subn(r"\s+", " ", "a  b   c", count=1), re.sub("a", "b", "aaa", 0))
print(re.split(r"\s*,\s*", "a , b,c ,d"), re.split(r"(\s)*,", "a ,b"), re.split("x", "axbxc", maxsplit=1))
print(re.split(r"(?:x)|(y)", "axbyc"), re.split("", "abc"), re.split(r"\W*", "a, b"))
for bad in (r"\q", r"\g<1", r"\g<x>", r"\3", "\\"):
    try:
        re.sub("(a)(b)", bad, "ab")
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)

# flags
print(re.I, re.IGNORECASE | re.MULTILINE, re.A, int(re.S), re.X | re.DOTALL, re.NOFLAG)
print(re.findall("ab", "AB ab aB", re.I), re.findall("^x", "x\nx", re.M), re.findall(".", "a\nb", re.S))
print(re.findall(r"a b # c", "ab", re.VERBOSE), re.findall(r"\w+", "héllo wörld", re.ASCII))
print(re.compile("a", re.I | re.S), re.compile("(?ms)a").flags, re.compile(b"a").flags)
print(re.findall(r"\d", "١٢3"), re.findall(r"\d", "١٢3", re.A), re.search("É", "café", re.I))

# bytes
bp = re.compile(rb"(\w+)=(\d+)")
print(bp.findall(b"a=1 bb=22"), bp.sub(rb"\2=\1", b"a=1"), bp.split(b"x a=1 y"))
print(bp.search(b"..k=9").groups(), re.escape(b"a.b"), bp)
for f, a in [(bp.search, "text"), (re.compile("x").search, b"x")]:
    try:
        f(a)
    except TypeError as e:
        print("TypeError", e)

# escape, purge, errors
print(re.escape("1+1=2? (yes) [a-z] {3} ^$ | \\ . * ~ # & x_y"), re.escape("日本"))
re.purge()
for bad in ["(a", "a)", "[a", "*a", "(?P<n>a)(?P<n>b)", "a{2,1}"]:
    try:
        re.compile(bad)
        print("compiled", bad)
    except re.error as e:
        print("error", bad, e.pattern == bad)
try:
    re.compile(p, re.I)
except ValueError as e:
    print("ValueError", e)
print(re.search(r"\bfoo\b", "a foo b").span(), re.search(r"\B", "ab").span())
print(isinstance(m, re.Match), isinstance(p, re.Pattern), issubclass(re.error, Exception))


def first_word(p: re.Pattern[str], s: str) -> "re.Match[str] | None":
    return p.match(s)


print(first_word(re.compile(r"\w+"), "hello there").group())
