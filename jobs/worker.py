"""The RQ worker classes of ``manage.py rqworker`` (``settings.RQ["WORKER_CLASS"]``).

``NexaWorker`` (the default) is RQ's forking worker, kept warm; ``NexaSimpleWorker``
(``NEXA_WORKER_CLASS``) runs jobs in the worker process itself. Side by side in ``make bench`` (2,000-page
library, 300 audits, two runs) the forking worker did 22,518 and 21,682 audits/h steady against the
in-process worker's 22,167 and 23,165: the same within run-to-run spread since library snapshots
(13-18 % fewer before the snapshots' copy-on-write pages, 27-29 % before snapshots at all).

``NexaWorker``: before each fork the parent
process loads the spec library (``audits.library.load_library``: parsed clauses and ranking index,
built once per library version), so every work horse inherits it copy-on-write instead of
building it again (4.7 s per job on a 2,000-page library). RQ's protections stay: the parent
heartbeats the running job every ``JOB_MONITORING_INTERVAL`` seconds, kills the work horse when
it runs past its timeout (+60 s), and a crashing job takes only its work horse down.

``NexaSimpleWorker`` runs jobs in the worker process itself (``rq.SimpleWorker``); the job timeout
is RQ's SIGALRM in this process (no hard kill), ``--max-jobs`` restarts it after a bounded number
of jobs, and the task closes DB connections around each job. RQ refreshes heartbeats only in
the forking worker's monitor loop, so this class runs a heartbeat thread of its own while a job
runs (without it ``last_heartbeat`` stayed at the start time and the reconciler took long jobs
for lost, the job-pipeline issue, bug 2).

Both start the periodic reconciler when they run the scheduler (``--with-scheduler``) and
raise ``JobTimeout`` (a ``BaseException``) when a job runs past its timeout.
"""

from __future__ import annotations

import logging
import threading
import time

import redis
from rq import SimpleWorker, Worker
from rq.timeouts import UnixSignalDeathPenalty

log = logging.getLogger(__name__)

# seconds between heartbeats of a running job (RQ default: 30); the reconciler calls a job lost
# only after several missed beats (jobs.reconcile.heartbeat_stale_seconds)
JOB_MONITORING_INTERVAL = 10  # default of settings.NEXA_JOB_MONITORING_INTERVAL
MAINTENANCE_INTERVAL = 120  # seconds between registry cleanups and schedule checks (RQ default: 600)
REDIS_LOST = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
RECONNECT_FIRST_WAIT = 0.5  # seconds before the first reconnect attempt; doubles up to the next
RECONNECT_MAX_WAIT = 30.0


class JobTimeout(BaseException):  # noqa: N818 - RQ's name for the same event is JobTimeoutException
    """A job ran past its timeout. A BaseException, so that no ``except Exception`` on the way (pypdf's
    per-object fallbacks, the engine's per-page guard) can swallow it and let the job run on."""


class HardDeathPenalty(UnixSignalDeathPenalty):
    """RQ's SIGALRM job timeout, raising ``JobTimeout`` whatever exception class RQ asks for.

    RQ's forking worker also uses its death penalty class to wake its monitor loop (with
    ``HorseMonitorTimeoutException``); that use keeps RQ's exception class."""

    def handle_death_penalty(self, signum, frame):
        from rq.timeouts import HorseMonitorTimeoutException

        if self._exception is HorseMonitorTimeoutException:
            raise self._exception("monitor tick")
        raise JobTimeout(f"Task exceeded maximum timeout value ({self._timeout} seconds)")


