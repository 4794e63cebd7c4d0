"""The labels of the three tables, precomputed once per printing style."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ogi.extract.vocabulary import APPLICATION_ROWS
from ogi.synth.shapes import Cell, Row, V

_HALF = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ","})
_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
_LEVEL0_OUTCOMES = "三、本年度办理结果"


@dataclass(frozen=True)
class Labels:
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


def style(text: str, half: bool, straight: bool, spaced: bool) -> str:
    if straight:
        text = text.replace("“", '"').replace("”", '"')
    if spaced and text.startswith("（") and "）" in text[:4]:
        at = text.index("）") + 1
        text = text[:at] + " " + text[at:]
    if half:
        text = text.translate(_HALF)
    return text


@lru_cache(maxsize=64)
def styled_labels(half: bool, straight: bool, spaced: bool, split: bool) -> Labels:
    """``split``: Word line breaks inside labels (L8), printed as continuation lines."""

    def s(text: str) -> str:
        return style(text, half, straight, spaced)

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
    return Labels(note, apps_rows, applicant_header, litigation_header, captions, s("本年收费金额（单位：万元）"),
                   apps_structure, lit_structure, lit_bookmarked)
