"""Sentences: boundaries over the original text, the headline, photo captions."""

from __future__ import annotations

from bilat.extract.components import sentences  # noqa: F401  (registers the component)
from bilat.ingest import read_text_document
from bilat.extract.doc import Document
from bilat.extract.pipeline import run


def _sents(doc: Document) -> list[tuple[str, str]]:
    return [(s.label, doc.span_text(s)) for s in run(doc, ["sentences"]).layer("sents")]


def test_split_at_full_stops_and_line_breaks() -> None:
    doc = Document(id="t", text="Hai bên hội đàm. Thủ tướng cảm ơn TS. Nguyễn An.\nNgày 3/4 ký kết; hai bên nhất trí")
    assert _sents(doc) == [
        ("sent", "Hai bên hội đàm."),
        ("sent", "Thủ tướng cảm ơn TS. Nguyễn An."),
        ("sent", "Ngày 3/4 ký kết; hai bên nhất trí"),
    ]


def test_the_headline_in_the_header_is_the_first_sentence() -> None:
    text = "source: x\npublished: unknown\ntitle: Việt Nam và Lào ký Hiệp định\n---\nViệt Nam và Lào ký Hiệp định\n\nHai bên hội đàm."
    doc = read_text_document(text, doc_id="h")
    found = _sents(doc)
    assert found == [("sent", "Việt Nam và Lào ký Hiệp định"), ("sent", "Hai bên hội đàm.")]
    first = doc.layer("sents")[0]
    assert first.end <= doc.body_start  # cites the header, where the headline stands first


def test_photo_captions_are_labelled() -> None:
    text = (
        "Hai Thủ tướng hội đàm.\n"
        "Thủ tướng Lào phát biểu. (Ảnh: TTXVN)\n"
        "Chú thích ảnh\n"
        "Lễ đón tại sân bay.\n"
        "Quang cảnh buổi lễ.\n"
        "Đoàn Việt Nam tại hội nghị.\n"
        "Đoàn Việt Nam tại hội nghị.\n"
        "Hai bên ký kết."
    )
    labels = [(label, text) for label, text in _sents(Document(id="t", text=text))]
    assert [t for label, t in labels if label == "sent"] == ["Hai Thủ tướng hội đàm.", "Hai bên ký kết."]


def test_an_english_month_abbreviation_does_not_end_a_sentence() -> None:
    doc = Document(id="t", lang="en", text="The talks on Sept. 3 went well. Trade grew.")
    assert _sents(doc) == [("sent", "The talks on Sept. 3 went well."), ("sent", "Trade grew.")]


def test_a_full_stop_glued_to_the_next_word_ends_a_sentence_but_initials_do_not() -> None:
    doc = Document(id="t", text="Đoàn thăm Lào từ ngày 2-5/12.Sáng 3/12, hai bên hội đàm.Đại sứ V.B. Lukashevich dự. TP.HCM đón đoàn.")
    assert _sents(doc) == [
        ("sent", "Đoàn thăm Lào từ ngày 2-5/12."),
        ("sent", "Sáng 3/12, hai bên hội đàm."),
        ("sent", "Đại sứ V.B. Lukashevich dự."),
        ("sent", "TP.HCM đón đoàn."),
    ]
    english = Document(id="e", lang="en", text="Ambassador V.B. Lukashevich met the press.Trade grew in the U.S.Army base.")
    assert _sents(english) == [
        ("sent", "Ambassador V.B. Lukashevich met the press."),
        ("sent", "Trade grew in the U.S.Army base."),
    ]


def test_a_capital_letter_after_a_name_is_an_initial_after_a_lower_case_word_a_sentence_end() -> None:
    english = Document(id="e", lang="en", text="Minister R. Golovchenko met the press. The president said so on X. Chile agreed.")
    assert _sents(english) == [
        ("sent", "Minister R. Golovchenko met the press."),
        ("sent", "The president said so on X."),
        ("sent", "Chile agreed."),
    ]


def test_a_short_capitalised_initial_glued_to_a_name_does_not_end_a_sentence() -> None:
    doc = Document(id="e", lang="en", text="Secretary General Ts.Tsolmon received the ambassador.Both sides agreed.")
    assert _sents(doc) == [
        ("sent", "Secretary General Ts.Tsolmon received the ambassador."),
        ("sent", "Both sides agreed."),
    ]


def test_a_run_with_no_break_is_cut_at_spaces_into_bounded_sentences() -> None:
    words = " ".join(f"từ{n}" for n in range(20_000))  # a page flattened into one line: no full stop, no line break
    doc = Document(id="long", text=words + " " + "x" * (sentences.MAX_SENTENCE + 5))  # and a "word" longer than the bound
    found = run(doc, ["sentences"]).layer("sents")
    assert max(s.end - s.start for s in found) <= sentences.MAX_SENTENCE
    assert " ".join(doc.span_text(s) for s in found[:-2]) == words  # cut between words, none lost
    assert [doc.span_text(s) for s in found[-2:]] == ["x" * sentences.MAX_SENTENCE, "xxxxx"]


def test_a_long_run_of_abbreviations_is_read_a_stop_at_a_time() -> None:
    doc = Document(id="abbr", text="Gặp TS. Nguyễn An. " * 3 + "Hai bên hội đàm.")
    assert [text for _, text in _sents(doc)] == ["Gặp TS. Nguyễn An."] * 3 + ["Hai bên hội đàm."]


def test_a_flattened_page_keeps_its_story_around_a_credit() -> None:
    # a whole article scraped into one line: only the caption up to its credit is a caption
    story = ("Thủ tướng Nguyễn Xuân Phúc điện đàm với Thủ tướng Nhật Bản Shinzo Abe. Hai bên nhất trí sớm mở lại "
             "đường bay thương mại giữa hai nước trong thời gian tới, phục vụ doanh nghiệp và người dân. ") * 2
    text = (story + "Thủ tướng phát biểu tại cuộc điện đàm - Ảnh: VGP Thủ tướng Abe cảm ơn Việt Nam. " + story)
    labels = _sents(Document(id="t", text=text))
    assert ("caption", "Thủ tướng phát biểu tại cuộc điện đàm - Ảnh: VGP") in labels
    assert ("sent", "Thủ tướng Abe cảm ơn Việt Nam.") in labels
    assert sum(label == "sent" for label, _ in labels) == 9
