"""Finding and opening article files: regular files only, read within a bound, named whatever their bytes.

A crawler's folder holds whatever it fetched. A FIFO blocks its reader
forever, a link to ``/dev/zero`` never ends, a folder may be unreadable and
a name may not be UTF-8. So only regular files are opened (checked before
opening, and again on the open descriptor, which swapping the file cannot
fool), a read stops at its limit whatever size the file claims, a folder
that cannot be listed is one ``UnreadableFolder`` in the walk, and every
path is shown through ``display_path``.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

from bilat.errors import IngestError

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
NOT_REGULAR = "not a regular file"
"""The kind of skip of a FIFO, device, socket or folder where an article file was expected."""
UNREADABLE_FOLDER = "unreadable folder"
STDIN = Path("-")
"""The path that stands for standard input, as in most command-line tools (read by ``ingest/stdin.py``)."""

_WHAT = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


class UnreadableFolder(NamedTuple):
    """A folder the walk could not list, and why: a skip in its place, and the walk goes on."""

    path: Path
    reason: str


def display_path(path: str | os.PathLike[str]) -> str:
    """The path as text for messages, the store and JSON: bytes that are not UTF-8 written as ``\\xff``.

    Python hands such names over with lone surrogates (PEP 383), which no
    UTF-8 stream or database accepts.
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def iter_paths(paths: Iterable[Path]) -> Iterator[Path | UnreadableFolder]:
    """Files named directly, and the article files inside named folders, sorted.

    Whatever is not a folder is listed by its suffix, FIFO or link alike:
    reading it says what it is. Links to folders are not followed, so a link
    loop cannot trap the walk.
    """
    for path in paths:
        if is_folder(path):
            yield from sorted(_walk(path), key=lambda found: found.path if isinstance(found, UnreadableFolder) else found)
        else:
            yield path


def _walk(top: Path) -> Iterator[Path | UnreadableFolder]:
    """Depth-first with a list, not recursion: a folder tree may be nested deeper than Python's stack."""
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:  # no permission, or removed since its parent was listed
            yield UnreadableFolder(folder, f"{UNREADABLE_FOLDER}: {exc.strerror or exc}")
            continue
        for entry in entries:
            path = folder / entry.name
            if _entry_is_folder(entry):
                folders.append(path)
            elif path.suffix.lower() in SUFFIXES:
                yield path


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; False when it cannot be looked at (inside an unreadable folder), as reading it then says."""
    try:
        return path.is_dir()
    except OSError:  # Path.is_dir raises PermissionError where it returns False for a missing path
        return False


def _entry_is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:  # vanished: listed as a file, and reading it says so
        return False


def open_regular(path: Path) -> BinaryIO:
    """``path`` open for reading if it is a regular file, through links; else IngestError saying what it is.

    Opened without blocking, so that a FIFO put in its place after the check
    cannot hang the batch; the descriptor is checked again before any read.
    """
    name = display_path(path)
    try:
        _refuse_irregular(os.stat(path).st_mode, name)
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise _unreadable(exc, name) from exc
    try:
        _refuse_irregular(os.fstat(descriptor).st_mode, name)
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; never more than ``limit + 1`` are read.

    The size is checked before reading and the read is cut at the limit, for
    a file that grows meanwhile or whose size says nothing (``/proc``).
    """
    name = display_path(path)
    with open_regular(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > limit:
            raise IngestError(name, f"file too large ({size} bytes, limit {limit})", "too large")
        try:
            raw = stream.read(limit + 1)
        except OSError as exc:
            raise _unreadable(exc, name) from exc
    if len(raw) > limit:
        raise IngestError(name, f"file too large (more than {limit} bytes once read)", "too large")
    return raw


def _refuse_irregular(mode: int, name: str) -> None:
    if not stat.S_ISREG(mode):
        what = _WHAT.get(stat.S_IFMT(mode), "not a file of any known type")
        raise IngestError(name, f"{NOT_REGULAR}: {what}", NOT_REGULAR)


def _unreadable(exc: OSError, name: str) -> IngestError:
    if exc.errno == errno.ELOOP:
        return IngestError(name, "cannot read: a symlink loop", "unreadable")
    return IngestError(name, f"cannot read: {exc.strerror or exc}", "unreadable")
