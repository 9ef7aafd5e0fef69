"""placeholder"""

from graph.viewer import render_html

__all__ = ["render_html"]
