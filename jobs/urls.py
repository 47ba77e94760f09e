"""JSON API paths of docs/architecture.md (no trailing slashes: the seed system's clients call them so)."""

from django.urls import path

from jobs import api

app_name = "jobs"

urlpatterns = [
    path("analyze-audit-async", api.AnalyzeAuditAsyncView.as_view(), name="analyze-async"),
    path("analyze-audit", api.AnalyzeAuditView.as_view(), name="analyze"),
    path("batch-analyze", api.BatchAnalyzeView.as_view(), name="batch-analyze"),
    path("job-result/<str:job_id>", api.JobResultView.as_view(), name="job-result"),
    path("jobs", api.JobListView.as_view(), name="job-list"),
    path("batch/<str:batch_id>", api.BatchDetailView.as_view(), name="batch-detail"),
    path("queue-status", api.QueueStatusView.as_view(), name="queue-status"),
    path("cache-stats", api.CacheStatsView.as_view(), name="cache-stats"),
]
