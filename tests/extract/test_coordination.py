"""Coordination: a list's items, split where a new item opens."""

from __future__ import annotations

import re

import pytest

from bilat.extract.coordination import coordination_of, split_items
from bilat.lang import load


def _items(text: str, lang: str, opens: str | None = None) -> list[str]:
    pattern = re.compile(opens) if opens else None
    return [text[s:e] for s, e in split_items(text, 0, len(text), coordination_of(load(lang)), pattern)]


def test_semicolons_always_end_an_item() -> None:
    text = "Kenya open a consulate in Mombasa; resume direct flights; and double scholarships"
    assert _items(text, "en", opens=r"(?!)") == ["Kenya open a consulate in Mombasa", "resume direct flights",
                                               "double scholarships"]
    text = "Chile mở Tổng Lãnh sự quán tại Valparaíso; nối lại đường bay thẳng; và tăng gấp đôi học bổng"
    assert _items(text, "vi", opens=r"(?!)") == ["Chile mở Tổng Lãnh sự quán tại Valparaíso", "nối lại đường bay thẳng",
                                               "tăng gấp đôi học bổng"]


def test_a_comma_or_conjunction_ends_an_item_only_before_a_new_one() -> None:
    opens = r"(?:to\s+)?(?:open|resume|sign)\b"
    text = "open an embassy in Nairobi, and resume flights between Hanoi, Mombasa and Nairobi"
    assert _items(text, "en", opens) == ["open an embassy in Nairobi", "resume flights between Hanoi, Mombasa and Nairobi"]
    opens = r"(?:mở|nối lại|ký)\b"
    text = "mở rộng hợp tác kinh tế, thương mại và đầu tư cũng như ký Hiệp định miễn thị thực"
    assert _items(text, "vi", opens) == ["mở rộng hợp tác kinh tế, thương mại và đầu tư", "ký Hiệp định miễn thị thực"]


def test_without_an_opener_every_separator_ends_an_item() -> None:
    assert _items("the President, the Prime Minister and the Speaker", "en") == [
        "the President", "the Prime Minister", "the Speaker"]


@pytest.mark.parametrize(("lang", "joined", "apart"), [
    ("vi", ["Pakistan và Iran", "Lào, Campuchia"], ["Lào; Campuchia"]),
    ("en", ["Pakistan and Iran", "Kishida, Yoon", "Laos, and Cambodia"], ["Laos; Cambodia"]),
])
def test_names_of_a_list_are_joined_by_a_comma_or_a_conjunction(lang: str, joined: list[str], apart: list[str]) -> None:
    weak = coordination_of(load(lang)).weak_re
    for text in joined:
        first, second = text.split()[0].rstrip(","), text.split()[-1]
        assert weak.fullmatch(text, len(first), len(text) - len(second)), text
    for text in apart:
        assert not weak.fullmatch(text, text.index(";"), text.index(";") + 2), text
