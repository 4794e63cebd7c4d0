"""Split a report's text into cell tokens, whatever the text shape (FORMAT.md §9.1).

Three shapes are recognised line by line:

* **tab** (Word→text, Tika style, L1–L4): a line starting with TAB is a cell; a following line without
  TAB continues that cell; a blank line ends a table row.
* **pipe** (HTML→text, L5–L6, and markdown tables): cells end with ``|``. A document is either *cells*
  (one cell per line; extra ``|`` after the first are colspan padding, not cells) or *rows* (one table
  row per line, every ``|``-separated segment is a cell). A line without ``|`` between two pipe lines
  continues the next line's first cell (a ``<br>`` inside a header cell). A line that is only ``|`` separates
  rows; an empty cell is printed `` |``.
* **plain** (no separators at all): each line is split on whitespace; adjacent words that are not
  values are joined back (a label with spaces in it, W8).

Lines outside tables become single *narrative* tokens: table scanners stop at them.
"""

from __future__ import annotations

import re
from collections.abc import Sized
from typing import Final, NamedTuple

from ogi.text.normalize import LINE_MEMO_SIZE, MEMO_LINE_CHARS, compact, label_form, normalize_text

_VALUE: Final = re.compile(
    r"^(?:[+-]?\d[\d,]*(?:\.\d+)?(?:万元|元|万|项|件|个|条|次|人次)?"  # 12, 1,207, 419311元, 1207.5万元, 0项
    r"|(?:增加?|减少?)\(?[+-]?\d+(?:\.\d+)?\)?(?:项|件|个)?"  # 增(2), 减3
    r"|[-—–─_~]+|/|无|空|暂无|null|none|n/a)$",
    re.IGNORECASE,
)
_PIPES: Final = re.compile(r"[|｜]")
_HAS_DIGIT: Final = re.compile(r"\d")
_HEADING: Final = re.compile(r"^[一二三四五六七八九十]+[、.．]")
# A markdown rule has a run of three dashes; " |" or "- |" alone is an empty or dash cell. (Callers test
# for "---" first: it is much cheaper than the match.)
# A page's number or mark, printed between table rows by PDF or Word conversions: - 3 -, 第3页共5页, 3/5.
PAGE_MARK: Final = re.compile(r"^(?:[-—–_~]+\d{1,4}[-—–_~]+|第\d{1,4}页(?:/?共\d{1,4}页)?|共\d{1,4}页第\d{1,4}页|\d{1,4}/\d{1,4})$")
# What a split table prints between its halves: （续表）, 续上表, 单位：件.
_SPLIT_TABLE_LINE: Final = re.compile(r"^\(?续(?:上)?表\d*\)?(?:\(单位:[件个条]\))?$|^单位:[件个条]$")


def check_same_length(first: Sized, second: Sized) -> None:
    """What ``zip(first, second, strict=True)`` checks, done apart: compiled, a ``zip`` with a keyword (or an
    ``enumerate`` with a start) is a generic call iterated through the C API, where plain ones are C loops."""
    if len(first) != len(second):
        raise ValueError(f"zip() arguments differ in length: {len(first)} and {len(second)}")


def is_table_furniture(norm: str) -> bool:
    """A line between table rows that holds no cell: （续表）, 单位：件, a page mark or a page's number."""
    return len(norm) <= 12 and (
        _SPLIT_TABLE_LINE.match(norm) is not None or PAGE_MARK.match(norm) is not None
        or (norm.isdigit() and len(norm) <= 3))
_MARKDOWN_RULE: Final = re.compile(r"^[|:\s]*-{3,}[|:\-\s]*$")


class Token:
    """One table cell, or one line of running text. A plain class rather than a dataclass: mypyc compiles a
    class's own constructor, not the one a dataclass generates, and tokens are made by the hundred per report."""

    __slots__ = ("line_no", "narrative", "norm", "raw", "row")

    def __init__(self, raw: str, norm: str, line_no: int, row: int, narrative: bool = False) -> None:
        self.raw = raw  # as printed, surrounding whitespace stripped (kept for provenance)
        self.norm = norm  # normalised, no whitespace (used for matching and value parsing)
        self.line_no = line_no  # 1-based line in the decoded text where the cell starts
        self.row = row  # row id: tokens of one table row share it where the shape says so
        self.narrative = narrative  # a line of running text, not a table cell

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.raw, self.norm, self.line_no, self.row, self.narrative) == (
            other.raw, other.norm, other.line_no, other.row, other.narrative)

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __repr__(self) -> str:
        return (f"Token(raw={self.raw!r}, norm={self.norm!r}, line_no={self.line_no}, row={self.row}, "
                f"narrative={self.narrative})")

    @property
    def is_blank(self) -> bool:
        return self.norm == ""

    @property
    def is_value(self) -> bool:
        """Looks like something printed in a value cell (number, blank, dash, slash, 无)."""
        return is_value_text(self.norm)


