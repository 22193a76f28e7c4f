"""Any text either fails with a BilatError or yields facts whose evidence lies inside it.

Offsets index the article as read (FACTS.md, "Offsets"), so an evidence span
outside ``[0, len(text)]`` is a bug whatever the input; and the CLI reports
only BilatError per file, so any other exception would stop a whole batch.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilat.errors import BilatError
from bilat.extract import extract
from bilat.extract.facts import SECTIONS
from bilat.ingest import read_text_document

# Pieces of real articles, so that most examples get past language detection
# and reach the rules: titles, names, dates, triggers, amounts, organisations.
PIECES = [
    "Chủ tịch nước", "Thủ tướng", "Tổng thống", "Bộ trưởng Ngoại giao", "Đại sứ", "Phó Thủ tướng",
    "Võ Văn Thưởng", "Phạm Minh Chính", "Dina Boluarte", "Lula da Silva", "Lương Cường",
    "Việt Nam", "Peru", "Brazil", "Hoa Kỳ", "Lima", "San Francisco", "Hà Nội",
    "Sáng 17/11", "ngày 12/11/2024", "tháng 7/2023", "năm 1994", "7 tháng đầu năm nay", "30 năm",
    "thăm chính thức", "hội đàm", "tiếp", "điện đàm", "tham dự", "bên lề", "Hội nghị Cấp cao APEC lần thứ 30",
    "nhận lời mời", "đề nghị", "ký", "Bản ghi nhớ", "Hiệp định", "miễn thị thực", "cam kết", "chúc mừng",
    "thiết lập quan hệ ngoại giao", "Đối tác Chiến lược", "tham vấn chính trị", "Ủy ban Liên chính phủ",
    "FEALAC", "ASEAN", "Liên hợp quốc", "CPTPP", "kim ngạch thương mại song phương", "đạt gần",
    "300 triệu USD", "1,5 tỷ USD", "hơn 15 tỷ USD", "dự án", "vốn đầu tư",
    "hai bên", "nhất trí", ".", ",", ":", ";", "(", ")", "\"", "–", "\n", "\n\n", " ", "  ", "\u00a0", "\ufeff",
]
ENGLISH_PIECES = [
    "President", "Prime Minister", "External Affairs Minister (EAM)", "his Japanese counterpart", "Indonesian",
    "Vietnam's", "Pham Minh Chinh", "Phạm Minh Chính", "S Jaishankar", "Abdel Fattah al-Sisi", "Trudeau's",
    "Vietnam", "India", "Japan", "the EU", "Hanoi", "New Delhi [India], July 27 (ANI):", "JAKARTA —",
    "on Thursday", "April 17-19", "17 April 2018", "in June last year", "the 50th anniversary of diplomatic relations",
    "held talks", "met", "visit by", "paid a state visit to", "on the sidelines of the ASEAN Summit", "invited",
    "accepted an invitation from", "proposed that", "agreed to", "will continue to", "signed", "have signed",
    "a memorandum of understanding on", "the EU-Vietnam Investment Protection Agreement", "Joint Commission",
    "at the level of Foreign Ministers", "USD 500 million", "$1.2bn", "nearly 7 billion US dollars", "Rs 5,000 crore",
    "two-way trade reached", "the two sides", "They", "He", ", while", "and", "the",
]
HEADERS = st.sampled_from([
    "",
    "source: https://example.vn/a.htm\npublished: unknown\ntitle: Việt Nam-Peru\n---\n",
    "source: https://example.vn/a.htm\npublished: 2023-11-18\ntitle: x\n---\n",
    "published: 2024\n---\n",
    "lang: vi\n---\n",
    "lang: en\n---\n",
    "lang: xx\n---\n",
])
BODIES = st.one_of(*(
    st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=12)), max_size=80).map(" ".join)
    for pieces in (PIECES, ENGLISH_PIECES)
))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(), st.builds(str.__add__, HEADERS, BODIES)))
def test_text_yields_facts_inside_it_or_a_bilat_error(text: str) -> None:
    try:
        facts = extract(read_text_document(text, doc_id="prop"))
    except BilatError:
        return
    record = facts.to_dict()
    json.dumps(record, ensure_ascii=False)  # what the CLI prints must serialise
    for section in SECTIONS:
        for fact in record[section]:
            start, end = fact["evidence"]
            assert 0 <= start <= end <= len(text), (section, fact)
    for event in record["events"]:  # FACTS.md: an ATTEND has its one side, every other event two
        assert len(set(event["actors"])) == (1 if event["type"] == "ATTEND" else 2), event
