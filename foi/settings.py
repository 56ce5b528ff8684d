"""Settings in one place: paths, limits and the spaCy pipeline, with documented defaults.

Values come from keyword arguments (the CLI passes its options) and otherwise from environment
variables `FOI_DB`, `FOI_PIPELINE`, `FOI_WORKERS`, `FOI_TIMEOUT`, `FOI_MAX_SIZE`, `FOI_MAX_MEMORY`
(sizes in bytes, or with a unit: `200M`, `4G`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path


def _packaged_templates() -> Path:
    """The templates shipped with foi (the repo's templates/ folder, installed as foi.templates)."""
    import foi.templates

    return Path(foi.templates.__file__).resolve().parent


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*", re.IGNORECASE)


def parse_size(text: str) -> int:
    """Bytes from `1048576`, `1024K`, `200M`, `4G` or `1.5G` (units of 1024); ValueError otherwise."""
    match = _SIZE.fullmatch(text)
    if not match:
        raise ValueError(f"{text!r} is not a size (bytes, or a number with K, M, G or T)")
    number, unit = match.groups()
    return int(float(number) * 1024 ** "_kmgt".index(unit.lower() or "_"))


def _env_size(name: str, default: int) -> int:
    try:
        return parse_size(os.environ.get(name, str(default)))
    except ValueError:
        return default


@dataclass(frozen=True)
class Settings:
    db_path: Path = field(default_factory=lambda: Path(os.environ.get("FOI_DB", "foi.db")))
    # "blank:da" is spaCy's blank Danish pipeline with foi's rule components; the name of an installed
    # trained pipeline (e.g. "da_core_news_sm") runs that pipeline with the same rule components added.
    pipeline: str = field(default_factory=lambda: os.environ.get("FOI_PIPELINE", "blank:da"))
    workers: int = field(default_factory=lambda: _env_int("FOI_WORKERS", os.cpu_count() or 1))
    timeout: float = field(default_factory=lambda: float(_env_int("FOI_TIMEOUT", 60)))
    # a file over max_size bytes is reported and not read
    max_size: int = field(default_factory=lambda: _env_size("FOI_MAX_SIZE", 200 * 1024 * 1024))
    # address space of one worker process (RLIMIT_AS): a file that needs more gets an error row
    # instead of taking the machine's memory; 0 means no limit
    max_memory: int = field(default_factory=lambda: _env_size("FOI_MAX_MEMORY", 4 * 1024**3))
    # "auto": pypdfium2's fast text layer where it serves a file as well as pdfplumber, else
    # pdfplumber; "pdfplumber": always pdfplumber (pdfminer.six)
    pdf_engine: str = field(default_factory=lambda: os.environ.get("FOI_PDF_ENGINE", "auto"))
    # attachments inside attachments: how deep an e-mail's enclosures are followed
    max_depth: int = 3
    show_personal_data: bool = False
    keep_personal_data: bool = False  # store CPR numbers as written, not masked (--keep-personal-data)
    # PDFs without a text layer are run through ocrmypdf (Tesseract, Danish) instead of failing
    ocr: bool = False
    templates_dir: Path = field(default_factory=_packaged_templates)

    def with_(self, **changes: object) -> Settings:
        """A copy with the given fields changed; `None` values keep the current one."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})  # type: ignore[arg-type]
