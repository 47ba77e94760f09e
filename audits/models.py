"""Audits, the infractions (go-backs) found in them, and the finding (verdict) on each."""

from django.conf import settings
from django.db import models

from audits.confidence import confidence_label
from nexa.storage import audit_upload_to


class Audit(models.Model):
    """An uploaded QA/QC audit report (PDF) and the job identifiers read from it."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="audits")
    original_filename = models.CharField(max_length=255)
    file = models.FileField(upload_to=audit_upload_to, max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    size_bytes = models.BigIntegerField(default=0)
    page_count = models.PositiveIntegerField(default=0)
    pm_number = models.CharField(max_length=32, blank=True, db_index=True)
    notification_number = models.CharField(max_length=32, blank=True, db_index=True)
    location = models.CharField(max_length=300, blank=True)
    contractor = models.CharField(max_length=200, blank=True)
    foreman = models.CharField(max_length=200, blank=True)
    auditor = models.CharField(max_length=200, blank=True)
    audit_date = models.DateField(null=True, blank=True)
    score = models.CharField(max_length=64, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    library_version = models.CharField(max_length=32, blank=True)
    engine_version = models.CharField(max_length=32, blank=True)
    analyzed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.original_filename} (PM {self.pm_number or '?'})"


class Infraction(models.Model):
    """One go-back listed in an audit, in the audit's own words, with the page it is on."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="infractions")
    order = models.PositiveIntegerField(default=0)
    code = models.CharField(max_length=64, blank=True)
    description = models.TextField()
    page = models.PositiveIntegerField(default=1)
    layout = models.CharField(max_length=32, blank=True)
    # Layout-specific fields: title, location, issue, status, required_correction, subject, ...
    fields = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["audit", "order"]

    def __str__(self):
        return f"{self.code or self.order}: {self.description[:60]}"


class Finding(models.Model):
    """The verdict on one infraction, its confidence, reason and citations (best first)."""

    class Verdict(models.TextChoices):
        VALID = "VALID"
        REPEALABLE = "REPEALABLE"
        NEEDS_REVIEW = "NEEDS_REVIEW"

    infraction = models.OneToOneField(Infraction, on_delete=models.CASCADE, related_name="finding")
    verdict = models.CharField(max_length=16, choices=Verdict.choices, db_index=True)
    confidence = models.FloatField(default=0.0)
    reason = models.TextField(blank=True)
    # [{"document", "title", "revision", "section", "page", "quote", "score"}, ...]
    citations = models.JSONField(default=list, blank=True)
    # measured / required values and the steps behind the verdict, for display and debugging
    details = models.JSONField(default=dict, blank=True)

    def __str__(self):
        return f"{self.verdict} ({confidence_label(self.confidence)})"
