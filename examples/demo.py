# The bundled example program `make demo` runs: a little of everything the
# first slice of pyglass supports, ending with a look at its own frames.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def word_counts(text):
    counts = {}
    for word in text.lower().split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def where_am_i():
    frame = sys._getframe()
    caller = frame.f_back
    return frame.f_code.co_name + " called from " + caller.f_code.co_name + " line " + str(caller.f_lineno)


def main():
    print("fib(25) =", fib(25))
    print("2 ** 100 =", 2 ** 100)
    print("0.1 + 0.2 =", 0.1 + 0.2)
    counts = word_counts("the quick brown fox jumps over the lazy dog the end")
    top = sorted(counts.items(), key=second, reverse=True)[:3]
    print("most common words:", top)
    print("héllo wörld"[1:5], len("日本語"))
    print(where_am_i())


def second(pair):
    return pair[1]


main()
