"""``bilat brief``: briefings built from a store of the seed articles, in Markdown, HTML and PDF, vi and en."""

from __future__ import annotations

import io
import os
import re
import stat
import threading
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from stores import bilingual_visit, build_store
from typer.testing import CliRunner

from bilat import store
from bilat.cli import app
from bilat.errors import BilatError
from bilat.extract.facts import AGREEMENT_KINDS, AGREEMENT_STATUSES, EVENT_TYPES
from bilat.lang import load
from bilat.report import briefing as briefing_module
from bilat.report.briefing import (
    Briefing,
    BriefingFormat,
    ReaderLanguage,
    build_briefing,
    render_html,
    render_markdown,
    render_pdf,
    write_briefing,
)
from bilat.report.labels import READER_LANGUAGES

TODAY = date(2026, 1, 15)
VISIT_VI = "Từ ngày 12 đến 16/11/2024, Chủ tịch nước Lương Cường thăm Peru."
VISIT_EN = "On 12–16 November 2024, Vietnamese President Luong Cuong visited Peru."
runner = CliRunner()


@pytest.fixture(scope="module")
def record(seed_db: str) -> dict[str, Any]:
    return store.relation(store.connect(seed_db), "VN", "PE")


@pytest.fixture(scope="module")
def vi(record: dict[str, Any]) -> Briefing:
    return build_briefing(record, "vi", today=TODAY)


@pytest.fixture(scope="module")
def en(record: dict[str, Any]) -> Briefing:
    return build_briefing(record, "en", today=TODAY)


def section(briefing: Briefing, key: str) -> list[str]:
    (found,) = [s for s in briefing.sections if s.key == key]
    return [sentence.text for sentence in found.sentences]


def markdown_section(markdown: str, heading: str) -> str:
    """The lines of one ``## heading`` section of a Markdown briefing."""
    return markdown.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize("lang", READER_LANGUAGES)
def test_each_reader_language_words_every_code(lang: str) -> None:
    words = load(lang)["brief"]
    assert set(EVENT_TYPES) <= set(words["events"])
    assert set(AGREEMENT_KINDS) <= set(words["documents"])
    assert set(AGREEMENT_STATUSES) <= set(words["agreement_statuses"])
    assert [x.value for x in ReaderLanguage] == list(READER_LANGUAGES)


def test_vietnamese_markdown_reads_like_the_press(vi: Briefing) -> None:
    markdown = render_markdown(vi)
    assert markdown.startswith("# Quan hệ Việt Nam – Peru: tóm tắt tình hình\n")
    assert "Cập nhật ngày 15/1/2026, tổng hợp từ 2 bài báo (bài mới nhất: tháng 11/2024)." in markdown
    contacts = markdown_section(markdown, "Tiếp xúc cấp cao gần đây")
    assert f"- {VISIT_VI} [" in contacts
    # The 2023 meeting names both heads of state with their titles of the time, and where they met.
    assert ("Ngày 17/11/2023, Chủ tịch nước Võ Văn Thưởng gặp Tổng thống Peru Dina Ercilia Boluarte Zegarra "
            "tại San Francisco.") in contacts
    # Newest first: the 2024 visit before the 2023 meeting before the 1998 visit.
    assert contacts.index("16/11/2024") < contacts.index("17/11/2023") < contacts.index("Tháng 7/1998")


def test_meetings_of_one_trip_make_one_sentence(vi: Briefing) -> None:
    meetings = [s for s in section(vi, "contacts") if "Lương Cường gặp" in s]
    assert meetings == [(  # protocol order; the offices titled as the press titles them in Peru
        "Từ ngày 12 đến 16/11/2024, Chủ tịch nước Lương Cường gặp Tổng thống Peru, "
        "Chủ tịch Hội đồng Bộ trưởng Peru, Chủ tịch Quốc hội Peru và Chánh án Tòa án tối cao Peru."
    )]


def test_english_markdown_names_offices_not_vietnamese_titles(en: Briefing) -> None:
    markdown = render_markdown(en)
    assert markdown.startswith("# Vietnam–Peru relations: briefing\n")
    assert f"- {VISIT_EN} [" in markdown
    assert "Chủ tịch nước" not in markdown_section(markdown, "Recent high-level contacts")


