"""Sources: describe each source mention and resolve it inside its article.

For every mention: source_type, anonymity, count, affiliation, role, seniority, status,
knowledge basis; then coreference inside the article (pronouns, surnames, anaphoric phrases
such as "the officials" or "one of the officials" take the name, type and anonymity of what
they refer to) and the reason the article gives for anonymity ("spoke on condition of
anonymity because ..."), linked to the anonymous mention it explains.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from heapq import heappop, heappush
from itertools import accumulate
from typing import Optional

from spacy.tokens import Doc, Span

from .attribution import RE_AGENT_NOUN, Cand, _tok_end, _tok_start, act_of
from .lexicon import STANCE
from .models import Article, Claim, SourceMention

NUMBER_WORDS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "both": 2, "another": 1, "single": 1}
SPOKES = {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokespersons", "spokesmen", "spokeswomen",
          "press secretary", "representative", "representatives", "lawyer", "lawyers", "attorney", "attorneys",
          "publicist", "press officer", "press office", "communications director", "mouthpiece"}
OFFICIAL = {"official", "officials", "minister", "ministers", "president", "prime minister", "premier", "secretary",
            "adviser", "advisers", "advisor", "advisors", "ambassador", "ambassadors", "envoy", "envoys", "aide",
            "aides", "diplomat", "diplomats", "chief", "director", "lawmaker", "lawmakers", "legislator",
            "legislators", "senator", "senators", "congressman", "congresswoman", "governor", "mayor", "chancellor",
            "king", "queen", "leader", "leaders", "commander", "general", "officer", "officers", "administrator",
            "commissioner", "chairman", "chairwoman", "chair", "deputy", "undersecretary", "prosecutor",
            "prosecutors", "judge", "justice", "negotiator", "negotiators", "councilman", "councilwoman", "mp",
            "mps", "head", "counselor", "staffer", "staffers", "regulator", "regulators", "sheriff", "ceo",
            "executive", "executives", "investigators", "authorities", "delegate", "delegates", "speaker", "whip",
            "strategist", "operative", "commissioners", "premier", "monarch", "emir", "sultan", "pope",
            "defense minister", "foreign minister", "secretary of state", "national security adviser",
            "attorney general", "attorneys general", "solicitor general", "district attorney", "state's attorney",
            "u.s. attorney", "inspector general", "surgeon general", "postmaster general",
            # ranks and offices, and the abbreviations newspapers put before names
            "colonel", "lieutenant", "sergeant", "admiral", "superintendent", "inspector", "detective",
            "alderman", "councillor", "councilor", "trooper", "constable", "marshal", "coroner", "treasurer",
            "gov.", "gov", "lt. gov.", "sen.", "sen", "rep.", "gen.", "lt.", "col.", "maj.", "sgt.", "capt.", "cmdr.",
            "adm.", "amb.", "supt.", "insp.", "det.", "ald.", "cllr", "pres.", "sec.", "atty.", "atty",
            "founder", "co-founder", "cofounder", "founders", "co-founders", "councilmember", "councilmembers",
            "council member", "council members", "assemblyman", "assemblywoman", "assemblymember", "selectman",
            "supervisor", "supervisors", "trustee", "trustees", "alderperson", "alderwoman", "state senator"}
EXPERT = {"expert", "experts", "analyst", "analysts", "professor", "professors", "researcher", "researchers",
          "scientist", "scientists", "economist", "economists", "scholar", "scholars", "fellow", "historian",
          "historians", "lecturer", "specialist", "specialists", "consultant", "consultants", "epidemiologist",
          "doctor", "doctors", "physician", "physicians", "academic", "academics", "observer", "observers",
          "dr", "dr.", "author", "pollster", "pollsters", "forecaster", "forecasters", "engineer", "engineers"}
INDIVIDUAL = {"resident", "witness", "witnesses", "voter", "parent", "student", "worker", "customer", "patient",
              "victim", "neighbor", "neighbour", "man", "woman", "person", "user", "farmer", "owner", "shopper",
              "passenger", "fan", "teacher", "nurse", "mother", "father", "son", "daughter", "wife", "husband",
              "friend", "survivor", "driver", "employee", "tenant", "child", "veteran"}
GROUP = {"side", "critics", "supporters", "protesters", "protestors", "opponents", "activists", "demonstrators",
         "residents", "voters", "families", "members", "community", "campaigners", "advocates", "allies",
         "hardliners", "people", "workers", "parents", "students", "citizens", "villagers", "locals", "fans",
         "employees", "customers", "patients", "victims", "neighbors", "witnesses", "those", "others", "many",
         "some", "insiders", "sources", "source", "democrats", "republicans", "conservatives", "liberals",
         "progressives", "camp", "coalition", "rebels", "militants", "troops", "soldiers", "unions", "groups"}
ORG = {"department", "ministry", "administration", "government", "office", "agency", "company", "firm",
       "commission", "council", "committee", "police", "army", "military", "party", "campaign", "union",
       "university", "embassy", "bank", "foundation", "institute", "organization", "organisation", "group",
       "team", "court", "cabinet", "kremlin", "pentagon", "house", "parliament", "congress", "senate",
       "regime", "authority", "service", "corporation", "inc", "ltd", "board", "bureau", "center", "centre",
       "network", "association", "federation", "alliance", "club", "league", "navy", "force", "forces",
       "secretariat", "presidency", "mission", "delegation", "hospital", "school", "church", "charity", "ngo",
       "operator", "manufacturer", "maker", "giant", "startup", "retailer", "carrier", "airline", "lab",
       "laboratory", "station", "statehouse", "junta", "state", "states", "country", "nation", "capital"}
DOCUMENT = {"readout", "statement", "report", "letter", "filing", "study", "survey", "poll", "polls", "memo",
            "document", "documents", "data", "analysis", "ruling", "order", "complaint", "lawsuit", "indictment",
            "transcript", "record", "records", "release", "email", "emails", "tweet", "post", "video", "footage",
            "figures", "estimate", "estimates", "census", "assessment", "review", "audit", "findings", "research",
            "reports", "studies", "surveys", "projections", "statistics", "numbers", "notice", "announcement",
            "decree", "resolution", "bill", "law", "guidance", "plan", "proposal", "message", "messages",
            "communique", "communiqué", "summary", "minutes", "affidavit", "testimony", "model", "models",
            "papers", "files", "cables", "notes", "logs", "correspondence", "documentation", "filings",
            "tally", "count", "calculation", "calculations", "tabulation", "filings", "papers", "database", "registry",
            "forecast", "forecasts", "budget", "documents", "file", "files", "logs", "log", "paperwork", "dossier"}
# Words that end a company's name ('Helix Pharma', 'Vantor Industries'): the name is an organization's.
ORG_DESIGNATORS = {"inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "llc", "plc", "ag", "sa", "gmbh", "nv",
                   "group", "holdings", "industries", "pharma", "pharmaceuticals", "motors", "airlines", "airways",
                   "systems", "technologies", "labs", "partners", "capital", "energy", "bank", "foods", "brands",
                   "entertainment", "networks", "communications", "therapeutics", "biosciences", "solutions",
                   "international", "enterprises", "ventures", "logistics", "insurance", "securities", "investments",
                   "resources", "petroleum", "mining", "steel", "chemicals", "electric", "telecom", "software",
                   "robotics", "aerospace", "automotive", "associates", "institute", "foundation", "university",
                   "college", "hospital", "council", "commission", "agency", "ministry", "department", "party"}
FAMILY = {"sister", "brother", "mother", "father", "son", "daughter", "wife", "husband", "uncle", "aunt", "cousin",
          "niece", "nephew", "grandmother", "grandfather", "grandson", "granddaughter", "widow", "widower", "relative",
          "relatives", "sibling", "siblings", "parents", "fiancee", "fiance", "partner", "girlfriend", "boyfriend",
          "neighbour", "neighbor", "colleague", "colleagues", "friend", "friends", "family", "classmate"}
MEDIA = {"newspaper", "outlet", "outlets", "broadcaster", "television", "tv", "radio", "media", "press", "paper",
         "daily", "channel", "magazine", "website", "wire", "tabloid"}
# Media named by what they are rather than by a name or a media noun as head ('the state news agency').
RE_MEDIA_PHRASE = re.compile(r"\b(?:news agency|news service|wire service|news outlet|news site|state media|"
                             r"state television|state tv|state broadcaster|state-run (?:media|television|tv|newspaper))\b", re.I)
MEDIA_NAMES = re.compile(r"\b(?:Times|Post|Journal|Herald|Tribune|Gazette|Guardian|Reuters|Associated Press|AP|AFP|"
                         r"CNN|BBC|NBC|CBS|ABC|Fox News|Axios|Politico|Bloomberg|Xinhua|TASS|IRNA|Al Jazeera|"
                         r"Haaretz|Telegraph|Economist|NPR|Newsweek|Der Spiegel|Le Monde|Yonhap|Kyodo|Interfax|"
                         r"News|Television|Radio|TV)\b")
RANK = {"senior", "top", "high-ranking", "high", "junior", "mid-level", "chief", "deputy", "principal", "leading",
        "ranking", "veteran"}
UNIQUE_ROLES = {"president", "prime minister", "premier", "chancellor", "king", "queen", "pope", "ceo",
                "chief executive", "chairman", "chairwoman", "governor", "mayor", "foreign minister",
                "defense minister", "defence minister", "secretary of state", "leader", "head", "director",
                "founder", "owner", "coach", "spokesperson", "spokesman", "spokeswoman", "chief of staff",
                "national security adviser", "attorney general", "emir", "sultan", "monarch", "commander",
                "secretary-general", "secretary general", "speaker", "finance minister", "interior minister",
                "health minister", "ambassador", "envoy", "chief of the general staff"}
KNOWLEDGE = re.compile(r"\b(?:familiar with|involved in|briefed on|close to|with (?:direct )?knowledge of|"
                       r"aware of|who (?:attended|was present|were present|has seen|have seen|saw|participated|took part)|"
                       r"present at|privy to|knowledgeable about|in the room|informed about|party to)\b.*", re.I)
REASON = re.compile(
    r"(?:on (?:the )?condition of anonymity|requested anonymity|asked not to be (?:named|identified)|"
    r"(?:was|were|is|are) not authori[sz]ed to|insisted on anonymity|declined to be (?:named|identified)|"
    r"(?:speaking|spoke|talked|speak) anonymously|granted anonymity|because (?:of )?the sensitivity|"
    r"for fear of (?:reprisal|retaliation|retribution)|to discuss (?:private|internal|sensitive|confidential)|"
    r"(?:asked|requested) that (?:his|her|their) names? (?:be|not be) (?:withheld|used|published)|"
    r"(?:asked|requested) to remain anonymous|on condition (?:that )?(?:he|she|they) (?:not )?be (?:named|identified)|"
    r"name (?:was|has been|is being) withheld|(?:declined|refused) to give (?:his|her|their) (?:full )?names?)",
    re.I)

DEMONYMS = {
    "israeli": "Israel", "israelis": "Israel", "israel": "Israel", "iranian": "Iran", "iranians": "Iran", "iran": "Iran",
    "american": "United States", "americans": "United States", "u.s.": "United States", "us": "United States",
    "united states": "United States", "washington": "United States", "white house": "United States",
    "state department": "United States", "pentagon": "United States", "u.s": "United States",
    "eu": "European Union", "european union": "European Union", "european": "European Union", "brussels": "European Union",
    "south korean": "South Korea", "south korea": "South Korea", "north korean": "North Korea",
    "north korea": "North Korea", "russian": "Russia", "russia": "Russia", "kremlin": "Russia", "moscow": "Russia",
    "chinese": "China", "china": "China", "beijing": "China", "british": "United Kingdom", "u.k.": "United Kingdom",
    "uk": "United Kingdom", "britain": "United Kingdom", "french": "France", "france": "France", "paris": "France",
    "german": "Germany", "germany": "Germany", "berlin": "Germany", "ukrainian": "Ukraine", "ukraine": "Ukraine",
    "kyiv": "Ukraine", "japanese": "Japan", "japan": "Japan", "tokyo": "Japan", "palestinian": "Palestine",
    "palestinians": "Palestine", "saudi": "Saudi Arabia", "emirati": "United Arab Emirates", "egyptian": "Egypt",
    "turkish": "Turkey", "syrian": "Syria", "iraqi": "Iraq", "afghan": "Afghanistan", "pakistani": "Pakistan",
    "indian": "India", "canadian": "Canada", "mexican": "Mexico", "brazilian": "Brazil", "australian": "Australia",
    "italian": "Italy", "spanish": "Spain", "polish": "Poland", "dutch": "Netherlands", "swedish": "Sweden",
    "qatari": "Qatar", "lebanese": "Lebanon", "jordanian": "Jordan", "un": "United Nations", "u.n.": "United Nations",
    "nato": "NATO", "taiwanese": "Taiwan", "venezuelan": "Venezuela", "cuban": "Cuba", "belarusian": "Belarus",
}
PRONOUN_NUMBER = {"he": "sg_person", "she": "sg_person", "him": "sg_person", "her": "sg_person", "they": "pl",
                  "them": "pl", "it": "sg_thing", "we": "pl", "i": "sg_person"}


@dataclass
class Desc:
    source_type: str
    anonymity: str
    count: Optional[int] = None
    affiliation: Optional[str] = None
    role: Optional[str] = None
    seniority: Optional[str] = None
    status: Optional[str] = None
    knowledge_basis: Optional[str] = None
    name: Optional[str] = None
    plural: bool = False
    head: str = ""
    person_name: Optional[str] = None
    is_pronoun: bool = False


def _words(span: Span) -> list[str]:
    return [t.lower_ for t in span]


_PHRASES: dict[int, tuple[set, list[tuple[str, re.Pattern]]]] = {}


def _multiword(vocab: set[str]) -> list[tuple[str, re.Pattern]]:
    """The vocabulary's multi-word phrases, longest first, each with its word-bounded pattern (cached)."""
    hit = _PHRASES.get(id(vocab))
    if hit is None or hit[0] is not vocab:
        hit = (vocab, [(v, re.compile(rf"\b{re.escape(v)}\b")) for v in sorted(vocab, key=len, reverse=True) if " " in v])
        _PHRASES[id(vocab)] = hit
    return hit[1]


