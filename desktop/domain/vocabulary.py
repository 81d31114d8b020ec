"""The words real plans use to label roles, people and deadlines, shared by line joining and clause parsing.

Alternatives are written longest first so a regex alternation never stops at a shorter label.
"""

from __future__ import annotations

LEAD_LABELS = "牵头责任单位|牵头领导单位|牵头单位|牵头部门|牵头处室|牵头科室|主办单位|主责单位"
SUPPORT_LABELS = (
    "协同责任单位|配合责任单位|配合单位|配合部门|配合处室|配合科室|协办单位|协作单位|协同单位|"
    "参与单位|协助单位"
)
RESPONSIBLE_LABELS = (
    "责任（配合）单位|责任\\(配合\\)单位|责任单位|责任部门|责任科室|责任处室|责任股室|责任主体|"
    "承办单位|实施单位|实施主体|负责单位|负责部门|部门分工|责任分工"
)
DEADLINE_LABELS = "完成时限|完成时间|时间节点|办结时限|完成期限|时限要求|时间要求|完成时间节点"
# People, never units: kept as the measure's leaders.
PERSON_LABELS = (
    "牵头负责领导|包抓责任领导|分管省领导|分管市领导|分管区领导|分管县领导|分管副市长|责任领导|分管领导|"
    "联系领导|包抓领导|牵头领导|责任人|联系人"
)
# Labels whose value is neither a unit nor a deadline (适用范围：…; a scoring bureau column).
IGNORED_LABELS = "适用范围|评分部门|考核部门|备注"
ALL_LABELS = (
    f"{PERSON_LABELS}|{LEAD_LABELS}|{RESPONSIBLE_LABELS}|{SUPPORT_LABELS}|{DEADLINE_LABELS}|{IGNORED_LABELS}"
)
