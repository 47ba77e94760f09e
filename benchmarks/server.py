"""Benchmarks through real processes: submit latency against gunicorn, throughput of 2 rqworkers.

gunicorn is started with the Procfile's ``web`` command (gunicorn.conf.py: workers, threads, timeout,
max-requests), bound to a free loopback port; the workers with
``manage.py rqworker high default batch --burst --serializer rq.serializers.JSONSerializer``.
Both inherit the benchmark's environment (``NEXA_DATA_DIR``, ``DATABASE_URL``, ``REDIS_URL``).
"""

from __future__ import annotations

import asyncio
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from benchmarks import generate
from benchmarks.inputs import LARGE_LIBRARY_DOCS, SMALL_LIBRARY_DOCS
from benchmarks.report import NotAvailable, Section

ROOT = Path(__file__).resolve().parent.parent
SUBMIT_PATH = "/analyze-audit-async"
WORKER_ARGS = [
    "rqworker",
    "high",
    "default",
    "batch",
    "--burst",
    "--serializer",
    "rq.serializers.JSONSerializer",
]


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (``pct`` in 0-100) of ``values``; 0.0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-pct * len(ordered) // 100))))
    return ordered[rank - 1]


def _expand(word: str) -> str:
    """Expand ``${VAR:-default}`` and ``$VAR`` the way the Procfile's shell would."""

    def repl(m: re.Match) -> str:
        name, default = m.group(1) or m.group(3), m.group(2) or ""
        return os.environ.get(name) or default

    return re.sub(r"\$\{(\w+)(?::-([^}]*))?\}|\$(\w+)", repl, word)


def procfile_web_command(port: int) -> list[str]:
    """The Procfile's ``web`` command as argv, bound to ``127.0.0.1:port``, run with this Python."""
    text = (ROOT / "Procfile").read_text()
    line = next(ln for ln in text.splitlines() if ln.startswith("web:"))
    argv = [_expand(w) for w in shlex.split(line.split(":", 1)[1])]
    if argv[0] == "gunicorn":
        argv = [sys.executable, "-m", "gunicorn", *argv[1:]]
    if "--bind" in argv:
        argv[argv.index("--bind") + 1] = f"127.0.0.1:{port}"
    else:
        argv += ["--bind", f"127.0.0.1:{port}"]
    return argv


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(log_path: Path, timeout: float = 180.0):
    """Run gunicorn (Procfile web settings) for the ``with`` block; yields ``(base_url, argv)``."""
    import httpx

    port = _free_port()
    argv = procfile_web_command(port)
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            argv, cwd=str(ROOT), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise NotAvailable(f"gunicorn exited with {proc.returncode}; see {log_path}")
            try:
                if httpx.get(f"{base}/health", timeout=60).status_code in (200, 503):
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise NotAvailable(f"gunicorn did not answer /health within {timeout:.0f} s; see {log_path}")
            time.sleep(0.5)
        # every worker imports the app lazily on its first request: touch each before measuring
        for _ in range(8):
            httpx.get(f"{base}/health", timeout=60)
        yield base, argv
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def multipart(data: bytes, filename: str) -> tuple[bytes, str]:
    """A ready-made ``multipart/form-data`` body with one ``file`` part; returns (body, content type)."""
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    return head + data + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def unique_pdf(base: bytes, tag: str) -> bytes:
    """``base`` with a trailing PDF comment, so every upload has its own SHA-256 (no cache, no sharing)."""
    return base + f"\n%bench {tag}\n".encode()


OPEN_LOOP_RATE = 25.0  # requests per second in total, the open-loop load
OPEN_LOOP_SECONDS = 12.0


class _Latencies:
    """Submits timed by one load run: each ``post`` records its latency (from ``since``) and any answer
    other than 202; ``figures`` gives the run's table row."""

    def __init__(self, client, tokens: list[str]):
        self.client, self.tokens = client, tokens
        self.seconds: list[float] = []
        self.errors: dict[str, int] = {}

    async def post(self, body: bytes, ctype: str, user: int, since: float) -> None:
        import httpx

        headers = {"Content-Type": ctype, "Authorization": f"Token {self.tokens[user % len(self.tokens)]}"}
        try:
            resp = await self.client.post(SUBMIT_PATH, content=body, headers=headers)
            code = str(resp.status_code)
        except httpx.HTTPError as exc:
            code = exc.__class__.__name__
        self.seconds.append(time.perf_counter() - since)
        if code != "202":
            self.errors[code] = self.errors.get(code, 0) + 1

    def figures(self, clients, wall: float) -> dict:
        ms = [x * 1000 for x in self.seconds]
        return {
            "clients": clients,
            "requests": len(ms),
            "errors": sum(self.errors.values()),
            "error_codes": self.errors,
            "rps": round(len(ms) / wall, 1) if wall else 0.0,
            "p50_ms": round(percentile(ms, 50), 1),
            "p95_ms": round(percentile(ms, 95), 1),
            "p99_ms": round(percentile(ms, 99), 1),
            "max_ms": round(max(ms), 1) if ms else 0.0,
            "wall_s": round(wall, 2),
        }


