"""Events: one rule per event type, on short sentences about several country pairs."""

from __future__ import annotations


def _events(doc, kind=None):  # type: ignore[no-untyped-def]
    return [e for e in doc.layer("facts.events") if kind is None or e.type == kind]


def _summary(doc, kind):  # type: ignore[no-untyped-def]
    return [(e.actors, e.date) for e in _events(doc, kind)]


def test_visit_with_a_date_range(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Tổng thống Hàn Quốc Yoon Suk Yeol thăm cấp Nhà nước Việt Nam từ ngày 22-24/6.", "events")
    (visit,) = _events(doc, "VISIT")
    assert (visit.actors, visit.date, visit.persons) == (["KR", "VN"], "2024-06-22/2024-06-24", ["Yoon Suk Yeol"])
    assert "thăm cấp Nhà nước Việt Nam" in doc.text[visit.evidence[0]:visit.evidence[1]]


def test_accepting_an_invitation_is_one_accept_and_the_visit(until) -> None:  # type: ignore[no-untyped-def]
    text = "Nhận lời mời của Thủ tướng Lào Sonexay Siphandone, Thủ tướng Phạm Minh Chính thăm chính thức Lào từ ngày 5 đến 6/1."
    doc = until(text, "events", published="2025-01-07")
    assert [(e.actors, e.date) for e in _events(doc, "ACCEPT")] == [(["VN", "LA"], None)]
    assert _summary(doc, "VISIT") == [(["VN", "LA"], "2025-01-05/2025-01-06")]
    assert _events(doc, "INVITE") == []


def test_one_meeting_per_counterpart(until) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Trong chuyến thăm chính thức Ba Lan từ ngày 15-17/1, Chủ tịch Quốc hội Trần Thanh Mẫn hội đàm với "
        "Chủ tịch Hạ viện; hội kiến Tổng thống, Thủ tướng."
    )
    doc = until(text, "events", published="2025-01-18")
    meetings = _events(doc, "MEET")
    assert len(meetings) == 3
    assert all(set(m.actors) == {"VN", "PL"} and m.date == "2025-01-15/2025-01-17" for m in meetings)


def test_talks_reported_twice_are_one_meeting(until) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sáng 9/4, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Singapore Lawrence Wong.\n"
        "Tại cuộc hội đàm, Thủ tướng Lawrence Wong đánh giá cao quan hệ hai nước."
    )
    assert _summary(until(text, "events"), "MEET") == [(["VN", "SG"], "2024-04-09")]


def test_meeting_on_the_sidelines_implies_each_side_attended(until) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Bên lề Hội nghị Cấp cao ASEAN lần thứ 44 tại Vientiane, Thủ tướng Phạm Minh Chính gặp "
        "Thủ tướng Nhật Bản Ishiba Shigeru."
    )
    doc = until(text, "events")
    assert sorted(e.actors[0] for e in _events(doc, "ATTEND")) == ["JP", "VN"]
    assert [set(e.actors) for e in _events(doc, "MEET")] == [{"VN", "JP"}]


def test_an_invitation_is_not_a_visit(until) -> None:  # type: ignore[no-untyped-def]
    text = "Tổng thống Chile Gabriel Boric mời Chủ tịch nước thăm Chile và dự Hội nghị Cấp cao APEC 2019."
    doc = until(text, "events", published="2018-11-20")
    assert [e.actors for e in _events(doc, "INVITE")] == [["CL", "VN"]]
    assert _events(doc, "VISIT") == [] and _events(doc, "ATTEND") == []
    assert _events(doc, "INVITE")[0].date == "2018-11"  # said when the article was written, not in 2019


def test_a_proposal_and_a_commitment(until) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ngày 2/10, Thủ tướng Ai Cập Mostafa Madbouly đề nghị Việt Nam sớm mở đường bay thẳng tới Cairo.\n"
        "Hai bên nhất trí thành lập Ủy ban hỗn hợp về thương mại."
    )
    doc = until(text, "events")
    assert _summary(doc, "PROPOSE") == [(["EG", "VN"], "2024-10-02")]
    assert _summary(doc, "COMMIT") == [(["VN", "EG"], "2024-10-02")]  # a joint step: home country first


def test_vague_cooperation_is_not_an_event(until) -> None:  # type: ignore[no-untyped-def]
    text = "Ngày 2/10, Thủ tướng hội đàm với Thủ tướng Ai Cập.\nHai bên nhất trí tăng cường hợp tác hơn nữa."
    assert _events(until(text, "events"), "COMMIT") == []


def test_congratulations(until) -> None:  # type: ignore[no-untyped-def]
    text = "Tổng thống Indonesia Prabowo Subianto chúc mừng Việt Nam tổ chức thành công Đại hội."
    assert [e.actors for e in _events(until(text, "events"), "CONGRATULATE")] == [["ID", "VN"]]


def test_anniversary_dates_the_establishment_of_relations(until) -> None:  # type: ignore[no-untyped-def]
    text = "Năm nay, hai nước Việt Nam và Hungary kỷ niệm 75 năm thiết lập quan hệ ngoại giao."
    assert _summary(until(text, "events", published="2025-02-03"), "ESTABLISH_RELATIONS") == [(["VN", "HU"], "1950")]


def test_an_approximate_anniversary_gives_no_year(until) -> None:  # type: ignore[no-untyped-def]
    text = "Quan hệ Việt Nam - Ba Lan phát triển sau hơn 70 năm thiết lập quan hệ ngoại giao."
    assert _summary(until(text, "events"), "ESTABLISH_RELATIONS") == [(["VN", "PL"], None)]


def test_a_history_list_gives_one_visit_per_item(until) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Về phía Ấn Độ có các chuyến thăm Việt Nam của Tổng thống Pranab Mukherjee (9/2014), "
        "Thủ tướng Narendra Modi (9/2016)."
    )
    doc = until(text, "events")
    assert _summary(doc, "VISIT") == [(["IN", "VN"], "2014-09"), (["IN", "VN"], "2016-09")]
    assert {e.status for e in _events(doc, "VISIT")} == {"reported"}


def test_captions_state_no_event(until) -> None:  # type: ignore[no-untyped-def]
    text = "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Thái Lan. (Ảnh: TTXVN)"
    assert _events(until(text, "events")) == []


# --- English ------------------------------------------------------------------------


def _english(until, text: str, published: str = "2024-06-14"):  # type: ignore[no-untyped-def]
    return until(text, "events", lang="en", published=published)


def test_english_visit_and_talks(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Indonesian President Joko Widodo paid a state visit to Australia. "
            "He held talks with Prime Minister Anthony Albanese in Canberra on June 12.")
    doc = _english(until, text)
    assert ("VISIT", ["ID", "AU"]) in [(e.type, e.actors) for e in _events(doc)]
    (meeting,) = _events(doc, "MEET")
    assert (set(meeting.actors), meeting.date) == ({"ID", "AU"}, "2024-06-12")


def test_talks_in_one_sides_city_state_the_others_visit(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Moroccan Foreign Minister Nasser Bourita and his Spanish counterpart Jose Manuel Albares "
            "held talks in Rabat on June 12.")
    doc = _english(until, text)
    (meeting,) = _events(doc, "MEET")
    assert (set(meeting.actors), meeting.place) == ({"MA", "ES"}, "Rabat")
    assert set(meeting.persons) == {"Nasser Bourita", "Jose Manuel Albares"}
    (visit,) = _events(doc, "VISIT")
    assert (visit.actors, visit.persons, visit.date) == (["ES", "MA"], ["Jose Manuel Albares"], "2024-06-12")


def test_talks_in_a_third_country_state_no_visit(until) -> None:  # type: ignore[no-untyped-def]
    text = "Japanese Prime Minister Fumio Kishida met his Indian counterpart Narendra Modi in Jakarta on June 12."
    doc = _english(until, text)
    assert [(e.type, e.place) for e in _events(doc)] == [("MEET", "Jakarta")]


def test_a_weekday_dates_the_talks(until) -> None:  # type: ignore[no-untyped-def]
    text = "Kenyan Foreign Minister Musalia Mudavadi and German Foreign Minister Johann Wadephul on Wednesday held talks."
    doc = _english(until, text, published="2026-01-23")  # a Friday
    (meeting,) = _events(doc, "MEET")
    assert meeting.date == "2026-01-21"


def test_held_is_a_meeting_only_when_a_meeting_is_held(until) -> None:  # type: ignore[no-untyped-def]
    held = _english(until, "Japanese Foreign Minister Yoko Kamikawa and Indian Foreign Minister S Jaishankar held the 16th Strategic Dialogue.")
    view = _english(until, "Japanese Foreign Minister Yoko Kamikawa held the view that Indian trade is growing.")
    assert [e.type for e in _events(held)] == ["MEET"]
    assert _events(view) == []


def test_both_leaders_attending_a_summit_is_one_attend_each(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Thai Prime Minister Srettha Thavisin met New Zealand Prime Minister Christopher Luxon in Vientiane, "
            "as both leaders are in Laos to attend the 44th ASEAN Summit.")
    doc = _english(until, text)
    attended = {e.actors[0]: e.persons for e in _events(doc, "ATTEND")}
    assert attended == {"TH": ["Srettha Thavisin"], "NZ": ["Christopher Luxon"]}


