"""Check profiles: structure only for an organisation, text and model for a regulation."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontology import BUNDLED, load_regulation
from ontology.namespaces import OKGSH
from ontology.profiles import Profile, check_with_profile, default_profile

PROFILES = Path(__file__).resolve().parent / "data" / "profiles"
PLAIN = PROFILES / "valid_plain_org.ttl"


def test_a_plain_org_dataset_passes_the_organisation_profile() -> None:
    store = load_regulation([PLAIN])
    assert default_profile(store, [PLAIN]) is Profile.organisation
    report = check_with_profile(store, [PLAIN])
    assert report.conforms and not report.results, report.to_text("en")


def test_the_same_dataset_fails_the_regulation_profile() -> None:
    report = check_with_profile(load_regulation([PLAIN]), [PLAIN], Profile.regulation)
    shapes = {r.shape for r in report.results if r.severity.value == "violation"}
    assert {str(OKGSH.PrefLabelViShape), str(OKGSH.ProvenanceShape)} <= shapes


@pytest.mark.parametrize(
    ("name", "shape"),
    [
        ("invalid_unlabelled_post.ttl", OKGSH.AnyLanguageLabelShape),
        ("invalid_two_units.ttl", OKGSH.UnitOfShape),
    ],
)
def test_the_organisation_profile_still_checks_structure(name: str, shape: object) -> None:
    path = PROFILES / name
    report = check_with_profile(load_regulation([path]), [path], Profile.organisation)
    assert not report.conforms
    assert str(shape) in {r.shape for r in report.results}


def test_the_bundled_regulation_defaults_to_the_regulation_profile() -> None:
    store = load_regulation()
    assert default_profile(store) is Profile.regulation
    report = check_with_profile(store, [BUNDLED])
    assert report.conforms
    # Every sentence of the bundled text has a fact: no coverage line.
    assert not [r for r in report.results if r.shape == str(OKGSH.SentenceCoverage)]
