"""Decide how a CSV file is encoded, and give DuckDB a UTF-8 file to read.

UTF-8 (with or without a byte-order mark) is read in place. Windows-1252, the
encoding Excel uses for "CSV" on Windows, and UTF-16 with a byte-order mark
are transcoded once into a temporary UTF-8 file. Anything else is refused.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from carelens.ingest.errors import cannot_read

CHUNK = 1 << 24  # 16 MiB
BOMS = {
    codecs.BOM_UTF8: "utf-8-sig",
    codecs.BOM_UTF16_LE: "utf-16",
    codecs.BOM_UTF16_BE: "utf-16",
}


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect(path: Path) -> str:
    """The encoding of a CSV file: utf-8, utf-8-sig, utf-16 or cp1252."""
    with path.open("rb") as handle:
        head = handle.read(4)
    for bom, encoding in BOMS.items():
        if head.startswith(bom):
            return encoding
    if _decodes(path, "utf-8"):
        return "utf-8"
    if _decodes(path, "cp1252"):
        return "cp1252"
    raise cannot_read(path, "the text is not UTF-8 or Windows-1252; save it as UTF-8 CSV")


def as_utf8(path: Path, encoding: str, workdir: Path) -> Path:
    """A UTF-8 file with the same text: `path` itself when it already is one."""
    if encoding in ("utf-8", "utf-8-sig"):
        return path
    target = workdir / (path.stem + ".utf8.csv")
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    with path.open("rb") as source, target.open("w", encoding="utf-8", newline="") as out:
        while chunk := source.read(CHUNK):
            out.write(decoder.decode(chunk))
        out.write(decoder.decode(b"", final=True))
    return target
