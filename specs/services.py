"""Spec import: store an upload, dedupe by SHA-256, extract, parse into clauses, supersede.

Every import path (web form, ``POST /upload-specs``, ``manage.py import_specs``) calls
:func:`register_upload` and then runs :func:`import_document` (on RQ through ``specs.tasks``,
or synchronously in the command).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from engine import (
    LOOKS_LIKE_AUDIT,
    PdfError,
    audit_not_spec,
    count_pages,
    extraction_allowance,
    parse_spec,
    read_pdf,
)
from nexa.storage import clean_filename
from specs.models import IMPORT_ERROR, SpecClause, SpecDocument, Supersession

log = logging.getLogger(__name__)

QUEUE = "default"
IMPORT_MARGIN_SECONDS = 120  # parsing and saving the clauses, on top of the extraction allowance


@dataclass
class Registration:
    """The outcome of :func:`register_upload` for one file.

    ``duplicate_of`` is set when the same bytes are already in the library (not re-imported);
    ``queued`` is True when an import must run (new document, or a FAILED one retried).
    """

    document: SpecDocument
    duplicate_of: SpecDocument | None = None
    queued: bool = False

    @property
    def status(self) -> str:
        if self.duplicate_of is not None:
            return "duplicate"
        return "queued" if self.queued else "failed"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def register_upload(data: bytes, filename: str, user=None) -> Registration:
    """Store one uploaded spec file and create its ``SpecDocument`` (status PENDING).

    Args:
        data: the file's bytes (any size: limits are checked by the import and reported as
            ``too_large``, so the row and its error exist).
        filename: the client's file name (only its last component is kept, for display and as the
            fallback document number); the file is stored under a generated name.
        user: the uploader, or None (command line).

    Returns:
        Registration. Same bytes as a READY/PENDING/PROCESSING document: ``duplicate_of`` is that
        document and nothing is stored. Same bytes as a FAILED document: that row is reset to
        PENDING and ``queued`` is True (a retry, e.g. after raising a limit).
    """
    digest = sha256_of(data)
    name = clean_filename(filename)
    with transaction.atomic():
        existing = SpecDocument.objects.select_for_update().filter(sha256=digest).first()
        if existing is not None:
            if existing.status != SpecDocument.Status.FAILED:
                return Registration(existing, duplicate_of=existing)
            existing.status = SpecDocument.Status.PENDING
            existing.error_code = ""
            existing.error_message = ""
            existing.original_filename = name
            if user is not None:
                existing.uploaded_by = user
            if not existing.file or not existing.file.storage.exists(existing.file.name):
                existing.file.save(name, ContentFile(data), save=False)
            existing.save()
            return Registration(existing, queued=True)
        doc = SpecDocument(
            original_filename=name,
            sha256=digest,
            size_bytes=len(data),
            uploaded_by=user,
            status=SpecDocument.Status.PENDING,
        )
        doc.file.save(name, ContentFile(data), save=False)
        doc.save()
    return Registration(doc, queued=True)


def register_refused(
    chunks, size: int, filename: str, user=None, *, code: str, message: str, sha256: str | None = None
) -> Registration:
    """Record an upload the cheap checks refused (``nexa.uploads.check_upload``: ``too_large`` above
    ``NEXA_MAX_UPLOAD_BYTES``, ``not_a_pdf``) as a FAILED document with ``code`` and ``message``,
    without storing its bytes or queuing an import.

    Args:
        chunks: an iterable of ``bytes`` (e.g. ``UploadedFile.chunks()``), hashed as it streams.
        size: the upload's size in bytes.
        sha256: the hex SHA-256 when already known (``streamed_sha256`` of ``nexa.uploads``);
            ``chunks`` is then not read.

    Returns:
        Registration (``queued`` False); the same bytes already in the library: ``duplicate_of``.
    """
    if sha256 is None:
        digest = hashlib.sha256()
        for chunk in chunks:
            digest.update(chunk)
        sha256 = digest.hexdigest()
    with transaction.atomic():
        existing = SpecDocument.objects.filter(sha256=sha256).first()
        if existing is not None and existing.status != SpecDocument.Status.FAILED:
            return Registration(existing, duplicate_of=existing)
        doc = existing or SpecDocument(sha256=sha256, uploaded_by=user)
        doc.original_filename = clean_filename(filename)
        doc.size_bytes = size
        doc.status = SpecDocument.Status.FAILED
        doc.error_code = code
        doc.error_message = message
        doc.imported_at = timezone.now()
        doc.save()
    return Registration(doc)


def import_job_id(document_id: int) -> str:
    """The RQ job id of a document's import: fixed per document, so the reconciler can find it."""
    return f"spec-import-{document_id}"


