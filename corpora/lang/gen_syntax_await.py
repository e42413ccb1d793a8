# `await` in a plain function is a SyntaxError at compile time.
print("never printed")


def plain():
    return await something()
