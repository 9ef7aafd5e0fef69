"""Which catalogue question a text means: BM25 over each question's phrasings.

A question is described by its titles and its example phrasings (``#+ ask@vi:``
in its ``.rq`` header, or ``ask=`` in a graph question's registration). Each
becomes a small document of folded words and bigrams, plus one of character
trigrams for typos; a question scores as its best document. The matcher also
learns, from the words around each ``{name}`` slot, which parameter an entity
said at a given place fills ("báo cáo cho {recipient}").

Built once per catalogue (:func:`matcher_for`).
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ontology.errors import DataError
from queries.ask.ranking import Bm25
from queries.ask.wording import (
    FUNCTION_WORDS,
    SLOT,
    Synonyms,
    char_grams,
    features,
    load_synonyms,
    phrasing_words,
    within_one_edit,
    words,
)
from queries.question import Question

# A trigram match is weak evidence: it breaks ties and rescues typos.
CHAR_WEIGHT = 0.25
# Share of the asked content words a question must account for.
MIN_COVERAGE = 0.5
MIN_SCORE = 1.0
ALTERNATIVE_SHARE = 0.5
# Each named post or unit beyond a question's places for one makes it less likely,
# and a question that needs one less likely when none is named.
NO_PLACE_FOR_ENTITY = 0.8
MISSING_ENTITY = 0.7
MAX_ALTERNATIVES = 3


@dataclass(frozen=True)
class Phrasing:
    """One document of a question: a title or an example phrasing."""

    question: str
    text: str
    words: tuple[str, ...]
    slots: tuple[str, ...]


@dataclass(frozen=True)
class Ranked:
    """A question's score for one asked text, with the phrasing that scored it."""

    question: str
    score: float
    phrasing: Phrasing
    shared: tuple[str, ...]
    coverage: float


@dataclass
class Cues:
    """Words said just before and just after a parameter's slot in the phrasings."""

    before: Counter[str] = field(default_factory=Counter)
    after: Counter[str] = field(default_factory=Counter)
    first: int = 0


