"""Errors a user can meet. The CLI turns each into one line; none of them should surface as a traceback."""

from __future__ import annotations


class FoiError(Exception):
    """Base class: `str(error)` is the one-line message shown to the user."""


class UnreadableFile(FoiError):
    """A file that exists but cannot be read: empty, broken, encrypted, of an unknown format."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class EmptyFile(UnreadableFile):
    def __init__(self, path: str) -> None:
        super().__init__(path, "the file is empty")


class EncryptedFile(UnreadableFile):
    def __init__(self, path: str) -> None:
        super().__init__(path, "the PDF is encrypted and no password was given")


class UnsupportedFormat(UnreadableFile):
    def __init__(self, path: str, reason: str = "not a format foi reads") -> None:
        super().__init__(path, reason)


class FileTooLarge(UnreadableFile):
    def __init__(self, path: str, size: int, limit: int) -> None:
        super().__init__(path, f"{size} bytes is over the limit of {limit} bytes (--max-size)")


class NotRegularFile(UnreadableFile):
    """A FIFO, a device, a socket: reading it could block or never end, so it is not opened."""

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(path, f"not a regular file ({kind})")


class ExtractionTimeout(UnreadableFile):
    def __init__(self, path: str, seconds: float) -> None:
        super().__init__(path, f"gave up after {seconds:g} s (--timeout)")


class PipelineNotInstalled(FoiError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy pipeline {name!r} is not installed; install its package or use the default 'blank:da'"
        )


class DatabaseError(FoiError):
    """The database file is missing, locked or not one of foi's."""


class QueryError(FoiError):
    """A search query that cannot be understood."""


class TemplateProblem(FoiError):
    """A template that is missing, does not parse, or asks for a value the draft does not have."""


class ProfileNotFound(FoiError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"no profile named {name!r}; known profiles: {', '.join(known) or 'none'}")


class OutputExists(FoiError):
    def __init__(self, path: str) -> None:
        super().__init__(f"{path} exists already; use --force to overwrite it")


class InquiryProblem(FoiError):
    """An inquiry from which no questions could be read."""


class NeedsOcr(UnreadableFile):
    """A PDF none of whose pages has a text layer: a scan. `foi extract --ocr` reads it."""

    def __init__(self, path: str, pages: int) -> None:
        self.pages = pages
        noun = "page" if pages == 1 else "pages"
        super().__init__(path, f"needs OCR: {pages} {noun} without a text layer (run with --ocr)")


class OcrNotInstalled(UnreadableFile):
    """`--ocr` was asked for a scan, but ocrmypdf or Tesseract's Danish model is not on this machine."""

    def __init__(self, path: str, hint: str = "apt-get install tesseract-ocr tesseract-ocr-dan") -> None:
        super().__init__(path, f"OCR is not installed: run tests/ocr/install.sh or {hint}")


class OcrFailed(UnreadableFile):
    def __init__(self, path: str, detail: str) -> None:
        super().__init__(path, f"OCR failed: {detail}")


class MissingExtra(FoiError):
    """A command whose optional dependencies are not installed."""

    def __init__(self, extra: str, what: str) -> None:
        super().__init__(f"{what} needs the '{extra}' extra: pip install 'foi[{extra}]'")
