"""The service on an on-disk store: its forked workers answer from the read-only store."""

from __future__ import annotations

from pathlib import Path

from api.runtime.settings import Settings
from ontology import BUNDLED
from ontology.loader import build_store
from tests.api.conftest import make_client


def test_the_service_answers_from_a_built_store(tmp_path: Path) -> None:
    build_store([BUNDLED], tmp_path / "store")
    settings = Settings(store=f"oxigraph:{tmp_path / 'store'}", workers=1, log_level="warning")
    with make_client(settings) as client:
        health = client.get("/health")
        assert health.status_code == 200
        assert health.json()["triples"] > 1000
        answer = client.get("/queries/units?limit=3")
        assert answer.status_code == 200
        assert len(answer.json()["results"]["bindings"]) == 3
        sparql = client.get("/sparql", params={"query": "ASK { ?p a org:Post }"})
        assert sparql.json()["boolean"] is True