class Matcher:
    """Ranks the catalogue's questions for an asked text."""

    def __init__(self, questions: Sequence[Question], synonyms: Synonyms | None = None) -> None:
        self.synonyms = synonyms or load_synonyms()
        self.phrasings: list[Phrasing] = []
        self.cues: dict[tuple[str, str], Cues] = {}
        self.vocabulary: dict[str, set[str]] = {}
        for question in questions:
            self._add(question)
        canonical = [self.synonyms.canonical(p.words) for p in self.phrasings]
        self._words = Bm25([features(c) for c in canonical])
        self._frequency: Counter[str] = Counter(word for c in canonical for word in c)
        self._chars = Bm25([char_grams(c) for c in canonical])
        self.known = (
            {word for c in canonical for word in c}
            | {word for p in self.phrasings for word in p.words}
            | self.synonyms.words
        )
        self._said = {
            tuple(p.words[i:j])
            for p in self.phrasings
            for i in range(len(p.words))
            for j in range(i + 1, len(p.words) + 1)
        }
        self._with_extra: tuple[set[str] | None, set[str]] = (None, self.known)
        self._entity_places = {
            q.id: sum(1 for p in q.parameters if p.kind == "iri") for q in questions
        }
        self._needs_entity = {
            q.id: any(p.kind == "iri" and p.required for p in q.parameters) for q in questions
        }

    def _add(self, question: Question) -> None:
        texts = [*question.title.values()]
        for lang in sorted(question.ask):
            texts.extend(question.ask[lang])
        vocabulary = self.vocabulary.setdefault(question.id, set())
        for text in texts:
            sequence, names = phrasing_words(text)
            for name in names:
                parameter = question.parameter(name)
                if parameter is None:
                    raise DataError(
                        f"question {question.id!r}: phrasing {text!r} names "
                        f"{{{name}}}, which is not one of its parameters",
                        path=question.path,
                    )
            self.phrasings.append(Phrasing(question.id, text, tuple(sequence), tuple(names)))
            canonical = self.synonyms.canonical(sequence)
            vocabulary.update(canonical)
            self._learn_cues(question.id, canonical, names)

    def _learn_cues(self, question: str, sequence: list[str], names: list[str]) -> None:
        slots = [i for i, word in enumerate(sequence) if word == SLOT]
        for position, name in zip(slots, names, strict=True):
            cues = self.cues.setdefault((question, name), Cues())
            if position > 0:
                cues.before[sequence[position - 1]] += 1
            else:
                cues.first += 1
            if position + 1 < len(sequence):
                cues.after[sequence[position + 1]] += 1

    def says(self, sequence: Sequence[str]) -> bool:
        """Whether ``sequence`` is said, word for word, in some example phrasing."""
        return tuple(sequence) in self._said

    def correct(self, sequence: Sequence[str], extra: set[str]) -> list[str]:
        """Each unknown word replaced by a known one a single edit away.

        Words of four letters or more take any one edit; three-letter words
        only a swap of two letters ("coa" for "cao"), since most short folded
        syllables are words. Among several, a swap wins, then the commonest.
        """
        if self._with_extra[0] is not extra:  # an entity index's words: one union per index
            self._with_extra = (extra, self.known | extra)
        known = self._with_extra[1]
        out: list[str] = []
        for word in sequence:
            if word in known or len(word) < 3 or word == SLOT:
                out.append(word)
                continue
            near = [k for k in known if len(k) >= 3 and within_one_edit(word, k)]
            if len(word) == 3:
                near = [k for k in near if sorted(k) == sorted(word)]
            near.sort(key=lambda k: (sorted(k) != sorted(word), -self._frequency[k], k))
            out.append(near[0] if near else word)
        return out

    def rank(self, sequence: Sequence[str], named: frozenset[str] = frozenset()) -> list[Ranked]:
        """Every question with a score above 0, best first (``sequence``: folded words).

        Words of ``named`` (said as part of an entity's name) count towards a
        question's coverage when its wording has them, never against it.
        """
        canonical = self.synonyms.canonical(sequence)
        query = features(canonical)
        by_words = self._words.scores(query)
        by_chars = self._chars.scores(char_grams(canonical))
        best: dict[str, tuple[float, int]] = {}
        for index, phrasing in enumerate(self.phrasings):
            score = by_words[index] + CHAR_WEIGHT * by_chars[index]
            if score > best.get(phrasing.question, (0.0, -1))[0]:
                best[phrasing.question] = (score, index)
        content = [w for w in canonical if w not in FUNCTION_WORDS and w != SLOT]
        # With nothing but function words, those are what must be explained.
        content = content or [w for w in canonical if w != SLOT]
        entities_said = canonical.count(SLOT)
        ranked = []
        for question, (found, index) in best.items():
            score = found * self._prior(question, entities_said)
            vocabulary = self.vocabulary[question]
            counted = [w for w in content if w in vocabulary or w not in named]
            covered = sum(1 for w in counted if w in vocabulary)
            coverage = covered / len(counted) if counted else 0.0
            shared = tuple(self._words.shared(query, index))
            ranked.append(Ranked(question, score, self.phrasings[index], shared, coverage))
        ranked.sort(key=lambda r: (-r.score, r.question))
        return ranked

    def _prior(self, question: str, entities_said: int) -> float:
        """Whether the question has a place for each entity named, and one named if it needs it."""
        if entities_said:
            places = self._entity_places[question]
            return float(NO_PLACE_FOR_ENTITY ** max(0, entities_said - places))
        return MISSING_ENTITY if self._needs_entity[question] else 1.0


def is_confident(ranked: Sequence[Ranked]) -> bool:
    """Whether the best question explains the text well enough to be run."""
    if not ranked:
        return False
    top = ranked[0]
    return top.score >= MIN_SCORE and top.coverage >= MIN_COVERAGE


def alternatives_of(ranked: Sequence[Ranked]) -> list[str]:
    """The other likely questions: within reach of the best one's score."""
    if not ranked:
        return []
    floor = ranked[0].score * ALTERNATIVE_SHARE
    return [r.question for r in ranked[1:] if r.score >= floor][:MAX_ALTERNATIVES]


_MATCHERS: dict[int, tuple[weakref.ref[Mapping[str, Question]], Matcher]] = {}


def matcher_for(catalogue: Mapping[str, Question]) -> Matcher:
    """The matcher of ``catalogue``, built once per catalogue object."""
    cached = _MATCHERS.get(id(catalogue))
    if cached is not None and cached[0]() is catalogue:
        return cached[1]
    matcher = Matcher(list(catalogue.values()))
    _MATCHERS[id(catalogue)] = (weakref.ref(catalogue), matcher)
    return matcher


__all__ = ["Matcher", "Ranked", "alternatives_of", "is_confident", "matcher_for", "words"]
