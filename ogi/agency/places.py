"""Find chains of division names (宁波市 → 镇海区) in an agency name or around a spot in a report text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ogi.agency.data import Division, Gazetteer

# Words allowed between two place names of one chain: 镇海区人民政府招宝山街道办事处.
_LINKS: Final = ("人民政府", "政府")


@dataclass(frozen=True, slots=True)
class Chain:
    start: int
    end: int  # exclusive
    candidates: tuple[Division, ...]  # divisions the lowest name can be, consistent with the names above it
    names: tuple[str, ...]


def _below(cands: tuple[Division, ...], upper: tuple[Division, ...] | None) -> tuple[Division, ...]:
    if upper is None:
        return cands
    keys = {u.key for u in upper}
    return tuple(c for c in cands if not keys.isdisjoint(c.ancestors))


def forward(g: Gazetteer, s: str, start: int = 0) -> Chain | None:
    """Longest chain of descending division names beginning exactly at ``start``."""
    pos = start
    upper: tuple[Division, ...] | None = None
    names: list[str] = []
    n = len(s)
    while pos < n:
        found = None
        for ln in range(min(g.max_len, n - pos), 1, -1):
            cands = g.by_name.get(s[pos : pos + ln])
            if cands and (sel := _below(cands, upper)):
                found = (ln, sel)
                break
        if found is None:
            if names:  # allow 人民政府 between two places, but only if a place follows it
                for link in _LINKS:
                    if s.startswith(link, pos):
                        nxt = forward(g, s, pos + len(link))
                        if nxt is not None and (sel := _below(nxt.candidates, upper)):
                            return Chain(start, nxt.end, sel, (*names, *nxt.names))
            break
        ln, upper = found
        names.append(s[pos : pos + ln])
        pos += ln
    if not names or upper is None:
        return None
    return Chain(start, pos, upper, tuple(names))


def backward(g: Gazetteer, s: str, end: int, limit: int = 40) -> Chain | None:
    """Longest chain of division names ending exactly at ``end`` (the place printed before an agency word)."""
    lo = max(0, end - limit)
    pos = end
    names: list[str] = []
    lower: tuple[Division, ...] | None = None
    while pos > lo:
        found = None
        for ln in range(min(g.max_len, pos - lo), 1, -1):
            cands = g.by_name.get(s[pos - ln : pos])
            if not cands:
                continue
            if lower is None:
                found = (ln, cands)
                break
            keys = {c.key for c in cands}
            sel = tuple(d for d in lower if not keys.isdisjoint(d.ancestors))
            if sel:
                found = (ln, sel)
                break
        if found is None:
            break
        ln, lower = found
        names.insert(0, s[pos - ln : pos])
        pos -= ln
    if not names or lower is None:
        return None
    return Chain(pos, end, lower, tuple(names))


def scan(g: Gazetteer, s: str) -> list[Chain]:
    """All maximal chains in a short string (an address or footer line)."""
    out: list[Chain] = []
    i, n = 0, len(s)
    while i < n - 1:
        ch = forward(g, s, i)
        if ch is None:
            i += 1
            continue
        out.append(ch)
        i = ch.end
    return out
