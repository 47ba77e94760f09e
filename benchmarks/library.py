"""The generated spec library: parsed with ``engine.spec.parsing.parse_spec`` and put in the engine and the DB.

Parsing 10,000 pages is the slow part of setting up, so the parsed documents are cached (pickle)
keyed by the generator version and a hash of the parser's source (``specs/parsing.py`` and the
project modules it imports). The DB copy is marked with the same key and reinstalled only when
it changes. The 2,000-page library is the first 100 documents, the 10,000-page one all 500;
switching between them flips the status of the benchmark's documents (``READY`` / ``FAILED`` with
error code ``bench_parked``), which changes ``library_version()`` like any real import would.
"""

from __future__ import annotations

import ast
import hashlib
import json
import pickle
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from benchmarks import generate
from benchmarks.inputs import Inputs

ROOT = Path(__file__).resolve().parent.parent
BENCH_PREFIX = "bench-lib-"
PARKED = "bench_parked"


def _module_file(name: str) -> Path | None:
    parts = name.split(".")
    for candidate in (ROOT.joinpath(*parts).with_suffix(".py"), ROOT.joinpath(*parts, "__init__.py")):
        if candidate.exists():
            return candidate
    return None


def source_key(module: str = "engine.spec.parsing") -> str:
    """A hash of ``module``'s source and of every project module it imports, transitively."""
    seen: dict[str, str] = {}
    todo = [module]
    while todo:
        name = todo.pop()
        path = _module_file(name)
        if name in seen or path is None:
            continue
        text = path.read_text()
        seen[name] = text
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Import):
                todo += [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                todo.append(node.module)
                todo += [f"{node.module}.{a.name}" for a in node.names]
    digest = hashlib.sha256(generate.GENERATOR_VERSION.encode())
    for name in sorted(seen):
        digest.update(name.encode() + b"\0" + seen[name].encode())
    return digest.hexdigest()[:16]


def _parse_one(doc: dict):
    from engine.spec.parsing import parse_spec

    started = time.perf_counter()
    parsed = parse_spec(doc["pages"], doc["filename"])
    return parsed, time.perf_counter() - started


def parse_library(inputs: Inputs, processes: int = 2, log=print) -> tuple[list[dict], dict]:
    """Parse the 500 library documents (cached).

    Returns:
        (``[{"number", "filename", "sha256", "pages": n, "parsed": ParsedSpec}]``,
        ``{"key", "cached", "seconds", "parse_cpu_seconds", "clauses"}``).
    """
    key = source_key()
    cache = inputs.root / f"parsed-{key}.pkl"
    if cache.exists():
        docs = pickle.loads(cache.read_bytes())
        info = {"key": key, "cached": True, "seconds": 0.0}
    else:
        for old in inputs.root.glob("parsed-*.pkl"):
            old.unlink()
        texts = inputs.library_texts()
        log(
            f"parsing {sum(len(d['pages']) for d in texts):,} library pages with engine.spec.parsing.parse_spec"
        )
        started = time.perf_counter()
        with ProcessPoolExecutor(max_workers=processes) as pool:
            results = list(pool.map(_parse_one, texts, chunksize=5))
        docs = [
            {
                "number": d["number"],
                "filename": d["filename"],
                "sha256": d["sha256"],
                "pages": len(d["pages"]),
                "parsed": parsed,
                "parse_seconds": seconds,
            }
            for d, (parsed, seconds) in zip(texts, results, strict=True)
        ]
        info = {"key": key, "cached": False, "seconds": round(time.perf_counter() - started, 2)}
        cache.write_bytes(pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL))
    info["parse_cpu_seconds"] = round(sum(d.get("parse_seconds", 0.0) for d in docs), 2)
    info["clauses"] = sum(len(d["parsed"].clauses) for d in docs)
    return docs, info


def clause_records(docs: list[dict]) -> list:
    """``engine.library.ClauseRecord`` objects for ``docs`` (ids are None: not from the DB)."""
    from engine.library import ClauseRecord

    return [
        ClauseRecord.of(
            c,
            document=d["parsed"].document_number or d["number"],
            title=d["parsed"].title,
            revision=d["parsed"].revision,
        )
        for d in docs
        for c in d["parsed"].clauses
    ]


def _db_identity() -> str:
    from django.conf import settings

    db = settings.DATABASES["default"]
    return f"{db['ENGINE']}|{db.get('HOST') or ''}|{db.get('PORT') or ''}|{db['NAME']}"


def install_db_library(docs: list[dict], key: str, data_dir: Path, log=print) -> dict:
    """Make the DB hold the 500 benchmark documents and their clauses (reinstalled when ``key`` changes).

    Returns:
        ``{"installed": bool, "seconds", "documents", "clauses"}``.
    """
    from django.db import transaction

    from specs.models import SpecClause, SpecDocument

    marker = Path(data_dir) / "bench-db-library.json"
    want = {"key": key, "db": _db_identity()}
    bench_docs = SpecDocument.objects.filter(original_filename__startswith=BENCH_PREFIX)
    if marker.exists() and json.loads(marker.read_text()) == want and bench_docs.count() == len(docs):
        return {
            "installed": False,
            "seconds": 0.0,
            "documents": len(docs),
            "clauses": SpecClause.objects.filter(document__in=bench_docs).count(),
        }
    log(f"installing the benchmark library in the database ({len(docs)} documents)")
    started = time.perf_counter()
    with transaction.atomic():
        SpecClause.objects.filter(document__in=bench_docs).delete()
        bench_docs.delete()
        rows = [
            SpecDocument(
                document_number=(d["parsed"].document_number or d["number"])[:64],
                title=(d["parsed"].title or "")[:300],
                revision=(d["parsed"].revision or "")[:32],
                effective_date=d["parsed"].effective_date,
                original_filename=BENCH_PREFIX + d["filename"],
                file=f"bench/{d['filename']}",
                sha256=d["sha256"],
                size_bytes=0,
                page_count=d["pages"],
                status=SpecDocument.Status.READY,
            )
            for d in docs
        ]
        created = SpecDocument.objects.bulk_create(rows, batch_size=500)
        if any(doc.pk is None for doc in created):  # backends without RETURNING: read the ids back
            ids = dict(bench_docs.values_list("sha256", "pk"))
            for doc in created:
                doc.pk = ids[doc.sha256]
        clauses = _insert_clauses(
            [(doc.pk, d["parsed"].clauses) for doc, d in zip(created, docs, strict=True)]
        )
    marker.write_text(json.dumps(want))
    return {
        "installed": True,
        "seconds": round(time.perf_counter() - started, 2),
        "documents": len(docs),
        "clauses": clauses,
    }


