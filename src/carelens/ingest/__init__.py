"""Reading, checking and storing extracts. Plain Python and DuckDB: no Django here."""
