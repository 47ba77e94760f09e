"""The API's contract for clients: one error shape for every error (DRF's own included), 401 with
``WWW-Authenticate: Token``, ``GET /jobs`` and ``GET /batch/{id}``, and every endpoint's real answers
checked against the OpenAPI schema served at ``/api/schema/``."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from openapi_schema_validator import OAS31Validator
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.jobs_support import make_library, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(db):
    return make_library()


def _client(user):
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def assert_error_shape(res, status: int, code: str | None = None):
    assert res.status_code == status, (res.status_code, res.content[:300])
    body = res.json()
    assert set(body) >= {"error"}, body
    assert isinstance(body["error"]["code"], str) and body["error"]["code"], body
    assert isinstance(body["error"]["message"], str) and body["error"]["message"], body
    if code:
        assert body["error"]["code"] == code, body
    return body


# --- one error shape ------------------------------------------------------------------------------


def test_unauthenticated_api_call_is_401_with_token_challenge(client):
    for method, path in [
        ("post", "/analyze-audit-async"),
        ("get", "/jobs"),
        ("get", "/job-result/00000000-0000-0000-0000-000000000000"),
        ("get", "/batch/00000000-0000-0000-0000-000000000000"),
    ]:
        res = getattr(client, method)(path, HTTP_ACCEPT="application/json")
        assert_error_shape(res, 401, "not_authenticated")
        assert res["WWW-Authenticate"] == "Token", path


def test_bad_token_is_401_authentication_failed(client):
    res = client.get("/jobs", HTTP_AUTHORIZATION="Token not-a-real-token")
    assert_error_shape(res, 401, "authentication_failed")


def test_drf_errors_share_the_shape(api, user, staff_user, settings):
    assert_error_shape(api.get("/queue-status"), 403, "permission_denied")
    assert_error_shape(api.get("/job-result/nope"), 404, "not_found")
    assert_error_shape(api.get("/no-such-endpoint", HTTP_ACCEPT="application/json"), 404, "not_found")
    assert_error_shape(api.delete("/jobs"), 405, "method_not_allowed")
    res = api.post("/analyze-audit-async", data=b"{}", content_type="application/json")
    assert_error_shape(res, 415, "unsupported_media_type")
    body = assert_error_shape(api.get("/jobs?status=LOST&created_after=yesterday"), 400, "invalid")
    assert set(body["error"]["fields"]) == {"status", "created_after"}
    assert_error_shape(api.post("/analyze-audit-async", {}, format="multipart"), 400, "no_file")


def test_throttled_is_429_in_the_shape_with_retry_after(api, settings):
    settings.NEXA_SUBMIT_RATE = "1/min"
    from django.core.cache import cache

    cache.clear()
    api.post("/analyze-audit-async", {}, format="multipart")
    res = api.post("/analyze-audit-async", {}, format="multipart")
    assert_error_shape(res, 429, "throttled")
    assert int(res["Retry-After"]) >= 1


def test_unexpected_error_is_500_in_the_shape(api, monkeypatch):
    from jobs import api as job_api

    def boom(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(job_api, "_visible_jobs", boom)
    api.raise_request_exception = False
    assert_error_shape(api.get("/jobs"), 500, "internal_error")


# --- GET /jobs, GET /batch/{id} -------------------------------------------------------------------


def test_job_list_own_jobs_paginated_and_filtered(
    api, user, other_user, staff_user, library, run_jobs, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ids = [
            api.post("/analyze-audit-async", {"file": upload(f"J{i}.pdf", tag=str(i))}).json()["job_id"]
            for i in range(3)
        ]
        batch = api.post(
            "/batch-analyze", {"files": [upload("B0.pdf", tag="b0"), upload("x.pdf", b"nope")]}
        ).json()
        _client(other_user).post("/analyze-audit-async", {"file": upload("theirs.pdf", tag="o")})
    run_jobs()
    body = api.get("/jobs?page_size=2").json()
    assert body["count"] == 5 and len(body["results"]) == 2 and body["next"] and body["previous"] is None
    everything = api.get("/jobs?page_size=200").json()["results"]
    assert {j["file"] for j in everything} == {"J0.pdf", "J1.pdf", "J2.pdf", "B0.pdf", "x.pdf"}
    assert [j["job_id"] for j in everything][-3:] == ids[::-1]  # newest first
    failed = api.get("/jobs?status=FAILURE").json()["results"]
    assert [(j["file"], j["error"]["code"]) for j in failed] == [("x.pdf", "not_a_pdf")]
    in_batch = api.get(f"/jobs?batch={batch['batch_id']}").json()
    assert in_batch["count"] == 2
    future = (timezone.now() + dt.timedelta(hours=1)).isoformat()
    assert api.get("/jobs", {"created_after": future}).json()["count"] == 0
    assert api.get("/jobs", {"created_before": future}).json()["count"] == 5
    assert _client(staff_user).get("/jobs").json()["count"] == 6
    assert_error_shape(api.get("/jobs?page=9"), 404, "not_found")


def test_batch_detail_counts_by_status(
    api, other_user, staff_user, library, run_jobs, django_capture_on_commit_callbacks
):
    files = [upload("B0.pdf", tag="0"), upload("B1.pdf", tag="1"), upload("bad.pdf", b"not a pdf")]
    with django_capture_on_commit_callbacks(execute=True):
        batch = api.post("/batch-analyze", {"files": files}).json()
    path = f"/batch/{batch['batch_id']}"
    before = api.get(path).json()
    assert before["counts"] == {"total": 3, "PENDING": 2, "PROCESSING": 0, "SUCCESS": 0, "FAILURE": 1}
    assert before["done"] is False and [j["file"] for j in before["jobs"]] == ["B0.pdf", "B1.pdf", "bad.pdf"]
    run_jobs()
    after = api.get(path).json()
    assert after["counts"] == {"total": 3, "PENDING": 0, "PROCESSING": 0, "SUCCESS": 2, "FAILURE": 1}
    assert after["done"] is True
    assert_error_shape(_client(other_user).get(path), 404, "not_found")
    assert _client(staff_user).get(path).status_code == 200
    assert_error_shape(api.get("/batch/not-a-uuid"), 404, "not_found")


# --- the schema describes what the endpoints really answer ------------------------------------------


def _schema(api) -> dict:
    res = api.get("/api/schema/?format=json", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert res.status_code == 200
    import json

    return json.loads(res.content)


def _operation(schema: dict, method: str, path: str) -> dict:
    for template, item in schema["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if re.match(pattern, path) and method in item:
            return item[method]
    raise AssertionError(f"{method.upper()} {path} is not in the schema")


def check_against_schema(schema: dict, method: str, path: str, res) -> None:
    """The answer's status is documented for the operation and its JSON body validates."""
    operation = _operation(schema, method, path.split("?")[0])
    responses = operation["responses"]
    assert str(res.status_code) in responses, (method, path, res.status_code, list(responses))
    content = responses[str(res.status_code)].get("content", {})
    media = content.get("application/json")
    assert media is not None, (method, path, res.status_code, "no JSON body documented")
    root = {**media["schema"], "components": schema["components"]}
    OAS31Validator(root).validate(res.json())


