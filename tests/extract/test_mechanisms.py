"""Mechanisms: named standing bodies, their level (stated or the usual one), one per body."""

from __future__ import annotations

import pytest

from bilat.extract.components import countries, dates, mechanisms, persons, sentences  # noqa: F401  (registers the components)
from bilat.extract.doc import Document
from bilat.extract.facts import Mechanism
from bilat.extract.pipeline import run

COMPONENTS = ["sentences", "countries", "orgs", "dates", "titles", "persons", "people", "mechanisms"]
"""The mechanisms and what they read: the chairs of a meeting give its level."""
LEDE = "Bộ trưởng Ngoại giao Việt Nam hội đàm với Bộ trưởng Ngoại giao Kenya.\n"
"""An article between VN and KE, so that unnamed parties are its main pair."""


def _mechanisms(body: str) -> tuple[Document, list[Mechanism]]:
    doc = Document(id="t", text=LEDE + body)
    run(doc, COMPONENTS)
    return doc, doc.layer("facts.mechanisms")


def _summary(doc: Document, found: list[Mechanism]) -> list[tuple[str, str | None, list[str], str]]:
    return [(m.kind, m.level, m.parties, doc.span_text(m.evidence)) for m in found]


def test_a_stated_level_and_the_article_pair() -> None:
    doc, found = _mechanisms("Hai bên nhất trí tổ chức phiên tham vấn chính trị cấp Thứ trưởng Ngoại giao lần thứ 5 tại Nairobi.")
    assert _summary(doc, found) == [(
        "POLITICAL_CONSULTATION", "deputy_foreign_minister", ["KE", "VN"],
        "tham vấn chính trị cấp Thứ trưởng Ngoại giao lần thứ 5",
    )]


@pytest.mark.parametrize(
    ("body", "kind", "level", "evidence"),
    [
        ("Hai nước sẽ thiết lập cơ chế tham vấn chính trị giữa hai Bộ Ngoại giao.",
         "POLITICAL_CONSULTATION", "deputy_foreign_minister", "tham vấn chính trị giữa hai Bộ Ngoại giao"),
        ("Hai bên hài lòng về kết quả Kỳ họp lần thứ 2 Ủy ban liên Chính phủ về hợp tác kinh tế, thương mại và đầu tư.",
         "JOINT_COMMITTEE", "deputy_minister", "Ủy ban liên Chính phủ về hợp tác kinh tế, thương mại và đầu tư"),
    ],
    ids=["consultation", "intergovernmental committee"],
)
def test_unstated_levels_follow_the_annotators_convention(body: str, kind: str, level: str, evidence: str) -> None:
    doc, found = _mechanisms(body)
    assert _summary(doc, found) == [(kind, level, ["KE", "VN"], evidence)]


def test_parties_named_in_the_body_and_the_older_tone_placement() -> None:
    doc, found = _mechanisms("Uỷ ban hỗn hợp Việt Nam - Ai Cập cấp Bộ trưởng đã họp tại Cairo.")
    assert _summary(doc, found) == [("JOINT_COMMITTEE", "minister", ["EG", "VN"], "Uỷ ban hỗn hợp Việt Nam - Ai Cập cấp Bộ trưởng")]


def test_a_body_named_twice_is_one_mechanism_with_the_fullest_name() -> None:
    doc, found = _mechanisms(
        "Hai Bộ trưởng đồng chủ trì Hội nghị Bộ trưởng Ngoại giao hai nước lần thứ nhất.\n"
        "Tại Hội nghị Bộ trưởng Ngoại giao Việt Nam - Kenya lần thứ nhất, hai bên đánh giá cao quan hệ song phương."
    )
    assert _summary(doc, found) == [(
        "OTHER", "foreign_minister", ["KE", "VN"], "Hội nghị Bộ trưởng Ngoại giao Việt Nam - Kenya lần thứ nhất",
    )]


