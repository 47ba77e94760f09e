"""The in-process measurements: stage split, scaling, spec import, snapshot build, memory, profile.

Each ``run_*`` function takes the shared :class:`Context`, returns a :class:`Section` and raises
:class:`NotAvailable` when a component it needs has not landed; ``benchmarks.run`` turns that into
a "not available: <reason>" row instead of a crash.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import inputs as inputs_mod
from benchmarks.report import NotAvailable, Section

OUT_DIR = Path(__file__).resolve().parent / "out"
SMALL, LARGE = inputs_mod.SMALL_LIBRARY_DOCS, inputs_mod.LARGE_LIBRARY_DOCS


@dataclass
class Context:
    """State shared by the sections of one run."""

    data_dir: Path
    inputs: inputs_mod.Inputs
    log: Callable = print
    docs: list = field(default_factory=list)  # parsed library documents (benchmarks.library)
    user: object = None
    token: str = ""
    libraries: dict = field(default_factory=dict)  # "2k"/"10k" -> in-process engine Library
    stage_samples: dict = field(default_factory=dict)  # stage -> replayable callable, for the profile
    figures: dict = field(default_factory=dict)  # figures of earlier sections, by section key


def median(values: list[float]) -> float:
    """The median of ``values`` (0.0 for none)."""
    return statistics.median(values) if values else 0.0


def _require(module: str, *names: str):
    """Import ``module`` and return it, or raise NotAvailable naming what is missing."""
    try:
        mod = importlib.import_module(module)
    except Exception as exc:
        raise NotAvailable(f"{module} cannot be imported ({exc.__class__.__name__}: {exc})") from exc
    for name in names:
        if not hasattr(mod, name):
            raise NotAvailable(f"{module}.{name} does not exist yet")
    return mod


def _is_stub(module: str) -> bool:
    mod = importlib.import_module(module)
    return "STUB:" in (mod.__doc__ or "")


# --- retrieval timing ------------------------------------------------------------------------------

RETRIEVAL_NAMES = ("search", "retrieve", "rank", "candidates", "query", "top_k", "find_candidates")


class RetrievalTimer:
    """Wraps the engine's ranking call (a ``Library`` method or an ``engine.library`` function) so the
    time ``decide`` spends retrieving can be told apart from the time it spends deciding.

    ``found`` names what was wrapped ("" when no retrieval entry point was recognised); ``seconds``
    accumulates inside ``with`` blocks; ``calls`` keeps the arguments of the first calls so the
    profiler can replay them.
    """

    def __init__(self, library):
        self.library = library
        self.seconds = 0.0
        self.calls: list[tuple[Callable, tuple, dict]] = []
        self.found = ""
        self._restore: list[Callable] = []

    def _wrap(self, fn: Callable) -> Callable:
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started
                if len(self.calls) < 200:
                    self.calls.append((fn, args, kwargs))

        return timed

    def __enter__(self):
        engine = importlib.import_module("engine.library")
        # The ranking call: a method of the Library, of its index, or a function of engine.library.
        for owner, label in (
            (self.library, "Library"),
            (getattr(self.library, "index", None), "Library.index"),
        ):
            if owner is None:
                continue
            for name in RETRIEVAL_NAMES:
                if callable(getattr(type(owner), name, None)):
                    setattr(owner, name, self._wrap(getattr(owner, name)))
                    self._restore.append(lambda o=owner, n=name: delattr(o, n))
                    self.found = f"{label}.{name}"
                    return self
        for name in RETRIEVAL_NAMES:
            fn = getattr(engine, name, None)
            if inspect.isfunction(fn):
                setattr(engine, name, self._wrap(fn))
                self._restore.append(lambda n=name, f=fn: setattr(engine, n, f))
                self.found = f"engine.library.{name}"
                break
        return self

    def __exit__(self, *exc):
        for undo in self._restore:
            undo()
        self._restore.clear()


def analyse_plain(data: bytes, library, max_pages: int = 500) -> dict:
    """Extract, detect and decide one audit with the plain-Python functions, timing each stage.

    Returns:
        ``{"extract", "detect", "retrieve", "decide", "infractions", "pages", "retrieval"}``; times in
        seconds; ``decide`` excludes the retrieval time measured inside it.
    """
    import engine
    from engine.audit import detection
    from engine.pdftext import extract_pages

    t0 = time.perf_counter()
    text = extract_pages(data, max_pages=max_pages)
    t1 = time.perf_counter()
    detection.extract_metadata(text.pages)
    found, _warnings = detection.detect_infractions(text.pages)
    t2 = time.perf_counter()
    with RetrievalTimer(library) as rt:
        for inf in found:
            engine.decide(inf.description, inf.fields, library)
    t3 = time.perf_counter()
    return {
        "extract": t1 - t0,
        "detect": t2 - t1,
        "retrieve": rt.seconds,
        "decide": (t3 - t2) - rt.seconds,
        "infractions": len(found),
        "pages": text.page_count,
        "retrieval": rt.found,
        "_calls": rt.calls,
        "_found": found,
    }


# --- spec import -----------------------------------------------------------------------------------


def _import_callable():
    """The spec import as one call ``fn(path, user) -> SpecDocument``, and its name.

    ``specs.services``: ``register_upload(data, filename, user)`` stores the file and creates the
    row, ``import_document(document_id)`` extracts, parses and saves the clauses (what the RQ task
    runs). Both are timed: together they are the work one uploaded spec costs.
    """
    services = _require("specs.services")
    if not (hasattr(services, "register_upload") and hasattr(services, "import_document")):
        raise NotAvailable("specs.services has no register_upload/import_document yet")

    def run(path: Path, user):
        reg = services.register_upload(path.read_bytes(), path.name, user=user)
        return services.import_document(reg.document.pk)

    return "register_upload + import_document", run


# --- stage split -----------------------------------------------------------------------------------


def _make_audit_row(ctx: Context, data: bytes, name: str):
    import hashlib

    from django.core.files.base import ContentFile

    from audits.models import Audit

    audit = Audit(
        owner=ctx.user, original_filename=name, sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data)
    )
    audit.file.save(name, ContentFile(data), save=False)
    audit.save()
    return audit


def run_spec_import(ctx: Context) -> Section:
    """Spec import pages/s on the generated 500-page spec (wall and CPU), and parse-only speed."""
    import hashlib

    section = Section("spec_import", "Spec import")
    section.headers = ["what", "pages", "wall s", "CPU s", "pages/s (wall)", "pages/CPU-s", "note"]
    parse_cpu = sum(d.get("parse_seconds", 0.0) for d in ctx.docs)
    if parse_cpu:
        pages = sum(d["pages"] for d in ctx.docs)
        section.figures["parse_pages_per_cpu_second"] = round(pages / parse_cpu, 1)
        section.rows.append(
            ["engine.spec.parsing.parse_spec alone (library)", pages, None, round(parse_cpu, 2), None,
             round(pages / parse_cpu, 1), "2 processes; per-document CPU time"]
        )  # fmt: skip
    if _is_stub("engine.spec.parsing"):
        section.notes.append(
            "engine.spec.parsing is still the stub: clause counts and parse speed are not real yet"
        )
    name, fn = _import_callable()
    from specs.models import SpecDocument

    path = ctx.inputs.import_pdf
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    SpecDocument.objects.filter(sha256=sha).delete()
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        fn(path, ctx.user)
    finally:
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
    doc = SpecDocument.objects.filter(sha256=sha).first()
    pages = inputs_mod.IMPORT_PAGES
    status = getattr(doc, "status", "?")
    clauses = doc.clauses.count() if doc else 0
    if doc is not None:
        try:
            if doc.file and os.path.exists(doc.file.path):
                os.unlink(doc.file.path)
        except (ValueError, OSError):
            pass
        doc.delete()
    section.figures.update(
        pages_per_second=round(pages / cpu, 1),  # per core: CPU time of the importing process
        pages_per_second_wall=round(pages / seconds, 1),
        import_seconds=round(seconds, 3),
        import_cpu_seconds=round(cpu, 3),
        import_status=str(status),
        import_clauses=clauses,
        import_function=f"specs.services.{name}",
    )
    section.rows.insert(
        0,
        [f"import {pages}-page spec ({name})", pages, round(seconds, 2), round(cpu, 2),
         round(pages / seconds, 1), round(pages / cpu, 1), f"status {status}, {clauses:,} clauses"],
    )  # fmt: skip
    section.notes.append(
        "per core = pages per CPU-second of the importing process (store + extract + parse + save, "
        "SQLite in-process); wall time also counts waiting for the other engineers' load on the 2 cores"
    )
    # side by side: page text alone, and with titled tables read by their layout (engine/layout_tables.py, what
    # the import does), on the generated spec and on the real-text corpora's spec PDFs (tables of words)
    from engine.pdftext import extract_pages

    corpora = sorted(
        (Path(__file__).resolve().parent.parent / "tests" / "corpora").glob("realtext-*/specs/*.pdf")
    )
    for label, files in (
        (f"generated {pages}-page spec", [path]),
        (f"{len(corpora)} real-text spec PDFs", corpora),
    ):
        if not files:
            continue
        blobs = [f.read_bytes() for f in files]
        n = 0
        for tables in (False, True):
            texts, wall, cpu = _timed(
                lambda blobs=blobs, tables=tables: [extract_pages(b, tables=tables) for b in blobs]
            )
            n = n or sum(len(t.pages) for t in texts)  # the pages read (the plain run counts them)
            key = (
                f"extract_{'tables' if tables else 'plain'}_{'generated' if len(files) == 1 else 'realtext'}"
            )
            section.figures[key + "_pages_per_cpu_second"] = round(n / cpu, 1) if cpu else None
            section.rows.append(
                [f"extract_pages{'(tables=True)' if tables else ''}: {label}", n, round(wall, 2), round(cpu, 2),
                 round(n / wall, 1) if wall else None, round(n / cpu, 1) if cpu else None,
                 "layout read of titled tables" if tables else "plain page text"]
            )  # fmt: skip
    return section


# --- stage split -----------------------------------------------------------------------------------


def _timed(fn):
    """``(result, wall seconds, CPU seconds)`` of ``fn()``."""
    c0, w0 = time.process_time(), time.perf_counter()
    result = fn()
    return result, time.perf_counter() - w0, time.process_time() - c0


def ensure_snapshot(library_mod) -> tuple[float, float]:
    """Build the active library's snapshot afresh (``audits.library``), as the warm-up job after an
    import does; returns ``(wall s, CPU s)``. Leaves no library held in this process."""
    import shutil

    from specs.models import library_version

    shutil.rmtree(library_mod.snapshot_path(library_version()), ignore_errors=True)
    library_mod._cached = None
    _, wall, cpu = _timed(library_mod.load_library)
    library_mod._cached = None
    return wall, cpu


def run_stages(ctx: Context, repeats: int = 3) -> Section:
    """Time split of a 10-page audit against the 2,000-page library (DB library via load_library)."""
    from benchmarks.library import activate

    section = Section("stages", "Analysis stage split (10-page audit, 2,000-page library)")
    library_mod = _require("audits.library", "load_library")
    services = _require("audits.services", "analyze_audit")
    activate(SMALL)
    build_wall, build_cpu = ensure_snapshot(library_mod)
    # then a worker's cold start: the snapshot read, then the first analysis
    (version, library), cold, cold_cpu = _timed(library_mod.load_library)
    _, warm_load, _ = _timed(library_mod.load_library)
    data = ctx.inputs.audits[10].read_bytes()
    first, first_wall, first_cpu = _timed(lambda: analyse_plain(data, library))
    runs = [analyse_plain(data, library) for _ in range(repeats)]
    stage = {k: median([r[k] for r in runs]) for k in ("extract", "detect", "retrieve", "decide")}
    last = runs[-1]
    ctx.stage_samples.update(calls=last["_calls"], found=last["_found"], library=library, data=data)

    # The real service, with progress timestamps: gives "save" and the whole worker time.
    service_runs = []
    for i in range(repeats):
        audit = _make_audit_row(ctx, data, f"stage-{i}.pdf")
        marks: list = []
        progress = lambda stage, pct, marks=marks: marks.append((stage, time.perf_counter()))  # noqa: E731
        _, wall, cpu = _timed(lambda a=audit, p=progress: services.analyze_audit(a, p))
        end = marks[0][1] + wall if marks else 0.0
        saving = next((t for s, t in marks if s == "saving"), end)
        service_runs.append({"wall": wall, "cpu": cpu, "save": max(0.0, end - saving)})
    stage["save"] = median([r["save"] for r in service_runs])
    total = sum(stage.values())
    service_wall = median([r["wall"] for r in service_runs])
    service_cpu = median([r["cpu"] for r in service_runs])
    section.headers = ["stage", "ms", "share", "note"]
    notes = {
        "extract": "engine.pdftext.extract_pages",
        "detect": "engine.audit.detection.extract_metadata + detect_infractions",
        "retrieve": f"ranking inside decide ({last['retrieval'] or 'no retrieval entry point recognised'})",
        "decide": "engine.library.decide, excluding retrieval",
        "save": "audits.services.analyze_audit after its 'saving' progress mark",
    }
    for name, seconds in stage.items():
        share = f"{100 * seconds / total:.0f} %" if total else "-"
        section.rows.append([name, round(seconds * 1000, 1), share, notes[name]])
    rows = [
        ["sum of stages", total * 1000, "100 %", f"{last['infractions']} infractions; median of {repeats}"],
        ["analyze_audit, wall", service_wall * 1000, "", f"the service end to end, median of {repeats}"],
        ["analyze_audit, CPU", service_cpu * 1000, "", "CPU time of the same calls"],
        ["first analysis, wall", first_wall * 1000, "", "right after the load: statements read from the snapshot"],
        ["load_library cold, wall", cold * 1000, "", f"snapshot read ({cold_cpu:.2f} s CPU); once a process"],
        ["cold start, wall", (cold + first_wall) * 1000, "", "snapshot read + first analysis (target < 1,000 ms)"],
        ["load_library warm", warm_load * 1000, "", "kept per library version in the process"],
        ["snapshot build, wall", build_wall * 1000, "", f"DB read + Library + every statement parsed + saved ({build_cpu:.1f} s CPU); once per library version and machine"],
    ]  # fmt: skip
    section.rows += [[a, round(b, 1), c, d] for a, b, c, d in rows]
    section.figures.update(
        {f"{k}_ms": round(v * 1000, 2) for k, v in stage.items()},
        sum_ms=round(total * 1000, 2),
        service_ms=round(service_wall * 1000, 2),
        service_cpu_ms=round(service_cpu * 1000, 2),
        worker_seconds=round(service_cpu, 4),
        first_analysis_ms=round(first_wall * 1000, 1),
        first_analysis_cpu_ms=round(first_cpu * 1000, 1),
        load_library_cold_ms=round(cold * 1000, 1),
        load_library_cold_cpu_ms=round(cold_cpu * 1000, 1),
        load_library_warm_ms=round(warm_load * 1000, 3),
        cold_start_ms=round((cold + first_wall) * 1000, 1),
        snapshot_build_ms=round(build_wall * 1000, 1),
        snapshot_build_cpu_ms=round(build_cpu * 1000, 1),
        infractions=last["infractions"],
        library_version=version,
        library_clauses=len(library),
        retrieval_entry=last["retrieval"],
    )
    section.notes.append(
        "target check uses the service's CPU time (worker time on a shared machine); stage ms are wall"
    )
    del first
    ctx.figures["stage_seconds"] = stage
    for stub in ("engine.audit.detection", "engine.library", "engine.spec.parsing"):
        if _is_stub(stub):
            section.notes.append(f"{stub} is still the stub: its figures are not real yet")
    return section


# --- memory, snapshot build, scaling ----------------------------------------------------------------


def _probe(audits: dict, timeout: float) -> dict:
    """Run ``benchmarks.memory_probe`` (a fresh worker-like process) on the active library with the
    10-page audit first and the others after; its JSON figures. Raises NotAvailable if it fails."""
    extra = [f"{n}={audits[n]}" for n in inputs_mod.AUDIT_SIZES if n != 10]
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.memory_probe", str(audits[10]), *extra],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=str(Path(__file__).resolve().parent.parent),
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise NotAvailable(f"memory probe failed: {proc.stderr.strip()[-400:]}")
    return json.loads(lines[-1])


def run_memory(ctx: Context) -> Section:
    """Peak RSS of a fresh worker-like process per library size (``benchmarks.memory_probe``).

    The same probes time the library load and the analysis of the 1/10/50/200-page
    audits, which :func:`run_scaling` tabulates.
    """
    from benchmarks.library import activate

    _require("audits.library", "load_library")
    section = Section("memory", "Memory and library load: a fresh worker-like process per library")
    section.headers = ["library", "clauses", "RSS setup MB", "RSS loaded MB", "peak 10 p MB", "peak 200 p MB", "load s", "cold start ms", "snapshot build s"]  # fmt: skip
    probes = ctx.figures.setdefault("probes", {})
    audits = ctx.inputs.audits
    try:
        library_mod = importlib.import_module("audits.library")
        for label, docs in (("small", SMALL), ("large", LARGE)):
            activate(docs)
            build_wall, _ = ensure_snapshot(library_mod)
            probe = _probe(audits, timeout=400)
            probe["pages"] = docs * inputs_mod.DOC_PAGES
            probe["snapshot_build_seconds"] = round(build_wall, 1)
            probes[label] = probe
            section.figures[label] = probe
            section.rows.append(
                [f"{probe['pages']:,} pages", probe["clauses"], probe["rss_setup_mb"], probe["rss_loaded_mb"],
                 probe["peak_10p_mb"], probe["peak_rss_mb"], probe["load_seconds"], probe["cold_start_ms"],
                 probe["snapshot_build_seconds"]]
            )  # fmt: skip
        activate(LARGE)
        pair = _pair_pss(audits[10])
        section.figures.update(pair)
        section.rows.append(
            [f"{LARGE * inputs_mod.DOC_PAGES:,} pages, 2 workers", probes["large"]["clauses"], None,
             pair.get("pair_rss_mb"), None, None, None, None, None]
        )  # fmt: skip
        section.notes.append(
            f"2 workers side by side, each loaded + a 10-page audit: PSS together {pair.get('pair_pss_mb')} MB "
            f"(RSS summed {pair.get('pair_rss_mb')} MB; shared pages of the memory-mapped snapshot count once); "
            f"a worker's private memory: {probes['large'].get('private_10p_mb')} MB"
        )
    finally:
        activate(SMALL)
    section.notes.append(
        "process: Django set up, audits.library.load_library() (the snapshot read), then the audits "
        "analysed; peak = VmHWM (target < 300 MB at 10,000 pages); snapshot build = once per library "
        "version and machine (the warm-up job after an import), timed in the bench process"
    )
    return section


def _pair_pss(audit: Path) -> dict:
    """Two memory probes at once on the active library: their PSS and RSS summed, in MB."""
    import tempfile

    from benchmarks.memory_probe import PAIR_ENV

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, PAIR_ENV: tmp}
        cmd = [sys.executable, "-m", "benchmarks.memory_probe", str(audit)]
        cwd = str(Path(__file__).resolve().parent.parent)
        procs = [subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, text=True) for _ in range(2)]
        outs = [p.communicate(timeout=400)[0] for p in procs]
    got = [json.loads([ln for ln in out.splitlines() if ln.startswith("{")][-1]) for out in outs]
    if any(g.get("pss_mb") is None for g in got):
        return {"pair_rss_mb": round(sum(g["rss_mb"] for g in got), 1)}
    return {
        "pair_pss_mb": round(sum(g["pss_mb"] for g in got), 1),
        "pair_rss_mb": round(sum(g["rss_mb"] for g in got), 1),
    }


def run_huge(ctx: Context, copies: int = 4) -> Section:
    """The 50,000-page row (``--huge``): the 10,000-page library and ``copies`` renumbered copies of it;
    snapshot build, then a fresh worker-like process loads it and analyses the audits."""
    from benchmarks.library import activate, activate_huge, install_huge_copies

    if not ctx.docs:
        raise NotAvailable("the benchmark library was not parsed")
    library_mod = importlib.import_module("audits.library")
    install = install_huge_copies(ctx.docs[:LARGE], copies, log=ctx.log)
    section = Section("huge", "Scaling to 50,000 pages (--huge): memory, cold start and analysis per audit")
    sizes = inputs_mod.AUDIT_SIZES
    section.headers = ["library", "clauses", "snapshot build s", "load s", "cold start ms", "peak 10 p MB",
                       "private MB", *[f"{n} p ms" for n in sizes]]  # fmt: skip
    try:
        activate(LARGE)
        activate_huge(True)
        build_wall, _ = ensure_snapshot(library_mod)
        probe = _probe(ctx.inputs.audits, timeout=900)
    finally:
        activate_huge(False)
        activate(SMALL)
    pages = (LARGE * (copies + 1)) * inputs_mod.DOC_PAGES
    section.rows.append(
        [f"{pages:,} pages", probe["clauses"], round(build_wall, 1), probe["load_seconds"], probe["cold_start_ms"],
         probe["peak_10p_mb"], probe.get("private_10p_mb"), *[probe["audits"].get(str(n), {}).get("wall_ms") for n in sizes]]
    )  # fmt: skip
    section.figures = {
        **probe,
        "pages": pages,
        "snapshot_build_seconds": round(build_wall, 1),
        "install": install,
    }
    section.notes.append(
        f"{copies} renumbered copies of the 10,000-page library beside it (installed in {install['seconds']} s); "
        "analysis times are warm (each audit run once before it is timed)"
    )
    return section


def run_scaling(ctx: Context) -> Section:
    """Analysis time by library size and audit length, from the memory probes."""
    probes = ctx.figures.get("probes") or {}
    if not probes:
        raise NotAvailable("the memory probes did not run")
    section = Section(
        "scaling", "Scaling: analysis per audit, ms wall (extract + detect + retrieve + decide)"
    )
    sizes = inputs_mod.AUDIT_SIZES
    section.headers = ["library", *[f"{n} p" for n in sizes], "10 p first", "10 p CPU", "ms/page (50 p)"]
    for probe in probes.values():
        row: list = [f"{probe['pages']:,} pages ({probe['clauses']:,} clauses)"]
        for n in sizes:
            got = probe["audits"].get(str(n), {})
            row.append(got.get("wall_ms"))
            section.figures[f"{probe['pages']}_{n}p_ms"] = got.get("wall_ms")
        row.append(probe["first_10p_ms"])
        row.append(probe["audits"]["10"]["cpu_ms"])
        last = probe["audits"].get(str(sizes[-1]), {}).get("wall_ms")
        row.append(round(last / sizes[-1], 1) if last else None)
        section.figures[f"{probe['pages']}_10p_first_ms"] = probe["first_10p_ms"]
        section.rows.append(row)
    section.notes.append(
        "each audit is run once to warm the clause-statement cache, then timed; '10 p first' is the "
        "first analysis after the load (each worker pays it once per library version)"
    )
    return section


# --- text extraction: pypdf beside PDFium -----------------------------------------------------------


def run_extraction(ctx: Context, documents: int = 25) -> Section:
    """Pages per CPU-second of pypdf (the product) and PDFium (pypdfium2) on the same PDFs."""
    try:
        from benchmarks.pdfium import compare
    except ImportError as exc:
        raise NotAvailable(f"benchmarks.pdfium: {exc}") from exc
    try:
        import pypdfium2  # noqa: F401
    except ImportError as exc:
        raise NotAvailable("pypdfium2 is not installed (make .venv/.installed-stamp)") from exc
    section = Section("extraction", "Text extraction: pypdf (engine.pdftext) beside PDFium (pypdfium2)")
    section.headers = [
        "input",
        "pages",
        "pypdf pages/CPU-s",
        "PDFium pages/CPU-s",
        "ratio",
        "pages differing",
    ]
    inputs = {
        f"library, {documents} documents": ctx.inputs.library_pdfs[:documents],
        "audits 10 + 50 + 200 p": [ctx.inputs.audits[n] for n in (10, 50, 200) if n in ctx.inputs.audits],
    }
    for label, paths in inputs.items():
        got = compare(list(paths))
        ratio = (
            round(got["pdfium_pages_per_s"] / got["pypdf_pages_per_s"], 1)
            if got["pypdf_pages_per_s"] and got["pdfium_pages_per_s"]
            else None
        )
        section.rows.append(
            [
                label,
                got["pages"],
                got["pypdf_pages_per_s"],
                got["pdfium_pages_per_s"],
                ratio,
                got["differing_pages"],
            ]
        )
        section.figures[label] = {**got, "ratio": ratio}
    section.notes.append(
        "pages differing: whitespace-insensitive text differs between the two; scores on every corpus: "
        "make eval beside make eval PDF_TEXT=pdfium"
    )
    return section


# --- profile ---------------------------------------------------------------------------------------


def _profile(fn, min_seconds: float, interval: float) -> tuple[str, str, int]:
    from pyinstrument import Profiler
    from pyinstrument.renderers import ConsoleRenderer

    profiler = Profiler(interval=interval)
    profiler.start()
    started = time.perf_counter()
    rounds = 0
    while time.perf_counter() - started < min_seconds or rounds < 1:
        fn()
        rounds += 1
    profiler.stop()
    tree = profiler.output(ConsoleRenderer(unicode=False, color=False, show_all=False))
    flat = profiler.output(
        ConsoleRenderer(unicode=False, color=False, flat=True, flat_time="self", show_all=True)
    )
    return tree, flat, rounds


def _flat_top(text: str, count: int = 20) -> list[str]:
    """The first ``count`` lines of a pyinstrument text rendering, after its banner."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    start = next((i for i, ln in enumerate(lines) if ln.lstrip()[:1].isdigit()), 0)
    return lines[start : start + count]


