"""Events: visits, meetings, attendances, invitations, proposals, commitments...

Each sentence is read for trigger phrases (``lang/<code>/events.toml``). A
trigger's sides come from the participants around it: the person, country or
joint subject ("Hai bên") before it, and the person or country after it; the
article's two main countries fill a missing side. FACTS.md's annotation
decisions are followed where they settle a case: a meeting "bên lề" a summit
implies each side attended it; "Nhận lời mời" is one ACCEPT; a history list
gives one event per item; each document signed is its own SIGN.

Dates: a speech act (proposal, commitment...) is dated when it was said, so
it takes a date stated before its trigger or the date the narrative has
reached, never a year named in what it is about ("mục tiêu ... năm 2030").
A visit or meeting takes a date stated near its trigger, at least to the month.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache, cached_property, lru_cache

from bilat.extract.components.countries import (
    both_cases,
    countries_in,
    country_of_city,
    country_of_place,
    filed_in,
    main_pair,
)
from bilat.extract.components.dates import (
    Anchor, DateValue, anchor_of, dateline, dateline_at, hosted_gathering, resolve, stamp_lines,
)
from bilat.extract.components.persons import is_caption
from bilat.extract.coordination import Coordination, coordination_of, split_items
from bilat.extract.doc import Document, Span
from bilat.extract.facts import Agreement, Event, Person
from bilat.extract.pipeline import component
from bilat.isodates import width
from bilat.lang import NEVER, Lexicon, alternation
from bilat.patterns import compile_gated
from bilat.text import fold

SPEECH_ACTS = frozenset({"INVITE", "ACCEPT", "PROPOSE", "COMMIT", "CONGRATULATE"})
UNORDERED = frozenset({"MEET", "SIGN", "ESTABLISH_RELATIONS", "ATTEND"})
_CONTACTS = frozenset({"VISIT", "MEET"})

_OBJECT_WINDOW = 14
"""Characters that may separate an object marker from the participant it governs."""
_INVITER_WINDOW = 30
"""How far before a participant an invitation's author marker ("on the invitation of the") may start."""
_COUNTERPART_WINDOW = 20
"""Characters between a meeting verb and the person met ("tiếp ... Thủ tướng Malaysia")."""
_DATE_WINDOW = 90
"""Characters after a visit or meeting trigger within which a stated date is its date."""
_QUALIFIER_WINDOW = 30
"""Characters after an anniversary's "relations" that may say whose relations they are."""
_AHEAD_WINDOW = 30
"""Characters before an anniversary within which "heading towards" makes it next year's."""
_PLACE_REACH = 200
"""Characters before a country within which a place word and the five words it may stand from it are read."""
_DASH_AFTER = re.compile(r" ?[-–]")
_DASH_BEFORE = re.compile(r"[-–] ?\Z")
_PAIR_DASH = re.compile(r" ?[-–] ?")
_SIDE_GAP = 12
"""Characters (an adverb or two) between a side and a bare future that is its promise ("India also will")."""
_PASSIVE_REACH = 12
"""How far a passive request phrase may reach around its trigger ("được đề nghị", "called upon to")."""
_THANKS_WINDOW = 40
"""How far before a congratulation thanks for it may stand ("thanked Lula warmly for congratulating")."""
_SPEAKER_SIDE_LENGTH = 16
"""The longest phrase a speaker calls their own country by ("his government")."""
_CITY_WORD = 20
"""Characters of the word before or after a capitalised word that may complete a city's name ("Hà Nội")."""
_WORD_BEFORE = re.compile(r"(\S+) $")
_WORD_AFTER = re.compile(r" (\S+)")
_CAPITALISED_RUN = re.compile(r"(?:(?:the |de |of )?[^\W\d_][\w\-]*[ ,]*){1,5}")
"""Up to five words after a place word, where a capital or venue city may be named ("the Moroccan capital Rabat")."""
_NEEDED_WINDOW = 80
"""Characters after a trigger within which the object it needs must be named ("held ... Strategic Dialogue")."""
_SAME_STEP = 0.5
"""Share of content words two mentions of a step must have in common to be one step."""
_VAGUE_GAP_WORDS = 2
"""Words between an intensifying verb and the cooperation it intensifies ("tăng cường [hơn nữa] hợp tác", "boost [bilateral] ties")."""
_ARRIVAL_GAP_WORDS = 4
"""Words between an official and a verb of going that still make the official its subject ("Thủ tướng X [và Phu
nhân đã] tới", "do Thứ trưởng dẫn đầu [đã] sang"); further off, the verb has a subject of its own."""
_WISH_ADDRESSEE_WORDS = 1
"""Words between a wish and the side it asks of ("hoped [that] Russia would", "mong muốn [phía] Chile"); a side
named further on, past a verb, is part of what is wished ("hopes to visit Russia")."""
_DEED_WORDS = 6
"""Words at the head of a step within which its verb stands, past the side addressed ("called on Canada to resume",
"đề nghị phía Campuchia sớm nối lại"); further on, a verb belongs to a purpose clause, not to the step."""
_NOTHING_NAMED = re.compile(r"\s*(?:[.,;:)]|$)")
"""What follows a verb that names no object: the clause ends."""
_PRECEDING_CHARS = 24
"""Characters before a trigger within which the words that make it part of another phrase are read."""
OBJECT_WORDS = 14
"""Words of the clause kept as an event's object."""
_OPENING_QUOTES = ("“", '"')
_ATTRIBUTION_WORDS = 6
"""Words that may name who told a step before the reporting verb (", the TASS news agency reported")."""
_AMOUNT = re.compile(r"\d+")
"""A figure in a step (an amount, a target, a term) makes it concrete."""
_WORD = re.compile(r"[^\W\d_][\w\-’']*")
_GATHERING_NAME_WORDS = 4
"""Most name words before a gathering's head noun ("the UN Ocean Conference")."""
_INSTITUTION_GAP = 2
"""Characters between a mission's name and its country ("Đại sứ quán Việt Nam", "Embassy of Chile")."""
_RELATIONS_GAP_WORDS = 3
"""Words that may stand between an establishing verb and the relations it establishes ("nâng cấp quan hệ", "elevated their bilateral ties")."""
_FRAMEWORK_DATE_GAP = 12
"""Characters between a coordinated framework and its date ("quan hệ Đối tác toàn diện từ tháng 3/2019")."""
_PASSIVE_WINDOW = 60
"""Characters before a passive establishing verb within which its relations are named ("Quan hệ ngoại giao giữa A và B đã được thiết lập")."""
_FRAMEWORK_WINDOW = 90
"""Characters after an establishing verb within which the level reached is named."""
_BACKGROUND_WINDOW = 40
"""Characters before an establishing verb within which "since" makes it background."""
_GATHERING_NAME_WINDOW = 60
"""Characters after a gathering's head within which the rest of its name is read."""
_DOCUMENT_WINDOW = 40
"""Characters after a signing verb within which what is signed is named ("signed fifteen agreements")."""
_SIGNED_BEFORE_WINDOW = 50
"""Characters before a signing verb within which a document makes it passive or relative ("the pact was signed")."""
_NON_STATE_WINDOW = 60
"""How far before a signing or establishing verb its subject is read for a party below the state."""
_SESSION_NAME_WORDS = 4
"""Words of a body's name that may stand between an ordinal and its meeting ("the first Supreme Interstate Council meeting")."""
_SESSION_DATE_WINDOW = 160
"""Characters after a numbered session's meeting word within which its date is read ("Kỳ họp lần III Ủy ban hỗn hợp về ... (tháng 9/2021)")."""
_SESSION_WINDOW = 60
"""Characters before a meeting word within which its ordinal is read."""
_SUBJECT_GAP_WORDS = 3
"""Words (an adverb, a weekday) that may stand between a meeting verb and its own subject."""
_INTENTION_WINDOW = 20
"""Characters before a signing verb within which words make it an intention ("to negotiate and sign")."""
_WISH_WINDOW = 30
"""How far before a visit a wish ("expressed the hope to pay an official") may stand."""
_TOPIC_WORDS = 4
"""Most words in one topic of a list of documents ("documents on health, fisheries and customs")."""
_BATCH_GAP_WORDS = 2
"""Words that may stand between a count and the documents counted ("eight cooperation agreements")."""
_DATELINE_END = re.compile(r"[^\w\n]{0,3}(?:[^\W\d_][\w.]*\s?){0,3}(?:\([^)]{0,20}\))?\s*(?:—|–|-\s|:)")
"""After a dateline's date ("April 4 - BERLIN —", "August 29 (ANI):"): the dash or colon that opens the report."""
_PUNCTUATION = re.compile(r"[,.;:()]")
"""Marks that end a name or a subject's reach."""
_TOPIC_LIST_END = re.compile(r"[.;:()\n]")


def _lower_first(phrase: str) -> str:
    return phrase[0].lower() + phrase[1:]


@dataclass(frozen=True)
class _EventData:
    trigger_re: re.Pattern[str]
    types: dict[str, str]
    not_followed: dict[str, re.Pattern[str]]
    """Per trigger, the words or phrases after it that make it another word ("agreed upon", "agreed on the need")."""
    not_preceded: dict[str, tuple[str, ...]]
    needs_object: dict[str, re.Pattern[str]]
    needs_counterpart: frozenset[str]
    reciprocal: frozenset[str]
    """Meeting verbs a joint subject does together with no one else named ("the two leaders met")."""
    multilateral_re: re.Pattern[str]
    joint_re: re.Pattern[str]
    object_re: re.Pattern[str]
    clause_joiner_re: re.Pattern[str]
    delegation_lead_re: re.Pattern[str]
    hosted_by_re: re.Pattern[str]
    belief_re: re.Pattern[str]
    year_scene_re: re.Pattern[str]
    """What may stand in a sentence before a year that opens it ("In 2023, ..."): an opening quote, a preposition."""
    """"tin tưởng", "believes": a future after it is foreseen, not promised."""
    """"the summit hosted by Peru": the words before a gathering's host."""
    """"a delegation led by Minister X visited": X leads the subject, though "by" marks objects elsewhere."""
    place_re: re.Pattern[str]
    future_re: re.Pattern[str]
    complementizer_re: re.Pattern[str]
    back_reference_re: re.Pattern[str]
    deliverable_re: re.Pattern[str]
    """Head nouns of what a concrete step delivers (an agreement, a mechanism, a visit...)."""
    deed_re: re.Pattern[str]
    """A step that opens with a verb of a checkable deed ("resume flights", "nối lại đường bay"): concrete."""
    vague_step_re: re.Pattern[str]
    """A step that only intensifies cooperation ("thúc đẩy hợp tác với ASEAN"): vague, whatever it is with."""
    """A verb that opens the next step of a list, perhaps after a lead word."""
    beneficiary_markers: frozenset[str]
    """Words before the side a step gives to ("cho Việt Nam", "to Kenya")."""
    passive_request_re: re.Pattern[str]
    """A request said in the passive ("urged to open"): its subject is the side asked, not the one asking."""
    passive_markers: frozenset[str]
    """Words that make the verb after them passive ("được", "was"): "A được B tiếp" is B receiving A."""
    thanks_re: re.Pattern[str]
    """Thanks, after which a congratulation is the thanked side's, already told."""
    duration_re: re.Pattern[str]
    """A unit of time right after a number: a span of time ("50 years", "50 năm"), not an amount."""
    speaker_side_re: re.Pattern[str]
    """The speaker's own country said as a phrase ("his country"), right before a future auxiliary."""
    participle_endings: tuple[str, ...]
    """Endings of a participle, whose subject is its main clause's ("congratulating")."""
    attribution_re: re.Pattern[str]
    """A clause after a comma or a closing quote that says who told the step (", the TASS news agency reported")."""
    reporting_re: re.Pattern[str]
    """A reporting verb anywhere ("cho biết", "said"): what follows it is what was reported."""
    coordination: Coordination
    function_words: frozenset[str]
    """Folded words that say nothing of what a step is ("for", "more", "hai"): not compared between mentions."""
    relationship_words: frozenset[str]
    """Folded capitalised words that name a relationship's level or an institution every country has, not a place or body."""
    anniversary_res: tuple[re.Pattern[str], ...]
    """One pattern per way the language states an anniversary; each has groups n and approx."""
    visitor_re: re.Pattern[str]
    inviter_re: re.Pattern[str]
    destination_re: re.Pattern[str]
    destination_marker_re: re.Pattern[str]
    sidelines: frozenset[str]
    attendance_of: frozenset[str]
    """ATTEND triggers whose attendees follow them, the gathering named before ("với sự tham dự của", "attended by")."""
    sidelines_of_bodies: frozenset[str]
    """Sidelines phrases after which an organisation's name is its meeting ("on the sidelines of APEC")."""
    upgrades: frozenset[str]
    purpose_re: re.Pattern[str]
    """Words before what a trip is for ("for the"): a gathering named there is one attended."""
    becoming: frozenset[str]
    place_word_re: re.Pattern[str]
    place_words: frozenset[str]
    """Words before a country that make it a place or a destination ("in", "to")."""
    pair_joiner_re: re.Pattern[str]
    joint_head_before_re: re.Pattern[str]
    joint_head_after_re: re.Pattern[str]
    date_leads: frozenset[str]
    present: frozenset[str]
    """Meeting words that name who else was present at talks already told ("Cùng dự có ...")."""
    pronoun_re: re.Pattern[str]
    subject_accepts: frozenset[str]
    bare_accepts: frozenset[str]
    """Acceptances that may name nothing accepted ("and Mahama accepted"): one only so, of an invitation told before."""
    possessive_re: re.Pattern[str]
    date_blocker_re: re.Pattern[str]
    clause_break_re: re.Pattern[str]
    documents_re: re.Pattern[str]
    document_batch_re: re.Pattern[str]
    between_re: re.Pattern[str]
    ahead_re: re.Pattern[str]
    intention_re: re.Pattern[str]
    setting_re: re.Pattern[str]
    third_parties_re: re.Pattern[str]
    non_state_re: re.Pattern[str]
    necessity_re: re.Pattern[str]
    institution_re: re.Pattern[str]
    listed_re: re.Pattern[str]
    welcomes: frozenset[str]
    invitation_noun_re: re.Pattern[str]
    since_re: re.Pattern[str]
    standing_since_re: re.Pattern[str]
    subject_relative_re: re.Pattern[str]
    relation_frame_re: re.Pattern[str]
    frameworks_re: re.Pattern[str]
    passive_relation_re: re.Pattern[str]
    frameworks: dict[str, str]
    background_re: re.Pattern[str]
    years_ago_res: tuple[re.Pattern[str], ...]
    """One pattern per way the language says how long ago; each has the group n."""
    session_before_re: re.Pattern[str]
    session_after_re: re.Pattern[str]
    session_start_re: re.Pattern[str]
    document_topics_re: re.Pattern[str]
    infinitive_re: re.Pattern[str]
    home: str | None
    receptions: frozenset[str]
    """Verbs of receiving a guest ("welcomed", "đón"): a visit named after them with no visitor is the guest's."""
    arrivals: frozenset[str]
    """Verbs of going ("tới", "sang"): a visit only when an official goes to a place named right after."""
    wishes: frozenset[str]
    """"mong muốn", "hoped that": triggers of a wish, a proposal only when asked of another side."""
    courtesy_calls: frozenset[str]
    """Proposal triggers that, said of an official with no step asked, are a call paid on them ("called on the President")."""
    infinitive_after_re: re.Pattern[str]
    """An infinitive marker and the verb it opens: something asked ("to reopen the border")."""
    new_predicate_re: re.Pattern[str]
    """Words opening a clause after a semicolon that make it a predicate of its own, no item of a list asked."""
    proposal_nouns: frozenset[str]
    """Proposal triggers that are nouns: the one whose proposal it is owns it ("Kenya's proposal to ...")."""
    plans: frozenset[str]
    """Commitment triggers of a plan or an eagerness: a side's only when the side is named right before them."""
    bare_invitations: frozenset[str] = frozenset()
    held_by_both: tuple[str, ...] = ()
    invited_to_a_place_re: re.Pattern[str] = re.compile(NEVER)
    """Invitation verbs that are an INVITE only with a visit or attendance after them ("mời ... thăm")."""
    bare_futures: frozenset[str] = frozenset()
    """Future auxiliaries that are a COMMIT only with a side right before them ("The two sides will")."""
    frames: tuple[tuple[re.Pattern[str], str], ...] = ()
    """Triggers with words inside them ("khẳng định Việt Nam sẽ"), each with its event type."""

    def kind(self, phrase: str) -> str:
        """The event type a trigger match states: its phrase's, else the first frame it fits."""
        found = self.types.get(phrase)
        return found or next(kind for frame, kind in self.frames if frame.fullmatch(phrase))


_FRAME_GAP_WORDS = 4
"""Words a frame's {gap} may hold ("khẳng định [Việt Nam luôn] sẵn sàng")."""
_FRAME_GAP = rf"(?:\s+[^\W\d_][\w\-’']*){{0,{_FRAME_GAP_WORDS}}}?\s+"
"""A frame's {gap}: a few words, no punctuation."""


def _frame(template: str, slots: dict[str, str]) -> tuple[str, str]:
    """A frame of the data as a pattern to find it and one its matched phrase fits: its words literal,
    ``{gap}`` a few words, ``{nth}`` a session's ordinal, ``{pair}`` two names joined by a dash
    ("German-Polish"), a final ``{step}`` a verb that opens a step (not part of the phrase), either case first."""
    needs_step = template.endswith("{step}")
    pieces = []
    for token in template.removesuffix("{step}").replace("{gap}", " {gap} ").split():
        if token.startswith("{") and token.endswith("}"):
            pieces.append(slots[token[1:-1]])
        elif not pieces:
            pieces.append(f"[{token[0].upper()}{token[0]}]{re.escape(token[1:])}")
        else:
            pieces.append(re.escape(token))
    phrase = ""
    for previous, piece in zip(["", *pieces], pieces):
        joined = not phrase or _FRAME_GAP in (previous, piece)
        phrase += piece if joined else rf"\s+{piece}"
    return phrase + (rf"(?=\s+{slots['step']})" if needs_step else ""), phrase


_UPPER = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper())
"""The capital letters of the Latin scripts the corpus uses (Vietnamese "Đ", "Ư"... included)."""
_NAME_WORD = rf"(?:[{_UPPER}\d][\w'’&-]*|\([{_UPPER}\d][\w&-]*\))"
"""A word of a gathering's name: capitalised, a number ("G20", "2030"), or an acronym in parentheses
("the Global Goals 2030 (P4G) Summit")."""
_PAIR_NAME = rf"[{_UPPER}][\w'’]*(?:\s[{_UPPER}][\w'’]*)?"
_PAIR_NAMES = rf"{_PAIR_NAME}\s?[-–]\s?{_PAIR_NAME}"
"""A frame's {pair}: two names of one or two capitalised words joined by a dash ("German-Polish", "Việt Nam – Colombia")."""


