"""Windows-only behaviour, tested here on Linux: the paths and look-ups are computed with PureWindowsPath
and an injected registry, the way they are on a clerk's Windows PC (a user folder with a Chinese name,
programs on drive D, folders nested past MAX_PATH, a report Word holds open)."""

from __future__ import annotations

from pathlib import PureWindowsPath

from desktop.exporters.atomic import WINDOWS_MAX_PATH, lock_files, long_path
from desktop.exporters.office_pdf import converters, libreoffice_places
from desktop.importers.font_files import font_folders

HOME = r"C:\Users\张晓明"
LOCAL = HOME + r"\AppData\Local"


def test_font_folders_on_windows_follow_the_environment_and_a_chinese_user_name() -> None:
    folders = [str(f) for f in font_folders("win32", {"WINDIR": r"D:\WINDOWS", "LOCALAPPDATA": LOCAL}, HOME)]
    assert folders == [r"D:\WINDOWS\Fonts", LOCAL + r"\Microsoft\Windows\Fonts"]
    # without LOCALAPPDATA: the user's own folder, under the home folder
    assert str(font_folders("win32", {}, HOME)[1]) == HOME + r"\AppData\Local\Microsoft\Windows\Fonts"


def test_libreoffice_is_looked_for_in_both_program_folders_wherever_they_are() -> None:
    places = libreoffice_places(
        "win32", {"ProgramFiles": r"D:\软件", "ProgramFiles(x86)": r"C:\Program Files (x86)"}
    )
    assert places == (
        r"D:\软件\LibreOffice*\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice*\program\soffice.exe",
    )
    assert libreoffice_places("win32", {})[0] == r"C:\Program Files\LibreOffice*\program\soffice.exe"
    assert all(p.startswith("/") for p in libreoffice_places("linux", {}))


def test_wps_then_word_from_the_registry_each_once() -> None:
    registry = {"KWps.Application", "WPS.Application", "Word.Application", "KET.Application"}
    found = converters(".docx", registered=registry.__contains__)
    assert [(o.name, o.program) for o in found][:2] == [
        ("WPS", "KWps.Application"),
        ("Word", "Word.Application"),
    ]
    assert [o.name for o in converters(".xlsx", registered=registry.__contains__)][:1] == ["WPS"]
    only_word = converters(".docx", registered={"Word.Application"}.__contains__)
    assert [o.name for o in only_word if o.name != "LibreOffice"] == ["Word"]


def test_a_path_past_max_path_gets_the_long_form_and_a_short_one_stays() -> None:
    deep = PureWindowsPath(HOME, "文档", *["2026年优化营商环境工作各单位报送材料"] * 12, "落实情况报告.docx")
    assert len(str(deep)) > WINDOWS_MAX_PATH
    assert str(long_path(deep)) == "\\\\?\\" + str(deep)
    assert long_path(long_path(deep)) == long_path(deep)  # once only
    share = PureWindowsPath("\\\\fileserver\\共享\\" + "\\".join(["各单位报送材料汇总"] * 30) + "\\台账.xlsx")
    assert str(long_path(share)).startswith("\\\\?\\UNC\\fileserver\\共享\\")
    short = PureWindowsPath(HOME, "文档", "报告.docx")
    assert long_path(short) == short


def test_word_s_owner_file_beside_a_report_on_a_windows_path() -> None:
    report = PureWindowsPath(HOME, "文档", "关于优化营商环境工作落实情况的报告.docx")
    names = [p.name for p in lock_files(report)]
    assert names == [
        "~$关于优化营商环境工作落实情况的报告.docx",
        "~$优化营商环境工作落实情况的报告.docx",  # Word drops the first two characters of a long name
        ".~lock.关于优化营商环境工作落实情况的报告.docx#",
    ]
    assert all(str(p.parent) == HOME + r"\文档" for p in lock_files(report))
