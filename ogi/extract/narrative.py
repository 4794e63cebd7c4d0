"""What the running text says about the applications, for the soft rules S4 and S5 (FORMAT.md §8.2).

Section 一 (总体情况) often quotes the year's applications: "本年度接到…的申请4条，上年转结1条" (001), "本年度未收到
依申请公开" (003). Those counts are read here, with the line they stand on, so that a check can compare them
with the table. Only what is said plainly is read: a count that the text gives twice with two values is left
out (last year's figure beside this year's), and a part ("其中自然人3件") is never a total. Section 六's text
is kept as one fact: whether it says anything about fees (S4: a fee notice counted in section 三 should appear
there).
"""

from __future__ import annotations

import re
from typing import NamedTuple

# A clause: up to the next full stop, semicolon or comma (a count and its verb stand in one clause).
_CLAUSE = re.compile(r"[^。；;，,！!？?]+")
_UNIT = r"(?:件|条|个|宗|份|起)"
# 收到/受理/接到…申请…N件: the year's new applications ("共收到涉及数据公开申请案件1件", "受理依申请公开12件").
_RECEIVED = re.compile(
    r"(?:收到|受理|接到|接收|新收)[^\d]{0,24}?申请[^\d]{0,8}?(?:共|总计|合计)?(\d{1,7})" + _UNIT)
# 未收到…申请: none.
_NONE_RECEIVED = re.compile(r"(?:未|没有|无)(?:收到|受理|接到|接收|新收)[^\d]{0,16}?申请")
# 上年结转 N 件 (001 prints 上年转结).
_CARRIED_OVER = re.compile(r"(?:上年度?|上一年度?)(?:结转|转结)[^\d]{0,10}?(\d{1,7})" + _UNIT
                           + r"|结转上一?年度?[^\d]{0,10}?(\d{1,7})" + _UNIT)
_LAST_YEAR = ("上年", "上一年", "去年", "同比", "较", "比")  # a clause about last year, or a comparison
# Where section 一 ends (section 二's heading or first table) and where section 六 begins, in the whole text.
_SECTION_TWO = re.compile(r"^[ \t]*(?:二、|二\.|第二部分)|第二十条|主动公开政府信息情况[ \t]*$", re.MULTILINE)
_SECTION_SIX = re.compile(r"^[ \t]*六[、.]", re.MULTILINE)
_FEES = ("收费", "费用", "缴费", "缴纳", "信息处理费")


class NarrativeCount(NamedTuple):
    quantity: str  # 'new_received' | 'carried_over' | 'section_six_mentions_fees'
    value: int
    line_no: int | None  # 1-based line of the normalised text
    raw_text: str  # the clause (or heading) it was read from


def narrative_counts(normalized: str) -> list[NarrativeCount]:
    """The counts section 一 states (each at most once, and only when stated one way), and whether section 六
    mentions fees (only when there is a section 六)."""
    two = _SECTION_TWO.search(normalized)
    section_one = normalized[: two.start()] if two else normalized
    found: dict[str, list[NarrativeCount]] = {}
    if "申请" in section_one:
        for index, line in enumerate(section_one.split("\n")):
            if "申请" in line:
                for clause in _CLAUSE.findall(line):
                    for count in _clause_counts(clause.strip(), index + 1):
                        found.setdefault(count.quantity, []).append(count)
    counts = [values[0] for values in found.values() if len({c.value for c in values}) == 1]
    six = _SECTION_SIX.search(normalized, two.end()) if two else None
    if six is not None:
        rest = normalized[six.start() :]
        heading = rest.split("\n", 1)[0].strip()[:60]
        counts.append(NarrativeCount("section_six_mentions_fees", int(any(word in rest for word in _FEES)),
                                     normalized.count("\n", 0, six.start()) + 1, heading))
    return counts


def _clause_counts(clause: str, line_no: int) -> list[NarrativeCount]:
    out: list[NarrativeCount] = []
    carried = _CARRIED_OVER.search(clause)
    if carried:
        out.append(NarrativeCount("carried_over", int(carried.group(1) or carried.group(2)), line_no, clause))
    if _NONE_RECEIVED.search(clause):
        out.append(NarrativeCount("new_received", 0, line_no, clause))
    elif ((received := _RECEIVED.search(clause)) and not any(word in clause[: received.start()] for word in _LAST_YEAR)
          and not carried):  # 共收到申请4件(其中上年结转1件): the 4 counts last year's too
        out.append(NarrativeCount("new_received", int(received.group(1)), line_no, clause))
    return out
