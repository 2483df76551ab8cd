"""Entities of an article, made canonical (one record per real-world entity).

Within an article, mentions are grouped when they are the same name, an acronym and its
expansion ("ICE" / "U.S. Immigration and Customs Enforcement", "(ICE)", "known as", initials),
aliases in the gazetteers, or a short and a full name ("Wyden" / "Ron Wyden"). Titles and
party-state tags are dropped from names and kept as attributes. Across the corpus,
`entity_key` gives the key under which the same entity from many articles is merged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans, registry

from extract.doc_index import article_text, tokens_of
from extract.gazetteers import GazetteerEntry, entries, state_by_abbreviation
from extract.gazetteers.name_parts import (
    ACRONYM_SKIPPED_PREFIXES,
    ACRONYM_SKIPPED_WORDS,
    ALIAS_CUES,
    CORPORATE_SUFFIXES,
    FILLER_POS,
    INSTRUMENT_CODE,
    LEADING_ARTICLES,
    NAME_SUFFIXES,
    PARTY_STATE_TAG,
    PARTY_TAGS,
    PERSON_TITLE_MODIFIERS,
    PERSON_TITLES,
    POSSESSIVE_ENDINGS,
)
from extract.records import Entity, Mention

# Labels of things with names; dates, times and numbers are not entities.
ENTITY_LABELS = frozenset(
    "PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE".split()
)
# Coarse kinds for corpus keys: the small model often calls one place GPE here and LOC there.
LABEL_KINDS = {"GPE": "place", "LOC": "place", "FAC": "place", "PERSON": "person", "ORG": "org"}


_BY_TOKEN_KEY = "newsclaims.entity_by_token"
_ALIAS_CUE_WORDS = [cue.replace(",", " , ").split() for cue in ALIAS_CUES]
_ALIAS_CUE_FIRST_WORDS = {words[0] for words in _ALIAS_CUE_WORDS}
Doc.set_extension("entities", default=None, force=True)
# kept in user_data, read straight from there: each ``doc._`` makes a new object
Doc.set_extension(
    "entity_by_token", getter=lambda doc: doc.user_data.get(_BY_TOKEN_KEY), force=True
)


@dataclass
class _Mention:
    """A working mention while clusters are formed. It keeps token and character offsets
    rather than a Span: each Span made costs three Token objects."""

    tokens: list[Token]  # the cleaned name
    label: str
    attributes: dict = field(default_factory=dict)
    start: int = field(init=False)  # token offsets, as Span.start and Span.end
    end: int = field(init=False)
    start_char: int = field(init=False)
    end_char: int = field(init=False)
    name: str = field(init=False)
    words: tuple[str, ...] = field(init=False)  # the name's words without "Jr."-like suffixes
    gazetteer: GazetteerEntry | None = field(init=False)

    def __post_init__(self) -> None:
        first, last = self.tokens[0], self.tokens[-1]
        self.start, self.end = first.i, last.i + 1
        self.start_char, self.end_char = first.idx, last.idx + len(last)
        self.name = article_text(first.doc)[self.start_char : self.end_char]  # as Span.text is
        texts = [token.text for token in self.tokens]
        self.words = tuple(text for text in texts if text not in NAME_SUFFIXES)
        self.gazetteer = gazetteer_entry(self.name)

    @cached_property
    def word_keys(self) -> list[tuple[str, str]]:
        """Its first and last words and first name part: a short form shares one of them with
        the name it is short for ("Wyden", "Steve", "Boeing")."""
        parts = self.name.split()
        keys = [("first part", parts[0])] if parts else []
        if self.words:
            keys += [("first", self.words[0]), ("last", self.words[-1])]
        return keys

    @cached_property
    def initials(self) -> set[str]:
        """The first letters of the name's words, case-folded: its acronyms have no others."""
        return {word[0].casefold() for word in self.name.split()}


# --- names -----------------------------------------------------------------------------------


_LEADING_THE = re.compile(r"^the\s+")


