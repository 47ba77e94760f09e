"""Staff pages with 100 audits and 50 specs: each page's server time and database queries.

The staff-pages issue asks that every page answer in under 200 ms with 100 audits and 50 specs in the
database, with no N+1 queries. ``run_pages`` is the ``pages`` section of ``make bench``;
``python -m benchmarks.pages`` runs it alone (well under a minute, no generated inputs needed).

The pages are requested through Django's test client in this process, against a throw-away database made
for the run (``bench-pages.sqlite3`` in the data dir, or ``test_<name>`` on PostgreSQL) and removed after,
so the bench library and its snapshots are never touched. The time is the server's for a whole response
(middleware, view, queries, template, a streamed file read to the end), not the network's. ``seed`` is
also the data of the query-count test (tests/test_web_pages.py), so both measure the same 100 audits and
50 specs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.report import Section

AUDITS, SPECS = 100, 50
TARGET_MS = 200.0
TINY_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
VERDICTS = ("REPEALABLE", "VALID", "NEEDS_REVIEW")


def spec_number(n: int) -> str:
    """The document number of the ``n``-th seeded spec: ``005010``, ``015010``, ..."""
    return f"{n:02d}5010"


def _clauses(doc, count: int = 30) -> list:
    """``count`` clauses over sections 4.1, 4.1.1, ... with a heading-only row, an exception, a 'should'."""
    from specs.models import SpecClause

    rows = []
    for i in range(count):
        section = f"4.{i // 3 + 1}" + ("" if i % 3 == 0 else f".{i % 3}")
        heading = f"Crossarms {i // 3 + 1}"
        if i % 3 == 0:
            text, kind = heading, "requirement"  # a heading alone
        elif i % 5 == 0:
            text, kind = (
                f"Exception: clause {i} of {doc.document_number} does not apply to braces.",
                "exception",
            )
        else:
            verb = "should" if i % 4 == 0 else "shall"
            text, kind = f"Crossarms {verb} be level within 2 degrees (clause {i}).", "requirement"
        rows.append(
            SpecClause(
                document=doc, section=section, heading=heading, text=text, kind=kind, page=i // 3 + 1, order=i
            )
        )
    return rows


def seed(owner, other, audits: int = AUDITS, specs: int = SPECS) -> dict:
    """Fill the database with ``audits`` analysed audits and ``specs`` spec documents, as a busy library has.

    Args:
        owner, other: two users; the audits alternate between them (``owner`` gets the even ones).
        audits: audits to make, each with three infractions (one finding per verdict citing a spec) and a
            job (Done, Queued, Failed or Running, in turn).
        specs: spec documents to make (at least 2), 30 clauses each. Most are active; a fifth (at most 10)
            share a number with an active one: a failed import, a re-saved duplicate, a retired copy, one
            still importing and older revisions it supersedes (with their revision history).

    Returns:
        ``{"audit": an analysed audit of ``owner``, "spec": a document with a revision history,
        "failed_spec": the failed one, "jobs": the job ids, newest first}``.
    """
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.utils import timezone

    from audits.models import Audit, Finding, Infraction
    from jobs.models import AnalysisJob
    from specs.models import SpecClause, SpecDocument, Supersession

    now = timezone.now()
    audit_file = default_storage.save("audits/bench-pages.pdf", ContentFile(TINY_PDF))
    spec_file = default_storage.save("specs/bench-pages.pdf", ContentFile(TINY_PDF))
    extra = max(1, min(10, specs // 5))  # the documents that are not the active revision of their number
    active = specs - extra
    docs = SpecDocument.objects.bulk_create(
        SpecDocument(
            document_number=spec_number(n if n < active else n - active),
            title="Overhead Construction",
            revision="07" if n < active else "06",
            original_filename=f"{spec_number(n)}.pdf",
            file=spec_file,
            sha256=f"{n:04d}".ljust(64, "c"),
            size_bytes=len(TINY_PDF),
            page_count=10,
            status=SpecDocument.Status.READY,
            imported_at=now,
        )
        for n in range(specs)
    )
    SpecClause.objects.bulk_create(clause for doc in docs for clause in _clauses(doc))
    older = docs[active:]
    history = []
    for i, doc in enumerate(older):
        newer = docs[i]
        if i == 0:
            doc.status, doc.error_code, doc.error_message = (
                "FAILED",
                "no_text_layer",
                "The PDF has no text layer.",
            )
        elif i == 1:
            doc.revision, doc.duplicate_of = "07", newer
            doc.import_note = (
                f"Same number and revision as {newer.document_number} Rev 07, already in the library."
            )
        elif i == 2:
            doc.retired_at = now
        elif i == 3:
            doc.status = "PENDING"
        else:
            doc.superseded_by = newer
            history.append(
                Supersession(document=doc, superseded_by=newer, replaced_label=str(newer), by=owner,
                             cause=f"import of {newer.original_filename}")
            )  # fmt: skip
    SpecDocument.objects.bulk_update(
        older, ["status", "error_code", "error_message", "revision", "duplicate_of", "import_note", "retired_at", "superseded_by"]
    )  # fmt: skip
    Supersession.objects.bulk_create(history)
    rows = Audit.objects.bulk_create(
        Audit(
            owner=owner if i % 2 == 0 else other,
            original_filename=f"A{i}.pdf",
            file=audit_file,
            sha256=f"{i:04d}".ljust(64, "a"),
            size_bytes=len(TINY_PDF),
            page_count=2,
            pm_number=f"{35000000 + i}",
            notification_number=f"{120000000 + i}",
            location="1234 Main St, Fresno",
            contractor="Acme Line Co",
            auditor="R. Jones",
            audit_date=dt.date(2025, 10, 8),
            score="82.35% (140/170)",
            analyzed_at=now,
        )
        for i in range(audits)
    )
    infractions = Infraction.objects.bulk_create(
        Infraction(audit=audit, order=k, code=f"Item {k + 1}", description=f"Finding {k + 1} of {audit.pm_number}.", page=1)
        for audit in rows
        for k in range(3)
    )  # fmt: skip
    Finding.objects.bulk_create(
        Finding(
            infraction=inf,
            verdict=VERDICTS[inf.order],
            confidence=0.825,
            reason="Measured 1.5 degrees; the clause allows 2 degrees.",
            citations=[
                {"document": spec_number(i % active), "title": "Overhead Construction", "revision": "07",
                 "section": "4.1.1", "page": 1, "quote": "Crossarms shall be level within 2 degrees.", "score": 0.9},
                {"document": spec_number((i + 1) % active), "revision": "07", "section": "4.2.1", "page": 2,
                 "quote": "A candidate clause.", "score": 0.5},
            ],
        )
        for i, inf in enumerate(infractions)
    )  # fmt: skip
    statuses = [AnalysisJob.Status.SUCCESS, AnalysisJob.Status.PENDING, AnalysisJob.Status.FAILURE, AnalysisJob.Status.PROCESSING]  # fmt: skip
    jobs = AnalysisJob.objects.bulk_create(
        AnalysisJob(
            audit=audit,
            owner=audit.owner,
            filename=audit.original_filename,
            status=statuses[i % 4],
            progress={"SUCCESS": 100, "PROCESSING": 45}.get(statuses[i % 4], 5),
            stage="matching" if statuses[i % 4] == "PROCESSING" else "",
            error_code="no_text_layer" if statuses[i % 4] == "FAILURE" else "",
            error_message="The PDF has no text layer." if statuses[i % 4] == "FAILURE" else "",
            started_at=now - dt.timedelta(seconds=3),
            finished_at=now if statuses[i % 4] in ("SUCCESS", "FAILURE") else None,
        )
        for i, audit in enumerate(rows)
    )
    return {
        "audit": rows[0],
        "spec": older[4] if len(older) > 4 else docs[0],
        "failed_spec": older[0],
        "jobs": [str(j.id) for j in reversed(jobs)],
        "specs": [d.pk for d in docs],
    }


def page_urls(seeded: dict) -> list[tuple[str, str]]:
    """``(label, url)`` of every staff page, for the seeded data (``seed``'s return value)."""
    from django.urls import reverse

    audit, spec = seeded["audit"], seeded["spec"]
    return [
        ("start page (redirect)", reverse("home")),
        ("upload audits", reverse("audits:upload")),
        ("jobs", reverse("jobs_web:list")),
        ("jobs, page 2", reverse("jobs_web:list") + "?page=2"),
        ("jobs, searched and filtered", reverse("jobs_web:list") + "?q=A1&status=SUCCESS&verdict=VALID&sort=name"),
        ("jobs progress JSON (25 jobs)", reverse("jobs_web:progress") + "?ids=" + ",".join(seeded["jobs"][:25])),
        ("report", reverse("audits:report", args=[audit.pk])),
        ("report, one verdict", reverse("audits:report", args=[audit.pk]) + "?verdict=VALID"),
        ("findings CSV", reverse("audits:csv", args=[audit.pk])),
        ("repeal request PDF", reverse("audits:repeal_pdf", args=[audit.pk])),
        ("original PDF", reverse("audits:download", args=[audit.pk])),
        ("spec library", reverse("specs_web:list")),
        ("spec library status JSON (50 specs)", reverse("specs_web:status") + "?ids=" + ",".join(map(str, seeded["specs"]))),
        ("spec page (30 clauses, history)", reverse("specs_web:detail", args=[spec.pk])),
        ("spec page of a failed import", reverse("specs_web:detail", args=[seeded["failed_spec"].pk])),
        ("spec PDF", reverse("specs_web:pdf", args=[spec.pk])),
        ("citation link (redirect)", reverse("specs_web:cite") + f"?document={spec.document_number}&revision=07&section=4.1.1"),
        ("upload specs (staff)", reverse("specs_web:upload")),
        ("admin index (staff)", reverse("admin:index")),
    ]  # fmt: skip


def _fetch(client, url: str):
    """GET ``url`` and read the whole body (a streamed file too); returns the response."""
    response = client.get(url)
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)
    else:
        _ = response.content  # rendered already; read like a client would
    return response


