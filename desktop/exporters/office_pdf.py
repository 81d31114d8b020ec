"""Turn a .docx or .xlsx into PDF with an office program installed on this PC: WPS, Word/Excel or LibreOffice.

LibreOffice converts headless from its command line. WPS and Microsoft Office have no such command; on
Windows they are driven through their automation objects (KWps/KET, Word/Excel) by a PowerShell script,
which every supported Windows has, so no Windows-only Python package is needed. WPS for Linux offers no
conversion interface: there LibreOffice is the one way.
"""

from __future__ import annotations

import base64
import glob
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from desktop.domain.errors import Cancelled

TIMEOUT_S = 180
# Where LibreOffice installs when it is not on PATH (its own packages put it under /opt on Linux).
_LIBREOFFICE_PLACES = {
    "linux": (
        "/usr/lib/libreoffice/program/soffice",
        "/usr/lib64/libreoffice/program/soffice",
        "/opt/libreoffice*/program/soffice",
        "/snap/bin/libreoffice",
        "/var/lib/flatpak/exports/bin/org.libreoffice.LibreOffice",
    ),
    "darwin": ("/Applications/LibreOffice.app/Contents/MacOS/soffice",),
}


def libreoffice_places(platform: str, environ: Mapping[str, str]) -> tuple[str, ...]:
    """Return the glob patterns where LibreOffice may be installed on `platform` (sys.platform's names).

    On Windows: under Program Files and Program Files (x86), wherever the environment puts them (a PC
    set up with a program folder on drive D too).
    """
    if platform == "win32":
        return tuple(
            str(PureWindowsPath(environ.get(folder, default), "LibreOffice*", "program", "soffice.exe"))
            for folder, default in (
                ("ProgramFiles", r"C:\Program Files"),
                ("ProgramFiles(x86)", r"C:\Program Files (x86)"),
            )
        )
    return _LIBREOFFICE_PLACES.get("linux" if platform.startswith("linux") else platform, ())


# Automation objects that open a document and export it as PDF, by file kind: WPS first (the office
# program of most government PCs), then Microsoft Office, both with Word's and Excel's object model.
_AUTOMATION = {
    ".docx": (("WPS", "KWps.Application"), ("WPS", "WPS.Application"), ("Word", "Word.Application")),
    ".xlsx": (("WPS", "KET.Application"), ("WPS", "ET.Application"), ("Excel", "Excel.Application")),
}
# Where WPS for Linux installs (its packages for Debian, UOS and Kylin alike), and on macOS.
_WPS_ELSEWHERE = ("/opt/kingsoft/wps-office/office6/wps", "/Applications/wpsoffice.app")
# Keep the blank pages LibreOffice inserts (an even-page section break before the 版记): the PDF must page
# as the printed document does. JSON filter options need LibreOffice 7.4; older ones get the plain filter.
_KEEP_BLANK_PAGES = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'


class OfficeError(Exception):
    """The office program did not produce a PDF (missing, crashed, refused the file or timed out)."""


@dataclass(frozen=True)
class Office:
    """An installed program that can write PDF: its name for the clerk, and how to reach it."""

    name: str  # LibreOffice, WPS, Word, Excel
    program: str  # soffice's path, or the automation object's ProgID


