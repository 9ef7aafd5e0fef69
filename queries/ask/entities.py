"""The entities an asked text names, found through the store's folded labels.

Every label the loader folded (``skos:hiddenLabel``) is indexed as a word
sequence. A span of the text that is a whole label names its entities; a
span that is part of a post's, unit's, agent's or role's label ("truyền
thông" in "Nhóm Truyền thông") names the one whose label it covers best,
as long as it is three words or more or holds a word that is not the
questions' own wording ("báo cáo"). Longer spans win; a whole label wins a
tie. A whole label that the questions' phrasings also say ("Thành viên")
is a weak mention: it fills a parameter only when nothing stronger does.

Built once per store version and language (:func:`entity_index`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from rdflib import Literal, URIRef

from ontology.sparql import read_sparql
from ontology.store import Store
from queries.analysis import memo_of
from queries.ask.wording import FUNCTION_WORDS, words

MAX_SPAN = 16
# A single word names an entity by part of its label only when it is this
# long and says something (a name: "Dũng"), never a function word.
MIN_LONE_WORD = 4


@dataclass(frozen=True)
class Entity:
    """An entity that can fill a parameter: its IRI, display label, and kind."""

    iri: str
    label: str
    structural: bool


@dataclass(frozen=True)
class Mention:
    """A span of the asked words (``start``..``end``) and the entities it may name."""

    start: int
    end: int
    surface: str
    entities: tuple[Entity, ...]
    whole: bool
    # The questions' phrasings say these words too ("thành viên"): the text may
    # be asking about members, not naming the entity called "Thành viên".
    weak: bool = False

    @property
    def structural(self) -> bool:
        return any(entity.structural for entity in self.entities)


class EntityIndex:
    """Folded label word sequences -> entities, whole and in part."""

    def __init__(self, entities: Sequence[tuple[Entity, Sequence[str]]]) -> None:
        self.entities: dict[str, Entity] = {}
        self._whole: dict[tuple[str, ...], set[str]] = {}
        # Part of a label -> entity -> the largest share of a label it covers.
        self._part: dict[tuple[str, ...], dict[str, float]] = {}
        self.vocabulary: set[str] = set()
        for entity, labels in entities:
            self.entities[entity.iri] = entity
            for label in labels:
                sequence = tuple(words(label))[:MAX_SPAN]
                if not sequence:
                    continue
                self.vocabulary.update(sequence)
                self._whole.setdefault(sequence, set()).add(entity.iri)
                if entity.structural:
                    self._add_parts(entity.iri, sequence)

    def _add_parts(self, iri: str, sequence: tuple[str, ...]) -> None:
        size = len(sequence)
        for start in range(size):
            for end in range(start + 1, size + 1):
                if end - start == size:
                    continue
                shares = self._part.setdefault(sequence[start:end], {})
                share = (end - start) / size
                shares[iri] = max(share, shares.get(iri, 0.0))

    def find(
        self, sequence: Sequence[str], reserved: set[str], said: Callable[[Sequence[str]], bool]
    ) -> list[Mention]:
        """The mentions in ``sequence``, left to right, never overlapping."""
        mentions: list[Mention] = []
        i = 0
        while i < len(sequence):
            mention = self._mention_at(sequence, i, reserved, said)
            if mention is None:
                i += 1
            else:
                mentions.append(mention)
                i = mention.end
        return mentions

    def _mention_at(
        self,
        sequence: Sequence[str],
        i: int,
        reserved: set[str],
        said: Callable[[Sequence[str]], bool],
    ) -> Mention | None:
        for end in range(min(len(sequence), i + MAX_SPAN), i, -1):
            span = tuple(sequence[i:end])
            whole = self._whole.get(span)
            if whole:
                mention = self._mention(i, end, span, sorted(whole), whole=True)
                return replace(mention, weak=said(span))
            shares = self._part.get(span)
            if shares and self._may_be_part(span, reserved):
                top = max(shares.values())
                chosen = sorted(iri for iri, share in shares.items() if share == top)
                return self._mention(i, end, span, chosen, whole=False)
        return None

    @staticmethod
    def _may_be_part(span: tuple[str, ...], reserved: set[str]) -> bool:
        if span[0] in FUNCTION_WORDS or span[-1] in FUNCTION_WORDS:
            return False
        if len(span) == 1:
            return span[0] not in reserved and len(span[0]) >= MIN_LONE_WORD
        # Something in it must be a name, not the questions' own words.
        return len(span) >= 3 or any(word not in reserved for word in span)

    def _mention(
        self, start: int, end: int, span: tuple[str, ...], iris: list[str], *, whole: bool
    ) -> Mention:
        entities = [self.entities[iri] for iri in iris]
        # A structural reading (post, unit, agent) beats a code list or a text.
        structural = [e for e in entities if e.structural]
        return Mention(start, end, " ".join(span), tuple(structural or entities), whole)


def entity_index(store: Store, lang: str) -> EntityIndex:
    """The entity index of ``store`` for display in ``lang``, built once per store version."""
    memo = memo_of(store)
    key = ("ask-entities", lang)
    if key not in memo:
        memo[key] = build_index(store, lang)
    index: EntityIndex = memo[key]
    return index


def build_index(store: Store, lang: str) -> EntityIndex:
    """Read every folded label of ``store`` into an :class:`EntityIndex`."""
    table = store.select(read_sparql("ask-entities"), {"lang": Literal(lang)})
    labels: dict[str, set[str]] = {}
    display: dict[str, tuple[int, str]] = {}
    structural: dict[str, bool] = {}
    for row in table.records():
        entity, hidden, label = row["entity"], row["hidden"], row["label"]
        if not isinstance(entity, URIRef) or hidden is None:
            continue
        iri = str(entity)
        labels.setdefault(iri, set()).add(str(hidden))
        structural[iri] = structural.get(iri, False) or _true(row["structural"])
        if isinstance(label, Literal):
            rank = (0 if label.language == lang else 1, str(label))
            if iri not in display or rank < (display[iri][0], display[iri][1]):
                display[iri] = rank
    return EntityIndex(
        [
            (
                Entity(iri, display[iri][1] if iri in display else iri, structural[iri]),
                sorted(texts),
            )
            for iri, texts in sorted(labels.items())
        ]
    )


def _true(term: object) -> bool:
    return isinstance(term, Literal) and term.toPython() is True
