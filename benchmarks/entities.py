"""The things a generated organisation is made of, one triple group each.

:class:`EntityWriter` writes an organisation or unit, a post, a person
holding a post (sometimes none, sometimes a second post), a reporting line,
a duty and a source document, with the bundled regulation's modelling (see
:mod:`benchmarks.builder`, which plans what to write). It keeps the counts
and samples the generator reports.
"""

from __future__ import annotations

import random
from collections import Counter

from benchmarks import lexicon
from benchmarks.naming import slugify, strip_marks
from benchmarks.ntriples import TripleWriter
from benchmarks.sources import Document, open_document, write_labels
from benchmarks.terms import ACTIONS, DERIVED, FOAF, FREQUENCIES, ID, ODRL, OKG, ORG, TYPE

VACANT_POST_RATE = 0.04
SECOND_POST_RATE = 0.08
_RECENT_HOLDERS = 64


class EntityWriter:
    """Writes one thing at a time to ``out``, counting it; ``rng`` picks names and holders."""

    def __init__(self, out: TripleWriter, rng: random.Random) -> None:
        self.out = out
        self.rng = rng
        self.counts: Counter[str] = Counter(
            bodies=0, units=0, posts=0, people=0, duties=0, unassigned_duties=0, max_depth=0
        )
        self.samples: dict[str, str] = {}
        self._names: Counter[str] = Counter()
        self._documents = 0
        # Recent holders (person, name, unit): a second post goes to someone
        # of a nearby unit of the same body, as concurrent posts do.
        self._recent: list[tuple[str, str, str]] = []

    def _organisation(
        self, iri: str, name_vi: str, name_en: str, said: str, *, unit_of: str | None = None
    ) -> None:
        out = self.out
        out.link(iri, TYPE, ORG + ("OrganizationalUnit" if unit_of else "FormalOrganization"))
        write_labels(self.out, iri, name_vi, name_en)
        if unit_of:
            out.link(iri, ORG + "unitOf", unit_of)
            out.link(unit_of, ORG + "hasUnit", iri)
        out.link(iri, DERIVED, said)

    def _post(self, post: str, unit: str, role: str, label: tuple[str, str], said: str) -> None:
        out = self.out
        out.link(post, TYPE, ORG + "Post")
        write_labels(self.out, post, *label)
        out.link(post, ORG + "postIn", unit)
        out.link(unit, ORG + "hasPost", post)
        out.link(post, ORG + "role", role)
        out.link(post, DERIVED, said)
        self.counts["posts"] += 1

    def _fill(self, post: str, said: str, unit: str) -> tuple[str, str] | None:
        """Give a post a holder: usually a new person, sometimes nobody or a second post."""
        roll = self.rng.random()
        if roll < VACANT_POST_RATE:
            self.samples.setdefault("vacant_post", post)
            return None
        if roll < VACANT_POST_RATE + SECOND_POST_RATE and self._recent:
            person, name, other = self._recent[self.rng.randrange(len(self._recent))]
            if other != unit:
                self.out.link(post, ORG + "heldBy", person)
                self.out.link(person, ORG + "holds", post)
                self.samples.setdefault("multi_post_person", person)
                return person, name
        return self._hold(post, said, unit=unit)

    def _hold(
        self, post: str, said: str, *, head_of: str | None = None, unit: str = ""
    ) -> tuple[str, str]:
        """A new person holds ``post``; returns the person's IRI and name."""
        rng, out = self.rng, self.out
        family, middle = rng.choice(lexicon.FAMILY_NAMES), rng.choice(lexicon.MIDDLE_NAMES)
        name = f"{family} {middle} {rng.choice(lexicon.GIVEN_NAMES)}"
        self._names[name] += 1
        person = f"{ID}person/{slugify(name)}-{self._names[name]}"
        out.link(person, TYPE, FOAF + "Person")
        out.text(person, FOAF + "name", name)
        write_labels(self.out, person, name, strip_marks(name))
        out.link(post, ORG + "heldBy", person)
        out.link(person, ORG + "holds", post)
        if head_of:
            out.link(person, ORG + "headOf", head_of)
        out.link(person, DERIVED, said)
        self.counts["people"] += 1
        self.samples.setdefault("person", person)
        self._recent.append((person, name, unit))
        if len(self._recent) > _RECENT_HOLDERS:
            self._recent.pop(0)
        return person, name

    def _report(
        self,
        reporter: tuple[str, tuple[str, str]],
        recipient: tuple[str, tuple[str, str]],
        *,
        frequency: str = FREQUENCIES[0],
        channels: list[str] | None = None,
        said: str,
    ) -> None:
        """``org:reportsTo`` plus the ``okg:ReportingLine`` qualifying it (named by reporter)."""
        out = self.out
        (source, (source_vi, source_en)), (target, (target_vi, target_en)) = reporter, recipient
        line = source.replace("/post/", "/reporting/", 1)
        out.link(source, ORG + "reportsTo", target)
        out.link(line, TYPE, OKG + "ReportingLine")
        write_labels(
            self.out,
            line,
            f"{source_vi} báo cáo {target_vi}",
            f"{source_en} reports to {target_en}",
        )
        out.link(line, OKG + "reporter", source)
        out.link(line, OKG + "recipient", target)
        out.link(line, OKG + "frequency", frequency)
        for channel in channels or [OKG + "channelWritten"]:
            out.link(line, OKG + "channel", channel)
        out.link(line, DERIVED, said)

    def _duty(
        self,
        duty: str,
        doc: Document,
        label: tuple[str, str],
        *,
        bearer: str | None,
        target: str,
        said: str,
    ) -> None:
        out = self.out
        out.link(duty, TYPE, ODRL + "Duty")
        write_labels(self.out, duty, *label)
        if bearer is None:
            self.counts["unassigned_duties"] += 1
            self.samples.setdefault("unassigned_duty", duty)
        else:
            out.link(duty, ODRL + "assignee", bearer)
        out.link(duty, ODRL + "action", self.rng.choice(ACTIONS))
        out.link(duty, ODRL + "target", target)
        out.link(duty, DERIVED, said)
        out.link(doc.legal, ODRL + "obligation", duty)
        self.counts["duties"] += 1

    def _document(self, kind: tuple[str, str], about: tuple[str, str]) -> Document:
        self._documents += 1
        return open_document(self.out, self._documents, kind, about)
