"""The words real plans use to name roles, people, deadlines and table columns: one vocabulary.

Label lines (牵头单位：…), clauses and table headers all read these lists, so a word added here is
understood everywhere. The `*_LABELS` strings are regex alternations built from the lists, longest first,
so an alternation never stops at a shorter word.
"""

from __future__ import annotations

import re

LEAD_WORDS = (
    "牵头责任单位", "牵头领导单位", "牵头单位", "牵头部门", "牵头处室", "牵头科室", "主办单位", "主责单位",
)  # fmt: skip
SUPPORT_WORDS = (
    "协同责任单位", "配合责任单位", "配合单位", "配合部门", "配合处室", "配合科室", "协办单位", "协作单位",
    "协同单位", "参与单位", "协助单位",
)  # fmt: skip
RESPONSIBLE_WORDS = (
    "责任（配合）单位", "责任(配合)单位", "责任单位", "责任部门", "责任科室", "责任处室", "责任股室",
    "责任主体", "承办单位", "实施单位", "实施主体", "负责单位", "负责部门", "部门分工", "责任分工",
)  # fmt: skip
DEADLINE_WORDS = (
    "完成时限", "完成时间", "时间节点", "办结时限", "完成期限", "时限要求", "时间要求", "完成时间节点",
)  # fmt: skip
# People, never units: kept as the measure's leaders.
PERSON_WORDS = (
    "牵头负责领导", "包抓责任领导", "分管省领导", "分管市领导", "分管区领导", "分管县领导", "分管副市长",
    "责任领导", "分管领导", "联系领导", "包抓领导", "牵头领导", "责任人", "联系人",
)  # fmt: skip
# Labels whose value is neither a unit nor a deadline (适用范围：…; a scoring bureau column).
IGNORED_WORDS = ("适用范围", "评分部门", "考核部门", "备注")

# Words that only ever head a table column (never a label line).
SEQ_HEADERS = ("序号", "编号", "序", "项目编号")
CHAPTER_HEADERS = ("领域", "类别", "板块", "重点领域", "任务类别", "章节", "方面", "分类", "所属章节", "分块")
TASK_HEADERS = (
    "重点任务",
    "重点工作",
    "任务名称",
    "工作任务",
    "主要任务",
    "任务事项",
    "主要工作",
    "重点项目",
)
TEXT_HEADERS = (
    "具体措施", "任务内容", "工作内容", "具体任务", "年度目标任务", "目标任务", "改革举措", "政策措施",
    "措施内容", "主要措施", "工作措施", "具体内容", "具体要求", "工作要求", "考核内容", "措施",
    "主要目标任务", "目标任务内容",
)  # fmt: skip


def alternation(words: tuple[str, ...]) -> str:
    """Return a regex alternation of `words`, longest first, each escaped."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


LEAD_LABELS = alternation(LEAD_WORDS)
SUPPORT_LABELS = alternation(SUPPORT_WORDS)
RESPONSIBLE_LABELS = alternation(RESPONSIBLE_WORDS)
DEADLINE_LABELS = alternation(DEADLINE_WORDS)
PERSON_LABELS = alternation(PERSON_WORDS)
IGNORED_LABELS = alternation(IGNORED_WORDS)
ALL_LABELS = alternation(
    PERSON_WORDS + LEAD_WORDS + RESPONSIBLE_WORDS + SUPPORT_WORDS + DEADLINE_WORDS + IGNORED_WORDS
)

# Table column kinds and the header words that name them.
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "seq": SEQ_HEADERS,
    "chapter": CHAPTER_HEADERS,
    "task": TASK_HEADERS,
    "text": TEXT_HEADERS,
    "lead": LEAD_WORDS,
    "support": SUPPORT_WORDS,
    "responsible": (*RESPONSIBLE_WORDS, "牵头单位/责任单位"),
    "deadline": (*DEADLINE_WORDS, "时限"),
    "leaders": PERSON_WORDS,
}