def _client(base_url: str, connections: int):
    import httpx

    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    return httpx.AsyncClient(base_url=base_url, timeout=60, limits=limits)


async def _load(
    base_url: str, tokens: list[str], pdf: bytes, clients: int, per_client: int, tag: str
) -> dict:
    """Closed-loop load: ``clients`` clients, each sending its next upload when the last is answered."""
    async with _client(base_url, clients) as client:
        timed = _Latencies(client, tokens)

        async def one_client(c: int):
            for i in range(per_client):
                body, ctype = multipart(unique_pdf(pdf, f"{tag}-{c}-{i}"), "upload-1mb.pdf")
                await timed.post(body, ctype, c, time.perf_counter())

        started = time.perf_counter()
        await asyncio.gather(*(one_client(c) for c in range(clients)))
        wall = time.perf_counter() - started
    return timed.figures(clients, wall)


async def _open_loop(
    base_url: str, tokens: list[str], pdf: bytes, rate: float, seconds: float, tag: str
) -> dict:
    """Open-loop load: request ``i`` is due at ``i / rate`` s whatever the answers before it, users in
    turn; latency counts from when a request was due (a slow answer delays no later send, so queueing
    shows in the figures instead of being hidden by it). Bodies are built before the clock starts."""
    count = int(rate * seconds)
    bodies = [multipart(unique_pdf(pdf, f"{tag}-{i}"), "upload-1mb.pdf") for i in range(count)]
    async with _client(base_url, len(tokens)) as client:
        timed = _Latencies(client, tokens)
        start = time.perf_counter()

        async def one(i: int):
            due = start + i / rate
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            await timed.post(*bodies[i], i, due)

        await asyncio.gather(*(one(i) for i in range(count)))
        wall = time.perf_counter() - start
    return timed.figures(f"{len(tokens)} users, open loop {rate:g}/s", wall)


