"""Search hits (``store.search``) as a Rich table, for ``bilat search``: readable at 80 columns."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

MARK = "bold reverse"
"""How a word found stands out in a snippet: bold and reversed read on any terminal's colours, and without them."""

RANGE = "\n–"
"""A range of dates on two lines ("2024-11-12", "–2024-11-16"): the date column stays 11 characters wide."""


def print_hits(console: Console, found: dict[str, Any]) -> None:
    """One row per hit: its kind, title and snippet with the words found marked, and where to read it; then the counts."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("kind", no_wrap=True)
    table.add_column("found", overflow="fold", ratio=1)
    table.add_column("date", no_wrap=True)
    for hit in found["items"]:
        table.add_row(hit["kind"], _found(hit), Text((hit["date"] or "").replace("/", RANGE)))
    console.print(table)
    counts = ", ".join(f"{n} {kind}{'' if n == 1 else 's'}" for kind, n in found["counts"].items())
    console.print(Text(f"{len(found['items'])} shown of {counts}", style="dim"))


def _found(hit: dict[str, Any]) -> Text:
    """The title (and pair), the snippet with its marks, and the id to look it up by."""
    pair = f"  {'–'.join(hit['pair'])}" if hit["pair"] else ""
    cell = Text(hit["title"] or "", style="bold")
    cell.append(pair)
    snippet = Text(hit["snippet"])
    for start, end in hit["marks"]:
        snippet.stylize(MARK, start, end)
    cell.append("\n")
    cell.append_text(snippet)
    cell.append(f"\n{hit['id']}", style="dim")
    return cell