def test_english_proposal_and_joint_commitment(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chilean President Gabriel Boric met Peruvian President Dina Boluarte. "
            "Boric proposed that Peru open a consulate in Arica. "
            "The two sides agreed to set up a joint border committee. "
            "They agreed to strengthen cooperation.")
    doc = _english(until, text)
    assert [(e.actors, e.persons) for e in _events(doc, "PROPOSE")] == [(["CL", "PE"], ["Gabriel Boric"])]
    (commit,) = _events(doc, "COMMIT")  # the vague one is no event
    assert set(commit.actors) == {"CL", "PE"} and "joint border committee" in (commit.object or "")


def test_english_anniversary_dates_the_relations(until) -> None:  # type: ignore[no-untyped-def]
    text = "Brazil and Vietnam celebrate the 35th anniversary of diplomatic relations in 2024."
    doc = _english(until, text)
    assert [(set(e.actors), e.date) for e in _events(doc, "ESTABLISH_RELATIONS")] == [({"BR", "VN"}, "1989")]


def test_both_sides_committing_to_sign_a_list_is_one_commit_each(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Vietnamese Foreign Minister Bui Thanh Son held talks with Tanzanian Foreign Minister January Makamba. "
            "They said Vietnam and Tanzania need to soon sign an agreement on investment protection "
            "and another on visa exemption.")
    doc = _english(until, text)
    commits = [e for e in _events(doc, "COMMIT") if e.object in ("investment protection", "visa exemption")]
    assert [set(e.actors) for e in commits] == [{"VN", "TZ"}, {"VN", "TZ"}]
    assert _events(doc, "PROPOSE") == []


def test_a_relationship_named_with_a_spaced_dash_is_no_side(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Indonesian Foreign Minister Retno Marsudi and Foreign Minister Bui Thanh Son co-chaired "
            "the meeting of the Vietnam – Indonesia Joint Commission in Hanoi on June 12.")
    doc = _english(until, text)
    (meeting,) = _events(doc, "MEET")
    assert set(meeting.persons) == {"Retno Marsudi", "Bui Thanh Son"}
    assert [(e.actors, e.persons) for e in _events(doc, "VISIT")] == [(["ID", "VN"], ["Retno Marsudi"])]


def test_one_visit_however_many_counterparts_were_met(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Japanese Foreign Minister Takeshi Iwaya and Japanese Defence Minister Gen Nakatani held talks with "
            "Philippine Foreign Secretary Enrique Manalo and Philippine Defence Secretary Gilberto Teodoro in Manila on Thursday.")
    doc = _english(until, text)
    assert [(e.actors, e.place) for e in _events(doc, "VISIT")] == [(["JP", "PH"], "Manila")]


def test_a_date_right_after_a_trigger_is_not_its_object(until) -> None:  # type: ignore[no-untyped-def]
    doc = _english(until, "Chile and Peru agreed on Thursday to open a joint border post at Chacalluta.")
    (commit,) = _events(doc, "COMMIT")
    assert commit.object == "to open a joint border post at Chacalluta" and commit.date == "2024-06-13"


def test_those_also_present_join_the_talks_already_told(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Sáng 29/3, Thủ tướng Phạm Minh Chính hội đàm với Tổng thống Chile Gabriel Boric. "
            "Cùng dự có Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn.")
    doc = until(text, "events")
    (meeting,) = _events(doc, "MEET")
    assert set(meeting.persons) == {"Phạm Minh Chính", "Gabriel Boric", "Bùi Thanh Sơn"}


def test_an_anniversary_of_another_relationship_dates_nothing(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Australia Anthony Albanese, sau Hội nghị Cấp cao "
            "kỷ niệm 50 năm quan hệ ASEAN-Australia tại Melbourne.")
    doc = until(text, "events", published="2024-03-07")
    assert _events(doc, "ESTABLISH_RELATIONS") == []


def test_a_person_later_called_by_one_name_is_still_that_side(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Lao National Assembly Chairman Saysomphone Phomvihane met Vietnamese National Assembly Chairman Tran Thanh Man. "
            "Saysomphone thanked Vietnam for its support and invited Man to attend the AIPA General Assembly.")
    doc = _english(until, text)
    (invite,) = _events(doc, "INVITE")
    assert invite.actors == ["LA", "VN"]


def test_a_phone_call_is_a_meeting_and_normalised_ties_are_relations(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Japanese Prime Minister Shigeru Ishiba and South Korean President Yoon Suk Yeol held a phone call on Wednesday. "
            "Japan and South Korea normalised diplomatic ties in 1965.")
    doc = _english(until, text, published="2024-10-03")
    assert [(set(e.actors), e.date) for e in _events(doc, "MEET")] == [({"JP", "KR"}, "2024-10-02")]
    assert [e.date for e in _events(doc, "ESTABLISH_RELATIONS")] == ["1965"]


def test_he_is_the_previous_speaker_not_the_person_after_the_verb(until) -> None:  # type: ignore[no-untyped-def]
    text = ("New Zealand Prime Minister Christopher Luxon met Thai Prime Minister Paetongtarn Shinawatra. "
            "Luxon proposed that the two countries open a direct air route. "
            "He expressed a wish to soon welcome Paetongtarn on a visit to New Zealand.")
    doc = _english(until, text)
    assert [e.actors for e in _events(doc, "INVITE")] == [["NZ", "TH"]]


def test_talks_keep_their_day_within_a_visit(until) -> None:  # type: ignore[no-untyped-def]
    text = ("BEIJING, April 14 (Xinhua) -- Chinese President Xi Jinping held talks with Brazilian President "
            "Luiz Inacio Lula da Silva in Beijing on Friday. Lula is paying a state visit to China from April 12 to 15. "
            "After the talks, the two presidents witnessed the signing of a joint statement.")
    doc = _english(until, text, published="2023-04-15")
    assert [e.date for e in _events(doc, "MEET")] == ["2023-04-14"]
    assert [e.date for e in _events(doc, "VISIT")] == ["2023-04-12/2023-04-15"]
    assert [e.date for e in _events(doc, "SIGN")] == ["2023-04-14"]  # the day of the talks, not of publication


def test_every_item_of_a_list_after_a_meeting_word_is_met(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Trong chuyến thăm, Thủ tướng Lào Sonexay Siphandone hội đàm với Thủ tướng Phạm Minh Chính, chào xã giao "
            "Tổng Bí thư Tô Lâm, Chủ tịch nước Lương Cường và Chủ tịch Quốc hội Trần Thanh Mẫn.")
    doc = until(text, "events", published="2025-01-07")
    meetings = _events(doc, "MEET")
    assert len(meetings) == 4 and all(set(m.actors) == {"LA", "VN"} for m in meetings)
    assert all(len(set(m.persons) & {"Phạm Minh Chính", "Tô Lâm", "Lương Cường", "Trần Thanh Mẫn"}) == 1 for m in meetings)


def test_english_visits_named_by_their_visitor(until) -> None:  # type: ignore[no-untyped-def]
    text = ("This is the first visit by a Japanese prime minister to Peru since Prime Minister Shinzo Abe's visit "
            "in November 2016. It is also the first visit of Prime Minister Fumio Kishida to Peru after he took "
            "office in October 2021.")
    doc = _english(until, text, published="2024-11-18")
    visits = {(tuple(e.actors), e.date, tuple(e.persons)) for e in _events(doc, "VISIT")}
    assert (("JP", "PE"), "2016-11", ("Shinzo Abe",)) in visits
    assert (("JP", "PE"), "2024-11", ("Fumio Kishida",)) in visits  # not the date he took office


def test_a_planned_visit_may_be_dated_to_a_year(until) -> None:  # type: ignore[no-untyped-def]
    doc = _english(until, "Canadian Prime Minister Mark Carney said Canada plans to send a business delegation to Mexico in 2026.")
    assert [(e.actors, e.date, e.status) for e in _events(doc, "VISIT")] == [(["CA", "MX"], "2026", "planned")]


def test_a_city_named_after_a_comma_still_places_the_talks(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Spanish Foreign Minister Jose Manuel Albares met Moroccan Foreign Minister Nasser Bourita on Thursday. "
            "Following their talks in the Moroccan capital Rabat, Bourita said ties were strong.")
    doc = _english(until, text)
    assert [(e.actors, e.place) for e in _events(doc, "VISIT")] == [(["ES", "MA"], "Rabat")]


def test_a_commitment_to_two_documents_is_two_commitments(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Thai Foreign Minister Maris Sangiampongsa met Cambodian Foreign Minister Prak Sokhonn on June 12. "
            "They committed to effectively implementing the action plan for 2024-2028 and a memorandum of "
            "understanding on cooperation between their coast guards. They also agreed on the Mekong River Commission's "
            "data-sharing measures.")
    doc = _english(until, text)
    commits = _events(doc, "COMMIT")
    assert len(commits) == 3  # one per document, and the measures are not the framework's "cooperation"
    assert all(set(c.actors) == {"TH", "KH"} for c in commits)


def test_a_clause_after_while_has_its_own_meeting(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Indian External Affairs Minister S Jaishankar held talks with Japanese Foreign Minister Yoko Kamikawa, "
            "while Indian Defence Minister Rajnath Singh met Japanese Defence Minister Minoru Kihara.")
    doc = _english(until, text)
    pairs = [set(e.persons) for e in _events(doc, "MEET")]
    assert pairs == [{"S Jaishankar", "Yoko Kamikawa"}, {"Rajnath Singh", "Minoru Kihara"}]


