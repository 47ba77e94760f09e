"""Web pages for audits: upload, report, original PDF download, CSV and repeal request exports.

Every view needs a login. Users reach only their own audits (another user's id answers 404);
staff reach all. The heavy lifting lives in ``jobs.services`` (submission) and ``audits.exports``.
"""

from __future__ import annotations

import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods

from audits import exports
from audits.forms import AuditUploadForm, refusal_message
from audits.models import Audit, Finding
from jobs.models import AnalysisJob, Batch
from jobs.services import submit_audit
from specs.models import active_documents

VERDICT_LABELS = {
    Finding.Verdict.VALID: "Valid",
    Finding.Verdict.REPEALABLE: "Repealable",
    Finding.Verdict.NEEDS_REVIEW: "Needs review",
}


def visible_to(user, queryset: QuerySet, owner_field: str = "owner") -> QuerySet:
    """``queryset`` narrowed to the rows ``user`` may see: all for staff, their own otherwise."""
    if user.is_staff:
        return queryset
    return queryset.filter(**{owner_field: user})


def _audit_for(request, pk: int) -> Audit:
    return get_object_or_404(visible_to(request.user, Audit.objects.all()), pk=pk)


@login_required
@require_GET
def home(request):
    """Send people to the jobs page when they have jobs, else to the upload page."""
    if visible_to(request.user, AnalysisJob.objects.all()).exists():
        return redirect("jobs_web:list")
    return redirect("audits:upload")


@login_required
@require_http_methods(["GET", "POST"])
def upload(request):
    """Upload one or many audit PDFs; each becomes an analysis job, then the jobs page opens.

    Several files at once form one batch. The good files of a submission go through and each refused
    one (empty, not a PDF, too large) is listed with its reason on the jobs page; refused files are not
    stored and get no job. When no file passes (or none was chosen, or too many), the form shows why
    next to the field and nothing starts.
    """
    form = AuditUploadForm(request.POST, request.FILES) if request.method == "POST" else AuditUploadForm()
    if request.method == "POST":
        if form.is_valid():
            files = form.cleaned_data["files"]
            with transaction.atomic():
                batch = Batch.objects.create(owner=request.user) if len(files) > 1 else None
                for upload_file in files:
                    submit_audit(request.user, upload_file, batch=batch)
            n = len(files)
            messages.success(request, f"{n} audit{'s' if n != 1 else ''} submitted for analysis.")
            refused = refusal_message(form)
            if refused:
                messages.warning(request, refused)
            return redirect("jobs_web:list")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "audits/upload.html",
        {"form": form, "library_empty": not active_documents().exists()},
        status=status,
    )


def verdict_counts(infractions) -> dict[str, int]:
    """``{"VALID": n, "REPEALABLE": n, "NEEDS_REVIEW": n}`` over loaded infractions."""
    counts = {v: 0 for v in Finding.Verdict.values}
    for inf in infractions:
        counts[exports.verdict_of(inf)] += 1
    return counts


def _loaded_infractions(audit: Audit) -> list:
    return list(audit.infractions.select_related("finding").order_by("order"))


def _verdict_filter(request) -> str:
    verdict = (request.GET.get("verdict") or "").upper()
    return verdict if verdict in Finding.Verdict.values else ""


@login_required
@require_GET
def report(request, pk: int):
    """The audit report: metadata, counts per verdict, infractions with citations (``?verdict=`` filters)."""
    audit = _audit_for(request, pk)
    infractions = _loaded_infractions(audit)
    counts = verdict_counts(infractions)
    verdict = _verdict_filter(request)
    shown = [
        {
            "infraction": inf,
            "finding": getattr(inf, "finding", None),
            "verdict": exports.verdict_of(inf),
            "label": VERDICT_LABELS[exports.verdict_of(inf)],
            "citations": [{**c, "label": exports.citation_label(c)} for c in exports.citations_of(inf)],
        }
        for inf in infractions
        if not verdict or exports.verdict_of(inf) == verdict
    ]
    job = audit.jobs.order_by("-created_at").first()
    filters = [("", "All", len(infractions))] + [
        (v, VERDICT_LABELS[v], counts[v]) for v in Finding.Verdict.values
    ]
    return render(
        request,
        "audits/report.html",
        {
            "audit": audit,
            "job": job,
            "rows": shown,
            "total": len(infractions),
            "counts": counts,
            "verdict": verdict,
            "verdict_label": VERDICT_LABELS.get(verdict, ""),
            "filters": filters,
            "analyzed": audit.analyzed_at is not None,
        },
    )


@login_required
@require_GET
def download(request, pk: int):
    """The audit's original PDF, under the name it was uploaded with."""
    audit = _audit_for(request, pk)
    try:
        handle = audit.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404("The original file is no longer stored.") from exc
    return FileResponse(
        handle, as_attachment=True, filename=audit.original_filename, content_type="application/pdf"
    )


def _stem(audit: Audit) -> str:
    return os.path.splitext(audit.original_filename)[0] or f"audit-{audit.pk}"


@login_required
@require_GET
def findings_csv(request, pk: int):
    """The findings as CSV (UTF-8 with BOM for spreadsheets); honours ``?verdict=``."""
    audit = _audit_for(request, pk)
    verdict = _verdict_filter(request)
    infractions = [i for i in _loaded_infractions(audit) if not verdict or exports.verdict_of(i) == verdict]
    response = HttpResponse(
        "\ufeff" + exports.findings_csv(audit, infractions), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(True, f"{_stem(audit)}-findings.csv")
    return response


@login_required
@require_GET
def repeal_request(request, pk: int):
    """The repeal request PDF: one section per REPEALABLE infraction with its cited clauses."""
    audit = _audit_for(request, pk)
    data = exports.repeal_request_pdf(audit, _loaded_infractions(audit))
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, f"{_stem(audit)}-repeal-request.pdf")
    return response
