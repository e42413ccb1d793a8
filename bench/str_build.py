# str_build.py -- string building by += and by ''.join(), with str(i).
#
# Measures: str(int) conversion, string concatenation with += , appending
# pieces to a list and joining them, str.split(), len() of strings,
# int(str) parsing and iterating over the characters of a string.
#
# The += part builds many medium-sized strings (a few KB each) rather than
# one huge one: CPython resizes in place, and a VM that copies on every +=
# pays a visible but bounded (not pathological) quadratic cost.
#
# Checksum: lengths, parsed values and a digit count of the built strings.


def concat(lines, per_line):
    # Build `lines` strings of `per_line` comma-terminated numbers each.
    total_len = 0
    last = ""
    i = 0
    for _ in range(lines):
        s = ""
        for _ in range(per_line):
            s += str(i)
            s += ","
            i += 1
        total_len += len(s)
        last = s
    return total_len, last


def joined(n):
    parts = []
    for i in range(n):
        parts.append(str(i * 3))
    return "-".join(parts)


def reparse(n):
    acc = 0
    for i in range(n):
        acc += int(str(i)) % 97
    return acc


def count_char(s, c):
    count = 0
    for ch in s:
        if ch == c:
            count += 1
    return count


def main():
    check = 0
    total_len, last = concat(1600, 500)
    check += total_len + len(last)
    j = joined(600000)
    check += len(j)
    pieces = j.split("-")
    check += len(pieces) + int(pieces[len(pieces) - 1])
    check += reparse(400000)
    check += count_char(last, "7") + count_char(j, "9")
    return check


print("str_build:", main())
