# regex.py -- the `re` module as log parsers and tokenizers use it.
#
# Measures: module-level re.match/re.search through the pattern cache, a
# compiled pattern's match with named groups (Match objects, groupdict),
# findall over a large text, finditer with groups, sub with a template and
# with a function, and split. (Uses `import re`, a lambda and keyword
# arguments, beyond the subset above.)
#
# Checksum: counts and lengths derived from the matches.
import re


def make_lines(n):
    lines = []
    for i in range(n):
        lines.append("2024-03-%02d 12:%02d:%02d %s [mod%d] request /p/%d took %dms"
                     % (i % 28 + 1, i % 60, i * 7 % 60, ("INFO", "WARN", "ERROR")[i % 3], i % 9, i, i % 997))
    return lines


def run():
    lines = make_lines(40000)
    line_re = re.compile(r"(?P<date>[\d-]+) (?P<time>[\d:]+) (?P<level>[A-Z]+) \[(?P<mod>\w+)\] (?P<msg>.*)")
    levels = {}
    total_ms = 0
    for line in lines:
        m = line_re.match(line)
        d = m.groupdict()
        levels[d["level"]] = levels.get(d["level"], 0) + 1
        ms = re.search(r"(\d+)ms$", line)
        total_ms += int(ms.group(1))
    text = "\n".join(lines)
    words = re.findall(r"[a-z]+", text)
    pairs = 0
    for m in re.finditer(r"\[(\w+)\] (\w+)", text):
        pairs += len(m.group(1)) + m.end(2) - m.start(2)
    swapped = re.sub(r"(\d+):(\d+)", r"\2:\1", text)
    bumped = re.sub(r"took (\d+)", lambda m: "took " + str(int(m.group(1)) + 1), text, count=20000)
    parts = re.split(r"\s+", text)
    print(sorted(levels.items()), total_ms, len(words), pairs, len(swapped), len(bumped), len(parts))


run()
