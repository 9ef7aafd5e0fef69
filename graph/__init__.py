"""networkx projections of the store, analytics over them, graph exports, the viewer."""

from graph.analytics import (
    ChainStep,
    chain_of_command,
    command_graph,
    longest_chains,
    reporting_cycles,
    reporting_only,
    span_of_control,
    superiors,
)
from graph.cuts import single_points_of_failure
from graph.export import export_graph
from graph.projection import project_membership, project_reporting
from graph.viewer import render_html

__all__ = [
    "ChainStep",
    "chain_of_command",
    "command_graph",
    "export_graph",
    "longest_chains",
    "project_membership",
    "project_reporting",
    "render_html",
    "reporting_cycles",
    "reporting_only",
    "single_points_of_failure",
    "span_of_control",
    "superiors",
]
