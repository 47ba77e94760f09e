"""Web pages for the spec library: the list of documents, the upload form and one document's clauses.

The library is shared: every signed-in user reads it, staff change it. Imports go through the spec import
service (the same job the API and ``manage.py import_specs`` run).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from audits.forms import MultiplePdfField
from nexa.storage import clean_filename
from specs import services
from specs.api import LIBRARY_STAFF_ONLY
from specs.models import SpecDocument

PAGE_SIZE = 100


class SpecUploadForm(forms.Form):
    """One or many spec PDFs (up to ``settings.NEXA_BATCH_MAX_FILES``)."""

    files = MultiplePdfField(
        label="Spec PDFs",
        help_text="One or more construction standards in PDF format. A newer revision replaces the older one.",
    )


@login_required
@require_GET
def spec_list(request):
    """The library: number, title, revision, status, pages, clause count and what supersedes it."""
    documents = (
        SpecDocument.objects.select_related("superseded_by")
        .annotate(clause_count=Count("clauses"))
        .order_by("document_number", "-uploaded_at")
    )
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "specs/list.html", {"page": page, "documents": page.object_list})


@login_required
@require_http_methods(["GET", "POST"])
def spec_upload(request):
    """Upload one or many spec PDFs; each is stored and imported by the import job. Staff only (403):
    the library is shared and a new revision supersedes the one every user's analyses cite.

    Duplicates (the same bytes again) are reported, not re-imported. Form errors are shown next
    to the field and nothing is stored.
    """
    if not request.user.is_staff:
        raise PermissionDenied(LIBRARY_STAFF_ONLY)
    form = SpecUploadForm(request.POST, request.FILES) if request.method == "POST" else SpecUploadForm()
    if request.method == "POST" and form.is_valid():
        for text, level in _import_files(request.user, form.cleaned_data["files"]):
            messages.add_message(request, level, text)
        return redirect("specs_web:list")
    status = 400 if request.method == "POST" else 200
    return render(request, "specs/upload.html", {"form": form}, status=status)


def _import_files(user, files) -> list[tuple[str, int]]:
    """Register ``files`` with the spec import service and queue their imports.

    Returns one ``(message, level)`` per file: queued, or a duplicate of a document already in
    the library (not re-imported).
    """
    notes = []
    with transaction.atomic():
        for upload in files:
            upload.seek(0)
            reg = services.register_upload(upload.read(), upload.name, user)
            name = clean_filename(upload.name)
            if reg.duplicate_of is not None:
                notes.append(
                    (
                        f"{name} is already in the library as {services.describe(reg.duplicate_of)}; "
                        "it was not imported again.",
                        messages.WARNING,
                    )
                )
            else:
                services.enqueue_import(reg.document)
                notes.append((f"{name} was added and is being imported.", messages.SUCCESS))
    return notes


@login_required
@require_GET
def spec_detail(request, pk: int):
    """One document: its identifiers and its clauses grouped by section, with page numbers."""
    document = get_object_or_404(SpecDocument.objects.select_related("superseded_by"), pk=pk)
    clauses = document.clauses.only(
        "id", "document_id", "section", "heading", "text", "kind", "page", "order"
    ).order_by("order")
    return render(request, "specs/detail.html", {"document": document, "clauses": list(clauses)})
