"""Agreements: each document an article names, with its kind, status and date.

A mention starts at a head word ("Hiệp định", "Bản ghi nhớ", "Tuyên bố chung")
and runs to the end of its name: the next head, a clause mark or a word that
starts the rest of the clause. So a list of documents signed in one ceremony
gives one agreement each (FACTS.md: "Each document signed in one ceremony is
its own SIGN and its own agreement"), while generic mentions ("nhiều hiệp
định") and multilateral ones ("Hiệp định CPTPP") give none. All words come
from ``lang/<code>/agreements.toml``.

The reading helpers (``phrases``, ``NameRule``, ``parties_of``, ``statements``)
are shared with the other components that read named things out of a clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from bilat.extract.components.countries import countries_in, main_pair
from bilat.extract.coordination import Coordination, coordination_of
from bilat.extract.components.dates import LEDE_SENTENCES, anchor_of, date_in, resolve
from bilat.extract.doc import Document, Span
from bilat.extract.facts import Agreement
from bilat.extract.pipeline import component
from bilat.lang import NEVER, Lexicon, load, load_shared
from bilat.patterns import compile_gated

SPACE = r"[^\S\n]+"
"""Spaces between the words of a phrase; never a line break."""
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
"""A year in a name: its period ("Action Programme 2024-2027") tells one document from another of its kind."""
_NAME_WORD = re.compile(r"[\w’'()]+(?:\s*[-–]\s*[\w’']+)*")
"""A word of a name, or a hyphenated pair of them ("EU-Vietnam", "Vietnam – Indonesia")."""


def phrases(words: Iterable[str], *, glued: bool = False, digits_after: bool = False) -> str:
    """A regex alternation of ``words``, longest first, not matching inside a longer word.

    ``glued`` words may also follow another word with no space ("$5bn"), and
    ``digits_after`` words may be followed by a number with no space ("NZD1 million").
    The words that must start a word share one ``(?<!\\w)`` in front: the
    engine then skips the inside of every word at once instead of trying
    each alternative there (the bulk of extraction time, measured).
    """

    def one(word: str) -> str:
        pattern = SPACE.join(re.escape(part) for part in word.split())
        if word[-1].isalnum():
            pattern += r"(?![^\W\d])" if digits_after else r"(?!\w)"
        return pattern

    ordered = sorted(set(words), key=len, reverse=True)
    if not ordered:
        return NEVER  # a list the language leaves empty turns its rule off
    starts_word = [one(w) for w in ordered if w[0].isalnum() and not glued]
    anywhere = [one(w) for w in ordered if not (w[0].isalnum() and not glued)]
    # The two sets begin with different characters (a letter or digit, or not), so no match moves between them.
    return "|".join(([rf"(?<!\w)(?:{'|'.join(starts_word)})"] if starts_word else []) + anywhere)


def compile_phrases(words: Iterable[str]) -> re.Pattern[str]:
    """``phrases(words)`` compiled case-insensitively, as press capitalisation varies."""
    return compile_gated(phrases(words), re.IGNORECASE)


def folded(text: str) -> str:
    """The lookup key of a matched phrase: case folded, spaces collapsed."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class NameRule:
    """Where a name written in running text ends: at the first stop, or at ``limit``.

    A comma followed by a short lower-case list closed by a joiner stays inside
    the name ("Ủy ban ... về hợp tác kinh tế, thương mại và đầu tư"); a joiner
    left at the end (before the next name, "Hiệp định X và Hiệp định Y") is dropped.
    """

    stops: re.Pattern[str]
    list_goes_on: re.Pattern[str]
    trailing_joiner: re.Pattern[str]
    joiner: re.Pattern[str]

    @classmethod
    def of(cls, stops: Iterable[str], joiners: Iterable[str]) -> NameRule:
        joiner = phrases(joiners)
        return cls(
            stops=compile_phrases(stops),
            list_goes_on=re.compile(rf"{SPACE}(?:\w+{SPACE}){{1,3}}(?:{joiner}){SPACE}", re.IGNORECASE),
            trailing_joiner=re.compile(rf"\s+(?:{joiner})\s*\Z", re.IGNORECASE),
            joiner=re.compile(rf"\s(?:{joiner})\s", re.IGNORECASE),
        )

    def end(self, text: str, start: int, limit: int) -> int:
        """The end of the name whose head ends at ``start``; ``limit`` is the next head or the sentence end."""
        end, pos = limit, start
        while (stop := self.stops.search(text, pos, limit)) is not None:
            if stop.group() != "," or not self._continues(text, stop.end(), limit):
                end = stop.start()
                break
            pos = stop.end()
        joiner = self.trailing_joiner.search(text, start, end)
        end = joiner.start() if joiner else end
        while end > start and text[end - 1].isspace():
            end -= 1
        return end

    def _continues(self, text: str, pos: int, limit: int) -> bool:
        listed = self.list_goes_on.match(text, pos, limit)
        return listed is not None and text[pos:listed.end()].strip()[:1].islower()


