# re: a sweep of patterns x subjects; every operation's result is printed
# and compared with CPython's.
import re

PATTERNS = [
    r"a", r"a*", r"a+", r"a?", r"a*?", r"a+?", r"a{2}", r"a{1,2}", r"a{,2}", r"a{2,}",
    r"\d+", r"\D+", r"\w+", r"\W+", r"\s+", r"\S+", r"\b", r"\bx\w*",
    r"^", r"$", r"^a", r"a$", r"\Aa", r"a\Z", r"x*", r"",
    r"(a)(b)?", r"(a|b)+", r"(?:ab)+", r"(a(b)c)", r"(?P<first>\w)(?P<rest>\w*)",
    r"(\w)\1", r"(?P<ch>.)(?P=ch)", r"[abc]+", r"[^abc]+", r"[a-c]", r"[]a]", r"[^]a]",
    r"[\d.]+", r"[-+]?\d+(\.\d*)?", r".", r".+", r"(?s).+", r"(?m)^\w", r"(?i)AB",
    r"a(?=b)", r"a(?!b)", r"(?<=a)b", r"(?<!a)b", r"(a)|(b)", r"((a)|b)+",
    r"\.", r"\\", r"\n", r"[\n]", r"\x41", r"\u00e9", r"é+", r"(?x) a  b # comment",
    r"(?a)\w+", r"\w+@\w+\.com", r"(\d+)-(\d+)-(\d+)", r"<(.*?)>", r"<(.*)>",
]

SUBJECTS = [
    "", "a", "aaa", "ab", "abc abc", "baab", "xaxbx", "a\nb\nab\n", "AB ab Ab",
    "2024-01-15 and 1999-12-31", "<a><b>", "x1.5 -3 +42 7.", "café éé ÉÉ naïve",
    "mail bob@site.com now", "aa bb cc dd", "A\\B", "tab\there", "ABC",
]

for p in PATTERNS:
    r = re.compile(p)
    print("pattern", repr(p), r.groups, r.groupindex)
    for s in SUBJECTS:
        m = r.search(s)
        out = [repr(s)]
        if m:
            out.append((m.span(), m.group(), m.groups(), m.lastindex, m.lastgroup))
        else:
            out.append(None)
        m = r.match(s)
        out.append(m.span() if m else None)
        m = r.fullmatch(s)
        out.append(m.span() if m else None)
        out.append(r.findall(s))
        out.append([m.span() for m in r.finditer(s)])
        out.append(r.sub("<>", s))
        out.append(r.subn(lambda m: "[" + m.group().upper() + "]", s, 2))
        out.append(r.split(s))
        out.append(r.split(s, 1))
        print(*out)