def import_timeout(document: SpecDocument) -> int:
    """RQ job timeout (seconds) for importing ``document``: the extraction allowance for its page
    count (``engine.pdftext.extraction_allowance``: 60 + 60 s + 0.5 s a page) plus
    ``IMPORT_MARGIN_SECONDS``, and never below ``settings.RQ_JOB_TIMEOUT``. The page count is the
    stored one, else counted from the file, else ``NEXA_MAX_SPEC_PAGES`` (the file cannot be
    opened quickly: the import reports why)."""
    pages = document.page_count
    if not pages:
        try:
            with document.file.open("rb") as fh:
                pages = count_pages(fh.read())
        except (OSError, ValueError):
            pages = None
    pages = min(pages or settings.NEXA_MAX_SPEC_PAGES, settings.NEXA_MAX_SPEC_PAGES)
    allowance = extraction_allowance(pages) + IMPORT_MARGIN_SECONDS
    return max(int(settings.RQ_JOB_TIMEOUT), int(allowance + 0.999))


def enqueue_import_now(document_id: int) -> bool:
    """Queue the import job of ``document_id`` now, with :func:`import_timeout`; False (logged)
    when Redis refuses it or the document is gone."""
    import django_rq

    try:
        document = SpecDocument.objects.filter(pk=document_id).first()
        if document is None:
            return False
        # commit_mode="auto": enqueue now, even inside an outer transaction (we are called on commit).
        queue = django_rq.get_queue(QUEUE, commit_mode="auto")
        old = queue.fetch_job(import_job_id(document_id))
        if old is not None:  # an earlier import's finished or dead job with the same id
            old.delete()
        queue.enqueue(
            "specs.tasks.import_spec",
            document_id,
            job_id=import_job_id(document_id),
            job_timeout=import_timeout(document),
        )
        return True
    except Exception as exc:  # Redis down: the row stays PENDING and the reconciler re-queues it
        log.error("enqueue of spec import %s failed: %s", document_id, exc)
        return False


WARM_UP_JOB_ID = "library-warm-up"
WARM_UP_TIMEOUT = 3600  # seconds: a 50,000-page library's snapshot takes minutes to build


def enqueue_library_warm_up() -> bool:
    """Queue ``jobs.tasks.warm_library`` (build the new library version's snapshot before the next
    audit needs it) unless one is already waiting; False (logged) when Redis refuses it."""
    import django_rq

    try:
        queue = django_rq.get_queue(QUEUE, commit_mode="auto")
        old = queue.fetch_job(WARM_UP_JOB_ID)
        if old is not None:
            if old.get_status(refresh=False) == "queued":
                return True
            old.delete()
        queue.enqueue("jobs.tasks.warm_library", job_id=WARM_UP_JOB_ID, job_timeout=WARM_UP_TIMEOUT)
        return True
    except Exception as exc:  # the first analysis builds the snapshot instead
        log.warning("could not queue the library warm-up: %s", exc)
        return False


def enqueue_import(document: SpecDocument) -> None:
    """Queue the import job for ``document`` once the current transaction commits."""
    pk = document.pk
    transaction.on_commit(lambda: enqueue_import_now(pk))


def revision_key(doc: SpecDocument) -> tuple:
    """Sort key for "which revision is newer": numeric revision, else letters, then date, then upload."""
    rev = (doc.revision or "").strip()
    m = re.match(r"^(\d+)(?:\.(\d+))?", rev)
    if m:
        rev_key = (2, int(m.group(1)), int(m.group(2) or 0), rev)
    elif rev:
        rev_key = (1, 0, 0, rev.upper().rjust(4))
    else:
        rev_key = (0, 0, 0, "")
    return (rev_key, doc.effective_date or dt.date.min, doc.uploaded_at, doc.pk)


_TITLE_WORD = re.compile(r"[a-z0-9]+")
_TITLE_PART = re.compile(
    r"\b(?:section|sections|part|volume|chapter|appendix)\s+([a-z0-9]+(?:\s*-\s*[a-z0-9]+)?)"
)
_TITLE_STOP = frozenset("the a an of and for to in on by with excerpt library rev revision".split())


def same_title_family(a: str, b: str) -> bool:
    """Do two titles name the same document (``"Overhead Conductor Clearances"`` and ``"OVERHEAD CONDUCTOR
    CLEARANCES (Rev. 7)"``)? Six in ten of the longer title's words are shared and no part designator
    differs ("Section III" / "Section V"); an empty title matches.

    A number reused for another document (``GO-95`` for "Section III-IV" and for "Section V", or two
    utilities' ``UG-1``) must not let one supersede the other.
    """
    parts_a, parts_b = (
        set(_TITLE_PART.findall((a or "").lower())),
        set(_TITLE_PART.findall((b or "").lower())),
    )
    if parts_a and parts_b and parts_a != parts_b:
        return False  # "Section III ..." and "Section V ...": two parts of one order
    wa = {w for w in _TITLE_WORD.findall((a or "").lower()) if w not in _TITLE_STOP}
    wb = {w for w in _TITLE_WORD.findall((b or "").lower()) if w not in _TITLE_STOP}
    if not wa or not wb:
        return True
    return len(wa & wb) >= 0.6 * max(len(wa), len(wb))