def test_a_visit_reported_in_both_languages_is_told_in_the_briefings(tmp_path: Path) -> None:
    record = store.relation(build_store(tmp_path / "bilat.db", bilingual_visit()), "VN", "CL")
    vi, en = (build_briefing(record, lang, today=TODAY) for lang in ("vi", "en"))

    # One visit, citing both articles; the person and title as the briefing's language writes them.
    assert section(vi, "contacts") == ["Từ ngày 10 đến 12/11/2024, Chủ tịch nước Lương Cường thăm Chile."]
    assert section(en, "contacts") == ["On 10–12 November 2024, Vietnamese President Luong Cuong visited Chile."]
    assert [s.citations for b in (vi, en) for s in next(x for x in b.sections if x.key == "contacts").sentences] == [(1, 2), (1, 2)]
    assert "“tham vấn chính trị cấp Thứ trưởng Ngoại giao”" in section(vi, "mechanisms")[0]
    assert "“political consultations at deputy foreign minister level”" in section(en, "mechanisms")[0]


def test_agreements_with_status_and_its_date(vi: Briefing, en: Briefing) -> None:
    assert section(vi, "agreements") == [
        "Thỏa thuận hợp tác giữa hai Phòng Thương mại và Công nghiệp đã được ký kết (theo bài báo tháng 11/2024).",
        "Bản ghi nhớ hợp tác trong khuôn khổ APEC đã được ký kết (theo bài báo tháng 11/2024).",
        ("Hiệp định miễn thị thực đối với người mang hộ chiếu ngoại giao và công vụ đã được ký kết "
         "(theo bài báo tháng 11/2024)."),
        "Hiệp định tránh đánh thuế hai lần được đề xuất ngày 17/11/2023.",
        "Hiệp định bảo hộ đầu tư được đề xuất ngày 17/11/2023.",
        "Hiệp định miễn thị thực cho công dân hai nước được đề xuất ngày 17/11/2023.",
    ]
    assert "The visa exemption agreement (citizens) was proposed on 17 November 2023." in section(en, "agreements")


def test_open_items_with_their_age(vi: Briefing, en: Briefing, record: dict[str, Any]) -> None:
    open_vi = section(vi, "open")
    assert len(open_vi) == len(record["open"]) == 6
    assert ("Ngày 17/11/2023, Tổng thống Peru Dina Ercilia Boluarte Zegarra đề xuất Hiệp định miễn thị thực "
            "cho công dân hai nước (cách đây 2 năm 1 tháng).") in open_vi
    assert all(s.endswith("(cách đây 2 năm 1 tháng).") for s in open_vi)
    assert all("(2 years 1 month ago)" in s for s in section(en, "open"))


@pytest.mark.parametrize(("today", "age"), [
    (date(2023, 12, 1), "(cách đây chưa đầy một tháng)"),
    (date(2024, 11, 16), "(cách đây 11 tháng)"),
    (date(2024, 11, 17), "(cách đây 1 năm)"),
])
def test_age_is_counted_to_the_given_day(record: dict[str, Any], today: date, age: str) -> None:
    assert all(age in s for s in section(build_briefing(record, "vi", today=today), "open"))


def test_fulfilled_items_say_what_fulfilled_them(vi: Briefing) -> None:
    fulfilled = section(vi, "fulfilled")
    assert len(fulfilled) == 2
    assert fulfilled[0] == (
        "Ngày 17/11/2023, Peru mời “Chủ tịch nước Võ Văn Thưởng thăm Peru và dự Hội nghị Cấp cao APEC 2024”. "
        "Đã thực hiện: từ ngày 12 đến 16/11/2024, Chủ tịch nước Lương Cường thăm Peru."
    )


def test_mechanisms_memberships_figures(vi: Briefing) -> None:
    assert "Cơ chế Tham khảo chính trị cấp Thứ trưởng Ngoại giao: “tham vấn chính trị giữa hai nước cấp Thứ trưởng " \
           "Ngoại giao”." in section(vi, "mechanisms")
    (memberships,) = section(vi, "memberships")
    assert memberships.startswith("Hai nước cùng là thành viên của ") and "Liên hợp quốc" in memberships
    assert section(vi, "figures") == [
        "Kim ngạch thương mại song phương năm 2023 đạt khoảng 500 triệu USD.",
        "Kim ngạch thương mại song phương từ tháng 1 đến tháng 7/2024 đạt khoảng 300 triệu USD.",
    ]


