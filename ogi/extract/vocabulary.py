"""The keys and labels of both table templates (FORMAT.md §3–§5, WAREHOUSE.md key vocabularies).

Each row label is matched by *cues*: substrings of the normalised label (FORMAT.md §9.2) that identify the
row and survive annotations, typos and truncation. Rows are listed in template order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

APPLICANT_TYPES: Final[tuple[str, ...]] = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_org",
    "other_org",
    "total",
)
APPLICANT_LABELS: Final[dict[str, str]] = {
    "natural_person": "自然人",
    "commercial_enterprise": "商业企业",
    "research_institution": "科研机构",
    "social_welfare_org": "社会公益组织",
    "legal_service_org": "法律服务机构",
    "other_org": "其他",
    "total": "总计",
}


@dataclass(frozen=True)
class RowSpec:
    """One row of section 三: ``key`` is None for group rows that carry no values."""

    key: str | None
    label: str
    cues: tuple[str, ...]
    outcome_group: str | None = None


def _row(key: str | None, label: str, *cues: str, group: str | None = None) -> RowSpec:
    return RowSpec(key, label, cues or (label,), group)


_COMMON_HEAD: Final[tuple[RowSpec, ...]] = (
    _row("new_received", "一、本年新收政府信息公开申请数量", "本年新收"),
    _row("carried_over", "二、上年结转政府信息公开申请数量", "上年结转"),
    _row(None, "三、本年度办理结果", "本年度办理结果"),
    _row("granted", "（一）予以公开", "予以公开", group="granted"),
    _row("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开",
         group="partially_granted"),
    _row(None, "（三）不予公开", "不予公开"),
    _row("denied_state_secret", "1.属于国家秘密", "国家秘密", group="denied"),
    _row("denied_prohibited_by_law", "2.其他法律行政法规禁止公开", "法规禁止公开", "禁止公开", group="denied"),
    _row("denied_security_stability", "3.危及“三安全一稳定”", "三安全一稳定", "三安全", group="denied"),
    _row("denied_third_party_rights", "4.保护第三方合法权益", "第三方合法权益", "第三方", group="denied"),
    _row("denied_internal_affairs", "5.属于三类内部事务信息", "内部事务", group="denied"),
    _row("denied_process_information", "6.属于四类过程性信息", "过程性信息", "过程性", group="denied"),
    _row("denied_enforcement_case_file", "7.属于行政执法案卷", "执法案卷", group="denied"),
    _row("denied_administrative_query", "8.属于行政查询事项", "行政查询", group="denied"),
    _row(None, "（四）无法提供", "无法提供"),
    _row("unable_not_held", "1.本机关不掌握相关政府信息", "不掌握", group="unable_to_provide"),
    _row("unable_needs_creation", "2.没有现成信息需要另行制作", "另行制作", "没有现成信息", group="unable_to_provide"),
    _row("unable_unclear_after_correction", "3.补正后申请内容仍不明确", "仍不明确", "补正后申请",
         group="unable_to_provide"),
    _row(None, "（五）不予处理", "不予处理"),
    _row("not_processed_complaint", "1.信访举报投诉类申请", "信访举报投诉", "信访", group="not_processed"),
    _row("not_processed_repeated", "2.重复申请", "重复申请", group="not_processed"),
    _row("not_processed_publication", "3.要求提供公开出版物", "公开出版物", group="not_processed"),
    _row("not_processed_excessive", "4.无正当理由大量反复申请", "大量反复", group="not_processed"),
    _row("not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息", "确认或重新出具", "重新出具",
         group="not_processed"),
)
_COMMON_TAIL: Final[tuple[RowSpec, ...]] = (
    _row("total", "（七）总计", "总计", "合计", group="total"),
    _row("carried_forward", "四、结转下年度继续办理", "结转下年度", "结转下一年度"),
)

APPLICATION_ROWS: Final[dict[str, tuple[RowSpec, ...]]] = {
    "2019": (*_COMMON_HEAD, _row("other", "（六）其他处理", "其他处理", group="other"), *_COMMON_TAIL),
    "2021": (
        *_COMMON_HEAD,
        _row(None, "（六）其他处理", "其他处理"),
        _row("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
             "逾期不补正", group="other"),
        _row("other_fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
             "逾期未按收费通知", "缴纳费用", group="other"),
        # "3.其他" is matched only in its place (after other_fee_unpaid, or numbered 3. when row 2. is missing):
        # "其他" alone is too common.
        _row("other_misc", "3.其他", "其他", group="other"),
        *_COMMON_TAIL,
    ),
}
APPLICATION_INTAKE_ROWS: Final = ("new_received", "carried_over", "carried_forward")
TEMPLATE_2021_APPLICATION_CUES: Final = ("逾期不补正", "逾期未按收费通知", "缴纳费用")

# Section 四: three proceedings × five results, in printed order (FORMAT.md §5).
PROCEEDINGS: Final[tuple[str, ...]] = ("administrative_review", "litigation_direct", "litigation_after_review")
PROCEEDING_LABELS: Final = {
    "administrative_review": "行政复议",
    "litigation_direct": "未经复议直接起诉",
    "litigation_after_review": "复议后起诉",
}
RESULTS: Final[tuple[str, ...]] = ("upheld", "corrected", "other", "pending", "total")
RESULT_LABELS: Final = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结", "total": "总计"}
LITIGATION_CELLS: Final[tuple[tuple[str, str], ...]] = tuple((p, r) for p in PROCEEDINGS for r in RESULTS)
# Words of section 四's three header rows, including the halves of labels split over lines (L8).
LITIGATION_HEADER_WORDS: Final[tuple[str, ...]] = (
    "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉",
    "结果", "维持", "纠正", "其他", "尚未", "审结", "直接起诉", "起诉", "未经复议",
)


@dataclass(frozen=True)
class MeasureSpec:
    key: str
    label: str
    is_amount: bool = False  # money: converted to 万元
    amount_unit_in_header: bool = False  # 2021 （八）: the header states 万元


@dataclass(frozen=True)
class ItemSpec:
    key: str
    label: str
    prefixes: tuple[str, ...]  # the normalised label starts with one of these (after numbering)


@dataclass(frozen=True)
class ArticleTable:
    """One sub-table of section 二: 第二十条第（X）项."""

    article_item: str
    numeral: str
    measures: tuple[MeasureSpec, ...]
    items: tuple[ItemSpec, ...]


_M: Final = MeasureSpec
_I: Final = ItemSpec
_NEW_2019: Final = (_M("new_made", "本年新制作数量"), _M("new_published", "本年新公开数量"), _M("total_published", "对外公开总数量"))
_STOCK_2019: Final = (_M("previous_items", "上一年项目数量"), _M("change", "本年增/减"), _M("decisions", "处理决定数量"))
_RULES: Final = _I("rules", "规章", ("规章",))
_LICENSING: Final = _I("administrative_licensing", "行政许可", ("行政许可",))
_PENALTY: Final = _I("administrative_penalty", "行政处罚", ("行政处罚",))
_COERCION: Final = _I("administrative_coercion", "行政强制", ("行政强制",))
_FEES: Final = _I("administrative_fees", "行政事业性收费", ("行政事业", "事业性收费"))

PROACTIVE_TABLES: Final[dict[str, tuple[ArticleTable, ...]]] = {
    "2019": (
        ArticleTable("20.1", "一", _NEW_2019, (_RULES, _I("normative_documents", "规范性文件", ("规范性文件", "行政规范性文件")))),
        ArticleTable("20.5", "五", _STOCK_2019,
                     (_LICENSING, _I("other_administrative_services", "其他对外管理服务事项", ("其他对外管理",)))),
        ArticleTable("20.6", "六", _STOCK_2019, (_PENALTY, _COERCION)),
        ArticleTable("20.8", "八", _STOCK_2019[:2], (_FEES,)),
        ArticleTable("20.9", "九", (_M("procurement_items", "采购项目数量"),
                                    _M("procurement_amount", "采购总金额", is_amount=True)),
                     (_I("government_procurement", "政府集中采购", ("政府集中采购", "集中采购")),)),
    ),
    "2021": (
        ArticleTable("20.1", "一", (_M("issued", "本年制发件数"), _M("repealed", "本年废止件数"), _M("in_force", "现行有效件数")),
                     (_RULES, _I("normative_documents", "行政规范性文件", ("行政规范性文件", "规范性文件")))),
        ArticleTable("20.5", "五", (_M("decisions", "本年处理决定数量"),), (_LICENSING,)),
        ArticleTable("20.6", "六", (_M("decisions", "本年处理决定数量"),), (_PENALTY, _COERCION)),
        ArticleTable("20.8", "八", (_M("fee_amount", "本年收费金额（单位：万元）", is_amount=True, amount_unit_in_header=True),),
                     (_FEES,)),
    ),
}
# What each measure's header cell prints, to read the columns' order from the header (in tables of two or
# three measures).
MEASURE_HEADER_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "new_made": ("新制作数量",), "new_published": ("新公开数量",), "total_published": ("公开总数量",),
    "previous_items": ("上一年项目数量",), "change": ("增/减", "增减", "增(减)"), "decisions": ("处理决定数量",),
    "procurement_items": ("采购项目数量",), "procurement_amount": ("采购总金额",),
    "issued": ("制发件数",), "repealed": ("废止件数",), "in_force": ("现行有效件数",), "fee_amount": ("收费金额",),
}
# Template signals in section 二 (FORMAT.md §6), on compact normalised text.
PROACTIVE_2019_CUES: Final = ("本年新制作", "本年新公开", "对外公开总数量", "上一年项目数量", "本年增/减", "本年增减",
                              "其他对外管理服务事项", "政府集中采购", "采购项目数量", "采购总金额")
PROACTIVE_2021_CUES: Final = ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额",
                              "行政规范性文件")
PROACTIVE_HEADER_WORDS: Final = ("信息内容", "本年新", "制作数量", "公开数量")
