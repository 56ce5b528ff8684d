"""The HTML reader keeps a page's visible text and drops navigation, scripts and cookie banners."""

from __future__ import annotations

import codecs

from foi.extract.model import Table
from foi.extract.readers import read_bytes
from foi.extract.readers.html import drop_cookie_banner, html_to_lines
from foi.settings import Settings

SETTINGS = Settings()

MINUTES = """<!DOCTYPE html>
<html lang="da"><head><meta charset="{charset}"><title>Referat</title>
<script>window.dataLayer = [];</script><style>body {{ font-family: sans-serif; }}</style></head>
<body class="page-with-menu">
<div class="top">
Vi bruger cookies til statistik som en del af vores arbejde for at lave en god hjemmeside. Hvis du ikke
siger "nej tak til cookies", antager vi, at du accepterer vores cookie politik. "Se vores cookiepolitik.".
<br><a href="#">Accepter cookies</a>
</div>
<div id="CybotCookiebotDialog"><p>Denne hjemmeside bruger cookies</p><a>OK</a></div>
<nav><ul><li>Forside</li><li>Politik og udvalg</li></ul></nav>
<div class="breadcrumb">Forside &gt; Referater</div>
<a class="skip-link" href="#main">Gå til indhold</a>
<main id="main">
<h1>Referat - Arbejdsmarkedsudvalget den 28. august 2017</h1>
<h2>Mødefakta</h2>
<div>Dato: Mandag den 28. august 2017</div>
<div>Mødetidspunkt: Kl. 15:00</div>
<div>Mødested: Sollentuna II</div>
<p style="display: none">Skjult tekst</p>
<p hidden>Også skjult</p>
<h2>Medlemmer</h2>
<ul>
  <li>Benthe   Viola Holm (A)</li>
  <li><p>Gert Wahl (Ø)</p></li>
</ul>
<h2>Dagsorden</h2>
<ol><li>Godkendelse af dagsorden</li><li>Meddelelser</li></ol>
<table>
  <thead><tr><th>Punkt</th><th>Beslutning</th></tr></thead>
  <tbody>
    <tr><td>1. Godkendelse af dagsorden</td><td>Godkendt.</td></tr>
    <tr><td>2. Meddelelser</td><td></td></tr>
  </tbody>
</table>
<p>Beslutning i Arbejdsmarkedsudvalget den 28-08-2017: <b>Godkendt</b>.</p>
<noscript>Slå JavaScript til</noscript>
</main>
<footer>Københavns Kommune · Rådhuspladsen 1</footer>
</body></html>
"""

EXPECTED = [
    "Referat - Arbejdsmarkedsudvalget den 28. august 2017",
    "",
    "Mødefakta",
    "",
    "Dato: Mandag den 28. august 2017",
    "Mødetidspunkt: Kl. 15:00",
    "Mødested: Sollentuna II",
    "",
    "Medlemmer",
    "",
    "• Benthe Viola Holm (A)",
    "• Gert Wahl (Ø)",
    "",
    "Dagsorden",
    "",
    "1. Godkendelse af dagsorden",
    "2. Meddelelser",
    "",
    "Punkt\tBeslutning",
    "1. Godkendelse af dagsorden\tGodkendt.",
    "2. Meddelelser\t",
    "",
    "Beslutning i Arbejdsmarkedsudvalget den 28-08-2017: Godkendt.",
]


def test_minutes_page_gives_exact_visible_text() -> None:
    data = MINUTES.format(charset="utf-8").encode("utf-8")
    result = read_bytes(data, "referat.html", SETTINGS)
    assert result.format == "html"
    assert [line.text for line in result.lines] == EXPECTED
    assert result.tables == [Table(["Punkt", "Beslutning"], [["1. Godkendelse af dagsorden", "Godkendt."],
                                                            ["2. Meddelelser", ""]])]


def test_charset_from_meta_and_from_bom() -> None:
    cp1252 = MINUTES.format(charset="windows-1252").encode("cp1252")
    assert [line.text for line in read_bytes(cp1252, "referat.htm", SETTINGS).lines] == EXPECTED
    with_bom = codecs.BOM_UTF8 + MINUTES.format(charset="iso-8859-1").encode("utf-8")
    assert [line.text for line in read_bytes(with_bom, "referat.html", SETTINGS).lines] == EXPECTED
    utf16 = MINUTES.format(charset="utf-16").encode("utf-16")
    assert [line.text for line in read_bytes(utf16, "referat.html", SETTINGS).lines] == EXPECTED


def test_plain_text_cookie_banner_at_the_start_is_removed() -> None:
    lines = [
        'Vi bruger cookies til statistik som en del af vores arbejde. Hvis du ikke siger "nej tak til '
        'cookies", antager vi, at du accepterer vores cookie politik.',
        "",
        "Accepter cookies",
        "",
        "Nej tak",
        "",
        "Referat - Økonomiudvalget",
    ]
    assert drop_cookie_banner(lines) == ["Referat - Økonomiudvalget"]


def test_cookie_words_in_the_middle_of_a_page_are_kept() -> None:
    body = "".join(f"<p>Punkt {n}</p>" for n in range(1, 30))
    said = "<p>Udvalget drøftede at vi bruger cookies på kommunens hjemmeside.</p>"
    html = f"<html><body>{body}{said}{body}</body></html>"
    lines, _ = html_to_lines(html)
    assert "Udvalget drøftede at vi bruger cookies på kommunens hjemmeside." in [line.text for line in lines]


def test_layout_tables_are_read_as_blocks_not_data() -> None:
    html = ("<html><body><table><tr><td><p>Kære udvalg</p><p>Hermed referatet.</p></td>"
            "<td><div>Sagsnr. 2017-0042</div></td></tr></table></body></html>")
    lines, tables = html_to_lines(html)
    assert tables == []
    assert [line.text for line in lines] == ["Kære udvalg", "", "Hermed referatet.", "", "Sagsnr. 2017-0042"]


def test_word_html_table_with_paragraphs_in_cells_is_data() -> None:
    html = ("<html><body><table class=MsoTableGrid>"
            "<tr><td><p class=MsoNormal>Navn<o:p></o:p></p></td><td><p class=MsoNormal>Parti</p></td></tr>"
            "<tr><td><p class=MsoNormal>Gert Wahl</p></td><td><p class=MsoNormal>Ø</p></td></tr>"
            "</table><p class=MsoListParagraph><![if !supportLists]><span>1.<span>&nbsp;&nbsp; </span></span>"
            "<![endif]>Godkendelse af dagsorden</p></body></html>")
    lines, tables = html_to_lines(html)
    assert tables == [Table(["Navn", "Parti"], [["Gert Wahl", "Ø"]])]
    assert [line.text for line in lines] == ["Navn\tParti", "Gert Wahl\tØ", "", "1. Godkendelse af dagsorden"]
