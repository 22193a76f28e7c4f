"""Agreements: one per document named, with kind, status, date and parties from the clause."""

from __future__ import annotations

import pytest

from bilat.extract.components import agreements, countries, dates, sentences  # noqa: F401  (registers the components)
from bilat.extract.doc import Document
from bilat.extract.facts import Agreement
from bilat.extract import extract
from bilat.extract.pipeline import run
from bilat.ingest import read_text_document

LEDE = "Sáng 10/4, Thủ tướng Việt Nam hội đàm với Thủ tướng Ba Lan tại Hà Nội.\n"
"""A dated event between VN and PL, so that the article has a date and a main pair."""


def _agreements(body: str, published: str = "2024-04-10") -> tuple[Document, list[Agreement]]:
    doc = Document(id="t", text=LEDE + body, published=published)
    run(doc, ["sentences", "countries", "orgs", "dates", "anchor", "agreements"])
    return doc, doc.layer("facts.agreements")


def _summary(doc: Document, found: list[Agreement]) -> list[tuple[str, str, str | None, str]]:
    return [(a.kind, a.status, a.date, doc.span_text(a.evidence)) for a in found]


def test_each_document_exchanged_at_a_ceremony_is_its_own_agreement() -> None:
    doc, found = _agreements(
        "Sau hội đàm, hai Thủ tướng chứng kiến lễ trao đổi các văn kiện hợp tác, gồm Bản ghi nhớ về hợp tác nông nghiệp; "
        "Bản ghi nhớ về hợp tác giáo dục, đào tạo và khoa học; ký Thỏa thuận hợp tác giữa hai Học viện Ngoại giao."
    )
    assert _summary(doc, found) == [
        ("MOU", "signed", "2024-04-10", "Bản ghi nhớ về hợp tác nông nghiệp"),
        ("MOU", "signed", "2024-04-10", "Bản ghi nhớ về hợp tác giáo dục, đào tạo và khoa học"),
        ("COOPERATION", "signed", "2024-04-10", "ký Thỏa thuận hợp tác giữa hai Học viện Ngoại giao"),
    ]
    assert [a.parties for a in found] == [["PL", "VN"]] * 3
    assert [a.scope for a in found] == ["agriculture", "education, training, science", "diplomacy"]


def test_a_proposal_covers_every_agreement_it_names() -> None:
    doc, found = _agreements("Thủ tướng Ba Lan đề nghị hai nước sớm ký Hiệp định khuyến khích và bảo hộ đầu tư và Hiệp định tránh đánh thuế hai lần.")
    assert [(a.kind, a.status, a.date) for a in found] == [
        ("INVESTMENT_PROTECTION", "proposed", "2024-04-10"),
        ("DOUBLE_TAXATION", "proposed", "2024-04-10"),
    ]
    assert doc.span_text(found[0].evidence) == "đề nghị hai nước sớm ký Hiệp định khuyến khích và bảo hộ đầu tư"


def test_a_proposal_earlier_in_the_clause_outweighs_the_verb_sign() -> None:
    doc, found = _agreements("Ông đề nghị Việt Nam xem xét ký hiệp định miễn thị thực cho người mang hộ chiếu phổ thông.")
    assert _summary(doc, found) == [(
        "VISA_EXEMPTION", "proposed", "2024-04-10",
        "đề nghị Việt Nam xem xét ký hiệp định miễn thị thực cho người mang hộ chiếu phổ thông",
    )]
    assert found[0].scope == "visa exemption, ordinary passports"


@pytest.mark.parametrize(
    "body",
    [
        "Hai nước đã ký kết nhiều hiệp định và thỏa thuận hợp tác.",
        "Hai bên cần thực thi hiệu quả các Hiệp định thương mại tự do.",
        "Doanh nghiệp hai nước cần tận dụng ưu đãi của Hiệp định CPTPP.",
        "Hai bên đạt được thỏa thuận về nhiều vấn đề.",
    ],
    ids=["many", "plural", "multilateral", "no topic"],
)
def test_generic_and_multilateral_mentions_are_not_agreements(body: str) -> None:
    assert _agreements(body)[1] == []