def measure(client, urls: list[tuple[str, str]], repeats: int = 7) -> list[dict]:
    """Each page's server time and queries for ``client``'s user.

    One warm-up request (templates, fonts), then ``repeats`` timed ones. Returns one
    ``{"page", "url", "status", "median_ms", "max_ms", "queries"}`` per url (milliseconds of wall time).
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    gc.collect()  # not the seeding's garbage inside a page's time
    out = []
    for label, url in urls:
        _fetch(client, url)
        with CaptureQueriesContext(connection) as queries:
            response = _fetch(client, url)
        count = len(queries)  # now: the next request clears the connection's query log
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            _fetch(client, url)
            times.append((time.perf_counter() - started) * 1000)
        out.append(
            {
                "page": label,
                "url": url,
                "status": response.status_code,
                "median_ms": round(statistics.median(times), 1),
                "max_ms": round(max(times), 1),
                "queries": count,
            }
        )
    return out


@contextlib.contextmanager
def throwaway_database(data_dir: Path):
    """A fresh, migrated database for the run (SQLite: a file in ``data_dir``), removed afterwards; the
    connection points back at the bench database on exit."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    test = connection.settings_dict.setdefault("TEST", {})
    saved = dict(test)
    if connection.vendor == "sqlite":
        test["NAME"] = str(Path(data_dir) / "bench-pages.sqlite3")
    old = setup_databases(verbosity=0, interactive=False)  # every alias: the settings have one
    try:
        yield
    finally:
        teardown_databases(old, verbosity=0)
        test.clear()
        test.update(saved)


