"""The architecture's two rules, checked on the source: imports only go down
(api -> queries -> graph -> ontology), and no SPARQL text sits in Python.

Both walk the AST of every module of the four packages; tests and benchmarks
may import anything and hold any text. Each rule is also run on a small
made-up module, so a check that stopped seeing anything would fail.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from ontology import errors

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("ontology", "graph", "queries", "api")  # lowest first
# A query form followed by a group, or a triple pattern in braces: SPARQL, not prose.
_SPARQL = re.compile(
    r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b[^\n]*?\bWHERE\s*\{|"
    r"\bASK\s*\{|\{\s*[?$]\w+\s+(?:[?$]\w+|<[^>]*>|\w*:\w+|a)\s+[?$<\w\"]",
    re.IGNORECASE,
)


def modules() -> list[Path]:
    return sorted(p for layer in LAYERS for p in (ROOT / layer).rglob("*.py"))


def upward_imports(path: Path, source: str) -> list[str]:
    """``file:line imports X`` for every import of a layer above the module's own."""
    layer = LAYERS.index(path.relative_to(ROOT).parts[0])
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in LAYERS and LAYERS.index(top) > layer:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {name}")
    return found


def sparql_strings(path: Path, source: str) -> list[str]:
    """``file:line`` of every string constant that reads as SPARQL (docstrings aside)."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        text = _text_of(node) if isinstance(node, ast.expr) else None
        if (
            isinstance(node, ast.expr)
            and text is not None
            and id(node) not in docstrings
            and _SPARQL.search(text)
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return list(dict.fromkeys(found))  # an f-string's parts are strings too


def _text_of(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):  # an f-string: its literal parts, with gaps
        return " ?x ".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
    return None


def test_imports_only_go_down() -> None:
    found = [f for p in modules() for f in upward_imports(p, p.read_text(encoding="utf-8"))]
    assert found == []


def test_no_sparql_text_in_python() -> None:
    found = [f for p in modules() for f in sparql_strings(p, p.read_text(encoding="utf-8"))]
    assert found == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from api.cli import main\n", ["graph/example.py:1 imports api.cli"]),
        ("import queries.runner\n", ["graph/example.py:1 imports queries.runner"]),
        ("from ontology.store import Store\nimport networkx\n", []),
    ],
)
def test_an_upward_import_is_seen(source: str, expected: list[str]) -> None:
    assert upward_imports(ROOT / "graph" / "example.py", source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('Q = "SELECT ?s WHERE { ?s ?p ?o }"\n', ["queries/example.py:1"]),
        ('Q = f"ASK {{ ?s a <{x}> }}"\n', ["queries/example.py:1"]),
        (
            'Q = """\nCONSTRUCT { ?s ?p ?o }\nWHERE { ?s org:postIn ?u }"""\n',
            ["queries/example.py:1"],
        ),
        ('def f():\n    """Run ``SELECT ?s WHERE { ?s ?p ?o }``."""\n', []),
        ('M = "select the rows where the caps allow"\n', []),
    ],
)
def test_sparql_in_a_string_is_seen(source: str, expected: list[str]) -> None:
    assert sparql_strings(ROOT / "queries" / "example.py", source) == expected


def test_every_error_class_is_in_the_documented_tree() -> None:
    classes = [
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, errors.OrgkgError)
    ]
    undocumented = [name for name in classes if f" {name} " not in (errors.__doc__ or "")]
    assert undocumented == []


def test_no_error_class_outside_ontology_errors() -> None:
    found = []
    for path in modules():
        if path == ROOT / "ontology" / "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(base, ast.Name) and base.id.endswith(("Error", "Exception"))
                for base in node.bases
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert found == []


def test_benchmarks_stay_out_of_the_wheel() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    packages = next(line for line in text.splitlines() if line.startswith("packages ="))
    assert "benchmarks" not in packages
    assert all(f'"{layer}*"' in packages for layer in LAYERS)


# Inside api/: the runtime knows neither surface; the CLI reaches the runtime
# for its settings only, and the HTTP surface only to serve.
_API_ALLOWED = {
    "runtime": ("api.runtime",),
    "cli": ("api.cli", "api.runtime.settings", "api.http.server"),
    "http": ("api.http", "api.runtime"),
}


def api_crossings(path: Path, source: str) -> list[str]:
    """``file:line imports X`` for every import one part of ``api/`` may not make."""
    allowed = _API_ALLOWED[path.relative_to(ROOT / "api").parts[0]]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            name = node.module
            if name.startswith("api.") and not name.startswith(allowed):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {name}")
    return found


def test_the_parts_of_api_stand_apart() -> None:
    parts = [p for p in (ROOT / "api").rglob("*.py") if p.parent != ROOT / "api"]
    found = [f for p in parts for f in api_crossings(p, p.read_text(encoding="utf-8"))]
    assert found == []


def test_a_cli_import_of_the_jobs_is_seen() -> None:
    source = "from api.runtime.jobs import ANSWER_QUESTION\n"
    assert api_crossings(ROOT / "api" / "cli" / "commands.py", source) == [
        "api/cli/commands.py:1 imports api.runtime.jobs"
    ]


# -- module size: small modules, named as nouns (docs: style) ---------------------

CEILING = 400  # lines of a module; tests may be longer
SIZED = (*LAYERS, "benchmarks")
# Modules allowed over the ceiling, each with the reason. An entry that is no
# longer over it fails test_the_allow_list_is_not_stale: remove it then.
OVER_CEILING: dict[str, str] = {}


def long_modules(paths: list[Path], root: Path = ROOT) -> dict[str, int]:
    """``{path under root: lines}`` of every module longer than the ceiling."""
    lines = {p: len(p.read_text(encoding="utf-8").splitlines()) for p in paths}
    return {p.relative_to(root).as_posix(): n for p, n in lines.items() if n > CEILING}


def sized_modules() -> list[Path]:
    return sorted(p for folder in SIZED for p in (ROOT / folder).rglob("*.py"))


def test_every_module_is_under_the_ceiling() -> None:
    found = {p: n for p, n in long_modules(sized_modules()).items() if p not in OVER_CEILING}
    assert found == {}


def test_the_allow_list_is_not_stale() -> None:
    over = long_modules(sized_modules())
    stale = [path for path in OVER_CEILING if path not in over]
    assert stale == []


def test_a_long_module_is_seen(tmp_path: Path) -> None:
    folder = tmp_path / "queries"
    folder.mkdir()
    (folder / "long.py").write_text("x = 1\n" * (CEILING + 1), encoding="utf-8")
    (folder / "short.py").write_text("x = 1\n" * CEILING, encoding="utf-8")
    assert long_modules(sorted(folder.glob("*.py")), root=tmp_path) == {
        "queries/long.py": CEILING + 1
    }