def test_a_list_after_a_signing_sentence_is_history_without_a_date() -> None:
    doc, found = _agreements(
        "Hai nước đã ký nhiều văn kiện quan trọng. "
        "Trong số đó có Hiệp định thương mại song phương, Bản ghi nhớ về hợp tác du lịch."
    )
    assert _summary(doc, found) == [
        ("TRADE", "signed", None, "Hiệp định thương mại song phương"),
        ("MOU", "signed", None, "Bản ghi nhớ về hợp tác du lịch"),
    ]


def test_negotiation_and_an_abbreviation_in_brackets() -> None:
    doc, found = _agreements("Hai bên nhất trí thúc đẩy đàm phán Hiệp định thương mại tự do (FTA) giữa hai nước.")
    assert _summary(doc, found) == [("TRADE", "negotiating", None, "thúc đẩy đàm phán Hiệp định thương mại tự do")]


def test_a_status_stated_after_the_name_and_parties_named_in_it() -> None:
    doc, found = _agreements("Hiệp định thương mại tự do Việt Nam - Hàn Quốc có hiệu lực từ năm 2015.")
    assert _summary(doc, found) == [("TRADE", "in_force", None, "Hiệp định thương mại tự do Việt Nam - Hàn Quốc")]
    assert found[0].parties == ["KR", "VN"]


def test_a_joint_statement_issued_is_an_other_agreement() -> None:
    doc, found = _agreements("Hai nhà lãnh đạo ra Tuyên bố chung về nâng cấp quan hệ lên Đối tác chiến lược toàn diện.")
    assert _summary(doc, found) == [(
        "OTHER", "signed", "2024-04-10",
        "ra Tuyên bố chung về nâng cấp quan hệ lên Đối tác chiến lược toàn diện",
    )]
    assert found[0].scope == "upgrading relations, comprehensive strategic partnership"


def test_a_plan_to_be_drawn_up_is_proposed_and_its_period_is_not_its_date() -> None:
    doc, found = _agreements("Hai bên nhất trí Kế hoạch hành động giai đoạn 2025 - 2030 sẽ sớm được xây dựng.")
    assert _summary(doc, found) == [("COOPERATION", "proposed", "2024-04-10", "Kế hoạch hành động giai đoạn 2025 - 2030")]


def test_an_agreement_named_twice_is_one() -> None:
    _, found = _agreements(
        "Hai bên đã ký Bản ghi nhớ về hợp tác quốc phòng.\nBản ghi nhớ về hợp tác quốc phòng là nền tảng quan trọng."
    )
    assert [(a.kind, a.scope) for a in found] == [("MOU", "defence")]


# --- English ------------------------------------------------------------------------


def _english(body: str, published: str = "2024-04-10") -> tuple[Document, list[Agreement]]:
    lede = "Polish Prime Minister Donald Tusk held talks with Vietnamese Prime Minister Pham Minh Chinh in Hanoi on April 10.\n"
    doc = Document(id="t", text=lede + body, lang="en", published=published)
    run(doc, ["sentences", "countries", "orgs", "dates", "anchor", "agreements"])
    return doc, doc.layer("facts.agreements")


def test_english_name_before_its_head_and_a_union_as_party() -> None:
    doc, (found,) = _english("Tusk pledged that Poland would soon ratify the EU-Vietnam Investment Protection Agreement.")
    assert (found.kind, found.status, found.parties) == ("INVESTMENT_PROTECTION", "signed", ["EU", "VN"])
    assert doc.span_text(found.evidence).endswith("EU-Vietnam Investment Protection Agreement")


