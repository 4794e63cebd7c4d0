"""Deterministic synthetic 政府信息公开工作年度报告 with known cell values (the truth) and known rule breaks.

A report is built as narrative lines plus three abstract tables (section 二, 三, 四), then printed in one of
the text shapes real reports arrive in (FORMAT.md §9.1):

* ``docx``: Word→text (Tika style): one TAB-led line per cell, continuation lines for cells split over
  lines, a blank line between rows, empty ``\\t`` cells for vertical merges (seeds 000–003);
* ``html_cells``: HTML page text, one cell per line ending in `` |``, colspan padding ``|||``, merged cells
  absent, header cells cut short (``本年新``), page chrome and website footer (seed 004);
* ``html_rows``: HTML page text, one table row per line;
* ``markdown``: a pipe table per table.

On top of the shape, per-report variations (brackets, padding, quotes, bookmarks, typos, annotations,
blank/dash/slash cells, traditional characters, title forms) are drawn from the report's own random
stream, so a report depends only on (seed, index).

Everything costly (labels in every style, narrative pools) is precomputed once; a report is a few
hundred random draws and string joins.
"""

from __future__ import annotations

import gc
import os
import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ogi.extract.vocabulary import APPLICANT_TYPES, APPLICATION_ROWS, PROCEEDINGS, RESULTS
from ogi.synth.places import COUNTIES, DEPARTMENTS, PROVINCE_DEPARTMENTS, TOWNSHIPS
from ogi.synth.rules import APPLICATION_KEYS, OUTCOME_KEYS, Key

SHAPES: tuple[str, ...] = ("docx", "html_cells", "html_rows", "markdown")
TEMPLATES: tuple[str, ...] = ("2019", "2021")
Cell = str | None  # None: a merged-cell continuation (an empty TAB cell in Word text, absent in HTML)
Row = list[Cell]


@dataclass
class SyntheticReport:
    text: str
    file_name: str
    agency_name: str
    report_year: int
    template: str  # '2019' | '2021'
    shape: str
    truth: dict[Key, int | float | None]
    inconsistent: bool = False
    broken_rules: set[tuple[str, str]] = field(default_factory=set)
    variations: tuple[str, ...] = ()  # the variations applied, for reporting accuracy per variation
    published_on: str | None = None  # ISO date of the signature, when printed


@dataclass
class _Table:
    rows: list[Row]
    width: int


# ---------------------------------------------------------------------------------------------- labels

_HALF = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ","})
_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
_LEVEL0_OUTCOMES = "三、本年度办理结果"


@dataclass(frozen=True)
class _Labels:
    """Every label of the three tables in one printing style."""

    note: str
    apps_rows: dict[str, tuple[str, ...]]  # template → per data row: its label cells (group labels before)
    applicant_header: tuple[Row, Row]
    litigation_header: tuple[Row, Row, Row]
    captions: dict[str, str]  # numeral → 第二十条第（X）项
    fee_label: str
    apps_structure: dict[str, tuple[tuple[Cell, ...], ...]]  # section 三 with V for values
    lit_structure: tuple[tuple[Cell, ...], ...]
    lit_bookmarked: tuple[tuple[Cell, ...], ...]  # L4: a bookmark inside a header cell


def _style(text: str, half: bool, straight: bool, spaced: bool) -> str:
    if straight:
        text = text.replace("“", '"').replace("”", '"')
    if spaced and text.startswith("（") and "）" in text[:4]:
        at = text.index("）") + 1
        text = text[:at] + " " + text[at:]
    if half:
        text = text.translate(_HALF)
    return text


@lru_cache(maxsize=64)
def _labels(half: bool, straight: bool, spaced: bool, split: bool) -> _Labels:
    """``split``: Word line breaks inside labels (L8), printed as continuation lines."""

    def s(text: str) -> str:
        return _style(text, half, straight, spaced)

    apps_rows: dict[str, tuple[tuple[Cell, ...], ...]] = {}
    for template, specs in APPLICATION_ROWS.items():
        rows: list[tuple[Cell, ...]] = []
        pending: list[str] = []  # group labels waiting for their first data row
        for spec in specs:
            if spec.key is None:
                label = s(spec.label)
                if split and spec.label in ("（三）不予公开", "（四）无法提供", "（五）不予处理"):
                    label = label.replace("）", "）\n").replace(")", ")\n")
                    label = label[:-2] + "\n" + label[-2:]
                pending.append(label)
                continue
            label = s(spec.label)
            if spec.key in ("new_received", "carried_over", "carried_forward"):
                rows.append((label,))
            elif pending:
                group = pending[0]
                rows.append((group, label) if group == s(_LEVEL0_OUTCOMES) else (None, group, label))
                pending = []
            elif label[0].isdigit():  # level 2: 1.… 2.…
                rows.append((None, None, label))
            else:  # level 1 data rows: （二）部分公开, 2019 （六）其他处理, （七）总计
                rows.append((None, label))
        apps_rows[template] = tuple(rows)
    br = "\n" if split else ""
    applicant_header = (
        [None, "自然人", "法人或其他组织", "总计"],
        [None, None, f"商业{br}企业", f"科研{br}机构", "社会公益组织", "法律服务机构", "其他", None],
    )
    litigation_header = (
        ["行政复议", "行政诉讼"],
        ["结果维持", f"结果{br}纠正", f"其他{br}结果", f"尚未{br}审结", "总计", "未经复议直接起诉", "复议后起诉"],
        [None] * 5 + ["结果维持", f"结果{br}纠正", f"其他{br}结果", f"尚未{br}审结", "总计"] * 2,
    )
    captions = {n: s(f"第二十条第（{n}）项") for n in ("一", "五", "六", "八", "九")}
    note = s(_NOTE)
    apps_structure = {
        template: ((note, "申请人情况"), tuple(applicant_header[0]), tuple(applicant_header[1]),
                   *((*cells, *([V] * 7)) for cells in rows))
        for template, rows in apps_rows.items()
    }
    values_row = (V,) * 15
    lit_structure = (*(tuple(r) for r in litigation_header), values_row)
    bookmarked = list(litigation_header[2])
    bookmarked[10] = "[bookmark: _GoBack]" + (bookmarked[10] or "")
    lit_bookmarked = (*(tuple(r) for r in litigation_header[:2]), tuple(bookmarked), values_row)
    return _Labels(note, apps_rows, applicant_header, litigation_header, captions, s("本年收费金额（单位：万元）"),
                   apps_structure, lit_structure, lit_bookmarked)


