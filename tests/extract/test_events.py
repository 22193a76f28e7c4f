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