# Cells repeat across reports (0, 1, the same labels): the per-cell answers below are cached, bounded per
# process. Every memoised function of the parser uses this size. The hottest ones keep a plain dictionary,
# not lru_cache: compiled code reads it directly, where a call through lru_cache's wrapper costs more than
# the regular expression it saves.
MEMO_SIZE = 200_000
_value_texts: Final[dict[str, bool]] = {}
_compact_cells: Final[dict[str, str]] = {}


def is_value_text(norm: str) -> bool:
    known = _value_texts.get(norm)
    if known is None:
        if len(_value_texts) >= MEMO_SIZE:
            _value_texts.clear()
        known = _value_texts[norm] = norm == "" or _VALUE.match(norm) is not None
    return known


_SPACE_BETWEEN_DIGITS: Final = re.compile(r"(?<=\d)\s+(?=\d)")


def compact_cell(norm: str) -> str:
    """``compact`` for one cell's text, except that a space between two digits stays (as one space): "1 2" is
    two numbers printed in one cell (a line break a converter joined with a space), never 12."""
    known = _compact_cells.get(norm)
    if known is None:
        if len(_compact_cells) >= MEMO_SIZE:
            _compact_cells.clear()
        if _SPACE_BETWEEN_DIGITS.search(norm) is None:
            known = compact(norm)
        else:
            known = " ".join(compact(part) for part in _SPACE_BETWEEN_DIGITS.split(norm))
        _compact_cells[norm] = known
    return known


def _is_heading(norm_line: str) -> bool:
    return _HEADING.match(norm_line) is not None and "|" not in norm_line


_MARKDOWN: Final = "+markdown"


def _pipe_layout(norm_lines: list[str]) -> str:
    """'rows' when many pipe lines hold several non-empty cells, else 'cells' (FORMAT.md L5)."""
    multi = 0
    known = _multi_cell_lines
    for line in norm_lines:
        several = known.get(line)
        if several is None:
            several = _holds_several_cells(line)
            if len(line) <= MEMO_LINE_CHARS:
                if len(known) > LINE_MEMO_SIZE:
                    known.clear()
                known[line] = several
        if several:
            multi += 1
            if multi >= 5:
                return "rows"
    return "cells"


# Per normalised line (the line memo's own strings, whose hash is known), whether it holds several non-empty
# pipe cells: a 'cells' document is read to its end, and a lookup costs less than stripping each line.
_multi_cell_lines: Final[dict[str, bool]] = {}


def _holds_several_cells(line: str) -> bool:
    # Pipes only at the ends, among spaces, leave at most one non-empty cell: no need to split.
    if "|" in line.strip(" \t|") and not ("---" in line and _MARKDOWN_RULE.match(line)):
        return sum(1 for c in line.split("|") if c.strip()) >= 2
    return False


def _split_raw_pipes(raw: str) -> list[str]:
    return raw.split("|") if "｜" not in raw else _PIPES.split(raw)


def tokenize(text: str, normalized: str | None = None, lines: tuple[list[str], list[str]] | None = None) -> list[Token]:
    """Tokens of the whole document, in reading order (``normalized``: ``normalize_text(text)``, if known;
    ``lines``: the text's lines and the normalised ones, as ``normalize_lines`` gives them)."""
    labelled = label_form(normalized if normalized is not None else normalize_text(text))
    if lines is not None and labelled is normalized:  # (the label aliases changed nothing)
        raw_lines, norm_lines = lines
    else:
        raw_lines = text.split("\n")
        norm_lines = labelled.split("\n")
    if len(norm_lines) != len(raw_lines):  # normalisation never adds line breaks; be safe anyway
        norm_lines = [label_form(normalize_text(line)) for line in raw_lines]
        labelled = "\n".join(norm_lines)
    has_tabs = text.startswith("\t") or "\n\t" in text  # a line starting with TAB
    has_pipes = "|" in labelled
    if has_tabs or has_pipes:
        layout = _pipe_layout(norm_lines) if has_pipes else ""
        if has_pipes and "---" in labelled and any("---" in line and _MARKDOWN_RULE.match(line) for line in norm_lines):
            layout += _MARKDOWN  # a markdown table may be indented: its rows' leading '|' opens no cell
        return _tokenize_structured(raw_lines, norm_lines, layout)
    from ogi.extract.plain import tokenize_plain  # plain builds on this module's tokens

    return tokenize_plain(raw_lines, norm_lines)


