"""The session endpoint that static/js/sessie.js talks to (the rules are in toegang/sessie.py)."""

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.views.decorators.http import require_http_methods

from . import sessie as regels


@login_not_required  # answers "0 seconds left" to a page whose session has already ended
@require_http_methods(["GET", "POST"])
def sessie(request):
    """GET: seconds left, without counting as activity. POST: stay logged in ("Ingelogd blijven")."""
    if not request.user.is_authenticated:
        return JsonResponse({"resterend": 0})  # the page then goes to the login page
    if request.method == "POST":
        return JsonResponse({"resterend": regels.sessie_verlengen(request=request)})
    return JsonResponse({"resterend": regels.resterende_seconden(request)})
