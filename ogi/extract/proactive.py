"""Section 二: the 第二十条 sub-tables of proactive disclosure (FORMAT.md §3).

Every item label (规章, 行政许可, 政府集中采购 …) belongs to exactly one article, so cells are placed by
item label; captions, header cells and narrative lines delimit rows.
"""

from __future__ import annotations

import re
from typing import Final

from ogi.extract.labels import caption_numeral, strip_numbering
from ogi.extract.model import PlacedCell, Problem, SectionResult
from ogi.extract.rows import LabelSpans, take_row
from ogi.extract.tokens import MEMO_SIZE, Token, check_same_length
from ogi.extract.vocabulary import (
    MEASURE_HEADER_WORDS,
    PROACTIVE_2019_CUES,
    PROACTIVE_2021_CUES,
    PROACTIVE_HEADER_WORDS,
    PROACTIVE_TABLES,
    ArticleTable,
    ItemSpec,
    MeasureSpec,
)
from ogi.text.normalize import normalize_label

SECTION: Final = "proactive"
_HEADER_CUES: Final[tuple[str, ...]] = (
    *PROACTIVE_HEADER_WORDS,
    *sorted({normalize_label(m.label) for tables in PROACTIVE_TABLES.values() for t in tables for m in t.measures}),
)


def find_start(tokens: list[Token], stop: int) -> int | None:
    for index in range(stop):
        if caption_numeral(tokens[index].norm) is not None:
            return index
    for index in range(stop):  # no captions: the section heading
        token = tokens[index]
        if token.narrative and "主动公开政府信息情况" in token.norm and len(token.norm) < 30:
            return index
    return None


_CUES_2019: Final = re.compile("|".join(map(re.escape, PROACTIVE_2019_CUES)))
_CUES_2021: Final = re.compile("|".join(map(re.escape, PROACTIVE_2021_CUES)))


# Which templates' cues a cell's text prints (bit 1: 2019, bit 2: 2021), per distinct text: cells repeat across
# reports, and two searches of a pattern of many alternatives cost far more than a lookup.
_cue_templates: Final[dict[str, int]] = {}


def _templates_cued(norm: str) -> int:
    known = _cue_templates.get(norm)
    if known is None:
        if len(_cue_templates) >= MEMO_SIZE:
            _cue_templates.clear()
        known = _cue_templates[norm] = (int(_CUES_2019.search(norm) is not None)
                                        | int(_CUES_2021.search(norm) is not None) << 1)
    return known


def detect_template(tokens: list[Token]) -> str | None:
    """The template whose cues more cells print (a cell counts once per template)."""
    votes_2019 = votes_2021 = 0
    for token in tokens:
        cued = _templates_cued(token.norm)
        votes_2019 += cued & 1
        votes_2021 += cued >> 1
    if votes_2019 == votes_2021:
        return None
    return "2019" if votes_2019 > votes_2021 else "2021"


def _item_of(token: Token, template: str) -> tuple[ArticleTable, ItemSpec] | None:
    if token.narrative or token.is_value:
        return None
    return _item_of_label(token.norm, template)


# Labels recur in every report: each is looked up once per process (a plain dictionary, not lru_cache: compiled
# code reads it directly, where a call through lru_cache's wrapper cost more than the lookup).
_label_items: Final[dict[tuple[str, str], tuple[ArticleTable, ItemSpec] | None]] = {}


def _item_of_label(norm: str, template: str) -> tuple[ArticleTable, ItemSpec] | None:
    key = (norm, template)
    if key in _label_items:
        return _label_items[key]
    if len(_label_items) >= MEMO_SIZE:
        _label_items.clear()
    item = _label_items[key] = _find_item(norm, template)
    return item


def _find_item(norm: str, template: str) -> tuple[ArticleTable, ItemSpec] | None:
    tables = PROACTIVE_TABLES[template]
    body = strip_numbering(norm)
    for table in tables:
        for item in table.items:
            if body.startswith(item.prefixes):
                return table, item
    return None


