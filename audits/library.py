"""Loads the active spec library into the engine: once per library version per machine, not per worker.

``load_library`` keeps the Library in this process per library version. A process that does not hold
it yet reads the version's snapshot from ``$NEXA_DATA_DIR/library/`` (``engine.snapshot``: units and
index pickled, BM25 matrices and parsed statements memory-mapped), or, when there is none, builds
the Library from the database and saves the snapshot for every other process. One process builds
at a time (a file lock); the others wait for its snapshot instead of building their own.
``warm_library`` (queued after spec imports) builds the snapshot before the next audit needs it.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import shutil
import threading
import time
from pathlib import Path

from django.conf import settings

from engine import ClauseRecord, Library, snapshot
from specs.models import SpecClause, SpecDocument, active_documents, library_version

log = logging.getLogger(__name__)

KEEP_SNAPSHOTS = 3  # the newest snapshots kept on disk (a process may still be reading an older one)
STALE_TEMP_SECONDS = 3600  # a half-written snapshot this old was left by a process that died

_lock = threading.Lock()
_cached: tuple[str, Library] | None = None


def snapshot_dir() -> Path:
    """Where this machine keeps its library snapshots (``$NEXA_DATA_DIR/library``)."""
    return Path(settings.DATA_DIR) / "library"


def snapshot_path(version: str) -> Path:
    """The snapshot directory of library ``version`` for this engine (``engine.snapshot.SNAPSHOT_KEY``)."""
    return snapshot_dir() / f"{version}-{snapshot.SNAPSHOT_KEY}"


def load_library(version: str | None = None) -> tuple[str, Library]:
    """Return ``(library_version, Library)`` for the READY, non-superseded documents.

    Args:
        version: the library version when the caller has just computed it (else read here).

    The Library is kept per library version in this process; a new, replaced, re-imported or
    removed document changes the version and the next call loads that version's snapshot, building
    it from the database if no process on this machine has yet.
    """
    global _cached
    version = version or library_version()
    cached = _cached
    if cached and cached[0] == version:
        return cached
    with _lock:
        if _cached and _cached[0] == version:
            return _cached
        _cached = (version, _snapshot_or_build(version))
        return _cached


def warm_library() -> str:
    """Make sure the current library version has a snapshot (the job queued after spec imports).

    Returns ``"deferred"`` while other imports are still pending or running (the last one queues
    this again), else the library version now ready.
    """
    busy = SpecDocument.objects.filter(
        status__in=[SpecDocument.Status.PENDING, SpecDocument.Status.PROCESSING]
    )
    if busy.exists():
        return "deferred"
    version, _library = load_library()
    return version


def _snapshot_or_build(version: str) -> Library:
    path = snapshot_path(version)
    found = _read(path)
    if found is not None:
        return found
    with _build_lock(path.parent):
        found = _read(path)  # built by another process while this one waited
        if found is not None:
            return found
        started = time.perf_counter()
        library = _build_from_database()
        if library_version() != version:
            return library  # the library changed while it was read: never save it under this version
        try:
            snapshot.save(library, path, processes=settings.NEXA_SNAPSHOT_PROCESSES)
        except OSError as exc:  # disk full, read-only data dir: this process keeps what it built
            log.warning("library snapshot %s not saved: %s", path.name, exc)
            return library
        log.info(
            "library %s: %d clauses built and saved in %.1f s",
            version,
            len(library),
            time.perf_counter() - started,
        )
        _prune(path)
    loaded = _read(path)  # the mapped snapshot: its pages are shared with every other worker
    if loaded is None:
        return library
    del library
    _return_freed_memory()
    return loaded


def _return_freed_memory() -> None:
    """Hand the heap the build freed back to the system (glibc ``malloc_trim``), so a worker that built
    a snapshot does not keep the build's peak for the rest of its life. No-op elsewhere."""
    import ctypes
    import ctypes.util
    import gc

    gc.collect()
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _read(path: Path) -> Library | None:
    """The snapshot at ``path``, or None if there is none; a damaged one is removed (and rebuilt)."""
    if not path.is_dir():
        return None
    try:
        return snapshot.load(path)
    except Exception as exc:
        log.warning("library snapshot %s unreadable (%s): rebuilding it", path.name, exc)
        shutil.rmtree(path, ignore_errors=True)
        return None


def _build_from_database() -> Library:
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
    return Library(clauses)


@contextlib.contextmanager
def _build_lock(directory: Path):
    """An exclusive lock on ``directory/.build.lock``, held while a snapshot is built."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".build.lock", "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _prune(current: Path) -> None:
    """Remove all but the newest ``KEEP_SNAPSHOTS`` snapshots and half-written ones left by a crash."""
    now = time.time()
    try:
        entries = [(p, p.stat().st_mtime) for p in current.parent.iterdir() if p.is_dir()]
    except OSError:  # another process pruned at the same moment
        return
    for p, mtime in entries:
        if p.name.startswith(".") and now - mtime > STALE_TEMP_SECONDS:
            shutil.rmtree(p, ignore_errors=True)
    done = sorted((e for e in entries if not e[0].name.startswith(".")), key=lambda e: e[1])
    for p, _mtime in done[:-KEEP_SNAPSHOTS]:
        if p != current:
            shutil.rmtree(p, ignore_errors=True)
