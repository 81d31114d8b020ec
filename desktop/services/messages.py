"""The message table for known failures, shared by the window and the command line (Simplified Chinese)."""

from __future__ import annotations

from desktop.domain.errors import ErrorCode, LuoshiError

_DB_KINDS = {
    "locked": "数据库正被另一个程序使用。请关闭其他落实窗口后重试。",
    "readonly": "数据库文件是只读的。请检查文件权限或换一个可写的位置。",
    "io": "读写数据库时磁盘出错。请检查磁盘后重试。",
    "full": "磁盘已满，无法保存。请清理磁盘空间后重试。",
    "corrupt": "数据库文件已损坏或不是落实的数据库。请从备份恢复。",
    "cannot_open": "无法打开数据库文件。请检查路径和权限。",
}

ERRORS: dict[ErrorCode, str] = {
    ErrorCode.FILE_NOT_FOUND: "找不到文件“{path}”。请检查文件名和路径。",
    ErrorCode.FILE_UNREADABLE: "无法读取文件“{path}”（{reason}）。请确认文件未被占用且有读取权限。",
    ErrorCode.FILE_EMPTY: "文件“{path}”是空的。请确认选择了正确的文件。",
    ErrorCode.FILE_TOO_LARGE: "文件“{path}”太大，不像是一份方案。请确认选择了正确的文件。",
    ErrorCode.UNSUPPORTED_FORMAT: "不支持文件“{path}”的格式。请使用 Word（.docx/.doc/.wps）、PDF、OFD、Excel（.xlsx/.xls/.et）、图片或 .txt 文件。",
    ErrorCode.LEGACY_OFFICE: "文件“{path}”是本程序读不了的格式（{suffix}，如 RTF 或演示文稿）。请在 Word 或 WPS 中“另存为” .docx 或 PDF 后再导入。",
    ErrorCode.BAD_COLUMNS: (
        "列的指定“{spec}”有误：每项写成“角色=列号”，列号从 1 数到 {width}，角色可用 序号、任务、牵头单位、"
        "责任单位、配合单位、完成时限、责任领导、忽略，并且必须指定“任务”列。例如：任务=2,牵头单位=3。"
    ),
    ErrorCode.BAD_NUMBERING: "编号“{numbering}”不在可选之列。请从 {choices} 中选一种。",
    ErrorCode.NO_GRID: "文件“{path}”中没有找到表格，无法按列指定。请改用 --numbering 指定措施的编号方式。",
    ErrorCode.NO_TEXT_IN_SCAN: (
        "文件“{path}”是图片或扫描件，但没有识别出任何文字。请确认图片清晰、方向正确（没有倒置或横放），"
        "或向发文单位索取 Word、PDF 文字版。"
    ),
    ErrorCode.OCR_FAILED: (
        "识别扫描件“{path}”时，文字识别（OCR）组件意外退出（{reason}），方案没有导入，数据未做任何改动。"
        "请关闭其他程序后重试；如仍失败，可把扫描件分成几份分别导入，或向发文单位索取 Word、PDF 文字版。"
    ),
    ErrorCode.OLD_VERSION: (
        "文件“{path}”是 {version} 格式，是 1997 年以前的老版本，本程序读不了。"
        "请在 Word、Excel 或 WPS 中打开它，“另存为” .docx 或 .xlsx 后再导入。"
    ),
    ErrorCode.ENCRYPTED: "文件“{path}”设置了密码或已加密。请在 Word/WPS 中取消密码保护后另存，再导入。",
    ErrorCode.CORRUPT: "文件“{path}”已损坏或不完整，无法打开。请重新下载或向发文单位索取原文件。",
    ErrorCode.ZIP_BOMB: "文件“{path}”解压后异常巨大，可能是恶意文件，已拒绝打开。请向发文单位核实文件来源。",
    ErrorCode.UNSAFE_XML: "文件“{path}”含有不安全的内部结构（外部实体或实体扩展），已拒绝打开。请向发文单位核实文件来源。",
    ErrorCode.BINARY: "文件“{path}”不是文本文件。请选择方案的 Word、PDF、Excel 或文本文件。",
    ErrorCode.ENCODING: "无法识别文件“{path}”的文字编码。请用记事本或 WPS 打开后另存为 UTF-8 编码再导入。",
    ErrorCode.SCANNED_PDF: (
        "文件“{path}”是扫描件（没有文字层），需要文字识别（OCR）组件才能读取，本机的落实没有安装它。"
        "请把文字识别组件（luoshi-ocr 压缩包）解压到落实所在的文件夹，或向发文单位索取 Word 版或可复制文字的 PDF。"
    ),
    ErrorCode.NO_MEASURES: "文件“{path}”中没有找到编号的任务措施（如“1.……（××负责）”）。请确认这是实施方案或任务清单。",
    ErrorCode.NO_TASK_TABLE: "表格“{path}”中没有找到任务清单的表头（如“序号、重点任务、牵头单位、完成时限”）。请检查表头名称。",
    ErrorCode.DB_NEWER: "数据库“{path}”由更新版本的落实创建（版本 {found}，本程序支持 {supported}）。请升级落实后再打开，数据未做任何改动。",
    ErrorCode.UNIT_UNKNOWN: "单位目录中没有“{name}”。请先用 luoshi units 查看单位名称。",
    ErrorCode.NO_PLAN: "数据库中还没有方案。请先导入方案文件。",
    ErrorCode.BAD_PERIOD: "“{value}”不是报送周期。请写成 2026-03（月）、2026Q1（季度）、2026H1（半年）或 2026（年度）。",
    ErrorCode.BAD_STATUS: "“{value}”不是完成状态。请使用：未启动、推进中、已完成、滞后、持续推进。",
    ErrorCode.MEASURE_UNKNOWN: "找不到措施“{value}”{where}。请写方案中的编号（如 3、（一）、1（1）），或写 #序号（如 #12）。{reason}",
    ErrorCode.MEASURE_AMBIGUOUS: "编号“{value}”对应不止一项措施，没有写入任何内容。请改写为其中一项的 #序号：{reason}。",
    ErrorCode.NO_DOC_NUMBER: "加版头需要发文字号，否则版头中会留下空行。请填写发文字号（命令行：--number），或不加版头。",
    ErrorCode.PLAN_UNKNOWN: "找不到方案“{value}”。请写方案编号或发文字号（命令行 luoshi plans 可列出全部方案）。{reason}",
    ErrorCode.ATTACHMENT: "无法添加佐证材料“{path}”：{reason}。请检查文件后重试。",
    ErrorCode.TARGET_LOCKED: (
        "文件“{path}”正在被 Word、WPS 或其他程序打开，无法覆盖。请先关闭该文件，或另存为“{suggestion}”。"
    ),
    ErrorCode.EXPORT_FAILED: "无法写入文件“{path}”：{reason}。原文件（如有）保持不变。",
    ErrorCode.NOTHING_TO_EXPORT: "没有可导出的措施：{reason}。请先在“设置”中选择本单位，或改选“全部本单位任务”。",
    ErrorCode.NOT_DOCX: "文件“{path}”不是 Word（.docx）文件，无法进行格式检查。请在 Word 或 WPS 中另存为 .docx 后再检查。",
    ErrorCode.NOT_A_RETURN: (
        "文件“{path}”不是工作台账：没有找到含“序号”“进展情况”等列名的表头（任务清单和汇总台账不能作为回执导入）。"
        "请确认选择的是各单位报送的台账。"
    ),
    ErrorCode.WRONG_UNIT: (
        "回执“{path}”的填报单位“{value}”不是本方案的责任单位，未导入。"
        "请核对填报单位名称；如是同一单位的不同写法，请先在“单位目录”中合并。"
    ),
    ErrorCode.PERIOD_MISMATCH: "回执“{path}”填报的是“{value}”，与正在汇总的“{name}”不一致，未导入。请让该单位重新导出本期台账。",
    ErrorCode.PLAN_MISMATCH: "回执“{path}”对应的方案与本库中的方案不一致（{reason}），未导入。请确认该单位使用的是本方案的任务清单。",
    ErrorCode.UNIT_MISSING: "回执“{path}”没有写明填报单位，无法判断是哪个单位报送的，未导入。请在表头“填报单位：”后填写单位名称后再导入。",
    ErrorCode.RETURN_DECLINED: "“{value}”本期已报送过一次，本次回执“{path}”未替换原回执（已取消）。",
    ErrorCode.NEEDS_PLAN: "数据库中有多个方案，请指定是哪一个方案（命令行：--plan 方案编号或发文字号）：{reason}。",
    ErrorCode.REVISION_UNKNOWN: "找不到这一期进展的历史版本 {value}（可能属于另一项措施或另一期）。请在“历史版本”中重新选择。",
    ErrorCode.NO_UNIT: "尚未设置本单位。请先在“设置 → 本单位与报送周期”中选择本单位（命令行：luoshi profile set --unit 单位名称）。",
    ErrorCode.WRONG_SUFFIX: "不能写入“{path}”：这类文件的扩展名应为 {suffix}，而不是 {value}。请把文件名改为以 {suffix} 结尾。",
    ErrorCode.NOT_CATEGORY_TASK: "措施“{value}”不是按通配类别（如“各行业主管部门”）分配给本单位的任务，无需确认。",
    ErrorCode.BAD_SPLIT: "无法在第 {value} 个字处拆分措施“{name}”：拆分位置须在 1 到 {reason} 之间。请重新选择位置。",
    ErrorCode.TITLE_TOO_LONG: "任务简称有 {value} 个字，最多 {limit} 个字。请写成一句短语，如“清理规范招商引资违规政策”。",
    ErrorCode.NO_PDF_CONVERTER: (
        "本机没有安装 WPS、Microsoft Office 或 LibreOffice，无法生成“{path}”的 PDF 副本（原文件已保存）。"
        "如需 PDF，请在装有 WPS 或 Word 的电脑上打开该文件，选择“输出为 PDF”或“另存为 PDF”。"
    ),
    ErrorCode.PDF_BY_HAND: (
        "本机的 WPS（Linux 版）不能由其他程序调用来生成 PDF，“{path}”的 PDF 副本未生成（原文件已保存）。"
        "请在 WPS 中打开该文件，选择“输出为 PDF”；或安装 LibreOffice 后再试。"
    ),
    ErrorCode.PDF_FAILED: (
        "{value} 未能生成 PDF 副本“{path}”（程序出错或超时），原文件已保存，不受影响。"
        "请用 WPS 或 Word 打开原文件，选择“输出为 PDF”；若 PDF 副本正打开着，请先关闭它再试。"
    ),
    ErrorCode.NO_NEXT_MEASURE: "措施“{value}”已是本方案最后一项，没有可以合并的下一项。",
}

