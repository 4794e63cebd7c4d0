"""Agency resolution: who published a report, and where it sits in China's administrative divisions.

``resolve_agency(name, text)`` takes the agency name the parser extracted and the full report text, and returns
an :class:`AgencyResolution` (dim_agency columns plus ingest issues).

How a name is read
* The name is normalised (NFKC width, whitespace, brackets as （）, traditional → simplified); for identity
  政府 after a division name is spelled 人民政府.
* A chain of division names is matched at its start by longest match (宁波市|镇海区|统计局); each name must lie
  inside the one before it. A system prefix may precede the place (国家税务总局宁波市镇海区税务局). Former names
  (湟中县, from ``data/former_names.csv`` and the hand-written ``data/overrides.csv``) resolve to the current
  division.
* The rest is the agency's part: 人民政府/政府/街道办事处/…管委会 of a zone → ``government`` (department NULL);
  anything else → ``department`` with that part as ``department`` (统计局, 人民政府办公室).
* admin_level is the level of the lowest division resolved; division_code its 6-digit GB/T 2260 code, a township
  carrying its county's code. Names without any division that read as central (国家统计局, 教育部) get
  admin_level ``national`` and no division.

Municipalities and 省直辖县级市
* 北京市/天津市/上海市/重庆市 are provinces here: 北京市统计局 → province 北京市, admin_level province, 110000;
  北京市朝阳区 → province 北京市, prefecture NULL, county 朝阳区, 110105. The 110100 市辖区 grouping of GB/T 2260
  is a statistical bucket, not a government, so it is never used as a prefecture. Likewise 济源市, 仙桃市,
  石河子市 … have prefecture NULL.

Evidence (only when the name does not decide)
* A name shared by several divisions (朝阳区, 城关镇) is settled by the report text: the candidate whose enclosing
  divisions (长春市朝阳区 > 长春市 > 吉林省/长春) appear more strongly than any namesake's wins; a tie → NULL
  with ``agency_division_ambiguous``.
* A name with no place (统计局) is placed from the text: first the name printed with its place (signature,
  title), otherwise the address/footer lines (主办单位, 地址, 编制 …), accepted only at the level the text
  itself claims (区统计局, 我县) because a footer's 主办单位 may be a higher portal. Otherwise NULL with
  ``agency_division_unresolved``. A wrong guess is worse than NULL.

agency_id: see :mod:`ogi.agency.identity` (placed agencies: division key + agency part; unplaced: None).
"""

from ogi.native import use_compiled

use_compiled(__path__)  # the mypyc build of these modules, when it matches them (ogi/native.py)

from ogi.agency.data import DIVISIONS_VINTAGE  # noqa: E402 - after the compiled modules are put on the path
from ogi.agency.model import AgencyResolution  # noqa: E402
from ogi.agency.resolve import resolve_agency  # noqa: E402

__all__ = ["DIVISIONS_VINTAGE", "AgencyResolution", "resolve_agency"]
