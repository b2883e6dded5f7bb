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
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb

from carelens.ingest import encoding as enc
from carelens.ingest.errors import UnusableFile, cannot_read, no_data

XLSX_SUFFIXES = {".xlsx", ".xlsm"}
RAGGED = ("MISSING COLUMNS", "TOO MANY COLUMNS")
# The longest record DuckDB will read (bytes). Its read buffer is 16 times this per
# thread, so a generous value costs memory: 2 MB is far beyond any real CLD row.
MAX_LINE = 2_000_000


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


def _header(path: Path, encoding: str) -> tuple[list[str], int]:
    """The header cells and the physical line the header ends on.

    Lines before it that hold nothing but spaces or commas are skipped, here and
    (through `skip`) by DuckDB, so both agree on where the data starts.
    """
    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle)
        try:
            for record in reader:
                if any(cell.strip() for cell in record):
                    return record, reader.line_num
        except csv.Error as error:
            raise cannot_read(path, f"broken CSV quoting in the header: {error}") from None
    raise no_data(path, "contains no header and no data rows (it is empty or only blank lines)")


def _columns_sql(count: int) -> str:
    return "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(count)) + "}"


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _parse(con, path: Path, readable: Path, width: int, name: str, skip: int) -> None:
    """Parse into `{name}_parsed`: one column more than the header, padded with NULL.

    Empty fields read as '' and missing ones as NULL, so a short row (last
    column NULL) and a row with one surplus field (`_extra` not NULL) can be
    told apart from good rows; rows with two or more surplus fields are
    rejected by DuckDB into `{name}_rej`.
    """
    columns = _columns_sql(width)[:-1] + ", '_extra': 'VARCHAR'}"

    def run(parallel: bool) -> None:
        con.execute(f"DROP TABLE IF EXISTS {name}_parsed")
        con.execute(
            f"""CREATE TABLE {name}_parsed AS SELECT * FROM read_csv({_quote(readable)},
                auto_detect=false, columns={columns}, header=true, skip={skip}, delim=',',
                quote='"',
                escape='"', strict_mode=true, null_padding=true, nullstr=chr(0),
                parallel={str(parallel).lower()}, max_line_size={MAX_LINE}, store_rejects=true,
                rejects_table='{name}_rej', rejects_scan='{name}_scan')"""
        )

    try:
        run(parallel=True)
    except duckdb.Error as error:
        if "null_padding" not in str(error):
            raise
        run(parallel=False)  # values with line breaks need the serial reader
    bad = con.execute(
        f"SELECT line, error_type FROM {name}_rej WHERE error_type NOT IN {RAGGED!r} LIMIT 1"
    ).fetchone()
    if bad and bad[1] == "LINE SIZE OVER MAXIMUM":
        raise cannot_read(
            path, f"record {bad[0]} is longer than {MAX_LINE:,} characters (broken quoting?)"
        )
    if bad:
        raise cannot_read(path, f"broken CSV quoting or encoding near record {bad[0]} ({bad[1]})")


def _cells_blank(width: int) -> str:
    return " AND ".join(f"coalesce(trim(c{i}), '') = ''" for i in range(width))


def _short_or_long(width: int) -> str:
    return (
        f"CASE WHEN c{width - 1} IS NULL THEN 'MISSING COLUMNS' "
        "WHEN _extra IS NOT NULL THEN 'TOO MANY COLUMNS' END"
    )


def _number_simply(con, name: str, width: int, header_line: int) -> None:
    """Rows in file order, one physical line each: numbers follow from the order."""
    con.execute(
        f"""CREATE VIEW {name}_all AS
            SELECT rowid + 1 AS _row, rowid + 1 + {header_line} AS _line,
                   {_short_or_long(width)} AS problem, NULL::VARCHAR AS raw_text,
                   * EXCLUDE (_extra)
            FROM {name}_parsed"""
    )


