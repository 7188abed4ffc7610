"""Beheer of the mandaatregeling only.

Aanvragen, beschikkingen and bezwaren are dossier data (health information) and stay in the
scoped views, like inwoners and meldingen (see wmo/admin.py); editing them here would also
bypass aanvragen.services, which keeps the clocks in step.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Mandaat


@admin.register(Mandaat)
class MandaatAdmin(SimpleHistoryAdmin):
    list_display = ["voorziening", "rol", "vier_ogen"]
    list_filter = ["rol", "vier_ogen"]
    search_fields = ["voorziening__naam"]
