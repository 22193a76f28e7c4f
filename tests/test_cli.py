"""``bilat extract``: input handling, output formats and exit status.

Extraction itself is replaced by a fake that reports the first line of the
body as a person's evidence, so these tests pin down what the CLI does with
files whatever the components find.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

import bilat.batch.work
from bilat.cli import app
from bilat.errors import BilatError, ExtractError
from bilat.extract.doc import Document
from bilat.extract.facts import Facts, Person

VI_BODY = (
    "Sáng 17/11, tại San Francisco, Chủ tịch nước Võ Văn Thưởng đã gặp Tổng thống Peru "
    "Dina Boluarte nhân dịp tham dự Hội nghị Cấp cao APEC lần thứ 30.\n"
)
# "Hà Nội: Bộ trưởng Ngoại giao gặp Đại sứ" in Windows-1258: base letters, then tone marks as
# separate bytes (0xF2 dot below, 0xD2 hook above); Python's codec cannot encode it from NFC.
HEADER = "source: https://example.vn/a.htm\npublished: 2023-11-18\ntitle: Việt Nam-Peru\n---\n"


def fake_extract(doc: Document) -> Facts:
    """One person per document, its evidence the first line of the body."""
    if "BOOM" in doc.text:
        raise ExtractError(doc.id, "events", "ValueError: boom")
    end = doc.text.find("\n", doc.body_start)
    person = Person(name="Võ Văn Thưởng", country="VN", office="head_of_state", title="Chủ tịch nước",
                    evidence=(doc.body_start, end if end >= 0 else len(doc.text)))
    return Facts(doc_id=doc.id, published=doc.published, lang=doc.lang, persons=[person])


@pytest.fixture(autouse=True)
def _fake_extract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bilat.batch.work, "extract", fake_extract)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_single_file_prints_one_object(runner: CliRunner, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", VI_BODY)
    result = runner.invoke(app, ["extract", str(article)])
    assert result.exit_code == 0, result.stderr
    facts = json.loads(result.stdout)
    assert facts["doc"] == {"id": "a", "published": None, "lang": "vi"}
    assert set(facts) == {"doc", "persons", "events", "agreements", "mechanisms", "memberships", "figures"}
    assert result.stderr == ""


def test_output_is_indented_and_keeps_vietnamese(runner: CliRunner, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", VI_BODY)
    result = runner.invoke(app, ["extract", str(article)])
    assert '\n "persons": [' in result.stdout
    assert "Võ Văn Thưởng" in result.stdout  # ensure_ascii=False


def test_header_block_sets_published_and_offsets_index_the_file(runner: CliRunner, tmp_path: Path) -> None:
    text = HEADER + VI_BODY
    article = write(tmp_path / "b.txt", text)
    result = runner.invoke(app, ["extract", str(article)])
    assert result.exit_code == 0, result.stderr
    facts = json.loads(result.stdout)
    assert facts["doc"]["published"] == "2023-11-18"
    start, end = facts["persons"][0]["evidence"]
    assert start == len(HEADER)  # the header is part of the text the offsets index
    assert text[start:end] == VI_BODY.rstrip("\n")


def test_unknown_published_is_null(runner: CliRunner, tmp_path: Path) -> None:
    article = write(tmp_path / "c.txt", HEADER.replace("2023-11-18", "unknown") + VI_BODY)
    result = runner.invoke(app, ["extract", str(article)])
    assert json.loads(result.stdout)["doc"]["published"] is None


def test_folder_prints_an_array_in_path_order(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "corpus" / "b.txt", VI_BODY)
    write(tmp_path / "corpus" / "sub" / "a.txt", VI_BODY)
    write(tmp_path / "corpus" / "notes.md", "not an article")
    result = runner.invoke(app, ["extract", str(tmp_path / "corpus")])
    assert result.exit_code == 0, result.stderr
    assert [d["doc"]["id"] for d in json.loads(result.stdout)] == ["b", "a"]


def test_folder_with_one_article_is_still_an_array(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "corpus" / "a.txt", VI_BODY)
    result = runner.invoke(app, ["extract", str(tmp_path / "corpus")])
    assert isinstance(json.loads(result.stdout), list)


def test_jsonl_prints_one_line_per_article(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        write(tmp_path / "corpus" / f"{name}.txt", HEADER + VI_BODY)
    result = runner.invoke(app, ["extract", "--format", "jsonl", str(tmp_path / "corpus")])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert [json.loads(line)["doc"]["id"] for line in lines] == ["a", "b", "c"]


def test_unknown_format_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", VI_BODY)
    result = runner.invoke(app, ["extract", "--format", "xml", str(article)])
    assert result.exit_code == 2


def test_no_path_is_a_usage_error(runner: CliRunner) -> None:
    assert runner.invoke(app, ["extract"]).exit_code == 2


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"\xff\xfe\x00b\x00a\x00", "broken UTF-16"),
        (b"", "empty"),
        (b"  \n\n\t\n", "empty"),
    ],
    ids=["binary", "utf-16-truncated", "empty", "blank"],
)
def test_bad_file_alone_exits_1_naming_it(runner: CliRunner, tmp_path: Path, content: bytes, reason: str) -> None:
    bad = write(tmp_path / "bad.txt", content)
    result = runner.invoke(app, ["extract", str(bad)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert str(bad) in result.stderr
    assert reason in result.stderr


def test_folder_with_one_bad_file_extracts_the_others(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", VI_BODY)
    bad = write(corpus / "b.txt", b"\xff\xfe\x00b\x00a\x00d")
    write(corpus / "c.txt", HEADER + VI_BODY)
    result = runner.invoke(app, ["extract", str(corpus)])
    assert result.exit_code == 0
    assert [d["doc"]["id"] for d in json.loads(result.stdout)] == ["a", "c"]
    [message] = result.stderr.splitlines()
    assert str(bad) in message


def test_extraction_error_names_the_file_and_the_batch_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "a.txt", VI_BODY)
    failing = write(tmp_path / "b.txt", VI_BODY + "BOOM\n")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), str(failing)])
    assert result.exit_code == 0
    assert [d["doc"]["id"] for d in json.loads(result.stdout)] == ["a"]
    assert str(failing) in result.stderr and "'events'" in result.stderr


def test_only_bad_files_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "corpus" / "a.txt", b"")
    write(tmp_path / "corpus" / "b.txt", b"\x00\x01\x02")
    result = runner.invoke(app, ["extract", str(tmp_path / "corpus")])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert "a.txt" in result.stderr and "b.txt" in result.stderr


def test_missing_file_and_empty_folder_are_reported(runner: CliRunner, tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", VI_BODY)
    (tmp_path / "empty").mkdir()
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["extract", str(missing), str(tmp_path / "empty"), str(good)])
    assert result.exit_code == 0
    assert [d["doc"]["id"] for d in json.loads(result.stdout)] == ["a"]
    assert str(missing) in result.stderr
    assert str(tmp_path / "empty") in result.stderr


def test_output_file_is_written_whole(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "corpus" / "a.txt", VI_BODY)
    write(tmp_path / "corpus" / "b.txt", VI_BODY)
    out = tmp_path / "facts.json"
    result = runner.invoke(app, ["extract", str(tmp_path / "corpus"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert [d["doc"]["id"] for d in json.loads(out.read_text(encoding="utf-8"))] == ["a", "b"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "facts.json"]  # no temp file left


def test_output_file_jsonl(runner: CliRunner, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", VI_BODY)
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, ["extract", "--format", "jsonl", str(article), "--output", str(out)])
    assert result.exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_output_to_a_named_pipe_writes_to_it_and_leaves_it_a_pipe(runner: CliRunner, tmp_path: Path) -> None:
    # as `-o /dev/null` must: renaming a temporary file over a device would put a file where it was
    write(tmp_path / "corpus" / "a.txt", VI_BODY)
    pipe = tmp_path / "facts.pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")))
    reader.start()
    result = runner.invoke(app, ["extract", str(tmp_path / "corpus"), "-o", str(pipe)])
    reader.join(timeout=60)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert [d["doc"]["id"] for d in json.loads(received[0])] == ["a"]


def test_output_through_a_link_replaces_the_file_it_points_to(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "corpus" / "a.txt", VI_BODY)
    target = tmp_path / "facts.json"
    target.write_text("[]", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    result = runner.invoke(app, ["extract", str(tmp_path / "corpus"), "-o", str(link)])
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert [d["doc"]["id"] for d in json.loads(target.read_text(encoding="utf-8"))] == ["a"]


def test_failed_run_keeps_the_previous_output(runner: CliRunner, tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.txt", b"")
    out = write(tmp_path / "facts.json", "previous\n")
    result = runner.invoke(app, ["extract", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "facts.json"]


def test_a_bug_on_one_article_costs_that_article_only(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "corpus" / "a.txt", VI_BODY)
    write(tmp_path / "corpus" / "b.txt", VI_BODY + "CRASH\n")
    write(tmp_path / "corpus" / "c.txt", VI_BODY + "Thêm.\n")
    out = tmp_path / "facts.json"

    def crashing(doc: Document) -> Facts:
        if "CRASH" in doc.text:
            raise RuntimeError("a bug, not a bad input")
        return fake_extract(doc)

    monkeypatch.setattr(bilat.batch.work, "extract", crashing)
    result = runner.invoke(app, ["extract", str(tmp_path / "corpus"), "-o", str(out)])
    assert result.exit_code == 0
    assert [facts["doc"]["id"] for facts in json.loads(out.read_text(encoding="utf-8"))] == ["a", "c"]
    assert f"skipped {tmp_path / 'corpus' / 'b.txt'}: RuntimeError: a bug, not a bad input" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "facts.json"]  # no temporary file left


def test_output_in_a_missing_folder_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", VI_BODY)
    result = runner.invoke(app, ["extract", str(article), "-o", str(tmp_path / "nope" / "facts.json")])
    assert result.exit_code == 1
    assert "cannot write" in result.stderr


def test_output_is_accepted_by_the_scorer_loader(runner: CliRunner, tmp_path: Path) -> None:
    """Both formats load the way score.py loads predictions: a JSON value, else JSON Lines."""
    write(tmp_path / "corpus" / "a.txt", VI_BODY)
    write(tmp_path / "corpus" / "b.txt", VI_BODY)
    for fmt in ("facts", "jsonl"):
        text = runner.invoke(app, ["extract", "--format", fmt, str(tmp_path / "corpus")]).stdout
        try:
            items = json.loads(text)
        except json.JSONDecodeError:
            items = [json.loads(line) for line in text.splitlines() if line.strip()]
        assert [d["doc"]["id"] for d in items] == ["a", "b"]


def test_python_dash_m_bilat_version() -> None:
    result = subprocess.run([sys.executable, "-m", "bilat", "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("bilat ")


@pytest.fixture
def shared(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shared folder, with extraction replaced by ``fake_extract`` (the scorer's output is what is tested)."""
    try:
        folder = bilat.cli.evaluate.find_shared()
    except BilatError as exc:
        pytest.skip(f"no shared folder: {exc}")
    monkeypatch.setattr(bilat.cli.evaluate, "extract", fake_extract)
    return folder


