# isinstance()/issubclass() with `X | Y` unions; parameterized generics
# are refused with CPython's message.
print(isinstance(3, int | str), isinstance("a", int | str), isinstance(2.5, int | str))
print(isinstance(None, int | None), isinstance(True, str | int), isinstance([], (dict | set, list)))
print(issubclass(bool, int | str), issubclass(float, int | str), issubclass(type(None), int | None))
Number = int | float | complex
print(isinstance(1j, Number), Number)
for bad in (lambda: isinstance([], list[int]), lambda: issubclass(list, list[int]),
            lambda: isinstance(1, 3), lambda: isinstance(1, (int | str, 5)) and isinstance("x", (3, int | str))):
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
