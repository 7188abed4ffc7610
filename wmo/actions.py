"""Calling a service from an action view, and showing its refusal to the user.

Every action view calls one service. A service refuses with a ValidationError (a status that
may not change, a field that does not fit); these two helpers put that refusal where the user
looks and return the service's result, or None when it was refused. What happens next stays
in the view, where it can be read: the success message, the redirect, the page shown again
with its status code, the htmx fragment.

    if request.method == "POST" and form.is_valid():
        melding = call_for_form(form, services.melding_afsluiten, melding=melding, door=request.user, ...)
        if melding:
            messages.success(request, f"Melding {melding.kenmerk} is afgesloten.")
            return redirect("meldingen:melding", pk=melding.pk)
    return render(request, "meldingen/melding_afsluiten.html", {"form": form, ...})

Services return what they made or changed, so the result is None only when refused. Where a
result may be falsy on success (an empty list), test it with ``is not None``.
"""

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _

from wmo.brieven import al_verstuurd_bericht
from wmo.termijnen import TermijnBuitenBereik

T = TypeVar("T")


def call_for_form(form, service: Callable[..., T], /, **kwargs) -> T | None:
    """Call ``service(**kwargs)``; a refusal goes onto ``form``, next to the field it is about
    (KeukentafelFormMixin.add_service_error), and gives None."""
    try:
        return service(**kwargs)
    except ValidationError as error:
        form.add_service_error(error)
        return None
    except TermijnBuitenBereik as error:  # a date the form let through, refused by the engine
        form.add_service_error(ValidationError(str(error)))
        return None


def call_with_message(request: HttpRequest, service: Callable[..., T], /, **kwargs) -> T | None:
    """Call ``service(**kwargs)``; a refusal becomes an error message on the next page, and gives None.

    For the buttons without a form of their own (start, send, mark as done)."""
    try:
        return service(**kwargs)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return None
    except TermijnBuitenBereik as error:
        messages.error(request, str(error))
        return None


def message_for_send(request: HttpRequest, result, success: str) -> None:
    """After a send: ``success``, or for a repeated send (a double click, wmo.brieven.versturen)
    the friendly "Deze brief is al verstuurd op ..." instead; never an error."""
    if herhaling := al_verstuurd_bericht(result):
        messages.info(request, herhaling)
    elif getattr(result, "herhaald", False):
        messages.info(
            request, _("Dit was al vastgelegd. Er is niets veranderd en er is geen brief verstuurd.")
        )
    else:
        messages.success(request, success)
