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


def dependencies(path: Path) -> tuple[set[str], set[str]] | None:
    """Return the GLIBC_x.y versions and the shared libraries (DT_NEEDED) one file needs; None if not ELF."""
    with path.open("rb") as handle:
        if handle.read(4) != ELF_MAGIC:
            return None
        handle.seek(0)
        try:
            elf = ELFFile(handle)
            versions: set[str] = set()
            libraries: set[str] = set()
            for section in elf.iter_sections():
                if isinstance(section, GNUVerNeedSection):
                    for _, auxiliaries in section.iter_versions():
                        versions |= {a.name for a in auxiliaries if a.name.startswith("GLIBC_2")}
                elif section.name == ".dynamic":
                    libraries |= {t.needed for t in section.iter_tags() if t.entry.d_tag == "DT_NEEDED"}
            return versions, libraries
        except ELFError:
            return None


Scan = dict[Path, tuple[set[str], set[str]]]


def scan(folder: Path) -> Scan:
    """Read every ELF file under `folder` once (links are read through their targets, also in `folder`)."""
    found: Scan = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            needed = dependencies(path)
            if needed is not None:
                found[path] = needed
    return found


def system_libraries() -> set[str]:
    """Return the names of the shared libraries this system's loader knows (ldconfig's cache)."""
    listed = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    return {line.split()[0] for line in listed.splitlines()[1:] if line.strip()}


def unmet(folder: Path, scanned: Scan) -> dict[str, set[str]]:
    """Return, for each file that needs one, the libraries found neither under `folder` nor on the system
    (nor among those a desktop provides with the plugin that needs them)."""
    known = {p.name for p in folder.rglob("*")} | system_libraries() | DESKTOP_PROVIDED
    lacking = {str(path.relative_to(folder)): libraries - known for path, (_, libraries) in scanned.items()}
    return {name: libraries for name, libraries in lacking.items() if libraries}


def report(scanned: Scan) -> list[tuple[tuple[int, ...], Path]]:
    """Return (highest GLIBC version needed, file) for every ELF file that needs one, highest first."""
    rows = [(max(parse(v) for v in versions), path) for path, (versions, _) in scanned.items() if versions]
    return sorted(rows, key=lambda row: row[0], reverse=True)


if __name__ == "__main__":
    bundle = Path(sys.argv[1])
    scanned = scan(bundle)
    rows = report(scanned)
    for version, path in rows[:10]:
        print(f"GLIBC_{'.'.join(map(str, version))}  {path}")
    print(f"{len(rows)} ELF files; the bundle needs glibc {'.'.join(map(str, rows[0][0]))} or newer")
    missing = unmet(bundle, scanned)
    for name, lacking in missing.items():
        print(f"missing for {name}: {', '.join(sorted(lacking))}")
    print(f"{len(missing)} files need a library found neither in the bundle nor on this system")
