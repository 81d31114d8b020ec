"""The CLI's message table: every user-visible string of the command line, in Simplified Chinese."""

from __future__ import annotations

from desktop.services.messages import error_text

__all__ = ["TEXT", "error_text"]

TEXT = {
    "report_written": "已生成报告“{path}”：{period}，{count} 项任务。",
    "ledger_written": "已导出台账“{path}”：{period}，{count} 行。",
    "check_passed": "格式检查通过：未发现不符合 GB/T 9704-2012 的地方。",
    "check_failed": "格式检查发现 {count} 类问题，请按上面的修改方法逐项修改。",
    "check_not_rendered": "（未安装 LibreOffice，只检查了文件中的格式设置，未测量实际排版效果。）",
    "check_render_skipped": "（按要求只检查了文件中的格式设置，未测量实际排版效果。）",
    "imported": "已导入《{title}》：{count} 项措施（第 {version} 版）。",
    "unchanged": "《{title}》的这个文件此前已导入（第 {version} 版），数据库未改动。",
    "parsed": "《{title}》{doc_number}：{count} 项措施，{chapters} 个部分。",
    "no_measures_for_unit": "没有分配给“{unit}”的措施。",
    "merged": "已将“{alias}”合并为“{into}”的别名。",
    "profile": "本单位：{unit}；所属类别：{categories}",
    "categories": "方案中出现的通配类别：{categories}（用 --category 指定本单位所属类别）",
    "profile_none": "尚未设置本单位。请用 luoshi profile set --unit 单位名称 设置。",
    "none": "无",
    "lead": "牵头",
    "support": "配合",
    "via_wildcard": "（通配，需确认）",
    "wildcard": "通配类别",
    "deadline": "完成时限",
    "progress": "进展情况",
    "problems": "存在问题",
    "next_steps": "下步计划",
    "status": "完成状态",
    "percent": "完成比例",
    "note_saved": "已保存措施 {label}（{period}）的进展。",
    "copied": "提示：{field}与上期内容相同（照抄上期），请按本期实际情况修改。",
    "attached": "已将“{name}”作为 {label}（{period}）的佐证材料。",
    "no_note": "本期尚未填写。",
    "previous": "上期（{period}）：",
    "attachment": "佐证材料",
    "due": "报送截止",
    "filled": "已填 {filled}/{total}",
    "no_hits": "没有找到。",
    "rhythm_set": "报送周期：{rhythm}",
    "bug": "程序出现意外错误，请把以下信息发给技术支持：{detail}",
}