# ------------------------------------------------------------------------------------------ narrative

_PERIOD_WORDS = ("统计期限", "统计日期", "统计时限", "期限")
_PREFACES = (
    "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级有关要求编制。全文包括总体情况、主动公开政府信息"
    "情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项"
    "六个部分。{PERIOD}如对本报告有疑问，请与{A}办公室联系（电话：0{TEL}）。",
    "根据《中华人民共和国政府信息公开条例》规定，现公布{A}{Y}年政府信息公开工作年度报告。{PERIOD}本报告电子版可在{SITE}"
    "门户网站下载。",
    "结合我单位客观实际，编制{A}{Y}年政府信息公开工作年度报告。报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请"
    "情况等六个部分组成。{PERIOD}",
    "{PERIOD}",
)
_OVERVIEW = (
    "{Y}年，{A}深入贯彻落实《中华人民共和国政府信息公开条例》，紧紧围绕中心工作，坚持以公开为常态、不公开为例外，"
    "不断提升政务公开工作水平，切实保障人民群众的知情权、参与权、表达权和监督权。",
    "{Y}年，在{SITE}的正确领导下，我单位认真落实{Y}年政务公开工作要点，进一步完善工作机制，政府信息公开工作取得新成效。",
    "为进一步巩固{P}年政务公开工作成果，{Y}年我单位持续推进决策、执行、管理、服务、结果公开，扎实做好政府信息公开工作。",
)
_SUBSECTIONS = (
    ("（一）主动公开情况", "{Y}年，通过门户网站主动公开政府信息{N1}条，其中工作动态{N2}条，通知公告{N3}条，政策文件{N4}条。"),
    ("（二）依申请公开情况", "{APPLY}"),
    ("（三）政府信息管理", "严格落实信息发布“三审三校”制度，对拟公开的政府信息进行保密审查，确保发布信息准确、及时。"),
    ("（四）平台建设情况", "加强政府网站和政务新媒体建设，及时更新栏目内容，全年未发生网络安全事件。"),
    ("（五）监督保障情况", "成立由主要领导任组长的政务公开工作领导小组，明确专人负责，将政务公开工作纳入年度考核。"),
)
_PROBLEMS = (
    "{Y}年，我单位政府信息公开工作取得了一定成效，但仍存在公开内容不够丰富、政策解读形式较为单一等问题。下一步，"
    "我们将进一步加强业务培训，提高工作人员业务水平，拓展公开渠道，不断提升政务公开质量。",
    "存在的主要问题：信息公开的主动性和及时性有待加强。改进措施：一是加强组织领导；二是规范公开流程；三是强化监督考核。",
    "一是部分栏目信息更新不够及时；二是政策解读的针对性有待提高。{Y1}年，我单位将对照政务公开工作要点，逐项抓好落实。",
)
_OTHER = ("无。", "无", "本年度无其他需要报告的事项。", "{Y}年，本单位政府信息公开工作没有其他需要报告的事项。")
_OTHER_2021 = (
    "本年度未收取信息处理费。",
    "依据《政府信息公开信息处理费管理办法》，{Y}年度本机关未收取信息处理费。",
    "{Y}年度，本机关收取信息处理费0元。无其他需要报告的事项。",
)
_HEADINGS = {
    "一": ("一、总体情况",),
    "二": ("二、主动公开政府信息情况",),
    "三": ("三、收到和处理政府信息公开申请情况",),
    "四": ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议、行政诉讼情况",
          "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况"),
    "五": ("五、存在的主要问题及改进情况", "五、存在的主要问题及改进情况", "五、存在的主要问题及改进措施", "五、存在问题及改进情况",
          "五、政府信息公开工作存在的主要问题及改进情况"),
    "六": ("六、其他需要报告的事项",),
}
_CHROME_TOP = (
    "关怀版 无障碍",
    "您当前所在位置：首页 > 政务公开 > 政府信息公开 > 政府信息公开年报",
    "当前位置：首页 > 信息公开 > 政务信息公开年报",
    "【字体：大 中 小】 【打印】 【关闭】",
)
_TITLE_FORMS = (
    "{Y}年政府信息公开工作年度报告",
    "{Y}年度政府信息公开工作年度报告",
    "{Y}年政府信息公开工作年度报告",
    "{Y}年政府信息  公开工作年度报告",
)
_HAN = "〇一二三四五六七八九"