def test_eval_prints_the_scorer_report(runner: CliRunner, tmp_path: Path, shared: Path) -> None:
    result = runner.invoke(app, ["eval", "--lang", "vi", "--fold", "dev", "--shared", str(shared),
                                 "--predictions", str(tmp_path / "pred")])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].split() == ["section", "gold", "pred", "tp", "P", "R", "F1", "grounded"]
    assert lines[-1].startswith("micro P ") and "grounded-F1" in lines[-1]
    assert sorted(p.stem for p in (tmp_path / "pred").glob("*.json")) == sorted(
        bilat.cli.evaluate.gold_ids(shared / "gold")
    )


def test_eval_reports_each_language_and_fold_then_all(runner: CliRunner, tmp_path: Path, shared: Path) -> None:
    result = runner.invoke(app, ["eval", "--shared", str(shared), "--predictions", str(tmp_path / "pred")])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    count = {(lang, fold): len(bilat.cli.evaluate.gold_ids(bilat.cli.evaluate.gold_dir_for(shared, lang, fold)))
             for lang in ("vi", "en") for fold in ("dev", "check")}
    for (lang, fold), n in count.items():
        assert f"## {lang} {fold}: {n} articles" in lines
    table = lines[lines.index("## together") + 1:]
    assert [row.split()[:3] for row in table[1:7]] == [
        ["vi", "dev", str(count["vi", "dev"])], ["en", "dev", str(count["en", "dev"])],
        ["all", "dev", str(count["vi", "dev"] + count["en", "dev"])],
        ["vi", "check", str(count["vi", "check"])], ["en", "check", str(count["en", "check"])],
        ["all", "check", str(count["vi", "check"] + count["en", "check"])],
    ]
    assert [row.split(":")[0] for row in table[7:10]] == ["gap vi", "gap en", "gap all"]
    assert table[-1].startswith("micro P ")
    assert len(list((tmp_path / "pred" / "all").glob("*.json"))) == count["vi", "dev"] + count["en", "dev"]
    assert len(list((tmp_path / "pred" / "all-check").glob("*.json"))) == count["vi", "check"] + count["en", "check"]


