"""``python -m tests.mutation``: mutation-test the compliance suite of a regulation.

    python -m tests.mutation [--data FOLDER] [--operator NAME ...] [--sample N]
                             [--json FILE] [--every-oracle] [--jobs N]

Prints the killed/survived table per sentence and per operator, and the
survivors with why the text allows each (``tests/mutation/accepted/<slug>.toml``).
Exit 0 when every survivor is explained and the score reaches ``--target``
(default 95 %), 1 otherwise, 2 on bad input.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from ontology import BUNDLED, OrgkgError
from tests.mutation.campaign import Outcome, run
from tests.mutation.generation import OPERATORS, generate, sample
from tests.mutation.mutant import read_model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.mutation", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=BUNDLED,
        help="the regulation folder (default: the bundled one)",
    )
    parser.add_argument(
        "--operator",
        action="append",
        choices=sorted(OPERATORS),
        default=[],
        help="only these operator families (repeatable)",
    )
    parser.add_argument(
        "--mutant",
        action="append",
        default=[],
        metavar="ID",
        help="only the mutants with these ids (repeatable), e.g. the survivors of a run",
    )
    parser.add_argument(
        "--sample",
        type=int,
        default=0,
        metavar="N",
        help="only N mutants, spread over the operators",
    )
    parser.add_argument(
        "--json", type=Path, default=None, metavar="FILE", help="also write the outcomes as JSON"
    )
    parser.add_argument(
        "--every-oracle",
        action="store_true",
        help="run every scenario and the shapes on each mutant (slower)",
    )
    parser.add_argument(
        "--target", type=float, default=0.95, help="the score to reach (default 0.95)"
    )
    parser.add_argument(
        "--jobs",
        type=_positive,
        default=1,
        metavar="N",
        help="judge mutants in N worker processes (default 1)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress line per mutant")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        parser.error(f"--data {args.data}: not a regulation folder")
    try:
        model = read_model(args.data)
    except OrgkgError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    mutants = generate(model, args.operator)
    if args.mutant:
        unknown = sorted(set(args.mutant) - {m.id for m in mutants})
        if unknown:
            parser.error(f"--mutant: no such mutant {', '.join(unknown)}")
        mutants = [m for m in mutants if m.id in set(args.mutant)]
    if args.sample:
        mutants = sample(mutants, args.sample)

    def progress(outcome: Outcome) -> None:
        if not args.quiet:
            print(f"{outcome.verdict:<8} {outcome.mutant.id}", file=sys.stderr, flush=True)

    campaign = run(
        model, mutants, every_oracle=args.every_oracle, jobs=args.jobs, on_outcome=progress
    )
    sys.stdout.write(campaign.to_table())
    if campaign.baseline is not None and campaign.baseline.verdict == "killed":
        return 2
    if args.json is not None:
        _write_atomically(args.json, campaign.to_json())
    return 0 if campaign.score >= args.target and not campaign.unexplained else 1


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as tmp:
        tmp.write(text)
    Path(tmp.name).replace(path)


if __name__ == "__main__":
    sys.exit(main())
