"""The viewer's date control and timeline: the page carries the day it shows
and the dataset's dated days; an undated page carries none."""

from __future__ import annotations

import json
import re
from datetime import date

from graph import render_html
from ontology import REGULATIONS, load_regulation
from ontology.timeline import at, timeline_days

DATA = re.compile(r'<script type="application/json" id="orgkg-data">(.*?)</script>', re.S)


def payload(page: str) -> dict[str, object]:
    found = DATA.search(page)
    assert found is not None
    data: dict[str, object] = json.loads(found.group(1))
    return data


def test_a_dated_page_carries_its_day_and_the_timeline() -> None:
    store = load_regulation([REGULATIONS / "qd-426-2018", REGULATIONS / "tct-cpdt-2019-2021"])
    days = timeline_days(store)
    page = render_html(at(store, date(2018, 12, 1)), lang="en", as_of="2018-12-01", timeline=days)
    timeline = payload(page)["timeline"]
    assert isinstance(timeline, dict)
    assert timeline["asOf"] == "2018-12-01"
    whens = [d["when"] for d in timeline["days"]]
    # A date known to the month stays a month; the acts of 2019 are there.
    assert "2019-09" in whens and "2019-09-09" in whens and "2019-12-03" in whens
    assert [d["day"] for d in timeline["days"]] == sorted(d["day"] for d in timeline["days"])
    assert 'id="timeline-section"' in page and "timeline-day" in page


def test_an_undated_page_has_no_timeline() -> None:
    page = render_html(load_regulation(), lang="vi")
    assert payload(page)["timeline"] == {"asOf": None, "days": []}