def test_an_anniversary_with_the_year_relations_began(until) -> None:  # type: ignore[no-untyped-def]
    text = "Brazil and China will celebrate the 50th anniversary of diplomatic relations, established in 1974."
    doc = _english(until, text, published="2023-04-15")
    assert [e.date for e in _events(doc, "ESTABLISH_RELATIONS")] == ["1974"]


def test_the_subject_accepting_an_invitation_is_the_guest(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Turkish President Recep Tayyip Erdogan met Egyptian President Abdel Fattah al-Sisi in Ankara. "
            "Sisi accepted an invitation from Erdogan to visit Turkey again.")
    doc = _english(until, text)
    (accept,) = _events(doc, "ACCEPT")
    assert accept.actors == ["EG", "TR"] and "Abdel Fattah al-Sisi" in accept.persons


def test_a_side_saying_it_will_do_something_commits(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Japanese Prime Minister Fumio Kishida held talks with Vietnamese President Vo Van Thuong on June 12. "
            "Kishida said Japan would continue to receive Vietnamese technical interns.")
    doc = _english(until, text)
    assert [(e.actors, e.object) for e in _events(doc, "COMMIT")] == [(["JP", "VN"], "receive Vietnamese technical interns")]


def test_a_visit_planned_for_next_month(until) -> None:  # type: ignore[no-untyped-def]
    doc = _english(until, "Thai Prime Minister Paetongtarn Shinawatra will visit Japan next month.", published="2024-11-28")
    assert [(e.actors, e.date, e.status) for e in _events(doc, "VISIT")] == [(["TH", "JP"], "2024-12", "planned")]


def _evidence_texts(doc, kind):  # type: ignore[no-untyped-def]
    return [doc.text[e.evidence[0]:e.evidence[1]] for e in _events(doc, kind)]


def test_a_proposal_of_several_steps_is_one_proposal_per_step(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Ngày 3/10, Tổng thống Chile Gabriel Boric đề nghị Việt Nam mở Tổng Lãnh sự quán tại Valparaíso; "
            "nối lại đường bay thẳng và cấp thêm học bổng cho sinh viên Chile.")
    doc = until(text, "events")
    assert _summary(doc, "PROPOSE") == [(["CL", "VN"], "2024-10-03")] * 3
    cited = _evidence_texts(doc, "PROPOSE")  # each step cited from the trigger, so the sentence reads whole
    assert [c.endswith(step) and "đề nghị" in c for c, step in zip(cited, ["Valparaíso", "nối lại đường bay thẳng",
                                                                          "cấp thêm học bổng cho sinh viên Chile"])] == [True] * 3
    text = ("Kenyan President William Ruto met Vietnamese President Luong Cuong on October 3. Ruto proposed that "
            "Vietnam open a consulate in Mombasa; resume direct flights; and double scholarships for Kenyan students.")
    doc = _english(until, text, published="2024-10-04")
    assert _summary(doc, "PROPOSE") == [(["KE", "VN"], "2024-10-03")] * 3
    cited = _evidence_texts(doc, "PROPOSE")
    assert [c.endswith(step) and "proposed" in c for c, step in zip(cited, ["Mombasa", "resume direct flights",
                                                                           "double scholarships for Kenyan students"])] == [True] * 3


def test_cooperation_in_listed_fields_is_no_commitment(until) -> None:  # type: ignore[no-untyped-def]
    """FACTS.md: vague cooperation is no event, however many fields it lists; a concrete step beside it is."""
    text = ("Ngày 3/10, Thủ tướng hội đàm với Thủ tướng Ai Cập.\n"
            "Hai bên nhất trí thúc đẩy hợp tác trong nông nghiệp, năng lượng và du lịch, "
            "thành lập nhóm công tác chung về thủy sản.")
    doc = until(text, "events")
    assert [text.endswith("thành lập nhóm công tác chung về thủy sản") for text in _evidence_texts(doc, "COMMIT")] == [True]
    text = ("Egyptian Foreign Minister Badr Abdelatty met Chilean Foreign Minister Alberto van Klaveren on October 3. "
            "The two sides agreed to promote cooperation in agriculture, energy and tourism.")
    assert _events(_english(until, text), "COMMIT") == []


def test_a_commitment_framed_around_its_subject(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Ngày 3/10, Thủ tướng Peru Gustavo Adrianzén tiếp Đại sứ Việt Nam. Ông khẳng định Chính phủ Peru "
            "sẽ tiếp tục ủng hộ Việt Nam ứng cử Hội đồng Nhân quyền Liên hợp quốc.")
    assert _summary(until(text, "events"), "COMMIT") == [(["PE", "VN"], "2024-10-03")]
    text = ("Canadian Prime Minister Mark Carney met Vietnamese Prime Minister Pham Minh Chinh on October 3. Carney "
            "reaffirmed Canada's strong support for Vietnam's candidacy for the UN Human Rights Council.")
    assert _summary(_english(until, text, published="2024-10-04"), "COMMIT") == [(["CA", "VN"], "2024-10-03")]


def test_the_inviter_is_of_the_country_its_title_names(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Nhận lời mời của Phó Chủ tịch thứ Nhất Thượng viện Chile Manuel Ossandón, Phó Chủ tịch Quốc hội "
            "Nguyễn Đức Hải thăm chính thức Chile từ ngày 5 đến 8/10.")
    assert [e.actors for e in _events(until(text, "events"), "ACCEPT")] == [["VN", "CL"]]
    text = ("At the invitation of First Vice President of the Senate of Chile Manuel Ossandón, Vietnamese National "
            "Assembly Vice Chairman Nguyen Duc Hai paid an official visit to Chile from October 5 to 8.")
    assert [e.actors for e in _events(_english(until, text), "ACCEPT")] == [["VN", "CL"]]


def test_today_dates_what_is_agreed(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Thủ tướng Việt Nam Phạm Minh Chính chiều nay điện đàm với Thủ tướng Lào Sonexay Siphandone. "
            "Hai bên nhất trí sớm mở đường bay thẳng giữa Viêng Chăn và Đà Nẵng.")
    assert _summary(until(text, "events", published="2025-08-15"), "COMMIT") == [(["VN", "LA"], "2025-08-15")]
    text = ("Australian Prime Minister Anthony Albanese today held talks with Indonesian President Prabowo Subianto. "
            "The two leaders agreed to open a new consulate in Surabaya.")
    assert _summary(_english(until, text, published="2025-08-15"), "COMMIT") == [(["AU", "ID"], "2025-08-15")]


def test_a_datelines_date_is_not_when_the_talks_were_held(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Vietnam-Germany hold strategic dialogue\nVIETNAM, April 4 - BERLIN — Vietnamese Deputy Foreign Minister "
            "Le Thi Thu Hang and German State Secretary Andreas Michaelis co-chaired the dialogue in Berlin on April 3. "
            "The two sides agreed to set up a working group on vocational training.")
    assert _summary(_english(until, text, published="2023-04-04"), "COMMIT") == [(["VN", "DE"], "2023-04-03")]


def test_a_lead_proposal_is_dated_by_the_body(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Thủ tướng Việt Nam đề nghị Chile sớm mở đường bay thẳng tới Santiago.\n"
            "Ngày 1/9, tại Thiên Tân, Thủ tướng Phạm Minh Chính gặp Tổng thống Chile Gabriel Boric.")
    assert _summary(until(text, "events", published="2025-09-02"), "PROPOSE") == [(["VN", "CL"], "2025-09-01")]
    text = ("Vietnam proposes direct flights to Santiago\nVietnamese Prime Minister Pham Minh Chinh proposed that Chile "
            "open direct flights to Santiago.\nOn September 1, in Tianjin, Chinh met Chilean President Gabriel Boric.")
    assert _summary(_english(until, text, published="2025-09-02"), "PROPOSE") == [(["VN", "CL"], "2025-09-01")]


def test_two_sides_listed_as_one_subject_commit_jointly(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Thủ tướng Malaysia Anwar Ibrahim hội đàm với Tổng thống Indonesia Prabowo Subianto ngày 12/6. "
            "Anwar và Prabowo nhất trí mở cửa khẩu mới tại Kalimantan.")
    assert _summary(until(text, "events"), "COMMIT") == [(["MY", "ID"], "2024-06-12")]
    text = ("Malaysian Prime Minister Anwar Ibrahim met Indonesian President Prabowo Subianto on June 12. "
            "Anwar, Prabowo agree to open a new border crossing in Kalimantan.")
    assert _summary(_english(until, text), "COMMIT") == [(["MY", "ID"], "2024-06-12")]


def test_a_congratulation_opening_the_sentence_is_its_subjects(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Vietnamese President Luong Cuong received Chilean President Gabriel Boric on June 12. Congratulating Chile "
            "on its hosting of APEC, President Luong Cuong praised its economic achievements.")
    assert [e.actors for e in _events(_english(until, text), "CONGRATULATE")] == [["VN", "CL"]]


def test_an_invitation_is_to_visit_or_attend(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chủ tịch nước Lương Cường đón Tổng thống Chile Gabriel Boric ngày 12/6 và mời Tổng thống duyệt đội "
            "danh dự. Tổng thống Boric mời Chủ tịch nước thăm Chile.")
    assert [e.actors for e in _events(until(text, "events"), "INVITE")] == [["CL", "VN"]]
    text = ("Kenyan President William Ruto received Tanzanian President Samia Suluhu Hassan on June 12 and invited her "
            "into his office. Hassan invited Ruto to visit Dodoma.")
    assert [e.actors for e in _events(_english(until, text), "INVITE")] == [["TZ", "KE"]]


