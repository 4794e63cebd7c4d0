"""Section 四: the 15 review/litigation cells, one data row with no label (FORMAT.md §5)."""

from __future__ import annotations

from typing import Final

from ogi.extract.model import PlacedCell, Problem, SectionResult
from ogi.extract.tokens import Token, check_same_length, is_table_furniture
from ogi.extract.vocabulary import LITIGATION_CELLS, LITIGATION_HEADER_WORDS

SECTION: Final = "litigation"
_REVIEW_CELLS: Final = 5  # 行政复议: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计


def _is_header(token: Token) -> bool:
    return not token.is_value and any(word in token.norm for word in LITIGATION_HEADER_WORDS)


def _second_table(token: Token, values: list[Token], review: list[Token]) -> bool:
    """The 行政诉讼 header of a second table, right after 行政复议's five cells in a first one."""
    return (not review and len(values) == _REVIEW_CELLS and "行政诉讼" in token.norm
            and not all(value.is_blank for value in values))


def find_start(tokens: list[Token], begin: int) -> int | None:
    """The first 行政复议 header cell (or the section heading naming it) after ``begin``."""
    for index in range(begin, len(tokens)):
        if "行政复议" in tokens[index].norm:
            return index
    return None


def extract_litigation(tokens: list[Token], begin: int) -> SectionResult:
    result = SectionResult()
    start = find_start(tokens, begin)
    if start is None:
        result.problems.append(Problem("table_not_found", "Section 四 (administrative review and litigation table) "
                                       "was not found: no 行政复议 header."))
        return result
    values: list[Token] = []
    review: list[Token] = []
    header_seen = False
    header_row: int | None = None
    header_lead = 0  # blanks before the first header cell of the last header row printed on one line
    for token in tokens[start:]:
        if token.narrative:
            if _second_table(token, values, review):  # in plain text the header is a line of its own
                review, values, header_row = values, [], None
                continue
            if len(values) == _REVIEW_CELLS and not review and is_table_furniture(token.norm):
                continue  # （续表） or a page mark between the 行政复议 and 行政诉讼 tables
            if values:
                break
            # The section heading, or a header line in a plain-text layout.
            header_seen = header_seen or any(word in token.norm for word in LITIGATION_HEADER_WORDS)
            continue
        if _is_header(token):
            if token.row != header_row:  # the first header cell of its row: are blanks of its row before it?
                lead = [value for value in values if value.row == token.row]
                header_lead = len(lead) if lead and all(value.is_blank for value in lead) and all(
                    value.line_no == token.line_no for value in lead) else 0
            header_seen, header_row = True, token.row
            if _second_table(token, values, review):
                review = values  # the section printed as two tables: 行政复议's five cells, then 行政诉讼's
            values = []  # blanks before a header cell are merged header cells (L3)
            continue
        if token.is_blank and token.row == header_row:
            continue  # blanks after the last header cell of its row: the header row's padding
        if header_seen:
            values.append(token)
    values = review + values
    if not header_seen:
        result.problems.append(Problem("table_not_found", "Section 四: the 行政复议/行政诉讼 header was found but not "
                                       "its result columns (结果维持 … 总计).", tokens[start].line_no))
        return result
    if not values:  # a heading, perhaps a header, then running text (本年度无相关情况) or the end
        result.problems.append(Problem("table_not_found", "Section 四: its heading or header was found but no "
                                       "table cells follow it; its 15 cells are missing.", tokens[start].line_no))
        return result
    result.found = True
    expected = len(LITIGATION_CELLS)
    on_one_line = values[0].line_no == values[-1].line_no
    if (on_one_line and header_lead and len(values) > expected
            and all(value.is_blank for value in values[:header_lead])):
        # The header rows start with an empty column (| | 行政复议 | …), and so does the data row: that column
        # holds no cell.
        values = values[header_lead:]
    # Trailing blanks are padding, unless the cells stand on lines of their own (Word) and also start with a
    # blank: then either end may be the stray cell (a merged column).
    padded = on_one_line or not values[0].is_blank
    while len(values) > expected and values[-1].is_blank and (padded or all(value.is_blank for value in values)):
        values.pop()
    if len(values) != expected:
        printed = " | ".join(t.raw for t in values) or "nothing"
        line_no = values[0].line_no if values else tokens[start].line_no
        result.problems.append(Problem(
            "cell_unplaced", f"Section 四 (line {line_no}): {len(values)} cells printed where the template has "
            f"{expected} ({printed}); they cannot be assigned to proceedings and results.", line_no))
        return result
    check_same_length(LITIGATION_CELLS, values)
    result.cells.extend([PlacedCell(SECTION, proceeding, outcome, cell.raw, cell.norm, cell.line_no)
                         for (proceeding, outcome), cell in zip(LITIGATION_CELLS, values)])
    return result