# Trades named by a suffix: the -ologists ('meteorologist', 'epidemiologist', 'criminologist').
EXPERT_SUFFIXES = ("ologist", "ologists")


def _role_words(span: Span) -> list[str]:
    """The span's words outside prepositional objects and possessors ('professor emeritus of nutrition
    at King's College London' -> 'professor emeritus'; 'the State Department's spokesman' -> 'the spokesman')."""
    out = []
    for t in span:
        a, inside = t, False
        while a.i != a.head.i and span.start <= a.i < span.end:
            if a.dep_ in ("pobj", "poss") and a.head.i != a.i:
                inside = True
                break
            a = a.head
        if not inside:
            out.append(t.lower_)
    return out


def _expert_in(words: list[str]) -> Optional[str]:
    """An expert's word: a trade named by its suffix ('meteorologist'), or one of the EXPERT words."""
    return next((w for w in words if w.endswith(EXPERT_SUFFIXES)), None) or _phrase_in(words, EXPERT)


def _phrase_in(words: list[str], vocab: set[str]) -> Optional[str]:
    joined = " ".join(words)
    for v, pat in _multiword(vocab):
        if v in joined and pat.search(joined):
            return v
    for w in words:
        if w in vocab:
            return w
    return None


def _spokes_in(words: list[str]) -> Optional[str]:
    """A spokesperson's word, unless it is part of an office ('attorney general', 'district attorney')."""
    hit = _phrase_in(words, SPOKES)
    if hit is None:
        return None
    office = _phrase_in(words, OFFICIAL)
    return None if office and " " in office and hit in office.split() else hit


