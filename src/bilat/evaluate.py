"""Scoring bilat against the gold annotations in the shared folder.

The shared folder sits beside the checkout (``../shared``) and holds the
articles (``corpus/**/<id>.txt``), their gold facts and the scorer
(``tools/score.py``). The scorer is loaded from there, never copied, so that
bilat is measured exactly as FACTS.md ("How scoring matches") describes.

The gold of each language comes in two folds:

=======  ====================  =======================  ==========================
fold     Vietnamese            other languages          for
=======  ====================  =======================  ==========================
dev      ``gold/*.json``       ``gold/<lang>/*.json``   reading, error analysis
check    ``gold/check/``       ``gold/check-<lang>/``   the estimate for new text
=======  ====================  =======================  ==========================

The check fold's articles are scored, never read while writing rules: its
figure is what a user gets on an article nobody tuned to, and a gap of more
than ``GAP_WARNING`` between the two folds means rules fit the dev articles
rather than the language.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from bilat.errors import BilatError, IngestError
from bilat.extract import extract

SHARED_ENV = "BILAT_SHARED"
"""Environment variable naming the shared folder, when it is not ``../shared``."""

REPO_ROOT = Path(__file__).resolve().parents[2]
"""The checkout this module belongs to (``src/bilat/evaluate.py`` → root)."""

SECTIONS = ("persons", "events", "agreements", "mechanisms", "memberships", "figures")

FOLDS = ("dev", "check")
"""The gold folds, in the order they are reported: the one rules are written on, then the held-out one."""

GAP_WARNING = 0.05
"""Largest dev-minus-check micro-F1 taken for noise: the check folds hold 6-10 articles,
where one fact more or less moves F1 by about 0.01."""

OnError = Callable[[str, BilatError], None]
"""Called with a document id and the error that stopped its extraction."""


def find_shared() -> Path:
    """The shared folder: ``$BILAT_SHARED``, else ``shared/`` beside the checkout.

    Beside the checkout means the parent of the repository root, then the
    parent of the working directory (for an installed, non-editable bilat).
    """
    configured = os.environ.get(SHARED_ENV)
    if configured:
        path = Path(configured).expanduser()
        if not (path / "tools" / "score.py").is_file():
            raise BilatError(f"{SHARED_ENV}={configured}: no tools/score.py there")
        return path.resolve()
    candidates = [REPO_ROOT.parent / "shared", Path.cwd().parent / "shared"]
    for path in candidates:
        if (path / "tools" / "score.py").is_file():
            return path.resolve()
    tried = ", ".join(str(p) for p in candidates)
    raise BilatError(f"shared folder not found (tried {tried}); set {SHARED_ENV}")


def gold_dir_for(shared: Path, lang: str = "vi", fold: str = "dev") -> Path:
    """Where the gold of ``lang`` in ``fold`` lives (see the table in this module's docstring)."""
    if fold not in FOLDS:
        raise BilatError(f"no fold {fold!r}: the folds are {', '.join(FOLDS)}")
    name = {"dev": "" if lang == "vi" else lang, "check": "check" if lang == "vi" else f"check-{lang}"}[fold]
    path = shared / "gold" / name
    if not path.is_dir() or not any(path.glob("*.json")):
        raise BilatError(f"no {fold} gold annotations for {lang!r} at {path}")
    return path


def has_fold(shared: Path, lang: str, fold: str) -> bool:
    """Whether ``shared`` holds gold of ``lang`` in ``fold``."""
    try:
        gold_dir_for(shared, lang, fold)
    except BilatError:
        return False
    return True


def gold_ids(gold_dir: Path) -> list[str]:
    """The document ids annotated in ``gold_dir/*.json``, as the scorer pairs them (``doc.id``)."""
    ids = []
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data if isinstance(data, list) else [data]:
            ids.append(str(item["doc"]["id"]))
    return ids


def predict_corpus(
    gold_dir: Path, corpus_dir: Path, out_dir: Path, on_error: OnError | None = None
) -> list[str]:
    """Extract every article that has gold, writing ``out_dir/<id>.json``; return the ids written.

    The article of gold ``<id>`` is ``corpus_dir/**/<id>.txt``. A document
    whose text is missing or whose extraction fails is passed to ``on_error``
    and left out (the scorer then counts it as "with no prediction"); without
    ``on_error`` the error is raised.
    """
    from bilat.ingest import read_document  # the HTML reader it brings is not needed to name SHARED_ENV in --help

    out_dir.mkdir(parents=True, exist_ok=True)
    done = []
    for doc_id in gold_ids(gold_dir):
        try:
            texts = sorted(corpus_dir.rglob(f"{doc_id}.txt"))
            if not texts:
                raise IngestError(doc_id, f"no {doc_id}.txt under {corpus_dir}", "missing")
            facts = extract(read_document(texts[0]))
        except BilatError as exc:
            if on_error is None:
                raise
            on_error(doc_id, exc)
            continue
        record = json.dumps(facts.to_dict(), ensure_ascii=False, indent=1)
        (out_dir / f"{doc_id}.json").write_text(record + "\n", encoding="utf-8")
        done.append(doc_id)
    return done


def score(gold_dir: Path, pred_dir: Path, per_doc: bool = False, shared: Path | None = None) -> tuple[str, dict[str, Any]]:
    """Run the shared scorer; return its printed report and its figures.

    The report is the scorer's own output: the table (one per document too
    with ``per_doc``) and, last, the ``micro P R F1 grounded-F1`` line. The
    figures are ``{"micro": {"P", "R", "F1", "grounded_F1"},
    "sections": {section: {"gold", "pred", "tp", "grounded", "P", "R", "F1"}},
    "missing": [doc ids with no prediction]}``.
    """
    scorer = _load_scorer(((shared or find_shared()) / "tools" / "score.py").resolve())
    args = [str(gold_dir), str(pred_dir)]
    report = _run_scorer(scorer, args + (["--per-doc"] if per_doc else []))
    raw = json.loads(_run_scorer(scorer, args + ["--json"]))
    sections = {}
    for name in SECTIONS:
        counts = raw["total"].get(name, {"gold": 0, "pred": 0, "tp": 0, "grounded": 0})
        precision, recall, f1 = scorer.prf(counts["tp"], counts["gold"], counts["pred"])
        sections[name] = {**counts, "P": precision, "R": recall, "F1": f1}
    return report, {"micro": raw["micro"], "sections": sections, "missing": raw["missing"]}


def run(
    shared: Path | None = None,
    lang: str = "vi",
    fold: str = "dev",
    *,
    per_doc: bool = False,
    out_dir: Path | None = None,
    on_error: OnError | None = None,
) -> tuple[str, dict[str, Any]]:
    """Extract the annotated articles of ``lang`` in ``fold`` and score them.

    Predictions go to ``out_dir`` when given (to inspect them), else to a
    temporary folder removed afterwards.
    """
    shared = shared or find_shared()
    gold_dir = gold_dir_for(shared, lang, fold)
    with contextlib.ExitStack() as stack:
        if out_dir is None:
            out_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bilat-eval-")))
        predict_corpus(gold_dir, shared / "corpus", out_dir, on_error)
        return score(gold_dir, out_dir, per_doc=per_doc, shared=shared)


def gold_languages(shared: Path) -> list[str]:
    """The languages bilat reads that have dev gold in ``shared``: Vietnamese first, then the others by code."""
    from bilat.lang import LANGUAGES

    found = ["vi"] if any((shared / "gold").glob("*.json")) else []
    found += sorted(p.name for p in (shared / "gold").iterdir() if p.is_dir() and any(p.glob("*.json")))
    return [lang for lang in found if lang in LANGUAGES]


def run_languages(
    shared: Path | None = None,
    langs: list[str] | None = None,
    folds: tuple[str, ...] = FOLDS,
    *,
    per_doc: bool = False,
    out_dir: Path | None = None,
    on_error: OnError | None = None,
) -> tuple[str, dict[str, dict[str, Any]]]:
    """Score each language in each fold on its own, then each fold over all languages.

    Returns the report and ``{"vi", "vi-check", ..., "all", "all-check": figures}``
    (a dev fold is named by its language alone). Together means one micro
    average over every article of every language, so a language weighs by
    the facts its gold holds. A fold the shared folder lacks is left out.
    The report ends with a table of the micro figures, each language's
    dev-minus-check gap, then the scorer's own micro line for the last fold
    over all languages (the check folds': the estimate for new text).
    """
    shared = shared or find_shared()
    langs = langs or gold_languages(shared)
    parts: list[str] = []
    figures: dict[str, dict[str, Any]] = {}
    rows: list[tuple[str, str, int]] = []
    last = ""
    with contextlib.ExitStack() as stack:
        root = out_dir or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bilat-eval-")))
        for fold in folds:
            present = [lang for lang in langs if has_fold(shared, lang, fold)]
            if not present:
                continue
            together = _fold_name("all", fold)
            all_gold, all_pred = root / f"{together}-gold", root / together
            for path in (all_gold, all_pred):
                path.mkdir(parents=True, exist_ok=True)
            for lang in present:
                name = _fold_name(lang, fold)
                gold_dir = gold_dir_for(shared, lang, fold)
                done = predict_corpus(gold_dir, shared / "corpus", root / name, on_error)
                report, figures[name] = score(gold_dir, root / name, per_doc=per_doc, shared=shared)
                count = len(gold_ids(gold_dir))
                parts.append(f"## {lang} {fold}: {count} articles\n{report}")
                rows.append((lang, fold, count))
                for gold in gold_dir.glob("*.json"):
                    _link(gold, all_gold / f"{lang}-{gold.name}")
                for doc_id in done:
                    _link(root / name / f"{doc_id}.json", all_pred / f"{lang}-{doc_id}.json")
            report, figures[together] = score(all_gold, all_pred, shared=shared)
            rows.append(("all", fold, sum(count for lang, f, count in rows if f == fold and lang != "all")))
            last = report.rstrip("\n").splitlines()[-1]
    table = ["language  fold   articles  P      R      F1     grounded-F1"]
    for lang, fold, count in rows:
        micro = figures[_fold_name(lang, fold)]["micro"]
        table.append(f"{lang:<9} {fold:<6} {count:<9} {micro['P']:.3f}  {micro['R']:.3f}  {micro['F1']:.3f}  "
                     f"{micro['grounded_F1']:.3f}")
    for lang in [*langs, "all"]:
        dev, check = figures.get(_fold_name(lang, "dev")), figures.get(_fold_name(lang, "check"))
        if dev and check:
            gap = dev["micro"]["F1"] - check["micro"]["F1"]
            verdict = "over" if gap > GAP_WARNING else "within"
            table.append(f"gap {lang}: dev - check F1 {gap:+.3f} ({verdict} {GAP_WARNING})")
    return "\n".join([*parts, "## together", *table, last]) + "\n", figures


def report(
    shared: Path | None = None,
    lang: str = "all",
    fold: str = "all",
    *,
    per_doc: bool = False,
    out_dir: Path | None = None,
    on_error: OnError | None = None,
) -> str:
    """What ``bilat eval --lang LANG --fold FOLD`` prints: one scorer report, or the table of several.

    ``all`` for either means every language with gold, or both folds; one
    language in one fold is the scorer's own report alone.
    """
    if lang != "all" and fold != "all":
        return run(shared, lang, fold, per_doc=per_doc, out_dir=out_dir, on_error=on_error)[0]
    if fold != "all" and fold not in FOLDS:
        raise BilatError(f"no fold {fold!r}: the folds are {', '.join(FOLDS)} or all")
    langs = None if lang == "all" else [lang]
    folds = FOLDS if fold == "all" else (fold,)
    return run_languages(shared, langs, folds, per_doc=per_doc, out_dir=out_dir, on_error=on_error)[0]


def _fold_name(lang: str, fold: str) -> str:
    """A fold's name in reports and prediction folders: ``vi`` for dev, ``vi-check`` for check."""
    return lang if fold == "dev" else f"{lang}-{fold}"


def _link(target: Path, link: Path) -> None:
    link.unlink(missing_ok=True)
    link.symlink_to(target.resolve())


@cache
def _load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("bilat_shared_score", path)
    if spec is None or spec.loader is None:
        raise BilatError(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run_scorer(scorer: ModuleType, argv: list[str]) -> str:
    """What ``score.py ARGV`` prints (it reports on stdout only)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        scorer.main(argv)
    return out.getvalue()
