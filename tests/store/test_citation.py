"""Ingest keeps what cites an article (URL, outlet, title) from each kind of input, and older stores get it too."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from bilat import store
from bilat.extract import extract
from bilat.ingest import read_articles
from bilat.store import db as store_db
from bilat.store import models as m

BODY = "Ngày 10/3/2025, tại Lima, Thứ trưởng Ngoại giao Đỗ Hùng Việt hội đàm với Thứ trưởng Ngoại giao Peru Ana Cecilia Gervasi."


def _ingest(engine: Engine, path: Path) -> None:
    for document in read_articles(path):
        assert not isinstance(document, Exception), document
        store.store_article(engine, document, extract(document))


def _rows(engine: Engine) -> dict[str, tuple[str | None, str | None, str | None]]:
    with Session(engine) as session:
        return {a.name: (a.url, a.outlet, a.title) for a in session.scalars(select(m.Article))}


def test_each_input_keeps_its_url_outlet_and_title(tmp_path: Path) -> None:
    (tmp_path / "header.txt").write_text(
        f"source: https://baoquocte.vn/viet-nam-peru-1.html\ntitle: Việt Nam – Peru\n---\n{BODY}\n", encoding="utf-8")
    (tmp_path / "bare.txt").write_text(f"{BODY} Hai bên nhất trí thúc đẩy hợp tác.\n", encoding="utf-8")
    (tmp_path / "dump.jsonl").write_text(json.dumps({
        "id": "line", "url": "https://e.vnexpress.net/news/peru-2.html", "title": "Vietnam, Peru talks",
        "text": f"{BODY} Hai nước sẽ mở rộng thương mại.",
    }) + "\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>Hội đàm Việt Nam – Peru</title>"
        "<meta property='og:url' content='https://nhandan.vn/hoi-dam-3.html'></head><body><article>"
        f"<h1>Hội đàm Việt Nam – Peru</h1><p>{BODY}</p><p>Hai bên trao đổi về hợp tác nông nghiệp.</p>"
        "</article></body></html>", encoding="utf-8")
    engine = store.connect(f"sqlite:///{tmp_path / 'bilat.db'}", create=True)
    store.upgrade(engine)
    for name in ("header.txt", "bare.txt", "dump.jsonl", "page.html"):
        _ingest(engine, tmp_path / name)

    rows = _rows(engine)

    assert rows["header"] == ("https://baoquocte.vn/viet-nam-peru-1.html", "Báo Quốc tế", "Việt Nam – Peru")
    assert rows["line"] == ("https://e.vnexpress.net/news/peru-2.html", "VnExpress", "Vietnam, Peru talks")
    assert rows["page"][:2] == ("https://nhandan.vn/hoi-dam-3.html", "Nhân Dân")
    assert rows["bare"] == (None, None, None)  # its source is the file it was read from: no citation


def test_upgrading_an_older_store_gives_its_articles_their_url_and_outlet(tmp_path: Path) -> None:
    engine = store.connect(f"sqlite:///{tmp_path / 'old.db'}", create=True)
    config = store_db._alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "bloc_parties")  # the revision before article_citation
    old = m.Article.__table__
    with engine.begin() as connection:
        for n, source in enumerate(["https://vnexpress.net/a.html", str(tmp_path / "corpus" / "a.txt")]):
            connection.execute(old.insert().values(
                id=f"{n:016x}", sha256=f"{n:064x}", name=f"a{n}", source=source, title=None, published=None, lang="vi",
                text=BODY, stored_at=func.now(), content_key=f"{n:064x}", story_id=f"{n:016x}",
            ))

    store.upgrade(engine)

    rows = _rows(engine)
    assert rows == {"a0": ("https://vnexpress.net/a.html", "VnExpress", None), "a1": (None, None, None)}
