"""Events: the contact builders (VISIT, MEET, ATTEND, SIGN, ESTABLISH_RELATIONS), on invented sentences."""

from __future__ import annotations


def _events(doc, kind=None):  # type: ignore[no-untyped-def]
    return [e for e in doc.layer("facts.events") if kind is None or e.type == kind]


def _visits(doc):  # type: ignore[no-untyped-def]
    return [(e.actors, e.persons) for e in _events(doc, "VISIT")]


def test_the_one_who_invites_is_the_host_not_the_visitor(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Ghana's President John Mahama began a State visit to Senegal on Tuesday, at the invitation of "
               "President Bassirou Diomaye Faye of Senegal.", "events", lang="en", published="2025-03-05")
    assert _visits(en) == [(["GH", "SN"], ["John Mahama"])]
    vi = until("Chiều 4/3, Tổng thống Ghana John Mahama tới sân bay Dakar, bắt đầu thăm chính thức nước này theo lời "
               "mời của Tổng thống Senegal Bassirou Diomaye Faye.", "events", published="2025-03-05")
    assert _visits(vi) == [(["GH", "SN"], ["John Mahama"])]


def test_a_wish_to_visit_is_at_most_a_planned_visit(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Nhắc lại cuộc gặp với Tổng thống Chile tháng 6/2025, Thủ tướng Peru khẳng định mong muốn sớm thăm Chile.",
               "events", published="2025-07-23")
    assert [(e.actors, e.date, e.status) for e in _events(vi, "VISIT")] == [(["PE", "CL"], None, "planned")]
    en = until("Recalling their meeting in June 2025, the Peruvian Prime Minister said he looks forward to visiting Chile.",
               "events", lang="en", published="2025-07-23")
    assert [(e.actors, e.date, e.status) for e in _events(en, "VISIT")] == [(["PE", "CL"], None, "planned")]


def test_a_joint_subject_welcoming_something_is_no_meeting(until) -> None:  # type: ignore[no-untyped-def]
    en = until("The two sides welcomed growing trust between the Chilean and Peruvian business communities.", "events",
               lang="en", published="2025-07-23")
    assert _events(en, "MEET") == []
    met = until("Chile and Peru agreed on the text. The two leaders met on July 22.", "events", lang="en",
                published="2025-07-23")
    assert [(set(e.actors), e.date) for e in _events(met, "MEET")] == [({"CL", "PE"}, "2025-07-22")]
    vi = until("Hai bên đón nhận tích cực kết quả hợp tác giữa doanh nghiệp Chile và Peru.", "events",
               published="2025-07-23")
    assert _events(vi, "MEET") == []


def test_a_future_in_a_later_clause_is_the_steps_effect_not_its_time(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Foreign Minister Elina Valtonen welcomed the first official visit to Finland by Estonian Foreign "
               "Minister Margus Tsahkna on May 5, believing that the visit will help strengthen ties.", "events",
               lang="en", published="2025-05-06")
    assert [(e.actors, e.status) for e in _events(en, "VISIT")] == [(["EE", "FI"], "happened")]
    vi = until("Bộ trưởng Ngoại giao Phần Lan hoan nghênh chuyến thăm Phần Lan ngày 5/5 của Bộ trưởng Ngoại giao "
               "Estonia, tin tưởng chuyến thăm sẽ góp phần thắt chặt quan hệ.", "events", published="2025-05-06")
    assert [(e.actors, e.status) for e in _events(vi, "VISIT")] == [(["EE", "FI"], "happened")]


def test_talks_expected_at_press_time_are_planned(until) -> None:  # type: ignore[no-untyped-def]
    en = until("By press time, Chilean President Gabriel Boric and Peruvian President Dina Boluarte were expected to "
               "hold talks in Lima.", "events", lang="en", published="2023-04-04")
    assert {e.status for e in _events(en, "MEET")} == {"planned"}


def test_the_host_named_again_after_a_reception_is_no_one_met(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Peruvian Deputy Prime Minister Mario Pérez hosted a reception in Lima on May 4 for Chilean Senator Ana Rojas, "
               "and Deputy Prime Minister Mario Pérez thanked her.", "events", lang="en", published="2025-05-06")
    assert len(_events(en, "MEET")) == 1
    vi = until("Phó Thủ tướng Peru Mario Pérez tiếp Thượng nghị sĩ Chile Ana Rojas, Phó Thủ tướng Peru Mario Pérez "
               "cảm ơn bà.", "events", published="2025-05-06")
    assert len(_events(vi, "MEET")) == 1


