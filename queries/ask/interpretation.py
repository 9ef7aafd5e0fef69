"""Ask in plain words: the question a text means, its parameters, and the answer.

>>> from ontology import load_regulation
>>> meant = interpret(load_regulation(), "nhom truyen thong bao cao cho ai")
>>> meant.question.id, meant.understood
('chain-of-command', 'Chuỗi chỉ huy, from = Nhóm Truyền thông')

Nothing is run on a guess: a text no question explains well raises
:class:`~ontology.errors.NotUnderstood` with the closest questions, and a
required parameter the text does not name (or names ambiguously) raises
:class:`~ontology.errors.UnresolvedParameter` with the entities to choose from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ontology.errors import NotUnderstood, ParameterError, UnresolvedParameter
from ontology.store import Store
from queries.answer import Answer
from queries.ask.entities import Entity, EntityIndex, Mention, entity_index
from queries.ask.matcher import Matcher, Ranked, alternatives_of, is_confident, matcher_for
from queries.ask.wording import FUNCTION_WORDS, SLOT, words
from queries.catalogue import load_catalogue
from queries.question import Parameter, Question
from queries.runner import run_query

MAX_TEXT = 500
MAX_CANDIDATES = 10
CLOSEST = 5
CUE_REACH = 2
_TYPED_WORD = re.compile(r"[^\W_]+(?:[&'][^\W_]+)*")


@dataclass(frozen=True)
class Interpretation:
    """What an asked text was understood to mean."""

    text: str
    question: Question
    params: Mapping[str, str]
    labels: Mapping[str, str]
    understood: str
    alternatives: tuple[str, ...]
    explanation: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question.id,
            "params": dict(self.params),
            "understood": self.understood,
            "alternatives": list(self.alternatives),
        }


def ask(
    store: Store,
    text: str,
    *,
    catalogue: Mapping[str, Question] | None = None,
    lang: str = "vi",
    question: str | None = None,
) -> tuple[Interpretation, Answer]:
    """Interpret ``text`` and answer the question it means (or ``question``, if given)."""
    meant = interpret(store, text, catalogue=catalogue, lang=lang, question=question)
    return meant, run_query(store, meant.question, meant.params, lang=lang)


def interpret(
    store: Store,
    text: str,
    *,
    catalogue: Mapping[str, Question] | None = None,
    lang: str = "vi",
    question: str | None = None,
) -> Interpretation:
    """The question ``text`` means and its parameters, or an error saying what is missing.

    ``question`` (an id) takes that question instead of the best one, its
    parameters still filled from the text: a person picking an alternative.
    """
    catalogue = catalogue if catalogue is not None else load_catalogue()
    value = text.strip()
    if not value:
        raise ParameterError("the question is empty", parameter="q")
    if len(value) > MAX_TEXT:
        raise ParameterError(f"the question is longer than {MAX_TEXT} characters", parameter="q")
    matcher = matcher_for(catalogue)
    index = entity_index(store, lang)
    said = words(value)
    sequence = matcher.correct(said, index.vocabulary)
    typed = _typed_words(value, said)
    mentions = index.find(sequence, matcher.known, matcher.says)
    slotted = _slotted(sequence, mentions)
    named = frozenset(word for m in mentions for word in sequence[m.start : m.end])
    ranked = matcher.rank(slotted, named)
    if question is not None:
        chosen = catalogue[question]  # UnknownQuestion (404) for a bad id
        ranked = sorted(ranked, key=lambda r: r.question != chosen.id)
        if not ranked or ranked[0].question != chosen.id:
            ranked.insert(0, Ranked(chosen.id, 0.0, matcher.phrasings[0], (), 0.0))
    elif not is_confident(ranked):
        raise NotUnderstood(
            f"no question matches {value!r} well enough; closest: "
            + ", ".join(r.question for r in ranked[:CLOSEST]),
            candidates=tuple(_question_ref(catalogue[r.question], lang) for r in ranked[:CLOSEST]),
        )
    meant = catalogue[ranked[0].question]
    filler = _Filler(
        meant, matcher=matcher, index=index, sequence=sequence, mentions=mentions, said=typed
    )
    params, labels = filler.fill()
    alternatives = tuple(alternatives_of(ranked))
    understood = ", ".join([meant.title_in(lang), *(f"{name} = {labels[name]}" for name in params)])
    return Interpretation(
        text=value,
        question=meant,
        params=params,
        labels=labels,
        understood=understood,
        alternatives=alternatives,
        explanation=tuple(_explain(sequence, mentions, ranked, filler.used)),
    )


def _slotted(sequence: Sequence[str], mentions: Sequence[Mention]) -> list[str]:
    """The words with each post, unit or agent named replaced by :data:`SLOT`."""
    out: list[str] = []
    i = 0
    for mention in mentions:
        if not mention.structural or mention.weak:
            continue
        out.extend(sequence[i : mention.start])
        out.append(SLOT)
        i = mention.end
    out.extend(sequence[i:])
    return out


class _Filler:
    """Fills a question's parameters from the mentions, guided by the slot cues."""

    def __init__(
        self,
        question: Question,
        *,
        matcher: Matcher,
        index: EntityIndex,
        sequence: Sequence[str],
        mentions: Sequence[Mention],
        said: Sequence[str],
    ) -> None:
        self.question = question
        self.matcher = matcher
        self.index = index
        self.sequence = sequence
        self.mentions = mentions
        # The words as typed (uncorrected, accents kept): a searched text is taken as it is.
        self.said = said
        self.used: dict[str, Mention] = {}

    def fill(self) -> tuple[dict[str, str], dict[str, str]]:
        params: dict[str, str] = {}
        labels: dict[str, str] = {}
        entity_params = [p for p in self.question.parameters if p.kind == "iri"]
        usable = [
            m
            for m in self.mentions
            if m.structural
            or (
                len(entity_params) == 1
                and not set(self.sequence[m.start : m.end]) <= self.matcher.known
            )
        ]
        # A post, unit or agent first: that is what parameters usually name.
        for mention in sorted(usable, key=lambda m: (m.weak, not m.structural)):
            free = [p for p in entity_params if p.name not in self.used]
            if not free:
                break
            self.used[max(free, key=lambda p: self._fit(p, mention)).name] = mention
        for parameter in self.question.parameters:
            if parameter.kind == "iri":
                entity = self._entity(parameter)
                if entity is not None:
                    params[parameter.name], labels[parameter.name] = entity.iri, entity.label
            else:
                said = self._text(parameter)
                if said:
                    params[parameter.name] = labels[parameter.name] = said
        return params, labels

    def _fit(self, parameter: Parameter, mention: Mention) -> tuple[int, int]:
        """How well the words around ``mention`` fit the words around ``{parameter}``."""
        cues = self.matcher.cues.get((self.question.id, parameter.name))
        order = -self.question.parameters.index(parameter)
        if cues is None:
            return (0, order)
        canonical = self.matcher.synonyms.canonical
        # Two words each side: an article may sit between ("to the Director").
        before = canonical(self.sequence[: mention.start])[-CUE_REACH:]
        after = canonical(self.sequence[mention.end :])[:CUE_REACH]
        score = max((cues.before[w] for w in before), default=0) if before else cues.first
        score += max((cues.after[w] for w in after), default=0)
        return (score, order)

    def _entity(self, parameter: Parameter) -> Entity | None:
        mention = self.used.get(parameter.name)
        if mention is None:
            if parameter.required:
                raise self._unresolved(
                    parameter,
                    f"question {self.question.id!r} needs {parameter.name!r} "
                    f"({parameter.description}); the text names none",
                    self._suggest(),
                )
            return None
        if len(mention.entities) > 1:
            raise self._unresolved(
                parameter,
                f"{mention.surface!r} may name {len(mention.entities)} entities; "
                f"say which one for {parameter.name!r}",
                mention.entities,
            )
        return mention.entities[0]

    def _text(self, parameter: Parameter) -> str:
        """The words typed that are not the question's own: what to look for."""
        vocabulary = self.matcher.vocabulary[self.question.id]
        rest = [
            typed
            for typed, read in zip(self.said, self.sequence, strict=True)
            if read not in vocabulary and read not in FUNCTION_WORDS
        ]
        if not rest and parameter.required:
            raise self._unresolved(
                parameter,
                f"question {self.question.id!r} needs {parameter.name!r}: what to look for",
                (),
            )
        return " ".join(rest)

    def _suggest(self) -> tuple[Entity, ...]:
        """Entities to offer when none is named: those sharing a word with the text, else any."""
        said = set(self.sequence) - FUNCTION_WORDS - self.matcher.known
        structural = [e for e in self.index.entities.values() if e.structural]
        near = [e for e in structural if said & set(words(e.label))]
        return tuple(sorted(near or structural, key=lambda e: e.label)[:MAX_CANDIDATES])

    def _unresolved(
        self, parameter: Parameter, message: str, entities: Sequence[Entity]
    ) -> UnresolvedParameter:
        candidates = tuple({"iri": e.iri, "label": e.label} for e in entities[:MAX_CANDIDATES])
        listed = "; ".join(f"{c['label']} <{c['iri']}>" for c in candidates)
        return UnresolvedParameter(
            message + (f"; candidates: {listed}" if listed else ""),
            parameter=parameter.name,
            question=self.question.id,
            candidates=candidates,
        )


def _typed_words(text: str, folded: Sequence[str]) -> list[str]:
    """The words of ``text`` as typed, one per folded word (else the folded words)."""
    typed = _TYPED_WORD.findall(text)
    return typed if len(typed) == len(folded) else list(folded)


def _question_ref(question: Question, lang: str) -> dict[str, str]:
    return {"id": question.id, "title": question.title_in(lang)}


def _explain(
    sequence: Sequence[str],
    mentions: Sequence[Mention],
    ranked: Sequence[Ranked],
    used: Mapping[str, Mention],
) -> list[str]:
    lines = [f"words: {' '.join(sequence)}"]
    for mention in mentions:
        how = "whole label" if mention.whole else "part of a label"
        names = ", ".join(f"{e.label} <{e.iri}>" for e in mention.entities)
        role = next((name for name, m in used.items() if m is mention), None)
        lines.append(
            f"entity: {mention.surface!r} ({how}) -> {names}"
            + (f" as {role}" if role else " (not used)")
        )
    for rank in ranked[:CLOSEST]:
        lines.append(
            f"question: {rank.question} score {rank.score:.2f} coverage {rank.coverage:.0%} "
            f"via {rank.phrasing.text!r} sharing {', '.join(rank.shared) or '-'}"
        )
    return lines