class _Line(NamedTuple):
    """What one line is, apart from where it stands: the part of tokenising that does not depend on the lines
    around it."""

    kind: int  # one of the _LINE_* kinds below
    cells: tuple[tuple[str, str], ...] = ()  # tab and pipe lines: (raw, norm) of each cell
    raw: str = ""  # plain lines: the raw line, stripped
    norm: str = ""  # plain lines: the normalised line without whitespace
    heading: bool = False  # plain lines: starts like 一、 (a section heading)


_LINE_TAB_EMPTY: Final = 0
_LINE_BLANK: Final = 1
_LINE_TAB: Final = 2
_LINE_ROW_BREAK: Final = 3
_LINE_RULE: Final = 4
_LINE_PIPE: Final = 5
_LINE_PLAIN: Final = 6
# Most lines of a report (labels, small numbers, stock sentences) recur across reports: each distinct short
# line is analysed once per process. Long lines are running text, rarely repeated. Keyed by the raw line
# alone, with the layout and the normalised line compared on a hit: hashing a key of all three cost more
# than the analysis it saves (each line is a new string, whose hash is not yet known).
_line_memo: Final[dict[str, tuple[str, str, _Line]]] = {}


def _line(raw: str, norm: str, pipe_layout: str) -> _Line:
    """What a line is, from the memo when it was met before in the same layout and normalised form."""
    known = _line_memo.get(raw)
    if known is not None and known[1] == norm and known[0] == pipe_layout:
        return known[2]
    line = _analyse_line(raw, norm, pipe_layout)
    if len(raw) <= MEMO_LINE_CHARS:
        if len(_line_memo) > LINE_MEMO_SIZE:
            _line_memo.clear()
        _line_memo[raw] = (pipe_layout, norm, line)
    return line


def _analyse_line(raw: str, norm: str, pipe_layout: str) -> _Line:
    stripped = norm.strip()
    tab_line = raw.startswith("\t")
    if tab_line and not stripped:  # "\t" alone is an empty Word cell, not a row break
        return _Line(_LINE_TAB_EMPTY)
    if not stripped:
        return _Line(_LINE_BLANK)
    if tab_line or norm.startswith("\t"):
        if "\t" in raw[1:] or "\t" in norm[1:]:
            cells = tuple((raw_cell.strip(), compact_cell(norm_cell))
                          for raw_cell, norm_cell in zip(raw[1:].split("\t"), norm[1:].split("\t")))
        else:  # the usual Word line: one cell
            cells = ((raw[1:].strip(), compact_cell(norm[1:])),)
        return _Line(_LINE_TAB, cells)
    if "|" in stripped:
        if stripped == "|" and not raw[:1].isspace():
            # L5: a lone "|" line separates table rows. An empty cell prints its (empty) text and then " |",
            # so it keeps its leading space and stays a cell.
            return _Line(_LINE_ROW_BREAK)
        if "---" in stripped and _MARKDOWN_RULE.match(stripped):
            return _Line(_LINE_RULE)
        return _Line(_LINE_PIPE, _pipe_cells(raw, norm, pipe_layout))
    return _Line(_LINE_PLAIN, (), raw.strip(), compact(norm), _is_heading(stripped))