_DEMONYM_PATTERNS = [(key, re.compile(rf"(?<![\w.]){re.escape(key)}(?:'s)?(?![\w])"))
                     for key in sorted(DEMONYMS, key=len, reverse=True)]


def affiliation_of(span: Span) -> Optional[str]:
    text = span.text.lower().replace("’", "'")
    for key, pat in _DEMONYM_PATTERNS:
        if key in text and pat.search(text):
            return DEMONYMS[key]
    for ent in span.ents:
        if ent.label_ in ("GPE", "NORP", "ORG") and ent.root.dep_ in ("poss", "compound", "amod", "pobj", "nmod", "nsubj"):
            name = re.sub(r"^(?:the)\s+", "", ent.text, flags=re.I).replace("’s", "").replace("'s", "")
            return DEMONYMS.get(name.lower(), name)
    return None


def describe(span: Span) -> Desc:
    """What a source mention says about its source, from its own words."""
    words = _words(span)
    root = span.root
    if root.lower_ in ("one", "some", "many", "several", "most", "all", "both", "each", "two", "three", "none", "few"):
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            root = pobj
    head = root.lower_
    lemma = root.lemma_.lower()
    d = Desc(source_type="unknown", anonymity="bare", head=head)
    d.plural = root.tag_ in ("NNS", "NNPS") or (root.lower_ in ("they", "we"))
    if root.lower_ in PRONOUN_NUMBER and len(span) == 1:
        d.is_pronoun = True
        d.source_type = "unknown"
        d.anonymity = "bare"
        d.plural = PRONOUN_NUMBER[root.lower_] == "pl"
        return d
    persons = [e for e in span.ents if e.label_ == "PERSON"]
    orgs = [e for e in span.ents if e.label_ in ("ORG", "GPE", "NORP", "FAC")]
    first = words[0] if words else ""
    if first in NUMBER_WORDS:
        d.count = NUMBER_WORDS[first]
    for t in span:
        if t.like_num and t.dep_ == "nummod":
            try:
                d.count = int(t.text)
            except ValueError:
                d.count = NUMBER_WORDS.get(t.lower_, d.count)
    if re.match(r"^one of\b", span.text.lower()):
        d.count = 1
    if d.count is None and not d.plural and root.pos_ in ("NOUN",) and first in ("a", "an", "one", "another"):
        d.count = 1
    d.seniority = next((w for w in words if w in RANK and w != "chief"), None)
    d.status = "former" if any(w in ("former", "ex", "ex-", "retired", "onetime", "erstwhile") for w in words) else None
    m = KNOWLEDGE.search(span.text)
    d.knowledge_basis = m.group(0).strip(" ,") if m else None
    d.affiliation = affiliation_of(span)
    role = _spokes_in(words) or _phrase_in(words, OFFICIAL) or _expert_in(words)
    d.role = role
    # a person's name: the run of proper nouns ending at the head ("... President Moon Jae-in"),
    # or a PERSON entity / apposition that is the head
    name_tokens = None
    title_words = OFFICIAL | SPOKES | EXPERT | {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sir", "dame", "lord"}
    company = root.pos_ == "PROPN" and root.lower_ in ORG_DESIGNATORS and root.i > span.start and \
        span.doc[root.i - 1].pos_ == "PROPN"  # "Helix Pharma", "Vantor Industries", "Acme Corp."
    # a person's name the recognizer cut short ('Ursula von der' PERSON + 'Leyen' GPE)
    person_run = root.i > span.start and span.doc[root.i - 1].ent_type_ == "PERSON" and span.doc[root.i - 1].dep_ == "compound"
    # a name in apposition with a person's role is a person's, whatever the recognizer says
    # ('Oleh Kiper, the regional governor' read as an organization)
    person_run = person_run or any(
        c.dep_ == "appos" and (c.lower_ in OFFICIAL | SPOKES | EXPERT | INDIVIDUAL or c.lower_.endswith(EXPERT_SUFFIXES))
        and c.tag_ in ("NN", "NNP") for c in root.children)
    if root.pos_ == "PROPN" and root.lower_ not in title_words and not company and \
            (person_run or root.ent_type_ not in ("ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART")) \
            and root.lower_ not in ORG | DOCUMENT | MEDIA and not MEDIA_NAMES.fullmatch(root.text):
        j = root.i
        while j - 1 >= span.start and span.doc[j - 1].pos_ == "PROPN" and span.doc[j - 1].lower_ not in title_words \
                and not span.doc[j - 1].lower_.endswith(EXPERT_SUFFIXES) \
                and (span.doc[j - 1].ent_type_ not in ("ORG", "GPE", "NORP", "FAC") or person_run and span.doc[j - 1].dep_ == "compound"):
            j -= 1
        name_tokens = span.doc[j: root.i + 1]
        # a title the word lists do not know ('Councilmember Eric Tran'): the person entity is the name
        pent = next((e for e in persons if e.start <= root.i < e.end), None)
        if pent is not None and name_tokens.start < pent.start and pent.end == root.i + 1 and len(pent) >= 2:
            name_tokens = pent
        if len(name_tokens) == 1 and root.ent_type_ != "PERSON" and not any(t.lower_ in title_words for t in span):
            name_tokens = None if orgs else name_tokens
    if name_tokens is None and len(span) == 1 and root.pos_ == "NOUN" and root.text[:1].isupper() and root.is_alpha \
            and root.lower_ not in ORG | DOCUMENT | MEDIA | GROUP | OFFICIAL | SPOKES | EXPERT | INDIVIDUAL | FAMILY \
            and root.lemma_.lower() not in ORG | DOCUMENT | MEDIA | GROUP | OFFICIAL | SPOKES | EXPERT | INDIVIDUAL:
        name_tokens = span  # a capitalized word alone as a source is a surname the tagger took for a noun ('Mendes')
    if name_tokens is None and not company:
        for c in root.children:
            if c.dep_ == "appos" and c.ent_type_ == "PERSON":
                name_tokens = next((e for e in persons if e.start <= c.i < e.end), None)
        ent = next((e for e in persons if e.start <= root.i < e.end), None)
        if ent is not None:
            name_tokens = ent
    media_name = MEDIA_NAMES.search(span.text)

    if lemma in DOCUMENT or head in DOCUMENT:
        d.source_type = "document"
        d.anonymity = "named" if (orgs or persons or any(t.pos_ == "PROPN" for t in span) or
                                  any(t.dep_ == "poss" for t in span)) else "bare"
        d.name = None
        return d
    if (head in MEDIA or lemma in MEDIA) or RE_MEDIA_PHRASE.search(span.text) or \
            (media_name and (root.pos_ == "PROPN" or root.ent_type_ == "ORG") and not persons):
        d.source_type = "media"
        d.anonymity = "named" if media_name or orgs else "bare"
        d.name = _clean_org(span) if d.anonymity == "named" else None
        return d
    if name_tokens is not None:
        d.person_name = re.sub(r"['’]s$", "", name_tokens.text)
        d.name = d.person_name
        d.anonymity = "named"
        d.count = 1
        # the person's role is in the title and apposition, not in the names of the places and bodies
        # they belong to ('a professor ... at King's College London' is no king)
        rw = _role_words(span)
        d.source_type = ("spokesperson" if _spokes_in(rw) else
                         "official" if _phrase_in(rw, OFFICIAL) else
                         "expert" if _expert_in(rw) else "individual")
        return d
    if _spokes_in(words):
        d.source_type = "spokesperson"
    elif lemma in ("person", "people", "source", "sources", "someone", "individual", "insider", "insiders"):
        d.source_type = "unknown"
    elif head in GROUP or lemma in GROUP or (root.ent_type_ == "NORP" and d.plural):
        d.source_type = "official" if lemma in ("official",) else "group"
    elif _phrase_in(words, OFFICIAL) and (lemma in OFFICIAL or head in OFFICIAL or root.lower_ in OFFICIAL):
        d.source_type = "official"
    elif lemma in EXPERT or head in EXPERT or head.endswith(EXPERT_SUFFIXES):
        d.source_type = "expert"
    elif lemma in INDIVIDUAL or head in INDIVIDUAL:
        d.source_type = "individual"
    elif lemma in ORG or head in ORG or root.ent_type_ in ("ORG", "GPE") or (root.ent_type_ == "NORP" and not d.plural) or \
            (root.pos_ == "PROPN" and orgs):
        d.source_type = "organization"
        d.anonymity = "named"
        d.name = _clean_org(span)
        return d
    elif root.pos_ == "NOUN" and (lemma in FAMILY or head in FAMILY or RE_AGENT_NOUN.match(head)):
        d.source_type = "group" if d.plural else "individual"  # 'the actor', 'Kim's sister', 'novelists'
    elif root.pos_ == "PROPN":
        d.source_type = "organization"
        d.anonymity = "named"
        d.name = _clean_org(span)
        return d
    # anonymous people: how identifiable?
    generic = {"official", "officials", "expert", "experts", "analyst", "analysts", "source", "sources", "people",
               "person", "critics", "critic", "observers", "observer", "researchers", "scientists", "economists",
               "diplomats", "insiders", "residents", "witnesses", "others", "many", "some", "activists"}
    has_aff = d.affiliation is not None or any(t.dep_ == "poss" and t.pos_ in ("PROPN",) for t in span) or \
        any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in span if t.i != root.i) or \
        any(t.dep_ in ("compound", "nmod") and t.pos_ == "NOUN" and t.lower_ in ORG and t.head.i == root.i
            for t in span if t.i < root.i)  # 'an energy ministry official', 'an administration official'
    definite = first in ("the",) or any(t.dep_ == "poss" for t in span if t.i < root.i)
    unique = _phrase_in(words, UNIQUE_ROLES)
    if not d.plural and definite and unique and first not in ("a", "an", "one", "another") and d.count in (None, 1) \
            and not re.match(r"^one of\b", span.text.lower()):
        d.anonymity = "identifiable"
        d.count = 1
    elif has_aff or (d.seniority and d.source_type in ("official", "spokesperson")) or \
            (d.role and d.role not in generic and d.source_type != "group" and not d.plural):
        # a plural trade with no affiliation or rank ('forecasters said', 'lawmakers say') is as bare
        # as 'officials said'; one holder of a role ('a spokesperson') is described
        d.anonymity = "described"
    elif d.knowledge_basis:
        d.anonymity = "vague"
    else:
        d.anonymity = "bare"
    return d


