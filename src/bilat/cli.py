"""The ``bilat`` command line.

``extract`` and ``eval`` work on files; ``ingest``, ``follow``, ``skipped``, ``forget``, ``export``,
``relation``, ``persons``, ``brief``, ``search``, ``serve``, ``alerts`` and ``db`` work on the store (``--db URL``,
else ``$BILAT_DB``, else a SQLite file in the user's data directory).

A batch never stops on one bad article: each file that cannot be read or
extracted gets a one-line message on stderr naming it, and the others go on.
``extract`` exits with 1 only when no article at all could be extracted;
``ingest`` with 1 when anything was skipped (``bilat skipped`` lists what and
why). Usage errors exit with 2.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from enum import Enum
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO, TypeVar

import typer

from bilat import batch, evaluate
from bilat.countries import country_code
from bilat.errors import (
    BilatError,
    StoreError,
)
from bilat.extract import budget
from bilat.follow.hosts import HOST_DELAY
from bilat.ingest import display_path, iter_paths
from bilat.ingest.files import STDIN, UnreadableFolder, is_folder
from bilat.report.choices import BriefingFormat, ExportFormat, ExportSection, ReaderLanguage
from bilat.watch.folders import INTERVAL_SECONDS


class _OnFirstUse:
    """A module imported when one of its names is first read.

    The store (SQLAlchemy, Alembic), the briefings (Jinja, WeasyPrint) and
    Rich's tables take about a second to import: ``--help``, ``--version`` and
    a command that needs none of them must not wait for them.
    """

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(import_module(self._name), attribute)


if TYPE_CHECKING:
    from rich.console import Console
    from sqlalchemy import Engine
    from sqlalchemy.exc import SQLAlchemyError

    from bilat import export, store
    from bilat.batch import storing
    from bilat.report import briefing, terminal
    from bilat.store import db as store_db
    from bilat.store import models
else:
    export = _OnFirstUse("bilat.export")
    store = _OnFirstUse("bilat.store")
    store_db = _OnFirstUse("bilat.store.db")
    models = _OnFirstUse("bilat.store.models")
    storing = _OnFirstUse("bilat.batch.storing")
    briefing = _OnFirstUse("bilat.report.briefing")
    terminal = _OnFirstUse("bilat.report.terminal")

T = TypeVar("T")

app = typer.Typer(
    name="bilat",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # Click's plain help: drawing it in Rich panels doubled the time --help takes
)


db_app = typer.Typer(help="The store's schema: create or update it.", no_args_is_help=True)
app.add_typer(db_app, name="db")
alerts_app = typer.Typer(help="Alerts on the records of the pairs followed: list them, follow and unfollow pairs.")
app.add_typer(alerts_app, name="alerts")


class Format(str, Enum):
    facts = "facts"
    jsonl = "jsonl"


class RecordFormat(str, Enum):
    text = "text"
    json = "json"


TOKEN_ENV = "BILAT_TOKEN"
DB_ENV = "BILAT_DB"
"""The variable naming the store when ``--db`` is not given: ``store.db.DB_ENV``, named here for ``--help``
without importing the store (a test holds the two equal)."""

WorkersOption = Annotated[
    int | None,
    typer.Option("--workers", "-j", min=1, show_default=False,
                 help="Worker processes reading and extracting articles. Default: one per core."),
]


def _positive(seconds: float | None) -> float | None:
    """``--article-timeout``: a budget of no time would skip every article."""
    if seconds is not None and not seconds > 0:
        raise typer.BadParameter("a number of seconds above 0")
    return seconds


ArticleTimeoutOption = Annotated[
    float | None,
    typer.Option("--article-timeout", metavar="SECONDS", callback=_positive, show_default=False,
                 help=f"CPU seconds one article may take to read and extract; past them it is skipped as too slow. "
                 f"Default: ${budget.BUDGET_ENV}, else {budget.DEFAULT_SECONDS:g}."),
]
def _webhook(url: str | None) -> str | None:
    """``--webhook``: only a web address, never a file (urllib would read one)."""
    from bilat.webhook import webhook_url_error

    refused = webhook_url_error(url) if url is not None else None
    if refused:
        raise typer.BadParameter(refused)
    return url


WebhookOption = Annotated[
    str | None,
    typer.Option("--webhook", metavar="URL", callback=_webhook, show_default=False,
                 help="POST the alerts this URL was not sent yet as JSON once the record is updated "
                      "(`bilat alerts`); a failure is reported and retried next time, never failing the command."),
]
DbOption = Annotated[
    str | None,
    typer.Option("--db", help=f"Database URL or SQLite file. Default: ${DB_ENV}, else a SQLite file "
                 "in the user's data directory.", show_default=False),
]


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version  # reading package metadata costs more than --help

        try:
            typer.echo(f"bilat {version('bilat')}")
        except PackageNotFoundError:  # run from a checkout without installing it
            typer.echo("bilat (not installed)")
        raise typer.Exit()


@app.callback()
def main(
    show_version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Extract diplomatic facts (persons, events, agreements...) from news articles."""


@app.command("extract")
def extract_command(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", help="Article files (.txt, saved web pages .html/.htm, JSON Lines dumps .jsonl), or folders searched recursively for them; - reads one article or a dump from stdin.")],
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            help="facts: the facts contract as indented JSON (one object for a single file, "
            "an array for a folder or several files); jsonl: one compact object per line.",
        ),
    ] = Format.facts,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to FILE (replaced whole, only on success) instead of stdout (-: stdout too)."),
    ] = None,
    workers: WorkersOption = None,
    article_timeout: ArticleTimeoutOption = None,
) -> None:
    """Print the facts of each article in the facts contract (FACTS.md)."""
    # The shape depends on what was asked for, not on how many files succeeded.
    single = len(paths) == 1 and not is_folder(paths[0])
    seconds = _seconds(article_timeout)
    writer = _Writer(fmt, single)
    extracted = 0
    with _Output(None if output == STDIN else output) as out:
        for result in _results(paths, batch.Engine.local, _workers(workers), seconds=seconds):
            if isinstance(result, batch.Extracted):
                writer.write(out.stream, result.facts.to_dict())
                extracted += 1
        writer.close(out.stream)
        if extracted:
            out.commit()
    if not extracted:
        _warn("no article could be extracted")
        raise typer.Exit(1)


