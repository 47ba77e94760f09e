"""Admin for audits, their infractions (go-backs) and the findings (verdicts) on them.

List pages annotate their counts and follow foreign keys in the same query (no N+1). The audit
list has the "Re-run against the current library" action (a new analysis job per audit).
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from audits.confidence import confidence_label
from audits.models import Audit, Finding, Infraction
from jobs.models import AnalysisJob


def _short(text: str, n: int = 90) -> str:
    return Truncator(text or "").chars(n)


def _finding(infraction: Infraction) -> Finding | None:
    try:
        return infraction.finding
    except ObjectDoesNotExist:
        return None


class InfractionInline(admin.TabularInline):
    """The audit's go-backs with their verdicts (read-only)."""

    model = Infraction
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ("order", "code", "page", "layout", "short_description", "verdict", "confidence")
    readonly_fields = fields

    def get_queryset(self, request):
        """Infractions with their finding in one query."""
        return super().get_queryset(request).select_related("finding")

    def has_add_permission(self, request, obj=None):
        """Infractions come from the analysis."""
        return False

    @admin.display(description="description")
    def short_description(self, obj):
        """The first 90 characters of the go-back text."""
        return _short(obj.description)

    @admin.display(description="verdict")
    def verdict(self, obj):
        """VALID / REPEALABLE / NEEDS_REVIEW, or "-" before analysis."""
        finding = _finding(obj)
        return finding.verdict if finding else "-"

    @admin.display(description="confidence")
    def confidence(self, obj):
        """The finding's confidence (0-1)."""
        finding = _finding(obj)
        return confidence_label(finding.confidence) if finding else "-"


class JobOfAuditInline(admin.TabularInline):
    """The audit's analysis jobs (read-only)."""

    model = AnalysisJob
    fk_name = "audit"
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ("status", "queue", "created_at", "finished_at", "attempts", "error_code", "worker_name")
    readonly_fields = fields
    verbose_name_plural = "analysis jobs"

    def has_add_permission(self, request, obj=None):
        """Use the re-run action to analyse again."""
        return False


@admin.register(Audit)
class AuditAdmin(admin.ModelAdmin):
    """Audits with their job identifiers, infraction counts by verdict and latest job status."""

    list_display = (
        "original_filename",
        "pm_number",
        "notification_number",
        "owner",
        "contractor",
        "audit_date",
        "infraction_count",
        "repealable_count",
        "valid_count",
        "review_count",
        "latest_job_status",
        "created_at",
    )
    list_filter = (
        ("audit_date", admin.DateFieldListFilter),
        ("created_at", admin.DateFieldListFilter),
        "engine_version",
    )
    search_fields = (
        "pm_number",
        "notification_number",
        "original_filename",
        "contractor",
        "location",
        "auditor",
        "sha256",
        "owner__username",
    )
    list_select_related = ("owner",)
    date_hierarchy = "created_at"
    actions = ("rerun_against_library",)
    inlines = (InfractionInline, JobOfAuditInline)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "original_filename",
                    "file",
                    "owner",
                    "pm_number",
                    "notification_number",
                    "location",
                    "contractor",
                    "foreman",
                    "auditor",
                    "audit_date",
                    "score",
                )
            },
        ),
        (
            "Analysis",
            {
                "fields": (
                    "verdict_summary",
                    "warnings",
                    "library_version",
                    "engine_version",
                    "analyzed_at",
                    "sha256",
                    "size_bytes",
                    "page_count",
                    "created_at",
                )
            },
        ),
    )
    readonly_fields = (
        "original_filename",
        "file",
        "owner",
        "verdict_summary",
        "warnings",
        "library_version",
        "engine_version",
        "analyzed_at",
        "sha256",
        "size_bytes",
        "page_count",
        "created_at",
    )

    def has_add_permission(self, request):
        """Audits are uploaded through the pages or the API."""
        return False

    def get_queryset(self, request):
        """Annotate infraction counts by verdict and the latest job's status (one query per page)."""
        v = Finding.Verdict
        latest = AnalysisJob.objects.filter(audit=OuterRef("pk")).order_by("-created_at").values("status")[:1]
        return (
            super()
            .get_queryset(request)
            .annotate(
                _infractions=Count("infractions", distinct=True),
                _repealable=Count("infractions", filter=Q(infractions__finding__verdict=v.REPEALABLE)),
                _valid=Count("infractions", filter=Q(infractions__finding__verdict=v.VALID)),
                _review=Count("infractions", filter=Q(infractions__finding__verdict=v.NEEDS_REVIEW)),
                _latest_status=Subquery(latest),
            )
        )

    @admin.display(description="infractions", ordering="_infractions")
    def infraction_count(self, obj):
        """Go-backs found in the audit."""
        return obj._infractions

    @admin.display(description="repealable", ordering="_repealable")
    def repealable_count(self, obj):
        """Go-backs with verdict REPEALABLE."""
        return obj._repealable

    @admin.display(description="valid", ordering="_valid")
    def valid_count(self, obj):
        """Go-backs with verdict VALID."""
        return obj._valid

    @admin.display(description="review", ordering="_review")
    def review_count(self, obj):
        """Go-backs with verdict NEEDS_REVIEW."""
        return obj._review

    @admin.display(description="latest job", ordering="_latest_status")
    def latest_job_status(self, obj):
        """Status of the audit's most recent analysis job."""
        return obj._latest_status or "-"

    @admin.display(description="verdicts")
    def verdict_summary(self, obj):
        """``REPEALABLE 3 · VALID 2 · NEEDS_REVIEW 1`` for the audit's findings."""
        rows = (
            Finding.objects.filter(infraction__audit=obj)
            .values("verdict")
            .annotate(n=Count("id"))
            .order_by("verdict")
        )
        return " · ".join(f"{r['verdict']} {r['n']}" for r in rows) or "-"

    @admin.action(description="Re-run against the current library", permissions=["change"])
    def rerun_against_library(self, request, queryset):
        """Queue a new analysis job for each selected audit; the action is logged per audit."""
        from jobs.services import rerun_audit

        jobs = []
        for audit in queryset:
            job = rerun_audit(audit, request.user)
            self.log_change(request, audit, f"Re-run against the current library as job {job.id}.")
            jobs.append(job)
        self.message_user(
            request,
            f"Queued {len(jobs)} re-run job(s) against the current library.",
            messages.SUCCESS,
        )


