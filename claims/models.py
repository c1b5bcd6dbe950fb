"""The data model: one pydantic model per table, the single source of truth.

The SQLite tables (``store.ensure_db_shape``), the JSON Schema files in ``schema/``
(``scripts/write_schema.py``) and the column descriptions in ``metadata.yml`` are all
derived from the models below; ``tests/test_models.py`` fails when any of them drifts.

Every model that is a table says so with three class variables:
``__table__`` (its name), ``__pk__`` (its primary key column) and ``__fks__``
(column -> (other table, other column)). A fourth, ``__generated__`` (column -> SQL expression),
names the fields SQLite computes itself (virtual generated columns): they are documented like
any other column and read back, never written.
"""
from __future__ import annotations

import enum
import json
import types
import typing
from datetime import date, datetime
from typing import Any, ClassVar, Optional

from pydantic import BaseModel, ConfigDict, Field


class Kind(str, enum.Enum):
    """How the claim is attributed (the vocabulary of the evaluation export)."""

    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"
    according_to = "according_to"
    declined = "declined"
    reporter = "reporter"


class SourceType(str, enum.Enum):
    official = "official"
    spokesperson = "spokesperson"
    expert = "expert"
    individual = "individual"
    group = "group"
    organization = "organization"
    document = "document"
    media = "media"
    reporter = "reporter"
    unknown = "unknown"


class Anonymity(str, enum.Enum):
    named = "named"
    identifiable = "identifiable"
    described = "described"
    vague = "vague"
    bare = "bare"


class Stance(str, enum.Enum):
    neutral = "neutral"
    endorsing = "endorsing"
    distancing = "distancing"
    denial = "denial"
    refusal = "refusal"
    hedged = "hedged"


class Act(str, enum.Enum):
    """What a claim attributes to its source (from the cue lexicon, claims/data/cues.yml)."""

    statement = "statement"
    belief = "belief"
    intention = "intention"
    evaluation = "evaluation"
    finding = "finding"
    refusal = "refusal"


class Channel(str, enum.Enum):
    told_this_outlet = "told_this_outlet"
    told_other_outlet = "told_other_outlet"
    told_other = "told_other"
    statement = "statement"
    readout = "readout"
    social_post = "social_post"
    document = "document"
    public = "public"
    unknown = "unknown"


class RegionRole(str, enum.Enum):
    header = "header"
    title = "title"
    byline = "byline"
    dateline = "dateline"
    caption = "caption"
    label = "label"
    body = "body"
    bullet = "bullet"
    furniture = "furniture"


class _Row(BaseModel):
    model_config = ConfigDict(use_enum_values=True, extra="forbid")

    __table__: ClassVar[str] = ""
    __pk__: ClassVar[str | tuple[str, ...]] = "id"  # a tuple for a compound primary key
    __fks__: ClassVar[dict[str, tuple[str, str]]] = {}
    __generated__: ClassVar[dict[str, str]] = {}
    __doc_table__: ClassVar[str] = ""

    def row(self) -> dict[str, Any]:
        """This model as a database row: lists and dicts become JSON text, booleans integers; generated
        columns are left out (SQLite computes them)."""
        out: dict[str, Any] = {}
        for name, value in self.model_dump(mode="json", exclude=set(self.__generated__)).items():
            if isinstance(value, (list, dict)):
                value = json.dumps(value, ensure_ascii=False, sort_keys=True)
            elif isinstance(value, bool):
                value = int(value)
            out[name] = value
        return out


