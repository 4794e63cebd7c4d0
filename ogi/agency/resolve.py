"""resolve_agency: name → division, kind, department and id, with the report text as evidence."""

from __future__ import annotations

import re
from typing import Final

from ogi.agency import identity
from ogi.agency.data import Division, Gazetteer, gazetteer
from ogi.agency.evidence import disambiguate, place_from_text
from ogi.agency.model import AgencyResolution
from ogi.agency.names import GOVERNMENT_SELF, SELF_GOVERNING, ZONE_WORDS, canonical, classify, normalise
from ogi.agency.places import Chain, forward

# Vertically managed systems print their own name before the place: 国家税务总局宁波市镇海区税务局.
_SYSTEM_PREFIX: Final = re.compile(r"^(?:国家|中国|中华人民共和国|国务院|全国|中共).{0,12}?(?:总局|总署|银行|委员会|部|局|会)?$")
_ZONE_ORGANS: Final = ("管委会", "管理委员会", "工作委员会")
_NATIONAL: Final = re.compile(r"^(?:国务院|国家|中华人民共和国|中国|全国)|(?:部|总署|总局)$|^审计署$")
# A township the gazetteer does not list, printed under a county it does (某县某某镇人民政府), or under one of
# the cities without counties (东莞市虎门镇人民政府).
_TOWNSHIP_REST: Final = re.compile(r"^(.{1,10}?(?:镇|乡|街道|苏木))(人民政府|政府|街道办事处|办事处)?$")
# A district or county the gazetteer does not list, printed as a government under its city.
_COUNTY_REST: Final = re.compile(r"^(.{1,8}?(?:区|县|旗))(人民政府|政府)?$")
# Offices of the central systems outside Beijing are printed with their place's short name: 国家统计局宁波调查队,
# 中国银保监会浙江监管局, 中华人民共和国杭州海关. (台湾, 香港, 澳门 after a central organ name its portfolio, as in
# 国务院台湾事务办公室, not its seat.)
_NOT_A_SEAT: Final = frozenset({"台湾", "香港", "澳门"})
_COMPANY: Final = ("公司", "集团")


# What follows a seat's short name in a local office's name (吉林调查总队, 义乌监管支局, 杭州海关).
_OFFICE: Final = re.compile(r"(?:调查总队|调查队|监管局|监管分局|监管支局|海关|税务局|气象局|中心支行|分行|支行|邮政管理局|分局|支局|局)")
# Where a seat's short name is both a province's and a prefecture's (吉林): the office says which.
_PROVINCIAL_OFFICE: Final = ("调查总队", "监管局", "分行", "邮政管理局")  # and a bare 局 (国家矿山安全监察局吉林局)
_PREFECTURAL_OFFICE: Final = ("调查队", "监管分局", "中心支行")


def _seat(g: Gazetteer, prefix: str, rest: str) -> Chain | None:
    """The seat of a central system's local office printed by its short name right after the system's name
    (国家统计局义乌调查队 → 义乌市, 国家统计局吉林调查总队 → 吉林省); None when nothing there is a seat."""
    for length in (3, 2):
        short = rest[:length]
        cands = g.seat_names.get(short)
        if not cands or short in _NOT_A_SEAT or not _OFFICE.match(rest, length):
            continue
        office = rest[length:]
        if len(cands) > 1 and {c.level for c in cands} == {"province", "prefecture"}:
            wanted = ("province" if office.startswith(_PROVINCIAL_OFFICE) or office == "局"
                      else "prefecture" if office.startswith(_PREFECTURAL_OFFICE) else None)
            cands = tuple(c for c in cands if c.level == wanted) or cands
        offset = len(prefix)
        return Chain(offset, offset + length, cands, (short,))
    return None


def _locate(g: Gazetteer, name: str) -> tuple[str, Chain | None]:
    """(system prefix, chain): the place chain at the start of the name, or after a system prefix."""
    ch = forward(g, name, 0)
    if ch is not None:
        return "", ch
    prefixes = [i for i in range(2, min(len(name) - 1, 16)) if _SYSTEM_PREFIX.match(name[:i])]
    for i in prefixes:
        if (ch := forward(g, name, i)) is not None:
            return name[:i], ch
    for i in prefixes:
        for length in (3, 2):
            short = name[i : i + length]
            cands = g.short_names.get(short)
            if cands and len(cands) == 1 and short not in _NOT_A_SEAT:
                return name[:i], Chain(i, i + length, cands, (short,))
    for i in prefixes:
        if (ch := _seat(g, name[:i], name[i:])) is not None:
            return name[:i], ch
    return "", None


