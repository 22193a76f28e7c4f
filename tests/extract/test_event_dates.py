"""Events take their date from the date layer: relative days, the narrative day, the dateline."""

from __future__ import annotations


def _dates(doc, kind):  # type: ignore[no-untyped-def]
    return [(sorted(e.actors), e.date) for e in doc.layer("facts.events") if e.type == kind]


def test_this_afternoon_dates_a_phone_call(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Thủ tướng Lào Sonexay Siphandone chiều nay điện đàm với Thủ tướng Thái Lan.", "events", published="2025-08-15")
    assert _dates(doc, "MEET") == [(["LA", "TH"], "2025-08-15")]


def test_yesterday_dates_talks(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Chiều qua, Thủ tướng Lào Sonexay Siphandone hội đàm với Thủ tướng Thái Lan.", "events", published="2025-08-15")
    assert _dates(doc, "MEET") == [(["LA", "TH"], "2025-08-14")]
    text = "Yesterday, Chile's Foreign Minister Alberto van Klaveren held talks with Peru's Foreign Minister."
    doc = until(text, "events", published="2025-08-15", lang="en")
    assert _dates(doc, "MEET") == [(["CL", "PE"], "2025-08-14")]


def test_the_same_day_is_the_day_the_narrative_reached(until) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sáng 1/8, Thủ tướng Lào Sonexay Siphandone dự lễ đón tại Bangkok.\n"
        "Cùng ngày, Thủ tướng Lào Sonexay Siphandone hội đàm với Thủ tướng Thái Lan về kết quả tháng 3/2016."
    )
    doc = until(text, "events", published="2017-08-03")
    assert _dates(doc, "MEET") == [(["LA", "TH"], "2017-08-01")]
    text = (
        "On August 1, Chile's Foreign Minister Alberto van Klaveren arrived in Lima.\n"
        "The same day, Chile's Foreign Minister Alberto van Klaveren held talks with Peru's Foreign Minister on the results of May 2016."
    )
    doc = until(text, "events", published="2017-08-03", lang="en")
    assert _dates(doc, "MEET") == [(["CL", "PE"], "2017-08-01")]


def test_the_datelines_day_is_not_the_meetings(until) -> None:  # type: ignore[no-untyped-def]
    text = "LIMA, April 4 (Reuters) - Chile's Foreign Minister Alberto van Klaveren held talks in Lima on April 3 with Peru's Foreign Minister."
    doc = until(text, "events", published="2023-04-04", lang="en")
    assert _dates(doc, "MEET") == [(["CL", "PE"], "2023-04-03")]


def test_the_narrative_reaches_the_sentences_last_single_day(until) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Thủ tướng Lào Sonexay Siphandone thăm chính thức Thái Lan từ ngày 31/7-3/8.Sáng 1/8, lễ đón diễn ra tại Bangkok.\n"
        "Cùng ngày, Thủ tướng Lào Sonexay Siphandone hội đàm với Thủ tướng Thái Lan."
    )
    doc = until(text, "events", published="2017-08-03")
    assert _dates(doc, "MEET") == [(["LA", "TH"], "2017-08-01")]
    text = (
        "Vietnam, April 4 - Chile's Foreign Minister Alberto van Klaveren met Peru's Foreign Minister in Lima on April 3.\n"
        "The two sides agreed to open a joint border post."
    )
    doc = until(text, "events", published="2023-04-04", lang="en")
    assert ("COMMIT", "2023-04-03") in [(e.type, e.date) for e in doc.layer("facts.events")]


def test_a_year_right_after_a_past_visit_dates_it(until) -> None:  # type: ignore[no-untyped-def]
    text = "Tổng thống Chile nhắc lại chuyến thăm Peru năm 2015 của Tổng thống Chile Gabriel Boric."
    doc = until(text, "events", published="2024-04-18")
    assert ("VISIT", "2015") in [(e.type, e.date) for e in doc.layer("facts.events")]
    text = "Chile's President Gabriel Boric recalled his visit to Peru in 2015."
    doc = until(text, "events", published="2024-04-18", lang="en")
    assert ("VISIT", "2015") in [(e.type, e.date) for e in doc.layer("facts.events")]


def test_a_year_in_another_clause_does_not_date_a_visit(until) -> None:  # type: ignore[no-untyped-def]
    text = "Tổng thống Chile Gabriel Boric thăm Peru, nơi hai nước thiết lập quan hệ năm 1990."
    doc = until(text, "events", published="2024-04-18")
    assert [e.date for e in doc.layer("facts.events") if e.type == "VISIT"] == ["2024-04"]


