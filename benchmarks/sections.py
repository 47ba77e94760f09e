"""The in-process measurements: stage split, scaling, spec import, index build, memory, profile.

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
    """Wraps the engine's ranking call (a ``Library`` method or an ``audits.engine`` function) so the
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
        engine = importlib.import_module("audits.engine")
        # The ranking call: a method of the Library, of its index, or a function of audits.engine.
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
                self.found = f"audits.engine.{name}"
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
    from audits import detection, engine
    from nexa.pdftext import extract_pages

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


# --- spec import and index build -------------------------------------------------------------------


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


def run_spec_import(ctx: Context) -> Section:
    """Spec import pages/s on the generated 500-page spec, and the library index build time."""
    section = Section("spec_import", "Spec import and library index build")
    section.headers = ["what", "pages", "seconds", "pages/s", "note"]
    # Library construction (the ranking index) for 2k and 10k pages.
    engine = _require("audits.engine", "Library")
    from benchmarks.library import clause_records

    for label, count in (("2k", SMALL), ("10k", LARGE)):
        records = clause_records(ctx.docs[:count])
        started = time.perf_counter()
        ctx.libraries[label] = engine.Library(records)
        seconds = time.perf_counter() - started
        pages = count * inputs_mod.DOC_PAGES
        section.figures[f"index_build_{label}_s"] = round(seconds, 3)
        section.figures[f"clauses_{label}"] = len(records)
        section.rows.append(
            [
                f"index build, {pages:,}-page library",
                pages,
                round(seconds, 3),
                None,
                f"{len(records):,} clauses",
            ]
        )
    parse_cpu = sum(d.get("parse_seconds", 0.0) for d in ctx.docs)
    if parse_cpu:
        pages = sum(d["pages"] for d in ctx.docs)
        section.figures["parse_pages_per_second"] = round(pages / parse_cpu, 1)
        section.rows.append(
            [
                "parse_spec only (library, CPU time)",
                pages,
                round(parse_cpu, 2),
                round(pages / parse_cpu, 1),
                "",
            ]
        )
    if _is_stub("specs.parsing"):
        section.notes.append(
            "specs.parsing is still the stub: clause counts and parse speed are not real yet"
        )
    try:
        name, fn = _import_callable()
    except NotAvailable as exc:
        section.unavailable = f"spec import: {exc}"
        return section
    from specs.models import SpecDocument

    path = ctx.inputs.import_pdf
    import hashlib

    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    SpecDocument.objects.filter(sha256=sha).delete()
    started = time.perf_counter()
    cpu_started = time.process_time()
    try:
        result = fn(path, ctx.user)
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
        pages_per_second=round(pages / seconds, 1),
        import_seconds=round(seconds, 3),
        import_cpu_seconds=round(cpu, 3),
        import_status=str(status),
        import_clauses=clauses,
        import_function=f"specs.services.{name}",
    )
    section.rows.insert(
        0,
        [
            f"import {pages}-page spec (specs.services.{name})",
            pages,
            round(seconds, 3),
            round(pages / seconds, 1),
            f"status {status}, {clauses:,} clauses",
        ],
    )
    del result
    return section


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


def run_stages(ctx: Context, repeats: int = 3) -> Section:
    """Time split of a 10-page audit against the 2,000-page library (DB library via load_library)."""
    from benchmarks.library import activate

    section = Section("stages", "Analysis stage split (10-page audit, 2,000-page library)")
    library_mod = _require("audits.library", "load_library")
    services = _require("audits.services", "analyze_audit")
    activate(SMALL)
    library_mod._cached = None  # a cold load: DB read + index build
    started = time.perf_counter()
    version, library = library_mod.load_library()
    cold = time.perf_counter() - started
    started = time.perf_counter()
    library_mod.load_library()
    warm_load = time.perf_counter() - started
    data = ctx.inputs.audits[10].read_bytes()
    runs = [analyse_plain(data, library) for _ in range(repeats)]
    stage = {k: median([r[k] for r in runs]) for k in ("extract", "detect", "retrieve", "decide")}
    last = runs[-1]
    ctx.stage_samples["calls"] = last["_calls"]
    ctx.stage_samples["found"] = last["_found"]
    ctx.stage_samples["library"] = library
    ctx.stage_samples["data"] = data

    # The real service, with progress timestamps: gives "save" and the whole worker time.
    service_runs = []
    for i in range(repeats):
        audit = _make_audit_row(ctx, data, f"stage-{i}.pdf")
        marks = []
        t0 = time.perf_counter()
        services.analyze_audit(
            audit, lambda stage, pct, marks=marks: marks.append((stage, time.perf_counter()))
        )
        t_end = time.perf_counter()
        saving = next((t for s, t in marks if s == "saving"), t_end)
        service_runs.append({"total": t_end - t0, "save": t_end - saving, "marks": marks, "t0": t0})
    stage["save"] = median([r["save"] for r in service_runs])
    total = sum(stage.values())
    service_total = median([r["total"] for r in service_runs])
    section.headers = ["stage", "ms", "share", "note"]
    notes = {
        "extract": "nexa.pdftext.extract_pages",
        "detect": "audits.detection.extract_metadata + detect_infractions",
        "retrieve": f"ranking inside decide ({last['retrieval'] or 'no retrieval entry point recognised'})",
        "decide": "audits.engine.decide, excluding retrieval",
        "save": "audits.services.analyze_audit after its 'saving' progress mark",
    }
    for name, seconds in stage.items():
        share = f"{100 * seconds / total:.0f} %" if total else "-"
        section.rows.append([name, round(seconds * 1000, 1), share, notes[name]])
    section.rows.append(
        ["sum of stages", round(total * 1000, 1), "100 %", f"{last['infractions']} infractions"]
    )
    section.rows.append(["analyze_audit (service, warm)", round(service_total * 1000, 1), "", "median"])
    section.rows.append(
        ["load_library cold", round(cold * 1000, 1), "", "DB read + index build, once a process"]
    )
    section.rows.append(["load_library warm", round(warm_load * 1000, 3), "", "cached per library version"])
    section.figures.update(
        {f"{k}_ms": round(v * 1000, 2) for k, v in stage.items()},
        sum_ms=round(total * 1000, 2),
        service_ms=round(service_total * 1000, 2),
        worker_seconds=round(max(total, service_total), 4),
        load_library_cold_ms=round(cold * 1000, 1),
        load_library_warm_ms=round(warm_load * 1000, 3),
        infractions=last["infractions"],
        library_version=version,
        library_clauses=len(library),
        retrieval_entry=last["retrieval"],
    )
    ctx.figures["stage_seconds"] = stage
    for stub in ("audits.detection", "audits.engine", "specs.parsing"):
        if _is_stub(stub):
            section.notes.append(f"{stub} is still the stub: its figures are not real yet")
    return section