class Article(_Row):
    """One version of a news article as it was read, with its metadata."""

    __table__ = "articles"
    __pk__ = "id"
    __fks__ = {"run": ("runs", "id")}

    id: str = Field(description="Article id: for a file, its name without the extension; for a batch row, its id or url")
    path: Optional[str] = Field(None, description="Where the article was read from (file path, or batch file and row)")
    sha256: str = Field(description="SHA-256 of the stored text; every claim anchor is tied to it")
    version: int = Field(1, description="Version number of this article id; a changed text gets the next one")
    title: Optional[str] = Field(None, description="Headline")
    outlet: Optional[str] = Field(None, description="The news organization that wrote the story (for wire copy: the agency)")
    publisher: Optional[str] = Field(None, description="The site that published this copy, when it is not the outlet (syndication)")
    byline: Optional[str] = Field(None, description="Author(s) as credited, normalised to 'First Last'")
    published: Optional[str] = Field(None, description="Publication date, ISO 8601 (YYYY-MM-DD)")
    url: Optional[str] = Field(None, description="Canonical URL, when known")
    section: Optional[str] = Field(None, description="Section or desk of the site, as printed (e.g. 'World')")
    dateline: Optional[str] = Field(None, description="Place line the story was filed from (e.g. 'WASHINGTON')")
    language: Optional[str] = Field("en", description="Language code of the text")
    format: str = Field("text", description="Input format the text was extracted from: text, html or batch")
    text: str = Field(description="The article text exactly as stored; all offsets point into it (code points)")
    words: int = Field(0, description="Number of words in the body (the part that yields claims)")
    encoding_note: Optional[str] = Field(None, description="How the bytes were decoded when they were not plain UTF-8")
    ingested_at: str = Field(description="When this version was read (UTC, ISO 8601)")
    run: Optional[int] = Field(None, description="The build run that stored this version")


class Region(_Row):
    """A stretch of an article's text with the role the ingest gave it (body, title, furniture ...)."""

    __table__ = "regions"
    __pk__ = "id"
    __fks__ = {"article": ("articles", "id")}

    id: str = Field(description="Region id: article id, ':r', and its position")
    article: str = Field(description="The article this region belongs to")
    role: RegionRole = Field(description="What the ingest took this stretch to be; only body, bullet, label-led and title regions yield claims")
    start: int = Field(description="Start offset in the article text (code points)")
    end: int = Field(description="End offset in the article text (code points, exclusive)")
    text: str = Field(description="The region's text, as it stands in the article")
    reason: Optional[str] = Field(None, description="Why the ingest gave this role (the rule that fired)")


class SourceMention(_Row):
    """A source as it is mentioned in one article, with what the text tells about it."""

    __table__ = "sources"
    __pk__ = "id"
    __fks__ = {"article": ("articles", "id"), "entity": ("entities", "id"), "antecedent": ("sources", "id")}

    id: str = Field(description="Mention id: article id, ':s', and its start offset")
    article: str = Field(description="The article the mention stands in")
    text: str = Field(description="The mention as it stands in the text ('two senior Israeli officials', 'he')")
    start: int = Field(description="Start offset of the mention in the article text")
    end: int = Field(description="End offset of the mention in the article text")
    source_type: SourceType = Field(description="Type of the source the mention stands for, as an entity of the article (every mention of a person has the type of the fullest description): official, spokesperson, expert, individual, group, organization, document, media, reporter or unknown")
    anonymity: Optional[Anonymity] = Field(None, description="Anonymity of the source the mention stands for ('he' for a named person is named): named, identifiable (one role, no name), described (affiliation or rank), vague (knowledge basis only) or bare; null for the reporter ('I' outside a quotation)")
    count: Optional[int] = Field(None, description="How many people the mention stands for, when the text says ('two' -> 2, 'an official' -> 1)")
    affiliation: Optional[str] = Field(None, description="Country or institution the source belongs to, normalised ('Israeli' -> 'Israel')")
    role: Optional[str] = Field(None, description="Role or title as given ('spokesman', 'national security adviser')")
    seniority: Optional[str] = Field(None, description="Rank words in the mention ('senior', 'top')")
    status: Optional[str] = Field(None, description="'former' when the source no longer holds the role, else null")
    knowledge_basis: Optional[str] = Field(None, description="How the source knows ('familiar with the meeting', 'involved in the talks', 'briefed on ...')")
    anonymity_reason: Optional[str] = Field(None, description="The article's stated reason for granting anonymity, when it gives one")
    anonymity_reason_start: Optional[int] = Field(None, description="Start offset of the anonymity reason in the article text")
    name: Optional[str] = Field(None, description="Resolved name of the person or organization, when the mention or what it refers to names one")
    is_pronoun: bool = Field(False, description="True when the mention is a pronoun or an anaphoric phrase resolved from context")
    antecedent: Optional[str] = Field(None, description="The earlier mention this one refers back to ('Price' -> 'State Department spokesman Ned Price')")
    form: Optional[str] = Field(None, description="How the mention names its source: pronoun, surname, honorific ('Mr. Obama'), title ('Sen. Graham'), first (first name alone), name (in full), role (a back-reference to a named person: 'the senator') or description")
    described_as: Optional[str] = Field(None, description="For a person: the fullest description the article gives of them anywhere ('Republican presidential candidate', 'president of the American Action Forum'), which source_type, role and affiliation come from")
    described_in: Optional[str] = Field(None, description="When the article names the person without saying what they are: the other article whose description gives the type (the type most articles that describe the same entity give), else null")
    gender: Optional[str] = Field(None, description="For a person: 'm' or 'f' when the article tells (honorific, describing word, pronouns tied to them, first name), else null; pronouns agree with it")
    entity: Optional[str] = Field(None, description="Canonical entity across articles, when the source resolves to one")


