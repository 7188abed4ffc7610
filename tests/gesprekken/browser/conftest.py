# The real-browser fixtures (Chromium path, offline flags, live server) live in tests/browser.
from tests.browser.conftest import (  # noqa: F401
    browser_context_args,
    browser_type_launch_args,
    inloggen,
    page,
    url,
)
