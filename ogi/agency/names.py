"""Name normalisation and the split of an agency name's non-place part into kind and department."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Final

import opencc

_SPACE: Final = re.compile(r"\s+")
# 政府 → 人民政府 only right after a division suffix, so 区政府办公室 and 区人民政府办公室 coincide.
_BARE_GOV: Final = re.compile(r"(?<=[省市县区镇乡旗州盟道])(?<!人民)政府")
_TRIM: Final = "　 .,，。:：;；、“”\"'‘’《》<>-—_·"

# Non-place remainders that make the agency the government of its division itself.
GOVERNMENT_SELF: Final = frozenset({"", "人民政府", "政府", "办事处", "街道办事处", "人民政府街道办事处", "公所", "区公所",
                             "行政公署", "行署"})  # 行政公署: the government of a 地区 or 盟
SELF_GOVERNING: Final = ("村民委员会", "居民委员会")  # 村委会, 居委会: self-governing bodies, below the townships
ZONE_WORDS: Final = ("开发区", "园区", "新区", "管理区", "示范区", "高新区", "保税区", "合作区", "试验区", "度假区",
               "风景区", "景区", "风景名胜区", "港区", "新城", "工业区", "实验区")
_ZONE_GOV_SUFFIXES: Final = ("管委会", "管理委员会", "工作委员会", "管理局")


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalise(name: str) -> str:
    """Printed-form normalisation: width, whitespace, brackets, traditional → simplified."""
    s = unicodedata.normalize("NFKC", name)
    s = _SPACE.sub("", s).strip(_TRIM)
    s = s.replace("(", "（").replace(")", "）").replace("[", "〔").replace("]", "〕")
    if not s.isascii():
        s = _t2s().convert(s)
    return s


def canonical(name: str) -> str:
    """Identity form: normalised, with 政府 spelled 人民政府 after a division name."""
    return _BARE_GOV.sub("人民政府", name)


def classify(remainder: str) -> tuple[str, str | None]:
    """(agency_kind, department) for the part of the name after the place."""
    rest = remainder
    if rest in GOVERNMENT_SELF or rest.endswith(SELF_GOVERNING):
        return "government", None
    if rest.endswith(_ZONE_GOV_SUFFIXES) and any(w in rest for w in ZONE_WORDS):
        return "government", None  # 经济技术开发区管理委员会 governs a zone; 国有资产监督管理委员会 does not
    # 人民政府国有资产监督管理委员会 → 国有资产监督管理委员会, but 人民政府办公室 keeps its conventional name.
    for gov in ("人民政府", "政府"):
        if rest.startswith(gov) and not rest.startswith(gov + "办公"):
            rest = rest[len(gov):] or rest
            break
    return "department", rest
