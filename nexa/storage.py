"""Upload paths: files are stored under generated names, never the client's path."""

import uuid

from django.utils import timezone


def _generated(prefix: str) -> str:
    return f"{prefix}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.pdf"


def spec_upload_to(instance, filename: str) -> str:
    """``upload_to`` for spec PDFs: ``specs/YYYY/MM/<uuid>.pdf`` whatever the client sent."""
    return _generated("specs")


def audit_upload_to(instance, filename: str) -> str:
    """``upload_to`` for audit PDFs: ``audits/YYYY/MM/<uuid>.pdf`` whatever the client sent."""
    return _generated("audits")


def clean_filename(name: str, limit: int = 255) -> str:
    """Reduce a client file name to its last path component, printable, at most ``limit`` chars."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip() or "upload.pdf"
    if len(base) > limit:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: limit - len(ext) - 1] + dot + ext) if dot and len(ext) < 10 else base[:limit]
    return base
