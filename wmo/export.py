"""CSV downloads that are safe to open in a spreadsheet (teamleider exports, the privacy officer's).

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by Excel and LibreOffice (CSV injection, OWASP). Such text cells get a leading
apostrophe, so they are shown as text. Numbers are written as numbers.
"""

import csv
from collections.abc import Iterable
from datetime import date

from django.http import HttpResponse

GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")


def veilige_cel(waarde) -> str | int | float:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int | float):
        return waarde
    if isinstance(waarde, date):
        return waarde.isoformat()
    tekst = str(waarde)
    if tekst.startswith(GEVAARLIJK):
        return "'" + tekst
    return tekst


def csv_response(bestandsnaam: str, kop: list[str], rijen: Iterable[Iterable]) -> HttpResponse:
    """A CSV download (UTF-8 with BOM so Excel reads the accents; ``;`` as Dutch Excel expects)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    response["Cache-Control"] = "no-store"
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerow([veilige_cel(k) for k in kop])
    for rij in rijen:
        writer.writerow([veilige_cel(c) for c in rij])
    return response
