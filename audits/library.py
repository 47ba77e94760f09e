"""Loads the active spec library into the engine, once per library version per process."""

from __future__ import annotations

import threading

from engine.library import ClauseRecord, Library
from specs.models import SpecClause, active_documents, library_version

_lock = threading.Lock()
_cached: tuple[str, Library] | None = None


def load_library(version: str | None = None) -> tuple[str, Library]:
    """Return ``(library_version, Library)`` for the READY, non-superseded documents.

    The Library (clauses and ranking index) is built once per library version and reused by
    every later analysis in this process; a new, replaced or deleted document changes the
    version and the next call rebuilds it.
    """
    global _cached
    version = version or library_version()
    cached = _cached
    if cached and cached[0] == version:
        return cached
    with _lock:
        if _cached and _cached[0] == version:
            return _cached
        rows = (
            SpecClause.objects.filter(document__in=active_documents())
            .select_related("document")
            .order_by("document__document_number", "order")
        )
        clauses = [
            ClauseRecord.of(
                c,
                id=c.pk,
                document=c.document.document_number,
                title=c.document.title,
                revision=c.document.revision,
            )
            for c in rows.iterator(chunk_size=2000)
        ]
        _cached = (version, Library(clauses))
        return _cached
