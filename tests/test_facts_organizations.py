"""The organizations component: one rule a test, each with short made-up Danish sentences."""

from __future__ import annotations

import spacy

from foi.extract.facts.context import attach
from foi.extract.facts.organizations import find_organizations, find_organizations_in
from foi.extract.model import BODY, MARGIN, Company, Document, Line, Person

NLP = spacy.blank("da")


def orgs(*lines: str) -> list[str]:
    rows: list[tuple[int, str, str]] = []
    offset = 0
    for line in lines:
        rows.append((offset, line, BODY))
        offset += len(line) + 1
    return [o.name for o in find_organizations_in(rows)]


def test_an_abbreviation_in_capitals() -> None:
    assert orgs("BIU blev orienteret om sagen den 3. maj.") == ["BIU"]
    assert orgs("Virksomheden hører under COOP, som ejer kæden.") == ["COOP"]


def test_capitals_that_are_no_organisation() -> None:
    assert orgs("Sinem Demir, MB, har spurgt om sagen.") == []
    assert orgs("Send aldrig dit CPR-nummer eller en PDF med CPR i en mail.") == []
    assert orgs("Mødet holdes i lokale Sollentuna II. Det er OK.") == []
    assert orgs("Lokalplan LP 854 er vedtaget.") == []


def test_capitals_for_emphasis_are_no_organisation() -> None:
    assert orgs("Vi har ALTID selv betalt. Det har vi altid gjort.") == []


def test_party_letters_are_no_organisation() -> None:
    assert orgs("Gert Wahl (Ø) og Ivan Fogtmann (O) deltog.") == []
    assert orgs("Forslag fra SF og RV om røgfrie strande.") == []
    assert orgs("Velfærdsgenopretning stillet af EL og VJ i fællesskab.") == []


def test_a_heading_in_capitals_is_skipped() -> None:
    assert orgs("BESLUTNINGSFORSLAG FRA DD OG LA") == []


def test_a_defined_abbreviation_gives_name_and_abbreviation() -> None:
    found = orgs("Styrelsen for Arbejdsmarked og Rekruttering (STAR) har igangsat en revision.", "STAR følger op.")
    assert found == ["Styrelsen for Arbejdsmarked og Rekruttering", "STAR"]


def test_an_abbreviation_defined_for_a_law_or_a_thing_is_no_organisation() -> None:
    assert orgs("Mentorstøtte gives efter lov om aktiv beskæftigelsesindsats (LAB). LAB er ændret.") == []
    assert orgs("Byrådet følger op på den grønne mobilitetsplan (GMP) hvert år.") == []


def test_names_with_an_authority_head() -> None:
    assert orgs("Sundhedsstyrelsen har udsendt nye anbefalinger.") == ["Sundhedsstyrelsen"]
    assert orgs("Pengene udbetales af Udlændinge- og Integrationsministeriet i 2018.") == [
        "Udlændinge- og Integrationsministeriet"
    ]
    assert orgs("Sagen er sendt til Ministeriet for Børn og Undervisning i går.") == [
        "Ministeriet for Børn og Undervisning"
    ]


def test_a_head_word_that_opens_a_sentence_is_a_common_noun() -> None:
    assert orgs("Boligforeningen har svaret på henvendelsen.") == []
    assert orgs("Beboerne har skrevet til Boligforeningen Lyset og til Hjerneskadeforeningen.") == [
        "Boligforeningen Lyset",
        "Hjerneskadeforeningen",
    ]


def test_a_name_ending_in_a_head_word() -> None:
    assert orgs("Skal vi konkurrere mod Bestseller Koncernen om grunden?") == ["Bestseller Koncernen"]


def test_the_municipality_and_its_parts_are_not_reported() -> None:
    text = "Københavns Kommune og Socialforvaltningen har drøftet sagen med Region Hovedstaden."
    assert orgs(text, "Arbejdsmarkedsudvalget og Borgerrepræsentationen blev orienteret.") == []


