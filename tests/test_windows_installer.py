"""The Windows installer script (build/luoshi.iss, Inno Setup 6) cannot be built here: these tests check
that it packages what the PyInstaller spec writes, under the names the spec gives, with Chinese shortcuts."""

from __future__ import annotations

import ast
import re
from pathlib import PureWindowsPath

from tests.conftest import ROOT

ISS = ROOT / "build" / "luoshi.iss"
SPEC = ROOT / "build" / "luoshi.spec"


def _script() -> str:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads Chinese from UTF-8 only with a byte-order mark"
    return raw.decode("utf-8-sig")


def _defines(script: str) -> dict[str, str]:
    return dict(re.findall(r'^#define (\w+) "([^"]*)"', script, flags=re.MULTILINE))


def _spec_names() -> dict[str, str]:
    """The `name=` of the spec's EXE and COLLECT calls."""
    names = {}
    for node in ast.walk(ast.parse(SPEC.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("EXE", "COLLECT")
        ):
            for keyword in node.keywords:
                if keyword.arg == "name" and isinstance(keyword.value, ast.Constant):
                    names[node.func.id] = str(keyword.value.value)
    return names


def test_the_installer_packages_the_folder_and_program_the_spec_writes() -> None:
    script, names = _script(), _spec_names()
    defines = _defines(script)
    # iscc resolves relative paths from the script's folder, build\
    bundle = PureWindowsPath("build", defines["BundleDir"])
    parts = [p for p in bundle.parts if p not in ("build", "..")]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--distpath dist" in makefile and parts == ["dist", names["COLLECT"]]
    assert defines["ExeName"] == names["EXE"] + ".exe"
    assert 'Source: "{#BundleDir}\\*"' in script and "recursesubdirs" in script  # ocr\ and _internal\ too


def test_the_installer_s_icon_exists_and_its_shortcuts_are_chinese() -> None:
    script = _script()
    icon = re.search(r"^SetupIconFile=(.+)$", script, flags=re.MULTILINE)
    assert icon is not None
    relative = PureWindowsPath(icon.group(1).strip())
    assert (ROOT / "build" / relative.as_posix()).resolve() == (ROOT / "resources" / "icons" / "luoshi.ico")
    assert (ROOT / "resources" / "icons" / "luoshi.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # an .ico
    icons = re.findall(r'^Name: "([^"]+)"; Filename: "([^"]+)"', script, flags=re.MULTILINE)
    assert ("{group}\\落实", "{app}\\{#ExeName}") in icons
    assert ("{autodesktop}\\落实", "{app}\\{#ExeName}") in icons
    assert any(name == "{group}\\卸载落实" for name, _ in icons)
    assert 'MessagesFile: "compiler:Languages\\ChineseSimplified.isl"' in script
    assert "PrivilegesRequired=lowest" in script  # a clerk without administrator rights can install it
