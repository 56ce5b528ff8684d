"""The companies component: one rule a test, each with a few lines of made-up Danish text."""

from __future__ import annotations

import spacy

from foi.extract.facts.companies import (
    company,
    cut_width,
    find_companies,
    find_in_text,
    is_company_list,
    legal_form,
    owner,
)
from foi.extract.facts.context import attach
from foi.extract.model import BODY, MARGIN, Company, Document, Line

NLP = spacy.blank("da")


def companies_of(*lines: str | tuple[str, str], kind: str = "annex") -> list[Company]:
    """Run the component over lines; a (text, role) tuple gives a line a role other than body."""
    document = Document(1, kind, [Line(x) if isinstance(x, str) else Line(x[0], 1, x[1]) for x in lines])
    find_companies(attach(NLP.make_doc(document.full_text), document))
    return document.facts.companies


def names(found: list[Company]) -> list[str]:
    return [c.name for c in found]


# -- legal forms and owners -------------------------------------------------------------------------
def test_legal_forms_in_any_case() -> None:
    assert legal_form("tagdækning nord a/s") == "A/S"
    assert legal_form("Pemile ApS") == "ApS"
    assert legal_form("grøn energi ivs") == "IVS"
    assert legal_form("Boligselskabet Lyset S.M.B.A.") == "S.m.b.a."
    assert legal_form("lyset boligselskab smba") == "S.m.b.a."
    assert legal_form("Andelsmejeriet Nord a.m.b.a.") == "A.m.b.a."
    assert legal_form("Fynsk Kapital K/S") == "K/S"
    assert legal_form("Advokathuset P/S") == "P/S"
    assert legal_form("Nordvest Holding") == "Holding"


def test_the_last_form_counts_and_words_that_contain_a_form_do_not() -> None:
    assert legal_form("jholding 7 aps") == "ApS"
    assert legal_form("kapsejlads klub") is None
    assert legal_form("marie hansen") is None


def test_legal_form_before_the_owner() -> None:
    assert legal_form("teatret i/s v/k.berg-nielsen") == "I/S"


def test_owner_after_v_slash() -> None:
    assert owner("cykelsmeden v/ali hassan") == "ali hassan"
    assert owner("Cykelsmeden v/ Ali Hassan") == "Ali Hassan"
    assert owner("cykelsmeden ved søen") is None


def test_a_cut_name_with_a_cut_legal_form() -> None:
    found = company("vvs-firmaet nordvest aps og a/", "vvs-firmaet nordvest aps og a/", 0, width=30)
    assert found.truncated and found.legal_form == "A/S"


def test_a_whole_name_at_the_cut_width_with_a_form_is_not_truncated() -> None:
    name = "tømrer og snedker hansen a/s"
    assert not company(name, name, 0, width=len(name)).truncated


# -- lists ------------------------------------------------------------------------------------------
INTRO = "Oversigt over virksomheder, der har haft elever i praktik i 2022:"
SHORT_LIST = [
    "bager jensen aps",
    "cafe solsikken v/mona berg",
    "grøn have ivs",
    "lone mortensen",
    "maler nielsen og søn a/s",
    "rengøringsfirmaet klar",
]


def test_a_list_after_an_intro_line_keeps_names_as_written() -> None:
    found = companies_of(INTRO, "", *SHORT_LIST)
    assert names(found) == SHORT_LIST
    assert all(c.source == "list" and c.line == c.name for c in found)
    assert found[1].owner == "mona berg" and found[0].legal_form == "ApS" and found[3].legal_form is None


def test_a_list_without_intro_is_known_by_its_legal_forms() -> None:
    assert names(companies_of("", *SHORT_LIST)) == SHORT_LIST


def test_a_list_of_names_without_forms_and_without_intro_is_not_companies() -> None:
    people = ["Benthe Holm (A)", "Gert Wahl (Ø)", "Ivan Lund (O)", "Mikail Erman (A)", "Ømer Kaya (A)"]
    assert companies_of("Medlemmer", *people, kind="minutes") == []