def _han_year(year: int) -> str:
    return "".join(_HAN[int(d)] for d in str(year))


def _han_small(n: int) -> str:
    if n <= 10:
        return "十" if n == 10 else _HAN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _HAN[tens]) + "十" + (_HAN[ones] if ones else "")


# ----------------------------------------------------------------------------------------------- agency


def _agency(rng: random.Random) -> tuple[str, str, str]:
    """(full name, short name used in the narrative, website host office)."""
    province, prefecture, county = rng.choice(COUNTIES)
    roll = rng.random()
    if roll < 0.25:  # township government
        town = rng.choice(TOWNSHIPS)
        suffix = "办事处" if town.endswith("街道") else "人民政府"
        name, short = f"{county}{town}{suffix}", town
    elif roll < 0.35:  # county/district government office
        name, short = f"{prefecture}{county}人民政府办公室", f"{county}政府办"
        if rng.random() < 0.5:
            name = f"{county}人民政府办公室"
    elif roll < 0.47:  # prefecture-level department
        department = rng.choice(DEPARTMENTS)
        city = prefecture or province
        name, short = f"{city}{department}", f"市{department}"
    elif roll < 0.52:  # province-level department
        department = rng.choice(PROVINCE_DEPARTMENTS)
        name, short = f"{province}{department}", "我厅" if department.endswith("厅") else "我局"
    else:  # county-level department, with or without the prefecture / province
        department = rng.choice(DEPARTMENTS)
        prefix = rng.choice((county, county, f"{prefecture}{county}", f"{province}{prefecture}{county}"))
        name, short = f"{prefix}{department}", f"{county[:-1] if len(county) > 2 else county}{department}"
    host = f"{county if roll < 0.47 or roll >= 0.52 else (prefecture or province)}人民政府办公室"
    return name, short, host


# ------------------------------------------------------------------------------------------------ numbers

_OUTCOME_WEIGHTS = {
    "granted": 40, "partially_granted": 8, "denied_state_secret": 0.5, "denied_prohibited_by_law": 0.5,
    "denied_security_stability": 0.5, "denied_third_party_rights": 1.5, "denied_internal_affairs": 1.5,
    "denied_process_information": 2, "denied_enforcement_case_file": 0.7, "denied_administrative_query": 1,
    "unable_not_held": 20, "unable_needs_creation": 3, "unable_unclear_after_correction": 2,
    "not_processed_complaint": 6, "not_processed_repeated": 4, "not_processed_publication": 1,
    "not_processed_excessive": 1, "not_processed_confirmation": 1, "other": 4, "other_no_correction": 3,
    "other_fee_unpaid": 0.5, "other_misc": 2,
}
_WEIGHTS = {t: [_OUTCOME_WEIGHTS[k] for k in keys] for t, keys in OUTCOME_KEYS.items()}


def _applications(rng: random.Random, template: str) -> dict[str, list[int | None]]:
    """Section 三 as row key → 7 values, consistent (C1–C3 hold)."""
    keys = APPLICATION_KEYS[template]
    outcomes = OUTCOME_KEYS[template]
    weights = _WEIGHTS[template]
    matrix: dict[str, list[int | None]] = {k: [0] * 7 for k in keys}
    roll = rng.random()
    activity = 0 if roll < 0.5 else (1 if roll < 0.9 else 2)
    if activity:
        for c in range(6):
            if c == 0:
                new = rng.randint(0, 12) if activity == 1 else rng.randint(5, 400)
            elif activity == 1:
                new = rng.randint(1, 3) if rng.random() < 0.12 else 0
            else:
                new = rng.randint(0, 40) if rng.random() < 0.5 else 0
            over = rng.randint(0, 3) if rng.random() < 0.15 else 0
            base = new + over
            forward = rng.randint(0, min(3, base)) if base and rng.random() < 0.2 else 0
            total = base - forward
            matrix["new_received"][c], matrix["carried_over"][c] = new, over
            matrix["carried_forward"][c], matrix["total"][c] = forward, total
            if total:
                parts = min(total, rng.choice((1, 1, 2, 2, 3, 4)))
                cats = rng.choices(outcomes, weights, k=parts)
                cuts = sorted(rng.sample(range(1, total), parts - 1)) if parts > 1 else []
                for cat, low, high in zip(cats, [0, *cuts], [*cuts, total], strict=True):
                    matrix[cat][c] += high - low  # type: ignore[operator]
    for values in matrix.values():
        values[6] = sum(values[:6])  # type: ignore[arg-type]
    return matrix


