"""Section 三: the 7-column applications matrix (FORMAT.md §4)."""

from __future__ import annotations

import re
from typing import Final

from ogi.extract.labels import strip_numbering
from ogi.extract.model import PlacedCell, Problem, SectionResult
from ogi.extract.rows import LabelSpans, label_level, take_row
from ogi.extract.tokens import MEMO_SIZE, Token, check_same_length, is_table_furniture, is_value_text
from ogi.extract.vocabulary import APPLICANT_TYPES, APPLICATION_ROWS, TEMPLATE_2021_APPLICATION_CUES, RowSpec

SECTION: Final = "applications"
# Each template row label's numbering kind, worked out once (two regular expressions per row and report otherwise).
_LABEL_LEVELS: Final = {spec.label: label_level(spec.label) for specs in APPLICATION_ROWS.values() for spec in specs}
ORG_SUBTOTAL: Final = "org_subtotal"  # 法人或其他组织小计: a local addition, kept in report_cells only


def find_start(tokens: list[Token], begin: int = 0) -> int | None:
    """Index of the 一、本年新收… row label."""
    for index in range(begin, len(tokens)):
        token = tokens[index]
        if not token.narrative and "本年新收" in token.norm:
            return index
    return None


_ORG_HEADERS: Final = ("商业企业", "科研机构", "社会公益组织", "法律服务机构")
# Header cells, which a table split over two pages prints again before its second half.
_HEADER_CELLS: Final = ("申请人情况", "自然人", "法人或其他组织", *_ORG_HEADERS)
_HEADER_TAIL: Final = ("总计", "其他", "小计")  # header cells only among other header cells (总计 is also a row)
_HEADER_WORDS: Final = (*_HEADER_CELLS, "小计")


def _is_header_cell(norm: str) -> bool:
    return "勾稽" in norm or norm.startswith(_HEADER_CELLS)


_SENTENCE: Final = re.compile(r"[\d。，,；;：:]")


def _is_header_line(norm: str) -> bool:
    """A plain-text line of header words (自然人 法人或其他组织 总计 / 商业企业 … 小计): no digits, no sentence."""
    return (len(norm) <= 80 and any(word in norm for word in _HEADER_WORDS)
            and _SENTENCE.search(norm) is None)


def _is_furniture(token: Token) -> bool:
    """（续表）, 单位：件, or a page's number or mark printed between the rows."""
    return token.narrative and is_table_furniture(token.norm)


# Group labels, which PDF text prints on a line of their own (no values: a narrative line in plain text).
_GROUP_LABELS: Final = ("本年度办理结果", "不予公开", "无法提供", "不予处理", "其他处理")


def _continues_table(token: Token) -> bool:
    """A narrative token that does not end the table: a split table's （续表）, or a group label's own line."""
    return _is_furniture(token) or (
        token.narrative and len(token.norm) <= 20 and strip_numbering(token.norm) in _GROUP_LABELS)


def _subtotal_position(tokens: list[Token], start: int) -> str | None:
    """Where the header prints a 法人或其他组织小计 column among the five organisation columns: 'last' (after
    其他), 'first' (before 商业企业), 'middle', or None when there is none. The header is the cells before the
    first row, or in plain text the lines of header words before it."""
    header: list[str] = []
    for index in range(start - 1, max(-1, start - 40), -1):
        token = tokens[index]
        if token.narrative and not _is_header_line(token.norm):
            break  # running text, even one that names 小计 (…法人或其他组织小计28件。)
        header.append(token.norm)
    text = "\x00".join(reversed(header))
    subtotal = text.find("小计")
    if subtotal < 0:
        return None
    organisations = [at for at in (text.find(word) for word in _ORG_HEADERS) if at >= 0]
    if not organisations or subtotal > max(organisations):
        return "last"
    return "first" if subtotal < min(organisations) else "middle"


_NOTE_OPENINGS: Final = ("注", "说明", "备注")
_ROW_NUMBER: Final = re.compile(r"^(?:\d+[.、]|\([一二三四五六七八九十\d]+\))")


def _is_note(token: Token) -> bool:
    """A note under, beside or inside the table (注：其他处理含逾期不补正的情形。, in a cell or a bracket): it may
    name a 2021 row, and is no row label. A line of running text is a note too, unless it is numbered like a
    row (in plain text a row label printed without its numbers is running text, and may end in 。)."""
    text = token.norm.lstrip("([")
    if text.startswith(_NOTE_OPENINGS):
        return True
    return token.narrative and "。" in text and not _ROW_NUMBER.match(text)