def _clean_org(span: Span) -> Optional[str]:
    """The organization's name, when the mention gives one ('the State Department' -> 'State Department')."""
    if not any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP", "FAC") for t in span):
        return None
    t = re.sub(r"^(?:the|a|an)\s+", "", span.text, flags=re.I)
    # an apposition after the name describes it ('NHTSA, the federal safety agency')
    t = re.split(r",\s+(?:the|a|an|which|who)\s", t, maxsplit=1, flags=re.I)[0]
    return t.strip(" ,")


# ---------------------------------------------------------------- coreference inside the article


@dataclass
class Mention:
    id: str
    start: int
    end: int
    text: str
    desc: Desc
    antecedent: Optional["Mention"] = None
    reason: Optional[tuple[int, int]] = None  # the article's stated reason for anonymity (offsets)
    merged_desc: Optional[Desc] = field(default=None, repr=False, compare=False)  # merged(), once resolved

    @property
    def root(self) -> "Mention":
        m, hops = self, 0
        while m.antecedent is not None and hops < 10:
            m, hops = m.antecedent, hops + 1
        return m


def _compatible(anaphor: Desc, ante: Desc) -> bool:
    """Can the anaphor refer back to the antecedent? Not when it says more than the antecedent does
    ('the U.S. side' is not 'both sides'), nor when they disagree."""
    if anaphor.affiliation and ante.affiliation != anaphor.affiliation:
        return False
    return True