# --- scaling ---------------------------------------------------------------------------------------


def run_scaling(ctx: Context) -> Section:
    """Analysis time (extract + detect + decide) by library size and audit length."""
    if not ctx.libraries:
        raise NotAvailable("no in-process library was built (see the spec import section)")
    section = Section(
        "scaling", "Scaling: analysis time per audit, ms (extract + detect + retrieve + decide)"
    )
    sizes = inputs_mod.AUDIT_SIZES
    section.headers = ["library", *[f"{n} page{'s' if n > 1 else ''}" for n in sizes], "ms/page (50 p)"]
    repeats = {1: 3, 10: 2, 50: 1}
    for label, library in ctx.libraries.items():
        row: list = [f"{label} pages ({len(library):,} clauses)"]
        for n in sizes:
            data = ctx.inputs.audits[n].read_bytes()
            runs = [analyse_plain(data, library) for _ in range(repeats.get(n, 1))]
            seconds = median([r["extract"] + r["detect"] + r["retrieve"] + r["decide"] for r in runs])
            section.figures[f"{label}_{n}p_ms"] = round(seconds * 1000, 1)
            section.figures[f"{label}_{n}p_infractions"] = runs[0]["infractions"]
            row.append(round(seconds * 1000, 1))
        row.append(round(section.figures[f"{label}_{sizes[-1]}p_ms"] / sizes[-1], 1))
        section.rows.append(row)
    return section


# --- memory ----------------------------------------------------------------------------------------


def run_memory(ctx: Context) -> Section:
    """Peak RSS of a fresh process that loads the 10,000-page (and 2,000-page) library and analyses an audit."""
    from benchmarks.library import activate

    _require("audits.library", "load_library")
    section = Section("memory", "Memory: a worker-like process (load_library + one 10-page audit)")
    section.headers = [
        "library",
        "clauses",
        "RSS after setup MB",
        "RSS after load MB",
        "peak RSS MB",
        "load s",
    ]
    try:
        for label, docs in (("small", SMALL), ("large", LARGE)):
            activate(docs)
            proc = subprocess.run(
                [sys.executable, "-m", "benchmarks.memory_probe", str(ctx.inputs.audits[10])],
                capture_output=True,
                text=True,
                timeout=300,
                cwd=str(Path(__file__).resolve().parent.parent),
            )
            lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
            if proc.returncode != 0 or not lines:
                raise NotAvailable(f"memory probe failed: {proc.stderr.strip()[-300:]}")
            probe = json.loads(lines[-1])
            section.figures[label] = probe
            section.rows.append(
                [
                    f"{docs * inputs_mod.DOC_PAGES:,} pages",
                    probe["clauses"],
                    probe["rss_setup_mb"],
                    probe["rss_loaded_mb"],
                    probe["peak_rss_mb"],
                    probe["load_seconds"],
                ]
            )
    finally:
        activate(SMALL)
    return section


# --- profile ---------------------------------------------------------------------------------------


def run_profile(ctx: Context, min_seconds: float = 2.0) -> Section:
    """Profile (pyinstrument) the slowest analysis stage; write benchmarks/out/profile.txt."""
    from pyinstrument import Profiler
    from pyinstrument.renderers import ConsoleRenderer

    stages = ctx.figures.get("stage_seconds")
    if not stages:
        raise NotAvailable("the stage split did not run")
    slowest = max(stages, key=stages.get)
    data = ctx.stage_samples["data"]
    library = ctx.stage_samples["library"]
    found = ctx.stage_samples["found"]
    calls = ctx.stage_samples["calls"]

    from audits import detection, engine
    from nexa.pdftext import extract_pages

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

    profiler = Profiler(interval=0.0005)
    profiler.start()
    started = time.perf_counter()
    rounds = 0
    while time.perf_counter() - started < min_seconds or rounds < 1:
        once()
        rounds += 1
    profiler.stop()
    tree = profiler.output(ConsoleRenderer(unicode=False, color=False, show_all=False, short_mode=False))
    flat = profiler.output(ConsoleRenderer(unicode=False, color=False, flat=True, flat_time="self"))
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / "profile.txt"
    path.write_text(
        f"Profile of the slowest stage: {slowest} ({rounds} rounds, 10-page audit, 2,000-page library)\n\n"
        f"== call tree\n{tree}\n\n== self time by function (flat)\n{flat}\n"
    )
    top = [ln for ln in flat.splitlines() if ln.strip()][:25]
    section = Section(
        "profile", f"Profile of the slowest stage: {slowest} (pyinstrument; full text in {path})"
    )
    section.notes = top
    section.figures = {"stage": slowest, "rounds": rounds, "path": str(path), "top": top}
    return section