def _litigation(rng: random.Random) -> dict[str, list[int | None]]:
    rows: dict[str, list[int | None]] = {}
    busy = rng.random() < 0.15
    for proceeding in PROCEEDINGS:
        values = [0, 0, 0, 0]
        if busy and rng.random() < 0.6:
            for i in range(4):
                if rng.random() < 0.4:
                    values[i] = rng.randint(1, 4)
        rows[proceeding] = [*values, sum(values)]
    return rows


# ------------------------------------------------------------------------------------------- formatting


_STR = [str(i) for i in range(1000)]


class _Fmt:
    """Prints numbers in one report's style: padding, units, blanks."""

    __slots__ = ("blank", "pad", "rng", "unit")

    def __init__(self, rng: random.Random, pad: str | None, blank: str, unit: str | None) -> None:
        self.rng, self.pad, self.blank, self.unit = rng, pad, blank, unit

    def count(self, value: int | None, first: bool = False) -> str:
        if value is None:
            return self.blank
        if self.pad is None:
            return str(value)
        return self.row([value])[0] if first else str(value)

    def row(self, values: list[int | None]) -> list[str]:
        """A row of counts, padded in the report's style (seeds 000, 003)."""
        blank = self.blank
        cells = [blank if v is None else _STR[v] if 0 <= v < 1000 else str(v) for v in values]
        pad = self.pad
        if pad is None or values[0] is None:
            return cells
        if pad == "nbsp":  # seed 000: NBSP before the first value of each row
            cells[0] = "\xa0" + cells[0]
        elif pad == "space":  # seed 003
            cells[0] = "  " + cells[0]
        elif pad == "nbsp_after":
            cells[-1] = cells[-1] + "\xa0" if values[-1] is not None else cells[-1]
            cells[0] = cells[0] + "\xa0"
        else:
            cells[0] = "\u3000" + cells[0] + "\u3000"
            if len(values) > 1 and values[1] is not None:
                cells[1] = cells[1] + "\u3000"
        return cells

    def item_count(self, value: int | None, first: bool = False) -> str:
        if value is not None and self.unit and self.rng.random() < 0.5:
            return f"{value}{self.unit}"
        return self.count(value, first)


def _change(rng: random.Random, value: int) -> str:
    if value > 0:
        return rng.choice((f"增（{value}）", f"增({value})", f"+{value}", str(value), f"增{value}", f"增加{value}"))
    if value < 0:
        return rng.choice((str(value), f"减{-value}", f"减少{-value}", f"减（{-value}）"))
    return "0"


def _amount_yuan(rng: random.Random) -> tuple[str, float]:
    """(printed 采购总金额, value in 万元 as the warehouse stores it; a bare number is kept as printed)."""
    roll = rng.random()
    if roll < 0.25:
        return rng.choice(("0", "0万元", "0元")), 0.0
    yuan = rng.randint(2_000, 9_000_000)
    if roll < 0.55:
        return f"{yuan}元", yuan / 10000.0
    if roll < 0.65:
        text = f"{yuan}.{rng.randint(1, 9)}"
        return f"{text}元", float(text) / 10000.0
    if roll < 0.9:
        wan = f"{yuan / 10000:.4f}".rstrip("0").rstrip(".")
        return f"{wan}万元", float(wan)
    return str(yuan), float(yuan)  # N4: no unit, kept as printed


def _fee_amount(rng: random.Random) -> tuple[str, float]:
    roll = rng.random()
    if roll < 0.6:
        return "0", 0.0
    if roll < 0.85:
        text = f"{rng.randint(0, 300)}.{rng.randint(0, 99):02d}".rstrip("0").rstrip(".")
        return text, float(text)
    yuan = rng.randint(100, 90000)
    return f"{yuan}元", yuan / 10000.0


def _decisions(rng: random.Random, big: float) -> tuple[str, int]:
    if rng.random() < big:
        value = rng.randint(1000, 12_000_000)
        return (f"{value:,}" if rng.random() < 0.4 else str(value)), value
    value = rng.randint(0, 300) if rng.random() < 0.5 else 0
    return str(value), value


