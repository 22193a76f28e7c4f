"""Persons as the press of each language names them (``report/press.py``) and items worded from their clause (``report/clauses.py``)."""

from __future__ import annotations

import pytest

from bilat.report.clauses import ELLIPSIS, MAX_CLAUSE_WORDS, clause_of, gists
from bilat.report.press import demonym, office_name, press_name, press_title

LUONG_CUONG = [{"office": "head_of_state", "title": "Chủ tịch nước", "lang": "vi", "date": "2024-11-12"}]


def test_english_names_vietnamese_officials_without_tone_marks() -> None:
    assert press_name("Lương Cường", "VN", "en") == "Luong Cuong"
    assert press_name("Đỗ Hùng Việt", "VN", "en") == "Do Hung Viet"
    assert press_name("Lương Cường", "VN", "vi") == "Lương Cường"
    assert press_name("José Gálvez", "PE", "en") == "José Gálvez"  # Spanish names keep their accents


def test_a_title_no_article_gives_in_the_language_is_the_press_title_of_that_country() -> None:
    seen = LUONG_CUONG[0]
    assert press_title(LUONG_CUONG, seen, "VN", "vi") == "Chủ tịch nước"  # the article's own
    assert press_title(LUONG_CUONG, seen, "VN", "en") == "President"
    assert office_name("head_of_legislature", "PE", "en") == "President of the Congress"
    assert office_name("head_of_legislature", "KE", "en") == "Speaker of Parliament"
    assert office_name("head_of_government", "PE", "vi") == "Chủ tịch Hội đồng Bộ trưởng"
    assert office_name("head_of_state", "JP", "vi") == "Nhật hoàng"
    assert office_name("other", "VN", "en") == ""  # names no office


@pytest.mark.parametrize(("code", "word"), [("VN", "Vietnamese"), ("PE", "Peruvian"), ("KR", "South Korean"), ("US", "US")])
def test_demonyms(code: str, word: str) -> None:
    assert demonym(code, "en") == word


QUOTE = ("đồng thời khẳng định sẽ tiếp tục phối hợp hiệu quả với Việt Nam tại Liên hợp quốc và các cơ chế đa phương "
         "quốc tế, thúc đẩy hợp tác với ASEAN")
CUT = "tiếp tục phối hợp hiệu quả với Việt Nam tại Liên hợp quốc và"
"""The extractor's object of that commitment: its first 14 words."""


def test_an_item_is_worded_from_its_whole_clause() -> None:
    assert clause_of(CUT, QUOTE) == (
        "tiếp tục phối hợp hiệu quả với Việt Nam tại Liên hợp quốc và các cơ chế đa phương quốc tế, "
        "thúc đẩy hợp tác với ASEAN"
    )
    assert clause_of("visa exemption, citizens", QUOTE) is None  # a gloss the sentence does not hold


def test_a_long_clause_is_cut_at_its_last_boundary_never_mid_phrase() -> None:
    parts = [" ".join(["hợp tác"] * 6), " ".join(["kinh tế"] * 6), " ".join(["đầu tư"] * 6)]  # 12 words each
    clause = clause_of("hợp tác hợp tác", ", ".join(parts) + ".")
    assert clause == f"{parts[0]}, {parts[1]}{ELLIPSIS}"
    assert len(clause.split()) <= MAX_CLAUSE_WORDS


def test_a_long_clause_with_no_boundary_is_shown_whole() -> None:
    words = " ".join(f"w{n}" for n in range(MAX_CLAUSE_WORDS + 10))
    assert clause_of("w0 w1", words) == words


def test_gists_name_an_items_topics_in_the_readers_language() -> None:
    assert gists("đề nghị Việt Nam xem xét mở Đại sứ quán tại thủ đô Lima", "vi", "en") == ["open an embassy"]
    assert gists("ký hiệp định miễn thị thực cho công dân hai nước", "vi", "en") == ["visa exemption"]
    assert gists("increase the exchange of delegations and trade", "en", "vi") == ["trao đổi đoàn", "thương mại"]
    assert gists("nothing to match here", "en", "vi") == []
