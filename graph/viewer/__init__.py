"""The org-chart viewer: its projection, its legend, and the offline page.

- :mod:`graph.viewer.orgchart`: the view projection (every kind of node the
  page draws), relations named as :mod:`graph.projection` names them;
- :mod:`graph.viewer.legend`: kinds, relations, their styles and words;
- :mod:`graph.viewer.network`: pyvis' ``Network`` with linear-time adds;
- :mod:`graph.viewer.page`: the page itself (``render_html``).
"""

from __future__ import annotations

from graph.viewer.page import (
    SCRIPTS,
    csp_hash,
    render_html,
    render_view,
    static_text,
    to_script_json,
)

__all__ = ["SCRIPTS", "csp_hash", "render_html", "render_view", "static_text", "to_script_json"]
