#!/usr/bin/env bash
# Install what tests/test_browser.py needs: Debian's chromium (+ chromedriver) and the playwright
# Python package. Idempotent: does nothing when both are present. Never runs `playwright install`
# (that downloads a browser build of its own); the test drives /usr/bin/chromium instead.
#
#   bash tests/browser/install.sh            # uses python3 from PATH for pip
#   PYTHON=.venv/bin/python bash tests/browser/install.sh
set -euo pipefail

PYTHON="${PYTHON:-python3}"

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "install.sh: chromium is missing and installing it needs root (apt-get)" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends chromium chromium-driver
fi

if ! "$PYTHON" -c "import playwright.sync_api" >/dev/null 2>&1; then
    "$PYTHON" -m pip install --quiet playwright
fi

echo "install.sh: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), playwright ready"
