"""The words real plans use to label roles and deadlines, shared by line joining and clause parsing."""

from __future__ import annotations

LEAD_LABELS = "牵头单位|牵头部门|主办单位|牵头领导单位"
SUPPORT_LABELS = "配合单位|配合部门|协办单位|协作单位|参与单位|协助单位"
RESPONSIBLE_LABELS = "责任（配合）单位|责任\\(配合\\)单位|责任单位|责任部门|责任主体|承办单位|实施单位"
DEADLINE_LABELS = "完成时限|完成时间|时间节点|办结时限|完成期限"
ALL_LABELS = f"{LEAD_LABELS}|{RESPONSIBLE_LABELS}|{SUPPORT_LABELS}|{DEADLINE_LABELS}"