def run_submit(ctx, base_url: str, argv: list[str], clients: int = 50, per_client: int = 8) -> Section:
    """``POST /analyze-audit-async`` latency: 50 concurrent clients, a unique ~1 MB PDF per request."""
    from benchmarks.env import clear_queues, client_tokens, delete_bench_audits

    pdf = ctx.inputs.upload.read_bytes()
    tag = uuid.uuid4().hex[:8]
    tokens = client_tokens(clients)
    probe = asyncio.run(_load(base_url, tokens, pdf, 1, 1, tag + "-probe"))
    if probe["errors"]:
        raise NotAvailable(f"{SUBMIT_PATH} answered {probe['error_codes']} (expected 202)")
    asyncio.run(_load(base_url, tokens, pdf, 8, 3, tag + "-warm"))
    single = asyncio.run(_load(base_url, tokens[1:2] or tokens, pdf, 1, 20, tag + "-one"))
    loaded = asyncio.run(_load(base_url, tokens, pdf, clients, per_client, tag + "-load"))
    clear_queues()
    delete_bench_audits(ctx.user)
    opened = asyncio.run(_open_loop(base_url, tokens, pdf, OPEN_LOOP_RATE, OPEN_LOOP_SECONDS, tag + "-open"))
    dropped = clear_queues()
    deleted = delete_bench_audits(ctx.user)
    section = Section("submit", f"Submit latency: POST {SUBMIT_PATH}, {len(pdf) / 1e6:.2f} MB PDF, gunicorn")
    section.headers = ["clients", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms"]
    for r in (single, loaded, opened):
        section.rows.append(
            [
                r["clients"],
                r["requests"],
                r["errors"],
                r["rps"],
                r["p50_ms"],
                r["p95_ms"],
                r["p99_ms"],
                r["max_ms"],
            ]
        )
    section.figures = {
        "single": single,
        "concurrent": loaded,
        "open_loop": opened,
        "upload_bytes": len(pdf),
        "command": argv,
    }
    cmd = " ".join(argv[argv.index("gunicorn") :]) if "gunicorn" in argv else " ".join(argv)
    section.notes.append(f"server: {cmd}")
    section.notes.append(
        "closed loop (rows 1-2): every client (its own user and token) sends its next request when the "
        "last returns, so req/s is the saturation rate; open loop (row 3): requests due at a fixed rate "
        "whatever the answers, latency from when each was due (targets: >= 150 req/s saturated, "
        f"p99 < 50 ms open loop at {OPEN_LOOP_RATE:g}/s); every upload is a distinct PDF (stored, job "
        "row, enqueue); the asyncio client shares the 2 cores"
    )
    section.notes.append(f"afterwards: {dropped} queued jobs dropped, {deleted} audits deleted")
    if loaded["error_codes"]:
        section.notes.append(f"errors: {loaded['error_codes']}")
    return section


# --- worker throughput -----------------------------------------------------------------------------


def _submit_all(
    base_url: str, tokens: list[str], pdfs: list[bytes], concurrency: int = 4
) -> tuple[list[str], float]:
    """Submit ``pdfs`` through the API, the clients' tokens in turn (each user stays under the per-user
    submit rate limit, as many crews would); returns (job ids in the order of ``pdfs``, seconds)."""
    import httpx

    async def go():
        ids: list[str] = [""] * len(pdfs)  # in the order of ``pdfs``
        sem = asyncio.Semaphore(concurrency)
        async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:

            async def one(i: int, pdf: bytes):
                body, ctype = multipart(pdf, f"audit-{i}.pdf")
                headers = {"Content-Type": ctype, "Authorization": f"Token {tokens[i % len(tokens)]}"}
                async with sem:
                    resp = await client.post(SUBMIT_PATH, content=body, headers=headers)
                if resp.status_code != 202:
                    raise NotAvailable(f"{SUBMIT_PATH} answered {resp.status_code}: {resp.text[:200]}")
                ids[i] = resp.json()["job_id"]

            await asyncio.gather(*(one(i, p) for i, p in enumerate(pdfs)))
        return ids

    started = time.perf_counter()
    ids = asyncio.run(go())
    return ids, time.perf_counter() - started


# Worker classes compared by the throughput section (jobs/worker.py): the product's default forking
# worker (library preloaded before each fork) and the in-process worker, side by side.
WORKER_CLASSES = {
    "forking": "jobs.worker.NexaWorker",
    "in_process": "jobs.worker.NexaSimpleWorker",
}


def _run_workers(
    log_dir: Path, count: int, cap_seconds: float, tag: str = "", worker_class: str = ""
) -> tuple[float, bool]:
    """Start ``count`` burst rqworkers (of ``worker_class``, default the product's); wait until they
    all exit (or ``cap_seconds``); returns (seconds, capped)."""
    procs = []
    started = time.perf_counter()
    for i in range(count):
        log = open(log_dir / f"bench-worker-{tag}{i}.log", "w")  # noqa: SIM115 (closed below)
        procs.append(
            (
                subprocess.Popen(
                    [
                        sys.executable,
                        "manage.py",
                        *WORKER_ARGS,
                        *(["--worker-class", worker_class] if worker_class else []),
                    ],
                    cwd=str(ROOT),
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                ),
                log,
            )
        )
    capped = False
    deadline = started + cap_seconds
    for proc, _log in procs:
        remaining = deadline - time.perf_counter()
        try:
            proc.wait(timeout=max(0.1, remaining))
        except subprocess.TimeoutExpired:
            capped = True
    elapsed = time.perf_counter() - started
    for proc, log in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)  # warm shutdown: finish the current job
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()
    return elapsed, capped


def _job_stats(job_ids: list[str]) -> dict:
    from jobs.models import AnalysisJob

    rows = list(
        AnalysisJob.objects.filter(pk__in=job_ids).values("status", "cached", "started_at", "finished_at")
    )
    done = [r for r in rows if r["status"] in ("SUCCESS", "FAILURE")]
    out = {
        "jobs": len(rows),
        "succeeded": sum(r["status"] == "SUCCESS" for r in rows),
        "failed": sum(r["status"] == "FAILURE" for r in rows),
        "cached": sum(bool(r["cached"]) for r in rows),
        "steady_s": None,
    }
    starts = [r["started_at"] for r in done if r["started_at"]]
    ends = [r["finished_at"] for r in done if r["finished_at"]]
    if starts and ends and len(done) > 1:
        out["steady_s"] = round((max(ends) - min(starts)).total_seconds(), 3)
    return out


