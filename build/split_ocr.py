"""Move the OCR libraries out of a PyInstaller bundle into its add-on folder (`make bundle` runs it).

Usage: python build/split_ocr.py dist/luoshi

rapidocr, onnxruntime, OpenCV (headless), numpy, shapely and pyclipper take about 280 MB, more than the
rest of the program. They go to dist/luoshi/ocr, laid out as in site-packages (each package beside its
".libs" folder, which its extension modules find relative to themselves). The program finds that folder
beside itself (desktop.importers.ocr_child.addon_folder): with it, scans are read; without it (a bundle
shipped without the add-on), a scan is refused with a message saying the OCR component is missing.
The top-level names come from the installed distributions' file lists, not from a list kept here.
"""

from __future__ import annotations

import shutil
import sys
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.importers.ocr_child import ADDON  # noqa: E402 (the checkout's package: the add-on's one name)

OCR_DISTRIBUTIONS = (
    "rapidocr-onnxruntime",
    "onnxruntime",
    "opencv-python-headless",
    "numpy",
    "shapely",
    "pyclipper",
    "PyYAML",
)


def top_level_names(name: str) -> set[str]:
    """Return the top-level files and folders distribution `name` installs into site-packages."""
    try:
        files = distribution(name).files or []
    except PackageNotFoundError:
        return set()
    tops = {f.parts[0] for f in files if f.parts and f.parts[0] not in ("..", "__pycache__")}
    return {t for t in tops if not t.endswith((".dist-info", ".egg-info", ".pth"))}


def folder_size(path: Path) -> int:
    """Return the bytes of the files under `path` (links not followed)."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def split(bundle: Path) -> Path:
    """Move the OCR distributions' top-level names from `bundle`/_internal into `bundle`/ocr."""
    internal, addon = bundle / "_internal", bundle / ADDON
    if addon.exists():
        shutil.rmtree(addon)
    addon.mkdir()
    moved = 0
    for name in OCR_DISTRIBUTIONS:
        for top in sorted(top_level_names(name)):
            for candidate in (internal / top, internal / f"{top}.py"):
                if candidate.exists():
                    shutil.move(str(candidate), str(addon / candidate.name))
                    moved += 1
    if not (addon / "rapidocr_onnxruntime").is_dir():
        raise SystemExit("the bundle holds no rapidocr_onnxruntime: was the `ocr` extra installed?")
    return addon


if __name__ == "__main__":
    bundle = Path(sys.argv[1])
    addon = split(bundle)
    total, ocr = folder_size(bundle), folder_size(addon)
    print(f"{bundle}: {total / 2**20:.0f} MB in all; without the OCR add-on {(total - ocr) / 2**20:.0f} MB; "
          f"the add-on {addon.name}/ {ocr / 2**20:.0f} MB")
