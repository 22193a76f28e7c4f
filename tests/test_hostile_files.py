"""What a crawler drops in a folder, beside two good articles: each bad thing is one skip with its reason, the rest is read.

Each case runs ``bilat extract DIR`` and ``bilat ingest DIR`` and checks both:
the skip (stderr, and ``bilat skipped`` after ingest) and the two articles.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilat import store
from bilat.cli import app
from bilat.errors import IngestError
from bilat.ingest import display_path, iter_paths, read_articles
from bilat.ingest.files import UnreadableFolder, read_bounded

runner = CliRunner()


@pytest.fixture
def folder(tmp_path: Path, shared_corpus: Path) -> Path:
    """A crawl folder holding the two seed articles."""
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    for seed in sorted((shared_corpus / "seeds").glob("*.txt")):
        (crawl / seed.name).write_bytes(seed.read_bytes())
    return crawl


def extracted_ids(folder: Path) -> tuple[list[str], str]:
    """``bilat extract``'s article ids and its stderr."""
    result = runner.invoke(app, ["extract", str(folder), "--format", "jsonl", "-j", "1"])
    assert result.exit_code == 0, result.output
    return [json.loads(line)["doc"]["id"] for line in result.stdout.splitlines()], result.stderr


def ingested(folder: Path, db: Path) -> tuple[list[dict[str, str]], str]:
    """What ``bilat ingest`` skipped (as ``bilat skipped --format json`` lists it) and its summary line."""
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "-j", "1"])
    assert result.exit_code == 1, result.output  # something was skipped
    listed = runner.invoke(app, ["skipped", "--format", "json", "--db", str(db)])
    assert listed.exit_code == 0, listed.output
    return json.loads(listed.stdout), result.stderr.strip().splitlines()[-1]


def fifo(folder: Path) -> None:
    os.mkfifo(folder / "x.txt")


def device(folder: Path) -> None:
    (folder / "z.txt").symlink_to("/dev/zero")


def unix_socket(folder: Path) -> None:
    os.chdir(folder)  # a socket's path is limited to about 100 bytes: bind it by its short relative name
    server = socket.socket(socket.AF_UNIX)
    server.bind("s.txt")
    server.close()  # the file stays


def link_loop(folder: Path) -> None:
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")


def too_deep(folder: Path) -> None:
    (folder / "deep.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")


CASES: dict[str, tuple[Callable[[Path], None], dict[str, tuple[str, str]]]] = {
    "fifo": (fifo, {"x.txt": ("not a regular file", "not a regular file: a FIFO (named pipe)")}),
    "device": (device, {"z.txt": ("not a regular file", "not a regular file: a character device")}),
    "socket": (unix_socket, {"s.txt": ("not a regular file", "not a regular file: a socket")}),
    "symlink loop": (link_loop, {"a.txt": ("unreadable", "cannot read: a symlink loop"),
                                 "b.txt": ("unreadable", "cannot read: a symlink loop")}),
    "deep json": (too_deep, {"deep.jsonl:1": ("malformed line", "nested too deeply to be an article")}),
}