@lru_cache(maxsize=8192)  # every mention of a name is compared by it: names recur
def normalized(name: str) -> str:
    """Lower-case, accent-free, without periods, apostrophe variants or a leading "the"."""
    text = name
    if not text.isascii():  # ASCII has no accents to strip: most names are
        text = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.replace("\u2019", "'").replace(".", "").casefold()
    text = _LEADING_THE.sub("", text)
    return " ".join(text.split())


@cache
def _gazetteer_by_name() -> dict[str, GazetteerEntry]:
    table: dict[str, GazetteerEntry] = {}
    for entry in entries():
        for name in (entry.name, *entry.aliases):
            table.setdefault(normalized(name), entry)
    return table


def gazetteer_entry(name: str) -> GazetteerEntry | None:
    """The gazetteer entry a name or alias belongs to ("ICE" -> U.S. Immigration and ...)."""
    return _gazetteer_by_name().get(normalized(name))


def entity_key(name: str, label: str) -> str:
    """A stable key merging one entity across articles: gazetteer aliases share a key."""
    entry = gazetteer_entry(name)
    if entry:
        name, label = entry.name, entry.label
    kind = LABEL_KINDS.get(label, label.lower())
    return f"{kind}:{normalized(name)}"


def _is_acronym_like(name: str) -> bool:
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and " " not in name


def _initials_match(acronym: str, words: list[str]) -> bool:
    """Whether the acronym's letters are the initials of the words, skipping little words."""
    letters = acronym.replace(".", "").casefold()
    if not words or not letters:
        return not letters and not words
    word, rest = words[0], words[1:]
    if word.casefold() in ACRONYM_SKIPPED_WORDS and _initials_match(letters, rest):
        return True
    return letters[0] == word[0].casefold() and _initials_match(letters[1:], rest)


def is_acronym_of(acronym: str, long_name: str) -> bool:
    """Whether ``acronym`` abbreviates ``long_name`` ("DHS", "Department of Homeland Security")."""
    words = long_name.split()
    if not _is_acronym_like(acronym) or len(words) < 2:
        return False
    if _initials_match(acronym, words):
        return True
    # "U.S. Immigration and Customs Enforcement" is ICE: acronyms leave out the country.
    for prefix in ACRONYM_SKIPPED_PREFIXES:
        if long_name.startswith(prefix + " "):
            return _initials_match(acronym, long_name[len(prefix) + 1 :].split())
    return False


# --- mentions --------------------------------------------------------------------------------

TITLE_WORDS = PERSON_TITLES | PERSON_TITLE_MODIFIERS


def _title(words: list[str]) -> str | None:
    """The title in the words before a name, without leading modifiers ("Republican Gov.")."""
    while words and words[0] not in PERSON_TITLES:
        words = words[1:]
    return " ".join(words) or None


def _title_words_before(tokens: list[Token], index: int) -> list[str]:
    start = index
    while start > 0 and tokens[start - 1].text in TITLE_WORDS:
        start -= 1
    return [token.text for token in tokens[start:index]]


def _party_state_tag(span: Span, text: str) -> tuple[dict, tuple[int, int]] | None:
    """Party and state from a tag after a lawmaker's name (", D-Ore."), and where it is."""
    match = PARTY_STATE_TAG.match(text[span.end_char : span.end_char + 40])
    if not match or match["party"] not in PARTY_TAGS:
        return None
    states = state_by_abbreviation()
    written = match["state"]
    if written not in states:
        written = written.split()[0]  # "Ky. Trump": only the first word is the state
    if written not in states:
        return None
    tag_end = span.end_char + match.start("state") + len(written)
    return {"party": PARTY_TAGS[match["party"]], "state": states[written]}, (
        span.end_char,
        tag_end,
    )


def _is_filler(token: Token) -> bool:
    """A function word the model let into a name ("another", "that", "Hosting" opening a
    sentence)."""
    return token.pos_ in FILLER_POS and (token.is_lower or token.is_sent_start)


