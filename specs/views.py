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
from django.db.models import Count, Q
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from audits.forms import MultiplePdfField, refusal_message
from engine import modality
from nexa.storage import clean_filename
from specs import services, upkeep
from specs.api import LIBRARY_STAFF_ONLY
from specs.models import SpecDocument, Supersession

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
        SpecDocument.objects.select_related("superseded_by", "duplicate_of")
        .annotate(clause_count=Count("clauses"))
        .order_by("document_number", "-uploaded_at")
    )
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    docs = list(page.object_list)
    return render(
        request,
        "specs/list.html",
        {
            "page": page,
            "documents": docs,
            "any_importing": any(d.library_state == "Importing" for d in docs),
        },
    )


def spec_state(doc: SpecDocument, user) -> dict:
    """What the library list shows for one document, for its live rows: ``{"id", "status", "state",
    "number", "title", "revision", "pages", "clauses", "note", "error"}``."""
    return {
        "id": doc.pk,
        "status": doc.status,
        "state": doc.library_state,
        "number": doc.document_number or doc.original_filename,
        "title": doc.title,
        "revision": doc.revision,
        "pages": doc.page_count,
        "clauses": getattr(doc, "clause_count", None),
        "note": doc.import_note,
        "error": (doc.error_message_for(user) + (f" ({doc.error_code})" if doc.error_code else ""))
        if doc.status == SpecDocument.Status.FAILED
        else "",
    }


@never_cache
@login_required
@require_GET
def spec_status(request):
    """JSON for the library list's script: ``{"documents": [spec_state...], "importing": bool}`` for
    ``?ids=1,2,3`` (at most 200)."""
    ids = [int(x) for x in (request.GET.get("ids") or "").split(",")[:200] if x.strip().isdigit()]
    docs = SpecDocument.objects.filter(pk__in=ids).annotate(clause_count=Count("clauses")) if ids else []
    states = [spec_state(d, request.user) for d in docs]
    return JsonResponse({"documents": states, "importing": any(s["state"] == "Importing" for s in states)})


ACTIONS = {
    "retire": upkeep.retire,
    "restore": upkeep.restore,
    "delete": upkeep.delete,
    "retry": upkeep.retry,
    "replace": upkeep.replace,
}


@login_required
@require_POST
def spec_action(request, pk: int, action: str):
    """A staff action on one document (``ACTIONS``: retire, restore, delete, retry, replace); the result
    is shown as a message on the page the user lands on: the library list when the form posts
    ``next=list`` (its duplicate question), else the document's page while it exists. Others get 403."""
    if not request.user.is_staff:
        raise PermissionDenied(LIBRARY_STAFF_ONLY)
    if action not in ACTIONS:
        raise Http404("No such action.")
    doc = get_object_or_404(SpecDocument.objects.select_related("duplicate_of", "superseded_by"), pk=pk)
    try:
        messages.success(request, ACTIONS[action](doc, by=request.user))
    except upkeep.UpkeepError as exc:
        messages.error(request, str(exc))
    if request.POST.get("next") != "list" and SpecDocument.objects.filter(pk=pk).exists():
        return redirect("specs_web:detail", pk=pk)
    return redirect("specs_web:list")


@login_required
@require_GET
def spec_cite(request):
    """A citation's link (``?document=&revision=&section=``): the cited document's page, at the section.
    The active copy of the number and revision is preferred, then any copy, then any revision."""
    number = (request.GET.get("document") or "").strip()
    revision = (request.GET.get("revision") or "").strip()
    section = (request.GET.get("section") or "").strip()
    docs = SpecDocument.objects.filter(document_number=number).order_by(
        "retired_at", "duplicate_of", "superseded_by", "-uploaded_at"
    )
    doc = docs.filter(revision=revision).first() or docs.first()
    if doc is None:
        raise Http404(f"Document {number} is not in the spec library.")
    url = reverse("specs_web:detail", args=[doc.pk])
    return redirect(f"{url}#{section_anchor(section)}" if section else url)


