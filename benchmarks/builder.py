"""The organisation builder behind :func:`benchmarks.generator.generate`.

It follows the bundled regulation's modelling (ontology/README.md and
ontology/regulations/qd-426-2018/): inverse pairs are both written
(``org:unitOf``/``org:hasUnit``, ``org:postIn``/``org:hasPost``,
``org:heldBy``/``org:holds``), a reporting line is an ``org:reportsTo``
triple plus an ``okg:ReportingLine``, the legal resource is the ``odrl:Set``
listing the duties and permissions, and every fact is derived from a sentence
of a source document split into paragraphs and sentences.

Only the current body's state is kept, so memory stays flat at any size.
The builder plans (bodies, units, councils); :mod:`benchmarks.entities`
writes each thing.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from benchmarks import lexicon
from benchmarks.bodyrules import write_meeting, write_seal
from benchmarks.entities import EntityWriter
from benchmarks.lexicon import BodyKind, Tier
from benchmarks.naming import slugify, strip_marks
from benchmarks.ntriples import TripleWriter
from benchmarks.sources import Document, close_document
from benchmarks.terms import (
    ALT,
    CHANNEL_WORDS,
    CHANNELS,
    DERIVED,
    ELI,
    FREQUENCIES,
    FREQUENCY_WORDS,
    ID,
    OKG,
    ORG,
    REGIMES,
    ROLE_DEPUTY,
    ROLE_EXPERT,
    ROLE_HEAD,
    ROLE_MEMBER,
    ROLE_SUPPORT,
    TYPE,
)

# Used only to size bodies; the builder stops on the real count. Measured on
# the output (about 145 triples per unit with its posts, people, lines,
# duties and sentences).
TRIPLES_PER_UNIT = 145
_MIN_BODY_UNITS, _MAX_BODY_UNITS = 30, 400
UNASSIGNED_DUTY_RATE = 0.03
_MEMBER_KINDS = (
    (ROLE_MEMBER, lexicon.MEMBER_VI, lexicon.MEMBER_EN),
    (ROLE_MEMBER, lexicon.MEMBER_VI, lexicon.MEMBER_EN),
    (ROLE_EXPERT, lexicon.EXPERT_VI, lexicon.EXPERT_EN),
    (ROLE_SUPPORT, lexicon.SUPPORT_VI, lexicon.SUPPORT_EN),
)


@dataclass
class _Unit:
    iri: str
    slug: str
    name_vi: str
    name_en: str
    head: str
    head_label: tuple[str, str]
    head_holder: str | None = None


class Builder(EntityWriter):
    """Writes a government and its bodies until ``target`` triples are out."""

    def __init__(self, out: TripleWriter, rng: random.Random) -> None:
        super().__init__(out, rng)
        self._kinds: Counter[str] = Counter()

    # -- plan ------------------------------------------------------------------

    def build(self, target: int) -> None:
        gov_head = self._government()
        typical = max(_MIN_BODY_UNITS, min(_MAX_BODY_UNITS, target // (TRIPLES_PER_UNIT * 4)))
        index = 0
        while self.out.count < target:
            left = (target - self.out.count) // TRIPLES_PER_UNIT
            # The last body takes what is left, so the file overshoots little.
            units = typical if left > typical * 3 // 2 else max(8, left)
            self._body(lexicon.MINISTRY if index % 3 == 0 else lexicon.PROVINCE, units, gov_head)
            index += 1

    @staticmethod
    def levels(units: int, depth: int) -> list[int]:
        """Units per level below the body: every level non-empty, deeper ones wider."""
        levels = depth - 1
        sizes = [1] * levels
        extra = max(0, units - levels)
        weights = [1.5**i for i in range(levels)]
        for i, weight in enumerate(weights):
            sizes[i] += int(extra * weight / sum(weights))
        sizes[-1] += max(0, units - sum(sizes))
        return sizes

    # -- the government ----------------------------------------------------------

    def _government(self) -> tuple[str, tuple[str, str]]:
        gov = ID + "chinh-phu"
        doc = self._document(
            ("Nghị định", "Decree"), (lexicon.GOVERNMENT_VI, lexicon.GOVERNMENT_EN)
        )
        said = doc.say(1, 1, f"{lexicon.PRIME_MINISTER_VI} lãnh đạo {lexicon.GOVERNMENT_VI}.")
        self._organisation(gov, lexicon.GOVERNMENT_VI, lexicon.GOVERNMENT_EN, said)
        head = f"{gov}/post/thu-tuong-chinh-phu"
        pm_vi, pm_en = lexicon.PRIME_MINISTER_VI, lexicon.PRIME_MINISTER_EN
        self._post(head, gov, ROLE_HEAD, (pm_vi, pm_en), said)
        self._hold(head, said, head_of=gov)
        self.out.link(doc.legal, ELI + "passed_by", head)
        close_document(self.out, doc)
        self.counts["bodies"] += 1
        return head, (pm_vi, pm_en)

    # -- one body ------------------------------------------------------------------

    def _body(self, kind: BodyKind, units: int, gov_head: tuple[str, tuple[str, str]]) -> None:
        rng, out = self.rng, self.out
        name_vi, name_en, abbreviation = self._body_name(kind)
        slug = slugify(name_vi)
        body = ID + slug
        doc = self._document(("Quyết định", "Decision"), (name_vi, name_en))
        out.link(doc.legal, ELI + "passed_by", gov_head[0])
        out.link(doc.legal, ELI + "relevant_for", body)
        depth = rng.choice((6, 7, 8))
        self.counts["max_depth"] = max(self.counts["max_depth"], depth)
        self.counts["bodies"] += 1

        said = doc.say(
            1, 1, f"{name_vi} có {kind.head_vi}, các {kind.deputy_vi} và {units} đơn vị."
        )
        self._organisation(body, name_vi, name_en, said)
        out.text(body, ALT, abbreviation, "vi")
        out.link(body, OKG + "workingRegime", OKG + "headAuthorityRegime")

        head = f"{body}/post/{slugify(kind.head_vi)}"
        head_label = (f"{kind.head_vi} {name_vi}", f"{kind.head_en}, {name_en}")
        self._post(head, body, ROLE_HEAD, head_label, said)
        self._hold(head, said, head_of=body)
        frequency = rng.choice(FREQUENCIES[1:])
        self._report((head, head_label), gov_head, frequency=frequency, channels=[], said=said)
        deputies = []
        for k in range(1, rng.randint(2, 4) + 1):
            deputy = f"{body}/post/{slugify(kind.deputy_vi)}-{k}"
            title = (f"{kind.deputy_vi} {name_vi}", f"{kind.deputy_en}, {name_en}")
            self._post(deputy, body, ROLE_DEPUTY, title, said)
            self._report((deputy, title), (head, head_label), said=said)
            self._hold(deputy, said)  # a body's deputies are named: they may use the seal
            deputies.append(deputy)
        write_seal(self.out, body, doc, (name_vi, name_en), (head, deputies[0]))
        write_meeting(self.out, body, doc, (name_vi, name_en), head=head, deputies=deputies)
        close_document(self.out, doc)

        parents = [_Unit(body, slug, name_vi, name_en, head, head_label)]
        tops: list[_Unit] = []
        paragraph = 2
        names: Counter[str] = Counter()
        for level, count in enumerate(self.levels(units, depth)):
            current = []
            for j in range(count):
                parent = parents[j * len(parents) // count]
                current.append(
                    self._unit(
                        body, doc, paragraph, tier=kind.tiers[level], parent=parent, names=names
                    )
                )
                paragraph += 1
            tops = tops or current
            parents = current
        self._council(
            body,
            doc,
            paragraph,
            names=(name_vi, name_en),
            tops=tops,
            chair=(deputies[0], kind.deputy_vi),
        )
        self.samples.setdefault("body", body)
        self.samples["deep_unit"] = parents[-1].iri
        self.samples["deep_post"] = parents[-1].head

    def _body_name(self, kind: BodyKind) -> tuple[str, str, str]:
        seen = self._kinds[kind.prefix_vi]
        self._kinds[kind.prefix_vi] += 1
        if kind is lexicon.MINISTRY:
            vi, en = lexicon.MINISTRIES[seen % len(lexicon.MINISTRIES)]
            round_ = seen // len(lexicon.MINISTRIES)
            name_vi, name_en = f"{kind.prefix_vi} {vi}", f"{kind.prefix_en} {en}"
        else:
            vi = lexicon.PROVINCES[seen % len(lexicon.PROVINCES)]
            round_ = seen // len(lexicon.PROVINCES)
            name_vi = f"{kind.prefix_vi} {vi}"
            name_en = f"{kind.prefix_en} {strip_marks(vi)} Province"
        if round_:  # past the real lists: number the repeats so IRIs stay unique
            name_vi, name_en = f"{name_vi} {round_ + 1}", f"{name_en} {round_ + 1}"
        initials = "".join(word[0] for word in strip_marks(vi).split() if word[0].isalpha())
        return name_vi, name_en, kind.abbreviation + initials.upper()

    # -- units -----------------------------------------------------------------

    def _unit(
        self,
        body: str,
        doc: Document,
        paragraph: int,
        *,
        tier: Tier,
        parent: _Unit,
        names: Counter[str],
    ) -> _Unit:
        rng, out = self.rng, self.out
        topic_vi, topic_en = rng.choice(lexicon.TOPICS)
        base = f"{tier.unit_vi} {topic_vi}"
        names[base] += 1
        number = f" {names[base]}" if names[base] > 1 else ""
        name_vi, name_en = base + number, f"{tier.unit_en} {topic_en}{number}"
        slug = slugify(name_vi)
        iri = f"{body}/unit/{slug}"
        head_label = (f"{tier.head_vi} {name_vi}", f"{tier.head_en}, {name_en}")
        head = f"{body}/post/{slug}-{slugify(tier.head_vi)}"
        unit = _Unit(iri, slug, name_vi, name_en, head, head_label)
        self.counts["units"] += 1

        deputies, members = rng.randint(0, 2), rng.randint(1, 4)
        frequency = rng.choice(FREQUENCIES)
        channels = rng.sample(CHANNELS, rng.randint(1, 2))
        said = doc.say(
            paragraph,
            1,
            f"{name_vi} thuộc {parent.name_vi} gồm {tier.head_vi}, {deputies} {tier.deputy_vi} và "
            f"{members} thành viên; {tier.head_vi} báo cáo {parent.head_label[0]} "
            f"{FREQUENCY_WORDS[frequency]} {' và '.join(CHANNEL_WORDS[c] for c in channels)}.",
        )
        self._organisation(iri, name_vi, name_en, said, unit_of=parent.iri)
        if rng.random() < 0.5:
            out.link(iri, OKG + "workingRegime", rng.choice(REGIMES))

        self._post(head, iri, ROLE_HEAD, head_label, said)
        self._report(
            (head, head_label),
            (parent.head, parent.head_label),
            frequency=frequency,
            channels=channels,
            said=said,
        )
        posts = [head]
        # Deputies and members report to their own head, weekly in writing.
        for k in range(1, deputies + 1):
            deputy = f"{head}-pho-{k}"
            title = (f"{tier.deputy_vi} {name_vi}", f"{tier.deputy_en}, {name_en}")
            self._post(deputy, iri, ROLE_DEPUTY, title, said)
            self._report((deputy, title), (head, head_label), said=said)
            posts.append(deputy)
        for k in range(1, members + 1):
            role, title_vi, title_en = rng.choice(_MEMBER_KINDS)
            post = f"{body}/post/{slug}-{slugify(title_vi)}-{k}"
            title = (f"{title_vi} {name_vi}", f"{title_en}, {name_en}")
            self._post(post, iri, role, title, said)
            self._report((post, title), (head, head_label), said=said)
            posts.append(post)

        holders = []
        for post in posts:
            holder = self._fill(post, doc.sentence(paragraph, 3), iri)
            if holder is not None:
                holders.append(holder[1])
                if post == head:
                    unit.head_holder = holder[0]
        doc.say(
            paragraph,
            3,
            f"Các chức vụ của {name_vi} do {', '.join(holders) or 'chưa ai'} đảm nhiệm.",
        )

        tasks = []
        for k in range(1, 3):
            duty_vi, duty_en = rng.choice(lexicon.DUTIES)
            label = (f"{duty_vi} {topic_vi.lower()}", f"{duty_en} {topic_en.lower()}")
            bearer = None if rng.random() < UNASSIGNED_DUTY_RATE else rng.choice(posts)
            duty = f"{body}/duty/{slug}-{k}"
            said = doc.sentence(paragraph, 2)
            self._duty(duty, doc, label, bearer=bearer, target=parent.iri, said=said)
            tasks.append(label[0][:1].lower() + label[0][1:])
        doc.say(paragraph, 2, f"{name_vi} có nhiệm vụ: {'; '.join(tasks)}.")
        close_document(self.out, doc)
        return unit

    def _council(
        self,
        body: str,
        doc: Document,
        paragraph: int,
        *,
        names: tuple[str, str],
        tops: list[_Unit],
        chair: tuple[str, str],
    ) -> None:
        """A council chaired ex officio by a deputy; the top units' heads sit in it."""
        out = self.out
        (name_vi, name_en), (chair_source, chair_title) = names, chair
        council = f"{body}/unit/hoi-dong-thi-dua-khen-thuong"
        seats = tops[:8]
        said = doc.say(
            paragraph,
            1,
            f"{lexicon.COUNCIL_VI} {name_vi} do một {chair_title} làm Chủ tịch; thành viên là "
            f"người đứng đầu {', '.join(u.name_vi for u in seats)}.",
        )
        self._organisation(
            council,
            f"{lexicon.COUNCIL_VI} {name_vi}",
            f"{lexicon.COUNCIL_EN}, {name_en}",
            said,
            unit_of=body,
        )
        out.link(council, OKG + "workingRegime", OKG + "partTime")
        chair_post = f"{body}/post/chu-tich-hoi-dong-thi-dua-khen-thuong"
        chair_label = (f"Chủ tịch {lexicon.COUNCIL_VI}", f"Chair, {lexicon.COUNCIL_EN}")
        self._post(chair_post, council, ROLE_HEAD, chair_label, said)
        out.link(chair_post, OKG + "exOfficio", chair_source)
        self.counts["units"] += 1
        for k, unit in enumerate(seats, start=1):
            # The seat belongs to the post; the membership names its current holder.
            out.link(unit.head, OKG + "sitsIn", council)
            if unit.head_holder is None:
                continue
            membership = f"{body}/membership/hoi-dong-thi-dua-khen-thuong-{k}"
            out.link(membership, TYPE, ORG + "Membership")
            out.link(membership, ORG + "member", unit.head_holder)
            out.link(membership, ORG + "organization", council)
            out.link(membership, ORG + "role", ROLE_MEMBER)
            out.link(membership, DERIVED, said)
        close_document(self.out, doc)
