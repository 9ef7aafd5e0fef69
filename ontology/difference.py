"""The answer of ``orgkg diff``: every change, with the sentences behind it, and its renderings.

:func:`ontology.diff.compare` builds a :class:`Difference`; it prints as
text, Markdown (a pull-request comment) or JSON.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from ontology.post_changes import KINDS as POST_KINDS
from ontology.post_changes import PostChange, PostChanges
from ontology.report import compact

SECTIONS: tuple[tuple[str, str], ...] = (
    ("body", "Bodies"),
    ("unit", "Units"),
    ("post", "Posts"),
    ("person", "People"),
    ("holding", "Holdings"),
    ("membership", "Memberships"),
    ("reporting", "Reporting lines"),
    ("seal", "Seals"),
    ("duty", "Duties"),
    ("permission", "Permissions"),
)


@dataclass(frozen=True)
class Cited:
    """A sentence behind one side of a change: its id and exact text."""

    id: str
    text: str = ""


@dataclass(frozen=True)
class Change:
    """One difference: ``what`` changed in section ``section``."""

    section: str
    change: str  # added, removed, renamed, re-identified (a new IRI, same name), changed
    subject: str  # a label (else a compact IRI)
    iri: str
    details: tuple[str, ...] = ()
    old_sources: tuple[Cited, ...] = ()
    new_sources: tuple[Cited, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "section": self.section,
            "change": self.change,
            "subject": self.subject,
            "iri": self.iri,
            "details": list(self.details),
            "old_sources": [c.id for c in self.old_sources],
            "new_sources": [c.id for c in self.new_sources],
        }


@dataclass(frozen=True)
class Difference:
    """Everything that differs between ``old`` and ``new`` (their names as given)."""

    old: str
    new: str
    changes: tuple[Change, ...]
    # The same differences told post by post (created, eliminated, re-graded, ...).
    posts: PostChanges = field(default_factory=PostChanges)

    @property
    def same(self) -> bool:
        return not self.changes

    @property
    def exit_code(self) -> int:
        """0 the same, 1 they differ (2, cannot compare, is an error)."""
        return 0 if self.same else 1

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = defaultdict(int)
        for change in self.changes:
            found[change.change] += 1
        return dict(found)

    def to_json(self) -> str:
        body = {
            "old": self.old,
            "new": self.new,
            "same": self.same,
            "counts": self.counts(),
            "changes": [c.to_dict() for c in self.changes],
            "posts": self.posts.to_dict(),
        }
        return json.dumps(body, ensure_ascii=False, indent=2) + "\n"

    def to_text(self) -> str:
        lines = [f"orgkg diff {self.old} -> {self.new}: {self._summary()}"]
        for _, title, changes in self._sections():
            lines.append("")
            lines.append(f"{title}:")
            for c in changes:
                lines.append(f"  {_SIGN[c.change]} {c.subject} ({c.change})")
                lines.extend(f"      {d}" for d in c.details)
                for side, cited in (("old", c.old_sources), ("new", c.new_sources)):
                    if cited:
                        lines.append(f"      {side}: " + ", ".join(s.id for s in cited))
        if self.posts.total:
            lines += ["", f"Posts over time: {self._posts_summary()}"]
            lines += [f"  {_post_line(c)}" for c in self.posts.changes]
        return "\n".join(lines) + "\n"

    def to_markdown(self) -> str:
        lines = [f"### orgkg diff `{self.old}` → `{self.new}`", "", self._summary() + "."]
        for _, title, changes in self._sections():
            lines += ["", f"#### {title}", "", "| | what | change | old source | new source |"]
            lines.append("|---|---|---|---|---|")
            for c in changes:
                what = _cell(c.subject) + "".join(f"<br>{_cell(d)}" for d in c.details)
                lines.append(
                    f"| {_SIGN[c.change]} | {what} | {c.change} | "
                    f"{_cited_cell(c.old_sources)} | {_cited_cell(c.new_sources)} |"
                )
        if self.posts.total:
            lines += ["", "#### Posts over time", "", self._posts_summary() + ".", ""]
            lines += [f"- {_cell(_post_line(c))}" for c in self.posts.changes]
        return "\n".join(lines) + "\n"

    def _posts_summary(self) -> str:
        counts = self.posts.counts()
        return ", ".join(f"{counts[kind]} {words}" for kind, words in POST_KINDS)

    def _summary(self) -> str:
        if self.same:
            return "no difference"
        return ", ".join(f"{n} {kind}" for kind, n in sorted(self.counts().items()))

    def _sections(self) -> list[tuple[str, str, list[Change]]]:
        found = []
        for key, title in SECTIONS:
            changes = [c for c in self.changes if c.section == key]
            if changes:
                found.append((key, title, changes))
        return found


_SIGN = {"added": "+", "removed": "-", "renamed": "~", "re-identified": "~", "changed": "~"}


def _post_line(change: PostChange) -> str:
    words = dict(POST_KINDS)[change.kind]
    line = f"{words}: {change.label or compact(change.post)}"
    if change.old or change.new:
        old = ", ".join(change.old) or "none"
        new = ", ".join(change.new) or "none"
        line += f": {old} -> {new}"
    return line


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _cited_cell(cited: tuple[Cited, ...]) -> str:
    return "<br>".join(
        f"`{c.id}`" + (f" «{_cell(_short(c.text))}»" if c.text else "") for c in cited
    )


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
