# textwrap: wrap, fill, TextWrapper, dedent, indent, shorten.
import textwrap
text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen "
        "liquor jugs. How vexingly quick daft zebras jump! A well-known, state-of-the-art "
        "example with an extraordinarilylongwordthatmustbebroken somewhere.")
for width in [10, 20, 35, 70]:
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("  leading and   inner   spaces  ", 12))
print(textwrap.wrap("tabs\there\tand\nnewlines", 8), textwrap.wrap("", 10), textwrap.wrap("   ", 10))
print(textwrap.wrap("abcdefghijklmnop", 5), textwrap.wrap("abcdefghij klm", 5, break_long_words=False))
print(textwrap.wrap("re-do self-evident x-y", 6))
w = textwrap.TextWrapper(width=15, drop_whitespace=False)
print(w.wrap("one two three four five"))
print(repr(textwrap.dedent("""\
    def f():
        return 1
      
    x = 2
""")))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("    x\n  y\n")), repr(textwrap.dedent("no indent\n  x")))
print(repr(textwrap.indent("a\n\nb\n", "> ")), repr(textwrap.indent("a\nb", "+", lambda line: True)))
print(textwrap.shorten("Hello  world!  How are you today?", 20), textwrap.shorten("short", 20))
try:
    textwrap.wrap("x", 0)
except ValueError as e:
    print("ValueError", e)
