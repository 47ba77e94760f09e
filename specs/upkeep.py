"""Library upkeep by staff: retire, restore, delete, retry a failed import, replace an active copy.

Views and the admin call these; each returns the sentence the user sees. Nothing leaves the library
without a word: a document that stored findings cite is retired instead of deleted, and every change
of the active set re-decides which revision of a number is active (``rebalance``).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from audits.models import Finding
from specs.models import SpecDocument
from specs.services import (
    balance_family,
    describe,
    enqueue_import,
    enqueue_library_warm_up,
    live_with_number,
    same_title_family,
)


class UpkeepError(Exception):
    """The action does not apply to this document (the message says why)."""


def cited_by_findings(doc: SpecDocument) -> int:
    """How many stored findings cite ``doc`` (its number and revision) in their citations."""
    if not doc.document_number:
        return 0
    n = 0
    for citations in Finding.objects.filter(citations__icontains=doc.document_number).values_list(
        "citations", flat=True
    ):
        n += any(
            c.get("document") == doc.document_number and str(c.get("revision") or "") == (doc.revision or "")
            for c in citations or []
            if isinstance(c, dict)
        )
    return n


def rebalance(number: str, *, by=None, cause: str = "") -> None:
    """Among the READY, not retired, not duplicate documents numbered ``number``, keep the newest revision
    of each title family active and mark the others superseded by it (retired ones supersede nothing).
    The active library changed: its snapshot is built by the warm-up job once this commits."""
    transaction.on_commit(enqueue_library_warm_up)
    if not number:
        return
    families: list[list[SpecDocument]] = []
    for doc in live_with_number(number):
        for fam in families:
            if same_title_family(fam[0].title, doc.title):
                fam.append(doc)
                break
        else:
            families.append([doc])
    for fam in families:
        balance_family(fam, by=by, cause=cause)
    SpecDocument.objects.filter(document_number=number, retired_at__isnull=False).update(superseded_by=None)


def retire(doc: SpecDocument, by=None) -> str:
    """Take ``doc`` out of the active library, keeping its row, file and clauses. Raises UpkeepError."""
    if doc.retired_at is not None:
        raise UpkeepError(f"{describe(doc)} is already retired.")
    with transaction.atomic():
        SpecDocument.objects.filter(pk=doc.pk).update(retired_at=timezone.now())
        rebalance(doc.document_number, by=by, cause=f"{describe(doc)} retired")
    return f"Retired {describe(doc)}: analyses no longer cite it. Restore it to bring it back."


def restore(doc: SpecDocument, by=None) -> str:
    """Bring a retired document back into the library (the newest revision of its number stays active)."""
    if doc.retired_at is None:
        raise UpkeepError(f"{describe(doc)} is not retired.")
    with transaction.atomic():
        SpecDocument.objects.filter(pk=doc.pk).update(retired_at=None)
        rebalance(doc.document_number, by=by, cause=f"{describe(doc)} restored")
    doc.refresh_from_db()
    if doc.superseded_by is not None:
        return (
            f"Restored {describe(doc)}; {describe(doc.superseded_by)} is newer and stays the active revision."
        )
    return f"Restored {describe(doc)} to the active library."


def delete(doc: SpecDocument, by=None) -> str:
    """Delete ``doc`` with its clauses and file; when stored findings cite it, retire it instead (their
    citations keep pointing at a document the library still holds) and say so."""
    cited = cited_by_findings(doc)
    if cited:
        if doc.retired_at is None:
            retire(doc, by=by)
        return (
            f"{describe(doc)} is cited by {cited} stored finding{'s' if cited != 1 else ''}, so it was retired "
            "instead of deleted: analyses no longer cite it, and the reports that do still open it."
        )
    name, number = describe(doc), doc.document_number
    with transaction.atomic():
        SpecDocument.objects.filter(duplicate_of=doc).update(duplicate_of=None)
        doc.delete()
        rebalance(number, by=by, cause=f"{name} deleted")
    try:
        doc.file.delete(save=False)
    except (OSError, ValueError):
        pass  # the row is gone; a stray file in storage is only disk
    return f"Deleted {name}."


def retry(doc: SpecDocument, by=None) -> str:
    """Queue a failed import again (same stored file)."""
    if doc.status != SpecDocument.Status.FAILED:
        raise UpkeepError(f"{describe(doc)} has not failed; there is nothing to retry.")
    with transaction.atomic():
        SpecDocument.objects.filter(pk=doc.pk).update(
            status=SpecDocument.Status.PENDING, error_code="", error_message=""
        )
        doc.refresh_from_db()
        enqueue_import(doc)
    return f"Import of {doc.original_filename} queued again."


def replace(doc: SpecDocument, by=None) -> str:
    """Make ``doc`` (a copy with the number and revision of an active document) the active copy; the one it
    duplicates is retired."""
    twin = doc.duplicate_of
    if twin is None:
        raise UpkeepError(f"{describe(doc)} is not waiting to replace another copy.")
    with transaction.atomic():
        SpecDocument.objects.filter(pk=twin.pk).update(retired_at=timezone.now(), superseded_by=None)
        SpecDocument.objects.filter(pk=doc.pk).update(
            duplicate_of=None,
            import_note=f"Replaced the copy uploaded {twin.uploaded_at:%Y-%m-%d}, now retired.",
        )
        rebalance(doc.document_number, by=by, cause=f"{doc.original_filename} replaced the earlier copy")
    return f"{doc.original_filename} is now the active copy of {describe(doc)}; the earlier copy is retired."
