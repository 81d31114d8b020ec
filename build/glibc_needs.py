"""Report the highest GLIBC symbol version the files of a bundle need (`make test-bundle` checks it).

Usage: python build/glibc_needs.py dist/luoshi

A program built on a newer system quietly links against newer glibc symbols and then refuses to start on an
older one ("version `GLIBC_2.34' not found"). Every ELF file's version needs (.gnu.version_r) are read with
pyelftools; the highest GLIBC_x.y among them is the oldest glibc the bundle can run on.
"""

from __future__ import annotations

import sys
from pathlib import Path

from elftools.common.exceptions import ELFError
from elftools.elf.elffile import ELFFile
from elftools.elf.gnuversions import GNUVerNeedSection

ELF_MAGIC = b"\x7fELF"


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
