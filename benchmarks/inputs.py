"""Generated benchmark inputs, cached in the data dir and keyed by the generator version.

Layout under ``<data dir>/bench-inputs/g<GENERATOR_VERSION>/``::

    library/900000.pdf ... 900499.pdf   500 documents x 20 pages (the first 100 make the 2,000-page library)
    library-text.json                   the text pypdf extracts from each of them (``engine.pdftext``)
    import-500.pdf                      one 500-page spec for the import benchmark
    audit-1.pdf audit-10.pdf audit-50.pdf   (re-made every run: they take milliseconds)
    upload-1mb.pdf                      a ~1 MB audit (1 page of text and an incompressible photo)
    manifest.json                       written last: its presence means the set is complete

Plain Python (no Django): runs before Django is set up, in a pool of processes.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import generate

DOC_PAGES = 20
SMALL_LIBRARY_DOCS = 100  # 2,000 pages
LARGE_LIBRARY_DOCS = 500  # 10,000 pages
IMPORT_PAGES = 500
AUDIT_SIZES = (1, 10, 50, 200)
UPLOAD_BYTES = 1_000_000


@dataclass
class Inputs:
    """Paths of the generated inputs and how long making them took."""

    root: Path
    library_pdfs: list[Path]
    import_pdf: Path
    audits: dict[int, Path]
    upload: Path
    seconds: float = 0.0
    cached: bool = False
    manifest: dict = field(default_factory=dict)

    @property
    def library_text_path(self) -> Path:
        """The JSON file holding every library document's page texts."""
        return self.root / "library-text.json"

    def library_texts(self) -> list[dict]:
        """``[{"number", "filename", "sha256", "pages": [page text, ...]}, ...]`` for the 500 documents."""
        return json.loads(self.library_text_path.read_text())


def inputs_root(data_dir: str | os.PathLike) -> Path:
    """The cache folder of this generator version inside ``data_dir``."""
    return Path(data_dir) / "bench-inputs" / f"g{generate.GENERATOR_VERSION}"


def _make_library_doc(args: tuple[int, str]) -> dict:
    """Pool task: draw document ``index`` into ``folder``; return its metadata and page texts.

    The page texts are the drawn lines (what ``extract_pages`` returns for these files, which
    :func:`text_fidelity` checks on a sample each run): extracting 10,000 pages with pypdf would
    double the generation time and measure nothing the spec-import benchmark does not.
    """
    import hashlib

    index, folder = args
    data, drawn = generate.spec_document(index, DOC_PAGES)
    path = Path(folder) / f"{generate.spec_number(index)}.pdf"
    path.write_bytes(data)
    return {
        "number": generate.spec_number(index),
        "filename": path.name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "pages": [generate.page_text(lines) for lines in drawn],
    }


def text_fidelity(inputs: Inputs, sample: int = 3) -> dict:
    """Extract ``sample`` library documents with ``engine.pdftext`` and compare with the cached texts.

    Returns:
        ``{"documents", "pages", "mismatched_pages"}``.
    """
    from engine.pdftext import extract_pages

    texts = inputs.library_texts()
    step = max(1, len(texts) // sample)
    checked = texts[::step][:sample]
    pages = mismatched = 0
    for doc in checked:
        extracted = extract_pages(inputs.root / "library" / doc["filename"]).pages
        pages += len(extracted)
        mismatched += sum(a != b for a, b in zip(extracted, doc["pages"], strict=False))
        mismatched += abs(len(extracted) - len(doc["pages"]))
    return {"documents": len(checked), "pages": pages, "mismatched_pages": mismatched}


def _make_import_spec(path: str) -> None:
    """Pool task: one long spec (``IMPORT_PAGES`` pages) for the import benchmark."""
    data, _ = generate.spec_document(9000, IMPORT_PAGES)
    Path(path).write_bytes(data)


def _write_small_inputs(inputs: Inputs) -> None:
    """The audits and the upload: cheap (well under a second), so made afresh on every run."""
    inputs.root.mkdir(parents=True, exist_ok=True)
    for n, path in inputs.audits.items():
        path.write_bytes(generate.audit_pdf(seed=n, pages=n))
    inputs.upload.write_bytes(generate.upload_pdf(UPLOAD_BYTES))


def ensure_inputs(data_dir: str | os.PathLike, processes: int = 2, log=print) -> Inputs:
    """Return the benchmark inputs, generating any that are missing.

    Args:
        data_dir: the Nexa data dir; inputs live in ``bench-inputs/g<version>`` below it.
        processes: size of the process pool used for drawing and extracting the library.
        log: a ``print``-like callable for progress lines.

    Returns:
        Inputs with ``cached`` True when everything was already there.
    """
    root = inputs_root(data_dir)
    lib_dir = root / "library"
    inputs = Inputs(
        root=root,
        library_pdfs=[lib_dir / f"{generate.spec_number(i)}.pdf" for i in range(LARGE_LIBRARY_DOCS)],
        import_pdf=root / f"import-{IMPORT_PAGES}.pdf",
        audits={n: root / f"audit-{n}.pdf" for n in AUDIT_SIZES},
        upload=root / "upload-1mb.pdf",
    )
    manifest_path = root / "manifest.json"
    _write_small_inputs(inputs)
    if manifest_path.exists():
        inputs.manifest = json.loads(manifest_path.read_text())
        if all(p.exists() for p in [*inputs.library_pdfs, inputs.import_pdf, inputs.upload]):
            inputs.cached = True
            inputs.seconds = inputs.manifest.get("seconds", 0.0)
            return inputs
    started = time.perf_counter()
    if lib_dir.exists():
        shutil.rmtree(lib_dir)
    lib_dir.mkdir(parents=True)
    log(
        f"generating inputs (generator v{generate.GENERATOR_VERSION}) in {root}: "
        f"{LARGE_LIBRARY_DOCS * DOC_PAGES:,} library pages, a {IMPORT_PAGES}-page spec, audits, upload"
    )
    with ProcessPoolExecutor(max_workers=processes) as pool:
        import_future = pool.submit(_make_import_spec, str(inputs.import_pdf))
        docs = list(
            pool.map(_make_library_doc, [(i, str(lib_dir)) for i in range(LARGE_LIBRARY_DOCS)], chunksize=10)
        )
        import_future.result()
    inputs.library_text_path.write_text(json.dumps(docs))
    inputs.seconds = round(time.perf_counter() - started, 2)
    inputs.manifest = {
        "generator_version": generate.GENERATOR_VERSION,
        "library_documents": LARGE_LIBRARY_DOCS,
        "pages_per_document": DOC_PAGES,
        "seconds": inputs.seconds,
    }
    manifest_path.write_text(json.dumps(inputs.manifest))
    log(f"inputs generated in {inputs.seconds:.1f} s")
    return inputs