def test_a_bullet_list_of_tasks_is_not_companies() -> None:
    tasks = ["- målet med mentorstøtten", "- navn og kontaktdata på mentor", "- de opgaver, mentor skal bistå med",
             "- varigheden af aftalen", "- timeantallet for mentorstøtten"]
    assert companies_of("Aftalen skal indeholde oplysninger om:", "", *tasks, kind="memo") == []


def test_a_sidebar_inside_a_list_is_skipped_and_the_list_goes_on() -> None:
    sidebar = [("CF 3. kontor, område II", MARGIN), ("", BODY), ("Vesterbrogade 8", MARGIN),
               ("1620 København V", MARGIN), ("EAN nummer", MARGIN), ("5798000000014", MARGIN)]
    found = companies_of(INTRO, *SHORT_LIST[:3], "", *sidebar, "", *SHORT_LIST[3:])
    assert names(found) == SHORT_LIST


def test_a_heading_line_above_the_list_is_no_company() -> None:
    found = companies_of("Virksomheder", *SHORT_LIST)
    assert "Virksomheder" not in names(found) and len(found) == len(SHORT_LIST)


def test_a_list_line_in_capitalised_names() -> None:
    listed = ["Bager Jensen ApS", "Café Solsikken", "Grøn Have IVS", "Hansen Transport A/S", "Murer Lund ApS"]
    assert names(companies_of(INTRO, *listed)) == listed


def test_a_run_of_lower_case_sentence_pieces_is_no_list() -> None:
    assert not is_company_list(["der er tale om", "at borgeren har", "en ny aftale", "som skal følges", "op af"], "")


def test_the_cut_width_is_a_pile_up_of_one_length() -> None:
    lengths = [12, 14, 14, 17, 19, 22, 23, 25, 25, 25, 25, 25, 25, 26, 30]
    assert cut_width(["x" * n for n in lengths]) == 25
    assert cut_width(["x" * n for n in [8, 10, 12, 14, 16, 18, 20, 22]]) is None


def test_names_at_the_cut_width_are_flagged_truncated() -> None:
    at_width = [
        "andelsboligforeningen sydhav",  # cut
        "autoværkstedet ved ringvejen",  # whole, but it cannot be told from a cut name
        "byggefirma lund og larsen a/",  # cut inside its legal form
        "ejendomsservice københavn nv",
        "idrætsforeningen for ældre i",
        "tømrer og snedker hansen a/s",  # ends in a whole legal form: not cut
    ]
    shorter = ["bager jensen aps", "cykelsmeden v/ali hassan", "daginstitutionen solstrålen", "grøn have ivs"]
    assert {len(n) for n in at_width} == {28}
    found = {c.name: c for c in companies_of(INTRO, *sorted(at_width + shorter))}
    assert len(found) == 10
    assert sorted(n for n, c in found.items() if c.truncated) == sorted(at_width[:5])
    assert found["byggefirma lund og larsen a/"].legal_form == "A/S"
    assert found["tømrer og snedker hansen a/s"].legal_form == "A/S"


# -- tables -----------------------------------------------------------------------------------------
def test_the_name_column_of_a_table() -> None:
    rows = ["Virksomhed\tCVR\tAntal forløb", "Bager Jensen ApS\t10007917\t4", "Grøn Have IVS\t10023750\t2",
            "Lone Mortensen\t10031672\t1", "I alt\t\t7"]
    found = companies_of("Bilag 1", "", *rows)
    assert names(found) == ["Bager Jensen ApS", "Grøn Have IVS", "Lone Mortensen"]
    assert found[0].line == rows[1] and found[0].source == "list"


def test_a_table_column_of_legal_forms_without_a_header_word() -> None:
    rows = ["Nr.\tNavn\tBeløb", "1\tBager Jensen ApS\t10.000", "2\tHansen Transport A/S\t25.000"]
    assert names(companies_of(*rows)) == ["Bager Jensen ApS", "Hansen Transport A/S"]