def test_every_endpoint_answers_as_the_schema_says(
    api, user, staff_user, library, run_jobs, settings, django_capture_on_commit_callbacks
):
    schema = _schema(api)
    staff = _client(staff_user)
    calls = []

    def call(client, method, path, **kwargs):
        res = getattr(client, method)(path, **kwargs)
        check_against_schema(schema, method, path, res)
        calls.append((method, path.split("?")[0], res.status_code))
        return res

    with django_capture_on_commit_callbacks(execute=True):
        job = call(api, "post", "/analyze-audit-async", data={"file": upload(tag="s1")}).json()
        call(api, "post", "/analyze-audit-async", data={"file": upload("x.pdf", b"nope")})
        call(api, "post", "/analyze-audit-async", data={})
        batch = call(api, "post", "/batch-analyze", data={"files": [upload(tag="b1")]}).json()
        call(api, "post", "/batch-analyze", data={})
    call(api, "get", f"/job-result/{job['job_id']}")
    run_jobs()
    call(api, "get", f"/job-result/{job['job_id']}")
    call(api, "get", "/job-result/00000000-0000-0000-0000-000000000000")
    call(api, "post", "/analyze-audit", data={"file": upload(tag="sync")})
    call(api, "post", "/analyze-audit", data={"file": upload("y.pdf", b"nope")})
    call(api, "post", "/analyze-audit", data={})
    call(api, "get", "/jobs")
    call(api, "get", "/jobs?status=SUCCESS&page_size=1")
    call(api, "get", "/jobs?status=NOPE")
    call(api, "get", f"/batch/{batch['batch_id']}")
    call(api, "get", "/batch/00000000-0000-0000-0000-000000000000")
    call(staff, "get", "/queue-status")
    call(staff, "get", "/cache-stats")
    call(api, "get", "/spec-library")
    covered = {(m, p.split("/0000")[0]) for m, p, _ in calls}
    assert len(covered) >= 10, covered
