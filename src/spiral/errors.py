"""The one exception tree of spiral. Every error a user can cause derives from SpiralError."""

from __future__ import annotations


class SpiralError(Exception):
    """Base of every error spiral raises on purpose."""


class InputError(SpiralError, ValueError):
    """Input data that cannot be read: the message names file, line or field, and the fix."""


class ConfigError(SpiralError):
    """A setting that is missing, malformed or names something not installed."""


class StoreError(SpiralError):
    """The database cannot be opened, migrated or written."""


class ExtractionError(SpiralError):
    """The NLP pipeline cannot run on a document."""


class ModelError(SpiralError):
    """A statistical model cannot be fitted or used as asked."""


class TooFewEventsError(ModelError):
    """Too few events to estimate a model: the message gives the counts and the minimum."""


class NotFittedError(SpiralError, AttributeError):
    """A model was used before `fit`."""


class SpiralWarning(UserWarning):
    """Base of the warnings spiral issues for problems that are not fatal."""


class ConvergenceWarning(SpiralWarning):
    """An optimiser stopped before it met its tolerance."""