def resolve_mention(m: Mention, prior: list[Mention], persons: list[tuple[int, str, Optional[Span]]]) -> None:
    """Point a mention at what it refers back to (pronoun, surname, anaphoric phrase)."""
    d = m.desc
    text_l = m.text.lower()
    if d.is_pronoun:
        want = PRONOUN_NUMBER.get(text_l, "sg_person")
        for p in reversed(prior):
            pd = p.root.desc
            if want == "sg_person" and (pd.person_name or pd.source_type in ("official", "spokesperson", "expert", "individual")) and not pd.plural:
                m.antecedent = p
                return
            if want == "pl" and (pd.plural or pd.source_type in ("organization", "group")):
                m.antecedent = p
                return
            if want == "sg_thing" and pd.source_type in ("organization", "document", "media"):
                m.antecedent = p
                return
        return
    # a bare name (surname) matching an earlier, fuller mention of a person ("Price", "Moon",
    # "Hassan Rouhani"); also a capitalized word the tagger took for a noun ("Price said")
    words = m.text.split()
    name_like = d.person_name or (1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
                                  and d.source_type in ("unknown", "organization", "individual"))
    if name_like:
        parts = set(re.findall(r"[\w\-]+", d.person_name or m.text))
        for p in reversed(prior):
            pn = p.root.desc.person_name
            if pn and p.text != m.text and parts <= set(re.findall(r"[\w\-]+", pn)):
                # a name inside a fuller source mention ("the state's attorney general, Chris Carr")
                # refers back to that mention, which says who the person is
                m.antecedent = next((q for q in prior if q is not p and q.start <= p.start and p.end <= q.end
                                     and q.root.desc.person_name == pn), p)
                return
    # "the company", "the ministry": the latest organization named before
    if re.match(r"^the\b", text_l) and d.source_type in ("organization", "document") and d.anonymity != "named" or \
            re.match(r"^the\b", text_l) and d.source_type == "organization" and d.name is None:
        for p in reversed(prior):
            pd = p.root.desc
            if pd.source_type == d.source_type and (pd.name or pd.anonymity == "named") and _compatible(d, pd) and \
                    (d.source_type == "organization" or p.desc.head == d.head):
                m.antecedent = p
                return
    # anaphoric definite phrase: "the officials", "the U.S. official", "one of the officials"
    if re.match(r"^(?:the|this|that|these|those|one of the|some of the|both|each of the)\b", text_l) and not d.person_name:
        for p in reversed(prior):
            pd = p.root.desc
            same_head = p.desc.head.rstrip("s") == d.head.rstrip("s") or (pd.head.rstrip("s") == d.head.rstrip("s"))
            if same_head and _compatible(d, pd) and not pd.is_pronoun:
                m.antecedent = p
                return


