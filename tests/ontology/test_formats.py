"""The format tables and the Literal types the surfaces offer name the same formats."""

from __future__ import annotations

from ontology import formats


def test_each_literal_type_names_its_table() -> None:
    assert formats.names(formats.SolutionFormat) == tuple(formats.SOLUTION_FORMATS)
    assert formats.names(formats.GraphFormat) == tuple(formats.GRAPH_FORMATS)
    assert formats.names(formats.TextFormat) == tuple(formats.TEXT_FORMATS)
    assert formats.names(formats.ReportFormat) == tuple(formats.REPORT_FORMATS)
    assert formats.names(formats.ExportName) == tuple(formats.EXPORT_FORMATS)


def test_answers_and_rdf_exports_are_subsets() -> None:
    assert set(formats.names(formats.AnswerFormat)) <= set(formats.SOLUTION_FORMATS)
    rdf = {name for name, spec in formats.EXPORT_FORMATS.items() if spec.rdf}
    assert rdf <= set(formats.GRAPH_FORMATS)
    assert all(
        alias in formats.names(formats.SparqlFormat) for alias in formats.MEDIA_ALIASES.values()
    )