def test_a_place_after_a_document_is_no_list_of_topics(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Chilean President Gabriel Boric and Peruvian President Dina Boluarte signed the Duavata partnership "
               "agreement in Lima, Peru.", "events", lang="en", published="2025-03-30")
    assert len(_events(en, "SIGN")) == 1
    listed = until("Chile and Peru signed agreements on health, fisheries and customs.", "events", lang="en",
                   published="2025-03-30")
    assert len(_events(listed, "SIGN")) == 3
    vi = until("Tổng thống Chile và Tổng thống Peru đã ký Hiệp định Đối tác Thái Bình Dương tại Lima, Peru ngày 29/3.",
               "events", published="2025-03-30")
    assert len(_events(vi, "SIGN")) == 1


def test_someone_named_further_on_is_not_listed_among_those_met(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Hai bên đã rà soát việc triển khai các thỏa thuận của Kỳ họp lần thứ 13 Ủy ban hỗn hợp Chile - Peru, "
               "nhất trí cho rằng việc Lãnh đạo cấp cao hai nước trao đổi các chuyến thăm như Tổng thống Chile Gabriel "
               "Boric thăm cấp Nhà nước tới Peru (12/2024), Thủ tướng Peru Gustavo Adrianzén thăm chính thức Chile "
               "(8/2024) đã góp phần tăng cường quan hệ.", "events", published="2025-10-20")
    assert len(_events(vi, "MEET")) == 1


def test_a_future_said_or_named_after_the_trigger_is_not_the_steps(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Nhân chuyến thăm chính thức Peru của Tổng thống Chile Gabriel Boric, chiều 9/4 tại cuộc hội đàm với "
               "Tổng thống Peru Dina Boluarte, lãnh đạo hai nước đã nhấn mạnh sẽ tạo điều kiện cho doanh nghiệp.",
               "events", published="2025-04-10")
    assert {e.status for e in _events(vi) if e.type in ("VISIT", "MEET")} == {"happened"}
    signed = until("Ngày 9/4, Chile và Peru đã ký tuyên bố chung về kế hoạch hợp tác đến năm 2030.", "events",
                   published="2025-04-10")
    assert [(e.date, e.status) for e in _events(signed, "SIGN")] == [("2025-04-09", "happened")]
    en = until("Chilean President Gabriel Boric held talks with Peruvian President Dina Boluarte in Lima on April 9, "
               "saying the two countries will expand trade.", "events", lang="en", published="2025-04-10")
    assert [e.status for e in _events(en, "MEET")] == ["happened"]


def test_one_signing_of_unnamed_documents_told_twice_is_one_sign(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Chilean President Gabriel Boric arrived in Lima on May 4 for talks with Peruvian President Dina "
               "Boluarte, with the leaders signing a series of agreements. The leaders witnessed the signing of six "
               "agreements, covering trade and mining.", "events", lang="en", published="2025-05-05")
    assert len(_events(en, "SIGN")) == 1
    vi = until("Ngày 4/5, Tổng thống Chile và Tổng thống Peru đã ký các văn kiện hợp tác. Chiều 4/5, hai nhà lãnh đạo chứng kiến "
               "lễ ký 6 văn kiện hợp tác.", "events", published="2025-05-05")
    assert len(_events(vi, "SIGN")) == 1


def test_the_leaders_are_both_sides(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Chilean President Gabriel Boric arrived in Lima, Peru on May 2 for a visit. The leaders met on May 3.",
               "events", lang="en", published="2025-05-05")
    assert [(set(e.actors), e.date) for e in _events(en, "MEET")] == [({"CL", "PE"}, "2025-05-03")]
    vi = until("Tổng thống Chile Gabriel Boric tới Lima, Peru ngày 2/5. Ngày 3/5, các nhà lãnh đạo đã gặp.",
               "events", published="2025-05-05")
    assert [(set(e.actors), e.date) for e in _events(vi, "MEET")] == [({"CL", "PE"}, "2025-05-03")]


def test_a_plan_named_as_a_noun_puts_no_visit_ahead(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Nhận lời mời của Bộ Ngoại giao Peru, triển khai kế hoạch hợp tác giữa hai Bộ Ngoại giao, ngày 29/8, "
               "Thứ trưởng Ngoại giao Chile Ana Rojas thăm làm việc tại Peru.", "events", published="2025-08-30")
    assert [(e.actors, e.date, e.status) for e in _events(vi, "VISIT")] == [(["CL", "PE"], "2025-08-29", "happened")]
    planned = until("Thứ trưởng Ngoại giao Chile Ana Rojas có kế hoạch thăm Peru vào tháng 10.", "events",
                    published="2025-08-30")
    assert [e.status for e in _events(planned, "VISIT")] == ["planned"]