def test_a_table_of_numbers_holds_no_companies() -> None:
    rows = ["\tÅbne pladser\tI alt", "Virksomhedspraktik\t43\t172", "Seniorjob\t0\t29", "Nytteindsats\t6\t25"]
    assert companies_of(*rows, kind="memo") == []


# -- running text -----------------------------------------------------------------------------------
def test_a_name_with_a_legal_form_in_running_text() -> None:
    found = find_in_text("Samtidig har Kredsløb A/S opjusteret forventningerne.", 100)
    assert names(found) == ["Kredsløb A/S"]
    assert found[0].source == "body" and found[0].legal_form == "A/S" and found[0].start == 113


def test_a_sentence_opening_word_is_not_part_of_the_name() -> None:
    assert names(find_in_text("Også Dansk Supermarked A/S har svaret.")) == ["Dansk Supermarked A/S"]


def test_two_names_joined_by_og() -> None:
    text = "Opgaven er løst af Implement Consulting Group P/S og Fynsk Analyse ApS."
    assert names(find_in_text(text)) == ["Implement Consulting Group P/S", "Fynsk Analyse ApS"]
    assert names(find_in_text("Aftalen mellem Aarhus Kommune og Kredsløb A/S er forlænget.")) == ["Kredsløb A/S"]


def test_small_words_inside_a_name() -> None:
    assert names(find_in_text("Arbejdet udføres af Hansen & Søn ApS.")) == ["Hansen & Søn ApS"]
    assert names(find_in_text("Lejer er Ejendomsselskabet af 1942 A/S.")) == ["Ejendomsselskabet af 1942 A/S"]


def test_a_signature_line_with_cvr() -> None:
    assert names(find_in_text("Restaurant Havnens Perle ApS. Cvr 26382122")) == ["Restaurant Havnens Perle ApS"]


def test_no_name_no_company() -> None:
    assert find_in_text("Selskabet er et a/s, ikke et aps.") == []
    assert find_in_text("Vi taler med holding-selskaberne.") == []


def test_a_business_without_a_legal_form_is_no_company() -> None:
    letter = ["Kære Jonas Berg", "", "I artiklen nævnes en virksomhed (Fakta) som hører under COOP."]
    assert companies_of(*letter, kind="letter") == []


def test_each_body_company_once() -> None:
    found = companies_of("Kredsløb A/S har svaret.", "", "Vi har talt med Kredsløb A/S igen.", kind="letter")
    assert names(found) == ["Kredsløb A/S"]


# -- legal forms before the name, foreign forms, titles -----------------------------------------------
def test_a_legal_form_before_the_name() -> None:
    assert names(find_in_text("Aftalen med I/S Vestforbrænding er forlænget.")) == ["I/S Vestforbrænding"]
    assert find_in_text("Selskabet er et i/s med to ejere.") == []


def test_foreign_legal_forms_as_written() -> None:
    found = find_in_text("Tilbud kom fra Statkraft AS, Volvo Lastvagnar AB og Siemens Gamesa GmbH.")
    assert [(c.name, c.legal_form) for c in found] == [
        ("Statkraft AS", "AS"), ("Volvo Lastvagnar AB", "AB"), ("Siemens Gamesa GmbH", "GmbH")]
    assert names(find_in_text("Leverandøren er Nordic Parts Ltd. i Leeds.")) == ["Nordic Parts Ltd."]


def test_foreign_forms_in_lower_case_or_in_numbers_are_no_form() -> None:
    assert find_in_text("Vi se på sagen igen, som aftalt på samråd AB.") == []
    assert find_in_text("Statsforvaltningen EAN- NR SE- NR oplyses på brevet.") == []


def test_a_title_before_the_company_is_not_its_name() -> None:
    assert names(find_in_text("Betalingsvedtægt for Gentofte Spildevand A/S")) == ["Gentofte Spildevand A/S"]
    assert names(find_in_text("Lånegaranti til Aalborg Vand A/S")) == ["Aalborg Vand A/S"]
    assert names(find_in_text("Foreningen for Bedre Byggeri A/S svarer.")) == ["Foreningen for Bedre Byggeri A/S"]


