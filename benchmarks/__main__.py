"""``python -m benchmarks``: generate (or reuse) data, measure every engine, report.

    python -m benchmarks                                  # make bench: 10k, 100k, 1M
    python -m benchmarks --sizes 100k --engines oxigraph,memory --json out.json
    python -m benchmarks --sizes 1M --http                # plus the HTTP service

Exit status: 0 when it ran (targets missed are reported, not failed), 2 on
bad arguments.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path
from typing import Any

from benchmarks.generator import DEFAULT_SEED, OUT, ensure_dataset, format_size, parse_size
from benchmarks.measurement import Job, run_job
from benchmarks.progress import say
from benchmarks.report import SizeRun, check_targets, render_table, to_document
from benchmarks.service import benchmark_service, render_service

DEFAULT_SIZES = "10k,100k,1M"
ENGINES = ("oxigraph", "memory")
# rdflib's own store takes minutes per question above this; it is the
# baseline, so it is measured up to here and noted as skipped beyond.
MEMORY_MAX_TRIPLES = 1_000_000
# rdflib at 1M answers some questions in minutes: past this, what was measured
# is kept and the rest noted as not measured.
ENGINE_TIMEOUT_S = 900.0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        sizes = [(name, parse_size(name)) for name in args.sizes.split(",") if name]
    except ValueError as exc:
        print(f"benchmarks: {exc}", file=sys.stderr)
        return 2
    engines = [name for name in args.engines.split(",") if name]
    unknown = [e for e in engines if e not in ENGINES and not e.startswith(("http://", "https://"))]
    if unknown:
        print(f"benchmarks: unknown engine(s) {', '.join(unknown)}", file=sys.stderr)
        return 2

    runs: list[SizeRun] = []
    for name, target in sizes:
        say(f"{format_size(target)}: generating (or reusing) data")
        dataset = ensure_dataset(target, seed=args.seed, out=args.out)
        manifest = dataset.manifest
        run = SizeRun(name, target, {"file": str(dataset.path), **vars(manifest)})
        for engine in engines:
            if engine == "memory" and target > MEMORY_MAX_TRIPLES:
                run.notes.append(
                    f"memory (rdflib) skipped above {format_size(MEMORY_MAX_TRIPLES)} triples: "
                    "it takes too long; ratios at this size are not available"
                )
                continue
            say(f"{name}: measuring {engine}")
            job = Job(
                (str(dataset.path),),
                engine,
                runs=args.runs,
                samples=manifest.samples,
                skip=tuple(q for q in args.skip.split(",") if q),
            )
            run.engines[engine] = run_job(job, timeout_s=args.timeout)
        runs.append(run)

    extra: dict[str, Any] = {}
    if args.http:
        big = next((run for run in runs if run.target >= MEMORY_MAX_TRIPLES), None)
        extra["http"] = benchmark_service(
            big_data=Path(big.generated["file"]) if big else None,
            samples=big.generated.get("samples", {}) if big else {},
            duration_s=args.http_seconds,
        )

    targets = check_targets(runs)
    print(render_table(runs, targets))
    if "http" in extra:
        print(render_service(extra["http"]))
    if args.json:
        command = "python -m benchmarks " + shlex.join(argv if argv is not None else sys.argv[1:])
        document = to_document(runs, targets, command=command, extra=extra)
        Path(args.json).write_text(json.dumps(document, indent=2, ensure_ascii=False), "utf-8")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure orgkg's engines on synthetic government-scale data.",
    )
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="comma list: 10k,100k,1M,5M")
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma list of engines")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per question (median)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--out", type=Path, default=OUT, help="where generated data is cached")
    parser.add_argument("--timeout", type=float, default=ENGINE_TIMEOUT_S,
                        help="seconds one engine may take on one size")  # fmt: skip
    parser.add_argument("--skip", default="", metavar="IDS",
                        help="comma list of questions not to run (noted)")  # fmt: skip
    parser.add_argument("--http", action="store_true",
                        help="also benchmark the HTTP service (wrk gives full speed)")  # fmt: skip
    parser.add_argument("--http-seconds", type=float, default=10.0,
                        help="duration of each HTTP load run")  # fmt: skip
    return parser


if __name__ == "__main__":
    sys.exit(main())
