"""The floor benchmark's targets (issue 16) and its table, from one size's results.

:func:`check_targets` says, per target, whether a size met it and by what
figure; :func:`render` lays the size's figures out beside the floor's. Both
read the plain dict :mod:`benchmarks.floor` measures (and writes as JSON).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Targets of issue 16, on 2 cores at 1M triples.
LOAD_RATIO = 1.3
ANSWER_RATIO = 1.15
FIRST_PAGE_MS = 300.0
GRAPH_COLD_MS = 1000.0
GRAPH_WARM_MS = 50.0
OPEN_AND_ANSWER_S = 2.0
OPEN_RSS_MB = 300.0


def check_targets(name: str, result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Each target of issue 16 for one size: met or not, with the figure."""
    targets: list[dict[str, Any]] = []

    def add(target: str, met: bool, measured: str) -> None:
        targets.append({"size": name, "target": target, "met": met, "measured": measured})

    load = result["load"]
    add(f"load <= {LOAD_RATIO}x bulk_load", load["ratio"] <= LOAD_RATIO, f"{load['ratio']:.2f}x")
    answers = result["questions"]
    if answers:  # not measured with --only load,graph
        worst = max(answers, key=lambda r: r["ratio"])
        add(
            f"every whole answer <= {ANSWER_RATIO}x the engine",
            worst["ratio"] <= ANSWER_RATIO,
            f"worst {worst['name']} {worst['ratio']:.2f}x",
        )
        slowest = max(answers, key=lambda r: r["page_ms"])
        add(
            f"first page <= {FIRST_PAGE_MS:.0f} ms",
            slowest["page_ms"] <= FIRST_PAGE_MS,
            f"slowest {slowest['name']} {slowest['page_ms']:.0f} ms",
        )
    targets += _graph_targets(name, result)
    disk = result.get("disk")
    if disk:
        add(
            f"on-disk store opens and answers <= {OPEN_AND_ANSWER_S} s",
            disk["open_and_answer_s"] <= OPEN_AND_ANSWER_S,
            f"{disk['open_and_answer_s']:.2f} s",
        )
        add(
            f"RSS after opening <= {OPEN_RSS_MB:.0f} MB",
            disk["rss_after_open_mb"] <= OPEN_RSS_MB,
            f"{disk['rss_after_open_mb']:.0f} MB",
        )
    return targets


def _graph_targets(name: str, result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The networkx targets of one size (none when the graph part was not run)."""
    graph = result["graph"]
    if not graph:
        return []
    cold = max(graph, key=lambda r: r["orgkg_ms"])
    warm = max(graph, key=lambda r: r["warm_ms"])
    return [
        {
            "size": name,
            "target": f"networkx cold <= {GRAPH_COLD_MS:.0f} ms",
            "met": cold["orgkg_ms"] <= GRAPH_COLD_MS,
            "measured": f"slowest {cold['name']} {cold['orgkg_ms']:.0f} ms",
        },
        {
            "size": name,
            "target": f"networkx warm <= {GRAPH_WARM_MS:.0f} ms",
            "met": warm["warm_ms"] <= GRAPH_WARM_MS,
            "measured": f"slowest {warm['name']} {warm['warm_ms']:.1f} ms",
        },
    ]


def render(name: str, result: Mapping[str, Any]) -> str:
    """One size as an aligned text table: floor and orgkg side by side."""
    lines = [f"== {name}: {result['triples']:,} triples =="]
    table = [["what", "floor ms", "orgkg ms", "ratio", "first page ms", "rows"]]
    load = result["load"]
    table.append(["load", _ms(load["floor_ms"]), _ms(load["orgkg_ms"]), _x(load["ratio"]), "", ""])
    table.append(["  of which screening", "", _ms(load["screening_ms"]), "", "", ""])
    table.append(["  of which folding", "", _ms(load["folding_ms"]), "", "", ""])
    for row in result["questions"]:
        table.append(
            [
                row["name"],
                _ms(row["floor_ms"]),
                _ms(row["orgkg_ms"]),
                _x(row["ratio"]),
                _ms(row["page_ms"]),
                str(row["rows"]),
            ]
        )
    table.append(["networkx (cold / warm)", "", "", "", "", ""])
    for row in result["graph"]:
        table.append(
            [f"  {row['name']}", "-", _ms(row["orgkg_ms"]), "", f"warm {_ms(row['warm_ms'])}", ""]
        )
    disk = result.get("disk")
    if disk:
        table.append(["on-disk build", "", _ms(disk["build_s"] * 1000), "", "", ""])
        first = f"open + {disk['first_question']} page"
        table.append([first, "", _ms(disk["open_and_answer_s"] * 1000), "", "", ""])
        if "listing_page_s" in disk:
            listing = f"then {disk['listing']} page"
            table.append([listing, "", _ms(disk["listing_page_s"] * 1000), "", "", ""])
        table.append(["RSS after open (MB)", "", f"{disk['rss_after_open_mb']:.0f}", "", "", ""])
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    for r in table:
        lines.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
        )
    return "\n".join(lines)


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:,.1f}"


def _x(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}x"