class Claim(_Row):
    """One attributed claim (or, for kind 'reporter', one unattributed sentence of the article)."""

    __table__ = "claims"
    __pk__ = "id"
    __fks__ = {"article": ("articles", "id"), "source_id": ("sources", "id"), "parent": ("claims", "id"), "run": ("runs", "id"),
               "cluster": ("clusters", "id")}
    # One sortable value for "by article, then position": Datasette sorts a table by one column.
    __generated__ = {"reading_order": "article || ' ' || printf('%010d', start)"}

    id: str = Field(description="Stable claim id, derived from the article id and the claim's anchor")
    article: str = Field(description="The article the claim stands in")
    content: str = Field(description="What is claimed, exactly as it stands in the article text")
    start: int = Field(description="Start offset of the content in the article text (code points)")
    end: int = Field(description="End offset of the content in the article text (code points, exclusive)")
    kind: Kind = Field(description="direct, indirect, mixed, according_to, declined or reporter")
    cue: Optional[str] = Field(None, description="The attribution cue as it stands ('said', 'tell me', 'according to'); '' for a quote continuing an earlier speaker")
    cue_start: Optional[int] = Field(None, description="Start offset of the cue in the article text")
    source: Optional[str] = Field(None, description="The source mention as it stands in the text; null for reporter claims")
    source_id: Optional[str] = Field(None, description="The source mention row")
    source_name: Optional[str] = Field(None, description="Resolved name of the source when it is a named person or organization")
    source_type: Optional[SourceType] = Field(None, description="Type of the source (copied from the mention for faceting)")
    anonymity: Optional[Anonymity] = Field(None, description="Anonymity of the source (copied from the mention for faceting)")
    parent: Optional[str] = Field(None, description="The claim that relays this one (nested attribution: 'an Israeli official told me the U.S. side said ...'), else null")
    inherited: bool = Field(False, description="True when the source comes from context (a continuing quote, a bullet under an attributed lead), not a cue in the same sentence")
    act: Optional[Act] = Field(None, description="What is attributed: a statement (speech), a belief, an intention, an evaluation (praise, blame, a stance for or against), a finding of a document, poll or court, or a refusal to comment; null for reporter claims")
    stance: Optional[Stance] = Field(None, description="What the cue signals: neutral, endorsing, distancing, denial, refusal or hedged")
    polarity: str = Field("positive", description="'negative' for denials and negated attributions, else 'positive'")
    channel: Optional[Channel] = Field(None, description="How the source's words reached the reporter: told this outlet, another outlet, statement, readout, social post ...")
    recipient: Optional[str] = Field(None, description="Whom the source told ('me', 'Axios', 'the Times'), never part of the content")
    paragraph: int = Field(description="Index of the paragraph (region) the claim stands in")
    sentence: int = Field(description="Index of the sentence within the article's extracted text")
    rule: str = Field(description="The extraction rule that produced the claim ('verb:tail', 'prep:according', ...); "
                                  "'learned:' and a relation for a claim the learned cue gate made where no rule did")
    note: Optional[str] = Field(None, description="Diagnostics: why the extractor degraded (unbalanced quote marks ...)")
    run: Optional[int] = Field(None, description="The build run that produced the claim")
    prefix: Optional[str] = Field(None, description="W3C TextQuoteSelector prefix: up to 32 characters of the article text before the content")
    suffix: Optional[str] = Field(None, description="W3C TextQuoteSelector suffix: up to 32 characters of the article text after the content")
    sha256: Optional[str] = Field(None, description="SHA-256 of the article text version that start, end, prefix and suffix point into")
    article_version: Optional[int] = Field(None, description="Version of the article the anchor points into (see article_versions)")
    anchor: Optional[str] = Field(None, description="How the claim was anchored: extracted, position, exact, fuzzy (re-anchored in a new version) or orphaned")
    anchor_score: Optional[float] = Field(None, description="Score of the re-anchoring (100 for extracted, position and exact; rapidfuzz-weighted for fuzzy)")
    status: str = Field("current", description="current, superseded (text still there, no longer extracted), orphaned (text gone from the latest version) or rejected (a correction says it is not a claim)")
    cluster: Optional[str] = Field(None, description="The cluster of the same claim across articles (see clusters), null when it stands alone")
    reading_order: Optional[str] = Field(None, json_schema_extra={"readOnly": True}, description="The article id, a space and the start offset in ten digits (computed by SQLite): sorting by it lists the claims article by article, in the order they stand in the text")


