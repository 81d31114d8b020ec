"""Task lists as Excel sheets and Word tables: header found by name, merged cells, 无 and 持续推进."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.terms import Role
from desktop.importers import read_plan
from tests.helpers import write_docx, write_xlsx

ZHEJIANG_ROWS = [
    ["附件"],
    ["浙江省人工智能高质量发展工作图谱"],
    ["", "", "", "", "", "", ""],
    ["序号", "领域", "重点任务", "具体措施", "责任单位", "", "完成时限"],
    ["", "", "", "", "牵头单位", "配合单位", ""],
    [
        "1",
        "算力",
        "建设算力基础设施",
        "统筹建设智能算力中心（包括通算中心、智算中心、超算中心）。",
        "省发展改革委",
        "省经信厅、省科技厅",
        "2026年12月",
    ],
    ["2", "", "", "推动模型研发与开源。", "省经信厅、省科技厅按职责分工负责", "省发展改革委", "持续推进"],
    ["3", "数据", "建设高质量数据集", "建设行业高质量数据集。", "省数据局", "无", "2026年6月"],
    ["4", "", "", "强化知识产权保护。", "省市场监管局（省知识产权局）", "省财政厅、省数据局", "2026年12月"],
]


def test_xlsx_task_list(tmp_path: Path) -> None:
    path = write_xlsx(
        ZHEJIANG_ROWS,
        tmp_path / "图谱.xlsx",
        merges=["E4:F4", "B6:B7", "C6:C7", "B8:B9", "C8:C9", "A1:G1", "A2:G2"],
    )
    plan = read_plan(path)
    assert plan.title == "浙江省人工智能高质量发展工作图谱"
    assert [m.label for m in plan.measures] == ["1", "2", "3", "4"]
    assert [m.chapter for m in plan.measures] == ["算力", "算力", "数据", "数据"]
    first, second, third, fourth = plan.measures
    assert first.text.endswith("（包括通算中心、智算中心、超算中心）。")
    assert [(u.name, u.role) for u in first.units] == [
        ("省发展改革委", Role.LEAD),
        ("省经信厅", Role.SUPPORT),
        ("省科技厅", Role.SUPPORT),
    ]
    assert first.deadlines[0].due == "2026-12-31"
    assert [(u.name, u.role) for u in second.units][:2] == [("省经信厅", Role.LEAD), ("省科技厅", Role.LEAD)]
    assert second.deadline == "持续推进" and second.deadlines[0].standing
    assert [u.name for u in third.units] == ["省数据局"]
    assert third.deadlines[0].due == "2026-06-30"
    assert fourth.units[0].name == "省市场监管局（省知识产权局）"


def test_docx_table_with_departments_sentence(tmp_path: Path) -> None:
    rows = [
        ["序号", "任务名称", "任务内容", "责任单位"],
        ["一、数字政府", "一、数字政府", "一、数字政府", "一、数字政府"],
        ["1", "政务云", "推进政务云升级扩容。", "省政务和数据局牵头，省国资委等单位按职责分工负责"],
        [
            "2",
            "金融数据",
            "推动金融数据共享。",
            "人民银行广东省分行牵头，省委金融办，广东金融监管局、中国证监会广东监管局按职责分工负责",
        ],
        ["3", "产业", "发展数字产业集群。", "省发展改革委、商务厅、政务和数据局，省税务局按职责分工负责"],
    ]
    path = write_docx(["数字广东建设2025年工作要点"], tmp_path / "要点.docx", tables=[rows])
    plan = read_plan(path)
    assert plan.title == "数字广东建设2025年工作要点"
    assert [m.chapter for m in plan.measures] == ["数字政府"] * 3
    assert [(u.name, u.role.value) for u in plan.measures[0].units] == [
        ("省政务和数据局", "lead"),
        ("省国资委", "support"),
    ]
    assert [u.name for u in plan.measures[1].units] == [
        "人民银行广东省分行",
        "省委金融办",
        "广东金融监管局",
        "中国证监会广东监管局",
    ]
    assert [(u.name, u.role.value) for u in plan.measures[2].units] == [
        ("省发展改革委", "lead"),
        ("省商务厅", "support"),
        ("省政务和数据局", "support"),
        ("省税务局", "support"),
    ]


def test_word_table_with_an_unnamed_task_column(tmp_path: Path) -> None:
    rows = [
        ["序号", "民生实事", "责任单位", "完成时限"],
        ["1", "新建2座人行天桥。", "县住建局", "9月投入使用"],
        ["2", "启动县图书馆新馆建设。", "县文体广新局、县代建中心", "12月底前"],
        ["3", "城区再新建1个农贸市场。", "县商务局", "12月底前"],
    ]
    path = write_docx(["大竹县2016年民生实事目标任务分解表"], tmp_path / "民生实事.docx", tables=[rows])
    plan = read_plan(path)
    assert [m.text for m in plan.measures] == [r[1] for r in rows[1:]]
    assert [u.name for u in plan.measures[1].units] == ["县文体广新局", "县代建中心"]
    assert plan.measures[1].units[0].role is Role.LEAD
    assert plan.measures[0].deadline == "9月投入使用"


def test_a_leader_column_holds_people_not_units(tmp_path: Path) -> None:
    rows = [
        ["序号", "重点工作", "责任领导", "牵头单位", "配合单位", "完成时限"],
        ["1", "推进园区扩容。", "张三、李四", "县发展改革局", "县自然资源局", "2026年12月底前"],
        ["2", "建设冷链物流中心。", "王五", "县商务局", "无", "持续推进"],
    ]
    plan = read_plan(write_xlsx(rows, tmp_path / "清单.xlsx"))
    assert plan.measures[0].leaders == ("张三", "李四")
    assert [u.name for u in plan.measures[0].units] == ["县发展改革局", "县自然资源局"]
    assert plan.measures[1].leaders == ("王五",) and [u.name for u in plan.measures[1].units] == ["县商务局"]
