"""How a cell's printed text is read: kind, number and unit (ogi.extract.values.read_value)."""

from __future__ import annotations

import math

import polars as pl
import pytest

from ogi.extract import values
from ogi.extract.values import read_value
from tests.extract.helpers import classify_values


@pytest.mark.parametrize(("text", "col_key", "header_unit", "expected"), [
    ("", "natural_person", None, ("blank", None, None)),
    ("-", "natural_person", None, ("dash", None, None)),
    ("——", "change", None, ("dash", None, None)),
    ("/", "natural_person", None, ("slash", None, None)),
    ("无", "natural_person", None, ("text", None, None)),
    ("12", "natural_person", None, ("number", 12.0, None)),
    ("1,234", "decisions", None, ("number", 1234.0, None)),
    ("1,23", "decisions", None, ("text", None, None)),  # a misplaced thousands separator
    ("+7", "change", None, ("number", 7.0, None)),
    ("-3", "change", None, ("number", -3.0, None)),
    ("3件", "natural_person", None, ("number", 3.0, "件")),
    ("2人次", "natural_person", None, ("number", 2.0, "人次")),
    # 增/减 read as a number only in the change column, and only with no contrary sign.
    ("增2", "change", None, ("number", 2.0, None)),
    ("减少5项", "change", None, ("number", -5.0, "项")),
    ("减(-3)", "change", None, ("number", -3.0, None)),
    ("减(+3)", "change", None, ("text", None, None)),
    ("增(-2)", "change", None, ("text", None, None)),
    ("增2", "decisions", None, ("text", None, None)),
    # Money and 万 are no count; a count unit is no amount.
    ("120万元", "decisions", None, ("text", None, None)),
    ("1.2万", "decisions", None, ("text", None, None)),
    ("5项", "procurement_amount", None, ("text", None, None)),
    # Amounts in 万元: the cell's unit, else the header's, else the template's (2021 fee column), else none.
    ("120万元", "procurement_amount", None, ("number", 120.0, "万元")),
    ("12.5万", "procurement_amount", "元", ("number", 12.5, "万元")),
    ("54769元", "fee_amount", "万元", ("number", 5.4769, "万元")),
    ("55", "procurement_amount", "元", ("number", 0.0055, "万元")),
    ("8", "fee_amount", None, ("number", 8.0, "万元")),
    ("8", "procurement_amount", None, ("number", 8.0, None)),
])
def test_read_value_follows_the_rules(text: str, col_key: str, header_unit: str | None,
                                      expected: tuple[str, float | None, str | None]) -> None:
    assert read_value(text, col_key, header_unit) == expected


@pytest.mark.parametrize("text", ["0", "-0", "减0", "-0元"])
def test_zero_is_never_negative(text: str) -> None:
    col_key = "procurement_amount" if "元" in text else "change"
    kind, value, _ = read_value(text, col_key, None)
    assert kind == "number" and value == 0.0 and math.copysign(1.0, value) == 1.0


def test_amounts_in_yuan_are_divided_exactly() -> None:
    """Correctly rounded division: 1143077元 is 114.3077 万元, not 114.30770000000001 (multiplying by 0.0001)."""
    for yuan in ("1143077", "1214", "55", "1125244.4"):
        assert read_value(yuan + "元", "procurement_amount", None)[1] == float(yuan) / 10000


def test_a_reading_is_remembered_and_the_same_without_the_memo() -> None:
    values._amount_readings.clear()
    first = read_value("1,234元", "fee_amount", None)
    assert list(values._amount_readings) == [("1,234元", "fee_amount", None)]
    values._amount_readings.clear()
    assert read_value("1,234元", "fee_amount", None) == first == ("number", 0.1234, "万元")
    values._change_readings.clear()
    values._count_readings.clear()
    count = read_value("增3", "change")
    assert list(values._change_readings) == ["增3"] and not values._count_readings
    assert read_value("增3", "decisions") == ("text", None, None)  # 增/减 counts in the change column only
    assert list(values._count_readings) == ["增3"]
    values._change_readings.clear()
    assert read_value("增3", "change") == count == ("number", 3.0, None)


def test_classify_values_reads_each_row() -> None:
    frame = pl.DataFrame({"norm_text": ["12", "增2", "55", "无"], "col_key": ["decisions", "change", "fee_amount", "x"],
                          "header_unit": [None, None, "元", None]})
    out = classify_values(frame)
    assert out.select("value_kind", "value", "unit").rows() == [
        read_value(t, c, u) for t, c, u in frame.iter_rows()]
    without_units = classify_values(frame.drop("header_unit"))
    assert without_units.get_column("value").to_list() == [12.0, 2.0, 55.0, None]
