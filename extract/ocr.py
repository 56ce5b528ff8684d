"""OCR for scanned PDFs: ocrmypdf adds a text layer made by Tesseract with its Danish model, and the
PDF reader then reads that layer like any other.

ocrmypdf runs as a child process, not through its Python API: the batch's workers are daemon
processes, which may not start the process pool that ocrmypdf's API uses, and a child process can be
given a time limit and killed with everything it started. Nothing is downloaded at run time: the
Danish model is Debian's `tesseract-ocr-dan` package, installed by `tests/ocr/install.sh`.
"""

from __future__ import annotations

import ctypes
import functools
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from foi.errors import OcrFailed, OcrNotInstalled
from foi.settings import Settings

LANGUAGE = "dan"
# the share of the per-file time limit OCR may take: the rest is for reading and finding the facts
TIME_SHARE = 0.75
_PR_SET_PDEATHSIG = 1


@functools.lru_cache(maxsize=1)
def ocrmypdf_command() -> tuple[str, ...] | None:
    """How to start ocrmypdf: this Python's package, else a program on PATH (Debian's `ocrmypdf`)."""
    if importlib.util.find_spec("ocrmypdf") is not None:
        return (sys.executable, "-m", "ocrmypdf")
    found = shutil.which("ocrmypdf")
    return (found,) if found else None


@functools.lru_cache(maxsize=1)
def has_danish_model() -> bool:
    """Whether Tesseract is installed with its Danish model."""
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        return False
    try:
        done = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return LANGUAGE in (done.stdout + done.stderr).split()


def missing() -> str | None:
    """What is missing for OCR, as the command that installs it; None when OCR can run."""
    if not has_danish_model():
        return "apt-get install tesseract-ocr tesseract-ocr-dan"
    if ocrmypdf_command() is None:
        return "pip install ocrmypdf"
    return None


def ocr_pdf(data: bytes, name: str, settings: Settings) -> bytes:
    """The PDF with a text layer added where its pages have none, read in a temporary folder."""
    hint = missing()
    command = ocrmypdf_command()
    if hint is not None or command is None:
        raise OcrNotInstalled(name, hint or "pip install ocrmypdf")
    limit = max(1.0, settings.timeout * TIME_SHARE)
    with tempfile.TemporaryDirectory(prefix="foi-ocr-") as folder:
        source, target = Path(folder) / "in.pdf", Path(folder) / "out.pdf"
        source.write_bytes(data)
        args = [*command, "--quiet", "--language", LANGUAGE, "--skip-text", "--output-type", "pdf",
                "--optimize", "0", "--jobs", "1", "--tesseract-timeout", f"{limit:.0f}", str(source), str(target)]
        # one worker, one thread: the batch already runs a worker per core; ocrmypdf's own temporary
        # files go in our folder, so that they go with it even when ocrmypdf is killed
        env = {**os.environ, "TMPDIR": folder, "OMP_THREAD_LIMIT": "1"}
        returncode, errors = _run(args, env, limit)
        if returncode is None:
            raise OcrFailed(name, f"gave up after {limit:g} s (raise --timeout)")
        if returncode != 0 or not target.is_file():
            raise OcrFailed(name, _last_line(errors) or f"ocrmypdf exited with status {returncode}")
        return target.read_bytes()


def _run(args: list[str], env: dict[str, str], limit: float) -> tuple[int | None, str]:
    """Run ocrmypdf in a process group of its own; (exit status or None if past `limit`, stderr)."""
    try:
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, errors="replace", env=env, start_new_session=True,
                                preexec_fn=_die_with_parent)
    except OSError as exc:
        return 127, str(exc)
    try:
        _out, errors = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        return None, ""
    return proc.returncode, errors


def _kill_group(proc: subprocess.Popen[str]) -> None:
    """ocrmypdf and the Tesseract it started, all at once."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.communicate()


def _die_with_parent() -> None:
    """In the child: be killed if the worker is (the batch kills a worker past --timeout)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass


def _last_line(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""
