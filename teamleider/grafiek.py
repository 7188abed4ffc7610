"""Simple bar charts as server-rendered SVG: no JavaScript, no library, a text alternative.

The numbers are always also in a table next to the chart; the SVG has role="img", a title and
a description that lists the values, so a screen reader gets the same information.
"""

BREEDTE = 720
HOOGTE = 220
MARGE_ONDER = 40
MARGE_BOVEN = 20
MARGE_LINKS = 40


def staafgrafiek(waarden: list[tuple[str, int]], *, titel: str) -> dict:
    """Geometry for teamleider/templates/teamleider/staafgrafiek.html: one bar per (label, value)."""
    hoogste = max((w for _, w in waarden), default=0)
    schaal = max(hoogste, 1)
    n = max(len(waarden), 1)
    vak = (BREEDTE - MARGE_LINKS) / n
    staaf = max(vak * 0.7, 1)
    hoogte_gebied = HOOGTE - MARGE_ONDER - MARGE_BOVEN
    staven = []
    for i, (label, waarde) in enumerate(waarden):
        h = round(hoogte_gebied * waarde / schaal, 1)
        x = round(MARGE_LINKS + i * vak + (vak - staaf) / 2, 1)
        staven.append(
            {
                "label": label,
                "waarde": waarde,
                "x": x,
                "y": round(MARGE_BOVEN + hoogte_gebied - h, 1),
                "breedte": round(staaf, 1),
                "hoogte": h,
                "midden": round(x + staaf / 2, 1),
            }
        )
    return {
        "titel": titel,
        "beschrijving": "; ".join(f"{label}: {waarde}" for label, waarde in waarden),
        "staven": staven,
        "breedte": BREEDTE,
        "hoogte": HOOGTE,
        "basis": HOOGTE - MARGE_ONDER,
        "links": MARGE_LINKS,
        "hoogste": hoogste,
        "label_y": HOOGTE - MARGE_ONDER + 16,
    }