def lone_name(m: Mention, text: str) -> None:
    """A single capitalised name as a source that refers back to nobody ('Pfizer said', 'Blinken said').

    News names a person in full on first reference and by surname after, so: if the text before
    it names someone in full with this surname, it is that person (even where nothing was parsed);
    otherwise a lone name on first reference is an organization's."""
    d = m.desc
    word = m.text.strip()
    if " " in word or not word[:1].isupper() or d.is_pronoun or d.person_name != word or \
            d.source_type not in ("individual", "unknown"):
        return
    full = None
    before = text[:m.start]
    titles = TITLE_ABBREV | {w for w in OFFICIAL | SPOKES | EXPERT if " " not in w} | {"state", "house", "of", "the", "foreign"}
    for hit in re.finditer(rf"\b((?:(?:[A-Z]\.|[A-Z][\w’'\-]+\.?|van|von|de|der|ten|al|bin|of|of the)\s+)+){re.escape(word)}\b", before):
        words = hit.group(1).split()
        dropped = []
        while words and (words[0].lower().strip(".") in titles or words[0].lower() in SENTENCE_WORDS):
            dropped.append(words[0].lower())
            words = words[1:]
        role = [w for w in dropped if w.strip(".") in titles and w not in ("of", "the", "state", "house", "foreign")]
        if (words and words[-1] not in ("of", "the")) or (not words and role):  # 'Bank of England' names no person;
            full = " ".join(words[-2:] + [word])                                  # 'President Trump' does
            d.source_type = ("spokesperson" if _spokes_in(role) else "official" if (_phrase_in(role, OFFICIAL) or any(
                w.strip(".") in TITLE_ABBREV - {"mr", "mrs", "ms", "dr", "prof", "rev", "sir", "dame"} for w in role))
                else "expert" if (_expert_in(role) or "dr." in role or "prof." in role) else "individual")
    # family name first ('Moon Jae-in', 'Xi Jinping'): the name goes on after it, and is no company's
    after_name = re.search(rf"\b{re.escape(word)}\s+([A-Z][\w’'\-]+)\b", before)
    if full is None and after_name and after_name.group(1).lower() not in ORG_DESIGNATORS and after_name.group(1).strip(".").lower() not in ORG_DESIGNATORS:
        full = after_name.group(0)
    if full is not None:
        d.person_name = d.name = " ".join(full.split())
        return
    m.desc = Desc(source_type="organization", anonymity="named", name=word, head=d.head, count=None)


# Capitalised at the start of a sentence, never part of a name.
SENTENCE_WORDS = {"a", "an", "in", "on", "at", "by", "for", "when", "after", "before", "but", "and", "if", "as", "while",
                  "since", "although", "though", "so", "then", "yet", "still", "also", "meanwhile", "however", "now",
                  "last", "this", "that", "these", "those", "his", "her", "their", "our", "my", "its", "some", "many",
                  "other", "both", "all", "with", "without", "under", "over", "from", "to", "why", "how", "what", "where",
                  "who", "even", "only", "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday",
                  "saturday", "sunday"}
# Abbreviated titles and words that can stand before a name without being part of it.
TITLE_ABBREV = {"mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "lt", "col", "maj", "sgt", "capt", "cmdr", "adm",
                "amb", "supt", "insp", "det", "pres", "sec", "atty", "prof", "rev", "sir", "dame", "lord", "president",
                "minister", "secretary", "senator", "governor", "mayor", "judge", "justice", "chancellor", "king",
                "queen", "prince", "princess", "pope", "chairman", "chairwoman", "director", "coach", "manager",
                "spokesman", "spokeswoman", "spokesperson", "ambassador", "general", "commissioner", "chief", "premier"}


def merged(m: Mention) -> Desc:
    """The mention's description, filled in from its antecedent chain.

    Iterative, and each mention's result is kept (``Mention.merged_desc``), so a chain of any length
    ('the mayor said' in every paragraph, each one referring back to the one before) costs one step
    per mention, without recursion. Only called once a mention is resolved (its antecedent set)."""
    if m.antecedent is None:
        return m.desc
    chain: list[Mention] = []
    seen: set[int] = set()
    x = m
    while x.antecedent is not None and x.merged_desc is None and id(x) not in seen:
        seen.add(id(x))
        chain.append(x)
        x = x.antecedent
    # x is the root, a mention merged before, or (a cycle, which resolution never makes) one seen already
    r = x.merged_desc if x.merged_desc is not None and id(x) not in seen else x.desc
    for y in reversed(chain):
        r = y.merged_desc = _merge_one(y, r)
    return m.merged_desc


def _merge_one(m: Mention, r: Desc) -> Desc:
    """The mention's own description over its antecedent's merged one ``r``."""
    d = m.desc
    out = Desc(**{**r.__dict__})
    out.is_pronoun = d.is_pronoun
    out.head = d.head
    if d.count is not None and not r.plural:
        out.count = d.count
    elif d.count is not None:
        out.count = d.count
    if re.match(r"^one of\b", m.text.lower()):
        out.count = 1
        out.plural = False
    return out


# ---------------------------------------------------------------- rows


def channel_for(c: Cand, d: Desc, article: Article) -> Optional[str]:
    rec = (c.recipient or "").lower()
    cue = (c.cue or "").lower()
    if c.kind == "reporter":
        return None
    if rec in ("me", "us", "this reporter", "this newspaper") or re.search(r"\b(?:tell|told|telling) (?:me|us)\b", cue):
        return "told_this_outlet"
    if rec:
        if article.outlet and article.outlet.lower().split()[-1] in rec:
            return "told_this_outlet"
        if MEDIA_NAMES.search(c.recipient or "") or rec.startswith("the "):
            return "told_other_outlet"
        return "told_other"
    if "statement" in cue or "release" in cue:
        return "statement"
    if d is not None and d.source_type == "document":
        return "readout" if d.head == "readout" else "document"
    if c.cue_lemma in ("tweet", "post"):
        return "social_post"
    return "unknown" if c.kind != "declined" else None


