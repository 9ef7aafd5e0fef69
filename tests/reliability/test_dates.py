"""Which date values the time-aware model reads, and which it refuses.

The refusals as a user meets them (exit 2 at file:line) are the ``dated``
cases of the bad-input corpus; these are the rules beneath them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ontology import DataError, load_regulation
from ontology.dating import parse_day
from ontology.timeline import events
from tests.reliability.support import make_client

PREFIXES = """@prefix org: <http://www.w3.org/ns/org#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/ministry/> .
"""


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2019", date(2019, 1, 1)),
        ("2019-09", date(2019, 9, 1)),
        ("2019-09-09", date(2019, 9, 9)),
        ("2019-09-09T08:30:00", date(2019, 9, 9)),
        ("2019-09-09T08:30:00.5+07:00", date(2019, 9, 9)),
        ("2019-09-09Z", date(2019, 9, 9)),
        (" 2019-09 ", date(2019, 9, 1)),
    ],
)
def test_every_xsd_form_of_a_day_is_read_from_its_first_day(text: str, day: date) -> None:
    assert parse_day(text) == day


@pytest.mark.parametrize(
    "text",
    ["20199", "2019-13", "2019-02-30", "yesterday", "-0044", "2019-9", "2019-09-09 junk", ""],
)
def test_a_value_that_is_no_calendar_day_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_day(text)


def _dated(tmp_path: Path, begin: str, end: str) -> Path:
    path = tmp_path / "post.ttl"
    path.write_text(
        PREFIXES
        + "ex:post a org:Post ;\n"
        + f'    time:hasTime [ time:hasBeginning [ time:inXSDDate "{begin}"^^xsd:date ] ;\n'
        + f'                   time:hasEnd [ time:inXSDDate "{end}"^^xsd:date ] ] .\n',
        encoding="utf-8",
    )
    return path


def test_an_end_on_the_day_of_the_beginning_is_an_empty_period_not_a_refusal(
    tmp_path: Path,
) -> None:
    store = load_regulation([_dated(tmp_path, "2020-05-01", "2020-05-01")])
    assert [(e.change, e.day) for e in events(store)] == [
        ("begins", date(2020, 5, 1)),
        ("ends", date(2020, 5, 1)),
    ]


def test_an_end_one_day_before_the_beginning_is_refused_at_its_line(tmp_path: Path) -> None:
    path = _dated(tmp_path, "2020-05-02", "2020-05-01")
    store = load_regulation([path])
    with pytest.raises(DataError) as refused:
        events(store)
    assert refused.value.path == str(path) and refused.value.line == 6
    assert "ends (2020-05-01) before it begins (2020-05-02)" in str(refused.value)


def test_the_service_answers_422_at_the_line_for_dates_out_of_order(tmp_path: Path) -> None:
    """Served, the same data starts (``/health`` answers) and every dated answer is a 422."""
    path = _dated(tmp_path, "2020-05-02", "2020-05-01")
    with make_client(data=(path,)) as client:
        assert client.get("/health").status_code == 200
        for asked in ("/queries/posts", "/queries/posts?at=2020-05-01"):
            response = client.get(asked, headers={"accept": "application/json"})
            assert response.status_code == 422, response.text[:300]
            error = response.json()["error"]
            assert error["code"] == "bad-data"
            assert error["message"].startswith(f"{path}:6: ")
            assert "ends (2020-05-01) before it begins (2020-05-02)" in error["message"]
