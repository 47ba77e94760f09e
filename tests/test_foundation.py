"""Foundation: settings parsing, /health, auth on the API, an RQ job through real Redis."""

import os
import subprocess
import sys

import django_rq
import pytest
from django.conf import settings

from nexa import embedded_redis

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _settings_with(env_extra):
    env = {**os.environ, **env_extra, "DJANGO_SETTINGS_MODULE": "nexa.settings"}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.DATABASES['default']['ENGINE'])",
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.no_redis
def test_bad_database_url_gives_clear_error(tmp_path):
    res = _settings_with({"DATABASE_URL": "mysqlx://nope", "NEXA_DATA_DIR": str(tmp_path)})
    assert res.returncode != 0
    assert "DATABASE_URL" in res.stderr


@pytest.mark.no_redis
def test_unset_database_url_means_sqlite_in_data_dir(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(NEXA_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="nexa.settings")
    res = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.DATABASES['default']['NAME'])",
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == str(tmp_path / "db.sqlite3")


@pytest.mark.no_redis
def test_production_needs_secret_key(tmp_path):
    res = _settings_with(
        {
            "DATABASE_URL": "postgres://u@127.0.0.1:5432/x",
            "DEBUG": "0",
            "SECRET_KEY": "",
            "PYTEST_VERSION": "",
            "NEXA_DATA_DIR": str(tmp_path),
        }
    )
    assert res.returncode != 0
    assert "SECRET_KEY" in res.stderr


@pytest.mark.django_db
def test_health_ok(client):
    res = client.get("/health")
    assert res.status_code == 200
    assert res.json() == {"status": "ok", "database": "ok", "redis": "ok"}


@pytest.mark.django_db
def test_health_503_when_redis_down(client, settings, tmp_path):
    # Point the queue connection at a socket nobody listens on.
    import django_rq.queues

    conn = django_rq.get_connection("default")
    dead = type(conn)(unix_socket_path=str(tmp_path / "nobody.sock"))
    original = django_rq.get_connection
    try:
        django_rq.get_connection = lambda name="default", **kw: dead
        res = client.get("/health")
    finally:
        django_rq.get_connection = original
    assert res.status_code == 503
    body = res.json()
    assert body["database"] == "ok" and body["redis"].startswith("error")


@pytest.mark.django_db
def test_api_refuses_anonymous(client):
    for path in ("/spec-library", "/queue-status", "/cache-stats"):
        res = client.get(path)
        assert res.status_code in (401, 403), path


def _add(a, b):
    return a + b


def test_rq_job_runs_on_real_redis(run_jobs):
    queue = django_rq.get_queue("default")
    job = queue.enqueue("tests.test_foundation._add", 2, 3)
    assert queue.count == 1
    run_jobs(["default"])
    job.refresh()
    assert job.get_status() == "finished"
    assert job.return_value() == 5


@pytest.mark.no_redis
def test_embedded_redis_shared_and_restartable(tmp_path):
    path = embedded_redis.ensure_server(tmp_path)
    try:
        assert embedded_redis.ensure_server(tmp_path) == path  # second caller reuses the server
        import redis

        assert redis.Redis(unix_socket_path=path).ping()
    finally:
        embedded_redis.stop_server(tmp_path)
    assert not embedded_redis._answers(path)


def test_settings_split_queue_and_cache_db():
    assert settings.REDIS_QUEUE_URL != settings.REDIS_CACHE_URL
