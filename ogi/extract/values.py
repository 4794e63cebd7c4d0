"""Classify what each cell printed and read its number.

``value_kind``: ``number``, ``blank``, ``dash``, ``slash`` or ``text`` (无, free text). Only ``number``
cells get a value; nothing else is ever turned into 0. Amount cells (采购总金额, 本年收费金额) are converted to
万元 when the unit is known: printed in the cell (元, 万元, or 万 alone), else stated by the column header as
printed (采购总金额（万元）, 本年收费金额（单位：元）), else by the template (2021 （八）: 万元). A bare 2019
采购总金额 under a header without a unit keeps the number as printed with ``unit`` NULL: the template states none.

Each distinct (text, column, header unit) is read once per process (``read_value``): reports print the same few
values (0, 1, -, 无 …) in the same columns, ~2,200 distinct ones per 1,000 reports' 200,000 cells. The parse
workers read their cells this way as they build their columns, rather than classifying each chunk afterwards in
polars (its distinct values, then a join back): a little less work, and none of the join's allocations.
"""

from __future__ import annotations

import re
from typing import Final

AMOUNT_MEASURES: Final = ("procurement_amount", "fee_amount")
TEMPLATE_UNIT_WANYUAN: Final = ("fee_amount",)  # the 2021 template's header: 本年收费金额（单位：万元）
MONEY_UNITS: Final = ("元", "万元", "万")  # 万 alone (12.5万) is 万元 in a money cell, and no number in a count cell

_NUMBER_TEXT: Final = r"([+-]?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?(万元|元|万|项|件|个|条|次|人次)?"
_CHANGE_TEXT: Final = r"(增加|增|减少|减)\(?([+-]?)([0-9]+)(\.[0-9]+)?\)?(项|件|个)?"
NUMBER_PATTERN: Final = f"^{_NUMBER_TEXT}$"
CHANGE_PATTERN: Final = f"^{_CHANGE_TEXT}$"
# Matched against the whole cell text (fullmatch).
_NUMBER: Final = re.compile(_NUMBER_TEXT)
_CHANGE: Final = re.compile(_CHANGE_TEXT)
_DASH: Final = re.compile(r"[-—–─_~]+")
_SLASH: Final = re.compile(r"/+")

# value_kind, value, unit
ValueReading = tuple[str, float | None, str | None]
# Distinct readings kept per process and memo; a long-lived process starts over past this many.
_READINGS_KEPT: Final = 200_000
# A count cell's reading depends on its column only through whether it is the change column (增/减), so counts
# are remembered by their text alone, in two memos: a lookup by one string is several times cheaper than by a
# tuple of three. Amounts, a few cells a report, by (text, column, header unit).
_count_readings: Final[dict[str, ValueReading]] = {}
_change_readings: Final[dict[str, ValueReading]] = {}
_amount_readings: Final[dict[tuple[str, str, str | None], ValueReading]] = {}


def change_word_misplaced(norm: str, col_key: str) -> bool:
    """增2 or 减(+3): a change word where it is not read as a number (see ``read_value``)."""
    match = _CHANGE.fullmatch(norm)
    if match is None:
        return False
    decrease, sign = match.group(1).startswith("减"), match.group(2)
    return col_key != "change" or (decrease and sign == "+") or (not decrease and sign == "-")


def reads_as_number(norm: str, col_key: str) -> bool:
    """What ``read_value`` reads as a number (before units are weighed): the same patterns and rules."""
    return _NUMBER.fullmatch(norm) is not None or (
        _CHANGE.fullmatch(norm) is not None and not change_word_misplaced(norm, col_key))


def read_value(norm_text: str, col_key: str, header_unit: str | None = None) -> ValueReading:
    """(value_kind, value, unit) of a cell whose normalised text is ``norm_text``, in column ``col_key``, under a
    header that prints ``header_unit`` (amount columns only)."""
    if col_key in AMOUNT_MEASURES:
        key = (norm_text, col_key, header_unit)
        reading = _amount_readings.get(key)
        if reading is None:
            if len(_amount_readings) >= _READINGS_KEPT:
                _amount_readings.clear()
            reading = _amount_readings[key] = _read(norm_text, col_key, header_unit)
        return reading
    memo = _change_readings if col_key == "change" else _count_readings
    reading = memo.get(norm_text)
    if reading is None:
        if len(memo) >= _READINGS_KEPT:
            memo.clear()
        # header_unit is read for amounts only.
        reading = memo[norm_text] = _read(norm_text, col_key, None)
    return reading


def _read(text: str, col_key: str, header_unit: str | None) -> ValueReading:
    if text == "":
        return ("blank", None, None)
    if _DASH.fullmatch(text) is not None:
        return ("dash", None, None)
    if _SLASH.fullmatch(text) is not None:
        return ("slash", None, None)
    raw_value: float | None = None
    printed_unit: str | None = None
    number = _NUMBER.fullmatch(text)
    if number is not None:
        raw_value = float(number.group(2).replace(",", "") + (number.group(3) or ""))
        if number.group(1) == "-":
            raw_value = -raw_value
        printed_unit = number.group(4)
    elif not change_word_misplaced(text, col_key):  # 增/减 only in the change column, with no contrary sign
        change = _CHANGE.fullmatch(text)
        if change is not None:
            raw_value = float(change.group(3) + (change.group(4) or ""))
            if change.group(1).startswith("减"):
                raw_value = -raw_value
            printed_unit = change.group(5)
    if raw_value is None:
        return ("text", None, None)
    if raw_value == 0:
        raw_value = 0.0  # -0 and 减0 are 0, never -0.0
    if col_key not in AMOUNT_MEASURES:
        # Money (120万元) or 万 (1.2万 would need multiplying) in a count cell is no count.
        return ("text", None, None) if printed_unit in MONEY_UNITS else ("number", raw_value, printed_unit)
    if printed_unit is not None and printed_unit not in MONEY_UNITS:
        return ("text", None, None)  # a count unit (5项) in a money cell is no amount
    unit = printed_unit if printed_unit is not None else header_unit
    if unit is None and col_key in TEMPLATE_UNIT_WANYUAN:
        unit = "万元"
    if unit == "元":
        raw_value = raw_value / 10000.0
    return ("number", raw_value, "万元" if unit in MONEY_UNITS else None)  # unknown: as printed, no unit
