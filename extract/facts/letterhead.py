"""Placeholder: the letterhead component is being written."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("letterhead")
def find_letterhead(doc: Doc) -> Doc:
    return doc