class Entity(_Row):
    """A canonical person or organization that source mentions resolve to."""

    __table__ = "entities"
    __pk__ = "id"

    id: str = Field(description="Entity id (a slug of the canonical name)")
    name: str = Field(description="Canonical name ('Ned Price')")
    kind: str = Field(description="person or organization")
    aliases: list[str] = Field(default_factory=list, description="Other surface names seen for the entity (JSON list)")
    titles: list[str] = Field(default_factory=list, description="Titles and roles seen with the entity (JSON list)")
    mentions: int = Field(0, description="Number of source mentions resolved to it")


class Run(_Row):
    """One build: what ran, on what, and what it produced."""

    __table__ = "runs"
    __pk__ = "id"

    id: int = Field(description="Run number")
    version: str = Field(description="Version of the claims software")
    model: str = Field(description="spaCy pipeline name and version used for parsing")
    config: dict[str, Any] = Field(default_factory=dict, description="Build configuration (JSON)")
    inputs: list[dict[str, Any]] = Field(default_factory=list, description="Inputs read, each with its path and sha256 (JSON)")
    started: str = Field(description="Start time (UTC, ISO 8601)")
    ended: Optional[str] = Field(None, description="End time (UTC, ISO 8601)")
    articles: int = Field(0, description="Articles stored or re-extracted in this run")
    unchanged: int = Field(0, description="Articles skipped because an identical version was already stored")
    claims: int = Field(0, description="Claims written in this run")
    skipped: int = Field(0, description="Inputs that could not be read")


class Problem(_Row):
    """An input that could not be read, with the reason, per run."""

    __table__ = "problems"
    __pk__ = "id"
    __fks__ = {"run": ("runs", "id")}

    id: str = Field(description="Run number and input position")
    run: int = Field(description="The run that met the problem")
    path: str = Field(description="The input (file, or batch file and row)")
    problem: str = Field(description="What was wrong, in one line")
    error: str = Field(description="Error class")



class ArticleVersion(_Row):
    """An earlier version of an article, kept when a re-read article's text changed (articles holds the latest)."""

    __table__ = "article_versions"
    __pk__ = "id"
    __fks__ = {"article": ("articles", "id"), "run": ("runs", "id")}

    id: str = Field(description="Article id, '@v', and the version number")
    article: str = Field(description="The article this is a version of")
    version: int = Field(description="Version number (1 is the first text read)")
    sha256: str = Field(description="SHA-256 of this version's text; orphaned claims' anchors point into it")
    title: Optional[str] = Field(None, description="Headline of this version")
    text: str = Field(description="The text of this version exactly as it was stored")
    ingested_at: str = Field(description="When this version was read (UTC, ISO 8601)")
    run: Optional[int] = Field(None, description="The build run that stored this version")


