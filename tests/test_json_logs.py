"""``LOG_FORMAT=json``: one JSON object a log line, with the request id (``X-Request-ID``) of the web
request and the job id of the RQ job being run; plain lines otherwise."""

import json
import logging
import logging.config
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import django_rq
import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured

from nexa import settings as nexa_settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def console(capsys):
    """Configure Nexa's logging in ``format`` now (its handler writes to the captured stderr);
    returns ``use(format) -> read()``, ``read()`` giving the lines written since."""

    def use(log_format: str):
        logging.config.dictConfig(nexa_settings.logging_config(log_format, "INFO"))
        capsys.readouterr()
        return lambda: capsys.readouterr().err.splitlines()

    yield use
    logging.config.dictConfig(django_settings.LOGGING)


def _json_lines(lines: list[str]) -> list[dict]:
    return [json.loads(line) for line in lines]


@pytest.mark.django_db
def test_a_request_logs_json_with_the_request_id_it_was_given(client, console):
    read = console("json")
    res = client.get("/no-such-page", HTTP_X_REQUEST_ID="edge-7f3a.1")
    assert res.status_code == 404
    assert res.headers["X-Request-ID"] == "edge-7f3a.1"
    records = _json_lines(read())
    (line,) = [r for r in records if r["logger"] == "django.request"]
    assert line["message"] == "Not Found: /no-such-page"
    assert line["level"] == "WARNING" and line["request_id"] == "edge-7f3a.1" and line["job_id"] == ""
    assert set(line) >= {"time", "level", "logger", "message", "request_id", "job_id"}


@pytest.mark.django_db
def test_a_request_without_a_usable_id_gets_a_new_one(client, console):
    read = console("json")
    ids = []
    for given in ("", "two words", "x" * 65):
        res = client.get("/no-such-page", HTTP_X_REQUEST_ID=given)
        ids.append(res.headers["X-Request-ID"])
    assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids) and len(set(ids)) == 3
    logged = [r["request_id"] for r in _json_lines(read()) if r["logger"] == "django.request"]
    assert logged == ids
    # after the request, lines of the same thread carry no request id
    logging.getLogger("nexa.test").warning("between requests")
    (after,) = _json_lines(read())
    assert after["request_id"] == ""


@pytest.mark.django_db(transaction=True)
def test_a_job_logs_json_with_its_job_id(run_jobs, console):
    read = console("json")
    job_id = str(uuid.uuid4())  # no AnalysisJob with this id: the task logs that and returns
    django_rq.get_queue("default").enqueue_call(func="jobs.tasks.run_analysis", args=(job_id,), job_id=job_id)
    assert run_jobs(("default",))
    records = _json_lines(read())
    (line,) = [r for r in records if "nothing to do" in r["message"]]
    assert line["job_id"] == job_id and line["request_id"] == "" and line["level"] == "WARNING"


@pytest.mark.django_db
def test_plain_format_writes_plain_lines(client, console):
    read = console("plain")
    client.get("/no-such-page")
    (line,) = [ln for ln in read() if "django.request" in ln]
    assert re.match(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ WARNING django.request Not Found: /no-such-page$", line
    )


def test_log_format_is_read_from_the_environment():
    with pytest.raises(ImproperlyConfigured, match="LOG_FORMAT must be plain or json"):
        nexa_settings.logging_config("xml", "INFO")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    code = "import django; django.setup(); import logging; logging.getLogger('nexa.probe').warning('hello')"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "LOG_FORMAT": "json", "DJANGO_SETTINGS_MODULE": "nexa.settings", "DEBUG": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    (line,) = _json_lines(result.stderr.splitlines())
    assert line["logger"] == "nexa.probe" and line["message"] == "hello" and line["level"] == "WARNING"


@pytest.mark.no_redis
def test_gunicorn_logs_json_and_its_access_line_names_the_request_id(tmp_path):
    """The Procfile's web process with LOG_FORMAT=json: gunicorn's own lines are JSON objects too."""
    import signal
    import socket
    import time
    import urllib.request

    from nexa import embedded_redis

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "NEXA_"))}
    env = {k: v for k, v in env.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(LOG_FORMAT="json", DEBUG="1", NEXA_DATA_DIR=str(tmp_path), WEB_CONCURRENCY="1", PORT=str(port))
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                req = urllib.request.Request(
                    f"http://127.0.0.1:{port}/health", headers={"X-Request-ID": "probe-42"}
                )
                with urllib.request.urlopen(req, timeout=30) as resp:
                    assert resp.headers["X-Request-ID"] == "probe-42"
                    break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.3)
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        embedded_redis.stop_server(tmp_path)
    records = _json_lines([line for line in err.splitlines() if line.strip()])
    assert any(
        r["logger"] == "gunicorn.error" and r["message"].startswith("Starting gunicorn") for r in records
    )
    (access,) = [r for r in records if r["logger"] == "gunicorn.access"]
    assert '"GET /health HTTP/1.1" 200' in access["message"] and "request_id=probe-42" in access["message"]
