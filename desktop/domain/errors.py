"""Error types that carry a code and parameters; the UI and CLI turn them into words."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    """Every reason Luoshi can refuse an input or an operation."""

    FILE_NOT_FOUND = "file_not_found"
    FILE_UNREADABLE = "file_unreadable"
    FILE_EMPTY = "file_empty"
    FILE_TOO_LARGE = "file_too_large"
    UNSUPPORTED_FORMAT = "unsupported_format"
    LEGACY_OFFICE = "legacy_office"  # Word 2/6/95, Excel 3/4: an office format older than 1997
    OLD_VERSION = "old_version"
    NO_TEXT_IN_SCAN = "no_text_in_scan"  # a picture or scan in which OCR found no text at all
    OCR_FAILED = "ocr_failed"  # the OCR child process ended without an answer (a crash, memory)
    BAD_COLUMNS = "bad_columns"  # --columns names an unknown role or a column the grid lacks, or no 任务
    BAD_NUMBERING = "bad_numbering"
    NO_GRID = "no_grid"  # --columns asked of a file whose text holds no table
    ENCRYPTED = "encrypted"
    CORRUPT = "corrupt"
    ZIP_BOMB = "zip_bomb"
    UNSAFE_XML = "unsafe_xml"
    BINARY = "binary"
    ENCODING = "encoding"
    SCANNED_PDF = "scanned_pdf"
    NO_MEASURES = "no_measures"
    NO_TASK_TABLE = "no_task_table"
    DB_NEWER = "db_newer"
    DB_ERROR = "db_error"
    UNIT_UNKNOWN = "unit_unknown"
    NO_PLAN = "no_plan"
    BAD_PERIOD = "bad_period"
    BAD_STATUS = "bad_status"
    MEASURE_UNKNOWN = "measure_unknown"
    MEASURE_AMBIGUOUS = "measure_ambiguous"
    PLAN_UNKNOWN = "plan_unknown"
    NO_DOC_NUMBER = "no_doc_number"
    ATTACHMENT = "attachment"
    TARGET_LOCKED = "target_locked"
    EXPORT_FAILED = "export_failed"
    NOTHING_TO_EXPORT = "nothing_to_export"
    NOT_DOCX = "not_docx"
    NOT_A_RETURN = "not_a_return"
    WRONG_UNIT = "wrong_unit"
    PERIOD_MISMATCH = "period_mismatch"
    PLAN_MISMATCH = "plan_mismatch"
    UNIT_MISSING = "unit_missing"
    RETURN_DECLINED = "return_declined"
    NEEDS_PLAN = "needs_plan"
    BAD_SPLIT = "bad_split"
    REVISION_UNKNOWN = "revision_unknown"
    NO_NEXT_MEASURE = "no_next_measure"
    NO_UNIT = "no_unit"
    NOT_CATEGORY_TASK = "not_category_task"
    WRONG_SUFFIX = "wrong_suffix"
    TITLE_TOO_LONG = "title_too_long"
    NO_PDF_CONVERTER = "no_pdf_converter"
    PDF_FAILED = "pdf_failed"
    PDF_BY_HAND = "pdf_by_hand"
    NETWORK = "network"  # the office server: down, login refused, schema mismatch, not connected … (`kind`)


class Cancelled(Exception):
    """The clerk cancelled a long operation; nothing it would have written was kept."""


class LuoshiError(Exception):
    """A known failure: a code, the file or object concerned, and details for the message."""

    def __init__(self, code: ErrorCode, *, path: str = "", **params: Any) -> None:
        super().__init__(f"{code.value}: {path} {params}".strip())
        self.code = code
        self.path = path
        self.params = params
