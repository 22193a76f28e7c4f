"""Country names ↔ ISO codes for commands and displays ("Peru", "Pê-ru", "pe" → "PE")."""

from __future__ import annotations

from functools import cache

from bilat.errors import BilatError
from bilat.lang import load, load_shared
from bilat.text import fold

_NAME_LANGS = ("en", "vi")


@cache
def _names() -> dict[str, str]:
    """Folded country name (any language bilat has data for) → code."""
    table: dict[str, str] = {}
    for lang in _NAME_LANGS:
        for name, code in load(lang).table("countries", "names").items():
            table.setdefault(fold(name), code)
    return table


@cache
def _codes() -> frozenset[str]:
    """Country codes, and the unions that are a party to agreements in their own name (the EU).

    The store pairs such a union with the other party ("EU – Việt Nam"), so
    the pages, the API and the commands must accept the code they list.
    """
    return frozenset(_names().values()) | frozenset(load_shared("parties")["treaty_parties"])


def is_country_code(code: str) -> bool:
    """Whether ``code``, in any case, is a code bilat knows (a country's, or a union's that signs as one)."""
    return code.upper() in _codes()


def country_code(name: str) -> str:
    """The ISO 3166-1 alpha-2 code of a country given by code or by name; BilatError if unknown."""
    if name.upper() in _codes():
        return name.upper()
    code = _names().get(fold(name))
    if code is None:
        raise BilatError(f"unknown country {name!r}: give an ISO code (PE) or a name (Peru)")
    return code


def country_name(code: str, lang: str = "en") -> str:
    """The country's common name in ``lang`` (CLDR), or the code when bilat has none."""
    display: dict[str, str] = load(lang).table("countries", "display")
    return display.get(code, code)
