"""Settings for the press office site: one module, driven by the environment.

Every value production needs comes from an environment variable (see
`.env.example`). The local demo runs with `DJANGO_DEBUG=1` and nothing else; without
DEBUG, a missing secret or host list stops start-up with a clear message instead of
falling back to an unsafe default.
"""

import ipaddress
import os
import tempfile
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def required(name):
    value = env(name)
    if not value:
        raise ImproperlyConfigured(
            f"{name} must be set when DJANGO_DEBUG is off (production settings). "
            "See .env.example."
        )
    return value


DEBUG = env_bool("DJANGO_DEBUG")
# The local demo (`make run`) and the test suite; never production.
DEMO = env_bool("DJANGO_DEMO")

if DEBUG:
    SECRET_KEY = env("DJANGO_SECRET_KEY", "insecure-local-development-key-" + "x" * 32)
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
else:
    SECRET_KEY = required("DJANGO_SECRET_KEY")
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or required("DJANGO_ALLOWED_HOSTS")
if DEMO and not DEBUG:
    raise ImproperlyConfigured(
        "DJANGO_DEMO=1 (demo accounts with a known password, signing in without "
        "a second factor) is for the local demo only, with DJANGO_DEBUG=1."
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles, so runserver serves static files the way production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "reversion",
    "reversion_compare",
    "rosetta",
    # django-axes, named for the admin (config/apps.py).
    "config.apps.SignInProtectionConfig",
    # The second step of signing in: authenticator apps and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_prose_editor",
    # Django's tasks framework (the backport) and its database queue: mail is
    # sent by `manage.py worker`, never in a request.
    "django_tasks",
    "django_tasks_db",
    "pressroom",
    # The press office's services for journalists and subscribers; before
    # cities, which links partnerships to events.
    "pressroom.alerts",
    "pressroom.events",
    "pressroom.desk",
    "cities",
    # Last, as its documentation asks: a replaced or deleted file is removed
    # from storage once the change is committed.
    "django_cleanup.apps.CleanupConfig",
]

