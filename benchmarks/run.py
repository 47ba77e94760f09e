"""``make bench``: generate (or reuse) the inputs, run every section, print the report, write JSON.

Every section is guarded: a component that has not landed, or fails, gives a
"not available: <reason>" line for that section and the run carries on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
import traceback
from pathlib import Path

from benchmarks import generate
from benchmarks import inputs as inputs_mod
from benchmarks.report import NotAvailable, Report, Section

OUT_DIR = Path(__file__).resolve().parent / "out"


def log(message: str) -> None:
    """A progress line on stderr (the report itself goes to stdout)."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def guarded(report: Report, key: str, title: str, fn, *args, **kwargs) -> Section:
    """Run one section; a failure becomes a "not available" section (traceback in the log)."""
    log(f"running: {title}")
    started = time.perf_counter()
    try:
        section = fn(*args, **kwargs)
    except NotAvailable as exc:
        section = Section(key, title, unavailable=str(exc))
    except Exception as exc:  # keep going: the other sections still tell something
        log(traceback.format_exc())
        section = Section(key, title, unavailable=f"{exc.__class__.__name__}: {exc}")
    section.seconds = round(time.perf_counter() - started, 1)
    section.figures.setdefault("section_seconds", section.seconds)
    if section.unavailable:
        log(f"{key}: not available: {section.unavailable}")
    report.sections.append(section)
    return section