def test_english_list_of_agreements_to_sign() -> None:
    _, found = _english(
        "The two sides need to soon sign an agreement on investment protection and promotion, "
        "one on double taxation avoidance and another on visa exemption for diplomatic passport holders."
    )
    assert [(a.kind, a.status) for a in found] == [
        ("INVESTMENT_PROTECTION", "proposed"), ("DOUBLE_TAXATION", "proposed"), ("VISA_EXEMPTION", "proposed"),
    ]
    assert all(a.parties == ["PL", "VN"] for a in found)


def test_english_signing_keeps_its_stated_date_out_of_the_name() -> None:
    doc, (found,) = _english("Since Warsaw and Hanoi signed the action plan in March 2022, ties have grown.")
    assert (found.kind, found.status, found.date) == ("COOPERATION", "signed", "2022-03")
    assert doc.span_text(found.evidence) == "signed the action plan"


def test_english_generic_agreements_are_none() -> None:
    _, found = _english("The two countries have signed many agreements and several memoranda of understanding.")
    assert found == []


def test_english_proposing_to_ratify_leaves_the_agreement_signed() -> None:
    _, (found,) = _english("Tusk proposed that Vietnam soon ratify the EU-Vietnam Investment Protection Agreement.")
    assert (found.kind, found.status) == ("INVESTMENT_PROTECTION", "signed")


def test_english_signing_at_the_event_and_in_the_past() -> None:
    _, found = _english("The two prime ministers signed a memorandum of understanding on cooperation in agriculture. "
                        "The two countries have signed an agreement on visa exemption.")
    assert [(a.kind, a.date) for a in found] == [("MOU", "2024-04-10"), ("VISA_EXEMPTION", None)]


def test_english_scope_keeps_its_in_and_unlisted_subjects_are_agreements() -> None:
    _, found = _english("The two prime ministers signed a memorandum of understanding on cooperation in the digital economy "
                        "and an Agreement on the Mutual Recognition of Driving Licences. They reached an agreement on the need to talk.")
    assert [(a.kind, a.status) for a in found] == [("MOU", "signed"), ("COOPERATION", "signed")]


def test_english_plural_head_listing_its_documents() -> None:
    doc, found = _english("The two governments signed memorandums of understanding on renewable energy, on vocational "
                          "training and on water management. They have signed many agreements.")
    assert [(a.kind, a.status, doc.span_text(a.evidence)) for a in found] == [
        ("MOU", "signed", "signed memorandums of understanding on renewable energy"),
        ("MOU", "signed", "on vocational training"),
        ("MOU", "signed", "on water management"),
    ]


def test_launching_negotiations_is_a_proposal() -> None:
    _, (found,) = _agreements(
        "Hai bên nhất trí thúc đẩy khả năng khởi động đàm phán Hiệp định Thương mại tự do Việt Nam - Liên minh châu Âu.")
    assert (found.kind, found.status, found.parties) == ("TRADE", "proposed", ["EU", "VN"])


def test_english_negotiations_after_the_name_are_its_status() -> None:
    _, (found,) = _english("Tusk welcomed the progress of the Vietnam-EU Free Trade Agreement negotiations.")
    assert (found.kind, found.status, found.parties) == ("TRADE", "negotiating", ["EU", "VN"])


def test_an_existing_free_trade_agreement_no_verb_speaks_of_is_in_force() -> None:
    _, found = _agreements("Hiệp định Thương mại tự do Việt Nam - EU (EVFTA) là động lực quan trọng. Bản ghi nhớ về hợp tác y tế là nền tảng.")
    assert [(a.kind, a.status) for a in found] == [("TRADE", "in_force"), ("MOU", "signed")]
    _, (found,) = _english("The EU-Vietnam Free Trade Agreement is an important driving force for two-way trade.")
    assert (found.kind, found.status) == ("TRADE", "in_force")


def test_urging_to_conclude_negotiations_leaves_them_under_way() -> None:
    doc, (found,) = _agreements("Thủ tướng đề nghị hai bên sớm kết thúc đàm phán Hiệp định thương mại tự do song phương.")
    assert (found.kind, found.status) == ("TRADE", "negotiating")
    _, (found,) = _english("Tusk called for the early conclusion of negotiations on the Poland-Vietnam double taxation agreement.")
    assert (found.kind, found.status) == ("DOUBLE_TAXATION", "negotiating")