def test_every_citation_resolves_to_a_quoted_source(vi: Briefing) -> None:
    markdown = render_markdown(vi)
    body, sources = markdown.split("## Nguồn\n", 1)
    lines = {int(n): text for n, text in re.findall(r"^- \[(\d+)\] (.+)$", sources, re.MULTILINE)}
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    assert cited == set(lines) == set(range(1, len(vi.sources) + 1))
    (visit,) = [s for s in next(x for x in vi.sections if x.key == "contacts").sentences if s.text == VISIT_VI]
    (number,) = visit.citations
    assert lines[number] == (
        "004\\_0b2ce203d1803446, tháng 11/2024: “Nhận lời mời của Tổng thống Peru Dina Boluarte, Chủ tịch nước "
        "Lương Cường thăm chính thức Peru và tham dự Tuần lễ cấp cao APEC từ ngày 12-16/11”"
    )


def test_every_sentence_of_a_fact_cites_a_source(vi: Briefing) -> None:
    none = "Chưa ghi nhận."
    # The glance's own lines (its counts of sources, "none recorded") state no fact: tests/report/test_glance.py.
    assert all(s.citations for section in vi.sections if section.key != "glance" for s in section.sentences if s.text != none)


def test_since_keeps_the_contacts_on_or_after_it(record: dict[str, Any]) -> None:
    recent = build_briefing(record, "vi", today=TODAY, since="2024")
    contacts = section(recent, "contacts")
    assert VISIT_VI in contacts
    assert not [s for s in contacts if "2023" in s or "1998" in s]
    assert "Chỉ gồm các sự kiện từ năm 2024 trở đi." in recent.preamble
    # What stands now stays: the 2023 proposals are still open, the agreements still listed.
    assert section(recent, "open") == section(build_briefing(record, "vi", today=TODAY), "open")
    assert len(section(recent, "agreements")) == 6


def test_since_must_be_an_iso_date(record: dict[str, Any]) -> None:
    with pytest.raises(BilatError, match="YYYY-MM-DD"):
        build_briefing(record, "vi", since="11/2024")


def test_a_relation_with_nothing_stored_says_so(seed_db: str) -> None:
    empty = build_briefing(store.relation(store.connect(seed_db), "VN", "TH"), "vi", today=TODAY)
    assert empty.sections == [] and empty.sources == []
    assert "Kho dữ liệu chưa có thông tin nào về quan hệ Việt Nam – Thái Lan" in render_markdown(empty)


def test_html_is_self_contained_with_the_chart_and_escapes_article_text(planted_db: str, planted_markup: str) -> None:
    record = store.relation(store.connect(planted_db), "VN", "PE")
    html = render_html(build_briefing(record, "vi", today=TODAY))
    assert "Thứ trưởng Ngoại giao Đỗ Hùng Việt gặp Thứ trưởng Ngoại giao Peru" in html  # the planted fact is there
    assert planted_markup not in html and "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    svg = html.split('<figure class="chart">', 1)[1].split("</figure>", 1)[0]
    assert svg.lstrip().startswith("<svg") and len(re.findall(r"<title>[^<]*: gần", svg)) == 2  # one bar per period
    links = re.findall(r'(?:href|src)="([^"]*)"', html)
    assert links and all(link.startswith("#source-") for link in links)


def test_pdf_holds_the_vietnamese_text_and_citations(vi: Briefing) -> None:
    pdf = render_pdf(vi)
    reader = PdfReader(io.BytesIO(pdf))
    text = unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in reader.pages))
    assert "Chủ tịch nước Lương Cường thăm Peru" in text
    assert "Hiệp định bảo hộ đầu tư được đề xuất" in text
    assert "[1]" in text and "Nguồn" in text
    assert len(reader.pages) <= 3  # about two pages


