"""Decide how a CSV file is encoded, and give DuckDB a UTF-8 file to read.

UTF-8 (with or without a byte-order mark) is read in place. Windows-1252, the
encoding Excel uses for "CSV" on Windows, and UTF-16 with a byte-order mark
are transcoded once into a temporary UTF-8 file. Anything else is refused.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from carelens.ingest.errors import cannot_read

CHUNK = 1 << 24  # 16 MiB
SCAN_CHUNK = 1 << 22  # 4 MiB
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


@dataclass(frozen=True)
class Scan:
    """What one read of the file tells: its encoding, its digest and its line count."""

    encoding: str
    sha256: str
    lines: int  # physical lines up to the last non-blank one; -1 if not known


def scan(path: Path) -> Scan:
    """Detect the encoding, hash the file and count its lines in a single read.

    Large extracts are read once here rather than three times; chunks of plain
    ASCII (most of a CLD file) need no decoding to prove they are UTF-8.
    """
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    utf8, newlines, first, tail = True, 0, b"", b""
    # One buffer, read into again and again: each chunk is hashed, counted and
    # checked while it is still in the processor's cache, and no new 16 MiB
    # object is made per chunk (that alone took more time than the hashing).
    buffer = bytearray(SCAN_CHUNK)
    with path.open("rb", buffering=0) as handle:
        while size := handle.readinto(buffer):
            chunk = buffer if size == SCAN_CHUNK else buffer[:size]
            digest.update(chunk)
            newlines += chunk.count(b"\n")
            first = first or bytes(chunk[:4])
            tail = (tail + chunk[-65536:])[-65536:]
            # An ASCII chunk needs no decoding unless a character split at the end
            # of the previous chunk is still waiting for its continuation bytes.
            if utf8 and (not chunk.isascii() or decoder.getstate()[0]):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    encoding = _bom(first) or ("utf-8" if utf8 else None)
    if encoding is None and _decodes(path, "cp1252"):
        encoding = "cp1252"
    if encoding is None:
        raise cannot_read(path, "the text is not UTF-8 or Windows-1252; save it as UTF-8 CSV")
    size = path.stat().st_size
    # Line counts of the raw bytes hold for UTF-8 and Windows-1252, not UTF-16.
    lines = _lines(newlines, tail, size) if encoding != "utf-16" else -1
    return Scan(encoding, digest.hexdigest(), lines)


def count_lines(path: Path) -> int:
    """Lines up to the last non-blank one, for a file `scan` could not count (UTF-16)."""
    newlines, tail = 0, b""
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            newlines += chunk.count(b"\n")
            tail = (tail + chunk[-65536:])[-65536:]
    return _lines(newlines, tail, path.stat().st_size)


def scan_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def mixes_line_endings(path: Path) -> bool:
    """Whether some lines end in CR LF (Windows) and others in a bare LF (Unix).

    DuckDB cannot parse such a file; asked only once a parse has failed, so that
    the message can say what to do about it.
    """
    windows = unix = False
    last = b""
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            joined = last + chunk
            crlf = joined.count(b"\r\n")
            windows = windows or crlf > 0
            unix = unix or joined.count(b"\n") > crlf
            if windows and unix:
                return True
            # A CR at the end of one chunk may have its LF at the start of the next.
            last = b"\r" if chunk.endswith(b"\r") else b""
    return False


def bom_of(path: Path) -> str | None:
    """The encoding a file's byte-order mark names, if it has one."""
    with path.open("rb") as handle:
        return _bom(handle.read(4))


def _bom(head: bytes) -> str | None:
    for bom, encoding in BOMS.items():
        if head.startswith(bom):
            return encoding
    return None


def _lines(newlines: int, tail: bytes, size: int) -> int:
    """Lines up to the last non-blank one (trailing blank lines are not rows); -1 if unsure."""
    trailing = tail[len(tail.rstrip()) :]
    if len(trailing) == len(tail) and size > len(tail):
        return -1  # more than 64 KiB of trailing blank space: let the slow path count
    if not tail.strip():
        return 0
    return newlines - trailing.count(b"\n") + 1


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
