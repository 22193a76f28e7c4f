"""Extraction: from one ``Document`` to its ``Facts``.

The pipeline runs these components in order; each is a pure function of the
document and the lexicon of its language, writing one layer:

============  =====================  ==========================================
component     layer                  span value
============  =====================  ==========================================
sentences     sents                  None
countries     countries              ISO 3166-1 alpha-2 code
orgs          orgs                   organisation code (``"APEC"``) or name
dates         dates                  ``dates.DateValue`` (year may be missing)
anchor        anchor                 one ``dates.Anchor``: the article's date
titles        titles                 ``persons.Title`` (office code, title text)
persons       mentions               ``persons.Mention`` (name, title, country)
amounts       amounts                ``figures.Amount`` (value, unit, approx)
people        facts.persons          ``facts.Person``
agreements    facts.agreements       ``facts.Agreement``
events        facts.events           ``facts.Event``
mechanisms    facts.mechanisms       ``facts.Mechanism``
memberships   facts.memberships      ``facts.Membership``
figures       facts.figures          ``facts.Figure``
============  =====================  ==========================================
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from bilat.errors import LanguageError
from bilat.extract.doc import Document, Span
from bilat.extract.facts import SECTIONS, Facts
from bilat.extract.pipeline import run
from bilat.lang import LANGUAGES
from bilat.text import NfcView, with_lf_line_ends

PIPELINE = (
    "sentences", "countries", "orgs", "dates", "anchor", "titles", "persons", "amounts",
    "people", "agreements", "events", "mechanisms", "memberships", "figures",
)


def _register_builtins() -> None:
    """Import the built-in components so that they register themselves."""
    from bilat.extract.components import (  # noqa: F401
        agreements, countries, dates, events, figures, mechanisms, memberships, persons, sentences,
    )


def extract(doc: Document) -> Facts:
    """Run the whole pipeline on ``doc`` and collect its facts.

    Raises LanguageError for a language whose data files are not complete yet,
    rather than running rules written for another language over it. A text not
    in NFC (decomposed, or decoded from Windows-1258) is matched in NFC and its
    evidence mapped back onto the text as read. A lone CR (old Mac OS line ends)
    is matched as LF, which rules look for: one character for one, offsets unchanged.
    """
    if doc.lang not in LANGUAGES:
        raise LanguageError(doc.id, doc.lang, LANGUAGES)
    matched = with_lf_line_ends(doc.text)
    if matched != doc.text:
        doc = replace(doc, text=matched, layers={})
    if unicodedata.is_normalized("NFC", doc.text):
        return _extract(doc)
    view = NfcView(doc.text)
    composed = replace(
        doc, text=view.text, body_start=view.forward(doc.body_start), layers={},
        headline_start=None if doc.headline_start is None else view.forward(doc.headline_start),
    )
    facts = _extract(composed)
    for section in SECTIONS:
        setattr(facts, section, [replace(r, evidence=view.original(*r.evidence)) for r in getattr(facts, section)])
    return facts


def _extract(doc: Document) -> Facts:
    _register_builtins()
    run(doc, PIPELINE)
    return Facts(
        doc_id=doc.id,
        published=doc.published or doc.layer("anchor")[0].published,
        lang=doc.lang,
        persons=doc.layer("facts.persons"),
        events=doc.layer("facts.events"),
        agreements=doc.layer("facts.agreements"),
        mechanisms=doc.layer("facts.mechanisms"),
        memberships=doc.layer("facts.memberships"),
        figures=doc.layer("facts.figures"),
    )


__all__ = ["Document", "Facts", "PIPELINE", "Span", "extract"]