def extract_proactive(tokens: list[Token], stop: int, fallback_template: str | None) -> SectionResult:
    """Place section 二's cells among ``tokens[:stop]`` (stop = where section 三 begins)."""
    result = SectionResult()
    start = find_start(tokens, stop)
    if start is None:
        result.problems.append(Problem("table_not_found", "Section 二 (proactive disclosure tables, 第二十条) was "
                                       "not found."))
        return result
    region = range(start, stop)
    template = detect_template(tokens[start:stop]) or fallback_template
    if template is None:
        result.problems.append(Problem("template_unknown", "Section 二: the tables' labels fit neither the 2019 nor "
                                       "the 2021 template.", tokens[start].line_no))
        return result
    result.template = template
    tables = PROACTIVE_TABLES[template]
    labels: list[tuple[int, ArticleTable, ItemSpec]] = []
    for index in region:
        hit = _item_of(tokens[index], template)
        if hit is not None:
            labels.append((index, *hit))
    if not labels:
        result.problems.append(Problem("table_not_found", "Section 二: no item row (规章, 行政许可 …) was found.",
                                       tokens[start].line_no))
        return result
    result.found = True
    counts: dict[str, int] = {}
    for _, _, item in labels:
        counts[item.key] = counts.get(item.key, 0) + 1
    stops = {index: _row_stop(tokens, index, stop, template) for index, _, _ in labels}
    # Each sub-table has its own grid (信息内容 may span two columns in one and not in the next).
    spans = {table.article_item: LabelSpans(tokens, [(index, stops[index], len(table.measures), "")
                                                     for index, other, item in labels
                                                     if other is table and counts[item.key] == 1])
             for table in tables}
    placed: set[str] = set()
    # By article item: the columns as the header prints them (None: a header that cannot be matched).
    orders: dict[str, tuple[MeasureSpec, ...] | None] = {}
    for index, table, item in labels:
        label = tokens[index]
        if counts[item.key] > 1:
            result.problems.append(Problem(
                "cell_unplaced", f"Section 二: the row {item.label} is printed {counts[item.key]} times (line "
                f"{label.line_no} is one); which one the template means cannot be told, so none is loaded.",
                label.line_no))
            continue
        row = take_row(tokens, index, stops[index], len(table.measures), spans[table.article_item])
        if row.cells is None:
            result.problems.append(Problem(
                "cell_unplaced", f"Section 二 ({table.article_item}), row {item.label} (line {label.line_no}): "
                f"{row.reason}.", label.line_no))
            continue
        placed.add(item.key)
        header_unit = _header_unit(tokens, index, start) if any(m.is_amount for m in table.measures) else None
        if table.article_item not in orders:  # the table's first row: its header is just above
            orders[table.article_item] = _measure_order(tokens, index, start, table, template)
            order = orders[table.article_item]
            if order is not None and order[0].key not in {m.key for m in table.measures}:
                result.problems.append(Problem(
                    "template_mixed", f"Section 二 ({table.article_item}): this sub-table's header prints the "
                    f"{_OTHER_TEMPLATE[template]} template's columns ({' | '.join(m.label for m in order)}) among {template} tables; its "
                    "cells are loaded under those columns.", label.line_no, degrades=False))
            elif order is not None and order != table.measures:
                result.problems.append(Problem(
                    "columns_reordered", f"Section 二 ({table.article_item}): the header prints the columns as "
                    f"{' | '.join(m.label for m in order)}, not in the template's order; "
                    "the cells are placed by the header, and the report is marked partial for a person to check "
                    "that the header, not the numbers, was reordered.", label.line_no))
        order = orders[table.article_item]
        if order is None:
            result.problems.append(Problem(
                "cell_unplaced", f"Section 二 ({table.article_item}), row {item.label} (line {label.line_no}): the "
                f"header prints columns of the {_OTHER_TEMPLATE[template]} template in a {template} table, and not "
                "as that template's full header; which column each number is cannot be told, so the row is not "
                "loaded.", label.line_no))
            continue
        key, article_item = item.key, table.article_item
        check_same_length(order, row.cells)
        result.cells.extend([PlacedCell(SECTION, key, measure.key, cell.raw, cell.norm, cell.line_no, article_item,
                                        header_unit if measure.is_amount else None)
                             for measure, cell in zip(order, row.cells)])
        if row.extra:
            printed = [t for t in row.extra if not t.is_blank]
            if printed:
                result.problems.append(Problem(
                    "extra_row", f"Section 二 ({table.article_item}): after {item.label}, a row that is not in the "
                    f"template was printed ({' | '.join(t.raw for t in printed)}); it is not loaded.",
                    printed[0].line_no, degrades=False))
    for table in tables:
        for item in table.items:
            if item.key not in placed and counts.get(item.key, 0) == 0:
                result.problems.append(Problem(
                    "row_not_found", f"Section 二 ({table.article_item}): the row {item.label} was not found.",
                    tokens[start].line_no))
    return result


