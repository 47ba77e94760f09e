"""Memory probe, run as ``python -m benchmarks.memory_probe AUDIT.pdf`` by the memory benchmark.

Does what a worker does (Django setup, ``audits.library.load_library()``, one audit through the
plain-Python pipeline) in a fresh process and prints one JSON line: RSS after setup, after the
library load, the peak RSS (``VmHWM``) and the clause count. The active library is whatever the
parent benchmark made active in the database.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path


def rss_mb() -> float:
    """Current resident set size of this process in MB (psutil, else /proc/self/statm)."""
    try:
        import psutil

        return psutil.Process().memory_info().rss / 1e6
    except ImportError:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


PAIR_ENV = "NEXA_PROBE_PAIR_DIR"


def _smaps_mb(field: str) -> float | None:
    """A field of /proc/self/smaps_rollup ("Pss", "Private_Dirty", ...) in MB; None where unreadable."""
    try:
        with open("/proc/self/smaps_rollup") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return round(int(line.split()[1]) * 1024 / 1e6, 1)
    except OSError:
        pass
    return None


def private_mb() -> float | None:
    """Memory only this process holds (private clean + dirty pages, MB): what a second worker adds."""
    clean, dirty = _smaps_mb("Private_Clean"), _smaps_mb("Private_Dirty")
    return None if clean is None or dirty is None else round(clean + dirty, 1)


def _pss_beside_the_other(directory: Path, timeout: float = 120.0) -> float | None:
    """Wait until both probes of a pair are loaded and warm, then read this one's PSS (shared pages,
    the memory-mapped index and statements among them, count half to each) and wait for the other
    to read its own before exiting."""
    me = directory / f"ready-{os.getpid()}"
    me.touch()
    deadline = time.monotonic() + timeout
    while len(list(directory.glob("ready-*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    pss = _smaps_mb("Pss")
    (directory / f"read-{os.getpid()}").touch()
    while len(list(directory.glob("read-*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    return pss


def _cpu_wall(fn):
    c0, w0 = time.process_time(), time.perf_counter()
    result = fn()
    return result, time.perf_counter() - w0, time.process_time() - c0


def peak_mb() -> float:
    """Peak RSS of this process in MB: ``VmHWM`` from /proc/self/status.

    Not ``ru_maxrss``: Linux carries the high-water mark of the pre-exec image across ``execve``,
    so a probe started from a big parent would report the parent's RSS.
    """
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024 / 1e6
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def main(argv: list[str]) -> int:
    """Run the probe: ``argv`` = [audit PDF of 10 pages, then any other audits "N=path"]; print JSON.

    Figures: RSS after setup / after the library load (the snapshot read) / peak (``VmHWM``); load
    time; the first (cold) and a repeated (warm) analysis of the 10-page audit; warm analysis
    times of the other audits (the scaling table).
    """
    from benchmarks.env import prepare_environment, setup_django

    prepare_environment()
    setup_django(migrate=False)
    import audits.models  # noqa: F401  (the models a worker imports)
    import jobs.tasks  # noqa: F401
    from audits.library import load_library
    from benchmarks.sections import analyse_plain

    setup = rss_mb()
    (_version, library), load_wall, load_cpu = _cpu_wall(load_library)
    loaded = rss_mb()
    peak_load = peak_mb()
    with open(argv[0], "rb") as fh:
        ten = fh.read()
    first, first_wall, first_cpu = _cpu_wall(lambda: analyse_plain(ten, library))
    _, warm_wall, warm_cpu = _cpu_wall(lambda: analyse_plain(ten, library))
    audits = {"10": {"wall_ms": round(warm_wall * 1000, 1), "cpu_ms": round(warm_cpu * 1000, 1),
                     "infractions": first["infractions"]}}  # fmt: skip
    peak_10p = peak_mb()
    private_10p = private_mb()
    if os.environ.get(PAIR_ENV):  # one of two probes run side by side: both loaded, then measure
        pss = _pss_beside_the_other(Path(os.environ[PAIR_ENV]))
        print(json.dumps({"pss_mb": pss, "rss_mb": round(rss_mb(), 1), "private_mb": private_10p}))
        return 0
    rss_by_audit = {}
    for item in argv[1:]:
        label, path = item.split("=", 1)
        with open(path, "rb") as fh:
            data = fh.read()
        analyse_plain(data, library)  # warm the statement cache for this audit's clauses
        result, wall, cpu = _cpu_wall(lambda d=data: analyse_plain(d, library))
        audits[label] = {"wall_ms": round(wall * 1000, 1), "cpu_ms": round(cpu * 1000, 1),
                         "infractions": result["infractions"]}  # fmt: skip
        rss_by_audit[label] = {"rss_mb": round(rss_mb(), 1), "peak_mb": round(peak_mb(), 1)}
    after = rss_mb()
    peak = peak_mb()
    print(
        json.dumps(
            {
                "clauses": len(library),
                "rss_setup_mb": round(setup, 1),
                "rss_loaded_mb": round(loaded, 1),
                "peak_after_load_mb": round(peak_load, 1),
                "rss_after_audit_mb": round(after, 1),
                "peak_rss_mb": round(max(peak, after), 1),
                "peak_10p_mb": round(peak_10p, 1),
                "private_10p_mb": private_10p,
                "memory_by_audit": rss_by_audit,
                "cold_start_ms": round((load_wall + first_wall) * 1000, 1),
                "load_seconds": round(load_wall, 2),
                "load_cpu_seconds": round(load_cpu, 2),
                "first_10p_ms": round(first_wall * 1000, 1),
                "first_10p_cpu_ms": round(first_cpu * 1000, 1),
                "audits": audits,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
