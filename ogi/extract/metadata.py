"""Agency name, report year and signature date (FORMAT.md §9.5).

Year, in order: the title; the data-period sentence; the dominant ``YYYY年`` of the narrative before the
tables, unless the signature date rules it out; the signature date minus one when it falls in January–March. Agency, in order: the title text
before the year; a first line that ends like an organ name; the signature line before the date; the
preface phrase 现将…. The website footer (主办单位, 版权所有 …) is never read: it names the site host.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import islice, takewhile
from typing import Final

from ogi.text.normalize import compact, compact_line, label_form, name_form

_YEAR: Final = re.compile(r"((?:19|20)\d{2})年度?")
# A year in running text, but not a comparison's base (较2020年增长, 比2020年, 与2020年相比, 2020年同期, 2020年以来).
# Nor a year the narrative plans for (2021年将…, 2021年要…, 谋划2024年…): next year's, not the report's.
_NARRATIVE_YEAR: Final = re.compile(
    r"(?<![较比与])(?<!谋划|计划|部署|展望)((?:19|20)\d{2})年度?"
    r"(?!同期|相比|以来|[,，]?(?:我|本)?[局委办厅处院会部站所队中心单位机关区县市镇乡街道]{0,2}(?:将|要|拟|计划))")
# 二〇二〇年 in a title; Word files often type the zero as an ASCII 0 (二0二一年).
# The zero is also typed as the letter O (二O二四年; NFKC makes the full-width Ｏ an O).
_HAN_YEAR: Final = re.compile(r"((?:二[〇○零0Oo]|一九)[〇○零0Oo一二三四五六七八九]{2})年度?")
_TITLE_TOPIC: Final = ("政府信息公开", "政务信息公开", "政务公开", "信息公开")
_CHROME: Final = (
    "当前位置", "首页>", "关怀版", "无障碍", "发布日期", "发布时间", "来源:", "字体", "打印", "分享", "访问量",
    "浏览次数", "索引号", "发布机构", "发文日期", "主题分类", "信息来源", "文号", "有效性", "点击数", "【",
    "生成日期", "成文日期",
)
# A mobile page's header: 返回 (back) glued to the site's name.
_BACK_LINK: Final = re.compile(r"^(?:<|‹|〈)?返回")
# A metadata grid's label cell (发布日期 | 2022-01-25): the date beside it is the page's, not the signature's.
_DATE_LABEL: Final = re.compile(r"(?:发布|生成|成文|发文|印发|公开|更新)?(?:日期|时间)[:：]?$")
# A breadcrumb: 首页 > …, 网站首页 / …, 您所在的位置：首页 » … (the page's place on the site, never the author).
_BREADCRUMB: Final = re.compile(r"(?:首页|主页)[>»›/→]|所在的?位置|您的位置|当前页面")
# The label of a metadata field holding the title: 名称：某局2021年…报告 (信息公开目录 pages), 附件1：….
_TITLE_LABEL: Final = re.compile(r"^(?:名称|标题|题名|文件名称|信息名称|文章标题|附件\d*)[:]")
# A date (and time) standing alone: a sidebar list prints one under each title.
_DATE_ONLY: Final = re.compile(r"^\[?(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)(?:\d{1,2}:\d{2}(?::\d{2})?)?\]?$")
_YEAR_AT_END: Final = re.compile(r"(?:(?:19|20)\d{2}|(?:二[〇○零0Oo]|一九)[〇○零0Oo一二三四五六七八九]{2})年度?$")
_FOOTER: Final = ("主办单位", "承办单位", "版权所有", "ICP", "技术支持", "网站标识码", "公安备案", "网站地图", "联系我们", "Copyright")
_ORGAN_SUFFIX: Final = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|委员会|管委会|办事处|街道|局|委|办|厅|中心|院|署|所|站|队|会|镇|乡|处|馆|部|区|县|市|州|盟|旗"
    r"|苏木|海关|室|社)$"
)
_QUOTED_TITLE: Final = re.compile(r"《([^《》]*(?:报告|年报))》")
_TITLE_YEAR_AFTER: Final = re.compile(r"\((?:19|20)\d{2}年度?\)$")
# A line that is only a place (宁波市北仑区), and the start of a name that carries its own place.
_PLACE_ONLY: Final = re.compile(r"^.{2,18}[省市县区州旗盟]$")
_PLACE_START: Final = re.compile(r"^.{1,8}?[省市县区州旗盟](?!委|政府|人民)")
_SEAL: Final = re.compile(r"\((?:盖章|公章|章)\)$")  # 宁海县财政局(盖章) above the date
_NAME_THEN_DATE: Final = re.compile(r"^(.{2,40}?)((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)$")  # name and date on one line
# The data period, its end year often left out: 自2021年1月1日起至(2021年)12月31日止.
_PERIOD: Final = re.compile(r"((?:19|20)\d{2})年1月1日(?:起)?(?:至|到|-|—|~)(?:((?:19|20)\d{2})年)?1?2月")
_DATE_LINE: Final = re.compile(r"^((?:19|20)\d{2})(?:年(\d{1,2}|元)月(\d{1,2})[日号]|[-/.](\d{1,2})[-/.](\d{1,2}))$")  # or 2022-01-20
_HAN_DATE_LINE: Final = re.compile(r"^([〇○零0Oo一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3}|元)月([一二三四五六七八九十]{1,3})[日号]$")
# The preface names the author: 现将某局2021年…, 特向社会公布某局2021年…, 本报告由某局根据…编制.
_PREFACE: Final = (re.compile(r"(?:现将|向社会公布)(.{2,30}?)(?:19|20)\d{2}年"),
                   re.compile(r"本报告由(.{2,30}?)(?:根据|依据|按照|依照|编制|制作)"))
_PRONOUN: Final = ("我", "本", "该")  # 现将我局2021年…: the author is not named
_LINE_MARK: Final = "\x00"  # stands for a line break while lines are compacted (never whitespace)
_FIRM_NARRATIVE_MENTIONS: Final = 3  # a narrative year named this often is kept against the signature date (flagged)
_TAIL_LINES: Final = 80  # where the signature may stand: above the site's footer
_HEAD_LINES: Final = 80  # where a title may stand: below a site's menu and metadata block, above the tables
_HAN_DIGITS: Final = {"〇": 0, "○": 0, "零": 0, "0": 0, "O": 0, "o": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
                      "元": 1}  # 元月: January


@dataclass(frozen=True)
class ReportMetadata:
    agency_name: str | None
    agency_source: str | None  # 'title' | 'first_line' | 'signature' | 'preface'
    report_year: int | None
    year_source: str | None  # 'title' | 'data_period' | 'narrative' | 'signature'
    published_on: str | None  # ISO date of the signature
    period_year: int | None = None  # the year the data-period sentence states, whether used or not
    overruled_narrative_year: int | None = None  # the narrative's year, when the signature date rules it out
    narrative_mentions: int = 0  # how many times the narrative names the year it gave
    contested_by_signature: str | None = None  # the signature date that contradicts the narrative year kept
    signed_by: str | None = None  # the organ named in the signature, whether used or not


def _han_number(text: str) -> int:
    if "十" not in text:
        return int("".join(str(_HAN_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_HAN_DIGITS[tens] if tens else 1) * 10 + (_HAN_DIGITS[ones] if ones else 0)


def _year_value(digits: str) -> int:
    """2020 from '2020' or '二〇二〇'."""
    return int(digits) if digits.isascii() else int("".join(str(_HAN_DIGITS[c]) for c in digits))


_CHROME_WORDS: Final = (*_CHROME, *_FOOTER)


def _is_chrome(line: str) -> bool:
    """Page chrome or the site's footer. The words are looked for one by one: one pattern of all of them, tried
    at every position of the line, cost ~10 times as much."""
    for word in _CHROME_WORDS:
        if word in line:
            return True
    return _BREADCRUMB.search(line) is not None or _BACK_LINK.match(line) is not None


def _is_organ_line(line: str) -> bool:
    return len(line) <= 40 and _ORGAN_SUFFIX.search(line) is not None and not line.endswith("。")


def _title(lines: list[str], names: list[str]) -> tuple[str | None, int | None]:
    """(agency, year) from a one- or two-line title among the first lines. Titles printed one after another
    with different texts are a list of links to other reports (a site's sidebar, copied with the page): they
    are passed over for a title printed on its own, and otherwise the last of them is taken."""
    candidates = _title_candidates(lines, names)
    agency: str | None
    year: int | None
    runs: list[list[tuple[int, str, str | None, int | None]]] = []
    for candidate in candidates:
        if runs and runs[-1][-1][0] == candidate[0] - 1:
            runs[-1].append(candidate)
        else:
            runs.append([candidate])
    # A title that states its year wins over one that does not: a site's section name (政府信息公开年报) under
    # its banner reads like a two-line title too.
    yearless: tuple[str | None, int | None] | None = None
    for run in runs:
        if len({title for _, title, _, _ in run}) == 1:
            _, _, agency, year = run[0]
            if year is not None:
                return agency, year
            yearless = yearless or (agency, year)
    if yearless is not None:
        return yearless
    # Only lists: a sidebar comes before the article, so the report's own title is the one printed last.
    return runs[-1][-1][2:] if runs else (None, None)


def _title_candidates(lines: list[str], names: list[str]) -> list[tuple[int, str, str | None, int | None]]:
    """(position among the non-empty lines, title text, agency, year) of every title-like line. A list, not a
    generator: compiled, a generator keeps its locals in a heap object, and this loop reads them for 80 lines
    a report."""
    found: list[tuple[int, str, str | None, int | None]] = []
    head = list(zip(lines[:_HEAD_LINES], names[:_HEAD_LINES]))  # names may be shorter: zip stops there
    seen: list[int] = []  # indices of the non-empty lines before this one (dates under sidebar titles left out)
    for index, (line, name_line) in enumerate(head):
        if not line or "|" in line or "\t" in line or (line[0] in "12[" and _DATE_ONLY.match(line)):
            continue
        seen.append(index)
        if "《" in line and (quoted := _QUOTED_TITLE.search(line)):  # 关于印发《某局2020年…年度报告》的通知
            line, name_line = line[quoted.start(1) : quoted.end(1)], name_line[quoted.start(1) : quoted.end(1)]
        ending = _TITLE_YEAR_AFTER.sub("", line) if line.endswith(")") else line  # …年度报告(2020年度)
        if not (ending.endswith("报告") or ending.endswith("年报")):
            continue  # the cheap test first: most lines are no title
        if label := _TITLE_LABEL.match(line):  # 名称:某局2021年…报告
            line, name_line = line[label.end() :], name_line[label.end() :]
        if _is_chrome(line):
            continue
        # The lines just above (only a title's neighbours are ever looked at). Page chrome between a line and
        # the title makes that line the site's banner (某区人民政府 / 首页 > … / 2021年…报告), not the author.
        neighbours = list(islice(takewhile(lambda i: not _is_chrome(lines[i]), reversed(seen[:-1])), 2))
        above = names[neighbours[0]] if neighbours else None
        two_above = names[neighbours[1]] if len(neighbours) > 1 else None
        if (above and not any(t in line for t in _TITLE_TOPIC) and len(line) <= 12
                and any(t in above + line for t in _TITLE_TOPIC)) or (
                above and _YEAR_AT_END.search(above) and line.startswith(_TITLE_TOPIC)):
            # A title broken over two lines: 某区人民政府2021年政府信息公开 / 工作年度报告, 某局2021年 / 政府信息公开….
            line, name_line, above, two_above = above + line, above + name_line, two_above, None
        if len(line) <= 80 and any(t in line for t in _TITLE_TOPIC):
            year_match = _YEAR.search(line) or _HAN_YEAR.search(line)
            year = _year_value(year_match.group(1)) if year_match else None
            cut = min([i for i in (line.find(t) for t in _TITLE_TOPIC) if i >= 0] + ([year_match.start()] if year_match else []))
            if name_line[:cut].endswith("人民") and line.startswith("政府", cut):
                cut += 2  # 某区人民政府信息公开工作年度报告: the topic word begins inside the organ's name
            agency = name_line[:cut].removesuffix("关于").removeprefix("关于")  # 关于某局2020年…报告
            if not agency and year_match and year_match.start() == 0:
                rest = line[year_match.end():]
                topic_at = min([i for i in (rest.find(t) for t in _TITLE_TOPIC) if i >= 0], default=0)
                agency = name_line[year_match.end():][:topic_at]
            if not agency and above and _is_organ_line(above):
                agency = above  # M1: the agency on the line above
                if two_above and _PLACE_ONLY.match(two_above) and not _PLACE_START.match(above):
                    agency = two_above + above  # 宁波市北仑区 / 人民政府办公室 / 2021年…报告
            if not agency:  # a byline under the title
                below = next((n for text, n in head[index + 1 :] if text), None)
                if below and _is_organ_line(below) and not _is_chrome(below):
                    agency = below
            found.append((len(seen) - 1, line, agency or None, year))
    return found


def _first_line_agency(names: list[str]) -> str | None:
    """An organ's name standing alone on the first line. Not when page chrome follows it closely: then it is
    the website's banner (平遥县人民政府 / 关怀版 无障碍 …), whose owner need not be the report's author."""
    lines = [(index, line) for index, line in enumerate(names[:60]) if line]
    for position, (_, line) in enumerate(lines):
        if _is_chrome(line) or "|" in line:
            continue
        if not _is_organ_line(line):
            return None
        if any(_is_chrome(after) for _, after in lines[position + 1 : position + 4]):
            return None
        return line
    return None


def _signature(names: list[str]) -> tuple[str | None, str | None]:
    """(agency, ISO date) from the closing signature: a name line followed by a date line (``names``: the
    report's last lines)."""
    # Read from the end: the footer (links, print and share buttons, ICP numbers) may run for dozens of lines
    # below it. Page chrome is never the signature, and is looked for only where a date is.
    # A date under an organ name is the signature. A date alone (a related-links list, a line of section 六)
    # is kept only when no signed date stands above it.
    lines = [line for line in names if line]
    unsigned: str | None = None
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        date = _parse_date_line(line)
        joined = _NAME_THEN_DATE.match(line) if date is None and line.endswith("日") else None  # cheap test first
        if (date is None and joined is None) or _is_chrome(line):
            continue
        if index and _DATE_LABEL.search(lines[index - 1]):
            continue  # a metadata grid's field (发布日期 | 2022-01-25), not a signed date
        if joined is not None:
            if _is_organ_line(name := _SEAL.sub("", joined.group(1))):
                return name, _parse_date_line(joined.group(2))
            continue
        above = _SEAL.sub("", next((line for line in reversed(lines[:index]) if not _is_chrome(line)), ""))
        if _is_organ_line(above):
            return above, date
        unsigned = unsigned or date
    return None, unsigned


def _preface_agency(opening: str) -> str | None:
    for pattern in _PREFACE:
        for match in pattern.finditer(opening):
            name = match.group(1)
            if not name.startswith(_PRONOUN):
                return name
    return None


# What a date line can begin with: 19/20 of 2021年…, or the first digit of 二〇二一年… (both patterns are anchored).
_DATE_FIRST_CHARACTERS: Final = "12〇○零0Oo一二三四五六七八九"


def _parse_date_line(line: str) -> str | None:
    if not line or line[0] not in _DATE_FIRST_CHARACTERS:  # the cheap test first: most lines are no date
        return None
    match = _DATE_LINE.match(line)
    if match:
        year, month, day = (1 if g == "元" else int(g) for g in match.groups() if g is not None)  # 元月: January
    else:
        han = _HAN_DATE_LINE.match(line)
        if not han:
            return None
        year = int("".join(str(_HAN_DIGITS[c]) for c in han.group(1)))
        month, day = _han_number(han.group(2)), _han_number(han.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _narrative_year(lines: list[str]) -> tuple[int | None, int]:
    """The year the narrative before the tables names most, and how many times (None, 0 on a tie or none)."""
    counts: Counter[int] = Counter()
    for line in lines:
        if "第二十条" in line:
            break
        counts.update(int(y) for y in _NARRATIVE_YEAR.findall(line))
    if not counts:
        return None, 0
    ranked = counts.most_common(2)
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None, 0
    return ranked[0]


def extract_metadata(normalized_text: str, normalized_lines: list[str] | None = None) -> ReportMetadata:
    """``normalized_text``: the report after ``ogi.text.normalize.normalize_text``; ``normalized_lines``: its
    lines, when the caller has them split already."""
    # Only the head (title, preface, narrative) and the tail (signature) are ever read. Words are found in
    # the label form (Taiwan-vocabulary aliases) and names are cut from the name form (fewer aliases).
    # The aliases keep lengths and never span lines, so each line is compacted on its own.
    if normalized_lines is not None:
        kept_lines = head_and_tail_lines(normalized_lines, 200, _TAIL_LINES)
        compacted = [compact_line(line) for line in kept_lines]
        plain = "\n".join(compacted)
    else:
        kept = head_and_tail(normalized_text, 200, _TAIL_LINES)
        # With the line breaks swapped for a character that is no whitespace, one split and join compact all
        # lines at once.
        if _LINE_MARK in kept:
            plain = "\n".join([compact(line) for line in kept.split("\n")])
        else:
            plain = compact(kept.replace("\n", _LINE_MARK)).replace(_LINE_MARK, "\n")
        compacted = None
    # The label aliases include the name aliases and no alias makes another, so the label form of the name
    # form is that of the text; it is most often the same string, split once (or not at all).
    named = name_form(plain)
    labelled = label_form(named)
    names = compacted if compacted is not None and named is plain else named.split("\n")
    lines = names if labelled is named else labelled.split("\n")
    agency, year = _title(lines, names)
    agency_source = "title" if agency else None
    year_source = "title" if year else None
    head = "".join(lines[:200])
    period = _PERIOD.search(head) if "年1月1日" in head else None  # the cheap test first: _PERIOD needs it
    period_year = int(period.group(1)) if period and period.group(2) in (None, period.group(1)) else None
    if year is None and period_year:
        year, year_source = period_year, "data_period"
    mentions = 0
    if year is None:
        year, mentions = _narrative_year(lines)
        year_source = "narrative" if year else None
    # The signature is looked for at the end, never in the first half (a short report's title area).
    signed_by, published_on = _signature(names[max(len(names) // 2, len(names) - _TAIL_LINES) :])
    overruled = contested = None
    if (year is not None and year_source == "narrative" and signed_by and published_on
            and _signature_rules_out(year, published_on)):
        # A year named once or twice may be next year's plan or an earlier report cited; one named throughout
        # is the report's, and the date more likely carries last year's number (a January slip).
        if mentions < _FIRM_NARRATIVE_MENTIONS:
            overruled, year, year_source = year, None, None
        else:
            contested = published_on
    if year is None and published_on and int(published_on[5:7]) <= 3:
        year, year_source = int(published_on[:4]) - 1, "signature"
    if agency is None:
        first = _first_line_agency(names)
        if first:
            agency, agency_source = first, "first_line"
    if agency is None and signed_by:
        agency, agency_source = signed_by, "signature"
    elif agency and signed_by and len(signed_by) > len(agency) and signed_by.endswith(agency):
        agency = signed_by  # 朝阳区教育委员会 in the title, 北京市朝阳区教育委员会 under the report: the full name
    if agency is None:
        agency = _preface_agency("".join(names[:60]))
        agency_source = "preface" if agency else None
    return ReportMetadata(agency, agency_source, year, year_source, published_on, period_year, overruled,
                          mentions, contested, signed_by)


def head_and_tail_lines(lines: list[str], head: int, tail: int) -> list[str]:
    """What ``head_and_tail`` keeps, from the lines: the first ``head`` and the last ``tail`` of the others."""
    if len(lines) <= head + tail:
        return lines
    return lines[:head] + lines[len(lines) - tail :]


def head_and_tail(text: str, head: int, tail: int) -> str:
    """The first ``head`` lines and the last ``tail`` (at least one) of the others:
    ``"\\n".join(lines[:head] + lines[head:][-tail:])`` of the text's lines, found without splitting the text."""
    if text.count("\n") < head + tail:
        return text
    head_end = -1
    for _ in range(head):
        head_end = text.find("\n", head_end + 1)
    tail_start = len(text)
    for _ in range(tail):
        tail_start = text.rfind("\n", 0, tail_start)
    return text[: head_end + 1] + text[tail_start + 1 :]


def _signature_rules_out(narrative_year: int, published_on: str) -> bool:
    """The narrative's most named year is only a hint (it may be next year's plan or an earlier report cited):
    a report cannot cover a year after the one it was signed in, and one signed in January–March covers the
    year before."""
    signed_year, signed_month = int(published_on[:4]), int(published_on[5:7])
    return narrative_year > signed_year if signed_month > 3 else narrative_year != signed_year - 1

