"""A generated set of agency names over all 31 provinces and all levels, built from the division data.

Accuracy is measured, not assumed: ≥ 98 % must resolve to the right code (or to NULL-with-reason where the name
is genuinely ambiguous and no evidence is given) and ≤ 0.5 % to a wrong code.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

import pytest

from ogi.agency import resolve_agency
from ogi.agency.data import Division, gazetteer

SEED = 20260101
MAINLAND = 31
PROVINCE_DEPTS = ["统计局", "财政厅", "教育厅", "发展和改革委员会", "人民政府办公厅", "人民政府", "市场监督管理局"]
CITY_DEPTS = ["财政局", "教育局", "统计局", "发展和改革委员会", "人民政府办公室", "人民政府", "市场监督管理局",
              "生态环境局", "住房和城乡建设局", "卫生健康委员会", "自然资源和规划局", "民政局"]
TOWNSHIP_KINDS = {"镇": "人民政府", "乡": "人民政府", "街道": "办事处", "苏木": "人民政府"}


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    code: str | None  # None: must stay NULL with an ambiguity issue
    level: str | None


def _gov_suffix(d: Division) -> str:
    for suf, kind in TOWNSHIP_KINDS.items():
        if d.name.endswith(suf):
            return kind
    return "人民政府"


def build_cases() -> list[Case]:
    g = gazetteer()
    rng = random.Random(SEED)
    divs = sorted(g.by_key.values(), key=lambda d: d.key)
    provinces = [d for d in divs if d.level == "province" and d.key[:2] not in ("71", "81", "82")]
    assert len(provinces) == MAINLAND
    children: dict[str, list[Division]] = {}
    for d in divs:
        for a in d.ancestors:
            children.setdefault(a, []).append(d)
    unique = {n for n, ds in g.by_name.items() if len(ds) == 1}
    cases: list[Case] = []
    for p in provinces:
        under = children[p.key]
        cases.append(Case(p.name + rng.choice(PROVINCE_DEPTS), "", p.division_code, "province"))
        prefs = [d for d in under if d.level == "prefecture"]
        for pref in rng.sample(prefs, min(2, len(prefs))):
            cases.append(Case(pref.name + rng.choice(CITY_DEPTS), "", pref.division_code, "prefecture"))
        counties = [d for d in under if d.level == "county"]
        for c in rng.sample(counties, 3):
            # Full path as printed by most agencies: 宁波市镇海区统计局 (municipalities: 北京市朝阳区).
            cases.append(Case((c.prefecture or c.province) + c.name + rng.choice(CITY_DEPTS), "",
                              c.division_code, "county"))
        for c in rng.sample([c for c in counties if c.name in unique], 2):
            cases.append(Case(c.name + rng.choice(CITY_DEPTS), "", c.division_code, "county"))
        towns = [d for d in under if d.level == "township"]
        for t in rng.sample(towns, 2):
            cases.append(Case(f"{t.county}{t.name}{_gov_suffix(t)}", "", t.division_code, "township"))
    # Deliberately ambiguous: county names shared by several counties, printed without their prefecture.
    shared = sorted(n for n, ds in g.by_name.items() if sum(d.level == "county" for d in ds) > 1)
    for n in rng.sample(shared, min(24, len(shared))):
        dept = rng.choice(CITY_DEPTS)
        cases.append(Case(n + dept, "2020年，我局认真贯彻落实《条例》。", None, None))
        d = rng.choice([d for d in g.by_name[n] if d.level == "county"])
        place = (d.prefecture or d.province) + d.name
        cases.append(Case(n + dept, f"{n}{dept}\n2020年政府信息公开工作年度报告\n联系地址：{place}人民路1号",
                          d.division_code, "county"))
    return cases


CASES = build_cases()


def outcome(case: Case) -> str:
    r = resolve_agency(case.name, case.text)
    if case.code is None:
        ok = r.division_code is None and any(c == "agency_division_ambiguous" for c, _ in r.issues)
        return "right" if ok else ("wrong" if r.division_code else "null")
    if r.division_code is None:
        return "null"
    return "right" if (r.division_code, r.admin_level) == (case.code, case.level) else "wrong"


def test_generated_set_is_broad() -> None:
    assert len(CASES) >= 200
    levels = Counter(c.level for c in CASES)
    assert all(levels[lvl] >= 30 for lvl in ("province", "prefecture", "county", "township"))
    assert sum(c.code is None for c in CASES) >= 20


def test_generated_accuracy() -> None:
    results = Counter()
    failures = []
    for case in CASES:
        o = outcome(case)
        results[o] += 1
        if o != "right":
            failures.append((o, case.name, case.code, resolve_agency(case.name, case.text)))
    n = len(CASES)
    print(f"generated set: {n} names, right {results['right']}, wrong {results['wrong']}, null {results['null']}")
    assert results["right"] / n >= 0.98, failures
    assert results["wrong"] / n <= 0.005, failures


@pytest.mark.parametrize("case", [c for c in CASES if c.level == "township"][:5], ids=lambda c: c.name)
def test_township_government_kind(case: Case) -> None:
    r = resolve_agency(case.name, "")
    assert (r.agency_kind, r.department, r.township is not None) == ("government", None, True)
