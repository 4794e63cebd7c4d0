"""One report's text → metadata, placed cells and problems, with a parse status."""

from __future__ import annotations

import re
from typing import Final

from ogi.extract.applications import extract_applications
from ogi.extract.applications import find_start as find_applications
from ogi.extract.kind import document_kind
from ogi.extract.litigation import extract_litigation
from ogi.extract.metadata import ReportMetadata, extract_metadata
from ogi.extract.model import ExtractedReport, PlacedCell, Problem
from ogi.extract.narrative import narrative_counts
from ogi.extract.proactive import extract_proactive
from ogi.extract.tokens import Token, tokenize
from ogi.extract.values import (
    AMOUNT_MEASURES,
    CHANGE_PATTERN,
    MONEY_UNITS,
    NUMBER_PATTERN,
    change_word_misplaced,
    reads_as_number,
)
from ogi.text.normalize import normalize_text

_HAS_DIGIT: Final = re.compile(r"\d")
_SPACED_DIGITS: Final = re.compile(r"\d \d")
_READS_AS_NUMBER: Final = re.compile(f"{NUMBER_PATTERN}|{CHANGE_PATTERN}")
_BARE_NONZERO_AMOUNT: Final = re.compile(r"^\+?(?=[\d,.]*[1-9])[\d,]+(?:\.\d+)?$")  # 8040, not 0, not 8040元


def _applications_anchor(tokens: list[Token]) -> int:
    """Where section 三 begins, to bound section 二: its note, header or first row."""
    start = find_applications(tokens)
    limit = start if start is not None else len(tokens)
    for index in range(limit):
        norm = tokens[index].norm
        if "勾稽" in norm or norm.startswith("申请人情况") or (
            tokens[index].narrative and "收到和处理政府信息公开申请" in norm and len(norm) < 40
        ):
            return index
    return limit


_SECTION_NUMERALS: Final = {"proactive": "二", "applications": "三", "litigation": "四"}
_MONEY_UNITS: Final = (None, *MONEY_UNITS)


def _litigation_begin(tokens: list[Token], applications_end: int | None, boundary: int) -> int:
    """Where to look for section 四: after section 三, or where section 三 would begin; with no trace of section
    三 at all, at section 四's own heading (never earlier: 行政复议 also appears in running text)."""
    if applications_end is not None:
        return applications_end
    if boundary < len(tokens):
        return boundary
    for index, token in enumerate(tokens):
        if token.narrative and token.norm.startswith("四") and ("行政复议" in token.norm or "行政诉讼" in token.norm):
            return index
    return boundary


def _garbled_numbers(cells: list[PlacedCell]) -> list[Problem]:
    """A placed cell with digits that does not read as a number (18-3-, 0x0, 0|, 1 2) is loaded as text, so NULL:
    a number may have been lost there (a page number or stray line merged into it), so the report is partial."""
    return [
        Problem("cell_not_a_number", f"Section {_SECTION_NUMERALS[c.section]}, cell {c.row_key}/{c.col_key} (line "
                f"{c.line_no}) prints {c.raw_text!r}: {_why_not_a_number(c)}; it is loaded as text (value NULL).",
                c.line_no)
        for c in cells
        if not c.norm_text.isdigit() and _HAS_DIGIT.search(c.norm_text) and not reads_as_number(c.norm_text, c.col_key)
    ]


def _why_not_a_number(cell: PlacedCell) -> str:
    if change_word_misplaced(cell.norm_text, cell.col_key):
        return ("a change (增/减) in a column that counts" if cell.col_key != "change"
                else "a direction word (增/减) and a sign that contradict each other")
    if _SPACED_DIGITS.search(cell.norm_text):
        return "numbers separated by a space (two lines of one cell?), which do not read as one number"
    return "digits that do not read as a number"


