"""Text helpers shared by extraction and resolution."""

from __future__ import annotations

import unicodedata


def fold(name: str) -> str:
    """Case- and diacritic-insensitive form, to compare names ("Rodríguez" = "Rodriguez", "Đà" = "da")."""
    decomposed = unicodedata.normalize("NFD", name).replace("đ", "d").replace("Đ", "D")
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())
