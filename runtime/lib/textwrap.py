"""Text wrapping and filling (pyglass's bundled `textwrap` module).

wrap/fill/TextWrapper follow CPython's algorithm: the text is cut into
whitespace and word chunks (hyphenated words split after a hyphen between
letters), lines are filled greedily, too long words are broken, and
whitespace is dropped at line ends. dedent and indent are CPython's.
Known gaps: no `re`, so words are split by this module's own scanner
(em-dashes and other rare punctuation cases may split differently);
fix_sentence_endings and max_lines are not supported yet.
"""

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

_whitespace = "\t\n\x0b\x0c\r "


def _is_letter(c):
    return c.isalpha()


def _split_word(word, break_on_hyphens):
    """Splits a run of non-whitespace after hyphens that join letters."""
    if not break_on_hyphens or "-" not in word:
        return [word]
    pieces = []
    start = 0
    n = len(word)
    for i in range(1, n - 2):
        if word[i] != "-":
            continue
        before_ok = i >= 2 and _is_letter(word[i - 1]) and _is_letter(word[i - 2])
        after_ok = _is_letter(word[i + 1]) and (_is_letter(word[i + 2]) or
                                               (word[i + 2] == "-" and i + 3 < n and _is_letter(word[i + 3])))
        if before_ok and after_ok:
            pieces.append(word[start:i + 1])
            start = i + 1
    pieces.append(word[start:])
    return pieces


class TextWrapper:
    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for c in "\t\n\x0b\x0c\r":
                text = text.replace(c, " ")
        return text

    def _split(self, text):
        chunks = []
        i = 0
        n = len(text)
        while i < n:
            j = i
            if text[i] in _whitespace:
                while j < n and text[j] in _whitespace:
                    j += 1
                chunks.append(text[i:j])
            else:
                while j < n and text[j] not in _whitespace:
                    j += 1
                chunks.extend(_split_word(text[i:j], self.break_on_hyphens))
            i = j
        return chunks

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError(f"invalid width {self.width!r} (must be > 0)")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                length = len(chunks[-1])
                if cur_len + length <= width:
                    cur_line.append(chunks.pop())
                    cur_len += length
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum([len(c) for c in cur_line])
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                lines.append(indent + "".join(cur_line))
        return lines

    def wrap(self, text):
        return self._wrap_chunks(self._split_chunks(text))

    def fill(self, text):
        return "\n".join(self.wrap(text))


def wrap(text, width=70, initial_indent="", subsequent_indent="", break_long_words=True,
         drop_whitespace=True, break_on_hyphens=True, expand_tabs=True, replace_whitespace=True,
         tabsize=8):
    """The lines of text wrapped to width (a list of str without newlines)."""
    w = TextWrapper(width=width, initial_indent=initial_indent, subsequent_indent=subsequent_indent,
                    break_long_words=break_long_words, drop_whitespace=drop_whitespace,
                    break_on_hyphens=break_on_hyphens, expand_tabs=expand_tabs,
                    replace_whitespace=replace_whitespace, tabsize=tabsize)
    return w.wrap(text)


def fill(text, width=70, initial_indent="", subsequent_indent="", break_long_words=True,
         drop_whitespace=True, break_on_hyphens=True, expand_tabs=True, replace_whitespace=True,
         tabsize=8):
    """wrap() joined with newlines."""
    return "\n".join(wrap(text, width, initial_indent, subsequent_indent, break_long_words,
                          drop_whitespace, break_on_hyphens, expand_tabs, replace_whitespace,
                          tabsize))


def shorten(text, width, placeholder=" [...]"):
    """Collapses whitespace and truncates text to fit width, ending with
    placeholder when something was cut."""
    text = " ".join(text.strip().split())
    if len(text) <= width:
        return text
    words = text.split(" ")
    result = ""
    for word in words:
        candidate = word if not result else result + " " + word
        if len(candidate) + len(placeholder) > width:
            break
        result = candidate
    if not result and len(placeholder.lstrip()) > width:
        raise ValueError("placeholder too large for max width")
    return (result + placeholder) if result else placeholder.lstrip()


def _leading_ws(line):
    i = 0
    while i < len(line) and line[i] in " \t":
        i += 1
    return line[:i]


def dedent(text):
    """Removes the whitespace every non-blank line starts with; lines of
    only spaces and tabs become empty."""
    lines = text.split("\n")
    for i in range(len(lines)):
        if lines[i] and lines[i].strip(" \t") == "":
            lines[i] = ""
    margin = None
    for line in lines:
        if not line:
            continue
        indent_text = _leading_ws(line)
        if margin is None:
            margin = indent_text
        elif indent_text.startswith(margin):
            pass
        elif margin.startswith(indent_text):
            margin = indent_text
        else:
            for i in range(min(len(margin), len(indent_text))):
                if margin[i] != indent_text[i]:
                    margin = margin[:i]
                    break
    if margin:
        lines = [line[len(margin):] if line.startswith(margin) else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    """Adds prefix to the lines of text (by default the non-blank ones)."""
    out = []
    for line in text.splitlines(True):
        if (line.strip() if predicate is None else predicate(line)):
            out.append(prefix + line)
        else:
            out.append(line)
    return "".join(out)
