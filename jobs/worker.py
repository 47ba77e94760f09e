"""The RQ worker class of ``manage.py rqworker`` (``settings.RQ["WORKER_CLASS"]``).

Jobs run in the worker process itself (``rq.SimpleWorker``), not in a forked work horse: the spec
library's ranking index and the parsed clauses are built once per library version and then serve
every later job (a fork per job threw them away: 4.7 s of index build per job on a 2,000-page
library, measured by ``make bench``). Isolation comes from elsewhere: the task closes DB connections
around each job, RQ's job timeout still applies (SIGALRM in this process), and ``--max-jobs`` in
the Procfile restarts the worker after a bounded number of jobs. The class also heartbeats running
jobs more often than RQ's default, so a dead worker is noticed sooner, and starts the periodic
reconciler when it runs the scheduler (``--with-scheduler``).
"""

from __future__ import annotations

import logging
import time

import redis
from rq import SimpleWorker
from rq.timeouts import UnixSignalDeathPenalty

log = logging.getLogger(__name__)

JOB_MONITORING_INTERVAL = 10  # seconds between heartbeats of a running job (RQ default: 30)
MAINTENANCE_INTERVAL = 120  # seconds between registry cleanups and schedule checks (RQ default: 600)
REDIS_LOST = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
RECONNECT_FIRST_WAIT = 0.5  # seconds before the first reconnect attempt; doubles up to the next
RECONNECT_MAX_WAIT = 30.0


class JobTimeout(BaseException):  # noqa: N818 - RQ's name for the same event is JobTimeoutException
    """A job ran past its timeout. A BaseException, so that no ``except Exception`` on the way (pypdf's
    per-object fallbacks, the engine's per-page guard) can swallow it and let the job run on."""


class HardDeathPenalty(UnixSignalDeathPenalty):
    """RQ's SIGALRM job timeout, raising ``JobTimeout`` whatever exception class RQ asks for."""

    def handle_death_penalty(self, signum, frame):
        raise JobTimeout(f"Task exceeded maximum timeout value ({self._timeout} seconds)")


class NexaWorker(SimpleWorker):
    """``rq.SimpleWorker`` plus: shorter job heartbeat interval; schedules ``jobs.reconcile`` at start
    and re-schedules it at each maintenance run if the schedule was lost (Redis restarted)."""

    death_penalty_class = HardDeathPenalty

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("job_monitoring_interval", JOB_MONITORING_INTERVAL)
        kwargs.setdefault("maintenance_interval", MAINTENANCE_INTERVAL)
        super().__init__(*args, **kwargs)

    def wait_for_redis(self, exc: BaseException) -> None:
        """Redis went away (``exc``): wait, with backoff from ``RECONNECT_FIRST_WAIT`` doubling up to
        ``RECONNECT_MAX_WAIT`` seconds, until it answers again, then register this worker again if
        the restart lost its key. Never raises for a lost connection: the worker rides out a Redis
        restart and goes on dequeuing (the reconciler re-queues jobs the restart dropped)."""
        wait = RECONNECT_FIRST_WAIT
        log.warning("worker %s: Redis unavailable (%s); waiting for it", self.name, exc.__class__.__name__)
        while not self._stop_requested:
            time.sleep(wait)
            try:
                self.connection.ping()
            except REDIS_LOST:
                wait = min(wait * 2, RECONNECT_MAX_WAIT)
                continue
            try:
                if not self.connection.exists(self.key):
                    self.register_birth()
            except (ValueError, *REDIS_LOST) as again:
                log.warning("worker %s: could not register again: %s", self.name, again)
            log.info("worker %s: Redis is back", self.name)
            return

    def heartbeat(self, *args, **kwargs):
        """RQ's worker heartbeat; a lost Redis connection waits for Redis instead of ending the worker."""
        try:
            return super().heartbeat(*args, **kwargs)
        except REDIS_LOST as exc:
            self.wait_for_redis(exc)

    def check_for_suspension(self, burst: bool) -> None:
        """RQ's suspension check; a lost Redis connection waits for Redis instead of ending the worker."""
        try:
            return super().check_for_suspension(burst)
        except REDIS_LOST as exc:
            self.wait_for_redis(exc)

    def execute_job(self, job, queue):
        """Run one job. If Redis goes away while RQ records the outcome, the outcome the task wrote to
        the database stands (the database is the system of record) and the worker waits for Redis."""
        try:
            return super().execute_job(job, queue)
        except REDIS_LOST as exc:
            self.wait_for_redis(exc)

    def run_maintenance_tasks(self):
        """RQ's registry cleanup, then (scheduler workers only) make sure a reconcile is pending.
        A lost Redis connection waits for Redis instead of ending the worker."""
        try:
            super().run_maintenance_tasks()
        except REDIS_LOST as exc:
            self.wait_for_redis(exc)
            return
        if self.scheduler is not None:
            self._ensure_reconciler()

    def _ensure_reconciler(self) -> None:
        try:
            from jobs.reconcile import ensure_scheduled

            ensure_scheduled(self.connection)
        except Exception as exc:  # never keep a worker from working
            log.warning("could not schedule the periodic reconciler: %s", exc)

    def work(self, burst: bool = False, *args, with_scheduler: bool = False, **kwargs) -> bool:
        """Start the work loop; with the scheduler on (and not in burst mode) make sure the
        periodic reconciler is scheduled first."""
        if with_scheduler and not burst:
            self._ensure_reconciler()
        return super().work(burst, *args, with_scheduler=with_scheduler, **kwargs)
