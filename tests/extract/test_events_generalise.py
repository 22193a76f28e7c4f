"""Constructions of the language, not of one article: conveyed invitations, acceptances said
with the guest as subject, the tenses a headline writes, delegations and their heads, deals."""

from __future__ import annotations

import pytest

from bilat.extract import extract
from bilat.ingest import read_text_document


def _summary(doc, kind):  # type: ignore[no-untyped-def]
    return [(e.actors, e.date) for e in doc.layer("facts.events") if e.type == kind]


def _how_many(doc, kind):  # type: ignore[no-untyped-def]
    return len(_summary(doc, kind))


def test_a_conveyed_invitation_is_the_hosts(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Bộ trưởng Ngoại giao Chile chuyển lời mời của Tổng thống Chile Gabriel Boric tới Chủ tịch nước "
            "Lương Cường thăm Chile.")
    assert _summary(until(text, "events", published="2025-03-12"), "INVITE") == [(["CL", "VN"], "2025-03")]


def test_an_invitation_to_visit_a_country_is_that_countrys(until) -> None:  # type: ignore[no-untyped-def]
    # the sentence's subject is a pronoun: the country to be visited is the inviter
    text = ("Tổng Lãnh sự Hàn Quốc tiếp lãnh đạo tỉnh Đồng Nai. Ông ngỏ lời mời Bí thư Tỉnh ủy Nguyễn Phú Cường "
            "sang thăm Hàn Quốc.")
    assert [a for a, _ in _summary(until(text, "events", published="2016-05-27"), "INVITE")] == [["KR", "VN"]]


def test_a_bare_acceptance_is_the_subjects(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Tổng thống Kenya William Ruto mời Thủ tướng Phạm Minh Chính thăm Kenya. "
            "Thủ tướng Phạm Minh Chính vui vẻ nhận lời.")
    doc = until(text, "events", published="2025-03-12")
    assert _summary(doc, "ACCEPT") == [(["VN", "KE"], None)]


def test_thanks_received_are_no_acceptance(until) -> None:  # type: ignore[no-untyped-def]
    text = "Tổng thống Kenya William Ruto nhận lời cảm ơn của Thủ tướng Phạm Minh Chính."
    assert _summary(until(text, "events", published="2025-03-12"), "ACCEPT") == []


def test_present_tense_travel_and_arrival_are_visits(until) -> None:  # type: ignore[no-untyped-def]
    for text in ("Brazilian President Lula travels to Indonesia on Monday.",
                 "Brazilian President Lula arrives in Jakarta for a state visit.",
                 "Kenyan President William Ruto flew to Hanoi on Monday."):
        doc = until(text, "events", lang="en", published="2025-03-12")
        assert [a for a, _ in _summary(doc, "VISIT")][:1] in ([["BR", "ID"]], [["KE", "VN"]]), text


def test_a_delegations_head_is_its_subject(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Vietnam and Chile held talks. A delegation led by Vietnamese Deputy Foreign Minister Do Hung Viet "
            "paid a working visit to Chile from May 5 to 8.")
    doc = until(text, "events", lang="en", published="2025-05-10")
    assert _summary(doc, "VISIT") == [(["VN", "CL"], "2025-05-05/2025-05-08")]


def test_a_deal_reached_is_signed(until) -> None:  # type: ignore[no-untyped-def]
    text = "Indonesia and Brazil reached a deal on beef exports on Monday."
    assert _summary(until(text, "events", lang="en", published="2025-03-12"), "SIGN") == [(["ID", "BR"], "2025-03-10")]


def test_a_noun_is_no_pledge(until) -> None:  # type: ignore[no-untyped-def]
    text = "Japan and Vietnam reviewed the pledges made at the summit on a $500 million loan."
    assert _summary(until(text, "events", lang="en", published="2025-03-12"), "COMMIT") == []


def test_headline_verbs_in_the_present(until) -> None:  # type: ignore[no-untyped-def]
    text = "Japan pledges a $500 million loan to Vietnam for the North-South railway."
    assert [a for a, _ in _summary(until(text, "events", lang="en", published="2025-03-12"), "COMMIT")] == [["JP", "VN"]]


def test_a_joint_subject_names_its_own_two_sides(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Japan and the Philippines deepen ties. The defence ministers of Japan and Indonesia met in Tokyo on "
            "Sunday. The leaders of Japan and the Philippines met in Manila on Monday.")
    doc = until(text, "events", lang="en", published="2025-03-12")
    assert sorted(map(tuple, (a for a, _ in _summary(doc, "MEET")))) == [("JP", "ID"), ("JP", "PH")]


def test_what_a_request_asks_is_its_step(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Chủ tịch nước Lương Cường đề nghị Kenya ủng hộ Việt Nam ứng cử vào Hội đồng Bảo an.", "vi"),
                       ("Vietnamese President Luong Cuong asked Kenya to support Vietnam's candidacy for the UN "
                        "Security Council.", "en")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [a for a, _ in _summary(doc, "PROPOSE")] == [["VN", "KE"]], text
        assert _summary(doc, "COMMIT") == [], text  # the support is asked, not pledged


def test_on_the_invitation_of_is_an_acceptance(until) -> None:  # type: ignore[no-untyped-def]
    text = ("President William Ruto of Kenya arrived in Kigali, Rwanda, on Tuesday for a two-day State visit, on "
            "the invitation of Rwandan President Paul Kagame.")
    doc = until(text, "events", lang="en", published="2023-04-04")
    assert _summary(doc, "ACCEPT") == [(["KE", "RW"], None)]
    assert _summary(doc, "VISIT") == [(["KE", "RW"], "2023-04-04")]


def test_being_somewhere_for_a_summit_is_attending_it(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Mongolian Prime Minister Tuya is in Hanoi for the fourth P4G Summit.", "events", lang="en",
                published="2025-04-15")
    assert _summary(doc, "ATTEND") == [(["MN"], "2025-04")]
    doc = until("Kenyan President William Ruto is in talks for a new loan.", "events", lang="en", published="2025-04-15")
    assert _summary(doc, "ATTEND") == []  # no gathering: no attendance


def test_a_summit_meeting_on_the_sidelines(until) -> None:  # type: ignore[no-untyped-def]
    text = ("South Korea and Vietnam deepen ties. The two leaders agreed on a new action plan during their summit "
            "meeting, held on the sidelines of the APEC summit in Da Nang.")
    doc = until(text, "events", lang="en", published="2017-11-12")
    assert [set(a) for a, _ in _summary(doc, "MEET")] == [{"KR", "VN"}]
    assert sorted(a[0] for a, _ in _summary(doc, "ATTEND")) == ["KR", "VN"]


def test_attending_a_summit_the_partner_hosts_is_visiting_it(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Peru and Vietnam deepen ties. Vietnamese President Luong Cuong attended the APEC Economic Leaders' "
               "Week hosted by Peru in November.", "events", lang="en", published="2024-11-20")
    assert [a for a, _ in _summary(en, "VISIT")] == [["VN", "PE"]]
    vi = until("Việt Nam - Peru tăng cường hợp tác. Chủ tịch nước Lương Cường tham dự Tuần lễ Cấp cao APEC tại Lima.",
               "events", published="2024-11-20")
    assert [a for a, _ in _summary(vi, "VISIT")] == [["VN", "PE"]]
    third = until("Việt Nam - Chile tăng cường hợp tác. Chủ tịch nước Lương Cường tham dự Tuần lễ Cấp cao APEC tại Lima.",
                  "events", published="2024-11-20")
    assert _summary(third, "VISIT") == []  # FACTS.md: a summit in a third country is an ATTEND only


def test_leading_a_delegation_somewhere_is_visiting_it(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Nigeria and Ghana deepen ties. Nigeria's Foreign Minister Yusuf Tuggar will lead a delegation to Accra "
            "next week for the Joint Commission meeting.")
    doc = until(text, "events", lang="en", published="2025-03-12")
    assert [(a, e.status) for a, e in ((e.actors, e) for e in doc.layer("facts.events") if e.type == "VISIT")] == [
        (["NG", "GH"], "planned")]


def test_a_future_believed_is_no_promise(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Bộ trưởng tin tưởng Ấn Độ sẽ cung cấp khoản tín dụng 500 triệu USD cho Việt Nam.", "vi"),
                       ("The minister believed India will provide a $500 million credit line to Vietnam.", "en")):
        assert _summary(until(text, "events", lang=lang, published="2025-03-12"), "COMMIT") == [], text
    said = "Bộ trưởng Ngoại giao Ấn Độ khẳng định Ấn Độ sẽ cung cấp khoản tín dụng 500 triệu USD cho Việt Nam."
    assert [a for a, _ in _summary(until(said, "events", published="2025-03-12"), "COMMIT")] == [["IN", "VN"]]


def test_continuing_to_promote_cooperation_is_vague(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Việt Nam và Argentina nhất trí tiếp tục thúc đẩy hợp tác quốc phòng và tăng cường quan hệ "
                        "giữa ASEAN và MERCOSUR.", "vi"),
                       ("Vietnam and Argentina agreed to continue to promote cooperation between ASEAN and MERCOSUR.",
                        "en")):
        assert _summary(until(text, "events", lang=lang, published="2025-03-12"), "COMMIT") == [], text


