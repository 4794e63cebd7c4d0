"""Take the value cells that belong to one row label — by position, never by guessing.

A row's cells are the tokens after its label: in the label's own row when the text shape delimits rows
(Word→text, one-row-per-line), otherwise up to the next label. Extra blanks at the end are colspan
padding or row separators and are dropped; a row with fewer cells than the template has, or with more
non-blank cells, cannot be placed and is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from ogi.extract.tokens import Token


class RowCells:
    """What one row's tokens are (a plain class, which mypyc compiles, unlike a dataclass's __init__)."""

    __slots__ = ("cells", "extra", "fragments", "reason")

    def __init__(self, cells: list[Token] | None, reason: str | None = None, extra: list[Token] | None = None,
                 fragments: list[Token] | None = None) -> None:
        self.cells = cells  # exactly n tokens, or None when the row cannot be placed
        self.reason = reason  # why it could not be placed
        self.extra = extra  # tokens after the row that look like an extra, non-template row
        self.fragments = fragments  # label pieces printed after the label (L8)


def _texts(tokens: list[Token]) -> list[str]:
    return [t.norm for t in tokens]


def _is_label_fragment(token: Token) -> bool:
    return not token.is_value and not any(ch.isdigit() for ch in token.norm)


_LEVELS: Final = (("一、", re.compile(r"[一二三四五六七八九十]+[、.]")), ("(一)", re.compile(r"[(（][一二三四五六七八九十]+[)）]")),
                  ("1.", re.compile(r"\d+[.、]")))


def label_level(label: str) -> str:
    """A row label's numbering kind (一、, (一), 1. or none): rows of one kind are printed alike. Callers that
    know the template's label pass that, not the printed one (七、总计 and a bare 总计 are the template's （七）)."""
    return next((name for name, pattern in _LEVELS if pattern.match(label)), "")


class LabelSpans:
    """``label_spans`` of one table's rows, worked out only if a row needs them (few do)."""

    def __init__(self, tokens: list[Token], rows: list[tuple[int, int, int, str]]) -> None:
        self._tokens, self._rows = tokens, rows
        self._spans: dict[str, tuple[int, int]] | None = None

    def get(self, level: str) -> tuple[int, int] | None:
        if self._spans is None:
            self._spans = label_spans(self._tokens, self._rows)
        return self._spans.get(level)


def label_spans(tokens: list[Token], rows: Iterable[tuple[int, int, int, str]]) -> dict[str, tuple[int, int]]:
    """How many empty cells a row label spans (its colspan, as HTML→text prints it) on rows printed on one line,
    and how many cells such a row holds (span, cells, padding), per numbering kind, where the table's rows that
    show it unambiguously agree: a row starting with a value spans none; one ending in a value, with k blanks
    too many at its start, spans k. ``rows``: (label index, stop index, expected cells, label level)."""
    seen: dict[str, set[tuple[int, int]]] = {}
    for label_index, stop_index, expected, level in rows:
        label = tokens[label_index]
        candidates = _candidates(tokens, label_index, stop_index)[0]
        if not candidates or candidates[0].row != label.row or candidates[0].line_no != candidates[-1].line_no:
            continue
        if candidates[0].is_value and not candidates[0].is_blank:
            span = 0  # a value right after the label: it spans nothing
        else:
            span = len(candidates) - expected
            if span < 0 or candidates[-1].is_blank or not all(t.is_blank for t in candidates[:span]):
                continue
        seen.setdefault(level, set()).add((span, len(candidates)))
    return {level: next(iter(shapes)) for level, shapes in seen.items() if len(shapes) == 1}


def _candidates(tokens: list[Token], label_index: int, stop_index: int) -> tuple[list[Token], list[Token], bool]:
    """The tokens after a label that may be its cells, tokens of other rows printed there, and whether the row
    had no end of its own (the next label in the same row)."""
    label = tokens[label_index]
    candidates = [t for t in tokens[label_index + 1 : stop_index] if not t.narrative]
    same_row = [t for t in candidates if t.row == label.row]
    unmarked_end = False
    if same_row:
        # All in the label's row (the usual case when rows are delimited): no token of another row.
        stray = [t for t in candidates if t.row != label.row and not t.is_blank] if len(same_row) < len(candidates) else []
        candidates = same_row
        # The next label in this row too means the line ending the row is missing: blanks just before that
        # label may be the next row's merged cells, so they are not taken as this row's values.
        if stop_index < len(tokens) and tokens[stop_index].row == label.row:
            while candidates and candidates[-1].is_blank:
                candidates.pop()
                unmarked_end = True
    else:
        stray = []
    return candidates, stray, unmarked_end


