"""HTTP content negotiation: pick the media type a client accepts best."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ontology.errors import NotAcceptableError

# The formats of a catalogue answer or a search, by the media types that ask for them.
ANSWER_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
}


@dataclass(frozen=True)
class Preference:
    media_range: str
    quality: float

    def matches(self, media_type: str) -> bool:
        kind, _, sub = self.media_range.partition("/")
        offered_kind, _, offered_sub = media_type.partition("/")
        if kind == "*":
            return True
        return kind == offered_kind and sub in ("*", offered_sub)

    @property
    def specificity(self) -> int:
        return 0 if self.media_range == "*/*" else 1 if self.media_range.endswith("/*") else 2


def parse_accept(header: str | None) -> list[Preference]:
    """The media ranges of an Accept header; a missing or empty one accepts anything."""
    if not header or not header.strip():
        return [Preference("*/*", 1.0)]
    preferences = []
    for item in header.split(","):
        media_range, *params = (part.strip() for part in item.split(";"))
        if not media_range:
            continue
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        preferences.append(Preference(media_range.lower(), quality))
    return preferences


def choose(offered: Sequence[str], accept: str | None) -> str | None:
    """The offered media type the client prefers, or None.

    Ties go to the more specific range, then to the server's order.

    A type's quality is the one of the most specific range matching it, so
    ``text/csv;q=0, */*`` refuses CSV and takes anything else.
    """
    preferences = parse_accept(accept)
    best: tuple[float, int, int] | None = None
    chosen: str | None = None
    for rank, media_type in enumerate(offered):
        matching = [p for p in preferences if p.matches(media_type)]
        if not matching:
            continue
        top = max(matching, key=lambda p: (p.specificity, p.quality))
        if top.quality <= 0:
            continue
        key = (top.quality, top.specificity, -rank)
        if best is None or key > best:
            best, chosen = key, media_type
    return chosen


def require(offered: Sequence[str], accept: str | None) -> str:
    """Like :func:`choose`, but raise NotAcceptableError (406) naming what is offered."""
    chosen = choose(offered, accept)
    if chosen is None:
        raise NotAcceptableError(
            f"cannot answer in any type of Accept: {accept}; available: {', '.join(offered)}"
        )
    return chosen


HTML = "text/html"


def prefers_html(accept: str | None, offered: Sequence[str]) -> bool:
    """Whether a client asks for a page rather than any of the ``offered`` data types.

    Only an Accept that names ``text/html`` above the data types gets the
    page: a browser's default does, ``*/*`` and a missing header do not.

    >>> prefers_html("text/html,application/xhtml+xml,*/*;q=0.8", ["application/json"])
    True
    >>> prefers_html("*/*", ["application/json"]), prefers_html(None, ["application/json"])
    (False, False)
    """
    return bool(accept) and choose([*offered, HTML], accept) == HTML