def run_pages(ctx=None, repeats: int = 7) -> Section:
    """The ``pages`` section: every staff page's median and slowest time and its query count, for a staff
    member (who sees all 100 audits) and a crew member (their 50), with 100 audits and 50 specs."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client, override_settings

    data_dir = Path(ctx.data_dir) if ctx is not None else Path(settings.DATA_DIR)
    with (
        tempfile.TemporaryDirectory(prefix="bench-pages-media-") as media,
        override_settings(
            MEDIA_ROOT=media,
            SECURE_SSL_REDIRECT=False,
            ALLOWED_HOSTS=["testserver"],
            # static URLs without the hashed manifest (a dict look-up in production): no collectstatic needed
            STORAGES={
                **settings.STORAGES,
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            },
        ),
        throwaway_database(data_dir),
    ):
        users = get_user_model().objects
        staff = users.create_user("bench-pages-staff", is_staff=True, is_superuser=True)
        crew = users.create_user("bench-pages-crew")
        started = time.perf_counter()
        seeded = seed(crew, users.create_user("bench-pages-other"))
        seed_seconds = time.perf_counter() - started
        urls = page_urls(seeded)
        results = {}
        # a crew member's 403s on the staff-only pages are measured answers: Django would log each with its
        # traceback (django.request, WARNING), burying the bench's output
        request_log = logging.getLogger("django.request")
        level = request_log.level
        request_log.setLevel(logging.ERROR)
        try:
            for who, user in (("staff", staff), ("crew", crew)):
                client = Client()
                client.force_login(user)
                results[who] = measure(client, urls, repeats=repeats)
        finally:
            request_log.setLevel(level)
    section = Section("pages", f"Staff pages ({AUDITS} audits, {SPECS} specs in the database)")
    section.headers = ["page", "staff ms", "staff max ms", "queries", "crew ms", "crew queries", "status"]
    for staff_row, crew_row in zip(results["staff"], results["crew"], strict=True):
        section.rows.append(
            [
                staff_row["page"],
                staff_row["median_ms"],
                staff_row["max_ms"],
                staff_row["queries"],
                crew_row["median_ms"],
                crew_row["queries"],
                f"{staff_row['status']}/{crew_row['status']}",
            ]
        )
    every = results["staff"] + results["crew"]
    slowest = max(every, key=lambda r: r["median_ms"])
    section.figures = {
        "slowest_ms": slowest["median_ms"],
        "slowest_page": slowest["page"],
        "most_queries": max(r["queries"] for r in every),
        "target_ms": TARGET_MS,
        "repeats": repeats,
        "seed_seconds": round(seed_seconds, 2),
        "staff": results["staff"],
        "crew": results["crew"],
    }
    verdict = "under" if slowest["median_ms"] < TARGET_MS else "NOT under"
    section.notes.append(
        f"slowest page: {slowest['page']} at {slowest['median_ms']} ms (median of {repeats}), {verdict} the "
        f"{TARGET_MS:.0f} ms target; at most {section.figures['most_queries']} queries a page"
    )
    section.notes.append(
        "served in-process by Django's test client (no network) from a throw-away database; static URLs unhashed"
    )
    return section


def main(argv: list[str] | None = None) -> int:
    """``python -m benchmarks.pages [repeats]``: run the section alone and print it. Returns 0."""
    from benchmarks import env

    env.prepare_environment()
    env.setup_django(migrate=False)
    try:
        section = run_pages(repeats=int((argv or ["7"])[0]))
    finally:
        env.stop_embedded_redis()
    print(section.render())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
