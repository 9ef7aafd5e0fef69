"""The bad-input corpus: one TOML case per file, run through the surface of its folder.

See ``data/cases/README.md`` for the case format. :data:`SURFACES` maps a
folder name to the function that puts a case's input through that surface
and reports what came out (:class:`Outcome`); the test asserts the
expectations against it, the same way for every surface.
"""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ontology import DataError, load_regulation
from tests.reliability.support import DATA, ROOT, run_orgkg

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

CASES = DATA / "cases"


@dataclass(frozen=True)
class Case:
    surface: str
    name: str
    path: Path
    input: Mapping[str, Any]
    expect: Mapping[str, Any]


@dataclass
class Outcome:
    """What a surface answered: a status or exit code, the message, all output text."""

    status: int
    message: str
    output: str
    code: str | None = None
    # partial output: files left behind, or stdout written by a run that failed
    left_behind: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Surfaces:
    """What the runners need: the app's client and a scratch folder."""

    client: TestClient
    scratch: Path


def find_cases() -> list[Case]:
    """Every case file, by surface folder then name."""
    cases = []
    for path in sorted(CASES.glob("*/*.toml")):
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        cases.append(Case(path.parent.name, path.stem, path, document["input"], document["expect"]))
    return cases


def materialise(value: Any) -> str | bytes:
    """A plain value, or a generated one: ``text`` + ``repeat`` x ``times`` + ``then``.

    ``encoding`` turns the text into bytes; ``hex`` gives bytes directly;
    ``rows`` is repeated ``times`` times with ``{n}`` replaced by 1, 2, ...
    (distinct generated rows, such as 100k post references).
    """
    if not isinstance(value, Mapping):
        return str(value)
    if "hex" in value:
        return bytes.fromhex(value["hex"])
    text = str(value.get("text", "")) + str(value.get("repeat", "")) * int(value.get("times", 0))
    if "rows" in value:
        template = str(value["rows"])
        text += "".join(template.replace("{n}", str(n)) for n in range(1, int(value["times"]) + 1))
    if "then" in value:
        rest = materialise(value["then"])
        assert isinstance(rest, str), "`then` continues a text"
        text += rest
    if "encoding" in value:
        return text.encode(str(value["encoding"]))
    return text


def _as_bytes(value: Any) -> bytes:
    data = materialise(value)
    return data if isinstance(data, bytes) else data.encode("utf-8")


def run_http(case: Case, surfaces: Surfaces) -> Outcome:
    spec = case.input
    params = {name: materialise(value) for name, value in spec.get("params", {}).items()}
    body = _as_bytes(spec["body"]) if "body" in spec else None
    response = surfaces.client.request(
        spec.get("method", "GET"),
        spec["path"],
        params=params,
        headers=dict(spec.get("headers", {})),
        content=body,
    )
    code = message = None
    if response.headers.get("content-type", "").startswith("application/json"):
        error = response.json().get("error") if isinstance(response.json(), dict) else None
        if isinstance(error, dict):
            code, message = error.get("code"), error.get("message")
    return Outcome(response.status_code, message or "", response.text, code=code)


def run_cli(case: Case, surfaces: Surfaces) -> Outcome:
    folder = surfaces.scratch / case.name
    folder.mkdir()
    file, output = folder / "query.rq", folder / "out" / "answer.txt"  # output: never written
    if "file" in case.input:
        file.write_bytes(_as_bytes(case.input["file"]))
    args = [
        str(materialise(arg)).replace("{file}", str(file)).replace("{output}", str(output))
        for arg in case.input["args"]
    ]
    result = run_orgkg(args)
    left = [str(p) for p in folder.rglob("*") if p.is_file() and p != file]
    if result.returncode != 0 and result.stdout.strip():
        left.append(f"stdout: {result.stdout[:200]!r}")
    # The message is the last line: typer prints its usage lines above a bad option's.
    lines = (result.stderr.strip() or result.stdout.strip()).splitlines()
    return Outcome(
        result.returncode,
        lines[-1] if lines else "",
        result.stderr + result.stdout,
        left_behind=left,
    )


def run_data(case: Case, surfaces: Surfaces) -> Outcome:
    path = surfaces.scratch / case.input["name"]
    path.write_bytes(_as_bytes(case.input["content"]))
    try:
        load_regulation([path])
    except DataError as error:
        return Outcome(error.exit_code, str(error), str(error), code=error.code)
    return Outcome(0, "", "loaded")


def run_command(case: Case, surfaces: Surfaces) -> Outcome:
    """``orgkg ARGS`` in a folder holding the case's ``files`` (and ``copy``: project folders).

    ``{dir}`` in an argument is that folder. A run that is refused (exit 2)
    must leave the folder as it found it; the message is stderr on one line,
    then stdout when the run was not refused (``orgkg check`` reports there).
    """
    folder = surfaces.scratch / case.name
    folder.mkdir()
    for name, source in case.input.get("copy", {}).items():
        shutil.copytree(ROOT / source, folder / name)
    for name, value in case.input.get("files", {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_as_bytes(value))
    before = {p: p.stat().st_mtime_ns for p in folder.rglob("*")}
    args = [str(materialise(arg)).replace("{dir}", str(folder)) for arg in case.input["args"]]
    result = run_orgkg(args, timeout=float(case.input.get("timeout", 120)))
    left = []
    if result.returncode == 2:
        after = {p: p.stat().st_mtime_ns for p in folder.rglob("*")}
        left = [str(p) for p, stamp in after.items() if before.get(p) != stamp]
        left += [f"removed {p}" for p in before if p not in after]
        if result.stdout.strip():
            left.append(f"stdout: {result.stdout[:200]!r}")
    said = result.stderr.strip().splitlines()
    if result.returncode != 2:
        said += result.stdout.strip().splitlines()
    return Outcome(
        result.returncode, " | ".join(said), result.stderr + result.stdout, left_behind=left
    )


SURFACES: dict[str, Callable[[Case, Surfaces], Outcome]] = {
    "http": run_http,
    "cli": run_cli,
    "data": run_data,
    # the inputs of issues 15-18, run as a user runs them (issue 19 section 2)
    "text": run_command,
    "organogram": run_command,
    "dated": run_command,
    "store": run_command,
    "ask": run_command,
}
