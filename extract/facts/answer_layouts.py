"""Answer layouts other than `Ad N` sections, each read from the document's body lines.

* pairs: "Spørgsmål N:" (or a ministry's "Spørgsmål nr. 925:", "Spørgsmål:", or a bare "Spørgsmål"
  heading over one question) with the question, then "Svar:" with the answer, for one question or
  several;
* echoed: a "SVAR:" heading over an asker's answers, each opening with "Spørgsmål N:" and its
  question repeated (a council's question time, one heading per asker);
* lists: a numbered list of answers set right after the numbered list of questions, under a "Svar"
  heading or none (a binding ruling's "Spørgsmål 1. … 2. …" then "Svar 1. … 2. …");
* lone: one "Svar:" after a question quoted in the letter's opening, with no question label, or one
  bare "Svar" heading right under a question.

Each reader returns ([], []) when its layout is not there, so the component tries them in turn.
"""

from __future__ import annotations

import re

from foi.extract.facts.qa_text import (
    Block,
    QaLine,
    clean_question,
    is_end,
    item,
    match,
    number_mentioned,
    patterns,
    quotes,
    sections,
    strip_asker,
    trim_tail,
)
from foi.extract.model import BODY, Answer, Facts, Question
from foi.extract.paragraphs import join_paragraphs, split_paragraphs

Found = tuple[list[Question], list[Answer]]

_LONE_WINDOW = 30  # lines above a lone "Svar:" in which the letter announces the question it answers


def _joined(lines: list[QaLine]) -> str:
    return " ".join(split_paragraphs([line.text for line in lines]))


def _refers(text: str, own: int) -> tuple[int, ...]:
    refs: list[int] = []
    for m in patterns()["answer"]["refers"].finditer(text):
        nums = next(g for g in m.groups() if g is not None)
        for n in re.findall(r"\d{1,2}", nums):
            if int(n) != own and int(n) not in refs:
                refs.append(int(n))
    return tuple(refs)


def make_answer(number: int, lines: list[QaLine], offset: int) -> Answer | None:
    text = join_paragraphs([line.text for line in lines if line.role == BODY])
    return Answer(number, text, _refers(text, number), offset) if text else None


def label_rest(line: QaLine) -> QaLine:
    """The text after a "Svar:" label, on the label's line."""
    m = match("answer", "pair_answer", line.text)
    rest = next((g for g in m.groups() if g is not None), "") if m else ""
    return QaLine(line.offset, rest, line.role)


def _before(lines: list[QaLine], offset: int) -> list[QaLine]:
    return [line for line in lines if line.offset < offset]


# --- "Spørgsmål N: … Svar: …" ------------------------------------------------------------------------


def find_pairs(lines: list[QaLine], facts: Facts) -> Found:
    questions: list[Question] = []
    answers: list[Answer] = []
    blocks = sections(lines, "pair_question")
    for k, block in enumerate(blocks):
        split = next((i for i, line in enumerate(block.lines) if match("answer", "pair_answer", line.text)), None)
        if split is None or (not block.number and any(item(line.text) for line in block.lines[:split])):
            continue  # under a bare "Spørgsmål" heading, a numbered list is a list of questions
        number = block.number or number_mentioned(_before(lines, block.offset))
        if not block.number and number in {a.number for a in answers}:
            number = max(a.number for a in answers) + 1  # a second unnumbered "Spørgsmål:"
        question = strip_asker(clean_question(_joined(block.lines[:split])))
        label = block.lines[split]
        body = [label_rest(label), *block.lines[split + 1 :]]
        if not block.number and not block.lines[0].text and ":" not in _source(lines, block).text:
            body = _until_heading(body)  # a ruling's bare "Spørgsmål" and "Svar": the reasoning follows
        answer = make_answer(number, trim_tail(body, facts, names=k == len(blocks) - 1), label.offset)
        if question:
            questions.append(Question(number, question, block.offset))
        if answer:
            answers.append(answer)
    return questions, answers


def _source(lines: list[QaLine], block: Block) -> QaLine:
    return next(line for line in lines if line.offset == block.offset)


def _until_heading(lines: list[QaLine]) -> list[QaLine]:
    """The lines up to the first heading that follows the answer's first paragraph and a blank line."""
    seen, gap = False, False
    for k, line in enumerate(lines):
        if not line.text.strip():
            gap = seen
        elif seen and gap and _heading(line.text):
            return lines[:k]
        else:
            seen, gap = True, False
    return lines


def asked_in_sections(lines: list[QaLine]) -> list[Question]:
    """The questions of "Spørgsmål 1." sections that no answer follows (a citizen's own numbering)."""
    out: list[Question] = []
    for block in sections(lines, "pair_question"):
        text = strip_asker(clean_question(_joined(block.lines)))
        if block.number and "?" in text and block.number not in {q.number for q in out}:
            out.append(Question(block.number, text, block.offset))
    return out


# --- "SVAR:" then "Spørgsmál N: <the question again>" and the answer -----------------------------------