def _gatherings(data: dict[str, list[str]]) -> str:
    """Multilateral gatherings: the listed ones, and a head noun with a name ("Diễn đàn Tương lai ASEAN",
    "the World Economic Forum") as a language names them, rather than a closed list of gatherings."""
    heads_first = alternation(data["gathering_heads_first"])
    heads_last = alternation(data["gathering_heads_last"])
    return (rf"{alternation(data['multilateral_events'])}"
            rf"|(?<!\w)(?:{heads_first})\s+{_NAME_WORD}"
            rf"|(?<!\w)(?:{_NAME_WORD}\s+){{1,{_GATHERING_NAME_WORDS}}}(?:{heads_last})(?!\w)")


@cache
def _event_data(lexicon: Lexicon) -> _EventData:
    data = lexicon["events"]
    types = {variant: kind for kind, phrases in data["triggers"].items() for phrase in phrases
             for variant in (phrase, phrase[0].upper() + phrase[1:])}

    def words(key: str) -> str:
        return alternation(data[key])

    coordination = coordination_of(lexicon)
    ordinals_before = "|".join(data["session_ordinals_before"]) or NEVER
    ordinals_after = "|".join(data["session_ordinals_after"]) or NEVER
    slots = {"gap": _FRAME_GAP, "step": coordination.step_opener, "pair": _PAIR_NAMES, "nth": rf"(?:{ordinals_before}|{ordinals_after})"}
    patterns = [(_frame(template, slots), kind) for kind, templates in data.get("frames", {}).items()
                for template in templates]
    frames = tuple((re.compile(phrase), kind) for (_, phrase), kind in patterns)
    frame_re = "|".join(f"(?:{search})" for (search, _), _ in patterns)
    return _EventData(
        frames=frames,
        wishes=frozenset(_lower_first(w) for w in data["wishes"]),
        courtesy_calls=frozenset(data["courtesy_calls"]),
        new_predicate_re=re.compile(rf"\s*(?:{words('new_predicates')})(?!\w)", re.IGNORECASE),
        proposal_nouns=frozenset(data["proposal_nouns"]),
        plans=frozenset(data["plans"]),
        infinitive_after_re=re.compile(rf"(?<!\w)(?:{words('infinitives')})\s+\w"),
        arrivals=frozenset(_lower_first(w) for w in data["arrivals"]),
        receptions=frozenset(_lower_first(w) for w in data["receptions"]),
        bare_invitations=frozenset(_lower_first(w) for w in data["bare_invitations"]),
        held_by_both=tuple(data["held_by_both"]),
        invited_to_a_place_re=re.compile(rf"(?<!\w)(?:{words('invitation_destinations')})\s+[{_UPPER}]"),
        bare_futures=frozenset(_lower_first(w) for w in data["bare_futures"]),
        trigger_re=compile_gated(rf"(?<!\w)(?:{frame_re + '|' if frames else ''}{alternation(list(types))})(?!\w)"),
        types=types,
        not_followed={_lower_first(k): re.compile(rf"\s+(?:{alternation(v)})(?!\w)")
                      for k, v in data["not_followed_by"].items() if v},
        not_preceded={_lower_first(k): tuple(v) for k, v in data["not_preceded_by"].items()},
        needs_object={_lower_first(k): re.compile(rf"(?<!\w)(?:{alternation(v)})(?!\w)")
                      for k, v in data.get("needs_object", {}).items()},
        needs_counterpart=frozenset(_lower_first(w) for w in data["needs_counterpart"]),
        reciprocal=frozenset(_lower_first(w) for w in data["reciprocal"]),
        multilateral_re=re.compile(_gatherings(data)),
        purpose_re=re.compile(rf"(?<!\w)(?:{words('trip_purposes')})\s+" if data["trip_purposes"] else NEVER),
        joint_re=re.compile(rf"(?<!\w)(?:{words('joint_subjects')})(?!\w)"),
        object_re=re.compile(rf"(?<!\w)(?:{words('object_markers')})[\s,]*$"),
        clause_joiner_re=re.compile(rf",\s*(?:{words('pair_joiners')})[\s,]*$"),
        delegation_lead_re=re.compile(rf"(?<!\w)(?:{words('delegation_leads')})\s*$"),
        hosted_by_re=re.compile(rf"(?<!\w)(?:{words('hosted_by')})(?!\w)"),
        belief_re=re.compile(rf"(?<!\w)(?:{words('beliefs')})(?!\w)"),
        year_scene_re=re.compile(rf"[\s\"“‘'(]*(?:(?:{words('scene_adverbs')}),\s*)?(?:(?:{words('year_scene_openers')})\s+)?",
                                 re.IGNORECASE),
        # each word whole ("(?![\w\-])"), or the engine tries every way of cutting a word into pieces
        place_re=re.compile(rf"(?<!\w)(?:{words('place_markers')})[\s,]*(?:[^\W\d_][\w\-]*(?![\w\-])[\s,]*){{0,5}}$"),
        back_reference_re=re.compile(rf"(?<!\w)(?:{words('back_references')})\s*$"),
        future_re=re.compile(rf"(?<!\w)(?:{words('future')})(?!\w)"),
        deliverable_re=re.compile(rf"(?<!\w)(?:{words('deliverables')})(?!\w)", re.IGNORECASE),
        deed_re=re.compile(rf"(?<!\w)(?:{words('deeds')})(?!\w)(?!\s+(?:{words('idiom_objects')})(?!\w))", re.IGNORECASE),
        vague_step_re=re.compile(
            rf"\W*(?:(?:{alternation([*lexicon['coordination']['step_leads'], *data['vague_leads']])})\s+)*(?:{words('vague_verbs')})\s+(?:[\w\-]+\s+){{0,{_VAGUE_GAP_WORDS}}}?"
            rf"(?:{words('cooperation_words')})(?!\w)", re.IGNORECASE),
        participle_endings=tuple(data["participle_endings"]),
        beneficiary_markers=frozenset(data["beneficiary_markers"]),
        passive_request_re=re.compile(alternation(data["passive_requests"])),
        passive_markers=frozenset(m.lower() for m in data["passive_markers"]),
        thanks_re=re.compile(rf"(?<!\w)(?:{words('thanks')})(?!\w)"),
        duration_re=re.compile(rf"\s*(?:{words('duration_units')})(?!\w)"),
        speaker_side_re=re.compile(rf"(?<!\w)(?:{words('speaker_sides')})(?:\s+[^\W\d_][\w\-]*){{0,2}}\s*$"),
        attribution_re=re.compile(rf"[,”\"’]+\s+(?:[^\W\d_][\w\-’'.]*\s+){{0,{_ATTRIBUTION_WORDS}}}?"
                                  rf"(?:{words('attributions')})(?!\w)"),
        reporting_re=re.compile(rf"(?<!\w)(?:{words('attributions')})(?!\w)"),
        coordination=coordination,
        function_words=frozenset(fold(w) for w in data["function_words"]),
        relationship_words=frozenset(fold(w) for w in [*data["relationship_words"], *data["institution_words"]]),
        complementizer_re=re.compile(rf"(?<!\w)(?:{words('complementizers')})(?!\w)"),
        anniversary_res=tuple(re.compile(template.format(approx=words("approximate"))) for template in data["anniversaries"]),
        visitor_re=re.compile(rf"(?<!\w)(?:{words('visitor_markers')})(?:\s+(?:{words('determiners')}))?\s*$"),
        inviter_re=re.compile(rf"(?<!\w)(?:{words('inviter_markers')})(?:\s+(?:{words('determiners')}))?\s*$"),
        destination_re=re.compile(rf"\s*(?:(?:{words('destination_markers')})\s+)?((?:[^\W\d_][\w\-]*\s?){{1,3}})"),
        destination_marker_re=re.compile(rf"(?:{words('destination_markers')})\s"),
        sidelines=frozenset(_lower_first(w) for w in data["sidelines"]),
        attendance_of=frozenset(data["attendance_of"]),
        sidelines_of_bodies=frozenset(_lower_first(w) for w in data["sidelines_of_bodies"]),
        upgrades=frozenset(data["upgrades"]),
        becoming=frozenset(data["becoming"]),
        place_word_re=re.compile(rf"(?<!\w)(?:{words('place_markers')})\s+"),
        place_words=frozenset(data["place_markers"] + data["destination_markers"]),
        pair_joiner_re=re.compile(rf"\s+(?:{words('pair_joiners')})\s+(?:(?:{words('determiners')})\s+)?"),  # "Japan and the Philippines"
        joint_head_before_re=re.compile(
            rf"(?<!\w)(?:(?:{words('determiners')})\s+)?(?:{alternation([form for head in data['joint_heads_before'] for form in both_cases(head)])})\s+$"),
        joint_head_after_re=re.compile(rf"\s+(?:{alternation(data['joint_heads_after']) or NEVER})(?!\w)"),
        date_leads=frozenset(["", *data["date_leads"]]),
        present=frozenset(_lower_first(w) for w in data["present"]),
        subject_accepts=frozenset(_lower_first(w) for w in data["subject_accepts"]),
        bare_accepts=frozenset(_lower_first(w) for w in data["bare_accepts"]),
        pronoun_re=re.compile(rf"(?<!\w)(?:{words('pronouns')})(?!\w)"),
        possessive_re=re.compile(rf"(?:{words('possessives')})(?:\s+[\w-]+){{0,3}}\s+"),
        date_blocker_re=re.compile(rf"(?<!\w)(?:{words('date_blockers')})(?!\w)"),
        clause_break_re=re.compile(alternation([";", *data["clause_breaks"]])),
        documents_re=re.compile(rf"(?<!\w)(?:{words('documents')})(?!\w)"),
        document_batch_re=re.compile(
            rf"(?:{alternation(data['document_batches'])})\s+(?:[\w-]+\s+){{0,{_BATCH_GAP_WORDS}}}?(?:{words('documents')})(?!\w)"),
        between_re=re.compile(rf"\s+(?:{words('between')})\s+"),
        ahead_re=re.compile(rf"(?<!\w)(?:{words('anniversary_ahead')})(?!\w)"),
        intention_re=re.compile(rf"(?<!\w)(?:{words('intentions')})(?!\w)"),
        setting_re=re.compile(rf"(?<!\w)(?:{words('settings')})\s+$"),
        third_parties_re=re.compile(rf"(?<!\w)(?:{words('third_parties')})(?!\w)"),
        non_state_re=re.compile(rf"(?<!\w)(?:{words('non_state_parties')})(?!\w)"),
        necessity_re=re.compile(rf"(?<!\w)(?:{words('necessities')})\s+$"),
        institution_re=re.compile(rf"(?<!\w)(?:{words('institutions')})(?!\w)"),
        listed_re=re.compile(rf"\s*(?:,|,?\s*(?:{words('pair_joiners')}))\s*(?:(?:{words('determiners')})\s+)?"),
        welcomes=frozenset(_lower_first(w) for w in data["welcomes"]),
        invitation_noun_re=re.compile(rf"(?<!\w)(?:{words('invitation_nouns')})(?!\w)"),
        since_re=re.compile(rf"(?<!\w)(?:{words('since_markers')})\s+"),
        standing_since_re=re.compile(rf"\s+(?:{words('standing_since')})\s+"),
        subject_relative_re=re.compile(rf",\s*(?:{words('subject_relatives')})(?!\w)"),
        relation_frame_re=re.compile(
            rf"(?:\W+[\w’'-]+){{0,{_RELATIONS_GAP_WORDS}}}?\W+(?:{alternation([*data['relation_words'], *data['frameworks']])})(?!\w)",
            re.IGNORECASE),
        passive_relation_re=re.compile(
            rf"(?<!\w)(?:{alternation(data['relation_words'])})(?!\w).*(?<!\w)(?:{words('passive_markers')})\s+$", re.IGNORECASE),
        frameworks_re=re.compile(rf"(?<!\w)(?:{alternation(list(data['frameworks']))})(?!\w)", re.IGNORECASE),
        frameworks={fold(k): v for k, v in data["frameworks"].items()},
        background_re=re.compile(rf"(?<!\w)(?:{words('background_leads')})(?!\w)", re.IGNORECASE),
        years_ago_res=tuple(re.compile(pattern) for pattern in data["years_ago"]),
        session_before_re=re.compile(rf"(?<!\w)(?:{ordinals_before})\s+(?:[\w'’-]+\s+){{0,{_SESSION_NAME_WORDS}}}$"),
        session_after_re=re.compile(rf"\s*(?:{ordinals_after})"),
        session_start_re=re.compile(rf"(?:{ordinals_before})\s", re.IGNORECASE),
        document_topics_re=re.compile(rf"\s+(?:{words('document_topics')})\s+"),
        infinitive_re=re.compile(rf"(?<!\w)(?:{words('infinitives')})\s+$"),
        home=lexicon["titles"].get("unnamed_country"),
    )


@dataclass(frozen=True)
class _Participant:
    """Someone who may be a side of an event: a person, a bare title, a country, or "both sides"."""

    start: int
    end: int
    kind: str  # "person", "title", "country", "joint"
    country: str | None
    """None for a bare title with no country: its side depends on its role in the clause."""
    name: str | None = None
    office: str | None = None
    sides: tuple[str, ...] = ()
    """The two countries a joint subject names ("the leaders of Japan and Indonesia"); empty for "the two sides"."""


@dataclass
class _Context:
    """What the reader knows on reaching a sentence: the sides, the narrative date, the speaker."""

    pair: list[str]
    home: str | None
    """The side a bare title belongs to (the press's own officials)."""
    first: str | None
    """The side named first in a joint step: Vietnam (FACTS.md), else where the report was filed, else the one
    the article names first."""
    lexicon: Lexicon
    people: list[Person]
    by_short_name: dict[str, Person]
    short_names: re.Pattern[str] | None
    """The words the article's persons are called by alone, found as participants too."""
    narrative_date: str | None
    first_day: str | None = None
    """The first day the article states about its present: when what its lead tells was said."""
    subject: _Participant | None = None
    events: list[Event] = field(default_factory=list)
    stated: set[int] = field(default_factory=set)
    """Trigger offsets whose clause states the event's date: the best evidence for it."""
    dated: set[int] = field(default_factory=set)
    """ids of events whose evidence states their date."""
    headline_end: int = 0
    """Where the headline ends (its copy as the body's first line included): what it tells, the body tells better."""
    home_named: bool = False
    """Whether the article names an official of the home country (its officials go without the country's name)."""
    sides_named_in_headline: bool = False
    """Whether the headline names a country: where it names none, who did what to whom is the body's to say."""

    def person_named(self, name: str) -> Person | None:
        """The person an event names, by any name the article gives them (the first so named)."""
        return self._people_by_name.get(name)

    @cached_property
    def _people_by_name(self) -> dict[str, Person]:
        by_name: dict[str, Person] = {}
        for person in self.people:
            for name in (person.name, *person.aliases):
                by_name.setdefault(name, person)
        return by_name

    def other(self, country: str | None) -> str | None:
        rest = [c for c in self.pair if c != country]
        if not rest and self.home and self.home != country:
            return self.home  # an article about one partner: the other side is the home country
        return rest[0] if rest else None

    def joint(self) -> list[str]:
        """Both sides, the first named first in a joint step (FACTS.md: home country first)."""
        first = next((c for c in (self.first, self.home) if c in self.pair), self.pair[0] if self.pair else None)
        return [c for c in [first, self.other(first)] if c]

    def joint_of(self, p: _Participant | None) -> list[str]:
        """The sides a joint subject stands for: the two it names, else the article's two."""
        if p is None or len(p.sides) != 2:
            return self.joint()
        first = next((c for c in (self.first, self.home) if c in p.sides), p.sides[0])
        return [first, *(c for c in p.sides if c != first)]

    def side(self, p: _Participant | None) -> str | None:
        """The country a subject stands for; a bare title is the home country's official, where the home
        country takes part: a side, or the country of officials the article names ("Thủ tướng" in an article on
        Chile and Peru alone is neither's)."""
        if p is None or p.kind == "joint":
            return None
        return p.country or (self.home if not self.pair or self.home in self.pair or self.home_named else None)


@dataclass(frozen=True)
class _Trigger:
    doc: Document
    sent: Span
    match: re.Match[str]
    participants: list[_Participant]
    ctx: _Context
    data: _EventData

    @property
    def start(self) -> int:
        return self.match.start()

    @property
    def end(self) -> int:
        return self.match.end()

    @property
    def phrase(self) -> str:
        return _lower_first(self.match.group())

    @cached_property
    def clause(self) -> tuple[int, int]:
        """The trigger's clause (see _clause); read by most rules, found once."""
        return _clause(self.doc, self.sent, self.start, self.data)

    @cached_property
    def step_end(self) -> int:
        """Where the step a speech act states ends (see _step_end); read by several rules, found once."""
        return _step_end(self)


@component("events", requires=["sents", "countries", "orgs", "dates", "anchor", "mentions", "facts.persons", "facts.agreements"], assigns="facts.events")
def find_events(doc: Document, lexicon: Lexicon) -> list[Event]:
    """Every event the article states, one per distinct occurrence."""
    data = _event_data(lexicon)
    anchor = anchor_of(doc)
    pair = main_pair(doc)
    people = doc.layer("facts.persons")
    by_short_name = _short_names(people, frozenset(fold(n) for n in lexicon["titles"]["surnames"]))
    first = next((c for c in (data.home, lexicon["titles"].get("surnames_country"), filed_in(doc), _named_first(doc, pair))
                  if c in pair), None)
    ctx = _Context(pair=pair, home=data.home or first or (pair[0] if pair else None), first=first, lexicon=lexicon,
                   people=people, narrative_date=_anchor_month(anchor), by_short_name=by_short_name,
                   short_names=re.compile(rf"(?<!\w)(?:{alternation(list(by_short_name))})(?!\w)") if by_short_name else None,
                   headline_end=doc.headline_end,
                   sides_named_in_headline=bool(doc.in_range("countries", doc.text_start, doc.headline_end)),
                   home_named=any(p.country == (data.home or "") for p in people))
    stamps = stamp_lines(doc, lexicon)
    for sent in doc.layer("sents"):
        if is_caption(doc, sent.start) and not _dated_caption(doc, sent):
            continue
        if any(start <= sent.start < end for start, end in stamps):
            continue  # "Thứ ba, 25/07/2023 06:05": when the page was published, no day of the narrative
        ctx.narrative_date = _narrative_date(doc, sent, ctx.narrative_date, anchor, data)
        if ctx.first_day is None and ctx.narrative_date != _anchor_month(anchor):
            ctx.first_day = ctx.narrative_date
        participants = _participants(doc, sent, ctx, data)
        history = _history_items(doc, sent, participants)
        triggers = list(data.trigger_re.finditer(doc.text, sent.start, sent.end))
        speaker = _speaker(doc, sent, participants, data, triggers[0].start() if triggers else sent.end)
        if speaker is not None:  # "Highlighting Canada's role, PM Chính proposed ...": the speaker, not the topic
            ctx.subject = speaker
        for match, following in zip(triggers, [*triggers[1:], None]):
            if _excluded(doc, match, data):
                continue
            kind = data.kind(match.group())
            if following is not None and following.start() == match.end() + 1 and doc.text[match.end()] == "/" \
                    and data.kind(following.group()) == kind:
                continue  # "thư mừng/điện mừng": one message, named two ways; the second reads it
            if history and kind in ("VISIT", "ATTEND"):
                continue  # each item of a history list is read by _add_history_list
            trigger = _Trigger(doc, sent, match, participants, ctx, data)
            refers_back = kind == "MEET" and (_refers_back(doc, match, data) or _lower_first(match.group()) in data.present)
            for event in _BUILDERS[kind](trigger):
                _add(ctx, event, stated=match.start() in ctx.stated, refers_back=refers_back)
        _add_history_list(doc, sent, history, participants, ctx, data)
        _add_anniversaries(doc, sent, ctx, data)
        _add_standing_frameworks(doc, sent, ctx, data)
        _add_agreement_steps(doc, sent, participants, ctx, data)
    _add_visits_to_meetings(ctx)
    _date_the_lead(ctx, _anchor_month(anchor))
    _date_upgrades_by_their_visit(ctx, _anchor_month(anchor))
    return ctx.events


