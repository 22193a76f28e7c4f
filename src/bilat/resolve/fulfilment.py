"""Following invitations, acceptances and proposals to what became of them.

- An invitation from X to Y is fulfilled by the first visit of Y to X that
  started after it; an acceptance by Y of X's invitation, by the first visit
  of Y to X from the acceptance on. An undated invitation or acceptance is
  fulfilled by a visit reported in the same article, or by the first one
  after that article's date.
- A proposal to conclude an agreement is fulfilled when that agreement is
  later signed: by the signing event where one is stated, else by the
  agreement itself, once an article states it signed or in force.

Only visits that took place count (not planned ones). Each link says why.
"""

from __future__ import annotations

from bilat.resolve.agreements import scope_words
from bilat.isodates import day_range
from bilat.resolve.model import AgreementEntity, EventEntity, LinkEntity, Stated

_AGREEMENT_STATUSES_OF = {"PROPOSE": ("proposed", "negotiating"), "SIGN": ("signed", "in_force")}
"""The status an agreement has in the article of a proposal or a signing of it."""


def attach_agreements(
    events: list[EventEntity], event_facts: dict[str, Stated], agreement_facts: list[Stated],
    agreements: list[AgreementEntity],
) -> None:
    """Set ``agreement_id`` on proposals and signings that name an agreement their article states."""
    entity_of = {fact: a.id for a in agreements for fact in a.sources}
    by_article: dict[str, list[Stated]] = {}
    for fact in sorted(agreement_facts, key=lambda s: s.order):  # the article's first statement of it, whatever order they came in
        by_article.setdefault(fact.article_id, []).append(fact)
    for event in events:
        for fact_id in event.sources:
            match = agreement_stated(event_facts[fact_id], by_article.get(event_facts[fact_id].article_id, []))
            if match is not None:
                event.agreement_id = entity_of[match.fact_id]
                break


def agreement_stated(event: Stated, agreements: list[Stated]) -> Stated | None:
    """The statement of the agreement a proposal or signing is about, among its article's ``agreements``."""
    statuses = _AGREEMENT_STATUSES_OF.get(event.data["type"])
    words = scope_words(event.data.get("object"))
    if statuses is None or not words:
        return None
    return next((a for a in agreements if a.data.get("status") in statuses and scope_words(a.data.get("scope")) == words), None)


def link(events: list[EventEntity], agreements: list[AgreementEntity], event_facts: dict[str, Stated]) -> list[LinkEntity]:
    """Links from each invitation, acceptance or proposal to what fulfilled it.

    ``event_facts`` are the statements behind the events: their articles and the articles' dates.
    """
    visits = sorted(
        (e for e in events if e.type == "VISIT" and e.status != "planned" and e.sort_date),
        key=lambda e: (e.sort_date or "", e.id),
    )
    agreement_by_id = {a.id: a for a in agreements}
    first_signing: dict[str, EventEntity] = {}
    for signing in sorted((e for e in events if e.type == "SIGN" and e.agreement_id), key=lambda e: (e.sort_date or "9999", e.id)):
        first_signing.setdefault(signing.agreement_id or "", signing)
    links: list[LinkEntity] = []
    for event in events:
        if event.type in ("INVITE", "ACCEPT") and len(event.actors) >= 2:
            found = _visit_for(event, visits, event_facts)
            if found is not None:
                links.append(found)
        elif event.type == "PROPOSE" and event.agreement_id:
            found = _signing_for(event, first_signing.get(event.agreement_id), agreement_by_id[event.agreement_id])
            if found is not None:
                links.append(found)
    return links


def _visit_for(event: EventEntity, visits: list[EventEntity], event_facts: dict[str, Stated]) -> LinkEntity | None:
    if event.type == "INVITE":
        host, guest = event.actors[0], event.actors[1]
        said = f"invitation from {host} to {guest}"
    else:
        guest, host = event.actors[0], event.actors[1]
        said = f"acceptance by {guest} of an invitation from {host}"
    days = day_range(event.date)
    towards = [v for v in visits if v.actors[0] == guest and host in v.actors[1:]]

    def why(visit: EventEntity, how: str, rule: str) -> LinkEntity:
        told = f"{said} ({event.date or 'undated'}) → visit by {guest} to {host} ({visit.date}): {how}"
        return LinkEntity(event.id, visit.id, told, rule)

    if days is not None:
        later = [v for v in towards if (v.sort_date or "") > days[0] or (event.type == "ACCEPT" and v.sort_date == days[0])]
        return why(later[0], "the first such visit after it", "first_visit_after") if later else None
    articles = {event_facts[s].article_id for s in event.sources}
    same_article = [v for v in towards if articles & {event_facts[s].article_id for s in v.sources}]
    if same_article:
        # The visit the article is about, not one it recalls: shared persons first, then not background.
        best = min(same_article, key=lambda v: (-len(set(v.persons) & set(event.persons)), v.status == "reported", v.sort_date or ""))
        return why(best, "reported in the same article", "same_article")
    after = min((day_range(event_facts[s].published) or ("9999",))[0] for s in event.sources)
    later = [v for v in towards if (v.sort_date or "") > after]
    return why(later[0], "the first such visit after the article that states it", "first_visit_after_article") if later else None


def _signing_for(event: EventEntity, signing: EventEntity | None, agreement: AgreementEntity) -> LinkEntity | None:
    if agreement.status not in ("signed", "in_force"):
        return None
    what = f"proposal of {agreement.kind} ({agreement.scope or 'no scope'}) by {event.actors[0]}"
    if signing is not None:
        return LinkEntity(event.id, signing.id, f"{what} → signed ({signing.date or 'undated'}): same agreement", "same_agreement")
    reached = next(h for h in agreement.history if h.status == agreement.status)
    when = reached.date or f"stated as of {reached.as_of or 'an undated article'}"
    return LinkEntity(event.id, agreement.id, f"{what} → agreement {agreement.status} ({when})", "agreement_reached")