@app.command("eval")
def eval_command(
    shared: Annotated[
        Path | None,
        typer.Option(help=f"The shared folder (corpus/, gold/, tools/score.py). Default: ${evaluate.SHARED_ENV}, else ../shared."),
    ] = None,
    per_doc: Annotated[bool, typer.Option("--per-doc", help="Also print a table for each document.")] = False,
    lang: Annotated[str, typer.Option(
        help="Language of the gold to score against: vi, another code, or all: each read language on its own, then together.",
    )] = "all",
    fold: Annotated[str, typer.Option(
        help="Gold fold: dev (the articles rules are written on), check (held out: the estimate for new text), or all: each, then their gap.",
    )] = "all",
    predictions: Annotated[
        Path | None, typer.Option(help="Keep the predicted facts in this folder (default: a temporary one).")
    ] = None,
) -> None:
    """Extract the annotated articles of the shared corpus and score them against the gold."""
    def on_error(doc_id: str, exc: BilatError) -> None:
        _warn(f"no prediction for {doc_id}: {batch.reason(exc)}")

    try:
        report = evaluate.report(shared, lang, fold, per_doc=per_doc, out_dir=predictions, on_error=on_error)
    except BilatError as exc:
        _warn(str(exc))
        raise typer.Exit(1) from None
    typer.echo(report, nl=False)


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[Path] | None, typer.Argument(metavar="PATH", help="Article files (.txt, saved web pages .html/.htm, JSON Lines dumps .jsonl), or folders searched recursively for them; - reads one article or a dump from stdin.", show_default=False)] = None,
    db: DbOption = None,
    workers: WorkersOption = None,
    engine_name: Annotated[batch.Engine, typer.Option(
        "--engine", help="local: worker processes on this machine; dask: a Dask cluster (--scheduler, else a LocalCluster).",
    )] = batch.Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        help="The Dask scheduler's address (tcp://HOST:PORT) for --engine dask; without it a LocalCluster is started.",
        show_default=False,
    )] = None,
    retry_failed: Annotated[bool, typer.Option(
        "--retry-failed", help="Also read again the files whose articles failed (extraction failed, worker crashed, too slow).",
    )] = False,
    article_timeout: ArticleTimeoutOption = None,
    webhook: WebhookOption = None,
) -> None:
    """Extract articles and store them with their facts; then update the merged record.

    Files are read and extracted by worker processes (every core by default)
    and stored by this one, in order, a bounded number ahead: memory stays
    flat however large the corpus. Each article is stored whole or not at all.
    The same text again (header and whitespace aside) is stored once, with
    every place it was read from, so running ingest again on a folder adds
    only what is new; a syndicated copy with small edits joins the story of
    the article it copies. What can't be used is skipped with its reason,
    listed by `bilat skipped`; the exit status is 1 when anything was skipped.
    Ctrl-C stops cleanly (exit status 130): what was stored stays, and a
    re-run continues where it stopped.
    """
    if scheduler is not None and engine_name is not batch.Engine.dask:
        raise typer.BadParameter("a scheduler is only used with --engine dask", param_hint="'--scheduler'")
    from bilat.ingest.outlets import article_url

    seconds = _seconds(article_timeout)
    engine = _open(db, create=True)
    paths = list(paths or [])
    if retry_failed:
        failed = _guard(lambda: store.skipped_paths(engine, kinds=batch.FAILED_KINDS))
        # what stdin held is gone; a page `bilat follow` fetched is its to fetch again
        paths += [Path(path) for path in failed if Path(path) != STDIN and article_url(path) is None]
    if not paths:
        raise typer.BadParameter("give the files or folders to ingest, or --retry-failed", param_hint="PATHS")
    with_skips = set(_guard(lambda: store.skipped_paths(engine)))
    tally = storing.Tally()
    pending = _Pending(engine, tally)
    try:
        for result in _results(list(dict.fromkeys(paths)), engine_name, _workers(workers), scheduler, seconds):
            path = display_path(result.path)
            if path in with_skips:  # read again: its earlier verdicts give way to this run's
                with_skips.discard(path)
                _guard(partial(store.forget_skips, engine, path))
            if isinstance(result, batch.Skipped):
                pending.skip(result)
            else:
                pending.add(result)
        pending.flush()
    except KeyboardInterrupt:
        try:  # the articles extracted so far are whole: store them, unless a second Ctrl-C says not to wait
            pending.flush()
        except KeyboardInterrupt:
            pass
        _warn(f"interrupted: {tally}; run again to store the rest")
        raise typer.Exit(130) from None
    except BilatError as exc:  # the Dask scheduler could not be reached
        _warn(str(exc))
        raise typer.Exit(1) from None
    # deleted since (or out of sight): nothing left to fix; a URL is a page `bilat follow` skipped, not a file
    for gone in (path for path in with_skips if not os.path.exists(path) and article_url(path) is None):
        _guard(partial(store.forget_skips, engine, gone))
    from rich.console import Console

    with Console(stderr=True).status("bilat: updating the merged record", spinner="line"):  # shown on a terminal only
        _guard(lambda: store.rebuild(engine))
    if webhook:
        _deliver(engine, webhook)
    _warn(str(tally))
    if tally.skips:
        raise typer.Exit(1)