def _named_first(doc: Document, pair: list[str]) -> str | None:
    """The side the article names first, its headline first: where no dateline says where the report was filed,
    an outlet names its own side first ("Australia, Indonesia to sign ...")."""
    return next((span.value for span in doc.layer("countries") if span.value in pair), None)


def _date_the_lead(ctx: _Context, month: str | None) -> None:
    """A proposal or commitment the headline or lead states before any day is the article's main one:
    it was said on the first day the body then gives ("Thủ tướng đề nghị ..." / "Ngày 1/9, ...")."""
    if month is None or ctx.first_day is None or not ctx.first_day.startswith(month):
        return
    for event in ctx.events:
        if event.type in SPEECH_ACTS and event.date == month:
            event.date = ctx.first_day


# --- reading a sentence ---------------------------------------------------------


def _anchor_month(anchor: Anchor) -> str | None:
    """Before the article states a day, its events are dated to the anchor's month:
    a report published on the 25th often tells of talks held on the 24th."""
    if anchor.year is None:
        return None
    return f"{anchor.year:04d}" if anchor.month is None else f"{anchor.year:04d}-{anchor.month:02d}"


def _narrative_date(doc: Document, sent: Span, current: str | None, anchor: Anchor, data: _EventData) -> str | None:
    """The latest day-precise date stated so far that is about the article's present.

    A sentence's last single day, where the narrative has reached ("thăm Việt Nam từ
    ngày 31/7-3/8.Sáng 1/8, ..."); a span of days ("đang thăm ... từ ngày 14 đến 17/4") only
    when it states no single day. A dateline's date is when the report was filed: the talks
    it then tells of are dated by the sentence's own date ("VIETNAM, April 4 - BERLIN — ...
    on April 3"). A day after the stated publication day is a planned event's ("sẽ thăm Việt
    Nam từ ngày 30/11"), not the present. Nor is the day of a step told as background ("his first
    visit after taking office on January 1", "sau khi nhậm chức ngày 1/1").
    """
    filed = dateline_at(doc, sent.start)
    published = doc.published if doc.published and width(doc.published) == 0 else None
    spans = doc.in_range("dates", filed.end if filed is not None else sent.start, sent.end)
    for span in sorted(reversed(spans), key=lambda s: s.value.is_range):
        if not span.value.has_day:  # "17/11", "Thursday", "chiều nay" (this afternoon)
            continue
        if span.value.narrative_day is not None:  # "Cùng ngày" keeps the day reached, "Ngày hôm sau" moves it on
            current = _days_after(current, span.value.narrative_day)
            continue
        if _background_day(doc, sent, span, data):
            continue
        resolved = resolve(span.value, anchor)
        if resolved and (anchor.year is None or resolved[:4] == f"{anchor.year:04d}") \
                and (published is None or resolved[:10] <= published):
            return resolved
    if filed is not None and filed.value is not None and filed.value.day is not None:
        return resolve(filed.value, anchor) or current  # "Lima, April 4 (ANI): ... held talks": no day of their own
    return current


_BACKGROUND_REACH = 40
"""Characters before a date within which "after", "since", "sau khi" make it the day of a step told in passing."""


def _background_day(doc: Document, sent: Span, span: Span, data: _EventData) -> bool:
    """A date that a word like "after" or "sau khi" governs, in its clause, with no visit or meeting
    between them ("after taking office on January 1"): the day of something else, not the narrative's.
    "After talks on Monday" names a contact: its day is the narrative's."""
    start = max(sent.start, span.start - _BACKGROUND_REACH)
    lead = None
    for lead in data.date_blocker_re.finditer(doc.text, start, span.start):
        pass
    if lead is None or _CLAUSE_MARK.search(doc.text, lead.end(), span.start):
        return False
    return not any(data.kind(m.group()) in _CONTACTS for m in data.trigger_re.finditer(doc.text, lead.end(), span.start))


def _days_after(narrative: str | None, days: int) -> str | None:
    """The narrative day moved on by ``days`` ("ngày hôm sau", "the next day"); a narrative that is
    not one day ("2024-11", a span) stays as it is."""
    if not days or narrative is None or width(narrative) != 0:
        return narrative
    return (date.fromisoformat(narrative) + timedelta(days=days)).isoformat()


def _in_parentheses(doc: Document, span: Span) -> bool:
    return doc.text[span.start - 1:span.start] == "(" and doc.text[span.end:span.end + 1] == ")"


def _participants(doc: Document, sent: Span, ctx: _Context, data: _EventData) -> list[_Participant]:
    out: list[_Participant] = []
    missions = [(m.start(), m.end()) for m in data.institution_re.finditer(doc.text, sent.start, sent.end)]
    for m in doc.in_range("mentions", sent.start, sent.end):
        if any(s <= m.start < e for s, e in missions):
            continue  # "Đại sứ" in "Đại sứ quán" (embassy) is no ambassador
        mention = m.value
        person = _person_named(ctx.people, mention.name) if mention.name else None
        country = mention.country or (person.country if person else None)
        out.append(_Participant(m.start, m.end, "person" if mention.name else "title", country,
                                person.name if person else mention.name, mention.office))
    taken = [(p.start, p.end) for p in out]
    for c in doc.in_range("countries", sent.start, sent.end):
        if any(s <= c.start < e for s, e in taken) or _after_a_place_word(doc, sent, c, data):
            continue
        if any(e <= c.start <= e + _INSTITUTION_GAP for _, e in missions):
            continue  # "Đại sứ quán Việt Nam", "the Embassy of Chile": a country's own mission, no side met
        if _DASH_AFTER.match(doc.text, c.end) or _DASH_BEFORE.search(doc.text, max(0, c.start - 3), c.start):
            continue  # "Việt Nam-Peru", "Vietnam – Indonesia" name the relationship, not a side
        out.append(_Participant(c.start, c.end, "country", c.value))
    out = _joint_by_head(doc, out, data)
    taken = [(p.start, p.end) for p in out if p.kind == "joint"] + taken
    for j in data.joint_re.finditer(doc.text, sent.start, sent.end):
        if not any(s <= j.start() < e for s, e in taken):
            out.append(_Participant(j.start(), j.end(), "joint", None))
    if ctx.short_names is not None:
        for match in ctx.short_names.finditer(doc.text, sent.start, sent.end):
            if any(s <= match.start() < e for s, e in taken) or _inside_a_name(doc.text, match, sent.start):
                continue
            person = ctx.by_short_name[match.group()]
            out.append(_Participant(match.start(), match.end(), "person", person.country, person.name, person.office))
    return sorted(out, key=lambda p: p.start)


def _joint_by_head(doc: Document, participants: list[_Participant], data: _EventData) -> list[_Participant]:
    """Two countries joined ("Chile and Peru") with a head noun of people before or after them ("the
    leaders of Chile and Peru", "Chilean and Peruvian foreign ministers", "Lãnh đạo Chile và Peru"):
    one subject standing for both sides, as "the two leaders" is."""
    out: list[_Participant] = []
    for p in participants:
        previous = out[-1] if out else None
        if (previous is not None and previous.kind == "country" and p.kind == "country" and previous.country != p.country
                and data.pair_joiner_re.fullmatch(doc.text, previous.end, p.start)):
            before = data.joint_head_before_re.search(doc.text, max(0, previous.start - _JOINT_HEAD_REACH), previous.start)
            after = data.joint_head_after_re.match(doc.text, p.end)
            if before or after:
                out[-1] = _Participant(before.start() if before else previous.start, after.end() if after else p.end,
                                       "joint", None, sides=(previous.country, p.country))
                continue
        out.append(p)
    return out


_JOINT_HEAD_REACH = 40
"""Characters before "Chile and Peru" searched for the head that makes them one subject ("the foreign ministers of")."""


def _after_a_place_word(doc: Document, sent: Span, country: Span, data: _EventData) -> bool:
    """Whether a place word stands before ``country`` ("tại Việt Nam", "in the capital of Peru"): a venue, no side.

    Read in the ``_PLACE_REACH`` characters before it, not back to the sentence's start at each country.
    """
    start = max(sent.start, country.start - _PLACE_REACH)
    if data.clause_joiner_re.search(doc.text, start, country.start):
        return False  # "in the region, and Japan will ...": a comma and "and" open a clause, no venue
    if start == sent.start:
        return data.place_re.search(doc.text[start:country.start]) is not None
    return data.place_re.search(doc.text, start, country.start) is not None  # sees the character before ``start``


def _speaker(
    doc: Document, sent: Span, participants: list[_Participant], data: _EventData, first_verb: int,
) -> _Participant | None:
    """Who the sentence has speak or act: its first person that is no object, preferably before its first verb.

    After the verb only when no pronoun stands before it: "He expressed a wish to
    welcome Trudeau" is still said by the previous speaker, while "trong buổi gặp
    X, Chủ tịch nước Y khẳng định" is said by Y.
    """
    objects: set[int] = set()
    for previous, p in zip([None, *participants], participants):
        listed = previous is not None and previous.start in objects and data.coordination.weak_re.fullmatch(doc.text, previous.end, p.start)
        if _is_object(doc, p, data) or listed:  # "chào xã giao A, B và C": all three are met
            objects.add(p.start)
    people = [p for p in participants if p.kind in ("person", "title") and p.start not in objects]
    before = [p for p in people if p.start < first_verb]
    if before:
        return before[0]
    if data.pronoun_re.search(doc.text, sent.start, first_verb):
        return None
    return people[0] if people else None


def _short_names(people: list[Person], family_names: frozenset[str]) -> dict[str, Person]:
    """The names a person is later called by alone: the whole name and aliases, and single words of it; a word
    two persons share names neither.

    The last word of the full name ("Trudeau"; "Minh" for Pham Binh Minh, as
    Vietnamese leaders are called by their given name) and the first, unless it
    is a Vietnamese family name ("Yoon" for Yoon Suk Yeol, "Saysomphone" for
    Saysomphone Phomvihane, but never "Pham").
    """
    owners: dict[str, list[Person]] = {}
    for person in people:
        names = person.name.split()
        first, last = names[0], names[-1]
        words = {last, last.partition("-")[2] if last[0].islower() else last,  # "al-Sisi" is called "Sisi"
                 *person.aliases, person.name}  # the whole name said again alone ("Hasan Mahmud urged")
        if len(names) > 1 and fold(first) not in family_names:
            words.add(first)
        for word in words:
            if len(word) >= 3 and word[0].isupper():
                owners.setdefault(word, []).append(person)
    return {word: found[0] for word, found in owners.items() if len(found) == 1}


def _inside_a_name(text: str, match: re.Match[str], sent_start: int) -> bool:
    """A short name inside a longer capitalised run is another name ("Minh" in "Ho Chi Minh City")."""
    before = re.search(r"(\w+)\W*$", text[sent_start:match.start()])
    after = re.match(r"\W*(\w+)", text[match.end():match.end() + 30])
    glued_before = before is not None and not re.search(r"[,.;:()]", text[sent_start + before.end(1):match.start()])
    glued_after = after is not None and not re.search(r"[,.;:()]", text[match.end():match.end() + after.start(1)])
    return bool((glued_before and before.group(1)[0].isupper()) or (glued_after and after.group(1)[0].isupper()))


def _person_named(people: list[Person], name: str) -> Person | None:
    folded = fold(name)
    return next((person for person in people if folded in _folded_names(person.name, tuple(person.aliases))), None)


@lru_cache(maxsize=1024)
def _folded_names(name: str, aliases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(n) for n in (name, *aliases))


def _is_object(doc: Document, p: _Participant, data: _EventData) -> bool:
    """Whether ``p`` follows a word that makes it an object ("met X", "with X"), in its own line: a headline
    ending "... leaders meet" does not make the first person of the paragraph after it one."""
    before = doc.text[max(0, p.start - _OBJECT_WINDOW):p.start].rsplit("\n", 1)[-1]
    marker = data.object_re.search(before)
    if marker is not None and p.kind == "country" and data.clause_joiner_re.search(before[:marker.end()]):
        # "Vietnam plays a role, and Japan will continue ...": a comma and "and" open a clause of its own (people
        # listed with a serial comma, "met A, B, and C", stay objects)
        return False
    return marker is not None and not data.delegation_lead_re.search(before)


def _excluded(doc: Document, match: re.Match[str], data: _EventData) -> bool:
    phrase = _lower_first(match.group())
    # a frame ending in a trigger word keeps that word's exclusions ("mong muốn ... đón nhận": to receive, no welcome)
    not_followed = data.not_followed.get(phrase) or data.not_followed.get(phrase.rsplit(" ", 1)[-1])
    if not_followed is not None and not_followed.match(doc.text, match.end()):
        return True
    needed = data.needs_object.get(phrase)
    if needed is not None and not needed.search(doc.text, match.end(), match.end() + _NEEDED_WINDOW):
        return True
    before = doc.text[max(0, match.start() - _PRECEDING_CHARS):match.start()].rstrip()
    return any(before.endswith(words) and not before[:-len(words)][-1:].isalnum()
               for words in data.not_preceded.get(phrase, ()))  # "lễ đón", "nghi thức đón", "trao đổi ủng hộ"


def _refers_back(doc: Document, match: re.Match[str], data: _EventData) -> bool:
    """"Tại cuộc hội đàm, ...": what was said at talks already told, not new talks."""
    return bool(data.back_reference_re.search(doc.text, max(0, match.start() - 20), match.start()))


def _clause(doc: Document, sent: Span, pos: int, data: _EventData) -> tuple[int, int]:
    """The part of the sentence around ``pos`` between semicolons and the language's clause breaks
    ("Jaishankar held talks with Kamikawa, while Singh met Kihara": two meetings, not four)."""
    start, end = sent.start, sent.end
    for mark in data.clause_break_re.finditer(doc.text, sent.start, sent.end):
        if mark.end() <= pos:
            start = mark.end()
        elif mark.start() >= pos:
            end = mark.start()
            break
    return start, end


def _subject(t: _Trigger) -> _Participant | None:
    """Who does what the trigger says: the nearest non-object before it, else the sentence's or the speaker."""
    start, _ = t.clause
    candidates = [p for p in t.participants if p.start < t.start and not _is_object(t.doc, p, t.data)]
    in_clause = [p for p in candidates if p.start >= start]
    if in_clause and _participle_after_comma(t):
        return in_clause[0]  # "the Amir sent a cable to the Sultan, congratulating him": the main clause's subject
    if in_clause:
        return in_clause[-1]
    speaker = _quoted_speaker(t)
    if speaker is not None:  # "“We have set a goal of ...,” PM Modi said": the quote is its speaker's
        return speaker
    lead = t.doc.text[t.sent.start:t.start].strip(" -–(\"“")
    if not lead or t.data.back_reference_re.fullmatch(lead + " "):
        # "Gặp Thủ tướng Ấn Độ ..., Thủ tướng Phạm Minh Chính ...", "Sau chuyến thăm Thái Lan, Ngoại trưởng Mỹ
        # ... sẽ": the subject follows the object
        after = [p for p in t.participants if p.start > t.end and p.kind in ("person", "title")
                 and not _is_object(t.doc, p, t.data) and t.doc.text[t.end:p.start].count(",")]
        if after:
            return after[0]
    people = [p for p in candidates if p.kind != "country"]  # a country earlier in the sentence is often a place
    return people[0] if people else (candidates[0] if candidates else t.ctx.subject)


def _quoted_speaker(t: _Trigger) -> _Participant | None:
    """Who says a quote opening the sentence, named in the clause after it ("“...,” PM Modi said"), perhaps
    sentences later within the paragraph."""
    if not t.doc.text[t.sent.start:t.start].lstrip().startswith(_OPENING_QUOTES):
        return None
    paragraph_end = t.doc.text.find("\n", t.end)
    attribution = t.data.attribution_re.search(t.doc.text, t.end, len(t.doc.text) if paragraph_end < 0 else paragraph_end)
    if attribution is None:
        return None
    said_by = Span(attribution.start(), attribution.end(), "attribution")
    return next((p for p in _participants(t.doc, said_by, t.ctx, t.data) if p.kind in ("person", "title")), None)


def _participle_after_comma(t: _Trigger) -> bool:
    """Whether the trigger is a participle opening a clause after a comma (", congratulating him on ...")."""
    first_word = t.phrase.split(" ", 1)[0]
    return any(first_word.endswith(ending) for ending in t.data.participle_endings) \
        and t.doc.text[t.sent.start:t.start].rstrip().endswith(",")


def _objects(t: _Trigger, window: int | None = None) -> list[_Participant]:
    _, end = t.clause
    after = [p for p in t.participants if t.end <= p.start < end]
    if window is not None:
        after = [p for p in after if p.start - t.end <= window]
    return after


