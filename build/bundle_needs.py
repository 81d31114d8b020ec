"""What a Linux bundle needs from the system it runs on (`make test-bundle` checks both).

Usage: python build/bundle_needs.py dist/luoshi

- The highest GLIBC symbol version any file needs. A program built on a newer system quietly links against
  newer glibc symbols and then refuses to start on an older one ("version `GLIBC_2.34' not found"). Every
  ELF file's version needs (.gnu.version_r) are read with pyelftools; the highest GLIBC_x.y among them is
  the oldest glibc the bundle can run on.
- The shared libraries some file names (DT_NEEDED) that are neither in the bundle nor on this system: a
  library left out of the bundle (build/luoshi.spec drops some of Qt) that something still loads.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from elftools.common.exceptions import ELFError
from elftools.elf.elffile import ELFFile
from elftools.elf.gnuversions import GNUVerNeedSection

ELF_MAGIC = b"\x7fELF"
# Libraries a desktop brings when it uses the Qt plugin that needs them, and not otherwise: the Wayland
# platform on a Wayland session, the GTK theme on a GTK desktop. Qt loads neither plugin elsewhere.
DESKTOP_PROVIDED = frozenset({"libwayland-cursor.so.0", "libwayland-egl.so.1", "libgtk-3.so.0", "libgdk-3.so.0"})


def parse(version: str) -> tuple[int, ...]:
    """Return "2.28" or "GLIBC_2.28" as (2, 28)."""
    return tuple(int(part) for part in version.removeprefix("GLIBC_").split("."))


def needs(path: Path) -> set[str]:
    """Return the GLIBC_x.y versions one ELF file needs (empty for a file that is not ELF)."""
    with path.open("rb") as handle:
        if handle.read(4) != ELF_MAGIC:
            return set()
        handle.seek(0)
        try:
            elf = ELFFile(handle)
            found: set[str] = set()
            for section in elf.iter_sections():
                if isinstance(section, GNUVerNeedSection):
                    for _, auxiliaries in section.iter_versions():
                        found |= {a.name for a in auxiliaries if a.name.startswith("GLIBC_2")}
            return found
        except ELFError:
            return set()


def needed_libraries(path: Path) -> set[str]:
    """Return the shared libraries one ELF file names as needed (empty for a file that is not ELF)."""
    with path.open("rb") as handle:
        if handle.read(4) != ELF_MAGIC:
            return set()
        handle.seek(0)
        try:
            dynamic = ELFFile(handle).get_section_by_name(".dynamic")
            if dynamic is None:
                return set()
            return {tag.needed for tag in dynamic.iter_tags() if tag.entry.d_tag == "DT_NEEDED"}
        except ELFError:
            return set()


def system_libraries() -> set[str]:
    """Return the names of the shared libraries this system's loader knows (ldconfig's cache)."""
    listed = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    return {line.split()[0] for line in listed.splitlines()[1:] if line.strip()}


def unmet(folder: Path) -> dict[str, set[str]]:
    """Return, for each file that needs one, the libraries found neither under `folder` nor on the system
    (nor among those a desktop provides with the plugin that needs them)."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    here = {p.name for p in folder.rglob("*")}
    known = here | system_libraries() | DESKTOP_PROVIDED
    missing = {}
    for path in files:
        lacking = needed_libraries(path) - known
        if lacking:
            missing[str(path.relative_to(folder))] = lacking
    return missing


def report(folder: Path) -> list[tuple[tuple[int, ...], Path]]:
    """Return (highest GLIBC version needed, file) for every ELF file under `folder`, highest first."""
    rows = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            versions = needs(path)
            if versions:
                rows.append((max(parse(v) for v in versions), path))
    return sorted(rows, key=lambda row: row[0], reverse=True)


if __name__ == "__main__":
    rows = report(Path(sys.argv[1]))
    for version, path in rows[:10]:
        print(f"GLIBC_{'.'.join(map(str, version))}  {path}")
    print(f"{len(rows)} ELF files; the bundle needs glibc {'.'.join(map(str, rows[0][0]))} or newer")
    missing = unmet(Path(sys.argv[1]))
    for name, lacking in missing.items():
        print(f"missing for {name}: {', '.join(sorted(lacking))}")
    print(f"{len(missing)} files need a library found neither in the bundle nor on this system")