def detect_template(tokens: list[Token], start: int, stop: int) -> str:
    """'2021' when a row label names one of the 2021 rows (逾期不补正, 缴纳费用 …), else '2019'."""
    # A cue never spans two cells, so the labels are searched joined first (a 2019 table has none at all); only
    # then is the cell that prints one looked for, and notes passed over.
    window = tokens[start:stop]
    labels = "\x00".join([token.norm for token in window])
    for cue in TEMPLATE_2021_APPLICATION_CUES:
        at = labels.find(cue)
        while at >= 0:
            if not _is_note(window[labels.count("\x00", 0, at)]):  # the cell the cue is printed in
                return "2021"
            at = labels.find(cue, at + 1)
    return "2019"


# Labels recur in every report: each (label, template, position) is matched once per process. A plain
# dictionary, not lru_cache: compiled code reads it directly, where a call through lru_cache's wrapper cost
# more than the match. (Callers skip value cells first: their texts would fill this memo.)
_matched_labels: Final[dict[tuple[str, str, int], int | None]] = {}
_NOT_MATCHED_YET: Final = -1  # no spec index


def _match_label(norm: str, template: str, position: int) -> int | None:
    """The spec of ``template`` (at or after ``position``) whose label a cell prints; the deepest label wins."""
    key = (norm, template, position)
    known = _matched_labels.get(key, _NOT_MATCHED_YET)
    if known != _NOT_MATCHED_YET:
        return known
    if len(_matched_labels) >= MEMO_SIZE:
        _matched_labels.clear()
    matched = _matched_labels[key] = _find_label(norm, template, position)
    return matched


def _find_label(norm: str, template: str, position: int) -> int | None:
    specs = APPLICATION_ROWS[template]
    best: int | None = None
    best_at = -1
    for index in range(position, len(specs)):
        spec = specs[index]
        if spec.key == "other_misc":  # "3.其他": only right after other_fee_unpaid, or numbered 3 after a lost 2.
            if best is None and (index == position or (index == position + 1 and norm[:2] in ("3.", "3、"))):
                body = strip_numbering(norm)
                if body.startswith("其他") and len(body) <= 6:
                    return index
            continue
        for cue in spec.cues:
            at = norm.rfind(cue)
            if at > best_at:
                best, best_at = index, at
                break
    return best


_NEXT_SECTIONS: Final = ("四、", "五、", "六、")


def _section_end(tokens: list[Token], start: int) -> int:
    """Where section 三 ends for sure: section 四's table or the heading of section 四, 五 or 六."""
    for index in range(start + 1, len(tokens)):
        token = tokens[index]
        if "行政复议" in token.norm or (token.narrative and token.norm.startswith(_NEXT_SECTIONS)):
            return index
    return len(tokens)


def _stop_after(tokens: list[Token], index: int) -> int:
    """End of the last row: the first narrative token (but a split table's （续表）) or section 四's first
    header cell."""
    for stop in range(index + 1, len(tokens)):
        token = tokens[stop]
        if (token.narrative and not _continues_table(token)) or token.norm.startswith("行政复议"):
            return stop
    return len(tokens)


