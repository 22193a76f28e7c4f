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

from bilat.errors import LanguageError
from bilat.extract.doc import Document, Span
from bilat.extract.facts import Facts
from bilat.extract.pipeline import run
from bilat.lang import LANGUAGES

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
    rather than running rules written for another language over it.
    """
    if doc.lang not in LANGUAGES:
        raise LanguageError(doc.id, doc.lang, LANGUAGES)
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
