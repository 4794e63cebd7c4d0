"""Section 二 (proactive disclosure): its table rows as printed and its truth."""

from __future__ import annotations

import random

from ogi.synth.formatting import Fmt
from ogi.synth.labels import Labels
from ogi.synth.rules import Key
from ogi.synth.shapes import Cell, Row


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


def proactive(rng: random.Random, template: str, fmt: Fmt, labels: Labels, opts: set[str],
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