def live_with_number(number: str) -> list[SpecDocument]:
    """The READY, not retired, not duplicate documents numbered ``number``, locked for update, by id."""
    return list(
        SpecDocument.objects.select_for_update()
        .filter(
            document_number=number,
            status=SpecDocument.Status.READY,
            retired_at__isnull=True,
            duplicate_of__isnull=True,
        )
        .order_by("pk")
    )


def balance_family(
    family: list[SpecDocument], *, by=None, cause: str = ""
) -> tuple[SpecDocument, list[tuple[SpecDocument, SpecDocument | None]]]:
    """Keep the newest revision of one title ``family`` active and mark the others superseded by it;
    each change is recorded as a ``Supersession`` (``by``: the user who caused it, ``cause``: how).

    Returns the newest document and the ``(document, new superseded_by)`` pairs that changed (saved).
    """
    newest = max(family, key=revision_key)
    changed = []
    for other in family:
        target = None if other.pk == newest.pk else newest
        if other.superseded_by_id != (target.pk if target else None):
            SpecDocument.objects.filter(pk=other.pk).update(superseded_by=target)
            other.superseded_by = target
            changed.append((other, target))
            Supersession.objects.create(
                document=other,
                superseded_by=target,
                replaced_label=describe(target)[:400] if target else "",
                by=by if getattr(by, "pk", None) else None,
                cause=cause[:300],
            )
    return newest, changed


def _supersede(doc: SpecDocument) -> None:
    """Among READY documents with ``doc``'s number and title family, keep the newest revision active and
    mark the others superseded by it. Documents that share the number but not the title family are
    all kept, and ``doc.import_note`` says so; it also names what ``doc`` supersedes or is superseded by.
    """
    if not doc.document_number:
        return
    same = live_with_number(doc.document_number)
    if not same:
        return
    twin = next(
        (
            d
            for d in same
            if d.pk != doc.pk
            and same_title_family(d.title, doc.title)
            and _same_revision(d.revision, doc.revision)
        ),
        None,
    )
    if twin is not None and doc.pk in {d.pk for d in same}:
        # a re-saved copy of a document already active: the library keeps the active one until staff decide
        doc.duplicate_of, doc.superseded_by = twin, None
        doc.import_note = (
            f"Same number and revision as {describe(twin)}, already in the library: that copy stays active. "
            "Staff can replace it with this one, or delete this one."
        )
        SpecDocument.objects.filter(pk=doc.pk).update(
            duplicate_of=twin, superseded_by=None, import_note=doc.import_note
        )
        return
    family = [d for d in same if d.pk == doc.pk or same_title_family(d.title, doc.title)]
    others = [d for d in same if d not in family]
    newest, changed = balance_family(family, by=doc.uploaded_by, cause=f"import of {doc.original_filename}")
    notes = [
        f"Supersedes {describe(other)}."
        for other, target in changed
        if target is not None and target.pk == doc.pk
    ]
    doc.superseded_by = None if doc.pk == newest.pk else newest
    if doc.superseded_by is not None:
        notes.append(f"Superseded by {describe(newest)}, a newer revision already in the library.")
    if others:
        notes.append(
            f"Number {doc.document_number} is also used by "
            + "; ".join(describe(o) for o in others)
            + " with another title: both are kept in the library."
        )
    doc.import_note = " ".join(notes)
    SpecDocument.objects.filter(pk=doc.pk).update(import_note=doc.import_note)


def _same_revision(a: str, b: str) -> bool:
    """``"07"`` and ``"Rev. 7"`` are one revision; two empty revisions are too."""
    norm = lambda r: re.sub(r"^(?:rev(?:ision)?\.?\s*)", "", (r or "").strip().lower()).lstrip("0") or "0"  # noqa: E731
    return norm(a) == norm(b)