def test_a_pair_named_by_short_names_names_no_body(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Ngày 12/6, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản Ishiba Shigeru.\n"
            "Hai bên nhất trí thúc đẩy quan hệ hai nước Nhật - Việt phát triển toàn diện.")
    assert _events(until(text, "events"), "COMMIT") == []


def test_a_dash_joined_pair_before_the_trigger_is_both_sides(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chile - Việt Nam đặt mục tiêu kim ngạch thương mại 5 tỷ USD\n"
            "Ngày 12/6, Thủ tướng Phạm Minh Chính hội đàm với Tổng thống Chile Gabriel Boric.")
    assert [e.actors for e in _events(until(text, "events"), "COMMIT")] == [["VN", "CL"]]


def test_an_agreement_told_again_in_a_relative_clause_is_no_new_step(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Ngày 12/6, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Canada Mark Carney, trên cơ sở những định "
            "hướng mà hai Thủ tướng đã thống nhất tại cuộc gặp ngày 26/10/2025 tại Kuala Lumpur.")
    assert _events(until(text, "events"), "COMMIT") == []
    text = ("Indian Prime Minister Narendra Modi met Chilean President Gabriel Boric on June 12. They reviewed the "
            "measures agreed upon by the two leaders during their summit meeting in New Delhi in 2023.")
    assert _events(_english(until, text), "COMMIT") == []


def test_a_side_that_will_take_a_concrete_step_commits(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Kenyan Foreign Minister Musalia Mudavadi met Chilean Foreign Minister Alberto van Klaveren on June 12. "
            "The two sides will set up a political consultation mechanism between their foreign ministries. "
            "The new agreement will promote trade between the two countries. "
            "Mudavadi hoped that Chile will open an embassy in Nairobi.")
    doc = _english(until, text)
    assert [e.object for e in _events(doc, "COMMIT")] == [
        "set up a political consultation mechanism between their foreign ministries"]
    assert [e.object for e in _events(doc, "PROPOSE")] == ["Chile will open an embassy in Nairobi"]


def test_a_stated_determination_to_a_concrete_step_commits(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chilean President Gabriel Boric met Indian Prime Minister Narendra Modi on June 12. They expressed strong "
            "determination to finalise and sign the Comprehensive Economic Partnership Agreement this year.")
    assert _summary(_english(until, text), "COMMIT") == [(["CL", "IN"], "2024-06-12")]


def test_a_signing_is_a_sign_whether_or_not_the_document_is_named(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Ngày 12/3, Thủ tướng Lào và Thủ tướng Campuchia chứng kiến lễ ký 5 văn kiện hợp tác.", "events",
               published="2025-03-13")
    (sign,) = _events(vi, "SIGN")
    assert (set(sign.actors), sign.date) == ({"LA", "KH"}, "2025-03-12")
    assert "chứng kiến lễ ký 5 văn kiện" in vi.text[sign.evidence[0]:sign.evidence[1]]
    en = until("Chile and Peru inked eleven agreements on Tuesday, March 4.", "events", lang="en", published="2025-03-05")
    assert [(set(e.actors), e.date) for e in _events(en, "SIGN")] == [({"CL", "PE"}, "2025-03-04")]


def test_each_listed_document_signed_is_its_own_sign(until) -> None:  # type: ignore[no-untyped-def]
    en = until("On May 6, the presidents of Kenya and Ghana witnessed the signing of documents on health, "
               "fisheries and customs.", "events", lang="en", published="2025-05-07")
    signs = _events(en, "SIGN")
    assert [e.object for e in signs] == ["health", "fisheries", "customs"]
    assert all(e.date == "2025-05-06" for e in signs)
    vi = until("Ngày 6/5, Tổng thống Kenya và Tổng thống Ghana chứng kiến lễ ký các văn kiện về y tế, thủy sản "
               "và hải quan.", "events", published="2025-05-07")
    assert len(_events(vi, "SIGN")) == 3


def test_an_undated_signed_document_or_an_intention_to_sign_is_no_sign(until) -> None:  # type: ignore[no-untyped-def]
    recalled = until("Hai bên đánh giá cao các văn kiện đã ký giữa Lào và Campuchia.", "events")
    assert _events(recalled, "SIGN") == []
    intended = until("Kenya and Ghana agreed to negotiate and sign an agreement on fisheries.", "events", lang="en")
    assert _events(intended, "SIGN") == []
    dated = until("The treaty between Chile and Peru was signed in May 2019.", "events", lang="en")
    assert _summary(dated, "SIGN") == [(["CL", "PE"], "2019-05")]


def test_two_officials_joined_before_a_meeting_verb_met_each_other(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Tổng thống Chile Gabriel Boric và Tổng thống Peru Dina Boluarte đã gặp tại Lima ngày 7/3.", "events",
               published="2025-03-10")
    assert [(set(e.actors), e.date) for e in _events(vi, "MEET")] == [({"CL", "PE"}, "2025-03-07")]
    en = until("Chilean President Gabriel Boric and Peruvian President Dina Boluarte met in Lima on 7 March 2025.",
               "events", lang="en", published="2025-03-10")
    (meeting,) = _events(en, "MEET")
    assert (set(meeting.actors), meeting.persons) == ({"CL", "PE"}, ["Gabriel Boric", "Dina Boluarte"])


def test_talks_between_two_officials_are_a_meeting_dated_by_their_own_date(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Egyptian Foreign Minister Badr Abdelatty met Kenyan President William Ruto on Monday after the phone "
               "talk between the two sides in September 2021.", "events", lang="en", published="2024-08-27")
    assert sorted(e.date for e in _events(en, "MEET")) == ["2021-09", "2024-08-26"]
    vi = until("Hai bên đánh giá cao kết quả cuộc hội đàm giữa Tổng thống Chile Gabriel Boric và Tổng thống Peru "
               "Dina Boluarte tháng 5/2023.", "events", published="2025-03-10")
    (meeting,) = _events(vi, "MEET")
    assert (set(meeting.actors), meeting.date, meeting.persons) == ({"CL", "PE"}, "2023-05", ["Gabriel Boric", "Dina Boluarte"])


def test_a_numbered_session_is_dated_by_its_year(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Hai bên đánh giá cao kết quả Kỳ họp lần thứ 6 Ủy ban hỗn hợp Chile - Peru năm 2023.", "events",
               published="2025-03-10")
    assert [(set(e.actors), e.date) for e in _events(vi, "MEET")] == [({"CL", "PE"}, "2023")]
    en = until("Chile and Peru reviewed the results of the 6th meeting of the Chile-Peru Joint Committee in 2023.",
               "events", lang="en", published="2025-03-10")
    assert [(set(e.actors), e.date) for e in _events(en, "MEET")] == [({"CL", "PE"}, "2023")]


def test_a_reception_for_a_guest_is_a_meeting(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Peruvian President Dina Boluarte hosted a reception in Lima on March 7 for visiting Chilean Foreign "
               "Minister Alberto van Klaveren.", "events", lang="en", published="2025-03-10")
    assert [(e.actors, e.date) for e in _events(en, "MEET")] == [(["PE", "CL"], "2025-03-07")]
    vi = until("Tối 7/3, Tổng thống Peru Dina Boluarte chiêu đãi Tổng thống Chile Gabriel Boric.", "events",
               published="2025-03-10")
    assert [(e.actors, e.date) for e in _events(vi, "MEET")] == [(["PE", "CL"], "2025-03-07")]


def test_the_visitor_of_a_joined_visit_attends_the_summit(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Chiều 15/4, Tổng thống Chile Gabriel Boric tiếp Thủ tướng Ethiopia Abiy Ahmed Ali đang có chuyến thăm "
               "chính thức Chile và tham dự Hội nghị thượng đỉnh P4G.", "events", published="2025-04-16")
    assert [(e.actors, e.persons) for e in _events(vi, "ATTEND")] == [(["ET"], ["Abiy Ahmed Ali"])]
    en = until("On April 15, Chilean President Gabriel Boric received Ethiopian Prime Minister Abiy Ahmed Ali, who is "
               "paying an official visit to Chile and attending the fourth P4G Summit.", "events", lang="en",
               published="2025-04-16")
    assert [(e.actors, e.persons) for e in _events(en, "ATTEND")] == [(["ET"], ["Abiy Ahmed Ali"])]


def test_a_gathering_is_known_by_its_head_noun_unless_two_countries_name_it(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Thủ tướng Ai Cập Mostafa Madbouly tham dự Diễn đàn Kinh tế Thế giới tại Davos ngày 21/1.", "events",
               published="2025-01-22")
    assert _summary(vi, "ATTEND") == [(["EG"], "2025-01-21")]
    en = until("Egyptian Prime Minister Mostafa Madbouly attended the World Economic Forum in Davos on January 21.",
               "events", lang="en", published="2025-01-22")
    assert _summary(en, "ATTEND") == [(["EG"], "2025-01-21")]
    bilateral = until("Kenyan Trade Minister Lee Kinyanjui attended the Kenya-Ghana Business Forum on May 3.",
                      "events", lang="en", published="2025-05-04")
    assert _events(bilateral, "ATTEND") == []