def _number_by_lines(con, name: str, readable: Path, width: int) -> None:
    """Number rows when blank lines, line breaks in values or long rows get in the way.

    A second, quote-aware pass over the physical lines finds where each record
    starts; DuckDB's parsed rows are matched to those records in order.
    """
    con.execute(
        f"""CREATE TEMP TABLE {name}_raw_lines AS SELECT l
            FROM read_csv({_quote(readable)}, auto_detect=false, columns={{'l': 'VARCHAR'}},
                 header=false, delim=chr(1), quote='', escape='', strict_mode=false,
                 max_line_size={MAX_LINE})"""
    )
    # A physical line starts a record when the quotes before it are balanced.
    con.execute(
        f"""CREATE TEMP TABLE {name}_records AS
            WITH lines AS (SELECT rowid + 1 AS line, l FROM {name}_raw_lines),
            q AS (
              SELECT line, l, coalesce(sum(length(l) - length(replace(l, '"', ''))) OVER (
                  ORDER BY line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
              FROM lines)
            SELECT row_number() OVER (ORDER BY line) AS record, line, l IS NULL AS empty,
                   regexp_full_match(coalesce(l, ''), '[\\s,\\x{{FEFF}}]*') AS blank
            FROM q WHERE before % 2 = 0"""
    )
    header = con.execute(f"SELECT min(record) FROM {name}_records WHERE NOT blank").fetchone()[0]
    rows = ", ".join(["NULL"] * width)
    # DuckDB skips empty lines and puts rows with 2+ surplus fields in `_rej` (by record).
    con.execute(
        f"""CREATE TEMP TABLE {name}_all AS
            WITH rejected AS (
              SELECT line AS record, any_value(trim(csv_line, chr(10) || chr(13))) AS raw_text
              FROM {name}_rej GROUP BY line),
            parsed_records AS (
              SELECT row_number() OVER (ORDER BY r.record) AS j, r.record, r.line
              FROM {name}_records r ANTI JOIN rejected x USING (record)
              WHERE NOT r.empty AND r.record > {int(header)}),
            p AS (SELECT rowid + 1 AS j, * FROM {name}_parsed),
            matched AS (
              SELECT pr.record, pr.line AS _line, {_short_or_long(width)} AS problem,
                     NULL::VARCHAR AS raw_text, p.* EXCLUDE (j, _extra)
              FROM p JOIN parsed_records pr USING (j)
              UNION ALL
              SELECT r.record, r.line, 'TOO MANY COLUMNS', x.raw_text, {rows}
              FROM {name}_records r JOIN rejected x USING (record))
            SELECT row_number() OVER (ORDER BY record) AS _row, * EXCLUDE (record)
            FROM matched"""
    )
    # Every parsed row has a first cell ('' when empty); rejected records have none.
    parsed, matched = con.execute(
        f"""SELECT (SELECT count(*) FROM {name}_parsed),
                   (SELECT count(*) FROM {name}_all WHERE c0 IS NOT NULL)"""
    ).fetchone()
    if parsed != matched:
        raise cannot_read(
            readable, "its rows could not be numbered reliably (mixed line endings?); re-save it"
        )


def _split(con, name: str, width: int) -> None:
    """From `{name}_all`: blank rows dropped, data rows renumbered, ragged ones apart."""
    cells = ", ".join(f"c{i}" for i in range(width))
    # Rows of nothing but commas (as spreadsheets write empty rows) are blank, not data.
    clean = not con.execute(
        f"""SELECT count(*) FROM {name}_all WHERE problem IS NOT NULL
            OR (coalesce(trim(c0), '') = '' AND {_cells_blank(width)})"""
    ).fetchone()[0]
    if clean:
        # No short, long or blank rows: nothing to renumber or set apart.
        con.execute(f"CREATE VIEW {name} AS SELECT _row, _line, {cells} FROM {name}_all")
        con.execute(
            f"""CREATE TABLE {name}_ragged (_row BIGINT, _line BIGINT, problem VARCHAR,
                csv_line VARCHAR)"""
        )
        return
    con.execute(
        f"""CREATE TEMP TABLE {name}_data AS
            SELECT row_number() OVER (ORDER BY _row) AS _row, _line, problem, raw_text, {cells}
            FROM {name}_all
            WHERE problem = 'TOO MANY COLUMNS' OR NOT ({_cells_blank(width)})"""
    )
    con.execute(
        f"""CREATE TABLE {name}_ragged AS
            SELECT _row, _line, problem,
                   coalesce(raw_text, concat_ws(',', {cells})) AS csv_line
            FROM {name}_data WHERE problem IS NOT NULL"""
    )
    con.execute(
        f"CREATE VIEW {name} AS SELECT _row, _line, {cells} FROM {name}_data WHERE problem IS NULL"
    )


