"""Spec library API: POST /upload-specs (queued on RQ, real Redis) and GET /spec-library."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from specs.models import SpecDocument, library_version
from tests.shared_data import SHARED, needs_shared

pytestmark = [pytest.mark.django_db(transaction=True), needs_shared]

DEV_SPECS = sorted((SHARED / "eval" / "dev" / "specs").glob("*.pdf"))


@pytest.fixture
def api(staff_api):
    """The spec library is changed by staff: this module's client is a staff member's."""
    return staff_api


def _files(*paths):
    return [SimpleUploadedFile(p.name, p.read_bytes(), content_type="application/pdf") for p in paths]


def upload(api, *paths, extra=None):
    files = _files(*paths) + (extra or [])
    return api.post("/upload-specs", {"files": files}, format="multipart")


def test_both_endpoints_need_auth():
    anon = APIClient()
    assert anon.get("/spec-library").status_code in (401, 403)
    assert anon.post("/upload-specs", {"files": _files(DEV_SPECS[0])}, format="multipart").status_code in (
        401,
        403,
    )
    assert not SpecDocument.objects.exists()


def test_only_staff_change_the_library_and_everyone_reads_it(user):
    """Real-standards/security: a non-staff user's spec upload is refused (403 in the API error shape) and
    nothing is stored; the same user reads the library."""
    from rest_framework.authtoken.models import Token

    crew = APIClient()
    crew.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    res = crew.post("/upload-specs", {"files": _files(DEV_SPECS[0])}, format="multipart")
    assert res.status_code == 403
    assert res.json()["error"]["code"] == "permission_denied"
    assert "staff" in res.json()["error"]["message"]
    assert not SpecDocument.objects.exists()
    assert crew.get("/spec-library").status_code == 200


def test_upload_queues_imports_that_the_worker_runs(api, run_jobs, redis_conn):
    res = upload(api, DEV_SPECS[0], DEV_SPECS[4])
    assert res.status_code == 202
    body = res.json()
    assert body["queued"] == 2 and body["duplicates"] == 0
    assert [f["status"] for f in body["files"]] == ["queued", "queued"]
    assert [f["filename"] for f in body["files"]] == ["035010.pdf", "063010.pdf"]
    ids = [f["document_id"] for f in body["files"]]
    assert set(SpecDocument.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"PENDING"}
    import django_rq

    assert django_rq.get_queue("default").count == 2
    run_jobs(("default",))
    docs = SpecDocument.objects.filter(pk__in=ids).order_by("document_number")
    assert [(d.document_number, d.status) for d in docs] == [("035010", "READY"), ("063010", "READY")]
    clause = docs[1].clauses.get(section="3.3")
    assert (clause.kind, clause.page) == ("exception", 2)


def test_all_duplicates_is_409_and_mixed_is_202(api, run_jobs):
    assert upload(api, DEV_SPECS[0]).status_code == 202
    run_jobs(("default",))
    dup = upload(api, DEV_SPECS[0])
    assert dup.status_code == 409
    (item,) = dup.json()["files"]
    assert item["status"] == "duplicate"
    assert item["duplicate_of"]["document_number"] == "035010" and item["duplicate_of"]["revision"] == "07"
    mixed = upload(api, DEV_SPECS[0], DEV_SPECS[1])
    assert mixed.status_code == 202
    assert [f["status"] for f in mixed.json()["files"]] == ["duplicate", "queued"]
    assert SpecDocument.objects.count() == 2


def test_no_files_is_400(api):
    res = api.post("/upload-specs", {}, format="multipart")
    assert res.status_code == 400 and res.json()["error"]["code"] == "no_file"


def test_bad_file_fails_in_the_job_and_is_listed_with_its_error(api, run_jobs):
    bad = SimpleUploadedFile(
        "scan.pdf", b"%PDF-1.4\n garbage without objects", content_type="application/pdf"
    )
    res = upload(api, extra=[bad])
    assert res.status_code == 202
    run_jobs(("default",))
    lib = api.get("/spec-library").json()
    (doc,) = lib["documents"]
    assert doc["status"] == "FAILED"
    assert doc["error"]["code"] == "corrupt_pdf"


def test_spec_library_lists_documents_without_n_plus_one(api, run_jobs, django_assert_max_num_queries):
    upload(api, *DEV_SPECS)
    run_jobs(("default",))
    with django_assert_max_num_queries(6):
        res = api.get("/spec-library")
    assert res.status_code == 200
    body = res.json()
    assert body["count"] == 6 and body["library_version"] == library_version()
    by_number = {d["document_number"]: d for d in body["documents"]}
    d = by_number["035010"]
    assert d["title"] == "Overhead Conductor Clearances" and d["revision"] == "07"
    assert d["pages"] == 2 and d["status"] == "READY" and d["superseded"] is False
    assert d["clause_count"] == SpecDocument.objects.get(document_number="035010").clauses.count() > 10
    assert len(d["hash_prefix"]) == 12
    assert SpecDocument.objects.get(pk=d["id"]).sha256.startswith(d["hash_prefix"])


def test_schema_documents_the_spec_endpoints(api):
    res = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert res.status_code == 200
    text = res.content.decode()
    assert "/upload-specs" in text and "/spec-library" in text


def test_oversized_upload_is_recorded_failed_without_storing(api, settings, run_jobs):
    settings.NEXA_MAX_UPLOAD_BYTES = 1000
    res = upload(api, DEV_SPECS[0])
    assert res.status_code == 413  # refused at once, as an oversized audit is
    (item,) = res.json()["files"]
    assert item["status"] == "failed" and item["error"]["code"] == "too_large"
    doc = SpecDocument.objects.get(pk=item["document_id"])
    assert (doc.status, doc.error_code, doc.file.name) == ("FAILED", "too_large", "")
    # raising the limit and sending the same bytes again retries the same document
    settings.NEXA_MAX_UPLOAD_BYTES = 10_000_000
    again = upload(api, DEV_SPECS[0])
    assert again.status_code == 202 and again.json()["files"][0]["status"] == "queued"
    assert again.json()["files"][0]["document_id"] == doc.pk
    run_jobs(("default",))
    doc.refresh_from_db()
    assert (doc.status, doc.document_number) == ("READY", "035010")


def test_a_file_that_is_no_pdf_is_refused_at_once_and_recorded(api, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        res = api.post(
            "/upload-specs",
            {
                "files": [
                    SimpleUploadedFile(
                        "notes.pdf", b"meeting notes, not a PDF", content_type="application/pdf"
                    )
                ]
            },
            format="multipart",
        )
    assert res.status_code == 400
    (item,) = res.json()["files"]
    assert item["status"] == "failed" and item["error"]["code"] == "not_a_pdf"
    assert res.json()["error"]["code"] == "not_a_pdf"  # the API's one error shape
    doc = SpecDocument.objects.get(pk=item["document_id"])
    assert (doc.status, doc.error_code, doc.file.name) == ("FAILED", "not_a_pdf", "")
    import django_rq

    assert django_rq.get_queue("default").count == 0  # no import queued to fail later


def test_more_files_than_the_batch_limit_is_400_and_stores_nothing(api, settings):
    settings.NEXA_BATCH_MAX_FILES = 2
    files = [
        SimpleUploadedFile(f"spec-{i}.pdf", b"%PDF-1.4 spec " + bytes([i]), content_type="application/pdf")
        for i in range(3)
    ]
    res = api.post("/upload-specs", {"files": files}, format="multipart")
    assert res.status_code == 400
    error = res.json()["error"]
    assert error["code"] == "too_many_files"
    assert "at most 2 files" in error["message"] and "has 3" in error["message"]
    assert SpecDocument.objects.count() == 0
    assert api.get("/spec-library").json()["documents"] == []