def test_a_drafted_text_to_adopt_soon_is_under_negotiation() -> None:
    _, (found,) = _agreements("Hai bên nhất trí sớm chính thức thông qua Chương trình Hành động giai đoạn 2026-2030.")
    assert (found.kind, found.status) == ("COOPERATION", "negotiating")


def test_a_plan_that_has_yielded_results_is_in_force() -> None:
    doc, (found,) = _agreements("Kế hoạch hành động giai đoạn 2021 - 2023 đạt nhiều kết quả quan trọng.")
    assert (found.status, doc.span_text(found.evidence)) == ("in_force", "Kế hoạch hành động giai đoạn 2021 - 2023")


def test_a_bare_head_names_the_document_again() -> None:
    _, found = _agreements("Hai bên đã ký Bản ghi nhớ về hợp tác hải quan. Bản ghi nhớ này mở ra hướng hợp tác mới.")
    assert [(a.kind, a.scope) for a in found] == [("MOU", "customs")]
    doc, found = _english("The ministers signed an MoU on Customs Cooperation.\nThe MoU was signed in Hanoi in March this year.")
    assert [(a.kind, a.scope, a.date) for a in found] == [("MOU", "customs", "2024-04-10")]
    _, found = _english("They signed an MoU on health and an MoU on fisheries.")
    assert [a.scope for a in found] == ["health", "fisheries"]


def test_a_plural_head_listing_subjects_gives_one_agreement_each() -> None:
    doc, found = _agreements(
        "Thủ tướng đề nghị hai bên thúc đẩy đàm phán các hiệp định về thương mại, tránh đánh thuế hai lần, y tế; "
        "tăng cường hợp tác nông nghiệp.")
    assert [(a.kind, a.status, doc.span_text(a.evidence)) for a in found] == [
        ("TRADE", "proposed", "đề nghị hai bên thúc đẩy đàm phán các hiệp định về thương mại"),
        ("DOUBLE_TAXATION", "proposed", "tránh đánh thuế hai lần"),
        ("COOPERATION", "proposed", "y tế"),
    ]
    _, found = _agreements("Hai bên cần thực hiện tốt các thỏa thuận hợp tác đã ký kết về thủy sản và giáo dục.")
    assert [(a.kind, a.scope) for a in found] == [("COOPERATION", "fisheries"), ("COOPERATION", "education")]
    _, found = _agreements("Hai bên đã ký 4 văn kiện hợp tác và các hiệp định về thương mại.")
    assert found == []


def test_english_documents_listed_by_subject_are_one_each() -> None:
    doc, found = _english("The two leaders witnessed the signing of documents on health, fisheries and customs.")
    assert [(a.kind, a.scope, a.status) for a in found] == [
        ("COOPERATION", "health", "signed"), ("COOPERATION", "fisheries", "signed"), ("COOPERATION", "customs", "signed"),
    ]
    _, found = _english("They agreed to negotiate and sign cooperation documents in such areas as energy, and tourism.")
    assert [(a.kind, a.scope, a.status) for a in found] == [
        ("COOPERATION", "energy", "proposed"), ("COOPERATION", "tourism", "proposed"),
    ]
    _, found = _english("We signed fifteen agreements on several matters, aiming at a common goal.")
    assert found == []


def test_a_joint_communique_is_an_other_agreement() -> None:
    doc, (found,) = _agreements("Kết thúc chuyến thăm, hai nước ra Thông cáo chung Việt Nam - Ba Lan.")
    assert (found.kind, found.status) == ("OTHER", "signed")
    _, (found,) = _english("The two sides issued a joint communiqué on the visit.")
    assert (found.kind, found.status) == ("OTHER", "signed")