class EntityLink(_Row):
    """One resolution decision: a source mention joined to an entity, with the score and rule that joined it."""

    __table__ = "entity_links"
    __pk__ = "id"
    __fks__ = {"mention": ("sources", "id"), "entity": ("entities", "id")}

    id: str = Field(description="The mention id (one decision per mention)")
    mention: str = Field(description="The source mention that was resolved")
    entity: str = Field(description="The entity it was resolved to")
    name: str = Field(description="The name of the mention that was compared (after in-article resolution)")
    score: float = Field(description="Similarity of the mention's name to the entity's canonical name (0-100)")
    threshold: Optional[float] = Field(None, description="The score a fuzzy match needed to be accepted")
    method: str = Field(description="exact, fuzzy, surname (a surname alone matching one full name), in_article (a surname resolved to a full name of the same article), surname_of_person (a one-word name typed as an organization that is the surname of one person the collection names in full, in many more articles), antecedent or correction")
    scorer: Optional[str] = Field(None, description="The rapidfuzz scorer and normalization used")
    block: Optional[str] = Field(None, description="The blocking key the candidates shared")


class Cluster(_Row):
    """The same claim across articles: syndicated copies and other outlets reporting it."""

    __table__ = "clusters"
    __pk__ = "id"

    id: str = Field(description="Cluster id: 'k:' and the id of its first appearance")
    first_claim: str = Field(description="The claim in the earliest published article (first appearance)")
    first_article: str = Field(description="The earliest published article carrying the claim")
    first_published: Optional[str] = Field(None, description="Publication date of the first appearance")
    claims: int = Field(description="Number of claims in the cluster")
    articles: int = Field(description="Number of distinct articles carrying it")
    outlets: int = Field(description="Number of distinct outlets (news organizations) carrying it")
    publishers: int = Field(description="Number of distinct sites carrying it (outlet, or publisher for syndicated copies)")
    attributions: list[dict[str, Any]] = Field(default_factory=list, description="How each article attributes it: claim, article, outlet, publisher, published, source, anonymity, cue (JSON)")


class ClaimLink(_Row):
    """One scored pair of claims of different articles (linked, or similar below the threshold), with scorer, score and threshold."""

    __table__ = "claim_links"
    __pk__ = "id"
    __fks__ = {"claim": ("claims", "id"), "other": ("claims", "id"), "cluster": ("clusters", "id")}

    id: str = Field(description="The two claim ids joined by '|', in sorted order")
    claim: str = Field(description="One claim")
    other: str = Field(description="The claim it matched")
    cluster: Optional[str] = Field(None, description="The cluster both joined; null for a pair below the threshold")
    score: float = Field(description="How surely the two are the same claim, 0-100 (claims.match.score)")
    threshold: float = Field(description="The score the method needed")
    scorer: str = Field(description="The scorer used")
    method: str = Field(description="syndication (same outlet's copy on another site), same_claim (another outlet), or below_threshold (similar, not linked)")
    block: Optional[str] = Field(None, description="A blocking key the two claims shared (a rare token)")


class Correction(_Row):
    """A fact-checker's correction from the corrections file, as applied (or not) in the latest build."""

    __table__ = "corrections"
    __pk__ = "id"
    __fks__ = {"claim": ("claims", "id")}

    id: str = Field(description="Position of the correction in the file, ':', and the corrected field")
    claim: Optional[str] = Field(None, description="The claim it was applied to, null when no claim matched")
    key: str = Field(description="The claim id the correction was written for")
    exact: Optional[str] = Field(None, description="The TextQuoteSelector exact text the correction was written for")
    field: str = Field(description="The corrected field (source, source_name, source_type, anonymity, kind, entity) or 'not_a_claim'")
    value: Optional[str] = Field(None, description="The corrected value")
    previous: Optional[str] = Field(None, description="The extracted value it replaced")
    matched_by: Optional[str] = Field(None, description="id (same claim id and text), quote (found by its TextQuoteSelector) or null")
    status: str = Field(description="applied or unmatched")
    author: Optional[str] = Field(None, description="Who made the correction, as written in the file")
    note: Optional[str] = Field(None, description="The corrector's note")
    file: str = Field(description="The corrections file it came from")