def _insert_clauses(per_document: list[tuple[int, list]]) -> int:
    """Insert the parsed clauses with ``executemany`` (5x faster than ``bulk_create`` for 200k rows)."""
    from django.db import DatabaseError, connection, transaction

    from specs.models import SpecClause

    q = connection.ops.quote_name
    table = SpecClause._meta.db_table
    json_param = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
    sql = (
        f"INSERT INTO {q(table)} ({q('document_id')}, {q('section')}, {q('heading')}, {q('text')}, "
        f"{q('kind')}, {q('page')}, {q('order')}, {q('data')}) VALUES (%s, %s, %s, %s, %s, %s, %s, {json_param})"
    )
    rows = [
        (
            pk,
            (c.section or "")[:32],
            (c.heading or "")[:300],
            c.text,
            c.kind,
            c.page,
            c.order,
            json.dumps(c.data or {}),
        )
        for pk, clauses in per_document
        for c in clauses
    ]
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            for start in range(0, len(rows), 5000):
                cursor.executemany(sql, rows[start : start + 5000])
    except DatabaseError:  # the table gained a column this statement does not fill: the slow way
        SpecClause.objects.bulk_create(
            [
                SpecClause(document_id=pk, section=r[1], heading=r[2], text=r[3], kind=r[4], page=r[5], order=r[6],
                           data=json.loads(r[7]))
                for r in rows
                for pk in (r[0],)
            ],
            batch_size=2000,
        )  # fmt: skip
    return len(rows)


def activate(documents: int) -> str:
    """Make the first ``documents`` benchmark documents the active library; returns the library version."""
    from specs.models import SpecDocument, library_version

    bench = SpecDocument.objects.filter(original_filename__startswith=BENCH_PREFIX).order_by(
        "original_filename"
    )
    ids = list(bench.values_list("pk", flat=True))
    on, off = ids[:documents], ids[documents:]
    SpecDocument.objects.filter(pk__in=on).update(status=SpecDocument.Status.READY, error_code="")
    SpecDocument.objects.filter(pk__in=off).update(status=SpecDocument.Status.FAILED, error_code=PARKED)
    return library_version()


HUGE_PREFIX = "hugebench-"  # the copies that make the 50,000-page library (``--huge``)


def install_huge_copies(docs: list[dict], copies: int, log=print) -> dict:
    """Hold ``copies`` more copies of the benchmark documents (numbers ``<n>-C1`` ...), parked until
    :func:`activate_huge`: with the 500 originals, 4 copies make a 50,000-page library.

    Returns:
        ``{"installed": bool, "seconds", "documents", "clauses"}``.
    """
    import hashlib

    from django.db import transaction

    from specs.models import SpecDocument

    existing = SpecDocument.objects.filter(original_filename__startswith=HUGE_PREFIX)
    if existing.count() == len(docs) * copies:
        return {"installed": False, "seconds": 0.0, "documents": len(docs) * copies}
    log(f"installing {copies} copies of the benchmark library ({len(docs) * copies} documents)")
    started = time.perf_counter()
    with transaction.atomic():
        existing.delete()
        rows, parsed = [], []
        for k in range(1, copies + 1):
            for d in docs:
                rows.append(
                    SpecDocument(
                        document_number=f"{(d['parsed'].document_number or d['number'])[:58]}-C{k}",
                        title=(d["parsed"].title or "")[:300],
                        revision=(d["parsed"].revision or "")[:32],
                        original_filename=f"{HUGE_PREFIX}{k}-{d['filename']}",
                        file=f"bench/{d['filename']}",
                        sha256=hashlib.sha256(f"{d['sha256']}:{k}".encode()).hexdigest(),
                        page_count=d["pages"],
                        status=SpecDocument.Status.FAILED,
                        error_code=PARKED,
                    )
                )
                parsed.append(d["parsed"].clauses)
        created = SpecDocument.objects.bulk_create(rows, batch_size=500)
        if any(doc.pk is None for doc in created):
            ids = dict(existing.values_list("sha256", "pk"))
            for doc in created:
                doc.pk = ids[doc.sha256]
        clauses = _insert_clauses([(doc.pk, c) for doc, c in zip(created, parsed, strict=True)])
    return {
        "installed": True,
        "seconds": round(time.perf_counter() - started, 1),
        "documents": len(rows),
        "clauses": clauses,
    }


def activate_huge(on: bool) -> None:
    """Put the copies of :func:`install_huge_copies` in the active library (``on``) or park them."""
    from specs.models import SpecDocument

    copies = SpecDocument.objects.filter(original_filename__startswith=HUGE_PREFIX)
    if on:
        copies.update(status=SpecDocument.Status.READY, error_code="")
    else:
        copies.update(status=SpecDocument.Status.FAILED, error_code=PARKED)