def _date(t: _Trigger, kind: str) -> str | None:
    start, end = t.clause
    anchor = anchor_of(t.doc)
    line = dateline(t.doc)
    earlier = None
    session = kind == "MEET" and _numbered_session(t)
    window = _SESSION_DATE_WINDOW if session else _DATE_WINDOW  # a session's long name stands before its date
    for span in t.doc.in_range("dates", max(start, line.end if line else start), end):  # the dateline's day is the narrative's
        value = span.value
        year_alone = value.relative_year is not None and value.month is None
        if value.first_months is not None or (year_alone and (kind in SPEECH_ACTS or not _year_of_trigger(t, span))
                                              and not (session and _future(t))):
            continue  # "last year" alone, "the first half": periods, not an event's date ("his visit last year" is,
            # and so is "next year" of a session to be held)
        if kind != "ESTABLISH_RELATIONS" and _spans_years(value):
            continue  # "(18/1/1950-18/1/2025)", "giai đoạn 2024-2027": a span of relations or a plan's term
        if kind in SPEECH_ACTS:
            # said on a day before the trigger, or in a month or year that opens the sentence ("Năm 2023, hai bên
            # đã nhất trí ...", "In June 2023, Chile proposed ...")
            if span.start > t.start or not (value.has_day or _opens_sentence(t, span)):
                continue
        elif (value.month is None and not value.has_day and value.relative_month is None
              and value.relative_week is None and not _future(t)
              and not _year_of_trigger(t, span) and not session) or span.start > t.end + window:
            continue  # a past visit is dated at least to the month, or by a year right after it; a planned one, or a numbered session, may be only to the year
        elif span.start > t.end and t.data.date_blocker_re.search(t.doc.text, t.end, span.start):
            continue  # "the first visit of Scholz after he took office in December 2021": another event's date
        elif span.start > t.end and t.data.reporting_re.search(t.doc.text, t.end, span.start):
            continue  # "vui mừng gặp lại ông và cho biết chuyến thăm vào tháng Tư": what is reported, not the meeting
        # "Ngày hôm sau": the narrative day, which the sentence has already moved on
        resolved = t.ctx.narrative_date if value.narrative_day is not None else resolve(value, anchor)
        if not resolved:
            continue
        if kind not in SPEECH_ACTS and earlier is None and span.end <= t.start and (
                _contact_before(t, start, span.start) or _DATELINE_END.match(t.doc.text, span.end)
                or _date_of_the_report(t, span)):
            # "met ... on Monday after the phone talk in September 2021": Monday is the meeting's;
            # "BERLIN, April 4 — ... co-chaired ... on April 3": the dateline's day is the report's
            earlier = resolved
            continue
        t.ctx.stated.add(t.start)
        return resolved
    if earlier is not None:
        t.ctx.stated.add(t.start)
        return earlier
    gathering = hosted_gathering(t.doc, start, end) if kind in _CONTACTS | ONE_SIDED else None
    if gathering is not None and not (t.ctx.narrative_date or "").startswith(gathering):
        return gathering  # "their summit meeting, held on the sidelines of the APEC summit in Da Nang", told later
    return t.ctx.narrative_date


def _date_of_the_report(t: _Trigger, span: Span) -> bool:
    """Whether a date opens a report of what happened on another day, stated after the reporting verb and
    before the trigger ("Ngày 11/3, Bộ Ngoại giao cho biết, chiều 10/3, Thủ tướng đã điện đàm ...",
    "On March 11, the ministry said that on March 10 the ministers met")."""
    later = next((s for s in t.doc.in_range("dates", span.end, t.start) if s.value.has_day), None)
    return later is not None and bool(t.data.reporting_re.search(t.doc.text, span.end, later.start))


def _dated_caption(doc: Document, sent: Span) -> bool:
    """A caption that dates its scene to the day ("... tiếp Đại sứ Hungary tại Nhà Quốc hội ngày 31/5/2022. (Ảnh: TTXVN)")
    states that contact, often the only place an article does; an undated one only repeats the story."""
    return any(span.value.has_day and span.value.year is not None for span in doc.in_range("dates", sent.start, sent.end))


def _spans_years(value: DateValue) -> bool:
    """Whether a range runs across years beyond a trip over New Year ("30/12/2024 - 2/1/2025" is a trip)."""
    if value.year is None or value.end_year is None or value.end_year == value.year:
        return False
    short = value.end_year == value.year + 1 and value.month == 12 and value.end_month == 1
    return not short


_YEAR_WINDOW = 60
"""Characters after a visit or meeting trigger within which a year alone is its date: room for the trip's
destination and visitor ("chuyến thăm chính thức Việt Nam của Tổng thống Ghana John Mahama năm 2019")."""
_CLAUSE_MARK = re.compile(r"[,;.:()]")
"""Punctuation that ends the trigger's own phrase before a year ("thăm Peru, nơi ... năm 1990")."""


def _year_of_trigger(t: _Trigger, span: Span) -> bool:
    """A year right after the trigger, in its clause or in parentheses opened for it, dates it: "chuyến thăm
    Việt Nam năm 2015", "his visit to Peru in 2015", "thăm Chile (2016)"; so does a year opening the sentence,
    which sets its scene ("Năm 2023, ... đã gặp ..."); not a span of years ("MoU on cooperation for 2025-2027")."""
    if span.value.is_range:
        return False
    text = t.doc.text
    if span.end <= t.start:
        return _opens_sentence(t, span) and not _CLAUSE_MARK.search(text, span.end + 1, t.start)
    between = text[t.end:span.start].rstrip()
    stop = t.end + len(between) - 1 if between.endswith("(") else span.start  # "(2016)": the date's own parenthesis
    return t.end <= span.start <= t.end + _YEAR_WINDOW and not _CLAUSE_MARK.search(text, t.end, stop)


def _opens_sentence(t: _Trigger, span: Span) -> bool:
    """"Năm 2023, ...", "In 2023, ...": a year at the head of the sentence, a comma after it."""
    head = t.data.year_scene_re.match(t.doc.text, t.sent.start)
    # the date's span may hold its own preposition ("In June 2023"), which the head reads too
    return head is not None and t.sent.start <= span.start <= head.end() and t.doc.text.startswith(",", span.end)


def _contact_before(t: _Trigger, start: int, position: int) -> bool:
    """Whether another visit or meeting is told between ``start`` and a date at ``position``
    before the trigger: the date is that one's, unless the trigger has none of its own."""
    return any(t.data.kind(m.group()) in _CONTACTS and not _excluded(t.doc, m, t.data)
               for m in t.data.trigger_re.finditer(t.doc.text, start, position))


def _numbered_session(t: _Trigger) -> bool:
    """"the 6th meeting of the Joint Committee", "Kỳ họp lần thứ III": one session of a series, known by its year."""
    start, _ = t.clause
    return bool(t.data.session_before_re.search(t.doc.text, max(start, t.start - _SESSION_WINDOW), t.start)
                or t.data.session_after_re.match(t.doc.text, t.end)
                or t.data.session_start_re.match(t.phrase)  # a frame that opens with the ordinal ("3rd meeting of the ...")
                or t.data.session_after_re.search(t.phrase))  # or holds it ("tổ chức Kỳ họp lần thứ 5")


def _future(t: _Trigger) -> bool:
    """Whether the clause puts the step ahead; a future told after the trigger behind a complementizer
    ("welcomed the visit, believing that the visit will help") is the step's effect, not its time, and
    one behind a document is the document's ("ký tuyên bố chung về kế hoạch phát triển")."""
    start, end = t.clause
    said = t.data.kind(t.match.group()) in SPEECH_ACTS  # "agreed that they will sign": what is said is ahead
    return any(said or m.start() < t.end or not (t.data.complementizer_re.search(t.doc.text, t.end, m.start())
                                                 or t.data.documents_re.search(t.doc.text, t.end, m.start()))
               for m in t.data.future_re.finditer(t.doc.text, start, end))


def _status(t: _Trigger, date: str | None) -> str:
    if _future(t):
        return "planned"
    if date and t.ctx.narrative_date and date[:7] < t.ctx.narrative_date[:7]:
        return "reported"
    if date and t.ctx.narrative_date and len(date) >= len("2025-04") and date[:7] > t.ctx.narrative_date[:7]:
        return "planned"  # "thăm Lào vào đầu tháng 4 tới" in an article of March: not done yet
    return "happened"


def _names(*participants: _Participant | None) -> list[str]:
    return list(dict.fromkeys(p.name for p in participants if p is not None and p.name))


def _step_end(t: _Trigger) -> int:
    """Where the step a speech act states ends: at the next speech-act trigger, a clause saying who told it,
    or the clause end.

    A semicolon followed by another step ("open a consulate; resume flights") goes
    on with the list the trigger governs rather than opening a clause of its own.
    """
    _, end = t.clause
    while (separator := t.data.coordination.separator_re.match(t.doc.text, end, t.sent.end)) is not None \
            and separator.group("strong") and t.data.coordination.step_opener_re.match(t.doc.text, separator.end(), t.sent.end):
        end = _clause(t.doc, t.sent, separator.end(), t.data)[1]
    attribution = t.data.attribution_re.search(t.doc.text, t.end, end)
    if attribution is not None:  # "... to $200 billion by 2020, the TASS news agency reported": not the step
        end = attribution.start()
    for match in t.data.trigger_re.finditer(t.doc.text, t.end, end):
        if t.data.kind(match.group()) in SPEECH_ACTS and not _excluded(t.doc, match, t.data) \
                and _lower_first(match.group()) not in t.data.bare_futures \
                and not _what_is_asked(t, match):  # "hoped that Canada will ...": one step
            return match.start()
    return end


_ADDRESSEE_WORDS = 4
"""Words a request names its addressee in before the verb of what it asks ("urged the Kenyan side to support")."""


def _what_is_asked(t: _Trigger, match: re.Match[str]) -> bool:
    """"đề nghị Kenya ủng hộ Việt Nam ứng cử", "asked Japan to support the bid": a speech-act verb right after a
    request's addressee is what is asked, the request's own step, not another act."""
    if t.data.kind(t.match.group()) not in ("PROPOSE", "INVITE"):
        return False
    between = t.doc.text[t.end:match.start()]
    return not _PUNCTUATION.search(between) and not t.data.pair_joiner_re.search(between) \
        and len(between.split()) <= _ADDRESSEE_WORDS


def _evidence(t: _Trigger, kind: str) -> tuple[int, int]:
    start, end = t.clause
    if kind in SPEECH_ACTS:
        end = t.step_end
        earlier = [m for m in t.data.trigger_re.finditer(t.doc.text, start, t.start)
                   if t.data.kind(m.group()) in SPEECH_ACTS]
        if earlier:
            start = t.start  # the clause states several steps: cite this one
    while end > start and t.doc.text[end - 1] in " ,.;":
        end -= 1
    return start, end


def _object_start(t: _Trigger) -> int:
    """Where what the trigger is about begins: right after it, past a date said there ("agreed on Thursday to ...")."""
    start = t.end
    for span in t.doc.in_range("dates", t.end, t.step_end):
        if t.doc.text[start:span.start].strip(" ,") in t.data.date_leads:
            start = span.end
        break
    return start


def _object_text(t: _Trigger) -> str:
    """What the step is about: the words after the trigger."""
    return _worded(t.doc.text[_object_start(t):t.step_end])


def _worded(text: str) -> str:
    return " ".join(text.strip(" ,.;").split()[:OBJECT_WORDS])


def _concrete_steps(t: _Trigger) -> list[tuple[int, int]]:
    """The concrete items of what a proposal or commitment states, one per step of a list (FACTS.md).

    An item that names nothing leads into the next one rather than standing alone:
    "promote negotiations and soon sign an MoU" is one step, "tiếp tục đàm phán,
    giải quyết các vướng mắc về phân giới cắm mốc" too.
    """
    steps: list[tuple[int, int]] = []
    pending: int | None = None
    for start, end in split_items(t.doc.text, _object_start(t), t.step_end, t.data.coordination, t.data.coordination.step_opener_re):
        start = start if pending is None else pending
        if _concrete(t, start, end):
            steps.append((start, end))
            pending = None
        else:
            pending = start
    return steps


def _concrete(t: _Trigger, start: int, end: int) -> bool:
    """Whether a step names something one could check was done (FACTS.md: vague "tăng cường hợp tác" is
    no event): a deliverable, an amount, a date, an organisation, a third country, an agreement."""
    doc = t.doc
    dates = doc.in_range("dates", start, end)
    vague = t.data.vague_step_re.match(doc.text, start, end)
    # a deliverable counts past the vague phrase: "deepen political dialogue" is vague, "set up a dialogue" is not
    if t.data.deliverable_re.search(doc.text, vague.end() if vague else start, end) or any(
            not any(d.start <= m.start() < d.end for d in dates) and not t.data.duration_re.match(doc.text, m.end())
            for m in _AMOUNT.finditer(doc.text, start, end)):
        return True  # a figure outside a date or a span of time ("20 tỷ USD", "lần thứ 3"; not "over the past 50 years")
    if vague and any(vague.end() <= a.evidence[0] < end for a in doc.layer("facts.agreements")):
        return True  # "bolster cooperation by signing the CEPA": a document to sign past the vague phrase
    if vague:
        return False  # "thúc đẩy hợp tác với ASEAN", "strengthen ties in energy and AI": nothing to check was done
    if t.data.deed_re.search(doc.text, start, _word_end(doc.text, start, end, _DEED_WORDS)):
        return True  # "resume seasonal worker quotas", "gia nhập liên minh": a deed, checkable whatever its object
    if doc.in_range("orgs", start, end) or any(a.evidence[0] in range(start, end) for a in doc.layer("facts.agreements")):
        return True
    if any((s.value.year is not None or s.value.month is not None) and not s.value.has_day for s in dates):
        return True  # a time to be done by ("năm 2025", "by 2030"); a day is when it was said ("talks on December 3")
    if any(c not in t.ctx.pair and c != t.ctx.home for c in countries_in(doc, start, end)):
        return True
    return _names_something(t, start, end)


def _word_end(text: str, start: int, end: int, words: int) -> int:
    """Where the first ``words`` words of ``text[start:end]`` end."""
    found = list(itertools.islice(_WORD.finditer(text, start, end), words))
    return found[-1].end() if found else start


def _names_something(t: _Trigger, start: int, end: int) -> bool:
    """Whether a step names a place, body or document by a proper name ("lệnh ngừng bắn ở Gaza", "sông Mekong"):
    a capitalised word past its first that is no side, person, date, relationship level ("Đối tác Chiến lược")
    or institution every country has ("Chính phủ"), nor a side's short name in a pair ("Trung - Việt"),
    nor a city of the sides, where it was said ("during their talks in Hanoi", "tại Hà Nội")."""
    text = t.doc.text
    taken = [(s.start, s.end) for layer in ("countries", "mentions", "dates") for s in t.doc.in_range(layer, start, end)]
    words = list(_WORD.finditer(text, start, end))
    capitalised = [w for w in words[1:] if w.group()[0].isupper() and not any(a <= w.start() < b for a, b in taken)
                   and fold(w.group()) not in t.data.relationship_words
                   and not _DASH_AFTER.match(text, w.end()) and not _DASH_BEFORE.search(text, max(0, w.start() - 3), w.start())]
    sides = {*t.ctx.pair, t.ctx.home}
    names = [w for w in capitalised if not _sides_city(t, w, sides)]
    return bool(names) and len(capitalised) * 2 <= len(words)  # a title-case headline names nothing


def _sides_city(t: _Trigger, word: re.Match[str], sides: set[str | None]) -> bool:
    """Whether a capitalised word is (part of) a city of one of the sides: alone, or with the word before or after."""
    text = t.doc.text
    names = [word.group()]
    before = _WORD_BEFORE.search(text, max(0, word.start() - _CITY_WORD), word.start())
    if before:
        names.append(f"{before.group(1)} {word.group()}")
    after = _WORD_AFTER.match(text, word.end(), word.end() + _CITY_WORD)
    if after:
        names.append(f"{word.group()} {after.group(1)}")
    return any(country_of_city(t.ctx.lexicon, name) in sides for name in names)


def _event(t: _Trigger, kind: str, actors: list[str], persons: list[str], **extra: str | None) -> Event:
    date = _date(t, kind)
    return Event(type=kind, actors=actors, date=date, status=_status(t, date),
                 evidence=_evidence(t, kind), persons=persons, **extra)  # type: ignore[arg-type]


def _inside_request(t: _Trigger, kinds: tuple[str, ...] = ("INVITE", "PROPOSE")) -> bool:
    """"mời ... thăm Peru và dự Hội nghị", "lời mời sớm thăm Việt Nam": the visit is what is asked, not what happened.

    An invitation named as a noun asks too, unless it is one accepted ("Nhận lời mời của ...").
    """
    start, _ = t.clause
    if t.data.setting_re.search(t.doc.text, max(start, t.start - _OBJECT_WINDOW), t.start):
        return False  # "called for ... at a reception for X": where it was asked, not what is asked
    earlier = [m for m in t.data.trigger_re.finditer(t.doc.text, start, t.start) if not _own_wish(t, m)]
    if any(t.data.kind(m.group()) in kinds and not _excluded(t.doc, m, t.data) for m in earlier):
        return True
    # "đề nghị hai bên triển khai ...; tăng cường ...; ủng hộ lẫn nhau": a list after a request, its items set off by
    # semicolons, is all asked
    listed = [m for m in t.data.trigger_re.finditer(t.doc.text, _list_start(t.doc, t.sent.start), start)
              if t.data.kind(m.group()) in kinds and not _excluded(t.doc, m, t.data) and not _own_wish(t, m)
              and all(b.group().strip() == ";" for b in t.data.clause_break_re.finditer(t.doc.text, m.end(), start))]
    if listed and not t.data.new_predicate_re.match(t.doc.text, start):
        return True  # unless the item opens a predicate of its own ("; đồng thời khẳng định sẽ ...")
    accepted = [(m.start(), m.end()) for m in earlier if t.data.kind(m.group()) == "ACCEPT"]
    return any(not any(a <= n.start() < b for a, b in accepted)
               for n in t.data.invitation_noun_re.finditer(t.doc.text, start, t.start))


def _list_start(doc: Document, position: int) -> int:
    """Where the list holding ``position`` begins: back over the sentences that end in a semicolon before it."""
    while True:
        last = position - 1
        while last >= 0 and doc.text[last].isspace():
            last -= 1
        if last < 0 or doc.text[last] != ";":
            return position
        before = doc.sentence_of(last)
        if before is None or before.start >= position:
            return position
        position = before.start


def _own_wish(t: _Trigger, wish: re.Match[str]) -> bool:
    """"mong muốn sớm thăm Việt Nam": a wish naming no one right after it, as who is asked, is the speaker's own
    plan, not a request of another ("hoped that Canada will visit"); "mong muốn tăng cường quan hệ với Việt Nam,
    sẵn sàng ..." asks nothing of Việt Nam either."""
    if _lower_first(wish.group()) not in t.data.wishes:
        return False
    window = min(t.start, _word_end(t.doc.text, wish.end(), t.sent.end, _WISH_ADDRESSEE_WORDS + 1))
    return not any(wish.end() <= p.start < window for p in t.participants)


# --- one builder per event type ------------------------------------------------------