def _result(name: str, agency_id: str | None, d: Division | None, level: str | None, kind: str | None,
            department: str | None, issues: list[tuple[str, str]], township: str | None = None,
            county: str | None = None) -> AgencyResolution:
    return AgencyResolution(
        agency_name=name, agency_id=agency_id,
        province=d.province if d else None, prefecture=d.prefecture if d else None,
        county=county or (d.county if d else None), township=township or (d.township if d else None),
        division_code=d.division_code if d else None, admin_level=level, agency_kind=kind,
        department=department, issues=tuple(issues),
    )


def _names(ds: tuple[Division, ...]) -> str:
    shown = "、".join(f"{d.path()}({d.division_code})" for d in ds[:8])
    return shown + (f" 等{len(ds)}处" if len(ds) > 8 else "")


# Resolutions that the name alone decided, per process: an agency publishes every year, and a batch of many years
# meets its name again and again. One the text decided (a shared place name, or none) is never kept: another
# report of the same name may say otherwise.
_AGENCY_MEMO_SIZE: Final = 50_000
_by_name: Final[dict[str, AgencyResolution]] = {}


def resolve_agency(name: str | None, text: str) -> AgencyResolution:
    if name is None or not name.strip():
        return _result("", None, None, None, None, None,
                       [("agency_name_missing", "The report does not print the publishing agency's name.")])
    known = _by_name.get(name)
    if known is not None:
        return known
    resolution, read_text = _resolve(name, text)
    if not read_text:
        if len(_by_name) >= _AGENCY_MEMO_SIZE:
            _by_name.clear()
        _by_name[name] = resolution
    return resolution