_ATTACHMENT_REASONS = {
    "too_large": "文件超过 200 MB",
    "io": "读写文件出错",
}

# Reasons given as codes with parameters by the services, in words.
_REASONS: dict[tuple[ErrorCode, str], str] = {
    (ErrorCode.NOTHING_TO_EXPORT, "no_plan"): "数据库中没有方案",
    (ErrorCode.NOTHING_TO_EXPORT, "no_unit"): "尚未设置本单位",
    (ErrorCode.NOTHING_TO_EXPORT, "scope_empty"): "本单位在“{scope}”范围内没有任务",
    (ErrorCode.NOTHING_TO_EXPORT, "unit_has_none"): "“{unit}”在本方案中没有任务",
    (ErrorCode.NOTHING_TO_EXPORT, "plan_empty"): "方案没有措施",
    (
        ErrorCode.NOTHING_TO_EXPORT,
        "all_unfilled",
    ): "本期还没有填写任何进展，而报告设为不列入未填写的任务（可勾选“未填写进展的任务列为‘暂无进展’”）",
    (ErrorCode.PLAN_MISMATCH, "titles"): "回执为《{titles}》",
    (ErrorCode.PLAN_MISMATCH, "rows"): "{rows} 行中只有 {matched} 行能与本方案的措施对应",
}
SCOPE_WORDS = {"lead": "本单位牵头的任务", "mine": "全部本单位任务", "all": "方案全部任务"}

