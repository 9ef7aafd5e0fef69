"""orgkg beside the engine under it: every figure next to the raw pyoxigraph floor.

    python -m benchmarks.floor                          # make bench: 10k, 100k, 1M
    python -m benchmarks.floor --sizes 100k --runs 3 --json floor.json

Per size, in a fresh process each (so memory and caches are that size's own):

- load: ``Store.bulk_load`` of the file (the floor) against ``load_regulation``,
  and the floor of the same data with the folded labels orgkg stores, each
  load in a fresh process of its own (:mod:`benchmarks.loads`); the
  screening and the folding timed apart;
- every SPARQL question, whole answer as SPARQL JSON: the engine evaluating and
  serialising the same query with the same bindings (the floor) against
  orgkg's answer; then orgkg's first page of 100 rows, uncached, and as the
  service serves it (cut from the answer prepared once per store version,
  for a parameter-free question; what preparing cost is shown beside it);
- every networkx question and projection, cold (first call on the store
  version) and warm;
- the on-disk store: ``orgkg load`` into a folder, then in a new process
  opening it and answering a first page, with the RSS after opening
  (:mod:`benchmarks.disk_store`; ``--store 5M`` does it for a size of its own);
- on the largest size (``--http``): ``orgkg serve`` on the file, page 1 of
  every question under wrk (:mod:`benchmarks.served_pages`), p50 and p99;
- last, ``/sparql`` beside ``oxigraph serve-read-only`` on the bundled
  regulation, the two in turns under wrk (:mod:`benchmarks.sparql`).

Ratios are orgkg's time divided by the floor's, the two taking turns run
after run (in the same process, or for loads in fresh processes one after
the other), so a busy machine slows both alike.
"""

# The parent process only generates and reports: orgkg is imported in the
# measuring children, so each size starts from a fresh interpreter.
# ruff: noqa: PLC0415

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from benchmarks.disk_store import measure_disk
from benchmarks.generator import DEFAULT_SEED, OUT, ensure_dataset, format_size, parse_size
from benchmarks.graph_calls import measure_graph
from benchmarks.loads import time_loads
from benchmarks.measurement import choose_params, current_rss
from benchmarks.progress import say
from benchmarks.report import describe_machine
from benchmarks.served_pages import measure_served_pages
from benchmarks.sparql import check_sparql_targets, needed_tools, run_side_by_side
from benchmarks.sparql import render as render_sparql
from benchmarks.targets import check_disk_targets, check_targets, render, render_disk
from benchmarks.timing import Row, interleaved, interleaved_samples, timed

DEFAULT_SIZES = "10k,100k,1M"
PAGE = 100
MAX_RUNS = 200  # turns of a quick question (see runs_for)
QUICK_BUDGET_MS = 500.0
# What one run measures (--only): the load always, as everything else needs it.
PARTS = frozenset({"load", "questions", "graph"})


def measure_size(
    path: Path, samples: Mapping[str, str], runs: int, parts: frozenset[str] = PARTS
) -> dict[str, Any]:
    """Everything (or the ``parts`` asked) for one data file, in a process of its own."""
    from ontology import load_regulation
    from ontology.store_oxigraph import OxigraphStore

    load_runs = max(1, min(runs, 5))
    # Each load in a fresh process (benchmarks.loads); beside the floor, the
    # engine alone on the same data plus the folded labels orgkg stores
    # (skos:hiddenLabel, fixed by the modelling design), in one bulk_load.
    loads = time_loads(path, load_runs)
    screen_ms, fold_ms = _time_screening(path, load_runs)
    store = load_regulation([path])  # for the questions, in this process
    load = Row(
        "load",
        loads.floor_ms,
        loads.orgkg_ms,
        loads.triples,
        {
            "screening_ms": screen_ms,
            "folding_ms": fold_ms,
            "floor_with_labels_ms": loads.floor_with_labels_ms,
            "floor_lenient_ms": loads.floor_lenient_ms,
        },
    )
    assert isinstance(store, OxigraphStore)
    return {
        "triples": loads.triples,
        "load": load.to_dict(),
        "questions": [r.to_dict() for r in measure_questions(store, samples, runs)]
        if "questions" in parts
        else [],
        "graph": [r.to_dict() for r in measure_graph(store, samples, runs)]
        if "graph" in parts
        else [],
        "rss_mb": current_rss() / 2**20,
    }


