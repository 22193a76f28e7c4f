"""Mechanisms, memberships and figures: the same record stated by several articles is kept once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable

from bilat.resolve.model import (
    FigureEntity,
    MechanismEntity,
    MembershipEntity,
    Stated,
    entity_id,
    first_fit,
    kind_and_parties,
)
from bilat.text import fold

FIGURE_TOLERANCE = 0.05
"""Two figures for one indicator and period are one when their values differ by at most this share
(outlets round "498 million" to "nearly 500 million"); further apart, both are kept."""


def resolve_mechanisms(stated: list[Stated]) -> list[MechanismEntity]:
    """One mechanism per kind and parties; levels must agree where both are stated."""
    out = []
    for members in first_fit(stated, kind_and_parties, _same_level):
        first = min(members, key=lambda s: s.fact_id)
        out.append(MechanismEntity(
            id=entity_id("m", first.fact_id),
            kind=first.data["kind"],
            level=next((m.data["level"] for m in members if m.data.get("level")), None),
            name=mechanism_name(m.data.get("name") for m in members),
            parties=list(first.data.get("parties") or []),
            sources=sorted(m.fact_id for m in members),
        ))
    return sorted(out, key=lambda m: m.id)


def mechanism_name(names: Iterable[str | None]) -> str | None:
    """The name to show of a mechanism: the longest stated, which says most about it."""
    return max((n or "" for n in names), key=lambda n: (len(n), n), default="") or None


def _same_level(group: list[Stated], mechanism: Stated) -> bool:
    level = mechanism.data.get("level")
    return all(not level or not m.data.get("level") or m.data["level"] == level for m in group)


def resolve_memberships(stated: list[Stated]) -> list[MembershipEntity]:
    """One entity per (organisation, country): what a relationship's shared memberships are built from."""
    sources: dict[tuple[str, str], list[str]] = defaultdict(list)
    names: dict[str, str] = {}
    for membership in sorted(stated, key=lambda s: s.order):  # the first article's spelling names it
        org = membership.data["org"]
        names.setdefault(fold(org), org)
        for country in membership.data.get("countries") or []:
            sources[(fold(org), country)].append(membership.fact_id)
    return sorted(
        (MembershipEntity(entity_id("s", org, country), names[org], country, sorted(facts))
         for (org, country), facts in sources.items()),
        key=lambda m: m.id,
    )


def resolve_figures(stated: list[Stated]) -> list[FigureEntity]:
    """One figure per indicator, parties (in order: exports have a direction) and period, values close."""
    out = []
    for members in first_fit(stated, _figure_block, _close_values):
        # An exact statement beats a rounded one ("498 million" over "nearly 500 million").
        best = min(members, key=lambda s: (s.data.get("approx", False), s.order))
        data = best.data
        out.append(FigureEntity(
            id=entity_id("f", min(m.fact_id for m in members)),
            indicator=data["indicator"], parties=list(data.get("parties") or []), period=data.get("period"),
            value=float(data["value"]), unit=data["unit"], approx=bool(data.get("approx")),
            sources=sorted(m.fact_id for m in members),
        ))
    return sorted(out, key=lambda f: f.id)


def _figure_block(figure: Stated) -> Hashable:
    data = figure.data
    return (data["indicator"], tuple(data.get("parties") or []), data.get("period"), data["unit"])


def _close_values(group: list[Stated], figure: Stated) -> bool:
    a, b = group[0].data["value"], figure.data["value"]
    return abs(a - b) <= FIGURE_TOLERANCE * max(abs(a), abs(b))