class Review(_Row):
    """A fact-checker's verdict on a claim, from the corrections file, as applied (or not) in the latest build."""

    __table__ = "reviews"
    __pk__ = "id"
    __fks__ = {"claim": ("claims", "id")}

    id: str = Field(description="'review', the position of the review in the corrections file")
    claim: Optional[str] = Field(None, description="The reviewed claim, null when no claim matched")
    key: str = Field(description="The claim id the review was written for")
    exact: Optional[str] = Field(None, description="The TextQuoteSelector exact text the review was written for")
    rating: str = Field(description="The verdict in the team's own words, one rating of its scale ('Mostly false')")
    rating_value: int = Field(description="The rating's place on the scale, worst = 1 (schema.org ratingValue)")
    best_rating: int = Field(description="The best rating's value: the number of ratings on the scale (bestRating)")
    worst_rating: int = Field(1, description="The worst rating's value (worstRating)")
    scale: str = Field(description="The name of the rating scale")
    url: Optional[str] = Field(None, description="Where the fact-check is published")
    organization: str = Field(description="The reviewing organization (the ClaimReview's author)")
    author: Optional[str] = Field(None, description="The person who reviewed the claim")
    date: Optional[str] = Field(None, description="When the review was published, ISO 8601 (YYYY-MM-DD)")
    note: Optional[str] = Field(None, description="The reviewer's note")
    matched_by: Optional[str] = Field(None, description="id (same claim id and text), quote (found by its TextQuoteSelector) or null")
    status: str = Field(description="applied or unmatched")
    file: str = Field(description="The corrections file it came from")


# ---------------------------------------------------------------- summary tables
# Derived from the tables above by ``store.ensure_db_shape`` after every build (``store.SUMMARIES`` holds the
# SQL of each): deleted and filled again, so they always match the claims. The canned queries that aggregate
# over every claim read these instead of scanning a million claims per request. Never written by hand.


class SummaryAnonymity(_Row):
    """Summary (rebuilt after every build): attributed claims per outlet, month of publication and anonymity of the source."""

    __table__ = "summary_anonymity"
    __pk__ = "id"

    id: int = Field(description="Row number, in order of month, outlet and anonymity")
    outlet: Optional[str] = Field(None, description="The article's outlet")
    month: Optional[str] = Field(None, description="Month of publication (YYYY-MM), null when the date is unknown")
    anonymity: Optional[Anonymity] = Field(None, description="Anonymity of the source (null when the claim has none)")
    claims: int = Field(description="Attributed claims (every kind but 'reporter') of this outlet, month and anonymity")


class SummarySource(_Row):
    """Summary (rebuilt after every build): each source with the number of claims, articles and outlets citing it (canned query most_cited_sources)."""

    __table__ = "summary_sources"
    __pk__ = "id"

    id: int = Field(description="Rank: row number in order of claims (descending), articles (descending) and source")
    source: str = Field(description="Resolved name of the source, else the mention as written; named sources are grouped case-insensitively across articles, unnamed ones within their article")
    source_type: Optional[SourceType] = Field(None, description="Type of the source (the first in alphabetical order when its claims disagree)")
    anonymity: Optional[Anonymity] = Field(None, description="Anonymity of the source (the first in alphabetical order when its claims disagree)")
    claims: int = Field(description="Attributed claims resting on the source")
    articles: int = Field(description="Distinct articles citing it")
    outlets: int = Field(description="Distinct outlets citing it")
    outlet_names: Optional[str] = Field(None, description="Those outlets, comma-separated")


class SummaryRefusal(_Row):
    """Summary (rebuilt after every build): sources that declined to comment, with their refusals (canned query declined_by_organization)."""

    __table__ = "summary_refusals"
    __pk__ = "id"

    id: int = Field(description="Row number in order of refusals (descending) and organization")
    organization: Optional[str] = Field(None, description="Resolved name of the source, else the mention as written (named ones grouped case-insensitively across articles, unnamed ones within their article)")
    refusals: int = Field(description="Claims of kind 'declined' or with stance 'refusal'")
    articles: int = Field(description="Distinct articles with such a refusal")
    outlets: Optional[str] = Field(None, description="Outlets of those articles, comma-separated")
    declined: Optional[str] = Field(None, description="Each refusal's cue and content, separated by ' | '")


