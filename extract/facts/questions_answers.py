"""The numbered questions of an inquiry and the numbered answers to them.

Questions are a run of numbered items ("1. …", "2) …", "Spørgsmål 3: …") that a heading or an
introducing sentence announces, or that ask something. Answers are the `Ad N` sections of an answer
letter (or "Svar på spørgsmål N"), and the layouts of answer_layouts.py: "Spørgsmål N: … Svar: …"
pairs (a minister's answer to a Folketing question among them), answers that repeat their question
under one "SVAR:" heading, a list of answers after the list of questions, and one "Svar:" after a
quoted question. An answer's text is its body lines only (no sidebar, running header or letterhead),
rebuilt into paragraphs, without a repeated question and ending before the closing, the signature
and the list of enclosures.

"Ad 1." under an item of minutes answers an item's decision point, not a question: in minutes, Ad
sections count only when the document states numbered questions.
"""

from __future__ import annotations

import difflib
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from foi.extract.facts.answer_layouts import (
    asked_in_sections,
    find_answer_list,
    find_echoed,
    find_lone_answer,
    find_pairs,
    label_rest,
    make_answer,
)
from foi.extract.facts.context import ASSIGNS, document_of, facts_of, line_offsets
from foi.extract.facts.qa_text import (
    Block,
    QaLine,
    body,
    clean_question,
    is_end,
    item,
    match,
    patterns,
    quotes,
    sections,
    split_inline,
    trim_tail,
)
from foi.extract.model import BODY, Answer, Facts, Question
from foi.extract.paragraphs import split_paragraphs

_MAX_QUESTION_LINES = 14  # a numbered question longer than this is running text, not a question
_SIMILAR = 0.75
_MAX_HEADING_LINES = 5  # lines a repeated question under an Ad heading may wrap onto
_MAX_LABEL_LINES = 20  # lines a question quoted under a "Svar på spørgsmål N" heading may take before "Svar:"


# --- questions -------------------------------------------------------------------------------


def _question_runs(lines: list[QaLine]) -> list[tuple[list[Block], int]]:
    """Runs of numbered items 1, 2, 3 …, each item with its wrapped continuation lines, and the index of
    the line after each run."""
    runs: list[tuple[list[Block], int]] = []
    i = 0
    while i < len(lines):
        first = item(lines[i].text)
        if not first or first[0] != 1:
            i += 1
            continue
        run = [Block(1, lines[i].offset, [lines[i]])]
        j, gap, new_paragraph = i + 1, False, False
        while j < len(lines):
            text = lines[j].text
            if not text.strip():
                gap = True
                j += 1
                continue
            nxt = item(text)
            if nxt and nxt[0] == run[-1].number + 1:
                run.append(Block(nxt[0], lines[j].offset, [lines[j]]))
            elif is_end(text) or match("answer", "heading", text) or match("answer", "answers_follow", text):
                break
            elif (nxt and nxt[0] == 1) or (gap and not text.strip()[:1].islower()):
                new_paragraph = True  # a new paragraph or a new list that is no next item ends the run
                break
            elif len(run[-1].lines) >= _MAX_QUESTION_LINES:
                break
            else:
                run[-1].lines.append(lines[j])
            gap = False
            j += 1
        if not new_paragraph:
            _trim_last(run[-1])
        runs.append((run, j))
        i = j
    return runs


def _trim_last(block: Block) -> None:
    """The last item of a run that runs on into the text without a paragraph break ends at its first '?'
    when plain statements follow it."""
    asks = [line.text.rstrip().rstrip(quotes()).endswith("?") for line in block.lines]
    if True in asks:
        k = asks.index(True)
        if not all(asks[k + 1 :]):
            del block.lines[k + 1 :]


def _announced(lines: list[QaLine], run: list[Block]) -> bool:
    start = next(k for k, line in enumerate(lines) if line.offset == run[0].offset)
    before = [line.text.strip() for line in lines[max(0, start - 6) : start] if line.text.strip()][-3:]
    return any(patterns()["question"]["intro"].search(t) for t in before)


def _block_text(block: Block) -> str:
    texts = [line.text for line in block.lines]
    first = item(texts[0])
    texts[0] = first[1] if first else texts[0]
    return " ".join(split_paragraphs(texts))


def _find_questions(lines: list[QaLine]) -> tuple[list[Question], int]:
    """The first run of numbered items that asks or is announced, and the index of the line after it."""
    for run, end in _question_runs(lines):
        texts = [clean_question(_block_text(b)) for b in run]
        asks = sum("?" in t for t in texts)
        if _announced(lines, run) or asks * 2 >= len(texts):
            return [Question(b.number, t, b.offset) for b, t in zip(run, texts, strict=True) if t], end
    return [], len(lines)


