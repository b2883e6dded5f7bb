"""The rejected-rows report and the per-rule summary.

The report is a CSV next to the snapshot: one row per rejected data row, with
its file, data row number, line, rule codes, messages and original values.
Every cell carelens writes is neutralised against spreadsheet formula
injection. Summaries mask personal identifiers; the report, stored with the
snapshot under the same access rules, keeps the original values.
"""

from __future__ import annotations

from carelens.ingest.columns import COLUMNS
from carelens.logfilter import scrub

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
    # list_contains, not IN: DuckDB plans an IN list as a join, one for every column.
    return (
        f"CASE WHEN list_contains(['=', '+', '-', '@', chr(9), chr(13)], left({expr}, 1)) "
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
    """A rule's message for summaries and logs, with personal identifiers masked."""
    if field in MASKED_FIELDS:
        if value:
            problem = problem.replace(value, mask(field, value))
        problem = scrub(problem)
    return f"{file}, row {row} (line {line}), {field}: {problem}. Value: '{mask(field, value)}'."


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


RAGGED_MESSAGE = (
    "f.path || ', row ' || r._row || ' (line ' || r._line || '): the row has ' || "
    "CASE r.problem WHEN 'MISSING COLUMNS' THEN 'fewer' ELSE 'more' END || "
    "' fields than the header; row not read.'"
)
PROBLEM_TEXT = (
    "i.field || ': ' || i.problem || '. Value: ' || chr(39) || coalesce(i.value, '') || chr(39)"
)


def _original(column) -> str:
    """The column of `norm` holding what the file said (trimmed) for a CLD column."""
    has_raw = column.kind in ("list", "date", "money", "units")
    return f"{column.alias}_raw" if has_raw else column.alias


def write_rejected_report(con, path) -> None:
    """Write the CSV report of rejected rows (parsed rows and rows with the wrong field count)."""
    originals = ", ".join(f"{neutralise_sql('s.' + _original(c))} AS {_q(c.name)}" for c in COLUMNS)
    blanks = ", ".join(f"NULL AS {_q(c.name)}" for c in COLUMNS)
    message = "f.path || ', row ' || s._row || ' (line ' || s._line || '): ' || r.problems"
    target = str(path).replace("'", "''")
    con.execute(
        f"""COPY (
          WITH rejected AS (
            SELECT i._seq, string_agg(DISTINCT i.code, ' ' ORDER BY i.code) AS rule_codes,
                   string_agg({PROBLEM_TEXT}, ' | ' ORDER BY i.code, i.field) AS problems
            FROM issues i SEMI JOIN rejected o USING (_seq)
            GROUP BY i._seq)
          SELECT file, data_row, line, rule_codes, messages, row_text, * EXCLUDE
                 (file, data_row, line, rule_codes, messages, row_text, _file)
          FROM (
            SELECT s._file, f.path AS file, s._row AS data_row, s._line AS line,
                   r.rule_codes, {neutralise_sql(message)} AS messages,
                   NULL AS row_text, {originals}
            FROM rejected r JOIN norm s USING (_seq) JOIN files f ON f.file_index = s._file
            UNION ALL
            SELECT r._file, f.path, r._row, r._line, 'CLD007',
                   {neutralise_sql(RAGGED_MESSAGE)}, {neutralise_sql("r.csv_line")}, {blanks}
            FROM ragged r JOIN files f ON f.file_index = r._file)
          ORDER BY _file, data_row
        ) TO '{target}' (HEADER, DELIMITER ',', QUOTE '"', FORCE_QUOTE *)"""
    )


def summarise(con) -> dict:
    """Rows per rule for errors and warnings, with the first examples of each (masked)."""
    # A row fails a rule once per field, so a code found on one field only has
    # as many rows as issues; counting distinct rows (millions of them, for a
    # blank NHS Number throughout) is needed only for codes found on several.
    rows = con.execute(
        f"""WITH per_rule AS (
              SELECT code, severity, count(*) AS issues, count(DISTINCT field) AS fields,
                     -- ties within a row (one code, two fields) go by field
                     arg_min(struct_pack(_seq, _file, _row, _line, field, problem, value),
                             (_seq, field), {EXAMPLES}) AS first
              FROM issues GROUP BY code, severity),
           examples AS (
              SELECT p.code, p.severity, p.issues, p.fields, unnest(p.first) AS e
              FROM per_rule p)
           SELECT x.code, x.severity, x.issues, x.fields,
                  list(struct_pack(file := f.path, row := x.e._row, line := x.e._line,
                       field := x.e.field, problem := x.e.problem, value := x.e.value)
                       ORDER BY x.e._seq, x.e.field)
           FROM examples x JOIN files f ON f.file_index = x.e._file
           GROUP BY ALL ORDER BY x.code"""
    ).fetchall()
    several = [(code, severity) for code, severity, _, fields, _ in rows if fields > 1]
    distinct = {}
    if several:
        distinct = {
            (code, severity): n
            for code, severity, n in con.execute(
                """SELECT code, severity, count(DISTINCT _seq) FROM issues
                   WHERE code IN (SELECT unnest(?::VARCHAR[])) GROUP BY ALL""",
                [sorted({code for code, _ in several})],
            ).fetchall()
        }
    rows = [
        (code, severity, distinct.get((code, severity), issues), examples)
        for code, severity, issues, _, examples in rows
    ]
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
