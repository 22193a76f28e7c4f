"""Memberships: stated memberships only, one entry per organisation."""

from __future__ import annotations

import pytest

from bilat.extract.components import countries, memberships, sentences  # noqa: F401  (registers the components)
from bilat.extract.doc import Document, Span
from bilat.extract.pipeline import run


def _memberships(text: str, lang: str = "vi") -> list[tuple[str, list[str]]]:
    return [(m.org, m.countries) for m in _doc(text, lang).layer("facts.memberships")]


def _doc(text: str, lang: str = "vi") -> Document:
    doc = Document(id="t", text=text, lang=lang)
    if lang == "en":
        doc.layers["sents"] = [Span(0, len(text), "sent")]  # each English text here is one sentence
        return run(doc, ["countries", "orgs", "memberships"])
    return run(doc, ["sentences", "countries", "orgs", "memberships"])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "hai nước" is the article's pair, and every organisation listed after the cue counts
        (("Việt Nam và Indonesia nhất trí tăng cường hợp tác. Indonesia và Việt Nam cùng là thành viên "
          "của Liên hợp quốc, APEC và Hiệp hội các quốc gia Đông Nam Á (ASEAN)."),
         [("UN", ["ID", "VN"]), ("APEC", ["ID", "VN"]), ("ASEAN", ["ID", "VN"])]),
        ("Kenya và Việt Nam hội đàm. Hai nước đều là thành viên tích cực của Liên Hợp Quốc.",
         [("UN", ["KE", "VN"])]),
        # the subject of the sentence, when a comma separates the cue from the nearer country
        ("Chủ tịch nước cho biết Ba Lan là đối tác quan trọng của Việt Nam, là quốc gia EU có nhiều dự án.",
         [("EU", ["PL"])]),
        ("Việt Nam, Peru và Chile đều là thành viên APEC.", [("APEC", ["VN", "PE", "CL"])]),
        ("Việt Nam gia nhập Tổ chức Thương mại Thế giới năm 2007.", [("WTO", ["VN"])]),
        ("Là thành viên ASEAN, Việt Nam luôn đóng góp tích cực.", [("ASEAN", ["VN"])]),
        ("Mexico và Việt Nam gặp nhau. Hai nước đã ký Hiệp định CPTPP.", [("CPTPP", ["MX", "VN"])]),
        ("Nhật Bản là thành viên không thường trực Hội đồng Bảo an Liên hợp quốc.", [("UNSC", ["JP"])]),
        ("Singapore là một trong những thành viên sáng lập ASEAN.", [("ASEAN", ["SG"])]),
    ],
)
def test_stated_memberships(text: str, found: list[tuple[str, list[str]]]) -> None:
    assert _memberships(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Việt Nam sẵn sàng tăng cường hợp tác với ASEAN.",
        "Hội nghị Cấp cao APEC diễn ra tại Lima, Peru.",
        "Doanh nghiệp Việt Nam và Chile cần tận dụng Hiệp định CPTPP.",
        "Hai nước phối hợp chặt chẽ tại Liên hợp quốc và các cơ chế như G20.",
        "Việt Nam ủng hộ Timor-Leste gia nhập ASEAN.",
        "Hai bên nhất trí sớm ký Hiệp định RCEP.",
        "Mexico không phải là thành viên ASEAN.",
        "Bộ trưởng hai nước ký kết thỏa thuận bên lề APEC.",
        "Việt Nam là Chủ tịch ASEAN năm 2020.",
        "Peru là nước chủ nhà APEC năm 2024.",
    ],
)
def test_mentions_state_no_membership(text: str) -> None:
    assert _memberships(text) == []


def test_one_entry_per_organisation() -> None:
    doc = _doc("Peru là thành viên APEC. Chile cũng là thành viên APEC.")
    [entry] = doc.layer("facts.memberships")
    assert (entry.org, entry.countries) == ("APEC", ["PE", "CL"])
    assert doc.text[entry.evidence[0]:entry.evidence[1]] == "Peru là thành viên APEC"


def test_evidence_covers_the_members_and_the_whole_list() -> None:
    text = "Hai nước Peru và Việt Nam cùng là thành viên trong APEC và Diễn đàn hợp tác Đông Á-Mỹ Latinh (FEALAC)."
    [first, _] = _doc(text).layer("facts.memberships")
    assert text[first.evidence[0]:first.evidence[1]] == text[:-1]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Vietnam and Indonesia are both members of ASEAN and the United Nations.",
         [("ASEAN", ["VN", "ID"]), ("UN", ["VN", "ID"])]),
        ("As fellow members of APEC, Canada and Vietnam met in Jakarta.", [("APEC", ["CA", "VN"])]),
        ("Chile said it is a founding member of the Pacific Alliance.", [("PACIFIC_ALLIANCE", ["CL"])]),
        ("Vietnam is an active ASEAN member.", [("ASEAN", ["VN"])]),
        ("Viet Nam joined the WTO in 2007.", [("WTO", ["VN"])]),
        ("Canada and Vietnam have grown closer following the sides' signing of the CPTPP.",
         [("CPTPP", ["CA", "VN"])]),
        ("Vietnam will join the talks with ASEAN.", []),
        ("Indonesia supports Timor-Leste's bid for accession to ASEAN.", []),
        ("Kenya expanded cooperation with the European Union.", []),
    ],
)
def test_english(text: str, found: list[tuple[str, list[str]]]) -> None:
    assert _memberships(text, lang="en") == found


def test_members_stated_in_a_relative_clause_after_the_organisation() -> None:
    assert _memberships("Hai bên thúc đẩy hợp tác với Khối Thị trường chung Nam Mỹ (Mercosur) mà Paraguay là thành viên sáng lập.") == [
        ("MERCOSUR", ["PY"])]
    assert _memberships("Bolivia welcomed talks with Mercosur, of which Paraguay is a founding member.", lang="en") == [
        ("MERCOSUR", ["PY"])]


def test_joining_on_the_eve_is_no_membership_yet() -> None:
    assert _memberships("Lào đánh giá chuyến thăm trước thềm gia nhập ASEAN của Timor-Leste.") == []
    assert _memberships("Laos praised the visit ahead of joining ASEAN by Timor-Leste.", lang="en") == []


def test_a_membership_in_apposition_or_in_a_capacity() -> None:
    assert _memberships("Chile, a founding member of APEC, welcomed Peru.", lang="en") == [("APEC", ["CL"])]
    assert _memberships("Với tư cách thành viên ASEAN, Lào ủng hộ Campuchia.") == [("ASEAN", ["LA"])]


def test_both_sides_members_of_regional_blocs_count_each_bloc_for_its_own_member() -> None:
    text = ("Thái Lan và Chile nhất trí tăng cường quan hệ giữa các tổ chức khu vực mà hai bên là thành viên "
            "như ASEAN và Liên minh Thái Bình Dương. Thái Lan và Chile hợp tác.")
    found = dict(_memberships(text))
    assert found.get("ASEAN") == ["TH"]
    assert found.get("PACIFIC_ALLIANCE") == ["CL"]
    assert dict(_memberships("Timor-Leste là thành viên ASEAN. Timor-Leste và Chile hợp tác.")).get("ASEAN") == ["TL"]
