"""佐证材料: copy evidence files beside the database, named by their hash, and list them per note."""

from __future__ import annotations

import hashlib
import os
import tempfile
from datetime import datetime
from pathlib import Path

from desktop.domain.desk.notes import NoteFields
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.terms import NoteSource
from desktop.services.notes import NoteKey, get_note, save_note
from desktop.services.workspace import Workspace
from desktop.storage import attachments as attachment_store
from desktop.storage.attachments import AttachmentRow as AttachmentRow

MAX_BYTES = 200 * 1024 * 1024


def attachments_dir(ws: Workspace) -> Path:
    """Return the folder that holds the copies (beside the database file)."""
    return ws.path.parent / "attachments"


def _copy_in(ws: Workspace, source: Path) -> tuple[str, int, str]:
    """Copy `source` into the store; return its sha256, size and path relative to the store."""
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise LuoshiError(ErrorCode.ATTACHMENT, path=str(source), reason="too_large")
        target_dir = attachments_dir(ws)
        target_dir.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        handle, temp_name = tempfile.mkstemp(dir=target_dir, prefix=".incoming-")
        try:
            with source.open("rb") as src, os.fdopen(handle, "wb") as out:
                for block in iter(lambda: src.read(1 << 20), b""):
                    digest.update(block)
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            relative = Path(sha[:2]) / (sha + source.suffix.lower()[:16])
            final = target_dir / relative
            final.parent.mkdir(exist_ok=True)
            if final.exists():
                os.unlink(temp_name)
            else:
                os.replace(temp_name, final)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise LuoshiError(
            ErrorCode.ATTACHMENT, path=str(source), reason="io", detail=exc.strerror or str(exc)
        ) from None
    return sha, size, relative.as_posix()


def attach(ws: Workspace, key: NoteKey, source: Path) -> AttachmentRow:
    """Attach a copy of `source` to the note (creating an empty note first if there is none)."""
    if not source.is_file():
        raise LuoshiError(ErrorCode.FILE_NOT_FOUND, path=str(source))
    sha, size, relative = _copy_in(ws, source)
    note = get_note(ws, key) or save_note(ws, key, NoteFields(), source=NoteSource.ATTACHMENT)
    return attachment_store.add(
        ws.db,
        note_id=note.note_id,
        name=source.name,
        sha256=sha,
        size=size,
        stored=relative,
        added_at=datetime.now().astimezone().isoformat(timespec="seconds"),
    )


def list_attachments(ws: Workspace, key: NoteKey) -> list[AttachmentRow]:
    """Return the files attached to the note."""
    note = get_note(ws, key)
    if note is None:
        return []
    return attachment_store.for_note(ws.db, note_id=note.note_id)


def stored_file(ws: Workspace, row: AttachmentRow) -> Path:
    """Return where the copy of an attachment is kept, for the system viewer to open."""
    return attachments_dir(ws) / row.stored


def detach(ws: Workspace, row: AttachmentRow) -> None:
    """Remove an attachment from its note (the copy stays on disk)."""
    attachment_store.remove(
        ws.db,
        attachment_id=row.attachment_id,
        removed_at=datetime.now().astimezone().isoformat(timespec="seconds"),
    )