@pytest.mark.parametrize("case", CASES)
def test_a_bad_entry_is_skipped_with_its_reason_and_the_articles_are_read(
    case: str, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    make, expected = CASES[case]
    monkeypatch.chdir(tmp_path)
    make(folder)

    ids, stderr = extracted_ids(folder)
    assert ids == ["000_d2da0c1ad552315d", "004_0b2ce203d1803446"]
    for name, (_, reason) in expected.items():
        assert f"bilat: skipped {folder / name}: {reason}" in stderr

    skipped, summary = ingested(folder, tmp_path / "bilat.db")
    assert {Path(x["where"]).name: (x["kind"], x["reason"]) for x in skipped} == expected
    assert summary.startswith(f"bilat: 2 stored, 0 duplicates, 0 already stored, {len(expected)} skipped")


def test_a_file_named_directly_is_checked_too(folder: Path) -> None:
    os.mkfifo(folder / "x.txt")
    (article,) = read_articles(folder / "x.txt")  # a FIFO with no writer: opening it to read would block forever
    assert isinstance(article, IngestError)
    assert (article.kind, article.reason) == ("not a regular file", "not a regular file: a FIFO (named pipe)")


def test_an_unreadable_folder_is_one_skip_and_the_batch_goes_on(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The listing fails as for a mode 000 folder when not root (root lists any folder)."""
    locked, after = folder / "locked", folder / "other"
    locked.mkdir()
    after.mkdir()
    seed = next(folder.glob("000_*.txt"))
    (locked / "hidden.txt").write_bytes(seed.read_bytes())
    (after / "copy.txt").write_bytes(seed.read_bytes() + "\nBản sao.\n".encode())
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)

    ids, stderr = extracted_ids(folder)
    assert ids == ["000_d2da0c1ad552315d", "004_0b2ce203d1803446", "copy"]
    assert f"bilat: skipped {locked}: unreadable folder: Permission denied" in stderr

    skipped, summary = ingested(folder, tmp_path / "bilat.db")
    assert [(x["where"], x["kind"], x["reason"]) for x in skipped] == [
        (str(locked), "unreadable folder", "unreadable folder: Permission denied"),
    ]
    assert summary == "bilat: 3 stored, 0 duplicates, 0 already stored, 1 skipped: 1 unreadable folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists a mode 000 folder: the listing failure is tested above")
def test_a_mode_000_folder_is_skipped(folder: Path, tmp_path: Path) -> None:
    locked = folder / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_bytes(next(folder.glob("*.txt")).read_bytes())
    locked.chmod(0)
    try:
        ids, stderr = extracted_ids(folder)
        skipped, _ = ingested(folder, tmp_path / "bilat.db")
    finally:
        locked.chmod(0o755)
    assert ids == ["000_d2da0c1ad552315d", "004_0b2ce203d1803446"]
    assert f"bilat: skipped {locked}: unreadable folder: Permission denied" in stderr
    assert [(x["where"], x["kind"]) for x in skipped] == [(str(locked), "unreadable folder")]


def test_a_walk_never_follows_a_link_to_a_folder(folder: Path) -> None:
    (folder / "loop").symlink_to(folder)
    (folder / "loop.txt").symlink_to(folder)
    found = list(iter_paths([folder]))
    assert [p.name for p in found if isinstance(p, Path)] == ["000_d2da0c1ad552315d.txt", "004_0b2ce203d1803446.txt",
                                                                "loop.txt"]
    assert not any(isinstance(p, UnreadableFolder) for p in found)
    (error,) = read_articles(folder / "loop.txt")
    assert isinstance(error, IngestError) and error.reason == "not a regular file: a folder"


def test_a_name_that_is_not_utf8_is_shown_and_stored_escaped(folder: Path, tmp_path: Path) -> None:
    seed = next(folder.glob("004_*.txt"))
    good = Path(os.fsdecode(os.fsencode(folder) + b"/bad\xff.txt"))
    bad = Path(os.fsdecode(os.fsencode(folder) + b"/binary\xfe.txt"))
    good.write_bytes(seed.read_bytes() + "\nBản sao.\n".encode())
    bad.write_bytes(b"\x00\x01")
    assert display_path(good) == f"{folder}/bad\\xff.txt"

    ids, stderr = extracted_ids(folder)
    assert ids == ["000_d2da0c1ad552315d", "004_0b2ce203d1803446", "bad\\xff"]
    assert f"bilat: skipped {folder}/binary\\xfe.txt: binary file" in stderr

    db = tmp_path / "bilat.db"
    skipped, summary = ingested(folder, db)
    assert [(x["where"], x["kind"]) for x in skipped] == [(f"{folder}/binary\\xfe.txt", "binary")]
    assert summary.startswith("bilat: 3 stored")
    _, articles = store.articles(store.connect(str(db)), limit=10)
    assert {a["name"] for a in articles} == {"000_d2da0c1ad552315d", "004_0b2ce203d1803446", "bad\\xff"}


def test_a_file_read_is_cut_at_the_limit_whatever_its_size_says(tmp_path: Path) -> None:
    """``/proc`` files are regular and say they hold 0 bytes: the read itself stops at the limit."""
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("no /proc on this system")
    with pytest.raises(IngestError, match="more than 100 bytes once read"):
        read_bounded(status, 100)
    small = tmp_path / "small.txt"
    small.write_bytes(b"x" * 100)
    assert read_bounded(small, 100) == b"x" * 100


def test_a_file_named_inside_a_folder_it_cannot_look_into_is_one_skip(
    folder: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``Path.is_dir`` raises PermissionError there (where a missing path gives False): reading says why instead."""
    hidden = folder / "locked" / "a.txt"
    real_stat = os.stat

    def stat(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == hidden:
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    result = runner.invoke(app, ["extract", str(hidden), str(next(folder.glob("000_*.txt"))), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert f"bilat: skipped {hidden}: cannot read: Permission denied" in result.stderr
    assert [json.loads(line)["doc"]["id"] for line in result.stdout.splitlines()] == ["000_d2da0c1ad552315d"]
