"""``/p/{id}``: one person: the offices the articles show them in, and every contact they took part in, newest first."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from bilat import store
from bilat.web.render import page, reader_language
from bilat.report.timeline import newest_first
from bilat.web.views.relations import describe

router = APIRouter()


@router.get("/p/{person_id}")
def person_page(request: Request, person_id: str, lang: str | None = None) -> HTMLResponse:
    engine = request.app.state.engine
    record = store.person(engine, person_id)
    if record is None:
        return page(request, "not_found.html", reader_language(lang, {}), status_code=404, what="unknown_person",
                    id=person_id)
    lang = reader_language(lang, record["languages"])
    names = {p["id"]: p["names"].get(lang, p["name"]) for p in record["persons"]}
    return page(
        request, "person.html", lang,
        person={**record, "name": names[person_id]}, names=names, spells=office_spells(record["offices"]),
        contacts=newest_first(record["events"]),
        origins=store.article_origins(engine, {s["article"] for e in record["events"] for s in e["sources"]}),
        describe=lambda event: describe(event, lang),
    )


def office_spells(offices: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The offices seen, one line per office: from its first to its last dated sighting, latest office first.

    ``store.person`` gives the first and last sighting of each title in each
    language; a line gathers those of one office, so a minister reported in
    Vietnamese and English is one line, with every sighting's source.
    """
    spells: dict[str | None, dict[str, Any]] = {}
    for seen in offices:
        spell = spells.setdefault(seen["office"], {"office": seen["office"], "seen": [], "dates": []})
        spell["seen"].append(seen)
        if seen["date"]:
            spell["dates"].append(seen["date"])
    for spell in spells.values():
        days = sorted(d for date in spell.pop("dates") for d in date.split("/"))
        spell["first"], spell["last"] = (days[0], days[-1]) if days else (None, None)
    return sorted(spells.values(), key=lambda s: s["last"] or "", reverse=True)