class _NexaWorkerMixin:
    """Shorter heartbeat and maintenance intervals; the periodic reconciler scheduled at start and
    re-scheduled at each maintenance run if the schedule was lost (Redis restarted)."""

    death_penalty_class = HardDeathPenalty

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        interval = getattr(settings, "NEXA_JOB_MONITORING_INTERVAL", JOB_MONITORING_INTERVAL)
        kwargs.setdefault("job_monitoring_interval", interval)
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
            if getattr(self, "scheduler", None) is not None:
                self._restart_scheduler()
                self._ensure_reconciler()  # a restart without persistence lost the schedule
            return

    def _restart_scheduler(self) -> None:
        """Start RQ's scheduler process again if the outage ended it (it exits on a lost connection, and
        RQ would restart it only at the next maintenance run, minutes later): it is what runs the
        reconciler that re-queues the jobs a restart dropped."""
        scheduler = getattr(self, "scheduler", None)
        try:
            process = scheduler._process
            if process is None or not process.is_alive():
                scheduler.acquire_locks(auto_start=True)
        except Exception as exc:  # the next maintenance run tries again
            log.warning("could not restart the RQ scheduler: %s", exc)

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


# A small audit run through the engine once per library version in the parent, so that what the
# engine builds lazily on first use (unit registry, compiled vocabularies, per-library caches) is
# inherited by every work horse instead of being built again in each.
_WARM_UP_PAGE = (
    "QA Audit Report\nPM Number: 35125285\n"
    "Go-back Infraction: Primary conduit cover measured 30 in at the driveway crossing.\n"
    "Go-back Infraction: Crossarm out of level by 1.5 degrees.\n"
)
_warmed_for: str | None = None


def preload_library() -> None:
    """Load the current spec library into this process, warm the engine on it once per library
    version, freeze the heap for the garbage collector (so a work horse's collections do not touch,
    and so copy, the inherited pages), and close the database connections so a forked work horse
    opens its own. Never raises."""
    import gc

    from django.db import connections

    global _warmed_for
    try:
        import engine
        from audits.library import load_library

        version, library = load_library()
        if version != _warmed_for:
            engine.extract_metadata([_WARM_UP_PAGE])
            engine.detect([_WARM_UP_PAGE])
            for line in _WARM_UP_PAGE.splitlines()[2:]:
                engine.decide(line.split(":", 1)[1].strip(), {}, library)
            _warmed_for = version
            gc.collect()
            gc.freeze()
    except Exception as exc:  # the work horse loads it itself (and reports a real error there)
        log.warning("could not preload the spec library before the fork: %s", exc)
    finally:
        connections.close_all()


class NexaWorker(_NexaWorkerMixin, Worker):
    """RQ's forking worker with the spec library loaded in the parent before each fork."""

    def execute_job(self, job, queue):
        """Preload the library (copy-on-write for the work horse), then fork and monitor as RQ does."""
        preload_library()
        return super().execute_job(job, queue)


class NexaSimpleWorker(_NexaWorkerMixin, SimpleWorker):
    """In-process worker (``rq.SimpleWorker``) that keeps the running job's heartbeat fresh from a
    thread every ``job_monitoring_interval`` seconds."""

    def execute_job(self, job, queue):
        """Run the job in this process with a heartbeat thread beside it. If Redis goes away while RQ
        records the outcome, the outcome the task wrote to the database stands and the worker waits
        for Redis (as ``_NexaWorkerMixin.execute_job``, which this method replaces)."""
        try:
            self._execute_in_process(job, queue)
        except REDIS_LOST as exc:
            self.wait_for_redis(exc)

    def _execute_in_process(self, job, queue):
        stop = threading.Event()

        def beat():
            while not stop.wait(self.job_monitoring_interval):
                try:
                    self.maintain_heartbeats(job)
                except Exception as exc:  # Redis hiccup: the next beat tries again
                    log.warning("heartbeat of job %s failed: %s", job.id, exc)

        thread = threading.Thread(target=beat, name=f"heartbeat-{job.id}", daemon=True)
        self.prepare_execution(job)
        thread.start()
        try:
            self.perform_job(job, queue)
        finally:
            stop.set()
            thread.join(timeout=5)
        from rq.worker.base import WorkerStatus

        self.set_state(WorkerStatus.IDLE)