def _clean_mention(ent: Span, label: str) -> _Mention | None:
    """The name inside an entity span: no leading "the", titles or trailing possessive."""
    doc_tokens = tokens_of(ent.doc)
    tokens = doc_tokens[ent.start : ent.end]
    while len(tokens) > 1 and (tokens[0].text in LEADING_ARTICLES or _is_filler(tokens[0])):
        tokens.pop(0)
    attributes = {}
    if label == "PERSON":
        title_words = _title_words_before(doc_tokens, tokens[0].i)
        while len(tokens) > 1 and tokens[0].text in TITLE_WORDS:
            title_words.append(tokens.pop(0).text)
        title = _title(title_words)
        if title:
            attributes["title"] = title
        # "Holcomb's 2016": a person's name ends at its possessive
        possessive = next((t for t in tokens[1:] if t.text in POSSESSIVE_ENDINGS), None)
        if possessive is not None:
            tokens = tokens[: tokens.index(possessive)]
    while len(tokens) > 1 and (
        tokens[-1].text in POSSESSIVE_ENDINGS
        or tokens[-1].is_punct
        or _is_filler(tokens[-1])
        or INSTRUMENT_CODE.fullmatch(tokens[-1].text)
    ):
        tokens.pop()
    if tokens[-1].text in POSSESSIVE_ENDINGS or not any(token.is_alpha for token in tokens):
        return None
    return _Mention(tokens, label, attributes)


def _defined_alias(mention: _Mention, doc_tokens: list[Token]) -> list[Token] | None:
    """The tokens of a name given to a mention right after it: "(ICE)" or ", known as ICE"."""
    after = doc_tokens[mention.end : mention.end + 8]
    if len(after) >= 3 and after[0].text == "(" and after[2].text == ")":
        acronym = after[1].text
        # an explicit definition need not follow the initials, but starts like a word of the name
        if _is_acronym_like(acronym) and acronym[0] in {word[0] for word in mention.words}:
            return after[1:2]
        return None
    if not after or after[0].lower_ not in _ALIAS_CUE_FIRST_WORDS:
        return None  # most names: no cue follows
    words = [token.lower_ for token in after]
    for cue_words in _ALIAS_CUE_WORDS:
        if words[: len(cue_words)] == cue_words:
            alias_start = mention.end + len(cue_words)
            alias = doc_tokens[alias_start : alias_start + 6]
            length = next((i for i, t in enumerate(alias) if t.pos_ != "PROPN"), len(alias))
            return alias[:length] if length else None
    return None


# --- clusters --------------------------------------------------------------------------------


