"""Dates: every written form, the roles, plausibility, the seeds against their gold, documents written here."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import SeedPair

from foi.extract.facts.context import attach
from foi.extract.facts.dates import date_mentions, find
from foi.extract.facts.pipeline import load_pipeline
from foi.extract.model import DateMention, Document, Line
from foi.extract.process import process_bytes
from foi.settings import Settings

TODAY = dt.date(2025, 10, 1)


def dates(text: str) -> list[str]:
    return [m.date.isoformat() for m in find(text, TODAY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brevet er dateret 23. oktober 2018.", "2018-10-23"),
        ("10-03-2023", "2023-03-10"),
        ("Tak for din henvendelse af d. 1/3 2023.", "2023-03-01"),
        ("med forventet ikrafttrædelse d. 22.3.2023, vil", "2023-03-22"),
        ("Mødet den 25.09.17 flyttes.", "2017-09-25"),
        ("Dato: Mandag den 28. august 2017", "2017-08-28"),
        ("Sendt: 6. oktober 2015 17:31", "2015-10-06"),
        ("En gennemgang af virk.dk, 30.09.2015, gav", "2015-09-30"),
        ("Mødedato Onsdag d. 27. august 2025 kl. 16:00", "2025-08-27"),
        ("REFERAT Aarhus Byråd d. 27-08-2025", "2025-08-27"),
        ("Oprettet 2025-08-27 af systemet", "2025-08-27"),
        ("Notat, 18.08.25, BA", "2025-08-18"),
        ("opzoomernes støtteforening af 6.12.2011", "2011-12-06"),
        ("Ændret 27. aug. 2025 efter høring", "2025-08-27"),
        ("Sent: Tuesday, October 6, 2015 5:31 PM", "2015-10-06"),
        ("Date: Tue, 6 Oct 2015 17:31:00 +0200", "2015-10-06"),
        ("artikel den 1. oktober 2108 om", "2108-10-01"),  # a typo stays as written
        ("Høringen sluttede 22-juni-2020 kl. 12", "2020-06-22"),
        ("Vedligeholdelsesdialog gennemført: 2022-10-4", "2022-10-04"),
        ("År 2003, den 26. maj afholdt Nævnet møde.", "2003-05-26"),
        ("2. maj2024", "2024-05-02"),  # the space lost by PDF extraction
        ("Udgave: 5. februar 2024", "2024-02-05"),
        ("Møde den 3. april 2019 kl. 16.00 i Rådhuset", "2019-04-03"),
        ("Beslutning i Økonomiudvalget den 26. april 2017", "2017-04-26"),
        ("Mødet holdes mandag den 18. marts 2019.", "2019-03-18"),
    ],
)
def test_date_forms(text: str, expected: str) -> None:
    assert dates(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Vedtaget. Byrådet 25. juni",  # no year
        "Sagsnr. 2018-0000088-148",
        "Dokumentnummer i F2 2834597",
        "Sagsnummer i F2 2023 - 3701",
        "Åbent kl. 09.00-15.00 og kl. 15:45",
        "en bonus på 350.000 kr. og 1.126 mio. kr.",
        "Strategien blev afsluttet ved årsskiftet 2022/2023.",
        "For cirka 1/6 af disse borgere",
        "som angivet i afsnit 5.2.1",
        "J.nr. 27.12.08-P20-1-16",
        "Telefon 33 66 28 51",
        "31.02.2020",  # no such day
        "Sagsnr. 2018-1234-5678",  # a case number in ISO's clothes
        "Spørgsmål og svar 2014",  # a year alone
    ],
)
def test_not_dates(text: str) -> None:
    assert dates(text) == []


def mentions(text: str, kind: str = "letter") -> tuple[list[DateMention], DateMention | None]:
    document = Document(1, kind, [Line(t) for t in text.split("\n")])
    doc = attach(load_pipeline().make_doc(document.full_text), document)
    return date_mentions(doc, TODAY)


def roles(text: str, kind: str = "letter") -> dict[str, str]:
    found, _own = mentions(text, kind)
    return {d.date: d.role for d in found}


def test_letter_date_line_is_the_document_date() -> None:
    text = "Til\nJens Hansen\n\n23. oktober 2018\n\nSagsnr.\n2018-0000088"
    text += "\n\nKære Jens\n\nBIU fik besked d. 21. august 2018."
    assert roles(text) == {"2018-10-23": "document", "2018-08-21": "mentioned"}


def test_inquiry_dates() -> None:
    assert roles("Tak for din henvendelse af 3. oktober 2018 til forvaltningen.")["2018-10-03"] == "inquiry"
    assert roles("Tak for din henvendelse af d. 1/3 2023, hvor du spørger")["2023-03-01"] == "inquiry"
    assert roles("Jeg har modtaget din mail af 2. maj 2024.")["2024-05-02"] == "inquiry"
    assert roles("Svar på dit brev af 14.02.2024 om skolen.")["2024-02-14"] == "inquiry"
    assert roles("Vi har behandlet din ansøgning, CPR-nr. 010190-1234, som vi modtog den 16. august 2021.")[
        "2021-08-16"
    ] == "inquiry"


def test_meeting_dates() -> None:
    text = "Arbejdsmarkedsudvalgets møde den 25.09.17 flyttes til den 20.09.17."
    assert roles(text) == {"2017-09-25": "meeting", "2017-09-20": "mentioned"}


def test_email_sent_header_is_the_document_date() -> None:
    text = "Fra: Pia Jacobsen\nSendt: 6. oktober 2015 17:31\nTil: Borgmesteren"
    text += "\nEmne: Mål\n\nSe notat af 1. oktober 2015."
    _found, own = mentions(text, "email")
    assert own is not None and own.date == "2015-10-06"


def test_minutes_meeting_date_beats_the_title_and_the_case_history() -> None:
    text = (
        "REFERAT Aarhus Byråd d. 27-08-2025\nMødedato\nOnsdag d. 27. august 2025 kl. 16:00\nMødested Byrådssalen\n"
        "Punkt 1: Godkendelse\nSagsforløb\nUdvalg: Magistraten\nDato: 19-08-2025\n"
    )
    _found, own = mentions(text, "minutes")
    assert own is not None and own.date == "2025-08-27"


def test_annex_updated_line_dates_it() -> None:
    _found, own = mentions("Sager på vej – Sundhed og Omsorg 2025\nTil: Udvalget\nAjourført: 29. august 2025\nSag Afd.")
    assert own is not None and own.date == "2025-08-29"


def test_a_year_far_ahead_is_implausible_but_kept() -> None:
    found, _own = mentions("23. oktober 2018\n\nKære Anna\n\nArtiklen fra den 1. oktober 2108 handler om mentorer.")
    by_date = {d.date: d for d in found}
    assert by_date["2108-10-01"].plausible is False
    assert by_date["2018-10-23"].plausible is True


def test_each_date_once_with_its_strongest_role() -> None:
    found, _own = mentions("Dato: 28. august 2017\n\nBeslutning den 28-08-2017\nBeslutning den 28-08-2017", "minutes")
    assert [(d.date, d.role, d.text) for d in found] == [("2017-08-28", "document", "28. august 2017")]


def test_start_is_the_offset_in_the_text() -> None:
    text = "Til Anna\n\n3. marts 2024\n\nKære Anna"
    found, _own = mentions(text)
    assert text[found[0].start :].startswith("3. marts 2024")


def test_documents_written_here_get_their_dates() -> None:
    letter = (
        "Odense Kommune\nBy- og Kulturforvaltningen\n\nOdense, den 4. april 2024\n\nJ.nr. 2024-1234\n\nKære Lise\n\n"
        "Tak for dit brev af 21.03.2024 om legepladsen. Sagen behandles på udvalgets møde den 2. maj 2024.\n\n"
        "Med venlig hilsen\n\nPer Holm\n"
    )
    result = process_bytes(letter.encode("utf-8"), "brev.txt", Settings())
    facts = result.documents[0].facts
    assert (facts.date, facts.inquiry_date) == ("2024-04-04", "2024-03-21")
    assert {d.date: d.role for d in facts.dates}["2024-05-02"] == "meeting"


def test_seeds_match_gold(seed_pairs: list[SeedPair]) -> None:
    misses = []
    for file, n, g, doc in seed_pairs:
        facts = doc.facts if doc else None
        got = {
            "date": facts and facts.date,
            "inquiry_date": facts and facts.inquiry_date,
            "dates": sorted({d.date for d in facts.dates}) if facts else [],
        }
        for field in ("date", "inquiry_date", "dates"):
            want = sorted(set(g[field])) if field == "dates" and field in g else g.get(field)
            if field in g and got[field] != want:
                misses.append((file, n, field, got[field], want))
    assert misses == []


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Svar på dit brev af 14.02.2024 om skolen.", "inquiry"),
        ("År 2003, den 26. maj afholdt Nævnet møde.", "meeting"),
        ("Høringssvar skal være os i hænde senest den 3. maj 2024.", "deadline"),
        ("Høringsfristen er 1. juni 2024.", "deadline"),
        ("Materialet blev modtaget den 2. maj 2024 i forvaltningen.", "received"),
        ("Byrettens dom af 5. april 2018 står ved magt.", "cited"),
        ("jf. lov nr. 1238 af 18. december 2012 om jobcentre", "cited"),
        ("Byrådets beslutning af 13. august 2018 er ugyldig.", "cited"),
        ("Vi besøgte skolen 4. marts 2024 sammen med lederen.", "mentioned"),
    ],
)
def test_roles_from_the_words_around(text: str, role: str) -> None:
    found, _own = mentions("Kære Ida\n\n" + text)
    assert [d.role for d in found] == [role]


def own_date(text: str, kind: str = "letter", subkind: str = "") -> str | None:
    document = Document(1, kind, [Line(t) for t in text.split("\n")], subkind=subkind)
    doc = attach(load_pipeline().make_doc(document.full_text), document)
    _found, own = date_mentions(doc, TODAY)
    return own.date if own else None


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # a labelled field: on one line, stacked, flattened, glued
        ("Sagsnr.\n2019 - 4116\nDato\n02-09-2019\n\nI brev af 14. august 2019 har udvalget spurgt.", "letter",
         "2019-09-02"),
        ("1 Referat fra Økonomiudvalget Mødedato: Mandag den 6. oktober 2014 Mødetidspunkt: 9:30 Mødested: Salen",
         "minutes", "2014-10-06"),
        ("post@km.dkDokument nr.: 5474/10Dato: 18. januar 2010\nI brev af 10. december 2009 spurgte udvalget.",
         "letter", "2010-01-18"),
        ("DatoDok.idJ. nr.\n15. juni 2009847164004-u18-001062\nUdvalget har i brev af 19. maj 2009 spurgt.",
         "letter", "2009-06-15"),
        ("Dokumentets dato:23-10-2007\nOffentliggjort:01-11-2007", "other", "2007-10-23"),
        ("Dato: |\n18-03-2019 07:45:00 |\nUdvalg: |\nØkonomiudvalget |", "minutes", "2019-03-18"),
        ("Udgave: 5. februar 2024\n\nVejledningen afløser udgaven af 1. marts 2020.", "memo", "2024-02-05"),
        # the meeting date is the date of minutes and agendas, and wins over a dated case history
        ("Referat\nMødedato:\n05-12-2007 Kl. 15:00-16:10\n\n1. Budget\nSagsforløb\nDato: 14-11-2007", "minutes",
         "2007-12-05"),
        ("År 2001, den 29. januar, afholdt Nævnet møde. Mødet indledtes kl. 10.00.", "minutes", "2001-01-29"),
        # a letter's dated line, its dateline, a date alone above the closing
        ("Til Ida Holm\n\nKøbenhavn, den 3. marts 2019\n\nKære Ida\n\nTak for dit brev af 1. februar 2019.",
         "letter", "2019-03-03"),
        ("J.nr. M 3034-0036\nDen 9. november 2005\nMinisterens besvarelse af spørgsmål stillet den 2. november 2005.",
         "letter", "2005-11-09"),
        ("\n".join(["Svar:"] + ["Det er en lang redegørelse."] * 30 + ["30. marts 2021", "Med venlig hilsen",
                                                                       "Ministeren"]), "letter", "2021-03-30"),
        # a heading that carries the date
        ("23. oktober 2023 - referat fra byrådet\n\nBeslutning\nGodkendt.", "minutes", "2023-10-23"),
        ("Forretningsudvalget - referat 05-12-2007\n\nSagen blev behandlet den 14. december 2006.", "minutes",
         "2007-12-05"),
        # the document's own title names its date; the inquiry it answers is cited, never its date
        ("1 Statsforvaltningens brev af 21. august 2008 til et firma. Statsamtet har den 20. oktober 2006 modtaget "
         "Deres klage.", "letter", "2008-08-21"),
        ("Tak for din henvendelse af 23. oktober 2018.", "letter", None),
        # a date where a transcript lost the line break, never one inside a sentence
        ("1 Til det kommunale tilsyn v. Ankestyrelsen 21. august 2018 Klage over Byrådets beslutning af 13. august "
         "2018", "letter", "2018-08-21"),
        ("Vi har i perioden 27. juni 2019 til 18. marts 2021 sendt seks breve.", "letter", None),
        # a ruling's own date: "afsagt den …"; a heading with a weekday and "den"
        ("KLAGENÆVNET FOR BYGGESAGER\n\nKENDELSE\n\nafsagt den 4. oktober 2022\n\nKommunens afgørelse af 2. juni 2022 "
         "stadfæstes.", "other", "2022-10-04"),
        ("Byrådet\nMøde den 3. april 2019 kl. 16.00\n\nBeslutning\nGodkendt.", "minutes", "2019-04-03"),
        ("Borgermøde om skolen\nTorsdag den 7. marts 2024\n\nProgrammet følger.", "memo", "2024-03-07"),
        # an e-mail's date is the top Sendt:, not a quoted reply's
        ("Fra: Ida\nSendt: 6. oktober 2015 17:31\nTil: Ole\n\nSe nedenfor.\n\nFra: Ole\nSendt: 1. oktober 2015 09:00",
         "email", "2015-10-06"),
    ],
)
def test_the_document_date_by_its_place(text: str, kind: str, expected: str | None) -> None:
    assert own_date(text, kind) == expected


def test_a_memo_does_not_take_the_future_meeting_it_is_written_for() -> None:
    text = "Udvalgsnotat\nTil: Teknisk Udvalg\nUdvalgsmøde: Den 15. maj 2024\n\nSkrevet 2. maj 2024 til mødet."
    assert own_date(text, "memo") != "2024-05-15"


def test_an_answer_given_at_a_council_meeting_takes_the_meeting_date() -> None:
    text = "Spørgsmål stillet af Ole Dam til besvarelse på byrådsmødet den 6/5 2009.\nKære Ole Dam\n\nSvaret følger."
    assert own_date(text, "letter", subkind="answer") == "2009-05-06"
    assert own_date(text, "letter") is None
    spoergetid = "Spørgetid i Byrådet\n\nSpørgetid mandag den 14. marts 2022\n\nSpørgsmål fra: Jonas Krog"
    assert own_date(spoergetid, "other", subkind="answer") == "2022-03-14"


def test_a_day_and_month_under_a_heading_with_the_year() -> None:
    text = "Spørgsmål og svar 2014\n\nHer er spørgsmålene fra spørgetiden.\n\n27. januar\n\nSpørgsmål fra Ida Holm"
    _found, own = mentions(text, "other")
    assert own is not None and (own.date, own.text) == ("2014-01-27", "27. januar")
    assert own_date("Her er spørgsmålene.\n\n27. januar\n\nSpørgsmål fra Ida Holm", "other") is None


def test_the_running_header_dates_a_memo() -> None:
    lines = [Line("2. maj 2024", 1, "noise"), Line("Udvalgsnotat"), Line("Til: Teknisk Udvalg"),
             Line("Udvalgsmøde: Den 15. maj 2024"), Line("På byrådsmødet den 20. marts 2024 blev sagen henvist."),
             Line("2. maj 2024", 2, "noise")]
    document = Document(1, "memo", lines)
    doc = attach(load_pipeline().make_doc(document.full_text), document)
    _found, own = date_mentions(doc, TODAY)
    assert own is not None and own.date == "2024-05-02"


@pytest.mark.parametrize(
    "text",
    [
        "Boligudvalget har den 12. januar 2022 efter ønske fra Mads Frost (KF) stillet følgende spørgsmål:",
        "Du har i mail af 3. maj 2024 spurgt om åbningstiderne.",
        "De har den 2. maj 2024 rettet henvendelse til forvaltningen.",
    ],
)
def test_the_inquiry_date_in_an_answers_opening_sentence(text: str) -> None:
    found, _own = mentions(text)
    assert [d.role for d in found] == ["inquiry"]


def test_a_date_in_an_opening_sentence_that_asks_nothing_is_no_inquiry() -> None:
    found, _own = mentions("Kære Ida\n\nUdvalget har den 12. januar 2022 besluttet at bygge en skole.")
    assert [d.role for d in found] == ["mentioned"]


def test_minutes_without_a_meeting_date_take_the_date_most_decisions_carry() -> None:
    prose = "Indstilling\nDet indstilles, at sagen godkendes efter den lange gennemgang af sagens forløb.\n" * 15
    text = ("Referat\nØkonomiudvalget\n\n" + prose + "1. Budget\nBeslutning i Økonomiudvalget den 26-04-2017\n"
            "Godkendt.\n2. Skole\nSagsforløb\nBeslutning i Børneudvalget den 03-04-2017\nAnbefalet.\n"
            "Beslutning i Økonomiudvalget den 26-04-2017\nGodkendt.")
    assert own_date(text, "minutes") == "2017-04-26"
    assert own_date(text, "letter") is None  # a letter quoting decisions is not dated by them
