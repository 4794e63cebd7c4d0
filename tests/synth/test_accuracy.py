"""Issue 2's acceptance: the parser reads synthetic reports of every shape, template and variation.

Every printed cell is compared with the generator's truth through the warehouse's value conversion
(``ogi.extract.values.read_value`` via ``tests.extract.helpers.cell_values``). Known parser failures
on realistic variations are kept in the corpus and pinned by strict xfail tests below.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from ogi.synth import SHAPES, TEMPLATES, generate_corpus
from tests.synth.compare import Outcome, evaluate

REPORTS = generate_corpus(640, seed=2024)


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    return [evaluate(report) for report in REPORTS]


def test_corpus_spans_shapes_templates_and_variations() -> None:
    assert {(r.shape, r.template) for r in REPORTS} == {(s, t) for s in SHAPES for t in TEMPLATES}
    variations = {v for r in REPORTS for v in r.variations}
    for expected in ("traditional", "bookmark", "typo_xing", "half_brackets", "pad_nbsp", "pad_ideo", "pad_space",
                     "split_labels", "title_none", "title_one_line", "title_two_line", "chrome", "blank_cells",
                     "count_units", "hubei_annotations"):
        assert expected in variations, expected


def test_cell_accuracy(outcomes: list[Outcome]) -> None:
    per_shape: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for o in outcomes:
        stats = per_shape[o.report.shape]
        stats[0] += o.cells
        stats[1] += o.right
        stats[2] += 1
        stats[3] += o.status == "parsed"
    print()
    for shape, (cells, right, reports, parsed) in sorted(per_shape.items()):
        print(f"{shape:11s} reports {reports:4d} parsed {parsed:4d} cells {cells:6d} right {right / cells:.4%}")
    cells = sum(s[0] for s in per_shape.values())
    right = sum(s[1] for s in per_shape.values())
    print(f"overall     cells {cells} right {right / cells:.4%}")
    assert right / cells >= 0.97


def test_parsed_reports_carry_no_wrong_or_missing_cell(outcomes: list[Outcome]) -> None:
    parsed = [o for o in outcomes if o.status == "parsed"]
    assert len(parsed) > 0.8 * len(outcomes)
    bad = {o.report.file_name: dict(list(o.wrong.items())[:3]) for o in parsed if o.wrong or o.extra}
    assert bad == {}


def test_no_report_places_a_wrong_number(outcomes: list[Outcome]) -> None:
    """A partial report may miss cells, but never puts a wrong value in a cell it placed."""
    bad = {o.report.file_name: {k: v for k, v in o.wrong.items() if v[0] != "<missing>"} for o in outcomes}
    assert {k: v for k, v in bad.items() if v} == {}


def test_agency_and_year(outcomes: list[Outcome]) -> None:
    assert all(o.year_ok for o in outcomes), [(o.report.file_name, o.year) for o in outcomes if not o.year_ok]
    wrong = [(o.report.file_name, o.agency) for o in outcomes if not o.agency_ok]
    assert wrong == []


def test_inconsistent_reports_parse_as_printed() -> None:
    reports = generate_corpus(60, seed=99, inconsistent_share=1.0)
    for report in reports:
        o = evaluate(report)
        assert not [k for k, v in o.wrong.items() if v[0] != "<missing>"], report.file_name


# ------------------------------------------------ variations the parser once got wrong (now regressions)


def _with(*variations: str, shape: str | None = None) -> list[Outcome]:
    chosen = [r for r in REPORTS if set(variations) <= set(r.variations) and (shape is None or r.shape == shape)]
    assert chosen, variations
    return [evaluate(r) for r in chosen[:10]]


@pytest.mark.parametrize(
    ("variations", "shape"),
    [
        (("html_padding",), "html_rows"),  # '总计 ||||||': header-row padding is not section 四 values
        (("blank_row_empty",), None),  # a section 二 row of empty cells: blank cells, placed
        (("blank_intake_rows",), None),  # section 三 rows 一/二 blank but 总计
    ],
)
def test_blank_and_padded_rows_are_placed(variations: tuple[str, ...], shape: str | None) -> None:
    for outcome in _with(*variations, shape=shape):
        assert outcome.wrong == {}, outcome.report.file_name


def test_a_site_banner_is_not_the_author_of_an_untitled_page() -> None:
    for outcome in _with("site_banner", "title_none"):
        assert outcome.agency_ok, (outcome.report.file_name, outcome.agency, outcome.report.agency_name)
