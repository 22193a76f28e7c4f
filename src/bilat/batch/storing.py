"""Storing what a batch extracted, for ``bilat ingest`` and ``bilat watch`` alike: articles whole, skips with them.

An article the store refuses (a date naming no day, a NUL character...) is
a skip like any other, recorded with the rest of its transaction's skips.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Connection

from bilat.batch.work import Extracted, Skipped
from bilat.errors import InvalidArticleError
from bilat.ingest import display_path
from bilat.store.write import Outcome, Stored, record_skips_on, store_articles_on

Skip = tuple[str, str, str, str]
"""An input not stored, as ``store.record_skips`` takes it: where (file, ``FILE:LINE``...), its file, kind, reason."""


def skip_of(result: Skipped) -> Skip:
    return result.where, display_path(result.path), result.kind, result.reason


@dataclass(frozen=True)
class Verdicts:
    """What storing a batch did with each article."""

    stored: list[tuple[Extracted, Stored]]
    refused: list[tuple[Extracted, InvalidArticleError]]


def store_results(connection: Connection, extracted: list[Extracted], skips: list[Skip]) -> Verdicts:
    """Store the articles and record the skips, the refused articles among them, within the caller's transaction."""
    outcomes = store_articles_on(connection, [(r.document, r.facts, r.minhash) for r in extracted])
    stored = [(r, outcome) for r, outcome in zip(extracted, outcomes, strict=True) if isinstance(outcome, Stored)]
    refused = [(r, outcome) for r, outcome in zip(extracted, outcomes, strict=True) if isinstance(outcome, InvalidArticleError)]
    all_skips = skips + [(r.where, display_path(r.path), exc.kind, exc.reason) for r, exc in refused]
    if all_skips:
        record_skips_on(connection, all_skips)
    return Verdicts(stored, refused)


@dataclass
class Tally:
    """What a batch did with its articles: the summary line ``ingest`` ends with."""

    outcomes: Counter[Outcome] = field(default_factory=Counter)
    skips: Counter[str] = field(default_factory=Counter)

    def count(self, verdicts: Verdicts) -> None:
        """Count what was stored and refused (the other skips are counted as they come)."""
        self.outcomes.update(stored.outcome for _, stored in verdicts.stored)
        self.skips.update(exc.kind for _, exc in verdicts.refused)

    def __str__(self) -> str:
        words = {Outcome.STORED: "stored", Outcome.DUPLICATE: "duplicates", Outcome.KNOWN: "already stored"}
        done = ", ".join(f"{self.outcomes[outcome]} {words[outcome]}" for outcome in Outcome)
        reasons = ", ".join(f"{count} {kind}" for kind, count in sorted(self.skips.items(), key=lambda x: (-x[1], x[0])))
        return f"{done}, {self.skips.total()} skipped" + (f": {reasons}" if reasons else "")