def test_a_visit_in_a_country_is_a_visit_to_it(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Ngày 29/8, Thứ trưởng Ngoại giao Chile Ana Rojas thăm làm việc tại Peru.", "events",
               published="2025-08-30")
    assert [(e.actors, e.date) for e in _events(vi, "VISIT")] == [(["CL", "PE"], "2025-08-29")]
    en = until("On August 29, Chilean Deputy Foreign Minister Ana Rojas began a working visit in Peru.", "events",
               lang="en", published="2025-08-30")
    assert [(e.actors, e.date) for e in _events(en, "VISIT")] == [(["CL", "PE"], "2025-08-29")]


def test_after_a_visit_its_visitor_is_the_subject_that_follows(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Sau chuyến thăm Peru, Ngoại trưởng Chile Alberto van Klaveren sẽ đi đến thủ đô Quito của Ecuador.",
               "events", published="2025-08-08")
    assert [(e.actors, e.persons) for e in _events(vi, "VISIT")] == [(["CL", "PE"], ["Alberto van Klaveren"])]
    en = until("After the visit to Peru, Chilean Foreign Minister Alberto van Klaveren will travel to Quito, the "
               "capital of Ecuador.", "events", lang="en", published="2025-08-08")
    assert [(e.actors, e.persons) for e in _events(en, "VISIT")] == [
        (["CL", "PE"], ["Alberto van Klaveren"]), (["CL", "EC"], ["Alberto van Klaveren"])]  # and the trip on


def test_an_attendance_joined_to_a_visit_is_the_next_named_officials(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Cuộc điện đàm nhằm cụ thể hóa trao đổi giữa lãnh đạo hai nước tại chuyến thăm Chile của Tổng thống Peru "
               "Dina Boluarte vào tháng 3/2025 và chuyến công tác của Tổng thống Chile Gabriel Boric tham dự Hội nghị "
               "Thượng đỉnh APEC tại Lima.", "events", published="2025-08-30")
    assert [(e.actors, e.persons) for e in _events(vi, "ATTEND")] == [(["CL"], ["Gabriel Boric"])]
    en = until("Peruvian President Dina Boluarte is visiting Chile and attending the APEC Summit.", "events", lang="en",
               published="2025-08-30")
    assert [(e.actors, e.persons) for e in _events(en, "ATTEND")] == [(["PE"], ["Dina Boluarte"])]


def test_a_companys_or_localitys_signing_is_not_the_states(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Ngày 4/5, Hải quân Chile và công ty Astilleros Peru đã ký hợp đồng đóng tàu tuần tra.", "events",
               published="2025-05-05")
    assert _events(vi, "SIGN") == []
    en = until("On May 4, Chile's Codelco Group and Peru's Minera Fund exchanged the minutes of the share purchase.",
               "events", lang="en", published="2025-05-05")
    assert _events(en, "SIGN") == []
    ties = until("Chile and Peru noted that 40 pairs of their localities established cooperative relations.", "events",
                 lang="en", published="2025-05-05")
    assert _events(ties, "ESTABLISH_RELATIONS") == []
    states = until("On May 4, Chile and Peru signed an agreement on fisheries.", "events", lang="en",
                   published="2025-05-05")
    assert len(_events(states, "SIGN")) == 1


def test_a_need_to_establish_relations_is_none_established(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Chile and Peru noted the need to establish relations between the press offices of their ministries.",
               "events", lang="en", published="2025-05-05")
    assert _events(en, "ESTABLISH_RELATIONS") == []
    vi = until("Hai bên nhấn mạnh Chile và Peru cần thiết lập quan hệ giữa các cơ quan báo chí của hai Bộ.", "events",
               published="2025-05-05")
    assert _events(vi, "ESTABLISH_RELATIONS") == []
    done = until("Chile was the first country in the region to establish diplomatic relations with Peru.", "events",
                 lang="en", published="2025-05-05")
    assert len(_events(done, "ESTABLISH_RELATIONS")) == 1


