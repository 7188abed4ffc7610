"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live_server.

See /work/shared/browser-tests.md. Never run ``playwright install``: the browser is /usr/bin/chromium,
launched with flags that keep it off the network (the machines have no internet).

Screenshots for people to look at: ``KT_SCREENSHOTS=1 pytest tests/browser`` writes full-page PNGs
to /tmp/screens/ (see ``schermafbeelding``).
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

# Playwright's sync API keeps an asyncio loop "running" in the main thread once it has started, so
# Django would refuse every ORM call afterwards (SynchronousOnlyOperation), in browser tests and in
# any test that pytest-randomly orders after them. Only safe because the live server has its own
# thread and connection; set here, in the browser conftest, and nowhere else.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
# Serve on 127.0.0.1 (not "localhost", which Chromium may try as ::1 first). --liveserver wins.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENS = Path("/tmp/screens")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} ontbreekt: `make browser` installeert Debian's Chromium")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "locale": "nl-NL",
        "timezone_id": "Europe/Amsterdam",
        "viewport": {"width": 1280, "height": 900},
    }


@pytest.fixture
def page(page, live_server, transactional_db):
    # Fail in seconds, not Playwright's 30: everything here is local.
    page.set_default_timeout(5_000)
    page.set_default_navigation_timeout(10_000)
    return page


@pytest.fixture
def url(live_server):
    def make(path: str) -> str:
        return f"{live_server.url}{path}"

    return make


@pytest.fixture
def inloggen(page, url):
    """Log a user in without the form (the login form has its own test): a session cookie."""

    def login(user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": url("/")}])
        return user

    return login


@pytest.fixture
def schermafbeelding(page):
    """Full-page screenshot to /tmp/screens/<naam>.png, only when KT_SCREENSHOTS=1."""
    aan = os.environ.get("KT_SCREENSHOTS") == "1"
    if aan:
        SCREENS.mkdir(parents=True, exist_ok=True)

    def maak(naam: str) -> None:
        if aan:
            page.screenshot(path=str(SCREENS / f"{naam}.png"), full_page=True)

    return maak
