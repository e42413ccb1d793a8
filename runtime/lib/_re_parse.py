"""Pattern and template syntax for `re` (runtime/lib/re.py): re.error,
the translation of Python's pattern syntax to PCRE2's, CPython's wording
for PCRE2's compile errors, and replacement templates. Written for pyglass.
"""


class error(Exception):
    """A bad pattern or template: msg, pattern, pos, lineno, colno."""

    __module__ = "re"

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)



def _pcre_error(message, offset, text, pattern, shift):
    """re.error for a PCRE2 compile error, in CPython's words where the
    mistake is a common one. `offset` is in `text` (the translated pattern,
    `shift` characters shorter than `pattern` at its start)."""
    def at(i):
        return text[i] if 0 <= i < len(text) else ""

    pos = offset
    if message == "quantifier does not follow a repeatable item":
        if at(offset - 1) in ("*", "+", "?", "}") and offset > 1:
            message = "multiple repeat"
        else:
            message = "nothing to repeat"
    elif message == "unrecognized character follows \\":
        message = "bad escape \\%s" % at(offset)
        pos = offset - 1
    elif message == "\\ at end of pattern":
        message = "bad escape (end of pattern)"
        pos = offset - 1
    elif message == "numbers out of order in {} quantifier":
        message = "min repeat greater than max repeat"
        pos = text.rfind("{", 0, offset) + 1
    elif message == "range out of order in character class":
        message = "bad character range %s" % text[max(offset - 2, 0):offset + 1]
        pos = offset - 2
    elif message == "lookbehind assertion is not fixed length":
        return error("look-behind requires fixed-width pattern")
    elif message == "unrecognized character after (? or (?-":
        message = "unknown extension ?%s" % at(offset)
        pos = offset - 1
    elif message == "reference to non-existent subpattern":
        j = offset
        while j < len(text) and (text[j].isalnum() or text[j] == "_"):
            j += 1
        ref = text[offset:j]
        if ref.isdigit():
            message = "invalid group reference %s" % ref
        else:
            message = "unknown group name '%s'" % ref
    elif message == "missing ) after (?# comment":
        message = "missing ), unterminated comment"
        pos = max(text.rfind("(?#", 0, offset), 0)
    elif message == "subpattern name must start with a non-digit":
        j = text.find(">", offset)
        message = "bad character in group name '%s'" % text[offset:j if j >= 0 else len(text)]
    pos = min(max(pos, 0) + shift, len(pattern))
    return error(message, pattern, pos)


_INLINE_FLAGS = {"i": 2, "L": 4, "m": 8, "s": 16, "u": 32, "x": 64, "a": 256}


def _leading_flags(text):
    """Flags of the global inline groups "(?aimsux)" at the start of text,
    and the text with the a/u/L ones removed (PCRE2 does not know them)."""
    flags = 0
    out = text
    while out.startswith("(?"):
        j = 2
        while j < len(out) and out[j] in _INLINE_FLAGS:
            j += 1
        if j == 2 or j >= len(out) or out[j] != ")":
            break
        for ch in out[2:j]:
            flags |= _INLINE_FLAGS[ch]
        out = out[j + 1:]
    return flags, out