def section_anchor(section: str) -> str:
    """The HTML id of a section on a document's page: ``54.8-B`` -> ``sec-54-8-b``."""
    return "sec-" + (slugify(section.replace(".", "-")) or "none")


@login_required
@require_GET
def spec_pdf(request, pk: int):
    """The document's PDF, shown in the browser (``#page=N`` opens it at a page)."""
    doc = get_object_or_404(SpecDocument, pk=pk)
    try:
        handle = doc.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404("The PDF is no longer stored.") from exc
    return FileResponse(handle, filename=doc.original_filename, content_type="application/pdf")


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
        refused = refusal_message(form)
        if refused:
            messages.warning(request, refused)
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
    document = get_object_or_404(SpecDocument.objects.select_related("superseded_by", "duplicate_of"), pk=pk)
    clauses = document.clauses.only(
        "id", "document_id", "section", "heading", "text", "kind", "page", "order"
    ).order_by("order")
    groups = clause_groups(list(clauses))
    return render(
        request,
        "specs/detail.html",
        {
            "document": document,
            "groups": groups,
            "clause_count": sum(len(g["clauses"]) for g in groups),
            "cited_by": upkeep.cited_by_findings(document) if request.user.is_staff else 0,
            "history": Supersession.objects.filter(
                Q(document=document) | Q(superseded_by=document)
            ).select_related("document", "superseded_by", "by")[:50],
        },
    )


def parent_sections(section: str) -> list[str]:
    """The sections ``section`` sits under, outermost first: ``34.3-C(2)`` -> ``["34", "34.3", "34.3-C"]``,
    ``1.1.2`` -> ``["1", "1.1"]``, ``4`` -> ``[]``."""
    return [section[:i] for i, ch in enumerate(section) if i and ch in ".-("]


def clause_groups(clauses: list) -> list[dict]:
    """The clauses of a document's page, grouped by section in reading order.

    ``clauses``: the document's ``SpecClause`` rows ordered by ``order``. Returns one dict per section:
    ``{"section", "anchor", "heading", "under", "clauses": [(clause, badge)]}``. A heading alone (a
    requirement whose text is its heading) is no clause: it only names its section. ``heading`` is the
    section's own heading; a sub-section that carries the heading of a section above it (the parser hands
    ``1.1.1`` the heading of ``1.1``) gets ``heading`` "" and ``under`` ``"§1.1 Anchors"`` instead, so it is
    not shown under a title that is its parent's.
    """
    titles: dict[str, str] = {}  # section -> the first heading its rows carry
    for clause in clauses:
        if not titles.get(clause.section):
            titles[clause.section] = (clause.heading or "").split(" \u2014 ")[0].strip()
    groups: list[dict] = []
    for clause in clauses:
        if clause.kind == "requirement" and clause.text.strip() == (clause.heading or "").strip():
            continue  # a section heading alone: it names its section, it is no clause
        if not groups or groups[-1]["section"] != clause.section:
            heading, under = titles.get(clause.section, ""), ""
            for parent in parent_sections(clause.section):
                if heading and titles.get(parent) == heading:
                    heading, under = "", f"\u00a7{parent} {titles[parent]}"
                    break
            groups.append(
                {
                    "section": clause.section,
                    "anchor": section_anchor(clause.section),
                    "heading": heading,
                    "under": under,
                    "clauses": [],
                }
            )
        groups[-1]["clauses"].append((clause, clause_badge(clause)))
    return groups


def clause_badge(clause) -> str:
    """The badge a clause carries on its document's page, as the analysis reads it: Exception, Note, Table
    row, Definition, or for prose Requirement (shall / must), Recommendation (should) or Permission (may)."""
    if clause.kind != "requirement":
        return clause.get_kind_display()
    return {"recommended": "Recommendation", "permissive": "Permission"}.get(
        modality(clause.text), "Requirement"
    )