class SummaryRelay(_Row):
    """Summary (rebuilt after every build): each claim that reaches the reporter through another source, with its chain of relays (canned query relay_chains)."""

    __table__ = "summary_relays"
    __pk__ = "id"

    id: str = Field(description="The relayed claim")
    article: str = Field(description="Its article")
    top: str = Field(description="The outermost claim of the chain (the one the reporter heard)")
    depth: int = Field(description="How many relays separate the claim from the reporter (1 = relayed once)")
    relayed_by: str = Field(description="The sources the claim's words went through, in the order they travelled, ending with the reporter ('an Israeli official → the reporter'), as on the claim page")
    start: int = Field(description="Start offset of the claim in the article text")


class SummaryChanged(_Row):
    """Summary (rebuilt after every build): the claims whose article changed since they were extracted (canned query changed_since_extraction)."""

    __table__ = "summary_changed"
    __pk__ = "id"

    id: str = Field(description="The claim: re-anchored in a new version of its article, orphaned, or anchored in an older version")
    article: str = Field(description="Its article")
    start: int = Field(description="Start offset of the claim in the article text")


class SummarySourceName(_Row):
    """Summary (rebuilt after every build): every distinct source of an attributed claim, as written or as resolved, for the fuzzy source search (canned query claims_by_source_fuzzy)."""

    __table__ = "summary_source_names"
    __pk__ = "id"

    id: int = Field(description="Row number, in order of name")
    name: str = Field(description="A value of claims.source or claims.source_name (attributed claims only)")
    norm: str = Field(description="Its distinct words as fuzz_token_set compares them (rapidfuzz default_process: lower case, alphanumeric), sorted, joined by spaces")
    norm_len: int = Field(description="Length of norm; a name sharing no word with the search can only reach a score of 100 * (1 - |len1 - len2| / (len1 + len2))")
    as_source: int = Field(description="Attributed claims whose source, as written, is this name")
    as_resolved: int = Field(description="Attributed claims whose resolved name (source_name) is this name")


class SummarySourceWord(_Row):
    """Summary (rebuilt after every build): which source names contain which word, to find the names sharing a word with a fuzzy source search."""

    __table__ = "summary_source_words"
    __pk__ = ("word", "name_id")

    word: str = Field(description="A word of the name, as in summary_source_names.norm")
    name_id: int = Field(description="The name (summary_source_names.id)")


SUMMARY_MODELS: list[type[_Row]] = [SummaryAnonymity, SummarySource, SummaryRefusal, SummaryRelay, SummaryChanged,
                                    SummarySourceName, SummarySourceWord]

TABLE_MODELS: list[type[_Row]] = [Article, Region, SourceMention, Claim, Entity, Run, Problem,
                                   ArticleVersion, EntityLink, Cluster, ClaimLink, Correction,
                                   Review] + SUMMARY_MODELS


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(inner type, nullable) for Optional[X] / X | None."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return (args[0] if len(args) == 1 else str), True
    return annotation, False


def column_type(annotation: Any) -> type:
    """The sqlite-utils column type for a model field's annotation."""
    inner, _ = _unwrap(annotation)
    if isinstance(inner, type):
        if issubclass(inner, bool):
            return int
        if issubclass(inner, enum.Enum):
            return str
        if issubclass(inner, (int,)):
            return int
        if issubclass(inner, float):
            return float
        if issubclass(inner, (str, date, datetime)):
            return str
    return str  # lists, dicts (JSON text) and anything else


def table_columns(model: type[_Row]) -> dict[str, type]:
    """The columns a table is created with and written to (not the generated ones)."""
    return {name: column_type(f.annotation) for name, f in model.model_fields.items() if name not in model.__generated__}


def generated_columns(model: type[_Row]) -> dict[str, str]:
    """Virtual generated columns: name -> its SQL definition after the name."""
    sql_type = {int: "integer", float: "real", str: "text"}
    return {name: f"{sql_type[column_type(model.model_fields[name].annotation)]} generated always as ({expr}) virtual"
            for name, expr in model.__generated__.items()}


def not_null_columns(model: type[_Row]) -> set[str]:
    return {name for name, f in model.model_fields.items() if not _unwrap(f.annotation)[1] and name not in model.__generated__}


def column_descriptions(model: type[_Row]) -> dict[str, str]:
    return {name: (f.description or "") for name, f in model.model_fields.items()}


def table_description(model: type[_Row]) -> str:
    return " ".join((model.__doc__ or "").split())
