"""What a text without a section 二 or 三 table is: a pre-2019 annual report, a report whose tables were lost,
or no report at all (FORMAT.md §2, §10).

The evidence is the text's own headings — the numbered lines (一、 （二） 第三部分) — and the year its title or
data-period sentence states. Words in running text are not headings: a work plan asks for a 年度报告 that
covers 收费及减免情况, a news item lists the six sections in one sentence.
"""

from __future__ import annotations

import re
from typing import Final

from ogi.extract.metadata import ReportMetadata
from ogi.text.normalize import compact

_REPORT_WORDS: Final = ("政府信息公开", "政务信息公开", "政务公开", "信息公开")
# The six sections of FORMAT.md §2, each by its canonical heading and the variants reports print.
_SECTIONS: Final[tuple[tuple[str, ...], ...]] = (
    ("总体情况", "概述", "基本情况"),
    ("主动公开政府信息情况", "主动公开情况"),
    ("收到和处理政府信息公开申请", "依申请公开情况", "依申请公开政府信息情况", "依申请公开和不予公开"),
    ("行政复议",),
    ("存在的主要问题", "主要问题及改进", "改进措施", "改进情况"),
    ("其他需要报告",),
)
# Headings only the 2008 条例's reports print, and headings only the 2019/2021 templates print: which kind a
# text's headings lean to tells an old report from a modern one whose tables were lost (FORMAT.md §6, §10).
_PRE_2019_HEADINGS: Final = ("依申请公开政府信息情况", "依申请公开和不予公开", "收费及减免", "申请行政复议、提起行政诉讼")
_MODERN_HEADINGS: Final = ("总体情况", "收到和处理政府信息公开申请", "政府信息公开行政复议", "其他需要报告")
# The header of the 2014 national 政府信息公开情况统计表 (国办发〔2014〕32号).
_STATISTICS_SHEET: Final = re.compile(r"政府信息公开情况统计表|统计指标[|｜]*单位[|｜]*统计数")
_NUMBERED_HEADING: Final = re.compile(r"^(?:第?[一二三四五六七八九十]+(?:[、.]|部分)|\([一二三四五六七八九十]+\))(.*)")
_HEADING_END: Final = re.compile(r"[。，,:：；;]")
_MAX_HEADING_CHARS: Final = 30  # longer is a sentence that happens to start with a number


def _headings(normalized: str) -> list[str]:
    """The text of every numbered heading line, up to its first punctuation mark."""
    found = []
    for line in normalized.split("\n"):
        match = _NUMBERED_HEADING.match(compact(line.strip(" \t|")))
        if match:
            text = _HEADING_END.split(match.group(1), maxsplit=1)[0]
            if text and len(text) <= _MAX_HEADING_CHARS:
                found.append(text)
    return found


def document_kind(normalized: str, metadata: ReportMetadata, litigation_found: bool) -> str:
    """'pre_2019', 'report' (its tables lost) or 'other', for a text in which neither a section 二 nor a section 三
    table was found."""
    flat = compact(normalized[:20000])
    if not (any(word in flat for word in _REPORT_WORDS) and "报告" in flat):
        return "other"
    printed = _headings(normalized)
    stated = metadata.report_year if metadata.year_source in ("title", "data_period") else None
    old = sum(any(sign in text for text in printed) for sign in _PRE_2019_HEADINGS)
    modern = sum(any(sign in text for text in printed) for sign in _MODERN_HEADINGS)
    # The 统计表, a year before the templates stated by the title or data period, or headings that lean to the
    # old report; a section 四 table read needs the old headings to be the only ones.
    if _STATISTICS_SHEET.search(flat) or (stated is not None and stated < 2019) or (
            old > modern and not (litigation_found and modern)):
        return "pre_2019"
    sections = sum(any(variant in text for text in printed for variant in variants) for variants in _SECTIONS)
    return "report" if sections >= 2 else "other"
