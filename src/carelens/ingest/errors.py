"""Typed errors for files carelens cannot use (cld.md §10: the exit-2 rules)."""

from __future__ import annotations

from pathlib import Path


class UnusableFile(Exception):
    """A file that cannot be imported at all; nothing is written.

    The message names the file and the problem in words a council analyst
    understands; `code` is the CLD rule (CLD001 to CLD004).
    """

    def __init__(self, code: str, path: Path | str, problem: str):
        self.code = code
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path.name}: {problem}")


def cannot_read(path, reason: str) -> UnusableFile:
    return UnusableFile("CLD001", path, f"cannot be read as CSV or XLSX ({reason})")


def no_data(path, reason: str = "contains no data rows") -> UnusableFile:
    return UnusableFile("CLD002", path, reason)