def test_a_subject_right_after_the_head_names_a_cooperation_document() -> None:
    doc, found = _agreements("Hai nước hôm nay đã ký Hiệp định đóng tàu tuần tra. Thỏa thuận này mở ra hướng mới. "
                             "Hai bên cũng ký Hiệp định tránh đánh thuế 2 lần.")
    assert [(a.kind, doc.span_text(a.evidence)) for a in found] == [
        ("COOPERATION", "đã ký Hiệp định đóng tàu tuần tra"), ("DOUBLE_TAXATION", "ký Hiệp định tránh đánh thuế 2 lần")]


def test_a_bare_head_with_a_count_in_its_clause_names_the_document_again() -> None:
    _, found = _agreements("Hai lãnh đạo ra Tuyên bố chung về nâng cấp quan hệ. Tuyên bố chung vạch ra 6 trụ cột hợp tác.")
    assert [a.kind for a in found] == ["OTHER"]


def test_a_document_the_headline_names_is_cited_from_the_body() -> None:
    doc = Document(id="t", lang="en", published="2024-04-10", title="Chile, Peru sign visa exemption agreement",
                   text="Chile, Peru sign visa exemption agreement\nChile and Peru on Monday signed a visa exemption agreement "
                        "for diplomatic passport holders.")
    run(doc, ["sentences", "countries", "orgs", "dates", "anchor", "agreements"])
    (found,) = doc.layer("facts.agreements")
    assert doc.span_text(found.evidence) == "signed a visa exemption agreement for diplomatic passport holders"


def test_a_member_states_free_trade_agreement_is_its_unions() -> None:
    _, found = _agreements("Ba Lan tích cực thúc đẩy Hiệp định Thương mại tự do với Việt Nam và Hiệp định tránh đánh thuế hai lần.")
    assert [(a.kind, a.parties) for a in found] == [("TRADE", ["EU", "VN"]), ("DOUBLE_TAXATION", ["PL", "VN"])]


def test_signing_soon_a_drafted_text_is_negotiating() -> None:
    _, found = _english("The two sides promised to soon sign the Memorandum of Understanding on fisheries. "
                        "They agreed to promote negotiations and soon sign an agreement on customs. "
                        "They need to soon sign a framework agreement on tourism.")
    assert [(a.scope, a.status) for a in found] == [
        ("fisheries", "negotiating"), ("customs", "negotiating"), ("tourism", "proposed")]
    _, (found,) = _agreements("Hai bên nhất trí thúc đẩy đàm phán và sớm ký kết Hiệp định hợp tác hải quan.")
    assert found.status == "negotiating"


def test_english_signing_joined_after_a_negotiating_verb_is_where_the_negotiation_leads() -> None:
    _, found = _english("They expressed determination to elevate ties by finalising and signing the Comprehensive "
                        "Economic Partnership Agreement. In 2019 the two sides negotiated and signed a Visa Exemption Agreement.")
    assert [(a.kind, a.status) for a in found] == [("TRADE", "negotiating"), ("VISA_EXEMPTION", "signed")]


def test_the_press_home_country_completes_a_documents_parties() -> None:
    from bilat.extract import extract
    from bilat.ingest import read_text_document

    text = ("published: 2025-03-12\n---\nNgày 11/3, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Malaysia Anwar "
            "Ibrahim. Sau hội đàm, hai Thủ tướng đã ra Tuyên bố chung.")
    facts = extract(read_text_document(text, doc_id="t")).to_dict()
    assert [a["parties"] for a in facts["agreements"]] == [["MY", "VN"]]
    assert [e["actors"] for e in facts["events"] if e["type"] == "SIGN"] == [["MY", "VN"]]