def _time_screening(path: Path, runs: int) -> tuple[float, float]:
    """Median milliseconds of the screening and of the folding of ``path``'s bytes, in turns."""
    from ontology.hidden_labels import folded_ntriples
    from ontology.screening import check_text, passes_term_checks, read_raw

    raw = read_raw(path)
    (screen_ms, fold_ms), _ = interleaved(
        [lambda: check_text(path, raw) and passes_term_checks(raw), lambda: folded_ntriples(raw)],
        runs,
    )
    return screen_ms, fold_ms


def measure_questions(store: Any, samples: Mapping[str, str], runs: int) -> list[Row]:
    """Each SPARQL question: the engine's JSON (floor), orgkg's JSON, orgkg's first page.

    The first page is measured uncached (the engine evaluates the whole sorted
    answer) and, for a parameter-free question, cut from its prepared answer
    as the service serves it; ``prepare_ms`` is what preparing it cost once.
    A question answered from the label index (``search``) has ``index_ms``,
    what building the index cost once; its pages are measured with it kept.
    """
    from ontology.paging import Page
    from ontology.store_oxigraph import to_ox
    from queries import bind_parameters, load_catalogue
    from queries.analysis import memo_of
    from queries.label_index import rebuild_index, uses_index
    from queries.prepared import prepare_answer
    from queries.runner import sparql_bindings
    from queries.stream import answer_rendered

    results: list[Row] = []
    native: ox.Store = store.native
    for question in load_catalogue().values():
        if question.kind != "sparql":
            continue
        params = choose_params(question.parameters, samples)
        bindings = sparql_bindings(question, bind_parameters(store, question, params), "vi")
        substitutions = {ox.Variable(k): to_ox(v) for k, v in bindings.items()}
        extra: dict[str, float] = {}
        if uses_index(store, question):
            extra["index_ms"], _ = timed(lambda: rebuild_index(store), 1)

        def floor(text: str = question.text, subs: Any = substitutions) -> bytes:
            solutions = native.query(text, substitutions=subs, prefixes=_prefixes())
            if not isinstance(solutions, ox.QuerySolutions):
                raise TypeError(f"{text[:40]!r} is not a SELECT query")
            return solutions.serialize(format=ox.QueryResultsFormat.JSON) or b""

        def whole(q: Any = question, p: Any = params) -> Any:
            return answer_rendered(store, q, p)

        def first_page(q: Any = question, p: Any = params) -> Any:
            memo_of(store).pop("materialised", None)  # uncached: evaluate again
            return answer_rendered(store, q, p, page=Page(limit=PAGE))

        walls, cpus, (_, rendered, _) = interleaved_samples(
            [floor, whole, first_page], runs_for(floor, runs)
        )
        floor_ms, orgkg_ms, page_ms = map(statistics.median, walls)
        cpu = [statistics.median(c) for c in cpus]
        extra |= {"page_ms": page_ms, "floor_cpu_ms": cpu[0], "orgkg_cpu_ms": cpu[1]}
        # The engine's own time for one query can take one of two values from call to
        # call (uncovered-duties at 100k: 23 or 67 ms, whoever calls): the best of each
        # is orgkg's overhead alone.
        extra["best_ratio"] = min(walls[1]) / max(min(walls[0]), 1e-6)
        if cpu[0] > 0:
            extra["cpu_ratio"] = cpu[1] / cpu[0]
        if not any(p.required for p in question.parameters):

            def prepare(q: Any = question) -> Any:
                return prepare_answer(store, q, lang="vi")

            extra["prepare_ms"], prepared = timed(prepare, 1)

            def cut(answer: Any = prepared) -> Any:
                return answer.render("json", Page(limit=PAGE))

            extra["prepared_page_ms"], _ = timed(cut, max(runs, 5))
        results.append(Row(question.id, floor_ms, orgkg_ms, rendered.total, extra))
    return results


def runs_for(call: Callable[[], Any], runs: int) -> int:
    """How many turns give a steady median: ``runs``, or more for a call of a few ms.

    Three runs of a 2 ms call give a median that wanders by a tenth from run
    to run; as ``timeit`` does, a quick call is repeated to fill a budget.
    """
    once, _ = timed(call, 1)
    return max(runs, min(MAX_RUNS, int(QUICK_BUDGET_MS / max(once, 0.01))))


def _prefixes() -> dict[str, str]:
    from ontology.namespaces import PREFIXES

    return dict(PREFIXES)