class _Clusters:
    """Union-find over mention indexes."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def join(self, first: int, second: int) -> None:
        self.parent[self.find(second)] = self.find(first)

    def groups(self) -> list[list[int]]:
        grouped: dict[int, list[int]] = {}
        for index in range(len(self.parent)):
            grouped.setdefault(self.find(index), []).append(index)
        return sorted(grouped.values(), key=lambda group: group[0])


def _same_entity_key(mention: _Mention) -> str:
    if mention.gazetteer:
        return "gazetteer:" + mention.gazetteer.name
    if mention.label == "NORP":  # "Republican" and "Republicans"
        return normalized(mention.name).removesuffix("s")
    return normalized(mention.name)


def _may_be_persons_name(short: _Mention, full: _Mention) -> bool:
    """Whether both could name one person; the small model sometimes calls a full name an
    ORG ("Mason Rudolph") or a surname an ORG or a place ("Wyden asked ...": GPE). A place
    the gazetteers know ("Washington") is never taken for a surname."""
    if short.gazetteer or len(short.words) >= len(full.words) or not short.words:
        return False
    if full.label == "PERSON":
        return short.label in ("PERSON", "ORG", "GPE")
    return (
        short.label == "PERSON"
        and full.label == "ORG"
        and all(word.istitle() and word not in CORPORATE_SUFFIXES for word in full.words)
    )


def _is_short_form(short: _Mention, full: _Mention) -> bool:
    """ "Wyden" for "Ron Wyden", "Carlineo Jr." for "Patrick W. Carlineo Jr.", "Boeing" for
    "Boeing Co."."""
    short_words, full_words = short.words, full.words
    if _may_be_persons_name(short, full):
        return short_words[-1] == full_words[-1] and set(short_words) <= set(full_words)
    if full.label == "ORG" and short.label == "ORG" and len(short_words) < len(full_words):
        short_parts, full_parts = short.name.split(), full.name.split()
        return full_parts[: len(short_parts)] == short_parts and all(
            word in CORPORATE_SUFFIXES for word in full_parts[len(short_parts) :]
        )
    return False


def _by_words(mentions: list[_Mention], candidates: list[int]) -> dict[tuple[str, str], set[int]]:
    """Candidates by their word keys (`_Mention.word_keys`)."""
    found: dict[tuple[str, str], set[int]] = {}
    for other in candidates:
        for key in mentions[other].word_keys:
            found.setdefault(key, set()).add(other)
    return found


def _expansions(
    mentions: list[_Mention],
    candidates: list[int],
    index: int,
    by_words: dict[tuple[str, str], set[int]],
) -> list[int]:
    """Candidates that ``mentions[index]`` abbreviates, else those it is a short form of."""
    short = mentions[index]
    if _is_acronym_like(short.name):
        # a word in lower case ("Nlets") needs a longer expansion to count as its acronym
        fewest_words = 2 if short.name.replace(".", "").isupper() else 3
        letters = set(short.name.replace(".", "").casefold())
        found = [
            other
            for other in candidates
            if len(mentions[other].words) >= fewest_words
            and letters <= mentions[other].initials  # a quick test before the whole one
            and is_acronym_of(short.name, mentions[other].name)
        ]
        if found:
            return found
    # only names sharing a word can be expansions: the others are passed over at once
    # (``by_words`` holds candidates only; sorted, they are in the candidates' order)
    sharing = sorted(set().union(*(by_words.get(key, ()) for key in short.word_keys)))
    found = [other for other in sharing if _is_short_form(short, mentions[other])]
    if found or short.label != "PERSON" or len(short.words) != 1:
        return found
    # a given name ("Steve" for Steve Jobs), or a surname written first ("Liu" for Liu Xiaming)
    return [
        other
        for other in sharing
        if _may_be_persons_name(short, mentions[other])
        and mentions[other].words[0] == short.words[0]
    ]


def _nearest(mentions: list[_Mention], candidates: list[int], index: int) -> int | None:
    """The candidate named last before ``mentions[index]``, else the first one after it."""
    position = mentions[index].start
    before = [c for c in candidates if mentions[c].start < position]
    after = [c for c in candidates if mentions[c].start > position]
    if before:
        return max(before, key=lambda c: mentions[c].start)
    return min(after, key=lambda c: mentions[c].start, default=None)


def _cluster(mentions: list[_Mention], doc: Doc, ents: tuple[Span, ...]) -> list[list[_Mention]]:
    """Group mentions of one entity; ``mentions`` gains the aliases the model missed."""
    pairs = _alias_pairs(mentions, tokens_of(doc))
    mentions += _repeated_names(mentions, doc, ents)
    clusters = _Clusters(len(mentions))
    for first, second in pairs:
        clusters.join(first, second)
    first_by_key: dict[str, int] = {}
    for index, mention in enumerate(mentions):
        key = _same_entity_key(mention)
        clusters.join(first_by_key.setdefault(key, index), index)
    # Compare distinct names only: a long text mentions few entities many times.
    firsts = list(first_by_key.values())
    by_words = _by_words(mentions, firsts)
    for index in firsts:
        target = _nearest(mentions, _expansions(mentions, firsts, index, by_words), index)
        if target is not None:
            clusters.join(target, index)
    return [[mentions[index] for index in group] for group in clusters.groups()]


def _repeated_names(mentions: list[_Mention], doc: Doc, ents: tuple[Span, ...]) -> list[_Mention]:
    """Untagged repeats of names found elsewhere in the article, also in capitals: the model
    often tags a name once and misses it at the start of a sentence or in a dateline."""
    if not mentions:
        return []
    text, doc_tokens = article_text(doc), tokens_of(doc)
    taken = {index for ent in ents for index in range(ent.start, ent.end)}
    labels = {m.name: m.label for m in reversed(mentions) if not m.name.islower()}
    labels |= {name.upper(): label for name, label in labels.items() if name.upper() not in labels}
    repeats = []
    for name, label in labels.items():
        found = text.find(name)
        while found != -1:
            span = doc.char_span(found, found + len(name))
            found = text.find(name, found + 1)
            if span is None or not taken.isdisjoint(range(span.start, span.end)):
                continue
            if _continues_name(doc_tokens, span.start - 1) or _continues_name(doc_tokens, span.end):
                continue
            repeats.append(_Mention(doc_tokens[span.start : span.end], label))
            taken.update(range(span.start, span.end))
    return repeats


def _continues_name(doc_tokens: list[Token], index: int) -> bool:
    return (
        0 <= index < len(doc_tokens)
        and doc_tokens[index].pos_ == "PROPN"
        and doc_tokens[index].is_title
    )


def _alias_pairs(mentions: list[_Mention], doc_tokens: list[Token]) -> list[tuple[int, int]]:
    """Mentions joined by "(ICE)" or "known as"; aliases the model missed are appended."""
    index_by_start = {mention.start: index for index, mention in enumerate(mentions)}
    pairs = []
    for index in range(len(mentions)):
        alias = _defined_alias(mentions[index], doc_tokens)
        if alias is None:
            continue
        alias_start = alias[0].i
        if alias_start not in index_by_start:
            label = mentions[index].label
            mentions.append(_Mention(alias, label))
            index_by_start[alias_start] = len(mentions) - 1
        pairs.append((index, index_by_start[alias_start]))
    return pairs


def _entity(cluster: list[_Mention]) -> Entity:
    gazetteer = next((m.gazetteer for m in cluster if m.gazetteer), None)
    # the longest name, written in mixed case if it ever is ("Dubai" rather than "DUBAI")
    fullest = max(
        cluster,
        key=lambda m: (m.end - m.start, not m.name.isupper(), len(m.name), -m.start_char),
    )
    labels = [m.label for m in cluster]  # most are one or two: a Counter costs more
    label = max(
        dict.fromkeys(labels), key=lambda found: (labels.count(found), found == fullest.label)
    )
    name, label = (gazetteer.name, gazetteer.label) if gazetteer else (fullest.name, label)
    attributes: dict = {"kind": gazetteer.kind} if gazetteer else {}
    in_text_order = sorted(cluster, key=lambda m: m.start_char)
    for mention in in_text_order:
        for key, value in mention.attributes.items():
            attributes.setdefault(key, value)
    aliases = []
    for mention in in_text_order:
        if mention.name != name and mention.name not in aliases:
            aliases.append(mention.name)
    # a name found again where an alias was defined is one place: records made once per place
    places = sorted({(m.start_char, m.end_char, m.name) for m in cluster})
    mentions = tuple(Mention(text, start, end) for start, end, text in places)
    return Entity(name, label, tuple(aliases), mentions, attributes)


def canonicalize(doc: Doc) -> Doc:
    """Set ``doc._.entities`` and the token index behind `canonical_name`; drop the entities
    that are only part of a party-state tag and add aliases the model missed to ``doc.ents``."""
    mentions, tag_ranges, text = [], [], article_text(doc)
    ents = doc.ents  # each ``doc.ents`` makes its Spans anew: read once
    for ent in ents:
        label = ent.label_
        if label not in ENTITY_LABELS:
            continue
        mention = _clean_mention(ent, label)
        if mention is None:
            continue
        if label == "PERSON":
            tag = _party_state_tag(ent, text)
            if tag:
                mention.attributes.update(tag[0])
                tag_ranges.append(tag[1])
        mentions.append(mention)
    mentions = [m for m in mentions if not _in_tag(m.start_char, m.end_char, tag_ranges)]
    clusters = _cluster(mentions, doc, ents)
    entities, by_token = [], {}
    for cluster in clusters:
        entity = _entity(cluster)
        entities.append(entity)
        for mention in cluster:
            for index in range(mention.start, mention.end):
                by_token[index] = entity
    entities.sort(key=lambda entity: entity.mentions[0].start)
    doc._.entities = entities
    doc.user_data[_BY_TOKEN_KEY] = by_token
    _update_doc_ents(doc, ents, mentions, tag_ranges)
    return doc


def _in_tag(start: int, end: int, tag_ranges: list[tuple[int, int]]) -> bool:
    """Whether the characters from ``start`` to ``end`` are inside a party-state tag."""
    return any(tag_start <= start and end <= tag_end for tag_start, tag_end in tag_ranges)


def _update_doc_ents(
    doc: Doc, ents: tuple[Span, ...], mentions: list[_Mention], tag_ranges: list
) -> None:
    kept = [ent for ent in ents if not _in_tag(ent.start_char, ent.end_char, tag_ranges)]
    taken = {index for ent in kept for index in range(ent.start, ent.end)}
    added = [
        Span(doc, m.start, m.end, label=m.label)
        for m in mentions
        if taken.isdisjoint(range(m.start, m.end))
    ]
    if added or len(kept) < len(ents):  # setting the entities rewrites every token's tags
        # as ``doc.ents = spans`` does, without first making every Span anew
        doc.set_ents(filter_spans(kept + added))


@Language.component("newsclaims_entities")
def entities_component(doc: Doc) -> Doc:
    """Make the article's entities canonical: ``doc._.entities`` and ``span._.canonical_name``."""
    return canonicalize(doc)


