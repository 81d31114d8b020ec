"""Unit names: normalisation, wildcards and their categories, list splitting, shared prefixes."""

from __future__ import annotations

import re

from desktop.domain.text import clean_spaces, fold, fold_width

# Words that close a clause or a list and are never part of a unit's name.
_TRAILING_WORDS = re.compile(
    r"(?:牵头负责|牵头抓总|按职责分工负责|按职责分工落实|按照职责分工负责|按职责负责|分工负责|结合实际落实|"
    r"抓好落实|负责落实|为主落实|牵头|负责|配合|参与|协助|协同|落实|分别|为主|等单位|等部门|等)+$"
)
_LEADING_WORDS = re.compile(r"^(?:由|请|会同|和|及|以及|并)")
_LEVEL_PREFIX = re.compile(
    r"^(?:自治区党委|自治区|省委|省(?!份)|市委|市(?![场民])|区委|区(?![域块])|县委|县(?!域)|旗委|旗|盟委|盟|州委|州)"
)
_PROVINCES = [
    "北京",
    "天津",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "上海",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "重庆",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
    "台湾",
    "兵团",
]
_NO_PREFIX = re.compile(
    rf"^(?:{'|'.join(_PROVINCES)}|中国|中共|中央|国家|国务院|人民银行|海关|武警|全国)"
    r"|海关$|[^\s]{2,5}[市县旗盟州](?:人民政府|政府|行政公署|委员会|中级人民法院|人民检察院|海关|税务局|分行)"
    r"|^[\u4e00-\u9fff]{2,}(?:经开区|高新区|开发区|新区|园区|试验区|保税区|综保区)"  # a named zone: 滁州经开区
    # a named place's own department (呼和浩特市教育局 after 自治区教育厅): never 自治区呼和浩特市…
    r"|^[\u4e00-\u9fff]{2,4}[市县旗盟州](?!场)[\u4e00-\u9fff]{2,}"
)
_SCOPE = (
    "国务院|中央|自治区直|自治区|省直|省级|市直|市级|区直|区级|县直|县级|旗直|盟直|州直|省|市|区|县|旗|盟|州"
)
_WILDCARD = re.compile(
    rf"^(?:{_SCOPE})?(?:(?:人民)?政府各|各|全)"
    r"|有关|相关|所属|各级|主管部门$|牵头部门$|执法部门$|成员单位$|^各?地区$|^各地$"
)
_LOCAL_GOVERNMENT = re.compile(
    r"政府|公署|盟市|旗县|县区|区县|市县|县市|地区|各地|管委|地级以上市|县级市|各区|各县|各市|乡镇|街道|盟"
)
_WILDCARD_STRIP = re.compile(rf"^(?:{_SCOPE})?(?:(?:人民)?政府)?(?:各有关|各相关|有关|相关|各)?")
_GENERIC = {"", "部门", "单位", "部门单位", "部门和单位", "部门、单位", "委办厅局", "委、办、厅、局", "地方"}
# An item that only makes sense as the tail of the wildcard before it (各区、县级市; 有关部门、单位).
_GENERIC_TAIL = re.compile(
    r"^(?:市|县|区|旗|盟|州|县级市|旗县|区市|县区|县市区|市县|开发区|园区|高新区|乡镇|街道|单位|部门|企业)"
    r"(?:（[^）]*）)?(?:人民政府|政府|行政公署|管委会|管委|单位|部门)?$"
)
# How the name of an organ ends (厅, 局, 委 …, 中心, 管委会, 残联): used to tell a unit list from other text.
UNIT_END = re.compile(
    r"(?:厅|局|委|办|院|部|署|会|中心|政府|公署|行|室|处|所|队|团|社|站|馆|组|司|海关|集团|公司|单位|部门|"
    r"科|股|镇|街道|乡|管委|指挥部|联|协|台|机关|机构|学校|大学|医院|企业|国企|党委|党组|工委|人大|政协|"
    r"开发区|新区|园区|经济区|高新区)$"
)
_AND_JOIN = re.compile(
    rf"(?<=[厅局委办院部署会室])和(?=各|有关|相关|省|自治区|国家|市(?!场)|{'|'.join(_PROVINCES)})"
)
# Two organs joined by 和 are split only when each half is at least this long (经济投资局和航空口岸局).
_MIN_JOINED_NAME = 4
# A unit a cell lists on a line of its own is at least this long (县局 is not a name; 门 is a wrap).
_MIN_LISTED_NAME = 3
_NOTE = re.compile(r"[（(][^（()）]*[）)]$")  # 市建设局（市规划局）: a name's note
_LIST_END = re.compile(r"等(?:有关|相关)?(?:部门|单位)?$")  # 市税务局等 / 等有关部门 closes a list
_ET_AL = re.compile(r"等((?:[^、，]*?)(?:部门|单位|机构)(?:、?单位)?)$")


def normalize_unit_name(name: str) -> str:
    """Return the canonical spelling of a unit name (width, brackets, role words stripped)."""
    name = fold(fold_width(clean_spaces(name))).replace(" ", "")
    name = name.strip("，、；：。 ")
    name = name.rsplit("：", 1)[-1]  # a label's remains ('部门：X') never prefix a unit
    previous = None
    while previous != name:
        previous = name
        name = _TRAILING_WORDS.sub("", name).strip("，、；：。 ")
        name = _LEADING_WORDS.sub("", name)
    return name