def _resolve(name: str, text: str) -> tuple[AgencyResolution, bool]:
    """The resolution, and whether the report text was read to reach it."""
    g = gazetteer()
    printed = normalise(name)
    canon = canonical(printed)
    prefix, chain = _locate(g, canon)
    remainder = canon[chain.end:] if chain else canon
    kind: str
    department: str | None
    kind, department = classify(remainder)
    what = _what(kind, department, remainder, prefix)
    issues: list[tuple[str, str]] = []
    text = text or ""

    div: Division | None = None
    read_text = False
    if chain is not None:
        cands = chain.candidates
        read_text = len(cands) > 1
        div = cands[0] if len(cands) == 1 else disambiguate(g, cands, text)
        if div is None:
            issues.append(("agency_division_ambiguous",
                           f"「{printed}」: {chain.names[-1]} could be {_names(cands)}; the report text does not "
                           "say which, so the division is left empty."))
            levels = {c.level for c in cands}
            return _result(printed, None, None, levels.pop() if len(levels) == 1 else None, kind,
                           department, issues), read_text
    elif _NATIONAL.search(canon):
        # 中华人民共和国自然资源部 is 自然资源部: the state prefix is part of the formal name only.
        core = canon.removeprefix("中华人民共和国") or canon
        kind, department = classify(core)
        return _result(printed, identity.national_id(core), None, "national", kind, department, issues), False
    else:
        read_text = True
        div, why = place_from_text(g, remainder, text)
        if div is None:
            issues.append(("agency_division_unresolved",
                           f"「{printed}」 names no administrative division and {why}; the division is left empty."))
            return _result(printed, None, None, None, kind, department, issues), read_text

    township = county = None
    if div.level == "prefecture" and (renamed := _former_district(g, div, remainder)):
        # A former name of one of this city's districts (邢台市桥东区, since 2020 襄都区): that district.
        div, county = renamed
        remainder = remainder[len(county):]
        kind, department = classify(remainder)
        what = _what(kind, department, remainder, prefix)
    elif div.level == "prefecture" and (moved := _county_elsewhere(g, div, remainder)) is not None:
        # 四平市公主岭市人民政府: a county-level division printed under a city it is not (or no longer) under.
        issues.append(("agency_parent_mismatch",
                       f"「{printed}」: {moved.name} is printed under {div.name}, but the division data lists it "
                       f"under {moved.path().removesuffix(moved.name)} (moved, or misprinted?); it is placed as "
                       f"{moved.path()}."))
        remainder = remainder[len(moved.name):]
        div = moved
        kind, department = classify(remainder)
        what = _what(kind, department, remainder, prefix)
    level = div.level
    if div.level in ("county", "prefecture") and (m := _TOWNSHIP_REST.match(remainder)):
        # A township missing from the gazetteer (renamed, merged, or not listed): keep the enclosing code.
        township, level, kind, department = m.group(1), "township", "government", None
        what = f"township:{township}"
        issues.append(("agency_township_not_in_gazetteer",
                       f"「{printed}」: township {township} is not listed under {div.path()} in the division data; "
                       f"kept as printed with the {div.level}'s code."))
    elif div.level == "prefecture" and (m := _COUNTY_REST.match(remainder)) and not _is_zone(m.group(1)):
        county, level, kind, department = m.group(1), "county", "government", None
        what = f"county:{county}"
        issues.append(("agency_county_not_in_gazetteer",
                       f"「{printed}」: {county} is not listed under {div.path()} in the division data (abolished or "
                       "renamed?); kept as printed with the prefecture's code."))
    elif kind == "department" and chain is not None and _is_zone(chain.names[-1]) and remainder in _ZONE_ORGANS:
        # 两江新区管理委员会: the division is itself a zone (a county-level new area), governed by this committee.
        kind, department = "government", None
        what = _what(kind, department, remainder, prefix)
    elif kind == "department" and department and department.startswith("委") and chain is not None:
        # 长兴县委办公室, 中共宁波市委宣传部: the party committee of the place, not a "委…" department.
        department = chain.names[-1][-1] + department
        what = _what(kind, department, remainder, prefix)
    if remainder.endswith(SELF_GOVERNING):
        issues.append(("agency_self_governing",
                       f"「{printed}」 is a village or residents' committee (村民委员会, 居民委员会): a self-governing body "
                       f"below the township, not an administrative organ; it is kept under {div.path()} as printed."))
    elif remainder.endswith(_COMPANY):
        issues.append(("agency_not_an_organ",
                       f"「{printed}」 is a company (a public enterprise publishing its own report), not an "
                       f"administrative organ; it is kept as a department of {div.path()} as printed."))
    return _result(printed, identity.placed_id(div, kind, what), div, level, kind, department, issues, township,
                   county), read_text


def _county_elsewhere(g: Gazetteer, div: Division, remainder: str) -> Division | None:
    """The one county-level division of ``div``'s province whose name begins ``remainder`` and that is not
    under ``div`` (a county moved to a neighbouring city). Another province's district of the same name
    (茂名市滨海新区, 中山市东区) is no such county: a zone or an area of this city."""
    chain = forward(g, remainder, 0)
    if chain is None or len(chain.names) != 1 or len(chain.candidates) != 1:
        return None
    county = chain.candidates[0]
    if county.level != "county" or div.key in county.ancestors or county.province != div.province:
        return None
    return None if _is_zone(county.name) else county


def _what(kind: str, department: str | None, remainder: str, prefix: str) -> str:
    """What the agency is within its division (the id's second half); 国家税务总局…税务局 keeps its system prefix."""
    if kind == "government":
        return "" if remainder in GOVERNMENT_SELF else remainder
    return prefix + (department or remainder)


def _former_district(g: Gazetteer, city: Division, remainder: str) -> tuple[Division, str] | None:
    """(district, name as printed) when the remainder starts with a former name of exactly one of the city's
    districts, a name a current division elsewhere still carries (so the chain did not take it)."""
    for length in range(min(8, len(remainder)), 1, -1):
        name = remainder[:length]
        districts = [d for d in g.all_former.get(name, ()) if city.key in d.ancestors]
        if len(districts) == 1:
            return districts[0], name
    return None


def _is_zone(name: str) -> bool:
    return any(name.endswith(word) for word in ZONE_WORDS)
