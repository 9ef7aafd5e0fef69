"""Step definitions, one module per subject of the scenarios."""
