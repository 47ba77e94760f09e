"""A benchmark-only worker class that tries the preload fix on ``jobs.worker.NexaWorker``.

The product's worker forks a fresh work horse per job and never loads the spec library in
the parent. So every job runs ``audits.library.load_library()`` cold (DB read + BM25 index
build) and then throws it away. This subclass loads the library in the parent before each fork. The
load is cached per library version, so a parent with a current library only pays one
``library_version()`` query. The work horse inherits the built index copy-on-write. The parent's
DB connections are closed before the fork, so the horse opens its own.

Used as ``manage.py rqworker ... --worker-class benchmarks.worker.PreloadWorker`` by the
throughput benchmark to measure what the change would be worth. The product is not changed.
"""

from __future__ import annotations

import logging

from jobs.worker import NexaWorker

log = logging.getLogger(__name__)


class PreloadWorker(NexaWorker):
    """``NexaWorker`` that keeps the spec library loaded in the parent process across jobs."""

    def execute_job(self, job, queue):
        """Load (or confirm) the library in the parent, close its DB connections, then fork as usual."""
        try:
            from django.db import connections

            from audits.library import load_library

            load_library()
            connections.close_all()
        except Exception as exc:  # never keep a job from running
            log.warning("library preload failed: %s", exc)
        return super().execute_job(job, queue)
