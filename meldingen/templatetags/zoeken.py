"""The inwoner search's result row, written in Python (issue 14).

A name search shows up to 25 rows; as a template each row cost three ``{% url %}``, an
``{% include %}`` of the masked BSN and some twenty variable lookups: about a third of the page's
CPU for a common surname at 1M meldingen. Here it is one call per row, every value escaped by
``format_html``; tests/meldingen/test_inwoner_zoeken.py renders the old loop body as reference.
The view prepares the links (``meldingen.views._zoekrijen_klaarmaken``).
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from wmo.rijen import datum_tekst

register = template.Library()


@register.simple_tag(takes_context=True)
def zoekresultaat_rij(context, inwoner) -> SafeString:
    """``<tr>``: the name (a link to the dossier when the user may open it), birth date, address,
    gemeente, the last digits of the BSN, and what the user can do next."""
    naam = inwoner.naam
    if inwoner.heeft_zorgrelatie or inwoner.heeft_raadpleging:
        naam_cel = format_html('<a class="utrecht-link" href="{}">{}</a>', inwoner.dossier_url, naam)
    else:
        naam_cel = naam
    acties = ""
    if context.get("mag_melden"):
        acties = format_html(
            '<a class="utrecht-link" href="{}">Nieuwe melding<span class="kt-visually-hidden"> voor {}</span></a> · ',
            inwoner.melding_registreren_url,
            naam,
        )
    if inwoner.heeft_zorgrelatie:
        staat = "Lopende melding"
    elif inwoner.heeft_raadpleging:
        staat = "Ingezien met reden"
    elif context.get("mag_raadplegen"):
        staat = format_html(
            'Geen lopende melding · <a class="utrecht-link" href="{}">inzien met reden'
            '<span class="kt-visually-hidden">: {}</span></a>',
            inwoner.raadplegen_url,
            naam,
        )
    else:
        staat = "Geen lopende melding"
    bsn = inwoner.bsn_laatste_cijfers
    return format_html(
        '\n      <tr class="utrecht-table__row">'
        '\n        <td class="utrecht-table__cell">{}</td>'
        '\n        <td class="utrecht-table__cell">{}</td>'
        '\n        <td class="utrecht-table__cell">{}, {} {}</td>'
        '\n        <td class="utrecht-table__cell">{}</td>'
        '\n        <td class="utrecht-table__cell"><span aria-hidden="true">••••••{}</span>'
        '<span class="kt-visually-hidden">BSN eindigt op {}</span>\n</td>'
        '\n        <td class="utrecht-table__cell">{}{}</td>'
        "\n      </tr>",
        naam_cel,
        datum_tekst(inwoner.geboortedatum),
        inwoner.adresregel,
        inwoner.postcode_weergave,
        inwoner.woonplaats,
        inwoner.gemeente.naam,
        bsn,
        bsn,
        acties,
        staat,
    )
