# strings.py -- the str methods text-processing code leans on.
#
# Measures: f-string formatting, `split`/`join`, `replace`, `find`,
# `startswith`, `upper`/`lower`, `strip`, slicing, `in` on strings and a
# dict keyed by the words: the work of a log parser or a word counter.
#
# Checksum: counts and lengths derived from the processed text.


def make_lines(n):
    lines = []
    for i in range(n):
        lines.append(f"  {i:06d} INFO user{i % 97} did action-{i % 13} in {i % 1000}ms  ")
    return lines


def run():
    lines = make_lines(120000)
    words = {}
    total_len = 0
    hits = 0
    for line in lines:
        s = line.strip()
        parts = s.split(" ")
        user = parts[2]
        words[user] = words.get(user, 0) + 1
        act = parts[4].replace("action-", "A").upper()
        total_len += len(act) + len(s[7:11])
        if s.find("ms") > 0 and "user5" in s and not s.startswith("x"):
            hits += 1
    text = "\n".join(lines)
    total_len += len(text.lower())
    return len(words), total_len, hits


print("strings:", run())