def _proactive(rng: random.Random, template: str, fmt: _Fmt, labels: _Labels, opts: set[str],
               year: int) -> tuple[list[Row], dict[Key, int | float | None]]:
    """Section 二's rows (one Word table with caption rows) and its truth."""
    truth: dict[Key, int | float | None] = {}
    rows: list[Row] = []
    hubei = "hubei_annotations" in opts
    no_rules = rng.random() < 0.15  # agencies without rule-making power: 规章 row blank / 0 / slash

    def put(item: str, measure: str, text: str, value: int | float | None) -> str:
        truth[("proactive", item, measure)] = value
        return text

    def counts(item: str, measures: tuple[str, ...], values: list[int | None]) -> list[Cell]:
        return [put(item, m, fmt.item_count(v, i == 0), v) for i, (m, v) in enumerate(zip(measures, values, strict=True))]

    def blankable(item: str, measures: tuple[str, ...]) -> list[Cell]:
        style = rng.choice(("/", "/", "—", "-", "", "0"))
        opts.add(f"blank_row_{style or 'empty'}")
        return [put(item, m, style, 0 if style == "0" else None) for m in measures]

    cap = labels.captions
    if template == "2019":
        rules_label = "规章（设区的市、自治州人民政府应提供相关数据）" if hubei else "规章"
        new_measures = ("new_made", "new_published", "total_published")
        header = ["信息内容", "本年新\n制作数量", "本年新\n公开数量", "对外公开总数量"]
        rows.append([cap["一"]])
        rows.append(header)
        rows.append([rules_label, *(blankable("rules", new_measures) if no_rules else counts("rules", new_measures, [0, 0, 0]))])
        made = rng.randint(1, 8) if rng.random() < 0.35 else 0
        rows.append(["规范性文件", *counts("normative_documents", new_measures, [made, made, made + rng.randint(0, 60)])])
        stock_header = ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
        if hubei:
            stock_header = ["信息内容", f"上一年项目数量（指{year - 1}年事项数）",
                            f"本年增/减（指{year}年增加或减少的事项数，减用负值表示，如-8）", f"处理决定数量（指{year}年办件量）"]
        dash_decisions = rng.random() < 0.08
        for numeral, items in (("五", (("administrative_licensing", "行政许可", 0.08),
                                       ("other_administrative_services", "其他对外管理服务事项", 0.03))),
                               ("六", (("administrative_penalty", "行政处罚", 0.04), ("administrative_coercion", "行政强制", 0.0)))):
            rows.append([cap[numeral]])
            rows.append(list(stock_header))
            for item, label, big in items:
                previous = rng.randint(0, 300) if rng.random() < 0.5 else 0
                change = rng.randint(-5, 8) if previous and rng.random() < 0.4 else 0
                cells: list[Cell] = [label, put(item, "previous_items", fmt.item_count(previous, True), previous),
                                     put(item, "change", _change(rng, change), change)]
                if dash_decisions:
                    cells.append(put(item, "decisions", "—", None))
                else:
                    text, value = _decisions(rng, big)
                    cells.append(put(item, "decisions", text, value))
                rows.append(cells)
        rows.append([cap["八"]])
        rows.append(stock_header[:3])
        fee_label = "行政事业型收费" if "typo_xing" in opts else "行政事业性收费"
        if rng.random() < 0.06:
            rows.append([fee_label, *blankable("administrative_fees", ("previous_items", "change"))])
        else:
            previous = rng.randint(0, 12) if rng.random() < 0.3 else 0
            change = rng.randint(-2, 2) if previous else 0
            rows.append([fee_label, put("administrative_fees", "previous_items", fmt.item_count(previous, True), previous),
                         put("administrative_fees", "change", _change(rng, change), change)])
        rows.append([cap["九"]])
        rows.append(["信息内容", "采购项目数量", "采购总金额"])
        items_count = rng.randint(1, 80) if rng.random() < 0.5 else 0
        amount_text, amount = _amount_yuan(rng) if items_count else (rng.choice(("0", "0万元", "0元")), 0.0)
        rows.append(["政府集中采购", put("government_procurement", "procurement_items", fmt.item_count(items_count, True),
                                         items_count),
                     put("government_procurement", "procurement_amount", amount_text, amount)])
    else:
        new_measures = ("issued", "repealed", "in_force")
        rows.append([cap["一"]])
        rows.append(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
        rows.append(["规章", *(blankable("rules", new_measures) if no_rules else counts("rules", new_measures, [0, 0, 0]))])
        issued = rng.randint(1, 6) if rng.random() < 0.35 else 0
        repealed = rng.randint(1, 3) if rng.random() < 0.15 else 0
        rows.append(["行政规范性文件", *counts("normative_documents", new_measures,
                                                [issued, repealed, issued + rng.randint(0, 40)])])
        for numeral, items in (("五", (("administrative_licensing", "行政许可", 0.08),)),
                               ("六", (("administrative_penalty", "行政处罚", 0.04), ("administrative_coercion", "行政强制", 0.0)))):
            rows.append([cap[numeral]])
            rows.append(["信息内容", "本年处理决定数量"])
            for item, label, big in items:
                text, value = _decisions(rng, big)
                rows.append([label, put(item, "decisions", fmt.count(value, True) if text == str(value) else text, value)])
        rows.append([cap["八"]])
        rows.append(["信息内容", labels.fee_label])
        fee_label = "行政事业型收费" if "typo_xing" in opts else "行政事业性收费"
        text, value = _fee_amount(rng)
        rows.append([fee_label, put("administrative_fees", "fee_amount", text, value)])
    return rows, truth


# ---------------------------------------------------------------------------------------------- shapes


def _cell_line(cell: str, mode: str) -> str:
    """An HTML/markdown rendering of a cell that Word printed over several lines (L6)."""
    if "\n" not in cell:
        return cell
    if mode == "cut" and cell.startswith("本年新"):
        return "本年新"
    if mode == "space":
        return cell.replace("\n", " ")
    return cell.replace("\n", "")


V = "\x00"  # a value cell in a table structure: rendered as a str.format placeholder


def _escape(cell: str) -> str:
    return cell.replace("{", "{{").replace("}", "}}")


@lru_cache(maxsize=4096)
def _table_format(structure: tuple[tuple[Cell, ...], ...], width: int, shape: str, mode: str, pad: bool) -> str:
    """The whole table as a ``str.format`` string (labels fixed, values as ``{}``), computed once per layout."""
    lines: list[str] = []
    for index, row in enumerate(structure):
        if shape == "docx":
            lines.append("\n".join("\t" if c is None else "\t{}" if c == V else "\t" + _escape(c) for c in row) + "\n")
            continue
        if shape == "markdown":
            lines.append("| " + " | ".join("" if c is None else "{}" if c == V else _escape(_cell_line(c, "join").strip())
                                           for c in row) + " |")
            if index == 0:
                lines.append("|" + "---|" * width)
            continue
        cells = ["{}" if c == V else _escape(_cell_line(c, mode)) for c in row if c is not None]
        padding = "|" * (width - len(cells)) if pad and width > len(cells) else ""
        if shape == "html_rows":
            lines.append(" | ".join(cells) + " |" + padding)
        else:
            lines.append("\n".join(f"{c} |" for c in cells) + (" " + padding if padding else ""))
    if shape == "markdown":
        return "\n" + "\n".join(lines) + "\n"
    return "\n".join(lines) + ("\n" if shape == "docx" else "")


def _split_values(rows: list[Row]) -> tuple[tuple[tuple[Cell, ...], ...], list[str]]:
    """Section 二 rows → (structure, values): data rows hold a label then values."""
    structure: list[tuple[Cell, ...]] = []
    values: list[str] = []
    for row in rows:
        if len(row) == 1 or row[0] == "信息内容":
            structure.append(tuple(row))
        else:
            structure.append((row[0], *([V] * (len(row) - 1))))
            values.extend(row[1:])  # type: ignore[arg-type]
    return tuple(structure), values


# ---------------------------------------------------------------------------------------------- report

_OPENCC = None


def _traditional(text: str) -> str:
    global _OPENCC
    if _OPENCC is None:
        import opencc

        _OPENCC = opencc.OpenCC("s2twp")
    return _OPENCC.convert(text)


def _pick_template_year(rng: random.Random, template: str | None) -> tuple[str, int]:
    if template is None:
        year = rng.choice((2019, 2020, 2020, 2021, 2021, 2022, 2022, 2023, 2023, 2024))
        template = "2019" if year <= 2020 or rng.random() < 0.08 else "2021"
        return template, year
    if template == "2019":
        return template, rng.choice((2019, 2020, 2020, 2020, 2021))
    return template, rng.choice((2021, 2022, 2023, 2024))


def _perturb(rng: random.Random, apps: dict[str, list[int | None]], lit: dict[str, list[int | None]],
             template: str) -> None:
    """Change one or two printed numbers (inconsistent reports)."""
    for _ in range(rng.choice((1, 1, 2))):
        roll = rng.random()
        if roll < 0.2 and (apps["total"][0] or 0) > 0:  # seed 004: the total row's count in the wrong column
            value = apps["total"][0]
            apps["total"][0] = 0
            apps["total"][1] = (apps["total"][1] or 0) + value  # type: ignore[operator]
        elif roll < 0.8:
            row = rng.choice(APPLICATION_KEYS[template])
            col = rng.randrange(7)
            current = apps[row][col] or 0
            apps[row][col] = current - 1 if current and rng.random() < 0.4 else current + rng.randint(1, 5)
        else:
            proceeding = rng.choice(PROCEEDINGS)
            index = rng.randrange(5)
            lit[proceeding][index] = (lit[proceeding][index] or 0) + rng.randint(1, 3)


_APP_TRUTH_KEYS = {t: [("applications", k, c) for k in keys for c in APPLICANT_TYPES] for t, keys in APPLICATION_KEYS.items()}
_LIT_TRUTH_KEYS = [("litigation", p, r) for p in PROCEEDINGS for r in RESULTS]


def _broken(apps: dict[str, list[int | None]], lit: dict[str, list[int | None]], template: str) -> set[tuple[str, str]]:
    """C1–C4 on the printed numbers (NULL = 0): the matrix form of ``ogi.synth.rules.broken_rules``."""
    broken: set[tuple[str, str]] = set()
    z = {k: ([v or 0 for v in vs] if None in vs else vs) for k, vs in apps.items()}
    outcome_sums = [sum(column) for column in zip(*(z[k] for k in OUTCOME_KEYS[template]), strict=True)]
    new, over, total, forward = z["new_received"], z["carried_over"], z["total"], z["carried_forward"]
    if new != total or over != [0] * 7 or forward != [0] * 7:
        for col, name in enumerate(APPLICANT_TYPES):
            if new[col] + over[col] != total[col] + forward[col]:
                broken.add(("C1", name))
    if outcome_sums != total:
        for col, name in enumerate(APPLICANT_TYPES):
            if total[col] != outcome_sums[col]:
                broken.add(("C2", name))
    for key, values in z.items():
        if values[6] != sum(values[:6]):
            broken.add(("C3", key))  # type: ignore[arg-type]
    for proceeding, values in lit.items():
        v = [x or 0 for x in values]
        if v[4] != v[0] + v[1] + v[2] + v[3]:
            broken.add(("C4", proceeding))
    return broken


def generate_report(rng: random.Random, index: int, *, inconsistent: bool = False, shape: str | None = None,
                    template: str | None = None) -> SyntheticReport:
    """One synthetic report drawn from ``rng``; ``index`` only names the file."""
    shape = shape or rng.choices(SHAPES, (45, 30, 10, 15))[0]
    template, year = _pick_template_year(rng, template)
    agency, short, host = _agency(rng)
    opts: set[str] = set()

    def maybe(name: str, p: float) -> bool:
        if rng.random() < p:
            opts.add(name)
            return True
        return False

    html = shape.startswith("html")
    half = maybe("half_brackets", 0.8 if html else 0.15)
    straight = maybe("straight_quotes", 0.2)
    spaced = maybe("label_spaces", 0.05)
    split = shape == "docx" and maybe("split_labels", 0.3)
    labels = _labels(half, straight, spaced, split)
    pad = rng.choice((None, None, "nbsp", "nbsp_after", "ideo", "space"))
    if pad:
        opts.add(f"pad_{pad}")
    blank = rng.choice(("", "—", "-", "/", "无"))
    unit = "项" if maybe("count_units", 0.05) else None
    fmt = _Fmt(rng, pad, blank, unit)
    maybe("typo_xing", 0.05)
    if template == "2019":
        maybe("hubei_annotations", 0.04)
    traditional = maybe("traditional", 0.03)
    bookmark = shape == "docx" and maybe("bookmark", 0.3)

    # --- numbers
    apps = _applications(rng, template)
    lit = _litigation(rng)
    blank_intake = False
    if maybe("blank_cells", 0.05):
        opts.add(f"blank_{blank or 'empty'}")
        for key in ("new_received", "carried_over"):  # N8: row 一/二 blank except 总计
            if not any(apps[key]):
                apps[key][:6] = [None] * 6
                blank_intake = True
        if blank_intake:
            opts.add("blank_intake_rows")
        elif not any(v for vs in lit.values() for v in vs):
            opts.add("blank_litigation")
            for proceeding in PROCEEDINGS:
                lit[proceeding][:4] = [None] * 4
    if inconsistent:
        _perturb(rng, apps, lit, template)
        while not _broken(apps, lit, template):  # two changes that cancel out
            _perturb(rng, apps, lit, template)
    proactive_rows, truth = _proactive(rng, template, fmt, labels, opts, year)
    truth.update(zip(_APP_TRUTH_KEYS[template], [v for key in APPLICATION_KEYS[template] for v in apps[key]], strict=True))
    truth.update(zip(_LIT_TRUTH_KEYS, [v for p in PROCEEDINGS for v in lit[p]], strict=True))
    broken = _broken(apps, lit, template)

    # --- tables: (structure, width, printed values)
    app_values: list[str] = []
    for key in APPLICATION_KEYS[template]:
        app_values.extend(fmt.row(apps[key]))
    lit_values = fmt.row([v for p in PROCEEDINGS for v in lit[p]])
    lit_structure = labels.lit_bookmarked if bookmark and rng.random() < 0.5 else labels.lit_structure
    tables = {"二": (*_split_values(proactive_rows), 4), "三": (labels.apps_structure[template], app_values, 10),
              "四": (lit_structure, lit_values, 15)}

    # --- narrative
    new_total = apps["new_received"][6] or 0
    subs = {
        "Y": str(year), "P": str(year - 1), "Y1": str(year + 1), "A": short, "SITE": host.replace("办公室", ""),
        "TEL": f"{rng.randint(10, 999)}-{rng.randint(1000000, 8999999)}",
        "N1": str(rng.randint(20, 900)), "N2": str(rng.randint(5, 300)), "N3": str(rng.randint(1, 50)),
        "N4": str(rng.randint(0, 20)),
        "APPLY": (f"{year}年，共收到政府信息公开申请{new_total}件，均已按时答复。" if new_total
                  else f"{year}年，本单位未收到政府信息公开申请。"),
    }
    period_word = rng.choice(_PERIOD_WORDS)
    subs["PERIOD"] = f"本报告中所列数据的{period_word}自{year}年1月1日起至{year}年12月31日止。"

    def fill(text: str) -> str:
        return text.format_map(subs) if "{" in text else text

    out: list[str] = []
    if html and maybe("chrome", 0.75):
        if maybe("site_banner", 0.15):
            out.append(subs["SITE"])
        out.extend(rng.sample(_CHROME_TOP, rng.randint(1, 3)))
        out.append(f"发布日期：{year + 1}-01-{rng.randint(10, 31)} 来源：{short} 字体：大 中 小 打印 分享至：")
    title_roll = rng.random()
    title_mode = "two_line" if title_roll < 0.45 else "one_line" if title_roll < 0.75 else (
        "topic_first" if title_roll < 0.82 else "none")
    opts.add(f"title_{title_mode}")
    lead = " " if shape == "docx" and maybe("leading_space", 0.05) else ""
    title_form = rng.choice(_TITLE_FORMS).replace("{Y}", str(year))
    if title_mode == "two_line":
        out.extend((lead + agency, title_form))
    elif title_mode == "one_line":
        out.append(lead + agency + title_form)
    elif title_mode == "topic_first":
        out.append(f"{lead}{agency}政府信息公开工作{year}年度报告")
    out.append("")
    if title_mode == "none":
        preface = fill(rng.choice(_PREFACES[:2]) if rng.random() < 0.7 else "")
    else:
        preface = fill(rng.choice(_PREFACES)) if rng.random() < 0.8 else ""
    if preface:
        out.append(("[bookmark: _GoBack]" if bookmark and rng.random() < 0.3 else "") + preface)
    out.append(_HEADINGS["一"][0])
    out.append(fill(rng.choice(_OVERVIEW)))
    if rng.random() < 0.6:
        for heading, body in _SUBSECTIONS:
            out.append(_style(heading, half and rng.random() < 0.5, False, False))
            out.append(fill(body))
    else:
        out.append(fill(_SUBSECTIONS[1][1]))
    for numeral in ("二", "三", "四"):
        out.append(rng.choice(_HEADINGS[numeral]))
        if shape == "docx" and rng.random() < 0.5:
            out.append("")  # L9
        structure, values, width = tables[numeral]
        if shape == "docx":
            mode, pad = "", False
        elif shape == "markdown":
            mode, pad = "join", False
        elif shape == "html_cells":
            mode, pad = rng.choice(("cut", "cut", "space", "join")), rng.random() < 0.8
        else:
            mode, pad = rng.choice(("cut", "space", "join")), rng.random() < 0.6
        if pad:
            opts.add("html_padding")
        out.append(_table_format(structure, width, shape, mode, pad).format(*values))
    out.append(rng.choice(_HEADINGS["五"]))
    out.append(fill(rng.choice(_PROBLEMS)))
    if not maybe("no_section_six", 0.05):
        out.append(_HEADINGS["六"][0])
        other = rng.choice(_OTHER_2021) if template == "2021" and rng.random() < 0.6 else rng.choice(_OTHER)
        out.append(("[bookmark: _GoBack]" if bookmark and rng.random() < 0.3 else "") + fill(other))
    published_on = None
    if title_mode == "none" or rng.random() < 0.5:
        month, day = rng.choice((1, 1, 1, 2, 3)), rng.randint(1, 28)
        published_on = f"{year + 1:04d}-{month:02d}-{day:02d}"
        date = (f"{_han_year(year + 1)}年{_han_small(month)}月{_han_small(day)}日" if maybe("han_date", 0.1)
                else f"{year + 1}年{month}月{day}日")
        out.extend(("", agency, date))
    if html:
        out.append(f"主办单位：{host} 联系方式：0{subs['TEL']} 地址：{agency[:3]}人民路{rng.randint(1, 200)}号")
        out.append(f"{host.replace('办公室', '')}版权所有 ICP备{rng.randint(10000000, 99999999)}号 "
                   f"公安备案号 {rng.randint(10**13, 10**14 - 1)}")
        out.append(f"技术支持：{rng.choice(('多彩博虹', '大汉', '拓尔思', '开普云'))}科技有限公司 网站标识码：{rng.randint(10**9, 10**10 - 1)}")
    text = "\n".join(out) + "\n"
    if traditional:
        text = _traditional(text)
    name_roll = rng.random()
    if name_roll < 0.7:
        file_name = f"{index:06d}_{agency}.txt"
    elif name_roll < 0.85:
        file_name = f"{index:06d}_{agency} {year}年度报告.txt"
    elif name_roll < 0.95:
        file_name = f"{index:06d}_{agency}（{year}）.txt"
    else:
        file_name = f"{index:06d} [{year}] {agency}.txt"
    return SyntheticReport(
        text=text, file_name=file_name, agency_name=agency, report_year=year, template=template, shape=shape,
        truth=truth, inconsistent=inconsistent, broken_rules=broken, variations=tuple(sorted(opts)),
        published_on=published_on,
    )


def report_rng(seed: int, index: int) -> random.Random:
    """The random stream of report ``index`` in the corpus of ``seed``: reports are independent."""
    return random.Random(seed * 1_000_003 + index)


def generate_corpus(count: int, seed: int = 0, inconsistent_share: float = 0.0) -> list[SyntheticReport]:
    reports = []
    frozen = gc.isenabled()
    gc.disable()  # the reports are acyclic: collecting while they pile up only costs time
    try:
        for index in range(count):
            rng = report_rng(seed, index)
            reports.append(generate_report(rng, index, inconsistent=rng.random() < inconsistent_share))
    finally:
        if frozen:
            gc.enable()
    return reports


def write_corpus(folder: Path, count: int, seed: int = 0, inconsistent_share: float = 0.0) -> list[SyntheticReport]:
    """Write ``count`` reports as UTF-8 .txt files into ``folder`` (created); file names are unique."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    base = str(folder)
    reports: list[SyntheticReport] = []
    for start in range(0, count, 5000):
        batch = _generate_range(start, min(count, start + 5000), seed, inconsistent_share)
        for report in batch:
            with open(os.path.join(base, report.file_name), "wb") as handle:
                handle.write(report.text.encode("utf-8"))
        reports.extend(batch)
    return reports


def _generate_range(start: int, stop: int, seed: int, inconsistent_share: float) -> list[SyntheticReport]:
    batch = []
    enabled = gc.isenabled()
    gc.disable()
    try:
        for index in range(start, stop):
            rng = report_rng(seed, index)
            batch.append(generate_report(rng, index, inconsistent=rng.random() < inconsistent_share))
    finally:
        if enabled:
            gc.enable()
    return batch