def _visit(t: _Trigger) -> list[Event]:
    if _inside_request(t):
        return []
    if t.phrase in t.data.arrivals and not _arrival(t):
        return []  # "từ ngày 5 đến 8/3", "nhà đầu tư đến Việt Nam": no official's trip
    if t.phrase in t.data.welcomes:  # "Lễ đón chính thức Tổng thống Chile ...": the one welcomed is the visitor
        guest = next((p for p in _objects(t, window=1) if p.kind in ("person", "title")), None)  # named right after
        origin = (guest.country or t.ctx.other(t.ctx.home)) if guest else None  # a bare title welcomed is the guest's
        host = t.ctx.other(origin)
        return [_event(t, "VISIT", [origin, host], _names(guest))] if guest and origin and host else []
    by = [p for p in _objects(t) if (t.data.visitor_re.search(t.doc.text, max(0, p.start - 12), p.start)
                                      or _visitor_noun_before(t, p))
          and not _inviter(t, p) and not _PUNCTUATION.search(t.doc.text, t.end, p.start)]  # "..., của Malaysia": another noun's
    by += [p for p in t.participants if p.kind == "person" and t.data.possessive_re.fullmatch(t.doc.text, p.end, t.start)]
    after = [p for p in _objects(t, window=_COUNTERPART_WINDOW + 10) if p not in by]
    destination = (next((p.country for p in after if p.kind == "country"), None) or _place_country(t)
                   or (_destination_after(t, by[-1].end) if by else None)  # "chuyến thăm của nguyên thủ Việt Nam tới Ghana"
                   or next((p.country for p in _objects(t) if p.country and _inviter(t, p)), None))
    people_by = [p for p in by if p.kind in ("person", "title")]
    if destination is None and not people_by:
        guest = _guest_received(t)
        if guest is None:
            return []  # "chuyến thăm" alone refers back to a visit already read
        people_by, destination = [guest], t.ctx.other(t.ctx.side(guest))
    # "a visit by German Foreign Minister X", "Chancellor Merkel's visit", "the first visit by a German leader"
    visitor = (people_by or [p for p in by if p.kind == "country"] or [_subject(t)])[0]
    origin = t.ctx.side(visitor)
    if origin == destination:
        guests = [p for p in t.participants if p.start < t.start and p.country and p.country != destination
                  and p.kind in ("person", "title")]
        visitor = guests[-1] if guests else None
        origin = visitor.country if visitor else t.ctx.other(destination)
    destination = destination or t.ctx.other(origin)
    if not origin or not destination or origin == destination:
        return []
    if destination not in t.ctx.pair and _to_attend(t):
        return []  # FACTS.md: a trip to a summit in a third country is an attendance of it, no visit
    if destination not in t.ctx.pair and _for_a_gathering(t):  # "arrived in Baku for the COP29 climate conference"
        return [_event(t, "ATTEND", [origin], _names(visitor))]
    visit = _event(t, "VISIT", [origin, destination], _names(visitor))
    if _wished(t):  # "mong muốn sớm thăm Việt Nam", "hopes to visit Chile": planned, dated only when the clause says when
        said_after = t.doc.in_range("dates", t.end, t.clause[1])  # "sớm thăm Việt Nam trong năm 2025"; a date before is another event's
        stated = visit.date if t.start in t.ctx.stated and said_after else None
        return [Event("VISIT", visit.actors, stated, "planned", visit.evidence, visit.persons)]
    return [visit, *_visit_since(t, visit)]


_DESTINATION_REACH = 12
"""Characters after a visitor's phrase within which the destination's marker stands ("Vietnamese leader to Ghana")."""


def _destination_after(t: _Trigger, position: int) -> str | None:
    """The country of a place named after a destination marker ("tới", "to") just past ``position``."""
    for marker in re.finditer(r"\s(?=\S)", t.doc.text[position:min(t.sent.end, position + _DESTINATION_REACH)]):
        country = _place_country(t, position + marker.start()) if t.data.destination_marker_re.match(
            t.doc.text, position + marker.end()) else None
        if country:
            return country
    return None


_VISITOR_NOUN_WORDS = 3
"""Lower-case words a visitor's noun phrase may hold between its marker and its country ("của một nguyên thủ Việt Nam")."""


def _visitor_noun_before(t: _Trigger, p: _Participant) -> bool:
    """Whether a country closes the visitor's noun phrase: "chuyến thăm của một nguyên thủ Việt Nam", "the visit by
    a senior Chilean leader": the marker, a few common (lower-case) words, then the country."""
    if p.kind != "country":
        return False
    words = _WORD.findall(t.doc.text, t.end, p.start)
    markers = [i for i, w in enumerate(words) if t.data.visitor_re.search(w)]
    if not markers:
        return False
    between = words[markers[-1] + 1:]
    return 0 < len(between) <= _VISITOR_NOUN_WORDS and all(w.islower() for w in between)


def _guest_received(t: _Trigger) -> _Participant | None:
    """"welcomed Kenyan President Ruto to Pretoria for a state visit", "đón Tổng thống Kenya sang thăm cấp Nhà nước":
    a visit that names no visitor is that of the one received earlier in its clause, the first named after the
    verb of receiving."""
    start, _ = t.clause
    receptions = [m for m in t.data.trigger_re.finditer(t.doc.text, start, t.start)
                  if _lower_first(m.group()) in t.data.receptions and not _excluded(t.doc, m, t.data)]
    if not receptions:
        return None
    received = receptions[-1]
    return next((p for p in t.participants if received.end() <= p.start < t.start and p.kind in ("person", "title")
                 and p.country is not None), None)


def _arrival(t: _Trigger) -> bool:
    """Whether a verb of going ("tới", "sang", "đến") is an official's trip: a place or country right after it
    ("đã tới Singapore", "sang Việt Nam dự Kỳ họp"), an official of the clause before it."""
    start, _ = t.clause
    subject = _subject(t)
    if subject is None or subject.kind not in ("person", "title") or subject.start < start \
            or len(_WORD.findall(t.doc.text, subject.end, t.start)) > _ARRIVAL_GAP_WORDS:
        return False  # "hoan nghênh các doanh nghiệp sang Việt Nam": the official welcomes others' trips
    return _place_country(t) is not None or any(
        p.kind == "country" and not t.doc.text[t.end:p.start].strip() for p in t.participants if p.start >= t.end)


def _to_attend(t: _Trigger) -> bool:
    """Whether the clause after a trip says it is to attend a gathering ("flew to New York to take part in the UN
    General Assembly", "đến New York dự Đại hội đồng Liên Hợp Quốc")."""
    _, end = t.clause
    return any(t.data.kind(m.group()) == "ATTEND" and m.group() not in t.data.sidelines and not _excluded(t.doc, m, t.data)
               and t.data.multilateral_re.search(t.doc.text, m.end(), min(end, m.end() + _ATTENDED_REACH))
               for m in t.data.trigger_re.finditer(t.doc.text, t.end, end))


def _for_a_gathering(t: _Trigger) -> bool:
    """Whether the trip's clause names a gathering as its purpose ("... for the G20 Summit")."""
    _, end = t.clause
    return any(t.data.multilateral_re.match(t.doc.text, m.end()) for m in t.data.purpose_re.finditer(t.doc.text, t.end, end))


_ATTENDED_REACH = 80
"""Characters after an attendance verb within which the gathering attended is named (as ``_attend`` reads it)."""


def _wished(t: _Trigger) -> bool:
    """A wish right before the trigger ("expressed the hope to pay an official visit"): what follows is not done."""
    start, _ = t.clause
    return bool(t.data.intention_re.search(t.doc.text, max(start, t.start - _WISH_WINDOW), t.start))


def _inviter(t: _Trigger, p: _Participant) -> bool:
    """"a State visit, on the invitation of President Kagame": the one who invites is the host, not the visitor."""
    return bool(t.data.inviter_re.search(t.doc.text, max(0, p.start - _INVITER_WINDOW), p.start))


def _visit_since(t: _Trigger, visit: Event) -> list[Event]:
    """"the first visit by a Speaker of Vietnam to Iran since 1999": a visit on the same route then."""
    _, end = t.clause
    since = t.data.since_re.search(t.doc.text, t.end, min(end, t.end + _DATE_WINDOW))
    date = next((s for s in t.doc.in_range("dates", since.end(), end) if s.start == since.end()), None) if since else None
    resolved = resolve(date.value, anchor_of(t.doc)) if date is not None and date.value.year is not None else None
    if resolved is None or resolved == visit.date:
        return []
    return [Event("VISIT", list(visit.actors), resolved, "reported", visit.evidence, [])]


def _place_country(t: _Trigger, end: int | None = None) -> str | None:
    """The country of the place named right after the trigger (or after ``end``): "a visit to Lima", "thăm Hà Nội"."""
    words = t.data.destination_re.match(t.doc.text[t.end if end is None else end:t.sent.end])
    if not words:
        return None
    tokens = words.group(1).split()
    for n in range(len(tokens), 0, -1):
        country = country_of_place(t.ctx.lexicon, " ".join(tokens[:n]))
        if country:
            return country
    return None


def _meet(t: _Trigger) -> list[Event]:
    if _inside_request(t):
        return []
    window = _COUNTERPART_WINDOW if t.phrase in t.data.needs_counterpart else None
    counterparts = [p for p in _objects(t, window) if p.kind in ("person", "title", "country")]
    people = [p for p in counterparts if p.kind != "country"]
    subject = _subject(t)
    if t.data.held_by_both and _lower_first(t.phrase).startswith(t.data.held_by_both) \
            and not (subject is not None and subject.kind == "joint") and not _held_with(t, subject):
        return []  # "tổ chức thành công Đại hội lần thứ XIII": one side's own session; "Việt Nam và Argentina tổ chức" both
    between = _between(t)
    passive = None if people else _passive_agent(t)
    if between is not None:
        subject, counterparts = between
    elif passive is not None:
        subject, counterparts = passive[0], [passive[1]]
    else:
        if window is not None and not people:
            people = _co_subjects(t, titles=True) if _coordinated(t, subject, titles=True) else []
            if not people and not (subject is not None and subject.kind == "joint" and _right_before(t, subject)
                                   and t.phrase in t.data.reciprocal):
                return []  # "met" alone refers to someone met, who must be named; "the two sides welcomed" no one
        listed = [p for p in _listed_after(t, people) if not _named_again(subject, p)]
        counterparts = listed or counterparts[:1] or _co_subjects(t)
    place = _meeting_place(t)
    events = []
    for counterpart in counterparts or [None]:
        if subject is not None and subject.kind == "joint":
            actors = t.ctx.joint_of(subject)
        else:
            first = t.ctx.side(subject)
            other = counterpart.country if counterpart else None
            if other is None or other == first:
                other = t.ctx.other(first)
            actors = [c for c in [first or t.ctx.other(other), other] if c]
            if first is None and counterpart is None:
                actors = t.ctx.joint()  # "Kỳ họp ... đã được tổ chức": the article's two countries met
        if len(set(actors)) == 2:
            office = counterpart.office if counterpart is not None else None
            events.append(_event(t, "MEET", actors, _names(subject, counterpart), counterpart_office=office,
                                 place=place[0] if place else None))
    if _numbered_session(t) and _inside_request(t, ("COMMIT",)):
        # "nhất trí tổ chức Kỳ họp lần thứ 5 ... năm 2026", "agreed to hold the 3rd meeting": a session still to be held
        events = [replace(e, status="planned") for e in events if not _before_the_narrative(t, e.date)]
    return events


def _before_the_narrative(t: _Trigger, date: str | None) -> bool:
    return bool(date and t.ctx.narrative_date and date[:7] < t.ctx.narrative_date[:7])


def _passive_agent(t: _Trigger) -> tuple[_Participant, _Participant] | None:
    """"A được B tiếp" (A is received by B): B, who receives, and A, received; the two named
    right before the verb, a passive marker between them."""
    start, _ = t.clause
    named = [p for p in t.participants if start <= p.start < t.start and p.kind in ("person", "title")]
    if len(named) < 2 or not _right_before(t, named[-1]):
        return None
    met, agent = named[-2], named[-1]
    between = t.doc.text[met.end:agent.start].strip().lower()
    return (agent, met) if between in t.data.passive_markers else None


def _named_again(subject: _Participant | None, p: _Participant) -> bool:
    """Whether ``p`` is the subject named again ("hosted a reception for X. Deputy PM Dam said"): no one met."""
    return subject is not None and subject.name is not None and p.name == subject.name


def _listed_after(t: _Trigger, people: list[_Participant]) -> list[_Participant]:
    """The people met and those listed after them ("met the Prime Minister of Laos and the Deputy
    Prime Minister of Thailand": two meetings), however far the list runs, each joined to the one
    before it: someone named further on ("... Kỳ họp lần thứ 13, nhất trí cho rằng ... Chủ tịch nước X
    thăm ...") is no one met. A name and a title set off by a comma are one person ("bà Tredene
    Dobson, Đại sứ New Zealand")."""
    if not people:
        return []
    out, reached = people[:1], people[0].end
    for p in t.participants:
        if p.start < reached or p.kind not in ("person", "title") \
                or not t.data.listed_re.fullmatch(t.doc.text, reached, p.start):
            continue
        last = out[-1]
        comma = t.doc.text[reached:p.start].strip() == ","
        one_named = (last.kind == "person") != (p.kind == "person")
        same_side = last.country is None or p.country is None or last.country == p.country
        if comma and one_named and same_side:
            out[-1] = last if last.kind == "person" else p
        else:
            out.append(p)
        reached = p.end
    return out


def _between(t: _Trigger) -> tuple[_Participant, list[_Participant]] | None:
    """"talks between A and B", "cuộc hội đàm giữa A và B": A is a side and B the one met;
    "between the two sides" is both."""
    marker = t.data.between_re.match(t.doc.text, t.end)
    if marker is None and not t.data.between_re.search(t.doc.text[t.start:t.end] + " "):
        return None  # not "talks between", nor a trigger that holds the word ("meeting between", "summit talks between")
    named = [p for p in _objects(t) if p.kind in ("person", "title", "country", "joint")]
    if named and named[0].kind == "joint":
        return named[0], []
    if not named:
        return None
    side = t.ctx.side(named[0])
    met = [p for p in named[1:] if p.kind in ("person", "title") and t.ctx.side(p) != side]
    return named[0], met or [p for p in named[1:2] if t.ctx.side(p) != side]


def _held_with(t: _Trigger, subject: _Participant | None) -> bool:
    """"Việt Nam và Argentina tổ chức ...": the subject joined to another side right before the verb."""
    return subject is not None and any(
        p.start > subject.end and t.data.pair_joiner_re.fullmatch(t.doc.text, subject.end, p.start) and _right_before(t, p)
        and t.ctx.side(p) != t.ctx.side(subject) for p in t.participants if p.kind in ("country", "person", "title"))


def _coordinated(t: _Trigger, subject: _Participant | None, titles: bool = False) -> bool:
    """"A and B met": two participants joined right before the meeting verb."""
    co = _co_subjects(t, titles)
    if not subject or not co:
        return False
    if co[0].end <= subject.start:  # "X and his Malaysian counterpart Y met": Y, nearest the verb, is the subject read
        return bool(t.data.pair_joiner_re.fullmatch(t.doc.text, co[0].end, subject.start) and _right_before(t, subject))
    return bool(t.data.pair_joiner_re.fullmatch(t.doc.text, subject.end, co[0].start) and _right_before(t, co[0]))


def _right_before(t: _Trigger, p: _Participant) -> bool:
    """Whether ``p`` is the verb's own subject: nothing but a short adverb or date between them ("The two leaders on
    Friday met"), or a relative pronoun it opens ("The two presidents, who met in Nairobi, ...")."""
    gap = t.doc.text[p.end:t.start]
    relative = t.data.subject_relative_re.match(gap)
    gap = gap[relative.end():] if relative else gap
    return len(gap.split()) <= _SUBJECT_GAP_WORDS and not _PUNCTUATION.search(gap)


def _co_subjects(t: _Trigger, titles: bool = False) -> list[_Participant]:
    """"A and B co-chaired ...": the person before the subject, of another side, is the one met; with
    ``titles``, a title too ("Tổng thống Chile và Tổng thống Peru đã gặp nhau", where "met" needs someone met)."""
    start, _ = t.clause
    subject = _subject(t)
    side = t.ctx.side(subject)
    kinds = ("person", "title") if titles else ("person",)
    return [p for p in t.participants if start <= p.start < t.start and p.kind in kinds
            and p is not subject and t.ctx.side(p) != side][-1:]


def _date_upgrades_by_their_visit(ctx: _Context, month: str | None) -> None:
    """An upgrade the title tells before any day is known ("Việt Nam và Australia nâng cấp quan hệ ...")
    takes the day or days of the visit it crowned, when that visit falls in the article's month; in an
    article whose month is unknown, an undated upgrade in the title takes those of its one visit."""
    visits = [e for e in ctx.events if e.type == "VISIT" and e.status == "happened" and e.date]
    for upgrade in ctx.events:
        if upgrade.type != "ESTABLISH_RELATIONS":
            continue
        if month is not None and upgrade.date == month:
            visit = next((v for v in visits if set(v.actors) == set(upgrade.actors) and _same_dates(upgrade.date, v.date)
                          and width(v.date or "") < width(month)), None)
        elif month is None and upgrade.date is None and upgrade.evidence[0] < ctx.headline_end:
            crowned = [v for v in visits if set(v.actors) == set(upgrade.actors)]
            visit = crowned[0] if len(crowned) == 1 else None
        else:
            continue
        if visit is not None:
            upgrade.date = visit.date


def _add_visits_to_meetings(ctx: _Context) -> None:
    """Talks held in one side's city ("talks in Hanoi") state that the other side's named official visited it."""
    visits: dict[tuple[str, str, str | None], Event] = {}  # one trip, however many counterparts were met
    for meeting in [e for e in ctx.events if e.type == "MEET" and e.place]:
        host = next((c for c in meeting.actors if country_of_city(ctx.lexicon, meeting.place or "") == c), None)
        guest = next((c for c in meeting.actors if c != host), None)
        people = [_person_named(ctx.people, name) for name in meeting.persons]
        # an ambassador received where they are posted ("Đại sứ Peru tại Việt Nam") travelled nowhere
        persons = [p.name for p in people if p is not None and p.country == guest and p.office != "ambassador"]
        if not (host and guest and persons):  # who travelled must be said
            continue
        visit = visits.setdefault((guest, host, meeting.date), Event(
            "VISIT", [guest, host], meeting.date, meeting.status, meeting.evidence, [], place=meeting.place))
        visit.persons = list(dict.fromkeys(visit.persons + persons))
    for visit in visits.values():
        _add(ctx, visit)


def _meeting_place(t: _Trigger) -> tuple[str, str] | None:
    """The first city named after a place word in the trigger's clause, and its country ("in Hanoi" → VN),
    after the trigger or fronted before it ("Ngày 31/10, tại Doha, Thủ tướng ... hội kiến ...").

    Only a city: a country named as the place ("tại Chile") is often where
    someone was welcomed, not where the talks were held.
    """
    start, end = t.clause
    fronted = [m for m in t.data.place_word_re.finditer(t.doc.text, start, t.start)
               if t.doc.text[max(start, m.start() - 2):m.start()].strip(" ") in ("", ",")]
    return _city_after(t, [*fronted, *t.data.place_word_re.finditer(t.doc.text, t.start, end)], end)


def _city_after(t: _Trigger, markers: list[re.Match[str]], end: int) -> tuple[str, str] | None:
    """The first city named right after one of ``markers`` (place words), and its country."""
    for marker in markers:
        words = _CAPITALISED_RUN.match(t.doc.text, marker.end(), end)
        city = _city_among(t, [w.strip(",") for w in words.group().split()]) if words else None
        if city is not None:
            return city
    return None


