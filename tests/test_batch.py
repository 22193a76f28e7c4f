"""A folder as users have them: good articles, web-page copies, duplicates and every kind of bad file, in one run.

All good articles are stored, each bad input is skipped with its reason in
the summary and in ``bilat skipped``, and the exit status says something was.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pages import web_page
from sqlalchemy import select
from sqlalchemy.orm import Session
from stores import syndicated
from typer.testing import CliRunner

from bilat import store
from bilat.batch import work
from bilat.cli import app
from bilat.ingest import read_document
from bilat.ingest.read import MAX_BYTES
from bilat.store import models as m

runner = CliRunner()

FRENCH = ("Le président de la République a reçu hier à l'Élysée son homologue vietnamien. Les deux dirigeants "
          "ont signé un accord de coopération économique et sont convenus de renforcer les échanges commerciaux.\n")


def mixed_folder(root: Path, shared_corpus: Path) -> Path:
    folder = root / "crawl"
    (folder / "html").mkdir(parents=True)
    (folder / "dup").mkdir()
    seeds = sorted((shared_corpus / "seeds").glob("*.txt"))
    dev = sorted((shared_corpus / "dev").glob("*.txt"))[:2]
    for path in [*seeds, *dev]:
        (folder / path.name).write_bytes(path.read_bytes())
    for path in seeds:  # the same articles saved as web pages by a browser
        (folder / "html" / f"{path.stem}.html").write_text(web_page(read_document(path)), encoding="utf-8")
    seed = read_document(seeds[1])
    body = seed.text[seed.body_start:]
    (folder / "dup" / "mirror.txt").write_text(f"source: https://mirror.example/{seed.id}\n---\n{body}", encoding="utf-8")
    (folder / "dup" / "syndicated.txt").write_text(f"source: https://outlet-b.example/1\n---\n{syndicated(body)}",
                                                   encoding="utf-8")
    dev_text = dev[0].read_text(encoding="utf-8")
    lines = [json.dumps({"id": "from-crawler", "url": "https://crawler.example/1", "text": dev_text[dev_text.index("---\n") + 4:] + "\nThêm."}),
             '{"id": "broken", "text": "Chủ tịch nước',  # cut off mid-object
             json.dumps({"id": "fr", "text": FRENCH})]
    (folder / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    with (folder / "huge.txt").open("wb") as huge:  # 50 MB: no news article is that long
        huge.truncate(50 * 1024 * 1024)
    (folder / "cut.txt").write_bytes(seeds[0].read_bytes()[:-1] + "ộ".encode()[:2])
    (folder / "no-body.html").write_text("<html><head><title>Tin</title></head><body></body></html>", encoding="utf-8")
    (folder / "broken.html").write_text("<html><body><div><p><<<</div", encoding="utf-8")
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    odd = folder / "tin 'mới' \"nhất\" — số #1 (bản sao).txt"  # spaces, quotes, a dash, a hash, Vietnamese
    odd.write_bytes(dev[1].read_bytes() + "\nTheo báo Nhân Dân.\n".encode())
    (folder / "zz-vanishes.txt").write_bytes(seeds[0].read_bytes() + b"\nX.")
    (folder / "zz-unreadable.txt").write_bytes(seeds[0].read_bytes() + b"\nY.")
    return folder


@pytest.fixture
def folder(tmp_path: Path, shared_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = mixed_folder(tmp_path, shared_corpus)
    vanishing, unreadable = folder / "zz-vanishes.txt", folder / "zz-unreadable.txt"
    real_extract = work.extract

    def extract_then_delete(document):  # type: ignore[no-untyped-def]
        vanishing.unlink(missing_ok=True)  # removed by someone else once the run has listed the folder
        return real_extract(document)

    monkeypatch.setattr(work, "extract", extract_then_delete)
    if os.geteuid() == 0:  # root reads any file whatever its mode: make this one fail as a mode 000 file does
        real_open = os.open

        def open_file(path, flags, *args):  # type: ignore[no-untyped-def]
            if Path(path) == unreadable:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, *args)

        monkeypatch.setattr(os, "open", open_file)
    else:
        unreadable.chmod(0)
    return folder


def test_a_mixed_folder_stores_the_good_and_names_each_bad(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "bilat.db"

    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])

    assert result.exit_code == 1, result.output  # something was skipped
    assert result.stderr.strip().splitlines()[-1] == (
        "bilat: 8 stored, 2 duplicates, 0 already stored, 11 skipped: 2 language not read, 2 no article text, "
        "2 unreadable, 1 binary, 1 empty, 1 malformed line, 1 too large, 1 truncated"
    )
    engine = store.connect(str(db))
    with Session(engine) as session:
        articles = session.execute(select(m.Article.name, m.Article.id, m.Article.story_id)).all()
        copies = session.execute(select(m.ArticleCopy.article_id, m.ArticleCopy.source)).all()
    # Exact copies (the mirror, the page whose text trafilatura gives back whole) add a place, not an article.
    seed_id = next(article_id for name, article_id, _ in articles if name == "004_0b2ce203d1803446")
    assert {source.split("/")[-1] for article_id, source in copies if article_id == seed_id} == {
        "004_0b2ce203d1803446.txt", "004_0b2ce203d1803446", "004_0b2ce203d1803446.html"}
    # Near copies are stored, in the story of what they copy: four stories of two articles each.
    stories: dict[str, list[str]] = {}
    for name, _, story_id in articles:
        stories.setdefault(story_id, []).append(name)
    assert sorted(sorted(names) for names in stories.values()) == [
        ["000_d2da0c1ad552315d", "000_d2da0c1ad552315d"],  # the .txt and the page trafilatura read a line apart
        ["004_0b2ce203d1803446", "syndicated"],
        ["from-crawler", "h02"],  # the crawler's line is the same report with a line added
        ["h04", "tin 'mới' \"nhất\" — số #1 (bản sao)"],
    ]

    listed = runner.invoke(app, ["skipped", "--format", "json", "--db", str(db)])
    assert listed.exit_code == 0
    assert {(Path(x["where"]).name, x["kind"]) for x in json.loads(listed.stdout)} == {
        ("photo.txt", "binary"), ("empty.txt", "empty"), ("huge.txt", "too large"), ("cut.txt", "truncated"),
        ("no-body.html", "no article text"), ("broken.html", "no article text"),
        ("dump.jsonl:2", "malformed line"), ("dump.jsonl [fr]", "language not read"),
        ("french.txt", "language not read"), ("zz-vanishes.txt", "unreadable"), ("zz-unreadable.txt", "unreadable"),
    }
    table = runner.invoke(app, ["skipped", "--db", str(db)], env={"COLUMNS": "250"}).stdout
    assert "dump.jsonl [fr]" in table  # shown as written, not taken for markup


def test_a_second_run_over_a_fixed_folder_clears_its_skips(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "bilat.db"
    runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    for name in ("photo.txt", "empty.txt", "huge.txt", "cut.txt", "no-body.html", "broken.html", "dump.jsonl",
                 "french.txt", "zz-unreadable.txt"):
        (folder / name).unlink()

    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])

    assert again.exit_code == 0, again.output
    assert again.stderr.strip().splitlines()[-1] == "bilat: 0 stored, 0 duplicates, 9 already stored, 0 skipped"
    (folder / "later.txt").write_bytes(b"")
    runner.invoke(app, ["ingest", str(folder / "later.txt"), "--db", str(db)])
    # What the deleted files were skipped for is forgotten; a new skip is listed.
    listed = runner.invoke(app, ["skipped", "--format", "json", "--db", str(db)])
    assert [(Path(x["where"]).name, x["kind"]) for x in json.loads(listed.stdout)] == [("later.txt", "empty")]
    assert "later.txt" in runner.invoke(app, ["skipped", "--db", str(db)]).stdout


def test_a_file_larger_than_the_limit_is_not_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(MAX_BYTES + 1)
    monkeypatch.setattr(Path, "read_bytes", lambda path: pytest.fail(f"{path} was read"))
    result = runner.invoke(app, ["extract", str(huge)])
    assert result.exit_code == 1
    assert "file too large" in result.stderr
