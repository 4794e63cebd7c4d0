"""What kind of document a text is, and which template and year: notes beside the tables, pre-2019 reports,
texts about reports that are not reports, and a narrative year that the signature date contradicts."""

from __future__ import annotations

from ogi.extract.report import extract_report
from tests.conftest import RAW_SAMPLES

SAMPLE_2019 = (RAW_SAMPLES / "000_746ea976d873778e.txt").read_text(encoding="utf-8")  # 2019 template
SAMPLE_2021 = (RAW_SAMPLES / "003_096eb810ffb81dcc.txt").read_text(encoding="utf-8")  # 2021 template


def _before_section_four(text: str, line: str) -> str:
    lines = text.split("\n")
    heading = next(i for i, printed in enumerate(lines) if printed.startswith("四、"))
    return "\n".join([*lines[:heading], line, *lines[heading:]])


def test_a_note_naming_a_2021_row_does_not_make_a_2019_table_2021() -> None:
    report = extract_report(_before_section_four(SAMPLE_2019, "注：其他处理含申请人逾期不补正的情形。"))
    assert report.applications_template == "2019"
    assert report.status == "parsed"
    assert sum(c.row_key == "other" for c in report.cells) == 7


def test_a_note_without_a_full_stop_is_still_a_note() -> None:
    report = extract_report(_before_section_four(SAMPLE_2019, "说明：逾期不补正的申请计入其他处理"))
    assert report.applications_template == "2019"


def test_the_2021_rows_still_make_a_2021_table_beside_a_note() -> None:
    report = extract_report(_before_section_four(SAMPLE_2021, "注：本表不含逾期不补正的申请。"))
    assert report.applications_template == "2021"
    assert report.status == "parsed"