def _wrong_units(cells: list[PlacedCell]) -> list[Problem]:
    """An amount of money printed with a count unit (采购总金额 5项) is not an amount, and a count printed in
    money or in 万 (120万元, 1.2万) is not a count as printed: all are loaded as text."""
    problems = []
    for c in cells:
        if "万" not in c.norm_text and "元" not in c.norm_text and c.col_key not in AMOUNT_MEASURES:
            continue
        match = _READS_AS_NUMBER.match(c.norm_text)
        unit = (match.group(4) or match.group(9)) if match else None
        if c.col_key in AMOUNT_MEASURES and unit not in _MONEY_UNITS:
            what = f"a count ({unit}), not an amount of money"
        elif c.col_key not in AMOUNT_MEASURES and unit == "万":
            what = "a count in 万 (tens of thousands), which is not loaded rounded"
        elif c.col_key not in AMOUNT_MEASURES and unit in MONEY_UNITS:
            what = f"an amount of money ({unit}) where the template counts"
        else:
            continue
        problems.append(Problem(
            "cell_not_a_number", f"Section {_SECTION_NUMERALS[c.section]}, cell {c.row_key}/{c.col_key} (line "
            f"{c.line_no}) prints {c.raw_text!r}: {what}; it is loaded as text (value NULL).", c.line_no))
    return problems


def _amounts_without_unit(cells: list[PlacedCell]) -> list[Problem]:
    """A 2019 采购总金额 printed without 元 or 万元 (FORMAT.md N4), under a header that states no unit either,
    is loaded as printed with unit NULL; say so, so that nobody adds it to amounts in 万元 unawares."""
    return [
        Problem("amount_unit_unknown", f"Section 二 (20.9), 采购总金额 (line {c.line_no}) prints {c.raw_text!r} with no "
                "unit, and the 2019 template states none: it may be 元 or 万元. It is loaded as printed, with unit NULL.",
                c.line_no, degrades=False)
        for c in cells
        if c.col_key == "procurement_amount" and c.header_unit is None and _BARE_NONZERO_AMOUNT.match(c.norm_text)
    ]


def _other_signer(metadata: ReportMetadata) -> str | None:
    """The organ that signs the report, when the title or first line named another one."""
    agency, signer = metadata.agency_name, metadata.signed_by
    if not agency or not signer or metadata.agency_source not in ("title", "first_line"):
        return None
    # The same organ named in full or short, or the titled organ's own office signing for it (M6): no conflict.
    return None if agency.endswith(signer) or signer.endswith(agency) or signer.startswith(agency) else signer


def _narrative_year_conflict(metadata: ReportMetadata) -> list[Problem]:
    """The year the narrative names most, when the signature date contradicts it (FORMAT.md §9.5)."""
    named = metadata.overruled_narrative_year or (metadata.report_year if metadata.contested_by_signature else None)
    if named is None:
        return []
    signed = metadata.published_on or ""
    why = (f"before {named} was over" if named > int(signed[:4])
           else "and a report signed in January–March covers the year before")
    if metadata.overruled_narrative_year:
        used = f"{metadata.report_year} is used" if metadata.report_year else "the year is left unknown"
        verdict = (f"{used}; the narrative names it once or twice only, as it would next year's plan or an earlier "
                   "report it cites")
    else:
        verdict = (f"{named} is kept, as the narrative names it {metadata.narrative_mentions} times; the date may "
                   "carry the previous year's number")
    return [Problem("year_conflict", f"The title and the data-period sentence give no year and the narrative names "
                    f"{named} most often, but the report is signed on {signed}, {why}: {verdict}.", degrades=False)]


