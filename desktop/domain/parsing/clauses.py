"""Responsibility clauses: find them at a measure's end and read units, roles and deadlines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.domain.models import Deadline, UnitRef
from desktop.domain.parsing.deadlines import find_deadlines
from desktop.domain.parsing.units import UNIT_END, is_wildcard, split_units, wildcard_category
from desktop.domain.parsing.vocabulary import (
    ALL_LABELS,
    DEADLINE_LABELS,
    IGNORED_LABELS,
    LEAD_LABELS,
    PERSON_LABELS,
    RESPONSIBLE_LABELS,
    SUPPORT_LABELS,
)
from desktop.domain.terms import Role
from desktop.domain.text import CLOSERS, OPENERS, clean_spaces, fold

_SUPPORT_LABELS = SUPPORT_LABELS + "|配合"  # a bare '配合：' also labels supporting units
_LABEL = re.compile(rf"({ALL_LABELS}|配合)\s*[：]")
_VERB = re.compile(
    r"牵头负责|牵头抓总|牵头(?![部单领：])|按照?职责分工负责|按职责分工落实|按职责负责|分工负责|结合实际落实|"
    r"抓好落实|负责落实|分别牵头|负责|配合|协助|协同|参与|参加|落实|指导"
)
_ROLE_WORDS = re.compile(
    rf"{_LABEL.pattern}|负责|牵头(?![部单])|配合|参与|参加|协办|协助|会同|落实|分工|指导(?!意见|思想|目录|价格|性|下)"
)
_UNIT_START = re.compile(r"^(?:自治区|省|市|区|县|州|盟|旗|国家|国务院|中共|中国|各)")
_GLOBAL_RULE = re.compile(
    r"(?:以下|下列|各项|本方案).{0,20}?(?:均需|均由|均要|需)(.+?)(?:落实|负责|配合)[^。]*?(?:不再|下同)"
)
# '除特别注明的外，各县（市、区）政府和X管委会都是配合单位': every measure's supporting units.
_EXCEPT_RULE = re.compile(
    r"除(?:特别|另有)?(?:注明|说明|标注)(?:的)?(?:外|以外)，?(.+?)(?:都|均)(?:是|为)(?:配合|协同|责任)单位"
)
# A person named with their post, never a unit: '胡海达常务副市长牵头', '副市长张三'.
_POST = r"(?:常务)?副?(?:省长|市长|区长|县长|旗长|州长|盟长|主任|书记|秘书长)"
_OFFICIAL = re.compile(rf"[\u4e00-\u9fff]{{2,3}}{_POST}|{_POST}[\u4e00-\u9fff]{{2,3}}(?:同志)?")
# A bracket naming organs without any role word counts as a clause when each name is this long.
_MIN_BARE_ORGAN = 5
_CONVENTION = re.compile(r"(?:列|排)(?:在)?第一(?:位|个)?的?.{0,8}(?:为|是)牵头")
# A lead rule written as a parenthesis inside or after a unit list: '（列第一位者为牵头或汇总单位，下同）',
# '（除标注“分别牵头”外，列第一位为牵头单位，下同）'. It is a rule, never a unit.
RULE_BRACKET = re.compile(r"[（〔][^（）〔〕]*?(?:第一|首位)[^（）〔〕]*?(?:牵头|汇总)[^（）〔〕]*?[）〕]")


@dataclass
class Clause:
    """What one or more clause strings say about a measure."""

    units: list[UnitRef] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    global_units: list[UnitRef] = field(default_factory=list)  # '以下任务均需…落实，不再一一列出'
    carries_forward: bool = False  # '下同'
    leaders: list[str] = field(default_factory=list)  # 责任领导：… (people, never units)


def _matching_opener(text: str, close_at: int) -> int:
    """Return the index of the bracket that opens the one closing at `close_at` (nesting counted), or -1."""
    depth = 0
    for i in range(close_at, -1, -1):
        ch = text[i]
        if ch in CLOSERS:
            depth += 1
        elif ch in OPENERS:
            depth -= 1
            if depth == 0:
                return i
    return -1


# A bracket holding a date and little else ('（2025年12月底前）', '（2026年6月底前完成）') is a deadline
# clause; a longer one that mentions a date ('（到2025年，全区建成…个示范点）') is the measure's own text.
_DEADLINE_CLAUSE = 16


def looks_like_clause(content: str) -> bool:
    """Return True if a bracket's content names responsible units or a deadline, not measure text."""
    folded = fold(clean_spaces(content))
    if not folded or folded.startswith(("含", "包括", "即", "如", "见", "试行", "暂行", "以下简称", "简称")):
        return False
    if _ROLE_WORDS.search(folded):
        return True
    stripped = re.sub(r"[，；、。]", "", folded)
    if find_deadlines(folded) and len(stripped) <= _DEADLINE_CLAUSE:
        return True
    items = [x for x in re.split(r"[、，；]", folded) if x]
    return bool(items) and bool(_UNIT_START.match(items[0])) and all(UNIT_END.search(x) for x in items)


