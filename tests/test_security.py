"""Security (issue 8): who may see what, CSRF, login and submit rate limits, stored file names,
deploy settings, secrets and logs, and the web staying responsive while the queues are full.

Real database and real Redis (the rate limits and lockouts count in the Redis cache)."""

import logging
import os
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from audits.models import Audit
from jobs.models import AnalysisJob
from nexa.security import STRICT_CSP, csp_for, redact
from tests.jobs_support import audit_pdf, make_library, upload

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def token_client(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def submit(client: APIClient, tag: str, name: str = "A1.pdf"):
    """``POST /analyze-audit-async``; the enqueue (on commit) runs at once."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post("/analyze-audit-async", {"file": upload(name, tag=tag)}, format="multipart")


# --- every URL needs a login --------------------------------------------------------------------

# Reachable without a login, and why.
PUBLIC = {
    "health": "liveness probe for load balancers (no data)",
    "login": "the sign-in page",
    "admin:login": "the admin sign-in page",
    "logout": "signing out reveals nothing",
    "admin:logout": "signing out reveals nothing",
}
# The OpenAPI schema and its docs page need a login too: they map every endpoint (the staff-only
# monitoring ones included) and docs/architecture.md ("API and result contract") says everything but
# /health needs one.


def _walk(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = ":".join(x for x in (namespace, entry.namespace) if x)
            yield from _walk(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name or ""
            yield prefix + str(entry.pattern), name


def _sample_path(pattern: str) -> str:
    """A concrete path for a URLconf pattern (route converters and the regexes in use here)."""
    path = re.sub(r"\(\?P<app_label>([a-z_]+)\|[^)]*\)", r"\1", pattern)  # admin app list
    path = re.sub(r"\(\?P<url>\.\*\)", "no-such-page/", path)  # admin catch-all
    path = re.sub(r"\(\?P<\w+>[^)]*\)\??", "x1", path)
    path = re.sub(r"<int:\w+>", "1", path)
    path = re.sub(r"<uuid:\w+>", str(uuid.uuid4()), path)
    path = re.sub(r"<(?:\w+:)?\w+>", "x1", path)
    path = path.replace("^", "").replace("$", "").replace("/?", "/")
    return "/" + path


def _url_table() -> list[tuple[str, str]]:
    rows, seen = [], set()
    for pattern, name in _walk(get_resolver()):
        path = _sample_path(pattern)
        if path not in seen:
            seen.add(path)
            rows.append((path, name))
    return rows


URL_TABLE = _url_table()


def _is_login_redirect(response) -> bool:
    location = response.headers.get("Location", "")
    return response.status_code == 302 and (
        location.startswith(django_settings.LOGIN_URL)
        or location.startswith("/accounts/login/")
        or location.startswith("/admin/login/")
    )


def test_url_table_covers_the_api_and_pages():
    paths = {p for p, _ in URL_TABLE}
    for expected in (
        "/analyze-audit-async",
        "/job-result/x1",
        "/queue-status",
        "/cache-stats",
        "/audits/1/original.pdf",
        "/jobs/progress.json",
        "/admin/rq/",
        "/api/schema/",
        "/admin/jobs/analysisjob/monitoring/",
    ):
        assert expected in paths
    for path, name in URL_TABLE:
        assert resolve(path).view_name == name or not name, (path, name)


@pytest.mark.parametrize("path,name", URL_TABLE, ids=[p for p, _ in URL_TABLE])
def test_every_url_refuses_anonymous(client, path, name):
    """Anonymous GET and POST on every URLconf entry: 401/403 or a redirect to a login page,
    except the few PUBLIC ones. A new endpoint without auth fails here."""
    if name in PUBLIC:
        return
    for method in ("get", "post"):
        response = getattr(client, method)(path)
        assert response.status_code in (401, 403) or _is_login_redirect(response), (
            method,
            path,
            name,
            response.status_code,
            response.headers.get("Location"),
        )


def test_public_urls_answer_anonymous(client):
    assert client.get("/health").status_code in (200, 503)
    assert client.get("/accounts/login/").status_code == 200
    assert client.get("/admin/login/").status_code == 200


def test_schema_and_docs_need_a_login(client, user):
    assert client.get("/api/schema/").status_code in (401, 403)
    # a browser is sent to the login page and comes back to the docs
    response = client.get("/api/docs/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/api/docs/"
    # an API client with a bad token still gets the API's own refusal
    assert client.get("/api/docs/", HTTP_AUTHORIZATION="Token nope").status_code in (401, 403)
    client.force_login(user)
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/api/docs/").status_code == 200


def test_api_docs_work_offline_from_static_files(client, user):
    client.force_login(user)
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css" in html
    assert not re.search(r"<script[^>]+src=[\"']https?://", html)
    assert "cdn" not in html and "https://" not in html
    csp = response["Content-Security-Policy"]
    assert "cdn" not in csp and "https:" not in csp
    assert "script-src 'self' 'unsafe-inline';" in csp  # Swagger UI's inline bootstrap script


# --- staff-only monitoring ----------------------------------------------------------------------

MONITORING = ["/queue-status", "/cache-stats", "/admin/jobs/analysisjob/monitoring/", "/admin/rq/"]


@pytest.mark.parametrize("path", MONITORING)
def test_monitoring_is_staff_only(client, user, staff_user, path):
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 403 or _is_login_redirect(response), response.status_code
    assert token_client(user).get(path).status_code in (302, 401, 403)
    client.force_login(staff_user)
    assert client.get(path).status_code == 200


# --- per-user isolation -------------------------------------------------------------------------


@pytest.fixture
def owned(user, run_jobs):
    """One finished job and its audit, owned by ``user``."""
    make_library()
    response = submit(token_client(user), tag="owned")
    assert response.status_code == 202, response.content
    run_jobs()
    job = AnalysisJob.objects.get(pk=response.json()["job_id"])
    assert job.audit_id and job.status == AnalysisJob.Status.SUCCESS
    return job


def _object_paths(job) -> list[str]:
    pk = job.audit_id
    return [
        f"/audits/{pk}/",
        f"/audits/{pk}/original.pdf",
        f"/audits/{pk}/findings.csv",
        f"/audits/{pk}/repeal-request.pdf",
    ]


def test_other_users_objects_answer_404(client, owned, user, other_user):
    # the owner reaches everything
    client.force_login(user)
    for path in _object_paths(owned):
        assert client.get(path).status_code == 200, path
    assert token_client(user).get(f"/job-result/{owned.pk}").status_code == 200

    # another user: 404 on every path, nothing in lists or progress JSON
    client.force_login(other_user)
    for path in _object_paths(owned):
        assert client.get(path).status_code == 404, path
    other_api = token_client(other_user)
    assert other_api.get(f"/job-result/{owned.pk}").status_code == 404
    assert other_api.get(f"/job-result/{uuid.uuid4()}").status_code == 404  # same as unknown
    progress = client.get(f"/jobs/progress.json?ids={owned.pk}")
    assert progress.status_code == 200 and progress.json()["jobs"] == []
    assert str(owned.pk) not in client.get("/jobs/").content.decode()
    assert owned.audit.original_filename not in client.get("/jobs/").content.decode()


def test_staff_see_every_users_objects(client, owned, staff_user):
    client.force_login(staff_user)
    for path in _object_paths(owned):
        assert client.get(path).status_code == 200, path
    assert token_client(staff_user).get(f"/job-result/{owned.pk}").status_code == 200
    assert client.get(f"/jobs/progress.json?ids={owned.pk}").json()["jobs"]


def test_spec_library_is_shared(client, user, other_user):
    doc = make_library()
    for who in (user, other_user):
        assert token_client(who).get("/spec-library").status_code == 200
        client.force_login(who)
        assert client.get(f"/specs/{doc.pk}/").status_code == 200


# --- CSRF ---------------------------------------------------------------------------------------


def test_forms_need_a_csrf_token(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    pdf = audit_pdf(tag="csrf")
    assert client.post("/audits/upload/", {"files": upload("A.pdf", pdf)}).status_code == 403
    assert client.post("/specs/upload/", {"files": upload("S.pdf", pdf)}).status_code == 403
    # a session-authenticated API POST needs the token too (token-auth clients do not)
    assert client.post("/analyze-audit-async", {"file": upload("A.pdf", pdf)}).status_code == 403
    assert Audit.objects.count() == 0

    # with the token from the form, the same POST goes through
    page = client.get("/audits/upload/")
    token = (
        page.cookies["csrftoken"].value if "csrftoken" in page.cookies else client.cookies["csrftoken"].value
    )
    response = client.post("/audits/upload/", {"files": upload("A.pdf", pdf), "csrfmiddlewaretoken": token})
    assert response.status_code in (200, 302)
    assert Audit.objects.count() == 1


def test_login_form_needs_a_csrf_token(user):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "crew", "password": "pw-crew-123456"})
    assert response.status_code == 403


# --- login rate limit ---------------------------------------------------------------------------


def _login(client, username, password, ip="10.0.0.1", path="/accounts/login/"):
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_login_lockout_by_username_and_address(client, user):
    for _ in range(4):
        assert _login(client, "crew", "wrong-password").status_code == 200  # form with an error
    _login(client, "crew", "wrong-password")  # the 5th failure locks
    locked = _login(client, "crew", "pw-crew-123456")  # even the right password now
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) == django_settings.AXES_COOLOFF_TIME.total_seconds() == 900
    # on the admin login too, from the same address
    assert _login(client, "crew", "pw-crew-123456", path="/admin/login/").status_code == 429
    assert "_auth_user_id" not in client.session
    # the pair is locked, not the username: the owner signs in from elsewhere (issue #18, item 7)
    assert _login(client, "crew", "pw-crew-123456", ip="10.0.0.9").status_code == 302


def test_many_usernames_from_one_address_lock_each_pair_only(client, user, other_user):
    for i in range(5):
        _login(client, f"nobody{i}", "wrong-password", ip="10.0.0.2")
    # another user from the same address still signs in (issue #18, item 7: no collateral lockout)
    ok = _login(client, "other", "pw-other-123456", ip="10.0.0.2")
    assert ok.status_code == 302 and client.session.get("_auth_user_id") == str(other_user.pk)


def test_lockout_counts_the_proxy_appended_address(client, user, settings):
    """Behind a proxy every request comes from the proxy: the client is the last
    X-Forwarded-For hop, and a forged first hop does not dodge the count."""
    settings.BEHIND_PROXY = True
    for i in range(5):
        client.post(
            "/accounts/login/",
            {"username": "crew", "password": "x"},
            REMOTE_ADDR="10.9.9.9",
            HTTP_X_FORWARDED_FOR=f"1.2.3.{i}, 203.0.113.7",
        )
    locked = client.post(
        "/accounts/login/",
        {"username": "crew", "password": "pw-crew-123456"},
        REMOTE_ADDR="10.9.9.9",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert locked.status_code == 429
    ok = client.post(
        "/accounts/login/",
        {"username": "crew", "password": "pw-crew-123456"},
        REMOTE_ADDR="10.9.9.9",
        HTTP_X_FORWARDED_FOR="203.0.113.8",
    )
    assert ok.status_code == 302


def test_successful_login_resets_the_count(client, user):
    for _ in range(3):
        _login(client, "crew", "wrong-password", ip="10.0.0.4")
    assert _login(client, "crew", "pw-crew-123456", ip="10.0.0.4").status_code == 302
    client.logout()
    for _ in range(3):
        assert _login(client, "crew", "wrong-password", ip="10.0.0.4").status_code == 200


def test_bad_api_tokens_are_rate_limited(settings, user):
    settings.NEXA_TOKEN_FAILURE_LIMIT = 3
    bad = APIClient()
    bad.credentials(HTTP_AUTHORIZATION="Token " + "0" * 40)
    for _ in range(3):
        assert bad.get("/spec-library", REMOTE_ADDR="10.1.0.1").status_code in (401, 403)
    refused = bad.get("/spec-library", REMOTE_ADDR="10.1.0.1")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= settings.NEXA_TOKEN_FAILURE_WINDOW
    # a real token still works from the guessing address (issue #18, item 7), and from others
    good = token_client(user)
    assert good.get("/spec-library", REMOTE_ADDR="10.1.0.1").status_code == 200
    assert good.get("/spec-library", REMOTE_ADDR="10.1.0.2").status_code == 200


# --- per-user submit rate limit -----------------------------------------------------------------


def test_submit_rate_limit_api(settings, staff_user, other_user):
    user = staff_user  # a staff member may also add specs: every kind of submit shares the budget
    settings.NEXA_SUBMIT_RATE = "3/min"
    api = token_client(user)
    assert submit(api, "r1").status_code == 202
    assert submit(api, "r2").status_code == 202
    assert submit(api, "r3").status_code == 202
    for refused in (
        submit(api, "r4"),
        api.post("/analyze-audit", {"file": upload(tag="r5")}, format="multipart"),
        api.post("/batch-analyze", {"files": [upload(tag="r6")]}, format="multipart"),
        api.post("/upload-specs", {"files": [upload("S.pdf", tag="r7")]}, format="multipart"),
    ):
        assert refused.status_code == 429, refused.content
        assert 0 < int(refused["Retry-After"]) <= 60
    assert AnalysisJob.objects.filter(owner=user).count() == 3
    # polls and reads are not submits; another user has their own budget
    job_id = AnalysisJob.objects.filter(owner=user).first().pk
    assert api.get(f"/job-result/{job_id}").status_code == 200
    assert api.get("/spec-library").status_code == 200
    assert submit(token_client(other_user), "o1").status_code == 202


def test_submit_rate_limit_web_forms(settings, client, staff_user):
    user = staff_user  # a staff member may also add specs: both forms share the budget
    settings.NEXA_SUBMIT_RATE = "1/min"
    client.force_login(user)
    assert client.post("/audits/upload/", {"files": upload(tag="w1")}).status_code in (200, 302)
    for path in ("/audits/upload/", "/specs/upload/"):
        refused = client.post(path, {"files": upload(tag="w2")})
        assert refused.status_code == 429
        assert int(refused["Retry-After"]) > 0
    # the API shares the same per-user budget
    assert submit(token_client(user), "w3").status_code == 429
    assert client.get("/audits/upload/").status_code == 200


def test_default_submit_rate_does_not_bother_normal_use():
    assert django_settings.NEXA_SUBMIT_RATE == os.environ.get("NEXA_SUBMIT_RATE", "120/min")


# --- stored file names --------------------------------------------------------------------------

_GENERATED = re.compile(r"^(audits|specs)/\d{4}/\d{2}/[0-9a-f]{32}\.pdf$")


def test_uploads_stored_under_generated_names(settings, staff_user):
    user = staff_user  # specs are uploaded by staff
    api = token_client(user)
    response = submit(api, "path", name="../../x.pdf")
    assert response.status_code == 202
    audit = AnalysisJob.objects.get(pk=response.json()["job_id"]).audit
    assert _GENERATED.match(audit.file.name), audit.file.name
    media = Path(settings.MEDIA_ROOT).resolve()
    stored = Path(audit.file.path).resolve()
    assert stored.is_file() and stored.is_relative_to(media)
    assert audit.original_filename == "x.pdf"  # the client's name lives in the row only
    assert not list(media.parent.rglob("x.pdf"))

    spec = api.post(
        "/upload-specs",
        {"files": [upload("..\\..\\evil/../s.pdf", tag="spec-path")]},
        format="multipart",
    )
    assert spec.status_code in (200, 201, 202), spec.content
    from specs.models import SpecDocument

    doc = SpecDocument.objects.get(pk=spec.json()["files"][0]["document_id"])
    assert _GENERATED.match(doc.file.name), doc.file.name
    assert Path(doc.file.path).resolve().is_relative_to(media)
    assert "/" not in doc.original_filename and "\\" not in doc.original_filename


# --- headers, CSP, deploy check -----------------------------------------------------------------


def _inline_code(html: str) -> list[str]:
    """Inline scripts, style blocks, style attributes and event handler attributes in ``html``."""
    found = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    found += re.findall(r"<style\b", html)
    found += re.findall(r"\sstyle=\"", html)
    found += re.findall(r"\son[a-z]+=\"", html)
    return found


def test_security_headers_and_strict_csp(client, owned, staff_user):
    response = client.get("/accounts/login/")
    assert response["Content-Security-Policy"] == STRICT_CSP
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert "default-src 'self'" in STRICT_CSP and "frame-ancestors 'none'" in STRICT_CSP
    assert "unsafe-inline" not in STRICT_CSP
    # pages under the strict policy carry no inline script or style
    client.force_login(staff_user)
    for path in (
        "/audits/upload/",
        f"/audits/{owned.audit_id}/",
        "/jobs/",
        "/specs/",
        "/specs/upload/",
        "/admin/",
        "/admin/jobs/analysisjob/",
        f"/admin/jobs/analysisjob/{owned.pk}/change/",
        "/admin/jobs/analysisjob/monitoring/",
        "/accounts/login/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["Content-Security-Policy"] == STRICT_CSP, path
        assert _inline_code(response.content.decode()) == [], path
    # the staff-only RQ dashboard and the signed-in API docs have inline code of their libraries
    assert "'unsafe-inline'" in csp_for("/admin/rq/") and "frame-ancestors 'none'" in csp_for("/admin/rq/")
    assert client.get("/admin/rq/")["Content-Security-Policy"] == csp_for("/admin/rq/")
    assert "'unsafe-inline'" in csp_for("/api/docs/")


def _production_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_VERSION", "DEBUG", "PYTEST_CURRENT_TEST")}
    for name in list(env):
        if name.startswith("SECURE_") or name == "NEXA_SUBMIT_RATE":
            del env[name]
    env.update(
        DJANGO_SETTINGS_MODULE="nexa.settings",
        DEBUG="0",
        SECRET_KEY="k" * 8 + uuid.uuid4().hex + uuid.uuid4().hex,
        DATABASE_URL=os.environ.get("DATABASE_URL") or "postgres://nexa@127.0.0.1:5432/nexa",
        ALLOWED_HOSTS="nexa.example.com",
    )
    env.update(extra)
    return env


def test_check_deploy_is_clean_in_production():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_manage_py_commands_print_no_axes_banner():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert "no issues" in output
    assert not [line for line in output.splitlines() if "AXES" in line], output


def test_production_defaults_are_secure():
    code = (
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_CONTENT_TYPE_NOSNIFF)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "True", "31536000", "True", "True"]

    # no SECRET_KEY in production: refuses to start
    env = _production_env()
    del env["SECRET_KEY"]
    refused = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert refused.returncode != 0 and "SECRET_KEY must be set" in refused.stderr


def test_tests_and_local_runs_use_plain_http():
    assert django_settings.TESTING
    assert not django_settings.SECURE_SSL_REDIRECT


# --- secrets and logs ---------------------------------------------------------------------------

_SECRET_LITERALS = [
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    re.compile(r"(?i)\bsecret_key\s*=\s*['\"][^'\"]{8,}['\"]"),
    # a URL with a password, unless the documentation's placeholder (user:password@host)
    re.compile(r"(?i)(postgres(ql)?|redis|rediss)://[^/\s:@'\"]*:(?!password@)[^@\s'\"$<{]+@"),
    re.compile(r"\bgh[pousr]_[A-Za-z0-9]{30,}\b"),
    re.compile(r"\bxox[baprs]-[A-Za-z0-9-]{10,}"),
]


def test_no_secrets_in_the_repo():
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.split(
        b"\0"
    )
    hits = []
    for name in filter(None, files):
        rel = name.decode()
        if rel == "tests/test_security.py":
            continue
        path = ROOT / rel
        if Path(rel).name in (".env", "dev-secret-key") or rel.startswith("var/"):
            hits.append(f"{rel}: tracked secret file")
            continue
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        try:
            text = path.read_text()
        except UnicodeDecodeError:
            continue
        hits += [f"{rel}: {p.pattern}" for p in _SECRET_LITERALS if p.search(text)]
    assert hits == []
    settings_text = (ROOT / "nexa" / "settings.py").read_text()
    assert 'env.str("SECRET_KEY"' in settings_text


def test_logs_carry_no_password_or_token(caplog, client, user, settings):
    settings.NEXA_SUBMIT_RATE = "1/min"
    password = "Hunter2-very-secret-pw"
    api = token_client(user)
    token = Token.objects.get(user=user).key
    with caplog.at_level(logging.DEBUG):
        client.post("/accounts/login/", {"username": "crew", "password": password})
        for _ in range(6):  # through the lockout
            client.post("/accounts/login/", {"username": "crew", "password": password})
        submit(api, "log1")
        submit(api, "log2")  # throttled
        bad = APIClient()
        bad.credentials(HTTP_AUTHORIZATION="Token deadbeef" + token[8:])
        bad.get("/spec-library")
        api.get(f"/job-result/{uuid.uuid4()}")
    text = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert caplog.records  # the failures were logged
    for secret in (password, token, token[8:], "Authorization", "crew"):
        assert secret not in text, secret


def test_redact_filter():
    assert redact("Authorization: Token 0123456789abcdef0123") == "Authorization: [redacted]"
    assert "abc123def456" not in redact("got Token abc123def456xyz")
    assert "hunter2" not in redact("password=hunter2&user=x")
    assert "s3cr3t" not in redact("{'password': 's3cr3t'}")
    assert "zzzsession" not in redact("sessionid=zzzsession; path=/")
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "login %s", ("password=hunter2",), None)
    from nexa.security import RedactSecretsFilter

    assert RedactSecretsFilter().filter(record) and "hunter2" not in record.getMessage()


# --- the web keeps answering while the queues are full ------------------------------------------


def test_submit_and_poll_answer_while_workers_are_saturated(settings, user, staff_user):
    """No worker runs: 150 jobs pile up in the queues. Submitting and polling still answer at
    once (they only write and read the database and push ids to Redis)."""
    settings.NEXA_SUBMIT_RATE = ""
    api = token_client(user)
    ids = []
    for i in range(150):
        response = submit(api, f"load{i}")
        assert response.status_code == 202
        ids.append(response.json()["job_id"])
    started = time.monotonic()
    response = submit(api, "load-last")
    assert response.status_code == 202 and response.json()["status"] == "PENDING"
    poll = api.get(f"/job-result/{response.json()['job_id']}")
    assert poll.status_code == 200 and poll.json()["status"] == "PENDING"
    assert api.get(f"/job-result/{ids[0]}").json()["status"] == "PENDING"
    assert time.monotonic() - started < 5  # generous: functional, not a benchmark
    status = token_client(staff_user).get("/queue-status").json()
    assert sum(status["queues"].values()) >= 151
    assert status["status"] == "no_workers"
