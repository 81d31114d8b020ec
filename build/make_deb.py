"""Package the one-folder bundle as a .deb for UOS, Kylin and Debian desktops (`make deb`).

Usage: python build/make_deb.py dist/luoshi dist  → dist/luoshi_<version>_<arch>.deb

The program goes to /opt/luoshi (the 信创 software centres' place for third-party programs), `luoshi` on the
PATH links to it, and the menu entry (Name[zh_CN]=落实, Office category) and icon go where desktops look.
Nothing is written to a user's home: the clerk's data folder is the program's to create, and removing the
package leaves it alone. Built with dpkg-deb, which every Debian-family system has.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.domain.version import VERSION  # noqa: E402 (the checkout's package, found through ROOT)

PACKAGE = "luoshi"
INSTALL_DIR = f"/opt/{PACKAGE}"
# What the bundle takes from the system (Qt's xcb platform, fonts, GL); the rest travels inside it.
DEPENDS = (
    "libc6 (>= 2.28), libglib2.0-0, libfontconfig1, libfreetype6, libdbus-1-3, libxkbcommon0, "
    "libxkbcommon-x11-0, libx11-xcb1, libegl1 | libegl1-mesa, libgl1 | libgl1-mesa-glx"
)
RECOMMENDS = "fonts-noto-cjk | fonts-wqy-microhei, libxcb-cursor0"

DESKTOP_ENTRY = f"""[Desktop Entry]
Type=Application
Name=Luoshi
Name[zh_CN]=落实
GenericName=Implementation plan progress reports
GenericName[zh_CN]=实施方案落实情况报送
Comment=Track the measures of an implementation plan and write the progress report and ledger
Comment[zh_CN]=导入实施方案，填写进展情况，生成报告和工作台账
Exec={INSTALL_DIR}/{PACKAGE}
Icon={PACKAGE}
Terminal=false
Categories=Office;
StartupNotify=true
"""


def architecture() -> str:
    """Return this machine's Debian architecture name (amd64, arm64, loongarch64 …)."""
    done = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def control(size_kb: int, arch: str) -> str:
    """Return the DEBIAN/control text."""
    return (
        f"Package: {PACKAGE}\nVersion: {VERSION}\nArchitecture: {arch}\nSection: office\nPriority: optional\n"
        f"Installed-Size: {size_kb}\nDepends: {DEPENDS}\nRecommends: {RECOMMENDS}\n"
        "Maintainer: Luoshi <luoshi@localhost>\n"
        "Description: Luoshi (落实): progress reports on implementation plans\n"
        " Reads an implementation plan (Word, WPS, PDF, scans, OFD, Excel task lists), keeps the measures\n"
        " assigned to the clerk's unit, and writes the progress report (GB/T 9704) and the work ledger.\n"
        " Works offline; the clerk's data stays in the home folder and is kept when the package is removed.\n"
    )


def build(bundle: Path, out_dir: Path) -> Path:
    """Stage the bundle under opt/, add the menu entry and icon, and build the .deb in `out_dir`."""
    arch = architecture()
    target = out_dir / f"{PACKAGE}_{VERSION}_{arch}.deb"
    with tempfile.TemporaryDirectory() as tmp:
        stage = Path(tmp) / "root"
        shutil.copytree(bundle, stage / INSTALL_DIR.lstrip("/"), symlinks=True)
        (stage / "usr" / "bin").mkdir(parents=True)
        (stage / "usr" / "bin" / PACKAGE).symlink_to(f"{INSTALL_DIR}/{PACKAGE}")
        applications = stage / "usr" / "share" / "applications"
        applications.mkdir(parents=True)
        (applications / f"{PACKAGE}.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
        icons = stage / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps"
        icons.mkdir(parents=True)
        shutil.copy(ROOT / "resources" / "icons" / "luoshi.png", icons / f"{PACKAGE}.png")
        size_kb = sum(f.stat().st_size for f in stage.rglob("*") if f.is_file() and not f.is_symlink()) // 1024
        debian = stage / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(control(size_kb, arch), encoding="utf-8")
        for path in stage.rglob("*"):  # files a clerk can read and run, whatever this checkout's umask
            if not path.is_symlink():
                path.chmod(0o755 if path.is_dir() or path.stat().st_mode & 0o111 else 0o644)
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(target)],
            check=True,
            capture_output=True,
        )
    return target


if __name__ == "__main__":
    made = build(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{made} ({made.stat().st_size / 2**20:.0f} MB)")
