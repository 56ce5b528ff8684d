"""Build the binary test documents of this folder: a Word annex with a company table and an e-mail.

    .venv/bin/python tests/documents/make_documents.py

The output is deterministic (fixed dates, fixed zip timestamps, fixed message id), so running the
script again gives the same bytes and a clean `git status`. The text is made up; CVR numbers are
made-up numbers that pass the modulus-11 check.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED = datetime(2023, 11, 20, 9, 0, tzinfo=UTC)

# Virksomhed, antal forløb. CVR numbers are computed below so that they pass their check digit.
COMPANIES = [
    ("Bager Hansen ApS", 4),
    ("Fynske Vinduer A/S", 2),
    ("Grøn Have & Anlæg IVS", 3),
    ("Kaffebaren Hjørnet I/S", 1),
    ("Odense Byg og Anlæg K/S", 5),
    ("Lind & Partnere Advokater P/S", 1),
    ("Brugsforeningen Sydfyn a.m.b.a.", 6),
    ("Nordvest Holding ApS", 2),
    ("Maskinstationen Lund A/S", 3),
    ("Rengøringsfirmaet Klar ApS", 7),
    ("Tømrerfirmaet Sørensen & Søn ApS", 2),
    ("Andelsboligforeningen Vibegården S.M.B.A.", 1),
]


def cvr_number(seed: int) -> str:
    """An eight-digit number that passes the CVR modulus-11 check, made from `seed`."""
    weights = (2, 7, 6, 5, 4, 3, 2, 1)
    base = 10000000 + seed * 7919
    while True:
        digits = [int(d) for d in f"{base:08d}"[:7]]
        rest = sum(w * d for w, d in zip(weights, digits, strict=False)) % 11
        check = (11 - rest) % 11
        if check < 10 and digits[0] != 0:
            return "".join(map(str, digits)) + str(check)
        base += 10


def _deterministic_zip(data: bytes) -> bytes:
    """The same package with fixed timestamps and a fixed order of members."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            info = zipfile.ZipInfo(name, date_time=(2023, 11, 20, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


def make_annex() -> bytes:
    """annex_companies.docx: an annex whose companies stand in a Word table."""
    import docx

    document = docx.Document()
    props = document.core_properties
    props.author = "Odense Kommune"
    props.last_modified_by = "Odense Kommune"
    props.created = FIXED.replace(tzinfo=None)
    props.modified = FIXED.replace(tzinfo=None)
    props.revision = 1
    props.title = "Bilag 2"
    document.add_paragraph("ODENSE KOMMUNE")
    document.add_paragraph("Beskæftigelses- og Socialforvaltningen")
    document.add_paragraph("20. november 2023")
    document.add_paragraph("Sagsnr. 23/11873")
    document.add_paragraph("Bilag 2")
    document.add_paragraph(
        "Oversigt over virksomheder, som i 2023 har haft borgere i virksomhedspraktik med mentorstøtte:"
    )
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Virksomhed", "CVR", "Antal forløb"), strict=True):
        cell.text = text
    for n, (name, count) in enumerate(COMPANIES, start=1):
        row = table.add_row().cells
        row[0].text, row[1].text, row[2].text = name, cvr_number(n), str(count)
    document.add_paragraph("Oversigten omfatter alle forløb, der var afsluttet pr. 31. oktober 2023.")
    buffer = io.BytesIO()
    document.save(buffer)
    return _deterministic_zip(buffer.getvalue())


def make_email() -> bytes:
    """inquiry_email.eml: a council member's inquiry with four numbered questions."""
    msg = EmailMessage(policy=SMTP)
    msg["From"] = "Karen Søgaard Vestergaard <karen.vestergaard@vejle.dk>"
    msg["To"] = "Social og Sundhed <socialogsundhed@vejle.dk>"
    msg["Subject"] = "Spørgsmål om nattevagter på plejecentrene og brug af vikarbureauer"
    msg["Date"] = "Mon, 03 Jun 2024 08:41:00 +0200"
    msg["Message-ID"] = "<20240603084100.4711@vejle.dk>"
    msg.set_content(
        "Kære Social og Sundhed\n"
        "\n"
        "Jeg vil gerne stille følgende spørgsmål efter styrelseslovens § 11:\n"
        "\n"
        "1. Hvor mange nattevagter var der i gennemsnit på kommunens plejecentre i 2023?\n"
        "\n"
        "2. Hvor mange timer har plejecentrene købt hos vikarbureauer i 2023, fordelt på plejecentre?\n"
        "\n"
        "3. Hvad har kommunen i alt betalt til Dansk Vikarservice A/S og andre vikarbureauer i 2023?\n"
        "\n"
        "4. Hvilke planer har forvaltningen for at nedbringe brugen af vikarer i 2024 og 2025?\n"
        "\n"
        "Jeg ser frem til svarene inden for den sædvanlige frist.\n"
        "\n"
        "Med venlig hilsen\n"
        "Karen Søgaard Vestergaard\n"
        "Byrådsmedlem (B)\n",
        charset="utf-8",
    )
    return msg.as_bytes()


def main() -> None:
    (HERE / "annex_companies.docx").write_bytes(make_annex())
    (HERE / "inquiry_email.eml").write_bytes(make_email())


if __name__ == "__main__":
    main()
