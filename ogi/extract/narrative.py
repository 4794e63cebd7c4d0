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
from typing import Final, NamedTuple

# A sentence, and its clauses (a count and its verb stand in one clause).
_SENTENCE: Final = re.compile(r"[^。；;！!？?]+")
_CLAUSE: Final = re.compile(r"[^，,]+")
_UNIT: Final = r"(?:件|条|宗|份|起|个(?!工作日|自然日|月|日|小时))"  # 20个工作日 is a deadline, not a count
# Only a clause about disclosure applications counts (行政复议申请, 行政许可申请, 咨询 … are other things), and
# not one about deadlines, totals over several years, or a part of a total.
_DISCLOSURE: Final = ("信息公开", "依申请公开", "公开申请", "政府信息")
_OTHER_MATTERS: Final = ("复议", "诉讼", "许可", "登记", "政务服务", "热线", "咨询", "来信", "来访", "来电", "撤回", "延期",
                         "补正", "工作日", "之日起", "时限", "期限", "累计", "其中", "、", "办结", "答复",
                         "全区", "全县", "全市", "全省", "各级")  # (the last: a count over several agencies)
# 收到/受理/接到…申请…N件: the year's new applications ("共收到涉及数据公开申请案件1件", "受理依申请公开12件").
_RECEIVED: Final = re.compile(
    r"(?:收到|受理|接到|接收|新收)[^\d]{0,24}?申请[^\d]{0,8}?(?:共|总计|合计)?(\d{1,7})" + _UNIT)
# 未收到…申请: none.
_NONE_RECEIVED: Final = re.compile(r"(?:未|没有|无)(?:收到|受理|接到|接收|新收)[^\d]{0,16}?申请")
# 上年结转 N 件 (001 prints 上年转结).
_CARRIED_OVER: Final = re.compile(r"(?:上年度?|上一年度?)(?:结转|转结)[^\d]{0,10}?(\d{1,7})" + _UNIT
                                  + r"|结转上一?年度?[^\d]{0,10}?(\d{1,7})" + _UNIT)
_LAST_YEAR: Final = ("上年", "上一年", "去年", "同比", "较", "比")  # a clause about last year, or a comparison
_YEAR: Final = re.compile(r"((?:19|20)\d{2})年")
# Where section 一 ends (section 二's heading or first table) and where section 六 begins, in the whole text.
_FEES: Final = ("收费", "费用", "缴费", "缴纳", "处理费")


class NarrativeCount(NamedTuple):
    quantity: str  # 'new_received' | 'carried_over' | 'section_six_mentions_fees'
    value: int
    line_no: int | None  # 1-based line of the normalised text
    raw_text: str  # the clause (or heading) it was read from


def narrative_counts(normalized: str, report_year: int | None = None) -> list[NarrativeCount]:
    """The counts section 一 states (each at most once, and only when stated one way; never from a sentence
    about another year than ``report_year``), and whether section 六 mentions fees (only when there is one)."""
    two, two_end = section_two_span(normalized, _first_possible(normalized, "二", "主动公开政府信息情况"))
    section_one = normalized[:two] if two >= 0 else normalized
    found: dict[str, list[NarrativeCount]] = {}
    if "申请" in section_one:
        for index, line in enumerate(section_one.split("\n")):
            if "申请" in line:
                for sentence in _SENTENCE.findall(line):
                    for count in _sentence_counts(sentence, index + 1, report_year):
                        found.setdefault(count.quantity, []).append(count)
    counts = [values[0] for values in found.values() if len({c.value for c in values}) == 1]
    six = section_six_start(normalized, two_end) if two >= 0 else -1
    if six >= 0:
        rest = normalized[six:].replace("收费站", "")  # a toll station in an address is no fee
        heading = rest.split("\n", 1)[0].strip()[:60]
        counts.append(NarrativeCount("section_six_mentions_fees", int(any(word in rest for word in _FEES)),
                                     normalized.count("\n", 0, six) + 1, heading))
    return counts


