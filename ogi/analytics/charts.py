"""Render the visual summary of the published warehouse to PNG files (matplotlib, Agg backend).

Four charts, each from a view of the warehouse (opened read-only):

* ``applications_by_year_province.png`` — Σ new_received (一、本年新收) per report year and province (report_summary);
* ``outcome_mix_by_agency_kind.png`` — share of each outcome group (总计 column) per agency kind (outcome_groups);
* ``disclosure_rate_distribution.png`` — histogram of 公开率 (granted + partially_granted) / total (report_measures);
* ``rule_failures.png`` — reports failing each consistency rule (rule_failures).

Chinese labels (province names) are set in Noto Sans CJK, shipped by the ``manimgx-fonts-cjk`` wheel, so
no system font is needed. Without it, provinces are labelled by their GB/T 2260 code instead: a chart
never shows tofu boxes.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import duckdb
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import font_manager

from ogi.analytics.freshness import mark_rendered, reports_dir
from ogi.warehouse.store import READ_MEMORY_LIMIT

# The variable CJK font has only its default (light) instance for matplotlib, which logs a warning per text.
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
CJK_FAMILY = "Noto Sans CJK SC"
OUTCOME_GROUPS = ("granted", "partially_granted", "denied", "unable_to_provide", "not_processed", "other")
OUTCOME_TITLES = {
    "granted": "granted 予以公开", "partially_granted": "partially granted 部分公开", "denied": "denied 不予公开",
    "unable_to_provide": "unable to provide 无法提供", "not_processed": "not processed 不予处理",
    "other": "other 其他处理",
}


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    path: Path
    rows: int  # data points drawn


def cjk_font_available() -> bool:
    """Register the packaged Noto Sans CJK font with matplotlib; False when it is not installed."""
    if any(f.name == CJK_FAMILY for f in font_manager.fontManager.ttflist):
        return True
    try:
        import manimgx_fonts_cjk  # the wheel ships NotoSansCJK-VF.otf.ttc beside its __init__
    except ImportError:
        return False
    for path in Path(manimgx_fonts_cjk.__file__).parent.glob("*.tt[cf]"):
        font_manager.fontManager.addfont(str(path))
    return any(f.name == CJK_FAMILY for f in font_manager.fontManager.ttflist)


def _style(cjk: bool) -> dict[str, object]:
    families = [CJK_FAMILY, "DejaVu Sans"] if cjk else ["DejaVu Sans"]
    return {"font.family": "sans-serif", "font.sans-serif": families, "axes.unicode_minus": False,
            "figure.dpi": 110, "axes.spines.top": False, "axes.spines.right": False}


def render_charts(warehouse: Path, target: Path | None = None, state: str | None = None) -> list[Chart]:
    target = Path(target or reports_dir(warehouse))
    target.mkdir(parents=True, exist_ok=True)
    cjk = cjk_font_available()
    con = duckdb.connect(str(warehouse), read_only=True, config={"memory_limit": READ_MEMORY_LIMIT})
    try:
        with plt.rc_context(_style(cjk)):
            charts = [
                _applications(con, target, cjk),
                _outcome_mix(con, target),
                _disclosure_rates(con, target),
                _rule_failures(con, target),
            ]
        mark_rendered(target, state)
        return charts
    finally:
        con.close()


def _save(fig: plt.Figure, path: Path) -> None:
    fig.tight_layout()
    temporary = path.with_suffix(".png.tmp")
    fig.savefig(temporary, format="png")
    plt.close(fig)
    os.replace(temporary, path)


def _applications(con: duckdb.DuckDBPyConnection, target: Path, cjk: bool) -> Chart:
    province = "coalesce(province, '(unknown)')" if cjk else "coalesce(left(division_code, 2) || '0000', '(unknown)')"
    rows = con.sql(f"""
        SELECT report_year, {province} AS province, sum(new_received) AS applications, count(*) AS reports
        FROM report_summary WHERE report_year IS NOT NULL
        GROUP BY ALL ORDER BY report_year, province
    """).fetchall()
    years = sorted({r[0] for r in rows})
    provinces = sorted({r[1] for r in rows})
    values = {(r[0], r[1]): r[2] for r in rows}
    fig, ax = plt.subplots(figsize=(8, 4.5))
    width = 0.8 / max(len(provinces), 1)
    for i, province_name in enumerate(provinces):
        xs = [years.index(y) + (i - (len(provinces) - 1) / 2) * width for y in years]
        present = [(x, values[(y, province_name)]) for x, y in zip(xs, years, strict=True)
                   if (y, province_name) in values]
        bars = ax.bar([x for x, _ in present], [v or 0 for _, v in present], width=width, label=province_name)
        ax.bar_label(bars, labels=["NULL" if v is None else str(v) for _, v in present], fontsize=8)
    ax.set_xticks(range(len(years)), [str(y) for y in years])
    ax.set_xlabel("report year (data year)")
    ax.set_ylabel("applications received (new_received, 总计)" if cjk else "applications received")
    ax.set_title("New applications by year and province")
    if provinces:
        ax.legend(title="province", fontsize=8)
    path = target / "applications_by_year_province.png"
    _save(fig, path)
    return Chart("applications_by_year_province", "New applications by year and province", path, len(rows))


def _outcome_mix(con: duckdb.DuckDBPyConnection, target: Path) -> Chart:
    rows = con.sql("""
        SELECT coalesce(s.agency_kind, '(unknown)') AS agency_kind, g.outcome_group,
               sum(g.applications) AS applications
        FROM outcome_groups AS g JOIN report_summary AS s USING (report_id)
        WHERE g.applicant_type = 'total' AND g.outcome_group <> 'total'
        GROUP BY ALL
    """).fetchall()
    kinds = sorted({r[0] for r in rows})
    counts = {(r[0], r[1]): r[2] or 0 for r in rows}
    totals = {k: sum(counts.get((k, g), 0) for g in OUTCOME_GROUPS) for k in kinds}
    fig, ax = plt.subplots(figsize=(8, 3.5))
    left = [0.0] * len(kinds)
    colors = plt.get_cmap("tab10").colors
    for j, group in enumerate(OUTCOME_GROUPS):
        shares = [counts.get((k, group), 0) / totals[k] if totals[k] else 0 for k in kinds]
        ax.barh(kinds, shares, left=left, label=OUTCOME_TITLES[group], color=colors[j])
        left = [a + b for a, b in zip(left, shares, strict=True)]
    ax.set_yticks(range(len(kinds)), [f"{k} ({totals[k]} applications)" for k in kinds])
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of applications handled (outcome groups, 总计 column)")
    ax.set_title("Outcome mix by agency kind")
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=3, frameon=False)
    path = target / "outcome_mix_by_agency_kind.png"
    _save(fig, path)
    return Chart("outcome_mix_by_agency_kind", "Outcome mix by agency kind", path, len(rows))


def _disclosure_rates(con: duckdb.DuckDBPyConnection, target: Path) -> Chart:
    rates = [r[0] for r in con.sql("SELECT disclosure_rate FROM report_measures WHERE disclosure_rate IS NOT NULL")
             .fetchall()]
    undefined = con.sql("SELECT count(*) FROM report_measures WHERE disclosure_rate IS NULL").fetchall()[0][0]
    fig, ax = plt.subplots(figsize=(7, 3.8))
    ax.hist(rates, bins=[i / 10 for i in range(11)], edgecolor="white")
    ax.set_xlim(0, 1)
    ax.set_xlabel("disclosure rate 公开率 = (granted + partially_granted) / total")
    ax.set_ylabel("reports")
    ax.set_title(f"Disclosure rate per report (n = {len(rates)}; {undefined} undefined: total 0 or NULL)")
    path = target / "disclosure_rate_distribution.png"
    _save(fig, path)
    return Chart("disclosure_rate_distribution", "Disclosure rate distribution", path, len(rates))


def _rule_failures(con: duckdb.DuckDBPyConnection, target: Path) -> Chart:
    rows = con.sql("SELECT rule, reports_failed, reports_checked, severity FROM rule_failures ORDER BY rule").fetchall()
    fig, ax = plt.subplots(figsize=(7, 3.8))
    colors = ["#c0392b" if r[3] == "error" else "#e67e22" for r in rows]
    bars = ax.bar([r[0] for r in rows], [r[1] for r in rows], color=colors)
    ax.bar_label(bars, labels=[f"{r[1]}/{r[2]}" for r in rows], fontsize=8)
    ax.set_ylabel("reports failing (of reports checked)")
    ax.set_title("Reports failing each consistency rule (C = hard, S = soft)")
    ax.yaxis.get_major_locator().set_params(integer=True)
    path = target / "rule_failures.png"
    _save(fig, path)
    return Chart("rule_failures", "Reports failing each consistency rule", path, len(rows))
