"""Does an earlier answer answer this question? Reuse only when it does; a placeholder is better than
a wrong answer (issue 13: shared domain words alone made 6 of 6 wrong reuses).

    decide("Hvor mange borgere var i virksomhedspraktik i 2018?",
           "Forvaltningen er ikke bekendt med, at dette er tilfældet. …")  -> Decision(False, "a count …")

Three tests, all must pass:
1. the first sentence answers, it does not refer ("Se svar på spørgsmål 2", "Der henvises til …"), and
   when the question asks for a value (a count, an amount, a date, names), it does not rest on the
   earlier question's premise ("… er ikke bekendt med, at dette er tilfældet");
2. the answer holds what the question's type asks for: a number of what a count question counts
   ("156 byggetilladelser", not "38 dage"), an amount for "hvad koster", a date for "hvornår", a
   reason for "hvorfor" … (responses.classify);
3. it is about the same thing: the year and the § asked about, every long compound of the question
   ("vuggestueplads" is not "dagpleje"), and at least half of the question's distinctive terms, those
   that are not domain words (borger, virksomhed, mentorstøtte …, drafting.toml [reuse]).
Calibrated on tests/drafting/reuse_pairs.tsv (precision ≥ 0.90 required by a test); measured on a
second set written without looking at these rules (tests/drafting/reuse_pairs_heldout.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from foi.extract.pattern_data import any_of, load_patterns
from foi.responses.addressee import ADMINISTRATION
from foi.responses.classify import classify
from foi.store.queries import stem_terms, term_match

_DATA = load_patterns("drafting", "foi.responses")["reuse"]
_REFERS = any_of(_DATA["refers"])
_PREMISE = any_of(_DATA["premise"])
# questions whose answer is a value (a number, an amount, a date, names): a premise denied gives none
_ASKS_A_VALUE = frozenset({"count", "amount", "date", "names", "measure"})
_DOMAIN = tuple(_DATA["domain_stems"])
_EVIDENCE = {kind: any_of(patterns) for kind, patterns in _DATA["evidence"].items()}
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9])")
_COUNTED = any_of(_DATA["counted"])
_NUMBER = re.compile(_DATA["number"], re.IGNORECASE)
_LEGAL_REF = re.compile(r"§\s*(\d+)")  # the number only: in "§ 110 i 2023" the "i" is a word, not "§ 110 i"
SUBJECT_STEM_LENGTH = int(_DATA["subject_stem_length"])
NARROWING_STEM_LENGTH = int(_DATA["narrowing_stem_length"])
MIN_COVERAGE = float(_DATA["min_coverage"])
# a capitalised word inside a sentence: a place, an institution, a person ("Søndervang Hallen", "Nørreby")
_PROPER_NAME = re.compile(r"(?<=[\w,] )[A-ZÆØÅ][\wæøå-]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s*)$")
DOMAIN_ONLY_COVERAGE = float(_DATA["domain_only_coverage"])
_QUESTION_WORDS = frozenset(_DATA["question_stems"])


@dataclass(frozen=True)
class Decision:
    reuse: bool
    reason: str
    kind: str = "other"
    coverage: float = 0.0


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    return _SENTENCE.split(text, maxsplit=1)[0] if text else ""


def distinctive(question: str) -> list[str]:
    """The question's stems that say what it is about: no domain words, no years, no question words."""
    return [t for t in dict.fromkeys(stem_terms(question))
            if not _YEAR.fullmatch(t) and not t.isdigit() and not _is_domain(t)]


def _is_domain(stem: str) -> bool:
    # the stemmer cuts deeper than the list's stems: "virksomheder" -> "virksom", a prefix of "virksomhed"
    return any(stem.startswith(d) or (len(stem) >= 5 and d.startswith(stem)) for d in _DOMAIN)


def _match(term: str, other: str) -> float:
    """term_match, and a stem that is the other's inflected form ("yd" of "yde" and "yder")."""
    short, long = sorted((term, other), key=len)
    if len(short) >= 2 and long.startswith(short) and len(long) - len(short) <= 2:
        return 1.0
    return term_match(term, other)


def counts_what_is_asked(question: str, answer: str) -> bool:
    """A count question ("Hvor mange byggetilladelser …") is answered by a number of what it counts
    ("156 byggetilladelser", "byggetilladelser … i alt 156"), not by any number ("38 dage")."""
    m = _COUNTED.search(" ".join(question.split()))
    counted = next((g for g in m.groups() if g), "") if m else ""
    asked = [t for t in stem_terms(counted) if len(t) >= 3 and not t.isdigit()][:2]
    if not asked:
        return True  # nothing named to count: the type's evidence has already been checked
    words = re.findall(r"[\w-]+|\S", answer)
    for i, word in enumerate(words):
        if not _NUMBER.fullmatch(word) or _YEAR.fullmatch(word):
            continue
        near = stem_terms(" ".join(words[max(0, i - 4):i] + words[i + 1:i + 4]))
        if any(n.endswith(a) or _match(a, n) >= 0.8 for a in asked for n in near):
            return True
    return False