@cache
def _treaty_parties() -> frozenset[str]:
    """The unions that sign agreements in their own name (``data/parties.toml``), read once."""
    return frozenset(load_shared("parties")["treaty_parties"])


@cache
def _union_of() -> tuple[frozenset[str], dict[str, str]]:
    """The agreement kinds a union alone concludes for its members, and member → union (``data/parties.toml``)."""
    data = load_shared("parties")
    return frozenset(data["member_kinds"]), {member: union for union, members in data["members"].items() for member in members}


def _union_for_members(parties: list[str], kind: str) -> list[str]:
    """The parties of a trade agreement, a union for its member ("Hungary ... the FTA with Vietnam": EU)."""
    kinds, union = _union_of()
    if kind not in kinds:
        return parties
    return sorted(dict.fromkeys(union.get(code, code) for code in parties))


def parties_of(doc: Document, start: int, end: int) -> list[str]:
    """The two parties a name inside ``[start, end)`` is between, sorted as FACTS.md lists them.

    The countries the name itself gives ("giữa Việt Nam và Argentina"), or a
    union that signs in its own name ("EU-Vietnam"), completed from the
    article's main pair when it gives fewer than two, and from the press's
    home country when the body names only one.
    """
    unions = _treaty_parties()
    named = list(dict.fromkeys([
        *countries_in(doc, start, end), *(o.value for o in doc.in_range("orgs", start, end) if o.value in unions),
    ]))
    pair = main_pair(doc)
    home = load(doc.lang)["titles"].get("unnamed_country")
    if len(pair) < 2 and home and home not in pair:
        pair = [*pair, home]  # the press names its own officials without their country: "Thủ tướng Phạm Minh Chính"
    return sorted((named + [c for c in pair if c not in named])[:2])


@dataclass(frozen=True)
class _Rules:
    heads: re.Pattern[str]
    head_kinds: dict[str, str]
    topics: re.Pattern[str]
    topic_kinds: dict[str, str]
    generic: re.Pattern[str]
    coordinated: re.Pattern[str]
    not_bilateral: re.Pattern[str]
    name_rule: NameRule
    cues: re.Pattern[str]
    cue_status: dict[str, str]
    default_status: str
    kind_default_status: dict[str, str]
    """The status of a named agreement of a kind no cue speaks of, where it differs from ``default_status``."""
    ceremony: re.Pattern[str]
    history: re.Pattern[str]
    """Words that put a signing in the past ("have signed"), whatever ceremony word is near."""
    scopes: re.Pattern[str]
    scope_glosses: dict[str, str]
    kind_scopes: dict[str, str]
    names_before_head: bool
    settled: frozenset[str]
    """Folded cues that decide a status whatever proposal comes before them."""
    weak_proposals: frozenset[str]
    """Folded cues of signing soon: a proposal, unless the text is already drafted."""
    goal_forms: frozenset[str]
    """Folded forms of signing that, joined after a negotiating verb, name its goal ("finalising and signing")."""
    joined_goal: re.Pattern[str]
    definite: re.Pattern[str]
    date_lead: re.Pattern[str]
    plural_heads: frozenset[str]
    plural_marker: re.Pattern[str]
    """A word right before a head that makes it plural ("các hiệp định"), where the head itself is not."""
    list_marker: re.Pattern[str]
    """The subject marker opening a plural head's list, a few modifiers after the head."""
    list_stops: re.Pattern[str]
    """Words after which a list of subjects has ended: who signed follows ("... and culture between A and B")."""
    item_joint: re.Pattern[str]
    asyndetic_lists: bool
    """Whether a list may go without a joiner before its last item ("thương mại, đầu tư, lao động")."""
    other_subject: str | None
    """The kind of an agreement on a subject no topic lists; None to leave such mentions out."""
    subject_marker: re.Pattern[str]
    bare_subject: re.Pattern[str]
    """A lower-case word right after a head, where a language names the subject there without a marker."""
    not_subjects: frozenset[str]
    coordination: Coordination