# --- Ad N answers ------------------------------------------------------------------------------


def _similar(a: str, b: str) -> bool:
    a, b = clean_question(a).casefold(), clean_question(b).casefold()
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= _SIMILAR


def _answer_lines(block: Block, questions: list[Question]) -> tuple[list[QaLine], str | None]:
    """The answer's lines, and the question its heading repeats (if it repeats one).

    The repeated question is the heading's first lines up to one that ends with "?", before any
    blank line: it may wrap, and the answer may follow it without a blank line."""
    lines = [line for line in block.lines if line.role == BODY]
    labels = (i for i, line in enumerate(lines[:_MAX_LABEL_LINES]) if i and match("answer", "pair_answer", line.text))
    label = next(labels, 0)
    if label:  # "Svar på spørgsmål 3", the question quoted, then "Svar:" and the answer
        asked = split_paragraphs([line.text for line in lines[:label]])
        if asked and asked[-1].rstrip(quotes() + " ").endswith("?"):
            return [label_rest(lines[label]), *lines[label + 1 :]], asked[-1]
    heading_rest = lines[0].text.strip() if lines else ""
    k = 0
    while k < len(lines) and not lines[k].text.strip() and not heading_rest:
        k += 1  # "Ad 1" alone: the question may stand on the next line
    first = k
    while k < min(len(lines), first + _MAX_HEADING_LINES) and lines[k].text.strip():
        if lines[k].text.rstrip().rstrip(quotes() + " ").endswith("?"):
            candidate = " ".join(split_paragraphs([line.text for line in lines[first : k + 1]]))
            known = any(_similar(candidate, q.text) for q in questions if q.number == block.number)
            one_sentence = not re.search(r"[.!]\s+[A-ZÆØÅ]", candidate)
            if known or (one_sentence and (heading_rest or not questions)):
                return lines[k + 1 :], candidate
            break
        k += 1
    return lines, None


def _find_ad_answers(
    lines: list[QaLine], questions: list[Question], facts: Facts
) -> tuple[list[Answer], list[Question]]:
    """Answers from `Ad N` sections; questions from their headings when no list of questions was found."""
    answers: list[Answer] = []
    asked: list[Question] = []
    blocks = sections(lines, "heading")
    for k, block in enumerate(blocks):
        if block.number in {a.number for a in answers}:
            continue
        body_lines, repeated = _answer_lines(block, questions)
        answer = make_answer(block.number, trim_tail(body_lines, facts, names=k == len(blocks) - 1), block.offset)
        if not answer:
            continue
        answers.append(answer)
        if repeated and not questions:
            asked.append(Question(block.number, clean_question(repeated), block.offset))
    return answers, asked


# --- the component -------------------------------------------------------------------------------


def _read(lines: list[QaLine], facts: Facts, kind: str) -> tuple[list[Question], list[Answer]]:
    """Questions and answers of the first layout that yields answers; the questions stated when none does."""
    questions, answers = find_pairs(lines, facts)
    if answers:
        return questions, answers
    first_ad = next((k for k, line in enumerate(lines) if match("answer", "heading", line.text)), len(lines))
    listed, after = _find_questions(lines[:first_ad])
    echoes, answers = find_echoed(lines, facts)
    if answers:  # the questions as listed above the answers, else as the answers repeat them
        return (listed if listed and listed[0].start < answers[0].start else echoes), answers
    questions = listed
    answers = find_answer_list(lines, after, questions) if questions else []
    if answers:
        return questions, answers
    if kind != "minutes" or questions:
        answers, asked = _find_ad_answers(lines, questions, facts)
        if answers:
            return questions or asked, answers
    lone_questions, answers = find_lone_answer(lines, facts)
    if answers:
        return lone_questions, answers
    return questions or asked_in_sections(lines), []


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


@Language.component("questions_answers", assigns=ASSIGNS)
def find_questions_answers(doc: Doc) -> Doc:
    facts = facts_of(doc)
    lines = split_inline(body([QaLine(offset, text, role) for offset, text, role in line_offsets(doc)]))
    questions, answers = _read(lines, facts, document_of(doc).kind)
    facts.questions.extend(questions)
    facts.answers.extend(answers)
    doc.spans["questions_answers"] = _spans(doc, questions) + _spans(doc, answers)
    return doc