@app.command("watch")
def watch_command(
    folders: Annotated[list[Path], typer.Argument(metavar="DIR", help="Folders that articles are dropped into (.txt, .html/.htm, .jsonl), watched with their subfolders.")],
    db: DbOption = None,
    interval: Annotated[float, typer.Option(
        "--interval", metavar="SECONDS", callback=_positive, help="Seconds between two looks at the folders.",
    )] = INTERVAL_SECONDS,
    once: Annotated[bool, typer.Option("--once", help="Bring the store up to date with the folders once, then exit (for cron).")] = False,
    workers: WorkersOption = None,
    article_timeout: ArticleTimeoutOption = None,
    webhook: WebhookOption = None,
) -> None:
    """Keep the store current from folders: store new and changed files, withdraw the articles of deleted ones.

    A file is read once it stops changing (hidden names, starting with a dot,
    are left alone: write there and rename). A changed file's new text is
    stored and its old text withdrawn; a deleted file's articles are
    withdrawn: kept in the store, out of the merged record, back if the file
    comes back. One line on stderr per file stored, withdrawn or skipped.
    What was stored from each file is in the store: a restart reads only what
    changed, and a kill at any moment loses nothing. Ctrl-C stops (exit status
    130); with --once the exit status is 1 when anything was skipped.
    """
    from bilat.watch.rounds import Watcher, run

    missing = [folder for folder in folders if not is_folder(folder)]
    if missing:
        raise typer.BadParameter(f"not a folder: {display_path(missing[0])}", param_hint="DIR")
    seconds = _seconds(article_timeout)
    engine = _open(db, create=True)
    _guard(lambda: store.rebuild(engine))  # a watcher killed before its rebuild left the record behind
    watcher = _guard(lambda: Watcher(engine, folders, _workers(workers), seconds, say=_warn, webhook=webhook))
    if not once:
        _warn(f"watching {', '.join(display_path(f) for f in watcher.folders)} every {interval:g} s (Ctrl-C stops)")
    try:
        _guard(lambda: run(watcher, interval, once))
    except KeyboardInterrupt:
        _warn(f"stopped: {watcher.summary()}")
        raise typer.Exit(130) from None
    _warn(watcher.summary())
    if watcher.tally.skips:
        raise typer.Exit(1)


@app.command("skipped")
def skipped_command(
    fmt: Annotated[RecordFormat, typer.Option("--format", help="text: a table; json: a list.")] = RecordFormat.text,
    db: DbOption = None,
) -> None:
    """List the inputs that were not stored and why: each file's verdict from the latest run that read it."""
    engine = _open(db)
    _show(fmt, _guard(lambda: store.skips(engine)), terminal.print_skips)


@app.command("forget")
def forget_command(
    article_id: Annotated[str | None, typer.Argument(
        metavar="ARTICLE_ID", help="The article's id: 16 hex digits, as in a fact's sources and GET /api/articles.", show_default=False,
    )] = None,
    source: Annotated[str | None, typer.Option(
        "--source", show_default=False,
        help="Forget the articles read from this place instead: a URL, a file as it was given to ingest, "
             "or a .jsonl dump (its lines that had no url).",
    )] = None,
    db: DbOption = None,
) -> None:
    """Remove an article from the store (its facts, the places it was read from), then update the merged record.

    Its text was perhaps read from several places (exact copies): the article
    goes whole. A syndicated copy of it stays, as the first of its story.
    Ingesting it again stores it again. The ids forgotten are printed, one a
    line; the exit status is 1 when nothing matches.
    """
    if (article_id is None) == (source is None):
        raise typer.BadParameter("give either an ARTICLE_ID or --source PATH", param_hint="ARTICLE_ID")
    engine = _open(db)
    wanted = [article_id] if article_id is not None else _guard(lambda: store.read_from(engine, source))
    forgotten = _guard(lambda: store.forget(engine, wanted))
    if not forgotten:
        _warn(f"no article {article_id} in the store" if article_id is not None else
              f"no stored article was read from {source} (give the place as ingest was given it, or the article's id)")
        raise typer.Exit(1)
    typer.echo("\n".join(forgotten))
    _warn(f"forgot {len(forgotten)} article{'' if len(forgotten) == 1 else 's'}")


FOLLOW_INTERVAL = 15 * 60.0
"""``follow.loop.INTERVAL``, named here for ``--help`` without importing the follower (a test holds the two equal)."""


def _feed_urls(urls: list[str] | None) -> list[str] | None:
    """The feeds to follow: web addresses (http, https) that the store can keep."""
    from bilat.ingest.outlets import article_url
    from bilat.store.checks import MAX_PLACE_BYTES

    for url in urls or []:
        if article_url(url) is None:
            raise typer.BadParameter(f"{url!r} is not a web address (http:// or https://)")
        if len(url.encode("utf-8")) > MAX_PLACE_BYTES:
            raise typer.BadParameter(f"a URL of more than {MAX_PLACE_BYTES} bytes")
    return urls


def _non_negative(seconds: float) -> float:
    if not seconds >= 0:
        raise typer.BadParameter("a number of seconds, 0 or more")
    return seconds