@cache
def _rules(lexicon: Lexicon) -> _Rules:
    data = lexicon["agreements"]
    subject_markers = data.get("subject_markers", [])
    cue_status = {folded(cue): status for status, cues in data["status"].items() for cue in cues}
    return _Rules(
        heads=compile_phrases(data["heads"]),
        head_kinds={folded(k): v for k, v in data["heads"].items()},
        topics=compile_phrases(data["topics"]),
        topic_kinds={folded(k): v for k, v in data["topics"].items()},
        # a count before a head ("ký 4 văn kiện", "signed 15 agreements") is generic in any language
        generic=re.compile(rf"(?:{phrases(data['generic'])}|(?<![\w.,])\d+){SPACE}\Z", re.IGNORECASE),
        coordinated=re.compile(rf"[^,;:.()]*(?:{phrases(data['coordinators'])})\s*\Z", re.IGNORECASE),
        not_bilateral=compile_phrases(data["not_bilateral"]),
        name_rule=NameRule.of(data["name_stops"], data["coordinators"]),
        list_stops=compile_phrases(data["list_stops"]),
        cues=compile_phrases(cue_status),
        cue_status=cue_status,
        default_status=data["default_status"],
        kind_default_status=data.get("kind_default_status", {}),
        ceremony=compile_phrases(data["ceremony"]),
        history=compile_phrases(data["history"]),
        scopes=compile_phrases(data["scopes"]),
        scope_glosses={folded(k): v for k, v in data["scopes"].items()},
        kind_scopes=data["kind_scopes"],
        names_before_head=data.get("names_before_head", False),
        settled=frozenset(folded(cue) for cue in data.get("settled", [])),
        weak_proposals=frozenset(folded(cue) for cue in data.get("weak_proposals", [])),
        goal_forms=frozenset(folded(cue) for cue in data.get("goal_forms", [])),
        joined_goal=re.compile(rf"\s+(?:{phrases(data['coordinators'])})\s+\Z", re.IGNORECASE),
        definite=re.compile(rf"\s+(?:{phrases(data.get('definite_articles', []))})\s+", re.IGNORECASE),
        date_lead=re.compile(rf"(?<!\w)(?:{phrases(data['date_leads'])}){SPACE}", re.IGNORECASE),
        plural_heads=frozenset(folded(h) for h in data.get("plural_heads", [])),
        # a number is plural in every language ("5 văn kiện", "8 MoUs")
        plural_marker=re.compile(rf"(?:{phrases(data.get('plural_markers', []))}|(?<!\w)\d+){SPACE}\Z", re.IGNORECASE),
        list_marker=re.compile(
            rf"(?:{SPACE}[\w’'-]+){{0,{data.get('list_modifiers', 0)}}}?{SPACE}(?:{phrases(subject_markers)}){SPACE}",
            re.IGNORECASE),
        asyndetic_lists=data.get("asyndetic_lists", False),
        item_joint=re.compile(rf"\s*,\s*(?:(?:{phrases(data['coordinators'])})\s+)?|\s+(?:{phrases(data['coordinators'])})\s+",
                              re.IGNORECASE),
        other_subject=data.get("other_subject"),
        subject_marker=re.compile(rf"{SPACE}(?:{phrases(subject_markers)}){SPACE}\w", re.IGNORECASE),
        bare_subject=re.compile(rf"{SPACE}(?P<word>[^\W\d_A-ZĐ]\w*)" if data.get("bare_subjects") else NEVER),
        not_subjects=frozenset(folded(w) for w in data.get("not_subjects", [])),
        coordination=coordination_of(lexicon),
    )


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    kind: str
    head: tuple[int, int]
    """Where the head word ("MoU", "Hiệp định") stands inside ``[start, end)``."""


