"""Rules in the corners: C4 without a section 三, NULL flow cells in S2/S3, and S3's within-year relation."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import RAW_SAMPLES
from tests.pipeline.harness import Workspace

SAMPLE_2019 = (RAW_SAMPLES / "000_746ea976d873778e.txt").read_text(encoding="utf-8")  # 镇海区统计局 2020, 2019 tables
SAMPLE_2021 = (RAW_SAMPLES / "003_096eb810ffb81dcc.txt").read_text(encoding="utf-8")  # 镇海区经信局 2021, 2021 tables


def _workspace(tmp_path: Path, files: dict[str, str]) -> Workspace:
    workspace = Workspace(tmp_path / "raw", tmp_path / "warehouse" / "ogi.duckdb")
    workspace.raw.mkdir()
    for name, text in files.items():
        (workspace.raw / name).write_text(text, encoding="utf-8")
    workspace.run()
    return workspace


def _results(workspace: Workspace, rule: str, year: int | None = None) -> dict[str, tuple]:
    rows = workspace.query(f"""
        SELECT c.scope, c.passed, c.expected, c.actual, c.null_operands, c.missing_operands
        FROM check_results AS c JOIN dim_report AS d USING (report_id)
        WHERE c.rule = '{rule}' {f'AND d.report_year = {year}' if year else ''}""")
    return {scope: tuple(rest) for scope, *rest in rows}


def _replace_row(text: str, label: str, values: list[str]) -> str:
    """The Word→text row ``label`` with its value cells replaced (one cell per line)."""
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip() == label)
    lines[at + 1 : at + 1 + len(values)] = [f"\t{value}" for value in values]
    return "\n".join(lines)


def test_c4_is_evaluated_when_section_three_is_missing(tmp_path: Path) -> None:
    lines = SAMPLE_2021.split("\n")
    three = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理政府信息公开申请情况"))
    four = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    without_three = lines[:three] + lines[four:]
    values = [i for i, line in enumerate(without_three) if i > three and line.strip() == "0"][:5]
    without_three[values[0]] = "\t1"  # 行政复议 结果维持
    without_three[values[4]] = "\t2"  # 行政复议 总计: 1 + 0 + 0 + 0 ≠ 2
    workspace = _workspace(tmp_path, {"report.txt": "\n".join(without_three)})
    assert workspace.query("SELECT parse_status, applications_template FROM dim_report") == [("partial", None)]
    c4 = _results(workspace, "C4")
    assert c4["administrative_review"] == (False, 2.0, 1.0, 0, 0)
    assert c4["litigation_direct"][0] is True and c4["litigation_after_review"][0] is True
    for rule in ("C1", "C2", "C3"):  # no section 三: not evaluable, not absent
        results = _results(workspace, rule)
        assert results and all(passed is None and missing > 0 for passed, *_, missing in results.values()), rule
    assert workspace.query("SELECT count(*) FROM failing_reports") == [(1,)]


def test_s2_counts_a_flow_cell_without_a_number_in_null_operands(tmp_path: Path) -> None:
    previous = SAMPLE_2021.replace("2021", "2020")
    current = _replace_row(SAMPLE_2021, "行政规范性文件", ["—", "0", "1"])  # 本年制发件数 printed —
    workspace = _workspace(tmp_path, {"2020.txt": previous, "2021.txt": current})
    s2 = _results(workspace, "S2", 2021)
    assert s2["normative_documents"] == (True, 1.0, 1.0, 1, 0)
    assert s2["rules"] == (True, 0.0, 0.0, 0, 0)


def test_s3_counts_a_change_cell_without_a_number_in_null_operands(tmp_path: Path) -> None:
    previous = _replace_row(SAMPLE_2019.replace("2020", "2019"), "行政许可", ["18", "—", "0"])
    workspace = _workspace(tmp_path, {"2019.txt": previous, "2020.txt": SAMPLE_2019})
    s3 = _results(workspace, "S3", 2020)
    assert s3["administrative_licensing"] == (True, 18.0, 18.0, 1, 0)


def test_s3_within_a_year_new_published_does_not_exceed_total_published(tmp_path: Path) -> None:
    broken = _replace_row(SAMPLE_2019, "规范性文件", ["5", "5", "3"])  # 5 newly published, 3 published in all
    workspace = _workspace(tmp_path, {"report.txt": broken})
    s3 = _results(workspace, "S3")
    assert s3 == {
        "rules/within_year": (True, 0.0, 0.0, 0, 0),
        "normative_documents/within_year": (False, 3.0, 5.0, 0, 0),
    }
    workspace.run()  # nothing new: the results stay
    assert _results(workspace, "S3") == s3
    (workspace.raw / "2019.txt").write_text(SAMPLE_2019.replace("2020", "2019"), encoding="utf-8")
    workspace.run()  # the agency's other year arrives: the 2020 report's S-rows are recomputed, not lost
    assert {k: v for k, v in _results(workspace, "S3", 2020).items() if k.endswith("/within_year")} == s3
    assert len(_results(workspace, "S3", 2019)) == 2


def test_s3_within_a_year_is_not_evaluable_without_its_cells(tmp_path: Path) -> None:
    lines = SAMPLE_2019.split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip() == "规范性文件")
    del lines[at + 3]  # 对外公开总数量 not printed: the row has 2 of its 3 cells
    workspace = _workspace(tmp_path, {"report.txt": "\n".join(lines)})
    assert _results(workspace, "S3")["normative_documents/within_year"] == (None, None, None, 0, 1)


def test_text_in_an_operand_makes_the_rule_not_evaluable_and_a_failure_says_what_it_compares(tmp_path: Path) -> None:
    """见附件 in a total is no 0 (FORMAT.md §8.1 allows 0 only for blank, dash or slash, if recorded); 无 is."""
    text = _replace_row(SAMPLE_2019, "（一）予以公开", ["见附件", "0", "0", "0", "0", "0", "1"])
    text = _replace_row(text, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ["无", "0", "0", "0", "0", "0", "9"])
    workspace = _workspace(tmp_path, {"report.txt": text})
    notes = dict(workspace.query("SELECT scope, note FROM check_results WHERE rule = 'C3'"))
    c3 = _results(workspace, "C3")
    assert c3["granted"] == (None, None, None, 0, 0)
    assert notes["granted"] == "not evaluable: 1 cell(s) print text, not a number"
    assert c3["partially_granted"] == (False, 9.0, 0.0, 1, 0)
    assert notes["partially_granted"] == ("总计 prints 9, but the six applicant columns add up to 0; "
                                          "1 cell(s) printed no number and count as 0")
    assert _results(workspace, "C2")["natural_person"][0] is None  # 见附件 is one of its operands too


def _rows(workspace: Workspace, rule: str) -> dict[tuple[str, str], tuple]:
    rows = workspace.query(f"""
        SELECT d.source_path, c.scope, c.passed, c.expected, c.actual, c.note
        FROM check_results AS c JOIN dim_report AS d USING (report_id) WHERE c.rule = '{rule}'""")
    return {(path, scope): tuple(rest) for path, scope, *rest in rows}


def test_s4_and_s5_compare_what_section_one_says_with_the_table(tmp_path: Path) -> None:
    sample_001 = (RAW_SAMPLES / "001_f10c6ced2bff11ee.txt").read_text(encoding="utf-8")  # says 申请4条，上年转结1条
    sample_004 = (RAW_SAMPLES / "004_993ea28ec35e0d8d.txt").read_text(encoding="utf-8")  # says 申请案件1件; no outcome
    # 2021: one application whose fee went unpaid, and a section 六 that says nothing about fees
    fee = _replace_row(SAMPLE_2021, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                       ["1", "0", "0", "0", "0", "0", "1"])
    fee = fee.replace("故未产生任何有关政府信息公开信息处理事项及费用。", "故未产生任何有关事项。")
    # (another 规章 row too: with the same table it would be the same report, whatever its text says)
    says_12 = _replace_row(sample_001.replace("申请4条", "申请12条"), "规章", ["1", "1", "1"])
    workspace = _workspace(tmp_path, {"001.txt": sample_001, "001_says_12.txt": says_12,
                                      "004.txt": sample_004, "fee.txt": fee, "003.txt": SAMPLE_2021})
    s4, s5 = _rows(workspace, "S4"), _rows(workspace, "S5")
    assert s4[("001.txt", "new_received")][:3] == (True, 4.0, 4.0)
    assert s4[("001.txt", "carried_over")][:3] == (True, 1.0, 1.0)
    failing = s4[("001_says_12.txt", "new_received")]
    assert failing[:3] == (False, 12.0, 4.0)
    assert failing[3] == "section 一 (line 10, “本年度接到群众主动要求公开政府信息的申请12条”) says 12; the table's 总计 prints 4"
    assert s4[("003.txt", "new_received")][:3] == (True, 0.0, 0.0)  # 本年度未收到依申请公开: 0, as the table
    assert s4[("fee.txt", "fee_notices")][:3] == (False, 1.0, 0.0)
    assert "says nothing about fees" in s4[("fee.txt", "fee_notices")][3]
    assert ("003.txt", "fee_notices") not in s4  # no unpaid fee, nothing to look for
    # 004: one application came in, and section 三 records none handled (FORMAT.md §8.2 S5's own example)
    assert s5[("004.txt", "applications")][:3] == (False, 1.0, 0.0)
    assert s5[("001.txt", "applications")][:3] == (True, 4.0, 5.0)
    assert ("003.txt", "applications") not in s5  # it says none came in


def test_s4_of_a_report_stays_when_a_later_batch_brings_its_agency_another_year(tmp_path: Path) -> None:
    sample_001 = (RAW_SAMPLES / "001_f10c6ced2bff11ee.txt").read_text(encoding="utf-8")
    workspace = _workspace(tmp_path, {"2020.txt": sample_001})
    before = _rows(workspace, "S4")
    next_year = sample_001.replace("2020", "2021").replace("2019", "2020")
    (workspace.raw / "2021.txt").write_text(next_year, encoding="utf-8")
    workspace.run()
    after = _rows(workspace, "S4")
    assert {k: v for k, v in after.items() if k[0] == "2020.txt"} == before
    assert ("2021.txt", "new_received") in after


def test_words_for_nothing_count_as_0_in_any_script_or_spacing(tmp_path: Path) -> None:
    """無 (a traditional copy) and 暂　无 (an ideographic space inside) are 无 and 暂无: counted as 0, recorded."""
    text = _replace_row(SAMPLE_2019, "（一）予以公开", ["無", "0", "0", "0", "0", "0", "1"])
    text = _replace_row(text, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ["暂\u3000无", "1", "0", "0", "0", "0", "—"])
    workspace = _workspace(tmp_path, {"report.txt": text})
    c3 = _results(workspace, "C3")
    assert c3["granted"] == (False, 1.0, 0.0, 1, 0)  # evaluated: 無 counts as 0, and 0 ≠ 1 is a real failure
    assert c3["partially_granted"] == (False, 0.0, 1.0, 2, 0)
    notes = dict(workspace.query("SELECT scope, note FROM check_results WHERE rule = 'C3'"))
    # a dash is no "0" the report printed
    assert notes["partially_granted"] == ("总计 prints no number (counted as 0), but the six applicant columns add "
                                          "up to 1; 2 cell(s) printed no number and count as 0")


def test_c5_checks_each_row_s_numbers_against_their_domain(tmp_path: Path) -> None:
    """Counts are whole and >= 0, amounts >= 0, and only 2019's 本年增/减 may be negative (FORMAT.md §8.1)."""
    text = _replace_row(SAMPLE_2019, "一、本年新收政府信息公开申请数量", ["-1", "0.5", "0", "0", "0", "0", "0"])
    text = _replace_row(text, "行政许可", ["18", "-3", "0"])  # a decrease of 3 items: in its domain
    text = _replace_row(text, "行政处罚", ["0", "1.5", "0"])  # half an item: not
    text = _replace_row(text, "政府集中采购", ["2", "1207.5万元"])  # an amount need not be whole
    text = _replace_row(text, "行政强制", ["—", "—", "—"])  # no number printed: nothing to check
    workspace = _workspace(tmp_path, {"report.txt": text})
    c5 = {scope: (passed, expected, actual, note) for scope, passed, expected, actual, note in workspace.query(
        "SELECT scope, passed, expected, actual, note FROM check_results WHERE rule = 'C5'")}
    assert c5["applications/new_received"] == (
        False, 0.0, 2.0, "commercial_enterprise prints “0.5” (requires a whole number >= 0); "
                         "natural_person prints “-1” (requires a whole number >= 0)")
    assert c5["proactive/administrative_licensing"] == (True, 0.0, 0.0, None)
    assert c5["proactive/administrative_penalty"] == (False, 0.0, 1.0, "change prints “1.5” (requires a whole number)")
    assert c5["proactive/government_procurement"] == (True, 0.0, 0.0, None)
    assert "proactive/administrative_coercion" not in c5
    assert c5["applications/carried_over"] == (True, 0.0, 0.0, None)
    assert c5["litigation/administrative_review"] == (True, 0.0, 0.0, None)
    # One row for each row of a table that prints a number.
    assert len(c5) == workspace.query(
        "SELECT count(DISTINCT (section, row_key)) FROM report_cells WHERE value_kind = 'number'")[0][0]
    assert workspace.query("SELECT count(*) FROM failing_reports WHERE list_contains(rules_failed, 'C5')") == [(1,)]