@app.command("follow")
def follow_command(
    urls: Annotated[list[str], typer.Argument(
        metavar="URL", callback=_feed_urls, help="RSS or Atom feeds, sitemaps or sitemap indexes of outlets.",
    )],
    db: DbOption = None,
    interval: Annotated[float, typer.Option(
        metavar="SECONDS", callback=_positive, help="Seconds between two polls of a feed.",
    )] = FOLLOW_INTERVAL,
    once: Annotated[bool, typer.Option("--once", help="Poll each feed once, store what is new, and exit (for cron).")] = False,
    host_delay: Annotated[float, typer.Option(
        "--host-delay", metavar="SECONDS", callback=_non_negative,
        help="Seconds between two requests to one host (one at a time, always).",
    )] = HOST_DELAY,
    article_timeout: ArticleTimeoutOption = None,
    webhook: WebhookOption = None,
) -> None:
    """Poll feeds and sitemaps, and store each new article page they list; the merged record is kept up to date.

    Each feed is asked only for what changed since (ETag, Last-Modified), on
    its interval; each page it lists is fetched once, ever: stored with its
    URL and date (the feed's, when the page states none), or skipped with its
    reason (`bilat skipped`). Requests name bilat, go one at a time to each
    host, and a timeout or an overloaded server (5xx, 429) is tried again
    after a growing pause. A line per page stored or skipped goes to stderr.
    What was fetched is in the store: stopped (Ctrl-C: exit status 130) or
    killed, a follower started again goes on where it was. With --once the
    exit status is 1 when anything was skipped.
    """
    from bilat.follow.fetch import Politeness
    from bilat.follow.loop import Follower, Settings

    settings = Settings(interval=interval, once=once, seconds=_seconds(article_timeout),
                        politeness=Politeness(host_delay=host_delay), webhook=webhook)
    engine = _open(db, create=True)
    follower = Follower(engine, urls, settings, _warn)
    try:
        tally = _guard(follower.run)
    except KeyboardInterrupt:
        _warn(f"interrupted: {follower.tally}; run again to go on")
        raise typer.Exit(130) from None
    _warn(str(tally))
    if tally.skips:
        raise typer.Exit(1)


@app.command("serve")
def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on; the default answers this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(
        envvar=TOKEN_ENV, show_default=False,
        help=f"Enable POST /api/articles for requests that send it as a bearer token (default: ${TOKEN_ENV}; "
             "without one, the server is read-only).",
    )] = None,
    workers: Annotated[int | None, typer.Option(
        min=1, show_default=False, help="Worker processes answering requests (default: one per core).",
    )] = None,
    follow: Annotated[list[str] | None, typer.Option(
        "--follow", metavar="URL", callback=_feed_urls, show_default=False,
        help="Also follow this RSS/Atom feed or sitemap in a background process, as `bilat follow` does (repeatable).",
    )] = None,
    watch: Annotated[list[Path] | None, typer.Option(
        "--watch", metavar="DIR", show_default=False,
        help="Also keep the store current from this folder, as `bilat watch DIR` does, in a process beside the server (repeatable).",
    )] = None,
    webhook: Annotated[str | None, typer.Option(
        "--webhook", metavar="URL", callback=_webhook, show_default=False,
        help="POST the alerts this URL was not sent yet as JSON each time --watch or --follow updates the record.",
    )] = None,
) -> None:
    """Serve the web pages (one per relationship) and the JSON API, with its docs at /docs."""
    from bilat.web import background, serve  # the server is only needed here; other commands start faster without it

    missing = [folder for folder in watch or [] if not is_folder(folder)]
    if missing:
        raise typer.BadParameter(f"not a folder: {display_path(missing[0])}", param_hint="'--watch'")
    if webhook and not (watch or follow):
        raise typer.BadParameter("the alerts are sent by the loops that update the record: give --watch or --follow",
                                 param_hint="'--webhook'")
    engine = _open(db)
    _guard(lambda: store.rebuild(engine))
    workers = workers or serve.default_workers()
    mode = "writable with the token" if token else "read-only"
    _warn(f"serving {_redacted(engine)} on http://{host}:{port}/ ({mode}, {workers} worker{'s' * (workers > 1)})")
    url = engine.url.render_as_string(hide_password=False)
    beside = []
    if follow:
        from bilat.follow.loop import follow_store

        _warn(f"following {len(follow)} feed{'s' * (len(follow) > 1)} in the background")
        beside.append(background.start(follow_store, url, follow, webhook))
    if watch:
        from bilat.watch.rounds import watch_store

        beside.append(background.start(watch_store, url, [os.path.abspath(folder) for folder in watch], INTERVAL_SECONDS, webhook))
    try:
        serve.run(url, token or None, host, port, workers)
    finally:
        background.stop(beside)


@app.command("relations")
def relations_command(
    fmt: Annotated[RecordFormat, typer.Option("--format", help="text: a table; json: a list.")] = RecordFormat.text,
    lang: Annotated[ReaderLanguage, typer.Option(
        "--lang", help="Language of the table's words, country names and dates.",
    )] = ReaderLanguage.en,
    db: DbOption = None,
) -> None:
    """List the pairs of countries the store knows: articles, events, agreements, and the date of the latest event."""
    engine = _open(db)
    _guard(lambda: store.rebuild(engine))
    latest = _guard(lambda: store.latest_event_dates(engine))
    pairs = [{**pair, "latest": latest.get(tuple(pair["countries"]))} for pair in _guard(lambda: store.relations(engine))]
    _show(fmt, pairs, partial(terminal.print_relations, lang=lang.value))


IdsOption = Annotated[bool, typer.Option("--ids", help="Also show each entry's id, as the API and `bilat forget` take them.")]


@app.command("relation")
def relation_command(
    first: Annotated[str, typer.Argument(metavar="COUNTRY", help="A country: ISO code (VN) or name (Vietnam, Việt Nam).")],
    second: Annotated[str, typer.Argument(metavar="COUNTRY", help="The other country.")],
    fmt: Annotated[RecordFormat, typer.Option("--format", help="text: tables; json: the record as JSON.")] = RecordFormat.text,
    lang: Annotated[ReaderLanguage | None, typer.Option(
        "--lang", show_default=False,
        help="Write the tables' words, codes and dates in this language, and name persons and mechanisms as "
             "its articles do, where any does (default: English words, the fullest name in any language).",
    )] = None,
    ids: IdsOption = False,
    db: DbOption = None,
) -> None:
    """Print the record of a relationship: timeline, agreements, open items, mechanisms, memberships, figures."""
    codes = _countries(first, second)
    engine = _open(db)
    _guard(lambda: store.rebuild(engine))  # only if an interrupted ingest left it behind the articles
    record = _guard(lambda: store.relation(engine, *codes))
    words = lang or ReaderLanguage.en
    _show(fmt, store.in_language(record, lang.value) if lang else record,
          partial(terminal.print_relation, lang=words.value, ids=ids))


