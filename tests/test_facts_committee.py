"""The committee of minutes and agendas (extract/facts/committee.py): the name as written, without
"til mødet i", the date or "referat", in the layouts DANISH-DOCUMENTS.md §3.1 describes and the real
samples of other administrations show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import run_components

from foi.cli import main
from foi.extract.model import Facts

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples"


def facts(text: str, *components: str, kind: str = "minutes") -> Facts:
    return run_components(text, *(components or ("agenda_items",)), kind=kind)._.facts


ITEMS = "\n\n1. Godkendelse af dagsorden\nSagsnr.: 24/00010\nBeslutning: Godkendt.\n"


@pytest.mark.parametrize(
    ("head", "committee"),
    [
        # the heading broken over lines, "mødet i" on a line of its own
        ("Dagsorden\ntil\nmødet i Børne- og Ungeudvalget\nden 3. marts 2024 kl. 16:00\ni Byrådssalen",
         "Børne- og Ungeudvalget"),
        ("Nordby Kommune\nDagsorden til\nmøde i\nPlan- og Boligudvalget\nMødedato 4. april 2024",
         "Plan- og Boligudvalget"),
        # one line, the name followed by its date, time and place
        ("Referat til mødet i Udvalget for Klima, Miljø og Teknik den 2. maj 2024 kl. 15:00 i Rådhuset, mødesal 2",
         "Udvalget for Klima, Miljø og Teknik"),
        ("Referat fra det ekstraordinære møde i Økonomiudvalget mandag den 3. juni 2024", "Økonomiudvalget"),
        ("Referat - Nordby Byråd den 3. maj 2021", "Nordby Byråd"),
        # the name first, then the kind of record
        ("Ældrerådet - referat 12-02-2024\nMødedato:\n12-02-2024 Kl. 10:00-12:00", "Ældrerådet"),
        ("Handicaprådet – dagsorden\nMødested: Sundhedshuset", "Handicaprådet"),
        # "Referat fra X" followed by the next label on the same line (a PDF flattened to one line a page)
        ("1 Referat fra Beskæftigelsesudvalget Mødedato: Tirsdag den 6. februar 2024 Mødetidspunkt: 16:00",
         "Beskæftigelsesudvalget"),
        ("Mødereferat for Social- og Sundhedsudvalget\nMødedato: 12.03.2024\nMødetidspunkt: 16:00",
         "Social- og Sundhedsudvalget"),
        # a regional council's agenda and a decision record, the name on its own line under the heading
        ("Region Sydvest\nDAGSORDEN\nRegionsrådet\nTirsdag den 14. marts 2023 kl. 17.00", "Regionsrådet"),
        ("BESLUTNINGSPROTOKOL\nfra ordinært møde i\nKommunalbestyrelsen\nMandag den 22. januar 2024 kl. 18.00",
         "Kommunalbestyrelsen"),
        ("Region Nordøst\nUdvalg for Regional Udvikling\n\nBeslutningsprotokol\n\n"
         "Møde tirsdag den 12. marts 2024 kl. 14.00",
         "Udvalg for Regional Udvikling"),
        # the genitive of a heading, in capitals
        ("REFERAT AF MAGISTRATENS MØDE\nmandag den 12. august 2024 kl. 10.00", "Magistraten"),
        ("REFERAT\nØKONOMIUDVALGET\nden 4. juni 2024", "Økonomiudvalget"),
        # a label, also in a table row, also with the value below it
        ("Referat\nDato: |\n12-02-2024 |\n---|---|\nUdvalg: |\nSocialudvalget |\nSted: |\nRådhuset |",
         "Socialudvalget"),
        ("Referat\n| Udvalg | KULTUR- OG FRITIDSUDVALGET |\n|---|---|\n| Mødedato | 7. maj 2024 |",
         "Kultur- og Fritidsudvalget"),
        ("Referat\nMødeforum: Fritids- og Idrætsudvalget\nDato: 7. maj 2024", "Fritids- og Idrætsudvalget"),
        # a date before the heading; the name with the date alone on a line
        ("3. juni 2024 - referat fra kommunalbestyrelsen\nKommunalbestyrelsen 3. juni 2024", "Kommunalbestyrelsen"),
        ("Åben\nByrådet 23. oktober 2023\nÅben", "Byrådet"),
        # the genitive before "møde"; a council's name alone on a line; a municipal contact council
        ("Referat af Økonomiudvalgets møde mandag den 3. juni 2024", "Økonomiudvalget"),
        ("Protokol for Byrådets møde den 27. august 2024", "Byrådet"),
        ("Nordby Kommune\nHandicaprådet\nMødedato: 7. marts 2024\nReferat", "Handicaprådet"),
        ("Referat fra KKR Hovedstaden\nden 4. december 2012 kl. 13.00", "KKR Hovedstaden"),
        # an e-mail's subject that sends the agenda
        ("Fra: Politisk Sekretariat <politik@nordby.dk>\nSendt: 1. marts 2024 10:12\n"
         "Emne: VS: Dagsorden til mødet i Plan- og Miljøudvalget den 5. marts 2024\n\nKære udvalgsmedlemmer",
         "Plan- og Miljøudvalget"),
    ],
)
def test_committee_named_in_the_head(head: str, committee: str) -> None:
    assert facts(head + ITEMS).committee == committee


@pytest.mark.parametrize(
    ("text", "committee"),
    [
        # the running header of every item, the head naming no committee
        ("Referat\nDato: Tirsdag, March 12, 2024 - 16:00\n • Pkt. 5 Godkendelse af dagsorden\n  Pkt. 5\n"
         "  Teknik- og Miljøudvalget, 12-03-2024, pkt. 5\n  Godkendt.\n • Pkt. 6 Vejplan\n"
         "  Teknik- og Miljøudvalget, 12-03-2024, pkt. 6\n  Udsat.\n", "Teknik- og Miljøudvalget"),
        # the decision headings: the committee whose decision comes last wins a tie (a council after its committee)
        ("Referat\nÅbent møde\n\n1. Godkendelse af dagsorden\nSagsnr.: 24/1\n"
         "Børne- og Skoleudvalgets beslutning den 04.06.2024\nGodkendt.\n", "Børne- og Skoleudvalget"),
        ("Referat\n\n1. Salg af grund\nSagsnr.: 24/1\nBeslutning i Økonomiudvalget den 03-05-2021\nAnbefales.\n"
         "Beslutning i Byrådet den 10-05-2021\nGodkendt.\n", "Byrådet"),
        # minutes written as prose
        ("Møde nr. 12\nÅr 2024, den 5. marts afholdt Forsyningsnævnet møde. Mødet indledtes kl. 10.00.\n"
         "Dagsorden\n1. Inhabilitet\n", "Forsyningsnævnet"),
    ],
)
def test_committee_named_in_the_body(text: str, committee: str) -> None:
    assert facts(text).committee == committee


@pytest.mark.parametrize(
    "text",
    [
        # a member's title, an item's words and a room are no committee's name
        "Referat\nByrådsmedlem Anne Hansen deltog ikke i mødet.\nForslag fra Ældrerådet 3. maj 2021\n\n"
        "1. Orientering om referat fra Ældrerådet\nBeslutning: Taget til efterretning.\n",
        "Referat\ni Økonomiudvalgsværelset\n\n1. Godkendelse af dagsorden\nBeslutning: Godkendt.\n",
        # "udvalget" says which kind of committee, not which one; "mødet" is no name
        "Referat\n\n1. Vejplan\nSagsnr.: 24/1\nBeslutning i udvalget den 3. maj 2021\nGodkendt.\n",
        "Referat fra mødet den 10. juni 2024\n\n1. Vejplan\nBeslutning: Godkendt.\n",
        # a sentence under the heading; a meeting's committee in an item's history ("Sagsforløb"), in the head or below
        "Referat\nØkonomiudvalget anbefaler sagen\n\n1. Vejplan\nBeslutning: Godkendt.\n",
        "Referat\nÅbent møde\n\n1. Vejplan\nSagsforløb\nUdvalg: Økonomiudvalget\nDato: 03-05-2021\n",
        "Referat\n" + "Åben sag\n" * 16 + "Sagsforløb\nUdvalg: Økonomiudvalget\nDato: 03-05-2021\n",
    ],
)
def test_no_committee_where_none_is_named(text: str) -> None:
    assert facts(text).committee is None


def test_the_title_names_the_committee_where_the_agenda_component_found_none() -> None:
    f = facts("Referat til mødet i Udvalget for Teknik og Miljø den 22. juni 2020 kl. 17:30\n", "letterhead")
    assert (f.title, f.committee) == ("Referat til mødet i Udvalget for Teknik og Miljø den 22. juni 2020 kl. 17:30",
                                      "Udvalget for Teknik og Miljø")


def test_time_and_place_from_the_lines_under_the_heading() -> None:
    f = facts("Referat\ntil\nmødet i Økonomiudvalget\nden 26. april 2017 kl. 08:30\ni Økonomiudvalgsværelset\n" + ITEMS)
    assert (f.committee, f.meeting_time, f.meeting_place) == ("Økonomiudvalget", "08:30", "Økonomiudvalgsværelset")
    f = facts("Referat til mødet i Teknikudvalget den 22. juni 2020 kl. 17:30 i Rådhuset, mødelokale 4\nÅbne punkter\n")
    assert (f.meeting_time, f.meeting_place) == ("17:30", "Rådhuset, mødelokale 4")


def test_a_committees_genitive_decision_heading_holds_the_decision() -> None:
    f = facts("Referat\n\n1. Skolestruktur\nSagsnr.: 24/1\nBørne- og Skoleudvalgets beslutning den 04.06.2024\n"
              "Sendt i høring.\n\n2. Ældrerådets høringssvar\nBørne- og Skoleudvalgets beslutning den 04.06.2024\n"
              "Taget til efterretning.\n")
    assert [(a.number, a.decision) for a in f.agenda_items] == [(1, "Sendt i høring."), (2, "Taget til efterretning.")]


# --- whole documents through `foi extract --json` --------------------------------------------------

OWN = {
    "region_dagsorden.txt": (
        "Region Sydvest\n\nDAGSORDEN\n\nRegionsrådet\n\nTirsdag den 14. marts 2023 kl. 17.00\n"
        "Regionshuset, Damhaven 12, Vejle\n\n1. Godkendelse af dagsorden\nSagsnr.: 23/00412\nIndstilling\n"
        "Administrationen indstiller, at dagsordenen godkendes.\n\n2. Budgetopfølgning for hospitalerne\n"
        "Sagsnr.: 23/01177\nIndstilling\nAdministrationen indstiller, at budgetopfølgningen tages til efterretning.\n",
        ("other", "2023-03-14", "Regionsrådet")),
    "beslutningsprotokol.txt": (
        "Nordby Kommune\n\nBESLUTNINGSPROTOKOL\nfra ordinært møde i\nKommunalbestyrelsen\n"
        "Mandag den 22. januar 2024 kl. 18.00\nByrådssalen\n\nFraværende: Jens Holm (V)\n\n"
        "Punkt 1: Godkendelse af dagsorden\nSagsnr.: 24/00010\nBeslutning: Godkendt.\n\n"
        "Punkt 2: Salg af erhvervsgrund ved Industrivej\nSagsnr.: 24/00233\n"
        "Beslutning: Godkendt med 19 stemmer mod 2.\n",
        ("minutes", "2024-01-22", "Kommunalbestyrelsen")),
    "moedereferat.txt": (
        "Mødereferat for Social- og Sundhedsudvalget\nMødedato: 12.03.2024\nMødetidspunkt: 16:00\n"
        "Mødelokale: Udvalgsværelse 2\n\nMedlemmer: Anne Dahl (A), Ole Berg (C), Mette Kjær (F)\n\n"
        "1. Godkendelse af dagsorden\nBeslutning: Godkendt.\n\n2. Tilsyn med plejecentre 2023\nSagsnr.: 24/01001\n"
        "Beslutning: Taget til efterretning.\n",
        ("minutes", "2024-03-12", "Social- og Sundhedsudvalget")),
    "mailet_dagsorden.txt": (
        "Fra: Politisk Sekretariat <politik@nordby.dk>\nSendt: 1. marts 2024 10:12\n"
        "Til: Medlemmer af Plan- og Miljøudvalget\n"
        "Emne: Dagsorden til mødet i Plan- og Miljøudvalget den 5. marts 2024\n\n"
        "Kære udvalgsmedlemmer\n\nHermed dagsordenen til mødet tirsdag den 5. marts 2024 kl. 15.00 i mødelokale 3.\n\n"
        "1. Godkendelse af dagsorden\n2. Lokalplan 117 for boliger ved Engvej\n3. Eventuelt\n\n"
        "Med venlig hilsen\nPolitisk Sekretariat\n",
        ("email", "2024-03-01", "Plan- og Miljøudvalget")),
}


def _extract(path: Path) -> dict[str, object]:
    result = CliRunner().invoke(main, ["extract", "--json", str(path)])
    assert result.exit_code == 0, result.output
    documents: list[dict[str, object]] = json.loads(result.output)["documents"]
    return documents[0]


@pytest.mark.parametrize("name", sorted(OWN))
def test_own_documents_through_the_cli(tmp_path: Path, name: str) -> None:
    text, (kind, date, committee) = OWN[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    document = _extract(path)
    assert (document["kind"], document["date"], document["committee"]) == (kind, date, committee)


REAL = {
    "realworld/23_energitilsynet-referat-moede-40-2003.txt": "Energitilsynet",
    "realworld/24_energitilsynet-referat-moede-13-2001.txt": "Energitilsynet",
    "realworld/25_odense-oekonomiudvalget-referat-2017-04-26.txt": "Økonomiudvalget",
    "realworld/26_odense-byraad-referat-2016-04-06.txt": "Odense Byråd",
    "realworld/27_mariagerfjord-teknik-miljoe-referat-2020-06-22.txt": "Udvalget for Teknik og Miljø",
    "realworld/28_roskilde-kultur-idraet-referat-2019-04-03.txt": "Kultur- og Idrætsudvalget",
    "realworld/29_kolding-oekonomiudvalget-referat-2019-03-18.txt": "Økonomiudvalget",
    "realworld/30_aalborg-byraad-referat-2023-10-23.txt": "Byrådet",
    "realworld/31_region-midtjylland-regional-udvikling-dagsorden-2023-02-01.txt": "Udvalg for regional udvikling",
    "realworld/32_region-syddanmark-forretningsudvalget-referat-2007-12-05.txt": "Forretningsudvalget",
    "realworld/33_gentofte-oekonomiudvalget-dagsorden-2013-06-10.txt": "Økonomiudvalget",
    "realworld/34_esbjerg-oekonomiudvalget-referat-2014-10-06.txt": "Økonomiudvalget",
    "aarhus/01_aarhus-byraad-referat-2025-08-27.txt": "Aarhus Byråd",
    "aarhus/02_aarhus-teknisk-udvalg-referat-2025-10-01.txt": "Teknisk Udvalg",
    "aarhus/03_aarhus-byraad-dagsorden-2025-10-08.txt": "Aarhus Byråd",
    "realpdf/01_ballerup-sundhedsudvalg-referat-2012-12-04.pdf": "Sundheds- og Forebyggelsesudvalget",
}


def test_real_minutes_and_agendas_name_their_committee() -> None:
    if not SAMPLES.is_dir():
        pytest.skip(f"the real samples are not at {SAMPLES} (../shared beside the clone)")
    got = {name: _extract(SAMPLES / name)["committee"] for name in REAL}
    assert got == REAL
