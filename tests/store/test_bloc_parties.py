"""A bloc that negotiates as one is a party of its own, in extraction and in both stores."""

from __future__ import annotations

from stores import build_store, text_article

from bilat import store

MERCOSUR_FTA = """\
source: mercosur-fta.txt
published: 2023-04-20
lang: vi
---
Việt Nam - Uruguay thúc đẩy hợp tác thương mại
Ngày 19/4, Bộ trưởng Công Thương Nguyễn Hồng Diên hội đàm với Bộ trưởng Ngoại giao Uruguay Francisco Bustillo. Hai bên nhất trí thúc đẩy khởi động đàm phán Hiệp định Thương mại tự do Việt Nam - Khối Thị trường chung Nam Mỹ (MERCOSUR).
"""


def test_an_fta_with_a_bloc_is_the_blocs(db_url: str) -> None:
    document, facts = text_article(MERCOSUR_FTA, "mercosur-fta")
    assert [(a.kind, a.parties) for a in facts.agreements] == [("TRADE", ["MERCOSUR", "VN"])]

    engine = build_store(db_url, [(document, facts)])  # PostgreSQL refused a party longer than two letters
    pairs = [p["countries"] for p in store.relations(engine)]
    assert ["MERCOSUR", "VN"] in pairs
    record = store.relation(engine, "MERCOSUR", "VN")
    assert [(a["kind"], a["parties"]) for a in record["agreements"]] == [("TRADE", ["MERCOSUR", "VN"])]