def _parse_file(con, path: Path, readable: Path, name: str) -> tuple[list[str], int]:
    headers, header_line = _header(readable, "utf-8-sig")
    for table in (f"{name}_parsed", f"{name}_rej", f"{name}_scan"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    _parse(con, path, readable, len(headers), name, skip=header_line - 1)
    return headers, header_line


def read_csv_file(con, path: Path, index: int, workdir: Path) -> SourceTable:
    name = f"src{index}"
    # Most extracts are UTF-8: DuckDB parses the file while another thread reads it
    # once for its encoding, digest and line count. Should the file turn out not to
    # be UTF-8 (or the early parse fail), it is parsed again once that is known.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(enc.scan, path)
        early = None
        if enc.bom_of(path) in (None, "utf-8-sig"):
            try:
                early = _parse_file(con, path, path, name)
            except (UnusableFile, UnicodeDecodeError, duckdb.Error):
                early = None
        scanned = pending.result()
    encoding = scanned.encoding
    readable = enc.as_utf8(path, encoding, workdir)
    if early is not None and readable == path:
        headers, header_line = early
    else:
        headers, header_line = _parse_file(con, path, readable, name)
    width = len(headers)
    rejected, parsed = con.execute(
        f"SELECT (SELECT count(*) FROM {name}_rej), (SELECT count(*) FROM {name}_parsed)"
    ).fetchone()
    lines = scanned.lines if scanned.lines >= 0 else enc.count_lines(readable)
    if not rejected and lines == header_line + parsed:
        _number_simply(con, name, width, header_line)
    else:
        _number_by_lines(con, name, readable, width)
    _split(con, name, width)
    return _finish(con, path, index, name, headers, "csv", encoding, scanned.sha256)


def _finish(con, path, index, name, headers, kind, encoding, digest) -> SourceTable:
    rows_in = con.execute(
        f"SELECT (SELECT count(*) FROM {name}) + (SELECT count(*) FROM {name}_ragged)"
    ).fetchone()[0]
    if rows_in == 0:
        raise no_data(path, "contains no data rows (only a header)")
    return SourceTable(
        path, index, name, f"{name}_ragged", headers, rows_in, digest, kind, encoding
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
        headers: list[str] | None = None
        temp = workdir / f"{path.stem}.{index}.xlsx.csv"
        with temp.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
            # Read-only sheets yield every row from the first, so this is the row number.
            for number, values in enumerate(rows, start=1):
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
                 parallel=false, max_line_size={MAX_LINE})"""
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
    return _finish(con, path, index, name, headers, "xlsx", "xlsx", enc.scan_digest(path))


def read_source(con: duckdb.DuckDBPyConnection, path: Path, index: int, workdir: Path):
    """Read one extract into DuckDB, or raise UnusableFile saying why it cannot be."""
    kind = None
    try:
        kind = _sniff(path)
        if kind == "xlsx":
            return read_xlsx_file(con, path, index, workdir)
        return read_csv_file(con, path, index, workdir)
    except UnusableFile:
        raise
    except duckdb.Error as error:
        if kind == "csv" and enc.mixes_line_endings(path):
            raise cannot_read(
                path,
                "some lines end in Windows line breaks (CR LF) and others in Unix ones (LF); "
                "save it again as CSV from a spreadsheet or text editor",
            ) from None
        first = str(error).strip().splitlines()[0][:200]
        raise cannot_read(path, first) from None
    except UnicodeDecodeError:
        raise cannot_read(path, "the text is not UTF-8 or Windows-1252") from None
