"""Encoding detection in one read: chunk boundaries must not change the answer."""

from __future__ import annotations

import pytest

from carelens.ingest import encoding


def test_a_split_character_is_not_completed_by_a_later_chunk(tmp_path, monkeypatch):
    # Windows-1252: 'Ã' ends the first chunk, an ASCII chunk follows, '©' starts the
    # third. Joined across the ASCII chunk, C3 A9 would look like UTF-8 'é'.
    monkeypatch.setattr(encoding, "CHUNK", 8)
    path = tmp_path / "x.csv"
    path.write_bytes(b"abcdefg\xc3" + b"12345678" + b"\xa9rest\n")
    assert encoding.scan(path).encoding == "cp1252"


def test_a_utf8_character_split_across_chunks_is_still_utf8(tmp_path, monkeypatch):
    monkeypatch.setattr(encoding, "CHUNK", 8)
    path = tmp_path / "x.csv"
    path.write_bytes(b"abcdefg\xc3" + b"\xa9" + b"1234567\n")
    scanned = encoding.scan(path)
    assert scanned.encoding == "utf-8" and scanned.lines == 1


def test_utf16_lines_are_counted_on_the_converted_text(tmp_path):
    from carelens.ingest.importer import import_cld
    from tests.ingest.factories import row, write_csv

    path = write_csv(
        tmp_path / "x.csv", [row(Event_Description="one\rtwo"), row("Review")], encoding="utf-16"
    )
    result = import_cld([path], tmp_path / "home")
    assert result.summary["rows_rejected"] == 0
    from carelens.snapshots.store import connect

    with connect(result.path) as con:
        assert con.execute("SELECT list(_line ORDER BY _row) FROM events").fetchone()[0] == [2, 3]


def test_mixed_line_endings_are_named_when_duckdb_cannot_parse_them(tmp_path):
    from carelens.ingest.errors import UnusableFile
    from carelens.ingest.importer import import_cld
    from tests.ingest.factories import row, write_csv

    lines = write_csv(tmp_path / "x.csv", [row("Request"), row("Review")]).read_bytes()
    lines = lines.replace(b"\r\n", b"\n").split(b"\n")
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\r\n".join(lines[:2]) + b"\r\n\n" + b"\r\n".join(lines[2:]))
    with pytest.raises(UnusableFile, match=r"Windows line breaks \(CR LF\) and others in Unix"):
        import_cld([path], tmp_path / "home")
    assert not (tmp_path / "home" / "snapshots").exists() or not any(
        (tmp_path / "home" / "snapshots").iterdir()
    )


@pytest.mark.parametrize(
    ("data", "mixed"),
    [
        (b"a,b\r\n1,2\r\n", False),
        (b"a,b\n1,2\n", False),
        (b"a,b\r\n1,2\n", True),
        (b"a,b\r\n\n1,2\r\n", True),
    ],
)
def test_mixed_line_endings_are_told_apart(tmp_path, monkeypatch, data, mixed):
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    assert encoding.mixes_line_endings(path) is mixed
    # The same with every chunk one byte long: a CR LF split across chunks is one break.
    monkeypatch.setattr(encoding, "CHUNK", 1)
    assert encoding.mixes_line_endings(path) is mixed
