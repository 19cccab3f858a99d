"""spiral: crisis news to an evidence-linked, measurable model of an escalation."""

__version__ = "0.2.0"
