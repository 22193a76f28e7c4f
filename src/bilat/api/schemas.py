"""The shapes of the API's requests and responses, exactly as ``bilat.store.query`` returns them.

Every response model forbids extra fields, so ``/openapi.json`` states each
field the store returns and nothing else (``additionalProperties: false``): a
field added to a store record must be added here too, or the API answers 500
and ``tests/api`` fail. The code lists are FACTS.md's, spelled out so that
clients (and ``mypy``) see them; ``tests/api/test_openapi.py`` checks that they
match ``bilat.extract.facts``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

EventType = Literal[
    "VISIT", "MEET", "ATTEND", "INVITE", "ACCEPT", "PROPOSE",
    "SIGN", "COMMIT", "CONGRATULATE", "ESTABLISH_RELATIONS",
]
EventStatus = Literal["happened", "planned", "reported"]
Framework = Literal[
    "diplomatic_relations", "partnership", "comprehensive_partnership", "strategic_partnership",
    "comprehensive_strategic_partnership", "special_relationship", "other",
]
Office = Literal[
    "head_of_state", "vice_head_of_state", "head_of_government",
    "deputy_head_of_government", "head_of_legislature", "deputy_head_of_legislature",
    "chief_justice", "party_leader", "foreign_minister", "deputy_foreign_minister",
    "minister", "deputy_minister", "ambassador", "other",
]
AgreementKind = Literal[
    "VISA_EXEMPTION", "INVESTMENT_PROTECTION", "DOUBLE_TAXATION", "TRADE", "MOU", "COOPERATION", "OTHER",
]
AgreementStatus = Literal["proposed", "negotiating", "signed", "in_force"]
MechanismKind = Literal["POLITICAL_CONSULTATION", "JOINT_COMMITTEE", "STRATEGIC_DIALOGUE", "OTHER"]
Indicator = Literal["bilateral_trade", "exports", "imports", "fdi_stock", "fdi_projects", "other"]
ReaderLanguage = Literal["vi", "en"]
"""The languages of the interface (``report.labels.READER_LANGUAGES``)."""

CountryCode = Annotated[str, Field(description="ISO 3166-1 alpha-2 code, e.g. `VN`.")]
IsoDate = Annotated[str, Field(
    description="ISO 8601 at the stated precision (`2023`, `2023-11-17`) or an interval `start/end`.",
)]
Offsets = Annotated[tuple[int, int], Field(
    description="`[start, end]`: `text[start:end]` of the article is the evidence.",
)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorDetail(Model):
    """Why a request failed."""

    detail: str


class ValidationIssue(BaseModel):
    """One reason a request is malformed (FastAPI's validation error item)."""

    model_config = ConfigDict(extra="allow")
    loc: list[str | int]
    msg: str
    type: str


class Unprocessable(Model):
    """A malformed request (a list of issues), or an article bilat cannot read (one sentence)."""

    detail: str | list[ValidationIssue]


# Sources: where a resolved fact is stated.


class Source(Model):
    """One story stating the fact: its first article (id, name, date), the evidence span and the sentence it covers."""

    article: str
    name: str
    title: str | None
    outlet: str | None = Field(description="The outlet that published the article (from its URL's host).")
    url: str | None = Field(description="The web address the article was published at; null for a local file.")
    lang: str = Field(description="The language of the article, and so of `quote`.")
    published: str | None
    evidence: Offsets
    quote: str
    also: list[str] = Field(description="Other articles of the same story (a wire report syndicated with small "
                            "edits) that state it too, the first few of them: one story is one source.")
    also_count: int = Field(description="How many other articles of the story state it (`also` lists the first few).")


SOURCES_TOTAL = Field(description="How many sources (stories) state it in all: `sources` lists the earliest few and "
                      "the latest; `GET /api/facts/{id}/sources` pages through every one.")


class Citation(Model):
    """The article and evidence span of one observation (no quote: the fact's own sources quote it)."""

    article: str
    evidence: Offsets


# Facts as one article states them (the facts contract, FACTS.md), without their evidence.


class StatedPerson(Model):
    name: str
    country: CountryCode | None
    office: Office | None
    title: str | None
    aliases: list[str]


class StatedEvent(Model):
    type: EventType
    actors: list[CountryCode]
    date: IsoDate | None
    status: EventStatus
    persons: list[str]
    place: str | None
    occasion: str | None
    object: str | None
    counterpart_office: Office | None
    framework: Framework | None = None
    """For ESTABLISH_RELATIONS: the level established or reached (absent from facts stored before it was read)."""


class StatedAgreement(Model):
    kind: AgreementKind
    scope: str | None
    parties: list[CountryCode]
    status: AgreementStatus
    date: IsoDate | None


class StatedMechanism(Model):
    kind: MechanismKind
    level: Office | None
    parties: list[CountryCode]
    name: str | None


class StatedMembership(Model):
    org: str
    countries: list[CountryCode]


class StatedFigure(Model):
    indicator: Indicator
    parties: list[CountryCode]
    period: IsoDate | None
    value: float
    unit: str
    approx: bool



# The record of a relationship (``store.relation``).


class Country(Model):
    code: CountryCode
    name: str


class OfficeSeen(Model):
    """A person seen holding an office at a date: the observation, not an inferred term."""

    office: Office | None
    title: str | None
    lang: str = Field(description="The language of the article that shows it, and so of `title`.")
    date: IsoDate | None
    fact: str = Field(description="The stored fact that shows it (`ARTICLE:persons:POSITION`).")
    source: Citation


Names = Annotated[dict[str, str], Field(
    description="The name as the articles in each language (`vi`, `en`...) give it: the fullest form they state.",
)]


class PersonColumns(StatedPerson):
    """A person merged across articles: the fields of the contract, merged."""

    id: str
    name: str = Field(description="The fullest form seen, in articles of any language (or of the language asked "
                      "for, where they name the person); the same name with and without tone marks counts as one, "
                      "shown with its marks.")
    names: Names
    office: Office | None = Field(description="The office of the latest observation.")


class RelationPerson(PersonColumns):
    offices: list[OfficeSeen] = Field(description="Of the sightings of each office under each title in each "
                                      "language, the first and the last dated one (the undated one if none is dated).")
    sightings: int = Field(description="How many times the articles show the person in an office.")


LinkRule = Literal["first_visit_after", "same_article", "first_visit_after_article", "same_agreement", "agreement_reached"]
_RULE = ("Which rule made the link: the first such visit after the invitation (or after the article stating it, "
         "when undated), a visit reported in the same article, the signing of the proposed agreement, or the "
         "agreement reaching a status.")


class EventLink(Model):
    target: str = Field(description="The event (or agreement) that fulfils this one.")
    reason: str = Field(description="The link told in English, with its dates.")
    rule: LinkRule = Field(description=_RULE)


CounterpartBasis = Literal["same_sentence", "same_article", "office_holder", "trip"]
"""The rules that infer a counterpart (``resolve.counterparts.BASES``)."""


class Counterpart(Model):
    """Whom a meeting's side that names no person met as (``resolve.counterparts``)."""

    country: CountryCode
    office: Office | None = Field(description="The office of the side met, as stated, or the one the inferred person held.")
    person_id: str | None = Field(description="The person, when known: stated nowhere in the event, so `inferred`.")
    name: str | None = Field(description="The person's name (in the language asked for, where its articles name them).")
    inferred: bool = Field(description="True when the person is not named by the event's statements but inferred.")
    basis: CounterpartBasis | None = Field(description="How the person was inferred: the meeting's sentence gives "
                                           "their full name, its article shows them in the office then, another "
                                           "article does, or they made the visit the meeting is part of.")
    fact: str | None = Field(description="The persons fact that shows the person in that office or on that trip.")
    source: Citation | None = Field(description="Where that fact is stated: the article that says who held the office.")


class EventColumns(Model):
    """An event's own fields, as both a relation record and ``/api/facts`` give them."""

    id: str
    type: EventType
    actors: list[CountryCode]
    date: IsoDate | None
    sort_date: str | None = Field(description="The first day `date` can mean (`YYYY-MM-DD`), for ordering.")
    status: EventStatus
    place: str | None
    occasion: str | None
    object: str | None
    counterpart_office: Office | None
    agreement_id: str | None
    sources: list[Source]
    sources_total: int = SOURCES_TOTAL
    framework: Framework | None = Field(description="For ESTABLISH_RELATIONS: the level established or reached.")
    upgrade: bool | None = Field(description="For ESTABLISH_RELATIONS: true when a partnership was reached (an "
                                 "upgrade), false when diplomatic relations were established.")
    background: bool | None = Field(description="True when every article stating it recalls it (as background, or "
                                    "dated well before the article): history, not what the articles report.")
    trip_id: str | None = Field(description="The visit whose trip it is part of (a visit's own id for the visit): "
                                "the meetings, signings and statements within its days, between the same countries.")
    counterpart: Counterpart | None = Field(description="For a meeting one of whose sides names no person: whom "
                                            "that side met as, a person (inferred) or the office alone.")


class RelationEvent(EventColumns):
    persons: list[str] = Field(description="Names, in order of first mention.")
    person_ids: list[str] = Field(description="The ids of the persons named who resolved to a person.")
    links: list[EventLink]
    fulfilled_by: list[str] = Field(description="Events of this record that fulfil this one.")
    fulfils: list[str] = Field(description="Earlier events this one fulfils.")
    parts: list[str] = Field(description="For a visit: the events of its trip (meetings, signings, statements "
                             "within its days), in timeline order.")


class AgreementStatusSeen(Model):
    status: AgreementStatus
    date: IsoDate | None = Field(description="The date the article gives for that status.")
    as_of: IsoDate | None = Field(description="The article's own date: the status held then at the latest.")
    source: Citation


class AgreementColumns(StatedAgreement):
    id: str
    status: AgreementStatus = Field(description="The status of the latest statement.")
    sources: list[Source]
    sources_total: int = SOURCES_TOTAL


class RelationAgreement(AgreementColumns):
    history: list[AgreementStatusSeen]


class RelationMechanism(StatedMechanism):
    id: str
    name: str | None = Field(description="The longest name stated, in articles of any language (or of the "
                             "language asked for, where they name it).")
    names: Names
    sources: list[Source]
    sources_total: int = SOURCES_TOTAL


class RelationMembership(StatedMembership):
    org: str = Field(description="A code (`APEC`, `ASEAN`...) or the name as written.")
    sources: list[Source]


class RelationFigure(StatedFigure):
    id: str
    sources: list[Source]
    sources_total: int = SOURCES_TOTAL


class FrameworkReached(Model):
    """A framework the relationship reached, with the first event that reached it."""

    framework: Framework
    date: IsoDate | None
    event: str
    upgrade: bool | None = Field(description="A partnership reached, not diplomatic relations established.")


class GlanceItem(Model):
    """An event a glance names: what is planned next, or an open item."""

    event: str
    type: EventType
    actors: list[CountryCode]
    date: IsoDate | None
    object: str | None = Field(description="What it promises, ending on a whole phrase (the quote has the clause).")
    agreement_id: str | None
    age_days: int | None = Field(description="Days from its date (else its first article's) to the glance's `as_of`.")
    quote: str | None = Field(description="The sentence of its first source, in that article's language.")
    article: str | None = Field(description="The article of that source.")


class LastContact(Model):
    """The latest high-level visit or meeting (leaders and ministers): the trip it is part of, if any."""

    event: str
    type: EventType
    date: IsoDate | None
    actors: list[CountryCode]
    persons: list[str]
    counterpart: Counterpart | None


class LatestTrade(Model):
    id: str
    period: IsoDate | None
    value: float
    unit: str
    approx: bool


class SourceCounts(Model):
    articles: int
    languages: dict[str, int]


class Glance(Model):
    """The record at a glance (``resolve.glance``): what a bilateral note opens with."""

    as_of: str | None = Field(description="The latest date of the record's articles (`YYYY-MM-DD`): ages count to it.")
    framework: FrameworkReached | None = Field(description="The current framework: the highest reached.")
    last_contact: LastContact | None
    next: list[GlanceItem] = Field(description="Accepted invitations nothing fulfilled yet, announced visits not made.")
    open: list[GlanceItem] = Field(description="The open items that are concrete (a document, mechanism, visit, "
                                   "amount, organisation or date), with their age.")
    trade: LatestTrade | None = Field(description="The bilateral trade figure of the latest period.")
    sources: SourceCounts


class Relation(Model):
    """Everything the store knows about two countries' relationship, each fact with its sources."""

    countries: list[Country]
    articles: int
    languages: dict[str, int] = Field(description="How many of the articles are in each language.")
    persons: list[RelationPerson]
    events: list[RelationEvent]
    open: list[str] = Field(description="Invitations, acceptances, proposals and commitments nothing fulfilled yet.")
    agreements: list[RelationAgreement]
    mechanisms: list[RelationMechanism]
    memberships: list[RelationMembership]
    figures: list[RelationFigure]
    frameworks: list[FrameworkReached] = Field(description="The framework's history, lowest (earliest) first.")
    glance: Glance


class PairSummary(Model):
    """A pair of countries the store holds shared facts about, and how many of each."""

    countries: list[CountryCode]
    events: int
    agreements: int
    mechanisms: int
    figures: int
    articles: int


class Page(Model):
    total: int = Field(description="How many items there are in all.")
    limit: int
    offset: int


class RelationsPage(Page):
    items: list[PairSummary]


# One resolved fact (``store.entity``), told apart by its ``entity`` field.


class FactLink(Model):
    source: str = Field(description="The invitation, proposal or acceptance.")
    target: str = Field(description="The later event that fulfils it, or the agreement a proposal led to.")
    reason: str = Field(description="The link told in English, with its dates.")
    rule: LinkRule = Field(description=_RULE)


class EventFact(EventColumns):
    entity: Literal["event"]
    persons: list[str] = Field(description="Person ids; names that resolved to no person stay names.")
    links: list[FactLink]


class AgreementFact(AgreementColumns):
    entity: Literal["agreement"]


class MechanismFact(RelationMechanism):
    entity: Literal["mechanism"]


class FigureFact(RelationFigure):
    entity: Literal["figure"]


class MembershipFact(Model):
    entity: Literal["membership"]
    id: str
    org: str
    country: CountryCode
    sources: list[Source]
    sources_total: int = SOURCES_TOTAL


class PersonFact(PersonColumns):
    entity: Literal["person"]
    sources: list[Source]
    sources_total: int = SOURCES_TOTAL


Fact = Annotated[
    EventFact | AgreementFact | MechanismFact | FigureFact | MembershipFact | PersonFact,
    Field(discriminator="entity"),
]
"""A resolved fact; ``entity`` says which kind."""


class SourcesPage(Page):
    items: list[Source]


# Articles (``store.articles``, ``store.article``): the observed layer, facts as extracted.


class ArticleSummary(Model):
    id: str = Field(description="The first 16 hex digits of the SHA-256 of the text.")
    name: str = Field(description="The document id of the facts contract (a file's stem, or the name posted).")
    source: str | None
    url: str | None = Field(description="The web address it was published at (`source` when that is one), to cite it.")
    outlet: str | None = Field(description="The outlet that published it, named from the URL's host.")
    title: str | None
    published: IsoDate | None
    lang: str
    withdrawn: bool = Field(description="Every place it was read from is gone (its file deleted or rewritten): "
                                        "kept, but out of the merged record.")


class ArticlesPage(Page):
    items: list[ArticleSummary]
    next: str | None = Field(description="Give it as `after` for the next page (null on the last page).")


class _Statement(Model):
    id: str = Field(description="`ARTICLE:SECTION:POSITION`.")
    evidence: Offsets


class PersonStatement(_Statement):
    section: Literal["persons"]
    data: StatedPerson


class EventStatement(_Statement):
    section: Literal["events"]
    data: StatedEvent


class AgreementStatement(_Statement):
    section: Literal["agreements"]
    data: StatedAgreement


class MechanismStatement(_Statement):
    section: Literal["mechanisms"]
    data: StatedMechanism


class MembershipStatement(_Statement):
    section: Literal["memberships"]
    data: StatedMembership


class FigureStatement(_Statement):
    section: Literal["figures"]
    data: StatedFigure


Statement = Annotated[
    PersonStatement | EventStatement | AgreementStatement | MechanismStatement | MembershipStatement | FigureStatement,
    Field(discriminator="section"),
]
"""One fact as one article states it: a record of the facts contract (FACTS.md) without its evidence, beside it."""


class Copy(Model):
    """One place the article's text was read from."""

    source: str = Field(description="A URL, a file path, or `FILE:LINE` for a line of a JSON Lines dump.")
    name: str
    withdrawn: bool = Field(description="The watched file it was read from was deleted, or now holds another text.")


class Article(ArticleSummary):
    """A stored article: its full text, which every evidence span indexes, and the facts read from it."""

    text: str
    facts: list[Statement]
    copies: list[Copy] = Field(description="Every place this same text was read from (exact duplicates are stored once).")
    story: list[ArticleSummary] = Field(description="The other articles of its story: near-duplicates of it.")


# Writing.


TEXT_MAX = 1_000_000
"""Characters of a posted article: a hundred times a long news article."""


class NewArticle(Model):
    """An article to read and store: its text as a `.txt` file would hold it, header block allowed."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "text": "Ngày 17/11/2023, Chủ tịch nước Võ Văn Thưởng hội kiến Tổng thống Peru Dina Boluarte"
                " bên lề Hội nghị cấp cao APEC tại San Francisco.",
        "name": "apec-2023",
        "source": "https://example.org/apec-2023",
    }]})

    text: str = Field(
        min_length=1, max_length=TEXT_MAX, pattern=r"^[^\x00]*$",
        description="The article (UTF-8, no NUL); `text[start:end]` of each evidence span indexes it as sent.",
    )
    name: str | None = Field(
        default=None, min_length=1, max_length=255,
        description="A name for it (the facts contract's document id); default: its id.",
    )
    source: str | None = Field(
        default=None, min_length=1, max_length=2048,
        description="Where it came from (a URL); default: the header's `source:` line.",
    )


class StoredArticle(Model):
    id: str = Field(description="The article's id: `GET /api/articles/{id}` reads it.")
    stored: bool = Field(description="False when the same text was already stored.")
    story: str = Field(description="The story it belongs to: its own id, or that of the stored article it nearly "
                       "duplicates (the same report syndicated with small edits).")
    facts: int = Field(description="How many facts were extracted from it.")


# Search (``store.search``).


SearchKind = Literal["article", "fact", "person"]
"""What a hit is: an article, a sentence of one stating facts, or a person of the record."""


class SearchHit(Model):
    """One thing found, with the passage it was found in and the pages that show it."""

    kind: SearchKind
    id: str = Field(description="The article's id, the first fact the sentence states (`ARTICLE:SECTION:POSITION`), "
                    "or the person's id.")
    title: str | None = Field(description="The article's title (its name when it has none), or the person's name.")
    snippet: str = Field(description="The passage found: the article's, the sentence, or the person's names and titles.")
    marks: list[tuple[int, int]] = Field(description="`[start, end]` of each word found, as offsets into `snippet`.")
    lang: str | None = Field(description="The language of the article the passage is from.")
    date: IsoDate | None = Field(description="The article's date, the date its facts give, or when the person was "
                                 "last seen in office.")
    pair: list[CountryCode] | None = Field(description="The relationship it is mostly about.")
    article: str | None = Field(description="The article it is read from.")
    evidence: Offsets | None = Field(description="For a sentence: its span in the article's text.")
    facts: list[Statement] = Field(description="For a sentence: the facts it states, as the article's facts are given.")
    entities: list[str] = Field(description="For a sentence: the merged facts of the record it is a source of "
                                "(`GET /api/facts/{id}`).")
    link: str = Field(description="The web page showing it: the article, the article at the sentence, the person's record.")
    relation: str | None = Field(description="The web page of its relationship's record, at the fact or person.")


class SearchCounts(Model):
    """How many hits there are of each kind (of the pair asked for, whatever the kind asked for)."""

    article: int
    fact: int
    person: int


class SearchResults(Model):
    query: str
    terms: list[str] = Field(description="The words looked for: folded (no case, no tone marks, `đ` as `d`).")
    counts: SearchCounts
    limit: int
    items: list[SearchHit] = Field(description="The best hits first: those holding the words as the phrase typed, "
                                   "then those holding them apart.")


# Alerts (``store.alert_list``): what changed in the records of the followed pairs.

AlertKind = Literal["fulfilled", "contact", "signing", "aging"]


class AlertEvidence(Model):
    """The fact that is the alert's evidence: its article, the span, the sentence."""

    article: str
    fact: str = Field(description="`ARTICLE:SECTION:POSITION`.")
    evidence: Offsets
    quote: str


class AlertTexts(Model):
    """The alert's line in each language of the interface."""

    en: str
    vi: str


class Alert(Model):
    id: int = Field(description="In the order alerts were raised.")
    kind: AlertKind = Field(description="`fulfilled`: an invitation, acceptance or proposal got its fulfilment; "
                            "`contact`: a high-level visit or meeting; `signing`: a signing; `aging`: an invitation, "
                            "acceptance or proposal open past the age the pair is followed with.")
    pair: str = Field(description="`A-B`, the codes in alphabetical order.", examples=["PE-VN"])
    anchor: str = Field(description="The first fact stating the entity alerted (`ARTICLE:SECTION:POSITION`): what the "
                        "alert is known by, as a fact's id never changes.")
    entities: list[str] = Field(description="The entities' ids when the alert was raised: the event (or the item, "
                                "then what fulfilled it).")
    entity: str | None = Field(description="The id the record gives the alerted entity now (`GET /api/facts/{id}`); "
                               "null once the articles stating it were forgotten.")
    details: dict[str, Any] = Field(description="What the alert says, as data: `event`, or `item` and `by` "
                                    "(types, countries, dates, persons' names), and for `aging` its `age_days` and `limit`.")
    evidence: AlertEvidence | None
    raised_at: str = Field(description="When it was raised (RFC 3339).")
    text: AlertTexts


class AlertsPage(Page):
    items: list[Alert]
