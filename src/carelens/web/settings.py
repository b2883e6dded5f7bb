"""Django settings for carelens, read from the environment.

Every value has a safe local default (SQLite in CARELENS_HOME, DEBUG off,
console e-mail). `CARELENS_HTTPS=true` turns on the production transport
settings (HSTS, secure cookies, SSL redirect); the README has the full table.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
import plotly as _plotly
from csp.constants import NONE, SELF

from carelens.config import (
    carelens_home,
    env_bool,
    env_int,
    env_list,
    env_str,
    secret_key,
)

CARELENS_HOME = carelens_home()
SECRET_KEY = secret_key(CARELENS_HOME)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CARELENS_COUNCIL_NAME = env_str("CARELENS_COUNCIL_NAME", "Demo Council")
CARELENS_HTTPS = env_bool("CARELENS_HTTPS", False)
CARELENS_SESSION_IDLE_MINUTES = env_int("CARELENS_SESSION_IDLE_MINUTES", 30, minimum=1)

INSTALLED_APPS = [
    "carelens.web.admin_config.CarelensAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "csp",
    "crispy_forms",
    "crispy_forms_gds",
    "govuk_frontend_django",
    "django_tasks",
    "django_tasks_db",
    "carelens.accounts",
    "carelens.imports",
    "carelens.people",
    "carelens.performance",
    "carelens.worklists",
    "carelens.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "carelens.accounts.middleware.AuditContextMiddleware",
    "carelens.accounts.middleware.IdleTimeoutMiddleware",
    "carelens.accounts.middleware.PasswordChangeRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Axes last, as its documentation requires, so it sees the final response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "carelens.web.urls"
WSGI_APPLICATION = "carelens.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "carelens.web.context.service",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{CARELENS_HOME / 'carelens.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web workers read while an import or task writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first, so a locked-out user is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60  # one hour
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: lock a username at one address after 5 failures.
AXES_FAILURE_LIMIT = env_int("CARELENS_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("CARELENS_LOCKOUT_MINUTES", 30, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # its log lines would name the user
AXES_IPWARE_PROXY_COUNT = env_int("CARELENS_PROXY_COUNT", 0)

# Sessions: an idle timeout (enforced by IdleTimeoutMiddleware) and a cookie
# that dies with the browser.
SESSION_COOKIE_AGE = CARELENS_SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "carelens.web.errors.csrf_failure"

# Security headers, on in every mode.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# Production transport settings behind one flag.
if CARELENS_HTTPS:
    SECURE_SSL_REDIRECT = env_bool("CARELENS_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("CARELENS_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
    if env_int("CARELENS_PROXY_COUNT", 0):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

STATIC_URL = "static/"
STATIC_ROOT = CARELENS_HOME / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise expects it, though it serves from finders
# Static files come straight from the installed package: no collectstatic step.
WHITENOISE_USE_FINDERS = True
# plotly.js comes from the installed plotly package, as /static/plotly/plotly.min.js (no CDN).
STATICFILES_DIRS = [("plotly", Path(_plotly.__file__).resolve().parent / "package_data")]
WHITENOISE_AUTOREFRESH = DEBUG
# Files browsers ask for at the site root (favicon.ico), served like static files.
WHITENOISE_ROOT = Path(__file__).resolve().parent / "root"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = CARELENS_HOME / "uploads"
# Uploads are streamed to disk beside CARELENS_HOME, not held in memory.
FILE_UPLOAD_TEMP_DIR = CARELENS_HOME / "uploads" / "incoming"
FILE_UPLOAD_TEMP_DIR.mkdir(parents=True, exist_ok=True)
CARELENS_UPLOAD_MAX_MB = env_int("CARELENS_UPLOAD_MAX_MB", 500, minimum=1)

# Background work: imports run in the database-backed worker (`carelens db_worker`,
# which `carelens serve` and `carelens demo` start beside the web server).
# Measure results per snapshot (a snapshot never changes, so they never expire).
# CARELENS_CACHE_URL=redis://127.0.0.1:6379/1 shares them between servers.
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}
        if (_cache_url := env_str("CARELENS_CACHE_URL", ""))
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(CARELENS_HOME / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 200},
        }
    )
}
CARELENS_POPULATION_FILE = Path(
    env_str("CARELENS_POPULATION_FILE", str(CARELENS_HOME / "population.csv"))
)

TASKS = {
    "default": {
        "BACKEND": env_str("CARELENS_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "carelens@localhost")

# Logs carry events and ids only; carelens.logging.PersonalDataFilter scrubs
# anything that looks like an NHS number, date or e-mail address as a backstop.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"personal_data": {"()": "carelens.logfilter.PersonalDataFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["personal_data"],
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
