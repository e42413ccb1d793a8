"""Rational numbers: fractions.Fraction (CPython 3.11's API, results and
hashes). Written for pyglass.
"""

import math as _math

__all__ = ["Fraction"]

_HASH_MODULUS = 2305843009213693951  # 2**61 - 1, sys.hash_info.modulus
_HASH_INF = 314159


def _is_rational(x):
    return isinstance(x, (int, Fraction))


def _parse(text):
    """'[sign] int [/ int]' or a decimal '[sign] digits [. digits] [e exp]'
    (underscores between digits allowed) -> (numerator, denominator)."""
    s = text.strip()
    if not s:
        return None
    sign = 1
    if s[0] in "+-":
        if s[0] == "-":
            sign = -1
        s = s[1:]

    def digits_ok(part):
        if not part or part[0] == "_" or part[-1] == "_" or "__" in part:
            return False
        return all(c in "0123456789_" for c in part) and part.replace("_", "").isdigit()

    if "/" in s:
        num, _, den = s.partition("/")
        num = num.rstrip() if False else num
        if not digits_ok(num) or not digits_ok(den):
            return None
        return sign * int(num.replace("_", "")), int(den.replace("_", ""))
    exp = 0
    lower = s.lower()
    if "e" in lower:
        mant, _, exp_text = lower.partition("e")
        exp_sign = 1
        if exp_text[:1] in ("+", "-"):
            if exp_text[0] == "-":
                exp_sign = -1
            exp_text = exp_text[1:]
        if not digits_ok(exp_text):
            return None
        exp = exp_sign * int(exp_text.replace("_", ""))
    else:
        mant = s
    if "." in mant:
        whole, _, frac = mant.partition(".")
        if not whole and not frac:
            return None
        if whole and not digits_ok(whole) or frac and not digits_ok(frac):
            return None
    else:
        whole, frac = mant, ""
        if not digits_ok(whole):
            return None
    numerator = int((whole + frac).replace("_", "") or "0")
    denominator = 10 ** len(frac.replace("_", ""))
    if exp >= 0:
        numerator *= 10 ** exp
    else:
        denominator *= 10 ** -exp
    return sign * numerator, denominator