@component("agreements", requires=["sents", "countries", "orgs", "dates", "anchor"], assigns="facts.agreements")
def find_agreements(doc: Document, lexicon: Lexicon) -> list[Agreement]:
    """One agreement per document named in the article, first mention kept.

    A document the headline names is cited by the body's first mention of it, which
    tells its status in full ("PM urges early conclusion of CEPA negotiations").
    """
    rules = _rules(lexicon)
    agreements: list[Agreement] = []
    seen: dict[tuple[str, str], int] = {}
    headlined: dict[int, bool] = {}
    """Agreements named so far only in the headline, and whether by a bare head ("sign visa exemption agreement")."""
    previous: str | None = None
    for sent in statements(doc):
        mentions = list(_mentions(doc, rules, sent))
        sentence_cues = list(rules.cues.finditer(doc.text, sent.start, sent.end))
        in_headline = doc.text[sent.start:sent.end].strip() == (doc.title or "").strip()
        for mention in mentions:
            # a cue inside another document's name is that name's ("Biên bản ghi nhớ hợp tác trong khuôn khổ APEC,
            # Thỏa thuận ..."), unless it leads this one in its clause ("Ý định thư về việc hoàn tất Bản ghi nhớ")
            cues = [c for c in sentence_cues if not any(
                m.start < c.start() < m.end and m is not mention
                and (c.start() > mention.start or not _same_clause(doc.text, c.end(), mention.start)) for m in mentions)]
            key = (mention.kind, folded(doc.text[mention.start:mention.end]))
            parties = _union_for_members(parties_of(doc, mention.start, mention.end), mention.kind)
            status, start = _status(doc.text, rules, mention, cues, previous)
            found = Agreement(
                kind=mention.kind,
                scope=_scope(doc.text, rules, mention),
                parties=parties,
                status=status,
                date=_date(doc, rules, sent, mention, status),
                evidence=(start, mention.end),
            )
            named = seen.get(key)
            bare = _is_bare(doc.text, rules, mention)
            if named is None and not in_headline:  # the body names in full what the headline named bare
                named = next((i for i, was_bare in headlined.items() if was_bare
                              and (agreements[i].kind, agreements[i].parties) == (mention.kind, parties)), None)
            if named is None and bare:
                named = next((i for i, a in enumerate(agreements) if (a.kind, a.parties, a.status) == (mention.kind, parties, status)), None)
                if named is not None and agreements[named].date is None and named not in headlined:
                    # one document named again: "the MoU on consultations was signed ... The MoU was signed in February"
                    agreements[named] = replace(agreements[named], date=found.date)
            if named is not None:
                if named in headlined and not in_headline:
                    agreements[named] = replace(found, scope=agreements[named].scope if found.scope in rules.kind_scopes.values() else found.scope)
                    del headlined[named]
                continue
            seen[key] = len(agreements)
            if in_headline:
                headlined[len(agreements)] = bare
            agreements.append(found)
        previous = rules.cue_status[folded(sentence_cues[-1].group())] if sentence_cues else None
    return agreements


def statements(doc: Document) -> list[Span]:
    """The sentences, joined again where the splitter cut a list at ";".

    "chứng kiến lễ trao đổi các văn kiện, bao gồm Bản ghi nhớ A; Bản ghi nhớ B;
    ký Ý định thư C" is one statement: the ceremony is every item's context.
    """
    joined: list[Span] = []
    for sent in doc.layer("sents"):
        last = joined[-1] if joined else None
        if last is not None and doc.text[last.end - 1] == ";" and "\n" not in doc.text[last.end:sent.start]:
            joined[-1] = Span(last.start, sent.end, last.label)
        else:
            joined.append(sent)
    return joined