def act_for(c: Cand, source_type: Optional[str]) -> Optional[str]:
    """What the claim attributes; what a document says 'according to' it is a finding."""
    act = act_of(c)
    if act == "statement" and source_type == "document" and c.kind == "according_to":
        return "finding"
    return act


def stance_for(c: Cand) -> Optional[str]:
    if c.kind == "reporter":
        return None
    if c.kind == "declined":
        return "refusal"
    if c.cue_lemma and c.cue_lemma in STANCE:
        return STANCE[c.cue_lemma]
    if c.negated:
        return "denial"
    return "neutral"


class _Earlier:
    """The antecedent candidates of a mention starting at ``s``, kept in text order as ``s`` grows:
    every mention of ``prior`` starting before ``s``, and every person mention (``persons``, which may
    grow) ending by ``s`` that is not a mention itself and that no mention of ``prior`` contains.
    Ties in start keep mentions before persons, each in its list's order. ``s`` never decreases
    (mentions come in text order), so each one is admitted once, and never leaves."""

    def __init__(self, prior: list[Mention], persons: list[Mention], mentions: dict):
        self.prior, self.persons, self.mentions = prior, persons, mentions
        self.items: list[Mention] = []
        self.keys: list[tuple[int, int, int]] = []
        self.n_prior = self.n_persons = 0
        self.pending: list[tuple[int, int]] = []  # (end, index) of persons not yet admitted
        self.prior_starts: list[int] = []
        self.prior_reach: list[int] = []  # the farthest end of prior[:k + 1]

    def _admit(self, key: tuple[int, int, int], m: Mention) -> None:
        i = bisect_right(self.keys, key)
        self.keys.insert(i, key)
        self.items.insert(i, m)

    def _contained(self, p: Mention) -> bool:
        while len(self.prior_starts) < len(self.prior):
            q = self.prior[len(self.prior_starts)]
            self.prior_starts.append(q.start)
            self.prior_reach.append(max(q.end, self.prior_reach[-1]) if self.prior_reach else q.end)
        k = bisect_right(self.prior_starts, p.start)
        return k > 0 and self.prior_reach[k - 1] >= p.end

    def before(self, s: int) -> list[Mention]:
        while self.n_persons < len(self.persons):
            heappush(self.pending, (self.persons[self.n_persons].end, self.n_persons))
            self.n_persons += 1
        while self.n_prior < len(self.prior) and self.prior[self.n_prior].start < s:
            self._admit((self.prior[self.n_prior].start, 0, self.n_prior), self.prior[self.n_prior])
            self.n_prior += 1
        while self.pending and self.pending[0][0] <= s:
            _, i = heappop(self.pending)
            p = self.persons[i]
            if (p.start, p.end) not in self.mentions and not self._contained(p):
                self._admit((p.start, 1, i), p)
        return self.items


