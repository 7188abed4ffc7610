"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live_server.

Never run ``playwright install``: the browser is Debian's /usr/bin/chromium (``make browser``
installs it), launched headless with flags that keep it off the network (the CI machines have none).

Screenshots for people to look at: ``KT_SCREENSHOTS=1 pytest tests/browser`` writes full-page PNGs
to /tmp/screens/ (see ``schermafbeelding``).
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from tests.tweestaps import TweestapsClient

# While a test drives Playwright's sync API, an asyncio loop runs in the test's thread, and Django
# refuses the test's own ORM calls (factories, asserts) with SynchronousOnlyOperation. Safe here: the
# live server has its own thread and connection, and the test and Playwright never run at the same
# time. Set in this conftest only (it does apply to the whole pytest process once loaded).
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
    # Date and time inputs render in en-US format (mm/dd/yyyy, AM/PM) in screenshots: Debian's
    # Chromium only ships the en-US locale unless chromium-l10n is installed. Values are ISO anyway.
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
    """Log a user in with a session cookie that passed both steps, skipping the forms (the main route
    test uses the forms)."""

    def login(user):
        client = TweestapsClient()
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
