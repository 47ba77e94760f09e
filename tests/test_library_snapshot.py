"""The spec library is built once per library version and machine (audits.library), then read from its
snapshot: by a restarted worker, a second worker, the warm-up job queued after an import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings

from audits import library as library_mod
from engine import decide
from specs import upkeep
from specs.models import SpecDocument, library_version
from specs.services import WARM_UP_JOB_ID, enqueue_import_now, import_document, register_upload

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).parent / "corpora" / "realtext-go"
EXPECTED = json.loads((CORPUS / "expected.json").read_text())
TEXTS = [i["text"] for a in EXPECTED["audits"] for i in a.get("infractions", [])][:12]


@pytest.fixture(autouse=True)
def fresh_process():
    """Each test starts as a new worker: nothing held in memory, no snapshot on disk."""
    import shutil

    library_mod._cached = None
    shutil.rmtree(library_mod.snapshot_dir(), ignore_errors=True)
    yield
    library_mod._cached = None


def _import_corpus() -> list[SpecDocument]:
    docs = []
    for spec in EXPECTED["specs"]:
        path = CORPUS / spec["file"]
        reg = register_upload(path.read_bytes(), path.name)
        docs.append(import_document(reg.document.pk))
    assert all(d.status == SpecDocument.Status.READY for d in docs)
    return docs


def _outcomes(library) -> list[tuple]:
    return [
        (d.verdict, d.reason, [c["section"] for c in d.citations])
        for d in (decide(t, {}, library) for t in TEXTS)
    ]


def test_a_restarted_worker_reads_the_snapshot_instead_of_the_clauses(django_assert_num_queries):
    _import_corpus()
    version, built = library_mod.load_library()
    path = library_mod.snapshot_path(version)
    assert path.is_dir() and path.parent == Path(settings.DATA_DIR) / "library"
    library_mod._cached = None  # the worker restarts
    with django_assert_num_queries(1):  # the library version; no clause is read
        again_version, loaded = library_mod.load_library()
    assert again_version == version
    assert len(loaded) == len(built)
    assert _outcomes(loaded) == _outcomes(built)


def test_a_new_document_makes_a_new_snapshot_and_old_ones_are_pruned():
    docs = _import_corpus()
    first, _ = library_mod.load_library()
    upkeep.retire(docs[0])
    second, smaller = library_mod.load_library()
    assert second != first
    assert library_mod.snapshot_path(first).is_dir() and library_mod.snapshot_path(second).is_dir()
    assert docs[0].document_number not in {u.document for u in smaller.units}
    for other in docs[1:] * 2:  # retire and restore: a new library version each time
        other.refresh_from_db()
        (upkeep.restore if other.retired_at else upkeep.retire)(other)
        library_mod.load_library()
    kept = [p for p in library_mod.snapshot_dir().iterdir() if p.is_dir()]
    assert len(kept) == library_mod.KEEP_SNAPSHOTS


def test_reimporting_the_same_file_changes_the_library_version():
    docs = _import_corpus()
    before = library_version()
    import_document(docs[0].pk)  # same bytes, imported again (clauses replaced)
    assert library_version() != before


def test_a_damaged_snapshot_is_rebuilt(caplog):
    _import_corpus()
    version, built = library_mod.load_library()
    pickle_file = library_mod.snapshot_path(version) / "library.pickle"
    pickle_file.write_bytes(b"\x80\x05 torn write")
    library_mod._cached = None
    _, rebuilt = library_mod.load_library()
    assert "unreadable" in caplog.text
    assert len(rebuilt) == len(built)
    assert pickle_file.stat().st_size > 100  # saved whole again


def test_an_unwritable_data_dir_still_analyses(monkeypatch, caplog):
    _import_corpus()

    def disk_full(library, directory, **options):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(library_mod.snapshot, "save", disk_full)
    version, library = library_mod.load_library()
    assert not library_mod.snapshot_path(version).exists()
    assert "not saved" in caplog.text
    assert _outcomes(library)[0][0] in ("VALID", "REPEALABLE", "NEEDS_REVIEW")


def test_the_import_job_queues_the_warm_up_that_builds_the_snapshot(run_jobs):
    import django_rq

    path = CORPUS / EXPECTED["specs"][0]["file"]
    assert enqueue_import_now(register_upload(path.read_bytes(), path.name).document.pk)
    run_jobs()  # the import, then the warm-up it queued
    warm = django_rq.get_queue("default").fetch_job(WARM_UP_JOB_ID)
    assert warm is not None and warm.get_status() == "finished"
    assert warm.return_value() == library_version()
    assert library_mod.snapshot_path(library_version()).is_dir()


def test_the_warm_up_waits_while_imports_are_pending():
    _import_corpus()
    SpecDocument.objects.create(original_filename="next.pdf", sha256="0" * 64)  # PENDING
    assert library_mod.warm_library() == "deferred"
    assert not library_mod.snapshot_dir().exists() or not any(library_mod.snapshot_dir().iterdir())