@app.command("persons")
def persons_command(
    country: Annotated[str, typer.Argument(metavar="COUNTRY", help="A country: ISO code or name.")],
    fmt: Annotated[RecordFormat, typer.Option("--format", help="text: a table; json: a list.")] = RecordFormat.text,
    lang: Annotated[ReaderLanguage | None, typer.Option(
        "--lang", show_default=False,
        help="Write the table's words and dates in this language, and name persons and quote titles as its "
             "articles do, where any does (default: English words, the fullest name and every title).",
    )] = None,
    ids: IdsOption = False,
    db: DbOption = None,
) -> None:
    """List who was seen holding which office of a country, and when (the dates of the articles' events)."""
    (code,) = _countries(country)
    engine = _open(db)
    _guard(lambda: store.rebuild(engine))
    spells = _guard(lambda: store.office_holders(engine, code, lang.value if lang else None))
    words = lang or ReaderLanguage.en
    _show(fmt, spells, partial(terminal.print_office_holders, country_code=code, lang=words.value, ids=ids))


@app.command("brief")
def brief_command(
    first: Annotated[str, typer.Argument(metavar="COUNTRY", help="A country: ISO code (VN) or name (Vietnam, Việt Nam).")],
    second: Annotated[str, typer.Argument(metavar="COUNTRY", help="The other country.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write (replaced whole, only on success); - for stdout.")],
    lang: Annotated[ReaderLanguage, typer.Option("--lang", help="Language of the briefing.")] = ReaderLanguage.vi,
    fmt: Annotated[
        BriefingFormat,
        typer.Option("--format", help="md: Markdown; html: one self-contained page with the trade chart; pdf: that page printed."),
    ] = BriefingFormat.md,
    since: Annotated[
        str | None,
        typer.Option(help="Only the events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); undated ones are left out.",
                     show_default=False),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write a briefing on a relationship, every sentence citing its sources.

    Recent contacts, agreements and their status, open items with their age
    (counted to today) and fulfilled ones, mechanisms, shared memberships and figures.
    """
    if since is not None:
        try:
            briefing.check_since(since)
        except BilatError as exc:
            raise typer.BadParameter(str(exc), param_hint="'--since'") from None
    codes = _countries(first, second)
    engine = _open(db)
    _guard(lambda: store.rebuild(engine))
    record = _guard(lambda: store.relation(engine, *codes))
    written = briefing.build_briefing(record, lang.value, since=since)
    if not written.sections:
        _warn(f"nothing is stored about {codes[0]}–{codes[1]}: the briefing says so")
    if output == STDIN and fmt is BriefingFormat.pdf and sys.stdout.isatty():
        _warn("a PDF is not shown on a terminal: give -o FILE, or send stdout to a file or a program")
        raise typer.Exit(2)
    try:
        if output == STDIN:
            sys.stdout.buffer.write(briefing.render_briefing(written, fmt))
            sys.stdout.flush()
        else:
            briefing.write_briefing(written, fmt, output)
    except BilatError as exc:
        _warn(str(exc))
        raise typer.Exit(1) from None
    except OSError as exc:
        _warn(f"cannot write {output}: {exc.strerror or exc}")
        raise typer.Exit(1) from None


STDOUT = "-"


@app.command("export")
def export_command(
    countries: Annotated[list[str] | None, typer.Argument(
        metavar="PAIR", help="The pair: two countries (VN PE, Vietnam Peru) or one code pair (VN-PE).", show_default=False,
    )] = None,
    every_pair: Annotated[bool, typer.Option("--all", help="Every pair the store holds, each fact once.")] = False,
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", help="csv: a table per section; jsonl: a JSON object per fact, with its sources and quotes; "
                         "plover: the events as PLOVER events, a JSON object a line.",
    )] = ExportFormat.jsonl,
    section: Annotated[ExportSection | None, typer.Option(
        "--section", show_default=False,
        help="Only this section (csv: the one table written to a file or stdout; default events there).",
    )] = None,
    output: Annotated[str, typer.Option(
        "--output", "-o", help="A file (replaced whole, only on success), - for stdout, or a folder: csv without "
                               "--section writes one file per section there (to FILE.csv, the events).",
    )] = STDOUT,
    lang: Annotated[ReaderLanguage | None, typer.Option(
        "--lang", show_default=False, help="Name persons and mechanisms as the articles in this language do, where any does.",
    )] = None,
    db: DbOption = None,
) -> None:
    """Export the merged record of a pair, or of every pair: CSV tables, JSON Lines or PLOVER events.

    Written as it is read, one pair's record at a time, so an export of the
    whole store takes the memory of its largest pair.
    """
    if every_pair == bool(countries):
        raise typer.BadParameter("give a pair (VN PE, or VN-PE) or --all", param_hint="COUNTRIES")
    pair = None if every_pair else _pair(countries or [])
    chosen = section.value if section is not None else None
    reader = lang.value if lang else None
    engine = _open(db)
    _guard(lambda: store.rebuild(engine))
    records = export.store_records(engine) if pair is None else export.pair_records(engine, *pair)
    if fmt is ExportFormat.csv and chosen is None and output != STDOUT and not output.lower().endswith(".csv"):
        _export_tables(Path(output), pair, export.tables(engine, records, reader))
        return
    try:
        lines = export.written(fmt, engine, records, chosen, reader)
    except BilatError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--section'") from None
    path = None if output == STDOUT else Path(output)
    if path is not None and path.is_dir():
        path = path / export.file_name(fmt, pair, chosen)
    with _Output(path) as out:
        try:
            _guard(lambda: out.stream.writelines(lines))
        except BrokenPipeError:  # stdout read by `head`, which stopped reading: Python's advice (signal, SIGPIPE)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(1) from None
        out.commit()


def _pair(names: list[str]) -> list[str]:
    """Two countries, given as two arguments or one ``A-B``; usage errors otherwise."""
    if len(names) == 1 and "-" in names[0]:
        names = names[0].split("-")
    if len(names) != 2:
        _warn(f"a pair is two countries, not {len(names)}: VN PE, or VN-PE")
        raise typer.Exit(2)
    codes = _countries(*names)
    if codes[0] == codes[1]:
        _warn(f"no relationship of {codes[0]} with itself: give two different countries")
        raise typer.Exit(2)
    return codes


def _export_tables(folder: Path, pair: list[str] | None, lines: Iterator[tuple[str, str]]) -> None:
    """Each section's table to its file in ``folder`` (made if missing); every file replaced only once all are written."""
    if folder.exists() and not folder.is_dir():
        raise typer.BadParameter(f"{folder} is a file: give a folder for every section, or --section", param_hint="'--output'")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _warn(f"cannot write to {folder}: {exc.strerror or exc}")
        raise typer.Exit(1) from None
    with ExitStack() as stack:
        outputs = {
            section: stack.enter_context(_Output(folder / export.file_name(ExportFormat.csv, pair, section)))
            for section in export.SECTIONS
        }

        def write() -> None:
            for section, line in lines:
                outputs[section].stream.write(line)

        _guard(write)
        for out in outputs.values():
            out.commit()


class SearchFormat(str, Enum):
    table = "table"
    json = "json"


class SearchKind(str, Enum):
    article = "article"
    fact = "fact"
    person = "person"


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(
        help="The words to look for, with or without tone marks: \"Luong Cuong\" finds \"Lương Cường\".",
    )],
    kind: Annotated[SearchKind | None, typer.Option(
        "--kind", show_default=False, help="Only articles, sentences stating facts (fact), or persons.",
    )] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many hits to show, best first.")] = 20,
    fmt: Annotated[SearchFormat, typer.Option(
        "--format", help="table: the hits with the words found marked; json: as GET /api/search gives them.",
    )] = SearchFormat.table,
    db: DbOption = None,
) -> None:
    """Search the stored articles, the sentences that state facts, and the persons of the record.

    Every word must be found, in any order; the hits holding them as the
    phrase typed come first. The exit status is 1 when nothing is found.
    """
    from bilat.errors import SearchError
    from bilat.report.search import print_hits

    engine = _open(db)
    _guard(lambda: store.rebuild(engine))  # the persons are indexed with the record
    try:
        found = _guard(lambda: store.search(engine, query, kind.value if kind else None, limit=limit))
    except SearchError as exc:
        raise typer.BadParameter(str(exc), param_hint="QUERY") from None
    if fmt is SearchFormat.json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=1))
    else:
        print_hits(_console(), found)
    if not found["items"]:
        _warn(f"nothing found for {query!r}")
        raise typer.Exit(1)


