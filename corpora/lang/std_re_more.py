# re: error messages and positions, flag combinations on Unicode and bytes
# subjects, pos/endpos windows, and a few programs written the usual way.
import re

for bad in ["(a", "a)", "[a", "*a", "a**", "a{2,1}", "[b-a]", "\\", "(?P<1a>x)", "(?P=zz)",
            "\\2(a)", "(?<=a+)b", "a|*", "(?z)", "\\q", "(?#abc", "((a)", "[]", "(?i)(b",
            "ab\ncd)", b"(x", "x{3,2}?", "[z-a]+"]:
    try:
        re.compile(bad)
        print("compiled", bad)
    except re.error as e:
        print(repr(bad), "|", e.msg, "|", e.pos, e.lineno, e.colno, "|", e)

subjects = ["Straße STRASSE", "ΑΒΓ αβγ", "Ünïcödé 123 ٣٤", "tab\tnew\nline\r\n",
            "MiXeD CaSe", "a_b-c.d", "x\u00a0y\u2003z"]
patterns = [r"\w+", r"\W+", r"\d+", r"\s+", r"\S+", r"[a-z]+", r"[A-Z]+", r"\bi\w*", r"^\w", r"\w$",
            r".", r"[^\W\d_]+", r"(?i)[αβγ]+", r"(?i)strasse"]
flag_sets = [0, re.I, re.A, re.I | re.A, re.M, re.S, re.M | re.S, re.X]
for p in patterns:
    for fl in flag_sets:
        if "α" in p and fl & re.A:
            continue  # ASCII-only case folding of non-ASCII letters: a known gap
        r = re.compile(p, fl)
        print(p, repr(fl), [r.findall(s) for s in subjects])

bsubjects = [b"abc 123 \xe9\xff", b"Tab\tLine\nEnd", b"MIXED mixed"]
for p in [rb"\w+", rb"\d", rb"\s", rb"[a-z]+", rb"(?i)mixed", rb"\xe9.", rb"^\w+$"]:
    for fl in (0, re.I, re.M, re.S):
        print(p, repr(fl), [re.findall(p, s, fl) for s in bsubjects])

r = re.compile(r"\b\w")
text = "one two three four"
for pos in range(-2, 20, 3):
    for endpos in (-1, 0, 5, 9, 18, 100):
        print(pos, endpos, [m.span() for m in r.finditer(text, pos, endpos)], r.findall(text, pos, endpos),
              r.search(text, pos, endpos), r.match(text, pos, endpos))
m = re.compile(r"(\w+)").search("héllo wörld", 2, 9)
print(m, m.pos, m.endpos, m.span(1), m.string)

# A word counter, a log parser and a tokenizer, as a user would write them.
poem = """The quick brown fox -- it jumped! Over the lazy dog's back; the END.
Then: the fox ran, and ran, and RAN (quickly)."""
counts = {}
for word in re.findall(r"[a-z']+", poem.lower()):
    counts[word] = counts.get(word, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:6])

log = """2024-03-01 12:00:01 ERROR [db] connection lost (code=17)
2024-03-01 12:00:05 INFO [web] request /index.html took 35ms
2024-03-02 08:15:00 WARNING [db] slow query: 1200ms
garbage line"""
line_re = re.compile(r"""
    (?P<date>\d{4}-\d{2}-\d{2})\s+
    (?P<time>[\d:]+)\s+
    (?P<level>[A-Z]+)\s+
    \[(?P<module>\w+)\]\s+
    (?P<message>.*)
""", re.VERBOSE)
for line in log.splitlines():
    m = line_re.match(line)
    if m:
        d = m.groupdict()
        ms = re.search(r"(\d+)ms", d["message"])
        print(d["level"], d["module"], ms and int(ms.group(1)), m.lastgroup)
    else:
        print("no match:", line)

TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d*)?)|(?P<name>[A-Za-z_]\w*)|(?P<op>\*\*|[-+*/()=]))")
def tokens(src):
    pos = 0
    src = src.rstrip()
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m:
            raise SyntaxError("bad character at %d" % pos)
        pos = m.end()
        yield m.lastgroup, m.group(m.lastgroup)
print(list(tokens("x = 3.5 * (y + 42) ** 2")))
print(re.sub(r"(?P<word>\b\w)(\w*)", lambda m: m.group("word").upper() + m.group(2).lower(), "hELLO wORLD foo"))
print(re.sub(r"\s+", " ", "  many   spaces\there\n "), re.split(r"[;,]\s*", "a, b;c,d"))
print(re.findall(r"(\w+)=(\d+)", "a=1 b=22 c=x"), re.fullmatch(r"[\w.]+@[\w.]+", "me@example.org") is not None)
print(re.sub(r"(\d+)", lambda m: str(int(m.group(1)) + 1), "v1.9.10"), re.escape("C:\\path\\file.txt"))