def _organ_list(content: str) -> bool:
    """Return True for a bracket at a measure's end that only names organs (宁波化工区管委会).

    Only at the end: mid-paragraph, a bracketed name is more often a note (建设新馆（省科技馆）).
    """
    items = [x for x in re.split(r"[、，；]", fold(clean_spaces(content))) if x]
    return bool(items) and all(len(x) >= _MIN_BARE_ORGAN and UNIT_END.search(x) for x in items)


def split_trailing_clauses(text: str) -> tuple[str, list[str]]:
    """Split a measure's text into its body and the bracketed clauses at its end, in reading order."""
    folded = fold(text)
    body_end = len(text)
    clauses: list[str] = []
    while True:
        end = body_end
        while end and folded[end - 1] in "。；，. \u3000":
            end -= 1
        if not end or folded[end - 1] not in CLOSERS:
            break
        start = _matching_opener(folded, end - 1)
        if start < 0:
            break
        content = text[start + 1 : end - 1]
        if not (looks_like_clause(content) or _organ_list(content)):
            break
        clauses.insert(0, content)
        body_end = start
    body = text[:body_end] if clauses else text
    return body.rstrip(" \u3000，；"), clauses


def _matching_closer(text: str, open_at: int) -> int:
    """Return the index of the bracket that closes the one opening at `open_at` (nesting counted), or -1."""
    depth = 0
    for i in range(open_at, len(text)):
        ch = text[i]
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth -= 1
            if depth == 0:
                return i
    return -1


_SENTENCE_END = "。；！？!?;"


def split_clauses(text: str) -> tuple[str, list[str]]:
    """Split a measure's text into its body and every responsibility clause in it, in reading order.

    Besides the clauses at the end, a bracket in mid-paragraph is a clause when its content reads as one
    and it stands at a sentence boundary ('…目录。（A负责）加强…'): the body keeps the sentences around it.
    """
    body, trailing = split_trailing_clauses(text)
    folded = fold(body)
    pieces: list[str] = []
    middle: list[str] = []
    last = i = 0
    while i < len(folded):
        if folded[i] not in OPENERS:
            i += 1
            continue
        j = _matching_closer(folded, i)
        if j < 0:
            break
        before = folded[:i].rstrip()[-1:]
        after = folded[j + 1 :].lstrip()[:1]
        if looks_like_clause(body[i + 1 : j]) and (before in _SENTENCE_END or after in "。；;"):
            pieces.append(body[last:i])
            middle.append(body[i + 1 : j])
            last = j + 1
            if after in "。；;" and before in _SENTENCE_END:
                last = folded.index(after, j + 1) + 1
        i = j + 1
    if middle:
        pieces.append(body[last:])
        body = "".join(pieces).rstrip(" \u3000，；")
    body, inline = _inline_labels(body)
    return body, middle + inline + trailing


# A label written inside a sentence: '农村道路畅通工程，牵头部门：市交通局。建设进度…'.
_INLINE_LABEL = re.compile(
    rf"(?<=[，,；;。])\s*((?:{LEAD_LABELS}|{RESPONSIBLE_LABELS}|{SUPPORT_LABELS})\s*：\s*([^：。；]+?))(?:[。；]|$)"
)


