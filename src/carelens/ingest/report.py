"""The rejected-rows report and the per-rule summary.

The report is a CSV next to the snapshot: one row per rejected data row, with
its file, data row number, line, rule codes, messages and original values.
Every cell carelens writes is neutralised against spreadsheet formula
injection. Summaries mask personal identifiers; the report, stored with the
snapshot under the same access rules, keeps the original values.
"""

from __future__ import annotations

from carelens.ingest.columns import COLUMNS

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MASKED_FIELDS = {
    "NHS Number",
    "LA Person Unique Identifier",
    "First Name",
    "Last Name",
    "Postcode",
    "Date of Birth",
    "Date of Death",
}
EXAMPLES = 3


def neutralise_sql(expr: str) -> str:
    """SQL for a cell that spreadsheets will show as text, never run as a formula."""
    return (
        f"CASE WHEN left({expr}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) "
        f"THEN '''' || {expr} ELSE {expr} END"
    )


def neutralise(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def mask(field: str, value: str | None) -> str:
    if value is None:
        return ""
    if field in MASKED_FIELDS:
        return value[:3] + "*" * max(len(value) - 3, 0)
    return value


def message(file: str, row: int, line: int, field: str, problem: str, value: str | None) -> str:
    return f"{file}, row {row} (line {line}), {field}: {problem}. Value: '{mask(field, value)}'."


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def write_rejected_report(con, path) -> None:
    """Write the CSV report of rejected rows (parsed rows and rows with the wrong field count)."""
    originals = ", ".join(f"{neutralise_sql(f's.{c.alias}')} AS {_q(c.name)}" for c in COLUMNS)
    blanks = ", ".join(f"NULL AS {_q(c.name)}" for c in COLUMNS)
    message_sql = (
        "f.path || ', row ' || s._row || ' (line ' || s._line || '), ' || i.field || ': ' "
        "|| i.problem || '. Value: ''' || coalesce(i.value, '') || '''.'"
    )
    con.execute(
        f"""COPY (
          SELECT file, data_row, line, rule_codes, messages, row_text, * EXCLUDE
                 (file, data_row, line, rule_codes, messages, row_text, _file)
          FROM (
            SELECT s._file, f.path AS file, s._row AS data_row, s._line AS line,
                   string_agg(DISTINCT i.code, ' ' ORDER BY i.code) AS rule_codes,
                   {neutralise_sql(f"string_agg({message_sql}, ' | ' ORDER BY i.code)")}
                     AS messages,
                   NULL AS row_text, {originals}
            FROM staged s
            JOIN outcome o USING (_seq)
            JOIN issues i USING (_seq)
            JOIN files f ON f.file_index = s._file
            WHERE o.rejected
            GROUP BY ALL
            UNION ALL
            SELECT r._file, f.path, r._row, r._line, 'CLD007',
                   {
            neutralise_sql(
                "f.path || ', row ' || r._row || ' (line ' || r._line || "
                "'): the row has ' || CASE r.problem WHEN 'MISSING COLUMNS' "
                "THEN 'fewer' ELSE 'more' END || ' fields than the header; "
                "row not read.'"
            )
        },
                   {neutralise_sql("r.csv_line")}, {blanks}
            FROM ragged r JOIN files f ON f.file_index = r._file)
          ORDER BY _file, data_row
        ) TO '{str(path).replace("'", "''")}' (HEADER, DELIMITER ',', QUOTE '"', FORCE_QUOTE *)"""
    )


def summarise(con) -> dict:
    """Rows per rule for errors and warnings, with the first examples of each (masked)."""
    rows = con.execute(
        """SELECT i.code, i.severity, count(DISTINCT i._seq) AS n,
                  list(struct_pack(file := f.path, row := s._row, line := s._line,
                       field := i.field, problem := i.problem, value := i.value)
                       ORDER BY s._seq)[1:3] AS examples
           FROM issues i JOIN staged s USING (_seq) JOIN files f ON f.file_index = s._file
           GROUP BY i.code, i.severity ORDER BY i.code"""
    ).fetchall()
    ragged = con.execute(
        """SELECT count(*), list(struct_pack(file := f.path, row := r._row, line := r._line)
                  ORDER BY r._file, r._row)[1:3]
           FROM ragged r JOIN files f ON f.file_index = r._file"""
    ).fetchone()
    rules: dict[str, dict] = {}
    for code, severity, count, examples in rows:
        rules[code] = {
            "severity": severity,
            "rows": count,
            "examples": [
                message(e["file"], e["row"], e["line"], e["field"], e["problem"], e["value"])
                for e in examples
            ],
        }
    if ragged[0]:
        rules["CLD007"] = {
            "severity": "reject",
            "rows": ragged[0],
            "examples": [
                f"{e['file']}, row {e['row']} (line {e['line']}): wrong number of fields; "
                "row not read."
                for e in ragged[1]
            ],
        }
    return rules
