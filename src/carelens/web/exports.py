"""CSV and XLSX downloads of a table, with what it shows written into the file.

Every cell that a spreadsheet could read as a formula is neutralised here, so
no caller has to remember to.
"""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from django.utils import timezone

from carelens.ingest.report import neutralise

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _safe(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    return value


def table_response(
    fmt: str, filename: str, about: list[tuple[str, str]], headers: list[str], rows: list[list]
) -> HttpResponse:
    """The table as a download; `about` (filters, snapshot...) goes above it."""
    about = [*about, ("Generated", timezone.now().strftime("%Y-%m-%d %H:%M:%S %Z"))]
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = "carelens"
        for key, value in about:
            sheet.append([_safe(key), _safe(value)])
        sheet.append([])
        sheet.append([_safe(h) for h in headers])
        for row in rows:
            sheet.append([_safe(v) for v in row])
        buffer = io.BytesIO()
        book.save(buffer)
        content = buffer.getvalue()
    else:
        fmt = "csv"
        text = io.StringIO()
        writer = csv.writer(text)
        for key, value in about:
            writer.writerow([_safe(key), _safe(value)])
        writer.writerow([])
        writer.writerow([_safe(h) for h in headers])
        writer.writerows([[_safe(v) for v in row] for row in rows])
        content = ("\ufeff" + text.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