def extract_report(text: str, normalized: str | None = None,
                   lines: tuple[list[str], list[str]] | None = None) -> ExtractedReport:
    """``normalized`` is ``normalize_text(text)`` when the caller has it already (it is the costly part), and
    ``lines`` the text's lines and the normalised ones when it has those (``normalize_lines``)."""
    if normalized is None:
        normalized = normalize_text(text)
    tokens = tokenize(text, normalized, lines)
    metadata = extract_metadata(normalized, lines[1] if lines is not None else None)
    applications, applications_end = extract_applications(tokens)
    boundary = _applications_anchor(tokens)
    proactive = extract_proactive(tokens, boundary, applications.template)
    litigation = extract_litigation(
        tokens, _litigation_begin(tokens, applications_end if applications.found else None, boundary))

    problems: list[Problem] = [*proactive.problems, *applications.problems, *litigation.problems]
    cells = [*proactive.cells, *applications.cells, *litigation.cells]
    # A cell of digits alone (most cells) reads as a number in any column: neither check below reports it.
    printed = [c for c in cells if not c.norm_text.isdigit()]
    problems.extend(_garbled_numbers(printed))
    problems.extend(_wrong_units(printed))
    problems.extend(_amounts_without_unit(cells))
    template = applications.template or proactive.template
    if applications.template and proactive.template and applications.template != proactive.template:
        problems.append(Problem(
            "template_mixed", f"Section 二 uses the {proactive.template} tables but section 三 the "
            f"{applications.template} tables; the report's template is taken from section 三.", degrades=False))
    found_any = proactive.found or applications.found or litigation.found
    kind = ("report" if proactive.found or applications.found
            else document_kind(normalized, metadata, litigation.found))
    if kind == "pre_2019":  # its review heading may have read as section 四: the cells of a sheet, not the table
        found_any, status, cells = False, "failed", []
        problems = [Problem("pre_2019_format", "This looks like an annual report in the pre-2019 format "
                            "(no 第二十条 tables, no 申请人情况 matrix); its statistics do not map onto the "
                            "2019/2021 templates and are not loaded.")]
    elif not found_any:
        cells = []
        if kind == "report":
            status = "failed"
            problems = [Problem("table_not_found", "No standard table (第二十条 items, applications matrix, "
                                "review/litigation row) was recognised in this report.")]
        else:
            status = "not_a_report"
            problems = [Problem("not_a_report", "The text is not a government information disclosure annual "
                                "report: none of its tables was found, and no more than one of the six section "
                                "headings (一、总体情况 … 六、其他需要报告的事项).")]
    elif any(p.degrades for p in problems):
        status = "partial"
    else:
        status = "parsed"
    if found_any and metadata.report_year is None and not metadata.overruled_narrative_year:
        problems.append(Problem("year_not_found", "The report year could not be read from the title, the "
                                "data-period sentence, the narrative or the signature date.", degrades=False))
    if found_any and metadata.period_year and metadata.report_year and metadata.period_year != metadata.report_year:
        problems.append(Problem(
            "year_conflict", f"The title gives the year {metadata.report_year} but the data-period sentence "
            f"{metadata.period_year}; the title's year is used. One of them is misprinted.", degrades=False))
    if found_any:
        problems.extend(_narrative_year_conflict(metadata))
    if found_any and (signer := _other_signer(metadata)):
        problems.append(Problem(
            "agency_conflict", f"The {(metadata.agency_source or '').replace('_', ' ')} names {metadata.agency_name} but the "
            f"report is signed by {signer}; {metadata.agency_name} is used (FORMAT.md §9.5). If it is the website's "
            f"banner or the body that publishes the report, {signer} is its author.", degrades=False))
    if found_any and metadata.agency_name is None:
        problems.append(Problem("agency_not_found", "The publishing agency could not be read from the title, "
                                "the first line, the signature or the preface.", degrades=False))
    return ExtractedReport(
        agency_name=metadata.agency_name,
        report_year=metadata.report_year,
        published_on=metadata.published_on,
        template=template,
        proactive_template=proactive.template,
        applications_template=applications.template,
        status=status,
        cells=cells,
        problems=problems,
        year_source=metadata.year_source,
        agency_source=metadata.agency_source,
        narrative=narrative_counts(normalized, metadata.report_year) if found_any else [],
    )
