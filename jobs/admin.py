"""Admin for analysis jobs and batches: watch the pipeline, repair it, see why jobs failed.

Actions (each writes an admin ``LogEntry`` naming the staff user who ran it):

The actions call the job services (``jobs.services.requeue_job``, ``cancel_job``,
``rerun_audit``), which the API and the audit admin use too:

* **Re-queue selected failed jobs**: the job goes back to ``PENDING`` and onto its RQ queue.
* **Cancel selected pending jobs**: the job (and any identical submission following it) ends
  ``FAILURE`` with code ``canceled``; its RQ job is canceled so no worker runs it.
* **Re-run the audit against the current library**: a new job for the same audit, queued like a
  fresh submission (the cache is bypassed: the audit is analysed again).

The queue monitoring page (``admin:nexa-monitoring``) is served from ``jobs.admin_views``.
"""

from __future__ import annotations

import uuid

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import ngettext

from jobs import admin_views
from jobs.admin_views import format_seconds
from jobs.models import AnalysisJob, Batch, ClientAccount
from jobs.services import cancel_job, fetch_rq_job, is_refused, requeue_job, rerun_audit


def _link(url_name: str, pk, label) -> str:
    return format_html('<a href="{}">{}</a>', reverse(url_name, args=[pk]), label)


class JobInline(admin.TabularInline):
    """Read-only list of a batch's jobs."""

    model = AnalysisJob
    fk_name = "batch"
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ("status", "queue", "audit", "progress", "attempts", "error_code", "finished_at")
    readonly_fields = fields

    def get_queryset(self, request):
        """Jobs with their audit in one query."""
        return super().get_queryset(request).select_related("audit")

    def has_add_permission(self, request, obj=None):
        """Jobs are created by submissions, never by hand."""
        return False