def _inline_labels(body: str) -> tuple[str, list[str]]:
    """Take 'X单位：A、B' out of mid-sentence when A, B read as organs; return the body and the labels.

    Only a label after a comma or sentence end counts, and only when every name it gives ends like an
    organ (局, 委, 办 …) or is a wildcard, so '责任单位：要加强…' prose is never cut.
    """
    labels: list[str] = []
    pieces: list[str] = []
    last = 0
    for match in _INLINE_LABEL.finditer(body):
        items = [x for x in re.split(r"[、，,和及]", match.group(2).strip()) if x]
        if not items or not all(UNIT_END.search(x) or is_wildcard(x) for x in items):
            continue
        labels.append(match.group(1).strip())
        pieces.append(body[last : match.start()])
        last = match.end(1)
    if not labels:
        return body, []
    pieces.append(body[last:])
    return "".join(pieces).replace("，。", "。").strip(" \u3000，"), labels


def has_clause(text: str) -> bool:
    """Return True when `text` holds a responsibility clause anywhere (at its end or mid-paragraph)."""
    return bool(split_clauses(text)[1])


def parse_clause(
    content: str, *, default_year: int | None = None, default_role: Role | None = None
) -> Clause:
    """Read units with their roles, deadlines and global rules from one clause string.

    `default_role` forces the role of units named without a role word (a 牵头单位 table column);
    otherwise the first unit of a list with no named lead leads, by the usual convention.
    """
    clause = Clause()
    text = RULE_BRACKET.sub("", fold(clean_spaces(content))).strip("。；，")
    text = _take_global_rules(text, clause, default_year)
    if re.search(r"[，；]?下同$", text):
        clause.carries_forward = True
        text = re.sub(r"[，；]?下同$", "", text)
    text = _CONVENTION.sub("", text)
    text = _take_deadlines(text, clause, default_year)
    pairs = _labelled(text, clause) if _LABEL.search(text) else _unlabelled(text, default_role)
    clause.leaders.extend(names for _, names in pairs if _OFFICIAL.fullmatch(names.strip("，；、 ")))
    pairs = [(role, names) for role, names in pairs if not _OFFICIAL.fullmatch(names.strip("，；、 "))]
    clause.units = _resolve_roles(pairs)
    return clause


def person_names(value: str) -> list[str]:
    """Return the people a 责任领导/联系人 value names ('金力。', '张三、李四同志')."""
    names = re.split(r"[、，；,;\s]+", value.strip("。；， "))
    return [re.sub(r"(?:同志|等)$", "", n) for n in names if n]


def _take_global_rules(text: str, clause: Clause, default_year: int | None) -> str:
    """Move plan-wide rules ('各地各部门配合…', '除特别注明的外…都是配合单位') into `clause`; return the rest."""
    kept = []
    for sentence in re.split(r"(?<=。)|(?<=；)(?=以下|下列)", text):
        match = _GLOBAL_RULE.search(sentence) or _EXCEPT_RULE.search(sentence)
        if match:
            names = split_units(match.group(1))
            clause.global_units.extend(_ref(n, Role.SUPPORT) for n in names)
        else:
            kept.append(sentence)
    return "".join(kept).strip("。；，")


def global_rule_units(text: str) -> list[UnitRef]:
    """Return units a notice or preamble assigns to every measure ('以下任务均需…落实，不再一一列出')."""
    clause = Clause()
    _take_global_rules(fold(clean_spaces(text)), clause, None)
    return clause.global_units


def _take_deadlines(text: str, clause: Clause, default_year: int | None) -> str:
    """Move the deadlines written in a clause into `clause`, in order; return the clause without them or their label."""
    found = find_deadlines(text, default_year=default_year)
    for item in reversed(found):
        clause.deadlines.insert(0, item.deadline)
        text = text[: item.start] + "，" + text[item.end :]
    text = re.sub(rf"(?:{DEADLINE_LABELS})\s*：\s*[，；]?", "", text)
    return re.sub(r"[，；]{2,}", "，", text).strip("，；。 ")