def extract_applications(tokens: list[Token], begin: int = 0) -> tuple[SectionResult, int]:
    """Place section 三's cells; returns the result and the token index where the section ends."""
    result = SectionResult()
    start = find_start(tokens, begin)
    if start is None:
        result.problems.append(Problem("table_not_found", "Section 三 (applications table) was not found: "
                                       "no row labelled 本年新收政府信息公开申请数量."))
        return result, begin
    result.found = True
    end_guess = _stop_after(tokens, start)
    # The template's cues are looked for up to section 四, not only up to the first line of running text:
    # a wrapped label (PDF text) may cut the table before them.
    template = detect_template(tokens, start, _section_end(tokens, end_guess - 1))
    result.template = template
    specs = APPLICATION_ROWS[template]
    columns: tuple[str, ...] = APPLICANT_TYPES
    subtotal = _subtotal_position(tokens, start)
    if subtotal == "middle":
        result.problems.append(Problem(
            "cell_unplaced", "Section 三 has a 法人或其他组织小计 column between the organisation columns; which "
            "column each number belongs to cannot be told safely, so no section 三 cell is loaded.",
            tokens[start].line_no))
        return result, _stop_after(tokens, start)
    if subtotal is not None:
        # The subtotal printed last (the usual place) or first, before 商业企业: columns follow the header.
        organisations = APPLICANT_TYPES[1:6]
        columns = (APPLICANT_TYPES[0], *((*organisations, ORG_SUBTOTAL) if subtotal == "last"
                                          else (ORG_SUBTOTAL, *organisations)), "total")
        result.problems.append(Problem("extra_column", "Section 三 has a 法人或其他组织小计 column, not part of the "
                                       "template; it is kept in report_cells only.", tokens[start].line_no, False))

    found: list[tuple[int, int]] = []  # (spec index, token index)
    position = 0
    in_header = False  # within a header printed again where a split table resumes
    for index in range(start, len(tokens)):  # (index: where the table ends, after the loop)
        token = tokens[index]
        norm = token.norm
        if token.narrative:
            if not _continues_table(token):
                break
        elif is_value_text(norm):  # most tokens: nothing more to ask
            continue
        if found and norm.startswith("行政复议"):
            break
        if _is_header_cell(norm) or (in_header and strip_numbering(norm) in _HEADER_TAIL):
            in_header = True
            continue
        matched = _match_label(norm, template, position)
        if matched is not None:
            in_header = False
            found.append((matched, index))
            position = matched + 1
            if specs[matched].key == "carried_forward":
                index += 1
                break
    else:
        index = len(tokens)
    # The first stop after the last row label; end_guess is already the first stop after the first one.
    last_stop = (end_guess if found[-1][1] < end_guess else _stop_after(tokens, found[-1][1])) if found else start

    seen = {spec_index for spec_index, _ in found}
    for spec_index, spec in enumerate(specs):
        if spec.key is not None and spec_index not in seen:
            result.problems.append(Problem(
                "row_not_found", f"Section 三: the row {spec.label} was not found; its {len(columns)} cells are "
                "missing.", tokens[start].line_no))

    stops = [found[number + 1][1] if number + 1 < len(found) else last_stop for number in range(len(found))]
    spans = LabelSpans(tokens, [(token_index, stop, len(columns), _LABEL_LEVELS[specs[spec_index].label])
                                for (spec_index, token_index), stop in zip(found, stops)
                                if specs[spec_index].key is not None])
    for (spec_index, token_index), stop in zip(found, stops):  # (stops: one per row found)
        spec = specs[spec_index]
        label = tokens[token_index]
        if spec.key is None:
            _check_group_row(tokens, token_index, stop, spec, result)
            continue
        row = take_row(tokens, token_index, stop, len(columns), spans, _LABEL_LEVELS[spec.label])
        if row.cells is None:
            result.problems.append(Problem(
                "cell_unplaced", f"Section 三, row {spec.label} (line {label.line_no}): {row.reason}.",
                label.line_no))
            continue
        key = spec.key
        check_same_length(columns, row.cells)
        result.cells.extend([PlacedCell(SECTION, key, column, cell.raw, cell.norm, cell.line_no)
                             for column, cell in zip(columns, row.cells)])
        if row.extra:
            _report_extra(row.extra, spec, template, result)
    return result, max(last_stop, index)


def _repeated_group_label(norm: str, template: str) -> bool:
    matched = _match_label(norm, template, 0)
    return matched is not None and APPLICATION_ROWS[template][matched].key is None


def _check_group_row(tokens: list[Token], token_index: int, stop: int, spec: RowSpec, result: SectionResult) -> None:
    printed = [t for t in tokens[token_index + 1 : stop] if not t.is_blank and not t.narrative]
    if printed:
        text = " | ".join(t.raw for t in printed)
        result.problems.append(Problem(
            "extra_cells", f"Section 三: the group row {spec.label} carries values ({text}) that the template does "
            "not have (subtotals?); they are not loaded.", printed[0].line_no, False))


def _report_extra(extra: list[Token], spec: RowSpec, template: str, result: SectionResult) -> None:
    # A split table's repeated header, group labels (三、本年度办理结果) and （续表） line are no cells.
    printed = [t for t in extra if not t.is_blank and not _is_header_cell(t.norm) and not _is_furniture(t)
               and strip_numbering(t.norm) not in _HEADER_TAIL and not _repeated_group_label(t.norm, template)]
    if printed:
        text = " | ".join(t.raw for t in printed)
        result.problems.append(Problem(
            "cell_unplaced", f"Section 三: after the row {spec.label}, cells that belong to no template row were "
            f"printed ({text}); they are not loaded.", printed[0].line_no))