def _city_among(t: _Trigger, tokens: list[str]) -> tuple[str, str] | None:
    """The first city named by up to three of ``tokens`` in a row, the longest first, and its country."""
    for size in range(min(3, len(tokens)), 0, -1):
        for first in range(len(tokens) - size + 1):
            name = " ".join(tokens[first:first + size])
            country = country_of_city(t.ctx.lexicon, name)
            if country:
                return name, country
    return None


def _attend(t: _Trigger) -> list[Event]:
    if _inside_request(t):
        return []
    _, end = t.clause
    if t.phrase in t.data.attendance_of:
        return _attended_by(t)
    named = t.data.multilateral_re.search(t.doc.text, t.end, min(end, t.end + 80))
    gathering = named.span() if named and named.start() - t.end <= 40 else _body_met(t)
    if gathering is None:
        return _as_arrival(t)
    if _bilateral(t, gathering):
        return []
    if t.phrase in t.data.sidelines:  # FACTS.md: the meeting's participants attended, one ATTEND per side
        start, _ = t.clause
        people = [p for p in t.participants if p.kind in ("person", "title") and start <= p.start < end]
        sides = list(dict.fromkeys(side for side in map(t.ctx.side, people) if side))
        joint = next((p for p in reversed(t.participants) if p.kind == "joint" and start <= p.start < t.start), None)
        if not sides and joint is not None:  # "the two leaders met on the sidelines of the APEC summit"
            sides = t.ctx.joint_of(joint)
        events = [_event(t, "ATTEND", [side], _names(*(p for p in people if t.ctx.side(p) == side))) for side in sides]
        met = next((e for e in reversed(t.ctx.events) if e.type == "MEET" and start <= e.evidence[0] < end), None)
        if met is not None:  # "first met in 2019 on the sidelines of the AU summit": the gathering was then
            events = [replace(e, date=met.date, status=met.status) for e in events]
        return events
    else:
        visit, own = _visit_before(t)
        if visit is not None:  # "X, who is visiting Vietnam and attending the Summit": the visitor attends
            return [_event(t, "ATTEND", visit.actors[:1], visit.persons)]
        subject = own or _subject(t)
        if subject is not None and subject.kind == "joint":  # "both leaders are in Indonesia to attend ..."
            people = [p for p in t.participants if p.kind == "person"]
            return [_event(t, "ATTEND", [country], _names(*(p for p in people if t.ctx.side(p) == country)))
                    for country in t.ctx.joint_of(subject)]
        if subject is not None and subject.kind == "country":
            # "Phó Thủ tướng X dẫn đầu đoàn Việt Nam tham dự ...": the delegation's head, of its country, attends
            start, _ = t.clause
            head = [p for p in t.participants if start <= p.start < subject.start and p.kind in ("person", "title")
                    and t.ctx.side(p) == subject.country]
            subject = head[-1] if head else subject
        if subject is None or subject.kind not in ("person", "title"):
            later = [p for p in t.participants if p.start > t.end and p.kind in ("person", "title")
                     and not _is_object(t.doc, p, t.data)]
            subject = later[0] if later else subject
        attendees = [subject] if subject is not None and subject.kind in ("person", "title") else []
        if attendees and _coordinated(t, subject, titles=True):
            attendees += _co_subjects(t, titles=True)  # "Modi and Lula both attended the BRICS summit": each side
    return _attendances(t, attendees, gathering)


def _as_arrival(t: _Trigger) -> list[Event]:
    """"is in Accra for a state visit": being somewhere for what is no gathering is the trip there, read as the
    arrival that opens the frame."""
    arrivals = (re.compile(re.escape(a), re.IGNORECASE).match(t.doc.text, t.start) for a in t.data.arrivals)
    found = max((m for m in arrivals if m), key=lambda m: m.end(), default=None)
    return _visit(_Trigger(t.doc, t.sent, found, t.participants, t.ctx, t.data)) if found else []


def _attendances(t: _Trigger, attendees: list[_Participant], gathering: tuple[int, int],
                 host: str | None = None) -> list[Event]:
    """Each attendee's side attends; FACTS.md: a visit to attend a summit counts, and one the partner hosts is a
    visit to it."""
    events = []
    host = host or _host(t, gathering) or _place_told(t)
    for person in attendees:
        country = t.ctx.side(person)
        if country:
            events.append(_event(t, "ATTEND", [country], _names(person)))
            if host is not None and host != country and {host, country} <= set(t.ctx.pair):
                events.append(_event(t, "VISIT", [country, host], _names(person)))
    return events


def _attended_by(t: _Trigger) -> list[Event]:
    """"Hội nghị Thượng đỉnh P4G khai mạc ... với sự tham dự của Thủ tướng X và Tổng thống Y", "the G20 Summit,
    attended by Prime Minister X": a gathering named before, its attendees listed after, one ATTEND each."""
    gatherings = list(t.data.multilateral_re.finditer(t.doc.text, t.sent.start, t.start))
    if not gatherings or _bilateral(t, gatherings[-1].span()):
        return []
    _, end = t.clause
    named = [p for p in t.participants if t.end <= p.start < end and p.kind in ("person", "title")]
    gathering = gatherings[-1]
    place = _city_after(t, list(t.data.place_word_re.finditer(t.doc.text, gathering.end(), t.start)), t.start)
    return _attendances(t, _listed_after(t, named[:1]), gathering.span(), place[1] if place else None)


_BODY_GAP = 5
"""Characters between "on the sidelines of" and the organisation named as the meeting: a space and an article."""


def _body_met(t: _Trigger) -> tuple[int, int] | None:
    """"on the sidelines of APEC", "bên lề ASEAN": an organisation's name right after the sidelines is its meeting."""
    if t.phrase not in t.data.sidelines_of_bodies:
        return None
    _, end = t.clause
    body = next(iter(t.doc.in_range("orgs", t.end, min(end, t.end + _BODY_GAP + 1))), None)
    return None if body is None else (body.start, body.end)


def _host(t: _Trigger, gathering: tuple[int, int]) -> str | None:
    """The country a gathering is held in: the city named after it ("the APEC Week in Lima"), or the country
    said to host it ("hosted by Peru")."""
    _, end = t.clause
    hosted = t.data.hosted_by_re.search(t.doc.text, gathering[1], end)
    if hosted is not None:
        named = t.doc.in_range("countries", hosted.end(), min(end, hosted.end() + _HOST_REACH))
        if named:
            return named[0].value
    place = _meeting_place(t)
    return place[1] if place is not None and t.doc.text.find(place[0], gathering[0], end) >= 0 else None


def _place_told(t: _Trigger) -> str | None:
    """The country a trigger names inside itself ("is in Vietnam for", "is in Hanoi for"): where its gathering is."""
    named = countries_in(t.doc, t.start, t.end)
    if named:
        return named[0]
    city = _city_among(t, _WORD.findall(t.doc.text, t.start, t.end))
    return city[1] if city else None


_HOST_REACH = 12
"""Characters after "hosted by" within which the host country is named ("hosted by the Philippines")."""


def _visit_before(t: _Trigger) -> tuple[Event | None, _Participant | None]:
    """The visit told in the trigger's clause right before it and joined to it ("is visiting Hanoi and attending ...");
    or, when an official is named after the joiner ("chuyến thăm của Tổng thống Lula và chuyến công tác của
    Thủ tướng X tham dự ..."), no visit but that official, whose attendance it is."""
    start, _ = t.clause
    visits = [m for m in t.data.trigger_re.finditer(t.doc.text, start, t.start)
              if t.data.kind(m.group()) == "VISIT" and not _excluded(t.doc, m, t.data)]
    joiners = list(t.data.pair_joiner_re.finditer(t.doc.text, visits[-1].end(), t.start)) if visits else []
    if visits and not joiners and not _PUNCTUATION.search(t.doc.text, visits[-1].end(), t.start):
        # "chuyến công tác của Thủ tướng X tham dự ...": the trip is to attend, its traveller attends
        found = _visit(_Trigger(t.doc, t.sent, visits[-1], t.participants, t.ctx, t.data))
        return (found[0] if found else None), None
    if not joiners:
        return None, None
    own = [p for p in t.participants if joiners[-1].end() <= p.start < t.start and p.kind in ("person", "title")]
    if own:
        return None, own[-1]
    found = _visit(_Trigger(t.doc, t.sent, visits[-1], t.participants, t.ctx, t.data))
    return (found[0] if found else None), None


def _bilateral(t: _Trigger, gathering: tuple[int, int]) -> bool:
    """A gathering whose name holds two countries is theirs alone, not multilateral
    ("Hội nghị Ủy ban hỗn hợp Việt Nam-Campuchia", "the Kenya-Ghana Business Forum")."""
    _, end = t.clause
    start, name_end = gathering
    limit = min(end, name_end + _GATHERING_NAME_WINDOW)
    stop = _PUNCTUATION.search(t.doc.text, name_end, limit)
    return len(set(countries_in(t.doc, start, stop.start() if stop else limit))) >= 2


def _two_sided(kind: str) -> Callable[[_Trigger], list[Event]]:
    """INVITE, PROPOSE, COMMIT, CONGRATULATE: the subject's side first, the addressee second."""

    def build(t: _Trigger) -> list[Event]:
        obj = _object_text(t)
        steps = _concrete_steps(t) if kind in ("PROPOSE", "COMMIT") else []
        if kind == "PROPOSE" and t.phrase in t.data.courtesy_calls and _call_paid(t):
            return _meet(t)  # "called on President Mahama in Accra": a courtesy call, not a request
        if kind in ("PROPOSE", "COMMIT") and not steps:
            return []
        if kind == "COMMIT" and (_inside_request(t) or (_opens_with_future(t) and not _side_right_before(t))):
            return []  # "hoped that Canada will create ...": asked; "the agreement will promote ...": no side promises
        if kind == "COMMIT" and t.phrase in t.data.plans and not _side_right_before(t):
            return []  # "Takeda plans to finance the buyout": a plan is a side's commitment only when the side is named
        if kind == "COMMIT" and _non_state_party(t):
            return []  # "a South Korea foundation will pay damages", "Vietnamese firms will invest": not the state's promise
        if kind == "COMMIT" and _a_thing_said_to_come(t):
            return []  # "cho biết chuyến thăm sẽ cung cấp động lực": the visit will, no side promises
        if kind == "COMMIT" and _a_trip_told(t):
            return []  # "cho biết Bộ trưởng X sẽ tham dự Hội nghị", "said he would visit Chile": a trip planned, no promise
        if kind == "COMMIT" and _opens_with_future(t) and _believed(t):
            return []  # "tin tưởng chuyến thăm sẽ mở ra ...", "believes Timor-Leste will join": foreseen, not promised
        if kind == "CONGRATULATE" and t.data.thanks_re.search(t.doc.text, max(t.clause[0], t.start - _THANKS_WINDOW), t.start):
            return []  # "cảm ơn những lời chúc mừng của ...", "thanked him for congratulating": the other side's, told
        if kind == "INVITE" and t.phrase in t.data.bare_invitations and not _states_a_visit(t):
            # "invited Peru to join the alliance", "mời doanh nghiệp Việt Nam đầu tư vào Kenya": a step proposed;
            # "mời Tổng thống duyệt đội danh dự", "invited him into his office": no visit asked, no step
            return _BUILDERS["PROPOSE"](t)
        subject = _subject(t)
        if kind in _ADDRESSED and (subject is None or _addressed(t, subject)):
            # "Điện mừng bà Takaichi ...": who is congratulated; "lời chúc mừng của Bộ trưởng Vương Nghị": who congratulates
            subject = _doer_after(t)
        if kind == "PROPOSE" and t.phrase in t.data.proposal_nouns:
            # "welcomed Kenya's proposal to set up a joint commission": the proposal is its owner's
            subject = next((p for p in t.participants if p.kind in ("person", "title", "country")
                            and t.data.possessive_re.fullmatch(t.doc.text, p.end, t.start)), subject)
            if t.ctx.side(subject) not in t.ctx.pair:
                return []  # "against the backdrop of Trump's proposal for ...": a third side's, told as setting
        if kind == "CONGRATULATE" and t.data.infinitive_re.search(t.doc.text, max(t.clause[0], t.start - _INFINITIVE_REACH), t.start):
            # "called Mahama on Tuesday to congratulate him": a purpose, whose doer is the clause's subject
            start, _ = t.clause
            subject = next((p for p in t.participants if start <= p.start < t.start
                            and p.kind in ("person", "title", "country")), subject)
        if kind == "PROPOSE" and t.phrase in t.data.wishes and not _wished_of_another(t, subject):
            return []  # "Việt Nam mong muốn tăng cường ...": the speaker's own wish, asked of no one
        if kind in ("PROPOSE", "COMMIT") and subject is None and t.start < t.ctx.headline_end \
                and not t.participants and not countries_in(t.doc, t.sent.start, t.sent.end):
            return []  # "Takeda shareholders agree to USD60 billion Shire acquisition": a headline naming no side
        actors = _speech_sides(t, subject)
        if kind == "PROPOSE" and _passive_request(t):
            actors.reverse()  # "Việt Nam urged to open an embassy", "Việt Nam được đề nghị mở": the subject is asked
        if len(set(actors)) < 2:
            return []
        if kind == "INVITE":
            actors = _host_first(t, actors)
        invited = [p for p in _objects(t, window=40) if kind == "INVITE" and p.kind == "person"]
        event = _event(t, kind, actors, _names(subject, *invited), object=obj)
        documents = [a for a in t.doc.layer("facts.agreements") if t.end <= a.evidence[0] < t.step_end]
        if kind in ("PROPOSE", "COMMIT") and len(documents) > 1:
            # FACTS.md: a proposal covering two agreements is two; so is a commitment to two
            return [replace(event, evidence=(event.evidence[0], a.evidence[1]), object=a.scope) for a in documents]
        events = [event]
        if len(steps) > 1:  # "open a consulate; resume flights": one event per step, each cited from its trigger
            events = [replace(event, evidence=(event.evidence[0], end), object=_worded(t.doc.text[start:end]))
                      for start, end in steps]
        if kind == "COMMIT" and actors == t.ctx.joint():
            events = [replace(e, actors=_giver_first(t, start, end, actors)) for e, (start, end) in zip(events, steps)]
        return events

    return build


def _call_paid(t: _Trigger) -> bool:
    """Whether "called on" is a call paid on someone: an official named right after it, and nothing asked of
    them in the clause ("called on President X to reopen the border" asks)."""
    _, end = t.clause
    called = next((p for p in _objects(t, _COUNTERPART_WINDOW) if p.kind in ("person", "title")), None)
    return called is not None and not t.data.infinitive_after_re.search(t.doc.text, called.end, end)


_INFINITIVE_REACH = 12
"""Characters before a trigger within which its infinitive marker stands ("to congratulate")."""

_ADDRESSED = frozenset({"CONGRATULATE", "INVITE"})
"""Speech acts whose one person named after the trigger is, unless marked as the doer, the one addressed."""


def _addressed(t: _Trigger, person: _Participant) -> bool:
    """Whether a participant after the trigger, in its phrase, is its addressee: not introduced as the doer
    ("lời chúc mừng của Bộ trưởng Vương Nghị") nor the subject of the clause after it ("Gửi lời chúc mừng
    ..., Phó Thủ tướng Chernyshenko nhấn mạnh")."""
    return (person.start >= t.end and not _CLAUSE_MARK.search(t.doc.text, t.end, person.start)
            and not t.data.visitor_re.search(t.doc.text, t.end, person.start))


def _doer_after(t: _Trigger) -> _Participant | None:
    """The participant a nominal speech act names as its doer after it ("lời mời của Tổng thống Lula")."""
    _, end = t.clause
    return next((p for p in t.participants if t.end <= p.start < end and p.kind in ("person", "title", "country")
                 and not _addressed(t, p)), None)


def _giver_first(t: _Trigger, start: int, end: int, actors: list[str]) -> list[str]:
    """A joint step that gives to one side ("cung cấp tín dụng quốc phòng cho Việt Nam", "provide a credit line
    to Chile") is the other side's to do: it goes first."""
    for country in t.doc.in_range("countries", start, end):
        before = _WORD_BEFORE.search(t.doc.text, max(start, country.start - _CITY_WORD), country.start)
        if before is not None and before.group(1) in t.data.beneficiary_markers and country.value in actors:
            return [t.ctx.other(country.value) or actors[0], country.value]
    return actors


def _passive_request(t: _Trigger) -> bool:
    """Whether the trigger is part of a request said in the passive ("urged to", "được đề nghị")."""
    return any(m.start() <= t.start < m.end() for m in t.data.passive_request_re.finditer(
        t.doc.text, max(t.sent.start, t.start - _PASSIVE_REACH), min(t.sent.end, t.end + _PASSIVE_REACH)))


def _host_first(t: _Trigger, actors: list[str]) -> list[str]:
    """An invitation to visit a country is that country's ("ngỏ lời mời ông sang thăm Hàn Quốc", "invited him
    to visit Chile"): the visit's destination is the inviter, whoever the sentence's subject seems to be."""
    for m in t.data.trigger_re.finditer(t.doc.text, t.end, t.step_end):
        if t.data.kind(m.group()) != "VISIT" or _excluded(t.doc, m, t.data) or _lower_first(m.group()) in t.data.arrivals:
            continue  # "chuyển lời mời ... tới Tổng thống Kenya": a word of going there says to whom, not where
        named = t.data.destination_re.match(t.doc.text, m.end(), t.step_end)
        stated = t.doc.in_range("countries", m.end(), named.end()) if named else []
        destination = stated[0].value if stated else _place_country(t, m.end())
        if destination in actors and destination != actors[0]:
            return [destination, *(a for a in actors if a != destination)]
        break
    return actors


def _states_a_visit(t: _Trigger) -> bool:
    """Whether what an invitation asks is a visit or an attendance (FACTS.md: INVITE is to visit or attend):
    a visit's or an attendance's trigger, or a named place to come to ("mời ông đến Nhà Trắng")."""
    return any(t.data.kind(m.group()) in ("VISIT", "ATTEND") and not _excluded(t.doc, m, t.data)
               for m in t.data.trigger_re.finditer(t.doc.text, t.end, t.step_end)) \
        or t.data.invited_to_a_place_re.search(t.doc.text, t.end, t.step_end) is not None


def _speech_sides(t: _Trigger, subject: _Participant | None) -> list[str]:
    if subject is not None and subject.kind == "joint":
        return t.ctx.joint_of(subject)
    if _pair_subject(t):
        return t.ctx.joint()
    listed = _co_subjects_listed(t, subject) if subject is not None else []
    if listed:
        return listed
    first = t.ctx.side(subject)
    addressee = next((t.ctx.side(p) for p in _objects(t, window=40)
                      if p.kind != "joint" and t.ctx.side(p) != first), None)
    if addressee is None:  # the counterpart named elsewhere in the sentence ("Tiếp Thủ tướng Malaysia, ...")
        addressee = next((p.country for p in t.participants
                          if p.country and p.country != first and p.kind in ("person", "title")), None)
    first = first or t.ctx.other(addressee)
    return [c for c in [first, addressee or t.ctx.other(first)] if c]