def test_a_business_named_in_parentheses_or_apposition() -> None:
    assert orgs("I artiklen nævnes en virksomhed (Fakta) som eksempel.") == ["Fakta"]
    assert orgs("Revisionen er udført af revisionsfirmaet Deloitte i foråret.") == ["Deloitte"]
    assert orgs("Der gives tilskud til foreningen Leg og Lær.") == ["Leg og Lær"]


def test_news_media() -> None:
    assert orgs("På baggrund af DR-dokumentaren og en artikel i Avisen.dk spørger du.") == ["DR", "Avisen.dk"]
    assert orgs("Kommunen er omtalt i Jyllands Posten og TV2 Lorry.") == ["Jyllands-Posten", "TV2 Lorry"]
    assert orgs("Aktien faldt på børsen.") == []


def test_a_name_written_several_times_mid_sentence() -> None:
    text = ["Revisionen gennemføres af Deloitte.", "Deloitte har gennemgået 20 sager.", "Deloitte peger ikke på fejl."]
    assert orgs(*text) == ["Deloitte"]


def test_places_people_and_titles_are_not_names_of_organisations() -> None:
    assert orgs("Konferencen holdes i Kolding. Mange tager til Kolding med tog fra Kolding.") == []
    assert orgs("Byen Lisbjerg vokser. Der bygges i Lisbjerg og i Lisbjerg.") == []
    assert orgs("Anna Mee Allerslev skrev til Jesper Christensen om sagen.") == []
    assert orgs("Der er afsat midler i Budget 2020 og igen i Budget 2021 til dette.") == []
    assert orgs("Det fremgår af Mobilitetsplanen, og Mobilitetsplanen er vedtaget.") == []


def test_quoted_titles_are_not_names() -> None:
    assert orgs('Dokumentaren "Hvor er Mentor" og bogen "Mentor i dag" blev vist.') == []


def test_each_organisation_once_in_reading_order() -> None:
    assert orgs("BIU og KL har mødtes.", "KL har svaret BIU.") == ["BIU", "KL"]


def test_only_body_lines_are_read() -> None:
    document = Document(1, "letter", [Line("KØBENHAVNS KOMMUNE", 1, MARGIN), Line("NOTAT", 1, MARGIN),
                                      Line("CF 2. kontor, område I", 1, MARGIN), Line("Tak for dit brev.")])
    find_organizations(attach(NLP.make_doc(document.full_text), document))
    assert document.facts.organizations == []


def test_companies_and_people_found_before_are_not_repeated() -> None:
    document = Document(1, "letter", [Line("Kredsløb A/S har svaret. Vi har også spurgt Kredsløb og Bricks."),
                                      Line("Bricks svarede, og Kredsløb svarede igen.")])
    document.facts.companies = [Company("Kredsløb A/S", "A/S", source="body")]
    document.facts.people = [Person("Lone Bricks", "sender")]
    find_organizations(attach(NLP.make_doc(document.full_text), document))
    assert [o.name for o in document.facts.organizations] == []


def test_offsets_point_into_the_document() -> None:
    document = Document(1, "letter", [Line("Til", 1, MARGIN), Line("Vi har spurgt KL om sagen.")])
    find_organizations(attach(NLP.make_doc(document.full_text), document))
    found = document.facts.organizations[0]
    assert document.full_text[found.start : found.start + 2] == "KL"


# -- names in lists, enumerations and agenda items --------------------------------------------------
def test_a_list_of_hearing_parties_one_a_line_with_bullets_alone() -> None:
    found = orgs("Følgende 4 høringsparter har sendt bemærkninger:", "-", "-", "-", "-",
                 "Dansk Byggeri", "VANDCENTER", "Nordlys Forsyning", "Green Denmark Alliance", "",
                 "Høringssvarene er gengivet nedenfor.")
    assert found == ["Dansk Byggeri", "VANDCENTER", "Nordlys Forsyning", "Green Denmark Alliance"]


