"""`foi serve` in a real headless browser: Debian's chromium driven by playwright.

The test starts `foi serve` on a free 127.0.0.1 port in a subprocess, opens the site, searches a
company in the "Documents naming a company" form and sees its documents. Every request that is not
to that local server is refused. What it needs is installed by tests/browser/install.sh (run here
when something is missing and we are root); without a browser afterwards the test is skipped with
the reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import install_if_missing
from test_search import CPR_FORMS, copy_db, extract, write_small_corpus
from test_serve import free_port, start_server, stop_server

CHROMIUM = Path("/usr/bin/chromium")
INSTALL = Path(__file__).resolve().parent / "browser" / "install.sh"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = install_if_missing(_missing, INSTALL)
    if reason:
        pytest.skip(f"no headless browser: {reason}; run `bash tests/browser/install.sh` as root")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def _page(browser: Any, base: str) -> Any:
    page = browser.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    page.set_default_timeout(30_000)
    return page


def test_search_a_company_and_see_its_documents(browser: Any, corpus_db: Path, tmp_path: Path) -> None:
    db = copy_db(corpus_db, tmp_path / "foi.db")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(db, port)
    try:
        page = _page(browser, base)
        page.goto(base + "/")
        assert "foi: documents, companies and case numbers" in page.content()
        page.click("a[href='/foi']")
        page.click("text=Documents naming a company")
        page.fill("input[name='company']", "Fakta")
        page.click("input[type='submit']")
        page.wait_for_selector("table.rows-and-columns")
        text = page.inner_text("table.rows-and-columns")
        page.screenshot(path=str(tmp_path / "company_documents.png"), full_page=True)
        assert "000_20e448a58bbb3448" in text
        assert "letter" in text and "2018-10-23" in text
        assert "Fakta" in text
        page.close()
    finally:
        stop_server(server)


def test_no_cpr_number_in_the_pages_a_browser_shows(browser: Any, tmp_path: Path) -> None:
    db = tmp_path / "small.db"
    extract(write_small_corpus(tmp_path / "files"), db)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(db, port)
    try:
        page = _page(browser, base)
        page.goto(base + "/small/documents?_search=praktik")
        page.wait_for_selector("table.rows-and-columns")
        shown = page.inner_text("body")
        page.goto(base + "/small/company_documents?company=holm")
        shown += page.inner_text("body")
        page.goto(base + "/small/files")
        shown += page.inner_text("body")
        assert "XXXXXX-XXXX" in shown
        assert not any(form in shown for form in CPR_FORMS)
        page.close()
    finally:
        stop_server(server)