class SpecImportLifecycle:
    """The ``SpecDocument`` row's side of ``jobs.runner.run_job`` (the lifecycle analysis jobs use
    too): PROCESSING while it runs, READY on success, FAILED with a code otherwise."""

    what = "The spec import"

    def __init__(self, document_id: int):
        self.document_id = document_id
        self.label = f"spec import {document_id}"

    def _row(self):
        return SpecDocument.objects.filter(pk=self.document_id)

    def claim(self) -> bool:
        """Any state but PROCESSING -> PROCESSING; False when another run has it or it is gone."""
        return bool(
            self._row()
            .exclude(status=SpecDocument.Status.PROCESSING)
            .update(status=SpecDocument.Status.PROCESSING, error_code="", error_message="")
        )

    def progress(self, stage: str, percent: int) -> None:
        """Spec imports record no stages (they take seconds)."""

    def succeed(self) -> None:
        """Nothing to add: :func:`_import` saved the READY document in its transaction."""

    def fail(self, code: str, message: str, traceback: str = "") -> None:
        """FAILED with ``code``; the traceback goes to the log (documents keep no traceback)."""
        self._row().update(
            status=SpecDocument.Status.FAILED,
            error_code=code[:32],
            error_message=message[:2000],
            imported_at=timezone.now(),
        )

    def back_to_pending(self, reason: str) -> None:
        """PENDING again (only if a retry is configured; imports are not retried by RQ)."""
        self._row().update(status=SpecDocument.Status.PENDING, error_message=reason[:2000])

    def timeout_seconds(self) -> float:
        """The RQ job's own timeout, else ``settings.RQ_JOB_TIMEOUT``."""
        from jobs.runner import current_rq_job

        current = current_rq_job()
        return float(getattr(current, "timeout", None) or settings.RQ_JOB_TIMEOUT)


class _StoredFileLost(PdfError):
    """The stored file could not be read: ``import_error``."""


def _import(document_id: int) -> None:
    doc = SpecDocument.objects.get(pk=document_id)
    try:
        with doc.file.open("rb") as fh:
            data = fh.read()
    except (OSError, ValueError) as exc:
        raise _StoredFileLost(
            IMPORT_ERROR, f"The stored file could not be read ({exc.__class__.__name__})."
        ) from None
    text = read_pdf(
        data, max_bytes=settings.NEXA_MAX_UPLOAD_BYTES, max_pages=settings.NEXA_MAX_SPEC_PAGES, tables=True
    )
    parsed = parse_spec(text.pages, doc.original_filename)
    why = audit_not_spec(text.pages, parsed)
    if why:
        raise PdfError(LOOKS_LIKE_AUDIT, why)
    with transaction.atomic():
        doc = SpecDocument.objects.select_for_update().get(pk=doc.pk)
        doc.clauses.all().delete()
        SpecClause.objects.bulk_create(
            [
                SpecClause(
                    document=doc,
                    section=c.section[:32],
                    heading=c.heading[:300],
                    text=c.text,
                    kind=c.kind,
                    page=c.page,
                    order=c.order,
                    data=c.data or {},
                )
                for c in parsed.clauses
            ],
            batch_size=1000,
        )
        doc.document_number = parsed.document_number[:64]
        doc.title = parsed.title[:300]
        doc.revision = parsed.revision[:32]
        doc.effective_date = parsed.effective_date
        doc.page_count = text.page_count
        doc.size_bytes = len(data)
        doc.status = SpecDocument.Status.READY
        doc.imported_at = timezone.now()
        doc.save()
        _supersede(doc)


def import_document(document_id: int) -> SpecDocument | None:
    """Extract, parse and save the clauses of one stored spec document. Never raises.

    Runs through ``jobs.runner.run_job`` (the lifecycle analysis jobs share). Sets the document's
    number, title, revision, effective date and page count, replaces its clauses, marks it READY
    and supersedes older revisions of the same number; on bad input marks it FAILED with the
    ``PdfError`` code (``not_a_pdf``, ``corrupt_pdf``, ``encrypted``, ``no_text_layer``,
    ``too_large``, ``too_many_pages``, ``extraction_timeout``, ``too_complex``); a stored file
    that cannot be read: ``import_error``; past the RQ job timeout: ``timeout``; an unexpected
    error: ``internal_error``. A document another run is importing is left to it.

    Returns:
        The document (refreshed), or None if no document has this id (deleted meanwhile).
    """
    from jobs.runner import TRANSIENT_ERRORS, run_job

    if not SpecDocument.objects.filter(pk=document_id).exists():
        log.warning("spec import: document %s no longer exists", document_id)
        return None
    try:
        run_job(SpecImportLifecycle(document_id), lambda progress: _import(document_id))
    except TRANSIENT_ERRORS:
        log.exception("spec import of document %s: database or Redis unavailable", document_id)
    return SpecDocument.objects.filter(pk=document_id).first()


def describe(doc: SpecDocument) -> str:
    """``035010 Rev 07 "Overhead Conductor Clearances"`` for messages."""
    rev = f" Rev {doc.revision}" if doc.revision else ""
    title = f' "{doc.title}"' if doc.title else ""
    return f"{doc.document_number or doc.original_filename}{rev}{title}"
