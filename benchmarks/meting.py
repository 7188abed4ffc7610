"""What `make bench` measures inside the app (benchmarks.settings only, see there)."""

import time

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse
from django.template import engines

VLOER = engines["django"].from_string(
    '{% extends "base.html" %}{% block title %}Vloer{% endblock %}'
    '{% block content %}<h1 class="utrecht-heading-1">Vloer</h1>'
    '<p class="utrecht-paragraph">De basislayout zonder gegevens.</p>{% endblock %}'
)


@login_required
def vloer(request):
    """The floor: the base layout for a logged-in medewerker, no data queries of its own."""
    return HttpResponse(VLOER.render({}, request))


class ServerTimingMiddleware:
    """``Server-Timing: app;dur=<ms>, sql;dur=<ms>;desc="<queries>"`` on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        stand = {"n": 0, "sql": 0.0}

        def meet(execute, sql, params, many, context):
            t0 = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                stand["n"] += 1
                stand["sql"] += time.perf_counter() - t0

        t0 = time.perf_counter()
        with connection.execute_wrapper(meet):
            response = self.get_response(request)
            # A streamed answer (the MI CSV) runs its queries while it is read: read it here.
            if getattr(response, "streaming", False):
                inhoud = b"".join(response.streaming_content)
                response.streaming_content = [inhoud]
        app = (time.perf_counter() - t0) * 1000
        response["Server-Timing"] = (
            f'app;dur={app:.1f}, sql;dur={stand["sql"] * 1000:.1f};desc="{stand["n"]}"'
        )
        return response
