"""Language data: the words bilat knows, one folder of TOML files per language.

Each file starts with ``source = "..."`` saying where its content comes from.
Components never branch on a language code: they read the lexicon of the
document's language (``load(doc.lang)``) and apply the same rules to it.
Data that does not depend on a language (summit series, organisation codes)
lives in ``bilat/data/`` and is read with ``load_shared``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from bilat.errors import LexiconError

LANGUAGES = ("vi", "en")
"""Languages whose data files are complete enough to extract from."""


@dataclass(frozen=True)
class Lexicon:
    """The data files of one language, parsed lazily and kept."""

    lang: str
    _files: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False, compare=False)

    def __getitem__(self, name: str) -> dict[str, Any]:
        if name not in self._files:
            self._files[name] = _read(f"lang/{self.lang}/{name}.toml")
        return self._files[name]

    def table(self, name: str, key: str) -> Any:
        """``[key]`` of data file ``name``, raising LexiconError when missing."""
        try:
            return self[name][key]
        except KeyError:
            raise LexiconError(f"lang/{self.lang}/{name}.toml has no {key!r}") from None


@cache
def load(lang: str) -> Lexicon:
    """The lexicon of ``lang`` (``"vi"``, ``"en"``)."""
    if not resources.files("bilat").joinpath(f"lang/{lang}").is_dir():
        raise LexiconError(f"no language data for {lang!r}")
    return Lexicon(lang)


@cache
def load_shared(name: str) -> dict[str, Any]:
    """A language-independent data file from ``bilat/data``."""
    return _read(f"data/{name}.toml")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of data-file ``words``, longest first so that the longest phrase wins.

    With no words it never matches: a list a language leaves empty turns its rule off,
    where an empty alternation would match everywhere.
    """
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w) for w in ordered) if ordered else NEVER


NEVER = r"(?!)"
"""A pattern that matches nothing."""


def _read(path: str) -> dict[str, Any]:
    try:
        raw = resources.files("bilat").joinpath(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"missing data file {path}") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: {exc}") from exc
    if "source" not in data:
        raise LexiconError(f"{path} does not say its source (a top-level 'source = ...')")
    return data