def _mentions(doc: Document, rules: _Rules, sent: Span) -> list[_Mention]:
    """The specific, bilateral documents named in ``sent``."""
    text = doc.text
    # "Hiệp định thương mại tự do (FTA)": a head in brackets abbreviates the one before
    heads = [
        h for h in rules.heads.finditer(text, sent.start, sent.end)
        if not text[sent.start:h.start()].rstrip().endswith("(")
    ]
    mentions: list[_Mention] = []
    generic_before = False
    for i, head in enumerate(heads):
        limit = heads[i + 1].start() if i + 1 < len(heads) else sent.end
        end = _before_a_date(doc, rules, head.end(), rules.name_rule.end(text, head.end(), limit))
        start = _name_before(text, rules, head.start(), heads[i - 1].end() if i else sent.start)
        coordinated = i > 0 and rules.coordinated.match(text, heads[i - 1].end(), head.start()) is not None
        generic = bool(rules.generic.search(text, sent.start, head.start())) or (coordinated and generic_before)
        generic_before = generic
        if folded(head.group()) in rules.plural_heads or rules.plural_marker.search(text, sent.start, head.start()):
            # "memorandums of understanding on A, on B and on C": three documents; a plural with no such list names none
            mentions.extend(_listed_items(text, rules, head, start, limit))
            continue
        kind = _kind(text, rules, head, end)
        if generic or kind is None or rules.not_bilateral.search(text, head.start(), end):
            continue
        mentions.append(_Mention(start, end, kind, head.span()))
    return mentions


def _listed_items(text: str, rules: _Rules, head: re.Match[str], start: int, limit: int) -> list[_Mention]:
    """The documents a plural head lists by subject, one each; none unless it lists two or more.

    "memorandums of understanding on A, on B and on C", "các hiệp định về thương
    mại, bảo hộ đầu tư, lao động": the list opens at a subject marker a few words
    after the head and runs on while a comma leads to a lower-case word. An item's
    kind is the head's, else that of a topic between the head and the marker
    ("các thỏa thuận hợp tác ... về thương mại và giáo dục": two cooperation
    documents), else its own topic's, else that of a document on some other subject.
    """
    marker = rules.list_marker.match(text, head.end(), limit)
    if marker is None:
        return []
    end = _list_end(text, rules, marker.end(), limit)
    bounds, pos = [], marker.end()
    for joint in rules.item_joint.finditer(text, marker.end(), end):
        bounds.append((pos, joint.start()))
        pos = joint.end()
    bounds.append((pos, end))
    if not rules.asyndetic_lists and not rules.name_rule.joiner.search(text, marker.end(), end):
        bounds = bounds[:1]  # "agreements on several matters, aiming at ...": a clause follows, not a list
    bounds = [(a, b) for a, b in bounds if text[a:b].strip()]
    if len(bounds) < 2:
        return []
    bounds[0] = (start, bounds[0][1])
    shared = _head_kind(text, rules, head, head.end(), marker.start())
    items = []
    for item_start, item_end in bounds:
        kind = shared or _head_kind(text, rules, head, max(item_start, marker.end()), item_end) or rules.other_subject
        if kind is not None and not rules.not_bilateral.search(text, item_start, item_end):
            items.append(_Mention(item_start, item_end, kind, head.span()))
    return items


def _list_end(text: str, rules: _Rules, start: int, limit: int) -> int:
    """Where a list of subjects ends: at the first stop, unless it is a comma leading to a lower-case word,
    or before the parties it names ("between Ghana and Nigeria")."""
    parties = rules.list_stops.search(text, start, limit)
    limit = parties.start() if parties else limit
    pos = start
    while (stop := rules.name_rule.stops.search(text, pos, limit)) is not None:
        following = text[stop.end():limit].lstrip()
        if stop.group() != "," or not following[:1].islower():
            limit = stop.start()
            break
        pos = stop.end()
    while limit > start and text[limit - 1].isspace():
        limit -= 1
    return limit


def _head_kind(text: str, rules: _Rules, head: re.Match[str], start: int, end: int) -> str | None:
    """The head's own kind, else that of the first topic in ``[start, end)``."""
    kind = rules.head_kinds[folded(head.group())]
    if kind:
        return kind
    topic = rules.topics.search(text, start, end)
    return rules.topic_kinds[folded(topic.group())] if topic else None