def test_a_meeting_on_the_sidelines_gives_an_attend_per_side_named_before_it_too(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Chilean President Gabriel Boric met Japanese Prime Minister Shigeru Ishiba on the sidelines of the "
               "G20 Summit in Rio on November 18.", "events", lang="en", published="2024-11-19")
    assert sorted((e.actors[0], tuple(e.persons)) for e in _events(en, "ATTEND")) == [
        ("CL", ("Gabriel Boric",)), ("JP", ("Shigeru Ishiba",))]
    vi = until("Tổng thống Chile Gabriel Boric gặp Thủ tướng Nhật Bản Ishiba Shigeru trong khuôn khổ Hội nghị "
               "Thượng đỉnh G20 ngày 18/11.", "events", published="2024-11-19")
    assert sorted(e.actors[0] for e in _events(vi, "ATTEND")) == ["CL", "JP"]


def test_relations_established_or_upgraded_carry_their_framework(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Ngày 5/3, Chile và Peru chính thức nâng cấp quan hệ lên Đối tác Chiến lược Toàn diện.", "events",
               published="2025-03-06")
    (upgrade,) = _events(vi, "ESTABLISH_RELATIONS")
    assert (set(upgrade.actors), upgrade.date, upgrade.framework) == (
        {"CL", "PE"}, "2025-03-05", "comprehensive_strategic_partnership")
    en = until("On March 5, Chile and Peru elevated their bilateral ties to a Strategic Partnership.", "events",
               lang="en", published="2025-03-06")
    (upgrade,) = _events(en, "ESTABLISH_RELATIONS")
    assert (upgrade.date, upgrade.framework) == ("2025-03-05", "strategic_partnership")
    assert _events(until("Chile and Peru established a joint committee on fisheries.", "events", lang="en"),
                   "ESTABLISH_RELATIONS") == []