def test_a_strategic_dialogue_with_its_level() -> None:
    doc, found = _mechanisms("Hai nước duy trì Đối thoại chiến lược Ngoại giao - Quốc phòng cấp Thứ trưởng hằng năm.")
    assert [(m.kind, m.level) for m in found] == [("STRATEGIC_DIALOGUE", "deputy_minister")]


def test_two_bodies_in_one_sentence_each_keep_their_own_name() -> None:
    doc, found = _mechanisms("Hai bên thúc đẩy Đối thoại chiến lược cấp Thứ trưởng Bộ Ngoại giao và tham vấn chính trị giữa hai Bộ Ngoại giao.")
    assert _summary(doc, found) == [
        ("STRATEGIC_DIALOGUE", "deputy_foreign_minister", ["KE", "VN"], "Đối thoại chiến lược cấp Thứ trưởng Bộ Ngoại giao"),
        ("POLITICAL_CONSULTATION", "deputy_foreign_minister", ["KE", "VN"], "tham vấn chính trị giữa hai Bộ Ngoại giao"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Hai bên nhất trí phát huy hiệu quả các cơ chế hợp tác song phương.",
        "Hai nước tiếp tục thực hiện hiệu quả các cơ chế đối thoại song phương.",
        "Bộ trưởng dự Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 57.",
        "Hai Bộ trưởng gặp nhau tại một hội nghị bộ trưởng hai nước.",
    ],
    ids=["cooperation mechanisms", "dialogue mechanisms", "multilateral meeting", "unnumbered meeting"],
)
def test_generic_and_multilateral_talk_names_no_mechanism(body: str) -> None:
    assert _mechanisms(body)[1] == []


def _english(text: str) -> list[Mechanism]:
    return run(Document(id="t", lang="en", text=text), COMPONENTS).layer(
        "facts.mechanisms")


def test_english_numbered_bilateral_meeting_and_a_dialogue() -> None:
    found = {(m.kind, m.level, tuple(m.parties)) for m in _english(
        "Uruguayan Foreign Minister Mario Lubetkin visited Paraguay.\n"
        "The Fourth Binational Meeting of Ministers was held in Asuncion, with a political consultation mechanism "
        "between foreign ministries and the annual Foreign Ministers' Strategic Dialogue."
    )}
    assert found == {
        ("OTHER", "minister", ("PY", "UY")),
        ("POLITICAL_CONSULTATION", "deputy_foreign_minister", ("PY", "UY")),
        ("STRATEGIC_DIALOGUE", "foreign_minister", ("PY", "UY")),
    }


def test_english_level_stated_after_the_name() -> None:
    assert {(m.kind, m.level) for m in _english(
        "Ghanaian Foreign Minister Samuel Ablakwa met Nigerian Foreign Minister Yusuf Tuggar.\n"
        "They agreed to convene the Joint Commission at the level of Foreign Ministers, and a Strategic Dialogue "
        "at deputy foreign minister level."
    )} == {
        ("JOINT_COMMITTEE", "foreign_minister"), ("STRATEGIC_DIALOGUE", "deputy_foreign_minister"),
    }


def test_a_name_with_a_word_inserted_and_its_co_chairs_level() -> None:
    doc, found = _mechanisms(
        "Thứ trưởng Bộ Công Thương Việt Nam Nguyễn Sinh Nhật Tân và Thứ trưởng Ngoại giao Kenya Abraham Korir Sing'Oei "
        "đồng chủ trì kỳ họp lần thứ hai Ủy ban Hợp tác Hỗn hợp Việt Nam - Kenya.")
    assert _summary(doc, found) == [("JOINT_COMMITTEE", "deputy_minister", ["KE", "VN"], "Ủy ban Hợp tác Hỗn hợp Việt Nam - Kenya")]


