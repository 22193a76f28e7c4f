"""``bilat.ingest.read``: header block, offsets, decoding and file discovery."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from bilat import evaluate
from bilat.errors import BilatError, IngestError
from bilat.extract import extract
from bilat.ingest import iter_paths, read_document, read_text_document
from bilat.ingest.detect import detect_language
from bilat.text import NfcView

VI_BODY = "Chủ tịch nước Võ Văn Thưởng gặp Tổng thống Peru Dina Boluarte tại San Francisco.\n"
EN_BODY = "President Vo Van Thuong met Peruvian President Dina Boluarte in San Francisco.\n"
HEADER = "source: https://example.vn/a.htm\npublished: 2023-11-18\ntitle: Việt Nam-Peru\n---\n"


def test_header_fields_are_read() -> None:
    doc = read_text_document(HEADER + VI_BODY, doc_id="a")
    assert (doc.published, doc.title, doc.source, doc.lang) == (
        "2023-11-18", "Việt Nam-Peru", "https://example.vn/a.htm", "vi",
    )


def test_body_start_points_after_the_dashes() -> None:
    text = HEADER + VI_BODY
    doc = read_text_document(text, doc_id="a")
    assert doc.body_start == len(HEADER)
    assert doc.text[doc.body_start:] == VI_BODY
    assert doc.text == text  # the header stays: offsets index the file as read


def test_body_start_with_windows_line_ends() -> None:
    text = (HEADER + VI_BODY).replace("\n", "\r\n")
    doc = read_text_document(text, doc_id="a")
    assert doc.text[doc.body_start:] == VI_BODY.replace("\n", "\r\n")
    assert doc.published == "2023-11-18"


@pytest.mark.parametrize("published", ["unknown", "", "17/11/2023", "Thứ Sáu"])
def test_published_that_is_not_iso_is_none(published: str) -> None:
    doc = read_text_document(HEADER.replace("2023-11-18", published) + VI_BODY, doc_id="a")
    assert doc.published is None


@pytest.mark.parametrize("published", ["2023", "2023-11", "2023-11-18"])
def test_published_keeps_its_precision(published: str) -> None:
    doc = read_text_document(HEADER.replace("2023-11-18", published) + VI_BODY, doc_id="a")
    assert doc.published == published


def test_unknown_title_and_source_fall_back() -> None:
    header = "source: unknown\npublished: unknown\ntitle: unknown\n---\n"
    doc = read_text_document(header + VI_BODY, doc_id="a", source="corpus/a.txt")
    assert (doc.title, doc.source) == (None, "corpus/a.txt")


def test_no_header_means_body_start_0() -> None:
    doc = read_text_document(VI_BODY, doc_id="a")
    assert (doc.body_start, doc.published, doc.title) == (0, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "source: https://example.vn/a.htm\npublished: 2023-11-18\n" + VI_BODY,  # no closing ---
        "---\n" + VI_BODY,  # dashes without fields
        "Hà Nội: Chủ tịch nước tiếp Đại sứ\n---\n" + VI_BODY,  # a body line that looks like a field
    ],
    ids=["unterminated", "bare-dashes", "colon-in-body"],
)
def test_text_that_only_resembles_a_header_is_body(text: str) -> None:
    doc = read_text_document(text, doc_id="a")
    assert doc.body_start == 0
    assert doc.published is None


def test_header_lang_overrides_detection() -> None:
    doc = read_text_document("lang: vi\n---\n" + EN_BODY, doc_id="a")
    assert doc.lang == "vi"


def test_language_is_detected_from_the_body() -> None:
    assert read_text_document(EN_BODY, doc_id="a").lang == "en"
    assert read_text_document(HEADER + VI_BODY, doc_id="a").lang == "vi"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le président de la République a reçu son homologue vietnamien à l'Élysée, où ils ont signé un accord.", "fr"),
        ("El presidente peruano recibió a su homólogo vietnamita en Lima y firmaron un acuerdo de cooperación.", "es"),
        ("Presiden Joko Widodo menerima kunjungan Perdana Menteri Vietnam di Istana Merdeka, Jakarta.", "id"),
        ("Der Bundeskanzler empfing gestern den vietnamesischen Premierminister im Kanzleramt in Berlin.", "de"),
    ],
)
def test_other_languages_are_named_not_taken_for_english(text: str, lang: str) -> None:
    assert read_text_document(text, doc_id="a").lang == lang


def test_a_sentence_of_names_stays_in_a_language_bilat_reads() -> None:
    """Names are in no language: EN_BODY alone scores a hair better as Bikol than as English."""
    assert detect_language(EN_BODY) == "en"
    assert detect_language("Thủ tướng Phạm Minh Chính tiếp Đại sứ Peru Dina Boluarte tại Hà Nội.") == "vi"


@pytest.mark.parametrize("text", ["", " \n\t\n", HEADER])
def test_empty_text_is_an_ingest_error(text: str) -> None:
    with pytest.raises(IngestError):
        read_text_document(text, doc_id="a")


def test_too_little_text_to_tell_the_language() -> None:
    with pytest.raises(IngestError, match="language"):
        read_text_document("12/11 — 2024", doc_id="a")


def test_bom_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + VI_BODY.encode())
    doc = read_document(path)
    assert doc.text == "\ufeff" + VI_BODY  # offsets count the BOM, as Python reads the file
    assert doc.id == "bom"


def test_bom_before_a_header() -> None:
    doc = read_text_document("\ufeff" + HEADER + VI_BODY, doc_id="a")
    assert doc.published == "2023-11-18"
    assert doc.text[doc.body_start:] == VI_BODY


def test_read_document_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "h02.txt"
    path.write_text(HEADER + VI_BODY, encoding="utf-8")
    doc = read_document(path)
    assert (doc.id, doc.source) == ("h02", "https://example.vn/a.htm")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x00\x01binary", "binary file"),
        (b"\xff\xfe\x00b\x00a\x00", "broken UTF-16"),  # a byte-order mark, then an odd number of bytes
        ("Lima, Perú".encode("latin-1"), "cannot tell the language"),  # decoded, but too short to tell
        (b"", "empty file"),
        ("Chủ tịch nước Lương Cường tiếp Đại sứ Peru tại Hà Nội".encode()[:-2], "truncated UTF-8"),  # cut inside "ộ"
    ],
)
def test_unreadable_files_raise_ingest_error_naming_them(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert info.value.source == str(path)
    assert reason in info.value.reason
    assert isinstance(info.value, BilatError)


def test_missing_file_is_an_ingest_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="cannot read"):
        read_document(tmp_path / "missing.txt")


def test_iter_paths_recurses_sorted_and_keeps_named_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a/c.TXT", "a/d.md", "e.txt"):
        (tmp_path / "corpus" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "corpus" / name).write_text(VI_BODY, encoding="utf-8")
    named = tmp_path / "corpus" / "a" / "d.md"
    found = list(iter_paths([tmp_path / "corpus", named]))
    corpus = tmp_path / "corpus"
    assert found == [corpus / "a" / "c.TXT", corpus / "b.txt", corpus / "e.txt", named]


VOWEL_MARKS = "\u0302\u0306\u031b"  # circumflex, breve, horn: part of the letter in Windows-1258; tones stay apart


def windows_1258(text: str) -> bytes:
    """``text`` as a legacy Vietnamese system writes it: â, ơ... precomposed, tone marks as combining bytes."""
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        letter = unicodedata.normalize("NFC", decomposed[0] + "".join(m for m in decomposed[1:] if m in VOWEL_MARKS))
        tones = "".join(m for m in decomposed[1:] if m not in VOWEL_MARKS)
        out.append((letter + tones).encode("cp1258"))
    return b"".join(out)


@pytest.fixture(scope="module")
def seed_text() -> str:
    try:
        seeds = evaluate.find_shared() / "corpus" / "seeds"
    except BilatError as exc:
        pytest.skip(f"no shared corpus beside the checkout: {exc}")
    return min(seeds.glob("*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encode",
    [
        windows_1258,
        lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        lambda text: unicodedata.normalize("NFD", text).encode("utf-8"),
    ],
    ids=["windows-1258", "utf-16-le-bom", "utf-16-be-bom", "utf-8-nfd"],
)
def test_other_encodings_and_forms_give_the_same_facts(tmp_path: Path, seed_text: str, encode) -> None:
    """The facts of an article do not depend on how its file is encoded; evidence indexes the text as decoded."""
    path = tmp_path / "article.txt"
    path.write_bytes(encode(seed_text))
    document = read_document(path)
    assert unicodedata.normalize("NFC", document.text) == seed_text
    expected = extract(read_text_document(seed_text, doc_id="article")).to_dict()
    got = extract(document).to_dict()
    assert expected["events"] and got.keys() == expected.keys()
    for section in ("persons", "events", "agreements", "mechanisms", "memberships", "figures"):
        assert len(got[section]) == len(expected[section]), section
        for mine, theirs in zip(got[section], expected[section], strict=True):
            quoted = document.text[slice(*mine.pop("evidence"))]
            assert unicodedata.normalize("NFC", quoted) == seed_text[slice(*theirs.pop("evidence"))]
            assert mine == theirs


def test_nfc_view_maps_spans_back_onto_the_text_as_read() -> None:
    original = unicodedata.normalize("NFD", "Hội đàm tại Hà Nội")
    view = NfcView(original)
    assert view.text == "Hội đàm tại Hà Nội"
    start = view.text.index("Hà Nội")
    span = view.original(start, start + len("Hà Nội"))
    assert original[slice(*span)] == unicodedata.normalize("NFD", "Hà Nội")
    assert view.original(0, len(view.text)) == (0, len(original))
    assert view.forward(len(original)) == len(view.text)


@pytest.mark.parametrize("published", ["0000", "0000-01-01", "99999-99-99", "2023-02-30", "2023-13-45", "17/11/2023"])
def test_published_that_is_not_a_real_date_is_unknown_with_a_note(published: str) -> None:
    doc = read_text_document(HEADER.replace("2023-11-18", published) + VI_BODY, doc_id="a")
    assert doc.published is None  # the article's date is then inferred from its text
    assert doc.notes == (f"published: {published!r} is not a real date (YYYY, YYYY-MM or YYYY-MM-DD): "
                         "the date is inferred from the text",)
    body = "Ngày 17/11/2023, " + VI_BODY
    inferred = extract(read_text_document(HEADER.replace("2023-11-18", published) + body, doc_id="a")).published
    assert inferred == extract(read_text_document(HEADER.replace("2023-11-18", "unknown") + body, doc_id="a")).published
    assert inferred is not None and inferred.startswith("2023-11")


def test_published_unknown_needs_no_note() -> None:
    doc = read_text_document(HEADER.replace("2023-11-18", "unknown") + VI_BODY, doc_id="a")
    assert (doc.published, doc.notes) == (None, ())


@pytest.mark.parametrize(("lang", "read_as"), [("vi", "vi"), ("EN", "en"), ("vi-VN", "vi"), ("en_US", "en"), ("xx", "xx")])
def test_header_lang_is_read_by_its_first_part(lang: str, read_as: str) -> None:
    doc = read_text_document(f"lang: {lang}\n---\n" + VI_BODY, doc_id="a")
    assert (doc.lang, doc.notes) == (read_as, ())


def test_a_language_bilat_does_not_read_is_refused_by_extraction() -> None:
    with pytest.raises(BilatError, match=r"articles in 'xx' are not read yet \(bilat reads: "):
        extract(read_text_document("lang: xx\n---\n" + VI_BODY, doc_id="a"))


def test_header_lang_that_is_no_language_tag_leaves_it_to_detection() -> None:
    doc = read_text_document("lang: Vietnamese\n---\n" + EN_BODY, doc_id="a")
    assert doc.lang == "en"
    assert doc.notes == ("lang: 'Vietnamese' is not a language tag: the language is detected from the text",)


@pytest.mark.parametrize(
    ("text", "kind", "reason"),
    [
        (VI_BODY + "\x00" + VI_BODY, "binary", f"binary text (a NUL character at {len(VI_BODY)})"),
        (VI_BODY + "\ud800", "bad encoding", f"invalid Unicode (a lone surrogate at {len(VI_BODY)})"),
    ],
    ids=["nul", "lone-surrogate"],
)
def test_text_no_store_can_hold_is_refused(text: str, kind: str, reason: str) -> None:
    """What JSON escapes can carry ("\\u0000", "\\ud800"): PostgreSQL or UTF-8 would fail on it mid-batch."""
    with pytest.raises(IngestError) as info:
        read_text_document(text, doc_id="a")
    assert (info.value.kind, info.value.reason) == (kind, reason)


def test_header_with_lone_cr_line_ends() -> None:
    """Old Mac OS files end lines with a lone CR: the header is read as with LF, offsets on the text as read."""
    text = (HEADER + VI_BODY).replace("\n", "\r")
    doc = read_text_document(text, doc_id="a")
    assert (doc.published, doc.title, doc.source) == ("2023-11-18", "Việt Nam-Peru", "https://example.vn/a.htm")
    assert doc.text == text
    assert doc.body_start == len(HEADER)
    assert text[doc.headline_start:].startswith("Việt Nam-Peru\r")


@pytest.mark.parametrize("line_end", ["\r", "\r\n"])
def test_lone_cr_and_crlf_give_the_facts_lf_gives(seed_text: str, line_end: str) -> None:
    """Every line end splits sentences and paragraphs alike; evidence indexes the text as read."""
    text = seed_text.replace("\n", line_end)
    document = read_text_document(text, doc_id="article")
    got = extract(document).to_dict()
    expected = extract(read_text_document(seed_text, doc_id="article")).to_dict()
    assert expected["events"]
    for section in ("persons", "events", "agreements", "mechanisms", "memberships", "figures"):
        assert len(got[section]) == len(expected[section]), section
        for mine, theirs in zip(got[section], expected[section], strict=True):
            quoted = text[slice(*mine.pop("evidence"))]
            assert quoted.replace(line_end, "\n") == seed_text[slice(*theirs.pop("evidence"))]
            assert mine == theirs
    assert document.text == text  # read as it is: only matching sees LF