def test_passive_and_nominal_establishments_are_dated_by_their_own_words(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Quan hệ ngoại giao giữa Chile và Peru đã được thiết lập từ 72 năm qua.", "events", published="2022-06-24")
    assert [(e.date, e.framework) for e in _events(vi, "ESTABLISH_RELATIONS")] == [("1950", "diplomatic_relations")]
    vi_ago = until("Quan hệ giữa Chile và Peru đã được nâng cấp thành Đối tác toàn diện cách đây 4 năm.", "events",
                   published="2022-06-24")
    assert [(e.date, e.framework) for e in _events(vi_ago, "ESTABLISH_RELATIONS")] == [("2018", "comprehensive_partnership")]
    en = until("Japan and Korea honoured the spirit of the 1965 normalization of relations.", "events", lang="en",
               published="2025-06-22")
    assert _summary(en, "ESTABLISH_RELATIONS") == [(["JP", "KR"], "1965")]
    since = until("Since Chile and Peru upgraded relations to a comprehensive partnership, trade has doubled.", "events",
                  lang="en", published="2025-06-22")
    assert [(e.date, e.status) for e in _events(since, "ESTABLISH_RELATIONS")] == [(None, "reported")]


def test_a_founding_anniversary_names_the_pair_before_its_relations(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Chile and Peru will celebrate the 45th founding anniversary of Chile-Peru diplomatic ties in 2024.",
               "events", lang="en", published="2023-11-10")
    assert [(e.date, e.framework) for e in _events(en, "ESTABLISH_RELATIONS")] == [("1979", "diplomatic_relations")]


def test_a_first_visit_since_a_year_recalls_a_visit_then(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Đây là chuyến thăm đầu tiên của một Tổng thống Chile tới Peru kể từ năm 1999.", "events",
               published="2023-08-07")
    assert sorted(e.date for e in _events(vi, "VISIT")) == ["1999", "2023-08"]
    en = until("This was Kenya's highest-ranking visit to Ghana since 2005.", "events", lang="en", published="2024-08-27")
    assert [(e.actors, e.date, e.status) for e in _events(en, "VISIT") if e.date == "2005"] == [
        (["KE", "GH"], "2005", "reported")]


def test_bilateral_activities_in_a_country_are_a_visit_to_it(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Từ ngày 20-27/9, Bộ trưởng Ngoại giao Chile Alberto van Klaveren dự Tuần lễ cấp cao Đại hội đồng "
               "Liên hợp quốc, kết hợp hoạt động song phương tại Hoa Kỳ.", "events", published="2023-09-28")
    assert _summary(vi, "VISIT") == [(["CL", "US"], "2023-09-20/2023-09-27")]
    en = until("Chilean Foreign Minister Alberto van Klaveren attended the UN General Assembly from September 20 to 27, "
               "combined with bilateral activities in the United States.", "events", lang="en", published="2023-09-28")
    assert [e.actors for e in _events(en, "VISIT")] == [["CL", "US"]]


def test_talks_in_a_city_named_before_them_are_a_visit_there(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Ngày 31/10, tại Doha, Tổng thống Chile Gabriel Boric hội kiến Quốc vương Qatar Tamim bin Hamad Al Thani.",
               "events", published="2024-11-01")
    assert _summary(vi, "VISIT") == [(["CL", "QA"], "2024-10-31")]
    en = until("On October 31, in Doha, Chilean President Gabriel Boric met Qatari Emir Tamim bin Hamad Al Thani.",
               "events", lang="en", published="2024-11-01")
    assert _summary(en, "VISIT") == [(["CL", "QA"], "2024-10-31")]


def test_a_visit_named_in_an_invitation_is_not_made(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Tổng thống Chile Gabriel Boric chuyển lời mời sớm thăm Chile tới Tổng thống Peru Dina Boluarte.", "events")
    assert _events(vi, "VISIT") == []
    en = until("Chilean President Gabriel Boric conveyed an invitation to visit Chile to Peruvian President Dina Boluarte.",
               "events", lang="en")
    assert _events(en, "VISIT") == []


def test_presenting_credentials_is_a_meeting(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Ngày 20/11, Đại sứ Chile Juan Perez đã trình Quốc thư lên Tổng thống Peru Dina Boluarte.", "events",
               published="2025-11-21")
    assert [(e.actors, e.date) for e in _events(vi, "MEET")] == [(["CL", "PE"], "2025-11-20")]
    en = until("On November 20, Chilean Ambassador Juan Perez presented his credentials to Peruvian President "
               "Dina Boluarte.", "events", lang="en", published="2025-11-21")
    assert [(e.actors, e.date) for e in _events(en, "MEET")] == [(["CL", "PE"], "2025-11-20")]
    received = until("Ngày 20/11, Tổng thống Peru Dina Boluarte nhận Quốc thư của Đại sứ Chile Juan Perez.", "events",
                     published="2025-11-21")
    assert [(e.actors, e.persons) for e in _events(received, "MEET")] == [(["PE", "CL"], ["Dina Boluarte", "Juan Perez"])]
    received_en = until("On November 20, Peruvian President Dina Boluarte received the credentials of newly appointed "
                        "Chilean Ambassador Juan Perez.", "events", lang="en", published="2025-11-21")
    assert [e.actors for e in _events(received_en, "MEET")] == [["PE", "CL"]]


def test_their_meeting_in_a_city_is_a_meeting_and_the_guest_visit(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Peruvian Foreign Minister Elmer Schialer told Chilean Foreign Minister Alberto van Klaveren that Peru "
               "valued ties during their meeting in Lima on Tuesday.", "events", lang="en", published="2025-11-26")
    assert [(set(e.actors), e.date) for e in _events(en, "MEET")] == [({"PE", "CL"}, "2025-11-25")]
    assert [e.actors for e in _events(en, "VISIT")] == [["CL", "PE"]]


def test_each_framework_joined_with_its_own_date_is_its_own_establishment(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Chile và Peru thiết lập quan hệ ngoại giao vào ngày 29/2/1992 và quan hệ Đối tác toàn diện từ tháng 3/2019.",
               "events", published="2025-11-27")
    assert [(e.date, e.framework) for e in _events(vi, "ESTABLISH_RELATIONS")] == [
        ("1992-02-29", "diplomatic_relations"), ("2019-03", "comprehensive_partnership")]
    en = until("Chile and Peru established diplomatic relations on February 29, 1992 and a comprehensive partnership "
               "in March 2019.", "events", lang="en", published="2025-11-27")
    assert [(e.date, e.framework) for e in _events(en, "ESTABLISH_RELATIONS")] == [
        ("1992-02-29", "diplomatic_relations"), ("2019-03", "comprehensive_partnership")]


def test_a_date_after_a_second_establishing_verb_is_the_second_ones(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Sau hơn 20 năm Chile và Peru bình thường hóa quan hệ, hợp tác ngày càng thực chất, nhất là từ khi hai "
               "nước xác lập khuôn khổ quan hệ Đối tác toàn diện (tháng 7/2013).", "events", published="2017-11-10")
    assert sorted(((e.date or ""), e.framework) for e in _events(vi, "ESTABLISH_RELATIONS")) == [
        ("", "diplomatic_relations"), ("2013-07", "comprehensive_partnership")]


def test_an_anniversary_written_as_two_days_dates_the_first(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Chuyến thăm diễn ra vào dịp kỷ niệm 50 năm thiết lập quan hệ ngoại giao Chile-Peru (4/8/1973 – 4/8/2023).",
               "events", published="2023-08-07")
    assert _summary(vi, "ESTABLISH_RELATIONS") == [(["CL", "PE"], "1973-08-04")]


def test_one_upgrade_told_at_two_precisions_is_one(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chile - Peru nâng cấp quan hệ lên Đối tác Chiến lược Toàn diện\n"
            "Ngày 29/10, hai lãnh đạo ra Tuyên bố chung về nâng cấp quan hệ Chile - Peru lên Đối tác Chiến lược Toàn diện.")
    doc = until(text, "events", published="2025-10-30")
    assert _summary(doc, "ESTABLISH_RELATIONS") == [(["CL", "PE"], "2025-10-29")]


def test_a_partnership_reached_undated_is_dated_by_the_article_and_since_by_its_year(until) -> None:  # type: ignore[no-untyped-def]
    en = until("On Tuesday, May 6, the presidents of Chile and Peru witnessed the establishment of the Chile-Peru "
               "Strategic Partnership.", "events", lang="en", published="2025-05-07")
    assert [(e.date, e.framework) for e in _events(en, "ESTABLISH_RELATIONS")] == [("2025-05-06", "strategic_partnership")]
    since = until("Trade grew, particularly since 2013 when Chile and Peru upgraded ties to a strategic partnership.",
                  "events", lang="en", published="2025-05-07")
    assert _summary(since, "ESTABLISH_RELATIONS") == [(["CL", "PE"], "2013")]
    vi = until("Ngày 6/5, Chile và Peru thiết lập quan hệ Đối tác Chiến lược.", "events", published="2025-05-07")
    assert _summary(vi, "ESTABLISH_RELATIONS") == [(["CL", "PE"], "2025-05-06")]


def test_each_official_listed_after_a_meeting_verb_is_a_meeting(until) -> None:  # type: ignore[no-untyped-def]
    en = until("On March 8, Chilean President Gabriel Boric met the Prime Minister of Laos and the Deputy Prime "
               "Minister of Thailand.", "events", lang="en", published="2025-03-10")
    assert sorted(e.actors[1] for e in _events(en, "MEET")) == ["LA", "TH"]
    apposed = until("On March 8, Chilean President Gabriel Boric received Special Envoy, Peruvian Foreign Minister "
                    "Elmer Schialer.", "events", lang="en", published="2025-03-10")
    assert [(e.actors, e.persons) for e in _events(apposed, "MEET")] == [(["CL", "PE"], ["Gabriel Boric", "Elmer Schialer"])]


def test_a_welcome_ceremony_is_the_welcomed_guests_visit(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Sáng 3/3, Tổng thống Peru Dina Boluarte chủ trì lễ đón chính thức Tổng thống Chile Gabriel Boric.",
               "events", published="2025-03-04")
    assert _summary(vi, "VISIT") == [(["CL", "PE"], "2025-03-03")]
    en = until("On March 3, Peruvian President Dina Boluarte hosted the official welcome ceremony for Chilean "
               "President Gabriel Boric.", "events", lang="en", published="2025-03-04")
    assert _summary(en, "VISIT") == [(["CL", "PE"], "2025-03-03")]
    assert _events(until("Sau lễ đón, Tổng thống Peru Dina Boluarte hội đàm với Tổng thống Chile Gabriel Boric.",
                         "events", published="2025-03-04"), "VISIT") == []


def test_a_call_held_between_two_officials_is_one_meeting(until) -> None:  # type: ignore[no-untyped-def]
    en = until("On March 8, a telephone conversation was held between Chilean Foreign Minister Alberto van Klaveren "
               "and Peruvian Foreign Minister Elmer Schialer.", "events", lang="en", published="2025-03-10")
    assert [(set(e.actors), e.persons) for e in _events(en, "MEET")] == [
        ({"CL", "PE"}, ["Alberto van Klaveren", "Elmer Schialer"])]
    vi = until("Ngày 8/3, cuộc điện đàm diễn ra giữa Bộ trưởng Ngoại giao Chile Alberto van Klaveren và Bộ trưởng "
               "Ngoại giao Peru Elmer Schialer.", "events", published="2025-03-10")
    assert [set(e.actors) for e in _events(vi, "MEET")] == [{"CL", "PE"}]


def test_a_countrys_own_mission_abroad_is_no_side_met_or_visited(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Ngày 30/9, Tổng thống Chile Gabriel Boric thăm Đại sứ quán Chile tại Peru và gặp gỡ cán bộ, nhân viên "
               "Đại sứ quán Chile.", "events", published="2025-10-01")
    assert _events(vi, "VISIT") == [] and _events(vi, "MEET") == []
    en = until("Peru and Chile held talks. On September 30, President Gabriel Boric visited the Embassy of Chile.",
               "events", lang="en", published="2025-10-01")
    assert _events(en, "VISIT") == []


def test_where_and_when_a_step_was_agreed_do_not_make_it_concrete(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Kenya. "
            "Hai bên nhất trí các biện pháp tăng cường hợp tác trong cuộc hội đàm tại Hà Nội ngày 3/12.")
    assert _events(until(text, "events"), "COMMIT") == []
    text = ("Vietnamese Deputy Prime Minister Pham Binh Minh and Kenyan Cabinet Secretary Monica Juma agreed on "
            "specific measures to enhance cooperation during their talks in Hanoi on December 3.")
    assert _events(_english(until, text), "COMMIT") == []
    text = "The two sides agreed to hold the third Joint Commission meeting in Nairobi in March 2025."
    assert len(_events(_english(until, "Vietnamese President Luong Cuong met Kenyan President William Ruto. " + text),
                       "COMMIT")) == 1


def test_a_planned_visits_day_is_not_when_things_were_agreed(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Tổng thống Chile Gabriel Boric sẽ thăm cấp Nhà nước Việt Nam từ ngày 30/11-2/12.\n"
            "Hai bên đã nhất trí sớm mở đường bay thẳng giữa hai nước.")
    assert _summary(until(text, "events", published="2025-11-27"), "COMMIT") == [(["VN", "CL"], "2025-11")]
    text = ("Chilean President Gabriel Boric will pay a state visit to Vietnam from December 2 to 4.\n"
            "Vietnam and Chile have agreed to open direct flights soon.")
    assert _summary(_english(until, text, published="2025-11-27"), "COMMIT") == [(["VN", "CL"], "2025-11")]


def test_a_joint_step_stated_twice_is_one_commit_in_the_order_first_listed(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chile, Peru agree to open a new border crossing at Tacna\n"
            "Peru and Chile have agreed to open a new border crossing at Tacna, the two trade ministers said.")
    (commit,) = _events(_english(until, text), "COMMIT")
    assert commit.actors == ["CL", "PE"]
    text = "Peru and Chile have agreed to open a new border crossing at Tacna."
    assert [e.actors for e in _events(_english(until, text), "COMMIT")] == [["PE", "CL"]]  # "and" does not make Chile an object
    text = ("Lào, Campuchia nhất trí mở cửa khẩu mới tại Stung Treng\n"
            "Campuchia và Lào đã nhất trí mở cửa khẩu mới tại Stung Treng.")
    assert [e.actors for e in _events(until(text, "events"), "COMMIT")] == [["LA", "KH"]]


def test_a_future_said_of_a_thing_is_no_commitment(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Brazilian President Lula met Chilean President Boric on June 12. He said the visit of Lula to Chile "
            "in June would provide a further boost to the Mercosur talks. Brazil would provide a credit line to Chile.")
    assert [e.object for e in _events(_english(until, text), "COMMIT")] == ["a credit line to Chile"]
    text = ("Ngày 12/6, Tổng thống Brazil Lula hội đàm với Tổng thống Chile Boric. Ông cho biết chuyến thăm tới Chile "
            "sẽ cung cấp thêm động lực cho đàm phán Mercosur. Brazil sẽ cung cấp khoản tín dụng cho Chile.")
    assert [e.object for e in _events(until(text, "events"), "COMMIT")] == ["khoản tín dụng cho Chile"]


def test_a_datelines_day_gives_way_to_the_day_the_sentence_states(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Lima [Peru], April 4 (ANI): Chilean Foreign Minister Alberto van Klaveren held talks with Peruvian "
               "Foreign Minister Ana Gervasi in Lima on April 3.", "events", lang="en", published="2025-04-04")
    assert _summary(en, "MEET") == [(["CL", "PE"], "2025-04-03")]
    vi = until("LIMA, ngày 4/4 - Bộ trưởng Ngoại giao Chile Alberto van Klaveren hội đàm với Bộ trưởng Ngoại giao Peru "
               "Ana Gervasi tại Lima ngày 3/4.", "events", published="2025-04-04")
    assert _summary(vi, "MEET") == [(["CL", "PE"], "2025-04-03")]
    undated = until("Lima, April 4 (ANI): Chilean Foreign Minister Alberto van Klaveren held talks with Peruvian "
                    "Foreign Minister Ana Gervasi.", "events", lang="en", published="2025-04-04")
    assert _summary(undated, "MEET") == [(["CL", "PE"], "2025-04-04")]


def test_a_signing_with_other_countries_is_no_sign_between_the_two(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Ngày 5/3, Chile và Peru hội đàm; Peru đã ký kết nhiều hiệp định thương mại tự do với các nước trong khu vực.",
               "events", published="2025-03-06")
    assert _events(vi, "SIGN") == []
    en = until("On March 5, Chile and Peru held talks; Peru has signed free trade agreements with many countries.",
               "events", lang="en", published="2025-03-06")
    assert _events(en, "SIGN") == []


def test_a_meeting_where_a_request_was_made_is_no_request(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Chilean President Gabriel Boric called for early talks on a trade deal at a reception in Santiago on "
               "August 26 for Peruvian Foreign Minister Elmer Schialer.", "events", lang="en", published="2024-08-27")
    assert _summary(en, "MEET") == [(["CL", "PE"], "2024-08-26")]
    vi = until("Tổng thống Chile Gabriel Boric đề nghị sớm đàm phán hiệp định thương mại tại buổi tiếp Bộ trưởng Ngoại "
               "giao Peru Elmer Schialer ngày 26/8.", "events", published="2024-08-27")
    assert _summary(vi, "MEET") == [(["CL", "PE"], "2024-08-26")]
    asked = until("Tổng thống Chile Gabriel Boric mời Tổng thống Peru Dina Boluarte thăm Chile.", "events")
    assert _events(asked, "VISIT") == []


def test_a_year_fronted_in_the_clause_dates_an_upgrade(until) -> None:  # type: ignore[no-untyped-def]
    en = until("In 2009, Chile and Peru upgraded ties to a strategic cooperative partnership.", "events", lang="en",
               published="2025-01-10")
    assert [(e.date, e.framework) for e in _events(en, "ESTABLISH_RELATIONS")] == [("2009", "strategic_partnership")]
    vi = until("Năm 2009, Chile và Peru nâng cấp quan hệ lên Đối tác hợp tác chiến lược.", "events", published="2025-01-10")
    assert [(e.date, e.framework) for e in _events(vi, "ESTABLISH_RELATIONS")] == [("2009", "strategic_partnership")]


def test_an_anniversary_of_the_day_relations_were_established(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Hai nước sẽ ký Hiệp định FTA Chile - Peru ngay trong năm 2023 nhân kỷ niệm 30 năm ngày hai nước thiết "
               "lập quan hệ ngoại giao.", "events", published="2023-03-01")
    assert _summary(vi, "ESTABLISH_RELATIONS") == [(["CL", "PE"], "1993")]


def test_an_upgrade_told_before_any_day_takes_its_visits_days(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Chile và Peru chính thức nâng cấp quan hệ lên Đối tác chiến lược toàn diện\n"
               "Tổng thống Chile Gabriel Boric thăm chính thức Peru từ ngày 7-9/3.", "events", published="2024-03")
    assert _summary(vi, "ESTABLISH_RELATIONS") == [(["CL", "PE"], "2024-03-07/2024-03-09")]
    en = until("Chile and Peru elevate ties to a comprehensive strategic partnership\n"
               "Chilean President Gabriel Boric paid an official visit to Peru from March 7 to 9.", "events",
               lang="en", published="2024-03")
    assert _summary(en, "ESTABLISH_RELATIONS") == [(["CL", "PE"], "2024-03-07/2024-03-09")]


def test_a_numbered_sessions_date_after_its_long_name(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Hai bên đánh giá cao kết quả Kỳ họp lần III Ủy ban hỗn hợp về Hợp tác kinh tế, thương mại và đầu tư "
               "Chile – Peru (được tổ chức tháng 9/2021).", "events", published="2024-05-10")
    assert _summary(vi, "MEET") == [(["CL", "PE"], "2021-09")]
    en = until("Chile and Peru reviewed the results of the 3rd meeting of the Chile-Peru Joint Committee on Economic, "
               "Trade, Investment, Science and Technology Cooperation, held in Lima in September 2021.", "events",
               lang="en", published="2024-05-10")
    assert _summary(en, "MEET") == [(["CL", "PE"], "2021-09")]


def test_a_wish_to_upgrade_relations_is_no_upgrade(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Chile and Peru expressed determination to bolster cooperation and elevate the bilateral relations.",
               "events", lang="en", published="2024-08-27")
    assert _events(en, "ESTABLISH_RELATIONS") == []
    vi = until("Chile và Peru mong muốn sớm nâng cấp quan hệ lên Đối tác chiến lược.", "events", published="2024-08-27")
    assert _events(vi, "ESTABLISH_RELATIONS") == []
    agreed = until("Chile và Peru đã nhất trí nâng cấp quan hệ lên Đối tác chiến lược.", "events", published="2024-08-27")
    assert [e.framework for e in _events(agreed, "ESTABLISH_RELATIONS")] == ["strategic_partnership"]


def test_an_anniversary_still_ahead_counts_from_next_year(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Hai bên nhất trí tổ chức các hoạt động hướng tới kỷ niệm 35 năm thiết lập quan hệ ngoại giao Chile - Peru.",
               "events", published="2024-05-01")
    assert _summary(vi, "ESTABLISH_RELATIONS") == [(["CL", "PE"], "1990")]
    en = until("Chile and Peru agreed to organise activities heading towards the 35th anniversary of diplomatic relations.",
               "events", lang="en", published="2024-05-01")
    assert _summary(en, "ESTABLISH_RELATIONS") == [(["CL", "PE"], "1990")]
    now = until("Chile and Peru celebrated the 35th anniversary of diplomatic relations.", "events", lang="en",
                published="2024-05-01")
    assert _summary(now, "ESTABLISH_RELATIONS") == [(["CL", "PE"], "1989")]


def test_an_agreement_signed_is_its_signings_object_however_long_its_name(until) -> None:  # type: ignore[no-untyped-def]
    en = until("The presidents of Chile and Peru signed the Chile-Peru Comprehensive Economic Partnership Agreement.",
               "events", lang="en", published=None)
    assert _summary(en, "SIGN") == [(["CL", "PE"], None)]
    vi = until("Tổng thống Chile và Tổng thống Peru đã ký Hiệp định Đối tác Kinh tế Toàn diện giữa Cộng hòa Chile và "
               "Cộng hòa Peru.", "events", published=None)
    assert _summary(vi, "SIGN") == [(["CL", "PE"], None)]


def test_a_wish_to_sign_is_no_signing(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Chile and Peru expressed determination to bolster cooperation and elevate relations by finalising "
               "and signing the trade agreement.", "events", lang="en", published="2025-03-06")
    assert _events(en, "SIGN") == [] and _events(en, "ESTABLISH_RELATIONS") == []
    vi = until("Chile và Peru bày tỏ quyết tâm thúc đẩy hợp tác, sớm hoàn tất và ký kết hiệp định thương mại.", "events",
               published="2025-03-06")
    assert _events(vi, "SIGN") == []


def test_a_bare_title_in_english_is_the_press_own_side(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Kenyan President William Ruto received the Vietnamese Prime Minister in Nairobi on June 12. "
            "Congratulating Kenya on its hosting of the Africa Climate Summit, the PM proposed that Kenya open an "
            "embassy in Hanoi.")
    doc = _english(until, text)
    assert [e.actors for e in _events(doc, "CONGRATULATE")] == [["VN", "KE"]]
    assert [e.actors for e in _events(doc, "PROPOSE")] == [["VN", "KE"]]


def test_english_commitments_stated_as_concurring_intending_or_setting_a_goal(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on June 12. "
            "Both sides concurred to open a new border crossing at Tacna. Chile intends to open a consulate in Arequipa. "
            "The two leaders set a target of $5 billion in bilateral trade by 2030. "
            "They expressed their intention to restart the Andean Community talks.")
    objects = [e.object for e in _events(_english(until, text), "COMMIT")]
    assert objects == ["open a new border crossing at Tacna", "open a consulate in Arequipa",
                       "$5 billion in bilateral trade by 2030", "restart the Andean Community talks"]
    text = ("Ngày 12/6, Tổng thống Chile Gabriel Boric hội đàm với Tổng thống Peru Dina Boluarte tại Lima. "
            "Hai bên đặt mục tiêu kim ngạch thương mại 5 tỷ USD vào năm 2030.")
    assert [e.actors for e in _events(until(text, "events"), "COMMIT")] == [["CL", "PE"]]


def test_a_clause_saying_who_told_a_step_is_not_the_step(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on June 12. "
            "\"I reaffirmed our commitment to further strengthen our strategic relations in all areas,\" the Chilean "
            "president said on X. Chile and Peru agreed to raise bilateral trade to $5 billion by 2030, the EFE news "
            "agency reported.")
    doc = _english(until, text)
    (commit,) = _events(doc, "COMMIT")  # "X" named in the attribution makes the first step no more concrete
    assert doc.text[commit.evidence[0]:commit.evidence[1]] == "Chile and Peru agreed to raise bilateral trade to $5 billion by 2030"
    text = ("Ngày 12/6, Tổng thống Chile Gabriel Boric hội đàm với Tổng thống Peru Dina Boluarte tại Lima. "
            "Hai bên nhất trí tăng cường hợp tác trong mọi lĩnh vực, Đại sứ Jorge Montero cho biết.")
    assert _events(until(text, "events"), "COMMIT") == []


def test_an_agreement_a_proposal_states_as_its_step_is_that_proposal(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on June 12. "
            "Boric urged early conclusion of Chile-Peru CEPA negotiations.")
    assert [e.object for e in _events(_english(until, text), "PROPOSE")] == ["early conclusion of Chile-Peru CEPA negotiations"]
    text = ("Ngày 12/6, Tổng thống Chile Gabriel Boric hội đàm với Tổng thống Peru Dina Boluarte tại Lima. "
            "Tổng thống Boric đề nghị Peru hỗ trợ thúc đẩy khởi động đàm phán FTA Chile - Mercosur.")
    assert len(_events(until(text, "events"), "PROPOSE")) == 1


def test_a_participle_after_a_comma_has_the_main_clauses_subject(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chilean President Gabriel Boric sent a cable on June 12 to the Peruvian President Dina Boluarte, "
            "congratulating her on her election.")
    assert [e.actors for e in _events(_english(until, text), "CONGRATULATE")] == [["CL", "PE"]]


def test_a_step_told_as_proposed_or_commitments_told_of_are_no_new_act(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on June 12. "
            "The two leaders discussed the proposed Chile-Peru railway project.")
    assert _events(_english(until, text), "PROPOSE") == []
    text = ("Ngày 12/6, Tổng thống Chile Gabriel Boric hội đàm với Tổng thống Peru Dina Boluarte tại Lima. "
            "Hai Tổng thống thảo luận những cam kết về dự án đường sắt Chile - Peru.")
    assert _events(until(text, "events"), "COMMIT") == []


def test_a_step_stated_as_sending_a_delegation_or_holding_a_session_is_concrete(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Ngày 12/6, Bộ trưởng Ngoại giao Chile hội đàm với Bộ trưởng Ngoại giao Peru tại Lima. "
            "Hai bên nhất trí sớm tổ chức phiên họp thường niên và cử đoàn khảo sát thị trường.")
    assert [e.object for e in _events(until(text, "events"), "COMMIT")] == ["sớm tổ chức phiên họp thường niên",
                                                                          "cử đoàn khảo sát thị trường"]
    text = ("Chilean Foreign Minister Alberto van Klaveren met his Peruvian counterpart in Lima on June 12. "
            "The two ministers agreed to hold the next annual session soon and send trade missions.")
    # sending is a deed whatever is sent: two steps, as in Vietnamese
    assert [e.object for e in _events(_english(until, text), "COMMIT")] == ["hold the next annual session soon",
                                                                          "send trade missions"]


def test_a_quote_is_its_speakers_named_after_it(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on June 12.\n"
            "“We have set a target of $5 billion in bilateral trade by 2030. Our ministers will meet again soon,” "
            "Peruvian President Dina Boluarte said.")
    assert [e.actors for e in _events(_english(until, text), "COMMIT")] == [["PE", "CL"]]
    text = ("Ngày 12/6, Tổng thống Chile Gabriel Boric hội đàm với Tổng thống Peru Dina Boluarte tại Lima.\n"
            "“Chúng tôi đặt mục tiêu kim ngạch thương mại 5 tỷ USD vào năm 2030. Các bộ trưởng sẽ sớm gặp lại”, "
            "Tổng thống Peru Dina Boluarte cho biết.")
    assert [e.actors for e in _events(until(text, "events"), "COMMIT")] == [["PE", "CL"]]


def test_a_goal_set_in_a_headline_without_its_article(until) -> None:  # type: ignore[no-untyped-def]
    text = "Chile, Peru set goal of $5 billion in bilateral trade by 2030"
    assert [e.actors for e in _events(_english(until, text), "COMMIT")] == [["CL", "PE"]]


def test_a_speaker_naming_their_own_country_promises(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on June 12. "
            "Boric said that his country will actively work to open a consulate in Arequipa.")
    assert [e.actors for e in _events(_english(until, text), "COMMIT")] == [["CL", "PE"]]
    text = ("Ngày 12/6, Tổng thống Chile Gabriel Boric hội đàm với Tổng thống Peru Dina Boluarte tại Lima. "
            "“Chúng tôi sẽ cung cấp khoản tín dụng 1 tỷ USD cho Peru”, Tổng thống Chile Gabriel Boric cho biết.")
    assert [e.actors for e in _events(until(text, "events"), "COMMIT")] == [["CL", "PE"]]


def test_a_span_of_time_is_no_amount(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on June 12. "
            "The leaders agreed to keep building on the trust developed over the past 50 years. "
            "They agreed to double the trade volume to 8 billion USD within 3 years.")
    assert [e.object for e in _events(_english(until, text), "COMMIT")] == ["double the trade volume to 8 billion USD within 3 years"]
    text = ("Ngày 12/6, Tổng thống Chile Gabriel Boric hội đàm với Tổng thống Peru Dina Boluarte tại Lima. "
            "Hai bên nhất trí tiếp tục phát huy tình hữu nghị suốt 50 năm qua.")
    assert _events(until(text, "events"), "COMMIT") == []


def test_agreeing_on_the_need_is_an_opinion_not_a_step(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on June 12. "
            "They agreed on the need for early reforms of the UN Security Council. "
            "The leaders agreed that it was important to uphold the Lima Group.")
    assert _events(_english(until, text), "COMMIT") == []
    text = ("Ngày 12/6, Tổng thống Chile Gabriel Boric hội đàm với Tổng thống Peru Dina Boluarte tại Lima. "
            "Hai bên nhất trí về sự cần thiết sớm cải tổ Hội đồng Bảo an Liên hợp quốc.")
    assert _events(until(text, "events"), "COMMIT") == []


def test_thanks_for_a_congratulation_is_not_one(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chilean President Gabriel Boric congratulated Peruvian President Dina Boluarte on June 12 on her election. "
            "Boluarte thanked Boric for congratulating her.")
    assert [e.actors for e in _events(_english(until, text), "CONGRATULATE")] == [["CL", "PE"]]
    text = ("Ngày 12/6, Tổng thống Chile Gabriel Boric chúc mừng Tổng thống Peru Dina Boluarte đắc cử. "
            "Tổng thống Peru Dina Boluarte cảm ơn những lời chúc mừng của Tổng thống Chile Gabriel Boric.")
    assert [e.actors for e in _events(until(text, "events"), "CONGRATULATE")] == [["CL", "PE"]]


def test_a_request_in_the_passive_asks_its_subject(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on June 12. "
            "Peru urged to open an embassy in Santiago.")
    assert [e.actors for e in _events(_english(until, text), "PROPOSE")] == [["CL", "PE"]]
    text = ("Ngày 12/6, Tổng thống Chile Gabriel Boric hội đàm với Tổng thống Peru Dina Boluarte tại Lima. "
            "Peru được đề nghị mở đại sứ quán tại Santiago.")
    assert [e.actors for e in _events(until(text, "events"), "PROPOSE")] == [["CL", "PE"]]


def test_a_joint_step_giving_to_one_side_is_the_others(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on June 12. "
            "The two sides agreed to provide a credit line of $1 billion to Chile.")
    assert [e.actors for e in _events(_english(until, text), "COMMIT")] == [["PE", "CL"]]
    text = ("Ngày 12/6, Tổng thống Chile Gabriel Boric hội đàm với Tổng thống Peru Dina Boluarte tại Lima. "
            "Hai bên nhất trí cung cấp khoản tín dụng 1 tỷ USD cho Chile.")
    assert [e.actors for e in _events(until(text, "events"), "COMMIT")] == [["PE", "CL"]]


def test_a_step_that_only_intensifies_cooperation_is_vague_whoever_it_is_with(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Ngày 3/10, Tổng thống Chile Gabriel Boric hội đàm với Tổng thống Kenya William Ruto. Hai bên nhất trí "
               "thúc đẩy hợp tác với ASEAN và Liên minh châu Phi.", "events")
    assert _events(vi, "COMMIT") == []
    en = _english(until, "Chilean President Gabriel Boric met Kenyan President William Ruto on June 12. The two sides "
                         "agreed to promote cooperation with ASEAN and the African Union.")
    assert _events(en, "COMMIT") == []
    amount = _english(until, "Chilean President Gabriel Boric met Kenyan President William Ruto on June 12. They agreed "
                             "to boost cooperation to bring trade to $2 billion by 2030.")
    assert len(_events(amount, "COMMIT")) == 1  # an amount still makes the step concrete


def test_support_exchanged_as_a_habit_is_no_commitment(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Ngày 3/10, Thủ tướng Chile hội đàm với Thủ tướng Kenya. Trên các diễn đàn đa phương, hai nước thường "
            "xuyên trao đổi ủng hộ các ứng cử viên của nhau. Kenya ủng hộ Chile ứng cử vào Hội đồng Nhân quyền.")
    assert [e.actors for e in _events(until(text, "events"), "COMMIT")] == [["KE", "CL"]]


def test_a_proposal_whose_step_is_an_agreement_is_named_as_the_agreement(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Ngày 3/10, Tổng thống Chile Gabriel Boric hội đàm với Tổng thống Kenya William Ruto. "
            "Tổng thống Ruto đề nghị hai bên sớm ký Hiệp định miễn thị thực cho công dân hai nước.")
    doc = until(text, "events")
    (proposal,) = _events(doc, "PROPOSE")
    (agreement,) = doc.layer("facts.agreements")
    assert (proposal.actors, proposal.object) == (["KE", "CL"], agreement.scope)


def test_a_numbered_or_held_session_of_a_dialogue_body_is_a_meeting(until) -> None:  # type: ignore[no-untyped-def]
    vi = until("Cuộc Tham khảo chính trị lần thứ 5 giữa Chile và Peru đã diễn ra ngày 3/3 tại Lima.", "events",
               published="2025-03-04")
    assert [(set(e.actors), e.date) for e in _events(vi, "MEET")] == [({"CL", "PE"}, "2025-03-03")]
    mechanism = until("Hai bên nhất trí duy trì cơ chế tham vấn chính trị giữa hai Bộ Ngoại giao.", "events")
    assert _events(mechanism, "MEET") == []  # the body named, no session held
    en = _english(until, "Chile and Peru held political consultations in Lima on 3 March 2025.", published="2025-03-04")
    assert [(set(e.actors), e.date) for e in _events(en, "MEET")] == [({"CL", "PE"}, "2025-03-03")]