def describe_sources(cands: list[Cand], docs: list[Doc], article: Article) -> tuple[list[Claim], list[SourceMention]]:
    text = article.text
    mentions: dict[tuple[int, int], Mention] = {}
    prior: list[Mention] = []
    persons: list[tuple[int, str, Optional[Span]]] = []
    # every PERSON named in the parsed text, with the title before it, can be an antecedent
    person_mentions: list[Mention] = []
    for doc in docs:
        if not doc._.parsed:
            continue
        quotes = doc._.quotes or []
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent.text[:1].isupper() and \
                    not any(qs < ent.start_char < qe for qs, qe in quotes):
                lo = ent.start
                while lo > 0 and doc[lo - 1].dep_ in ("compound", "amod", "nmod", "poss", "case") and doc[lo - 1].head.i >= ent.start - 6:
                    lo -= 1
                # a title before the name that the parser did not attach to it ('Secretary of State Antony Blinken')
                k = lo
                while k > 0 and lo - k < 5 and (doc[k - 1].text[:1].isupper() or doc[k - 1].lower_ in ("of", "the")) and \
                        not doc[k].is_sent_start:
                    k -= 1
                if k < lo and _phrase_in([t.lower_.strip(".") for t in doc[k:lo]], OFFICIAL | SPOKES | EXPERT):
                    lo = k
                span = doc[lo: ent.end]
                s, e = _tok_start(span[0]), _tok_end(span[-1])
                dd = describe(span)
                if dd.person_name:
                    person_mentions.append(Mention(f"{article.id}:p{s}", s, e, text[s:e], dd))

    # a person named in full is mentioned again by surname ("Raj Mehta ... Mehta shrugs off the
    # criticism. 'Let them doubt,' he says."): each later bare surname outside quotes is a mention
    # of that person, which a later pronoun can refer back to, even in a sentence nobody parsed
    all_quotes = sorted({q for d in docs for q in ((d._.offset + a, d._.offset + b) for a, b in (d._.quotes or []))})
    q_starts = [a for a, _ in all_quotes]
    q_reach = list(accumulate((b for _, b in all_quotes), max))

    def in_quote(a: int) -> bool:  # some quote with qs < a < qe, by bisection
        k = bisect_left(q_starts, a)
        return k > 0 and q_reach[k - 1] > a

    echoed: set[int] = set()
    hits_of: dict[str, list[int]] = {}

    def surname_hits(word: str, after: int) -> list[int]:
        """Where ``word`` stands as a whole word in the text from ``after`` on: the text is searched once
        per surname, not once per mention (a name repeated a thousand times in a long article)."""
        if word not in hits_of:
            hits_of[word] = [h.start() for h in re.finditer(rf"(?<![\w\-]){re.escape(word)}(?![\w\-])", text)]
        found = hits_of[word][bisect_left(hits_of[word], after):]
        # read from ``after`` on, as a text of its own: a word right at ``after`` has nothing before it
        if after < len(text) and (not found or found[0] != after) and after > 0 and re.match(r"[\w\-]", text[after - 1]) \
                and re.match(rf"{re.escape(word)}(?![\w\-])", text[after:after + len(word) + 1]):
            found = [after, *found]
        return found

    def echo(m: Mention) -> None:
        name = merged(m).person_name
        if not name or id(m) in echoed:
            return
        echoed.add(id(m))
        parts = [w for w in re.findall(r"[\w\-’']+", name) if w.lower().strip(".") not in ("jr", "sr", "ii", "iii")]
        if len(parts) < 2 or len(parts[-1]) < 3 or not parts[-1][:1].isupper():
            return
        for a in surname_hits(parts[-1], m.end):
            if in_quote(a) or text[max(0, a - len(parts[-2]) - 1):a].strip() == parts[-2]:
                continue
            d = Desc(source_type="individual", anonymity="named", person_name=name, name=name, count=1,
                     head=parts[-1].lower())
            e_ = Mention(f"{article.id}:n{a}", a, a + len(parts[-1]), parts[-1], d)
            e_.antecedent = m
            person_mentions.append(e_)

    for pm in list(person_mentions):
        echo(pm)

    attributed = [c for c in cands if c.kind != "reporter"]
    order = sorted(attributed, key=lambda c: (c.source_start if c.source_tokens is None and c.source_start is not None
                                                else (_tok_start(c.source_tokens[0]) if c.source_tokens is not None else c.start)))
    cand_mention: dict[int, Optional[Mention]] = {}
    # What a new mention can refer back to: the mentions before it and the persons named before it
    # that no mention covers, in text order. Mentions come in text order, so this list grows as they
    # do (n log n over the article) instead of being gathered and sorted again for each mention.
    earlier = _Earlier(prior, person_mentions, mentions)
    for c in order:
        if c.follows is not None:
            continue
        if c.source_tokens is not None:
            span = c.source_tokens
            s, e = _tok_start(span[0]), _tok_end(span[-1])
            d = describe(span)
        elif c.source_text and c.source_start is not None:
            s, e = c.source_start, c.source_end or c.source_start + len(c.source_text)
            d = Desc(source_type="individual", anonymity="named", person_name=c.source_text, name=c.source_text, count=1)
        else:
            cand_mention[id(c)] = None
            continue
        key = (s, e)
        if key not in mentions:
            m = Mention(f"{article.id}:s{s}", s, e, text[s:e], d)
            # a name inside an earlier source mention ("Labour's shadow health secretary, Wes Streeting")
            # is that mention, which says more about the person
            resolve_mention(m, earlier.before(s), persons)
            if m.antecedent is None:
                lone_name(m, text)
            mentions[key] = m
            prior.append(m)
            echo(m)
        cand_mention[id(c)] = mentions[key]

    # reasons for anonymity
    reasons: list[tuple[int, int]] = []
    for doc in docs:
        for sent in doc.sents:
            if REASON.search(sent.text):
                reasons.append((_tok_start(sent[0]), _tok_end(sent[-1])))
    # each reason goes to the last unnamed mention before its end (and every mention sharing that
    # one's root); a later reason for the same root replaces an earlier one
    unnamed = [m for m in prior if merged(m).anonymity != "named"]
    unnamed_starts = [m.start for m in unnamed]
    last_reason: dict[int, tuple[int, int]] = {}
    for rs, re_ in reasons:
        k = bisect_left(unnamed_starts, re_)
        if k:
            last_reason[id(unnamed[k - 1].root)] = (rs, re_)
    for m in prior:
        if id(m.root) in last_reason:
            m.reason = last_reason[id(m.root)]

    sources: list[SourceMention] = []
    # the mentions a source refers back to, and what those refer back to, are rows too
    chain: dict[tuple[int, int], Mention] = {}
    for m in prior:
        a = m.antecedent
        while a is not None and (a.start, a.end) not in mentions and (a.start, a.end) not in chain:
            chain[(a.start, a.end)] = a
            a = a.antecedent
    all_mentions = {**chain, **mentions}
    for (s, e), m in sorted(all_mentions.items()):
        d = merged(m)
        reason = m.reason or m.root.reason
        sources.append(SourceMention(
            id=m.id, article=article.id, text=m.text, start=s, end=e, source_type=d.source_type, anonymity=d.anonymity,
            count=d.count, affiliation=d.affiliation, role=d.role, seniority=d.seniority, status=d.status,
            knowledge_basis=d.knowledge_basis, anonymity_reason=text[reason[0]:reason[1]] if reason else None,
            anonymity_reason_start=reason[0] if reason else None, name=d.name,
            is_pronoun=d.is_pronoun or m.antecedent is not None,
            antecedent=all_mentions.get((m.antecedent.start, m.antecedent.end), m.antecedent).id if m.antecedent else None))

    claims: list[Claim] = []
    for c in cands:
        src = c
        hops = 0
        while src.follows is not None and hops < 20:
            src, hops = src.follows, hops + 1
        m = cand_mention.get(id(src)) if src.kind != "reporter" else None
        d = merged(m) if m is not None else None
        if c.kind == "reporter":
            source_type = anonymity = None
        elif d is None:
            source_type, anonymity = "unknown", "bare"
        else:
            source_type, anonymity = d.source_type, d.anonymity
        claims.append(Claim(
            id=c.id, article=article.id, content=text[c.start:c.end], start=c.start, end=c.end, kind=c.kind,
            cue=c.cue if c.kind != "reporter" else None, cue_start=c.cue_start,
            source=m.text if m is not None else None, source_id=m.id if m is not None else None,
            source_name=d.name if d is not None else None, source_type=source_type, anonymity=anonymity,
            parent=c.parent.id if c.parent is not None else None, inherited=c.inherited, stance=stance_for(c),
            act=act_for(c, source_type),
            polarity="negative" if c.negated else "positive",
            channel=channel_for(src, d, article) if d is not None or c.kind != "reporter" else None,
            recipient=src.recipient if c.kind != "reporter" else None, paragraph=c.paragraph, sentence=c.sent_index,
            rule=c.rule, note="; ".join(c.notes) or None))
    return claims, sources
