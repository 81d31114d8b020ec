"""Zip the bundle for download (`make zip`): the program, and the OCR add-on on its own.

Usage: python build/zip_bundle.py dist/luoshi dist
  -> dist/luoshi-<version>-<os>-<machine>.zip       the program (unzip anywhere, run luoshi / luoshi.exe)
  -> dist/luoshi-ocr-<version>-<os>-<machine>.zip   the add-on: unzip into the same place (it holds luoshi/ocr)
Links inside the bundle (Qt's frameworks on macOS, versioned .so names) are stored as links.
"""

from __future__ import annotations

import os
import platform
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.domain.version import VERSION  # noqa: E402 (the checkout's package, found through ROOT)
from desktop.importers.ocr_child import ADDON  # noqa: E402 (the add-on folder's one name)



def _add(archive: zipfile.ZipFile, path: Path, name: str) -> None:
    if path.is_symlink():
        info = zipfile.ZipInfo(name)
        info.create_system = 3  # Unix: the mode below says "link"
        info.external_attr = 0o120777 << 16
        archive.writestr(info, os.readlink(path))
    else:
        archive.write(path, name)


def make(bundle: Path, out_dir: Path) -> list[Path]:
    """Write the program's zip and the add-on's zip; return their paths."""
    tag = f"{VERSION}-{platform.system().lower()}-{platform.machine().lower()}"
    program, addon = out_dir / f"luoshi-{tag}.zip", out_dir / f"luoshi-ocr-{tag}.zip"
    with (
        zipfile.ZipFile(program, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as main,
        zipfile.ZipFile(addon, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as ocr,
    ):
        for path in sorted(bundle.rglob("*")):
            if path.is_dir() and not path.is_symlink():
                continue
            relative = path.relative_to(bundle)
            target = ocr if relative.parts[0] == ADDON else main
            _add(target, path, (Path(bundle.name) / relative).as_posix())
    return [program, addon]


if __name__ == "__main__":
    for made in make(Path(sys.argv[1]), Path(sys.argv[2])):
        print(f"{made} {made.stat().st_size / 2**20:.0f} MB")