_SECTION_TWO_HEADINGS: Final = ("二、", "二.")
_SECTION_TWO_ARTICLE: Final = "第二十条"
_SECTION_TWO_TITLE: Final = "主动公开政府信息情况"


def section_two_span(text: str, start: int) -> tuple[int, int]:
    """Where section 二 begins and its heading's words end, or (-1, -1): the first of a line beginning (after
    spaces or tabs) with 二、, 二. or 第二部分, 第二十条, or 主动公开政府信息情况 ending its line (before spaces or
    tabs). Each is found from its own words: the pattern, anchored at line starts, is tried at every position
    of the narrative (no two of them can begin at one position, so the first found is the match)."""
    best, best_end = -1, -1
    at = text.find(_SECTION_TWO_ARTICLE, start)
    if at >= 0:
        best, best_end = at, at + len(_SECTION_TWO_ARTICLE)
    at = text.find(_SECTION_TWO_TITLE, start)
    while at >= 0 and (best < 0 or at < best):
        end = at + len(_SECTION_TWO_TITLE)
        while end < len(text) and text[end] in " \t":
            end += 1
        if end == len(text) or text[end] == "\n":
            best, best_end = at, end
            break
        at = text.find(_SECTION_TWO_TITLE, at + 1)
    for word, width in (("二", 2), ("第二部分", 4)):
        at = text.find(word, start)
        while at >= 0 and (best < 0 or at < best):
            line = text.rfind("\n", 0, at) + 1
            if (line >= start and (word != "二" or text.startswith(_SECTION_TWO_HEADINGS, at))
                    and not text[line:at].strip(" \t")):
                best, best_end = line, at + width
                break
            at = text.find(word, at + 1)
    return best, best_end


def section_six_start(text: str, start: int) -> int:
    """Where the first line at or after ``start`` that begins with 六、 or 六. (after spaces or tabs) begins; -1
    when there is none. Found from each 六 in turn: the tables between hold few, where a pattern anchored at
    line starts is tried at every position of them."""
    at = text.find("六", start)
    while at >= 0:
        line = text.rfind("\n", 0, at) + 1
        if line >= start and text.startswith(("、", "."), at + 1) and not text[line:at].strip(" \t"):
            return line
        at = text.find("六", at + 1)
    return -1


def _first_possible(text: str, *words: str, start: int = 0) -> int:
    """Where a search for a heading may start instead of ``start``: the beginning of the line of the first of
    ``words`` (each match holds one of them), or the end of the text when none is there. The heading patterns
    are anchored at line starts, which the regular expression engine can only find by trying every position."""
    found = [at for at in (text.find(word, start) for word in words) if at >= 0]
    if not found:
        return len(text)
    return max(start, text.rfind("\n", 0, min(found)) + 1)


def _sentence_counts(sentence: str, line_no: int, report_year: int | None) -> list[NarrativeCount]:
    years = {int(year) for year in _YEAR.findall(sentence)}
    if report_year is not None and years - {report_year}:
        return []  # 2020年收到…3件，2021年收到5件: which year a count belongs to is not plain
    # 收到申请4件(其中上年结转1件), 收到申请2件，其中上年结转1件: the total counts last year's too.
    includes_carried = "结转" in sentence and ("其中" in sentence or "含" in sentence)
    out: list[NarrativeCount] = []
    for part in _CLAUSE.findall(sentence):
        clause = part.strip()
        carried = _CARRIED_OVER.search(clause)
        if carried and not any(word in clause for word in ("复议", "诉讼", "下年", "下一年")):
            out.append(NarrativeCount("carried_over", int(carried.group(1) or carried.group(2)), line_no, clause))
        if carried or includes_carried or not any(word in clause for word in _DISCLOSURE) or any(
                word in clause for word in _OTHER_MATTERS):
            continue
        received = _RECEIVED.search(clause)
        if _NONE_RECEIVED.search(clause) and not any(ch.isdigit() for ch in clause):
            out.append(NarrativeCount("new_received", 0, line_no, clause))
        elif received and not any(word in clause[: received.start()] for word in _LAST_YEAR):
            out.append(NarrativeCount("new_received", int(received.group(1)), line_no, clause))
    return out
