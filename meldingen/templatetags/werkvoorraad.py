"""The werkvoorraad's row, written in Python (issue 14).

A werkvoorraad shows up to 50 rows per section, three sections for a teamleider or the loket; as
a template each row cost some twenty variable lookups and a partial. Here it is one call per row,
every value escaped by ``format_html``. The view prepares the links (``_rijen_klaarmaken``).
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from meldingen.constants import MeldingStatus
from wmo.rijen import termijn_html

register = template.Library()

# What get_status_display() says, without the dict of all choices that Django builds per call.
STATUS_LABELS = dict(MeldingStatus.choices)

SPOED = mark_safe(' <span class="kt-badge kt-badge--spoed">Spoed</span>')


@register.simple_tag(takes_context=True)
def werkvoorraad_rij(context, melding) -> SafeString:
    """``melding`` is a ``meldingen.query.WerkvoorraadRij``. ``<tr id="rij-<pk>">``: the choice for the assign control (when the user may assign), the
    melding, the inwoner, the status, the deadline, and the consulent or the button to take it."""
    kenmerk = melding.kenmerk
    kiezen = ""
    if context.get("toewijzen_form"):
        kiezen = format_html(
            '\n  <td><input type="radio" name="melding" value="{}" form="toewijzen" aria-label="Kies {}"{}{}></td>',
            melding.pk,
            kenmerk,
            mark_safe(" checked") if getattr(melding, "gekozen", False) else "",
            mark_safe(' aria-describedby="id_melding_error"') if context.get("melding_fout") else "",
        )
    user = context.get("user")
    if context.get("oppakken") and not melding.consulent_id and melding.team_id == user.team_id:
        consulent = format_html(
            '\n    <form class="kt-inline-form" method="post" action="{}">'
            '\n      <input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<input type="hidden" name="volgende" value="{}">'
            '\n      <button class="utrecht-button utrecht-button--secondary-action" type="submit"'
            ' id="oppakken-{}" aria-label="{} oppakken">Oppakken</button>'
            "\n    </form>\n  ",
            melding.oppakken_url,
            context.get("csrf_token", ""),
            context.get("werkvoorraad_url", ""),
            melding.pk,
            kenmerk,
        )
    else:
        consulent = melding.consulent_naam or "Wachtrij"
    return format_html(
        '\n<tr id="rij-{}">{}'
        '\n  <td><a class="utrecht-link" href="{}">{}</a>{}</td>'
        '\n  <td><a class="utrecht-link" href="{}">{}</a><br><small>{}</small></td>'
        "\n  <td>{}</td>"
        "\n  <td>{}</td>"
        "\n  <td>{}</td>"
        "\n</tr>\n",
        melding.pk,
        kiezen,
        melding.url,
        kenmerk,
        SPOED if melding.spoed else "",
        melding.dossier_url,
        melding.inwoner_naam,
        melding.gemeente_naam,
        STATUS_LABELS.get(melding.status, melding.status),
        termijn_html(melding.onderzoek_deadline, melding.termijnstatus),
        consulent,
    )
