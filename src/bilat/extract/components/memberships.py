"""Memberships: countries stated to belong to an organisation or forum (FACTS.md "memberships").

A membership needs a cue from ``lang/<code>/memberships.toml`` right before
the organisation ("cùng là thành viên trong Liên hợp quốc", "là quốc gia EU",
"gia nhập WTO", "signing of the CPTPP"). A mere mention ("hợp tác với ASEAN",
"Hội nghị Cấp cao APEC", "tận dụng Hiệp định CPTPP") has none and states
nothing. "hai nước" (the two countries) stands for ``main_pair`` (gold seed 004).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilat._types import CountryCode
from bilat.extract.components.countries import main_pair
from bilat.extract.doc import Document, Span
from bilat.extract.facts import Membership
from bilat.extract.pipeline import component
from bilat.lang import Lexicon, load_shared

_WORD = r"[^\W\d_]+"
_MAX_GAP = 3
"""Lower-case words allowed between a role and the organisation ("thành viên không thường trực")."""
_MAX_GAP_BEFORE_LINK = 6
"""...or between a role and a link ("thành viên của nhiều tổ chức quốc tế như")."""
_MAX_RELATIVE_SUBJECT = 60
"""Characters of the members named in a relative clause after the organisation ("mà Uruguay và Paraguay là")."""
_HEDGE_WINDOW = 4
"""Words before the cue searched for a hedge ("ủng hộ Timor-Leste gia nhập")."""


@dataclass(frozen=True)
class _Cues:
    """The memberships.toml lists of one language, compiled."""

    role: re.Pattern[str]
    join: re.Pattern[str]
    sign: re.Pattern[str]
    copula_end: re.Pattern[str]
    org_role: re.Pattern[str] | None
    hedge: re.Pattern[str]
    org_gap: re.Pattern[str]
    country_gap: re.Pattern[str]
    pair: re.Pattern[str]
    sign_orgs: frozenset[str]
    country_roles: frozenset[str]
    relative: re.Pattern[str]
    """A relative clause after the organisation stating its members ("(Mercosur) mà Uruguay là thành viên sáng lập")."""


def _alt(phrases: list[str]) -> str:
    """A regex alternation of ``phrases``, longest first, any run of spaces matching any whitespace."""
    escaped = (re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    return "(?:" + "|".join(escaped) + ")"


@cache
def _cues(lexicon: Lexicon) -> _Cues:
    data = lexicon["memberships"]
    copula, link, det = _alt(data["copulas"]), _alt(data["links"]), _alt(data["determiners"])

    def cue_end(head: str) -> re.Pattern[str]:
        """``head`` (then maybe a determiner) ending the text, in any case ("Là thành viên ASEAN, ...").

        The leading ``.*`` makes the match the last cue before the organisation.
        """
        return re.compile(rf"(?s).*(?<!\w)(?P<cue>{head})(?:\s+{det})?\s*$", re.IGNORECASE)

    return _Cues(
        role=cue_end(rf"{copula}\s+(?P<pre>(?:{_WORD}\s+){{0,3}}?)(?P<role>{_alt(data['roles'])})"
                     rf"(?P<gap>(?:\s+{_WORD}){{0,{_MAX_GAP_BEFORE_LINK}}}?)(?:\s+(?P<link>{link}))?"),
        join=cue_end(_alt(data["joins"])),
        sign=cue_end(_alt(data["signs"])),
        copula_end=re.compile(rf"(?s).*(?<!\w)(?P<cue>{copula})(?P<pre>(?:\s+{_WORD}){{0,3}})\s*$", re.IGNORECASE),
        org_role=re.compile(rf"\s*{_alt(data['org_roles'])}(?!\w)") if data.get("org_roles") else None,
        hedge=re.compile(rf"(?<!\w){_alt(data['hedges'])}(?!\w)", re.IGNORECASE),
        org_gap=re.compile(rf"(?:[\s,;/()]|{_alt(data['joiners'])}(?!\w)|{det}(?!\w))*"),
        country_gap=re.compile(rf"\s*(?:,|[-–&]|{_alt(data['joiners'])})?\s*"),
        pair=re.compile(rf"(?<!\w){_alt(data['pair_phrases'])}(?!\w)", re.IGNORECASE),
        sign_orgs=frozenset(data.get("sign_orgs", [])),
        country_roles=frozenset(data.get("country_roles", [])),
        relative=re.compile(
            rf"\)?,?\s*{_alt(data['relatives'])}\s+(?P<members>[^,;.]{{1,{_MAX_RELATIVE_SUBJECT}}}?)\s+{copula}"
            rf"(?:\s+{_WORD}){{0,2}}?\s+{_alt(data['roles'])}(?!\w)", re.IGNORECASE),
    )


@dataclass(frozen=True)
class _Subject:
    start: int
    end: int
    codes: tuple[CountryCode, ...]
    paired: bool = False
    """Written as "hai nước" / "both sides": the article's pair, not named countries."""


@component("memberships", requires=["sents", "countries", "orgs"], assigns="facts.memberships")
def find_memberships(doc: Document, lexicon: Lexicon) -> list[Membership]:
    """One membership per organisation, with every country stated to belong to it."""
    cues = _cues(lexicon)
    found: dict[str, Membership] = {}
    for sent in doc.layer("sents"):
        orgs = sorted(doc.in_range("orgs", sent.start, sent.end), key=lambda span: span.start)
        i = 0
        while i < len(orgs):
            listed = _org_list(doc.text, orgs, i, cues)
            i += len(listed)
            statement = _stated(doc, sent, listed, cues)
            if statement is None:
                continue
            members, evidence, org_codes, named = statement
            for org in org_codes:
                closed = _bloc_members().get(org)
                countries = [c for c in members if c in named or closed is None or c in closed]
                if not countries:
                    continue
                entry = found.setdefault(org, Membership(org, [], evidence))
                entry.countries.extend(code for code in countries if code not in entry.countries)
    return list(found.values())


