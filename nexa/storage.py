"""Upload storage: generated names (never the client's path), and no orphan files after a failed save."""

import contextlib
import contextvars
import os
import uuid

from django.core.files.storage import FileSystemStorage, default_storage
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


# --- no orphan files -----------------------------------------------------------------------------

# Names stored during the current request (set by ``track_stored_files``), for ``discard_orphans``.
_stored: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("nexa_stored", default=None)


class UploadStorage(FileSystemStorage):
    """``FileSystemStorage`` that leaves nothing behind when a save fails: a write that fails
    midway (``ENOSPC`` on a full disk, ``EDQUOT``, an I/O error) removes its partial or empty
    file before the error goes on. Names saved while ``track_stored_files`` is active are noted
    so a request that fails later can remove the ones no row refers to (``discard_orphans``)."""

    def _save(self, name, content):
        existed = self.exists(name)
        try:
            saved = super()._save(name, content)
        except BaseException:
            if not existed:
                try:
                    os.remove(self.path(name))
                except (FileNotFoundError, OSError):
                    pass
            raise
        noted = _stored.get()
        if noted is not None:
            noted.append(saved)
        return saved


@contextlib.contextmanager
def track_stored_files():
    """Within the block, names saved by ``UploadStorage`` are collected in the yielded list."""
    token = _stored.set([])
    try:
        yield _stored.get()
    finally:
        _stored.reset(token)


def discard_orphans(names) -> list[str]:
    """Delete the stored files among ``names`` that no ``Audit`` or ``SpecDocument`` row refers to
    (their rows were rolled back). Returns the names deleted. A file a committed row refers to is
    never touched."""
    from audits.models import Audit
    from specs.models import SpecDocument

    names = [n for n in names if n]
    if not names:
        return []
    referenced = set(Audit.objects.filter(file__in=names).values_list("file", flat=True))
    referenced |= set(SpecDocument.objects.filter(file__in=names).values_list("file", flat=True))
    deleted = []
    storage = default_storage
    for name in names:
        if name in referenced:
            continue
        try:
            storage.delete(name)
            deleted.append(name)
        except OSError:
            pass
    return deleted