def test_an_agreement_signed_then_in_force_is_in_force() -> None:
    """With no cue before its name, an agreement's status is the furthest stage the sentence tells."""
    for body, lang in (("Hiệp định thương mại tự do giữa Chile và Peru được ký năm 2023 và chính thức có hiệu lực "
                        "từ ngày 1/1/2024.", "vi"),
                       ("The free trade agreement between Chile and Peru was signed in 2023 and entered into force "
                        "on January 1, 2024.", "en")):
        text = f"published: 2025-03-12\nlang: {lang}\n---\n{body}\n"
        assert [(a.kind, a.status) for a in extract(read_text_document(text, doc_id="t")).agreements] == \
            [("TRADE", "in_force")], body


def test_a_number_of_documents_listed_by_field_is_one_agreement_each() -> None:
    body = "Hai nhà lãnh đạo Chile và Peru chứng kiến lễ ký 3 văn kiện hợp tác trong các lĩnh vực y tế, giáo dục và văn hóa."
    text = f"published: 2025-03-12\nlang: vi\n---\n{body}\n"
    assert [(a.kind, a.status) for a in extract(read_text_document(text, doc_id="t")).agreements] == \
        [("COOPERATION", "signed")] * 3


def test_a_documents_term_of_years_is_not_its_signing_date() -> None:
    body = ("The presidents of Chile and Peru on Tuesday witnessed the exchanges of cooperation documents.\n\n"
            "The documents include a Memorandum of Understanding on cooperation between the Ministry of Science of "
            "Chile and the Ministry of Digital Development of Peru; an MoU on cultural cooperation between the Chilean "
            "Ministry of Culture and the Ministry of Culture of Peru for the 2025-27 period.")
    text = f"published: 2025-05-06\nlang: en\n---\n{body}\n"
    dates = [a.date for a in extract(read_text_document(text, doc_id="t")).agreements]
    assert len(dates) == 2 and not any(d and "/" in d for d in dates), dates


def test_an_agreement_asked_to_be_implemented_is_in_force() -> None:
    for body, lang in (("Chủ tịch Quốc hội Việt Nam đề nghị hai bên triển khai hiệu quả Thỏa thuận hợp tác giữa Quốc hội "
                        "Việt Nam và Quốc hội Lào.", "vi"),
                       ("Vietnam's Prime Minister urged Laos to implement the Vietnam-Laos Trade Agreement.", "en")):
        text = f"published: 2025-03-12\nlang: {lang}\n---\n{body}\n"
        assert [a.status for a in extract(read_text_document(text, doc_id="t")).agreements] == ["in_force"], body


@pytest.mark.parametrize(
    "body",
    [
        "Hai bên nhất trí triển khai Hiệp định hợp tác văn hóa giữa Việt Nam và Ba Lan.",
        "Trong khuôn khổ Hiệp định hợp tác văn hóa Việt Nam - Ba Lan, hai bên đã tổ chức nhiều hoạt động.",
        "Hai bên đánh giá Hiệp định hợp tác văn hóa Việt Nam - Ba Lan đang phát huy hiệu quả.",
    ],
)
def test_a_text_implemented_or_worked_within_is_in_force(body: str) -> None:
    _, found = _agreements(body)
    assert [(a.kind, a.status) for a in found] == [("COOPERATION", "in_force")]


def test_a_text_leveraged_is_in_force() -> None:
    _, found = _english("The two sides agreed to leverage the Vietnam-Poland cultural cooperation agreement.")
    assert [(a.kind, a.status) for a in found] == [("COOPERATION", "in_force")]


def test_a_cue_inside_another_documents_name_is_that_names() -> None:
    """"trong khuôn khổ APEC" is part of the MoU's name: it says nothing of the texts listed around it."""
    _, found = _agreements("Hai nước đã ký kết nhiều văn kiện.\nTrong đó có Hiệp định miễn thị thực đối với người mang "
                           "hộ chiếu ngoại giao, Biên bản ghi nhớ hợp tác trong khuôn khổ APEC, Thoả thuận hợp tác giữa "
                           "hai Phòng Thương mại.")
    assert [(a.kind, a.status) for a in found] == [("VISA_EXEMPTION", "signed"), ("MOU", "signed"), ("COOPERATION", "signed")]
