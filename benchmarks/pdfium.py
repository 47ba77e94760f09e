"""PDFium (pypdfium2) page text beside pypdf's, for ``make bench`` and ``make eval PDF_TEXT=pdfium``.

The product reads text with pypdf (``engine.pdftext``). This module swaps only the per-page text call
for PDFium's, keeping pypdf's opening, encryption and page-count checks and every size bound, so the
two can be compared on the same inputs: pages per second here, scores on every corpus through
``make eval`` (``sitecustomize`` in ``benchmarks/pdfium_site`` applies :func:`use_pdfium` in each
process the scorer starts).
"""

from __future__ import annotations

import time
from pathlib import Path


def pdfium_text(data: bytes) -> list[str]:
    """Every page's text as PDFium extracts it, cleaned as ``engine.pdftext.clean_text`` does.

    Raises:
        pypdfium2.PdfiumError: the file cannot be opened.
    """
    import pypdfium2

    from engine.pdftext import clean_text

    doc = pypdfium2.PdfDocument(data)
    try:
        out = []
        for page in doc:
            textpage = page.get_textpage()
            out.append(clean_text(textpage.get_text_range().replace("\r\n", "\n")))
            textpage.close()
            page.close()
        return out
    finally:
        doc.close()


def use_pdfium() -> None:
    """Make ``engine.pdftext`` take each page's text from PDFium (this process only)."""
    import weakref

    from engine import pdftext

    documents: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def page_text(reader, number: int, max_seconds, tables=None):
        pages = documents.get(reader)
        if pages is None:
            pages = pdfium_text(reader.stream.getvalue())
            documents[reader] = pages
        return pages[number] if number < len(pages) else None

    pdftext._page_text = page_text


def compare(paths: list[Path], repeats: int = 1) -> dict:
    """Pages per second of pypdf (``engine.pdftext.extract_pages``) and of PDFium on ``paths``, and how
    many pages' texts differ once whitespace is ignored.

    Returns:
        ``{"pages", "pypdf_pages_per_s", "pdfium_pages_per_s", "differing_pages"}``.
    """
    from engine.pdftext import extract_pages

    blobs = [p.read_bytes() for p in paths]
    started = time.process_time()
    ours = [extract_pages(b).pages for _ in range(repeats) for b in blobs]
    pypdf_s = time.process_time() - started
    started = time.process_time()
    theirs = [pdfium_text(b) for _ in range(repeats) for b in blobs]
    pdfium_s = time.process_time() - started
    pages = sum(len(p) for p in ours)
    differing = sum(
        1
        for a_doc, b_doc in zip(ours, theirs, strict=True)
        for a, b in zip(a_doc, b_doc, strict=False)
        if "".join(a.split()) != "".join(b.split())
    )
    return {
        "pages": pages,
        "pypdf_pages_per_s": round(pages / pypdf_s, 1) if pypdf_s else None,
        "pdfium_pages_per_s": round(pages / pdfium_s, 1) if pdfium_s else None,
        "differing_pages": differing,
    }