def test_eval_one_fold_of_one_language(runner: CliRunner, tmp_path: Path, shared: Path) -> None:
    result = runner.invoke(app, ["eval", "--lang", "en", "--fold", "check", "--shared", str(shared),
                                 "--predictions", str(tmp_path / "pred")])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("micro P ")
    assert sorted(p.stem for p in (tmp_path / "pred").glob("*.json")) == sorted(
        bilat.cli.evaluate.gold_ids(shared / "gold" / "check-en")
    )


def test_eval_of_an_unknown_fold_exits_1(runner: CliRunner, shared: Path) -> None:
    result = runner.invoke(app, ["eval", "--fold", "test", "--shared", str(shared)])
    assert result.exit_code == 1
    assert "no fold 'test'" in result.stderr


def test_eval_without_shared_folder_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval"], env={"BILAT_SHARED": str(tmp_path)})
    assert result.exit_code == 1
    assert "BILAT_SHARED" in result.stderr


def test_dash_reads_one_article_from_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "-"], input=(HEADER + VI_BODY).encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    facts = json.loads(result.stdout)
    assert facts["doc"] == {"id": "stdin", "published": "2023-11-18", "lang": "vi"}
    start, end = facts["persons"][0]["evidence"]
    assert (HEADER + VI_BODY)[start:end] == VI_BODY.rstrip("\n")


