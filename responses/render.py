"""Templates: Jinja2 text parts and a Markdown layout, and a Word layout rendered with docxtpl.

    templates/<family>/*.j2          the wording of each part of a letter (intro, one per drafting rule …)
    templates/<family>/letter.docx   the Word layout (built by templates/make_word_templates.py)
    templates/common/letter.md.j2    the Markdown layout

Built-in templates render with StrictUndefined: a value the draft does not have is an error, not
an empty gap. A user's --template (a .docx layout, or a folder whose .j2 files and letter.docx
replace the built-in ones of the same name) is rendered in Jinja2's SandboxedEnvironment.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate, RichText
from jinja2.sandbox import SandboxedEnvironment

from foi.errors import TemplateProblem
from foi.responses.danish import format_date
from foi.settings import Settings

# Text the secretary must fill in or check: highlighted in Word, bold in Markdown
PLACEHOLDER = re.compile(r"\[(?:INDSÆT|TJEK)\b[^\]]*\]")
HIGHLIGHT = "FFFF00"


def rich(value: Any) -> RichText:
    """Text for a docx `{{r …|rich }}` tag, with placeholders highlighted and bold."""
    text = "" if value is None else str(value)
    out = RichText()
    pos = 0
    for m in PLACEHOLDER.finditer(text):
        if m.start() > pos:
            out.add(text[pos : m.start()])
        out.add(m.group(0), highlight=HIGHLIGHT, bold=True)
        pos = m.end()
    if pos < len(text) or not text:
        out.add(text[pos:])
    return out


def mark(value: Any) -> str:
    """Text for Markdown: placeholders in bold."""
    return PLACEHOLDER.sub(lambda m: f"**{m.group(0)}**", "" if value is None else str(value))


def cell(value: Any) -> str:
    """A Markdown table cell: pipes escaped, one line."""
    return " ".join(("" if value is None else str(value)).replace("|", "\\|").split())


def _problem(exc: Exception, what: str) -> TemplateProblem:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateProblem(f"{exc.filename or what}, line {exc.lineno}: {exc.message}")
    if isinstance(exc, jinja2.TemplateNotFound):
        return TemplateProblem(f"template {exc.name!r} not found (for {what})")
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return TemplateProblem(f"{what}: not allowed in a user template ({exc})")
    return TemplateProblem(f"{what}: {exc}")


class Templates:
    """The templates of one family, with a user's --template laid over the built-in ones."""

    def __init__(self, family: str, settings: Settings | None = None, user: Path | None = None) -> None:
        settings = settings or Settings()
        root = settings.templates_dir
        builtin = root / family
        if not builtin.is_dir():
            raise TemplateProblem(f"no templates for {family!r} in {root}")
        self.family = family
        self.word = builtin / "letter.docx"
        folders = [builtin, root / "common"]
        self.sandboxed = user is not None
        if user is not None:
            if user.is_file() and user.suffix.lower() == ".docx":
                self.word = user
            elif user.is_dir():
                folders.insert(0, user)
                if (user / "letter.docx").is_file():
                    self.word = user / "letter.docx"
            else:
                raise TemplateProblem(f"{user}: --template takes a .docx layout or a folder of .j2 parts")
        if not self.word.is_file():
            raise TemplateProblem(f"{self.word}: Word template missing; run python templates/make_word_templates.py")
        self.text_env = self._env(jinja2.FileSystemLoader([str(f) for f in folders]), autoescape=False)
        self.text_env.filters.update(dato=format_date, mark=mark, cell=cell)

    def _env(self, loader: jinja2.BaseLoader | None, autoescape: bool) -> jinja2.Environment:
        cls = SandboxedEnvironment if self.sandboxed else jinja2.Environment
        return cls(loader=loader, undefined=jinja2.StrictUndefined, autoescape=autoescape, trim_blocks=True,
                   lstrip_blocks=True, keep_trailing_newline=False)

    def text(self, name: str, values: dict[str, Any]) -> str:
        try:
            return self.text_env.get_template(name).render(values).strip()
        except (jinja2.TemplateError, TypeError, ValueError) as exc:
            raise _problem(exc, name) from None

    def paragraphs(self, name: str, values: dict[str, Any]) -> list[str]:
        """A part rendered and cut into paragraphs at empty lines, each on one line."""
        text = self.text(name, values)
        return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]

    def markdown(self, context: dict[str, Any]) -> str:
        return self.text("letter.md.j2", context) + "\n"

    def docx(self, context: dict[str, Any]) -> bytes:
        """The Word file's bytes."""
        env = self._env(None, autoescape=True)
        env.filters.update(rich=rich, dato=format_date)
        try:
            template = DocxTemplate(str(self.word))
            template.render(context, jinja_env=env, autoescape=True)
            out = io.BytesIO()
            template.save(out)
        except (jinja2.TemplateError, TypeError, ValueError) as exc:
            raise _problem(exc, str(self.word)) from None
        except Exception as exc:  # a broken .docx given as --template
            raise TemplateProblem(f"{self.word}: not a usable Word template ({type(exc).__name__}: {exc})") from None
        return out.getvalue()
