"""Use the report text (title, signature, preface, address, footer) to place an agency.

Everything here runs only when the name alone does not decide, and it uses plain substring tests on the
text (C speed) plus dictionary look-ups around a few spots, never a scan against the whole division list.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

from ogi.agency.data import Division, Gazetteer, _short
from ogi.agency.places import backward, scan

# Lines that carry the publisher's place: footer 主办单位/版权所有, contact address, 本报告由…编制.
_PLACE_LINE: Final = re.compile(r"[^\n]*(?:主办|承办|地址|编制|版权所有|联系|发布机构|来源)[^\n]*")
# 我县/全区/本市 … say which level the publishing agency sits at.
_SELF_LEVEL: Final = re.compile(r"[我全本]([省市县区旗镇乡])")
_HINT_LEVELS: Final = {"省": ("province",), "市": ("prefecture", "county"), "县": ("county",), "区": ("county",),
                       "旗": ("county",), "镇": ("township",), "乡": ("township",), "道": ("township",)}
_MAX_OCCURRENCES: Final = 20


def _ancestor_divisions(g: Gazetteer, d: Division) -> list[Division]:
    return sorted((g.by_key[k] for k in d.ancestors), key=lambda a: a.rank, reverse=True)


_EVIDENCE_CACHE: dict[str, tuple[tuple[str, int], ...]] = {}


def _evidence(g: Gazetteer, d: Division) -> tuple[tuple[str, int], ...]:
    """(string, strength) pairs that, found in the text, point at ``d`` rather than a namesake (memoised)."""
    hit = _EVIDENCE_CACHE.get(d.key)
    if hit is None:
        hit = _EVIDENCE_CACHE[d.key] = tuple(_build_evidence(g, d))
    return hit


def _build_evidence(g: Gazetteer, d: Division) -> list[tuple[str, int]]:
    anc = _ancestor_divisions(g, d)
    out: list[tuple[str, int]] = []
    if anc:
        out.append((anc[0].name + d.name, 3))  # 长春市朝阳区
        out.append((anc[0].name, 2))
        for a in anc[1:]:
            out.append((a.name, 1))
        for a in anc:
            if a.level in ("province", "prefecture") and (s := _short(a.name)):
                out.append((s, 1))
    return out


def disambiguate(g: Gazetteer, cands: tuple[Division, ...], text: str) -> Division | None:
    """The one candidate the text points at more strongly than at any namesake, else None."""
    scores: list[tuple[int, Division]] = []
    present: dict[str, bool] = {}  # namesakes share provinces and prefectures: test each string once
    for d in cands:
        best = 0
        for s, strength in _evidence(g, d):
            if strength > best:
                hit = present.get(s)
                if hit is None:
                    hit = present[s] = s in text
                if hit:
                    best = strength
        scores.append((best, d))
    top = max(s for s, _ in scores)
    winners = [d for s, d in scores if s == top]
    return winners[0] if top > 0 and len(winners) == 1 else None


def _lowest_consistent(divs: list[Division]) -> Division | None:
    """The lowest division if every other one encloses it (宁波市, 镇海区 → 镇海区), else None."""
    if not divs:
        return None
    low = max(divs, key=lambda d: d.rank)
    ok = all(d.key == low.key or d.key in low.ancestors for d in divs)
    return low if ok else None


def _level_hint(text: str, remainder: str, before: list[str]) -> tuple[str, ...] | None:
    votes = Counter(c for c in before if c in _HINT_LEVELS)
    if not votes:
        votes = Counter(_SELF_LEVEL.findall(text))
        if sum(votes.values()) < 2:
            return None
    (top, n), *rest = votes.most_common()
    if rest and rest[0][1] * 2 > n:  # no clear majority: do not guess the level
        return None
    return _HINT_LEVELS[top]


def place_from_text(g: Gazetteer, remainder: str, text: str) -> tuple[Division | None, str]:
    """Place a name that carries no division (统计局) from the text; (division, explanation)."""
    found: list[Division] = []
    before: list[str] = []
    if remainder:
        pos, seen = text.find(remainder), 0
        while pos >= 0 and seen < _MAX_OCCURRENCES:
            seen += 1
            ch = backward(g, text, pos)
            if ch is not None:
                d = ch.candidates[0] if len(ch.candidates) == 1 else disambiguate(g, ch.candidates, text)
                if d is not None:
                    found.append(d)
            elif pos > 0:
                before.append(text[pos - 1])
            pos = text.find(remainder, pos + len(remainder))
    if found:
        low = _lowest_consistent(found)
        if low is not None:
            return low, f"the text prints the name with its place ({low.path()}{remainder})"
        names = "、".join(sorted({d.path() for d in found}))
        return None, f"the text prints the name with conflicting places: {names}"
    hint = _level_hint(text, remainder, before)
    places: list[Division] = []
    for line in _PLACE_LINE.findall(text):
        for ch in scan(g, line):
            if len(ch.candidates) == 1:
                places.append(ch.candidates[0])
    if not places:
        return None, "neither the name nor the text's address, footer or signature names a division"
    low = _lowest_consistent(places)
    if low is None:
        names = "、".join(sorted({d.path() for d in places}))
        return None, f"the address/footer lines name several unrelated divisions: {names}"
    if hint is None:
        return None, f"the address/footer names {low.path()} but the text does not say at which level the agency sits"
    # The footer may belong to a higher portal (主办单位 of the city site): accept only a place at the level
    # the text itself claims (区统计局 → a county-level place).
    chain = [low, *_ancestor_divisions(g, low)]
    fit = [d for d in chain if d.level in hint and (hint != ("prefecture", "county") or d.name.endswith("市"))]
    if fit:
        best = max(fit, key=lambda d: d.rank)
        return best, f"placed from the address/footer ({best.path()}) at the level the text claims"
    return None, f"the address/footer names {low.path()}, above the {'/'.join(hint)} level the text claims"