def _profile_submit(ctx: Context, requests: int = 10) -> tuple[str, str, int]:
    """Profile the submit view in-process (Django test client, pre-encoded multipart body)."""
    from django.test import Client

    from benchmarks.env import clear_queues, delete_bench_audits
    from benchmarks.server import SUBMIT_PATH, multipart, unique_pdf

    client = Client(HTTP_AUTHORIZATION=f"Token {ctx.token}")
    pdf = ctx.inputs.upload.read_bytes()
    bodies = [
        multipart(unique_pdf(pdf, f"profile-{time.time_ns()}-{i}"), "upload.pdf") for i in range(requests + 1)
    ]
    body, ctype = bodies.pop()
    if client.generic("POST", SUBMIT_PATH, body, content_type=ctype).status_code != 202:  # warm-up
        raise NotAvailable(f"{SUBMIT_PATH} did not answer 202 in-process")

    def one():
        body, ctype = bodies.pop()
        client.generic("POST", SUBMIT_PATH, body, content_type=ctype)

    try:
        tree, flat, _ = _profile(lambda: [one() for _ in range(requests)], 0.0, 0.0005)
        return tree, flat, requests
    finally:
        clear_queues()
        delete_bench_audits(ctx.user)


def run_profile(ctx: Context, min_seconds: float = 2.0) -> Section:
    """Profile (pyinstrument) the slowest analysis stage and the cold library load; write profile.txt."""
    stages = ctx.figures.get("stage_seconds")
    if not stages:
        raise NotAvailable("the stage split did not run")
    slowest = max(stages, key=stages.get)
    data, library = ctx.stage_samples["data"], ctx.stage_samples["library"]
    found, calls = ctx.stage_samples["found"], ctx.stage_samples["calls"]

    import engine
    from engine.audit import detection
    from engine.pdftext import extract_pages

    def once():
        if slowest == "extract":
            extract_pages(data)
        elif slowest == "detect":
            pages = extract_pages(data).pages
            detection.extract_metadata(pages)
            detection.detect_infractions(pages)
        elif slowest == "retrieve" and calls:
            for fn, args, kwargs in calls:
                fn(*args, **kwargs)
        elif slowest in ("decide", "retrieve"):
            for inf in found:
                engine.decide(inf.description, inf.fields, library)
        else:  # save: the whole service call, its tail is the save
            services = importlib.import_module("audits.services")
            services.analyze_audit(_make_audit_row(ctx, data, "profile.pdf"))

    tree, flat, rounds = _profile(once, min_seconds, 0.0005)
    library_mod = importlib.import_module("audits.library")

    def cold_load():
        library_mod._cached = None
        library_mod.load_library()

    load_tree, load_flat, _ = _profile(cold_load, 0.0, 0.005)
    submit_tree, submit_flat, submit_rounds = _profile_submit(ctx)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / "profile.txt"
    path.write_text(
        f"Profile of the slowest analysis stage: {slowest} ({rounds} rounds, 10-page audit, 2,000-page library)\n\n"
        f"== call tree\n{tree}\n\n== self time by function (flat)\n{flat}\n\n"
        f"Profile of a cold audits.library.load_library() (2,000-page library: the snapshot read)\n\n"
        f"== call tree\n{load_tree}\n\n== self time by function (flat)\n{load_flat}\n\n"
        f"Profile of POST /analyze-audit-async in-process ({submit_rounds} requests, ~1 MB PDF each)\n\n"
        f"== call tree\n{submit_tree}\n\n== self time by function (flat)\n{submit_flat}\n"
    )
    top = _flat_top(tree, 24)
    load_top = _flat_top(load_tree, 22)
    section = Section(
        "profile", f"Profile (pyinstrument call trees, top lines; full text and flat self times in {path})"
    )
    section.notes = [f"slowest analysis stage: {slowest} ({rounds} rounds)", *top, "",
                     "cold load_library (once per worker and library version):", *load_top,
                     "", f"POST /analyze-audit-async in-process ({submit_rounds} requests):", *_flat_top(submit_tree, 30)]  # fmt: skip
    section.figures = {
        "stage": slowest,
        "rounds": rounds,
        "path": str(path),
        "top": top,
        "load_top": load_top,
    }
    return section
