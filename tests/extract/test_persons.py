"""Persons: titles, the names after them, and one person per real person."""

from __future__ import annotations

from bilat.extract import extract
from bilat.ingest import read_text_document
from bilat.text import fold


def _people(doc):  # type: ignore[no-untyped-def]
    return {p.name: p for p in doc.layer("facts.persons")}


def test_title_country_name(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Sáng 4/3, Thủ tướng Thái Lan Srettha Thavisin hội đàm với Thủ tướng Phạm Minh Chính.", "people")
    people = _people(doc)
    assert set(people) == {"Srettha Thavisin", "Phạm Minh Chính"}
    thai = people["Srettha Thavisin"]
    assert (thai.country, thai.office, thai.title) == ("TH", "head_of_government", "Thủ tướng")
    assert doc.text[thai.evidence[0]:thai.evidence[1]].startswith("Thủ tướng Thái Lan Srettha Thavisin")
    assert people["Phạm Minh Chính"].country == "VN"  # the press names its own officials without a country


def test_ministry_and_comma_before_the_name(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Thứ trưởng Bộ Công Thương Việt Nam, Nguyễn Sinh Nhật Tân, và Bộ trưởng Thương mại Ấn Độ Piyush Goyal gặp nhau.", "people")
    people = _people(doc)
    assert people["Nguyễn Sinh Nhật Tân"].office == "deputy_minister"
    assert (people["Piyush Goyal"].office, people["Piyush Goyal"].country) == ("minister", "IN")


def test_deputy_foreign_minister_beats_deputy_minister(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Thứ trưởng Bộ Ngoại giao Ba Lan Wladyslaw Bartoszewski thăm Hà Nội.", "people")
    assert _people(doc)["Wladyslaw Bartoszewski"].office == "deputy_foreign_minister"


def test_ambassador_posted_abroad_belongs_to_the_sending_country(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Đại sứ Việt Nam tại Ai Cập Nguyễn Huy Dũng dự buổi lễ.", "people")
    person = _people(doc)["Nguyễn Huy Dũng"]
    assert (person.country, person.office) == ("VN", "ambassador")


def test_a_chain_of_titles_records_the_office_that_acts(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Phó Thủ tướng, Bộ trưởng Ngoại giao Singapore Vivian Balakrishnan tiếp đoàn.", "people")
    person = _people(doc)["Vivian Balakrishnan"]
    assert person.office == "foreign_minister"
    assert person.title == "Phó Thủ tướng, Bộ trưởng Ngoại giao"


def test_name_particles_and_short_forms_make_one_person(until) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Tổng thống Brazil Fernando Henrique Cardoso thăm Hà Nội.\n"
        "Tổng thống Cardoso cho biết Brazil coi trọng quan hệ.\n"
        "Bộ trưởng Ngoại giao Hà Lan Hanke Bruins Slot và Thủ tướng Mark van der Berg gặp nhau."
    )
    people = _people(until(text, "people"))
    assert people["Fernando Henrique Cardoso"].aliases == ["Cardoso"]
    assert "Mark van der Berg" in people


def test_diacritics_do_not_split_a_person(until) -> None:  # type: ignore[no-untyped-def]
    text = "Ngoại trưởng Chile Alberto Gómez Ruiz thăm Lào.\nÔng Alberto Gomez cảm ơn nước chủ nhà."
    people = _people(until(text, "people"))
    assert list(people) == ["Alberto Gómez Ruiz"]
    assert people["Alberto Gómez Ruiz"].aliases == ["Alberto Gomez"]


def test_vietnamese_name_after_a_ministry(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Bộ trưởng Bộ Tài nguyên và Môi trường Đặng Quốc Khánh làm việc với đoàn Lào.", "people")
    assert list(_people(doc)) == ["Đặng Quốc Khánh"]


def test_words_that_look_like_names_are_not_people(until) -> None:  # type: ignore[no-untyped-def]
    text = "Chủ tịch Ủy ban Đối ngoại Châu Á - Thái Bình Dương phát biểu; hợp tác với Đông Nam Á và Thông tấn xã Việt Nam."
    assert _people(until(text, "people")) == {}


def test_a_bare_title_is_kept_as_a_reference(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Tổng thống Chile đánh giá cao chuyến thăm.", "persons")
    (mention,) = doc.layer("mentions")
    assert (mention.value.name, mention.value.office, mention.value.country) == (None, "head_of_state", "CL")


def test_fold() -> None:
    assert fold("Phạm Minh Chính") == fold("Pham Minh Chinh") == "pham minh chinh"
    assert fold("Đặng") == "dang"


# --- English: the country stands before the title, or in the ministry it names ---


def _english(until, text: str):  # type: ignore[no-untyped-def]
    return _people(until(text, "people", lang="en"))


def test_english_demonym_or_possessive_before_the_title(until) -> None:  # type: ignore[no-untyped-def]
    people = _english(until, "Thai Prime Minister Srettha Thavisin met Malaysia's Foreign Minister Mohamad Hasan in Bangkok.")
    thai, malaysian = people["Srettha Thavisin"], people["Mohamad Hasan"]
    assert (thai.country, thai.office) == ("TH", "head_of_government")
    assert (malaysian.country, malaysian.office) == ("MY", "foreign_minister")


def test_english_country_inside_the_title(until) -> None:  # type: ignore[no-untyped-def]
    text = "Cabinet Secretary of the Nigerian Ministry of Foreign Affairs Yusuf Tuggar and President of the Republic of Ghana John Mahama spoke."
    people = _english(until, text)
    assert (people["Yusuf Tuggar"].country, people["Yusuf Tuggar"].office) == ("NG", "foreign_minister")
    assert (people["John Mahama"].country, people["John Mahama"].office) == ("GH", "head_of_state")


def test_english_titles_joined_by_and_and_an_abbreviation(until) -> None:  # type: ignore[no-untyped-def]
    text = "Deputy Prime Minister and Foreign Minister Bui Thanh Son and External Affairs Minister (EAM) S Jaishankar met."
    people = _english(until, text)
    assert people["Bui Thanh Son"].office == "foreign_minister"  # the office the event is about
    assert people["Bui Thanh Son"].country == "VN"  # a Vietnamese family name
    assert people["S Jaishankar"].office == "foreign_minister"
    assert "EAM" not in people


def test_english_counterpart_takes_the_office_and_gives_the_other_side(until) -> None:  # type: ignore[no-untyped-def]
    text = "Foreign Minister Penny Wong and her Indonesian counterpart Sugiono held talks on the Australia-Indonesia partnership."
    people = _english(until, text)
    assert (people["Sugiono"].country, people["Sugiono"].office) == ("ID", "foreign_minister")
    assert people["Penny Wong"].country == "AU"  # the other country of the pair


def test_english_names_end_at_a_possessive_and_at_the_sentence(until) -> None:  # type: ignore[no-untyped-def]
    text = "Brazilian President Luiz Inacio Lula da Silva's visit went well. Chinese President Xi Jinping. He spoke."
    people = _english(until, text)
    assert set(people) == {"Luiz Inacio Lula da Silva", "Xi Jinping"}


def test_names_with_and_without_tone_marks_are_one_person(until) -> None:  # type: ignore[no-untyped-def]
    text = "Prime Minister Phạm Minh Chính met President Lula. PM Pham Minh Chinh said trade grew."
    people = _english(until, text)
    assert len([p for p in people.values() if fold(p.name) == "pham minh chinh"]) == 1


def test_english_name_with_no_country_is_vietnams_partner_unless_vietnamese(until) -> None:  # type: ignore[no-untyped-def]
    text = "Chancellor Olaf Scholz arrived in Vietnam, the first visit by a German leader. Prime Minister Pham Minh Chinh hosted him."
    people = _english(until, text)
    assert people["Olaf Scholz"].country == "DE"
    assert people["Pham Minh Chinh"].country == "VN"


def test_english_officials_named_without_a_country_belong_where_the_report_was_filed(until) -> None:  # type: ignore[no-untyped-def]
    text = ("New Delhi [India], June 19 (ANI): External Affairs Minister S Jaishankar met "
            "Australian Foreign Minister Penny Wong on India-Australia ties.")
    people = _people(until(text, "people", lang="en", published="2025-06-20"))
    assert (people["S Jaishankar"].country, people["Penny Wong"].country) == ("IN", "AU")


def test_english_same_sole_office_is_the_other_side(until) -> None:  # type: ignore[no-untyped-def]
    text = ("At the invitation of Prime Minister Srettha Thavisin, Prime Minister of Malaysia Anwar Ibrahim "
            "paid an official visit to the Kingdom of Thailand.")
    people = _english(until, text)
    assert (people["Srettha Thavisin"].country, people["Anwar Ibrahim"].country) == ("TH", "MY")


def test_english_chairman_of_a_national_assembly_heads_it(until) -> None:  # type: ignore[no-untyped-def]
    people = _english(until, "Chairman of the Lao National Assembly Saysomphone Phomvihane met Vice Chairman of the Cambodian National Assembly Khuon Sudary.")
    assert people["Saysomphone Phomvihane"].office == "head_of_legislature"
    assert people["Khuon Sudary"].office == "deputy_head_of_legislature"


def test_english_a_person_without_a_country_takes_the_side_of_whom_they_meet_or_accompany(until) -> None:  # type: ignore[no-untyped-def]
    text = ("After bilateral discussions with Foreign Minister Elmer Schialer in Lima, Chilean Foreign Minister "
            "Alberto van Klaveren said Chile and Peru, and Chile above all, would deepen ties.\n"
            "Chilean President Gabriel Boric arrived in Lima, accompanied by Interior Minister Carolina Toha.")
    people = _english(until, text)
    assert people["Elmer Schialer"].country == "PE"
    assert people["Carolina Toha"].country == "CL"


def test_english_the_outlets_country_domain_is_the_reporting_side() -> None:
    from bilat.extract import PIPELINE, _register_builtins
    from bilat.extract.doc import Document
    from bilat.extract.pipeline import run
    _register_builtins()
    doc = Document(id="t", lang="en", source="https://www.andina.com.pe/english/noticia-1", published="2024-06-10",
                   text="Foreign Minister Elmer Schialer said Chile and Peru would deepen ties, as Chile grows.")
    run(doc, PIPELINE[: PIPELINE.index("people") + 1])
    assert _people(doc)["Elmer Schialer"].country == "PE"


def test_english_an_honorific_only_one_country_bestows_states_the_country(until) -> None:  # type: ignore[no-untyped-def]
    people = _english(until, "Prime Minister Dato' Seri Anwar Ibrahim and Prime Minister Lawrence Wong met in Singapore.")
    assert (people["Anwar Ibrahim"].country, people["Lawrence Wong"].country) == ("MY", "SG")


def test_english_a_bare_title_of_a_named_holder_gives_no_one_else_its_country(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Acting President Sara Mensah received the visiting Togolese President Faure Gnassingbe in Accra, Ghana. "
            "The Togolese president also greeted President Kofi Adu.")
    people = _english(until, text)
    assert (people["Sara Mensah"].country, people["Kofi Adu"].country) == ("GH", "GH")


def test_english_each_title_takes_the_nearest_demonym_before_it(until) -> None:  # type: ignore[no-untyped-def]
    people = _english(until, "Chilean President Gabriel Boric and Peruvian President Dina Boluarte met in Lima.")
    assert (people["Gabriel Boric"].country, people["Dina Boluarte"].country) == ("CL", "PE")


def test_english_a_portfolio_between_the_demonym_and_the_title(until) -> None:  # type: ignore[no-untyped-def]
    people = _english(until, "Japanese Defence Minister Gen Nakatani held talks with Philippine Defence Secretary Gilberto Teodoro in Manila.")
    assert (people["Gen Nakatani"].country, people["Gilberto Teodoro"].country) == ("JP", "PH")


def test_a_title_naming_a_body_reads_on_to_the_country_and_the_name(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Ông tiếp Chủ tịch Hội đồng Lập hiến nước Cộng hòa Hồi giáo Pakistan Yusuf Raza, "
            "Chủ tịch Tập đoàn Dầu khí quốc gia Malaysia (PETRONAS) Tengku Muhammad Taufik "
            "và Chủ tịch Ủy ban nhân dân tỉnh Quảng Ninh Cao Tường Huy.")
    people = _people(until(text, "people"))
    assert set(people) == {"Yusuf Raza", "Tengku Muhammad Taufik", "Cao Tường Huy"}
    assert (people["Yusuf Raza"].country, people["Yusuf Raza"].title) == ("PK", "Chủ tịch Hội đồng Lập hiến nước Cộng hòa Hồi giáo")
    assert people["Tengku Muhammad Taufik"].country == "MY"
    assert (people["Cao Tường Huy"].country, people["Cao Tường Huy"].title) == ("VN", "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ninh")


def test_a_body_ends_at_a_foreign_name_and_titles_chain_with_kiem(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Dự có Bộ trưởng Chủ nhiệm Văn phòng Phủ Tổng thống Cuba José Cabrera và "
            "Phó Thủ tướng kiêm Bộ trưởng Ngoại giao Lào Saleumxay Kommasith.")
    people = _people(until(text, "people"))
    assert (people["José Cabrera"].office, people["José Cabrera"].country) == ("minister", "CU")
    assert people["Saleumxay Kommasith"].office == "foreign_minister"  # the precedence of titles.toml
    assert people["Saleumxay Kommasith"].title == "Phó Thủ tướng, Bộ trưởng Ngoại giao"


def test_modifiers_inside_a_title_and_a_secretary_of_state(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Phó Tổng thống thường trực Cuba Salvador Valdés và Phó Chủ tịch thứ Nhất Quốc hội Ba Lan Marek Kuchcinski "
            "hội kiến Quốc vụ khanh Bộ Ngoại giao và Hợp tác quốc tế Vương quốc Maroc, bà Mounia Ferhat.")
    people = _people(until(text, "people"))
    assert people["Salvador Valdés"].office == "vice_head_of_state"
    assert people["Marek Kuchcinski"].office == "deputy_head_of_legislature"
    assert (people["Mounia Ferhat"].office, people["Mounia Ferhat"].country) == ("deputy_foreign_minister", "MA")


def test_an_ambassador_accredited_concurrently(until) -> None:  # type: ignore[no-untyped-def]
    people = _people(until("Đại sứ Việt Nam tại Brazil kiêm nhiệm Suriname Bùi Văn Nghị dự lễ.", "people"))
    assert (people["Bùi Văn Nghị"].office, people["Bùi Văn Nghị"].country) == ("ambassador", "VN")


def test_a_bare_chairman_before_a_vietnamese_spelled_name_is_head_of_state(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Đoàn viếng tượng đài Chủ tịch Hồ Chí Minh. Chủ tịch Lee Jae-yong của Samsung tiếp đoàn. "
            "Chủ tịch UBND tỉnh Lạng Sơn Hồ Tiến Thiệu dự. Indonesia là Chủ tịch G20 năm 2022.")
    people = _people(until(text, "people"))
    assert people["Hồ Chí Minh"].office == "head_of_state"
    assert people["Lee Jae-yong"].office == "other"
    assert people["Hồ Tiến Thiệu"].title == "Chủ tịch UBND tỉnh Lạng Sơn"
    assert "G20" not in people


def test_english_a_name_set_before_its_title_and_a_possessive_country_in_the_title(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Deputy Prime Minister Ana Ruiz told Elmer Schialer, Minister of Foreign Affairs of Peru, that "
            "State Secretary of Chile’s Foreign Office Jose Toro would visit. On Tuesday, President Luis Arce spoke.")
    people = _english(until, text)
    assert (people["Elmer Schialer"].office, people["Elmer Schialer"].country) == ("foreign_minister", "PE")
    assert (people["Jose Toro"].office, people["Jose Toro"].country) == ("deputy_foreign_minister", "CL")
    assert "On Tuesday" not in people


def test_a_palace_name_gives_no_office_and_initials_are_kept(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Sau lễ đón tại Phủ Tổng thống, Tổng Bí thư Tô Lâm hội đàm với Bộ trưởng, Chánh Văn phòng Phủ Tổng thống "
            "Chile Ana Lya Uriarte và Thứ trưởng Ngoại giao Pakistan Amjad Hussain B.Sial.")
    people = _people(until(text, "people"))
    assert people["Tô Lâm"].office == "party_leader"
    assert (people["Ana Lya Uriarte"].office, people["Ana Lya Uriarte"].country) == ("minister", "CL")
    assert people["Amjad Hussain B.Sial"].country == "PK"


def test_a_rank_before_the_name_and_the_offices_after_it(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Thượng tướng Lương Tam Quang, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an hội kiến Chủ tịch Thượng viện "
            "Campuchia đồng thời là Chủ tịch Đảng Nhân dân Campuchia Hun Sen. Bộ trưởng Quốc phòng Đại tướng Phan Văn Giang dự.")
    people = _people(until(text, "people"))
    assert (people["Lương Tam Quang"].office, people["Lương Tam Quang"].country) == ("minister", "VN")
    assert (people["Hun Sen"].office, people["Hun Sen"].country) == ("head_of_legislature", "KH")
    assert people["Phan Văn Giang"].office == "minister"
    english = _english(until, "General Prayut Chan-o-cha, Prime Minister of Thailand, met Ambassador Ana Diaz. "
                              "The UN General Assembly President spoke.")
    assert (english["Prayut Chan-o-cha"].office, english["Prayut Chan-o-cha"].country) == ("head_of_government", "TH")
    assert "Assembly President" not in english


def test_a_name_set_off_by_a_dash_and_a_dependant_of_a_title_holder(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Đoàn gặp ông Somsak Inthavong - Phó Chủ tịch tỉnh Luang Prabang và cố vấn Thủ tướng Lào Bounmy Keo. "
            "Thủ tướng Lào Sonexay Siphandone dự. Thống đốc Bang Victoria tiếp đoàn. Đại sứ, Luật nhập cư mới có hiệu lực.")
    people = _people(until(text, "people"))
    assert people["Somsak Inthavong"].office == "other" and people["Somsak Inthavong"].title == "Phó Chủ tịch"
    assert people["Bounmy Keo"].office == "other"
    assert people["Sonexay Siphandone"].office == "head_of_government"
    assert "Bang Victoria" not in people and "Luật" not in people
    english = _english(until, "An adviser to Prime Minister Ali Khan met President Ana Ruiz of Chile.")
    assert english["Ali Khan"].office == "other"


def test_a_transliterated_name_is_not_vietnamese_and_romanisations_are_one_person(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Bộ trưởng Ngoại giao Phạm Bình Minh hội đàm với Bộ trưởng Ngoại giao Hô Nam-hông tại Phnom Penh về quan hệ "
            "Việt Nam - Campuchia. Campuchia cảm ơn. Thủ tướng Thái Lan Prayut Chan-o-cha dự. Thủ tướng Prayuth Chan-ocha phát biểu.")
    people = _people(until(text, "people"))
    assert people["Hô Nam-hông"].country == "KH"
    assert [p for p in people if p.startswith("Pray")] == ["Prayut Chan-o-cha"]
    assert people["Prayut Chan-o-cha"].aliases == ["Prayuth Chan-ocha"]


def test_english_a_headline_in_title_case_names_no_one_and_the_nearest_demonym_holds(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Thai Foreign Minister Receives Phone Call From Lao Counterpart\n"
            "Chilean President Gabriel Boric and Peruvian counterpart Dina Boluarte met. "
            "Russian Foreign Minister Sergey Lavrov spoke. Foreign Minister Sergei Lavrov left.")
    people = _english(until, text)
    assert "Receives Phone Call From" not in people
    assert people["Dina Boluarte"].country == "PE"
    assert people["Sergey Lavrov"].aliases == ["Sergei Lavrov"]


def test_a_country_after_the_name_and_a_demonym_for_djibouti(until) -> None:  # type: ignore[no-untyped-def]
    english = _english(until, "President Samia Suluhu Hassan of Tanzania arrived in Kigali, Rwanda, and met President Paul Kagame. "
                              "Djiboutian President Ismail Omar Guelleh spoke.")
    assert english["Samia Suluhu Hassan"].country == "TZ"
    assert english["Ismail Omar Guelleh"].country == "DJ"
    people = _people(until("Thủ tướng Kishida Fumio của Nhật Bản hội đàm với Thủ tướng Ấn Độ Narendra Modi.", "people"))
    assert people["Kishida Fumio"].country == "JP"


def test_english_advisers_spouses_and_kenyan_cabinet_secretaries(until) -> None:  # type: ignore[no-untyped-def]
    text = ("President Luis Arce of Bolivia arrived with his wife, Lourdes Duran, and foreign policy adviser Ana Ruiz. "
            "Defence CS Aden Duale of Kenya met the first lady, Maria Lopez.")
    people = _english(until, text)
    assert people["Lourdes Duran"].office == "other"
    assert people["Ana Ruiz"].office == "other"
    assert people["Aden Duale"].office == "minister"
    assert people["Maria Lopez"].office == "other"


def test_a_ministry_or_party_body_named_after_a_title_is_no_name(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Bộ trưởng Bộ Thông tin-Truyền thông Lào Boviengkham Vongdara hội kiến Thứ trưởng Bộ Công nghiệp Indonesia "
            "Faisol Riza và Thủ tướng Quốc vụ viện Trung Quốc Lý Cường. Đại tướng Phan Văn Giang, Ủy viên Bộ Chính trị, "
            "Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ Quốc phòng dự.")
    people = _people(until(text, "people"))
    assert people["Boviengkham Vongdara"].title == "Bộ trưởng Bộ Thông tin-Truyền thông"
    assert people["Faisol Riza"].country == "ID"
    assert people["Lý Cường"].office == "head_of_government"
    assert people["Phan Văn Giang"].office == "minister"
    assert not {"Thông", "Công", "Quốc"} & set(people)


def test_a_name_taking_up_a_title_holds_its_office(until) -> None:  # type: ignore[no-untyped-def]
    text = "Thủ tướng Phạm Minh Chính chúc mừng ông Friedrich Merz được bầu làm Thủ tướng Đức."
    people = _people(until(text, "people"))
    assert (people["Friedrich Merz"].office, people["Friedrich Merz"].country) == ("head_of_government", "DE")
    english = _english(until, "Mr. Mark Carney was sworn in as Prime Minister of Canada, and Vietnam congratulated him.")
    assert (english["Mark Carney"].office, english["Mark Carney"].country) == ("head_of_government", "CA")


def test_a_city_after_a_title_is_where_the_office_is_not_a_name(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Ông Phạm Quang Nghị, Bí thư Thành ủy Hà Nội, tiếp Đại sứ Singapore. Bí thư Thành ủy TPHCM cũng có mặt.",
                "people")
    assert "Hà Nội" not in [p.name for p in doc.layer("facts.persons")]
    assert "TPHCM" not in [p.name for p in doc.layer("facts.persons")]
    assert "Phạm Quang Nghị" in [p.name for p in doc.layer("facts.persons")]


def test_brunei_darussalam_is_the_country_not_the_kings_name(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Quốc vương Bru-nây Đa-rút-xa-lam Ha-gi Hát-xa-nan Bôn-ki-a thăm Việt Nam.", "people")
    assert [(p.name, p.country) for p in doc.layer("facts.persons")] == [("Ha-gi Hát-xa-nan Bôn-ki-a", "BN")]


def test_a_two_letter_initial_glued_to_the_name_is_kept(until) -> None:  # type: ignore[no-untyped-def]
    en = until("Mongolian Parliament Secretary General Ts.Tsolmon received the Vietnamese Ambassador.",
               "people", lang="en")
    vi = until("Tổng Thư ký Quốc hội Mông Cổ Ts.Tsolmon tiếp Đại sứ Việt Nam.", "people")
    for doc in (en, vi):
        assert "Ts.Tsolmon" in [p.name for p in doc.layer("facts.persons")]


def test_a_party_title_ends_with_its_central_body(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Đoàn đại biểu Đảng Cộng sản Việt Nam do ông Hoàng Bình Quân, Ủy viên Trung ương Đảng, Trưởng ban Đối ngoại "
            "Trung ương, làm Trưởng đoàn, hội đàm với Đoàn đại biểu Đảng Cộng sản Trung Quốc.")
    people = until(text, "people").layer("facts.persons")
    assert [(p.name, p.country, p.title) for p in people] == [
        ("Hoàng Bình Quân", "VN", "Ủy viên Trung ương Đảng, Trưởng ban Đối ngoại Trung ương")]  # no person "Trung"


def test_a_title_is_read_however_the_press_capitalises_its_words(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Phó Thủ Tướng Trần Hồng Hà tiếp Quốc Vụ khanh Bộ Ngoại giao Kenya Korir Sing'Oei và "
                "Bộ Trưởng Ngoại Giao Brazil Mauro Vieira.", "people")
    people = _people(doc)
    assert people["Trần Hồng Hà"].office == "deputy_head_of_government"
    assert (people["Korir Sing'Oei"].country, people["Korir Sing'Oei"].office) == ("KE", "deputy_foreign_minister")
    assert (people["Mauro Vieira"].country, people["Mauro Vieira"].office) == ("BR", "foreign_minister")


def test_no_title_starts_inside_a_country_or_a_headline_in_capitals(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Chủ tịch nước hội đàm với Chủ tịch Chính hiệp toàn quốc Trung Quốc Vương Hộ Ninh.", "people")
    assert "Hộ Ninh" not in _people(doc)
    doc = until("CHỦ TỊCH NƯỚC LƯƠNG CƯỜNG HỘI KIẾN TỔNG THỐNG KENYA\n\nChủ tịch nước Lương Cường hội kiến Tổng thống "
                "Kenya William Ruto.", "people")
    assert set(_people(doc)) == {"Lương Cường", "William Ruto"}


def test_an_ambassadors_rank_in_either_order(until) -> None:  # type: ignore[no-untyped-def]
    for title in ("Ambassador Extraordinary and Plenipotentiary", "Extraordinary and Plenipotentiary Ambassador"):
        people = _english(until, f"The Speaker received {title} of the Socialist Republic of Vietnam to Mongolia Doan Thi Huong.")
        assert (people["Doan Thi Huong"].country, people["Doan Thi Huong"].office) == ("VN", "ambassador"), title


def test_titles_between_two_comrades_are_the_first_ones() -> None:
    """"đồng chí X, <titles>, đồng chí Y": the titles after X's name and its comma are X's, not Y's."""
    text = ("Nhận lời mời của đồng chí Vương Đình Huệ, Ủy viên Bộ Chính trị, Chủ tịch Quốc hội nước Việt Nam, "
            "đồng chí Saysomphone Phomvihane, Ủy viên Bộ Chính trị Đảng Nhân dân Cách mạng Lào, "
            "Chủ tịch Quốc hội nước Cộng hòa Dân chủ Nhân dân Lào và Phu nhân đến Thủ đô Hà Nội, bắt đầu chuyến thăm "
            "chính thức Việt Nam.")
    facts = extract(read_text_document(f"published: 2022-11-28\nlang: vi\n---\n{text}\n", doc_id="t"))
    people = [(p.name, p.country, p.office) for p in facts.persons]
    assert ("Vương Đình Huệ", "VN", "head_of_legislature") in people
    assert [country for name, country, _ in people if name == "Saysomphone Phomvihane"] == ["LA"]


def test_a_name_listed_after_a_titled_one_shares_its_title() -> None:
    """"Foreign Minister Santiago Cafiero of Argentina and Mauro Vieira of Brazil": two foreign ministers."""
    text = ("published: 2023-01-23\nlang: en\n---\nThe meeting was attended by Foreign Minister Santiago Cafiero of "
            "Argentina and Mauro Vieira of Brazil, and Deputy Secretary of the Trade Ministry Lucas Silva.\n")
    people = {p.name: (p.country, p.office) for p in extract(read_text_document(text, doc_id="t")).persons}
    assert people["Santiago Cafiero"] == ("AR", "foreign_minister")
    assert people["Mauro Vieira"] == ("BR", "foreign_minister")
    assert "Deputy Secretary" not in people  # another title, not a name listed after the first


def test_commonwealth_envoys_and_royal_ranks(until) -> None:  # type: ignore[no-untyped-def]
    people = _english(until, "Kenyan High Commissioner to Ghana Jane Wambui met Saudi Foreign Minister Prince Faisal bin "
                             "Farhan and Saudi Crown Prince Mohammed bin Salman in Riyadh.")
    assert {n: (p.country, p.office) for n, p in people.items()} == {
        "Jane Wambui": ("KE", "ambassador"), "Faisal bin Farhan": ("SA", "foreign_minister"),
        "Mohammed bin Salman": ("SA", "other")}
    # "Sheikh" is part of names as often as a rank: it stays in the name
    assert "Sheikh Hasina" in _english(until, "Bangladeshi Prime Minister Sheikh Hasina met Indian Prime Minister Narendra Modi.")


def test_an_english_posting_between_title_and_name(until) -> None:  # type: ignore[no-untyped-def]
    people = _english(until, "Vietnamese Ambassador to Argentina Duong Quoc Thanh met Argentine President Javier Milei.")
    assert (people["Duong Quoc Thanh"].country, people["Duong Quoc Thanh"].office) == ("VN", "ambassador")
