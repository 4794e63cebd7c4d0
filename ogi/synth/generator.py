"""Deterministic synthetic 政府信息公开工作年度报告 with known cell values (the truth) and known rule breaks.

A report is built as narrative lines plus three abstract tables (section 二, 三, 四), then printed in one of
the text shapes real reports arrive in (FORMAT.md §9.1):

* ``docx``: Word→text (Tika style): one TAB-led line per cell, continuation lines for cells split over
  lines, a blank line between rows, empty ``\\t`` cells for vertical merges (seeds 000–003);
* ``html_cells``: HTML page text, one cell per line ending in `` |``, colspan padding ``|||``, merged cells
  absent, header cells cut short (``本年新``), page chrome and website footer (seed 004);
* ``html_rows``: HTML page text, one table row per line;
* ``html_separated``: HTML page text, one cell per line, table rows separated by lone ``|`` lines (L5);
* ``markdown``: a pipe table per table.

On top of the shape, per-report variations (brackets, padding, quotes, bookmarks, typos, annotations,
blank/dash/slash cells, traditional characters, title forms) are drawn from the report's own random
stream, so a report depends only on (seed, index).

Everything costly (labels in every style, narrative pools) is precomputed once; a report is a few
hundred random draws and string joins.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ogi.extract.vocabulary import APPLICANT_TYPES, PROCEEDINGS, RESULTS
from ogi.synth.agency import draw_agency
from ogi.synth.formatting import Fmt
from ogi.synth.labels import style, styled_labels
from ogi.synth.narrative import (
    CHROME_TOP,
    HEADINGS,
    OTHER,
    OTHER_2021,
    OVERVIEW,
    PERIOD_WORDS,
    PREFACES,
    PROBLEMS,
    SUBSECTIONS,
    TITLE_FORMS,
    han_small,
    han_year,
)
from ogi.synth.numbers import applications, litigation, matrix_broken_rules, perturb
from ogi.synth.proactive import proactive
from ogi.synth.rules import APPLICATION_KEYS, Key
from ogi.synth.shapes import split_values, table_format

SHAPES: tuple[str, ...] = ("docx", "html_cells", "html_rows", "markdown", "html_separated")
TEMPLATES: tuple[str, ...] = ("2019", "2021")


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


_APP_TRUTH_KEYS = {t: [("applications", k, c) for k in keys for c in APPLICANT_TYPES] for t, keys in APPLICATION_KEYS.items()}
_LIT_TRUTH_KEYS = [("litigation", p, r) for p in PROCEEDINGS for r in RESULTS]


def generate_report(rng: random.Random, index: int, *, inconsistent: bool = False, shape: str | None = None,
                    template: str | None = None) -> SyntheticReport:
    """One synthetic report drawn from ``rng``; ``index`` only names the file."""
    shape = shape or rng.choices(SHAPES, (45, 25, 10, 15, 5))[0]
    template, year = _pick_template_year(rng, template)
    agency, short, host = draw_agency(rng)
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
    labels = styled_labels(half, straight, spaced, split)
    pad = rng.choice((None, None, "nbsp", "nbsp_after", "ideo", "space"))
    if pad:
        opts.add(f"pad_{pad}")
    blank = rng.choice(("", "—", "-", "/", "无"))
    unit = "项" if maybe("count_units", 0.05) else None
    fmt = Fmt(rng, pad, blank, unit)
    maybe("typo_xing", 0.05)
    if template == "2019":
        maybe("hubei_annotations", 0.04)
    traditional = maybe("traditional", 0.03)
    bookmark = shape == "docx" and maybe("bookmark", 0.3)

    # --- numbers
    apps = applications(rng, template)
    lit = litigation(rng)
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
        perturb(rng, apps, lit, template)
        while not matrix_broken_rules(apps, lit, template):  # two changes that cancel out
            perturb(rng, apps, lit, template)
    proactive_rows, truth = proactive(rng, template, fmt, labels, opts, year)
    truth.update(zip(_APP_TRUTH_KEYS[template], [v for key in APPLICATION_KEYS[template] for v in apps[key]], strict=True))
    truth.update(zip(_LIT_TRUTH_KEYS, [v for p in PROCEEDINGS for v in lit[p]], strict=True))
    broken = matrix_broken_rules(apps, lit, template)

    # --- tables: (structure, width, printed values)
    app_values: list[str] = []
    for key in APPLICATION_KEYS[template]:
        app_values.extend(fmt.row(apps[key]))
    lit_values = fmt.row([v for p in PROCEEDINGS for v in lit[p]])
    lit_structure = labels.lit_bookmarked if bookmark and rng.random() < 0.5 else labels.lit_structure
    tables = {"二": (*split_values(proactive_rows), 4), "三": (labels.apps_structure[template], app_values, 10),
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
    period_word = rng.choice(PERIOD_WORDS)
    subs["PERIOD"] = f"本报告中所列数据的{period_word}自{year}年1月1日起至{year}年12月31日止。"

    def fill(text: str) -> str:
        return text.format_map(subs) if "{" in text else text

    out: list[str] = []
    if html and maybe("chrome", 0.75):
        if maybe("site_banner", 0.15):
            out.append(subs["SITE"])
        out.extend(rng.sample(CHROME_TOP, rng.randint(1, 3)))
        out.append(f"发布日期：{year + 1}-01-{rng.randint(10, 31)} 来源：{short} 字体：大 中 小 打印 分享至：")
    title_roll = rng.random()
    title_mode = "two_line" if title_roll < 0.45 else "one_line" if title_roll < 0.75 else (
        "topic_first" if title_roll < 0.82 else "none")
    opts.add(f"title_{title_mode}")
    lead = " " if shape == "docx" and maybe("leading_space", 0.05) else ""
    title_form = rng.choice(TITLE_FORMS).replace("{Y}", str(year))
    if title_mode == "two_line":
        out.extend((lead + agency, title_form))
    elif title_mode == "one_line":
        out.append(lead + agency + title_form)
    elif title_mode == "topic_first":
        out.append(f"{lead}{agency}政府信息公开工作{year}年度报告")
    out.append("")
    if title_mode == "none":
        preface = fill(rng.choice(PREFACES[:2]) if rng.random() < 0.7 else "")
    else:
        preface = fill(rng.choice(PREFACES)) if rng.random() < 0.8 else ""
    if preface:
        out.append(("[bookmark: _GoBack]" if bookmark and rng.random() < 0.3 else "") + preface)
    out.append(HEADINGS["一"][0])
    out.append(fill(rng.choice(OVERVIEW)))
    if rng.random() < 0.6:
        for heading, body in SUBSECTIONS:
            out.append(style(heading, half and rng.random() < 0.5, False, False))
            out.append(fill(body))
    else:
        out.append(fill(SUBSECTIONS[1][1]))
    for numeral in ("二", "三", "四"):
        out.append(rng.choice(HEADINGS[numeral]))
        if shape == "docx" and rng.random() < 0.5:
            out.append("")  # L9
        structure, values, width = tables[numeral]
        if shape == "docx":
            mode, pad = "", False
        elif shape == "markdown":
            mode, pad = "join", False
        elif shape == "html_separated":
            mode, pad = rng.choice(("cut", "space", "join")), False  # rows end in a "|" line, not padding
        elif shape == "html_cells":
            mode, pad = rng.choice(("cut", "cut", "space", "join")), rng.random() < 0.8
        else:
            mode, pad = rng.choice(("cut", "space", "join")), rng.random() < 0.6
        if pad:
            opts.add("html_padding")
        out.append(table_format(structure, width, shape, mode, pad).format(*values))
    out.append(rng.choice(HEADINGS["五"]))
    out.append(fill(rng.choice(PROBLEMS)))
    if not maybe("no_section_six", 0.05):
        out.append(HEADINGS["六"][0])
        other = rng.choice(OTHER_2021) if template == "2021" and rng.random() < 0.6 else rng.choice(OTHER)
        out.append(("[bookmark: _GoBack]" if bookmark and rng.random() < 0.3 else "") + fill(other))
    published_on = None
    if title_mode == "none" or rng.random() < 0.5:
        month, day = rng.choice((1, 1, 1, 2, 3)), rng.randint(1, 28)
        published_on = f"{year + 1:04d}-{month:02d}-{day:02d}"
        date = (f"{han_year(year + 1)}年{han_small(month)}月{han_small(day)}日" if maybe("han_date", 0.1)
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