def test_talks_in_a_seat_of_government_or_a_venue_city_are_a_visit_to_its_country(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Egyptian Foreign Minister Badr Abdelatty and his Malaysian counterpart Mohamad Hasan held talks in "
               "Putrajaya on Monday.", "events", lang="en", published="2025-03-10")
    assert _visits(en) == [(["EG", "MY"], ["Badr Abdelatty"])]
    vi = until("Ngày 10/3, Bộ trưởng Ngoại giao Peru Elmer Schialer hội đàm với Bộ trưởng Ngoại giao Trung Quốc Vương Nghị "
               "tại Hạ Môn.", "events", published="2025-03-10")
    assert _visits(vi) == [(["PE", "CN"], ["Elmer Schialer"])]


def test_a_numbered_session_of_a_body_the_pair_names_is_their_meeting(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Prime Minister Mark Rutte of the Netherlands said at the 5th Dutch-Belgian intergovernmental consultations "
               "in The Hague on Monday that Belgian Prime Minister Alexander De Croo was a close partner.",
               "events", lang="en", published="2023-05-09")
    assert [(sorted(e.actors), e.date) for e in _events(en, "MEET")] == [(["BE", "NL"], "2023-05-08")]
    vi = until("Ngày 8/5, Đối thoại Chiến lược Úc - Indonesia lần thứ 3 diễn ra tại Canberra "
               "với sự tham dự của Bộ trưởng Ngoại giao Indonesia Retno Marsudi.", "events", published="2023-05-09")
    assert [(sorted(e.actors), e.date) for e in _events(vi, "MEET")] == [(["AU", "ID"], "2023-05-08")]
    # a numbered gathering no pair names is no meeting of two
    none = until("Prime Minister Mark Rutte attended the 5th European Political Community summit in Granada.",
                 "events", lang="en", published="2023-10-06")
    assert _events(none, "MEET") == []


def test_an_event_the_headline_tells_takes_its_evidence_from_the_body() -> None:
    from bilat.extract import extract
    from bilat.ingest import read_text_document

    for lang, title, body in [
        ("en", "Chile's President holds talks with Peruvian counterpart",
         "Chilean President Gabriel Boric held talks with Peruvian President Dina Boluarte in Lima, the two presidents said."),
        ("vi", "Tổng thống Chile hội đàm với Tổng thống Peru",
         "Tổng thống Chile Gabriel Boric đã hội đàm với Tổng thống Peru Dina Boluarte tại Lima."),
    ]:
        text = f"published: 2025-03-04\ntitle: {title}\n---\n{title}\n\n{body}\n"
        facts = extract(read_text_document(text, doc_id="t")).to_dict()
        meetings = [e for e in facts["events"] if e["type"] == "MEET"]
        assert len(meetings) == 1, (lang, meetings)
        start, end = meetings[0]["evidence"]
        assert text[start:end].startswith(body[:30]), (lang, text[start:end])


def test_who_is_received_in_the_passive_is_the_one_met(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Ngày 11/3, Tổng thống Kenya William Ruto được Tổng thống Tanzania Samia Suluhu Hassan tiếp tại Dodoma.",
               "events", published="2025-03-12")
    assert [(e.actors, e.persons) for e in _events(vi, "MEET")] == [
        (["TZ", "KE"], ["Samia Suluhu Hassan", "William Ruto"])]
    en = until("Kenyan President William Ruto was received by Tanzanian President Samia Suluhu Hassan in Dodoma on "
               "Tuesday.", "events", lang="en", published="2025-03-12")
    assert [sorted(e.actors) for e in _events(en, "MEET")] == [["KE", "TZ"]]


def test_a_list_of_documents_ends_before_the_parties_and_the_date(until) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ("en", "The two sides signed agreements on trade, energy and culture between Ghana and Nigeria."),
        ("vi", "Hai bên đã ký các thỏa thuận về thương mại, năng lượng và văn hóa giữa Ghana và Nigeria."),
        ("en", "Ghana and Nigeria signed 3 agreements on trade, energy and culture on 11 March."),
        ("vi", "Ghana và Nigeria đã ký 3 thỏa thuận về thương mại, năng lượng và văn hóa ngày 11/3."),
    ]
    for lang, text in cases:
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert len(_events(doc, "SIGN")) == 3, text


def test_two_countries_under_one_head_noun_are_both_sides(until) -> None:  # type: ignore[no-untyped-def]
    for lang, text in [
        ("en", "The leaders of Chile and Peru met on Tuesday."),
        ("en", "Chilean and Peruvian foreign ministers met in Lima on Tuesday."),
        ("vi", "Ngày 11/3, lãnh đạo Chile và Peru đã gặp nhau tại Lima."),
    ]:
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [(sorted(e.actors), e.date) for e in _events(doc, "MEET")] == [(["CL", "PE"], "2025-03-11")], text


