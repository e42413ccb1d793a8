# Pretty printers for VM values when the binary has debug info: a pg::Value
# and a pointer to any pg::Object (pg::Str*, pg::List*, ...) print as the
# Python repr the inspector renders from the inferior's memory (cycles as
# [...], bad pointers as <unreadable at 0x...>), cut at gdb's `print
# elements` characters with "...(truncated)" as libpython does. Without
# debug info there are no types to hook: use `py-value EXPRESSION`.
import gdb
import gdb.printing

from . import inspector

_object_types = {}  # type tag -> bool


def _is_object_type(t):
    """Is the struct type `t` pg::Object or derived from it?"""
    tag = t.tag
    if tag is None:
        return False
    if tag in _object_types:
        return _object_types[tag]
    result = tag == "pg::Object"
    if not result:
        try:
            for field in t.fields():
                if field.is_base_class and _is_object_type(field.type.strip_typedefs()):
                    result = True
                    break
        except (gdb.error, TypeError):
            result = False
    _object_types[tag] = result
    return result


TRUNCATED = "...(truncated)"


def _limit():
    """gdb's `print elements` (200 by default; None when unlimited): how
    many characters of a repr `print` and `bt` show."""
    try:
        limit = gdb.parameter("print elements")
    except (gdb.error, RuntimeError):
        return 200
    return limit if isinstance(limit, int) and limit > 0 else None


def _render(bits):
    if bits == 0:
        return "0x0"
    try:
        text = inspector.render_value(inspector.snapshot(), bits)
        limit = _limit()
        if limit is not None and len(text) > limit:
            text = text[:limit] + TRUNCATED
        return text
    except inspector.PyglassError as e:
        return "%#x <pyglass: %s>" % (bits, e)
    except Exception as e:  # never break `print`
        return "%#x <pyglass: %s: %s>" % (bits, type(e).__name__, e)


class ValuePrinter:
    """pg::Value: its repr."""

    def __init__(self, value):
        self.value = value

    def to_string(self):
        try:
            bits = int(self.value["bits"]) & 0xFFFFFFFFFFFFFFFF
        except gdb.error as e:
            return "<unreadable: %s>" % e
        return _render(bits)


class ObjectPointerPrinter:
    """pg::Object* (and derived): the repr of the object it points at."""

    def __init__(self, value):
        self.value = value

    def to_string(self):
        try:
            bits = int(self.value) & 0xFFFFFFFFFFFFFFFF
        except gdb.error as e:
            return "<unreadable: %s>" % e
        return _render(bits)


class PyglassPrinter(gdb.printing.PrettyPrinter):
    def __init__(self):
        super().__init__("pyglass", [])

    def __call__(self, value):
        if not self.enabled:
            return None
        try:
            t = value.type.strip_typedefs()
            if t.code == gdb.TYPE_CODE_STRUCT and t.tag == "pg::Value":
                return ValuePrinter(value)
            if t.code == gdb.TYPE_CODE_PTR:
                target = t.target().strip_typedefs()
                if target.code == gdb.TYPE_CODE_STRUCT and _is_object_type(target):
                    return ObjectPointerPrinter(value)
        except Exception:
            return None
        return None


def register():
    gdb.printing.register_pretty_printer(None, PyglassPrinter(), replace=True)
