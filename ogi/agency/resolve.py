"""resolve_agency: name → division, kind, department and id, with the report text as evidence."""

from __future__ import annotations

import re

from ogi.agency import identity
from ogi.agency.data import Division, Gazetteer, gazetteer
from ogi.agency.evidence import disambiguate, place_from_text
from ogi.agency.model import AgencyResolution
from ogi.agency.names import GOVERNMENT_SELF, canonical, classify, normalise
from ogi.agency.places import Chain, forward

# Vertically managed systems print their own name before the place: 国家税务总局宁波市镇海区税务局.
_SYSTEM_PREFIX = re.compile(r"^(?:国家|中国|中华人民共和国|国务院|全国|中共).{0,12}?(?:总局|总署|银行|委员会|部|局|会)?$")
_NATIONAL = re.compile(r"^(?:国务院|国家|中华人民共和国|中国|全国)|(?:部|总署|总局)$")
# A township the gazetteer does not list, printed under a county it does: 某县某某镇人民政府.
_TOWNSHIP_REST = re.compile(r"^(.{1,10}?(?:镇|乡|街道|苏木))(人民政府|政府|街道办事处|办事处)?$")


def _locate(g: Gazetteer, name: str) -> tuple[str, Chain | None]:
    """(system prefix, chain): the place chain at the start of the name, or after a system prefix."""
    ch = forward(g, name, 0)
    if ch is not None:
        return "", ch
    for i in range(2, min(len(name) - 1, 16)):
        if _SYSTEM_PREFIX.match(name[:i]) and (ch := forward(g, name, i)) is not None:
            return name[:i], ch
    return "", None


def _result(name: str, agency_id: str | None, d: Division | None, level: str | None, kind: str | None,
            department: str | None, issues: list[tuple[str, str]], township: str | None = None
            ) -> AgencyResolution:
    return AgencyResolution(
        agency_name=name, agency_id=agency_id,
        province=d.province if d else None, prefecture=d.prefecture if d else None,
        county=d.county if d else None, township=township or (d.township if d else None),
        division_code=d.division_code if d else None, admin_level=level, agency_kind=kind,
        department=department, issues=tuple(issues),
    )


def _names(ds: tuple[Division, ...]) -> str:
    shown = "、".join(f"{d.path()}({d.division_code})" for d in ds[:8])
    return shown + (f" 等{len(ds)}处" if len(ds) > 8 else "")


def resolve_agency(name: str | None, text: str) -> AgencyResolution:
    if name is None or not name.strip():
        return _result("", None, None, None, None, None,
                       [("agency_name_missing", "The report does not print the publishing agency's name.")])
    g = gazetteer()
    printed = normalise(name)
    canon = canonical(printed)
    prefix, chain = _locate(g, canon)
    remainder = canon[chain.end:] if chain else canon
    kind, department = classify(remainder)
    # What the agency is within its division (the id's second half); 国家税务总局…税务局 keeps its system prefix.
    if kind == "government":
        what = "" if remainder in GOVERNMENT_SELF else remainder
    else:
        what = prefix + (department or remainder)
    issues: list[tuple[str, str]] = []
    text = text or ""

    div: Division | None = None
    if chain is not None:
        cands = chain.candidates
        div = cands[0] if len(cands) == 1 else disambiguate(g, cands, text)
        if div is None:
            issues.append(("agency_division_ambiguous",
                           f"「{printed}」: {chain.names[-1]} could be {_names(cands)}; the report text does not "
                           "say which, so the division is left empty."))
            levels = {c.level for c in cands}
            return _result(printed, None, None, levels.pop() if len(levels) == 1 else None, kind,
                           department, issues)
    elif _NATIONAL.search(canon):
        # 中华人民共和国自然资源部 is 自然资源部: the state prefix is part of the formal name only.
        core = canon.removeprefix("中华人民共和国") or canon
        kind, department = classify(core)
        return _result(printed, identity.national_id(core), None, "national", kind, department, issues)
    else:
        div, why = place_from_text(g, remainder, text)
        if div is None:
            issues.append(("agency_division_unresolved",
                           f"「{printed}」 names no administrative division and {why}; the division is left empty."))
            return _result(printed, None, None, None, kind, department, issues)

    township = None
    level = div.level
    if div.level == "county" and (m := _TOWNSHIP_REST.match(remainder)):
        # A township missing from the gazetteer (renamed, merged, or not listed): keep the county's code.
        township, level, kind, department = m.group(1), "township", "government", None
        what = f"township:{township}"
        issues.append(("agency_township_not_in_gazetteer",
                       f"「{printed}」: township {township} is not listed under {div.path()} in the division data; "
                       "kept as printed with the county's code."))
    return _result(printed, identity.placed_id(div, kind, what), div, level, kind, department, issues, township)