def _labelled(text: str, clause: Clause) -> list[tuple[str, str]]:
    """Return (role, names) pairs from '牵头单位：X；责任单位：Y' forms; people go to `clause.leaders`."""
    matches = list(_LABEL.finditer(text))
    has_lead = any(re.fullmatch(LEAD_LABELS, m.group(1)) for m in matches)
    pairs: list[tuple[str, str]] = []
    lead_in = text[: matches[0].start()].strip("，；。 ")
    if lead_in:
        pairs.extend(_unlabelled(lead_in, None))
    for i, match in enumerate(matches):
        value = text[match.end() : matches[i + 1].start() if i + 1 < len(matches) else len(text)]
        value = re.split(r"。", value)[0].strip("，；。 ")
        label = match.group(1)
        if re.fullmatch(PERSON_LABELS, label):
            clause.leaders.extend(n for n in person_names(value) if n not in clause.leaders)
            continue
        if re.fullmatch(DEADLINE_LABELS, label) or re.fullmatch(IGNORED_LABELS, label) or not value:
            continue
        if re.fullmatch(LEAD_LABELS, label):
            role = Role.LEAD
        elif re.fullmatch(_SUPPORT_LABELS, label) or has_lead:
            role = Role.SUPPORT
        else:
            role = None
        pairs.extend(_unlabelled(value, role))
    return pairs


def _unlabelled(text: str, forced: Role | None) -> list[tuple[str, str]]:
    """Return (role, names) pairs from 'X牵头，Y配合' / 'X、Y按职责分工负责' sentences."""
    pairs: list[tuple[str, str]] = []
    if "会同" in text:
        head, _, rest = text.partition("会同")
        if head.strip("，；"):
            pairs.append(("lead", head))
            text = rest
    position = 0
    for match in _VERB.finditer(text):
        names = text[position : match.start()]
        position = match.end()
        if not names.strip("，；、 "):
            continue
        verb = match.group(0)
        if forced is not None:
            role = forced.value
        elif "牵头" in verb or names.endswith("为主"):  # 市发改局为主落实: the main (lead) unit
            role = "lead"
        elif verb in ("配合", "协助", "协同", "参与", "结合实际落实"):
            role = "support"
        else:
            role = "responsible"
        pairs.append((role, names))
    rest = text[position:].strip("，；、。 ")
    if rest:
        pairs.append((forced.value if forced else "responsible", rest))
    return pairs


def _ref(name: str, role: Role) -> UnitRef:
    wild = is_wildcard(name)
    return UnitRef(name=name, role=role, wildcard=wild, category=wildcard_category(name) if wild else None)


_STAR = "*＊"
_LEAD_MARKS = "▲△★☆●"  # '▲发改局，财政局': a mark before the name, as a '*' after it, marks the lead


def _star_first(name: str) -> str:
    """Return a name marked before it (▲发改局) as one marked after it (发改局*)."""
    stripped = name.lstrip(_LEAD_MARKS)
    return stripped + "*" if stripped != name and stripped else name


def _resolve_roles(pairs: list[tuple[str, str]]) -> list[UnitRef]:
    """Turn (role word, names) pairs into units, each named once.

    Starred names lead when any name is starred; otherwise the 牵头 names lead, and with none the first unit
    of a list with no role word leads.
    """
    # A '*' after a name marks the lead in tables that list the units in one cell (区财政局*、区发改局).
    split = [(role, [_star_first(n) for n in split_units(names)]) for role, names in pairs]
    starred = any(name[-1:] in _STAR for _, names in split for name in names)
    has_lead = starred or any(role == "lead" for role, _ in pairs)
    units: list[UnitRef] = []
    seen: set[str] = set()
    for role_word, names in split:
        for raw in names:
            name = raw.rstrip(_STAR)
            if name in seen or not name:
                continue
            seen.add(name)
            if starred:
                role = Role.LEAD if raw[-1:] in _STAR else Role.SUPPORT
            elif role_word == "lead":
                role = Role.LEAD
            elif role_word == "support" or has_lead:
                role = Role.SUPPORT
            else:
                role = Role.LEAD
                has_lead = True
            units.append(_ref(name, role))
    return units


def merge_clauses(clauses: list[Clause]) -> Clause:
    """Combine several clauses of one measure (a bracket and label lines) into one."""
    merged = Clause()
    seen: set[str] = set()
    for clause in clauses:
        for unit in clause.units:
            if unit.name not in seen:
                seen.add(unit.name)
                merged.units.append(unit)
        merged.deadlines.extend(d for d in clause.deadlines if d not in merged.deadlines)
        merged.global_units.extend(clause.global_units)
        merged.carries_forward = merged.carries_forward or clause.carries_forward
        merged.leaders.extend(n for n in clause.leaders if n not in merged.leaders)
    return merged
