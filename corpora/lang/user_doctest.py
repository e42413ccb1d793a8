"""doctest.testmod on this module: passing examples print nothing; a
failing one is reported in CPython's format.

>>> 1 + 1
2
"""
import doctest


def add(a, b):
    """Adds.

    >>> add(2, 3)
    5
    >>> add("a", "b")
    'ab'
    >>> [add(i, i) for i in range(20)]  # doctest: +ELLIPSIS
    [0, 2, 4, ..., 38]
    >>> add(1, "x")
    Traceback (most recent call last):
        ...
    TypeError: unsupported operand type(s) for +: 'int' and 'str'
    >>> add(1, ValueError("two\\nlines")) # doctest: +ELLIPSIS
    Traceback (most recent call last):
      File "<doctest>", line 1, in <module>
    TypeError: unsupported operand type(s) for +: 'int' and '...'
    >>> raise ValueError("first\\nsecond")
    Traceback (most recent call last):
        ...
    ValueError: first
    second
    >>> x = add(1, 2)
    >>> x
    3
    >>> add([1,   2], [3])  # doctest: +NORMALIZE_WHITESPACE
    [1,  2,
     3]
    >>> add(0, 0)  # doctest: +SKIP
    99
    """
    return a + b


class Stack:
    """A stack.

    >>> s = Stack()
    >>> s.push(3)
    >>> s.pop()
    3
    """

    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)

    def pop(self):
        """
        >>> Stack().pop()
        Traceback (most recent call last):
        IndexError: pop from empty list
        >>> 5
        6
        >>> None
        >>> "x"
        """
        return self.items.pop()


print(doctest.testmod())
print(doctest.testmod(report=False))
print(doctest.testmod(optionflags=doctest.ELLIPSIS, report=False).attempted)
