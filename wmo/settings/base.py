"""Keukentafel settings: everything that varies per installation is read from the environment here.

Production runs this module as it is (``DJANGO_SETTINGS_MODULE=wmo.settings.base``) and gets
safe defaults: no DEBUG, secure cookies, HSTS, a required SECRET_KEY and DATABASE_URL.
``dev`` and ``test`` only fill in defaults for those variables; there is no logic that exists
only in production. Every variable is listed with its meaning in ``.env.example``.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --- Core -----------------------------------------------------------------------------------
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
# Test a kept connection before each request reuses it: a dropped connection (database restart,
# failover) then costs a reconnect instead of one failed request per worker.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("DB_CONN_HEALTH_CHECKS", default=True)
# No server-side cursors: the choice lists of forms (ModelChoiceField iterates with .iterator())
# are small, and a DECLARE ... CURSOR WITH HOLD costs an extra round trip per list (issue 14).
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True

INSTALLED_APPS = [
    "wmo.apps.KeukentafelAdminConfig",  # django.contrib.admin, with /admin/ for superusers only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "django_htmx",
    "template_partials",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "wmo",
    "meldingen",
    "gesprekken",
    "aanvragen",
    "teamleider",
    "toegang",
    "beheer",
    "privacy",
    "iwmo",
    "brp",
    "zgw",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below whitenoise: static files keep their long cache and need no page headers.
    "wmo.middleware.NoStoreMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Puts the verifying device on request.user (user.is_verified()); toegang.middleware enforces it.
    "django_otp.middleware.OTPMiddleware",
    # Django's LoginRequiredMiddleware; an htmx request gets HX-Redirect to the login page.
    "toegang.middleware.InloggenVereistMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # After auth, messages and htmx (it logs out with a message, htmx gets HX-Redirect).
    "toegang.sessie.InactivityMiddleware",
    "toegang.middleware.TweestapsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out login attempt into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wmo.urls"
WSGI_APPLICATION = "wmo.wsgi.application"
AUTH_USER_MODEL = "wmo.Medewerker"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "werkvoorraad"
LOGOUT_REDIRECT_URL = "login"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "toegang.sessie.context_processor",
            ],
        },
    },
]
FORM_RENDERER = "wmo.forms.FormRenderer"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language and time: Dutch, Europe/Amsterdam ----------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files: whitenoise; front-end packages from node_modules, only the files used ---------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# npm packages (package.json, never copied into the repository): {static path: file in node_modules}.
# Only what the templates link; a whole dist folder brings CSS with url()s the package does not
# ship, which the manifest storage refuses (wmo/staticfiles.py).
NODE_MODULES = BASE_DIR / "node_modules"
NPM_STATIC_FILES = {
    "vendor/utrecht-tokens/index.css": "@utrecht/design-tokens/dist/index.css",
    "vendor/utrecht-css/index.css": "@utrecht/component-library-css/dist/index.css",
    "vendor/htmx/htmx.min.js": "htmx.org/dist/htmx.min.js",
}
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "wmo.staticfiles.NodeModulesFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_BACKEND",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# --- Security: safe by default, relaxed only through the environment ------------------------
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
# Preload is a commitment of the whole domain (often the gemeente's): opt in explicitly.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # the letter viewer's PDF answers SAMEORIGIN (wmo.middleware.framed_by_own_pages)

# Content-Security-Policy (django-csp): everything from our own origin, nothing inline, no eval.
# htmx is configured for it in templates/base.html (<meta name="htmx-config">); the template test
# (tests/wmo/test_beveiligingsheaders.py) refuses inline <script>, style="" and on…= in web pages.
# The Django admin (/admin/) gets the same policy: it has no inline scripts; its two inline styles
# (the column width of a changelist without actions, a border in django-simple-history's history
# list) are cosmetic and the browser skips them. The letter PDFs that a page frames answer with
# frame-ancestors 'self' instead of 'none'. form-action 'self' also covers the redirect after a form
# is sent: logging out at the identity provider adds its origin (below, with the OIDC settings).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
# Permissions-Policy (django-permissions-policy): no page of ours uses a camera, microphone,
# location, payment or device ports; a script smuggled in cannot either. Fullscreen stays for our
# own origin (the PDF viewer). Only features that Chromium knows: unknown ones are console errors
# (Chromium 156 does not know "bluetooth"; seen in its console, so it is not listed).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": ["self"],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "idle-detection": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

# --- Logging in: lockout (django-axes) and two-step verification (django-otp); see toegang/ ----
# Failed password attempts for one username from one IP address before that combination is locked.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
# Minutes a locked username+IP combination waits before it may try again.
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTEN", default=15))
# Lock the combination, not the username alone (anyone could then lock a colleague out) and not
# the IP alone (a whole town hall shares one address).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Keep every failed attempt (AccessFailureLog) next to every successful login (AccessLog).
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "toegang.views.geblokkeerd"
AXES_HTTP_RESPONSE_CODE = 429
# The client's address for the lockout comes from the same place as the access log's
# (wmo.clientip, governed by VERTROUWDE_PROXIES below): X-Forwarded-For counts only behind proxies
# of our own, so without them a browser cannot dodge the lockout by sending a new address each try.
AXES_CLIENT_IP_CALLABLE = "wmo.clientip.client_ip"
# The Django admin shows devices without their secret keys.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# The name an authenticator app shows next to the codes.
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Keukentafel")
# Wrong two-step codes wait 1, 2, 4, 8 ... seconds times this factor before the next try is checked.
OTP_TOTP_THROTTLE_FACTOR = env.int("OTP_TOTP_THROTTLE_FACTOR", default=1)
OTP_STATIC_THROTTLE_FACTOR = env.int("OTP_STATIC_THROTTLE_FACTOR", default=1)
# OIDC_MFA_DOOR_IDP (below, with single sign-on): a session that logged in through the identity
# provider counts as two-step verified (toegang.middleware).
# DEMO ONLY: a base32 TOTP secret that `manage.py demo` gives every demo user, so a demo can be
# used with one authenticator entry. Refused outside DEBUG: a shared secret is no second factor.
TWEESTAPS_DEMO_GEHEIM = env.str("TWEESTAPS_DEMO_GEHEIM", default="")
if TWEESTAPS_DEMO_GEHEIM and not DEBUG:
    raise ImproperlyConfigured("TWEESTAPS_DEMO_GEHEIM is alleen voor de demo (DEBUG=true).")

# --- Session: ends after inactivity (BIO 9.4.2; toegang/sessie.py) --------------------------------
# Minutes without activity after which a medewerker is logged out (5 to 60, checked at start-up):
# the default for a new gemeente; each gemeente sets its own in beheer (toegang.sessie).
SESSIE_INACTIEF_MINUTEN = env.int("SESSIE_INACTIEF_MINUTEN", default=15)
# Seconds before that moment the page warns and offers "Ingelogd blijven" (20 to 300; WCAG 2.2.1
# asks for at least 20 seconds to respond).
SESSIE_WAARSCHUWING_SECONDEN = env.int("SESSIE_WAARSCHUWING_SECONDEN", default=60)

# --- Request size: the TLS proxy caps the whole body (persoonlijk plan uploads are up to 10 MB) --
# Largest request body without its files (form fields), in bytes; larger is refused (400).
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)
# Uploaded files larger than this (bytes) are spooled to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = env.int("FILE_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)

# --- Mail: the set-password links (wmo.wachtwoord) ------------------------------------------
# The address the app is reached at, for links in mails (never taken from a request's Host header).
SITE_URL = env.str("SITE_URL", default=f"https://{ALLOWED_HOSTS[0]}" if ALLOWED_HOSTS else "")
# How mail leaves: SMTP in production; dev prints mails on the console; tests keep them in memory.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Keukentafel <noreply@localhost>")
# Seconds a set-password link stays valid (Django's default: 3 days, so a new colleague who
# gets the mail on a Friday can still use it on Monday).
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=3 * 24 * 60 * 60)

# --- iWmo 3.2 traffic with the gemeente's gateway (GGk), iwmo.transport: outgoing files are written
# to IWMO_UITBOX, incoming files read from IWMO_INBOX (handled ones move to its archief/).
DATA_DIR = Path(env.str("DATA_DIR", default=str(BASE_DIR / "data")))
IWMO_UITBOX = Path(env.str("IWMO_UITBOX", default=str(DATA_DIR / "iwmo" / "uitbox")))
IWMO_INBOX = Path(env.str("IWMO_INBOX", default=str(DATA_DIR / "iwmo" / "inbox")))
IWMO_TRANSPORT = env.str("IWMO_TRANSPORT", default="iwmo.transport.MapTransport")

# --- Background work (django-tasks; docker-compose's worker runs `manage.py db_worker`) --------
TASKS = {"default": {"BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}

# --- Domain settings ---------------------------------------------------------------------------
# Number of working days before a deadline at which a case shows "let op" on lists. This and the
# two below are the defaults for a new gemeente; each gemeente sets its own in beheer
# (Gemeente.let_op_werkdagen, einddatum_signaal_weken, nazorg_weken; beheer.instellingen).
TERMIJN_LET_OP_WERKDAGEN = env.int("TERMIJN_LET_OP_WERKDAGEN", default=5)
# Weeks before a granted voorziening ends that it shows on the consulent's werkvoorraad.
EINDDATUM_SIGNAAL_WEKEN = env.int("EINDDATUM_SIGNAAL_WEKEN", default=8)
# Weeks after the help starts that the consulent calls the inwoner to evaluate (nazorg).
NAZORG_WEKEN = env.int("NAZORG_WEKEN", default=6)
# Years a closed dossier is kept after its last day before `manage.py dossiers_bewaartermijn
# --anonimiseren` anonymises it (Archiefwet 1995 art. 5, VNG Selectielijst gemeenten 2020; the
# default and why: privacy.bewaartermijn). Confirm the number with the archivist.
DOSSIER_BEWAARTERMIJN_JAREN = env.int("DOSSIER_BEWAARTERMIJN_JAREN", default=15)
# Months a closed melding keeps its care relation: the consulent may still open the inwoner's
# dossier without giving a reason (meldingen.query.InwonerQuerySet.met_zorgrelatie explains 6).
ZORGRELATIE_MAANDEN = env.int("ZORGRELATIE_MAANDEN", default=6)
# Minutes a lookup without care relation (with a reason, meldingen.Raadpleging) gives access.
RAADPLEGING_GELDIG_MINUTEN = env.int("RAADPLEGING_GELDIG_MINUTEN", default=60)
# Awb 4:17 dwangsom per day, as periods "days:cents" (law since 2009: 14 days EUR 23, 14 days
# EUR 35, 14 days EUR 45; at most 42 days). Change when the law changes the amounts.
DWANGSOM_BEDRAGEN = [
    tuple(int(x) for x in deel.split(":"))
    for deel in env.list("DWANGSOM_BEDRAGEN", default=["14:2300", "14:3500", "14:4500"])
]

# --- Single sign-on with the gemeente's identity provider (OIDC), off unless OIDC_ENABLED ---------
# mozilla-django-oidc with our backend and views in toegang.oidc; README "Single sign-on (OIDC)".
# When off, no OIDC URL and no OIDC backend exist: the quick start needs no identity provider.
OIDC_ENABLED = env.bool("OIDC_ENABLED", default=False)
# The provider's name on the login page: "Inloggen met <OIDC_NAAM>".
OIDC_NAAM = env.str("OIDC_NAAM", default="de gemeente")
# Only single sign-on: no password login at all (also not in /admin/). Only with OIDC_ENABLED.
OIDC_ALLEEN = OIDC_ENABLED and env.bool("OIDC_ALLEEN", default=False)
# This application as the provider knows it (client_secret_post).
OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET", default="")
# The provider: its issuer and endpoints, as in its /.well-known/openid-configuration
# (`manage.py oidc_discovery URL` prints these lines). mozilla-django-oidc reads no discovery
# document at run time, so the app starts and serves password logins while the provider is down.
OIDC_OP_ISSUER = env.str("OIDC_OP_ISSUER", default="")
OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="")
# The provider's end_session_endpoint; empty: logging out ends only the Keukentafel session.
OIDC_OP_LOGOUT_ENDPOINT = env.str("OIDC_OP_LOGOUT_ENDPOINT", default="")
# ID tokens are signed with the provider's private key and checked against its JWKS (RS256).
OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid email profile")
# The claim (ID token or userinfo) that lists the person's groups at the provider.
OIDC_GROEPEN_CLAIM = env.str("OIDC_GROEPEN_CLAIM", default="groups")
# Provider group = Keukentafel role, comma separated: "wmo-loket=loketmedewerker,wmo-consulent=consulent".
# Roles: loketmedewerker, consulent, teamleider, functioneel_beheerder. Set at every login.
OIDC_ROL_GROEPEN = env.list("OIDC_ROL_GROEPEN", default=[])
# The organisation (its name in Keukentafel) of everyone who logs in through this provider.
OIDC_ORGANISATIE = env.str("OIDC_ORGANISATIE", default="")
# Optional: provider group = team name within that organisation, "wmo-team-haarlem=Wmo-team Haarlem".
# Without a matching group the team stays as the functioneel beheerder set it.
OIDC_TEAM_GROEPEN = env.list("OIDC_TEAM_GROEPEN", default=[])
# The provider does the second factor (MFA), so a session logged in through it counts as verified
# for the two-step login (session key "kt_login_via_idp").
OIDC_MFA_DOOR_IDP = env.bool("OIDC_MFA_DOOR_IDP", default=True)
# Seconds to wait for the provider's token, JWKS and userinfo endpoints.
OIDC_TIMEOUT = env.int("OIDC_TIMEOUT", default=10)
# Fixed choices for mozilla-django-oidc: nonce and PKCE on, the ID token kept for the logout at
# the provider, our callback and logout, back to the login page (with a message) on failure.
OIDC_USE_NONCE = True
OIDC_USE_PKCE = True
OIDC_STORE_ID_TOKEN = True
OIDC_AUTHENTICATION_CALLBACK_URL = "toegang:oidc_terugkeer"
OIDC_OP_LOGOUT_URL_METHOD = "toegang.oidc.idp_uitlog_url"
LOGIN_REDIRECT_URL_FAILURE = "/inloggen/"
# django-axes first: it refuses a locked-out username+IP before the password is even checked.
# toegang.backends.MedewerkerBackend: Django's ModelBackend reading the user with team, organisation and
# rights in two queries (issue 14).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "toegang.backends.MedewerkerBackend"]
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        *([] if OIDC_ALLEEN else ["toegang.backends.MedewerkerBackend"]),
        "toegang.oidc.IdpBackend",
    ]
# Logging out through the provider is a POST here followed by a redirect to its end_session_endpoint.
# CSP form-action also governs that redirect, and the logout button is on every page: the provider's
# origin is a permitted form target everywhere (logging in is a link, which form-action ignores).
if OIDC_ENABLED and OIDC_OP_LOGOUT_ENDPOINT:
    _idp = urlsplit(OIDC_OP_LOGOUT_ENDPOINT)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"].append(f"{_idp.scheme}://{_idp.netloc}")

# While single sign-on is on, passwords work only for accounts that are not the provider's: their
# roles follow its groups at every login (toegang.oidc.WachtwoordBackend).
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS = [
        "toegang.oidc.WachtwoordBackend" if backend == "toegang.backends.MedewerkerBackend" else backend
        for backend in AUTHENTICATION_BACKENDS
    ]

# --- Access log (NEN 7513; wmo.inzagelog) ------------------------------------------------------
# Years a row of the access log is kept before `manage.py inzagelog_opschonen` removes it.
# NEN 7513:2018 par. 8.5: at least 2 years, at most as long as the dossier; 5 is the minimum the
# minister set for healthcare (Stcrt. 2019, 38007), followed here (see wmo/inzagelog.py).
INZAGELOG_BEWAARTERMIJN_JAREN = env.int("INZAGELOG_BEWAARTERMIJN_JAREN", default=5)
# How many proxies of our own stand in front of the app (the TLS proxy: 1). The access log and the
# login lockout take the client's address from X-Forwarded-For only then (the n-th address from the right); with 0
# the header is ignored and REMOTE_ADDR counts, so a forged header never reaches the log.
VERTROUWDE_PROXIES = env.int("VERTROUWDE_PROXIES", default=0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
        # django-axes logs every attempt itself; keukentafel.toegang has the lines that count.
        "axes": {"level": "WARNING"},
    },
}

# wmo.sjabloon: compare every reuse of a kept SQL with the query built for the real values (the
# test settings turn it on; in production it would double the work it saves).
SQL_SJABLOON_CONTROLE = env.bool("SQL_SJABLOON_CONTROLE", default=False)
# wmo.sjabloon: the small kept lists run as prepared statements (off behind a connection pooler in
# transaction mode, such as PgBouncer without max_prepared_statements).
SQL_SJABLOON_VOORBEREIDEN = env.bool("SQL_SJABLOON_VOORBEREIDEN", default=True)
if SQL_SJABLOON_VOORBEREIDEN and DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Django turns psycopg's prepared statements off (prepare_threshold None); with a threshold no
    # query reaches, only what asks for it (wmo.sjabloon, prepare=True) is prepared. Django's own
    # queries use client-side binding cursors, which never prepare.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("prepare_threshold", 1_000_000)