def is_wildcard(name: str) -> bool:
    """Return True for a unit named by category (各行业主管部门, 有关部门, 各盟市人民政府 …)."""
    return bool(_WILDCARD.search(name))


def wildcard_category(name: str) -> str:
    """Return the category key a wildcard stands for (行业主管部门, 地方人民政府, 有关部门 …)."""
    rest = _WILDCARD_STRIP.sub("", name)
    if _LOCAL_GOVERNMENT.search(name) and not rest.endswith("部门"):
        return "地方人民政府"
    rest = re.sub(r"^(?:各有关|各相关|有关|相关|各)", "", rest)
    if rest in _GENERIC:
        return "有关部门"
    return rest


def level_prefix(name: str) -> str:
    """Return the administrative-level prefix a name starts with (自治区, 省, 市委 …), or ''."""
    match = _LEVEL_PREFIX.match(name)
    return match.group(0) if match else ""


def _takes_prefix(name: str) -> bool:
    return not (level_prefix(name) or is_wildcard(name) or _NO_PREFIX.search(name))


def split_balanced(text: str, separators: str) -> list[str]:
    """Split `text` on any of `separators` that stands outside brackets."""
    parts: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in "（〔":
            depth += 1
        elif ch in "）〕":
            depth = max(0, depth - 1)
        elif ch in separators and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p for p in (x.strip() for x in parts) if p]


def _split_and(item: str) -> list[str]:
    """Split '市政府办公室和各县区' and '经济投资局和航空口岸局' joins.

    Never inside names such as 工业和信息化厅 or 住房和城乡建设局, whose part before 和 is no organ's name.
    """
    parts = [p for p in _AND_JOIN.split(item) if p]
    out: list[str] = []
    for part in parts:
        halves = part.split("和")
        if len(halves) == 2 and all(len(h) >= _MIN_JOINED_NAME and UNIT_END.search(h) for h in halves):
            out.extend(halves)
        else:
            out.append(part)
    return out


def split_units(text: str) -> list[str]:
    """Split a list of units into normalised names, distributing a shared level prefix.

    A full-width comma or 及 resets the shared prefix; 顿号 items that only make sense as the
    tail of the wildcard before them are kept with it; '等有关部门' becomes a wildcard.
    """
    names: list[str] = []
    # 'X、Y等和各省级人民政府': 等 closes the named list and the wildcard after 和 is a unit of its own.
    text = re.sub(r"等(?:和|及|以及|与)", "，", fold(text))
    for group in split_balanced(text, "，；"):
        for subgroup in re.split(r"以及|及(?!时)", group):
            names.extend(_split_group(subgroup))
    seen: set[str] = set()
    unique = []
    for name in names:
        if name and name not in seen and name not in _GENERIC:
            seen.add(name)
            unique.append(name)
    return unique


def names_organs(text: str, *, min_length: int = 1) -> bool:
    """Return True when every item of a list names an organ (区发改局、区财政局; 各科室; 市税务局等).

    Items are split outside brackets; a name's bracketed note, a closing 等/等部门 and a lead's * are
    set aside. With `min_length`, each name must be that long (门、单位 is a wrapped line, not a list).
    """
    items = [_LIST_END.sub("", _NOTE.sub("", x)) for x in split_balanced(fold(text), "、，,；; \t\n")]
    return bool(items) and all(
        len(x) >= min_length and (UNIT_END.search(x.rstrip("*＊")) or is_wildcard(x)) for x in items
    )


def separate_listed_units(cell: str) -> str:
    """Put 、 between units a table cell lists one per line or with spaces ('县水务局↵县住建局').

    Only when every line or spaced part reads as an organ (its ending, or a wildcard); otherwise the
    line breaks are a long name wrapped over lines and are taken out.
    """
    parts = [p.strip("，、；,; ") for p in cell.split()]
    parts = [p for p in parts if p]
    if len(parts) > 1 and all(names_organs(p, min_length=_MIN_LISTED_NAME) for p in parts):
        return "、".join(parts)
    if "\n" in cell:  # one name wrapped by hand: 内蒙古自治区住房↵和城乡建设厅
        return "".join(line.strip() for line in cell.splitlines())
    return cell


def _split_group(group: str) -> list[str]:
    """Split one list of organs ('市发改委、市财政局等有关部门').

    Items are cut at 、 and 和, shared prefixes restored, and a trailing '等…部门' kept as a wildcard.
    """
    tail_wildcard = ""
    group = group.strip()
    group = _TRAILING_WORDS.sub("", group) if not _ET_AL.search(group) else group
    et_al = _ET_AL.search(group)
    if et_al:
        tail = et_al.group(1)
        if is_wildcard(tail) or tail.startswith(("国务院", "省", "市", "区", "县", "自治区")):
            tail_wildcard = normalize_unit_name(tail if is_wildcard(tail) else "有关" + tail)
        group = group[: et_al.start()]
    raw: list[str] = []
    for item in split_balanced(group, "、"):
        raw.extend(_split_and(item))
    items = [normalize_unit_name(x) for x in raw]
    merged: list[str] = []
    for item in items:
        if merged and is_wildcard(merged[-1]) and _GENERIC_TAIL.match(item):
            merged[-1] = f"{merged[-1]}、{item}"
        elif item:
            merged.append(item)
    prefix = level_prefix(merged[0]) if merged else ""
    out = []
    for i, item in enumerate(merged):
        if i and prefix and _takes_prefix(item):
            item = prefix + item
        out.append(item)
    if tail_wildcard:
        out.append(tail_wildcard)
    return out
