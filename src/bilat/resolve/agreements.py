"""One agreement across articles, and the history of its status.

Statements of an agreement are the same agreement when they have the same kind
and parties and one scope's words are all in the other's ("visa exemption" and
"visa exemption, diplomatic and official passports" are one; "…, citizens"
and "…, diplomatic and official passports" are two). Two agreements stated by
one article are never merged.

Scopes are English words whatever the article's language (FACTS.md), so a
Vietnamese and an English statement of one agreement compare like any two;
words are compared in the singular ("passport holders" in an English article,
"passports" in a Vietnamese one's gloss). Kind, parties and date alone would
not do: one ceremony often signs several memoranda of one kind on one day.

Status only moves forward (proposed → negotiating → signed → in force): the
current status is the furthest stated, and the history keeps the first
statement of each status with its date and source.
"""

from __future__ import annotations

from functools import lru_cache

from bilat.extract.facts import AGREEMENT_STATUSES
from bilat.isodates import day_range
from bilat.resolve.model import (
    AgreementEntity,
    Stated,
    StatusSeen,
    entity_id,
    first_fit,
    kind_and_parties,
)
from bilat.text import fold

_STOPWORDS = frozenset({"and", "of", "the", "on", "for", "in", "within", "between", "a", "an", "to"})
_RANK = {status: rank for rank, status in enumerate(AGREEMENT_STATUSES)}


@lru_cache(maxsize=1 << 16)
def scope_words(scope: str | None) -> frozenset[str]:
    """A scope's words, singular: each language's lexicon glosses in its own words ("passports", "passport holders")."""
    words = fold(scope or "").replace(",", " ").replace("-", " ").split()
    return frozenset(_singular(w) for w in words if w not in _STOPWORDS)


def _singular(word: str) -> str:
    """"agencies" → "agency", "passports" → "passport"; "business" and short words as they are."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word.removesuffix("s")


def resolve_agreements(stated: list[Stated]) -> list[AgreementEntity]:
    groups = first_fit(stated, kind_and_parties, _fits)
    return sorted((_entity(group) for group in groups), key=lambda a: a.id)


def _fits(cluster: list[Stated], agreement: Stated) -> bool:
    if any(m.article_id == agreement.article_id for m in cluster):
        return False
    words = scope_words(agreement.data.get("scope"))
    for member in cluster:
        other = scope_words(member.data.get("scope"))
        if words and other and not (words <= other or other <= words):
            return False
    return True


def _when(seen: StatusSeen) -> str:
    return (day_range(seen.date) or day_range(seen.as_of) or ("9999",))[0]


def _entity(cluster: list[Stated]) -> AgreementEntity:
    statements = [
        StatusSeen(s.data["status"], s.data.get("date"), s.published, s.fact_id) for s in cluster
    ]
    statements.sort(key=lambda h: (_RANK.get(h.status, 0), _when(h), h.fact_id))
    history: list[StatusSeen] = []
    for seen in statements:
        if not history or history[-1].status != seen.status:
            history.append(seen)
    current = history[-1]
    scope = max((s.data.get("scope") or "" for s in cluster), key=lambda v: (len(scope_words(v)), v)) or None
    first = min(cluster, key=lambda s: s.fact_id)
    return AgreementEntity(
        id=entity_id("a", first.fact_id),
        kind=first.data["kind"],
        scope=scope,
        parties=list(first.data.get("parties") or []),
        status=current.status,
        date=current.date,
        history=history,
        sources=sorted(s.fact_id for s in cluster),
    )
