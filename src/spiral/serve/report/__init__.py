"""The offline report: `collect` gathers what to show from the store, renderers draw it."""

from spiral.serve.report.markdown import render_markdown
from spiral.serve.report.model import ReportData
from spiral.serve.report.page import render_html

__all__ = ["ReportData", "render_html", "render_markdown"]