def test_a_failed_render_leaves_the_previous_file(vi: Briefing, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "brief.pdf"
    target.write_text("previous")

    def fail(_: Briefing) -> bytes:
        raise RuntimeError("renderer crashed")

    monkeypatch.setitem(briefing_module._RENDERERS, BriefingFormat.pdf, fail)
    with pytest.raises(RuntimeError):
        write_briefing(vi, BriefingFormat.pdf, target)
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_a_briefing_to_a_named_pipe_leaves_it_a_pipe(vi: Briefing, tmp_path: Path) -> None:
    pipe = tmp_path / "brief.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    write_briefing(vi, BriefingFormat.md, pipe)
    reader.join(timeout=60)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert received[0].decode("utf-8").startswith("#")


def test_cli_writes_each_format(seed_db: str, tmp_path: Path) -> None:
    for fmt, lang, check in [
        ("md", "vi", lambda data: VISIT_VI.encode() in data),
        ("html", "en", lambda data: data.startswith(b"<!DOCTYPE html>") and VISIT_EN.encode() in data),
        ("pdf", "vi", lambda data: data.startswith(b"%PDF-")),
    ]:
        out = tmp_path / f"brief.{fmt}"
        result = runner.invoke(app, ["brief", "VN", "Peru", "--db", seed_db, "--lang", lang, "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert check(out.read_bytes()), fmt
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.html", "brief.md", "brief.pdf"]


def test_cli_since_and_empty_relation(seed_db: str, tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    result = runner.invoke(app, ["brief", "VN", "PE", "--db", seed_db, "--since", "2024-11", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Ngày 17/11/2023, Chủ tịch nước Võ Văn Thưởng gặp" not in out.read_text()
    result = runner.invoke(app, ["brief", "VN", "TH", "--db", seed_db, "-o", str(out)])
    assert result.exit_code == 0
    assert "nothing is stored about VN–TH" in result.stderr
    assert "chưa có thông tin nào" in out.read_text()


@pytest.mark.parametrize(("args", "message"), [
    (["VN", "Atlantis"], "unknown country 'Atlantis'"),
    (["VN", "PE", "--format", "docx"], "'docx' is not one of"),
    (["VN", "PE", "--lang", "fr"], "'fr' is not one of"),
    (["VN", "PE", "--since", "2024-13"], "not a date"),
])
def test_cli_usage_errors(seed_db: str, tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "brief.md"
    result = runner.invoke(app, ["brief", *args, "--db", seed_db, "-o", str(out)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not out.exists()


def test_the_briefing_file_gets_the_usual_permissions(seed_db: str, tmp_path: Path) -> None:
    """The temporary file is owner-only; the briefing, shared with colleagues, is not."""
    out = tmp_path / "brief.md"
    mask = os.umask(0o022)
    try:
        result = runner.invoke(app, ["brief", "VN", "PE", "--db", seed_db, "-o", str(out)])
    finally:
        os.umask(mask)
    assert result.exit_code == 0, result.output
    assert out.stat().st_mode & 0o777 == 0o644


def test_open_items_are_worded_from_their_whole_clause(vi: Briefing) -> None:
    (united_nations,) = [s for s in section(vi, "open") if "Liên hợp quốc" in s]
    # The stored object stops at 14 words ("…tại Liên hợp quốc và"); the briefing gives the clause.
    assert ("Peru cam kết: “tiếp tục phối hợp hiệu quả với Việt Nam tại Liên hợp quốc và các cơ chế đa phương quốc tế, "
            "thúc đẩy hợp tác với ASEAN”") in united_nations
    assert not [s for s in section(vi, "open") if re.search(r" (và|và các|của|tại)”", s)]


def test_an_english_briefing_labels_a_vietnamese_item_and_marks_its_quote(en: Briefing) -> None:
    assert ("Proposal: visa exemption — Peruvian President Dina Ercilia Boluarte Zegarra, 17 November 2023 "
            "(2 years 1 month ago): “ký hiệp định miễn thị thực cho công dân hai nước”.") in section(en, "open")
    html = render_html(en)
    assert ("Proposal: visa exemption — Peruvian President Dina Ercilia Boluarte Zegarra, 17 November 2023 "
            "(2 years 1 month ago): “<span lang=\"vi\">ký hiệp định miễn thị thực cho công dân hai nước</span>”.") in html
    # Each source's Vietnamese sentence is marked too, on an English page.
    assert html.count('<span lang="vi">') >= len(en.sources)
    assert '<html lang="en">' in html


def test_a_vietnamese_briefing_marks_no_quote_of_its_own_language(vi: Briefing) -> None:
    assert "<span lang=" not in render_html(vi)