@admin.register(AnalysisJob)
class AnalysisJobAdmin(admin.ModelAdmin):
    """Jobs: status, queue, timing and failures, with re-queue / cancel / re-run actions."""

    list_display = (
        "short_id",
        "status",
        "queue",
        "audit_file",
        "pm_number",
        "owner",
        "progress",
        "attempts",
        "error_code",
        "worker_name",
        "created_at",
        "duration",
    )
    list_display_links = ("short_id",)
    list_filter = (
        "status",
        "queue",
        "cached",
        "priority",
        "callback_state",
        "error_code",
        ("created_at", admin.DateFieldListFilter),
    )
    search_fields = (
        "audit__pm_number",
        "audit__notification_number",
        "audit__original_filename",
        "owner__username",
        "error_code",
        "worker_name",
    )
    list_select_related = ("audit", "owner")
    date_hierarchy = "created_at"
    list_per_page = 50
    actions = ("requeue_failed", "cancel_pending", "rerun_audits")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "id",
                    "status",
                    "stage",
                    "progress",
                    "queue",
                    "audit_link",
                    "owner",
                    "batch_link",
                    "leader_link",
                    "cached",
                )
            },
        ),
        ("Timing", {"fields": ("created_at", "started_at", "finished_at", "heartbeat_at", "duration")}),
        (
            "Failure",
            {"fields": ("error_code", "error_message", "traceback_block", "attempts", "worker_name")},
        ),
        ("Redis", {"fields": ("rq_state",)}),
        ("Result callback", {"fields": ("priority", "callback_url", "callback_state", "callback_log")}),
    )
    readonly_fields = (
        "id",
        "status",
        "stage",
        "progress",
        "queue",
        "audit_link",
        "owner",
        "batch_link",
        "leader_link",
        "cached",
        "created_at",
        "started_at",
        "finished_at",
        "heartbeat_at",
        "duration",
        "error_code",
        "error_message",
        "traceback_block",
        "attempts",
        "worker_name",
        "rq_state",
        "priority",
        "callback_url",
        "callback_state",
        "callback_log",
    )

    def has_add_permission(self, request):
        """Jobs come from submissions (pages, API, re-run action), not from the add form."""
        return False

    def get_search_results(self, request, queryset, search_term):
        """Search the text fields, and match a full job UUID (the RQ job id) exactly."""
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        try:
            job_id = uuid.UUID(term)
        except ValueError:
            return queryset, may_have_duplicates
        return queryset | self.model.objects.filter(pk=job_id), may_have_duplicates

    def get_urls(self):
        """Add the queue monitoring page (``admin:nexa-monitoring``) before the model's own URLs."""
        view = self.admin_site.admin_view(admin_views.MonitoringView.as_view(admin_site=self.admin_site))
        return [path("monitoring/", view, name="nexa-monitoring")] + super().get_urls()

    # --- computed columns ----------------------------------------------------------------------
    @admin.display(description="job", ordering="id")
    def short_id(self, obj):
        """The first 8 hex digits of the job UUID."""
        return str(obj.id)[:8]

    @admin.display(description="file", ordering="audit__original_filename")
    def audit_file(self, obj):
        """The audit's uploaded file name."""
        return obj.audit.original_filename

    @admin.display(description="PM number", ordering="audit__pm_number")
    def pm_number(self, obj):
        """The audit's PM number (empty until analysed)."""
        return obj.audit.pm_number

    @admin.display(description="duration")
    def duration(self, obj):
        """Run time (start to finish), or time running so far."""
        if not obj.started_at:
            return "-"
        end = obj.finished_at or timezone.now()
        return format_seconds((end - obj.started_at).total_seconds())

    @admin.display(description="audit")
    def audit_link(self, obj):
        """Link to the audit's admin page."""
        return _link("admin:audits_audit_change", obj.audit_id, obj.audit)

    @admin.display(description="batch")
    def batch_link(self, obj):
        """Link to the batch's admin page, if any."""
        return _link("admin:jobs_batch_change", obj.batch_id, obj.batch_id) if obj.batch_id else "-"

    @admin.display(description="follows")
    def leader_link(self, obj):
        """The identical submission this job follows, if any."""
        return _link("admin:jobs_analysisjob_change", obj.leader_id, obj.leader_id) if obj.leader_id else "-"

    @admin.display(description="traceback")
    def traceback_block(self, obj):
        """The Python traceback of an unexpected failure (staff only; the API shows only code/message)."""
        if not obj.traceback:
            return "-"
        return format_html('<pre class="nexa-traceback">{}</pre>', obj.traceback)

    @admin.display(description="callback attempts")
    def callback_log(self, obj):
        """Each delivery attempt of the result callback: time, answer or error, seconds."""
        if not obj.callback_attempts:
            return "-"
        lines = [
            f"{a.get('at', '')}  {a.get('status_code') or '-'}  {a.get('error') or 'ok'}  {a.get('seconds', '')} s"
            for a in obj.callback_attempts
        ]
        return format_html('<pre class="nexa-callbacks">{}</pre>', "\n".join(lines))

    @admin.display(description="RQ job")
    def rq_state(self, obj):
        """What Redis says about the job now (status, worker, last exception line)."""
        from rq.exceptions import NoSuchJobError

        try:
            rq_job = fetch_rq_job(obj.id)
        except NoSuchJobError:
            return "not in Redis (finished and expired, never queued, or Redis was flushed)"
        except Exception as exc:
            return f"Redis unavailable: {exc}"
        status = rq_job.get_status(refresh=False)
        status = getattr(status, "value", status)
        parts = [f"status {status}", f"queue {rq_job.origin}"]
        if rq_job.worker_name:
            parts.append(f"worker {rq_job.worker_name}")
        result = rq_job.latest_result()
        if result is not None and result.exc_string:
            parts.append(result.exc_string.strip().splitlines()[-1])
        return "; ".join(parts)

    # --- actions -------------------------------------------------------------------------------
    def _done(self, request, done: list, skipped: int, verb: str, skip_reason: str) -> None:
        if done:
            self.message_user(
                request,
                ngettext(f"{verb} %d job.", f"{verb} %d jobs.", len(done)) % len(done),
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                ngettext(f"Skipped %d job: {skip_reason}.", f"Skipped %d jobs: {skip_reason}.", skipped)
                % skipped,
                messages.WARNING,
            )

    @admin.action(description="Re-queue selected failed jobs", permissions=["change"])
    def requeue_failed(self, request, queryset):
        """Re-queue the ``FAILURE`` jobs among the selection; others are skipped, and so are uploads
        refused at submit (not a PDF, too large): running them again cannot change their answer."""
        done, skipped = [], 0
        for job in queryset.select_related("audit"):
            previous = f"{job.error_code}: {job.error_message}"[:200]
            if job.status == AnalysisJob.Status.FAILURE and not is_refused(job) and requeue_job(job):
                self.log_change(request, job, f"Re-queued on {job.queue} (was FAILURE {previous}).")
                done.append(job)
            else:
                skipped += 1
        self._done(request, done, skipped, "Re-queued", "not failed or refused at upload")

    @admin.action(description="Cancel selected pending jobs", permissions=["change"])
    def cancel_pending(self, request, queryset):
        """Cancel the ``PENDING`` jobs among the selection; others are skipped."""
        done, skipped = [], 0
        name = request.user.get_username()
        for job in queryset:
            if job.status == AnalysisJob.Status.PENDING and cancel_job(job, name):
                self.log_change(request, job, "Canceled while pending.")
                done.append(job)
            else:
                skipped += 1
        self._done(request, done, skipped, "Canceled", "not pending")

    @admin.action(description="Re-run the audit against the current library", permissions=["change"])
    def rerun_audits(self, request, queryset):
        """Queue a new analysis of each selected job's audit (each audit once)."""
        audits = {job.audit_id: job.audit for job in queryset.select_related("audit")}
        new_jobs = []
        for audit in audits.values():
            job = rerun_audit(audit, request.user)
            self.log_change(request, audit, f"Re-run against the current library as job {job.id}.")
            self.log_change(request, job, f"Created by a re-run of audit {audit.pk}.")
            new_jobs.append(job)
        self._done(request, new_jobs, 0, "Queued a re-run as", "")


