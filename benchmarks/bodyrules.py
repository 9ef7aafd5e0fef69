"""A generated body's seal (and who may use it) and its regular meeting,
modelled as the bundled regulation models them (okg:Seal with ODRL
permissions, okg:MeetingRule), each derived from a sentence of its document."""

from __future__ import annotations

from benchmarks.ntriples import TripleWriter
from benchmarks.sources import Document, write_labels
from benchmarks.terms import DERIVED, ODRL, OKG, TYPE


def write_seal(
    out: TripleWriter, body: str, doc: Document, names: tuple[str, str], holders: tuple[str, ...]
) -> None:
    name_vi, name_en = names
    slug = body.rsplit("/", 1)[-1]
    seal = f"{body}/seal"
    said = doc.say(1, 2, f"{name_vi} có con dấu riêng; lãnh đạo {name_vi} được sử dụng con dấu.")
    out.link(seal, TYPE, OKG + "Seal")
    write_labels(out, seal, f"Con dấu của {name_vi}", f"Seal of the {name_en}")
    out.link(seal, OKG + "sealOf", body)
    out.link(seal, DERIVED, said)
    for post in holders:
        permission = f"{body}/permission/dau-{slug}-{post.rsplit('/', 1)[-1]}"
        out.link(permission, TYPE, ODRL + "Permission")
        write_labels(
            out, permission, f"Sử dụng con dấu của {name_vi}", f"Use the seal of the {name_en}"
        )
        out.link(permission, ODRL + "assignee", post)
        out.link(permission, ODRL + "action", OKG + "useSeal")
        out.link(permission, ODRL + "target", seal)
        out.link(permission, DERIVED, said)
        out.link(doc.legal, ODRL + "permission", permission)


def write_meeting(
    out: TripleWriter,
    body: str,
    doc: Document,
    names: tuple[str, str],
    *,
    head: str,
    deputies: list[str],
) -> None:
    name_vi, name_en = names
    meeting = f"{body}/meeting/hop-dinh-ky"
    said = doc.say(1, 3, f"{name_vi} họp định kỳ hàng tháng do người đứng đầu triệu tập.")
    out.link(meeting, TYPE, OKG + "MeetingRule")
    write_labels(out, meeting, f"Họp định kỳ của {name_vi}", f"Regular meeting of the {name_en}")
    out.link(meeting, OKG + "meetingOf", body)
    out.link(meeting, OKG + "meetingKind", OKG + "regularMeeting")
    out.link(meeting, OKG + "frequency", OKG + "monthly")
    out.link(meeting, OKG + "convenedBy", head)
    out.link(meeting, OKG + "attendanceDecidedBy", head)
    for post in deputies:
        out.link(meeting, OKG + "participant", post)
    out.link(meeting, DERIVED, said)