@alerts_app.callback(invoke_without_command=True)
def alerts_command(
    context: typer.Context,
    since: Annotated[str | None, typer.Option(
        "--since", metavar="DATE|DURATION", show_default=False,
        help="Only the alerts raised since a date or time (2026-12-01, 2026-12-01T08:00; UTC unless a zone is given) "
             "or a duration back from now (30m, 12h, 7d, 2w).",
    )] = None,
    pair: Annotated[str | None, typer.Option(
        "--pair", metavar="A-B", show_default=False, help="Only the alerts of one pair (VN-PE, either order).",
    )] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many alerts to show, newest first.")] = 100,
    fmt: Annotated[RecordFormat, typer.Option(
        "--format", help="text: a table; json: a list, as GET /api/alerts gives its items.",
    )] = RecordFormat.text,
    lang: Annotated[ReaderLanguage, typer.Option("--lang", help="Language of the table's words.")] = ReaderLanguage.en,
    webhook: WebhookOption = None,
    db: DbOption = None,
) -> None:
    """List the alerts raised on the records of the pairs followed, newest first.

    An alert is raised once, when the merged record is updated (ingest,
    forget, the server's writes): an invitation, acceptance or proposal
    fulfilled; a new high-level visit or meeting (leaders, foreign ministers);
    a new signing; an invitation, acceptance or proposal open past the age the
    pair is followed with (looked at here too, as time passes). Nothing the
    record held before a pair was followed raises one. Follow pairs with
    `bilat alerts follow`.
    """
    if context.invoked_subcommand is not None:
        return
    from bilat.report.alerts import with_texts
    from bilat.since import since_time

    try:
        moment = since_time(since) if since is not None else None
    except BilatError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--since'") from None
    codes = store.pair_key(*_pair([pair])) if pair is not None else None
    engine = _open(db)
    _guard(lambda: store.rebuild(engine))
    _guard(lambda: store.raise_due(engine))
    if not _guard(lambda: store.followed(engine)):
        _warn("no pair is followed: `bilat alerts follow VN PE` follows one, `bilat alerts follow` every pair")
    _, found = _guard(lambda: store.alerts_raised(engine, moment, codes, limit))
    if webhook:
        _deliver(engine, webhook)
    _show(fmt, [with_texts(alert) for alert in found], partial(terminal.print_alerts, lang=lang.value))


PairArguments = Annotated[list[str] | None, typer.Argument(
    metavar="[COUNTRY COUNTRY]", show_default=False,
    help="The pair: two countries (VN PE, or VN-PE), codes or names. None: every pair, now and to come.",
)]