def _before_a_date(doc: Document, rules: _Rules, start: int, end: int) -> int:
    """A name ends before a date said of the agreement ("signed the roadmap in April 2022"),
    not before a period in its name ("Action Programme for 2024-2027")."""
    for span in doc.in_range("dates", start, end):
        lead = next(reversed(list(rules.date_lead.finditer(doc.text, start, span.start))), None)
        if lead is not None and not doc.text[lead.end():span.start].strip():
            return len(doc.text[:lead.start()].rstrip())
        if rules.date_lead.match(doc.text, span.start, span.end):  # the date span holds its "in"
            return len(doc.text[:span.start].rstrip())
    return end


def _name_before(text: str, rules: _Rules, head: int, floor: int) -> int:
    """Where a name written before its head starts ("the EU-Vietnam Investment Protection Agreement").

    Only for languages that put names before heads.
    """
    return capitalised_run_before(text, head, floor) if rules.names_before_head else head


def capitalised_run_before(text: str, head: int, floor: int) -> int:
    """The start of the run of capitalised words (or hyphenated pairs of them) right before ``head``, not before ``floor``."""
    start = head
    for word in reversed(list(_NAME_WORD.finditer(text, floor, head))):
        if word.end() != start and text[word.end():start].strip():
            break
        if not word.group()[0].isupper():
            break
        start = word.start()
    return start


def _kind(text: str, rules: _Rules, head: re.Match[str], end: int) -> str | None:
    """The head's own kind, else that of the first topic in the name ("Hiệp định miễn thị thực"),
    else, where the language says so, the kind of a head whose name states some other subject:
    after a subject marker ("Agreement on the Mutual Recognition of Driving Licences"), or, in a
    language that names the subject right after the head, a content word ("Hiệp định đóng tàu
    tuần tra": an agreement on building patrol boats; not "thỏa thuận này", this arrangement)."""
    kind = _head_kind(text, rules, head, head.end(), end)
    if kind is not None or rules.other_subject is None:
        return kind
    if rules.subject_marker.match(text, head.end(), end):
        return rules.other_subject
    subject = rules.bare_subject.match(text, head.end(), end)
    if subject is not None and folded(subject.group("word")) not in rules.not_subjects:
        return rules.other_subject
    return None


def _status(
    text: str, rules: _Rules, mention: _Mention, cues: list[re.Match[str]], previous: str | None,
) -> tuple[str, int]:
    """The mention's status, and where the evidence starts (the deciding cue when it leads the clause).

    The nearest cue before the head (the list's, for a listed item) decides, but a proposal earlier in the same
    clause, or earlier in one list of steps, wins over a later verb ("đề nghị ... ký hiệp định", "đề nghị Kenya
    nối lại đường bay, ký hiệp định": proposed), unless the
    nearest cue presupposes a status ("proposed that Poland ratify the EVIPA": one
    ratifies a signed text). With no cue before, the last after the name, the
    furthest its story has gone; then the previous sentence's last cue.
    """
    opening = min(mention.start, mention.head[0])  # a listed item reads its cues from the head of its list
    before = [c for c in cues if c.start() < opening]
    if before:
        deciding = before[-1]
        for cue in [] if folded(deciding.group()) in rules.settled else before:
            if rules.cue_status[folded(cue.group())] == "proposed" and _governs(text, rules, cue.end(), opening):
                deciding = cue
                break
        start = deciding.start() if _same_clause(text, deciding.end(), mention.start) else mention.start
        status = rules.cue_status[folded(deciding.group())]
        if folded(deciding.group()) in rules.weak_proposals and _text_pending(text, rules, before, deciding, opening):
            status = "negotiating"
        if folded(deciding.group()) in rules.goal_forms and len(before) > 1 \
                and rules.cue_status[folded(before[-2].group())] == "negotiating" \
                and rules.joined_goal.search(text, before[-2].end(), deciding.start()):
            status = "negotiating"  # "finalising and signing the CEPA": signing is where the negotiation leads
        return status, start
    after = [c for c in cues if c.start() >= mention.end]
    if after:  # "được ký năm 2023 và có hiệu lực từ 2024", "signed in 2023 and in force since": the last stage told
        return rules.cue_status[folded(after[-1].group())], mention.start
    return previous or rules.kind_default_status.get(mention.kind, rules.default_status), mention.start


