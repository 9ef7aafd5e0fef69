"""The catalogue: the ids it holds, its listing in queries/README.md, and load-time checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ontology import DataError, UnknownQuestion
from queries import load_catalogue, read_question
from queries.catalogue import FOLDER

CORE = {
    "reporting-lines",
    "chain-of-command",
    "multi-unit-members",
    "uncovered-duties",
    "seal-authorities",
    "posts",
    "units",
    "meetings",
    "search",
    "provenance",
}
MORE = {
    "span-of-control",
    "reporting-cycles",
    "single-points-of-failure",
    "most-roles",
    "vacant-posts",
    "ex-officio-posts",
    "duties",
    "principles",
    "staffing",
    "documents",
    "longest-chains",
    "unit-members",
    "history",
}
# Both listings are checked: the catalogue's own, and the project README's.
READMES = [FOLDER / "README.md", FOLDER.parent / "README.md"]


def test_catalogue_holds_the_core_and_the_analysts_questions() -> None:
    assert set(load_catalogue()) == CORE | MORE


def test_every_question_has_titles_and_descriptions_in_both_languages() -> None:
    for question in load_catalogue().values():
        for lang in ("vi", "en"):
            assert question.title[lang].strip(), question.id
            assert question.description[lang].strip(), question.id


def test_parameters_of_the_core_questions() -> None:
    catalogue = load_catalogue()
    assert [(p.name, p.kind, p.required) for p in catalogue["chain-of-command"].parameters] == [
        ("from", "iri", True)
    ]
    assert [(p.name, p.kind) for p in catalogue["search"].parameters] == [("q", "text")]
    assert [(p.name, p.kind) for p in catalogue["provenance"].parameters] == [("entity", "iri")]


def test_unknown_id_names_it() -> None:
    with pytest.raises(UnknownQuestion, match="no-such-question"):
        load_catalogue()["no-such-question"]


def test_catalogue_is_loaded_once() -> None:
    assert load_catalogue() is load_catalogue()


def readme_rows(readme: Path) -> dict[str, list[str]]:
    """id -> its cells (title, title (en), parameters, answered by) in a README's table."""
    rows = {}
    for line in readme.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\|\s*`([a-z0-9-]+)`\s*\|(.*)\|\s*$", line)
        if match is None:
            continue
        cells = [cell.strip() for cell in match.group(2).split("|")]
        if len(cells) == 4:  # the question table's shape; other tables are not questions
            rows[match.group(1)] = cells
    return rows


@pytest.mark.parametrize("readme", READMES, ids=["queries/README.md", "README.md"])
def test_readme_lists_every_question_with_its_titles_and_parameters(readme: Path) -> None:
    rows = readme_rows(readme)
    catalogue = load_catalogue()
    assert set(rows) == set(catalogue)
    for question_id, (title_vi, title_en, parameters, answered_by) in rows.items():
        question = catalogue[question_id]
        assert (title_vi, title_en) == (question.title["vi"], question.title["en"]), question_id
        listed = re.findall(r"`([a-z]+)` \(([a-z]+)(, optional)?\)", parameters)
        assert listed == [
            (p.name, p.kind, "" if p.required else ", optional") for p in question.parameters
        ], question_id
        assert answered_by == {"sparql": "SPARQL", "graph": "networkx"}[question.kind]


GOOD_HEADER = """#+ title@vi: Thử
#+ title@en: Test
#+ description@vi: Thử nghiệm.
#+ description@en: A test.
"""


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            GOOD_HEADER + "#+ colour: blue\nSELECT ?s WHERE { ?s ?p ?o }\n",
            5,
            "unknown header field",
        ),
        (GOOD_HEADER + "#+ title blue\nSELECT ?s WHERE { ?s ?p ?o }\n", 5, "malformed header"),
        (
            GOOD_HEADER + "#+ param x: number required — no\nSELECT ?x WHERE { ?x ?p ?o }\n",
            5,
            "unknown parameter kind",
        ),
        (GOOD_HEADER + "#+ param x iri\nSELECT ?x WHERE { ?x ?p ?o }\n", 5, "malformed parameter"),
        (
            GOOD_HEADER
            + "#+ param x: iri — a\n#+ param x: iri — b\nSELECT ?x WHERE { ?x ?p ?o }\n",
            6,
            "declared twice",
        ),
        (
            GOOD_HEADER + "#+ param lang: text — no\nSELECT ?lang WHERE { ?s ?p ?lang }\n",
            5,
            "reserved",
        ),
        (
            GOOD_HEADER + "#+ param x: iri required — the x\nSELECT ?s WHERE { ?s ?p ?x }\n",
            5,
            "must be in the SELECT projection",
        ),
        (GOOD_HEADER + "SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?o = )\n}\n", 7, "syntax error"),
        (GOOD_HEADER + "SELECT ?s WHERE { ?s ?p ?o }\n#+ tags: late\n", 6, "after the query"),
        (GOOD_HEADER + "SELECT ?s\nFROM <http://example.org/g>\nWHERE { ?s ?p ?o }\n", 6, "FROM"),
        (
            GOOD_HEADER
            + "SELECT ?s WHERE {\n  SERVICE <http://example.org/sparql> { ?s ?p ?o }\n}\n",
            6,
            "SERVICE",
        ),
        (GOOD_HEADER + "INSERT DATA { <a:b> <a:c> <a:d> }\n", 5, "INSERT"),
        (GOOD_HEADER + "ASK { ?s ?p ?o }\n", 5, "SELECT"),
        (
            GOOD_HEADER + 'SELECT (GROUP_CONCAT(?o; separator="; ") AS ?os) WHERE { ?s ?p ?o }\n',
            5,
            "GROUP_CONCAT",
        ),
        (GOOD_HEADER + "SELECT ?s WHERE { ?s ?p ?lang }\n", 5, "must project it"),
        (
            "#+ title@vi: Thử\n#+ title@en: Test\nSELECT ?s WHERE { ?s ?p ?o }\n",
            1,
            "description@vi",
        ),
    ],
)
def test_a_malformed_question_fails_at_load_naming_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "bad-question.rq"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_question(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert message in caught.value.reason
    assert f"{path}:{line}:" in str(caught.value)


def test_a_badly_named_question_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "Bad_Name.rq"
    path.write_text(GOOD_HEADER + "SELECT ?s WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(DataError, match="named by its id"):
        read_question(path)


def test_a_well_formed_question_loads(tmp_path: Path) -> None:
    path = tmp_path / "good-one.rq"
    path.write_text(
        GOOD_HEADER
        + "#+ param who: iri optional — someone\n#+ param q: text required folded — text\n"
        + "#+ tags: a, b\n#+ lists: names\n"
        + "# SERVICE and FROM in a comment are fine; so is ?from.\n"
        + 'SELECT ?who ?q ?from (GROUP_CONCAT(?n; separator="; ") AS ?names) WHERE {\n'
        + '  ?who <http://example.org/from> ?from ; ?p ?n FILTER(CONTAINS(?n, "SERVICE")) }\n'
        + "GROUP BY ?who ?q ?from\n",
        encoding="utf-8",
    )
    question = read_question(path)
    assert question.id == "good-one"
    assert question.tags == ("a", "b")
    assert question.lists == ("names",)
    who, q = question.parameters
    assert (who.name, who.kind, who.required, who.folded) == ("who", "iri", False, False)
    assert (q.name, q.kind, q.required, q.folded) == ("q", "text", True, True)