def test_a_political_consultation_by_its_other_name() -> None:
    _, found = _mechanisms("Hai bên tổ chức Tham khảo chính trị lần thứ 3 giữa hai Bộ Ngoại giao.")
    assert [(m.kind, m.level) for m in found] == [("POLITICAL_CONSULTATION", "deputy_foreign_minister")]


def test_english_chairs_sharing_an_office_give_the_level() -> None:
    found = _english(
        "Deputy Prime Minister and Foreign Minister Enrique Manalo of the Philippines and Thai Foreign Minister "
        "Maris Sangiampongsa co-chaired the fifth meeting of the Philippines-Thailand Joint Economic Commission.")
    assert [(m.kind, m.level, m.parties, m.name) for m in found] == [
        ("JOINT_COMMITTEE", "foreign_minister", ["PH", "TH"], "Philippines-Thailand Joint Economic Commission")]


def test_english_chairs_in_the_next_sentence_and_no_shared_office() -> None:
    found = _english(
        "The 9th meeting of the Chile-Peru Steering Committee for Bilateral Cooperation took place in Lima.\n"
        "The meeting was co-chaired by Chilean Deputy Prime Minister Ana Ruiz and Peruvian Foreign Minister Elmer Schialer.")
    assert [(m.kind, m.level, m.parties) for m in found] == [("JOINT_COMMITTEE", "deputy_head_of_government", ["CL", "PE"])]


def test_english_an_inserted_word_never_opens_another_body() -> None:
    found = _english("Uganda and Kenya agreed on an annual political consultation mechanism and a Leaders' Retreat.")
    assert {(m.kind, m.level) for m in found} == {
        ("POLITICAL_CONSULTATION", "deputy_foreign_minister"), ("OTHER", "head_of_government")}


def test_english_chairs_make_a_stated_level_precise_and_signers_of_the_minutes_chair() -> None:
    found = _english(
        "Deputy Foreign Minister Ana Ruiz of Chile and Deputy Foreign Minister Luis Paz of Peru co-chaired the "
        "Chile-Peru strategic dialogue at deputy ministerial level.\n"
        "Chilean Foreign Minister Alberto van Klaveren and his Peruvian counterpart Elmer Schialer signed the minutes "
        "of the 9th meeting of the Chile-Peru Joint Commission.")
    assert {(m.kind, m.level) for m in found} == {
        ("STRATEGIC_DIALOGUE", "deputy_foreign_minister"), ("JOINT_COMMITTEE", "foreign_minister")}


def test_english_unstated_levels_by_the_kind_of_body() -> None:
    found = _english(
        "Chile and Peru agreed to revitalise the Chile-Peru Permanent Joint Commission, to prepare the next "
        "Intergovernmental Committee, the Joint Economic Committee and a first Interstate Council, and to hold "
        "a defence dialogue.")
    assert sorted((m.kind, m.level) for m in found) == [
        ("JOINT_COMMITTEE", "deputy_minister"), ("JOINT_COMMITTEE", "foreign_minister"),
        ("JOINT_COMMITTEE", "head_of_state"), ("JOINT_COMMITTEE", "minister"), ("OTHER", "other")]


def test_dialogue_mechanisms_named_field_by_field_are_one_per_field() -> None:
    doc, found = _mechanisms("Hai bên duy trì các cơ chế đối thoại cấp thứ trưởng trong lĩnh vực ngoại giao, an ninh và quốc phòng.")
    assert [(m.kind, m.level) for m in found] == [
        ("STRATEGIC_DIALOGUE", "deputy_foreign_minister"), ("STRATEGIC_DIALOGUE", "deputy_minister"),
        ("STRATEGIC_DIALOGUE", "deputy_minister")]
    assert {tuple(m.parties) for m in found} == {("KE", "VN")}
    english = Document(id="e", lang="en", text="Chile and Peru will maintain the deputy minister dialogue mechanisms "
                                               "in diplomacy, security and defence.")
    run(english, COMPONENTS)
    assert [(m.kind, m.level, m.parties) for m in english.layer("facts.mechanisms")] == [
        ("STRATEGIC_DIALOGUE", "deputy_foreign_minister", ["CL", "PE"]),
        ("STRATEGIC_DIALOGUE", "deputy_minister", ["CL", "PE"]), ("STRATEGIC_DIALOGUE", "deputy_minister", ["CL", "PE"])]


