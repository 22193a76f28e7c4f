"""Articles extracted and stores built the same way for every suite that needs a real store."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import Engine

from bilat import store
from bilat.extract import extract
from bilat.extract.doc import Document
from bilat.extract.facts import Agreement, Event, Facts, Figure, Mechanism, Person
from bilat.ingest import read_document, read_text_document
from bilat.store import Outcome

Article = tuple[Document, Facts]


def extracted(paths: Iterable[Path]) -> list[Article]:
    """Each file read and extracted, in the order given (stores depend on it)."""
    return [(document, extract(document)) for document in map(read_document, paths)]


def text_article(text: str, doc_id: str) -> Article:
    """An article written in a test (header, ``---``, body), extracted."""
    document = read_text_document(text, doc_id=doc_id)
    return document, extract(document)


def build_store(where: Path | str, articles: Iterable[Article]) -> Engine:
    """A resolved store at a SQLite file path or a database URL; every article must be new to it."""
    engine = store.connect(f"sqlite:///{where}" if isinstance(where, Path) else where, create=True)
    store.upgrade(engine)
    for document, facts in articles:
        assert store.store_article(engine, document, facts).outcome is Outcome.STORED
    store.rebuild(engine)
    return engine


def syndicated(body: str) -> str:
    """``body`` as another outlet runs a wire report: its own lead, one paragraph cut, two words changed, a credit."""
    paragraphs = [p for p in body.split("\n") if p.strip()]
    del paragraphs[len(paragraphs) // 2]
    edited = "\n".join(paragraphs).replace("Peru", "Cộng hòa Peru", 1).replace("Việt Nam", "nước ta", 1)
    return "(Báo Thế giới) Theo phóng viên thường trú tại Lima.\n" + edited + "\nNguồn: TTXVN\n"


VISIT_VI = """lang: vi
published: 2024-11-11
title: Chủ tịch nước Lương Cường thăm chính thức Chile
---
Từ ngày 10 đến 12/11/2024, Chủ tịch nước Lương Cường thăm chính thức Chile.
Bộ trưởng Ngoại giao Chile Alberto van Klaveren Stork đón Chủ tịch nước tại sân bay.
Năm 2023, kim ngạch thương mại song phương đạt 1,8 tỷ USD.
Hai nước duy trì cơ chế tham vấn chính trị cấp Thứ trưởng Ngoại giao.
"""
VISIT_EN = """lang: en
published: 2024-11-12
title: Vietnamese President Luong Cuong visits Chile
---
President Luong Cuong paid an official visit to Chile from November 10 to 12, 2024.
He was welcomed at the airport by Chilean Foreign Minister Alberto van Klaveren.
Two-way trade reached 1.8 billion USD in 2023.
The two countries hold political consultations at deputy foreign minister level.
"""


def bilingual_visit() -> list[Article]:
    """One visit to Chile reported by a Vietnamese and an English article, their facts written as each would state them.

    Written by hand, not extracted, so that the store's merging is tested
    whatever either language's extraction finds.
    """
    return [
        _stated(VISIT_VI, "chile-vi", ("Lương Cường", "Chủ tịch nước"), ("Alberto van Klaveren Stork", "Bộ trưởng Ngoại giao"),
                "tham vấn chính trị cấp Thứ trưởng Ngoại giao"),
        _stated(VISIT_EN, "chile-en", ("Luong Cuong", "President"), ("Alberto van Klaveren", "Foreign Minister"),
                "political consultations at deputy foreign minister level"),
    ]


def _stated(text: str, doc_id: str, president: tuple[str, str], minister: tuple[str, str], mechanism: str) -> Article:
    document = read_text_document(text, doc_id=doc_id)
    # Each line of the body is one sentence, the evidence of one fact.
    visit, welcome, trade, consultations = (
        (text.index(line), text.index(line) + len(line)) for line in text[document.body_start:].splitlines()
    )
    facts = Facts(
        doc_id, document.published, document.lang,
        persons=[
            Person(president[0], "VN", "head_of_state", president[1], visit),
            Person(minister[0], "CL", "foreign_minister", minister[1], welcome),
        ],
        events=[Event("VISIT", ["VN", "CL"], "2024-11-10/2024-11-12", "happened", visit, persons=[president[0]])],
        mechanisms=[Mechanism("POLITICAL_CONSULTATION", "deputy_foreign_minister", ["CL", "VN"], consultations, mechanism)],
        figures=[Figure("bilateral_trade", ["CL", "VN"], "2023", 1.8e9, "USD", False, trade)],
    )
    return document, facts


INDIA_JAPAN = """lang: en
published: 2023-07-28
title: India, Japan hold their Foreign Ministers' Strategic Dialogue
---
Japanese Foreign Minister Yoshimasa Hayashi visited New Delhi on July 27, 2023.
External Affairs Minister S Jaishankar held talks with Hayashi in New Delhi.
In April 2022, the two countries signed a memorandum of understanding on coast guards.
They welcomed the staff talks between all three services.
"""
EU_VIETNAM = """lang: en
published: 2022-11-13
title: Vietnam urges Germany to ratify the EU-Vietnam Investment Protection Agreement
---
Vietnam and the EU signed the EU-Vietnam Investment Protection Agreement in June 2019.
"""


def india_japan() -> list[Article]:
    """An English article on India and Japan, a pair without Vietnam, its facts stated by hand.

    Each office only in English words, a signed agreement whose scope only the
    English extractor glosses ("coast guards"), and a mechanism of no kind or
    level FACTS.md names (``OTHER``, ``other``).
    """
    document = read_text_document(INDIA_JAPAN, doc_id="india-japan")
    visit, talks, signing, staff_talks = _lines(INDIA_JAPAN, document)
    facts = Facts(
        "india-japan", document.published, document.lang,
        persons=[
            Person("Yoshimasa Hayashi", "JP", "foreign_minister", "Foreign Minister", visit),
            Person("S Jaishankar", "IN", "foreign_minister", "External Affairs Minister", talks),
        ],
        events=[
            Event("VISIT", ["JP", "IN"], "2023-07-27", "happened", visit, persons=["Yoshimasa Hayashi"], place="New Delhi"),
            Event("MEET", ["IN", "JP"], "2023-07-27", "happened", talks, persons=["S Jaishankar", "Yoshimasa Hayashi"],
                  place="New Delhi"),
            Event("SIGN", ["IN", "JP"], "2022-04", "happened", signing),
        ],
        agreements=[Agreement("MOU", "coast guards", ["IN", "JP"], "signed", "2022-04", signing)],
        mechanisms=[Mechanism("OTHER", "other", ["IN", "JP"], staff_talks, "staff talks between all three services")],
    )
    return [(document, facts)]


def eu_vietnam() -> list[Article]:
    """An English article on an agreement the EU signed in its own name: the store pairs the EU with Vietnam."""
    document = read_text_document(EU_VIETNAM, doc_id="eu-vietnam")
    (signing,) = _lines(EU_VIETNAM, document)
    agreement = Agreement("INVESTMENT_PROTECTION", "investment protection", ["EU", "VN"], "signed", "2019-06", signing)
    return [(document, Facts("eu-vietnam", document.published, document.lang, agreements=[agreement]))]


def _lines(text: str, document: Document) -> list[tuple[int, int]]:
    """The evidence span of each line of the body: one sentence each."""
    return [(text.index(line), text.index(line) + len(line)) for line in text[document.body_start:].splitlines()]
