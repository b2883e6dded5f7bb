"""Match each file's headers to the CLD columns and stack the files into one table.

The staged table `staged` has `_file`, `_row`, `_line`, `_seq` and one VARCHAR
column per CLD column (by alias): trimmed, with blank cells as NULL, and NULL
throughout for a column the file does not have. Unknown columns go, unchanged,
to `extras` (one row per cell that holds something).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from carelens.ingest.columns import BY_KEY, COLUMNS
from carelens.ingest.errors import UnusableFile
from carelens.ingest.matching import header_key
from carelens.ingest.readers import SourceTable

# _seq orders rows across files (file order, then row) without a sort.
FILE_STRIDE = 10_000_000_000


@dataclass
class HeaderMap:
    by_alias: dict[str, int]  # CLD alias -> column index in the source table
    extras: dict[str, int]  # unknown header text -> column index
    notes: list[tuple[str, str]] = field(default_factory=list)  # (code, message)


def map_headers(source: SourceTable) -> HeaderMap:
    """Match headers (cld.md §2); raise UnusableFile for CLD003 and CLD004."""
    name = source.path.name
    seen: dict[str, str] = {}
    by_alias: dict[str, int] = {}
    extras: dict[str, int] = {}
    notes: list[tuple[str, str]] = []
    for index, header in enumerate(source.headers):
        text = header.strip()
        key = header_key(text)
        if not key:
            text = f"(unnamed column {index + 1})"
            key = f"unnamed{index + 1}"
        if key in seen:
            shown = BY_KEY[key].name if key in BY_KEY else text
            raise UnusableFile(
                "CLD004",
                source.path,
                f"columns '{seen[key]}' and '{text}' are the same field ({shown}): "
                "the column appears twice (duplicate column names)",
            )
        seen[key] = text
        column = BY_KEY.get(key)
        if column is None:
            extras[text] = index
            notes.append(("CLD005", f"{name}: column '{text}' is not a CLD field; kept aside"))
        else:
            by_alias[column.alias] = index
    missing = [c.name for c in COLUMNS if c.required and c.alias not in by_alias]
    if missing:
        raise UnusableFile(
            "CLD003",
            source.path,
            f"required column(s) missing: {', '.join(missing)}",
        )
    for column in COLUMNS:
        if column.alias not in by_alias and not column.required and not column.extension:
            notes.append(
                ("CLD006", f"{name}: optional column '{column.name}' absent; treated as blank")
            )
    return HeaderMap(by_alias, extras, notes)


def _cell(index: int | None) -> str:
    if index is None:
        return "CAST(NULL AS VARCHAR)"
    # Spaces and tabs only: DuckDB's one-argument trim also strips other Unicode
    # spaces, which would change free text (cld.md §2 trims spaces).
    return f"NULLIF(trim(c{index}, ' ' || chr(9)), '')"


def stage(con, sources: list[SourceTable], maps: list[HeaderMap]) -> None:
    """Create `staged`, `ragged` and `extras` from the read files."""
    parts, ragged, extras, present = [], [], [], []
    for source, header_map in zip(sources, maps, strict=True):
        cells = ", ".join(
            f"{_cell(header_map.by_alias.get(c.alias))} AS {c.alias}" for c in COLUMNS
        )
        parts.append(
            f"SELECT {source.index} AS _file, _row, _line, "
            f"{source.index} * {FILE_STRIDE} + _row AS _seq, {cells} FROM {source.table}"
        )
        present += [(source.index, alias) for alias in header_map.by_alias]
        ragged.append(
            f"SELECT {source.index} AS _file, _row, _line, problem, csv_line FROM {source.ragged}"
        )
        for text, index in header_map.extras.items():
            quoted = text.replace("'", "''")
            extras.append(
                f"SELECT {source.index} AS _file, _row, '{quoted}' AS column_name, "
                f"c{index} AS value FROM {source.table} "
                f"WHERE {_cell(index)} IS NOT NULL"
            )
    # A view: the text is trimmed as it is read, and `norm` is the one table built.
    con.execute(f"CREATE VIEW staged AS {' UNION ALL '.join(parts)}")
    con.execute(f"CREATE TABLE ragged AS {' UNION ALL '.join(ragged)}")
    con.execute("CREATE TABLE present_columns (_file INTEGER, alias VARCHAR)")
    con.executemany("INSERT INTO present_columns VALUES (?, ?)", present)
    if extras:
        con.execute(f"CREATE TABLE extras AS {' UNION ALL '.join(extras)}")
    else:
        con.execute(
            "CREATE TABLE extras (_file INTEGER, _row BIGINT, column_name VARCHAR, value VARCHAR)"
        )