def article_entities(doc: Doc) -> list[Entity]:
    """The canonical entities of a parsed article, with every mention."""
    if doc._.entities is None:
        canonicalize(doc)
    return doc._.entities


def entity_of(span: Span) -> Entity | None:
    """The canonical entity a span names: the one at its root, else the first inside it."""
    doc = span.doc
    by_token = doc.user_data.get(_BY_TOKEN_KEY)
    if by_token is None:
        by_token = canonicalize(doc).user_data[_BY_TOKEN_KEY]
    if span.root.i in by_token:
        return by_token[span.root.i]
    return next((by_token[token.i] for token in span if token.i in by_token), None)


def canonical_name(span: Span) -> str | None:
    """The canonical name of the entity a span names or contains ("ICE" -> "U.S. Immigration
    and Customs Enforcement"), or None."""
    entity = entity_of(span)
    return entity.name if entity else None


Span.set_extension("canonical_name", getter=canonical_name, force=True)


def prefer_longer_ents(entities: Iterable[Span], spans: Iterable[Span]) -> list[Span]:
    """Gazetteer matches fill what the model missed and replace the names it cut short
    ("U.S. Immigration" -> "U.S. Immigration and Customs Enforcement"); otherwise the
    model's entities stand ("Washington" stays inside "George Washington")."""
    kept = {ent.start: ent for ent in entities}  # the entities do not overlap
    owner = {index: ent.start for ent in kept.values() for index in range(ent.start, ent.end)}
    for span in filter_spans(spans):
        overlapping = {owner[i] for i in range(span.start, span.end) if i in owner}
        if all(
            span.start <= kept[start].start
            and kept[start].end <= span.end
            and len(kept[start]) < len(span)
            for start in overlapping
        ):
            for start in overlapping:
                for index in range(kept[start].start, kept[start].end):
                    del owner[index]
                del kept[start]
            kept[span.start] = span
            owner.update(dict.fromkeys(range(span.start, span.end), span.start))
    return list(kept.values())


@registry.misc("newsclaims.prefer_longer_ents.v1")
def make_prefer_longer_ents():
    return prefer_longer_ents
