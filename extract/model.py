"""The facts that cross stage boundaries: one definition for the store, the JSON output and drafting.

Every fact carries `start`, its character offset in the document's full text (-1 where it has none),
so that a stored fact points back to where it was read.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from types import UnionType
from typing import Union, get_args, get_origin, get_type_hints

# Roles a line of a file can have after reading and cleaning.
BODY = "body"  # the document's own running text
MARGIN = "margin"  # letterhead, sidebar, signature block: holds facts, not body text
NOISE = "noise"  # page numbers, running headers, cookie banners: dropped everywhere

DOCUMENT_KINDS = ("letter", "annex", "email", "memo", "minutes", "other")


@dataclass(frozen=True)
class Line:
    text: str
    page: int = 1
    role: str = BODY


@dataclass(frozen=True)
class Page:
    """One page as a reader returns it: body lines and, where the layout has one, the margin column."""

    number: int
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Attachment:
    name: str
    data: bytes


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    start: int = -1


@dataclass
class ReadResult:
    """What a reader makes of one file, before cleaning and splitting."""

    format: str
    pages: list[Page]
    headers: dict[str, str] = field(default_factory=dict)  # e-mail headers, lower-case keys
    attachments: list[Attachment] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    children: list[tuple[str, ReadResult]] = field(default_factory=list)  # attachments that were read

    @property
    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]


@dataclass(frozen=True)
class CaseNumber:
    scheme: str
    value: str
    raw: str
    start: int = -1
    role: str = "own"  # own: the document's own number | cited: another case named in its running text


@dataclass(frozen=True)
class DateMention:
    date: str  # YYYY-MM-DD as written, even when implausible
    text: str
    role: str = "mentioned"  # document | inquiry | meeting | mentioned
    plausible: bool = True
    start: int = -1


@dataclass(frozen=True)
class Person:
    name: str
    role: str  # recipient | sender | signer | caseworker | member
    title: str | None = None
    email: str | None = None
    party: str | None = None
    start: int = -1


@dataclass(frozen=True)
class Question:
    number: int
    text: str
    start: int = -1


@dataclass(frozen=True)
class Answer:
    number: int
    text: str
    refers_to: tuple[int, ...] = ()
    start: int = -1


@dataclass(frozen=True)
class AgendaItem:
    number: int
    title: str
    decision: str = ""
    case_number: str | None = None
    start: int = -1


@dataclass(frozen=True)
class Company:
    name: str
    legal_form: str | None = None
    owner: str | None = None  # the person after "v/"
    truncated: bool = False
    source: str = "list"  # list (an annex's company list) | body (named in running text)
    line: str = ""
    start: int = -1


@dataclass(frozen=True)
class Organization:
    name: str
    start: int = -1
    public: bool = False  # a public body, an institution or an association: never a company


@dataclass(frozen=True)
class Amount:
    value: float
    currency: str
    text: str
    start: int = -1


@dataclass(frozen=True)
class LegalRef:
    text: str
    start: int = -1


@dataclass(frozen=True)
class AttachmentName:
    name: str
    start: int = -1


@dataclass(frozen=True)
class CvrNumber:
    value: str  # eight digits
    raw: str  # as written
    start: int = -1


@dataclass
class Facts:
    """Everything the fact pipeline finds in one document."""

    title: str | None = None
    municipality: str | None = None
    administration: str | None = None
    committee: str | None = None
    date: str | None = None
    inquiry_date: str | None = None
    meeting_time: str | None = None
    meeting_place: str | None = None
    case_numbers: list[CaseNumber] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    agenda_items: list[AgendaItem] = field(default_factory=list)
    companies: list[Company] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    attachments: list[AttachmentName] = field(default_factory=list)
    legal_refs: list[LegalRef] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    cvr_numbers: list[CvrNumber] = field(default_factory=list)


@dataclass(frozen=True)
class FactKind:
    """A kind of fact, declared once: its dataclass gives the store's columns (`fact_columns`) and the
    JSON fields (`fact_json`); `component` is the rule module that finds it."""

    table: str  # the store's table, one row per fact
    attr: str  # the Facts attribute holding the list
    cls: type
    component: str  # module in foi.extract.facts that finds it
    json_key: str  # key in a `foi extract --json` document


# In pipeline order: later components read what earlier ones found (people use the e-mail addresses
# next to names). A new kind is a dataclass above, a list in Facts, a line here and a rule module.
FACT_KINDS: tuple[FactKind, ...] = (
    FactKind("case_numbers", "case_numbers", CaseNumber, "case_numbers", "case_numbers"),
    FactKind("dates", "dates", DateMention, "dates", "dates"),
    FactKind("amounts", "amounts", Amount, "amounts", "amounts"),
    FactKind("legal_refs", "legal_refs", LegalRef, "legal_refs", "legal_refs"),
    FactKind("attachments", "attachments", AttachmentName, "attachments", "attachments"),
    FactKind("doc_tables", "tables", Table, "tables", "tables"),
    FactKind("questions", "questions", Question, "questions_answers", "questions"),
    FactKind("answers", "answers", Answer, "questions_answers", "answers"),
    FactKind("agenda_items", "agenda_items", AgendaItem, "agenda_items", "agenda_items"),
    FactKind("people", "people", Person, "people", "people"),
    FactKind("companies", "companies", Company, "companies", "companies"),
    FactKind("organizations", "organizations", Organization, "organizations", "organizations"),
    FactKind("cvr_numbers", "cvr_numbers", CvrNumber, "cvr_numbers", "cvr_numbers"),
)


def fact_columns(cls: type) -> dict[str, type]:
    """A fact dataclass's store columns (without `start`, which every fact table has): text for
    strings and for lists (kept as JSON), integers for ints and booleans, reals for floats."""
    columns: dict[str, type] = {}
    for name, hint in get_type_hints(cls).items():
        if name == "start":
            continue
        if get_origin(hint) in (Union, UnionType):  # "str | None": the column holds the str
            hint = next(arg for arg in get_args(hint) if arg is not type(None))
        origin = get_origin(hint) or hint
        columns[name] = int if origin in (int, bool) else float if origin is float else str
    return columns


def fact_json(fact: object) -> dict[str, object]:
    """A fact as JSON: its fields but `start`, those without a value (None) left out, tuples as lists."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(fact).items()  # type: ignore[call-overload]
            if k != "start" and v is not None}