def inputs_section(inputs: inputs_mod.Inputs, docs: list, parse_info: dict) -> Section:
    """The generated inputs: what, pages, size, content."""
    section = Section("inputs", f"Inputs (generator v{generate.GENERATOR_VERSION}, {inputs.root})")
    section.headers = ["input", "pages", "size MB", "content"]
    for label, count in (
        ("library 2k", inputs_mod.SMALL_LIBRARY_DOCS),
        ("library 10k", inputs_mod.LARGE_LIBRARY_DOCS),
    ):
        pdfs = inputs.library_pdfs[:count]
        size = sum(p.stat().st_size for p in pdfs) / 1e6
        clauses = sum(len(d["parsed"].clauses) for d in docs[:count]) if docs else None
        section.rows.append([label, count * inputs_mod.DOC_PAGES, round(size, 2), f"{count} documents, {clauses:,} clauses" if clauses is not None else f"{count} documents"])  # fmt: skip
    section.rows.append(["spec for import", inputs_mod.IMPORT_PAGES, round(inputs.import_pdf.stat().st_size / 1e6, 2), "1 document"])  # fmt: skip
    for n, path in inputs.audits.items():
        section.rows.append([f"audit {n} p", n, round(path.stat().st_size / 1e6, 3), f"{2 * n} go-backs (paragraph + INFRACTION #n block a page)"])  # fmt: skip
    section.rows.append(["upload", 1, round(inputs.upload.stat().st_size / 1e6, 3), "1-page audit + incompressible photo"])  # fmt: skip
    section.notes.append(
        f"generation: {'cached' if inputs.cached else 'fresh'} ({inputs.seconds:.1f} s when made); library parse: "
        f"{'cached' if parse_info.get('cached') else 'fresh'} ({parse_info.get('seconds', 0):.1f} s wall, "
        f"{parse_info.get('parse_cpu_seconds', 0):.1f} s CPU)"
    )
    try:
        fidelity = inputs_mod.text_fidelity(inputs)
        section.notes.append(
            f"text check: {fidelity['pages']} pages of {fidelity['documents']} library documents re-extracted "
            f"with engine.pdftext, {fidelity['mismatched_pages']} differ from the cached text"
        )
    except Exception as exc:
        fidelity = {"error": f"{exc.__class__.__name__}: {exc}"}
    section.figures = {
        "text_fidelity": fidelity,
        "generator_version": generate.GENERATOR_VERSION,
        "cached": inputs.cached,
        "generation_seconds": inputs.seconds,
        "parse": {k: v for k, v in parse_info.items() if k != "key"},
    }
    return section


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Command-line options (all optional; ``make bench`` uses the defaults)."""
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    p.add_argument("--only", default="", help="comma-separated sections: import,pages,extraction,stages,scaling,profile,memory,submit,throughput")  # fmt: skip
    p.add_argument("--clients", type=int, default=50, help="concurrent submit clients (default 50)")
    p.add_argument("--per-client", type=int, default=8, help="requests per client (default 8)")
    p.add_argument(
        "--audits", type=int, default=0, help="audits per throughput run (default: sized to ~40 s)"
    )
    p.add_argument("--processes", type=int, default=2, help="processes for generating and parsing inputs")
    p.add_argument(
        "--huge",
        action="store_true",
        help="also the 50,000-page library (about 6 more minutes, ~4 GB of memory)",
    )
    return p.parse_args(argv)


def _throughput_audits(report: Report, requested: int) -> int:
    """Audits per throughput run: 300 (the issue's minimum, so the workers' cold start is in the run),
    unless asked otherwise."""
    return requested or 300


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; print the report; write ``benchmarks/out/results.json``. Returns 0."""
    args = parse_args(argv or [])
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    wanted = lambda name: not only or name in only  # noqa: E731
    started = time.perf_counter()

    from benchmarks.env import prepare_environment

    data_dir = prepare_environment()
    report = Report()
    report.header = [
        f"Nexa benchmarks  {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC  on {platform.node()}: "
        f"{os.cpu_count()} cores, Python {platform.python_version()}",
    ]
    log(f"data dir {data_dir}")
    inputs = inputs_mod.ensure_inputs(data_dir, processes=args.processes, log=log)

    from benchmarks import library as bench_library

    docs, parse_info = [], {}
    try:
        docs, parse_info = bench_library.parse_library(inputs, processes=args.processes, log=log)
    except Exception as exc:
        log(traceback.format_exc())
        parse_info = {"error": f"{exc.__class__.__name__}: {exc}"}

    from benchmarks import env, sections

    backends = env.setup_django()
    import logging

    for name in ("httpx", "httpcore", "bm25s"):  # one line per request would drown the progress
        logging.getLogger(name).setLevel(logging.WARNING)
    (data_dir / "static").mkdir(exist_ok=True)  # whitenoise warns in every web worker without it
    report.header.append(
        f"database: {backends['database']} ({backends['database_name']}); redis: {backends['redis']}; "
        f"data dir: {backends['data_dir']}"
    )
    report.extra["backends"] = backends
    user, token = env.bench_user_and_token()
    ctx = sections.Context(data_dir=data_dir, inputs=inputs, log=log, docs=docs, user=user, token=token)
    report.sections.append(inputs_section(inputs, docs, parse_info))
    try:
        if docs:
            db_info = bench_library.install_db_library(docs, parse_info["key"], data_dir, log=log)
            report.extra["db_library"] = db_info
            bench_library.activate(inputs_mod.SMALL_LIBRARY_DOCS)
        if wanted("import"):
            guarded(report, "spec_import", "Spec import", sections.run_spec_import, ctx)
        if wanted("pages"):
            from benchmarks import pages

            guarded(report, "pages", "Staff pages", pages.run_pages, ctx)
        if wanted("extraction"):
            guarded(report, "extraction", "Text extraction", sections.run_extraction, ctx)
        if wanted("stages"):
            guarded(report, "stages", "Analysis stage split", sections.run_stages, ctx)
            ctx.figures.update(report.figures())
        if wanted("profile"):
            guarded(report, "profile", "Profile of the slowest stage", sections.run_profile, ctx)
        ctx.stage_samples.clear()  # drop the in-process library before the probes
        if wanted("memory") or wanted("scaling"):
            guarded(report, "memory", "Memory", sections.run_memory, ctx)
            guarded(report, "scaling", "Scaling", sections.run_scaling, ctx)
        if args.huge:
            guarded(report, "huge", "Scaling to 50,000 pages", sections.run_huge, ctx)
        if wanted("submit") or wanted("throughput"):
            _run_server_sections(report, ctx, args, wanted)
    finally:
        try:
            env.clear_queues()
            env.delete_bench_audits(user)
        except Exception as exc:
            log(f"clean-up: {exc}")
        env.stop_embedded_redis()
    total = time.perf_counter() - started
    report.extra["total_seconds"] = round(total, 1)
    report.header.append(f"total run time: {total:.0f} s")
    out = OUT_DIR / "results.json"
    report.write_json(out)
    print(report.render())
    print(f"\nfigures: {out}")
    return 0


def _run_server_sections(report: Report, ctx, args, wanted) -> None:
    from benchmarks import server

    log_path = Path(ctx.data_dir) / "bench-gunicorn.log"
    try:
        with server.gunicorn(log_path) as (base_url, argv):
            if wanted("submit"):
                guarded(
                    report,
                    "submit",
                    "Submit latency",
                    server.run_submit,
                    ctx,
                    base_url,
                    argv,
                    clients=args.clients,
                    per_client=args.per_client,
                )
            if wanted("throughput"):
                audits = _throughput_audits(report, args.audits)
                guarded(
                    report,
                    "throughput",
                    "Worker throughput",
                    server.run_throughput,
                    ctx,
                    base_url,
                    audits=audits,
                )
    except NotAvailable as exc:
        for key, title in (("submit", "Submit latency"), ("throughput", "Worker throughput")):
            if wanted(key) and key not in report.figures():
                report.sections.append(Section(key, title, unavailable=str(exc)))