def test_a_call_is_a_meeting_however_the_verb_is_phrased(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Japanese Prime Minister Shigeru Ishiba spoke with Australian Prime Minister Anthony Albanese by "
               "telephone on Tuesday.", "events", lang="en", published="2025-03-12")
    assert [(e.actors, e.date) for e in _events(en, "MEET")] == [(["JP", "AU"], "2025-03-11")]
    none = until("Japanese Prime Minister Shigeru Ishiba spoke with reporters in Canberra on Tuesday.",
                 "events", lang="en", published="2025-03-12")
    assert _events(none, "MEET") == []


def test_a_congratulatory_message_is_a_congratulation(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Chilean President Gabriel Boric sent a congratulatory message to Peruvian President Dina Boluarte "
               "on Peru's national day.", "events", lang="en", published="2025-07-28")
    assert [e.actors for e in _events(en, "CONGRATULATE")] == [["CL", "PE"]]
    vi = until("Ngày 28/7, Tổng thống Chile Gabriel Boric gửi điện mừng Tổng thống Peru Dina Boluarte nhân dịp Quốc "
               "khánh Peru.", "events", published="2025-07-28")
    assert [(e.actors, e.date) for e in _events(vi, "CONGRATULATE")] == [(["CL", "PE"], "2025-07-28")]


def test_a_span_of_years_is_no_events_date(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Nhân kỷ niệm 35 năm thiết lập quan hệ ngoại giao (18/1/1990-18/1/2025), Tổng thống Chile Gabriel "
               "Boric gửi điện chúc mừng Tổng thống Peru Dina Boluarte.", "events", published="2025-01-18")
    assert [e.date for e in _events(vi, "CONGRATULATE")] == ["2025-01"]  # the article's month, not 1990-2025
    en = until("Chilean President Gabriel Boric congratulated Peruvian President Dina Boluarte on the 35th anniversary "
               "of relations (1990-2025).", "events", lang="en", published="2025-01-18")
    assert [e.date for e in _events(en, "CONGRATULATE")] == ["2025-01"]


def test_a_signing_whose_sides_are_not_named_is_no_event(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Hai nước ra Tuyên bố chung về tăng cường quan hệ Đối tác chiến lược ngày 11/3.", "events",
                published="2025-03-12")
    assert _events(doc) == []


def test_an_ambassador_received_where_posted_made_no_visit(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Chiều 11/3, tại Hà Nội, Phó Thủ tướng Bùi Thanh Sơn tiếp Đại sứ Peru tại Việt Nam Luis Tsuboyama.",
               "events", published="2025-03-12")
    en = until("Vietnamese Deputy Prime Minister Bui Thanh Son received Peruvian Ambassador to Vietnam Luis Tsuboyama "
               "in Hanoi on Tuesday.", "events", lang="en", published="2025-03-12")
    for doc in (vi, en):
        assert [e.type for e in _events(doc)] == ["MEET"]


def test_two_titled_sides_meeting_each_other(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Tổng thống Chile và Tổng thống Peru đã gặp nhau tại Santiago ngày 11/3.", "events", published="2025-03-12")
    en = until("Chile's President and Peru's President met in Santiago on Tuesday.", "events", lang="en",
               published="2025-03-12")
    for doc in (vi, en):
        assert [(sorted(e.actors), e.date) for e in _events(doc, "MEET")] == [(["CL", "PE"], "2025-03-11")]


def test_a_phone_call_in_other_words(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Tổng thống Chile Gabriel Boric trao đổi qua điện thoại với Tổng thống Peru Dina Boluarte ngày 11/3.",
                "events", published="2025-03-12")
    assert [(e.actors, e.date) for e in _events(doc, "MEET")] == [(["CL", "PE"], "2025-03-11")]


def test_the_next_or_a_numbered_session_named_after_the_pair(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Ethiopia will host the next session of the Kenya-Ethiopia Joint Ministerial Commission in 2026.",
                "events", lang="en", published="2025-03-12")
    assert [(sorted(e.actors), e.date, e.status) for e in _events(doc, "MEET")] == [(["ET", "KE"], "2026", "planned")]
    doc = until("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed at the sidelines of the UN General "
                "Assembly on Tuesday.", "events", lang="en", published="2025-03-12")
    assert sorted(e.actors[0] for e in _events(doc, "ATTEND")) == ["ET", "KE"]