@admin.register(Batch)
class BatchAdmin(admin.ModelAdmin):
    """Batches with their job counts by outcome."""

    list_display = ("id", "owner", "created_at", "job_count", "succeeded", "failed", "running")
    list_filter = (("created_at", admin.DateFieldListFilter),)
    search_fields = ("owner__username", "jobs__audit__original_filename", "jobs__audit__pm_number")
    list_select_related = ("owner",)
    readonly_fields = ("id", "owner", "created_at")
    date_hierarchy = "created_at"
    inlines = (JobInline,)

    def has_add_permission(self, request):
        """Batches come from ``POST /batch-analyze``."""
        return False

    def get_queryset(self, request):
        """Annotate the job counts so the list page runs one query."""
        s = AnalysisJob.Status
        return (
            super()
            .get_queryset(request)
            .annotate(
                _jobs=Count("jobs", distinct=True),
                _ok=Count("jobs", filter=Q(jobs__status=s.SUCCESS), distinct=True),
                _failed=Count("jobs", filter=Q(jobs__status=s.FAILURE), distinct=True),
                _running=Count("jobs", filter=Q(jobs__status__in=[s.PENDING, s.PROCESSING]), distinct=True),
            )
        )

    @admin.display(description="jobs", ordering="_jobs")
    def job_count(self, obj):
        """Number of files in the batch."""
        return obj._jobs

    @admin.display(description="succeeded", ordering="_ok")
    def succeeded(self, obj):
        """Jobs finished ``SUCCESS``."""
        return obj._ok

    @admin.display(description="failed", ordering="_failed")
    def failed(self, obj):
        """Jobs finished ``FAILURE``."""
        return obj._failed

    @admin.display(description="running", ordering="_running")
    def running(self, obj):
        """Jobs ``PENDING`` or ``PROCESSING``."""
        return obj._running


@admin.register(ClientAccount)
class ClientAccountAdmin(admin.ModelAdmin):
    """Per-account job settings: staff give an account priority; the callback signing secret."""

    list_display = ("user", "priority")
    list_filter = ("priority",)
    list_editable = ("priority",)
    search_fields = ("user__username", "user__email")
    autocomplete_fields = ("user",)
    fields = ("user", "priority", "callback_secret")