def test_a_body_the_headline_names_takes_its_evidence_from_the_body() -> None:
    from bilat.extract import extract
    from bilat.ingest import read_text_document

    title = "Chile-Peru political consultations held in Lima"
    body = "The 5th round of Chile-Peru political consultations was held in Lima on Tuesday."
    text = f"published: 2025-03-12\ntitle: {title}\n---\n{title}\n\n{body}\n"
    facts = extract(read_text_document(text, doc_id="t")).to_dict()
    (mechanism,) = facts["mechanisms"]
    assert mechanism["evidence"][0] >= text.index(body)


def test_bodies_whose_inserted_word_opens_another_name(until) -> None:  # type: ignore[no-untyped-def]
    """"Joint Ministerial Commission", "Đối thoại Đối tác Chiến lược": "ministerial", "đối" open other bodies'
    names, so these are listed whole rather than read with a word inserted."""
    text = "The Australia-Indonesia Joint Ministerial Commission met in Canberra on March 3."
    doc = until(text, "mechanisms", lang="en", published="2025-03-12")
    assert [m.kind for m in doc.layer("facts.mechanisms")] == ["JOINT_COMMITTEE"]
    text = "Đối thoại Đối tác Chiến lược Việt Nam - Nhật Bản lần thứ 9 diễn ra tại Tokyo."
    doc = until(text, "mechanisms", published="2025-03-12")
    assert [m.kind for m in doc.layer("facts.mechanisms")] == ["STRATEGIC_DIALOGUE"]


def test_economic_and_two_plus_two_dialogues(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang, kind in (("The two countries held the 5th Mexico-Canada High-Level Economic Dialogue in Ottawa.", "en", "OTHER"),
                             ("Hai bên nhất trí thành lập cơ chế Đối thoại 2+2 cấp Thứ trưởng Ngoại giao - Quốc phòng "
                              "Việt Nam - Ấn Độ.", "vi", "STRATEGIC_DIALOGUE")):
        doc = until(text, "mechanisms", lang=lang, published="2025-03-12")
        assert [m.kind for m in doc.layer("facts.mechanisms")] == [kind], text


def test_a_level_from_chairs_named_by_office_alone(until) -> None:  # type: ignore[no-untyped-def]
    for text, level in (
            ("Kenya and Ghana held talks. The Kenya-Ghana Strategic Dialogue, chaired by the foreign ministers, "
             "met for the first time in 2023.", "foreign_minister"),
            ("Kenya and Ghana held talks. The Bi-National Commission between Kenya and Ghana, co-chaired by the "
             "two presidents, last met in 2022.", "head_of_state"),
            ("Kenya and Ghana held talks. The two leaders co-chaired the 5th meeting of the Kenya-Ghana "
             "High-Level Strategic Cooperation Council.", "head_of_government")):
        doc = until(text, "mechanisms", lang="en", published="2025-03-12")
        assert [m.level for m in doc.layer("facts.mechanisms")] == [level], text


def test_a_joint_commission_named_with_cooperation_inside() -> None:
    found = _english("Kenya and Ghana held talks. The Kenya-Ghana Joint Cooperation Commission convened for its fourth "
                     "session in Accra.")
    assert [(m.kind, m.level) for m in found] == [("JOINT_COMMITTEE", "foreign_minister")]


def test_a_joint_working_group_in_vietnamese() -> None:
    _, found = _mechanisms("Hai bên nhất trí thành lập Nhóm công tác chung về nông nghiệp.")
    assert [(m.kind, m.level) for m in found] == [("JOINT_COMMITTEE", "deputy_minister")]