def test_dash_reads_a_dump_from_stdin_line_by_line(runner: CliRunner) -> None:
    dump = "\n".join([json.dumps({"id": "first", "text": VI_BODY}), "{not json", "",
                      json.dumps({"text": VI_BODY, "published": "2023-11-18"})]) + "\n"
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=dump.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["doc"]["id"] for line in result.stdout.splitlines()] == ["first", "stdin-4"]
    assert "skipped -:2: not JSON" in result.stderr


def test_dash_reads_a_web_page_from_stdin(runner: CliRunner) -> None:
    page = f"<html><head><title>Việt Nam-Peru</title></head><body><article><p>{VI_BODY}</p></article></body></html>"
    result = runner.invoke(app, ["extract", "-"], input=page.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    facts = json.loads(result.stdout)
    assert facts["doc"]["id"] == "stdin" and facts["persons"]


def test_an_empty_stdin_is_skipped_with_its_reason(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "-"], input=b"")
    assert result.exit_code == 1
    assert "skipped -: empty file" in result.stderr


def test_stdin_and_files_together_keep_their_order(runner: CliRunner, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", VI_BODY)
    result = runner.invoke(app, ["extract", str(article), "-", "--format", "jsonl"], input=VI_BODY.encode("utf-8"))
    assert [json.loads(line)["doc"]["id"] for line in result.stdout.splitlines()] == ["a", "stdin"]


def test_output_dash_is_stdout(runner: CliRunner, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", VI_BODY)
    result = runner.invoke(app, ["extract", str(article), "-o", "-"], catch_exceptions=False)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["doc"]["id"] == "a"
    assert not (tmp_path / "-").exists() and not Path("-").exists()