def _compound(a: str, b: str) -> bool:
    """One word inside the other, as Danish compounds are ("madservice" in "madserviceordning")."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 5 and short in long


def _missing_subject(scores: dict[str, float], answered: set[str]) -> str | None:
    """A long word of the question (a compound, which names its subject: "vuggestueplads",
    "enfamiliehuse") that neither the answer nor its question holds, in any compound."""
    return next((t for t, score in scores.items() if len(t) >= SUBJECT_STEM_LENGTH and score < 0.8
                 and not any(_compound(t, a) for a in answered)), None)


def _narrower(question: str, earlier_question: str) -> list[str]:
    """Names the earlier question asked about that this one does not name ("Søndervang Hallen" when the
    question asks about every hall): its answer speaks of that one, not of what is asked now."""
    asked = " ".join(question.split()).lower()
    earlier = ADMINISTRATION.sub(" ", " ".join(earlier_question.split()))  # the asked body is no part of a scope
    named = [m.group(0) for m in _PROPER_NAME.finditer(earlier) if not _SENTENCE_START.search(earlier[: m.start()])]
    names = [n for n in named if n.lower() not in asked and not _is_domain(stem_terms(n)[0] if stem_terms(n) else "")]
    if names:
        return names
    # every word of this question is in the earlier one, which narrowed it with a noun or a number:
    # "sygefraværet blandt kommunens ansatte" against "… i ældreplejen", "borgere" against "borgere over 80 år"
    mine, theirs = distinctive(question), distinctive(earlier_question)
    if not mine or any(not _covered(t, theirs) for t in mine):
        return []
    extra = [t for t in theirs if not _covered(t, mine) and (len(t) >= NARROWING_STEM_LENGTH or t.isdigit())]
    return extra


def _covered(term: str, terms: list[str]) -> bool:
    return any(_match(term, t) >= 0.8 or _compound(term, t) for t in terms)


def _domain_only(question: str, answer: str, kind: str) -> Decision:
    """A question made of domain words only ("Hvor mange borgere var i virksomhedspraktik med mentorstøtte
    i 2018?"): every one of them must be in the answer itself, not only in the question it answered."""
    terms = [t for t in dict.fromkeys(stem_terms(question)) if t not in _QUESTION_WORDS
             and not _YEAR.fullmatch(t) and not t.isdigit()]
    own = set(stem_terms(answer))
    got = sum(max((_match(t, a) for a in own), default=0.0) for t in terms) / len(terms) if terms else 0.0
    if got < DOMAIN_ONLY_COVERAGE:
        return Decision(False, f"the question has only domain words, and the answer holds {got:.0%} of them", kind, got)
    return Decision(True, f"answers a {kind} question, holds all its domain words", kind, got)


def decide(question: str, answer: str, earlier_question: str = "") -> Decision:
    """Whether `answer` answers `question`; the terms may be covered by the answer or by the earlier
    question it answered (the type and the first sentence are judged on the answer alone)."""
    kind = classify(question)
    text = " ".join(answer.split())
    if not text:
        return Decision(False, "the earlier answer is empty", kind)
    if kind == "fact":
        return Decision(False, "a document's fact is looked up in the store, not reused", kind)
    if kind == "document":
        return Decision(False, "documents asked for are sent, not answered with an earlier answer", kind)
    if _REFERS.search(first_sentence(text)):
        return Decision(False, "the earlier answer's first sentence refers elsewhere", kind)
    if kind in _ASKS_A_VALUE and _PREMISE.search(first_sentence(text)):
        return Decision(False, f"a {kind} question, and the earlier answer's first sentence only confirms or denies "
                               "the earlier question's premise", kind)
    evidence = _EVIDENCE.get(kind)
    if evidence is not None and not evidence.search(text):
        return Decision(False, f"a {kind} question, and the earlier answer holds no {kind}", kind)
    if kind == "count" and not counts_what_is_asked(question, text):
        return Decision(False, "a count question, and no number in the earlier answer counts what it asks", kind)
    refs = set(_LEGAL_REF.findall(question))
    if refs - set(_LEGAL_REF.findall(text + " " + earlier_question)):
        return Decision(False, f"the question cites § {', '.join(sorted(refs))}; the answer does not", kind)
    years = set(_YEAR.findall(question))
    if years and not years & set(_YEAR.findall(text)):
        return Decision(False, f"the question asks about {', '.join(sorted(years))}; the answer does not", kind)
    terms = distinctive(question)
    answered = set(stem_terms(text + " " + earlier_question))
    if not terms:
        return _domain_only(question, text, kind)
    scores = {t: max((_match(t, a) for a in answered), default=0.0) for t in terms}
    missing = _missing_subject(scores, answered)
    if missing:
        return Decision(False, f"neither the answer nor its question speaks of the question's {missing!r}", kind)
    got = sum(scores.values()) / len(terms)
    if got < MIN_COVERAGE:
        return Decision(False, f"the answer covers {got:.0%} of the question's distinctive terms", kind, got)
    narrower = _narrower(question, earlier_question)
    if narrower:
        return Decision(False, f"the earlier question asked about {', '.join(narrower)}, which this one does not", kind)
    return Decision(True, f"answers a {kind} question, covers {got:.0%} of its distinctive terms", kind, got)
