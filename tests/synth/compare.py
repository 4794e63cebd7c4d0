"""Compare a synthetic report's truth with what the parser extracts, through the warehouse value path."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ogi.extract.report import extract_report
from ogi.synth import SyntheticReport
from ogi.text.normalize import compact, normalize_text
from tests.extract.helpers import cell_values


def same_value(got: object, want: object) -> bool:
    if want is None or got is None:
        return got is None and want is None
    return math.isclose(float(got), float(want), rel_tol=1e-9, abs_tol=1e-9)  # type: ignore[arg-type]


def canonical_name(name: str) -> str:
    """The agency name as the parser reports it: normalised (NFKC, simplified), without whitespace."""
    return compact(normalize_text(name))


@dataclass
class Outcome:
    report: SyntheticReport
    status: str
    cells: int
    right: int
    wrong: dict = field(default_factory=dict)  # key → (got, want); got is '<missing>' when not placed
    extra: list = field(default_factory=list)  # keys extracted that the report does not print
    agency: str | None = None
    year: int | None = None

    @property
    def agency_ok(self) -> bool:
        return self.agency == canonical_name(self.report.agency_name)

    @property
    def year_ok(self) -> bool:
        return self.year == self.report.report_year


def evaluate(report: SyntheticReport) -> Outcome:
    extracted = extract_report(report.text)
    got = cell_values(extracted)
    outcome = Outcome(report, extracted.status, len(report.truth), 0, agency=extracted.agency_name,
                      year=extracted.report_year)
    for key, want in report.truth.items():
        if key not in got:
            outcome.wrong[key] = ("<missing>", want)
        elif same_value(got[key], want):
            outcome.right += 1
        else:
            outcome.wrong[key] = (got[key], want)
    outcome.extra = [key for key in got if key not in report.truth]
    return outcome
