"""The spec library: construction standards and the clauses every verdict cites."""

import hashlib

from django.conf import settings
from django.db import models

from nexa.storage import spec_upload_to

IMPORT_ERROR = "import_error"  # an unexpected failure (a bug or a lost file), not bad input
IMPORT_ERROR_PUBLIC_MESSAGE = (
    "The import failed because of a problem on the server, not in the file. "
    "Staff have the details; ask them, or upload the file again later."
)


class SpecDocument(models.Model):
    """One imported standard (a PDF), e.g. document 035010 "Overhead Conductor Clearances" Rev. 07.

    Only ``READY`` documents that are not superseded are cited by analyses.
    """

    class Status(models.TextChoices):
        PENDING = "PENDING"
        PROCESSING = "PROCESSING"
        READY = "READY"
        FAILED = "FAILED"

    document_number = models.CharField(max_length=64, blank=True, db_index=True)
    title = models.CharField(max_length=300, blank=True)
    revision = models.CharField(max_length=32, blank=True)
    effective_date = models.DateField(null=True, blank=True)
    original_filename = models.CharField(max_length=255)
    file = models.FileField(upload_to=spec_upload_to, max_length=255)
    sha256 = models.CharField(max_length=64, unique=True)
    size_bytes = models.BigIntegerField(default=0)
    page_count = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    error_code = models.CharField(max_length=32, blank=True)
    error_message = models.TextField(blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="supersedes"
    )
    # retired by staff: kept (findings may cite it) but no longer part of the active library
    retired_at = models.DateTimeField(null=True, blank=True)
    # the same number, title family and revision as a document already active: kept out of the library
    # until staff choose to replace the active copy with it (or delete it)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    # what the import decided about the library beside this document, in words for the user:
    # "Supersedes GO-95 Rev. 03." or "Number GO-95 is also used by ... ; both are kept."
    import_note = models.TextField(blank=True)

    class Meta:
        ordering = ["document_number", "-uploaded_at"]

    def __str__(self):
        rev = f" Rev. {self.revision}" if self.revision else ""
        return f"{self.document_number or self.original_filename}{rev}"

    @property
    def library_state(self) -> str:
        """Where the document stands in the library, in words: Importing, Failed, Retired, Duplicate,
        Superseded or Active."""
        if self.status in (self.Status.PENDING, self.Status.PROCESSING):
            return "Importing"
        if self.status == self.Status.FAILED:
            return "Failed"
        if self.retired_at is not None:
            return "Retired"
        if self.duplicate_of_id:
            return "Duplicate"
        if self.superseded_by_id:
            return "Superseded"
        return "Active"

    def error_message_for(self, user) -> str:
        """The error message ``user`` may read. An ``import_error`` (an unexpected failure: its
        message carries raw exception text, paths or hosts) is shown in full to staff only; others
        read ``IMPORT_ERROR_PUBLIC_MESSAGE``. Messages of the other codes are Nexa's own words."""
        if self.error_code == IMPORT_ERROR and not getattr(user, "is_staff", False):
            return IMPORT_ERROR_PUBLIC_MESSAGE
        return self.error_message


class SpecClause(models.Model):
    """A citable unit of a spec: a numbered section, an exception, a note, a table row."""

    class Kind(models.TextChoices):
        REQUIREMENT = "requirement"
        EXCEPTION = "exception"
        NOTE = "note"
        TABLE_ROW = "table_row"
        DEFINITION = "definition"

    document = models.ForeignKey(SpecDocument, on_delete=models.CASCADE, related_name="clauses")
    section = models.CharField(max_length=32, blank=True, db_index=True)
    heading = models.CharField(max_length=300, blank=True)
    text = models.TextField()
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.REQUIREMENT)
    page = models.PositiveIntegerField(default=1)
    order = models.PositiveIntegerField(default=0)
    # Table rows: {"table": "Table 4-1 ...", "columns": [...], "cells": [...]}; free for other kinds.
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["document", "order"]

    def __str__(self):
        return f"{self.document.document_number} §{self.section} ({self.kind}, p. {self.page})"


class Supersession(models.Model):
    """One change of which revision is active: ``document`` became superseded by ``superseded_by``, or
    active again (``superseded_by`` empty), at ``at``, through ``cause`` (an import, a staff action),
    by ``by`` (the uploader or the staff member; empty for the command line). Kept while ``document``
    exists, shown on its page and on the page of the revision that replaced it."""

    document = models.ForeignKey(SpecDocument, on_delete=models.CASCADE, related_name="supersessions")
    superseded_by = models.ForeignKey(
        SpecDocument, null=True, blank=True, on_delete=models.SET_NULL, related_name="replacements"
    )
    replaced_label = models.CharField(max_length=400, blank=True)  # how superseded_by read at the time
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    cause = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        target = self.replaced_label or "nothing: active again"
        return f"{self.document} superseded by {target} ({self.cause})"


def active_documents():
    """READY documents that are not superseded, retired or an unconfirmed duplicate: the ones analyses cite."""
    return SpecDocument.objects.filter(
        status=SpecDocument.Status.READY,
        superseded_by__isnull=True,
        retired_at__isnull=True,
        duplicate_of__isnull=True,
    )


def library_version() -> str:
    """A short hash that changes whenever a READY document is added, replaced or removed.

    Derived from the ids, SHA-256 and import times of the active documents, so it needs no
    bookkeeping and a re-import of the same file changes it too; every cache of derived data
    (library snapshots, analysis results) is keyed by it.
    """
    rows = active_documents().order_by("pk").values_list("pk", "sha256", "imported_at")
    digest = hashlib.sha256(
        ";".join(f"{pk}:{sha}:{at.isoformat() if at else ''}" for pk, sha, at in rows).encode()
    ).hexdigest()
    return digest[:16]
