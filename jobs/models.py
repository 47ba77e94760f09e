"""Analysis jobs and batches: the database is the system of record, Redis only carries ids."""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models


def new_callback_secret() -> str:
    """A fresh per-account secret for signing result callbacks (43 URL-safe characters)."""
    return secrets.token_urlsafe(32)


class ClientAccount(models.Model):
    """Per-account job settings that staff set in the admin: priority, and the secret that signs
    this account's result callbacks (``jobs.callbacks``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="client_account"
    )
    priority = models.BooleanField(
        default=False, help_text="Jobs of this account run ahead of others in their queue (premium)."
    )
    callback_secret = models.CharField(max_length=64, default=new_callback_secret)

    def __str__(self):
        return f"{self.user} ({'priority' if self.priority else 'standard'})"

    @classmethod
    def for_user(cls, user) -> ClientAccount:
        """The user's account settings, created with defaults on first use."""
        account, _ = cls.objects.get_or_create(user=user)
        return account


class Batch(models.Model):
    """A set of audits submitted together through ``POST /batch-analyze``."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="batches")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "batches"

    def __str__(self):
        return f"Batch {self.id}"


class AnalysisJob(models.Model):
    """One analysis of one audit; its UUID is also the RQ job id."""

    class Status(models.TextChoices):
        PENDING = "PENDING"
        PROCESSING = "PROCESSING"
        SUCCESS = "SUCCESS"
        FAILURE = "FAILURE"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    audit = models.ForeignKey("audits.Audit", on_delete=models.CASCADE, related_name="jobs")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="analysis_jobs"
    )
    batch = models.ForeignKey(Batch, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs")
    # An identical submission already in flight runs the analysis; this job follows its outcome.
    leader = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="followers"
    )
    # The file name as this submission sent it (a follower or a cache hit points at another
    # submission's audit, whose name may differ).
    filename = models.CharField(max_length=255, blank=True)
    queue = models.CharField(max_length=16, default="default", db_index=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    stage = models.CharField(max_length=32, blank=True)
    progress = models.PositiveSmallIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    cached = models.BooleanField(default=False)
    error_code = models.CharField(max_length=32, blank=True)
    error_message = models.TextField(blank=True)
    traceback = models.TextField(blank=True)
    worker_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True, db_index=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    priority = models.BooleanField(default=False)  # the owner's account had priority at submit
    # Result callback: the client's URL, where delivery stands, and each attempt
    # ({"at", "status_code", "error", "seconds"}) in order.
    callback_url = models.URLField(max_length=500, blank=True)
    callback_state = models.CharField(max_length=16, blank=True)  # "", pending, delivered, failed
    callback_attempts = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self):
        return f"Job {self.id} ({self.status})"

    @property
    def file_name(self) -> str:
        """The submitted file's name (older rows: the audit's)."""
        return self.filename or self.audit.original_filename

    @property
    def is_final(self) -> bool:
        """True once the job is ``SUCCESS`` or ``FAILURE``."""
        return self.status in (self.Status.SUCCESS, self.Status.FAILURE)
