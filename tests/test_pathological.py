"""Inputs no news site serves, beside two good articles: each is read or skipped with its reason, never the batch.

Each runs at a size that takes a second or two now that no input takes time growing faster than its length
(``benchmarks/pathological.py`` measures them at growing sizes); the 15 MB line is stopped by the time budget.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilat.cli import app
from bilat.extract import extract
from bilat.ingest import read_text_document

runner = CliRunner()

GOOD = ("Ngày {n}/3/2025, Bộ trưởng Ngoại giao Peru thăm chính thức Việt Nam theo lời mời của Bộ trưởng "
        "Ngoại giao Việt Nam. Hai bên nhất trí thúc đẩy hợp tác thương mại và đầu tư.\n")
COUNTRIES = ("Việt Nam", "Lào", "Campuchia", "Nhật Bản", "Hàn Quốc", "Trung Quốc", "Hoa Kỳ", "Pháp", "Đức", "Nga")
PAGE = "<html><body><article><h1>Việt Nam và Lào</h1><p>Thủ tướng hai nước hội đàm tại Hà Nội.</p>{}</article></body></html>"

CASES = {
    "country-names.txt": "Các nước: " + ", ".join(COUNTRIES[i % len(COUNTRIES)] for i in range(16_000)) + ".\n",
    "short-lines.txt": "".join(f"Dòng {i} của bài.\n" for i in range(6_000)),
    "one-line.txt": "Việt Nam và Lào tăng cường hợp tác kinh tế trong năm 2023 " * 2_000,
    "titles.txt": "Thủ tướng " * 16_000,
    "usd.txt": "Kim ngạch đạt USD 1." * 5_000 + "\nKim ngạch đạt USD " + "1." * 100_000 + "1\n",
    "ty.txt": "Kim ngạch đạt 15 " + "tỷ " * 100_000 + "USD.\n",
    "spaces.txt": "Việt Nam và Lào tăng cường hợp tác kinh tế, " + " " * 200_000 + "hai bên ký kết.\n",
    "links-in-a-paragraph.html": PAGE.format("<p>" + "".join(f'<a href="/p{i}">Bài {i}</a> ' for i in range(200_000)) + "</p>"),
    "links-in-a-list.html": PAGE.format("<ul>" + "".join(f'<li><a href="/p{i}">Bài {i}</a></li>' for i in range(2_000)) + "</ul>"),
}
BUDGET = "2"
"""CPU seconds per article in these runs, the rules compiled already: the 15 MB line needs minutes, the others less."""


@pytest.fixture(autouse=True, scope="module")
def rules_compiled() -> None:
    """The first article of a language in a process also compiles its rules: done here, outside the runs' budget."""
    extract(read_text_document(GOOD.format(n=1), doc_id="warm-up"))


def folder_with(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    for n in (1, 2):
        (folder / f"good-{n}.txt").write_text(GOOD.format(n=n), encoding="utf-8")
    (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", CASES)
def test_ingest_stores_the_good_articles_beside_a_pathological_one(tmp_path: Path, name: str) -> None:
    db = tmp_path / "bilat.db"
    result = runner.invoke(app, ["ingest", str(folder_with(tmp_path, name, CASES[name])), "--db", str(db),
                                 "--article-timeout", BUDGET])
    skips = json.loads(runner.invoke(app, ["skipped", "--format", "json", "--db", str(db)]).stdout)
    assert [(Path(s["where"]).name, s["kind"]) for s in skips] in ([], [(name, "too large")], [(name, "too slow")])
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith(f"bilat: {3 - len(skips)} stored, 0 duplicates, 0 already stored, {len(skips)} skipped")


def test_a_paragraph_of_200_000_links_is_skipped_as_too_large(tmp_path: Path) -> None:
    name = "links-in-a-paragraph.html"
    result = runner.invoke(app, ["extract", str(folder_with(tmp_path, name, CASES[name])), "--format", "jsonl"])
    assert [json.loads(line)["doc"]["id"] for line in result.stdout.splitlines()] == ["good-1", "good-2"]
    assert f"skipped {tmp_path / 'batch' / name}: a paragraph of 200000 elements" in result.stderr


# An alarm may land in a garbage collector callback (Hypothesis installs one), where Python ignores the
# exception with a warning: the next alarm, a tenth of a second on, stops the article.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_15_mb_line_is_stopped_by_the_budget_and_the_batch_goes_on(tmp_path: Path) -> None:
    line = "Việt Nam và Lào tăng cường hợp tác kinh tế trong năm 2023 " * 250_000  # 15 MB in UTF-8, under the 20 MiB limit
    folder = folder_with(tmp_path, "one-line.txt", line)
    result = runner.invoke(app, ["extract", str(folder), "--format", "jsonl", "--article-timeout", BUDGET])
    assert result.exit_code == 0
    assert [json.loads(line)["doc"]["id"] for line in result.stdout.splitlines()] == ["good-1", "good-2"]
    assert f"skipped {folder / 'one-line.txt'}: took longer than the article time budget of {BUDGET} s" in result.stderr