def find_echoed(lines: list[QaLine], facts: Facts) -> Found:
    """Answers under each "SVAR:" heading that a repeated "Spørgsmål N:" follows (one per asker)."""
    starts = [i for i, line in enumerate(lines)
              if match("answer", "answers_follow", line.text) and _echo_follows(lines, i)]
    questions: list[Question] = []
    answers: list[Answer] = []
    for start, stop in zip(starts, [*starts[1:], len(lines)], strict=False):
        blocks = sections(lines[start + 1 : stop], "pair_question")
        for k, block in enumerate(blocks):
            if not block.number and len(blocks) > 1:
                continue  # unnumbered echoes of several questions: which answer is which is not written
            number = block.number or 1
            echo, body = _echo(block)
            answer = make_answer(number, trim_tail(body, facts, names=k == len(blocks) - 1), block.offset)
            if echo:
                questions.append(Question(number, echo, block.offset))
            if answer:
                answers.append(answer)
    return questions, answers


def _echo_follows(lines: list[QaLine], i: int) -> bool:
    first = next((line for line in lines[i + 1 :] if line.text.strip()), None)
    return first is not None and bool(match("answer", "pair_question", first.text))


def _echo(block: Block) -> tuple[str, list[QaLine]]:
    """The repeated question (the label's line, or the paragraph below a bare label) and the lines after it."""
    lines = block.lines
    if lines[0].text.strip():
        return clean_question(lines[0].text), lines[1:]
    start = next((i for i, line in enumerate(lines) if line.text.strip()), len(lines))
    end = next((i for i in range(start, len(lines)) if not lines[i].text.strip()), len(lines))
    echo = _joined(lines[start:end])
    if echo.rstrip(quotes() + " ").endswith("?"):
        return clean_question(echo), lines[end:]
    return "", lines


# --- a list of answers after the list of questions -----------------------------------------------------


def find_answer_list(lines: list[QaLine], after: int, questions: list[Question]) -> list[Answer]:
    """Answers numbered 1, 2 … in the lines from index `after` (the line after the last question), set
    under an answer heading ("Svar") or straight after the questions."""
    i, headed = after, False
    while i < len(lines) and (not lines[i].text.strip() or match("answer", "answers_follow", lines[i].text)):
        headed = headed or bool(lines[i].text.strip())
        i += 1
    blocks: list[Block] = []
    gap = False
    for line in lines[i:]:
        text = line.text
        if not text.strip():
            gap = True
            continue
        m = match("answer", "answer_item", text)
        number = int(m.group(1)) if m else 0
        if number == len(blocks) + 1 and number <= len(questions):
            blocks.append(Block(number, line.offset, [QaLine(line.offset, m.group(2) if m else "", line.role)]))
        elif not blocks or is_end(text) or (gap and _heading(text)) or number == 1:
            break
        else:
            blocks[-1].lines.append(line)
        gap = False
    if not blocks or (not headed and sum("?" in _joined(b.lines) for b in blocks) * 2 > len(blocks)):
        return []
    return [a for a in (make_answer(b.number, b.lines, b.offset) for b in blocks) if a]


def _heading(text: str) -> bool:
    """A short line without a sentence's end: the next section's heading ends the last answer."""
    text = text.strip()
    return len(text) <= 60 and text[-1:] not in ".,;:?!" + quotes() and not text[:1].islower()


# --- one "Svar:" after a quoted question -----------------------------------------------------------------


def find_lone_answer(lines: list[QaLine], facts: Facts) -> Found:
    labels = [i for i, line in enumerate(lines) if match("answer", "pair_answer", line.text)]
    if len(labels) != 1:
        return [], []
    i = labels[0]
    before = [line for line in lines[max(0, i - _LONE_WINDOW) : i] if line.text.strip()]
    if not before:
        return [], []
    last = before[-1].text.strip()
    asks = last.rstrip(quotes() + " ").endswith("?")
    announced = ":" in lines[i].text[:24] and any(patterns()["question"]["intro"].search(x.text) for x in before)
    if not (announced or asks):  # a bare "Svar" heading needs the question right above it
        return [], []
    question = _lone_question(lines[max(0, i - _LONE_WINDOW) : i], announced)
    number = number_mentioned(lines[:i])
    body = trim_tail([label_rest(lines[i]), *_until_end(lines[i + 1 :])], facts)
    answer = make_answer(number, body, lines[i].offset)
    if not answer:
        return [], []
    return ([Question(number, question, before[-1].offset)] if question else []), [answer]


def _lone_question(lines: list[QaLine], announced: bool) -> str:
    """The question above a lone "Svar:": from where the letter announces it ("… følgende spørgsmål:"), or
    the paragraph right above the label."""
    intro = patterns()["question"]["intro"]
    start = max((k for k, line in enumerate(lines) if intro.search(line.text)), default=-1) if announced else -1
    if start < 0:
        blanks = [k for k, line in enumerate(lines) if not line.text.strip() and k < len(lines) - 1]
        start = blanks[-1] + 1 if blanks else 0
    texts = [line.text for line in lines[start:]]
    m = patterns()["question"]["quoted_after"].search(texts[0]) if announced and texts else None
    if announced and texts:
        texts[0] = next((g for g in m.groups() if g is not None), "") if m else ""
    return clean_question(" ".join(split_paragraphs(texts)))


def _until_end(lines: list[QaLine]) -> list[QaLine]:
    end = next((k for k, line in enumerate(lines) if is_end(line.text)), len(lines))
    return lines[:end]