@cache
def _bloc_members() -> dict[str, frozenset[str]]:
    """Regional blocs with a closed list of members (``data/blocs.toml``), read once."""
    return {bloc: frozenset(members) for bloc, members in load_shared("blocs")["members"].items()}


def _org_list(text: str, orgs: list[Span], i: int, cues: _Cues) -> list[Span]:
    """``orgs[i]`` and the organisations joined to it ("Liên hợp quốc, APEC, CPTPP và FEALAC")."""
    listed = [orgs[i]]
    for span in orgs[i + 1:]:
        if not cues.org_gap.fullmatch(text, listed[-1].end, span.start):
            break
        listed.append(span)
    return listed


def _stated(doc: Document, sent: Span, listed: list[Span], cues: _Cues
            ) -> tuple[list[CountryCode], tuple[int, int], list[str], set[CountryCode]] | None:
    """The members, evidence, organisations and the members named (not "hai nước") when a cue states a membership of ``listed``."""
    before = doc.text[sent.start:listed[0].start]
    org_codes = list(dict.fromkeys(str(span.value) for span in listed))
    list_end = listed[-1].end
    relative = cues.relative.match(doc.text, list_end, sent.end)
    if relative is not None:
        members = [s.value for s in doc.in_range("countries", relative.start("members"), relative.end("members"))]
        if members:
            return list(dict.fromkeys(members)), (listed[0].start, relative.end()), org_codes, set(members)
    cue_start = _cue_start(before, doc.text[listed[-1].end:sent.end], cues)
    if cue_start is None:
        sign = cues.sign.match(before)
        if sign is None:
            return None
        cue_start = sign.start("cue")
        org_codes = [code for code in org_codes if code in cues.sign_orgs]
    cue_start += sent.start
    words = re.findall(r"\w+", doc.text[sent.start:cue_start])[-_HEDGE_WINDOW:]
    if not org_codes or cues.hedge.search(" ".join(words)):
        return None
    subject = _subject(doc, sent, cue_start, listed[-1].end, cues)
    if subject is None:
        return None
    members, start, end, named = subject
    list_end = listed[-1].end + doc.text.startswith(")", listed[-1].end)  # "(FEALAC)" whole
    return members, (min(start, cue_start), max(end, list_end)), org_codes, named


def _cue_start(before: str, after: str, cues: _Cues) -> int | None:
    """Where a role or joining cue starts in ``before``, or None without one."""
    role = cues.role.match(before)
    if role and _lower_words(role.group("pre")) and _lower_words(role.group("gap")):
        gap_words = len(role.group("gap").split())
        if role.group("link"):
            limit = _MAX_GAP_BEFORE_LINK
        else:  # "thành viên không thường trực Hội đồng Bảo an", but not "nước chủ nhà APEC"
            limit = 0 if role.group("role").lower() in cues.country_roles else _MAX_GAP
        if gap_words <= limit:
            return role.start("cue")
    join = cues.join.match(before)
    if join:
        return join.start("cue")
    copula = cues.copula_end.match(before)
    if copula and cues.org_role and cues.org_role.match(after) and _lower_words(copula.group("pre")):
        return copula.start("cue")
    return None


def _lower_words(words: str) -> bool:
    return words == words.lower()


def _subject(doc: Document, sent: Span, cue_start: int, list_end: int, cues: _Cues
             ) -> tuple[list[CountryCode], int, int, set[CountryCode]] | None:
    """The countries the cue is about, where they are written, and those named (not "hai nước").

    The countries just before the cue, when no comma separates them from it
    ("Việt Nam và Peru đều là thành viên"); else the sentence's first countries,
    its subject ("Pháp luôn có vị trí ... của Việt Nam, là quốc gia EU": FR, as
    gold h20); else the first countries after the organisations ("Là thành viên
    ASEAN, Việt Nam ...").
    """
    candidates = sorted(_candidates(doc, sent, cues), key=lambda s: s.start)
    before = [c for c in candidates if c.end <= cue_start]
    after = [c for c in candidates if c.start >= list_end]
    if before and not re.search(r"[,;:]", doc.text[before[-1].end:cue_start]):
        run = _run(doc.text, before[::-1], cues, backwards=True)
    elif before or after:
        run = _run(doc.text, before or after, cues, backwards=False)
    else:
        return None
    codes = list(dict.fromkeys(code for subject in run for code in subject.codes))
    named = {code for subject in run if not subject.paired for code in subject.codes}
    return (codes, run[0].start, run[-1].end, named) if codes else None


def _candidates(doc: Document, sent: Span, cues: _Cues) -> list[_Subject]:
    found = [_Subject(s.start, s.end, (s.value,)) for s in doc.in_range("countries", sent.start, sent.end)]
    pair = tuple(sorted(main_pair(doc)))  # "hai nước": the pair, in code order like a named list
    found += [_Subject(m.start(), m.end(), pair, paired=True) for m in cues.pair.finditer(doc.text, sent.start, sent.end)]
    return found


def _run(text: str, ordered: list[_Subject], cues: _Cues, *, backwards: bool) -> list[_Subject]:
    """``ordered[0]`` and the countries joined to it ("Việt Nam, Peru và Chile"), in text order."""
    run = [ordered[0]]
    for subject in ordered[1:]:
        left, right = (subject, run[-1]) if backwards else (run[-1], subject)
        if not cues.country_gap.fullmatch(text, left.end, right.start):
            break
        run.append(subject)
    return sorted(run, key=lambda s: s.start)