def _tokenize_structured(raw_lines: list[str], norm_lines: list[str], pipe_layout: str) -> list[Token]:
    tokens: list[Token] = []
    row = 0
    previous = _LINE_BLANK  # kind of the previous line that counts: blank, tab, pipe or plain
    carry_raw: list[str] = []  # plain lines waiting to be prefixed to the next pipe line's first cell
    carry_norm: list[str] = []
    carry_line = 0
    # The kinds are tested most frequent first (cells, then blank lines); a _Line is unpacked, which is cheaper
    # than reading its fields by name.
    check_same_length(raw_lines, norm_lines)
    for index, (raw, norm) in enumerate(zip(raw_lines, norm_lines)):
        line_no = index + 1
        line = _line(raw, norm, pipe_layout)
        kind, cells, plain_raw, plain_norm, heading = line
        if kind == _LINE_TAB:
            row += previous != _LINE_TAB  # a new table after narrative starts a new row
            for raw_cell, norm_cell in cells:
                tokens.append(Token(raw_cell, norm_cell, line_no, row))
            previous = _LINE_TAB
        elif kind == _LINE_PIPE:
            row += 1
            if carry_raw and cells:
                raw_cell, norm_cell = cells[0]
                tokens.append(Token("\n".join([*carry_raw, raw_cell]), "".join([*carry_norm, norm_cell]), carry_line, row))
                carry_raw, carry_norm = [], []
                for raw_cell, norm_cell in cells[1:]:
                    tokens.append(Token(raw_cell, norm_cell, line_no, row))
            else:
                for raw_cell, norm_cell in cells:
                    tokens.append(Token(raw_cell, norm_cell, line_no, row))
            previous = _LINE_PIPE
        elif kind == _LINE_BLANK:
            if carry_raw:
                tokens.append(narrative_token(" ".join(carry_raw), carry_line, row))
                carry_raw, carry_norm = [], []
            row += 1
            previous = _LINE_BLANK
        elif kind == _LINE_TAB_EMPTY:
            row += previous != _LINE_TAB
            tokens.append(Token("", "", line_no, row))
            previous = _LINE_TAB
        elif kind == _LINE_ROW_BREAK:
            row += 1
            previous = _LINE_PIPE
        elif kind == _LINE_RULE:
            previous = _LINE_PIPE
        elif previous == _LINE_TAB and not heading and tokens:
            last = tokens[-1]  # L1: a line without TAB continues the previous cell
            last.raw = f"{last.raw}\n{plain_raw}"
            # Two paragraphs of a value cell (1 / 2, or a page number under a number) are no number 12.
            glue = " " if last.norm and is_value_text(last.norm) and _HAS_DIGIT.search(plain_norm) else ""
            last.norm += glue + plain_norm
        elif previous == _LINE_PIPE and (plain_norm.isdigit() or PAGE_MARK.match(plain_norm)):
            pass  # a page number between pipe rows: no cell, and never glued onto the next one
        elif previous == _LINE_PIPE and not heading and len(plain_norm) <= 20:
            if not carry_raw:
                carry_line = line_no
            carry_raw.append(plain_raw)
            carry_norm.append(plain_norm)
        else:
            if carry_raw:
                tokens.append(narrative_token(" ".join(carry_raw), carry_line, row))
                carry_raw, carry_norm = [], []
            row += 1
            tokens.append(Token(plain_raw, plain_norm, line_no, row, True))
            previous = _LINE_PLAIN
    if carry_raw:
        tokens.append(narrative_token(" ".join(carry_raw), carry_line, row))
    return tokens


def narrative_token(raw: str, line_no: int, row: int, norm: str | None = None) -> Token:
    """A line of running text (or a plain line without values) as one token."""
    return Token(raw.strip(), compact(norm if norm is not None else label_form(normalize_text(raw))), line_no, row, True)


def _pipe_cells(raw: str, norm: str, layout: str) -> tuple[tuple[str, str], ...]:
    """(raw, norm) of the cells of a pipe line."""
    norm_parts = norm.split("|")
    raw_parts = _split_raw_pipes(raw)
    if len(raw_parts) != len(norm_parts):
        raw_parts = norm_parts
    # Markdown rows start with '|': drop the empty segment before it.
    # (Outside markdown, a line that starts with a space and then '|' begins with an empty cell, as HTML→text
    # prints it.)
    leading_pipe = norm.lstrip().startswith("|") if layout.endswith(_MARKDOWN) else norm.startswith("|")
    if norm_parts and not norm_parts[0].strip() and leading_pipe and len(norm_parts) > 2:
        norm_parts, raw_parts = norm_parts[1:], raw_parts[1:]
    # The segment after the final '|' is the line's end, not a cell.
    if len(norm_parts) > 1 and not norm_parts[-1].strip():
        norm_parts, raw_parts = norm_parts[:-1], raw_parts[:-1]
    if layout.startswith("cells"):
        # One cell per line: what follows the first '|' is colspan padding.
        return ((raw_parts[0].strip(), compact_cell(norm_parts[0])),)
    return tuple((r.strip(), compact_cell(n)) for r, n in zip(raw_parts, norm_parts))  # (one length: see above)