def test_a_list_without_an_intro_that_names_parties_is_no_list_of_names() -> None:
    assert orgs("Dagsorden:", "Velkomst", "Budget", "Eventuelt") == []


def test_parties_after_a_cue_in_running_text() -> None:
    assert orgs("Der er kommet høringssvar fra Vestbo Boligforening og Lejerforeningen Sydbo.") == [
        "Vestbo Boligforening", "Lejerforeningen Sydbo"]
    assert orgs("Vi fik høringssvar fra Brixo og Nordlandet, som begge støtter planen.") == ["Brixo", "Nordlandet"]
    assert orgs("Prisen er indstillet af Arkitektforeningen Nord.") == ["Arkitektforeningen Nord"]


def test_an_og_inside_a_member_of_a_list_with_commas_binds_it() -> None:
    found = orgs("Skal vi konkurrere mod f eks Brixo, Holm og Lund, Grøn Bolig etc?")
    assert found == ["Brixo", "Holm og Lund", "Grøn Bolig"]


def test_a_loose_cue_without_commas_or_with_things_in_lower_case_gives_no_names() -> None:
    assert orgs("Der kom bemærkninger fra Sociale Forhold og Beskæftigelses gennemgang af tallene.") == []
    assert "Sprogtest" not in orgs("Vi bruger værktøjer, herunder TOPO, Sprogtest, dialogark og SMT.")


def test_a_name_in_the_genitive_before_a_board() -> None:
    assert orgs("Mette Lund indtræder i Green Vejle bestyrelse og Blue Vejles bestyrelse.") == ["Blue Vejle"]


def test_agenda_parties_by_analogy_with_the_other_items() -> None:
    found = orgs("4. VEKS og NORDEL - netpriser ved fusion", "5. Ostra - krav til VEKS om pladsleje",
                 "6. SEAS - salg af aktier", "7. Budget - godkendelse")
    assert "Ostra" in found and "Budget" not in found


def test_agenda_titles_without_known_parties_are_no_names() -> None:
    assert orgs("4. Lokalplan 12 - forslag", "5. Skolevej - trafiksikring", "6. Ældrepolitik - høring") == []


def test_a_name_of_several_words_written_mid_sentence_again_and_again() -> None:
    text = ["Vi har talt med Bådens Perle om sagen, og Bådens Perle vil gerne blive.",
            "Derfor skal Bådens Perles fremtid sikres, så Bådens Perle kan blive på havnen."]
    assert orgs(*text) == ["Bådens Perle"]
    assert orgs("Vi mødte Trevor Dance, og Trevor Dance talte.") == []


def test_a_business_after_a_compound_of_virksomheden() -> None:
    assert orgs("Grunden husede tidligere redningsvirksomheden Falko, før den blev solgt.") == ["Falko"]


# -- public bodies and associations are never companies ----------------------------------------------
def test_public_bodies_associations_and_institutions() -> None:
    from foi.extract.facts.public_bodies import is_public_body

    for name in ["SOF", "BIU", "Teknik- og Miljøforvaltningen", "Ankestyrelsen", "Styrelsen for Patientsikkerhed",
                 "Hjerneskadeforeningen", "Dansk Erhverv", "Ejbyskolen", "Plejecenter Bredebo", "KL"]:
        assert is_public_body(name), name
    for name in ["Fakta", "COOP", "HOFOR", "Nordlys Forsyning", "Dansk Supermarked A/S", "Havnens Perle"]:
        assert not is_public_body(name), name


def test_an_abbreviation_the_text_defines_for_a_public_body() -> None:
    from foi.extract.facts.public_bodies import is_public_body

    text = "Sagen er sendt til Børne- og Ungdomsforvaltningen (BUFA), som svarer i maj."
    assert is_public_body("BUFA", text) and not is_public_body("BUFA", "BUFA leverer møbler.")