def _child(
    path: str, samples: Mapping[str, str], runs: int, options: tuple[bool, frozenset[str]], out: Any
) -> None:
    disk, parts = options
    result = measure_size(Path(path), samples, runs, parts)
    if disk:
        result["disk"] = measure_disk(Path(path))
    out.put(result)


def run_size(
    path: Path,
    samples: Mapping[str, str],
    runs: int,
    *,
    disk: bool,
    parts: frozenset[str] = PARTS,
) -> dict[str, Any]:
    """:func:`measure_size` in a fresh ``spawn`` process."""
    context = multiprocessing.get_context("spawn")
    queue: Any = context.Queue()
    child = context.Process(
        target=_child, args=(str(path), dict(samples), runs, (disk, parts), queue)
    )
    child.start()
    try:
        result: dict[str, Any] = queue.get(timeout=3600)
    finally:
        child.join(timeout=60)
        if child.is_alive():
            child.kill()  # our own child, by handle
    return result


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    parts = frozenset(p for p in args.only.split(",") if p) | {"load"}
    if not parts <= PARTS:
        print(f"benchmarks: unknown part in --only {args.only!r}", file=sys.stderr)
        return 2
    try:
        sizes = [(name, parse_size(name)) for name in args.sizes.split(",") if name]
        store_size = None if args.store is None else parse_size(args.store)
        oxigraph = needed_tools() if args.sparql_rounds > 0 else None
    except (ValueError, LookupError) as exc:  # before hours of measuring, not after
        print(f"benchmarks: {exc}", file=sys.stderr)
        return 2
    document: dict[str, Any] = {"machine": describe_machine(), "sizes": {}, "runs": args.runs}
    results: dict[str, Any] = document["sizes"]
    targets: list[dict[str, Any]] = []
    for index, (name, target) in enumerate(sizes):
        dataset = ensure_dataset(target, seed=args.seed, out=args.out)
        disk = args.disk == "all" or (args.disk == "largest" and index == len(sizes) - 1)
        say(f"{format_size(target)}: measuring {dataset.path.name}")
        result = run_size(dataset.path, dataset.manifest.samples, args.runs, disk=disk, parts=parts)
        if args.http == "all" or (args.http == "largest" and index == len(sizes) - 1):
            say(f"{format_size(target)}: serving first pages")
            result["served_pages"] = measure_served_pages(dataset.path, dataset.manifest.samples)
        results[name] = result
        targets += check_targets(name, result)
        print(render(name, result), flush=True)
    if store_size is not None:
        name = f"{format_size(store_size)} on disk"
        dataset = ensure_dataset(store_size, seed=args.seed, out=args.out)
        say(f"{name}: building and opening {dataset.path.name}")
        results[name] = {"triples": dataset.manifest.triples, "disk": measure_disk(dataset.path)}
        targets += check_disk_targets(name, results[name]["disk"])
        print(render_disk(name, results[name]), flush=True)
    if oxigraph is not None:
        say("/sparql beside oxigraph serve-read-only (bundled regulation)")
        sparql = run_side_by_side(oxigraph, data=(), seconds=10.0, rounds=args.sparql_rounds)
        document["sparql"] = sparql
        targets += check_sparql_targets(sparql)
        print(render_sparql(sparql), flush=True)
    print("\n== targets (issue 16) ==")
    for item in targets:
        mark = "met" if item["met"] else "NOT met"
        print(f"{item['size']:>10}  {mark:<7}  {item['target']}: {item['measured']}")
    if args.json:
        document["targets"] = targets
        Path(args.json).write_text(json.dumps(document, indent=2, ensure_ascii=False), "utf-8")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.floor", description=__doc__)
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="comma list: 10k,100k,1M")
    parser.add_argument(
        "--runs", type=int, default=5, help="timed runs per figure (median; loads: at most 5)"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=OUT, help="where generated data is cached")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument(
        "--disk", default="largest", help="sizes to build on disk: largest, none, all"
    )
    parser.add_argument(
        "--only",
        default=",".join(sorted(PARTS)),
        help="comma list of parts: load, questions, graph (the load is always measured)",
    )
    parser.add_argument(
        "--http", default="largest", help="sizes whose first pages are served: largest, none, all"
    )
    parser.add_argument(
        "--store",
        metavar="SIZE",
        help="also build this size (e.g. 5M) on disk and open it in a new process",
    )
    parser.add_argument(
        "--sparql-rounds",
        type=int,
        default=2,
        help="rounds of /sparql beside oxigraph serve (needs wrk; 0: not measured)",
    )
    return parser


if __name__ == "__main__":
    sys.exit(main())