def _text_pending(
    text: str, rules: _Rules, before: list[re.Match[str]], deciding: re.Match[str], opening: int,
) -> bool:
    """Whether a text to be signed soon is already drafted: the very document ("promised to soon sign the
    MoU on ...", not "a framework agreement"), or one negotiations in the same clause lead to ("promote
    negotiations and soon sign a MoU")."""
    if rules.definite.fullmatch(text, deciding.end(), opening):
        return True
    return any(rules.cue_status[folded(c.group())] == "negotiating" and c.start() < deciding.start()
               and _same_clause(text, c.end(), opening) for c in before)


def _governs(text: str, rules: _Rules, start: int, end: int) -> bool:
    """Whether a cue ending at ``start`` still governs ``end``: in its clause, or over the steps of a list it opens."""
    return _same_clause(text, start, end) or rules.coordination.one_list_of_steps(text, start, end)


def _same_clause(text: str, start: int, end: int) -> bool:
    """No clause mark between ``start`` and ``end``: a cue there still governs what follows."""
    return not re.search(r"[,;:]", text[start:end])


def _date(doc: Document, rules: _Rules, sent: Span, mention: _Mention, status: str) -> str | None:
    """Proposals and signings at the article's event get its date; history and pending texts none.

    A signing is the article's own when the sentence tells of a ceremony ("chứng
    kiến lễ trao đổi các văn kiện"); otherwise only a date the sentence states
    counts. Dates inside the name are the agreement's period, not its date
    ("Chương trình Hành động ... giai đoạn 2024 - 2027").
    """
    stated = date_in(doc, sent.start, mention.start, terms=False) or date_in(doc, mention.end, sent.end, terms=False)
    ceremony = (rules.ceremony.search(doc.text, sent.start, sent.end) is not None
                and rules.history.search(doc.text, sent.start, sent.end) is None)
    if status == "proposed" or (status == "signed" and ceremony):
        return stated or _event_date(doc)
    return stated if status == "signed" else None


def _event_date(doc: Document) -> str | None:
    """The day of the article's own event: the first day its opening sentences state
    ("on Sunday", "Sáng 17/11"), else the anchor's date at the precision it was established."""
    anchor = anchor_of(doc)
    for sent in doc.layer("sents")[:LEDE_SENTENCES]:
        for span in doc.in_range("dates", sent.start, sent.end):
            if span.value.has_day and not span.value.is_range:
                stated = resolve(span.value, anchor)
                if stated is not None:
                    return stated
    if anchor.year is None:
        return None
    if anchor.month is None:
        return f"{anchor.year:04d}"
    if anchor.day is None:
        return f"{anchor.year:04d}-{anchor.month:02d}"
    return f"{anchor.year:04d}-{anchor.month:02d}-{anchor.day:02d}"


def _is_bare(text: str, rules: _Rules, mention: _Mention) -> bool:
    """Whether a mention names no more than its kind: no subject and no period beside its head words.

    After a document of its kind, "The MoU", "the Vietnam-UAE CEPA" or "a joint
    statement outlining a roadmap" name that document again.
    """
    head_start, head_end = mention.head
    if rules.subject_marker.match(text, head_end, mention.end):
        return False
    for start, end in ((mention.start, head_start), (head_end, mention.end)):
        if rules.scopes.search(text, start, end) or _YEAR.search(text, start, end):
            return False
    return True


def _scope(text: str, rules: _Rules, mention: _Mention) -> str:
    """English glosses of what the name covers, else the kind's usual scope."""
    glosses: list[str] = []
    for match in rules.scopes.finditer(text, mention.start, mention.end):
        gloss = rules.scope_glosses[folded(match.group())]
        if gloss not in glosses:
            glosses.append(gloss)
    return ", ".join(glosses) or rules.kind_scopes[mention.kind]