def _a_thing_said_to_come(t: _Trigger) -> bool:
    """Whether a reported future ("cho biết ... sẽ", "said ... would") is said of a thing, an event or a document
    with no side right before its future word: "cho biết chuyến thăm tới Chile sẽ cung cấp thêm động lực"
    foresees, no one promises; "announced that it would open" is a side's."""
    words = t.phrase.rsplit(" ", 1)
    if len(words) < 2 or words[1] not in t.data.bare_futures:
        return False
    future = t.end - len(words[1])
    things = [m for m in t.data.trigger_re.finditer(t.doc.text, t.start + 1, future) if t.data.kind(m.group()) not in SPEECH_ACTS]
    if not things and not t.data.deliverable_re.search(t.doc.text, t.start, future):
        return False  # "cam kết ủng hộ và sẽ phối hợp": what is said is a side's own acts
    return not any(0 <= future - p.end <= _SIDE_GAP and not _PUNCTUATION.search(t.doc.text, p.end, future)
                   and not _a_place(t, p) for p in t.participants)


def _a_trip_told(t: _Trigger) -> bool:
    """Whether what a side says it will do opens with a trip or an attendance: that is the visit or attendance
    itself, planned, which its own trigger reads."""
    start = _object_start(t)
    found = t.data.trigger_re.search(t.doc.text, start, t.step_end)  # opening within two words, however long it is
    return (found is not None and found.start() < _word_end(t.doc.text, start, t.step_end, 2)
            and t.data.kind(found.group()) in ("VISIT", "ATTEND") and not _excluded(t.doc, found, t.data))


def _wished_of_another(t: _Trigger, subject: _Participant | None) -> bool:
    """Whether a wish names, right after it, who it asks of: the other side or both ("mong muốn Chile tạo điều kiện",
    "hoped that the two sides will"). A wish is a proposal only when it is asked of someone."""
    window = _word_end(t.doc.text, t.end, t.sent.end, _WISH_ADDRESSEE_WORDS + 1)
    first = next((p for p in t.participants if t.end <= p.start < window), None)
    if first is None or len(_WORD.findall(t.doc.text, t.end, first.start)) > _WISH_ADDRESSEE_WORDS:
        return False  # "hopes to visit Russia": Russia is where the speaker goes, not who is asked
    return first.kind == "joint" or t.ctx.side(first) not in (None, t.ctx.side(subject) if subject else None)


def _co_subjects_listed(t: _Trigger, subject: _Participant) -> list[str]:
    """"Kishida, Yoon agree to ...", "Pakistan and Iran have agreed", "Việt Nam và Kenya nhất trí ...": two sides
    listed as one subject act jointly, in the order the article lists them (its own side first), the home side
    first where it is one. The second may have been read as an object of "and": the subject is then the first."""
    sides = [p for p in t.participants if p.kind in ("person", "title", "country") and p.end <= t.start]
    before = [p for p in sides if p.end <= subject.start]
    after = [p for p in sides if p.start >= subject.end]
    if before and _listed_sides(t, before[-1], subject):
        listed = [t.ctx.side(before[-1]), t.ctx.side(subject)]
    elif after and _listed_sides(t, subject, after[0]):
        listed = [t.ctx.side(subject), t.ctx.side(after[0])]
    else:
        return []
    return sorted(listed, key=lambda side: side != t.data.home)  # type: ignore[return-value]


def _listed_sides(t: _Trigger, first: _Participant, second: _Participant) -> bool:
    """Whether two participants of different sides are listed together ("Pakistan and Iran", "Kishida, Yoon")."""
    if t.ctx.side(first) in (None, t.ctx.side(second)):
        return False
    return bool(t.data.coordination.weak_re.fullmatch(t.doc.text, first.end, second.start))


def _opens_with_future(t: _Trigger) -> bool:
    """Whether the trigger opens with a future auxiliary ("will", "would provide", "will continue to"): a promise
    only when a side says it ("India will provide"), not a thing ("the visit would provide a boost")."""
    return t.phrase.split(" ", 1)[0] in t.data.bare_futures


def _believed(t: _Trigger) -> bool:
    """Whether a word of belief stands before the trigger in its clause: what follows is foreseen by the speaker."""
    start, _ = t.clause
    return bool(t.data.belief_re.search(t.doc.text, start, t.start))


def _side_right_before(t: _Trigger) -> bool:
    """Whether a side is named right before the trigger ("The two sides will set up", "Ấn Độ cũng sẽ cung cấp"),
    as its subject, not as a place ("the visit of Putin to China in June would provide")."""
    if t.data.speaker_side_re.search(t.doc.text, max(t.sent.start, t.start - _SIDE_GAP - _SPEAKER_SIDE_LENGTH), t.start):
        return True  # "said that his country will actively work to attract ..."
    return any(0 <= t.start - p.end <= _SIDE_GAP and not _PUNCTUATION.search(t.doc.text, p.end, t.start)
               and not _a_place(t, p) for p in t.participants)


def _a_place(t: _Trigger, p: _Participant) -> bool:
    """Whether a participant is named as where something goes or happens ("to China", "in Laos")."""
    before = _WORD_BEFORE.search(t.doc.text, max(0, p.start - _CITY_WORD), p.start)
    return before is not None and before.group(1) in t.data.place_words


def _pair_subject(t: _Trigger) -> bool:
    """"Việt Nam - Canada đặt mục tiêu ...": a dash-joined pair of countries right before the trigger is both sides."""
    start, _ = t.clause
    countries = t.doc.in_range("countries", start, t.start)
    if len(countries) < 2 or t.doc.text[countries[-1].end:t.start].strip():
        return False
    first, second = countries[-2], countries[-1]
    return first.value != second.value and bool(_PAIR_DASH.fullmatch(t.doc.text, first.end, second.start))


def _accept(t: _Trigger) -> list[Event]:
    """"Nhận lời mời của X, Y thăm...": Y accepts X's invitation (FACTS.md: one ACCEPT, date null).

    Where the accepting side is the trigger's subject ("Erdogan accepted an
    invitation from Sisi"), the guest stands before it and the inviter after.
    """
    after = _objects(t)
    inviter = next((p for p in after if p.kind in ("person", "title", "country")), None)
    host = _inviter_side(t, inviter)
    subject_accepts = _accepts_as_subject(t)
    if subject_accepts:
        subject = _subject(t)
        guest = subject if subject is not None and subject.kind != "joint" and t.ctx.side(subject) != host else None
    else:
        guest = next((p for p in after if p.kind in ("person", "title") and p is not inviter
                      and t.ctx.side(p) != host), None)
    invited = next((e for e in reversed(t.ctx.events) if e.type == "INVITE"), None) if inviter is None else None
    if t.phrase in t.data.bare_accepts and (invited is None or _NOTHING_NAMED.match(t.doc.text, t.end) is None):
        return []  # "Ghana accepted the proposal": something else accepted; "Ghana accepted": no invitation says of what
    if invited is not None and subject_accepts:
        # "X invited Y to visit Ghana, and Y accepted the invitation": the one invited accepts the inviter's
        visitor, host = invited.actors[1], invited.actors[0]
    else:
        visitor = t.ctx.side(guest) if guest else t.ctx.other(host)
        host = host or t.ctx.other(visitor)
    if not host or not visitor or host == visitor:
        return []
    return [Event(type="ACCEPT", actors=[visitor, host], date=None, status="happened",
                  evidence=_evidence(t, "ACCEPT"), persons=_names(guest, inviter), object=_object_text(t))]


def _accepts_as_subject(t: _Trigger) -> bool:
    """Whether the trigger's subject is who accepts ("Ruto accepted [with pleasure] the invitation"): one of the
    language's subject acceptances, or a frame opening with the same verb."""
    if t.phrase in t.data.subject_accepts:
        return True
    return t.phrase not in t.data.types and t.phrase.split(" ", 1)[0] in {a.split(" ", 1)[0] for a in t.data.subject_accepts}


def _inviter_side(t: _Trigger, inviter: _Participant | None) -> str | None:
    """The inviter's country: one named in the inviter's phrase, up to the comma that closes it, else the inviter's.

    "theo lời mời của Phó Chủ tịch thứ Nhất Quốc hội Hy Lạp Ioannis Plakiotakis, ...":
    a long title may hide the person, never the country it names.
    """
    if inviter is None:
        return None
    comma = t.doc.text.find(",", inviter.start, t.sent.end)
    phrase = [p for p in t.participants if inviter.start <= p.start < (comma if comma >= 0 else t.sent.end)]
    named = [p.country for p in phrase if p.kind == "country"]
    if named:
        return named[0]
    if inviter.kind == "title" and inviter.country is None:
        # "theo lời mời của Bộ trưởng Ngoại giao Triều Tiên Ri Yong-ho": the title is the named person's
        person = next((p for p in phrase if p.kind == "person" and p.country), None)
        if person is not None:
            return person.country
    return t.ctx.side(inviter)


def _establish(t: _Trigger) -> list[Event]:
    """Relations established or upgraded: a verb, then within a few words relations or a framework
    ("nâng cấp quan hệ lên Đối tác Chiến lược Toàn diện", "established diplomatic ties"); the level
    reached is the event's framework (FACTS.md)."""
    actors = t.ctx.joint()
    start, end = t.clause
    passive = t.data.passive_relation_re.search(t.doc.text, max(start, t.start - _PASSIVE_WINDOW), t.start)
    if len(actors) < 2 or not (t.data.relation_frame_re.match(t.doc.text, t.end, end) or passive):
        return []
    if t.data.intention_re.search(t.doc.text, start, t.start):
        return []  # "expressed determination to ... elevate relations": a wish, not an upgrade
    if _non_state_party(t):
        return []  # "nearly 100 pairs of their localities established cooperative relations": not the two states
    if t.data.necessity_re.search(t.doc.text, max(start, t.start - _INTENTION_WINDOW), t.start):
        return []  # "noted the need to establish relations between press secretaries": still to be done
    for pattern in t.data.anniversary_res:
        if any(m.start() <= t.start < m.end() for m in pattern.finditer(t.doc.text, start, end)):
            return []  # dated by its anniversary (see _add_anniversaries)
    anchor = anchor_of(t.doc)
    reach = _establishment_reach(t)
    before = [s for s in t.doc.in_range("dates", start, t.start) if not t.doc.text[s.end:t.start].strip()]
    fronted = [s for s in t.doc.in_range("dates", start, t.start) if not any(  # "In 2009, A and B upgraded ties"
        t.data.kind(m.group()) == "ESTABLISH_RELATIONS" for m in t.data.trigger_re.finditer(t.doc.text, s.end, t.start))]
    # "the 1965 normalization", "established in 1965", else a date fronted in the clause
    spans = before[-1:] or list(t.doc.in_range("dates", t.end, reach)) or fronted[-1:]
    date = _relations_date(spans[0], anchor) if spans else None
    ago = next((m for p in t.data.years_ago_res for m in p.finditer(t.doc.text, t.end, reach)), None)
    if ago is not None and anchor.year is not None and (date is None or (not before and ago.start() < spans[0].start)):
        date = f"{anchor.year - int(ago.group('n')):04d}"  # "cách đây 4 năm", "four years ago"
    background = t.data.background_re.search(t.doc.text, max(start, t.start - _BACKGROUND_WINDOW), t.start)
    if date is None and background is not None:  # "since 2013, when the two countries upgraded ties"
        since = next(iter(t.doc.in_range("dates", background.end(), t.start)), None)
        date = _relations_date(since, anchor) if since is not None else None
    framework_from = max(start, t.start - _PASSIVE_WINDOW) if passive else t.start
    framework = _framework(t.data, t.doc.text[framework_from:min(end, t.end + _FRAMEWORK_WINDOW)])
    if _lower_first(t.phrase) in t.data.becoming and framework in (None, "partnership", "diplomatic_relations"):
        return []  # "trở thành đối tác thương mại lớn nhất": partners of some kind, no level reached
    new_level = any(word in t.phrase for word in t.data.upgrades) or framework not in (None, "diplomatic_relations")
    if date is None and background is None and new_level:
        date = t.ctx.narrative_date  # a partnership reached, undated: at the article's event
    status = "reported" if date and t.ctx.narrative_date and date[:4] < t.ctx.narrative_date[:4] else "happened"
    if background is not None and date is None:
        status = "reported"  # "since the two countries upgraded ties": told as background
    event = Event(type="ESTABLISH_RELATIONS", actors=actors, date=date, status=status,
                  evidence=_evidence(t, "ESTABLISH_RELATIONS"), object=_object_text(t), framework=framework)
    return [event, *_coordinated_frameworks(t, event, reach)]


def _non_state_party(t: _Trigger) -> bool:
    """Whether a company, a locality or another body below the state stands in the subject right before a
    signing, establishing or promising verb, past the clause's last punctuation, or inside a frame's gap:
    its contract, ties or promise are not the two states'."""
    start, _ = t.clause
    window = max(start, t.start - _NON_STATE_WINDOW)
    stops = list(_PUNCTUATION.finditer(t.doc.text, window, t.start))
    # through the trigger: a frame's gap holds the subject of its verb ("cho biết một công ty Kenya sẽ")
    return bool(t.data.non_state_re.search(t.doc.text, stops[-1].end() if stops else window, t.end))


def _establishment_reach(t: _Trigger) -> int:
    """Where what an establishing verb says ends: at the next establishing verb of its clause
    ("bình thường hóa quan hệ ..., từ khi hai nước xác lập ... (tháng 7/2013)": the date is the second's)."""
    _, end = t.clause
    return next((m.start() for m in t.data.trigger_re.finditer(t.doc.text, t.end, end)
                 if t.data.kind(m.group()) == "ESTABLISH_RELATIONS" and not _excluded(t.doc, m, t.data)), end)


def _relations_date(span: Span, anchor: Anchor) -> str | None:
    """A date of relations; of a span across years ("(1975-2025)", "(4/8/1973 – 4/8/2023)"), when they began."""
    date = resolve(span.value, anchor)
    return date.split("/")[0] if date and span.value.end_year not in (None, span.value.year) else date


def _coordinated_frameworks(t: _Trigger, event: Event, reach: int) -> list[Event]:
    """"thiết lập quan hệ ngoại giao ngày 29/2/1992 và quan hệ Đối tác toàn diện từ tháng 3/2019":
    each framework joined to the first with its own date is an establishment of its own."""
    anchor = anchor_of(t.doc)
    found = list(t.data.frameworks_re.finditer(t.doc.text, t.end, reach))
    out = []
    for previous, framework in zip(found, found[1:]):
        if not t.data.pair_joiner_re.search(t.doc.text, previous.end(), framework.start()):
            continue
        date = next((s for s in t.doc.in_range("dates", framework.end(), reach)
                     if s.start - framework.end() <= _FRAMEWORK_DATE_GAP), None)
        resolved = _relations_date(date, anchor) if date is not None else None
        if resolved is None or resolved == event.date:
            continue
        out.append(replace(event, date=resolved, framework=t.data.frameworks[fold(framework.group())],
                           object=t.doc.text[framework.start():date.end], persons=[],
                           status="reported" if t.ctx.narrative_date and resolved[:4] < t.ctx.narrative_date[:4] else "happened"))
    return out


def _framework(data: _EventData, text: str) -> str | None:
    """The FACTS.md level a text names first ("Đối tác Chiến lược Toàn diện" → comprehensive_strategic_partnership)."""
    found = data.frameworks_re.search(text)
    return data.frameworks[fold(found.group())] if found else None


def _sign(t: _Trigger) -> list[Event]:
    """A signing: one SIGN per document signed (FACTS.md), whether or not the document is named.

    What is signed must be said near the verb ("signed fifteen agreements",
    "ra Tuyên bố chung"). A document before the verb ("the pact was signed",
    "các văn kiện đã ký") is a SIGN only with a date of its own: undated, it
    recalls documents signed at some time. Agreed or proposed signings are
    COMMIT or PROPOSE, not SIGN.
    """
    if _inside_request(t, ("INVITE", "PROPOSE", "COMMIT")):
        return []
    start, end = t.clause
    if t.data.infinitive_re.search(t.doc.text, max(start, t.start - _INTENTION_WINDOW), t.start) and not _future(t):
        return []  # "hopes to sign": an intention
    if t.data.intention_re.search(t.doc.text, start, t.start):
        return []  # "expressed determination to ... finalise and sign the CEPA": a wish
    if t.data.third_parties_re.search(t.doc.text, t.end, end):
        return []  # "Peru ký kết nhiều FTA với các nước ...": signed with others, not between the two
    if _non_state_party(t):
        return []  # "Bộ đội Biên phòng Việt Nam và công ty Larsen&Toubro đã ký hợp đồng": a company's contract
    named = t.data.documents_re.search(t.doc.text, t.start, min(end, t.end + _DOCUMENT_WINDOW))
    before = t.data.documents_re.search(t.doc.text, max(start, t.start - _SIGNED_BEFORE_WINDOW), t.start)
    signed = [a for a in t.doc.layer("facts.agreements") if start <= a.evidence[0] < end and a.status == "signed"]
    # an agreement read after the verb is what it signs, however long its name ("signed the ... Agreement (CEPA)")
    object_named = named is not None or any(a.evidence[0] >= t.start for a in signed)
    actors = t.ctx.joint()
    if (not object_named and before is None) or len(actors) < 2:
        return []
    date = _date(t, "SIGN")
    if not object_named and t.start not in t.ctx.stated:
        return []  # "the pact was signed": a signing recalled, not dated
    persons = _names(*(p for p in t.participants if p.kind == "person" and start <= p.start < end))
    event = Event(type="SIGN", actors=actors, date=date, status=_status(t, date), evidence=_evidence(t, "SIGN"),
                  persons=persons, object=_object_text(t))
    if signed:  # the agreements read in the clause, each as the agreement steps state it
        return [replace(event, actors=[c for c in actors if c in a.parties] or list(a.parties),
                        date=a.date or date, evidence=a.evidence, object=a.scope) for a in signed]
    topics = _document_topics(t, named) if named is not None else []
    return [replace(event, evidence=(event.evidence[0], topic_end), object=topic) for topic, topic_end in topics] or [event]