def run_throughput(ctx, base_url: str, audits: int = 300, cap_seconds: float = 150.0) -> Section:
    """Audits per hour with 2 burst rqworkers.

    Modes: ``cache_off`` (distinct 10-page audits, the product's default forking ``NexaWorker``),
    ``cache_off_in_process`` (other distinct audits, the in-process ``NexaSimpleWorker``,
    side by side), ``cache_off_10k`` (the default worker against the 10,000-page library),
    ``cache_on`` (the audits of the first run resubmitted: answered from the analysis cache).
    """
    from benchmarks.env import clear_queues, client_tokens, delete_bench_audits
    from benchmarks.library import activate
    from jobs.models import AnalysisJob

    activate(SMALL_LIBRARY_DOCS)
    clear_queues()
    delete_bench_audits(ctx.user)
    log_dir = Path(ctx.data_dir)
    tokens = client_tokens(50)

    def fresh(tag: str) -> list[bytes]:
        nonce = uuid.uuid4().hex[:8]
        return [generate.audit_pdf(seed=10, pages=10, nonce=f"{tag}{nonce}-{i}") for i in range(audits)]

    section = Section(
        "throughput",
        f"Worker throughput: 2 rqworker --burst processes, up to {audits} 10-page audits (2,000-page library unless named)",
    )
    section.headers = ["mode", "audits", "submit s", "workers s", "audits/h (wall)", "audits/h (steady)", "ok", "failed", "cache hits"]  # fmt: skip
    modes = ["cache_off", "cache_off_in_process", "cache_off_10k", "cache_on"]
    pdfs = fresh("off")
    analysed: list[bytes] = []
    for mode in modes:
        if mode == "cache_off_in_process":
            pdfs = fresh("inproc")
        elif mode == "cache_off_10k":
            activate(LARGE_LIBRARY_DOCS)
            pdfs = fresh("large")
        elif mode == "cache_on":
            activate(SMALL_LIBRARY_DOCS)
            pdfs = analysed
        if not pdfs:
            section.notes.append(f"{mode}: skipped, no audit finished in the cache-off run")
            continue
        ids, submit_s = _submit_all(base_url, tokens, pdfs)
        worker_class = WORKER_CLASSES["in_process" if mode == "cache_off_in_process" else "forking"]
        workers_s, capped = _run_workers(log_dir, 2, cap_seconds, tag=f"{mode}-", worker_class=worker_class)
        stats = _job_stats(ids)
        finished = stats["succeeded"] + stats["failed"]
        wall = submit_s + workers_s
        per_hour_wall = round(finished / wall * 3600) if wall else None
        if mode == "cache_on" and stats["cached"] == len(ids):  # every answer came at submit
            per_hour_steady = round(finished / submit_s * 3600) if submit_s else None
        else:
            per_hour_steady = round(finished / stats["steady_s"] * 3600) if stats["steady_s"] else None
        fig = {
            **stats,
            "submitted": len(ids),
            "submit_s": round(submit_s, 2),
            "workers_s": round(workers_s, 2),
            "capped": capped,
            "audits_per_hour_wall": per_hour_wall,
            "audits_per_hour_steady": per_hour_steady,
            "audits_per_hour": per_hour_steady or per_hour_wall,
        }
        fig["worker_class"] = worker_class
        section.figures[mode] = fig
        section.rows.append(
            [mode.replace("_", " "), len(ids), fig["submit_s"], fig["workers_s"], per_hour_wall,
             per_hour_steady, stats["succeeded"], stats["failed"], stats["cached"]]
        )  # fmt: skip
        if capped:
            section.notes.append(
                f"{mode}: workers stopped after the {cap_seconds:.0f} s cap; counted finished jobs"
            )
        if stats["failed"]:
            codes = AnalysisJob.objects.filter(pk__in=ids, status="FAILURE").values_list(
                "error_code", flat=True
            )
            section.notes.append(f"{mode}: failures with codes {sorted(set(codes))}")
        clear_queues()  # what the cap left queued
        if mode == "cache_off":
            # resubmit only what was analysed: those are the cache hits
            ok = {
                str(pk)
                for pk in AnalysisJob.objects.filter(pk__in=ids, status="SUCCESS").values_list(
                    "pk", flat=True
                )
            }
            analysed = [pdf for pdf, job_id in zip(pdfs, ids, strict=True) if job_id in ok]
    section.notes.append(
        "wall = submit + worker processes from start to exit (Django start-up included); steady = the "
        "jobs' first start to last finish (cache on: submit time, the answer comes from the cache at submit)"
    )
    section.notes.append(f"worker command: manage.py {' '.join(WORKER_ARGS)} (x2); logs in {log_dir}")
    clear_queues()
    delete_bench_audits(ctx.user)
    return section
