"""Classify what each cell printed and read its number — vectorised with polars.

``value_kind``: ``number``, ``blank``, ``dash``, ``slash`` or ``text`` (无, free text). Only ``number``
cells get a value; nothing else is ever turned into 0. Amount cells (采购总金额, 本年收费金额) are converted to
万元 when the unit is known: printed in the cell (元, 万元, or 万 alone), else stated by the column header as
printed (采购总金额（万元）, 本年收费金额（单位：元）), else by the template (2021 （八）: 万元). A bare 2019
采购总金额 under a header without a unit keeps the number as printed with ``unit`` NULL: the template states none.
"""

from __future__ import annotations

import re
from typing import Final

import polars as pl

AMOUNT_MEASURES: Final = ("procurement_amount", "fee_amount")
TEMPLATE_UNIT_WANYUAN: Final = ("fee_amount",)  # the 2021 template's header: 本年收费金额（单位：万元）
MONEY_UNITS: Final = ("元", "万元", "万")  # 万 alone (12.5万) is 万元 in a money cell, and no number in a count cell

NUMBER_PATTERN: Final = r"^([+-]?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?(万元|元|万|项|件|个|条|次|人次)?$"
CHANGE_PATTERN: Final = r"^(增加|增|减少|减)\(?([+-]?)([0-9]+)(\.[0-9]+)?\)?(项|件|个)?$"
_DASH: Final = r"^[-—–─_~]+$"
_NUMBER: Final = re.compile(NUMBER_PATTERN)
_CHANGE: Final = re.compile(CHANGE_PATTERN)
_SLASH: Final = r"^/+$"


def change_word_misplaced(norm: str, col_key: str) -> bool:
    """增2 or 减(+3): a change word where it is not read as a number (see ``_classify``)."""
    match = _CHANGE.match(norm)
    if match is None:
        return False
    decrease, sign = match.group(1).startswith("减"), match.group(2)
    return col_key != "change" or (decrease and sign == "+") or (not decrease and sign == "-")


def reads_as_number(norm: str, col_key: str) -> bool:
    """What ``classify_values`` reads as a number (before units are weighed): the same patterns and rules."""
    return _NUMBER.match(norm) is not None or (_CHANGE.match(norm) is not None and not change_word_misplaced(norm, col_key))


def classify_values(cells: pl.DataFrame) -> pl.DataFrame:
    """Add ``value_kind``, ``value`` (Float64) and ``unit`` to a frame with ``norm_text``, ``col_key`` and
    optionally ``header_unit`` (the unit an amount column's header prints)."""
    if "header_unit" not in cells.columns:
        cells = cells.with_columns(header_unit=pl.lit(None, dtype=pl.String))
    # Reports print the same few values (0, 1, -, 无 …) in the same columns: classify each distinct pair once.
    keys = ["norm_text", "col_key", "header_unit"]
    distinct = _classify(cells.select(keys).unique())
    return cells.join(distinct, on=keys, how="left", nulls_equal=True, maintain_order="left")


def _classify(cells: pl.DataFrame) -> pl.DataFrame:
    text = pl.col("norm_text")
    # Both patterns' groups as columns first: the expressions below read them a dozen times, and finding that
    # out in one big expression tree (polars' common-subexpression search) took a third of the time.
    cells = cells.with_columns(_number=text.str.extract_groups(NUMBER_PATTERN),
                               _change=text.str.extract_groups(CHANGE_PATTERN))
    number, change = pl.col("_number"), pl.col("_change")
    plain_digits = number.struct.field("2").str.replace_all(",", "") + number.struct.field("3").fill_null("")
    plain_value = plain_digits.cast(pl.Float64, strict=False) * pl.when(number.struct.field("1") == "-").then(-1.0).otherwise(1.0)
    word, sign = change.struct.field("1"), change.struct.field("2")
    decrease = word.str.starts_with("减")
    # 增/减 only in the change column (增2 in a count column is no count). A printed sign that repeats the word is
    # the same sign (减(-3) = -3); one that contradicts it (增(-2), 减(+3)) leaves the cell text.
    is_change = (change.struct.field("3").is_not_null() & (pl.col("col_key") == "change")
                 & ~((decrease & (sign == "+")) | (~decrease & (sign == "-"))).fill_null(False))
    change_sign = pl.when(decrease).then(-1.0).otherwise(1.0)
    change_value = pl.when(is_change).then(
        (change.struct.field("3") + change.struct.field("4").fill_null("")).cast(pl.Float64, strict=False) * change_sign)
    printed_unit = pl.coalesce(number.struct.field("4"), pl.when(is_change).then(change.struct.field("5")))
    is_number = number.struct.field("2").is_not_null() | is_change
    raw_value = pl.coalesce(plain_value, change_value)
    raw_value = pl.when(raw_value == 0).then(pl.lit(0.0)).otherwise(raw_value)  # -0 and 减0 are 0, never -0.0
    is_amount = pl.col("col_key").is_in(AMOUNT_MEASURES)
    # A count unit (5项) in a money cell is not an amount, nor is money (120万元) or 万 (1.2万 would need
    # multiplying) in a count cell: such cells are text, like any other non-number.
    is_number = is_number & ~(is_amount & printed_unit.is_not_null() & ~printed_unit.is_in(MONEY_UNITS))
    is_number = is_number & ~(~is_amount & printed_unit.is_in(MONEY_UNITS).fill_null(False))
    unit = pl.coalesce(
        printed_unit,
        pl.col("header_unit"),
        pl.when(pl.col("col_key").is_in(TEMPLATE_UNIT_WANYUAN)).then(pl.lit("万元")),
    )
    amount_value = pl.when(unit == "元").then(raw_value / 10000.0).otherwise(raw_value)  # unknown: as printed
    amount_unit = pl.when(unit.is_in(MONEY_UNITS)).then(pl.lit("万元")).otherwise(None)
    return cells.with_columns(
        value_kind=pl.when(text == "").then(pl.lit("blank"))
        .when(text.str.contains(_DASH)).then(pl.lit("dash"))
        .when(text.str.contains(_SLASH)).then(pl.lit("slash"))
        .when(is_number).then(pl.lit("number"))
        .otherwise(pl.lit("text")),
        value=pl.when(is_number).then(pl.when(is_amount).then(amount_value).otherwise(raw_value)).otherwise(None),
        unit=pl.when(is_number).then(pl.when(is_amount).then(amount_unit).otherwise(printed_unit)).otherwise(None),
    ).drop("_number", "_change")
