"""Every mutant of a model: the operator families by name, and a sample spread over them."""

from __future__ import annotations

from collections.abc import Sequence

from tests.mutation.mutant import Model, Mutant
from tests.mutation.operators import (
    Operator,
    add_node,
    drop_seat,
    duplicate_node,
    move_holder,
    reassign_seal,
    remove_node,
    reverse_line,
    swap_concept,
    swap_ex_officio,
    toggle_bearer,
    toggle_frequency,
)
from tests.mutation.sources import alter_quote, drop_provenance, remove_shapes

OPERATORS: dict[str, Operator] = {
    "remove": remove_node,
    "duplicate": duplicate_node,
    "add": add_node,
    "move-holder": move_holder,
    "ex-officio": swap_ex_officio,
    "drop-seat": drop_seat,
    "swap-concept": swap_concept,
    "frequency": toggle_frequency,
    "reverse": reverse_line,
    "bearer": toggle_bearer,
    "reassign-seal": reassign_seal,
    "drop-provenance": drop_provenance,
    "alter-quote": alter_quote,
    "remove-shapes": remove_shapes,
}


def generate(model: Model, operators: Sequence[str] = ()) -> list[Mutant]:
    """Every mutant of ``model`` (or of the named operator families), unique by id."""
    chosen = operators or tuple(OPERATORS)
    unknown = [name for name in chosen if name not in OPERATORS]
    if unknown:
        raise ValueError(f"unknown operator(s) {', '.join(unknown)}; known: {', '.join(OPERATORS)}")
    mutants: dict[str, Mutant] = {}
    for name in chosen:
        for mutant in OPERATORS[name](model):
            if mutant.changes:
                mutants.setdefault(mutant.id, mutant)
    return list(mutants.values())


def sample(mutants: Sequence[Mutant], size: int) -> list[Mutant]:
    """``size`` mutants spread over the operators (round robin, in id order)."""
    by_operator: dict[str, list[Mutant]] = {}
    for mutant in sorted(mutants, key=lambda m: m.id):
        by_operator.setdefault(mutant.operator, []).append(mutant)
    queues = [list(reversed(group)) for group in by_operator.values()]
    chosen: list[Mutant] = []
    while len(chosen) < size and any(queues):
        for queue in queues:
            if queue and len(chosen) < size:
                chosen.append(queue.pop())
    return chosen
