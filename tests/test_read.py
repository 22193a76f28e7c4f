"""``bilat.ingest.read``: header block, offsets, decoding and file discovery."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.errors import BilatError, IngestError
from bilat.ingest import iter_paths, read_document, read_text_document

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
        ("Lima, Perú".encode("latin-1"), "not UTF-8"),
        (b"", "empty file"),
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
