"""The numbered questions of an inquiry, in the forms citizens and politicians write them.

    1. Hvilke virksomheder …?          1) Hvilke virksomheder …?        (1) Hvilke …?
    Spørgsmål 1: Hvilke …?             Spørgsmål 1                      1. "Hvilke …?"
                                       Hvilke virksomheder …?           (quoted, or with a stray end quote)

    Spørgsmål nr. 31: …                … om nogen? 2. Det ønskes oplyst …  (two numbers on one line)
    1. Hvad …?  a) … b) …              (sub-questions stay in their question)

A question may run over several lines; it ends at the next number, or at the closing. Every
paragraph between two numbers belongs to the first (no question text is dropped); after the last
number only the paragraphs that still ask. Numbers must follow each other (1, 2, 3 …), from 1 or,
labelled "Spørgsmål (nr.) N", from any number; a date ("3. oktober 2018") or an amount at the start
of a line does not open a question, and of several numbered lists the one that asks most is taken.
Without any numbered list, `prose_questions` takes one question per asking sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from foi.danish.patterns import placeholders
from foi.extract.model import Question
from foi.extract.paragraphs import join_lines

_START = re.compile(
    r"^\s*(?:[-•*]\s*)?(?:"
    r"(?:spørgsmål\s+|spm\.?\s*|ad\s+)(?:nr\.?\s*)?(?:s\s*)?(?P<a>\d{1,4})\s*[:.)\-–]?"
    r"|\((?P<b>\d{1,2})\)"
    r"|(?P<c>\d{1,2})\s*[.)]"
    r"|(?P<d>\d{1,2})\s*:"
    r")(?:\s+|(?=[\"“”»«'])|$)(?P<rest>.*)$",
    re.IGNORECASE,
)
_NOT_A_QUESTION = re.compile(r"^" + placeholders()["{MONTH_NAME}"] + r"\b|^\d", re.IGNORECASE)
_CLOSING = re.compile("^" + placeholders()["{CLOSING}"] + r"|^på\s+forhånd\s+tak",
                      re.IGNORECASE)
_QUOTES = "\"“”»«'„"
# a second number inside a line, after the end of a sentence: "… om nogen? 2. Det ønskes oplyst …"
_INLINE = re.compile(r"(?<=[?.!:])\s+(?=(?:spørgsmål\s+(?:nr\.?\s*)?)?\d{1,2}\s*[.)]\s+(?-i:[A-ZÆØÅ\"“»]))",
                     re.IGNORECASE)
_QUESTION_MARK = re.compile(r"\?\s*[\"“”»«']?\s*$")
# a request without a question mark: "Det ønskes oplyst …", "Jeg beder forvaltningen redegøre for …",
# "Jeg vil gerne have en oversigt over …", "Jeg vil også gerne vide, om …", "Oplys venligst …"
_WHAT = r"(?:oplys\w*|oversigt\w*|redegørelse|kopi|opgørelse|liste|status|aktindsigt)"
_REQUEST = re.compile(
    r"\b(?:ønskes|ønsker|bedes|beder|anmoder)\b[^.?]{0,60}?\b(?:oplys\w*|redegø\w*|redegjort|oversigt\w*|"
    r"svar\s+på,?\s+(?:hv\w+|om)|belys\w*|uddyb\w*|beskriv\w*|forklar\w*|angiv\w*|fremsend\w*|vide|bekræft\w*|"
    r"opgør\w*|redegørelse)\b"
    r"|\bvil\s+(?:\w+\s+){0,2}?gerne\s+(?:\w+\s+)?(?:have\s+(?:\w+\s+)?(?:oplyst|belyst|uddybet|tilsendt|at\s+vide|en\s+"
    rf"{_WHAT}|et\s+{_WHAT})|høre|vide|bede\s+om\s+(?:at\s+få\s+)?(?:en\s+|et\s+)?{_WHAT}|spørge|se\s+(?:en|et))\b"
    r"|^(?:redegør|oplys|beskriv|angiv|forklar|send|fremsend|opgør)\b|^[a-h][).]\s",
    re.IGNORECASE)
# a lead-in announces the questions and asks nothing itself: "Jeg beder om svar på følgende:"
_ANNOUNCES = re.compile(r":\s*$|\b(?:følgende|nedenstående|nedenfor|herunder)\b", re.IGNORECASE)


def asks(sentence: str) -> bool:
    """A sentence or paragraph that asks: a question mark, a request, or a sub-question label "a)", "b."."""
    sentence = sentence.strip()
    if _QUESTION_MARK.search(sentence):
        return True
    return not _ANNOUNCES.search(sentence) and bool(_REQUEST.search(sentence))


@dataclass
class _Item:
    number: int
    lines: list[str] = field(default_factory=list)
    start: int = -1
    closed: bool = False  # an empty line came after its text
    pending: list[str] = field(default_factory=list)  # asking paragraphs after it, kept if another number follows


def _start(line: str) -> tuple[int, str, bool] | None:
    """(number, text after it, labelled "Spørgsmål") of a line that opens a numbered question."""
    m = _START.match(line)
    if not m:
        return None
    rest = m.group("rest").strip()
    if rest and _NOT_A_QUESTION.match(rest):
        return None
    number = next(int(m.group(k)) for k in "abcd" if m.group(k))
    return number, rest, m.group("a") is not None


def strip_quotes(text: str) -> str:
    """A question without the quotes around it, or a stray opening or closing quote."""
    text = text.strip()
    for _ in range(2):
        if len(text) > 1 and text[0] in _QUOTES and text.rstrip(".")[-1:] in _QUOTES:
            text = text[1:].rstrip(".")[:-1].strip()
        elif text[:1] in _QUOTES and sum(text.count(q) for q in _QUOTES) % 2:
            text = text[1:].strip()
        elif text[-1:] in _QUOTES and sum(text.count(q) for q in _QUOTES) % 2:
            text = text[:-1].strip()
    return text


def _runs(lines: list[str]) -> list[list[_Item]]:
    runs: list[list[_Item]] = []
    current: list[_Item] = []
    offset = 0
    for line in lines:
        here, offset = offset, offset + len(line) + 1
        text = line.strip()
        started = _start(line)
        opens = started and (not current and (started[0] == 1 or started[2]))
        if started and (opens or current and started[0] == current[-1].number + 1):
            if current:
                current[-1].lines += current[-1].pending
            current.append(_Item(started[0], [started[1]] if started[1] else [], here))
            continue
        if started and started[0] == 1 and current:
            runs.append(current)
            current = [_Item(1, [started[1]] if started[1] else [], here)]
            continue
        if not current:
            continue
        item = current[-1]
        if not text:
            item.closed = bool(item.lines)
            continue
        if _CLOSING.match(text):
            runs.append(current)
            current = []
            continue
        if HEADER_LINE.match(text):
            continue  # "Til: Transportministeren" under "Spørgsmål nr. S 1187" is no question text
        if not item.closed or not item.lines:
            item.lines.append(text)
        elif not (_START.match(text) and not started):
            item.pending.append(text)  # kept if another number follows: it is part of this question
    if current:
        last = current[-1]
        for text in last.pending:  # after the last number: the paragraphs that still ask
            if not asks(text):
                break
            last.lines.append(text)
        runs.append(current)
    return runs


# a heading on the number's line, the question under it: "Spørgsmål 1 – Økonomi" / "Hvad har det kostet?"
_LABEL = re.compile(r"^(?!(?:hv\w+|er|har|kan|vil|skal|bliver|blev|var|findes|agter|mener|det|jeg|vi)\b)"
                    r"[A-ZÆØÅ][\wæøå-]*(?:\s+(?:og\s+)?[\wæøå-]+){0,2}$", re.IGNORECASE)
# "Spørgsmål nr. 212 (Alm. del) »Vil ministeren …«": the committee's reference is no question text
_REFERENCE = re.compile(r"^\((?:[^()]{1,25})\)\s*")


def _text(item: _Item) -> str:
    lines = [_REFERENCE.sub("", line) for line in item.lines[:1]] + item.lines[1:]
    if len(lines) > 1 and _LABEL.match(lines[0]) and lines[1][:1].isupper():
        lines[0] += ":"
    text = ""
    for line in lines:
        text = join_lines(text, line) if text else line
    return strip_quotes(" ".join(text.split()))


def split_questions(text: str) -> list[Question]:
    """The numbered questions of a text, numbered as written; [] when it has no numbered list."""
    lines = [part for line in text.split("\n") for part in _INLINE.split(line)]
    runs = [run for run in _runs(lines) if any(_text(item) for item in run)]
    if not runs:
        return []

    def score(run: list[_Item]) -> tuple[int, int]:
        return sum(asks(_text(item)) for item in run), len(run)

    best = max(runs, key=score)
    return [Question(item.number, _text(item), item.start) for item in best if _text(item)]


HEADER_LINE = re.compile(r"^(?:fra|from|sendt|sent|dato|date|emne|subject|til|to|cc|vedr\.?|vedrørende|af|stillet\s+af|"
                         r"spørger|svarfrist)\s*:", re.IGNORECASE)
_GREETING = re.compile(r"^(?:kære|hej|goddag|til)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[?!.])\s+(?=[A-ZÆØÅ\"“»])")
_BULLET = re.compile(r"^(?:[-•*–▪]|[a-h][).])\s+")  # "- Hvad …?", "a) Hvor mange …?" (no numbered list)


def _paragraphs(text: str) -> list[tuple[int, str, bool]]:
    """(offset, text, is a bullet) of the prose up to the closing; a bullet line is a paragraph of its own."""
    paragraphs: list[tuple[int, str, bool]] = []
    block: list[str] = []
    start, offset, bullet = 0, 0, False
    for line in text.split("\n") + [""]:
        here, offset = offset, offset + len(line) + 1
        stripped = line.strip()
        if _CLOSING.match(stripped):
            break
        new_bullet = bool(_BULLET.match(stripped))
        if not stripped or new_bullet or HEADER_LINE.match(stripped) or (not block and _GREETING.match(stripped)):
            if block:
                paragraphs.append((start, " ".join(block), bullet))
            block, bullet = [], False
            if not new_bullet:
                continue
        if not block:
            start, bullet = here, new_bullet
        block.append(_BULLET.sub("", stripped))
    if block:
        paragraphs.append((start, " ".join(block), bullet))
    return paragraphs


def prose_questions(text: str) -> list[Question]:
    """Questions of an inquiry written as prose: one per sentence that asks (a question mark, or a
    request such as "Det ønskes oplyst …"), numbered 1, 2 …; the bullets under a lead-in that ends
    with a colon are one question each, asking or not ("- en oversigt over …"); headers, greeting,
    lead-in lines and everything from the closing on are left out."""
    out: list[Question] = []
    listing = False  # under "Jeg vil gerne bede om følgende:"
    for start, para, bullet in _paragraphs(text):
        if bullet and listing:
            out.append(Question(len(out) + 1, strip_quotes(" ".join(para.split())), start))
            continue
        sentences = _SENTENCE_END.split(" ".join(para.split()))
        for sentence in sentences:
            if asks(sentence) and len(sentence.split()) >= 3:
                out.append(Question(len(out) + 1, strip_quotes(sentence), start))
        listing = bullet and listing or sentences[-1].rstrip().endswith(":")
    return out