def test_a_year_opening_the_sentence_dates_its_contacts(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Năm 2021, Thủ tướng Kenya đã gặp Thủ tướng Phạm Minh Chính tại Hà Nội.", "vi"),
                       ("Trong năm 2021, Tổng thống Kenya William Ruto đã hội đàm với Chủ tịch nước Lương Cường.", "vi"),
                       ("In 2021, Kenyan President William Ruto met Brazilian President Lula in Nairobi.", "en")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [d for _, d in _summary(doc, "MEET")] == ["2021"], text


def test_a_year_in_parentheses_after_a_visit_dates_it(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Các chuyến thăm gần đây gồm: Thủ tướng Kenya thăm Việt Nam (năm 2016), "
                        "Chủ tịch nước Việt Nam thăm Kenya (2019).", "vi"),
                       ("Recent visits include the Kenyan President's visit to Brazil (2016) and "
                        "Brazilian President Lula's visit to Kenya (2019).", "en")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert sorted(d for _, d in _summary(doc, "VISIT")) == ["2016", "2019"], text


def test_a_year_in_the_middle_of_a_sentence_sets_no_scene(until) -> None:  # type: ignore[no-untyped-def]
    text = "Hai nước thiết lập quan hệ năm 1993, và hôm nay Thủ tướng Kenya đã hội đàm với Thủ tướng Phạm Minh Chính."
    doc = until(text, "events", published="2025-03-12")
    assert [d for _, d in _summary(doc, "MEET")] == ["2025-03-12"]


def test_the_sidelines_of_a_body_are_its_meeting(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Thủ tướng Phạm Minh Chính đã gặp Tổng thống Kenya William Ruto bên lề APEC ngày 15/11/2023.", "vi"),
                       ("Kenyan President William Ruto met Brazilian President Lula on the sidelines of BRICS on Monday.", "en")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert len(_summary(doc, "ATTEND")) == 2, text


def test_cooperation_within_a_bodys_framework_attends_nothing(until) -> None:  # type: ignore[no-untyped-def]
    text = "Thủ tướng Phạm Minh Chính và Tổng thống Kenya William Ruto nhất trí phối hợp trong khuôn khổ ASEAN."
    assert _summary(until(text, "events", published="2025-03-12"), "ATTEND") == []


def test_the_person_a_congratulation_names_after_it_is_congratulated(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Điện mừng ông William Ruto được bầu làm Tổng thống Kenya. Thủ tướng Phạm Minh Chính đã gửi điện mừng.", "vi"),
                       ("Congratulations to Kenyan President William Ruto on his re-election. Brazilian President Lula "
                        "sent a message of congratulations.", "en")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert {tuple(a) for a, _ in _summary(doc, "CONGRATULATE")} == {("VN", "KE") if lang == "vi" else ("BR", "KE")}, text


def test_a_congratulation_conveyed_is_its_senders(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Đại sứ Kenya chuyển lời chúc mừng của Tổng thống Kenya William Ruto đến Chủ tịch nước Lương Cường. "
            "Gửi lời chúc mừng tới nhân dân Việt Nam, Bộ trưởng Ngoại giao Kenya Musalia Mudavadi nhấn mạnh quan hệ hai nước.")
    doc = until(text, "events", published="2025-03-12")
    assert [a for a, _ in _summary(doc, "CONGRATULATE")] == [["KE", "VN"], ["KE", "VN"]]


def test_nominal_attendance_and_commitment(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Kenyan President William Ruto's attendance at the BRICS Summit in Kazan drew attention.", "events",
                lang="en", published="2025-03-12")
    assert _summary(doc, "ATTEND") == [(["KE"], "2025-03")]
    doc = until("Brazil announced a commitment to a $50 million fund for Kenyan agriculture.", "events",
                lang="en", published="2025-03-12")
    assert [a for a, _ in _summary(doc, "COMMIT")] == [["BR", "KE"]]
    doc = until("Brazil and Kenya reaffirmed their commitment to deepening cooperation.", "events",
                lang="en", published="2025-03-12")
    assert _summary(doc, "COMMIT") == []  # vague, however it is worded


def test_a_caption_dated_to_the_day_states_its_contact(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Quan hệ Việt Nam - Kenya ngày càng phát triển.\n"
            "Chủ tịch Quốc hội Trần Thanh Mẫn tiếp Đại sứ Kenya tại Việt Nam tại Nhà Quốc hội ngày 31/5/2024. (Ảnh: TTXVN)\n"
            "Thủ tướng Phạm Minh Chính tiếp Đại sứ Kenya. (Ảnh: TTXVN)\n")
    assert _summary(until(text, "events", published="2024-06-01"), "MEET") == [(["VN", "KE"], "2024-05-31")]


def test_an_undated_upgrade_in_the_title_takes_its_visits_days() -> None:
    title = "Việt Nam và Kenya nâng cấp quan hệ lên Đối tác chiến lược"
    text = (f"published: unknown\ntitle: {title}\n---\n{title}\n\n"
            "Thủ tướng Phạm Minh Chính thăm chính thức Kenya từ ngày 7 đến 9/3. Trước đó, Tổng thống Kenya "
            "William Ruto đã thăm Việt Nam vào tháng 6/2023.\n")  # a year only as a lower bound: the month is unknown
    facts = extract(read_text_document(text, doc_id="t"))
    visit = next(e for e in facts.events if e.type == "VISIT")
    upgrade = next(e for e in facts.events if e.type == "ESTABLISH_RELATIONS")
    assert visit.date is not None and upgrade.date == visit.date


def test_deepening_dialogue_is_vague_setting_one_up_is_not(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Germany and Kenya agreed to deepen political dialogue.", "en"),
                       ("Việt Nam và Kenya nhất trí tăng cường tiếp xúc giữa các bộ, ngành.", "vi"),
                       ("Việt Nam và Kenya nhất trí tăng cường đối thoại chính trị.", "vi")):
        assert _summary(until(text, "events", lang=lang, published="2025-03-12"), "COMMIT") == [], text
    doc = until("Germany and Kenya agreed to set up a strategic dialogue.", "events", lang="en", published="2025-03-12")
    assert [a for a, _ in _summary(doc, "COMMIT")] == [["DE", "KE"]]


def test_a_speech_at_a_gathering_attends_it(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Kenyan President William Ruto addressed the UN General Assembly in New York on Tuesday.", "en"),
                       ("Kenyan President William Ruto delivered a speech at the G20 Summit in Johannesburg.", "en"),
                       ("Kenyan Foreign Minister Musalia Mudavadi represented Kenya at the BRICS Summit in Kazan.", "en"),
                       ("Thủ tướng Phạm Minh Chính phát biểu tại Hội nghị Cấp cao ASEAN ở Kuala Lumpur.", "vi"),
                       ("Thủ tướng Phạm Minh Chính có bài phát biểu quan trọng tại Diễn đàn Kinh tế Thế giới.", "vi")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [a for a, _ in _summary(doc, "ATTEND")] == [["KE" if lang == "en" else "VN"]], text
    doc = until("Kenyan President William Ruto addressed the issue of debt.", "events", lang="en", published="2025-03-12")
    assert _summary(doc, "ATTEND") == []


def test_an_exchange_with_an_official_is_a_meeting(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Ngày 10/3, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã có cuộc trao đổi với Ngoại trưởng Peru Elmer Schialer.", "vi"),
                       ("Ngày 10/3, Bộ trưởng Ngoại giao Bùi Thanh Sơn có cuộc nói chuyện với Ngoại trưởng Peru Elmer Schialer.", "vi"),
                       ("Ngày 10/3, Bộ trưởng Ngoại giao Bùi Thanh Sơn có các cuộc thảo luận với Ngoại trưởng Peru Elmer Schialer.", "vi"),
                       ("Vietnamese Foreign Minister Bui Thanh Son held discussions with Peruvian Foreign Minister Elmer Schialer on Monday.", "en"),
                       ("Vietnamese Foreign Minister Bui Thanh Son had a conversation with Peruvian Foreign Minister Elmer Schialer on Monday.", "en"),
                       ("Vietnamese Foreign Minister Bui Thanh Son exchanged views with Peruvian Foreign Minister Elmer Schialer on Monday.", "en"),
                       ("Vietnamese Foreign Minister Bui Thanh Son had an exchange with Peruvian Foreign Minister Elmer Schialer on Monday.", "en")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert _summary(doc, "MEET") == [(["VN", "PE"], "2025-03-10")], text
    doc = until("The two ministers exchanged views on regional issues of mutual concern.", "events", lang="en", published="2025-03-12")
    assert _summary(doc, "MEET") == []  # views exchanged at talks already told are no meeting of their own


def test_a_proposal_governs_each_step_of_its_list(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Ngày 10/3, Thủ tướng Phạm Minh Chính đề nghị Kenya nối lại đường bay thẳng, ký Hiệp định miễn thị thực.", "vi"),
                       ("On Monday, Prime Minister Pham Minh Chinh proposed that Kenya resume direct flights, "
                        "sign an agreement on visa exemption and double scholarships.", "en")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [a.status for a in doc.layer("facts.agreements")] == ["proposed"], text
        assert _summary(doc, "SIGN") == [], text  # the signing is asked for, not done
    doc = until("Ngày 10/3, Thủ tướng Phạm Minh Chính đề nghị Kenya nối lại đường bay thẳng, hai bên đã ký Hiệp định miễn thị thực.",
                "events", published="2025-03-12")
    assert [a.status for a in doc.layer("facts.agreements")] == ["signed"]  # a new subject after the comma: a clause of its own


def test_a_reported_will_is_a_commitment_with_a_concrete_step(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Vietnam announced on Monday that it would open an embassy in Kenya.", "en"),
                       ("Kenya said it would send experts to Vietnam to help with coffee farming.", "en"),
                       ("Vietnam wants to open a trade office in Kenya next year, Deputy Minister Do Hung Viet said.", "en"),
                       ("Ngày 10/3, Việt Nam cam kết cử chuyên gia sang Kenya hỗ trợ trồng lúa.", "vi")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [sorted(a) for a, _ in _summary(doc, "COMMIT")] == [["KE", "VN"]], text
    doc = until("Kenya said it would further promote cooperation with Vietnam.", "events", lang="en", published="2025-03-12")
    assert _summary(doc, "COMMIT") == []  # nothing one could check was done


def test_an_invitation_to_come_to_a_named_place_asks_a_visit(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Ngày 10/3, Tổng thống Kenya William Ruto mời Thủ tướng Phạm Minh Chính đến Nairobi.", "vi"),
                       ("Ngày 10/3, Tổng thống Mỹ Donald Trump mời Thủ tướng Thái Lan Prayuth Chan-ocha đến Nhà Trắng.", "vi"),
                       ("On Monday, US President Donald Trump invited Thai Prime Minister Prayuth Chan-ocha to the White House.", "en")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert len(_summary(doc, "INVITE")) == 1, text
    doc = until("On Monday, Kenyan President William Ruto invited Prime Minister Pham Minh Chinh to dinner.", "events",
                lang="en", published="2025-03-12")
    assert _summary(doc, "INVITE") == []  # no visit asked


def test_a_numbered_session_the_two_sides_agree_to_hold_is_a_planned_meeting(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Hai bên nhất trí tổ chức Kỳ họp lần thứ 5 Ủy ban liên Chính phủ Việt Nam - Kenya tại Nairobi trong năm 2026.", "vi"),
                       ("Hai bên nhất trí sẽ tổ chức hội nghị lần thứ 3 tại Kenya năm 2026.", "vi"),
                       ("Vietnam and Kenya agreed to hold the third meeting of the Joint Committee in Nairobi in 2026.", "en")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [(sorted(e.actors), e.date, e.status) for e in doc.layer("facts.events") if e.type == "MEET"] == [
            (["KE", "VN"], "2026", "planned")], text
    doc = until("Ngày 10/3, Việt Nam và Kenya tổ chức tham vấn chính trị lần thứ 9 tại Nairobi.", "events", published="2025-03-12")
    assert [(sorted(e.actors), e.status) for e in doc.layer("facts.events") if e.type == "MEET"] == [(["KE", "VN"], "happened")]
    doc = until("Bộ trưởng Bùi Thanh Sơn cho biết Việt Nam đã tổ chức thành công Đại hội lần thứ XIII của Đảng. "
                "Kenya coi trọng quan hệ với Việt Nam.", "events", published="2025-03-12")
    assert _summary(doc, "MEET") == []  # one side's own congress


def test_encouraging_or_seeking_a_concrete_step_proposes_it(until) -> None:  # type: ignore[no-untyped-def]
    for text in ("On Monday, Kenyan President William Ruto encouraged Vietnam to open an embassy in Nairobi.",
                 "On Monday, Kenyan President William Ruto sought Vietnam's support for Kenya's candidacy for the UN Security Council."):
        doc = until(text, "events", lang="en", published="2025-03-12")
        assert _summary(doc, "PROPOSE") == [(["KE", "VN"], "2025-03-10")], text
    doc = until("On Monday, Kenyan President William Ruto encouraged Vietnamese businesses to strengthen cooperation with Kenya.",
                "events", lang="en", published="2025-03-12")
    assert _summary(doc, "PROPOSE") == []  # nothing one could check was done


def test_a_wish_to_welcome_someone_invites_them(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Ngày 10/3, Thủ tướng Phạm Minh Chính tiếp Tổng thống Kenya William Ruto. Thủ tướng Phạm Minh Chính "
                        "bày tỏ mong muốn sớm được đón Tổng thống Ruto tại Việt Nam.", "vi"),
                       ("On Monday, Prime Minister Pham Minh Chinh met Kenyan President William Ruto. "
                        "Chinh said he hoped to soon welcome Ruto to Vietnam.", "en")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert _summary(doc, "INVITE") == [(["VN", "KE"], "2025-03-10")], text
    doc = until("Ngày 10/3, Thủ tướng Phạm Minh Chính tiếp Tổng thống Kenya William Ruto. Thủ tướng mong muốn tiếp tục "
                "đón nhận sự ủng hộ của Kenya.", "events", published="2025-03-12")
    assert _summary(doc, "INVITE") == []  # "đón nhận": to receive support, no one welcomed


def test_becoming_partners_at_a_named_level_is_an_upgrade(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Việt Nam và Kenya trở thành Đối tác chiến lược toàn diện từ tháng 9/2023.", "vi"),
                       ("Vietnam and Kenya became Comprehensive Strategic Partners in September 2023.", "en")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [(e.actors, e.date, e.framework) for e in doc.layer("facts.events") if e.type == "ESTABLISH_RELATIONS"] == [
            (["VN", "KE"], "2023-09", "comprehensive_strategic_partnership")], text
    for text, lang in (("Quan hệ Việt Nam - Kenya phát triển. Kenya đã trở thành đối tác thương mại lớn nhất của Việt Nam tại châu Phi.", "vi"),
                       ("Vietnam and Kenya have strong ties. Kenya became Vietnam's largest trading partner in Africa in 2024.", "en")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert _summary(doc, "ESTABLISH_RELATIONS") == [], text  # partners of some kind, no level reached


def test_a_trip_to_a_gathering_in_a_third_country_is_an_attendance(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Kenya, Vietnam leaders meet\n\nKenyan President William Ruto flew to New York on Monday to take part in "
                        "the UN General Assembly. On Tuesday, he met Vietnamese Prime Minister Pham Minh Chinh.", "en"),
                       ("Kenya, Vietnam leaders meet\n\nKenyan President William Ruto arrived in Baku on Monday for the COP29 "
                        "climate conference. On Tuesday, he met Vietnamese Prime Minister Pham Minh Chinh.", "en")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        kinds = sorted((e.type, tuple(e.actors)) for e in doc.layer("facts.events"))
        assert kinds == [("ATTEND", ("KE",)), ("MEET", ("KE", "VN"))], text  # FACTS.md: no visit to the third country


def test_one_side_attending_a_gathering_told_twice_is_one_attendance(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Ngày 10/3, Thủ tướng Phạm Minh Chính lên đường sang New York dự Đại hội đồng Liên Hợp Quốc. "
            "Ngày 11/3, Thủ tướng gặp Tổng thống Kenya William Ruto bên lề Đại hội đồng.")
    doc = until(text, "events", published="2025-03-12")
    assert sorted(_summary(doc, "ATTEND")) == [(["KE"], "2025-03-11"), (["VN"], "2025-03-10")]


def test_a_deed_is_a_concrete_step_whatever_its_object(until) -> None:  # type: ignore[no-untyped-def]
    # a checkable act names no deliverable: the verb alone makes the step concrete, past the side addressed
    for text, lang, pair in (
            ("Mexican Foreign Minister Alicia Barcena called on Canada to resume seasonal worker quotas for Mexican "
             "farm labourers.", "en", ["MX", "CA"]),
            ("Chilean President Gabriel Boric urged Peru to ratify the lithium accord.", "en", ["CL", "PE"]),
            ("Thủ tướng Thái Lan đề nghị phía Campuchia sớm nối lại hoạt động của chợ biên giới.", "vi", ["TH", "KH"]),
            ("Tổng thống Indonesia kêu gọi Malaysia dỡ bỏ lệnh cấm nhập khẩu dầu cọ.", "vi", ["ID", "MY"])):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [a for a, _ in _summary(doc, "PROPOSE")] == [pair], text


def test_an_idiom_or_an_intensified_cooperation_is_no_deed(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Chilean President Gabriel Boric urged Peru to pay attention to the concerns of investors.", "en"),
                       ("Chilean President Gabriel Boric urged Peru to restore calm in the south.", "en"),
                       ("Thủ tướng Thái Lan đề nghị phía Campuchia tăng cường hợp tác nông nghiệp, giáo dục.", "vi")):
        assert _summary(until(text, "events", lang=lang, published="2025-03-12"), "PROPOSE") == [], text


def test_pressing_and_appealing_are_proposals(until) -> None:  # type: ignore[no-untyped-def]
    for text, pair in (("Polish Prime Minister Donald Tusk pressed Germany to open a consulate in Gdansk.", ["PL", "DE"]),
                       ("Ukrainian President Zelensky appealed to Poland to reopen the border crossings.", ["UA", "PL"]),
                       ("Kazakh President Tokayev put forward a proposal to build a railway to Uzbekistan.", ["KZ", "UZ"])):
        doc = until(text, "events", lang="en", published="2025-03-12")
        assert [a for a, _ in _summary(doc, "PROPOSE")] == [pair], text


def test_a_wish_is_a_proposal_only_when_asked_of_the_other_side(until) -> None:  # type: ignore[no-untyped-def]
    asked = "Chủ tịch nước Chile mong muốn Argentina tạo điều kiện để mở đường bay thẳng giữa Santiago và Buenos Aires."
    assert [a for a, _ in _summary(until(asked, "events", published="2025-03-12"), "PROPOSE")] == [["CL", "AR"]]
    own = "Tổng thống Chile cho biết Chile mong muốn mở đường bay thẳng tới Argentina."
    assert _summary(until(own, "events", published="2025-03-12"), "PROPOSE") == []
    # the speaker's own wish to visit is a visit planned, not a visit asked of someone
    plan = "Thủ tướng Senegal Ousmane Sonko khẳng định mong muốn sớm thăm Việt Nam."
    assert [(e.actors, e.status) for e in until(plan, "events", published="2025-03-12").layer("facts.events")
            if e.type == "VISIT"] == [(["SN", "VN"], "planned")]


def test_each_step_of_a_list_is_cited_from_its_trigger(until) -> None:  # type: ignore[no-untyped-def]
    text = "Chile proposed that Peru open a consulate in Arica; resume direct flights; and double scholarships for students."
    doc = until(text, "events", lang="en", published="2025-03-12")
    proposals = [e for e in doc.layer("facts.events") if e.type == "PROPOSE"]
    assert len(proposals) == 3
    trigger = text.index("proposed")
    assert all(e.evidence[0] <= trigger < e.evidence[1] for e in proposals)


def test_an_official_going_to_a_place_is_a_visit(until) -> None:  # type: ignore[no-untyped-def]
    for text, pair in (("Chiều 10/3, Thủ tướng Singapore Lawrence Wong đã tới Hà Nội, bắt đầu chuyến công tác.", ["SG", "VN"]),
                       ("Đoàn đại biểu Bộ Ngoại giao Peru do Thứ trưởng Ngoại giao Peru dẫn đầu đã sang Việt Nam.", ["PE", "VN"])):
        assert [a for a, _ in _summary(until(text, "events", published="2025-03-12"), "VISIT")] == [pair], text


def test_going_is_no_visit_without_an_official_going(until) -> None:  # type: ignore[no-untyped-def]
    for text in ("Chủ tịch Quốc hội hoan nghênh các doanh nghiệp của Bang Victoria sang Việt Nam tìm hiểu cơ hội đầu tư.",
                 "Đoàn công tác của Australia làm việc tại Việt Nam từ ngày 5 đến 8/3.",
                 "Thủ tướng hoan nghênh kế hoạch mở đường bay từ Addis Ababa đến Hà Nội của Ethiopia."):
        visits = _summary(until(text, "events", published="2025-03-12"), "VISIT")
        assert all(date != "2025-03-08" for _, date in visits) and len(visits) <= 1, text


def test_a_trip_to_attend_is_its_travellers_attendance(until) -> None:  # type: ignore[no-untyped-def]
    # the leaders of both sides are the sentence's subject; the trip's traveller is who attends
    text = ("Lãnh đạo cấp cao hai nước đã trao đổi tại chuyến thăm Việt Nam của Tổng thống Brazil Lula da Silva và "
            "chuyến công tác của Thủ tướng Phạm Minh Chính tham dự Hội nghị thượng đỉnh BRICS tại Rio de Janeiro.")
    doc = until(text, "events", published="2025-08-12")
    assert [a for a, _ in _summary(doc, "ATTEND")] == [["VN"]]


def test_ways_english_says_two_officials_met(until) -> None:  # type: ignore[no-untyped-def]
    for text, pair in (
            ("German Chancellor Olaf Scholz conferred with Polish Prime Minister Donald Tusk in Warsaw.", {"DE", "PL"}),
            ("Japanese Prime Minister Fumio Kishida sat down with South Korean President Yoon Suk Yeol in Tokyo.", {"JP", "KR"}),
            ("US Secretary of State Antony Blinken spoke with Indian External Affairs Minister S. Jaishankar.", {"US", "IN"}),
            ("Singaporean Prime Minister Lawrence Wong and his Malaysian counterpart Anwar Ibrahim met in Putrajaya.",
             {"SG", "MY"})):
        doc = until(text, "events", lang="en", published="2025-03-12")
        assert [set(a) for a, _ in _summary(doc, "MEET")] == [pair], text


def test_speaking_with_no_official_is_no_meeting(until) -> None:  # type: ignore[no-untyped-def]
    text = "Indian External Affairs Minister S. Jaishankar spoke with reporters in Tokyo."
    assert _summary(until(text, "events", lang="en", published="2025-03-12"), "MEET") == []


def test_joining_leaders_at_a_gathering_is_attending_it(until) -> None:  # type: ignore[no-untyped-def]
    text = "Kenyan President William Ruto joined other leaders at the COP29 climate conference in Baku."
    assert [a for a, _ in _summary(until(text, "events", lang="en", published="2025-03-12"), "ATTEND")] == [["KE"]]



def test_a_side_said_to_be_going_to_do_a_step_commits_to_it(until) -> None:  # type: ignore[no-untyped-def]
    text = "Thủ tướng Australia Anthony Albanese cho biết Australia sẽ mở văn phòng thương mại tại Đà Nẵng."
    doc = until(text, "events", published="2025-03-12")
    assert [(e.actors, e.status) for e in doc.layer("facts.events") if e.type == "COMMIT"] == [(["AU", "VN"], "planned")]


def test_a_trip_said_to_come_is_no_commitment(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Bộ Ngoại giao Campuchia cho biết Bộ trưởng Ngoại giao Campuchia Prak Sokhonn sẽ tham dự Hội nghị "
            "Ủy ban hỗn hợp Việt Nam - Campuchia lần thứ 16 tại Hà Nội.")
    assert _summary(until(text, "events", published="2025-05-14"), "COMMIT") == []


def test_short_forms_of_establishing_diplomatic_relations(until) -> None:  # type: ignore[no-untyped-def]
    for text, pair, day in (("Kenya và Ghana lập quan hệ ngoại giao từ ngày 21/12/1995.", ["KE", "GH"], "1995-12-21"),
                            ("Cuba và Chile đặt quan hệ ngoại giao từ ngày 2/12/1960.", ["CU", "CL"], "1960-12-02")):
        assert _summary(until(text, "events", published="2025-03-12"), "ESTABLISH_RELATIONS") == [(pair, day)], text
    # "lập" founds many things; only relations named right after are established
    text = "Thủ tướng Lào cho biết Lào sẵn sàng thành lập nhóm công tác với Việt Nam."
    assert _summary(until(text, "events", published="2025-03-12"), "ESTABLISH_RELATIONS") == []


def _titled(text: str, title: str, lang: str = "vi") -> str:
    return f"published: 2025-03-12\nlang: {lang}\ntitle: {title}\n---\n{title}\n\n{text}\n"


def test_the_headlines_trip_takes_the_date_the_body_gives_it() -> None:
    for body, date, status in (("Thủ tướng Phạm Minh Chính thăm chính thức Lào vào cuối tháng 2.", "2025-02", "reported"),
                               ("Thủ tướng Phạm Minh Chính sẽ thăm chính thức Lào vào đầu tháng 4.", "2025-04", "planned"),
                               ("Thủ tướng Phạm Minh Chính thăm chính thức Lào vào đầu tháng 4 tới.", "2025-04", "planned")):
        facts = extract(read_text_document(_titled(body, "Thủ tướng thăm Lào"), doc_id="t"))
        assert [(e.date, e.status) for e in facts.events if e.type == "VISIT"] == [(date, status)], body


def test_a_visit_recalled_later_in_the_body_stays_its_own() -> None:
    body = ("Thủ tướng Phạm Minh Chính thăm chính thức Lào ngày 10/3. Trước đó, năm 2019, "
            "Thủ tướng Nguyễn Xuân Phúc đã thăm chính thức Lào.")
    facts = extract(read_text_document(_titled(body, "Thủ tướng thăm Lào"), doc_id="t"))
    assert sorted(e.date for e in facts.events if e.type == "VISIT") == ["2019", "2025-03-10"]
    body = ("Chilean President Gabriel Boric visited Peru on March 10. Earlier, in 2019, "
            "President Sebastian Pinera of Chile visited Peru.")
    facts = extract(read_text_document(_titled(body, "Boric visits Peru", lang="en"), doc_id="t"))
    assert sorted(e.date for e in facts.events if e.type == "VISIT") == ["2019", "2025-03-10"]


def test_a_visit_with_no_visitor_is_the_received_guests(until) -> None:  # type: ignore[no-untyped-def]
    text = "South African President Cyril Ramaphosa welcomed Kenyan President William Ruto to Pretoria for a state visit."
    assert _summary(until(text, "events", lang="en", published="2025-03-12"), "VISIT")[0][0] == ["KE", "ZA"]
    text = "Chủ tịch nước Lương Cường chủ trì lễ đón Tổng thống Kenya William Ruto thăm cấp Nhà nước."
    assert _summary(until(text, "events", published="2025-03-12"), "VISIT")[0][0] == ["KE", "VN"]


def test_remarks_delivered_at_a_summit_attend_it(until) -> None:  # type: ignore[no-untyped-def]
    text = "Indonesian President Joko Widodo delivered remarks at the G20 summit in New Delhi."
    assert [a for a, _ in _summary(until(text, "events", lang="en", published="2025-03-12"), "ATTEND")] == [["ID"]]


def test_a_headline_step_summed_up_by_the_body_is_one_commitment() -> None:
    body = "Japan pledged $500 million in aid to the Philippines for coastal defence."
    facts = extract(read_text_document(_titled(body, "Japan pledges aid", lang="en"), doc_id="t"))
    assert len([e for e in facts.events if e.type == "COMMIT"]) == 1


def test_an_invitation_to_a_step_is_a_proposal(until) -> None:  # type: ignore[no-untyped-def]
    for text, pair in (("Chilean President Gabriel Boric invited Peru to join the lithium alliance.", ["CL", "PE"]),
                       ("Kenyan President William Ruto invited Vietnamese businesses to invest in the Mombasa zone.",
                        ["KE", "VN"])):
        doc = until(text, "events", lang="en", published="2025-03-12")
        assert ([a for a, _ in _summary(doc, "PROPOSE")], _summary(doc, "INVITE")) == ([pair], []), text
    text = "Kenyan President William Ruto invited Vietnamese Ambassador Do Hung Viet into his office."
    assert _summary(until(text, "events", lang="en", published="2025-03-12"), "PROPOSE") == []


def test_a_joint_press_conference_is_a_meeting(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Thủ tướng Ấn Độ Narendra Modi phát biểu trong buổi họp báo chung với Thủ tướng Nhật Bản Ishiba.", "vi"),
                       ("Japanese Prime Minister Ishiba told a joint press conference with Indian Prime Minister Modi "
                        "that Japan would invest $68 billion in India.", "en")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [set(a) for a, _ in _summary(doc, "MEET")] == [{"IN", "JP"}], text


def test_a_headlines_congratulation_is_the_bodys() -> None:
    body = ("Ngày 16/3, nhân dịp kỷ niệm Quốc khánh Cộng hòa Ghana, Chủ tịch nước Lương Cường đã gửi điện mừng "
            "Tổng thống Ghana John Mahama.")
    facts = extract(read_text_document(_titled(body, "Điện mừng Quốc khánh Ghana").replace("2025-03-12", "2025-03-17"),
                                       doc_id="t"))
    assert [(e.actors, e.date) for e in facts.events if e.type == "CONGRATULATE"] == [(["VN", "GH"], "2025-03-16")]


def test_what_a_speaker_says_another_side_should_do_is_proposed(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Colombian President Gustavo Petro said Vietnam should open an embassy in Bogota soon.", "en"),
                       ("Tổng thống Colombia Gustavo Petro cho rằng Việt Nam nên sớm mở Đại sứ quán tại Bogota.", "vi")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [a for a, _ in _summary(doc, "PROPOSE")] == [["CO", "VN"]], text
    text = "Tổng thống Colombia nhấn mạnh hai bên cần tăng cường hợp tác."
    assert _summary(until(text, "events", published="2025-03-12"), "PROPOSE") == []


def test_the_next_session_is_a_meeting_planned_for_its_year(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("The next round of political consultations between Chile and Peru will take place in "
                        "Santiago next year.", "en"),
                       ("Hai bên Chile và Peru nhất trí tổ chức Kỳ họp tiếp theo của Ủy ban hỗn hợp tại Lima vào năm 2026.", "vi"),
                       ("Kỳ họp lần thứ 5 Ủy ban hỗn hợp Chile - Peru sẽ được tổ chức tại Santiago vào năm tới.", "vi")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [(set(e.actors), e.date, e.status) for e in doc.layer("facts.events") if e.type == "MEET"] == \
            [({"CL", "PE"}, "2026", "planned")], text


def test_deciding_and_undertaking_are_commitments(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Chilean President Gabriel Boric and Peruvian President Dina Boluarte decided to set up a joint "
                        "working group on lithium.", "en"),
                       ("Chile and Peru resolved to reopen the Chacalluta border crossing by June.", "en"),
                       ("Tổng thống Chile và Tổng thống Peru quyết định thành lập nhóm công tác chung về lithium.", "vi")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [set(a) for a, _ in _summary(doc, "COMMIT")] == [{"CL", "PE"}], text


def test_a_bare_title_is_no_home_official_in_a_pair_without_the_home_country() -> None:
    body = "Tổng thống Chile hội đàm với Tổng thống Peru. Hai Tổng thống nhất trí thành lập nhóm công tác chung về lithium."
    facts = extract(read_text_document(_titled(body, "Chile và Peru hội đàm"), doc_id="t"))
    assert [set(e.actors) for e in facts.events if e.type == "COMMIT"] == [{"CL", "PE"}]


def test_a_persons_whole_name_said_again_alone_is_that_person() -> None:
    # his side is known only from the counterpart he met; said again alone, his whole name is still a side
    body = ("The invitation was handed over to Foreign Minister Hasan Mahmud by his Vietnamese counterpart Bui Thanh Son "
            "in Brussels.\n\nNoting that the crisis needs a solution, Hasan Mahmud urged Vietnam to mount pressure on Myanmar.")
    facts = extract(read_text_document(_titled(body, "Bangladesh, Vietnam foreign ministers meet", lang="en"), doc_id="t"))
    assert [e.actors for e in facts.events if e.type == "PROPOSE"] == [["BD", "VN"]]


def test_an_inviter_named_by_title_and_name_is_that_persons_side(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chiều 12-2, Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh đã đến thủ đô Bình Nhưỡng, bắt đầu chuyến "
            "thăm chính thức Triều Tiên từ 12 đến 14-2 theo lời mời của Bộ trưởng Ngoại giao Triều Tiên Ri Yong-ho.")
    assert _summary(until(text, "events", published="2019-02-12"), "ACCEPT") == [(["VN", "KP"], None)]


def test_more_ways_english_asks_for_a_step(until) -> None:  # type: ignore[no-untyped-def]
    for text, pair in (("Japan called upon South Korea to lift its ban on Fukushima seafood.", ["JP", "KR"]),
                       ("Japanese Prime Minister Kishida stressed the need for South Korea to lift its ban on Fukushima "
                        "seafood.", ["JP", "KR"]),
                       ("South Korea demanded that Japan remove its export controls on semiconductor materials.", ["KR", "JP"]),
                       ("Japanese Prime Minister Kishida said he expects the South Korean side to lift the ban on "
                        "Fukushima seafood.", ["JP", "KR"])):
        doc = until(text, "events", lang="en", published="2025-03-12")
        assert [a for a, _ in _summary(doc, "PROPOSE")] == [pair], text
    # an expected trip is the speaker's own plan, no request
    doc = until("Japanese Prime Minister Kishida is expected to visit Seoul next month.", "events", lang="en",
                published="2025-03-12")
    assert (_summary(doc, "PROPOSE"), [e.status for e in doc.layer("facts.events") if e.type == "VISIT"]) == ([], ["planned"])


def test_the_head_of_a_delegation_attends_an_international_conference(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Phó Thủ tướng Bùi Thanh Sơn dẫn đầu đoàn Việt Nam tham dự Hội nghị quốc tế về tài trợ phát "
                        "triển lần thứ 4 tại Seville, Tây Ban Nha.", "vi"),
                       ("Vietnamese Deputy Prime Minister Bui Thanh Son attended the fourth international conference on "
                        "financing for development in Seville.", "en")):
        doc = until(text, "events", lang=lang, published="2025-07-02")
        assert [a for a, _ in _summary(doc, "ATTEND")] == [["VN"]], text


def test_a_meeting_on_the_sidelines_of_a_summit_told_later_takes_the_summits_month() -> None:
    body = ("Vietnamese Foreign Minister Pham Binh Minh met South Korean Foreign Minister Kang Kyung-wha in Hanoi on "
            "December 21. The two ministers welcomed the outcome of the summit meeting between the leaders of the two "
            "countries, held on the sidelines of the APEC summit in Da Nang.")
    text = _titled(body, "Vietnam, South Korea foreign ministers meet", lang="en").replace("2025-03-12", "2017-12-22")
    facts = extract(read_text_document(text, doc_id="t"))
    assert sorted((e.type, e.date) for e in facts.events if e.type in ("ATTEND", "MEET")) == \
        [("ATTEND", "2017-11"), ("ATTEND", "2017-11"), ("MEET", "2017-11"), ("MEET", "2017-12-21")]
    # told while the summit is on, the meeting keeps the article's day
    text = _titled("On the sidelines of the APEC summit in Lima on Friday, Peruvian President Dina Boluarte met "
                   "Vietnamese President Luong Cuong.", "Peru, Vietnam presidents meet", lang="en").replace("2025-03-12", "2024-11-16")
    assert [e.date for e in extract(read_text_document(text, doc_id="t")).events if e.type == "MEET"] == ["2024-11-15"]


def test_a_month_or_year_opening_the_sentence_dates_what_is_said(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang, kind, date in (("Năm 2023, Việt Nam và Chile đã nhất trí mở đường bay thẳng giữa Hà Nội và Santiago.",
                                    "vi", "COMMIT", "2023"),
                                   ("Tháng 6/2023, Chile đề nghị Việt Nam mở Đại sứ quán tại Santiago.", "vi", "PROPOSE", "2023-06"),
                                   ("In June 2023, Chile proposed that Vietnam open an embassy in Santiago.", "en", "PROPOSE", "2023-06")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [(e.date, e.status) for e in doc.layer("facts.events") if e.type == kind] == [(date, "reported")], text


def test_a_wished_visit_is_dated_by_the_time_said_after_it(until) -> None:  # type: ignore[no-untyped-def]
    text = "Tổng thống Chile Gabriel Boric bày tỏ mong muốn sớm thăm Việt Nam trong năm 2025."
    assert _summary(until(text, "events", published="2025-03-12"), "VISIT") == [(["CL", "VN"], "2025")]
    text = ("Nhắc lại cuộc gặp với Thủ tướng Phạm Minh Chính tháng 6/2024, Thủ tướng Senegal Ousmane Sonko khẳng định "
            "mong muốn sớm thăm Việt Nam.")
    assert _summary(until(text, "events", published="2025-03-12"), "VISIT") == [(["SN", "VN"], None)]


def test_a_headline_naming_no_side_leaves_the_direction_to_the_body() -> None:
    body = ("Ngày 10/3, nhân dịp kỷ niệm Quốc khánh Ghana (6/3), Chủ tịch nước Lương Cường gửi điện mừng Tổng thống "
            "Ghana John Mahama.")
    facts = extract(read_text_document(_titled(body, "Chủ tịch nước gửi điện mừng"), doc_id="t"))
    assert [(e.actors, e.date) for e in facts.events if e.type == "CONGRATULATE"] == [(["VN", "GH"], "2025-03-10")]
    # an exchange the headline names both sides of stays two acts
    body = ("Ngày 8/2, Chủ tịch nước Nguyễn Phú Trọng gửi điện mừng Tổng thống Bulgaria Rumen Radev; Tổng thống Bulgaria "
            "Rumen Radev cũng gửi điện mừng Chủ tịch nước Nguyễn Phú Trọng.")
    facts = extract(read_text_document(_titled(body, "Việt Nam - Bulgaria trao đổi điện mừng"), doc_id="t"))
    assert {tuple(e.actors) for e in facts.events if e.type == "CONGRATULATE"} == {("BG", "VN"), ("VN", "BG")}


def test_a_bare_title_is_the_home_countrys_where_its_officials_are_named() -> None:
    # the article names Japan and Laos, never Vietnam: its Prime Minister, named once, makes it a side
    body = ("Chiều 11/3, Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản Ito Naoki.\n\nTrước đó, ngày 9/3, Thủ tướng "
            "đã điện đàm với Thủ tướng Lào Sonexay Siphandone.")
    facts = extract(read_text_document(_titled(body, "Thủ tướng tiếp khách"), doc_id="t"))
    assert sorted((tuple(sorted(e.actors)), e.date) for e in facts.events if e.type == "MEET") == \
        [(("JP", "VN"), "2025-03-11"), (("LA", "VN"), "2025-03-09")]


def test_an_invitation_accepted_is_accepted_by_the_one_invited(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Ghanaian President John Mahama invited Kenyan President William Ruto to visit Ghana, and Ruto accepted "
            "the invitation.")
    assert _summary(until(text, "events", lang="en", published="2025-03-12"), "ACCEPT") == [(["KE", "GH"], None)]
    text = "Kenyan President William Ruto accepted with pleasure the invitation of Ghanaian President John Mahama."
    assert _summary(until(text, "events", lang="en", published="2025-03-12"), "ACCEPT") == [(["KE", "GH"], None)]


def test_a_framework_standing_since_a_date_was_established_then(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang, pair in (
            ("Thủ tướng Việt Nam hội đàm với Tổng thống Brazil. Hai nước là Đối tác Toàn diện từ năm 2007.", "vi",
             ["VN", "BR"]),
            ("Brazil's President met Chile's President. Brazil and Chile have had diplomatic relations since 1836.",
             "en", ["BR", "CL"])):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [(set(e.actors), e.date, e.status) for e in doc.layer("facts.events")
                if e.type == "ESTABLISH_RELATIONS"] == [(set(pair), text[-5:-1], "reported")], text


def test_a_partner_since_a_date_of_no_stated_level_is_no_establishment(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Thủ tướng Việt Nam hội đàm với Tổng thống Brazil. Brazil là đối tác của Việt Nam từ năm 2010.", "vi"),
                       ("Vietnam's President met Laos' President. Vietnam has had diplomatic relations with Cuba since 1960.",
                        "en")):
        assert _summary(until(text, "events", lang=lang, published="2025-03-12"), "ESTABLISH_RELATIONS") == [], text


def test_an_anniversary_of_the_day_relations_began_counts_back(until) -> None:  # type: ignore[no-untyped-def]
    text = "Thủ tướng Việt Nam tiếp Đại sứ Ghana. Năm nay, hai nước kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao."
    assert [d for _, d in _summary(until(text, "events", published="2025-03-12"), "ESTABLISH_RELATIONS")] == ["1965"]


def test_a_relative_clause_of_a_joint_subject_is_its_meeting(until) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya and Ghana signed a trade deal. The two presidents, who met in Nairobi on Tuesday, signed five agreements."
    assert _summary(until(text, "events", lang="en", published="2025-03-12"), "MEET") == [(["KE", "GH"], "2025-03-11")]


def test_a_call_paid_on_an_official_is_a_meeting_and_a_call_to_act_is_not(until) -> None:  # type: ignore[no-untyped-def]
    paid = "Kenyan Foreign Minister Musalia Mudavadi on Tuesday called on Ghanaian President John Mahama in Accra."
    asked = "Kenyan President William Ruto on Tuesday called on Ghanaian President John Mahama to reopen the border."
    assert _summary(until(paid, "events", lang="en", published="2025-03-12"), "MEET") == [(["KE", "GH"], "2025-03-11")]
    doc = until(asked, "events", lang="en", published="2025-03-12")
    assert _summary(doc, "MEET") == [] and [a for a, _ in _summary(doc, "PROPOSE")] == [["KE", "GH"]]


def test_a_video_conference_is_a_meeting(until) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya's Foreign Minister held a video conference with Ghana's Foreign Minister Samuel Ablakwa on Tuesday."
    assert _summary(until(text, "events", lang="en", published="2025-03-12"), "MEET") == [(["KE", "GH"], "2025-03-11")]


def test_a_step_told_to_reporters_is_a_commitment(until) -> None:  # type: ignore[no-untyped-def]
    text = "Kenyan President William Ruto met Ghana's President. Ruto told reporters that Kenya would open a consulate in Kumasi."
    doc = until(text, "events", lang="en", published="2025-03-12")
    assert [(e.actors, e.object) for e in doc.layer("facts.events") if e.type == "COMMIT"] == [
        (["KE", "GH"], "open a consulate in Kumasi")]


def test_a_year_after_a_trips_destination_and_visitor_dates_it(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Thủ tướng Việt Nam tiếp Đại sứ Ghana. Thủ tướng đánh giá cao kết quả chuyến thăm chính thức "
                        "Việt Nam của Tổng thống Ghana John Mahama năm 2019.", "vi"),
                       ("Vietnam's Prime Minister received Ghana's Ambassador. He recalled the official visit to "
                        "Vietnam by Ghanaian President John Dramani Mahama in 2019.", "en")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [(e.date, e.status) for e in doc.layer("facts.events") if e.type == "VISIT"] == [("2019", "reported")], text


@pytest.mark.parametrize(("text", "lang", "sides"), [
    # leaders joined as subjects attend each for their side
    ("Indian Prime Minister Narendra Modi and Brazilian President Lula da Silva both attended the BRICS summit in "
     "Kazan on Tuesday.", "en", ["BR", "IN"]),
    ("Thủ tướng Ấn Độ Narendra Modi và Tổng thống Brazil Lula da Silva cùng tham dự Hội nghị Thượng đỉnh BRICS tại "
     "Kazan ngày 11/3.", "vi", ["BR", "IN"]),
    # attendees named after the gathering attend it
    ("Ngày 26/2, Hội nghị Thượng đỉnh P4G khai mạc tại Hà Nội, Việt Nam, với sự tham dự của Tổng thống Ghana John "
     "Mahama và Tổng thống Kenya William Ruto.", "vi", ["GH", "KE"]),
    ("The P4G Summit opened in Hanoi, Vietnam, on February 26, attended by Ghanaian President John Mahama and Kenyan "
     "President William Ruto.", "en", ["GH", "KE"]),
])
def test_each_side_of_those_named_attends(until, text: str, lang: str, sides: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = until(text, "events", lang=lang, published="2025-03-12")
    assert sorted(a[0] for a, _ in _summary(doc, "ATTEND")) == sides


def test_attendance_of_a_bilateral_forum_is_no_attendance(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Ngày 26/2, tại Hà Nội, Diễn đàn Kinh tế Việt Nam - Ghana đã diễn ra với sự tham dự của Thủ tướng "
            "Phạm Minh Chính và Tổng thống Ghana John Mahama.")
    assert _summary(until(text, "events", published="2025-03-12"), "ATTEND") == []


_KE_GH = "Kenyan President William Ruto met Ghanaian President John Mahama on Tuesday. "


def _steps(text, kind, until):  # type: ignore[no-untyped-def]
    doc = until(_KE_GH + text, "events", lang="en", published="2025-03-12")
    return [e.actors for e in doc.layer("facts.events") if e.type == kind]


def test_a_wish_asked_of_the_other_side_is_a_proposal(until) -> None:  # type: ignore[no-untyped-def]
    assert _steps("Ruto wants Ghana to open an embassy in Nairobi.", "PROPOSE", until) == [["KE", "GH"]]
    assert _steps("The Kenyan leader also raised the idea of a free trade agreement with Ghana.", "PROPOSE",
                  until) == [["KE", "GH"]]


def test_a_proposal_named_as_a_noun_is_its_owners(until) -> None:  # type: ignore[no-untyped-def]
    assert _steps("Mahama welcomed Kenya's proposal to set up a joint commission.", "PROPOSE", until) == [["KE", "GH"]]
    assert _steps("Against the backdrop of Brazil's proposal for a new global climate fund, Mahama stressed "
                  "the role of the UN.", "PROPOSE", until) == []


def test_support_assured_is_a_commitment(until) -> None:  # type: ignore[no-untyped-def]
    assert _steps("Mahama assured Ruto of Ghana's support for Kenya's bid for the AU Commission chair.", "COMMIT",
                  until) == [["GH", "KE"]]


def test_a_plan_is_a_sides_commitment_only_when_the_side_is_named(until) -> None:  # type: ignore[no-untyped-def]
    assert _steps("Ghana plans to open an embassy in Nairobi next year.", "COMMIT", until) == [["GH", "KE"]]
    assert _steps("Kenya Airways, the carrier, said the airline plans to finance three new aircraft.", "COMMIT",
                  until) == []


def test_a_planned_trip_is_the_visit_not_a_commitment(until) -> None:  # type: ignore[no-untyped-def]
    text = "Ruto announced that Kenya plans to send a business delegation led by its trade minister to Ghana in 2026."
    assert _steps(text, "COMMIT", until) == [] and _steps(text, "VISIT", until) == [["KE", "GH"]]


def test_a_meeting_between_two_named_is_one_meeting(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Vietnam and Belarus held political consultations. They recalled the official visit to Vietnam by Belarusian "
            "Prime Minister R. Golovchenko in December 2023 and the meeting between Vietnamese Prime Minister Pham Minh "
            "Chinh and Belarusian President A. Lukashenko in October 2024.")
    doc = until(text, "events", lang="en", published="2025-04-25")
    assert [(set(e.actors), e.date) for e in doc.layer("facts.events") if e.type == "MEET" and e.date == "2024-10"] == [
        ({"VN", "BY"}, "2024-10")]


def test_a_meeting_told_by_the_host_and_by_the_guest_is_one(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Đại tướng Tô Lâm hội kiến Chủ tịch Thượng viện Ai Cập.\n\n"
            "Ngày 4/12, Đoàn đại biểu Việt Nam đã hội kiến Chủ tịch Thượng viện Ai Cập Abdel-Wahab Abdel-Razek, "
            "Tổng Bí thư Đảng Cộng sản Ai Cập Salah Adly Abdelhafiz và Bộ trưởng Bộ Nội vụ Ai Cập Mahmoud Tawfik.\n\n"
            "Đại tướng Tô Lâm cũng làm việc với Tổng thư ký Đảng Cộng sản Ai Cập Salah Adly Abdelhafiz.")
    assert _how_many(until(text, "events", published="2023-12-06"), "MEET") == 3


def test_two_people_of_one_side_met_are_two_meetings(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Ngày 4/12, Đại tướng Tô Lâm gặp Tổng Bí thư Đảng Cộng sản Nam Phi. "
            "Cùng ngày, Đại tướng Tô Lâm hội kiến Tổng thư ký Đảng Đại hội Dân tộc Phi (ANC) của Nam Phi.")
    assert _how_many(until(text, "events", published="2023-12-06"), "MEET") == 2


def test_one_message_named_two_ways_is_one_congratulation(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Nhân kỷ niệm 75 năm Ngày thiết lập quan hệ ngoại giao, Thủ tướng Việt Nam gửi thư mừng/điện mừng tới "
            "Thủ tướng Quốc vụ viện Trung Quốc Lý Cường.")
    assert _how_many(until(text, "events", published="2025-01-18"), "CONGRATULATE") == 1


def test_on_the_sideline_in_the_singular(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Bangladesh's Foreign Minister Hasan Mahmud met Vietnamese Foreign Minister Bui Thanh Son at a bilateral "
            "meeting on Friday on the sideline of the 3rd Indo-Pacific Ministerial Forum in Brussels.")
    doc = until(text, "events", lang="en", published="2024-02-04")
    assert sorted(a[0] for a, _ in _summary(doc, "ATTEND")) == ["BD", "VN"]


def test_an_official_being_in_the_partners_city_is_there_on_a_trip(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Kenyan Defence Minister Soipan Tuya is in Hanoi on a working visit.", "events", lang="en",
                published="2025-04-16")
    assert [a for a, _ in _summary(doc, "VISIT")] == [["KE", "VN"]]
    doc = until("Kenya and Vietnam are partners. Kenyan Defence Minister Soipan Tuya is in Hanoi for the Global Goals "
                "2030 (P4G) Summit.", "events",
                lang="en", published="2025-04-16")
    assert [a for a, _ in _summary(doc, "ATTEND")] == [["KE"]] and [a for a, _ in _summary(doc, "VISIT")] == [["KE", "VN"]]


def test_an_official_in_favour_is_nowhere(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Kenya and Vietnam held talks. The Kenyan President is in favour of closer ties with Vietnam.", "events",
                lang="en", published="2025-04-16")
    assert _summary(doc, "VISIT") == []


def test_a_list_asked_runs_over_semicolons_until_a_predicate_of_its_own(until) -> None:  # type: ignore[no-untyped-def]
    asked = ("Chủ tịch Quốc hội Việt Nam hội đàm với Chủ tịch Quốc hội Lào. Chủ tịch Quốc hội đề nghị hai bên sớm ký "
             "Bản ghi nhớ hợp tác nghị viện; tăng cường trao đổi đoàn các cấp; ủng hộ lẫn nhau tại Liên hợp quốc.")
    told = ("Chủ tịch Quốc hội Việt Nam hội đàm với Chủ tịch Quốc hội Lào. Chủ tịch Quốc hội Lào mời Chủ tịch Quốc hội "
            "Việt Nam thăm Lào; đồng thời khẳng định sẽ tiếp tục phối hợp với Việt Nam tại Liên hợp quốc.")
    assert _summary(until(asked, "events", published="2025-08-31"), "COMMIT") == []
    assert [a for a, _ in _summary(until(told, "events", published="2025-08-31"), "COMMIT")] == [["LA", "VN"]]


def test_a_vague_step_done_by_signing_a_document_is_concrete(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Kenyan President William Ruto met Ghanaian President John Mahama on Tuesday. They expressed "
            "determination to further bolster comprehensive cooperation by signing the CEPA.")
    assert len(_summary(until(text, "events", lang="en", published="2025-03-12"), "COMMIT")) == 1


def test_an_attendance_on_whose_sidelines_they_met_is_the_meetings_time(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Kenyan President William Ruto held talks with Ghanaian President John Mahama on Tuesday. The two "
                        "leaders first met in 2019 on the sidelines of the African Union summit.", "en"),
                       ("Tổng thống Kenya William Ruto hội đàm với Tổng thống Ghana John Mahama ngày 11/3. Năm 2019, hai "
                        "nhà lãnh đạo đã gặp nhau bên lề Hội nghị thượng đỉnh Liên minh châu Phi.", "vi")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert {d for _, d in _summary(doc, "ATTEND")} == {"2019"}, text


def test_a_country_closing_the_visitors_noun_phrase_is_the_visitors(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Việt Nam và Ghana. Đây là chuyến thăm đầu tiên của một nguyên thủ Việt Nam tới Ghana.", "vi"),
                       ("Vietnam and Ghana. It is the first visit by a senior Vietnamese leader to Ghana.", "en")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [a for a, _ in _summary(doc, "VISIT")] == [["VN", "GH"]], text


def test_a_call_paid_and_a_contact_held_are_meetings(until) -> None:  # type: ignore[no-untyped-def]
    for text in ("Chiều 11/3, Chủ tịch Quốc hội Ghana Alban Bagbin đã đến chào Chủ tịch nước Việt Nam Lương Cường.",
                 "Chiều 11/3, Chủ tịch nước Việt Nam Lương Cường có buổi tiếp xúc với Chủ tịch Quốc hội Ghana Alban Bagbin."):
        doc = until(text, "events", published="2025-03-12")
        assert [set(a) for a, _ in _summary(doc, "MEET")] == [{"VN", "GH"}], text


def test_a_call_made_to_congratulate_is_the_callers_congratulation(until) -> None:  # type: ignore[no-untyped-def]
    text = ("United States Secretary of State Antony Blinken on Friday telephoned Pakistani Foreign Minister Bilawal "
            "Bhutto Zardari to congratulate him on becoming foreign minister.")
    doc = until(text, "events", lang="en", published="2022-05-07")
    assert _summary(doc, "CONGRATULATE") == [(["US", "PK"], "2022-05-06")]
    assert [set(a) for a, _ in _summary(doc, "MEET")] == [{"US", "PK"}]


def test_congratulations_extended_and_credentials_presented(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Kenya and Ghana. Kenyan President William Ruto extended his congratulations to Ghanaian President "
                "John Mahama on his re-election.", "events", lang="en", published="2025-03-12")
    assert [a for a, _ in _summary(doc, "CONGRATULATE")] == [["KE", "GH"]]
    doc = until("Kenya and Ghana. The Ghanaian envoy presented his letters of credence to President William Ruto on "
                "Tuesday.", "events", lang="en", published="2025-03-12")
    assert [set(a) for a, _ in _summary(doc, "MEET")] == [{"KE", "GH"}]


def test_a_phone_call_to_congratulate_is_a_meeting_too(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Chiều 11/3, Thủ tướng Việt Nam Phạm Minh Chính đã gọi điện chúc mừng Tổng thống Ghana John Mahama.",
                "events", published="2025-03-12")
    assert _summary(doc, "MEET") == [(["VN", "GH"], "2025-03-11")]
    assert _summary(doc, "CONGRATULATE") == [(["VN", "GH"], "2025-03-11")]


def test_a_country_after_a_comma_and_and_opens_a_clause_of_its_own(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Vietnam and Japan held talks. Minister Kamikawa affirmed Vietnam plays an important role in the region, and "
            "Japan will continue to coordinate closely with Vietnam at multilateral forums.")
    assert [a for a, _ in _summary(until(text, "events", lang="en", published="2023-10-11"), "COMMIT")] == [["JP", "VN"]]


def test_a_discussion_needs_a_side_and_an_aim_needs_a_side_named(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Vietnam and Canada held a business forum. The forum aims to strengthen the relationship between Ho Chi Minh "
            "City and Vancouver. Participants discussed market connections for businesses.")
    doc = until(text, "events", lang="en", published="2023-06-28")
    assert _summary(doc, "MEET") == [] and _summary(doc, "COMMIT") == []
    doc = until("Vietnam and Canada. The two ministers discussed ways to boost trade on Tuesday.", "events", lang="en",
                published="2023-06-28")
    assert [set(a) for a, _ in _summary(doc, "MEET")] == [{"VN", "CA"}]


def test_a_headline_that_names_no_side_commits_no_one() -> None:
    def commitments(title: str, body: str, lang: str) -> list[list[str]]:
        text = f"published: 2025-10-28\nlang: {lang}\ntitle: {title}\n---\n{title}\n\n{body}\n"
        return [e.actors for e in extract(read_text_document(text, doc_id="t")).events if e.type == "COMMIT"]

    assert commitments("Takeda shareholders agree to USD60 billion Shire acquisition",
                       "Shareholders at Japanese drug giant Takeda approved a plan to buy Irish firm Shire.", "en") == []
    assert len(commitments("Việt Nam - Canada đặt mục tiêu tăng kim ngạch thương mại hai chiều lên gấp 1,5 lần",
                           "Bộ trưởng Bộ Công Thương Việt Nam gặp Bộ trưởng Thương mại Canada.", "vi")) == 1


def test_an_exchange_with_an_official_is_a_meeting(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Nhắc lại chuyến tham dự Tuần lễ Cấp cao APEC tại Mỹ tháng 11/2023, Chủ tịch nước Việt Nam cho biết đã trao "
            "đổi với Tổng thống Peru Dina Boluarte. Hai bên nhất trí trao đổi với báo chí.")
    assert _summary(until(text, "events", published="2024-01-11"), "MEET") == [(["VN", "PE"], "2023-11")]


def test_a_meeting_told_from_either_side_is_one(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chủ tịch nước tiếp Đại sứ Cuba\n\nSáng 28/8, Chủ tịch nước Trần Đại Quang tiếp Đại sứ Cuba Herminio López "
            "Díaz đến chào từ biệt.\n\nĐại sứ cho biết ông đến chào Chủ tịch nước Trần Đại Quang nhân kết thúc nhiệm kỳ.")
    facts = extract(read_text_document(f"published: 2017-08-28\nlang: vi\n---\n{text}\n", doc_id="t"))
    assert len([e for e in facts.events if e.type == "MEET"]) == 1


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ghanaian President John Mahama said Ghana would waive visas for Kenyan citizens.", "en"),
        ("Kenya and Ghana held talks. Kenyan President William Ruto announced that Kenya would supply tea to Ghana.", "en"),
        ("Tổng thống Ghana John Mahama cho biết Ghana sẽ miễn thị thực cho công dân Kenya.", "vi"),
    ],
)
def test_a_deed_verb_opens_the_step_promised(until, text: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    """"would waive visas", "would supply tea": a verb of a checkable deed opens what is promised, as "open" does."""
    doc = until(text, "events", lang=lang, published="2025-06-10")
    assert [set(a) for a, _ in _summary(doc, "COMMIT")] == [{"GH", "KE"}]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ghanaian President John Mahama proposed the establishment of a joint business council with Kenya.", "en"),
        ("Tổng thống Ghana John Mahama đề xuất thành lập Hội đồng doanh nghiệp Ghana - Kenya.", "vi"),
    ],
)
def test_a_council_to_set_up_is_a_concrete_step(until, text: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    doc = until(text, "events", lang=lang, published="2025-06-10")
    assert [a for a, _ in _summary(doc, "PROPOSE")] == [["GH", "KE"]]


@pytest.mark.parametrize(
    "text",
    [
        "Receiving Kenyan Foreign Minister Musalia Mudavadi in Accra on Tuesday, Ghanaian President John Mahama said trade must grow.",
        "Welcoming his Kenyan counterpart at the Jubilee House on Tuesday, Ghanaian President John Mahama said trade must grow.",
        "Meeting Kenyan President William Ruto in Nairobi on Tuesday, Ghanaian President John Mahama said trade must grow.",
        "Ghanaian President John Mahama granted an audience to Kenyan Foreign Minister Musalia Mudavadi on Tuesday.",
    ],
)
def test_a_participle_or_an_audience_opening_a_meeting(until, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = until(text, "events", lang="en", published="2025-06-12")
    assert [(set(a), d) for a, d in _summary(doc, "MEET")] == [({"GH", "KE"}, "2025-06-10")]


def test_hosting_a_summit_is_no_meeting(until) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya and Ghana. Hosting the African Union summit in Nairobi, Kenyan President William Ruto said Africa must unite."
    assert _summary(until(text, "events", lang="en", published="2025-06-12"), "MEET") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Kenya and Ghana held talks. Kenyan President William Ruto said a Kenyan foundation will fund scholarships "
         "for Ghanaian students.", "en"),
        ("Kenya và Ghana hội đàm. Tổng thống Kenya William Ruto cho biết một công ty Kenya sẽ cung cấp dầu cho Ghana.", "vi"),
    ],
)
def test_a_body_below_the_state_promises_for_itself(until, text: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    assert _summary(until(text, "events", lang=lang, published="2025-06-10"), "COMMIT") == []


def test_a_side_ready_in_the_past_tense_commits(until) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya and Ghana held talks. Kenyan President William Ruto said Kenya was ready to supply tea to Ghana."
    assert [a for a, _ in _summary(until(text, "events", lang="en", published="2025-06-10"), "COMMIT")] == [["KE", "GH"]]


@pytest.mark.parametrize(
    "text",
    ["Ghana committed to ratify the trade agreement with Kenya by December.",
     "Ghana committed to ratify the trade agreement with Kenya by the end of December."],
)
def test_a_deadline_is_no_signing_date(until, text: str) -> None:  # type: ignore[no-untyped-def]
    """Ratifying presupposes the text signed, but "by December" is when the ratification is due."""
    doc = until(text, "events", lang="en", published="2025-06-10")
    assert _summary(doc, "SIGN") == [] and [a.date for a in doc.layer("facts.agreements")] == [None]


@pytest.mark.parametrize(
    "text",
    ["Kenyan President William Ruto is in Accra for a three-day state visit.",
     "Kenyan President William Ruto is in Ghana for a three-day state visit."],
)
def test_being_somewhere_for_what_is_no_gathering_is_the_trip(until, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [a for a, _ in _summary(until(text, "events", lang="en", published="2025-06-10"), "VISIT")] == [["KE", "GH"]]


def test_an_official_due_somewhere_is_a_planned_trip(until) -> None:  # type: ignore[no-untyped-def]
    text = "Kenyan President William Ruto is due in Accra next week for talks with Ghanaian President John Mahama."
    doc = until(text, "events", lang="en", published="2025-06-10")
    assert [(e.actors, e.status) for e in doc.layer("facts.events") if e.type == "VISIT"] == [(["KE", "GH"], "planned")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Thủ tướng Phạm Minh Chính chuyển lời mời của Tổng Bí thư Tô Lâm tới Tổng thống Kenya William Ruto thăm Việt Nam.", "vi"),
        ("Vietnamese Prime Minister Pham Minh Chinh conveyed General Secretary To Lam's invitation to Kenyan President "
         "William Ruto to visit Vietnam.", "en"),
    ],
)
def test_an_invitation_conveyed_to_a_guest_is_the_hosts(until, text: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    """"tới Tổng thống Kenya" says to whom the invitation goes, not where the visit is."""
    assert [a for a, _ in _summary(until(text, "events", lang=lang, published="2025-06-10"), "INVITE")] == [["VN", "KE"]]


def test_a_counterpart_named_in_vietnamese_is_a_person_met(until) -> None:  # type: ignore[no-untyped-def]
    text = "Bộ trưởng Ngoại giao Bùi Thanh Sơn đã trao đổi với người đồng cấp Kenya Musalia Mudavadi về hợp tác song phương."
    doc = until(text, "events", published="2025-06-10")
    assert [(set(a), d) for a, d in _summary(doc, "MEET")] == [({"VN", "KE"}, "2025-06")]
    assert [(p.name, p.country, p.office) for p in doc.layer("facts.persons") if p.country == "KE"] == [
        ("Musalia Mudavadi", "KE", "foreign_minister")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Tổng thống Kenya William Ruto khẳng định Kenya mong muốn tăng cường quan hệ với Việt Nam, sẵn sàng hỗ trợ "
         "Việt Nam tiếp cận thị trường Đông Phi.", "vi"),
        ("Kenya and Vietnam held talks. Kenyan President William Ruto wished to deepen ties with Vietnam, and was ready "
         "to open an embassy in Hanoi.", "en"),
    ],
)
def test_a_wish_asking_no_one_leaves_the_next_step_promised(until, text: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    """A side named further on in the wish ("quan hệ với Việt Nam") is part of what is wished, not who is asked."""
    assert [a for a, _ in _summary(until(text, "events", lang=lang, published="2025-06-10"), "COMMIT")] == [["KE", "VN"]]


def test_a_visit_fronted_with_a_possessive_is_the_subjects(until) -> None:  # type: ignore[no-untyped-def]
    text = "During his visit to Ghana, Kenyan President William Ruto toured the Tema port."
    assert [a for a, _ in _summary(until(text, "events", lang="en", published="2025-06-10"), "VISIT")] == [["KE", "GH"]]


@pytest.mark.parametrize(
    ("text", "kind", "actors"),
    [
        ("Kenyan President William Ruto played host to Ghanaian President John Mahama on Monday.", "MEET", {"KE", "GH"}),
        ("Kenyan President William Ruto on Monday held a working lunch with Ghanaian President John Mahama.", "MEET", {"KE", "GH"}),
        ("Kenyan President William Ruto and Ghanaian President John Mahama held a tete-a-tete on Monday.", "MEET", {"KE", "GH"}),
        ("Ghanaian President John Mahama made a case for direct flights between Accra and Nairobi with Kenya.", "PROPOSE", {"GH", "KE"}),
        ("Ghanaian President John Mahama pitched the idea of a joint investment fund with Kenya.", "PROPOSE", {"GH", "KE"}),
        ("Kenyan President William Ruto committed $20 million to a joint Kenya-Ghana infrastructure fund.", "COMMIT", {"KE", "GH"}),
    ],
)
def test_more_english_forms_of_meetings_proposals_and_pledges(until, text: str, kind: str, actors: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert [set(a) for a, _ in _summary(until(text, "events", lang="en", published="2025-06-12"), kind)] == [actors]


def test_a_bare_acceptance_after_an_invitation(until) -> None:  # type: ignore[no-untyped-def]
    text = "Kenyan President William Ruto invited Ghanaian President John Mahama to visit Kenya again, and Mahama accepted."
    assert [a for a, _ in _summary(until(text, "events", lang="en", published="2025-06-10"), "ACCEPT")] == [["GH", "KE"]]
    for text in ("Ghanaian President John Mahama accepted Kenya's apology.",
                 "Kenyan President William Ruto invited Ghanaian President John Mahama to visit Kenya. Mahama accepted the proposal."):
        assert _summary(until(text, "events", lang="en", published="2025-06-10"), "ACCEPT") == [], text
