"""Mutation testing of the compliance suite: the operators, and a sampled run.

The operators are checked on a small made-up model (``data/tiny``), each
edit against what it must remove and add. On the bundled regulation the
unedited model must pass every scenario and shape (else no kill means
anything), and the edits issue 13 found passing must now be caught. The
full run is ``make mutate``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from ontology import BUNDLED, load_regulation
from ontology.namespaces import ODRL, OKG, ORG
from tests.mutation.campaign import Campaign, Outcome, accepted_survivors, judge, run
from tests.mutation.generation import generate, sample
from tests.mutation.mutant import Model, Mutant, read_model
from tests.mutation.scenarios import Suite

TINY = Path(__file__).resolve().parent / "data" / "tiny"
EX = "https://w3id.org/orgkg/id/tiny/"


def ex(name: str) -> URIRef:
    return URIRef(EX + name)


@pytest.fixture(scope="module")
def tiny() -> Model:
    return read_model(TINY)


@pytest.fixture(scope="module")
def tiny_mutants(tiny: Model) -> dict[str, Mutant]:
    return {m.id: m for m in generate(tiny)}


def test_every_mutant_edits_and_cites_its_sentence(tiny_mutants: dict[str, Mutant]) -> None:
    assert tiny_mutants
    assert all(m.changes for m in tiny_mutants.values())
    assert {m.sentences for m in tiny_mutants.values()} == {("para_1__sent_1",)}
    families = {m.operator for m in tiny_mutants.values()}
    assert families >= {
        "remove", "duplicate", "add", "move-holder", "move-ex-officio", "drop-seat",
        "swap-concept", "drop-frequency", "reverse", "remove-bearer", "add-bearer",
        "reassign-seal", "drop-provenance", "alter-quote", "remove-shapes",
    }  # fmt: skip


def test_remove_takes_every_link_to_the_node(tiny_mutants: dict[str, Mutant]) -> None:
    removed = tiny_mutants["remove:tiny/head"].removed
    assert (ex("head"), ORG.role, OKG.head) in removed
    assert (ex("an"), ORG.holds, ex("head")) in removed  # pointing to it
    assert (ex("line"), OKG.recipient, ex("head")) in removed


def test_reverse_turns_the_line_and_its_mirror_round(tiny_mutants: dict[str, Mutant]) -> None:
    mutant = tiny_mutants["reverse:tiny/line"]
    assert mutant.added == {
        (ex("line"), OKG.reporter, ex("head")),
        (ex("line"), OKG.recipient, ex("group")),
        (ex("head"), ORG.reportsTo, ex("group")),
    }
    assert (ex("group"), ORG.reportsTo, ex("head")) in mutant.removed


def test_a_holder_moves_with_both_directions_of_the_link(tiny_mutants: dict[str, Mutant]) -> None:
    mutant = tiny_mutants["move-holder:tiny/head:tiny/an->tiny/deputy"]
    assert mutant.added == {
        (ex("deputy"), ORG.heldBy, ex("an")),
        (ex("an"), ORG.holds, ex("deputy")),
    }


def test_bearers_are_added_where_the_text_gives_none(tiny_mutants: dict[str, Mutant]) -> None:
    mutant = tiny_mutants["add-bearer:tiny/duty:tiny/deputy"]
    assert mutant.added == {(ex("duty"), ODRL.assignee, ex("deputy"))}
    seal = tiny_mutants["reassign-seal:tiny/seal-use:tiny/head->tiny/deputy"]
    assert seal.added == {(ex("seal-use"), ODRL.assignee, ex("deputy"))}


def test_a_quote_changes_its_number(tiny_mutants: dict[str, Mutant]) -> None:
    [(_, _, text)] = tiny_mutants["alter-quote:para_1__sent_1"].added
    assert text == Literal("Cơ quan có 3 chức vụ và một nhóm báo cáo hàng tuần.")


def test_a_removed_shape_leaves_the_data_alone(
    tiny: Model, tiny_mutants: dict[str, Mutant]
) -> None:
    mutant = tiny_mutants["remove-shapes:para_1__sent_1"]
    data, shapes = mutant.apply(tiny)
    assert len(data) == len(tiny.data) and len(shapes) == 0


def test_a_written_mutant_loads_as_a_regulation_folder(
    tiny: Model, tiny_mutants: dict[str, Mutant], tmp_path: Path
) -> None:
    folder = tiny_mutants["reverse:tiny/line"].write(tiny, tmp_path / "m")
    store = load_regulation([folder])
    assert (ex("line"), OKG.reporter, ex("head")) in set(store.triples())
    assert len(store.shapes) > 0


def test_a_written_mutant_holds_exactly_the_edited_model(
    tiny: Model, tiny_mutants: dict[str, Mutant], tmp_path: Path
) -> None:
    # Written as line edits of the model's N-Triples: the same graphs as apply() builds.
    for mutant in tiny_mutants.values():
        folder = mutant.write(tiny, tmp_path / mutant.id.replace(":", "_").replace("/", "_"))
        data, shapes = mutant.apply(tiny)
        assert isomorphic(Graph().parse(folder / "model.nt"), data), mutant.id
        written = folder / "shapes" / "shapes.ttl"
        assert isomorphic(Graph().parse(written) if written.exists() else Graph(), shapes)


def test_a_model_without_shapes_is_written_without_a_shapes_folder(
    tiny: Model, tiny_mutants: dict[str, Mutant], tmp_path: Path
) -> None:
    # An empty shapes file is refused by the loader: that would be a kill by accident.
    folder = tiny_mutants["remove-shapes:all"].write(tiny, tmp_path / "m")
    assert not (folder / "shapes").exists()
    assert len(load_regulation([folder])) > 0


def test_a_sample_spreads_over_the_operators(tiny_mutants: dict[str, Mutant]) -> None:
    chosen = sample(list(tiny_mutants.values()), 5)
    assert len(chosen) == 5 and len({m.operator for m in chosen}) == 5


def test_the_tally_counts_per_sentence_and_the_score() -> None:
    kept = Mutant("a", "remove", "", ("para_1__sent_1",))
    lost = Mutant("b", "add", "", ("para_1__sent_1", "para_2__sent_1"))
    campaign = Campaign(
        "x", outcomes=[Outcome(kept, "killed", ("shape s",)), Outcome(lost, "survived")]
    )
    assert campaign.score == 0.5
    by_sentence = campaign.to_dict()["by_sentence"]
    assert by_sentence == {
        "para_1__sent_1": {"killed": 1, "survived": 1},
        "para_2__sent_1": {"killed": 0, "survived": 1},
    }
    assert [o.mutant.id for o in campaign.unexplained] == ["b"]
    assert "NOT EXPLAINED" in campaign.to_table()


# --------------------------------------------------------------------------
# the bundled regulation: the baseline and the edits issue 13 found passing
# --------------------------------------------------------------------------

ISSUE_13_EDITS = (
    # the Head made ex officio the Director General (para_4__sent_1 gives it to a Deputy)
    "move-ex-officio:tct-cpdt/post/to-pho-vpcp->tct-cpdt/post/to-truong",
    # a fifth working group (para_5__sent_2: exactly four)
    "duplicate:tct-cpdt/unit/nhom-truyen-thong",
    # the shapes a compliance scenario relies on, gone (it must not pass vacuously)
    "remove-shapes:para_5__sent_2",
    # a quote that no longer says what the text says
    "alter-quote:para_5__sent_1",
)


@pytest.fixture(scope="module")
def bundled() -> Model:
    return read_model(BUNDLED)


@pytest.fixture(scope="module")
def suite() -> Suite:
    return Suite.load()


def test_the_unedited_model_passes_every_scenario_and_shape(
    bundled: Model, suite: Suite, tmp_path: Path
) -> None:
    baseline = Mutant("baseline", "none", "the model as it is", ())
    outcome = judge(baseline, bundled, suite, workspace=tmp_path, every_oracle=True)
    assert outcome.verdict == "survived", outcome.killed_by


def test_the_edits_issue_13_found_are_caught(bundled: Model, suite: Suite) -> None:
    mutants = {m.id: m for m in generate(bundled)}
    # The baseline is the test above; here only the four edits, in two worker processes.
    chosen = [mutants[i] for i in ISSUE_13_EDITS]
    campaign = run(bundled, chosen, suite=suite, baseline=False, jobs=2)
    assert [o.mutant.id for o in campaign.outcomes] == list(ISSUE_13_EDITS)
    survived = {o.mutant.id: o.killed_by for o in campaign.survivors}
    assert not survived, survived


@pytest.mark.slow
def test_a_sample_of_the_campaign_leaves_no_unexplained_survivor(
    bundled: Model, suite: Suite
) -> None:
    # One mutant of each operator family (the full run is `make mutate`): any
    # survivor must be one the text allows, listed with its reason.
    chosen = sample(generate(bundled), 17)
    campaign = run(bundled, chosen, suite=suite, baseline=False, jobs=2)
    assert len({o.mutant.operator for o in campaign.outcomes}) == 17
    unexplained = {o.mutant.id: o.mutant.description for o in campaign.unexplained}
    assert not unexplained, unexplained


def test_every_accepted_survivor_is_a_mutant_and_says_why(bundled: Model) -> None:
    ids = {m.id for m in generate(bundled)}
    accepted = accepted_survivors(bundled.folder.name)
    assert set(accepted) <= ids, set(accepted) - ids
    assert all(len(reason) > 20 for reason in accepted.values())
