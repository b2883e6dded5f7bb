"""Read CSV and XLSX extracts into DuckDB tables of text, with row and line numbers.

Each file becomes a table with `_row` (data row number, from 1), `_line` (the
physical line, or spreadsheet row, where the row starts) and one VARCHAR
column per header cell (`c0`, `c1`, ...). Rows with the wrong number of fields
go to a second table and are rejected later, never padded or trimmed.

DuckDB parses the CSV. Line numbers come from a second, quote-aware pass over
the file's physical lines, also in DuckDB, so no Python object is made per row.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb

from carelens.ingest import encoding as enc
from carelens.ingest.errors import UnusableFile, cannot_read, no_data

XLSX_SUFFIXES = {".xlsx", ".xlsm"}
RAGGED = ("MISSING COLUMNS", "TOO MANY COLUMNS")


@dataclass
class SourceTable:
    path: Path
    index: int
    table: str  # _row, _line, c0..cn
    ragged: str  # _row, _line, found, expected, csv_line
    headers: list[str]
    rows_in: int
    sha256: str
    kind: str
    encoding: str


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _sniff(path: Path) -> str:
    """'csv' or 'xlsx' by content; refuses anything else with a plain reason."""
    if not path.exists():
        raise cannot_read(path, "the file does not exist")
    if not path.is_file():
        raise cannot_read(path, "it is a folder, not a file")
    if path.stat().st_size == 0:
        raise no_data(path, "is empty (0 bytes): it contains no data rows")
    with path.open("rb") as handle:
        head = handle.read(65536)
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"%PDF"):
        raise cannot_read(path, "it is a PDF document, not a CSV or XLSX file")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise cannot_read(path, "it is an old-style Excel .xls workbook; save it as .xlsx or CSV")
    if path.suffix.lower() in XLSX_SUFFIXES:
        raise cannot_read(path, "it has an .xlsx name but is not a valid XLSX workbook")
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in head and not utf16:
        raise cannot_read(path, "it is a binary file, not CSV text")
    return "csv"


def _header(path: Path, encoding: str) -> list[str]:
    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle)
        try:
            for record in reader:
                if any(cell.strip() for cell in record):
                    return record
        except csv.Error as error:
            raise cannot_read(path, f"broken CSV quoting in the header: {error}") from None
    raise no_data(path, "contains no header and no data rows (it is empty or only blank lines)")


def _columns_sql(count: int) -> str:
    return "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(count)) + "}"


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _read_csv(con, path: Path, readable: Path, headers: list[str], name: str) -> None:
    """Parse into `{name}_parsed` (good rows) and `{name}_rej` (rows with a field problem)."""
    con.execute(
        f"""CREATE TABLE {name}_parsed AS SELECT * FROM read_csv({_quote(readable)},
            auto_detect=false, columns={_columns_sql(len(headers))}, header=true,
            delim=',', quote='"', escape='"', strict_mode=true, max_line_size=20000000,
            store_rejects=true, rejects_table='{name}_rej', rejects_scan='{name}_scan')"""
    )
    bad = con.execute(
        f"SELECT line, error_type FROM {name}_rej WHERE error_type NOT IN {RAGGED!r} LIMIT 1"
    ).fetchone()
    if bad:
        raise cannot_read(path, f"broken CSV quoting or encoding near record {bad[0]} ({bad[1]})")


def _number_rows(con, path: Path, readable: Path, name: str, expected: int) -> None:
    """Give every parsed and ragged row its data row number and physical start line."""
    con.execute(
        f"""CREATE TEMP TABLE {name}_raw_lines AS SELECT l
            FROM read_csv({_quote(readable)}, auto_detect=false, columns={{'l': 'VARCHAR'}},
                 header=false, delim=chr(1), quote='', escape='', strict_mode=false,
                 max_line_size=20000000)"""
    )
    con.execute(
        f"CREATE TEMP TABLE {name}_lines AS SELECT rowid + 1 AS line, l FROM {name}_raw_lines"
    )
    # A physical line starts a record when the quotes before it are balanced.
    con.execute(
        f"""CREATE TEMP TABLE {name}_records AS
            WITH q AS (
              SELECT line, l, coalesce(sum(length(l) - length(replace(l, '"', ''))) OVER (
                  ORDER BY line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
              FROM {name}_lines)
            SELECT row_number() OVER (ORDER BY line) AS record, line,
                   (l IS NULL OR trim(l) = '') AS blank
            FROM q WHERE before % 2 = 0"""
    )
    header_record = con.execute(
        f"SELECT min(record) FROM {name}_records WHERE NOT blank"
    ).fetchone()[0]
    con.execute(
        f"""CREATE TEMP TABLE {name}_data AS
            SELECT row_number() OVER (ORDER BY record) AS _row, record, line AS _line
            FROM {name}_records WHERE NOT blank AND record > {int(header_record)}"""
    )
    con.execute(
        f"""CREATE TEMP TABLE {name}_dd_ragged AS
            SELECT d._row, d._line, d.record, any_value(r.error_type) AS problem,
                   any_value(trim(r.csv_line, chr(10) || chr(13))) AS csv_line
            FROM {name}_rej r JOIN {name}_data d ON d.record = r.line
            WHERE r.error_type IN {RAGGED!r}
            GROUP BY d._row, d._line, d.record"""
    )
    con.execute(
        f"""CREATE TEMP TABLE {name}_numbered AS
            WITH good AS (
              SELECT row_number() OVER (ORDER BY d._row) AS j, d._row, d._line, d.record
              FROM {name}_data d ANTI JOIN {name}_dd_ragged g USING (_row))
            SELECT good._row, good._line, good.record, p.* EXCLUDE (j)
            FROM (SELECT rowid + 1 AS j, * FROM {name}_parsed) p JOIN good USING (j)"""
    )
    # DuckDB accepts one surplus empty field at the end of a line; CLD does not.
    con.execute(
        f"""CREATE TEMP TABLE {name}_surplus AS
            SELECT d._row, d._line, d.record, 'TOO MANY COLUMNS' AS problem, x.l AS csv_line
            FROM {name}_data d
            JOIN {name}_records r USING (record)
            JOIN {name}_lines x ON x.line = r.line
            WHERE x.l LIKE '%,' AND NOT contains(x.l, '"')
              AND length(x.l) - length(replace(x.l, ',', '')) + 1 > {expected}
            UNION ALL
            SELECT d._row, d._line, d.record, 'TOO MANY COLUMNS', x.l
            FROM {name}_data d
            JOIN {name}_records r USING (record)
            JOIN {name}_lines x ON x.line = r.line
            WHERE x.l LIKE '%,' AND contains(x.l, '"')
              AND length(regexp_replace(x.l, '"[^"]*"', '', 'g'))
                  - length(replace(regexp_replace(x.l, '"[^"]*"', '', 'g'), ',', '')) + 1
                  > {expected}"""
    )
    con.execute(
        f"""CREATE TABLE {name}_ragged AS
            SELECT _row, _line, problem, csv_line FROM {name}_dd_ragged
            UNION ALL
            SELECT s._row, s._line, s.problem, s.csv_line FROM {name}_surplus s
            SEMI JOIN {name}_numbered n USING (_row)"""
    )
    con.execute(
        f"""CREATE TABLE {name} AS
            SELECT * EXCLUDE (record) FROM {name}_numbered ANTI JOIN {name}_surplus USING (_row)"""
    )
    parsed, numbered = con.execute(
        f"SELECT (SELECT count(*) FROM {name}_parsed), (SELECT count(*) FROM {name}_numbered)"
    ).fetchone()
    if parsed != numbered:
        raise cannot_read(
            path, "its rows could not be numbered reliably (mixed line endings?); re-save it"
        )


def read_csv_file(con, path: Path, index: int, workdir: Path) -> SourceTable:
    encoding = enc.detect(path)
    readable = enc.as_utf8(path, encoding, workdir)
    headers = _header(readable, "utf-8-sig")
    name = f"src{index}"
    _read_csv(con, path, readable, headers, name)
    _number_rows(con, path, readable, name, len(headers))
    return _finish(con, path, index, name, headers, "csv", encoding)


def _finish(con, path, index, name, headers, kind, encoding) -> SourceTable:
    rows_in = con.execute(
        f"SELECT (SELECT count(*) FROM {name}) + (SELECT count(*) FROM {name}_ragged)"
    ).fetchone()[0]
    if rows_in == 0:
        raise no_data(path, "contains no data rows (only a header)")
    return SourceTable(
        path, index, name, f"{name}_ragged", headers, rows_in, sha256(path), kind, encoding
    )


def _cell_text(value) -> str:
    """An XLSX cell as the text a CSV export would hold; typed dates become yyyy-mm-dd."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int | Decimal):
        return str(value)
    return str(value)


def read_xlsx_file(con, path: Path, index: int, workdir: Path) -> SourceTable:
    """The first sheet, as text, through a temporary CSV with the spreadsheet row numbers."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise cannot_read(path, f"not a valid XLSX workbook: {error}") from None
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        first_row = sheet.min_row or 1
        headers: list[str] | None = None
        temp = workdir / f"{path.stem}.{index}.xlsx.csv"
        with temp.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
            for number, values in enumerate(rows, start=first_row):
                cells = [_cell_text(v) for v in values]
                while cells and not cells[-1].strip():
                    cells.pop()
                if not cells:
                    continue
                if headers is None:
                    headers = cells
                    continue
                if len(cells) > len(headers):
                    headers += [f"Column {n + 1}" for n in range(len(headers), len(cells))]
                cells += [""] * (len(headers) - len(cells))
                writer.writerow([str(number), *cells])
    finally:
        workbook.close()
    if headers is None:
        raise no_data(path, "contains no header row and no data rows")
    name = f"src{index}"
    columns = "{'line': 'VARCHAR', " + _columns_sql(len(headers))[1:]
    con.execute(
        f"""CREATE TEMP TABLE {name}_parsed AS SELECT *
            FROM read_csv({_quote(temp)}, auto_detect=false, columns={columns}, header=false,
                 delim=',', quote='"', escape='"', strict_mode=false, null_padding=true,
                 max_line_size=20000000)"""
    )
    con.execute(
        f"""CREATE TABLE {name} AS
            SELECT rowid + 1 AS _row, CAST(line AS INTEGER) AS _line, * EXCLUDE (line)
            FROM {name}_parsed"""
    )
    con.execute(
        f"""CREATE TABLE {name}_ragged (_row BIGINT, _line INTEGER, problem VARCHAR,
            csv_line VARCHAR)"""
    )
    return _finish(con, path, index, name, headers, "xlsx", "xlsx")


def read_source(con: duckdb.DuckDBPyConnection, path: Path, index: int, workdir: Path):
    """Read one extract into DuckDB, or raise UnusableFile saying why it cannot be."""
    try:
        kind = _sniff(path)
        if kind == "xlsx":
            return read_xlsx_file(con, path, index, workdir)
        return read_csv_file(con, path, index, workdir)
    except UnusableFile:
        raise
    except duckdb.Error as error:
        first = str(error).strip().splitlines()[0][:200]
        raise cannot_read(path, first) from None
    except UnicodeDecodeError:
        raise cannot_read(path, "the text is not UTF-8 or Windows-1252") from None