def test_an_anniversary_span_with_days_dates_the_relations_as_written(until) -> None:  # type: ignore[no-untyped-def]
    text = "Hai bên nhất trí tổ chức kỷ niệm 50 năm thiết lập quan hệ ngoại giao Chile - Peru (4/8/1973 – 4/8/2023)."
    doc = until(text, "events", published="2023-08-03")
    assert [e.date for e in doc.layer("facts.events") if e.type == "ESTABLISH_RELATIONS"] == ["1973-08-04"]
    text = "The two sides will celebrate the 50th anniversary of diplomatic relations between Chile and Peru (1973-2023)."
    doc = until(text, "events", published="2023-08-03", lang="en")
    assert [e.date for e in doc.layer("facts.events") if e.type == "ESTABLISH_RELATIONS"] == ["1973"]


def test_a_span_of_years_after_a_signing_is_its_term(until) -> None:  # type: ignore[no-untyped-def]
    text = "Chile and Peru signed an MoU on cultural cooperation for 2025-2027."
    doc = until(text, "events", published="2025-05-06", lang="en")
    assert all(e.date != "2025/2027" for e in doc.layer("facts.events"))


def test_an_english_anniversary_span_with_days(until) -> None:  # type: ignore[no-untyped-def]
    text = "Chile and Peru marked the 50th anniversary of diplomatic relations (August 4, 1973 – August 4, 2023)."
    doc = until(text, "events", published="2023-08-03", lang="en")
    assert [e.date for e in doc.layer("facts.events") if e.type == "ESTABLISH_RELATIONS"] == ["1973-08-04"]


def test_the_next_day_moves_the_narrative_on(until) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ngày 12/11, Thủ tướng Lào Sonexay Siphandone đến Bangkok.\n"
        "Ngày hôm sau, Thủ tướng Lào Sonexay Siphandone hội đàm với Thủ tướng Thái Lan."
    )
    doc = until(text, "events", published="2024-11-14")
    assert _dates(doc, "MEET") == [(["LA", "TH"], "2024-11-13")]
    text = (
        "On November 12, Chile's Foreign Minister Alberto van Klaveren arrived in Lima.\n"
        "The next day, Chile's Foreign Minister Alberto van Klaveren held talks with Peru's Foreign Minister."
    )
    doc = until(text, "events", published="2024-11-14", lang="en")
    assert _dates(doc, "MEET") == [(["CL", "PE"], "2024-11-13")]


def test_a_relative_year_right_after_a_visit_dates_it(until) -> None:  # type: ignore[no-untyped-def]
    text = "Tổng thống Chile nhắc lại chuyến thăm Peru năm ngoái của Tổng thống Chile Gabriel Boric."
    doc = until(text, "events", published="2024-04-18")
    assert ("VISIT", "2023") in [(e.type, e.date) for e in doc.layer("facts.events")]
    text = "Chile's President Gabriel Boric recalled his visit to Peru last year."
    doc = until(text, "events", published="2024-04-18", lang="en")
    assert ("VISIT", "2023") in [(e.type, e.date) for e in doc.layer("facts.events")]


def test_the_day_of_a_step_told_in_passing_is_not_the_narratives(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Colombian President Gustavo Petro received his Ecuadorian counterpart Daniel Noboa in Bogota, on his "
            "first trip abroad since taking office on March 1. The two presidents signed an agreement.")
    doc = until(text, "events", published="2024-03-20", lang="en")
    assert _dates(doc, "SIGN") == [(["CO", "EC"], "2024-03")]
    text = ("Tổng thống Colombia Gustavo Petro đón Tổng thống Ecuador Daniel Noboa, trong chuyến công du đầu tiên "
            "sau khi nhậm chức ngày 1/3. Hai Tổng thống đã ký một thỏa thuận.")
    doc = until(text, "events", published="2024-03-20")
    assert _dates(doc, "SIGN") == [(["CO", "EC"], "2024-03")]
    # talks are a contact: "after talks on Monday" moves the narrative to Monday
    text = "After talks on Monday, Colombia's President Gustavo Petro and Ecuador's President Daniel Noboa signed an agreement."
    doc = until(text, "events", published="2024-03-06", lang="en")
    assert _dates(doc, "SIGN") == [(["CO", "EC"], "2024-03-04")]
