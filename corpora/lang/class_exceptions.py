# Exception classes defined in Python: hierarchy, __init__ with super(),
# extra attributes, __str__, raise/catch, chaining, and an uncaught one.


class AppError(Exception):
    """Base of this program's errors."""


class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__("bad config key " + repr(key) + ": " + reason)
        self.key = key
        self.reason = reason


class RetryError(AppError):
    def __init__(self, attempts):
        self.attempts = attempts

    def __str__(self):
        return "gave up after " + str(self.attempts) + " attempts"


class Plain(Exception):
    pass


try:
    raise ConfigError("port", "not a number")
except AppError as e:
    print(type(e).__name__, e, e.key, e.reason, e.args)
    print(isinstance(e, ConfigError), isinstance(e, Exception), isinstance(e, ValueError))

try:
    raise RetryError(3)
except RetryError as e:
    print(e, repr(e), e.args, e.attempts)

try:
    raise Plain
except Plain as e:
    print(repr(e), e.args, str(e) == "")

try:
    raise Plain("a", 2)
except Exception as e:
    print(repr(e), str(e))

print(AppError.__mro__)
print(AppError.__doc__, ConfigError.__bases__, issubclass(ConfigError, Exception))


# Catching with tuples and in order; re-raise; finally.
def risky(n):
    if n == 0:
        raise ConfigError("x", "zero")
    if n == 1:
        raise RetryError(n)
    if n == 2:
        raise KeyError("k")
    return n


for n in range(4):
    try:
        print("ok", risky(n))
    except (ConfigError, KeyError) as e:
        print("config or key:", type(e).__name__)
    except AppError as e:
        print("app:", e)
    finally:
        print("finally", n)


# Exceptions carrying data, chained with raise ... from.
class ParseError(ValueError):
    def __init__(self, line, col):
        super().__init__(line, col)
        self.line = line
        self.col = col

    def __str__(self):
        return "parse error at " + str(self.line) + ":" + str(self.col)


def parse(text):
    try:
        return int(text)
    except ValueError as inner:
        raise ParseError(1, 5) from inner


try:
    parse("abc")
except ParseError as e:
    print(e, e.args, type(e.__cause__).__name__, isinstance(e, ValueError))

# Subclassing a built-in exception keeps its behaviour.
class MyKeyError(KeyError):
    pass


try:
    {}["missing"]
except KeyError as e:
    print("caught", repr(e))
try:
    raise MyKeyError("mk")
except LookupError as e:
    print("caught", repr(e), str(e))


# Exception attributes set later; with_traceback; add_note.
err = AppError("boom")
err.code = 7
print(err.code, err.args, str(err))


class Counted(Exception):
    count = 0

    def __init__(self, msg):
        Counted.count += 1
        super().__init__(msg)


try:
    raise Counted("c")
except Counted as e:
    print(Counted.count, e)
    # A class attribute is visible on instances.
    print(e.count)


# Uncaught: CPython prints the class name (without __main__.).
class FatalError(AppError):
    def __init__(self, what):
        super().__init__("fatal: " + what)


def main():
    raise FatalError("disk on fire")


main()