@admin.register(Infraction)
class InfractionAdmin(admin.ModelAdmin):
    """Go-backs across audits, with their verdict and confidence."""

    list_display = (
        "__str__",
        "audit_link",
        "pm_number",
        "page",
        "layout",
        "verdict",
        "confidence",
    )
    list_filter = ("finding__verdict", "layout", ("audit__audit_date", admin.DateFieldListFilter))
    search_fields = (
        "audit__pm_number",
        "audit__notification_number",
        "audit__original_filename",
        "code",
        "description",
    )
    list_select_related = ("audit", "finding")
    readonly_fields = ("audit", "order", "code", "description", "page", "layout", "fields", "finding_link")

    def has_add_permission(self, request):
        """Infractions come from the analysis."""
        return False

    @admin.display(description="audit", ordering="audit__original_filename")
    def audit_link(self, obj):
        """Link to the audit."""
        url = reverse("admin:audits_audit_change", args=[obj.audit_id])
        return format_html('<a href="{}">{}</a>', url, obj.audit.original_filename)

    @admin.display(description="PM number", ordering="audit__pm_number")
    def pm_number(self, obj):
        """The audit's PM number."""
        return obj.audit.pm_number

    @admin.display(description="verdict", ordering="finding__verdict")
    def verdict(self, obj):
        """The finding's verdict."""
        finding = _finding(obj)
        return finding.verdict if finding else "-"

    @admin.display(description="confidence", ordering="finding__confidence")
    def confidence(self, obj):
        """The finding's confidence (0-1)."""
        finding = _finding(obj)
        return confidence_label(finding.confidence) if finding else "-"

    @admin.display(description="finding")
    def finding_link(self, obj):
        """Link to the finding."""
        finding = _finding(obj)
        if finding is None:
            return "-"
        url = reverse("admin:audits_finding_change", args=[finding.pk])
        return format_html('<a href="{}">{}</a>', url, finding)


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    """Verdicts with the reason and the cited clauses."""

    list_display = (
        "infraction_code",
        "verdict",
        "confidence",
        "audit_file",
        "pm_number",
        "cited",
        "reason_short",
    )
    list_filter = ("verdict", ("infraction__audit__audit_date", admin.DateFieldListFilter))
    search_fields = (
        "infraction__audit__pm_number",
        "infraction__audit__notification_number",
        "infraction__audit__original_filename",
        "infraction__description",
        "reason",
    )
    list_select_related = ("infraction__audit",)
    readonly_fields = ("infraction", "verdict", "confidence", "reason", "citation_list", "details")
    exclude = ("citations",)

    def has_add_permission(self, request):
        """Findings come from the analysis."""
        return False

    @admin.display(description="infraction", ordering="infraction__code")
    def infraction_code(self, obj):
        """The infraction's code (``Item 3``) or its order."""
        return obj.infraction.code or obj.infraction.order

    @admin.display(description="file", ordering="infraction__audit__original_filename")
    def audit_file(self, obj):
        """The audit's file name."""
        return obj.infraction.audit.original_filename

    @admin.display(description="PM number", ordering="infraction__audit__pm_number")
    def pm_number(self, obj):
        """The audit's PM number."""
        return obj.infraction.audit.pm_number

    @admin.display(description="cites")
    def cited(self, obj):
        """The cited documents and sections, best first (``035010 §4.3``)."""
        return ", ".join(
            f"{c.get('document', '?')} §{c.get('section', '')}".rstrip(" §")
            for c in (obj.citations or [])[:3]
        )

    @admin.display(description="reason")
    def reason_short(self, obj):
        """The first 90 characters of the reason."""
        return _short(obj.reason)

    @admin.display(description="citations")
    def citation_list(self, obj):
        """Every citation with its quote and score."""
        if not obj.citations:
            return "-"
        return format_html(
            "<ol>{}</ol>",
            format_html_join(
                "",
                "<li><b>{} §{}</b> (p. {}, score {}) {}</li>",
                (
                    (
                        c.get("document", ""),
                        c.get("section", ""),
                        c.get("page", ""),
                        c.get("score", ""),
                        _short(c.get("quote", ""), 300),
                    )
                    for c in obj.citations
                ),
            ),
        )
