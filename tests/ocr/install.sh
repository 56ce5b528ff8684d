#!/usr/bin/env bash
# Install what `foi extract --ocr` and tests/test_ocr.py need: Tesseract with its Danish model and
# Ghostscript from Debian, and the ocrmypdf Python package. Idempotent: does nothing when all are
# present. Nothing is downloaded at run time: the Danish model comes in the tesseract-ocr-dan package.
#
#   bash tests/ocr/install.sh                        # uses python3 from PATH for pip
#   PYTHON=.venv/bin/python bash tests/ocr/install.sh
set -euo pipefail

PYTHON="${PYTHON:-python3}"

has_danish() {
    command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx dan
}

if ! has_danish || ! command -v gs >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "install.sh: tesseract-ocr, tesseract-ocr-dan or ghostscript is missing and installing needs root (apt-get)" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-dan ghostscript
fi

if ! "$PYTHON" -c "import ocrmypdf" >/dev/null 2>&1; then
    "$PYTHON" -m pip install --quiet ocrmypdf
fi

echo "install.sh: $(tesseract --version 2>&1 | head -1) with Danish, ocrmypdf $("$PYTHON" -m ocrmypdf --version)"