def take_row(tokens: list[Token], label_index: int, stop_index: int, expected: int,
             spans: LabelSpans | None = None, level: str = "") -> RowCells:
    """``spans``: the label spans of the row's table; ``level``: the row label's kind (``label_level``)."""
    label = tokens[label_index]
    candidates, stray, unmarked_end = _candidates(tokens, label_index, stop_index)
    if len(candidates) == expected:  # the usual row: nothing below would drop or move a cell
        return RowCells(candidates, extra=stray or None)
    fragments: list[Token] = []
    # One cell too many, with a blank at the end and a blank or a text at the start: either end may be the
    # stray one (a merged column, a label piece, or 不适用 printed as a value), so the row is not placed. A row
    # printed on one line (HTML→text, markdown) is padded at its end by converters: its leading blanks are cells.
    on_one_line = bool(candidates) and candidates[0].line_no == candidates[-1].line_no
    if on_one_line and len(candidates) > expected and not candidates[-1].is_blank:
        # Empty cells right after the label of a row printed on one line, with values up to its end: the label
        # spans the table's label columns (| 一、本年新收… |  |  | 0 | …), as pandoc and HTML→text print a colspan.
        while len(candidates) > expected and candidates[0].is_blank:
            candidates.pop(0)
    # On one line, blanks right after the label are either the label's colspan or blank cells; with blanks at
    # the end as well (padding, or blank cells), which ones are cells cannot be told.
    # (The label's own row, not its line: a label broken over two lines starts on the line above its cells.)
    spans_label = on_one_line and candidates[0].row == label.row
    ambiguous = (len(candidates) > expected and candidates[-1].is_blank
                 and (_is_label_fragment(candidates[0])
                      or (candidates[0].is_blank and (spans_label or not on_one_line)))
                 and _texts(candidates[:expected]) != _texts(candidates[-expected:]))  # all blank: no matter
    # A blank (not a text) at the start: the table's other rows of this kind may show the label's span.
    leading_blank = ambiguous and spans_label and candidates[0].is_blank
    shape = spans.get(level) if leading_blank and spans is not None else None
    # The row must then be as long as those rows are: a row with blanks to spare may span more (a 总计 label
    # merged across every label column) or be padded where they are not, and that cannot be told.
    if shape is not None and len(candidates) == shape[1] and all(t.is_blank for t in candidates[: shape[0]]) and all(
            t.is_blank for t in candidates[shape[0] + expected :]):
        candidates = candidates[shape[0] :]
        ambiguous = False
    while not ambiguous and candidates and _is_label_fragment(candidates[0]) and len(candidates) > expected:
        fragments.append(candidates.pop(0))
    while not ambiguous and len(candidates) > expected and candidates[-1].is_blank:
        candidates.pop()
    extra: list[Token] = list(stray)
    if len(candidates) > expected and not candidates[expected].is_value:
        extra = candidates[expected:] + extra
        candidates = candidates[:expected]
    if len(candidates) == expected:
        return RowCells(candidates, extra=extra or None, fragments=fragments or None)
    printed = " | ".join(t.raw for t in candidates) or "nothing"
    if ambiguous:
        reason = (f"{len(candidates)} cells printed where the template has {expected} ({printed}), with a blank or "
                  "a text at the start and a blank at the end: which one is not a cell cannot be told")
    elif len(candidates) < expected and unmarked_end:
        reason = (f"{len(candidates)} of {expected} cells printed ({printed}), then blank cells and the next row's "
                  "label with no row break between them; which blanks belong to this row cannot be told")
    elif len(candidates) < expected:
        reason = f"{len(candidates)} of {expected} cells printed ({printed}); the missing ones cannot be located"
    else:
        reason = f"{len(candidates)} cells printed where the template has {expected} ({printed})"
    return RowCells(None, reason=reason, extra=extra or None, fragments=fragments or None)