_EXPORT_REASONS = {
    "full": "磁盘已满，请清理磁盘空间或换一个位置保存",
    "denied": "没有写入权限（文件夹只读或受保护），请换一个位置保存",
    "io": "磁盘读写出错，请换一个位置保存",
}


def _too_large(error: LuoshiError) -> str:
    """Say how large the file is against which limit (size, or pages of a PDF)."""
    given = error.params
    if "limit_mb" in given:
        size = f"{given['size_mb']} MB" if int(given.get("size_mb", 0)) else "不足 1 MB"
        limit = f"，超过了上限 {given['limit_mb']} MB"
        return f"文件“{error.path}”太大（{size}{limit}），不像是一份方案。请确认选择了正确的文件。"
    if "limit_pages" in given:
        return (
            f"PDF 文件“{error.path}”有 {given['pages']} 页，超过了上限 {given['limit_pages']} 页，"
            "不像是一份方案。请确认选择了正确的文件。"
        )
    return f"文件“{error.path}”太大，读取时内存不足。请确认选择了正确的文件，或关闭其他程序后重试。"


# The office server (ErrorCode.NETWORK), by kind: what went wrong and what to do.
_NETWORK_KINDS = {
    "down": "连不上协调单位的服务器（{where}）。已填写的内容都保存在本机；报送已放入待发送，服务器恢复后会自动发送。"
    "如长时间连不上，请检查网络或联系协调单位。",
    "login": "服务器（{where}）不接受本单位的登录：密码不正确，或协调单位已撤销本单位的接入。"
    "请向协调单位索取新的接入文件，再在“设置 → 联网报送”中导入。",
    "refused": "服务器（{where}）拒绝了这项操作：本单位只能报送和查看本单位的内容。如确有需要，请联系协调单位。",
    "no_schema": "服务器（{where}）上还没有落实的数据库。请协调单位先运行“luoshi office init”。",
    "server_newer": "服务器（{where}）的数据库版本（{found}）比本程序（{supported}）新，未读写任何内容。"
    "请升级落实后再联网。",
    "server_older": "服务器（{where}）的数据库版本（{found}）比本程序（{supported}）旧，未读写任何内容。"
    "请协调单位运行“luoshi office init”升级服务器。",
    "not_connected": "本机尚未联网报送。请在“设置 → 联网报送”中导入协调单位发来的接入文件（命令行：luoshi connect 文件）。",
    "no_office": "本机还不是协调单位的服务器端。请先运行“luoshi office init --dsn 连接串”。",
    "bad_dsn": "连接串无法识别：{value}。格式如：host=10.0.0.5 dbname=luoshi user=office。",
    "bad_access_file": "“{path}”不是落实的接入文件（应为协调单位生成的 .json 文件）。请向协调单位重新索取。",
    "unit_mismatch": "接入文件写的是“{value}”，服务器上这个账号属于“{name}”，未导入。请向协调单位核对。",
    "unit_exists": "“{value}”已有接入账号。如需重发接入文件，请先撤销（luoshi office remove-unit）再添加。",
    "unit_not_found": "服务器上没有“{value}”的接入账号。可用“luoshi office units”查看已添加的单位。",
    "receipt_mismatch": "服务器上编号为 {value} 的报送与本机内容不一致，未作修改。请联系协调单位。",
}