@alerts_app.command("follow")
def alerts_follow_command(
    countries: PairArguments = None,
    age_days: Annotated[int | None, typer.Option(
        "--age-days", min=1, show_default=False,
        help="Also alert when an invitation, acceptance or proposal stays open longer than this many days "
             "(following the pair again changes it; default: no such alert).",
    )] = None,
    db: DbOption = None,
) -> None:
    """Follow a pair (or every pair): alerts are raised on what its record gains from now on."""
    pair = store.pair_key(*_pair(countries)) if countries else store.EVERY_PAIR
    engine = _open(db, create=True)
    followed = _guard(lambda: store.follow(engine, pair, age_days))
    age = f", items open over {followed['age_days']} days" if followed["age_days"] else ""
    _warn(f"following {'every pair' if pair == store.EVERY_PAIR else pair} since {followed['followed_at'][:19]} UTC{age}")


@alerts_app.command("unfollow")
def alerts_unfollow_command(countries: PairArguments = None, db: DbOption = None) -> None:
    """Stop following a pair (or, with none, every pair as `bilat alerts follow` with none follows it); its alerts stay."""
    pair = store.pair_key(*_pair(countries)) if countries else store.EVERY_PAIR
    engine = _open(db)
    if not _guard(lambda: store.unfollow(engine, pair)):
        _warn(f"{'every pair' if pair == store.EVERY_PAIR else pair} is not followed")
        raise typer.Exit(1)


@alerts_app.command("followed")
def alerts_followed_command(
    fmt: Annotated[RecordFormat, typer.Option("--format", help="text: one pair a line; json: a list.")] = RecordFormat.text,
    db: DbOption = None,
) -> None:
    """List the pairs followed, with their age and since when (* is every pair)."""
    engine = _open(db)
    rows = _guard(lambda: store.followed(engine))
    if fmt is RecordFormat.json:
        typer.echo(json.dumps(rows, indent=1))
        return
    for row in rows:
        age = f"\tage {row['age_days']} days" if row["age_days"] else ""
        typer.echo(f"{row['pair']}\tsince {row['followed_at'][:19]} UTC{age}")


def _deliver(engine: Engine, url: str) -> None:
    """Send the webhook what it was not sent yet; a failure is one line on stderr, and retried next time."""
    from bilat.webhook import deliver_and_say

    _guard(lambda: deliver_and_say(engine, url, _warn))


@db_app.command("upgrade")
def db_upgrade_command(db: DbOption = None) -> None:
    """Create the schema in an empty database, or apply the migrations it lacks."""
    engine = _open(db, create=True)
    typer.echo(f"{_redacted(engine)} is at revision {_guard(lambda: store_db.revision(engine))}")


@db_app.command("status")
def db_status_command(db: DbOption = None) -> None:
    """Say where the store is, its schema revision and how many articles it holds."""
    from sqlalchemy import func, select

    engine = _open(db)

    def status() -> str:
        with engine.connect() as connection:
            articles = connection.scalar(select(func.count()).select_from(models.Article))
            withdrawn = connection.scalar(select(func.count()).where(models.Article.withdrawn_at.is_not(None)))
        return f"{_redacted(engine)}: revision {store_db.revision(engine)}, {articles} articles ({withdrawn} withdrawn)"

    typer.echo(_guard(status))


@db_app.command("rebuild")
def db_rebuild_command(db: DbOption = None) -> None:
    """Resolve the whole merged record again from every stored fact: after an upgrade of bilat's rules.

    Reading commands and ingest only update the parts of the record that new
    or forgotten articles touch; rules that changed can change any part of it.
    """
    engine = _open(db)
    _guard(lambda: store.rebuild_all(engine))
    _warn(f"rebuilt the merged record of {_redacted(engine)}")


def _open(url: str | None, create: bool = False) -> Engine:
    """The store's engine; with ``create``, its schema brought up to date, else it must already exist."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        engine = store_db.connect(url, create=create)
        if create:
            store_db.upgrade(engine)
        elif store_db.revision(engine) is None:
            raise StoreError(f"{_redacted(engine)} holds no bilat store yet: run `bilat ingest PATH...` first")
        elif not store_db.is_current(engine):
            raise StoreError(f"{_redacted(engine)} has an older schema: run `bilat db upgrade`")
    except BilatError as exc:
        _warn(str(exc))
        raise typer.Exit(1) from None
    except SQLAlchemyError as exc:
        _warn(f"cannot use the database {store_db.database_url(url)!r}: {_database_error(exc)}")
        raise typer.Exit(1) from None
    return engine


def _show(fmt: RecordFormat, record: T, tables: Callable[[Console, T], None]) -> None:
    """``record`` as indented JSON with ``--format json``, else as Rich tables on stdout."""
    if fmt is RecordFormat.json:
        typer.echo(json.dumps(record, ensure_ascii=False, indent=1))
    else:
        tables(_console(), record)


def _guard(action: Callable[[], T]) -> T:
    """Run a database action; a database failure is one clear line and exit status 1, not a traceback."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        return action()
    except SQLAlchemyError as exc:
        _warn(f"database error: {_database_error(exc)}")
        raise typer.Exit(1) from None


def _console() -> Console:
    """Rich's console, as wide as the terminal the tables are read on.

    Piped to a pager or ``head`` on a terminal (stderr still is one), that
    terminal's width; written to a file, wider than Rich's 80-column default,
    so that a line of a table is a line of the file.
    """
    from rich.console import Console

    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return Console()
    try:
        return Console(width=os.get_terminal_size(sys.stderr.fileno()).columns)
    except (OSError, ValueError):  # no terminal at all (a file, a CI log), or a stderr with no descriptor
        return Console(width=_FILE_WIDTH)


_FILE_WIDTH = 160
"""Columns of a table written to a file: two terminals' worth, so that few rows wrap."""


def _database_error(exc: SQLAlchemyError) -> str:
    """The driver's message, without SQLAlchemy's statement dump and help link."""
    return f"{exc.__class__.__name__}: {getattr(exc, 'orig', None) or exc}"


