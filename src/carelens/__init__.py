"""carelens: open improvement tooling for a council's adult social care service."""

__version__ = "0.1.0"
