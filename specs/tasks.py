"""RQ entry point for spec imports. Only the document's primary key travels through Redis."""

from __future__ import annotations

from specs.services import enqueue_library_warm_up, import_document


def import_spec(document_id: int) -> str:
    """Import one stored spec document (``specs.services.import_document``); never raises.

    Returns the document's final status (``READY``/``FAILED``), or ``missing`` if it was deleted.
    Then queues the library warm-up (it builds the new version's snapshot, or finds nothing to do).
    """
    doc = import_document(document_id)
    if doc is not None:
        enqueue_library_warm_up()
    return doc.status if doc is not None else "missing"
