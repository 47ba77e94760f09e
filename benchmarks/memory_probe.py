"""Memory probe, run as ``python -m benchmarks.memory_probe AUDIT.pdf`` by the memory benchmark.

Does what a worker does (Django setup, ``audits.library.load_library()``, one audit through the
plain-Python pipeline) in a fresh process and prints one JSON line: RSS after setup, after the
library load, the peak RSS (``ru_maxrss``) and the clause count. The active library is whatever the
parent benchmark made active in the database.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def rss_mb() -> float:
    """Current resident set size of this process in MB (psutil, else /proc/self/statm)."""
    try:
        import psutil

        return psutil.Process().memory_info().rss / 1e6
    except ImportError:
        import os

        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def main(argv: list[str]) -> int:
    """Run the probe on the audit PDF named in ``argv[0]``; print the JSON figures."""
    from benchmarks.env import prepare_environment, setup_django

    prepare_environment()
    setup_django(migrate=False)
    import audits.models  # noqa: F401  (the models a worker imports)
    import jobs.tasks  # noqa: F401
    from audits.library import load_library
    from benchmarks.sections import analyse_plain

    setup = rss_mb()
    started = time.perf_counter()
    _version, library = load_library()
    load_seconds = time.perf_counter() - started
    loaded = rss_mb()
    with open(argv[0], "rb") as fh:
        result = analyse_plain(fh.read(), library)
    after = rss_mb()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(
        json.dumps(
            {
                "clauses": len(library),
                "rss_setup_mb": round(setup, 1),
                "rss_loaded_mb": round(loaded, 1),
                "rss_after_audit_mb": round(after, 1),
                "peak_rss_mb": round(max(peak * 1.048576, after), 1),
                "load_seconds": round(load_seconds, 2),
                "infractions": result["infractions"],
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