class Fraction:
    """A rational number numerator/denominator in lowest terms (denominator > 0)."""

    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int or isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, float):
                n, d = numerator.as_integer_ratio()
                self._numerator = n
                self._denominator = d
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError("Invalid literal for Fraction: %r" % numerator)
                numerator, denominator = parsed
            elif hasattr(numerator, "as_integer_ratio") and not isinstance(numerator, complex):
                numerator, denominator = numerator.as_integer_ratio()
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            n1 = Fraction(numerator)
            n2 = Fraction(denominator)
            numerator = n1._numerator * n2._denominator
            denominator = n2._numerator * n1._denominator
        else:
            raise TypeError("both arguments should be Rational instances")
        numerator = int(numerator)
        denominator = int(denominator)
        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        if _normalize:
            g = _math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)"
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        return cls(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction with denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        # The two candidates: the last convergent and the best semiconvergent.
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def __repr__(self):
        return "%s(%s, %s)" % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    # -- arithmetic ----------------------------------------------------------

    def _operands(self, other):
        """other as (numerator, denominator), or a float/complex, or None."""
        if isinstance(other, Fraction):
            return other._numerator, other._denominator
        if isinstance(other, int):
            return int(other), 1
        return None

    def __add__(a, b):
        o = a._operands(b)
        if o is not None:
            return Fraction(a._numerator * o[1] + o[0] * a._denominator, a._denominator * o[1])
        if isinstance(b, (float, complex)):
            return float(a) + b
        return NotImplemented

    def __radd__(b, a):
        o = b._operands(a)
        if o is not None:
            return Fraction(o[0] * b._denominator + b._numerator * o[1], o[1] * b._denominator)
        if isinstance(a, (float, complex)):
            return a + float(b)
        return NotImplemented

    def __sub__(a, b):
        o = a._operands(b)
        if o is not None:
            return Fraction(a._numerator * o[1] - o[0] * a._denominator, a._denominator * o[1])
        if isinstance(b, (float, complex)):
            return float(a) - b
        return NotImplemented

    def __rsub__(b, a):
        o = b._operands(a)
        if o is not None:
            return Fraction(o[0] * b._denominator - b._numerator * o[1], o[1] * b._denominator)
        if isinstance(a, (float, complex)):
            return a - float(b)
        return NotImplemented

    def __mul__(a, b):
        o = a._operands(b)
        if o is not None:
            return Fraction(a._numerator * o[0], a._denominator * o[1])
        if isinstance(b, (float, complex)):
            return float(a) * b
        return NotImplemented

    def __rmul__(b, a):
        o = b._operands(a)
        if o is not None:
            return Fraction(o[0] * b._numerator, o[1] * b._denominator)
        if isinstance(a, (float, complex)):
            return a * float(b)
        return NotImplemented

    def __truediv__(a, b):
        o = a._operands(b)
        if o is not None:
            if o[0] == 0:
                raise ZeroDivisionError("Fraction(%s, 0)" % (a._numerator * o[1]))
            return Fraction(a._numerator * o[1], a._denominator * o[0])
        if isinstance(b, (float, complex)):
            return float(a) / b
        return NotImplemented

    def __rtruediv__(b, a):
        o = b._operands(a)
        if o is not None:
            if b._numerator == 0:
                raise ZeroDivisionError("Fraction(%s, 0)" % (o[0] * b._denominator))
            return Fraction(o[0] * b._denominator, o[1] * b._numerator)
        if isinstance(a, (float, complex)):
            return a / float(b)
        return NotImplemented

    def __floordiv__(a, b):
        o = a._operands(b)
        if o is not None:
            return (a._numerator * o[1]) // (a._denominator * o[0])
        if isinstance(b, float):
            return float(a) // b
        return NotImplemented

    def __rfloordiv__(b, a):
        o = b._operands(a)
        if o is not None:
            return (o[0] * b._denominator) // (o[1] * b._numerator)
        if isinstance(a, float):
            return a // float(b)
        return NotImplemented

    def __mod__(a, b):
        o = a._operands(b)
        if o is not None:
            d = a._denominator * o[1]
            return Fraction((a._numerator * o[1]) % (o[0] * a._denominator), d)
        if isinstance(b, float):
            return float(a) % b
        return NotImplemented

    def __rmod__(b, a):
        o = b._operands(a)
        if o is not None:
            return Fraction(o[0], o[1]) % b
        if isinstance(a, float):
            return a % float(b)
        return NotImplemented

    def __divmod__(a, b):
        o = a._operands(b)
        if o is not None:
            da, db = a._denominator, o[1]
            q, r = divmod(a._numerator * db, da * o[0])
            return q, Fraction(r, da * db)
        if isinstance(b, float):
            return divmod(float(a), b)
        return NotImplemented

    def __rdivmod__(b, a):
        o = b._operands(a)
        if o is not None:
            return divmod(Fraction(o[0], o[1]), b)
        if isinstance(a, float):
            return divmod(a, float(b))
        return NotImplemented

    def __pow__(a, b):
        if isinstance(b, (int, Fraction)):
            b = Fraction(b)
            if b._denominator == 1:
                power = b._numerator
                if power >= 0:
                    return Fraction(a._numerator ** power, a._denominator ** power,
                                    _normalize=False)
                if a._numerator > 0:
                    return Fraction(a._denominator ** -power, a._numerator ** -power,
                                    _normalize=False)
                if a._numerator == 0:
                    raise ZeroDivisionError("Fraction(%s, 0)" % (a._denominator ** -power))
                return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power,
                                _normalize=False)
            return float(a) ** float(b)
        if isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, int):
            return Fraction(a) ** b
        if isinstance(a, (float, complex)):
            return a ** float(b)
        return NotImplemented

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    __trunc__ = __int__

    def __float__(a):
        return a._numerator / a._denominator

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    # -- comparison and hashing ---------------------------------------------------

    def __hash__(self):
        dinv = pow(self._denominator, _HASH_MODULUS - 2, _HASH_MODULUS)
        if not dinv:
            hash_ = _HASH_INF
        else:
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(a, b):
        if isinstance(b, Fraction):
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, int):
            return a._numerator == b and a._denominator == 1
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if _math.isnan(b) or _math.isinf(b):
                return 0.0 == b
            return a == Fraction(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, (int, Fraction)):
            o = self._operands(other)
            return op(self._numerator * o[1], self._denominator * o[0])
        if isinstance(other, float):
            if _math.isnan(other) or _math.isinf(other):
                return op(0.0, other)
            return op(self, Fraction(other))
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, _lt)

    def __gt__(a, b):
        return a._richcmp(b, _gt)

    def __le__(a, b):
        return a._richcmp(b, _le)

    def __ge__(a, b):
        return a._richcmp(b, _ge)

    def __bool__(a):
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)


def _lt(a, b):
    return a < b


def _gt(a, b):
    return a > b


def _le(a, b):
    return a <= b


def _ge(a, b):
    return a >= b
