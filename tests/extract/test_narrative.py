"""What section 一 says about the applications (for S4 and S5): only plain statements, each read once."""

from __future__ import annotations

import random
import re

import pytest

from ogi.extract.narrative import narrative_counts, section_six_start, section_two_span
from ogi.text.normalize import normalize_text

BODY = "\n二、主动公开政府信息情况\n第二十条第（一）项\n三、收到和处理政府信息公开申请情况\n"


def _said(section_one: str, tail: str = "") -> dict[str, int]:
    return {c.quantity: c.value for c in narrative_counts(normalize_text("一、总体情况\n" + section_one + BODY + tail))}


@pytest.mark.parametrize(("text", "said"), [
    ("本年度接到群众主动要求公开政府信息的申请4条，上年转结1条，全部按规定进行答复。",
     {"new_received": 4, "carried_over": 1}),
    ("2020年共收到政府信息公开申请12件，其中自然人10件，法人2件。", {"new_received": 12}),
    ("共受理依申请公开事项3件。", {"new_received": 3}),
    ("在2020年期间，共收到涉及数据公开申请案件1件，并按要求及时予以回复。", {"new_received": 1}),
    ("本年度未收到依申请公开。", {"new_received": 0}),
    ("本年度没有收到政府信息公开申请。", {"new_received": 0}),
    ("结转上年度申请2件。", {"carried_over": 2}),
    ("共收到申请4件（其中上年结转1件）。", {"carried_over": 1}),  # the 4 includes last year's: no new_received
    # last year's figure beside this year's, a comparison, or two values: nothing is read
    ("2019年收到申请10件，2020年收到申请15件。", {}),
    ("较上年收到申请增加5件。", {}),
    ("共办理政府信息公开申请12件。", {}),  # 办理 includes the carried-over ones
    ("接到“县长信箱”案件1个。", {}),  # not an application
    # deadlines, other kinds of 申请, parts, totals over years or agencies: nothing is read
    ("自收到政府信息公开申请之日起20个工作日内予以答复。", {}),
    ("本年度收到行政复议申请2件。", {}),
    ("本年度未收到行政复议申请。", {}),
    ("本年度受理行政许可申请1234件。", {}),
    ("本年度共收到政府信息公开申请12件，其中网上受理申请10件。", {"new_received": 12}),
    ("本年度收到网上政府信息公开申请3件、当面申请2件。", {}),
    ("累计收到政府信息公开申请120件，其中本年度收到12件。", {}),
    ("收到政府信息公开申请2件，其中上年结转申请1件。", {"carried_over": 1}),
    ("全区各级行政机关共收到政府信息公开申请230件。", {}),
])
def test_counts_said_in_section_one(text: str, said: dict[str, int]) -> None:
    assert _said(text) == said


def test_a_sentence_about_another_year_is_not_read() -> None:
    text = "一、总体情况\n2020年，本机关收到政府信息公开申请3件；2021年共收到政府信息公开申请5件。" + BODY
    assert {c.quantity: c.value for c in narrative_counts(normalize_text(text), 2021)} == {"new_received": 5}


def test_counts_after_section_one_are_not_read() -> None:
    assert _said("本年度工作平稳。", "本年度共收到政府信息公开申请9件。\n") == {}


def test_whether_section_six_mentions_fees() -> None:
    assert _said("", "六、其他需要报告的事项\n本年度未收取信息处理费。\n")["section_six_mentions_fees"] == 1
    assert _said("", "六、其他需要报告的事项\n无。\n")["section_six_mentions_fees"] == 0
    assert _said("", "六、其他需要报告的事项\n本年度未收取处理费。\n")["section_six_mentions_fees"] == 1
    assert _said("", "六、其他需要报告的事项\n地址：某收费站旁。\n")["section_six_mentions_fees"] == 0
    assert "section_six_mentions_fees" not in _said("")  # no section 六: nothing to say


def test_the_line_and_clause_are_kept_for_the_note() -> None:
    text = "一、总体情况\n工作概述。\n本年度共收到政府信息公开申请12件，均已答复。" + BODY
    [count] = narrative_counts(normalize_text(text))
    assert (count.line_no, count.raw_text) == (3, "本年度共收到政府信息公开申请12件")


def test_section_six_is_found_where_a_heading_pattern_would_find_it() -> None:
    # section_six_start looks at each 六 rather than at each position; it must agree with the anchored pattern.
    heading = re.compile(r"^[ \t]*六[、.]", re.MULTILINE)
    pieces = ["六", "六、", "六.", "\n", " ", "\t", "（六）", "第二十条第(六)项", "其他", "、", ".", "x", "\n六、其他需要报告的事项"]
    rng = random.Random(6)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        found = heading.search(text, start)
        assert section_six_start(text, start) == (found.start() if found else -1), (text, start)


def test_section_two_is_found_where_its_heading_pattern_would_find_it() -> None:
    # section_two_span looks at each of its words rather than at each position; it must agree with the pattern.
    heading = re.compile(r"^[ \t]*(?:二、|二\.|第二部分)|第二十条|主动公开政府信息情况[ \t]*$", re.MULTILINE)
    pieces = ["二", "二、", "二.", "第二部分", "第二十条", "主动公开政府信息情况", "\n", " ", "\t", "（二）", "一、",
              "x", "\n二、主动公开政府信息情况\n", "第二十条第(一)项"]
    rng = random.Random(2)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        start = rng.choice([0, rng.randint(0, len(text)), text.rfind("\n", 0, rng.randint(0, len(text))) + 1])
        found = heading.search(text, start)
        assert section_two_span(text, start) == ((found.start(), found.end()) if found else (-1, -1)), (text, start)
