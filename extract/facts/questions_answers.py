"""The numbered questions of an inquiry and the numbered answers to them.

Questions are a run of numbered items ("1. …", "2) …", "Spørgsmål 3: …") that a heading or an
introducing sentence announces, or that ask something. Answers are the `Ad N` sections of an answer
letter (or "Svar på spørgsmål N"), and the "Spørgsmål N: … Svar: …" pairs of a question-and-answer
layout. An answer's text is its body lines only (no sidebar, running header or letterhead), rebuilt
into paragraphs, without a repeated question and ending before the closing, the signature and the
list of enclosures.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from foi.extract.facts.context import facts_of, line_offsets
from foi.extract.model import BODY, Answer, Question
from foi.extract.paragraphs import join_paragraphs, split_paragraphs
from foi.extract.pattern_data import load_patterns

_NUMS = r"\d{1,2}(?:\s*(?:,|og|samt|&|and)\s*\d{1,2})*"
_MAX_QUESTION_LINES = 14  # a numbered question longer than this is running text, not a question
_SIMILAR = 0.75
_MAX_HEADING_LINES = 5  # lines a repeated question under an Ad heading may wrap onto


@dataclass(frozen=True)
class _Line:
    offset: int  # in doc.text
    text: str
    role: str


@dataclass
class _Block:
    number: int
    offset: int
    lines: list[_Line]


@lru_cache(maxsize=1)
def _patterns() -> dict[str, dict[str, re.Pattern[str]]]:
    raw = load_patterns("questions_answers")
    out: dict[str, dict[str, re.Pattern[str]]] = {}
    for group, entries in raw.items():
        out[group] = {}
        for name, value in entries.items():
            if isinstance(value, list):
                alternatives = "|".join(f"(?:{p.replace('{nums}', _NUMS)})" for p in value)
                out[group][name] = re.compile(alternatives, re.IGNORECASE)
    return out


@lru_cache(maxsize=1)
def _quotes() -> str:
    return str(load_patterns("questions_answers")["question"]["quotes"])


def _match(group: str, name: str, text: str) -> re.Match[str] | None:
    return _patterns()[group][name].match(text.strip().strip("*").strip())


def _groups(m: re.Match[str]) -> tuple[int, str]:
    """The (number, rest) of a match whose alternatives each hold a number group and a text group."""
    found = [g for g in m.groups() if g is not None]
    number = int(found[0]) if found and found[0].isdigit() else 0
    rest = found[1] if len(found) > 1 else ""
    return number, rest.strip()


def _lines(doc: Doc) -> list[_Line]:
    return [_Line(offset, text, role) for offset, text, role in line_offsets(doc)]


def _body(lines: list[_Line]) -> list[_Line]:
    return [line for line in lines if line.role == BODY]


def _clean_question(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    quotes = _quotes()
    text = text.strip(quotes + " ")
    return text


def _item(text: str) -> tuple[int, str] | None:
    if text[:1].isspace() and len(text) - len(text.lstrip()) >= 2:
        return None  # an indented list inside running text
    m = _match("question", "item", text)
    return _groups(m) if m else None


def _is_end(text: str) -> bool:
    return _match("answer", "end", text) is not None


# --- questions -------------------------------------------------------------------------------


def _question_runs(lines: list[_Line]) -> list[list[_Block]]:
    """Runs of numbered items 1, 2, 3 …, each item with its wrapped continuation lines."""
    runs: list[list[_Block]] = []
    i = 0
    while i < len(lines):
        first = _item(lines[i].text)
        if not first or first[0] != 1:
            i += 1
            continue
        run = [_Block(1, lines[i].offset, [lines[i]])]
        j, gap, new_paragraph = i + 1, False, False
        while j < len(lines):
            text = lines[j].text
            if not text.strip():
                gap = True
                j += 1
                continue
            nxt = _item(text)
            if nxt and nxt[0] == run[-1].number + 1:
                run.append(_Block(nxt[0], lines[j].offset, [lines[j]]))
            elif _is_end(text) or _match("answer", "heading", text):
                break
            elif gap and not text.strip()[:1].islower():
                new_paragraph = True  # a new paragraph that is no next item ends the run
                break
            elif len(run[-1].lines) >= _MAX_QUESTION_LINES:
                break
            else:
                run[-1].lines.append(lines[j])
            gap = False
            j += 1
        if not new_paragraph:
            _trim_last(run[-1])
        runs.append(run)
        i = j
    return runs


def _trim_last(block: _Block) -> None:
    """The last item of a run that runs on into the text without a paragraph break ends at its first '?'
    when plain statements follow it."""
    asks = [line.text.rstrip().rstrip(_quotes()).endswith("?") for line in block.lines]
    if True in asks:
        k = asks.index(True)
        if not all(asks[k + 1 :]):
            del block.lines[k + 1 :]


def _announced(lines: list[_Line], run: list[_Block]) -> bool:
    start = next(k for k, line in enumerate(lines) if line.offset == run[0].offset)
    before = [line.text.strip() for line in lines[max(0, start - 6) : start] if line.text.strip()][-3:]
    return any(_patterns()["question"]["intro"].search(t) for t in before)


def _block_text(block: _Block, strip_number: bool = True) -> str:
    texts = [line.text for line in block.lines]
    if strip_number:
        item = _item(texts[0]) or _pair_question(texts[0])
        texts[0] = item[1] if item else texts[0]
    return " ".join(split_paragraphs(texts))


def _find_questions(lines: list[_Line]) -> list[Question]:
    for run in _question_runs(lines):
        texts = [_clean_question(_block_text(b)) for b in run]
        asks = sum("?" in t for t in texts)
        if _announced(lines, run) or asks * 2 >= len(texts):
            return [Question(b.number, t, b.offset) for b, t in zip(run, texts, strict=True) if t]
    return []


# --- answers ---------------------------------------------------------------------------------


def _pair_question(text: str) -> tuple[int, str] | None:
    m = _match("answer", "pair_question", text)
    return _groups(m) if m else None


def _sections(lines: list[_Line], heading: str) -> list[_Block]:
    """Lines from each heading to the next heading, the closing or the enclosures."""
    blocks: list[_Block] = []
    current: _Block | None = None
    for line in lines:
        m = _match("answer", heading, line.text) if line.text.strip() else None
        if m:
            number, rest = _groups(m)
            current = _Block(number, line.offset, [_Line(line.offset, rest, line.role)])
            blocks.append(current)
            continue
        if current is None:
            continue
        if line.text.strip() and _is_end(line.text):
            current = None
            continue
        current.lines.append(line)
    return blocks


def _similar(a: str, b: str) -> bool:
    a, b = _clean_question(a).casefold(), _clean_question(b).casefold()
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= _SIMILAR


def _answer_text(block: _Block, questions: list[Question]) -> tuple[str, str | None]:
    """The answer's paragraphs, and the question its heading repeats (if it repeats one).

    The repeated question is the heading's first lines up to one that ends with "?", before any
    blank line: it may wrap, and the answer may follow it without a blank line."""
    texts = [line.text for line in block.lines if line.role == BODY]
    heading_rest = texts[0].strip() if texts else ""
    repeated: str | None = None
    k = 0
    while k < len(texts) and not texts[k].strip() and not heading_rest:
        k += 1  # "Ad 1" alone: the question may stand on the next line
    first = k
    while k < min(len(texts), first + _MAX_HEADING_LINES) and texts[k].strip():
        if texts[k].rstrip().rstrip(_quotes() + " ").endswith("?"):
            candidate = " ".join(split_paragraphs(texts[first : k + 1]))
            known = any(_similar(candidate, q.text) for q in questions if q.number == block.number)
            one_sentence = not re.search(r"[.!]\s+[A-ZÆØÅ]", candidate)
            if known or (one_sentence and (heading_rest or not questions)):
                repeated, texts = candidate, texts[k + 1 :]
            break
        k += 1
    return join_paragraphs(texts), repeated


def _refers_to(text: str, own: int) -> tuple[int, ...]:
    refs: list[int] = []
    for m in _patterns()["answer"]["refers"].finditer(text):
        nums = next(g for g in m.groups() if g is not None)
        for n in re.findall(r"\d{1,2}", nums):
            if int(n) != own and int(n) not in refs:
                refs.append(int(n))
    return tuple(refs)


def _find_answers(lines: list[_Line], questions: list[Question]) -> tuple[list[Answer], list[Question]]:
    """Answers from `Ad N` sections; questions from their headings when no list of questions was found."""
    answers: list[Answer] = []
    asked: list[Question] = []
    seen: set[int] = set()
    for block in _sections(lines, "heading"):
        if block.number in seen:
            continue
        text, repeated = _answer_text(block, questions)
        if not text:
            continue
        seen.add(block.number)
        answers.append(Answer(block.number, text, _refers_to(text, block.number), block.offset))
        if repeated and not questions:
            asked.append(Question(block.number, _clean_question(repeated), block.offset))
    return answers, asked


def _find_pairs(lines: list[_Line]) -> tuple[list[Question], list[Answer]]:
    """The "Spørgsmål N: … / Svar: …" layout: each question followed by its answer."""
    questions: list[Question] = []
    answers: list[Answer] = []
    for block in _sections(lines, "pair_question"):
        split = next((k for k, line in enumerate(block.lines) if _match("answer", "pair_answer", line.text)), None)
        if split is None:
            continue
        question = _clean_question(" ".join(split_paragraphs([line.text for line in block.lines[:split]])))
        m = _match("answer", "pair_answer", block.lines[split].text)
        first = m.group(1) if m and m.group(1) and m.group(1).lower() != "svar" else ""
        body = [first] + [line.text for line in block.lines[split + 1 :] if line.role == BODY]
        text = join_paragraphs(body)
        if question:
            questions.append(Question(block.number, question, block.offset))
        if text:
            answers.append(Answer(block.number, text, _refers_to(text, block.number), block.lines[split].offset))
    return questions, answers


def _spans(doc: Doc, facts: list[Question] | list[Answer]) -> list[Span]:
    spans: list[Span] = []
    for fact in facts:
        if fact.start < 0:
            continue
        end = doc.text.find("\n", fact.start)
        span = doc.char_span(fact.start, end if end > 0 else len(doc.text), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


@Language.component("questions_answers")
def find_questions_answers(doc: Doc) -> Doc:
    facts = facts_of(doc)
    lines = _lines(doc)
    body = _body(lines)
    questions, answers = _find_pairs(body)
    if not answers:
        first_answer = next((k for k, line in enumerate(body) if _match("answer", "heading", line.text)), len(body))
        questions = _find_questions(body[:first_answer])
        answers, asked = _find_answers(body, questions)
        questions = questions or asked
    facts.questions.extend(questions)
    facts.answers.extend(answers)
    doc.spans["questions_answers"] = _spans(doc, questions) + _spans(doc, answers)
    return doc
