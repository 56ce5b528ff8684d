"""Placeholder: the agenda_items component is being written."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("agenda_items")
def find_agenda_items(doc: Doc) -> Doc:
    return doc