def error_text(error: LuoshiError) -> str:
    """Return the Chinese message for a known failure."""
    if error.code is ErrorCode.NETWORK:
        kind = str(error.params.get("kind", "down"))
        values = {"where": "", "found": "", "supported": "", "value": "", "name": "", "path": error.path}
        values.update({k: str(v) for k, v in error.params.items()})
        return _NETWORK_KINDS.get(kind, _NETWORK_KINDS["down"]).format(**values)
    if error.code is ErrorCode.DB_ERROR:
        kind = str(error.params.get("kind", "io"))
        return f"数据库“{error.path}”：{_DB_KINDS.get(kind, _DB_KINDS['io'])}"
    template = ERRORS.get(error.code, "无法完成操作：{path}")
    params = {
        "path": error.path,
        "reason": "",
        "suffix": "",
        "name": "",
        "found": "",
        "supported": "",
        "value": "",
        "suggestion": "",
    }
    params.update({k: str(v) for k, v in error.params.items()})
    reason = _REASONS.get((error.code, params["reason"]))
    if reason is not None:
        given = error.params
        params["reason"] = reason.format(
            scope=SCOPE_WORDS.get(str(given.get("scope", "mine")), SCOPE_WORDS["mine"]),
            unit=given.get("unit", ""),
            titles="》《".join(given.get("titles", [])),
            rows=given.get("rows", ""),
            matched=given.get("matched", ""),
        )
    if error.code in (ErrorCode.NEEDS_PLAN, ErrorCode.MEASURE_AMBIGUOUS):
        params["reason"] = "；".join(error.params.get("plans", error.params.get("candidates", [])))
    if error.code in (ErrorCode.PLAN_UNKNOWN, ErrorCode.MEASURE_UNKNOWN):
        listed = error.params.get("plans", error.params.get("candidates", []))
        params["reason"] = ("现有：" + "；".join(listed) + "。") if listed else ""
        params.setdefault("where", "")
    if error.code is ErrorCode.ATTACHMENT:
        params["reason"] = _ATTACHMENT_REASONS.get(params["reason"], params["reason"])
    if error.code is ErrorCode.FILE_TOO_LARGE:
        return _too_large(error)
    if error.code is ErrorCode.EXPORT_FAILED:
        params["reason"] = _EXPORT_REASONS.get(params["reason"], params["reason"])
    return template.format(**params)


# Words the services put into the files and lists they return, as templates the service fills in.
TEXTS = {
    "office_unnamed": "（协调单位）",  # the office's name before its set-up
    "reminder_title": "催报名单（{period}）",
    "candidate": "#{seq}（编号{label}）{text}",  # a measure a reference could mean
    "in_plan": "（方案{plan}中）",
    "row_unmatched": "第{row}行（序号 {label}）与本方案的措施对应不上，未导入",
    "no_label": "空",
    "status_unknown": "第{row}行完成状态“{status}”无法识别，未记录状态",
    "other_chapter": "其他任务",  # the heading of measures outside any chapter
    "tasklist_title": "《{title}》重点任务分解清单",
    "tasklist_unit": "（{unit}）",
    "tasklist_subtitle": "依据：《{title}》{number}　　　　版本：第{version}版　　　　下发时间：{date}",
    "tasklist_sheet": "任务清单",
    "server_return_name": "联网报送：{unit}（{time}）",
}


def text(key: str, **params: object) -> str:
    """Return the words `key` names, filled with `params`."""
    return TEXTS[key].format(**params)
