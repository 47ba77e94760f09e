"""Uploaded PDFs on S3-compatible object storage (``NEXA_S3_BUCKET``; django-storages), so web and worker
machines share no disk. Tested against moto's S3 server started on loopback (a real HTTP server
speaking the S3 API), through the API and the worker, as the README's tour runs."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from moto.server import ThreadedMotoServer

from nexa import settings as nexa_settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SPEC = EXAMPLES / "OH-GR-310-down-guys-and-risers.pdf"
AUDIT = EXAMPLES / "audit-PM41870362.pdf"


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def _s3_env(endpoint: str, bucket: str) -> dict[str, str]:
    return {
        "NEXA_S3_BUCKET": bucket,
        "NEXA_S3_ENDPOINT_URL": endpoint,
        "NEXA_S3_REGION": "us-east-1",
        "NEXA_S3_ACCESS_KEY_ID": "nexa-test",
        "NEXA_S3_SECRET_ACCESS_KEY": "nexa-test-secret",
        "NEXA_S3_PREFIX": "nexa",
        "NEXA_S3_ADDRESSING_STYLE": "path",
    }


@pytest.fixture
def bucket(s3_endpoint, settings, tmp_path):
    """A new bucket on the loopback S3 server, and Nexa's uploads pointed at it.

    Returns ``(boto3 client, bucket name)``; ``settings.MEDIA_ROOT`` is an empty dir to check nothing
    lands on local disk.
    """
    name = f"nexa-{uuid.uuid4().hex[:12]}"
    env = _s3_env(s3_endpoint, name)
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id=env["NEXA_S3_ACCESS_KEY_ID"],
        aws_secret_access_key=env["NEXA_S3_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=name)
    settings.STORAGES = {**settings.STORAGES, "default": nexa_settings.s3_storage(env)}
    settings.MEDIA_ROOT = tmp_path / "media"
    return client, name


def _keys(client, name: str) -> list[str]:
    return sorted(o["Key"] for o in client.list_objects_v2(Bucket=name).get("Contents", []))


def _pdf(path: Path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type="application/pdf")


@pytest.mark.django_db(transaction=True)
def test_specs_and_audits_go_to_the_bucket_and_the_worker_reads_them_back(
    staff_api, run_jobs, bucket, settings
):
    api = staff_api  # specs are added by staff
    client, name = bucket
    res = api.post("/upload-specs", {"files": [_pdf(SPEC)]}, format="multipart")
    assert res.status_code == 202, res.content
    assert run_jobs(("default",))
    library = api.get("/spec-library").json()
    docs = library["documents"] if isinstance(library, dict) else library
    assert [d["status"] for d in docs] == ["READY"]

    res = api.post("/analyze-audit-async", {"file": _pdf(AUDIT)}, format="multipart")
    assert res.status_code == 202, res.content
    assert run_jobs()
    poll = api.get(res.json()["poll_url"]).json()
    assert poll["status"] == "SUCCESS", poll
    # the README tour's answer: the worker read the audit and the spec back from the bucket
    assert poll["result"]["summary"] == {"repealable": 3, "valid": 2, "needs_review": 1}

    keys = _keys(client, name)
    assert len(keys) == 2 and all(k.startswith("nexa/") and k.endswith(".pdf") for k in keys)
    assert {k.split("/")[1] for k in keys} == {"specs", "audits"}
    stored = {client.get_object(Bucket=name, Key=k)["Body"].read() for k in keys}
    assert stored == {SPEC.read_bytes(), AUDIT.read_bytes()}
    assert not Path(settings.MEDIA_ROOT).exists() or not any(Path(settings.MEDIA_ROOT).rglob("*.pdf"))


@pytest.mark.django_db(transaction=True)
def test_a_stored_audit_downloads_through_the_app(api, run_jobs, bucket, user):
    from audits.models import Audit

    res = api.post("/analyze-audit-async", {"file": _pdf(AUDIT)}, format="multipart")
    assert res.status_code == 202
    audit = Audit.objects.get()
    with audit.file.open("rb") as fh:
        assert fh.read() == AUDIT.read_bytes()
    assert audit.file.name.startswith("audits/") and audit.file.size == AUDIT.stat().st_size


def test_storage_is_local_disk_unless_the_bucket_is_set():
    assert nexa_settings.s3_storage({}) is None
    assert nexa_settings.s3_storage({"NEXA_S3_BUCKET": "  "}) is None
    entry = nexa_settings.s3_storage({"NEXA_S3_BUCKET": "b1", "NEXA_S3_PREFIX": "/x/"})
    assert entry["BACKEND"] == "storages.backends.s3.S3Storage"
    opts = entry["OPTIONS"]
    assert opts["bucket_name"] == "b1" and opts["location"] == "x"
    assert opts["endpoint_url"] is None and opts["access_key"] is None  # boto3's own chain then
    assert opts["default_acl"] is None and opts["file_overwrite"] is False


@pytest.mark.no_redis
def test_the_environment_switches_the_running_app_to_the_bucket(s3_endpoint, tmp_path):
    """A process started with NEXA_S3_BUCKET (as web and worker are) stores through S3."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "NEXA_"))}
    env.update(_s3_env(s3_endpoint, "nexa-env-check"), NEXA_DATA_DIR=str(tmp_path), DEBUG="1")
    env.pop("DATABASE_URL", None)
    boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="nexa-test",
        aws_secret_access_key="nexa-test-secret",
    ).create_bucket(Bucket="nexa-env-check")
    code = (
        "import django; django.setup()\n"
        "from django.core.files.base import ContentFile\n"
        "from django.core.files.storage import default_storage as s\n"
        "name = s.save('audits/probe.pdf', ContentFile(b'%PDF-probe'))\n"
        "print(type(s._wrapped).__name__, name, s.open(name).read().decode())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "nexa.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["S3Storage", "audits/probe.pdf", "%PDF-probe"]
    assert not (tmp_path / "media").exists()
