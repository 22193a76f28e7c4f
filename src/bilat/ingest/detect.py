"""Which language an article is written in.

Vietnamese is told apart by its letters: ă, â, đ, ê, ô, ơ, ư and the tone
marks make up a large share of the letters of any Vietnamese sentence, and
almost none of an English one. The threshold leaves room for English text
quoting Vietnamese names ("Phạm Minh Chính").
"""

from __future__ import annotations

import unicodedata

_VIETNAMESE_BASE = set("ăâđêôơưĂÂĐÊÔƠƯ")
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # grave, acute, tilde, hook, dot below
VIETNAMESE_SHARE = 0.08


def vietnamese_share(text: str) -> float:
    """Share of the letters of an NFC ``text`` that carry Vietnamese-specific marks."""
    letters = marked = 0
    for char in text:
        if not char.isalpha():
            continue
        letters += 1
        decomposed = unicodedata.normalize("NFD", char)
        if char in _VIETNAMESE_BASE or any(mark in _TONE_MARKS for mark in decomposed[1:]):
            marked += 1
    return marked / letters if letters else 0.0


def detect_language(text: str) -> str | None:
    """``"vi"``, ``"en"`` or None when the text has too few letters to tell."""
    text = unicodedata.normalize("NFC", text)  # NFD writes a mark apart from its letter, which then looks ASCII
    letters = sum(1 for char in text if char.isalpha())
    if letters < 20:
        return None
    if vietnamese_share(text) >= VIETNAMESE_SHARE:
        return "vi"
    ascii_letters = sum(1 for char in text if char.isascii() and char.isalpha())
    return "en" if ascii_letters / letters > 0.9 else None