def _document_topics(t: _Trigger, document: re.Match[str]) -> list[tuple[str, int]]:
    """"documents on health, fisheries and customs": each topic of a list is a document of its own,
    with where its mention ends; none unless two or more short topics are listed. The topic
    alone is the document's object: "documents on" shared would make all of them one step."""
    marker = t.data.document_topics_re.match(t.doc.text, document.end())
    if marker is None:
        return []
    _, end = t.clause
    stop = _TOPIC_LIST_END.search(t.doc.text, marker.end(), end)
    limit = stop.start() if stop else end
    dates = t.doc.in_range("dates", marker.end(), limit)
    if dates and not t.doc.text[marker.end():dates[0].start].strip():
        return []  # "agreements on Tuesday, March 4": a date, not topics
    # the list ends where the signing's date or parties follow it ("on trade and energy on 11 March",
    # "về thương mại và năng lượng giữa Ghana và Nigeria")
    parties = t.data.between_re.search(t.doc.text, marker.end(), limit)
    limit = min([limit, *(d.start for d in dates[:1]), *([parties.start()] if parties else [])])
    topics = []
    for item_start, item_end in split_items(t.doc.text, marker.end(), limit, t.data.coordination):
        item = t.doc.text[item_start:item_end]
        if len(item.split()) > _TOPIC_WORDS or country_of_place(t.ctx.lexicon, item):
            return []  # "the agreement in Suva, Fiji": a place, not topics
        topics.append((item, item_end))
    return topics if len(topics) >= 2 else []


_BUILDERS: dict[str, Callable[[_Trigger], list[Event]]] = {
    "VISIT": _visit,
    "MEET": _meet,
    "ATTEND": _attend,
    "INVITE": _two_sided("INVITE"),
    "PROPOSE": _two_sided("PROPOSE"),
    "COMMIT": _two_sided("COMMIT"),
    "CONGRATULATE": _two_sided("CONGRATULATE"),
    "ACCEPT": _accept,
    "ESTABLISH_RELATIONS": _establish,
    "SIGN": _sign,
}


# --- sentence-wide patterns -------------------------------------------------------------


def _history_items(doc: Document, sent: Span, participants: list[_Participant]) -> list[tuple[_Participant, Span]]:
    """Persons each followed by a date in parentheses: "Tổng thống A (7/1998), B (11/2006)"."""
    items = []
    for p in participants:
        if p.kind != "person":
            continue
        date = next((s for s in doc.in_range("dates", p.end, sent.end) if _in_parentheses(doc, s)), None)
        if date is None or any(q.kind == "person" and p.end <= q.start < date.start for q in participants):
            continue
        items.append((p, date))
    return items if len(items) >= 2 else []


def _add_history_list(doc: Document, sent: Span, items: list[tuple[_Participant, Span]],
                      participants: list[_Participant], ctx: _Context, data: _EventData) -> None:
    """"các chuyến thăm Việt Nam của Tổng thống A (7/1998), B (11/2006)...": one VISIT per item."""
    anchor = anchor_of(doc)
    for person, date_span in items:
        date = resolve(date_span.value, anchor)
        visits = [m for m in data.trigger_re.finditer(doc.text, sent.start, person.start)
                  if data.kind(m.group()) == "VISIT"]
        destination = None
        if visits:
            last = visits[-1]
            destination = next((p.country for p in participants
                                if p.kind == "country" and last.end() <= p.start < person.start), None)
        origin = ctx.side(person)
        if destination == origin:
            destination = None
        destination = destination or ctx.other(origin)
        if not origin or not destination:
            continue
        title_start = next((m.start for m in doc.in_range("mentions", sent.start, sent.end) if m.end == person.end),
                           person.start)
        evidence = (title_start, date_span.end + 1)
        names = _names(person)
        _add(ctx, Event("VISIT", [origin, destination], date, "reported", evidence, names))
        if data.multilateral_re.search(doc.text, person.end, date_span.start):
            _add(ctx, Event("ATTEND", [origin], date, "reported", evidence, names))


def _add_anniversaries(doc: Document, sent: Span, ctx: _Context, data: _EventData) -> None:
    """"kỷ niệm 40 năm thiết lập quan hệ ngoại giao" in 2015 → relations established in 1975."""
    actors = ctx.joint()
    if len(actors) < 2:
        return
    anchor = anchor_of(doc)
    dated = [s.value for s in doc.in_range("dates", sent.start, sent.end)]
    for match in (m for p in data.anniversary_res for m in p.finditer(doc.text, sent.start, sent.end)):
        if _other_relationship(doc, match.end(), min(sent.end, match.end() + _QUALIFIER_WINDOW), actors):
            continue  # "kỷ niệm 50 năm quan hệ ASEAN-Australia": not the two countries' own relations
        years = int(match.group("n"))
        span_of = next((v for v in dated if v.year and v.end_year and v.end_year - v.year == years), None) or next(
            (v for v in dated if v.year and v.month and any(  # "4/8/1973 ... 4/8/2023": two dates a span apart
                w.year and w.year - v.year == years and (w.month, w.day) == (v.month, v.day) for w in dated)), None)
        stated = next((v.year for v in dated if v.year and v.month is None and v.end_year is None), None)
        date = None
        if match.groupdict().get("approx") is None:
            if span_of is not None:  # "(1975-2025)", "(4/8/1973 – 4/8/2023)": its start, as written
                date = (resolve(span_of, anchor) or f"{span_of.year:04d}").split("/")[0]
            elif stated is not None and anchor.year is not None and abs(stated + years - anchor.year) <= 1:
                date = f"{stated:04d}"  # "the 50th anniversary of relations, established in 1974" (in 2023 or 2024)
            elif stated is not None:
                date = f"{stated - years:04d}"
            elif anchor.year is not None:  # "hướng tới kỷ niệm 35 năm", "heading towards the 35th": next year's
                ahead = data.ahead_re.search(doc.text, max(sent.start, match.start() - _AHEAD_WINDOW), match.start())
                date = f"{anchor.year + (1 if ahead else 0) - years:04d}"
        start, end = _clause(doc, sent, match.start(), data)
        _add(ctx, Event("ESTABLISH_RELATIONS", actors, date, "reported", (start, end),
                               object=doc.text[match.start():match.end()],
                               framework=_framework(data, doc.text[match.start():min(sent.end, match.end() + _QUALIFIER_WINDOW)])))


_STANDING_FRAMEWORKS = frozenset({"diplomatic_relations", "strategic_partnership", "comprehensive_partnership",
                                  "comprehensive_strategic_partnership", "special_relationship"})
"""Levels a framework "since" a date stands at; a bare "partner since 2010" may be a trading partner."""


def _add_standing_frameworks(doc: Document, sent: Span, ctx: _Context, data: _EventData) -> None:
    """A framework said to stand since a date was established then: "là Đối tác toàn diện từ năm 2007",
    "have had diplomatic relations since 1836" (FACTS.md: ESTABLISH_RELATIONS, told as background)."""
    actors = ctx.joint()
    if len(actors) < 2:
        return
    anchor = anchor_of(doc)
    for found in data.frameworks_re.finditer(doc.text, sent.start, sent.end):
        framework = data.frameworks[fold(found.group())]
        since = data.standing_since_re.match(doc.text, found.end())
        if framework not in _STANDING_FRAMEWORKS or since is None:
            continue
        date = next((s for s in doc.in_range("dates", found.end(), sent.end) if s.start <= since.end()), None)
        resolved = _relations_date(date, anchor) if date is not None else None
        start, end = _clause(doc, sent, found.start(), data)
        if resolved is None or any(c not in actors for c in countries_in(doc, start, found.start())):
            continue  # "có quan hệ ngoại giao với Lào từ năm 1962": another country's relations
        status = "reported" if ctx.narrative_date and resolved[:4] < ctx.narrative_date[:4] else "happened"
        _add(ctx, Event("ESTABLISH_RELATIONS", actors, resolved, status, (start, end),
                        object=doc.text[found.start():date.end], framework=framework))


def _other_relationship(doc: Document, start: int, limit: int, actors: list[str]) -> bool:
    """Whether the words right after "relations" name another relationship: an organisation or a third country."""
    stop = re.search(r"[,.;:()]", doc.text[start:limit])
    end = start + stop.start() if stop else limit
    return bool(doc.in_range("orgs", start, end)) or any(c not in actors for c in countries_in(doc, start, end))


def _add_agreement_steps(doc: Document, sent: Span, participants: list[_Participant], ctx: _Context,
                         data: _EventData) -> None:
    """Agreements give events: each signed at the article's event is a SIGN; each proposed
    by one side is that side's PROPOSE (FACTS.md: a proposal covering two agreements is two),
    and each of a list both sides commit to sign is a COMMIT (one agreement is the
    commitment the sentence's own trigger already states)."""
    proposed = [a for a in _agreements_in(doc, sent) if a.status == "proposed"]
    steps = [e for e in ctx.events if e.type in ("PROPOSE", "COMMIT") and sent.start <= e.evidence[0] < sent.end]
    for agreement in _agreements_in(doc, sent):
        stated = next((e for e in steps if e.evidence[0] <= agreement.evidence[0] < e.evidence[1]), None)
        if agreement.status == "signed" and agreement.date is not None:
            actors = [c for c in ctx.joint() if c in agreement.parties] or agreement.parties
            persons = _names(*(p for p in participants if p.kind == "person"))
            _add(ctx, Event("SIGN", list(actors), agreement.date, "happened", agreement.evidence,
                                   persons, object=agreement.scope))
        elif agreement.status == "proposed" and stated is not None:
            # a proposal or commitment of the sentence already states it as its step ("urged early conclusion of
            # the CEPA negotiations"): that event is about the agreement, named as the agreement is
            stated.object = agreement.scope or stated.object
        elif agreement.status == "proposed":
            proposer = _proposer(doc, sent, agreement, participants, ctx, data)
            if proposer is None:  # both sides: a joint commitment to this agreement (FACTS.md: COMMIT)
                if len(ctx.joint()) == 2 and len(proposed) > 1:
                    _add(ctx, Event("COMMIT", ctx.joint(), agreement.date or ctx.narrative_date, "happened",
                                    agreement.evidence, object=agreement.scope))
                continue
            actors = [proposer.country or ctx.home or "", ctx.other(proposer.country or ctx.home) or ""]
            if all(actors) and actors[0] != actors[1]:
                _add(ctx, Event("PROPOSE", actors, agreement.date or ctx.narrative_date, "happened",
                                       agreement.evidence, _names(proposer), object=agreement.scope))


def _agreements_in(doc: Document, sent: Span) -> Iterator[Agreement]:
    for agreement in doc.layer("facts.agreements"):
        if sent.start <= agreement.evidence[0] < sent.end:
            yield agreement


def _proposer(doc: Document, sent: Span, agreement: Agreement, participants: list[_Participant],
              ctx: _Context, data: _EventData) -> _Participant | None:
    """The single side that raises a proposed agreement; None when both sides do (a joint step)."""
    before = [p for p in participants if p.start < agreement.evidence[0] and not _is_object(doc, p, data)]
    if not before:
        return ctx.subject
    subject = before[-1]
    following = next((p for p in participants if p.start > subject.start), None)
    both = (subject.kind == "country" and following is not None and following.kind == "country"
            and following.country != subject.country and data.pair_joiner_re.fullmatch(doc.text, subject.end, following.start))
    return None if subject.kind == "joint" or both else subject  # "Vietnam and Kenya need to soon sign ..." is both


# --- one event per occurrence ----------------------------------------------------------


def _interval(date: str) -> tuple[str, str]:
    first, _, last = date.partition("/")
    last = last or first
    return first, last + "\uffff"  # "2025-05" covers every day of May


_GATHERING_DAYS = 3
"""Days a summit with its related meetings lasts: one side attending on days this close attends one gathering."""


def _one_attendance(old: Event, new: Event) -> bool:
    """"sang New York dự Đại hội đồng (10/3) ... gặp ... bên lề Đại hội đồng (11/3)": one side's attendance told twice."""
    if new.type != "ATTEND" or not (old.date and new.date and len(old.date) == len(new.date) == len("2025-03-10")):
        return False
    return abs((date.fromisoformat(old.date) - date.fromisoformat(new.date)).days) <= _GATHERING_DAYS


def _same_dates(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    (a0, a1), (b0, b1) = _interval(a), _interval(b)
    return (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)


def _content_words(text: str | None, function_words: frozenset[str]) -> set[str]:
    return {w for w in fold(text or "").split() if (len(w) > 2 or w.isdigit()) and w not in function_words}


def _same_step(a: Event, b: Event, function_words: frozenset[str], headline: bool = False) -> bool:
    """Two mentions of a proposal or commitment state the same step when their words mostly agree.

    One shared word is not enough unless it is all both say: "cooperation" (a
    framework agreement's scope) is not "measures to enhance cooperation". A
    ``headline`` sums the body up: all its words among the body's are the same
    step ("Japan pledges aid" over "pledged $500 million in aid to the Philippines").
    """
    if a.evidence == b.evidence:
        return True
    wa, wb = _content_words(a.object, function_words), _content_words(b.object, function_words)
    if headline and wa and wa <= wb:
        return True
    shared = wa & wb
    return bool(wa and wb) and len(shared) / min(len(wa), len(wb)) >= _SAME_STEP and (len(shared) > 1 or wa == wb)


_TOLD_ONCE = frozenset({"CONGRATULATE", "INVITE"})
"""Speech acts a headline tells as the body does, one act between the same sides, whatever words each uses."""
ONE_SIDED = frozenset({"ATTEND"})
"""Event types with one actor (FACTS.md): a side attending a gathering; every other type has two."""


def _add(ctx: _Context, new: Event, *, stated: bool = False, refers_back: bool = False) -> None:
    """Merge ``new`` into an event reporting the same occurrence, or add it.

    The mention that states the date is the evidence kept, and a headline's
    gives way to the body's: the body is where the article states the fact
    ("PM holds talks with German Chancellor" heads "... the two leaders held
    talks"). A mention that refers back ("Tại cuộc hội đàm") only adds to talks
    already read, unless there are none. An event whose sides are not known
    (a signing the sentence tells without naming the countries) is none.
    """
    if len(set(new.actors)) < (1 if new.type in ONE_SIDED else 2):
        return
    for old in ctx.events:
        if old.type != new.type:
            continue
        # a joint step stated twice is one commitment whichever side each mention names first
        same_sides = set(old.actors) == set(new.actors) if new.type in UNORDERED | {"COMMIT"} else old.actors == new.actors
        headline = old.evidence[0] < ctx.headline_end <= new.evidence[0]
        if headline and new.type in _TOLD_ONCE and set(old.actors) == set(new.actors) and not old.persons \
                and not ctx.sides_named_in_headline:
            same_sides = True  # "Chủ tịch nước chúc mừng": the headline names no side; who congratulates whom, the body says
        told_undated = _headline_told_undated(ctx, old, new)
        if not same_sides or not (_same_dates(old.date, new.date) or _one_attendance(old, new) or told_undated):
            continue
        if not refers_back and not _same_occurrence(old, new, _event_data(ctx.lexicon), ctx.person_named, ctx.home, headline):
            continue
        if headline and new.type in _TOLD_ONCE:
            old.actors = list(new.actors)
        if told_undated and (new.date or "")[:7] != (old.date or "")[:7]:
            old.date, old.status = new.date, new.status  # the body moves it to another month, done or to come
        elif told_undated or _more_precise(new, old):
            old.date = new.date
        if old.evidence[0] < ctx.headline_end <= new.evidence[0]:
            old.evidence = new.evidence
            ctx.dated.discard(id(old))
        if stated and id(old) not in ctx.dated:
            old.evidence = new.evidence
            ctx.dated.add(id(old))
        old.persons = list(dict.fromkeys(old.persons + new.persons))
        old.counterpart_office = old.counterpart_office or new.counterpart_office
        old.place = old.place or new.place
        return
    ctx.events.append(new)
    if stated:
        ctx.dated.add(id(new))


def _headline_told_undated(ctx: _Context, old: Event, new: Event) -> bool:
    """Whether ``old`` is the headline's telling, its date only the article's, of what ``new`` first tells in the
    body with its date ("Thủ tướng thăm Lào" over "... thăm chính thức Lào vào cuối tháng 2"). A later body
    mention of the same sides is another occurrence (a visit recalled from years before)."""
    if id(old) in ctx.dated or not old.evidence[0] < ctx.headline_end <= new.evidence[0] or new.date is None:
        return False
    return not any(e is not old and e.type == new.type and set(e.actors) == set(new.actors) for e in ctx.events)


def _unnamed_batch(event: Event, data: _EventData) -> bool:
    """Whether a signing names only a number of documents ("eight agreements", "các văn kiện"), none by name."""
    return bool(event.object and data.document_batch_re.match(event.object))


def _more_precise(new: Event, old: Event) -> bool:
    """Whether ``new`` dates the occurrence better: a day inside a stated range names the day
    of talks ("on Friday", during a visit "from April 12 to 15"), while a trip keeps its whole range."""
    if new.date is None:
        return False
    if old.date is None:
        return True
    if new.type in ("VISIT", "ATTEND"):
        return len(new.date) > len(old.date)
    return width(new.date) < width(old.date)


def _by_side(persons: list[str], who: Callable[[str], Person | None]) -> dict[str | None, set[str]]:
    grouped: dict[str | None, set[str]] = {}
    for name in persons:
        person = who(name)
        grouped.setdefault(person.country if person else None, set()).add(name)
    return grouped


def _met_side(event: Event, who: Callable[[str], Person | None]) -> str | None:
    """The side of the one met, where the event names them: its person holding the counterpart's office."""
    return next((p.country for p in map(who, event.persons) if p is not None and p.office == event.counterpart_office), None)


def _same_occurrence(old: Event, new: Event, data: _EventData, who: Callable[[str], Person | None],
                     home: str | None, headline: bool = False) -> bool:
    if new.type == "SIGN" and _unnamed_batch(old, data) and _unnamed_batch(new, data):
        return True  # "signing a series of agreements", "the signing of eight agreements": one ceremony told twice
    if headline and new.type in _TOLD_ONCE:
        return True  # "Điện mừng Quốc khánh Indonesia" heads the body's congratulations, however worded
    # an invitation accepted by the same side is one acceptance however its inviter is worded
    if new.type in (SPEECH_ACTS - {"ACCEPT"}) | {"SIGN"} and not _same_step(old, new, data.function_words, headline):
        return False
    # each side's people: one mention may name only the host, another only the guest ("Tô Lâm hội kiến Chủ tịch
    # Thượng viện Ai Cập" over "... hội kiến ... Abdel-Razek"); two named on one side are two meetings
    old_by, new_by = _by_side(old.persons, who), _by_side(new.persons, who)
    for side in old_by.keys() & new_by.keys():
        if not (old_by[side] <= new_by[side] or new_by[side] <= old_by[side]):
            return False
    same_person_met = any(old_by[side] == new_by[side] for side in old_by.keys() & new_by.keys() if side not in (None, home))
    if old.counterpart_office and new.counterpart_office and old.counterpart_office != new.counterpart_office \
            and not same_person_met:
        # two offices are two people met, unless the one met is named in both (two titles of one person) or the two
        # mentions meet from either side ("hội kiến Thủ tướng Senegal" and "vui mừng đón Chủ tịch Quốc hội")
        old_met, new_met = _met_side(old, who), _met_side(new, who)
        if not (old_met and new_met and old_met != new_met):
            return False
    # one establishment told at two precisions ("2025-10" in a title, "2025-10-29" in the text) is one; two levels are two
    return not (new.type == "ESTABLISH_RELATIONS" and old.framework and new.framework and old.framework != new.framework)