def find_libreoffice() -> str | None:
    """Return LibreOffice's soffice program (on PATH or in its usual folders), or None."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    for pattern in libreoffice_places(sys.platform, os.environ):
        matches = sorted(glob.glob(pattern), reverse=True)  # the newest version first
        if matches:
            return matches[0]
    return None


def libreoffice() -> Office | None:
    """Return LibreOffice as a converter, or None when it is not installed."""
    soffice = find_libreoffice()
    return Office("LibreOffice", soffice) if soffice is not None else None


def _registered(prog_id: str) -> bool:
    """Return True when Windows knows the automation object `prog_id` (the program is installed)."""
    if sys.platform != "win32":
        return False
    import winreg  # the Windows registry: only on Windows

    try:
        with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, prog_id + r"\CLSID"):
            return True
    except OSError:
        return False


def converters(suffix: str, registered: Callable[[str], bool] = _registered) -> list[Office]:
    """Return the programs here that can turn a file of `suffix` into PDF, the preferred first.

    `registered` tells whether Windows knows an automation object (the registry; a test passes its own).
    """
    found = [Office(name, prog_id) for name, prog_id in _AUTOMATION.get(suffix, ()) if registered(prog_id)]
    # one automation object per program: the first of WPS's names, the first of Microsoft's
    found = [office for i, office in enumerate(found) if office.name not in {o.name for o in found[:i]}]
    office = libreoffice()
    return found if office is None else [*found, office]


def wps_without_automation() -> bool:
    """Return True when WPS for Linux (or macOS) is installed: it shows files but takes no PDF orders."""
    if sys.platform == "win32":
        return False
    return shutil.which("wps") is not None or any(Path(p).exists() for p in _WPS_ELSEWHERE)


def to_pdf(
    source: Path,
    out_dir: Path,
    office: Office,
    *,
    fontconfig: Path | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Path:
    """Write `out_dir`/<stem>.pdf from `source` with `office`; raise OfficeError when none appears."""
    pdf = out_dir / (source.stem + ".pdf")
    if office.name == "LibreOffice":
        env = dict(os.environ)
        if fontconfig is not None and fontconfig.exists() and sys.platform != "win32":
            env["FONTCONFIG_FILE"] = str(fontconfig)
        targets = [_KEEP_BLANK_PAGES, "pdf"] if source.suffix.lower() == ".docx" else ["pdf"]
        for target in targets:
            command = [office.program, "--convert-to", target, "--outdir", str(out_dir), str(source)]
            with tempfile.TemporaryDirectory(prefix="luoshi-lo-") as profile:
                _run(_libreoffice(command, Path(profile)), env, should_stop)
            if pdf.exists():
                return pdf
    else:
        script = automation_script(office.program, source.resolve(), pdf.resolve())
        encoded = base64.b64encode(script.encode("utf-16-le")).decode("ascii")
        command = ["powershell", "-NoProfile", "-NonInteractive", "-EncodedCommand", encoded]
        _run(command, dict(os.environ), should_stop)
        if pdf.exists():
            return pdf
    raise OfficeError(f"{office.name} produced no PDF")


def _libreoffice(command: list[str], profile: Path) -> list[str]:
    """Run soffice headless with a throwaway profile: it never meets the clerk's open LibreOffice."""
    program, *rest = command
    return [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", *rest]


def automation_script(prog_id: str, source: Path, pdf: Path) -> str:
    """Return the PowerShell that opens `source` read-only in `prog_id`, exports `pdf` and quits."""

    def quoted(path: Path) -> str:
        return "'" + str(path).replace("'", "''") + "'"  # a PowerShell literal string

    if prog_id.startswith(("KWps", "WPS", "Word")):
        open_and_export = (
            f"$d = $app.Documents.Open({quoted(source)}, $false, $true); "
            f"$d.ExportAsFixedFormat({quoted(pdf)}, 17); $d.Close($false)"  # 17: wdExportFormatPDF
        )
    else:
        open_and_export = (
            f"$d = $app.Workbooks.Open({quoted(source)}, 0, $true); "
            f"$d.ExportAsFixedFormat(0, {quoted(pdf)}); $d.Close($false)"  # 0: xlTypePDF
        )
    return (
        "$ErrorActionPreference = 'Stop'; "
        f"$app = New-Object -ComObject '{prog_id}'; "
        "try { $app.Visible = $false; $app.DisplayAlerts = 0; " + open_and_export + " } "
        "finally { $app.Quit() }"
    )


def _run(command: list[str], env: dict[str, str], should_stop: Callable[[], bool] | None) -> None:
    """Run one conversion, killed on cancel or after TIMEOUT_S."""
    try:
        process = subprocess.Popen(
            command,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # no console flashing up on Windows
        )
    except OSError as exc:
        raise OfficeError(f"cannot start {command[0]}: {exc}") from exc
    waited = 0.0
    while process.poll() is None:
        if should_stop and should_stop():
            process.kill()
            process.wait()
            raise Cancelled
        try:
            process.wait(timeout=0.2)
        except subprocess.TimeoutExpired:
            waited += 0.2
            if waited > TIMEOUT_S:
                process.kill()
                process.wait()
                raise OfficeError(f"{command[0]} timed out") from None
