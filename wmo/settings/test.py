"""Defaults for the test suite: the local PostgreSQL (as CI and production use), fast hashing."""

import os

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "test-only-not-secret-keukentafel")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/keukentafel")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SITE_URL", "http://testserver")
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")

from .base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Static files straight from the finders (no collectstatic before a test run), looked up per
# request (autorefresh, WhiteNoise's development mode) instead of scanned when the middleware is
# built: every test client builds its own middleware chain, and the scan of all static files
# (plus STATIC_ROOT, which CI fills before the tests in .ci/production-smoke) took 35-100 ms per
# client, about 12 % of the suite. Serving and headers are the same; tests/wmo/test_staticfiles.py
# and .ci/production-smoke check the production storage.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Every reuse of a kept SQL (wmo.sjabloon) is compared with the query built for the real values,
# so every test that opens such a page checks the kept SQL too.
SQL_SJABLOON_CONTROLE = True
