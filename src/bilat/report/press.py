"""Persons as the press of a briefing's language names them: nationality, title and name in the usual order.

English news writes "Vietnamese President Luong Cuong" and "the President of
the Congress of Peru"; Vietnamese news "Chủ tịch nước Lương Cường" and
"Chủ tịch Quốc hội Peru". A title an article in the briefing's language gives
is quoted as it stands (``labels.stated_title``); otherwise the office is named
by the title the press gives it in that country (``brief.toml [press]``), not
by the facts contract's generic label ("Head of state"). The words are data:
demonyms come from ``countries.toml``, which the extractor reads too.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

from bilat.lang import load
from bilat.report.labels import label, stated_title


def press_title(offices: list[dict[str, Any]], seen: dict[str, Any], country: str | None, lang: str) -> str:
    """The title of office ``seen`` (one of a person's ``offices``): an article's own in ``lang``, else the press's."""
    return stated_title(offices, seen, lang) or office_name(seen["office"], country, lang)


def office_name(office: str, country: str | None, lang: str) -> str:
    """What the press of ``lang`` calls ``office`` in ``country`` ("" for ``other``, which names no office)."""
    titles = _press(lang)["titles"]
    by_country: dict[str, str] = titles.get(country or "", {})
    return str(by_country.get(office) or titles["default"].get(office, label(lang, "offices", office)))


def press_name(name: str, country: str | None, lang: str) -> str:
    """``name`` as the press of ``lang`` spells it: without tone marks for the countries it writes so ("Luong Cuong")."""
    press = _press(lang)
    if country not in press.get("plain_names_of", []):
        return name
    letters = press["plain_letters"]
    decomposed = unicodedata.normalize("NFD", "".join(letters.get(c, c) for c in name))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def demonym(country: str | None, lang: str) -> str:
    """The adjective of nationality the press of ``lang`` puts before a title ("Peruvian"), "" when it has none."""
    return _demonyms(lang).get(country or "", "")


@cache
def _demonyms(lang: str) -> dict[str, str]:
    """Code → the first demonym ``countries.toml`` lists for it, unless ``[press.demonyms]`` names the press's own."""
    found: dict[str, str] = {}
    for word, code in load(lang)["countries"].get("demonyms", {}).items():
        found.setdefault(code, word)
    return found | _press(lang).get("demonyms", {})


def _press(lang: str) -> dict[str, Any]:
    press: dict[str, Any] = load(lang)["brief"]["press"]
    return press