@dataclass
class Document:
    """One logical document inside a file: a letter, its annex, an e-mail, a memo, minutes."""

    sequence: int
    kind: str
    lines: list[Line]
    facts: Facts = field(default_factory=Facts)
    # the finer kind (answer, folketing_answer, ruling, agenda …), how sure, and the signals that decided
    subkind: str = ""
    kind_confidence: float = 0.0
    kind_signals: list[str] = field(default_factory=list)

    @property
    def page_start(self) -> int:
        return self.lines[0].page if self.lines else 1

    @property
    def page_end(self) -> int:
        return self.lines[-1].page if self.lines else 1

    @property
    def full_text(self) -> str:
        """All lines but noise, one per line: what header facts (numbers, dates, people) are read from."""
        return "\n".join(line.text for line in self.lines if line.role != NOISE)

    @property
    def text(self) -> str:
        """The clean body text: paragraphs of body lines, without margin or noise."""
        from foi.extract.paragraphs import join_paragraphs

        return join_paragraphs([line.text for line in self.lines if line.role == BODY], keep_line_breaks=True)


@dataclass
class FileResult:
    """The whole outcome for one file: plain data, so that a worker process can hand it to the writer."""

    path: str
    sha256: str
    size: int
    format: str | None
    pages: int = 0
    status: str = "ok"  # ok | error
    error: str | None = None
    documents: list[Document] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

