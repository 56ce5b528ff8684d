"""Placeholder: the attachments component is being written."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("attachments")
def find_attachments(doc: Doc) -> Doc:
    return doc
