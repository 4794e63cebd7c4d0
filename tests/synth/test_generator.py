"""The synthetic corpus: deterministic, covers every shape and template, and knows its rule breaks."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ogi.synth import (
    SHAPES,
    TEMPLATES,
    broken_rules,
    generate_corpus,
    generate_report,
    report_rng,
    write_corpus,
)

CORPUS = generate_corpus(400, seed=7, inconsistent_share=0.3)


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "a", 60, seed=3)
    second = write_corpus(tmp_path / "b", 60, seed=3)
    assert [r.file_name for r in first] == [r.file_name for r in second]
    for report in first:
        assert (tmp_path / "a" / report.file_name).read_bytes() == (tmp_path / "b" / report.file_name).read_bytes()
    other = generate_corpus(60, seed=4)
    assert [r.text for r in other] != [r.text for r in first]


def test_a_report_depends_only_on_seed_and_index() -> None:
    alone = generate_report(report_rng(7, 123), 123, inconsistent=CORPUS[123].inconsistent)
    # the corpus draws the inconsistent flag first from the same stream
    rng = report_rng(7, 123)
    rng.random()
    again = generate_report(rng, 123, inconsistent=CORPUS[123].inconsistent)
    assert again.text == CORPUS[123].text
    assert alone.text  # generated without error


def test_file_names_are_unique_and_written(tmp_path: Path) -> None:
    reports = write_corpus(tmp_path, 300, seed=1)
    names = [r.file_name for r in reports]
    assert len(set(names)) == len(names) == len(list(tmp_path.glob("*.txt")))
    assert any(" " in n for n in names) and any("（" in n or "[" in n for n in names)
    sample = reports[5]
    assert (tmp_path / sample.file_name).read_text(encoding="utf-8") == sample.text


def test_every_shape_and_template_is_generated() -> None:
    assert {r.shape for r in CORPUS} == set(SHAPES)
    assert {r.template for r in CORPUS} == set(TEMPLATES)
    assert {r.report_year for r in CORPUS} == set(range(2019, 2025))
    assert any(r.template == "2019" and r.report_year >= 2021 for r in CORPUS)  # 2019 tables kept in 2021
    assert all(r.template == "2019" for r in CORPUS if r.report_year <= 2020)
    for shape in SHAPES:
        for template in TEMPLATES:
            report = generate_report(random.Random(1), 0, shape=shape, template=template)
            assert (report.shape, report.template) == (shape, template)


def test_truth_covers_every_printed_cell() -> None:
    sizes = {"2019": 22 + 161 + 15, "2021": 10 + 175 + 15}
    for report in CORPUS:
        assert len(report.truth) == sizes[report.template]
        assert all(v is None or isinstance(v, int | float) for v in report.truth.values())
    values = [v for r in CORPUS for v in r.truth.values()]
    assert values.count(None) > 0  # blank / dash / slash cells
    assert any(isinstance(v, float) and v != int(v) for v in values)  # 元 → 万元 amounts
    assert any(isinstance(v, int) and v < 0 for v in values)  # 本年增/减 decreases


def test_consistent_reports_break_no_rule() -> None:
    consistent = [r for r in CORPUS if not r.inconsistent]
    assert len(consistent) > 200
    for report in consistent:
        assert report.broken_rules == set()
        assert broken_rules(report.truth, report.template) == set()


def test_inconsistent_reports_break_what_they_say() -> None:
    inconsistent = [r for r in CORPUS if r.inconsistent]
    assert len(inconsistent) > 60
    for report in inconsistent:
        assert report.broken_rules, report.file_name
        assert broken_rules(report.truth, report.template) == report.broken_rules
        assert {rule for rule, _ in report.broken_rules} <= {"C1", "C2", "C3", "C4"}
    rules = {rule for r in inconsistent for rule, _ in r.broken_rules}
    assert rules == {"C1", "C2", "C3", "C4"}


@pytest.mark.parametrize("count", [2000])
def test_generation_is_fast(count: int) -> None:
    import time

    start = time.perf_counter()
    generate_corpus(count, seed=11)
    per_report = (time.perf_counter() - start) / count
    assert per_report < 0.002  # 100,000 reports well under a minute needs < 0.6 ms; loose for slow CI
