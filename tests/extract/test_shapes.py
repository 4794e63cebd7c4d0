"""The same reports printed in other text shapes give the same cells; blanks never shift numbers."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ogi.extract.report import extract_report
from ogi.extract.vocabulary import LITIGATION_CELLS
from tests.conftest import RAW_SAMPLES, load_expected
from tests.extract.helpers import cell_values, expected_values
from tests.extract.reshape import (
    Segment,
    read_tika,
    to_html_cells,
    to_html_rows,
    to_html_separated,
    to_markdown,
    to_plain,
)

WORD_SAMPLES = [e for e in load_expected() if not e["source_path"].startswith("004")]
SHAPES: dict[str, Callable[[list[Segment]], str]] = {
    "markdown": to_markdown,
    "html_rows": to_html_rows,
    "html_rows_padded": lambda s: to_html_rows(s, pad_to=10),
    "html_cells": to_html_cells,
    "html_separated": to_html_separated,
}


def _segments(expected: dict) -> list[Segment]:
    return read_tika((RAW_SAMPLES / expected["source_path"]).read_text(encoding="utf-8"))


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("expected", WORD_SAMPLES, ids=[e["source_path"][:3] for e in WORD_SAMPLES])
def test_other_shapes_give_the_same_values(expected: dict, shape: str) -> None:
    text = SHAPES[shape](_segments(expected))
    report = extract_report(text)
    assert report.status == "parsed", [p.message for p in report.problems]
    assert report.template == expected["template"]
    assert report.report_year == expected["report_year"]
    assert cell_values(report) == expected_values(expected)


@pytest.mark.parametrize("expected", WORD_SAMPLES, ids=[e["source_path"][:3] for e in WORD_SAMPLES])
def test_plain_text_shape(expected: dict) -> None:
    """No separators at all: every cell is printed, so every cell is placed."""
    report = extract_report(to_plain(_segments(expected)))
    assert report.status == "parsed", [p.message for p in report.problems]
    assert cell_values(report) == expected_values(expected)


def _blank_cell(segments: list[Segment], row_label: str, position: int, replacement: str) -> None:
    for segment in segments:
        if isinstance(segment, list):
            for row in segment:
                labels = [i for i, c in enumerate(row) if row_label in c]
                if labels:
                    row[labels[-1] + 1 + position] = replacement
                    return
    raise AssertionError(f"row {row_label} not found")


@pytest.mark.parametrize("shape", ["word", *SHAPES])
@pytest.mark.parametrize("position", [0, 3, 6])
@pytest.mark.parametrize("replacement", ["", "—", "/", "无"])
def test_blank_cell_never_shifts_the_row(shape: str, position: int, replacement: str) -> None:
    expected = WORD_SAMPLES[1]  # 001: non-zero values in new_received
    segments = _segments(expected)
    _blank_cell(segments, "本年新收", position, replacement)
    if shape == "word":
        text = "\n".join(
            s if isinstance(s, str) else "\n".join("\n".join("\t" + c for c in row) + "\n" for row in s)
            for s in segments
        )
    else:
        text = SHAPES[shape](segments)
    report = extract_report(text)
    got = cell_values(report)
    want = expected_values(expected)
    column = ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
              "legal_service_org", "other_org", "total"][position]
    want[("applications", "new_received", column)] = None
    if report.status == "parsed":
        assert got == want
    else:  # a shape that cannot show the blank must not place a wrong number
        assert all(got[k] == want[k] for k in got)


def test_dropped_empty_cells_are_reported_not_guessed() -> None:
    """FORMAT.md L7: empty cells dropped in the plain shape; the row cannot be placed."""
    expected = WORD_SAMPLES[1]
    segments = _segments(expected)
    _blank_cell(segments, "本年新收", 2, "")
    report = extract_report(to_plain(segments))
    assert report.status == "partial"
    assert any(p.code == "cell_unplaced" and "本年新收" in p.message for p in report.problems)
    assert not any(c.row_key == "new_received" for c in report.cells)


@pytest.mark.parametrize("position", [0, 14])
@pytest.mark.parametrize("shape", ["html_cells", "html_separated"])
def test_blank_cell_at_either_end_of_the_litigation_row(shape: str, position: int) -> None:
    """Section 四's data row has no label: a blank first or last cell must not be taken for the lone ``|``
    line that separates rows (L5), nor the other way round."""
    expected = WORD_SAMPLES[0]
    segments = _segments(expected)
    table = next(s for s in segments if isinstance(s, list) and any("行政复议" in c for row in s for c in row))
    data_row = table[-1]
    values = [i for i, c in enumerate(data_row) if c.strip()]
    data_row[values[position]] = ""
    report = extract_report(SHAPES[shape](segments))
    assert report.status == "parsed", [p.message for p in report.problems]
    got = {k: v for k, v in cell_values(report).items() if k[0] == "litigation"}
    want = {k: v for k, v in expected_values(expected).items() if k[0] == "litigation"}
    proceeding, outcome = LITIGATION_CELLS[position]
    want[("litigation", proceeding, outcome)] = None
    assert got == want


@pytest.mark.parametrize("expected", WORD_SAMPLES, ids=[e["source_path"][:3] for e in WORD_SAMPLES])
def test_markdown_heading_marks_are_not_read_as_text(expected: dict) -> None:
    """A markdown export marks the title and the section headings (# …, ## …, **…**): the agency name and
    the sections are read as without the marks."""
    segments = _segments(expected)
    title_lines = [i for i, s in enumerate(segments) if isinstance(s, str) and s.strip()][:2]
    for index, segment in enumerate(segments):
        if not isinstance(segment, str):
            continue
        if index in title_lines:
            segments[index] = "# " + segment.strip()
        elif segment.strip()[:2] in {"一、", "二、", "三、", "四、", "五、", "六、"}:
            segments[index] = "## **" + segment.strip() + "**"
    text = to_markdown(segments)
    assert text.startswith("# ") and "\n## **三、" in text
    report = extract_report(text)
    assert report.status == "parsed", [p.message for p in report.problems]
    assert (report.agency_name, report.report_year) == (expected["agency_name"], expected["report_year"])
    assert cell_values(report) == expected_values(expected)


@pytest.mark.parametrize("where", ["after_the_numbers", "before_the_numbers"])
@pytest.mark.parametrize("expected", WORD_SAMPLES, ids=[e["source_path"][:3] for e in WORD_SAMPLES])
def test_plain_text_row_label_wrapped_onto_the_next_line(expected: dict, where: str) -> None:
    """Text copied out of a PDF wraps a long label; its open bracket says where it continues."""
    lines = to_plain(_segments(expected)).split("\n")
    at = next(i for i, line in enumerate(lines) if "部分公开" in line and "只计" in line)
    label, numbers = lines[at].split("  ", 1)
    head, tail = label.split("只计")
    if where == "after_the_numbers":
        lines[at : at + 1] = [f"{head}只计  {numbers}", tail]
    else:
        lines[at : at + 1] = [f"{head}只计", f"{tail}  {numbers}"]
    report = extract_report("\n".join(lines))
    assert report.status == "parsed", [p.message for p in report.problems]
    assert cell_values(report) == expected_values(expected)
    # A narrative line with an open bracket and no continuation stays narrative.
    plain = to_plain(_segments(expected)).replace("\n二、", "\n（注：以下数据\n二、", 1)
    assert cell_values(extract_report(plain)) == expected_values(expected)