def _redacted(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _countries(*names: str) -> list[str]:
    try:
        return [country_code(name) for name in names]
    except BilatError as exc:
        _warn(str(exc))
        raise typer.Exit(2) from None


def _results(
    paths: list[Path], engine: batch.Engine, workers: int, scheduler: str | None = None,
    seconds: float = budget.DEFAULT_SECONDS,
) -> Iterator[batch.Result]:
    """Each article's result, in order, with progress on stderr; a skipped one is also named there."""
    from rich.console import Console

    from bilat.batch.progress import Meter

    files = list(_article_paths(paths))
    with Meter(len(files), Console(stderr=True)) as meter:
        previous: Path | None = None
        for results in batch.run(batch.items(files), engine, workers, scheduler, seconds):
            for result in results:
                if isinstance(result, batch.Skipped):
                    meter.say(f"bilat: skipped {result.where}: {result.reason}")
                else:
                    for note in result.document.notes:
                        meter.say(f"bilat: {result.where}: {note}")
                yield result
            path = results[0].path if results else previous
            meter.count(len(results), sum(isinstance(r, batch.Skipped) for r in results), new_file=path != previous)
            previous = path


def _seconds(requested: float | None) -> float:
    """The article time budget: the option's, else the environment's (a bad value there is a usage error)."""
    if requested is not None:
        return requested
    try:
        return budget.default_seconds()
    except BilatError as exc:
        _warn(str(exc))
        raise typer.Exit(2) from None


def _workers(requested: int | None) -> int:
    return requested if requested is not None else os.cpu_count() or 1


class _Pending:
    """Extracted articles and skips waiting to be stored together.

    One transaction per ``SIZE`` articles, ``SKIPS`` skips or ``SECONDS``: a
    transaction per skip made a dump of 300 000 bad lines take many minutes.
    """

    SIZE = 100
    SKIPS = 5000
    """A skip is four short strings: thousands fit in one quick transaction."""
    SECONDS = 1.0

    def __init__(self, engine: Engine, tally: storing.Tally) -> None:
        self.engine = engine
        self.tally = tally
        self.results: list[batch.Extracted] = []
        self.skips: list[storing.Skip] = []
        self.since = time.monotonic()

    def add(self, result: batch.Extracted) -> None:
        self.results.append(result)
        self._flush_when_due()

    def skip(self, result: batch.Skipped) -> None:
        self.skips.append(storing.skip_of(result))
        self.tally.skips[result.kind] += 1
        self._flush_when_due()

    def _flush_when_due(self) -> None:
        if len(self.results) >= self.SIZE or len(self.skips) >= self.SKIPS or time.monotonic() - self.since >= self.SECONDS:
            self.flush()

    def flush(self) -> None:
        if self.results or self.skips:
            verdicts = _guard(partial(store.writing, self.engine,
                                      partial(storing.store_results, extracted=self.results, skips=self.skips)))
            for result, refused in verdicts.refused:
                _warn(f"skipped {result.where}: {refused.reason}")
            self.tally.count(verdicts)
            self.results, self.skips = [], []
        self.since = time.monotonic()


def _article_paths(paths: list[Path]) -> Iterator[Path | UnreadableFolder]:
    """The files to read (and the folders that could not be listed), warning about folders that hold no article."""
    for path in paths:
        if path == STDIN:  # even where a folder is named "-": ./- is Path("-") too
            yield path
            continue
        found = False
        for found_path in iter_paths([path]):
            found = True
            yield found_path
        if not found:
            _warn(f"skipped {display_path(path)}: no articles (.txt, .html, .htm, .jsonl) in this folder")


class _Writer:
    """Streams facts objects as they come, so a long batch shows progress and memory stays flat."""

    def __init__(self, fmt: Format, single: bool) -> None:
        self.fmt = fmt
        self.array = fmt is Format.facts and not single
        self.count = 0

    def write(self, stream: TextIO, record: dict[str, Any]) -> None:
        if self.fmt is Format.jsonl:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            text = json.dumps(record, ensure_ascii=False, indent=1)
            if self.array:
                text = ("[\n" if self.count == 0 else ",\n") + text
            else:
                text += "\n"
            stream.write(text)
        stream.flush()
        self.count += 1

    def close(self, stream: TextIO) -> None:
        if self.array:
            stream.write("\n]\n" if self.count else "[]\n")


class _Output:
    """stdout, or a temporary file beside PATH renamed over it by ``commit()``.

    The rename is atomic within a folder, so a crash or a run that extracted
    nothing never leaves a half-written PATH, nor clobbers the previous one.
    A link is followed, so the file it points to is replaced, not the link. A
    PATH that is no regular file (``/dev/null``, a named pipe) is written
    to as it is: renaming over it would put a file where the device was.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path.resolve() if path is not None else None
        self.tmp: Path | None = None
        self.stream: TextIO = sys.stdout

    def __enter__(self) -> _Output:
        if self.path is None:
            return self
        try:
            if self.path.exists() and not self.path.is_file():
                self.stream = self.path.open("w", encoding="utf-8")
                return self
            handle, name = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        except OSError as exc:
            _warn(f"cannot write {self.path}: {exc.strerror or exc}")
            raise typer.Exit(1) from None
        self.tmp = Path(name)
        self.stream = os.fdopen(handle, "w", encoding="utf-8")
        return self

    def commit(self) -> None:
        if self.tmp is not None and self.path is not None:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            os.replace(self.tmp, self.path)
            self.tmp = None
        elif self.path is not None:
            self.stream.close()

    def __exit__(self, *exc_info: object) -> None:
        if self.tmp is not None:
            self.stream.close()
            self.tmp.unlink(missing_ok=True)
        elif self.path is not None and not self.stream.closed:
            self.stream.close()


def _warn(message: str) -> None:
    typer.echo(f"bilat: {message}", err=True)
