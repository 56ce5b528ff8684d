"""Build the spaCy pipeline and run it over documents.

The default is `spacy.blank("da")` (a tokenizer, no model, nothing to download) with foi's rule
components. A trained Danish pipeline that the user installed (say `da_core_news_sm`) is used by
naming it in `Settings.pipeline`; the rule components are added after its own.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

from foi.errors import PipelineNotInstalled
from foi.extract.facts.context import attach
from foi.extract.model import FACT_KINDS, Document, Facts

# Module name = component name, in the order of the fact kinds (extract/model.py FACT_KINDS);
# the letterhead reads the facts found before it (dates, case numbers, people) and comes last.
COMPONENTS = (*dict.fromkeys(kind.component for kind in FACT_KINDS), "letterhead")


@lru_cache(maxsize=4)
def load_pipeline(name: str = "blank:da") -> Language:
    if name in ("blank:da", "da", "blank"):
        nlp = spacy.blank("da")
        # rule components and a tokenizer only: the 1M-character guard is for parser and NER memory
        nlp.max_length = 50_000_000
    else:
        try:
            nlp = spacy.load(name)
        except OSError:
            raise PipelineNotInstalled(name) from None
    for component in COMPONENTS:
        importlib.import_module(f"foi.extract.facts.{component}")
        nlp.add_pipe(component, last=True)
    return nlp


def extract_facts(document: Document, nlp: Language | None = None) -> Facts:
    """Fill `document.facts` from its text and return them."""
    nlp = nlp or load_pipeline()
    document.facts = Facts()
    doc = attach(nlp.make_doc(document.full_text), document)
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return document.facts