def _translate(text, is_str, pattern, shift, verbose_comment_risk):
    """Python pattern syntax -> PCRE2 syntax (text is a str; bytes patterns
    come here decoded as latin-1)."""
    out = []
    i = 0
    n = len(text)
    in_class = False
    class_start = 0
    open_parens = []  # positions of the "(" not yet closed
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n:
            nxt = text[i + 1]
            if nxt == "Z" and not in_class:
                out.append("\\z")
                i += 2
                continue
            if is_str and nxt in "uU":
                width = 4 if nxt == "u" else 8
                digits = text[i + 2:i + 2 + width]
                if len(digits) == width and all(c in "0123456789abcdefABCDEF" for c in digits):
                    out.append("\\x{" + digits + "}")
                    i += 2 + width
                    continue
                raise error("incomplete escape \\%s%s" % (nxt, digits), text, i)
            out.append(text[i:i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            elif ch == "[" and i + 1 < n and text[i + 1] == ":":
                out.append("\\[")  # Python has no POSIX classes: "[:" is literal
                i += 1
                continue
            out.append(ch)
            i += 1
            continue
        if ch == "(" and text.startswith("(?#", i):
            close = text.find(")", i)
            if close < 0:
                raise error("missing ), unterminated comment", pattern, i + shift)
            out.append(text[i:close + 1])
            i = close + 1
            continue
        if ch == "(":
            open_parens.append(i)
        elif ch == ")":
            if not open_parens:
                raise error("unbalanced parenthesis", pattern, i + shift)
            open_parens.pop()
        if ch == "[":
            in_class = True
            class_start = i
            out.append(ch)
            i += 1
            if i < n and text[i] == "^":
                out.append("^")
                i += 1
            if i < n and text[i] == "]":
                out.append("\\]")
                i += 1
            continue
        if ch == "{" and i + 1 < n and text[i + 1] == ",":
            j = i + 2
            while j < n and text[j].isdigit():
                j += 1
            if j < n and text[j] == "}" and out:
                out.append("{0,")
                i += 2
                continue
            if j < n and text[j] == "}":
                out.append("\\{")
                i += 1
                continue
        out.append(ch)
        i += 1
    if in_class:
        raise error("unterminated character set", pattern, class_start + shift)
    if open_parens and not verbose_comment_risk:
        raise error("missing ), unterminated subpattern", pattern, open_parens[0] + shift)
    return "".join(out)


def _group_depths(text):
    """Nesting depth of each capturing group (index 1..), for lastindex."""
    depths = [0]
    stack = []
    i = 0
    n = len(text)
    in_class = False
    while i < n:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if text[i + 1:i + 2] == "^":
                i += 1
            if text[i + 1:i + 2] == "]":
                i += 1
        elif ch == "(":
            capturing = not text.startswith("(?", i) or text.startswith("(?P<", i) or (
                text.startswith("(?<", i) and text[i + 3:i + 4] not in ("=", "!"))
            if capturing:
                depths.append(len(stack))
            stack.append(capturing)
        elif ch == ")":
            if stack:
                stack.pop()
        i += 1
    return depths


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            "\\": "\\"}


def _parse_template(repl, pattern):
    """A replacement template -> a list of literal pieces and group numbers."""
    is_str = isinstance(repl, str)
    text = repl if is_str else repl.decode("latin-1")
    if "\\" not in text:
        return [repl]
    items = []
    literal = []
    i = 0
    n = len(text)

    def group_ref(index, at):
        if index > pattern.groups:
            raise error("invalid group reference %d" % index, repl, at)
        if literal:
            items.append("".join(literal))
            literal.clear()
        items.append(index)

    while i < n:
        ch = text[i]
        if ch != "\\":
            literal.append(ch)
            i += 1
            continue
        if i + 1 >= n:
            raise error("bad escape (end of pattern)", repl, i)
        nxt = text[i + 1]
        if nxt == "g":
            if i + 2 >= n or text[i + 2] != "<":
                raise error("missing <", repl, i + 2)
            close = text.find(">", i + 3)
            if close < 0:
                raise error("missing >, unterminated name", repl, i + 3)
            name = text[i + 3:close]
            if not name:
                raise error("missing group name", repl, i + 3)
            if name.isdigit() and name.isascii():
                group_ref(int(name), i + 3)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                group_ref(pattern.groupindex[name], i + 3)
            else:
                raise error("bad character in group name '%s'" % name, repl, i + 3)
            i = close + 1
        elif nxt == "0":
            j = i + 2
            while j < n and j < i + 4 and text[j] in "01234567":
                j += 1
            literal.append(chr(int(text[i + 1:j], 8)))
            i = j
        elif nxt in "123456789":
            j = i + 2
            if j < n and text[j] in "0123456789":
                if (j + 1 < n and text[j + 1] in "01234567" and nxt in "01234567"
                        and text[j] in "01234567"):
                    value = int(text[i + 1:j + 2], 8)
                    if value > 0o377:
                        raise error("octal escape value \\%s outside of range 0-0o377"
                                    % text[i + 1:j + 2], repl, i)
                    literal.append(chr(value))
                    i = j + 2
                    continue
                j += 1
            group_ref(int(text[i + 1:j]), i + 1)
            i = j
        elif nxt in _ESCAPES:
            literal.append(_ESCAPES[nxt])
            i += 2
        elif nxt.isascii() and nxt.isalpha():
            raise error("bad escape \\%s" % nxt, repl, i)
        else:
            literal.append("\\" + nxt)
            i += 2
    if literal:
        items.append("".join(literal))
    if not is_str:
        items = [x if isinstance(x, int) else x.encode("latin-1") for x in items]
    return items