# -- companies without a legal form --------------------------------------------------------------------
def test_a_utility_by_its_kind_as_the_last_word() -> None:
    found = companies_of("Der var dialogmøde med Nørby Vandværk og Nørby Fjernvarme om vejen.", kind="minutes")
    assert names(found) == ["Nørby Vandværk", "Nørby Fjernvarme"]
    assert names(companies_of("4. Vestkyst Elforsyning og NVE - netpriser ved fusion", kind="minutes")) == [
        "Vestkyst Elforsyning"]
    assert names(companies_of("5. SV Net - kompenserende kabellægning", kind="minutes")) == ["SV Net"]


def test_a_kind_at_the_end_of_a_compound_and_a_genitive() -> None:
    found = companies_of("Sagen gælder Ebeltoft Kommunes Fjernvarmeforsynings overtagelse af værket.", kind="letter")
    assert names(found) == ["Ebeltoft Kommunes Fjernvarmeforsyning"]


def test_a_shop_or_a_park_by_its_kind() -> None:
    assert names(companies_of("Hansens Fiskehandel købte grunden for år tilbage.", kind="email")) == [
        "Hansens Fiskehandel"]
    assert names(companies_of("Vi bør satse på turisme. Lolland Sommerland", kind="other")) == ["Lolland Sommerland"]


def test_a_utility_kind_before_a_place_or_a_code() -> None:
    assert names(companies_of("8. Krav til Naturgas Sjælland om måledata", kind="minutes")) == ["Naturgas Sjælland"]
    assert names(companies_of("Placering af ejerandel i Energi E7", kind="minutes")) == ["Energi E7"]


def test_a_kind_word_alone_or_in_the_municipality_is_no_company() -> None:
    assert companies_of("Fjernvarme - supplerende anlægsbevilling", kind="minutes") == []
    assert companies_of("Kommunens Vand og Forsyning har svaret.", kind="letter") == []
    assert companies_of("Vand og Forsyning i Teknik og Miljø har svaret.", kind="letter") == []


def test_an_association_with_a_business_word_is_no_company() -> None:
    assert companies_of("Høringssvar fra Dansk Fjernvarme og Foreningen af Rådgivende Ingeniører.", kind="memo") == []


def test_a_firm_head_word_as_part_of_the_name() -> None:
    found = companies_of("Tegnestuen Vestlys har søgt om tilladelse til at bygge en altan.", kind="minutes")
    assert names(found) == ["Tegnestuen Vestlys"]
    assert names(companies_of("Vi spiste på Restaurant Lille Perle i går.", kind="email")) == ["Restaurant Lille Perle"]


def test_a_firm_applying_on_behalf_of_the_owner() -> None:
    found = companies_of("Tegnstuen Nordlys har på vegne af ejeren ansøgt om at ombygge huset.", kind="minutes")
    assert names(found) == ["Tegnstuen Nordlys"]
    assert companies_of("Anne Holm har på vegne af ejeren søgt om dispensation.", kind="minutes") == []


def test_a_company_bought_sold_or_owned_in_shares() -> None:
    assert names(companies_of("7. VEKS - salg af Solstrøm", kind="minutes")) == ["Solstrøm"]
    assert names(companies_of("Kommunen ejer aktier i Vestforsyning.", kind="minutes")) == ["Vestforsyning"]
    assert companies_of("Salg af Saksild Strand Sundhedsstaben Vedtaget", kind="annex") == []


def test_a_web_name_as_a_company_but_not_a_public_site() -> None:
    assert names(companies_of("Annoncen stod på Boligsiden.dk og på Borger.dk.", kind="letter")) == ["Boligsiden.dk"]
    assert companies_of("Læs mere på Kulturkommune.dk eller skriv til post@kultur.dk.", kind="letter") == []


def test_a_brand_after_a_company_with_a_legal_form() -> None:
    found = companies_of("Betalingsvedtægt for Gentofte Spildevand A/S - Nordvand", kind="minutes")
    assert names(found) == ["Gentofte Spildevand A/S", "Nordvand"]
