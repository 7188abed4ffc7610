"""Roles and what each may do: the one place where groups get their permissions.

Health data: least privilege. The functioneel beheerder maintains the catalogue, the holiday
table, teams and users, but opens no dossier; nor does the privacy officer, who reads the access
log. Which dossiers a role sees (scope) lives in
``meldingen.query``; which actions it may take lives here as permissions.
"""

from django.contrib.auth.models import Group, Permission

from .constants import Rol

ROL_PERMISSIES: dict[str, list[str]] = {
    Rol.LOKETMEDEWERKER: [
        "meldingen.view_inwoner",
        "meldingen.add_inwoner",
        "meldingen.change_inwoner",
        "meldingen.view_melding",
        "meldingen.add_melding",
        "meldingen.toewijzen_melding",
        "wmo.add_brief",
        "wmo.view_brief",
        "aanvragen.view_aanvraag",
        "aanvragen.add_aanvraag",
        # gesprekken: the loket plans a gesprek and sees the plan, not the onderzoek itself
        "gesprekken.view_gesprek",
        "gesprekken.add_gesprek",
        "gesprekken.view_triage",
        "gesprekken.view_persoonlijkplan",
        "gesprekken.add_persoonlijkplan",
    ],
    Rol.CONSULENT: [
        "meldingen.view_inwoner",
        "meldingen.change_inwoner",
        "meldingen.view_melding",
        "meldingen.change_melding",
        "wmo.add_brief",
        "wmo.view_brief",
        "aanvragen.view_aanvraag",
        "aanvragen.add_aanvraag",
        "aanvragen.change_aanvraag",
        # gesprekken: the consulent (also of a partner organisation) holds the gesprek
        "gesprekken.view_gesprek",
        "gesprekken.add_gesprek",
        "gesprekken.change_gesprek",
        "gesprekken.view_triage",
        "gesprekken.add_triage",
        "gesprekken.view_persoonlijkplan",
        "gesprekken.add_persoonlijkplan",
        "gesprekken.view_onderzoek",
        "gesprekken.add_onderzoek",
        "gesprekken.change_onderzoek",
        "gesprekken.versturen_verslag",
        "gesprekken.view_verslagversie",
        "gesprekken.view_vervolgafspraak",
        "gesprekken.add_vervolgafspraak",
        "gesprekken.change_vervolgafspraak",
    ],
    Rol.TEAMLEIDER: [
        "meldingen.view_inwoner",
        "meldingen.view_melding",
        "meldingen.change_melding",
        "meldingen.toewijzen_melding",
        "wmo.view_brief",
        "aanvragen.view_aanvraag",
        "aanvragen.change_aanvraag",
        # gesprekken: the teamleider views
        "gesprekken.view_gesprek",
        "gesprekken.view_triage",
        "gesprekken.view_persoonlijkplan",
        "gesprekken.view_onderzoek",
        "gesprekken.view_verslagversie",
        "gesprekken.view_vervolgafspraak",
    ],
    Rol.FUNCTIONEEL_BEHEERDER: [
        "wmo.view_voorziening",
        "wmo.add_voorziening",
        "wmo.change_voorziening",
        "wmo.view_gelijkgesteldedag",
        "wmo.add_gelijkgesteldedag",
        "wmo.change_gelijkgesteldedag",
        "wmo.delete_gelijkgesteldedag",
        "wmo.view_gemeente",
        "wmo.change_gemeente",
        "wmo.view_team",
        "wmo.add_team",
        "wmo.change_team",
        "wmo.view_medewerker",
        "wmo.add_medewerker",
        "wmo.change_medewerker",
        "wmo.view_organisatie",
        "aanvragen.view_mandaat",
        "aanvragen.add_mandaat",
        "aanvragen.change_mandaat",
        "aanvragen.delete_mandaat",
    ],
    # The functionaris gegevensbescherming (AVG art. 37-39) supervises: reads the access log and
    # answers inzageverzoeken (AVG art. 15) from it, but opens no dossier (no meldingen.* rights,
    # and meldingen.query scopes no inwoner to this role).
    Rol.PRIVACY_FUNCTIONARIS: [
        "wmo.view_inzage",
    ],
}

# Roles that work in dossiers (see meldingen.query for their scope).
DOSSIER_ROLLEN = (Rol.LOKETMEDEWERKER, Rol.CONSULENT, Rol.TEAMLEIDER)


def rollen_instellen(**kwargs) -> None:
    """Create the groups and give each exactly its permissions (run after every migrate)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():  # make sure every app's permissions exist first
        create_permissions(app_config, verbosity=0)
    for rol, codes in ROL_PERMISSIES.items():
        group, _ = Group.objects.get_or_create(name=rol)
        perms = []
        for code in codes:
            app_label, codename = code.split(".")
            perms.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(perms)