MIDDLEWARE = [
    # First: it stores a page with every header the others add, and serves it
    # (with 304s) without running them again; it says how long every answer
    # may be kept. config/wsgi.py serves most hits before Django is even
    # called (pressroom/shell/cache.py).
    "pressroom.shell.cache.PageCacheMiddleware",
    # Translations saved in Rosetta, here or on another server, loaded before
    # anything is rendered (pressroom/shell/catalogs.py).
    "pressroom.shell.catalogs.CatalogRefreshMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Right after SecurityMiddleware: static files skip everything below.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETags, and 304s for pages that are not cached.
    "django.middleware.http.ConditionalGetMiddleware",
    # django-csp's, the admin's pages widened (pressroom/shell/middleware.py).
    "pressroom.shell.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Outside LocaleMiddleware: it unlabels robots.txt and the sitemaps.
    "pressroom.shell.middleware.LanguageNeutralMiddleware",
    # After sessions (it may read them), before CommonMiddleware (it redirects).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication (staff may send more), before CSRF reads the body.
    "pressroom.shell.edges.RequestBodyLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "pressroom.shell.middleware.SecurityHeadersMiddleware",
    # Whether the session gave a second factor; without one, staff are kept to
    # that step (pressroom/signin.py). After the header middleware, so its
    # redirects carry their headers too.
    "django_otp.middleware.OTPMiddleware",
    "pressroom.signin.SecondFactorMiddleware",
    "pressroom.shell.middleware.DatabaseUnavailableMiddleware",
    "pressroom.shell.middleware.StorageFailureMiddleware",
    "pressroom.shell.edges.AdminLookupErrorsMiddleware",
    # Last: it must see the authenticated user to lock out password guessing.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    # First: the public pages, in Jinja2 (an uncached page is mostly rendering;
    # see config/jinja2.py), in templates/site/.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "site"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "config.jinja2.environment",
            "context_processors": ["pressroom.shell.context_processors.site"],
        },
    },
    # The back-office: Django's admin, its apps' templates and our overrides of
    # them in templates/backoffice/; Django's engine, translations escaped
    # (pressroom/backoffice_templates.py).
    {
        "BACKEND": "pressroom.backoffice_templates.BackOfficeTemplates",
        "DIRS": [BASE_DIR / "templates" / "backoffice"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DJANGO_DB_PREPARED", True
):
    # The public pages run the same few queries again and again: PostgreSQL
    # plans each once per connection.
    # Off (0) behind a pooler that cannot keep prepared statements.
    DATABASES["default"]["OPTIONS"] = {
        "server_side_binding": True,
        "prepare_threshold": 2,
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the one writer work at once under gunicorn. Sort
    # space and statement journals in memory: faster, and a full disk then
    # fails the upload that meets it rather than the database's scratch files.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA temp_store=MEMORY;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    # The tests' database is a file, not memory: in memory, Django shares one
    # connection between every thread of the live server, so two browsers at
    # once (a save while a presence heartbeat runs) would step on each other's
    # transactions, which no real server does. One file per test run.
    DATABASES["default"]["TEST"] = {
        "NAME": str(
            Path(tempfile.gettempdir()) / f"pressroom-tests-{os.getpid()}.sqlite3"
        )
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
CACHES = {
    # The pages each worker process served lately, in its own memory (all of
    # them without Redis; ~20 KB each). pressroom/shell/cache.py.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": int(env("DJANGO_LOCAL_CACHE_ENTRIES", "3000"))},
    },
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
if REDIS_URL:
    CACHES["default"] = {
        # Shared by every app server: pages, and figures such as a list's total.
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env("DJANGO_CACHE_PREFIX", "pressroom"),
        # A Redis that is down or hangs costs a page tens of milliseconds, and
        # then nothing while the circuit breaker waits (pressroom/shell/cache.py).
        "OPTIONS": {"socket_connect_timeout": 0.03, "socket_timeout": 0.03},
    }
# Seconds an anonymous reader's page is kept; 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(env("DJANGO_PAGE_CACHE_SECONDS", "600"))
# How often each process reads the record of changes made through the others.
PAGE_CACHE_POLL_SECONDS = float(env("DJANGO_PAGE_CACHE_POLL_SECONDS", "0.25"))
# How far the app servers' clocks may disagree (seconds): a copy rendered this
# close to a change is treated as older than it.
PAGE_CACHE_CLOCK_SKEW = float(env("DJANGO_PAGE_CACHE_CLOCK_SKEW", "0.05"))
# How long browsers and CDNs may keep a public page (Cache-Control max-age).
HTTP_CACHE_SECONDS = int(env("DJANGO_HTTP_CACHE_SECONDS", "60"))

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out login before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
AUTH_PASSWORD_VALIDATORS[1]["OPTIONS"] = {"min_length": 12}
# Anyone not signed in who asks for a staff page signs in on the admin's page,
# and lands in the admin when the page to return to is not one of the site's.
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"
# A staff session ends after a working day without a request; every request
# starts the day again.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
# Staff give a code from an authenticator app after their password (production);
# the local demo's accounts are exempt (pressroom/signin.py).
SECOND_FACTOR_REQUIRED = env_bool("DJANGO_SECOND_FACTOR_REQUIRED", not DEBUG)
OTP_TOTP_ISSUER = env("DJANGO_OTP_ISSUER", "Press service")
# The load balancers, whose X-Forwarded-For alone is believed (addresses or
# networks, comma-separated); unset, the connection's own address is the client.
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES")
for value in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(value, strict=False)
    except ValueError:
        # Here, not as a server error at every sign-in.
        raise ImproperlyConfigured(
            f"DJANGO_TRUSTED_PROXIES: {value!r} is not an address or a network "
            "such as 10.0.0.0/24."
        ) from None
AXES_CLIENT_IP_CALLABLE = "pressroom.shell.limits.client_ip"
AXES_FAILURE_LIMIT = int(env("DJANGO_AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
# A page in the admin's language saying for how long (pressroom/signin.py).
AXES_LOCKOUT_CALLABLE = "pressroom.signin.locked_out"
AXES_RESET_ON_SUCCESS = True
# The pair, never the username alone: a stranger's guesses must not lock the
# account out for its owner, who signs in from another address.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]

# Languages: Russian is the default and the language staff write first.
LANGUAGE_CODE = "ru"
LANGUAGES = [
    ("ru", _("Russian")),
    ("fa", _("Persian")),
    ("en", _("English")),
]
# The site's own strings, then Persian for what Django's and its apps' Persian
# catalogs lack (without it the Persian admin falls back to Russian there).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "third_party"]
USE_I18N = True
# The press service's local time; every language shows the same moment in it.
TIME_ZONE = env("DJANGO_TIME_ZONE", "Europe/Moscow")
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "ru"
MODELTRANSLATION_LANGUAGES = ("ru", "fa", "en")
# Public pages never show another language's text: no fallback at all.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ()}
MODELTRANSLATION_AUTO_POPULATE = False
# The admin's translation tabs need jQuery UI's tabs, which modeltranslation loads
# from a CDN by default (refused by the CSP, unreachable offline): a small
# stand-in is served from our own static files (modeltranslation's setting name).
JQUERY_UI_URL = "pressroom-admin/tabs.js"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / env("DJANGO_STATIC_ROOT", "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    # Each upload is written whole or not at all (pressroom/shell/storage.py).
    "default": {"BACKEND": "pressroom.shell.storage.AtomicFileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
if env("DJANGO_MEDIA_BUCKET"):
    # Several app servers share media through an S3-compatible bucket.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("DJANGO_MEDIA_BUCKET"),
            "endpoint_url": env("DJANGO_MEDIA_ENDPOINT_URL"),
            "custom_domain": env("DJANGO_MEDIA_DOMAIN"),
            "querystring_auth": False,
        },
    }
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", not env("DJANGO_MEDIA_BUCKET"))
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Request bodies, refused with a 413 by their declared length before they are
# read (pressroom/shell/edges.py): anonymous senders (public forms, the sign-in page)
# and signed-in staff (a release with its photo and documents). The load
# balancer should refuse the larger one itself.
ANONYMOUS_REQUEST_BODY_LIMIT = int(env("DJANGO_ANONYMOUS_BODY_LIMIT", 1024 * 1024))
STAFF_REQUEST_BODY_LIMIT = int(env("DJANGO_STAFF_BODY_LIMIT", 100 * 1024 * 1024))

# Security: on by default, relaxed only for local HTTP in DEBUG.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https")
    if env_bool("DJANGO_BEHIND_PROXY", not DEBUG)
    else None
)
SECURE_HSTS_SECONDS = 0 if DEBUG else int(env("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = []

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # Public pages carry no inline style; the admin's widgets (prose editor,
        # modeltranslation tabs) do, and the admin's answers alone admit them
        # (ADMIN_CSP_UPDATE, pressroom/shell/middleware.py).
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
ADMIN_CSP_UPDATE = {"style-src": ["'unsafe-inline'"]}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)

# Background work: a queue in the database, run by `manage.py worker` beside the
# site (`make run`, `make serve`). Enqueuing inside a save's transaction makes
# the task part of it: a save that rolls back leaves no task behind.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Mail: Django's SMTP backend on DJANGO_EMAIL_HOST (a local MTA by default); the
# local demo prints messages on the worker's console instead.
EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("DJANGO_EMAIL_USE_SSL")
# Seconds an SMTP server may take to answer before a message is retried later.
EMAIL_TIMEOUT = int(env("DJANGO_EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "press@example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Days a subscription's confirmation link stays valid.
ALERTS_CONFIRMATION_DAYS = int(env("DJANGO_ALERTS_CONFIRMATION_DAYS", "3"))

ROSETTA_MESSAGES_PER_PAGE = 50
ROSETTA_SHOW_AT_ADMIN_PANEL = True
ROSETTA_REQUIRES_AUTH = True
ROSETTA_ACCESS_CONTROL_FUNCTION = "pressroom.roles.can_translate_interface"
ROSETTA_WSGI_AUTO_RELOAD = False
# Only the catalogs Django's own gettext reads in-process: edits reach readers
# at once (pressroom/shell/catalogs.py). djangojs catalogs change with a deploy.
ROSETTA_POFILENAMES = ("django.po",)
ROSETTA_POFILE_WRAP_WIDTH = 79
# How often each worker process looks in the database for a translation saved
# on another app server (pressroom/shell/catalogs.py); 0: never (one server).
CATALOG_POLL_SECONDS = int(env("DJANGO_CATALOG_POLL_SECONDS", "5"))
ROSETTA_EXCLUDED_APPLICATIONS = (
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "reversion",
    "reversion_compare",
    "rosetta",
    "axes",
    "modeltranslation",
    "django_prose_editor",
    "django_tasks",
    "django_tasks_db",
)

# The press service's identity, shown in the header, footer and feeds.
# The public address of canonical links, feeds, sitemaps and preview links:
# required in production (a request's Host header is the sender's to choose);
# in development, unset, absolute links use the host a request came to.
SITE_URL = (
    env("DJANGO_SITE_URL", "") if DEBUG else required("DJANGO_SITE_URL")
).rstrip("/")
if SITE_URL and not SITE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        "DJANGO_SITE_URL must be an absolute address such as "
        f"https://press.example.org, not {SITE_URL!r}."
    )
# Links in mail, which the worker sends without a request to take a host from.
MAIL_SITE_URL = SITE_URL or f"http://127.0.0.1:{env('PORT', '8000')}"
PRESS_CONTACT_EMAIL = env("DJANGO_PRESS_EMAIL", "press@example.org")
PRESS_CONTACT_PHONE = env("DJANGO_PRESS_PHONE", "+7 (843) 000-00-00")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "WARNING")},
}

# Gettext msgids, so another city changes them here and translates them in
# `locale/`; `pressroom/shell/identity.py` marks the defaults for makemessages.
CITY_NAME = env("DJANGO_CITY_NAME", "Kazan")
SITE_NAME = env(
    "DJANGO_SITE_NAME", "Press service of the Kazan City Executive Committee"
)
