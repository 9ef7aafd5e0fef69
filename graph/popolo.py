"""The organisation as Popolo JSON, for civic-tech tools (EveryPolitician-style).

``{"organizations": [...], "posts": [...], "persons": [...], "memberships": [...]}``
as the Popolo specification (popoloproject.com) defines them: ids are the
entities' IRIs, names and labels are in the language asked (falling back to
the other one), dates are ``YYYY-MM-DD`` where the data has them. A person
who holds a post is a membership with ``post_id``; an ``org:Membership`` keeps
its ``org:memberDuring`` dates; an organisation that is a member is a
``member`` object. The SPARQL is ``ontology/sparql/popolo-*.rq``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from graph.projection import select_values
from ontology.errors import ParameterError
from ontology.namespaces import FOAF, ORG
from ontology.store import Store

LANGUAGES = ("vi", "en")
_ORGANIZATION_TYPES = {
    str(ORG.Organization),
    str(ORG.FormalOrganization),
    str(ORG.OrganizationalUnit),
    str(ORG.OrganizationalCollaboration),
    str(FOAF.Organization),
}
_NOT_PERSON_TYPES = _ORGANIZATION_TYPES | {str(ORG.Post), str(FOAF.Group)}


def export_popolo(store: Store, *, lang: str = "vi") -> bytes:
    """The Popolo JSON document of ``store``, names in ``lang``."""
    if lang not in LANGUAGES:
        raise ParameterError(
            f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}", parameter="lang"
        )
    names, types = _names_and_types(store, lang)
    organizations = _organizations(store, names)
    posts = _posts(store, names)
    memberships, members = _memberships(store, names, types)
    people = sorted(
        {node for node, found in types.items() if str(FOAF.Person) in found}
        | {m for m in members if not types.get(m, set()) & _NOT_PERSON_TYPES}
    )
    persons = [{"id": person, "name": names.get(person, _tail(person))} for person in people]
    document = {
        "organizations": organizations,
        "posts": posts,
        "persons": persons,
        "memberships": memberships,
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _names_and_types(store: Store, lang: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Each node's label in ``lang`` (else the other, else untagged) and its types."""
    found: dict[str, dict[str, str]] = {}
    types: dict[str, set[str]] = {}
    for node, label, language, kind in select_values(store, "projection-nodes"):
        if node is None:
            continue
        if label is not None:
            current = found.setdefault(node, {})
            key = language or ""
            if key not in current or label < current[key]:
                current[key] = label
        if kind is not None:
            types.setdefault(node, set()).add(kind)
    other = "en" if lang == "vi" else "vi"
    names = {
        node: labels.get(lang) or labels.get(other) or labels.get("") or _tail(node)
        for node, labels in found.items()
    }
    return names, types


def _organizations(store: Store, names: dict[str, str]) -> list[dict[str, Any]]:
    rows = select_values(store, "popolo-organizations")
    out: dict[str, dict[str, Any]] = {}
    for organization, parent, classification, founded, dissolved in sorted(rows, key=_key):
        if organization is None or organization in out:
            continue
        entry: dict[str, Any] = {
            "id": organization,
            "name": names.get(organization, _tail(organization)),
        }
        if parent:
            entry["parent_id"] = parent
        if classification:
            entry["classification"] = names.get(classification, _tail(classification))
        if founded:
            entry["founding_date"] = founded[:10]
        if dissolved:
            entry["dissolution_date"] = dissolved[:10]
        out[organization] = entry
    return list(out.values())


def _posts(store: Store, names: dict[str, str]) -> list[dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for post, organization, role in sorted(select_values(store, "popolo-posts"), key=_key):
        if post is None or post in out:
            continue
        entry: dict[str, Any] = {"id": post, "label": names.get(post, _tail(post))}
        if organization:
            entry["organization_id"] = organization
        if role:
            entry["role"] = names.get(role, _tail(role))
        out[post] = entry
    return list(out.values())


def _memberships(
    store: Store, names: dict[str, str], types: dict[str, set[str]]
) -> tuple[list[dict[str, Any]], set[str]]:
    """The memberships, and the agents that are members."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str | None, ...]] = set()
    members: set[str] = set()
    for row in sorted(select_values(store, "popolo-memberships"), key=_key):
        how, member, post, organization, role, start, end = row
        if member is None or row in seen:
            continue
        seen.add(row)
        members.add(member)
        entry: dict[str, Any] = {"id": f"{member}#membership-{len(out) + 1}"}
        if types.get(member, set()) & _ORGANIZATION_TYPES:
            entry["member"] = {"@type": "Organization", "id": member}
        else:
            entry["person_id"] = member
        if how == "post" and post:
            entry["post_id"] = post
        if organization:
            entry["organization_id"] = organization
        if role:
            entry["role"] = names.get(role, _tail(role))
        if start:
            entry["start_date"] = start[:10]
        if end:
            entry["end_date"] = end[:10]
        out.append(entry)
    return out, members


def _key(row: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(cell or "" for cell in row)


def _tail(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
