"""``GET /check`` checks like ``orgkg check``: quotes against source.txt, coverage, profiles."""

from __future__ import annotations

import shutil
from pathlib import Path

from api.runtime.settings import Settings
from tests.api.conftest import make_client

ROOT = Path(__file__).resolve().parents[2]
HANOI = ROOT / "tests" / "ontology" / "data" / "regulations" / "ha-noi-bcd"
PLAIN = ROOT / "tests" / "ontology" / "data" / "profiles" / "valid_plain_org.ttl"


def checked(settings: Settings, data: Path) -> dict[str, object]:
    with make_client(settings.with_(data=(data,), workers=1)) as client:
        response = client.get("/check?lang=en")
        assert response.status_code == 200
        body: dict[str, object] = response.json()
        return body


def test_a_tampered_quote_fails_over_http(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "ha-noi-bcd"
    shutil.copytree(HANOI, folder)
    source = folder / "source.ttl"
    text = source.read_text(encoding="utf-8")
    at = text.rindex("Ban chỉ đạo được sử dụng con dấu")
    source.write_text(text[:at] + text[at:].replace("con dấu", "con dấu riêng", 1), "utf-8")
    body = checked(settings, folder)
    assert body["conforms"] is False
    results = body["results"]
    assert isinstance(results, list)
    assert [r["sources"] for r in results if r["shape"].endswith("#QuoteMatchesSource")] == [
        ["para_4__sent_2"]
    ]


def test_a_plain_org_dataset_is_checked_as_an_organisation(settings: Settings) -> None:
    body = checked(settings, PLAIN)
    assert body["conforms"] is True and body["results"] == []
