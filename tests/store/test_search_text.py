"""The words of search: folded as the index holds them, and snippets cut at words with the words found marked."""

from __future__ import annotations

import unicodedata

from bilat.store.search_text import SNIPPET_WORDS, folded, query_terms, snippet, words

SENTENCE = "Sáng 13/11, tại Lima, Chủ tịch nước Lương Cường hội kiến Chủ tịch Quốc hội Peru."


def test_words_are_folded_and_keep_their_offsets() -> None:
    found = words(SENTENCE)
    assert [w.folded for w in found[:6]] == ["sang", "13", "11", "tai", "lima", "chu"]
    assert all(SENTENCE[w.start:w.end] for w in found)
    assert SENTENCE[found[8].start:found[9].end] == "Lương Cường"


def test_a_text_in_nfd_is_read_in_whole_words_with_its_own_offsets() -> None:
    decomposed = unicodedata.normalize("NFD", SENTENCE)
    found = words(decomposed)
    assert [w.folded for w in found] == [w.folded for w in words(SENTENCE)]
    assert unicodedata.normalize("NFC", decomposed[found[8].start:found[9].end]) == "Lương Cường"


def test_the_barred_d_and_case_fold_and_punctuation_parts_words() -> None:
    assert folded("ĐÀ NẴNG, Đà Nẵng; đà-nẵng") == "da nang da nang da nang"
    assert query_terms('"Hà Nội" AND (Luong*)') == ["ha", "noi", "and", "luong"]
    assert query_terms("?! — «»") == []


def test_a_snippet_marks_the_words_found_in_the_text_as_read() -> None:
    shown, marks = snippet(SENTENCE, query_terms("luong cuong"))
    assert shown == SENTENCE
    assert [shown[start:end] for start, end in marks] == ["Lương", "Cường"]


def test_a_long_text_is_cut_at_words_around_the_phrase_typed() -> None:
    filler = " ".join(["hợp tác"] * 40)
    text = f"Peru {filler}\n\nChủ tịch nước   Lương Cường thăm Peru. {filler}"
    shown, marks = snippet(text, query_terms("Peru Lương Cường"))
    assert shown.startswith("…") and shown.endswith("…")
    assert len(words(shown)) == SNIPPET_WORDS and "\n" not in shown and "   " not in shown
    assert [shown[start:end] for start, end in marks] == ["Lương", "Cường", "Peru"]  # where most of the words are, not at the first "Peru"