_OTHER_TEMPLATE: Final = {"2019": "2021", "2021": "2019"}
# The other template's sub-table of the same article (20.1 of 2019 beside 20.1 of 2021), by (template, article).
_COUNTERPART: Final[dict[tuple[str, str], ArticleTable]] = {
    (template, table.article_item): other
    for template, tables in PROACTIVE_TABLES.items() for table in tables
    for other in PROACTIVE_TABLES[_OTHER_TEMPLATE[template]] if other.article_item == table.article_item
}


def _words(template: str, measure: MeasureSpec) -> tuple[str, ...]:
    """What the measure's header cell prints; 2021's 本年处理决定数量 is told from 2019's 处理决定数量 by 本年."""
    return ("本年处理决定数量",) if (template, measure.key) == ("2021", "decisions") else MEASURE_HEADER_WORDS[measure.key]


def _positions(text: str, measures: tuple[MeasureSpec, ...], template: str) -> list[int]:
    """Where the header text first names each measure (-1: not named)."""
    return [min((at for at in (text.find(word) for word in _words(template, measure)) if at >= 0), default=-1)
            for measure in measures]


def _in_header_order(positions: list[int], measures: tuple[MeasureSpec, ...]) -> tuple[MeasureSpec, ...] | None:
    if min(positions) < 0 or len(set(positions)) < len(positions):
        return None
    return tuple(measure for _, measure in sorted(zip(positions, measures)))  # (_positions: one per measure)


def _measure_order(tokens: list[Token], label_index: int, start: int, table: ArticleTable,
                   template: str) -> tuple[MeasureSpec, ...] | None:
    """The table's measures in the order its header prints them (the template's when the header does not show
    each of them once): the header cells, or in plain text the 信息内容 line, between the caption and the row.
    Running text (a note under the caption) is never read as the header. A header naming the other
    template's columns for this article (本年制发件数 … over 2019 rows) gives that template's measures when it
    names all of them and there are as many as the row has, else None: the columns cannot be told."""
    header: list[str] = []
    for index in range(label_index - 1, start - 1, -1):
        token = tokens[index]
        if caption_numeral(token.norm) is not None:
            break
        if not token.is_value and (not token.narrative or token.norm.startswith("信息内容")):
            header.append(token.norm)
    text = "\x00".join(reversed(header))
    positions = _positions(text, table.measures, template)
    counterpart = _COUNTERPART.get((template, table.article_item))
    if counterpart is not None and min(positions) < 0:
        other = _OTHER_TEMPLATE[template]
        own_words = [word for measure in table.measures for word in _words(template, measure)]
        # A foreign word inside one of this template's (处理决定数量 in 本年处理决定数量) proves nothing.
        foreign = tuple(measure for measure in counterpart.measures
                        if not any(word in own for word in _words(other, measure) for own in own_words))
        if any(at >= 0 for at in _positions(text, foreign, other)):
            if len(counterpart.measures) != len(table.measures):
                return None
            return _in_header_order(_positions(text, counterpart.measures, other), counterpart.measures)
    if len(table.measures) < 2:
        return table.measures
    return _in_header_order(positions, table.measures) or table.measures


def _header_unit(tokens: list[Token], label_index: int, start: int) -> str | None:
    """The unit the amount column's header prints (采购总金额（万元）, 本年收费金额（单位：元）), or None: the
    header cell above the row, within its sub-table (in plain text the header is a line of its own)."""
    for index in range(label_index - 1, start - 1, -1):
        token = tokens[index]
        if caption_numeral(token.norm) is not None:
            return None
        if "金额" in token.norm:
            after = token.norm[token.norm.index("金额") + 2 :]
            return "万元" if "万" in after else "元" if "元" in after else None
    return None


def _row_stop(tokens: list[Token], index: int, stop: int, template: str) -> int:
    """The first token after a row label that ends its row: running text, a caption, a header cell or another
    item label (a value cell never does; each cell is asked once whether it is one)."""
    for position in range(index + 1, stop):
        token = tokens[position]
        if token.narrative or caption_numeral(token.norm) is not None:
            return position
        if token.is_value:
            continue
        if any(word in token.norm for word in _HEADER_CUES) or _item_of_label(token.norm, template) is not None:
            return position
    return stop
